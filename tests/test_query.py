"""Tests for kg.query: named queries, bindings, read-only SPARQL and the W3C result formats."""
from __future__ import annotations

import csv
import io
import json
import re

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal
from rdflib.collection import Collection

from kg.errors import InputError, QueryError
from kg.query import named_queries, named_query, open_store, query_text, read_query_file, run_query, write_store
from kg.rdf import to_rdf, to_turtle
from kg.vocab import KG, SH, SHAPES_PATH

#: Values for the named queries that need one, all present in the sample.
SAMPLE_BINDINGS = {"name": "Jaishankar"}


@pytest.fixture(scope="module")
def graph_file(sample_graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    path.write_text(to_turtle(to_rdf(sample_graph)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(graph_file):
    return open_store(graph_file)


@pytest.fixture(scope="module")
def doc_id(sample_graph) -> str:
    return sample_graph.documents[0].doc_id


def _select(store, query_name: str, **bindings) -> list[dict[str, str]]:
    query = named_query(query_name)
    result = run_query(store, query.text, bindings, query.params)
    return [{v: (t.value if t is not None else None) for v, t in zip(result.variables, row)} for row in result.rows]


def test_query_ships_at_least_eight_described_queries() -> None:
    queries = named_queries()
    assert len(queries) >= 8
    for query in queries.values():
        assert query.description and not query.description.startswith("PREFIX"), query.name
        assert query.text.lstrip().startswith("#"), query.name


def test_query_named_queries_include_the_issue_topics() -> None:
    assert {"meetings", "tariffs", "positions", "events", "claims", "entity", "document", "connected"} <= set(named_queries())


def test_query_unknown_name_lists_the_choices() -> None:
    with pytest.raises(QueryError, match="choose one of: .*meetings"):
        named_query("meeting")


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_every_named_query_runs_on_the_sample(store, doc_id, name: str) -> None:
    query = named_query(name)
    values = {**SAMPLE_BINDINGS, "doc": doc_id}
    result = run_query(store, query.text, {p: values[p] for p in query.params}, query.params)
    assert result.kind == "select"
    assert result.rows, f"{name} returned no rows on the sample"


def test_query_meetings_lists_jaishankar_with_rubio_and_bessent(store) -> None:
    rows = _select(store, "meetings")
    pairs = {(r["person"], r["met"], r["date"]) for r in rows}
    assert ("S. Jaishankar", "Marco Rubio", "2026-02-04") in pairs
    assert ("S. Jaishankar", "Scott Bessent", "2026-02-04") in pairs


def test_query_meetings_give_the_place_and_document_of_each_meeting(store, doc_id) -> None:
    rows = _select(store, "meetings")
    assert {(r["met"], r["location"], r["doc"]) for r in rows if r["person"] == "S. Jaishankar"} >= {
        ("Marco Rubio", "Washington", doc_id), ("Scott Bessent", "Washington", doc_id)}


def test_query_positions_give_an_office_the_country_it_belongs_to(store, doc_id) -> None:
    rows = _select(store, "positions")
    assert {"person": "Marco Rubio", "affiliation": "United States", "doc": doc_id}.items() <= next(
        r for r in rows if r["person"] == "Marco Rubio").items()


def test_query_tariffs_list_the_three_rates(store) -> None:
    rates = {float(r["rate"]) for r in _select(store, "tariffs") if r["rate"] is not None}
    assert {18.0, 25.0, 50.0} <= rates


def test_query_plain_pattern_returns_no_negated_visit(store) -> None:
    result = run_query(store, "SELECT ?o WHERE { kgr:entity\\/person\\/marco-rubio kg:visits ?o }")
    assert result.rows == ()


def test_query_claims_show_the_negated_visit(store) -> None:
    rows = _select(store, "claims")
    assert {"subject": "Marco Rubio", "predicate": "visits", "object": "India", "polarity": "negative"}.items() <= next(
        r for r in rows if r["subject"] == "Marco Rubio" and r["predicate"] == "visits"
    ).items()


def test_query_entity_finds_a_person_by_alias_case_insensitively(store) -> None:
    rows = _select(store, "entity", name="mr. JAISHANKAR")
    assert rows and {r["entity"] for r in rows} == {"S. Jaishankar"}
    assert any(r["predicate"] == "meets" and r["other"] == "Marco Rubio" for r in rows)


def test_query_binding_is_a_value_not_query_text(store) -> None:
    rows = _select(store, "entity", name='x")) } UNION { ?e ?p ?label } #')
    assert rows == []


def test_query_document_query_gives_offsets_and_sentences(store, doc_id, sample_graph) -> None:
    rows = _select(store, "document", doc=doc_id)
    text = sample_graph.documents[0].text
    assert len(rows) == len(sample_graph.statements)
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == row["sentence"]


def test_query_missing_binding_is_reported() -> None:
    query = named_query("entity")
    with pytest.raises(QueryError, match="--bind name=VALUE"):
        run_query(ox.Store(), query.text, {}, query.params)


@pytest.mark.parametrize(
    "update",
    ["INSERT DATA { <a:b> <a:c> <a:d> }", "DELETE WHERE { ?s ?p ?o }", "LOAD <http://example.org/data.ttl>", "CLEAR ALL"],
)
def test_query_refuses_updates(store, update: str) -> None:
    before = len(store)
    with pytest.raises(QueryError, match="read-only"):
        run_query(store, update)
    assert len(store) == before


def test_query_syntax_error_names_line_and_column(store) -> None:
    with pytest.raises(QueryError) as err:
        run_query(store, "SELECT ?s\nWHERE { ?s kg:visits ?o . FILTER(?o = ) }")
    message = str(err.value)
    assert message.startswith("SPARQL syntax error at line 2, column 27: unexpected 'FILTER(?o'")
    assert message.splitlines()[-1].index("^") == 2 + 26


def test_query_ask_and_construct(store) -> None:
    assert run_query(store, "ASK { ?s kg:meets ?o }").boolean is True
    result = run_query(store, "CONSTRUCT { ?s kg:met ?o } WHERE { ?s kg:meets ?o }")
    assert result.kind == "graph" and len(result.rows) == 2


def test_query_describe_lists_an_entity_triples(store) -> None:
    result = run_query(store, "DESCRIBE <https://w3id.org/kg-news/resource/entity/person/marco-rubio>")
    predicates = {p.value for _, p, _ in result.rows}
    assert "http://www.w3.org/2004/02/skos/core#prefLabel" in predicates


def test_query_json_is_the_w3c_results_format(store) -> None:
    data = json.loads(query_text(store, named_query("meetings").text, "json"))
    assert data["head"]["vars"] == ["person", "met", "date", "location", "doc"]
    first = data["results"]["bindings"][0]
    assert first["person"] == {"type": "literal", "value": "S. Jaishankar"}
    assert first["date"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"


def test_query_csv_and_tsv_have_header_and_rows(store) -> None:
    text = query_text(store, named_query("meetings").text, "csv")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["person", "met", "date", "location", "doc"]
    assert ["S. Jaishankar", "Marco Rubio", "2026-02-04"] == rows[1][:3]
    tsv = query_text(store, named_query("meetings").text, "tsv").splitlines()
    assert tsv[0].split("\t") == ["?person", "?met", "?date", "?location", "?doc"]
    assert tsv[1].split("\t")[0] == '"S. Jaishankar"'


def test_query_table_cuts_long_cells_and_counts_rows(store) -> None:
    text = query_text(store, named_query("claims").text, "table")
    lines = text.splitlines()
    assert lines[0].split() == ["subject", "predicate", "object", "polarity", "modality", "sentence"]
    assert lines[-1].startswith("(") and lines[-1].endswith("rows)")
    assert all(len(line) < 250 for line in lines)


def test_query_unknown_format_is_refused(store) -> None:
    with pytest.raises(QueryError, match="choose one of: table, csv, tsv, json"):
        query_text(store, "ASK {}", "xml")


def test_query_open_store_accepts_a_build_folder(graph_file) -> None:
    assert len(open_store(graph_file.parent)) == len(open_store(graph_file))


def test_query_open_store_rejects_unknown_files(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        open_store(tmp_path / "missing.ttl")
    with pytest.raises(InputError, match="neither a kg store nor a kg build output"):
        open_store(tmp_path)
    (tmp_path / "bad.ttl").write_text("<a:b> <a:c> .", encoding="utf-8")
    with pytest.raises(InputError, match="not valid RDF"):
        open_store(tmp_path / "bad.ttl")


def test_query_store_folder_answers_like_the_file(graph_file, tmp_path) -> None:
    folder = write_store(graph_file, tmp_path / "store")
    text = named_query("meetings").text
    assert query_text(open_store(folder), text, "csv") == query_text(open_store(graph_file), text, "csv")


def test_query_read_query_file_takes_description_and_params(tmp_path) -> None:
    path = tmp_path / "who.rq"
    path.write_text("# People named like ?name.\n# @param name  a label\nSELECT ?name ?e WHERE { ?e skos:prefLabel ?name }\n", encoding="utf-8")
    query = read_query_file(path)
    assert (query.name, query.description, query.params) == ("who", "People named like ?name.", ("name",))


def test_query_binding_a_variable_the_query_does_not_select_is_an_error(store) -> None:
    with pytest.raises(QueryError, match=r"cannot bind \?name"):
        run_query(store, named_query("meetings").text, {"name": "x"})


# --- bounded queries: time, rows, Ctrl-C, no network -------------------------------------------

#: Every triple with every triple with every triple: 10^6 rows on the small graph, 10^8 with four.
CARTESIAN_3 = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CARTESIAN_5 = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o }"


@pytest.fixture(scope="module")
def small_file(small_rdf, tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "graph.ttl"
    path.write_text(to_turtle(small_rdf), encoding="utf-8")
    return path


def test_query_runaway_query_is_stopped_at_the_timeout(small_file) -> None:
    import time

    from kg.query import query_target

    started = time.monotonic()
    with pytest.raises(QueryError, match="stopped after 1 s; .*--timeout"):
        query_target(small_file, CARTESIAN_5, timeout=1)
    assert time.monotonic() - started < 10


def test_query_limit_cuts_the_rows_and_says_so(small_file, caplog) -> None:
    from kg.query import query_target

    table = query_target(small_file, CARTESIAN_3, limit=5)
    assert table.splitlines()[-1] == "(5 rows, and more not shown)"
    assert "only the first 5 are shown" in caplog.text
    rows = list(csv.reader(io.StringIO(query_target(small_file, CARTESIAN_3, "csv", limit=7))))
    assert rows[0] == ["a", "b", "c", "d", "e", "f", "g", "h", "i"] and len(rows) == 8
    answer = json.loads(query_target(small_file, CARTESIAN_3, "json", limit=3))
    assert len(answer["results"]["bindings"]) == 3


def test_query_limited_output_is_written_like_the_whole_result(store) -> None:
    query = "SELECT ?s ?label WHERE { ?s skos:prefLabel ?label } ORDER BY ?label"
    for fmt in ("csv", "tsv", "json"):
        assert query_text(store, query, fmt, limit=10_000) == query_text(store, query, fmt)


def test_query_default_limit_keeps_a_cartesian_product_small(small_file) -> None:
    from kg.query import DEFAULT_LIMIT, query_target

    table = query_target(small_file, CARTESIAN_3)
    assert table.splitlines()[-1] == f"({DEFAULT_LIMIT} rows, and more not shown)"


def test_query_construct_is_limited_in_triples(small_file) -> None:
    from kg.query import query_target

    ntriples = query_target(small_file, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "csv", limit=4)
    assert len(ntriples.splitlines()) == 4


class _Endpoint:
    """A loopback HTTP server that counts the requests it gets and answers 500 with no body, or
    200 with ``body`` as SPARQL JSON results when one is set."""

    def __init__(self) -> None:
        import http.server
        import threading

        self.hits: list[str] = []
        self.body: bytes | None = None
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _any(self) -> None:
                outer.hits.append(f"{self.command} {self.path}")
                body = outer.body or b""
                self.send_response(500 if outer.body is None else 200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _any

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def endpoint():
    server = _Endpoint()
    yield server
    server.close()


def test_query_service_clause_is_refused_without_a_request(small_file, endpoint) -> None:
    from kg.query import query_target

    service = f"SELECT * WHERE {{ SERVICE <{endpoint.url}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match=f"SERVICE <{endpoint.url}/sparql> would send the query over the network.*--allow-remote"):
        query_target(small_file, service)
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(open_store(small_file), service.replace("SERVICE", "service SILENT"))
    assert endpoint.hits == []


def test_query_service_allowed_by_the_user_reaches_it_and_a_bad_answer_is_one_line(small_file, endpoint) -> None:
    from kg.query import query_target

    service = f"SELECT * WHERE {{ SERVICE <{endpoint.url}/sparql> {{ ?s ?p ?o }} }}"
    with pytest.raises(QueryError, match="query failed: .*500") as err:
        query_target(small_file, service, allow_remote=True, timeout=30)
    assert "\n" not in str(err.value)
    assert endpoint.hits and endpoint.hits[0].startswith("POST /sparql")


def test_query_service_allowed_whose_answer_is_no_sparql_json_is_one_line(small_file, endpoint) -> None:
    from kg.query import query_target

    endpoint.body = b'{"this is": not json <html>'
    with pytest.raises(QueryError, match="query failed: ") as err:
        query_target(small_file, f"SELECT * WHERE {{ SERVICE <{endpoint.url}/sparql> {{ ?s ?p ?o }} }}", allow_remote=True, timeout=30)
    assert "\n" not in str(err.value)


def test_query_service_in_strings_comments_and_names_is_no_clause(store) -> None:
    assert run_query(store, "# SERVICE <http://example.org/>\nSELECT ?s WHERE { ?s ?p 'SERVICE <http://example.org/>' }").rows == ()


def test_query_jsonld_with_a_remote_context_is_refused_without_a_request(tmp_path, endpoint) -> None:
    path = tmp_path / "graph.jsonld"
    path.write_text(json.dumps({"@context": f"{endpoint.url}/context", "@id": "http://example.org/a", "name": "A"}), encoding="utf-8")
    with pytest.raises(InputError, match="context .*/context' is a reference that would be fetched.*--allow-remote"):
        open_store(path)
    assert endpoint.hits == []


def test_query_table_shows_control_characters_instead_of_obeying_them(tmp_path) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text('<http://example.org/a> <http://example.org/says> "clear\\u001b[2J screen \\u202eevil\\u0007" .\n', encoding="utf-8")
    table = query_text(open_store(path), "SELECT ?o WHERE { ?s ?p ?o }")
    assert "\x1b" not in table and "\u202e" not in table and "\x07" not in table
    assert "clear\\x1b[2J screen \\u202eevil\\x07" in table


def test_query_parse_error_names_line_and_reason(tmp_path) -> None:
    path = tmp_path / "graph.nt"
    path.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n<http://example.org/a> <http://example.org/b> <http://example.org/c>\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"graph.nt: not valid RDF: Parser error at line 3 column 1: .*dot"):
        open_store(path)


def test_query_fifo_is_refused_not_waited_on(tmp_path) -> None:
    import os

    fifo = tmp_path / "graph.ttl"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="graph.ttl: not a regular file"):
        open_store(fifo)


# The named queries read what kg build writes for them (kg:subjectLabel, kg:objectLabel,
# kg:documentCount, kg:derivedStatementCount); their answers are those of counting and joining.


def test_query_claims_names_the_subject_by_the_statement_subject_label(small_rdf, tmp_path) -> None:
    rdf = Graph()
    rdf += small_rdf
    [visit] = rdf.subjects(KG.predicate, KG.visits)
    rdf.set((visit, KG.subjectLabel, Literal("Senator Rubio")))
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(rdf), encoding="utf-8")
    rows = _select(open_store(path), "claims")
    assert [(r["subject"], r["object"]) for r in rows if r["predicate"] == "visits"] == [("Senator Rubio", "India")]


def test_query_claims_hedged_modalities_are_every_modality_of_the_shapes_but_asserted() -> None:
    shapes = Graph().parse(SHAPES_PATH)
    [allowed] = [shapes.value(node, SH["in"]) for node in shapes.subjects(SH.path, KG.modality) if shapes.value(node, SH["in"])]
    hedged = {str(term).rpartition("#")[2] for term in Collection(shapes, allowed)} - {"Asserted"}
    listed = re.search(r"VALUES \?mod \{([^}]*)\}", named_query("claims").text).group(1).split()
    assert sorted(name.removeprefix("kg:") for name in listed) == sorted(hedged)


def test_query_documents_gives_each_document_its_number_of_statements(store, sample_graph) -> None:
    counted = {d.doc_id: sum(s.evidence.doc_id == d.doc_id for s in sample_graph.statements) for d in sample_graph.documents}
    assert {r["doc"]: int(r["statements"]) for r in _select(store, "documents")} == counted


def test_query_entities_gives_each_entity_its_number_of_mentioning_documents(store, sample_graph) -> None:
    counted = {(e.type, e.label): len({m.doc_id for m in e.mentions}) for e in sample_graph.entities}
    assert {(r["type"], r["entity"]): int(r["documents"]) for r in _select(store, "entities")} == counted


def test_query_entities_joins_the_aliases_of_an_entity_and_leaves_none_without(small_file) -> None:
    rows = {r["entity"]: r["aliases"] for r in _select(open_store(small_file), "entities")}
    assert set(rows["Marco Rubio"].split("; ")) == {"Rubio", "Mr. Rubio"}
    assert rows["Delhi"] is None


@pytest.mark.parametrize(("removed", "query", "bindings"), [
    (("subjectLabel", "objectLabel"), "claims", None),
    (("sourceDocId",), "positions", None),
    (("nameKey",), "entity", {"name": "Rubio"}),
])
def test_query_warns_when_the_graph_lacks_what_kg_build_derives(sample_graph, tmp_path, caplog, removed, query, bindings) -> None:
    from kg.query import query_target

    rdf = to_rdf(sample_graph)
    for name in removed:
        rdf.remove((None, KG[name], None))
    older = tmp_path / "older.ttl"
    older.write_text(to_turtle(rdf), encoding="utf-8")
    query_target(older, named_query(query).text, bindings=bindings)
    missing = " or ".join(f"kg:{name}" for name in removed)
    assert f"the graph has no {missing}, which this query reads" in caplog.text


def test_query_does_not_warn_about_derived_labels_on_a_graph_kg_build_wrote(store, graph_file, caplog) -> None:
    from kg.query import missing_derived, query_target

    query_target(graph_file, named_query("claims").text)
    query_text(store, named_query("connected").text)
    assert "the graph has no" not in caplog.text
    assert missing_derived(store, named_query("entities").text) == []


def test_query_does_not_look_for_derived_properties_a_query_does_not_name(sample_graph) -> None:
    from kg.query import missing_derived

    rdf = to_rdf(sample_graph)
    rdf.remove((None, KG.documentCount, None))
    bare = ox.Store()
    bare.load(to_turtle(rdf).encode("utf-8"), ox.RdfFormat.TURTLE)
    assert missing_derived(bare, "SELECT ?s WHERE { ?s kg:subjectLabel ?l }") == []
    assert missing_derived(bare, named_query("entities").text) == ["kg:documentCount"]


def _counted_entities(count: int) -> ox.Store:
    """``count`` entities with the counts kg build writes, many of them tied."""
    lines = ["@prefix kg: <https://w3id.org/kg-news/ontology#> .", "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."]
    for i in range(count):
        kind = ("Person", "Country", "Place")[i % 3]
        lines.append(f'<https://w3id.org/kg-news/resource/entity/x/e{i}> a kg:{kind} ; skos:prefLabel "E{i:03d}" ; '
                     f"kg:statementCount {i % 7 + 1} ; kg:neighbourCount {i % 3} .")
    store = ox.Store()
    store.load("\n".join(lines), format=ox.RdfFormat.TURTLE)
    return store


#: ``connected`` written as the plain reading of its comment: every counted entity, sorted.
PLAIN_CONNECTED = """PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?entity ?type ?statements ?neighbours WHERE {
  ?e kg:statementCount ?statements ; kg:neighbourCount ?neighbours ; skos:prefLabel ?entity ; a ?class .
  BIND(REPLACE(STR(?class), "^.*#", "") AS ?type)
} ORDER BY DESC(?statements) DESC(?neighbours) ?entity LIMIT 20"""


@pytest.mark.parametrize("count", [3, 19, 20, 21, 60])
def test_connected_gives_the_rows_of_its_plain_reading_whatever_the_ties(count) -> None:
    store = _counted_entities(count)
    rows = lambda text: [tuple(str(s[v]) for v in ("entity", "type", "statements", "neighbours")) for s in store.query(text)]
    assert rows(named_query("connected").text) == rows(PLAIN_CONNECTED)
    assert len(rows(named_query("connected").text)) == min(count, 20)


def _graph_store(graph, tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(to_rdf(graph)), encoding="utf-8")
    return open_store(path)


FIGURE_TEXT = "Acme Foods said its annual profit fell to $4.9m. Acme Foods expects sales of $120m next year."


def test_query_claims_shows_a_figure_by_what_it_measures_and_its_amount(extract_texts, tmp_path) -> None:
    rows = _select(_graph_store(extract_texts(FIGURE_TEXT), tmp_path), "claims")
    figures = {r["object"] for r in rows if r["subject"] == "Acme Foods" and r["predicate"] == "reports"}
    assert "profit $4.9m" in figures


def test_query_entity_shows_a_figure_at_the_other_end(extract_texts, tmp_path) -> None:
    rows = _select(_graph_store(extract_texts(FIGURE_TEXT), tmp_path), "entity", name="Acme Foods")
    assert {"profit $4.9m", "sales $120m"} <= {r["other"] for r in rows if r["predicate"] == "reports"}
