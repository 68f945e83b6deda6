"""CoNLL04 scorer: gold records and predicted relations -> precision, recall and F1 per type.

A prediction is ``{"id", "head", "tail", "type"}`` with the argument *texts*; a gold record is a
line of the CoNLL04 JSONL files (``id``, ``tokens``/``text``, ``entities``, ``relations``).
A prediction matches a gold relation of the same sentence id and type when both argument
texts are equal after ``normalise`` (strict), or when their last words are (relaxed). Gold
relations and predictions are deduplicated on (id, type, normalised head, normalised tail), so
a relation annotated on two mentions of the same name counts once, as does a repeated prediction.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["TYPES", "Counts", "Score", "gold_relations", "last_word", "normalise", "score"]

#: The five relation types of CoNLL04, in the order reports list them.
TYPES = ("Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For")

#: A possessive ending a word: "Ethiopia 's", "Ethiopia's", "the Quayles '".
_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")


def normalise(text: str) -> str:
    """Lower case without possessive 's, punctuation or spaces: how argument texts are compared.

    Examples:
        >>> normalise("Ethiopia 's")
        'ethiopia'
        >>> normalise("Greenville , S.C.")
        'greenvillesc'
        >>> normalise("the Quayles '")
        'thequayles'
    """
    text = _POSSESSIVE.sub(" ", text.lower())
    return "".join(c for c in text if c.isalnum())


def last_word(text: str) -> str:
    """The normalised last word that has a letter or digit in it ("" when none has).

    Examples:
        >>> last_word("Sen. Dennis DeConcini 's")
        'deconcini'
        >>> last_word("Greenville , S.C.")
        'sc'
    """
    words = [normalise(w) for w in _POSSESSIVE.sub(" ", text.lower()).split()]
    words = [w for w in words if w]
    return words[-1] if words else ""


def _key(relation: Mapping[str, str]) -> tuple[str, str, str, str]:
    return (str(relation["id"]), relation["type"], normalise(relation["head"]), normalise(relation["tail"]))


def gold_relations(records: Iterable[Mapping]) -> list[dict[str, str]]:
    """The relations of gold records as ``{"id", "head", "tail", "type"}`` texts, deduplicated.

    Args:
        records: CoNLL04 lines, each with ``id``, ``entities`` (with ``text``) and ``relations``
            (``head``/``tail`` indices into ``entities``).

    Returns:
        One dict per distinct (id, type, normalised head, normalised tail), in input order.
    """
    out: dict[tuple[str, str, str, str], dict[str, str]] = {}
    for record in records:
        entities = record["entities"]
        for rel in record["relations"]:
            found = {"id": str(record["id"]), "head": entities[rel["head"]]["text"], "tail": entities[rel["tail"]]["text"], "type": rel["type"]}
            out.setdefault(_key(found), found)
    return list(out.values())


def _dedupe(relations: Iterable[Mapping[str, str]]) -> list[Mapping[str, str]]:
    out: dict[tuple[str, str, str, str], Mapping[str, str]] = {}
    for rel in relations:
        out.setdefault(_key(rel), rel)
    return list(out.values())


@dataclass(frozen=True)
class Counts:
    """True positives, predictions and gold relations of one type (or of all, for micro)."""

    tp: int
    pred: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    """Counts per type plus micro (pooled counts) and macro (mean over types) figures."""

    per_type: dict[str, Counts]

    @property
    def micro(self) -> Counts:
        return Counts(*(sum(getattr(c, f) for c in self.per_type.values()) for f in ("tp", "pred", "gold")))

    @property
    def macro_precision(self) -> float:
        return sum(c.precision for c in self.per_type.values()) / len(self.per_type)

    @property
    def macro_recall(self) -> float:
        return sum(c.recall for c in self.per_type.values()) / len(self.per_type)

    @property
    def macro_f1(self) -> float:
        """The mean of the per-type F1 scores."""
        return sum(c.f1 for c in self.per_type.values()) / len(self.per_type)


def _matches(pred: Mapping[str, str], gold: Mapping[str, str], relaxed: bool) -> bool:
    for field in ("head", "tail"):
        a, b = pred[field], gold[field]
        if normalise(a) == normalise(b):
            continue
        if not relaxed or not last_word(a) or last_word(a) != last_word(b):
            return False
    return True


def _max_matching(preds: list[Mapping[str, str]], golds: list[Mapping[str, str]], relaxed: bool) -> int:
    """Size of a maximum one-to-one matching (augmenting paths; the groups are tiny)."""
    edges = [[j for j, g in enumerate(golds) if _matches(p, g, relaxed)] for p in preds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(augment(i, set()) for i in range(len(preds)))


def score(gold: Iterable[Mapping[str, str]], predicted: Iterable[Mapping[str, str]], relaxed: bool = False, types: Iterable[str] = TYPES) -> Score:
    """Score predicted relations against gold relations (both ``{"id", "head", "tail", "type"}``).

    Both lists are deduplicated first. Within one sentence and type, each prediction can match
    at most one gold relation and vice versa; strict matching needs equal normalised texts,
    relaxed matching also accepts equal last words.

    Args:
        gold: gold relations, e.g. from ``gold_relations``.
        predicted: predicted relations; types outside ``types`` count as wrong predictions of
            their own type and do not change the figures of the listed types.
        relaxed: accept a matching last word for head and tail.
        types: the types to report.

    Returns:
        A ``Score`` with per-type counts, micro and macro figures.
    """
    groups: dict[tuple[str, str], tuple[list, list]] = {}
    for rel in _dedupe(gold):
        groups.setdefault((str(rel["id"]), rel["type"]), ([], []))[0].append(rel)
    for rel in _dedupe(predicted):
        groups.setdefault((str(rel["id"]), rel["type"]), ([], []))[1].append(rel)
    tallies = {t: [0, 0, 0] for t in types}
    for (_, kind), (golds, preds) in groups.items():
        if kind not in tallies:
            continue
        tally = tallies[kind]
        tally[0] += _max_matching(preds, golds, relaxed) if golds and preds else 0
        tally[1] += len(preds)
        tally[2] += len(golds)
    return Score({t: Counts(*v) for t, v in tallies.items()})
