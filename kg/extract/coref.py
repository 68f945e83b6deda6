"""Pronouns and descriptions of one document -> the named mention they point back at.

``Antecedents`` follows a document sentence by sentence: it remembers the people and
organisations named so far (and who was the subject of each clause) and the offices people were
said to hold. A pronoun points at the last name of its gender and number, preferring the subject
of the latest clause ("Tory peer Lord Tebbit said he agreed": "he" is Tebbit, not a person named
in between as an object; a "he" that was a clause's subject stands as its person's subject there); "the firm", "the company", "the bank" at the last organisation; "the
party" at the last party; "the chancellor" at the person the document said holds that office;
"the two countries", "both firms" (as a clause's subject) at the last two of that kind named
together ("Egypt and Israel").
Statements reached this way carry a lower confidence.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Span, Token

from kg.extract.governments import is_government
from kg.gazetteer import demonym_code, gender_of, party_name
from kg.lexicon import BUSINESS_KINDS, ORGANIZATION_KINDS, PUBLIC_BODY_WORDS, SPEECH_VERBS, SPOKESPEOPLE
from kg.model import DESCRIBED, Mention, Statement, is_described
from kg.normalize import title_key
from kg.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS
from kg.syntax.titles import is_title_head

__all__ = ["RESOLVED_PRONOUNS", "Antecedents"]

_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_THING_PRONOUNS = frozenset({"it", "its", "itself"})
#: Pronouns that, as a clause's subject, keep its person the subject of the text that follows.
_PERSONAL_SUBJECTS = frozenset({"he", "she"})
#: Every pronoun this module resolves to a name (the mention it yields has the pronoun as text).
RESOLVED_PRONOUNS = _MALE_PRONOUNS | _FEMALE_PRONOUNS | _THING_PRONOUNS
#: Confidence factors: a pronoun is surer than a description.
PRONOUN_FACTOR = 0.85
DESCRIPTION_FACTOR = 0.8
#: The article's topic must be named this often (a subject counts twice) and lead the next by this factor.
TOPIC_MIN = int(__import__("os").environ.get("KG_TOPIC_MIN", "2"))
TOPIC_LEAD = float(__import__("os").environ.get("KG_TOPIC_LEAD", "1.5"))
#: How far back (in characters) a pronoun or description may look for its antecedent.
_REACH = 1500
#: Descriptions that stand for the last organisation, party or country named.
_PARTY_WORDS = frozenset({"party"})
_COUNTRY_WORDS = frozenset({"country", "nation"})
#: Types of the names a "the two ..." description may stand for.
_GROUP_TYPES = frozenset({"Country", "Organization"})
#: Kinds of body news names in full ("the Ministry of Finance ... the ministry"): "the ministry"
#: is one the article named so, never simply the last body it named.
_NAMED_KINDS = frozenset("ministry department office authority university college school hospital institute association federation".split())
_ORG_WORDS = ORGANIZATION_KINDS - _PARTY_WORDS - {"owner", "parent", "partner", "rival", "investor", "shareholder", "player", "body", "court", "board", "committee", "council", "commission"}






#: Nouns of a talk that a news outlet has with someone: "in an interview with the BBC".
_INTERVIEW_NOUNS = frozenset({"interview", "conversation"})


def _addressee(token: Token) -> bool:
    """Whether the name at ``token`` is only where something was told: "a Lufthansa spokesman told
    the BBC", "speaking to Reuters", "in an interview with the Financial Times". Such an outlet
    is no antecedent of "the company" and no topic of the article."""
    root = token
    while root.dep_ == "compound" and root.head.i > root.i:
        root = root.head
    head = root.head
    if root.dep_ in {"dobj", "dative"} and head.lemma_.lower() == "tell":
        return True
    if root.dep_ == "pobj" and head.lower_ == "to":
        return head.head.lemma_.lower() in SPEECH_VERBS
    return root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in _INTERVIEW_NOUNS


def _is_subject(token: Token, appositive: bool = False) -> bool:
    """A clause subject, active or passive ("Sir Anthony Meyer was born in 1920. ... he served"),
    a conjunct of one ("Nokia and Siemens posted"), or with ``appositive`` the name in apposition
    to one ("The agency's former chief executive Doug Smith quit"; not "The firm, formerly
    Interbrew", a name the subject had)."""
    links = {"conj", "appos"} if appositive else {"conj"}
    while token.dep_ in links and token.head != token:
        token = token.head
    return token.dep_ in SUBJECT_DEPS or token.dep_ in PASSIVE_SUBJECT_DEPS


@dataclass
class _Seen:
    """Names in text order with their end offsets (for bisection) and whether each was a subject."""

    mentions: list[Mention] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    subjects: list[bool] = field(default_factory=list)

    def add(self, mention: Mention, subject: bool) -> None:
        if self.mentions and mention.start < self.mentions[-1].start:
            return
        self.mentions.append(mention)
        self.ends.append(mention.end)
        self.subjects.append(subject)

    def before(self, start: int) -> list[tuple[Mention, bool]]:
        """The names ending before ``start`` and within reach, latest first."""
        index = bisect_right(self.ends, start)
        found = []
        for k in range(index - 1, -1, -1):
            if start - self.mentions[k].end > _REACH:
                break
            found.append((self.mentions[k], self.subjects[k]))
        return found


class Antecedents:
    """What a document has named so far, for the pronouns and descriptions that follow."""

    def __init__(self, doc_id: str = "") -> None:
        # The document's id, for the stand-in of an office's unnamed holder (:func:`_description`).
        self.doc_id = doc_id
        self.people = _Seen()
        self.organisations = _Seen()
        self.countries = _Seen()
        self.agreements = _Seen()
        # (end offset, type, the two names) of each pair of names coordinated alone ("Egypt and
        # Israel"), for "the two countries" after them.
        self.pairs: list[tuple[int, str, tuple[Mention, Mention]]] = []
        self.genders: dict[str, str] = {}
        self.offices: dict[str, Mention] = {}
        # key -> [times named, latest mention]: the organisation or country the article is about.
        self.named: dict[str, list] = {}
        # (end offset, kind noun, mention): organisations the text described by a kind ("Sibneft,
        # a Russian oil company"; "oil company Yukos"), for "the company" after them.
        self.kinds: list[tuple[int, str, Mention]] = []

    def observe(self, sent: Span, offset: int, mentions: dict[int, Mention]) -> None:
        """Remember the names of a sentence (before its statements are read, so a pronoun may
        point at a name earlier in the same sentence)."""
        seen: set[Mention] = set()
        tokens = tuple(sent)
        subjects = {m for t in tokens if (m := mentions.get(t.i)) is not None and _is_subject(t, appositive=m.type == "Person")}
        for token in tokens:
            m = mentions.get(token.i)
            if m is None and token.lower_ in _PERSONAL_SUBJECTS and _is_subject(token):
                # "He has served under Presidents Bush and Reagan. He was also chairman ...": the
                # second "he" is the person the first one was, the subject of the clause before,
                # not the last president named in it.
                start = offset + token.idx
                gender = "m" if token.lower_ == "he" else "f"
                named = self._person(start, gender)
                if named is not None:
                    # A name of no known gender takes the pronoun's, so that "she" and "he" in
                    # the same article do not both fall to it.
                    self.genders.setdefault(named.key, gender)
                    self.people.add(_pointing(named, token, start), True)
                continue
            if m is None or m in seen or m.text.lower() in RESOLVED_PRONOUNS:
                continue
            seen.add(m)
            if m.type == "Organization" and _addressee(token):
                continue
            subject = m in subjects
            if m.type == "Person":
                gender = gender_of(m)
                if gender:
                    self.genders.setdefault(m.key, gender)
                self.people.add(m, subject)
            elif m.type == "Organization":
                self.organisations.add(m, subject)
                for kind in _kinds_described(token, m, offset):
                    self.kinds.append((m.end, kind, m))
            elif m.type == "Country":
                self.countries.add(m, subject)
            elif m.type == "Agreement":
                self.agreements.add(m, subject)
            if m.type in {"Organization", "Country"} and party_name(m.name) is None:
                count = self.named.setdefault(m.key, [0, m])
                count[0] += 2 if subject else 1
                count[1] = m

        for token in tokens:
            m, first = mentions.get(token.i), mentions.get(token.head.i)
            if token.dep_ != "conj" or m is None or first is None or m.key == first.key or m.type != first.type:
                continue
            # Exactly two: "France, Spain and Italy" are no "two countries".
            if first.type in _GROUP_TYPES and token.head.dep_ != "conj" and len(token.head.conjuncts) == 1:
                self.pairs.append((m.end, m.type, (first, m)))

    def group(self, token: Token, start: int) -> list[tuple[Mention, float]]:
        """The two names "the two countries", "both companies" at ``start`` stand for: the last
        pair of that kind named together before it, within reach."""
        if token.tag_ != "NNS" or not _counts_two(token):
            return []
        lemma = token.lemma_.lower()
        kind = "Country" if lemma in _COUNTRY_WORDS else "Organization" if lemma in _ORG_WORDS else None
        for end, type_, pair in reversed(self.pairs):
            if end > start:
                continue
            if start - end > _REACH:
                break
            if type_ == kind:
                # Mentions are told apart by their offsets, so the two may not share one: the
                # first stands at the whole "two countries", the second at "countries".
                first = min(c.i for c in token.children if c.lower_ in {"two", "both"})
                phrase = token.doc[first : token.i + 1].text
                wide = start - (token.idx - token.doc[first].idx)
                return [
                    (Mention(pair[0].doc_id, wide, wide + len(phrase), phrase, pair[0].type, pair[0].name, pair[0].key), DESCRIPTION_FACTOR),
                    (_pointing(pair[1], token, start), DESCRIPTION_FACTOR),
                ]
        return []

    def learn(self, statements: list[Statement]) -> None:
        """Remember who holds which office, so "the chancellor" can be resolved later."""
        for s in statements:
            if s.predicate == "holdsPosition" and s.subject.type == "Person" and not is_described(s.subject):
                title = s.object.mention or s.object.title
                if title is not None and s.polarity == "positive":
                    self.offices.setdefault(title_key(title.name), s.subject)

    def resolve(self, token: Token, start: int) -> tuple[Mention, float] | None:
        """The named mention a pronoun or description at ``start`` (document offset) stands for."""
        lower = token.lower_
        barred = _clause_subjects(token, start)
        if lower in _MALE_PRONOUNS or lower in _FEMALE_PRONOUNS:
            if _either_gender(token):
                return None  # "he or she", "his or her": whoever holds a post, no one named
            want = "m" if lower in _MALE_PRONOUNS else "f"
            named = self._person(start, want, barred)
            return (_pointing(named, token, start), PRONOUN_FACTOR) if named else None
        if lower in _THING_PRONOUNS:
            speaker = self._speaker_of(token, start)
            if speaker is not None:
                return _pointing(speaker, token, start), PRONOUN_FACTOR
            if barred and token.dep_ in {"dobj", "dative"}:
                # "The Lib Dems branded it a sticking plaster": an object "it" is more often a
                # thing (the Budget) than another firm; only an agent "it" ("wants it to buy")
                # is looked for past the clause's subject.
                return None
            country = self._country_of_sentence(token, start, barred)
            if country is not None:
                return _pointing(country, token, start), PRONOUN_FACTOR
            named = self._latest(self.organisations, start, prefer_subject=True, barred=barred)
            owned = _owned_name(token)
            for _ in range(3):
                # "Its Next Directory division": a possessive is not the firm it possesses.
                if named is None or not owned or (named.name != owned and named.text != owned):
                    break
                barred = (*barred, named.start)
                named = self._latest(self.organisations, start, prefer_subject=True, barred=barred)
            return (_pointing(named, token, start), PRONOUN_FACTOR) if named else None
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self._description(token, start)
        return None

    def _country_of_sentence(self, pronoun: Token, start: int, barred: tuple[int, ...]) -> Mention | None:
        """"Reforms are vital for Turkey if it is to join the EU": in a sentence that has named a
        country before "it" and no organisation (by name or as "the firm"), "it" is that country,
        not a firm of an earlier sentence. Not a demonym ("the Turkish economy ... it")."""
        sentence = start - (pronoun.idx - pronoun.sent.start_char)
        if any(m.start >= sentence for m, _ in self.organisations.before(start)):
            return None
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in _ORG_WORDS for t in pronoun.sent if t.i < pronoun.i):
            return None  # "The US firm agreed to pay $2bn to exit a deal under which it ...": the firm
        head = pronoun.head
        if head.lemma_ == "be" and any(c.dep_ in {"acomp", "attr"} for c in head.children):
            return None  # "It is utterly unacceptable": a thing, or nothing
        return next((m for m, _ in self.countries.before(start) if m.start >= sentence and not _covers(m, barred) and demonym_code(m.text) is None), None)

    def _speaker_of(self, pronoun: Token, start: int) -> Mention | None:
        """"The US says it cannot support ...", "BP said it would sell ...", "a spokesman for the
        Office said the organisation agreed ...": "it" or "the organisation", the subject of what
        an organisation or a country says (or its spokesman), is the speaker."""
        clause = pronoun.head
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
            return None
        base = start - pronoun.idx
        speakers = [c for c in clause.head.children if c.dep_ == "nsubj"]
        speakers += [o for c in speakers if c.lower_ in SPOKESPEOPLE for p in c.children if p.dep_ == "prep" and p.lower_ in {"for", "of", "at"}
                     for o in p.children if o.dep_ == "pobj"]
        offsets = tuple(base + c.idx for c in speakers)
        if not offsets:
            return None
        for seen in (self.organisations, self.countries):
            for m, _ in seen.before(start):
                if _covers(m, offsets):
                    return m
        return None

    def topic(self, start: int) -> tuple[Mention, float] | None:
        """The organisation or country the article is about so far: named most often (as a
        subject counting twice), and clearly ahead of the next one."""
        ranked = sorted(self.named.values(), key=lambda c: -c[0])
        if not ranked or ranked[0][0] < TOPIC_MIN or (len(ranked) > 1 and ranked[0][0] < TOPIC_LEAD * ranked[1][0]):
            return None
        return ranked[0][1], DESCRIPTION_FACTOR

    def _person(self, start: int, gender: str, barred: tuple[int, ...] = ()) -> Mention | None:
        before = self.people.before(start)
        # The clause's own subject is barred under every name it was given earlier too.
        barred_keys = {m.key for m, _ in before if _covers(m, barred)}
        candidates = [(m, subject) for m, subject in before
                      if self.genders.get(m.key, gender) == gender and m.key not in barred_keys]
        if not candidates:
            return None
        latest = candidates[0][0]
        # The subject of the latest clause wins over the names mentioned after it in that clause.
        for m, subject in candidates:
            if latest.start - m.start >= 250:
                break
            if subject:
                return m
        return latest

    @staticmethod
    def _latest(seen: _Seen, start: int, prefer_subject: bool = False, party: bool | None = None, barred: tuple[int, ...] = ()) -> Mention | None:
        found = [(m, s) for m, s in seen.before(start) if not _covers(m, barred)]
        if party is not None:
            found = [(m, s) for m, s in found if (party_name(m.name) is not None) == party]
        if not found:
            return None
        if prefer_subject:
            for m, subject in found[:3]:
                if subject:
                    return m
        return found[0][0]

    def _agreement_headed(self, head: str, start: int) -> Mention | None:
        """The last agreement within reach whose name ends in ``head`` ("stability pact" for "pact")."""
        return next((m for m, _ in self.agreements.before(start) if m.name.lower().rsplit(None, 1)[-1] == head), None)

    def _described_as(self, kind: str, start: int) -> Mention | None:
        """The last organisation within reach that the text described as a ``kind``."""
        kind = _SAME_KIND.get(kind, kind)
        for end, described, m in reversed(self.kinds):
            if start - end > _REACH:
                break
            if end <= start and described == kind:
                return m
        return None

    def _description(self, noun: Token, start: int) -> tuple[Mention, float] | None:
        """"the firm", "the German carmaker", "the party", "the chancellor"."""
        if any(c.dep_ in {"compound", "poss", "nmod", "appos"} and c.ent_type_ for c in noun.children):
            return None  # "the BMW plant", "the French statistics agency, INSEE": a name of its own
        if any(c.dep_ in {"prep", "relcl", "acl"} for c in noun.children):
            return None  # "the company that makes X": a new referent, defined here
        lower = noun.lemma_.lower()
        named: Mention | None = None
        if lower in _PARTY_WORDS and noun.tag_ in {"NN", "NNP"}:
            # "the party" (not "the old parties", which is no one party)
            named = self._latest(self.organisations, start, party=True)
        elif lower in _COUNTRY_WORDS and noun.tag_ == "NN":
            # "the country" (not "the countries", which is no one country)
            named = self._latest(self.countries, start)
        elif noun.tag_ == "NN" and (agreement := self._agreement_headed(lower, start)) is not None:
            # "the EU's stability pact ... a staunch supporter of the pact", "the Finance Bill ...
            # voted against the bill": the last agreement named with that head noun, within reach.
            named = agreement
        elif lower in _ORG_WORDS and noun.tag_ == "NN":
            # "Ericsson posted profits thanks to clients like Deutsche Telekom. The company ...": the
            # firm a recent clause was about, before a firm it only named.
            barred = _owner_of_phrase(noun, start)
            named = self._speaker_of(noun, start) or self._described_as(lower, start)
            if (named is None or _covers(named, barred)) and lower in _NAMED_KINDS:
                # "the ministry's fiscal policy office": a ministry the article named as one, not
                # the last body of any kind ("the Bombay Stock Exchange").
                named = next((m for m, _ in self.organisations.before(start)
                              if lower in m.name.lower().split() and not _covers(m, barred)), None)
            elif named is None or _covers(named, barred):
                named = self._latest(self.organisations, start, prefer_subject=True, party=False, barred=barred)
                for _ in range(3):
                    # Not a country's government: "the firm", "the agency" is never it ("the
                    # Russian government was obliged to ... the firm's unit": Yukos's); nor is a
                    # ministry or a court "the company" or "the bank".
                    if named is None or not (is_government(named) or lower in BUSINESS_KINDS and _public_body(named)):
                        break
                    barred = (*barred, named.start)
                    named = self._latest(self.organisations, start, prefer_subject=True, party=False, barred=barred)
        else:
            words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "det"]
            office = title_key(" ".join(t.text for t in words))
            holder = self.offices.get(office)
            if holder is not None and all(t.is_lower for t in words):
                named = holder
            elif self.doc_id and all(t.is_lower for t in words) and is_title_head(noun) and noun.tag_ == "NN":
                # "The chancellor is travelling to America": an office whose holder the article
                # has not said; resolution looks for them among its people (kg.resolve).
                # The stand-in spans "the chancellor", the description's title "chancellor":
                # the one mention is the office's, the other its holder's.
                phrase = " ".join(t.text for t in words)
                first = min(t.idx for t in noun.subtree if t.i <= noun.i)
                at = start - (noun.idx - first)
                text = noun.doc.text[first : noun.idx + len(noun.text)]
                return Mention(self.doc_id, at, start + len(noun.text), text, "Person", phrase, DESCRIBED + office), DESCRIPTION_FACTOR
        if named is None:
            return None
        return _pointing(named, noun, start), DESCRIPTION_FACTOR


#: Kind nouns news uses for one another: "Sibneft, a Russian oil company ... the firm's".
_SAME_KIND = {"firm": "company"}


def _kinds_described(token: Token, m: Mention, offset: int) -> list[str]:
    """The kind nouns the text gives the organisation named at ``token`` (its first token):
    "Sibneft, a Russian oil company", "the carmaker, Opel", "oil company Yukos"; each as the
    kind it stands for (``_SAME_KIND``)."""
    span = list(takewhile(lambda t: offset + t.idx < m.end, token.doc[token.i :]))
    inside = range(token.i, token.i + len(span))
    root = next((t for t in span if t.head.i not in inside or t.head == t), token)
    # A kind is a common noun ("the London Stock Exchange (LSE)" describes LSE by no kind).
    kinds = [c for c in root.children if c.dep_ in {"appos", "compound"} and c.i not in inside]
    if root.dep_ == "appos":
        kinds.append(root.head)
    words = (k.lemma_.lower() for k in kinds if k.is_lower and k.pos_ == "NOUN")
    return [_SAME_KIND.get(w, w) for w in words if w in _ORG_WORDS]


def _public_body(m: Mention) -> bool:
    """A ministry, court, army or the like, by a word of its name ("Home Office", "the Pentagon")."""
    return any(w in PUBLIC_BODY_WORDS for w in m.name.lower().split())


def _owner_of_phrase(noun: Token, start: int) -> tuple[int, ...]:
    """Document offsets of the possessive that owns the phrase a description ends ("BSkyB's stake in
    the business": the business is not BSkyB, which would be "itself")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return ()
    base = start - noun.idx
    return tuple(base + t.idx for c in noun.head.head.children if c.dep_ == "poss" for t in c.subtree)


def _either_gender(pronoun: Token) -> bool:
    """A pronoun coordinated with one of the other gender ("he or she", "him or her", "his/her"):
    anyone at all."""
    other = _FEMALE_PRONOUNS if pronoun.lower_ in _MALE_PRONOUNS else _MALE_PRONOUNS
    doc = pronoun.doc
    near = [doc[i] for i in (pronoun.i - 2, pronoun.i + 2) if 0 <= i < len(doc)]
    return any(t.lower_ in other and doc[(t.i + pronoun.i) // 2].lower_ in {"or", "and", "/"} for t in near)


def _counts_two(noun: Token) -> bool:
    """"the two countries", "both firms", "both the companies"."""
    words = {c.lower_ for c in noun.children if c.dep_ in {"det", "predet", "nummod", "preconj"}}
    return "both" in words or {"the", "two"} <= words


def _clause_subjects(pronoun: Token, start: int) -> tuple[int, ...]:
    """Document offsets of the subjects a plain object pronoun cannot stand for: its own verb's
    ("Atticus wants it to buy the LSE": "it" is not Atticus, which would be "itself")."""
    if pronoun.lower_ not in {"it", "him", "her"}:
        return ()
    if pronoun.dep_ in {"dobj", "dative"}:
        verb = pronoun.head
    elif pronoun.dep_ == "nsubj" and pronoun.head.dep_ in {"xcomp", "ccomp"} and any(c.lower_ == "to" and c.dep_ == "aux" for c in pronoun.head.children):
        verb = pronoun.head.head  # "wants it to buy": the subject of "wants"
    else:
        return ()
    base = start - pronoun.idx
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i != pronoun.i]
    # "the co-chairman of the party, Liam Fox, called him": the name in apposition is the subject too.
    named = [t for c in subjects for a in c.children if a.dep_ == "appos" for t in a.subtree]
    return tuple(base + t.idx for t in subjects + named)


def _owned_name(pronoun: Token) -> str:
    """The name a possessive pronoun stands before ("its [Next Directory] division"), or ""."""
    if pronoun.dep_ != "poss":
        return ""
    return " ".join(t.text for t in pronoun.doc[pronoun.i + 1 : pronoun.head.i] if t.pos_ == "PROPN")


def _covers(m: Mention, offsets: tuple[int, ...]) -> bool:
    return any(m.start <= o < m.end for o in offsets)


def _pointing(named: Mention, token: Token, start: int) -> Mention:
    """A mention at the pronoun or description that stands for ``named`` (same type, name and key)."""
    return Mention(named.doc_id, start, start + len(token.text), token.text, named.type, named.name, named.key)
