"""How fast the HTML graph opens: kg's page against pyvis's defaults, in headless Chromium.

For each size, a synthetic scale-free graph (Barabási–Albert, m=2, seeded) with kg's node
types and predicates is rendered twice in the same process:

- baseline: pyvis 0.3.2 defaults (``Network(cdn_resources="in_line")``, add_node/add_edge,
  its own template and physics), the page most pyvis users ship;
- kg: :func:`kg.pipeline.render_page` on the same graph as RDF (precomputed layout and no
  physics past its threshold), with its SPARQL panel and without it (``--no-sparql``).

Each page is opened from ``file://`` in Debian's Chromium with the network blocked, and the
clock runs until the first frame is drawn (vis-network's ``afterDrawing``) and, for kg, until
the page is ready for input (``data-kg-ready``, after physics has settled where it runs), then
times a focus on the top entity and, with the panel, loading the SPARQL engine and running the
``connected`` named query. ``--news GRAPH.ttl`` measures a real graph the same way (the
400-article graph of ``make news-graph``).

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
from rdflib import Graph, Literal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.analytics import to_networkx  # noqa: E402
from kg.pipeline import render_page  # noqa: E402
from kg.rdf import load_rdf  # noqa: E402
from kg.vocab import DCTERMS, KG, KGR, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, bind_prefixes  # noqa: E402

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


def synthetic(n: int, seed: int = 1) -> Graph:
    """A kg-shaped RDF graph: typed, labelled entities, one document per ten entities, and one
    reified statement (with sentence, date and document) per edge of a Barabási–Albert graph."""
    rnd = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    rdf = bind_prefixes(Graph(bind_namespaces="core"))
    entities = {}
    for i in base.nodes:
        kind = rnd.choice(TYPES)
        entities[i] = KGR[f"entity/{kind.lower()}/entity-{i}"]
        rdf.add((entities[i], RDF.type, KG[kind]))
        rdf.add((entities[i], SKOS.prefLabel, Literal(f"Entity {i}")))
        rdf.add((entities[i], RDFS.label, Literal(f"Entity {i}")))
    documents = max(1, n // 10)
    for d in range(documents):
        doc = KGR[f"doc/d{d:05d}"]
        rdf.add((doc, RDF.type, KG.Document))
        rdf.add((doc, KG.docId, Literal(f"d{d:05d}")))
        rdf.add((doc, DCTERMS.title, Literal(f"Document {d}")))
    for k, (a, b) in enumerate(base.edges):
        node, predicate, doc = KGR[f"stmt/{k:016x}"], KG[rnd.choice(PREDICATES)], KGR[f"doc/d{rnd.randrange(documents):05d}"]
        negative, hedged = rnd.random() < 0.05, rnd.random() < 0.1
        for prop, value in [(RDF.type, KG.Statement), (KG.subject, entities[a]), (KG.predicate, predicate), (KG.object, entities[b]),
                            (KG.relation, Literal("r")), (KG.polarity, KG.Negative if negative else KG.Positive),
                            (KG.modality, KG.Hoped if hedged else KG.Asserted), (KG.confidence, Literal("0.8", datatype=XSD.decimal)),
                            (KG.date, Literal(f"2026-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}", datatype=XSD.date)),
                            (PROV.wasDerivedFrom, doc), (KG.sentence, Literal(f"Entity {a} r Entity {b}.")),
                            (KG.startOffset, Literal(0, datatype=XSD.nonNegativeInteger)), (KG.endOffset, Literal(20, datatype=XSD.nonNegativeInteger)),
                            (KG.extractor, Literal("bench.v1"))]:
            rdf.add((node, prop, value))
        rdf.add((doc, SCHEMA.mentions, entities[a]))
        rdf.add((doc, SCHEMA.mentions, entities[b]))
        if not negative and not hedged:
            rdf.add((entities[a], predicate, entities[b]))
    return rdf


def pyvis_default(g: nx.MultiDiGraph) -> str:
    """What a pyvis user gets with the defaults: its template, its physics, smooth edges."""
    net = Network(cdn_resources="in_line", directed=True)
    for node, attrs in g.nodes(data=True):
        net.add_node(node, label=attrs["label"], title=attrs["type"])
    for a, b, attrs in g.edges(data=True):
        net.add_edge(a, b, label=attrs["predicate"], title=attrs["sentence"])
    return net.generate_html()


def time_page(browser, html: str, folder: Path, name: str, wait_ready: bool, timeout_s: float, sparql: bool = False) -> dict:
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    start = time.perf_counter()
    page.goto(path.as_uri(), timeout=timeout_s * 1000)
    result: dict = {"page_mb": round(len(html.encode("utf-8")) / 1e6, 2)}
    try:
        page.evaluate(FIRST_FRAME)
        result["first_frame_s"] = round(time.perf_counter() - start, 2)
        if wait_ready:
            page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=timeout_s * 1000)
            result["ready_s"] = round(time.perf_counter() - start, 2)
            result["labels"] = page.evaluate("window.kg.drawnLabels().length")
            result["focus_ms"] = page.evaluate("""() => { const t = performance.now();
                window.kg.focusEntity(window.kg.data.nodes.find(n => n.rank === 0).id); return Math.round(performance.now() - t); }""")
            page.evaluate("window.kg.clearFocus()")
            if sparql:
                t = time.perf_counter()
                page.evaluate("window.kg.sparql.ready().then(() => null)")
                result["sparql_load_s"] = round(time.perf_counter() - t, 2)
                text = page.evaluate("window.kg.data.sparql.queries.find(q => q.name === 'connected').text")
                result["connected_query_ms"] = page.evaluate("t => window.kg.sparql.execute(t, {}).then(r => r.ms)", text)
        if errors:
            result["console_errors"] = errors[:3]
    except Exception as err:  # a timeout is a figure too
        result["error"] = f"{type(err).__name__}: {str(err).splitlines()[0]}"
    page.close()
    return result


def kg_figures(browser, rdf: Graph, folder: Path, name: str, timeout_s: float) -> dict:
    """kg's page with and without the SPARQL panel: Python time, size and the browser figures."""
    row: dict = {}
    for sparql in (True, False):
        suffix = "" if sparql else "_nosparql"
        t = time.perf_counter()
        html = render_page(rdf, title=name, sparql=sparql)
        row[f"kg{suffix}_python_s"] = round(time.perf_counter() - t, 2)
        row.update({f"kg{suffix}_{k}": v for k, v in time_page(browser, html, folder, f"{name}{suffix}", True, timeout_s, sparql).items()})
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--baseline-max", type=int, default=2000, help="largest size to time pyvis defaults on")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds before a page counts as timed out")
    parser.add_argument("--news", type=Path, nargs="*", default=[], help="real graphs (graph.ttl) to measure too, e.g. out/news-400/graph.ttl")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args()

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        graphs = [(f"synthetic-{n}", lambda n=n: synthetic(n)) for n in args.sizes]
        graphs += [(path.parent.name, lambda path=path: load_rdf(path)) for path in args.news]
        # A first page pays for Chromium's cold start; open one before the clock matters.
        time_page(browser, render_page(synthetic(50)), Path(tmp), "warm-up", True, args.timeout, True)
        for name, make in graphs:
            rdf = make()
            g = to_networkx(rdf)
            row = {"graph": name, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "triples": len(rdf)}
            row.update(kg_figures(browser, rdf, Path(tmp), name, args.timeout))
            if name.startswith("synthetic") and g.number_of_nodes() <= args.baseline_max:
                t = time.perf_counter()
                page = pyvis_default(g)
                row["pyvis_python_s"] = round(time.perf_counter() - t, 2)
                row.update({f"pyvis_{k}": v for k, v in time_page(browser, page, Path(tmp), f"pyvis-{name}", False, args.timeout).items()})
                if "pyvis_first_frame_s" in row and "kg_first_frame_s" in row:
                    row["first_frame_ratio"] = round(row["pyvis_first_frame_s"] / row["kg_first_frame_s"], 1)
            rows.append(row)
            print(json.dumps(row), flush=True)
        browser.close()

    print()
    print(f"{'graph':>16} {'nodes':>6} {'edges':>6} {'py s':>5} {'frame s':>7} {'ready s':>7} {'focus ms':>8} {'MB':>5} "
          f"{'sparql s':>8} {'query ms':>8} | {'no-sparql: frame s':>18} {'ready s':>7} {'MB':>5} | {'pyvis frame s':>13}")
    for r in rows:
        print(f"{r['graph']:>16} {r['nodes']:>6} {r['edges']:>6} {r.get('kg_python_s', '-'):>5} {r.get('kg_first_frame_s', '-'):>7} "
              f"{r.get('kg_ready_s', '-'):>7} {r.get('kg_focus_ms', '-'):>8} {r.get('kg_page_mb', '-'):>5} {r.get('kg_sparql_load_s', '-'):>8} "
              f"{r.get('kg_connected_query_ms', '-'):>8} | {r.get('kg_nosparql_first_frame_s', '-'):>18} {r.get('kg_nosparql_ready_s', '-'):>7} "
              f"{r.get('kg_nosparql_page_mb', '-'):>5} | {r.get('pyvis_first_frame_s', r.get('pyvis_error', '-')):>13}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
