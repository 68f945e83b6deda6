"""benchmarks/sparql.py on the graph a `kg build` wrote, as well as on its synthetic graphs."""
from __future__ import annotations

import json
from pathlib import Path

from kg.pipeline import build
from kg.query import named_query, open_store, run_query


def test_sparql_benchmark_times_the_named_queries_on_a_built_output_folder(nlp, tmp_path: Path) -> None:
    from benchmarks.sparql import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Tony Blair met Jacques Chirac in Paris on Monday. Mr Blair is the prime minister.", encoding="utf-8")
    (articles / "b.txt").write_text("Ford's chief executive, Bill Ford, said the firm would not sell Jaguar.", encoding="utf-8")
    out = tmp_path / "out"
    build([articles], out, nlp=nlp)
    figures_file = tmp_path / "figures.json"

    assert main(["--kg-output", str(out), "--skip-rdflib", "--repeat", "1", "--json", str(figures_file)]) == 0

    figures = json.loads(figures_file.read_text(encoding="utf-8"))
    assert figures["graph"]["documents"] == 2
    times = {q["name"]: q["oxigraph"] for q in figures["queries"]}
    assert all(t["status"] == "ok" for t in times.values())
    # The rows it timed are the rows `kg query` gives on the same folder.
    assert times["meetings"]["rows"] == len(run_query(open_store(out / "graph.ttl"), named_query("meetings").text).rows) >= 1
