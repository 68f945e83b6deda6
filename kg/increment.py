"""A graph's output texts made one subject at a time, and kept, so that ``kg build --into`` makes again only what new articles change.

A build keeps :data:`CACHE_FILE` beside its outputs: for every part of the RDF
(:func:`kg.rdf.rdf_parts`: a document, an entity, a statement, an entity's counts) the
subjects its triples are on, and for every subject the parts that make its triples, in order,
and where its shares of ``graph.ttl`` and ``graph.jsonld`` are in those files, in bytes
(:class:`SubjectEntry`; the files' sizes and CRC-32s tell whether they are still the ones the
cache was written with; an update reads the shares from them, :class:`ShareFiles`), and a key
for each line of ``statements.jsonl`` (:func:`kg.records.record_keys`), so that an update
copies the lines whose key it already has. An
update resolves the whole graph again (cheap, and what keeps its answers those of a build
from scratch), then makes RDF, texts and the SHACL check
only for the subjects whose parts changed, and puts the files together from the shares. Both
a build and an update make their files this way, so a graph grown article by article is the
graph built at once, byte for byte (tests/test_increment.py).

A subject's check is reused only while its parts are the same; a part's key covers its
record, the names it copies and the types of the nodes it points to, and the cache is dropped
when kg (its version, or the code that writes and checks RDF), the shapes or the JSON-LD
context change. The shapes read nothing of another node but
its type (``sh:class``, through ``sh:node`` and ``sh:or``), which is what the changed subjects
are checked with; a shape that read more of another node would need that in the view and in
the keys of the parts that point to it.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import sys
import tempfile
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from operator import attrgetter
from os import PathLike
from pathlib import Path
from typing import BinaryIO, TextIO

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg import __version__
from kg.files import LinesInFile, line_places, read_as_it_is, stream_identity, write_bytes, write_lines
from kg.model import KnowledgeGraph
from kg.rdf import RdfPart, jsonld_context, new_graph, node_types, rdf_parts, record_parts
from kg.records import record_keys, record_lines
from kg.validate import nodes_conform, shapes_digest
from kg.vocab import RDF
from kg.writers import JSONLD_SEPARATOR, JSONLD_TAIL, SubjectText, jsonld_head, subject_index, subject_texts, turtle_head, turtle_order

__all__ = [
    "CACHE_FILE", "JSONLD_FILE", "RECORDS_FILE", "TURTLE_FILE", "GraphTexts", "OutputCache", "ShareFiles", "SubjectBatch", "SubjectEntry", "TextsMaker",
    "batch_texts", "earlier_lines", "graph_texts", "make_texts", "read_cache", "texts_of_parts", "write_cache",
]

#: Kept in a build's output folder for the next ``--into``.
CACHE_FILE = "update.cache.jsonl"
#: The files the cache's subjects' shares are read from (the build writes them beside it).
TURTLE_FILE = "graph.ttl"
JSONLD_FILE = "graph.jsonld"
#: The graph's JSON records (:func:`kg.records.record_lines`), whose lines an update copies.
RECORDS_FILE = "statements.jsonl"
_FORMAT = 4


class ShareFiles:
    """Two files holding subjects' shares of ``graph.ttl`` and ``graph.jsonld`` as the bytes
    written there, open for reading while a build needs them: the last build's two files (for an
    update's unchanged subjects, :func:`read_cache`), or two temporary files the shares made in
    this run are added to (:class:`_Spool`). A build holds where each share is, not its text,
    which grew with the corpus (27 MB at 1,600 articles in a build from scratch, 33 MB in an
    update)."""

    def __init__(self, files: tuple[BinaryIO, BinaryIO]) -> None:
        self.files = files
        weakref.finalize(self, _close_all, files)

    def read(self, which: int, at: int, size: int) -> bytes:
        """``size`` bytes from ``at`` in the Turtle (0) or JSON-LD (1) file."""
        stream = self.files[which]
        stream.seek(at)
        data = stream.read(size)
        if len(data) != size:
            raise OSError(f"{getattr(stream, 'name', 'a share file')}: shorter than when it was read")
        return data


def _close_all(files: Iterable[BinaryIO]) -> None:
    for stream in files:
        stream.close()


class _OldShares(ShareFiles):
    """The last build's ``graph.ttl`` and ``graph.jsonld``, held open as they were read (the
    update replaces them by renaming, so these stay the files read), and refused once changed in
    place by another program since they were opened (``identities``: :func:`kg.files.stream_identity`
    of each, then)."""

    def __init__(self, files: tuple[BinaryIO, BinaryIO], identities: tuple[tuple[int, ...], tuple[int, ...]]) -> None:
        super().__init__(files)
        self.identities = identities

    def read(self, which: int, at: int, size: int) -> bytes:
        if stream_identity(self.files[which]) != self.identities[which]:
            raise OSError(f"{self.files[which].name} changed since the update read it")
        return super().read(which, at, size)


class _Spool(ShareFiles):
    """Two temporary files the shares made in this run are added to, in ``folder`` (the system's
    temporary folder by default): files without a name, gone when closed or when the process
    ends however it ends."""

    def __init__(self, folder: str | PathLike[str] | None = None) -> None:
        super().__init__((tempfile.TemporaryFile(dir=folder), tempfile.TemporaryFile(dir=folder)))
        self.ends = [0, 0]
        self.reading = False

    def entry(self, parts: tuple[str, ...], text: SubjectText) -> SubjectEntry:
        """``text``'s entry, its shares added to the files as the bytes the files will hold."""
        if self.reading:  # a read moved the files' positions: back to their ends
            for stream in self.files:
                stream.seek(0, os.SEEK_END)
            self.reading = False
        # graph.jsonld's writer replaces a lone surrogate (graph.ttl's shares come replaced).
        turtle, jsonld = text.turtle.encode("utf-8"), text.jsonld.encode("utf-8", "replace")
        (turtle_at, jsonld_at), self.ends = self.ends, [self.ends[0] + len(turtle), self.ends[1] + len(jsonld)]
        self.files[0].write(turtle)
        self.files[1].write(jsonld)
        return SubjectEntry(parts, text.prefixes, text.points_to, text.jsonld_id, text.triples, self, turtle_at, len(turtle), jsonld_at, len(jsonld))

    def read(self, which: int, at: int, size: int) -> bytes:
        self.reading = True
        return super().read(which, at, size)


@dataclass(frozen=True, eq=False, slots=True)
class SubjectEntry:
    """What a build made of one subject: its parts' keys in order, what :class:`kg.writers.SubjectText`
    says of it, and where its shares of ``graph.ttl`` and ``graph.jsonld`` are (in ``shares``).

    Two entries are equal when all of that but where the shares are is, their bytes included.
    """

    parts: tuple[str, ...]
    prefixes: tuple[str, ...]
    points_to: tuple[str, ...]
    jsonld_id: str
    triples: int
    shares: ShareFiles
    turtle_at: int
    turtle_size: int
    jsonld_at: int
    jsonld_size: int

    @property
    def turtle(self) -> str:
        """Its Turtle block."""
        return self.shares.read(0, self.turtle_at, self.turtle_size).decode("utf-8")

    @property
    def jsonld(self) -> str:
        """Its JSON-LD node."""
        return self.shares.read(1, self.jsonld_at, self.jsonld_size).decode("utf-8")

    def _said(self) -> tuple:
        return self.parts, self.prefixes, self.points_to, self.jsonld_id, self.triples

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SubjectEntry):
            return NotImplemented
        return self._said() == other._said() and (self.turtle, self.jsonld) == (other.turtle, other.jsonld)


#: Where an entry's share of each file is.
_SHARE_PLACES = ((attrgetter("turtle_at"), attrgetter("turtle_size")), (attrgetter("jsonld_at"), attrgetter("jsonld_size")))

#: A piece of an output file: the subjects whose shares start in it, each with where in it (by
#: the subject's position in the cache), and its bytes.
_Piece = tuple[list[tuple[int, int]], bytes]


def _share_pieces(entries: list[SubjectEntry], order: list[int], which: int, separator: bytes) -> Iterator[_Piece]:
    """The shares of ``entries`` in ``order`` in the Turtle (0) or JSON-LD (1) file, with
    ``separator`` between two, in pieces. Shares that follow each other in the file they are
    read from as they will in the new one (the separator between them) are read in one call and
    given as one piece, up to a megabyte: an update copies the last build's files a block at a
    time, not a subject at a time."""
    at, size = _SHARE_PLACES[which]
    step = len(separator)
    i, count = 0, len(order)
    while i < count:
        first = entries[order[i]]
        source, start = first.shares, at(first)
        end = start + size(first)
        j = i + 1
        while j < count and end - start < _PIECE:
            entry = entries[order[j]]
            if entry.shares is not source or at(entry) != end + step:
                break
            end = at(entry) + size(entry)
            j += 1
        block = source.read(which, start, end - start)
        placed = [(order[k], at(entries[order[k]]) - start) for k in range(i, j)]
        # Between two shares of one piece is what the file held between them: the separator, in
        # a file this kg wrote (its CRC-32 was checked). A temporary file holds the shares with
        # nothing between them, so its JSON-LD nodes are never one piece, its Turtle blocks may be.
        if step and any(block[offset - step : offset] != separator for _, offset in placed[1:]):
            raise OSError(f"{getattr(source.files[which], 'name', 'a share file')}: not the file its shares were read from")
        if i and step:
            yield [], separator
        yield placed, block
        i = j


@dataclass(frozen=True)
class OutputCache:
    """The subjects of the last build (see the module's docstring)."""

    stamp: str
    namespaces: Mapping[str, str]
    part_subjects: Mapping[str, tuple[str, ...]]
    subjects: Mapping[str, SubjectEntry]
    #: Whether every subject passed the shapes (not after ``kg build --no-validate``).
    checked: bool = True
    #: Where each subject's line is in the cache file it was read from, for the entries carried
    #: over unchanged (copied as they are).
    lines: LinesInFile | None = field(default=None, compare=False, repr=False)
    #: Where each part's line is, likewise.
    part_lines: LinesInFile | None = field(default=None, compare=False, repr=False)
    #: File name -> (size, CRC-32) of the ``graph.ttl`` and ``graph.jsonld`` the shares were read from.
    files: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    #: The key of each line of ``statements.jsonl`` (:func:`kg.records.record_keys`).
    records: tuple[str, ...] = ()
    #: The last build's ``statements.jsonl`` with its size and CRC-32, when it is still the file
    #: the keys are of (its lines are read while the new file is written, never held whole).
    records_file: tuple[Path, int, int] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class GraphTexts:
    """A graph's ``graph.ttl`` and ``graph.jsonld`` texts, its number of triples, and the cache
    for the next update.

    The texts are put together from the subjects' shares (:class:`ShareFiles`) as they are
    read (:meth:`turtle_chunks`, :meth:`write_turtle`), so that a build holds neither the two
    files nor the shares they are made of.
    """

    triples: int
    cache: OutputCache
    #: The whole graph's RDF, when the caller asked for it (``keep_rdf``); else None.
    rdf: Graph | None
    #: The subjects whose texts and check were made in this run (the others came from the
    #: cache), and those of the last build no longer in the graph.
    changed: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()
    #: (size, CRC-32) of the ``graph.ttl`` the last build's texts were read from; None for a build from scratch.
    previous_turtle: tuple[int, int] | None = None
    #: The last build's records: the key of each line and the file (:attr:`OutputCache.records_file`).
    previous_records: tuple[tuple[str, ...], tuple[Path, int, int] | None] = field(default=((), None), compare=False, repr=False)
    #: File name -> where each subject's share starts in it (none in ``statements.jsonl``) and
    #: its size and CRC-32, found as it was written (:meth:`_placed`, :meth:`write_records`), for
    #: the cache written after the files.
    _written: dict[str, tuple[list[int], tuple[int, int]]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def remade(self) -> int:
        """How many subjects' texts and checks were made in this run."""
        return len(self.changed)

    def turtle_chunks(self) -> Iterator[bytes]:
        """``graph.ttl``'s bytes, in pieces."""
        return (piece for _, piece in self._turtle_pieces())

    def jsonld_chunks(self) -> Iterator[bytes]:
        """``graph.jsonld``'s bytes, in pieces."""
        return (piece for _, piece in self._jsonld_pieces())

    @functools.cached_property
    def _entries(self) -> list[SubjectEntry]:
        return list(self.cache.subjects.values())

    @functools.cached_property
    def _turtle_order(self) -> list[int]:
        # Worked out once (50 ms at 1,600 articles) for the page's copy, the file and the
        # places the cache keeps.
        return turtle_order(self._entries, self.cache.subjects)  # type: ignore[arg-type]

    @functools.cached_property
    def _jsonld_order(self) -> list[int]:
        entries = self._entries
        return sorted(range(len(entries)), key=lambda i: entries[i].jsonld_id)

    def _turtle_pieces(self) -> Iterator[_Piece]:
        """``graph.ttl`` in pieces (:data:`_Piece`)."""
        entries, order = self._entries, self._turtle_order
        yield [], turtle_head(dict(self.cache.namespaces), entries).encode("utf-8")  # type: ignore[arg-type]
        yield from _share_pieces(entries, order, 0, b"")
        yield [], b"\n"

    def _jsonld_pieces(self) -> Iterator[_Piece]:
        """``graph.jsonld`` in pieces (:data:`_Piece`)."""
        yield [], jsonld_head(jsonld_context()).encode("utf-8")
        yield from _share_pieces(self._entries, self._jsonld_order, 1, JSONLD_SEPARATOR.encode("utf-8"))
        yield [], JSONLD_TAIL.encode("utf-8")

    @property
    def turtle(self) -> str:
        """``graph.ttl``'s text (made again on every read)."""
        return b"".join(self.turtle_chunks()).decode("utf-8")

    @property
    def jsonld(self) -> str:
        """``graph.jsonld``'s text (made again on every read)."""
        return b"".join(self.jsonld_chunks()).decode("utf-8")

    def _placed(self, name: str, stream: TextIO | None = None) -> tuple[list[int], tuple[int, int]]:
        """Where each subject's share starts in the file ``name`` (in bytes), and the file's size
        and CRC-32: found while the file is written into ``stream``, or else put together for them."""
        if stream is None and name in self._written:
            return self._written[name]
        pieces = self._turtle_pieces() if name == TURTLE_FILE else self._jsonld_pieces()
        found = self._written[name] = _places(pieces, len(self._entries), stream)
        return found

    @property
    def turtle_file(self) -> tuple[int, int]:
        """The size and CRC-32 of ``graph.ttl`` as :meth:`write_turtle` writes it."""
        return self._placed(TURTLE_FILE)[1]

    def changed_turtle(self) -> str:
        """The Turtle of the subjects whose texts were made in this run: every triple of theirs."""
        subjects = self.cache.subjects
        entries = [subjects[s] for s in self.changed]
        return turtle_head(dict(self.cache.namespaces), entries) + "".join(entry.turtle for entry in entries)  # type: ignore[arg-type]

    def write_turtle(self, stream: TextIO) -> None:
        self._placed(TURTLE_FILE, stream)

    def write_jsonld(self, stream: TextIO) -> None:
        self._placed(JSONLD_FILE, stream)

    def write_records(self, graph: KnowledgeGraph, stream: TextIO) -> None:
        """``statements.jsonl`` of ``graph`` (the graph these texts are of), copying the last
        build's lines whose key is unchanged; its size and CRC-32 go into the cache written next."""
        with _OldLines(*self.previous_records) as previous:
            self.write_record_lines(record_lines(graph, self.cache.records, previous), stream)

    def write_record_lines(self, lines: Iterable[str], stream: TextIO) -> None:
        """``statements.jsonl`` from its lines, made elsewhere (``kg.partkeys.KeptGraph.record_lines``)."""
        self._written[RECORDS_FILE] = [], _write_text(lines, stream)


def earlier_lines(previous: OutputCache) -> _OldLines:
    """The lines of the ``statements.jsonl`` that ``previous`` was written with, by key, to be
    asked for in the order of the lines (a context manager: None when there are none); what an
    update from the kept state reads before its texts are made, to draw its page meanwhile."""
    return _OldLines(previous.records, previous.records_file)


@functools.lru_cache(maxsize=1)
def cache_stamp() -> str:
    """What the cache's texts and checks depend on beyond the records: kg's version and the code
    that makes, writes and checks the RDF, the shapes, the JSON-LD context."""
    context = json.dumps(jsonld_context(), sort_keys=True)
    return (f"{_FORMAT}; kg {__version__}; code {_code_digest()}; shapes {shapes_digest()}; "
            f"context {hashlib.blake2b(context.encode(), digest_size=8).hexdigest()}")


def _code_digest() -> str:
    """A digest of the modules whose code decides the texts and checks (an edited checkout keeps
    its version number)."""
    digest = hashlib.blake2b(digest_size=8)
    for module in ("rdf", "writers", "increment", "shacl", "validate", "vocab", "records", "model"):
        digest.update(resources.files("kg").joinpath(f"{module}.py").read_bytes())
    return digest.hexdigest()


class _Subjects:
    """Stands in for a graph to learn which subjects a part writes to (and passes the triples on
    to ``graph``, when given)."""

    def __init__(self, graph: Graph | _Index | None = None) -> None:
        self.found: dict[str, None] = {}
        self.graph = graph

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self.found[str(triple[0])] = None
        if self.graph is not None:
            self.graph.add(triple)


class _Index:
    """Stands in for a graph to collect triples as :func:`kg.writers.subject_index` reads them
    from rdflib's in-memory store (subject -> predicate -> objects, each once, in the order
    added), without the store's other two indexes and its contexts, which the batches of a build
    do not read: a third of what making their RDF cost."""

    def __init__(self) -> None:
        self.spo: dict[Node, dict[Node, dict[Node, None]]] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        by_predicate = self.spo.get(s)
        if by_predicate is None:
            by_predicate = self.spo[s] = {}
        objects = by_predicate.get(p)
        if objects is None:
            objects = by_predicate[p] = {}
        objects[o] = None

    def index(self) -> dict[Node, dict[Node, list[Node]]]:
        return {s: {p: list(objects) for p, objects in by_predicate.items()} for s, by_predicate in self.spo.items()}


#: Subjects whose triples a build from scratch keeps from the pass that learns each part's
#: subjects, so that it writes each part once: 10,000 subjects (about 700 articles) are some
#: 110,000 triples in a :class:`_Index`.
ONE_PASS = 10_000
#: Subjects made at a time past :data:`ONE_PASS`: the triples of one batch are in memory, not
#: the graph's (whose rdflib graph was a quarter of a 1,600-article build's peak, and grows with
#: the corpus). 2,000 rather than 10,000 takes 44 MB off the peak at 1,600 articles, in the same
#: time. Texts and checks are per subject, so the batches do not change them.
BATCH = 2_000


def graph_texts(
    graph: KnowledgeGraph, previous: OutputCache | None = None, check: bool = True, keep_rdf: bool = False, maker: TextsMaker | None = None,
    keep: Callable[[], None] | None = None, folder: str | PathLike[str] | None = None,
) -> GraphTexts | None:
    """The output texts of ``graph``, reusing ``previous``'s for the subjects whose parts are unchanged.

    ``check``: check the subjects made in this run against the shapes. ``keep_rdf``: make the
    whole graph's RDF in one rdflib graph, and return it (for outputs that need it), instead of
    :data:`BATCH` subjects at a time (a graph of at most :data:`ONE_PASS` subjects in one).
    ``maker``: where the batches are made and checked (:func:`make_texts`, in this process, by
    default; ``kg.distribute.DaskTexts`` on a cluster's workers). ``keep``: called once the parts,
    their keys and the subjects' lists are made, before the batches: what exists then lives to
    the end of a build, which ``kg.pipeline`` keeps out of the collections (``gc.freeze``), so that
    the young collection after each batch scans that batch's objects only. ``folder``: where the
    shares made are kept until the files are written (:class:`_Spool`; the build's output folder,
    whose disk takes the files anyway).

    Returns:
        The texts, or None when the subjects made in this run break the shapes (or the graph has
        something the fast writers leave to rdflib): the caller then builds and checks the whole
        RDF, which says what is wrong.
    """
    made_parts = rdf_parts(graph)
    parts: dict[str, RdfPart] = {}
    for part in made_parts:
        parts.setdefault(part.key, part)  # an identical record adds nothing more
    records = tuple(record_keys(graph, *record_parts(made_parts)))
    del made_parts
    return texts_of_parts(list(parts), lambda keys: [parts[key] for key in keys], records, lambda: node_types(graph), previous, check, keep_rdf, maker, keep, folder)


def texts_of_parts(
    keys: list[str], make: Callable[[list[str]], list[RdfPart]], records: tuple[str, ...], types_of: Callable[[], Mapping[URIRef, URIRef]],
    previous: OutputCache | None = None, check: bool = True, keep_rdf: bool = False, maker: TextsMaker | None = None,
    keep: Callable[[], None] | None = None, folder: str | PathLike[str] | None = None,
) -> GraphTexts | None:
    """:func:`graph_texts` of a graph given as the keys of its distinct RDF parts, in
    :func:`kg.rdf.rdf_parts`' order, with ``make`` to make the parts of some keys (only those
    whose subjects the cache does not know, and all the parts of the subjects made again),
    the key of each line of ``statements.jsonl`` and ``types_of`` to give the type of every node:
    what a kept archive (``kg.partkeys``) gives without the graph."""
    stamp = cache_stamp()
    if previous is not None and (previous.stamp != stamp or (check and not previous.checked)):
        previous = None  # texts of other code, or subjects no one checked: all made again
    part_subjects: dict[str, tuple[str, ...]] = {}
    whole = new_graph() if keep_rdf else None
    # A build from scratch of a graph of at most one batch of subjects keeps the triples the
    # first pass makes, and so writes each part once; past a batch it lets them go.
    early = _Index() if whole is None and previous is None else None
    needed = keys if whole is not None or previous is None else [key for key in keys if key not in previous.part_subjects]
    made_now = dict(zip(needed, make(needed)))
    for key in keys:
        known = previous.part_subjects.get(key) if previous is not None else None
        if known is None:
            recorder = _Subjects(whole if whole is not None else early)  # learns which subjects the part writes to
            made_now[key].write(recorder)  # type: ignore[arg-type]
            known = tuple(recorder.found)
            if early is not None and len(early.spo) > ONE_PASS:
                early = None
        elif whole is not None:
            made_now[key].write(whole)
        part_subjects[key] = known
    subject_parts: dict[str, list[str]] = {}
    for key, subjects in part_subjects.items():
        for subject in subjects:
            subject_parts.setdefault(subject, []).append(key)
    if len(subject_parts) < 2:
        return None  # rdflib writes a lone node's JSON-LD without "@graph": its writers, not ours
    old = previous.subjects if previous is not None else {}
    changed = [s for s, listed in subject_parts.items() if s not in old or old[s].parts != tuple(listed)]
    types = types_of()
    made: dict[str, SubjectEntry] = {}
    spool = _Spool(folder) if changed else None

    def keep_made(texts: dict[str, SubjectText]) -> None:
        assert spool is not None
        for subject, text in texts.items():
            made[subject] = spool.entry(tuple(subject_parts[subject]), text)

    names = new_graph()  # the prefixes the writers name IRIs with, when there is no whole graph
    if whole is not None or early is not None:
        # The one batch: every subject's triples are in the whole graph, or were kept from the
        # pass above.
        rdf, index = (whole, subject_index(whole)) if whole is not None else (names, early.index())  # type: ignore[union-attr]
        texts = _checked_texts(rdf, index, changed, types, check)
        if texts is None:
            return None
        keep_made(texts)
    else:
        order = {key: i for i, key in enumerate(keys)}
        if keep is not None:
            keep()

        def batch(subjects: list[str]) -> SubjectBatch:
            # The whole of each subject of the batch, its parts in the order a build writes
            # them, so its values come in the same order.
            needed = sorted({key for s in subjects for key in subject_parts[s]}, key=order.__getitem__)
            fresh = [key for key in needed if key not in made_now]
            made_now.update(zip(fresh, make(fresh)))
            return SubjectBatch(tuple(subjects), tuple(made_now[key].write for key in needed), check)

        batches = (batch(changed[start : start + BATCH]) for start in range(0, len(changed), BATCH))
        for texts in (maker or make_texts)(batches, types):
            if texts is None:
                return None
            keep_made(texts)
            # What a batch leaves is garbage now, some of it in cycles (the writers' graphs): a
            # build makes the texts with the collector paused (kg.pipeline), so that it does not
            # scan the records' parts again and again, and this pass over the young objects
            # frees them (at 1,600 articles the texts take 8 s instead of 10, 6 MB more at peak).
            gc.collect(0)
    namespaces = {prefix: str(namespace) for prefix, namespace in names.namespaces()}
    entries = {s: made[s] if s in made else old[s] for s in subject_parts}
    lines = previous.lines.keeping(s for s in entries if s not in made) if previous is not None and previous.lines is not None else None
    part_lines = previous.part_lines.keeping(part_subjects) if previous is not None and previous.part_lines is not None else None
    return GraphTexts(
        triples=sum(entry.triples for entry in entries.values()),
        cache=OutputCache(stamp, namespaces, part_subjects, entries, check and (previous is None or previous.checked), lines, part_lines, records=records),
        rdf=whole,
        changed=tuple(made),
        dropped=tuple(s for s in old if s not in entries),
        previous_turtle=previous.files.get(TURTLE_FILE) if previous is not None else None,
        previous_records=(previous.records, previous.records_file) if previous is not None else ((), None),
    )


def _with_types(index: dict, focus: set[Node], types: Mapping[URIRef, URIRef]) -> dict:
    """The focus nodes' triples, and the type of every node they point to (all the shapes read)."""
    view = {node: index[node] for node in focus if node in index}
    for by_predicate in list(view.values()):
        for objects in by_predicate.values():
            for o in objects:
                if o not in view and o in types:
                    view[o] = {RDF.type: [types[o]]}
    return view


@dataclass(frozen=True)
class SubjectBatch:
    """Subjects whose texts are made and checked together, with every part that writes their
    triples (in the order a build writes them): all a worker needs of the graph for them but the
    types of the nodes they point to."""

    subjects: tuple[str, ...]
    writes: tuple[Callable[[Graph], None], ...]
    check: bool = True


#: Makes the texts of batches of subjects, given the type of every node (``rdf:type``), and
#: yields each batch's texts (None for a batch that breaks the shapes, after which it may stop),
#: in any order: :func:`make_texts` here, or ``kg.distribute.DaskTexts`` on Dask's workers.
TextsMaker = Callable[[Iterable[SubjectBatch], Mapping[URIRef, URIRef]], Iterable["dict[str, SubjectText] | None"]]


def make_texts(batches: Iterable[SubjectBatch], types: Mapping[URIRef, URIRef]) -> Iterator[dict[str, SubjectText] | None]:
    """The :data:`TextsMaker` of a build in one process: one batch after the other."""
    return (batch_texts(batch, types) for batch in batches)


def batch_texts(batch: SubjectBatch, types: Mapping[URIRef, URIRef]) -> dict[str, SubjectText] | None:
    """The texts of a batch's subjects, checked against the shapes when ``batch.check``; None
    when one breaks them (or has something the fast writers leave to rdflib).

    A subject's check reads its own triples and the types of the nodes they point to, nothing
    else, so batches can be checked anywhere and in any order with the same answer.
    """
    collected = _Index()
    for write in batch.writes:
        write(collected)  # type: ignore[arg-type]
    return _checked_texts(new_graph(), collected.index(), batch.subjects, types, batch.check)


def _checked_texts(rdf: Graph, index: dict, subjects: Iterable[str], types: Mapping[URIRef, URIRef], check: bool) -> dict[str, SubjectText] | None:
    """The texts of ``subjects`` from their triples in ``index`` (prefixes from ``rdf``), after
    they passed the shapes when ``check``; None when one breaks them (or needs rdflib's writers)."""
    focus: set[Node] = {URIRef(s) for s in subjects}
    if check and not nodes_conform(_with_types(index, focus, types), focus):
        return None
    return subject_texts(rdf, jsonld_context(), index, focus)


def write_cache(texts: GraphTexts, stream: TextIO) -> None:
    """``texts.cache`` as JSON Lines: a header, one array per part (key, subjects), one per
    subject (IRI, its parts' keys, then :class:`kg.writers.SubjectText`'s fields in order, with
    the sizes of its shares in bytes for the shares themselves), and a last line with where each
    subject's shares start in ``graph.ttl`` and ``graph.jsonld`` (in bytes).

    The shares are not copied into the cache: they are in the two files, written from the same
    ``texts`` (:meth:`GraphTexts.write_turtle`), whose sizes and CRC-32s the header keeps, so
    that :func:`read_cache` reads them back from there only while the files are those.
    """
    cache = texts.cache
    dumps = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
    turtle_starts, turtle_file = texts._placed(TURTLE_FILE)
    jsonld_starts, jsonld_file = texts._placed(JSONLD_FILE)
    header = {"kind": "header", "stamp": cache.stamp, "namespaces": dict(cache.namespaces), "parts": len(cache.part_subjects),
              "subjects": len(cache.subjects), "checked": cache.checked, TURTLE_FILE: turtle_file, JSONLD_FILE: jsonld_file}
    if RECORDS_FILE in texts._written:
        # Only when statements.jsonl was written from these texts (and so is what the keys are of).
        header[RECORDS_FILE] = texts._written[RECORDS_FILE][1]
    stream.write(dumps(header) + "\n")
    def part_line(key: str, subjects: tuple[str, ...]) -> str:
        return dumps([key, subjects]) + "\n"

    def subject_line(subject: str, e: SubjectEntry) -> str:
        return dumps([subject, e.parts, e.turtle_size, e.prefixes, e.points_to, e.jsonld_id, e.jsonld_size, e.triples]) + "\n"

    write_lines(stream, ((key, functools.partial(part_line, key, subjects)) for key, subjects in cache.part_subjects.items()), cache.part_lines)
    write_lines(stream, ((subject, functools.partial(subject_line, subject, entry)) for subject, entry in cache.subjects.items()), cache.lines)
    stream.write(dumps({TURTLE_FILE: turtle_starts, JSONLD_FILE: jsonld_starts}) + "\n")
    stream.write(dumps(cache.records) + "\n")


def _places(pieces: Iterable[_Piece], count: int, stream: TextIO | None = None) -> tuple[list[int], tuple[int, int]]:
    """Where each of ``count`` subjects' shares starts in the file of ``pieces`` (in bytes) and
    the file's [size, CRC-32]; the pieces are written into ``stream`` on the way, when given."""
    starts = [0] * count
    position = size = crc = 0
    run: list[bytes] = []
    length = 0
    for placed, piece in pieces:
        for subject, offset in placed:
            starts[subject] = position + offset
        position += len(piece)
        # Joined a megabyte at a time: one piece at a time is up to 35,000 calls at 1,600 articles.
        run.append(piece)
        length += len(piece)
        if length >= _PIECE:
            size, crc = _write_run(stream, b"".join(run), size, crc)
            run, length = [], 0
    size, crc = _write_run(stream, b"".join(run), size, crc)
    return starts, (size, crc)


_PIECE = 1 << 20


def _write_text(lines: Iterable[str], stream: TextIO) -> tuple[int, int]:
    """Write ``lines`` into ``stream``, encoded a megabyte at a time (one line at a time is
    16,000 calls at 1,600 articles, the whole file at once a copy of it), and return the written
    file's size and CRC-32."""
    size = crc = 0
    run: list[str] = []
    length = 0
    for line in lines:
        run.append(line)
        length += len(line)
        if length >= _PIECE:
            size, crc = _write_run(stream, "".join(run).encode("utf-8"), size, crc)
            run, length = [], 0
    return _write_run(stream, "".join(run).encode("utf-8"), size, crc)


def _write_run(stream: TextIO | None, data: bytes, size: int, crc: int) -> tuple[int, int]:
    """Write ``data`` (when there is a ``stream``) and carry the written file's size and CRC-32 on past it."""
    if stream is not None:
        write_bytes(stream, data)  # the bytes the CRC was taken of: the text stream would encode the text once more
    return size + len(data), zlib.crc32(data, crc)


def read_cache(path: str | PathLike[str]) -> OutputCache | None:
    """The cache a build left in ``path``, with the subjects' shares in ``graph.ttl`` and
    ``graph.jsonld`` beside it (held open, :class:`ShareFiles`); None when there is none, or it
    is not one this kg reads, or the two files are not those it was written with (then the
    update makes every subject's texts again)."""
    path = Path(path)
    try:
        data, identity = read_as_it_is(path)
        places = list(line_places(data))
        read = [data[start:end] for start, end in places]
        header = json.loads(read[0])
        if header.get("kind") != "header" or header.get("stamp") != cache_stamp():
            return None
        shares = _old_shares(path.parent, header)
        if shares is None:
            return None
        count, subjects = header["parts"], header["subjects"]
        part_rows, subject_rows = read[1 : 1 + count], read[1 + count : 1 + count + subjects]
        # Each block decoded as one array: one call instead of one per line (40,000 at 1,600 articles).
        decoded_parts = json.loads(b"[" + b",".join(part_rows) + b"]")
        rows = json.loads(b"[" + b",".join(subject_rows) + b"]")
        starts = json.loads(read[1 + count + subjects])
        records = tuple(json.loads(read[2 + count + subjects]))
        del data, read, part_rows, subject_rows  # the lines are copied from the file, not kept
        if len(decoded_parts) != count or len(rows) != subjects:
            return None
        part_subjects = {key: tuple(found) for key, found in decoded_parts}
        part_lines = LinesInFile(path, identity, {key: place for (key, _), place in zip(decoded_parts, places[1 : 1 + count])})
        lines = LinesInFile(path, identity, {row[0]: place for row, place in zip(rows, places[1 + count : 1 + count + subjects])})
        turtle_starts, jsonld_starts = starts[TURTLE_FILE], starts[JSONLD_FILE]
        if len(turtle_starts) != subjects or len(jsonld_starts) != subjects:
            return None
        intern = sys.intern
        entries = {
            subject: SubjectEntry(
                tuple(parts), tuple(prefixes), tuple(map(intern, points_to)), jsonld_id, triples, shares, at, turtle_size, at_jsonld, jsonld_size,
            )
            for (subject, parts, turtle_size, prefixes, points_to, jsonld_id, jsonld_size, triples), at, at_jsonld
            in zip(rows, turtle_starts, jsonld_starts)
        }
        sizes = {name: (header[name][0], header[name][1]) for name in (TURTLE_FILE, JSONLD_FILE)}
        return OutputCache(
            header["stamp"], header["namespaces"], part_subjects, entries, header["checked"], lines, part_lines, sizes,
            records, _records_file(path.parent / RECORDS_FILE, header.get(RECORDS_FILE)),
        )
    except (OSError, IndexError, ValueError, KeyError, TypeError):
        return None


def _records_file(path: Path, expected: list[int] | None) -> tuple[Path, int, int] | None:
    """``statements.jsonl`` with its size and CRC-32, when it is the file the cache's keys are of
    (else None: the update makes every line, and the rest of the cache stands)."""
    if expected is None:
        return None
    try:
        with path.open("rb") as stream:
            size, crc = _read_crc(stream, 0, 0)
    except OSError:
        return None
    return (path, size, crc) if [size, crc] == list(expected) else None


def _read_crc(stream: BinaryIO, size: int, crc: int) -> tuple[int, int]:
    """``size`` and ``crc`` carried on over the rest of ``stream``, a megabyte at a time: the
    file is never whole in memory."""
    while block := stream.read(_PIECE):
        size, crc = size + len(block), zlib.crc32(block, crc)
    return size, crc


class _OldLines:
    """The last build's record lines by key, read from its file in order as they are asked for.

    The new file lists the records the old one kept in the same order (entities by id, then
    statements by document and place), so one pass over the old file finds every line asked
    for; a key asked for out of that order is made again. The file stays in place until the
    new one replaces it, under the folder's lock; its CRC-32 is checked again once read, and a
    file changed meanwhile fails the write (nothing is replaced).
    """

    def __init__(self, keys: tuple[str, ...], file: tuple[Path, int, int] | None) -> None:
        self.keys = frozenset(keys) if file is not None else frozenset()
        self.order = keys
        self.file = file
        self.stream: BinaryIO | None = None
        self.at = 0
        self.crc = 0

    def __enter__(self) -> _OldLines | None:
        if self.file is None or not self.keys:
            return None
        self.stream = self.file[0].open("rb")
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if self.stream is None:
            return
        try:
            if kind is None:
                _, self.crc = _read_crc(self.stream, 0, self.crc)
                if self.crc != self.file[2]:  # type: ignore[index]
                    raise OSError(f"{self.file[0]} changed while the update read it")  # type: ignore[index]
        finally:
            self.stream.close()

    def get(self, key: str) -> str | None:
        if key not in self.keys:
            return None
        assert self.stream is not None
        readline, crc32, order = self.stream.readline, zlib.crc32, self.order
        while self.at < len(order):
            line = readline()
            self.crc = crc32(line, self.crc)
            found = order[self.at]
            self.at += 1
            if found == key:
                return line.decode("utf-8")
        return None


def _old_shares(folder: Path, header: dict) -> _OldShares | None:
    """``graph.ttl`` and ``graph.jsonld`` in ``folder``, open, when their sizes and CRC-32s are
    those in the cache's ``header`` (read a megabyte at a time: never whole in memory)."""
    files: list[BinaryIO] = []
    identities = []
    try:
        for name in (TURTLE_FILE, JSONLD_FILE):
            files.append((folder / name).open("rb"))
            identities.append(stream_identity(files[-1]))  # before the CRC-32: a change while it is read shows
            if list(_read_crc(files[-1], 0, 0)) != list(header[name]):
                break
        else:
            return _OldShares((files[0], files[1]), (identities[0], identities[1]))
    except BaseException:
        _close_all(files)
        raise
    _close_all(files)
    return None
