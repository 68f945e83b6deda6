"""The floor of the named queries on pyoxigraph: how long reading their own result rows takes.

Each query's result rows are stored in the same store as a table (one node a row, one triple a
non-empty column) and read back with one pattern a column (OPTIONAL for a column that is
sometimes empty), with and without the query's ORDER BY, every row listed into Python as
``sparql.py`` does. No graph can answer a query faster than that. Input: a Turtle file written by
``sparql.py --keep``; output: a plain table on stdout::

    .venv/bin/python benchmarks/sparql.py --triples 1000000 --skip-rdflib --keep out/bench/graph.ttl
    .venv/bin/python benchmarks/sparql_floor.py out/bench/graph.ttl claims positions meetings
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from kg.query import read_query_file
from kg.vocab import PREFIXES

REPO = Path(__file__).resolve().parent.parent
PREFIX_MAP = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
#: Values for the queries that take one (a popular name of the synthetic graph).
BINDINGS = {"name": ox.Literal("Marco Rubio")}
TABLE = "urn:kg-bench:table:"


def median_ms(store: ox.Store, text: str, substitutions: dict | None, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        list(store.query(text, prefixes=PREFIX_MAP, substitutions=substitutions))
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", type=Path, help="Turtle file (sparql.py --keep)")
    parser.add_argument("names", nargs="+", help="named queries (queries/NAME.rq)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    store = ox.Store()
    store.bulk_load(path=str(args.graph), format=ox.RdfFormat.TURTLE)
    print(f"{'query':<10} {'rows':>7} {'cols':>4} {'table ms':>9} {'+ORDER BY':>10} {'query ms':>9}")
    for name in args.names:
        query = read_query_file(REPO / "queries" / f"{name}.rq")
        substitutions = {ox.Variable(p): BINDINGS[p] for p in query.params} or None
        result = store.query(query.text, prefixes=PREFIX_MAP, substitutions=substitutions)
        columns = [v.value for v in result.variables]
        rows = [[solution[c] for c in columns] for solution in result]
        store.extend(
            ox.Quad(ox.NamedNode(f"{TABLE}{name}/row/{i}"), ox.NamedNode(f"{TABLE}{name}/{c}"), value)
            for i, row in enumerate(rows)
            for c, value in zip(columns, row)
            if value is not None
        )
        always = {c for i, c in enumerate(columns) if all(row[i] is not None for row in rows)}
        patterns = " ".join(
            f"?row <{TABLE}{name}/{c}> ?{c} ." if c in always else f"OPTIONAL {{ ?row <{TABLE}{name}/{c}> ?{c} }}" for c in columns
        )
        table = f"SELECT {' '.join('?' + c for c in columns)} WHERE {{ {patterns} }}"
        order = re.search(r"^ORDER BY[^\n]*", query.text, re.M)
        ordered = f"{table} {order.group(0)}" if order else table
        print(
            f"{name:<10} {len(rows):>7,} {len(columns):>4} {median_ms(store, table, None, args.repeat):>9.1f} "
            f"{median_ms(store, ordered, None, args.repeat):>10.1f} {median_ms(store, query.text, substitutions, args.repeat):>9.1f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
