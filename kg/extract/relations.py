"""Statements from the dependency parse of one sentence: verb frames, event nouns, titles, tariffs.

Input is a sentence Span plus a ``SentenceContext`` that knows the passage's mentions; output
is ``kg.model.Statement`` records whose arguments are still unresolved Mentions.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from kg.components import is_leader_modifier
from kg.extract.normalize import parse_offset, parse_quantity, shift_date
from kg.gazetteer import country_code, country_name, demonym_code, region_name
from kg.extract.qualifiers import date_of, location_of, modality_of, polarity_of
from kg.lexicon import (
    KILLER_NOUNS,
    KILLING_NOUNS,
    LEADER_SUFFIXES,
    RESIDENT_NOUNS,
    LIGHT_VERBS,
    NOUN_PREDICATES,
    PREPOSITION_OBJECTS,
    TARIFF_NOUNS,
    TITLE_HEADS,
    VERB_PREDICATES,
)
from kg.model import Argument, Evidence, Mention, Passage, Qualifiers, Quantity, Statement

_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
# Clause links through which a verb with no subject of its own shares its governor's subject.
_SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_LEADER_WORDS = frozenset(suffix.lstrip("-") for suffix in LEADER_SUFFIXES)
_SYMMETRIC = frozenset({"meets", "speaksWith"})
_PLACE_TYPES = frozenset({"Place", "Country"})
# Statements about where something is that carry over from a town to the state after it.
_WHERE = frozenset({"basedIn", "livesIn", "locatedIn"})
# Lasting states rather than events: a sentence's date or place is not theirs.
_STATES = frozenset({"holdsPosition", "worksFor", "memberOf", "basedIn", "locatedIn", "livesIn", "organizes"})
# Predicates whose arguments must be agents (people, organisations, countries), not places.
_AGENT_TYPES = frozenset({"Person", "Organization", "Country"})
_SUBJECT_TYPES = {
    "worksFor": {"Person"},
    "livesIn": {"Person"},
    "kills": {"Person", "Organization"},
    "holdsPosition": {"Person"},
}
_OBJECT_TYPES = {
    "meets": _AGENT_TYPES,
    "speaksWith": _AGENT_TYPES,
    "worksFor": {"Organization", "Country"},
    "locatedIn": {"Place", "Country"},
    "basedIn": {"Place", "Country"},
    "livesIn": {"Place", "Country"},
    "kills": {"Person"},
    "attends": {"Event", "Organization"},
    "hosts": {"Event", "Organization"},
    "invitedTo": {"Event", "Agreement", "Organization"},
    "memberOf": {"Organization", "Agreement", "Event"},
    "tariffOn": {"Country"},
    "sanctions": _AGENT_TYPES,
}


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the rules need besides the sentence: mentions by token, the passage and its date."""

    passage: Passage
    mentions: dict[int, Mention]
    antecedent: Callable[[Token], Mention | None]
    published: date | None
    #: predicate -> ISO date of the latest dated statement so far in the document, for
    #: "the meetings came two days after a call" style arithmetic across sentences.
    dated: dict[str, str] = field(default_factory=dict)

    def evidence(self, sent: Span) -> Evidence:
        start = self.passage.start + sent.start_char
        return Evidence(self.passage.document.doc_id, sent.text, start, start + len(sent.text))


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _mention(token: Token, ctx: SentenceContext, allow_modifier: bool = True) -> tuple[Mention, float] | None:
    """The mention a noun-phrase head stands for, with a confidence factor for how it was found.

    Direct entity: 1.0. Pronoun resolved to the last person named: 0.85. A generic noun whose
    only named modifier is an entity ("Indian goods", "Quad cooperation"): 0.75.
    """
    if token.i in ctx.mentions:
        return ctx.mentions[token.i], 1.0
    if token.pos_ == "PRON":
        found = ctx.antecedent(token)
        return (found, 0.85) if found else None
    if not allow_modifier or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    named = {
        ctx.mentions[child.i]
        for child in token.children
        if child.dep_ in {"compound", "amod", "nmod", "poss"} and child.i in ctx.mentions and not is_leader_modifier(child)
    }
    if len(named) == 1:
        return named.pop(), 0.75
    return None


def _noun_predicate(noun: Token) -> str | None:
    """The predicate an event noun names ("talks" -> speaksWith), by surface form, then lemma."""
    return NOUN_PREDICATES.get(noun.lower_) or NOUN_PREDICATES.get(noun.lemma_.lower())


def _mention_pairs(
    subjects: list[Token], objects: list[Token], ctx: SentenceContext, object_modifier: bool
) -> Iterator[tuple[Token, tuple[Mention, float], tuple[Mention, float]]]:
    """(object token, subject mention, object mention) for every pair whose ends both name entities.

    Subjects must be named outright (or by pronoun); ``object_modifier`` lets an object be reached
    through a named modifier ("Indian goods" -> India).
    """
    for s in subjects:
        subject = _mention(s, ctx, allow_modifier=False)
        if subject is None:
            continue
        for o in objects:
            obj = _mention(o, ctx, allow_modifier=object_modifier)
            if obj is not None:
                yield o, subject, obj


def _subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Logical subjects of a verb, following control, coordination and relative clauses."""
    if depth > 6:
        return []
    if _is_passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return [t for a in agents for t in _conjuncts(a)]
    found = [t for c in verb.children if c.dep_ in _SUBJECT_DEPS for t in _conjuncts(c)]
    if found:
        if verb.dep_ == "relcl" and found[0].lower_ in _RELATIVE_PRONOUNS:
            return _conjuncts(verb.head)
        return found
    if verb.dep_ in _SUBJECT_SHARING_DEPS and verb.head != verb:
        # "ahead of attending X": pcomp under a preposition; climb to the governing verb.
        head = _governing_verb(verb)
        if head is None:
            return []
        if _is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
            # "X, convicted of murdering Y", "X was accused of killing Y": the passive's patient acts.
            return _patients(head)
        if verb.dep_ == "xcomp":
            # Object control ("invited India to join") before subject control ("hopes to host").
            objects = [c for c in head.children if c.dep_ == "dobj"]
            if objects:
                return _conjuncts(objects[0])
            patients = [c for c in head.children if c.dep_ in _PASSIVE_SUBJECT_DEPS]
            if patients:
                return _conjuncts(patients[0])
        return _subjects(head, depth + 1)
    return []


def _is_passive(verb: Token) -> bool:
    """Passive clause, including the reduced relative "the deal announced on Monday"."""
    if any(c.dep_ in _PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    # A participle with its own subject or a perfect "had" is active: "the statement that Chile had signed".
    own = any(c.dep_ in _SUBJECT_DEPS or (c.dep_ == "aux" and c.lemma_.lower() == "have") for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ == "acl" and not own


def _patients(verb: Token) -> list[Token]:
    """Passive subjects: the logical objects of a passive verb ("India is invited")."""
    patients = [t for c in verb.children if c.dep_ in _PASSIVE_SUBJECT_DEPS for t in _conjuncts(c)]
    if not patients and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        # "is expected to be invited": the raised subject sits on the governing verb.
        patients = [t for c in verb.head.children if c.dep_ in _PASSIVE_SUBJECT_DEPS | _SUBJECT_DEPS for t in _conjuncts(c)]
    if not patients and verb.dep_ == "acl":
        patients = _conjuncts(verb.head)
    return patients


def _prep_objects(token: Token, preps: tuple[str, ...] | None = None) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs under a token, optionally limited to some prepositions."""
    pairs = []
    for prep in token.children:
        if prep.dep_ not in {"prep", "agent", "dative"} or (preps is not None and prep.lower_ not in preps):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                pairs.extend((prep, o) for o in _conjuncts(obj))
    return pairs


def _types_ok(predicate: str, subject: Mention, obj: Mention | None) -> bool:
    if subject.type in {"Position", "Event", "Agreement"} and predicate != "relatedTo":
        return False
    if predicate in _SUBJECT_TYPES and subject.type not in _SUBJECT_TYPES[predicate]:
        return False
    if obj is not None and predicate in _OBJECT_TYPES and obj.type not in _OBJECT_TYPES[predicate]:
        return False
    return obj is None or obj.key != subject.key


class _Builder:
    """Collects statements for one sentence, filling qualifiers from the predicate's token."""

    def __init__(self, sent: Span, ctx: SentenceContext) -> None:
        self.sent = sent
        self.ctx = ctx
        self.evidence = ctx.evidence(sent)
        self.dates = [e for e in sent.ents if e.label_ == "DATE"]
        self.places = [(e, ctx.mentions[e.start]) for e in sent.ents if e.start in ctx.mentions and ctx.mentions[e.start].type in {"Place", "Country"}]
        self.out: list[Statement] = []

    def add(
        self,
        anchor: Token,
        subject: tuple[Mention, float],
        predicate: str,
        obj: tuple[Mention, float] | Quantity,
        relation: str,
        extractor: str,
        confidence: float,
        rate: Quantity | None = None,
        affiliation: Mention | None = None,
        presupposed: bool = False,
    ) -> None:
        """Record one statement; ``presupposed`` ones (titles, "-led") are asserted whatever embeds them."""
        subject_mention, subject_factor = subject
        if isinstance(obj, Quantity):
            argument, object_mention, factor = Argument(quantity=obj), None, 1.0
        else:
            object_mention, factor = obj
            argument = Argument(mention=object_mention)
        if not _types_ok(predicate, subject_mention, object_mention):
            return
        exclude = {subject_mention.key} | ({object_mention.key} if object_mention else set())
        clause = anchor if anchor.pos_ in {"VERB", "AUX"} else _governing_verb(anchor)
        when = where = None
        if predicate not in _STATES:
            when = date_of(anchor, self.dates, self.ctx.published)
            if when is None and clause is not None and clause != anchor:
                when = date_of(clause, self.dates, self.ctx.published)
            if when is None:
                when = self._relative_date(anchor)
            where = location_of(anchor, self.places, exclude)
            if where is None and clause is not None and clause != anchor:
                where = location_of(clause, self.places, exclude)
        qualifiers = Qualifiers(
            date=when,
            location=where,
            affiliation=affiliation,
            rate=rate,
            amount=obj if isinstance(obj, Quantity) and obj.currency else None,
        )
        polarity_anchor = clause if clause is not None else anchor
        self.out.append(
            Statement(
                subject=subject_mention,
                predicate=predicate,
                object=argument,
                relation=relation,
                evidence=self.evidence,
                extractor=extractor,
                qualifiers=qualifiers,
                polarity="positive" if presupposed else polarity_of(polarity_anchor),
                modality="asserted" if presupposed else modality_of(polarity_anchor),
                confidence=round(confidence * subject_factor * factor, 3),
            )
        )


    def _relative_date(self, anchor: Token) -> str | None:
        """"The meetings came two days after a call": date the call from the dated meetings.

        The anchor must be the object of "after"/"before" with a measured offset, in a clause whose
        subject is an event noun ("meetings") that an earlier statement of the document dated.
        """
        prep = anchor.head
        if anchor.dep_ != "pobj" or prep.lower_ not in {"after", "before"}:
            return None
        measure = [d for d in self.dates if d.root.head == prep or d.root.head == prep.head]
        verb = prep.head
        events = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and _noun_predicate(c)]
        if not measure or not events:
            return None
        offset = parse_offset(f"{measure[0].text} {prep.lower_}")
        reference = self.ctx.dated.get(_noun_predicate(events[0]))
        if offset is None or reference is None:
            return None
        # The anchor is offset days away from the event in the subject, in the other direction.
        return shift_date(reference, -offset)


def _governing_verb(token: Token) -> Token | None:
    current = token
    while current.head != current:
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            return current
    return current if current.pos_ in {"VERB", "AUX"} else None


def _verb_statements(verb: Token, b: _Builder) -> None:
    """Subject-verb-object frames, closed predicates first, then open ``relatedTo``."""
    ctx = b.ctx
    lemma = verb.lemma_.lower()
    predicate = VERB_PREDICATES.get(lemma)
    passive = _is_passive(verb)
    if predicate is None and lemma == "bear" and passive:
        # "X was born in Y": kg has no birthplace predicate; the home town is where X lived.
        predicate = "livesIn"
    subjects = _subjects(verb)
    if predicate == "invitedTo":
        _invitation(verb, b, passive)
        return
    if passive:
        objects = _patients(verb)
        if predicate in {"locatedIn", "basedIn", "livesIn"}:
            # "X, based in Y", "X was born in Y": the patient is the subject and the place the object.
            subjects, objects = objects, [o for _, o in _prep_objects(verb, PREPOSITION_OBJECTS[predicate])]
    else:
        objects = [t for c in verb.children if c.dep_ in _OBJECT_DEPS for t in _conjuncts(c)]
    prep_pairs = _prep_objects(verb, PREPOSITION_OBJECTS.get(predicate or "", ()))
    if predicate in {"livesIn", "worksFor", "memberOf"} or (predicate in PREPOSITION_OBJECTS and not objects):
        objects = objects + [o for _, o in prep_pairs if o not in objects]
    relation = _relation_text(verb, prep_pairs)
    if predicate is None and lemma in LIGHT_VERBS:
        _light_verb(verb, subjects, b)
        return
    if predicate is None:
        objects = objects + [o for _, o in _prep_objects(verb) if o.i in ctx.mentions]
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
    invitees = _patients(verb) if passive else [t for c in verb.children if c.dep_ == "dobj" for t in _conjuncts(c)]
    targets = [o for _, o in _prep_objects(verb, ("to", "for"))]
    for child in verb.children:
        if child.dep_ == "xcomp":
            # "invited to join the initiative": the event is the complement verb's object.
            targets.extend(t for c in child.children if c.dep_ in {"dobj", "attr"} for t in _conjuncts(c))
            targets.extend(o for _, o in _prep_objects(child, ("in", "at", "to")))
    for _, subject, obj in _mention_pairs(invitees, targets, b.ctx, object_modifier=False):
        b.add(verb, subject, "invitedTo", obj, "invited to", "kg.rules.invitedTo.v1", 0.85)


def _light_verb(verb: Token, subjects: list[Token], b: _Builder) -> None:
    """"held talks with X", "expressed support for X": the object noun carries the predicate."""
    for noun in (c for c in verb.children if c.dep_ == "dobj"):
        predicate = _noun_predicate(noun)
        if predicate is None:
            continue
        targets = [o for _, o in _prep_objects(noun, ("with", "for", "to", "of", "against", "on"))]
        targets += [o for _, o in _prep_objects(verb, ("with", "for", "to"))]
        for t, subject, obj in _mention_pairs(subjects, targets, b.ctx, object_modifier=True):
            b.add(verb, subject, predicate, obj, f"{verb.text} {noun.text} {t.head.text}", f"kg.rules.{predicate}.noun.v1", 0.8)


def _noun_statements(noun: Token, b: _Builder) -> None:
    """Event nouns: "a call between X and Y", "X's visit to Y", "talks with X"."""
    ctx = b.ctx
    if noun.lower_ in KILLING_NOUNS or noun.lemma_.lower() in KILLING_NOUNS:
        _killing_noun(noun, b)
        return
    if noun.lower_ in KILLER_NOUNS or noun.lemma_.lower() in KILLER_NOUNS:
        _killer_noun(noun, b)
        return
    if noun.lemma_.lower() in RESIDENT_NOUNS:
        _resident_noun(noun, b)
        return
    predicate = _noun_predicate(noun)
    if predicate is None or (noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS):
        return
    between = [o for _, o in _prep_objects(noun, ("between", "among"))]
    if len(between) >= 2 and predicate in _SYMMETRIC:
        first = _mention(between[0], ctx, allow_modifier=False)
        for other in between[1:]:
            second = _mention(other, ctx, allow_modifier=False)
            if first and second:
                b.add(noun, first, predicate, second, f"{noun.text} between", f"kg.rules.{predicate}.noun.v1", 0.8)
        return
    owners = [c for c in noun.children if c.dep_ == "poss"]
    targets = [o for _, o in _prep_objects(noun, ("to", "with", "for", "of"))]
    for t, subject, obj in _mention_pairs(owners, targets, ctx, object_modifier=False):
        b.add(noun, subject, predicate, obj, f"{noun.text} {t.head.text}", f"kg.rules.{predicate}.noun.v1", 0.75)


def _leader_statements(token: Token, b: _Builder) -> None:
    """"the U.S.-led initiative": the country or group before "-led" organises the thing.

    The tokenizer keeps "U.S.-led" whole but splits "Saudi-led" into "Saudi", "-", "led".
    """
    split = token.lower_ in _LEADER_WORDS and token.i >= 2 and token.nbor(-1).text == "-"
    if not is_leader_modifier(token) and not split:
        return
    target = b.ctx.mentions.get(token.head.i)
    organiser = _organiser(token.nbor(-2), b.ctx, whole=True) if split else _organiser(token, b.ctx)
    if target is None or organiser is None:
        return
    b.add(token.head, (organiser, 1.0), "organizes", (target, 1.0), token.text, "kg.rules.led.v1", 0.8, presupposed=True)


def _organiser(token: Token, ctx: SentenceContext, whole: bool = False) -> Mention | None:
    """The mention of the name inside a "-led" token (or the whole token), with offsets of just that name."""
    if whole and token.i in ctx.mentions:
        return ctx.mentions[token.i]
    name = token.text if whole else token.text.rsplit("-", 1)[0]
    start = ctx.passage.start + token.idx
    doc_id = ctx.passage.document.doc_id
    code = country_code(name) or demonym_code(name)
    if code is not None:
        return Mention(doc_id, start, start + len(name), name, "Country", country_name(code), f"country:{code}")
    known = [m for m in ctx.mentions.values() if m.name == name]
    if known:
        m = known[0]
        return Mention(doc_id, start, start + len(name), name, m.type, m.name, m.key)
    return None


def _position_statements(sent: Span, b: _Builder) -> None:
    """Titles before names ("U.S. Secretary of State Marco Rubio") and appositions ("X, chairman of Y")."""
    ctx = b.ctx
    doc = sent.doc
    for ent in sent.ents:
        if ent.label_ != "TITLE" or ent.end >= len(doc) or ent.end not in ctx.mentions:
            continue
        person = ctx.mentions[ent.end]
        title = ctx.mentions.get(ent.start)
        if title is None or person.type != "Person":
            continue
        affiliation = ctx.mentions.get(ent.start - 1) if ent.start > sent.start else None
        if affiliation is not None and affiliation.type not in {"Country", "Organization"}:
            affiliation = None
        b.add(doc[ent.end], (person, 1.0), "holdsPosition", (title, 1.0), ent.text, "kg.rules.title.v1", 0.9, affiliation=affiliation, presupposed=True)
    for token in sent:
        if token.dep_ != "appos" or token.pos_ != "NOUN" and token.lemma_.lower() not in TITLE_HEADS:
            continue
        person = _mention(token.head, ctx, allow_modifier=False)
        if person is None or person[0].type != "Person":
            continue
        if token.lemma_.lower() in TITLE_HEADS:
            _apposition(token, person, b)
            continue
        # Any other occupation: "X, a lawyer for the Y", "X, an engineer at Y" (no position entity).
        for _, org in _prep_objects(token, ("for", "at", "with", "of")):
            found = _mention(org, ctx, allow_modifier=False)
            if found and found[0].type == "Organization":
                b.add(token, person, "worksFor", found, f"{token.text} {org.head.text}", "kg.rules.appos.v1", 0.7, presupposed=True)


def _apposition(title: Token, person: tuple[Mention, float], b: _Builder) -> None:
    ctx = b.ctx
    words = [t for t in title.subtree if t.i <= title.i and t.dep_ not in {"det", "poss", "punct"} and t.i not in ctx.mentions]
    if not words:
        return
    start, end = words[0].idx, title.idx + len(title.text)
    text = title.doc.text[start:end]
    doc_id = ctx.passage.document.doc_id
    offset = ctx.passage.start
    position = Mention(doc_id, offset + start, offset + end, text, "Position", text, f"position:{text.lower()}")
    affiliation = None
    for _, org in _prep_objects(title, ("of", "at", "for")):
        found = _mention(org, ctx, allow_modifier=False)
        if found and found[0].type in {"Organization", "Country"}:
            affiliation = found[0]
            b.add(title, person, "worksFor", found, f"{title.text} of", "kg.rules.appos.v1", 0.75)
    b.add(title, person, "holdsPosition", (position, 1.0), title.text, "kg.rules.appos.v1", 0.8, affiliation=affiliation, presupposed=True)


def _tariff_statements(sent: Span, b: _Builder) -> None:
    """"U.S. tariffs on Indian goods to 18%": imposer, target and rate of each tariff noun.

    A tariff phrase that leaves out who imposes it on whom ("and the cancellation of 25% penalty
    tariffs") takes them from the previous tariff phrase of the same sentence.
    """
    ctx = b.ctx
    last_imposer = last_target = None
    for noun in sent:
        if noun.lower_ not in TARIFF_NOUNS or noun.pos_ != "NOUN":
            continue
        imposer = None
        for child in noun.children:
            if child.dep_ in {"compound", "nmod", "poss", "amod"} and child.i in ctx.mentions and ctx.mentions[child.i].type == "Country":
                imposer = (ctx.mentions[child.i], 1.0)
        # "X imposed tariffs on Y", "Y retaliated with tariffs on X": the clause's subject imposes.
        verb = noun.head if noun.dep_ == "dobj" else (noun.head.head if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" else None)
        if imposer is None and verb is not None:
            for s in _subjects(verb):
                found = _mention(s, ctx, allow_modifier=False)
                if found and found[0].type == "Country":
                    imposer = found
        target = None
        for _, obj in _prep_objects(noun, ("on", "against", "for")) + (_prep_objects(verb, ("on", "against")) if verb is not None else []):
            found = _mention(obj, ctx)
            if found and found[0].type == "Country":
                target = found
                break
        imposer = imposer or last_imposer
        target = target or last_target
        rate = _rate_of(noun)
        last_imposer, last_target = imposer, target
        if imposer is None or target is None or rate is None:
            continue
        b.add(noun, imposer, "tariffOn", target, noun.text, "kg.rules.tariff.v1", 0.8, rate=rate)


def _rate_of(noun: Token) -> Quantity | None:
    """The percentage a tariff is set at: "25% tariffs", "tariffs of 25%", "(cut) ... to 18%"."""
    percents = [e for e in noun.sent.ents if e.label_ == "PERCENT"]
    for ent in percents:
        # Pre-nominal rate: the percentage modifies the tariff noun directly or through a compound.
        if ent.root.head == noun or (ent.root.head.head == noun and ent.root.head.i < noun.i):
            return parse_quantity(ent.text)
    for ent in percents:
        prep = ent.root.head
        if ent.root.dep_ == "pobj" and prep.lower_ in {"of", "at", "to"}:
            # "tariffs of 25%" or "a reduction in tariffs ... to 18%", attached up the tree.
            governor = prep.head
            ancestors = {a.i for a in noun.ancestors}
            if governor == noun or governor.i in ancestors or any(c.i in ancestors or c == noun for c in governor.subtree if c.dep_ == "dobj"):
                return parse_quantity(ent.text)
    return None


def _killing_noun(noun: Token, b: _Builder) -> None:
    """"the assassination of Lincoln by Booth", "Booth's murder of Lincoln": killer and victim."""
    victims = [o for _, o in _prep_objects(noun, ("of",))]
    killers = [o for _, o in _prep_objects(noun, ("by",))]
    if victims:
        # Without "of" the possessive is the victim ("Lincoln's assassination"), so it names no killer.
        killers += [c for c in noun.children if c.dep_ == "poss"]
    for _, subject, obj in _mention_pairs(killers, victims, b.ctx, object_modifier=False):
        b.add(noun, subject, "kills", obj, f"{noun.text} of", "kg.rules.kills.noun.v1", 0.75)


def _killer_noun(noun: Token, b: _Builder) -> None:
    """"Lincoln's assassin, John Wilkes Booth", "Booth, the killer of Lincoln": the killer is the
    name the noun stands in apposition to; the victim its possessive or "of" object."""
    victims = [c for c in noun.children if c.dep_ == "poss"] + [o for _, o in _prep_objects(noun, ("of",))]
    killers = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in {"appos", "compound"}:
        killers.append(noun.head)
    elif noun.dep_ == "attr":
        killers += [c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS]
    for _, subject, obj in _mention_pairs(killers, victims, b.ctx, object_modifier=False):
        b.add(noun, subject, "kills", obj, noun.text, "kg.rules.kills.noun.v1", 0.7, presupposed=True)


def _resident_noun(noun: Token, b: _Builder) -> None:
    """"X, a resident of Y", "X is a native of Y", "X, an Ohio native": where a person lives."""
    places = [o for _, o in _prep_objects(noun, ("of", "in", "from"))]
    places += [c for c in noun.children if c.dep_ in {"compound", "nmod", "poss"}]
    people = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        people.append(noun.head)
    elif noun.dep_ == "attr":
        people += [c for c in noun.head.children if c.dep_ in _SUBJECT_DEPS]
    for _, subject, obj in _mention_pairs(people, places, b.ctx, object_modifier=False):
        b.add(noun, subject, "livesIn", obj, f"{noun.text} of", "kg.rules.resident.v1", 0.8, presupposed=True)


def _mention_spans(sent: Span, ctx: SentenceContext) -> list[tuple[Mention, int, int]]:
    """The sentence's mentions with their token spans (start, end), in text order."""
    found: dict[Mention, tuple[int, int]] = {}
    for i in range(sent.start, sent.end):
        m = ctx.mentions.get(i)
        if m is not None:
            start, end = found.get(m, (i, i + 1))
            found[m] = (min(start, i), max(end, i + 1))
    return sorted(((m, s, e) for m, (s, e) in found.items()), key=lambda x: x[1])


def _regions(sent: Span, spans: list[tuple[Mention, int, int]]) -> dict[Mention, tuple[Mention, int]]:
    """Place -> (the state or country named after it and a comma, its token): "Greenville, S.C."."""
    doc = sent.doc
    by_start = {s: (m, e) for m, s, e in spans}
    out: dict[Mention, tuple[Mention, int]] = {}
    for m, s, e in spans:
        if m.type != "Place" or e + 1 >= sent.end or doc[e].text != "," or e + 1 not in by_start:
            continue
        region, end = by_start[e + 1]
        if region.type not in _PLACE_TYPES or not (region_name(region.text) or country_code(region.text)):
            continue
        if region_name(m.text) or country_code(m.text):
            # "Ohio, Texas and Utah": a list of states, not a town and its state.
            continue
        if end < sent.end and doc[end].lower_ in {"and", "or"}:
            continue
        out[m] = (region, e + 1)
    return out


def _place_statements(sent: Span, b: _Builder) -> None:
    """Where things are, from noun-phrase shapes rather than verbs.

    "Greenville, S.C." (town locatedIn state); "Acme Corp. of Boston", "the Red Cross in Geneva"
    (organisation basedIn place); "Sultan Qaboos of Oman", "Smith, of Dayton" (person livesIn
    place); "a Seattle-based company" (basedIn).
    """
    ctx = b.ctx
    doc = sent.doc
    spans = _mention_spans(sent, ctx)
    for place, (region, at) in _regions(sent, spans).items():
        b.add(doc[at], (place, 1.0), "locatedIn", (region, 1.0), ",", "kg.rules.placeAppos.v1", 0.8, presupposed=True)
    for m, s, e in spans:
        if m.type not in {"Organization", "Person"}:
            continue
        root = doc[s:e].root
        preps = ("of", "in", "at") if m.type == "Organization" else ("of", "from")
        predicate = "basedIn" if m.type == "Organization" else "livesIn"
        for prep, obj in _prep_objects(root, preps):
            found = _mention(obj, ctx, allow_modifier=False)
            if found is None or found[0].type not in _PLACE_TYPES or found[0] == m:
                continue
            b.add(root, (m, 1.0), predicate, found, prep.text, f"kg.rules.{predicate}.np.v1", 0.7, presupposed=True)
    for token in sent:
        _based_statements(token, b)


def _based_statements(token: Token, b: _Builder) -> None:
    """"a Seattle-based company", "the London-based bank": the modified name is based in the place."""
    ctx = b.ctx
    split = token.lower_ == "based" and token.i >= 2 and token.nbor(-1).text == "-"
    if not split and not (token.lower_.endswith("-based") and len(token) > 6):
        return
    if split:
        place = ctx.mentions.get(token.i - 2)
    else:
        place = _organiser(token, ctx) if token.i not in ctx.mentions else None
    if place is None or place.type not in _PLACE_TYPES:
        return
    head = token.head
    targets = [head]
    if head.dep_ == "appos":
        targets.append(head.head)
    elif head.dep_ == "attr":
        targets += [c for c in head.head.children if c.dep_ in _SUBJECT_DEPS]
    targets += [c for c in head.children if c.dep_ == "appos"]
    for t in targets:
        found = _mention(t, ctx, allow_modifier=False)
        if found is not None and found[0].type == "Organization":
            b.add(token, found, "basedIn", (place, 1.0), token.text, "kg.rules.based.v1", 0.8, presupposed=True)
            return


def _carry_to_regions(sent: Span, b: _Builder) -> None:
    """"based in Alexandria, Va.": whatever is in the town is in its state too."""
    regions = _regions(sent, _mention_spans(sent, b.ctx))
    stated = {(s.subject, s.predicate, s.object.mention) for s in b.out}
    for s in list(b.out):
        obj = s.object.mention
        if s.predicate not in _WHERE or obj not in regions or s.polarity != "positive":
            continue
        region = regions[obj][0]
        if (s.subject, s.predicate, region) in stated or region.key == s.subject.key:
            continue
        stated.add((s.subject, s.predicate, region))
        b.out.append(replace(s, object=Argument(mention=region), extractor=s.extractor + "+region", confidence=round(s.confidence * 0.9, 3)))


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
