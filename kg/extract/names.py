"""The names of one document, read together: its parsed passages -> one token -> Mention map per
passage, where each name has one type and one key throughout the document.

The small model tags the same name differently from sentence to sentence ("Yukos" a person
here, an organisation there) and misses it in others. So the document decides: every
occurrence votes for a type, context words weigh more ("Mr", "plc", "shares in", an
apposition that names a kind: "a Russian oil company"); a name found once is found wherever it
recurs; an acronym takes the key of the name it abbreviates ("Food and Agriculture
Organisation (FAO)", "BoE" after "Bank of England"); a first name alone ("Anil", "Sir
Nicholas") is the one person of the document with that first name.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from kg import predicates
from kg.components import region_after
from kg.extract.governments import government_mentions
from kg.extract.entities import DOCUMENT_HEADS, INSTITUTIONS, agreement_key, kind_after, mention_of, normalise_name, passage_mentions, person_name
from kg.gazetteer import country_code, demonym_code, gender_of, is_city, is_town, party_name
from kg.lexicon import HONORIFICS, METRIC_NOUNS, OCCUPATION_NOUNS, ORGANIZATION_KINDS, OWNED_PARTICIPLES, PERSON_NOUNS, REGION_KINDS, ROYAL_STYLES, SPEECH_VERBS, SUBSIDIARY_NOUNS, SUBUNIT_NOUNS, TITLE_MODIFIERS, is_honorific
from kg.model import Mention, Passage
from kg.syntax.phrases import capitalised, indices_of, letter_prefixed, lower_case_words, token_texts, written_counts
from kg.syntax.titles import is_title_head

__all__ = ["document_mentions"]

#: Types a name may be re-typed between; countries, parties, events and titles keep theirs.
_VOTING_TYPES = ("Person", "Organization", "Place")
_CORPORATE_WORDS = frozenset(
    """plc inc inc. ltd ltd. corp corp. co co. llc ag sa nv spa gmbh group holdings holding bank
    airways airlines motors systems industries international corporation company partners capital
    securities associates communications networks technologies energy petroleum oil gas telecom
    foods brewery breweries insurance assurance investments finance financial media entertainment
    pharmaceuticals electronics steel chemicals services council commission committee agency
    association union federation institute university college party office ministry department
    fund trust foundation board authority exchange""".split()
)
#: Last words of the names of programmes and papers, which no person's name ends in (not
#: "magazine" or "herald", which are some people's surnames).
_MEDIA_WORDS = frozenset("hour programme program show newspaper gazette tribune".split())
#: First words of organisations' names: "Air Sahara", "Ministry of Commerce", "University of Delaware".
_ORG_FIRST_WORDS = frozenset("air ministry department university bank banco banca grupo groupe compagnie".split())
#: Kinds of organisation a person can be too: "investor Warren Buffett", "partner John Smith".
_PERSON_CAPABLE_KINDS = frozenset("player rival partner parent owner investor shareholder dealer broker builder developer supplier operator producer daily weekly body".split())
#: Last words of sports clubs' names: "Manchester United", "Blackburn Rovers".
_CLUB_WORDS = frozenset("united rovers athletic wanderers albion hotspur fc".split())
#: The last word of a name of a group's regional or financial arm: "General Motors Europe",
#: "Barclays Capital" (or of a firm of its own, "Newbridge Capital", when named first).
_ARM_WORDS = frozenset("europe asia africa americas pacific capital securities investments auto".split())
_PLACE_WORDS = frozenset("city county province state region island islands valley bay coast district street".split())
_ORG_NEXT = frozenset("shares share profits profit sales revenue chief boss board shareholders shareholder spokesman spokeswoman executives staff workers bid takeover stake".split())
#: What "chief" opens after a name in a firm's officer's title: "Electrolux chief executive".
_CORPORATE_CHIEFS = frozenset({"executive", "executives", "operating", "financial"})
_FEMALE = frozenset("mrs mrs. ms ms. miss lady dame baroness".split())
_STRONG = 3


@dataclass(frozen=True, slots=True)
class _Occurrence:
    passage: int
    start: int
    end: int
    mention: Mention


def _occurrences(maps: list[dict[int, Mention]]) -> list[_Occurrence]:
    found = []
    for p, by_token in enumerate(maps):
        spans: dict[Mention, list[int]] = defaultdict(list)
        for i, m in by_token.items():
            spans[m].append(i)
        found += [_Occurrence(p, min(idx), max(idx) + 1, m) for m, idx in spans.items()]
    return found


def _point(occ: _Occurrence, target: Mention | None, maps: list[dict[int, Mention]], other_key_only: bool = False) -> None:
    """Make an occurrence stand for ``target`` (its name, key and type), when there is one (and,
    with ``other_key_only``, when it has another key)."""
    if target is None or (other_key_only and target.key == occ.mention.key):
        return
    new = replace(occ.mention, name=target.name, key=target.key, type=target.type)
    for i in range(occ.start, occ.end):
        maps[occ.passage][i] = new


def _fixed(m: Mention) -> bool:
    """Mentions whose type the document does not vote on: countries, parties, events, titles."""
    return m.type not in _VOTING_TYPES or party_name(m.name) is not None or m.name.lower() in INSTITUTIONS


def _kind_before(doc: Doc, start: int, end: int) -> str | None:
    """The kind of organisation a lower-case noun right before a name says it is ("carmaker Opel"),
    in the singular; a plural before a list names the kind of every name in it ("construction
    companies Adhi Karya and Semen Gresik")."""
    if start >= 1 and doc[start - 1].is_lower and doc[start - 1].lower_ in ORGANIZATION_KINDS:
        return doc[start - 1].lower_  # "and miner Barrick Gold": its own kind, in a list or not
    first = doc[start:end].root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    # Where the list's first name starts (its compounds), or this name when it is no list's.
    at = min(t.i for t in first.subtree if t.i <= first.i and (t.dep_ == "compound" or t.i == first.i)) if first.i < start else start
    word = doc[at - 1] if at >= 1 else None
    if word is None or not word.is_lower or word.tag_ != "NNS" or word.lemma_.lower() not in ORGANIZATION_KINDS:
        return None
    return word.lemma_.lower()


def _kind_vote(kind: str) -> float:
    """The organisation vote of a kind noun beside a name: more than a first name's person vote
    for a kind only a firm can be ("carmaker"), as much for one a person can be ("investor")."""
    return _STRONG if kind in _PERSON_CAPABLE_KINDS else _STRONG + 1


def _cues(doc: Doc, occ: _Occurrence, surnames: frozenset[str] = frozenset()) -> Counter:
    """Type votes of one occurrence: its label (1) and what its context says (``_STRONG`` each)."""
    votes: Counter = Counter({occ.mention.type: 1})
    if occ.mention.name in surnames:
        # "Kilroy-Silk" after "Robert Kilroy-Silk": the surname of a person of the document.
        votes["Person"] += 2
    if occ.start >= 1 and doc[occ.start - 1].lower_ in {"the", "a", "an"} and occ.end - occ.start == 1:
        # "the Bill", "the Federation": a capitalised common noun, never a person's name.
        votes["Person"] -= _STRONG
    words = occ.mention.text.split()
    if words and is_honorific(words[0]):
        votes["Person"] += _STRONG
    if _aged(doc, occ.start, occ.end):
        votes["Person"] += _STRONG
    if (
        occ.start >= 1 and is_title_head(doc[occ.start - 1]) and doc[occ.start - 1].pos_ in {"NOUN", "PROPN"} and not doc[occ.start - 1].ent_type_
        and occ.end - occ.start > 1 and not (occ.end < len(doc) and is_title_head(doc[occ.end]))
    ):
        # "chief executive Maeve Sherlock", "Chancellor Gordon Brown": an office before a full name
        # (not "Deputy High Court Judge", a title around the name of the office's court).
        votes["Person"] += _STRONG
    last = doc[occ.end - 1]
    if last.lower_ in (_CORPORATE_WORDS | _MEDIA_WORDS) and occ.end - occ.start > 1:
        votes["Organization"] += _STRONG  # "Westminster Hour", "Evening Gazette": a programme or paper, no person
    if occ.end - occ.start > 1 and (doc[occ.start].lower_ in _ORG_FIRST_WORDS or last.lower_ in _CLUB_WORDS):
        # "Air Deccan", "Ministry of Commerce", "University of Delaware", "Manchester United".
        votes["Organization"] += _STRONG
    if last.lower_ in _PLACE_WORDS and occ.end - occ.start > 1 or kind_after(doc, occ.start, occ.end) in REGION_KINDS:
        votes["Place"] += _STRONG  # "Kashmir Valley", "India's Andhra Pradesh state"
    if is_city(occ.mention.name):
        votes["Place"] += _STRONG
    elif is_town(occ.mention.name):
        # Weaker than a list city: "Toyota" the carmaker, tagged an organisation, stays one.
        votes["Place"] += 1.5
    after_word = doc[occ.end].lower_ if occ.end < len(doc) else ""
    if after_word in {"itself", "its"}:
        votes["Organization"] += _STRONG
    elif after_word in {"himself", "herself"}:
        votes["Person"] += _STRONG
    after = doc[occ.end : occ.end + 2]
    if len(after) == 2 and after[0].tag_ == "POS" and after[1].lower_ in _ORG_NEXT:
        votes["Organization"] += _STRONG
    if len(after) >= 1 and after[0].lower_ in _ORG_NEXT and after[0].lower_ not in {"chief", "boss", "board"}:
        votes["Organization"] += 2
    if len(after) == 2 and after[0].lower_ == "news" and after[1].lower_ in {"agency", "agencies", "service", "channel", "network"}:
        votes["Organization"] += _STRONG  # "according to Tass news agency"
    if len(after) == 2 and after[0].lower_ == "chief" and after[1].lower_ in _CORPORATE_CHIEFS:
        # "Electrolux chief executive Hans Straberg": a firm's officer ("army chief" is not one).
        votes["Organization"] += _STRONG
    if occ.start >= 2 and doc[occ.start - 1].lower_ == "in" and doc[occ.start - 2].lower_ in {"shares", "stake", "stakes", "shareholding"} and not (
        doc[occ.start - 2].lower_ == "shares" and any(c.dep_ == "poss" for c in doc[occ.start - 2].children) and is_city(occ.mention.name)
    ):
        # (not "Carnival's shares in London": whose shares they are is said, and a city is where they trade)
        votes["Organization"] += _STRONG
    if _share_of(doc, occ.start, occ.end):
        votes["Organization"] += _STRONG
    if occ.start >= 2 and doc[occ.start - 1].lower_ in OWNED_PARTICIPLES and doc[occ.start - 2].text == "-":
        votes["Organization"] += _STRONG  # "state-owned Rosneft", "Kremlin-controlled Gazprom"
    kind = _kind_before(doc, occ.start, occ.end)
    if kind is not None:
        # "carmaker Adam Opel" (a firm), "investor Warren Buffett" (a person), "construction
        # companies Adhi Karya and Semen Gresik" (both firms).
        votes["Organization"] += _kind_vote(kind)
    if occ.start >= 2 and doc[occ.start - 1].lower_ == "based" and doc[occ.start - 2].text == "-":
        votes["Organization"] += _STRONG
    if occ.end + 1 < len(doc) and doc[occ.end].text == "-" and doc[occ.end + 1].lower_ == "based":
        votes["Place"] += _STRONG
    if _town_of_based(doc, occ.end):
        # "The Jacksonville, Florida-based firm": a town and its state, however the parser hangs
        # the firm's verb and figures on the town.
        votes["Place"] += 2 * _STRONG
    owned_next = len(after) >= 1 and after[0].lower_ in _ORG_NEXT  # "trade in Gazprom shares"
    # "access to BT's local network": what the preposition governs is the network, not the name.
    possessive = len(after) >= 1 and after[0].tag_ == "POS"
    if occ.start >= 1 and doc[occ.start - 1].lower_ in {"in", "near", "outside", "to"} and not owned_next and not possessive and not (
        occ.start >= 2 and doc[occ.start - 2].lower_ in {"shares", "stake", "stakes", "invest", "invested", "investment", "trade", "trading", "traded"}
    ):
        votes["Place"] += 2
    names = occ.mention.name.split()
    if len(names) >= 2 and gender_of(occ.mention) is not None:
        votes["Person"] += _STRONG
    elif 2 <= len(names) <= 3 and all(w[:1].isupper() and w.lower() not in _CORPORATE_WORDS and w.lower() not in ORGANIZATION_KINDS for w in names) and occ.mention.type == "Person":
        votes["Person"] += 0.5  # a plain two-word name reads as a person's when the votes tie
    root = doc[occ.start : occ.end].root
    if root.dep_ == "poss" and root.head.lemma_.lower() in _ORG_NEXT and root.head.i > occ.end:
        # "Sunderland's leading shareholder", "Vodafone's chief executive"
        votes["Organization"] += 2
    if occ.mention.type != "Person" and _plural_agreement(root):
        # "Sunderland were relegated", "Chelsea are top": one name taking a plural verb is a
        # team or a firm (British English), never a town.
        votes["Organization"] += _STRONG
    if root.dep_ in {"nsubj", "poss"}:
        # "Vodafone reported strong sales", "Inbev's profits": whoever has profits and sales is a firm.
        verb = root.head
        if root.dep_ == "nsubj" and verb.lemma_.lower() == "employ" and any(c.dep_ == "dobj" and c.lemma_.lower() in {"people", "staff", "worker", "workers", "employee", "employees"} for c in verb.children):
            votes["Organization"] += _STRONG  # "Exel employs 109,000 people"
        if root.dep_ == "nsubj" and verb.lemma_.lower() in SPEECH_VERBS and verb.tag_ in {"VBD", "VBZ", "VBP"} and is_town(occ.mention.name) and not is_city(occ.mention.name):
            # "Halifax said house prices rose": a town does not speak; the firm named after it does
            # (a capital that speaks for its government, "Beijing said", stays a place).
            votes["Organization"] += _STRONG
        if any(c.dep_ in {"dobj", "attr"} and c.lemma_.lower() in METRIC_NOUNS and c.lemma_.lower() not in {"growth", "economy", "gdp", "inflation", "unemployment", "population"} for c in verb.children) or (
            root.dep_ == "poss" and verb.lemma_.lower() in {"profit", "profits", "sales", "revenue", "revenues", "earnings", "shares", "turnover"}
        ):
            votes["Organization"] += _STRONG
    if _organisation_argument(root):
        votes["Organization"] += _STRONG
    if root.dep_ == "pobj" and root.head.lower_ in {"at", "with"} and _is_job(root.head.head):
        # "an analyst at Gartmore", "senior strategist with 4Cast": where a job is held is an employer.
        votes["Organization"] += _STRONG
    # "Paul Hofheinz of the Lisbon Council, a Brussels-based group": an apposition after an
    # "of" phrase describes that phrase's name, however the parser hangs it.
    of_phrases = [p.i for p in root.children if p.dep_ == "prep" and p.lower_ in {"of", "at", "from"} and p.i >= occ.end]
    for child in root.children:
        if child.dep_ == "appos" and child.i >= occ.end and not any(i < child.i for i in of_phrases):
            if child.lower_ in ORGANIZATION_KINDS:
                votes["Organization"] += _kind_vote(child.lower_)
            elif any(c.dep_ == "poss" and c.lower_ == "its" for c in child.children) and any(c.dep_ == "conj" for c in child.children):
                # "Vivendi Universal, its boss and others": a list of the firm and its people (not
                # "Alois Rhiel, its minister for economic affairs", who is the minister).
                votes["Organization"] += _STRONG
            elif is_title_head(child) or child.lemma_.lower() in PERSON_NOUNS:
                votes["Person"] += _STRONG
    if root.dep_ == "appos" and root.head.lemma_.lower() in ORGANIZATION_KINDS and root.head.i < occ.start:
        # "the carmaker, Opel", "two companies turned up, Gazprom and Baikal"
        votes["Organization"] += _STRONG
    if occ.mention.type == "Person" and _which_clause(root, occ.end):
        # "Diageo, which is listed in London", "Laura Ashley, which is due to report": what
        # "which" stands for is a thing; a name the model took for a person's is a firm's, or a
        # bill's ("the ... Provisions) Bill, which will be considered").
        # "Who" says less of an organisation: British English has "Chelsea, who won" and "the
        # Tamil Tigers, who control the north".
        votes["Agreement" if last.lower_ in DOCUMENT_HEADS else "Organization"] += _STRONG
    return votes


#: Verbs whose object "40% of X" is a share of a firm: "Suez owns 40% of Aguas Argentinas".
_SHARE_VERBS = frozenset("own hold buy sell acquire control take keep retain purchase offload".split())


_AGE = re.compile(r"^\d{1,3}-year-old$")


def _aged(doc: Doc, start: int, end: int) -> bool:
    """A name given an age: "14-year-old Stefan Pakeerah", "Annabella Holmes, 47, said"."""
    if start >= 1 and _AGE.match(doc[start - 1].lower_):
        return True
    if start >= 3 and doc[start - 1].lower_ == "old" and doc[start - 2].text == "-" and doc[start - 3].lower_ in {"year", "years"}:
        return True  # the tokenizer's "14 - year - old"
    after = doc[end : end + 3]
    return len(after) == 3 and after[0].text == "," and after[1].like_num and after[1].text.isdigit() and int(after[1].text) < 120 and after[2].text == ","


def _plural_agreement(root: Token) -> bool:
    """Whether a singular proper name is the subject of a plural verb ("Sunderland were")."""
    if root.dep_ not in {"nsubj", "nsubjpass"} or root.tag_ != "NNP" or any(c.dep_ in {"conj", "cc"} for c in root.children):
        return False
    verb = root.head
    words = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    return any(w.lower_ in {"were", "are"} or (w.tag_ == "VBP" and w.lower_ in {"have", "remain"}) for w in words)


def _share_of(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is what a percentage owned or traded is of ("owns 40% of
    Aguas Argentinas", "bought 18.8% of Southcorp"): a company's shares, never a person's ("20% of
    Mr Ali's firm" is the firm's)."""
    if start < 2 or doc[start - 1].lower_ != "of" or (end < len(doc) and doc[end].tag_ == "POS"):
        return False
    share = doc[start - 2]
    if share.lower_ not in {"%", "percent", "cent"}:
        return False
    share = share.head if share.lower_ == "cent" and share.head.lower_ == "%" else share
    return share.dep_ == "dobj" and share.head.lemma_.lower() in _SHARE_VERBS


def _which_clause(root: Token, end: int) -> bool:
    """Whether a relative clause after the name has "which" for subject ("Diageo, which reported
    ..."); as the clause's object it says less ("Dracula, which he calls good fun")."""
    return any(
        child.dep_ == "relcl" and child.i >= end and any(w.dep_ in {"nsubj", "nsubjpass"} and w.lower_ == "which" for w in child.children)
        for child in root.children
    )


def _is_job(token: Token) -> bool:
    """A noun that names someone's job: an office ("chief executive") or an occupation ("analyst")."""
    return token.pos_ == "NOUN" and (is_title_head(token) or token.lemma_.lower() in OCCUPATION_NOUNS)


def _honorific_word(text: str) -> bool:
    words = text.split()
    return len(words) > 1 and is_honorific(words[0])


def _organisation_argument(root: Token) -> bool:
    """The name is what a frame can only say of an organisation: bought, sold, merged with, owned
    ("Yugansk was swallowed up by Rosneft", "a stake in Sibneft", "a bid for Exel")."""
    head = root.head
    if root.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB":
        return any(p.range == ("Organization",) and p.name != "relatedTo" for p, _ in predicates.verb_frames(head.lemma_.lower()))
    if root.dep_ == "pobj" and head.head.pos_ == "NOUN" and head.head.lower_ != "parents":  # "the parents of Stefan"
        noun = head.head.lemma_.lower()
        return any(p.range == ("Organization",) and any(slot == f"prep:{head.lower_}" for slot in frame.object) for p, frame in predicates.noun_frames(noun))
    return False


def _unsupported_people(parsed, occurrences: list[_Occurrence], decided: dict[str, str], surnames: frozenset[str]) -> list[str]:
    """Keys of one-word names decided Person that no occurrence supports as a person."""
    supported: set[str] = set()
    seen: Counter = Counter()
    # "Shahid" after "Shahid Malik": the first name of someone the article names in full.
    first_names = {o.mention.name.split()[0] for o in occurrences if o.mention.type == "Person" and len(o.mention.name.split()) > 1}
    for occ in occurrences:
        m = occ.mention
        key = _vote_key(m)
        if decided.get(key) != "Person" or len(m.name.split()) != 1:
            continue
        seen[key] += 1
        doc = parsed[occ.passage][0]
        after = doc[occ.end : min(len(doc), occ.end + 12)]
        subject = doc[occ.start : occ.end].root.dep_ in {"nsubj", "nsubjpass"}
        if subject and any(t.lower_ in {"he", "she"} and t.dep_ == "nsubj" for t in after) and not any(t.ent_type_ == "PERSON" for t in after):
            supported.add(key)  # "Merkel landed. She met Macron." (not "discussed Quad cooperation. He said")
        words = m.text.split()
        honorific = words and is_honorific(words[0])
        titled = occ.start > 0 and (doc[occ.start - 1].ent_type_ == "TITLE" or is_title_head(doc[occ.start - 1]))
        if honorific or titled or m.name in surnames or m.name in first_names or gender_of(replace(m, name=m.name + " x")) is not None:
            supported.add(key)
        if len(after) >= 2 and after[0].tag_ == "POS" and after[1].ent_type_ == "GPE" and after[1].i + 1 < len(doc) and doc[after[1].i + 1].pos_ not in {"NOUN", "PROPN"}:
            supported.add(key)  # "Hitler's Germany", "Putin's Russia": the country of its ruler
    # A name seen once keeps the model's reading: too little to overrule it. Seen counts every
    # time the article writes the name, tagged or not ("the Quad" the model missed twice).
    names = {_vote_key(o.mention): o.mention.name for o in occurrences if " " not in _vote_key(o.mention)}
    unsupported = [key for key, kind in decided.items() if kind == "Person" and " " not in key and key not in supported]
    asked = {names[key] for key in unsupported if key in names}
    written: Counter = Counter()
    for doc, _ in parsed:
        written.update(written_counts(doc, asked))
    return [key for key in unsupported if max(seen[key], written[names.get(key, "")]) >= 2]


def _vote_key(m: Mention) -> str:
    """What occurrences of one name share, whatever their type: the normalised name."""
    return normalise_name(m.name)


def _retyped(m: Mention, kind: str) -> Mention:
    if m.type == kind:
        return m
    name = person_name(m.text) if kind == "Person" else m.name
    if not name:
        return m
    key = agreement_key(name, m.doc_id) if kind == "Agreement" else f"{kind.lower()}:{normalise_name(name)}"
    return replace(m, type=kind, name=name, key=key)


_INITIALS_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "la", "le", "des"})


def _initials(name: str) -> tuple[str, str]:
    """(initials of the capitalised words, initials of every word): "Bank of England" -> ("BE", "BOE")."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    big = "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in _INITIALS_SKIP)
    every = "".join(w[0] for w in words if w[:1].isalpha()).upper()
    return big.upper(), every


class _Initials:
    """A document's names by their initials, for :func:`_acronym_of` to look an acronym up
    rather than work out every name's initials for every short name (quadratic in a long
    document). Each name is there once, at its last occurrence: the one the lookup keeps."""

    def __init__(self, names: list[Mention]) -> None:
        #: Initials of the capitalised words -> the names, in document order.
        self.capitals: dict[str, list[Mention]] = defaultdict(list)
        #: Either initials -> the names of more than one word, in document order.
        self.words: dict[str, list[Mention]] = defaultdict(list)
        for m in _last_occurrences(names):
            big, every = _initials(m.name)
            self.capitals[big].append(m)
            if len(m.name.split()) > 1:
                for initials in {big, every}:
                    self.words[initials].append(m)


def _last_occurrences(mentions: list[Mention]) -> list[Mention]:
    """Each name (key, name and type) once, at its last occurrence, in document order: where a
    search that keeps the last name found of a key would find it."""
    last = {(m.key, m.name, m.type): i for i, m in enumerate(mentions)}
    return [mentions[i] for i in sorted(last.values())]


def _acronym_of(short: str, names: _Initials) -> Mention | None:
    """The one multi-word name of ``names`` that ``short`` abbreviates, or None."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not 2 <= len(letters) <= 6 or not letters[0].isupper():
        return None
    upper = letters.upper()
    if sum(c.isupper() for c in letters) < 2:
        # "Sepa", "Hefce": written as a word, a short form must spell out a long name exactly.
        found = {m.key: m for m in names.capitals.get(upper, ())} if len(letters) >= 4 else {}
    else:
        found = {m.key: m for m in names.words.get(upper, ())}
    return next(iter(found.values())) if len(found) == 1 else None


def _edits(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (insertions, deletions, substitutions, swaps of two
    neighbours), or ``limit + 1`` once it is sure to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        previous2, previous = previous, row
    return previous[-1]


def _spellings(mentions: list[Mention]) -> dict[str, Mention]:
    """Key -> the mention of the article's usual spelling, for names the article spells two ways.

    Only long words can be told apart from other names by one or two letters: the word that
    differs has nine letters or more (one edit; two from twelve), the other words are the same,
    and the two have the same type or one is an organisation the model read as a place.
    """
    counts = Counter(m.key for m in mentions)
    first = {}
    for m in mentions:
        if not _fixed(m) and m.type in _VOTING_TYPES:
            first.setdefault(m.key, m)
    # The usual spelling is the one the article writes most, counting the longer names that
    # contain it: "Mr Valenzeula" once beside "Mr Valenzuela" once and "Fernando Valenzuela".
    words_of = {key: m.name.lower().split() for key, m in first.items()}
    # The names are looked up by word, not each read against every other (quadratic in a long
    # document): a name containing another holds its first word, and two spellings of a name
    # are the same words but at one place.
    holding: dict[str, list[str]] = defaultdict(list)
    for key, words in words_of.items():
        for w in dict.fromkeys(words):
            holding[w].append(key)

    def support(m: Mention) -> int:
        words = words_of[m.key]
        n = len(words)
        keys = holding.get(words[0], ()) if words else words_of
        return sum(counts[key] for key in keys if any(words_of[key][i : i + n] == words for i in range(len(words_of[key]) - n + 1)))

    names = sorted(first.values(), key=lambda m: (-support(m), -counts[m.key], m.key))
    # (number of words, a place, the other words) -> the positions in ``names`` of the names so written.
    but_one: dict[tuple, list[int]] = defaultdict(list)
    for k, m in enumerate(names):
        words = words_of[m.key]
        for j in range(len(words)):
            but_one[(len(words), j, *words[:j], *words[j + 1 :])].append(k)
    out: dict[str, Mention] = {}
    for i, rare in enumerate(names):
        words = rare.name.lower().split()
        alike = sorted({k for j in range(len(words)) for k in but_one.get((len(words), j, *words[:j], *words[j + 1 :]), ()) if k < i})
        for usual in map(names.__getitem__, alike):
            other = usual.name.lower().split()
            if usual.key in out or len(other) != len(words) or usual.type != rare.type and {usual.type, rare.type} != {"Organization", "Place"}:
                continue
            differing = [(a, b) for a, b in zip(words, other) if a != b]
            if len(differing) != 1:
                continue
            a, b = differing[0]
            if _misspelt(a, b, shortest=9):
                out[rare.key] = usual
                break
    out.update(_styled_misspellings(names, out, counts))
    return out


def _misspelt(a: str, b: str, shortest: int) -> bool:
    """Whether two words are one name spelt two ways: "Mac" for "Mc", or, when both have
    ``shortest`` letters or more, one edit apart (two from twelve letters)."""
    if _clan_spelling(a) == _clan_spelling(b):
        return True
    limit = 2 if min(len(a), len(b)) >= 12 else 1
    return min(len(a), len(b)) >= shortest and _edits(a, b, limit) <= limit


def _clan_spelling(word: str) -> str:
    """"MacDonald" and "McDonald" written one way: the two spellings of one Gaelic prefix."""
    return "mc" + word[3:] if word.startswith("mac") and len(word) > 6 else word


def _styled_misspellings(names: list[Mention], taken: dict[str, Mention], counts: Counter) -> dict[str, Mention]:
    """"Mr Barot" after "Jacques Barrot", "Ms Chada" after "Monica Chadha": a surname with a
    courtesy title that no one in the article bears, a letter away from the surname of exactly one
    person the article names in full, is that person (five letters or more, two letters from
    twelve, "Mc" for "Mac"; "Mr Browne" beside "Gordon Brown" and "Des Browne" is Des Browne,
    named exactly). When the article writes the titled surname more often than the full name, the
    full name is the one misspelt ("Mikhail Khordokovsky" once, "Mr Khodorkovsky" twice): both
    take the titled spelling."""
    full: dict[str, dict[str, Mention]] = defaultdict(dict)
    for m in names:
        words = m.name.split()
        if m.type == "Person" and len(words) > 1:
            full[words[-1].lower()].setdefault(m.key, m)
    out: dict[str, Mention] = {}
    for m in names:
        word = m.name.lower()
        if m.type != "Person" or m.key in taken or " " in word or len(word) < 5 or word in full or not _honorific_word(m.text):
            continue
        near = [people for surname, people in full.items() if len(surname) >= 5 and _misspelt(word, surname, shortest=5)]
        if len(near) == 1 and len(near[0]) == 1:
            person = next(iter(near[0].values()))
            if counts[m.key] > counts[person.key]:
                name = " ".join(person.name.split()[:-1] + [m.name])
                out[person.key] = person = replace(person, name=name, key=f"person:{normalise_name(name)}")
            out[m.key] = person
    return out


def _genitive_names(parsed: list[tuple[Doc, Passage]], occurrences: list[_Occurrence]) -> dict[str, Mention]:
    """"McDonald's" and "McDonalds" in one article: a firm named in the genitive, which the
    parse reads as a name and a possessive, is the same firm when the article also writes it
    with a bare "s". Key of the bare spelling -> a mention of the genitive one."""
    genitive: dict[str, Mention] = {}
    for occ in occurrences:
        doc = parsed[occ.passage][0]
        if occ.mention.type == "Organization" and occ.end < len(doc) and doc[occ.end].lower_ in {"'s", "’s"}:
            genitive.setdefault(occ.mention.name.lower() + "s", occ.mention)
    return {
        occ.mention.key: genitive[occ.mention.name.lower()]
        for occ in occurrences
        if occ.mention.type == "Organization" and occ.mention.name.lower() in genitive and genitive[occ.mention.name.lower()].key != occ.mention.key
    }


_OCCASION_TYPES = frozenset({"Event", "Agreement"})
#: A year in a name ("Hunting Act 2004") does not tell two occasions apart in one article.
_YEAR = re.compile(r"(1[89]|20)\d\d")
_OCCASION_FILLERS = frozenset("the a an of for on in at to and 's".split())


def _occasion_signature(name: str) -> tuple[str, frozenset[str]]:
    """(head noun, the names in it) of an event or document: "meeting of the G7 finance
    ministers" -> ("meeting", {"g7"}), "Tory election manifesto" -> ("manifesto", {"tory"})."""
    words = [w for w in re.sub(r"[’']s\b", " 's", name).split() if not _YEAR.fullmatch(w)] or name.split()
    cut = next((i for i, w in enumerate(words) if w.lower() == "of" and i > 0), len(words))
    head = words[cut - 1].lower()
    named = frozenset(
        w.lower() for i, w in enumerate(words)
        if i != cut - 1 and w.lower() not in _OCCASION_FILLERS and (w[:1].isupper() or any(c.isdigit() for c in w))
    )
    return head, named


def _same_occasions(mentions: list[Mention]) -> dict[str, Mention]:
    """Key -> the mention whose name stands for the same event or document in one article: the
    same head noun and the same names around it ("G7 meeting", "meeting of G7 countries"), or
    the bare head ("the constitution") when one named occasion has it ("the EU Constitution")."""
    counts = Counter(m.key for m in mentions if m.type in _OCCASION_TYPES)
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.type in _OCCASION_TYPES:
            first.setdefault(m.key, m)
    by_signature: dict[tuple[str, str, frozenset[str]], list[Mention]] = defaultdict(list)
    for m in sorted(first.values(), key=lambda m: (-counts[m.key], -len(m.name), m.key)):
        head, named = _occasion_signature(m.name)
        by_signature[(m.type, head, named)].append(m)
    out: dict[str, Mention] = {}
    for (kind, head, named), group in by_signature.items():
        if not named:
            # The bare head ("the constitution"): the one named occasion of that kind and head, if
            # there is one; an unnamed but described one ("a games industry meeting") stays apart.
            others = [g[0] for (k, h, n), g in by_signature.items() if k == kind and h == head and n]
            if len(others) == 1:
                out.update({m.key: others[0] for m in group if len(m.name.split()) == 1})
            continue
        out.update({m.key: group[0] for m in group if m.key != group[0].key})
    return out


def _defined_short_forms(parsed: list[tuple[Doc, Passage]], maps: list[dict[int, Mention]]) -> dict[str, Mention]:
    """Short form -> the organisation it stands for, from "<organisation of two or more words> (<one
    capitalised word>)"; a short form given to two organisations is neither's."""
    found: dict[str, set[Mention]] = defaultdict(set)
    for (doc, _), by_token in zip(parsed, maps, strict=True):
        for i in indices_of(doc, "("):
            if i == 0 or i + 2 >= len(doc) or doc[i + 2].text != ")":
                continue
            short, owner = doc[i + 1], by_token.get(i - 1)
            if (
                owner is not None and owner.type == "Organization" and len(owner.name.split()) > 1
                and short.is_alpha and 2 <= len(short.text) <= 8 and short.text[:1].isupper()
            ):
                found[short.text].add(owner)
    return {short: next(iter(owners)) for short, owners in found.items() if len({m.key for m in owners}) == 1}


def _propagate(parsed: list[tuple[Doc, Passage]], maps: list[dict[int, Mention]], names: dict[tuple[str, ...], Mention]) -> None:
    """Wherever a known name recurs untagged, it is that name ("Barclays" tagged once, missed twice)."""
    if not names:
        return
    longest = max(len(k) for k in names)
    for (doc, passage), by_token in zip(parsed, maps, strict=True):
        # Every word's text and capitalisation from spaCy's token array: a Token for each word
        # of each passage would cost more than the rest of the search.
        texts = token_texts(doc)
        caps = capitalised(doc)
        i = 0
        while i < len(doc):
            if i in by_token or not caps[i]:
                i += 1
                continue
            hit = None
            for n in range(min(longest, len(doc) - i), 0, -1):
                words = tuple(texts[i : i + n])
                if n == 1 and not doc[i].is_upper and (doc[i].is_sent_start or doc[i].pos_ != "PROPN"):
                    continue  # "Total sales rose": a capitalised common word, not the firm
                if words in names and not any(j in by_token for j in range(i, i + n)):
                    if i + n < len(doc) and (doc[i + n].is_title and doc[i + n].pos_ == "PROPN"):
                        break  # part of a longer name ("Barclays Capital")
                    hit = (n, names[words])
                    break
            if hit is None:
                i += 1
                continue
            n, known = hit
            span = Span(doc, i, i + n, label="PERSON" if known.type == "Person" else "ORG")
            m = mention_of(span, passage)
            if m is not None:
                m = replace(m, type=known.type, name=known.name, key=known.key)
                for j in range(i, i + n):
                    by_token[j] = m
            i += n


#: Two capitals that are a common abbreviation more often than a firm's name.
_NOT_FIRMS = frozenset("PM AM MP TV IT OK ID US UK UN".split())


def _two_letter_firm(words: tuple[str, ...], m: Mention) -> bool:
    """"BP", "GM", "BA": a firm of two capitals, found wherever it recurs like a longer name."""
    return m.type == "Organization" and len(words) == 1 and words[0].isupper() and words[0] not in _NOT_FIRMS


def _gender(m: Mention) -> str | None:
    first = m.text.split()[0].lower() if m.text.split() else ""
    if first in _FEMALE:
        return "female"
    if first in {"mr", "mr.", "sir", "lord"}:
        return "male"
    return None


#: The styles before a royal's first name ("Crown Prince Abdullah" too).
_ROYAL_STYLES = ROYAL_STYLES | {"crown"}


def _first_names(occurrences: list[_Occurrence], parsed: list[tuple[Doc, Passage]]) -> dict[str, Mention]:
    """person key -> the one full name it is the first name of: "Anil" after "Anil Ambani",
    "Sir Nicholas" after "Sir Nicholas Scott"."""
    persons = [o.mention for o in occurrences if o.mention.type == "Person"]
    full = [m for m in persons if len(m.name.split()) > 1]
    # "Prince Charles" is a royal known by his first name, not Charles Kennedy of the same article;
    # "Prince Alwaleed" is "Prince Alwaleed bin Talal".
    royal = {
        o.mention.key for o in occurrences
        if o.mention.type == "Person" and (o.mention.text.split()[0].lower() in _ROYAL_STYLES or o.start > 0 and parsed[o.passage][0][o.start - 1].lower_ in _ROYAL_STYLES)
    }
    out: dict[str, Mention] = {}
    for m in persons:
        parts = m.name.split()
        if len(parts) != 1 or m.key in out:
            continue
        surnames = {f.name.split()[-1] for f in full}
        if parts[0] in surnames:
            continue  # a surname, for resolution to join to its full name
        matches = {f.key: f for f in full if f.name.split()[0] == parts[0] and (m.key not in royal or f.key in royal)}
        if len(matches) == 1:
            out[m.key] = next(iter(matches.values()))
    return out


_NOT_NAMES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december i the a an mr mrs ms dr ex""".split()
)


#: Verbs whose subject has the figure they take: "Travelers had sales of $5.2bn".
_REPORTING_VERBS = frozenset("have report post record make book announce turn generate earn".split())


def _common(token: Token, lowered: set[str]) -> bool:
    """A capitalised common noun: a plural, or a word the document also writes in lower case
    ("Analysts"), unless what is said of it makes it a name."""
    if token.pos_ != "NOUN" or not (token.tag_ in {"NNS", "NNPS"} or token.lower_ in lowered):
        return False
    # "Barclays, the UK's third-biggest bank": a plural-looking word that an apposition calls
    # a kind of organisation is a name.
    described = any(c.dep_ == "appos" and c.lower_ in ORGANIZATION_KINDS for c in token.children) and not any(
        c.dep_ == "prep" for c in token.children  # "Shares in Borussia Dortmund, Germany's only listed club"
    )
    # "Travelers had sales of $5.2bn", "Exel employs 109,000 people": only a firm does that.
    # Not "Investors snapped up shares", "Rumours boosted shares": a figure of its own, reported.
    reports = token.dep_ == "nsubj" and (
        token.head.lemma_.lower() == "employ"
        or token.head.lemma_.lower() in _REPORTING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in METRIC_NOUNS for c in token.head.children)
    )
    return not (described or (reports and token.lower_ not in lowered))


def _inner_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a capitalised word ("Anti-Fraud", "Post-Office"), with no space on either side."""
    return (doc[i].text == "-" and i + 1 < len(doc) and not doc[i - 1].whitespace_ and not doc[i].whitespace_
            and (doc[i + 1].is_title or doc[i + 1].is_upper) and doc[i - 1].is_alpha)


def _unnamed(parsed: list[tuple[Doc, Passage]], maps: list[dict[int, Mention]]) -> None:
    """Capitalised names the model missed, kept when their context says what they are:
    "Barclays, the UK's third-biggest bank", "shares in Sibneft", "Mr Kazi"."""
    # A capitalised word the document also writes in lower case is a common word ("Analysts").
    lowered = set().union(*(lower_case_words(doc) for doc, _ in parsed))
    for p, ((doc, passage), by_token) in enumerate(zip(parsed, maps, strict=True)):
        caps = capitalised(doc)
        i = 0
        while i < len(doc):
            if i in by_token or not caps[i]:  # read from the token array, before a Token is made
                i += 1
                continue
            token = doc[i]
            untagged = not token.ent_type_ or (token.ent_type_ == "NORP" and not demonym_code(token.text))
            if not untagged or token.pos_ not in {"PROPN", "NOUN"} or not (token.is_title or token.is_upper) or token.lower_ in _NOT_NAMES or _common(token, lowered) or letter_prefixed(doc, i):
                i += 1
                continue
            end = i
            hyphens = 0
            while end < len(doc) and end - i - hyphens < 4 and end not in by_token and (not doc[end].ent_type_ or end == i):
                if _inner_hyphen(doc, end) and end > i:
                    hyphens += 1  # "Anti-Fraud": one word the tokenizer split
                elif not (doc[end].pos_ in {"PROPN", "NOUN"} and (doc[end].is_title or doc[end].is_upper)):
                    break
                end += 1
            while end - 1 > i and doc[end - 1].text == "-":
                end -= 1  # a hyphen before a name the model already has ("Anti-[BNP]") ends nothing here
            span = doc[i:end]
            if is_title_head(span[-1]) or all(t.lower_ in _NOT_NAMES for t in span):
                i = end
                continue
            probe = mention_of(Span(doc, i, end, label="ORG"), passage)
            if probe is not None:
                votes = _cues(doc, _Occurrence(p, i, end, replace(probe, type="")))
                votes.pop("", None)
                kind, score = max(votes.items(), key=lambda kv: (kv[1], kv[0])) if votes else ("", 0)
                if score >= _STRONG and kind in _VOTING_TYPES:
                    found = _retyped(replace(probe, type=""), kind) if kind != "Organization" else probe
                    if found.type:  # ("Lt Col" is a rank with no name after it: nobody)
                        for j in range(i, end):
                            by_token[j] = found
            i = end


def _owners_opening_titles(parsed: list[tuple[Doc, Passage]], maps: list[dict[int, Mention]], names: dict[tuple[str, ...], Mention]) -> None:
    """"Euronext chief executive Jean Theodore said": at a sentence's start every word is
    capitalised, so a title read there may have taken in the name of its organisation. A first
    word the article names elsewhere as an organisation is that organisation, and the title
    starts after it."""
    for (doc, passage), by_token in zip(parsed, maps, strict=True):
        for sent in doc.sents:
            first = sent.start
            title = by_token.get(first)
            if title is None or title.type != "Position" or by_token.get(first + 1) != title:
                continue
            token = doc[first]
            owner = names.get((token.text,))
            if owner is None or owner.type != "Organization" or token.lower_ in TITLE_MODIFIERS or is_title_head(token):
                continue
            end = first + 1
            while end < len(doc) and by_token.get(end) == title:
                end += 1
            rest = mention_of(Span(doc, first + 1, end, label="TITLE"), passage)
            if rest is None:
                continue
            start = passage.start + token.idx
            by_token[first] = replace(owner, start=start, end=start + len(token.text), text=token.text)
            for i in range(first + 1, end):
                by_token[i] = rest


class _DocumentNames:
    """A document's names, for :func:`_long_form` to test a short name against, found by word.

    A fuller name of which a short name is a part holds the short name's first and last words
    (or, for a word of nine letters or more, that word a letter off: :func:`_same_words`), so
    the names are indexed by their words and a short name reads only those holding the one of
    its words fewer names hold; and each name is there once (its last occurrence: the one the
    test would keep). Read whole for every occurrence, a long document's names were quadratic:
    half of the time of a 400 KB report with 5,000 names.
    """

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = _last_occurrences(mentions)
        #: word -> positions in ``mentions`` of the names holding it (as written, without a
        #: genitive ending, or as a half of a hyphenated word), in document order.
        self.holding: dict[str, list[int]] = defaultdict(list)
        for i, o in enumerate(self.mentions):
            bare = _name_words(o.name)
            for w in {*bare, *o.name.lower().split(), *(part for w in bare for part in w.split("-") if part)}:
                self.holding[w].append(i)
        # What only a person's short name is tested against: read from the persons, which
        # ``allowed`` never leaves out (it leaves out organisations named as a firm's part).
        self.person_ends: dict[str, set[str]] = defaultdict(set)  # first or last word -> the keys of the persons so named
        self.surnames: set[str] = set()
        self.styled: set[str] = set()  # names a person is given with an honorific
        for o in mentions:
            if o.type != "Person" or not (split := o.name.lower().split()):
                continue
            self.person_ends[split[0]].add(o.key)
            self.person_ends[split[-1]].add(o.key)
            self.surnames.add(split[-1])
            if _honorific_word(o.text):
                self.styled.add(o.name)

    def holding_words(self, words: list[str], allowed: Callable[[Mention], bool]) -> list[Mention]:
        """The names ``allowed`` that a name of these words can be part of, in document order."""
        exact = [self.holding.get(w, ()) for w in {words[0], words[-1]} if len(w) < 9]
        found = min(exact, key=len) if exact else range(len(self.mentions))
        return [o for o in map(self.mentions.__getitem__, found) if allowed(o)]

    def named_apart_from(self, key: str, allowed: Callable[[Mention], bool]) -> set[str]:
        """The names ``allowed`` in lower case, but those of ``key``."""
        return {o.name.lower() for o in self.mentions if o.key != key and allowed(o)}


def _long_form(m: Mention, names: _DocumentNames, allowed: Callable[[Mention], bool]) -> Mention | None:
    """The one longer name of the document a short organisation, place or person name is part of.

    The short name's words must open or close the long one ("Nortel" / "Nortel Networks",
    "Rossignol" / "Skis Rossignol", "Federal Reserve" / "US Federal Reserve"); a place may be the
    end of a country's name ("Korea" / "South Korea"); a single person name may open one
    ("Mr Kim" / "Kim Yungmin"). With two candidates, it is left alone. ``allowed``: which of the
    document's names may be the longer one.
    """
    if m.type not in {"Organization", "Place", "Person"} or party_name(m.name):
        return None
    words = m.name.lower().split()
    if not words:
        return None
    mentions = names.holding_words(words, allowed)
    designated = _designated_form(m, words, mentions)
    if designated is not None:
        return designated
    if m.type == "Person" and len(words) != 1:
        return None
    kinds = {"Organization": {"Organization", "Place"}, "Place": {"Country", "Place", "Organization"}, "Person": {"Person", "Organization"}}[m.type]
    found: dict[str, Mention] = {}
    rivals = 0
    person_end = surname = styled = False
    if m.type == "Person":  # what only a person's short name is tested against
        person_end = bool(names.person_ends.get(words[0], set()) - {m.key})
        surname = words[0] in names.surnames
        styled = m.name in names.styled
    for other in mentions:
        if other.key == m.key or other.type not in kinds:
            continue
        # "Lloyd" (as "Lloyd's" is read) opens "Lloyd's of London".
        long = list(_name_words(other.name))
        if m.type == "Organization" == other.type and "-" in other.name and "-" not in m.name:
            # "Mercedes" after "Mercedes-Benz": the first half of a hyphenated firm's name opens it,
            # unless another half is a name of its own ("Gazprom-Rosneft", "TNK-BP": two firms).
            halves = [part for w in long for part in w.split("-") if part]
            all_capitalised = all(part[:1].isupper() for w in other.name.split() for part in w.split("-") if part)
            if all_capitalised and halves[: len(words)] == words:
                named = names.named_apart_from(other.key, allowed)
                if not any(h in named for h in halves[len(words):]):
                    long = halves
        if len(long) <= len(words):
            continue
        if m.type == "Person" and other.type == "Organization":
            # "Bosch" beside "Robert Bosch" the firm: a bare surname no one in the article bears,
            # never written with "Mr", that ends the one firm's name.
            fits = not styled and long[-1] == words[0] and not person_end
        elif m.type == "Person":
            # "Kim" opens "Kim Yungmin"; "Lula" is inside "Luiz Inacio Lula da Silva".
            inner = len(long) >= 3 and words[0] in long[1:-1] and not person_end
            fits = (long[0] == words[0] and not surname) or inner
        else:
            opens = _same_words(long[: len(words)], words)
            fits = opens or _same_words(long[-len(words) :], words)
            extra = long[len(words):] if opens else long[: -len(words)]
            if any(any(c.isdigit() for c in w) for w in extra):
                fits = False  # "BMW X5", "Airbus A380": a product of the firm, not its longer name
            if opens and other.type == "Organization" and len(extra) == 1 and country_code(other.name.split()[-1]):
                fits = False  # "Yukos" beside "Yukos USA", "BP" beside "BP America": the group, not its country's arm
            if fits and opens and other.type == "Organization" and extra and extra[-1] in SUBUNIT_NOUNS:
                # "the Treasury" beside "the Treasury Select Committee", "the Cabinet" beside "the
                # Cabinet Office": two bodies; still another reading of the short name beside a
                # third ("the Borders" beside "Borders Council" and "Borders Rail").
                fits = False
                rivals += 1
            if not opens and all(w.islower() for w in other.name.split()[: -len(words)]) and any(w in _PARTS for w in extra):
                fits = False  # "west London" is a part of London, not its longer name
            if {m.type, other.type} == {"Organization", "Place"} and not (opens and all(w in _FACILITIES for w in extra)):
                fits = False  # an organisation and a place share a name only as a facility: "Barlinnie" / "Barlinnie Prison"
            if fits and opens and extra and all(w in _FACILITIES for w in extra) and is_city(m.name):
                fits = False  # a city is not its airport or station: "Edinburgh" / "Edinburgh Airport" ("Heathrow" is)
        if fits:
            found[other.key] = other
    return next(iter(found.values())) if len(found) == 1 and not rivals else None


def _named_before(first: dict[str, tuple[int, int]], parts: set[str], key: str) -> Callable[[Mention], bool]:
    """Which names may be the longer name of ``key``'s: any but a firm's part named after it.

    A part named after the firm ("Next has said ... Its Next Directory division", or a name
    given its own short form: "GM said ... General Motors Acceptance Corp (GMAC)") is not the
    firm's longer name; one named first ("its Travelers Life & Annuity arm ... Travelers had
    sales") is what the short form that follows it stands for.
    """
    here = first[key]
    return lambda o: o.key not in parts or first[o.key] < here


#: How many common nouns may stand between a part's name and its noun ("Next Directory mail order division").
_PART_REACH = 3


def _part_names(parsed: list[tuple[Doc, Passage]], occurrences: list[_Occurrence]) -> set[str]:
    """Keys of the organisations the article names as a part of a firm ("its Next Directory mail
    order division", "the Global Investors wing") or as its parent ("its parent company, X")."""
    found: set[str] = set()
    for occ in occurrences:
        if occ.mention.type != "Organization":
            continue
        doc = parsed[occ.passage][0]
        k = occ.end
        while k < len(doc) and k - occ.end < _PART_REACH and doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ"} and doc[k].lemma_ not in SUBSIDIARY_NOUNS:
            k += 1
        if k < len(doc) and doc[k].lemma_.lower() in SUBSIDIARY_NOUNS and doc[k].pos_ == "NOUN":
            found.add(occ.mention.key)
        elif _named_as_parent(doc, occ.start):
            found.add(occ.mention.key)
    return found


#: Nouns a firm's owner is named by: "its parent company, China Aviation Oil Holding Company".
_PARENT_NOUNS = frozenset({"parent", "owner", "shareholder"})


def _named_as_parent(doc: Doc, start: int) -> bool:
    """Whether the name at ``start`` stands in apposition to a firm's parent or owner ("its
    parent company, China Aviation Oil Holding Company"): another body than the firm whose
    name it opens, as a part is ("its Next Directory division")."""
    k = start - 1
    if k < 1 or doc[k].text not in {",", "-", "–", ":"}:
        return False
    k -= 1
    if doc[k].lower_ in {"company", "group", "firm"} and k > 0:
        k -= 1
    return doc[k].lower_ in _PARENT_NOUNS or doc[k].lemma_.lower() in _PARENT_NOUNS


_GENITIVE = re.compile(r"['\u2019]s?$")


@functools.lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    """A name's words in lower case without a genitive ending ("Lloyd's of London" -> lloyd, of, london)."""
    return tuple(_GENITIVE.sub("", w) for w in name.lower().split())

#: Lower-case words before a place's name that make a part of it.
_PARTS = frozenset("north south east west northern southern eastern western central upper lower inner outer".split())

#: Last words of a facility's name, which news also gives bare ("Barlinnie Prison", "Heathrow Airport").
_FACILITIES = frozenset("prison jail airport hospital stadium station port harbour dock docks camp base".split())

#: Words that make a name an organisation's without changing which one: "Fair Play Group" is Fair Play.
_DESIGNATORS = frozenset("group plc inc inc. ltd ltd. limited holdings corp corp. corporation co co. llc ag sa nv gmbh".split())


def _designated_form(m: Mention, words: list[str], mentions: list[Mention]) -> Mention | None:
    """The one organisation of the document named by these words and a designator ("Group",
    "plc", "Holdings"), whatever type the model gave the bare words ("Green Lane" read as a
    person beside "the Green Lane Group"); not for a name with a courtesy title ("Mr Green")."""
    if _honorific_word(m.text):
        return None
    found = {
        other.key: other
        for other in mentions
        if other.type == "Organization" and other.key != m.key
        and len(long := other.name.lower().split()) > len(words) and long[: len(words)] == words and all(w in _DESIGNATORS for w in long[len(words):])
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _same_words(these: list[str], those: list[str]) -> bool:
    """Word by word the same, or a long word (nine letters or more) a letter off ("Mitsubushi
    Chemical" and "Mitsubishi"): a stricter test than :func:`_misspelt`, since the short name
    here may be any part of the long one."""
    return len(these) == len(those) and all(a == b or min(len(a), len(b)) >= 9 and _edits(a, b, 1) <= 1 for a, b in zip(these, those))


def document_mentions(parsed: list[tuple[Doc, Passage]]) -> list[dict[int, Mention]]:
    """One token -> Mention map per passage, the names of the document read together.

    Args:
        parsed: the (Doc, Passage) pairs of one document, in text order.

    Returns:
        For each passage, every token index covered by a name, mapped to its Mention; a name has
        one type and key throughout the document.
    """
    surnames: set[str] = set()
    for doc, _ in parsed:
        surnames.update(person_name(e.text).split()[-1] for e in doc.ents if e.label_ == "PERSON" and len(person_name(e.text).split()) > 1)
    maps = [passage_mentions(doc, passage, surnames) for doc, passage in parsed]
    _unnamed(parsed, maps)

    # One type per name: the votes of every occurrence.
    occurrences = _occurrences(maps)
    votes: dict[str, Counter] = defaultdict(Counter)
    known_surnames = frozenset(surnames)
    for occ in occurrences:
        if not _fixed(occ.mention):
            votes[_vote_key(occ.mention)].update(_cues(parsed[occ.passage][0], occ, known_surnames))
    decided = {key: max(sorted(counter), key=lambda t: counter[t]) for key, counter in votes.items() if counter}
    # "Laura Ashley, which is due to report ... Laura Ashley, which floated in 1985": a name that
    # is "which" twice is a firm's, however much its first name says person (a parser's slip
    # makes one such clause, not two).
    which = Counter(_vote_key(o.mention) for o in occurrences if o.mention.type == "Person" and not _fixed(o.mention)
                    and _which_clause(parsed[o.passage][0][o.start : o.end].root, o.end))
    decided.update({key: "Organization" for key, n in which.items() if n >= 2})
    for key in _unsupported_people(parsed, occurrences, decided, known_surnames):
        # News names a person in full, or with an honorific or title, at least once; a single
        # word never so named ("Yukos", "Gazprom") is an organisation the model took for a person.
        decided[key] = "Organization"
    # "Mr Panke" vouches that "Helmut Panke" of the same article is a person, whatever the model said.
    styled = {o.mention.name.split()[-1] for o in occurrences if o.mention.type == "Person" and _honorific_word(o.mention.text)}
    for occ in occurrences:
        words = occ.mention.name.split()
        if not _fixed(occ.mention) and 2 <= len(words) <= 3 and words[-1] in styled and all(w[:1].isupper() for w in words) and words[-1].lower() not in _CORPORATE_WORDS:
            decided[_vote_key(occ.mention)] = "Person"
    for occ in occurrences:
        m = occ.mention
        if _fixed(m):
            continue
        kind = decided.get(_vote_key(m), m.type)
        new = _retyped(m, kind)
        if new is not m:
            for i in range(occ.start, occ.end):
                maps[occ.passage][i] = new

    # "Yuganskneftegas" and "Yuganskneftgas", "Khodorkovsky" and "Khordokovsky": one name spelt
    # two ways in one article is one name, the way the article writes it most.
    occurrences = _occurrences(maps)
    spelling = _spellings([o.mention for o in occurrences])
    spelling.update(_genitive_names(parsed, occurrences))
    for occ in occurrences:
        _point(occ, spelling.get(occ.mention.key), maps)

    # Acronyms take the key of the one name they abbreviate; bare first names the one full name.
    occurrences = _occurrences(maps)
    organisations = _Initials([o.mention for o in occurrences if o.mention.type == "Organization"])
    firsts = _first_names(occurrences, parsed)
    for occ in occurrences:
        m = occ.mention
        target = None
        if m.type in _VOTING_TYPES and len(m.name.split()) == 1 and not party_name(m.name):
            target = _acronym_of(m.name, organisations)
        if target is None and m.key in firsts and _gender(m) in (None, _gender(firsts[m.key])):
            target = firsts[m.key]
        _point(occ, target, maps, other_key_only=True)

    # "the Public and Commercial Services Union (PCS)": the word in brackets is the name's own
    # short form, whatever its letters, and wherever the article uses it.
    defined = _defined_short_forms(parsed, maps)
    for occ in _occurrences(maps):
        _point(occ, defined.get(occ.mention.text), maps, other_key_only=True)

    # Short forms: "Nortel" after "Nortel Networks", "the Commission" after "European Commission",
    # "Korea" after "South Korea".
    occurrences = _occurrences(maps)
    parts = _part_names(parsed, occurrences)
    # A name given its own short form in brackets is a body of its own when the shorter name
    # came first: "GM said ... General Motors Acceptance Corp (GMAC)", its finance arm.
    bracketed = {m.key for m in defined.values()}
    # So is a name of the group's arm ("General Motors Europe", "Barclays Capital") after the
    # group's own name; named first ("Newbridge Capital ... Newbridge"), it is what the short name means.
    arms = {o.mention.key for o in occurrences if o.mention.type == "Organization" and len(o.mention.name.split()) > 1
            and o.mention.name.split()[-1].lower() in _ARM_WORDS}
    names = _DocumentNames([o.mention for o in occurrences])
    first: dict[str, tuple[int, int]] = {}
    for occ in occurrences:
        first.setdefault(occ.mention.key, (occ.passage, occ.start))
    longer: dict[tuple[str, str, str, str], Mention | None] = {}  # one answer per name as written
    for occ in occurrences:
        m = occ.mention
        if (m.key, m.name, m.type, m.text) not in longer:
            longer[(m.key, m.name, m.type, m.text)] = _long_form(m, names, _named_before(first, parts | bracketed | arms, m.key))
        _point(occ, longer[(m.key, m.name, m.type, m.text)], maps)

    # "the G7 meeting" and "the meeting of G7 finance ministers", "the Tory manifesto" and "the
    # Tory election manifesto", "the EU Constitution" and "the constitution": one occasion or
    # document named two ways.
    occurrences = _occurrences(maps)
    same = _same_occasions([o.mention for o in occurrences])
    for occ in occurrences:
        _point(occ, same.get(occ.mention.key), maps)

    # A name found once is found wherever it recurs.
    names: dict[tuple[str, ...], Mention] = {}
    for occ in _occurrences(maps):
        m = occ.mention
        doc = parsed[occ.passage][0]
        words = tuple(t.text for t in doc[occ.start : occ.end] if t.lower_ not in HONORIFICS and t.tag_ != "POS")
        if m.type in _VOTING_TYPES and words and all(w[:1].isupper() for w in words) and (len("".join(words)) > 2 or _two_letter_firm(words, m)):
            names.setdefault(words, m)
    for short, target in defined.items():
        names[(short,)] = target
    _owners_opening_titles(parsed, maps, names)
    _propagate(parsed, maps, names)
    government_mentions(parsed, maps)
    return maps


def _town_of_based(doc: Doc, end: int) -> bool:
    """Whether a name ending at ``end`` is followed by a comma and a state or country then
    "-based": "Jacksonville, Florida-based", "Bentonville, Arkansas-based"."""
    if end + 1 >= len(doc) or doc[end].text != "," or not doc[end + 1].is_title:
        return False  # (not "France's Total, the US-based ChevronTexaco": a list of firms)
    region = region_after(doc, end)
    return region is not None and region.end + 1 < len(doc) and doc[region.end].text == "-" and doc[region.end + 1].lower_ == "based"
