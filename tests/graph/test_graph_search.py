"""Full-text search over the store: jieba terms in FTS5 tables kept current by every write, found by any
part of a name, a doc number or words of a text, grouped by kind and best first."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.graph.fulltext import indexed, indexed_spans, match_expression, query_words, terms
from pipeline.graph.migrations import schema_version
from pipeline.graph.schema import SCHEMA_VERSION
from pipeline.graph.search import search
from pipeline.graph.store import open_store
from tests.graph.fakes import ingest_fake, measures_record, reply_record, small_store, write_record_file
from tests.graph.stores import new_store

pytestmark = pytest.mark.usefixtures("backend")


def _found(store, text, kind=None):
    return [(r["kind"], r["key"]) for r in search(store, text) if kind is None or r["kind"] == kind]


def test_terms_are_simplified_jieba_words_with_their_dictionary_parts():
    assert terms("中山市工业和信息化局") == ["中山", "中山市", "工业", "信息", "信息化", "工业和信息化局"]
    assert terms("中山市穩外貿") == terms("中山市稳外贸")                      # traditional script is indexed simplified
    assert "，" not in indexed("创新为本，分类发展。") and indexed("") == ""


def test_the_slices_of_a_text_are_indexed_as_the_text_cut_once():
    text = "一、加快开拓国际市场\n二、支持贸易融资"
    whole, second = indexed_spans(text, [(0, len(text)), (text.index("二"), len(text))])
    assert whole == indexed(text) and second == indexed("二、支持贸易融资")


def test_a_query_needs_every_word_and_quotes_them():
    assert query_words("稳外贸 促增长") == ["稳", "外贸", "促", "增长"]
    assert match_expression("稳外贸") == '"稳" AND "外贸"*'
    assert match_expression('工信" OR *') == '"工信"* AND "OR"*'            # FTS5 syntax is only text
    assert match_expression("，。") is None


def test_an_agency_is_found_by_any_part_of_an_alias(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        assert _found(s, "工信", "agency") == [("agency", "中山市工业和信息化局")]
        assert _found(s, "市工信局", "agency") == [("agency", "中山市工业和信息化局")]
        assert _found(s, "中山市工业和信息化局", "agency")[0] == ("agency", "中山市工业和信息化局")
        [hit] = [r for r in search(s, "工信") if r["kind"] == "agency"]
        assert hit["detail"] == "市工信局"                                      # the alias that matched


def test_an_exact_name_comes_before_names_containing_it(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        found = _found(s, "中山市商务局", "agency")
    assert found[0] == ("agency", "中山市商务局")


def test_a_document_is_found_by_doc_number_title_or_words_of_its_text(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        assert _found(s, "中山商务贸函〔2024〕8号", "document") == [("document", "reply133089")]
        assert _found(s, "中山商务贸函[2024]8号", "document")[0] == ("document", "reply133089")
        assert _found(s, "外经贸发展若干措施", "document")[0] == ("document", "measures01")
        assert ("document", "measures01") in _found(s, "贸易融资", "document")
        assert _found(s, "没有的词语组合", "document") == []


def test_measures_and_proposals_are_found_by_their_words_and_numbers(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        assert _found(s, "贸易融资", "measure") == [("measure", "measures01/m2")]
        assert _found(s, "国际市场", "measure")[0] == ("measure", "measures01/m1")
        assert _found(s, "133089", "proposal") == [("proposal", "中山市政协十三届三次会议#133089")]
        assert _found(s, "蔡先全", "proposal") == [("proposal", "中山市政协十三届三次会议#133089")]
        assert _found(s, "外贸高质量发展", "proposal") == [("proposal", "中山市政协十三届三次会议#133089")]


def test_results_come_grouped_by_kind_in_a_fixed_order(tmp_path):
    with open_store(small_store(tmp_path)) as s:
        kinds = [r["kind"] for r in search(s, "中山市商务局")]
    assert kinds == sorted(kinds, key=["agency", "document", "measure", "proposal"].index) and len(set(kinds)) >= 2


def test_the_index_follows_a_changed_document(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "measures.txt", measures_record(title="中山市促进外经贸发展若干措施"))
    db = new_store(tmp_path, "kg.db")
    ingest_fake([docs], db)
    write_record_file(docs / "measures.txt", measures_record(doc_id="measures02", title="中山市支持跨境电商若干措施"))
    ingest_fake([docs], db)
    with open_store(db) as s:
        assert _found(s, "外经贸发展", "document") == [] and _found(s, "跨境电商", "document") == [
            ("document", "measures02")]
        assert s.sql("SELECT count(*) AS n FROM search_documents")[0]["n"] == 1
        assert s.sql("SELECT count(*) AS n FROM search_measures")[0]["n"] == 2


def test_a_removed_document_takes_its_rows_and_its_agencies_rows_with_it(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_record_file(docs / "reply.txt", reply_record())
    write_record_file(docs / "measures.txt", measures_record())
    db = new_store(tmp_path, "kg.db")
    ingest_fake([docs], db)
    (docs / "reply.txt").unlink()
    ingest_fake([docs], db, prune=True)
    with open_store(db) as s:
        assert _found(s, "133089") == []                              # the reply and its proposal
        assert _found(s, "市工信局", "agency") == []                   # only the reply wrote 市工信局
        assert _found(s, "工业和信息化局", "agency") == [("agency", "中山市工业和信息化局")]
        counts = {t: s.sql(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in
                  ("search_documents", "search_measures", "search_proposals", "search_agencies")}
        agencies = s.sql("SELECT count(*) AS n FROM agencies")[0]["n"]
    assert counts == {"search_documents": 1, "search_measures": 2, "search_proposals": 0,
                      "search_agencies": agencies}


def test_names_merged_by_linking_are_searchable(tmp_path):
    with open_store(small_store(tmp_path, link=True)) as s:
        merged = s.sql("SELECT agency, alias FROM agency_aliases ORDER BY agency, alias")
        assert merged
        for row in merged:
            assert ("agency", row["agency"]) in _found(s, row["alias"], "agency")


def test_an_older_store_gets_the_index_built_when_opened(tmp_path):
    db = small_store(tmp_path, link=True)
    with open_store(db) as s:
        before = search(s, "工信") + search(s, "133089") + search(s, "贸易融资")
    with sqlite3.connect(db) as conn:                  # the store as schema 3 had it
        for table in ("search_documents", "search_measures", "search_proposals", "search_agencies"):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    with open_store(db) as s:
        assert schema_version(s.conn) == SCHEMA_VERSION
        assert search(s, "工信") + search(s, "133089") + search(s, "贸易融资") == before


@pytest.mark.parametrize("text", ['"', "*", "AND", "NEAR(", "a OR b", "\\", "%", "_", "  ", "'); DROP TABLE x; --"])
def test_any_text_is_a_harmless_query(tmp_path, text):
    with open_store(small_store(tmp_path)) as s:
        assert isinstance(search(s, text), list)
        assert s.sql("SELECT count(*) AS n FROM documents")[0]["n"] == 2
