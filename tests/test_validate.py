"""Tests for kg.validate and ontologies/shapes.ttl: kg's own RDF conforms, each broken contract is named."""
from __future__ import annotations

from datetime import date

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kg.errors import KgError, ValidationError
from kg.model import ENTITY_TYPES, Argument, Document, Entity, Evidence, KnowledgeGraph, Mention, Quantity, Qualifiers, Statement
from kg.rdf import document_iri, entity_iri, to_jsonld, to_rdf, to_turtle
from kg.validate import ValidationReport, Violation, check_graph, load_shapes, validate_graph
from kg.vocab import KG, KGSH, ONTOLOGY_PATH, PROV, RDF, RDFS, SCHEMA, SH, SKOS, XSD

#: The kg namespace without the DefinedNamespace check, for deliberately unknown terms.
KG_ANY = Namespace(str(KG))

TEXT = "Jaishankar met Rubio in Washington. The United States pledged $500 billion."


#: One conforming statement written by hand, for faults that only show in parsed text.
_TURTLE_STATEMENT = """
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://w3id.org/kg-news/resource/> .

<doc/d1> a kg:Document ; kg:docId "d1" .
<entity/person/a> a kg:Person ; skos:prefLabel "A" ; rdfs:label "A" .
<stmt/0123456789abcdef> a kg:Statement ;
    kg:subject <entity/person/a> ; kg:predicate kg:meets ; kg:object <entity/person/a> ;
    kg:relation "meets" ; kg:polarity kg:Positive ; kg:modality kg:Asserted ; kg:confidence 0.5 ;
    prov:wasDerivedFrom <doc/d1> ; kg:sentence "A meets A." ; kg:extractor "kg.test" ;
    kg:startOffset "0"^^xsd:nonNegativeInteger ; kg:endOffset "10"^^xsd:nonNegativeInteger .
"""


def _mention(text: str, type_: str, start: int) -> Mention:
    end = start + len(text)
    assert TEXT[start:end] == text
    return Mention("d1", start, end, text, type_, text, f"{type_.lower()}:{text.lower()}")


JAISHANKAR = _mention("Jaishankar", "Person", 0)
RUBIO = _mention("Rubio", "Person", 15)
WASHINGTON = _mention("Washington", "Place", 24)
US = _mention("United States", "Country", 40)


@pytest.fixture(scope="module")
def tiny() -> KnowledgeGraph:
    """Two statements: a dated meeting in Washington (entity object) and a pledge of money (literal object)."""
    entities = (
        Entity("country/united-states", "Country", "United States", ("U.S.",), (US,)),
        Entity("person/marco-rubio", "Person", "Marco Rubio", ("Rubio",), (RUBIO,)),
        Entity("person/s-jaishankar", "Person", "S. Jaishankar", ("Jaishankar",), (JAISHANKAR,)),
        Entity("place/washington", "Place", "Washington", (), (WASHINGTON,)),
    )
    entity_of = {(m.doc_id, m.start, m.end): e.entity_id for e in entities for m in e.mentions}
    meets = Statement(
        subject=JAISHANKAR,
        predicate="meets",
        object=Argument(mention=RUBIO),
        relation="met",
        evidence=Evidence("d1", TEXT[:35], 0, 35),
        extractor="kg.rules.meets.v1",
        qualifiers=Qualifiers(date="2026-02", location=WASHINGTON),
        confidence=0.85,
    )
    pledge = Statement(
        subject=US,
        predicate="commitsTo",
        object=Argument(quantity=Quantity(5e11, "$500 billion", currency="USD")),
        relation="pledged",
        evidence=Evidence("d1", TEXT[36:], 36, len(TEXT)),
        extractor="kg.rules.commitsTo.v1",
        modality="reported",
        confidence=0.7,
    )
    document = Document("d1", TEXT, "tiny.txt", title="A meeting", published=date(2026, 2, 4))
    return KnowledgeGraph((document,), entities, (meets, pledge), entity_of)


@pytest.fixture
def rdf(tiny: KnowledgeGraph) -> Graph:
    """A fresh RDF graph of ``tiny`` for each test, so a test may break it freely."""
    return to_rdf(tiny)


def _statement(rdf: Graph, predicate: URIRef) -> URIRef:
    (node,) = rdf.subjects(KG.predicate, predicate)
    return node


def _failures(report: ValidationReport) -> set[tuple[str, str | None]]:
    """(focus, path) of every violation: what the tests below pin down."""
    return {(v.focus, v.path) for v in report.violations}


def _only_failure(rdf: Graph, focus: URIRef, path: URIRef | None) -> Violation:
    report = validate_graph(rdf)
    assert not report.conforms
    assert _failures(report) == {(str(focus), None if path is None else str(path))}, report.lines()
    return report.violations[0]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


# --- what kg writes conforms ------------------------------------------------------------


def test_validate_tiny_graph_conforms(rdf: Graph) -> None:
    report = validate_graph(rdf)
    assert report.conforms, report.lines()
    assert report.violations == ()
    assert report.lines() == []
    check_graph(rdf)  # no exception


@pytest.mark.model
def test_validate_sample_conforms(sample_graph: KnowledgeGraph) -> None:
    rdf = to_rdf(sample_graph)
    assert len(list(rdf.subjects(RDF.type, KG.Statement))) > 10
    report = validate_graph(rdf)
    assert report.conforms, "\n".join(report.lines())
    assert report.violations == ()
    check_graph(rdf)


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("fmt", ["turtle", "json-ld"])
def test_validate_graph_conforms_after_a_round_trip(rdf: Graph, fmt: str) -> None:
    text = to_turtle(rdf) if fmt == "turtle" else to_jsonld(rdf)
    assert validate_graph(Graph().parse(data=text, format=fmt)).conforms


def test_validate_leaves_data_and_shapes_unchanged(rdf: Graph, shapes: Graph) -> None:
    rdf.remove((_statement(rdf, KG.meets), KG.subject, None))
    before, shapes_before = set(rdf), set(shapes)
    validate_graph(rdf)
    validate_graph(rdf, shapes)
    assert set(rdf) == before
    assert set(shapes) == shapes_before  # pyshacl would add OWL axioms to the graph it is given


# --- the three faults of the issue: one readable line each ------------------------------


def test_validate_three_faults_give_one_line_each(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.remove((node, KG.subject, None))
    rdf.set((node, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    rdf.set((node, KG.modality, KG_ANY["Rumoured"]))

    report = validate_graph(rdf)
    lines = report.lines()

    assert not report.conforms
    assert len(lines) == len(report.violations) == 3
    short = str(node).rsplit("/resource/", 1)[1]
    assert short.startswith("stmt/")
    for line, prop in zip(lines, ("kg:confidence", "kg:modality", "kg:subject"), strict=True):
        assert "\n" not in line
        assert line.startswith(f"{short} {prop}: "), line
    assert lines[0] == f"{short} kg:confidence: confidence must be between 0 and 1 (got 1.5)"
    assert lines[1].endswith("(got kg:Rumoured)")
    assert "exactly one kg:subject" in lines[2]


def test_validate_check_graph_message_has_header_and_lines(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.remove((node, KG.subject, None))
    rdf.set((node, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    rdf.set((node, KG.modality, KG_ANY["Rumoured"]))

    with pytest.raises(ValidationError) as caught:
        check_graph(rdf)

    assert isinstance(caught.value, KgError)
    header, *lines = str(caught.value).splitlines()
    assert header == "graph does not conform to the kg SHACL shapes: 3 violations"
    assert lines == validate_graph(rdf).lines()


# --- statements --------------------------------------------------------------------------


def test_validate_statement_without_subject_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.remove((node, KG.subject, None))
    violation = _only_failure(rdf, node, KG.subject)
    assert violation.message == "a statement must have exactly one kg:subject"
    assert violation.value is None
    assert violation.severity == "Violation"


def test_validate_two_subjects_fail(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.add((node, KG.subject, entity_iri("person/marco-rubio")))
    violation = _only_failure(rdf, node, KG.subject)
    assert "exactly one kg:subject" in violation.message


def test_validate_subject_must_be_a_typed_entity(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.subject, entity_iri("person/nobody")))  # an IRI no triple types
    violation = _only_failure(rdf, node, KG.subject)
    assert violation.value == "entity/person/nobody"
    assert "kg entity" in violation.message


def test_validate_subject_literal_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.subject, Literal("S. Jaishankar")))
    violation = _only_failure(rdf, node, KG.subject)
    assert violation.value == '"S. Jaishankar"'


@pytest.mark.parametrize("confidence", ["1.5", "-0.1"])
def test_validate_confidence_out_of_range_fails(rdf: Graph, confidence: str) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
    violation = _only_failure(rdf, node, KG.confidence)
    assert violation.message == "confidence must be between 0 and 1"
    assert violation.value == confidence


def test_validate_confidence_bounds_conform(rdf: Graph) -> None:
    rdf.set((_statement(rdf, KG.meets), KG.confidence, Literal("1.0", datatype=XSD.decimal)))
    rdf.set((_statement(rdf, KG.commitsTo), KG.confidence, Literal("0.0", datatype=XSD.decimal)))
    assert validate_graph(rdf).conforms


def test_validate_confidence_as_string_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.confidence, Literal("high")))
    report = validate_graph(rdf)
    assert _failures(report) == {(str(node), str(KG.confidence))}
    assert {v.message for v in report.violations} >= {"confidence must be an xsd:decimal"}


def test_validate_unknown_modality_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.modality, KG_ANY["Rumoured"]))
    violation = _only_failure(rdf, node, KG.modality)
    assert violation.value == "kg:Rumoured"
    assert "kg:Asserted" in violation.message and "kg:Possible" in violation.message


def test_validate_unknown_polarity_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.polarity, KG_ANY["Neutral"]))
    violation = _only_failure(rdf, node, KG.polarity)
    assert violation.value == "kg:Neutral"
    assert violation.message == "kg:polarity must be kg:Positive or kg:Negative"


def test_validate_two_modalities_fail(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.add((node, KG.modality, KG.Hoped))
    violation = _only_failure(rdf, node, KG.modality)
    assert "exactly one kg:modality" in violation.message


def test_validate_negative_offset_fails(rdf: Graph) -> None:
    # As to_rdf would write it from a negative int: rdflib does not flag it ill-typed.
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.startOffset, Literal(-3, datatype=XSD.nonNegativeInteger)))
    violation = _only_failure(rdf, node, KG.startOffset)
    assert violation.message == "kg:startOffset must be an xsd:nonNegativeInteger"
    assert violation.value == "-3"


def test_validate_turtle_statement_conforms() -> None:
    assert validate_graph(Graph().parse(data=_TURTLE_STATEMENT, format="turtle")).conforms


def test_validate_negative_offset_from_turtle_fails() -> None:
    # Parsed from text, rdflib does flag it ill-typed; the line shows the datatype.
    turtle = _TURTLE_STATEMENT.replace('kg:endOffset "10"', 'kg:endOffset "-10"')
    node = URIRef("https://w3id.org/kg-news/resource/stmt/0123456789abcdef")
    report = validate_graph(Graph().parse(data=turtle, format="turtle"))
    assert {(v.path, v.message) for v in report.violations} == {
        (str(KG.endOffset), "kg:endOffset must be an xsd:nonNegativeInteger"),
        (str(KG.startOffset), "kg:startOffset must be less than kg:endOffset"),
    }
    assert {v.focus for v in report.violations} == {str(node)}
    assert 'kg:endOffset: kg:endOffset must be an xsd:nonNegativeInteger (got "-10"^^xsd:nonNegativeInteger)' in report.lines()[0]


@pytest.mark.parametrize("end", [20, 36], ids=["end-before-start", "end-equals-start"])
def test_validate_start_not_before_end_fails(rdf: Graph, end: int) -> None:
    node = _statement(rdf, KG.commitsTo)  # its evidence starts at 36
    rdf.set((node, KG.endOffset, Literal(end, datatype=XSD.nonNegativeInteger)))
    violation = _only_failure(rdf, node, KG.startOffset)
    assert violation.message == "kg:startOffset must be less than kg:endOffset"
    assert violation.value == "36"


def test_validate_missing_offset_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.remove((node, KG.endOffset, None))
    violation = _only_failure(rdf, node, KG.endOffset)
    assert "exactly one kg:endOffset" in violation.message


def test_validate_object_and_object_value_both_fail(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.add((node, KG.objectValue, Literal("5.0", datatype=XSD.decimal)))
    violation = _only_failure(rdf, node, None)
    assert "exactly one object" in violation.message
    assert violation.line().startswith(str(node).rsplit("/resource/", 1)[1] + ": ")


@pytest.mark.parametrize("predicate", [KG.meets, KG.commitsTo], ids=["entity-object", "literal-object"])
def test_validate_statement_without_object_fails(rdf: Graph, predicate: URIRef) -> None:
    node = _statement(rdf, predicate)
    rdf.remove((node, KG.object, None))
    rdf.remove((node, KG.objectValue, None))
    violation = _only_failure(rdf, node, None)
    assert "kg:object, kg:objectValue or kg:title" in violation.message


def test_validate_object_value_must_be_decimal(rdf: Graph) -> None:
    node = _statement(rdf, KG.commitsTo)
    rdf.set((node, KG.objectValue, Literal("500 billion")))
    violation = _only_failure(rdf, node, KG.objectValue)
    assert violation.value == '"500 billion"'


@pytest.mark.parametrize(
    "value",
    [
        Literal("2026-02-04"),
        Literal("2026-02-04T10:00:00", datatype=XSD.dateTime),
        Literal("2026-13", datatype=XSD.gYearMonth),
        Literal("26", datatype=XSD.gYear),
        Literal("2026-02-30", datatype=XSD.date),
    ],
    ids=["plain-string", "dateTime", "month-13", "two-digit-year", "february-30"],
)
def test_validate_date_with_wrong_datatype_fails(rdf: Graph, value: Literal) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.date, value))
    violation = _only_failure(rdf, node, KG.date)
    assert "xsd:date" in violation.message and "xsd:gYearMonth" in violation.message


@pytest.mark.parametrize(
    "value",
    [Literal("2026-02-04", datatype=XSD.date), Literal("2026-02", datatype=XSD.gYearMonth), Literal("2026", datatype=XSD.gYear)],
    ids=["date", "gYearMonth", "gYear"],
)
def test_validate_date_precisions_conform(rdf: Graph, value: Literal) -> None:
    rdf.set((_statement(rdf, KG.meets), KG.date, value))
    assert validate_graph(rdf).conforms


def test_validate_two_dates_fail(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.add((node, KG.date, Literal("2026", datatype=XSD.gYear)))
    violation = _only_failure(rdf, node, KG.date)
    assert "at most one kg:date" in violation.message


@pytest.mark.parametrize("predicate", [KG_ANY["likes"], SCHEMA.knows], ids=["kg-unknown", "other-namespace"])
def test_validate_predicate_not_in_ontology_fails(rdf: Graph, predicate: URIRef) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.predicate, predicate))
    violation = _only_failure(rdf, node, KG.predicate)
    assert "sub-properties" in violation.message


def test_validate_predicate_list_matches_ontology(shapes: Graph) -> None:
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    relations = set(ontology.subjects(RDFS.subPropertyOf, KG.relatedTo)) | {KG.relatedTo}
    (allowed,) = [
        set(Collection(shapes, values))
        for shape in shapes.subjects(SH.path, KG.predicate)
        for values in shapes.objects(shape, SH["in"])
    ]
    assert allowed == relations


def test_validate_entity_classes_match_the_model(shapes: Graph) -> None:
    classes = {KG[name] for name in ENTITY_TYPES}
    assert set(shapes.objects(KGSH.EntityShape, SH.targetClass)) == classes
    targeted = {c for shape in shapes.subjects(RDF.type, SH.NodeShape) if shape != KGSH.EntityShape for c in shapes.objects(shape, SH.targetClass)}
    assert classes <= targeted  # each class also has its own shape


def test_validate_location_must_be_an_entity(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, KG.location, Literal("Washington")))
    violation = _only_failure(rdf, node, KG.location)
    assert "kg entity IRI" in violation.message


def test_validate_currency_must_be_iso_code(rdf: Graph) -> None:
    node = _statement(rdf, KG.commitsTo)
    rdf.set((node, KG.currency, Literal("dollars")))
    violation = _only_failure(rdf, node, KG.currency)
    assert violation.value == '"dollars"'
    assert "ISO 4217" in violation.message


def test_validate_derived_from_must_be_a_document(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.set((node, PROV.wasDerivedFrom, document_iri("missing")))
    violation = _only_failure(rdf, node, PROV.wasDerivedFrom)
    assert violation.value == "doc/missing"


def test_validate_unknown_statement_property_fails(rdf: Graph) -> None:
    node = _statement(rdf, KG.meets)
    rdf.add((node, KG_ANY["confidance"], Literal("0.9", datatype=XSD.decimal)))
    violation = _only_failure(rdf, node, KG_ANY["confidance"])
    assert "only rdf:type and the kg statement properties" in violation.message


# --- entities and documents --------------------------------------------------------------


def test_validate_entity_without_pref_label_fails(rdf: Graph) -> None:
    rubio = entity_iri("person/marco-rubio")
    rdf.remove((rubio, SKOS.prefLabel, None))
    report = validate_graph(rdf)
    # rdfs:label must equal skos:prefLabel, so that constraint fails too.
    assert _failures(report) == {(str(rubio), str(SKOS.prefLabel)), (str(rubio), str(RDFS.label))}
    assert "entity/person/marco-rubio skos:prefLabel: an entity must have exactly one skos:prefLabel" in report.lines()


@pytest.mark.parametrize("label", [Literal(""), Literal("   "), Literal("Marco Rubio", lang="en")], ids=["empty", "blank", "language-tagged"])
def test_validate_bad_pref_label_fails(rdf: Graph, label: Literal) -> None:
    rubio = entity_iri("person/marco-rubio")
    rdf.set((rubio, SKOS.prefLabel, label))
    rdf.set((rubio, RDFS.label, label))
    report = validate_graph(rdf)
    assert (str(rubio), str(SKOS.prefLabel)) in _failures(report)
    assert {f for f, _ in _failures(report)} == {str(rubio)}


def test_validate_entity_outside_its_class_folder_fails(rdf: Graph) -> None:
    stray = entity_iri("place/marco-rubio")
    rdf.add((stray, RDF.type, KG.Person))
    rdf.add((stray, SKOS.prefLabel, Literal("Marco Rubio")))
    rdf.add((stray, RDFS.label, Literal("Marco Rubio")))
    violation = _only_failure(rdf, stray, None)
    assert "entity/person/" in violation.message
    assert violation.line() == f"entity/place/marco-rubio: {violation.message}"


def test_validate_entity_with_two_classes_fails(rdf: Graph) -> None:
    washington = entity_iri("place/washington")
    rdf.add((washington, RDF.type, KG.Country))
    report = validate_graph(rdf)
    assert (str(washington), str(RDF.type)) in _failures(report)


def test_validate_document_without_doc_id_fails(rdf: Graph) -> None:
    doc = document_iri("d1")
    rdf.remove((doc, KG.docId, None))
    violation = _only_failure(rdf, doc, KG.docId)
    assert violation.message == "a document must have exactly one kg:docId"
    assert violation.line() == "doc/d1 kg:docId: a document must have exactly one kg:docId"


def test_validate_document_published_must_be_a_date(rdf: Graph) -> None:
    doc = document_iri("d1")
    rdf.set((doc, KG.published, Literal("4 February 2026")))
    violation = _only_failure(rdf, doc, KG.published)
    assert violation.value == '"4 February 2026"'


# --- the shapes file and the report ------------------------------------------------------


def test_validate_shapes_conform_to_shacl_shacl(shapes: Graph) -> None:
    conforms, _, text = pyshacl.validate(shapes, meta_shacl=True, inference="none")
    assert conforms, text


def test_validate_every_shape_has_label_and_message(shapes: Graph) -> None:
    constraint_keys = {
        SH.minCount, SH.maxCount, SH.datatype, SH["in"], SH.node, SH["class"], SH.pattern, SH.nodeKind, SH.minLength,
        SH.minInclusive, SH.maxInclusive, SH.lessThan, SH.equals, SH.closed, SH.xone, SH["or"], SH.qualifiedMaxCount,
    }
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    property_shapes = set(shapes.objects(None, SH.property))
    assert len(node_shapes) >= 13 and len(property_shapes) >= 40
    for shape in node_shapes | property_shapes:
        assert shapes.value(shape, RDFS.label) is not None, shape
        if shape in node_shapes:
            assert shapes.value(shape, RDFS.comment) is not None, shape
        if set(shapes.predicates(shape)) & constraint_keys:
            messages = [m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal) and m.language == "en"]
            assert len(messages) == 1, shape


def test_validate_report_is_sorted_and_repeatable(rdf: Graph) -> None:
    for predicate in (KG.meets, KG.commitsTo):
        node = _statement(rdf, predicate)
        rdf.set((node, KG.polarity, KG_ANY["Neutral"]))
        rdf.remove((node, KG.extractor, None))
    first = validate_graph(rdf)
    assert len(first.violations) == 4
    assert list(first.violations) == sorted(first.violations, key=lambda v: (v.focus, v.path or "", v.message))
    assert validate_graph(rdf) == first


_DATE_WANTED = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgsh: <https://w3id.org/kg-news/shapes#> .
kgsh:DateWantedShape a sh:NodeShape ;
    sh:targetClass kg:Statement ;
    sh:severity sh:Warning ;
    sh:property [ sh:path kg:date ; sh:minCount 1 ; {severity} sh:message "a statement should be dated"@en ] .
"""


def test_validate_warnings_do_not_break_conformance(rdf: Graph) -> None:
    shapes = Graph().parse(data=_DATE_WANTED.format(severity="sh:severity sh:Warning ;"), format="turtle")
    report = validate_graph(rdf, shapes)
    assert report.conforms
    node = _statement(rdf, KG.commitsTo)
    assert [(v.focus, v.severity) for v in report.violations] == [(str(node), "Warning")]
    assert report.lines() == [f"warning: {str(node).rsplit('/resource/', 1)[1]} kg:date: a statement should be dated"]


def test_validate_violation_under_warning_node_shape_does_not_conform(rdf: Graph) -> None:
    # sh:severity belongs to each shape: this property shape reports sh:Violation. pyshacl's
    # allow_warnings looks at the node shape's sh:Warning and calls the graph conforming.
    shapes = Graph().parse(data=_DATE_WANTED.format(severity=""), format="turtle")
    report = validate_graph(rdf, shapes)
    assert [v.severity for v in report.violations] == ["Violation"]
    assert not report.conforms


def test_validate_malformed_shapes_raise_validation_error(rdf: Graph) -> None:
    shapes = Graph().parse(data=_DATE_WANTED.replace("sh:path kg:date ;", "").format(severity=""), format="turtle")
    with pytest.raises(ValidationError, match="cannot validate against the SHACL shapes"):
        validate_graph(rdf, shapes)


def test_validate_check_graph_counts_one_violation(rdf: Graph) -> None:
    rdf.remove((document_iri("d1"), KG.docId, None))
    with pytest.raises(ValidationError) as caught:
        check_graph(rdf)
    assert str(caught.value).splitlines() == [
        "graph does not conform to the kg SHACL shapes: 1 violation",
        "doc/d1 kg:docId: a document must have exactly one kg:docId",
    ]


def test_validate_load_shapes_is_cached() -> None:
    assert load_shapes() is load_shapes()
    assert (KGSH.StatementShape, RDF.type, SH.NodeShape) in load_shapes()


def test_validate_violation_line_shortens_known_namespaces() -> None:
    violation = Violation(
        focus=str(entity_iri("person/x")),
        path=str(SKOS.altLabel),
        message="skos:altLabel must be a non-blank xsd:string without a language tag",
        value='"X"@en',
        severity="Violation",
    )
    assert violation.line() == 'entity/person/x skos:altLabel: skos:altLabel must be a non-blank xsd:string without a language tag (got "X"@en)'
