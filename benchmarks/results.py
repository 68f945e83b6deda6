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
    revision = figures.get("baseline: revision", {})
    split = figures.get("split", "dev")
    lines = [f"## BBC news {split} (the facts a reader wants)", "",
             f"{kg['documents']} articles, {kg['gold_facts']} gold facts ({kg['gold_core']} core); model {figures['model']}. "
             "Scorer: the dataset's own `score_news.py` on `statements.jsonl` (GUIDE.md). Baselines in the same run: kg's rules "
             "without the news classifier, and kg as it was at " + (f"`{revision['revision']}` (before issues 11 and 12)." if revision else "- (not run)."), "",
             "| figure | kg | rules only (no classifier) | kg before issues 11, 12 | issue target |", "| --- | --- | --- | --- | --- |"]
    targets = {"core_recall": ">= 0.60", "all_recall": ">= 0.45", "typed_precision_lower_bound": ">= 0.75",
               "entity_type_accuracy": ">= 0.95", "entities_split": "<= 5", "affiliation_right": ">= 0.75 of them"}
    for key in ("core_recall", "all_recall", "typed_precision_lower_bound", "f1_all", "affiliation_right", "entity_recall",
                "entity_type_accuracy", "entities_split", "typed_statements", "relatedTo"):
        lines.append(f"| {key} | {kg[key]} | {base[key]} | {revision.get(key, '-')} | {targets.get(key, '')} |")
    lines += ["", "Recall by predicate (kg): " + ", ".join(f"{p} {v}" for p, v in kg["recall_by_predicate"].items()), ""]
    if revision:
        lines += ["Recall by predicate (kg before): " + ", ".join(f"{p} {v}" for p, v in revision["recall_by_predicate"].items()), ""]
    return lines


def speed_section(figures: dict) -> list[str]:
    if "sizes" not in figures:  # the CoNLL04/CaRB speed run of earlier versions
        return []
    startup = figures["startup_s"]
    tables = any("spacy tables" in row for row in figures["sizes"])
    lines = ["## Speed: `kg build` on news against bare spaCy", "",
             f"BBC pool articles (`benchmarks/speed.py`: {'the distinct texts in a fixed shuffled order, so every size has the same mix of business and politics; ' if figures.get('order') == 'shuffled' else ''}"
             "past the pool's 817 distinct texts, copies with a closing \"Copy 2.\"); "
             f"whole processes, model loading included on both sides; medians of {figures['rounds']} interleaved rounds on "
             f"{figures['cpus']} CPUs shared with other work. Start-up (one article): kg {startup['kg']:.1f} s, spaCy {startup['spacy']:.1f} s. "
             "Per article: with the start-up taken out."
             + (" kg answers the model's attribute ruler and rule lemmatizer from tables (`kg.rule_tables`, the same annotations), so its"
                " spaCy is faster than bare spaCy; \"spaCy with kg's tables\" is that spaCy alone, and kg against it is kg's own work." if tables else ""), "",
             "| articles | words | `kg build --jobs 1` s | bare `nlp.pipe` s | ratio (wall) | ratio (CPU) | kg ms/article | spaCy ms/article | kg peak MB | spaCy peak MB | `kg build` (auto) s | ratio (auto) |"
             + (" spaCy with kg's tables s | kg against it |" if tables else ""),
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |" + (" --- | --- |" if tables else "")]
    for row in figures["sizes"]:
        auto, table = row.get("kg auto"), row.get("spacy tables")
        lines.append(
            f"| {row['articles']:,} | {row['words']:,} | {row['kg']['wall']:.1f} | {row['spacy']['wall']:.1f} | {row['ratio_wall']:.2f}x | {row['ratio_cpu']:.2f}x | "
            f"{row['kg']['wall_per_article_ms']:.0f} | {row['spacy']['wall_per_article_ms']:.0f} | {row['kg']['rss_mb']:.0f} | {row['spacy']['rss_mb']:.0f} | "
            + (f"{auto['wall']:.1f} | {row['ratio_auto_wall']:.2f}x |" if auto else "- | - |")
            + ((f" {table['wall']:.1f} | {row['ratio_tables_wall']:.2f}x |" if table else " - | - |") if tables else "")
        )
    first, last = figures["sizes"][0], figures["sizes"][-1]
    growth = last["kg"]["wall_per_article_ms"] / first["kg"]["wall_per_article_ms"] - 1
    cpu_growth = last["kg"]["cpu_per_article_ms"] / first["kg"]["cpu_per_article_ms"] - 1
    lines += ["", f"Time per article at {last['articles']:,} articles against {first['articles']:,}: {growth:+.0%} wall, {cpu_growth:+.0%} CPU "
              f"({first['kg']['cpu_per_article_ms']:.0f} -> {last['kg']['cpu_per_article_ms']:.0f} ms of CPU an article); "
              f"peak memory {first['kg']['rss_mb']:.0f} MB -> {last['kg']['rss_mb']:.0f} MB. Load average (1, 5, 15 min) at the end of the run: {', '.join(f'{x:.1f}' for x in figures.get('load_average') or ())}.", ""]
    return lines


def sparql_section(figures: dict) -> list[str]:
    graph = figures["graph"]
    lines = ["## Named queries at a million triples (pyoxigraph)", "",
             f"`benchmarks/sparql.py`: {graph['triples']:,} triples ({graph['statements']:,} statements, {graph['entities']:,} entities, "
             f"{graph['documents']:,} documents), loaded from the Turtle kg writes; median of {figures['args']['repeat']} runs, each reading every row into Python.", "",
             "| query | ms | rows | earlier query, same runs interleaved: ms | rows against the earlier query |", "| --- | --- | --- | --- | --- |"]
    for q in figures["queries"]:
        ox = q["oxigraph"]
        ms = f"{ox['ms']:.1f}" if ox["ms"] is not None else ox["status"]
        ref = q.get("reference", {})
        before = f"{ref['reference_ms']:.1f} -> {ref['ms']:.1f}" if "reference_ms" in ref else "-"
        lines.append(f"| {q['name']} | {ms} | {ox['rows']:,} | {before} | {ref.get('status', '-')} |")
    return lines + [""]


def layout_section(figures: dict) -> list[str]:
    lines = ["## Page layout (`kg.layout`)", "",
             "`benchmarks/layout.py`: seeded synthetic graphs; Louvain (which the page needs anyway) timed apart; "
             "the previous layout only up to its size limit.", "",
             "| graph | entities | statements | communities | Louvain s | layout s | previous layout s |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for row in figures["rows"]:
        previous = f"{row['previous_s']:.2f}" if row["previous_s"] is not None else "-"
        lines.append(f"| {row['graph']} | {row['nodes']:,} | {row['edges']:,} | {row['communities']:,} | {row['louvain_s']:.2f} | {row['layout_s']:.2f} | {previous} |")
    return lines + [""]


def growth_section(figures: dict) -> list[str]:
    lines = ["## A graph that grows (`benchmarks/growth.py`)", ""]
    if figures.get("updates"):
        lines += ["Adding 10 pool articles to an archive (`kg build NEW --into DIR`) against building those 10 alone, "
                  "whole processes, medians; the update's stages from one more run. On a machine shared with other work "
                  "the CPU ratio is the steadier figure (rows may come from separate runs: `run` says when each was measured).", "",
                  "| archive | run | update s | alone s | ratio (wall) | ratio (CPU) | grown == built at once | update stages (s) |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in figures["updates"]:
            equal = row.get("equal_to_whole")
            same = "-" if equal is None else ("yes" if all(equal.values()) else "no: " + ", ".join(k for k, v in equal.items() if not v))
            stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in row["stages"].items())
            cpu = row["update"]["cpu"] / row["alone"]["cpu"]
            lines.append(f"| {row['archive']:,} | {row.get('run', '-')} | {row['update']['wall']:.1f} | {row['alone']['wall']:.1f} | {row['ratio_wall']:.2f}x | {cpu:.2f}x | {same} | {stages} |")
        lines.append("")
    if figures.get("synthetic"):
        lines += ["Resolution alone on synthetic mention streams: `resolve_mentions` in one process against `kg.blockwise` "
                  "on a 2-worker LocalCluster (only a digest comes back; the digests agree).", "",
                  "| articles | mentions | entities | engine | wall s | driver peak MB | worker peaks MB |", "| --- | --- | --- | --- | --- | --- | --- |"]
        for row in figures["synthetic"]:
            workers = ", ".join(f"{mb:,.0f}" for mb in row["workers_mb"]) or "-"
            lines.append(f"| {row['articles']:,} | {row['mentions']:,} | {row['entities']:,} | {row['engine']} | {row['wall']:.1f} | {row['driver_mb']:,.0f} | {workers} |")
        lines.append("")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=ROOT / "out" / "bench")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    lines = ["# Benchmark results", "",
             f"Written by `benchmarks/results.py` from the figures of `make bench` on {date.today().isoformat()} "
             "(2-core machine). How each is measured: [README.md](README.md).", ""]
    sections = (
        ("news-dev.json", news_section), ("news-train.json", news_section), ("conll04-dev.json", conll04_section), ("carb-dev.json", carb_section), ("speed.json", speed_section),
        ("sparql.json", sparql_section), ("layout.json", layout_section), ("growth.json", growth_section),
    )
    for name, section in sections:
        path = args.bench / name
        if path.exists():
            lines += section(json.loads(path.read_text(encoding="utf-8")))
    args.out.write_text("\n".join(lines).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
