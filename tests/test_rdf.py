"""Tests for kg.rdf: typed entities, reified statements, direct triples only for facts, stable bytes."""
from __future__ import annotations

import json
from dataclasses import replace

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.errors import InputError
from kg.model import Document, KnowledgeGraph
from kg.rdf import date_literal, document_iri, entity_iri, load_rdf, to_jsonld, to_rdf, to_turtle
from kg.vocab import DCTERMS, KG, PROV, RDF, SCHEMA, SKOS, XSD


def _statement_nodes(rdf: Graph, predicate) -> list:
    return sorted(rdf.subjects(KG.predicate, predicate))


def test_rdf_entities_are_typed_and_labelled(small_rdf: Graph) -> None:
    rubio = entity_iri("person/marco-rubio")
    assert (rubio, RDF.type, KG.Person) in small_rdf
    assert small_rdf.value(rubio, SKOS.prefLabel) == Literal("Marco Rubio")
    assert set(small_rdf.objects(rubio, SKOS.altLabel)) == {Literal("Rubio"), Literal("Mr. Rubio")}
    assert (entity_iri("place/delhi"), RDF.type, KG.Place) in small_rdf


def test_rdf_document_has_id_title_date_and_mentions(small_rdf: Graph) -> None:
    doc = document_iri("d1")
    assert (doc, RDF.type, KG.Document) in small_rdf
    assert small_rdf.value(doc, KG.docId) == Literal("d1")
    assert small_rdf.value(doc, DCTERMS.title) == Literal("Rubio and India")
    assert small_rdf.value(doc, KG.published) == Literal("2026-02-05", datatype=XSD.date)
    assert (doc, SCHEMA.mentions, entity_iri("country/india")) in small_rdf


def test_rdf_negated_statement_has_no_direct_triple(small_rdf: Graph) -> None:
    assert list(small_rdf.triples((None, KG.visits, None))) == []
    [node] = _statement_nodes(small_rdf, KG.visits)
    assert small_rdf.value(node, KG.polarity) == KG.Negative
    assert small_rdf.value(node, KG.subject) == entity_iri("person/marco-rubio")
    assert small_rdf.value(node, KG.object) == entity_iri("country/india")


def test_rdf_only_the_asserted_meeting_is_a_direct_triple(small_rdf: Graph) -> None:
    direct = list(small_rdf.triples((None, KG.meets, None)))
    assert direct == [(entity_iri("person/marco-rubio"), KG.meets, entity_iri("person/jaishankar"))]
    modalities = {small_rdf.value(n, KG.modality) for n in _statement_nodes(small_rdf, KG.meets)}
    assert modalities == {KG.Hoped, KG.Asserted}


def test_rdf_statement_keeps_qualifiers_as_typed_literals(small_rdf: Graph) -> None:
    [node] = [n for n in _statement_nodes(small_rdf, KG.meets) if small_rdf.value(n, KG.modality) == KG.Asserted]
    assert small_rdf.value(node, KG.date) == Literal("2026-02-04", datatype=XSD.date)
    assert small_rdf.value(node, KG.location) == entity_iri("place/delhi")
    assert small_rdf.value(node, KG.rate) == Literal("18.0", datatype=XSD.decimal)
    assert small_rdf.value(node, KG.confidence) == Literal("0.5", datatype=XSD.decimal)


def test_rdf_confidence_is_rounded_to_four_places(small) -> None:
    noisy = replace(small, statements=tuple(replace(s, confidence=0.123456789) for s in small.statements))
    values = set(to_rdf(noisy).objects(None, KG.confidence))
    assert values == {Literal("0.1235", datatype=XSD.decimal)}


def test_rdf_statement_keeps_its_evidence(small_rdf: Graph) -> None:
    [node] = _statement_nodes(small_rdf, KG.visits)
    assert small_rdf.value(node, PROV.wasDerivedFrom) == document_iri("d1")
    assert small_rdf.value(node, KG.sentence) == Literal("Marco Rubio has not visited India.")
    assert small_rdf.value(node, KG.startOffset) == Literal(0, datatype=XSD.nonNegativeInteger)
    assert small_rdf.value(node, KG.endOffset) == Literal(34, datatype=XSD.nonNegativeInteger)
    assert small_rdf.value(node, KG.extractor) == Literal("kg.rules.test.v1")


def test_rdf_literal_object_is_a_decimal_value_with_currency(small_rdf: Graph) -> None:
    [node] = small_rdf.subjects(KG.predicate, KG.commitsTo)
    assert small_rdf.value(node, KG.objectValue) == Literal("5000000000.0", datatype=XSD.decimal)
    assert small_rdf.value(node, KG.currency) == Literal("USD")
    assert small_rdf.value(node, KG.object) is None
    assert list(small_rdf.triples((None, KG.commitsTo, None))) == []


def _with_bound(graph: KnowledgeGraph, bound: str) -> KnowledgeGraph:
    statements = tuple(
        replace(s, object=replace(s.object, quantity=replace(s.object.quantity, bound=bound))) if s.object.quantity is not None else s
        for s in graph.statements
    )
    return replace(graph, statements=statements)


def test_rdf_a_value_given_as_a_limit_says_so_and_conforms(small: KnowledgeGraph) -> None:
    from kg.validate import validate_graph

    rdf = to_rdf(_with_bound(small, "above"))
    [node] = rdf.subjects(KG.predicate, KG.commitsTo)
    assert rdf.value(node, KG.objectBound) == Literal("above")
    assert validate_graph(rdf).conforms
    assert to_rdf(small).value(node, KG.objectBound) is None


def test_rdf_shapes_refuse_a_bound_outside_their_words(small: KnowledgeGraph) -> None:
    from kg.validate import validate_graph

    assert not validate_graph(to_rdf(_with_bound(small, "maybe"))).conforms


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("2026-02-04", XSD.date), ("2026-02", XSD.gYearMonth), ("2026", XSD.gYear)],
)
def test_rdf_date_literal_type_follows_precision(value: str, datatype) -> None:
    assert date_literal(value).datatype == datatype


def test_rdf_has_no_blank_nodes(small_rdf: Graph) -> None:
    assert not any(isinstance(term, BNode) for triple in small_rdf for term in triple)


def test_rdf_turtle_is_byte_identical_for_the_same_graph(small) -> None:
    assert to_turtle(to_rdf(small)) == to_turtle(to_rdf(small))


def test_rdf_turtle_binds_kg_prefixes(small_rdf: Graph) -> None:
    text = to_turtle(small_rdf)
    assert "@prefix kg: <https://w3id.org/kg-news/ontology#> ." in text
    assert "kg1:" not in text and "schema1:" not in text


def test_rdf_jsonld_round_trip_is_isomorphic(small_rdf: Graph) -> None:
    back = Graph().parse(data=to_jsonld(small_rdf), format="json-ld")
    again = Graph().parse(data=back.serialize(format="turtle"), format="turtle")
    assert isomorphic(small_rdf, again), _diff(small_rdf, again)


def test_rdf_load_rdf_reads_turtle_and_jsonld(small_rdf: Graph, tmp_path) -> None:
    (tmp_path / "g.ttl").write_text(to_turtle(small_rdf), encoding="utf-8")
    (tmp_path / "g.jsonld").write_text(to_jsonld(small_rdf), encoding="utf-8")
    assert isomorphic(load_rdf(tmp_path / "g.ttl"), load_rdf(tmp_path / "g.jsonld"))


def test_rdf_load_rdf_rejects_unknown_suffix(tmp_path) -> None:
    path = tmp_path / "graph.csv"
    path.write_text("a,b\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown RDF file type '\.csv'"):
        load_rdf(path)


def test_rdf_load_rdf_reports_invalid_turtle(tmp_path) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<a:b> <a:c> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid turtle"):
        load_rdf(path)


# --- the sample article ---------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_turtle(sample_graph) -> str:
    return to_turtle(to_rdf(sample_graph))


def test_rdf_sample_turtle_parses_with_rdflib_and_oxigraph(sample_turtle: str) -> None:
    rdflib_graph = Graph().parse(data=sample_turtle, format="turtle")
    store = ox.Store()
    store.load(sample_turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    assert len(rdflib_graph) == len(store) > 300


def test_rdf_sample_round_trips_through_jsonld(sample_graph, sample_turtle: str) -> None:
    turtle = Graph().parse(data=sample_turtle, format="turtle")
    jsonld = Graph().parse(data=to_jsonld(to_rdf(sample_graph)), format="json-ld")
    back = Graph().parse(data=jsonld.serialize(format="turtle"), format="turtle")
    assert isomorphic(turtle, back), _diff(turtle, back)


def test_rdf_sample_turtle_is_byte_identical_across_builds(nlp, sample_turtle: str) -> None:
    from tests.conftest import SEEDS

    from kg.pipeline import build_knowledge_graph

    assert to_turtle(to_rdf(build_knowledge_graph([SEEDS], nlp=nlp))) == sample_turtle


def test_rdf_sample_has_no_visit_of_india_by_rubio_as_fact(sample_turtle: str) -> None:
    rdf = Graph().parse(data=sample_turtle, format="turtle")
    rubio, india = entity_iri("person/marco-rubio"), entity_iri("country/india")
    assert (rubio, KG.visits, india) not in rdf
    negated = [n for n in rdf.subjects(KG.predicate, KG.visits) if rdf.value(n, KG.subject) == rubio]
    assert [rdf.value(n, KG.polarity) for n in negated] == [KG.Negative]


def _diff(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return f"only in first:\n{only_a.serialize(format='nt')}\nonly in second:\n{only_b.serialize(format='nt')}"


# --- any document id -----------------------------------------------------------------------

#: Ids a JSONL file can hold that are no IRI segment as they are.
HOSTILE_IDS = [
    "a b", 'say "hi"', "a/b", "../../etc/passwd", "tab\there", "bell\u0001", "%zz", "line\nbreak", "back\\slash",
    "<script>", "{x}", "~home", ".", "..", "Zürich", "\u202eevil", "x" * 500, "#frag?q=1", "",
]


@pytest.mark.parametrize("doc_id", HOSTILE_IDS, ids=repr)
def test_rdf_document_iri_of_any_id_is_one_valid_segment(doc_id: str) -> None:
    import re

    iri = str(document_iri(doc_id))
    ox.NamedNode(iri)  # pyoxigraph checks IRIs strictly
    assert re.fullmatch(r"https://w3id\.org/kg-news/resource/doc/[A-Za-z0-9._~%-]{1,200}", iri), iri
    assert not iri.endswith(("/.", "/.."))


def test_rdf_document_iris_of_different_ids_differ() -> None:
    ids = HOSTILE_IDS + ["a%20b", "a-b", "x" * 499 + "y", "dbef46ec78bd1809"]
    assert len({document_iri(i) for i in ids}) == len(ids)


def test_rdf_plain_ids_keep_their_iri() -> None:
    assert str(document_iri("dbef46ec78bd1809")) == "https://w3id.org/kg-news/resource/doc/dbef46ec78bd1809"
    assert str(document_iri("reuters-2026.02_04")) == "https://w3id.org/kg-news/resource/doc/reuters-2026.02_04"


@pytest.mark.parametrize("doc_id", HOSTILE_IDS[:-1], ids=repr)
def test_rdf_graph_with_any_document_id_round_trips_and_conforms(small: KnowledgeGraph, doc_id: str) -> None:
    from kg.validate import validate_graph

    graph = _with_doc_id(small, doc_id)
    rdf = to_rdf(graph)
    assert validate_graph(rdf).conforms
    turtle = to_turtle(rdf)
    store = ox.Store()
    store.load(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    store.load(to_jsonld(rdf).encode("utf-8"), format=ox.RdfFormat.JSON_LD, to_graph=ox.NamedNode("http://example.org/jsonld"))
    ids = [s["id"].value for s in store.query("SELECT ?id WHERE { ?d kg:docId ?id }", prefixes={"kg": str(KG)})]
    assert ids == [doc_id]
    assert isomorphic(rdf, Graph().parse(data=turtle, format="turtle"))


def _with_doc_id(graph: KnowledgeGraph, doc_id: str) -> KnowledgeGraph:
    """``graph`` with its one document renamed: a JSONL id that is no IRI segment."""
    from dataclasses import fields, is_dataclass

    def rename(value):
        if is_dataclass(value) and not isinstance(value, type):
            changes = {f.name: rename(getattr(value, f.name)) for f in fields(value)}
            if "doc_id" in changes:
                changes["doc_id"] = doc_id
            return replace(value, **changes)
        if isinstance(value, tuple):
            return tuple(rename(v) for v in value)
        return value

    entity_of = {(doc_id, start, end): entity for (_, start, end), entity in graph.entity_of.items()}
    return KnowledgeGraph(rename(graph.documents), rename(graph.entities), rename(graph.statements), entity_of)


# --- reading graph files ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "name, text, reason",
    [
        ("bad.ttl", '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "unterminated .\n', "line 3: newline found in string literal"),
        ("bad.nt", "<http://example.org/a> <http://example.org/b> <http://example.org/c>\n", "line 2 column 1: Quads must be followed by a dot"),
        ("bad.jsonld", '{"@id": "http://example.org/a", "http://example.org/p": [1, 2', "line 1 column 62: Array values must be followed by a comma"),
    ],
)
def test_rdf_parse_error_keeps_its_reason_on_one_line(tmp_path, name: str, text: str, reason: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_rdf(path)
    assert reason in str(err.value) and "\n" not in str(err.value), str(err.value)


def test_rdf_jsonld_context_by_reference_is_refused_unless_allowed(tmp_path) -> None:
    path = tmp_path / "graph.jsonld"
    scoped = {"knows": {"@id": "http://example.org/knows", "@context": "https://example.org/scoped.jsonld"}}
    path.write_text(json.dumps({"@context": [scoped], "@id": "http://example.org/a"}), encoding="utf-8")
    with pytest.raises(InputError, match="'https://example.org/scoped.jsonld' is a reference that would be fetched"):
        load_rdf(path)


def test_rdf_inline_jsonld_context_reads_offline(small_rdf, tmp_path) -> None:
    path = tmp_path / "graph.jsonld"
    path.write_text(to_jsonld(small_rdf), encoding="utf-8")
    assert len(load_rdf(path)) == len(small_rdf)


def test_rdf_entity_keeps_why_names_of_other_documents_were_joined(small) -> None:
    entity = small.entities[0]
    joined = replace(small, entities=(replace(entity, merges=("Mr X (d2) -> x y: the one fuller name it fits in the corpus",)), *small.entities[1:]))
    reasons = set(to_rdf(joined).objects(entity_iri(entity.entity_id), KG.mergeReason))
    assert reasons == {Literal("Mr X (d2) -> x y: the one fuller name it fits in the corpus")}


def test_rdf_ntriples_lines_are_the_lines_rdflib_writes(small_rdf: Graph) -> None:
    from kg.writers import ntriples_lines

    written = {line for line in small_rdf.serialize(format="nt", encoding="utf-8").splitlines() if line.strip()}
    assert ntriples_lines(small_rdf) == written


# Build-time copies and counts that the named queries read instead of joining or counting.


def test_rdf_statement_subject_label_is_its_subject_pref_label(small_rdf: Graph) -> None:
    statements = list(small_rdf.subjects(RDF.type, KG.Statement))
    assert statements
    for node in statements:
        subject = small_rdf.value(node, KG.subject)
        assert list(small_rdf.objects(node, KG.subjectLabel)) == [small_rdf.value(subject, SKOS.prefLabel)]


def test_rdf_statement_object_label_is_its_object_pref_label(small_rdf: Graph) -> None:
    [visit] = _statement_nodes(small_rdf, KG.visits)
    assert list(small_rdf.objects(visit, KG.objectLabel)) == [Literal("India")]


def test_rdf_statement_location_label_is_its_location_pref_label(small_rdf: Graph) -> None:
    located = list(small_rdf.subject_objects(KG.location))
    assert located
    for node, place in located:
        assert list(small_rdf.objects(node, KG.locationLabel)) == [small_rdf.value(place, SKOS.prefLabel)]


def test_rdf_statement_affiliation_label_is_its_affiliation_pref_label(sample_graph) -> None:
    rdf = to_rdf(sample_graph)
    affiliated = list(rdf.subject_objects(KG.affiliation))
    assert affiliated
    for node, whose in affiliated:
        assert list(rdf.objects(node, KG.affiliationLabel)) == [rdf.value(whose, SKOS.prefLabel)]


def test_rdf_statement_source_doc_id_is_the_doc_id_of_its_document(small_rdf: Graph) -> None:
    statements = list(small_rdf.subjects(RDF.type, KG.Statement))
    assert statements
    for node in statements:
        document = small_rdf.value(node, PROV.wasDerivedFrom)
        assert list(small_rdf.objects(node, KG.sourceDocId)) == [small_rdf.value(document, KG.docId)]


def test_rdf_statement_without_a_location_or_affiliation_has_no_label_for_them(small_rdf: Graph) -> None:
    plain = [node for node in small_rdf.subjects(RDF.type, KG.Statement) if small_rdf.value(node, KG.location) is None]
    assert plain
    for node in plain:
        assert small_rdf.value(node, KG.locationLabel) is None
        assert small_rdf.value(node, KG.affiliationLabel) is None


def test_rdf_entity_name_keys_are_its_names_in_lower_case(small_rdf: Graph) -> None:
    rubio = entity_iri("person/marco-rubio")
    assert set(small_rdf.objects(rubio, KG.nameKey)) == {Literal("marco rubio"), Literal("rubio"), Literal("mr. rubio")}


def test_rdf_statement_with_a_value_object_has_no_object_label(small_rdf: Graph) -> None:
    valued = list(small_rdf.subjects(KG.objectValue, None))
    assert valued
    for node in valued:
        assert small_rdf.value(node, KG.objectLabel) is None


def test_rdf_entity_document_count_is_the_number_of_documents_mentioning_it(small_rdf: Graph) -> None:
    entities = set(small_rdf.subjects(SKOS.prefLabel, None))
    assert entities
    for entity in entities:
        mentioning = set(small_rdf.subjects(SCHEMA.mentions, entity))
        assert list(small_rdf.objects(entity, KG.documentCount)) == [Literal(len(mentioning), datatype=XSD.integer)]


def test_rdf_document_derived_statement_count_is_its_number_of_statements(small: KnowledgeGraph) -> None:
    idle = Document("d0", "Nothing was said.", "idle.txt")
    rdf = to_rdf(replace(small, documents=(*small.documents, idle)))
    for document in small.documents:
        count = sum(s.evidence.doc_id == document.doc_id for s in small.statements)
        assert count > 0
        assert rdf.value(document_iri(document.doc_id), KG.derivedStatementCount) == Literal(count, datatype=XSD.integer)
    assert rdf.value(document_iri("d0"), KG.derivedStatementCount) == Literal(0, datatype=XSD.integer)


def _statement_keys(graph: KnowledgeGraph) -> list[str]:
    from kg.rdf import rdf_parts, record_parts

    return record_parts(rdf_parts(graph))[1]


def _field_changes(value: object, path: tuple[str, ...] = ()):
    """(path, changed value) for every field of a record, nested records field by field; a
    field left empty is given a value of its kind."""
    import dataclasses

    from kg.model import Mention, Quantity

    empty = {
        "mention": Mention("d1", 86, 91, "Delhi", "Place", "Delhi", "place:delhi"), "title": Mention("d1", 0, 5, "Marco", "Position", "Marco", "position:marco"),
        "quantity": Quantity(1, "one"), "rate": Quantity(2, "2%", unit="percent"), "amount": Quantity(3, "$3", currency="USD"),
        "location": Mention("d1", 86, 91, "Delhi", "Place", "Delhi", "place:delhi"), "affiliation": Mention("d1", 120, 125, "India", "Country", "India", "country:IN"),
        "buyer": Mention("d1", 120, 125, "India", "Country", "India", "country:IN"), "date": "2026", "status": "former", "metric": "growth", "period": "2025",
        "unit": "percent", "currency": "USD", "bound": "above",
    }
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        if dataclasses.is_dataclass(current):
            for inner, changed in _field_changes(current, (*path, f.name)):
                yield inner, dataclasses.replace(value, **{f.name: changed})
        elif current is None:
            yield (*path, f.name), dataclasses.replace(value, **{f.name: empty[f.name]})
        else:
            other = {"positive": "negative", "negative": "positive", "asserted": "hoped", "hoped": "asserted"}  # closed vocabularies
            changed = current + 0.25 if isinstance(current, float) else current + 1 if isinstance(current, int) else other.get(current, current + "x")
            yield (*path, f.name), dataclasses.replace(value, **{f.name: changed})


def test_rdf_every_field_of_a_statement_reaches_its_parts_key(small) -> None:
    located = next(i for i, s in enumerate(small.statements) if s.qualifiers.location is not None)
    before = _statement_keys(small)[located]
    seen = set()
    for path, statement in _field_changes(small.statements[located]):
        statements = small.statements[:located] + (statement,) + small.statements[located + 1 :]
        spans = {(m.doc_id, m.start, m.end) for m in (statement.subject, statement.object.mention, statement.qualifiers.location,
                                                      statement.qualifiers.affiliation, statement.qualifiers.buyer) if m is not None}
        entity_of = {**small.entity_of, **{span: small.entity_of.get(span, "place/delhi") for span in spans}}
        after = _statement_keys(replace(small, statements=statements, entity_of=entity_of))[located]
        assert after != before, f"{'.'.join(path)} does not reach the key"
        seen.add(path[0])
    assert seen == {"subject", "predicate", "object", "relation", "evidence", "extractor", "qualifiers", "polarity", "modality", "confidence"}


def test_rdf_a_new_name_of_a_statements_location_reaches_its_parts_key(small) -> None:
    located = next(i for i, s in enumerate(small.statements) if s.qualifiers.location is not None)
    place = small.entity_id(small.statements[located].qualifiers.location)
    renamed = tuple(replace(e, label=e.label + " City") if e.entity_id == place else e for e in small.entities)
    assert _statement_keys(replace(small, entities=renamed))[located] != _statement_keys(small)[located]


def test_rdf_equal_statements_read_back_from_their_records_have_equal_keys(small) -> None:
    from kg.model import Extraction
    from kg.records import extraction_from_record, extraction_record

    extraction = Extraction(small.documents[0], (), small.statements)
    read_back = extraction_from_record(json.loads(json.dumps(extraction_record(extraction))))
    assert _statement_keys(replace(small, statements=read_back.statements)) == _statement_keys(small)


def test_rdf_a_bound_survives_the_extraction_record(small) -> None:
    from kg.model import Extraction
    from kg.records import extraction_from_record, extraction_record

    bounded = _with_bound(small, "below")
    extraction = Extraction(small.documents[0], (), bounded.statements)
    read_back = extraction_from_record(json.loads(json.dumps(extraction_record(extraction))))
    assert read_back.statements == bounded.statements
    assert "bound" not in json.dumps(extraction_record(Extraction(small.documents[0], (), small.statements)))
