"""News benchmark: build the annotated BBC dev split with kg and score it with the dataset's own
scorer (``../shared/data/news/score_news.py``), against a baseline run in the same process.

kg runs as ``kg build`` runs it (rules, coreference and the shipped news classifier); the baseline
is kg's rules alone (no classifier), so the classifier's share shows. Each build's
``statements.jsonl`` is scored by ``score_news.py`` exactly as a user would run it, and the
figures (core and all-fact recall, typed precision, affiliations, entity splits and types, recall
by predicate) go to ``--json`` for ``benchmarks/results.py``.

    .venv/bin/python benchmarks/news.py --json out/bench/news-dev.json
    .venv/bin/python benchmarks/news.py --split train          # the split the classifier learnt from
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.nlp import load_pipeline  # noqa: E402
from kg.pipeline import build  # noqa: E402

NEWS = Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data")) / "news"
#: The targets of issue 11 and 12 on dev, printed beside the figures.
TARGETS = {"core_recall": 0.60, "all_recall": 0.45, "typed_precision_lower_bound": 0.75, "entity_type_accuracy": 0.95}


def score(gold: Path, statements: Path, scorer: Path) -> dict:
    """The figures ``score_news.py`` writes for one build (run as a user runs it)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([sys.executable, str(scorer), str(gold), str(statements), "--json", out.name], check=True, capture_output=True, text=True)
        return json.loads(Path(out.name).read_text(encoding="utf-8"))


def run(split: str, data: Path, model: str | None = None) -> dict:
    """Build ``split`` with kg and with the rules-only baseline; score both."""
    nlp = load_pipeline(model)
    articles, gold, scorer = data / f"{split}.jsonl", data / f"{split}.gold.jsonl", data / "score_news.py"
    figures: dict = {"split": split, "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}"}
    with tempfile.TemporaryDirectory() as tmp:
        for name, classifier in (("baseline: rules only", None), ("kg", "default")):
            out = Path(tmp) / name.split(":")[0]
            started = time.perf_counter()
            from kg.pipeline import _LocalExtractor  # the build's own extractor, with or without the classifier

            extractor = _LocalExtractor(nlp, classifier=classifier)
            result = build([articles], out, extractor=extractor, validate=False)
            seconds = time.perf_counter() - started
            figures[name] = {**score(gold, out / "statements.jsonl", scorer), "seconds": round(seconds, 1), "documents": len(result.graph.documents)}
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"], help="which annotated split to build (default dev)")
    parser.add_argument("--data", type=Path, default=NEWS, help=f"the news folder (default {NEWS})")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--model", help="spaCy pipeline (default: kg's default)")
    args = parser.parse_args(argv)
    if not (args.data / f"{args.split}.gold.jsonl").exists():
        print(f"no {args.split} split in {args.data}; set KG_DATA_DIR", file=sys.stderr)
        return 2
    figures = run(args.split, args.data, args.model)
    print(f"news {args.split}: {figures['kg']['documents']} articles, {figures['kg']['gold_facts']} gold facts; model {figures['model']}")
    keys = ("core_recall", "all_recall", "typed_precision_lower_bound", "affiliation_right", "entity_recall", "entity_type_accuracy", "entities_split", "typed_statements", "relatedTo")
    print(f"{'figure':<30} {'kg':>10} {'rules only':>12} {'target':>8}")
    for key in keys:
        target = TARGETS.get(key, "")
        print(f"{key:<30} {figures['kg'][key]!s:>10} {figures['baseline: rules only'][key]!s:>12} {target!s:>8}")
    print("recall by predicate:", figures["kg"]["recall_by_predicate"])
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
