"""The model's attribute ruler and lemmatizer answered from tables annotate as spaCy's own code does."""
from __future__ import annotations

import json

import numpy
import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from kg.rule_tables import fast_ruler, lemma_index_as_sets

#: Contractions and colloquial spellings the ruler's two-token patterns handle, a doubled space
#: (a whitespace token), an expletive "there", quotes, and words inflected and not.
TEXTS = (
    "There's no way they ain't gonna win, let's see.  He didn't say so, and we can't either.",
    'The companies were buying shares; the best-performing funds rose 3% on "good" news.',
    "Shares in the firms fell after the ministers said there were fewer buyers than hoped.",
    "She's gotta go: I'd've said so, wouldn't you?\n\nThe talks are to resume on Monday.",
)
UPSTREAM = ("attribute_ruler", "lemmatizer", "ner", "kg_entities")


def _parsed(nlp, text):
    """The Doc as the tagger and parser leave it, before the ruler and the lemmatizer."""
    with nlp.select_pipes(disable=[name for name in UPSTREAM if name in nlp.pipe_names]):
        return nlp(text)


def _annotations(doc):
    return doc.to_array([TAG, POS, MORPH, LEMMA])


@pytest.mark.parametrize("text", TEXTS)
def test_table_ruler_finds_the_matches_of_spacys_matcher(nlp, text):
    ruler = nlp.get_pipe("attribute_ruler")
    doc = _parsed(nlp, text)
    assert sorted(set(ruler.match(doc))) == sorted(set(AttributeRuler.match(ruler, doc)))


@pytest.mark.parametrize("text", TEXTS)
def test_table_ruler_annotates_tokens_as_spacys_matcher_does(nlp, text):
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    ours, theirs = _parsed(nlp, text), _parsed(nlp, text)
    lemmatizer(ruler(ours))
    ruler.set_annotations(theirs, AttributeRuler.match(ruler, theirs))  # spaCy's Matcher
    lemmatizer(theirs)
    assert numpy.array_equal(_annotations(ours), _annotations(theirs))
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_lemma_index_answers_as_its_list_and_is_saved_as_lists(nlp):
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    nouns = index["noun"]
    assert isinstance(nouns, list) and "house" in nouns and "housez" not in nouns
    assert "house" in list(nouns) and "housez" not in list(nouns)
    assert nlp.get_pipe("lemmatizer").to_bytes()


def test_ruler_with_an_operator_keeps_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"LEMMA": "very"})
    assert fast_ruler(ruler) is None


def test_ruler_tables_apply_later_rules_last():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "bank"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": {"IN": ["bank", "banks"]}}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": {"REGEX": "^ban"}}, {"LOWER": "of"}]], {"LEMMA": "third"})
    ruler.match = fast_ruler(ruler)
    doc = ruler(nlp("Bank of England banks bank"))
    assert [t.lemma_ for t in doc] == ["third", "", "", "second", "second"]


def test_lookup_lemmatizer_is_left_as_it_is():
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not lemma_index_as_sets(lemmatizer)


def test_tables_benchmark_finds_no_difference_on_news_sentences(nlp, tmp_path, capsys):
    """benchmarks/tables.py on a few sentences: kg's pipeline and spaCy's annotate alike."""
    from benchmarks import tables

    sentences = tmp_path / "sentences.jsonl"
    sentences.write_text("".join(json.dumps({"text": text, "tokens": text.split()}) + "\n" for text in TEXTS), encoding="utf-8")
    assert tables.main([str(sentences)]) == 0
    assert "texts whose annotations differ: 0" in capsys.readouterr().out
