"""Robustness: incremental builds, byte-identical output whatever the input order or --jobs,
nothing half-written when a build fails or is killed, no network, and arbitrary text."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

import kg.files
import kg.pipeline
import kg.rdf
from kg.errors import KgError
from kg.pipeline import KEPT_FILE, KEPT_FOLDER, OUTPUT_FILES, build
from kg.rdf import to_turtle
from kg.validate import validate_graph

from conftest import write_days

SEEDS = Path(__file__).parent.parent / "seeds"
SECOND_ARTICLE = """U.S. and India sign a deal

NEW DELHI, March 3, 2026

External Affairs Minister S. Jaishankar met Japanese Foreign Minister Yoko Kamikawa in New Delhi on Tuesday.

Mr. Jaishankar said the United States had agreed to lower tariffs on Indian steel to 10%.
"""
THIRD_ARTICLE = """Ministers meet in Tokyo

Japanese Foreign Minister Yoko Kamikawa met Australian Foreign Minister Penny Wong in Tokyo on Friday.
"""


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), folder / "a-sample.txt")
    (folder / "b-second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (folder / "c-third.txt").write_text(THIRD_ARTICLE, encoding="utf-8")
    return folder


def _bytes(folder: Path, names=("graph.ttl", "statements.jsonl", "graph.jsonld", "graph.html")) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in names}


# --- incremental builds -----------------------------------------------------------------

def test_robustness_second_article_joins_the_same_entities(nlp, articles, tmp_path) -> None:
    out = tmp_path / "out"
    build([articles / "a-sample.txt"], out, nlp=nlp)
    result = build([articles / "b-second.txt"], out, nlp=nlp, into=True)
    assert len(result.graph.documents) == 2
    jaishankar = [e for e in result.graph.entities if "Jaishankar" in e.label]
    united_states = [e for e in result.graph.entities if e.entity_id == "country/united-states"]
    assert len(jaishankar) == 1 and len(united_states) == 1
    assert {m.doc_id for m in jaishankar[0].mentions} == {d.doc_id for d in result.graph.documents}
    assert {m.doc_id for m in united_states[0].mentions} == {d.doc_id for d in result.graph.documents}


def test_robustness_statements_keep_their_own_document_evidence(nlp, articles, tmp_path) -> None:
    out = tmp_path / "out"
    build([articles / "a-sample.txt"], out, nlp=nlp)
    graph = build([articles / "b-second.txt"], out, nlp=nlp, into=True).graph
    texts = {d.doc_id: d.text for d in graph.documents}
    assert len({s.evidence.doc_id for s in graph.statements}) == 2
    for statement in graph.statements:
        ev = statement.evidence
        assert texts[ev.doc_id][ev.start : ev.end] == ev.sentence


def test_robustness_document_already_in_the_graph_is_not_added_twice(nlp, articles, tmp_path) -> None:
    out = tmp_path / "out"
    build([articles / "a-sample.txt"], out, nlp=nlp)
    before = _bytes(out)
    # The same article again under another name, with other line breaks and capitals.
    text = (articles / "a-sample.txt").read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_text(" " + text.replace("\n\n", "\n\n\n").upper() + " \n", encoding="utf-8")
    result = build([tmp_path / "copy.txt"], out, nlp=nlp, into=True)
    assert len(result.graph.documents) == 1
    assert _bytes(out) == before


def test_robustness_grown_graph_equals_one_built_at_once(nlp, articles, tmp_path) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build([articles / "a-sample.txt"], grown, nlp=nlp)
    build([articles / "b-second.txt"], grown, nlp=nlp, into=True)
    build([articles / "c-third.txt"], grown, nlp=nlp, into=True)
    build([articles], whole, nlp=nlp)
    assert _bytes(grown, ("graph.ttl", "statements.jsonl", "extractions.jsonl")) == _bytes(whole, ("graph.ttl", "statements.jsonl", "extractions.jsonl"))


#: Three days of news about people called Frost: "Mr Frost" of the first day is David Frost once
#: the second day names him, and nobody in particular once the third names a second Frost.
FROST_DAYS = (
    "Frost returns\n\nMr Frost told reporters in London on Sunday that the programme would return in May.\n",
    "Interview\n\nDavid Frost interviewed Tony Blair in London on Monday.\n",
    "Weather\n\nForecaster Jack Frost said snow would fall in Leeds on Tuesday.\n",
)


def test_robustness_a_later_article_joins_and_then_splits_an_earlier_name(nlp, tmp_path) -> None:
    days = write_days(FROST_DAYS, tmp_path)
    grown = tmp_path / "grown"
    owners = []
    for i, day in enumerate(days):
        result = build([day], grown, nlp=nlp, into=i > 0)
        whole = tmp_path / f"whole-{i}"
        build(days[: i + 1], whole, nlp=nlp)
        assert _bytes(grown, ("graph.ttl", "statements.jsonl", "extractions.jsonl")) == _bytes(whole, ("graph.ttl", "statements.jsonl", "extractions.jsonl"))
        first_day = next(d.doc_id for d in result.graph.documents if "Mr Frost" in d.text)
        owners.append(next(e.entity_id for e in result.graph.entities if e.type == "Person" and any(m.doc_id == first_day for m in e.mentions)))
    # A one-word name joins the one fuller name of the corpus it fits; two make it nobody's.
    assert owners == [f"person/frost--{first_day}", "person/david-frost", f"person/frost--{first_day}"]


def test_robustness_an_update_leaves_every_earlier_entity_its_id(nlp, tmp_path) -> None:
    # The second day's article sorts first and has its own "Mr Hale" and deal: numbering the
    # articles' Hales in id order would hand the first day's ids to the new ones.
    days = [("m-monday", "Mr Hale said the deal would close in May."), ("a-tuesday", "Mr Hale said on Tuesday that the deal had collapsed.")]
    files = []
    for doc_id, text in days:
        files.append(tmp_path / f"{doc_id}.jsonl")
        files[-1].write_text(json.dumps({"id": doc_id, "title": "Markets", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    before = build([files[0]], out, nlp=nlp).graph
    after = build([files[1]], out, nlp=nlp, into=True).graph
    spans = {e.entity_id: {(m.doc_id, m.start, m.end) for m in e.mentions} for e in after.entities}
    assert before.entities
    for entity in before.entities:
        assert {(m.doc_id, m.start, m.end) for m in entity.mentions} <= spans[entity.entity_id]


def test_robustness_into_a_folder_without_extractions_fails_cleanly(nlp, articles, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("", encoding="utf-8")
    with pytest.raises(KgError, match="extractions.jsonl: no such file"):
        build([articles / "b-second.txt"], out, nlp=nlp, into=True)


# --- determinism --------------------------------------------------------------------------

def test_robustness_input_order_and_jobs_give_identical_bytes(nlp, articles, tmp_path) -> None:
    forward, backward = tmp_path / "forward", tmp_path / "backward"
    files = sorted(articles.iterdir())
    build(files, forward, nlp=nlp, jobs=1)
    build(list(reversed(files)), backward, nlp=nlp, jobs=2)
    assert _bytes(forward) == _bytes(backward)


# --- nothing lost or half-written -------------------------------------------------------------

def test_robustness_failed_write_leaves_previous_outputs_whole(nlp, articles, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    build([articles / "a-sample.txt"], out, nlp=nlp)
    before = _bytes(out)
    real_fill, calls = kg.files._fill, []

    def fill_then_fail(tmp, content, syncing):
        calls.append(tmp)
        if len(calls) == 3:  # two new files are complete, the third fails half-way
            tmp.write_text("half", encoding="utf-8")
            raise KeyboardInterrupt
        return real_fill(tmp, content, syncing)

    monkeypatch.setattr(kg.files, "_fill", fill_then_fail)
    with pytest.raises(KeyboardInterrupt):
        build([articles], out, nlp=nlp)
    assert _bytes(out) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES)


def test_robustness_killed_build_leaves_previous_outputs_whole(nlp, articles, tmp_path) -> None:
    out = tmp_path / "out"
    build([articles / "a-sample.txt"], out, nlp=nlp)
    before = _bytes(out)
    # Enough text that the build is still running when it is killed.
    bulk = tmp_path / "bulk"
    bulk.mkdir()
    for i in range(40):
        (bulk / f"{i:03d}.txt").write_text(SECOND_ARTICLE.replace("10%", f"{i + 11}%") + f"\nIssue {i}.\n", encoding="utf-8")
    kg_command = [sys.executable, "-m", "kg.cli", "-q", "build", str(bulk), "-o", str(out)]
    process = subprocess.Popen(kg_command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    # Kill as soon as the new outputs start to appear, or after 4 s of extraction.
    started = time.monotonic()
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.name.endswith(".tmp") for p in out.iterdir()) or time.monotonic() - started > 4:
            break
        time.sleep(0.002)
    assert process.poll() is None, "the build ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert _bytes(out) == before


# --- what the input looks like -----------------------------------------------------------------

def test_robustness_crlf_evidence_offsets_point_into_the_original_file(nlp, tmp_path) -> None:
    original = SECOND_ARTICLE.replace("\n", "\r\n")
    path = tmp_path / "crlf.txt"
    path.write_bytes(original.encode("utf-8"))
    graph = build([path], tmp_path / "out", nlp=nlp).graph
    assert graph.statements
    for statement in graph.statements:
        evidence = statement.evidence
        assert original[evidence.start : evidence.end] == evidence.sentence


#: JSONL ids that are no IRI segment as they are; "\ud800" (a lone surrogate) arrives as U+FFFD.
HOSTILE_IDS = ["a b", 'say "hi"', "a/b", "../../etc/passwd", "tab\there", "bell\u0001", "%zz", "nl\nx", "<script>", "..", "\ud800", 7]


def test_robustness_any_jsonl_id_builds_queries_and_round_trips(nlp, tmp_path) -> None:
    import json

    from kg.pipeline import read_extractions
    from kg.query import named_query, query_target

    records = [{"id": doc_id, "text": f"Japanese Foreign Minister Yoko Kamikawa met Australian Foreign Minister Penny Wong in Tokyo on March {n + 1}, 2026."} for n, doc_id in enumerate(HOSTILE_IDS)]
    half = len(records) // 2
    (tmp_path / "first.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records[:half]), encoding="utf-8")
    (tmp_path / "second.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records[half:]), encoding="utf-8")
    out = tmp_path / "out"
    build([tmp_path / "first.jsonl"], out, nlp=nlp)
    result = build([tmp_path / "second.jsonl"], out, nlp=nlp, into=True)  # the first half is carried on
    expected = {str(i).replace("\ud800", "\ufffd") for i in HOSTILE_IDS}
    assert {d.doc_id for d in result.graph.documents} == expected and not result.skipped
    answer = json.loads(query_target(out, named_query("documents").text, "json"))
    assert {row["doc"]["value"] for row in answer["results"]["bindings"]} == expected
    assert {e.document.doc_id for e in read_extractions(out / "extractions.jsonl")[1]} == expected
    docs = {json.loads(line)["evidence"]["doc"] for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines() if '"statement"' in line}
    assert docs and docs <= expected
    assert len(Graph().parse(out / "graph.jsonld", format="json-ld")) == len(Graph().parse(out / "graph.ttl", format="turtle"))


# --- concurrent builds into one folder -------------------------------------------------------

_PEOPLE = ["Maria Lopez", "Ahmed Khan", "Yoko Kamikawa", "Penny Wong", "Olaf Berg", "Ana Torres", "Li Wei", "Sara Cohen",
           "Raj Patel", "Ines Costa", "Tomas Novak", "Amara Okafor", "Lena Fischer", "Kofi Mensah", "Elena Petrova",
           "Jonas Berg", "Mei Tanaka", "Omar Haddad", "Lucia Romano", "Pavel Dvorak"]
_CITIES = ["Madrid", "Nairobi", "Tokyo", "Canberra", "Oslo", "Lima", "Hanoi", "Vienna", "Delhi", "Lisbon"]


def _article(i: int) -> str:
    host, guest = _PEOPLE[i], _PEOPLE[(i + 7) % len(_PEOPLE)]
    return f"Talks in {_CITIES[i % len(_CITIES)]}\n\nForeign Minister {host} met {guest} in {_CITIES[i % len(_CITIES)]} on March {i + 1}, 2026.\n"


#: The installed ``kg`` command (the CLI entry point) next to this Python, else the module.
KG = [str(Path(sys.executable).with_name("kg"))] if Path(sys.executable).with_name("kg").exists() else [sys.executable, "-m", "kg.cli"]


def _kg_process(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*KG, "-q", *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _documents(out: Path) -> list[str]:
    listed = _kg("query", str(out), "--name", "documents", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    return sorted(line.split(",")[0] for line in listed.stdout.splitlines()[1:])


@pytest.mark.model
def test_robustness_two_concurrent_into_builds_keep_every_document(tmp_path) -> None:
    for i in range(3):
        (tmp_path / f"{'abc'[i]}.txt").write_text(_article(i), encoding="utf-8")
    out = tmp_path / "out"
    first = _kg("-q", "build", str(tmp_path / "a.txt"), "-o", str(out))
    assert first.returncode == 0, first.stderr
    runs = [_kg_process("build", str(tmp_path / f"{name}.txt"), "--into", str(out)) for name in "bc"]
    assert [run.wait(timeout=300) for run in runs] == [0, 0], [run.stderr.read() for run in runs]
    assert len(_documents(out)) == 3
    # No scratch file left, beside the outputs or in the archive's kept state.
    assert sorted(p.name for p in out.iterdir()) == sorted((*OUTPUT_FILES, KEPT_FOLDER))
    assert [p.name for p in (out / KEPT_FOLDER).iterdir()] == [KEPT_FILE]


@pytest.mark.slow
@pytest.mark.model
def test_robustness_twenty_concurrent_into_builds_keep_all_twenty(tmp_path) -> None:
    out = tmp_path / "out"
    for i in range(20):
        (tmp_path / f"article-{i:02d}.txt").write_text(_article(i), encoding="utf-8")
    # The first run into an empty folder too: --into on a folder with no graph yet starts one.
    runs = [_kg_process("build", str(tmp_path / f"article-{i:02d}.txt"), "--into", str(out)) for i in range(20)]
    codes = [run.wait(timeout=900) for run in runs]
    assert codes == [0] * 20, [run.stderr.read() for run in runs if run.returncode]
    assert len(_documents(out)) == 20
    assert len((out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()) == 21  # header + 20
    assert sorted(p.name for p in out.iterdir()) == sorted((*OUTPUT_FILES, KEPT_FOLDER))
    assert [p.name for p in (out / KEPT_FOLDER).iterdir()] == [KEPT_FILE]


def test_robustness_store_on_a_full_disk_leaves_outputs_and_store_as_they_were(nlp, articles, tmp_path, monkeypatch) -> None:
    import errno

    from kg.errors import OutputError
    from kg.query import open_store

    out, store = tmp_path / "out", tmp_path / "out" / "store"
    build([articles / "a-sample.txt"], out, nlp=nlp, store=store)
    before, quads = _bytes(out), len(open_store(store))

    def full_disk(data, folder, **stamp):
        (Path(folder) / "000001.sst").write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.pipeline, "fill_store", full_disk)
    with pytest.raises(OutputError, match="store: No space left on device"):
        build([articles], out, nlp=nlp, store=store)
    assert _bytes(out) == before
    assert len(open_store(store)) == quads > 0
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_FILES, "store"])


def test_robustness_outputs_take_their_mode_from_the_umask(nlp, articles, tmp_path) -> None:
    import stat

    old = os.umask(0o027)
    try:
        build([articles / "c-third.txt"], tmp_path / "out", nlp=nlp, store=tmp_path / "out" / "store")
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()}
    assert modes == {**{name: 0o640 for name in OUTPUT_FILES}, "store": 0o750}


_KILLED_BUILD = """
import os, sys
real, calls = os.replace, []
def replace_then_die(src, dst):
    calls.append(dst)
    if len(calls) == 3:  # the journal, graph.ttl; then killed before graph.jsonld
        os._exit(9)
    real(src, dst)
os.replace = replace_then_die
from kg.cli import cli
cli(sys.argv[1:])
"""


@pytest.mark.model
def test_robustness_build_killed_between_renames_is_whole_for_the_next_reader(articles, tmp_path) -> None:
    import json

    from kg.query import named_query, query_target

    out = tmp_path / "out"
    first = _kg("-q", "build", str(articles / "a-sample.txt"), "-o", str(out))
    assert first.returncode == 0, first.stderr
    killed = subprocess.run([sys.executable, "-c", _KILLED_BUILD, "-q", "build", str(articles / "b-second.txt"), "--into", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    torn = Graph().parse(out / "graph.ttl"), Graph().parse(out / "graph.jsonld", format="json-ld")
    assert len(set(torn[0].subjects(kg.rdf.KG.docId))) == 2 and len(set(torn[1].subjects(kg.rdf.KG.docId))) == 1  # on disk: torn
    answer = json.loads(query_target(out, named_query("documents").text, "json"))  # a reader
    assert len(answer["results"]["bindings"]) == 2
    # ... which finished the commit: every file holds the second article now.
    assert len(set(Graph().parse(out / "graph.jsonld", format="json-ld").subjects(kg.rdf.KG.docId))) == 2
    assert len((out / "extractions.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    # The update kept the archive's state too, swapped in with the files.
    assert sorted(p.name for p in out.iterdir()) == sorted((*OUTPUT_FILES, KEPT_FOLDER))
    assert [p.name for p in (out / KEPT_FOLDER).iterdir()] == [KEPT_FILE]


# --- no network ---------------------------------------------------------------------------

@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test (local Unix sockets, which the
    query worker's fork server uses, are no network)."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"kg tried to use the network: {args!r}")

    def refuse_network(method):
        def connect(sock, address, *args, **kwargs):
            if sock.family == socket.AF_UNIX:
                return method(sock, address, *args, **kwargs)
            refuse(sock, address)

        return connect

    monkeypatch.setattr(socket.socket, "connect", refuse_network(socket.socket.connect))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse_network(socket.socket.connect_ex))
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_robustness_build_and_render_need_no_network(nlp, no_network, articles, tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.setattr(kg.pipeline, "load_pipeline", lambda name=None, exclude=(): nlp)
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(cli, ["-q", "build", str(articles), "-o", str(out)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["-q", "render", str(out), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["query", str(out), "--name", "meetings"])
    assert result.exit_code == 0 and "Yoko Kamikawa" in result.stdout


# --- arbitrary text -----------------------------------------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=st.text(max_size=400) | st.from_regex(r"[A-Z][a-z]+ [A-Z][a-z]+ (met|visited|criticised) [A-Z][a-z]+( in [A-Z][a-z]+)?\.", fullmatch=True))
def test_robustness_any_text_gives_a_valid_graph_or_a_kg_error(nlp, tmp_path_factory, text: str) -> None:
    folder = tmp_path_factory.mktemp("any")
    (folder / "article.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        rdf = kg.pipeline.build_graph([folder], nlp=nlp)
    except KgError:
        return
    back = Graph().parse(data=to_turtle(rdf), format="turtle")
    assert isomorphic(rdf, back)
    report = validate_graph(rdf)
    assert report.conforms, report.lines()


# --- progress and logs --------------------------------------------------------------------

def _kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=300)


@pytest.mark.model
def test_robustness_piped_build_shows_no_progress_bar_and_verbose_logs(articles, tmp_path) -> None:
    verbose = _kg("-v", "build", str(articles), "-o", str(tmp_path / "v"))
    assert verbose.returncode == 0, verbose.stderr
    assert "\r" not in verbose.stderr and "doc/s" not in verbose.stderr  # tqdm stays off when piped
    assert "kg: INFO: loaded spaCy pipeline" in verbose.stderr
    quiet = _kg("-q", "build", str(articles), "-o", str(tmp_path / "q"))
    assert quiet.returncode == 0 and quiet.stderr == ""


@pytest.mark.model
def test_robustness_build_on_a_terminal_shows_a_progress_bar(articles, tmp_path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    # A fresh pty is 0x0 characters, and tqdm draws nothing in no columns: give it 24x100.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(articles), "-o", str(tmp_path / "out")],
                               stdin=subprocess.DEVNULL, stdout=follower, stderr=follower)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=300) == 0
    os.close(leader)
    # tqdm's rate reads "doc/s" (or "s/doc" when slow) and appears nowhere else in kg's output.
    assert b"doc/s" in seen or b"s/doc" in seen, seen[-500:]


# --- a 50 MB article ------------------------------------------------------------------------

# Measured in a process of its own, by the kernel's count of its resident memory: tracemalloc
# counts only Python's allocations and made the reading ten times slower.
_READ_AND_SPLIT = """
import sys
from kg.ingest import load_documents
from kg.nlp import split_passages

def resident(field):
    return next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith(field))

before = resident("VmRSS")
[document] = load_documents([sys.argv[1]])
longest = count = 0
for passage in split_passages(document):
    longest, count = max(longest, passage.end - passage.start), count + 1
print(len(document.text), longest, count, resident("VmHWM") - before)
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak resident memory from /proc")
def test_robustness_50_mb_article_is_read_and_split_in_bounded_memory(tmp_path) -> None:
    from kg.nlp import MAX_PASSAGE_CHARS

    # Distinct paragraphs (so none is dropped as a repeat), one of them a single 1 MB line.
    sentence = "Minister {i} of Country {j} met Envoy {k} in City {j} on March {d}, 2026. "
    paragraphs = ["".join(sentence.format(i=n, j=n % 97, k=n * 7, d=n % 28 + 1) for n in range(p * 40, p * 40 + 40)) for p in range(7_000)]
    paragraphs.insert(10, "".join(sentence.format(i=n, j=1, k=2, d=3) for n in range(10**6, 10**6 + 13_000)))
    text = "\n\n".join(paragraphs)
    while len(text) < 50_000_000:
        text += "\n\n" + text[: 50_000_000 - len(text)].replace("Minister", "Ambassador").rsplit("\n\n", 1)[0]
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    size = len(text)
    del text, paragraphs

    done = subprocess.run([sys.executable, "-c", _READ_AND_SPLIT, str(tmp_path / "big.txt")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    read, longest, count, peak = map(int, done.stdout.split())
    assert size >= 50_000_000 and read == size
    assert longest <= MAX_PASSAGE_CHARS and count > 7_000
    # The text itself, the bytes it was decoded from, and bookkeeping: no copy per word.
    assert peak < 4 * size, f"peak {peak / 1e6:.0f} MB for a {size / 1e6:.0f} MB article"
