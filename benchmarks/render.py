"""How fast the HTML graph opens: kg's page against pyvis's defaults, in headless Chromium.

For each size, a synthetic scale-free graph (Barabási–Albert, m=2, seeded) with kg's node
types and predicates is rendered twice in the same process:

- baseline: pyvis 0.3.2 defaults (``Network(cdn_resources="in_line")``, add_node/add_edge,
  its own template and physics), the page most pyvis users ship;
- kg: :func:`kg.render.render_html` (precomputed layout and no physics past its threshold).

Each page is opened from ``file://`` in Debian's Chromium with the network blocked, and the
clock runs until the first frame is drawn (vis-network's ``afterDrawing``) and, for kg, until
the page is ready for input (``data-kg-ready``, after physics has settled where it runs).

Run: ``.venv/bin/python benchmarks/render.py --sizes 500 2000 5000 --baseline-max 2000``
(the baseline takes minutes past 2,000 nodes, so larger sizes run kg only unless asked).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
from playwright.sync_api import sync_playwright
from pyvis.network import Network

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.render import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
TYPES = ["Person", "Country", "Organization", "Place", "Event", "Agreement", "Position"]
PREDICATES = ["meets", "visits", "attends", "hosts", "tariffOn", "supports", "holdsPosition"]
# Resolves when vis-network has drawn its first frame on the page's network.
FIRST_FRAME = """() => new Promise(resolve => {
  const ready = () => { const n = window.kg ? window.kg.network : window.network;
    if (!n) { requestAnimationFrame(ready); return; }
    let done = false; n.once('afterDrawing', () => { if (!done) { done = true; resolve(performance.now()); } });
    n.redraw(); };
  ready(); })"""


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A kg-shaped graph: typed, labelled entities and statements with evidence attributes."""
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    g = nx.MultiDiGraph()
    for i in base.nodes:
        g.add_node(f"e{i}", label=f"Entity {i}", type=rnd.choice(TYPES), aliases=())
    for k, (a, b) in enumerate(base.edges):
        g.add_edge(f"e{a}", f"e{b}", key=f"s{k:06d}", predicate=rnd.choice(PREDICATES), relation="r",
                   polarity="negative" if rnd.random() < 0.05 else "positive",
                   modality="hoped" if rnd.random() < 0.1 else "asserted", confidence=0.8,
                   date=f"2026-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}", sentence="A sentence.", doc="d1", start=0, end=11,
                   location=None, rate=None, amount=None, currency=None)
    return g


def pyvis_default(g: nx.MultiDiGraph) -> str:
    """What a pyvis user gets with the defaults: its template, its physics, smooth edges."""
    net = Network(cdn_resources="in_line", directed=True)
    for node, attrs in g.nodes(data=True):
        net.add_node(node, label=attrs["label"], title=attrs["type"])
    for a, b, attrs in g.edges(data=True):
        net.add_edge(a, b, label=attrs["predicate"], title=attrs["sentence"])
    return net.generate_html()


def time_page(browser, html: str, folder: Path, name: str, wait_ready: bool, timeout_s: float) -> dict:
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    start = time.perf_counter()
    page.goto(path.as_uri(), timeout=timeout_s * 1000)
    result: dict = {}
    try:
        page.evaluate(FIRST_FRAME)
        result["first_frame_s"] = round(time.perf_counter() - start, 2)
        if wait_ready:
            page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=timeout_s * 1000)
            result["ready_s"] = round(time.perf_counter() - start, 2)
            page.evaluate("window.kg.focus('Entity 17')")
            result["search_focus_s"] = round(time.perf_counter() - start, 2)
    except Exception as err:  # a timeout is a figure too
        result["error"] = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    page.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--baseline-max", type=int, default=2000, help="largest size to time pyvis defaults on")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a page counts as timed out")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for n in args.sizes:
            g = synthetic(n)
            t = time.perf_counter()
            page = render_html(g)
            row = {"nodes": n, "edges": g.number_of_edges(), "kg_python_s": round(time.perf_counter() - t, 2)}
            row.update({f"kg_{k}": v for k, v in time_page(browser, page, Path(tmp), f"kg-{n}", True, args.timeout).items()})
            if n <= args.baseline_max:
                t = time.perf_counter()
                page = pyvis_default(g)
                row["pyvis_python_s"] = round(time.perf_counter() - t, 2)
                row.update({f"pyvis_{k}": v for k, v in time_page(browser, page, Path(tmp), f"pyvis-{n}", False, args.timeout).items()})
                if "pyvis_first_frame_s" in row and "kg_first_frame_s" in row:
                    row["first_frame_ratio"] = round(row["pyvis_first_frame_s"] / row["kg_first_frame_s"], 1)
            rows.append(row)
            print(json.dumps(row), flush=True)
        browser.close()

    print()
    print(f"{'nodes':>6} {'edges':>6} {'kg py s':>8} {'kg frame s':>10} {'kg ready s':>10} {'pyvis frame s':>13} {'ratio':>6}")
    for r in rows:
        print(f"{r['nodes']:>6} {r['edges']:>6} {r['kg_python_s']:>8} {r.get('kg_first_frame_s', '-'):>10} {r.get('kg_ready_s', '-'):>10} "
              f"{r.get('pyvis_first_frame_s', r.get('pyvis_error', '-')):>13} {r.get('first_frame_ratio', '-'):>6}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
