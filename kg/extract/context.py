"""What every relation rule shares: a sentence Span + ``SentenceContext`` -> Mentions for tokens,
logical arguments (subjects, patients, preposition objects), and typed, qualified Statements.

``_Builder`` collects one sentence's statements; the rules live in ``relations`` (verb frames)
and ``nominal`` (noun phrases).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from kg.components import is_leader_modifier
from kg.extract.normalize import parse_offset, shift_date
from kg.extract.qualifiers import date_of, location_of, modality_of, polarity_of
from kg.lexicon import NOUN_PREDICATES
from kg.syntax import SUBJECT_DEPS, governing_verb
from kg.model import Argument, Evidence, Mention, Passage, Qualifiers, Quantity, Statement

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
        clause = anchor if anchor.pos_ in {"VERB", "AUX"} else governing_verb(anchor)
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
        events = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and _noun_predicate(c)]
        if not measure or not events:
            return None
        offset = parse_offset(f"{measure[0].text} {prep.lower_}")
        reference = self.ctx.dated.get(_noun_predicate(events[0]))
        if offset is None or reference is None:
            return None
        # The anchor is offset days away from the event in the subject, in the other direction.
        return shift_date(reference, -offset)

