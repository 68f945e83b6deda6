"""Support and opposition from verbs, role nouns and the acts that stand for their doers, on our own sentences."""
from __future__ import annotations

import pytest

from conftest import has

pytestmark = pytest.mark.model


def test_support_a_supporter_apposition_supports(facts) -> None:
    assert has(facts("Gerhard Schroeder, a staunch supporter of the Kyoto Protocol, spoke on Monday."), "Gerhard Schroeder", "supports", "Kyoto Protocol")


def test_support_an_opponent_opposes(facts) -> None:
    found = facts("Nick Clegg is an opponent of the Iraq War.")
    assert any(f.subject == "Nick Clegg" and f.predicate == "supports" and f.polarity == "negative" for f in found)


def test_support_congratulating_someone_supports_them(facts) -> None:
    assert has(facts("The Refugee Alliance congratulated Michael Howard on his stance."), "Refugee Alliance", "supports", "Michael Howard")


def test_support_welcoming_a_decision_supports_who_took_it(facts) -> None:
    assert has(facts("The UK has welcomed the decision by India to open a bus link."), "United Kingdom", "supports", "India")


def test_support_a_firms_board_backs_in_the_firms_name(facts) -> None:
    assert has(facts("Nortel's directors have backed Siemens. Siemens said it was pleased."), "Nortel", "supports", "Siemens")


def test_support_a_named_modifier_of_support_is_the_supporter(facts) -> None:
    assert has(facts("Canadian support for the Kyoto Protocol has wavered."), "Canada", "supports", "Kyoto Protocol")


def test_support_a_party_before_opposition_opposes(facts) -> None:
    found = facts("Tory opposition to the Hunting Act grew.")
    assert any(f.subject == "Conservative Party" and f.predicate == "supports" and f.object == "Hunting Act" and f.polarity == "negative" for f in found)


def test_support_an_act_stands_for_who_made_it_through_the_participle(facts) -> None:
    assert has(facts("Labour ridiculed the claims made on Monday by Michael Howard."), "Labour Party", "criticizes", "Michael Howard")


def test_support_welcoming_a_decision_by_several_supports_each(facts) -> None:
    found = facts("The EU has welcomed the decision by Peru and Chile to reopen the border.")
    assert has(found, "EU", "supports", "Peru")
    assert has(found, "EU", "supports", "Chile")
