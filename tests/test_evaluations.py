"""Speech that judges someone is criticism (kg.extract.evaluations), on our own sentences."""
from __future__ import annotations

import pytest

from conftest import has

pytestmark = pytest.mark.model


def test_evaluations_saying_a_party_failed_criticises_it(facts) -> None:
    assert has(facts("Alex Salmond said Gordon Brown had failed Scotland."), "Alex Salmond", "criticizes", "Gordon Brown")


def test_evaluations_judged_phrase_names_its_target(facts) -> None:
    assert has(facts("Labour says the document offers only a return to a failed Tory past."), "Labour Party", "criticizes", "Conservative Party")


def test_evaluations_denied_praise_is_blame(facts) -> None:
    found = facts("Tony Blair argued that Tory proposals would not work.")
    assert has(found, "Tony Blair", "criticizes", "Conservative Party")


def test_evaluations_neutral_speech_judges_nobody(facts) -> None:
    assert not any(f.predicate == "criticizes" for f in facts("Gordon Brown said Tony Blair would visit India in May."))


def test_evaluations_spokesperson_speaks_for_the_organisation(facts) -> None:
    found = facts("A Greenpeace spokesman said Shell had been irresponsible.")
    assert has(found, "Greenpeace", "criticizes", "Shell")


def test_evaluations_a_speaker_does_not_judge_their_own_organisation(facts) -> None:
    found = facts("Refugee Council chief executive Maeve Sherlock said the Refugee Council plans were irresponsible.")
    assert not has(found, "Maeve Sherlock", "criticizes", "Refugee Council")


def test_evaluations_a_judged_noun_names_its_owner(facts) -> None:
    assert has(facts('"This is typical of Labour hypocrisy," said Tory spokeswoman Theresa May.'), "Theresa May", "criticizes", "Labour Party")


def test_evaluations_calling_a_firms_methods_inadequate_criticises_it(facts) -> None:
    assert has(facts("Tom Hale said that Enron's methods were inadequate."), "Tom Hale", "criticizes", "Enron")


def test_evaluations_an_it_that_stands_for_the_clause_after_it_judges_no_one(facts) -> None:
    found = facts("The Treasury has cut costs. Alan Johnson said it was wrong to suggest the chancellor would usurp Mr Milburn.")
    assert not any(f.subject == "Alan Johnson" and f.predicate == "criticizes" for f in found)


def test_evaluations_a_participle_before_a_noun_judges_the_clause_subject(facts) -> None:
    assert has(facts("Mr Salmond said the Treasury was a wasted opportunity."), "Salmond", "criticizes", "Treasury")


def test_evaluations_a_passive_judging_verb_judges_its_agent(facts) -> None:
    assert has(facts("Mr Kemp said pensioners felt let down by the Treasury."), "Kemp", "criticizes", "Treasury")


def test_evaluations_an_adjectival_passive_judges_its_subject(facts) -> None:
    assert has(facts("Liam Byrne said Mr Osborne was terrified of scrutiny."), "Liam Byrne", "criticizes", "Osborne")


def test_evaluations_a_judging_verb_does_not_judge_the_party_it_acts_on(facts) -> None:
    found = facts("Ms Lucas said the Treasury had misled Mr Hale.")
    assert has(found, "Lucas", "criticizes", "Treasury")
    assert not has(found, "Lucas", "criticizes", "Hale")


def test_evaluations_fear_of_a_party_does_not_judge_it(facts) -> None:
    assert not has(facts("Mr Ross said the Tories were afraid of Mr Hale's campaigning skills."), "Ross", "criticizes", "Hale")


def test_evaluations_a_title_subject_speaks_through_its_apposed_name(facts) -> None:
    found = facts("The regulator's chief economist Tom Hardy said that Vodafone's accounting was inadequate.")
    assert has(found, "Tom Hardy", "criticizes", "Vodafone")


def test_evaluations_each_coordinated_subject_names_its_owner(facts) -> None:
    found = facts("Mr Ross said Mr Hale's plans and the Tory record were a disgrace.")
    assert has(found, "Ross", "criticizes", "Hale")
    assert has(found, "Ross", "criticizes", "Conservative Party")


def test_evaluations_a_relative_clause_judges_only_its_own_noun(facts) -> None:
    found = facts("Mr Ross said voters had a choice between Mr Hale, who will waste more, and a Tory party that will cut taxes.")
    assert has(found, "Ross", "criticizes", "Hale")
    assert not has(found, "Ross", "criticizes", "Conservative Party")


def test_evaluations_saying_a_party_was_right_to_act_supports_it(facts) -> None:
    assert has(facts("Mr Hale said Labour was right to reject the quota plan."), "Hale", "supports", "Labour Party")


def test_evaluations_praising_a_partys_decision_supports_the_party(facts) -> None:
    found = facts("The Treasury's decision to cut the tax was a sensible thing to do, Mr Ross told reporters.")
    assert has(found, "Ross", "supports", "Treasury")


def test_evaluations_the_right_moment_praises_nobody(facts) -> None:
    assert not any(f.predicate == "supports" for f in facts("Mr Hale said the Treasury had chosen the right moment to act."))


def test_evaluations_praise_of_results_is_no_support(facts) -> None:
    assert not any(f.predicate == "supports" for f in facts("An analyst, Ann Lee, said Tesco had a good and successful Christmas."))


def test_evaluations_a_hyphenated_judging_word_split_by_the_tokenizer_still_judges(facts) -> None:
    assert has(facts('Ms Lucas said: "I think the Treasury has over-reacted."'), "Lucas", "criticizes", "Treasury")


def test_evaluations_a_denied_fault_is_advice_not_blame(facts) -> None:
    assert not any(f.predicate == "criticizes" for f in facts("Ms Lucas said the Treasury should not betray pensioners."))


def test_evaluations_a_way_out_one_could_take_is_advice_not_blame(facts) -> None:
    found = facts('"I think that Congress could avoid having to turn to the taxpayer," said Professor Dennis Logue.')
    assert not any(f.predicate == "criticizes" for f in found)


def test_evaluations_who_counters_a_fault_is_not_blamed_for_it(facts) -> None:
    found = facts('Robert Kilroy-Silk told a news conference that Veritas would avoid the old parties\' "lies and spin".')
    assert not has(found, "Robert Kilroy-Silk", "criticizes", "Veritas")


def test_evaluations_the_owner_of_a_fault_someone_counters_is_blamed(facts) -> None:
    assert has(facts("Michael Howard said the Tories would end Labour's waste."), "Michael Howard", "criticizes", "Labour Party")


def test_evaluations_an_evasion_reported_is_blame(facts) -> None:
    assert has(facts('"Gordon Brown has avoided the question for months," said Michael Howard.'), "Michael Howard", "criticizes", "Gordon Brown")


def test_evaluations_finding_a_partys_policies_abhorrent_criticises_it(facts) -> None:
    assert has(facts('Mr Hale said he found the Front National\'s policies "abhorrent".'), "Hale", "criticizes", "Front National")


def test_evaluations_a_by_phrase_hung_on_the_judgement_names_the_speaker(facts) -> None:
    found = facts('Ms Jowell\'s plans have been described as "reckless" and "cynical" by the Liberal Democrats.')
    assert has(found, "Liberal Democrats", "criticizes", "Jowell")


def test_evaluations_an_expletive_it_judges_the_subject_of_its_that_clause(facts) -> None:
    assert has(facts("It was pathetic that Britain was only the 11th most generous aid donor, Mr Hale said."), "Hale", "criticizes", "United Kingdom")


def test_evaluations_an_act_judged_names_the_parties_of_its_of_phrase(facts) -> None:
    found = facts("Mr Ross said the ambition of Mr Hale and Ms Lee was getting in the way of good government.")
    assert has(found, "Ross", "criticizes", "Hale")
    assert has(found, "Ross", "criticizes", "Lee")


def test_evaluations_the_head_of_a_party_is_not_the_party_judged(facts) -> None:
    assert not has(facts("Mr Ross said the leader of the Greens was wrong."), "Ross", "criticizes", "Greens")


def test_evaluations_not_safe_in_a_partys_hands_judges_the_hands_not_the_thing(facts) -> None:
    found = facts("Mr Hale claimed the BBC was not safe in Tory hands.")
    assert has(found, "Hale", "criticizes", "Conservative Party")
    assert not has(found, "Hale", "criticizes", "BBC")


def test_evaluations_it_before_a_judging_noun_and_a_that_clause_stands_for_the_clause(facts) -> None:
    found = facts("The Treasury cut pensions. Mr Ross said it was a scandal that the pension system discriminated against women.")
    assert not any(f.predicate == "criticizes" for f in found)


def test_evaluations_describing_someone_as_the_best_chance_supports_them(facts) -> None:
    found = facts("King Abdullah has described Israeli leader Ehud Barak as the best chance for peace.")
    assert has(found, "Abdullah", "supports", "Ehud Barak")


def test_evaluations_describing_a_partys_plans_as_reckless_criticises_it(facts) -> None:
    assert has(facts("Mr Hale described the Treasury's plans as reckless."), "Hale", "criticizes", "Treasury")


def test_evaluations_a_neutral_description_judges_nobody(facts) -> None:
    assert not any(f.predicate in {"criticizes", "supports"} for f in facts("Mr Hale described the Treasury as a big department."))


def test_evaluations_saying_a_party_did_too_little_or_too_late_criticises_it(facts) -> None:
    assert has(facts("Vince Cable said the Bank of England had moved far too slowly."), "Vince Cable", "criticizes", "Bank of England")
    assert has(facts("The Tories say Labour is acting too late."), "Conservative Party", "criticizes", "Labour Party")


def test_evaluations_too_in_a_condition_or_with_it_judges_nobody(facts) -> None:
    for text in ("Vince Cable said the Bank of England would act if prices rose too fast.",
                 "Gordon Brown said it was too early to say whether Tony Blair would stand.",
                 "Ann Smith said Tony Blair had a plan that was too good to miss."):
        assert not any(f.predicate == "criticizes" for f in facts(text)), text


def test_evaluations_what_follows_a_colon_is_what_the_speaker_says(facts) -> None:
    # The parser makes "evidence" the object of "said"; the quotation is still the judgement.
    found = facts('Caroline Spelman said: "There is now growing evidence that John Prescott\'s buildings programme is environmentally unsustainable."')
    assert has(found, "Caroline Spelman", "criticizes", "John Prescott")


def test_evaluations_saying_someone_should_leave_office_criticises_them(facts) -> None:
    assert has(facts("Frank Field said the prime minister should sack Mr Brown."), "Frank Field", "criticizes", "Brown")
    assert has(facts("Labour said Mr Flight must stand down."), "Labour Party", "criticizes", "Flight")
    assert has(facts("The Lib Dems said Mr Blunkett should be sacked."), "Liberal Democrats", "criticizes", "Blunkett")


def test_evaluations_a_resignation_denied_or_only_possible_criticises_nobody(facts) -> None:
    for text in ("Mr Blair said Mr Brown should not resign.", "Mr Howard said Mr Davis would resign if he lost.", "Mr Howard said Mr Davis could resign.",
                 "David Davis says Mr Blunkett should quit if he is found to have influenced the process."):
        assert not any(f.predicate == "criticizes" for f in facts(text)), text


def test_evaluations_a_speaker_headed_by_a_post_nominal_title_is_the_person(facts) -> None:
    found = facts("Former welfare minister Frank Field MP said the prime minister should sack Mr Brown.")
    assert has(found, "Frank Field", "criticizes", "Brown")


def test_evaluations_after_a_quotation_the_speaker_follows_the_verb_whatever_the_parse(facts) -> None:
    # The parser reads "shadow" as a verb with "Tory" its subject and the name its object.
    found = facts('"This is typical of Lib Dem hypocrisy," said Tory shadow local government secretary Caroline Spelman.')
    assert has(found, "Caroline Spelman", "criticizes", "Liberal Democrats")


def test_evaluations_a_news_agency_telling_of_an_insult_judges_no_one(facts) -> None:
    found = facts("Reuters also said that Mr Lilliu shouted insults at Fiat chairman Luca di Montezemolo.")
    assert not any(f.predicate == "criticizes" and f.subject == "Reuters" for f in found)
