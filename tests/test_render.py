"""Tests for kg.render: one offline page, no external reference, article text escaped, large graphs pre-laid-out."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from kg.render import LAYOUT_THRESHOLD, TYPE_STYLES, render_html

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
    base = nx.barabasi_albert_graph(LAYOUT_THRESHOLD + 50, 2, seed=3)
    g = nx.MultiDiGraph()
    for i in base:
        g.add_node(str(i), label=f"E{i}", type="Person", aliases=())
    for k, (a, b) in enumerate(base.edges):
        g.add_edge(str(a), str(b), key=f"s{k}", predicate="meets", polarity="positive", modality="asserted")
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
