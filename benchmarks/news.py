"""News benchmark: build the annotated BBC dev split with kg and score it with the dataset's own
scorer (``../shared/data/news/score_news.py``), against a baseline run in the same process.

kg runs as ``kg build`` runs it (rules, coreference and the shipped news classifier). Two baselines
run beside it: kg's rules alone (no classifier), so the classifier's share shows, and kg as it was
at ``--baseline-rev`` (by default 9e7ff84, the last revision before the news issues 11 and 12),
checked out with ``git archive`` and run as ``kg build`` in a subprocess. Each build's
``statements.jsonl`` is scored by ``score_news.py`` exactly as a user would run it, and the
figures (core and all-fact recall, typed precision, affiliations, entity splits and types, recall
by predicate) go to ``--json`` for ``benchmarks/results.py``.

    .venv/bin/python benchmarks/news.py --json out/bench/news-dev.json
    .venv/bin/python benchmarks/news.py --split train          # the split the rules were written on
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.nlp import load_pipeline  # noqa: E402
from kg.pipeline import LocalExtractor, build  # noqa: E402

NEWS = Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data")) / "news"
#: The targets of issue 11 and 12 on dev, printed beside the figures.
TARGETS = {"core_recall": 0.60, "all_recall": 0.45, "typed_precision_lower_bound": 0.75, "entity_type_accuracy": 0.95}


def score(gold: Path, statements: Path, scorer: Path) -> dict:
    """The figures ``score_news.py`` writes for one build (run as a user runs it)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(scorer), str(gold), str(statements), "--json", out.name], check=True, capture_output=True, text=True)
        return json.loads(Path(out.name).read_text(encoding="utf-8"))


#: The last revision before the news issues (11, 12): what a user had when they were filed.
BASELINE_REV = "9e7ff84"


def run(split: str, data: Path, model: str | None = None, baseline_rev: str | None = BASELINE_REV) -> dict:
    """Build ``split`` with kg, with the rules-only baseline and with kg at ``baseline_rev``; score all."""
    nlp = load_pipeline(model)
    articles, gold, scorer = data / f"{split}.jsonl", data / f"{split}.gold.jsonl", data / "score_news.py"
    figures: dict = {"split": split, "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}"}
    with tempfile.TemporaryDirectory() as tmp:
        for name, classifier in (("baseline: rules only", None), ("kg", "default")):
            out = Path(tmp) / name.split(":")[0]
            started = time.perf_counter()
            extractor = LocalExtractor(nlp, classifier=classifier)  # the build's own, with or without the classifier
            result = build([articles], out, extractor=extractor, validate=False)
            seconds = time.perf_counter() - started
            figures[name] = {**score(gold, out / "statements.jsonl", scorer), "seconds": round(seconds, 1), "documents": len(result.graph.documents)}
        if baseline_rev and shutil.which("git") and (ROOT / ".git").exists():
            out, started = Path(tmp) / "revision", time.perf_counter()
            build_at_revision(baseline_rev, articles, out, model)
            figures["baseline: revision"] = {**score(gold, out / "statements.jsonl", scorer), "seconds": round(time.perf_counter() - started, 1), "revision": baseline_rev}
    return figures


def build_at_revision(rev: str, articles: Path, out: Path, model: str | None) -> None:
    """``kg build`` as it was at ``rev``: that tree, from ``git archive``, run in a subprocess."""
    with tempfile.TemporaryDirectory() as src:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
        command = [sys.executable, "-m", "kg.cli", "build", str(articles), "-o", str(out), "--no-validate"] + (["--model", model] if model else [])
        subprocess.run(command, cwd=src, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": src})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"], help="which annotated split to build (default dev)")
    parser.add_argument("--data", type=Path, default=NEWS, help=f"the news folder (default {NEWS})")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--model", help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--baseline-rev", default=BASELINE_REV, help=f"kg revision to score beside this one (default {BASELINE_REV}; '' for none)")
    args = parser.parse_args(argv)
    if not (args.data / f"{args.split}.gold.jsonl").exists():
        print(f"no {args.split} split in {args.data}; set KG_DATA_DIR", file=sys.stderr)
        return 2
    figures = run(args.split, args.data, args.model, args.baseline_rev)
    print(f"news {args.split}: {figures['kg']['documents']} articles, {figures['kg']['gold_facts']} gold facts; model {figures['model']}")
    keys = ("core_recall", "all_recall", "typed_precision_lower_bound", "affiliation_right", "entity_recall", "entity_type_accuracy", "entities_split", "typed_statements", "relatedTo")
    revision = figures.get("baseline: revision", {})
    print(f"{'figure':<30} {'kg':>10} {'rules only':>12} {'kg at ' + revision.get('revision', '-'):>16} {'target':>8}")
    for key in keys:
        target = TARGETS.get(key, "")
        print(f"{key:<30} {figures['kg'][key]!s:>10} {figures['baseline: rules only'][key]!s:>12} {revision.get(key, '-')!s:>16} {target!s:>8}")
    print("recall by predicate:", figures["kg"]["recall_by_predicate"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
