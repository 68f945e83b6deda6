"""Where things are, from noun-phrase shapes of one sentence: "Greenville, S.C." (locatedIn),
"Acme Corp. of Boston", "a Seattle-based company", "US banking giant Citigroup", "Barclays, the
UK's third-biggest bank", "France's Total" (basedIn), "Smith, of Dayton" (livesIn).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.context import Builder, SentenceContext, token_mention
from kg.extract.nominal import organiser
from kg.gazetteer import country_code, region_name
from kg.lexicon import ORGANIZATION_KINDS
from kg.model import Argument, Mention
from kg.syntax import SUBJECT_DEPS, prep_objects

__all__ = ["carry_to_regions", "kind_statements", "place_statements"]

_PLACE_TYPES = frozenset({"Place", "Country"})
# Statements about where something is that carry over from a town to the state after it.
_WHERE = frozenset({"basedIn", "livesIn", "locatedIn"})


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
    for m, s, e in spans:
        if m.type not in {"Organization", "Person"}:
            continue
        root = doc[s:e].root
        preps = ("of", "in", "at") if m.type == "Organization" else ("of", "from")
        predicate = "basedIn" if m.type == "Organization" else "livesIn"
        for prep, obj in prep_objects(root, preps):
            found = token_mention(obj, ctx, allow_modifier=False)
            if found is None or found[0].type not in _PLACE_TYPES or found[0] == m:
                continue
            b.add(root, (m, 1.0), predicate, found, prep.text, f"kg.rules.{predicate}.np.v1", 0.7, presupposed=True)
    for token in sent:
        _based_statements(token, b)


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
        targets.append(head.head)
    elif head.dep_ == "attr":
        targets += [c for c in head.head.children if c.dep_ in SUBJECT_DEPS]
    targets += [c for c in head.children if c.dep_ == "appos"]
    for t in targets:
        found = token_mention(t, ctx, allow_modifier=False)
        if found is not None and found[0].type == "Organization":
            b.add(token, found, "basedIn", (place, 1.0), token.text, "kg.rules.based.v1", 0.8, presupposed=True)
            return


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


def _kind_phrase_start(sent: Span, end: int) -> int | None:
    """The first token of a describing phrase ending right before ``end`` ("banking giant", "leading
    retail bank"), or None when the word before ``end`` names no kind of organisation."""
    doc = sent.doc
    if end - 1 < sent.start or doc[end - 1].lower_ not in ORGANIZATION_KINDS:
        return None
    start = end - 1
    while start - 1 >= sent.start and end - start < 5:
        word = doc[start - 1]
        if word.is_lower and (word.pos_ in {"NOUN", "ADJ", "VERB"} or word.text in {"-", "and"}) and not word.ent_type_:
            start -= 1
        else:
            break
    return start


def _place_before(sent: Span, index: int, b: Builder) -> Mention | None:
    """A place or country named right before ``index`` ("US", "Detroit", "Japan's")."""
    doc = sent.doc
    i = index - 1
    if i >= sent.start and doc[i].tag_ == "POS":
        i -= 1
    if i < sent.start or i not in b.ctx.mentions:
        return None
    found = b.ctx.mentions[i]
    return found if found.type in _PLACE_TYPES else None


def kind_statements(sent: Span, b: Builder) -> None:
    """basedIn from a place named with a kind of organisation: "US banking giant Citigroup",
    "Detroit carmaker GM", "France's Total", "Barclays, the UK's third-biggest bank",
    "Sibneft, a Russian oil company"."""
    ctx = b.ctx
    doc = sent.doc
    for org, start, end in _mention_spans(sent, ctx):
        if org.type != "Organization":
            continue
        phrase = _kind_phrase_start(sent, start)
        place = _place_before(sent, phrase if phrase is not None else start, b)
        if place is not None and place.key != org.key:
            b.add(doc[start], (org, 1.0), "basedIn", (place, 1.0), doc[start - 1].text, "kg.rules.based.kind.v1", 0.75, presupposed=True)
            continue
        # "Barclays, the UK's third-biggest bank": an apposition that names a kind, and a place in it.
        root = doc[start:end].root
        for kind in (c for c in root.children if c.dep_ == "appos" and c.lower_ in ORGANIZATION_KINDS):
            places = [ctx.mentions[t.i] for t in kind.subtree if t.i < kind.i and t.i in ctx.mentions and ctx.mentions[t.i].type in _PLACE_TYPES]
            if len({p.key for p in places}) == 1 and places[0].key != org.key:
                b.add(kind, (org, 1.0), "basedIn", (places[0], 1.0), kind.text, "kg.rules.based.kind.v1", 0.75, presupposed=True)
