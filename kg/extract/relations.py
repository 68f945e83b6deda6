"""Statements from the dependency parse of one sentence: verb frames here, noun phrases in ``nominal``.

Input is a sentence Span plus a ``SentenceContext`` that knows the passage's mentions; output
is ``kg.model.Statement`` records whose arguments are still unresolved Mentions.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.extract.context import (
    SentenceContext,
    _Builder,
    _mention,
    _mention_pairs,
    _noun_predicate,
)
from kg.extract.nominal import (
    _carry_to_regions,
    _leader_statements,
    _noun_statements,
    _place_statements,
    _position_statements,
    _tariff_statements,
)
from kg.extract.normalize import parse_quantity
from kg.syntax import conjuncts, is_passive, logical_subjects, patients, prep_objects
from kg.lexicon import LIGHT_VERBS, PREPOSITION_OBJECTS, VERB_PREDICATES
from kg.model import Quantity, Statement

_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})


def _verb_statements(verb: Token, b: _Builder) -> None:
    """Subject-verb-object frames, closed predicates first, then open ``relatedTo``."""
    ctx = b.ctx
    lemma = verb.lemma_.lower()
    predicate = VERB_PREDICATES.get(lemma)
    passive = is_passive(verb)
    if predicate is None and lemma == "bear" and passive:
        # "X was born in Y": kg has no birthplace predicate; the home town is where X lived.
        predicate = "livesIn"
    subjects = logical_subjects(verb)
    if predicate == "invitedTo":
        _invitation(verb, b, passive)
        return
    if passive:
        objects = patients(verb)
        if predicate in {"locatedIn", "basedIn", "livesIn"}:
            # "X, based in Y", "X was born in Y": the patient is the subject and the place the object.
            subjects, objects = objects, [o for _, o in prep_objects(verb, PREPOSITION_OBJECTS[predicate])]
    else:
        objects = [t for c in verb.children if c.dep_ in _OBJECT_DEPS for t in conjuncts(c)]
    prep_pairs = prep_objects(verb, PREPOSITION_OBJECTS.get(predicate or "", ()))
    if predicate in {"livesIn", "worksFor", "memberOf"} or (predicate in PREPOSITION_OBJECTS and not objects):
        objects = objects + [o for _, o in prep_pairs if o not in objects]
    relation = _relation_text(verb, prep_pairs)
    if predicate is None and lemma in LIGHT_VERBS:
        _light_verb(verb, subjects, b)
        return
    if predicate is None:
        objects = objects + [o for _, o in prep_objects(verb) if o.i in ctx.mentions]
    if predicate and not any(_mention(o, ctx) for o in objects):
        # "sign a trade agreement with India": a generic direct object leaves the partner
        # in a prepositional phrase as the object.
        objects = objects + [o for _, o in prep_pairs if o not in objects]
    if predicate is None:
        # Open statements link two named entities only.
        objects = [o for o in objects if o.i in ctx.mentions]
    for o, subject, obj in _mention_pairs(subjects, objects, ctx, object_modifier=True):
        if predicate is None:
            b.add(verb, subject, "relatedTo", obj, _relation_for(verb, o), "kg.rules.open.v1", 0.5)
        else:
            b.add(verb, subject, predicate, obj, relation, f"kg.rules.{predicate}.v1", 0.85)
    if predicate in {"commitsTo", "agreesTo", "announces"}:
        # "committed $5 billion": an amount with no entity behind it is a literal object.
        amounts = [q for o in objects if _mention(o, ctx) is None and (q := _quantity_in(o)) is not None]
        for s in subjects:
            subject = _mention(s, ctx, allow_modifier=False)
            for amount in amounts if subject is not None else ():
                b.add(verb, subject, predicate, amount, relation, f"kg.rules.{predicate}.v1", 0.7)


def _relation_text(verb: Token, prep_pairs: list[tuple[Token, Token]]) -> str:
    particles = [c.text for c in verb.children if c.dep_ == "prt"]
    preps = sorted({p.text for p, _ in prep_pairs})
    return " ".join([verb.text, *particles, *preps[:1]])


def _relation_for(verb: Token, obj: Token) -> str:
    """The verb phrase that links the verb to one object: "represented by", "met with"."""
    words = [verb.text, *(c.text for c in verb.children if c.dep_ == "prt")]
    if obj.dep_ == "pobj":
        words.append(obj.head.text)
    return " ".join(words)


def _quantity_in(token: Token) -> Quantity | None:
    for ent in token.doc.ents:
        if ent.label_ in {"MONEY", "PERCENT"} and ent.start <= token.i < ent.end:
            return parse_quantity(ent.text)
    return None


def _invitation(verb: Token, b: _Builder, passive: bool) -> None:
    """"X is invited to Y", "X was invited to join Y", "A invited X to Y": the invitee is the subject."""
    invitees = patients(verb) if passive else [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    targets = [o for _, o in prep_objects(verb, ("to", "for"))]
    for child in verb.children:
        if child.dep_ == "xcomp":
            # "invited to join the initiative": the event is the complement verb's object.
            targets.extend(t for c in child.children if c.dep_ in {"dobj", "attr"} for t in conjuncts(c))
            targets.extend(o for _, o in prep_objects(child, ("in", "at", "to")))
    for _, subject, obj in _mention_pairs(invitees, targets, b.ctx, object_modifier=False):
        b.add(verb, subject, "invitedTo", obj, "invited to", "kg.rules.invitedTo.v1", 0.85)


def _light_verb(verb: Token, subjects: list[Token], b: _Builder) -> None:
    """"held talks with X", "expressed support for X": the object noun carries the predicate."""
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        predicate = _noun_predicate(noun)
        if predicate is None:
            continue
        targets = [o for _, o in prep_objects(noun, ("with", "for", "to", "of", "against", "on"))]
        targets += [o for _, o in prep_objects(verb, ("with", "for", "to"))]
        for t, subject, obj in _mention_pairs(subjects, targets, b.ctx, object_modifier=True):
            b.add(verb, subject, predicate, obj, f"{verb.text} {noun.text} {t.head.text}", f"kg.rules.{predicate}.noun.v1", 0.8)


def sentence_statements(sent: Span, ctx: SentenceContext) -> Iterator[Statement]:
    """Every statement the rules read from one sentence, in token order of their anchors."""
    b = _Builder(sent, ctx)
    for token in sent:
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "aux" and token.dep_ != "auxpass":
            _verb_statements(token, b)
        elif token.pos_ in {"NOUN", "PROPN"}:
            _noun_statements(token, b)
        if token.dep_ in {"amod", "compound", "nummod", "nmod"}:
            _leader_statements(token, b)
    _position_statements(sent, b)
    _tariff_statements(sent, b)
    _place_statements(sent, b)
    _carry_to_regions(sent, b)
    yield from b.out
