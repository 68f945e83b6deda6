"""Closed relations read off noun phrases and verbs: where people live, where organisations and
places are, who works for whom and who killed whom. Real sentences through the whole pipeline
(rules only, so the figures do not depend on the shipped classifier).
"""
from __future__ import annotations

import pytest

from kg.extract import extract_documents
from kg.model import Document
from kg.nlp import parse_documents

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def triples_of(nlp):
    """``triples_of(text)``: the (subject name, predicate, object name) triples the rules read."""
    cache: dict[str, set[tuple[str, str, str]]] = {}

    def run(text: str) -> set[tuple[str, str, str]]:
        if text not in cache:
            doc = Document("t", text, "test", segments=((0, len(text)),))
            (extraction,) = extract_documents(parse_documents(nlp, [doc]), classifier=None)
            cache[text] = {(s.subject.name, s.predicate, s.object.mention.name) for s in extraction.statements if s.object.mention and s.polarity == "positive"}
        return cache[text]

    return run


def test_closed_relations_town_and_state_apposition(triples_of) -> None:
    found = triples_of("The new plant opened in Spartanburg, S.C., last spring.")
    assert ("Spartanburg", "locatedIn", "S.C.") in found


def test_closed_relations_company_of_town_and_state(triples_of) -> None:
    found = triples_of("The Harlow Tool Co. of Cedar Rapids, Iowa, makes drill bits.")
    assert ("Harlow Tool Co.", "basedIn", "Cedar Rapids") in found
    # What is in the town is in its state too.
    assert ("Harlow Tool Co.", "basedIn", "Iowa") in found
    assert ("Cedar Rapids", "locatedIn", "Iowa") in found


def test_closed_relations_organisation_in_town(triples_of) -> None:
    found = triples_of("Mary Lopez, a lawyer for the National Rifle Association in Fairfax, Va., declined to comment.")
    assert ("National Rifle Association", "basedIn", "Fairfax") in found
    assert ("Mary Lopez", "worksFor", "National Rifle Association") in found


def test_closed_relations_list_of_countries_is_no_containment(triples_of) -> None:
    found = triples_of("Envoys from Russia, Japan, Poland and Brazil signed the accord in Geneva.")
    assert not any(p == "locatedIn" for _, p, _ in found)


def test_closed_relations_born_in_gives_home_town(triples_of) -> None:
    found = triples_of("In 1847, inventor Thomas Edison was born in Milan, Ohio.")
    assert ("Thomas Edison", "livesIn", "Milan") in found
    assert ("Thomas Edison", "livesIn", "Ohio") in found


def test_closed_relations_resident_of(triples_of) -> None:
    found = triples_of("Jane Doe, a resident of Toledo, won the state lottery on Friday.")
    assert ("Jane Doe", "livesIn", "Toledo") in found


def test_closed_relations_killer_apposition(triples_of) -> None:
    found = triples_of("Mark Chapman, the killer of John Lennon, was denied parole again.")
    assert ("Mark Chapman", "kills", "John Lennon") in found


def test_closed_relations_assassination_of_by(triples_of) -> None:
    found = triples_of("The assassination of President Abraham Lincoln by John Wilkes Booth shocked the nation.")
    assert ("John Wilkes Booth", "kills", "Abraham Lincoln") in found


def test_closed_relations_shot_is_a_killing(triples_of) -> None:
    found = triples_of("Jack Ruby shot Lee Harvey Oswald in the basement of the police station.")
    assert ("Jack Ruby", "kills", "Lee Harvey Oswald") in found


def test_closed_relations_convicted_of_murdering(triples_of) -> None:
    found = triples_of("James Earl Ray, convicted of murdering Martin Luther King, died in prison.")
    assert ("James Earl Ray", "kills", "Martin Luther King") in found


def test_closed_relations_lower_case_title_before_name(triples_of) -> None:
    found = triples_of("The fire is under control, said Forest Service spokeswoman Linda Brown.")
    assert ("Linda Brown", "holdsPosition", "spokeswoman") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The small model reads the town as a second company, or as part of the first.
        ("The Harlow Tool Co. of Randolph makes drill bits.", [("Harlow Tool Co.", "ORG"), ("Randolph", "GPE")]),
        ("Officials at Brennan Paper Co. of Oakdale said so.", [("Brennan Paper Co.", "ORG"), ("Oakdale", "GPE")]),
        ("TOLEDO, Ohio (AP) _ City workers went on strike.", [("TOLEDO", "GPE"), ("Ohio", "GPE"), ("AP", "ORG")]),
        ("The statue was moved from Saint-Malo, France, last week.", [("Saint-Malo", "GPE"), ("France", "GPE"), ("last week", "DATE")]),
    ],
)
def test_closed_relations_entities_town_names(nlp, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.text, e.label_) for e in nlp(text).ents] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LD0102030405 Geneva SWISSINFO in English 1200 GMT 2 Mar 94", ("SWISSINFO", "ORG")),
        ("Beirut AN-NAHAR in Arabic 3 Mar 94 p 2", ("AN-NAHAR", "ORG")),
    ],
)
def test_closed_relations_entities_wire_source_in_capitals(nlp, text: str, expected: tuple[str, str]) -> None:
    assert expected in [(e.text, e.label_) for e in nlp(text).ents]


def test_closed_relations_entities_capitals_after_place_need_a_source_line(nlp) -> None:
    # Capitals after a place, but followed by an ordinary word: not a source line.
    assert all(e.label_ != "ORG" for e in nlp("Talks in Geneva ENDED without a deal.").ents)


def test_closed_relations_entities_capitals_mid_sentence_are_no_source(nlp) -> None:
    ents = [(e.text, e.label_) for e in nlp("Mr. Smith met John SMITH in Paris.").ents]
    assert ("SMITH", "ORG") not in ents
