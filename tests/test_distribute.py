"""Tests for kg.distribute: the Dask engine gives the local engine's files byte for byte, whatever
the partitions, also when a worker dies mid-partition; shards; the CLI's --engine dask.

One LocalCluster of two worker processes serves the module (about 2 s to start, and each
worker loads spaCy once); the CLI end-to-end test starts its own.
"""
from __future__ import annotations

import inspect
import json
import os
import sys
from functools import partial
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the Dask engine needs dask and distributed: pip install 'dask[distributed]'")

import cloudpickle  # noqa: E402  (a dependency of distributed)
from distributed import get_task_stream  # noqa: E402
import psutil  # noqa: E402  (a dependency of distributed)
from click.testing import CliRunner  # noqa: E402
from rdflib import Graph  # noqa: E402

from kg import distribute  # noqa: E402
from kg.cli import cli  # noqa: E402
from kg.errors import ModelError, ValidationError  # noqa: E402
from kg.ingest import load_documents  # noqa: E402
from kg.model import Document  # noqa: E402
from kg.pipeline import OUTPUT_FILES  # noqa: E402
from kg.pipeline import build as local_build  # noqa: E402

pytestmark = pytest.mark.model

SEEDS = Path(__file__).parent.parent / "seeds"

#: Small articles beside the seed: names shared with it and with each other, so entities are
#: resolved across partitions ("Jaishankar" here is "S. Jaishankar" of the seed article).
ARTICLES = {
    "ottawa.txt": (
        "Prime Minister Mark Carney met Chinese Premier Li Qiang in Ottawa on January 5, 2026. "
        "Minister Carney later visited Toronto. Minister Ana Torres spoke with Li Qiang.\n"
    ),
    "summit.txt": (
        "The Africa Climate Summit was hosted by Kenya in Nairobi in September 2023. "
        "Ethiopia and Nigeria attended the Africa Climate Summit.\n"
    ),
    "delhi.txt": (
        "External Affairs Minister S. Jaishankar met Li Qiang in New Delhi on March 3, 2026. "
        "Jaishankar said India hopes to visit Kenya later this year.\n"
    ),
    "tariffs.txt": (
        "The United States imposed a 25 percent tariff on Canada on February 1, 2026. "
        "Mark Carney did not meet Marco Rubio in Washington.\n"
    ),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / SEEDS.name).mkdir()
    for seed in SEEDS.glob("*.txt"):
        (folder / SEEDS.name / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_out(corpus, nlp, tmp_path_factory) -> Path:
    """The corpus built by the local engine: what every Dask run must equal."""
    out = tmp_path_factory.mktemp("local")
    local_build([corpus], out, nlp=nlp)
    return out


@pytest.fixture(scope="module")
def client(nlp):
    """A LocalCluster of two worker processes for the module (``nlp``: skip without a model)."""
    with distribute.local_cluster(workers=2) as client:
        yield client


@pytest.fixture
def runner() -> CliRunner:
    if "mix_stderr" in inspect.signature(CliRunner.__init__).parameters:
        return CliRunner(mix_stderr=False)
    return CliRunner()


def assert_same_files(left: Path, right: Path, names=OUTPUT_FILES) -> None:
    for name in names:
        assert (left / name).read_bytes() == (right / name).read_bytes(), f"{name} differs between {left} and {right}"


def test_distribute_partitions_sorted_contiguous_and_complete():
    docs = [Document(f"d{i}", f"text {i}", "x") for i in (5, 3, 1, 4, 2)]
    parts = distribute.partition_documents(docs + docs[:2], 2)
    assert [[d.doc_id for d in p] for p in parts] == [["d1", "d2", "d3"], ["d4", "d5"]]
    assert distribute.partition_documents(list(reversed(docs)), 2) == parts
    assert len(distribute.partition_documents(docs, 9)) == 5
    assert distribute.partition_documents([], 3) == []
    with pytest.raises(ValueError):
        distribute.partition_documents(docs, 0)


def test_distribute_outputs_equal_local_engine(client, corpus, local_out, tmp_path):
    assert len(distribute.partition_documents(load_documents([corpus]), 3)) == 3
    result = distribute.build([corpus], tmp_path, client=client, partitions=3)
    assert [p.name for p in result.files] == list(OUTPUT_FILES)
    assert_same_files(tmp_path, local_out)


@pytest.mark.parametrize("partitions", [1, 5])
def test_distribute_partition_count_does_not_change_output(client, corpus, local_out, tmp_path, partitions):
    distribute.build([corpus], tmp_path, client=client, partitions=partitions)
    assert_same_files(tmp_path, local_out)


def test_distribute_loads_pipeline_once_per_worker(client, corpus, tmp_path):
    distribute.build([corpus], tmp_path, client=client, partitions=5)
    loaded = client.run(distribute.pipelines_loaded)
    assert len(loaded) == 2
    assert set(loaded.values()) <= {0, 1} and sum(loaded.values()) >= 1


def test_distribute_into_equals_build_of_all(client, corpus, local_out, tmp_path):
    distribute.build([corpus / SEEDS.name], tmp_path, client=client, partitions=2)
    distribute.build([corpus], tmp_path, client=client, partitions=2, into=True)
    assert_same_files(tmp_path, local_out)


def test_distribute_shards_add_up_to_merged_files(client, corpus, local_out, tmp_path):
    result = distribute.build([corpus], tmp_path, client=client, partitions=3, shards=3)
    names = sorted(p.name for p in result.files if distribute.SHARD_FILE.fullmatch(p.name))
    assert names == sorted(f"{kind}-{i:05d}.{ext}" for i in range(3) for kind, ext in (("entities", "jsonl"), ("statements", "jsonl"), ("graph", "nt")))
    assert_same_files(tmp_path, local_out)
    jsonl = b"".join((tmp_path / f"entities-{i:05d}.jsonl").read_bytes() for i in range(3))
    jsonl += b"".join((tmp_path / f"statements-{i:05d}.jsonl").read_bytes() for i in range(3))
    assert jsonl == (local_out / "statements.jsonl").read_bytes()
    merged = Graph().parse(local_out / "graph.ttl")
    lines = [line for i in range(3) for line in (tmp_path / f"graph-{i:05d}.nt").read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(set(lines)) == len(merged)
    shards = Graph()
    for i in range(3):
        shards.parse(tmp_path / f"graph-{i:05d}.nt", format="nt")
    assert set(shards) == set(merged)
    # Each statement shard holds whole documents, in doc_id ranges that follow one another.
    ranges = []
    for i in range(3):
        records = [json.loads(line) for line in (tmp_path / f"statements-{i:05d}.jsonl").read_text(encoding="utf-8").splitlines()]
        ranges.append(sorted({r["evidence"]["doc"] for r in records}))
    assert all(ranges) and all(a[-1] < b[0] for a, b in zip(ranges, ranges[1:]))


def test_distribute_texts_of_a_big_graph_are_made_and_checked_on_the_workers(client, corpus, local_out, tmp_path, monkeypatch):
    monkeypatch.setattr("kg.increment.ONE_PASS", 10)  # "big": past ten subjects, twenty a batch
    monkeypatch.setattr("kg.increment.BATCH", 20)
    with get_task_stream(client) as tasks:
        distribute.build([corpus], tmp_path, client=client, partitions=2)
    assert_same_files(tmp_path, local_out)
    texts = [t for t in tasks.data if str(t["key"]).startswith("kg-texts-")]
    assert len({t["key"] for t in texts}) > 1 and len({t["worker"] for t in texts}) == 2


def test_distribute_a_subject_breaking_the_shapes_on_a_worker_refuses_the_graph(client, corpus, tmp_path, monkeypatch):
    import kg.rdf

    monkeypatch.setattr("kg.increment.ONE_PASS", 10)
    monkeypatch.setattr("kg.increment.BATCH", 20)
    add_entity = kg.rdf._add_entity

    def unlabelled(rdf, entity_id, kind, label, *rest):  # sent to the workers by value
        add_entity(rdf, entity_id, kind, "" if kind == "Person" else label, *rest)

    monkeypatch.setattr(kg.rdf, "_add_entity", unlabelled)
    with get_task_stream(client) as tasks, pytest.raises(ValidationError, match="prefLabel"):
        distribute.build([corpus], tmp_path, client=client, partitions=2)
    assert any(str(t["key"]).startswith("kg-texts-") for t in tasks.data)
    assert not (tmp_path / "graph.ttl").exists()


def test_distribute_fewer_shards_remove_stale_ones(client, corpus, tmp_path):
    distribute.build([corpus], tmp_path, client=client, shards=3)
    distribute.build([corpus], tmp_path, client=client, shards=2)
    assert sorted(p.name for p in tmp_path.glob("graph-*.nt")) == ["graph-00000.nt", "graph-00001.nt"]
    assert not list(tmp_path.glob("*-00002.jsonl"))


def _die_mid_partition(documents, model, marker: str):
    """The first attempt of any partition extracts one document and then kills its worker process."""
    try:
        with open(marker, "x", encoding="utf-8") as stream:
            stream.write(str(os.getpid()))
    except FileExistsError:
        return distribute.extract_partition(documents, model)
    distribute.extract_partition(documents[:1], model)
    os._exit(1)


def test_distribute_killed_worker_is_retried_without_loss(client, corpus, local_out, tmp_path):
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    marker = tmp_path / "died"
    before = set(client.run(os.getpid).values())
    extractor = distribute.DaskExtractor(client, partitions=4, task=partial(_die_mid_partition, marker=str(marker)))
    out = tmp_path / "out"
    local_build([corpus], out, extractor=extractor)
    assert_same_files(out, local_out)
    killed = int(marker.read_text(encoding="utf-8"))
    assert killed in before
    client.wait_for_workers(2, timeout=30)
    assert killed not in set(client.run(os.getpid).values())


def test_distribute_missing_model_on_workers_is_a_model_error(client, corpus, tmp_path):
    with pytest.raises(ModelError, match="no_such_pipeline"):
        distribute.build([corpus], tmp_path, client=client, model="no_such_pipeline")
    assert not list(tmp_path.iterdir())


def test_distribute_unreachable_scheduler_is_a_cluster_error():
    with pytest.raises(distribute.ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with distribute.connect("tcp://127.0.0.1:9", timeout=1):
            pass


def test_distribute_cluster_listens_on_loopback_only(client):
    assert client.scheduler.address.startswith("tcp://127.0.0.1:")
    pids = {os.getpid(), *client.run(os.getpid).values()}
    processes = [psutil.Process(pid) for pid in pids]
    # psutil 6 renamed connections() to net_connections().
    found = [c for p in processes for c in getattr(p, "net_connections", p.connections)(kind="inet")]
    listening = {c.laddr.ip for c in found if c.status == psutil.CONN_LISTEN}
    assert listening and listening <= {"127.0.0.1", "::1"}


def test_distribute_cli_uses_a_running_scheduler(runner, client, corpus, local_out, tmp_path):
    result = runner.invoke(cli, ["build", str(corpus), "-o", str(tmp_path), "--engine", "dask", "--scheduler", client.scheduler.address, "--partitions", "2", "--shards", "2"])
    assert result.exit_code == 0, result.output
    assert_same_files(tmp_path, local_out)
    assert "2 shards" in result.stderr


def test_distribute_cli_seeds_byte_identical_to_local_engine(runner, session_model, tmp_path):
    local = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path / "local")])
    assert local.exit_code == 0, local.output
    dask = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path / "dask"), "--engine", "dask", "--workers", "1"])
    assert dask.exit_code == 0, dask.output
    assert_same_files(tmp_path / "dask", tmp_path / "local")
    assert dask.stderr.splitlines()[:3] == local.stderr.splitlines()[:3]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--partitions", "2"], "--partitions needs --engine dask"),
        (["--scheduler", "tcp://127.0.0.1:9"], "--scheduler needs --engine dask"),
        (["--engine", "dask", "--jobs", "2"], "--jobs is for --engine local"),
        (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--workers", "2"], "a --scheduler has its own workers"),
        (["--engine", "spark"], "'spark' is not one of 'local', 'dask'"),
    ],
)
def test_distribute_cli_refuses_option_mixes(runner, tmp_path, args, message):
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not list(tmp_path.iterdir())


@pytest.fixture
def session_model(nlp, monkeypatch):
    """The local engine reuses the session's pipeline (the Dask workers load their own)."""
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "load_pipeline", lambda name=None, exclude=(): nlp)
    return nlp


def test_distribute_resolution_on_workers_equals_resolving_at_once(client, corpus, nlp, monkeypatch):
    from kg import blockwise
    from kg.pipeline import extract_all
    from kg.resolve import resolution_inputs, resolve_mentions

    extractions = extract_all(load_documents([corpus]), nlp)
    expected = resolve_mentions(*resolution_inputs(extractions))
    sources = [(resolution_inputs, (extractions[i::3],)) for i in range(3)]
    assert blockwise.resolve_on_dask(client, sources, blocks=4) == expected
    assert blockwise.resolve_on_dask(client, sources, blocks=4, gather=False) == blockwise.digest(expected[0])
    monkeypatch.setattr(blockwise, "MIN_DOCUMENTS", 1)  # several chunks and blocks even for five articles
    assert blockwise.DaskResolver(client, chunks=3, blocks=4)(*resolution_inputs(extractions)) == expected
