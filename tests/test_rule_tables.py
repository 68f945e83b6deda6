"""The model's attribute ruler and lemmatizer answered from tables annotate as spaCy's own code does."""
from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import LEMMA, MORPH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler

from kg.rule_tables import fast_ruler, lemmas_by_table

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
def test_table_components_annotate_as_spacys_own(nlp, text):
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    ours, theirs = _parsed(nlp, text), _parsed(nlp, text)
    lemmatizer(ruler(ours))
    AttributeRuler.__call__(ruler, theirs)
    EnglishLemmatizer.__call__(lemmatizer, theirs)
    assert numpy.array_equal(_annotations(ours), _annotations(theirs))
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]


def test_lemmatizer_asks_its_rules_once_per_word_part_of_speech_and_morphology(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    asked = []
    rules = lemmatizer.lemmatize
    lemmatizer.lemmatize = lambda token: asked.append((token.text, token.pos, token.morph.key)) or rules(token)
    try:
        text = "The zorblings zorbled the grumkins. The zorblings zorbled the grumkins again."
        doc = lemmatizer(nlp.get_pipe("attribute_ruler")(_parsed(nlp, text)))
    finally:
        del lemmatizer.lemmatize
    assert ("zorblings", doc[1].pos, doc[1].morph.key) in asked
    assert len(asked) == len(set(asked))


def test_lemma_index_is_still_saved_as_lists(nlp):
    lemmatizer = nlp.get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, list) for words in index.values())
    assert type(lemmatizer).from_bytes  # and the component still serialises
    assert lemmatizer.to_bytes()


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
    kind = type(lemmatizer)
    assert not lemmas_by_table(lemmatizer)
    assert type(lemmatizer) is kind
