"""The page's layout at scale: :func:`kg.layout.layout_positions` against the layout it replaced.

Two kinds of seeded synthetic graph, each size in turn:

- ``scale-free``: Barabási–Albert, m=2 (every entity connected; hubs), as ``benchmarks/render.py``;
- ``news``: what ``kg build`` makes of news: half the entities in no statement at all (a name
  mentioned once), the other half in a sparse scale-free graph (m=1) of statements.

For each, Louvain communities are computed first (:func:`kg.analytics.communities`, which the
page needs anyway, timed apart), then the layout is timed, then, up to ``--baseline-max``
nodes, the layout kg used before (community discs separated pair by pair, quadratic in the
number of communities; copied below from ``kg/render.py`` as it was). The output is checked:
every node placed, and the same positions on a second run.

Run: ``.venv/bin/python benchmarks/layout.py --sizes 5000 20000 50000``.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.analytics import communities  # noqa: E402
from kg.layout import layout_positions  # noqa: E402

_SPACING = 110.0


def synthetic(kind: str, n: int, seed: int = 1) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    if kind == "scale-free":
        base = nx.barabasi_albert_graph(n, 2, seed=seed)
        g.add_nodes_from(f"e{i}" for i in base)
    else:
        base = nx.barabasi_albert_graph(n // 2, 1, seed=seed)
        g.add_nodes_from(f"e{i}" for i in range(n))
    g.add_edges_from((f"e{a}", f"e{b}") for a, b in base.edges)
    return g


# --- the layout kg used before (kg/render.py at the start of issue 14), as the baseline --------


def previous_positions(g: nx.MultiDiGraph, community_of: dict, seed: int = 42) -> dict:
    simple = nx.Graph(g.to_undirected(as_view=True))
    groups: dict[int, list] = {}
    for node in sorted(simple):
        groups.setdefault(community_of.get(node, -1), []).append(node)
    local, radius = {}, {}
    for index, members in sorted(groups.items()):
        sub = simple.subgraph(members)
        if len(members) == 1:
            pos = {members[0]: (0.0, 0.0)}
        elif len(members) <= 400:
            pos = {n: (float(x), float(y)) for n, (x, y) in nx.spring_layout(sub, seed=seed, iterations=60).items()}
        else:
            pos = _disc(members, seed)
        r = _SPACING * math.sqrt(len(members)) * 0.6
        local[index] = {n: (x * r, y * r) for n, (x, y) in pos.items()}
        radius[index] = r + _SPACING
    quotient = nx.Graph()
    quotient.add_nodes_from(groups)
    for a, b in simple.edges():
        ca, cb = community_of.get(a, -1), community_of.get(b, -1)
        if ca != cb:
            weight = quotient.get_edge_data(ca, cb, {"weight": 0})["weight"]
            quotient.add_edge(ca, cb, weight=weight + 1)
    if 1 < len(quotient) <= 400:
        centres = {c: (float(x), float(y)) for c, (x, y) in nx.spring_layout(quotient, seed=seed, weight="weight").items()}
    else:
        centres = _disc(sorted(quotient), seed)
    centres = _separate(centres, radius)
    return {n: (round(cx + x, 1), round(cy + y, 1)) for c, (cx, cy) in centres.items() for n, (x, y) in local[c].items()}


def _disc(items: list, seed: int) -> dict:
    order = list(items)
    random.Random(seed).shuffle(order)
    golden = math.pi * (3 - math.sqrt(5))
    n = len(order)
    return {item: (math.sqrt((i + 0.5) / n) * math.cos(i * golden), math.sqrt((i + 0.5) / n) * math.sin(i * golden)) for i, item in enumerate(order)}


def _separate(centres: dict, radius: dict) -> dict:
    items = sorted(centres)
    if len(items) < 2:
        return {c: (0.0, 0.0) for c in items}
    scale = max(radius.values()) * 2.5
    pos = {c: [x * scale, y * scale] for c, (x, y) in centres.items()}
    for _ in range(60):
        moved = False
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                dist = math.hypot(dx, dy) or 1e-6
                need = radius[a] + radius[b]
                if dist < need:
                    push = (need - dist) / 2
                    ux, uy = dx / dist, dy / dist
                    pos[a][0] -= ux * push
                    pos[a][1] -= uy * push
                    pos[b][0] += ux * push
                    pos[b][1] += uy * push
                    moved = True
        if not moved or len(items) > 600:
            break
    return {c: (x, y) for c, (x, y) in pos.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000, 50000])
    parser.add_argument("--kinds", nargs="+", default=["news", "scale-free"], choices=["news", "scale-free"])
    parser.add_argument("--baseline-max", type=int, default=5000, help="run the previous layout up to this many nodes (it is quadratic)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    rows = []
    print(f"{'graph':<11} {'nodes':>7} {'edges':>7} {'communities':>11} {'louvain s':>9} {'layout s':>9} {'previous s':>10}")
    for size in args.sizes:
        for kind in args.kinds:
            g = synthetic(kind, size)
            start = time.perf_counter()
            community_of = communities(g)
            louvain_s = time.perf_counter() - start
            start = time.perf_counter()
            positions = layout_positions(g, community_of)
            layout_s = time.perf_counter() - start
            assert len(positions) == g.number_of_nodes()
            assert positions == layout_positions(g, community_of), "layout is not deterministic"
            previous_s = None
            if size <= args.baseline_max:
                start = time.perf_counter()
                previous_positions(g, community_of)
                previous_s = time.perf_counter() - start
            row = {"graph": kind, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "communities": len(set(community_of.values())),
                   "louvain_s": louvain_s, "layout_s": layout_s, "previous_s": previous_s}
            rows.append(row)
            previous = f"{previous_s:>10.2f}" if previous_s is not None else f"{'-':>10}"
            print(f"{kind:<11} {row['nodes']:>7,} {row['edges']:>7,} {row['communities']:>11,} {louvain_s:>9.2f} {layout_s:>9.2f} {previous}", flush=True)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": rows}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
