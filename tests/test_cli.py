"""Tests for kg.cli through click's CliRunner: exit codes, output streams and error lines."""
from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.pipeline
import kg.rdf
from kg.cli import cli

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture
def runner() -> CliRunner:
    # click < 8.2 mixes stderr into stdout unless told not to; 8.2+ always keeps both apart.
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


@pytest.fixture
def session_model(nlp, monkeypatch):
    """Make the CLI reuse the session's pipeline instead of loading it again on every run."""
    monkeypatch.setattr(kg.pipeline, "load_pipeline", lambda name=None, exclude=(): nlp)
    return nlp


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def test_cli_extract_writes_jsonl_file(runner, session_model, tmp_path):
    out = tmp_path / "out" / "statements.jsonl"
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["kind"] for r in records} == {"entity", "statement"}
    assert result.stdout == ""


def test_cli_extract_summary_on_stderr(runner, session_model, tmp_path):
    out = tmp_path / "statements.jsonl"
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "documents: 1" in result.stderr
    assert "statements:" in result.stderr
    assert f"wrote {out}" in result.stderr


def test_cli_extract_leaves_no_temporary_files(runner, session_model, tmp_path):
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(tmp_path / "statements.jsonl")])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["statements.jsonl"]


def test_cli_extract_stdout_json_lines(runner, session_model):
    result = runner.invoke(cli, ["extract", str(SEEDS)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines
    records = [json.loads(line) for line in lines]
    assert all(r["kind"] in {"entity", "statement"} for r in records)
    # Without -o the summary is off, so stderr holds nothing that would break a pipe into jq.
    assert "documents:" not in result.stderr


def test_cli_extract_quiet_suppresses_summary(runner, session_model, tmp_path):
    result = runner.invoke(cli, ["-q", "extract", str(SEEDS), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert "documents:" not in result.stderr


def test_cli_missing_path_fails_cleanly(runner, tmp_path):
    missing = tmp_path / "no-such-article.txt"
    result = runner.invoke(cli, ["extract", str(missing)])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert missing.as_posix() in lines[0]
    assert "Traceback" not in result.output


def test_cli_unknown_model_fails_cleanly(runner):
    result = runner.invoke(cli, ["extract", str(SEEDS), "--model", "nonexistent_pipeline_xyz"])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "nonexistent_pipeline_xyz" in lines[0]
    assert "Traceback" not in result.output


def test_cli_output_parent_is_file_fails_cleanly(runner, session_model, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder\n", encoding="utf-8")
    out = blocker / "statements.jsonl"
    result = runner.invoke(cli, ["extract", str(SEEDS), "-o", str(out)])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit)
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert str(out) in lines[0]
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


def test_cli_requires_a_path(runner):
    result = runner.invoke(cli, ["extract"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_cli_every_command_has_help(runner):
    assert cli.commands
    assert (cli.help or "").strip()
    for name, command in cli.commands.items():
        assert (command.help or "").strip(), f"kg {name} has no help text"
        assert (command.get_short_help_str() or "").strip(), f"kg {name} has no short help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, result.output
        assert f"Usage: cli {name}" in result.stdout or f"{name} [OPTIONS]" in result.stdout


def test_cli_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("kg, version ")


# --- kg build / query / validate --------------------------------------------------------

@pytest.fixture
def built(runner, session_model, tmp_path) -> Path:
    out = tmp_path / "out"
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_cli_build_writes_turtle_jsonld_and_jsonl(built):
    assert sorted(p.name for p in built.iterdir()) == ["extractions.jsonl", "graph.html", "graph.jsonld", "graph.ttl", "layout.cache.jsonl", "statements.jsonl", "update.cache.jsonl"]
    assert (built / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix ")
    assert json.loads((built / "graph.jsonld").read_text(encoding="utf-8"))["@graph"]
    first = json.loads((built / "statements.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["kind"] == "entity"


def test_cli_build_twice_gives_identical_bytes(runner, built):
    again = built.parent / "again"
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(again)])
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.jsonld", "statements.jsonl", "graph.html", "extractions.jsonl"):
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_cli_build_refuses_a_graph_that_breaks_the_shapes(runner, built, monkeypatch):
    from rdflib import Literal

    from kg.vocab import KG, XSD

    real = kg.rdf._add_statement

    def broken(rdf, statement, refs):
        real(rdf, statement, refs)
        if statement.predicate == "meets":
            rdf.add((kg.rdf.statement_iri(refs.node), KG.confidence, Literal("1.5", datatype=XSD.decimal)))

    monkeypatch.setattr(kg.rdf, "_add_statement", broken)
    before = (built / "graph.ttl").read_bytes()
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(built)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "kg:confidence" in result.stderr and "1.5" in result.stderr
    assert (built / "graph.ttl").read_bytes() == before


@pytest.mark.parametrize("value", ["0", "65", "many"])
def test_cli_jobs_is_a_number_or_auto(runner, value):
    result = runner.invoke(cli, ["build", str(SEEDS), "--jobs", value])
    assert result.exit_code == 2
    assert "auto" in result.output and value in result.output


def test_cli_jobs_defaults_to_auto(runner):
    result = runner.invoke(cli, ["build", "--help"])
    assert "[default: auto]" in " ".join(result.output.split())


def test_cli_build_store_answers_queries(runner, session_model, tmp_path):
    out, store = tmp_path / "out", tmp_path / "store"
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    from_store = runner.invoke(cli, ["query", str(store), "--name", "meetings", "--format", "csv"])
    from_file = runner.invoke(cli, ["query", str(out / "graph.ttl"), "--name", "meetings", "--format", "csv"])
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout == from_file.stdout
    assert "Marco Rubio" in from_store.stdout


def test_cli_query_named_meetings_table(runner, built):
    result = runner.invoke(cli, ["query", str(built / "graph.ttl"), "--name", "meetings"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["person", "met", "date", "location", "doc"]
    assert any("S. Jaishankar" in line and "Scott Bessent" in line and "2026-02-04" in line for line in lines)


def test_cli_query_with_binding_as_json(runner, built):
    result = runner.invoke(cli, ["query", str(built), "--name", "entity", "--bind", "name=Rubio", "--format", "json"])
    assert result.exit_code == 0, result.output
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert {b["entity"]["value"] for b in bindings} == {"Marco Rubio"}


def test_cli_query_list_shows_names_and_descriptions(runner):
    result = runner.invoke(cli, ["query", "--list"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) >= 8
    assert any(line.startswith("meetings ") and "met" in line for line in lines)
    assert any(line.startswith("entity ") and "--bind name=" in line for line in lines)


def test_cli_query_syntax_error_is_one_positioned_message(runner, built):
    result = runner.invoke(cli, ["query", str(built), "SELECT ?s WHERE { ?s kg:meets }"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = _error_lines(result)
    assert lines[0].startswith("Error: SPARQL syntax error at line 1, column ")
    assert lines[-1].strip() == "^"


def test_cli_query_update_is_refused(runner, built):
    before = (built / "graph.ttl").read_bytes()
    result = runner.invoke(cli, ["query", str(built), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1
    assert "read-only" in result.stderr
    assert (built / "graph.ttl").read_bytes() == before


def test_cli_query_needs_exactly_one_query(runner, built):
    result = runner.invoke(cli, ["query", str(built)])
    assert result.exit_code == 2
    assert "exactly one of QUERY, -f FILE or --name NAME" in result.stderr


def test_cli_query_from_file(runner, built, tmp_path):
    query = tmp_path / "visits.rq"
    query.write_text("# Visits stated as fact.\nSELECT ?o WHERE { ?s kg:visits ?o }\n", encoding="utf-8")
    result = runner.invoke(cli, ["query", str(built), "-f", str(query), "--format", "tsv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "?o"


def test_cli_validate_accepts_a_built_graph(runner, built):
    result = runner.invoke(cli, ["validate", str(built / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_cli_validate_reports_each_violation(runner, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        """@prefix kg: <https://w3id.org/kg-news/ontology#> .
@prefix kgr: <https://w3id.org/kg-news/resource/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
kgr:doc\\/d1 a kg:Document ; kg:docId "d1" .
kgr:stmt\\/0000000000000001 a kg:Statement ;
    kg:predicate kg:meets ; kg:object kgr:doc\\/d1 ; kg:relation "met" ;
    kg:polarity kg:Positive ; kg:modality kg:Rumoured ; kg:confidence 1.5 ;
    prov:wasDerivedFrom kgr:doc\\/d1 ; kg:sentence "x" ; kg:extractor "t" ;
    kg:startOffset "0"^^xsd:nonNegativeInteger ; kg:endOffset "1"^^xsd:nonNegativeInteger .
""",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    text = result.stderr
    assert "kg:subject" in text and "kg:confidence" in text and "kg:modality" in text


# --- kg stats ----------------------------------------------------------------------------

def test_cli_stats_reports_top_entities_and_communities(runner, built):
    result = runner.invoke(cli, ["stats", str(built)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert " entities" in lines[0] and " communities" in lines[0]
    assert "Top entities by PageRank" in lines and "Communities" in " ".join(lines)
    header = lines.index("Top entities by PageRank") + 1
    assert lines[header].split() == ["#", "entity", "type", "pagerank", "degree", "betweenness"]
    assert lines[header + 1].split()[:4] == ["1", "S.", "Jaishankar", "Person"]
    community_lines = [line for line in lines if " size " in line]
    assert community_lines and "S. Jaishankar" in " ".join(community_lines)
    assert "Entities by type" in lines and "Statements by predicate" in lines


def test_cli_stats_json_on_the_turtle_file(runner, built):
    result = runner.invoke(cli, ["stats", str(built / "graph.ttl"), "--json", "--top", "3"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert {"nodes", "edges", "components", "communities", "types", "predicates", "top_entities", "top_communities"} <= set(stats)
    assert len(stats["top_entities"]) == 3
    assert stats["top_entities"][0]["label"] == "S. Jaishankar"
    from_jsonld = runner.invoke(cli, ["stats", str(built / "graph.jsonld"), "--json", "--top", "3"])
    assert from_jsonld.exit_code == 0, from_jsonld.output
    assert json.loads(from_jsonld.stdout) == stats


@pytest.mark.parametrize("name", ["no-such-graph.ttl", "no-such-folder"])
def test_cli_stats_missing_graph_fails_cleanly(runner, tmp_path, name):
    missing = tmp_path / name
    result = runner.invoke(cli, ["stats", str(missing)])
    assert result.exit_code == 1
    lines = _error_lines(result)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and str(missing) in lines[0]
    assert "Traceback" not in result.output


def test_cli_stats_folder_without_graph_ttl_fails_cleanly(runner, tmp_path):
    result = runner.invoke(cli, ["stats", str(tmp_path)])
    assert result.exit_code == 1
    lines = _error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "graph.ttl" in lines[0]


def test_cli_render_writes_an_offline_page(runner, built, tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(cli, ["render", str(built), "-o", str(out), "--title", "Talks <b>"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<h1 id=\"kg-title\">Talks &lt;b&gt;</h1>" in html
    assert "https://cdn" not in html and "<link" not in html


def test_cli_render_facts_only_drops_hedged_edges(runner, built, tmp_path):
    everything, facts = tmp_path / "all.html", tmp_path / "facts.html"
    assert runner.invoke(cli, ["render", str(built), "-o", str(everything)]).exit_code == 0
    assert runner.invoke(cli, ["render", str(built), "-o", str(facts), "--facts-only"]).exit_code == 0
    assert '"claim": "negated"' in everything.read_text(encoding="utf-8")
    assert '"claim": "negated"' not in facts.read_text(encoding="utf-8")


def test_cli_render_no_sparql_leaves_out_the_query_panel(runner, built, tmp_path):
    full, lean = tmp_path / "full.html", tmp_path / "lean.html"
    assert runner.invoke(cli, ["render", str(built), "-o", str(full)]).exit_code == 0
    assert runner.invoke(cli, ["render", str(built), "-o", str(lean), "--no-sparql"]).exit_code == 0
    full_html, lean_html = full.read_text(encoding="utf-8"), lean.read_text(encoding="utf-8")
    assert 'id="kg-sparql"' in full_html and 'id="kg-oxigraph-wasm"' in full_html and 'id="kg-triples"' in full_html
    assert 'id="kg-sparql"' not in lean_html and 'id="kg-oxigraph-wasm"' not in lean_html and 'id="kg-triples"' not in lean_html
    assert len(full_html) - len(lean_html) > 1_000_000  # the engine alone is about 1.9 MB of base64


# --- bad input: one clear line each, non-zero exit when nothing could be done ---------------

@pytest.mark.parametrize(
    ("name", "content", "warning"),
    [
        ("empty.txt", b"", "empty.txt: empty file"),
        ("binary.txt", b"abc\x00def\x01", "binary.txt: binary file (contains NUL bytes)"),
        ("rules.txt", b"... --- ...\n!!!\n", "rules.txt: no body text left after removing headings and junk lines"),
    ],
)
def test_cli_build_with_nothing_readable_fails_cleanly(runner, session_model, tmp_path, caplog, name, content, warning):
    (tmp_path / name).write_bytes(content)
    result = runner.invoke(cli, ["build", str(tmp_path / name), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert warning in caplog.text  # logged as "kg: WARNING: ..." on stderr
    assert _error_lines(result)[-1] == "Error: nothing to build: 1 input skipped, none readable"
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_cli_build_skips_bad_jsonl_lines_and_counts_them(runner, session_model, tmp_path, caplog):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"id": "1", "text": "Marco Rubio met S. Jaishankar in Washington."}\n{"id": "2", "text": \n{"id": "3"}\n{"id": "4", "text": 42}\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    for line, reason in ((2, "malformed JSON"), (3, "missing 'text'"), (4, "'text' must be a string, got number")):
        assert f"mixed.jsonl:{line}: {reason}" in caplog.text
    assert "3 records skipped" in result.stderr


def test_cli_build_reads_non_utf8_text_with_a_warning(runner, session_model, tmp_path, caplog):
    path = tmp_path / "latin1.txt"
    path.write_bytes("José García met Ana López in Madrid.\n".encode("cp1252"))
    result = runner.invoke(cli, ["build", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "latin1.txt: not valid UTF-8, decoded as cp1252" in caplog.text
    assert "José García" in (tmp_path / "out" / "statements.jsonl").read_text(encoding="utf-8")


def test_cli_build_into_adds_an_article(runner, built, tmp_path):
    article = tmp_path / "second.txt"
    article.write_text("External Affairs Minister S. Jaishankar met Yoko Kamikawa in Tokyo on Friday.\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(article), "--into", str(built)])
    assert result.exit_code == 0, result.output
    assert "documents: 2" in result.stderr
    people = [json.loads(line) for line in (built / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len([r for r in people if r["kind"] == "entity" and r["label"] == "S. Jaishankar"]) == 1


def test_cli_build_into_and_another_output_is_a_usage_error(runner, built, tmp_path):
    result = runner.invoke(cli, ["build", str(SEEDS), "--into", str(built), "-o", str(tmp_path / "elsewhere")])
    assert result.exit_code == 2
    assert "--into DIR writes into DIR" in result.stderr


def test_cli_build_relayout_without_into_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path / "out"), "--relayout"])
    assert result.exit_code == 2
    assert "--relayout is for --into" in result.stderr


# --- hardening: bounded queries, no network, graphs kg did not write ---------------------------

@pytest.fixture
def small_graph_file(small_rdf, tmp_path) -> Path:
    from kg.rdf import to_turtle

    path = tmp_path / "graph.ttl"
    path.write_text(to_turtle(small_rdf), encoding="utf-8")
    return path


def test_cli_query_timeout_and_limit_options(runner, small_graph_file, caplog):
    five = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o }"
    result = runner.invoke(cli, ["query", str(small_graph_file), five, "--timeout", "0.5"])
    assert result.exit_code == 1 and _error_lines(result) == ["Error: the query was stopped after 0.5 s; narrow it (more patterns, a LIMIT) or give --timeout SECONDS"]
    result = runner.invoke(cli, ["query", str(small_graph_file), "SELECT * WHERE { ?s ?p ?o }", "--limit", "2", "--format", "csv"])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert "only the first 2 are shown" in caplog.text


def test_cli_query_ctrl_c_ends_a_running_query(small_graph_file):
    import signal
    import subprocess
    import sys
    import time

    five = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o }"
    # As from a terminal: Ctrl-C at its default, whatever the test runner's own handling is.
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "query", str(small_graph_file), five, "--timeout", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(3)  # loaded and evaluating
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    try:
        # Ignored, the query would run for hours; a loaded two-core machine may take a few
        # seconds to end the worker and the interpreter.
        _, stderr = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail("kg query ignored Ctrl-C")
    assert process.returncode != 0 and "Traceback" not in stderr


def test_cli_render_of_a_graph_kg_did_not_write_says_so(runner, tmp_path):
    foaf = tmp_path / "people.ttl"
    foaf.write_text('<http://example.org/alice> <http://xmlns.com/foaf/0.1/knows> <http://example.org/bob> .\n', encoding="utf-8")
    result = runner.invoke(cli, ["render", str(foaf), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 1
    assert _error_lines(result) == [f"Error: {foaf}: 1 triple but none kg draws: no kg:Document, kg:Statement or entity (kg:Person, kg:Country, ...); kg draws and counts graphs written by kg build"]
    assert not (tmp_path / "page.html").exists()


def test_cli_stats_of_a_graph_kg_did_not_write_says_so(runner, tmp_path):
    foaf = tmp_path / "people.ttl"
    foaf.write_text('<http://example.org/alice> <http://xmlns.com/foaf/0.1/knows> <http://example.org/bob> .\n', encoding="utf-8")
    result = runner.invoke(cli, ["stats", str(foaf)])
    assert result.exit_code == 1 and "none kg draws" in _error_lines(result)[0]


@pytest.mark.parametrize("command", ["render", "stats", "validate", "push"])
def test_cli_remote_jsonld_context_needs_allow_remote(runner, tmp_path, command):
    import http.server
    import threading

    hits: list[str] = []

    class Context(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            body = b'{"@context": {"name": "http://schema.org/name"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/ld+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Context)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        graph = tmp_path / "graph.jsonld"
        graph.write_text(json.dumps({"@context": f"http://127.0.0.1:{server.server_address[1]}/context", "@id": "http://example.org/a", "name": "A"}))
        extra = {"render": ["-o", str(tmp_path / "page.html")], "push": ["--endpoint", "http://127.0.0.1:9/gsp"]}.get(command, [])
        result = runner.invoke(cli, [command, str(graph), *extra])
        assert result.exit_code == 1 and "--allow-remote" in result.stderr and hits == []
        result = runner.invoke(cli, [command, str(graph), *extra, "--allow-remote"])
        assert hits == ["/context"]  # fetched only when allowed (what follows depends on the command)
    finally:
        server.shutdown()
        server.server_close()


_MAIN = """
import atexit, sys
marker = sys.argv.pop(1)
atexit.register(lambda: open(marker, "w").write("ran"))
from kg.cli import main
main()
"""


@pytest.mark.model
def test_cli_build_process_ends_with_its_summary_its_files_and_its_exit_handlers(tmp_path):
    import subprocess
    import sys

    marker, out = tmp_path / "handler", tmp_path / "out"
    done = subprocess.run([sys.executable, "-c", _MAIN, str(marker), "build", str(SEEDS), "-o", str(out), "--jobs", "1", "--store", str(out / "store")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "statements" in done.stderr and f"wrote {out / 'graph.ttl'}" in done.stderr
    assert marker.read_text() == "ran"
    assert (out / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")
    # The store was closed and complete before the process ended.
    rows = subprocess.run([sys.executable, "-m", "kg.cli", "query", str(out / "store"), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"],
                          capture_output=True, text=True, timeout=300)
    assert rows.returncode == 0 and int(rows.stdout.split()[-1]) > 100


def test_cli_build_process_that_fails_ends_with_status_one_and_its_message(tmp_path):
    import subprocess
    import sys

    marker = tmp_path / "handler"
    done = subprocess.run([sys.executable, "-c", _MAIN, str(marker), "build", str(tmp_path / "missing"), "-o", str(tmp_path / "out")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("Error: no such file or folder:")
    assert marker.read_text() == "ran"
