"""Tests for kg.gazetteer: surface forms and demonyms -> ISO codes, codes -> labels."""
from __future__ import annotations

from importlib import resources

import pycountry
import pytest

from kg.gazetteer import country_code, country_name, demonym_code, is_country


def _demonym_rows() -> list[tuple[str, list[str]]]:
    """(code, forms) for every data row of kg/data/demonyms.tsv."""
    table = resources.files("kg").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    rows = []
    for line in table.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, adjective, *rest = line.split("\t")
        forms = [adjective, *(rest[0].split(",") if rest else [])]
        rows.append((code, [form.strip() for form in forms if form.strip()]))
    return rows


@pytest.mark.parametrize(
    "text",
    ["U.S.", "US", "U.S.A.", "USA", "United States", "United States of America", "America",
     "the United States", "THE UNITED STATES", "U. S."],
)
def test_gazetteer_us_variants_resolve_to_us(text):
    assert country_code(text) == "US"


@pytest.mark.parametrize("text", ["us", "Us", "u.s.", "usa"])
def test_gazetteer_lower_case_abbreviation_is_not_a_country(text):
    assert country_code(text) is None


@pytest.mark.parametrize("text", ["IT", "NO", "ME", "TO", "IN", "FR", "DEU", "CHN", "GBR"])
def test_gazetteer_arbitrary_iso_codes_are_not_countries(text):
    assert country_code(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("U.K.", "GB"), ("UAE", "AE"), ("U.A.E.", "AE"), ("P.R.C.", "CN"), ("DPRK", "KP"),
     ("ROK", "KR"), ("DRC", "CD"), ("KSA", "SA")],
)
def test_gazetteer_curated_abbreviations_resolve(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [("Russia", "RU"), ("South Korea", "KR"), ("North Korea", "KP"), ("Iran", "IR"), ("Syria", "SY"),
     ("Vietnam", "VN"), ("Laos", "LA"), ("Bolivia", "BO"), ("Venezuela", "VE"), ("Tanzania", "TZ"),
     ("Moldova", "MD"), ("Taiwan", "TW"), ("Czech Republic", "CZ"), ("Czechia", "CZ"),
     ("Ivory Coast", "CI"), ("Cote d'Ivoire", "CI"), ("Britain", "GB"), ("Great Britain", "GB"),
     ("United Kingdom", "GB"), ("the Netherlands", "NL"), ("Turkey", "TR"), ("Türkiye", "TR"),
     ("Macedonia", "MK"), ("North Macedonia", "MK"), ("Burma", "MM"), ("Myanmar", "MM"),
     ("DR Congo", "CD"), ("Congo-Brazzaville", "CG"), ("Palestine", "PS"), ("Vatican", "VA"),
     ("Micronesia", "FM"), ("Brunei", "BN"), ("Cape Verde", "CV"), ("Swaziland", "SZ"),
     ("Eswatini", "SZ"), ("East Timor", "TL"), ("St. Lucia", "LC"), ("Guinea Bissau", "GW"),
     ("Trinidad & Tobago", "TT"), ("Georgia", "GE")],
)
def test_gazetteer_common_names_and_variants_resolve(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    "text",
    ["Washington", "Delhi", "New Delhi", "Beijing", "Moscow", "London", "Europe", "Asia",
     "South America", "Africa", "Indo-Pacific", "Holland", "", "the"],
)
def test_gazetteer_capitals_and_regions_are_not_countries(text):
    assert country_code(text) is None
    assert not is_country(text)


@pytest.mark.parametrize("text", ["Congo", "Korea"])
def test_gazetteer_ambiguous_names_resolve_to_nothing(text):
    assert country_code(text) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [("the Gambia", "GM"), ("The Bahamas", "BS"), ("Côte d\u2019Ivoire", "CI"),
     ("Democratic People\u2019s Republic of Korea", "KP"), ("the Philippines", "PH")],
)
def test_gazetteer_leading_the_and_curly_apostrophes_are_ignored(text, code):
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("word", "code"),
    [("Indian", "IN"), ("Chinese", "CN"), ("Russian", "RU"), ("American", "US"), ("Americans", "US"),
     ("Indians", "IN"), ("British", "GB"), ("Britons", "GB"), ("South Korean", "KR"),
     ("Emirati", "AE"), ("Saudi", "SA"), ("Filipinos", "PH"), ("Bissau-Guinean", "GW")],
)
def test_gazetteer_demonyms_resolve(word, code):
    assert demonym_code(word) == code


@pytest.mark.parametrize("word", ["Korean", "Congolese", "Dominican", "European", "Asian"])
def test_gazetteer_ambiguous_or_regional_demonyms_resolve_to_nothing(word):
    assert demonym_code(word) is None


@pytest.mark.parametrize("word", ["indian", "INDIAN", "chinese"])
def test_gazetteer_demonyms_need_a_capital_initial(word):
    assert demonym_code(word) is None


def test_gazetteer_every_demonym_row_has_a_valid_code():
    valid = {country.alpha_2 for country in pycountry.countries}
    for code, forms in _demonym_rows():
        assert code in valid, code
        assert forms, code


def test_gazetteer_every_demonym_resolves_to_its_row_or_is_ambiguous():
    codes_by_form: dict[str, set[str]] = {}
    for code, forms in _demonym_rows():
        for form in forms:
            codes_by_form.setdefault(form, set()).add(code)
    for form, codes in codes_by_form.items():
        expected = next(iter(codes)) if len(codes) == 1 else None
        assert demonym_code(form) == expected, form


@pytest.mark.parametrize(
    ("code", "name"),
    [("US", "United States"), ("RU", "Russia"), ("KR", "South Korea"), ("GB", "United Kingdom"),
     ("KP", "North Korea"), ("TR", "Turkey"), ("CI", "Ivory Coast"), ("FR", "France")],
)
def test_gazetteer_country_name_gives_the_news_label(code, name):
    assert country_name(code) == name


def test_gazetteer_country_name_rejects_unknown_codes():
    with pytest.raises(KeyError, match="ZZ"):
        country_name("ZZ")


def test_gazetteer_country_name_round_trips_for_every_pycountry_code():
    for country in pycountry.countries:
        assert country_code(country_name(country.alpha_2)) == country.alpha_2, country.alpha_2
