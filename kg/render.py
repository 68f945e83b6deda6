"""networkx graph of entities and statements -> one self-contained, offline pyvis HTML page (a string).

The page is drawn by vis-network through pyvis, with kg's own template
(``kg/templates/graph.html.j2``): vis-network is inlined from pyvis's package, nothing is
linked from a CDN, article text travels as escaped JSON and reaches the screen only through
``textContent``. Node colour and shape give the type, size the PageRank; negated statements
are dashed red and hedged ones dotted grey. Past :data:`LAYOUT_THRESHOLD` nodes the layout
is computed here and physics stays off, so large graphs open in seconds.
"""
from __future__ import annotations

import math
from collections import Counter
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import ChoiceLoader, Environment, FileSystemLoader
from pyvis.network import Network

from kg.analytics import communities, degree, pagerank
from kg.layout import layout_positions

__all__ = ["LAYOUT_THRESHOLD", "TYPE_STYLES", "render_html"]

#: Above this many nodes, positions come from :func:`kg.layout.layout_positions` and physics is off.
LAYOUT_THRESHOLD = 300

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


def _template_environment() -> Environment:
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


def _options(large: bool) -> dict:
    edges = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        # Horizontal labels read at a glance; labels along the edge turn with it.
        "font": {"size": 12, "align": "horizontal", "color": "#333", "strokeWidth": 4, "strokeColor": "#ffffff", "background": "rgba(255,255,255,0.8)"},
        "smooth": False if large else {"enabled": True, "type": "dynamic"},
        "width": 1.5,
        "selectionWidth": 2,
    }
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


def render_html(g: nx.MultiDiGraph, title: str = "kg knowledge graph", layout_threshold: int = LAYOUT_THRESHOLD) -> str:
    """The interactive page for a graph from :func:`kg.analytics.to_networkx`.

    Args:
        g: entities as nodes (``label``, ``type``, ``aliases``) and statements as edges.
        title: the page heading (escaped).
        layout_threshold: above this many nodes, precompute positions and turn physics off.

    Returns:
        The HTML document as a string; write it with ``encoding="utf-8"``.
    """
    large = g.number_of_nodes() > layout_threshold
    ranks = pagerank(g)
    community_of = communities(g)
    degrees = degree(g)
    sizes = _node_sizes(ranks)
    positions = layout_positions(g, community_of) if large else {}

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading=title)
    # pyvis's add_node/add_edge scan Python lists on every call (quadratic at 5,000 nodes);
    # its node and edge lists are plain dicts, so they are filled directly.
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
            "statements": g.degree(node),
            "pagerank": round(ranks.get(node, 0.0), 6),
            "community": community_of.get(node, -1),
        }
        if node in positions:
            record["x"], record["y"] = positions[node]
        net.nodes.append(record)
        net.node_ids.append(node)
        net.node_map[node] = record
    dates = []
    for source, target, key, attrs in sorted(g.edges(keys=True, data=True), key=lambda e: e[2]):
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
        if attrs.get("date"):
            dates.append(str(attrs["date"]))
        net.edges.append(record)
    payload = {
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(large),
        "types": _type_legend(g),
        "predicates": [{"name": p, "count": n} for p, n in sorted(Counter(e["predicate"] for e in net.edges).items())],
        "claims": dict(Counter(e["claim"] for e in net.edges)) | {k: 0 for k in ("negated", "hedged") if k not in {e["claim"] for e in net.edges}},
        "dates": {"min": _day(min(dates)) if dates else None, "max": _day(max(dates), end=True) if dates else None},
    }
    net.templateEnv = _template_environment()
    net.path = "graph.html.j2"
    net.templateEnv.globals["payload"] = payload
    return net.generate_html()


def _edge_label(attrs: dict) -> str:
    """The predicate, with the rate when there is one ("tariffOn 18%").

    >>> _edge_label({"predicate": "tariffOn", "rate": 18.0}), _edge_label({"predicate": "meets"})
    ('tariffOn 18%', 'meets')
    """
    predicate = attrs.get("predicate", "")
    rate = attrs.get("rate")
    return f"{predicate} {rate:g}%" if isinstance(rate, (int, float)) else predicate


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


def _darker(color: str, factor: float = 0.75) -> str:
    """The same hue, darker, for node borders.

    >>> _darker("#4e79a7")
    '#3a5a7d'
    """
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * factor):02x}" for c in (r, g, b))
