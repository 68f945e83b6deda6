"""Country gazetteer: a surface form ("U.S.", "the Netherlands", "Indian") -> ISO 3166-1 alpha-2 code,
and a code -> the common English name used as the entity label ("US" -> "United States").
"""
from __future__ import annotations

import functools
import unicodedata
from importlib import resources

from kg.model import Mention

# A "country" here is any ISO 3166-1 entry, so territories ("Puerto Rico", "Hong Kong", "Greenland")
# and Antarctica resolve too, and the four nations of the United Kingdom ("Scotland", by its ISO
# 3166-2 code GB-SCT), which news treats as countries. Capitals ("Washington", "New Delhi"),
# continents and regions ("Europe", "Indo-Pacific") are not entries and stay places. Some entries share their name with other things: "Georgia" is always the country (never the
# US state), and names match case-insensitively, so "Jordan", "Chad" and "turkey" resolve whenever the
# caller asks; pass spans the NER tagged as GPE/NORP, not arbitrary tokens.

#: Abbreviations written in capitals, with or without dots ("U.S.", "US"). Matched case-sensitively
#: after dots and spaces are dropped, so the pronoun "us" never matches. Arbitrary alpha-2/alpha-3
#: codes are deliberately absent: "IT", "NO", "ME", "TO" are English words far more often than states.
ABBREVIATIONS: dict[str, str] = {
    "US": "US",
    "USA": "US",
    "UK": "GB",
    "UAE": "AE",
    "PRC": "CN",
    "DPRK": "KP",
    "ROK": "KR",
    "DRC": "CD",
    "KSA": "SA",
}

#: The entity label for each code where news usage differs from pycountry, or where pycountry has
#: changed its spelling between releases (it renamed Turkey "Türkiye" and dropped Russia's common name),
#: so the label stays stable. News agencies (AP, Reuters) write "Ivory Coast", "Cape Verde", "East Timor".
LABELS: dict[str, str] = {
    "US": "United States",
    "GB": "United Kingdom",
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "LA": "Laos",
    "TW": "Taiwan",
    "BO": "Bolivia",
    "VE": "Venezuela",
    "TZ": "Tanzania",
    "MD": "Moldova",
    "CZ": "Czechia",
    "TR": "Turkey",
    "MK": "North Macedonia",
    "MM": "Myanmar",
    "SZ": "Eswatini",
    "PS": "Palestine",
    "VA": "Vatican City",
    "CI": "Ivory Coast",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "BN": "Brunei",
    "FM": "Micronesia",
    "CV": "Cape Verde",
    "TL": "East Timor",
    "MO": "Macau",
    "FK": "Falkland Islands",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

#: Other spellings pycountry lacks, beyond its names and the labels above (all matched case-insensitively).
#: "Holland" is left out on purpose: it names two Dutch provinces, not the state.
NAME_VARIANTS: dict[str, tuple[str, ...]] = {
    "US": ("America", "United States of America"),
    "GB": ("Britain", "Great Britain"),
    "CN": ("Mainland China",),
    "KR": ("Republic of Korea", "S. Korea", "Korea, South"),
    "KP": ("Democratic People's Republic of Korea", "N. Korea", "Korea, North"),
    "LA": ("Lao PDR",),
    "TW": ("Republic of China", "Chinese Taipei"),
    "CZ": ("Czech Republic",),
    "CI": ("Côte d'Ivoire",),
    "TR": ("Türkiye",),
    "MK": ("Macedonia", "Former Yugoslav Republic of Macedonia"),
    "MM": ("Burma",),
    "CD": ("Democratic Republic of Congo", "DR Congo", "Congo-Kinshasa"),
    "CG": ("Republic of Congo", "Congo Republic", "Congo-Brazzaville"),
    "PS": ("State of Palestine", "Palestinian Territories", "Occupied Palestinian Territory"),
    "VA": ("Vatican", "Holy See", "Vatican City State"),
    "FM": ("Federated States of Micronesia",),
    "CV": ("Cabo Verde",),
    "SZ": ("Swaziland",),
    "TL": ("Timor-Leste",),
    "BA": ("Bosnia",),
    "IE": ("Republic of Ireland",),
    "FK": ("Falklands",),
}

#: Names that fit two states equally; pycountry calls the Republic of the Congo plain "Congo",
#: but news uses it for either Congo, so it resolves to nothing rather than to a guess.
AMBIGUOUS_NAMES = frozenset({"Congo", "Korea"})

# Curly and modifier apostrophes become "'"; dots vanish ("U.S." -> "US", "St." -> "St");
# hyphens and dashes become spaces ("Guinea-Bissau" = "Guinea Bissau"); "&" is spelt out.
_PUNCTUATION = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        ".": "",
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2013": " ",
        "\u2014": " ",
        "&": " and ",
    }
)


@functools.lru_cache(maxsize=16_384)
def _fold(text: str) -> str:
    """Drop accents and a leading "the", normalise punctuation and whitespace; keep case.

    Kept for the words and names seen last: every entity span of every passage asks the country
    and demonym tables, mostly about the same few thousand strings."""
    # Accents are dropped so the "Cote d'Ivoire" and "Curacao" of ASCII newswires match pycountry.
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = plain.translate(_PUNCTUATION).split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    return " ".join(words)


def _name_keys(name: str) -> tuple[str, ...]:
    """Lookup keys for a country name: the folded form, plus "st" for a leading "saint"."""
    key = _fold(name).casefold()
    if key.startswith("saint "):
        return (key, "st " + key.removeprefix("saint "))
    return (key,)


@functools.cache
def _countries() -> dict[str, object]:
    """Alpha-2 code -> pycountry record, loaded on first use."""
    # Imported here: pycountry takes ~70 ms to import, and most kg commands never resolve a country.
    import pycountry

    return {country.alpha_2: country for country in pycountry.countries}


@functools.cache
def _name_index() -> dict[str, str]:
    """Folded, case-folded name -> alpha-2 code for every name, label and curated variant."""
    index: dict[str, str] = {}
    for code, country in _countries().items():
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                index.update(dict.fromkeys(_name_keys(value), code))
    # Curated spellings go in last so that they win any clash with a pycountry name.
    for code, names in NAME_VARIANTS.items():
        for name in names:
            index.update(dict.fromkeys(_name_keys(name), code))
    for code in _countries():
        index.update(dict.fromkeys(_name_keys(country_name(code)), code))
    for name in AMBIGUOUS_NAMES:
        for key in _name_keys(name):
            index.pop(key, None)
    return index


@functools.cache
def _demonym_index() -> dict[str, str]:
    """Folded demonym (case kept) -> alpha-2 code, from data/demonyms.tsv; ambiguous forms dropped."""
    table = resources.files("kg").joinpath("data/demonyms.tsv").read_text(encoding="utf-8")
    codes_by_form: dict[str, set[str]] = {}
    for line in table.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        code, adjective, *rest = line.split("\t")
        forms = [adjective, *(rest[0].split(",") if rest else [])]
        for form in filter(None, (f.strip() for f in forms)):
            codes_by_form.setdefault(_fold(form), set()).add(code)
    # A form listed under two codes ("Korean", "Congolese") names neither state for certain.
    return {form: codes.pop() for form, codes in codes_by_form.items() if len(codes) == 1}


#: The nations of the United Kingdom, which news treats as countries: ISO 3166-2 subdivision codes.
NATIONS = {
    "England": "GB-ENG", "Scotland": "GB-SCT", "Wales": "GB-WLS", "Northern Ireland": "GB-NIR",
}
_NATION_NAMES = {code: name for name, code in NATIONS.items()}
_NATION_DEMONYMS = {"Scottish": "GB-SCT", "Welsh": "GB-WLS", "Scots": "GB-SCT"}


def country_code(text: str) -> str | None:
    """Resolve a country name or abbreviation to its ISO 3166-1 alpha-2 code.

    Names (pycountry names, official and common names, curated news spellings) match
    case-insensitively, ignoring a leading "the", dots, accents and curly apostrophes. The curated
    abbreviations ("U.S.", "UK", "PRC", "DPRK", ...) match only in capitals.

    Args:
        text: A surface form such as "the United States", "U.S.A." or "Côte d’Ivoire".

    Returns:
        The alpha-2 code, or None when the text names no country (including capitals,
        continents, ambiguous names such as "Congo", and bare ISO codes such as "IT").

    Examples:
        >>> country_code("U.S.")
        'US'
        >>> country_code("the United States of America")
        'US'
        >>> country_code("Britain")
        'GB'
        >>> country_code("us") is None
        True
        >>> country_code("Washington") is None
        True
    """
    folded = _fold(text)
    if not folded:
        return None
    nation = NATIONS.get(" ".join(text.split()).removeprefix("the "))
    if nation is not None:
        return nation
    abbreviation = ABBREVIATIONS.get(folded.replace(" ", ""))
    if abbreviation is not None:
        return abbreviation
    return _name_index().get(folded.casefold())


def demonym_code(word: str) -> str | None:
    """Resolve a demonym or nationality noun used for a state to its ISO 3166-1 alpha-2 code.

    Covers every UN member state plus Palestine and Taiwan (table: kg/data/demonyms.tsv),
    adjectives and nationality nouns alike ("Indian", "Indians", "Briton"). Only the capitalised
    spelling matches, since lower-case "french windows" or "china" are not the states.

    Args:
        word: A demonym such as "Chinese", "South Korean" or "Americans".

    Returns:
        The alpha-2 code, or None for unknown or ambiguous demonyms ("Korean", "Congolese").

    Examples:
        >>> demonym_code("Indian")
        'IN'
        >>> demonym_code("Americans")
        'US'
        >>> demonym_code("Korean") is None
        True
        >>> demonym_code("indian") is None
        True
    """
    return _NATION_DEMONYMS.get(word.strip()) or _demonym_index().get(_fold(word))


#: First halves of two-nation adjectives that are no demonym on their own ("Anglo-Dutch",
#: "Franco-German", "Sino-Japanese").
_COMBINING_FORMS = {"Anglo": "GB", "Franco": "FR", "Sino": "CN", "Russo": "RU", "Italo": "IT"}


def pair_half_code(word: str, first: bool) -> str | None:
    """The country one half of a two-nation adjective names ("Anglo" and "Dutch" in "Anglo-Dutch",
    "US" and "German" in "US-German"), or None when the word names none.

    Examples:
        >>> pair_half_code("Anglo", first=True), pair_half_code("Dutch", first=False)
        ('GB', 'NL')
        >>> pair_half_code("US", first=True)
        'US'
        >>> pair_half_code("Anglo", first=False) is None
        True
    """
    if first and word in _COMBINING_FORMS:
        return _COMBINING_FORMS[word]
    return demonym_code(word) or country_code(word)


def country_name(code: str) -> str:
    """Give the common English name used as the entity label for a country code.

    The label is the news spelling ("Russia", "South Korea", "Ivory Coast") where it differs from
    pycountry; otherwise pycountry's common name if it has one, else its name.

    Args:
        code: An ISO 3166-1 alpha-2 code such as "US" (case-insensitive).

    Returns:
        The label, which `country_code` resolves back to the same code.

    Raises:
        KeyError: If the code is not an ISO 3166-1 alpha-2 code.

    Examples:
        >>> country_name("US")
        'United States'
        >>> country_name("RU")
        'Russia'
        >>> country_name("FR")
        'France'
    """
    key = code.strip().upper()
    if key in LABELS:
        return LABELS[key]
    if key in _NATION_NAMES:
        return _NATION_NAMES[key]
    country = _countries().get(key)
    if country is None:
        raise KeyError(f"unknown country code {code!r}; expected an ISO 3166-1 alpha-2 code such as 'US'")
    return getattr(country, "common_name", None) or country.name


def is_country(text: str) -> bool:
    """Tell whether a surface form names a country (see `country_code`).

    Args:
        text: A surface form such as "India" or "Delhi".

    Returns:
        True when `country_code` resolves the text.

    Examples:
        >>> is_country("India")
        True
        >>> is_country("New Delhi")
        False
    """
    return country_code(text) is not None


#: First-level regions news datelines name after a city ("Greenville, S.C.", "Dayton, Ohio",
#: "Halifax, Nova Scotia"): US states with their AP-style abbreviations, and Canadian provinces.
#: Each entry is "name|abbreviation|...", matched case-sensitively with the dots dropped.
_REGION_TABLE = """
Alabama|Ala Alaska Arizona|Ariz Arkansas|Ark California|Calif|Cal Colorado|Colo Connecticut|Conn
Delaware|Del Florida|Fla Georgia|Ga Hawaii Idaho Illinois|Ill Indiana|Ind Iowa Kansas|Kan|Kans
Kentucky|Ky Louisiana|La Maine Maryland|Md Massachusetts|Mass Michigan|Mich Minnesota|Minn
Mississippi|Miss Missouri|Mo Montana|Mont Nebraska|Neb|Nebr Nevada|Nev New_Hampshire|NH
New_Jersey|NJ New_Mexico|NM New_York|NY North_Carolina|NC North_Dakota|ND Ohio Oklahoma|Okla
Oregon|Ore|Oreg Pennsylvania|Pa|Penn Rhode_Island|RI South_Carolina|SC South_Dakota|SD
Tennessee|Tenn Texas|Tex Utah Vermont|Vt Virginia|Va Washington|Wash West_Virginia|W_Va|WVa
Wisconsin|Wis|Wisc Wyoming|Wyo District_of_Columbia|DC
Ontario|Ont Quebec|Que British_Columbia|BC Alberta|Alta Manitoba|Man Saskatchewan|Sask
Nova_Scotia|NS New_Brunswick|NB Newfoundland|Nfld Prince_Edward_Island|PEI
England Scotland Wales Northern_Ireland
Bedfordshire|Beds Berkshire|Berks Buckinghamshire|Bucks Cambridgeshire|Cambs Cheshire Cornwall
Cumbria Derbyshire Devon Dorset County_Durham Essex Gloucestershire|Glos Hampshire|Hants
Herefordshire Hertfordshire|Herts Isle_of_Wight Kent Lancashire|Lancs Leicestershire|Leics
Lincolnshire|Lincs Merseyside Norfolk Northamptonshire|Northants Northumberland
Nottinghamshire|Notts Oxfordshire|Oxon Rutland Shropshire Somerset Staffordshire|Staffs Suffolk
Surrey East_Sussex West_Sussex Warwickshire Wiltshire|Wilts Worcestershire|Worcs
North_Yorkshire South_Yorkshire West_Yorkshire East_Yorkshire Greater_Manchester West_Midlands
Tyne_and_Wear Aberdeenshire Argyll Ayrshire Clackmannanshire Dumfriesshire Dunbartonshire
Fife Lanarkshire North_Lanarkshire South_Lanarkshire Lothian East_Lothian West_Lothian Midlothian
Perthshire Renfrewshire Stirlingshire Anglesey Carmarthenshire Ceredigion Denbighshire
Flintshire Gwynedd Monmouthshire Pembrokeshire Powys Glamorgan Antrim Armagh Fermanagh
Londonderry Tyrone
New_South_Wales|NSW Queensland Tasmania South_Australia Western_Australia
Northern_Territory
Andhra_Pradesh Assam Bihar Gujarat Haryana Jharkhand Karnataka Kerala Madhya_Pradesh
Maharashtra Odisha Orissa Punjab Rajasthan Tamil_Nadu Telangana Uttar_Pradesh Uttarakhand
West_Bengal Kashmir Jammu_and_Kashmir Sindh Balochistan Khyber_Pakhtunkhwa
Bavaria Saxony Hesse Brandenburg Catalonia Andalucia Andalusia Lombardy Tuscany Sicily Sardinia
"""


@functools.cache
def _region_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in _REGION_TABLE.split():
        name, *abbreviations = (form.replace("_", " ") for form in entry.split("|"))
        for form in (name, *abbreviations):
            index[form.replace(".", "")] = name
    return index


def region_name(text: str) -> str | None:
    """The full name of a region a town is placed in, written out or abbreviated, else None: a
    US state, a Canadian province, a county or nation of the UK, an Australian or Indian state, a
    Pakistani province or one of Europe's best-known regions.

    Only the capitalised spelling matches. Short abbreviations such as "Miss." or "Va." are
    words or names elsewhere, so callers use this after a comma that follows a place name.

    Examples:
        >>> region_name("S.C.")
        'South Carolina'
        >>> region_name("Mass")
        'Massachusetts'
        >>> region_name("Ohio")
        'Ohio'
        >>> region_name("ohio") is None
        True
    """
    return _region_index().get(" ".join(text.replace(".", "").split()))


# --- political parties -----------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _parties() -> tuple[dict[str, str], dict[str, str]]:
    """(name -> canonical name, adjective -> canonical name) from ``kg/data/parties.tsv``."""
    names: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    text = resources.files("kg").joinpath("data/parties.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, others, adjs = (line.split("\t") + ["", "", ""])[:3]
        for name in [canonical, *filter(None, others.split("|"))]:
            names[name] = canonical
        for adj in filter(None, adjs.split("|")):
            adjectives[adj] = canonical
    return names, adjectives


def party_name(text: str, before_title: bool = False) -> str | None:
    """The canonical name of a political party from a name, short form or adjective, or None.

    Adjectives that are also common words ("Conservative", "Republican", "Green") name the party
    only with ``before_title`` (the word stands before a title or member noun: "Conservative MP").

    Examples:
        >>> party_name("Tories"), party_name("Lib Dem"), party_name("Labour")
        ('Conservative Party', 'Liberal Democrats', 'Labour Party')
        >>> party_name("Republican"), party_name("Republican", before_title=True)
        (None, 'Republican Party')
    """
    names, adjectives = _parties()
    text = " ".join(text.replace("’", "'").split())
    if text.endswith("'s"):
        text = text[:-2]
    found = names.get(text)
    if found is None and before_title:
        found = adjectives.get(text)
    return found


def is_party(name: str) -> bool:
    """A political party's name: one :func:`party_name` knows, or capitalised words ending in
    "Party" ("Scottish Conservative Party", "Pakistan People's Party").

    Examples:
        >>> is_party("Tories"), is_party("Democratic Unionist Party"), is_party("Apple")
        (True, True, False)
    """
    words = name.split()
    return party_name(name) is not None or (len(words) > 1 and words[-1] == "Party" and all(w[:1].isupper() for w in words))


@functools.lru_cache(maxsize=1)
def _party_countries() -> dict[str, str]:
    text = resources.files("kg").joinpath("data/parties.tsv").read_text(encoding="utf-8")
    rows = [(line.split("\t") + ["", "", ""])[:4] for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row[0]: row[3] for row in rows if row[3]}


def party_country(name: str) -> str | None:
    """The country whose government a party's ministers form ("Labour Party" -> "GB"), or None.

    Examples:
        >>> party_country("Labour Party"), party_country("Green Party")
        ('GB', None)
    """
    return _party_countries().get(name)


def party_forms() -> tuple[tuple[str, ...], ...]:
    """Every party name and short form as a tuple of words, longest first (for span matching)."""
    names, adjectives = _parties()
    forms = {tuple(n.split()) for n in names} | {tuple(a.split()) for a in adjectives}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


# --- cities ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    text = resources.files("kg").joinpath("data/cities.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_city(text: str) -> bool:
    """True for a city or town that news often names ("Gateshead", "Riyadh"); case matters.

    Examples:
        >>> is_city("Riyadh"), is_city("Reading")
        (True, False)
    """
    return " ".join(text.split()) in _cities()


@functools.lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    text = resources.files("kg").joinpath("data/towns.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def is_town(text: str) -> bool:
    """True for a UK town or a large city elsewhere (GeoNames, ``kg/data/towns.txt``): weaker
    evidence than `is_city`, since some are also surnames or clubs ("Bolton", "Derby").

    Examples:
        >>> is_town("Salford"), is_town("Reading")
        (True, False)
    """
    return " ".join(text.split()) in _towns()


# --- first names -----------------------------------------------------------------------------

_MALE_HONORIFICS = frozenset({"mr", "mr.", "sir", "lord", "baron", "viscount", "earl", "king", "prince"})
_FEMALE_HONORIFICS = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "baroness", "queen", "princess"})

@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    text = resources.files("kg").joinpath("data/first_names.tsv").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a first name the gazetteer knows ("Alan", "Tessa").

    >>> is_first_name("Alan"), is_first_name("Blairite")
    (True, False)
    """
    return word.lower() in _first_names()


def gender_of(mention: Mention) -> str | None:
    """"m", "f" or None (unknown) for a person mention, from its honorific or first name.

    Examples:
        >>> gender_of(Mention("d", 0, 10, "Mrs Howard", "Person", "Howard", "person:howard"))
        'f'
        >>> gender_of(Mention("d", 0, 14, "Michael Howard", "Person", "Michael Howard", "person:michael howard"))
        'm'
    """
    words = mention.text.split()
    if not words:
        return None
    first = words[0].lower()
    if first in _MALE_HONORIFICS:
        return "m"
    if first in _FEMALE_HONORIFICS:
        return "f"
    names = mention.name.split()
    if len(names) > 1:
        return _first_names().get(names[0].lower())
    return None
