"""Where things are, from noun-phrase shapes of one sentence: "Greenville, S.C." (locatedIn),
"Acme Corp. of Boston", "a Seattle-based company", "US banking giant Citigroup", "Barclays, the
UK's third-biggest bank", "France's Total" (basedIn), "Smith, of Dayton" (livesIn).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from kg.extract.context import Builder, SentenceContext, token_mention
from kg.extract.nominal import organiser
from kg.gazetteer import country_code, country_name, demonym_code, is_party, party_name, region_name
from kg.lexicon import COMPASS_WORDS, ORGANIZATION_KINDS, PEERAGE_STYLES
from kg.model import Argument, Mention
from kg.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, prep_objects
from kg.syntax.titles import is_title_head

__all__ = ["carry_to_regions", "kind_statements", "place_statements"]

_PLACE_TYPES = frozenset({"Place", "Country"})
#: Nouns for a role a place holds in an organisation ("Austria's EU presidency").
_HELD_NOUNS = frozenset({"presidency", "chairmanship", "membership", "seat", "seats"})
# Statements about where something is that carry over from a town to the state after it.
_WHERE = frozenset({"basedIn", "livesIn", "locatedIn"})


def _fronted_before(noun: Token, name: Token) -> bool:
    """Whether ``noun`` is in a phrase put before the clause whose subject is ``name``: the
    name's verb is one of the noun's heads."""
    if name.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return False
    return name.head in noun.ancestors


def _mention_spans(sent: Span, ctx: SentenceContext) -> list[tuple[Mention, int, int]]:
    """The sentence's mentions with their token spans (start, end), in text order."""
    found: dict[Mention, tuple[int, int]] = {}
    for i in range(sent.start, sent.end):
        m = ctx.mentions.get(i)
        if m is not None:
            start, end = found.get(m, (i, i + 1))
            found[m] = (min(start, i), max(end, i + 1))
    return sorted(((m, s, e) for m, (s, e) in found.items()), key=lambda x: x[1])


def _regions(sent: Span, spans: list[tuple[Mention, int, int]]) -> dict[Mention, tuple[Mention, int]]:
    """Place -> (the state or country named after it and a comma, its token): "Greenville, S.C."."""
    doc = sent.doc
    by_start = {s: (m, e) for m, s, e in spans}
    out: dict[Mention, tuple[Mention, int]] = {}
    for m, s, e in spans:
        if m.type != "Place" or e + 1 >= sent.end or doc[e].text != "," or e + 1 not in by_start:
            continue
        region, end = by_start[e + 1]
        if region.type not in _PLACE_TYPES or not (region_name(region.text) or country_code(region.text)):
            continue
        if region_name(m.text) or country_code(m.text):
            # "Ohio, Texas and Utah": a list of states, not a town and its state.
            continue
        if end < sent.end and doc[end].lower_ in {"and", "or"}:
            continue
        if end < sent.end and (doc[end].tag_ == "POS" or is_title_head(doc[end])):
            # "O2, Britain's other operator", "in Edinburgh, Wales Secretary Peter Hain": the name
            # after the comma starts a phrase of its own.
            continue
        if (s > sent.start and doc[s - 1].text == ",") or (end + 1 < sent.end and doc[end].text == "," and end + 1 in by_start):
            # "visits Manchester, Leicester, Somerset, Basingstoke and Dorset": a list of places.
            continue
        out[m] = (region, e + 1)
    return out


def place_statements(sent: Span, b: Builder) -> None:
    """Where things are, from noun-phrase shapes rather than verbs.

    "Greenville, S.C." (town locatedIn state); "Acme Corp. of Boston", "the Red Cross in Geneva"
    (organisation basedIn place); "Sultan Qaboos of Oman", "Smith, of Dayton" (person livesIn
    place); "a Seattle-based company" (basedIn).
    """
    ctx = b.ctx
    doc = sent.doc
    spans = _mention_spans(sent, ctx)
    for place, (region, at) in _regions(sent, spans).items():
        b.add(doc[at], (place, 1.0), "locatedIn", (region, 1.0), ",", "kg.rules.placeAppos.v1", 0.8, presupposed=True)
    by_start = {s: m for m, s, _ in spans}
    for m, s, e in spans:
        if m.type == "Place":
            _place_in_place(m, doc[s:e].root, b)
            _place_before_region(m, e, by_start, b)
            continue
        if m.type not in {"Organization", "Person"}:
            continue
        root = doc[s:e].root
        # "the Lib Dems in South Shropshire", "Labour in Scotland": a party's local branch, not its base.
        preps = ("of", "from") if m.type == "Person" else ("of",) if party_name(m.name) else ("of", "in", "at")
        predicate = "basedIn" if m.type == "Organization" else "livesIn"
        peer = m.type == "Person" and m.text.split(None, 1)[0].lower() in _PEERAGES
        for prep, obj in prep_objects(root, preps):
            if peer and prep.lower_ == "of":
                continue  # "Lord Walker of Gestingthorpe": his title's place, not his home
            found = token_mention(obj, ctx, allow_modifier=False)
            if found is None or found[0].type not in _PLACE_TYPES or found[0] == m:
                continue
            b.add(root, (m, 1.0), predicate, found, prep.text, f"kg.rules.{predicate}.np.v1", 0.7, presupposed=True)
    for token in b.tokens:
        _based_statements(token, b)


#: Words a peer's name starts with: the place after "of" is the peerage's ("Lord Callaghan of
#: Cardiff", "Baroness Thatcher of Kesteven", "the Duke of Edinburgh").
_PEERAGES = PEERAGE_STYLES | frozenset("viscountess countess marquess marchioness duke duchess".split())
#: Nouns that describe a place by its kind: "Riyadh, the capital of Saudi Arabia".
_PLACE_KINDS = frozenset("capital city town village port province region state district suburb county island".split())
#: Nouns a place's name can stand before ("the Sindh province", "the Hexham seat in Northumberland"):
#: the noun's own phrase says where the named place is.
_NAMED_KINDS = _PLACE_KINDS | frozenset("seat constituency ward borough area parish".split())


def _place_in_place(place: Mention, root: Token, b: Builder) -> None:
    """"Amritsar in India", "Gateshead's Sage Centre", "Riyadh, the capital of Saudi Arabia": a
    place inside another place or country."""
    ctx = b.ctx
    heads = [root]
    if root.dep_ == "compound" and root.head.i > root.i and root.head.lemma_.lower() in _NAMED_KINDS and root.head.i not in ctx.mentions:
        # "Pakistan's Sindh province", "the Hexham seat in Northumberland": the kind noun heads the phrase.
        heads.append(root.head)
    containers = [(prep.text, obj) for h in heads for prep, obj in prep_objects(h, ("in",)) if not _placed_conjunct(obj, ctx)]
    containers += [("'s", c) for h in heads for c in h.children if c.dep_ == "poss"]
    for kind in (c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in _PLACE_KINDS):
        containers += [(kind.text, obj) for _, obj in prep_objects(kind, ("of", "in"))]
        containers += [(kind.text, c) for c in kind.children if c.dep_ == "poss"]  # "Lyon, France's second city"
    # "Croydon, south London": an apposition that gives a direction within a larger place.
    containers += [(c.text, c) for c in root.children if c.dep_ == "appos" and any(d.lower_ in COMPASS_WORDS and d.i < c.i for d in c.children)]
    kind = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if kind is not None and kind.lemma_.lower() in _PLACE_KINDS and kind.i not in ctx.mentions:
        # "the Pakistani city of Lahore", "Pakistan's province of Sindh": the kind noun's nationality
        # or country ("Frankfurt's state of Hessen" puts the city in the state, not the other way).
        containers += [(kind.text, c) for c in kind.children if c.i < kind.i and c.dep_ in {"amod", "compound", "nmod"}]
        containers += [(kind.text, c) for c in kind.children if c.dep_ == "poss" and (m := ctx.mentions.get(c.i)) is not None and m.type == "Country"]
    for word, obj in containers:
        found = token_mention(obj, ctx, allow_modifier=False)
        if found is None or found[0].type not in _PLACE_TYPES or found[0].key == place.key:
            continue
        if found[0].type == "Place" and (country_code(place.text) or region_name(place.text) and not region_name(found[0].text)):
            continue  # "Ohio in the Midwest" is fine, "Texas in Houston" is a misreading
        b.add(root, (place, 1.0), "locatedIn", found, word, "kg.rules.locatedIn.np.v1", 0.7, presupposed=True)


def _placed_conjunct(obj: Token, ctx: SentenceContext) -> bool:
    """"Kabul in Afghanistan and Pyongyang in North Korea": a conjunct of the container that is
    itself a place of another kind, or is placed by an "in" of its own, starts the next pair."""
    if obj.dep_ != "conj":
        return False
    mine, first = ctx.mentions.get(obj.i), ctx.mentions.get(obj.head.i)
    if mine is None or first is None or mine.type != first.type:
        return True
    end = ctx.name_end(obj.i, len(obj.doc))
    return end < len(obj.doc) and obj.doc[end].lower_ == "in"


def _place_before_region(place: Mention, end: int, by_start: dict[int, Mention], b: Builder) -> None:
    """"in Banbury in Oxfordshire": a town right before "in" and a county or state is in it, however
    the parser hung the second phrase (often on the verb). Countries are left to the parse:
    "Beijing's influence in Hong Kong" puts no city in another."""
    doc = b.sent.doc
    region = by_start.get(end + 1)
    if end + 1 >= b.sent.end or doc[end].lower_ != "in" or region is None or region.type not in _PLACE_TYPES:
        return
    if not region_name(region.text) or region_name(place.text) or country_code(place.text) or region.key == place.key:
        return
    b.add(doc[end], (place, 1.0), "locatedIn", (region, 1.0), "in", "kg.rules.locatedIn.np.v1", 0.7, presupposed=True)


def _based_statements(token: Token, b: Builder) -> None:
    """"a Seattle-based company", "the London-based bank": the modified name is based in the place."""
    ctx = b.ctx
    split = token.lower_ == "based" and token.i >= 2 and token.nbor(-1).text == "-"
    if not split and not (token.lower_.endswith("-based") and len(token) > 6):
        return
    if split:
        place = ctx.mentions.get(token.i - 2)
    else:
        place = organiser(token, ctx) if token.i not in ctx.mentions else None
    if place is None or place.type not in _PLACE_TYPES:
        return
    head = token.head
    targets = [head]
    if head.dep_ == "appos":
        # "Paul Hofheinz of the Lisbon Council, a Brussels-based group": the parser hangs the
        # description on the name before the "of"; it is the organisation's after it.
        owned = [o for p in head.head.children if p.dep_ == "prep" and p.lower_ in {"of", "at", "from"} and p.i < head.i for o in p.children if o.dep_ == "pobj"]
        targets += owned if owned else [head.head]
    elif head.dep_ == "attr":
        targets += [c for c in head.head.children if c.dep_ in SUBJECT_DEPS]
    targets += [c for c in head.children if c.dep_ == "appos"]
    for t in targets:
        found = token_mention(t, ctx, allow_modifier=False)
        if found is not None and found[0].type == "Organization":
            b.add(token, found, "basedIn", (place, 1.0), token.text, "kg.rules.based.v1", 0.8, presupposed=True)
            return
    after = _based_after(token, b.sent, b)
    if after is not None:
        b.add(token, (after, 1.0), "basedIn", (place, 1.0), token.text, "kg.rules.based.v1", 0.8, presupposed=True)


def carry_to_regions(sent: Span, b: Builder) -> None:
    """"based in Alexandria, Va.": whatever is in the town is in its state too."""
    regions = _regions(sent, _mention_spans(sent, b.ctx))
    stated = {(s.subject, s.predicate, s.object.mention) for s in b.out}
    for s in list(b.out):
        obj = s.object.mention
        if s.predicate not in _WHERE or obj not in regions or s.polarity != "positive":
            continue
        region = regions[obj][0]
        if (s.subject, s.predicate, region) in stated or region.key == s.subject.key:
            continue
        stated.add((s.subject, s.predicate, region))
        b.out.append(replace(s, object=Argument(mention=region), extractor=s.extractor + "+region", confidence=round(s.confidence * 0.9, 3)))


def _named_countries(org: Mention) -> set[str]:
    """The keys of the countries the words of an organisation's name name ("Bank of China",
    "Anglo-Dutch": a part of a hyphenated word counts)."""
    words = org.name.split()
    codes = {country_code(part) or demonym_code(part) for w in words for part in w.split("-") if part}
    keys = {f"country:{code}" for code in codes if code}
    if any(w.lower().startswith(("inter-", "pan-", "trans-")) for w in words):
        keys.add("countries")  # "Inter-American", "Pan-African": many countries, none of them its home
    return keys


#: Last words of a site's name: a building or street may be named after a country it is not in.
_SITE_NOUNS = frozenset("yard street square road lane avenue house hall place gardens park court".split())


def _country_in_name(org: Mention, span: Span, ctx: SentenceContext) -> Mention | None:
    """The country an organisation's name starts with ("US Federal Reserve", "Russian News
    Agency"): the passage's mention of that country, or else the country words of the name
    itself, as a mention of their own (as "US" of "US-led"); None when it starts with none."""
    words = org.name.split()
    if len(words) < 2 or party_name(org.name):
        return None
    code, n = None, 0
    for size in (2, 1):
        head = " ".join(words[:size])
        if size < len(words) and code is None:
            code = country_code(head) or demonym_code(head)
            n = size
    if code is None or words[-1].lower() in _SITE_NOUNS:
        return None  # "Scotland Yard", "Canada House": a building or street named after a country, elsewhere
    known = next((m for m in ctx.mentions.values() if m.type == "Country" and m.key == f"country:{code}"), None)
    if known is not None:
        return known
    tokens = [t for t in span if not t.is_punct][:n]
    if len(tokens) != n or " ".join(t.text for t in tokens) != " ".join(words[:n]):
        return None  # a name whose words the span does not start with ("the ..."): no offsets to give
    start = ctx.passage.start + tokens[0].idx
    end = ctx.passage.start + tokens[-1].idx + len(tokens[-1].text)
    return Mention(ctx.passage.document.doc_id, start, end, ctx.passage_text(start - ctx.passage.start, end - ctx.passage.start), "Country", country_name(code), f"country:{code}")


def is_kind(token: Token) -> bool:
    """A noun that names a kind of organisation: "bank", "carmaker", "rivals", "winemaker"."""
    lower, lemma = token.lower_, token.lemma_.lower()
    return lower in ORGANIZATION_KINDS or lemma in ORGANIZATION_KINDS or lemma.endswith("maker") or lower.endswith("makers")


def _kind_phrase_start(sent: Span, end: int) -> int | None:
    """The first token of a describing phrase ending right before ``end`` ("banking giant", "leading
    retail bank", "News Agency"), or None when the word before ``end`` names no kind of organisation."""
    doc = sent.doc
    if end - 1 < sent.start or not is_kind(doc[end - 1]) or (end - 1) in set():
        return None
    start = end - 1
    while start - 1 >= sent.start and end - start < 6:
        word = doc[start - 1]
        # "IT giant", "TV company": a short acronym of a trade is a word of the phrase too.
        trade = word.is_upper and word.is_alpha and len(word) <= 3 and not word.ent_type_
        if (word.is_lower and (word.pos_ in {"NOUN", "ADJ", "VERB", "PROPN"} or word.text in {"-", "and"})) or (word.is_title and is_kind(word)) or trade:
            if word.ent_type_ and word.ent_type_ not in {"ORDINAL", "CARDINAL"}:
                break
            start -= 1
        else:
            break
    return start


def _place_before(sent: Span, index: int, b: Builder) -> Mention | None:
    """A place or country named right before ``index`` ("US", "Detroit", "Japan's", "the US's")."""
    doc = sent.doc
    i = index - 1
    if i >= sent.start and doc[i].tag_ == "POS":
        i -= 1
    if i < sent.start or i not in b.ctx.mentions:
        return None
    found = b.ctx.mentions[i]
    return found if found.type in _PLACE_TYPES else None


def _pair_of(place: Mention, end: int, doc: Doc, b: Builder) -> list[Mention]:
    """Both countries of a two-nation adjective whose second half ``place`` ends right before
    ``end`` ("Anglo-Dutch group": the UK and the Netherlands), else ``place`` alone."""
    i = end - 1
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i - 2 < 0 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return [place]
    first = b.ctx.mentions.get(i - 2)
    return [first, place] if first is not None and first.type == "Country" and first.key != place.key else [place]


def _based_after(token: Token, sent: Span, b: Builder) -> Mention | None:
    """The organisation an "X-based" modifier describes: the next name in the same phrase
    ("Aberdeen-based oil and gas consultancy Blackwatch", "UK-based bank Standard Chartered")."""
    for k in range(token.i + 1, min(token.i + 8, sent.end)):
        found = b.ctx.mentions.get(k)
        if found is not None:
            return found if found.type == "Organization" else None
        word = sent.doc[k]
        if word.is_punct and word.text not in {"-", "&"} or word.pos_ in {"VERB", "AUX", "ADP"} and word.lower_ not in {"and"}:
            return None
    return None


def _singular_kind_before(name: Token) -> bool:
    """Whether a singular kind noun stands right before the name the token heads ("UK firm
    Phytopharm"), which then describes that one name only, not the names joined to it."""
    start = name.i
    while start > 0 and name.doc[start - 1].pos_ == "PROPN" and name.doc[start - 1].head == name:
        start -= 1  # the name's own words ("General Motors")
    before = name.doc[start - 1] if start > 0 else None
    return before is not None and before.tag_ == "NN" and is_kind(before)


def kind_statements(sent: Span, b: Builder) -> None:
    """basedIn from a place named with a kind of organisation: "US banking giant Citigroup",
    "Detroit carmaker GM", "France's Total", "US rivals Ford and General Motors", "Barclays, the
    UK's third-biggest bank", "Jet Airways is India's premier private carrier", "Sibneft, a
    Russian oil company", "Aberdeen-based consultancy Blackwatch"."""
    ctx = b.ctx
    doc = sent.doc
    placed: dict[str, Mention] = {}
    for org, start, end in _mention_spans(sent, ctx):
        if org.type != "Organization":
            continue
        phrase = _kind_phrase_start(sent, start)
        place = _place_before(sent, phrase if phrase is not None else start, b)
        if end < sent.end and (is_title_head(doc[end]) or doc[end].lower_ in _HELD_NOUNS):
            # "London's Labour mayor", "Austria's EU presidency": the place owns the office.
            place = None
        if place is not None and place.type != "Country" and is_party(org.name):
            place = None  # "London Tory spin doctors", "London UKIP": a party's local branch, not its base
        root = doc[start:end].root
        if place is None and root.dep_ == "conj" and phrase is None:
            # "US rivals Ford and General Motors": the second name shares the first one's place
            # (not one with a kind of its own: "Saab, GM's Swedish arm, and retailer Ahold").
            # Nor one whose name has another country of its own: "the Scottish Parliament and the
            # Welsh Assembly", "the US Treasury and the Inter-American Development Bank".
            first = ctx.mentions.get(root.head.i)
            place = placed.get(first.key) if first is not None else None
            if place is not None and _named_countries(org) - {place.key}:
                place = None
            if place is not None and _singular_kind_before(root.head):
                place = None  # "UK firm Phytopharm and Unilever": one firm is British
        if place is not None and place.key != org.key:
            placed[org.key] = place
            for one in _pair_of(place, phrase if phrase is not None else start, doc, b):
                b.add(doc[start], (org, 1.0), "basedIn", (one, 1.0), doc[start - 1].text, "kg.rules.based.kind.v1", 0.75, presupposed=True)
            continue
        # "Barclays, the UK's third-biggest bank" (apposition), "Jet Airways is India's premier
        # carrier" (copula): a noun naming a kind, and a place in its phrase.
        kinds = [c for c in root.children if c.dep_ == "appos" and is_kind(c)]
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be":
            kinds += [c for c in root.head.children if c.dep_ == "attr" and is_kind(c)]
        if end + 1 < sent.end and doc[end].text == ",":
            # The parser often misses the apposition: the phrase after the comma up to its kind noun.
            for k in range(end + 1, min(end + 9, sent.end)):
                if doc[k].text in {",", ".", ";"} or doc[k].pos_ in {"VERB", "AUX"}:
                    break
                if is_kind(doc[k]) and doc[k].pos_ == "NOUN":
                    kinds.append(doc[k])
                    break
        own_kind = start - 1 >= sent.start and is_kind(doc[start - 1]) and doc[start - 1].i != root.head.i
        if root.dep_ == "appos" and is_kind(root.head) and not own_kind:
            # "Britain's financial watchdog, the Financial Services Authority": the kind comes first
            # (not for a name with a kind of its own: "US carmaker GM - and retailer KarstadtQuelle").
            kinds.append(root.head)
        else:
            k = start - 1 if start - 1 >= sent.start and doc[start - 1].lower_ == "the" else start
            # (not the noun of a phrase put before the clause whose subject the name is: "In a US
            # court, Riggs Bank pleaded guilty", "papers filed in a Delaware court, Verizon is")
            if k - 2 >= sent.start and doc[k - 1].text == "," and is_kind(doc[k - 2]) and doc[k - 2].i not in ctx.mentions and not _fronted_before(doc[k - 2], root):
                kinds.append(doc[k - 2])  # the same, where the parser missed the apposition
        if not kinds and place is None:
            named = _country_in_name(org, doc[start:end], ctx)
            if named is not None:
                # "the US Federal Reserve", "Japan Telecom": a name that starts with its country.
                placed[org.key] = named
                b.add(doc[start], (org, 1.0), "basedIn", (named, 1.0), doc[start].text, "kg.rules.based.name.v1", 0.7, presupposed=True)
                continue
        for kind in kinds:
            lo = min([kind.left_edge.i, kind.i])
            found = {i: ctx.mentions[i] for i in range(lo, kind.i) if i in ctx.mentions and ctx.mentions[i].type in _PLACE_TYPES}
            places = list(dict.fromkeys(found.values()))
            homes = _pair_of(places[-1], max(found) + 1, doc, b) if places else []
            if len(places) == 2 and homes == places:
                places = places[1:]  # "the Anglo-Dutch group": both halves, as one place below
            if len({p.key for p in places}) == 1 and places[0].key != org.key:
                placed[org.key] = places[0]
                for one in homes:
                    b.add(kind, (org, 1.0), "basedIn", (one, 1.0), kind.text, "kg.rules.based.kind.v1", 0.75, presupposed=True)
                break
