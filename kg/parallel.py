"""Documents -> extractions in several processes: each runs spaCy and kg's extractors on a chunk.

Worker processes are forked from this one, so they share the loaded pipeline instead of loading
it again, and they send back ``Extraction`` records (a few kilobytes a document) rather than
spaCy Docs. Chunks come back in order, and a document's extraction does not depend on what else
is in its chunk, so the result equals a single process's. Where ``fork`` is not available the
caller uses spaCy's own ``n_process``.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

from spacy.language import Language

from kg.extract import DEFAULT, extract_documents
from kg.model import Document, Extraction
from kg.nlp import memory_zone, parse_documents

__all__ = [
    "AUTO", "MIN_DOCUMENTS_PER_JOB", "ZONE_DOCUMENTS", "BackgroundExtraction", "ForkedCall", "background_jobs", "can_fork", "extract_chunk",
    "extract_here", "extract_in_processes", "job_count", "usable_cpus",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: ``--jobs auto``: one process per core, as many as the work is worth.
AUTO = "auto"
#: A process is started only for at least this many documents: starting one costs about a
#: second and a copy of the pipeline's memory, which a few articles do not repay.
MIN_DOCUMENTS_PER_JOB = 40
#: Documents per task: small enough to balance two to sixteen processes, large enough for batching.
CHUNK_DOCUMENTS = 8
#: Documents a process extracting on its own parses in one memory zone: enough for spaCy's batches.
ZONE_DOCUMENTS = 64

#: The pipeline and classifier the forked workers use (set in the parent just before it forks).
_PIPELINE: tuple[Language, object] | None = None


def usable_cpus() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS and Windows
        return max(1, os.cpu_count() or 1)


def job_count(jobs: int | str | None, documents: int) -> int:
    """How many processes to run for ``documents`` documents.

    Args:
        jobs: a number, or ``"auto"`` (or None) for one per usable core, but no more than one
            per :data:`MIN_DOCUMENTS_PER_JOB` documents.
        documents: how many documents there are to extract.

    Returns:
        At least 1.

    Examples:
        >>> job_count(3, 10), job_count("auto", 1)
        (3, 1)
    """
    if jobs is None or jobs == AUTO:
        return max(1, min(usable_cpus(), documents // MIN_DOCUMENTS_PER_JOB))
    return max(1, int(jobs))


def background_jobs(jobs: int | str | None, documents: int) -> int:
    """How many processes may extract ``documents`` documents in the background while this one
    does other work: as :func:`job_count`, when ``jobs`` is ``"auto"`` and that leaves a core
    free for this process; else 0 (a number of jobs is taken as given, and where there is no
    ``fork``, spaCy's own processes have the cores).

    Examples:
        >>> background_jobs(1, 10)
        0
    """
    if (jobs is not None and jobs != AUTO) or documents == 0 or not can_fork():
        return 0
    wanted = job_count(jobs, documents)
    return wanted if wanted < usable_cpus() else 0


def can_fork() -> bool:
    """Whether worker processes can be forked (Linux and other POSIX systems)."""
    return "fork" in multiprocessing.get_all_start_methods()


def extract_in_processes(documents: Sequence[Document], nlp: Language, jobs: int, classifier: object = DEFAULT) -> Iterator[Extraction]:
    """Extractions of ``documents`` (already sorted and distinct), made by ``jobs`` forked processes.

    ``classifier`` is as for :func:`kg.extract.extract_documents`.

    Yields:
        One extraction per document, in the order of ``documents``.
    """
    global _PIPELINE
    chunks = _chunks(documents)
    _PIPELINE = (nlp, classifier)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            log.info("extracting %d documents in %d processes", len(documents), jobs)
            for extractions in pool.imap(_extract_chunk, chunks):
                yield from extractions
    finally:
        _PIPELINE = None


class BackgroundExtraction:
    """Extractions of ``documents`` (already sorted and distinct) made by ``jobs`` forked
    processes while this one goes on with other work: an update reads its archive while the new
    articles are parsed, on a core that would otherwise wait.

    The workers start at once; :meth:`result` waits for the extractions, in the order of
    ``documents``, and :meth:`close` stops the workers whether or not they were waited for.
    """

    def __init__(self, documents: Sequence[Document], nlp: Language, jobs: int, classifier: object = DEFAULT) -> None:
        global _PIPELINE
        chunks = _chunks(documents)
        _PIPELINE = (nlp, classifier)
        self._pool = multiprocessing.get_context("fork").Pool(jobs)
        log.info("extracting %d documents in %d background processes", len(documents), jobs)
        self._pending = self._pool.map_async(_extract_chunk, chunks)

    def result(self) -> list[Extraction]:
        """The extractions, once every worker is done (a worker's error is raised here)."""
        try:
            return [extraction for chunk in self._pending.get() for extraction in chunk]
        finally:
            self.close()

    def close(self) -> None:
        global _PIPELINE
        self._pool.terminate()
        self._pool.join()
        _PIPELINE = None


class ForkedCall(Generic[T]):
    """``function(*args)`` run in a forked process while this one goes on: the process has its
    own copy of the arguments (they are not pickled, however big), and only the result comes
    back. An error there is raised here when the result is asked for; a process that died
    without a result is a ``RuntimeError`` then, not a wait forever; :meth:`close` stops it at
    once (a build that fails, or is interrupted, does not wait for its page)."""

    def __init__(self, function: Callable[..., T], *args: object) -> None:
        context = multiprocessing.get_context("fork")
        self._results, sending = context.Pipe(duplex=False)
        self._process = context.Process(target=_answer, args=(sending, function, args), daemon=True)
        self._process.start()
        sending.close()  # the child's end: once it exits, a read here ends instead of waiting

    def result(self) -> T:
        try:
            try:
                failed, value = self._results.recv()
            except EOFError:
                self._process.join()
                raise RuntimeError(f"the forked process ended without a result (exit code {self._process.exitcode})") from None
            if failed:
                raise value
            return value
        finally:
            self.close()

    def close(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._results.close()


def _answer(sending, function: Callable, args: tuple) -> None:
    """A forked process's work for :class:`ForkedCall`: (False, result) or (True, error) sent back."""
    try:
        answer = (False, function(*args))
    except BaseException as err:  # noqa: BLE001 - every error is the caller's to raise
        answer = (True, err)
    sending.send(answer)
    sending.close()


def _chunks(documents: Sequence[Document]) -> list[Sequence[Document]]:
    return [documents[i : i + CHUNK_DOCUMENTS] for i in range(0, len(documents), CHUNK_DOCUMENTS)]


def _extract_chunk(documents: Sequence[Document]) -> list[Extraction]:
    assert _PIPELINE is not None, "worker started without a pipeline"
    nlp, classifier = _PIPELINE
    return extract_chunk(documents, nlp, classifier)


def extract_chunk(documents: Sequence[Document], nlp: Language, classifier: object = DEFAULT) -> list[Extraction]:
    """The extractions of ``documents``, parsed and extracted within one of spaCy's memory zones
    (:func:`kg.nlp.memory_zone`): what they add to the pipeline's vocabulary goes with their Docs."""
    with memory_zone(nlp):
        return list(extract_documents(parse_documents(nlp, documents), classifier))


def extract_here(documents: Sequence[Document], nlp: Language, classifier: object = DEFAULT) -> Iterator[Extraction]:
    """Extractions of ``documents`` (already sorted and distinct) in this process, :data:`ZONE_DOCUMENTS`
    at a time (:func:`extract_chunk`), in the order of ``documents``."""
    for start in range(0, len(documents), ZONE_DOCUMENTS):
        yield from extract_chunk(documents[start : start + ZONE_DOCUMENTS], nlp, classifier)
