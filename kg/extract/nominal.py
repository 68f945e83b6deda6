"""Statements a noun phrase of one sentence Span states, added to its ``Builder``: event nouns,
killings and residents, titles and appositions, "-led", tariffs, places and "-based".
"""
from __future__ import annotations


from spacy.tokens import Span, Token

from kg.components import is_leader_modifier
from kg.extract.context import Builder, SentenceContext, mention_pairs, token_mention
from kg.extract.qualifiers import delays
from kg.normalize import parse_quantity
from kg.syntax import SUBJECT_DEPS, logical_subjects, prep_objects
from kg.gazetteer import country_code, country_name, demonym_code, party_name
from kg.lexicon import KILLER_NOUNS, KILLING_NOUNS, LEADER_SUFFIXES, MODIFIER_PREDICATES, OWNED_PARTICIPLES, RESIDENT_NOUNS, TARIFF_NOUNS
from kg.model import Mention, Quantity

_LEADER_WORDS = frozenset(suffix.lstrip("-") for suffix in LEADER_SUFFIXES)




def leader_statements(token: Token, b: Builder) -> None:
    """"the U.S.-led initiative": the country or group before "-led" organises the thing.

    The tokenizer keeps "U.S.-led" whole but splits "Saudi-led" into "Saudi", "-", "led".
    """
    split = token.lower_ in _LEADER_WORDS and token.i >= 2 and token.nbor(-1).text == "-"
    if not is_leader_modifier(token) and not split:
        return
    target = b.ctx.mentions.get(token.head.i)
    leader = organiser(token.nbor(-2), b.ctx, whole=True) if split else organiser(token, b.ctx)
    if target is None or leader is None:
        return
    participle = token.lower_ if split else token.lower_.rsplit("-", 1)[-1]
    predicate = MODIFIER_PREDICATES.get(participle, "organizes")
    b.add(token.head, (leader, 1.0), predicate, (target, 1.0), token.text, "kg.rules.led.v1", 0.8, presupposed=True)


def organiser(token: Token, ctx: SentenceContext, whole: bool = False) -> Mention | None:
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




def tariff_statements(sent: Span, b: Builder) -> None:
    """"U.S. tariffs on Indian goods to 18%": imposer, target and rate of each tariff noun.

    A tariff phrase that leaves out who imposes it on whom ("and the cancellation of 25% penalty
    tariffs") takes them from the previous tariff phrase of the same sentence.
    """
    ctx = b.ctx
    last_imposer = last_target = None
    for noun in b.tokens:
        if noun.lower_ not in TARIFF_NOUNS or noun.pos_ != "NOUN":
            continue
        imposer = None
        for child in noun.children:
            if child.dep_ in {"compound", "nmod", "poss", "amod"} and child.i in ctx.mentions and ctx.mentions[child.i].type == "Country":
                imposer = (ctx.mentions[child.i], 1.0)
        # "X imposed tariffs on Y", "Y retaliated with tariffs on X": the clause's subject imposes.
        verb = noun.head if noun.dep_ == "dobj" else (noun.head.head if noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" else None)
        if imposer is None and verb is not None:
            for s in logical_subjects(verb):
                found = token_mention(s, ctx, allow_modifier=False)
                if found and found[0].type == "Country":
                    imposer = found
        target = None
        for _, obj in prep_objects(noun, ("on", "against", "for")) + (prep_objects(verb, ("on", "against")) if verb is not None else []):
            found = token_mention(obj, ctx)
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


def killing_statements(noun: Token, b: Builder) -> None:
    """Killings and residents named by nouns: "the assassination of X by Y", "X, a resident of Y"."""
    lemma = noun.lemma_.lower()
    if noun.lower_ in KILLING_NOUNS or lemma in KILLING_NOUNS:
        _killing_noun(noun, b)
    elif noun.lower_ in KILLER_NOUNS or lemma in KILLER_NOUNS:
        _killer_noun(noun, b)
    elif lemma in RESIDENT_NOUNS:
        _resident_noun(noun, b)


def _killing_noun(noun: Token, b: Builder) -> None:
    """"the assassination of Lincoln by Booth", "Booth's murder of Lincoln": killer and victim."""
    victims = [o for _, o in prep_objects(noun, ("of",))]
    killers = [o for _, o in prep_objects(noun, ("by",))]
    if victims:
        # Without "of" the possessive is the victim ("Lincoln's assassination"), so it names no killer.
        killers += [c for c in noun.children if c.dep_ == "poss"]
    for _, subject, obj in mention_pairs(killers, victims, b.ctx, object_modifier=False):
        b.add(noun, subject, "kills", obj, f"{noun.text} of", "kg.rules.kills.noun.v1", 0.75)


def _killer_noun(noun: Token, b: Builder) -> None:
    """"Lincoln's assassin, John Wilkes Booth", "Booth, the killer of Lincoln": the killer is the
    name the noun stands in apposition to; the victim its possessive or "of" object."""
    victims = [c for c in noun.children if c.dep_ == "poss"] + [o for _, o in prep_objects(noun, ("of",))]
    killers = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ in {"appos", "compound"}:
        killers.append(noun.head)
    elif noun.dep_ == "attr":
        killers += [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]
    for _, subject, obj in mention_pairs(killers, victims, b.ctx, object_modifier=False):
        b.add(noun, subject, "kills", obj, noun.text, "kg.rules.kills.noun.v1", 0.7, presupposed=True)


def _resident_noun(noun: Token, b: Builder) -> None:
    """"X, a resident of Y", "X is a native of Y", "X, an Ohio native": where a person lives."""
    places = [o for _, o in prep_objects(noun, ("of", "in", "from"))]
    places += [c for c in noun.children if c.dep_ in {"compound", "nmod", "poss"}]
    people = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        people.append(noun.head)
    elif noun.dep_ == "attr":
        people += [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]
    for _, subject, obj in mention_pairs(people, places, b.ctx, object_modifier=False):
        b.add(noun, subject, "livesIn", obj, f"{noun.text} of", "kg.rules.resident.v1", 0.8, presupposed=True)


#: Last words of the names of an organisation's own bodies: "Monetary Policy Committee", "SME Council".
_BODIES = frozenset(
    {"committee", "council", "board", "commission", "executive", "panel", "cabinet", "caucus", "secretariat", "department", "office", "directorate", "bureau"}
)
#: Words between a possessive and a name that say how the two relate, not that one owns the other.
_RELATION_NOUNS = frozenset("rival rivals competitor competitors partner partners ally allies neighbour customer customers client clients supplier suppliers peer peers counterpart".split())


#: Words between a firm's possessive and a name that make the name a product it launched.
_LAUNCH_WORDS = frozenset("new latest forthcoming upcoming planned proposed next".split())


def ownership_statements(sent: Span, b: Builder) -> None:
    """"Pearson's Financial Times", "Altria's Philip Morris": an organisation's possessive on
    another organisation's name makes it the owner; a country's ("France's Total") its home."""
    ctx = b.ctx
    for token in b.tokens:
        if token.dep_ != "poss" or token.i not in ctx.mentions:
            continue
        owner = ctx.mentions[token.i]
        owned = ctx.mentions.get(token.head.i)
        if owned is None or owned.type != "Organization" or owned.key == owner.key or not owned.name[:1].isalpha():
            continue  # "the LSE's 533p closing price": a figure the model took for a name
        between = sent.doc[token.i + 1 : token.head.i]
        if any(t.lower_ in _RELATION_NOUNS for t in between):
            continue  # "Deutsche Boerse's rival Euronext" is its rival, not its property
        if owner.type == "Organization" and any(t.lower_ in _LAUNCH_WORDS for t in between):
            continue  # "Delta's new SimpliFares", "Sony's latest PlayStation": a product, not a firm it owns
        if owner.type in {"Organization", "Country"} and owned.name.split()[-1].lower() in _BODIES:
            # "the Bank of England's Monetary Policy Committee", "Labour's ruling NEC"... is one
            # of the owner's bodies, not a firm it owns.
            b.add(token.head, (owned, 1.0), "memberOf", (owner, 1.0), "'s", "kg.rules.possessive.v1", 0.7, presupposed=True)
        elif owner.type == "Organization" and party_name(owner.name) is None:
            b.add(token.head, (owner, 1.0), "ownsStake", (owned, 1.0), "'s", "kg.rules.possessive.v1", 0.65, presupposed=True)
        elif owner.type == "Country":
            b.add(token.head, (owned, 1.0), "basedIn", (owner, 1.0), "'s", "kg.rules.possessive.v1", 0.7, presupposed=True)


def hyphen_owners(sent: Span, b: Builder) -> None:
    """"Rosneft-owned Yugansk", "the Kremlin-controlled Gazprom": the name before the hyphen owns
    the firm the participle describes ("state-owned Rosneft" names no owner)."""
    ctx = b.ctx
    for token in b.tokens:
        if token.lower_ not in OWNED_PARTICIPLES or token.dep_ != "amod" or token.i < 2 or sent.doc[token.i - 1].text != "-":
            continue
        # The name right after the participle, where the parser hangs the participle on a later
        # noun ("Yukos-owned Yuganskneftegas angered investors").
        owned = ctx.mentions.get(token.i + 1) or ctx.mentions.get(token.head.i)
        owners = [c for c in token.children if c.i < token.i and c.i in ctx.mentions]
        if owned is None or owned.type != "Organization" or not owners:
            continue
        owner = ctx.mentions[owners[-1].i]
        if owner.type in {"Organization", "Person", "Country"} and owner.key != owned.key:
            b.add(token, (owner, 1.0), "ownsStake", (owned, 1.0), f"-{token.lower_}", "kg.rules.possessive.v1", 0.7, presupposed=True)


#: Events that happen to a place or a party rather than being held by one.
_UNHELD_EVENTS = frozenset({"crisis", "war", "battle"})
#: Things someone says: the speaker gives them rather than hosts them ("Mr Greenspan's speech").
_SPOKEN_EVENTS = frozenset({"speech", "address", "lecture", "interview", "remarks", "testimony"})
#: Journeys: the one whose they are makes them ("Mr Putin's visit to New Delhi": the visitor),
#: the host is where they go.
_JOURNEYS = frozenset({"visit", "trip", "tour", "journey", "mission", "pilgrimage"})


#: Verbs that bring an event about: "hold a summit", "stage the games", "convene a meeting".
_HOLDING_VERBS = frozenset({"hold", "host", "stage", "organise", "organize", "convene", "call", "schedule"})


def event_statements(sent: Span, b: Builder) -> None:
    """Who holds an event and where: "Labour's spring conference" (hosts Labour), "the G7
    meeting in London" (hosts London)."""
    ctx = b.ctx
    seen: set[Mention] = set()
    for token in b.tokens:
        event = ctx.mentions.get(token.i)
        if event is None or event.type != "Event" or event in seen:
            continue
        seen.add(event)
        root = token
        while root.head.i in ctx.mentions and ctx.mentions[root.head.i] == event and root.head != root:
            root = root.head
        if root.lower_ in _UNHELD_EVENTS:
            continue  # "Argentina's energy crisis", "the war in Iraq": nobody holds them
        for child in root.children:
            if child.dep_ == "poss" and root.lower_ not in _SPOKEN_EVENTS and root.lemma_.lower() not in _JOURNEYS and child.i in ctx.mentions and ctx.mentions[child.i].type in {"Organization", "Country", "Person"}:
                b.add(root, (ctx.mentions[child.i], 1.0), "hosts", (event, 1.0), "'s", "kg.rules.hosts.np.v1", 0.7, presupposed=True)
        # "Labour will not hold a news conference in London": an event a clause brings about
        # takes place where it says only as surely as the clause says it.
        made = root.dep_ == "dobj" and root.head.lemma_.lower() in _HOLDING_VERBS
        # "delays have put back Sativex's launch in the UK": not held yet, wherever it will be.
        made = made or (root.dep_ in {"dobj", "nsubjpass"} and delays(root.head))
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                place = ctx.mentions.get(obj.i)
                if place is not None and place.type in {"Place", "Country"}:
                    b.add(root, (place, 1.0), "hosts", (event, 1.0), prep.text, "kg.rules.hosts.np.v1", 0.7, presupposed=not made)
