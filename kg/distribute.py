"""Documents -> Dask workers -> extractions -> the same graph and files as the local ``kg build``.

Documents are read on the driver, sorted by doc_id and cut into N contiguous partitions; each
partition is one Dask task that runs spaCy and kg's extractors on a worker (the pipeline is
loaded once per worker thread) and returns JSON-safe extraction records. The mentions go back
to the workers to be grouped into entities block by blocking key (:mod:`kg.blockwise`); the rest
of resolution (offices, statements) runs on the driver (:func:`kg.pipeline.assemble_graph`). The
subjects of a graph past :data:`kg.increment.ONE_PASS` go back to the workers a batch at a time
to be made into Turtle and JSON-LD texts and checked against the shapes (:class:`DaskTexts`),
and the files are written by :func:`kg.pipeline.build`, so they are byte-identical to the local
engine's.
"""
from __future__ import annotations

import json
import logging
import os
import re
import threading
import uuid
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rdflib import Graph, URIRef
from tqdm import tqdm

from kg.errors import KgError
from kg.files import Content, locked
from kg.ingest import distinct_documents
from kg.model import Document, Extraction, KnowledgeGraph
from kg.nlp import load_pipeline
from kg.pipeline import BuildResult, extract_all, extractor_stamp
from kg.pipeline import build as pipeline_build
from kg.increment import SubjectBatch, batch_texts
from kg.writers import SubjectText
from kg.records import entity_record, extraction_from_record, extraction_record, statement_id, statement_record
from kg.rdf import document_iri, entity_iri, statement_iri

if TYPE_CHECKING:
    from distributed import Client
    from spacy.language import Language

log = logging.getLogger(__name__)

__all__ = [
    "ClusterError", "DEFAULT_RETRIES", "DaskExtractor", "DaskTexts", "ENGINES", "SHARD_FILE", "build", "connect", "extract_partition",
    "local_cluster", "partition_bounds", "partition_documents", "pipelines_loaded", "shard_files", "worker_stamp",
]

ENGINES = ("local", "dask")
#: How often Dask runs a partition again after it raised; a worker that dies is replaced and
#: its partition rescheduled by the scheduler as well (``distributed.scheduler.allowed-failures``).
DEFAULT_RETRIES = 2
#: Partitions per worker thread when none are asked for: small enough to balance the load
#: and to make a retried partition cheap, large enough that each batches spaCy well.
PARTITIONS_PER_THREAD = 4
#: Seconds to wait for the first worker of a remote scheduler.
WORKER_TIMEOUT = 60
#: The shard files :func:`shard_files` writes (and :func:`build` removes when a run leaves them stale).
SHARD_FILE = re.compile(r"(?:entities|statements)-\d{5}\.jsonl|graph-\d{5}\.nt")
INSTALL_HINT = "pip install 'dask[distributed]'"
#: Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536 so that they hand memory back to the
#: OS sooner; with spaCy that costs about 20% more CPU per article (measured, benchmarks/scale.py:
#: setting it also stops glibc from raising its mmap threshold). Local clusters leave it unset;
#: see docs/scaling.md for `dask worker`.
WORKER_ENV_KEY = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"


class ClusterError(KgError):
    """The Dask cluster cannot be reached or started, or its workers cannot do the work."""


def _distributed():
    try:
        import distributed
    except ImportError as err:
        raise ClusterError(f"the Dask engine needs dask and distributed; run `{INSTALL_HINT}`") from err
    # Importing distributed sets its loggers to INFO, and a local cluster's scheduler and
    # nannies run in this process: keep their start/stop chatter out of kg's log unless -vv.
    quiet = logging.getLogger("distributed")
    if not log.isEnabledFor(logging.DEBUG) and quiet.getEffectiveLevel() < logging.WARNING:
        quiet.setLevel(logging.WARNING)
    return distributed


# --- partitions -------------------------------------------------------------------------

def partition_bounds(count: int, parts: int) -> list[tuple[int, int]]:
    """(start, end) of ``parts`` contiguous, near-equal slices of ``count`` items (the first ones one longer).

    >>> partition_bounds(5, 2)
    [(0, 3), (3, 5)]
    >>> partition_bounds(2, 3)
    [(0, 1), (1, 2), (2, 2)]
    """
    size, longer = divmod(count, parts)
    bounds, start = [], 0
    for i in range(parts):
        end = start + size + (1 if i < longer else 0)
        bounds.append((start, end))
        start = end
    return bounds


def partition_documents(documents: Iterable[Document], partitions: int) -> list[tuple[Document, ...]]:
    """Documents sorted by doc_id (one per id, as :func:`kg.pipeline.extract_all` keeps them), in
    at most ``partitions`` contiguous, non-empty partitions: the same input and N give the same cut.

    Raises:
        ValueError: ``partitions`` is less than 1.
    """
    if partitions < 1:
        raise ValueError(f"partitions must be at least 1, not {partitions}")
    ordered = distinct_documents(documents)
    bounds = partition_bounds(len(ordered), min(partitions, len(ordered)) or 1)
    return [tuple(ordered[start:end]) for start, end in bounds if end > start]


# --- what runs on a worker --------------------------------------------------------------

# (model name, thread id) -> pipeline: one load per worker thread, never per partition or
# document. Threads do not share one: spaCy does not promise that concurrent use is safe.
_PIPELINES: dict[tuple[str | None, int], Language] = {}
_PIPELINES_LOCK = threading.Lock()


def _worker_pipeline(model: str | None) -> Language:
    key = (model, threading.get_ident())
    with _PIPELINES_LOCK:
        if key not in _PIPELINES:
            _PIPELINES[key] = load_pipeline(model)
            log.info("worker %d loaded the spaCy pipeline %s", os.getpid(), model or "(default)")
        return _PIPELINES[key]


def pipelines_loaded() -> int:
    """How many spaCy pipelines this process has loaded for Dask tasks (``client.run`` it)."""
    return len(_PIPELINES)


def worker_stamp(model: str | None) -> str | KgError:
    """The extractor stamp of ``model`` on this worker (:func:`kg.pipeline.extractor_stamp`), or
    the error loading it: returned, not raised, so a mistyped ``--model`` is one line on the
    driver instead of a task failure with a traceback in every worker's log."""
    try:
        return extractor_stamp(_worker_pipeline(model))
    except KgError as err:
        return err


def extract_partition(documents: Sequence[Document], model: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The Dask task: extract one partition with this worker's pipeline.

    Returns:
        The extractor stamp and one :func:`kg.records.extraction_record` per document.

    Raises:
        ModelError: the pipeline is not installed on the worker.
    """
    nlp = _worker_pipeline(model)
    return extractor_stamp(nlp), [extraction_record(e) for e in extract_all(documents, nlp)]


# --- the driver -------------------------------------------------------------------------

@dataclass
class DaskExtractor:
    """Extract on a Dask cluster: a :class:`kg.pipeline.Extractor` for :func:`kg.pipeline.build`.

    Attributes:
        client: a connected ``distributed.Client``.
        model: spaCy pipeline name on the workers (None: the default, as locally).
        partitions: partitions per run; None gives 4 per worker thread.
        retries: times a partition is run again after it raised.
        task: the function run per partition (tests wrap :func:`extract_partition`).
    """

    client: Client
    model: str | None = None
    partitions: int | None = None
    retries: int = DEFAULT_RETRIES
    task: Callable[[Sequence[Document], str | None], tuple[str, list[dict[str, Any]]]] = extract_partition
    _stamp: str | None = field(default=None, init=False, repr=False)

    def stamp(self) -> str:
        """The workers' extractor stamp (asked once; loads the pipeline on one worker)."""
        if self._stamp is None:
            self._wait_for_workers()
            stamp = self.client.submit(worker_stamp, self.model, pure=False, key=f"kg-stamp-{uuid.uuid4().hex}").result()
            if isinstance(stamp, KgError):
                raise stamp
            self._stamp = stamp
        return self._stamp

    def extract(self, documents: list[Document], progress: bool = False) -> list[Extraction]:
        """Every document's extraction, one partition per task; retried partitions cannot
        duplicate a document because each is returned once, from the task's one result."""
        parts = partition_documents(documents, self._partitions(len(documents)))
        if not parts:
            return []
        stamp = self.stamp()
        run = uuid.uuid4().hex[:12]
        futures = {
            self.client.submit(self.task, part, self.model, key=f"kg-extract-{run}-{i:05d}", retries=self.retries, pure=False): len(part)
            for i, part in enumerate(parts)
        }
        log.info("extracting %d documents in %d partitions on %s", sum(futures.values()), len(parts), self.client.scheduler.address)
        records: list[dict[str, Any]] = []
        bar = tqdm(total=sum(futures.values()), unit="doc", desc="kg", disable=None if progress else True, leave=False)
        distributed = _distributed()
        try:
            for future in distributed.as_completed(list(futures)):
                worker_stamp_, part_records = future.result()
                if worker_stamp_ != stamp:
                    raise ClusterError(f"the workers extract with different kg or spaCy versions ({stamp!r} and {worker_stamp_!r}); install the same on every worker")
                records += part_records
                # Dropping the last reference lets the worker free the result.
                bar.update(futures.pop(future))
        except distributed.scheduler.KilledWorker as err:
            raise ClusterError(f"a partition killed every worker that ran it: {err}") from err
        finally:
            bar.close()
            if futures:
                self.client.cancel(list(futures))
        return [extraction_from_record(r) for r in records]

    def _partitions(self, count: int) -> int:
        if self.partitions is not None:
            return self.partitions
        threads = sum(self.client.nthreads().values()) or 1
        return max(1, min(count, PARTITIONS_PER_THREAD * threads))

    def _wait_for_workers(self) -> None:
        if self.client.nthreads():
            return
        try:
            self.client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
        except TimeoutError as err:
            raise ClusterError(f"no Dask worker joined the scheduler {self.client.scheduler.address} within {WORKER_TIMEOUT} s") from err


@dataclass(frozen=True)
class DaskTexts:
    """:data:`kg.increment.TextsMaker` on Dask's workers: each batch of subjects is made into
    Turtle and JSON-LD texts and checked against the shapes by one task
    (:func:`kg.increment.batch_texts`), so the driver sends records and gathers texts but
    neither builds the triples nor runs the shapes. The types of the graph's nodes, which every
    check reads, go to each worker once."""

    client: Client
    retries: int = DEFAULT_RETRIES

    def __call__(self, batches: Iterable[SubjectBatch], types: Mapping[URIRef, URIRef]) -> Iterator[dict[str, SubjectText] | None]:
        distributed = _distributed()
        # Wrapped: a dict given to scatter is scattered value by value, and one inside a list
        # reaches the workers with its IRI keys turned into plain strings, which no IRI equals.
        (shared,) = self.client.scatter([_NodeTypes(dict(types))], broadcast=True, hash=False)
        run = uuid.uuid4().hex[:12]
        # A few batches per worker thread in flight, not all: each carries its subjects' records,
        # which the driver would otherwise hold pickled for the whole graph at once.
        window = 2 * (sum(self.client.nthreads().values()) or 1)
        batches = iter(batches)
        outstanding: set = set()
        submitted = 0
        running = distributed.as_completed()

        def submit() -> bool:
            nonlocal submitted
            batch = next(batches, None)
            if batch is None:
                return False
            future = self.client.submit(_batch_texts, batch, shared, key=f"kg-texts-{run}-{submitted:05d}", retries=self.retries, pure=False)
            submitted += 1
            outstanding.add(future)
            running.add(future)
            return True

        try:
            while running.count() < window and submit():
                pass
            for future in running:
                texts = future.result()
                outstanding.discard(future)  # the last reference: the worker lets the texts go
                yield texts
                if texts is None:
                    return  # one batch breaks the shapes: the caller checks the whole graph
                submit()
        except distributed.scheduler.KilledWorker as err:
            raise ClusterError(f"a batch of subjects killed every worker that ran it: {err}") from err
        finally:
            self.client.cancel([*outstanding, shared])


@dataclass(frozen=True)
class _NodeTypes:
    types: dict[URIRef, URIRef]


def _batch_texts(batch: SubjectBatch, shared: _NodeTypes) -> dict[str, SubjectText] | None:
    return batch_texts(batch, shared.types)


@contextmanager
def local_cluster(workers: int | None = None) -> Iterator[Client]:
    """A ``distributed.LocalCluster`` of worker processes on this machine, and a client of it.

    One thread per worker (spaCy is CPU-bound), ``min(2, CPUs)`` workers unless told, no
    dashboard, and every port on 127.0.0.1 only. Closed on exit.
    """
    distributed = _distributed()
    import dask

    workers = workers or min(2, os.cpu_count() or 1)
    try:
        with warnings.catch_warnings(), dask.config.set({WORKER_ENV_KEY: None}):
            # The scheduler's small HTTP server (health checks, no dashboard) moves to a free
            # loopback port when 8787 is taken, say by another kg run; that is no news.
            warnings.filterwarnings("ignore", message="Port 8787 is already in use", category=UserWarning)
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, worker_dashboard_address=None,
            )
    except OSError as err:
        raise ClusterError(f"cannot start a local Dask cluster of {workers} workers: {err}") from err
    try:
        with distributed.Client(cluster) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def connect(scheduler: str, timeout: float = 10) -> Iterator[Client]:
    """A client of the Dask scheduler at ``scheduler`` (``tcp://HOST:8786``); the cluster stays up.

    Raises:
        ClusterError: the scheduler cannot be reached within ``timeout`` seconds.
    """
    distributed = _distributed()
    try:
        client = distributed.Client(scheduler, timeout=timeout)
    except (OSError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    try:
        yield client
    finally:
        client.close()


# --- shards -----------------------------------------------------------------------------

def shard_files(graph: KnowledgeGraph, rdf: Graph, out_dir: Path, shards: int) -> dict[Path, Content]:
    """The graph in ``shards`` pieces, for stores and tools that load files in parallel.

    Documents (by doc_id) and entities (by id) are each cut into ``shards`` contiguous ranges
    with the same rule as :func:`partition_documents`, so with ``--partitions N --shards N``
    shard i holds partition i's documents.

    - ``entities-NNNNN.jsonl``: the entity records of entity range i;
    - ``statements-NNNNN.jsonl``: the statement records of document range i; all entity files
      and then all statement files, concatenated in order, are ``statements.jsonl``;
    - ``graph-NNNNN.nt``: sorted N-Triples of every triple whose subject is a document or
      statement of document range i or an entity of entity range i (shard 0 also types the
      polarity and modality values); together they are ``graph.ttl``'s triples, each once.
    """
    doc_shard = _shard_of([d.doc_id for d in graph.documents], shards)
    entity_shard = _shard_of([e.entity_id for e in graph.entities], shards)
    statements: list[list] = [[] for _ in range(shards)]
    subject_shard: dict[URIRef, int] = {document_iri(d): i for d, i in doc_shard.items()}
    subject_shard.update({entity_iri(e): i for e, i in entity_shard.items()})
    for s in graph.statements:
        i = doc_shard[s.evidence.doc_id]
        statements[i].append(s)
        subject_shard[statement_iri(statement_id(s, graph))] = i
    triples: list[list] = [[] for _ in range(shards)]
    for triple in rdf:
        triples[subject_shard.get(triple[0], 0)].append(triple)  # type: ignore[arg-type]
    entities: list[list] = [[] for _ in range(shards)]
    for e in graph.entities:
        entities[entity_shard[e.entity_id]].append(e)
    labels = {e.entity_id: e.label for e in graph.entities}
    contents: dict[Path, Content] = {}
    for i in range(shards):
        contents[out_dir / f"entities-{i:05d}.jsonl"] = partial(_write_records, [entity_record(e) for e in entities[i]])
        contents[out_dir / f"statements-{i:05d}.jsonl"] = partial(_write_statements, statements[i], graph, labels)
        contents[out_dir / f"graph-{i:05d}.nt"] = partial(_write_ntriples, triples[i])
    return contents


def _shard_of(ids: list[str], shards: int) -> dict[str, int]:
    # ids are already sorted (assemble_graph sorts documents by id, resolve sorts entities).
    return {ids[j]: i for i, (start, end) in enumerate(partition_bounds(len(ids), shards)) for j in range(start, end)}


def _write_records(records: list[dict[str, Any]], stream: TextIO) -> None:
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")


def _write_statements(statements: list, graph: KnowledgeGraph, labels: dict[str, str], stream: TextIO) -> None:
    _write_records([statement_record(s, graph, labels) for s in statements], stream)


def _write_ntriples(triples: list, stream: TextIO) -> None:
    piece = Graph(bind_namespaces="none")
    for triple in triples:
        piece.add(triple)
    lines = sorted(line for line in piece.serialize(format="nt").splitlines() if line.strip())
    stream.write("".join(line + "\n" for line in lines))


# --- the build --------------------------------------------------------------------------

def build(
    paths: Iterable[str | PathLike[str]],
    out_dir: str | PathLike[str],
    *,
    engine: str = "dask",
    scheduler: str | None = None,
    workers: int | None = None,
    partitions: int | None = None,
    shards: int | None = None,
    model: str | None = None,
    jobs: int = 1,
    validate: bool = True,
    store: str | PathLike[str] | None = None,
    into: bool = False,
    progress: bool = False,
    relayout: bool = False,
    client: Client | None = None,
    retries: int = DEFAULT_RETRIES,
) -> BuildResult:
    """:func:`kg.pipeline.build` with extraction on Dask and, optionally, sharded outputs.

    Args:
        paths, out_dir, model, validate, store, into, progress, relayout: as :func:`kg.pipeline.build`.
        engine: ``"dask"``, or ``"local"`` for spaCy in this process (with ``jobs``).
        scheduler: address of a running Dask scheduler; None starts a local cluster.
        workers: worker processes of that local cluster (default ``min(2, CPUs)``).
        partitions: document partitions, one task each (default 4 per worker thread).
        shards: also write the graph in this many shards (see :func:`shard_files`); shard
            files a previous run left in ``out_dir`` are removed.
        jobs: spaCy processes of the local engine.
        client: use this connected client (``scheduler`` and ``workers`` are then unused).
        retries: times a partition that raised is run again.

    Returns:
        As :func:`kg.pipeline.build`; ``files`` lists the shards too.

    Raises:
        ClusterError: the scheduler cannot be reached, or a cluster cannot be started.
        InputError, ModelError, ValidationError, OutputError: as :func:`kg.pipeline.build`.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if shards is not None and shards < 1:
        raise ValueError(f"shards must be at least 1, not {shards}")
    extra = partial(shard_files, shards=shards) if shards else None
    options = dict(model=model, validate=validate, store=store, into=into, progress=progress, extra_outputs=extra, relayout=relayout)
    if engine == "local":
        with locked(out_dir):  # the build's own lock, held on until stale shards are gone
            result = pipeline_build(paths, out_dir, jobs=jobs, **options)
            _remove_stale_shards(Path(out_dir), result.files)
    elif client is not None:
        with locked(out_dir):
            result = pipeline_build(paths, out_dir, extractor=DaskExtractor(client, model, partitions, retries), resolver=_resolver(client, partitions),
                                    texts_maker=DaskTexts(client, retries), **options)
            _remove_stale_shards(Path(out_dir), result.files)
    else:
        with connect(scheduler) if scheduler else local_cluster(workers) as own, locked(out_dir):
            result = pipeline_build(paths, out_dir, extractor=DaskExtractor(own, model, partitions, retries), resolver=_resolver(own, partitions),
                                    texts_maker=DaskTexts(own, retries), **options)
            _remove_stale_shards(Path(out_dir), result.files)
    return result


def _resolver(client: Client, partitions: int | None):
    """Mentions resolved on the workers, one chunk per partition, by blocking key (kg.blockwise)."""
    from kg.blockwise import DaskResolver

    threads = sum(client.nthreads().values()) or 1
    return DaskResolver(client, chunks=partitions or PARTITIONS_PER_THREAD * threads, blocks=2 * PARTITIONS_PER_THREAD * threads)


def _remove_stale_shards(out_dir: Path, written: Iterable[Path]) -> None:
    keep = {p.name for p in written if p.parent == out_dir}
    for path in sorted(out_dir.iterdir()):
        if SHARD_FILE.fullmatch(path.name) and path.name not in keep:
            log.info("removing %s, a shard of an earlier run", path)
            path.unlink(missing_ok=True)
