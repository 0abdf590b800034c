"""A policy officer's journeys through the web app in a real browser (Debian's chromium driven by Playwright),
each checking what the pages show and that no request left for any host but the app's own."""
from __future__ import annotations

import csv
import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from pipeline.graph import queries
from pipeline.graph.store import open_store
from tests.web.live import live_app

pytestmark = pytest.mark.browser
CHROMIUM = Path(shutil.which("chromium") or "/usr/bin/chromium")


def _missing(reason: str):
    """Skip where the browser or its driver is missing, except under CI=true: there it must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI installs it: see .ci/run and pyproject.toml)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        _missing("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(web_store):
    with live_app(web_store) as url:
        yield url


@pytest.fixture
def page(browser, base):
    """A fresh page whose every request is logged; one for any other host is aborted and fails the test,
    as does an error on the browser's console (a blocked inline script or style included)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    own = urlsplit(base).netloc
    outside, errors = [], []

    def guard(route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == own:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.set_default_timeout(10_000)
    yield pg
    context.close()
    assert outside == [], f"requests left for other hosts: {outside}"
    assert errors == [], f"the browser's console reported errors: {errors}"


def _path(pg) -> str:
    return unquote(urlsplit(pg.url).path)


def _arrive(pg, path: str) -> str:
    """The path once the navigation a click started has loaded (a loaded machine is slow to follow)."""
    pg.wait_for_url(lambda url: unquote(urlsplit(url).path) == path)
    pg.wait_for_load_state()
    return _path(pg)


def test_find_an_agency_by_part_of_its_name_and_open_its_caps(page, base):
    page.goto(base + "/search")
    page.fill("main input[name=q]", "工信")                       # live results as one types (htmx)
    agencies = page.locator("section.results[data-kind=agency]")
    agencies.get_by_role("link", name="中山市工业和信息化局", exact=True).click()
    assert _arrive(page, "/agency/中山市工业和信息化局") == "/agency/中山市工业和信息化局"
    assert page.locator("h1").inner_text() == "中山市工业和信息化局"
    assert "市工信局" in page.locator(".aliases").inner_text()
    page.get_by_role("link", name="上限 Caps of 中山市工业和信息化局").click()
    assert _arrive(page, "/caps") == "/caps" and page.locator("input[name=agency]").input_value() == "中山市工业和信息化局"
    table = page.locator("table.caps-table tbody").inner_text()
    assert "2,000,000" in table and "最高奖补200万元" in table and "推动全链条数字化协同转型" in table


def test_open_a_proposal_and_follow_a_response_to_a_later_measure(page, base, ids):
    page.goto(base + "/proposal/133089")
    assert "133089" in page.locator("h1").inner_text()
    first = page.locator("li.response").first
    assert "创新为本，分类发展" in first.locator(".head").inner_text()
    assert first.locator(".status").inner_text() == "吸收采纳"
    later = first.locator("a.measure-link").first
    assert later.inner_text() == "八、推动产业转型升级"
    assert "技术改造" in first.locator("td.evidence").first.inner_text()
    later.click()
    assert _arrive(page, f"/doc/{ids['zs-2025-wenwaimao-measures']}") == f"/doc/{ids['zs-2025-wenwaimao-measures']}" and urlsplit(page.url).fragment == "m8"
    target = page.locator("div.line#m8")
    assert target.inner_text().split("\n")[-1].startswith("八、推动产业转型升级") and target.is_visible()


def test_filter_caps_in_force_on_a_date_and_download_the_csv(page, base, web_store):
    from playwright.sync_api import expect         # waits for htmx to swap the table in (a loaded machine is slow)
    with open_store(web_store) as s:
        everything = queries.count_caps(s)
        wanted = queries.caps(s, in_force_on="2025-06-30")
    assert 0 < len(wanted) < everything
    page.goto(base + "/caps")
    expect(page.locator("#caps-total")).to_have_text(str(everything))
    page.fill("input[name=on]", "2025-06-30")
    page.locator("input[name=on]").dispatch_event("change")
    expect(page.locator("#caps-total")).to_have_text(str(len(wanted)))
    expect(page).to_have_url(re.compile(r".*on=2025-06-30"))         # the filtered table has its own address
    with page.expect_download() as download:
        page.locator("#caps-csv").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert download.value.suggested_filename == "caps.csv"
    assert [(float(r["amount"]), r["text"], r["doc_id"]) for r in rows] == \
        [(c["amount"], c["text"], c["doc_id"]) for c in wanted]


def test_open_a_document_and_click_a_highlighted_agency(page, base, ids):
    page.goto(f"{base}/doc/{ids['zs-2025-wenwaimao-measures']}")
    assert page.locator("h1").inner_text() == "中山市稳外贸促增长若干措施"
    caps = page.locator(".text .t-MONEY.role-cap")
    assert "最高奖补200万元" in caps.all_inner_texts()
    agency = page.locator(".text a.t-AGENCY", has_text="市工业和信息化局").first
    assert agency.get_attribute("title").endswith("中山市工业和信息化局")
    agency.click()
    assert _arrive(page, "/agency/中山市工业和信息化局") == "/agency/中山市工业和信息化局"
    assert page.locator("h1").inner_text() == "中山市工业和信息化局"


def _click_node(page, key: str) -> None:
    """Clicks a node where cytoscape drew it on the canvas."""
    page.wait_for_selector("#graph[data-ready=true]")
    at = page.evaluate("k => policykgGraph.getElementById(k).renderedPosition()", key)
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + at["x"], box["y"] + at["y"])
    page.wait_for_url(lambda url: unquote(url).find(key) > 0)


def test_walk_the_graph_two_steps(page, base, ids):
    page.goto(base + "/graph?node=133089")
    assert "133089" in page.locator("#graph-centre").inner_text()
    reply = f"Document:{ids['zs-2024-reply-133089']}"
    _click_node(page, reply)                                          # step 1: the reply answering it
    assert page.locator("#graph-centre").inner_text() == "中山市商务局关于市政协十三届三次会议第133089号提案答复的函"
    assert page.locator(".graph-nodes").get_by_text("中山市商务局", exact=True).is_visible()
    _click_node(page, "Agency:中山市商务局")                          # step 2: the bureau that wrote it
    assert page.locator("#graph-centre").inner_text() == "中山市商务局"
    drawn = page.evaluate("policykgGraph.nodes().map(n => n.id())")
    assert reply in drawn and len(drawn) > 2


def test_search_a_doc_number(page, base, ids):
    page.goto(base + "/")
    page.fill("header input[name=q]", "中山商务贸函〔2024〕8号")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    first = page.locator("section.results[data-kind=document] li").first
    assert "中山商务贸函〔2024〕8号" in first.inner_text()
    first.locator("a.hit").click()
    assert _arrive(page, f"/doc/{ids['zs-2024-reply-133089']}") == f"/doc/{ids['zs-2024-reply-133089']}"
    assert "中山商务贸函〔2024〕8号" in page.locator("dl.facts").inner_text()


def test_a_pdf_document_shows_its_page_numbers_in_the_margin(page, base, ids):
    page.goto(f"{base}/doc/{ids['govdoccn-397-fagaiban-2019-860']}")
    margins = [m for m in page.locator(".text .line .page").all_inner_texts() if m]
    assert margins == ["p.1", "p.2", "p.3", "p.4", "p.5"]
