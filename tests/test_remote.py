"""Tests for kg.remote: the named-graph layout, values in remote queries, retries and errors, and
``kg push`` / ``kg query --endpoint`` against a small pyoxigraph-backed HTTP store and against
OpenLink Virtuoso (Debian's virtuoso-opensource, started on loopback; skipped where it is not
installed).
"""
from __future__ import annotations

import dataclasses
import http.server
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError, QueryError, RemoteError
from kg.query import named_queries, named_query, open_store, query_text, run_query
from kg.rdf import document_iri, to_rdf, to_turtle
from kg.remote import (
    ENTITY_GRAPH,
    PASSWORD_ENV,
    USER_ENV,
    document_graph,
    graph_layout,
    graph_triples,
    push_graph,
    remote_query_text,
    run_remote_query,
    turtle_prefixes,
    with_values,
)
from kg.vocab import PREFIXES
from tests.virtuoso import DIED, Virtuoso, free_port, unavailable

SEEDS = Path(__file__).parent.parent / "seeds"
KG_GRAPHS = "https://w3id.org/kg-news/resource/graph/"
OX_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
#: Fast retries for tests: the first wait is 10 ms.
FAST = {"backoff": 0.01}


@pytest.fixture(autouse=True)
def _no_credentials(monkeypatch) -> None:
    """Tests set the credentials they mean; none leak in from the shell."""
    monkeypatch.delenv(USER_ENV, raising=False)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


def _synthetic(documents: int = 4, seed: int = 7):
    from benchmarks.sparql import synthetic_graph

    return synthetic_graph(documents, seed)


def _local(rdf) -> ox.Store:
    store = ox.Store()
    store.load(to_turtle(rdf).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return store


def _cells(result) -> list[tuple[str, ...]]:
    return [tuple("" if t is None else t.value for t in row) for row in result.rows]


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------


def test_remote_layout_partitions_the_graph_by_document() -> None:
    graph = _synthetic()
    triples = graph_triples(to_rdf(graph))
    layout = graph_layout(triples)
    assert set(layout) == {ENTITY_GRAPH} | {document_graph(str(document_iri(d.doc_id))) for d in graph.documents}
    placed = [t for part in layout.values() for t in part]
    assert len(placed) == len(triples) and set(placed) == set(triples)  # each triple exactly once
    for name, part in layout.items():
        subjects = {t.subject.value for t in part}
        if name == ENTITY_GRAPH:
            assert not any("/stmt/" in s or "/doc/" in s for s in subjects)
            continue
        doc = str(document_iri(name.rsplit("/", 1)[1]))
        derived = {t.subject.value for t in part if t.predicate.value.endswith("wasDerivedFrom")}
        assert subjects == {doc} | derived
        assert all(t.object.value == doc for t in part if t.predicate.value.endswith("wasDerivedFrom"))


def test_remote_layout_one_named_graph_when_asked(small_rdf) -> None:
    layout = graph_layout(graph_triples(small_rdf), "http://example.org/g")
    assert list(layout) == ["http://example.org/g"] and len(layout["http://example.org/g"]) == len(small_rdf)


def test_remote_push_refuses_blank_nodes() -> None:
    from rdflib import BNode, Graph, URIRef

    graph = Graph()
    graph.add((BNode(), URIRef("http://example.org/p"), URIRef("http://example.org/o")))
    with pytest.raises(InputError, match="blank nodes"):
        push_graph(graph, "http://127.0.0.1:9/")


# ---------------------------------------------------------------------------------------------
# Values in remote queries
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Rubio", "mr. RUBIO", "Jaishankar", 'x")) } UNION { ?e ?p ?label } #', "nobody"])
def test_remote_values_give_the_rows_of_local_substitution(small_rdf, name: str) -> None:
    store = _local(small_rdf)
    query = named_query("entity")
    local = run_query(store, query.text, {"name": name}, query.params)
    sent = with_values(query.text, {"name": ox.Literal(name)})
    # Rows straight from the iterator: a pyoxigraph result kept in a local outlives the test.
    remote = [tuple(s[v] for v in local.variables) for s in store.query(sent, prefixes=OX_PREFIXES)]
    assert remote == list(local.rows)


def test_remote_values_go_to_groups_that_use_the_variable() -> None:
    text = (
        'CONSTRUCT { ?s ?p ?x } WHERE {\n'
        '  VALUES ?y { 1 } ?s ?p ?x . FILTER(?x != "{ ?x }") # { ?x\n'
        '  { SELECT ?s WHERE { ?s ?q ?x } }\n'
        '  OPTIONAL { ?s ?r ?z }\n'
        '}'
    )
    sent = with_values(text, {"x": ox.NamedNode("http://example.org/a")})
    block = " VALUES ?x { <http://example.org/a> }"
    assert sent.count(block) == 2  # the WHERE and the subquery's WHERE; not the template, data, string, comment or OPTIONAL
    assert sent.startswith("CONSTRUCT { ?s ?p ?x } WHERE {" + block)
    assert "{ SELECT ?s WHERE {" + block in sent
    assert sent.count("\n") == text.count("\n")


def test_remote_values_bind_several_variables_and_ignore_unused_ones() -> None:
    sent = with_values("SELECT * WHERE { ?a ?b ?c }", {"a": ox.NamedNode("http://x/a"), "c": ox.Literal("v"), "unused": ox.Literal("u")})
    assert sent == 'SELECT * WHERE { VALUES (?a ?c) { (<http://x/a> "v") } ?a ?b ?c }'


def test_remote_values_need_a_group_pattern() -> None:
    with pytest.raises(QueryError, match="no group pattern"):
        with_values("CONSTRUCT WHERE { ?s ?p ?o }", {"o": ox.Literal("v")})


# ---------------------------------------------------------------------------------------------
# A small SPARQL store over HTTP: Graph Store Protocol on /gsp, SPARQL Protocol on /sparql,
# backed by pyoxigraph, with planned failures and optional Basic auth.
# ---------------------------------------------------------------------------------------------


class FakeStore:
    """A pyoxigraph store served over HTTP on loopback; ``failures`` are answered first, in order."""

    def __init__(self, auth: tuple[str, str] | None = None) -> None:
        self.store = ox.Store()
        self.failures: list[int | str] = []  # an HTTP status, or "reset" to drop the connection
        self.log: list[tuple[str, str, str | None]] = []  # (method, path, graph)
        self.auth = auth
        handler = type("Handler", (_Handler,), {"fake": self})
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def graphs(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for quad in self.store:
            counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
        return counts


class _Handler(http.server.BaseHTTPRequestHandler):
    fake: FakeStore
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def _reply(self, status: int, body: bytes = b"", content_type: str = "text/plain", headers: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _handle(self) -> None:
        fake = self.fake
        url = urllib.parse.urlsplit(self.path)
        graph = urllib.parse.parse_qs(url.query).get("graph", [None])[0]
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0))
        fake.log.append((self.command, url.path, graph))
        if fake.failures:
            failure = fake.failures.pop(0)
            if failure == "reset":
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self._reply(int(failure), b"planned failure", headers={"Retry-After": "0"})
            return
        if fake.auth is not None:
            import base64

            expected = "Basic " + base64.b64encode(":".join(fake.auth).encode()).decode()
            if self.headers.get("Authorization") != expected:
                self._reply(401, headers={"WWW-Authenticate": 'Basic realm="fake"'})
                return
        if url.path == "/gsp":
            self._graph_store(graph, body)
        elif url.path == "/sparql":
            self._sparql(urllib.parse.parse_qs(body.decode("utf-8"))["query"][0])
        else:
            self._reply(404)

    def _graph_store(self, graph: str | None, body: bytes) -> None:
        store, name = self.fake.store, ox.NamedNode(graph)
        exists = any(True for _ in store.quads_for_pattern(None, None, None, name))
        if self.command == "DELETE":
            if exists:
                store.remove_graph(name)
            self._reply(200 if exists else 404)
            return
        fmt = ox.RdfFormat.N_TRIPLES if self.headers["Content-Type"] == "application/n-triples" else ox.RdfFormat.TURTLE
        try:
            triples = list(ox.parse(body, format=fmt))
        except SyntaxError as err:
            self._reply(400, str(err).encode())
            return
        if self.command == "PUT" and exists:
            store.remove_graph(name)
        store.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        self._reply(201 if self.command == "PUT" else 200)

    def _sparql(self, text: str) -> None:
        try:
            result = self.fake.store.query(text, use_default_graph_as_union=True)
        except SyntaxError as err:
            self._reply(400, str(err).encode())
            return
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            self._reply(200, result.serialize(format=ox.QueryResultsFormat.JSON), "application/sparql-results+json")
        else:
            self._reply(200, ox.serialize(list(result), format=ox.RdfFormat.N_TRIPLES), "application/n-triples")

    do_GET = do_PUT = do_POST = do_DELETE = _handle


@pytest.fixture
def fake() -> Iterator[FakeStore]:
    store = FakeStore()
    yield store
    store.close()


def test_remote_push_then_query_matches_the_local_rows(fake, small_rdf) -> None:
    report = push_graph(small_rdf, fake.url + "/gsp")
    assert report.triples == len(small_rdf) and report.graphs == 2 and report.retries == 0
    assert sum(fake.graphs().values()) == len(small_rdf)
    local = _local(small_rdf)
    for name in ("meetings", "claims", "connected", "documents"):
        text = named_query(name).text
        assert run_remote_query(fake.url + "/sparql", text).rows == run_query(local, text).rows, name
        for fmt in ("table", "json", "csv", "tsv"):
            assert remote_query_text(fake.url + "/sparql", text, fmt) == query_text(local, text, fmt), (name, fmt)
    entity = named_query("entity")
    assert _cells(run_remote_query(fake.url + "/sparql", entity.text, {"name": "rubio"}, entity.params)) == _cells(
        run_query(local, entity.text, {"name": "rubio"}, entity.params)
    )


def test_remote_push_twice_leaves_the_store_unchanged(fake) -> None:
    rdf = to_rdf(_synthetic())
    push_graph(rdf, fake.url + "/gsp")
    first = fake.graphs()
    push_graph(rdf, fake.url + "/gsp")
    assert fake.graphs() == first and sum(first.values()) == len(rdf)


def test_remote_push_sends_large_graphs_in_bounded_requests(fake) -> None:
    rdf = to_rdf(_synthetic())
    report = push_graph(rdf, fake.url + "/gsp", batch=100, workers=2)
    layout = graph_layout(graph_triples(rdf))
    assert report.requests == sum(-(-len(part) // 100) for part in layout.values())
    for name, part in layout.items():
        methods = [m for m, _, g in fake.log if g == name]
        assert methods == ["PUT"] + ["POST"] * (len(methods) - 1) and len(methods) == -(-len(part) // 100)
    assert fake.graphs() == {name: len(part) for name, part in layout.items()}


@pytest.mark.parametrize("body", ["turtle", "ntriples"])
def test_remote_push_bodies_carry_the_graph_exactly(fake, small_rdf, body: str) -> None:
    push_graph(small_rdf, fake.url + "/gsp", body=body)
    assert {str(q.triple) for q in fake.store} == {str(q) for q in _local(small_rdf)}
    assert {graph for _, _, graph in fake.log} <= {None} | set(graph_layout(graph_triples(small_rdf)))


def test_remote_turtle_prefixes_leave_no_escaped_local_name() -> None:
    triples = graph_triples(to_rdf(_synthetic()))
    prefixes = turtle_prefixes(triples)
    assert {"https://w3id.org/kg-news/resource/stmt/", "https://w3id.org/kg-news/resource/entity/person/"} <= set(prefixes.values())
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    assert "\\" not in text  # no escaped local name (and the synthetic text has no backslash)
    assert len(text) < len(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)) / 2


def test_remote_push_retries_a_503_then_succeeds(fake, small_rdf) -> None:
    fake.failures = [503]
    report = push_graph(small_rdf, fake.url + "/gsp", workers=1, **FAST)
    assert report.retries == 1 and sum(fake.graphs().values()) == len(small_rdf)


def test_remote_push_retries_a_reset_connection(fake, small_rdf) -> None:
    fake.failures = [429, "reset"]  # too many requests, then the connection is dropped unanswered
    report = push_graph(small_rdf, fake.url + "/gsp", workers=1, **FAST)
    assert report.retries == 2 and sum(fake.graphs().values()) == len(small_rdf)


def test_remote_query_retries_a_503(fake) -> None:
    fake.failures = [503]
    assert run_remote_query(fake.url + "/sparql", "ASK {}", **FAST).boolean is True


def test_remote_retries_are_bounded(fake, small_rdf) -> None:
    fake.failures = [503] * 10
    started = time.monotonic()
    with pytest.raises(RemoteError, match=r"failed after 3 attempts: HTTP 503.*pushing again is safe"):
        push_graph(small_rdf, fake.url + "/gsp", retries=2, workers=1, **FAST)
    assert time.monotonic() - started < 2


def test_remote_query_rejected_by_the_endpoint_is_a_query_error(fake) -> None:
    with pytest.raises(QueryError, match="rejected the query"):
        run_remote_query(fake.url + "/sparql", "SELECT * WHERE { ?s ?p }")


def test_remote_unreachable_endpoint_is_one_quick_error() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    started = time.monotonic()
    with pytest.raises(RemoteError, match=f"cannot reach {url}: .*[Rr]efused"):
        run_remote_query(url, "ASK {}")
    assert time.monotonic() - started < 2


def test_remote_cli_unreachable_endpoint_exits_with_one_line(tmp_path, small_rdf) -> None:
    graph = tmp_path / "graph.ttl"
    graph.write_text(to_turtle(small_rdf), encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/gsp"
    result = CliRunner().invoke(cli, ["push", str(graph), "--endpoint", url])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: cannot reach {url}") and len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["query", "--endpoint", url, "--name", "meetings"])
    assert result.exit_code == 1 and result.output.startswith("Error: cannot reach")


def test_remote_endpoint_must_be_an_http_url(small_rdf) -> None:
    with pytest.raises(RemoteError, match="not an http:// or https:// URL"):
        push_graph(small_rdf, "127.0.0.1:8890/sparql-graph-crud")


def test_remote_credentials_come_from_the_environment(monkeypatch, small_rdf) -> None:
    store = FakeStore(auth=("kg", "s3cret"))
    try:
        with pytest.raises(RemoteError, match=f"needs credentials \\(HTTP 401\\): set {USER_ENV} and {PASSWORD_ENV}"):
            push_graph(small_rdf, store.url + "/gsp")
        monkeypatch.setenv(USER_ENV, "kg")
        monkeypatch.setenv(PASSWORD_ENV, "wrong")
        with pytest.raises(RemoteError, match="rejected the credentials of user 'kg' \\(HTTP 401\\)") as err:
            push_graph(small_rdf, store.url + "/gsp")
        assert "wrong" not in str(err.value)
        monkeypatch.setenv(PASSWORD_ENV, "s3cret")
        push_graph(small_rdf, store.url + "/gsp")
        assert run_remote_query(store.url + "/sparql", "ASK { ?s a <https://w3id.org/kg-news/ontology#Document> }").boolean is True
    finally:
        store.close()
    options = {param.name for command in (cli.commands["push"], cli.commands["query"]) for param in command.params}
    assert not options & {"user", "password", "credentials"}


def test_remote_cli_push_and_query(fake, tmp_path, small_rdf) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text(to_turtle(small_rdf), encoding="utf-8")
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", str(out), "--endpoint", fake.url + "/gsp"])
    assert pushed.exit_code == 0, pushed.output
    assert f"pushed {len(small_rdf)} triples in 2 named graphs" in pushed.output
    local = runner.invoke(cli, ["query", str(out), "--name", "meetings"])
    remote = runner.invoke(cli, ["query", "--endpoint", fake.url + "/sparql", "--name", "meetings"])
    assert remote.exit_code == 0 and remote.output == local.output
    adhoc = runner.invoke(cli, ["query", "--endpoint", fake.url + "/sparql", "SELECT ?who WHERE { ?who kg:meets ?whom }", "--format", "csv"])
    assert adhoc.exit_code == 0 and adhoc.output.splitlines()[1:] == ["https://w3id.org/kg-news/resource/entity/person/marco-rubio"]
    both = runner.invoke(cli, ["query", str(out), "ASK {}", "--endpoint", fake.url + "/sparql"])
    assert both.exit_code == 2 and "give no GRAPH" in both.output
    single = runner.invoke(cli, ["push", str(out), "--endpoint", fake.url + "/gsp", "--graph", "http://example.org/all"])
    assert single.exit_code == 0 and fake.graphs()["http://example.org/all"] == len(small_rdf)


# ---------------------------------------------------------------------------------------------
# OpenLink Virtuoso
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[Virtuoso]:
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        server.start()
    except RuntimeError as err:
        pytest.skip(f"Virtuoso is installed but did not start: {str(err)[:300]}")
    yield server
    server.stop()


@pytest.fixture
def dba(monkeypatch, virtuoso) -> Iterator[Virtuoso]:
    """The Virtuoso server, with its dba credentials in the environment and no kg graphs in it.

    A server that died in an earlier test is started again on a new database, so one crash
    fails one test, not every test after it; a death during the test fails it with the
    server's own log, the only record of why.
    """
    if virtuoso.died():
        virtuoso.restart()
    for key, value in virtuoso.credentials.items():
        monkeypatch.setenv(key, value)
    _clear(virtuoso)
    yield virtuoso
    crash = virtuoso.died()
    if crash:
        pytest.fail(f"{DIED}: {crash}")


def _kg_graphs(server: Virtuoso) -> dict[str, int]:
    text = f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}")) }} GROUP BY ?g'
    return {g.value: int(n.value) for g, n in run_remote_query(server.sparql_url, text).rows}


def _clear(server: Virtuoso) -> None:
    import requests
    from requests.auth import HTTPDigestAuth

    auth = HTTPDigestAuth(*server.credentials.values())
    for graph in _kg_graphs(server):
        requests.delete(server.gsp_url, params={"graph": graph}, auth=auth, timeout=30).raise_for_status()


def _load(folder: Path):
    from kg.rdf import load_rdf

    return load_rdf(folder / "graph.ttl")


@pytest.fixture(scope="module")
def built(nlp, tmp_path_factory) -> Path:
    """seeds/ built by kg.pipeline.build: the folder holding graph.ttl."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("out")
    build([SEEDS], out, nlp=nlp)
    return out


def test_remote_virtuoso_meetings_match_the_local_query(dba, built) -> None:
    runner = CliRunner()
    pushed = runner.invoke(cli, ["push", str(built / "graph.ttl"), "--endpoint", dba.gsp_url])
    assert pushed.exit_code == 0, pushed.output
    for fmt in ("table", "json", "csv", "tsv"):
        local = runner.invoke(cli, ["query", str(built / "graph.ttl"), "--name", "meetings", "--format", fmt])
        remote = runner.invoke(cli, ["query", "--endpoint", dba.sparql_url, "--name", "meetings", "--format", fmt])
        assert remote.exit_code == 0, remote.output
        assert remote.output == local.output
        if fmt == "table":
            assert "Marco Rubio" in remote.output and "(0 rows)" not in remote.output


def test_remote_virtuoso_named_queries_match_the_local_ones(dba, built) -> None:
    push_graph(_load(built), dba.gsp_url)
    store = open_store(built)
    doc = run_query(store, named_query("documents").text).rows[0][0].value
    values = {"name": "Jaishankar", "doc": doc}
    for query in named_queries().values():
        bindings = {p: values[p] for p in query.params}
        local = _cells(run_query(store, query.text, bindings, query.params))
        remote = _cells(run_remote_query(dba.sparql_url, query.text, bindings, query.params))
        if query.name == "entities":
            # GROUP_CONCAT's order is left to the engine: compare the aliases as sets.
            local, remote = ([row[:2] + (frozenset(row[2].split("; ")),) + row[3:] for row in rows] for rows in (local, remote))
        assert remote == local, query.name


def _contents(server: Virtuoso) -> set[str]:
    """Every triple of the kg graphs, in pyoxigraph's canonical N-Triples (decimals as values)."""
    text = f'CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{KG_GRAPHS}")) }}'
    store = ox.Store()
    store.extend(ox.Quad(s, p, o) for s, p, o in run_remote_query(server.sparql_url, text).rows)
    return {str(q) for q in store}


@pytest.mark.parametrize("body", ["turtle", "ntriples"])
def test_remote_virtuoso_holds_exactly_the_pushed_triples(dba, body: str) -> None:
    rdf = to_rdf(_synthetic())
    push_graph(rdf, dba.gsp_url, body=body)
    assert _contents(dba) == {str(q) for q in _local(rdf)}


def test_remote_virtuoso_pushing_twice_leaves_the_triple_count_unchanged(dba) -> None:
    rdf = to_rdf(_synthetic())
    push_graph(rdf, dba.gsp_url)
    first = _kg_graphs(dba)
    assert sum(first.values()) == len(rdf)
    report = push_graph(rdf, dba.gsp_url, batch=200)  # another chunking: still a replacement
    assert report.requests > report.graphs
    assert _kg_graphs(dba) == first


def test_remote_virtuoso_repushing_a_changed_document_replaces_it(dba) -> None:
    before = _synthetic()
    changed_doc = before.documents[1].doc_id
    kept = [s for s in before.statements if s.evidence.doc_id != changed_doc]
    changed = [s for s in before.statements if s.evidence.doc_id == changed_doc]
    edited = [dataclasses.replace(s, confidence=0.42, polarity="negative") for s in changed[: len(changed) // 2]]
    after = dataclasses.replace(before, statements=tuple(kept + edited))
    push_graph(to_rdf(before), dba.gsp_url)
    rdf = to_rdf(after)
    push_graph(rdf, dba.gsp_url)
    graphs = _kg_graphs(dba)
    assert sum(graphs.values()) == len(rdf)
    doc_graph = document_graph(str(document_iri(changed_doc)))
    assert graphs[doc_graph] == len(graph_layout(graph_triples(rdf))[doc_graph])
    text = 'SELECT (COUNT(*) AS ?n) WHERE { ?s kg:polarity kg:Negative ; kg:confidence ?c FILTER(?c = 0.42) }'
    assert int(run_remote_query(dba.sparql_url, text).rows[0][0].value) == len(edited)


def test_remote_virtuoso_wrong_password_is_one_clear_line(dba, monkeypatch, tmp_path, small_rdf) -> None:
    graph = tmp_path / "graph.ttl"
    graph.write_text(to_turtle(small_rdf), encoding="utf-8")
    monkeypatch.setenv(PASSWORD_ENV, "not-the-password")
    result = CliRunner().invoke(cli, ["push", str(graph), "--endpoint", dba.gsp_url])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {dba.gsp_url} rejected the credentials of user 'dba' (HTTP 401)")
    assert len(result.output.strip().splitlines()) == 1 and "not-the-password" not in result.output
    monkeypatch.delenv(USER_ENV)
    monkeypatch.delenv(PASSWORD_ENV)
    result = CliRunner().invoke(cli, ["push", str(graph), "--endpoint", dba.gsp_url])
    assert result.exit_code == 1 and "needs credentials (HTTP 401)" in result.output


def test_remote_virtuoso_anonymous_graph_store_is_read_only(dba, monkeypatch, small_rdf) -> None:
    monkeypatch.delenv(USER_ENV)
    monkeypatch.delenv(PASSWORD_ENV)
    with pytest.raises(RemoteError, match=r"HTTP 403 Forbidden.*/sparql-graph-crud-auth"):
        push_graph(small_rdf, dba.anonymous_gsp_url)


def test_remote_invalid_iri_binding_is_a_query_error(fake, small_rdf) -> None:
    query = named_query("entity")
    with pytest.raises(QueryError, match="not a valid IRI"):
        run_query(_local(small_rdf), query.text, {"name": "<a b>"}, query.params)
    with pytest.raises(QueryError, match="not a valid IRI"):
        run_remote_query(fake.url + "/sparql", query.text, {"name": "<a b>"}, query.params)


def test_remote_cli_query_endpoint_takes_no_graph(fake, tmp_path) -> None:
    result = CliRunner().invoke(cli, ["query", "--endpoint", fake.url + "/sparql", str(tmp_path), "--name", "meetings"])
    assert result.exit_code == 2 and "give no GRAPH" in result.output


def test_remote_benchmark_smoke_run(dba, tmp_path, capsys) -> None:
    """benchmarks/push.py on a few thousand triples, so the benchmark code cannot rot."""
    from benchmarks.push import main

    figures = tmp_path / "push.json"
    args = ["--triples", "3000", "--workers", "1", "--ntriples-workers", "1", "--queries", "meetings", "entity", "--repeat", "1", "--skip-load"]
    assert main([*args, "--gsp", dba.gsp_url, "--sparql", dba.sparql_url, "--json", str(figures)]) == 0
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert [p["store_triples"] for p in data["pushes"]] == [data["graph"]["triples"]] * 4  # initial and re-push, Turtle and N-Triples
    assert all(q["remote_rows"] == q["local_rows"] > 0 for q in data["queries"])
    assert "triples/s" in capsys.readouterr().out


# ---------------------------------------------------------------------------------------------
# Hostile servers: a dripping answer, an endless one, credentials in the URL
# ---------------------------------------------------------------------------------------------


class RawServer:
    """A loopback server that answers every connection with ``talk(socket)``, one thread each."""

    def __init__(self, talk) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.talk = talk
        self.stop = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self.listener.settimeout(0.1)
        while not self.stop.is_set():
            try:
                connection, _ = self.listener.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(5)
            try:
                connection.recv(65536)  # the request (small enough for one read)
                self.talk(connection, self.stop)
            except OSError:
                pass

    def close(self) -> None:
        self.stop.set()
        self.listener.close()


def _drip(connection: socket.socket, stop: threading.Event) -> None:
    """A whole answer, one byte every 0.4 s: each read succeeds, the answer never ends (for 30 s)."""
    answer = b'HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 100000\r\n\r\n{"head": {"vars": []}, '
    deadline = time.monotonic() + 30
    for byte in answer + b" " * 100_000:
        if stop.is_set() or time.monotonic() > deadline:
            return
        connection.sendall(bytes([byte]))
        time.sleep(0.4)


def _flood(connection: socket.socket, stop: threading.Event) -> None:
    """An answer with no length that keeps coming (64 MB, then the server gives up)."""
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nConnection: close\r\n\r\n")
    connection.sendall(b'{"head": {"vars": ["x"]}, "results": {"bindings": [')
    row = b'{"x": {"type": "literal", "value": "' + b"a" * 1000 + b'"}},'
    for _ in range(64 * 1024):
        if stop.is_set():
            return
        connection.sendall(row)


@pytest.fixture
def raw_server():
    servers: list[RawServer] = []

    def start(talk) -> RawServer:
        servers.append(RawServer(talk))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_remote_dripping_answer_ends_at_the_whole_request_deadline(raw_server) -> None:
    server = raw_server(_drip)
    started = time.monotonic()
    with pytest.raises(RemoteError, match="no complete answer within 2 s"):
        run_remote_query(server.url + "/sparql", "ASK {}", timeout=2, retries=0)
    assert time.monotonic() - started < 4


def test_remote_dripping_push_ends_after_its_retries(raw_server, small_rdf) -> None:
    server = raw_server(_drip)
    started = time.monotonic()
    with pytest.raises(RemoteError, match="failed after 2 attempts: no complete answer within 1 s"):
        push_graph(small_rdf, server.url + "/gsp", timeout=1, retries=1, backoff=0.01)
    assert time.monotonic() - started < 4


def test_remote_endless_answer_is_cut_at_the_size_cap(raw_server) -> None:
    server = raw_server(_flood)
    with pytest.raises(RemoteError, match="larger than 1 MB"):
        run_remote_query(server.url + "/sparql", "SELECT ?x WHERE { ?x ?p ?o }", timeout=30, retries=0, max_bytes=1024 * 1024)


def test_remote_password_in_the_endpoint_url_is_refused_and_never_printed(small_rdf, tmp_path, caplog) -> None:
    url = f"http://kg:s3cret@127.0.0.1:{free_port()}/gsp"
    with pytest.raises(RemoteError, match=f"has credentials in its URL; set {USER_ENV} and {PASSWORD_ENV}") as err:
        push_graph(small_rdf, url)
    assert "s3cret" not in str(err.value) and "kg:" not in str(err.value)
    graph = tmp_path / "graph.ttl"
    graph.write_text(to_turtle(small_rdf), encoding="utf-8")
    for args in (["push", str(graph), "--endpoint", url], ["query", "--endpoint", url.replace("/gsp", "/sparql"), "ASK {}"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1 and "s3cret" not in result.output, result.output
    assert "s3cret" not in caplog.text
