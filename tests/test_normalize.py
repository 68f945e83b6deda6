"""Tests for kg.normalize: date and number text -> ISO dates, offsets and Quantity values."""
from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize import find_quantities, number_value, parse_offset, parse_quantity, resolve_date, shift_date
from kg.model import Quantity

ANCHOR = date(2026, 2, 4)  # a Wednesday
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
CURRENCY = re.compile(r"[A-Z]{3}")
# Words that reach every date rule, so generated phrases exercise more than the None path.
DATE_WORDS = (
    "on in last next this early later February Feb. March may 4 4th 29 2026 1999 0000 9999 , ( ) "
    "today yesterday tomorrow Monday Wednesday Sunday year month of the 2026-02-04 2026-13-45"
).split()
QUANTITY_WORDS = (
    "$ US$ € £ ¥ ₹ Rs Rs. 18 1,200 1,00,000 2.5 0 twenty - % percent per cent bn m k crore lakh "
    "dollars euros USD"
).split()


@pytest.mark.parametrize(
    "text",
    [
        "February 4, 2026",
        "Feb. 4, 2026",
        "4 February 2026",
        "2026-02-04",
        "Wednesday (February 4, 2026)",
        "on Wednesday, February 4, 2026",
        "February 4th, 2026",
        "the 4th of February 2026",
        "Feb 4-5, 2026",
    ],
)
def test_normalize_full_date(text):
    assert resolve_date(text, ANCHOR) == "2026-02-04"
    assert resolve_date(text, None) == "2026-02-04"


def test_normalize_parenthesised_date_wins():
    assert resolve_date("Monday (February 4, 2026)", ANCHOR) == "2026-02-04"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("December 2025", "2025-12"), ("in November 2024", "2024-11"), ("January of 2025", "2025-01")],
)
def test_normalize_month_and_year(text, expected):
    assert resolve_date(text, None) == expected


@pytest.mark.parametrize("text", ["2025", "in 2025", "by 2025."])
def test_normalize_year_only(text):
    assert resolve_date(text, None) == "2025"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February", "2026-02"),
        ("later in February", "2026-02"),
        ("early March", "2026-03"),
        ("mid-March", "2026-03"),
        ("in January this year", "2026-01"),
        ("January last year", "2025-01"),
        ("last January", "2026-01"),
        ("last March", "2025-03"),
        ("next March", "2026-03"),
        ("next January", "2027-01"),
        ("this March", "2026-03"),
        ("February 10", "2026-02-10"),
        ("10 March", "2026-03-10"),
    ],
)
def test_normalize_month_resolved_against_anchor(text, expected):
    assert resolve_date(text, ANCHOR) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this year", "2026"),
        ("earlier this year", "2026"),
        ("last year", "2025"),
        ("next year", "2027"),
        ("this month", "2026-02"),
        ("last month", "2026-01"),
        ("next month", "2026-03"),
        ("today", "2026-02-04"),
        ("yesterday", "2026-02-03"),
        ("tomorrow", "2026-02-05"),
    ],
)
def test_normalize_relative_period(text, expected):
    assert resolve_date(text, ANCHOR) == expected


def test_normalize_relative_month_crosses_year():
    assert resolve_date("last month", date(2026, 1, 15)) == "2025-12"
    assert resolve_date("next month", date(2025, 12, 15)) == "2026-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wednesday", "2026-02-04"),  # the anchor itself
        ("Monday", "2026-02-02"),
        ("on Monday", "2026-02-02"),
        ("Thursday", "2026-01-29"),  # six days back, never forward
        ("last Monday", "2026-02-02"),
        ("last Wednesday", "2026-01-28"),
        ("next Wednesday", "2026-02-11"),
        ("next Friday", "2026-02-06"),
    ],
)
def test_normalize_weekday_nearest_before_anchor(text, expected):
    assert resolve_date(text, ANCHOR) == expected


@pytest.mark.parametrize(
    "text", ["February", "this year", "last month", "today", "Monday", "in January this year", "March 3"]
)
def test_normalize_relative_without_anchor_is_none(text):
    assert resolve_date(text, None) is None


@pytest.mark.parametrize(
    "text",
    [
        "two days", "a year", "seventh", "recent", "last week", "the 1990s", "",
        "February 30, 2026", "$2000", "may",
    ],  # fmt: skip
)
def test_normalize_unresolvable_date_is_none(text):
    assert resolve_date(text, ANCHOR) is None


def test_normalize_datetime_anchor_gives_plain_date():
    assert resolve_date("yesterday", datetime(2026, 2, 4, 15, 30)) == "2026-02-03"


def test_normalize_offset_phrase_resolves_base_date():
    assert resolve_date("two days after February 4, 2026", ANCHOR) == "2026-02-04"


@pytest.mark.parametrize(
    ("iso", "days", "expected"),
    [
        ("2026-02-04", 2, "2026-02-06"),
        ("2026-02-27", 2, "2026-03-01"),
        ("2026-01-01", -1, "2025-12-31"),
        ("2026-02", 2, None),
        ("2026", 2, None),
        ("2026-02-30", 1, None),
        ("9999-12-31", 1, None),
    ],
)
def test_normalize_shift_date(iso, days, expected):
    assert shift_date(iso, days) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two days after", 2),
        ("three days before", -3),
        ("a week after", 7),
        ("2 weeks earlier", -14),
        ("the next day", 1),
        ("the following day", 1),
        ("the day before", -1),
        ("the previous day", -1),
        ("a day later", 1),
        ("twenty days later", 20),
        ("five days ago", -5),
        ("two hours after", None),
        ("the days before", None),
        ("recently", None),
    ],
)
def test_normalize_parse_offset(text, expected):
    assert parse_offset(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("18%", 18),
        ("18 %", 18),
        ("18 percent", 18),
        ("18 per cent", 18),
        ("25.5%", 25.5),
        ("five percent", 5),
        ("about -0.5%", -0.5),
    ],
)
def test_normalize_percentage(text, value):
    quantity = parse_quantity(text)
    assert quantity == Quantity(value=value, text=text, unit="percent")
    assert type(quantity.value) is type(value)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$500 billion", 500_000_000_000, "USD"),
        ("$1.2 trillion", 1_200_000_000_000, "USD"),
        ("$ 4.25", 4.25, "USD"),
        ("US$3 million", 3_000_000, "USD"),
        ("€20 million", 20_000_000, "EUR"),
        ("£5bn", 5_000_000_000, "GBP"),
        ("¥100", 100, "JPY"),
        ("Rs 500 crore", 5_000_000_000, "INR"),
        ("₹500 crore", 5_000_000_000, "INR"),
        ("Rs. 2 lakh", 200_000, "INR"),
        ("500 million dollars", 500_000_000, "USD"),
        ("20 million euros", 20_000_000, "EUR"),
        ("100,000 pounds", 100_000, "GBP"),
        ("$3bn", 3_000_000_000, "USD"),
        ("$3m", 3_000_000, "USD"),
        ("€3k", 3_000, "EUR"),
        ("USD 20", 20, "USD"),
    ],
)
def test_normalize_money(text, value, currency):
    quantity = parse_quantity(text)
    assert quantity == Quantity(value=value, text=text, currency=currency)
    assert type(quantity.value) is type(value)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("40 euro cents", 0.4, "EUR"),
        ("25 cents", 0.25, "USD"),
        ("40 US cents", 0.4, "USD"),
        ("8.5 cents", 0.085, "USD"),
        ("530 pence", 5.3, "GBP"),
        ("300p", 3, "GBP"),
        ("1,250p", 12.5, "GBP"),
    ],
)
def test_normalize_money_in_hundredths_of_a_currency(text, value, currency):
    assert parse_quantity(text) == Quantity(value=value, text=text, currency=currency)


def test_normalize_a_percentage_is_not_read_as_cents():
    assert parse_quantity("18 per cent").unit == "percent"


def test_normalize_hundredths_are_found_whole_in_a_sentence():
    text = "The dividend rose to 40 euro cents, and shares to 300p, not 2pm."
    assert [text[s:e] for s, e, _ in find_quantities(text)] == ["40 euro cents", "300p"]


@pytest.mark.parametrize("text", ["18", "3bn", "1,200", "twenty", "", "growth", "1,2%", "2pm", "3pc"])
def test_normalize_plain_number_is_not_quantity(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("18", 18),
        ("1,200", 1200),
        ("1,00,000", 100_000),
        ("2.5", 2.5),
        ("twenty", 20),
        ("twenty-five", 25),
        ("500 billion", 500_000_000_000),
        ("abc", None),
        ("1,2", None),
        ("", None),
    ],
)
def test_normalize_number_value(text, value):
    result = number_value(text)
    assert result == value
    assert type(result) is type(value)


@settings(deadline=None)
@given(
    text=st.text() | st.lists(st.sampled_from(DATE_WORDS), max_size=6).map(" ".join),
    anchor=st.none() | st.dates(),
)
def test_normalize_resolve_date_never_raises(text, anchor):
    result = resolve_date(text, anchor)
    assert result is None or ISO.fullmatch(result)
    if result is not None and len(result) == 10:
        date.fromisoformat(result)


@settings(deadline=None)
@given(text=st.text() | st.lists(st.sampled_from(QUANTITY_WORDS), max_size=5).map(" ".join))
def test_normalize_parse_quantity_never_raises(text):
    result = parse_quantity(text)
    if result is not None:
        assert isinstance(result, Quantity) and result.text == text
        assert isinstance(result.value, int | float)
        # Exactly one of unit and currency: a percentage, or money with an ISO 4217 code.
        is_money = bool(result.currency and CURRENCY.fullmatch(result.currency))
        assert (result.unit == "percent") != is_money


@settings(deadline=None)
@given(text=st.text() | st.lists(st.sampled_from(QUANTITY_WORDS + DATE_WORDS), max_size=5).map(" ".join))
def test_normalize_offset_and_number_never_raise(text):
    assert parse_offset(text) is None or isinstance(parse_offset(text), int)
    assert number_value(text) is None or isinstance(number_value(text), int | float)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [("Adollars 846m", 846_000_000, "AUD"), ("HKdollars 6.31bn", 6_310_000_000, "HKD"), ("USdollars 42m", 42_000_000, "USD"), ("NZdollars 5", 5, "NZD")],
)
def test_normalize_a_dollar_sign_spelt_out_after_its_country_is_that_country_s_dollar(text, value, currency):
    # Plain-text feeds write A$846m as "Adollars 846m".
    assert parse_quantity(text) == Quantity(value=value, text=text, currency=currency)


def test_normalize_a_word_ending_in_dollars_is_no_currency_before_an_amount():
    assert find_quantities("Petrodollars 5 times over") == []
