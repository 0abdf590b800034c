"""The web app's pages and JSON API over the corpus store (in-process client): what each address shows, that
the API says what the command line's --json says, clear 404s and 400s, no write endpoint, escaped text."""
from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pytest

from pipeline.graph.commands import query_command
from pipeline.graph.store import open_store
from pipeline.output import as_csv, as_json
from pipeline.web.present import url_for


def _cli_json(store, what, *args, **options) -> str:
    """What `policykg query WHAT ... --json` prints."""
    return as_json(query_command(what, *args, store=store, **options))


@pytest.mark.parametrize("path, what, args, options", [
    ("/api/agency/市工信局", "agency", ["市工信局"], {}),
    ("/api/proposal/133089", "proposal", ["133089"], {}),
    ("/api/followup/133089", "followup", ["133089"], {}),
    ("/api/doc/中山商务贸函〔2024〕8号", "doc", ["中山商务贸函〔2024〕8号"], {}),
    ("/api/caps?min=1000000&on=2025-06-30", "caps", [], {"min_amount": 1000000.0, "in_force_on": "2025-06-30"}),
    ("/api/caps?agency=市工信局&type=通知&year=2025", "caps", [], {"agency_name": "市工信局", "doc_type": "通知", "year": 2025}),
    ("/api/graph?node=市工信局&depth=2", "neighbours", ["市工信局"], {"depth": 2}),
])
def test_the_api_answers_what_the_command_line_prints_as_json(client, web_store, path, what, args, options):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/json")
    assert response.text == _cli_json(web_store, what, *args, **options)
    assert json.loads(response.text)


def test_search_api_lists_kind_name_and_address_grouped_by_kind(client, ids):
    results = client.get("/api/search", params={"q": "工信"}).json()
    kinds = [r["kind"] for r in results]
    assert kinds == sorted(kinds, key=["agency", "document", "measure", "proposal"].index)
    agency = next(r for r in results if r["name"] == "中山市工业和信息化局")
    assert agency["kind"] == "agency" and agency["url"] == "/agency/" + quote("中山市工业和信息化局", safe="")
    [first] = [r for r in client.get("/api/search", params={"q": "中山商务贸函〔2024〕8号"}).json()
               if r["kind"] == "document"][:1]
    assert first["url"] == f"/doc/{ids['zs-2024-reply-133089']}"
    proposal = client.get("/api/search", params={"q": "133089"}).json()
    assert {"kind": "proposal", "url": url_for("proposal", "中山市政协十三届三次会议#133089")}.items() <= \
        next(r for r in proposal if r["kind"] == "proposal").items()


def test_search_finds_a_traditional_script_document_by_simplified_words(client, ids):
    results = client.get("/api/search", params={"q": "东莞"}).json()
    assert f"/doc/{ids['dongguan-2021-measures-trad']}" in [r["url"] for r in results if r["kind"] == "document"]


def test_search_page_groups_results_and_htmx_gets_only_the_results(client):
    page = client.get("/search", params={"q": "稳外贸"})
    assert page.status_code == 200 and "<html" in page.text and "文件 Documents" in page.text
    assert "<mark>稳外贸</mark>" in page.text or "<mark>稳</mark>" in page.text
    part = client.get("/search", params={"q": "稳外贸"}, headers={"HX-Request": "true"})
    assert "<html" not in part.text and "中山市<mark>稳外贸</mark>促增长若干措施" in part.text


def test_agency_page_shows_aliases_measures_with_caps_and_replies(client, ids):
    page = client.get("/agency/中山市工业和信息化局").text
    assert "市工信局" in page and "推动全链条数字化协同转型" in page and "最高奖补200万元" in page
    assert f"/doc/{ids['zs-2025-wenwaimao-measures']}#m7" in page
    assert "会办 co-handled" in page and "/proposal/133089" in page
    assert "现行 In force" in page


def test_an_alias_leads_to_the_agency_s_permanent_address(client):
    response = client.get("/agency/市工业和信息化局", follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["location"] == url_for("agency", "中山市工业和信息化局")


def test_document_page_shows_meta_validity_measures_text_and_versions(client, ids):
    old, new = ids["zs-2025-wenwaimao-measures"], ids["zs-2025-wenwaimao-measures~revision"]
    page = client.get(f"/doc/{old}").text
    assert "中山市稳外贸促增长若干措施" in page and "2025-12-31" in page
    assert f'href="/doc/{new}"' in page and "superseded by" in page
    assert 'id="m7"' in page and 'id="row-m7"' in page and "2,000,000 CNY" in page
    assert 'class="t-MONEY role-cap"' in page and 'class="t-AGENCY"' in page
    newer = client.get(f"/doc/{new}").text                  # its diff: the cap raised, a measure removed
    assert "替代 Supersedes" in newer and "caps: 1000000、2000000 → 1000000、4000000" in newer
    assert "删除 removed" in newer and "完善对外投资服务体系" in newer


def test_document_apis_give_measures_versions_and_the_record(client, ids):
    doc = ids["zs-2025-wenwaimao-measures"]
    measures = client.get(f"/api/doc/{doc}/measures").json()
    seventh = next(m for m in measures if m["label"] == "七")
    assert [a["amount"] for a in seventh["amounts"] if a["role"] == "cap"] == [2000000, 1000000]
    assert {u["agency"] for u in seventh["responsible"]} == {"中山市工业和信息化局", "中山市财政局"}
    versions = client.get(f"/api/doc/{doc}/versions").json()
    assert [(v["relation"], v["doc_id"]) for v in versions] == [
        ("superseded_by", ids["zs-2025-wenwaimao-measures~revision"])]
    assert client.get(f"/api/doc/{doc}/record").json()["id"] == doc
    assert client.get(f"/api/doc/{doc}/nothing").status_code == 404


def test_a_doc_number_leads_to_the_document_s_permanent_address(client, ids):
    response = client.get("/doc/" + quote("中山商务贸函〔2024〕8号"), follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == f"/doc/{ids['zs-2024-reply-133089']}"


def test_proposal_page_shows_session_proposers_responses_and_later_measures(client, ids):
    page = client.get("/proposal/133089").text
    assert "中山市政协十三届三次会议" in page and "蔡先全" in page and "吸收采纳" in page
    assert f"/doc/{ids['zs-2025-wenwaimao-measures']}#m8" in page and "技术改造" in page
    same = client.get("/proposal/" + quote("中山市政协十三届三次会议#133089", safe="")).text
    assert "蔡先全" in same


def test_caps_page_filters_sorts_pages_and_downloads(client, web_store):
    with open_store(web_store) as s:
        from pipeline.graph import queries
        by_date = queries.caps(s, sort="date", descending=False)
    page = client.get("/caps", params={"sort": "date", "order": "asc"}).text
    assert f'<span id="caps-total">{len(by_date)}</span>' in page
    assert page.index(by_date[0]["text"]) < page.index(by_date[-1]["text"])
    download = client.get("/caps.csv", params={"agency": "市工信局", "min": "1000000"})
    assert download.headers["content-disposition"] == 'attachment; filename="caps.csv"'
    with open_store(web_store) as s:
        from pipeline.graph import queries
        from pipeline.graph.commands import result_rows
        expected = as_csv(result_rows("caps", queries.caps(s, agency_name="市工信局", min_amount=1000000)))
    assert download.text.lstrip("\ufeff").rstrip("\n") == expected
    rows = list(csv.DictReader(io.StringIO(download.text.lstrip("\ufeff"))))
    assert rows and all(float(r["amount"]) >= 1000000 for r in rows)


def test_graph_page_carries_the_neighbourhood_to_draw(client):
    page = client.get("/graph", params={"node": "133089", "depth": "2"}).text
    start = page.index('<script type="application/json" id="graph-data">') + len('<script type="application/json" id="graph-data">')
    elements = json.loads(page[start:page.index("</script>", start)])
    nodes = {e["data"]["id"]: e["data"] for e in elements if "source" not in e["data"]}
    centre = next(n for n in nodes.values() if n["distance"] == 0)
    assert centre["type"] == "Proposal" and centre["page"] == url_for("proposal", centre["id"][len("Proposal:"):])
    assert {n["distance"] for n in nodes.values()} == {0, 1, 2}
    assert all(e["data"]["source"] in nodes and e["data"]["target"] in nodes for e in elements if "source" in e["data"])


def test_overview_shows_counts_and_the_latest_ingest(client):
    page = client.get("/").text
    assert "按年份 By year" in page and "按发文机关 By issuer" in page and "中山市商务局" in page
    data = client.get("/api/overview").json()
    assert data["documents"] == 5 and data["last_ingest"]["added"] == 5 and data["failures"] == []


@pytest.mark.parametrize("path, says", [
    ("/agency/没有这个机构", "No agency named “没有这个机构”"),
    ("/doc/0000000000000000", "No document with the id or doc number “0000000000000000”"),
    ("/proposal/999999", "No proposal with the number or id “999999”"),
    ("/graph?node=没有这个节点", "Nothing in the store is called “没有这个节点”"),
    ("/agency/", "No agency named “”"),
    ("/no/such/page", "Not Found"),
])
def test_an_unknown_name_or_address_gets_a_clear_404_page(client, path, says):
    response = client.get(path)
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert says in response.text and "Traceback" not in response.text


@pytest.mark.parametrize("path, says", [
    ("/caps?min=lots", "min wants a number, not &#39;lots&#39;"),
    ("/caps?on=30.6.2025", "on wants a date as YYYY-MM-DD"),
    ("/caps?sort=colour", "sort wants one of amount"),
    ("/graph?node=133089&depth=3", "depth wants 1 or 2"),
])
def test_a_bad_parameter_gets_a_400_page_naming_it(client, path, says):
    response = client.get(path)
    assert response.status_code == 400 and says in response.text


def test_the_api_says_not_found_as_json(client):
    response = client.get("/api/agency/没有这个机构")
    assert response.status_code == 404 and response.json()["status"] == 404
    assert client.get("/api/caps?year=soon").json() == {"error": "year wants a whole number, not 'soon'",
                                                        "status": 400}


@pytest.mark.parametrize("method", ["post", "put", "delete", "patch"])
@pytest.mark.parametrize("path", ["/", "/caps", "/api/caps", "/agency/中山市商务局", "/static/app.css"])
def test_no_address_accepts_a_write(client, method, path):
    assert getattr(client, method)(path).status_code == 405


def test_every_response_forbids_loading_from_elsewhere(client):
    for path in ("/", "/static/htmx.min.js", "/agency/nothing", "/api/stats"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self';" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff" and headers["server-timing"].startswith("app;dur=")


def test_pages_load_only_the_package_s_own_assets(client):
    for path in ("/", "/graph?node=133089", "/caps", "/search?q=工信"):
        page = client.get(path).text
        assert "http://" not in page.replace('http-equiv', '') and "https://" not in page and "//cdn" not in page
    for asset in ("/static/htmx.min.js", "/static/cytoscape.min.js", "/static/graph.js", "/static/app.css"):
        assert client.get(asset).status_code == 200


def test_a_server_error_shows_a_page_without_a_traceback(web_store, monkeypatch):
    from starlette.testclient import TestClient

    from pipeline.web import pages
    from pipeline.web.app import create_app

    def broken(*args, **kwargs):
        raise RuntimeError("secret detail of the failure")
    monkeypatch.setattr(pages.browse, "overview", broken)
    with TestClient(create_app(web_store), raise_server_exceptions=False) as c:
        response = c.get("/")
    assert response.status_code == 500 and "Something went wrong" in response.text
    assert "secret detail" not in response.text and "Traceback" not in response.text


def test_every_text_from_the_store_is_escaped(tmp_path):
    from starlette.testclient import TestClient

    from pipeline.web.app import create_app
    from tests.graph.fakes import ingest_fake, measures_record, write_record_file

    docs = tmp_path / "docs"
    docs.mkdir()
    hostile = '<script>alert("x")</script>若干措施'
    write_record_file(docs / "m.txt", measures_record("evil01", title=hostile))
    db = tmp_path / "kg.db"
    ingest_fake([docs], db)
    with TestClient(create_app(db)) as c:
        for path in ("/doc/evil01", "/search?q=若干措施", "/caps", "/agency/中山市商务局", "/graph?node=Document:evil01"):
            page = c.get(path).text
            assert "<script>alert" not in page, path
            assert "&lt;script&gt;alert" in page or "\\u003cscript\\u003e" in page, path


def test_whats_new_lists_the_latest_run_by_document_and_the_feed_says_the_same(client, web_store, ids):
    from pipeline.graph.runs import latest_changes
    with open_store(web_store) as s:
        expected = latest_changes(s, runs=5)
    feed = client.get("/api/changes")
    assert feed.status_code == 200 and feed.text == as_json(expected)
    run = expected["runs"][0]
    assert {d["document_id"] for d in run["documents"]} >= {ids["zs-2025-wenwaimao-measures"]}
    page = client.get("/changes")
    assert page.status_code == 200 and f"Run {run['run']}" in page.text
    assert url_for("document", ids["zs-2025-wenwaimao-measures"]) in page.text
    assert client.get("/api/changes", params={"runs": "x"}).status_code == 400
