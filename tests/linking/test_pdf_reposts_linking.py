"""A notice reposted as PDF (rendered, then read back through the sources stage) joins its group."""
from __future__ import annotations

import pytest

from pipeline.linking.duplicates import group_duplicates
from pipeline.linking.summary import DocSummary
from tests.linking.sketch import corpus_records, sketch_record

render_pdf = pytest.importorskip("render_pdf", reason="corpora/render_pdf.py not there yet")


def _pdf_text(path) -> str:
    try:
        from pipeline.sources import load
    except ImportError:
        pytest.skip("pipeline.sources.load not there yet")
    source = load(str(path), isolate=False)
    assert not source.error, source.error
    return "\n".join(line.text for page in source.pages for line in page.lines)


@pytest.mark.parametrize("doc_id, traditional", [("zs-2025-wenwaimao-measures", False),
                                                  ("henan-2023-chain-measures", True)])
def test_pdf_repost_is_grouped_with_the_original(tmp_path, doc_id, traditional):
    from make_variants import to_traditional
    original = next(r for r in corpus_records() if r.id == doc_id)
    text = to_traditional(original.text) if traditional else original.text
    pdf = tmp_path / "repost.pdf"
    render_pdf.render(text, pdf, header="政府信息公开", footer=None)
    repost = sketch_record("pdf-repost", _pdf_text(pdf), original.meta.title, original.meta.issuer)
    repost.meta.date = original.meta.date
    records = list(corpus_records()) + [repost]
    groups = group_duplicates([DocSummary.from_record(r) for r in records])
    group = next(g for g in groups if "pdf-repost" in g.members)
    assert group.members == [doc_id, "pdf-repost"]
