"""KnowledgeGraph -> rdflib.Graph typed by the kg ontology; IRI minting; Turtle / JSON-LD in and out.

Every statement becomes a ``kg:Statement`` node carrying its subject, predicate, object,
qualifiers, polarity, modality, confidence and evidence. The direct triple (``s kg:meets o``)
is added only for positive, asserted statements, so a plain SPARQL pattern never returns a
negated or hedged claim as a fact. IRIs are minted from stable ids and no blank node is
made, so the same input always serialises to the same Turtle bytes.
"""
from __future__ import annotations

import functools
import hashlib
import json
import marshal
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.files import current_path
from kg.model import Document, Entity, KnowledgeGraph, Mention, Quantity, Statement
from kg.terminal import one_line
from kg.writers import SubjectIndex, jsonld_data, turtle_text
from kg.vocab import DCTERMS, KG, KGR, PREFIXES, PROV, RDF, RDFS, SCHEMA, SKOS, XSD, bind_prefixes

__all__ = [
    "RDF_FORMATS",
    "check_jsonld_contexts",
    "check_kg_graph",
    "date_literal",
    "decimal_literal",
    "document_iri",
    "document_segment",
    "entity_counts",
    "entity_iri",
    "entity_iri_text",
    "jsonld_context",
    "load_rdf",
    "new_graph",
    "node_types",
    "rdf_parts",
    "RdfPart",
    "rdf_format",
    "readable_rdf_file",
    "record_parts",
    "remote_contexts",
    "statement_iri",
    "statement_iri_text",
    "to_jsonld",
    "to_rdf",
    "to_turtle",
]

#: File suffix -> rdflib parser/serialiser name.
RDF_FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".nt": "nt",
    ".ntriples": "nt",
    ".rdf": "xml",
    ".owl": "xml",
    ".xml": "xml",
    ".n3": "n3",
    ".trig": "trig",
    ".nq": "nquads",
}

#: rdflib format name -> pyoxigraph's, to name where a file stops being valid.
_OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "json-ld": ox.RdfFormat.JSON_LD, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
    "n3": ox.RdfFormat.N3, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
}

_POLARITY = {"positive": KG.Positive, "negative": KG.Negative}
_MODALITY = {
    "asserted": KG.Asserted,
    "hoped": KG.Hoped,
    "expected": KG.Expected,
    "planned": KG.Planned,
    "claimed": KG.Claimed,
    "reported": KG.Reported,
    "possible": KG.Possible,
}
_CLASS = {
    "Person": KG.Person,
    "Organization": KG.Organization,
    "Country": KG.Country,
    "Place": KG.Place,
    "Event": KG.Event,
    "Agreement": KG.Agreement,
    "Position": KG.Position,
}
_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)
#: Characters a document id may keep in its IRI; everything else is percent-encoded.
_SAFE_ID_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
_MAX_SEGMENT = 200
#: Confidence is rounded so that float noise never changes the Turtle bytes.
CONFIDENCE_PLACES = 4


def entity_iri(entity_id: str) -> URIRef:
    """IRI of an entity from its id (``<type>/<slug>``).

    >>> entity_iri("person/marco-rubio")
    rdflib.term.URIRef('https://w3id.org/kg-news/resource/entity/person/marco-rubio')
    """
    return URIRef(entity_iri_text(entity_id))


def entity_iri_text(entity_id: str) -> str:
    """:func:`entity_iri` as a plain string, without making the rdflib term (the page names
    every entity and statement, 15,000 terms at 1,600 articles)."""
    return f"{_RESOURCES}entity/{entity_id}"


def statement_iri(stmt_id: str) -> URIRef:
    """IRI of a statement from its 16-hex id (see :func:`kg.model.statement_id`)."""
    return URIRef(statement_iri_text(stmt_id))


def statement_iri_text(stmt_id: str) -> str:
    """:func:`statement_iri` as a plain string (see :func:`entity_iri_text`)."""
    return f"{_RESOURCES}stmt/{stmt_id}"


_RESOURCES = str(KGR)


def document_iri(doc_id: str) -> URIRef:
    """IRI of a document from its id (see :func:`document_segment`); ``kg:docId`` keeps the id itself.

    >>> document_iri("dbef46ec78bd1809"), document_iri("../etc/passwd")
    (rdflib.term.URIRef('https://w3id.org/kg-news/resource/doc/dbef46ec78bd1809'), rdflib.term.URIRef('https://w3id.org/kg-news/resource/doc/..%2Fetc%2Fpasswd'))
    """
    return KGR[f"doc/{document_segment(doc_id)}"]


def document_segment(doc_id: str) -> str:
    """A document id as one safe IRI path segment, different for different ids.

    An id of letters, digits, ``-``, ``.`` and ``_`` is kept as it is (kg's own hashes, most
    feed ids); any other character is percent-encoded as UTF-8 (``/``, ``%``, spaces, quotes,
    tabs, control characters, non-ASCII), and so are the dot segments ``.`` and ``..``. A
    segment longer than 200 characters is cut and ends with ``~`` and 16 hex digits of the
    id's SHA-1 (``~`` is otherwise always encoded).

    >>> document_segment("a b/%zz"), document_segment(".."), document_segment("Zürich")
    ('a%20b%2F%25zz', '%2E%2E', 'Z%C3%BCrich')
    """
    if doc_id in (".", ".."):
        encoded = "%2E" * len(doc_id)
    else:
        encoded = "".join(c if c in _SAFE_ID_CHARS else "".join(f"%{b:02X}" for b in c.encode("utf-8", "surrogatepass")) for c in doc_id)
    if encoded and len(encoded) <= _MAX_SEGMENT:
        return encoded
    head = encoded[: _MAX_SEGMENT - 40]
    head = head[: head.rfind("%")] if "%" in head[-2:] else head  # never cut inside an escape
    return f"{head}~{hashlib.sha1(doc_id.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"


@functools.lru_cache(maxsize=16_384)
def _text(value: str) -> Literal:
    """A plain literal, made once for the values statements repeat (labels, relations, rules):
    rdflib's ``Literal`` is slow to make, and an rdflib term is never changed once made."""
    return Literal(value)


@functools.lru_cache(maxsize=4096)
def date_literal(value: str) -> Literal:
    """A date qualifier as ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``, by its precision.

    >>> date_literal("2026-02").datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


@functools.lru_cache(maxsize=4096)
def decimal_literal(value: int | float) -> Literal:
    """An ``xsd:decimal`` in canonical form (always a point, no trailing zeros past the first).

    rdflib's Turtle writer prints "18" as ``18.0`` while its JSON-LD writer keeps "18", so a
    lexical form without a point would not survive a Turtle -> JSON-LD -> Turtle round trip.

    >>> str(decimal_literal(18)), str(decimal_literal(0.85)), str(decimal_literal(5e11))
    ('18.0', '0.85', '500000000000.0')
    """
    # str() first: Decimal(0.1) would carry the binary float's 50 digits into the file.
    whole, _, fraction = format(Decimal(str(value)), "f").partition(".")
    return Literal(f"{whole}.{fraction.rstrip('0') or '0'}", datatype=XSD.decimal)


def to_rdf(graph: KnowledgeGraph) -> Graph:
    """The RDF graph of a knowledge graph: documents, typed entities and reified statements.

    Args:
        graph: the resolved knowledge graph from :func:`kg.pipeline.extract_graph`.

    Returns:
        A new rdflib graph with kg's prefixes bound and no blank nodes.
    """
    rdf = new_graph()
    for part in rdf_parts(graph):
        part.write(rdf)
    return rdf


def new_graph() -> Graph:
    """An empty rdflib graph with kg's prefixes bound, as :func:`to_rdf` starts from."""
    return bind_prefixes(Graph(bind_namespaces="core"))


class RdfPart(NamedTuple):
    """The triples one record contributes to :func:`to_rdf`'s graph.

    ``key`` is a digest of everything ``write`` reads, including what the shapes check on the
    nodes it points to (their types), so an equal key means equal triples that pass or fail the
    shapes alike: an update (:mod:`kg.increment`) writes again only the parts whose key is new.
    (A named tuple: a build makes one for every record, 30,000 at 1,600 articles.)
    """

    key: str
    write: Callable[[Graph], None]


def _part(write: Callable[..., None], *args: object) -> RdfPart:
    # marshal's version 2 writes a value the same way whatever objects hold it (no references to
    # objects written before, no mark of interned strings), so equal records give equal keys; a
    # third of the time of their repr, which scans every string for quotes.
    values = (write.__name__, *(_statement_values(a) if type(a) is Statement else tuple(a) if isinstance(a, _References) else a for a in args))
    digest = hashlib.blake2b(marshal.dumps(values, 2), digest_size=12).hexdigest()
    # A partial of a module's function, not a lambda: parts are pickled to Dask workers, which
    # make and check the texts of a big graph's subjects (kg.increment.SubjectBatch).
    return RdfPart(digest, _Write(write, args))


def _mention_values(m: Mention | None) -> tuple | None:
    return None if m is None else (m.doc_id, m.start, m.end, m.text, m.type, m.name, m.key)


def _quantity_values(q: Quantity | None) -> tuple | None:
    return None if q is None else (q.value, q.text, q.unit, q.currency, q.bound)


def _statement_values(s: Statement) -> tuple:
    """Every field of a statement, nested records as tuples: what its part's key digests
    (tests/test_rdf.py changes each field in turn and sees the key change)."""
    o, e, q = s.object, s.evidence, s.qualifiers
    return (
        _mention_values(s.subject), s.predicate, (_mention_values(o.mention), _quantity_values(o.quantity), _mention_values(o.title)),
        s.relation, (e.doc_id, e.sentence, e.start, e.end), s.extractor,
        (q.date, _mention_values(q.location), _mention_values(q.affiliation), _quantity_values(q.rate), _quantity_values(q.amount),
         q.status, q.metric, q.period, _mention_values(q.buyer)),
        s.polarity, s.modality, s.confidence,
    )


class _Write(NamedTuple):
    """``write(rdf, *args)`` for a graph ``rdf`` given later (a lambda would not pickle)."""

    function: Callable[..., None]
    args: tuple

    def __call__(self, rdf: Graph) -> None:
        self.function(rdf, *self.args)


def rdf_parts(graph: KnowledgeGraph) -> list[RdfPart]:
    """:func:`to_rdf`'s graph as parts, in the order it adds them (which is the order of each
    subject's triples, and so of a JSON-LD node's values): documents, entities, the entities
    each document mentions, statements, the entities' statement counts, the types of the
    polarity and modality values in use. Each kind of part has its maker below, which
    ``kg.kept.KeptParts`` calls too, one article or entity at a time."""
    derived: dict[str, int] = {}
    for statement in graph.statements:
        derived[statement.evidence.doc_id] = derived.get(statement.evidence.doc_id, 0) + 1
    parts = [document_part(d, derived.get(d.doc_id, 0)) for d in graph.documents]
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    mentioned: dict[str, list[tuple[str, str]]] = {}
    for entity in graph.entities:
        labels[entity.entity_id] = entity.label
        types[entity.entity_id] = entity.type
        parts.append(entity_part(entity))
        for doc_id in {m.doc_id for m in entity.mentions}:
            mentioned.setdefault(doc_id, []).append((entity.entity_id, entity.type))
    # One part per document for the entities it mentions (in entity order, as a document's
    # triples always were), so a new article mentioning old entities leaves the older
    # documents' parts, and their texts, as they were.
    parts.extend(mentions_part(doc_id, mentioned[doc_id]) for doc_id in sorted(mentioned))
    links: list[tuple[str, str, str | None]] = []
    polarities: set[str] = set()
    modalities: set[str] = set()
    for statement, node_id in zip(graph.statements, graph.statement_ids):
        made, link = statement_parts(statement, graph, node_id, labels, types)
        parts.extend(made)
        links.append(link)
        polarities.add(statement.polarity)
        modalities.add(statement.modality)
    # By id, which is the order of the IRIs (one prefix), without making an IRI for each.
    parts.extend(count_part(entity_id, counts) for entity_id, counts in sorted(entity_counts(links).items()))
    parts.extend(value_type_parts(polarities, modalities))
    return parts


def document_part(document: Document, derived: int) -> RdfPart:
    """A document's own triples: its title, date and how many statements it gave."""
    d = document
    return _part(_add_document, d.doc_id, d.title, d.published.isoformat() if d.published else None, derived)


def entity_part(entity: Entity) -> RdfPart:
    """An entity's own triples: type, label, aliases, merges and in how many documents it is named."""
    return entity_part_of(entity.entity_id, entity.type, entity.label, entity.aliases, entity.merges, len({m.doc_id for m in entity.mentions}))


def entity_part_of(entity_id: str, kind: str, label: str, aliases: tuple[str, ...], merges: tuple[str, ...], documents: int) -> RdfPart:
    """:func:`entity_part` from what it reads of the entity."""
    return _part(_add_entity, entity_id, kind, label, aliases, merges, documents)


def mentions_part(doc_id: str, named: Iterable[tuple[str, str]]) -> RdfPart:
    """The entities (id, type), in the order of their ids, that one document mentions."""
    return _part(_add_mentions, doc_id, tuple(named))


def statement_parts(
    statement: Statement, graph: KnowledgeGraph, node_id: str, labels: Mapping[str, str], types: Mapping[str, str],
) -> tuple[list[RdfPart], tuple[str, str, str | None]]:
    """A statement's node, and its bare fact on the subject when there is one; with the
    statement's (id, subject id, object id or None), what the entities' counts are made of.
    ``labels`` and ``types`` need hold only the entities the statement points to."""
    refs = _references(statement, graph, node_id, labels, types)
    parts = [_part(_add_statement, statement, refs)]
    # The bare fact only when the sentence affirms it: "has not visited" and "hopes to host"
    # stay on the statement node, where a query has to ask for them. A part of its own, on
    # the subject entity.
    if refs.object is not None and statement.polarity == "positive" and statement.modality == "asserted":
        parts.append(_part(_add_fact, refs.subject, statement.predicate, refs.object, refs.types[0], refs.types[1]))
    return parts, (node_id, refs.subject, refs.object)


def count_part(entity_id: str, counts: tuple[int, int]) -> RdfPart:
    """An entity's ``kg:statementCount`` and ``kg:neighbourCount``."""
    return _part(_add_entity_counts, entity_id, *counts)


def value_type_parts(polarities: Iterable[str], modalities: Iterable[str]) -> list[RdfPart]:
    """The types of the polarity and modality values in use, so the graph alone says what they are."""
    return [value_type_part(kind, value) for kind, value in value_types(polarities, modalities)]


def value_types(polarities: Iterable[str], modalities: Iterable[str]) -> list[tuple[str, str]]:
    """("polarity" | "modality", value) of each value in use, in the order of their parts: the
    polarities, then the modalities, each by its IRI."""
    return [
        *(("polarity", p) for p in sorted(set(polarities), key=lambda p: str(_POLARITY[p]))),
        *(("modality", m) for m in sorted(set(modalities), key=lambda m: str(_MODALITY[m]))),
    ]


def value_type_part(kind: str, value: str) -> RdfPart:
    """The type of one polarity (``kind`` "polarity") or modality value."""
    if kind == "polarity":
        return _part(_add_type, str(_POLARITY[value]), str(KG.Polarity))
    return _part(_add_type, str(_MODALITY[value]), str(KG.Modality))


def entity_counts(links: Iterable[tuple[str, str, str | None]]) -> dict[str, tuple[int, int]]:
    """``kg:statementCount`` and ``kg:neighbourCount`` of every entity in a statement, from each
    statement's (id, subject id, object id or None): what the `connected` query would count
    (statements of any polarity or modality with the entity as kg:subject or kg:object; distinct
    entities at the other end), so that it reads them instead of aggregating every statement.

    Example:
        >>> entity_counts([("s1", "a", "b"), ("s2", "a", "b"), ("s3", "a", None)])
        {'a': (3, 1), 'b': (2, 1)}
    """
    statements: dict[str, set[str]] = {}
    neighbours: dict[str, set[str]] = {}
    for node_id, subject, obj in links:
        statements.setdefault(subject, set()).add(node_id)
        if obj is not None:
            neighbours.setdefault(subject, set()).add(obj)
            statements.setdefault(obj, set()).add(node_id)
            neighbours.setdefault(obj, set()).add(subject)
    return {entity_id: (len(found), len(neighbours.get(entity_id, ()))) for entity_id, found in statements.items()}


def record_parts(parts: Iterable[RdfPart]) -> tuple[dict[str, str], list[str]]:
    """The keys of the parts that write each entity (by id) and each statement (in the graph's
    order) of :func:`rdf_parts`: what a JSON record of the same entity or statement reads, but
    for an entity's mentions and the labels of a statement's qualifiers (:mod:`kg.records`)."""
    entities: dict[str, str] = {}
    statements: list[str] = []
    for part in parts:
        function = part.write.function
        if function is _add_statement:
            statements.append(part.key)
        elif function is _add_entity:
            entities[part.write.args[0]] = part.key
    return entities, statements


def node_types(graph: KnowledgeGraph) -> dict[URIRef, URIRef]:
    """The ``rdf:type`` :func:`to_rdf` gives each entity, document, polarity and modality value."""
    return node_types_of((d.doc_id for d in graph.documents), ((e.entity_id, e.type) for e in graph.entities))


def node_types_of(documents: Iterable[str], entities: Iterable[tuple[str, str]]) -> dict[URIRef, URIRef]:
    """:func:`node_types` of a graph's documents (ids) and entities ((id, type)), in that order."""
    types: dict[URIRef, URIRef] = {document_iri(doc_id): KG.Document for doc_id in documents}
    types.update((entity_iri(entity_id), _CLASS[kind]) for entity_id, kind in entities)
    types.update((value, KG.Polarity) for value in _POLARITY.values())
    types.update((value, KG.Modality) for value in _MODALITY.values())
    return types


def _add_type(rdf: Graph, node: str, cls: str) -> None:
    rdf.add((URIRef(node), RDF.type, URIRef(cls)))


def _add_entity_counts(rdf: Graph, entity_id: str, statements: int, neighbours: int) -> None:
    node = entity_iri(entity_id)
    rdf.add((node, KG.statementCount, Literal(statements, datatype=XSD.integer)))
    rdf.add((node, KG.neighbourCount, Literal(neighbours, datatype=XSD.integer)))


def _add_document(rdf: Graph, doc_id: str, title: str | None, published: str | None, derived: int) -> None:
    """A document's metadata, and ``kg:derivedStatementCount``: how many statements kg read from it."""
    node = document_iri(doc_id)
    rdf.add((node, RDF.type, KG.Document))
    rdf.add((node, KG.docId, Literal(doc_id)))
    if title:
        rdf.add((node, DCTERMS.title, Literal(title)))
    if published:
        rdf.add((node, KG.published, Literal(published, datatype=XSD.date)))
    rdf.add((node, KG.derivedStatementCount, Literal(derived, datatype=XSD.integer)))


def _add_entity(rdf: Graph, entity_id: str, kind: str, label: str, aliases: tuple[str, ...], merges: tuple[str, ...], documents: int) -> None:
    """An entity's type, labels, merge reasons and the number of documents that mention it."""
    node = entity_iri(entity_id)
    rdf.add((node, RDF.type, _CLASS[kind]))
    name = Literal(label)
    rdf.add((node, SKOS.prefLabel, name))
    # rdfs:label too: generic RDF browsers and pyvis-style renderers read only that.
    rdf.add((node, RDFS.label, name))
    for alias in aliases:
        rdf.add((node, SKOS.altLabel, Literal(alias)))
    # Each name in lower case, as SPARQL's LCASE gives it, so that the entity query finds a name
    # whatever its case with one comparison a name instead of lower-casing every label it reads.
    for key in dict.fromkeys(n.lower() for n in (label, *aliases)):
        rdf.add((node, KG.nameKey, Literal(key)))
    for reason in merges:
        rdf.add((node, KG.mergeReason, Literal(reason)))
    # The number of its documents' schema:mentions, so the entities query reads it instead of counting.
    rdf.add((node, KG.documentCount, Literal(documents, datatype=XSD.integer)))


def _add_mentions(rdf: Graph, doc_id: str, entities: tuple[tuple[str, str], ...]) -> None:
    """``schema:mentions`` of a document; each entity comes with its type, which the shapes check."""
    node = document_iri(doc_id)
    for entity_id, _ in entities:
        rdf.add((node, SCHEMA.mentions, entity_iri(entity_id)))


def _add_fact(rdf: Graph, subject_id: str, predicate: str, object_id: str, subject_type: str | None, object_type: str | None) -> None:
    rdf.add((entity_iri(subject_id), KG[predicate], entity_iri(object_id)))


class _References(NamedTuple):
    """A statement's node id and the entities it points to, with the names of its subject,
    object, location and affiliation and the types of all of them (types: what the shapes
    check on them)."""

    node: str
    subject: str
    object: str | None
    subject_label: str | None
    object_label: str | None
    location: str | None
    affiliation: str | None
    buyer: str | None
    types: tuple[str | None, ...]
    location_label: str | None
    affiliation_label: str | None


def _references(statement: Statement, graph: KnowledgeGraph, node_id: str, labels: dict[str, str], types: dict[str, str]) -> _References:
    q = statement.qualifiers
    subject = graph.entity_id(statement.subject)
    obj = graph.entity_id(statement.object.mention) if statement.object.mention is not None else None
    location = graph.entity_id(q.location) if q.location else None
    affiliation = graph.entity_id(q.affiliation) if q.affiliation else None
    buyer = graph.entity_id(q.buyer) if q.buyer else None
    pointed = (subject, obj, location, affiliation, buyer)
    return _References(node_id, subject, obj, labels.get(subject), labels.get(obj) if obj is not None else None,
                       location, affiliation, buyer, tuple(types.get(e) if e is not None else None for e in pointed),
                       labels.get(location) if location is not None else None, labels.get(affiliation) if affiliation is not None else None)


def _add_quantity(rdf: Graph, node: URIRef, prop: URIRef, quantity: Quantity) -> None:
    rdf.add((node, prop, decimal_literal(quantity.value)))
    if quantity.unit:
        rdf.add((node, KG.unit, Literal(quantity.unit)))
    if quantity.currency:
        rdf.add((node, KG.currency, Literal(quantity.currency)))


def _add_statement(rdf: Graph, statement: Statement, refs: _References) -> None:
    """A reified statement, with ``kg:subjectLabel``, ``kg:objectLabel``, ``kg:locationLabel``
    and ``kg:affiliationLabel`` (the entities' names) and ``kg:sourceDocId`` (its document's id)
    copied onto the statement node, so that a statement reads as text ("S. Jaishankar meets
    Marco Rubio in Washington") without a join per entity or document: on Oxigraph each such
    join costs a lookup per row, which is most of a named query's time at a million triples."""
    node = statement_iri(refs.node)
    predicate = KG[statement.predicate]
    subject = entity_iri(refs.subject)
    rdf.add((node, RDF.type, KG.Statement))
    rdf.add((node, KG.subject, subject))
    if refs.subject_label is not None:
        rdf.add((node, KG.subjectLabel, _text(refs.subject_label)))
    rdf.add((node, KG.predicate, predicate))
    rdf.add((node, KG.relation, _text(statement.relation)))
    obj: Node | None = None
    if refs.object is not None:
        obj = entity_iri(refs.object)
        rdf.add((node, KG.object, obj))
        if refs.object_label is not None:
            rdf.add((node, KG.objectLabel, _text(refs.object_label)))
    elif statement.object.quantity is not None:
        _add_quantity(rdf, node, KG.objectValue, statement.object.quantity)
        if statement.object.quantity.bound:
            rdf.add((node, KG.objectBound, Literal(statement.object.quantity.bound)))
    elif statement.object.title is not None:
        rdf.add((node, KG.title, _text(statement.object.title.name)))

    q = statement.qualifiers
    if q.date:
        rdf.add((node, KG.date, date_literal(q.date)))
    if refs.location:
        rdf.add((node, KG.location, entity_iri(refs.location)))
        if refs.location_label is not None:
            rdf.add((node, KG.locationLabel, _text(refs.location_label)))
    if refs.affiliation:
        rdf.add((node, KG.affiliation, entity_iri(refs.affiliation)))
        if refs.affiliation_label is not None:
            rdf.add((node, KG.affiliationLabel, _text(refs.affiliation_label)))
    if q.rate:
        rdf.add((node, KG.rate, decimal_literal(q.rate.value)))
    if q.amount:
        _add_quantity(rdf, node, KG.amount, q.amount)
    if q.status:
        rdf.add((node, KG.status, _text(q.status)))
    if q.metric:
        rdf.add((node, KG.metric, _text(q.metric)))
    if q.period:
        rdf.add((node, KG.period, _text(q.period)))
    if refs.buyer:
        rdf.add((node, KG.buyer, entity_iri(refs.buyer)))

    rdf.add((node, KG.polarity, _POLARITY[statement.polarity]))
    rdf.add((node, KG.modality, _MODALITY[statement.modality]))
    rdf.add((node, KG.confidence, decimal_literal(round(statement.confidence, CONFIDENCE_PLACES))))

    evidence = statement.evidence
    rdf.add((node, PROV.wasDerivedFrom, document_iri(evidence.doc_id)))
    rdf.add((node, KG.sourceDocId, _text(evidence.doc_id)))
    rdf.add((node, KG.sentence, Literal(evidence.sentence)))
    rdf.add((node, KG.startOffset, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    rdf.add((node, KG.endOffset, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    rdf.add((node, KG.extractor, _text(statement.extractor)))



def to_turtle(rdf: Graph, index: SubjectIndex | None = None) -> str:
    """Turtle text; rdflib sorts subjects and predicates, so equal graphs give equal text.

    The text is rdflib's, byte for byte; :func:`kg.writers.turtle_text` writes it for kg's
    graphs in a fraction of rdflib's time (from ``index``, the graph's
    :func:`kg.writers.subject_index`, when the caller has read it already).
    """
    text = turtle_text(rdf, index)
    return rdf.serialize(format="turtle") if text is None else text


def jsonld_context() -> dict[str, object]:
    """The JSON-LD context written into ``graph.jsonld``: kg's prefixes plus typed kg terms."""
    context: dict[str, object] = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    for name in ("subject", "predicate", "object", "location", "affiliation", "buyer", "polarity", "modality"):
        context[name] = {"@id": f"kg:{name}", "@type": "@id"}
    for name, datatype in (("confidence", "xsd:decimal"), ("rate", "xsd:decimal"), ("startOffset", "xsd:nonNegativeInteger"), ("endOffset", "xsd:nonNegativeInteger")):
        context[name] = {"@id": f"kg:{name}", "@type": datatype}
    for name in ("relation", "sentence", "extractor", "docId", "unit", "currency", "title", "status", "metric", "period"):
        context[name] = f"kg:{name}"
    context["prefLabel"] = "skos:prefLabel"
    context["altLabel"] = "skos:altLabel"
    context["label"] = "rdfs:label"
    context["derivedFrom"] = {"@id": "prov:wasDerivedFrom", "@type": "@id"}
    context["mentions"] = {"@id": "schema:mentions", "@type": "@id"}
    return context


def to_jsonld(rdf: Graph, index: SubjectIndex | None = None) -> str:
    """Compact JSON-LD with :func:`jsonld_context`, nodes sorted by ``@id`` for stable output
    (``index`` as for :func:`to_turtle`)."""
    # kg.writers runs rdflib's own converter faster; its data is what rdflib would encode.
    data = jsonld_data(rdf, jsonld_context(), index)
    if data is None:
        data = json.loads(rdf.serialize(format="json-ld", context=jsonld_context(), auto_compact=True, sort_keys=True))
    if isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    # As rdflib encodes its text: a lone surrogate becomes "?".
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8", "replace").decode("utf-8")


def rdf_format(path: str | PathLike[str]) -> str:
    """The rdflib format name for a file, from its suffix.

    Raises:
        InputError: the suffix is not an RDF format kg reads.
    """
    suffix = Path(path).suffix.lower()
    if suffix not in RDF_FORMATS:
        accepted = ", ".join(sorted(RDF_FORMATS))
        raise InputError(f"{path}: unknown RDF file type {suffix or '(none)'!r}; expected one of {accepted}")
    return RDF_FORMATS[suffix]


def load_rdf(paths: str | PathLike[str] | Iterable[str | PathLike[str]], allow_remote: bool = False) -> Graph:
    """Parse one or more RDF files into one graph, the format taken from each suffix.

    A folder written by ``kg build`` stands for its ``graph.ttl``, read as of its last whole
    generation (see :func:`kg.files.current_path`). Nothing is fetched from the network: a
    JSON-LD ``@context`` or ``@import`` given by reference is refused unless ``allow_remote``.

    Raises:
        InputError: a file is missing, not a regular file, of an unknown type, not valid RDF
            (with the parser's reason), or names a remote JSON-LD context.
    """
    if isinstance(paths, (str, PathLike)):
        paths = [paths]
    rdf = bind_prefixes(Graph(bind_namespaces="core"))
    for path in paths:
        path = readable_rdf_file(path)
        fmt = rdf_format(path)
        source = current_path(path)
        if fmt == "json-ld":
            check_jsonld_contexts(source, allow_remote, shown=path)
        try:
            rdf.parse(source, format=fmt)
        except Exception as err:  # rdflib raises many parser-specific types
            raise InputError(f"{path}: not valid {fmt}: {_parse_reason(err, source, fmt)}") from err
    return rdf


def check_kg_graph(rdf: Graph, source: str | PathLike[str]) -> Graph:
    """``rdf`` itself when it holds something kg draws: a document, an entity or a statement.

    Raises:
        InputError: the graph is empty, or none of its nodes has a kg type (not kg's graph).
    """
    if not len(rdf):
        raise InputError(f"{source}: the graph is empty; there is nothing to draw or count")
    kinds = {KG.Document, KG.Statement, *_CLASS.values()}
    if not any(kind in kinds for kind in rdf.objects(None, RDF.type)):
        raise InputError(
            f"{source}: {len(rdf)} triple{'s' if len(rdf) != 1 else ''} but none kg draws: no kg:Document, kg:Statement or entity "
            f"(kg:Person, kg:Country, ...); kg draws and counts graphs written by kg build"
        )
    return rdf


def readable_rdf_file(path: str | PathLike[str]) -> Path:
    """The RDF file to read for ``path``: itself, or ``graph.ttl`` in a kg build folder.

    Raises:
        InputError: nothing is there, or it is not a regular file (a FIFO would block).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if path.is_dir():
        path = path / "graph.ttl"
        if not path.exists():
            raise InputError(f"{path}: no such file")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    return path


def check_jsonld_contexts(path: str | PathLike[str], allow_remote: bool = False, shown: str | PathLike[str] | None = None) -> None:
    """Refuse a JSON-LD file whose ``@context`` or ``@import`` is a reference, not inline.

    A JSON-LD processor fetches such a context from wherever it points (rdflib does, over
    HTTP), so reading the file would reach the network.

    Raises:
        InputError: a context is given by reference and ``allow_remote`` is False.
    """
    if allow_remote:
        return
    try:
        data = json.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return  # the parser reports what is wrong; a document it cannot read fetches nothing
    references = remote_contexts(data)
    if references:
        raise InputError(
            f"{shown or path}: its JSON-LD context {references[0]!r} is a reference that would be fetched from the network; "
            "inline the context, or give --allow-remote to let kg fetch it"
        )


def remote_contexts(data: object) -> list[str]:
    """The ``@context`` and ``@import`` values of a JSON-LD document that are references, not objects.

    >>> remote_contexts({"@context": ["https://schema.org/", {"kg": "https://w3id.org/kg-news/ontology#"}], "@graph": []})
    ['https://schema.org/']
    >>> remote_contexts({"@context": {"@import": "http://example.org/c.jsonld"}})
    ['http://example.org/c.jsonld']
    """
    found: list[str] = []
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "@context":
                    found += [c for c in (value if isinstance(value, list) else [value]) if isinstance(c, str)]
                elif key == "@import" and isinstance(value, str):
                    found.append(value)
                if isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _parse_reason(err: Exception, path: Path, fmt: str) -> str:
    """Why a file did not parse, on one line with its position.

    rdflib's Turtle errors put the reason after a first line that only says where; its other
    parsers often leave the reason out (N-Triples says "Invalid line:"). pyoxigraph reads the
    same formats and names line, column and reason, so its reading stands in for those.
    """
    why, line = getattr(err, "_why", None), getattr(err, "lines", None)
    if isinstance(why, str) and isinstance(line, int):  # rdflib's Turtle/N3 BadSyntax
        return one_line(f"line {line + 1}: {why}")
    oxigraph_format = _OXIGRAPH_FORMATS.get(fmt)
    if oxigraph_format is not None:
        try:
            for _ in ox.parse(path=str(path), format=oxigraph_format):
                pass
        except SyntaxError as found:
            return one_line(re.sub(r"\s*\([^()]*, line \d+\)$", "", str(found)))
        except (OSError, ValueError):
            pass
    return one_line(str(err)) or type(err).__name__
