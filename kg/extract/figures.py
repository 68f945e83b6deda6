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

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from kg.extract.context import Builder, Found, token_mention
from kg.extract.places import is_kind
from kg.lexicon import METRIC_NOUNS, SUBSIDIARY_NOUNS
from kg.model import Quantity
from kg.normalize import number_value, parse_quantity, quantity_bound
from kg.syntax import PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, conjuncts, governing_verb, is_relative_pronoun

__all__ = ["METRIC_NOUNS", "figure_statements"]

#: Nouns that count what an organisation or country has or makes: "employs 6,000 people",
#: "produced 110,000 cars", "has 1.2 million members"; the noun is the unit.
_COUNTED = frozenset(
    "people staff workers employees jobs members customers subscribers passengers visitors cars vehicles units "
    "planes aircraft homes houses stores shops branches barrels tonnes tons bottles copies orders".split()
)
_COUNTING_VERBS = frozenset("employ produce sell make build have create ship deliver cut shed add lose attract carry serve".split())
#: Nouns of change: "a 33% rise in profits", "a fall of 3%".
_CHANGE_NOUNS = frozenset("rise increase fall drop decline jump gain slump surge climb dip contraction expansion improvement cut reduction slide boost leap rebound".split())
#: Verbs of change: "profits rose 15%".
_CHANGE_VERBS = frozenset(
    "rise fall grow drop slip climb jump soar surge plunge increase decrease decline slump tumble dip edge widen narrow "
    "shrink expand contract gain improve slide sink leap rebound recover double halve boost lift cut fell deepen ease worsen "
    "raise reduce lower trim hike".split()
)
#: Which way a change goes, by the word that names it: "profits rose 15%" is a profit rise,
#: "sales slid 41%" a sales fall; a change no word orients ("widened", "edged") stays a change.
_RISING = frozenset(
    "rise raise grow climb jump soar surge increase gain improve expand rebound recover double boost lift leap hike "
    "up higher bigger greater more".split()
)
_FALLING = frozenset(
    "fall drop slip plunge decrease decline slump tumble dip shrink contract slide sink halve cut fell ease reduce trim "
    "down lower smaller fewer less contraction reduction".split()
)
_ORIENTED = _RISING | _FALLING


def _direction(figure: Token, verb: Token | None) -> str:
    """"rise", "fall" or "change": the way the change a figure measures goes, from the words
    it hangs on ("a 3% fall", "up 8.1%", "11.8% higher") or else from its verb ("slid 41%",
    "edged up 0.2%")."""
    token = figure
    for _ in range(3):
        # The figure, the preposition or noun it hangs on, and what that hangs on in turn.
        word = token.lower_ if token.lower_ in _ORIENTED else token.lemma_.lower()
        if token.pos_ in {"NOUN", "ADV", "ADJ", "ADP"} and word in _ORIENTED:
            return "rise" if word in _RISING else "fall"
        if token.head is token or token.pos_ in {"VERB", "AUX"}:
            break
        token = token.head
    if verb is None:
        return "change"
    particle = next((c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"} and c.lower_ in {"up", "down"}), None)
    if particle is not None:
        return "rise" if particle == "up" else "fall"
    lemma = verb.lemma_.lower()
    return "rise" if lemma in _RISING else "fall" if lemma in _FALLING else "change"


#: Verbs whose subject makes or posts a figure: "Barclays made £4.6bn", "posted a loss of $1bn".
_POSTING_VERBS = {
    **{w: "profit" for w in ("make", "earn", "generate", "net", "book", "achieve", "turn", "return")},
    **{w: "" for w in ("post", "report", "record", "announce", "register", "deliver", "see", "suffer", "incur", "reveal", "have", "forecast", "predict", "expect")},
    "lose": "loss",
    "owe": "debt",  # "the firm, which owes about $12bn"; "are owed" has the creditor as subject, never read
}
#: Comparatives a percentage measures a change by: "11.8% higher", "3% lower".
_COMPARATIVES = frozenset({"high", "higher", "low", "lower", "big", "bigger", "small", "smaller", "great", "greater"})
_LEVEL_VERBS = frozenset("reach hit total stand come amount top exceed be remain value forecast predict project expect compare".split())
#: Words that make a figure a share or stock price, which the firm does not report.
_PRICE_WORDS = frozenset("share shares stock stocks price prices index yield dollar euro pound currency".split())
_OWNER_TYPES = frozenset({"Organization", "Country"})
_HOME_WORDS = frozenset({"house", "home", "property"})


#: Nouns of a figure told ahead or aimed at, which stand for the metric they forecast: "growth
#: forecasts slipped to 1.8%", "forecasts for Japanese growth were cut to 4%".
_FORECAST_NOUNS = frozenset({"forecast", "estimate", "projection", "target"})


def _forecast_of(noun: Token) -> Token | None:
    """The metric noun a forecast noun forecasts: "growth forecasts", "forecasts for growth"."""
    if noun.lemma_.lower() not in _FORECAST_NOUNS:
        return None
    inner = [c for c in noun.children if c.dep_ == "compound"]
    inner += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"for", "of"} for o in p.children if o.dep_ == "pobj"]
    return next((t for t in inner if _metric(t)), None)


#: Nouns that carry the metric named before them: "its dividend payment rose 25%", "debt
#: levels". Not "figures": "the bank released growth figures" are the economy's, not the bank's.
_CARRIER_NOUNS = frozenset({"payment", "payout", "level"})


#: Words before "earnings" that make them workers' pay: "average earnings", "weekly earnings".
_PAY_WORDS = frozenset({"average", "weekly", "hourly"})

#: Metrics news names by what they are of: "the defence budget", "car sales", "oil production".
_SECTORED = frozenset({"budget", "spending", "sales", "exports", "imports", "investment", "production", "output"})
#: Words before a metric that say when or whose it is, not what it is of.
_NO_SECTOR = frozenset("year quarter month week company group firm record total annual government state".split())


def _metric(noun: Token) -> str | None:
    """The metric a noun names ("pre-tax profits" -> "pre-tax profit"), or None."""
    if (forecast := _forecast_of(noun)) is not None:
        return _metric(forecast)
    if noun.lemma_.lower() in _CARRIER_NOUNS:
        carried = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1), None)
        return _metric(carried) if carried is not None else None
    if noun.lemma_.lower() == "rate":
        # "the unemployment rate", "a growth rate of 5%": the rate of a metric is that metric
        # (an "interest rate" stays a rate).
        measured = next((c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1 and c.lemma_.lower() != "rate"), None)
        if measured is not None and (inner := _metric(measured)) is not None:
            return inner
        if measured is not None and measured.lower_ == "interest":
            return "interest rate"
    base = METRIC_NOUNS.get(noun.lower_) or METRIC_NOUNS.get(noun.lemma_.lower())
    if base is None and noun.lemma_.lower() == "price" and any(c.dep_ == "compound" and c.lower_ in _HOME_WORDS for c in noun.children):
        # "house prices rose 0.8%": a lender's or a country's index, unlike a share or oil price.
        return "house price"
    if base is None:
        return None
    if noun.lower_ == "earnings" and any(c.lower_ in _PAY_WORDS for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}):
        # "Average earnings rose by 4.3%": what workers are paid, not a firm's profit.
        return "average earnings"
    if noun.lemma_.lower() == "cost" and any(c.lower_ == "borrowing" for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}):
        # "The Fed lifted borrowing costs to 2.25%": the interest rate it sets, not its own costs.
        return "interest rate"
    if base == "market share" and not (
        any(c.lower_ == "market" for c in noun.children) or any(o.lower_ == "market" or any(c.lower_ == "market" for c in o.subtree) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)
    ):
        return None  # "shares fell": a share price, not a market share
    if any(c.lower_ in _PRICE_WORDS for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}):
        return None
    words = [c.text.lower() for c in noun.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in {"pre-tax", "net", "operating", "gross", "underlying", "trade", "budget", "current", "account"}]
    if not words and base in _SECTORED and noun.i > 0 and (kind := noun.doc[noun.i - 1]).dep_ == "compound" and kind.head == noun and kind.tag_ == "NN" and kind.is_lower and kind.lower_ not in _NO_SECTOR and noun.doc[noun.i - 2 : noun.i - 1].text != "-":
        words = [kind.lower_]  # "India's defence budget", "car sales", "oil exports": what the figure is of

    if not words and noun.i >= 3 and noun.doc[noun.i - 3 : noun.i].text.lower().replace(" ", "") == "pre-tax":
        words = ["pre-tax"]  # the tokenizer splits "pre-tax" into three words
    metric = " ".join([*words, base]) if words else base
    if base in {"deficit", "surplus"}:
        # "the UK's deficit with the EU": the balance with one partner, not the whole of it.
        partner = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children if o.dep_ == "pobj" and o.ent_type_), None)
        if partner is not None:
            named = [t for t in partner.subtree if t.ent_type_ or t.dep_ == "det" and t.i == partner.left_edge.i]
            metric = f"{metric} with {' '.join(t.text for t in named)}"
    return metric


def _owner(noun: Token | None, b: Builder) -> Found | None:
    """Whose a metric noun is: "BP's profits", "its sales", "BP profits", "Japanese growth",
    "profits at BP"."""
    if noun is None:
        return None
    if noun.lemma_.lower() in _FORECAST_NOUNS:
        # "the IMF cut its growth forecast for the German economy": whose growth, not whose forecast.
        for obj in (o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"for", "of"} for o in p.children if o.dep_ == "pobj"):
            found = token_mention(obj, b.ctx, allow_modifier=False) or _owner(obj, b)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
        found = _owner(_forecast_of(noun), b)
        if found is not None or any(p.dep_ == "prep" and p.lower_ == "for" for p in noun.children):
            return found
    children = list(noun.children)
    if noun.lemma_.lower() in SUBSIDIARY_NOUNS:
        # "Its Next Directory division saw sales rise": the part's own name, not its owner, reports.
        children.sort(key=lambda c: c.dep_ == "poss")
    for child in children:
        if child.dep_ in {"poss", "compound", "nmod", "amod"} and child.i < noun.i and child.lower_ not in _HOME_WORDS and not _negated_name(child):
            found = token_mention(child, b.ctx, allow_modifier=False)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "for", "in"}):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if prep.lower_ == "of" and noun.lemma_.lower() in _JOINT_NOUNS and len(conjuncts(obj)) > 1:
                return None  # "a combination of Mittal Steel and ISG would have sales of $32bn": neither firm's
            found = token_mention(obj, b.ctx, allow_modifier=False)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
            if prep.lower_ == "at":
                # "earnings at the Barclays Capital investment bank": the firm that names the
                # business; a country there names a market of the firm's ("its UK stores").
                found = token_mention(obj, b.ctx)
                if found is not None and found[0].type == "Organization":
                    return found
            if prep.lower_ == "of":
                # "sales of new homes in the US": the country the counted things are in.
                for place in (o for p in obj.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"):
                    found = token_mention(place, b.ctx, allow_modifier=False)
                    if found is not None and found[0].type == "Country":
                        return found
    return None


def _negated_name(token: Token) -> bool:
    """A name after "non-" or "anti-" ("Non-EU imports", "anti-EU campaigners"): what is outside
    or against the body, not the body's own."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text in "-‐–" and doc[token.i - 2].lower_ in {"non", "anti"}


#: Nouns for what two or more firms or countries make together: its figures are none of theirs alone.
_JOINT_NOUNS = frozenset("combination merger union tie-up alliance partnership venture group grouping combine consortium".split())


#: What markets trade and price, whose figures no country or firm named before them reports.
_MARKET_NOUNS = frozenset("crude oil gold silver copper gas petrol dollar euro pound yen yuan currency bond bonds gilt gilts".split())


def _named_in_apposition(noun: Token, b: Builder) -> Found | None:
    """"US mortgage firm Freddie Mac restated earnings": the name the parser hangs as an apposition
    of the description, before any modifier of the description ("US")."""
    for child in noun.children:
        if child.dep_ == "appos" and child.left_edge.i == noun.i + 1:  # right after it, no comma
            found = token_mention(child, b.ctx, allow_modifier=False)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
    return None


#: Modifiers that make a metric a whole economy's or sector's, never the subject's or speaker's own:
#: "the ONS said manufacturing output dropped 0.1%", "the bank said regional exports reached $445bn".
_ECONOMY_WIDE = frozenset({"regional", "world", "national", "manufacturing", "industrial", "factory"})


def _economy_wide(noun: Token | None) -> bool:
    return noun is not None and any(c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in _ECONOMY_WIDE for c in noun.children)


def _subject_owner(subject: Token, b: Builder) -> Found | None:
    """Whose a clause subject is: "Inbev's European business saw sales fall", "the Shell unit",
    "the US economy", "the UK market". A nationality or home country before people or firms
    ("Russian prosecutors", "the German-US carmaker") says where they are, not whose the figure is."""
    found = _owner(subject, b)
    if found is not None and found[0].type == "Country" and is_kind(subject):
        return None  # "France's second largest carmaker reported": the country is the firm's home
    if found is None or found[0].type != "Country" or any(c.dep_ == "poss" for c in subject.children):
        return found
    return found if _metric(subject) or subject.lemma_.lower() in _NATIONAL_WHOLES else None


def _jointly(verb: Token) -> bool:
    """Whether a clause says its subjects did it together: "between them" (on the verb or, as the
    parser often has it, on its object), "together", "jointly"."""
    words = [*verb.children, *(g for c in verb.children if c.dep_ == "dobj" for g in c.children)]
    return any(
        (c.dep_ == "prep" and c.lower_ == "between" and any(o.lower_ == "them" for o in c.children))
        or (c.dep_ == "advmod" and c.lower_ in {"together", "jointly"})
        for c in words
    )


#: Subjects a country before them owns: "the UK market had seen sales growth of 8%".
_NATIONAL_WHOLES = frozenset({"market", "sector", "industry"})


#: One site of a firm, whose figures are its own: "The Siemens plant at Boscholt employs 2,000 staff".
_SITE_NOUNS = frozenset("plant factory site mill mine works refinery store shop branch depot warehouse smelter yard".split())


def _clause_owner(verb: Token | None, b: Builder) -> Found | None:
    """The organisation or country a clause is about: the subject of the verb, else of the verb
    of saying it hangs from ("Nortel said it had made $434m")."""
    current = verb
    for _ in range(3):
        if current is None:
            return None
        subjects = [t for c in current.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
        if len(subjects) > 1 and _jointly(current):
            return None  # "Maserati and Ferrari sell about 10,000 cars between them": neither firm's
        if subjects and is_relative_pronoun(subjects[0]) and current.dep_ == "relcl":
            # "MG Rover, which employs 6,000 people": the pronoun stands for the noun.
            subjects = conjuncts(current.head)
        elif current.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in current.children):
            # "in Wales, where house prices rose 23%": the place the clause is about.
            found = token_mention(current.head, b.ctx, allow_modifier=False)
            if found is not None and found[0].type == "Country":
                return found
        for subject in subjects:
            if subject.lemma_.lower() in _SITE_NOUNS:
                return None  # "The Siemens plant at Boscholt employs 2,000 staff": the plant's count, not the firm's
            # A subject's modifiers own the figure ("Inbev's European business saw sales fall"),
            # not those of a traded commodity or currency ("US light crude lost $2").
            found = token_mention(subject, b.ctx, allow_modifier=False) or _named_in_apposition(subject, b) or (_subject_owner(subject, b) if subject.lemma_.lower() not in _MARKET_NOUNS else None)
            if found is not None and found[0].type in _OWNER_TYPES:
                return found
        climbs = current.dep_ in {"ccomp", "xcomp", "conj", "advcl"} or (
            # "compared with a loss of 10.8bn kronor": a participle the parser reads as a preposition.
            current.dep_ == "prep" and current.tag_ in {"VBN", "VBG"}
        )
        if not climbs or current.head == current:
            return None
        current = current.head
    return None


def _valued(verb: Token, b: Builder) -> Found | None:
    """What a "value" verb puts a price on: "Exel is valued at £2.6bn", "the offer values Exel at
    £2.6bn", "Exel, which is valued at £2.6bn" (the firm, not whoever values it)."""
    for child in verb.children:
        if child.dep_ not in PASSIVE_SUBJECT_DEPS and child.dep_ != "dobj":
            continue
        target = verb.head if is_relative_pronoun(child) and verb.dep_ == "relcl" else child
        if target.pos_ == "NOUN":
            continue  # "valued the exchange at £1.35bn": a description, too often of the bidder
        found = token_mention(target, b.ctx, allow_modifier=False)
        if found is not None and found[0].type in _OWNER_TYPES:
            return found
    return None


def _own_period(figure: Span, b: Builder) -> str | None:
    """A date phrase of the figure itself: "4.2% in 2006", "a loss of 10.8bn kronor in 2003",
    "October's £5bn"."""
    found = _own_date(figure, b)
    return found.text if found is not None else None


def _own_date(figure: Span, b: Builder) -> Span | None:
    """The date phrase of :func:`_own_period`, as a span."""
    for ent in b.dates:
        if _STREAK.search(ent.text):
            continue
        if ent.root.dep_ == "poss" and figure.start <= ent.root.head.i < figure.end:
            return ent
        head = ent.root.head
        if head.lower_ in _COMPARING_PREPS or _compared_on(head, ent):
            continue  # "4.3bn rupees, against 2.7bn a year earlier": the compared figure's date
        if head.dep_ == "prep" and (figure.start <= head.head.i < figure.end or (head.head.dep_ == "prep" and figure.start <= head.head.head.i < figure.end)):
            return ent
        if head.dep_ == "prep" and head.i == figure.end and head.lower_ in {"in", "for"} and ent.start == head.i + 1:
            # "rose from £2bn in 2003 to £2.5bn in 2004": the parser hangs each "in" on the verb.
            return ent
    return None


def _period(anchor: Token | None, b: Builder) -> str | None:
    """The period a figure covers: a date phrase of the clause ("in 2004", "for the year")."""
    if anchor is None:
        return None
    for ent in b.dates:
        head = ent.root.head
        if (head == anchor or (head.dep_ == "prep" and head.head == anchor)) and not _EARLIER.search(ent.text) and not _STREAK.search(ent.text) and not _compared_on(head, ent):
            return ent.text
    if anchor.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in anchor.children):
        # "in 1998, when the crisis hit", "a turnaround from 2002 when output fell 11%": the
        # clause tells of the date before it (the parser may hang it on the date's noun).
        head = anchor.head
        described = [ent for ent in b.dates if ent.end <= anchor.i and (ent.start <= head.i < ent.end or (ent.root.head.dep_ == "prep" and ent.root.head.head == head))]
        return described[-1].text if described else None
    return None


#: Verbs whose object figure is one they expect ("forecast a loss of", "expects profits of");
#: "estimated at" stays a statement of the figure.
_FORECASTING_VERBS = frozenset("forecast expect predict project anticipate".split())

#: Dates that place the comparison, not the figure: "from $10.9bn a year earlier".
#: Prepositions that bring in a figure to compare with, whose date phrases are that figure's.
_COMPARING_PREPS = frozenset({"against", "versus", "vs"})
_EARLIER = re.compile(r"\b(earlier|ago|previous|prior|before)\b", re.IGNORECASE)
def _compared_on(prep: Token, date: Span) -> bool:
    """"production rose 10% on 2003", "up 5% on last year": "on" a year is the one compared with
    (not "on Thursday", the day of the change)."""
    return prep.lower_ == "on" and bool(_YEARLY.search(date.text))


#: A year, or one named by its place ("last year", "the previous year"); not "on the year",
#: which gives the annual rate ("6.1% on the year").
_YEARLY = re.compile(r"\b(1[89]|20)\d\d\b|\b(last|previous|prior) year\b", re.IGNORECASE)

#: Dates that count a run, not the period a figure covers: "the sixth month in a row", "for the
#: third year running", "a second consecutive quarter".
_STREAK = re.compile(r"\b(in a row|running|straight|consecutive|successive)\b", re.IGNORECASE)


def _range_end(figure: Span, figures: list[Span]) -> tuple[bool, Span | None] | None:
    """For one end of "between £415m and £425m": (whether it is the low end, the high end);
    None for a figure that is no end of a range. A range is stated as its low end, its text the
    whole range, as no one figure states it."""
    doc = figure.doc

    def opens_range(f: Span) -> bool:
        # "between" before the figure, or hung on it (not a period after it: "grew 0.1%
        # between October and December and 1.5% ..."); or "of" before a figure "to" another
        # ("revenue of $4.2bn to $4.35bn"; not "fell 0.1% to 4.7%", a change and a level).
        if f.start > 0 and doc[f.start - 1].lower_ == "of":
            return f.end + 1 < len(doc) and doc[f.end].lower_ == "to" and any(
                g.start == f.end + 1 and g.label_ == f.label_ for g in figures)
        return (f.start > 0 and doc[f.start - 1].lower_ == "between") or any(
            c.lower_ == "between" and c.dep_ == "quantmod" for t in (f.root, *f) for c in t.children)

    def joined(low: Span, high: Span) -> bool:
        return high.label_ == low.label_ and (
            (high.start == low.end + 1 and doc[low.end].lower_ in {"and", "to"})
            or (high.root.dep_ == "conj" and low.start <= high.root.head.i < low.end))

    low = next((f for f in figures if f != figure and joined(f, figure) and opens_range(f)), None)
    if low is not None:
        return False, None
    if not opens_range(figure):
        return None
    return True, next((f for f in figures if f != figure and joined(figure, f)), None)


def _starting_level(prep: Token) -> bool:
    """Whether a preposition introduces the level a change started from: "rose to $11.1bn from
    $10.9bn", "up from $393.9m a year earlier", "compared with $732m"."""
    head = prep.head
    if prep.lower_ == "from":
        return head.lemma_.lower() in _CHANGE_VERBS or head.lower_ in {"up", "down"}
    return prep.lower_ in {"with", "to"} and head.lemma_.lower() == "compare"


def _is_figure(token: Token) -> bool:
    return token.ent_type_ in {"MONEY", "PERCENT"}


def _compared_figure(compared: Token, label: str) -> Token | None:
    """The figure of the same kind that "compared with" follows in its sentence, passing over
    conversions in brackets ("$434m (£231m)")."""
    doc = compared.doc
    before = [e for e in compared.sent.ents if e.label_ == label and e.end <= compared.i and not (e.start > 0 and doc[e.start - 1].text in {"(", ";"})]
    return before[-1].root if before else None


def _named_apart(figure: Token) -> bool:
    """A figure with an owner of its own ("compared with EA's $17.8bn", "with 12.1% in Germany"):
    another's figure, set beside the first."""
    if any(c.dep_ == "poss" for c in figure.children):
        return True
    return any(o.ent_type_ in {"GPE", "ORG", "NORP", "LOC"} for p in figure.children if p.dep_ == "prep" and p.lower_ in {"in", "at", "for"} for o in p.children if o.dep_ == "pobj")


def _moved_metric(updown: Token) -> Token | None:
    """The metric an "up" or "down" outside a clause says moved: "with sales up 6%" (the parser
    hangs "up" on the noun, or makes the noun its subject)."""
    if updown.dep_ == "advmod" and updown.head.pos_ == "NOUN" and _metric(updown.head):
        return updown.head
    return next((c for c in updown.children if c.dep_ in SUBJECT_DEPS and _metric(c)), None)


def _with_phrase(noun: Token) -> bool:
    """"Tesco had a good year, with sales up 6%": a metric in a "with" phrase of the clause, whose
    subject owns it whatever the verb."""
    if any(c.dep_ == "advmod" and c.lower_ in {"up", "down"} for c in noun.children):
        head = noun.head  # "with sales up 6%"
    elif noun.head.lower_ in {"up", "down"} and noun.dep_ in SUBJECT_DEPS:
        head = noun.head.head  # the parser's other reading: "sales" the subject of "up"
    elif _metric(noun) in {"debt", "loss"} and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        head = noun.head  # "struggling with debts of £6bn", "saddled with losses of $2bn": its own burden
    else:
        return False  # "operate 1,000 stores, with sales of $30bn": too often a new firm's, or a market's
    return head.lower_ == "with" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}


def _from_to(figure: Span, figures: list[Span]) -> tuple[str, Span] | None:
    """("from", the later figure) or ("to", the earlier one) for the two figures of "rose from
    2.6% to 10.4%", which the parser reads as a range ("2.6% to 10.4%") hanging off "from"."""
    for other in figures:
        if other.label_ != figure.label_ or other == figure:
            continue
        first, second = (figure, other) if figure.start < other.start else (other, figure)
        between = figure.doc[first.end : second.start]
        ends = second.root
        if (
            len(between) == 1 and between[0].lower_ == "to" and between[0].dep_ == "quantmod"
            and ends.dep_ == "pobj" and ends.head.lower_ == "from" and first.root.head.i in range(second.start, second.end)
        ):
            return ("from", second) if figure == first else ("to", first)
    return None


def _reading(quantity: Span) -> tuple[Token | None, Token | None, bool]:
    """(metric noun, clause verb, is a change) for one figure of the sentence, from its attachment."""
    return _read_root(quantity.root, quantity.label_, 0)


def _read_root(root: Token, label: str, depth: int) -> tuple[Token | None, Token | None, bool]:
    while root.dep_ == "conj" and _is_figure(root.head):
        # "4.3% in 2005 and 4.2% in 2006": the second figure reads like the first.
        root = root.head
    head = root.head
    dep = root.dep_
    prep: Token | None = head if dep == "pobj" else None
    if dep == "conj" and head.pos_ in {"VERB", "AUX"}:
        # "would grow by 4.3% in 2005 and 4.2% in 2006": the parser hangs the second figure on
        # the verb; it fills the same slot as the first.
        for child in head.children:
            if child.i < root.i and child.dep_ == "prep" and any(_is_figure(o) for o in child.children if o.dep_ == "pobj"):
                dep, prep = "pobj", child
                break
            if child.i < root.i and child.dep_ in {"dobj", "npadvmod", "attr"} and _is_figure(child):
                dep = child.dep_
                break
    if dep == "conj" and head.pos_ == "ADP" and head.dep_ == "prep":
        # "cut to 4.0% from 4.4% this year and 2.1% from 2.8% in 2005": the parser joins the
        # second figure to the first one's preposition; it fills the same slot.
        dep, prep = "pobj", head
    elif dep == "conj" and head.lower_ in {"up", "down"}:
        # "up from 0.3% in 2003 and 0.4% in 2002": joined to the "up" of the first one's "from".
        prep = next((c for c in head.children if c.dep_ == "prep" and c.i < root.i and any(_is_figure(o) for o in c.children if o.dep_ == "pobj")), None)
        if prep is not None:
            dep = "pobj"
    verb: Token | None = None
    noun: Token | None = None
    change = False
    if dep == "pobj" and prep is not None:
        prep_word, governor = prep.lower_, prep.head
        if prep_word == "to" and governor.lower_ in {"from", "by"} and governor.dep_ == "prep":
            # "boosted its share from 62% to 68%", "raised its dividend by 10% to 8 cents": "to"
            # hung on the preposition before it.
            governor = governor.head
        if governor.lower_ in {"up", "down"} and governor.pos_ in {"ADV", "ADP"} and depth == 0:
            # "10bn euros, up 8.1% from 9.26bn euros": the earlier level of the same figure.
            target = governor.head
            if _is_figure(target):
                noun, verb, _ = _read_root(target, label, depth + 1)
                return noun, verb, False
            moved = _moved_metric(governor)
            if moved is not None:
                # "with sales down 3% to 9bn euros": the level the moved metric reached.
                return moved, governing_verb(moved), False
            if target.pos_ not in {"VERB", "AUX"}:
                return None, None, False
            # "House prices were 11.8% higher, down from 16.3%": the earlier level of the metric
            # the verb's subject names (read below).
            verb = target
        if _is_figure(governor) and prep_word in {"against", "from", "versus"} and depth == 0:
            # "was 9.5bn kronor against 6.3bn kronor last year": the earlier level of that figure.
            noun, verb, _ = _read_root(governor, label, depth + 1)
            return noun, verb, False
        if governor.lemma_.lower() == "compare" and prep_word in {"with", "to"} and depth == 0:
            # "made a profit of £75m, compared with £125m a year earlier": the earlier level of
            # the figure before it.
            earlier = _compared_figure(governor, label)
            if earlier is None or _named_apart(root):
                return None, None, False
            noun, verb, _ = _read_root(earlier, label, depth + 1)
            return noun, verb, False
        if governor.lemma_.lower() == "average" and prep_word == "of" and governor.head.lower_ in {"by", "at"} and depth == 0:
            # "grew by an average of 3.2%": the figure fills the slot the average does.
            return _read_root(governor, label, depth + 1)
        if governor.pos_ in {"NOUN", "PROPN"}:
            if _metric(governor) and prep_word in {"of", "at"}:
                noun = governor
            elif governor.lemma_.lower() in _CHANGE_NOUNS and prep_word in {"of", "by"}:
                change = True
                noun = next((o for p in governor.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"), None)
                verb = governing_verb(governor)
        elif governor.pos_ in {"VERB", "AUX"}:
            verb = governor
            change = prep_word == "by"
            # "valued at £2.6bn": the verb names the figure.
            if governor.lemma_.lower() == "value" and prep_word == "at":
                return None, governor, False
    elif dep in {"npadvmod", "dobj", "attr", "advmod", "appos", "oprd"}:
        if head.pos_ in {"VERB", "AUX"}:
            verb = head
            change = head.lemma_.lower() in _CHANGE_VERBS and dep in {"npadvmod", "advmod", "dobj"} and label == "PERCENT"
        elif dep == "appos" and head.pos_ == "NOUN" and _metric(head) and root.doc[root.left_edge.i - 1].text in {"-", "--", "\u2013", "\u2014"}:
            # "started to pay dividends - $53m in 2000": the figure set off by a dash beside its
            # metric; after a comma it is too often the next item of a list ("15% interest
            # rates, £3bn in lost reserves").
            noun = head
        elif dep == "npadvmod" and head.tag_ == "JJR" and head.lemma_.lower() in _COMPARATIVES and head.head.pos_ in {"VERB", "AUX"}:
            # "prices were 11.8% higher than a year ago": a change in the verb's subject.
            verb, change = head.head, True
        elif head.lower_ in {"up", "down"}:
            if head.head.pos_ in {"VERB", "AUX"}:
                verb, change = head.head, True
            elif _is_figure(head.head) and depth == 0:
                # "was 10bn euros, up 8.1%": a change in the figure it follows.
                noun, verb, _ = _read_root(head.head, label, depth + 1)
                return noun, verb, True
            elif (moved := _moved_metric(head)) is not None:
                return moved, governing_verb(moved), True
    elif dep in {"nummod", "compound", "amod", "quantmod", "nmod"} and head.pos_ in {"NOUN", "PROPN"}:
        if _metric(head):
            noun = head
        elif head.lemma_.lower() in _CHANGE_NOUNS or (head.lemma_.lower() in {"forecast", "estimate", "rate", "level"} and head.head.pos_ == "NOUN"):
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
        # "has about $200bn in foreign reserves": the metric in an "in" phrase of the verb, or of
        # the figure itself where the parser hangs it there.
        for prep in (c for t in (verb, root) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if noun is None and _metric(obj):
                    noun = obj
        if noun is None:
            # "figures showing Malaysia's economy expanded 7.1%": the parser makes the subject the
            # object of the verb before, right up against this one.
            start = min([c.left_edge.i for c in verb.lefts if c.dep_ not in SUBJECT_DEPS] + [verb.i])
            # Only one that names its owner ("Malaysia's economy"): a bare "consumer spending" there
            # is too often the figure of a country the sayer only reports.
            noun = next((t for t in verb.sent if t.dep_ == "dobj" and t.right_edge.i + 1 == start and _metric(t)
                         and any(c.dep_ in {"poss", "amod", "compound"} and c.ent_type_ in {"GPE", "NORP", "ORG"} for c in t.children)), None)
        shares_subject = verb.dep_ in {"conj", "xcomp"} or (verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"})
        if noun is None and shares_subject and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            # "growth would reach 4.4% in 2004, but fall to 3.3%": the verbs share the subject;
            # "the economy is expected to grow by 4.5%": the subject of the verb that governs it;
            # "prices rose the slowest in the north, being up by 6%": a participle's, its clause's.
            noun = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"} and _metric(c)), None)
    if verb is None and noun is not None:
        verb = governing_verb(noun)
    return noun, verb, change


#: Nouns of how much an organisation can make or hold, counted in its units: "an annual capacity
#: of 18.2 million tonnes".
_CAPACITY_NOUNS = frozenset({"capacity", "output", "production"})


def _number_part(ent: Span) -> Span:
    """The number of an entity span the model ran on into a coordinated word ("about 44 million and
    half" -> "about 44 million")."""
    for token in ent:
        if token.dep_ == "cc" and token.i > ent.start:
            return ent.doc[ent.start : token.i]
    return ent


def _counted_in(ent: Span) -> tuple[Span, Token | None]:
    """The number of a count and the noun it counts when the model took both into the entity
    ("50 million tonnes" -> "50 million", "tonnes"); the number alone, and no noun, otherwise."""
    root = ent.root
    if root.pos_ == "NOUN" and root.i > ent.start and not root.like_num:
        return ent.doc[ent.start : root.i], root
    return ent, None


def _is_counted(noun: Token) -> bool:
    """Whether a noun names things a count counts ("people", "cars", "barrels"), by lemma or as written."""
    return noun.lemma_.lower() in _COUNTED or noun.lower_ in _COUNTED


def _unit_of_sibling(verb: Token) -> Token | None:
    """The counted noun of the clause an elliptical count leans on: "Amicus has 1.2 million members
    and the TGWU has 800,000" -> "members" for the second "has"."""
    siblings = [verb.head] if verb.dep_ in {"conj", "advcl"} else []
    siblings += [c for c in verb.children if c.dep_ in {"conj", "advcl"}]
    for other in siblings:
        if other.lemma_ != verb.lemma_:
            continue
        for c in other.children:
            if c.dep_ == "dobj" and _is_counted(c) and any(n.dep_ in {"nummod", "compound", "quantmod"} and n.like_num for n in c.children):
                return c
    return None


def _counts(sent: Span, b: Builder) -> None:
    """"MG Rover, which employs more than 6,000 people", "has 1.2 million members", "a population of
    44 million", "an annual capacity of 18.2 million tonnes": counts an organisation or country
    reports, the counted noun as the unit."""
    for ent in b.ents:
        # A count the model took for money has no currency: "a population of about 44 million and half".
        if ent.label_ not in {"CARDINAL", "QUANTITY"} and not (ent.label_ == "MONEY" and parse_quantity(ent.text) is None):
            continue
        number, inner = _counted_in(_number_part(ent))
        value = number_value(number.text)
        if value is None or value < 100:
            continue
        root = number.root
        counted = inner if inner is not None else root.head if root.dep_ in {"nummod", "compound", "quantmod"} else root
        unit_word = counted
        capacity = counted.head.head if counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.lemma_.lower() in _CAPACITY_NOUNS else None
        if counted.dep_ == "pobj" and counted.head.lower_ == "of" and counted.head.head.lemma_.lower() == "population":
            # "a population of 44 million people", and the parse that hangs the number on the
            # next noun ("a population of about 44 million and half lives below ..."): the count
            # is the population's, whatever noun follows it.
            counted = counted.head.head
        elif not _is_counted(counted):
            if root.dep_ == "dobj" and (sibling := _unit_of_sibling(root.head)) is not None:
                unit_word = sibling
            else:
                continue
        verb = counted.head if counted.dep_ in {"dobj", "attr"} else None
        if counted.lemma_.lower() == "population":
            owner = _owner(counted, b) or _clause_owner(governing_verb(counted), b)
            metric, unit = "population", "people"
            if owner is not None and owner[0].type != "Country":
                continue  # a country's people, not those of whoever says so ("..., the government says")
        elif capacity is not None and counted.ent_type_ in {"", "CARDINAL", "QUANTITY"}:
            # "ACC has an annual capacity of 18.2 million tonnes", "the world's biggest brewer,
            # with an output of 200 million barrels".
            owner = _owner(capacity, b) or _clause_owner(governing_verb(capacity), b)
            metric, unit = capacity.lemma_.lower(), counted.lower_
        elif verb is not None and verb.lemma_.lower() in _COUNTING_VERBS:
            owner = _clause_owner(verb, b)
            metric, unit = f"{verb.lemma_.lower()} {unit_word.lemma_.lower()}", unit_word.lower_
        else:
            continue
        if owner is None or owner[0].type not in _OWNER_TYPES:
            continue
        b.add(counted, owner, "reports", Quantity(value=value, text=number.text, unit=unit), number.text, "kg.rules.figure.count.v1", 0.7, metric=metric)


def _unowned(noun: Token, sent: Span, b: Builder) -> bool:
    """A metric noun with no owner of its own ("Profits rose", "net profits were up") in a
    sentence that names no organisation or country."""
    if any(c.dep_ in {"poss", "compound", "nmod", "amod"} and (c.pos_ in {"PROPN", "PRON"} or c.ent_type_) for c in noun.children):
        return False
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "in", "from"}):
        if not any(o.ent_type_ == "DATE" for o in prep.children if o.dep_ == "pobj"):
            return False  # "profits in its UK retail division": someone else's figure
    return not any(m.type in _OWNER_TYPES for i, m in b.ctx.mentions.items() if sent.start <= i < sent.end)


#: Metrics counted in things rather than money, whose level may be a bare number: "sales rose to
#: 2.7 million units", "unemployment stood at 4.6 million".
_COUNTED_METRICS = frozenset({"sales", "output", "production", "exports", "imports", "unemployment", "membership", "subscribers", "customers", "orders", "volume", "workforce"})


def _counted_levels(sent: Span, b: Builder) -> None:
    """"Its sales rose 3.5% to 2.7 million units", "unemployment rose to 4.64 million": the level a
    metric counted in things reached (a change by a bare number, "rose 206,900", is not read)."""
    for ent in b.ents:
        if ent.label_ != "CARDINAL":
            continue
        value = number_value(ent.text)
        if value is None or value < 1000:
            continue
        root = ent.root
        unit = root.head if root.dep_ in {"nummod", "compound", "quantmod"} and root.head.pos_ == "NOUN" and not _metric(root.head) else None
        noun, verb, change = _read_root(unit or root, ent.label_, 0)
        if noun is None or change or (_metric(noun) or "").rpartition(" ")[2] not in _COUNTED_METRICS:
            continue
        if (unit or root).dep_ not in {"pobj", "dobj", "attr"} or (unit or root).head.lower_ in {"by", "from"}:
            continue  # a level is reached ("to", "at") or stated ("totalled", "was"); "from" is in the figure_statements' sense an earlier level, rarely given alone
        if verb is None or verb.lemma_.lower() not in _CHANGE_VERBS | _LEVEL_VERBS:
            continue
        owner = _owner(noun, b) or _clause_owner(verb, b)
        if owner is None or owner[0].type not in _OWNER_TYPES:
            continue
        period = _own_period(ent, b) or _period(noun, b) or _period(verb, b)
        people = "people" if _metric(noun) in {"unemployment", "membership", "workforce"} else None
        quantity = Quantity(value=value, text=ent.text, unit=unit.lower_ if unit is not None else people)
        b.add(noun, owner, "reports", quantity, ent.text, "kg.rules.figure.count.v1", 0.7, metric=_metric(noun), period=period)


#: Entity labels of what a count may be compared with instead of with an earlier time.
_NAMED = frozenset({"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC"})


def _count_changes(b: Builder) -> None:
    """"BMW sold 5% more cars", "Toyota built 10% fewer vehicles": the change in a count that an
    organisation or country reports, as a percentage (whether the parser hangs it on the verb or
    on "more")."""
    for ent in b.ents:
        if ent.label_ != "PERCENT" or ent.end >= len(ent.doc):
            continue
        comparative = ent.doc[ent.end]
        counted = comparative.head
        if comparative.lower_ not in {"more", "fewer", "less"} or comparative.dep_ != "amod" or counted.dep_ != "dobj":
            continue
        if not _is_counted(counted):
            continue
        verb = counted.head
        value = parse_quantity(ent.text)
        if value is None or verb.lemma_.lower() not in _COUNTING_VERBS:
            continue
        if any(t.lower_ == "than" and any(n.ent_type_ in _NAMED for n in t.subtree) for t in verb.subtree):
            continue  # "Tesco employs 10% more staff than Asda": a comparison, not a change ("than a year earlier")
        owner = _clause_owner(verb, b)
        if owner is None or owner[0].type not in _OWNER_TYPES:
            continue
        metric = f"{verb.lemma_.lower()} {counted.lemma_.lower()} {'rise' if comparative.lower_ == 'more' else 'fall'}"
        b.add(counted, owner, "reports", value, ent.text, "kg.rules.figure.count.v1", 0.7, metric=metric, period=_own_period(ent, b) or _period(verb, b))


def figure_statements(sent: Span, b: Builder) -> None:
    """"BP's profits rose 15% to £546m": reports(BP, £546m, metric profit) and reports(BP, 15%, metric profit change)."""
    _counts(sent, b)
    _counted_levels(sent, b)
    _count_changes(b)
    for ent in b.ents:
        if ent.label_ not in {"MONEY", "PERCENT"}:
            continue
        value = parse_quantity(ent.text)
        if value is None:
            continue
        bound = quantity_bound(ent.doc[max(sent.start, ent.start - 3) : ent.start].text)
        if bound is not None:
            value = replace(value, bound=bound)  # "less than 1% up", "more than 15%"
        ranging = _range_end(ent, b.ents)
        high = None
        if ranging is not None:
            low, high = ranging
            if not low:
                continue
            if high is not None:
                value = replace(value, text=f"between {ent.text} and {high.text}")
        ranged = _from_to(ent, b.ents)
        # The earlier end of "from 2.6% to 10.4%" is read where the parser hangs the later one.
        noun, verb, change = _reading(ranged[1] if ranged is not None and ranged[0] == "from" else ent)
        if high is not None and (noun is None or _metric(noun) is None):
            # "growth of between 3% and 5%": the parser may hang the range on its high end.
            noun, verb, change = _reading(high)
        metric = _metric(noun) if noun is not None else None
        lemma = verb.lemma_.lower() if verb is not None else ""
        slot = ent.root
        if slot.dep_ == "pobj" and slot.head.lower_ in {"with", "to"} and slot.head.head.lemma_.lower() == "compare":
            slot = _compared_figure(slot.head.head, ent.label_) or slot  # "made $434m, compared to $732m"
        if metric is None and lemma in _POSTING_VERBS and _POSTING_VERBS[lemma] and ent.label_ == "MONEY" and slot.dep_ == "dobj":
            metric = _POSTING_VERBS[lemma]
        if metric is None and verb is not None and verb.lemma_.lower() == "value":
            metric = "market value"
        if metric is None:
            continue
        if change and metric == "gdp" and noun is not None and noun.lower_ == "economy":
            # "the economy grew 7.1%": the growth rate itself, not a change in it.
            shrinking = lemma in {"shrink", "contract", "fall", "decline", "slip", "drop", "dip", "slump", "sink"}
            metric, change = ("contraction" if shrinking else "growth"), False
        if verb is not None and lemma not in _CHANGE_VERBS | _LEVEL_VERBS | set(_POSTING_VERBS) and not (noun is not None and (noun.head == verb or _with_phrase(noun))):
            continue
        if lemma == "value" and noun is None:
            owner = _valued(verb, b)
        elif noun is not None and _forecast_of(noun) is not None and any(p.dep_ == "prep" and p.lower_ == "for" for p in noun.children):
            # "its growth estimate for the eurozone economy": the forecast's subject, or no one.
            owner = _owner(noun, b)
        else:
            owner = _owner(noun, b)
            if owner is None and not _economy_wide(noun):
                owner = _clause_owner(verb, b)
                if owner is not None and noun is not None and noun.lemma_.lower() == "economy" and owner[0].type != "Country":
                    owner = None  # "INSEE expects the economy to grow by 2.4%": a country's economy, not the agency's
        confidence = 0.75
        extractor = "kg.rules.figure.v1"
        if owner is None and noun is not None and _unowned(noun, sent, b):
            # "Sales climbed to 131.9bn kronor": the article's own firm or country, when the
            # sentence names no other.
            owner = b.ctx.topic(b.ctx.passage.start + sent.start_char)
            confidence, extractor = 0.6, "kg.rules.figure.topic.v1"
            if owner is not None and noun.lemma_.lower() == "economy" and owner[0].type != "Country":
                owner = None  # "the economy grew 4%": a country's, never the firm or agency that said so
        if owner is None or owner[0].type not in _OWNER_TYPES:
            continue
        if lemma == "owe" and owner[1] < 1.0:
            continue  # a debt put on "it" or "the oil giant" was someone else's as often as not (pool)
        anchor = noun if noun is not None else ent.root
        if noun is not None and verb is not None and verb.dep_ == "conj" and governing_verb(noun) is not verb:
            # "prices were overvalued and could fall by 15%": the figure is the second verb's,
            # which says how surely (not the first clause, whose subject the noun is).
            anchor = verb
        root = ent.root if ranged is None else ranged[1].root if ranged[0] == "from" else None
        own = _own_date(ent, b)
        undated = [d for d in b.dates if _compared_on(d.root.head, d)]
        if root is not None and root.dep_ == "pobj" and _starting_level(root.head):
            # "sales rose 2% to $11.1bn from $10.9bn a year earlier": the level it started from,
            # of the earlier period the sentence names (none when it names none). Only a date
            # between it and the level reached can be its own: one before it or after that "to"
            # is the later level's ("deepened to £51.6m in 2004 from £1.2m", "from 62% at the end
            # of 2003 to 68% by December 2004").
            earlier = next((d for d in b.dates if _EARLIER.search(d.text)), None)
            own = earlier or own
            period = own.text if own is not None else None
            reached = next((t.i for t in b.sent if t.i >= ent.end and t.lower_ == "to" and t.dep_ == "prep"), None)
            undated = [d for d in b.dates if d != own and (d.start < ent.start or (reached is not None and d.start > reached))]
        else:
            period = (own.text if own is not None else None) or _period(noun, b) or _period(verb, b)
        # "Mitsubishi has forecast a net loss of 472bn yen", "growth forecasts were cut to 4%": a
        # figure a forecast names is expected.
        forecasting = noun is not None and noun.dep_ == "dobj" and verb is not None and noun.head == verb and lemma in _FORECASTING_VERBS
        forecast = "expected" if forecasting or (noun is not None and _forecast_of(noun) is not None) else None
        b.add(anchor, owner, "reports", value, value.text, extractor, confidence, metric=f"{metric} {_direction(ent.root, verb)}" if change else metric, period=period,
              modality=forecast, dated=own, undated=undated)
