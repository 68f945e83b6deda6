"""The syntax layer's token finders: the same tokens a pass over the Doc finds, without the pass."""
from __future__ import annotations

import spacy

from kg.lexicon import EVENT_HEADS
from kg.syntax import capitalised, indices_of, listed_names, lowered_in, token_texts, written_counts

TEXT = "Anglo-Dutch Shell (RDS) - the oil giant - said talks at the Summit, and a summit in Oslo, were over."


def test_indices_of_finds_every_token_written_exactly_so() -> None:
    doc = spacy.blank("en")(TEXT)
    assert indices_of(doc, "-") == [t.i for t in doc if t.text == "-"]
    assert [doc[i].text for i in indices_of(doc, "(")] == ["("]


def test_indices_of_a_mark_the_text_lacks_is_empty() -> None:
    assert indices_of(spacy.blank("en")("No brackets here."), "(") == []


def test_lowered_in_finds_words_in_any_case_in_text_order(nlp) -> None:
    doc = nlp(TEXT)
    found = lowered_in(doc, EVENT_HEADS)
    assert [t.text for t in found] == [t.text for t in doc if t.lower_ in EVENT_HEADS]
    assert [t.text for t in found] == ["talks", "Summit", "summit"]
    assert found[0].dep_ == doc[found[0].i].dep_  # real tokens of the parsed Doc


def test_written_counts_counts_exact_spellings_only() -> None:
    doc = spacy.blank("en")("Yukos said Yukos's bid and yukos shares, not YUKOS.")
    assert written_counts(doc, ["Yukos", "Gazprom"]) == {"Yukos": 2}
    assert written_counts(doc, []) == {}


def test_token_texts_are_the_tokens_texts(nlp) -> None:
    doc = nlp(TEXT)
    assert token_texts(doc) == [t.text for t in doc]


def test_capitalised_marks_title_case_and_capitals(nlp) -> None:
    doc = nlp(TEXT)
    assert capitalised(doc) == [t.is_title or t.is_upper for t in doc]


def _offices(words: str, ents: dict[str, str] | None = None) -> list[str]:
    from spacy.tokens import Doc

    from kg.syntax.titles import office_names

    tokens = words.split()
    tags = ["O"] * len(tokens)
    for name, label in (ents or {}).items():
        first = tokens.index(name.split()[0])
        for k in range(len(name.split())):
            tags[first + k] = ("B-" if k == 0 else "I-") + label
    doc = Doc(spacy.blank("en").vocab, words=tokens, ents=tags)
    return [doc[start:end].text for start, end in office_names(doc)]


def test_office_names_a_portfolio_list_ends_at_its_and() -> None:
    found = _offices("The Secretary of State for Culture , Media and Sport , Tessa Jowell , spoke", {"Tessa Jowell": "PERSON"})
    assert found == ["Secretary of State for Culture , Media and Sport"]


def test_office_names_a_comma_with_no_list_after_it_ends_the_portfolio() -> None:
    assert _offices("The Minister for Trade , Mark Vaile , said so", {"Mark Vaile": "PERSON"}) == ["Minister for Trade"]


def test_office_names_take_the_capitalised_title_words_before_the_head() -> None:
    assert _offices("The Shadow Secretary of State for the Family said so") == ["Shadow Secretary of State for the Family"]


def test_office_names_a_place_or_an_organisation_after_for_is_no_portfolio() -> None:
    assert _offices("the Secretary of State for Scotland spoke", {"Scotland": "GPE"}) == ["Secretary of State"]
    assert _offices("the Minister for the Cabinet Office spoke") == []


def test_office_names_need_a_portfolio_or_of_state() -> None:
    assert _offices("Minister Jack Straw spoke", {"Jack Straw": "PERSON"}) == []
    assert _offices("the Deputy Minister spoke") == []


def test_office_names_a_portfolio_before_the_head_names_the_office() -> None:
    assert _offices("he would not back the Home Secretary 's plans", {"Home": "ORG"}) == ["Home Secretary"]


def test_office_names_two_portfolios_joined_by_and_are_one_office() -> None:
    assert _offices("proposals of the Trade and Industry Secretary Patricia Hewitt", {"Patricia Hewitt": "PERSON"}) == ["Trade and Industry Secretary"]


def test_office_names_a_capitalised_word_before_the_portfolio_leaves_the_title_to_the_model() -> None:
    assert _offices("Maritime Affairs Commissioner Joe Borg said so", {"Joe Borg": "PERSON"}) == []


def _hand_parse(words, heads, deps, pos=None):
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    for token in doc:
        token.lemma_ = {"left": "leave", "hired": "hire"}.get(token.text, token.text.lower())
    return doc


def test_logical_subjects_of_a_purpose_infinitive_are_the_subject_not_the_object() -> None:
    from kg.syntax import logical_subjects

    # "Smith left Goldman to join Morgan": Smith joins.
    doc = _hand_parse(["Smith", "left", "Goldman", "to", "join", "Morgan"], [1, 1, 1, 4, 1, 4], ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj"],
                      ["PROPN", "VERB", "PROPN", "PART", "VERB", "PROPN"])
    assert [t.text for t in logical_subjects(doc[4])] == ["Smith"]


def test_logical_subjects_of_an_object_control_verb_s_infinitive_are_its_object() -> None:
    from kg.syntax import logical_subjects

    # "Ford hired Smith to run Opel": Smith runs it.
    doc = _hand_parse(["Ford", "hired", "Smith", "to", "run", "Opel"], [1, 1, 1, 4, 1, 4], ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj"],
                      ["PROPN", "VERB", "PROPN", "PART", "VERB", "PROPN"])
    assert [t.text for t in logical_subjects(doc[4])] == ["Smith"]


def test_listed_names_reads_a_list_hung_as_an_apposition_and_its_conjuncts() -> None:
    # The parse the model gives "members David Davis, Oliver Letwin and Tim Yeo": Letwin is Davis's
    # apposition and Yeo is Letwin's conjunct.
    words = ["members", "David", "Davis", ",", "Oliver", "Letwin", "and", "Tim", "Yeo"]
    heads = [2, 2, 2, 2, 5, 2, 5, 8, 5]
    deps = ["compound", "compound", "ROOT", "punct", "compound", "appos", "cc", "compound", "conj"]
    doc = spacy.tokens.Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    assert [t.text for t in listed_names(doc[2])] == ["Davis", "Letwin", "Yeo"]
