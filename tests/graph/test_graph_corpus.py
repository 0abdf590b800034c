"""The dev corpus through the real extractor: ingested twice, one file edited, queried against the gold."""
from __future__ import annotations

import shutil

import pytest

from pipeline.graph import queries
from pipeline.graph.ingest import ingest
from pipeline.graph.store import open_store
from tests.corpus import DOC_IDS, RAW, load_gold

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Three runs over a copy of corpora/raw: first, unchanged, after editing one file."""
    try:
        from pipeline.extraction import extract
        probe = extract(str(RAW / "xiamen-2009-notice.txt"))
    except Exception as exc:  # the extractor is built in parallel: say why the corpus tests cannot run
        pytest.skip(f"pipeline.extraction unusable: {type(exc).__name__}: {exc}")
    if probe.error:
        pytest.skip(f"pipeline.extraction fails on the corpus: {probe.error}")
    tmp = tmp_path_factory.mktemp("corpus")
    raw = shutil.copytree(RAW, tmp / "raw")
    db = tmp / "g.db"
    first = ingest([raw], db, workers=2, progress=False)
    second = ingest([raw], db, workers=2, progress=False)
    edited = raw / "xiamen-2009-notice.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = ingest([raw], db, workers=2, progress=False)
    return first, second, third, db, edited


def test_second_run_reports_every_document_unchanged_at_under_5_percent(runs):
    first, second, _, _, _ = runs
    assert len(first.added) == len(DOC_IDS) and first.exit_code == 0
    assert (second.added, second.updated, second.unchanged) == ([], [], len(DOC_IDS))
    assert second.seconds < 0.05 * first.seconds


def test_editing_one_file_reprocesses_only_it(runs):
    _, _, third, _, edited = runs
    assert third.updated == [str(edited.resolve())] and third.unchanged == len(DOC_IDS) - 1


def test_proposal_query_matches_the_gold(runs):
    gold = load_gold("zs-2024-reply-133089")["proposal"]
    with open_store(runs[3]) as s:
        [p] = queries.proposal(s, gold["number"])
    assert p["proposers"] == gold["proposers"]
    assert p["replies"][0]["replying_units"] == ["中山市商务局"]


def test_agency_alias_resolves_to_the_canonical_bureau(runs):
    with open_store(runs[3]) as s:
        found = queries.agency(s, "市工信局")
    assert [a["canonical"] for a in found] == ["中山市工业和信息化局"]
    assert "市工信局" in found[0]["aliases"]
