"""Figures of ``make bench`` (out/bench/*.json) -> benchmarks/RESULTS.md, so the numbers in the
repository are the ones the last run printed, not copied by hand.

Run: ``.venv/bin/python benchmarks/results.py [--bench out/bench] [--out benchmarks/RESULTS.md]``
"""
from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _prf(scores: dict) -> str:
    return f"{scores['p']:.3f} | {scores['r']:.3f} | {scores['f1']:.3f}"


def conll04_section(figures: dict) -> list[str]:
    lines = ["## CoNLL04 dev (closed relations)", "",
             f"{figures['sentences']} sentences, {figures['gold']} gold relations (deduplicated), "
             f"{figures['predictions']} kg predictions. Scorer: `benchmarks/conll04_score.py`.", ""]
    for mode in ("strict", "relaxed"):
        lines += [f"### {mode}", "", "| type | kg P | kg R | kg F1 | baseline P | baseline R | baseline F1 |", "| --- | --- | --- | --- | --- | --- | --- |"]
        kg, base = figures["kg"][mode], figures["baseline"][mode]
        for kind in sorted(kg["per_type"]):
            lines.append(f"| {kind} | {_prf(kg['per_type'][kind])} | {_prf(base['per_type'][kind])} |")
        for avg in ("micro", "macro"):
            lines.append(f"| **{avg}** | {_prf(kg[avg])} | {_prf(base[avg])} |")
        ratio = kg["micro"]["f1"] / base["micro"]["f1"] if base["micro"]["f1"] else float("nan")
        lines += ["", f"Micro F1 ratio kg / baseline ({mode}): {ratio:.2f}x", ""]
    lines += ["The baseline labels every pair of spaCy entities whose types fit a relation's signature.", ""]
    return lines


def carb_section(figures: dict) -> list[str]:
    lines = ["## CaRB dev (open relations)", "",
             f"{figures['sentences']} sentences, {figures['gold_tuples']} gold tuples; model {figures['model']}. "
             "Scorer: `benchmarks/carb_score.py` (CaRB's lenient binary match; best F1 over confidence thresholds).", "",
             "| system | tuples | P | R | F1 | AUC | threshold |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, row in figures.items():
        if isinstance(row, dict) and "f1" in row:
            lines.append(f"| {name} | {row['tuples']:,} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1']:.3f} | {row['auc']:.3f} | {row['threshold']} |")
    return lines + [""]


def news_section(figures: dict) -> list[str]:
    kg, base = figures["kg"], figures["baseline: rules only"]
    lines = ["## BBC news dev (the facts a reader wants)", "",
             f"{kg['documents']} articles, {kg['gold_facts']} gold facts ({kg['gold_core']} core); model {figures['model']}. "
             "Scorer: the dataset's own `score_news.py` on `statements.jsonl` (GUIDE.md).", "",
             "| figure | kg | rules only (no classifier) | issue target |", "| --- | --- | --- | --- |"]
    targets = {"core_recall": ">= 0.60", "all_recall": ">= 0.45", "typed_precision_lower_bound": ">= 0.75",
               "entity_type_accuracy": ">= 0.95", "entities_split": "<= 5", "affiliation_right": ">= 0.75 of them"}
    for key in ("core_recall", "all_recall", "typed_precision_lower_bound", "f1_all", "affiliation_right", "entity_recall",
                "entity_type_accuracy", "entities_split", "typed_statements", "relatedTo"):
        lines.append(f"| {key} | {kg[key]} | {base[key]} | {targets.get(key, '')} |")
    lines += ["", "Recall by predicate (kg): " + ", ".join(f"{p} {v}" for p, v in kg["recall_by_predicate"].items()), ""]
    return lines


def speed_section(figures: dict) -> list[str]:
    seconds = figures["seconds"]
    floor = next(iter(seconds.values()))
    lines = ["## Speed against bare spaCy", "",
             f"{figures['documents']} documents, {figures['words']:,} words (CoNLL04 and CaRB sentences as articles, plus the seed).", "",
             "| run | seconds | words/s | x floor |", "| --- | --- | --- | --- |"]
    for name, value in seconds.items():
        lines.append(f"| {name} | {value:.2f} | {figures['words'] / value:,.0f} | {value / floor:.2f} |")
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    lines = ["# Benchmark results", "",
             f"Written by `benchmarks/results.py` from the figures of `make bench` on {date.today().isoformat()} "
             "(2-core machine). How each is measured: [README.md](README.md).", ""]
    sections = (("news-dev.json", news_section), ("conll04-dev.json", conll04_section), ("carb-dev.json", carb_section), ("speed.json", speed_section))
    for name, section in sections:
        path = args.bench / name
        if path.exists():
            lines += section(json.loads(path.read_text(encoding="utf-8")))
    args.out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
