"""Date and number expressions (str) -> ISO 8601 strings, day offsets (int) and Quantity values.

Pure string functions on the standard library only: no spaCy, and none of them raises.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from fractions import Fraction

from kg.model import Quantity

MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAYS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}
RELATIVE_STEPS = {"this": 0, "last": -1, "past": -1, "next": 1}
UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = {
    "hundred": 10**2, "thousand": 10**3, "k": 10**3, "lakh": 10**5, "lakhs": 10**5,
    "million": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6, "crore": 10**7, "crores": 10**7,
    "cr": 10**7, "billion": 10**9, "bn": 10**9, "b": 10**9, "trillion": 10**12, "tn": 10**12,
}  # fmt: skip
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "INR", "CNY", "CHF", "AUD", "CAD", "HKD", "SGD", "NZD", "SEK", "DKK", "NOK", "RUB", "ZAR", "KRW", "BRL", "MXN")
#: Symbols and codes written before the amount. A bare "$" is read as USD and "¥" as JPY,
#: the usual reading in English-language news.
CURRENCY_PREFIXES = {
    "US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "S$": "SGD", "NZ$": "NZD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "Rs.": "INR", "Rs": "INR", "RMB": "CNY", **{code: code for code in CURRENCY_CODES},
    # Plain-text news feeds that cannot carry "$" spell it out after the country's letters:
    # "Adollars 8.4bn" is A$8.4bn, "HKdollars 327m" HK$327m.
    "USdollars": "USD", "Adollars": "AUD", "AUdollars": "AUD", "Cdollars": "CAD", "CAdollars": "CAD",
    "HKdollars": "HKD", "Sdollars": "SGD", "NZdollars": "NZD",
}  # fmt: skip
#: Currency names written after the amount; matched case-insensitively.
CURRENCY_WORDS = {
    "us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP",
    "sterling": "GBP", "yen": "JPY", "rupees": "INR", "rupee": "INR", "yuan": "CNY",
    "renminbi": "CNY", "roubles": "RUB", "rouble": "RUB", "rubles": "RUB", "ruble": "RUB", "rand": "ZAR",
    "kronor": "SEK", "krona": "SEK", "kroner": "DKK", "krone": "DKK", "reais": "BRL", "real": "BRL",
    "swiss francs": "CHF", "danish kroner": "DKK", "norwegian kroner": "NOK", "norwegian krone": "NOK",
    "swedish kronor": "SEK", "swedish krona": "SEK", "japanese yen": "JPY", "chinese yuan": "CNY",
    "indian rupees": "INR", "russian roubles": "RUB", "south african rand": "ZAR", "brazilian reais": "BRL",
    "australian dollars": "AUD", "canadian dollars": "CAD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "mexican pesos": "MXN", "pesos": "MXN",
    **{code.lower(): code for code in CURRENCY_CODES},
}  # fmt: skip

# re.ASCII keeps \d, \w and \b to ASCII: no exotic digits, no case folds such as Kelvin "K" -> "k".
_FLAGS = re.IGNORECASE | re.ASCII


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so "sept" is tried before "sep" and "US$" before "$"; spaces match any run."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


_MONTH = rf"\b(?P<month>{_alternation(MONTH_NUMBERS)})\b\.?"
# A range such as "4-5 February" keeps its first day.
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:\s*[-\u2013]\s*\d{1,2}(?:st|nd|rd|th)?\b)?"
_YEAR = r"(?P<year>[12]\d{3})\b"
# News writes month names capitalised; requiring that keeps the verbs "may" and "march" out.
_BARE_MONTH = "|".join(f"{m.capitalize()}|{m.upper()}" for m in list(MONTH_NUMBERS)[:12])
_WEEKDAY = "|".join(WEEKDAYS)
_PARENS = re.compile(r"\(([^()]*)\)")

# Western (1,200,000) or Indian (12,00,000) digit grouping, then an optional decimal part.
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?!\d|[.,]\d)"
_NUMBER_WORD = (
    rf"\b(?:(?:{'|'.join(TENS_WORDS)})(?:[-\s](?:{'|'.join(UNIT_WORDS[1:10])}))?"
    rf"|{_alternation(UNIT_WORDS)})\b"
)
_SCALE = rf"(?:\s*(?P<scale>{_alternation(SCALES)})\b)?"
_SIGNED_NUMBER = rf"(?P<sign>[-\u2212])?(?P<number>{_NUMBER}|{_NUMBER_WORD})"
_PERCENT = re.compile(rf"(?<![\w.,]){_SIGNED_NUMBER}\s*(?:%|per\s*cent\b|pct\b)", _FLAGS)
_MONEY_BEFORE = re.compile(
    rf"(?<![A-Za-z])(?P<symbol>{_alternation(CURRENCY_PREFIXES)})\s*(?P<number>{_NUMBER}){_SCALE}",
    _FLAGS,
)
_MONEY_AFTER = re.compile(
    rf"(?<![\w.,])(?P<number>{_NUMBER}|{_NUMBER_WORD}){_SCALE}"
    rf"[\s-]*(?P<word>{_alternation(CURRENCY_WORDS)})(?!\w)",
    _FLAGS,
)
#: A hundredth of a currency written after the amount: "40 cents", "70 euro cents", "530 pence",
#: "300p a share". A bare "cents" is read as US cents, as "$" is read as US dollars.
CURRENCY_SUBUNITS = {
    "euro cents": "EUR", "euro cent": "EUR", "us cents": "USD", "us cent": "USD", "cents": "USD", "cent": "USD",
    "pence": "GBP", "penny": "GBP", "p": "GBP",
}  # fmt: skip
_MONEY_SUBUNIT = re.compile(
    rf"(?<![\w.,])(?P<number>{_NUMBER})(?:\s*(?P<word>{_alternation(w for w in CURRENCY_SUBUNITS if w != 'p')})|(?P<p>p))(?!\w)",
    _FLAGS,
)
#: Hedges news puts before a count ("more than 6,000 people"): the value is the number itself.
_HEDGE = r"(?:(?:more|fewer|less)\s+than|over|under|about|around|almost|nearly|some|up\s+to|at\s+least|roughly|approximately|an\s+estimated)\s+"
_NUMBER_VALUE = re.compile(rf"(?:{_HEDGE})?{_SIGNED_NUMBER}{_SCALE}", _FLAGS)
_OFFSET = re.compile(
    rf"\b(?P<count>\d{{1,6}}|an?|the|{_NUMBER_WORD})\s+"
    r"(?P<unit>days?|weeks?)\s+(?P<direction>after|afterwards?|later|before|earlier|prior|ago)\b",
    _FLAGS,
)
_ADJACENT_DAY = re.compile(r"\bthe\s+(?P<which>next|following|previous|preceding)\s+day\b", _FLAGS)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_CURRENCIES = {k.lower(): iso for k, iso in (CURRENCY_PREFIXES | CURRENCY_WORDS).items()}
_Handler = Callable[[re.Match[str], date], str | None]


def _format(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text at the precision given, or None when the calendar has no such date."""
    try:
        date(year, 1 if month is None else month, 1 if day is None else day)
    except (ValueError, OverflowError):
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _format_day(day: date) -> str:
    # Not isoformat(): an anchor passed as a datetime would add a time.
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _month(match: re.Match[str]) -> int:
    name = match["month"].lower()
    return int(name) if name.isdigit() else MONTH_NUMBERS[name]


def _calendar(match: re.Match[str], anchor: date | None) -> str | None:
    """Whatever of year, month and day the text names; a missing year is the anchor's."""
    parts = match.groupdict()
    year = int(parts["year"]) if parts.get("year") else anchor.year if anchor else None
    if year is None:
        return None
    month = _month(match) if parts.get("month") else None
    return _format(year, month, int(parts["day"]) if parts.get("day") else None)


def _relative_month_name(match: re.Match[str], anchor: date) -> str | None:
    # "last March" is the latest March strictly before the anchor's month, "next March" the
    # earliest strictly after it, so only the year moves.
    month, step = _month(match), RELATIVE_STEPS[match["rel"].lower()]
    same_year = month < anchor.month if step < 0 else month > anchor.month
    return _format(anchor.year + (0 if same_year else step), month)


def _relative_day(match: re.Match[str], anchor: date) -> str | None:
    return _format_day(anchor + timedelta(days=RELATIVE_DAYS[match["word"].split()[0].lower()]))


def _relative_period(match: re.Match[str], anchor: date) -> str | None:
    """ "last year", "next month", and a month of a relative year: "January last year"."""
    step = RELATIVE_STEPS[match["rel"].lower()]
    if match["unit"].lower() == "year":
        month = _month(match) if match.groupdict().get("month") else None
        return _format(anchor.year + step, month)
    year, month0 = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
    return _format(year, month0 + 1)


def _weekday(match: re.Match[str], anchor: date) -> str | None:
    # Tense is unknown here, so a bare weekday is the nearest one in [anchor - 6, anchor];
    # "last" moves to [anchor - 7, anchor - 1] and "next" to [anchor + 1, anchor + 7].
    target, rel = WEEKDAYS.index(match["weekday"].lower()), (match["rel"] or "this").lower()
    if rel == "next":
        return _format_day(anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7))
    back = (anchor.weekday() - target) % 7
    return _format_day(anchor - timedelta(days=back or (0 if rel == "this" else 7)))


def _rule(pattern: str, handler: _Handler, flags: int = _FLAGS) -> tuple[re.Pattern[str], _Handler]:
    return re.compile(pattern, flags), handler


#: Tried in order; the first pattern found decides, so explicit dates beat relative words.
_DATE_RULES = (
    _rule(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b", _calendar),
    _rule(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", _calendar),
    _rule(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", _calendar),
    _rule(rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}", _calendar),
    _rule(rf"{_MONTH}\s+{_DAY}", _calendar),
    _rule(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}", _calendar),
    _rule(rf"{_MONTH}\s+(?:of\s+)?(?P<rel>this|last|next)\s+(?P<unit>year)\b", _relative_period),
    _rule(rf"\b(?P<rel>this|last|next)\s+{_MONTH}", _relative_month_name),
    _rule(r"\b(?P<word>today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening))\b",
          _relative_day),  # fmt: skip
    _rule(r"\b(?P<rel>this|last|next)\s+(?P<unit>year|month)\b", _relative_period),
    _rule(rf"\b(?P<month>{_BARE_MONTH})\b", _calendar, re.ASCII),
    # Not a year when it is an amount or part of a longer number: "$2000", "2000%", "1.2000".
    _rule(rf"(?<![\d.,$\u20ac\u00a3\u00a5\u20b9])\b{_YEAR}(?![.,]?\d|\s*%)", _calendar),
    _rule(rf"\b(?:(?P<rel>this|last|next|past)\s+)?(?P<weekday>{_WEEKDAY})\b", _weekday),
)


def _resolve(text: str, anchor: date | None) -> str | None:
    for pattern, handler in _DATE_RULES:
        match = pattern.search(text)
        if match:
            if anchor is not None:
                return handler(match, anchor)
            # Without an anchor only a text that names its year can be placed.
            return _calendar(match, None) if "year" in pattern.groupindex else None
    return None


def resolve_date(text: str, anchor: date | None) -> str | None:
    """Read a date expression as ISO 8601 at the precision the text gives.

    A date in parentheses wins over the words around it. A month or day without a year takes
    the anchor's year. A bare weekday is the nearest one on or before the anchor, within six
    days ("last" and "next" step a week out). An offset phrase is not applied: "two days after
    February 4, 2026" gives the base date; use parse_offset and shift_date for the offset.

    Args:
        text: The date expression, e.g. a spaCy DATE span's text.
        anchor: The article's publication date; relative expressions need it.

    Returns:
        "YYYY-MM-DD", "YYYY-MM" or "YYYY"; None for durations, ordinals and anything
        unresolvable, and for relative expressions when ``anchor`` is None.

    Examples:
        >>> resolve_date("Wednesday (February 4, 2026)", None)
        '2026-02-04'
        >>> resolve_date("early March", date(2026, 2, 4))
        '2026-03'
        >>> resolve_date("last year", date(2026, 2, 4))
        '2025'
        >>> resolve_date("two days", date(2026, 2, 4)) is None
        True
    """
    text = " ".join(text.split())
    try:
        for inner in _PARENS.findall(text):
            found = _resolve(inner, anchor)
            if found:
                return found
        return _resolve(text, anchor)
    except (ValueError, OverflowError):  # a weekday or month step past date.min / date.max
        return None


def shift_date(iso: str, days: int) -> str | None:
    """Move a full ISO date by a number of days.

    Args:
        iso: A "YYYY-MM-DD" date; partial dates cannot be shifted by days.
        days: Days to add; negative moves back.

    Returns:
        The shifted "YYYY-MM-DD", or None for a partial or invalid date or an out-of-range result.

    Examples:
        >>> shift_date("2026-02-27", 2)
        '2026-03-01'
        >>> shift_date("2026-02", 2) is None
        True
    """
    if not _ISO_DAY.fullmatch(iso):
        return None
    try:
        return _format_day(date.fromisoformat(iso) + timedelta(days=days))
    except (ValueError, OverflowError, TypeError):
        return None


def parse_offset(text: str) -> int | None:
    """Read a day offset such as "two days after" or "the day before".

    Args:
        text: The offset phrase; the count is digits or a number word up to ninety-nine.

    Returns:
        Signed days (after/later positive, before/earlier/ago negative), or None.

    Examples:
        >>> parse_offset("two days after")
        2
        >>> parse_offset("2 weeks earlier")
        -14
        >>> parse_offset("the day before")
        -1
    """
    adjacent = _ADJACENT_DAY.search(text)
    if adjacent:
        return 1 if adjacent["which"].lower() in ("next", "following") else -1
    match = _OFFSET.search(text)
    if not match:
        return None
    count, unit = match["count"].lower(), match["unit"].lower()
    if count in ("a", "an", "the"):
        if unit.endswith("s"):  # "the days before" names no number
            return None
        count = "1"
    number = int(count) if count.isdigit() else _word_number(count)
    days = number * (7 if unit.startswith("week") else 1)
    return days if match["direction"].lower().startswith(("after", "later")) else -days


def _word_number(word: str) -> int:
    """ "seven" -> 7, "twenty-five" -> 25; the regex has already checked the words."""
    parts = re.split(r"[-\s]+", word)
    if parts[0] in TENS_WORDS:
        units = UNIT_WORDS.index(parts[1]) if len(parts) > 1 else 0
        return 20 + 10 * TENS_WORDS.index(parts[0]) + units
    return UNIT_WORDS.index(parts[0])


def _scaled(number: str, scale: str | None, negative: bool = False) -> int | float:
    """Exact arithmetic (Fraction) so "$1.2 trillion" is 1200000000000, not ...0002."""
    word = number.lower()
    value = Fraction(word.replace(",", "")) if word[0].isdigit() else Fraction(_word_number(word))
    value *= SCALES[scale.lower()] if scale else 1
    return _exact(-value if negative else value)


def _exact(value: Fraction) -> int | float:
    """An int when the value is whole, else the nearest float."""
    return int(value) if value.denominator == 1 else float(value)


def number_value(text: str) -> int | float | None:
    """Read a number written in digits or words, with an optional scale word.

    Args:
        text: The whole number expression, e.g. "1,200", "twenty" or "500 billion".

    Returns:
        An int when the value is integral, else a float; None when the text is not a number.

    Examples:
        >>> number_value("1,200")
        1200
        >>> number_value("500 billion")
        500000000000
        >>> number_value("2.5")
        2.5
        >>> number_value("more than 6,000")
        6000
    """
    match = _NUMBER_VALUE.fullmatch(text.strip())
    if not match:
        return None
    try:
        return _scaled(match["number"], match["scale"], bool(match["sign"]))
    except (ValueError, ArithmeticError):
        return None


def parse_quantity(text: str) -> Quantity | None:
    """Read the first percentage or amount of money in a text.

    Args:
        text: A quantity expression such as "18 per cent", "$1.2 trillion" or "Rs 500 crore".

    Returns:
        A Quantity with ``unit="percent"`` or an ISO 4217 ``currency``, keeping ``text`` as
        given; None for plain numbers and anything else.

    Examples:
        >>> parse_quantity("18%")
        Quantity(value=18, text='18%', unit='percent', currency=None, bound=None)
        >>> parse_quantity("$500 billion").value
        500000000000
        >>> parse_quantity("₹500 crore").currency
        'INR'
    """
    patterns = (_MONEY_BEFORE, _MONEY_AFTER, _PERCENT, _MONEY_SUBUNIT)
    found = [match for pattern in patterns if (match := pattern.search(text))]
    if not found:
        return None
    # The earliest, then the longest ("40 euro cents", not "40 euro"); ties keep the order above.
    match = min(found, key=lambda m: (m.start(), m.start() - m.end()))
    try:
        if match.re is _PERCENT:
            value = _scaled(match["number"], None, bool(match["sign"]))
            return Quantity(value=value, text=text, unit="percent")
        if match.re is _MONEY_SUBUNIT:
            written = "p" if match["p"] else " ".join(match["word"].lower().split())
            return Quantity(value=_hundredth(match["number"]), text=text, currency=CURRENCY_SUBUNITS[written])
        value = _scaled(match["number"], match["scale"])
    except (ValueError, ArithmeticError):
        return None
    written = " ".join((match.groupdict().get("symbol") or match["word"]).lower().split())
    return Quantity(value=value, text=text, currency=_CURRENCIES[written])


def _hundredth(number: str) -> int | float:
    """A sub-unit amount in its currency: "40" cents is 0.4, exactly."""
    return _exact(Fraction(number.replace(",", "")) / 100)


#: Words before a number that give it as a limit or an estimate (:attr:`kg.model.Quantity.bound`),
#: longest first: "more than 15%" is above 15%, "up to £2bn" below £2bn, "nearly $1bn" about $1bn.
_BOUND_WORDS = (
    ("in excess of", "above"), ("more than", "above"), ("greater than", "above"), ("higher than", "above"),
    ("at least", "above"), ("over", "above"), ("above", "above"),
    ("less than", "below"), ("fewer than", "below"), ("lower than", "below"), ("at most", "below"),
    ("up to", "below"), ("under", "below"), ("below", "below"),
    ("close to", "about"), ("about", "about"), ("around", "about"), ("roughly", "about"), ("approximately", "about"),
    ("nearly", "about"), ("almost", "about"), ("some", "about"), ("an estimated", "about"), ("estimated", "about"),
)


def quantity_bound(before: str) -> str | None:
    """The bound the words right before a number give it ("above", "below", "about"), or None.

    Examples:
        >>> quantity_bound("rose by more than"), quantity_bound("is worth up to"), quantity_bound("went up to"), quantity_bound("rose")
        ('above', 'below', None, None)
    """
    words = before.lower().split()
    for phrase, bound in _BOUND_WORDS:
        n = len(phrase.split())
        if words[-n:] == phrase.split():
            if phrase == "up to" and len(words) > n and words[-n - 1] in _GOING_UP:
                return None  # "the rate went up to 5.5%": it reached 5.5%
            return bound
    return None


#: Verbs that go up to a level rather than limit a number: "went up to 5.5%", "was revised up to 3%".
_GOING_UP = frozenset("go goes going gone went come comes came move moves moved moving edged crept shot jumped climbed pushed put revised sent".split())


def find_quantities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every amount of money and percentage in a text, kind "MONEY" or
    "PERCENT", without overlaps (the earlier, then the longer match wins).

    Examples:
        >>> find_quantities("Sales rose 4% to 36bn kroner, or $5.2bn.")
        [(11, 13, 'PERCENT'), (17, 28, 'MONEY'), (33, 39, 'MONEY')]
    """
    found = []
    for pattern, kind in ((_MONEY_BEFORE, "MONEY"), (_MONEY_AFTER, "MONEY"), (_PERCENT, "PERCENT"), (_MONEY_SUBUNIT, "MONEY")):
        found += [(m.start(), m.end(), kind) for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[tuple[int, int, str]] = []
    for start, end, kind in found:
        if out and start < out[-1][1]:
            continue
        out.append((start, end, kind))
    return out


#: Offices news names by their initials, compared as written out, so that "Australia's PM" and
#: "Australia's prime minister" are one office.
TITLE_ABBREVIATIONS = {"pm": "prime minister", "ceo": "chief executive"}


@functools.lru_cache(maxsize=1 << 16)
def title_key(title: str) -> str:
    """The form titles are compared in: lower case, no dots, hyphens as spaces, single spaces,
    initials written out.

    Remembered: resolution asks it for the same few thousand titles tens of thousands of times.

    Examples:
        >>> title_key("Chief  Executive"), title_key("Director-General"), title_key("Deputy PM")
        ('chief executive', 'director general', 'deputy prime minister')
    """
    words = title.lower().replace(".", "").replace("-", " ").split()
    return " ".join(TITLE_ABBREVIATIONS.get(w, w) for w in words)
