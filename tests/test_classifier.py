"""Tests for kg.extract.classifier: candidate pairs, features, JSON weights and the statements it adds."""
from __future__ import annotations

import json

import pytest

from kg.extract import extract_documents
from kg.extract.classifier import CONLL04_WEIGHTS, DEFAULT_WEIGHTS, NEWS_WEIGHTS, RelationClassifier, candidate_pairs, default_classifier
from kg.predicates import predicate_names
from kg.extract.entities import passage_mentions
from kg.model import Document, Passage
from kg.nlp import parse_documents

TEXT = "Anna Berg, who works at Volvo, lives in Gothenburg."


def _parse(nlp, text: str):
    document = Document("c1", text, "test", segments=((0, len(text)),))
    return list(parse_documents(nlp, [document]))


def test_classifier_candidates_follow_type_signatures(nlp) -> None:
    ((doc, passage),) = _parse(nlp, TEXT)
    mentions = passage_mentions(doc, passage, set())
    sent = next(doc.sents)
    pairs = {(c.subject.name, c.predicate, c.object.name) for c in candidate_pairs(sent, mentions, [])}
    assert ("Anna Berg", "worksFor", "Volvo") in pairs
    assert ("Anna Berg", "livesIn", "Gothenburg") in pairs
    assert ("Volvo", "basedIn", "Gothenburg") in pairs
    # No signature starts at a place; an organisation may stand for a misread person or town,
    # and then its candidates say so.
    assert not any(s == "Gothenburg" and o == "Anna Berg" for s, _, o in pairs)
    candidates = list(candidate_pairs(sent, mentions, []))
    assert all("salt=PER" in c.features for c in candidates if c.subject.name == "Volvo" and c.object.name == "Anna Berg")
    features = next(c for c in candidates if c.object.name == "Volvo" and c.predicate == "worksFor").features
    assert "bias" in features and "r=none" in features
    assert any(f.startswith("pd=") for f in features)


def test_classifier_weights_round_trip_as_json(tmp_path) -> None:
    clf = RelationClassifier({"livesIn|bias": 2.0, "livesIn|b=in": 1.0}, {"livesIn": 0.5}, {"seed": 1})
    path = tmp_path / "w.json"
    clf.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["thresholds"] == {"livesIn": 0.5} and data["meta"] == {"seed": 1}
    again = RelationClassifier.load(path)
    assert again.weights == clf.weights and again.thresholds == clf.thresholds


def test_classifier_adds_statements_above_threshold_only(nlp) -> None:
    # Bias-only weights: every Person -> Place pair gets p = 0.88, every other signature 0.5.
    clf = RelationClassifier({"livesIn|bias": 2.0}, {"livesIn": 0.8, "basedIn": 0.9, "worksFor": 0.9})
    text = "Anna Berg flew home to Gothenburg on Monday."
    (extraction,) = extract_documents(iter(_parse(nlp, text)), clf)
    added = [s for s in extraction.statements if s.extractor == "kg.model.pairs.v1"]
    assert [(s.subject.name, s.predicate, s.object.mention.name) for s in added] == [("Anna Berg", "livesIn", "Gothenburg")]
    assert added[0].confidence == pytest.approx(0.881, abs=1e-3)
    assert (added[0].polarity, added[0].modality) == ("positive", "asserted")
    (rules_only,) = extract_documents(iter(_parse(nlp, text)), None)
    assert not any(s.extractor == "kg.model.pairs.v1" for s in rules_only.statements)


def test_classifier_shipped_conll04_weights_cover_its_five_relations() -> None:
    assert CONLL04_WEIGHTS.stat().st_size < 20 * 1024 * 1024
    clf = default_classifier(path=CONLL04_WEIGHTS)
    assert clf is not None and clf.weights and set(clf.thresholds) == {"worksFor", "livesIn", "locatedIn", "basedIn", "kills"}
    assert "cross-validation" in clf.meta["thresholds_chosen_by"]


def test_classifier_shipped_news_weights_name_registry_predicates() -> None:
    assert DEFAULT_WEIGHTS == NEWS_WEIGHTS and NEWS_WEIGHTS.stat().st_size < 5 * 1024 * 1024
    clf = default_classifier()
    assert clf is not None and clf.predicates
    assert set(clf.predicates) <= set(predicate_names()) and set(clf.thresholds) == set(clf.predicates)
