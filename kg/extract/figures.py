"""Figures an organisation or country reports: a sentence + its ``Builder`` -> ``reports`` statements
whose object is the amount or percentage, with the metric ("profit") and period ("2004") as
qualifiers.

Each money or percentage expression is tied to a metric noun through the parse: "profits of
£4.6bn", "a £1bn loss", "profits rose 15% to £546m", "a 3% fall in profits", "made £347m".
Whose figure it is comes from the metric's possessive or modifier ("BP's profits", "its
sales"), the subject of the verb that made or posted it, or the organisation or country that
said it; a sentence that names no one ("Sales climbed to 36bn kroner") gives no statement, since
the organisation the text last spoke of was wrong more often than right (train split). Share
prices are not figures a firm reports.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.context import Builder, Found, token_mention
from kg.normalize import parse_quantity
from kg.syntax import SUBJECT_DEPS, conjuncts, governing_verb

__all__ = ["METRIC_NOUNS", "figure_statements"]

#: Nouns that name a figure an organisation or a country reports, lemma -> metric name.
METRIC_NOUNS = {
    **{w: "profit" for w in ("profit", "profits", "earnings", "income")},
    **{w: "revenue" for w in ("revenue", "revenues")},
    **{w: "sales" for w in ("sales", "sale", "turnover")},
    **{w: "loss" for w in ("loss", "losses", "deficit")},
    "debt": "debt", "debts": "debt", "borrowing": "borrowing", "surplus": "surplus",
    "output": "output", "production": "production", "growth": "growth", "gdp": "gdp", "economy": "gdp",
    "inflation": "inflation", "unemployment": "unemployment", "joblessness": "unemployment",
    "exports": "exports", "imports": "imports", "investment": "investment", "spending": "spending",
    "dividend": "dividend", "orders": "orders", "margin": "margin", "valuation": "market value",
    "capitalisation": "market value", "capitalization": "market value", "reserves": "reserves",
    "assets": "assets", "costs": "costs", "cost": "costs", "budget": "budget", "bill": "bill",
    "membership": "membership", "workforce": "workforce", "subscribers": "subscribers", "customers": "customers",
}
#: Nouns of change: "a 33% rise in profits", "a fall of 3%".
_CHANGE_NOUNS = frozenset("rise increase fall drop decline jump gain slump surge climb dip contraction expansion improvement cut reduction slide boost leap rebound".split())
#: Verbs of change: "profits rose 15%".
_CHANGE_VERBS = frozenset(
    "rise fall grow drop slip climb jump soar surge plunge increase decrease decline slump tumble dip edge widen narrow "
    "shrink expand gain improve slide sink leap rebound recover double halve boost lift cut fell".split()
)
#: Verbs whose subject makes or posts a figure: "Barclays made £4.6bn", "posted a loss of $1bn".
_POSTING_VERBS = {
    **{w: "profit" for w in ("make", "earn", "generate", "net", "book", "achieve", "turn")},
    **{w: "" for w in ("post", "report", "record", "announce", "register", "deliver", "see", "suffer", "incur", "reveal", "have", "forecast", "predict", "expect")},
    "lose": "loss",
}
_LEVEL_VERBS = frozenset("reach hit total stand come amount top exceed be remain".split())
#: Words that make a figure a share or stock price, which the firm does not report.
_PRICE_WORDS = frozenset("share shares stock stocks price prices index yield dollar euro pound currency".split())
_OWNER_TYPES = frozenset({"Organization", "Country"})


def _metric(noun: Token) -> str | None:
    """The metric a noun names ("pre-tax profits" -> "pre-tax profit"), or None."""
    base = METRIC_NOUNS.get(noun.lower_) or METRIC_NOUNS.get(noun.lemma_.lower())
    if base is None:
        return None
    if any(c.lower_ in _PRICE_WORDS for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}):
        return None
    words = [c.text.lower() for c in noun.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in {"pre-tax", "net", "operating", "gross", "underlying", "trade", "budget", "current", "account"}]
    return " ".join([*words, base]) if words else base


def _owner(noun: Token | None, b: Builder) -> Found | None:
    """Whose a metric noun is: "BP's profits", "its sales", "BP profits", "profits at BP"."""
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "nmod"} and child.i < noun.i:
            found = token_mention(child, b.ctx, allow_modifier=False)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "for", "in"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = token_mention(obj, b.ctx, allow_modifier=False)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
    return None


def _clause_owner(verb: Token | None, b: Builder) -> Found | None:
    """The organisation or country a clause is about: the subject of the verb, else of the verb
    of saying it hangs from ("Nortel said it had made $434m")."""
    current = verb
    for _ in range(3):
        if current is None:
            return None
        for subject in (t for c in current.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)):
            found = token_mention(subject, b.ctx, allow_modifier=False)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
        if current.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or current.head == current:
            return None
        current = current.head
    return None


def _period(anchor: Token | None, b: Builder) -> str | None:
    """The period a figure covers: a date phrase of the clause ("in 2004", "for the year")."""
    if anchor is None:
        return None
    for ent in b.dates:
        head = ent.root.head
        if head == anchor or (head.dep_ == "prep" and head.head == anchor):
            return ent.text
    return None


def _reading(quantity: Span) -> tuple[Token | None, Token | None, bool]:
    """(metric noun, clause verb, is a change) for one figure of the sentence, from its attachment."""
    root = quantity.root
    head = root.head
    verb: Token | None = None
    noun: Token | None = None
    change = False
    if root.dep_ == "pobj":
        prep, governor = head.lower_, head.head
        if governor.pos_ in {"NOUN", "PROPN"}:
            if _metric(governor) and prep in {"of", "at"}:
                noun = governor
            elif governor.lemma_.lower() in _CHANGE_NOUNS and prep in {"of", "by"}:
                change = True
                noun = next((o for p in governor.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"), None)
                verb = governing_verb(governor)
        elif governor.pos_ in {"VERB", "AUX"}:
            verb = governor
            change = prep == "by"
    elif root.dep_ in {"npadvmod", "dobj", "attr", "advmod", "appos", "oprd"}:
        if head.pos_ in {"VERB", "AUX"}:
            verb = head
            change = head.lemma_.lower() in _CHANGE_VERBS and root.dep_ in {"npadvmod", "advmod", "dobj"} and quantity.label_ == "PERCENT"
        elif head.lower_ in {"up", "down"} and head.head.pos_ in {"VERB", "AUX"}:
            verb, change = head.head, True
    elif root.dep_ in {"nummod", "compound", "amod", "quantmod", "nmod"} and head.pos_ in {"NOUN", "PROPN"}:
        if _metric(head):
            noun = head
        elif head.lemma_.lower() in _CHANGE_NOUNS:
            change = True
            noun = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"), None)
            verb = governing_verb(head)
        else:
            return None, None, False
    if noun is None and verb is not None:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS | {"dobj", "nsubjpass"} and _metric(child):
                noun = child
                break
    if verb is None and noun is not None:
        verb = governing_verb(noun)
    return noun, verb, change


def figure_statements(sent: Span, b: Builder) -> None:
    """"BP's profits rose 15% to £546m": reports(BP, £546m, metric profit) and reports(BP, 15%, metric profit change)."""
    for ent in sent.ents:
        if ent.label_ not in {"MONEY", "PERCENT"}:
            continue
        value = parse_quantity(ent.text)
        if value is None:
            continue
        noun, verb, change = _reading(ent)
        metric = _metric(noun) if noun is not None else None
        lemma = verb.lemma_.lower() if verb is not None else ""
        if metric is None and lemma in _POSTING_VERBS and _POSTING_VERBS[lemma] and ent.label_ == "MONEY" and ent.root.dep_ == "dobj":
            metric = _POSTING_VERBS[lemma]
        if metric is None:
            continue
        if verb is not None and lemma not in _CHANGE_VERBS | _LEVEL_VERBS | set(_POSTING_VERBS) and not (noun is not None and noun.head == verb):
            continue
        owner = _owner(noun, b) or _clause_owner(verb, b)
        confidence = 0.75
        if owner is None or owner[0].type not in _OWNER_TYPES:
            continue
        anchor = noun if noun is not None else ent.root
        b.add(anchor, owner, "reports", value, ent.text, "kg.rules.figure.v1", confidence,
              metric=f"{metric} change" if change else metric, period=_period(verb, b) or _period(noun, b))
