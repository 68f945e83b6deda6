"""SPARQL text + an RDF file or store -> results, on pyoxigraph; named queries from ``queries/*.rq``.

Queries are read-only: an UPDATE is refused before it reaches the store. Values reach a
query through SPARQL substitutions (``--bind name=Jaishankar``), never through string
formatting. Results serialise to the W3C SPARQL 1.1 JSON, CSV and TSV formats, or to a
plain text table for people.
"""
from __future__ import annotations

import functools
import itertools
import json
import logging
import re
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from os import PathLike
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from pyparsing import ParseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

from kg.errors import InputError, QueryError
from kg.files import Folder, current_path, write_files
from kg.rdf import check_jsonld_contexts, readable_rdf_file
from kg.terminal import one_line, printable
from kg.vocab import PREFIXES
from kg.worker import WorkerDied, WorkerTimeout, run_in_worker

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_TIMEOUT",
    "FORMATS",
    "NamedQuery",
    "QueryResult",
    "binding_terms",
    "collect_result",
    "STORE_STAMP",
    "fill_store",
    "format_table",
    "grow_store",
    "missing_derived",
    "named_queries",
    "named_query",
    "open_store",
    "query_target",
    "query_text",
    "read_query_file",
    "refuse_service",
    "render_result",
    "run_query",
    "serialize_result",
    "serialize_rows",
    "sparql_tokens",
    "store_holds",
    "warn_missing_derived",
    "warn_truncated",
    "write_store",
]

#: ``--format`` values.
FORMATS = ("table", "csv", "tsv", "json")
#: Rows ``kg query`` writes unless told otherwise (``--limit``), and seconds a query may run (``--timeout``).
DEFAULT_LIMIT = 100_000
DEFAULT_TIMEOUT = 60.0

#: File suffix -> pyoxigraph parser.
_STORE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".turtle": ox.RdfFormat.TURTLE,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ntriples": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
_RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ERROR_AT = re.compile(r"^error at (\d+):(\d+): ?(.*)$", re.DOTALL)
#: pyoxigraph ends a parse error with "(FILE, line N)"; the message already names both.
_PARSER_SOURCE = re.compile(r"\s*\([^()]*, line \d+\)$")
_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s*(.*)$")
#: Table cells longer than this are cut with an ellipsis (the other formats keep everything).
MAX_CELL = 60


_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-.:\\%]*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def sparql_tokens(text: str) -> list[tuple[str, str, int]]:
    """(kind, text, end offset) of a SPARQL query's significant tokens: no spaces or comments.

    Strings, IRIs and comments are tokens of their own, so a keyword found here is a keyword.

    >>> [value for _, value, _ in sparql_tokens('SELECT * # SERVICE\\n WHERE { ?s ?p "SERVICE" }')]
    ['SELECT', '*', 'WHERE', '{', '?s', '?p', '"SERVICE"', '}']
    """
    return [(m.lastgroup, m.group(), m.end()) for m in _TOKEN.finditer(text) if m.lastgroup not in ("space", "comment")]  # type: ignore[misc]


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A query shipped in ``queries/``: its name (file stem), one-line description and text."""

    name: str
    description: str
    text: str
    params: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class QueryResult:
    """What a query gave: ``kind`` is "select", "ask" or "graph".

    Rows hold pyoxigraph terms (None where a variable is unbound); for "graph" each row is a
    (subject, predicate, object) triple, sorted. ``truncated``: a row limit left rows out.
    """

    kind: str
    variables: tuple[str, ...]
    rows: tuple[tuple, ...]
    boolean: bool | None = None
    truncated: bool = False


def _parse_named(name: str, text: str) -> NamedQuery:
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line)
    description = comments[0].lstrip("# ").strip() if comments else ""
    params = tuple(m.group(1) for line in comments if (m := _PARAM.match(line)))
    return NamedQuery(name=name, description=description, text=text, params=params)


@functools.lru_cache(maxsize=1)
def _shipped_queries() -> tuple[NamedQuery, ...]:
    folder = resources.files("kg").joinpath("queries")
    found = [_parse_named(entry.name[:-3], entry.read_text(encoding="utf-8")) for entry in folder.iterdir() if entry.name.endswith(".rq")]
    return tuple(sorted(found, key=lambda q: q.name))


def named_queries() -> dict[str, NamedQuery]:
    """The shipped named queries by name, in name order.

    >>> "meetings" in named_queries()
    True
    """
    return {q.name: q for q in _shipped_queries()}


def named_query(name: str) -> NamedQuery:
    """One shipped query by name.

    Raises:
        QueryError: no query has that name; the message lists the names there are.
    """
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; choose one of: {', '.join(queries)}")
    return queries[name]


def read_query_file(path: str | PathLike[str]) -> NamedQuery:
    """A query from a ``.rq`` file, parsed like the shipped ones (description, ``@param`` lines)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read query file ({getattr(err, 'strerror', None) or err})") from err
    return _parse_named(path.stem, text)


def _is_store_directory(path: Path) -> bool:
    # An on-disk oxigraph store is a RocksDB folder, which always has a CURRENT file.
    return (path / "CURRENT").is_file()


def open_store(target: str | PathLike[str] | Iterable[str | PathLike[str]], allow_remote: bool = False) -> ox.Store:
    """A store to query: an on-disk oxigraph store folder, or RDF files loaded into memory.

    A folder written by ``kg build`` (holding ``graph.ttl``) stands for its graph file, read as
    of its last whole generation. A JSON-LD file whose ``@context`` is a reference is refused
    unless ``allow_remote`` (pyoxigraph fetches none either way).

    Raises:
        InputError: a path is missing, not a regular file, of an unknown type, or not valid RDF.
    """
    targets = [target] if isinstance(target, (str, PathLike)) else list(target)
    paths = [Path(t) for t in targets]
    if len(paths) == 1:
        # A store a build was replacing when it died is finished (or found) first.
        paths = [current_path(paths[0])]
    if len(paths) == 1 and paths[0].is_dir() and _is_store_directory(paths[0]):
        try:
            return ox.Store.read_only(str(paths[0]))
        except OSError as err:
            raise InputError(f"{paths[0]}: cannot open the store: {one_line(str(err))}") from err
    store = ox.Store()
    for path in paths:
        if path.is_dir() and not (path / "graph.ttl").exists():
            raise InputError(f"{path}: a folder, but neither a kg store nor a kg build output (no graph.ttl)")
        path = readable_rdf_file(path)
        fmt = _STORE_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise InputError(f"{path}: unknown RDF file type {path.suffix or '(none)'!r}; expected one of {', '.join(sorted(_STORE_FORMATS))}")
        source = current_path(path)
        if fmt == ox.RdfFormat.JSON_LD:
            check_jsonld_contexts(source, allow_remote, shown=path)
        try:
            store.bulk_load(path=str(source), format=fmt)
        except (SyntaxError, ValueError, OSError) as err:
            raise InputError(f"{path}: not valid RDF: {one_line(re.sub(_PARSER_SOURCE, '', str(err)))}") from err
    return store


#: Beside the data of a store kg filled from a build's Turtle: that file's size and CRC-32, so
#: that the next ``kg build --into`` knows the store holds the graph it changes (:func:`grow_store`).
STORE_STAMP = "kg-store.json"


def fill_store(
    data: str | bytes | BinaryIO, folder: str | PathLike[str], fmt: ox.RdfFormat = ox.RdfFormat.TURTLE, holds: tuple[int, int] | None = None,
) -> Path:
    """Make an on-disk oxigraph store in ``folder`` (new or empty) holding the RDF ``data`` (text,
    bytes or a binary file); ``holds``: the size and CRC-32 of the Turtle file ``data`` is, to
    stamp the store with.

    Raises:
        OSError: the store cannot be written (a full disk, say).
    """
    store = ox.Store(str(folder))
    store.bulk_load(input=data.encode("utf-8") if isinstance(data, str) else data, format=fmt)
    store.flush()
    del store  # release the store's lock so a reader can open it straight away
    _stamp_store(Path(folder), holds)
    return Path(folder)


def store_holds(folder: str | PathLike[str]) -> tuple[int, int] | None:
    """The size and CRC-32 of the Turtle file the store in ``folder`` was made to hold, when kg
    stamped it (:func:`fill_store`, :func:`grow_store`); None for any other folder."""
    try:
        stamp = json.loads((Path(folder) / STORE_STAMP).read_text(encoding="utf-8"))
        size, crc = stamp["turtle"]
        return int(size), int(crc)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def grow_store(old: str | PathLike[str], folder: str | PathLike[str], subjects: Iterable[str], turtle: str, holds: tuple[int, int]) -> Path:
    """Make in ``folder`` (new or empty) a copy of the store in ``old`` without any triple of
    ``subjects`` (IRIs) and with the triples of ``turtle``: the store of an update, when ``old``
    holds the graph before it and ``turtle`` every triple of the subjects that changed. A
    changed subject's triples all go and all come back, so the copy holds the new graph
    whatever the change; loading the whole Turtle again took 1.4 s at 1,600 articles, this
    a few hundredths of a second for ten new ones.

    Raises:
        OSError: the store cannot be copied or written.
    """
    # The old store's own log files stay behind: each opening leaves one more.
    shutil.copytree(old, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("LOG.old.*", STORE_STAMP, "LOCK"))
    store = ox.Store(str(folder))
    for subject in subjects:
        for quad in list(store.quads_for_pattern(ox.NamedNode(subject), None, None, ox.DefaultGraph())):
            store.remove(quad)
    store.load(input=turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    _stamp_store(Path(folder), holds)
    return Path(folder)


def _stamp_store(folder: Path, holds: tuple[int, int] | None) -> None:
    if holds is not None:
        (folder / STORE_STAMP).write_text(json.dumps({"turtle": list(holds)}) + "\n", encoding="utf-8")


def write_store(graph_file: str | PathLike[str], store_dir: str | PathLike[str]) -> Path:
    """Load an RDF file into an on-disk oxigraph store, replacing what the store held.

    The new store is built beside the old one and swapped in whole, so a failure (a full
    disk) leaves the old store as it was. ``kg query STORE_DIR`` then opens it read-only
    without parsing the file again.

    Raises:
        InputError: the file is of an unknown type.
        OutputError: the store folder cannot be created or written.
    """
    path = Path(graph_file)
    fmt = _STORE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type {path.suffix!r}")
    folder = Path(store_dir)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from err
    write_files({folder: Folder(lambda tmp: fill_store(data, tmp, fmt))})
    return folder


def _refuse_updates(text: str) -> None:
    # Parse-only check: running an UPDATE on a scratch store could still LOAD from the network.
    try:
        parseUpdate(text)
    except Exception:  # not an update: pyoxigraph reports any syntax error with its position
        return
    raise QueryError("kg query is read-only: SPARQL UPDATE (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is refused")


def _term(value: str) -> ox.NamedNode | ox.Literal:
    # "<https://...>" binds an IRI; anything else binds a plain string literal.
    if value.startswith("<") and value.endswith(">"):
        return ox.NamedNode(value[1:-1])
    return ox.Literal(value)


def _display(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return _shorten(term.value)
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _shorten(iri: str) -> str:
    for prefix, ns in sorted(_PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def binding_terms(text: str, bindings: Mapping[str, str] | None = None, required: Iterable[str] = ()) -> dict[str, ox.NamedNode | ox.Literal]:
    """The checks every query passes before it runs, here or on a remote store; its values as RDF terms.

    Args:
        text: the query.
        bindings: variable name -> value; ``<...>`` is an IRI, anything else a string.
        required: variables the query cannot do without.

    Returns:
        Variable name -> pyoxigraph term.

    Raises:
        QueryError: a required binding is missing or not a valid IRI, or ``text`` is an UPDATE.

    >>> binding_terms("SELECT ?s WHERE { ?s ?p ?name }", {"name": "Rubio"}, ["name"])
    {'name': <Literal value=Rubio datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>}
    """
    bindings = dict(bindings or {})
    missing = [name for name in required if name not in bindings]
    if missing:
        raise QueryError("this query needs " + ", ".join(f"--bind {name}=VALUE" for name in missing))
    _refuse_updates(text)
    terms = {}
    for name, value in bindings.items():
        try:
            terms[name] = _term(value)
        except ValueError as err:  # pyoxigraph checks IRIs: "<a b>" has a space
            raise QueryError(f"--bind {name}={value}: not a valid IRI ({err})") from err
    return terms


def refuse_service(text: str) -> None:
    """Refuse a query with a SERVICE clause: pyoxigraph would send it to that endpoint over HTTP.

    >>> refuse_service("SELECT * WHERE { ?s ?p 'SERVICE' }  # SERVICE in a string or comment is no clause")
    >>> refuse_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE <http://example.org/sparql> would send the query over the network; kg query stays offline unless you give --allow-remote
    """
    tokens = sparql_tokens(text)
    for index, (kind, value, end) in enumerate(tokens):
        if kind != "word" or value.lower() != "service":
            continue
        before = tokens[index - 1] if index else None
        if before is not None and before[1] == ":" and before[2] == end - len(value):
            continue  # ":service", a prefixed name in the default namespace
        where = next((v for k, v, _ in tokens[index + 1 : index + 3] if k in ("iri", "var", "word") and v.lower() != "silent"), "an endpoint")
        raise QueryError(f"SERVICE {where} would send the query over the network; kg query stays offline unless you give --allow-remote")


def _execute(store: ox.Store, text: str, bindings: Mapping[str, str] | None, required: Iterable[str], allow_remote: bool = False):
    substitutions = {ox.Variable(name): term for name, term in binding_terms(text, bindings, required).items()}
    if not allow_remote:
        refuse_service(text)
    try:
        return store.query(text, prefixes=_PREFIXES, substitutions=substitutions)
    except SyntaxError as err:
        raise QueryError(_syntax_message(str(err), text)) from err
    except OSError as err:  # evaluation errors surface as OSError in pyoxigraph
        raise QueryError(f"query failed: {one_line(str(err))}") from err
    except RuntimeError as err:
        # pyoxigraph substitutes only variables the query selects (SEP-0007).
        names = ", ".join(f"?{n}" for n in sorted(_substitution_names(substitutions)))
        raise QueryError(f"cannot bind {names}: a bound variable must be among the query's selected variables ({err})") from err


@contextmanager
def _evaluating() -> Iterator[None]:
    """pyoxigraph evaluates lazily: errors (a failing SERVICE, say) arrive while rows are read."""
    try:
        yield
    except (OSError, RuntimeError) as err:  # RuntimeError: a SERVICE answer that is no SPARQL result
        raise QueryError(f"query failed: {one_line(str(err))}") from err


def _substitution_names(substitutions: Mapping) -> list[str]:
    return [v.value for v in substitutions]


def run_query(
    store: ox.Store,
    text: str,
    bindings: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    limit: int | None = None,
    allow_remote: bool = False,
) -> QueryResult:
    """Run a SPARQL 1.1 SELECT, ASK, CONSTRUCT or DESCRIBE query and keep its rows.

    Args:
        store: from :func:`open_store`.
        text: the query; kg's prefixes (kg:, kgr:, skos:, ...) are predeclared.
        bindings: variable name -> value; ``<...>`` is an IRI, anything else a string.
        required: variables the query cannot do without (a named query's ``@param`` lines).
        limit: keep at most this many rows (None or 0: all); ``truncated`` says whether more were left.
        allow_remote: let a SERVICE clause reach the network.

    Returns:
        The result: rows of pyoxigraph terms (None where unbound), or triples, or a boolean.

    Raises:
        QueryError: an UPDATE, a SERVICE clause, a syntax error (with line and column), a
            missing binding, or an error while evaluating.
    """
    return collect_result(_execute(store, text, bindings, required, allow_remote), limit)


def collect_result(result, limit: int | None = None) -> QueryResult:
    """Keep the rows of a pyoxigraph result (solutions, a boolean, or triples), which it consumes.

    Local and remote queries share it: :mod:`kg.remote` parses an endpoint's answer into the
    same pyoxigraph types. With ``limit``, reading stops after that many rows, so a result of
    any size costs no more memory than its first rows.
    """
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(kind="ask", variables=(), rows=(), boolean=bool(result))
    keep = limit + 1 if limit else None
    with _evaluating():
        if isinstance(result, ox.QuerySolutions):
            variables = tuple(v.value for v in result.variables)
            # A solution unpacks to its values in the variables' order (None where unbound): a
            # third quicker than looking each one up by name.
            rows = tuple(tuple(solution) for solution in itertools.islice(result, keep))
            return QueryResult(kind="select", variables=variables, rows=rows[:limit or None], truncated=keep is not None and len(rows) == keep)
        found = [(t.subject, t.predicate, t.object) for t in itertools.islice(result, keep)]
    truncated = keep is not None and len(found) == keep
    triples = sorted(found[:limit or None], key=lambda t: tuple(map(str, t)))
    return QueryResult(kind="graph", variables=("subject", "predicate", "object"), rows=tuple(triples), truncated=truncated)


def query_text(
    store: ox.Store,
    text: str,
    fmt: str = "table",
    bindings: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    limit: int | None = None,
    allow_remote: bool = False,
) -> str:
    """Run a query and return its results as text, in one pass over the store.

    ``table`` is for people. ``json``, ``csv`` and ``tsv`` are the W3C SPARQL 1.1 result
    formats, written by pyoxigraph. CONSTRUCT and DESCRIBE results print as Turtle
    (``table``), JSON-LD (``json``) or N-Triples (``csv``/``tsv``). With ``limit``, at most
    that many rows (or triples) are written, and a warning is logged when there were more.

    Raises:
        QueryError: as :func:`run_query`, or ``fmt`` is not one of :data:`FORMATS`.
    """
    _check_format(fmt)
    output, truncated = render_result(_execute(store, text, bindings, required, allow_remote), fmt, limit)
    warn_truncated(truncated, limit)
    warn_missing_derived(missing_derived(store, text))
    return output


def render_result(result, fmt: str, limit: int | None = None) -> tuple[str, bool]:
    """A pyoxigraph result (consumed) as text in ``fmt``, at most ``limit`` rows; and whether rows were left out."""
    if fmt == "table":
        collected = collect_result(result, limit)
        return format_table(collected), collected.truncated
    if not limit or isinstance(result, ox.QueryBoolean):
        return serialize_result(result, fmt), False
    collected = collect_result(result, limit)
    return serialize_rows(collected, fmt), collected.truncated


#: What kg build derives for the named queries to read instead of joining or counting, each with
#: a pattern for what it describes: a graph that has the second and none of the first was written
#: by an older kg or another tool, and a query that reads the property silently leaves out rows
#: (claims without kg:subjectLabel) or counts 0 (entities without kg:documentCount).
_DERIVED = {
    "subjectLabel": "?x kg:subject ?y",
    "objectLabel": "?x kg:object ?y",
    "locationLabel": "?x kg:location ?y",
    "affiliationLabel": "?x kg:affiliation ?y",
    "sourceDocId": "?x a kg:Statement ; prov:wasDerivedFrom ?y",
    "nameKey": "?x skos:prefLabel ?y",
    "statementCount": "?x kg:subject ?y",
    "neighbourCount": "?x kg:subject ?y",
    "documentCount": "?x schema:mentions ?y",
    "derivedStatementCount": "?x a kg:Document",
}
_KG_NAME = re.compile(r"^(?:kg:|<https://w3id\.org/kg-news/ontology#)(\w+)>?$")


def missing_derived(store: ox.Store, text: str) -> list[str]:
    """The properties kg build derives (``kg:subjectLabel``, ``kg:documentCount``, ...) that the
    query ``text`` reads and the graph in ``store`` lacks, though it has what they describe.

    Two ASKs per property the query names, each ending at the first match: microseconds.
    """
    named = {m.group(1) for _, token, _ in sparql_tokens(text) if (m := _KG_NAME.match(token))}
    missing = []
    for name, described in _DERIVED.items():
        if name in named and store.query(f"ASK {{ {described} }}", prefixes=_PREFIXES) and not store.query(f"ASK {{ ?x kg:{name} ?y }}", prefixes=_PREFIXES):
            missing.append(f"kg:{name}")
    return missing


def warn_missing_derived(missing: list[str]) -> None:
    """Say on the log that the graph lacks properties the query reads (:func:`missing_derived`)."""
    if missing:
        log.warning(
            "the graph has no %s, which this query reads: it was written by an older kg or another tool, "
            "so the answer is incomplete (rows left out, or counts of 0); build the graph again with `kg build`", " or ".join(missing),
        )


def warn_truncated(truncated: bool, limit: int | None) -> None:
    """Say on the log that a result was cut at ``limit`` rows."""
    if truncated:
        log.warning("the result has more than %d rows; only the first %d are shown (raise --limit, or 0 for no limit)", limit, limit)


def query_target(
    target: str | PathLike[str] | Iterable[str | PathLike[str]],
    text: str,
    fmt: str = "table",
    bindings: Mapping[str, str] | None = None,
    required: Iterable[str] = (),
    *,
    limit: int | None = DEFAULT_LIMIT,
    timeout: float | None = DEFAULT_TIMEOUT,
    allow_remote: bool = False,
) -> str:
    """:func:`query_text` on :func:`open_store` of ``target``, in a process a time-out or Ctrl-C ends.

    pyoxigraph evaluates without returning to Python, so a query that runs away (a cartesian
    product of three patterns) could neither be interrupted nor stopped in time in this
    process. The worker loads the graph, then has ``timeout`` seconds to answer; Ctrl-C kills
    it at once (KeyboardInterrupt is raised here).

    Args:
        target, allow_remote: as :func:`open_store` (``allow_remote`` also allows SERVICE).
        text, fmt, bindings, required: as :func:`query_text`.
        limit: most rows written (None or 0: all); a warning is logged when there were more.
        timeout: seconds the query may run once the graph is loaded (None or 0: no limit).

    Raises:
        InputError: as :func:`open_store`.
        QueryError: as :func:`query_text`, or the query ran out of time or memory.
    """
    _check_format(fmt)
    required = tuple(required)
    # The checks that need no graph, here, so a mistyped query costs no process.
    binding_terms(text, bindings, required)
    if not allow_remote:
        refuse_service(text)
    targets = [target] if isinstance(target, (str, PathLike)) else list(target)
    try:
        output, truncated, missing = run_in_worker(_answer, targets, text, fmt, dict(bindings or {}), required, limit, allow_remote, timeout=timeout or None)
    except WorkerTimeout:
        raise QueryError(f"the query was stopped after {timeout:g} s; narrow it (more patterns, a LIMIT) or give --timeout SECONDS") from None
    except WorkerDied as err:
        raise QueryError(f"the query ended without an answer ({err}); it may have run out of memory: narrow it or lower --limit") from None
    warn_truncated(truncated, limit)
    warn_missing_derived(missing)
    return output


def _answer(ready, targets: list, text: str, fmt: str, bindings: dict, required: tuple, limit: int | None, allow_remote: bool) -> tuple[str, bool, list[str]]:
    store = open_store(targets if len(targets) != 1 else targets[0], allow_remote=allow_remote)
    ready()
    output, truncated = render_result(_execute(store, text, bindings, required, allow_remote), fmt, limit)
    return output, truncated, missing_derived(store, text)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def serialize_result(result, fmt: str) -> str:
    """A pyoxigraph result as ``json``, ``csv`` or ``tsv`` text (see :func:`query_text`); consumes it."""
    with _evaluating():
        if isinstance(result, (ox.QueryBoolean, ox.QuerySolutions)):
            return result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
        graph_format = ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.N_TRIPLES
        return _dump_triples(list(result), graph_format)


def serialize_rows(result: QueryResult, fmt: str) -> str:
    """Kept rows (:func:`collect_result`) as ``json``, ``csv`` or ``tsv``, written by pyoxigraph as
    :func:`serialize_result` writes a whole result."""
    if result.kind == "graph":
        return _dump_triples(result.rows, ox.RdfFormat.JSON_LD if fmt == "json" else ox.RdfFormat.N_TRIPLES)
    document = {
        "head": {"vars": list(result.variables)},
        "results": {"bindings": [{v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]},
    }
    solutions = ox.parse_query_results(json.dumps(document).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    return serialize_result(solutions, fmt)


def _json_term(term) -> dict:
    """A pyoxigraph term in the SPARQL 1.1 JSON results format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        cell = {"type": "literal", "value": term.value}
        if term.language:
            cell["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            cell["datatype"] = term.datatype.value
        return cell
    return {"type": "triple", "value": {"subject": _json_term(term.subject), "predicate": _json_term(term.predicate), "object": _json_term(term.object)}}


def _dump_triples(triples, fmt) -> str:
    graph = ox.Store()
    graph.extend(ox.Quad(t[0], t[1], t[2]) for t in triples)
    prefixes = None if fmt == ox.RdfFormat.N_TRIPLES else _PREFIXES
    return graph.dump(format=fmt, prefixes=prefixes, from_graph=ox.DefaultGraph()).decode("utf-8")


def _syntax_message(message: str, text: str) -> str:
    """One line naming the line, column and offending token, then that line with a caret.

    pyoxigraph's parser reports where it gave up, which is often the end of the query;
    rdflib's pyparsing grammar reports where the faulty construct starts, so its position
    is shown when it finds one.

    >>> print(_syntax_message("error at 1:28: expected '}'", "SELECT * WHERE { ?s ?p ?o . FILTER(?o = ) }"))
    SPARQL syntax error at line 1, column 29: unexpected 'FILTER(?o'
      SELECT * WHERE { ?s ?p ?o . FILTER(?o = ) }
                                  ^
    """
    located = _locate(text)
    if located is None:
        match = _ERROR_AT.match(message.strip())
        if not match:
            return f"SPARQL syntax error: {' '.join(message.split())[:200]}"
        line, column = int(match.group(1)), int(match.group(2))
        found = _token_at(text, line, column)
    else:
        line, column, found = located
    what = f"unexpected {found!r}" if found else "unexpected end of query"
    headline = f"SPARQL syntax error at line {line}, column {column}: {what}"
    lines = text.splitlines()
    if 1 <= line <= len(lines):
        source = lines[line - 1].expandtabs(1)
        headline += f"\n  {source}\n  {' ' * max(column - 1, 0)}^"
    return headline


def _locate(text: str) -> tuple[int, int, str] | None:
    try:
        parseQuery(text)
    except ParseException as err:
        return err.lineno, err.col, _token_at(text, err.lineno, err.col)
    except Exception:  # rdflib's grammar failing some other way gives no position
        return None
    return None


def _token_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    rest = lines[line - 1][column - 1 :]
    return rest.split()[0] if rest.split() else ""


def format_table(result: QueryResult) -> str:
    """A result for people: an aligned text table (long cells cut), "yes"/"no", or Turtle."""
    if result.kind == "ask":
        return "yes\n" if result.boolean else "no\n"
    if result.kind == "graph":
        return _dump_triples(result.rows, ox.RdfFormat.TURTLE)
    rows = tuple(tuple(_display(term) for term in row) for row in result.rows)
    return _table(result.variables, rows, result.truncated)


def _cell(value: str) -> str:
    # Article text may hold escape sequences and bidi overrides: shown, never obeyed.
    value = printable(" ".join(value.split()))
    return value if len(value) <= MAX_CELL else value[: MAX_CELL - 1] + "…"


def _table(variables: tuple[str, ...], rows: tuple[tuple[str, ...], ...], truncated: bool = False) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(variables)]
    lines = ["  ".join(name.ljust(w) for name, w in zip(variables, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{', and more not shown' if truncated else ''})")
    return "\n".join(lines) + "\n"
