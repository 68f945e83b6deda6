"""Screenshot a kg page the way a reader first sees it: headless Chromium, 1400x900, once the page
says it is ready (and any focus from the URL fragment is drawn). Used by `make screenshot`.

Run: ``.venv/bin/python docs/screenshot.py PAGE.html OUT.png [#focus=entity/...]``
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def main() -> None:
    page_file, out = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    fragment = sys.argv[3] if len(sys.argv) > 3 else ""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(page_file.as_uri() + fragment)
        page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=120_000)
        page.wait_for_timeout(800)  # a focus animates for 400 ms
        page.screenshot(path=str(out))
        browser.close()


if __name__ == "__main__":
    main()
