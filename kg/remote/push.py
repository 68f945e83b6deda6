"""An RDF graph -> named graphs in a SPARQL 1.1 store, through the Graph Store HTTP Protocol.

:func:`graph_layout` partitions the triples: one named graph per document (the document and
the statements derived from it) and one for everything else (entities, labels, direct facts).
:func:`push_graph` sends each graph with PUT, which replaces it, then POST for the rest of a
graph past ``batch`` triples; so pushing again replaces rather than duplicates.
"""
from __future__ import annotations

import hashlib
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal
from tqdm import tqdm

from kg.errors import InputError, RemoteError
from kg.remote.client import BACKOFF, DEFAULT_RETRIES, DEFAULT_TIMEOUT, Client, server_message
from kg.vocab import KG, KGR, PROV, RDF

__all__ = ["DEFAULT_BATCH", "DEFAULT_WORKERS", "ENTITY_GRAPH", "PushReport", "document_graph", "graph_layout", "graph_triples", "push_graph", "turtle_prefixes"]

#: The named graph of everything no document owns: entity types, labels and aliases, the
#: direct facts between entities, the polarity and modality individuals.
ENTITY_GRAPH = str(KGR["graph/entities"])
DEFAULT_BATCH = 20_000
DEFAULT_WORKERS = 4

#: Statuses worth another try: every push request is idempotent (PUT replaces, POST adds triples
#: already there at most), so any transient failure may be repeated.
_RETRY = frozenset({408, 425, 429, 500, 502, 503, 504})
_TYPE, _DOCUMENT, _DERIVED = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(KG.Document)), ox.NamedNode(str(PROV.wasDerivedFrom))
_DOC_PREFIX = str(KGR["doc/"])
_BODY_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
}
#: A local name that needs no backslash escape in Turtle (a conservative subset of PN_LOCAL).
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")
_MAX_PREFIXES = 64


def document_graph(document: str) -> str:
    """The named graph of a document: ``kgr:graph/doc/<id>`` for ``kgr:doc/<id>``.

    >>> document_graph("https://w3id.org/kg-news/resource/doc/dbef46ec78bd1809")
    'https://w3id.org/kg-news/resource/graph/doc/dbef46ec78bd1809'
    """
    if document.startswith(_DOC_PREFIX):
        return str(KGR[f"graph/doc/{document[len(_DOC_PREFIX):]}"])
    # A document IRI minted elsewhere: a stable name that cannot clash with kg's own ids.
    return str(KGR[f"graph/doc/iri-{hashlib.sha1(document.encode('utf-8')).hexdigest()[:16]}"])


def graph_layout(triples: Iterable[ox.Triple], graph: str | None = None) -> dict[str, list[ox.Triple]]:
    """Which named graph each triple goes to: a partition, so the union of the graphs is the input.

    A ``kg:Document`` and every statement ``prov:wasDerivedFrom`` it make the document's graph
    (:func:`document_graph`); every other triple (entities, their labels and direct facts)
    goes to :data:`ENTITY_GRAPH`. No triple lands in two graphs, so a query over the union of
    the graphs counts each fact once, as it does on the file.

    Args:
        triples: the graph's triples.
        graph: put everything into this one named graph instead.

    Returns:
        Graph IRI -> its triples, the largest graphs first.
    """
    triples = list(triples)
    if graph is not None:
        return {graph: triples} if triples else {}
    documents = {t.subject for t in triples if t.predicate == _TYPE and t.object == _DOCUMENT}
    owner: dict[object, str] = {}
    for t in triples:
        if t.predicate == _DERIVED and t.object in documents:
            # One owner per statement, the same whatever the order (kg derives each from one document).
            owner[t.subject] = min(owner.get(t.subject, t.object.value), t.object.value)
    layout: dict[str, list[ox.Triple]] = defaultdict(list)
    names: dict[str, str] = {}
    for t in triples:
        subject = t.subject
        if subject in documents:
            document = subject.value
        else:
            document = owner.get(subject)
        if document is None:
            layout[ENTITY_GRAPH].append(t)
        else:
            if document not in names:
                names[document] = document_graph(document)
            layout[names[document]].append(t)
    return dict(sorted(layout.items(), key=lambda item: (-len(item[1]), item[0])))


def graph_triples(rdf: Graph) -> list[ox.Triple]:
    """rdflib triples as pyoxigraph triples (which serialise N-Triples fast and escape correctly).

    Raises:
        InputError: the graph has blank nodes, or a term that is not valid RDF.
    """
    nodes: dict[object, ox.NamedNode] = {}

    def term(node):
        if isinstance(node, Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            return ox.Literal(str(node), datatype=iri(node.datatype) if node.datatype else None)
        if isinstance(node, BNode):
            raise InputError(
                "the graph has blank nodes; kg push needs IRIs only (kg build writes none), "
                "because a blank node cannot be replaced by a later push"
            )
        return iri(node)

    def iri(node) -> ox.NamedNode:
        found = nodes.get(node)
        if found is None:
            found = nodes[node] = ox.NamedNode(str(node))
        return found

    try:
        return [ox.Triple(term(s), iri(p), term(o)) for s, p, o in rdf]
    except ValueError as err:
        raise InputError(f"the graph holds a term that is not valid RDF: {err}") from err


@dataclass(frozen=True, slots=True)
class PushReport:
    """What a push sent: named graphs, triples, HTTP requests (with retries), body bytes, seconds."""

    endpoint: str
    graphs: int
    triples: int
    requests: int
    retries: int
    bytes: int
    seconds: float

    def summary(self) -> str:
        rate = f", {self.triples / self.seconds:,.0f} triples/s" if self.seconds > 0 else ""
        retries = f", {self.retries} retried" if self.retries else ""
        return (
            f"pushed {self.triples:,} triples in {self.graphs:,} named graph{'s' if self.graphs != 1 else ''} "
            f"({self.requests:,} requests{retries}) to {self.endpoint} in {self.seconds:.1f} s{rate}"
        )


def turtle_prefixes(triples: Iterable[ox.Triple]) -> dict[str, str]:
    """Prefixes for Turtle bodies under which no IRI needs an escaped local name.

    Virtuoso 7 keeps the backslash of an escaped local name in the IRI (``kgr:stmt\\/1`` becomes
    ``.../stmt\\/1``), so kg's own ``kgr:`` cannot be used for ``kgr:stmt/1``. Each namespace
    here is an IRI cut after its last ``/`` or ``#`` (``.../stmt/``, ``.../entity/person/``), the
    most frequent first, and one is dropped when any IRI under it would need an escape; such
    IRIs are written in full.

    >>> iris = ["https://w3id.org/kg-news/resource/stmt/0a1b", "http://example.org/a.b"]
    >>> turtle_prefixes([ox.Triple(ox.NamedNode(iris[0]), ox.NamedNode(iris[0]), ox.NamedNode(iris[1]))])
    {'p0': 'https://w3id.org/kg-news/resource/stmt/'}
    """
    iris = {term.value for t in triples for term in (t.subject, t.predicate, t.object) if isinstance(term, ox.NamedNode)}
    spaces = Counter(iri[: max(iri.rfind("/"), iri.rfind("#")) + 1] for iri in iris)
    candidates = [ns for ns, _ in spaces.most_common(_MAX_PREFIXES) if ns]
    plain = [ns for ns in candidates if all(_PLAIN_LOCAL.fullmatch(iri[len(ns) :]) for iri in iris if iri.startswith(ns))]
    return {f"p{index}": ns for index, ns in enumerate(plain)}


def _chunks(triples: list[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    for start in range(0, len(triples), size):
        yield triples[start : start + size]


def push_graph(
    graph: Graph | Iterable[ox.Triple],
    endpoint: str,
    *,
    graph_iri: str | None = None,
    batch: int = DEFAULT_BATCH,
    workers: int = DEFAULT_WORKERS,
    body: str = "turtle",
    retries: int = DEFAULT_RETRIES,
    timeout: float = DEFAULT_TIMEOUT,
    backoff: float = BACKOFF,
    progress: bool = False,
) -> PushReport:
    """Load a graph into a SPARQL 1.1 store through the Graph Store HTTP Protocol.

    Each named graph of :func:`graph_layout` is sent as PUT ``endpoint?graph=IRI`` (which
    replaces it) followed, past ``batch`` triples, by POSTs (which add), so pushing the same
    graph twice leaves the store as it was and a changed document's old statements go.
    Credentials come from :data:`USER_ENV` and :data:`PASSWORD_ENV` (Digest or Basic, as the
    server asks). Every request is idempotent, so transient failures (connection reset, 5xx,
    429, a read timeout) are retried with exponential backoff, ``retries`` times at most.

    Args:
        graph: an rdflib graph (from :func:`kg.rdf.load_rdf`) or pyoxigraph triples.
        endpoint: the Graph Store endpoint, e.g. ``http://127.0.0.1:8890/sparql-graph-crud-auth``.
        graph_iri: put everything into this one named graph instead of one per document.
        batch: most triples in one request.
        workers: named graphs sent at the same time (each graph's requests stay in order).
        body: ``turtle`` (prefixes from :func:`turtle_prefixes`: about 2.5 times smaller than
            N-Triples, and loaded faster by Virtuoso) or ``ntriples``.
        retries: further attempts of a failed request.
        timeout: seconds one request may take, whole: connecting, sending and the answer.
        backoff: seconds before the first retry (doubled each time).
        progress: show a progress bar on a terminal.

    Returns:
        What was sent, and how long it took.

    Raises:
        InputError: the graph has blank nodes or invalid terms.
        RemoteError: the endpoint is unreachable, refuses the credentials or the data, or
            keeps failing; graphs sent before stay, and pushing again finishes the job.
    """
    if body not in _BODY_FORMATS:
        raise RemoteError(f"unknown body format {body!r}; choose one of: {', '.join(_BODY_FORMATS)}")
    if batch < 1 or workers < 1:
        raise RemoteError("batch and workers must be at least 1")
    started = time.perf_counter()
    triples = graph_triples(graph) if isinstance(graph, Graph) else list(graph)
    layout = graph_layout(triples, graph_iri)
    client = Client(endpoint, retries, timeout, _RETRY, backoff)
    rdf_format, content_type = _BODY_FORMATS[body]
    prefixes = turtle_prefixes(triples) if body == "turtle" else None
    sent = {"bytes": 0}
    lock = threading.Lock()
    bar = tqdm(total=len(triples), unit="triple", unit_scale=True, desc="kg push", disable=None if progress else True, leave=False)

    def send(name: str, part: list[ox.Triple]) -> None:
        for index, chunk in enumerate(_chunks(part, batch)):
            data = ox.serialize(chunk, format=rdf_format, prefixes=prefixes)
            method = "PUT" if index == 0 else "POST"
            response = client.request(method, params={"graph": name}, data=data, headers={"Content-Type": content_type})
            if not 200 <= response.status_code < 300:
                raise RemoteError(f"{endpoint} refused {method} of graph <{name}> (HTTP {response.status_code}): {server_message(response)}")
            with lock:
                sent["bytes"] += len(data)
                bar.update(len(chunk))

    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kg-push") as pool:
            futures = [pool.submit(send, name, part) for name, part in layout.items()]
            wait(futures, return_when=FIRST_EXCEPTION)
            for future in futures:
                future.cancel()  # after a failure, graphs not yet started stay as they are
    finally:
        bar.close()
        client.close()
    failed = [f.exception() for f in futures if not f.cancelled() and f.exception() is not None]
    if failed:
        done = sum(1 for f in futures if not f.cancelled() and f.exception() is None)
        if isinstance(failed[0], RemoteError):
            raise RemoteError(f"{failed[0]} ({done} of {len(layout)} graphs pushed; pushing again is safe and finishes the job)") from failed[0]
        raise failed[0]
    return PushReport(
        endpoint=endpoint,
        graphs=len(layout),
        triples=len(triples),
        requests=client.requests,
        retries=client.retried,
        bytes=sent["bytes"],
        seconds=time.perf_counter() - started,
    )
