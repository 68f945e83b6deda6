"""Word lists the rules share: titles, honorifics, event and agreement heads, verb -> predicate.

Every list is general English news vocabulary (any minister, any summit, any tariff);
none is tuned to one article. Keys are lower-case lemmas.
"""
from __future__ import annotations

#: Courtesy forms dropped from person names ("Mr. Jaishankar" -> "Jaishankar").
HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. rev rev. hon hon. "
    "sen. rep. gov. gen. col. lt. capt. sgt. adm. maj. cmdr. messrs messrs. mme mme. "
    "shri smt smt. sri sheikh".split()
)

#: Head words of a title that may stand before a name ("Prime Minister Narendra Modi").
TITLE_HEADS = frozenset(
    """president vice-president minister secretary ambassador chancellor governor senator
    congressman congresswoman representative mayor premier king queen prince princess emperor
    pope cardinal bishop archbishop general admiral colonel commander chief chairman chairwoman
    chair ceo cfo coo director spokesman spokeswoman spokesperson envoy commissioner judge justice
    attorney-general prosecutor speaker leader deputy adviser advisor counsellor counselor
    lawmaker treasurer mp sheikh emir sultan ayatollah president-elect officer captain
    lieutenant sergeant major marshal inspector superintendent professor dean rector head
    founder owner editor correspondent executive manager president-elect
    secretary-general chairperson co-founder economist analyst""".split()
)

#: Words that may sit inside a title before its head ("External Affairs Minister", "Treasury Secretary").
TITLE_MODIFIERS = frozenset(
    """prime foreign home external affairs defence defense finance trade commerce energy
    treasury state interior justice health education deputy vice chief senior junior acting
    former general executive assistant under principal national security agriculture labour labor
    transport environment culture sports science technology information economic petroleum
    power railways housing""".split()
)

#: Honorific-like short titles that are too vague alone to be a position of their own.
GENERIC_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sir"})

#: Head nouns that make a named noun phrase an Event.
EVENT_HEADS = frozenset(
    """summit ministerial meeting meetings conference talks dialogue forum congress convention
    assembly session games olympics championship cup festival expo exhibition election elections
    referendum war battle crisis visit tour rally parade ceremony inauguration""".split()
)

#: Head nouns that make a named noun phrase an Agreement.
AGREEMENT_HEADS = frozenset(
    "deal agreement treaty pact accord initiative alliance partnership protocol memorandum "
    "framework compact charter".split()
)

#: Adjectival "-led" style modifiers: "the U.S.-led initiative" means the U.S. organises it.
LEADER_SUFFIXES = ("-led", "-hosted", "-sponsored", "-backed", "-organised", "-organized", "-brokered")

#: Verb lemma -> predicate of the news vocabulary.
VERB_PREDICATES = {
    "meet": "meets",
    "talk": "speaksWith",
    "speak": "speaksWith",
    "call": "speaksWith",
    "phone": "speaksWith",
    "attend": "attends",
    "host": "hosts",
    "organize": "organizes",
    "organise": "organizes",
    "lead": "organizes",
    "launch": "organizes",
    "convene": "organizes",
    "invite": "invitedTo",
    "visit": "visits",
    "tour": "visits",
    "announce": "announces",
    "unveil": "announces",
    "welcome": "welcomes",
    "hail": "welcomes",
    "support": "supports",
    "back": "supports",
    "endorse": "supports",
    "criticize": "criticizes",
    "criticise": "criticizes",
    "condemn": "criticizes",
    "slam": "criticizes",
    "denounce": "criticizes",
    "blame": "criticizes",
    "discuss": "discusses",
    "agree": "agreesTo",
    "sign": "agreesTo",
    "ratify": "agreesTo",
    "commit": "commitsTo",
    "pledge": "commitsTo",
    "promise": "commitsTo",
    "join": "memberOf",
    "employ": "worksFor",
    "hire": "worksFor",
    "locate": "locatedIn",
    "base": "basedIn",
    "headquarter": "basedIn",
    "live": "livesIn",
    "reside": "livesIn",
    "kill": "kills",
    "murder": "kills",
    "assassinate": "kills",
    "slay": "kills",
    "execute": "kills",
    "shoot": "kills",
    "stab": "kills",
    "strangle": "kills",
    "behead": "kills",
    "sanction": "sanctions",
}

#: Predicates whose object is reached through a preposition ("met with", "agreed to", "works for").
PREPOSITION_OBJECTS = {
    "meets": ("with",),
    "speaksWith": ("with", "to"),
    "invitedTo": ("to", "for"),
    "agreesTo": ("to", "on", "with"),
    "commitsTo": ("to",),
    "worksFor": ("for", "at", "with"),
    "locatedIn": ("in", "at", "near"),
    "basedIn": ("in", "at", "out"),
    "livesIn": ("in", "at"),
    "discusses": ("about",),
    "memberOf": ("of",),
}

#: Event nouns that name a relation between the people around them ("a call between X and Y").
NOUN_PREDICATES = {
    "meeting": "meets",
    "talks": "speaksWith",
    "talk": "speaksWith",
    "call": "speaksWith",
    "conversation": "speaksWith",
    "phone call": "speaksWith",
    "visit": "visits",
    "trip": "visits",
    "support": "supports",
    "criticism": "criticizes",
    "commitment": "commitsTo",
    "invitation": "invitedTo",
    "membership": "memberOf",
}

#: Nouns that name a killing: the victim follows "of", the killer "by" or a possessive
#: ("the assassination of Lincoln by Booth", "Booth's murder of Lincoln").
KILLING_NOUNS = frozenset("assassination murder killing slaying shooting stabbing execution".split())

#: Nouns for the one who kills: "Lincoln's assassin, John Wilkes Booth", "X, the killer of Y".
KILLER_NOUNS = frozenset("assassin killer murderer gunman slayer".split())

#: Nouns that say where a person lives: "X, a resident of Y", "a native of Y", "citizens of Y".
RESIDENT_NOUNS = frozenset("resident native citizen inhabitant villager townsman homeowner".split())

#: Light verbs that hand their predicate to their object noun ("held talks with", "expressed support for").
LIGHT_VERBS = frozenset("have hold make give express voice offer extend pledge reaffirm hold conduct".split())

#: Nouns that name a tariff-like measure one country imposes on another.
TARIFF_NOUNS = frozenset("tariff tariffs duty duties levy levies".split())

#: Verb lemma -> modality of the clause it governs ("hopes to host" is hoped).
MODAL_VERBS = {
    "hope": "hoped",
    "wish": "hoped",
    "want": "hoped",
    "aim": "planned",
    "plan": "planned",
    "intend": "planned",
    "schedule": "planned",
    "prepare": "planned",
    "set": "planned",
    "expect": "expected",
    "anticipate": "expected",
    "likely": "expected",
    "say": "reported",
    "tell": "reported",
    "report": "reported",
    "announce": "reported",
    "state": "reported",
    "add": "reported",
    "confirm": "reported",
    "note": "reported",
    "write": "reported",
    "claim": "claimed",
    "allege": "claimed",
    "insist": "claimed",
    "assert": "claimed",
    "maintain": "claimed",
    "may": "possible",
    "might": "possible",
    "could": "possible",
    "consider": "possible",
    "seek": "hoped",
    "try": "hoped",
    "propose": "planned",
}

#: Nouns that introduce a reported or claimed proposition ("the government's statement that ...").
CLAIM_NOUNS = {
    "statement": "claimed",
    "claim": "claimed",
    "allegation": "claimed",
    "assertion": "claimed",
    "report": "reported",
    "reports": "reported",
    "announcement": "reported",
    "hope": "hoped",
    "plan": "planned",
    "expectation": "expected",
}

#: Words that negate the clause they modify.
NEGATIONS = frozenset("not n't never no neither nor".split())

#: Verbs and adjectives whose complement did not happen ("failed to visit", "unable to host").
NEGATING_HEADS = frozenset("fail refuse decline unable deny reject cancel".split())

#: Sentence adverbs that hedge the clause they modify ("Kishida reportedly criticized Russia").
HEDGE_ADVERBS = {
    "reportedly": "reported",
    "allegedly": "claimed",
    "purportedly": "claimed",
    "supposedly": "claimed",
    "possibly": "possible",
    "perhaps": "possible",
    "maybe": "possible",
    "probably": "expected",
    "likely": "expected",
}
