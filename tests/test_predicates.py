"""The predicate registry (kg/predicates.py) and the public vocabulary (ontologies/kg.ttl) say the
same thing about every relation, and the registry's frames are well formed."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from kg import predicates
from kg.model import ENTITY_TYPES
from kg.predicates import PREDICATES, QUALIFIERS, get, noun_frames, predicate_names, verb_frames
from kg.vocab import KG, ONTOLOGY_PATH, OWL, RDF, RDFS


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _declared_relations(ontology: Graph) -> set[str]:
    ns = str(KG)
    return {
        str(p)[len(ns):]
        for p in ontology.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(ns) and ((p, RDFS.subPropertyOf, KG.relatedTo) in ontology or p == KG.relatedTo)
    }


def test_predicates_registry_and_ontology_name_the_same_relations(ontology: Graph) -> None:
    assert set(predicate_names()) == _declared_relations(ontology)


@pytest.mark.parametrize("name", predicate_names())
def test_predicates_label_and_comment_match_the_ontology(ontology: Graph, name: str) -> None:
    declared = get(name)
    assert ontology.value(KG[name], RDFS.label) == Literal(declared.label, lang="en")
    assert ontology.value(KG[name], RDFS.comment) == Literal(declared.comment, lang="en")


@pytest.mark.parametrize("name", predicate_names())
def test_predicates_symmetry_matches_the_ontology(ontology: Graph, name: str) -> None:
    assert ((KG[name], RDF.type, OWL.SymmetricProperty) in ontology) == get(name).symmetric


@pytest.mark.parametrize("name", predicate_names())
def test_predicates_single_domain_and_range_match_the_ontology(ontology: Graph, name: str) -> None:
    declared = get(name)
    domain = ontology.value(KG[name], RDFS.domain)
    assert domain == (KG[declared.domain[0]] if len(declared.domain) == 1 else KG.Entity)
    entity_range = [t for t in declared.range if t in ENTITY_TYPES]
    if len(entity_range) == 1:
        assert ontology.value(KG[name], RDFS.range) == KG[entity_range[0]]


def test_predicates_types_and_qualifiers_come_from_closed_lists() -> None:
    for p in PREDICATES:
        assert set(p.domain) <= set(ENTITY_TYPES), p.name
        assert set(p.range) <= set(ENTITY_TYPES) | {"Quantity", "Title"}, p.name
        assert set(p.qualifiers) <= set(QUALIFIERS), p.name


def test_predicates_frame_slots_are_known() -> None:
    verb_slots = {"dobj", "dobj:in"}
    noun_slots = {"poss", "compound", "modifier", "name", "named", "clause", "setting"}
    for p in PREDICATES:
        for frame in p.verbs:
            assert all(s in verb_slots or s.startswith(("prep:", "dobj:", "place:")) for s in frame.object), (p.name, frame)
            assert frame.counterpart is None or (frame.counterpart[0] in predicate_names() and frame.counterpart[1].startswith("prep:")), (p.name, frame)
        for frame in p.nouns:
            assert all(s in noun_slots or s.startswith("prep:") for s in frame.subject + frame.object), (p.name, frame)
            assert not ("clause" in frame.subject and not frame.verbs), (p.name, frame.lemma)
            assert frame.counterpart is None or (frame.counterpart[0] in predicate_names() and frame.counterpart[1] in noun_slots), (p.name, frame)


def test_predicates_lookup_by_lemma_finds_every_frame() -> None:
    assert ("acquires", "buy") in {(p.name, f.lemma) for p, f in verb_frames("buy")}
    assert {"ownsStake", "acquires"} <= {p.name for p, _ in noun_frames("stake")}
    assert any(f.particle == "over" for p, f in verb_frames("take") if p.name == "acquires")


def test_predicates_unknown_name_says_what_is_accepted() -> None:
    with pytest.raises(KeyError, match="expected one of"):
        predicates.get("likes")
