"""The HTML graph in a real browser: Debian's Chromium, headless, driven by Playwright, network blocked.

Skips with the reason when Playwright or /usr/bin/chromium is missing (``make test`` installs
Chromium where it can). Screenshots are saved under each test's temporary folder. These run on
the sample article's page; tests/test_browser_news.py runs the 400-article page (marked ``slow``).
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.analytics import to_networkx
from kg.cli import cli
from kg.pipeline import render_page
from kg.rdf import to_rdf
from kg.render import render_html
from tests.browser import ARGS, CHROMIUM, VIEWPORT, click_entity, csv_rows, open_page, run_panel_query

XSS_ARTICLE = (
    "Maria Lopez met Ahmed Khan <img src=x onerror=alert(1)> in Madrid on Monday.\n\n"
    "Lopez visited Spain <script>alert(1)</script> on Tuesday.\n"
)
RESOURCE = "https://w3id.org/kg-news/resource/"
JAISHANKAR = RESOURCE + "entity/person/s-jaishankar"
RUBIO = RESOURCE + "entity/person/marco-rubio"

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
            str(profile), executable_path=CHROMIUM, headless=True, args=ARGS, viewport=VIEWPORT,
        )
        yield context
        context.close()


def _open(browser, html_path: Path, fragment: str = "") -> tuple:
    return open_page(browser, html_path, fragment)


def _write_page(graph, path: Path, title: str) -> Path:
    path.write_text(render_html(graph, title=title), encoding="utf-8")
    return path


def _coloured_fraction(png: bytes) -> float:
    """Share of pixels that are neither white nor near-white: 0 for a blank canvas."""
    histogram = Image.open(io.BytesIO(png)).convert("L").histogram()
    return sum(histogram[:235]) / sum(histogram)


@pytest.fixture(scope="module")
def sample_rdf(sample_graph):
    return to_rdf(sample_graph)


@pytest.fixture(scope="module")
def sample_file(sample_rdf, tmp_path_factory) -> Path:
    """The sample article's page as `kg render` writes it: SPARQL panel included."""
    path = tmp_path_factory.mktemp("sample") / "graph.html"
    path.write_text(render_page(sample_rdf, title="Sample article"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_page(browser, sample_rdf, sample_file):
    page, report = _open(browser, sample_file)
    yield page, report, to_networkx(sample_rdf), sample_file
    page.close()


@pytest.fixture
def fresh_page(browser, sample_file):
    """The sample page opened anew, for tests that move the focus or the filters."""
    page, report = _open(browser, sample_file)
    yield page, report
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


# --- readable at a glance -------------------------------------------------------------------

def test_browser_top_entities_are_labelled(fresh_page) -> None:
    page, _ = fresh_page
    top = page.evaluate("""() => window.kg.data.nodes.filter(n => n.statements > 0)
        .sort((a, b) => a.rank - b.rank).slice(0, window.kg.data.topLabels).map(n => n.label)""")
    assert top and set(top) <= set(page.evaluate("window.kg.drawnLabels()"))


# --- focus: click, fragment, Escape, Back ------------------------------------------------------

def test_browser_click_on_an_entity_focuses_its_neighbourhood(fresh_page, sample_rdf) -> None:
    page, report = fresh_page
    click_entity(page, JAISHANKAR)
    focused = page.evaluate("window.kg.focused()")
    assert focused["kind"] == "entity" and focused["id"] == JAISHANKAR
    neighbours = {n for e in to_networkx(sample_rdf).edges(JAISHANKAR) for n in e} | {
        a for a, b in to_networkx(sample_rdf).in_edges(JAISHANKAR)} | {JAISHANKAR}
    assert set(focused["nodes"]) == neighbours
    assert page.url.endswith("#focus=entity/person/s-jaishankar")
    assert page.is_visible("#kg-panel")
    assert "S. Jaishankar" in page.text_content("#kg-details h3")
    assert report.errors == []


def test_browser_focus_panel_lists_statements_with_sentence_date_and_document(fresh_page, sample_rdf) -> None:
    page, _ = fresh_page
    page.evaluate("id => window.kg.focusEntity(id)", RUBIO)
    graph = to_networkx(sample_rdf)
    own = [attrs for _, _, attrs in graph.in_edges(RUBIO, data=True)] + [attrs for _, _, attrs in graph.out_edges(RUBIO, data=True)]
    cards = page.locator("#kg-details .kg-statement")
    assert cards.count() == len(own)
    text = page.text_content("#kg-details")
    assert all(attrs["sentence"] in text for attrs in own)
    assert any(attrs["date"] and attrs["date"] in text for attrs in own)
    assert cards.first.locator(".kg-meta button").count() == 1  # the document, a link to its statements


def test_browser_escape_returns_to_the_whole_graph(fresh_page) -> None:
    page, _ = fresh_page
    click_entity(page, JAISHANKAR)
    assert page.evaluate("window.kg.focused()") is not None
    page.keyboard.press("Escape")
    page.wait_for_function("window.kg.focused() === null")
    assert "#focus" not in page.url
    assert not page.is_visible("#kg-panel")


def test_browser_back_returns_to_the_previous_focus(fresh_page) -> None:
    page, _ = fresh_page
    page.evaluate("id => window.kg.focusEntity(id)", JAISHANKAR)
    page.evaluate("id => window.kg.focusEntity(id)", RUBIO)
    page.go_back()
    page.wait_for_function("id => (window.kg.focused() || {}).id === id", arg=JAISHANKAR)
    page.go_back()
    page.wait_for_function("window.kg.focused() === null")


def test_browser_fragment_opens_the_page_on_an_entity(browser, sample_file) -> None:
    page, report = _open(browser, sample_file, "#focus=entity/person/marco-rubio")
    try:
        assert page.evaluate("window.kg.focused().id") == RUBIO
        assert "Marco Rubio" in page.text_content("#kg-details h3")
        assert report.errors == []
    finally:
        page.close()


def test_browser_unknown_fragment_opens_the_whole_graph(browser, sample_file) -> None:
    page, report = _open(browser, sample_file, "#focus=entity/person/nobody")
    try:
        assert page.evaluate("window.kg.focused()") is None and report.errors == []
    finally:
        page.close()


# --- lists beside the picture -------------------------------------------------------------------

def test_browser_entity_table_sorts_by_degree(fresh_page, sample_rdf) -> None:
    page, _ = fresh_page
    page.click("#kg-tab-entities-button")
    page.click("#kg-entity-table th[data-key=degree] button")
    degrees = [int(d) for d in page.eval_on_selector_all("#kg-entity-table tbody tr td:nth-child(4)", "tds => tds.map(td => td.textContent)")]
    assert degrees == sorted(degrees, reverse=True)
    assert degrees[0] == max(d for _, d in to_networkx(sample_rdf).degree())
    page.click("#kg-entity-table th[data-key=degree] button")
    ascending = [int(d) for d in page.eval_on_selector_all("#kg-entity-table tbody tr td:nth-child(4)", "tds => tds.map(td => td.textContent)")]
    assert ascending == sorted(ascending)


def test_browser_entity_table_row_focuses_its_entity(fresh_page) -> None:
    page, _ = fresh_page
    page.click("#kg-tab-entities-button")
    first = page.get_attribute("#kg-entity-table tbody tr:first-child", "data-id")
    page.click("#kg-entity-table tbody tr:first-child")
    assert page.evaluate("window.kg.focused().id") == first


def test_browser_document_shows_its_statements(fresh_page, sample_rdf) -> None:
    page, _ = fresh_page
    page.click("#kg-tab-documents-button")
    page.click("#kg-document-list li:first-child button")
    doc = page.get_attribute("#kg-document-list li:first-child", "data-id")
    focused = page.evaluate("window.kg.focused()")
    statements = [key for _, _, key, d in to_networkx(sample_rdf).edges(keys=True, data="doc") if d == doc]
    assert focused["kind"] == "document" and sorted(focused["edges"]) == sorted(statements)
    assert page.locator("#kg-details .kg-statement").count() == len(statements)
    assert page.url.endswith("#doc=" + doc)


def test_browser_date_slider_keeps_the_statements_of_its_range(fresh_page) -> None:
    page, _ = fresh_page
    bins = page.evaluate("window.kg.data.dates.bins")
    undated = page.evaluate("window.kg.data.dates.undated")
    assert len(bins) > 1
    page.locator("#kg-date-to").fill("0")  # only the first bin, and the undated statements
    shown = int(page.text_content("#kg-counts").split(" · ")[1].split(" of ")[0])
    assert shown == bins[0]["count"] + undated
    assert page.text_content("#kg-date-label").startswith(bins[0]["label"] + " – " + bins[0]["label"])


# --- SPARQL in the page ------------------------------------------------------------------------

def _cli_csv(graph_file: Path, name: str, params: dict[str, str]) -> tuple[list[str], list[tuple[str, ...]]]:
    binds = [arg for key, value in params.items() for arg in ("--bind", f"{key}={value}")]
    result = CliRunner().invoke(cli, ["query", str(graph_file), "--name", name, "--format", "csv", *binds])
    assert result.exit_code == 0, result.output
    return csv_rows(result.stdout)


@pytest.fixture(scope="module")
def sample_ttl(sample_rdf, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("sample-ttl") / "graph.ttl"
    sample_rdf.serialize(path, format="turtle")
    return path


@pytest.mark.parametrize("name", ["meetings", "entity", "tariffs"])
def test_browser_named_query_in_the_panel_gives_the_cli_rows(sample_page, sample_ttl, name) -> None:
    page, report, _, _ = sample_page
    columns, rows, params = run_panel_query(page, name)
    cli_columns, cli_rows = _cli_csv(sample_ttl, name, params)
    assert rows, f"{name} gave no rows on the sample"
    assert (columns, sorted(rows)) == (cli_columns, sorted(cli_rows))
    assert report.errors == [] and report.external == []


def test_browser_query_result_entity_focuses_it(fresh_page) -> None:
    page, _ = fresh_page
    run_panel_query(page, "meetings")
    link = page.locator("#kg-query-table tbody tr:first-child td:first-child button")
    name = link.text_content()
    link.click()
    assert page.evaluate("window.kg.byId.get(window.kg.focused().id).label") == name


def test_browser_query_result_is_drawn_as_a_subgraph(fresh_page, sample_rdf) -> None:
    page, _ = fresh_page
    _, rows, _ = run_panel_query(page, "meetings")
    page.click("#kg-query-draw")
    focused = page.evaluate("window.kg.focused()")
    labels = {page.evaluate("id => window.kg.byId.get(id).label", n) for n in focused["nodes"]}
    assert focused["kind"] == "subgraph"
    assert {row[0] for row in rows} | {row[1] for row in rows} <= labels
    predicates = {page.evaluate("id => window.kg.edgeById.get(id).predicate", e) for e in focused["edges"]}
    assert "meets" in predicates


def test_browser_query_syntax_error_is_reported_in_the_panel(fresh_page) -> None:
    page, report = fresh_page
    page.click("#kg-sparql-toggle")
    page.select_option("#kg-query-name", "")
    page.fill("#kg-query-text", "SELECT ?s WHERE { ?s ?p }")
    page.click("#kg-query-run")
    page.wait_for_selector("#kg-sparql[data-kg-state=error]", state="attached")
    assert page.text_content("#kg-query-results pre")
    assert report.errors == []


def test_browser_query_results_show_article_markup_as_text(browser, nlp, tmp_path) -> None:
    from kg.pipeline import build_knowledge_graph

    (tmp_path / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    path = tmp_path / "graph.html"
    path.write_text(render_page(to_rdf(build_knowledge_graph([tmp_path / "xss.txt"], nlp=nlp))), encoding="utf-8")
    page, report = _open(browser, path)
    try:
        page.click("#kg-sparql-toggle")
        page.select_option("#kg-query-name", "")
        page.fill("#kg-query-text", "SELECT ?sentence WHERE { ?s kg:sentence ?sentence } ORDER BY ?sentence")
        page.click("#kg-query-run")
        page.wait_for_selector("#kg-sparql[data-kg-state=done]", state="attached")
        text = page.text_content("#kg-query-results")
        assert "<img src=x onerror=alert(1)>" in text and "<script>alert(1)</script>" in text
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert report.dialogs == [] and report.errors == [] and report.external == []
    finally:
        page.close()


def test_browser_page_without_sparql_works_and_has_no_panel(browser, sample_rdf, tmp_path) -> None:
    path = tmp_path / "graph.html"
    path.write_text(render_page(sample_rdf, sparql=False), encoding="utf-8")
    page, report = _open(browser, path, "#focus=entity/person/s-jaishankar")
    try:
        assert page.locator("#kg-sparql-toggle").count() == 0 and page.evaluate("window.kg.sparql") is None
        assert page.evaluate("window.kg.focused().id") == JAISHANKAR
        assert report.errors == [] and report.external == []
    finally:
        page.close()


def test_browser_statement_opened_in_a_focus_returns_to_it(fresh_page) -> None:
    page, _ = fresh_page
    page.evaluate("id => window.kg.focusEntity(id)", JAISHANKAR)
    statement = page.evaluate("id => window.kg.incident(id)[0].id", JAISHANKAR)
    page.evaluate("id => window.kg.network.emit('click', { nodes: [], edges: [id] })", statement)
    assert page.text_content("#kg-panel-kind") == "Statement"
    page.keyboard.press("Escape")
    assert page.text_content("#kg-panel-kind") == "Entity"
    assert page.evaluate("window.kg.focused().id") == JAISHANKAR


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
