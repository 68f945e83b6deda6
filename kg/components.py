"""Our spaCy components: they fix ``doc.ents`` so that titles, events and agreements are spans too.

``kg_entities`` runs after the statistical NER. It trims determiners, quotes and "-led" modifiers
from entity spans, marks titles before person names as ``TITLE``, and labels named noun phrases
headed by an event or agreement noun ("the Quad summit", "the India-U.S. trade deal") as
``EVENT`` or ``LAW`` where the small model missed or mislabelled them.
"""
from __future__ import annotations

import functools

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.gazetteer import country_code, demonym_code, is_city, is_town, party_forms, party_name, region_name
from kg.normalize import find_quantities
from kg.syntax import DASHES, asks, indices_of, is_spaced_dash, letter_prefixed, lowered_in
from kg.syntax.titles import RANKS_BEFORE_OWNER, is_title_head, names_party_member, office_names, title_before
from kg.lexicon import (
    AGREEMENT_HEADS,
    COMPASS_WORDS,
    FORMER_WORDS,
    PASSING_WORDS,
    EVENT_HEADS,
    HONORIFICS,
    LEADER_SUFFIXES,
    ORGANIZATION_KINDS,
    SUBUNIT_NOUNS,
    LEGISLATOR_TITLES,
    POSTNOMINAL_TITLES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    is_honorific,
)

#: Entity labels that may be re-labelled when a better reading (title, event) covers them.
_WEAK_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", ""})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod", "npadvmod", "punct", "poss"})
_OPENING_QUOTES = frozenset("‘“'\"`(«")
_CLOSING_QUOTES = frozenset("’”'\")»")
_EDGE_PUNCT = frozenset({",", ".", ";", ":", "!", "?"}) | DASHES


def is_leader_modifier(token: Token) -> bool:
    """True for modifiers such as "U.S.-led" or "Saudi-backed" that name an organiser."""
    lower = token.lower_
    return any(lower.endswith(suffix) and len(lower) > len(suffix) for suffix in LEADER_SUFFIXES)


def _is_honorific(token: Token) -> bool:
    return is_honorific(token.text)


def _is_title_word(token: Token) -> bool:
    lower = token.lower_
    return lower in TITLE_HEADS or lower in TITLE_MODIFIERS




#: The last word of a constituency or district named after its town: "Leicester South".
_QUARTERS = frozenset({"north", "south", "east", "west", "central"})


def _town_quarter(span: Span) -> Span:
    """"Mr Kennedy will visit Leicester South": a town and a quarter of it, which the small model
    reads as a person's first name and surname, is a place (a constituency or a district)."""
    if len(span) != 2 or span.label_ not in {"PERSON", "ORG"} or span[1].lower_ not in _QUARTERS or not span[1].is_title:
        return span
    if not (is_town(span[0].text) or is_city(span[0].text)):
        return span
    return Span(span.doc, span.start, span.end, label="GPE")


def _person_after_title(doc: Doc, span: Span) -> Span:
    """"Chancellor Olaf Scholz" tagged ORG by the small model: a capitalised name right after
    a title head is a person."""
    if span.label_ not in {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"} or not 1 < len(span) <= 4:
        return span
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in TITLE_HEADS or not before.is_title:
        return span
    if all(t.is_title and t.pos_ == "PROPN" for t in span) and span.root.lower_ not in TITLE_HEADS:
        return Span(doc, span.start, span.end, label="PERSON")
    return span




def _after_titles(doc: Doc, span: Span, taken: set[int]) -> Span:
    """A person's name run on from the title before it ("[Minister for Europe] Denis MacShane"
    read as one name): the words after the title are the person's."""
    if span.label_ != "PERSON" or span.start not in taken:
        return span
    start = span.start
    while start < span.end and start in taken:
        start += 1
    if start == span.end or any(i in taken for i in range(start, span.end)):
        return span
    return Span(doc, start, span.end, label=span.label_)


def _cut_at_dash(span: Span) -> Span:
    """The part of an entity span on one side of a spaced dash, which no name spans: the model
    runs names on into an aside ("Yuganskneftegas - the", "Mr Howard - can", "MPs - Keith Vaz").
    The side with more capitalised words is the name (the left one on a tie)."""
    doc = span.doc
    cuts = [t.i for t in span[1:] if is_spaced_dash(t)]
    if not cuts:
        return span
    sides = [Span(doc, span.start, cuts[0], label=span.label_), Span(doc, cuts[-1] + 1, span.end, label=span.label_)]
    sides = [side for side in sides if len(side)]
    return max(sides, key=lambda side: sum(t.is_title or t.is_upper for t in side)) if sides else span


def _letter_prefixed(span: Span) -> Span:
    """A name written with a one-letter prefix is whole with it: "the e-University" is not a
    university named "University"."""
    if letter_prefixed(span.doc, span.start):
        return Span(span.doc, span.start - 2, span.end, label=span.label_)
    return span


#: Adverbs that open a sentence and that the model takes, capitalised there, for the first word
#: of the name after them ("Earlier Tory leader Michael Howard", "Meanwhile Lloyds TSB said").
_OPENING_ADVERBS = frozenset(
    "earlier later meanwhile yesterday previously recently however also separately elsewhere instead currently initially eventually finally".split()
)
#: Time zones, which the model runs into the name after a time ("by 1300 GMT Carnival's shares").
_TIME_ZONES = frozenset("GMT BST UTC CET CEST EST EDT CST CDT PST PDT".split())


def _split_at_in(span: Span) -> list[Span]:
    """"the Golden Temple in Amritsar", "Glenurquhart High School in Inverness": a place and the
    town it is in, which the model read as one name, are two; "the Efficiency in Government Unit"
    (the part after "in" ends in a kind of body) stays one."""
    doc = span.doc
    if span.label_ not in {"ORG", "FAC"}:
        return [span]
    cut = next((t.i for t in span[2:-1] if t.lower_ == "in"), None)
    if cut is None:
        return [span]
    before, after = doc[span.start : cut], doc[cut + 1 : span.end]
    if not (before[-1].is_title and len(after) <= 3 and all(t.is_title and t.is_alpha for t in after)):
        return [span]
    if after[-1].lower_ in ORGANIZATION_KINDS or after[-1].lower_ in SUBUNIT_NOUNS or after[-1].lower_ in EVENT_HEADS:
        return [span]
    return [Span(doc, before.start, before.end, label=span.label_), Span(doc, after.start, after.end, label="GPE")]


#: Nouns for a person of a nation, which stand before a name as a title does ("Briton Tim
#: Henman", "Irishmen JP McManus and John Magnier") and never open the name of a body.
_NATIONALITY_NOUNS = frozenset(
    """briton britons englishman englishmen frenchman frenchmen irishman irishmen scotsman scotsmen welshman welshmen
    dutchman dutchmen spaniard spaniards swede swedes dane danes pole poles finn finns scot scots""".split()
)


def _after_nationality(span: Span) -> Span:
    """The name after a nationality the model took into it: a person's ("Briton Tim Henman",
    "Frenchman Sebastien Grosjean", which the model may call an organisation), or, before a
    name the model itself calls a person's, a nation's adjective ("Australian Lynton Crosby");
    "American Express" and "the Russian News Agency" keep theirs."""
    first, rest = span[0], span[1:]
    if len(rest) < 2 or not all(t.text[:1].isupper() and t.is_alpha for t in rest) or demonym_code(first.text) is None:
        return span
    if first.lower_ in _NATIONALITY_NOUNS or span.label_ == "PERSON":
        return Span(span.doc, rest.start, rest.end, label="PERSON")
    return span


def _named_assembly(span: Span) -> bool:
    """"the US Congress", "the Trades Union Congress": a name whose head is a capitalised
    "Congress" is the body, an organisation, as "the party congress" and "the 16th Congress"
    (an ordinal or a year: one of its sittings) are meetings."""
    if span.root.text != "Congress":
        return False
    before = span.doc[span.start - 1 : span.start]
    return not any(t.like_num or t.text[:1].isdigit() or t.ent_type_ in {"ORDINAL", "DATE"} for t in (*before, *span))


def _trim(span: Span) -> Span | None:
    """Drop determiners, quotes, possessive markers, "-led" modifiers and a sentence's opening
    adverb, or the modal that opens a question ("Will Vodafone buy Orange?"), at the edges of a
    span, and a preposition or article it ends in."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        (start + 1 < end and doc[start].is_sent_start and (doc[start].lower_ in _OPENING_ADVERBS or (doc[start].tag_ == "MD" and asks(doc[start]))))
        or doc[start].lower_ in {"the", "a", "an"}
        or (start + 1 < end and doc[start].text in _TIME_ZONES)
        or doc[start].text in _OPENING_QUOTES
        or doc[start].text in _EDGE_PUNCT
        or is_leader_modifier(doc[start])
        or (span.label_ == "PERSON" and _is_honorific(doc[start]))
        # "broadcaster BSkyB", "retailer Next": a common noun before a name says what it is.
        # ("west London" is a part of London, named so.)
        or (start + 1 < end and doc[start].is_lower and doc[start].is_alpha and doc[start].tag_ in {"NN", "NNS"} and doc[start].lower_ not in COMPASS_WORDS
            and doc[start + 1].tag_ == "NNP" and not doc[start + 1].is_lower)
    ):
        start += 1
    while end > start and (
        doc[end - 1].text in _CLOSING_QUOTES or doc[end - 1].tag_ == "POS" or doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].text in "(["
        # "the Management Centre at [Strathclyde University]", "Royal Bank of [Scotland]": a name
        # never ends in a preposition or an article (the one it was cut from may be joined again).
        or (end - start > 1 and doc[end - 1].is_lower and doc[end - 1].pos_ in {"ADP", "DET"})
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _named_phrase(token: Token) -> Span | None:
    """The named noun phrase headed by an event or agreement noun, or None for a generic one.

    A name needs a proper noun: before the head ("the Quad summit", "the G7 meeting"), as its
    owner ("Labour's spring conference": the span starts after the possessive, which stays a
    name of its own), or after it ("the meeting of the Parliamentary Labour Party").
    """
    lemma = token.lower_
    if lemma in EVENT_HEADS:
        label = "EVENT"
    elif lemma in AGREEMENT_HEADS:
        label = "LAW"
    else:
        return None
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    modifiers = [
        child
        for child in token.lefts
        if child.dep_ in _MODIFIER_DEPS and not is_leader_modifier(child) and child.dep_ != "poss"
    ]
    start = min((child.left_edge.i for child in modifiers), default=token.i)
    while start < token.i and (token.doc[start].tag_ == "POS" or token.doc[start].ent_type_ in {"DATE", "TIME", "ORDINAL", "CARDINAL"}):
        start += 1
    span_tokens = token.doc[start : token.i + 1]
    named_inside = any(t.pos_ == "PROPN" or (t.is_title and t.i > t.sent.start) for t in span_tokens if t.i != token.i) or (
        token.is_title and token.i > token.sent.start
    )
    owner = next((c for c in token.children if c.dep_ == "poss" and c.ent_type_ in {"ORG", "PERSON", "NORP", "GPE"}), None)
    end = token.i + 1
    if not named_inside and owner is None:
        # "the meeting of the Parliamentary Labour Party", "the next meeting of G7 countries".
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if label != "EVENT" or of is None or not any(t.pos_ == "PROPN" and t.is_title for t in of.subtree):
            return None
        start, end = token.i, of.right_edge.i + 1
    if not named_inside and owner is not None and not modifiers and label == "EVENT" and token.lower_ in {"visit", "tour", "crisis", "war"}:
        return None  # "Mr Straw's visit" is a relation (visits), not a named event
    span = Span(token.doc, start, end, label=label)
    if label == "EVENT" and _named_assembly(span):
        span = Span(token.doc, start, end, label="ORG")
    return _trim(span)


#: Words that end a company name; a bare name after "<company> of" is then its home town.
_CORPORATE_SUFFIXES = frozenset("co. co corp. corp inc. inc ltd. ltd plc llc company corporation".split())
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def region_after(doc: Doc, comma: int) -> Span | None:
    """The state, province or country named right after a comma ("Greenville , S.C.", "Dayton, Ohio")."""
    for length in (3, 2, 1):
        end = comma + 1 + length
        if end > len(doc) or not (doc[comma + 1].is_title or doc[comma + 1].is_upper):
            continue
        words = doc[comma + 1 : end]
        if words[-1].is_punct or any(t.is_punct and t.text != "." for t in words) or any(t.is_sent_start for t in words[1:]):
            continue
        if region_name(words.text) or country_code(words.text):
            return Span(doc, comma + 1, end, label="GPE")
    return None


def _is_region(span: Span) -> bool:
    return bool(region_name(span.text) or country_code(span.text))


def _place_appositions(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Greenville, S.C.", "KARBALA, Iraq", "Saint-Gall, Switzerland": the name before a comma and a
    state or country is a place, whatever the model called it, and the state is a place too.

    Lists of regions ("Ohio, Texas and Utah", "Russia, Japan") are left alone, as are people with a
    title or a first name ("Sen. John Glenn, Ohio") and companies ("Acme Inc., Ohio").
    """
    by_end = {s.end: s for s in spans}
    by_start = {s.start: s for s in spans}
    out = list(spans)
    for comma in (i for i in indices_of(doc, ",") if 0 < i < len(doc) - 1):
        region = region_after(doc, comma)
        if region is None:
            continue
        nxt = doc[region.end] if region.end < len(doc) else None
        if nxt is not None and (nxt.lower_ in {"and", "or"} or (nxt.text == "," and region_after(doc, nxt.i) is not None)):
            continue
        place = by_end.get(comma)
        if place is None:
            # An untagged capitalised name: "Saint-Gall , Switzerland".
            first = comma
            while first > 0 and comma - first < 4 and not doc[first - 1].ent_type_ and (
                (doc[first - 1].pos_ == "PROPN" and (doc[first - 1].is_title or doc[first - 1].is_upper))
                or (doc[first - 1].text == "-" and first >= 2 and doc[first - 2].is_title)
            ):
                first -= 1
            if first == comma or doc[first].text == "-" or (first > 0 and doc[first - 1].pos_ == "PROPN"):
                continue
            place = Span(doc, first, comma, label="GPE")
        if place.label_ not in _PLACE_LABELS | {"ORG", "PERSON", "NORP", ""} or _is_region(place):
            continue
        if place.label_ == "PERSON" and (len(place) > 1 and not place.text.isupper() or (place.start > 0 and (_is_honorific(doc[place.start - 1]) or doc[place.start - 1].lower_ in TITLE_HEADS))):
            continue
        if place.label_ == "ORG" and doc[place.end - 1].lower_ in _CORPORATE_SUFFIXES:
            continue
        out = [s for s in out if s is not place and s is not by_start.get(region.start) and not (s.start < region.end and region.start < s.end)]
        out += [Span(doc, place.start, place.end, label="GPE"), region]
    return out


def _is_capitals(token: Token) -> bool:
    return token.text == "-" or (token.is_upper and any(c.isalpha() for c in token.text))


def _starts_source_line(doc: Doc, start: int) -> bool:
    """A source line starts the text or a line, or follows a wire reference code ("LD2304174694")."""
    if start == 0 or doc[start].is_sent_start or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_:
        return True
    before = doc[start - 1].text
    return before.isalnum() and sum(c.isdigit() for c in before) >= 4


def _ends_source_line(doc: Doc, end: int) -> bool:
    """A source name ends the line, or is followed by "in <Language>" or a time or date."""
    after = doc[end] if end < len(doc) else None
    return after is None or after.lower_ == "in" or after.like_num or after.is_sent_start or after.is_space


def _split_source(doc: Doc, span: Span) -> list[Span]:
    """"Cairo AL-AHRAM" read as one name: a capitalised place, then the source in capitals."""
    if span.label_ not in {"PERSON", "ORG"} or len(span) < 2 or not span[0].is_title or span[0].is_upper:
        return [span]
    cut = next((t.i for t in span if _is_capitals(t) and t.text != "-"), None)
    if cut is None or cut == span.start or not all(_is_capitals(t) for t in doc[cut : span.end]) or not _ends_source_line(doc, span.end) or not _starts_source_line(doc, span.start):
        return [span]
    if not all(t.is_title and not t.is_upper for t in doc[span.start : cut]):
        return [span]
    return [Span(doc, span.start, cut, label="GPE"), Span(doc, cut, span.end, label="ORG")]


def _source_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Wire source lines name a place, then the agency or paper in capitals: "Moscow INTERFAX in
    English", "Tokyo MAINICHI SHIMBUN", "London THE SUNDAY TIMES 30 Jan 94". The capitals are an
    organisation; the small model rarely tags them at all."""
    spans = [piece for span in spans for piece in _split_source(doc, span)]
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = list(spans)
    for place in spans:
        if place.label_ not in _PLACE_LABELS or place.text.isupper() or not place[0].is_title or not _starts_source_line(doc, place.start):
            continue
        end = place.end
        while end < len(doc) and end - place.end < 5 and _is_capitals(doc[end]):
            end += 1
        while end > place.end and doc[end - 1].text == "-":
            end -= 1
        inside = [s for s in spans if place.end <= s.start and s.end <= end]
        if end == place.end or any(s.label_ not in {"ORG", "PERSON", "NORP"} for s in inside):
            continue
        if any(i in taken for i in range(place.end, end) if not any(s.start <= i < s.end for s in inside)):
            continue
        if not _ends_source_line(doc, end):
            continue
        name = doc[place.end : end]
        if len(name.text.replace("-", "")) < 2 or _is_region(name):
            continue
        out = [s for s in out if s not in inside] + [Span(doc, place.end, end, label="ORG")]
    return out


def _corporate_towns(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Waste Disposal Co. of Randolph": a short name after a company name and "of" is a town."""
    split: list[Span] = []
    for span in spans:
        # "Brennan Paper Co. of Oakdale" read as one name: the company ends at its suffix.
        cut = [t.i for t in span[1:-1] if t.lower_ == "of" and doc[t.i - 1].lower_ in _CORPORATE_SUFFIXES]
        if span.label_ == "ORG" and cut and span.end - cut[0] - 1 <= 2 and all(t.is_title for t in doc[cut[0] + 1 : span.end]):
            split += [Span(doc, span.start, cut[0], label="ORG"), Span(doc, cut[0] + 1, span.end, label="GPE")]
        else:
            split.append(span)
    spans = split
    ends = {s.end: s for s in spans if s.label_ == "ORG" and doc[s.end - 1].lower_ in _CORPORATE_SUFFIXES}
    out = []
    for span in spans:
        if (
            span.label_ in {"ORG", "PERSON"}
            and len(span) <= 2
            and span.start >= 2
            and doc[span.start - 1].lower_ == "of"
            and span.start - 1 in ends
            and doc[span.end - 1].lower_ not in _CORPORATE_SUFFIXES
        ):
            span = Span(doc, span.start, span.end, label="GPE")
        out.append(span)
    return out


@functools.lru_cache(maxsize=1)
def _party_forms_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for form in party_forms():
        by_first.setdefault(form[0], []).append(form)
    return {word: tuple(forms) for word, forms in by_first.items()}


#: Kinds of organisation a party has of its own, named with it ("Devon county Labour group").
_PARTY_BODIES = frozenset({"party", "group", "council", "committee", "association", "club", "union", "body", "board", "conference", "assembly"})


def _inside_other_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a party's name at ``start:end`` is a word of a longer name the model found for
    another kind of organisation: "the Labor Department", "International Labour Organisation",
    "the Bureau of Labor Statistics" (not "SNP Holyrood leader", "Devon county Labour group")."""
    for ent in doc.ents:
        if end - start == 1 and _acronym_of_name(doc, start, ent):
            return True  # (at the name's start or right before it)
        if ent.label_ not in {"ORG", "FAC", "GPE"} or not (ent.start <= start and end <= ent.end) or (ent.start, ent.end) == (start, end):
            continue
        head = ent.root
        lower = head.lower_
        if not start <= head.i < end and head.is_title and (lower in ORGANIZATION_KINDS or lower == "bureau") and lower not in _PARTY_BODIES:
            return True
    return False


def _acronym_of_name(doc: Doc, i: int, ent: Span) -> bool:
    """"BNP Paribas", "of BNP Paribas" with only "Paribas" tagged: an upper-case acronym at the
    start of, or right before, a company name the model read, whose other words are proper
    names (not titles or party bodies) and that no title or member noun follows ("SNP Holyrood
    leader", "DUP MPs" stay the party's). Such an acronym is a word of that name, whatever else
    it abbreviates."""
    token = doc[i]
    if ent.label_ != "ORG" or not token.is_upper or not token.is_alpha or len(token) < 2:
        return False
    if ent.start == i:
        rest = ent[1:]
    elif ent.start == i + 1 and not token.ent_type_ and token.dep_ == "compound" and ent.start <= token.head.i < ent.end:
        rest = ent[:]
    else:
        return False
    if not len(rest) or not all(t.is_title and t.pos_ == "PROPN" and not _is_title_word(t) and t.lower_ not in _PARTY_BODIES for t in rest):
        return False
    return not names_party_member(doc[ent.end] if ent.end < len(doc) else None)


def _party_spans(doc: Doc) -> list[Span]:
    """Political parties by name, short form or adjective ("Labour", "the Tories", "Lib Dem",
    "Conservative MP"), as ORG spans; the gazetteer gives each its canonical name later."""
    forms = _party_forms_by_first_word()
    words = [t.text for t in doc]
    found: list[Span] = []
    i = 0
    while i < len(doc):
        match = None
        # Only the forms that start with this word, longest first as party_forms() orders them.
        for form in forms.get(words[i], ()):
            end = i + len(form)
            if end <= len(doc) and tuple(words[i:end]) == form:
                following = doc[end] if end < len(doc) else None
                before_title = names_party_member(following)
                name = " ".join(form)
                if name == "Labour" and following is not None and following.is_title and following.lower_ in {"minister", "secretary", "ministry", "office"}:
                    # "Labour Minister": the portfolio of labour, not the party.
                    continue
                if (party_name(name) or (before_title and party_name(name, before_title=True))) and not _inside_other_name(doc, i, end):
                    match = Span(doc, i, end, label="ORG")
                    break
        if match is not None:
            found.append(match)
            i = match.end
        else:
            i += 1
    return found


@Language.component("kg_entities", requires=["doc.ents", "token.dep"], assigns=["doc.ents"])
def kg_entities(doc: Doc) -> Doc:
    """Re-label and add entity spans: titles, named events and agreements, trimmed edges."""
    spans: list[Span] = []
    for ent in doc.ents:
        trimmed = _trim(_cut_at_dash(ent))
        if trimmed is None or _bare_kind(trimmed):
            continue
        if len(trimmed) == 1 and trimmed.text.removesuffix("s") in POSTNOMINAL_TITLES:
            # "MPs" read as an organisation, "QC" as a place (Quebec): titles, not names.
            spans.append(Span(doc, trimmed.start, trimmed.end, label="TITLE"))
            continue
        trimmed = _letter_prefixed(_after_nationality(trimmed))
        trimmed = _whole_nation(trimmed)
        trimmed = _town_quarter(trimmed)
        if trimmed.start > 0 and _acronym_of_name(doc, trimmed.start - 1, trimmed):
            trimmed = Span(doc, trimmed.start - 1, trimmed.end, label=trimmed.label_)  # "[BNP] Paribas"
        head = trimmed.root
        if trimmed.label_ in {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "PERSON"}:
            if head.lower_ in EVENT_HEADS and not _named_assembly(trimmed):
                trimmed = Span(doc, trimmed.start, trimmed.end, label="EVENT")
            elif head.lower_ in AGREEMENT_HEADS:
                trimmed = Span(doc, trimmed.start, trimmed.end, label="LAW")
        spans += _split_at_in(trimmed)
    spans = _of_country_names(doc, _sunday_papers(doc, _of_and_names(doc, _joined_names(doc, _coordinated_names(doc, spans)))))
    spans = [_person_after_title(doc, s) for s in spans]
    spans = _honorific_names(doc, spans)
    spans = [_whole_person(doc, s, spans) for s in spans]
    parties = _party_spans(doc)
    party_tokens = {i for p in parties for i in range(p.start, p.end)}
    spans = [_after_party(doc, s, party_tokens) for s in spans]
    spans = [s for s in spans if not any(i in party_tokens for i in range(s.start, s.end)) or s.label_ not in _WEAK_LABELS] + parties
    spans = [piece for s in spans for piece in _split_person_title(doc, s)]
    persons = [s for s in spans if s.label_ == "PERSON"]
    titles = [Span(doc, *found, label="TITLE") for p in persons if (found := title_before(doc, p.start)) is not None]
    # "The Shadow Secretary of State for Culture, Media and Sport, Tessa Jowell": an office with
    # its portfolio is one title wherever it stands, over the model's "Shadow", "State for Culture".
    titles += [Span(doc, *found, label="TITLE") for found in office_names(doc)]
    named = [_cut_at_dash(n) for token in doc if (n := _named_phrase(token)) is not None]
    # Titles and named phrases win over the model's spans they overlap; countries inside
    # titles ("U.S." in "U.S. Secretary of State") survive because titles exclude them.
    strong = filter_spans(titles + named)
    taken = {i for s in strong for i in range(s.start, s.end)}
    kept = [s for s in (_after_titles(doc, s, taken) for s in spans) if not any(i in taken for i in range(s.start, s.end)) or s.label_ not in _WEAK_LABELS]
    # "U.S. Treasury Secretary" read as one ORG: once the title is split off, the country
    # before it is a mention of its own (the title holder's affiliation).
    found = filter_spans(strong + kept)
    for title in titles:
        owner = _name_before_title(doc, title, found)
        if owner is not None:
            name, replaced = owner
            found = [s for s in found if s not in replaced] + [name]
    # "Sunday Telegraph journalist X": the paper the model missed is found only now, as the name
    # before the title, so "Sunday" joins it here too.
    found = filter_spans(_sunday_papers(doc, found))
    found = filter_spans(_source_names(doc, _corporate_towns(doc, _place_appositions(doc, found))))
    found = filter_spans(found + _signed_agreements(doc, found) + _attended_occasions(doc, found))
    doc.ents = _with_quantities(doc, [_name_edges(s) for s in found])
    return doc


def _name_edges(span: Span) -> Span:
    """A name the model ran on past its end: into a following "and" ("brands including Dove and
    Lipton") or into its bracketed short form ("the International Monetary Fund (IMF"), which
    kg.extract.names reads from the brackets as the same organisation."""
    if span.label_ not in _WEAK_LABELS:
        return span
    end = span.end
    while end - span.start > 1 and span.doc[end - 1].lower_ in {"and", "or"}:
        end -= 1
    end = next((t.i for t in span.doc[span.start + 1 : end] if t.text == "("), end)
    return span if end == span.end else Span(span.doc, span.start, end, label=span.label_)


#: Verbs whose object is an agreement its subject enters: "sign an oil deal", "ratify the treaty",
#: "struck a supply deal", "reached an agreement".
_SIGNING_VERBS = frozenset("sign ratify agree approve conclude seal strike reach clinch".split())
#: Nouns a signed thing is headed by; "the constitution" and "a contract" too, once signed.
_SIGNED_HEADS = AGREEMENT_HEADS | frozenset({"constitution", "contract"})


def _signed_agreements(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Venezuela and China sign oil deal", "the deal was signed by Shell": an agreement without
    a name is still one thing when the sentence says who signs it. Its label, ``DEAL``, makes it
    an agreement of its article only (``kg.extract.entities``)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in lowered_in(doc, _SIGNED_HEADS):
        if token.i in taken or token.pos_ != "NOUN":
            continue
        head = token.head
        signed = (token.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in _SIGNING_VERBS) or (
            token.dep_ == "pobj" and head.lower_ in {"to", "on"} and head.head.lemma_ == "agree"
        ) or (
            # "signed up for a $12.8bn deal"
            token.dep_ == "pobj" and head.lower_ in {"for", "to"} and head.head.lemma_ == "sign" and any(c.dep_ == "prt" and c.lower_ == "up" for c in head.head.children)
        )
        if not signed:
            continue
        out.append(Span(doc, _modified_start(token, taken, {"compound", "amod"}), token.i + 1, label="DEAL"))
    return out


def _modified_start(head: Token, taken: set[int], deps: set[str]) -> int:
    """Where a noun phrase starts once the modifiers right before its head (of ``deps``, outside
    other spans) are taken in: "an [oil deal]", "a [poster launch]"."""
    start = head.i
    while start > 0 and head.doc[start - 1].head.i == head.i and head.doc[start - 1].dep_ in deps and start - 1 not in taken:
        start -= 1
    return start


#: Modifiers that make an occasion too routine to be a thing of its own: "a press conference".
_ROUTINE_OCCASIONS = frozenset("press news".split())


#: Verbs whose subject holds the occasion that is their object ("will hold its conference in Manchester").
_HOSTING_VERBS = frozenset({"host", "hold", "stage"})
#: Occasions that one holds with others rather than hosts ("hold talks with the unions").
_GATHERINGS = frozenset({"talks", "meeting", "meetings", "dialogue", "session", "debate", "hearing"})


def _hosted(token: Token) -> bool:
    """Whether a sentence says who hosts the occasion a noun names: it is the object of "host"
    or has a "hosted by" after it."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _HOSTING_VERBS and token.lower_ not in _GATHERINGS:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() == "host" and any(a.dep_ == "agent" for a in c.children) for c in token.children)


def _attended_occasions(doc: Doc, spans: list[Span]) -> list[Span]:
    """"at a games industry meeting", "At a campaign poster launch on Tuesday": an occasion with
    no name is still one thing when the sentence puts someone at it and says what kind it is (a
    noun before its head). Its label, ``OCCASION``, makes it an event of its article only."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for token in lowered_in(doc, EVENT_HEADS):
        if token.i in taken or token.pos_ != "NOUN":
            continue
        if _hosted(token):
            # "a dinner hosted by John Prescott", "Mr Prescott hosted a dinner": who holds it says
            # which one it is, as a kind noun does.
            out.append(Span(doc, _modified_start(token, taken, {"compound"}), token.i + 1, label="OCCASION"))
            continue
        if token.dep_ != "pobj" or token.head.lower_ not in {"at", "during"}:
            continue
        start = _modified_start(token, taken, {"compound"})
        # A nested compound ("games industry meeting"): the first word hangs off the second.
        while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i < token.i and start - 1 not in taken:
            start -= 1
        nouns = [t for t in doc[start : token.i] if t.pos_ in {"NOUN", "PROPN"}]
        if not nouns or any(t.lower_ in _ROUTINE_OCCASIONS for t in nouns):
            continue
        out.append(Span(doc, start, token.i + 1, label="OCCASION"))
    return out


def _whole_nation(span: Span) -> Span:
    """"Sri Lankans" read as "Lankans", "New Zealand" as "Zealand": a country or nationality whose
    first word the model left out is the whole country or nationality."""
    doc = span.doc
    if span.start == 0 or country_code(span.text) or demonym_code(span.text):
        return span
    wider = doc[span.start - 1 : span.end]
    if not wider[0].is_title:
        return span
    if demonym_code(wider.text):
        return Span(doc, wider.start, wider.end, label="NORP")
    if country_code(wider.text):
        return Span(doc, wider.start, wider.end, label="GPE")
    return span


#: What follows "Sunday" in the names of Sunday newspapers ("the Sunday Telegraph", "Sunday Times").
_SUNDAY_PAPERS = frozenset("times telegraph herald mirror express post people mail tribune independent sport world business".split())


def _sunday_papers(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Sunday Telegraph journalist Robert Peston": the model reads "Sunday" as a date and the
    paper as "Telegraph" (or as a person of that one name); a Sunday newspaper's name starts at
    "Sunday"."""
    out, sundays = [], set()
    for span in spans:
        if (
            (span.label_ in {"ORG", "WORK_OF_ART", "PRODUCT"} or span.label_ == "PERSON" and len(span) == 1)
            and span.start > 0 and doc[span.start - 1].text == "Sunday"
            and span[0].lower_ in _SUNDAY_PAPERS and span[0].is_title
        ):
            span = Span(doc, span.start - 1, span.end, label="ORG")
            sundays.add(span.start)
        out.append(span)
    # The date the model read in "Sunday" goes: the word is the paper's.
    return [s for s in out if not (s.label_ == "DATE" and s.start in sundays)]


#: Heads of names that go on with "of <country>": "the Muslim Council of Britain", "the Bank of England".
_OF_COUNTRY_HEADS = ORGANIZATION_KINDS | frozenset("church society confederation chamber academy".split())
#: One-word bodies the model may tag alone before the "of" of their name ("House of Fraser").
_OF_NAME_HEADS = _OF_COUNTRY_HEADS | frozenset({"house", "duchy"})


def _of_country_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"the Muslim Council of Britain", "the Royal Bank of Scotland": a capitalised body followed by
    "of" and a country is one name, which the model cut before "of"; so is a one-word body and any
    name after its "of" ("House of Fraser")."""
    by_start = {s.start: s for s in spans}
    out, dropped = [], set()
    for span in spans:
        if not (
            span.label_ == "ORG" and span[-1].is_title and span.end + 1 < len(doc) and doc[span.end].lower_ == "of"
            and (span[-1].lower_ in _OF_COUNTRY_HEADS and len(span) >= 2 or len(span) == 1 and span[0].lower_ in _OF_NAME_HEADS)
        ):
            out.append(span)
            continue
        after = by_start.get(span.end + 1)
        if len(span) == 1 and after is not None and after.label_ in {"GPE", "LOC", "PERSON", "ORG"} and len(after) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in after):
            # "House of Fraser", "the Duchy of Cornwall": a body's one word and the name after its
            # "of" are one name, whatever that name is.
            out.append(Span(doc, span.start, after.end, label="ORG"))
            dropped.add(after)
            continue
        if after is None:  # the model may tag no country there at all
            start = span.end + 1
            windows = (doc[start : start + n] for n in (2, 1) if start + n <= len(doc))
            after = next((w for w in windows if all(t.is_title for t in w) and country_code(w.text)), None)
        if after is not None and after.label_ in {"GPE", "NORP", "LOC", ""} and len(after) <= 3 and country_code(after.text):
            out.append(Span(doc, span.start, after.end, label="ORG"))
            dropped.add(after)
        else:
            out.append(span)
    return [s for s in out if s not in dropped]


def _bare_kind(span: Span) -> bool:
    """"Party leader Charles Kennedy", "the Cardinal mentioned": a kind of organisation or a
    person's title, capitalised at the head of a sentence or as a style, names no organisation."""
    word = span[0].lower_
    return span.label_ == "ORG" and len(span) == 1 and (
        word in ORGANIZATION_KINDS or _field_of_work(span[0]) or (word in TITLE_HEADS and word not in _ORGANIZATION_TITLES)
    )


#: Media named by their kind ("TV presenter Anne Robinson"): a field of work, not a broadcaster.
_MEDIA = frozenset("tv television radio internet web".split())
#: Trades named by their initials ("PR executive Sarah Macaulay", "an IT consultant"): fields of
#: work, not employers.
_TRADES = frozenset("pr hr it".split())


def _field_of_work(token: Token) -> bool:
    """A medium or a trade's initials ("TV", "PR"): what someone works in, not whom for."""
    return token.lower_ in _MEDIA or (token.lower_ in _TRADES and token.is_upper)


#: Title words that are also one-word names of bodies ("the Executive": Scotland's government).
_ORGANIZATION_TITLES = frozenset("executive general regulator partner owner deputy major chief head".split())


#: Labels of names that "and" may join into one span by mistake.
#: (Not places: "Bethnal Green and Bow" is one constituency, and the model splits "France and
#: Germany" itself.)
_LISTED_LABELS = frozenset({"ORG", "FAC", "PERSON", "PRODUCT"})


def _coordinated_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Gazprom and Rosneft", "Gazpromneft, Rosneft": two names the model read as one span, split
    where "and" or a comma joins the span's head to a second name, when the article also names one of
    them on its own. A firm called "X and Y" ("Bradford and Bingley") is rarely named by a half,
    "the Department of Trade and Industry" joins words below its head, and "Culture, Media and
    Sport" is a list of words: all stay whole, and so does a name with "of" before the "and" ("the
    University of the Highlands and Islands", which the parser may read as two)."""
    # Named alone: not beside an "and" (where the model's span may be half of a longer name,
    # "Bethnal Green" of "Bethnal Green and Bow").
    alone = {s.text for s in spans if not (s.end < len(doc) and doc[s.end].lower_ == "and") and not (s.start > 0 and doc[s.start - 1].lower_ == "and")}
    out: list[Span] = []
    for span in spans:
        root = span.root
        conj = next((c for c in root.children if c.dep_ == "conj" and root.i < c.left_edge.i - 1 and c.left_edge.i <= span.end - 1 <= c.right_edge.i and c.i < span.end), None)
        joint = doc[conj.left_edge.i - 1] if conj is not None else None
        if span.label_ not in _LISTED_LABELS or joint is None or joint.lower_ not in {"and", ","} or joint.i <= span.start:
            out.append(span)
            continue
        first, second = doc[span.start : joint.i], doc[joint.i + 1 : span.end]
        if (first.text in alone or second.text in alone) and first[0].is_title and second[0].is_title and not any(t.is_punct or t.pos_ == "ADP" for t in first):
            out += [Span(doc, first.start, first.end, label=span.label_), Span(doc, second.start, second.end, label=span.label_)]
        else:
            out.append(span)
    return out


def _joined_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"the Public and Commercial Services Union": a capitalised word, "and", and a name ending in
    a kind of organisation, after "the", are one name that the model read as two (or as one
    after the "and")."""
    by_end = {s.end: s for s in spans if s.label_ in _WEAK_LABELS}
    out: list[Span] = []
    dropped: set[Span] = set()
    for second in spans:
        joined = None
        if second.label_ == "ORG" and second[-1].lower_ in ORGANIZATION_KINDS and second.start >= 3 and doc[second.start - 1].lower_ in {"and", "&"}:
            first_end = second.start - 1
            first = by_end.get(first_end)
            start = first.start if first is not None else first_end - 1
            words = doc[start:first_end]
            if (
                1 <= len(words) <= 2 and start >= 1 and doc[start - 1].lower_ == "the"
                and all(t.is_title and t.is_alpha for t in words)
                and (first is None or first.label_ == "ORG")
            ):
                joined = Span(doc, start, second.end, label="ORG")
                if first is not None:
                    dropped.add(first)
        out.append(joined or second)
    return [s for s in out if s not in dropped]


#: First words of institutions whose name may go on "of A and Bs": "University of the Highlands
#: and Islands", "School of Oriental and African Studies".
_OF_AND_HEADS = frozenset("university school college institute academy museum department ministry society faculty centre center".split())


def _of_and_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"the University of the Highlands and Islands": an institution's name "X of A" that goes on
    with "and" and capitalised words ending in a plural ("Islands", "African Studies") is one
    name, which the model cut at the "and" (not "Department of Health and Treasury officials")."""
    joined: dict[Span, Span] = {}
    for span in spans:
        end = span.end
        if span.label_ == "ORG" and span[0].lower_ in _OF_AND_HEADS and any(t.lower_ == "of" for t in span) and end + 1 < len(doc) and doc[end].lower_ == "and":
            k = end + 1
            while k < len(doc) and k - end <= 3 and doc[k].is_title and doc[k].is_alpha:
                k += 1
            last = doc[k - 1]
            if k > end + 1 and last.tag_ in {"NNS", "NNPS"} and last.lower_.endswith("s") and (k == len(doc) or not doc[k].is_title):
                joined[span] = Span(doc, span.start, k, label="ORG")
    if not joined:
        return spans
    swallowed = {i for old, new in joined.items() for i in range(old.end, new.end)}
    return [joined.get(s, s) for s in spans if s in joined or not any(i in swallowed for i in range(s.start, s.end))]


#: Courtesy titles that always precede a person's name ("Lord Carlile", "Mrs Beckett").
_NAME_HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady baroness baron viscount earl cardinal archbishop bishop rabbi imam ayatollah reverend rev rev.".split()
)


def _honorific_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """"Lord Carlile", "Mrs Beckett", "Dr Greenspan": capitalised words after a courtesy title are a
    person's name, whatever the model called them (often nothing, or an organisation)."""
    out = list(spans)
    by_token = {i: s for s in spans for i in range(s.start, s.end)}
    for token in lowered_in(doc, _NAME_HONORIFICS):
        if token.i + 1 >= len(doc) or not token.is_title:
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN" and not doc[end].is_sent_start:
            end += 1
        if end == token.i + 1:
            continue
        overlapping = {by_token[i] for i in range(token.i + 1, end) if i in by_token}
        # "Lord Dubs' Succession to the Crown Bill", "Mr Brown's International Finance Facility": a
        # span run on past the name's possessive names what the person owns, not the person; what
        # it owns keeps the span's label when it is a name of its own (two capitalised words or more).
        owned = end < len(doc) and doc[end].tag_ == "POS"
        if any(s.label_ == "PERSON" or s.start < token.i or (s.start == token.i and not owned) or (s.end > end and not owned) for s in overlapping):
            continue
        if any(country_code(doc[i].text) for i in range(token.i + 1, end)):
            continue
        rests = [Span(doc, end + 1, s.end, label=s.label_) for s in overlapping if s.end > end + 2 and all(t.is_title or not t.is_alpha or t.is_lower and t.lower_ in _NAME_JOINERS for t in doc[end + 1 : s.end])]
        out = [s for s in out if s not in overlapping] + [Span(doc, token.i + 1, end, label="PERSON"), *rests]
    return out


def _whole_person(doc: Doc, span: Span, spans: list[Span]) -> Span:
    """"Parmjit [Singh Gill]": a capitalised proper noun the model left out before a person's name is
    the start of that name (never a title word, an honorific, a party or a country)."""
    if span.label_ != "PERSON":
        return span
    taken = {i for s in spans if s is not span for i in range(s.start, s.end)}
    start = span.start
    while start > 0 and span.end - start < 4:
        token = doc[start - 1]
        if start - 1 in taken or token.tag_ != "NNP" or not token.is_title or token.ent_type_ not in {"", "PERSON"}:
            break
        if token.lower_ in TITLE_MODIFIERS or is_title_head(token) or _is_honorific(token) or party_name(token.text, before_title=True) or country_code(token.text) or demonym_code(token.text):
            break
        start -= 1
    return span if start == span.start else Span(doc, start, span.end, label="PERSON")


def _after_party(doc: Doc, span: Span, party_tokens: set[int]) -> Span:
    """"Lib Dem MP Lembit Opik" read as one person: the party is a name of its own, the person is
    what follows it (its title split off later); any other span a party overlaps stays as it is."""
    if span.label_ != "PERSON" or span.start not in party_tokens:
        return span
    end = span.start
    while end < span.end and end in party_tokens:
        end += 1
    rest = doc[end : span.end]
    if len(rest) < 2:
        return span
    # A title and a name ("MP Lembit Opik") or a name alone ("fellow Tory David Heathcoat-Amory");
    # not a portfolio ("Home Affairs spokesman Mark Oaten") nor the party's possession ("'s Citizen's Pension").
    titled = _is_title_word(rest[0]) and (rest[0].is_title or rest[0].is_upper)
    named = all(t.is_title and t.pos_ == "PROPN" or t.text == "-" for t in rest)
    return Span(doc, end, span.end, label="PERSON") if titled or named else span


def _split_person_title(doc: Doc, span: Span) -> list[Span]:
    """"Crown Prince Abdullah", "President Bush", "Frank Field MP" read as one person: the title
    words at its start or end are a TITLE of their own, so the name is the person's and the title
    an office they hold."""
    if span.label_ == "ORG" and len(span) >= 3 and doc[span.end - 1].text in POSTNOMINAL_TITLES and all(t.is_title and t.lower_ not in ORGANIZATION_KINDS for t in span[:-1]):
        # "Guy Mansfield QC" read as an organisation: a name and a title written after it.
        span = Span(doc, span.start, span.end, label="PERSON")
    elif span.label_ in {"ORG", "GPE"} and len(span) >= 2 and doc[span.end - 1].text in POSTNOMINAL_TITLES and doc[span.end - 1].lower_ in LEGISLATOR_TITLES and not any(t.lower_ in ORGANIZATION_KINDS for t in span[:-1]):
        # "The Mid-Bedfordshire MP": the seat, and the title of the one who holds it.
        return [Span(doc, span.start, span.end - 1, label=span.label_), Span(doc, span.end - 1, span.end, label="TITLE")]
    if span.label_ != "PERSON" or len(span) < 2:
        return [span]
    if doc[span.end - 1].text in POSTNOMINAL_TITLES:
        return [*_split_person_title(doc, Span(doc, span.start, span.end - 1, label="PERSON")), Span(doc, span.end - 1, span.end, label="TITLE")]
    cut = span.start
    while cut < span.end - 1 and not doc[cut].is_lower and (doc[cut].lower_ in TITLE_MODIFIERS or is_title_head(doc[cut])):
        cut += 1
    if cut == span.start or not any(is_title_head(doc[i]) for i in range(span.start, cut)):
        return [span]
    return [Span(doc, span.start, cut, label="TITLE"), Span(doc, cut, span.end, label="PERSON")]


_NAME_JOINERS = frozenset({"of", "for", "and", "&"})


_RANKS = RANKS_BEFORE_OWNER - {"vice"}


def _name_before_title(doc: Doc, title: Span, spans: list[Span]) -> tuple[Span, list[Span]] | None:
    """The name right before a title: the office's owner, and the model's spans it replaces.

    "Gazprom chief", "Airbus head", "HVB analyst": capitalised words the model missed are an
    organisation; "Commission for Racial Equality chairman": a name the model cut up is made
    whole; "U.S." left over from "U.S. Treasury Secretary" read as one name is a country.
    """
    end = title.start
    if end > 0 and doc[end - 1].tag_ == "POS":
        return None  # "Libya's oil minister": the possessive is a name of its own already
    by_token = {i: s for s in spans for i in range(s.start, s.end)}
    start = end
    while start > 0 and end - start < 7:
        token = doc[start - 1]
        span = by_token.get(start - 1)
        if span is not None and (span.label_ not in {"ORG", "GPE", "NORP", "FAC", "PRODUCT"} or span.end > end):
            break
        if token.lower_ in _NAME_JOINERS and start - 2 >= 0 and (doc[start - 2].is_title or doc[start - 2].is_upper) and doc[start].is_title:
            start -= 1
            continue
        if token.is_sent_start and (token.lower_ in HONORIFICS or token.lower_ in _OPENING_ADVERBS):
            break
        if not (token.is_title or token.is_upper) or token.is_punct or token.pos_ not in {"PROPN", "NOUN", "ADJ"} or token.lower_ in HONORIFICS:
            break
        start -= 1
    # "Acting Bank of England governor": a rank before the owner is the office's (vice aside,
    # which opens names: "Vice Media").
    while start < end and (doc[start].lower_ in _NAME_JOINERS or doc[start].lower_ in FORMER_WORDS | PASSING_WORDS | _RANKS | {"party"}):
        start += 1
    while start < end and doc[start].text in DASHES:
        start += 1
    if start == end:
        return None
    replaced = [s for s in spans if s.start < end and s.end > start]
    if any(s.start < start for s in replaced):
        return None
    words = doc[start:end]
    if len(replaced) == 1 and (replaced[0].start, replaced[0].end) == (start, end):
        return None  # already one name
    if country_code(words.text):
        return Span(doc, start, end, label="GPE"), replaced
    if all(t.lower_ in TITLE_MODIFIERS or is_title_head(t) or t.lower_ in _NAME_JOINERS or _field_of_work(t) for t in words):
        return None  # "TV presenter", "PR executive": a field of work, not an employer
    return Span(doc, start, end, label="ORG"), replaced


#: Model labels a money or percentage expression found by pattern replaces.
_NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


def _with_quantities(doc: Doc, spans: list[Span]) -> list[Span]:
    """Amounts of money and percentages as whole spans: the small model often leaves the currency
    out ("£" + "1.8bn") or calls "36bn kroner" an ordinal, and every figure kg reads depends on them."""
    quantities = []
    for start, end, kind in find_quantities(doc.text):
        span = doc.char_span(start, end, label=kind, alignment_mode="expand")
        if span is not None:
            quantities.append(span)
    if not quantities:
        return spans
    taken = {i for q in quantities for i in range(q.start, q.end)}
    # A numeric span, or any span wholly inside an amount ("790m" read as a product), gives way.
    kept = [s for s in spans if not (s.label_ in _NUMERIC_LABELS or all(i in taken for i in range(s.start, s.end))) or not any(i in taken for i in range(s.start, s.end))]
    named = {i for s in kept for i in range(s.start, s.end)}
    return filter_spans(kept + [q for q in quantities if not any(i in named for i in range(q.start, q.end))])
