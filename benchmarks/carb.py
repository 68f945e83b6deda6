"""CaRB benchmark: kg's open extraction on tokenised sentences -> prediction TSV -> CaRB scores.

Runs ``kg.openie`` over every sentence of ``--input`` (default: the CaRB dev split in
``../shared/data/carb``), writes ``sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...``
(the sentence exactly as given) to ``--out`` and, when the gold file exists, scores it with
``benchmarks/carb_score.py``. In the same process and on the same parses it scores a plain
dependency baselines (subject subtree | verb | object subtree, and verb | subject subtree |
every other dependent's subtree), so the figures can be compared.

    .venv/bin/python benchmarks/carb.py --out /tmp/carb-dev.tsv
    .venv/bin/python benchmarks/carb.py --limit 20            # smoke run
    .venv/bin/python benchmarks/carb.py --input test.txt --gold test.tsv --out test-pred.tsv
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.carb_score import CarbScore, Extraction, read_gold, score, sentence_key  # noqa: E402

DATA = Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data")) / "carb"
DEFAULT_INPUT = DATA / "dev.txt"
DEFAULT_GOLD = DATA / "gold" / "dev.tsv"

_BASELINE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BASELINE_OBJECTS = frozenset({"dobj", "attr", "acomp", "oprd"})
_BASELINE_RELATION = frozenset({"aux", "auxpass", "neg", "prt"})
_BASELINE_SKIP = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "prt", "punct", "cc", "conj", "mark", "advmod"})


def svo_baseline(doc) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Plain subject-verb-object: (verb, (subject subtree, object subtree)) per verb and object.

    Objects are direct objects, attributes and complements, or a preposition's object (the
    preposition then joins the verb). No coordination, no clause splitting, one confidence.
    """
    for token in doc:
        subjects = [c for c in token.children if c.dep_ in _BASELINE_SUBJECTS]
        if not subjects:
            continue
        objects = [(token.text, c) for c in token.children if c.dep_ in _BASELINE_OBJECTS]
        for prep in (c for c in token.children if c.dep_ in {"prep", "agent"}):
            objects += [(f"{token.text} {prep.text}", p) for p in prep.children if p.dep_ == "pobj"]
        for subject in subjects:
            for relation, obj in objects:
                yield relation, (_subtree_text(subject), _subtree_text(obj))


def subtree_baseline(doc) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Verb with its auxiliaries, subject subtree, then every other dependent's subtree as an argument."""
    for token in doc:
        subjects = [c for c in token.children if c.dep_ in _BASELINE_SUBJECTS]
        arguments = [c for c in token.children if c.dep_ not in _BASELINE_SKIP]
        if not subjects or not arguments:
            continue
        relation = " ".join(t.text for t in sorted([token, *(c for c in token.children if c.dep_ in _BASELINE_RELATION)], key=lambda t: t.i))
        for subject in subjects:
            yield relation, (_subtree_text(subject), *(_subtree_text(a) for a in arguments))


BASELINES = {"baseline: dependency SVO": svo_baseline, "baseline: verb + subtrees": subtree_baseline}


def _subtree_text(token) -> str:
    return token.doc[token.left_edge.i : token.right_edge.i + 1].text


def read_sentences(path: Path, limit: int | None = None) -> list[str]:
    """Non-empty lines of ``path``, without their line ends (the first ``limit`` when given)."""
    lines = [line.rstrip("\n").rstrip("\r") for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line.strip()]
    return lines[:limit] if limit else lines


def tsv_lines(sentence: str, extractions: Iterable[Extraction]) -> Iterator[str]:
    """CaRB prediction lines for one sentence (as ``kg openie`` writes them)."""
    from kg.openie import OpenTuple, tsv_line

    for e in extractions:
        yield tsv_line(sentence, OpenTuple(0, len(sentence), e.relation, e.arguments, e.confidence))


def _report(name: str, n_tuples: int, result: CarbScore) -> str:
    threshold = "-" if result.threshold is None else f"{result.threshold:.3f}"
    return f"{name:<28} {n_tuples:>7} {result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f} {result.auc:6.3f} {threshold:>9}"


SYSTEM = "kg openie"


def predict(nlp, sentences: list[str], tokenizer: str = "words") -> tuple[dict[str, dict[str, list[Extraction]]], dict[str, list[str]]]:
    """Run kg's open extraction and the baselines over ``sentences`` (one parse each).

    Returns:
        Per system: tuples by sentence key (for ``score``) and prediction TSV lines.
    """
    from kg.openie import extract_open, tokenized_doc

    inputs = ((tokenized_doc(nlp, s) if tokenizer == "words" else s, s) for s in sentences)
    systems = [SYSTEM, *BASELINES]
    predicted: dict[str, dict[str, list[Extraction]]] = {name: {} for name in systems}
    lines: dict[str, list[str]] = {name: [] for name in systems}
    for doc, sentence in nlp.pipe(inputs, as_tuples=True, batch_size=64):
        found = {SYSTEM: [Extraction(t.relation, t.arguments, t.confidence) for t in extract_open(doc)]}
        found.update({name: [Extraction(r, a, 1.0) for r, a in baseline(doc)] for name, baseline in BASELINES.items()})
        for name, extractions in found.items():
            predicted[name].setdefault(sentence_key(sentence), []).extend(extractions)
            lines[name].extend(tsv_lines(sentence, extractions))
    return predicted, lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="sentences, one per line, tokenised (default: CaRB dev)")
    parser.add_argument("--gold", type=Path, default=None, help="gold TSV to score against (default: CaRB dev gold when --input is the dev split)")
    parser.add_argument("--out", type=Path, default=None, help="write kg's prediction TSV here")
    parser.add_argument("--baseline-out", type=Path, default=None, help="write the SVO baseline's prediction TSV here")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N sentences (smoke run)")
    parser.add_argument("--tokenizer", choices=["words", "spacy"], default="words", help="keep the input's space-separated tokens (words) or let spaCy re-tokenise")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    from kg.nlp import load_pipeline

    sentences = read_sentences(args.input, args.limit)
    gold_path = args.gold or (DEFAULT_GOLD if args.input.resolve() == DEFAULT_INPUT.resolve() else None)
    started = time.perf_counter()
    nlp = load_pipeline(args.model)
    model = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}"
    predicted, lines = predict(nlp, sentences, args.tokenizer)
    elapsed = time.perf_counter() - started
    for path, name in ((args.out, SYSTEM), (args.baseline_out, "baseline: dependency SVO")):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(line + "\n" for line in lines[name]), encoding="utf-8")
    print(f"CaRB: {len(sentences)} sentences from {args.input}, model {model}, tokenizer {args.tokenizer}, {elapsed:.1f} s")
    if args.out:
        print(f"wrote {args.out} ({len(lines[SYSTEM])} tuples)")
    if gold_path is None or not gold_path.exists():
        print("no gold file: predictions written, nothing scored")
        return 0
    gold = read_gold(gold_path)
    keys = {sentence_key(s) for s in sentences}
    gold = {k: v for k, v in gold.items() if k in keys}
    scores = {name: score(gold, predicted[name]) for name in predicted}
    print(f"gold: {gold_path} ({sum(len(v) for v in gold.values())} tuples for {len(gold)} sentences)")
    print(f"{'system':<28} {'tuples':>7} {'P':>6} {'R':>6} {'F1':>6} {'AUC':>6} {'threshold':>9}")
    for name, result in scores.items():
        print(_report(name, len(lines[name]), result))
    if args.json:
        figures: dict = {"sentences": len(sentences), "gold_tuples": sum(len(v) for v in gold.values()), "model": model, "tokenizer": args.tokenizer}
        for name, result in scores.items():
            figures[name] = {"tuples": len(lines[name]), "precision": result.precision, "recall": result.recall, "f1": result.f1, "auc": result.auc, "threshold": result.threshold}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
