"""A learned relation classifier over entity pairs: (sentence, its mentions, the rules' statements) -> more statements.

For every ordered pair of named mentions in a sentence whose types fit one of the closed
relations (Person-Organization worksFor, Person-Place livesIn, Place-Place locatedIn,
Organization-Place basedIn, Person-Person kills), it builds sparse string features (the
dependency path between the two names, the words between and around them, their distance and
labels, and what the rules already said about the pair) and scores them with a logistic
regression whose weights ship as plain JSON in ``kg/data/relations.json``. Inference is pure
Python; training lives outside the package (``benchmarks/train_conll04.py``). The rules stay
in charge: the classifier only adds pairs they did not state.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from kg.extract.qualifiers import modality_of, polarity_of
from kg.model import Argument, Mention, Statement

__all__ = ["Candidate", "RelationClassifier", "candidate_pairs", "default_classifier", "pair_features", "DEFAULT_WEIGHTS", "PIPELINE_FLOOR"]

#: The weights kg ships; ``default_classifier`` reads them once.
DEFAULT_WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "relations.json"
#: Coarse argument classes of kg's entity types; other types take part in no closed relation.
_CLASSES = {"Person": "PER", "Organization": "ORG", "Place": "LOC", "Country": "LOC"}
#: (subject class, object class) -> the one closed predicate that signature can carry.
SIGNATURES = {
    ("PER", "ORG"): "worksFor",
    ("PER", "LOC"): "livesIn",
    ("LOC", "LOC"): "locatedIn",
    ("ORG", "LOC"): "basedIn",
    ("PER", "PER"): "kills",
}
#: Classes a mention may really have when the small model's label is wrong: an "organisation"
#: is often a town ("Folsom") or a person's surname, so it may fill those slots too.
_ALTERNATIVES = {"PER": ("PER",), "ORG": ("ORG", "LOC", "PER"), "LOC": ("LOC",)}
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_MAX_BETWEEN = 40


@dataclass(frozen=True)
class Candidate:
    """One ordered mention pair of a sentence, the predicate its types allow, and its features."""

    subject: Mention
    object: Mention
    predicate: str
    features: tuple[str, ...]
    anchor: Token


def _word(token: Token) -> str:
    if token.like_num:
        return "#"
    return token.lower_


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 3, 5, 8, 12, 20):
        if n <= limit:
            return str(limit)
    return "many"


def _root(span: Span) -> Token:
    return span.root


def _path(a: Token, b: Token) -> tuple[list[Token], Token | None, list[Token]]:
    """Tokens from ``a`` up to the lowest common ancestor and from there down to ``b`` (ends excluded)."""
    up = [a, *a.ancestors]
    index = {t.i: k for k, t in enumerate(up)}
    down = [b]
    current = b
    while current.i not in index:
        if current.head == current:
            return up, None, down
        current = current.head
        down.append(current)
    lca = current
    return up[: index[lca.i]], lca, list(reversed(down[:-1]))


def pair_features(subject: Span, obj: Span, mentions_between: int, rules: Iterable[str]) -> list[str]:
    """Sparse string features of an ordered pair of entity spans in one sentence.

    Args:
        subject: the span of the relation's subject (head) mention.
        obj: the span of its object (tail) mention.
        mentions_between: how many other named mentions lie between the two.
        rules: labels for what the rules already said about the pair ("worksFor", "rev:basedIn").

    Returns:
        Feature names, unconjoined; the classifier prefixes each with the pair's signature.
    """
    doc = subject.doc
    sent = subject.sent
    first, second = (subject, obj) if subject.start < obj.start else (obj, subject)
    between = [doc[i] for i in range(first.end, second.start)]
    words = [_word(t) for t in between]
    feats = ["bias", "order=" + ("sub<obj" if subject.start < obj.start else "obj<sub"), "dist=" + _bucket(len(between)), "ents=" + _bucket(mentions_between)]
    feats += [f"slab={subject.label_}", f"olab={obj.label_}", f"labs={subject.label_}>{obj.label_}"]
    if len(words) <= 6:
        feats.append("bs=" + " ".join(words))
    if words:
        feats += ["b0=" + words[0], "b-1=" + words[-1]]
        feats += ["b=" + w for w in set(words[:_MAX_BETWEEN])]
        feats += ["bv=" + t.lemma_.lower() for t in between if t.pos_ in {"VERB", "NOUN"}][:_MAX_BETWEEN]
    else:
        feats.append("adjacent")
    for name, span in (("s", subject), ("o", obj)):
        before = doc[span.start - 1] if span.start > sent.start else None
        after = doc[span.end] if span.end < sent.end else None
        feats.append(f"{name}<={_word(before) if before is not None else '^'}")
        feats.append(f"{name}>={_word(after) if after is not None else '$'}")
        root = _root(span)
        feats.append(f"{name}dep={root.dep_}")
        feats.append(f"{name}gov={root.head.lemma_.lower() if root.head != root else '^'}")
        feats.append(f"{name}len={min(len(span), 4)}")
        last = span[-1]
        feats.append(f"{name}last={last.lower_ if not last.like_num else '#'}")
        feats.append(f"{name}shape={'upper' if span.text.isupper() else 'title' if span[0].is_title else 'other'}")
    up, lca, down = _path(_root(subject), _root(obj))
    if lca is None:
        feats.append("nopath")
    else:
        deps = [f"{t.dep_}^" for t in up] + [f"v{t.dep_}" for t in down]
        inner = [t for t in up[1:]] + ([lca] if lca not in (_root(subject), _root(obj)) else []) + [t for t in down[:-1]]
        lemmas = [t.lemma_.lower() for t in inner]
        feats.append("pd=" + " ".join(deps))
        feats.append("pl=" + _bucket(len(deps)))
        feats.append("lca=" + lca.lemma_.lower())
        feats.append("lcapos=" + lca.pos_)
        if len(deps) <= 6:
            feats.append("p=" + " ".join(f"{d}:{w}" for d, w in zip(deps, [*lemmas, ""], strict=False)))
        feats += ["pw=" + w for w in set(lemmas)]
        feats.append("lca=" + ("sub" if lca == _root(subject) else "obj" if lca == _root(obj) else "other"))
    rules = list(rules)
    feats += ["r=" + r for r in rules] or ["r=none"]
    return feats


def _spans(sent: Span, mentions: dict[int, Mention]) -> list[tuple[Mention, Span]]:
    """The sentence's named mentions (no pronouns) with their token spans, in text order."""
    found: dict[Mention, list[int]] = {}
    for i in range(sent.start, sent.end):
        m = mentions.get(i)
        if m is not None and m.type in _CLASSES and m.text.lower() not in _PRONOUNS:
            found.setdefault(m, []).append(i)
    out = []
    for m, idx in found.items():
        span = sent.doc[min(idx) : max(idx) + 1]
        label = sent.doc[min(idx)].ent_type_ or "NONE"
        if label in {"NORP", "LANGUAGE"}:
            # "Russian", "Indian goods": a nationality names no place a thing is in or based in.
            continue
        out.append((m, Span(sent.doc, span.start, span.end, label=label)))
    return sorted(out, key=lambda pair: pair[1].start)


def candidate_pairs(sent: Span, mentions: dict[int, Mention], statements: Iterable[Statement]) -> Iterator[Candidate]:
    """Every ordered pair of the sentence's mentions whose types fit a closed relation, with features.

    Args:
        sent: the sentence.
        mentions: the passage's mentions by token index.
        statements: what the rules read from the sentence (they become features).
    """
    said: dict[tuple[str, str], list[str]] = {}
    for s in statements:
        if s.object.mention is not None:
            said.setdefault((s.subject.key, s.object.mention.key), []).append(s.predicate)
            said.setdefault((s.object.mention.key, s.subject.key), []).append("rev:" + s.predicate)
    spans = _spans(sent, mentions)
    for a, (ma, sa) in enumerate(spans):
        for b, (mb, sb) in enumerate(spans):
            if a == b or ma.key == mb.key:
                continue
            lo, hi = sorted((a, b))
            rules = sorted(set(said.get((ma.key, mb.key), [])))
            feats: list[str] | None = None
            done: set[str] = set()
            for ca in _ALTERNATIVES[_CLASSES[ma.type]]:
                for cb in _ALTERNATIVES[_CLASSES[mb.type]]:
                    predicate = SIGNATURES.get((ca, cb))
                    if predicate is None or predicate in done:
                        continue
                    done.add(predicate)
                    if feats is None:
                        feats = pair_features(sa, sb, hi - lo - 1, rules)
                    flags = [f"salt={ca}" for _ in (1,) if ca != _CLASSES[ma.type]] + [f"oalt={cb}" for _ in (1,) if cb != _CLASSES[mb.type]]
                    up, lca, _ = _path(sa.root, sb.root)
                    yield Candidate(ma, mb, predicate, tuple(feats + flags), lca if lca is not None else sa.root)


class RelationClassifier:
    """Logistic regression over pair features; weights keyed by "<predicate>|<feature>".

    Args:
        weights: feature name -> weight.
        thresholds: predicate -> the probability a pair needs to be stated.
        meta: free-form provenance (training data, seed, figures), kept for ``describe``.
    """

    def __init__(self, weights: dict[str, float], thresholds: dict[str, float], meta: dict | None = None) -> None:
        self.weights = weights
        self.thresholds = thresholds
        self.meta = meta or {}

    @classmethod
    def load(cls, path: str | Path) -> RelationClassifier:
        """Read weights written by ``save`` (plain JSON)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(data["weights"], data["thresholds"], data.get("meta"))

    def save(self, path: str | Path) -> None:
        """Write the weights as JSON with sorted keys, so the same training gives the same file."""
        data = {"meta": self.meta, "thresholds": self.thresholds, "weights": self.weights}
        Path(path).write_text(json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")

    def probability(self, candidate: Candidate) -> float:
        """P(the pair holds its signature's predicate)."""
        prefix = candidate.predicate + "|"
        z = sum(self.weights.get(prefix + f, 0.0) for f in candidate.features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def statements(self, sent: Span, mentions: dict[int, Mention], found: list[Statement], evidence) -> Iterator[Statement]:
        """Statements for the pairs the classifier accepts and the rules left unsaid."""
        stated = {(s.subject.key, s.predicate, s.object.mention.key) for s in found if s.object.mention is not None}
        for c in candidate_pairs(sent, mentions, found):
            if (c.subject.key, c.predicate, c.object.key) in stated:
                continue
            p = self.probability(c)
            if p < self.thresholds.get(c.predicate, 1.0):
                continue
            yield Statement(
                subject=c.subject,
                predicate=c.predicate,
                object=Argument(mention=c.object),
                relation=c.anchor.text,
                evidence=evidence,
                extractor="kg.model.pairs.v1",
                polarity=polarity_of(c.anchor),
                modality=modality_of(c.anchor),
                confidence=round(p, 3),
            )


#: The least probability a pair needs in kg's own pipeline. The shipped thresholds are tuned for
#: F1 on CoNLL04 dev (about 0.25, where about 58% of statements hold); a knowledge graph wants
#: fewer, surer facts, and at 0.7 the classifier's statements are about as precise as the rules'.
PIPELINE_FLOOR = 0.7


@lru_cache(maxsize=4)
def _load(path: str, floor: float) -> RelationClassifier:
    clf = RelationClassifier.load(path)
    clf.thresholds = {p: max(t, floor) for p, t in clf.thresholds.items()}
    return clf


def default_classifier(floor: float = PIPELINE_FLOOR) -> RelationClassifier | None:
    """The shipped classifier, read once, with every threshold raised to at least ``floor``.

    Returns None when ``kg/data/relations.json`` is absent. ``floor=0`` gives the thresholds as
    tuned (what ``benchmarks/conll04.py`` scores).
    """
    if not DEFAULT_WEIGHTS.exists():
        return None
    return _load(str(DEFAULT_WEIGHTS), floor)
