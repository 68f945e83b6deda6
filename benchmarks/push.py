"""Push throughput of ``kg push`` into OpenLink Virtuoso, and named queries on it against local pyoxigraph.

Input: nothing but a seed. The graph is benchmarks/sparql.py's synthetic news corpus through
kg's own ``kg.rdf.to_rdf`` (reified statements, qualifiers, labels, provenance), about
``--triples`` triples. A throwaway Virtuoso is started on loopback in a temp folder
(tests/virtuoso.py) unless ``--gsp`` and ``--sparql`` name a running store (credentials from
KG_SPARQL_USER / KG_SPARQL_PASSWORD). Output: a table on stdout and ``--json PATH``.

Run from the repository root::

    .venv/bin/python benchmarks/push.py --triples 20000                 # smoke run, seconds
    .venv/bin/python benchmarks/push.py --triples 1000000 --json out/bench/push.json

Figures: for each worker count, a push into an empty store and a re-push of the same graph
(every named graph replaced), with Turtle bodies (kg push's default) and once with N-Triples;
each is ``kg.remote.push_graph``
from an in-memory graph, the time ``kg push`` spends after reading its file (reading a
1M-triple file with rdflib is timed apart as ``load_rdf``). Queries are timed as the median of
``--repeat`` runs, remote through the SPARQL Protocol and local on pyoxigraph's in-memory store.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from benchmarks.sparql import binding_values, sized_graph  # noqa: E402
from kg.query import named_query, run_query  # noqa: E402
from kg.rdf import load_rdf, to_rdf  # noqa: E402
from kg.remote import graph_layout, graph_triples, push_graph, run_remote_query  # noqa: E402
from kg.remote.client import Client  # noqa: E402
from tests.virtuoso import Virtuoso, unavailable  # noqa: E402

KG_GRAPHS = "https://w3id.org/kg-news/resource/graph/"
QUERIES = ("meetings", "tariffs", "entity", "document", "documents")


def _log(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="target size of the graph (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20260204, help="random seed of the synthetic corpus")
    parser.add_argument("--batch", type=int, default=20_000, help="triples per request (default 20,000, as kg push)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4], help="worker counts, each timed on an empty store and again replacing (Turtle bodies)")
    parser.add_argument("--ntriples-workers", type=int, default=4, help="time N-Triples bodies too, with this many workers (0: skip)")
    parser.add_argument("--buffers", type=int, default=200_000, help="Virtuoso NumberOfBuffers (8 KB pages; 200,000 = 1.6 GB)")
    parser.add_argument("--queries", nargs="*", default=list(QUERIES), help="named queries to time")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (median reported)")
    parser.add_argument("--skip-load", action="store_true", help="do not time load_rdf on the graph file")
    parser.add_argument("--gsp", default=None, help="Graph Store endpoint of a running store (default: start Virtuoso)")
    parser.add_argument("--sparql", default=None, help="SPARQL endpoint of that store")
    parser.add_argument("--json", type=Path, default=None, help="write all figures to this JSON file")
    return parser.parse_args(argv)


def _stopwatch(step):
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


def _count(sparql: str) -> int:
    text = f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}")) }}'
    return int(run_remote_query(sparql, text).rows[0][0].value)


def _clear(gsp: str, sparql: str) -> None:
    text = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}")) }}'
    client = Client(gsp, retries=4, timeout=300, retry_statuses=frozenset({500, 502, 503, 504}))
    for (graph,) in run_remote_query(sparql, text).rows:
        client.request("DELETE", params={"graph": graph.value})


def _median_ms(run, repeat: int) -> tuple[float, int]:
    runs, rows = [], 0
    for _ in range(repeat):
        seconds, rows = _stopwatch(run)
        runs.append(seconds * 1000)
    return statistics.median(runs), rows


def measure(args: argparse.Namespace, gsp: str, sparql: str, server: Virtuoso | None, tmp: Path) -> dict:
    figures: dict = {}
    _log(f"synthesising about {args.triples:,} triples")
    synth_s, graph = _stopwatch(lambda: sized_graph(args.triples, args.seed))
    to_rdf_s, rdf = _stopwatch(lambda: to_rdf(graph))
    convert_s, triples = _stopwatch(lambda: graph_triples(rdf))
    layout = graph_layout(triples)
    sizes = sorted(len(part) for part in layout.values())
    figures["graph"] = {
        "triples": len(triples),
        "documents": len(graph.documents),
        "entities": len(graph.entities),
        "statements": len(graph.statements),
        "named_graphs": len(layout),
        "entity_graph_triples": max(sizes),
        "median_document_graph_triples": sizes[len(sizes) // 2],
    }
    figures["build_s"] = {"synthesise": synth_s, "to_rdf": to_rdf_s, "to_pyoxigraph_terms": convert_s}

    nt = tmp / "graph.nt"
    nt.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES))
    figures["graph"]["ntriples_mb"] = round(nt.stat().st_size / 1e6, 1)
    if not args.skip_load:
        _log("kg.rdf.load_rdf on the N-Triples file (what kg push reads first)")
        figures["build_s"]["load_rdf_nt"], _ = _stopwatch(lambda: len(load_rdf(nt)))
    local = ox.Store()
    local.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)

    pushes = []
    plan = [(kind, w, "turtle") for w in args.workers for kind in ("initial", "re-push")]
    if args.ntriples_workers:
        plan += [(kind, args.ntriples_workers, "ntriples") for kind in ("initial", "re-push")]
    for kind, workers, body in plan:
        if kind == "initial" and _count(sparql):
            _log("emptying the store's kg graphs")
            _clear(gsp, sparql)
        _log(f"{kind}: {len(triples):,} triples, {workers} workers, {body} bodies of {args.batch:,} triples at most")
        report = push_graph(triples, gsp, batch=args.batch, workers=workers, body=body)
        count = _count(sparql)
        pushes.append(
            {
                "kind": kind,
                "workers": workers,
                "body": body,
                "seconds": report.seconds,
                "triples_per_s": report.triples / report.seconds,
                "requests": report.requests,
                "retries": report.retries,
                "body_mb": round(report.bytes / 1e6, 1),
                "store_triples": count,
                "store_bytes": server.database_bytes() if server else None,
            }
        )
        if count != len(triples):
            _log(f"WARNING: the store holds {count:,} kg triples after the push, not {len(triples):,}")
    figures["pushes"] = pushes

    found = binding_values(graph)  # the most mentioned person, the document with most statements
    values = {"name": str(found["label"]), "doc": str(found["doc_id"])}
    queries = []
    for name in args.queries:
        query = named_query(name)
        bindings = {p: values[p] for p in query.params}
        _log(f"query {name} {bindings or ''}: remote and local x{args.repeat}")
        remote_ms, remote_rows = _median_ms(lambda: len(run_remote_query(sparql, query.text, bindings, query.params).rows), args.repeat)
        local_ms, local_rows = _median_ms(lambda: len(run_query(local, query.text, bindings, query.params).rows), args.repeat)
        queries.append({"name": name, "bindings": bindings, "remote_ms": remote_ms, "local_ms": local_ms, "remote_rows": remote_rows, "local_rows": local_rows})
    figures["queries"] = queries
    return figures


def report(figures: dict):
    g, b = figures["graph"], figures["build_s"]
    yield f"kg push benchmark: {figures['store']} (Python {figures['machine']['python']}, {figures['machine']['cpus']} CPUs)"
    yield (
        f"graph    {g['triples']:,} triples ({g['ntriples_mb']} MB N-Triples): {g['documents']:,} documents, {g['entities']:,} entities, "
        f"{g['statements']:,} statements -> {g['named_graphs']:,} named graphs (entities graph {g['entity_graph_triples']:,} triples, "
        f"median document graph {g['median_document_graph_triples']:,})"
    )
    load = f", kg.rdf.load_rdf of the N-Triples file {b['load_rdf_nt']:.1f} s" if "load_rdf_nt" in b else ""
    yield f"build    synthesise {b['synthesise']:.1f} s, to_rdf {b['to_rdf']:.1f} s, rdflib -> pyoxigraph terms {b['to_pyoxigraph_terms']:.1f} s{load}"
    yield ""
    yield f"{'push':<9} {'workers':>7} {'body':>9} {'seconds':>8} {'triples/s':>10} {'requests':>9} {'retries':>8} {'body MB':>8} {'in store':>10} {'store MB':>9}"
    for p in figures["pushes"]:
        store_mb = f"{p['store_bytes'] / 1e6:,.0f}" if p["store_bytes"] else "-"
        yield (
            f"{p['kind']:<9} {p['workers']:>7} {p['body']:>9} {p['seconds']:>8.1f} {p['triples_per_s']:>10,.0f} {p['requests']:>9,} "
            f"{p['retries']:>8} {p['body_mb']:>8,.1f} {p['store_triples']:>10,} {store_mb:>9}"
        )
    yield ""
    yield f"{'query':<12} {'remote ms':>10} {'local ms':>9} {'rows remote':>12} {'rows local':>11}   (median of {figures['args']['repeat']}; local = pyoxigraph in memory)"
    for q in figures["queries"]:
        yield f"{q['name']:<12} {q['remote_ms']:>10.1f} {q['local_ms']:>9.1f} {q['remote_rows']:>12,} {q['local_rows']:>11,}" + ("" if q["remote_rows"] == q["local_rows"] else "  ROWS DIFFER")
    yield ""
    yield f"wall time {figures['wall_s']:.0f} s"


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    wall = time.perf_counter()
    figures: dict = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_start": os.getloadavg()},
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
    }
    with tempfile.TemporaryDirectory(prefix="kg-push-bench-") as tmp:
        if args.gsp:
            if not args.sparql:
                raise SystemExit("--gsp needs --sparql too")
            figures["store"] = args.sparql
            figures.update(measure(args, args.gsp, args.sparql, None, Path(tmp)))
        else:
            reason = unavailable()
            if reason:
                raise SystemExit(reason)
            with Virtuoso(Path(tmp) / "virtuoso", buffers=args.buffers) as server:
                os.environ.update(server.credentials)
                version = subprocess_version()
                figures["store"] = f"Virtuoso {version} on loopback, NumberOfBuffers {args.buffers:,}"
                figures.update(measure(args, server.gsp_url, server.sparql_url, server, Path(tmp)))
    figures["wall_s"] = time.perf_counter() - wall
    figures["machine"]["loadavg_end"] = os.getloadavg()
    for line in report(figures):
        print(line)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def subprocess_version() -> str:
    import subprocess

    found = subprocess.run(["virtuoso-t", "-?"], capture_output=True, text=True, check=False)
    for line in (found.stdout + found.stderr).splitlines():
        if line.startswith("Version"):
            return line.split()[1]
    return "(unknown version)"


if __name__ == "__main__":
    # SIGTERM unwinds like Ctrl-C, so the Virtuoso this run started is stopped and its folder removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
