"""The ontology file and ``kg.vocab`` agree term for term, and every term is documented."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kg.predicates import predicate_names
from kg.vocab import KG, ONTOLOGY_PATH, OWL, RDF, RDFS, SCHEMA, SHAPES_PATH, bind_prefixes

NS = str(KG)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _vocab_terms() -> set[URIRef]:
    return {KG[name] for name in KG.__annotations__}


def _declared_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_vocab_ontology_parses_with_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/kg-news/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) == URIRef("https://w3id.org/kg-news/ontology/0.2.0")


def test_vocab_every_term_is_declared_in_the_ontology(ontology: Graph) -> None:
    missing = sorted(str(t) for t in _vocab_terms() - _declared_terms(ontology))
    assert missing == []


def test_vocab_every_declared_term_is_in_kg(ontology: Graph) -> None:
    extra = sorted(str(t) for t in _declared_terms(ontology) - _vocab_terms())
    assert extra == []


def test_vocab_every_term_has_english_label_and_comment(ontology: Graph) -> None:
    for term in _declared_terms(ontology):
        for prop in (RDFS.label, RDFS.comment):
            values = [v for v in ontology.objects(term, prop) if isinstance(v, Literal) and v.language == "en"]
            assert values, f"{term} has no @en {prop}"


def test_vocab_every_registry_predicate_is_an_object_property(ontology: Graph) -> None:
    for name in sorted(predicate_names()):
        assert (KG[name], RDF.type, OWL.ObjectProperty) in ontology, name
        if name != "relatedTo":
            assert (KG[name], RDFS.subPropertyOf, KG.relatedTo) in ontology, name


def _terms_used_in_code() -> set[str]:
    """``KG.name`` in kg/, ``kg:name`` in queries/ and the shapes, and every registry predicate."""
    root = Path(__file__).parent.parent
    used = {name for path in (root / "kg").rglob("*.py") for name in re.findall(r"\bKG\.(\w+)", path.read_text(encoding="utf-8"))}
    for path in [*(root / "queries").glob("*.rq"), SHAPES_PATH]:
        used |= set(re.findall(r"\bkg:(\w+)", path.read_text(encoding="utf-8")))
    return used | set(predicate_names())


def test_vocab_every_term_used_in_code_is_declared() -> None:
    assert sorted(_terms_used_in_code() - set(KG.__annotations__)) == []


def test_vocab_every_declared_term_is_used_in_code() -> None:
    assert sorted(set(KG.__annotations__) - _terms_used_in_code()) == []


def test_vocab_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        KG.notATerm  # noqa: B018


def test_vocab_bind_prefixes_gives_kg_and_schema() -> None:
    graph = bind_prefixes(Graph(bind_namespaces="core"))
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    assert bound["kg"] == NS
    assert bound["schema"] == str(SCHEMA)
    assert "kg1" not in bound and "schema1" not in bound
    graph.add((URIRef("https://w3id.org/kg-news/resource/entity/person/x"), RDF.type, KG.Person))
    assert "@prefix kg: <https://w3id.org/kg-news/ontology#>" in graph.serialize(format="turtle")
