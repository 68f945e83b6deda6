"""The one place that wires the stages: paths -> Documents -> spaCy -> KnowledgeGraph -> RDF -> files.

``build_knowledge_graph`` returns the resolved graph, ``build_graph`` its RDF, and ``build``
runs everything and writes an output folder; the CLI and notebooks call these.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path

from rdflib import Graph
from spacy.language import Language

from kg.extract import extract_documents
from kg.ingest import load_documents
from kg.model import Document, KnowledgeGraph, Mention, Statement
from kg.nlp import load_pipeline, parse_documents
from kg.analytics import to_networkx
from kg.files import write_files
from kg.query import write_store
from kg.rdf import to_jsonld, to_rdf, to_turtle
from kg.records import write_jsonl
from kg.render import render_html
from kg.resolve import resolve_mentions
from kg.validate import check_graph
from kg.vocab import DCTERMS, KG, RDF

log = logging.getLogger(__name__)

__all__ = ["BuildResult", "OUTPUT_FILES", "build", "build_graph", "build_knowledge_graph", "extract_graph", "render_page", "write_outputs"]

#: What ``build`` writes into its output folder.
OUTPUT_FILES = ("graph.ttl", "graph.jsonld", "statements.jsonl", "graph.html")


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` made: the graph, its RDF, the files written and the input records skipped."""

    graph: KnowledgeGraph
    rdf: Graph
    files: tuple[Path, ...]
    skipped: tuple[str, ...] = ()


def build_knowledge_graph(
    paths: Iterable[str | PathLike[str]],
    nlp: Language | None = None,
    model: str | None = None,
    jobs: int = 1,
    on_skip: Callable[[str], None] | None = None,
) -> KnowledgeGraph:
    """Read articles from files and folders and return their knowledge graph.

    Args:
        paths: .txt, .md and .jsonl files, or folders of them.
        nlp: a loaded pipeline; loaded from ``model`` when None.
        model: spaCy pipeline name, used only when ``nlp`` is None (None picks the default).
        jobs: worker processes for spaCy.
        on_skip: called with a message for every input record skipped as unreadable.

    Returns:
        The resolved knowledge graph.

    Raises:
        InputError: a path is missing or holds no supported files.
        ModelError: the spaCy pipeline cannot be loaded.
    """
    documents = list(load_documents(paths, on_skip=on_skip))
    return extract_graph(documents, nlp or load_pipeline(model), jobs=jobs)


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


def render_page(rdf: Graph, title: str | None = None, include_hedged: bool = True) -> str:
    """The interactive HTML page of an RDF graph (see :mod:`kg.render`).

    The default title is the article's headline for one document, else a count of documents.
    """
    if title is None:
        titles = sorted(str(t) for t in rdf.objects(None, DCTERMS.title))
        documents = len(set(rdf.subjects(RDF.type, KG.Document)))
        title = titles[0] if documents == 1 and titles else f"kg: {documents} document{'s' if documents != 1 else ''}"
    return render_html(to_networkx(rdf, include_hedged=include_hedged), title=title)


def write_outputs(graph: KnowledgeGraph, rdf: Graph, out_dir: str | PathLike[str]) -> list[Path]:
    """Write ``graph.ttl``, ``graph.jsonld``, ``statements.jsonl`` and ``graph.html``, all or none.

    Raises:
        OutputError: the folder or a file cannot be written; earlier outputs stay as they were.
    """
    out = Path(out_dir)
    contents = {
        out / "graph.ttl": to_turtle(rdf),
        out / "graph.jsonld": to_jsonld(rdf),
        out / "statements.jsonl": lambda stream: write_jsonl(graph, stream),
        out / "graph.html": render_page(rdf),
    }
    return write_files(contents)


def build(
    paths: Iterable[str | PathLike[str]],
    out_dir: str | PathLike[str],
    nlp: Language | None = None,
    model: str | None = None,
    jobs: int = 1,
    validate: bool = True,
    store: str | PathLike[str] | None = None,
) -> BuildResult:
    """Run the whole pipeline on articles and write the output folder.

    Args:
        paths: .txt, .md and .jsonl files, or folders of them.
        out_dir: folder for ``graph.ttl``, ``graph.jsonld``, ``statements.jsonl`` and ``graph.html``.
        nlp: a loaded pipeline; loaded from ``model`` when None.
        model: spaCy pipeline name, used only when ``nlp`` is None.
        jobs: worker processes for spaCy.
        validate: check the RDF against the SHACL shapes before anything is written.
        store: also load the graph into an on-disk oxigraph store in this folder.

    Returns:
        The graph, its RDF, the files written and the skipped input records.

    Raises:
        InputError, ModelError: as :func:`build_knowledge_graph`.
        ValidationError: the graph breaks the shapes; nothing is written.
        OutputError: an output cannot be written; earlier outputs stay whole.
    """
    skipped: list[str] = []
    graph = build_knowledge_graph(paths, nlp=nlp, model=model, jobs=jobs, on_skip=skipped.append)
    rdf = to_rdf(graph)
    if validate:
        check_graph(rdf)
    files = write_outputs(graph, rdf, out_dir)
    if store is not None:
        write_store(files[0], store)
        files.append(Path(store))
    return BuildResult(graph=graph, rdf=rdf, files=tuple(files), skipped=tuple(skipped))


def extract_graph(documents: Iterable[Document], nlp: Language, jobs: int = 1) -> KnowledgeGraph:
    """Extract, resolve and tidy the statements of already loaded documents.

    Documents are processed in doc_id order so the result does not depend on input order.
    """
    ordered = sorted({d.doc_id: d for d in documents}.values(), key=lambda d: d.doc_id)
    extractions = list(extract_documents(parse_documents(nlp, ordered, n_process=jobs)))
    mentions = [m for e in extractions for m in e.mentions]
    mentions += [m for e in extractions for s in e.statements for m in _statement_mentions(s)]
    entities, entity_of = resolve_mentions(mentions)
    graph = KnowledgeGraph(tuple(ordered), entities, (), entity_of)
    statements = [s for e in extractions for s in e.statements]
    statements = _drop_repeats(statements, graph)
    statements = _drop_vague_positions(statements, graph)
    used = {graph.entity_id(m) for s in statements for m in _statement_mentions(s)}
    # A title nobody is said to hold (a vague "Minister" dropped above) is no entity of its own.
    entities = tuple(e for e in entities if e.type != "Position" or e.entity_id in used)
    graph = replace(graph, entities=entities, statements=tuple(sorted(statements, key=_statement_order)))
    log.info("%d documents, %d entities, %d statements", len(ordered), len(entities), len(graph.statements))
    return graph


def _statement_mentions(statement: Statement) -> list[Mention]:
    q = statement.qualifiers
    found = [statement.subject, statement.object.mention, q.location, q.affiliation]
    return [m for m in found if m is not None]


def _object_key(statement: Statement, graph: KnowledgeGraph) -> str:
    if statement.object.mention is not None:
        return graph.entity_id(statement.object.mention)
    quantity = statement.object.quantity
    return f"{quantity.value}{quantity.unit or quantity.currency}" if quantity else ""


def _claim(statement: Statement, graph: KnowledgeGraph) -> tuple:
    ends = [graph.entity_id(statement.subject), _object_key(statement, graph)]
    if statement.predicate in {"meets", "speaksWith"}:
        ends.sort()
    rate = statement.qualifiers.rate.value if statement.qualifiers.rate else None
    return (statement.evidence.doc_id, statement.predicate, *ends, statement.polarity, statement.modality, rate)


def _drop_repeats(statements: list[Statement], graph: KnowledgeGraph) -> list[Statement]:
    """Keep one statement per claim per document: the first, enriched by no later repeat.

    A claim is subject, predicate, object, polarity, modality and rate; the same claim said
    again later in the article ("Secretary of State Marco Rubio" twice) is one statement.
    """
    first: dict[tuple, Statement] = {}
    for s in sorted(statements, key=lambda s: (s.evidence.doc_id, s.evidence.start, s.subject.start)):
        key = _claim(s, graph)
        if key not in first:
            first[key] = s
        elif first[key].qualifiers.date is None and s.qualifiers.date is not None:
            # A later sentence may give the date the first one left out; keep the dated reading.
            first[key] = s
    return list(first.values())


def _drop_vague_positions(statements: list[Statement], graph: KnowledgeGraph) -> list[Statement]:
    """Drop a one-word title ("Secretary") when the same person holds a fuller one ("Secretary of State")."""
    titles: dict[str, set[str]] = {}
    for s in statements:
        if s.predicate == "holdsPosition" and s.object.mention is not None:
            titles.setdefault(graph.entity_id(s.subject), set()).add(s.object.mention.name.lower())
    kept = []
    for s in statements:
        if s.predicate == "holdsPosition" and s.object.mention is not None:
            name = s.object.mention.name.lower()
            fuller = [t for t in titles[graph.entity_id(s.subject)] if t != name and name in t.split()]
            if " " not in name and fuller:
                continue
        kept.append(s)
    return kept


def _statement_order(s: Statement) -> tuple:
    return (s.evidence.doc_id, s.evidence.start, s.subject.start, s.predicate, s.object.mention.start if s.object.mention else -1)
