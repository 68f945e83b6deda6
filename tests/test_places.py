"""Where organisations are based, from how news names them (kg.extract.places)."""
from __future__ import annotations

import pytest

from conftest import has

pytestmark = pytest.mark.model


def test_places_country_and_kind_before_a_name(facts) -> None:
    assert has(facts("US banking giant Citigroup sold its insurance arm."), "Citigroup", "basedIn", "United States")


def test_places_town_and_kind_before_a_name(facts) -> None:
    assert has(facts("Detroit carmaker General Motors cut jobs."), "General Motors", "basedIn", "Detroit")


def test_places_apposition_naming_a_kind_and_a_country(facts) -> None:
    assert has(facts("Barclays Bank, the UK's third-biggest bank, raised its profits."), "Barclays Bank", "basedIn", "United Kingdom")


def test_places_based_modifier_with_a_describing_phrase(facts) -> None:
    assert has(facts("Aberdeen-based oil consultancy Blackwatch won the contract."), "Blackwatch", "basedIn", "Aberdeen")


def test_places_coordinated_names_share_their_place(facts) -> None:
    found = facts("Chrysler avoided the fate of US rivals Ford and General Motors.")
    assert has(found, "Ford", "basedIn", "United States") and has(found, "General Motors", "basedIn", "United States")



def test_places_a_singular_kind_describes_only_the_name_it_stands_before(facts) -> None:
    found = facts("The drug was developed by UK firm Phytopharm and Unilever.")
    assert has(found, "Phytopharm", "basedIn", "United Kingdom")
    assert not has(found, "Unilever", "basedIn", "United Kingdom")

def test_places_possessive_country_is_home(facts) -> None:
    assert has(facts("Germany's Deutsche Bank is expected to join the project."), "Deutsche Bank", "basedIn", "Germany")


def test_places_two_nation_adjective_names_both_homes(facts) -> None:
    found = facts("Anglo-Dutch oil giant Royal Dutch Shell raised its dividend.")
    assert has(found, "Royal Dutch Shell", "basedIn", "United Kingdom") and has(found, "Royal Dutch Shell", "basedIn", "Netherlands")


def test_places_two_nation_adjective_of_an_apposition(facts) -> None:
    found = facts("Reed Elsevier, the Anglo-Dutch publisher, cut jobs.")
    assert has(found, "Reed Elsevier", "basedIn", "United Kingdom") and has(found, "Reed Elsevier", "basedIn", "Netherlands")


def test_places_two_nation_adjective_of_two_demonyms(facts) -> None:
    found = facts("The US-German carmaker DaimlerChrysler sold more cars in China.")
    assert has(found, "DaimlerChrysler", "basedIn", "United States") and has(found, "DaimlerChrysler", "basedIn", "Germany")


def test_places_two_nation_adjective_inside_a_name_is_the_name(facts) -> None:
    found = facts("Anglo-Irish Bank raised its profits.")
    assert not any(f.predicate == "basedIn" for f in found)


def test_places_capital_apposition_locates_the_city(facts) -> None:
    assert has(facts("Bombs exploded in Kabul, the capital of Afghanistan."), "Kabul", "locatedIn", "Afghanistan")


def test_places_possessive_place_contains_the_place(facts) -> None:
    assert has(facts("Fans gathered at London's Wembley Stadium."), "Wembley Stadium", "locatedIn", "London")


def test_places_a_name_that_starts_with_its_country(facts) -> None:
    found = facts("The US Federal Reserve raised rates. Growth in the US was strong.")
    assert has(found, "US Federal Reserve", "basedIn", "United States")


def test_places_a_name_that_starts_with_its_country_names_it_when_nothing_else_does(facts) -> None:
    found = facts("US Federal Reserve chairman Alan Greenspan gave a speech in Kirkcaldy.")
    (based,) = [f for f in found if f.subject == "US Federal Reserve" and f.predicate == "basedIn"]
    assert based.object == "United States"


def test_places_a_party_named_after_its_country_is_not_based_by_its_name(facts) -> None:
    found = facts("The Scottish National Party and the British National Party met in Leeds.")
    assert not any(f.predicate == "basedIn" for f in found)


def test_places_a_name_coordinated_with_one_that_starts_with_its_country_does_not_share_it(facts) -> None:
    found = facts("Reports from the US Treasury and the Inter-American Development Bank have said so.")
    assert has(found, "US Treasury", "basedIn", "United States")
    assert not any(f.subject == "Inter-American Development Bank" and f.predicate == "basedIn" for f in found)


def test_places_a_site_named_after_a_country_is_not_based_there(facts) -> None:
    assert not any(f.predicate == "basedIn" for f in facts("Scotland Yard said the policing operation had been reviewed."))


def test_places_a_party_in_a_place_is_its_local_branch_not_its_base(facts) -> None:
    assert not any(f.predicate == "basedIn" for f in facts("The golden share used by the Lib Dems in South Shropshire could be rolled out."))
    assert has(facts("The Red Cross in Geneva said the camps were full."), "Red Cross", "basedIn", "Geneva")


def test_places_kind_before_its_name_in_an_apposition(facts) -> None:
    found = facts("Critics attacked Britain's financial watchdog, the Financial Services Authority, over its rules.")
    assert has(found, "Financial Services Authority", "basedIn", "United Kingdom")


def test_places_town_comma_county_is_in_the_county(facts) -> None:
    assert has(facts("She spoke at a rally in Swindon, Wiltshire."), "Swindon", "locatedIn", "Wiltshire")


def test_places_town_in_county_is_in_it_wherever_the_parser_hangs_the_phrase(facts) -> None:
    assert has(facts("The factory is in Banbury in Oxfordshire."), "Banbury", "locatedIn", "Oxfordshire")


def test_places_a_city_is_not_placed_in_the_country_its_government_influences(facts) -> None:
    assert not any(f.predicate == "locatedIn" for f in facts("Beijing's influence in Hong Kong is growing."))


def test_places_a_list_of_towns_and_counties_places_none_in_another(facts) -> None:
    found = facts("He toured Leeds, Bristol, Norfolk, Swindon and Kent last week.")
    assert not any(f.predicate == "locatedIn" for f in found)


def test_places_a_firm_s_headquarters_are_where_it_is_based(facts) -> None:
    assert has(facts("Standard Chartered has its headquarters in London."), "Standard Chartered", "basedIn", "London")


def test_places_an_office_elsewhere_is_no_base(facts) -> None:
    assert not any(f.predicate == "basedIn" for f in facts("Tesco opened an office in Delhi last year."))


def test_places_a_name_with_its_own_kind_does_not_take_a_neighbours_country(facts) -> None:
    found = facts("Companies such as Saab - the Swedish arm of US carmaker General Motors - and retailer Ahold have slashed jobs.")
    assert has(found, "Saab", "basedIn", "Sweden")
    assert not any(f.subject == "Ahold" and f.predicate == "basedIn" for f in found)


def test_places_nationality_before_a_city_of_locates_the_city(facts) -> None:
    assert has(facts("Rail links now run between the Chinese city of Harbin and Moscow."), "Harbin", "locatedIn", "China")


def test_places_possessive_before_a_named_province_contains_it(facts) -> None:
    assert has(facts("Rebels attacked Iraq's Anbar province on Monday."), "Anbar", "locatedIn", "Iraq")


def test_places_a_named_seat_in_a_county_is_in_it(facts) -> None:
    assert has(facts("She hopes to win the Hexham seat in Northumberland next year."), "Hexham", "locatedIn", "Northumberland")


def test_places_a_direction_within_a_city_after_a_comma_contains_the_place(facts) -> None:
    assert has(facts("Pupils from a school in Croydon, south London, visited the museum."), "Croydon", "locatedIn", "London")


def test_places_a_city_s_state_of_is_not_inside_the_city(facts) -> None:
    found = facts("Officials in Turin's region of Piedmont opposed the plan.")
    assert not has(found, "Piedmont", "locatedIn", "Turin")


def test_places_pairs_of_places_in_a_list_keep_to_their_own_pair(facts) -> None:
    found = facts("It has opened new offices in Basra in Iraq, Kabul in Afghanistan and Pyongyang in North Korea since 1997.")
    assert has(found, "Kabul", "locatedIn", "Afghanistan") and not has(found, "Kabul", "locatedIn", "Pyongyang")


def test_places_a_possessive_after_the_comma_is_no_region(facts) -> None:
    found = facts("Trade between Lyon, Spain's main partner, and Madrid grew.")
    assert not any(f.predicate == "locatedIn" for f in found)


def test_places_a_possessive_on_a_kind_of_place_in_apposition_contains_it(facts) -> None:
    assert has(facts("Lyon, France's second city, has grown fast."), "Lyon", "locatedIn", "France")


def test_places_a_title_after_the_comma_is_no_region(facts) -> None:
    found = facts("The scheme was launched in Glasgow, Wales Secretary Ann Cole and Scotland Secretary Tom Reid said.")
    assert not has(found, "Glasgow", "locatedIn", "Wales")


def test_places_a_place_before_an_organisations_office_owns_the_office(facts) -> None:
    assert not any(f.predicate == "basedIn" for f in facts("London's Labour mayor Ken Hale attacked the plan."))


def test_places_a_country_holding_a_unions_presidency_is_not_its_base(facts) -> None:
    assert not any(f.predicate == "basedIn" for f in facts("Austria's EU presidency begins in January."))


def test_places_a_peer_of_a_place_does_not_live_there_by_his_title(facts) -> None:
    found = facts("Lord Walker of Gestingthorpe, the one law lord to oppose the appeal, spoke on Monday.")
    assert not any(f.predicate == "livesIn" for f in found)


def test_places_a_person_of_a_town_lives_there(facts) -> None:
    assert has(facts("Mr Jones, of Woodbridge, Suffolk, has resigned."), "Jones", "livesIn", "Woodbridge")


def test_places_a_trade_acronym_inside_the_kind_phrase_keeps_the_country(facts) -> None:
    assert has(facts("The MPs found American IT giant EDS' system was failing."), "EDS", "basedIn", "United States")


def test_places_a_based_description_after_an_of_phrase_is_that_organisation_s(facts) -> None:
    found = facts("Paul Hofheinz of the Lisbon Council, a Brussels-based citizen action group, said growth was slow.")
    assert {(f.subject, f.object) for f in found if f.predicate == "basedIn"} == {("Lisbon Council", "Brussels")}


def test_places_a_city_before_a_party_names_its_local_branch_not_its_base(facts) -> None:
    found = facts("Eight other members of London UKIP were planning to jump ship.")
    assert not any(f.predicate == "basedIn" for f in found)


def test_places_a_city_before_a_firm_is_its_base(facts) -> None:
    found = facts("Detroit carmaker GM said sales fell.")
    assert has(found, "GM", "basedIn", "Detroit")


def test_places_a_court_a_phrase_names_before_a_firm_is_no_description_of_it(facts) -> None:
    found = facts("According to papers filed in a Delaware court, Verizon is set to pay too little for MCI.")
    assert not any(f.predicate == "basedIn" for f in found)


def test_places_a_kind_before_a_comma_still_describes_the_name_it_stands_beside(facts) -> None:
    found = facts("Three senior executives of Ireland's state-owned airline, Aer Lingus, are set to leave.")
    assert has(found, "Aer Lingus", "basedIn", "Ireland")
