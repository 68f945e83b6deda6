"""The syntax layer's token finders: the same tokens a pass over the Doc finds, without the pass."""
from __future__ import annotations

import spacy

from kg.lexicon import EVENT_HEADS
from kg.syntax import capitalised, indices_of, lowered_in, token_texts, written_counts

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
