"""The HTML graph in a real browser: Debian's Chromium, headless, driven by Playwright, network blocked.

Skips with the reason when Playwright or /usr/bin/chromium is missing (``make test`` installs
Chromium where it can). Screenshots are saved under each test's temporary folder.
"""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from kg.analytics import to_networkx
from kg.rdf import to_rdf
from kg.render import render_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
XSS_ARTICLE = (
    "Maria Lopez met Ahmed Khan <img src=x onerror=alert(1)> in Madrid on Monday.\n\n"
    "Lopez visited Spain <script>alert(1)</script> on Tuesday.\n"
)

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
Image = pytest.importorskip("PIL.Image", reason="Pillow is not installed (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}; install Debian's chromium package (make test does when it can)")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright_api.sync_playwright() as p:
        # A persistent context is the only way to hand Chromium a fresh --user-data-dir of our own.
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS, viewport={"width": 1400, "height": 900},
        )
        yield context
        context.close()


class PageReport:
    """What a page did: requests that left the file system, failed requests, console errors, dialogs."""

    def __init__(self) -> None:
        self.external: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []


def _open(browser, html_path: Path) -> tuple:
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
    page.goto(html_path.as_uri())
    page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=60_000)
    return page, report


def _write_page(graph, path: Path, title: str) -> Path:
    path.write_text(render_html(graph, title=title), encoding="utf-8")
    return path


def _coloured_fraction(png: bytes) -> float:
    """Share of pixels that are neither white nor near-white: 0 for a blank canvas."""
    histogram = Image.open(io.BytesIO(png)).convert("L").histogram()
    return sum(histogram[:235]) / sum(histogram)


@pytest.fixture(scope="module")
def sample_page(browser, sample_graph, tmp_path_factory):
    nx_graph = to_networkx(to_rdf(sample_graph))
    path = _write_page(nx_graph, tmp_path_factory.mktemp("sample") / "graph.html", "Sample article")
    page, report = _open(browser, path)
    yield page, report, nx_graph, path
    page.close()


def test_browser_sample_loads_offline_without_errors(sample_page) -> None:
    _, report, _, _ = sample_page
    assert report.external == []
    assert report.failed == []
    assert report.errors == []


def test_browser_sample_canvas_is_drawn(sample_page) -> None:
    page, _, _, path = sample_page
    page.screenshot(path=str(path.with_suffix(".png")))
    canvas = page.locator("#kg-network canvas").screenshot()
    assert _coloured_fraction(canvas) > 0.01, "the network canvas is blank"


def test_browser_sample_has_every_node(sample_page) -> None:
    page, _, nx_graph, _ = sample_page
    assert page.evaluate("window.kg.nodes.length") == nx_graph.number_of_nodes()
    assert page.evaluate("window.kg.edges.length") == nx_graph.number_of_edges()
    drawn = page.evaluate("Object.keys(window.kg.network.body.nodes).length")
    assert drawn >= nx_graph.number_of_nodes()


def test_browser_search_box_focuses_jaishankar(sample_page) -> None:
    page, _, nx_graph, _ = sample_page
    page.fill("#kg-search", "Jaishankar")
    page.press("#kg-search", "Enter")
    [selected] = page.evaluate("window.kg.network.getSelectedNodes()")
    assert nx_graph.nodes[selected]["label"] == "S. Jaishankar"
    assert "S. Jaishankar" in page.text_content("#kg-details")


def test_browser_xss_article_shows_text_and_runs_nothing(browser, nlp, tmp_path) -> None:
    from kg.pipeline import build_knowledge_graph

    (tmp_path / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    graph = to_networkx(to_rdf(build_knowledge_graph([tmp_path / "xss.txt"], nlp=nlp)))
    assert graph.number_of_edges() == 2, "the article should give a meeting and a visit"
    # Put the markup into a label as well, where the page shows it in the legend-free panels.
    first = sorted(graph.nodes)[0]
    graph.nodes[first]["label"] = "<script>alert(1)</script>"
    path = _write_page(graph, tmp_path / "graph.html", "<img src=x onerror=alert(1)>")
    page, report = _open(browser, path)
    try:
        assert report.dialogs == [] and report.errors == [] and report.external == []
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.text_content("#kg-title") == "<img src=x onerror=alert(1)>"
        page.evaluate("window.kg.focus('<script>alert(1)</script>')")
        assert "<script>alert(1)</script>" in page.text_content("#kg-details")
        tooltips = page.evaluate("window.kg.edges.get().map(function (e) { return e.title.textContent; }).join(' ')")
        assert "<img src=x onerror=alert(1)>" in tooltips and "<script>alert(1)</script>" in tooltips
        page.screenshot(path=str(tmp_path / "xss.png"))
        assert report.dialogs == []
    finally:
        page.close()


def test_browser_colour_by_community_and_back(sample_page) -> None:
    page, report, nx_graph, _ = sample_page
    node = sorted(nx_graph.nodes)[0]
    by_type = page.evaluate("id => window.kg.nodes.get(id).color.background", node)
    page.check("#kg-by-community")
    by_community = page.evaluate("id => window.kg.nodes.get(id).color.background", node)
    page.uncheck("#kg-by-community")
    assert by_community != by_type
    assert page.evaluate("id => window.kg.nodes.get(id).color.background", node) == by_type
    assert report.errors == []


def test_browser_type_filter_hides_and_shows_nodes(sample_page) -> None:
    page, _, _, _ = sample_page
    person = page.locator("#kg-types label", has_text="Person").locator("input")
    before = int(page.text_content("#kg-counts").split(" of ")[0])
    person.uncheck()
    without_people = int(page.text_content("#kg-counts").split(" of ")[0])
    person.check()
    assert without_people < before
    assert int(page.text_content("#kg-counts").split(" of ")[0]) == before


def test_browser_empty_graph_says_there_is_nothing_to_draw(browser, tmp_path) -> None:
    import networkx as nx

    path = _write_page(nx.MultiDiGraph(), tmp_path / "graph.html", "kg: 1 document")
    page, report = _open(browser, path)  # waits for the page to call itself ready
    try:
        assert report.errors == [] and report.external == []
        assert page.text_content("#kg-status") == "No entities to draw: the articles named none that kg recognises."
        assert page.is_visible("#kg-status")
    finally:
        page.close()


def test_browser_nan_and_infinite_numbers_leave_the_page_working(browser, tmp_path) -> None:
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node("a", label="Alpha", type="Country", aliases=())
    graph.add_node("b", label="Beta", type="Country", aliases=())
    graph.add_edge("a", "b", key="s1", predicate="tariffOn", relation="tariff", polarity="positive", modality="asserted",
                   confidence=float("nan"), rate=float("inf"), amount=float("-inf"), currency="USD", date=None, location=None,
                   sentence="Alpha taxes Beta.", doc="d1", start=0, end=17)
    page, report = _open(browser, _write_page(graph, tmp_path / "graph.html", "NaN"))
    try:
        assert report.errors == []
        assert page.evaluate("window.kg.edges.length") == 1
    finally:
        page.close()
