"""Train kg's news pair classifier (``kg/data/news.json``) on the annotated BBC train split; choose
its thresholds on the dev split.

Runs kg (rules only) over every train article and records each candidate pair the classifier
would see at run time (``kg.extract.classifier.registry_candidates``: the news predicates, by
their declared domains and ranges, pronouns and descriptions included). A candidate is positive
when a gold fact of its article has its predicate, its sentence overlaps the fact's evidence,
and its two arguments name the fact's two entities (the aliases of ``train.gold.jsonl``, as
``score_news.py`` compares them). It fits one L2-regularised logistic regression per predicate
(features conjoined with the predicate; full-batch Adam, numpy, fixed seed, no sampling: the
same data gives the same file), then, on dev, picks for each predicate the lowest threshold at
which the statements the classifier adds (beyond the rules) are right at least ``--precision``
of the time, judged as ``score_news.py`` judges them. Only train fits; only dev chooses.

Usage (from the repository root)::

    .venv/bin/python benchmarks/train_news.py                # writes kg/data/news.json
    .venv/bin/python benchmarks/train_news.py --out /tmp/news.json --precision 0.8
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import extract_documents  # noqa: E402
from kg.extract.classifier import NEWS_WEIGHTS, Candidate, RelationClassifier, registry_candidates  # noqa: E402
from kg.ingest import load_documents  # noqa: E402
from kg.nlp import load_pipeline, parse_documents  # noqa: E402

NEWS = Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data")) / "news"
SEED = 20261130
#: The predicates the classifier proposes: every news predicate of GUIDE.md that rules of their
#: own do not already cover (titles give holdsPosition, figures give reports).
PREDICATES = (
    "criticizes", "supports", "memberOf", "worksFor", "basedIn", "ownsStake", "acquires", "sells", "mergesWith",
    "invests", "sues", "founded", "meets", "speaksWith", "visits", "attends", "hosts", "agreesTo", "announces",
    "locatedIn", "fines", "sanctions",
)
SYMMETRIC = {"meets", "speaksWith", "mergesWith"}
_TITLES = r"(the|mr|mrs|ms|miss|dr|sir|lord|lady|dame|prof|professor)\.?\s+"


def norm(text: str) -> str:
    """As ``score_news.py`` compares names: lower case, no leading "the"/"Mr", no trailing "'s"."""
    text = re.sub(r"\s+", " ", str(text).replace("\u2019", "'").replace("\u2018", "'")).strip().lower()
    text = re.sub(r"'s$", "", text)
    while re.match(_TITLES, text):
        text = re.sub("^" + _TITLES, "", text)
    return text


@dataclass(frozen=True)
class Row:
    """One candidate pair as training needs it (no spaCy objects, so rows can be kept and saved)."""

    doc: str
    start: int
    end: int
    subject_key: str
    subject_forms: frozenset[str]
    predicate: str
    object_key: str
    object_forms: frozenset[str]
    features: tuple[str, ...]

    def candidate(self) -> Candidate:
        """The row as a classifier candidate (enough for ``RelationClassifier.probability``)."""
        return Candidate(None, None, self.predicate, self.features, None)  # type: ignore[arg-type]


class Recorder:
    """Stands in for the classifier during extraction: keeps every candidate, states nothing."""

    def __init__(self) -> None:
        self.rows: list[Row] = []

    def statements(self, sent, ctx, found):
        doc_id = ctx.passage.document.doc_id
        start = ctx.passage.start + sent.start_char
        for c in registry_candidates(sent, ctx, list(found), PREDICATES):
            self.rows.append(Row(doc_id, start, start + len(sent.text), c.subject.key, frozenset(_forms(c.subject)), c.predicate,
                                 c.object.key, frozenset(_forms(c.object)), c.features))
        return []


def collect(path: Path, nlp) -> tuple[list[Row], dict[str, list], dict[str, str]]:
    """Candidates, the rules' statements by document, and each document's text."""
    documents = list(load_documents([path]))
    recorder = Recorder()
    rules: dict[str, list] = defaultdict(list)
    for extraction in extract_documents(parse_documents(nlp, documents), recorder):
        rules[extraction.document.doc_id].extend(extraction.statements)
    return recorder.rows, rules, {d.doc_id: d.text for d in documents}


def load_gold(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {g["doc"]: g for g in (json.loads(line) for line in f if line.strip())}


def _forms(mention) -> set[str]:
    return {norm(mention.text), norm(mention.name)}


def _fact_spans(gold: dict[str, dict], texts: dict[str, str]) -> dict[str, list[tuple[dict, int, int]]]:
    """Each gold fact with the character span of its evidence in the article (-1 when not found)."""
    out: dict[str, list] = defaultdict(list)
    for doc, g in gold.items():
        text = texts.get(doc, "")
        for fact in g["facts"]:
            evidence = fact.get("evidence", "")
            at = text.find(evidence[:60]) if evidence else -1
            out[doc].append((fact, at, at + len(evidence) if at >= 0 else -1))
    return out


def matches(doc: str, start: int, end: int, subject_forms: set[str], predicate: str, object_forms: set[str],
            gold: dict[str, dict], spans: dict[str, list], same_sentence: bool = True) -> bool:
    """True when a gold fact of ``doc`` has the predicate and names these two ends (in this sentence)."""
    g = gold.get(doc)
    if g is None:
        return False
    aliases = {e["id"]: {norm(a) for a in e["aliases"]} for e in g["entities"]}
    for fact, fs, fe in spans[doc]:
        if fact["p"] != predicate or "o" not in fact:
            continue
        if same_sentence and fs >= 0 and not (fs < end and start < fe):
            continue
        pairs = [(fact["s"], fact["o"])] + ([(fact["o"], fact["s"])] if predicate in SYMMETRIC else [])
        if any(subject_forms & aliases.get(a, set()) and object_forms & aliases.get(b, set()) for a, b in pairs):
            return True
    return False


def labels(rows, gold, spans) -> np.ndarray:
    return np.array([1.0 if matches(r.doc, r.start, r.end, r.subject_forms, r.predicate, r.object_forms, gold, spans) else 0.0 for r in rows])


def fit(rows, y: np.ndarray, l2: float, epochs: int, min_count: int, lr: float = 0.05) -> dict[str, float]:
    """Weights of an L2-regularised logistic regression over predicate-conjoined features."""
    counts: dict[str, int] = defaultdict(int)
    for c in rows:
        for f in set(c.features):
            counts[f"{c.predicate}|{f}"] += 1
    names = sorted(k for k, n in counts.items() if n >= min_count or k.endswith("|bias"))
    vocab = {k: j for j, k in enumerate(names)}
    r_idx, c_idx = [], []
    for r, c in enumerate(rows):
        for f in set(c.features):
            j = vocab.get(f"{c.predicate}|{f}")
            if j is not None:
                r_idx.append(r)
                c_idx.append(j)
    rows_a, cols_a = np.array(r_idx, dtype=np.int64), np.array(c_idx, dtype=np.int64)
    n, d = len(rows), len(names)
    w = np.random.default_rng(SEED).normal(0.0, 1e-3, d)
    m, v = np.zeros(d), np.zeros(d)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(cols_a, weights=(p - y)[rows_a], minlength=d) / n + l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + eps)
    return {k: round(float(w[j]), 4) for k, j in vocab.items() if abs(w[j]) >= 1e-3}


def choose_thresholds(classifier: RelationClassifier, rows, rules, gold, spans, precision: float) -> tuple[dict[str, float], dict]:
    """Per predicate, the lowest threshold whose added statements reach ``precision`` on dev.

    A statement is added when the rules did not already state the pair; it is right when it
    matches a gold fact of its article (any sentence, as the scorer judges), and it adds recall
    only when that fact was not matched yet. Predicates that never reach the precision get 1.0
    (the classifier stays silent for them).
    """
    stated = {(doc, s.subject.key, s.predicate, s.object.mention.key) for doc, found in rules.items() for s in found if s.object.mention is not None}
    scored: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    seen: set = set()
    for r in rows:
        key = (r.doc, r.subject_key, r.predicate, r.object_key)
        if key in stated or key in seen:
            continue
        seen.add(key)
        right = matches(r.doc, r.start, r.end, r.subject_forms, r.predicate, r.object_forms, gold, spans, same_sentence=False)
        scored[r.predicate].append((classifier.probability(r.candidate()), right))
    thresholds, report = {}, {}
    for predicate in PREDICATES:
        items = sorted(scored.get(predicate, []), reverse=True)
        best, kept, right = 1.0, 0, 0
        for k, (p, ok) in enumerate(items, 1):
            right += ok
            if k >= 3 and right / k >= precision and p >= 0.3:
                best, kept = p, k
        hits = sum(ok for p, ok in items if p >= best) if best < 1.0 else 0
        thresholds[predicate] = round(best, 4) if best < 1.0 else 1.0
        report[predicate] = {"threshold": thresholds[predicate], "added": kept if best < 1.0 else 0, "right": hits}
    return thresholds, report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(NEWS), help="folder with train/dev .jsonl and .gold.jsonl")
    parser.add_argument("--out", default=str(NEWS_WEIGHTS), help=f"weights JSON (default {NEWS_WEIGHTS.relative_to(ROOT)})")
    parser.add_argument("--l2", type=float, default=3e-5)
    parser.add_argument("--epochs", type=int, default=400)
    parser.add_argument("--lr", type=float, default=0.1, help="Adam step size")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--precision", type=float, default=0.75, help="precision the added statements must reach on dev")
    parser.add_argument("--model", help="spaCy pipeline (default: kg's default)")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = Path(args.data)
    nlp = load_pipeline(args.model)
    rows, _, texts = collect(data / "train.jsonl", nlp)
    gold = load_gold(data / "train.gold.jsonl")
    y = labels(rows, gold, _fact_spans(gold, texts))
    weights = fit(rows, y, args.l2, args.epochs, args.min_count, args.lr)
    classifier = RelationClassifier(weights, {}, {"predicates": list(PREDICATES)})
    dev_rows, dev_rules, dev_texts = collect(data / "dev.jsonl", nlp)
    dev_gold = load_gold(data / "dev.gold.jsonl")
    thresholds, report = choose_thresholds(classifier, dev_rows, dev_rules, dev_gold, _fact_spans(dev_gold, dev_texts), args.precision)
    classifier.thresholds = {p: t for p, t in thresholds.items() if t < 1.0}
    # A predicate the classifier never states needs no weights; the file ships in the package.
    classifier.weights = {k: w for k, w in weights.items() if k.split("|", 1)[0] in classifier.thresholds and abs(w) >= 0.01}
    classifier.meta = {
        "about": "logistic regression per news predicate over entity-pair features; see kg/extract/classifier.py",
        "predicates": sorted(classifier.thresholds),
        "trained_on": "news/train.jsonl + train.gold.jsonl",
        "thresholds_chosen_on": f"news/dev.jsonl + dev.gold.jsonl, added statements right >= {args.precision}",
        "train_candidates": len(rows),
        "train_positives": int(y.sum()),
        "l2": args.l2, "epochs": args.epochs, "lr": args.lr, "min_count": args.min_count, "seed": SEED,
        "spacy_model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "dev": report,
    }
    classifier.save(args.out)
    print(f"train: {len(rows)} candidates, {int(y.sum())} positive; {len(weights)} weights fitted, {len(classifier.weights)} kept")
    for predicate, r in report.items():
        print(f"  {predicate:<12} threshold {r['threshold']:<7} adds {r['added']:>3} on dev, {r['right']} right")
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
