"""What every relation rule shares: a sentence Span + ``SentenceContext`` -> Mentions for tokens,
and a ``Builder`` that turns (anchor token, subject, predicate, object) into typed, qualified
Statements, checking each against the predicate's declared domain and range (``kg.predicates``).

The rules live in ``frames`` (verb, noun and adjective frames), ``positions`` (titles and
appositions), ``figures`` (reported figures), ``places`` and ``nominal`` (other noun-phrase shapes).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from kg import predicates
from kg.components import is_leader_modifier
from kg.normalize import parse_offset, resolve_date, shift_date
from kg.lexicon import OCCUPATION_NOUNS, ORGANIZATION_KINDS, POSTNOMINAL_TITLES, SPOKESPEOPLE
from kg.extract.coref import RESOLVED_PRONOUNS
from kg.extract.qualifiers import ahead_in_time, date_of, given_up, happened_before, location_of, modality_of, no_longer, polarity_of, status_of
from kg.model import Argument, Evidence, Mention, Passage, Qualifiers, Quantity, Statement
from kg.syntax import SUBJECT_DEPS, governing_verb, is_spaced_dash, prep_objects

__all__ = ["HOLDS", "MODIFIER_FACTOR", "NAMED_FACTOR", "Builder", "SentenceContext", "mention_pairs", "token_mention", "types_ok"]

#: (Mention, confidence factor): how surely a token stands for the mention.
Found = tuple[Mention, float]
#: The factor of a description standing for the one name in apposition to it ("the bank, Absa"):
#: at or above it, a token names its mention.
NAMED_FACTOR = 0.95
#: The factor of a generic noun reached through its one named modifier ("Indian goods" -> India).
MODIFIER_FACTOR = 0.75


#: A status for ``Builder.add`` that keeps the anchor's "former" off a state that goes on:
#: "Former Labour prime minister Lord Callaghan" held the office, and is still Labour's.
HOLDS = "holds"


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What the rules need besides the sentence: mentions by token, the passage and its date."""

    passage: Passage
    mentions: dict[int, Mention]
    antecedent: Callable[[Token], Found | None]
    published: date | None
    #: predicate -> ISO date of the latest dated statement so far in the document, for
    #: "the meetings came two days after a call" style arithmetic across sentences.
    dated: dict[str, str] = field(default_factory=dict)
    #: (document offset) -> the organisation or country the article is about so far, for figures
    #: a sentence gives without saying whose they are ("Sales climbed to 36bn kroner").
    topic: Callable[[int], Found | None] = lambda start: None
    #: (plural description) -> the names it stands for together ("the two countries"), or [].
    group: Callable[[Token], list[Found]] = lambda token: []

    def name_end(self, start: int, limit: int) -> int:
        """The index just past the mention that covers token ``start`` (no further than ``limit``)."""
        mention = self.mentions.get(start)
        end = start
        while end < limit and self.mentions.get(end) == mention:
            end += 1
        return end

    def passage_text(self, start: int, end: int) -> str:
        """The passage's characters ``start:end`` (a Doc's character offsets), from the document's
        text: ``Doc.text`` joins every token of the passage again."""
        return self.passage.document.text[self.passage.start + start : self.passage.start + end]

    def evidence(self, sent: Span) -> Evidence:
        start = self.passage.start + sent.start_char
        end = self.passage.start + sent.end_char
        # The document's own characters: the Doc was made from them, and ``Span.text`` would
        # join the sentence's tokens again.
        return Evidence(self.passage.document.doc_id, self.passage.document.text[start:end], start, end)


#: Nouns of things someone does or decides, which stand for the doer when judged or welcomed.
ACT_NOUNS = frozenset(
    "decision move plan proposal policy handling comment remark stance approach action conduct effort offer "
    "announcement initiative ruling statement intervention response reform claim promise pledge suggestion warning "
    "ambition record behaviour behavior leadership".split()
)


#: Nouns of a share in something: the name before one is its owner, never the thing it stands for.
_HOLDINGS = frozenset({"stake", "holding", "shareholding"})

#: Bodies of a firm that act in its name ("the company's board", "MCI's directors").
_SPEAKS_FOR_ITS_FIRM = frozenset({"director", "directors", "board", "management"})


#: Heads of a firm's name that the model leaves out of the name: "the Lagardere group".
_FIRM_HEADS = frozenset({"group", "company", "firm", "corporation", "conglomerate"})


def _name_of(token: Token, ctx: SentenceContext) -> Mention | None:
    """The name a common noun stands for: the one name in apposition to it ("the German arm of
    US carmaker - General Motors"), or the firm's name before "group" ("the Lagardere group")."""
    if token.pos_ != "NOUN":
        return None
    # Not a list: "the six largest economies (Argentina, Brazil and Chile)" names members.
    appos = {ctx.mentions[c.i] for c in token.children
             if c.dep_ == "appos" and c.i in ctx.mentions and not any(t.pos_ == "PROPN" for t in c.conjuncts)}
    if len(appos) == 1:
        return appos.pop()
    following = ctx.mentions.get(token.i + 1)
    if following is not None and following in appos:
        # "US carmaker General Motors - and retailer KarstadtQuelle": the parser may hang a later
        # name off the noun too; the name right after it is its own.
        return following
    if not appos and following is not None and following.type == "Organization" and token.lemma_.lower() in ORGANIZATION_KINDS:
        # "the German arm of US carmaker Ford - lost": a spaced dash can break the parse of a
        # close apposition; a firm's kind right before a name that ends the phrase is that firm.
        end = ctx.name_end(token.i + 1, len(token.doc))
        if end < len(token.doc) and (is_spaced_dash(token.doc[end]) or token.doc[end].text in {",", ")"}):
            return following
    if token.lemma_.lower() in _FIRM_HEADS:
        firms = {ctx.mentions[c.i] for c in token.children if c.dep_ == "compound" and c.i in ctx.mentions and ctx.mentions[c.i].type == "Organization"}
        if len(firms) == 1:
            return firms.pop()
    return None


def token_mention(token: Token, ctx: SentenceContext, allow_modifier: bool = True) -> Found | None:
    """The mention a noun-phrase head stands for, with a confidence factor for how it was found.

    Direct entity: 1.0. Pronoun or description resolved to an earlier name (``kg.extract.coref``):
    its own factor, below 1. A generic noun whose only named modifier is an entity ("Indian
    goods", "Quad cooperation"): 0.75.
    """
    if token.i in ctx.mentions:
        found = ctx.mentions[token.i]
        if found.type == "Position" and token.text in POSTNOMINAL_TITLES:
            # "Tom Hensley QC, a member of ...": the parser heads the name with the title after it.
            people = {ctx.mentions[c.i] for c in token.children if c.dep_ == "compound" and c.i in ctx.mentions and ctx.mentions[c.i].type == "Person"}
            if len(people) == 1:
                return people.pop(), 1.0
        return found, 1.0
    found = ctx.antecedent(token)
    if found is not None:
        return found
    named = _name_of(token, ctx)
    if named is not None:
        return named, NAMED_FACTOR
    if token.lemma_.lower() in _SPEAKS_FOR_ITS_FIRM:
        # "MCI's directors have backed Verizon": a firm's board acts for the firm.
        firms = [ctx.mentions[c.i] for c in token.children if c.dep_ == "poss" and c.i in ctx.mentions and ctx.mentions[c.i].type == "Organization"]
        if len(firms) == 1:
            return firms[0], 0.8
    if token.lemma_.lower() in SPOKESPEOPLE:
        # "A spokesman for UKIP called on Mr Hale to quit": a spokesperson acts in its body's name.
        bodies = {ctx.mentions[t.i] for t in token.subtree if t.i in ctx.mentions and ctx.mentions[t.i].type in {"Organization", "Country"}
                  and (t.head == token and t.dep_ in {"poss", "compound"} or t.head.head == token and t.head.lower_ == "for" and t.dep_ == "pobj")}
        if len(bodies) == 1:
            return bodies.pop(), 0.8
    if not allow_modifier or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if token.lemma_.lower() in _HOLDINGS:
        # "buy Alfa-Eco's stake in Sun Interbrew": a holding's owner is who sells it, not what is bought.
        return None
    # Any name among the words before the noun in its phrase: "Labour's plans", "its Travelers
    # Life insurance arm" (where the parser hangs the name off "insurance").
    named = {
        ctx.mentions[t.i]
        for t in token.subtree
        if t.i < token.i and t.i in ctx.mentions and not is_leader_modifier(t) and t.head.i <= token.i and not _before_participle(t)
    }
    if len(named) == 1:
        return named.pop(), MODIFIER_FACTOR
    if not named and token.lemma_.lower() in ACT_NOUNS:
        # "welcomed the decision by India", "attacked the handling of the crisis by the BBC": an act
        # stands for whoever did it.
        # "the claims made on Monday by Mr Howard": also through the participle that says who made it.
        heads = [token, *(c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN")]
        agents = {ctx.mentions[o.i] for h in heads for p in h.children if p.dep_ in {"prep", "agent"} and p.lower_ == "by"
                  for o in p.children if o.dep_ == "pobj" and o.i in ctx.mentions}
        if len(agents) == 1:
            return agents.pop(), 0.75
    return None


def _before_participle(name: Token) -> bool:
    """"the US-led coalition", "a Kremlin-backed plan": a name joined to a participle describes
    who leads or backs the thing; the thing is not the name's."""
    doc = name.doc
    return name.i + 2 < len(doc) and doc[name.i + 1].text == "-" and doc[name.i + 2].tag_ == "VBN"


def mention_pairs(
    subjects: list[Token], objects: list[Token], ctx: SentenceContext, object_modifier: bool
) -> Iterator[tuple[Token, Found, Found]]:
    """(object token, subject mention, object mention) for every pair whose ends both name entities.

    Subjects must be named outright (or by pronoun or description, a "the two countries" by the
    pair it stands for); ``object_modifier`` lets an
    object be reached through a named modifier ("Indian goods" -> India).
    """
    for s in subjects:
        subject = token_mention(s, ctx, allow_modifier=False)
        # "the two countries have signed a protocol": each of the two named before.
        for found in [subject] if subject is not None else ctx.group(s):
            for o in objects:
                obj = token_mention(o, ctx, allow_modifier=object_modifier)
                if obj is not None and not _owns_the_object(o, ctx) and not _one_of_its_people(o, ctx):
                    yield o, found, obj


def _one_of_its_people(token: Token, ctx: SentenceContext) -> bool:
    """A single person named by a job a body's name modifies ("accused an Evening Standard
    journalist", "met a BBC reporter"): that person, not the body (unlike "Indian goods", or
    "Treasury officials", who speak for it)."""
    return token.i not in ctx.mentions and token.tag_ == "NN" and token.lemma_.lower() in OCCUPATION_NOUNS


def _owns_the_object(token: Token, ctx: SentenceContext) -> bool:
    """Whether the name a token starts ends as the owner of another noun, where the parser hung
    the name and not that noun on the verb: "Launching the Department for Constitutional
    Affairs' plan" launched the plan, not the department."""
    if token.i not in ctx.mentions:
        return False
    end = ctx.name_end(token.i, len(token.doc)) - 1
    last = token.doc[end]
    return end != token.i and last.dep_ == "poss" and last.head.i > end


def types_ok(predicate: str, subject: Mention, obj: Mention | Quantity | None) -> bool:
    """True when the subject and object types fit the predicate's declared domain and range.

    Examples:
        >>> m = lambda kind: Mention("d", 0, 1, "x", kind, "x", f"{kind.lower()}:x")
        >>> types_ok("holdsPosition", m("Person"), m("Position")), types_ok("holdsPosition", m("Organization"), m("Position"))
        (True, False)
    """
    declared = predicates.get(predicate)
    if isinstance(obj, Quantity):
        return declared.admits(subject.type, "Quantity")
    return declared.admits(subject.type, None if obj is None else obj.type) and (obj is None or obj.key != subject.key)


class Builder:
    """Collects the statements of one sentence, filling qualifiers from the predicate's token."""

    def __init__(self, sent: Span, ctx: SentenceContext) -> None:
        self.sent = sent
        self.ctx = ctx
        # The sentence's tokens and entity spans, made once: spaCy makes new objects on every
        # pass over a span, and ``Span.ents`` walks the whole passage each time (together a
        # tenth of extraction, with a dozen rules reading each sentence).
        self.tokens: tuple[Token, ...] = tuple(sent)
        self.ents: tuple[Span, ...] = tuple(sent.ents)
        self.evidence = ctx.evidence(sent)
        self.dates = [e for e in self.ents if e.label_ == "DATE"]
        self.places = [(e, ctx.mentions[e.start]) for e in self.ents if e.start in ctx.mentions and ctx.mentions[e.start].type in {"Place", "Country"}]
        self.out: list[Statement] = []

    def add(
        self,
        anchor: Token,
        subject: Found,
        predicate: str,
        obj: Found | Quantity,
        relation: str,
        extractor: str,
        confidence: float,
        *,
        rate: Quantity | None = None,
        amount: Quantity | None = None,
        affiliation: Mention | None = None,
        buyer: Mention | None = None,
        metric: str | None = None,
        period: str | None = None,
        status: str | None = None,
        modality: str | None = None,
        polarity: str | None = None,
        presupposed: bool = False,
        title: bool = False,
        dated: Span | None = None,
        undated: Iterable[Span] = (),
    ) -> Statement | None:
        """Record one statement and return it (None when the types do not fit the predicate).

        ``dated`` is the statement's own date phrase, which its clause's other dates do not
        override ("revenues slipped from £3.24bn in 2003 to £2.89bn in 2004"); ``undated`` are
        date phrases of the clause that are not its date ("rose 10% on 2003": the year compared).

        ``status`` is read from the anchor unless given; ``HOLDS`` says the state has not ended
        whatever the anchor says. ``presupposed`` statements (titles, "-led") are asserted whatever embeds them;
        ``modality`` and ``polarity`` come from a frame ("bid for" is planned) and apply when the
        clause itself is plain; ``title`` keeps a position as a literal title, not an entity.
        """
        subject_mention, subject_factor = subject
        if isinstance(obj, Quantity):
            argument, object_mention, factor = Argument(quantity=obj), None, 1.0
        else:
            object_mention, factor = obj
            argument = Argument(title=object_mention) if title else Argument(mention=object_mention)
        if not types_ok(predicate, subject_mention, obj if isinstance(obj, Quantity) else object_mention):
            return None
        if object_mention is not None and subject_mention.text.lower() in RESOLVED_PRONOUNS and object_mention.text.lower() in RESOLVED_PRONOUNS:
            # "he'll use our money to buy it": two guesses at once are wrong more often than not
            # (11 of 15 such statements on the BBC pool).
            return None
        declared = predicates.get(predicate)
        exclude = {subject_mention.key} | ({object_mention.key} if object_mention else set())
        clause = anchor if anchor.pos_ in {"VERB", "AUX"} else governing_verb(anchor)
        when = where = None
        if not declared.state:
            if dated is not None:
                when = resolve_date(dated.text, self.ctx.published)
            else:
                skipped = set(undated)
                dates = [d for d in self.dates if d not in skipped] if skipped else self.dates
                when = date_of(anchor, dates, self.ctx.published)
                if when is None and clause is not None and clause != anchor:
                    when = date_of(clause, dates, self.ctx.published)
                if when is None:
                    when = self._relative_date(anchor)
            where = location_of(anchor, self.places, exclude)
            if where is None and clause is not None and clause != anchor:
                where = location_of(clause, self.places, exclude)
        if amount is None and isinstance(obj, Quantity) and obj.currency and predicate != "reports":
            amount = obj
        qualifiers = Qualifiers(
            date=when,
            location=where,
            affiliation=affiliation,
            rate=rate,
            amount=amount,
            status=None if status == HOLDS else status or (status_of(anchor) if declared.state else None),
            metric=metric,
            period=period,
            buyer=buyer,
        )
        polarity_anchor = clause if clause is not None else anchor
        if presupposed:
            said_polarity, said_modality = "positive", "asserted"
        else:
            figure = isinstance(obj, Quantity)
            said_polarity, said_modality = polarity_of(polarity_anchor), modality_of(polarity_anchor, forecast=figure)
            if anchor is not polarity_anchor and happened_before(anchor, clause):
                said_polarity = "positive"  # "failed to return after a trip to X": the trip was made
            if anchor is not polarity_anchor and anchor.pos_ == "NOUN" and given_up(anchor):
                said_polarity = "negative"  # "Tesco dropped its bid for Safeway"
            if said_modality == "asserted" and ahead_in_time(polarity_anchor, self.dates):
                said_modality = "planned"  # "is travelling to America next week"
            if not declared.state and no_longer(polarity_anchor):
                said_polarity = "negative"  # "no longer backs the plan"; a state it ends is former
            if anchor is not polarity_anchor and anchor.pos_ in {"NOUN", "PROPN"} and said_modality == "asserted":
                # "plans for a takeover of X": a noun's own governor may hedge it.
                said_modality = modality_of(anchor, forecast=figure)
        if polarity == "negative":
            # "opposed", "rejected": a negative verb; negated again ("did not oppose") it is positive.
            said_polarity = "positive" if said_polarity == "negative" else "negative"
        if modality is not None and said_modality in {"asserted", "reported"}:
            # A frame's own modality beats a saying, as a clause's own future does: "reported
            # that Qwest has bid for MCI" reports a planned acquisition, not a made one.
            said_modality = modality
        for earlier in self.out:
            if (earlier.subject, earlier.predicate, earlier.object, earlier.qualifiers.affiliation, earlier.qualifiers.rate, earlier.polarity) == (
                subject_mention, predicate, argument, affiliation, rate, said_polarity
            ):
                # Two rules read the same claim off one sentence (a parsed and a written apposition).
                return earlier
        statement = Statement(
            subject=subject_mention,
            predicate=predicate,
            object=argument,
            relation=relation,
            evidence=self.evidence,
            extractor=extractor,
            qualifiers=qualifiers,
            polarity=said_polarity,
            modality=said_modality,
            confidence=round(confidence * subject_factor * factor, 3),
        )
        self.out.append(statement)
        return statement

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
        events = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and _event_predicate(c)]
        if not measure or not events:
            return None
        offset = parse_offset(f"{measure[0].text} {prep.lower_}")
        reference = self.ctx.dated.get(_event_predicate(events[0]))  # type: ignore[arg-type]
        if offset is None or reference is None:
            return None
        # The anchor is offset days away from the event in the subject, in the other direction.
        return shift_date(reference, -offset)


def _event_predicate(noun: Token) -> str | None:
    """The predicate an event noun names ("meetings" -> meets), from the registry's noun frames."""
    for form in (noun.lower_, noun.lemma_.lower()):
        frames = predicates.noun_frames(form)
        if frames:
            return frames[0][0].name
    return None


def object_tokens(token: Token, slots: tuple[str, ...]) -> list[Token]:
    """The tokens under ``token`` that fill prepositional slots ("prep:with" -> "with"'s objects)."""
    preps = tuple(s.split(":", 1)[1] for s in slots if s.startswith("prep:"))
    return [o for _, o in prep_objects(token, preps)] if preps else []
