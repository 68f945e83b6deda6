"""Entity mentions: spaCy entity spans of one passage -> Mention records with a type, a clean name and a key.

The key is what resolution groups on: an ISO code for countries ("U.S.", "US" and "American"
used as the state all give ``country:US``), a normalised name for everything else.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from spacy.tokens import Doc, Span, Token

from kg.gazetteer import country_code, country_name, demonym_code, is_city, is_first_name, pair_half_code, party_name, region_name
from kg.lexicon import ALWAYS_TIME_ZONES, HONORIFICS, PORTFOLIO_NOUNS, REGION_KINDS, TIME_ZONES, TITLE_HEADS, TITLE_MODIFIERS, UNIT_SYMBOLS
from kg.normalize import CURRENCY_CODES, CURRENCY_WORDS, number_value
from kg.model import Mention, Passage, article_key
from kg.syntax.phrases import indices_of
from kg.syntax.titles import is_plural, is_title_head, names_party_member

#: spaCy labels -> kg types. Countries are told apart from other places by the gazetteer.
_LABEL_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "EVENT": "Event",
    "LAW": "Agreement",
    "DEAL": "Agreement",  # a signed agreement with no name (kg.components._signed_agreements)
    "OCCASION": "Event",  # an attended event with no name (kg.components._attended_occasions)
    "TITLE": "Position",
    "NORP": "Country",
    # Brands the small model calls products are usually their makers in business news ("AmBev").
    "PRODUCT": "Organization",
}
#: Head nouns that make a name a place even when the model tags it as an organisation.
_PLACE_HEADS = frozenset(
    "region area zone coast valley strait sea ocean peninsula island islands province district dam tunnel airport "
    "bridge canal stadium harbour".split()
)
#: Last words of buildings' names that are no one's surname ("Tower", "Hall" and "Castle" are).
_BUILDING_HEADS = frozenset("stadium palace abbey cathedral square airport arena".split())


def kind_after(doc: Doc, start: int, end: int) -> str | None:
    """The common noun right after the name ``doc[start:end]`` that heads it ("the Sindh
    province"), lower-cased; else None."""
    if end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].is_lower and doc[start:end].root.head.i == end:
        return doc[end].lower_
    return None


#: Head nouns that make a name an organisation whatever else the model took it for ("Pro-Life
#: Alliance" tagged as a law, "Refugee Council" as a person).
_ORGANIZATION_HEADS = frozenset(
    """alliance association union federation confederation league coalition council committee commission
    institute institution society foundation trust campaign movement network group corporation company
    agency authority ministry department board fund organisation organization party assembly parliament senate
    center centre magazine newspaper lords""".split()
)
#: Institutions news names like places or people: the name is the body ("Downing Street said").
INSTITUTIONS = frozenset({
    "parliament", "cabinet", "commons", "house of commons", "house of lords", "downing street", "number 10",
    "no 10", "whitehall", "kremlin", "white house", "congress", "senate", "duma", "bundestag", "knesset",
})
#: Heads of a document's name: a review, a policy, a white paper is an agreement-like text.
DOCUMENT_HEADS = frozenset("review policy constitution paper strategy act bill treaty protocol manifesto budget".split())
#: "G8", "G7", "G-20", "G77": a group of nations, whatever the model took the short name for.
_GROUP_OF_NATIONS = re.compile(r"g-?\d{1,2}")
_PERSONAL_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr.".split())
_POSSESSIVE = re.compile(r"[’']s?$")
_QUOTES = "‘’“”\"'`«»"


@functools.lru_cache(maxsize=16_384)
def normalise_name(text: str) -> str:
    """Lower-case, accent-free, punctuation-light form of a name, for comparing mentions (kept
    for the names seen last: the same few are asked of again and again in an article).

    Examples:
        >>> normalise_name("Mr. Jaishankar’s")
        'mr jaishankar'
        >>> normalise_name("the  India-U.S. Trade Deal")
        'india-us trade deal'
    """
    text = _POSSESSIVE.sub("", text.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace(".", "").strip(_QUOTES + " ,;:")
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"\s+", " ", text)


def person_name(text: str) -> str:
    """A person's name without honorifics, titles or possessive ("Mr. Jaishankar’s" -> "Jaishankar").

    Examples:
        >>> person_name("Mr. S. Jaishankar")
        'S. Jaishankar'
        >>> person_name("President Trump's")
        'Trump'
        >>> person_name("Blairite Alan Milburn")
        'Alan Milburn'
        >>> person_name("Prince of Wales")
        'Prince of Wales'
    """
    words = _POSSESSIVE.sub("", text.strip()).split()
    while words and not (len(words) > 1 and words[1] == "of") and (
        # "Prince of Wales", "Duke of Edinburgh": a title of a place is the name itself.
        words[0].lower() in HONORIFICS
        or words[0].lower() in TITLE_HEADS
        # "Prime Minister", "Foreign Minister": a modifier counts when a title head follows it.
        or (words[0].lower() in TITLE_MODIFIERS and len(words) > 2 and words[1].lower() in TITLE_HEADS | TITLE_MODIFIERS)
        # "Blairite Alan Milburn", "Thatcherite Norman Tebbit": a faction the model took into the name.
        or (len(words) > 2 and words[0].lower().endswith(("ite", "ist")) and is_first_name(words[1]) and not is_first_name(words[0]))
    ):
        words.pop(0)
    return " ".join(words).strip(_QUOTES + " ,;:")


def _country_of(span: Span) -> str | None:
    if span.label_ == "NORP":
        return demonym_code(span.text.strip(_QUOTES))
    code = country_code(span.text)
    if code is None and len(span) > 1 and span[0].lower_ == "the":
        code = country_code(span[1:].text)
    if code is None and span.label_ == "GPE":
        # "300 Sri Lankan workers": a nationality the model read as a place.
        code = demonym_code(span.text.strip(_QUOTES))
    return code


def _owner_before(span: Span) -> tuple[str, Span] | None:
    """The name in a possessive right before a span ("Labour" in "Labour's spring conference"),
    and the words from the possessive to the span's end ("spring conference")."""
    doc = span.doc
    i = span.start - 1
    # "Labour's spring conference", "the party's annual conference": over the words the span
    # left out (a season the model read as a date) to the possessive.
    while i > span.start - 3 and i > 0 and doc[i].tag_ != "POS" and (doc[i].ent_type_ in {"DATE", "TIME", "ORDINAL"} or doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"}):
        i -= 1
    if i < 1 or doc[i].tag_ != "POS":
        return None
    owner = doc[i - 1]
    if not owner.ent_type_ or owner.ent_type_ in {"DATE", "TIME", "CARDINAL", "ORDINAL"}:
        return None
    first = owner.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    return doc[first : owner.i + 1].text, doc[i + 1 : span.end]


def _party(span: Span) -> str | None:
    """The canonical name of the party a span names ("Tories" -> "Conservative Party"), or None."""
    if span.label_ not in {"ORG", "NORP", "PERSON", "GPE"}:
        return None
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return party_name(span.text, before_title=names_party_member(following))


def _singular_title(span: Span, name: str) -> str:
    """One holder's office for a title written for several ("Presidents Bush and Clinton",
    "Labour MPs Abbott and Hoey"): "President", "MP"."""
    last = span[-1]
    if not is_plural(last) or not name.endswith(last.text):
        return name
    if last.text[:-1].isupper():
        single = last.text[:-1]  # "MPs", "MEPs"
    elif last.lemma_.lower() != last.lower_:
        single = last.lemma_.capitalize() if last.is_title else last.lemma_.lower()
    else:
        return name
    return name[: len(name) - len(last.text)] + single


#: How a name attaches to the noun it modifies ("the Bush administration", "the Pinochet
#: dictatorship", "the Conlon and Maguire families", "the Conservative's record").
_NAME_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


def agreement_key(name: str, doc_id: str) -> str:
    """The key of an agreement's mention: "the Bill", "the Budget" named by their head alone are
    the article's own (another article's is another), a fuller name is the corpus's."""
    key = f"agreement:{normalise_name(name)}"
    return article_key(key, doc_id) if name.lower() in DOCUMENT_HEADS else key


#: Nouns that make a country's name or adjective before them a currency's ("Australian dollar").
_CURRENCY_NOUNS = frozenset(w for w in CURRENCY_WORDS if " " not in w and w.upper() not in CURRENCY_CODES) | frozenset(
    "franc francs peso pesos lira won baht ringgit dinar dinars shekel shekels".split()
)


def mention_of(span: Span, passage: Passage) -> Mention | None:
    """The Mention for one entity span, or None when the span names nothing kg keeps.

    Dropped: labels that are literal values (dates, money, percentages), names with no letter,
    a bare honorific, and nationality words that name no single country.
    """
    kind = _LABEL_TYPES.get(span.label_)
    if kind is None:
        return None
    if span.label_ in {"PERSON", "ORG"} and len(span) > 2:
        inside = [t.i for t in span[1:-1] if t.lower_ in _PERSONAL_HONORIFICS]
        if inside:
            # "Analysing Mr Brown": the name is a person's, and starts at its honorific.
            span = Span(span.doc, inside[0], span.end, label="PERSON")
            kind = "Person"
    if span.label_ == "PERSON" and span.start > 0 and span.doc[span.start - 1].lower_ in HONORIFICS:
        # Keep "Mr." in the mention's text (an alias users search for); the name drops it.
        span = Span(span.doc, span.start - 1, span.end, label="PERSON")
    start = passage.start + span.start_char
    end = passage.start + span.end_char
    doc_id = passage.document.doc_id
    if kind == "Organization" and len(span) == 1 and span[0].lower_ in PORTFOLIO_NOUNS and span.end < len(span.doc) and is_title_head(span.doc[span.end]):
        return None  # "Aid minister Hilary Benn": the minister's portfolio, no body called "Aid"
    party = _party(span)
    if party is None and len(span) > 1 and span[0].is_title and (is_city(span[0].text) or region_name(span[0].text)) and (party := _party(Span(span.doc, span.start + 1, span.end, label=span.label_))) is not None:
        # "London UKIP MEP Gerard Batten": the party's member for a place, not a party of that name.
        span = Span(span.doc, span.start + 1, span.end, label=span.label_)
        start = passage.start + span.start_char
    if party is not None:
        return Mention(doc_id, start, end, span.text, "Organization", party, f"organization:{normalise_name(party)}")
    if span.label_ in {"GPE", "NORP"} and span.end < len(span.doc) and span.doc[span.end].lower_ in _CURRENCY_NOUNS and span.doc[span.end].pos_ in {"NOUN", "PROPN"}:
        return None  # "a 7.4bn Australian dollar bid", "Swiss francs": a currency, not the country
    if len(span) == 1 and span.text in UNIT_SYMBOLS and span.start > 0 and span.doc[span.start - 1].like_num:
        return None  # "12,600 MW of electricity": a unit, not a body
    if len(span) == 1 and span.text in TIME_ZONES and (span.text in ALWAYS_TIME_ZONES or (span.start > 0 and span.doc[span.start - 1].like_num)):
        return None  # "at 1330 GMT in Zurich": a clock's zone, not a body
    if span[0].lower_ == "non" and len(span) > 1 and span[1].text in "-‐–":
        return None  # "Non-EU imports": goods from outside a body, not the body
    if span.label_ == "NORP" and len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in {"a", "an"} and span.root.dep_ not in {"amod", "compound", "nmod"}:
        return None  # "handing back an Israeli": one person of the country, not the country
    if span.label_ in {"GPE", "NORP", "ORG", "LOC"}:
        code = _country_of(span)
        if code is not None:
            return Mention(doc_id, start, end, span.text, "Country", country_name(code), f"country:{code}")
        if span.label_ == "NORP":
            return None
    bare = " ".join(t.lower_ for t in span if t.lower_ != "the")
    if (bare in INSTITUTIONS or _GROUP_OF_NATIONS.fullmatch(bare)) and kind in {"Place", "Person", "Organization", "Event"}:
        kind = "Organization"
    elif kind == "Organization" and (span.root.lower_ in _PLACE_HEADS or kind_after(span.doc, span.start, span.end) in REGION_KINDS):
        kind = "Place"  # "the Suez Canal", and "India's Andhra Pradesh state", "Spain's Catalonia region"
    elif kind == "Person" and len(span) > 1 and span[-1].lower_ in _BUILDING_HEADS:
        kind = "Place"  # "Wembley Stadium", "Lambeth Palace": no one's surname
    elif kind in {"Agreement", "Event", "Person", "Place"} and len(span) > 1 and (head := span.root if kind == "Event" else span[-1]).lower_ in _ORGANIZATION_HEADS and head.is_title:
        kind = "Organization"
    elif kind == "Organization" and span[-1].lower_ in DOCUMENT_HEADS and span[-1].is_title and (len(span) > 1 or span[-1].lower_ == "budget"):
        kind = "Agreement"  # "the Barker Review", "the Common Agricultural Policy", "the White Paper", "the Budget"
    if kind == "Person" and len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" and span[0].dep_ not in _NAME_MODIFIERS:
        # "The Bill now faces opposition", "a consultant to the Tote", "the sinking of the
        # Belgrano": a one-word name that "the" makes the head of a noun phrase is a thing's
        # (a bill, a company, a ship); a person's name modifies the noun after it instead ("the
        # Bush administration", "the Kok report").
        if span[0].lower_ not in DOCUMENT_HEADS:
            return None
        # "The Bill": the bill the article is about.
        return Mention(doc_id, start, end, span.text, "Agreement", span.text, agreement_key(span.text, doc_id))
    name = person_name(span.text) if kind == "Person" else _POSSESSIVE.sub("", span.text).strip(_QUOTES + " ,;:")
    if kind == "Position":
        name = _singular_title(span, name)
    owned = _owner_before(span) if kind in {"Event", "Agreement"} else None
    if owned is not None:
        # "Labour's spring conference": the owner tells this conference from every other one.
        owner, words = owned
        name = f"{owner}'s {_POSSESSIVE.sub('', words.text).strip(_QUOTES + ' ,;:')}"
    if kind == "Person" and name.isupper() and len(name) > 4:
        # An all-caps "name" is a shouted heading fragment, not a person.
        return None
    if not any(c.isalpha() for c in name) or normalise_name(name) in HONORIFICS:
        return None
    if any(c.isdigit() for c in name) and number_value(name) is not None:
        # "commit themselves to buying the first 300m vaccines", "another 550m to follow": an
        # amount the model took for a name.
        return None
    if kind in {"Organization", "Place"} and name[:1].islower() and not any(c.isupper() for c in name[1:]):
        # "easyJet", "eBay": a lower-case start with capitals inside is a brand's name.
        return None
    if span.label_ in {"DEAL", "OCCASION"}:
        # "an oil deal", "a campaign poster launch" of one article is not that of another.
        return Mention(doc_id, start, end, span.text, kind, name, article_key(f"{kind.lower()}:{normalise_name(name)}", doc_id))
    if kind in {"Event", "Agreement"} and name[:1].islower() and not any(t.pos_ == "PROPN" and t.is_title for t in span):
        return None
    return Mention(doc_id, start, end, span.text, kind, name, f"{kind.lower()}:{normalise_name(name)}")


def passage_mentions(doc: Doc, passage: Passage, surnames: set[str]) -> dict[int, Mention]:
    """Map every token index covered by a kept entity span to its Mention.

    ``surnames`` holds the last names of people already named in the document; this passage's
    people are added to it. A later bare surname is that person even where the small model
    tags it as a place or misses it ("Scholz and Biden discussed ...").
    """
    surnames.update(person_name(e.text).split()[-1] for e in doc.ents if e.label_ == "PERSON" and len(person_name(e.text).split()) > 1)
    by_token: dict[int, Mention] = {}
    for span in doc.ents:
        if span.label_ in {"GPE", "ORG", "LOC", "NORP"} and len(span) == 1 and span.text in surnames and not _country_of(span):
            span = Span(doc, span.start, span.end, label="PERSON")
        mention = mention_of(span, passage)
        if mention is None:
            continue
        for i in range(span.start, span.end):
            by_token[i] = mention
    for token in doc:
        if token.i not in by_token and not token.ent_type_ and token.pos_ == "PROPN" and token.text in surnames:
            mention = mention_of(Span(doc, token.i, token.i + 1, label="PERSON"), passage)
            if mention is not None:
                by_token[token.i] = mention
    for first, second in _nation_pairs(doc):
        # "Anglo-Dutch group Unilever", "US-German carmaker DaimlerChrysler": two countries, not
        # one organisation called "Anglo-Dutch" (the model's reading) nor one country.
        by_token.pop(first.i + 1, None)
        for token in (first, second):
            code = pair_half_code(token.text, first=token is first)
            start = passage.start + token.idx
            by_token[token.i] = Mention(passage.document.doc_id, start, start + len(token.text), token.text, "Country", country_name(code), f"country:{code}")
    return by_token


def _nation_pairs(doc: Doc) -> list[tuple[Token, Token]]:
    """The halves of each two-nation adjective ("Anglo-Dutch", "US-German", "Franco-German") that
    is not part of a longer name ("Anglo-Irish Bank") or of a longer entity the model found."""
    pairs = []
    for i in indices_of(doc, "-"):
        if not 0 < i < len(doc) - 1:
            continue
        hyphen, first, second = doc[i], doc[i - 1], doc[i + 1]
        if first.whitespace_ or hyphen.whitespace_:
            continue
        if pair_half_code(first.text, first=True) is None or pair_half_code(second.text, first=False) is None:
            continue
        after = doc[second.i + 1] if second.i + 1 < len(doc) else None
        if first.ent_iob_ == "I" or (first.i > 0 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_):
            continue
        if after is not None and (after.ent_iob_ == "I" or (after.text == "-" and not second.whitespace_) or (after.is_title and after.pos_ == "PROPN" and not after.ent_type_)):
            continue
        pairs.append((first, second))
    return pairs


def is_pronoun(token: Token) -> bool:
    """True for third-person personal pronouns that may point back at a person."""
    return token.lower_ in {"he", "she", "him", "her", "his", "hers"}
