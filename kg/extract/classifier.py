"""A learned relation classifier over entity pairs: (sentence, its context, the rules' statements) -> more statements.

For every ordered pair of mentions in a sentence whose types fit one of the classifier's
predicates, it builds sparse string features (the dependency path between the two, the words
between and around them, their distance and labels, the clause words around a speaker, and what
the rules already said about the pair) and scores them with a logistic regression per
predicate, whose weights ship as plain JSON. Inference is pure Python; training lives outside
the package (``benchmarks/train_news.py``, ``benchmarks/train_conll04.py``). The rules stay in
charge: the classifier only adds pairs they did not state.

Two weight files ship. ``kg/data/news.json`` (what ``kg build`` uses) covers the news predicates
of ``kg.predicates`` and takes its candidates from their declared domains and ranges, pronouns
and descriptions included. ``kg/data/relations.json`` covers CoNLL04's five closed relations by
coarse type signature (Person-Organization worksFor, Person-Place livesIn, Place-Place
locatedIn, Organization-Place basedIn, Person-Person kills), for ``benchmarks/conll04.py``.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from kg.lexicon import NEGATIVE_EVALUATION, POSITIVE_EVALUATION, SPEECH_VERBS
from kg.model import Mention, Statement

__all__ = [
    "CONLL04_WEIGHTS", "Candidate", "DEFAULT_WEIGHTS", "NEWS_WEIGHTS", "RelationClassifier",
    "candidate_pairs", "default_classifier", "pair_features", "registry_candidates",
]

_DATA = Path(__file__).resolve().parent.parent / "data"
#: The news classifier: what ``kg build`` adds to its rules (``default_classifier``).
NEWS_WEIGHTS = _DATA / "news.json"
#: The CoNLL04 classifier (``benchmarks/conll04.py``).
CONLL04_WEIGHTS = _DATA / "relations.json"
DEFAULT_WEIGHTS = NEWS_WEIGHTS
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
    #: How surely the two arguments are the mentions (below 1 for pronouns and descriptions).
    factor: float = 1.0


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


# --- registry mode: the news predicates, by declared domain and range -------------------------

#: Arguments the classifier may read besides named mentions: pronouns and descriptions that
#: coreference resolves ("he said", "the firm's").
_REFERRING_POS = frozenset({"PRON", "NOUN"})


def _arguments(sent: Span, ctx) -> list[tuple[Mention, Span, float]]:
    """The sentence's arguments in text order: named mentions (factor 1) and pronouns or
    descriptions resolved to an earlier name (their coreference factor)."""
    found: dict[Mention, list[int]] = {}
    for i in range(sent.start, sent.end):
        m = ctx.mentions.get(i)
        if m is not None and m.type in _REGISTRY_TYPES:
            found.setdefault(m, []).append(i)
    out = [(m, sent.doc[min(idx) : max(idx) + 1], 1.0) for m, idx in found.items()]
    taken = {i for idx in found.values() for i in idx}
    for token in sent:
        if token.i in taken or token.pos_ not in _REFERRING_POS:
            continue
        resolved = ctx.antecedent(token)
        if resolved is not None and resolved[0].type in _REGISTRY_TYPES:
            out.append((resolved[0], sent.doc[token.i : token.i + 1], resolved[1]))
    return sorted(out, key=lambda a: a[1].start)


_REGISTRY_TYPES = frozenset({"Person", "Organization", "Country", "Place", "Event", "Agreement"})
_CLAUSE_WORDS = 12


def _judgements(tokens) -> tuple[int, int]:
    """(blame, praise) words among ``tokens``, by the evaluative lexicons of ``kg.lexicon``."""
    blame = sum(1 for t in tokens if t.lemma_.lower() in NEGATIVE_EVALUATION or t.lower_ in NEGATIVE_EVALUATION)
    praise = sum(1 for t in tokens if t.lemma_.lower() in POSITIVE_EVALUATION or t.lower_ in POSITIVE_EVALUATION)
    return blame, praise


def _clause_features(subject: Span, obj: Span) -> list[str]:
    """Words of what a speaker says about the other argument: "X said Y had failed" gives
    "said" and the lemmas of the clause around Y ("fail"), which carry criticism and support;
    and how many words of blame and praise the sentence and that clause hold."""
    feats = []
    head = subject.root.head
    blame, praise = _judgements(subject.sent)
    feats += [f"sblame={min(blame, 3)}", f"spraise={min(praise, 3)}"]
    if subject.root.dep_ in {"nsubj", "nsubjpass"} and head.pos_ == "VERB":
        feats.append("sgov=" + head.lemma_.lower())
        if head.lemma_.lower() in SPEECH_VERBS:
            feats.append("s-speaker")
        clause = [c for c in head.children if c.dep_ in {"ccomp", "xcomp", "dobj", "prep", "advcl", "parataxis"}]
        inside = any(obj.root in set(c.subtree) for c in clause)
        if inside:
            feats.append("o-in-s-clause")
            for c in clause:
                if obj.root in set(c.subtree):
                    words = [t.lemma_.lower() for t in c.subtree if t.is_alpha and not t.is_stop and not t.ent_type_][:_CLAUSE_WORDS]
                    feats += ["cw=" + w for w in sorted(set(words))]
                    cblame, cpraise = _judgements(c.subtree)
                    feats += [f"cblame={min(cblame, 3)}", f"cpraise={min(cpraise, 3)}"]
                    if head.lemma_.lower() in SPEECH_VERBS:
                        feats.append(f"speech-judges={'blame' if cblame > cpraise else 'praise' if cpraise > cblame else 'none'}")
    ohead = obj.root.head
    feats.append("ogov=" + (ohead.lemma_.lower() if ohead != obj.root else "^"))
    feats.append(f"odep={obj.root.dep_}")
    return feats


def registry_candidates(sent: Span, ctx, statements: Iterable[Statement], predicates: Iterable[str]) -> Iterator[Candidate]:
    """Every ordered pair of the sentence's arguments and every predicate (of ``predicates``)
    whose declared domain and range fit their types, with features.

    Args:
        sent: the sentence.
        ctx: its ``kg.extract.context.SentenceContext`` (mentions and coreference).
        statements: what the rules read from the sentence (they become features).
        predicates: the predicate names to propose.
    """
    from kg.extract.context import types_ok

    said: dict[tuple[str, str], list[str]] = {}
    for s in statements:
        if s.object.mention is not None:
            said.setdefault((s.subject.key, s.object.mention.key), []).append(s.predicate)
            said.setdefault((s.object.mention.key, s.subject.key), []).append("rev:" + s.predicate)
    args = _arguments(sent, ctx)
    wanted = tuple(predicates)
    for a, (ma, sa, fa) in enumerate(args):
        for b, (mb, sb, fb) in enumerate(args):
            if a == b or ma.key == mb.key:
                continue
            fitting = [p for p in wanted if types_ok(p, ma, mb)]
            if not fitting:
                continue
            lo, hi = sorted((a, b))
            rules = sorted(set(said.get((ma.key, mb.key), [])))
            feats = pair_features(Span(sent.doc, sa.start, sa.end, label=sa.root.ent_type_ or "NONE"), Span(sent.doc, sb.start, sb.end, label=sb.root.ent_type_ or "NONE"), hi - lo - 1, rules)
            feats += _clause_features(sa, sb) + [f"st={ma.type}", f"ot={mb.type}", f"sts={ma.type}>{mb.type}"]
            if fa < 1.0:
                feats.append("s-referring")
            if fb < 1.0:
                feats.append("o-referring")
            up, lca, down = _path(sa.root, sb.root)
            anchor = lca if lca is not None else sa.root
            path_lemmas = {t.lemma_.lower() for t in [*up, *down, *([lca] if lca is not None else [])]}
            for predicate in fitting:
                # The registry's own words for the predicate on the path between the two: a cue
                # that generalises beyond the few sentences of training data.
                frames = _frame_lemmas(predicate)
                extra = ["frame-on-path"] if path_lemmas & frames else []
                yield Candidate(ma, mb, predicate, tuple(feats + extra), anchor, fa * fb)


@lru_cache(maxsize=64)
def _frame_lemmas(predicate: str) -> frozenset[str]:
    from kg import predicates

    declared = predicates.get(predicate)
    return frozenset(f.lemma for f in (*declared.verbs, *declared.nouns, *declared.adjectives) if f.lemma != "*")


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

    @property
    def predicates(self) -> tuple[str, ...]:
        """The predicates the classifier proposes, in registry mode (``meta["predicates"]``)."""
        return tuple(self.meta.get("predicates", ()))

    def candidates(self, sent: Span, ctx, found: list[Statement]) -> Iterator[Candidate]:
        """The sentence's candidate pairs: by the registry's domains and ranges when the weights
        name their predicates (news), else by CoNLL04's coarse type signatures."""
        if self.predicates:
            return registry_candidates(sent, ctx, found, self.predicates)
        return candidate_pairs(sent, ctx.mentions, found)

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

    def statements(self, sent: Span, ctx, found: list[Statement]) -> Iterator[Statement]:
        """Statements for the pairs the classifier accepts and the rules left unsaid."""
        from kg.extract.context import Builder

        if not self.thresholds:  # a classifier that keeps no predicate accepts no pair: skip the features
            return
        stated = {(s.subject.key, s.predicate, s.object.mention.key) for s in found if s.object.mention is not None}
        builder = Builder(sent, ctx)
        best: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
        for c in self.candidates(sent, ctx, found):
            key = (c.subject.key, c.predicate, c.object.key)
            if key in stated:
                continue
            p = self.probability(c)
            if p < self.thresholds.get(c.predicate, 1.0) or (key in best and best[key][0] >= p):
                continue
            best[key] = (p, c)
        for p, c in best.values():
            builder.add(c.anchor, (c.subject, 1.0), c.predicate, (c.object, 1.0), c.anchor.text, "kg.model.pairs.v1", round(p * c.factor, 3))
        yield from builder.out



@lru_cache(maxsize=4)
def _load(path: str, floor: float) -> RelationClassifier:
    clf = RelationClassifier.load(path)
    clf.thresholds = {p: max(t, floor) for p, t in clf.thresholds.items()}
    return clf


def default_classifier(floor: float = 0.0, path: str | Path | None = None) -> RelationClassifier | None:
    """A shipped classifier (the news one by default), read once, with every threshold raised
    to at least ``floor``.

    Returns None when the weights file is absent.
    """
    path = Path(path) if path is not None else DEFAULT_WEIGHTS
    if not path.exists():
        return None
    return _load(str(path), floor)
