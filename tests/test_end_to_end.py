"""End to end: article text -> knowledge graph, checked as readable statement rows.

The seed article (seeds/, its text duplicated by the scraper) is checked claim by claim; short
passages written here cover other people, countries and constructions: negation, passives,
coordination, hedges, titles, appositions and tariffs between third countries.
"""
from __future__ import annotations

from collections import Counter

import pytest

pytestmark = pytest.mark.model

JAISHANKAR = "S. Jaishankar"
RUBIO = "Marco Rubio"
US = "United States"
SYMMETRIC = {"meets", "speaksWith"}


def _only(found: list) -> object:
    assert len(found) == 1, f"expected exactly one statement, got {found}"
    return found[0]


def _between(rows, graph, predicate: str, a: str, b: str, **fields) -> list:
    """Rows of a symmetric predicate between a and b, in either direction."""
    return rows(graph, a, predicate, b, **fields) + rows(graph, b, predicate, a, **fields)


# --- the seed article -------------------------------------------------------------------------


def test_end_to_end_jaishankar_meets_rubio_once(sample_graph, rows):
    row = _only(_between(rows, sample_graph, "meets", JAISHANKAR, RUBIO))
    assert (row.date, row.location, row.polarity, row.modality) == ("2026-02-04", "Washington", "positive", "asserted")


def test_end_to_end_jaishankar_meets_bessent_once(sample_graph, rows):
    row = _only(_between(rows, sample_graph, "meets", JAISHANKAR, "Scott Bessent"))
    assert (row.date, row.location, row.polarity, row.modality) == ("2026-02-04", "Washington", "positive", "asserted")


def test_end_to_end_trump_speaks_with_modi_once(sample_graph, rows):
    row = _only(_between(rows, sample_graph, "speaksWith", "Donald Trump", "Narendra Modi"))
    assert row.polarity == "positive"


def test_end_to_end_us_tariffs_on_india_three_rates(sample_graph, rows):
    found = rows(sample_graph, US, "tariffOn", "India")
    assert sorted(r.rate for r in found) == [18, 25, 50]


def test_end_to_end_jaishankar_holds_external_affairs_minister(sample_graph, rows):
    _only(rows(sample_graph, JAISHANKAR, "holdsPosition", "External Affairs Minister", polarity="positive"))
    assert len(rows(sample_graph, JAISHANKAR, "holdsPosition", "External Affairs Minister")) == 1


def test_end_to_end_rubio_holds_secretary_of_state(sample_graph, rows):
    _only(rows(sample_graph, RUBIO, "holdsPosition", "Secretary of State", polarity="positive"))
    assert len(rows(sample_graph, RUBIO, "holdsPosition", "Secretary of State")) == 1


def test_end_to_end_jaishankar_attends_ministerial(sample_graph, rows):
    row = _only(rows(sample_graph, JAISHANKAR, "attends", "Critical Minerals Ministerial"))
    assert (row.date, row.location, row.polarity) == ("2026-02-04", "Washington", "positive")


def test_end_to_end_india_hosts_ai_summit(sample_graph, rows):
    row = _only(rows(sample_graph, "India", "hosts", "Artificial Intelligence Impact Summit"))
    assert (row.date, row.polarity) == ("2026-02", "positive")


def test_end_to_end_rubio_visit_to_india_is_negative(sample_graph, rows):
    found = rows(sample_graph, RUBIO, "visits", "India")
    assert found, "the negated visit ('has thus far not visited India') should be kept as a negative statement"
    assert {r.polarity for r in found} == {"negative"}


def test_end_to_end_quad_summit_hosting_not_asserted(sample_graph, rows):
    # "the government still hopes to host the Quad summit this year, which it was unable to do in 2025"
    assert rows(sample_graph, predicate="hosts", object="Quad summit", modality="asserted") == []


def test_end_to_end_no_junk_entity_labels(sample_graph):
    labels = [e.label for e in sample_graph.entities]
    assert "NO COMMENT" not in labels
    assert "Mr." not in labels
    assert [label for label in labels if label.isupper()] == []


def test_end_to_end_jaishankar_is_one_entity(sample_graph):
    forms = {"Jaishankar", "Mr. Jaishankar", "S. Jaishankar"}
    found = [e for e in sample_graph.entities if forms & ({e.label} | set(e.aliases))]
    assert len(found) == 1
    assert found[0].type == "Person"
    assert forms <= {found[0].label} | set(found[0].aliases)


def test_end_to_end_united_states_is_one_entity(sample_graph):
    found = [e for e in sample_graph.entities if {"U.S.", "United States"} & ({e.label} | set(e.aliases))]
    assert [(e.entity_id, e.type) for e in found] == [("country/united-states", "Country")]


def test_end_to_end_no_duplicate_claims(sample_graph):
    claims = []
    for s in sample_graph.statements:
        obj = sample_graph.entity_id(s.object.mention) if s.object.mention else s.object.title.name if s.object.title else s.object.quantity.value
        ends = [sample_graph.entity_id(s.subject), obj]
        if s.predicate in SYMMETRIC:
            ends = sorted(ends, key=str)
        rate = s.qualifiers.rate.value if s.qualifiers.rate else None
        claims.append((*ends, s.predicate, rate, s.polarity, s.modality))
    assert [c for c, n in Counter(claims).items() if n > 1] == []


def test_end_to_end_evidence_offsets_match_text(sample_graph):
    texts = {d.doc_id: d.text for d in sample_graph.documents}
    for s in sample_graph.statements:
        ev = s.evidence
        assert texts[ev.doc_id][ev.start : ev.end] == ev.sentence


def test_end_to_end_evidence_cites_first_copy(sample_graph):
    # The seed article is pasted twice; evidence must point into the first copy.
    texts = {d.doc_id: d.text for d in sample_graph.documents}
    late = [s.evidence for s in sample_graph.statements if s.evidence.start >= len(texts[s.evidence.doc_id]) // 2]
    assert late == []


def test_end_to_end_mention_offsets_match_text(sample_graph):
    texts = {d.doc_id: d.text for d in sample_graph.documents}
    mentions = [m for e in sample_graph.entities for m in e.mentions]
    mentions += [m for s in sample_graph.statements for m in (s.subject, s.object.mention) if m is not None]
    assert mentions
    assert [m for m in mentions if texts[m.doc_id][m.start : m.end] != m.text] == []


# --- short passages ---------------------------------------------------------------------------

EUROPE = (
    "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on March 3, 2024. "
    "Mr. Macron did not meet Italian Prime Minister Giorgia Meloni. "
    "Macron is expected to visit Japan next month.\n"
)


def test_end_to_end_passage_titles_and_meeting(extract_texts, rows):
    graph = extract_texts(EUROPE)
    row = _only(_between(rows, graph, "meets", "Emmanuel Macron", "Olaf Scholz"))
    assert (row.date, row.location, row.polarity) == ("2024-03-03", "Paris", "positive")
    assert _only(rows(graph, "Emmanuel Macron", "holdsPosition", "President")).affiliation == "France"
    assert _only(rows(graph, "Olaf Scholz", "holdsPosition", "Chancellor")).affiliation == "Germany"
    assert _only(rows(graph, "Giorgia Meloni", "holdsPosition", "Prime Minister")).affiliation == "Italy"


def test_end_to_end_passage_negated_meeting_and_expected_visit(extract_texts, rows):
    graph = extract_texts(EUROPE)
    assert {r.polarity for r in _between(rows, graph, "meets", "Emmanuel Macron", "Giorgia Meloni")} == {"negative"}
    row = _only(rows(graph, "Emmanuel Macron", "visits", "Japan"))
    assert (row.polarity, row.modality) == ("positive", "expected")


def test_end_to_end_passage_honorific_joins_full_name(extract_texts):
    graph = extract_texts(EUROPE)
    (macron,) = [e for e in graph.entities if e.label == "Emmanuel Macron"]
    assert {"Macron", "Mr. Macron"} <= set(macron.aliases)
    assert [e.label for e in graph.entities if "Macron" in e.label] == ["Emmanuel Macron"]


TARIFFS = (
    "Canada imposed a 25% tariff on China on Tuesday. "
    "Canada did not impose tariffs on Mexico. "
    "Brazil may impose a 10% tariff on Argentina. "
    "The United States imposed a 145% tariff on China in April 2025.\n"
)


def test_end_to_end_passage_tariffs_between_third_countries(extract_texts, rows):
    graph = extract_texts(TARIFFS)
    assert [(r.rate, r.polarity, r.modality) for r in rows(graph, "Canada", "tariffOn", "China")] == [(25, "positive", "asserted")]
    assert [(r.rate, r.polarity, r.modality) for r in rows(graph, "Brazil", "tariffOn", "Argentina")] == [(10, "positive", "possible")]
    assert [(r.rate, r.date) for r in rows(graph, US, "tariffOn", "China")] == [(145, "2025-04")]


def test_end_to_end_passage_negated_tariff_not_positive(extract_texts, rows):
    graph = extract_texts(TARIFFS)
    assert rows(graph, "Canada", "tariffOn", "Mexico", polarity="positive") == []
    assert rows(graph, predicate="tariffOn", object="India") == []


SUMMIT = (
    "The Africa Climate Summit was hosted by Kenya in Nairobi in September 2023. "
    "Ethiopia and Nigeria attended the Africa Climate Summit. "
    "Egypt did not attend the Africa Climate Summit.\n"
)


def test_end_to_end_passage_passive_host_and_coordinated_attendees(extract_texts, rows):
    graph = extract_texts(SUMMIT)
    row = _only(rows(graph, "Kenya", "hosts", "Africa Climate Summit"))
    assert (row.date, row.location, row.polarity) == ("2023-09", "Nairobi", "positive")
    attendees = {r.subject for r in rows(graph, predicate="attends", object="Africa Climate Summit", polarity="positive")}
    assert attendees == {"Ethiopia", "Nigeria"}
    assert {e.type for e in graph.entities if e.label == "Africa Climate Summit"} == {"Event"}


def test_end_to_end_passage_negated_attendance(extract_texts, rows):
    graph = extract_texts(SUMMIT)
    assert {r.polarity for r in rows(graph, "Egypt", "attends", "Africa Climate Summit")} == {"negative"}
    assert rows(graph, "Africa Climate Summit", "hosts") == []


DIPLOMACY = (
    "Australian Foreign Minister Penny Wong, a veteran politician, spoke with Chinese Foreign Minister Wang Yi on Friday. "
    "Wong said the talks were constructive. "
    "Ms. Wong has never visited Beijing.\n"
)


def test_end_to_end_passage_foreign_ministers_talk(extract_texts, rows):
    graph = extract_texts(DIPLOMACY)
    assert _only(_between(rows, graph, "speaksWith", "Penny Wong", "Wang Yi")).polarity == "positive"
    assert _only(rows(graph, "Penny Wong", "holdsPosition", "Foreign Minister")).affiliation == "Australia"
    assert _only(rows(graph, "Wang Yi", "holdsPosition", "Foreign Minister")).affiliation == "China"


def test_end_to_end_passage_never_visited_is_negative(extract_texts, rows):
    graph = extract_texts(DIPLOMACY)
    assert {r.polarity for r in rows(graph, "Penny Wong", "visits", "Beijing")} == {"negative"}
    # "a veteran politician" is a description, not a title.
    assert {r.object for r in rows(graph, "Penny Wong", "holdsPosition")} == {"Foreign Minister"}
    (wong,) = [e for e in graph.entities if e.label == "Penny Wong"]
    assert {"Wong", "Ms. Wong"} <= set(wong.aliases)


AMERICAS = (
    "Lula da Silva, the president of Brazil, met Argentine President Javier Milei in Brasilia on May 5, 2025. "
    "Japan was invited to the G7 summit by Italy. "
    "Prime Minister Fumio Kishida attended the G7 summit in Apulia.\n"
)


def test_end_to_end_passage_apposition_title(extract_texts, rows):
    graph = extract_texts(AMERICAS)
    assert _only(rows(graph, "Lula da Silva", "holdsPosition", "president")).affiliation == "Brazil"
    assert _only(rows(graph, "Javier Milei", "holdsPosition", "President")).affiliation == "Argentina"
    row = _only(_between(rows, graph, "meets", "Lula da Silva", "Javier Milei"))
    assert (row.date, row.location) == ("2025-05-05", "Brasilia")


def test_end_to_end_passage_passive_invitation(extract_texts, rows):
    graph = extract_texts(AMERICAS)
    assert _only(rows(graph, "Japan", "invitedTo", "G7 summit")).polarity == "positive"
    # The agent of the passive ("by Italy") invites; it is not invited.
    assert rows(graph, "Italy", "invitedTo") == []
    assert _only(rows(graph, "Fumio Kishida", "attends", "G7 summit")).location == "Apulia"
    assert _only(rows(graph, "Fumio Kishida", "holdsPosition", "Prime Minister")).polarity == "positive"


INVITES = (
    "Spain was not invited to the G20 summit. "
    "Portugal and Greece were invited to the NATO summit by the United States. "
    "Chile attended the G20 summit.\n"
)


def test_end_to_end_passage_coordinated_passive_invitees(extract_texts, rows):
    graph = extract_texts(INVITES)
    invited = {r.subject for r in rows(graph, predicate="invitedTo", object="NATO summit", polarity="positive")}
    assert invited == {"Portugal", "Greece"}
    assert {r.polarity for r in rows(graph, "Spain", "invitedTo", "G20 summit")} == {"negative"}
    assert rows(graph, US, "invitedTo") == []


def test_end_to_end_passage_hedge_adverb_sets_modality(extract_texts, rows):
    graph = extract_texts(
        "Prime Minister Fumio Kishida attended the G7 summit in Apulia. "
        "Kishida reportedly criticized Russia. "
        "Kishida allegedly met Joe Biden in Tokyo.\n"
    )
    assert [r.modality for r in rows(graph, "Fumio Kishida", "criticizes", "Russia")] == ["reported"]
    assert [r.modality for r in _between(rows, graph, "meets", "Fumio Kishida", "Joe Biden")] == ["claimed"]


def test_end_to_end_passage_surname_after_full_name_is_person(extract_texts, rows):
    graph = extract_texts(
        "Chancellor Olaf Scholz met President Joe Biden in Berlin. "
        "Scholz and Biden discussed Ukraine. "
        "Both leaders praised the talks.\n"
    )
    assert [e.label for e in graph.entities if e.type != "Person" and e.label in {"Scholz", "Biden"}] == []
    assert {r.subject for r in rows(graph, predicate="discusses", object="Ukraine")} == {"Olaf Scholz", "Joe Biden"}


def test_end_to_end_passage_unrecognised_surname_keeps_statement(extract_texts, rows):
    graph = extract_texts(
        "Javier Milei met Lula da Silva in Brasilia on May 5, 2025. "
        "Milei is expected to visit China later this year. "
        "The two leaders spoke for an hour.\n"
    )
    assert [r.modality for r in rows(graph, "Javier Milei", "visits", "China")] == ["expected"]


# --- several documents ------------------------------------------------------------------------


def test_end_to_end_same_text_twice_is_one_document(extract_texts):
    graph = extract_texts(SUMMIT, SUMMIT, names=["a.txt", "b.txt"])
    assert len(graph.documents) == 1
    assert len({s.evidence.doc_id for s in graph.statements}) == 1


def test_end_to_end_person_joins_across_documents(extract_texts):
    graph = extract_texts(
        "British Prime Minister Keir Starmer met French President Emmanuel Macron in London on July 10, 2025. "
        "The two leaders discussed migration.\n",
        "Mr. Starmer visited Washington on August 18, 2025. Mr. Starmer met Donald Trump at the White House.\n",
    )
    assert len(graph.documents) == 2
    found = [e for e in graph.entities if "Starmer" in e.label or any("Starmer" in a for a in e.aliases)]
    assert [e.label for e in found] == ["Keir Starmer"]
    assert {m.doc_id for m in found[0].mentions} == {d.doc_id for d in graph.documents}
    assert "Mr. Starmer" in found[0].aliases


def test_end_to_end_passage_pledged_money_is_a_literal_amount(extract_texts, rows):
    graph = extract_texts("Japan committed $5 billion to the fund on Monday, March 2, 2026.\n")
    found = rows(graph, "Japan", "commitsTo")
    assert [(r.object, r.date) for r in found] == [(5_000_000_000, "2026-03-02")]
    (statement,) = [s for s in graph.statements if s.predicate == "commitsTo"]
    assert statement.object.quantity.currency == "USD"
    assert statement.qualifiers.amount == statement.object.quantity
