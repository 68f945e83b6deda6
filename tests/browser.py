"""What the browser tests share: Debian's Chromium through Playwright, the network blocked, and a
record of what each page did (requests that tried to leave the file, console errors, dialogs)."""
from __future__ import annotations

import csv
import io
import shutil
import time
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
VIEWPORT = {"width": 1400, "height": 900}
#: Resolves with the time of the first frame vis-network draws on the page's network.
FIRST_FRAME = """() => new Promise(resolve => {
  const wait = () => { const n = window.kg && window.kg.network;
    if (!n) { requestAnimationFrame(wait); return; }
    let done = false; n.once('afterDrawing', () => { if (!done) { done = true; resolve(performance.now()); } });
    n.redraw(); };
  wait(); })"""


class PageReport:
    """What a page did: requests that left the file system, failed requests, console errors, dialogs."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.timings: dict[str, float] = {}


def open_page(browser, html_path: Path, fragment: str = "", timeout_ms: int = 60_000) -> tuple:
    """Open a page from file:// with every other request blocked; wait until it is ready for input.

    Returns:
        (page, report); report.timings holds ``first_frame_s`` and ``ready_s`` from navigation.
    """
    report = PageReport()
    page = browser.new_page()

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:  # the page must need nothing from the network: block and record it
            report.external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda req: report.failed.append(f"{req.url} {req.failure}"))
    page.on("console", lambda msg: report.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: report.errors.append(str(err)))
    page.on("dialog", lambda dialog: (report.dialogs.append(dialog.message), dialog.dismiss()))
    start = time.perf_counter()
    page.goto(html_path.as_uri() + fragment)
    page.evaluate(FIRST_FRAME)
    report.timings["first_frame_s"] = round(time.perf_counter() - start, 2)
    page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=timeout_ms)
    report.timings["ready_s"] = round(time.perf_counter() - start, 2)
    return page, report


def click_entity(page, entity_id: str) -> None:
    """Click an entity where the page draws it (after bringing it into view)."""
    page.evaluate("id => window.kg.network.focus(id, { scale: 1.2, animation: false })", entity_id)
    box = page.locator("#kg-network canvas").bounding_box()
    point = page.evaluate("id => window.kg.network.canvasToDOM(window.kg.network.getPositions([id])[id])", entity_id)
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])


def run_panel_query(page, name: str, timeout_ms: int = 60_000) -> tuple[list[str], list[tuple[str, ...]], dict[str, str]]:
    """Run a named query through the SPARQL panel as a reader would: open it, pick the query, Run.

    Returns:
        The column names, the rows (each cell's RDF term value, "" when unbound), and the
        values the panel bound to the query's parameters.
    """
    if page.get_attribute("#kg-sparql-toggle", "aria-expanded") != "true":
        page.click("#kg-sparql-toggle")
    page.select_option("#kg-query-name", name)
    page.evaluate("document.getElementById('kg-sparql').removeAttribute('data-kg-state')")
    page.click("#kg-query-run")
    page.wait_for_selector("#kg-sparql[data-kg-state=done], #kg-sparql[data-kg-state=error]", state="attached", timeout=timeout_ms)
    assert page.get_attribute("#kg-sparql", "data-kg-state") == "done", page.text_content("#kg-query-results")
    if page.locator("#kg-query-all").count():
        page.click("#kg-query-all")
    columns = [c[1:] for c in page.eval_on_selector_all("#kg-query-table thead th", "ths => ths.map(th => th.textContent)")]
    rows = page.eval_on_selector_all("#kg-query-table tbody tr", "trs => trs.map(tr => Array.from(tr.cells).map(td => td.dataset.term))")
    params = page.eval_on_selector_all("#kg-query-params input[data-param]", "inputs => inputs.map(i => [i.dataset.param, i.value])")
    return columns, [tuple(r) for r in rows], dict(params)


def csv_rows(text: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The header and rows of a W3C SPARQL CSV result (``kg query --format csv``)."""
    records = list(csv.reader(io.StringIO(text)))
    return records[0], [tuple(r) for r in records[1:]]
