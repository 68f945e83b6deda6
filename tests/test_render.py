"""Tests for kg.render: one offline page, no external reference, article text escaped, large graphs pre-laid-out."""
from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.layout import SPACING
from kg.render import LAYOUT_FILE, LAYOUT_THRESHOLD, REDRAW_SHARE, TOP_LABELS, TYPE_STYLES, PageLayout, html_page, read_layout, render_html, write_layout

XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "<script>alert(1)</script>"


def _graph(n_people: int = 2, sentence: str = "Rubio met Jaishankar.") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for i in range(n_people):
        g.add_node(f"kgr:person/{i}", label=f"Person {i}", type="Person", aliases=(f"P{i}",))
    g.add_node("kgr:country/in", label="India", type="Country", aliases=("Indian",))
    edge = dict(relation="met", polarity="positive", modality="asserted", confidence=0.85, date="2026-02-04",
                location=None, rate=None, amount=None, currency=None, sentence=sentence, doc="d1", start=0, end=len(sentence))
    g.add_edge("kgr:person/0", "kgr:person/1", key="kgr:stmt/1", predicate="meets", **edge)
    g.add_edge("kgr:person/1", "kgr:country/in", key="kgr:stmt/2", predicate="visits", **{**edge, "polarity": "negative"})
    g.add_edge("kgr:person/0", "kgr:country/in", key="kgr:stmt/3", predicate="visits", **{**edge, "modality": "hoped"})
    return g


class _Refs(HTMLParser):
    """Every src/href attribute and every element name of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [value or "" for name, value in attrs if name in {"src", "href"}]


def _parse(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def _payload(html: str) -> dict:
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.DOTALL)
    assert match, "no data element"
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(_graph(), title="Sample")


def test_render_page_has_no_external_reference(page: str) -> None:
    refs = _parse(page).refs
    assert not [r for r in refs if re.match(r"\s*(https?:)?//", r)]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page)
    assert "cdn" not in " ".join(refs).lower()


def test_render_page_inlines_vis_network_and_skips_bootstrap(page: str) -> None:
    assert "vis-network" in page and "new vis.Network(" in page
    assert "bootstrap" not in page.lower() and "tom-select" not in page.lower()
    assert "<link" not in page


def test_render_payload_holds_every_node_and_edge(page: str) -> None:
    payload = _payload(page)
    assert len(payload["nodes"]) == 3 and len(payload["edges"]) == 3
    assert {n["kgType"] for n in payload["nodes"]} == {"Person", "Country"}


def test_render_nodes_are_coloured_and_shaped_by_type(page: str) -> None:
    india = next(n for n in _payload(page)["nodes"] if n["label"] == "India")
    assert india["shape"] == TYPE_STYLES["Country"]["shape"]
    assert india["color"]["background"] == TYPE_STYLES["Country"]["color"]


def test_render_negated_edges_are_dashed_red_and_hedged_dotted_grey(page: str) -> None:
    edges = {e["id"]: e for e in _payload(page)["edges"]}
    assert edges["kgr:stmt/2"]["claim"] == "negated" and edges["kgr:stmt/2"]["dashes"] is True
    assert edges["kgr:stmt/2"]["color"] == "#d62728"
    assert edges["kgr:stmt/3"]["claim"] == "hedged" and edges["kgr:stmt/3"]["dashes"] == [2, 5]
    assert edges["kgr:stmt/1"]["claim"] == "fact" and "dashes" not in edges["kgr:stmt/1"]


def test_render_edge_carries_evidence_for_its_tooltip(page: str) -> None:
    edge = next(e for e in _payload(page)["edges"] if e["id"] == "kgr:stmt/1")
    assert edge["label"] == "meets"
    assert (edge["sentence"], edge["date"], edge["doc"], edge["confidence"]) == ("Rubio met Jaishankar.", "2026-02-04", "d1", 0.85)


def test_render_node_size_grows_with_pagerank() -> None:
    g = _graph(n_people=4)
    for i in (2, 3):
        g.add_edge(f"kgr:person/{i}", "kgr:country/in", key=f"kgr:stmt/x{i}", predicate="visits", polarity="positive", modality="asserted")
    nodes = {n["label"]: n for n in _payload(render_html(g))["nodes"]}
    assert nodes["India"]["pagerank"] > nodes["Person 3"]["pagerank"]
    assert nodes["India"]["size"] > nodes["Person 3"]["size"]


def test_render_legend_lists_types_with_counts(page: str) -> None:
    assert _payload(page)["types"][:2] == [
        {"name": "Person", "count": 2, "color": "#4e79a7", "border": "#3a5a7d", "svg": "circle"},
        {"name": "Country", "count": 1, "color": "#e15759", "border": "#a84142", "svg": "7,1 13,7 7,13 1,7"},
    ]


def test_render_article_markup_stays_text(tmp_path) -> None:
    g = _graph(sentence=f"He wrote {XSS_IMG} and {XSS_SCRIPT}.")
    g.nodes["kgr:person/0"]["label"] = XSS_SCRIPT
    html = render_html(g, title=XSS_IMG)
    assert XSS_IMG not in html and XSS_SCRIPT not in html
    parsed = _parse(html)
    assert "img" not in parsed.tags
    assert parsed.tags.count("script") == 3  # vis-network, the JSON data, kg's own code
    payload = _payload(html)
    assert any(XSS_SCRIPT in n["label"] for n in payload["nodes"])
    assert any(XSS_IMG in e["sentence"] for e in payload["edges"])


def test_render_page_never_uses_innerhtml_for_data(page: str) -> None:
    ours = page[page.index('<script id="kg-data"'):]
    assert "innerHTML" not in ours and "insertAdjacentHTML" not in ours and "document.write" not in ours


def test_render_small_graph_settles_with_physics(page: str) -> None:
    options = _payload(page)["options"]
    assert options["physics"]["enabled"] is True
    assert options["physics"]["stabilization"]["enabled"] is True
    assert "x" not in _payload(page)["nodes"][0]


def test_render_large_graph_is_pre_laid_out_with_straight_edges() -> None:
    g = _large()
    payload = _payload(render_html(g))
    assert payload["options"]["physics"]["enabled"] is False
    assert payload["options"]["edges"]["smooth"] is False
    assert payload["options"]["layout"]["improvedLayout"] is False
    positions = {(n["x"], n["y"]) for n in payload["nodes"]}
    assert len(positions) == g.number_of_nodes()


def test_render_is_deterministic() -> None:
    assert render_html(_graph()) == render_html(_graph())


def test_render_empty_graph_gives_a_page() -> None:
    payload = _payload(render_html(nx.MultiDiGraph()))
    assert payload["nodes"] == [] and payload["edges"] == []


# --- the page for a thousand articles: labels, dates, long edges, documents, SPARQL, CSP --------

def _csp(html: str) -> dict[str, list[str]]:
    match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert match, "no Content-Security-Policy meta tag"
    return {d.split()[0]: d.split()[1:] for d in match.group(1).split("; ")}


def _inline_code(html: str) -> list[tuple[str, str]]:
    """(tag, text) of every inline script and style that runs or applies (not the data elements)."""
    found = re.findall(r"<(script|style)\b([^>]*)>(.*?)</\1>", html, re.DOTALL)
    return [(tag, body) for tag, attrs, body in found if "application/json" not in attrs and "application/octet-stream" not in attrs]


@pytest.fixture(scope="module")
def small_page(small_rdf) -> str:
    from kg.analytics import to_networkx

    return render_html(to_networkx(small_rdf), title="Small", rdf=small_rdf)


def test_render_csp_forbids_the_network_and_allows_only_the_pages_own_code(small_page: str) -> None:
    import base64
    import hashlib

    policy = _csp(small_page)
    assert policy["default-src"] == ["'none'"] and policy["connect-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    allowed = set(policy["script-src"]) | set(policy["style-src"])
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"} & allowed
    for tag, body in _inline_code(small_page):
        digest = "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        assert digest in policy["script-src" if tag == "script" else "style-src"], f"an inline {tag} is not allowed by the CSP"


def test_render_csp_lets_webassembly_compile_only_with_the_sparql_panel(small_rdf, small_page: str) -> None:
    from kg.analytics import to_networkx

    assert "'wasm-unsafe-eval'" in _csp(small_page)["script-src"]
    lean = render_html(to_networkx(small_rdf), rdf=small_rdf, sparql=False)
    assert "'wasm-unsafe-eval'" not in _csp(lean)["script-src"]


def test_render_nodes_are_ranked_by_pagerank_for_the_labels(page: str) -> None:
    payload = _payload(page)
    by_rank = sorted(payload["nodes"], key=lambda n: n["rank"])
    assert [n["rank"] for n in by_rank] == list(range(len(by_rank)))
    assert [n["pagerank"] for n in by_rank] == sorted((n["pagerank"] for n in by_rank), reverse=True)
    assert payload["topLabels"] == TOP_LABELS == 30


def test_render_date_slider_bins_count_the_dated_statements() -> None:
    g = _graph()
    g.edges["kgr:person/0", "kgr:person/1", "kgr:stmt/1"]["date"] = "2025-11-20"
    g.edges["kgr:person/1", "kgr:country/in", "kgr:stmt/2"]["date"] = None
    payload = _payload(render_html(g))
    dates = payload["dates"]
    assert dates["unit"] == "month" and [b["label"] for b in dates["bins"]] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert [b["count"] for b in dates["bins"]] == [1, 0, 0, 1] and dates["undated"] == 1
    edges = {e["id"]: e["dateBin"] for e in payload["edges"]}
    assert edges == {"kgr:stmt/1": 0, "kgr:stmt/2": -1, "kgr:stmt/3": 3}


def _large(isolated: int = 0) -> nx.MultiDiGraph:
    base = nx.barabasi_albert_graph(LAYOUT_THRESHOLD + 50, 2, seed=3)
    g = nx.MultiDiGraph()
    for i in base:
        g.add_node(str(i), label=f"E{i}", type="Person", aliases=())
    for k, (a, b) in enumerate(base.edges):
        g.add_edge(str(a), str(b), key=f"s{k}", predicate="meets", polarity="positive", modality="asserted")
    for i in range(isolated):
        g.add_node(f"lonely{i}", label=f"L{i}", type="Place", aliases=())
    return g


def test_render_long_edges_fade_when_the_layout_is_precomputed() -> None:
    edges = _payload(render_html(_large()))["edges"]
    faded = [e for e in edges if isinstance(e["color"], dict)]
    assert faded and len(faded) < len(edges) / 2
    assert all(0.08 <= e["color"]["opacity"] < 1 and e["color"]["highlight"] == e["color"]["color"] for e in faded)


def test_render_entities_in_no_statement_lie_apart_from_the_communities() -> None:
    nodes = _payload(render_html(_large(isolated=40)))["nodes"]
    connected = [n["x"] for n in nodes if n["statements"]]
    lonely = [n["x"] for n in nodes if not n["statements"]]
    assert len(lonely) == 40 and min(lonely) > max(connected)


def test_render_documents_list_titles_dates_and_statement_counts(small_page: str) -> None:
    payload = _payload(small_page)
    assert payload["documents"] == [{"id": "d1", "title": "Rubio and India", "published": "2026-02-05", "statements": len(payload["edges"])}]


def test_render_entity_documents_count_mentions_not_only_statements(small_page: str) -> None:
    # Japan is mentioned in the document but takes part in no statement.
    japan = next(n for n in _payload(small_page)["nodes"] if n["label"] == "Japan")
    assert (japan["documents"], japan["statements"]) == (1, 0)


def test_render_documents_without_rdf_come_from_the_edges(page: str) -> None:
    assert _payload(page)["documents"] == [{"id": "d1", "title": None, "published": None, "statements": 3}]


def test_render_sparql_panel_carries_the_named_queries_and_the_triples(small_rdf, small_page: str) -> None:
    import base64
    import gzip

    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.query import named_queries

    settings = _payload(small_page)["sparql"]
    assert [q["name"] for q in settings["queries"]] == list(named_queries())
    assert {q["name"]: q["params"] for q in settings["queries"]}["entity"] == ["name"]
    triples = re.search(r'<script id="kg-triples" type="application/octet-stream"[^>]*>([^<]*)</script>', small_page).group(1)
    in_page = Graph().parse(data=gzip.decompress(base64.b64decode(triples)).decode("utf-8"), format="turtle")
    assert isomorphic(in_page, small_rdf)


def test_render_turtle_given_in_pieces_makes_the_page_of_the_whole_text(small_rdf, small_page: str) -> None:
    from kg.analytics import to_networkx
    from kg.rdf import to_turtle

    turtle = to_turtle(small_rdf)
    pieces = iter([turtle[:100], turtle[100:101], turtle[101:]])
    assert render_html(to_networkx(small_rdf), title="Small", rdf=small_rdf, turtle=pieces) == small_page


def test_render_csp_is_filled_in_whatever_the_title_says(small_rdf) -> None:
    from kg.analytics import to_networkx

    html = render_html(to_networkx(small_rdf), title="kg-content-security-policy </script>", rdf=small_rdf)
    assert _csp(html)["default-src"] == ["'none'"]
    assert "<title>kg-content-security-policy &lt;/script&gt;</title>" in html


def test_render_sparql_engine_is_oxigraphs_webassembly_inflated_in_the_browser(small_page: str) -> None:
    import base64
    import gzip

    wasm = re.search(r'<script id="kg-oxigraph-wasm" type="application/octet-stream"[^>]*>([^<]*)</script>', small_page).group(1)
    assert gzip.decompress(base64.b64decode(wasm))[:4] == b"\0asm"
    assert 'new DecompressionStream("gzip")' in small_page and "export class Store" in small_page


def test_render_without_sparql_or_rdf_has_no_panel(small_rdf, page: str) -> None:
    from kg.analytics import to_networkx

    lean = render_html(to_networkx(small_rdf), rdf=small_rdf, sparql=False)
    for html in (lean, page):
        assert 'id="kg-sparql"' not in html and 'id="kg-oxigraph-wasm"' not in html and 'id="kg-triples"' not in html
        assert _payload(html)["sparql"] is None


def test_render_vendored_oxigraph_ships_with_its_licences() -> None:
    import tomllib
    from pathlib import Path

    root = Path(__file__).parent.parent
    folder = root / "kg" / "vendor" / "oxigraph"
    assert {"web.js", "web_bg.wasm.gz", "LICENSE-MIT", "LICENSE-APACHE", "README.md"} <= {p.name for p in folder.iterdir()}
    assert "Permission is hereby granted" in (folder / "LICENSE-MIT").read_text(encoding="utf-8")
    assert "Apache License" in (folder / "LICENSE-APACHE").read_text(encoding="utf-8")
    package_data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["kg"]
    assert "vendor/oxigraph/*" in package_data and "static/*" in package_data


def _strict_json(text: str):
    def refuse(constant: str):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_render_nan_and_infinite_numbers_give_valid_json() -> None:
    g = _graph()
    for _, _, attrs in g.edges(data=True):
        attrs.update(confidence=float("nan"), rate=float("inf"), amount=float("-inf"))
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', render_html(g), re.DOTALL)
    payload = _strict_json(match.group(1))
    assert {(e["confidence"], e["rate"], e["amount"]) for e in payload["edges"]} == {(None, None, None)}
    assert {e["label"] for e in payload["edges"]} == {"meets", "visits"}


def test_render_nan_literal_in_a_graph_file_gives_a_working_page(small_rdf) -> None:
    from rdflib import Graph, Literal

    from kg.pipeline import render_page
    from kg.vocab import KG, XSD

    rdf = Graph()
    rdf += small_rdf
    for node in list(rdf.subjects(KG.confidence, None)):
        rdf.set((node, KG.confidence, Literal("NaN", datatype=XSD.double)))
        rdf.add((node, KG.rate, Literal("INF", datatype=XSD.double)))
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', render_page(rdf), re.DOTALL)
    assert _strict_json(match.group(1))["edges"]


# --- a page that grows with its graph: the places its readers know stay -------------------------

def _grown(g: nx.MultiDiGraph, attached: int, apart: int = 0) -> nx.MultiDiGraph:
    """``g`` with ``attached`` new entities, each in a statement with an old one, and a chain of
    ``apart`` new entities linked to nothing old."""
    grown = g.copy()
    old = sorted(g.nodes)
    for i in range(attached):
        grown.add_node(f"new{i}", label=f"N{i}", type="Organization", aliases=())
        grown.add_edge(f"new{i}", old[(7 * i) % len(old)], key=f"n{i}", predicate="meets", polarity="positive", modality="asserted")
    for i in range(apart):
        grown.add_node(f"apart{i}", label=f"A{i}", type="Place", aliases=())
        if i:
            grown.add_edge(f"apart{i - 1}", f"apart{i}", key=f"a{i}", predicate="meets", polarity="positive", modality="asserted")
    return grown


def test_render_a_grown_page_keeps_the_places_and_communities_of_the_page_it_grows_from() -> None:
    before = html_page(_large())
    after = _payload(html_page(_grown(_large(), attached=20, apart=4), previous=before.layout).text())
    nodes = {n["id"]: n for n in after["nodes"]}
    for node, (x, y) in before.layout.positions.items():
        assert (nodes[node]["x"], nodes[node]["y"]) == (x, y)
        assert nodes[node]["community"] == before.layout.communities[node]
    assert after["layout"] == "communities"


def test_render_a_grown_page_puts_new_entities_in_free_places_beside_their_neighbours() -> None:
    before = html_page(_large())
    after = html_page(_grown(_large(), attached=20), previous=before.layout)
    places = after.layout.positions
    spread = max(math.dist(p, (0.0, 0.0)) for p in before.layout.positions.values())
    for i in range(20):
        new = places[f"new{i}"]
        # Nothing where its label goes: a label's width to either side, a line of text up and down.
        assert not [p for node, p in places.items() if node != f"new{i}" and abs(p[0] - new[0]) < 0.8 * SPACING and abs(p[1] - new[1]) < 0.3 * SPACING]
        old = sorted(_large().nodes)[(7 * i) % (LAYOUT_THRESHOLD + 50)]
        assert math.dist(new, places[old]) < spread / 2
    assert after.layout.added == 20


def test_render_new_entities_linked_to_no_old_one_get_a_community_of_their_own_on_the_rim() -> None:
    before = html_page(_large())
    after = html_page(_grown(_large(), attached=0, apart=5), previous=before.layout)
    numbers = {after.layout.communities[f"apart{i}"] for i in range(5)}
    assert min(numbers) > max(before.layout.communities.values())
    old = list(before.layout.positions.values())
    centre = (sum(x for x, _ in old) / len(old), sum(y for _, y in old) / len(old))
    middle = sorted(math.dist(p, centre) for p in old)[len(old) // 2]
    assert all(math.dist(after.layout.positions[f"apart{i}"], centre) > middle for i in range(5))  # on the rim, not among the groups


def test_render_a_page_grown_past_the_redraw_share_is_laid_out_whole() -> None:
    before = html_page(_large())
    grown = _grown(_large(), attached=int(REDRAW_SHARE * (LAYOUT_THRESHOLD + 50)) + 30)
    assert html_page(grown, previous=before.layout).text() == html_page(grown).text()
    assert html_page(grown, previous=before.layout).layout.added == 0


def test_render_a_page_laid_out_in_the_browser_keeps_no_layout() -> None:
    assert html_page(_graph()).layout == PageLayout({}, {})


def test_render_the_layout_reads_back_as_written(tmp_path) -> None:
    layout = html_page(_grown(_large(), attached=3), previous=html_page(_large()).layout).layout
    path = tmp_path / LAYOUT_FILE
    with path.open("w", encoding="utf-8") as stream:
        write_layout(layout, stream)
    assert read_layout(path) == layout
    path.write_text('{"kind": "layout", "format": 99, "added": 0}\n', encoding="utf-8")
    assert read_layout(path) is None
    assert read_layout(tmp_path / "missing.jsonl") is None
