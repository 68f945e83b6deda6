"""Articles per second: kg's local engine against the Dask engine with 1 and 2 workers.

Corpus: the benchmark sentences grouped into articles as ``speed.py`` does (CoNLL04 train +
dev and CaRB dev, 20 sentences an article, plus the seed article). Everything runs in one
process tree: the local engine in this process, then a ``LocalCluster`` of 1 and of 2 worker
processes (one thread each) started from it.

Two timings per engine, each the best of ``--repeat`` rounds after a warm-up run (the warm-up
loads spaCy; on Dask, in every worker); each round times every engine in turn:

- extract: documents -> extractions (``kg.pipeline.extract_all`` locally,
  ``kg.distribute.DaskExtractor.extract`` on Dask: partitions sent, extracted, records sent
  back and read), the part that scales with workers;
- build: all of ``kg build`` on the loaded documents (extract, then the driver's merge,
  RDF, SHACL validation and the five files), as ``kg build --engine ...`` runs it.

Also measured: CPU seconds per article in the workers (psutil, user + system) and in the
driver, cluster start-up, and the driver's serial steps after extraction (merge, RDF, SHACL
validation, writing the files; with ``--store``, the oxigraph store) on the corpus's
extractions copied 1, 4 and 16 times under new doc_ids (``--driver-copies``), each in a
fresh process so that its memory is its own, with output sizes per article: the figures
``docs/scaling.md`` builds on. The machine should be otherwise idle.

Run: ``.venv/bin/python benchmarks/scale.py [--workers 1 2] [--repeat 3] [--store] [--json FILE]``.
"""
from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import psutil

from speed import corpus

from kg import distribute
from kg.ingest import load_documents
from kg.nlp import load_pipeline
from kg.pipeline import assemble_graph, build, extract_all, write_outputs
from kg.records import extraction_from_record, extraction_record
from kg.query import write_store
from kg.rdf import to_rdf
from kg.validate import check_graph

ROOT = Path(__file__).resolve().parent.parent


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (run on each worker with ``client.run``)."""
    times = psutil.Process().cpu_times()
    return times.user + times.system


class Engine:
    """One engine's timed runs: ``extract`` and ``build`` return CPU figures; the best run counts."""

    def __init__(self, name: str, workers: int, extract, build) -> None:
        self.name, self.workers, self._extract, self._build = name, workers, extract, build
        self.figures: dict = {"engine": name, "workers": workers, "extract_seconds": float("inf"), "build_seconds": float("inf")}

    def time(self) -> None:
        start = time.perf_counter()
        cpu = self._extract()
        seconds = time.perf_counter() - start
        if seconds < self.figures["extract_seconds"]:
            self.figures.update(extract_seconds=seconds, **cpu)
        start = time.perf_counter()
        self._build()
        self.figures["build_seconds"] = min(self.figures["build_seconds"], time.perf_counter() - start)


def local_engine(documents, nlp, folder: Path) -> Engine:
    extract_all(documents, nlp)  # warm-up

    def extract() -> dict:
        before = time.process_time()
        extract_all(documents, nlp)
        cpu = time.process_time() - before
        return {"worker_cpu_seconds": cpu, "driver_cpu_seconds": cpu}

    return Engine("local", 1, extract, lambda: build([folder / "corpus"], folder / "out-local", nlp=nlp))


def dask_engine(documents, workers: int, folder: Path, partitions: int | None, stack: ExitStack) -> Engine:
    start = time.perf_counter()
    client = stack.enter_context(distribute.local_cluster(workers))
    started = time.perf_counter() - start
    extractor = distribute.DaskExtractor(client, partitions=partitions)
    start = time.perf_counter()
    extractor.extract(documents)  # warm-up: every worker loads spaCy
    warm_up = time.perf_counter() - start

    def extract() -> dict:
        before, driver = sum(client.run(cpu_seconds).values()), time.process_time()
        extractor.extract(documents)
        return {"driver_cpu_seconds": time.process_time() - driver, "worker_cpu_seconds": sum(client.run(cpu_seconds).values()) - before}

    engine = Engine("dask", workers, extract, lambda: distribute.build([folder / "corpus"], folder / f"out-dask-{workers}", client=client, partitions=partitions))
    used = len(distribute.partition_documents(documents, extractor._partitions(len(documents))))
    engine.figures.update(partitions=used, cluster_start_seconds=started, warm_up_seconds=warm_up)
    return engine


def replicate(extractions: list, copies: int) -> list:
    """``copies`` copies of every extraction under new doc_ids: a bigger corpus whose people and
    places recur across articles, as in news, without running spaCy again."""
    if copies == 1:
        return extractions
    out = []
    for extraction in extractions:
        text = json.dumps(extraction_record(extraction), ensure_ascii=False)
        doc_id = extraction.document.doc_id
        out += [extraction_from_record(json.loads(text.replace(doc_id, f"{doc_id}x{k}"))) for k in range(copies)]
    return out


def driver_phases(records: list[dict], copies: int, folder: Path, store: bool) -> dict:
    """The driver's serial steps after extraction (seconds each), its memory and the output sizes,
    for the extractions ``records`` copied ``copies`` times. Run in a fresh process, so that
    its memory figures are its own."""
    extractions = replicate([extraction_from_record(r) for r in records], copies)
    del records
    gc.collect()
    process = psutil.Process()
    rss = process.memory_info().rss
    phases: dict[str, float] = {}
    start = time.perf_counter()
    graph = assemble_graph(extractions)
    phases["merge"] = time.perf_counter() - start
    start = time.perf_counter()
    rdf = to_rdf(graph)
    phases["rdf"] = time.perf_counter() - start
    held = process.memory_info().rss - rss
    start = time.perf_counter()
    check_graph(rdf)
    phases["validate"] = time.perf_counter() - start
    out = folder / f"out-driver-{len(extractions)}"
    start = time.perf_counter()
    files = write_outputs(graph, rdf, out, extractions, "bench", extra=distribute.shard_files(graph, rdf, out, 1))
    phases["write"] = time.perf_counter() - start
    sizes = {p.name: p.stat().st_size for p in files}
    if store:
        start = time.perf_counter()
        write_store(out / "graph.ttl", out / "store")
        phases["store"] = time.perf_counter() - start
        sizes["store"] = sum(p.stat().st_size for p in (out / "store").rglob("*") if p.is_file())
    figures = {
        "articles": len(extractions), "seconds": phases, "bytes": sizes, "triples": len(rdf), "entities": len(graph.entities),
        "statements": len(graph.statements), "mentions": sum(len(e.mentions) for e in extractions),
        "graph_rss_bytes": held, "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    }
    return figures


def driver_phases_apart(records: list[dict], copies: int, folder: Path, store: bool) -> dict:
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(driver_phases, records, copies, folder, store).result()


# --- Virtuoso push throughput (issue 7, item 3) is measured by benchmarks/push.py. ---------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="Dask LocalCluster sizes to time.")
    parser.add_argument("--partitions", type=int, default=None, help="Partitions per Dask run (default: 4 per worker).")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", action="store_true", help="Also time and size the oxigraph store.")
    parser.add_argument("--driver-copies", type=int, nargs="+", default=[1, 4, 16], help="Time the driver's merge and writing on the corpus's extractions copied this many times.")
    parser.add_argument("--folder", type=Path, default=None, help="Working folder (default: a temporary one).")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        folder = args.folder or Path(tmp)
        corpus(folder / "corpus")
        documents = list(load_documents([folder / "corpus"]))
        words = sum(len(d.text.split()) for d in documents)
        chars = sum(len(d.text) for d in documents)
        nlp = load_pipeline()
        print(f"corpus: {len(documents)} articles, {words:,} words ({words / len(documents):,.0f} an article), {os.cpu_count()} CPUs", flush=True)
        with ExitStack() as stack:
            # Every engine is set up (clusters started, spaCy loaded) first, then timed in turn,
            # round after round, so that a change in the machine's load touches them alike.
            engines = [local_engine(documents, nlp, folder)]
            engines += [dask_engine(documents, workers, folder, args.partitions, stack) for workers in args.workers]
            for round_ in range(args.repeat):
                for engine in engines:
                    engine.time()
                print(f"round {round_ + 1}: " + ", ".join(f"{e.name} {e.workers}: {e.figures['extract_seconds']:.2f} s" for e in engines), flush=True)
        runs = [e.figures for e in engines]
        records = [extraction_record(e) for e in extract_all(documents, nlp)]
        driver = []
        for copies in args.driver_copies:
            driver.append(driver_phases_apart(records, copies, folder, args.store))
            print(f"driver, {copies} copies: {sum(driver[-1]['seconds'].values()):.1f} s", flush=True)

    n = len(documents)
    local = runs[0]
    print()
    print(f"{'engine':<14} {'extract s':>9} {'articles/s':>10} {'x local':>8} {'build s':>8} {'articles/s':>10} {'x local':>8} {'CPU s/article':>13}")
    for run in runs:
        name = "local" if run["engine"] == "local" else f"dask, {run['workers']} worker{'s' if run['workers'] > 1 else ''}"
        print(
            f"{name:<14} {run['extract_seconds']:>9.2f} {n / run['extract_seconds']:>10.2f} {local['extract_seconds'] / run['extract_seconds']:>8.2f}"
            f" {run['build_seconds']:>8.2f} {n / run['build_seconds']:>10.2f} {local['build_seconds'] / run['build_seconds']:>8.2f}"
            f" {run['worker_cpu_seconds'] / n:>13.3f}"
        )
    dask = {run["workers"]: run for run in runs if run["engine"] == "dask"}
    if 1 in dask and 2 in dask:
        print(f"\ndask 2 workers / 1 worker: extract {dask[1]['extract_seconds'] / dask[2]['extract_seconds']:.2f}x, build {dask[1]['build_seconds'] / dask[2]['build_seconds']:.2f}x faster")
    for run in dask.values():
        print(f"dask {run['workers']}: cluster start {run['cluster_start_seconds']:.1f} s, warm-up (spaCy load + first run) {run['warm_up_seconds']:.1f} s, "
              f"{run['partitions']} partitions, driver CPU {run['driver_cpu_seconds'] / n * 1000:.1f} ms/article while extracting")
    print("\ndriver after extraction (merge, RDF, SHACL, files), per article:")
    for phases in driver:
        m = phases["articles"]
        print(f"  {m:>6,} articles: " + ", ".join(f"{k} {v / m * 1000:.1f} ms" for k, v in phases["seconds"].items())
              + f"; graph in memory {phases['graph_rss_bytes'] / m / 1024:,.0f} KiB (peak RSS {phases['peak_rss_bytes'] / 2**20:,.0f} MiB), {phases['triples'] / m:.0f} triples, {phases['entities']:,} entities")
    phases = driver[0]
    print(f"per article: {phases['triples'] / n:.1f} triples, {phases['statements'] / n:.2f} statements, {phases['mentions'] / n:.1f} mentions; bytes: "
          + ", ".join(f"{k} {v / n:,.0f}" for k, v in phases["bytes"].items()))
    if args.json:
        figures = {"articles": n, "words": words, "chars": chars, "cpus": os.cpu_count(), "runs": runs, "driver": driver,
                   "python": sys.version.split()[0]}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
