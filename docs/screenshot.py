"""Takes the README's screenshot of a page of the web app: serves a store on a free port of 127.0.0.1 and
has Debian's chromium (through Playwright) capture the page.

    .venv/bin/python docs/screenshot.py outputs/policykg.db /agency/中山市工业和信息化局 docs/agency-page.png
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.web.live import live_app  # noqa: E402


def main(store: str, path: str, out: str, width: int = 1280, height: int = 1000) -> None:
    from playwright.sync_api import sync_playwright
    with live_app(Path(store)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(base + path)
        page.screenshot(path=out)
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
