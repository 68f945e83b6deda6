"""rdflib.Graph -> ValidationReport: check kg's RDF against the SHACL shapes in ``ontologies/shapes.ttl``.

Validation runs pyshacl with no inference and no ontology graph; each result becomes one
:class:`Violation` that prints as a single readable line.
"""
from __future__ import annotations

import hashlib
import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from kg.terminal import printable
from kg.errors import InputError, ValidationError
from kg import predicates
from kg.shacl import CompiledShapes, UnsupportedShapes, compile_shapes
from kg.writers import SubjectIndex
from kg.vocab import KG, KGR, KGSH, PREFIXES, RDF, RDFS, SH, SHAPES_PATH, XSD

__all__ = ["ValidationReport", "Violation", "check_graph", "load_shapes", "nodes_conform", "shapes_digest", "validate_graph"]

log = logging.getLogger(__name__)

#: Datatypes whose well-formed literals read best bare, as Turtle writes them (``1.5``, ``42``).
_BARE_DATATYPES = frozenset(
    XSD[name]
    for name in (
        "decimal", "integer", "double", "float", "boolean", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
        "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
)
#: Longest namespace first, so that no prefix swallows a longer one.
_NAMESPACES = sorted(((str(ns), prefix) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[0]))
_LOCAL_NAME = re.compile(r"[A-Za-z_][\w.-]*")
#: Long strings (evidence sentences) are cut so that a violation stays on one short line.
_MAX_STRING = 60
#: Severities that pyshacl's allow_warnings lets through; any other result breaks conformance.
_LENIENT_SEVERITIES = frozenset({"Warning", "Info"})
#: SHACL property-path forms other than a plain IRI, with the SPARQL operator each reads as.
_PATH_SUFFIXES = {SH.zeroOrMorePath: "*", SH.oneOrMorePath: "+", SH.zeroOrOnePath: "?"}


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL validation result.

    ``focus`` is the full IRI of the node that failed (``_:id`` for a blank node) and ``path``
    the full IRI of the property (a SPARQL-style path for a complex one, None for a node-level
    constraint); ``value`` is the offending value in short Turtle form (``1.5``, ``kg:Rumoured``,
    ``"2026"``) or None; ``severity`` is ``"Violation"``, ``"Warning"`` or ``"Info"``.
    """

    focus: str
    path: str | None
    message: str
    value: str | None
    severity: str

    def line(self) -> str:
        """The result as one line: short focus, short property, message and the offending value.

        Returns:
            A line such as ``stmt/19a88238335b09d1 kg:confidence: confidence must be between 0 and 1 (got 1.5)``.

        Examples:
            >>> Violation(
            ...     "https://w3id.org/kg-news/resource/stmt/19a88238335b09d1",
            ...     "https://w3id.org/kg-news/ontology#confidence",
            ...     "confidence must be between 0 and 1", "1.5", "Violation",
            ... ).line()
            'stmt/19a88238335b09d1 kg:confidence: confidence must be between 0 and 1 (got 1.5)'
        """
        focus = _short_iri(self.focus)
        where = f"{focus} {_short_path(self.path)}" if self.path else focus
        text = f"{where}: {self.message}"
        if self.value is not None and self.value != focus:
            text += f" (got {self.value})"
        if self.severity != "Violation":
            text = f"{self.severity.lower()}: {text}"
        return text


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph: whether it conforms, and every result in a stable order."""

    conforms: bool
    violations: tuple[Violation, ...]

    def lines(self) -> list[str]:
        """One readable line per violation, in the report's (sorted) order."""
        # Values come from the graph file: control and bidi characters are shown as escapes.
        return [printable(violation.line()) for violation in self.violations]


@lru_cache(maxsize=1)
def load_shapes() -> Graph:
    """The kg SHACL shapes, parsed once per process; treat the returned graph as read-only.

    Returns:
        The shapes graph from :data:`kg.vocab.SHAPES_PATH`.

    Raises:
        InputError: the shapes file is missing or not valid Turtle.
    """
    if not SHAPES_PATH.is_file():
        raise InputError(f"{SHAPES_PATH}: no such file; the SHACL shapes ship with kg in ontologies/shapes.ttl")
    try:
        shapes = Graph().parse(SHAPES_PATH, format="turtle")
    except Exception as err:  # rdflib raises many parser-specific types
        raise InputError(f"{SHAPES_PATH}: not valid Turtle: {err}") from err
    return add_predicate_shapes(shapes)


def add_predicate_shapes(shapes: Graph) -> Graph:
    """Add what ``kg.predicates`` declares to the shapes: the closed list of predicate values,
    and for each predicate a shape on its direct triples that checks the subject's and the
    object's class against the declared domain and range.

    Returns:
        ``shapes``, with the added triples.
    """
    values = shapes.value(predicate=RDFS.label, object=Literal("predicate value", lang="en"))
    if values is not None:
        names = [KG[p.name] for p in predicates.PREDICATES]
        head = BNode("predicate-values")
        Collection(shapes, head, names)
        shapes.add((values, SH["in"], head))
    for declared in predicates.PREDICATES:
        if declared.name == "relatedTo":
            continue
        for target, types, end in ((SH.targetSubjectsOf, declared.domain, "subject"), (SH.targetObjectsOf, declared.range, "object")):
            classes = [KG[t] for t in types if t in _ENTITY_CLASSES]
            if not classes or set(types) >= set(_ENTITY_CLASSES):
                continue
            shape = KGSH[f"{declared.name}{end.capitalize()}Shape"]
            shapes.add((shape, RDF.type, SH.NodeShape))
            shapes.add((shape, target, KG[declared.name]))
            shapes.add((shape, RDFS.label, Literal(f"{declared.label} {end} shape", lang="en")))
            shapes.add((shape, RDFS.comment, Literal(
                f"The {end} of every direct kg:{declared.name} triple has a class of the predicate's declared "
                f"{'domain' if end == 'subject' else 'range'} (kg/predicates.py).", lang="en")))
            alternatives = []
            for cls in classes:
                option = BNode(f"{declared.name}-{end}-{cls.split('#')[-1]}")
                shapes.add((option, SH["class"], cls))
                alternatives.append(option)
            head = BNode(f"{declared.name}-{end}-classes")
            Collection(shapes, head, alternatives)
            shapes.add((shape, SH["or"], head))
            names = ", ".join(f"kg:{t}" for t in types if t in _ENTITY_CLASSES)
            shapes.add((shape, SH.message, Literal(f"the {end} of kg:{declared.name} must be {names}", lang="en")))
    return shapes


_ENTITY_CLASSES = ("Person", "Organization", "Country", "Place", "Event", "Agreement", "Position")


def validate_graph(rdf: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``rdf`` against SHACL shapes, as written (no RDFS inference, no ontology graph).

    Args:
        rdf: a graph from :func:`kg.rdf.to_rdf` or :func:`kg.rdf.load_rdf`; it is not modified.
        shapes: a SHACL shapes graph, defaults to :func:`load_shapes`; it is not modified either.

    Returns:
        The report. Results are sorted by focus node, path, message, value and severity, and
        identical results (two constraints of one shape failing on one value) appear once.
        Results of severity sh:Warning or sh:Info are listed but leave the graph conforming;
        any other result (sh:Violation, the default) makes it non-conforming.

    Raises:
        ValidationError: pyshacl cannot evaluate the shapes (for example, a malformed shapes graph).
        InputError: the default shapes file cannot be read.
    """
    import pyshacl  # here, not at the top: kg build needs pyshacl only to report a failure
    from pyshacl.errors import ReportableRuntimeError

    shapes = load_shapes() if shapes is None else shapes
    # A copy: pyshacl adds a few RDFS/OWL axioms to the shapes graph it is given, and the
    # default one is shared through the cache.
    shapes_copy = Graph()
    shapes_copy += shapes
    try:
        # advanced=False: kg's shapes are SHACL Core. SHACL-AF would let a shapes graph's
        # sh:rule add triples before checking, and a validator should judge the data as written.
        _, results, text = pyshacl.validate(
            data_graph=rdf,
            shacl_graph=shapes_copy,
            inference="none",
            advanced=False,
            allow_warnings=True,
        )
    except ReportableRuntimeError as err:
        raise ValidationError(f"cannot validate against the SHACL shapes: {err.message}") from err
    if not isinstance(results, Graph):  # pyshacl returns a ValidationFailure in place of the report
        raise ValidationError(f"cannot validate against the SHACL shapes: {text}")
    # Only the report's own sh:result nodes: pyshacl also types the nested sh:detail results
    # of sh:node / sh:or failures as sh:ValidationResult, and those would repeat each failure.
    top = {
        result
        for report in results.subjects(RDF.type, SH.ValidationReport)
        for result in results.objects(report, SH.result)
    }
    violations = tuple(sorted({_violation(results, node) for node in top}, key=_sort_key))
    # The results decide, not pyshacl's flag: its allow_warnings judges a property shape by its
    # node shape's severity, so a sh:Violation result under a sh:Warning node shape "conforms".
    conforms = not any(_is_violation(v) for v in violations)
    log.debug("SHACL validation of %d triples: conforms=%s, %d results", len(rdf), conforms, len(violations))
    return ValidationReport(conforms, violations)


def check_graph(rdf: Graph, index: SubjectIndex | None = None) -> None:
    """Raise unless ``rdf`` conforms to the kg SHACL shapes.

    The shapes are checked by :mod:`kg.shacl`, which evaluates the same shapes graph in a
    fraction of pyshacl's time; only when it finds a violation (or the shapes use something it
    does not evaluate) does pyshacl run, so the error lists exactly what ``kg validate`` prints.

    Args:
        rdf: the graph to check, usually from :func:`kg.rdf.to_rdf`.
        index: its :func:`kg.writers.subject_index`, when the caller has read it already.

    Raises:
        ValidationError: the graph does not conform; the message has a header line and then
            one line per violation.
        InputError: the shapes file cannot be read.
    """
    compiled = _compiled_shapes()
    if compiled is not None:
        try:
            results = compiled.validate(rdf, index)
        except UnsupportedShapes as err:
            log.info("checking with pyshacl: %s", err)
        else:
            if not any(r.severity not in _LENIENT_SEVERITIES for r in results):
                log.debug("SHACL check of %d triples: conforms (%d warnings)", len(rdf), len(results))
                return
    report = validate_graph(rdf)
    if report.conforms:
        if compiled is not None:
            log.warning("kg.shacl found violations that pyshacl does not report; trusting pyshacl")
        return
    count = sum(_is_violation(v) for v in report.violations)
    header = f"graph does not conform to the kg SHACL shapes: {count} violation{'' if count == 1 else 's'}"
    raise ValidationError("\n".join([header, *report.lines()]))


def nodes_conform(index: SubjectIndex, focus: set[Node]) -> bool:
    """Whether the ``focus`` nodes conform to the kg shapes, judged on ``index``: their triples
    and the types of the nodes they point to. False also when kg.shacl cannot tell (the shapes
    need pyshacl); :func:`check_graph` on the whole graph then says what is wrong."""
    compiled = _compiled_shapes()
    if compiled is None:
        return False
    try:
        results = compiled.validate(Graph(), index, focus=focus)
    except UnsupportedShapes:
        return False
    return not any(r.severity not in _LENIENT_SEVERITIES for r in results)


@lru_cache(maxsize=1)
def shapes_digest() -> str:
    """A digest of the shapes kg checks (the file and the predicates' declared shapes): an
    update reuses earlier checks only under the same shapes."""
    # Blank node labels change from one parse to the next: the digest reads them as one label.
    text = load_shapes().serialize(format="nt")
    lines = sorted(re.sub(r"_:\w+", "_:b", line) for line in text.splitlines() if line.strip())
    return hashlib.blake2b("\n".join(lines).encode("utf-8"), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _compiled_shapes() -> CompiledShapes | None:
    """The default shapes compiled for :mod:`kg.shacl`, or None when they need pyshacl."""
    try:
        return compile_shapes(load_shapes())
    except UnsupportedShapes as err:
        log.warning("the SHACL shapes use %s; kg build checks them with pyshacl (slower)", err)
        return None


def _violation(results: Graph, node: Node) -> Violation:
    focus = results.value(node, SH.focusNode)
    path = results.value(node, SH.resultPath)
    value = results.value(node, SH.value)
    severity = results.value(node, SH.resultSeverity)
    return Violation(
        focus=_node_id(focus),
        path=None if path is None else _path_text(results, path),
        message=_message(results, node),
        value=None if value is None else _term(value),
        severity=_local_name(severity) if isinstance(severity, URIRef) else "Violation",
    )


def _is_violation(violation: Violation) -> bool:
    return violation.severity not in _LENIENT_SEVERITIES


def _sort_key(violation: Violation) -> tuple[str, str, str, str, str]:
    return (violation.focus, violation.path or "", violation.message, violation.value or "", violation.severity)


def _message(results: Graph, node: Node) -> str:
    """The English (or untagged) sh:resultMessage; else the first one; else the constraint's name."""
    messages = sorted(results.objects(node, SH.resultMessage), key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)))
    if messages:
        return " ".join(str(messages[0]).split())
    component = results.value(node, SH.sourceConstraintComponent)
    return f"fails {_local_name(component)}" if isinstance(component, URIRef) else "fails a SHACL constraint"


def _node_id(node: Node | None) -> str:
    if node is None:
        return "(none)"
    if isinstance(node, BNode):
        return f"_:{node}"
    return str(node)


def _local_name(iri: URIRef) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _short_iri(iri: str) -> str:
    """A kg resource as its path under KGR (``stmt/...``); a known namespace as ``prefix:name``.

    >>> _short_iri("https://w3id.org/kg-news/ontology#Rumoured"), _short_iri("http://example.org/x")
    ('kg:Rumoured', '<http://example.org/x>')
    """
    if iri.startswith(str(KGR)) and len(iri) > len(str(KGR)):
        return iri[len(str(KGR)):]
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    if iri.startswith("_:"):
        return iri
    return f"<{iri}>"


def _short_path(path: str) -> str:
    """A path as :meth:`Violation.line` prints it: a plain IRI shortened, a complex path as is."""
    return path if path.startswith("(") or path.startswith("^") else _short_iri(path)


def _path_text(graph: Graph, path: Node) -> str:
    """A SHACL property path as text: the IRI for a predicate path, SPARQL syntax otherwise."""
    if isinstance(path, URIRef):
        return str(path)
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_short_path(_path_text(graph, inverse))}"
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + " | ".join(_short_path(_path_text(graph, p)) for p in Collection(graph, alternatives)) + ")"
    for predicate, suffix in _PATH_SUFFIXES.items():
        inner = graph.value(path, predicate)
        if inner is not None:
            return f"({_short_path(_path_text(graph, inner))}){suffix}"
    if graph.value(path, RDF.first) is not None:
        return "(" + " / ".join(_short_path(_path_text(graph, p)) for p in Collection(graph, path)) + ")"
    return f"(_:{path})"


def _term(node: Node) -> str:
    """A value in short Turtle form.

    >>> _term(Literal("1.5", datatype=XSD.decimal)), _term(Literal("2026", datatype=XSD.string))
    ('1.5', '"2026"')
    >>> _term(Literal("2026-02-04", datatype=XSD.gYear)), _term(URIRef("https://w3id.org/kg-news/ontology#Rumoured"))
    ('"2026-02-04"^^xsd:gYear', 'kg:Rumoured')
    """
    if isinstance(node, Literal):
        lexical = str(node)
        if node.language:
            return f"{_quoted(lexical)}@{node.language}"
        if node.datatype is None or node.datatype == XSD.string:
            return _quoted(lexical)
        if node.datatype in _BARE_DATATYPES and not node.ill_typed:
            return lexical
        return f"{_quoted(lexical)}^^{_short_iri(str(node.datatype))}"
    return _short_iri(_node_id(node))


def _quoted(text: str) -> str:
    if len(text) > _MAX_STRING:
        text = text[: _MAX_STRING - 3] + "..."
    return json.dumps(text, ensure_ascii=False)
