"""Governments as organisations: one document's parsed passages and name maps -> mentions of
"the government", "the Russian government", "the Bush administration".

News criticises, backs and sues governments as often as people, so a government is an
Organization of its own, apart from its country. Which country's it is comes from the phrase
("the Russian government", "Britain's government", "the Labour government": the party's
country) or else from the country the article is about (also for "the Centre", as Indian news
calls the central government): the one named most, counting parties
by their country. A government whose country stays unknown is an entity of its article only.
"""
from __future__ import annotations

from collections import Counter

from spacy.attrs import LEMMA, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from kg.gazetteer import country_code, country_name, demonym_code, party_country, party_name
from kg.model import Mention, Passage

__all__ = ["government_mentions"]

_HEADS = frozenset({"government", "administration"})
#: Modifiers that make it another level of government or no government at all.
_OTHER_LEVELS = frozenset("local state regional city provincial municipal county student school hospital".split())
#: The article's country must be named this often, and lead the next by this factor.
_MIN_NAMED = 2
_LEAD = 3.0


def _country_of_mention(m: Mention) -> str | None:
    if m.type == "Country":
        return m.key.removeprefix("country:")
    if m.type == "Organization" and party_name(m.name):
        return party_country(party_name(m.name) or m.name)
    return None


def _named_countries(maps: list[dict[int, Mention]]) -> Counter:
    counts: Counter = Counter()
    for by_token in maps:
        for m in set(by_token.values()):
            code = _country_of_mention(m)
            if code:
                counts[code.split("-")[0]] += 1
    return counts


def _article_country(maps: list[dict[int, Mention]]) -> str | None:
    ranked = _named_countries(maps).most_common(2)
    if not ranked or ranked[0][1] < _MIN_NAMED or (len(ranked) > 1 and ranked[0][1] < _LEAD * ranked[1][1]):
        return None
    return ranked[0][0]


def _phrase_country(head: Token, by_token: dict[int, Mention]) -> tuple[str | None, int, bool]:
    """(country code, first token of the phrase, whether the phrase is a government at all)."""
    start = head.i
    code = None
    for child in sorted(head.children, key=lambda t: t.i):
        if child.i > head.i or child.dep_ not in {"amod", "compound", "nmod", "poss", "det"}:
            continue
        if child.lower_ in _OTHER_LEVELS:
            return None, start, False
        if child.dep_ == "det":
            continue
        start = min(start, child.left_edge.i)
        m = by_token.get(child.i)
        if m is not None and m.type == "Place":
            # "the Dublin government", "the Kiev administration": a city's name for its country's
            # government (or its own), not the country the article is about.
            return None, start, False
        found = _country_of_mention(m) if m is not None else (demonym_code(child.text) or country_code(child.text))
        if found:
            code = found
        elif m is None and child.pos_ == "PROPN" and child.dep_ != "poss":
            return None, start, False  # "the Commons public administration committee": a name that is no country or leader
        elif m is None and child.pos_ not in {"ADJ", "PROPN"} and child.dep_ != "poss":
            return None, start, False  # "the coalition government" is still one; "the tax government" is not a phrase news uses
    if any((body := by_token.get(i)) is not None and body.type == "Organization" and not party_name(body.name) for i in range(start, head.i)):
        return None, start, False  # "the Commons public administration committee": a body's, not a government
    return code, start, True


def _of_country(head: Token, by_token: dict[int, Mention]) -> tuple[str, int] | None:
    """("NG", end) for "government of Nigeria"."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            m = by_token.get(obj.i)
            if m is not None and m.type == "Country" and obj.right_edge.i == obj.i:
                return m.key.removeprefix("country:"), obj.i + 1
    return None


_GOVERNMENT_OF = "Government of "


def _label(code: str) -> str:
    try:
        name = country_name(code)
    except KeyError:
        name = code
    article = "the " if name.startswith(("United", "Czech", "Netherlands", "Philippines")) else ""
    return f"{_GOVERNMENT_OF}{article}{name}"


def is_government(m: Mention) -> bool:
    """A country's government as this module names it ("Government of Russia")."""
    return m.name.startswith(_GOVERNMENT_OF)


#: Seats of government news names for the government itself: "the Kremlin said".
_SEATS = {"kremlin": "RU", "white house": "US", "elysee": "FR", "élysée": "FR", "elysee palace": "FR", "élysée palace": "FR"}


def _named_government(m: Mention) -> str | None:
    """The country of an organisation the model tagged as "US Government", "Government of India",
    or named by its seat ("the Kremlin", "the White House")."""
    words = m.name.split()
    if m.type == "Organization" and (seat := _SEATS.get(" ".join(words).lower().removeprefix("the "))) is not None:
        return seat
    if m.type != "Organization" or len(words) < 2:
        return None
    if words[-1].lower() in _HEADS:
        return country_code(" ".join(words[:-1])) or demonym_code(" ".join(words[:-1]))
    if words[0].lower() == "government" and len(words) > 2 and words[1].lower() == "of":
        return country_code(" ".join(words[2:]))
    return None


def _candidates(doc: Doc) -> list[Token]:
    """The tokens the rules below can read: "Centre", and words whose lemma is a head, found in
    spaCy's token array rather than by making a Token of every word of the passage."""
    strings = doc.vocab.strings
    heads: dict[int, bool] = {}  # lemma hash -> whether it is one of the heads, in any case
    found = []
    for i, (orth, lemma) in enumerate(doc.to_array([ORTH, LEMMA]).tolist()):
        is_head = heads.get(lemma)
        if is_head is None:
            is_head = heads[lemma] = strings[lemma].lower() in _HEADS
        if is_head or orth == _CENTRE:
            found.append(doc[i])
    return found


_CENTRE = hash_string("Centre")


def government_mentions(parsed: list[tuple[Doc, Passage]], maps: list[dict[int, Mention]]) -> None:
    """Add a government mention to ``maps`` for each "the (X) government" / "the X administration"."""
    article = _article_country(maps)
    named = _named_countries(maps)
    for by_token in maps:
        for i, m in list(by_token.items()):
            code = _named_government(m)
            if code:
                name = _label(code)
                by_token[i] = Mention(m.doc_id, m.start, m.end, m.text, m.type, name, f"organization:{name.lower()}")
    for (doc, passage), by_token in zip(parsed, maps, strict=True):
        for token in _candidates(doc):
            m = by_token.get(token.i)
            if (m is not None and token.text == "Centre" and m.name == "Centre" and "IN" in named
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)):
                # "The Centre has come under criticism": Indian news's name for India's central government.
                name = _label("IN")
                by_token[token.i] = Mention(m.doc_id, m.start, m.end, m.text, "Organization", name, f"organization:{name.lower()}")
                continue
            if token.lemma_.lower() not in _HEADS or token.pos_ != "NOUN" or token.tag_ != "NN" or token.i in by_token:
                continue
            if token.dep_ in {"compound", "amod"}:
                continue  # "government bonds", "government officials"
            code, start, is_government = _phrase_country(token, by_token)
            if not is_government:
                continue
            has_det = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)
            owned = code is not None or any(c.dep_ == "poss" or by_token.get(c.i) is not None for c in token.children if c.i < token.i)
            if not has_det and not owned:
                continue  # "big government", "open government", "good government": the idea, not one government
            if token.lemma_.lower() == "administration" and start == token.i:
                continue  # a bare "the administration" is too often a company's or a hospital's
            if not has_det and start == token.i:
                continue  # "government" with no article: a kind, not this one
            end = token.i + 1
            of_country = _of_country(token, by_token)
            if of_country is not None and code is None:
                # "the government of Nigeria": the of-phrase names the country and is part of the name.
                code, end = of_country
            text = doc[start:end].text
            led = any(by_token.get(i) is not None and by_token[i].type == "Person" for i in range(start, token.i))
            if led and code is None and article is None:
                # "the Bush administration" in an article about no one country: a name of its
                # own, the same government wherever it is written so; else the article's country's.
                name = text[4:] if text.lower().startswith("the ") else text
                key = f"organization:{name.lower()}"
            elif code or article:
                code = code or article
                name = _label(code)
                key = f"organization:{name.lower()}"
            else:
                name = text[4:] if text.lower().startswith("the ") else text
                key = f"organization:{name.lower()}#{passage.document.doc_id}"
            if led:
                # "President Bush's government": the leader stays a mention of its own (his title
                # is read from it); the government is the words after him.
                start = max(i for i in range(start, token.i) if by_token.get(i) is not None and by_token[i].type in {"Person", "Organization"}) + 1
                while start < token.i and doc[start].tag_ == "POS":
                    start += 1
                text = doc[start:end].text
            last = doc[end - 1]
            mention = Mention(passage.document.doc_id, passage.start + doc[start].idx, passage.start + last.idx + len(last.text), text, "Organization", name, key)
            for i in range(start, end):
                by_token[i] = mention  # "the Russian government" is one name, not Russia and a government
