"""Governments as organisations (kg.extract.governments): "the Russian government", the article's
own government, names the model tagged, and what is no government at all. Our own sentences."""
from __future__ import annotations

import pytest

from kg.extract import extract_documents
from kg.model import Document
from kg.nlp import parse_documents

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def read(nlp):
    """``read(text)``: (mentions {text: (type, name, key)}, statements {(subject, predicate, object)})."""
    def run(text: str):
        document = Document("g", text, "test", segments=((0, len(text)),))
        (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
        mentions = {m.text: (m.type, m.name, m.key) for m in extraction.mentions}
        facts = {(s.subject.name, s.predicate, (s.object.mention or s.object.title).name if s.object.quantity is None else None)
                 for s in extraction.statements}
        return mentions, facts

    return run


def test_governments_a_national_adjective_names_the_country(read) -> None:
    mentions, facts = read("The Russian government sued the oil firm Yukos.")
    assert mentions["Russian government"][:2] == ("Organization", "Government of Russia")
    assert ("Government of Russia", "sues", "Yukos") in facts


def test_governments_a_seat_of_government_names_the_government(read) -> None:
    mentions, _ = read("The Kremlin said the sale was legal, and the White House disagreed.")
    assert mentions["Kremlin"][1] == "Government of Russia"
    assert mentions["White House"][1] == "Government of the United States"


def test_governments_a_bare_government_is_the_article_country(read) -> None:
    mentions, _ = read("Britain's economy grew. Unemployment in Britain fell. Critics accused the government of complacency.")
    assert mentions["government"][1] == "Government of the United Kingdom"


def test_governments_the_of_phrase_is_part_of_the_name(read) -> None:
    mentions, facts = read("The government of Nigeria wants to triple cocoa output.")
    assert mentions["government of Nigeria"][1] == "Government of Nigeria"
    assert not any(p == "basedIn" for _, p, _ in facts)


def test_governments_a_tagged_name_joins_the_same_government(read) -> None:
    mentions, _ = read("The US Government appealed. The American government said it would win.")
    assert mentions["US Government"][2] == mentions["American government"][2]


def test_governments_with_no_country_stay_in_their_article(read) -> None:
    mentions, _ = read("Critics accused the government of complacency.")
    assert mentions["government"][2].endswith("#g")


def test_governments_other_levels_and_modifiers_are_not_governments(read) -> None:
    mentions, _ = read("Local government workers in France held a strike over government bonds.")
    assert not any(key.startswith("organization:government") for _, _, key in mentions.values())


def test_governments_a_city_named_government_is_not_the_article_country(read) -> None:
    mentions, _ = read("Britain's economy grew. Unemployment in Britain fell. He was respected by the Dublin government and by unionists.")
    assert not any(name == "Government of the United Kingdom" for _, name, _ in mentions.values())


def test_governments_a_committee_named_after_administration_is_no_government(read) -> None:
    mentions, _ = read("Britain's economy grew. Unemployment in Britain fell. Lord Woolf gave evidence to the Commons public administration select committee.")
    assert not any(name == "Government of the United Kingdom" for _, name, _ in mentions.values())


def test_governments_government_as_an_idea_is_no_government(read) -> None:
    mentions, _ = read("Britain's economy grew. Unemployment in Britain fell. The Tories believe in small government and open government.")
    assert not any(key.startswith("organization:government") for _, _, key in mentions.values())
