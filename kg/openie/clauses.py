"""Verbs of one parse -> ``Candidate`` clause tuples: subject, relation (auxiliaries, negation,
adverbs, particles, the verb, and a preposition or "that" when there is no object), object, modifiers.
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from kg.openie.candidates import Candidate
from kg.openie.nominal import copula
from kg.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    PLACE_LABELS,
    PREDICATE_POS,
    TIME_LABELS,
    controlled_clause,
    has_own_subject,
    is_relative_pronoun,
    noun_phrase,
    pobj,
    relative_antecedent,
    subtree,
    trim,
)

_SUBJECT_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "dative"})
_PREP_DEPS = frozenset({"prep", "agent"})
_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})


def _relation_core(verb: Token) -> list[Token]:
    """Auxiliaries, negation, particles and the adverbs among them, plus the verb itself."""
    words = [c for c in verb.children if c.dep_ in _AUX_DEPS or c.dep_ == "prt"]
    # Adverbs right before the verb belong to the relation ("has also been", "often refers").
    left = verb.i - 1
    children = {c.i: c for c in verb.children}
    while left >= 0 and left in children and (children[left].dep_ in _AUX_DEPS or _is_relation_adverb(children[left])):
        if children[left].dep_ == "advmod":
            words.append(children[left])
        left -= 1
    # ... and a bare adverb right after it ("toured extensively", "is heating up too").
    right = verb.i + 1
    while right in children and children[right].dep_ in {"prt", "neg"}:
        right += 1
    if right in children and _is_relation_adverb(children[right]) and not list(children[right].children):
        words.append(children[right])
    return sorted(set(words + [verb]), key=lambda t: t.i)


def _is_relation_adverb(token: Token) -> bool:
    return token.dep_ == "advmod" and token.tag_ in {"RB", "RBR", "RBS"} and not token.ent_type_


def _is_time(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in TIME_LABELS for t in tokens)


def _is_place(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in PLACE_LABELS for t in tokens)


def _modifiers(verb: Token, used: set[int]) -> list[list[Token]]:
    """Further arguments of a clause: prepositional phrases and time adverbials, in order."""
    out = []
    for child in verb.children:
        if child.i in used:
            continue
        if child.dep_ in _PREP_DEPS and pobj(child) is not None or child.dep_ == "dative":
            out.append(trim(subtree(child)))
        elif child.dep_ in {"npadvmod", "advmod"} and _is_time(list(child.subtree)):
            out.append(trim(subtree(child)))
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        # "into Israeli territory , where they killed three soldiers": the place of the killing.
        out.append(noun_phrase(clause.head, inside=clause))
    return [m for m in out if m]


def _shared_modifiers(verb: Token) -> list[list[Token]]:
    """Sentence-initial modifiers of the first of coordinated verbs, which the others share.

    "In 1717 Montagu observed the practice and attempted to popularize it": "In 1717" dates both.
    """
    first = verb
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in PREDICATE_POS:
        first = first.head
    if first is verb or has_own_subject(verb):
        return []
    subjects = [c.i for c in first.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return []
    return [m for m in _modifiers(first, set()) if m and m[-1].i < min(subjects)]






def clause_candidates(
    verb: Token, subjects: list[list[Token]], prefix: tuple[Token, ...] = (), inherited: tuple[tuple[Token, ...], ...] = ()
) -> Iterator[Candidate]:
    """Tuples of one clause: ``prefix`` (a governing verb's relation words) + the verb's own.

    ``inherited`` are modifiers of the governing verb, which a controlled verb shares.
    """
    subjects = [s for s in subjects if s]
    if not subjects:
        return
    relation = list(prefix) + _relation_core(verb)
    # The direct object before an indirect one: "gave [local councils] [the power]".
    objects = sorted((c for c in verb.children if c.dep_ in _OBJECT_DEPS), key=lambda c: (c.dep_ == "dative", c.i))
    used: set[int] = set()
    arg2: list[Token] = []
    rule = "object"
    # Control: "were able to reinforce the hotel", "tried to woo Lydia": one relation phrase.
    holder = next((o for o in objects if o.dep_ == "acomp" and controlled_clause(o) is not None), None)
    controlled = controlled_clause(holder) if holder is not None else controlled_clause(verb)
    if controlled is not None and not any(o.dep_ in {"dobj", "attr"} for o in objects):
        chain = tuple(relation + ([holder] if holder is not None else []))
        shared = inherited + tuple(tuple(m) for m in _modifiers(verb, set()) + _shared_modifiers(verb))
        yield from clause_candidates(controlled, subjects, chain, shared)
        for conj in (c for c in controlled.children if c.dep_ == "conj" and c.pos_ in PREDICATE_POS and not has_own_subject(c)):
            to = tuple(c for c in controlled.children if c.dep_ == "aux" and c.lower_ == "to")
            yield from clause_candidates(conj, subjects, chain + tuple(t for t in to if not any(a.lower_ == "to" for a in conj.children)), shared)
        return
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    right_preps = [c for c in verb.children if c.dep_ in _PREP_DEPS and c.i > verb.i and pobj(c) is not None]
    if objects:
        obj = objects[0]
        used.add(obj.i)
        antecedent = relative_antecedent(verb)
        if obj.dep_ == "dobj" and is_relative_pronoun(obj) and antecedent is not None:
            arg2 = noun_phrase(antecedent, inside=verb)
        else:
            arg2 = noun_phrase(obj)
    elif ccomp is not None:
        # "indicated that organic compounds could carry current": the complementiser joins the relation.
        used.add(ccomp.i)
        marks = [c for c in ccomp.children if c.dep_ == "mark"]
        relation += marks
        arg2 = trim([t for t in subtree(ccomp, frozenset()) if t not in marks])
        rule = "complement"
    elif right_preps:
        # No object: the first preposition after the verb joins the relation ("relocated to",
        # "started on"). Time and place phrases stay modifiers when another phrase can take the slot.
        ranked = sorted(right_preps, key=lambda p: (_is_time(list(p.subtree)) or _is_place(list(p.subtree)), p.i))
        prep = ranked[0]
        used.add(prep.i)
        relation.append(prep)
        arg2 = noun_phrase(pobj(prep))  # type: ignore[arg-type]
        rule = "preposition"
    else:
        rule = "intransitive"
    lead = ""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in _AUX_DEPS for c in verb.children):
        # Reduced relative: "excess pressure caused by thermal expansion" -> "is caused by".
        lead = copula(verb.head)
    rest = _modifiers(verb, used) + _shared_modifiers(verb) + [list(m) for m in inherited]
    if not arg2 and rest:
        # "was abandoned several years later": a modifier is the only complement there is.
        arg2, rest = rest[0], rest[1:]
        rule = "modifier"
    # "was a notable influence on | John Buchan", "is iconic for | Americans": the complement's
    # words up to its first preposition join the relation, the preposition's object is arg2.
    nominal = _nominal_relation(objects[0]) if objects and rule == "object" and objects[0].dep_ in NOMINAL_RELATION_DEPS else None
    for subject in subjects:
        fields = [tuple(subject)] + ([tuple(arg2)] if arg2 else []) + [tuple(m) for m in rest]
        yield Candidate(tuple(sorted(relation, key=lambda t: t.i)), tuple(fields), rule, lead)
        if nominal is not None:
            words, obj = nominal
            fields = [tuple(subject), tuple(obj)] + [tuple(m) for m in rest]
            yield Candidate(tuple(sorted(relation + words, key=lambda t: t.i)), tuple(fields), "nominal", lead)


NOMINAL_RELATION_DEPS = frozenset({"attr", "acomp"})


def _nominal_relation(complement: Token) -> tuple[list[Token], list[Token]] | None:
    """Relation words and object when a complement ends in a prepositional phrase.

    "a notable influence on John Buchan" -> ("a notable influence on", "John Buchan").
    """
    prep = next((c for c in complement.children if c.dep_ == "prep" and c.i > complement.i and pobj(c) is not None), None)
    if prep is None:
        return None
    obj = noun_phrase(pobj(prep))  # type: ignore[arg-type]
    if pobj(prep).dep_ != "pobj":  # type: ignore[union-attr]
        return None
    taken = {t.i for t in obj}
    words = [t for t in subtree(complement) if t.i <= prep.i and t.i not in taken]
    words = [t for t in words if not (t.i > complement.i and t.head.i > prep.i)]
    return words, obj




def is_merged(token: Token) -> bool:
    """True for a controlled verb whose tuples come with its governor's ("to woo" in "tried to woo")."""
    current = token
    if current.dep_ == "conj" and not has_own_subject(current):
        current = current.head
    if current.dep_ != "xcomp" or has_own_subject(current):
        return False
    head = current.head
    if head.dep_ == "acomp":
        head = head.head
    return head.pos_ in PREDICATE_POS and not any(o.dep_ in {"dobj", "attr"} for o in head.children)
