"""networkx graph of entities and statements -> one self-contained, offline HTML page (:class:`Page`).

The page is drawn by vis-network with kg's own template
(``kg/templates/graph.html.j2``): vis-network is inlined from pyvis's package, nothing is
linked from a CDN, article text travels as escaped JSON and reaches the screen only through
``textContent``. Node colour and shape give the type, size the PageRank; negated statements
are dashed red and hedged ones dotted grey. Past :data:`LAYOUT_THRESHOLD` nodes the layout
is computed here and physics stays off, so large graphs open in seconds.

Given the RDF graph too, the page lists the documents and carries the graph's triples with
Oxigraph's WebAssembly build (``kg/vendor/oxigraph``), so the named queries run in the page.
Its page code and styles live in ``kg/static``; a Content-Security-Policy meta tag (hashes of
the page's own inline scripts and styles, ``connect-src 'none'``) forbids anything else.
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import json
import hashlib
import math
import random
import re
import statistics
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import Any, TextIO

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, Template
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from rdflib import Graph

from kg import predicates
from kg.rdf import to_turtle
from kg.writers import SubjectIndex
from kg.analytics import communities, degree, grown_communities, pagerank, undirected
from kg.layout import grown_positions, layout_positions
from kg.query import named_queries
from kg.vocab import DCTERMS, KG, KGR, PREFIXES, RDF, SCHEMA

__all__ = [
    "LAYOUT_FILE", "LAYOUT_THRESHOLD", "REDRAW_SHARE", "TOP_LABELS", "TYPE_STYLES", "Page", "PageData", "PageLayout", "finish_page", "html_page", "page_data", "read_layout", "render_html",
    "write_layout",
]

#: Above this many nodes, positions come from :func:`kg.layout.layout_positions` and physics is off.
LAYOUT_THRESHOLD = 300
#: An update's page keeps the earlier page's places until the entities placed beside them since
#: the last whole layout are more than this share of the page's entities in statements; then
#: the whole graph is laid out again (placed one by one, new entities crowd the map's edges).
REDRAW_SHARE = 0.25
#: Kept in a build's output folder for the next ``--into``: the page's :class:`PageLayout`.
LAYOUT_FILE = "layout.cache.jsonl"
_LAYOUT_FORMAT = 1
#: The entities (by PageRank) whose labels the page always draws; the others appear as you zoom in.
TOP_LABELS = 30

#: Colour (Tableau 10, distinguishable in print and for most colour-blind readers), vis shape,
#: and the same shape as SVG for the legend.
TYPE_STYLES: dict[str, dict[str, str]] = {
    "Person": {"color": "#4e79a7", "shape": "dot", "svg": "circle"},
    "Country": {"color": "#e15759", "shape": "diamond", "svg": "7,1 13,7 7,13 1,7"},
    "Organization": {"color": "#f28e2b", "shape": "square", "svg": "2,2 12,2 12,12 2,12"},
    "Place": {"color": "#76b7b2", "shape": "triangle", "svg": "7,1 13,12 1,12"},
    "Event": {"color": "#59a14f", "shape": "star", "svg": "7,1 8.8,5.2 13,5.5 9.8,8.4 10.7,13 7,10.6 3.3,13 4.2,8.4 1,5.5 5.2,5.2"},
    "Agreement": {"color": "#edc948", "shape": "hexagon", "svg": "4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7"},
    "Position": {"color": "#b07aa1", "shape": "triangleDown", "svg": "1,2 13,2 7,13"},
}
_OTHER_STYLE = {"color": "#bab0ac", "shape": "dot", "svg": "circle"}
_NEGATED = {"color": "#d62728", "dashes": True}
_HEDGED = {"color": "#9e9e9e", "dashes": [2, 5]}
_FACT_COLOR = "#848484"
_MIN_SIZE, _MAX_SIZE = 10, 42
#: Layout scale: vis-network draws a 10-pixel node; keep neighbours this far apart on average.
_SPACING = 110.0


@functools.lru_cache(maxsize=1)
def _template_environment() -> Environment:
    # One environment, so the page's template is compiled once a process.
    # Our template first; pyvis's folder second, for the vis-network files it ships.
    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    ours = Path(str(resources.files("kg").joinpath("templates")))
    return Environment(loader=ChoiceLoader([FileSystemLoader(str(ours)), FileSystemLoader(str(pyvis_templates))]), autoescape=True)


def _claim(edge: dict) -> str:
    if edge.get("polarity") == "negative":
        return "negated"
    return "fact" if edge.get("modality", "asserted") == "asserted" else "hedged"


def _node_sizes(ranks: dict[str, float]) -> dict[str, float]:
    top = max(ranks.values(), default=0.0) or 1.0
    return {n: round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt(r / top), 2) for n, r in ranks.items()}


def _page_positions(
    g: nx.MultiDiGraph, community_of: dict[str, int], connected: list[str], kept: Mapping[str, tuple[float, float]] | None = None
) -> dict[str, tuple[float, float]]:
    """:func:`kg.layout.layout_positions` for the entities in statements, ``connected`` (or,
    given the positions ``kept`` from an earlier page, :func:`kg.layout.grown_positions`); those
    in none (hidden until asked for) on a disc of their own to the right, so they neither push
    the groups apart nor count as a thousand one-entity communities for the layout to separate.
    """
    drawn = set(connected)
    lonely = sorted(n for n in g if n not in drawn)
    if not connected:
        positions = {}
    elif kept is not None:
        positions = grown_positions(g.subgraph(connected), community_of, kept)
    else:
        positions = layout_positions(g.subgraph(connected), community_of)
    if lonely:
        right = max((x for x, _ in positions.values()), default=0.0)
        radius = _SPACING * 0.5 * math.sqrt(len(lonely))
        centre = right + radius + 2 * _SPACING if positions else 0.0
        positions.update({n: (round(centre + x * radius, 1), round(y * radius, 1)) for n, (x, y) in _disc(lonely, 42).items()})
    return positions


def _disc(items: list, seed: int) -> dict:
    """Points spread evenly over the unit disc (a sunflower spiral), in a seeded order."""
    order = list(items)
    random.Random(seed).shuffle(order)
    golden = math.pi * (3 - math.sqrt(5))
    n = len(order)
    return {item: (math.sqrt((i + 0.5) / n) * math.cos(i * golden), math.sqrt((i + 0.5) / n) * math.sin(i * golden)) for i, item in enumerate(order)}


def _options(large: bool) -> dict:
    edges = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        # Horizontal labels read at a glance; labels along the edge turn with it.
        "font": {"size": 12, "align": "horizontal", "color": "#333", "strokeWidth": 4, "strokeColor": "#ffffff", "background": "rgba(255,255,255,0.8)"},
        "smooth": False if large else {"enabled": True, "type": "dynamic"},
        "width": 1.5,
        "selectionWidth": 2,
    }
    if large:
        # Predicate labels only from about 100% zoom: further out they are a grey blur over the nodes.
        edges["scaling"] = {"label": {"drawThreshold": 12}}
    nodes = {"font": {"size": 15, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1}
    interaction = {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": False, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large}
    if large:
        physics: dict = {"enabled": False}
    else:
        physics = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "springConstant": 0.06, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
        }
    return {"nodes": nodes, "edges": edges, "physics": physics, "interaction": interaction, "layout": {"improvedLayout": not large, "randomSeed": 7}}


def render_html(g: nx.MultiDiGraph, **options: Any) -> str:
    """:func:`html_page`'s page (the same arguments) as a string; write it with ``encoding="utf-8"``."""
    return html_page(g, **options).text()


def html_page(
    g: nx.MultiDiGraph,
    title: str = "kg knowledge graph",
    layout_threshold: int | None = None,
    rdf: Graph | None = None,
    sparql: bool = True,
    index: SubjectIndex | None = None,
    documents: list[dict] | None = None,
    mentioned: Mapping[str, int] | None = None,
    turtle: str | Iterable[str | bytes] | None = None,
    count: int | None = None,
    previous: PageLayout | None = None,
) -> Page:
    """The interactive page for a graph from :func:`kg.analytics.to_networkx`.

    Args:
        g: entities as nodes (``label``, ``type``, ``aliases``) and statements as edges.
        title: the page heading (escaped).
        layout_threshold: above this many nodes, precompute positions and turn physics off
            (:data:`LAYOUT_THRESHOLD` when None).
        rdf: the RDF graph ``g`` was made from. It gives the document list its titles and
            dates, the entity table its document counts, and the SPARQL panel its triples;
            without it the documents are the edges' ``doc`` ids and there is no SPARQL panel.
        sparql: include the SPARQL panel (Oxigraph's WebAssembly build and the triples,
            about 2 MB more); only with ``rdf``.
        index: ``rdf``'s :func:`kg.writers.subject_index`, when the caller has read it already.
        documents, mentioned, turtle, count: what ``rdf`` would give, from elsewhere (an
            update has no RDF of the whole graph): the documents (``id``, ``title``,
            ``published``), the number of documents mentioning each entity, the graph's Turtle
            (:func:`kg.rdf.to_turtle`; whole, or in pieces read once) and its number of triples.
        previous: the layout of the page this one grows from (:attr:`Page.layout`). A large
            page keeps its entities' places and communities and puts the new ones beside their
            neighbours (:func:`kg.layout.grown_positions`, :func:`kg.analytics.grown_communities`),
            until the entities so placed since the last whole layout are more than
            :data:`REDRAW_SHARE` of those drawn; then, or without it, the whole graph is laid out.

    Returns:
        The page, to write (:meth:`Page.write`) or render (:meth:`Page.text`) with ``encoding="utf-8"``.
    """
    with_sparql = sparql and (rdf is not None or (turtle is not None and count is not None))
    return finish_page(page_data(g, title, layout_threshold, rdf, with_sparql, documents, mentioned, previous), rdf, index, turtle, count)


@dataclass(frozen=True)
class PageData:
    """All of a page but its SPARQL panel's triples: what :func:`page_data` works out from the
    graph (made in another process while this one writes the RDF, :mod:`kg.pipeline`)."""

    heading: str
    #: The page's records (nodes, edges, legends, documents), as the JSON of its data element.
    payload: str
    layout: PageLayout
    #: Whether the page has the SPARQL panel (then :func:`finish_page` needs the triples).
    sparql: bool


def page_data(
    g: nx.MultiDiGraph, title: str = "kg knowledge graph", layout_threshold: int | None = None, rdf: Graph | None = None, sparql: bool = False,
    documents: list[dict] | None = None, mentioned: Mapping[str, int] | None = None, previous: PageLayout | None = None,
) -> PageData:
    """:func:`html_page`'s page but for the SPARQL panel's triples (the arguments are its own;
    ``sparql``: the page has the panel)."""
    large = g.number_of_nodes() > (LAYOUT_THRESHOLD if layout_threshold is None else layout_threshold)
    simple = undirected(g)
    ranks = pagerank(g, projection=simple)
    # The edges in statement order, read once for the records, the dates and the drawn nodes.
    statements = sorted(g.edges(keys=True, data=True), key=lambda e: e[2])
    touched = {end for source, target, _, _ in statements for end in (source, target)}
    connected = [n for n in g if n in touched]
    added = _added(previous, connected) if large and previous is not None else None
    if added is not None:
        community_of = grown_communities(g, previous.communities, projection=simple)
    else:
        community_of = communities(g, projection=simple)
    degrees = degree(g)
    sizes = _node_sizes(ranks)
    positions = _page_positions(g, community_of, connected, previous.positions if added is not None else None) if large else {}
    layout = PageLayout({n: positions[n] for n in connected}, {n: community_of[n] for n in connected}, added or 0) if large else PageLayout({}, {})
    order = {node: i for i, node in enumerate(sorted(g.nodes, key=lambda n: (-ranks.get(n, 0.0), str(g.nodes[n].get("label", n)), n)))}
    mentioned = dict(mentioned) if mentioned is not None else _documents_per_entity(g, rdf)

    # vis-network's node and edge records (pyvis's Network.add_node/add_edge scan Python lists
    # on every call, quadratic at 5,000 nodes; kg's template takes the records as JSON).
    nodes: list[dict] = []
    edges: list[dict] = []
    for node in sorted(g.nodes):
        attrs = g.nodes[node]
        kind = attrs.get("type", "")
        style = TYPE_STYLES.get(kind, _OTHER_STYLE)
        record = {
            "id": node,
            "label": attrs.get("label", node),
            "shape": style["shape"],
            "color": {"background": style["color"], "border": _darker(style["color"]),
                      "highlight": {"background": style["color"], "border": "#111111"}},
            "size": sizes.get(node, _MIN_SIZE),
            "kgType": kind,
            "aliases": list(attrs.get("aliases", ())),
            "degree": degrees.get(node, 0),
            "statements": degrees.get(node, 0),
            "pagerank": round(ranks.get(node, 0.0), 6),
            "rank": order[node],
            "documents": mentioned.get(node, 0),
            "community": community_of.get(node, -1),
            "titles": list(attrs.get("titles", ())),
        }
        if node in positions:
            record["x"], record["y"] = positions[node]
        nodes.append(record)
    dates = [attrs["date"] for _, _, _, attrs in statements if attrs.get("date")]
    bins = _date_bins(str(date) for date in dates)
    fades = _edge_fades(g, positions)
    for source, target, key, attrs in statements:
        claim = _claim(attrs)
        record = {
            "id": key,
            "from": source,
            "to": target,
            "label": _edge_label(attrs),
            "predicate": attrs.get("predicate", ""),
            "relation": attrs.get("relation") or attrs.get("predicate", ""),
            "claim": claim,
            "polarity": attrs.get("polarity"),
            "modality": attrs.get("modality"),
            "confidence": attrs.get("confidence"),
            "date": attrs.get("date"),
            "dateBin": bins.index_of(str(attrs["date"])) if attrs.get("date") else -1,
            "location": attrs.get("location"),
            "rate": attrs.get("rate"),
            "amount": attrs.get("amount"),
            "currency": attrs.get("currency"),
            "sentence": attrs.get("sentence"),
            "doc": attrs.get("doc"),
            "start": attrs.get("start"),
            "end": attrs.get("end"),
        }
        if claim == "negated":
            record.update(_NEGATED)
        elif claim == "hedged":
            record.update(_HEDGED)
        else:
            record["color"] = _FACT_COLOR
        if key in fades:
            # Long edges (between communities, across the canvas) fade so the groups show;
            # hovering or selecting one draws it in full.
            base = record["color"]
            record["color"] = {"color": base, "highlight": base, "hover": base, "opacity": fades[key]}
        edges.append(record)
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": _options(large),
        "layout": "communities" if positions else "physics",
        "topLabels": TOP_LABELS,
        "types": _type_legend(g),
        "predicates": [_legend_entry(p, n) for p, n in sorted(Counter(e["predicate"] for e in edges).items())],
        "claims": dict(Counter(e["claim"] for e in edges)) | {k: 0 for k in ("negated", "hedged") if k not in {e["claim"] for e in edges}},
        "dates": {"min": _day(min(map(str, dates))) if dates else None, "max": _day(max(map(str, dates)), end=True) if dates else None,
                  "unit": bins.unit, "bins": bins.bins, "undated": g.number_of_edges() - len(dates)},
        "documents": _documents(g, rdf, documents),
        "resourceBase": str(KGR),
        "sparql": _sparql_settings() if sparql else None,
    }
    # JSON has no NaN or Infinity (a graph file may hold "NaN"^^xsd:double): JSON.parse would
    # refuse the whole page, so such numbers are left out. The records' keys stay in the order
    # they are made in, the same for every page (sorting them took a third of the encoding).
    return PageData(title, htmlsafe_json_dumps(payload, dumps=_finite_json), layout, sparql)


def finish_page(data: PageData, rdf: Graph | None = None, index: SubjectIndex | None = None, turtle: str | Iterable[str | bytes] | None = None, count: int | None = None) -> Page:
    """The page of ``data`` (:func:`page_data`), with the graph's triples for its SPARQL panel
    when it has one: from ``rdf`` (and its ``index``), or its Turtle and number of triples."""
    sparql_assets = _sparql_assets(rdf, index, turtle, count) if data.sparql else None
    return Page(_page_template(), _page_values(data.heading, data.payload, sparql_assets, _content_security_policy(data.sparql)), data.layout)


def _page_template() -> Template:
    return _template_environment().get_template("graph.html.j2")


def _page_values(heading: str, payload: str, sparql: Mapping[str, object] | None, csp: str) -> dict[str, object]:
    """What the page's template is filled with: the page (:func:`html_page`), or the page
    without its data, which its Content-Security-Policy is read from."""
    return {"heading": heading, "payload": payload, "assets": _page_assets(), "sparql": sparql, "csp": Markup(csp)}


@dataclass(frozen=True)
class PageLayout:
    """Where a page put each entity in a statement, and its community: what the next
    ``kg build --into`` keeps (:data:`LAYOUT_FILE`), so a growing graph's page stays the map
    its readers know. Empty for a page small enough to be laid out in the browser."""

    positions: Mapping[str, tuple[float, float]]
    communities: Mapping[str, int]
    #: Entities placed by updates since the whole graph was last laid out.
    added: int = 0


def _added(previous: PageLayout, connected: list[str]) -> int | None:
    """The entities placed by updates since the last whole layout, this one's included, when an
    update keeps ``previous``: it has positions, and they stay within :data:`REDRAW_SHARE` of
    those drawn. None when the page is laid out whole."""
    if not previous.positions:
        return None
    added = previous.added + sum(n not in previous.positions for n in connected)
    return added if added <= REDRAW_SHARE * len(connected) else None


def write_layout(layout: PageLayout, stream: TextIO) -> None:
    """``layout`` as JSON, one entity per line: ``[IRI, x, y, community]``, by IRI."""
    stream.write(json.dumps({"kind": "layout", "format": _LAYOUT_FORMAT, "added": layout.added}) + "\n")
    stream.writelines(json.dumps([n, *layout.positions[n], layout.communities[n]], ensure_ascii=False) + "\n" for n in sorted(layout.positions))


def read_layout(path: str | PathLike[str]) -> PageLayout | None:
    """The layout :func:`write_layout` left in ``path``; None when there is none or it is not
    one this kg reads (the next page is then laid out whole)."""
    try:
        with Path(path).open(encoding="utf-8") as stream:
            header = json.loads(stream.readline())
            if header.get("kind") != "layout" or header.get("format") != _LAYOUT_FORMAT:
                return None
            positions, numbers = {}, {}
            for line in stream:
                node, x, y, community = json.loads(line)
                positions[node] = (float(x), float(y))
                numbers[node] = int(community)
            return PageLayout(positions, numbers, int(header["added"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class Page:
    """An HTML page ready to be rendered: written piece by piece (:meth:`write`), it is never
    whole in memory (27 MB as a string at 1,600 articles, as much again while it is joined)."""

    template: Template
    values: Mapping[str, object]
    #: Where the page put its entities, for the next update's page.
    layout: PageLayout = PageLayout({}, {})

    def chunks(self) -> Iterator[str]:
        return self.template.generate(**self.values)

    def write(self, stream: TextIO) -> None:
        stream.writelines(self.chunks())

    def text(self) -> str:
        return "".join(self.chunks())


class _DateBins:
    """The statements' dates cut into contiguous bins (days, months, years or decades) with counts.

    The unit is the finest that keeps the slider short: days up to two months, months up to
    six years, years up to eighty, decades beyond. A date counts in the bin of its first day
    ("2004" in January 2004 when the bins are months).

    >>> bins = _DateBins(["2004-03-01", "2004-05-17", "2004"])
    >>> bins.unit, [(b["label"], b["count"]) for b in bins.bins], bins.index_of("2004-05")
    ('month', [('2004-01', 1), ('2004-02', 0), ('2004-03', 1), ('2004-04', 0), ('2004-05', 1)], 4)
    """

    def __init__(self, dates) -> None:
        starts = [d for d in (_first_day(value) for value in dates) if d is not None]
        self.unit = "year"
        self.bins: list[dict] = []
        self._first: dt.date | None = min(starts) if starts else None
        if not starts:
            return
        first, last = min(starts), max(starts)
        if (last - first).days <= 62:
            self.unit = "day"
        elif (last.year - first.year) * 12 + last.month - first.month <= 72:
            self.unit = "month"
        elif last.year - first.year > 80:
            self.unit = "decade"
        counts = Counter(self._index(d) for d in starts)
        for i in range(self._index(last) + 1):
            start, end, label = self._bounds(i)
            self.bins.append({"label": label, "start": start.isoformat(), "end": end.isoformat(), "count": counts.get(i, 0)})

    def index_of(self, value: str) -> int:
        """The bin of a date qualifier; -1 when it is not a date."""
        day = _first_day(value)
        return -1 if day is None or self._first is None else self._index(day)

    def _index(self, day: dt.date) -> int:
        first = self._first
        assert first is not None
        if self.unit == "day":
            return (day - first).days
        if self.unit == "month":
            return (day.year - first.year) * 12 + day.month - first.month
        if self.unit == "year":
            return day.year - first.year
        return day.year // 10 - first.year // 10

    def _bounds(self, i: int) -> tuple[dt.date, dt.date, str]:
        first = self._first
        assert first is not None
        if self.unit == "day":
            day = first + dt.timedelta(days=i)
            return day, day, day.isoformat()
        if self.unit == "month":
            year, month = divmod(first.month - 1 + i, 12)
            start = dt.date(first.year + year, month + 1, 1)
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return start, end, f"{start.year:04d}-{start.month:02d}"
        if self.unit == "year":
            year = first.year + i
            return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}"
        decade = (first.year // 10 + i) * 10
        return dt.date(max(decade, 1), 1, 1), dt.date(min(decade + 9, 9999), 12, 31), f"{decade:04d}s"


def _date_bins(dates) -> _DateBins:
    return _DateBins(list(dates))


_DATE = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _first_day(value: str) -> dt.date | None:
    """The first day a date qualifier (YYYY, YYYY-MM or YYYY-MM-DD) covers, None if it is none.

    >>> _first_day("2004"), _first_day("2004-03"), _first_day("soon")
    (datetime.date(2004, 1, 1), datetime.date(2004, 3, 1), None)
    """
    match = _DATE.match(str(value))
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def _edge_fades(g: nx.MultiDiGraph, positions: dict[str, tuple[float, float]]) -> dict[str, float]:
    """Opacity of the long edges of a laid-out graph: 1 up to 2.5 median lengths, then fading
    with length (never below 0.08). Long edges cross other groups; faded, the groups show.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edges_from([("a", "b", "s1"), ("b", "c", "s2"), ("c", "d", "s3")])
    ['s1', 's2', 's3']
    >>> _edge_fades(g, {"a": (0, 0), "b": (1, 0), "c": (2, 0), "d": (12, 0)})
    {'s3': 0.12}
    """
    if not positions:
        return {}
    lengths = {}
    for a, b, key in g.edges(keys=True):
        if a in positions and b in positions:
            (xa, ya), (xb, yb) = positions[a], positions[b]
            lengths[key] = math.hypot(xa - xb, ya - yb)
    nonzero = [v for v in lengths.values() if v > 0]
    if not nonzero:
        return {}
    limit = 2.5 * statistics.median(nonzero)
    return {key: round(max(0.08, (limit / length) ** 1.5), 2) for key, length in sorted(lengths.items()) if length > limit}


def _documents_per_entity(g: nx.MultiDiGraph, rdf: Graph | None) -> dict[str, int]:
    """How many documents mention each entity (``schema:mentions``), else how many its statements come from."""
    if rdf is not None:
        return dict(Counter(str(entity) for entity in rdf.objects(None, SCHEMA.mentions) if str(entity) in g))
    docs: dict[str, set] = {}
    for a, b, doc in g.edges(data="doc"):
        if doc:
            docs.setdefault(a, set()).add(doc)
            docs.setdefault(b, set()).add(doc)
    return {node: len(found) for node, found in docs.items()}


def _documents(g: nx.MultiDiGraph, rdf: Graph | None, given: list[dict] | None = None) -> list[dict]:
    """The documents for the page's list: id, title, publication date and statement count,
    by date then id. Without RDF, the documents the edges name (no title or date)."""
    counts = Counter(doc for _, _, doc in g.edges(data="doc") if doc)
    found: dict[str, dict] = {}
    if given is not None:
        found = {d["id"]: {"id": d["id"], "title": d["title"], "published": d["published"]} for d in given}
    elif rdf is not None:
        for document in rdf.subjects(RDF.type, KG.Document):
            doc_id = rdf.value(document, KG.docId)
            if doc_id is None:
                continue
            title, published = rdf.value(document, DCTERMS.title), rdf.value(document, KG.published)
            found[str(doc_id)] = {"id": str(doc_id), "title": None if title is None else str(title),
                                  "published": None if published is None else str(published)}
    for doc_id in counts:
        found.setdefault(doc_id, {"id": doc_id, "title": None, "published": None})
    for record in found.values():
        record["statements"] = counts.get(record["id"], 0)
    return sorted(found.values(), key=lambda d: (d["published"] or "9999", d["id"]))


def _sparql_settings() -> dict:
    """What the query panel offers: the named queries (text, description, parameters) and kg's prefixes."""
    return {
        "queries": [{"name": q.name, "description": q.description, "text": q.text, "params": list(q.params)} for q in named_queries().values()],
        "prefixes": {prefix: str(ns) for prefix, ns in PREFIXES.items()},
    }


@functools.lru_cache(maxsize=1)
def _page_assets() -> dict[str, Markup]:
    """kg's own page code and styles (``kg/static``), inlined as they are."""
    folder = resources.files("kg").joinpath("static")
    return {name.replace(".", "_"): Markup(folder.joinpath(name).read_text(encoding="utf-8")) for name in ("page.css", "page.js", "sparql.js")}


@functools.lru_cache(maxsize=1)
def _oxigraph() -> tuple[Markup, str]:
    """Oxigraph's wasm-bindgen module (text) and its WebAssembly binary (gzip, base64)."""
    folder = resources.files("kg").joinpath("vendor", "oxigraph")
    module = folder.joinpath("web.js").read_text(encoding="utf-8")
    wasm = base64.b64encode(folder.joinpath("web_bg.wasm.gz").read_bytes()).decode("ascii")
    return Markup(module), wasm


def _sparql_assets(rdf: Graph | None, index: SubjectIndex | None = None, turtle: str | Iterable[str | bytes] | None = None, count: int | None = None) -> dict[str, str]:
    """The SPARQL engine and the graph for the page: its Turtle (``turtle``, whole or in pieces,
    else written from ``rdf``), gzip, base64; ``count``: its number of triples, when there is no
    ``rdf`` to count.

    Turtle, which kg writes anyway, compresses better than sorted N-Triples (1.75 MB against
    2.67 MB at zlib's default level on a 1,600-article graph), and the same graph gives the
    same bytes.
    """
    module, wasm = _oxigraph()
    if turtle is None:
        turtle = to_turtle(rdf, index)  # type: ignore[arg-type]
    # Level 2: zlib's default (6) takes three times as long for a file 15% smaller (0.32 s
    # against 0.08 s, 1.75 MB against 2.07 MB for 1,600 articles), level 3 a quarter longer for
    # 2.5% smaller, on every build and update. A gzip stream with no time stamp, as
    # gzip.compress(..., mtime=0) makes it.
    gzipped = zlib.compressobj(2, zlib.DEFLATED, 31)
    pieces = [gzipped.compress(piece.encode("utf-8") if isinstance(piece, str) else piece) for piece in ((turtle,) if isinstance(turtle, str) else turtle)]
    pieces.append(gzipped.flush())
    triples = b"".join(pieces)
    return {"oxigraph": module, "wasm": wasm, "triples": base64.b64encode(triples).decode("ascii"), "count": len(rdf) if count is None else count}


_INLINE_START = re.compile(r"<(script|style)\b([^>]*)>")
_DATA_ELEMENT = re.compile(r'\btype="application/(?:json|octet-stream)"')


@functools.lru_cache(maxsize=2)
def _content_security_policy(sparql: bool) -> str:
    """The page's Content-Security-Policy: only the page's own inline scripts and styles (by
    SHA-256) run, WebAssembly may compile (the SPARQL engine), and nothing may be fetched,
    framed, submitted or loaded from anywhere (``default-src 'none'``, ``connect-src 'none'``).

    The hashes are read from the page rendered without its data: the graph is only ever in data
    elements (JSON, base64), which are not scripts and need no hash. So the policy is the same
    for every page with (or every page without) the SPARQL panel, worked out once a process
    from the small page (rendering the whole page twice would hold a second copy, 27 MB at
    1,600 articles).
    """
    engine = {"oxigraph": _oxigraph()[0], "wasm": "", "triples": "", "count": 0} if sparql else None
    skeleton = _page_template().render(_page_values("", "", engine, ""))
    return _policy_of(skeleton, wasm=sparql)


def _policy_of(html: str, wasm: bool) -> str:
    """The policy allowing exactly the inline scripts and styles of ``html``."""
    scripts, styles = [], []
    position = 0
    # Each element's end found by str.find: a lazy regex over the page's megabytes of data
    # elements costs a quarter of a second at 1,600 articles.
    while (match := _INLINE_START.search(html, position)) is not None:
        tag, attributes = match.groups()
        end = html.find(f"</{tag}>", match.end())
        if end < 0:
            break
        body, position = html[match.end():end], end + len(tag) + 3
        if tag == "script" and _DATA_ELEMENT.search(attributes):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        (scripts if tag == "script" else styles).append(f"'sha256-{digest}'")
    if wasm:
        scripts.append("'wasm-unsafe-eval'")
    return "; ".join([
        "default-src 'none'",
        "script-src " + (" ".join(scripts) or "'none'"),
        "style-src " + (" ".join(styles) or "'none'"),
        "img-src data:",
        "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def _legend_entry(name: str, count: int) -> dict:
    """A predicate as the legend shows it: its declared label and meaning (``kg.predicates``)."""
    try:
        declared = predicates.get(name)
    except KeyError:  # a graph from another kg version may name a predicate no longer declared
        return {"name": name, "label": name, "about": "", "count": count}
    return {"name": name, "label": declared.label, "about": declared.comment, "count": count}


def _edge_label(attrs: dict) -> str:
    """The predicate, with the rate when there is one ("tariffOn 18%").

    >>> _edge_label({"predicate": "tariffOn", "rate": 18.0}), _edge_label({"predicate": "meets"})
    ('tariffOn 18%', 'meets')
    """
    predicate = attrs.get("predicate", "")
    rate = attrs.get("rate")
    return f"{predicate} {rate:g}%" if isinstance(rate, (int, float)) and math.isfinite(rate) else predicate


def _finite_json(value, **kwargs) -> str:
    """``json.dumps`` of ``value`` with every NaN or infinite float (in dicts and lists) written
    as null; encoded once when there is none (most pages: JSON's own check finds out in C).

    >>> _finite_json({"a": [1.5, float("nan")], "b": float("-inf"), "c": "x"})
    '{"a": [1.5, null], "b": null, "c": "x"}'
    """
    try:
        return json.dumps(value, allow_nan=False, **kwargs)
    except ValueError:
        return json.dumps(_replace_non_finite(value), allow_nan=False, **kwargs)


def _replace_non_finite(value):
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _replace_non_finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_replace_non_finite(item) for item in value]
    return value


def _type_legend(g: nx.MultiDiGraph) -> list[dict]:
    counts = Counter(g.nodes[n].get("type", "") for n in g.nodes)
    order = list(TYPE_STYLES) + sorted(t for t in counts if t not in TYPE_STYLES)
    legend = []
    for kind in order:
        if counts.get(kind):
            style = TYPE_STYLES.get(kind, _OTHER_STYLE)
            legend.append({"name": kind, "count": counts[kind], "color": style["color"], "border": _darker(style["color"]), "svg": style["svg"]})
    return legend


def _day(value: str, end: bool = False) -> str:
    """A date qualifier (YYYY, YYYY-MM or YYYY-MM-DD) as a day for an <input type=date>."""
    if len(value) == 4:
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(value) == 7:
        return f"{value}-28" if end else f"{value}-01"
    return value


@functools.lru_cache(maxsize=64)
def _darker(color: str, factor: float = 0.75) -> str:
    """The same hue, darker, for node borders.

    >>> _darker("#4e79a7")
    '#3a5a7d'
    """
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * factor):02x}" for c in (r, g, b))
