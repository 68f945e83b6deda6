"""The kg RDF vocabulary: the ontology namespace ``KG``, the resource namespace ``KGR`` and prefixes.

``KG`` mirrors ``ontologies/kg.ttl`` term for term (a test checks both directions); it is a
``DefinedNamespace`` with ``_fail = True``, so a misspelt term raises ``AttributeError``.
New graphs are made with ``Graph(bind_namespaces="core")`` and then :func:`bind_prefixes`.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "DCTERMS",
    "KG",
    "KGR",
    "KGSH",
    "ONTOLOGY_DIR",
    "ONTOLOGY_PATH",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SH",
    "SHAPES_PATH",
    "SKOS",
    "XSD",
    "bind_prefixes",
]

#: The ontology and its SHACL shapes. ``ontologies/`` sits at the repository top level and
#: ``kg/ontologies`` links to it, so the same path works from a checkout and from a wheel.
ONTOLOGY_DIR = Path(__file__).parent / "ontologies"
ONTOLOGY_PATH = ONTOLOGY_DIR / "kg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


class KG(DefinedNamespace):
    """The kg news ontology (https://w3id.org/kg-news/ontology), version 0.2.0."""

    _fail = True

    # Classes
    Agreement: URIRef  # agreement
    Country: URIRef  # country
    Document: URIRef  # document
    Entity: URIRef  # entity
    Event: URIRef  # event
    Modality: URIRef  # modality
    Organization: URIRef  # organization
    Person: URIRef  # person
    Place: URIRef  # place
    Polarity: URIRef  # polarity
    Position: URIRef  # position
    Statement: URIRef  # statement

    # Object properties
    acquires: URIRef  # acquires
    affiliation: URIRef  # affiliation
    agreesTo: URIRef  # agrees to
    announces: URIRef  # announces
    attends: URIRef  # attends
    basedIn: URIRef  # based in
    buyer: URIRef  # buyer
    commitsTo: URIRef  # commits to
    criticizes: URIRef  # criticizes
    discusses: URIRef  # discusses
    fines: URIRef  # fines
    founded: URIRef  # founded
    holdsPosition: URIRef  # holds position
    hosts: URIRef  # hosts
    invests: URIRef  # invests
    invitedTo: URIRef  # invited to
    kills: URIRef  # kills
    livesIn: URIRef  # lives in
    locatedIn: URIRef  # located in
    location: URIRef  # location
    meets: URIRef  # meets
    memberOf: URIRef  # member of
    mergesWith: URIRef  # merges with
    modality: URIRef  # modality
    object: URIRef  # object
    organizes: URIRef  # organizes
    ownsStake: URIRef  # owns stake
    polarity: URIRef  # polarity
    predicate: URIRef  # predicate
    relatedTo: URIRef  # related to
    reports: URIRef  # reports
    sanctions: URIRef  # sanctions
    sells: URIRef  # sells
    speaksWith: URIRef  # speaks with
    subject: URIRef  # subject
    sues: URIRef  # sues
    supports: URIRef  # supports
    tariffOn: URIRef  # tariff on
    visits: URIRef  # visits
    worksFor: URIRef  # works for

    # Datatype properties
    affiliationLabel: URIRef  # affiliation label
    amount: URIRef  # amount
    confidence: URIRef  # confidence
    currency: URIRef  # currency
    date: URIRef  # date
    derivedStatementCount: URIRef  # derived statement count
    docId: URIRef  # document id
    documentCount: URIRef  # document count
    endOffset: URIRef  # end offset
    extractor: URIRef  # extractor
    locationLabel: URIRef  # location label
    mergeReason: URIRef  # merge reason
    nameKey: URIRef  # name key
    metric: URIRef  # metric
    neighbourCount: URIRef  # neighbour count
    objectLabel: URIRef  # object label
    objectBound: URIRef  # object bound
    objectValue: URIRef  # object value
    period: URIRef  # period
    published: URIRef  # published
    rate: URIRef  # rate
    relation: URIRef  # relation
    sentence: URIRef  # sentence
    sourceDocId: URIRef  # source document id
    startOffset: URIRef  # start offset
    statementCount: URIRef  # statement count
    status: URIRef  # status
    subjectLabel: URIRef  # subject label
    title: URIRef  # title
    unit: URIRef  # unit

    # Individuals
    Asserted: URIRef  # asserted
    Claimed: URIRef  # claimed
    Expected: URIRef  # expected
    Hoped: URIRef  # hoped
    Negative: URIRef  # negative
    Planned: URIRef  # planned
    Positive: URIRef  # positive
    Possible: URIRef  # possible
    Reported: URIRef  # reported

    _NS = Namespace("https://w3id.org/kg-news/ontology#")


#: Entities, statements and documents: ``KGR["entity/<class>/<slug>"]``, ``KGR["stmt/<hex16>"]``.
KGR = Namespace("https://w3id.org/kg-news/resource/")
SCHEMA = Namespace("http://schema.org/")
#: The SHACL shapes in ``ontologies/shapes.ttl`` (kept apart from the ontology's own terms).
KGSH = Namespace("https://w3id.org/kg-news/shapes#")

#: Prefix -> namespace, bound on every graph and passed as ``initNs`` to prepared queries.
PREFIXES: dict[str, Namespace] = {
    "kg": Namespace(str(KG)),
    "kgr": KGR,
    "schema": SCHEMA,
    "prov": Namespace(str(PROV)),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "dcterms": Namespace(str(DCTERMS)),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` on ``graph``, replacing any library binding of the same name; returns it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
