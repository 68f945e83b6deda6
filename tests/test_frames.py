"""The verb, noun and adjective frames of kg.predicates read off real sentences (rules only).

Each test is one frame shape on a sentence of its own making: a new verb or noun for a predicate
is a line in kg/predicates.py plus a test here.
"""
from __future__ import annotations

import pytest

from conftest import has

pytestmark = pytest.mark.model


def test_frames_takeover_verb_with_price(facts) -> None:
    found = facts("Vodafone bought Mannesmann for $180bn in 2000.")
    assert has(found, "Vodafone", "acquires", "Mannesmann")


def test_frames_phrasal_takeover_verb(facts) -> None:
    assert has(facts("Ford took over Jaguar in 1989."), "Ford", "acquires", "Jaguar")


def test_frames_agreeing_to_buy_is_a_plan(facts) -> None:
    assert has(facts("Kraft agreed to buy Cadbury for £11.5bn."), "Kraft", "acquires", "Cadbury", modality="planned")


def test_frames_bid_noun_names_bidder_and_target(facts) -> None:
    assert has(facts("Glazer launched a bid for Arsenal on Monday."), "Glazer", "acquires", "Arsenal", modality="planned")


def test_frames_passive_takeover_by_agent(facts) -> None:
    assert has(facts("Safeway was bought by Morrisons in 2004."), "Morrisons", "acquires", "Safeway")


def test_frames_sale_names_the_buyer(facts) -> None:
    assert has(facts("Citigroup sold its insurance arm to MetLife for $11.5bn."), "Citigroup", "sells", "MetLife") is False
    found = facts("Volvo sold Scania to Volkswagen last year.")
    assert has(found, "Volvo", "sells", "Scania")


def test_frames_sales_of_a_product_are_no_disposal(facts) -> None:
    assert not any(f.predicate == "sells" for f in facts("Ford's sales of Land Rover and Jaguar rose 5% last year."))
    assert has(facts("BMW agreed the sale of Rover to Phoenix."), "BMW", "sells", "Rover")


def test_frames_a_person_on_a_committee_is_a_member_of_it(facts) -> None:
    assert has(facts("John Smith is on the Treasury Select Committee."), "John Smith", "memberOf", "Treasury Select Committee")
    assert not any(f.predicate == "memberOf" for f in facts("Tony Blair is on the side of the Commission."))


def test_frames_coordinated_subjects_merge_with_each_other(facts) -> None:
    found = facts("Exxon and Mobil merged in 1999.")
    assert has(found, "Exxon", "mergesWith", "Mobil") or has(found, "Mobil", "mergesWith", "Exxon")


def test_frames_merger_noun_pairs_its_parties(facts) -> None:
    found = facts("The merger of Exxon and Mobil created the largest oil company.")
    assert has(found, "Exxon", "mergesWith", "Mobil") or has(found, "Mobil", "mergesWith", "Exxon")


def test_frames_stake_noun_gives_rate(facts) -> None:
    assert has(facts("Renault holds a 44% stake in Nissan."), "Renault", "ownsStake", "Nissan")


def test_frames_owning_part_of_a_firm(facts) -> None:
    assert has(facts("Renault owns 44% of Nissan."), "Renault", "ownsStake", "Nissan")


def test_frames_investing_in_a_country(facts) -> None:
    assert has(facts("Toyota invested $2bn in Poland last year."), "Toyota", "invests", "Poland")


def test_frames_suing_and_legal_action(facts) -> None:
    assert has(facts("Microsoft sued Google in California."), "Microsoft", "sues", "Google")
    assert has(facts("Greenpeace took legal action against Shell."), "Greenpeace", "sues", "Shell")


def test_frames_criticism_verbs_and_phrasal_verbs(facts) -> None:
    assert has(facts("Gordon Brown attacked the Conservatives over tax."), "Gordon Brown", "criticizes", "Conservative Party")
    assert has(facts("Charles Kennedy hit out at Tony Blair on Monday."), "Charles Kennedy", "criticizes", "Tony Blair")


def test_frames_critical_of_is_criticism(facts) -> None:
    assert has(facts("Greenpeace was critical of Shell."), "Greenpeace", "criticizes", "Shell")


def test_frames_backing_and_welcoming_are_support(facts) -> None:
    assert has(facts("The CBI backed Tony Blair on Europe."), "CBI", "supports", "Tony Blair")
    assert has(facts("Germany welcomed the Kyoto Protocol."), "Germany", "supports", "Kyoto Protocol")


def test_frames_opposing_is_negated_support(facts) -> None:
    assert has(facts("The Liberal Democrats oppose the Identity Cards Bill."), "Liberal Democrats", "supports", "Identity Cards Bill", polarity="negative")


def test_frames_visiting_and_being_somewhere(facts) -> None:
    assert has(facts("Jack Straw is to visit Thailand next week."), "Jack Straw", "visits", "Thailand", modality="planned")
    assert has(facts("Dr Rice was in Berlin on Friday."), "Rice", "visits", "Berlin")


def test_frames_anything_done_at_an_event_attends_it(facts) -> None:
    assert has(facts("Speaking at the World Economic Forum, Tony Blair praised Bono."), "Tony Blair", "attends", "World Economic Forum")


def test_frames_talks_between_two_sides_meet(facts) -> None:
    found = facts("Talks between Tony Blair and Gerhard Schroeder lasted two hours.")
    assert has(found, "Tony Blair", "meets", "Gerhard Schroeder") or has(found, "Gerhard Schroeder", "meets", "Tony Blair")


def test_frames_founder_noun_names_the_founded(facts) -> None:
    found = facts("Bill Gates, the founder of Microsoft, gave money to Oxfam.")
    assert has(found, "Bill Gates", "founded", "Microsoft")


def test_frames_subsidiary_is_owned_by_its_parent(facts) -> None:
    assert has(facts("Opel, a subsidiary of General Motors, cut jobs."), "General Motors", "ownsStake", "Opel")


def test_frames_unit_named_after_a_possessive_is_owned_by_the_possessor(facts) -> None:
    assert has(facts("Unilever's Birds Eye unit reported lower sales."), "Unilever", "ownsStake", "Birds Eye")
    assert has(facts("The Birds Eye unit of Unilever was sold."), "Unilever", "ownsStake", "Birds Eye")


def test_frames_hyphenated_owner_owns_the_firm_after_it(facts) -> None:
    assert has(facts("The sale of Yukos-owned Yuganskneftegas angered investors."), "Yukos", "ownsStake", "Yuganskneftegas")


def test_frames_state_owned_names_no_owner(facts) -> None:
    assert not [f for f in facts("Yukos sold the unit to state-owned Rosneft.") if f.predicate == "ownsStake"]


def test_frames_every_coordinated_unit_is_owned(facts) -> None:
    found = facts("Ford's British units Jaguar and Land Rover lost money last year.")
    assert has(found, "Ford", "ownsStake", "Jaguar") and has(found, "Ford", "ownsStake", "Land Rover")


def test_frames_a_unit_in_a_list_is_the_name_before_its_its(facts) -> None:
    found = facts("Yukos sued four firms: gas giant Gazprom, its unit Gazpromneft, investment company Baikal, and state oil firm Rosneft.")
    owned = {(f.subject, f.object) for f in found if f.predicate == "ownsStake"}
    assert owned == {("Gazprom", "Gazpromneft")}


def test_frames_parent_company_owns_the_child(facts) -> None:
    assert has(facts("Nestle, parent company of Purina, said profits rose."), "Nestle", "ownsStake", "Purina")
    assert has(facts("Purina's parent company, Nestle, said profits rose."), "Nestle", "ownsStake", "Purina")


def test_frames_present_at_an_event_attends_it(facts) -> None:
    found = facts("John Prescott was not present at the Cabinet meeting.")
    assert any(f.subject == "John Prescott" and f.predicate == "attends" and f.polarity == "negative" for f in found)


def test_frames_no_related_to_beside_a_typed_statement(facts) -> None:
    found = facts("Tony Blair faced critics at Monday's meeting of the Parliamentary Labour Party.")
    assert any(f.predicate == "attends" for f in found)
    assert not any(f.predicate == "relatedTo" for f in found)


def test_frames_related_to_not_from_an_attempt_or_a_refusal(facts) -> None:
    assert not any(f.predicate == "relatedTo" for f in facts("Yukos went to a US court in an unsuccessful attempt to halt the auction of Yugansk."))
    assert not any(f.predicate == "relatedTo" for f in facts("Gordon Brown rejected the Liberal Democrats' call to open up the books to the National Audit Office."))


def test_frames_related_to_not_from_a_question(facts) -> None:
    assert not any(f.predicate == "relatedTo" for f in facts('Voters asked: "What has Labour done for the North East?"'))


def test_frames_related_to_not_from_a_supposition(facts) -> None:
    assert not any(f.predicate == "relatedTo" for f in facts("Unless Ford closes Dagenham, the union will strike."))


def test_frames_related_to_keeps_a_plain_act(facts) -> None:
    assert has(facts("Laura Ashley, which floated on the London Stock Exchange in 1985, cut jobs."), "Laura Ashley", "relatedTo", "London Stock Exchange")


def test_frames_warning_someone_against_something_criticises_them(facts) -> None:
    assert has(facts("The Liberal Democrats have warned Labour against pandering to prejudice."), "Liberal Democrats", "criticizes", "Labour Party")
    assert not any(f.predicate == "criticizes" for f in facts("Gordon Brown warned Tony Blair that growth would slow."))


def test_frames_calling_into_question_criticises(facts) -> None:
    found = facts("The Home Office has been called into question by the Joint Committee on Human Rights.")
    assert has(found, "Joint Committee on Human Rights", "criticizes", "Home Office")


def test_frames_described_as_by_an_agent_judges_the_subject(facts) -> None:
    found = facts("Hazel Blears spoke on Monday. Her comments have been described as irresponsible by the Islamic Human Rights Commission.")
    assert has(found, "Islamic Human Rights Commission", "criticizes", "Hazel Blears")


def test_frames_a_supposed_deal_is_possible_not_done(facts) -> None:
    assert has(facts("If Toyota buys Daihatsu, prices will rise."), "Toyota", "acquires", "Daihatsu", modality="possible")


def test_frames_an_act_talked_about_is_possible_not_done(facts) -> None:
    assert has(facts("Jack Straw spoke to reporters in London about visiting China next year."), "Jack Straw", "visits", "China", modality="possible")
    assert has(facts("Ms Hart had talks with the board in 2003 about working for Shell."), "Hart", "worksFor", "Shell", modality="possible")


def test_frames_a_party_manifesto_is_a_document_and_publishing_announces_it(facts) -> None:
    found = facts("The Green Party published its manifesto. Caroline Lucas published the Green manifesto in Brighton.")
    assert has(found, "Caroline Lucas", "announces", "Green manifesto")


def test_frames_a_visit_that_sets_the_clause_is_its_subjects(facts) -> None:
    assert has(facts("Speaking during a visit to Beijing, Mr Straw said the talks had gone well."), "Straw", "visits", "Beijing")
    assert has(facts("Mr Blair, on a visit to Sudan, said aid would rise."), "Blair", "visits", "Sudan")


def test_frames_nobody_hosts_a_crisis(facts) -> None:
    assert not any(f.predicate == "hosts" for f in facts("Argentina's severe energy crisis forced cuts in gas exports."))


def test_frames_one_acted_on_at_an_event_attends_it(facts) -> None:
    found = facts("At a campaign poster launch on Tuesday, Gordon Brown was joined by Alan Milburn.")
    assert has(found, "Gordon Brown", "attends", "campaign poster launch")
    assert has(found, "Alan Milburn", "attends", "campaign poster launch")


def test_frames_a_would_someone_clarified_is_the_will_of_reported_speech(facts) -> None:
    found = facts("David Blunkett clarified that he would be in Sheffield this weekend.")
    assert any(f.predicate == "visits" and f.object == "Sheffield" and f.modality == "planned" for f in found)


def test_frames_an_event_put_back_is_still_to_be_held_where_it_will_be(facts) -> None:
    found = facts("A series of delays has put back Sativex's launch in the UK.")
    assert has(found, "United Kingdom", "hosts", "Sativex's launch", modality="planned")
    assert has(facts("The G7 meeting in London ended on Saturday."), "London", "hosts", "G7 meeting", modality="asserted")


def test_frames_a_speaker_gives_a_speech_and_does_not_host_it(facts) -> None:
    found = facts("Mr Carney's speech in Ottawa was well received.")
    assert not any(f.predicate == "hosts" and f.subject == "Carney" for f in found)


def test_frames_a_firm_that_is_part_of_another_is_owned_by_it(facts) -> None:
    assert has(facts("Jaguar, now part of Ford, cut jobs."), "Ford", "ownsStake", "Jaguar")
    assert has(facts("Land Rover is part of Ford."), "Ford", "ownsStake", "Land Rover")


def test_frames_a_country_part_of_another_is_owned_by_nobody(facts) -> None:
    assert not any(f.predicate == "ownsStake" for f in facts("Scotland, part of the United Kingdom, voted."))


def test_frames_dismissing_someone_as_something_criticises_them(facts) -> None:
    assert has(facts("Charles Kennedy dismissed the Conservatives as a fading force."), "Charles Kennedy", "criticizes", "Conservative Party")


def test_frames_dismissing_a_manager_is_no_criticism(facts) -> None:
    assert not any(f.predicate == "criticizes" for f in facts("Arsenal dismissed its manager John Smith on Monday."))


def test_frames_branding_someone_criticises_them(facts) -> None:
    assert has(facts("Mr Howard branded Mr Blair a liar."), "Howard", "criticizes", "Blair")


def test_frames_demanding_someone_s_resignation_criticises_them(facts) -> None:
    assert has(facts("The Tories demanded Mr Blunkett's resignation."), "Conservative Party", "criticizes", "Blunkett")


def test_frames_announcing_one_s_own_resignation_criticises_nobody(facts) -> None:
    assert not any(f.predicate == "criticizes" for f in facts("Mr Blunkett announced his resignation on Monday."))


def test_frames_an_organisation_s_committee_is_one_of_its_bodies_not_a_firm_it_owns(facts) -> None:
    found = facts("The rise was decided by the Bank of England's Monetary Policy Committee.")
    assert has(found, "Monetary Policy Committee", "memberOf", "Bank of England")
    assert not any(f.predicate == "ownsStake" for f in found)


def test_frames_someone_at_a_described_occasion_attends_it(facts) -> None:
    found = facts("Ms Hewitt will call for a ban at a games industry meeting on Sunday.")
    assert has(found, "Hewitt", "attends", "games industry meeting", modality="planned")


def test_frames_a_press_conference_is_no_occasion_of_its_own(facts) -> None:
    assert not any(f.predicate == "attends" for f in facts("Mr Straw said at a press conference that talks would go on."))


def test_frames_an_ally_supports_the_one_he_is_an_ally_of(facts) -> None:
    assert has(facts("Alan Milburn, a key ally of Tony Blair, will run the campaign."), "Alan Milburn", "supports", "Tony Blair")


def test_frames_visiting_places_in_a_county_visits_the_county(facts) -> None:
    found = facts("Mr Kennedy is visiting constituencies in Somerset and Hampshire on Monday.")
    assert has(found, "Kennedy", "visits", "Somerset") and has(found, "Kennedy", "visits", "Hampshire")


def test_frames_a_speech_to_a_conference_attends_it(facts) -> None:
    found = facts("Michael Howard delivered a rousing speech to the Tory spring conference in Harrogate.")
    assert has(found, "Michael Howard", "attends", "Tory spring conference")


def test_frames_visiting_a_community_in_a_city_visits_the_city_not_its_nationality(facts) -> None:
    found = facts("General Musharraf will visit the Pakistani community in Manchester on Tuesday.")
    assert has(found, "Musharraf", "visits", "Manchester", modality="planned")
    assert not any(f.predicate == "visits" and f.object == "Pakistan" for f in found)


def test_frames_a_firm_s_rival_is_not_its_property(facts) -> None:
    assert not any(f.predicate == "ownsStake" for f in facts("The London exchange is holding talks with Deutsche Boerse's rival Euronext."))


def test_frames_a_figure_after_a_possessive_is_no_owned_firm(facts) -> None:
    assert not any(f.predicate == "ownsStake" for f in facts("The offer was above the LSE's 533p a share closing price."))


def test_frames_an_organisation_s_department_is_one_of_its_bodies(facts) -> None:
    found = facts("Reza Moghadam, of the IMF's European Department, spoke.")
    assert has(found, "European Department", "memberOf", "IMF") and not any(f.predicate == "ownsStake" for f in found)


def test_frames_a_modal_before_have_to_makes_the_deal_possible(facts) -> None:
    assert has(facts("Ford could have to buy Mazda outright."), "Ford", "acquires", "Mazda", modality="possible")


def test_frames_a_stake_the_possessive_gives_is_held_whatever_happens_to_it(facts) -> None:
    assert has(facts("Shell may need to sell its stake in Woodside Petroleum."), "Shell", "ownsStake", "Woodside Petroleum", modality="asserted")


def test_frames_buying_a_firm_s_stake_is_not_buying_the_firm(facts) -> None:
    found = facts("Heineken has agreed to buy Carlsberg's stake in Baltic Beverages.")
    assert not has(found, "Heineken", "acquires", "Carlsberg")
    assert has(found, "Carlsberg", "ownsStake", "Baltic Beverages", modality="asserted")


def test_frames_a_firm_s_new_product_is_not_a_firm_it_owns(facts) -> None:
    assert not any(f.predicate == "ownsStake" for f in facts("Apple's new iPod Shuffle sold well."))


def test_frames_calling_someone_a_giant_is_a_tribute_not_an_attack_or_a_call(facts) -> None:
    found = facts("Jim Callaghan died on Saturday. Tony Blair called Mr Callaghan a giant of the Labour movement.")
    assert not any(f.subject == "Tony Blair" and f.predicate in {"criticizes", "speaksWith"} for f in found)


def test_frames_a_subject_named_in_apposition_is_the_name(facts) -> None:
    found = facts("The foreign minister, Pedro Alvarez, will travel to Brazil next week.")
    assert has(found, "Pedro Alvarez", "visits", "Brazil", modality="planned")
    assert has(facts("The company, Norvik Shipping, is to buy Baltic Lines."), "Norvik Shipping", "acquires", "Baltic Lines")


def test_frames_a_country_that_takes_over_a_presidency_is_a_member(facts) -> None:
    found = facts("Spain will take over the presidency of the European Union in July.")
    assert has(found, "Spain", "memberOf", "European Union", modality="asserted")


def test_frames_a_nationality_before_a_presidency_is_a_member(facts) -> None:
    assert has(facts("The talks were held during the Dutch presidency of the EU."), "Netherlands", "memberOf", "EU")


def test_frames_a_person_who_takes_a_presidency_is_no_member(facts) -> None:
    found = facts("Mr Kowalski will take over the presidency of the Football Association next year.")
    assert not any(f.predicate == "memberOf" for f in found)


def test_frames_member_noun_split_from_its_names_by_the_parser(facts) -> None:
    found = facts("EU members Spain and Portugal opposed the new fishing quotas on Monday.")
    assert has(found, "Spain", "memberOf", "EU") and has(found, "Portugal", "memberOf", "EU")


def test_frames_defecting_to_a_party_joins_it(facts) -> None:
    found = facts("Mr Hughes, who defected to the Liberal Democrats last year, spoke first.")
    assert has(found, "Hughes", "memberOf", "Liberal Democrats", status=None)


def test_frames_a_defection_to_a_party_joins_it(facts) -> None:
    found = facts("Sally Brook's defection to the Liberal Democrats shocked her colleagues.")
    assert has(found, "Sally Brook", "memberOf", "Liberal Democrats")


def test_frames_defecting_to_a_country_is_no_membership(facts) -> None:
    assert not any(f.predicate == "memberOf" for f in facts("The spy Oleg Petrov defected to the United States in 1985."))


def test_frames_telling_a_committee_meets_it(facts) -> None:
    assert has(facts("Ann Cole told the Treasury Select Committee that growth would slow."), "Ann Cole", "meets", "Treasury Select Committee")


def test_frames_telling_a_broadcaster_meets_nobody(facts) -> None:
    assert not any(f.predicate == "meets" for f in facts("Ann Cole told the BBC that growth would slow."))


def test_frames_appearing_before_a_committee_meets_it(facts) -> None:
    found = facts("Tom Reid will appear before the Public Accounts Committee on Monday.")
    assert has(found, "Tom Reid", "meets", "Public Accounts Committee", modality="planned")


def test_frames_evidence_to_an_inquiry_meets_it(facts) -> None:
    assert has(facts("Tom Reid gave evidence to the Butler Inquiry last year."), "Tom Reid", "meets", "Butler Inquiry")


def test_frames_a_speech_to_a_committee_meets_it(facts) -> None:
    found = facts("Ms Cole made the claim during a speech in Leeds to the Finance Committee on Friday.")
    assert has(found, "Cole", "meets", "Finance Committee")


def test_frames_a_presidency_named_before_its_noun_is_membership(facts) -> None:
    assert has(facts("Ministers will meet in Vienna during Austria's EU presidency."), "Austria", "memberOf", "EU")


def test_frames_a_second_phrase_hung_on_the_first_name_still_fills_its_slot(facts) -> None:
    found = facts("The defection to the Conservatives of Sally Brook stunned Labour.")
    assert has(found, "Sally Brook", "memberOf", "Conservative Party")


def test_frames_an_of_phrase_inside_a_name_fills_no_slot(facts) -> None:
    found = facts("Grants go to all parties with at least two members in the House of Lords, European Parliament, Welsh Assembly or Greater London Authority.")
    assert not any(f.predicate == "memberOf" and f.object == "House of Lords" for f in found)


def test_frames_a_party_conference_named_with_its_season_is_the_partys_event(facts) -> None:
    found = facts("Speaking at the Liberal Party's spring conference in Leeds, Mr Grey attacked the plan.")
    assert has(found, "Grey", "attends", "Liberal Party's spring conference")
    assert has(found, "Liberal Party", "hosts", "Liberal Party's spring conference")


def test_frames_an_occasion_hosted_by_someone_is_theirs(facts) -> None:
    assert has(facts("At a dinner hosted by Deputy Prime Minister Tom Hale, the minister spoke."), "Tom Hale", "hosts", "dinner")
    assert has(facts("Mr Hale hosted a dinner in November where the minister spoke."), "Hale", "hosts", "dinner")


def test_frames_who_holds_an_occasion_hosts_it(facts) -> None:
    found = facts("The Liberal Party will hold its autumn conference in Leeds, it has been confirmed.")
    assert has(found, "Liberal Party", "hosts", "conference")
    assert has(found, "Leeds", "hosts", "conference")
    assert has(facts("Britain will hold a referendum on the constitution."), "United Kingdom", "hosts", "referendum")


def test_frames_holding_talks_with_someone_hosts_nothing(facts) -> None:
    assert not any(f.predicate == "hosts" for f in facts("The Liberal Party will hold private talks with the unions."))


def test_frames_a_conjunct_in_the_speakers_tense_belongs_to_the_speaker(facts) -> None:
    found = facts("Mr Hale said Labour would publish new plans next week and attacked the Tory proposals.")
    assert has(found, "Hale", "criticizes", "Conservative Party")
    assert not has(found, "Labour Party", "criticizes", "Conservative Party")


def test_frames_a_conjunct_after_a_reported_copula_belongs_to_the_speaker(facts) -> None:
    assert has(facts("Ms Lucas said the verdict was fair and praised Judge Owen."), "Lucas", "supports", "Owen")


def test_frames_a_call_to_resign_criticises_who_is_called_on(facts) -> None:
    assert has(facts("The Greens called on Mr Ross to quit the city council."), "Green Party", "criticizes", "Ross")


def test_frames_urging_someone_to_step_down_criticises_them(facts) -> None:
    assert has(facts("The Greens urged Mr Ross to step down."), "Green Party", "criticizes", "Ross")


def test_frames_urging_someone_to_act_is_no_criticism(facts) -> None:
    assert not any(f.predicate == "criticizes" for f in facts("The Greens urged Mr Ross to invest in rail."))


def test_frames_a_spokesman_for_an_organisation_acts_in_its_name(facts) -> None:
    assert has(facts("A spokesman for the Greens attacked Mr Ross."), "Green Party", "criticizes", "Ross")


def test_frames_relative_clause_on_a_description_is_about_the_name(facts) -> None:
    found = facts("Compaq, a US computer company that merged with Hewlett-Packard in 2002, cut jobs.")
    assert has(found, "Compaq", "mergesWith", "Hewlett-Packard")


def test_frames_participle_on_a_description_is_about_the_name(facts) -> None:
    found = facts("Televisa, the broadcaster controlled by tycoon Emilio Azcarraga, launched a new channel.")
    assert has(found, "Emilio Azcarraga", "ownsStake", "Televisa")


def test_frames_passive_participle_clause_shares_the_patient(facts) -> None:
    found = facts("The Savoy hotel reopened in 2010, having been owned by Blackstone Group since 2004.")
    assert has(found, "Blackstone Group", "ownsStake", "Savoy")


def test_frames_relative_pronoun_object_stands_for_its_noun(facts) -> None:
    found = facts("The car maker Jaguar, which Ford sold to Tata Motors in 2008, is growing.")
    assert has(found, "Ford", "sells", "Jaguar")


def test_frames_buyer_of_a_sale_acquires(facts) -> None:
    assert has(facts("The car maker Jaguar, which Ford sold to Tata Motors in 2008, is growing."), "Tata Motors", "acquires", "Jaguar")


def test_frames_seller_of_a_purchase_sells(facts) -> None:
    assert has(facts("Nestle bought Perrier from Exor Group in 1992."), "Exor Group", "sells", "Perrier")


def test_frames_sale_of_a_pronoun_names_no_buyer_deal(facts) -> None:
    assert not any(f.predicate == "acquires" for f in facts("Ford sold it to Tata Motors in 2008."))


def test_frames_sale_of_a_firms_arm_is_no_purchase_of_the_firm(facts) -> None:
    assert not has(facts("The government sold Daewoo's truck arm to Tata Motors last year."), "Tata Motors", "acquires", "Daewoo")


def test_frames_products_bought_from_a_maker_are_no_sale_of_a_firm(facts) -> None:
    assert not any(f.predicate == "sells" for f in facts("Air India will buy 20 A350 aircraft from Airbus."))


def test_frames_paying_for_a_firm_acquires_it(facts) -> None:
    assert has(facts("Glazer paid £790m for Manchester United last year."), "Glazer", "acquires", "Manchester United")


def test_frames_other_party_of_a_signed_agreement_agrees_to_it(facts) -> None:
    found = facts("Shell sealed a gas agreement with Qatar Petroleum.")
    assert has(found, "Shell", "agreesTo", "gas agreement") and has(found, "Qatar Petroleum", "agreesTo", "gas agreement")


def test_frames_auctioning_off_a_firm_sells_it(facts) -> None:
    assert has(facts("The government will auction off Gazprom next month."), "government", "sells", "Gazprom", modality="planned")


def test_frames_auction_noun_names_the_seller(facts) -> None:
    assert has(facts("The Treasury's auction of Sibneft was postponed."), "Treasury", "sells", "Sibneft")


def test_frames_hyphenated_tie_up_pairs_its_parties(facts) -> None:
    found = facts("Analysts welcomed a tie-up between BP and Amoco.")
    assert has(found, "BP", "mergesWith", "Amoco") or has(found, "Amoco", "mergesWith", "BP")


def test_frames_merged_into(facts) -> None:
    assert has(facts("Chubb was merged into ACE Limited in 2016."), "Chubb", "mergesWith", "ACE Limited")


def test_frames_investor_noun_names_investor_and_target(facts) -> None:
    assert has(facts("Chevron has become a major investor in Kazakhstan."), "Chevron", "invests", "Kazakhstan")


def test_frames_role_noun_as_subject_of_the_copula_names_its_complement(facts) -> None:
    found = facts("Renault's biggest shareholders are Nissan and the French government.")
    assert has(found, "Nissan", "ownsStake", "Renault") and has(found, "Government of France", "ownsStake", "Renault")


def test_frames_launching_a_named_body_announces_it(facts) -> None:
    assert has(facts("Mr Blair launched the Africa Commission in London."), "Blair", "announces", "Africa Commission")


def test_frames_announcing_needs_a_named_object(facts) -> None:
    assert not any(f.predicate == "announces" for f in facts("Mr Brown unveiled the government's spending plans."))


def test_frames_takeover_by_an_agent_takes_over_the_clause_subject(facts) -> None:
    assert has(facts("Unilever agreed to a takeover by Procter & Gamble on Wednesday."), "Procter & Gamble", "acquires", "Unilever")


def test_frames_having_an_offer_for_a_firm_bids_for_it(facts) -> None:
    found = facts("Google has an offer for Yahoo on the table.")
    assert has(found, "Google", "acquires", "Yahoo", modality="planned")


def test_frames_acting_on_part_of_a_thing_acts_on_the_thing(facts) -> None:
    found = facts("Mr Kennedy published the second part of the Liberal Democrat election manifesto on Monday.")
    assert has(found, "Kennedy", "announces", "Liberal Democrat election manifesto")


def test_frames_firm_named_before_group_is_the_firm(facts) -> None:
    assert has(facts("Shares in the Tata group, which owns 30% of Jaguar, rose."), "Tata", "ownsStake", "Jaguar")


def test_frames_description_stands_for_the_name_in_apposition(facts) -> None:
    assert has(facts("The Spanish bank, Santander, has bought Abbey National."), "Santander", "acquires", "Abbey National")


def test_frames_buying_a_product_named_by_its_maker_buys_no_firm(facts) -> None:
    assert not any(f.predicate == "acquires" for f in facts("Air India will buy 20 A350 aircraft from Airbus."))


def test_frames_selling_a_named_business_sells_the_firm_it_names(facts) -> None:
    assert has(facts("Vodafone sold its Verizon Wireless business to Verizon for $130bn."), "Vodafone", "sells", "Verizon Wireless")


def test_frames_description_with_a_list_in_apposition_stands_for_no_one_name(facts) -> None:
    assert not has(facts("The two carmakers, Toyota and Honda, have bought Isuzu."), "Toyota", "acquires", "Isuzu")


def test_frames_past_form_names_the_frame_the_model_lemma_misses(facts) -> None:
    assert has(facts("The FSA fined Shell £17m on Thursday."), "FSA", "fines", "Shell")


def test_frames_bidder_noun_bids_for_its_object(facts) -> None:
    found = facts("Heineken is seen as a likely bidder for Carlsberg.")
    assert has(found, "Heineken", "acquires", "Carlsberg", modality="planned")


def test_frames_suitor_noun_is_a_possible_buyer(facts) -> None:
    assert has(facts("PepsiCo has emerged as a possible suitor for Danone."), "PepsiCo", "acquires", "Danone", modality="possible")


def test_frames_description_whose_name_heads_a_pair_of_descriptions_stands_for_it(facts) -> None:
    found = facts("Mr Brown had talks in Paris with his French counterpart, Thierry Breton, and the German finance minister, Hans Eichel.")
    assert has(found, "Brown", "meets", "Thierry Breton") and not has(found, "Brown", "meets", "France")


def test_frames_examples_of_an_object_are_objects(facts) -> None:
    assert has(facts("PetroChina wants to invest in countries such as Brazil."), "PetroChina", "invests", "Brazil")


def test_frames_striking_a_deal_agrees_to_it(facts) -> None:
    found = facts("Microsoft struck a supply agreement with Nokia.")
    assert has(found, "Microsoft", "agreesTo", "supply agreement") and has(found, "Nokia", "agreesTo", "supply agreement")


def test_frames_signing_up_for_a_deal_agrees_to_it(facts) -> None:
    assert has(facts("Chevron signed up to a gas deal with Angola."), "Chevron", "agreesTo", "gas deal")


def test_frames_object_of_an_accusation_does_the_gerund(facts) -> None:
    found = facts("The Tories accused Labour of signing up to a deal with the Liberal Democrats.")
    assert has(found, "Labour Party", "agreesTo", "deal") and not has(found, "Conservative Party", "agreesTo", "deal")


def test_frames_what_is_told_according_to_a_source_is_reported(facts) -> None:
    assert has(facts("According to officials, Tony Blair met Jacques Chirac in Paris."), "Tony Blair", "meets", "Jacques Chirac", modality="reported")
    assert has(facts("Tony Blair met Jacques Chirac in Paris, according to the Financial Times."), "Tony Blair", "meets", "Jacques Chirac", modality="reported")


def test_frames_a_clause_s_own_modal_says_more_than_its_source(facts) -> None:
    assert has(facts("Tony Blair could meet Jacques Chirac in Paris, according to officials."), "Tony Blair", "meets", "Jacques Chirac", modality="possible")


def test_frames_what_went_according_to_plan_is_no_report(facts) -> None:
    assert has(facts("As planned, Tony Blair met Jacques Chirac in Paris according to plan."), "Tony Blair", "meets", "Jacques Chirac", modality="asserted")


def test_frames_a_name_that_leads_the_object_is_not_the_object(facts) -> None:
    found = facts("Former minister Clare Short has criticised the US-led aid coalition.")
    assert not any(f.subject == "Clare Short" and f.predicate == "criticizes" for f in found)


def test_frames_a_name_modifying_the_object_stands_for_it(facts) -> None:
    assert has(facts("Tony Blair praised Indian goods."), "Tony Blair", "supports", "India")


def test_frames_unit_name_hung_off_another_modifier(facts) -> None:
    assert has(facts("Unilever said its Birds Eye frozen food division grew."), "Unilever", "ownsStake", "Birds Eye")


def test_frames_stake_in_which_names_the_owned_firm(facts) -> None:
    # "in which" puts the stake's firm before the clause: the relative pronoun stands for it.
    assert has(facts("Corvina, in which Toyota owns a 30% stake, reported a loss."), "Toyota", "ownsStake", "Corvina")
    assert has(facts("Japanese carmaker Mazda - in which Ford owns a 33% stake - posted higher profits."), "Ford", "ownsStake", "Mazda")


def test_frames_invested_in_which_names_the_target(facts) -> None:
    assert has(facts("Ocado, in which Vodafone invested £5m, went bust."), "Vodafone", "invests", "Ocado")


def test_frames_arm_between_dashes_is_owned_by_the_firm_named_after_it(facts) -> None:
    # Spaced dashes set off the description as commas do, though the parser misreads them.
    assert has(facts("Valtora - the Spanish arm of Dutch brewer Heineken - cut 300 jobs."), "Heineken", "ownsStake", "Valtora")


def test_frames_owner_between_dashes_owns_the_possessive(facts) -> None:
    assert has(facts("EADS - Airbus' majority owner - admitted that the project was running over budget."), "EADS", "ownsStake", "Airbus")


def test_frames_owner_between_dashes_owns_the_of_object(facts) -> None:
    assert has(facts("Kestrel Air - the majority owner of Lufthansa - said fares would rise."), "Kestrel Air", "ownsStake", "Lufthansa")


def test_frames_close_apposition_right_after_the_kind_names_it(facts) -> None:
    # "US carmaker General Motors - and retailer KarstadtQuelle": the parser hangs both names off
    # "carmaker"; the one right after it is its name.
    found = facts("Firms such as Adam Opel - the German arm of US carmaker General Motors - and retailer KarstadtQuelle have cut jobs.")
    assert has(found, "General Motors", "ownsStake", "Adam Opel")
    assert not has(found, "KarstadtQuelle", "ownsStake", "Adam Opel")


def test_frames_merger_pairs_names_listed_with_their_descriptions(facts) -> None:
    # The parser hangs one party's name off the other's description ("retailer Karstadt and
    # electronics firm Metro"); the names the phrase lists are the parties.
    found = facts("The merger of German retailer Karstadt and electronics firm Metro is to go ahead.")
    assert has(found, "Karstadt", "mergesWith", "Metro") or has(found, "Metro", "mergesWith", "Karstadt")


def test_frames_three_way_merger_pairs_every_party(facts) -> None:
    found = facts("A three-way merger between Dutch bank ABN, French lender Natixis and German insurer Allianz was blocked.")
    for first, second in (("ABN", "Natixis"), ("ABN", "Allianz"), ("Natixis", "Allianz")):
        assert has(found, first, "mergesWith", second) or has(found, second, "mergesWith", first)


def test_frames_buying_a_firms_stake_makes_the_firm_its_seller(facts) -> None:
    found = facts("Tata bought Corus's 26% stake in Natsteel last year.")
    assert has(found, "Corus", "sells", "Natsteel")
    assert not has(found, "Tata", "sells", "Natsteel")


def test_frames_selling_a_stake_sells_the_firm(facts) -> None:
    assert has(facts("Shell sold its stake in Enterprise to Eni."), "Shell", "sells", "Enterprise")
    assert has(facts("Axa plans to dispose of its stake in Vodafone."), "Axa", "sells", "Vodafone", modality="planned")


def test_frames_holding_in_a_firm_is_a_stake(facts) -> None:
    assert has(facts("Mr Smith agreed to buy broadcaster ITV's 5% holding in Arsenal."), "ITV", "ownsStake", "Arsenal")


def test_frames_talks_pair_no_name_from_a_relative_clause(facts) -> None:
    found = facts("Mr Martin has been locked in talks with finance ministers of the G20, which Canada now chairs.")
    assert not has(found, "G20", "meets", "Canada") and not has(found, "Canada", "meets", "G20")


def test_frames_investing_in_a_thing_somewhere_invests_in_the_place(facts) -> None:
    found = facts("Nestle plans to invest 50m euros in new advertising in Asia and Canada in 2006.")
    assert has(found, "Nestle", "invests", "Asia") and has(found, "Nestle", "invests", "Canada")


def test_frames_its_named_division_is_owned_by_the_firm(facts) -> None:
    found = facts("Tesco has said its annual profit will be lower. Its Tesco Direct online shopping division saw sales rise 3%.")
    assert has(found, "Tesco", "ownsStake", "Tesco Direct")


def test_frames_buying_a_number_of_a_makers_products_is_no_takeover(facts) -> None:
    found = facts("Kingfisher will buy 10 new Airbus next year.")
    assert not any(f.predicate == "acquires" for f in found)


def test_frames_related_to_not_from_a_ranking(facts) -> None:
    assert not any(f.predicate == "relatedTo" for f in facts("Renault overtook Peugeot as France's biggest carmaker last year."))


def test_frames_a_trip_after_which_someone_failed_to_return_was_made(facts) -> None:
    found = facts("Ann Lee, who failed to return after a trip to Glasgow, was arrested.")
    assert has(found, "Ann Lee", "visits", "Glasgow", polarity="positive")
    assert not has(found, "Ann Lee", "visits", "Glasgow", polarity="negative")


def test_frames_a_purchase_whose_plan_was_abandoned_did_not_happen(facts) -> None:
    assert has(facts("Lufthansa abandoned its plan to buy Alitalia."), "Lufthansa", "acquires", "Alitalia", polarity="negative")


def test_frames_a_purchase_whose_deal_was_pulled_out_of_did_not_happen(facts) -> None:
    assert has(facts("Nestle pulled out of an agreement to buy Danone."), "Nestle", "acquires", "Danone", polarity="negative")


def test_frames_a_bid_that_was_dropped_did_not_happen(facts) -> None:
    assert has(facts("Tesco dropped its bid for Safeway."), "Tesco", "acquires", "Safeway", polarity="negative")


def test_frames_a_bid_that_was_made_is_a_plan_to_buy(facts) -> None:
    assert has(facts("Tesco made a bid for Safeway."), "Tesco", "acquires", "Safeway", polarity="positive")


def test_frames_a_reported_bid_is_still_a_plan_to_buy(facts) -> None:
    found = facts("The Wall Street Journal reported that Qwest has bid $6.3bn for MCI.")
    assert has(found, "Qwest", "acquires", "MCI", modality="planned")
    assert has(facts("Qwest said it had bought MCI."), "Qwest", "acquires", "MCI", modality="reported")


def test_frames_a_stake_sold_was_owned(facts) -> None:
    assert has(facts("Vivendi sold its 20% stake in Canal Plus last year."), "Vivendi", "ownsStake", "Canal Plus", status="former")


def test_frames_a_stake_handed_over_was_owned(facts) -> None:
    assert has(facts("Mr Lebedev handed over his entire stake in Aeroflot to a partner."), "Lebedev", "ownsStake", "Aeroflot", status="former")


def test_frames_a_stake_still_to_be_sold_is_owned(facts) -> None:
    assert has(facts("Vivendi will sell its 20% stake in Canal Plus next year."), "Vivendi", "ownsStake", "Canal Plus", status=None)


def test_frames_a_stake_being_sold_is_still_owned(facts) -> None:
    assert has(facts("Vivendi is offloading its 20% stake in Canal Plus."), "Vivendi", "ownsStake", "Canal Plus", status=None)


def test_frames_a_plural_member_noun_describes_every_name_it_lists(facts) -> None:
    found = facts("Cabinet members John Reid and Alan Milburn disagreed.")
    assert has(found, "John Reid", "memberOf", "Cabinet") and has(found, "Alan Milburn", "memberOf", "Cabinet")


def test_frames_a_list_the_parser_hangs_as_an_apposition_is_every_member(facts) -> None:
    # The parser makes Oliver Letwin David Davis's apposition and Tim Yeo Letwin's conjunct.
    found = facts("Among the rebels were senior Labour members David Davis, Oliver Letwin and Tim Yeo.")
    assert {f.subject for f in found if f.predicate == "memberOf" and f.object == "Labour Party"} == {"David Davis", "Oliver Letwin", "Tim Yeo"}


def test_frames_a_singular_member_noun_describes_only_its_own_name(facts) -> None:
    found = facts("Cabinet member John Reid and Alan Milburn disagreed.")
    assert has(found, "John Reid", "memberOf", "Cabinet") and not has(found, "Alan Milburn", "memberOf", "Cabinet")


def test_frames_agreeing_with_a_partys_view_supports_the_party(facts) -> None:
    assert has(facts("Labour agreed with the Tories' assessment."), "Labour Party", "supports", "Conservative Party")


def test_frames_agreeing_a_deal_with_a_party_is_no_support(facts) -> None:
    for sentence in ("BP agreed a deal with Qatar.", "Ford agreed with the unions on a pay deal.", "Ford agreed with Unite to cut 500 jobs."):
        assert not any(f.predicate == "supports" for f in facts(sentence)), sentence


def test_frames_visiting_a_named_site_in_a_town_visits_the_town(facts) -> None:
    found = facts("Mr Blair visited the Golden Temple in Amritsar.")
    assert has(found, "Blair", "visits", "Golden Temple") and has(found, "Blair", "visits", "Amritsar")


def test_frames_visiting_a_described_site_named_in_apposition_visits_it_and_its_town(facts) -> None:
    found = facts("Mr Straw was in India visiting Sikhism's holiest shrine, the Golden Temple in Amritsar.")
    assert has(found, "Straw", "visits", "Golden Temple") and has(found, "Straw", "visits", "Amritsar")


def test_frames_the_owner_of_a_plan_or_decision_is_who_would_act(facts) -> None:
    assert has(facts("BP's plan to buy Amoco surprised analysts."), "BP", "acquires", "Amoco", modality="planned")
    assert has(facts("Gordon Brown's decision to visit China was a mistake."), "Gordon Brown", "visits", "China", modality="planned")


def test_frames_deciding_to_act_plans_the_act(facts) -> None:
    assert has(facts("Mr Blair decided to visit India."), "Blair", "visits", "India", modality="planned")


def test_frames_an_act_a_clause_of_time_awaits_is_possible_not_done(facts) -> None:
    found = facts("The merger will be completed once the Chinese government approves the deal.")
    assert has(found, "Government of China", "agreesTo", "deal", modality="possible")


def test_frames_an_act_a_clause_of_time_reports_in_the_past_is_done(facts) -> None:
    found = facts("Shares rose once the Chinese government approved the deal.")
    assert has(found, "Government of China", "agreesTo", "deal", modality="asserted")


def test_frames_an_event_a_denied_clause_would_hold_is_not_hosted_where_it_says(facts) -> None:
    found = facts("The Conservatives will not hold a daily news conference in London.")
    assert not has(found, "London", "hosts", "news conference", polarity="positive")
    assert has(found, "London", "hosts", "news conference", polarity="negative", modality="planned")


def test_frames_an_event_held_is_hosted_where_it_says(facts) -> None:
    assert has(facts("The Conservatives held a daily news conference in London."), "London", "hosts", "news conference")


@pytest.mark.parametrize("text", ["JP Morgan lent Malcolm Glazer $500m to buy Manchester United.", "JP Morgan lent $500m to Malcolm Glazer to buy Manchester United."])
def test_frames_the_one_lent_money_to_buy_is_the_buyer(facts, text) -> None:
    found = facts(text)
    assert has(found, "Malcolm Glazer", "acquires", "Manchester United")
    assert not has(found, "JP Morgan", "acquires", "Manchester United")


def test_frames_a_stake_no_longer_owned_is_former(facts) -> None:
    assert has(facts("Ford no longer owns Jaguar."), "Ford", "ownsStake", "Jaguar", status="former", polarity="positive")


def test_frames_a_stake_no_longer_wanted_is_a_wish_denied(facts) -> None:
    assert has(facts("GM no longer wants to own the Fiat unit."), "GM", "ownsStake", "Fiat", polarity="negative", modality="hoped", status=None)


def test_frames_a_membership_a_clause_gives_is_as_sure_as_the_clause(facts) -> None:
    assert has(facts("Russia hopes to become a member of the WTO."), "Russia", "memberOf", "WTO", modality="hoped")


def test_frames_a_membership_a_copula_denies_is_negative(facts) -> None:
    assert has(facts("Norway is not a member of the EU."), "Norway", "memberOf", "EU", polarity="negative")



def test_frames_a_membership_in_an_apposition_is_so_whatever_the_clause_says(facts) -> None:
    assert has(facts("Jack Straw, a member of the Labour Party, may not stand again."), "Jack Straw", "memberOf", "Labour Party", polarity="positive", modality="asserted")


def test_frames_a_name_that_owns_what_a_verb_takes_is_not_its_object(facts) -> None:
    found = facts("Launching the Department for Constitutional Affairs' plan, Lord Falconer said courts would change.")
    assert not any(f.predicate == "announces" for f in found)


def test_frames_a_named_body_a_verb_takes_is_its_object(facts) -> None:
    assert has(facts("Lord Falconer launched the Department for Constitutional Affairs yesterday."), "Falconer", "announces", "Department for Constitutional Affairs")


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj", "modality"),
    [
        ("Your endeavour to hold a conference in London is welcome.", "London", "hosts", "conference", "hoped"),
        ("Labour's pledge to hold a referendum on the EU constitution is popular.", "Labour Party", "hosts", "referendum", "planned"),
        ("Tesco's offer to buy Safeway was rejected.", "Tesco", "acquires", "Safeway", "planned"),
    ],
)
def test_frames_a_clause_an_aim_pledge_or_offer_governs_is_not_done(facts, text, subject, predicate, obj, modality) -> None:
    assert has(facts(text), subject, predicate, obj, modality=modality)


def test_frames_a_present_clause_with_a_time_ahead_is_planned(facts) -> None:
    assert has(facts("Gordon Brown is travelling to India next week."), "Gordon Brown", "visits", "India", modality="planned")
    assert has(facts("Gordon Brown visited India last week."), "Gordon Brown", "visits", "India", modality="asserted")


@pytest.mark.parametrize(
    ("text", "subject", "predicate", "obj", "modality"),
    [
        ("Shareholders approved the possible takeover of the LSE by Deutsche Boerse.", "Deutsche Boerse", "acquires", "LSE", "possible"),
        ("Deutsche Boerse's proposed takeover of the LSE was discussed.", "Deutsche Boerse", "acquires", "LSE", "planned"),
        ("Deutsche Boerse's takeover of the LSE was completed.", "Deutsche Boerse", "acquires", "LSE", "asserted"),
    ],
)
def test_frames_an_event_noun_s_own_hedge_sets_its_modality(facts, text, subject, predicate, obj, modality) -> None:
    assert has(facts(text), subject, predicate, obj, modality=modality)


def test_frames_a_clause_a_claim_noun_is_said_to_be_is_claimed(facts) -> None:
    assert has(facts("The government's argument was that Shell had bought Texaco."), "Shell", "acquires", "Texaco", modality="claimed")
    assert has(facts("The claim is that Shell bought Texaco."), "Shell", "acquires", "Texaco", modality="claimed")


def test_frames_a_clause_any_other_noun_is_said_to_be_stays_asserted(facts) -> None:
    assert has(facts("The problem is that Shell bought Texaco."), "Shell", "acquires", "Texaco", modality="asserted")


def test_frames_the_course_a_sentence_sets_aside_is_negative(facts) -> None:
    assert has(facts("Deutsche Boerse could bid for Euronext rather than buy the LSE."), "Deutsche Boerse", "acquires", "LSE", polarity="negative")


def test_frames_instead_of_names_what_the_main_subject_did_not_do(facts) -> None:
    found = facts("Instead of buying Texaco, Shell acquired Gulf.")
    assert has(found, "Shell", "acquires", "Texaco", polarity="negative")
    assert has(found, "Shell", "acquires", "Gulf", polarity="positive")
    assert not any(f.subject == "Gulf" for f in found)


def test_frames_a_clause_a_denied_report_gives_is_negative(facts) -> None:
    assert has(facts("Shell denied reports that it had bought Texaco."), "Shell", "acquires", "Texaco", polarity="negative", modality="reported")
    assert has(facts("Shell confirmed reports that it had bought Texaco."), "Shell", "acquires", "Texaco", polarity="positive")


def test_frames_what_a_thing_is_designed_to_do_is_planned(facts) -> None:
    assert has(facts("The scheme is designed to help Tesco buy Safeway."), "Tesco", "acquires", "Safeway", modality="planned")


def test_frames_a_plan_in_the_past_perfect_is_only_possible(facts) -> None:
    assert has(facts("Mr Blair had been expected to visit India in March."), "Blair", "visits", "India", modality="possible")
    assert has(facts("Mr Blair had planned to visit India."), "Blair", "visits", "India", modality="possible")


def test_frames_a_plan_in_the_simple_past_is_still_planned(facts) -> None:
    assert has(facts("Mr Blair was due to visit India in March."), "Blair", "visits", "India", modality="planned")


def test_frames_an_agreement_in_the_past_perfect_still_holds(facts) -> None:
    assert has(facts("Shell had agreed to buy Texaco."), "Shell", "acquires", "Texaco", modality="planned")


def test_frames_one_named_along_with_the_subject_acts_too(facts) -> None:
    found = facts("Along with Germany, France criticised the US on Monday.")
    assert has(found, "France", "criticizes", "United States")
    assert has(found, "Germany", "criticizes", "United States")


def test_frames_one_named_together_with_the_subject_acts_too(facts) -> None:
    found = facts("France, together with Germany, criticised the US.")
    assert has(found, "Germany", "criticizes", "United States")


def test_frames_along_with_after_the_verb_joins_the_object_not_the_subject(facts) -> None:
    found = facts("Shell bought Texaco along with Gulf in 1984.")
    assert not any(f.subject == "Gulf" for f in found)


def test_frames_what_one_said_one_was_unable_to_do_is_reported(facts) -> None:
    found = facts("Martin Mubanga said he was unable to return to the UK.")
    assert has(found, "Martin Mubanga", "visits", "United Kingdom", polarity="negative", modality="reported")


def test_frames_a_person_who_joins_a_company_works_for_it(facts) -> None:
    found = facts("Fiat said profits rose. Mr Marchionne, who only joined the company last year, said so.")
    assert has(found, "Marchionne", "worksFor", "Fiat")
    assert not has(found, "Marchionne", "memberOf", "Fiat")


def test_frames_a_person_who_joins_a_party_is_its_member(facts) -> None:
    found = facts("Robert Kilroy-Silk joined the UK Independence Party in 2004.")
    assert has(found, "Robert Kilroy-Silk", "memberOf", "UK Independence Party")


def test_frames_one_journalist_of_a_paper_is_not_the_paper(facts) -> None:
    found = facts("Ken Livingstone accused an Evening Standard journalist of behaving like a guard.")
    assert not any(f.predicate == "criticizes" and f.object == "Evening Standard" for f in found)


def test_frames_officials_of_a_body_speak_for_it(facts) -> None:
    found = facts("Gordon Brown criticised Treasury officials on Monday.")
    assert has(found, "Gordon Brown", "criticizes", "Treasury")


def test_frames_a_firm_in_talks_to_buy_another_may_buy_it(facts) -> None:
    found = facts("India's ONGC is in talks to buy Yukos.")
    assert has(found, "ONGC", "acquires", "Yukos", modality="possible")


def test_frames_a_merger_in_process_is_not_done(facts) -> None:
    found = facts("Air France is in the process of merging with KLM.")
    assert has(found, "Air France", "mergesWith", "KLM", modality="planned")


def test_frames_one_who_returns_another_somewhere_does_not_go_there(facts) -> None:
    found = facts("Tony Blair was criticised for returning Ken Livingstone to the Labour Party.")
    assert not any(f.predicate == "visits" and f.subject == "Tony Blair" for f in found)


def test_frames_one_who_returns_somewhere_goes_there(facts) -> None:
    found = facts("Tony Blair returned to London on Monday.")
    assert has(found, "Tony Blair", "visits", "London")


def test_frames_one_s_visit_is_made_not_hosted(facts) -> None:
    found = facts("The topic came up during Russian president Vladimir Putin's recent visit to New Delhi.")
    assert has(found, "Vladimir Putin", "visits", "New Delhi")
    assert not any(f.predicate == "hosts" and f.subject == "Vladimir Putin" for f in found)
