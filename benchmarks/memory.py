"""Peak memory and time of ``kg build`` on one very long article, to show memory stays bounded.

Writes a synthetic article of the given size (news-like sentences with varied names, places,
dates and numbers, no two paragraphs alike, so cleaning keeps them all), then runs
``kg -q build`` on it in a child process and reads the child's peak resident memory from
``getrusage``. A flat peak across sizes means the article is streamed passage by passage.

Run: ``.venv/bin/python benchmarks/memory.py --sizes-mb 1 5 50``
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Maria", "Ahmed", "Chen", "Olga", "Pedro", "Aisha", "Kenji", "Lena", "Omar", "Sofia"]
LAST = ["Lopez", "Khan", "Wei", "Petrova", "Silva", "Bello", "Tanaka", "Fischer", "Haddad", "Rossi"]
PLACES = ["Madrid", "Lagos", "Osaka", "Berlin", "Lima", "Cairo", "Quito", "Oslo", "Hanoi", "Accra"]
COUNTRIES = ["Spain", "Nigeria", "Japan", "Germany", "Peru", "Egypt", "Ecuador", "Norway", "Vietnam", "Ghana"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
TEMPLATES = [
    "{p1} met {p2} in {place} on {month} {day}, 2026.",
    "{country} imposed a tariff of {n}% on goods from {country2}, officials said on {month} {day}.",
    "Foreign Minister {p1} of {country} visited {place} for talks with {p2}.",
    "{p1} has not visited {country2} since {month}, according to the ministry.",
    "The summit in {place} drew {n} delegations, and {p2} hopes to host the next one in {country}.",
]


def article(size_bytes: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    paragraphs, total, i = [], 0, 0
    while total < size_bytes:
        sentences = []
        for _ in range(4):
            template = rnd.choice(TEMPLATES)
            sentences.append(template.format(
                p1=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}", p2=f"{rnd.choice(FIRST)} {rnd.choice(LAST)}",
                place=rnd.choice(PLACES), country=rnd.choice(COUNTRIES), country2=rnd.choice(COUNTRIES),
                month=rnd.choice(MONTHS), day=rnd.randint(1, 28), n=rnd.randint(2, 90),
            ))
        # A serial number keeps every paragraph distinct, so none is dropped as a repeat.
        paragraph = " ".join(sentences) + f" (Report {i}.)"
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
        i += 1
    return "Synthetic wire\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes-mb", type=float, nargs="+", default=[1, 5])
    parser.add_argument("--command", choices=["build", "extract"], default="build",
                        help="extract writes JSON Lines only: the memory of reading and extracting, without the RDF graph")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    kg = [sys.executable, "-m", "kg.cli", "-q", args.command]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes_mb:
            path = Path(tmp) / f"article-{mb}mb.txt"
            path.write_text(article(int(mb * 1_000_000)), encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            output = ["-o", str(Path(tmp) / f"out-{mb}"), "--no-validate"] if args.command == "build" else ["-o", str(Path(tmp) / f"out-{mb}.jsonl")]
            done = subprocess.run([*kg, str(path), *output], capture_output=True, text=True)
            seconds = time.perf_counter() - start
            # ru_maxrss of children is the largest child so far (KiB on Linux); sizes run in
            # ascending order, so a larger article that needed more memory shows up here.
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            row = {"command": args.command, "mb": mb, "seconds": round(seconds, 1), "peak_rss_mb": round(peak / 1024, 1),
                   "peak_grew": peak > before, "exit": done.returncode, "mb_per_minute": round(mb / seconds * 60, 2)}
            if done.returncode:
                row["stderr"] = done.stderr.strip().splitlines()[-1:]
            rows.append(row)
            print(json.dumps(row), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
