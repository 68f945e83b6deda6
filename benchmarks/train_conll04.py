"""Train kg's CoNLL04 pair classifier (``kg/data/relations.json``) on CoNLL04 train, its
thresholds chosen by cross-validation on train; report dev once, at the end.

Runs kg (rules only) over every sentence, records each candidate pair with the features the
classifier sees at run time, labels a pair positive when its argument texts and the relation
its types allow match a gold relation of the sentence, and fits an L2-regularised logistic
regression with full-batch Adam (numpy; deterministic: no sampling, fixed seed for the start
point). The thresholds come from ``--folds``-fold cross-validation on train: each fold is scored
by a model fitted on the others, and the per-relation thresholds with the best strict micro F1
of rules plus classifier over those out-of-fold scores are kept. The final model is fitted on
all of train. Dev is scored once with the result and never used to choose anything (tuning on
dev overstated the held-out test by 0.10 F1).

Usage (from the repository root)::

    .venv/bin/python benchmarks/train_conll04.py                  # make train
    .venv/bin/python benchmarks/train_conll04.py --out /tmp/relations.json --folds 5
"""
from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.conll04 import CLASSIFIER, DATA_DIR, _documents, argument_text, load_records, to_conll  # noqa: E402
from benchmarks.conll04_score import gold_relations, last_word, normalise, score  # noqa: E402
from kg.extract import extract_documents  # noqa: E402
from kg.extract.classifier import CONLL04_WEIGHTS, Candidate, RelationClassifier, candidate_pairs  # noqa: E402
from kg.model import Argument, Evidence, Statement  # noqa: E402
from kg.nlp import load_pipeline, parse_documents  # noqa: E402

#: CoNLL04 relation type of each closed kg predicate, for labelling candidates.
CONLL_TYPES = {"worksFor": "Work_For", "livesIn": "Live_In", "locatedIn": "Located_In", "basedIn": "OrgBased_In", "kills": "Kill"}
SEED = 20260204


class _Recorder:
    """Stands in for the classifier during extraction: keeps every candidate, states nothing."""

    def __init__(self) -> None:
        self.candidates: list[tuple[str, Candidate]] = []

    def statements(self, sent, ctx, found):
        doc_id = ctx.passage.document.doc_id
        self.candidates.extend((doc_id, c) for c in candidate_pairs(sent, ctx.mentions, list(found)))
        return []


def collect(records: Sequence[dict], nlp) -> tuple[list[tuple[str, Candidate]], list[dict[str, str]]]:
    """Candidates with features, and the rules' own predictions mapped to CoNLL04 types."""
    recorder = _Recorder()
    rules = []
    for extraction in extract_documents(parse_documents(nlp, _documents(records)), recorder):
        rules.extend(found for s in extraction.statements if (found := to_conll(s)) is not None)
    return recorder.candidates, rules


def _as_prediction(doc_id: str, c: Candidate) -> dict[str, str] | None:
    evidence = Evidence(doc_id, "", 0, 0)
    return to_conll(Statement(c.subject, c.predicate, Argument(mention=c.object), c.predicate, evidence, CLASSIFIER))


def labels(candidates: list[tuple[str, Candidate]], gold: list[dict[str, str]]) -> np.ndarray:
    """1 where the pair's texts and the predicate's CoNLL04 type match a gold relation.

    Texts match as the relaxed scorer matches them (equal, or the same last word), so that
    "Kennedy" for a gold "President Kennedy" teaches the pair, not its absence.
    """
    keys = {(g["id"], g["type"], last_word(g["head"]), last_word(g["tail"])) for g in gold}
    keys |= {(g["id"], g["type"], normalise(g["head"]), normalise(g["tail"])) for g in gold}
    out = []
    for doc_id, c in candidates:
        head, tail = argument_text(c.subject) or "", argument_text(c.object) or ""
        kind = CONLL_TYPES[c.predicate]
        hit = (doc_id, kind, normalise(head), normalise(tail)) in keys or (doc_id, kind, last_word(head), last_word(tail)) in keys
        out.append(1.0 if hit else 0.0)
    return np.array(out)


def _design(candidates: list[tuple[str, Candidate]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    rows, cols = [], []
    for r, (_, c) in enumerate(candidates):
        for f in set(c.features):
            j = vocab.get(f"{c.predicate}|{f}")
            if j is not None:
                rows.append(r)
                cols.append(j)
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)


def fit(candidates: list[tuple[str, Candidate]], y: np.ndarray, l2: float, epochs: int, min_count: int, lr: float = 0.05) -> dict[str, float]:
    """Weights of an L2-regularised logistic regression over signature-conjoined features."""
    counts: dict[str, int] = {}
    for _, c in candidates:
        for f in set(c.features):
            key = f"{c.predicate}|{f}"
            counts[key] = counts.get(key, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count or k.endswith("|bias"))
    vocab = {k: j for j, k in enumerate(names)}
    rows, cols = _design(candidates, vocab)
    n, d = len(candidates), len(names)
    rng = np.random.default_rng(SEED)
    w = rng.normal(0.0, 1e-3, d)
    m = np.zeros(d)
    v = np.zeros(d)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        z = np.bincount(rows, weights=w[cols], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(cols, weights=(p - y)[rows], minlength=d) / n + l2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + eps)
    return {k: round(float(w[j]), 5) for k, j in vocab.items() if abs(w[j]) >= 1e-4}


def tune(classifier, candidates: list[tuple[str, Candidate]], rules: list[dict[str, str]], gold: list[dict[str, str]], per_type: bool = True,
         fixed: dict[str, float] | None = None) -> tuple[dict[str, float], float]:
    """Probability thresholds with the best strict micro F1 of rules plus classifier on ``gold``.

    A grid over [0.1, 0.9] for one shared threshold, then (``per_type``) one pass of coordinate
    ascent that moves each predicate's threshold alone, keeping a move only when F1 rises. With
    ``fixed`` thresholds, nothing is chosen: the F1 at those thresholds is returned.
    """
    scored = [(c.predicate, classifier.probability(c), _as_prediction(doc_id, c)) for doc_id, c in candidates]
    grid = [round(float(t), 3) for t in np.arange(0.10, 0.901, 0.025)]

    def f1(thresholds: dict[str, float]) -> float:
        predicted = rules + [p for pred, prob, p in scored if p is not None and prob >= thresholds[pred]]
        return score(gold, predicted).micro.f1

    if fixed is not None:
        return fixed, f1(fixed)
    best_t, best = 0.5, -1.0
    for t in grid:
        value = f1(dict.fromkeys(CONLL_TYPES, t))
        if value > best + 1e-9:
            best_t, best = t, value
    thresholds = dict.fromkeys(CONLL_TYPES, best_t)
    if per_type:
        for predicate in sorted(CONLL_TYPES):
            for t in grid:
                trial = {**thresholds, predicate: t}
                value = f1(trial)
                if value > best + 1e-9:
                    thresholds, best = trial, value
    return thresholds, best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", default=str(DATA_DIR / "train.jsonl"), help="CoNLL04-format training file")
    parser.add_argument("--dev", default=str(DATA_DIR / "dev.jsonl"), help="CoNLL04-format file scored once at the end")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds on train for the thresholds")
    parser.add_argument("--out", default=str(CONLL04_WEIGHTS), help=f"weights JSON (default {CONLL04_WEIGHTS.relative_to(ROOT)})")
    parser.add_argument("--l2", type=float, default=1e-3, help="L2 penalty")
    parser.add_argument("--epochs", type=int, default=400, help="full-batch Adam steps")
    parser.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times in train")
    parser.add_argument("--model", help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--shared-threshold", action="store_true", help="one threshold for all predicates")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    nlp = load_pipeline(args.model)
    train = load_records(args.train)
    dev = load_records(args.dev)
    train_candidates, train_rules = collect(train, nlp)
    y = labels(train_candidates, gold_relations(train))
    # Out-of-fold probabilities: every train candidate scored by a model that never saw its sentence.
    fold_of = {str(r["id"]): k % args.folds for k, r in enumerate(train)}
    oof: dict[int, float] = {}
    for fold in range(args.folds):
        inside = [k for k, (doc_id, _) in enumerate(train_candidates) if fold_of.get(doc_id) != fold]
        outside = [k for k, (doc_id, _) in enumerate(train_candidates) if fold_of.get(doc_id) == fold]
        model = RelationClassifier(fit([train_candidates[k] for k in inside], y[inside], args.l2, args.epochs, args.min_count), {})
        oof.update((id(train_candidates[k][1]), model.probability(train_candidates[k][1])) for k in outside)
    thresholds, cv_f1 = tune(_Scored(oof), train_candidates, train_rules, gold_relations(train), per_type=not args.shared_threshold)
    weights = fit(train_candidates, y, args.l2, args.epochs, args.min_count)
    classifier = RelationClassifier(weights, thresholds)
    dev_candidates, dev_rules = collect(dev, nlp)
    _, dev_f1 = tune(classifier, dev_candidates, dev_rules, gold_relations(dev), per_type=False, fixed=thresholds)
    classifier.meta = {
        "about": "logistic regression over entity-pair features; see kg/extract/classifier.py",
        "trained_on": Path(args.train).name,
        "thresholds_chosen_by": f"{args.folds}-fold cross-validation on {Path(args.train).name}",
        "train_candidates": len(train_candidates),
        "train_positives": int(y.sum()),
        "l2": args.l2,
        "epochs": args.epochs,
        "min_count": args.min_count,
        "seed": SEED,
        "spacy_model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "train_cv_strict_micro_f1": round(cv_f1, 4),
        "dev_strict_micro_f1": round(dev_f1, 4),
    }
    classifier.save(args.out)
    print(f"train: {len(train_candidates)} candidate pairs, {int(y.sum())} positive; {len(weights)} weights")
    print(f"thresholds by {args.folds}-fold cross-validation on train: {thresholds} (out-of-fold strict micro F1 {cv_f1:.3f})")
    print(f"dev, scored once: strict micro F1 of rules + classifier {dev_f1:.3f}")
    print(f"wrote {args.out} in {time.perf_counter() - started:.1f} s")
    return 0


class _Scored:
    """Stands in for a classifier whose probabilities were computed already (out of fold)."""

    def __init__(self, probabilities: dict[int, float]) -> None:
        self.probabilities = probabilities

    def probability(self, candidate: Candidate) -> float:
        return self.probabilities[id(candidate)]


if __name__ == "__main__":
    raise SystemExit(main())
