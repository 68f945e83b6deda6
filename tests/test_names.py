"""Names read per document (kg.extract.names): one type per name from all its occurrences and
their context, short forms and acronyms joined to the long name, missed names found again.
Real texts through the extract stage; the checks are on the mentions it returns."""
from __future__ import annotations

import pytest

from kg.extract import extract_documents
from kg.model import Document
from kg.nlp import parse_documents

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def mentions(nlp):
    """``mentions(text)``: {surface text: (type, key)} of the extract stage's mentions."""
    def read(text: str) -> dict[str, tuple[str, str]]:
        document = Document("n", text, "test", segments=((0, len(text)),))
        (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
        return {m.text: (m.type, m.key) for m in extraction.mentions}

    return read


def test_names_party_short_forms_and_adjectives_are_one_party(mentions) -> None:
    found = mentions("The Tories attacked Labour. Tory leader Michael Howard spoke. The Conservative Party said so.")
    assert found["Tories"] == found["Tory"] == found["Conservative Party"] == ("Organization", "organization:conservative party")


def test_names_acronym_takes_the_key_of_its_expansion(mentions) -> None:
    found = mentions("The Food and Agriculture Organisation published a report. The FAO said crops had grown.")
    assert found["FAO"][1] == found["Food and Agriculture Organisation"][1]


def test_names_short_form_joins_the_long_name(mentions) -> None:
    found = mentions("Nortel Networks restated its accounts. Nortel said the restatement was complete.")
    assert found["Nortel"][1] == found["Nortel Networks"][1]


def test_names_first_name_alone_is_the_one_full_name(mentions) -> None:
    found = mentions("Anil Ambani left the board in June. Anil said he would start a new firm.")
    assert found["Anil"][1] == found["Anil Ambani"][1]


def test_names_context_decides_the_type_over_the_model(mentions) -> None:
    found = mentions("Sibneft, a Russian oil company, posted a profit. Shares in Sibneft rose. Sibneft said so.")
    assert {found[t][0] for t in found if t == "Sibneft"} == {"Organization"}


def test_names_cities_are_places(mentions) -> None:
    found = mentions("Speaking in Gateshead, the minister said the North East would gain jobs.")
    assert found["Gateshead"][0] == "Place"


def test_names_the_nations_of_the_uk_are_countries(mentions) -> None:
    assert mentions("Unemployment fell in Scotland and Wales last year.")["Scotland"] == ("Country", "country:GB-SCT")


def test_names_courtesy_title_makes_a_person(mentions) -> None:
    found = mentions("Liberal Democrat peer Lord Carlile said the law was wrong.")
    assert found["Lord Carlile"][0] == "Person"


def test_names_a_name_found_once_is_found_again(mentions) -> None:
    found = mentions("Barclays, the UK's third-biggest bank, reported profits. Analysts said Barclays had done well.")
    assert "Barclays" in found and found["Barclays"][0] == "Organization"
