"""Noun phrases of one sentence Span -> ``Candidate`` facts stated without a verb, with one
inserted: appositions and titles ("is"), possessives ("has"), qualities ("are"), places ("is in").
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.lexicon import TITLE_HEADS
from kg.openie.candidates import Candidate
from kg.syntax import PLACE_LABELS, detached_apposition, noun_phrase, pobj, subtree, trim

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def copula(head: Token) -> str:
    """The copula that agrees with a noun phrase: "is", or "are" for plurals and coordinations."""
    plural = head.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)
    return "are" if plural else "is"


def _have(head: Token) -> str:
    return "have" if copula(head) == "are" else "has"


def nominal_candidates(sent: Span) -> Iterator[Candidate]:
    """Facts a noun phrase states without a verb: appositions, titles and possessives."""
    for token in sent:
        if token.dep_ == "appos" and detached_apposition(token):
            yield from _apposition(token)
        elif token.dep_ == "appos" and token.ent_type_ in PLACE_LABELS and token.head.ent_type_ in PLACE_LABELS:
            # "Hillsborough , North Carolina" -> is in(Hillsborough, North Carolina).
            yield Candidate((), ((token.head,), tuple(noun_phrase(token))), "located", "is in")
        elif token.dep_ == "poss" and token.tag_ not in {"PRP$", "WP$"}:
            yield from _possessive(token)
        elif token.dep_ == "amod" and token.pos_ == "ADJ" and token.head.pos_ in {"NOUN", "PROPN"} and token.i < token.head.i:
            yield from _quality(token)
        elif token.dep_ == "prep" and token.head.pos_ in {"NOUN", "PROPN"} and token.lower_ in _LOCATIVE_PREPS:
            yield from _noun_preposition(token)
    yield from _titles(sent)


_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_LOCATIVE_PREPS = frozenset({"in", "at", "on", "near", "from"})


def _quality(adjective: Token) -> Iterator[Candidate]:
    """ "the comical contradictions" -> are(contradictions, comical)."""
    noun = adjective.head
    if adjective.ent_type_ or any(c.dep_ in {"prep", "conj"} for c in adjective.children):
        return
    # The noun with its other modifiers before it, without determiners or possessors.
    dropped = {t.i for c in noun.children if c.i < noun.i and (c == adjective or c.dep_ in {"det", "poss", "predet"}) for t in c.subtree}
    words = trim([t for t in noun.subtree if t.i <= noun.i and t.i not in dropped])
    if words:
        yield Candidate((), (tuple(words), tuple(trim(list(adjective.subtree)))), "quality", copula(noun))


def _noun_preposition(prep: Token) -> Iterator[Candidate]:
    """ "the National Magnet Laboratory in Cambridge" -> is in(the National Magnet Laboratory, Cambridge)."""
    obj = pobj(prep)
    if obj is None or obj.dep_ != "pobj":
        return
    noun = prep.head
    phrase = trim([t for t in subtree(noun) if t.i < prep.i])
    if phrase:
        yield Candidate((prep,), (tuple(phrase), tuple(noun_phrase(obj))), "noun-preposition", copula(noun))


def _apposition(appos: Token) -> Iterator[Candidate]:
    """ "Cashel Byron , a world champion prizefighter" -> is(Cashel Byron, a world champion prizefighter)."""
    head = appos.head
    if {head.ent_type_, appos.ent_type_} & _NUMERIC_LABELS or "CD" in {head.tag_, appos.tag_}:
        return  # dates and figures in a row ("July 17 , 1749", "9.75 % , 8.75 %") are not appositions
    if any(c.dep_ == "conj" for c in appos.children):
        return  # a list the parser read as an apposition
    name, description = noun_phrase(head), noun_phrase(appos)
    if not name or not description:
        return
    yield Candidate((), (tuple(name), tuple(description)), "apposition", copula(head))


def _titles(sent: Span) -> Iterator[Candidate]:
    """ "President Bush", "former U.S. Attorney Todd Graves" -> is(Bush, President)."""
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        words: list[Token] = []
        i = ent.start - 1
        # The modifiers right before the name that hang off it: "former U.S. Attorney".
        while i >= sent.start:
            word = sent.doc[i]
            if word.pos_ not in {"NOUN", "PROPN", "ADJ"} or not (ent.start <= word.head.i < ent.end or word.head in words):
                break
            words.insert(0, word)
            i -= 1
        if not words:
            # kg_entities marks titles as TITLE entities of their own: "Prime Minister Modi".
            previous = [e for e in sent.ents if e.end == ent.start and e.label_ == "TITLE"]
            words = list(previous[0]) if previous else []
        # The word next to the name must name a role: "President", "cop", "show host"; not
        # "Lords Baltimore" or "St. Michael".
        if words and (words[-1].lower_ in TITLE_HEADS or (words[-1].tag_ in {"NN", "NNS"} and words[-1].is_lower)):
            yield Candidate((), (tuple(ent), tuple(words)), "title", "is")


def _possessive(owner: Token) -> Iterator[Candidate]:
    """ "Descartes 's scientific reductionism" -> has(Descartes, scientific reductionism)."""
    thing = owner.head
    owner_phrase = [t for t in subtree(owner) if t.dep_ != "case"]
    drop = {t.i for t in owner.subtree}
    thing_phrase = trim([t for t in subtree(thing) if t.i not in drop])
    if owner_phrase and thing_phrase:
        yield Candidate((), (tuple(trim(owner_phrase)), tuple(thing_phrase)), "possessive", _have(owner))
