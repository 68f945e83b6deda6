"""CaRB scoring: gold and predicted Open IE tuples (TSV) -> precision, recall, F1 and AUC.

A re-implementation of the official CaRB scorer (github.com/dair-iitd/CaRB, ``carb.py`` with its
default matcher ``Matcher.binary_linient_tuple_match``), written from its rules:

- Tuples are binarised before matching: relation, arg1, and all further arguments joined by a
  space into one field. Gold arguments containing ``"C: "`` (context clauses) are ignored.
- Fields are compared as bags of whitespace-separated words, case-sensitively, punctuation
  tokens included (the official matcher is given ``ignoreCase``/``ignoreStopwords`` but does not
  use them). Each gold word consumes at most one predicted word.
- The relation must share at least one word with the gold relation, or the pair scores (0, 0).
  A predicted "be" also matches any form of "be" in the gold relation. A prediction with fewer
  arguments than the gold tuple (up to two) scores (0, 0).
- Pair precision = matched words / predicted words, pair recall = matched words / gold words,
  both summed over relation, arg1 and the joined rest; the precision denominator counts only
  the predicted fields that have a gold counterpart.
- When the gold relation contains "said", "told", "added", "adds" or "says" (as substrings),
  the prediction is also tried with its arguments swapped and the better (precision first)
  of the two counts.
- Sentences are matched after removing spaces and ASCII punctuation (PTB bracket escapes such
  as ``-LRB-`` first turned back into brackets). Predictions for sentences without gold are
  ignored.
- At every distinct confidence threshold t (the predictions with confidence >= t count):
  recall credits each gold tuple with its best-matching prediction; precision pairs gold and
  predicted tuples one-to-one, greedily by highest pair precision, and divides by the number of
  predictions, so unmatched or duplicate predictions count as zero. Precision with no
  prediction is 1. The best F1 over thresholds is reported (the first one on ties), and the
  area under the P/R curve is the trapezoid rule over (recall, precision) points plus (0, 1).

Deviations from the official scorer, all without effect on the CaRB dev split:

- ``T: `` and ``L: `` prefixes of gold arguments are dropped (the official reader keeps them as
  words that no prediction can match; 11 of 2,548 dev tuples carry one).
- All whitespace, not only spaces, is removed from sentence keys, and gold tuples whose
  sentences share a key are pooled (the official scorer keeps the last sentence's).
- Figures are not rounded; the official script prints them rounded to three decimals.
"""
from __future__ import annotations

import re
import string
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Words of a gold relation that mark a reported-speech tuple, whose arguments may come in
#: either order ("X said Y" vs "Y, X said"); substrings, as in the official matcher.
SAID_WORDS = ("said", "told", "added", "adds", "says")
FORMS_OF_BE = ("be", "is", "am", "are", "was", "were", "been", "being")
_PUNCT = re.compile("[%s]" % re.escape(string.punctuation))
_SPACE = re.compile(r"\s+")
_PTB_ESCAPES = (("(", "-LRB-"), (")", "-RRB-"), ("[", "-LSB-"), ("]", "-RSB-"), ("{", "-LCB-"), ("}", "-RCB-"))
_CONTEXT = "C: "
_MODIFIER_PREFIXES = ("T:", "L:")


@dataclass(frozen=True, slots=True)
class Extraction:
    """One Open IE tuple: relation phrase, arguments (subject first) and a confidence."""

    relation: str
    arguments: tuple[str, ...]
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class CarbScore:
    """Scores at the best-F1 threshold plus the whole P/R curve (one point per threshold)."""

    precision: float
    recall: float
    f1: float
    auc: float
    threshold: float | None
    curve: tuple[tuple[float, float, float], ...]  # (threshold, precision, recall), ascending threshold


def sentence_key(sentence: str) -> str:
    """The form sentences are matched in: no whitespace, no ASCII punctuation.

    Examples:
        >>> sentence_key("He said `` yes '' ( twice ) .")
        'Hesaidyestwice'
        >>> sentence_key("A -LRB- b -RRB- c ")
        'Abc'
    """
    text = _SPACE.sub("", sentence)
    for bracket, escape in _PTB_ESCAPES:
        text = text.replace(escape, bracket)
    return _PUNCT.sub("", text)


def _gold_argument(field: str) -> str | None:
    if _CONTEXT in field:
        return None
    field = field.strip()
    for prefix in _MODIFIER_PREFIXES:
        if field.startswith(prefix):
            return field[len(prefix) :].strip()
    return field


def parse_gold(lines: Iterable[str]) -> dict[str, list[Extraction]]:
    """Gold tuples by sentence key, from ``sentence<TAB>relation<TAB>arg1<TAB>arg2...`` lines.

    Each line is stripped before splitting; context arguments (``C: ...``) are dropped and the
    ``T:``/``L:`` prefixes removed.
    """
    gold: dict[str, list[Extraction]] = defaultdict(list)
    for line in lines:
        fields = line.strip().split("\t")
        if len(fields) < 2:
            continue
        arguments = tuple(a for a in (_gold_argument(f) for f in fields[2:]) if a is not None)
        gold[sentence_key(fields[0])].append(Extraction(fields[1].strip(), arguments))
    return dict(gold)


def parse_predictions(lines: Iterable[str]) -> dict[str, list[Extraction]]:
    """Predicted tuples by sentence key, from ``sentence<TAB>confidence<TAB>relation<TAB>arg1...`` lines.

    Raises:
        ValueError: a non-empty line with fewer than three fields or a confidence that is not a number.
    """
    predicted: dict[str, list[Extraction]] = defaultdict(list)
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        fields = line.strip().split("\t")
        if len(fields) < 3:
            raise ValueError(f"line {number}: expected sentence, confidence, relation and arguments, got {len(fields)} field(s)")
        try:
            confidence = float(fields[1])
        except ValueError:
            raise ValueError(f"line {number}: confidence {fields[1]!r} is not a number") from None
        predicted[sentence_key(fields[0])].append(Extraction(fields[2], tuple(fields[3:]), confidence))
    return dict(predicted)


def read_gold(path: str | Path) -> dict[str, list[Extraction]]:
    """``parse_gold`` over a file."""
    with open(path, encoding="utf-8") as stream:
        return parse_gold(stream)


def read_predictions(path: str | Path) -> dict[str, list[Extraction]]:
    """``parse_predictions`` over a file."""
    with open(path, encoding="utf-8") as stream:
        return parse_predictions(stream)


def _binary(arguments: Sequence[str]) -> list[str]:
    return [arguments[0], " ".join(arguments[1:])] if len(arguments) >= 2 else list(arguments)


def _bag_match(gold_words: list[str], predicted_words: list[str]) -> int:
    """Gold words found among the predicted ones, each predicted word used once; consumes ``predicted_words``."""
    matched = 0
    for word in gold_words:
        if word in predicted_words:
            matched += 1
            predicted_words.remove(word)
    return matched


def _lenient_match(gold_relation: str, gold_args: list[str], relation: str, args: list[str]) -> tuple[float, float]:
    predicted_words = relation.split()
    gold_words = gold_relation.split()
    p_total, r_total = len(predicted_words), len(gold_words)
    matched = _bag_match(gold_words, predicted_words)
    if "be" in predicted_words and any(form in gold_words for form in FORMS_OF_BE):
        matched += 1
        predicted_words.remove("be")
    if matched == 0:
        return (0.0, 0.0)
    p_hit = r_hit = matched
    for i, gold_arg in enumerate(gold_args):
        gold_words = gold_arg.split()
        r_total += len(gold_words)
        if len(args) <= i:
            if i < 2:
                return (0.0, 0.0)
            continue
        predicted_words = args[i].split()
        p_total += len(predicted_words)
        matched = _bag_match(gold_words, predicted_words)
        p_hit += matched
        r_hit += matched
    return (p_hit / p_total if p_total else 0.0, r_hit / r_total if r_total else 0.0)


def match(gold: Extraction, predicted: Extraction) -> tuple[float, float]:
    """(precision, recall) of one predicted tuple against one gold tuple, CaRB's lenient binary match.

    Examples:
        >>> g = Extraction("founded", ("Jobs", "Apple", "in 1976"))
        >>> match(g, Extraction("founded", ("Jobs", "Apple in 1976")))
        (1.0, 1.0)
        >>> match(g, Extraction("started", ("Jobs", "Apple")))
        (0.0, 0.0)
    """
    gold_args = _binary(gold.arguments)
    straight = _lenient_match(gold.relation, gold_args, predicted.relation, _binary(predicted.arguments))
    if not any(word in gold.relation for word in SAID_WORDS):
        return straight
    swapped = [" ".join(predicted.arguments[1:]), predicted.arguments[0]] if len(predicted.arguments) >= 2 else list(predicted.arguments)
    return max(straight, _lenient_match(gold.relation, gold_args, predicted.relation, swapped))


def _one_to_one_precision(scores: list[list[tuple[float, float]]], columns: list[int]) -> float:
    """Sum of pair precisions of a greedy one-to-one pairing (highest precision first)."""
    total = 0.0
    used_rows: set[int] = set()
    used_cols: set[int] = set()
    for _ in range(min(len(scores), len(columns))):
        best, best_row, best_col = -1.0, -1, -1
        for i, row in enumerate(scores):
            if i in used_rows:
                continue
            for j in columns:
                if j not in used_cols and row[j][0] > best:
                    best, best_row, best_col = row[j][0], i, j
        used_rows.add(best_row)
        used_cols.add(best_col)
        total += best
    return total


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def area_under_curve(recalls: Sequence[float], precisions: Sequence[float]) -> float:
    """Trapezoid area under a P/R curve whose recalls are monotonic (either direction).

    Examples:
        >>> area_under_curve([0.5, 0.0], [0.5, 1.0])
        0.375
    """
    steps = [b - a for a, b in zip(recalls, recalls[1:])]
    if any(s < 0 for s in steps) and any(s > 0 for s in steps):
        raise ValueError("recall values are neither increasing nor decreasing")
    area = sum((x1 - x0) * (y0 + y1) / 2 for x0, x1, y0, y1 in zip(recalls, recalls[1:], precisions, precisions[1:]))
    return abs(area)


def score(gold: Mapping[str, Sequence[Extraction]], predicted: Mapping[str, Sequence[Extraction]]) -> CarbScore:
    """CaRB precision, recall, best F1 and AUC of ``predicted`` against ``gold`` (both keyed by ``sentence_key``).

    Args:
        gold: gold tuples by sentence key, as ``read_gold`` returns them.
        predicted: predicted tuples by sentence key, as ``read_predictions`` returns them.

    Returns:
        The scores at the threshold with the best F1, the AUC and the P/R curve.
    """
    thresholds = sorted({e.confidence for extractions in predicted.values() for e in extractions})
    index = {t: i for i, t in enumerate(thresholds)}
    n = len(thresholds)
    p_num, p_den, r_num, r_den = [0.0] * n, [0] * n, [0.0] * n, [0] * n
    for key, gold_tuples in gold.items():
        preds = list(predicted.get(key, ()))
        scores = [[match(g, e) for e in preds] for g in gold_tuples]
        previous = 0
        for confidence in sorted({e.confidence for e in preds}):
            c = index[confidence]
            columns = [j for j, e in enumerate(preds) if e.confidence >= confidence]
            recall = sum(max((row[j][1] for j in columns), default=0.0) for row in scores)
            precision = _one_to_one_precision(scores, columns)
            # Every threshold between the previous confidence of this sentence and this one
            # selects the same predictions.
            for t in range(previous, c + 1):
                p_num[t] += precision
                p_den[t] += len(columns)
                r_num[t] += recall
                r_den[t] += len(gold_tuples)
            previous = c + 1
        for t in range(previous, n):
            r_den[t] += len(gold_tuples)
    if n == 0:
        return CarbScore(0.0, 0.0, 0.0, 0.0, None, ())
    precisions = [a / b if b else 1.0 for a, b in zip(p_num, p_den)]
    recalls = [a / b if b else 0.0 for a, b in zip(r_num, r_den)]
    f1s = [_f1(p, r) for p, r in zip(precisions, recalls)]
    best = max(range(n), key=lambda i: (f1s[i], -i))
    auc = area_under_curve(recalls + [0.0], precisions + [1.0])
    curve = tuple(zip(thresholds, precisions, recalls))
    return CarbScore(precisions[best], recalls[best], f1s[best], auc, thresholds[best], curve)


def score_files(gold_path: str | Path, predictions_path: str | Path) -> CarbScore:
    """``score`` of a prediction TSV against a gold TSV."""
    return score(read_gold(gold_path), read_predictions(predictions_path))


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/carb_score.py GOLD.tsv PREDICTIONS.tsv``: print P, R, F1 and AUC."""
    import argparse

    parser = argparse.ArgumentParser(description="Score a CaRB prediction TSV against a gold TSV.")
    parser.add_argument("gold", type=Path, help="gold tuples: sentence, relation, arguments")
    parser.add_argument("predictions", type=Path, help="predictions: sentence, confidence, relation, arguments")
    args = parser.parse_args(argv)
    result = score_files(args.gold, args.predictions)
    threshold = "-" if result.threshold is None else f"{result.threshold:g}"
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}  AUC {result.auc:.3f}  (best threshold {threshold})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
