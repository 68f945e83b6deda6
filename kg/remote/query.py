"""SPARQL text -> rows from a remote store, through the SPARQL 1.1 Protocol, formatted as kg.query does.

:func:`remote_query` declares kg's prefixes, binds values with :func:`with_values`, POSTs the
query and parses the answer into the pyoxigraph result types, so :func:`remote_query_text`
prints the same table, JSON, CSV and TSV as a local ``kg query``.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from kg.errors import QueryError, RemoteError
from kg.query import FORMATS, QueryResult, binding_terms, collect_result, render_result, sparql_tokens, warn_truncated
from kg.remote.client import BACKOFF, DEFAULT_RETRIES, DEFAULT_TIMEOUT, MAX_ANSWER_BYTES, Client, first_line, server_message
from kg.vocab import PREFIXES

__all__ = ["remote_query", "remote_query_text", "run_remote_query", "with_values"]

log = logging.getLogger(__name__)

#: A query's own 500 (often a timeout) would only repeat, so queries retry gateway statuses only.
_RETRY = frozenset({429, 502, 503, 504})
_GRAPH_FORMS = frozenset({"construct", "describe"})
_RESULTS_JSON = "application/sparql-results+json"
_PROLOGUE = " ".join(f"PREFIX {prefix}: <{ns}>" for prefix, ns in PREFIXES.items()) + " "
_GRAPH_RESULT_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
}

def _query_form(tokens: list[tuple[str, str, int]]) -> str:
    for kind, value, _ in tokens:
        if kind == "word" and value.lower() in ("select", "ask", "construct", "describe"):
            return value.lower()
    return "select"


def with_values(text: str, terms: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query with each bound variable fixed by a ``VALUES`` block in every group pattern.

    SPARQL has no standard way to send values apart from the text, and a trailing
    ``VALUES`` joins after the ``WHERE`` clause, too late for a ``FILTER`` in a subquery
    (the ``entity`` query). A one-row ``VALUES`` at the start of every group graph pattern
    that uses the variable binds it wherever it is used, as pyoxigraph's substitution does
    locally.
    Values are written by pyoxigraph's term serialisation (quotes and backslashes
    escaped), never pasted. Construct templates, data blocks and the brace that opens a
    subquery get none. Line numbers are kept.

    >>> print(with_values('SELECT ?o WHERE { ?s ?p ?o FILTER(?o = ?v) }', {"v": ox.Literal('say "hi"')}))
    SELECT ?o WHERE { VALUES ?v { "say \\"hi\\"" } ?s ?p ?o FILTER(?o = ?v) }

    Raises:
        QueryError: a bound variable is used but the query has no group to bind it in.
    """
    tokens = sparql_tokens(text)
    used = {value[1:] for kind, value, _ in tokens if kind == "var"}
    terms = {name: term for name, term in terms.items() if name in used}
    if not terms:
        return text
    if len(terms) == 1:
        ((name, term),) = terms.items()
        block = f" VALUES ?{name} {{ {term} }}"
    else:
        block = f" VALUES ({' '.join('?' + n for n in terms)}) {{ ({' '.join(str(t) for t in terms.values())}) }}"
    words = [value.lower() for _, value, _ in tokens]
    closing = _matching_braces(tokens)
    bound = [i for i, (kind, value, _) in enumerate(tokens) if kind == "var" and value[1:] in terms]
    offsets = []
    data_block = False
    for index, (kind, value, end) in enumerate(tokens):
        if kind == "word" and words[index] == "values":
            data_block = True
        if value != "{":
            continue
        before = words[max(0, index - 2) : index]
        if data_block:
            data_block = False  # VALUES ?x { ... }: data, not a pattern
        elif before[-1:] == ["construct"] or before == ["construct", "where"]:
            continue  # a construct template, or CONSTRUCT WHERE's pattern (triples only)
        elif words[index + 1 : index + 2] == ["select"]:
            continue  # the brace around a subquery: its own WHERE takes the values
        elif any(index < i < closing.get(index, len(tokens)) for i in bound):
            offsets.append(end)  # only groups that use a bound variable, to keep the query readable
    if not offsets:
        raise QueryError(f"cannot bind {', '.join('?' + n for n in terms)} on a remote store: the query has no group pattern to put the value in")
    parts, start = [], 0
    for offset in offsets:
        parts += [text[start:offset], block]
        start = offset
    parts.append(text[start:])
    return "".join(parts)


def _matching_braces(tokens: list[tuple[str, str, int]]) -> dict[int, int]:
    """Index of each ``{`` token -> index of its ``}`` (unbalanced ones run to the end)."""
    pairs, stack = {}, []
    for index, (_, value, _) in enumerate(tokens):
        if value == "{":
            stack.append(index)
        elif value == "}" and stack:
            pairs[stack.pop()] = index
    return pairs


def _solutions(content: bytes):
    """SPARQL JSON results -> pyoxigraph solutions or boolean, Virtuoso's dialect made standard."""
    try:
        document = json.loads(content)
        for row in document.get("results", {}).get("bindings", []):
            for cell in row.values():
                if cell.get("type") == "typed-literal":  # SPARQL 1.0-era JSON
                    cell["type"] = "literal"
                cell["value"] = str(cell.get("value", ""))  # Virtuoso writes some numbers bare
        return ox.parse_query_results(json.dumps(document).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    except (ValueError, SyntaxError, AttributeError) as err:
        raise RemoteError(f"the endpoint's answer is not SPARQL JSON results: {first_line(err)}") from err


def _triples(content: bytes, content_type: str) -> list[ox.Triple]:
    fmt = _GRAPH_RESULT_FORMATS.get(content_type)
    if fmt is None:
        raise RemoteError(f"the endpoint answered a graph query with {content_type or 'no Content-Type'}; expected N-Triples or Turtle")
    try:
        quads = list(ox.parse(content, format=fmt))
    except (ValueError, SyntaxError) as err:
        raise RemoteError(f"the endpoint's answer is not valid {content_type}: {first_line(err)}") from err
    return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]


def remote_query(
    endpoint: str,
    text: str,
    bindings: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    *,
    retries: int = DEFAULT_RETRIES,
    timeout: float | None = DEFAULT_TIMEOUT,
    backoff: float = BACKOFF,
    max_bytes: int = MAX_ANSWER_BYTES,
):
    """Run a read-only query on a SPARQL 1.1 endpoint (Protocol: POST, form-encoded).

    kg's prefixes are declared in front of the query on its first line (the query's own
    declarations win), values are bound by :func:`with_values`, and the answer is parsed into
    the pyoxigraph result types the local path gives. A store such as Virtuoso queries the
    union of its named graphs when the query names none, so a query sees every pushed document.
    ``timeout`` bounds the whole request (None: no limit) and ``max_bytes`` the answer.

    Returns:
        ``pyoxigraph.QuerySolutions``, ``QueryBoolean`` or a list of ``Triple``.

    Raises:
        QueryError: a missing binding, an UPDATE, or the endpoint rejects the query (HTTP 400).
        RemoteError: the endpoint is unreachable, refuses the credentials, or fails.
    """
    terms = binding_terms(text, bindings, required)
    tokens = sparql_tokens(text)
    form = _query_form(tokens)
    sent = _PROLOGUE + with_values(text, terms)
    accept = "application/n-triples, text/turtle;q=0.5" if form in _GRAPH_FORMS else _RESULTS_JSON
    client = Client(endpoint, retries, timeout or None, _RETRY, backoff, max_bytes)
    try:
        response = client.request("POST", data={"query": sent}, headers={"Accept": accept}, retry_read_timeout=False)
    finally:
        client.close()
    if response.status_code == 400:
        raise QueryError(f"the endpoint rejected the query (HTTP 400): {server_message(response)}")
    if not 200 <= response.status_code < 300:
        raise RemoteError(f"{endpoint} answered HTTP {response.status_code}: {server_message(response)}")
    if "X-SPARQL-MaxRows" in response.headers:
        log.warning("%s cut the result at %s rows (Virtuoso's ResultSetMaxRows); add LIMIT/OFFSET or raise the limit", endpoint, response.headers["X-SPARQL-MaxRows"])
    content_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if form in _GRAPH_FORMS:
        return _triples(response.content, content_type)
    if content_type != _RESULTS_JSON:
        raise RemoteError(f"the endpoint answered with {content_type or 'no Content-Type'}, not {_RESULTS_JSON}")
    return _solutions(response.content)


def run_remote_query(
    endpoint: str, text: str, bindings: Mapping[str, str] | None = None, required: Iterable[str] = (), limit: int | None = None, **options,
) -> QueryResult:
    """:func:`remote_query`, its rows kept as :func:`kg.query.run_query` keeps local ones (at most ``limit``)."""
    return collect_result(remote_query(endpoint, text, bindings, required, **options), limit)


def remote_query_text(
    endpoint: str,
    text: str,
    fmt: str = "table",
    bindings: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    limit: int | None = None,
    **options,
) -> str:
    """:func:`remote_query` as text, in the formats and layout of :func:`kg.query.query_text`.

    With ``limit``, at most that many rows are written and a warning is logged when there were more.

    Raises:
        QueryError, RemoteError: as :func:`remote_query`, or ``fmt`` is not one of FORMATS.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    # No pyoxigraph result in a local variable here: rdflib's parser (the UPDATE check) leaves
    # reference cycles holding the calling frames, the garbage collector may then free them on
    # another thread, and pyoxigraph's results must be dropped on the thread that made them.
    output, truncated = render_result(remote_query(endpoint, text, bindings, required, **options), fmt, limit)
    warn_truncated(truncated, limit)
    return output
