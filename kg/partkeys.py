"""The keys of the graph's RDF parts kept between updates, beside the kept resolution
(:mod:`kg.kept`), so that an update keys only the parts of what it changed.

:func:`kg.rdf.rdf_parts` makes a part for every document, entity, document's mentions,
statement, bare fact and entity count of the whole graph, each with a key that digests what its
triples read; an update (:mod:`kg.increment`) makes RDF again only for the subjects whose parts'
keys changed. Keying every part is a pass over the whole graph (30,000 parts at 1,600 articles).
:class:`KeptParts` keeps each article's keys (its document, the entities it mentions, its
statements and their bare facts) and each entity's (its own part and its counts), in memory or in
the kept file, and keys again only the articles an update gives, tidies again or points to an
entity whose label or type changed, and the entities made again or counted again.
:class:`KeptGraph` keeps both in one file: the archive's resolution and its part keys.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from os import PathLike
from typing import Self

from kg.kept import Kept, KeptArchive, KeptChanges, Readers, Rows, Store, row_key
from kg.model import Document, Entity, Extraction, KnowledgeGraph, Statement, statement_id
from kg.rdf import count_part, document_part, entity_part, mentions_part, statement_parts, value_type_parts
from kg.records import entity_record_key, statement_record_key
from kg.resolve import statement_order

__all__ = ["KeptGraph", "KeptPartChanges", "KeptParts"]


@dataclass
class _ArticleParts:
    """The keys of one article's RDF parts (:func:`kg.rdf.rdf_parts`), and what they read."""

    title: str | None
    published: date | None
    #: Its document part's key, and how many statements the document gave.
    document: str = ""
    statements: int = 0
    #: The entities (id, type) it mentions, and the key of their part (None: it names none).
    named: tuple[tuple[str, str], ...] = ()
    mentions: str | None = None
    #: Its statements' parts (each statement's node and bare fact), in the graph's order, and
    #: the key of each statement's line of ``statements.jsonl`` (:func:`kg.records.record_keys`).
    parts: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    #: The entities its statements point to, whose label and type their parts copy.
    refers: frozenset[str] = frozenset()
    #: ("polarity" | "modality", value) of its statements.
    values: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class KeptPartChanges:
    """What an update of :class:`KeptParts` keyed again."""

    #: The articles whose statements' parts were keyed again, and those whose mentions' part was.
    statements: frozenset[str]
    mentions: frozenset[str]
    #: The entities whose own part or counts part was keyed again or dropped.
    entities: frozenset[str]


class KeptParts(Kept):
    """The keys of the graph's RDF parts (:func:`kg.rdf.rdf_parts`), kept per article and per
    entity, so that an update keys only the parts of what it changed: the articles given, those
    tidied again, those pointing to an entity whose label or type changed, and the entities made
    again or counted again. After every update :meth:`keys` equals the keys of ``rdf_parts`` of
    the whole graph, in its order (``tests/test_kept.py``)."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._articles = Rows(store, "parts-article")
        #: Entity id -> (its part's key, type, label, the documents naming it, its record's key).
        self._entities = Rows(store, "parts-entity")
        #: Entity id -> its counts part's key.
        self._counts = Rows(store, "parts-count")
        #: ("polarity" | "modality", value) -> how many articles use it.
        self._values = Rows(store, "parts-values", Counter)
        self._referrers = Readers(store)

    def update(
        self,
        documents: Iterable[Document],
        removed: Iterable[str],
        entities: Iterable[Entity],
        gone: Iterable[str],
        counts: Mapping[str, tuple[int, int] | None],
        stated: Iterable[str],
        mapped: Iterable[str],
        article: Callable[[str], tuple[list[Statement], KnowledgeGraph, list[Entity]] | None],
        named: Callable[[str], list[tuple[str, str]]],
    ) -> KeptPartChanges:
        """Key again what changed. ``documents``: given (new, or given again); ``removed``: gone
        from the archive; ``entities`` (made again) and ``gone``: the graph's entities that
        changed; ``counts``: the new counts of the entities whose counts changed (None: in no
        statement); ``stated``: the articles whose statements were made again; ``mapped``: the
        articles whose mentions belong to other entities now; ``article`` gives an article's
        statements (:meth:`KeptOffices.article`) and ``named`` the entities (id, type) it mentions."""
        documents = {d.doc_id: d for d in documents}
        removed = set(removed) - documents.keys()
        for doc_id in sorted(removed):
            row = self._articles.pop(doc_id, None)
            if row is not None:
                self._use(doc_id, row, frozenset(), frozenset())
        relabelled: set[str] = set()
        reached: set[str] = set()
        changed: set[str] = set()
        for entity_id in sorted(gone):
            old = self._entities.pop(entity_id, None)
            if old is not None:
                relabelled.add(entity_id)
                reached.update(old[3])
                changed.add(entity_id)
        for entity in entities:
            old = self._entities.peek(entity.entity_id)
            docs = frozenset(m.doc_id for m in entity.mentions)
            key = entity_part(entity).key
            new = (key, entity.type, entity.label, docs, entity_record_key(entity, key))
            if old is None or old[1:3] != new[1:3]:
                relabelled.add(entity.entity_id)
            # A document's mentions part lists the ids and types of what it names.
            reached.update(docs if old is None else docs | old[3] if old[1] != entity.type else docs ^ old[3])
            if old != new:
                self._entities[entity.entity_id] = new
                changed.add(entity.entity_id)
        for entity_id, found in sorted(counts.items()):
            if found is None:
                self._counts.pop(entity_id, None)
            else:
                self._counts[entity_id] = count_part(entity_id, found).key
            changed.add(entity_id)
        for doc_id, document in documents.items():
            old = self._articles.peek(doc_id)
            if old is None or (old.title, old.published) != (document.title, document.published):
                self._articles[doc_id] = replace(old, title=document.title, published=document.published) if old else _ArticleParts(document.title, document.published)
        again = (set(stated) | documents.keys() | self._referrers.docs(row_key(("refers", e)) for e in relabelled)) - removed
        remention = (again | set(mapped) | reached) - removed
        keyed: set[str] = set()
        for doc_id in sorted(again | remention):
            row = self._articles.get(doc_id)
            if row is None:
                continue
            if doc_id in again:
                self._state(doc_id, row, article(doc_id))
                keyed.add(doc_id)
            if doc_id in remention:
                row.named = tuple(sorted(named(doc_id)))
                row.mentions = mentions_part(doc_id, row.named).key if row.named else None
            row.document = document_part(Document(doc_id, "", "", row.title, row.published), row.statements).key
        return KeptPartChanges(frozenset(keyed), frozenset(remention), frozenset(changed))

    def _state(self, doc_id: str, row: _ArticleParts, found: tuple[list[Statement], KnowledgeGraph, list[Entity]] | None) -> None:
        parts: list[str] = []
        records: list[str] = []
        refers: set[str] = set()
        values: set[tuple[str, str]] = set()
        statements, graph, _ = found if found is not None else ([], None, [])
        for statement in sorted(statements, key=statement_order):
            q = statement.qualifiers
            pointed = {graph.entity_id(m) for m in (statement.subject, statement.object.mention, q.location, q.affiliation, q.buyer) if m is not None}
            labels, types = {}, {}
            for entity_id in pointed:
                kept = self._entities.peek(entity_id)
                if kept is not None:
                    types[entity_id], labels[entity_id] = kept[1], kept[2]
            made, _ = statement_parts(statement, graph, statement_id(statement, graph), labels, types)
            parts.extend(part.key for part in made)
            records.append(statement_record_key(statement, made[0].key, graph, labels))
            refers |= pointed
            values |= {("polarity", statement.polarity), ("modality", statement.modality)}
        row.parts, row.records, row.statements = tuple(parts), tuple(records), len(statements)
        self._use(doc_id, row, frozenset(refers), frozenset(values))

    def _use(self, doc_id: str, row: _ArticleParts, refers: frozenset[str], values: frozenset[tuple[str, str]]) -> None:
        self._referrers.change(doc_id, frozenset(row_key(("refers", e)) for e in row.refers), frozenset(row_key(("refers", e)) for e in refers))
        if values != row.values:
            used = self._values[""]
            for value in row.values - values:
                used[value] -= 1
                if not used[value]:
                    del used[value]
            for value in values - row.values:
                used[value] += 1
        row.refers, row.values = refers, values

    # --- what is kept --------------------------------------------------------------------

    def keys(self, order: Iterable[str]) -> list[str]:
        """The keys of every part, in :func:`kg.rdf.rdf_parts`' order, for the documents in
        ``order`` (the graph's) (reads every row)."""
        articles = dict(self._articles.items())
        keys = [articles[doc_id].document for doc_id in order]
        keys.extend(row[0] for _, row in sorted(self._entities.items()))
        by_id = sorted(articles.items())
        keys.extend(row.mentions for _, row in by_id if row.mentions is not None)
        keys.extend(key for _, row in by_id for key in row.parts)
        keys.extend(key for _, key in sorted(self._counts.items()))
        used = self._values.peek("", Counter())
        keys.extend(part.key for part in value_type_parts((v for k, v in used if k == "polarity"), (v for k, v in used if k == "modality")))
        return keys

    def record_keys(self) -> list[str]:
        """The key of every line of ``statements.jsonl``, in its order: equal to
        :func:`kg.records.record_keys` of the whole graph (reads every row)."""
        keys = [row[4] for _, row in sorted(self._entities.items())]
        keys.extend(key for _, row in sorted(self._articles.items()) for key in row.records)
        return keys


class KeptGraph(Kept):
    """An archive's kept resolution (:class:`kg.kept.KeptArchive`) and the keys of its RDF parts
    (:class:`KeptParts`) in memory or in one file, updated together and saved in one transaction."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self.archive = KeptArchive(store)
        self.parts = KeptParts(store)

    def _write(self) -> None:
        self.archive._write()
        self.parts._write()

    def update(
        self, extractions: Iterable[Extraction], archived: Callable[[list[str]], Iterable[Extraction]], removed: Iterable[str] = (),
    ) -> tuple[KeptChanges, KeptPartChanges]:
        """:meth:`kg.kept.KeptArchive.update`, then the part keys of what it changed: the
        documents given, the articles tidied again, the entities made again (an office only
        while a statement uses it) and counted again."""
        extractions = list(extractions)
        removed = list(removed)
        changes = self.archive.update(extractions, archived, removed)
        offices = changes.offices
        assert offices is not None
        unused = {e.entity_id for e in offices.entities if e.entity_id not in offices.used}
        parts = self.parts.update(
            (e.document for e in extractions), removed, (*changes.entities, *(e for e in offices.entities if e.entity_id in offices.used)),
            changes.gone | offices.gone | unused, changes.counts, changes.stated, {doc_id for doc_id, _, _ in changes.mapping},
            self.archive.offices.article, self.archive.named,
        )
        return changes, parts

    def graph(self, documents: Iterable[Document]) -> KnowledgeGraph:
        """The whole graph (:meth:`kg.kept.KeptArchive.graph`, reads every row)."""
        return self.archive.graph(documents)
