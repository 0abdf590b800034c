"""Queries: agency by alias, proposal, caps with filters, documents by id or number, neighbours, paths, stats."""
from __future__ import annotations

import pytest

from pipeline.graph import queries
from tests.graph.fakes import ingest_fake, measures_record, write_record_file
from tests.graph.stores import new_store

pytestmark = pytest.mark.usefixtures("backend")


def test_agency_by_alias(store):
    [report] = queries.agency(store, "市工信局")
    assert report["canonical"] == "中山市工业和信息化局"
    assert report["aliases"] == ["工业和信息化局", "市工信局"]
    assert [(m["measure"], m["caps"], m["role"]) for m in report["measures"]] == [("一", ["最高50万元"], None)]
    assert [(r["doc_id"], r["proposal"]) for r in report["replies_co_handled"]] == [("reply133089", "133089")]
    assert report["documents_issued"] == []


def test_agency_by_canonical_name_lists_documents_and_replies(store):
    [report] = queries.agency(store, "中山市商务局")
    assert [d["doc_id"] for d in report["documents_issued"]] == ["reply133089"]
    assert [r["proposal"] for r in report["replies_written"]] == ["133089"]
    assert [(m["measure"], m["role"]) for m in report["measures"]] == [("一", "lead")]


def test_agency_unknown_name_gives_nothing(store):
    assert queries.agency(store, "苏州市农业农村局") == []


def test_proposal_with_its_reply_units_and_statuses(store):
    [p] = queries.proposal(store, "133089")
    assert (p["session"], p["proposers"]) == ("中山市政协十三届三次会议", ["蔡先全", "杜姬芳", "陆玲"])
    [reply] = p["replies"]
    assert reply["replying_units"] == ["中山市商务局"]
    assert reply["co_handlers"] == ["中山市工业和信息化局", "中山市财政局"]
    assert [(r["label"], r["status"]) for r in reply["responses"]] == [("一", "吸收采纳"), ("二", "留作参考")]


@pytest.mark.parametrize("options, expected", [
    ({}, [500000]),
    ({"min_amount": 600000}, []),
    ({"agency_name": "工业和信息化局"}, [500000]),
    ({"agency_name": "中山市人民政府办公室"}, [500000]),        # the issuer of the measures
    ({"agency_name": "市财政局"}, []),                          # responsible for measure 二 only (a grant)
    ({"in_force_on": "2025-06-30"}, [500000]),
    ({"in_force_on": "2026-01-01"}, []),
    ({"in_force_on": "2024-12-31"}, []),
])
def test_caps_filters(store, options, expected):
    assert [c["amount"] for c in queries.caps(store, **options)] == expected


def test_caps_limit_keeps_the_largest(tmp_path):
    for i, cap in enumerate((300000, 1000000, 50000)):
        write_record_file(tmp_path / f"m{i}.txt", measures_record(f"m{i}", cap=cap))
    ingest_fake([tmp_path], new_store(tmp_path, "g.db"))
    from pipeline.graph.store import open_store
    with open_store(new_store(tmp_path, "g.db")) as s:
        assert [c["amount"] for c in queries.caps(s, limit=2)] == [1000000, 300000]
        assert [c["amount"] for c in queries.caps(s, min_amount=100000)] == [1000000, 300000]


def test_caps_rows_carry_rate_scope_measure_and_document(store):
    [cap] = queries.caps(store)
    assert (cap["rate"], cap["scope"], cap["measure"], cap["measure_title"]) == (0.5, "每家企业", "一", "加快开拓国际市场")
    assert (cap["doc_number"], cap["responsible"]) == ("中府办〔2025〕1号", ["中山市商务局", "中山市工业和信息化局"])


@pytest.mark.parametrize("ident", ["measures01", "中府办〔2025〕1号", "中府办[2025]1號", "中府办（2025）1号"])
def test_document_by_id_or_any_form_of_its_number(store, ident):
    [doc] = queries.document(store, ident)
    assert doc["doc_id"] == "measures01"
    assert doc["cited_by"] == ["reply133089"]                  # cited by title in the reply
    assert [e["edge"] for e in doc["edges"]].count("HAS_MEASURE") == 2


def test_citation_resolves_to_the_ingested_document(store):
    [reply] = queries.document(store, "reply133089")
    [cites] = [e for e in reply["edges"] if e["edge"] == "CITES"]
    assert cites["ingested_as"] == "measures01"


def test_neighbours_by_depth(store):
    one = queries.neighbours(store, "133089", depth=1)
    assert one["node"] == "Proposal:中山市政协十三届三次会议#133089"
    assert {n["type"] for n in one["nodes"] if n["distance"] == 1} == {"Document", "Person", "Session"}
    two = queries.neighbours(store, "133089", depth=2)
    # through the reply's citation the measures document is two steps away
    assert {"Document:measures01", "Agency:中山市财政局"} <= {n["key"] for n in two["nodes"]}


def test_path_from_a_proposer_to_a_cited_document(store):
    result = queries.path(store, "蔡先全", "中府办〔2025〕1号")
    nodes = [s["node"] for s in result["path"] if "node" in s]
    assert nodes == ["Person:蔡先全|中山市", "Proposal:中山市政协十三届三次会议#133089", "Document:reply133089",
                     "Document:measures01"]
    assert [(s["edge"], s["direction"]) for s in result["path"] if "edge" in s] == \
        [("PROPOSED_BY", "<-"), ("REPLIES_TO", "<-"), ("CITES", "->")]


def test_path_to_a_cap_takes_five_steps(store):
    result = queries.path(store, "蔡先全", "Amount:measures01/a1")
    assert len([s for s in result["path"] if "edge" in s]) == 5
    assert result["path"][-1]["node"] == "Amount:measures01/a1"


def test_path_between_unconnected_nodes_is_empty(tmp_path, store):
    assert queries.path(store, "蔡先全", "nothing-like-this")["path"] == []


def test_stats_counts(store):
    s = queries.stats(store)
    assert s["documents"] == 2 and s["documents_by_type"] == {"函": 1, "措施": 1}
    assert s["documents_by_year"] == {2024: 1, 2025: 1}
    assert s["nodes"]["Agency"] == 4 and s["edges"]["PROPOSED_BY"] == 3


def test_agency_alias_shared_by_two_cities_gives_both(tmp_path):
    other = measures_record("jm01", title="江门市制造业高质量发展若干措施")
    for e in other.entities:
        if e.label == "AGENCY":
            e.attrs["canonical"] = e.attrs["canonical"].replace("中山市", "江门市")
    other.measures = []
    write_record_file(tmp_path / "a.txt", measures_record())
    write_record_file(tmp_path / "b.txt", other)
    ingest_fake([tmp_path / "a.txt", tmp_path / "b.txt"], new_store(tmp_path, "g.db"))
    from pipeline.graph.store import open_store
    with open_store(new_store(tmp_path, "g.db")) as s:
        assert [a["canonical"] for a in queries.agency(s, "工业和信息化局")] == \
            ["中山市工业和信息化局", "江门市工业和信息化局"]


def test_a_name_left_unresolved_elsewhere_still_stands_for_the_bodies_it_is_an_alias_of(tmp_path):
    from tests.graph.fakes import reply_record
    other = measures_record("gs01", title="某市关于加大招商引资力度的实施意见")
    other.entities = [e for e in other.entities if e.label != "AGENCY"] + [
        type(other.entities[0])("AGENCY", "市工信局", 0, 4, 1, {"canonical": "市工信局"})]  # a placeless text's
    other.measures = []
    for name, record in (("a.txt", measures_record()), ("b.txt", reply_record()), ("c.txt", other)):
        write_record_file(tmp_path / name, record)
    ingest_fake([tmp_path / n for n in ("a.txt", "b.txt", "c.txt")], new_store(tmp_path, "g.db"))
    from pipeline.graph.store import open_store
    with open_store(new_store(tmp_path, "g.db")) as s:
        assert [a["canonical"] for a in queries.agency(s, "市工信局")] == ["市工信局", "中山市工业和信息化局"]
        assert [c["amount"] for c in queries.caps(s, agency_name="市工信局")] == [500000]
