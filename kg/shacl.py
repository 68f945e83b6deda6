"""SHACL shapes graph -> compiled checks; rdflib.Graph -> the shapes' violations, in one pass over an index.

A small evaluator of the SHACL Core constraints that ``ontologies/shapes.ttl`` (and the predicate
shapes :func:`kg.validate.add_predicate_shapes` generates) use. It reads the shapes graph, so the
shapes stay the one declaration of what a graph must be; it indexes the data graph once (subject
-> predicate -> values) and memoises nested-shape conformance, so checking a build's graph costs
a few hundred milliseconds where pyshacl takes tens of seconds. :func:`compile_shapes` refuses
shapes that use anything else (``UnsupportedShapes``), and callers then fall back to pyshacl.
Semantics follow pyshacl's (datatype checks, literal comparison), which the tests hold it to.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib import term as _term
from rdflib.collection import Collection
from rdflib.term import Node

from kg.vocab import OWL, RDF, RDFS, SH, XSD
from kg.writers import SubjectIndex, subject_index

__all__ = ["CompiledShapes", "Result", "UnsupportedShapes", "compile_shapes"]


class UnsupportedShapes(ValueError):
    """The shapes use a SHACL feature this evaluator does not implement (use pyshacl instead)."""


@dataclass(frozen=True, slots=True)
class Result:
    """One failed constraint: the focus node, the path (None on a node shape), the value, the shape."""

    focus: Node
    path: Node | None
    value: Node | None
    message: str
    severity: str


#: Predicates on a shape that constrain nothing (documentation, grouping, targets handled apart).
_INERT = frozenset({
    RDF.type, RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, SH.message, SH.severity, SH.name,
    SH.description, SH.order, SH.group, SH.defaultValue, SH.path, SH.deactivated, SH.targetClass,
    SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.ignoredProperties, SH.flags,
    SH.qualifiedMinCount, SH.qualifiedMaxCount, OWL.imports,
})
#: Constraint parameters this evaluator implements.
_SUPPORTED = frozenset({
    SH["class"], SH.datatype, SH.nodeKind, SH.minCount, SH.maxCount, SH.minInclusive, SH.maxInclusive,
    SH.minExclusive, SH.maxExclusive, SH.minLength, SH.maxLength, SH.pattern, SH.equals, SH.disjoint,
    SH.lessThan, SH.lessThanOrEquals, SH["not"], SH["and"], SH["or"], SH.xone, SH.node, SH.property,
    SH.qualifiedValueShape, SH.closed, SH.hasValue, SH["in"],
})
_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_NODE_KINDS = {
    SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal),
}
#: What pyshacl checks of a literal's value for these datatypes (others pass on the datatype alone).
_VALUE_TYPES = {
    XSD.string: (str, bytes), RDF.langString: (str, bytes), XSD.integer: (int,), XSD.float: (float,),
    XSD.decimal: (Decimal,), XSD.boolean: (bool,), XSD.date: (date,), XSD.time: (time,), XSD.dateTime: (datetime,),
}
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "x": re.VERBOSE}


@dataclass(eq=False)
class _Shape:
    """One shape, compiled: its path (None for a node shape) and its constraints as (kind, argument)."""

    node: Node
    path: URIRef | None = None
    inverse: bool = False
    message: str = ""
    severity: str = "Violation"
    constraints: list[tuple[str, object]] = field(default_factory=list)
    properties: list[_Shape] = field(default_factory=list)
    tests: list = field(default_factory=list)


class CompiledShapes:
    """Shapes ready to check graphs; build with :func:`compile_shapes`."""

    def __init__(self, targeted: list[tuple[_Shape, tuple[tuple[URIRef, URIRef], ...]]]) -> None:
        self._targeted = targeted

    def validate(self, rdf: Graph, index: SubjectIndex | None = None, focus: Collection[Node] | None = None) -> tuple[Result, ...]:
        """Every failed constraint of every targeted shape on ``rdf`` (which is not modified;
        ``index``: its :func:`kg.writers.subject_index`, when the caller has read it already).

        ``focus``: check only these nodes (where a shape targets them); the data then needs only
        their triples and the types of the nodes they point to.

        Returns:
            The results, in no particular order; an empty tuple when the graph conforms.
        """
        data = _Data(rdf, index)
        results: list[Result] = []
        for shape, targets in self._targeted:
            for node in data.targets(targets):
                if focus is None or node in focus:
                    results += data.check(shape, node)
        return tuple(results)


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Read a SHACL shapes graph into checks.

    Raises:
        UnsupportedShapes: a shape uses a constraint, path or option this module does not evaluate.
    """
    compiler = _Compiler(shapes)
    targeted = []
    subjects = set()
    for target in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
        subjects.update(shapes.subjects(target, None))
    for cls in (RDFS.Class, OWL.Class):
        for node in shapes.subjects(RDF.type, cls):
            if (node, RDF.type, SH.NodeShape) in shapes or (node, RDF.type, SH.PropertyShape) in shapes:
                raise UnsupportedShapes(f"implicit class target of {node}")
    for node in sorted(subjects, key=str):
        if shapes.value(node, SH.deactivated) == Literal(True):
            continue
        targets = tuple(sorted(((kind, value) for kind in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
                                for value in shapes.objects(node, kind)), key=str))
        if any(kind == SH.targetNode and not isinstance(value, URIRef) for kind, value in targets):
            raise UnsupportedShapes(f"a literal or blank sh:targetNode on {node}")
        targeted.append((compiler.shape(node), targets))
    return CompiledShapes(targeted)


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self.done: dict[Node, _Shape] = {}

    def shape(self, node: Node) -> _Shape:
        if node in self.done:
            return self.done[node]
        g = self.g
        shape = _Shape(node)
        self.done[node] = shape  # before the constraints: shapes may refer to themselves
        path = g.value(node, SH.path)
        if path is not None:
            if isinstance(path, URIRef):
                shape.path = path
            elif isinstance(path, BNode) and isinstance(g.value(path, SH.inversePath), URIRef) and len(set(g.predicate_objects(path))) == 1:
                shape.path, shape.inverse = g.value(path, SH.inversePath), True
            else:
                raise UnsupportedShapes(f"the complex sh:path of {node}")
        shape.message = _message(g, node)
        severity = g.value(node, SH.severity)
        shape.severity = _SEVERITIES.get(severity, str(severity).rsplit("#", 1)[-1]) if severity is not None else "Violation"
        for predicate in sorted(set(g.predicates(node, None)), key=str):
            if predicate in _INERT:
                continue
            if predicate not in _SUPPORTED:
                raise UnsupportedShapes(f"{predicate} on {node}")
            for value in sorted(g.objects(node, predicate), key=str):
                kind, argument = self._constraint(node, predicate, value)
                shape.constraints.append((kind, argument))
                if kind == "property":
                    shape.properties.append(argument)
                elif kind != "open":
                    shape.tests.append(_make_test(kind, argument))
        return shape

    def _constraint(self, node: Node, predicate: URIRef, value: Node) -> tuple[str, object]:
        g = self.g
        name = str(predicate).rsplit("#", 1)[-1]
        if predicate in (SH.minCount, SH.maxCount, SH.minLength, SH.maxLength):
            return name, int(value)
        if predicate == SH.pattern:
            flags = 0
            for letter in str(g.value(node, SH.flags) or ""):
                if letter not in _FLAGS:
                    raise UnsupportedShapes(f"sh:flags {letter!r} on {node}")
                flags |= _FLAGS[letter]
            return name, re.compile(str(value), flags)
        if predicate in (SH.node, SH["not"], SH.property):
            return name, self.shape(value)
        if predicate in (SH["and"], SH["or"], SH.xone):
            return name, tuple(self.shape(member) for member in Collection(g, value))
        if predicate == SH["in"]:
            return name, frozenset(Collection(g, value))
        if predicate == SH.qualifiedValueShape:
            if g.value(node, SH.qualifiedValueShapesDisjoint) == Literal(True):
                raise UnsupportedShapes(f"sh:qualifiedValueShapesDisjoint on {node}")
            low, high = g.value(node, SH.qualifiedMinCount), g.value(node, SH.qualifiedMaxCount)
            return name, (self.shape(value), None if low is None else int(low), None if high is None else int(high))
        if predicate == SH.closed:
            if value != Literal(True):
                return "open", None
            declared = {self.shape(p).path for p in g.objects(node, SH.property) if not self.shape(p).inverse}
            ignored = g.value(node, SH.ignoredProperties)
            allowed = frozenset(declared) | frozenset(Collection(g, ignored) if ignored is not None else ())
            return name, allowed
        if predicate in (SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive):
            if not isinstance(value, Literal):
                raise UnsupportedShapes(f"a non-literal {name} on {node}")
        return name, value


def _message(g: Graph, node: Node) -> str:
    messages = sorted(g.objects(node, SH.message), key=lambda m: (getattr(m, "language", None) not in (None, "en"), str(m)))
    return " ".join(str(messages[0]).split()) if messages else ""


class _Data:
    """The data graph as dictionaries: subject -> predicate -> values, and class -> instances."""

    def __init__(self, rdf: Graph, index: SubjectIndex | None = None) -> None:
        self.out = subject_index(rdf) if index is None else index
        self._subjects_of: dict[Node, list[Node]] | None = None
        self._objects_of: dict[Node, list[Node]] | None = None
        self._inverse: dict[Node, dict[Node, list[Node]]] | None = None
        self._superclasses: dict[Node, frozenset[Node]] = {}
        self._instances: dict[Node, set[Node]] | None = None
        self._memo: dict[tuple[int, Node], bool] = {}

    def values(self, node: Node, predicate: Node) -> list[Node]:
        by_predicate = self.out.get(node)
        return by_predicate.get(predicate, _NONE) if by_predicate is not None else _NONE

    def inverse_values(self, node: Node, predicate: Node) -> list[Node]:
        if self._inverse is None:
            inverse: dict[Node, dict[Node, list[Node]]] = defaultdict(lambda: defaultdict(list))
            for s, by_predicate in self.out.items():
                for p, values in by_predicate.items():
                    for o in values:
                        inverse[o][p].append(s)
            self._inverse = inverse
        return self._inverse.get(node, {}).get(predicate, _NONE)

    def superclasses(self, cls: Node) -> frozenset[Node]:
        """``cls`` and every class it is an rdfs:subClassOf, transitively, in the data graph."""
        found = self._superclasses.get(cls)
        if found is None:
            seen, todo = {cls}, [cls]
            while todo:
                for parent in self.values(todo.pop(), _SUBCLASS):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            found = self._superclasses[cls] = frozenset(seen)
        return found

    def instances(self, cls: Node) -> set[Node]:
        """Every node typed ``cls`` or a subclass of it (SHACL instances)."""
        if self._instances is None:
            instances: dict[Node, set[Node]] = defaultdict(set)
            for s, by_predicate in self.out.items():
                for t in by_predicate.get(_TYPE, ()):
                    for c in self.superclasses(t):
                        instances[c].add(s)
            self._instances = instances
        return self._instances.get(cls, set())

    def is_instance(self, node: Node, cls: Node) -> bool:
        for t in self.values(node, _TYPE):
            if t == cls or cls in self.superclasses(t):
                return True
        return False

    def targets(self, targets: Iterable[tuple[URIRef, Node]]) -> set[Node]:
        if self._subjects_of is None:
            subjects_of: dict[Node, list[Node]] = defaultdict(list)
            objects_of: dict[Node, list[Node]] = defaultdict(list)
            for s, by_predicate in self.out.items():
                for p, values in by_predicate.items():
                    subjects_of[p].append(s)
                    objects_of[p].extend(values)
            self._subjects_of, self._objects_of = subjects_of, objects_of
        found: set[Node] = set()
        for kind, value in targets:
            if kind == SH.targetNode:
                found.add(value)
            elif kind == SH.targetSubjectsOf:
                found.update(self._subjects_of.get(value, ()))
            elif kind == SH.targetObjectsOf:
                found.update(self._objects_of.get(value, ()))  # type: ignore[union-attr]
            else:
                found.update(self.instances(value))
        return found

    # --- evaluation ---------------------------------------------------------------------------

    def conforms(self, shape: _Shape, node: Node) -> bool:
        """Whether ``node`` conforms to ``shape`` (any result, whatever its severity, fails it)."""
        key = (id(shape), node)
        found = self._memo.get(key)
        if found is None:
            self._memo[key] = True  # a shape that refers to itself conforms on the way round
            found = self._memo[key] = not self.check(shape, node, first=True)
        return found

    def check(self, shape: _Shape, focus: Node, first: bool = False) -> list[Result]:
        """The results of ``shape`` on one focus node; with ``first``, at most one."""
        if shape.path is None:
            values = [focus]
        elif shape.inverse:
            values = self.inverse_values(focus, shape.path)
        else:
            values = self.values(focus, shape.path)
        results: list[Result] = []
        for nested in shape.properties:
            for value in values:
                results += self.check(nested, value, first)
                if first and results:
                    return results
        for test in shape.tests:
            failed = test(self, focus, values)
            if failed:
                results += [
                    Result(focus, value.predicate, value.value, shape.message, shape.severity) if isinstance(value, _Unexpected)
                    else Result(focus, shape.path, value, shape.message, shape.severity)
                    for value in failed
                ]
                if first:
                    return results
        return results


@dataclass(frozen=True, slots=True)
class _Unexpected:
    """A triple a closed shape does not allow."""

    predicate: Node
    value: Node


_NONE: list[Node] = []
_TYPE, _SUBCLASS, _RESOURCE = RDF.type, RDFS.subClassOf, RDFS.Resource
_STRING, _LANG_STRING, _LITERAL, _DATATYPE = XSD.string, RDF.langString, RDFS.Literal, RDFS.Datatype
_ANY_VALUE = [None]
#: The datatypes rdflib compares by value (none, so every comparison goes through rdflib, on an
#: rdflib without the table).
_NUMERIC_LITERAL_TYPES = frozenset(getattr(_term, "_NUMERIC_LITERAL_TYPES", ()))


def _make_test(kind: str, argument):
    """The check of one constraint: (data, focus, values) -> the failing value nodes (None for
    a failure of the values as a whole); an empty list when the constraint holds."""
    if kind == "minCount":
        return lambda data, focus, values: _ANY_VALUE if len(values) < argument else _NONE
    if kind == "maxCount":
        return lambda data, focus, values: _ANY_VALUE if len(values) > argument else _NONE
    if kind == "class":
        return lambda data, focus, values: [v for v in values if isinstance(v, Literal) or not data.is_instance(v, argument)]
    if kind == "datatype":
        return lambda data, focus, values: [v for v in values if not _has_datatype(v, argument)]
    if kind == "nodeKind":
        allowed = _NODE_KINDS[argument]
        return lambda data, focus, values: [v for v in values if not isinstance(v, allowed)]
    if kind == "pattern":
        search = argument.search
        return lambda data, focus, values: [v for v in values if isinstance(v, BNode) or not search(v)]
    if kind == "minLength":
        return lambda data, focus, values: [v for v in values if isinstance(v, BNode) or len(v) < argument]
    if kind == "maxLength":
        return lambda data, focus, values: [v for v in values if isinstance(v, BNode) or len(v) > argument]
    if kind == "in":
        return lambda data, focus, values: [v for v in values if v not in argument]
    if kind == "hasValue":
        return lambda data, focus, values: _NONE if argument in values else _ANY_VALUE
    if kind in ("minInclusive", "maxInclusive", "minExclusive", "maxExclusive"):
        return lambda data, focus, values: [v for v in values if not _in_range(kind, v, argument)]
    if kind == "node":
        return lambda data, focus, values: [v for v in values if not data.conforms(argument, v)]
    if kind == "not":
        return lambda data, focus, values: [v for v in values if data.conforms(argument, v)]
    if kind == "and":
        return lambda data, focus, values: [v for v in values if not all(data.conforms(s, v) for s in argument)]
    if kind == "or":
        return lambda data, focus, values: [v for v in values if not any(data.conforms(s, v) for s in argument)]
    if kind == "xone":
        return lambda data, focus, values: [v for v in values if sum(data.conforms(s, v) for s in argument) != 1]
    if kind == "qualifiedValueShape":
        shape, low, high = argument

        def qualified(data: _Data, focus: Node, values: list[Node]) -> list:
            count = sum(data.conforms(shape, v) for v in values)
            return _ANY_VALUE if (low is not None and count < low) or (high is not None and count > high) else _NONE

        return qualified
    if kind == "closed":

        def closed(data: _Data, focus: Node, values: list[Node]) -> list:
            # SHACL reports each unexpected triple with its predicate as the result path.
            return [_Unexpected(predicate, o) for predicate, objects in data.out.get(focus, {}).items() if predicate not in argument
                    for o in objects if not (predicate == _TYPE and o == _RESOURCE)]

        return closed
    if kind == "equals":
        return lambda data, focus, values: sorted(set(values) ^ set(data.values(focus, argument)), key=str)
    if kind == "disjoint":
        return lambda data, focus, values: [v for v in values if v in set(data.values(focus, argument))]
    if kind in ("lessThan", "lessThanOrEquals"):
        or_equal = kind == "lessThanOrEquals"
        return lambda data, focus, values: [v for v in values if not all(_less(v, o, or_equal) for o in data.values(focus, argument))]
    raise UnsupportedShapes(f"sh:{kind}")  # pragma: no cover - compile_shapes admits only the kinds above


def _has_datatype(value: Node, datatype: Node) -> bool:
    """pyshacl's sh:datatype: the literal's datatype, well formed, and for the datatypes it knows, a value of the right type."""
    if not isinstance(value, Literal):
        return False
    if value.datatype == datatype:
        if value.ill_typed is True:
            return False
    elif datatype == _LITERAL or (datatype == _DATATYPE and value.datatype):
        return True
    elif not ((value.datatype is None and value.language is None and datatype == _STRING) or (datatype == _LANG_STRING and value.language)):
        return False
    expected = _VALUE_TYPES.get(datatype)
    return expected is None or isinstance(value.value, expected)


def _in_range(kind: str, value: Node, bound: Literal) -> bool:
    if not isinstance(value, Literal):
        return False
    if isinstance(value.value, str) != isinstance(bound.value, str):
        return False
    try:
        order = _compare(value, bound)
    except (TypeError, NotImplementedError):
        return False
    return {"minInclusive": order >= 0, "maxInclusive": order <= 0, "minExclusive": order > 0, "maxExclusive": order < 0}[kind]


def _compare(a: Literal, b: Literal) -> int:
    """pyshacl's literal comparison: 0 when equal in value, 1 when greater, -1 otherwise."""
    if a.datatype in _NUMERIC_LITERAL_TYPES and b.datatype in _NUMERIC_LITERAL_TYPES and not a.ill_typed and not b.ill_typed and a.value is not None and b.value is not None:
        # rdflib's own rule for two well-typed numbers (Literal.eq and __gt__ compare their
        # values), without the rest of those methods: every confidence and offset is checked so.
        return 0 if a.value == b.value else 1 if a.value > b.value else -1
    if a.eq(b):
        return 0
    if a.value.__class__ in (datetime, time):
        if a.value == b.value:
            return 0
        if a.value > b.value:
            return 1
    elif a > b:
        return 1
    return -1


def _less(value: Node, other: Node, or_equal: bool) -> bool:
    """pyshacl's sh:lessThan: IRIs and string literals compare as text, other literals by value."""
    if isinstance(value, BNode) or isinstance(other, BNode):
        raise UnsupportedShapes("sh:lessThan on a blank node")

    def plain(node: Node) -> tuple[bool, object]:
        if isinstance(node, URIRef):
            return True, str(node)
        if isinstance(node, Literal) and isinstance(node.value, str):
            return True, node.value
        return False, node

    (a_text, a), (b_text, b) = plain(value), plain(other)
    if a_text != b_text:
        return False
    try:
        return a <= b if or_equal else a < b  # type: ignore[operator]
    except TypeError:
        return False
