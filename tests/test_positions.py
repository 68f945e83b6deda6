"""Offices read off real sentences (rules only): whole titles, whom they belong to, whether they
have ended, and the membership or employment an affiliation implies (kg.extract.positions)."""
from __future__ import annotations

import pytest

from conftest import has

pytestmark = pytest.mark.model


def test_positions_party_premodifier_is_the_affiliation_and_a_membership(facts) -> None:
    found = facts("Tory co-chairman Liam Fox said the plans were a mistake.")
    assert has(found, "Liam Fox", "holdsPosition", "co-chairman", affiliation="Conservative Party")
    assert has(found, "Liam Fox", "memberOf", "Conservative Party")


def test_positions_party_adjective_before_a_hyphenated_title_names_the_party(facts) -> None:
    # The tokenizer splits "co-chairman" at its hyphen; "Conservative" still stands before a title.
    found = facts("Conservative co-chairman Liam Fox said the plans were a mistake.")
    assert has(found, "Liam Fox", "holdsPosition", "co-chairman", affiliation="Conservative Party")
    assert has(found, "Liam Fox", "memberOf", "Conservative Party")


def test_positions_party_adjective_before_a_portfolio_and_title_names_the_party(facts) -> None:
    found = facts("Conservative family spokeswoman Theresa May said the law would be repealed.")
    assert has(found, "Theresa May", "holdsPosition", "family spokeswoman", affiliation="Conservative Party")
    assert has(found, "Theresa May", "memberOf", "Conservative Party")
    assert not has(found, "Theresa May", "worksFor", "Conservative")


def test_positions_party_adjective_before_a_plain_noun_names_no_party(facts) -> None:
    found = facts("Conservative estimates put the cost of the scheme at £2bn, said John Smith.")
    assert not any(f.predicate == "memberOf" or "Conservative Party" in (f.subject, f.object, f.affiliation) for f in found)


def test_positions_a_rank_before_the_owner_is_the_office_s(facts) -> None:
    # "Deputy Labour leader": Labour's deputy leader, not its leader.
    found = facts("Deputy Labour leader John Prescott said the plans were a mistake.")
    assert has(found, "John Prescott", "holdsPosition", "deputy leader", affiliation="Labour Party")
    assert not has(found, "John Prescott", "holdsPosition", "leader", affiliation="Labour Party")
    assert has(found, "John Prescott", "memberOf", "Labour Party")


def test_positions_a_rank_before_a_firm_s_name_is_the_office_s(facts) -> None:
    found = facts("On Monday, Deputy Bank of England governor Rachel Lomax spoke in London.")
    assert has(found, "Rachel Lomax", "holdsPosition", "deputy governor", affiliation="Bank of England")


def test_positions_a_capitalised_rank_the_owner_s_name_ran_into_is_the_office_s(facts) -> None:
    # "Acting" and "Assistant" open the capitalised words before the title, which are the owner's
    # name, but belong to the office.
    found = facts("Acting Bank of England governor Rachel Lomax said rates would stay on hold.")
    assert has(found, "Rachel Lomax", "holdsPosition", "acting governor", affiliation="Bank of England")
    found = facts("Assistant Met Police Commissioner Tarique Ghaffur said the figures were wrong.")
    assert has(found, "Tarique Ghaffur", "holdsPosition", "Assistant Commissioner", affiliation="Met Police")
    assert has(found, "Tarique Ghaffur", "worksFor", "Met Police")


def test_positions_a_shadow_post_before_a_party_adjective_is_the_party_s(facts) -> None:
    found = facts("Shadow Tory chancellor Oliver Letwin attacked the plan.")
    assert has(found, "Oliver Letwin", "holdsPosition", "shadow chancellor", affiliation="Conservative Party")
    assert has(found, "Oliver Letwin", "memberOf", "Conservative Party")


def test_positions_whole_lower_case_title_with_a_place_owner(facts) -> None:
    found = facts("New York attorney general Elliot Spitzer opened an inquiry.")
    assert has(found, "Elliot Spitzer", "holdsPosition", "attorney general", affiliation="New York")


def test_positions_shadow_title_stays_whole(facts) -> None:
    assert has(facts("Shadow home secretary David Davis spoke on Monday."), "David Davis", "holdsPosition", "Shadow home secretary")


def test_positions_possessive_owner_in_an_apposition(facts) -> None:
    found = facts("Fathi Bin Shatwan, Libya's oil minister, said supply was enough.")
    assert has(found, "Fathi Bin Shatwan", "holdsPosition", "oil minister", affiliation="Libya")


def test_positions_owner_of_two_words_leaves_its_possessive_out_of_the_title(facts) -> None:
    found = facts("Ken Lewis, Bank of America's chief executive, said profits rose.")
    titles = {f.object for f in found if f.subject == "Ken Lewis" and f.predicate == "holdsPosition"}
    assert titles == {"chief executive"}


def test_positions_a_name_the_parser_hangs_on_the_employer_holds_the_office(facts) -> None:
    found = facts("A spokesman for DLF Builders, Dr Vancheshwar, told the BBC this will mean better offerings.")
    assert has(found, "Vancheshwar", "holdsPosition", "spokesman", affiliation="DLF Builders")
    assert has(found, "Vancheshwar", "worksFor", "DLF Builders")


def test_positions_a_list_of_people_after_a_name_gives_it_no_office(facts) -> None:
    found = facts("Police in Leeds questioned Peter Jones, its finance director and two other managers, on Monday.")
    assert not any(f.subject == "Peter Jones" for f in found)


def test_positions_a_name_listed_with_another_executive_holds_neither_title(facts) -> None:
    found = facts("The watchdog fined Sarah Hill, her deputy and another senior executive of the bank.")
    assert not any(f.subject == "Sarah Hill" and f.predicate in {"holdsPosition", "worksFor"} for f in found)


def test_positions_coordinated_titles_of_one_person_stay_offices(facts) -> None:
    found = facts("John Smith, chairman and chief executive of Acme, resigned on Friday.")
    assert has(found, "John Smith", "holdsPosition", "chairman") and has(found, "John Smith", "holdsPosition", "chief executive")


def test_positions_party_inside_a_longer_apposition_title_is_the_affiliation(facts) -> None:
    found = facts("Mr Mandelson, a former Labour communications director, told the BBC he was sorry.")
    assert has(found, "Mandelson", "holdsPosition", "communications director", affiliation="Labour Party", status="former")


def test_positions_of_phrase_owner_and_employment(facts) -> None:
    found = facts("Anne Weyman, chief executive of the Family Planning Association, asked a question.")
    assert has(found, "Anne Weyman", "holdsPosition", "chief executive", affiliation="Family Planning Association")
    assert has(found, "Anne Weyman", "worksFor", "Family Planning Association")


def test_positions_two_offices_in_one_apposition(facts) -> None:
    found = facts("Robert Benmosche, Metlife's chairman and chief executive, said it was a great opportunity.")
    assert has(found, "Robert Benmosche", "holdsPosition", "chairman", affiliation="Metlife")
    assert has(found, "Robert Benmosche", "holdsPosition", "chief executive", affiliation="Metlife")


def test_positions_former_title_has_ended(facts) -> None:
    found = facts("Former welfare minister Frank Field said the plan would fail.")
    assert has(found, "Frank Field", "holdsPosition", "welfare minister", status="former")


def test_positions_ex_before_a_capitalised_title_or_its_owner_ends_the_office(facts) -> None:
    found = facts("Ex-chatshow host Robert Kilroy-Silk has attacked UK policy on immigration.")
    assert has(found, "Robert Kilroy-Silk", "holdsPosition", "chatshow host", status="former")
    found = facts("Ex-No 10 media chief Alastair Campbell is at the centre of a new row.")
    assert has(found, "Alastair Campbell", "holdsPosition", "media chief", status="former")
    assert not any(f.subject.startswith("Ex") for f in found)


def test_positions_stepping_down_ends_the_office(facts) -> None:
    found = facts("Philippe Camus stepped down as chief executive of EADS on Friday.")
    assert has(found, "Philippe Camus", "holdsPosition", "chief executive", affiliation="EADS", status="former")


def test_positions_a_stepping_down_to_come_leaves_the_office_held(facts) -> None:
    found = facts("Philippe Camus will step down as chief executive of EADS in May.")
    assert has(found, "Philippe Camus", "holdsPosition", "chief executive", affiliation="EADS", status=None, modality="asserted")


def test_positions_standing_down_ends_the_office_and_one_to_come_leaves_it_held(facts) -> None:
    found = facts("Michael Portillo stood down as an MP in 2005.")
    assert has(found, "Michael Portillo", "holdsPosition", "MP", status="former")
    found = facts("Michael Portillo is to stand down as an MP at the next election.")
    assert has(found, "Michael Portillo", "holdsPosition", "MP", status=None, modality="asserted")


def test_positions_a_leaving_someone_is_challenged_to_make_leaves_the_office_held(facts) -> None:
    found = facts("The party challenged Robert Kilroy-Silk to stand down as an MEP.")
    assert has(found, "Robert Kilroy-Silk", "holdsPosition", "MEP", status=None, modality="asserted")


def test_positions_a_said_resignation_to_come_leaves_the_office_held(facts) -> None:
    found = facts("Greg Dyke said he would resign as director general of the BBC.")
    assert has(found, "Greg Dyke", "holdsPosition", "director general", affiliation="BBC", status=None, modality="asserted")


def test_positions_a_denied_stepping_down_leaves_the_office_held(facts) -> None:
    found = facts("Philippe Camus did not step down as chief executive of EADS.")
    assert has(found, "Philippe Camus", "holdsPosition", "chief executive", affiliation="EADS", status=None)


def test_positions_a_said_stepping_down_that_was_made_ends_the_office(facts) -> None:
    found = facts("EADS said Philippe Camus stepped down as chief executive on Friday.")
    assert has(found, "Philippe Camus", "holdsPosition", "chief executive", status="former", modality="reported")


def test_positions_a_title_holder_who_resigned_held_it(facts) -> None:
    found = facts("Chief executive Anna Berg resigned on Monday.")
    assert has(found, "Anna Berg", "holdsPosition", "Chief executive", status="former")


def test_positions_title_holders_who_left_the_firm_held_their_titles(facts) -> None:
    found = facts("Chairman Paul Grant and finance director Mary Lowe have left the company.")
    assert has(found, "Paul Grant", "holdsPosition", "Chairman", status="former")


def test_positions_a_title_holder_leaving_for_a_place_still_holds_it(facts) -> None:
    found = facts("Chief executive Anna Berg left for Tokyo on Monday.")
    assert has(found, "Anna Berg", "holdsPosition", "Chief executive", status=None)


def test_positions_a_title_holder_who_is_to_step_down_still_holds_it(facts) -> None:
    found = facts("Chief executive Anna Berg is to step down next year.")
    assert has(found, "Anna Berg", "holdsPosition", "Chief executive", status=None)


def test_positions_an_incoming_office_holder_is_to_hold_it(facts) -> None:
    found = facts("Incoming chief executive Anna Berg starts in May.")
    assert has(found, "Anna Berg", "holdsPosition", "chief executive", modality="planned")


def test_positions_a_prospective_party_mp_is_a_member_already(facts) -> None:
    found = facts("Mr Balls, a prospective Labour MP, said he was confident.")
    assert has(found, "Balls", "memberOf", "Labour Party", modality="asserted")


def test_positions_a_new_office_holder_holds_it(facts) -> None:
    found = facts("New chief executive Anna Berg started in May.")
    assert has(found, "Anna Berg", "holdsPosition", "chief executive", modality="asserted")


def test_positions_as_phrase_describes_the_person_acted_on(facts) -> None:
    found = facts("Mr Brown introduced Dr Greenspan as the bank's chief economist.")
    assert has(found, "Greenspan", "holdsPosition", "chief economist")
    assert not any(f.subject == "Brown" and f.predicate == "holdsPosition" for f in found)


def test_positions_as_phrase_without_a_person_acted_on_describes_the_subject(facts) -> None:
    assert has(facts("Ms Lee joined Ford as chairman in 2001."), "Lee", "holdsPosition", "chairman")


def test_positions_the_person_appointed_as_an_officer_holds_the_office(facts) -> None:
    found = facts("Mr Howard appointed Lynton Crosby as campaign director last October.")
    assert has(found, "Lynton Crosby", "holdsPosition", "campaign director")
    assert not any(f.subject == "Howard" and f.predicate == "holdsPosition" for f in found)


def test_positions_a_firm_that_appoints_an_officer_is_whose_office_it_is(facts) -> None:
    found = facts("Tesco has appointed Terry Leahy as chief executive.")
    assert has(found, "Terry Leahy", "holdsPosition", "chief executive", affiliation="Tesco")
    assert has(found, "Terry Leahy", "worksFor", "Tesco")


def test_positions_a_person_who_appoints_an_officer_gives_the_office_no_owner(facts) -> None:
    found = facts("Mr Howard appointed Lynton Crosby as campaign director last October.")
    assert has(found, "Lynton Crosby", "holdsPosition", "campaign director", affiliation=None)


def test_positions_superlative_is_no_part_of_the_office(facts) -> None:
    assert has(facts("In 1997, Mr Blair became the youngest premier of the century."), "Blair", "holdsPosition", "premier")


def test_positions_lower_case_title_opening_a_sentence_keeps_its_first_word(facts) -> None:
    found = facts("Work and pensions committee chairman Archy Kirkwood said so.")
    assert has(found, "Archy Kirkwood", "holdsPosition", "Work and pensions committee chairman")


def test_positions_replacing_someone_as_an_officer_takes_over_the_office(facts) -> None:
    found = facts("Anna Berg has replaced Tomas Lind as chief executive of Volvo.")
    assert has(found, "Anna Berg", "holdsPosition", "chief executive", affiliation="Volvo")
    assert has(found, "Tomas Lind", "holdsPosition", "chief executive", affiliation="Volvo", status="former")
    assert not has(found, "Tomas Lind", "holdsPosition", "chief executive", affiliation="Volvo", status=None)


def test_positions_one_only_likely_to_be_replaced_holds_the_office_now(facts) -> None:
    found = facts("Anna Berg is likely to replace Tomas Lind as chief executive of Volvo.")
    assert has(found, "Tomas Lind", "holdsPosition", "chief executive", affiliation="Volvo", status=None, modality="asserted")
    assert not has(found, "Tomas Lind", "holdsPosition", "chief executive", affiliation="Volvo", status="former")


def test_positions_an_office_in_initials_before_a_name(facts) -> None:
    found = facts("Deputy PM John Prescott opened the new hospital.")
    assert has(found, "John Prescott", "holdsPosition", "Deputy PM")


def test_positions_the_resignation_of_an_officer_ends_the_office(facts) -> None:
    found = facts("The affair prompted the resignation of Acme chairman John Hale and finance director Ann Lee.")
    assert has(found, "John Hale", "holdsPosition", "chairman", affiliation="Acme", status="former")
    assert has(found, "Ann Lee", "holdsPosition", "finance director", status="former")


def test_positions_a_resignation_called_for_or_to_come_ends_nothing(facts) -> None:
    found = facts("The Tories called for the resignation of Acme chairman John Hale. "
                  "The scandal will force the resignation of finance director Ann Lee.")
    assert has(found, "John Hale", "holdsPosition", "chairman", affiliation="Acme", status=None)
    assert has(found, "Ann Lee", "holdsPosition", "finance director", status=None)


def test_positions_a_plural_title_in_a_list_goes_to_the_names_after_it(facts) -> None:
    found = facts("Acme managers Anthony Walker and Nick Jeffs, and Railtrack managers Alistair Cook and Sean Fugill, were cleared.")
    assert has(found, "Sean Fugill", "holdsPosition", "manager", affiliation="Railtrack")
    assert not has(found, "Nick Jeffs", "holdsPosition", "manager", affiliation="Railtrack")


def test_positions_an_ambition_to_be_an_officer_holds_no_office(facts) -> None:
    found = facts("Michael Portillo has given up his ambition to be prime minister.")
    assert not any(f.predicate == "holdsPosition" and f.object == "prime minister" for f in found)


def test_positions_organisation_name_before_a_title(facts) -> None:
    found = facts("Gazprom chief Alexei Miller confirmed the deal.")
    assert has(found, "Alexei Miller", "holdsPosition", "chief", affiliation="Gazprom")


def test_positions_title_of_state_before_a_name(facts) -> None:
    found = facts("He met with U.S. Secretary of State Marco Rubio in Washington.")
    assert has(found, "Marco Rubio", "holdsPosition", "Secretary of State", affiliation="United States")


def test_positions_postnominal_title(facts) -> None:
    assert has(facts("Frank Field MP said the plan would fail."), "Frank Field", "holdsPosition", "MP")


def test_positions_speaking_for_a_party_is_membership(facts) -> None:
    found = facts("For the Liberal Democrats, Sir Menzies Campbell said the treaty was welcome.")
    assert has(found, "Menzies Campbell", "memberOf", "Liberal Democrats")


def test_positions_possessive_party_on_a_name_is_membership(facts) -> None:
    assert has(facts("Labour's Paul Flynn said the pair had had a scorching."), "Paul Flynn", "memberOf", "Labour Party")


def test_positions_party_right_before_a_name_is_membership(facts) -> None:
    assert has(facts("Green Party Sir Paul Smith said the plan was wrong."), "Paul Smith", "memberOf", "Green Party") or has(
        facts("Lib Dem Sir Paul Smith said the plan was wrong."), "Paul Smith", "memberOf", "Liberal Democrats")


def test_positions_party_candidate_before_a_name_is_membership(facts) -> None:
    assert has(facts("Prospective Labour candidate Mary Jones spoke in Leeds."), "Mary Jones", "memberOf", "Labour Party")


def test_positions_a_name_joined_by_and_before_its_kind_stays_whole(facts) -> None:
    found = facts("Jane Holt, the leader of the Public and Commercial Services Union, said the cuts were wrong.")
    assert has(found, "Jane Holt", "holdsPosition", "leader", affiliation="Public and Commercial Services Union")
    assert not any(f.object == "Public" for f in found)


def test_positions_a_capitalised_kind_of_organisation_is_no_affiliation(facts) -> None:
    found = facts("The Greens want more trains. Party leader Ann Lowe said fares were too high.")
    assert has(found, "Ann Lowe", "holdsPosition", "Party leader")
    assert not any(f.object == "Party" for f in found)


def test_positions_an_owner_after_the_name_of_a_speaker(facts) -> None:
    found = facts('"Margins are thin," said analyst Jane Moss at Barclays Capital.')
    assert has(found, "Jane Moss", "holdsPosition", "analyst", affiliation="Barclays Capital")
    assert has(found, "Jane Moss", "worksFor", "Barclays Capital")


def test_positions_a_speaker_at_or_from_an_organisation_works_for_it(facts) -> None:
    assert has(facts('"Growth is slowing," said Peter Hale at Goldman Sachs on Monday.'), "Peter Hale", "worksFor", "Goldman Sachs")
    assert has(facts("Ann Lee from the Ridgeway Institute said prices would rise."), "Ann Lee", "worksFor", "Ridgeway Institute")


def test_positions_someone_found_at_an_organisation_does_not_work_there(facts) -> None:
    assert not any(f.predicate == "worksFor" for f in facts("Police found Tom Garvey at Barclays on Monday."))


def test_positions_a_speaker_at_an_organisations_event_does_not_work_for_it(facts) -> None:
    assert not any(f.predicate == "worksFor" for f in facts('"We will win," said Ann Lee at the CBI annual conference.'))


def test_positions_union_official_and_newspaper_journalist_are_offices(facts) -> None:
    assert has(facts("GMB official Tom Reed said the talks had failed."), "Tom Reed", "worksFor", "GMB")
    assert has(facts("Guardian journalist Ann Holt wrote the story."), "Ann Holt", "worksFor", "Guardian")


def test_positions_a_title_the_parser_read_as_a_verb(facts) -> None:
    assert has(facts("Airbus head Noel Forgeard is now set to replace Mr Camus."), "Noel Forgeard", "holdsPosition", "head", affiliation="Airbus")


def test_positions_an_office_a_clause_only_considers_is_not_held(facts) -> None:
    found = facts("He denied that Mr Brown was considering becoming Foreign Secretary.")
    assert has(found, "Brown", "holdsPosition", "Foreign Secretary", modality="possible")
    assert not has(found, "Brown", "holdsPosition", "Foreign Secretary", modality="asserted")


def test_positions_an_office_a_reported_clause_denies_is_negative(facts) -> None:
    found = facts("Analysts said John Smith was not the chairman of BP.")
    assert has(found, "John Smith", "holdsPosition", "chairman", polarity="negative")


def test_positions_a_plural_title_names_every_person_after_it(facts) -> None:
    found = facts("He served under Presidents Jimmy Carter and Ronald Reagan.")
    assert has(found, "Jimmy Carter", "holdsPosition", "President") and has(found, "Ronald Reagan", "holdsPosition", "President")


def test_positions_a_preposition_before_a_title_is_not_part_of_it(facts) -> None:
    found = facts("He served under President Jimmy Carter.")
    assert has(found, "Jimmy Carter", "holdsPosition", "President")


def test_positions_two_titles_joined_before_one_name_are_both_held(facts) -> None:
    found = facts("Veteran Labour MP and former Cabinet minister Jack Cunningham will stand down.")
    assert has(found, "Jack Cunningham", "holdsPosition", "MP", affiliation="Labour Party")
    assert has(found, "Jack Cunningham", "memberOf", "Labour Party")


def test_positions_a_second_office_with_its_own_article_keeps_its_own_owner(facts) -> None:
    found = facts("Peter Mandelson, former Labour minister and now a European Commissioner, warned the BBC.")
    assert not any(f.predicate == "holdsPosition" and f.object.endswith("Commissioner") and f.affiliation == "Labour Party" for f in found)
    assert has(found, "Peter Mandelson", "holdsPosition", "minister", affiliation="Labour Party")


def test_positions_serving_on_a_council_is_membership(facts) -> None:
    assert has(facts("Mr Boateng served on the Greater London Council before he was elected."), "Boateng", "memberOf", "Greater London Council")


def test_positions_serving_in_parliament_is_membership(facts) -> None:
    assert has(facts("Edward Turnour served in Parliament for 47 years."), "Edward Turnour", "memberOf", "Parliament")


def test_positions_an_mp_s_seat_is_not_an_employer(facts) -> None:
    found = facts("Kate Hoey, MP for Vauxhall, said the plan was wrong.")
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_a_plural_acronym_title_names_every_member_of_a_list(facts) -> None:
    found = facts("Labour MPs Keith Dale, Paul Ortiz and Anne Grady backed the plan.")
    for name in ("Keith Dale", "Paul Ortiz", "Anne Grady"):
        assert has(found, name, "holdsPosition", "MP", affiliation="Labour Party")
        assert has(found, name, "memberOf", "Labour Party")


def test_positions_a_title_of_an_organisation_then_the_name_in_commas(facts) -> None:
    found = facts("The chairman of the Law Society, Guy Hensley, has warned of a risk.")
    assert has(found, "Guy Hensley", "holdsPosition", "chairman", affiliation="Law Society")


def test_positions_a_title_of_an_organisation_before_a_list_names_no_holder(facts) -> None:
    found = facts("He criticised the heads of Shell, Tom Lake and Ann Ruiz.")
    assert not any(f.predicate == "holdsPosition" for f in found)


def test_positions_a_plural_title_after_a_copula_names_no_one_holder(facts) -> None:
    assert not any(f.predicate == "holdsPosition" for f in facts("He said he was certain MPs would vote against the plan."))


def test_positions_who_chairs_an_organisation_holds_its_chair(facts) -> None:
    found = facts("Baroness Ellis, who is chairing the Electoral Reform Inquiry, said it would report soon.")
    assert has(found, "Baroness Ellis", "holdsPosition", "chair", affiliation="Electoral Reform Inquiry")
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_heading_an_organisation_is_its_head(facts) -> None:
    assert has(facts("Ann Lee heads the Ridgeway Institute."), "Ann Lee", "holdsPosition", "head", affiliation="Ridgeway Institute")


def test_positions_having_headed_an_organisation_is_no_office_now(facts) -> None:
    assert not any(f.predicate == "holdsPosition" for f in facts("Ann Lee headed the Ridgeway Institute in 1990."))


def test_positions_an_apposition_between_dashes(facts) -> None:
    found = facts("Tom Grey - chief executive of Halvorsen - said the plan was sound.")
    assert has(found, "Tom Grey", "holdsPosition", "chief executive", affiliation="Halvorsen")


def test_positions_a_reflexive_is_no_word_of_the_title(facts) -> None:
    found = facts("Mr Bez - himself a former executive at rival Halvorsen - said the car was cheap.")
    assert has(found, "Bez", "holdsPosition", "executive", affiliation="Halvorsen", status="former")


def test_positions_a_postnominal_after_the_name_in_commas_still_closes_it(facts) -> None:
    found = facts("The chairman of the Law Society, Tom Hensley QC has warned of a real risk.")
    assert has(found, "Tom Hensley", "holdsPosition", "chairman", affiliation="Law Society")


def test_positions_an_apposition_after_a_postnominal_belongs_to_the_name(facts) -> None:
    found = facts("The claims were made in a book by Tom Hensley QC, a member of Essex Chambers.")
    assert has(found, "Tom Hensley", "memberOf", "Essex Chambers")
    assert has(found, "Tom Hensley", "holdsPosition", "QC")


def test_positions_party_defector_before_a_name_is_a_former_member(facts) -> None:
    found = facts("Labour defector Sally Brook attacked the plan on Monday.")
    assert has(found, "Sally Brook", "memberOf", "Labour Party", status="former")


def test_positions_a_possessive_after_at_owns_the_event_not_the_office(facts) -> None:
    found = facts("Unions will meet Home Secretary Ann Cole at Labour's spring conference in Blackpool.")
    assert not any(f.predicate in {"memberOf", "worksFor"} or f.affiliation == "Labour Party" for f in found)


def test_positions_an_organisation_after_at_is_the_affiliation(facts) -> None:
    assert has(facts("Analyst Tom Reid at Lehman Brothers said prices would fall."), "Tom Reid", "worksFor", "Lehman Brothers")


def test_positions_a_party_rebel_is_no_former_member(facts) -> None:
    found = facts("Tory rebel Tom Reid voted against the bill on Monday.")
    assert not has(found, "Tom Reid", "memberOf", "Conservative Party", status="former")


def test_positions_a_hyphenated_title_keeps_its_prefix(facts) -> None:
    found = facts("His brother Anil, the vice-chairman, said he had not been consulted.")
    assert has(found, "Anil", "holdsPosition", "vice-chairman")
    assert not has(found, "Anil", "holdsPosition", "chairman")


def test_positions_a_hyphenated_title_keeps_the_owner_of_its_first_part(facts) -> None:
    found = facts("Tom Grey, Tory co-chairman, said the plan was a mistake.")
    assert has(found, "Tom Grey", "holdsPosition", "co-chairman", affiliation="Conservative Party")


def test_positions_a_hyphenated_title_of_an_organisation_is_that_organisations(facts) -> None:
    found = facts("Rainer Hertz, the German co-head of Halvorsen, will step down.")
    assert has(found, "Rainer Hertz", "holdsPosition", "co-head", affiliation="Halvorsen")


def test_positions_an_office_of_an_organisations_unit_belongs_to_the_organisation(facts) -> None:
    found = facts("Lord Pemberton, head of the European Rowing Federation's anti-doping unit, who first raised the alarm, said the ban was too short.")
    assert has(found, "Pemberton", "holdsPosition", "head", affiliation="European Rowing Federation")
    assert has(found, "Pemberton", "worksFor", "European Rowing Federation")


def test_positions_an_official_from_an_organisation_works_for_it(facts) -> None:
    found = facts('"The fees are unfair," said Li Wen, an official from the Guangzhou Municipal Commission for Transport and Urban Planning quoted in a local newspaper.')
    assert has(found, "Li Wen", "worksFor", "Guangzhou Municipal Commission for Transport and Urban Planning")


def test_positions_a_country_after_from_is_no_owner_of_the_office(facts) -> None:
    found = facts("Kofi Mensah, a senior official from Ghana who attended the talks, said they had failed.")
    assert not any(f.affiliation == "Ghana" or f.predicate == "worksFor" for f in found)


def test_positions_a_sunday_paper_before_a_title_is_the_employer(facts) -> None:
    found = facts("The leak was reported by Sunday Herald columnist Ruth Tanner, who named no source.")
    assert has(found, "Ruth Tanner", "worksFor", "Sunday Herald")
    assert has(found, "Ruth Tanner", "holdsPosition", "columnist", affiliation="Sunday Herald")


def test_positions_an_unknown_name_where_an_analyst_works_is_the_employer(facts) -> None:
    found = facts('"Demand is weak," said Ola Berg, senior market strategist at Brackwell.')
    assert has(found, "Ola Berg", "worksFor", "Brackwell")


def test_positions_a_speaker_on_a_firms_results_does_not_work_for_it(facts) -> None:
    found = facts('"The Asian arm is carrying the group," said Barclays analyst Helen Marsh of Unilever\'s strong results.')
    assert has(found, "Helen Marsh", "worksFor", "Barclays")
    assert not has(found, "Helen Marsh", "worksFor", "Unilever")


def test_positions_of_a_part_of_a_firm_is_of_the_firm(facts) -> None:
    assert has(facts("Helen Marsh, of Unilever's European arm, said results were strong."), "Helen Marsh", "worksFor", "Unilever")


def test_positions_a_name_ending_in_apostrophe_s_after_of_is_the_employer(facts) -> None:
    found = facts('"Growth is slowing," said Helen Marsh of Standard & Poor\'s in New York.')
    assert any(f.subject == "Helen Marsh" and f.predicate == "worksFor" and f.object.startswith("Standard & Poor") for f in found)


def test_positions_an_organisation_opening_a_sentence_owns_the_title_after_it(facts) -> None:
    found = facts("Shares in Brenmark rose on Monday. Brenmark chief executive Tom Webb said sales were strong.")
    assert has(found, "Tom Webb", "holdsPosition", "chief executive", affiliation="Brenmark")
    assert has(found, "Tom Webb", "worksFor", "Brenmark")


def test_positions_a_common_word_opening_a_sentence_stays_in_the_title(facts) -> None:
    found = facts("Shares in Brenmark rose on Monday. Company spokesman Tom Webb said sales were strong.")
    assert has(found, "Tom Webb", "holdsPosition", "Company spokesman")


def test_positions_a_shadow_office_with_its_portfolio_is_one_title_and_no_employer(facts) -> None:
    found = facts("The Shadow Secretary of State for Health, Andrew Lansley, said waiting lists were longer.")
    assert {f.object for f in found if f.predicate == "holdsPosition"} == {"Shadow Secretary of State for Health"}
    assert not [f for f in found if f.predicate in {"worksFor", "memberOf"}]


def test_positions_a_portfolio_listed_with_commas_and_and_stays_in_the_title(facts) -> None:
    found = facts("The Secretary of State for Environment, Food and Rural Affairs, Margaret Beckett, opened the show.")
    assert has(found, "Margaret Beckett", "holdsPosition", "Secretary of State for Environment, Food and Rural Affairs", affiliation=None)
    assert not [f for f in found if f.predicate == "worksFor"]


def test_positions_an_apposed_minister_holds_the_whole_office_only(facts) -> None:
    found = facts("Lord Falconer, Minister for Housing and Planning, said the plans were fair.")
    assert {(f.object, f.affiliation) for f in found if f.predicate == "holdsPosition"} == {("Minister for Housing and Planning", None)}


def test_positions_a_name_listed_among_companies_works_for_none_of_them(facts) -> None:
    found = facts("The bank said Jane Hollis, Barclays Capital, Calyon and HSBC had advised it.")
    assert not [f for f in found if f.predicate == "worksFor"]


def test_positions_a_profession_before_an_office_of_an_organisation_is_the_person_s_own(facts) -> None:
    found = facts("Mary Hill, a lawyer and director of the Campaign for Fair Trade, welcomed the ruling.")
    assert has(found, "Mary Hill", "holdsPosition", "director", affiliation="Campaign for Fair Trade")
    assert has(found, "Mary Hill", "holdsPosition", "lawyer", affiliation=None)
    assert not has(found, "Mary Hill", "holdsPosition", "lawyer", affiliation="Campaign for Fair Trade")


def test_positions_a_previous_office_holder_held_it_before(facts) -> None:
    found = facts("He will succeed the previous High Commissioner, Ann Grant, next year.")
    assert has(found, "Ann Grant", "holdsPosition", "High Commissioner", status="former")


def test_positions_a_former_party_office_ends_the_office_not_the_membership(facts) -> None:
    found = facts("Former Labour prime minister Lord Callaghan has died.")
    assert has(found, "Callaghan", "holdsPosition", "prime minister", status="former")
    assert has(found, "Callaghan", "memberOf", "Labour Party", status=None)


def test_positions_a_country_in_a_job_title_is_the_field_and_the_firm_after_it_the_employer(facts) -> None:
    found = facts("Ross Walker, UK economist at Royal Bank of Scotland, said he expected a rise.")
    assert has(found, "Ross Walker", "holdsPosition", "economist", affiliation="Royal Bank of Scotland")
    assert has(found, "Ross Walker", "worksFor", "Royal Bank of Scotland")


def test_positions_a_country_before_a_job_title_gives_way_to_the_firm_for_which(facts) -> None:
    found = facts('"The economy is strong," said Sung Won Sohn, chief US economist for Wells Fargo Bank.')
    assert has(found, "Sung Won Sohn", "holdsPosition", "chief US economist", affiliation="Wells Fargo Bank")


def test_positions_a_country_qualifying_the_field_after_of_gives_way_to_the_firm_for_which(facts) -> None:
    found = facts("Richard Batty, head of UK equities for Standard Life Investments, said shares were cheap.")
    assert has(found, "Richard Batty", "holdsPosition", "head of UK equities", affiliation="Standard Life Investments")
    assert not has(found, "Richard Batty", "holdsPosition", "head", affiliation="United Kingdom")


def test_positions_a_desk_named_after_of_gives_way_to_the_firm_at_which(facts) -> None:
    found = facts("Richard Moffat, investment director of UK Equities at Standard Life Investments, said shares were cheap.")
    assert has(found, "Richard Moffat", "holdsPosition", "investment director of UK Equities", affiliation="Standard Life Investments")
    assert has(found, "Richard Moffat", "worksFor", "Standard Life Investments")
    assert not has(found, "Richard Moffat", "worksFor", "UK Equities")


def test_positions_a_body_named_after_of_keeps_its_office_whatever_it_is_at(facts) -> None:
    found = facts("Charles Elson, chairman of the Center for Corporate Governance at the University of Delaware, said so.")
    assert has(found, "Charles Elson", "holdsPosition", "chairman", affiliation="Center for Corporate Governance")


def test_positions_a_country_after_of_with_no_firm_after_it_stays_the_owner(facts) -> None:
    assert has(facts("John Prescott, head of the UK delegation, spoke first."), "John Prescott", "holdsPosition", "head", affiliation="United Kingdom")


def test_positions_a_country_before_an_office_stays_its_owner(facts) -> None:
    found = facts("The US trade representative Robert Zoellick met Chinese officials.")
    assert has(found, "Robert Zoellick", "holdsPosition", "trade representative", affiliation="United States")


def test_positions_praise_before_a_title_is_no_part_of_the_office(facts) -> None:
    assert has(facts("Distinguished lawyer Lord Harding has died aged 90."), "Harding", "holdsPosition", "lawyer")
    assert has(facts("Veteran MP Tam Dalyell said the war was illegal."), "Tam Dalyell", "holdsPosition", "MP")


def test_positions_a_medium_before_a_title_is_its_field_not_its_employer(facts) -> None:
    found = facts("TV presenter Anne Robinson said he was wrong.")
    assert has(found, "Anne Robinson", "holdsPosition", "presenter", affiliation=None)
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_the_late_holder_held_the_office_before(facts) -> None:
    found = facts("Tom Page, son of the late libel lawyer Henry Page, won the vote.")
    assert has(found, "Henry Page", "holdsPosition", "libel lawyer", status="former")


def test_positions_a_span_of_time_after_a_title_is_no_portfolio(facts) -> None:
    found = facts("Ann Reid became Ruritania's longest-serving chancellor of modern times on Tuesday.")
    assert any(f.subject == "Ann Reid" and f.predicate == "holdsPosition" and f.object == "chancellor" for f in found)


def test_positions_an_of_name_before_a_lower_case_title_stays_the_owners(facts) -> None:
    # The model reads "Royal Bank" and "Scotland" apart; "Scotland" is no portfolio here.
    found = facts("Royal Bank of Scotland chief executive Fred Goodwin said profits rose.")
    assert has(found, "Fred Goodwin", "holdsPosition", "chief executive", affiliation="Royal Bank of Scotland")


def test_positions_a_portfolio_ends_where_the_holders_first_name_starts(facts) -> None:
    found = facts("Secretary of State for Scotland Alistair Darling said the plan would work.")
    assert has(found, "Alistair Darling", "holdsPosition", "Secretary of State for Scotland")


def test_positions_a_listed_portfolio_ends_where_the_holders_first_name_starts(facts) -> None:
    found = facts("Secretary of State for Culture, Media and Sport Tessa Jowell said the plan would work.")
    assert has(found, "Tessa Jowell", "holdsPosition", "Secretary of State for Culture, Media and Sport")


def test_positions_a_title_around_an_owners_name_makes_the_owner_no_person(facts) -> None:
    # "Deputy" before "High Court" is the first word of "Deputy High Court Judge", not a title of the court.
    found = facts("Deputy High Court Judge Richard Mawrey said the fraud was serious.")
    assert has(found, "Richard Mawrey", "worksFor", "High Court")
    assert not any(f.subject == "High Court" for f in found)


def test_positions_a_royal_style_between_office_and_name_goes_with_the_name(facts) -> None:
    found = facts("Saudi Foreign Minister Prince Saud Al-Faisal said the talks went well.")
    assert has(found, "Saud Al-Faisal", "holdsPosition", "Foreign Minister", affiliation="Saudi Arabia")
    assert not any(f.object == "Foreign Minister Prince" for f in found)


def test_positions_two_coordinated_offices_in_an_apposition_are_two_offices(facts) -> None:
    found = facts("Philippe Sands, a QC and international law professor, said the war was illegal.")
    assert has(found, "Philippe Sands", "holdsPosition", "QC") and has(found, "Philippe Sands", "holdsPosition", "international law professor")
    assert not any("QC and" in str(f.object) for f in found)


def test_positions_a_firms_possessive_before_a_name_is_the_employer_however_parsed(facts) -> None:
    # The parser hangs "Ernst" on the name and the possessive on "Young".
    assert has(facts("Ernst & Young's Sanjay Mehta said the outlook is weak."), "Sanjay Mehta", "worksFor", "Ernst & Young")


def test_positions_a_possessive_before_an_office_names_no_employee_of_its_portfolio(facts) -> None:
    found = facts("The EU's Humanitarian Aid Commissioner, Louis Michel, was quoted as saying it was key.")
    assert has(found, "Louis Michel", "worksFor", "EU")
    assert not any(f.subject == "Humanitarian Aid" for f in found)


def test_positions_a_plural_the_tagger_reads_as_a_verb_stays_inside_the_title(facts) -> None:
    found = facts("Public accounts committee chairman Edward Leigh was giving his reaction to a report.")
    assert has(found, "Edward Leigh", "holdsPosition", "Public accounts committee chairman")


def test_positions_a_lower_case_portfolio_after_for_stays_in_the_title(facts) -> None:
    assert has(facts("Shadow spokesman for sport Hugh Robertson said the plan was wrong."), "Hugh Robertson", "holdsPosition", "Shadow spokesman for sport")
    assert has(facts("The minister for civil aviation Praful Patel said so."), "Praful Patel", "holdsPosition", "minister for civil aviation")


def test_positions_a_partys_portfolio_read_as_a_name_stays_in_the_title(facts) -> None:
    # The model reads "Lib Dem Home Affairs" as a person's name.
    found = facts("Lib Dem Home Affairs spokesman Mark Oaten said the plans were wrong.")
    assert has(found, "Mark Oaten", "holdsPosition", "Home Affairs spokesman", affiliation="Liberal Democrats")
    assert not any(f.object == "Home Affairs" for f in found)


def test_positions_a_trade_named_by_its_initials_is_no_employer(facts) -> None:
    found = facts("Gordon Brown married PR executive Sarah Macaulay in 2000.")
    assert not any(f.predicate == "worksFor" for f in found)
    assert not any(f.affiliation == "PR" for f in found)


def test_positions_a_title_ranked_among_defectors_is_left_with_its_party(facts) -> None:
    found = facts("Robert Jackson is the third Conservative MP to defect to Labour.")
    assert has(found, "Robert Jackson", "holdsPosition", "MP", affiliation="Conservative Party", status="former")
    assert has(found, "Robert Jackson", "memberOf", "Conservative Party", status="former")
    assert has(found, "Robert Jackson", "memberOf", "Labour Party", status=None, modality="asserted")


def test_positions_an_ordinal_before_a_title_is_not_part_of_it(facts) -> None:
    found = facts("Peter Temple-Morris, the first Tory MP to quit the party, joined Labour.")
    assert has(found, "Peter Temple-Morris", "holdsPosition", "MP", status="former")


def test_positions_a_capitalised_first_is_part_of_the_title(facts) -> None:
    found = facts("Alex Salmond, the First Minister of Scotland, spoke on Monday.")
    assert has(found, "Alex Salmond", "holdsPosition", "First Minister", affiliation="Scotland")


def test_positions_an_office_a_relative_clause_says_was_held_by_one_who_left_is_former(facts) -> None:
    found = facts("Paul Tellier, who was also Bombardier's president, left the company amid a restructuring.")
    assert has(found, "Paul Tellier", "holdsPosition", "president", affiliation="Bombardier", status="former")
    assert has(found, "Paul Tellier", "worksFor", "Bombardier", status="former")


def test_positions_an_office_held_now_by_one_who_left_a_party_stays_current(facts) -> None:
    found = facts("John Smith, who is chairman of Tesco, left the party.")
    assert has(found, "John Smith", "holdsPosition", "chairman", affiliation="Tesco", status=None)


def test_positions_an_office_in_the_past_perfect_is_former(facts) -> None:
    found = facts("Paul Boateng was promoted from the Home Office, where he had been prisons minister.")
    assert has(found, "Paul Boateng", "holdsPosition", "prisons minister", status="former")


def test_positions_officers_voted_out_held_their_offices_before(facts) -> None:
    found = facts("Commercial director Andy Anson and non-executive director Philip Yea were voted out by shareholders.")
    assert has(found, "Philip Yea", "holdsPosition", "non-executive director", status="former")
    assert has(found, "Andy Anson", "holdsPosition", "Commercial director", status="former")


def test_positions_a_description_owning_an_apposition_title_is_its_affiliation_not_a_title_word(facts) -> None:
    found = facts("Shepherds Purse Cheeses makes Yorkshire Blue. Judy Bell, the company's chairman, said it would cost a lot.")
    assert has(found, "Judy Bell", "holdsPosition", "chairman", affiliation="Shepherds Purse Cheeses")
    assert not any(f.predicate == "holdsPosition" and "company" in str(f.object) for f in found)


def test_positions_a_party_of_three_words_before_a_title_is_its_affiliation(facts) -> None:
    found = facts("Labour said it would fight. Scottish National Party leader Alex Salmond said the SNP had a boost.")
    assert has(found, "Alex Salmond", "holdsPosition", "leader", affiliation="Scottish National Party")
    assert has(found, "Alex Salmond", "memberOf", "Scottish National Party")


def test_positions_an_office_no_longer_held_is_former(facts) -> None:
    found = facts("Tom Lee is no longer chief executive of Ford.")
    assert has(found, "Tom Lee", "holdsPosition", "chief executive", affiliation="Ford", status="former", polarity="positive")


def test_positions_a_membership_no_longer_held_is_former(facts) -> None:
    assert has(facts("Mr Smith is no longer a member of the Labour Party."), "Smith", "memberOf", "Labour Party", status="former", polarity="positive")


def test_positions_offices_listed_after_a_name_and_a_comma_are_others(facts) -> None:
    found = facts("The minister met Tony Blair, and the leaders of France and Germany on Monday.")
    assert not any(f.subject == "Tony Blair" and f.predicate == "holdsPosition" for f in found)


def test_positions_a_name_in_a_fronted_phrase_takes_no_title_of_the_clause_s_subject(facts) -> None:
    found = facts("Echoing the new US Secretary of State Condoleezza Rice, the prime minister said there had been a clear change.")
    assert not has(found, "Condoleezza Rice", "holdsPosition", "prime minister")
    assert has(found, "Condoleezza Rice", "holdsPosition", "Secretary of State")


def test_positions_a_sentence_s_first_name_takes_the_title_its_verb_closes(facts) -> None:
    assert has(facts("Mr Prettejohn, Lloyd's chief executive said the market was strong."), "Prettejohn", "holdsPosition", "chief executive")


def test_positions_a_city_before_a_party_and_a_title_is_no_part_of_the_party(facts) -> None:
    found = facts("London UKIP MEP Gerard Batten said the party would win.")
    assert has(found, "Gerard Batten", "holdsPosition", "MEP", affiliation="UK Independence Party")
    assert has(found, "Gerard Batten", "memberOf", "UK Independence Party")


def test_positions_an_order_s_rank_is_an_honour_not_an_office(facts) -> None:
    assert not any(f.predicate == "holdsPosition" for f in facts("Mr Smith, 57, is made a Commander of the Order of the Bath."))


def test_positions_a_royal_style_is_no_office(facts) -> None:
    found = facts("Princes William and Harry said they were very happy. The book is about Diana, princess of Wales.")
    assert not any(f.predicate == "holdsPosition" for f in found)


def test_positions_a_crown_prince_and_a_king_hold_offices(facts) -> None:
    assert has(facts("Crown Prince Abdullah told ministries to hire women."), "Abdullah", "holdsPosition", "Crown Prince")
    assert has(facts("King Abdullah of Jordan met Tony Blair."), "Abdullah", "holdsPosition", "King", affiliation="Jordan")


def test_positions_a_membership_someone_ended_is_former(facts) -> None:
    assert has(facts("Jane Smith ended her membership of the Labour Party in 2003."), "Jane Smith", "memberOf", "Labour Party", status="former")


def test_positions_a_membership_whose_end_was_announced_is_former(facts) -> None:
    found = facts("Robert Kilroy-Silk announced the end of his membership of UKIP last week.")
    assert has(found, "Robert Kilroy-Silk", "memberOf", "UK Independence Party", status="former")


def test_positions_a_membership_still_to_be_ended_goes_on(facts) -> None:
    assert has(facts("Jane Smith will end her membership of the Labour Party."), "Jane Smith", "memberOf", "Labour Party", status=None)


def test_positions_a_place_s_office_before_a_party_word_is_the_place_s(facts) -> None:
    found = facts("California's Republican governor Arnold Schwarzenegger spoke in Sacramento.")
    assert has(found, "Arnold Schwarzenegger", "holdsPosition", "governor", affiliation="California")
    assert has(found, "Arnold Schwarzenegger", "memberOf", "Republican Party")


def test_positions_a_party_word_is_no_owner_of_a_mayor(facts) -> None:
    found = facts("Labour mayor Ken Livingstone spoke on Monday.")
    assert has(found, "Ken Livingstone", "holdsPosition", "mayor", affiliation=None)
    assert has(found, "Ken Livingstone", "memberOf", "Labour Party")


def test_positions_a_place_s_party_leader_still_leads_the_party(facts) -> None:
    assert has(facts("Devon's Labour leader Saxon Spence spoke."), "Saxon Spence", "holdsPosition", "leader", affiliation="Labour Party")


def test_positions_a_royal_style_after_a_lower_case_description_goes_with_the_name(facts) -> None:
    found = facts("Saudi billionaire investor Prince Alwaleed bin Talal bought a stake in Citigroup.")
    titles = {f.object for f in found if f.predicate == "holdsPosition"}
    assert "investor Prince" not in titles and titles <= {"Prince"}


def test_positions_a_plural_title_in_apposition_names_every_person_listed(facts) -> None:
    found = facts("The party has three other ethnic minority MPs - Keith Vaz, Oona King and David Lammy.")
    assert {f.subject for f in found if f.predicate == "holdsPosition"} == {"Keith Vaz", "Oona King", "David Lammy"}


def test_positions_a_name_listed_after_an_apposition_title_is_no_office(facts) -> None:
    found = facts("He met Keith Vaz, an MP, and Oona King.")
    assert {f.object for f in found if f.predicate == "holdsPosition"} == {"MP"}


def test_positions_a_title_after_as_that_stands_before_a_name_is_that_name_s(facts) -> None:
    found = facts("Mr Blair was speaking as London's mayor Ken Livingstone remains embroiled in a row.")
    assert {f.subject for f in found if f.predicate == "holdsPosition"} == {"Ken Livingstone"}


def test_positions_an_office_of_a_party_s_branch_is_no_office_of_the_party(facts) -> None:
    found = facts("His friend, Saxon Spence, leader of Devon county Labour group, blames one issue.")
    assert has(found, "Saxon Spence", "holdsPosition", "group leader", affiliation=None)
    assert has(found, "Saxon Spence", "memberOf", "Labour Party")


def test_positions_an_office_of_a_named_branch_is_no_office_of_its_place(facts) -> None:
    found = facts("Bob Neill, leader of the London Assembly Conservatives, said he behaved badly.")
    assert {(f.object, f.affiliation) for f in found if f.predicate == "holdsPosition"} == {("Assembly leader", None)}


def test_positions_a_portfolio_before_a_commissioner_is_part_of_the_title(facts) -> None:
    found = facts("Internal Market Commissioner Charlie McCreevy said the rules would change.")
    assert has(found, "Charlie McCreevy", "holdsPosition", "Internal Market Commissioner")
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_a_nationality_before_counterpart_owns_the_title_after_it(facts) -> None:
    found = facts("Jack Straw will meet his Chinese counterpart Foreign Minister Li Zhaoxing in Beijing.")
    assert has(found, "Li Zhaoxing", "holdsPosition", "Foreign Minister", affiliation="China")


def test_positions_a_time_word_or_a_pronouns_possessive_is_no_word_of_the_title(facts) -> None:
    straw = facts("Mr Blunkett took over at the Home Office from Jack Straw, now foreign secretary.")
    rhiel = facts("Alois Rhiel, its minister for economic affairs, added.")
    assert has(straw, "Jack Straw", "holdsPosition", "foreign secretary")
    assert has(rhiel, "Alois Rhiel", "holdsPosition", "minister for economic affairs")
    assert not any(str(f.object).startswith(("now ", "its ")) for f in straw | rhiel)


def test_positions_an_office_a_past_when_clause_gives_was_held_before(facts) -> None:
    assert has(facts("Jack Straw introduced the law when he was home secretary."), "Jack Straw", "holdsPosition", "home secretary", status="former")
    assert has(facts("When Gordon Brown was chancellor, taxes rose."), "Gordon Brown", "holdsPosition", "chancellor", status="former")


def test_positions_an_office_a_present_clause_gives_is_held_now(facts) -> None:
    assert has(facts("Mr Brown, who is chancellor, spoke when he was in Paris."), "Brown", "holdsPosition", "chancellor", status=None)


def test_positions_an_office_a_when_clause_gives_is_taken_as_given(facts) -> None:
    found = facts("Sources said Michael Howard tried to introduce ID cards when he was home secretary.")
    assert has(found, "Michael Howard", "holdsPosition", "home secretary", modality="asserted", status="former")


def test_positions_an_office_of_a_legislature_is_no_job_with_it(facts) -> None:
    found = facts("Commons leader Peter Hain said the bill would pass.")
    assert has(found, "Peter Hain", "holdsPosition", "leader", affiliation="Commons")
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_a_national_party_is_not_the_party_of_the_same_colour_elsewhere(facts) -> None:
    found = facts("The Scottish Green Party's health spokeswoman, Eleanor Scott, said the plan was wrong.")
    assert has(found, "Eleanor Scott", "memberOf", "Scottish Green Party")
    assert has(facts("Scottish Socialist Party leader Colin Fox spoke."), "Colin Fox", "holdsPosition", "leader", affiliation="Scottish Socialist Party")


def test_positions_a_comptroller_and_a_welfare_minister_are_offices(facts) -> None:
    found = facts("The prosecutor, New York State Comptroller Alan Hevesi, said the case was strong.")
    assert has(found, "Alan Hevesi", "holdsPosition", "Comptroller", affiliation="New York State")
    found = facts("Indonesia's Welfare Minister Alwi Shihab told AP the aid would arrive.")
    assert has(found, "Alwi Shihab", "holdsPosition", "Welfare Minister", affiliation="Indonesia")
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_a_firm_s_standing_before_its_name_is_no_office(facts) -> None:
    found = facts("Circuit City is struggling to keep up with market leader Best Buy.")
    assert not any(f.predicate == "holdsPosition" for f in found)


def test_positions_one_name_beside_a_plural_is_a_list_not_an_office(facts) -> None:
    found = facts("They will also speak to Mr Finnie, representatives of the Royal Society and the Sea Fish Industry Authority.")
    assert not any(f.predicate in {"holdsPosition", "worksFor"} for f in found)


def test_positions_a_founder_founded_the_firm_and_is_not_said_to_work_for_it(facts) -> None:
    for text in ("Yukos founder Mikhail Khodorkovsky is in jail.", "Mikhail Khodorkovsky, the founder of Yukos, is in jail."):
        found = facts(text)
        assert has(found, "Mikhail Khodorkovsky", "founded", "Yukos")
        assert not has(found, "Mikhail Khodorkovsky", "worksFor", "Yukos")
        # Founding is no office either.
        assert not any(f.predicate == "holdsPosition" and f.subject == "Mikhail Khodorkovsky" for f in found)


def test_positions_a_party_s_office_in_a_chamber_named_by_its_seat_is_the_party_s(facts) -> None:
    found = facts("The Scottish National Party's Holyrood leader Nicola Sturgeon said the plan had failed.")
    assert has(found, "Nicola Sturgeon", "holdsPosition", "Holyrood leader", affiliation="Scottish National Party")
    assert has(found, "Nicola Sturgeon", "memberOf", "Scottish National Party")
    assert not any(f.predicate == "worksFor" for f in found)
    found = facts("SNP Holyrood leader Nicola Sturgeon said so.")
    assert has(found, "Nicola Sturgeon", "holdsPosition", "Holyrood leader", affiliation="Scottish National Party")


def test_positions_an_office_of_a_chamber_named_by_its_seat_is_no_job_with_it(facts) -> None:
    found = facts("Holyrood leader Nicola Sturgeon said the plan had failed.")
    assert not any(f.predicate == "worksFor" for f in found)


def test_positions_a_chamber_s_staff_work_for_it(facts) -> None:
    assert has(facts("Senate official Ann Lee said the rules were clear."), "Ann Lee", "worksFor", "Senate")
    found = facts("But a letter from Holyrood's Chamber Office chief Ken Hughes made it clear.")
    assert has(found, "Ken Hughes", "worksFor", "Holyrood")


def test_positions_a_consort_is_part_of_a_royal_title_not_a_name(facts) -> None:
    found = facts("Mrs Parker Bowles will become Princess Consort when Charles becomes king.")
    assert has(found, "Parker Bowles", "holdsPosition", "Princess Consort", modality="planned")
    assert not any(f.subject == "Consort" for f in found)


def test_positions_an_office_someone_should_take_is_not_held(facts) -> None:
    assert has(facts("Mrs Parker Bowles should become Princess Consort."), "Parker Bowles", "holdsPosition", "Princess Consort", modality="possible")


def test_positions_an_office_taken_in_a_time_clause_ahead_is_not_yet_held(facts) -> None:
    found = facts("Mrs Parker Bowles will become Princess Consort when Charles becomes king.")
    assert has(found, "Charles", "holdsPosition", "king", modality="possible")


def test_positions_an_office_a_bid_aims_at_is_not_held(facts) -> None:
    assert has(facts("Mr Morchio made a bid last year to become chairman of Fiat."), "Morchio", "holdsPosition", "chairman", modality="planned")


def test_positions_a_service_the_simple_past_tells_is_over(facts) -> None:
    assert has(facts("Mr Smith served as chairman of Ford from 1990 to 1995."), "Smith", "holdsPosition", "chairman", status="former")
    assert has(facts("After serving as a junior minister, Lord Jenkins became chancellor."), "Jenkins", "holdsPosition", "junior minister", status="former")


def test_positions_a_service_the_present_perfect_tells_still_runs(facts) -> None:
    assert has(facts("Mr Smith has served as chairman of Ford since 1998."), "Smith", "holdsPosition", "chairman", status=None)


def test_positions_a_title_with_its_own_possessive_after_and_starts_another_persons(facts) -> None:
    found = facts("The prime minister and his campaign boss Alan Milburn visited Leeds.")
    assert has(found, "Alan Milburn", "holdsPosition", "campaign boss")
    assert not has(found, "Alan Milburn", "holdsPosition", "prime minister")


def test_positions_an_office_left_by_a_death_before_the_clause_is_former_whatever_the_clause(facts) -> None:
    found = facts("Mr Morchio made a bid last year to become chairman after the death of president Umberto Agnelli.")
    assert has(found, "Umberto Agnelli", "holdsPosition", "president", status="former")


def test_positions_an_office_left_only_in_a_future_clause_is_still_held(facts) -> None:
    assert has(facts("He will be chairman after the resignation of chairman John Smith."), "John Smith", "holdsPosition", "chairman", status=None)


def test_positions_one_who_will_remain_in_an_office_holds_it_now(facts) -> None:
    found = facts("Peter Tom, who will remain as chief executive of Aggregate Industries, said the offer was fair.")
    assert has(found, "Peter Tom", "holdsPosition", "chief executive", affiliation="Aggregate Industries", modality="asserted")
    assert not has(found, "Peter Tom", "holdsPosition", "chief executive", modality="planned")


def test_positions_one_who_will_become_an_officer_does_not_hold_it_yet(facts) -> None:
    found = facts("Jane Doe will become chief executive of Acme Holdings next year.")
    assert has(found, "Jane Doe", "holdsPosition", "chief executive", affiliation="Acme Holdings", modality="planned")


def test_positions_a_world_region_before_a_title_is_what_it_covers_not_its_owner(facts) -> None:
    found = facts("Britain's Europe Director Dominick Chilcott will represent the UK at the talks.")
    assert has(found, "Dominick Chilcott", "holdsPosition", "Europe Director", affiliation="United Kingdom")
    assert not any(f.affiliation == "Europe" for f in found)


def test_positions_a_city_before_a_title_still_owns_its_office(facts) -> None:
    found = facts("London mayor Ken Livingstone said the plan would work.")
    assert has(found, "Ken Livingstone", "holdsPosition", "mayor", affiliation="London")


def test_positions_the_leader_of_a_party_named_in_full_is_its_member(facts) -> None:
    # A party the lexicon does not list, known by its name's last word.
    found = facts("Scottish Conservative Party leader David McLetchie said he had been cleared.")
    assert has(found, "David McLetchie", "memberOf", "Scottish Conservative Party")
    assert not has(found, "David McLetchie", "worksFor", "Scottish Conservative Party")


def test_positions_a_rank_before_a_world_region_stays_in_the_title(facts) -> None:
    found = facts("Shadow Europe minister Graham Brady said Britain must keep its rebate.")
    assert has(found, "Graham Brady", "holdsPosition", "Shadow Europe minister")


def test_positions_words_that_describe_the_holder_are_no_part_of_the_office(facts) -> None:
    found = facts("Ruth Kelly, the first female education secretary, spoke on Monday.")
    assert has(found, "Ruth Kelly", "holdsPosition", "education secretary")
    found = facts("Sarah Teather, who became the most recent female MP to be elected, said she was pleased.")
    assert has(found, "Sarah Teather", "holdsPosition", "MP")


def test_positions_an_ordinal_that_names_the_office_stays_in_it(facts) -> None:
    found = facts("Jack McConnell, the First Minister, spoke on Monday.")
    assert has(found, "Jack McConnell", "holdsPosition", "First Minister")


def test_positions_a_place_after_at_is_where_not_whose_office(facts) -> None:
    found = facts("The delegation met Prime Minister Tony Blair at 10 Downing Street on Monday.")
    assert not any(f.predicate == "holdsPosition" and f.affiliation == "10 Downing Street" for f in found)
    found = facts("Analyst Alex Potter at Lehman Brothers said shares would rise.")
    assert has(found, "Alex Potter", "holdsPosition", "Analyst", affiliation="Lehman Brothers")


def test_positions_kin_of_an_officer_does_not_work_where_the_officer_does(facts) -> None:
    found = facts("Gordon Brown was born in Glasgow in 1951, the son of a Church of Scotland minister in Kirkcaldy.")
    assert not has(found, "Gordon Brown", "worksFor", "Church of Scotland")
