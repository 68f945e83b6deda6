"""A graph that grows: the cost of adding 10 articles to archives of 100, 400 and 1,600 pool articles.

Corpus: the BBC pool as ``speed.py`` reads it (the first N distinct articles in file order, and
past the pool's 817 distinct texts copies with a closing "Copy 2."). An archive of N is the
first N articles built with ``kg build -o``; the new articles are the next 10 (articles N+1 to
N+10, never in the archive).

For every archive size, each round runs, in fresh processes (imports and model loading
included) and in alternating order:

- update: ``kg -q build NEW.jsonl --into COPY --jobs 1`` on a fresh copy of the archive;
- alone: ``kg -q build NEW.jsonl -o DIR --jobs 1``, the same 10 articles on their own.

Reported per size (medians over ``--rounds``): wall and CPU seconds and peak RSS of both, the
ratio update / alone, and where the update's time goes, from one more update run in a fresh
process that prints ``BuildResult.timings`` (load: ingest and the spaCy model; read: the
archive's stored state; extract; resolve; rdf; validate; turtle, jsonld, page: the outputs
made in memory; write: the files written, all or none).

Run: ``.venv/bin/python benchmarks/growth.py [--archives 100 400 1600] [--rounds 3] [--json FILE]``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ROOT, corpus, run  # noqa: E402

#: One update in this process, printing its stage timings as JSON (for the breakdown).
STAGES = """
import json, sys
from kg.pipeline import build
result = build([sys.argv[1]], sys.argv[2], into=True, jobs=1)
print(json.dumps(result.timings))
"""


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "-q", "build", *args, "--jobs", "1"]


def stage_timings(new: Path, archive: Path, folder: Path) -> dict[str, float]:
    """Seconds per stage of one update of a copy of ``archive``, in a fresh process."""
    target = folder / "stages"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(archive, target)
    output = subprocess.run([sys.executable, "-c", STAGES, str(new), str(target)], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def slices(articles: Path, size: int, new: int, folder: Path) -> tuple[Path, Path]:
    """The first ``size`` articles and the ``new`` after them, as two JSON Lines files."""
    lines = articles.read_text(encoding="utf-8").splitlines(keepends=True)
    archive, added = folder / f"archive-{size}.jsonl", folder / f"new-{size}.jsonl"
    archive.write_text("".join(lines[:size]), encoding="utf-8")
    added.write_text("".join(lines[size : size + new]), encoding="utf-8")
    return archive, added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archives", type=int, nargs="+", default=[100, 400, 1600])
    parser.add_argument("--new", type=int, default=10, help="articles added to each archive")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    table = []
    with tempfile.TemporaryDirectory(prefix="kg-growth-") as tmp:
        folder = Path(tmp)
        articles = corpus(max(args.archives) + args.new, folder)
        for size in args.archives:
            archive_file, new_file = slices(articles, size, args.new, folder)
            archive = folder / f"built-{size}"
            built = run(kg(str(archive_file), "-o", str(archive)))
            print(f"archive {size:>5}: built in {built['wall']:.1f} s", file=sys.stderr, flush=True)
            runs: dict[str, list[dict[str, float]]] = {"update": [], "alone": []}

            def update() -> dict[str, float]:
                target = folder / "update"
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(archive, target)
                return run(kg(str(new_file), "--into", str(target)))

            def alone() -> dict[str, float]:
                shutil.rmtree(folder / "alone", ignore_errors=True)
                return run(kg(str(new_file), "-o", str(folder / "alone")))

            for round_number in range(args.rounds):
                jobs = [("update", update), ("alone", alone)]
                if round_number % 2:  # alternate who goes first, so drift in the machine's load evens out
                    jobs.reverse()
                for name, job in jobs:
                    figures = job()
                    runs[name].append(figures)
                    print(f"round {round_number + 1} archive {size:>5} {name:<7} {figures['wall']:6.1f} s wall {figures['cpu']:6.1f} s CPU {figures['rss_mb']:6.0f} MB", file=sys.stderr, flush=True)
            row: dict[str, object] = {"archive": size, "new": args.new, "archive_build_wall": built["wall"]}
            for name, figures in runs.items():
                row[name] = {key: statistics.median(r[key] for r in figures) for key in ("wall", "cpu", "rss_mb")}
            row["ratio_wall"] = row["update"]["wall"] / row["alone"]["wall"]  # type: ignore[index]
            row["stages"] = stage_timings(new_file, archive, folder)
            table.append(row)
            shutil.rmtree(archive, ignore_errors=True)

    print("| archive | update s | alone s | ratio | update MB | alone MB | update stages (s) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in table:
        stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in row["stages"].items())
        print(f"| {row['archive']:,} | {row['update']['wall']:.1f} | {row['alone']['wall']:.1f} | {row['ratio_wall']:.2f}x | "
              f"{row['update']['rss_mb']:.0f} | {row['alone']['rss_mb']:.0f} | {stages} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"updates": table}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
