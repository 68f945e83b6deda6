"""Tests for kg.parallel and ``--jobs auto``: one process per core when the input is worth it, and
the same output whatever the number of processes."""
from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import kg.parallel
import kg.pipeline
from kg.ingest import load_documents
from kg.pipeline import OUTPUT_FILES, build
from kg.records import graph_records
from kg.resolve import resolve_graph
from kg.parallel import background_jobs, can_fork, extract_in_processes, job_count

SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLES = (
    "Japanese Foreign Minister Yoko Kamikawa met Australian Foreign Minister Penny Wong in Tokyo on Friday.\n",
    "The United States imposed a 25% tariff on Canadian steel in March 2026.\n",
    "Prime Minister Mark Carney visited Washington on Monday and met Marco Rubio.\n",
)


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), folder / "a-sample.txt")
    for i, text in enumerate(ARTICLES):
        (folder / f"article-{i}.txt").write_text(text, encoding="utf-8")
    return folder


def test_parallel_auto_takes_one_process_per_core_the_input_is_worth(monkeypatch) -> None:
    monkeypatch.setattr(kg.parallel, "usable_cpus", lambda: 4)
    per_job = kg.parallel.MIN_DOCUMENTS_PER_JOB
    assert job_count("auto", 100 * per_job) == 4
    assert job_count("auto", 2 * per_job) == 2
    assert job_count("auto", per_job - 1) == 1
    assert job_count(None, 0) == 1


def test_parallel_a_number_of_jobs_is_taken_as_given() -> None:
    assert job_count(3, 1) == 3
    assert job_count(1, 10_000) == 1


@pytest.mark.skipif(not can_fork(), reason="worker processes are forked")
def test_parallel_processes_give_the_extractions_of_one_process(nlp, articles) -> None:
    from kg.pipeline import extract_all

    documents = sorted(load_documents([articles]), key=lambda d: d.doc_id)
    forked = list(extract_in_processes(documents, nlp, 2))
    assert [e.document.doc_id for e in forked] == [d.doc_id for d in documents]
    assert list(graph_records(resolve_graph(forked))) == list(graph_records(resolve_graph(extract_all(documents, nlp, jobs=1))))


@pytest.mark.slow
@pytest.mark.skipif(not can_fork(), reason="worker processes are forked")
def test_parallel_auto_build_is_byte_identical_to_one_process(nlp, articles, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(kg.parallel, "usable_cpus", lambda: 2)
    monkeypatch.setattr(kg.parallel, "MIN_DOCUMENTS_PER_JOB", 1)
    monkeypatch.setattr(kg.parallel, "CHUNK_DOCUMENTS", 1)
    assert job_count("auto", 4) == 2
    build([articles], tmp_path / "one", nlp=nlp, jobs=1)
    build([articles], tmp_path / "auto", nlp=nlp, jobs="auto")
    for name in OUTPUT_FILES:
        assert (tmp_path / "auto" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


def test_parallel_background_takes_only_a_core_the_build_leaves_free(monkeypatch) -> None:
    monkeypatch.setattr(kg.parallel, "usable_cpus", lambda: 2)
    per_job = kg.parallel.MIN_DOCUMENTS_PER_JOB
    assert background_jobs("auto", 10) == (1 if can_fork() else 0)
    assert background_jobs("auto", 2 * per_job) == 0  # extraction would take both cores itself
    assert background_jobs(1, 10) == 0  # one process, as asked
    assert background_jobs("auto", 0) == 0
    monkeypatch.setattr(kg.parallel, "usable_cpus", lambda: 1)
    assert background_jobs("auto", 10) == 0


@pytest.mark.skipif(not can_fork(), reason="worker processes are forked")
def test_parallel_update_parsing_while_the_archive_is_read_writes_the_same_files(nlp, articles, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(kg.parallel, "usable_cpus", lambda: 2)
    started: list[int] = []

    class Watched(kg.parallel.BackgroundExtraction):
        def __init__(self, documents, *args) -> None:
            started.append(len(documents))
            super().__init__(documents, *args)

    monkeypatch.setattr(kg.pipeline, "BackgroundExtraction", Watched)
    archive = tmp_path / "archive"
    build([articles / "a-sample.txt", articles / "article-0.txt"], archive, nlp=nlp, jobs=1)
    for jobs in (1, "auto"):
        shutil.copytree(archive, tmp_path / f"grown-{jobs}")
        # article-0 is in the archive already: parsed in the background too, and left out.
        build([articles], tmp_path / f"grown-{jobs}", nlp=nlp, jobs=jobs, into=True)
    assert started == [4]
    for name in OUTPUT_FILES:
        assert (tmp_path / "grown-auto" / name).read_bytes() == (tmp_path / "grown-1" / name).read_bytes(), name


@pytest.mark.skipif(not can_fork(), reason="worker processes are forked")
def test_parallel_page_drawn_while_the_rdf_is_made_is_the_same_page(nlp, articles, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(kg.parallel, "usable_cpus", lambda: 2)
    monkeypatch.setattr(kg.pipeline, "DRAW_ELSEWHERE", 1)
    drawn: list[str] = []

    class Watched(kg.parallel.ForkedCall):
        def __init__(self, function, *args) -> None:
            drawn.append(function.__name__)
            super().__init__(function, *args)

    monkeypatch.setattr(kg.pipeline, "ForkedCall", Watched)
    build([articles], tmp_path / "one", nlp=nlp, jobs=1)
    build([articles], tmp_path / "auto", nlp=nlp, jobs="auto")
    assert drawn == ["_records_page_data"]
    for name in OUTPUT_FILES:
        assert (tmp_path / "auto" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name


def test_parallel_forked_call_error_is_raised_where_the_result_is_asked_for() -> None:
    if not can_fork():
        pytest.skip("worker processes are forked")
    call = kg.parallel.ForkedCall(int, "not a number")
    with pytest.raises(ValueError):
        call.result()


def test_parallel_forked_call_that_dies_is_an_error_not_a_wait() -> None:
    if not can_fork():
        pytest.skip("worker processes are forked")
    call = kg.parallel.ForkedCall(os._exit, 3)
    with pytest.raises(RuntimeError, match="exit code 3"):
        call.result()


def test_parallel_forked_call_closed_early_stops_at_once() -> None:
    if not can_fork():
        pytest.skip("worker processes are forked")
    call = kg.parallel.ForkedCall(time.sleep, 60)
    started = time.monotonic()
    call.close()
    assert time.monotonic() - started < 10


ZONED = (
    "Ms Zephyrine Quarrington-Blythe, chief executive of Vellomax Holdings, met Mr Oskarr Thrumbleton in Glasgow.\n",
    "Vellomax Holdings said on Tuesday that it had bought Quornwick Shipping for £40m.\n",
)


def test_parallel_extraction_here_leaves_the_pipelines_vocabulary_as_it_found_it(nlp, tmp_path) -> None:
    for i, text in enumerate(ZONED):
        (tmp_path / f"zoned-{i}.txt").write_text(text, encoding="utf-8")
    documents = list(load_documents([tmp_path]))
    strings = len(nlp.vocab.strings)
    extractions = list(kg.parallel.extract_here(documents, nlp))
    assert len(nlp.vocab.strings) == strings
    assert "Zephyrine" not in nlp.vocab.strings
    assert any(m.name == "Zephyrine Quarrington-Blythe" for m in extractions[0].mentions)
    assert extractions == list(kg.pipeline.extract_documents(kg.pipeline.parse_documents(nlp, documents), kg.pipeline.DEFAULT))
