"""The one place that wires the stages: paths -> Documents -> spaCy -> KnowledgeGraph -> RDF -> files.

``build_knowledge_graph`` returns the resolved graph, ``build_graph`` its RDF, and ``build``
runs everything and writes an output folder; the CLI and notebooks call these.
"""
from __future__ import annotations

import functools
import gc
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from os import PathLike
from pathlib import Path
from typing import Protocol, TextIO

import networkx as nx
from rdflib import Graph
from spacy.language import Language
from tqdm import tqdm

from kg.extract import DEFAULT, extract_documents
from kg import __version__
from kg.ingest import distinct_documents, load_documents, text_ends, text_hash
from kg.model import Document, Extraction, KnowledgeGraph
from kg.nlp import give_back_memory, load_pipeline, parse_documents
from kg.analytics import jsonl_networkx, records_networkx, to_networkx
from kg.files import Content, Folder, LinesInFile, chunks_reader, line_places, locked, read_as_it_is, scratch_file, write_files, write_lines
from kg.query import fill_store, grow_store, store_holds
from kg.changes import GraphChanges, changes_of, graph_changes
from kg.increment import CACHE_FILE, JSONLD_FILE, RECORDS_FILE, TURTLE_FILE, GraphTexts, OutputCache, TextsMaker, earlier_lines, graph_texts, read_cache, write_cache
from kg.rdf import entity_iri_text, to_jsonld, to_rdf, to_turtle
from kg.errors import InputError, OutputError
from kg.records import extraction_from_record, extraction_record, write_jsonl
from kg.records import summary as graph_summary
from kg.render import LAYOUT_FILE, Page, PageData, PageLayout, finish_page, html_page, page_data, read_layout, write_layout
from kg.resolve import MentionResolver, resolve_graph
from kg.validate import check_graph
from kg.writers import SubjectIndex, subject_index
from kg.parallel import BackgroundExtraction, ForkedCall, background_jobs, can_fork, extract_here, extract_in_processes, job_count
from kg.vocab import DCTERMS, KG, RDF

log = logging.getLogger(__name__)

__all__ = [
    "BuildResult", "EXTRACTIONS_FILE", "OUTPUT_FILES", "Extractor", "LocalExtractor", "assemble_graph", "build", "build_graph", "build_knowledge_graph",
    "extract_all", "extract_graph", "extractor_stamp", "read_extractions", "render_page", "write_outputs",
]

#: What ``build`` writes into its output folder. ``extractions.jsonl`` keeps each document's
#: text, mentions and statements before resolution, so ``build(..., into=True)`` can add
#: articles without running spaCy on the old ones again; ``update.cache.jsonl``
#: (:data:`kg.increment.CACHE_FILE`) keeps where each subject's texts are in ``graph.ttl`` and
#: ``graph.jsonld``, so it writes again only what they change; ``layout.cache.jsonl`` (:data:`kg.render.LAYOUT_FILE`) where the page put each
#: entity, so the grown page keeps the places and colours its readers know.
OUTPUT_FILES = ("graph.ttl", "graph.jsonld", "statements.jsonl", "graph.html", "extractions.jsonl", "update.cache.jsonl", "layout.cache.jsonl")
EXTRACTIONS_FILE = "extractions.jsonl"
#: The folder in which a graph grown with ``--into`` keeps its archive's state between updates
#: (:class:`kg.partkeys.KeptGraph`), and its file: an update then resolves, keys and writes only
#: what its articles change.
KEPT_FOLDER = "kept"
KEPT_FILE = "archive.sqlite"


class Extractor(Protocol):
    """Documents -> extractions somewhere other than this process (``kg.distribute`` runs them on Dask).

    :func:`build` extracts with spaCy in this process when it is given none.
    """

    def stamp(self) -> str:
        """What extracts, as :func:`extractor_stamp` gives it for the pipeline used."""

    def extract(self, documents: list[Document], progress: bool = False) -> list[Extraction]:
        """One extraction per distinct doc_id, equal to what :func:`extract_all` gives."""


#: Extra files for :func:`build` to write with its outputs: (graph, rdf, out_dir) -> path -> content.
ExtraOutputs = Callable[[KnowledgeGraph, Graph, Path], Mapping[Path, Content]]


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` made: the graph, its RDF, the files written and the input records skipped."""

    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()
    #: The graph, when the build made it; an update from its folder's kept state makes only
    #: what changed, and :attr:`graph` is then made from the kept state when first asked for.
    made_graph: KnowledgeGraph | None = field(default=None, repr=False, compare=False)
    make_graph: Callable[[], KnowledgeGraph] | None = field(default=None, repr=False, compare=False)
    #: :func:`kg.records.summary` of the graph, when known without it.
    counts: dict | None = field(default=None, repr=False, compare=False)
    #: (stage, seconds) in the order the stages ran, for benchmarks/growth.py ("rdf": the RDF,
    #: the SHACL check, the Turtle and the JSON-LD, made together subject by subject).
    timings: tuple[tuple[str, float], ...] = ()
    #: The whole RDF when the build made it (an update makes only what changed).
    made_rdf: Graph | None = field(default=None, repr=False, compare=False)
    #: What an update changed in the entities of the graph it grew (:mod:`kg.changes`); None for
    #: a build from scratch, or an update that made every subject again (another kg's cache).
    changes: GraphChanges | None = None

    @functools.cached_property
    def graph(self) -> KnowledgeGraph:
        """The graph (made from the folder's kept state on first use, when the update did not make it)."""
        if self.made_graph is not None:
            return self.made_graph
        assert self.make_graph is not None
        return self.make_graph()

    def summary(self) -> dict:
        """:func:`kg.records.summary` of the graph, without making it when the counts are known."""
        return self.counts if self.counts is not None else graph_summary(self.graph)

    @functools.cached_property
    def rdf(self) -> Graph:
        """The graph's RDF (:func:`kg.rdf.to_rdf`), made on first use when the build did not."""
        return self.made_rdf if self.made_rdf is not None else to_rdf(self.graph)


class _Stopwatch:
    """Seconds per stage of one build: ``lap(name)`` ends the stage that ran since the last lap."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, round(now - self._last, 4)))
        self._last = now


def _load_some(paths: Iterable[str | PathLike[str]], on_skip: Callable[[str], None] | None) -> list[Document]:
    """The documents of ``paths``; an error when every input was skipped, so a run that can do
    nothing says so (with the reasons already logged) instead of writing an empty graph."""
    skipped: list[str] = []

    def note(message: str) -> None:
        skipped.append(message)
        if on_skip is not None:
            on_skip(message)

    documents = list(load_documents(paths, on_skip=note))
    if not documents and skipped:
        raise InputError(f"nothing to build: {_plural(len(skipped), 'input')} skipped, none readable")
    return documents


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def build_knowledge_graph(
    paths: Iterable[str | PathLike[str]],
    nlp: Language | None = None,
    model: str | None = None,
    jobs: int | str = 1,
    on_skip: Callable[[str], None] | None = None,
    progress: bool = False,
) -> KnowledgeGraph:
    """Read articles from files and folders and return their knowledge graph.

    Args:
        paths: .txt, .md and .jsonl files, or folders of them.
        nlp: a loaded pipeline; loaded from ``model`` when None.
        model: spaCy pipeline name, used only when ``nlp`` is None (None picks the default).
        jobs: worker processes for spaCy and extraction, or ``"auto"`` for one per core.
        on_skip: called with a message for every input record skipped as unreadable.
        progress: show a progress bar on a terminal.

    Returns:
        The resolved knowledge graph.

    Raises:
        InputError: a path is missing or holds no supported files.
        ModelError: the spaCy pipeline cannot be loaded.
    """
    documents = _load_some(paths, on_skip)
    return extract_graph(documents, nlp or load_pipeline(model), jobs=jobs, progress=progress)


def build_graph(
    paths: Iterable[str | PathLike[str]],
    nlp: Language | None = None,
    model: str | None = None,
    jobs: int = 1,
) -> Graph:
    """Read articles and return their RDF graph, typed by the kg ontology (see :mod:`kg.rdf`).

    Raises:
        InputError: a path is missing or holds no supported files.
        ModelError: the spaCy pipeline cannot be loaded.
    """
    return to_rdf(build_knowledge_graph(paths, nlp=nlp, model=model, jobs=jobs))


def render_page(
    rdf: Graph, title: str | None = None, include_hedged: bool = True, sparql: bool = True, index: SubjectIndex | None = None, turtle: str | None = None,
) -> str:
    """The interactive HTML page of an RDF graph (see :mod:`kg.render`).

    The default title is the article's headline for one document, else a count of documents.
    With ``sparql`` the page carries the graph's triples and a SPARQL panel that runs in the page.
    ``index``: the graph's :func:`kg.writers.subject_index`, when the caller has read it already;
    ``turtle``: its :func:`kg.rdf.to_turtle`, when the caller has written it already.
    """
    return _rdf_page(rdf, title, include_hedged, sparql, index, turtle).text()


def _rdf_page(rdf: Graph, title: str | None, include_hedged: bool, sparql: bool, index: SubjectIndex | None, turtle: str | None) -> Page:
    if title is None:
        title = _page_title([str(t) for t in rdf.objects(None, DCTERMS.title)], len(set(rdf.subjects(RDF.type, KG.Document))))
    return html_page(to_networkx(rdf, include_hedged=include_hedged), title=title, rdf=rdf, sparql=sparql, index=index, turtle=turtle)


def _page_title(titles: list[str], documents: int) -> str:
    """The article's headline for one document, else a count of documents."""
    if documents == 1 and titles:
        return min(titles)
    return f"kg: {documents} document{'s' if documents != 1 else ''}"


def write_outputs(
    graph: KnowledgeGraph, rdf: Graph, out_dir: str | PathLike[str], extractions: Iterable[Extraction] = (), stamp: str = "",
    extra: Mapping[Path, Content] | None = None, store: str | PathLike[str] | None = None, clock: _Stopwatch | None = None,
    index: SubjectIndex | None = None,
) -> list[Path]:
    """Write :data:`OUTPUT_FILES` into ``out_dir``, all or none (``extractions.jsonl`` only when
    ``extractions`` are given; ``extra`` files after them, and the oxigraph ``store`` folder
    last, built before anything is replaced, in the same all-or-none write).

    ``index`` is ``rdf``'s :func:`kg.writers.subject_index` when the caller has read it already:
    the Turtle, the JSON-LD and the page's triples are all made from it.

    Raises:
        OutputError: the folder or a file cannot be written; earlier outputs stay as they were.
    """
    out = Path(out_dir)
    if index is None:
        index = subject_index(rdf)
    lap = clock.lap if clock is not None else lambda name: None
    turtle = to_turtle(rdf, index)
    lap("turtle")
    jsonld = to_jsonld(rdf, index)
    lap("jsonld")
    page = _rdf_page(rdf, title=None, include_hedged=True, sparql=True, index=index, turtle=turtle)
    lap("page")
    extractions = list(extractions)
    extracted = (lambda stream: _write_extractions(extractions, stamp, stream)) if extractions else None
    filled = (Path(store), lambda folder: fill_store(turtle, folder)) if store is not None else None
    written = write_files(_output_contents(out, graph, turtle, jsonld, page.write, extracted, extra, filled, layout=page.layout))
    lap("write")
    return written


def _output_contents(
    out: Path, graph: KnowledgeGraph, turtle: Content, jsonld: Content, page: Content, extractions: Content | None,
    extra: Mapping[Path, Content] | None, store: tuple[Path, Callable[[Path], object]] | None, cache: Content | None = None,
    layout: PageLayout | None = None, records: Content | None = None, kept: Folder | None = None,
) -> dict[Path, Content]:
    """What one build writes, all or none: the :data:`OUTPUT_FILES` (the extractions, the
    update cache and the page's layout when given), then ``extra``, then the oxigraph ``store``:
    its folder, and what makes it in the empty folder it is given. ``records``: what writes
    ``statements.jsonl``, when not :func:`kg.records.write_jsonl`; ``kept``: the folder of the
    archive's kept state (:data:`KEPT_FOLDER`)."""
    contents: dict[Path, Content] = {
        out / TURTLE_FILE: turtle,  # the update cache reads the subjects' shares back from these two
        out / JSONLD_FILE: jsonld,
        # Before the cache, which keeps the size and CRC-32 of the records written from the texts.
        out / RECORDS_FILE: records if records is not None else lambda stream: write_jsonl(graph, stream),
        out / "graph.html": page,
    }
    if extractions is not None:
        contents[out / EXTRACTIONS_FILE] = extractions
    if cache is not None:
        contents[out / CACHE_FILE] = cache
    if layout is not None:
        contents[out / LAYOUT_FILE] = lambda stream: write_layout(layout, stream)
    if kept is not None:
        contents[out / KEPT_FOLDER] = kept
    contents.update(extra or {})
    if store is not None:
        folder, fill = store
        contents[folder] = Folder(fill)
    return contents


def extractor_stamp(nlp: Language) -> str:
    """What made an extraction: kg's version and the spaCy pipeline's name and version."""
    return f"kg {__version__}; {nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


def _write_extractions(extractions: list[Extraction], stamp: str, stream: TextIO, archive: LinesInFile | None = None) -> None:
    """``archive``: where the extractions an update read are in the file it read, by ``id`` of
    the extraction (their lines are the text :func:`kg.records.extraction_record` would give
    them, copied rather than made again)."""
    stream.write(_header_line(stamp))
    write_lines(stream, ((id(e), functools.partial(_extraction_line, e)) for e in sorted(extractions, key=lambda e: e.document.doc_id)), archive)


def _spill(extractions: Iterable[Extraction], stamp: str, path: Path) -> None:
    """Write ``extractions`` to ``path`` as an ``extractions.jsonl``, each as it comes."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(_header_line(stamp))
        stream.writelines(map(_extraction_line, extractions))


def _header_line(stamp: str) -> str:
    return json.dumps({"kind": "header", "extractor": stamp}, ensure_ascii=False) + "\n"


def _extraction_line(extraction: Extraction) -> str:
    return json.dumps(extraction_record(extraction), ensure_ascii=False) + "\n"


def read_extractions(path: str | PathLike[str]) -> tuple[str, list[Extraction]]:
    """The stamp and extractions of an ``extractions.jsonl`` written by :func:`build`.

    Raises:
        InputError: the file is missing or not one kg wrote.
    """
    stamp, extractions, _ = _read_extraction_lines(path)
    return stamp, extractions


def _read_extraction_lines(path: str | PathLike[str]) -> tuple[str, list[Extraction], LinesInFile]:
    """:func:`read_extractions`, with where each extraction's line is (by ``id`` of the extraction)."""
    path = Path(path)
    try:
        data, identity = read_as_it_is(path)
    except FileNotFoundError as err:
        raise InputError(f"{path}: no such file; build the folder with `kg build PATH... -o {path.parent}` first") from err
    except OSError as err:
        raise InputError(f"{path}: not an extractions file written by kg build ({err})") from err
    try:
        lines = line_places(data)
        start, end = next(lines, (0, 0))
        header = json.loads(data[start:end])
        if header.get("kind") != "header":
            raise ValueError("no header line")
        extractions, places = [], {}
        for start, end in lines:
            line = data[start:end]
            if line.strip():
                extraction = extraction_from_record(json.loads(line))
                extractions.append(extraction)
                places[id(extraction)] = (start, end)
        return header["extractor"], extractions, LinesInFile(path, identity, places)
    except (IndexError, KeyError, TypeError, ValueError) as err:
        raise InputError(f"{path}: not an extractions file written by kg build ({err})") from err


def build(
    paths: Iterable[str | PathLike[str]],
    out_dir: str | PathLike[str],
    nlp: Language | None = None,
    model: str | None = None,
    jobs: int | str = 1,
    validate: bool = True,
    store: str | PathLike[str] | None = None,
    into: bool = False,
    progress: bool = False,
    extractor: Extractor | None = None,
    relayout: bool = False,
    extra_outputs: ExtraOutputs | None = None,
    resolver: MentionResolver | None = None,
    texts_maker: TextsMaker | None = None,
) -> BuildResult:
    """Run the whole pipeline on articles and write the output folder.

    Args:
        paths: .txt, .md and .jsonl files, or folders of them.
        out_dir: folder for the :data:`OUTPUT_FILES`.
        nlp: a loaded pipeline; loaded from ``model`` when None.
        model: spaCy pipeline name, used only when ``nlp`` is None.
        jobs: worker processes for spaCy and extraction, or ``"auto"`` for one per core.
        validate: check the RDF against the SHACL shapes before anything is written.
        store: also load the graph into an on-disk oxigraph store in this folder (built
            beside the old one, swapped in with the other outputs).
        into: add the articles to the graph already in ``out_dir`` (from its
            ``extractions.jsonl``): documents already there (same id or same normalised text)
            are not added twice, and entities are resolved across old and new documents.
            ``out_dir`` is locked from that read to the last write, so concurrent builds
            into one folder run one after another and none loses a document.
        progress: show a progress bar on a terminal.
        relayout: with ``into``, lay the page out whole, as a build of all the articles at
            once would, instead of keeping where the last page put its entities
            (:data:`kg.render.REDRAW_SHARE`).
        extractor: extract somewhere else (``kg.distribute``); ``nlp``, ``model`` and ``jobs``
            are then unused. Resolution, validation and writing stay here, so the files are
            the same whatever extracts.
        extra_outputs: more files to write with the outputs, all or none.
        resolver: group mentions into entities somewhere else (``kg.blockwise.DaskResolver``);
            the answer is the same.
        texts_maker: make and check the RDF texts of a big graph's subjects somewhere else,
            a batch at a time (``kg.distribute.DaskTexts``); the answer is the same.

    Returns:
        The graph, its RDF, the files written and the skipped input records.

    Raises:
        InputError, ModelError: as :func:`build_knowledge_graph`, or ``out_dir`` holds no
            readable ``extractions.jsonl`` when ``into`` is set.
        ValidationError: the graph breaks the shapes; nothing is written.
        OutputError: an output cannot be written; earlier outputs stay whole.
    """
    clock = _Stopwatch()
    skipped: list[str] = []
    documents = _load_some(paths, skipped.append)
    # A pipeline loaded here is let go once the articles are extracted: resolution and the
    # outputs then have its memory (some 50 MB: the peak of a big build was theirs, 386 MB at
    # 1,600 articles, and is now extraction's own, 354 MB).
    loaded_here = extractor is None and nlp is None
    extractor_is_local = extractor is None
    if extractor is None:
        extractor = LocalExtractor(nlp or load_pipeline(model), jobs)
    stamp = extractor.stamp()
    clock.lap("load")
    # An update with ``--into`` keeps its archive's state in the folder (KEPT_FOLDER): one that
    # finds it resolves, keys and writes only what its articles change; one that does not (a
    # folder built with -o, or by other code) goes the whole way and leaves it.
    keeps = into and extractor_is_local and resolver is None and texts_maker is None and extra_outputs is None
    # One writer at a time: another `--into` run waits here, so no document is lost, and an
    # interrupted earlier run is finished first.
    with locked(out_dir), _long_lived() as heap, ExitStack() as running:
        previous: list[Extraction] = []
        archive: LinesInFile | None = None
        previous_file = Path(out_dir) / EXTRACTIONS_FILE
        growing = into and (previous_file.exists() or any(Path(out_dir).glob("graph.*")))
        # An update reads its archive on one core while the articles are parsed on another.
        early = extractor.start(documents) if growing and isinstance(extractor, LocalExtractor) else None
        if early is not None:
            running.callback(early.work.close)  # not early's: it holds the pipeline, let go below
        heap.pause()
        # With the kept state, the archive's extractions are read as lines, each parsed only if
        # the update reads that article again.
        kept_lines = _ArchiveLines.read(Path(out_dir), stamp) if keeps and growing else None
        if growing and kept_lines is None:
            old_stamp, previous, archive = _read_extraction_lines(previous_file)
            if old_stamp != stamp:
                archive = None
                # Another kg or model made them: extract the stored texts again, so one graph
                # never mixes two extractors' output.
                log.info("%s was made by %s; extracting its %d documents again with %s", previous_file, old_stamp, len(previous), stamp)
                heap.resume()
                if early is not None:
                    early.work.close()  # one pipeline at a time
                    early = None
                previous = extractor.extract([e.document for e in previous], progress=progress)
                heap.pause()
        known = kept_lines.known if kept_lines is not None else _Known.of(previous, documents)
        for d in documents:
            if d.doc_id in known.sources and text_hash(d.text) != known.digest(d.doc_id):
                message = f"{d.source}: id {d.doc_id!r} is already used in {out_dir} by another text ({known.sources[d.doc_id]}); skipped"
                log.warning("%s", message)
                skipped.append(message)
        new = [d for d in documents if d.doc_id not in known.sources and text_hash(d.text) not in known.texts]
        if into:
            log.info("%d new documents, %d already in %s", len(new), len(documents) - len(new), out_dir)
        # What the update's outputs start from, read now while the articles are parsed elsewhere
        # (else after extraction, which then has the memory).
        stored = _Stored.read(Path(out_dir), relayout) if early is not None else None
        heap.keep()
        clock.lap("read")
        heap.resume()
        spill: Path | None = None
        if kept_lines is None and not previous and early is None and isinstance(extractor, LocalExtractor):
            # A build from scratch keeps each article's extraction as its line of
            # extractions.jsonl, in a file, while the others are parsed, and reads them back
            # once spaCy is let go: the extractions (14 KB an article) would otherwise add to
            # the peak of a big build, which is extraction's; the file's lines are then copied
            # into the output, not made again.
            spill = running.enter_context(scratch_file(previous_file))
            _spill(extractor.each(new, progress=progress), stamp, spill)
            extractions = []
        else:
            extractions = previous + (early.extract(new) if early is not None else extractor.extract(new, progress=progress))
        early = None
        if loaded_here:
            del extractor
            give_back_memory()
        heap.pause()
        if spill is not None:
            _, extractions, archive = _read_extraction_lines(spill)
        clock.lap("extract")
        if kept_lines is not None:
            kept = _kept_update(Path(out_dir), extractions, kept_lines, stored, relayout, validate, store, clock, stamp, running, jobs)
            if kept is not None:
                files, kept_changes, counts, make = kept
                return BuildResult(files=tuple(files), skipped=tuple(skipped), timings=tuple(clock.laps), make_graph=make, counts=counts, changes=kept_changes)
            # The whole way after all: every extraction of the archive, read.
            previous, archive = kept_lines.extractions()
            extractions = previous + extractions
        graph = assemble_graph(extractions, resolver)
        heap.keep()
        clock.lap("resolve")
        if into and stored is None:
            stored = _Stored.read(Path(out_dir), relayout)
        previous_layout = stored.layout if stored is not None else None
        # The page is drawn on another core while this one makes the RDF, when one is free.
        drawing = _draw_elsewhere(graph, previous_layout, jobs if extractor_is_local else 1)
        if drawing is not None:
            running.callback(drawing.close)
        # An update makes RDF, texts and checks only for what the new articles change.
        previous_texts = stored.texts if stored is not None else None
        texts = graph_texts(graph, previous_texts, check=validate, keep_rdf=extra_outputs is not None, maker=texts_maker, keep=heap.keep, folder=out_dir)
        heap.keep()
        heap.resume()
        clock.lap("rdf")
        if texts is None:
            # Some subject breaks the shapes (or needs rdflib's writers): the whole RDF, so the
            # check says what is wrong.
            rdf = to_rdf(graph)
            index = subject_index(rdf)
            if validate:
                check_graph(rdf, index)
            clock.lap("validate")
            extra = extra_outputs(graph, rdf, Path(out_dir)) if extra_outputs is not None else None
            files = write_outputs(graph, rdf, out_dir, extractions, stamp, extra, store=store, clock=clock, index=index)
            return BuildResult(made_graph=graph, made_rdf=rdf, files=tuple(files), skipped=tuple(skipped), timings=tuple(clock.laps))
        log.info("%d of %d subjects made again", texts.remade, len(texts.cache.subjects))
        # Read from the last build's files, which the write below replaces.
        changes = graph_changes(graph, previous_texts, frozenset(texts.changed), (d.doc_id for d in new)) if previous_texts is not None else None
        made_rdf = texts.rdf  # the whole graph's, only when extra outputs need it
        extra = extra_outputs(graph, made_rdf, Path(out_dir)) if extra_outputs is not None else None
        drawn = drawing.result() if drawing is not None else None
        files = _write_texts(graph, texts, out_dir, lambda stream: _write_extractions(extractions, stamp, stream, archive), extra, store=store, clock=clock,
                             layout=previous_layout, drawn=drawn,
                             kept=_kept_from_scratch(extractions) if keeps else None)
    return BuildResult(made_graph=graph, made_rdf=made_rdf, files=tuple(files), skipped=tuple(skipped), timings=tuple(clock.laps), changes=changes)


def _kept_from_scratch(extractions: list[Extraction]) -> Folder:
    """The folder of the archive's kept state, filled in memory from every extraction and
    written once (:meth:`kg.kept.Kept.write`)."""
    from kg.partkeys import KeptGraph

    by_id = {e.document.doc_id: e for e in extractions}
    kept = KeptGraph()
    kept.update(list(by_id.values()), lambda ids: [by_id[i] for i in ids])
    return Folder(lambda folder: kept.write(folder / KEPT_FILE))


def _page_of_lines(lines: list[str], documents: list[Document], layout: PageLayout | None) -> PageData:
    """The page's data from the lines of ``statements.jsonl`` (:func:`page_data_from_records`)."""
    return page_data_from_records((json.loads(line) for line in lines), documents, previous=layout)


def _kept_update(
    out: Path, extractions: list[Extraction], archived: _ArchiveLines, stored: _Stored | None, relayout: bool, validate: bool,
    store: str | PathLike[str] | None, clock: _Stopwatch, stamp: str, running: ExitStack, jobs: int | str,
) -> tuple[list[Path], GraphChanges | None, dict, Callable[[], KnowledgeGraph]] | None:
    """An update of the new articles' ``extractions`` from the folder's kept state
    (:class:`kg.partkeys.KeptGraph`) and its ``archived`` extractions' lines: the new articles
    resolved, keyed and written against it, every file equal to the whole way's (tests); None
    when there is no update cache, the kept file is another code's, or the texts need the whole
    RDF (the caller then goes the whole way, and keeps the state anew)."""
    from kg.partkeys import KeptGraph

    stored = stored if stored is not None else _Stored.read(out, relayout)
    if stored.texts is None:
        return None
    source = out / KEPT_FOLDER / KEPT_FILE
    scratch = running.enter_context(scratch_file(source))
    shutil.copyfile(source, scratch)
    try:
        kept = KeptGraph.open(scratch)
    except OutputError as e:
        log.info("%s; the update goes the whole way", e)
        return None
    try:
        by_id = {e.document.doc_id: e for e in extractions}
        new_ids = sorted(by_id.keys() - archived.known.sources.keys())
        _, parts = kept.update([by_id[i] for i in new_ids], lambda ids: [by_id[i] if i in by_id else archived.extraction(i) for i in ids])
        clock.lap("resolve")
        try:
            with earlier_lines(stored.texts) as previous:
                lines = list(kept.record_lines(previous, parts.made))
        except LookupError as e:
            log.info("%s; the update goes the whole way", e)
            return None
        documents = kept.parts.listed()
        order = [d.doc_id for d in documents]
        # The page is drawn from the records on another core while this one makes the texts.
        drawing = ForkedCall(_page_of_lines, lines, documents, stored.layout) if len(lines) >= DRAW_ELSEWHERE and background_jobs(jobs, 1) else None
        if drawing is not None:
            running.callback(drawing.close)
        texts = kept.texts(order, stored.texts, check=validate, folder=out)
        if texts is None:
            return None
        clock.lap("rdf")
        changes = changes_of((i for i, _ in kept.parts.entity_types()), order, stored.texts, texts.changed, set(new_ids), kept.named_in)
        counts = kept.summary(len(order))
        kept.save()
    finally:
        kept.close()
    drawn = drawing.result() if drawing is not None else _page_of_lines(lines, documents, stored.layout)
    files = _write_texts(None, texts, out, lambda stream: archived.write(stream, stamp, order, by_id), None, store=store, clock=clock, layout=stored.layout,
                         drawn=drawn, lines=lines, kept=Folder(lambda folder: os.replace(scratch, folder / KEPT_FILE)))

    def graph() -> KnowledgeGraph:
        written = KeptGraph.open(out / KEPT_FOLDER / KEPT_FILE)
        try:
            return written.graph(e.document for e in read_extractions(out / EXTRACTIONS_FILE)[1])
        finally:
            written.close()

    return files, changes, counts, graph


@dataclass(frozen=True)
class _Known:
    """The archive's documents as an update meets its articles: their ids (with where each came
    from) and their texts' digests."""

    sources: Mapping[str, str]
    texts: Set[str]
    digest: Callable[[str], str]

    @classmethod
    def of(cls, previous: list[Extraction], documents: list[Document]) -> _Known:
        """From the archive's extractions; only the texts that may be one of ``documents``' are hashed."""
        by_id = {e.document.doc_id: e.document for e in previous}
        ends = {text_ends(d.text) for d in documents}
        texts = {text_hash(e.document.text) for e in previous if text_ends(e.document.text) in ends}
        return cls({i: d.source for i, d in by_id.items()}, texts, lambda doc_id: text_hash(by_id[doc_id].text))


@dataclass(frozen=True)
class _ArchiveLines:
    """An archive's ``extractions.jsonl`` as one line per kept document, each parsed only when
    an update reads that article again: the kept state lists the documents, so an update reads
    the file's bytes, not its JSON (14 KB an article, 0.5 s at 1,600 articles and growing with
    the archive)."""

    data: bytes
    #: Doc id -> its line.
    lines: LinesInFile
    known: _Known

    @classmethod
    def read(cls, out: Path, stamp: str) -> _ArchiveLines | None:
        """The lines of ``out``'s extractions, when it keeps a state this code reads whose
        documents are, in order, the file's lines, made by the extractor of ``stamp``; else None."""
        from kg.partkeys import KeptGraph

        try:
            kept = KeptGraph.open(out / KEPT_FOLDER / KEPT_FILE) if (out / KEPT_FOLDER / KEPT_FILE).exists() else None
        except OutputError as e:
            log.info("%s; the update goes the whole way", e)
            return None
        if kept is None:
            return None
        try:
            listed = kept.documents()
        finally:
            kept.close()
        path = out / EXTRACTIONS_FILE
        try:
            data, identity = read_as_it_is(path)
        except OSError:
            return None
        places = [(start, end) for start, end in line_places(data) if end > start]
        try:
            header = json.loads(data[slice(*places[0])]) if places else {}
        except ValueError:
            return None
        if header.get("kind") != "header" or header.get("extractor") != stamp or len(places) != len(listed) + 1:
            return None
        order = sorted(listed)
        for doc_id, (start, _) in zip(order, places[1:]):
            if not data.startswith(_line_start(doc_id), start):
                return None
        known = _Known({i: d.source for i, d in listed.items()}, {d.digest for d in listed.values()}, lambda doc_id: listed[doc_id].digest)
        return cls(data, LinesInFile(path, identity, dict(zip(order, places[1:]))), known)

    def extraction(self, doc_id: str) -> Extraction:
        start, end = self.lines.places[doc_id]
        return extraction_from_record(json.loads(self.data[start:end]))

    def line(self, doc_id: str) -> str:
        start, end = self.lines.places[doc_id]
        return self.data[start:end].decode("utf-8") + "\n"

    def extractions(self) -> tuple[list[Extraction], LinesInFile]:
        """Every extraction, and where each one's line is by ``id`` of the extraction (as
        :func:`_read_extraction_lines`)."""
        made = {doc_id: self.extraction(doc_id) for doc_id in self.lines.places}
        return list(made.values()), replace(self.lines, places={id(made[doc_id]): place for doc_id, place in self.lines.places.items()})

    def write(self, stream: TextIO, stamp: str, order: Iterable[str], new: Mapping[str, Extraction]) -> None:
        """``extractions.jsonl`` of the documents ``order``: the new ones' extractions, the others' lines."""
        stream.write(_header_line(stamp))
        write_lines(stream, ((i, functools.partial(_extraction_line, new[i]) if i in new else functools.partial(self.line, i)) for i in order), self.lines)


def _line_start(doc_id: str) -> bytes:
    """How the line of ``doc_id``'s extraction begins (:func:`kg.records.extraction_record`)."""
    return json.dumps({"kind": "extraction", "document": {"doc_id": doc_id}}, ensure_ascii=False)[:-2].encode("utf-8")


@dataclass(frozen=True)
class _Stored:
    """What an update reads of the outputs it grows: the texts of the subjects (the update cache)
    and the page's layout (none with ``relayout``)."""

    texts: OutputCache | None
    layout: PageLayout | None

    @classmethod
    def read(cls, out: Path, relayout: bool) -> _Stored:
        return cls(read_cache(out / CACHE_FILE), None if relayout else read_layout(out / LAYOUT_FILE))


@contextmanager
def _long_lived() -> Iterator[_Heap]:
    """What a build tells the garbage collector, handed back as it was when the build ends."""
    heap = _Heap(gc.isenabled())
    try:
        yield heap
    finally:
        gc.unfreeze()
        heap.resume()


@dataclass(frozen=True)
class _Heap:
    """The garbage collector during a build.

    An update reads the whole archive's extractions, and every build resolves them: millions of
    objects that live to the end of the build and hold no cycles, which each collection would
    scan again for nothing (at 1,600 articles, 0.4 s of an update's read and resolution, in
    collections that freed nothing). So the collector is off for those two stages (``pause``),
    and what exists after a stage is kept out of the collections (``keep``: ``gc.freeze``) until
    the build ends. It is off while the RDF texts are made too, where the records' parts would
    be scanned again and again (a fifth of that stage's time at 1,600 articles): the stage
    collects the young objects itself once per batch of subjects (:func:`kg.increment.graph_texts`),
    which frees the cycles of a batch's triples and writers, after keeping the parts, their keys
    and the read cache (0.09 s of an update at 1,600 articles went to a young collection that
    scanned them). It runs (``resume``) while spaCy
    parses and from the page on: rdflib's and networkx's objects do hold cycles, and leaving
    them to the end of the build took the peak of a 1,600-article build from 374 to 437 MB.
    """

    enabled: bool

    def keep(self) -> None:
        gc.freeze()

    def pause(self) -> None:
        gc.disable()

    def resume(self) -> None:
        if self.enabled:
            gc.enable()


def _write_texts(
    graph: KnowledgeGraph | None, texts: GraphTexts, out_dir: str | PathLike[str], extractions: Content,
    extra: Mapping[Path, Content] | None, store: str | PathLike[str] | None, clock: _Stopwatch,
    layout: PageLayout | None = None, drawn: PageData | None = None, lines: list[str] | None = None, kept: Folder | None = None,
) -> list[Path]:
    """:func:`write_outputs` from :func:`kg.increment.graph_texts`, with the cache and the page's
    layout for the next update; ``extractions``: what writes ``extractions.jsonl``;
    ``layout``: the last page's, which this one grows from;
    ``drawn``: the page's data, when made already (:func:`_draw_elsewhere`); ``lines``: the lines
    of ``statements.jsonl``, when made already (and then no ``graph``); ``kept``: the folder of
    the archive's kept state (:data:`KEPT_FOLDER`)."""
    out = Path(out_dir)
    page = finish_page(drawn if drawn is not None else _records_page_data(graph, previous=layout), turtle=texts.turtle_chunks(), count=texts.triples)  # type: ignore[arg-type]
    clock.lap("page")
    written = write_files(_output_contents(
        out, graph, texts.write_turtle, texts.write_jsonld, page.write, extractions, extra,
        (Path(store), _store_fill(texts, Path(store))) if store is not None else None, cache=lambda stream: write_cache(texts, stream), layout=page.layout,
        records=(lambda stream: texts.write_records(graph, stream)) if lines is None else (lambda stream: texts.write_record_lines(lines, stream)),  # type: ignore[arg-type]
        kept=kept,
    ))
    clock.lap("write")
    return written


def _store_fill(texts: GraphTexts, store: Path) -> Callable[[Path], object]:
    """What fills the new oxigraph store (in the empty folder it is given): a copy of the store
    in ``store`` with only the changed subjects' triples replaced, when it holds the graph this
    update started from (:func:`kg.query.store_holds`); else the whole Turtle, loaded."""
    holds = texts.turtle_file
    if texts.previous_turtle is not None and store_holds(store) == texts.previous_turtle:
        turtle = texts.changed_turtle()
        gone = (*texts.changed, *texts.dropped)
        return lambda folder: grow_store(store, folder, gone, turtle, holds)
    return lambda folder: fill_store(chunks_reader(texts.turtle_chunks()), folder, holds=holds)


def render_records_page(graph: KnowledgeGraph, turtle: str | Iterable[str | bytes], triples: int, title: str | None = None, include_hedged: bool = True) -> str:
    """:func:`render_page` of ``to_rdf(graph)``, drawn from the records and the graph's Turtle
    (whole or in pieces, :meth:`kg.increment.GraphTexts.turtle_chunks`) and number of triples
    (:func:`kg.increment.graph_texts`), without the RDF."""
    return _records_page(graph, turtle, triples, title, include_hedged).text()


def _records_page(
    graph: KnowledgeGraph, turtle: str | Iterable[str | bytes], triples: int, title: str | None = None, include_hedged: bool = True, previous: PageLayout | None = None,
) -> Page:
    return finish_page(_records_page_data(graph, title, include_hedged, previous), turtle=turtle, count=triples)


def _records_page_data(graph: KnowledgeGraph, title: str | None = None, include_hedged: bool = True, previous: PageLayout | None = None) -> PageData:
    """The page of the records but for its SPARQL panel's triples (:func:`kg.render.page_data`)."""
    mentioned = {entity_iri_text(e.entity_id): len({m.doc_id for m in e.mentions}) for e in graph.entities}
    return _page_data_of(records_networkx(graph, include_hedged=include_hedged), graph.documents, mentioned, title, previous)


def page_data_from_records(
    records: Iterable[Mapping[str, object]], documents: Iterable[Document], title: str | None = None, include_hedged: bool = True,
    previous: PageLayout | None = None,
) -> PageData:
    """:func:`_records_page_data` drawn from the JSON records of ``statements.jsonl`` (in their
    order) and the graph's documents, without the graph: what an update that keeps its
    archive's state (:mod:`kg.partkeys`) draws its page from (tests hold the two equal)."""
    records = list(records)
    mentioned = {entity_iri_text(r["id"]): len({m["doc"] for m in r["mentions"]}) for r in records if r.get("kind") == "entity"}  # type: ignore[index, union-attr]
    return _page_data_of(jsonl_networkx(records, include_hedged=include_hedged), documents, mentioned, title, previous)


def _page_data_of(network: nx.MultiDiGraph, documents: Iterable[Document], mentioned: dict[str, int], title: str | None, previous: PageLayout | None) -> PageData:
    listed = [{"id": d.doc_id, "title": d.title or None, "published": d.published.isoformat() if d.published else None} for d in documents]
    if title is None:
        title = _page_title([d["title"] for d in listed if d["title"]], len({d["id"] for d in listed}))
    return page_data(network, title=title, sparql=True, documents=listed, mentioned=mentioned, previous=previous)


#: A graph with fewer statements than this draws its page in this process: starting another
#: costs more than the page (at 1,600 articles, 16,000 statements, the page takes about a second).
DRAW_ELSEWHERE = 2_000


def _draw_elsewhere(graph: KnowledgeGraph, layout: PageLayout | None, jobs: int | str) -> ForkedCall[PageData] | None:
    """The page's data made in a forked process, when ``jobs`` leaves a core free for it and the
    graph is big enough to be worth one; else None (the page is drawn here, after the RDF)."""
    if len(graph.statements) < DRAW_ELSEWHERE or not background_jobs(jobs, 1):
        return None
    return ForkedCall(_records_page_data, graph, None, True, layout)


@dataclass(frozen=True)
class LocalExtractor:
    """spaCy in this process (and ``jobs`` worker processes, see :func:`extract_all`)."""

    nlp: Language
    jobs: int | str = 1
    #: The pair classifier: the shipped one by default, None for the rules alone.
    classifier: object = DEFAULT

    def stamp(self) -> str:
        return extractor_stamp(self.nlp)

    def extract(self, documents: list[Document], progress: bool = False) -> list[Extraction]:
        return extract_all(documents, self.nlp, jobs=self.jobs, progress=progress, classifier=self.classifier)

    def each(self, documents: list[Document], progress: bool = False) -> Iterator[Extraction]:
        """:meth:`extract`, one extraction at a time as it is made."""
        return each_extraction(documents, self.nlp, jobs=self.jobs, progress=progress, classifier=self.classifier)

    def start(self, documents: list[Document]) -> _EarlyExtraction | None:
        """Begin extracting ``documents`` in forked processes on cores that :meth:`extract` would
        leave idle (``jobs`` is ``"auto"`` and it would use fewer processes than there are
        cores), so that this process can do other work meanwhile; None when no core is free."""
        ordered = distinct_documents(documents)
        jobs = background_jobs(self.jobs, len(ordered))
        return _EarlyExtraction(self, BackgroundExtraction(ordered, self.nlp, jobs, self.classifier)) if jobs else None


@dataclass(frozen=True)
class _EarlyExtraction:
    """Extractions begun before it was known which documents are new (:meth:`LocalExtractor.start`)."""

    extractor: LocalExtractor
    work: BackgroundExtraction

    def extract(self, documents: list[Document]) -> list[Extraction]:
        """:meth:`LocalExtractor.extract` of ``documents``, a subset of those begun: each one's
        extraction from the background, as a document's extraction depends on it alone (one the
        background did not have, extracted here)."""
        made = {e.document.doc_id: e for e in self.work.result()}
        wanted = distinct_documents(documents)
        missing = [d for d in wanted if d.doc_id not in made or made[d.doc_id].document != d]
        extra = {e.document.doc_id: e for e in self.extractor.extract(missing)} if missing else {}
        return [extra[d.doc_id] if d.doc_id in extra else made[d.doc_id] for d in wanted]


def extract_graph(documents: Iterable[Document], nlp: Language, jobs: int | str = 1, progress: bool = False) -> KnowledgeGraph:
    """Extract, resolve and tidy the statements of already loaded documents.

    Documents are processed in doc_id order so the result does not depend on input order.
    """
    return assemble_graph(extract_all(documents, nlp, jobs=jobs, progress=progress))


def extract_all(documents: Iterable[Document], nlp: Language, jobs: int | str = 1, progress: bool = False, classifier: object = DEFAULT) -> list[Extraction]:
    """Each document's mentions and statements, before entities are resolved across documents.

    ``jobs`` processes share the work (``"auto"``: one per core, see :func:`kg.parallel.job_count`);
    the result is the same whatever their number.

    With ``progress``, a bar counts documents on stderr when it is a terminal (tqdm turns
    itself off when the output is piped or redirected).
    """
    return list(each_extraction(documents, nlp, jobs, progress, classifier))


def each_extraction(documents: Iterable[Document], nlp: Language, jobs: int | str = 1, progress: bool = False, classifier: object = DEFAULT) -> Iterator[Extraction]:
    """:func:`extract_all`, one extraction at a time as it is made (in doc_id order)."""
    ordered = distinct_documents(documents)
    jobs = job_count(jobs, len(ordered))
    if jobs > 1 and can_fork():
        # Forked workers share the loaded pipeline and send back extractions, not Docs.
        extractions = extract_in_processes(ordered, nlp, jobs, classifier)
    elif jobs == 1:
        extractions = extract_here(ordered, nlp, classifier)
    else:  # no fork: spaCy's own processes
        extractions = extract_documents(parse_documents(nlp, ordered, n_process=jobs), classifier)
    yield from tqdm(extractions, total=len(ordered), unit="doc", desc="kg", disable=None if progress else True, leave=False)
    give_back_memory()  # spaCy's working memory, before resolution and the outputs grow theirs


def assemble_graph(extractions: Iterable[Extraction], resolver: MentionResolver | None = None) -> KnowledgeGraph:
    """Resolve the extractions into one knowledge graph (see :func:`kg.resolve.resolve_graph`).

    The result depends only on the set of extractions, not their order, so a graph grown
    article by article equals one built from all articles at once.
    """
    return resolve_graph(extractions, resolver)
