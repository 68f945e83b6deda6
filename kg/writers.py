"""rdflib.Graph -> Turtle text, JSON-LD data and N-Triples lines, as rdflib's serializers make them, in a fraction of their time.

rdflib's Turtle serializer looks every triple up again in the store and recomputes each IRI's
prefixed name on every use (about 30 µs a triple). :func:`turtle_text` reads the store once,
computes each IRI's name once, through rdflib's own namespace manager and in the order rdflib
would, and formats literals with rdflib's own code, so the text is the same byte for byte.
:func:`jsonld_data` runs rdflib's own JSON-LD converter over a dictionary view of the graph with
the context's term lookups memoised. Both cover graphs without blank nodes, RDF lists, a base
IRI or ``rdfs:Class`` subjects (kg never writes them) and return None for anything else, so the
caller falls back to rdflib.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.vocab import RDF, RDFS

__all__ = [
    "JSONLD_SEPARATOR", "JSONLD_TAIL", "SubjectIndex", "SubjectText", "jsonld_chunks", "jsonld_data", "jsonld_from_parts", "jsonld_head",
    "ntriples_lines", "subject_index", "subject_texts", "turtle_chunks", "turtle_from_parts", "turtle_head", "turtle_order", "turtle_text",
]

#: subject -> predicate -> objects: one read of a graph, shared by the writers and the SHACL check
#: of one build (read-only to all of them).
SubjectIndex = dict[Node, dict[Node, list[Node]]]

#: What rdflib's Turtle serializer escapes in a prefixed name's local part.
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_NO_NAME = object()
_TYPE, _LABEL, _NIL, _CLASS = RDF.type, RDFS.label, RDF.nil, RDFS.Class
#: Hash lookups: rdflib's term ``==`` is Python code, set membership is not (until hashes collide).
_IS_TYPE = frozenset({_TYPE})
_IS_NIL = frozenset({_NIL})
_FIRST_PREDICATES = (_TYPE, _LABEL)


def turtle_text(rdf: Graph, index: SubjectIndex | None = None) -> str | None:
    """The Turtle that ``rdf.serialize(format="turtle")`` gives, or None when the graph has
    something this writer leaves to rdflib (blank nodes, lists, a base, classes as subjects).

    Examples:
        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph()
        >>> g.add((URIRef("http://example.org/a"), RDFS.label, Literal("A")))  # doctest: +ELLIPSIS
        <Graph ...>
        >>> turtle_text(g) == g.serialize(format="turtle")
        True
    """
    if rdf.context_aware or rdf.base is not None or type(rdf) is not Graph:
        return None
    names = _Names(rdf)
    out = subject_index(rdf) if index is None else index
    references: dict[Node, int] = defaultdict(int)
    for s, by_predicate in out.items():
        found = _register(names, s, by_predicate)
        if found is None:
            return None
        for o in found[1]:
            references[o] += 1
    if any(_CLASS in by_predicate.get(_TYPE, ()) for by_predicate in out.values()):
        return None
    if any(prefix.startswith("_") for prefix in names.prefixes):
        return None
    parts = [f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(names.prefixes.items())]
    for subject in sorted(out, key=lambda s: (references.get(s, 0), str(s))):
        parts.append(_turtle_block(names, subject, out[subject])[0])
    parts.append("\n")
    return _replace_surrogates("".join(parts))


def _register(names: _Names, subject: Node, by_predicate: dict[Node, list[Node]]) -> tuple[set[str], list[Node]] | None:
    """Name the IRIs of one subject's triples as rdflib's serializer does while reading them (the
    prefixes it declares are those it names): the prefixes used and the subject's objects that
    are not literals; None for what rdflib has to write (a blank node, ``rdf:nil``, a predicate
    whose namespace it would invent a prefix for)."""
    if isinstance(subject, BNode):
        return None
    used: set[str] = set()
    pointed: list[Node] = []

    def name(iri: Node) -> str | None:
        found = names.register(iri)
        if found is not None:
            used.add(found.split(":", 1)[0])
        return found

    name(subject)
    for p, objects in by_predicate.items():
        if p not in _IS_TYPE and name(p) is None:
            return None  # rdflib would invent a prefix (ns1:) for this predicate's namespace
        for o in objects:
            if isinstance(o, Literal):
                if o.datatype is not None:
                    name(o.datatype)
            elif isinstance(o, BNode) or o in _IS_NIL:
                return None
            else:
                pointed.append(o)
                name(o)
    return used, pointed


def _turtle_block(names: _Names, subject: Node, by_predicate: dict[Node, list[Node]]) -> tuple[str, list[Node]]:
    """One subject's Turtle, from the blank line before it to its final " .\n", its IRIs named
    by :func:`_register` first; and its objects that are not literals, in the order written."""
    lines = []
    pointed: list[Node] = []
    for predicate in _predicate_order(by_predicate):
        objects = by_predicate[predicate]
        if len(objects) > 1:
            objects = sorted(objects)
        labels = []
        for o in objects:
            if isinstance(o, Literal):
                labels.append(names.literal(o))
            else:
                pointed.append(o)
                labels.append(names.node(o))
        verb = "a" if predicate in _IS_TYPE else names.node(predicate)
        lines.append(f"{verb} {labels[0]}" if len(labels) == 1 else f"{verb} " + ",\n        ".join(labels))
    return f"\n{names.node(subject)} " + " ;\n    ".join(lines) + " .\n", pointed


def ntriples_lines(rdf: Graph, index: SubjectIndex | None = None) -> set[bytes]:
    """The distinct lines of ``rdf.serialize(format="nt", encoding="utf-8")``, without their
    line ends: rdflib's own row format, with each IRI's form computed once rather than on
    every triple (about a quarter of rdflib's time on kg's graphs).

    Examples:
        >>> from rdflib import Graph, Literal, URIRef
        >>> g = Graph()
        >>> g.add((URIRef("http://example.org/a"), RDFS.label, Literal('say "hi"\\n', lang="en")))  # doctest: +ELLIPSIS
        <Graph ...>
        >>> ntriples_lines(g) == {line for line in g.serialize(format="nt", encoding="utf-8").splitlines() if line.strip()}
        True
    """
    from rdflib.plugins.serializers.nt import _quoteLiteral

    forms: dict[Node, str] = {}

    def form(term: Node) -> str:
        found = forms.get(term)
        if found is None:
            found = forms[term] = term.n3()
        return found

    lines: set[bytes] = set()
    for s, by_predicate in (subject_index(rdf) if index is None else index).items():
        head = form(s) + " "
        for p, objects in by_predicate.items():
            start = head + form(p) + " "
            for o in objects:
                lines.add((start + (_quoteLiteral(o) if isinstance(o, Literal) else form(o)) + " .").encode())
    return lines


def _predicate_order(by_predicate: dict[Node, list[Node]]) -> list[Node]:
    """rdf:type, then rdfs:label, then the rest sorted, as rdflib's serializer orders them."""
    first = [p for p in _FIRST_PREDICATES if p in by_predicate]
    if len(first) == len(by_predicate):
        return first
    return first + sorted((p for p in by_predicate if p not in _FIRST_PREDICATES), key=str)


class _Names:
    """Prefixed names of IRIs, as rdflib's TurtleSerializer.get_pname computes them (once each)."""

    def __init__(self, rdf: Graph) -> None:
        self.rdf = rdf
        self.names: dict[Node, str | None] = {}
        self.prefixes: dict[str, URIRef] = {}
        self.literals: dict[Literal, str] = {}

    def register(self, iri: Node) -> str | None:
        name = self.names.get(iri, _NO_NAME)
        if name is _NO_NAME:
            name = self.names[iri] = self._pname(iri)
        return name  # type: ignore[return-value]

    def _pname(self, iri: Node) -> str | None:
        try:
            prefix, namespace, local = self.rdf.compute_qname(iri, generate=False)
        except Exception:  # rdflib's serializer catches everything here too
            prefix = self.rdf.store.prefix(iri)
            if prefix is None:
                return None
            namespace, local = iri, ""
        local = _PERCENT.sub("\\\\%", local.replace("(", r"\(").replace(")", r"\)"))
        if local.endswith("."):
            return None
        self.prefixes[prefix] = namespace
        return f"{prefix}:{local}"

    def node(self, iri: Node) -> str:
        name = self.names.get(iri, _NO_NAME)
        if name is _NO_NAME:
            name = self.register(iri)
        return name or iri.n3()  # type: ignore[union-attr, return-value]

    def literal(self, literal: Literal) -> str:
        text = self.literals.get(literal)
        if text is None:
            text = self.literals[literal] = literal._literal_n3(use_plain=True, qname_callback=self.register)
        return text


def jsonld_data(rdf: Graph, context: dict[str, object], index: SubjectIndex | None = None) -> dict | None:
    """What ``rdf.serialize(format="json-ld", context=context, auto_compact=True)`` encodes, as
    Python data (its ``@graph`` in no particular order; IRIs may be rdflib terms, which encode
    as strings), or None when rdflib should do it.

    Examples:
        >>> import json
        >>> g = Graph()
        >>> g.add((URIRef("http://example.org/a"), RDFS.label, Literal("A")))  # doctest: +ELLIPSIS
        <Graph ...>
        >>> context = {"rdfs": str(RDFS)}
        >>> ours = json.dumps(jsonld_data(g, context), sort_keys=True, indent=2)
        >>> ours == g.serialize(format="json-ld", context=context, auto_compact=True)
        True
    """
    if rdf.context_aware or type(rdf) is not Graph:
        return None
    try:
        from rdflib.plugins.serializers.jsonld import Converter
        from rdflib.plugins.shared.jsonld.context import Context
        from rdflib.plugins.shared.jsonld.keys import CONTEXT, GRAPH
    except ImportError:  # pragma: no cover - another rdflib layout: let rdflib serialise
        return None
    view = _DictGraph(rdf, index)
    if any(isinstance(s, BNode) or _FIRST in by_predicate or any(isinstance(o, BNode) for objects in by_predicate.values() for o in objects)
           for s, by_predicate in view.out.items()):
        return None
    converter = Converter(_memoised(Context(context)), True, False)
    result = converter.convert(view)
    if converter.context.active:
        if isinstance(result, list):
            result = {converter.context.get_key(GRAPH): result}
        result[CONTEXT] = context
    return result


class _DictGraph:
    """The parts of rdflib's Graph API that the JSON-LD converter uses, over dictionaries."""

    context_aware = False

    def __init__(self, rdf: Graph, index: SubjectIndex | None = None) -> None:
        self.identifier = rdf.identifier
        self.out = subject_index(rdf) if index is None else index

    def subjects(self, predicate=None, obj=None):
        if predicate is None and obj is None:
            return iter(self.out)
        raise NotImplementedError  # only asked for blank nodes, which this view refuses

    def predicate_objects(self, subject):
        for p, objects in self.out.get(subject, {}).items():
            for o in objects:
                yield p, o

    def value(self, subject, predicate):
        values = self.out.get(subject, {}).get(predicate)
        return values[0] if values else None


_FIRST = RDF.first


def _memoised(context):
    """The context with its IRI lookups cached: the converter asks the same few questions per triple."""
    find_term, shrink_iri, to_symbol = context.find_term, context.shrink_iri, context.to_symbol
    terms: dict[tuple, object] = {}
    shrunk: dict[str, str] = {}
    symbols: dict[str, object] = {}

    def cached_find_term(idref, coercion=None, container=UNDEF_CONTAINER, language=None, reverse=False):
        key = (idref, coercion, container, language, reverse)
        if key not in terms:
            args = {} if container is UNDEF_CONTAINER else {"container": container}
            terms[key] = find_term(idref, coercion, language=language, reverse=reverse, **args)
        return terms[key]

    def cached_shrink_iri(iri):
        found = shrunk.get(iri)
        if found is None:
            found = shrunk[iri] = shrink_iri(iri)
        return found

    def cached_to_symbol(iri):
        if iri not in symbols:
            symbols[iri] = to_symbol(iri)
        return symbols[iri]

    context.find_term, context.shrink_iri, context.to_symbol = cached_find_term, cached_shrink_iri, cached_to_symbol
    return context


UNDEF_CONTAINER = object()


def subject_index(rdf: Graph) -> SubjectIndex:
    """subject -> predicate -> objects, each in the order the triples were added (rdflib's own
    order for a subject's triples, which its serializers follow).

    rdflib's in-memory store already holds this dictionary; it is copied from there when the
    store is one (about 50x faster than asking the store for every triple), else built from
    ``rdf.predicate_objects``.
    """
    spo = getattr(rdf.store, "_Memory__spo", None) if not rdf.context_aware else None
    if isinstance(spo, dict):
        return {s: {p: list(objects) for p, objects in by_predicate.items() if objects} for s, by_predicate in spo.items() if by_predicate}
    out: dict[Node, dict[Node, list[Node]]] = {}
    for s in dict.fromkeys(rdf.subjects()):
        by_predicate: dict[Node, list[Node]] = {}
        for p, o in rdf.predicate_objects(s):
            by_predicate.setdefault(p, []).append(o)
        out[s] = by_predicate
    return out


# --- one subject at a time, for updates that write again only what changed -------------------


@dataclass(frozen=True)
class SubjectText:
    """One subject's share of ``graph.ttl`` and ``graph.jsonld``.

    :func:`turtle_from_parts` and :func:`jsonld_from_parts` put the shares of every subject
    together into the text :func:`turtle_text` and ``kg.rdf.to_jsonld`` write for the whole graph.
    """

    #: Its Turtle block, from the blank line before it to its final " .\n".
    turtle: str
    #: The prefixes its Turtle names use.
    prefixes: tuple[str, ...]
    #: The IRIs among its objects, once per triple: Turtle writes the least referenced subjects first.
    points_to: tuple[str, ...]
    #: Its JSON-LD ``@id`` (compacted) and node, indented as in ``graph.jsonld``'s ``@graph``.
    jsonld_id: str
    jsonld: str
    #: Its number of triples.
    triples: int


def subject_texts(rdf: Graph, context: dict[str, object], index: SubjectIndex | None = None, subjects: Iterable[Node] | None = None) -> dict[str, SubjectText] | None:
    """Each subject's :class:`SubjectText` (of ``subjects``, all by default), from its triples in
    ``rdf``; None when the graph has something the fast writers leave to rdflib."""
    out = subject_index(rdf) if index is None else index
    if rdf.context_aware or rdf.base is not None or type(rdf) is not Graph:
        return None
    part = {s: out[s] for s in (out if subjects is None else subjects) if s in out}
    names = _Names(rdf)
    used: dict[Node, set[str]] = {}
    for subject, by_predicate in part.items():
        found = _register(names, subject, by_predicate)
        if found is None or _FIRST in by_predicate or _CLASS in by_predicate.get(_TYPE, ()) or any(p.startswith("_") for p in found[0]):
            return None
        used[subject] = found[0]
    nodes = _jsonld_nodes(rdf, context, part)
    if nodes is None:
        return None
    texts: dict[str, SubjectText] = {}
    for subject, by_predicate in part.items():
        block, pointed = _turtle_block(names, subject, by_predicate)
        node_id, node = nodes[subject]
        texts[str(subject)] = SubjectText(
            turtle=_replace_surrogates(block), prefixes=tuple(sorted(used[subject])),
            points_to=tuple(sys.intern(str(o)) for o in pointed), jsonld_id=node_id, jsonld=node,
            triples=sum(len(objects) for objects in by_predicate.values()),
        )
    return texts


def turtle_from_parts(namespaces: dict[str, str], texts: Iterable[SubjectText], subjects: Iterable[str]) -> str:
    """The Turtle of a whole graph from its subjects' shares (``texts`` in the order of ``subjects``,
    their IRIs): what :func:`turtle_text` writes for it. ``namespaces``: prefix -> namespace, at
    least every prefix the texts use."""
    return "".join(turtle_chunks(namespaces, texts, subjects))


def turtle_chunks(namespaces: dict[str, str], texts: Iterable[SubjectText], subjects: Iterable[str]) -> Iterator[str]:
    """:func:`turtle_from_parts` in pieces, to write or compress without the whole text in memory."""
    texts = list(texts)
    yield turtle_head(namespaces, texts)
    for i in turtle_order(texts, subjects):
        yield texts[i].turtle
    yield "\n"


def turtle_head(namespaces: dict[str, str], texts: Iterable[SubjectText]) -> str:
    """The ``@prefix`` lines of the Turtle of ``texts``."""
    used = sorted({prefix for text in texts for prefix in text.prefixes})
    return "".join(f"@prefix {prefix}: <{namespaces[prefix]}> .\n" for prefix in used)


def turtle_order(texts: Sequence[SubjectText], subjects: Iterable[str]) -> list[int]:
    """The positions of ``texts`` (whose subjects are ``subjects``) in the order the Turtle
    writes them: the least referenced subjects first, then by IRI."""
    references: dict[str, int] = defaultdict(int)
    for text in texts:
        for iri in text.points_to:
            references[iri] += 1
    keys = [(references.get(subject, 0), subject, i) for i, subject in enumerate(subjects)]
    keys.sort()
    return [i for _, _, i in keys]


def jsonld_from_parts(context: dict[str, object], texts: Iterable[SubjectText]) -> str:
    """The JSON-LD text ``kg.rdf.to_jsonld`` writes, from every subject's share."""
    return "".join(jsonld_chunks(context, texts))


def jsonld_chunks(context: dict[str, object], texts: Iterable[SubjectText]) -> Iterator[str]:
    """:func:`jsonld_from_parts` in pieces (a lone surrogate is replaced within its piece, as
    in the whole text: each is a code point of its own)."""
    nodes = sorted(texts, key=lambda text: text.jsonld_id)
    yield jsonld_head(context)
    for i, node in enumerate(nodes):
        yield _replace_surrogates(node.jsonld if i == 0 else JSONLD_SEPARATOR + node.jsonld)
    yield JSONLD_TAIL


#: What comes between two subjects' nodes in ``graph.jsonld``'s ``@graph``, and after the last.
JSONLD_SEPARATOR = ",\n"
JSONLD_TAIL = "\n  ]\n}\n"


def jsonld_head(context: dict[str, object]) -> str:
    """``graph.jsonld``'s text before its first node: the context and the opening of ``@graph``."""
    head = json.dumps(context, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n  ")
    return _replace_surrogates('{\n  "@context": ' + head + ',\n  "@graph": [\n')


def _jsonld_nodes(rdf: Graph, context: dict[str, object], part: SubjectIndex) -> dict[Node, tuple[str, str]] | None:
    """subject -> (compacted @id, node text indented for ``@graph``), by rdflib's JSON-LD converter."""
    try:
        from rdflib.plugins.serializers.jsonld import Converter
        from rdflib.plugins.shared.jsonld.context import Context
    except ImportError:  # pragma: no cover - another rdflib layout: let rdflib serialise
        return None
    view = _DictGraph(rdf, part)
    converter = Converter(_memoised(Context(context)), True, False)
    nodes: dict[Node, tuple[str, str]] = {}
    for subject in part:
        node = converter.process_subject(view, subject, {})
        if not isinstance(node, dict):
            return None
        text = "    " + json.dumps(node, ensure_ascii=False, indent=2, sort_keys=True).replace("\n", "\n    ")
        nodes[subject] = (str(node.get("@id", "")), text)
    return nodes


def _replace_surrogates(text: str) -> str:
    # rdflib encodes with errors="replace" (a lone surrogate becomes "?").
    return text.encode("utf-8", "replace").decode("utf-8")
