"""Tests for kg.shacl: it evaluates kg's shapes as pyshacl does, so kg build can rely on it.

The reference is pyshacl through :func:`kg.validate.validate_graph`: on every graph here both
must agree on conformance and on the (focus node, property) of every violation.
"""
from __future__ import annotations

import random
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef

from kg.errors import ValidationError
from kg.shacl import UnsupportedShapes, compile_shapes
from kg.validate import check_graph, load_shapes, validate_graph
from kg.vocab import KG, KGR, PROV, RDF, RDFS, SCHEMA, SH, SKOS, XSD

KG_ANY = Namespace(str(KG))


def _fast(rdf: Graph) -> tuple[bool, set[tuple[str, str | None]]]:
    results = compile_shapes(load_shapes()).validate(rdf)
    return not results, {(str(r.focus), None if r.path is None else str(r.path)) for r in results}


def _reference(rdf: Graph) -> tuple[bool, set[tuple[str, str | None]]]:
    report = validate_graph(rdf)
    return report.conforms, {(v.focus, v.path) for v in report.violations}


def _copy(rdf: Graph) -> Graph:
    copy = Graph(bind_namespaces="core")
    for prefix, namespace in rdf.namespaces():
        copy.bind(prefix, namespace)
    copy += rdf
    return copy


def _statements(rdf: Graph) -> list[URIRef]:
    return sorted(rdf.subjects(RDF.type, KG.Statement))


def _entities(rdf: Graph) -> list[URIRef]:
    return sorted(s for s in rdf.subjects(SKOS.prefLabel, None))


#: Values a fault may put where another belongs: wrong kinds, datatypes and ranges.
_BAD_VALUES = (
    Literal("1.5", datatype=XSD.decimal), Literal("-3", datatype=XSD.decimal), Literal("abc", datatype=XSD.decimal),
    Literal("x"), Literal(""), Literal("  "), Literal("x", lang="en"), Literal("2026-13", datatype=XSD.gYearMonth),
    Literal("26", datatype=XSD.gYear), Literal("2026-02-04", datatype=XSD.date), Literal("2026", datatype=XSD.string),
    Literal(-3, datatype=XSD.nonNegativeInteger), Literal(7, datatype=XSD.nonNegativeInteger), Literal("usd"),
    Literal(5, datatype=XSD.integer), KG_ANY["Rumoured"], KG.Negative, KG.Hoped, KG.meets, KG.Person,
    KGR["entity/person/nobody"], KGR["doc/missing"], URIRef("http://example.org/x"), BNode("b1"),
)


def _mutate(rdf: Graph, rng: random.Random) -> str:
    """One random fault (or a harmless change) of the kinds a bug in kg.rdf could make; returns its name."""
    statements, entities = _statements(rdf), _entities(rdf)
    documents = sorted(rdf.subjects(RDF.type, KG.Document))
    node = rng.choice(statements + entities + documents or [KGR["entity/person/nobody"]])
    triples = sorted(rdf.triples((node, None, None)))
    kind = rng.choice(("drop", "replace", "add", "retype", "rename", "second_type", "unknown_property"))
    if kind == "drop" and triples:
        triple = rng.choice(triples)
        rdf.remove(triple)
        return f"drop {triple[1]}"
    if kind in ("replace", "add") and triples:
        _, predicate, old = rng.choice(triples)
        if kind == "replace":
            rdf.remove((node, predicate, old))
        rdf.add((node, predicate, rng.choice(_BAD_VALUES + tuple(entities[:3]) + tuple(documents[:2]))))
        return f"{kind} {predicate}"
    if kind == "retype":
        rdf.remove((node, RDF.type, None))
        rdf.add((node, RDF.type, rng.choice((KG.Person, KG.Country, KG.Statement, KG.Document, KG_ANY["Thing"]))))
        return "retype"
    if kind == "rename":
        new = URIRef(str(node).replace("/entity/person/", "/entity/place/").replace("/stmt/", "/stmt/x").replace("/doc/", "/docs/"))
        for s, p, o in list(rdf.triples((node, None, None))):
            rdf.remove((s, p, o))
            rdf.add((new, p, o))
        for s, p, o in list(rdf.triples((None, None, node))):
            rdf.remove((s, p, o))
            rdf.add((s, p, new))
        return "rename"
    if kind == "second_type":
        rdf.add((node, RDF.type, rng.choice((KG.Organization, KG.Place, KG.Event))))
        return "second type"
    rdf.add((node, rng.choice((KG_ANY["colour"], KG.date, KG.rate, RDFS.label, SCHEMA.mentions, PROV.wasDerivedFrom)), rng.choice(_BAD_VALUES)))
    return "unknown or extra property"


def test_shacl_kg_shapes_compile() -> None:
    compiled = compile_shapes(load_shapes())
    assert compiled.validate(Graph()) == ()


def test_shacl_conforming_graph_has_no_results(small_rdf: Graph) -> None:
    assert _fast(small_rdf) == (True, set())
    assert _reference(small_rdf) == (True, set())


@pytest.mark.parametrize("seed", range(8))
def test_shacl_agrees_with_pyshacl_on_random_faults(small_rdf: Graph, seed: int) -> None:
    rng = random.Random(seed)
    for trial in range(12):
        rdf = _copy(small_rdf)
        faults = [_mutate(rdf, rng) for _ in range(rng.randint(1, 3))]
        try:
            fast = _fast(rdf)
        except UnsupportedShapes:  # a blank node where pyshacl cannot compare either: check_graph asks pyshacl
            with pytest.raises(ValidationError):
                check_graph(rdf)
            continue
        assert fast == _reference(rdf), (seed, trial, faults)


@pytest.mark.parametrize(
    "fault",
    [
        "confidence", "modality", "no subject", "object literal", "two objects", "date datatype", "offset order",
        "closed", "entity folder", "label differs", "two classes", "predicate domain", "document link",
    ],
)
def test_shacl_check_graph_refuses_each_fault(small_rdf: Graph, fault: str) -> None:
    rdf = _copy(small_rdf)
    meeting = next(s for s in _statements(rdf) if (s, KG.predicate, KG.meets) in rdf)
    person = next(iter(rdf.objects(meeting, KG.subject)))
    broken = {
        "confidence": lambda: rdf.set((meeting, KG.confidence, Literal(Decimal("1.5")))),
        "modality": lambda: rdf.set((meeting, KG.modality, KG_ANY["Rumoured"])),
        "no subject": lambda: rdf.remove((meeting, KG.subject, None)),
        "object literal": lambda: rdf.set((meeting, KG.object, Literal("Rubio"))),
        "two objects": lambda: rdf.add((meeting, KG.objectValue, Literal(Decimal("5")))),
        "date datatype": lambda: rdf.set((meeting, KG.date, Literal("2026-02", datatype=XSD.gYear))),
        "offset order": lambda: rdf.set((meeting, KG.endOffset, Literal(0, datatype=XSD.nonNegativeInteger))),
        "closed": lambda: rdf.add((meeting, KG_ANY["colour"], Literal("red"))),
        "entity folder": lambda: rdf.add((KGR["entity/place/x"], RDF.type, KG.Person)),
        "label differs": lambda: rdf.set((person, RDFS.label, Literal("Someone else"))),
        "two classes": lambda: rdf.add((person, RDF.type, KG.Country)),
        "predicate domain": lambda: rdf.add((KGR["entity/place/washington"], KG.meets, person)),
        "document link": lambda: rdf.set((meeting, PROV.wasDerivedFrom, KGR["doc/missing"])),
    }[fault]
    broken()
    assert _fast(rdf) == _reference(rdf)
    with pytest.raises(ValidationError) as caught:
        check_graph(rdf)
    assert caught.value.args[0].splitlines()[1:] == validate_graph(rdf).lines()


def test_shacl_refuses_shapes_it_does_not_evaluate() -> None:
    shapes = Graph()
    shape = URIRef("http://example.org/shape")
    shapes.add((shape, RDF.type, SH.NodeShape))
    shapes.add((shape, SH.targetClass, KG.Person))
    shapes.add((shape, SH.languageIn, RDF.nil))
    with pytest.raises(UnsupportedShapes):
        compile_shapes(shapes)
