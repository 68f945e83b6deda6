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


def test_names_a_short_form_in_brackets_is_the_name_whatever_its_letters(mentions) -> None:
    found = mentions("The Public and Commercial Services Union (PCS) called a strike. The PCS said 500 members would walk out.")
    assert found["PCS"] == found["Public and Commercial Services Union"]


def test_names_a_mixed_case_short_form_in_brackets_is_the_name(mentions) -> None:
    found = mentions("The Scottish Environment Protection Agency (Sepa) fined the distillery. Sepa said the river was polluted.")
    assert found["Sepa"] == found["Scottish Environment Protection Agency"] == ("Organization", found["Sepa"][1])


def test_names_short_form_joins_the_long_name(mentions) -> None:
    found = mentions("Nortel Networks restated its accounts. Nortel said the restatement was complete.")
    assert found["Nortel"][1] == found["Nortel Networks"][1]


def test_names_a_longer_name_given_its_own_short_form_after_the_short_name_is_another_body(mentions) -> None:
    found = mentions("Ford said sales rose in May. Ford is extending the reach of Ford Motor Credit Company (FMCC), "
                     "which may enter the home loans market. FMCC has been a strong contributor to profits.")
    assert found["Ford"][1] == "organization:ford"
    assert found["FMCC"][1] == found["Ford Motor Credit Company"][1] != "organization:ford"


def test_names_a_short_name_after_its_bracketed_long_name_joins_it(mentions) -> None:
    found = mentions("Nortel Networks (NN) restated its accounts. Nortel said the restatement was complete.")
    assert found["Nortel"][1] == found["Nortel Networks"][1]


def test_names_a_city_is_not_its_airport(mentions) -> None:
    found = mentions("The Edinburgh MSP earns up to £30,000 a year. He often flies from Edinburgh Airport.")
    assert found["Edinburgh"][1] == "place:edinburgh"
    assert found["Edinburgh Airport"][1] == "place:edinburgh airport"


def test_names_an_airport_named_bare_is_the_airport(mentions) -> None:
    found = mentions("Flights from Heathrow were cancelled. Heathrow Airport said fog was to blame.")
    assert found["Heathrow"][1] == found["Heathrow Airport"][1]


def test_names_a_parent_named_after_the_firm_whose_name_it_opens_is_another_body(mentions) -> None:
    found = mentions("Jet fuel supplier China Aviation Oil lost $550m. The rest of the money would come from its "
                     "parent company, China Aviation Oil Holding Company in Beijing.")
    assert found["China Aviation Oil"][1] == "organization:china aviation oil"
    assert found["China Aviation Oil Holding Company"][1] == "organization:china aviation oil holding company"


@pytest.mark.parametrize("name", ["University of the Highlands and Islands", "School of Oriental and African Studies"])
def test_names_an_institution_of_a_and_bs_is_one_name(mentions, name) -> None:
    found = mentions(f"Researchers from the {name} and Southampton have been looking at wave heights.")
    assert found[name][0] == "Organization"
    assert found["Southampton"][0] == "Place"


def test_names_a_name_that_is_which_twice_is_a_firm_whatever_its_first_name(mentions) -> None:
    found = mentions("Laura Ashley is parting company with its chief executive. Laura Ashley, which is due to report "
                     "next week, has been hit by poor sales. Laura Ashley thanked her. Laura Ashley, which floated in 1985, "
                     "has 300 shops.")
    assert found["Laura Ashley"][0] == "Organization"


def test_names_a_person_with_one_which_clause_stays_a_person(mentions) -> None:
    found = mentions("Laura Jones, which surprised many, won the seat. Laura Jones thanked her voters.")
    assert found["Laura Jones"][0] == "Person"


def test_names_a_group_beside_its_country_arm_stays_the_group(mentions) -> None:
    found = mentions("Shares in Vodafone Japan fell on Monday. Vodafone said it would keep the unit.")
    assert found["Vodafone"][1] == "organization:vodafone"
    assert found["Vodafone Japan"][1] == "organization:vodafone japan"


def test_names_a_body_beside_its_committee_stays_the_body(mentions) -> None:
    found = mentions("The Treasury Select Committee questioned the chancellor. The Treasury denied it had leaned on statisticians.")
    assert found["Treasury"][1] == "organization:treasury"
    assert found["Treasury Select Committee"][1] == "organization:treasury select committee"


def test_names_a_committee_of_the_same_name_is_another_reading_of_a_short_name(mentions) -> None:
    found = mentions("The Senate Finance Committee met on Tuesday. The US Senate passed the bill in June. The Senate said it would vote again.")
    assert found["Senate"][1] == "organization:senate"


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


def test_names_a_model_name_is_not_the_firms_long_name(mentions) -> None:
    found = mentions("BMW said sales of the BMW X5 rose. BMW shares fell.")
    assert found["BMW"][1] != found["BMW X5"][1]


def test_names_institutions_are_organisations(mentions) -> None:
    found = mentions("Downing Street said Parliament would vote on the plan.")
    assert found["Downing Street"][0] == found["Parliament"][0] == "Organization"


def test_names_a_review_is_a_document_not_an_organisation(mentions) -> None:
    assert mentions("The Barker Review found problems with housing supply.")["Barker Review"][0] == "Agreement"


def test_names_towns_of_the_uk_are_places(mentions) -> None:
    found = mentions("Residents of Salford and Dewsbury protested against the closures.")
    assert found["Salford"][0] == found["Dewsbury"][0] == "Place"


def test_names_a_name_starts_at_its_honorific(mentions) -> None:
    found = mentions("Analysing Mr Brown would be wise. Gordon Brown said so.")
    assert found["Mr Brown"] == ("Person", "person:brown")


def test_names_an_honorific_surname_makes_the_full_name_a_person(mentions) -> None:
    found = mentions("Helmut Panke runs the carmaker. Mr Panke said sales would rise.")
    assert found["Helmut Panke"][0] == "Person"


def test_names_a_nationality_the_model_cut_short_is_the_whole_country(mentions) -> None:
    found = mentions("Sri Lankans welcomed the aid from New Zealand.")
    assert found["Sri Lankans"] == ("Country", "country:LK")


def test_names_a_nationality_the_model_read_as_a_place_is_its_country(mentions) -> None:
    assert mentions("He said 300 Sri Lankan workers had lost their jobs.")["Sri Lankan"] == ("Country", "country:LK")


def test_names_a_churchman_style_starts_a_persons_name(mentions) -> None:
    found = mentions("Cardinal Cormac Murphy O'Connor backed the plan.")
    assert found["Cormac Murphy O'Connor"][0] == "Person"


def test_names_a_long_article_joins_its_short_forms_among_hundreds_of_names(mentions) -> None:
    filler = "".join(f"Minister {n} of Country {n % 37} met Envoy {n * 7} in City {n % 41}. " for n in range(300))
    found = mentions(
        "Nortel Networks restated its accounts. The Food and Agriculture Organisation published a report. "
        "Mikhail Khodorkovsky founded the firm. Mr Khodorkovsky is in jail. " + filler
        + "Nortel said the restatement was complete. The FAO said crops had grown. Lawyers for Mr Khordokovsky appealed."
    )
    assert found["Nortel"][1] == found["Nortel Networks"][1]
    assert found["FAO"][1] == found["Food and Agriculture Organisation"][1]
    assert found["Mr Khordokovsky"][1] == found["Mr Khodorkovsky"][1]


def test_names_a_short_form_written_as_a_word_spells_out_the_long_name(mentions) -> None:
    found = mentions("The Higher Education Funding Council for England published data. The Hefce report said rich areas do better.")
    assert found["Hefce"] == found["Higher Education Funding Council for England"]


def test_names_a_title_written_as_a_name_is_no_organisation(mentions) -> None:
    found = mentions("It was one of many issues the Cardinal mentioned.")
    assert "Cardinal" not in found


def test_names_a_long_name_spelt_two_ways_in_one_article_is_one_name(mentions) -> None:
    found = mentions("Mikhail Khodorkovsky founded the firm. Mr Khodorkovsky is in jail. Lawyers for Mr Khordokovsky appealed.")
    assert found["Mr Khordokovsky"][1] == found["Mr Khodorkovsky"][1]


def test_names_a_firm_named_in_the_genitive_is_one_firm_with_or_without_its_apostrophe(mentions) -> None:
    found = mentions("McDonald's said sales rose. Analysts said McDonalds had done well. McDonald's shares rose.")
    assert found["McDonalds"][1] == found["McDonald"][1]


def test_names_one_meeting_named_two_ways_is_one_event(mentions) -> None:
    found = mentions("The G7 meeting in London ended on Saturday. The meeting of G7 finance ministers agreed to help.")
    assert found["G7 meeting"][1] == found["meeting of G7 finance ministers"][1]


def test_names_one_manifesto_with_and_without_a_modifier_is_one_document(mentions) -> None:
    found = mentions("The Tory election manifesto was published on Monday. Critics said the Tory manifesto was thin.")
    assert found["Tory election manifesto"][1] == found["Tory manifesto"][1]


def test_names_two_named_summits_keep_a_bare_summit_apart(mentions) -> None:
    found = mentions("The G8 summit followed the EU summit. Leaders said the summit had gone well.")
    assert found["G8 summit"][1] != found["EU summit"][1]


def test_names_a_titled_surname_misspelt_by_a_letter_is_the_one_person_named_in_full(mentions) -> None:
    found = mentions("Transport Commissioner Jacques Barrot spoke on Monday. Mr Barot said the plan would work.")
    assert found["Mr Barot"][1] == found["Jacques Barrot"][1]


def test_names_a_titled_surname_that_someone_bears_exactly_is_theirs(mentions) -> None:
    found = mentions("Gordon Brown and Des Browne met in London. Mr Browne said the talks went well.")
    assert found["Mr Browne"][1] != found["Gordon Brown"][1]


def test_names_a_year_does_not_split_an_act(mentions) -> None:
    found = mentions("The Hunting Act 2004 came into force on Friday. Critics of the Hunting Act said it would fail.")
    assert found["Hunting Act"][1] == found["Hunting Act 2004"][1]


def test_names_a_firm_whose_shares_are_traded_in_is_no_place(mentions) -> None:
    found = mentions("Foreigners may now trade in Gazprom shares. Trading in Gazprom will open in May. Gazprom said it was pleased.")
    assert found["Gazprom"][0] == "Organization"


def test_names_an_airline_a_ministry_and_a_club_are_organisations(mentions) -> None:
    found = mentions("Air Sahara will buy ten jets. The Ministry of Commerce approved it. Manchester United lost on Sunday.")
    assert found["Air Sahara"][0] == found["Ministry of Commerce"][0] == found["Manchester United"][0] == "Organization"


def test_names_a_firm_only_kind_before_a_personal_looking_name_makes_it_a_firm(mentions) -> None:
    found = mentions("German carmaker Adam Opel will cut 10,000 jobs in Germany.")
    assert found["Adam Opel"][0] == "Organization"


def test_names_an_investor_before_a_name_keeps_it_a_person(mentions) -> None:
    found = mentions("Shares rose after investor Warren Buffett bought a stake. Mr Buffett said he was pleased.")
    assert found["Warren Buffett"][0] == "Person"


def test_names_half_of_a_hyphenated_firm_name_joins_it(mentions) -> None:
    found = mentions("Rolls-Royce won an engine order from Emirates. Rolls said the order was worth $1bn.")
    assert found["Rolls"][1] == found["Rolls-Royce"][1]


def test_names_hyphenated_name_of_two_firms_joins_neither(mentions) -> None:
    found = mentions("Daimler and Chrysler merged in 1998. Daimler-Chrysler then cut jobs. Daimler said so.")
    assert found["Daimler"][1] != found["Daimler-Chrysler"][1]


def test_names_short_names_a_letter_apart_stay_two_names(mentions) -> None:
    found = mentions("Boris Johnson met Alan Johnston in London. Mr Johnson and Mr Johnston spoke.")
    assert found["Mr Johnson"][1] != found["Mr Johnston"][1]


def test_names_a_firm_after_x_based_is_an_organisation(mentions) -> None:
    assert mentions("Santa Monica-based Activison is said to be one firm on its takeover list.")["Activison"][0] == "Organization"


def test_names_a_plural_looking_name_called_a_bank_is_a_name(mentions) -> None:
    assert mentions("Barclays, the UK's third-biggest bank, has seen annual pre-tax profits climb.")["Barclays"][0] == "Organization"


def test_names_shares_in_a_club_are_no_club(mentions) -> None:
    found = mentions("Shares in Borussia Dortmund, Germany's only stock-market listed football club, dropped by almost 23%.")
    assert "Shares" not in found


def test_names_a_sunday_paper_starts_at_sunday(mentions) -> None:
    found = mentions("The book, by Sunday Telegraph journalist Robert Peston, says so. On Sunday Tesco said sales rose.")
    assert found["Sunday Telegraph"][0] == "Organization" and found["Tesco"][0] == "Organization"


def test_names_a_sunday_paper_the_model_took_for_a_person_starts_at_sunday(mentions) -> None:
    found = mentions("The leak was reported by Sunday Telegraph columnist Ruth Tanner, who named no source.")
    assert found["Sunday Telegraph"][0] == "Organization" and "Telegraph" not in found


def test_names_where_someone_holds_a_job_is_an_organisation(mentions) -> None:
    found = mentions('"Demand is weak," said Ola Berg, an analyst at Brackwell.')
    assert found["Brackwell"][0] == "Organization"


def test_names_an_organisation_opening_a_sentence_is_no_word_of_the_title_after_it(mentions) -> None:
    found = mentions("Shares in Brenmark rose on Monday. Brenmark chief executive Tom Webb said sales were strong.")
    assert found["chief executive"][0] == "Position" and "Brenmark chief executive" not in found


def test_names_whoever_has_sales_or_employs_people_is_a_firm(mentions) -> None:
    assert mentions("Travelers had sales of $5.2bn in 2004 and made a profit of $901m.")["Travelers"][0] == "Organization"
    assert mentions("Exel employs 109,000 people in more than 120 countries.")["Exel"][0] == "Organization"


def test_names_a_body_of_a_country_is_one_name(mentions) -> None:
    found = mentions("The Muslim Council of Britain said the comments were irresponsible.")
    assert found["Muslim Council of Britain"][0] == "Organization" and "Britain" not in found


def test_names_a_misspelling_used_as_often_as_the_right_spelling_yields_to_the_full_name(mentions) -> None:
    found = mentions(
        "Fernando Valenzuela, chief economist at Banco Norte, expects rates to rise. "
        "Mr Valenzuela said inflation was the worry. Mr Valenzeula added that growth would slow."
    )
    assert found["Mr Valenzeula"][1] == found["Mr Valenzuela"][1] == "person:valenzuela"


def test_names_a_group_named_without_the_word_group_is_the_group(mentions) -> None:
    found = mentions("The Green Lane Group of Tory MPs met on Monday. Green Lane wants lower taxes. Members of Green Lane said the party must change.")
    assert found["Green Lane"] == found["Green Lane Group"]


def test_names_a_country_is_not_the_bank_named_after_it(mentions) -> None:
    found = mentions("The Bank of Scotland raised its rates. Scotland's economy grew by 2% last year.")
    assert found["Scotland"][1] != found["Bank of Scotland"][1]


def test_names_a_short_name_spelt_a_letter_differently_from_the_long_name_is_the_firm(mentions) -> None:
    found = mentions(
        "Shares in Mitsubushi Chemical fell on Tuesday. Mitsubishi said its profits would fall. "
        "Mitsubishi makes plastics and fibres."
    )
    assert found["Mitsubishi"][1] == found["Mitsubushi Chemical"][1]


def test_names_a_first_name_alone_is_the_person_named_in_full_not_a_firm(mentions) -> None:
    found = mentions("Labour MP Shahid Malik said the law was wrong. Shahid, who represents Dewsbury, wants change. Shahid told the BBC he was hopeful.")
    assert found["Shahid"] == found["Shahid Malik"]


def test_names_a_genitive_short_form_opens_the_long_name(mentions) -> None:
    found = mentions("Lloyd's of London said claims rose. Lloyd's chairman Peter Levene was pleased. Lloyd's has 60 syndicates.")
    assert found["Lloyd"][1] == found["Lloyd's of London"][1]


def test_names_mac_and_mc_are_one_spelling_of_a_surname(mentions) -> None:
    found = mentions("Ian MacDonald, the union's leader, spoke first. Mr MacDonald said pay was too low. Ian McDonald later said talks would go on.")
    assert found["Ian McDonald"][1] == found["Ian MacDonald"][1]


def test_names_a_full_name_misspelt_once_takes_the_spelling_the_article_uses_more(mentions) -> None:
    found = mentions("Mr Khodorkovsky is in jail. Lawyers for Mikhail Khordokovsky appealed. Mr Khodorkovsky denies the charges.")
    assert found["Mikhail Khordokovsky"][1] == found["Mr Khodorkovsky"][1] == "person:mikhail khodorkovsky"


def test_names_a_bare_surname_that_ends_a_firm_named_after_its_founder_is_the_firm(mentions) -> None:
    found = mentions("Shares in Robert Bosch rose. Bosch said sales rose 5%. Bosch employs 230,000 people and Bosch plans to hire more.")
    assert found["Bosch"] == found["Robert Bosch"] == ("Organization", "organization:robert bosch")


def test_names_a_name_inside_a_long_full_name_is_that_person(mentions) -> None:
    found = mentions("Brazil's president Luiz Inacio Lula da Silva said growth was strong. President Lula said he wanted more trade. Lula will visit China in May.")
    assert found["Lula"] == found["Luiz Inacio Lula da Silva"]


def test_names_a_titled_surname_is_not_the_firm_that_ends_with_it(mentions) -> None:
    found = mentions("Ford Motor sold more cars. Mr Ford, the firm's chairman, said he was pleased. Ford said sales rose.")
    assert found["Mr Ford"][0] == "Person"


def test_names_a_royal_known_by_a_first_name_is_not_the_commoner_of_that_first_name(mentions) -> None:
    found = mentions("Prince Charles will marry in April. Liberal Democrat leader Charles Kennedy sent his congratulations. Charles said he was delighted.")
    assert found["Charles"][1] != found["Charles Kennedy"][1]


def test_names_a_royal_first_name_is_the_royal_named_in_full(mentions) -> None:
    found = mentions("Saudi investor Prince Alwaleed bin Talal bought a stake. Prince Alwaleed said he was a long-term investor.")
    assert found["Alwaleed"][1] == found["Alwaleed bin Talal"][1]


def test_names_a_faction_before_a_full_name_is_not_part_of_it(mentions) -> None:
    found = mentions("Blairite Stephen Byers attacked the plan.")
    assert found["Blairite Stephen Byers"] == ("Person", "person:stephen byers")


def test_names_a_city_is_not_the_part_of_it_named_before(mentions) -> None:
    found = mentions("Crime fell in west London last year. London has 7 million people. Police in London welcomed the figures.")
    assert found["London"][1] != found["west London"][1]


def test_names_a_firms_part_is_not_the_firms_longer_name(mentions) -> None:
    # "Tesco Direct" opens with "Tesco", but the article names it as a division of Tesco.
    found = mentions("Tesco has said its annual profit will be lower. Its Tesco Direct online shopping division saw sales rise 3%.")
    assert found["Tesco"] == ("Organization", "organization:tesco")
    assert found["Tesco Direct"] == ("Organization", "organization:tesco direct")


def test_names_a_short_form_after_a_named_part_is_that_part(mentions) -> None:
    found = mentions("Aviva is to sell its Norwich Union Life insurance arm to Allianz. Norwich Union had sales of $5bn last year.")
    assert found["Norwich Union"][1] == found["Norwich Union Life"][1]


def test_names_a_military_rank_before_a_name_is_no_one(mentions) -> None:
    found = mentions("The court ruled that Gen Pinochet could stand trial. Lt Col Tim Collins told the troops to be humble.")
    assert "Gen" not in found and "Lt Col" not in found
    assert found["Gen Pinochet"] == ("Person", "person:pinochet")
    assert all(kind for kind, _ in found.values())


def test_names_a_name_that_which_stands_for_is_no_person(mentions) -> None:
    found = mentions("The best retailer in December was Costco Wholesale, which continued a run of upbeat results.")
    assert found["Costco Wholesale"][0] == "Organization"


def test_names_a_group_that_who_stands_for_stays_a_group(mentions) -> None:
    found = mentions("Talks stalled with the Tamil Tigers, who control much of the north and east.")
    assert found["Tamil Tigers"][0] == "Organization"


def test_names_which_as_the_object_of_its_clause_says_nothing_of_the_name(mentions) -> None:
    found = mentions("Mr Howard laughed at Rory Bremner's impression of him as Dracula, which he calls good fun.")
    assert found["Dracula"][0] == "Person"


def test_names_a_bill_that_which_stands_for_is_the_article_s_own_bill(mentions) -> None:
    found = mentions("It will be part of the Health Service (Miscellaneous Provisions) Bill, which will be considered by parliament.")
    kind, key = found["Bill"]
    assert kind == "Agreement"
    assert key != "agreement:bill"  # another article's bill is another bill


def test_names_what_a_percentage_owned_is_of_is_a_firm(mentions) -> None:
    found = mentions("Suez owns 40% of Aguas Argentinas.")
    assert found["Aguas Argentinas"][0] == "Organization"


def test_names_a_person_whose_firm_a_percentage_is_of_stays_a_person(mentions) -> None:
    found = mentions("Mr Smith owns 20% of John Brown's company.")
    assert found["John Brown"][0] == "Person"



def test_names_a_town_that_says_something_is_the_firm_named_after_it(mentions) -> None:
    found = mentions("Halifax said house prices rose by 0.8% in January.")
    assert found["Halifax"][0] == "Organization"


def test_names_a_capital_that_says_something_stays_a_place(mentions) -> None:
    found = mentions("Beijing said the talks would resume.")
    assert found["Beijing"][0] == "Place"


def test_names_a_name_described_as_a_mother_is_a_person(mentions) -> None:
    found = mentions("Michelle, a mother of twins, said she had not been paid by the agency.")
    assert found["Michelle"][0] == "Person"


def test_names_a_name_before_chief_executive_is_a_firm(mentions) -> None:
    found = mentions('"Half the plants are at risk," said Electrolux chief executive Hans Straberg.')
    assert found["Electrolux"][0] == "Organization"


def test_names_a_possessive_after_to_is_not_where_something_goes(mentions) -> None:
    found = mentions("Rivals want access to Verizon's local network. Verizon said it would cut prices. Verizon expects growth.")
    assert found["Verizon"][0] == "Organization"


def test_names_a_one_word_name_whose_country_it_was_is_a_person(mentions) -> None:
    found = mentions("He compared the review to Hitler's Germany. Critics said Hitler's Germany was no model for Wales.")
    assert found["Hitler"][0] == "Person"


def test_names_a_name_described_as_a_monopoly_is_a_firm(mentions) -> None:
    found = mentions("Baikal outbid Gazprom, the state-controlled gas monopoly. Analysts said the deal may be linked to Gazprom.")
    assert found["Gazprom"][0] == "Organization"


def test_names_a_name_before_news_agency_is_the_agency(mentions) -> None:
    found = mentions("According to Tass news agency, the firm did not make a bid.")
    assert found["Tass"][0] == "Organization"


def test_names_a_town_name_taking_a_plural_verb_is_its_club(mentions) -> None:
    found = mentions("Sunderland were relegated from the Premiership in 2003 but are currently pushing for promotion.")
    assert found["Sunderland"][0] == "Organization"


def test_names_a_person_taking_a_plural_verb_stays_a_person(mentions) -> None:
    found = mentions("The comments, said Junya Tanase of JPMorgan Chase in Tokyo, were too weak.")
    assert found["Junya Tanase"][0] == "Person"


def test_names_a_name_whose_shareholder_someone_is_is_a_firm(mentions) -> None:
    found = mentions("Mr Murray is already Sunderland's leading shareholder. Sunderland delisted its shares in August.")
    assert found["Sunderland"][0] == "Organization"


def test_names_a_name_listed_with_its_boss_is_a_firm(mentions) -> None:
    found = mentions("The regulator filed complaints against media giant Vivendi Universal, its boss and two other executives.")
    assert found["Vivendi Universal"][0] == "Organization"


def test_names_a_name_whose_minister_it_is_stays_a_person(mentions) -> None:
    found = mentions('"We wish the headquarters to stay here," Alois Rhiel, its minister for economic affairs, said.')
    assert found["Alois Rhiel"][0] == "Person"


def test_names_a_name_given_an_age_is_a_person(mentions) -> None:
    found = mentions("The game was blamed by the parents of 14-year-old Stefan Pakeerah, who was stabbed in February.")
    assert found["Stefan Pakeerah"][0] == "Person"


def test_names_a_missed_name_runs_on_through_a_hyphenated_word(mentions) -> None:
    found = mentions("A spokesman for the European Anti-Fraud Office said the report was fair.")
    assert found.get("European Anti-Fraud Office", ("", ""))[0] == "Organization"
    assert "Fraud Office" not in found


def test_names_a_place_where_a_firms_own_shares_trade_stays_a_place(mentions) -> None:
    found = mentions("By 1300 GMT Carnival's shares in London were down a single penny.")
    assert found["London"][0] == "Place"
    assert mentions("Shell bought shares in Enterprise last year.")["Enterprise"][0] == "Organization"


def test_names_a_firm_a_possessive_has_a_stake_in_is_a_firm(mentions) -> None:
    found = mentions("BSkyB bought its stake in Sunderland in 1999. Sunderland were relegated in 2003.")
    assert found["Sunderland"][0] == "Organization"


def test_names_a_town_and_a_quarter_of_it_is_a_place_not_a_person(mentions) -> None:
    # The small model reads "Leicester South" as a first name and a surname.
    assert mentions("On Tuesday Mr Kennedy will visit Leicester South, where the Lib Dems won.")["Leicester South"][0] == "Place"


def test_names_a_first_name_and_a_compass_surname_stays_a_person(mentions) -> None:
    assert mentions("John West said the plan would work.")["John West"][0] == "Person"


def test_names_a_plural_kind_before_a_list_types_every_name_in_it(mentions) -> None:
    found = mentions("In Indonesia, shares in state construction companies Adhi Karya and Semen Gresik have jumped.")
    assert found["Adhi Karya"][0] == found["Semen Gresik"][0] == "Organization"


def test_names_a_plural_of_people_before_a_list_keeps_them_people(mentions) -> None:
    found = mentions("Investors Warren Buffett and Bill Gates met in Omaha.")
    assert found["Warren Buffett"][0] == found["Bill Gates"][0] == "Person"


def test_names_a_kind_right_before_the_last_name_of_a_list_types_it(mentions) -> None:
    found = mentions("Other firms include France's Total, the US-based ChevronTexaco, and miner Barrick Gold.")
    assert found["Barrick Gold"][0] == "Organization"


def test_names_no_name_starts_after_a_one_letter_prefix(mentions) -> None:
    text = ("The e-University was scrapped last year, having attracted only 900 students. Chief executive John Beaumont "
            "was paid a bonus. The government said the e-University project had improved understanding. Those "
            "responsible for founding the e-University in 2000 were caught up in the boom.")
    assert "University" not in mentions(text)


def test_names_a_capitalised_plural_that_moves_shares_is_no_name(mentions) -> None:
    found = mentions("Investors have snapped up shares in Jet Airways. Rumours about a takeover boosted shares in Fiat.")
    assert "Investors" not in found and "Rumours" not in found


def test_names_an_apposition_after_an_of_phrase_describes_that_phrase_s_name(mentions) -> None:
    found = mentions("Paul Hofheinz of the Lisbon Council, a Brussels-based citizen action group, said growth was slow.")
    assert found["Paul Hofheinz"][0] == "Person"


def test_names_a_name_ending_in_a_programme_s_word_is_no_person(mentions) -> None:
    assert mentions("Speaking to the BBC's Westminster Hour, Mr Howard said the plan was wrong.")["Westminster Hour"][0] == "Organization"


def test_names_a_group_is_not_its_regional_or_financial_arm(mentions) -> None:
    found = mentions("General Motors saw its profits fall. Losses at General Motors Europe totalled $345m.")
    assert found["General Motors"][1] != found["General Motors Europe"][1]
    found = mentions("The bank Barclays is in talks with Wells Fargo. An analyst at Barclays Capital said the deal made sense.")
    assert found["Barclays"][1] != found["Barclays Capital"][1]
    found = mentions("The carmaker Fiat said losses at Fiat Auto had narrowed.")
    assert found["Fiat"][1] != found["Fiat Auto"][1]


def test_names_an_international_body_is_its_short_name(mentions) -> None:
    found = mentions("Amnesty International criticised the law. Amnesty said it was unjust.")
    assert found["Amnesty"][1] == found["Amnesty International"][1]


def test_names_a_unit_symbol_after_a_number_is_no_name(mentions) -> None:
    assert "MW" not in mentions("The Xiluodu Dam is designed to produce 12,600 MW of electricity.")


def test_names_a_firm_named_in_full_first_is_what_its_short_name_means(mentions) -> None:
    found = mentions("The buyout firm Newbridge Capital has made an offer. A spokesman said Newbridge would wait.")
    assert found["Newbridge"][1] == found["Newbridge Capital"][1]


def test_names_a_firm_of_two_capitals_is_found_wherever_it_recurs(nlp) -> None:
    text = "Oil giant BP has announced a 26% rise. Last week, rival Shell reported a profit. BP added that it was raising its dividend."
    document = Document("n", text, "test", segments=((0, len(text)),))
    (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
    assert [m.start for m in extraction.mentions if m.key == "organization:bp"] == [10, text.rindex("BP")]


def test_names_a_town_before_its_state_and_based_is_a_place(mentions) -> None:
    # The parser hangs the firm's verb on "Jacksonville", which would make it the firm.
    found = mentions("The Jacksonville, Florida-based firm has total debts of $1.87bn.")
    assert found["Jacksonville"][0] == "Place"


def test_names_a_firm_before_a_based_description_stays_a_firm(mentions) -> None:
    assert mentions("Shell, the UK-based oil firm, and BP bid.")["Shell"][0] == "Organization"


def test_names_a_nationality_with_an_article_is_one_of_its_people_not_the_country(mentions) -> None:
    assert "Israeli" not in mentions("The deal involved Egypt handing back an Israeli jailed for spying.")
    assert mentions("An Israeli court ruled on Monday.")["Israeli"] == ("Country", "country:IL")


def test_names_a_clock_s_time_zone_is_no_body(mentions) -> None:
    assert "GMT" not in mentions("The meeting is due to take place at 1330 GMT in Zurich, according to Reuters.")


def test_names_a_name_after_non_is_no_body(mentions) -> None:
    assert "Non-EU" not in mentions("Non-EU imports rose 3%, the Office for National Statistics said.")


def test_names_a_name_a_region_noun_heads_once_is_a_place_throughout(mentions) -> None:
    found = mentions("Andhra Pradesh has asked VW to build a plant. The industry minister of India's Andhra Pradesh state "
                     "said officials would visit. Andhra Pradesh wants the jobs.")
    assert found["Andhra Pradesh"][0] == "Place"
