"""``kg build`` on news against bare spaCy over the same articles: whole processes, interleaved rounds.

Corpus: the BBC pool (``$KG_DATA_DIR/news/pool.jsonl``, 847 articles, 817 distinct texts), its
distinct articles in one fixed shuffled order (seed 0): the file lists the 470 business
articles first, then the 377 politics ones, a third longer, so taking it in file order made the
small sizes all business and the large ones half politics, and "time per article" compared two
kinds of article rather than two sizes. A size of N takes the first N of that order; past 817
the pool is used again in the same order, each article as a copy with a new id and one extra
closing paragraph ("Copy 2.") so that kg does not drop it as a duplicate. So 1,600 articles are
817 originals and 783 copies: twice the parsing and statements of 800 articles, with the
entities of 817.

For every size, each round runs, in fresh Python processes (imports and model loading included
on both sides), in alternating order:

- ``kg -q build ARTICLES.jsonl -o DIR --jobs 1``: the whole build (ingest, spaCy, extraction,
  resolution, RDF, the SHACL check, Turtle, JSON-LD, JSON Lines, the HTML page);
- bare spaCy: ``spacy.load(model)`` and ``for doc in nlp.pipe(texts): pass`` over the same
  article texts, with the pipeline kg loads (without kg's component): the floor;
- ``kg -q build ... --jobs auto`` (the default): one process per core;
- with ``--tables``, spaCy as kg runs it: the same loop with the model's attribute ruler and
  rule lemmatizer answered from tables (``kg.rule_tables``, the same annotations; kg's spaCy is
  that much faster than bare spaCy), so that "x tables" is kg's own work on top of its spaCy.

Every process runs as an installed kg does, with Python's bytecode cache: in a temporary
``PYTHONPYCACHEPREFIX``, filled by one warm-up import, even when ``PYTHONDONTWRITEBYTECODE``
is set (a sandbox that sets it makes every process compile kg's modules again, some 0.4 s
added to both sides of each ratio; pip writes a package's cache when it installs it).

Reported per size (medians over ``--rounds``): wall seconds, CPU seconds (user + system of
the process and its children), peak resident memory (the largest process), the ratios to the
floor, and the time per article with the start-up cost taken out (the median of kg and of spaCy
on a one-article corpus, measured in every round). Run:
``.venv/bin/python benchmarks/speed.py --json out/bench/speed.json``.
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data"))
POOL = DATA / "news" / "pool.jsonl"

#: The floor: the pipeline kg would load, without kg's own component, over the article texts;
#: ``{tables}`` is where the variant with kg's tables sets them.
_FLOOR = """
import json, sys
import spacy
from kg.nlp import DEFAULT_MODELS, is_loadable
name = next(m for m in DEFAULT_MODELS if is_loadable(m))
nlp = spacy.load(name)
{tables}texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
for _ in nlp.pipe(texts):
    pass
"""
BARE = _FLOOR.format(tables="")
#: The same with the model's rule components answered from kg's tables, as kg runs them.
TABLES = _FLOOR.format(tables="from kg.rule_tables import answer_from_tables\nanswer_from_tables(nlp)\n")


def corpus(size: int, folder: Path) -> Path:
    """The first ``size`` distinct pool articles as JSON Lines (copies past the pool); returns the file."""
    path = folder / f"news-{size}.jsonl"
    seen: set[str] = set()
    originals = []
    for line in POOL.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        key = " ".join(record["text"].casefold().split())
        if key not in seen:
            seen.add(key)
            originals.append(record)
    random.Random(0).shuffle(originals)  # every size the same mix of sections (see the docstring)
    records = []
    copy = 1
    while len(records) < size:
        for record in originals[: size - len(records)]:
            if copy == 1:
                records.append(record)
            else:
                records.append({**record, "id": f"{record['id']}-copy{copy}", "text": f"{record['text']}\n\nCopy {copy}."})
        copy += 1
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@functools.lru_cache(maxsize=1)
def child_env() -> dict[str, str]:
    """The environment of the timed processes: Python's bytecode cache on, in a folder of this
    run, filled once here (see the module's docstring)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="kg-bench-pycache-")
    subprocess.run([sys.executable, "-c", "import kg.cli, kg.pipeline, kg.distribute, spacy"], cwd=ROOT, env=env, check=True)
    return env


def run(command: list[str]) -> dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one process and its children."""
    env = child_env()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}): {stderr[-2000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def kg_build(articles: Path, out: Path, jobs: str) -> dict[str, float]:
    return run([sys.executable, "-m", "kg.cli", "-q", "build", str(articles), "-o", str(out), "--jobs", jobs])


def bare(articles: Path, script: str = BARE) -> dict[str, float]:
    return run([sys.executable, "-c", script, str(articles)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-auto", action="store_true", help="skip the --jobs auto runs")
    parser.add_argument("--tables", action="store_true", help="also time spaCy with kg's tables (kg.rule_tables)")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    runs: dict[str, dict[str, list[dict[str, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="kg-speed-") as tmp:
        folder = Path(tmp)
        files = {size: corpus(size, folder) for size in [1, *args.sizes]}
        words = {size: sum(len(json.loads(line)["text"].split()) for line in path.read_text(encoding="utf-8").splitlines()) for size, path in files.items()}
        for round_number in range(args.rounds):
            for size, path in files.items():
                jobs = [("kg", lambda: kg_build(path, folder / "out", "1")), ("spacy", lambda: bare(path))]
                if not args.no_auto and size != 1:
                    jobs.append(("kg auto", lambda: kg_build(path, folder / "out-auto", "auto")))
                if args.tables and size != 1:
                    jobs.append(("spacy tables", lambda: bare(path, TABLES)))
                if round_number % 2:  # alternate who goes first, so drift in the machine's load evens out
                    jobs.reverse()
                for name, job in jobs:
                    figures = job()
                    runs.setdefault(str(size), {}).setdefault(name, []).append(figures)
                    print(f"round {round_number + 1} size {size:>5} {name:<12} {figures['wall']:7.1f} s wall {figures['cpu']:7.1f} s CPU {figures['rss_mb']:6.0f} MB", file=sys.stderr, flush=True)

    def median(size: int | str, name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[str(size)][name])

    startup = {name: median(1, name, "wall") for name in ("kg", "spacy")}
    startup_cpu = {name: median(1, name, "cpu") for name in ("kg", "spacy")}
    table = []
    for size in args.sizes:
        row = {"articles": size, "words": words[size]}
        for name in runs[str(size)]:
            row[name] = {key: median(size, name, key) for key in ("wall", "cpu", "rss_mb")}
        for name in ("kg", "spacy"):
            row[name]["wall_per_article_ms"] = 1000 * (row[name]["wall"] - startup[name]) / size
            row[name]["cpu_per_article_ms"] = 1000 * (row[name]["cpu"] - startup_cpu[name]) / size
        row["ratio_wall"] = row["kg"]["wall"] / row["spacy"]["wall"]
        row["ratio_cpu"] = row["kg"]["cpu"] / row["spacy"]["cpu"]
        if "kg auto" in row:
            row["ratio_auto_wall"] = row["kg auto"]["wall"] / row["spacy"]["wall"]
        if "spacy tables" in row:
            row["ratio_tables_wall"] = row["kg"]["wall"] / row["spacy tables"]["wall"]
            row["ratio_tables_cpu"] = row["kg"]["cpu"] / row["spacy tables"]["cpu"]
        table.append(row)

    load = os.getloadavg()
    print(f"kg build against bare spaCy on {POOL.name}: medians of {args.rounds} interleaved rounds, {os.cpu_count()} CPUs, load average {load[0]:.1f}")
    print(f"start-up (1 article): kg {startup['kg']:.1f} s, spaCy {startup['spacy']:.1f} s")
    print(f"{'articles':>8} {'words':>8} {'kg s':>7} {'spaCy s':>8} {'x wall':>7} {'x CPU':>6} {'kg ms/art':>10} {'spaCy ms/art':>12} {'kg MB':>6} {'spaCy MB':>8} {'auto s':>7} {'x auto':>7}")
    for row in table:
        auto = row.get("kg auto")
        print(
            f"{row['articles']:>8,} {row['words']:>8,} {row['kg']['wall']:>7.1f} {row['spacy']['wall']:>8.1f} {row['ratio_wall']:>6.2f}x {row['ratio_cpu']:>5.2f}x "
            f"{row['kg']['wall_per_article_ms']:>10.0f} {row['spacy']['wall_per_article_ms']:>12.0f} {row['kg']['rss_mb']:>6.0f} {row['spacy']['rss_mb']:>8.0f} "
            + (f"{auto['wall']:>7.1f} {row['ratio_auto_wall']:>6.2f}x" if auto else "")
        )
        if "spacy tables" in row:
            tables = row["spacy tables"]
            print(f"{'':>8} spaCy with kg's tables {tables['wall']:.1f} s wall, {tables['cpu']:.1f} s CPU: kg {row['ratio_tables_wall']:.2f}x of it (CPU {row['ratio_tables_cpu']:.2f}x)")
    first, last = table[0], table[-1]
    growth = last["kg"]["wall_per_article_ms"] / first["kg"]["wall_per_article_ms"] - 1
    cpu_growth = last["kg"]["cpu_per_article_ms"] / first["kg"]["cpu_per_article_ms"] - 1
    print(f"time per article at {last['articles']:,} against {first['articles']:,}: {growth:+.0%} wall, {cpu_growth:+.0%} CPU "
          f"(start-up taken out; on a shared machine CPU is the steadier figure); peak memory {first['kg']['rss_mb']:.0f} -> {last['kg']['rss_mb']:.0f} MB")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {"corpus": str(POOL.name), "order": "shuffled", "rounds": args.rounds, "cpus": os.cpu_count(), "load_average": load, "startup_s": startup, "startup_cpu_s": startup_cpu, "sizes": table, "runs": runs}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
