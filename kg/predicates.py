"""Every predicate kg states, declared once as data: name -> ``Predicate`` (domain, range, symmetry,
qualifiers, and the verb, noun and adjective frames that state it in English news).

The extractor (``kg.extract.frames``), the SHACL shapes (``kg.validate``), the classifier's label
map, the page's legend and the ontology check (``tests/test_predicates.py`` against
``ontologies/kg.ttl``) all read this table; a new predicate is one entry here plus its tests.

Frames name where each argument sits, as *slots*:

- ``subject``: the clause's logical subject (the agent of a passive: "was bought by X");
- ``dobj``: the direct object (the patient of a passive: "Y was bought");
- ``dobj:<word>``: the object of a preposition under the direct object ("owns 51% of Y", "paid
  $1bn for Y"; ``dobj:in`` is the place of a visit: "visited the community in Y");
- ``prep:<word>``: the object of a preposition ("merged with Y", "a stake in Y");
- ``place:<word>``: the object of the same preposition under a common noun that the verb's
  ``prep:<word>`` object is ("invest 50m euros in marketing in Asia": Asia);
- ``poss``: a possessive ("X's visit"); ``compound``: a name before the noun ("the Ford takeover");
- ``named``: the name a role noun describes ("X, founder of Y", "founder X", "X is a member of Y");
- ``clause``: the subject of the verb that governs the noun ("X made a bid for Y"), for the
  verbs the frame lists in ``verbs``;
- ``nummod``: a number before the noun ("a 26% stake", "a £1.8bn bid"), for qualifiers.

Every word list is general English news vocabulary (any minister, any takeover), never a
phrase of one article.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.lexicon import BUSINESS_PART_NOUNS, SUBSIDIARY_NOUNS
from kg.model import ENTITY_TYPES

__all__ = [
    "AGENTS", "Adjective", "Noun", "PREDICATES", "Predicate", "QUALIFIERS", "Verb", "adjective_frames",
    "get", "noun_frames", "predicate_names", "verb_frames",
]

#: Things that act: people, organisations and countries (a country stands for its government).
AGENTS = ("Person", "Organization", "Country")
#: Every qualifier a statement may carry; a predicate lists the ones that apply to it.
QUALIFIERS = ("date", "location", "affiliation", "rate", "amount", "status", "metric", "period", "buyer")


@dataclass(frozen=True, slots=True)
class Verb:
    """A verb that states a predicate, and the slots its arguments fill.

    ``particle`` completes a phrasal verb ("take over", "hit out at"); ``modality`` and
    ``polarity`` say how the verb itself commits ("bid for" is planned, "oppose" is a negative
    ``supports``); ``qualifiers`` map a qualifier to the slot it is read from.
    """

    lemma: str
    object: tuple[str, ...] = ("dobj",)
    particle: str | None = None
    qualifiers: tuple[tuple[str, str], ...] = ()
    modality: str | None = None
    polarity: str | None = None
    #: The verb needs its object complement ("called X a disgrace": oprd), no complement
    #: ("plain"), no direct object ("intransitive": "returned to London", not "returned Mr
    #: Livingstone to the party"), nothing but its frame's own object ("alone": "agreed with the NAO", not "agreed
    #: a deal with Qatar" or "agreed with the unions on pay"), a preposition ("prep:against": "warned X against Y"; "prep:into:question":
    #: "called X into question"), or an infinitive of resigning ("resign": "urged X to quit"),
    #: else it is another verb.
    requires: str | None = None
    #: A coordinated subject holds the predicate between its members ("X and Y merged").
    pairs_subjects: bool = False
    #: Subject types this frame needs, narrower than the predicate's domain ("X was in India":
    #: only a person visits by being somewhere).
    subject_types: tuple[str, ...] = ()
    #: Last words the object's name must end with ("told the Treasury Committee" meets it; "told
    #: the BBC" does not); a verb with such frames keeps its open reading for other objects.
    object_heads: tuple[str, ...] = ()
    #: (predicate, slot): the party in the slot holds that predicate towards the same object, the
    #: other side of the deal ("sold X to Y": Y acquires X; "bought X from Y": Y sells X).
    counterpart: tuple[str, str] | None = None
    #: The predicate a person holds instead towards an object named as a business ("Marchionne,
    #: who joined the company last year": employed by it, not a member of it).
    business_object: str | None = None


@dataclass(frozen=True, slots=True)
class Noun:
    """A noun that states a predicate between the names around it ("X's visit to Y", "a bid for Y").

    Slots: ``poss`` ("X's visit"), ``compound`` ("the Quad summit"; none after a possessive or
    with an "of" phrase, where the compound names the noun itself), ``modifier`` (a name or
    nationality before the noun, compound or adjective, unless a possessive owns it: "US support
    for Israel", "Tory opposition to the bill"), ``name`` (that name:
    "Unilever's Birds Eye unit"), ``named`` (the name the noun describes: "Opel, GM's arm"),
    ``clause`` (the subject of one of ``verbs`` whose object the noun is: "X made a visit"),
    ``setting`` (whom an "on/during/after a visit" phrase sets: "Speaking during a visit to
    Beijing, Mr Straw"), and ``prep:WORD``.
    """

    lemma: str
    subject: tuple[str, ...] = ("poss", "prep:by")
    object: tuple[str, ...] = ("prep:of",)
    qualifiers: tuple[tuple[str, str], ...] = ()
    modality: str | None = None
    polarity: str | None = None
    #: Verbs whose subject is the noun's subject when the frame lists the ``clause`` slot.
    verbs: tuple[str, ...] = ()
    #: The object slot holds both sides of a symmetric predicate ("the merger of X and Y").
    pairs: bool = False
    #: Subject types this frame needs, narrower than the predicate's domain ("Britain's presidency
    #: of the G8": a country that chairs a group belongs to it; a person who chairs it holds an office).
    subject_types: tuple[str, ...] = ()
    #: The statement holds whatever the clause says of the noun: a country that "will take over
    #: the presidency" of a union is a member already.
    presupposed: bool = False
    #: Last words the object's name must end with, as for ``Verb.object_heads``.
    object_heads: tuple[str, ...] = ()
    #: (predicate, slot): the party in the slot holds that predicate towards the same object, as
    #: for ``Verb.counterpart`` ("bought Corus's stake in Natsteel": Corus sells Natsteel).
    counterpart: tuple[str, str] | None = None
    #: Only the singular states the predicate: "the sale of Rover" is a disposal, "sales of Land
    #: Rovers" are what a maker sold.
    singular: bool = False


@dataclass(frozen=True, slots=True)
class Adjective:
    """A predicative adjective: "X is critical of Y" (the copula's subject and the prepositional object)."""

    lemma: str
    object: tuple[str, ...] = ("prep:of",)
    polarity: str | None = None


@dataclass(frozen=True, slots=True)
class Predicate:
    """One relation of the kg ontology, with the English frames that state it.

    ``range`` holds entity types, or ``"Quantity"`` for a literal amount object (``reports``)
    or ``"Title"`` for an office named without its organisation (``holdsPosition``).
    ``state`` marks lasting states (a position, a base), whose sentence's date and place are not
    their own.
    """

    name: str
    label: str
    comment: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    symmetric: bool = False
    state: bool = False
    qualifiers: tuple[str, ...] = ("date", "location")
    verbs: tuple[Verb, ...] = ()
    nouns: tuple[Noun, ...] = ()
    adjectives: tuple[Adjective, ...] = ()
    #: Related public vocabularies (``schema:memberOf``) the ontology declares as super-properties.
    see_also: tuple[str, ...] = ()
    #: The object must be named outright, not reached through a name that modifies it: "outlined
    #: the government's plans" announces the plans, not the government.
    named_object: bool = False
    #: The only nouns through whose (non-possessive) named modifier the object may be reached:
    #: "sold its Travelers insurance arm" sells Travelers, "bought 10 A320 aircraft" buys no A320.
    modifier_heads: frozenset[str] | None = None

    def admits(self, subject: str, obj: str | None) -> bool:
        """Whether a subject of type ``subject`` and an object of type ``obj`` (``"Quantity"``
        for an amount; None for no object or a title) fit the domain and the range."""
        return subject in self.domain and (obj is None or obj in self.range)


def _verbs(lemmas: str, **kwargs) -> tuple[Verb, ...]:
    return tuple(Verb(lemma, **kwargs) for lemma in lemmas.split())


_DEAL = (("amount", "prep:for"), ("amount", "prep:in"))
#: The buyer of a sale acquires what is sold; the seller of a purchase sells it.
_SOLD_TO = ("acquires", "prep:to")
_SIGNED_WITH = ("agreesTo", "prep:with")
_BOUGHT_FROM = ("sells", "prep:from")
_STAKE_VERBS = ("have", "hold", "own", "take", "buy", "acquire", "raise", "increase", "build", "keep", "retain", "control")
_BID_VERBS = ("make", "have", "launch", "submit", "table", "put", "lodge", "mount", "announce", "agree", "complete", "approve", "finalise", "finalize", "seal", "win")
_TALK_VERBS = ("hold", "have", "begin", "start", "open", "resume", "conclude", "enter", "continue")
#: Bodies that hear witnesses: whoever appears before one, gives it evidence or tells it
#: something meets it ("told the Treasury Select Committee", "gave evidence to the Hutton Inquiry").
_HEARINGS = ("committee", "subcommittee", "inquiry", "panel", "tribunal")
_CHAIR_VERBS = ("take", "assume", "hold", "begin", "start", "use", "inherit", "hand")
_CRITIC_VERBS = ("launch", "make", "level", "mount", "step", "stage", "voice", "direct", "renew", "pour", "take", "aim")

PREDICATES: tuple[Predicate, ...] = (
    Predicate(
        "relatedTo", "related to",
        "Generic relation between two entities; every other entity relation is a sub-property of it.",
        ENTITY_TYPES, ENTITY_TYPES,
    ),
    Predicate(
        "meets", "meets", "The subject meets the object in person.",
        AGENTS, AGENTS, symmetric=True,
        verbs=(
            Verb("meet", object=("dobj", "prep:with")),
            Verb("sit", particle="down", object=("prep:with",)),
            Verb("discuss", object=("prep:with",)),
            Verb("negotiate", object=("prep:with",), pairs_subjects=True),
            Verb("appear", object=("prep:before",), object_heads=_HEARINGS),
            Verb("testify", object=("prep:before", "prep:to"), object_heads=_HEARINGS),
            Verb("tell", object=("dobj",), object_heads=_HEARINGS),
        ),
        nouns=(
            Noun("meeting", subject=("poss", "clause"), object=("prep:with", "prep:between"), verbs=_TALK_VERBS, pairs=True),
            Noun("talks", subject=("poss", "clause"), object=("prep:with", "prep:between"), verbs=_TALK_VERBS, pairs=True),
            Noun("negotiations", subject=("poss", "clause"), object=("prep:with", "prep:between"), verbs=_TALK_VERBS, pairs=True),
            Noun("summit", subject=("clause",), object=("prep:with", "prep:between"), verbs=_TALK_VERBS, pairs=True),
            # "X gave evidence to the inquiry"; not "his evidence to", whose pronoun is often the speaker.
            Noun("evidence", subject=("clause",), object=("prep:to", "prep:before"), verbs=("give", "submit", "present", "provide"), object_heads=_HEARINGS),
            # "during a speech in Westminster to the Women's Committee".
            *(Noun(n, subject=("poss", "clause", "setting"), object=("prep:to",), verbs=("deliver", "give", "make"), object_heads=_HEARINGS)
              for n in ("speech", "address")),
        ),
    ),
    Predicate(
        "speaksWith", "speaks with", "The subject talks with the object, in person or by phone.",
        ("Person",), ("Person",), symmetric=True,
        verbs=(
            Verb("talk", object=("prep:with", "prep:to")),
            Verb("speak", object=("prep:with", "prep:to")),
            Verb("phone"), Verb("telephone"),
            Verb("call", requires="plain"),
        ),
        nouns=(
            Noun("call", subject=("poss", "clause"), object=("prep:with", "prep:between", "prep:to"), verbs=("make", "hold", "have", "receive", "take"), pairs=True),
            Noun("conversation", subject=("poss", "clause"), object=("prep:with", "prep:between"), verbs=("have", "hold"), pairs=True),
        ),
    ),
    Predicate(
        "visits", "visits", "The subject visits or tours the object.",
        AGENTS, ("Place", "Country", "Organization"),
        verbs=(
            *_verbs("visit tour", object=("dobj", "dobj:in")),
            # Not "returning Mr Livingstone to the Labour Party": the one moved goes, not the mover.
            *_verbs("travel fly head return", object=("prep:to",), requires="intransitive"),
            Verb("arrive", object=("prep:in",)),
            # "Mr Straw was in India", "Dr Greenspan has been in the UK": a person somewhere is visiting.
            Verb("be", object=("prep:in",), subject_types=("Person",)),
        ),
        nouns=(
            Noun("visit", subject=("poss", "prep:by", "clause", "setting"), object=("prep:to",), verbs=("make", "pay", "begin", "start", "end", "cut", "cancel", "postpone")),
            Noun("trip", subject=("poss", "clause", "setting"), object=("prep:to",), verbs=("make", "take", "begin")),
            Noun("tour", subject=("poss", "clause", "setting"), object=("prep:of",), verbs=("make", "begin", "start")),
        ),
    ),
    Predicate(
        "attends", "attends", "The subject attends the object, usually an event or a meeting of an organisation.",
        AGENTS, ("Event",),
        verbs=(
            *_verbs("attend address"),
            Verb("participate", object=("prep:in",)),
            # Anything said or done at a named event places the doer there: "speaking at the summit".
            Verb("*", object=("prep:at",)),
        ),
        nouns=(
            Noun("part", subject=("clause",), object=("prep:in",), verbs=("take",)),
            # "Gordon Brown delivered a rousing speech to Labour's spring conference".
            *(Noun(n, subject=("poss", "clause"), object=("prep:to",), verbs=("deliver", "give", "make")) for n in ("speech", "address")),
        ),
        adjectives=(Adjective("present", object=("prep:at",)), Adjective("absent", object=("prep:from",), polarity="negative")),
    ),
    Predicate(
        "hosts", "hosts", "The subject hosts the object, usually an event.",
        ("Person", "Organization", "Country", "Place"), ("Event",),
        # "Labour will hold its conference in Manchester" (what one holds must be an event).
        verbs=(Verb("host"), Verb("stage"), Verb("hold")),
        nouns=(Noun("host", subject=("named",), object=("prep:of", "prep:to")),),
    ),
    Predicate(
        "organizes", "organizes", "The subject organises, leads, launches or convenes the object.",
        AGENTS, ("Event", "Agreement", "Organization"),
        verbs=_verbs("organize organise lead convene"),
    ),
    Predicate(
        "invitedTo", "invited to", "The subject is invited to the object, an event, agreement or organisation.",
        AGENTS, ("Event", "Agreement", "Organization"),
    ),
    Predicate(
        "announces", "announces", "The subject announces, unveils or publishes the object, a named agreement, event or organisation.",
        AGENTS, ("Agreement", "Event", "Organization"), named_object=True,
        # "launched the White Paper", "presented the Budget", "set out its five-year plan".
        verbs=(*_verbs("announce unveil publish launch present outline"), Verb("set", particle="out")),
    ),
    Predicate(
        "supports", "supports",
        "The subject supports, backs, endorses or welcomes the object; negated, it opposes it.",
        AGENTS, (*AGENTS, "Agreement", "Event"),
        verbs=(
            *_verbs("support back endorse welcome praise applaud hail champion defend congratulate commend"),
            Verb("side", object=("prep:with",)),
            # "the organisation agreed with the NAO's assessment": agreeing with a party's view backs it.
            Verb("agree", object=("prep:with",), requires="alone"),
            *_verbs("oppose", polarity="negative"),
        ),
        nouns=(
            Noun("support", subject=("poss", "modifier", "prep:from", "clause"), object=("prep:for", "prep:of"), verbs=("express", "voice", "give", "offer", "pledge", "reaffirm", "throw", "lend", "declare", "signal", "show")),
            Noun("backing", subject=("poss", "modifier", "prep:from", "clause"), object=("prep:for", "prep:of"), verbs=("give", "win", "offer")),
            Noun("endorsement", subject=("poss", "clause"), object=("prep:of", "prep:for"), verbs=("give",)),
            Noun("opposition", subject=("poss", "modifier", "clause"), object=("prep:to",), verbs=("express", "voice", "signal"), polarity="negative"),
            Noun("supporter", subject=("named",), object=("prep:of", "poss")),
            Noun("backer", subject=("named",), object=("prep:of", "poss")),
            Noun("ally", subject=("named",), object=("prep:of", "poss")),
            Noun("loyalist", subject=("named",), object=("prep:of", "poss")),
            Noun("opponent", subject=("named",), object=("prep:of", "poss"), polarity="negative"),
        ),
        adjectives=(Adjective("supportive"),),
    ),
    Predicate(
        "criticizes", "criticizes", "The subject criticises, attacks, accuses, condemns or blames the object.",
        AGENTS, (*AGENTS, "Agreement", "Event"),
        verbs=(
            *_verbs(
                "criticise criticize attack accuse condemn slam denounce blame deride lambast lambaste rebuke "
                "berate castigate censure chide assail blast savage ridicule mock scorn belittle disparage "
                "vilify pillory lampoon"
            ),
            Verb("hit", particle="out", object=("prep:at", "prep:against")),
            Verb("lash", particle="out", object=("prep:at", "prep:against")),
            Verb("round", object=("prep:on",)),
            Verb("rail", object=("prep:against",)),
            Verb("tear", object=("prep:into",)),
            Verb("lay", object=("prep:into",)),
            Verb("hit", particle="back", object=("prep:at",)),
            Verb("turn", object=("prep:on",)),
            Verb("call", requires="oprd"),
            Verb("brand"),  # "branded Mr Blair a liar" (the parser rarely marks the complement)
            # "dismissed the Conservatives as a fading force" (not "dismissed the manager").
            Verb("dismiss", requires="prep:as"),
            Verb("warn", requires="prep:against"),
            Verb("call", requires="prep:into:question"),
            # "called on Mr Hale to quit", "urged the minister to step down": a call to resign.
            Verb("call", object=("prep:on",), requires="resign"),
            Verb("urge", requires="resign"),
        ),
        nouns=(
            Noun("criticism", subject=("poss", "modifier", "prep:from", "prep:by", "clause"), object=("prep:of",), verbs=_CRITIC_VERBS),
            Noun("attack", subject=("poss", "prep:by", "prep:from", "clause"), object=("prep:on",), verbs=_CRITIC_VERBS),
            Noun("accusation", subject=("poss", "prep:by", "prep:from", "clause"), object=("prep:against",), verbs=_CRITIC_VERBS),
            Noun("condemnation", subject=("poss", "modifier", "prep:by", "prep:from", "clause"), object=("prep:of",), verbs=_CRITIC_VERBS),
            Noun("swipe", subject=("clause",), object=("prep:at",), verbs=("take",)),
            Noun("broadside", subject=("clause",), object=("prep:at", "prep:against"), verbs=("fire", "launch", "deliver")),
            Noun("scorn", subject=("clause",), object=("prep:on",), verbs=("pour", "heap")),
            # "The Tories demanded Mr Blunkett's resignation", "called for the minister's resignation".
            Noun("resignation", subject=("clause",), object=("poss",), verbs=("demand", "call", "urge", "seek")),
        ),
        adjectives=(Adjective("critical"), Adjective("scathing", object=("prep:about", "prep:of"))),
    ),
    Predicate(
        "discusses", "discusses", "The subject discusses the object.",
        AGENTS, ENTITY_TYPES,
        verbs=(Verb("discuss"), Verb("talk", object=("prep:about",))),
    ),
    Predicate(
        "agreesTo", "agrees to", "The subject agrees to, signs or ratifies the object, an agreement.",
        AGENTS, ("Agreement",),
        # "signed a deal with Qatar": the other party agrees to it too.
        verbs=(
            *_verbs("sign ratify approve strike reach seal clinch conclude", counterpart=_SIGNED_WITH),
            Verb("agree", object=("dobj", "prep:to", "prep:on"), counterpart=_SIGNED_WITH),
            Verb("hammer", particle="out", counterpart=_SIGNED_WITH),
            Verb("sign", particle="up", object=("prep:for", "prep:to")),
        ),
    ),
    Predicate(
        "commitsTo", "commits to", "The subject commits, pledges or promises to the object, or an amount (the object value).",
        AGENTS, ("Agreement", "Event", "Organization", "Quantity"),
        qualifiers=("date", "location", "amount"),
        verbs=(Verb("commit", object=("dobj", "prep:to")), Verb("pledge", object=("dobj", "prep:to")), Verb("promise")),
        nouns=(Noun("commitment", subject=("poss", "clause"), object=("prep:to",), verbs=("make", "express", "reaffirm")),),
    ),
    Predicate(
        "founded", "founded", "The subject, a person or organisation, founded or set up the object, an organisation.",
        ("Person", "Organization"), ("Organization",),
        verbs=(*_verbs("found establish co-found cofound"), Verb("set", particle="up")),
        nouns=(
            Noun("founder", subject=("named",), object=("prep:of", "compound", "poss")),
            Noun("co-founder", subject=("named",), object=("prep:of", "compound", "poss")),
        ),
    ),
    Predicate(
        "memberOf", "member of",
        "The subject is a member of, or joins, the object (an organisation, agreement or event).",
        AGENTS, ("Organization", "Agreement", "Event"), state=True, qualifiers=("date", "status"),
        see_also=("schema:memberOf",),
        verbs=(
            Verb("join", business_object="worksFor"), Verb("rejoin", business_object="worksFor"), Verb("serve", object=("prep:on", "prep:in")), Verb("sit", object=("prep:on",)),
            # "Shahid Malik, who is on the party's executive committee": being on a body is sitting on it.
            Verb("be", object=("prep:on",), subject_types=("Person",), object_heads=("committee", "board", "council", "panel", "commission", "executive", "cabinet")),
            # "two councillors who defected to the Greens": crossing over joins the new party.
            Verb("defect", object=("prep:to",)),
        ),
        nouns=(
            Noun("member", subject=("named",), object=("prep:of", "compound", "poss")),
            # "the defection to Labour of Robert Jackson", "Mr Jackson's defection to Labour".
            Noun("defection", subject=("poss", "prep:of"), object=("prep:to",)),
            Noun("membership", subject=("poss",), object=("prep:of",)),
            # "Britain takes over the presidency of the EU", "the Dutch presidency of the EU", "the
            # UK's G8 presidency": the presidency of a union of states rotates among its members.
            *(Noun(n, subject=("poss", "modifier", "clause"), object=("prep:of", "name", "compound"), verbs=_CHAIR_VERBS, subject_types=("Country",), presupposed=True)
              for n in ("presidency", "chairmanship")),
        ),
    ),
    Predicate(
        "worksFor", "works for",
        "The person works for or is employed by the object, an organisation or a country's government.",
        ("Person",), ("Organization", "Country"), state=True, qualifiers=("date", "status"),
        see_also=("schema:worksFor",),
        verbs=(Verb("work", object=("prep:for", "prep:at")), Verb("employ"), Verb("hire")),
    ),
    Predicate(
        "holdsPosition", "holds position",
        "The person holds the position, an office that belongs to the affiliation (organisation or country); "
        "a title named without its affiliation is kept as a literal on the statement.",
        ("Person",), ("Position", "Title"), state=True, qualifiers=("date", "affiliation", "status"),
        see_also=("org:holds",),
    ),
    Predicate(
        "locatedIn", "located in", "The subject, a place, is located in the object, a larger place.",
        ("Place", "Country"), ("Place", "Country"), state=True, qualifiers=(),
        see_also=("schema:containedInPlace",),
        verbs=(Verb("locate", object=("prep:in", "prep:at", "prep:near")),),
    ),
    Predicate(
        "basedIn", "based in", "The subject, usually an organisation, is based or headquartered in the place.",
        ("Organization",), ("Place", "Country"), state=True, qualifiers=(),
        verbs=(
            Verb("base", object=("prep:in", "prep:at", "prep:out")),
            Verb("headquarter", object=("prep:in", "prep:at")),
            Verb("locate", object=("prep:in", "prep:at")),
        ),
        nouns=(
            # "Standard Chartered has its headquarters in London" (an office elsewhere is no base).
            *(Noun(n, subject=("poss", "clause"), object=("prep:in", "prep:at"), verbs=("have", "keep", "move", "relocate"))
              for n in ("headquarters", "hq")),
        ),
    ),
    Predicate(
        "livesIn", "lives in", "The person lives or resides in the place.",
        ("Person",), ("Place", "Country"), state=True, qualifiers=(),
        verbs=(
            Verb("live", object=("prep:in", "prep:at")),
            Verb("reside", object=("prep:in", "prep:at")),
            # "X was born in Y": kg has no birthplace predicate; the home town is where X lived.
            Verb("bear", object=("prep:in",), subject_types=("Person",)),
        ),
    ),
    Predicate(
        "kills", "kills", "The subject, a person or organisation, kills the person.",
        ("Person", "Organization"), ("Person",),
        verbs=_verbs("kill murder assassinate slay execute shoot stab strangle behead"),
    ),
    Predicate(
        "sues", "sues", "The subject takes legal action against the object.",
        AGENTS, AGENTS, qualifiers=("date", "location", "amount"),
        verbs=(Verb("sue", qualifiers=(("amount", "prep:for"),)), Verb("countersue")),
        nouns=(
            Noun("action", subject=("clause",), object=("prep:against",), verbs=("take", "launch", "bring", "file", "begin", "start", "threaten")),
            Noun("lawsuit", subject=("poss", "prep:by", "clause"), object=("prep:against",), verbs=("file", "bring", "launch", "lodge")),
            Noun("suit", subject=("poss", "prep:by", "clause"), object=("prep:against",), verbs=("file", "bring", "launch", "lodge")),
            Noun("proceedings", subject=("clause",), object=("prep:against",), verbs=("begin", "start", "launch", "bring", "issue", "take")),
        ),
    ),
    Predicate(
        "acquires", "acquires",
        "The subject buys, takes over or bids for the object; the amount qualifier gives the price.",
        ("Organization", "Person", "Country"), ("Organization",), qualifiers=("date", "location", "amount", "rate"),
        modifier_heads=BUSINESS_PART_NOUNS,
        verbs=(
            *_verbs("buy acquire purchase", object=("dobj", "dobj:of"), qualifiers=(*_DEAL, ("rate", "dobj:rate")), counterpart=_BOUGHT_FROM),
            # "Constellation paid $1bn for Robert Mondavi".
            Verb("pay", object=("prep:for", "dobj:for"), qualifiers=(("amount", "dobj"),)),
            Verb("take", particle="over", qualifiers=_DEAL),
            Verb("snap", particle="up", qualifiers=_DEAL),
            Verb("swallow", particle="up", qualifiers=_DEAL),
            Verb("bid", object=("prep:for",), modality="planned"),
        ),
        nouns=(
            Noun("takeover", subject=("poss", "prep:by", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=_BID_VERBS),
            Noun("acquisition", subject=("poss", "prep:by", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=_BID_VERBS),
            Noun("purchase", subject=("poss", "prep:by", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=_BID_VERBS),
            *(Noun(n, subject=("poss", "prep:by", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=_BID_VERBS) for n in ("buyout", "buy-out")),
            Noun("bid", subject=("poss", "prep:from", "prep:by", "clause"), object=("prep:for",), qualifiers=(("amount", "nummod"),), verbs=_BID_VERBS, modality="planned"),
            Noun("offer", subject=("poss", "prep:from", "prep:by", "clause"), object=("prep:for",), qualifiers=(("amount", "nummod"),), verbs=_BID_VERBS, modality="planned"),
            # "UPS is the most likely bidder for Exel", "Nike has been named as a possible suitor".
            Noun("bidder", subject=("named",), object=("prep:for",), modality="planned"),
            Noun("suitor", subject=("named",), object=("prep:for", "poss"), modality="possible"),
            Noun("buyer", subject=("named",), object=("prep:of", "prep:for")),
            # "bought a 20% stake in X": buying part of a firm is acquiring it (the rate says how much);
            # "bought Corus's stake in X": whose the stake was sells it.
            *(Noun(n, subject=("clause",), object=("prep:in",), qualifiers=(("rate", "nummod"),), verbs=("buy", "acquire", "purchase", "take"),
                   counterpart=("sells", "poss")) for n in ("stake", "holding", "shareholding")),
        ),
    ),
    Predicate(
        "sells", "sells", "The subject sells or disposes of the object; the buyer qualifier names who buys it.",
        ("Organization", "Person", "Country"), ("Organization",), qualifiers=("date", "location", "amount", "rate", "buyer"),
        modifier_heads=BUSINESS_PART_NOUNS,
        verbs=(
            Verb("sell", qualifiers=(("amount", "prep:for"), ("buyer", "prep:to")), counterpart=_SOLD_TO),
            Verb("sell", particle="off", qualifiers=(("amount", "prep:for"), ("buyer", "prep:to")), counterpart=_SOLD_TO),
            Verb("dispose", object=("prep:of",), qualifiers=(("amount", "prep:for"), ("buyer", "prep:to")), counterpart=_SOLD_TO),
            *_verbs("offload divest auction", qualifiers=(("amount", "prep:for"), ("buyer", "prep:to")), counterpart=_SOLD_TO),
            Verb("auction", particle="off", qualifiers=(("amount", "prep:for"), ("buyer", "prep:to")), counterpart=_SOLD_TO),
        ),
        nouns=(
            Noun("sale", subject=("poss", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"), ("buyer", "prep:to")), verbs=("agree", "announce", "complete", "approve"),
                 singular=True),
            Noun("disposal", subject=("poss", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=("agree", "announce", "complete")),
            Noun("auction", subject=("poss", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=("hold", "stage", "announce", "complete")),
            Noun("sell-off", subject=("poss", "clause"), object=("prep:of",), qualifiers=(("amount", "nummod"),), verbs=("agree", "announce", "complete", "approve")),
            # "Shell sold its stake in Enterprise": selling part of a firm is selling it (the rate says how much).
            *(Noun(n, subject=("clause",), object=("prep:in",), qualifiers=(("rate", "nummod"),), verbs=("sell", "offload", "divest", "dispose"))
              for n in ("stake", "holding", "shareholding")),
        ),
    ),
    Predicate(
        "mergesWith", "merges with", "The subject and the object merge into one organisation.",
        ("Organization",), ("Organization",), symmetric=True,
        verbs=(Verb("merge", object=("prep:with", "prep:into"), pairs_subjects=True),),
        nouns=tuple(
            Noun(n, subject=("poss", "clause"), object=("prep:with", "prep:between", "prep:of"), verbs=("agree", "announce", "complete", "approve", "block"), pairs=True)
            # "a tie-up between Barclays and Wells Fargo".
            for n in ("merger", "tie-up", "link-up")
        ),
    ),
    Predicate(
        "invests", "invests", "The subject invests in the object; the amount qualifier gives how much.",
        ("Organization", "Person", "Country"), ("Organization", "Place", "Country"), qualifiers=("date", "location", "amount"),
        verbs=(Verb("invest", object=("prep:in", "place:in"), qualifiers=(("amount", "dobj"),)),),
        nouns=(
            Noun("investment", subject=("poss", "prep:by", "prep:from", "clause"), object=("prep:in",), qualifiers=(("amount", "nummod"),), verbs=("make", "announce")),
            # "Southcorp is the largest investor in rural Australia".
            Noun("investor", subject=("named",), object=("prep:in",)),
        ),
    ),
    Predicate(
        "ownsStake", "owns stake",
        "The subject owns the object or a share of it; the rate qualifier gives the share in percent.",
        ("Organization", "Person", "Country"), ("Organization",), state=True, qualifiers=("date", "rate", "status"),
        verbs=(
            Verb("own", object=("dobj", "dobj:of"), qualifiers=(("rate", "dobj:rate"),)),
            Verb("control", object=("dobj", "dobj:of"), qualifiers=(("rate", "dobj:rate"),)),
        ),
        nouns=(
            Noun("stake", subject=("poss", "clause"), object=("prep:in",), qualifiers=(("rate", "nummod"),), verbs=_STAKE_VERBS),
            Noun("shareholding", subject=("poss", "clause"), object=("prep:in",), qualifiers=(("rate", "nummod"),), verbs=_STAKE_VERBS),
            Noun("holding", subject=("poss", "clause"), object=("prep:in",), qualifiers=(("rate", "nummod"),), verbs=_STAKE_VERBS),
            Noun("share", subject=("poss", "clause"), object=("prep:in",), qualifiers=(("rate", "nummod"),), verbs=_STAKE_VERBS),
            Noun("shareholder", subject=("named",), object=("prep:in", "prep:of", "poss")),
            Noun("owner", subject=("named",), object=("prep:of", "poss", "compound")),
            Noun("parent", subject=("named",), object=("prep:of", "poss")),
            # The owned part is the name: "Opel, GM's European arm" is owned by GM.
            # "Jaguar, now part of Ford": a firm that is part of another is owned by it.
            Noun("part", subject=("prep:of",), object=("named",)),
            *(Noun(n, subject=("prep:of", "poss", "compound"), object=("named", "name")) for n in SUBSIDIARY_NOUNS),
        ),
    ),
    Predicate(
        "reports", "reports",
        "The subject, an organisation or country, reports a figure (the object value): profit, sales, "
        "revenue, loss, debt; the metric and period qualifiers say which figure and when.",
        ("Organization", "Country"), ("Quantity",), qualifiers=("date", "metric", "period", "amount", "rate"),
    ),
    Predicate(
        "fines", "fines", "The subject, a regulator or court, fines the object; the amount qualifier gives the fine.",
        AGENTS, ("Person", "Organization"), qualifiers=("date", "location", "amount"),
        verbs=(Verb("fine", qualifiers=(("amount", "dobj2"), ("amount", "npadvmod"))), Verb("penalise"), Verb("penalize")),
    ),
    Predicate(
        "tariffOn", "tariff on",
        "The subject country imposes a tariff, duty or levy on goods from the object country; the rate "
        "and amount qualifiers give its size.",
        ("Country",), ("Country",), qualifiers=("date", "location", "rate", "amount"),
    ),
    Predicate(
        "sanctions", "sanctions", "The subject imposes sanctions on the object, a person, organisation or country.",
        AGENTS, AGENTS,
        verbs=(Verb("sanction"),),
    ),
)

_BY_NAME = {p.name: p for p in PREDICATES}


def get(name: str) -> Predicate:
    """The declaration of one predicate.

    Raises:
        KeyError: ``name`` is not a kg predicate; the message lists the accepted names.
    """
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown predicate {name!r}; expected one of {', '.join(sorted(_BY_NAME))}") from None


def predicate_names() -> tuple[str, ...]:
    """Every predicate name, ``relatedTo`` first, then in declaration order."""
    return tuple(p.name for p in PREDICATES)


def _index(kind: str) -> dict[str, tuple[tuple[Predicate, object], ...]]:
    found: dict[str, list[tuple[Predicate, object]]] = {}
    for predicate in PREDICATES:
        for frame in getattr(predicate, kind):
            found.setdefault(frame.lemma, []).append((predicate, frame))
    return {lemma: tuple(frames) for lemma, frames in found.items()}


_VERBS = _index("verbs")
_NOUNS = _index("nouns")
_ADJECTIVES = _index("adjectives")


def verb_frames(lemma: str) -> tuple[tuple[Predicate, Verb], ...]:
    """The (predicate, frame) pairs a verb lemma may state; ``"*"`` frames apply to any verb."""
    return _VERBS.get(lemma, ())  # type: ignore[return-value]


def noun_frames(lemma: str) -> tuple[tuple[Predicate, Noun], ...]:
    """The (predicate, frame) pairs a noun lemma may state."""
    return _NOUNS.get(lemma, ())  # type: ignore[return-value]


def adjective_frames(lemma: str) -> tuple[tuple[Predicate, Adjective], ...]:
    """The (predicate, frame) pairs a predicative adjective may state."""
    return _ADJECTIVES.get(lemma, ())  # type: ignore[return-value]
