"""Tests for kg.parallel and ``--jobs auto``: one process per core when the input is worth it, and
the same output whatever the number of processes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.parallel
from kg.ingest import load_documents
from kg.pipeline import OUTPUT_FILES, build
from kg.records import graph_records
from kg.resolve import resolve_graph
from kg.parallel import can_fork, extract_in_processes, job_count

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
