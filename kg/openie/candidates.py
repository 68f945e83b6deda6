"""Rule matches -> scored ``Candidate`` records: token tuples, the rule that made them and its
confidence; the confidence tables; one extra candidate per conjunct of a coordinated argument.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from kg.syntax import trim

#: Confidence of a tuple by the rule that made it: how often, on held-out text, such a tuple
#: matches a reference extraction well (ordering matters more than the values).
CONFIDENCE = {
    "object": 0.9,  # subject, verb, direct object or complement: "Apple | opened | a store"
    "preposition": 0.85,  # subject, verb + preposition, its object: "She | moved to | Paris"
    "complement": 0.8,  # subject, verb + "that", clause: "The report | said that | prices rose"
    "nominal": 0.45,  # complement up to its preposition: "It | was a notable influence on | John Buchan"
    "apposition": 0.7,  # "Cashel Byron , a prizefighter" -> "Cashel Byron | is | a prizefighter"
    "title": 0.6,  # "President Bush" -> "Bush | is | President"
    "modifier": 0.6,  # only a time or place phrase to say: "was abandoned | several years later"
    "possessive": 0.5,  # "Descartes 's reductionism" -> "Descartes | has | reductionism"
    "located": 0.5,  # "Hillsborough , North Carolina" -> "Hillsborough | is in | North Carolina"
    "quality": 0.4,  # "the comical contradictions" -> "contradictions | are | comical"
    "noun-preposition": 0.4,  # "the Laboratory in Cambridge" -> "the Laboratory | is in | Cambridge"
    "intransitive": 0.3,  # subject and verb alone: "The talks | will resume"
}
#: Factor for a tuple made by splitting a coordination ("cars and trucks" -> "cars").
CONJUNCT_FACTOR = 0.5
#: Factor by the dependency of the clause's verb (of the first verb, for coordinated verbs).
CLAUSE_FACTOR = {"ROOT": 1.0, "xcomp": 1.0, "ccomp": 0.9, "relcl": 0.9, "advcl": 0.9, "acl": 0.8, "other": 0.8}


@dataclass(frozen=True, slots=True)
class Candidate:
    relation: tuple[Token, ...]
    arguments: tuple[tuple[Token, ...], ...]
    rule: str
    lead: str = ""  # inserted words before the relation's own ("is" for an apposition)

    @property
    def confidence(self) -> float:
        base, _, split = self.rule.partition("+")
        return CONFIDENCE[base] * (CONJUNCT_FACTOR if split else 1.0)


def split_conjuncts(candidates: Iterable[Candidate]) -> Iterator[Candidate]:
    """Each candidate, then one per conjunct of its subject and of its first object."""
    for candidate in candidates:
        yield candidate
        for position in (0, 1):
            if position >= len(candidate.arguments):
                continue
            for variant in _conjuncts(candidate.arguments[position]):
                arguments = candidate.arguments[:position] + (variant,) + candidate.arguments[position + 1 :]
                yield Candidate(candidate.relation, arguments, candidate.rule + "+conjunct", candidate.lead)


_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})


def _conjuncts(tokens: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """One phrase per conjunct of the coordination heading ``tokens``, shared words kept.

    "a series of rocket attacks and raids" -> "a series of rocket attacks", "a series of raids";
    "Quanzhou , Xiamen and Zhangzhou" -> each name. The coordination must be the phrase's head,
    an "of" object below it or a modifier of either; lists inside other modifiers stay whole.
    Returns [] when nothing is coordinated.
    """
    members = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in members or t.head == t]
    if len(roots) != 1:
        return []
    top = _coordination(roots[0], members)
    if top is None:
        return []
    heads = [top]
    for head in heads:
        heads += [c for c in head.children if c.dep_ == "conj" and c.i in members and c.pos_ in _NOMINAL_POS]
    inside = {t.i for t in top.subtree}
    outside = [t for t in tokens if t.i not in inside]
    variants = []
    for head in heads:
        below = {t.i for h in heads if h is not head and head in h.ancestors for t in h.subtree}
        own = [t for t in head.subtree if t.i in members and t.i not in below]
        own = [t for t in own if not (t.head in heads and t.dep_ in {"cc", "punct", "preconj"})]
        phrase = tuple(trim(sorted(outside + own, key=lambda t: t.i)))
        if phrase and phrase != tuple(tokens):
            variants.append(phrase)
    return variants if len(variants) > 1 else []


def _coordination(root: Token, members: set[int]) -> Token | None:
    """The first token with conjuncts on the path root -> "of" objects -> their modifiers."""
    frontier = [root]
    while frontier:
        token = frontier.pop(0)
        if token.pos_ in _NOMINAL_POS and any(c.dep_ == "conj" and c.i in members and c.pos_ in _NOMINAL_POS for c in token.children):
            return token
        for child in token.children:
            if child.i not in members:
                continue
            if child.dep_ in {"amod", "compound", "nmod"} or (child.dep_ == "prep" and child.lower_ == "of") or (child.dep_ == "pobj" and token.lower_ == "of"):
                frontier.append(child)
    return None
