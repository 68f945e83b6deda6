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
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from os import PathLike
from typing import NamedTuple, Self

from kg.increment import GraphTexts, OutputCache, texts_of_parts
from kg.ingest import text_hash
from kg.kept import Kept, KeptArchive, KeptChanges, Readers, Rows, Store, row_key
from kg.model import Document, Entity, Extraction, KnowledgeGraph, Mention, Statement, statement_id
from kg.rdf import RdfPart, count_part, document_part, entity_part_of, mentions_part, node_types_of, statement_parts, value_type_part, value_types
from kg.records import EarlierLines, encode_record, entity_record, entity_record_key, statement_record, statement_record_key
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
    #: Its statements' predicates, for the build's summary.
    predicates: tuple[str, ...] = ()


class _EntityParts(NamedTuple):
    """One entity's part key and what the part reads (its type, label, aliases, merges and
    documents), and the key of its line of ``statements.jsonl``."""

    key: str
    type: str
    label: str
    documents: frozenset[str]
    record: str
    aliases: tuple[str, ...]
    merges: tuple[str, ...]


def _document_part(doc_id: str, row: _ArticleParts) -> RdfPart:
    return document_part(Document(doc_id, "", "", row.title, row.published), row.statements)


#: Where a part comes from: ("document" | "mentions", doc_id), ("statement", doc_id, n: the
#: n-th of its statements' parts), ("entity" | "count", entity_id), ("value", kind, value).
Locator = tuple


@dataclass(frozen=True)
class KeptPartChanges:
    """What an update of :class:`KeptParts` keyed again."""

    #: The articles whose statements' parts were keyed again, and those whose mentions' part was.
    statements: frozenset[str]
    mentions: frozenset[str]
    #: The entities whose own part or counts part was keyed again or dropped.
    entities: frozenset[str]
    #: The entities of the graph the update was given (made again), by id: what
    #: :meth:`KeptGraph.record_lines` makes the lines of.
    made: Mapping[str, Entity] = field(default_factory=dict)


class KeptParts(Kept):
    """The keys of the graph's RDF parts (:func:`kg.rdf.rdf_parts`), kept per article and per
    entity, so that an update keys only the parts of what it changed: the articles given, those
    tidied again, those pointing to an entity whose label or type changed, and the entities made
    again or counted again. After every update :meth:`keys` equals the keys of ``rdf_parts`` of
    the whole graph, in its order (``tests/test_kept.py``)."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._articles = Rows(store, "parts-article")
        #: Entity id -> its part's key and what the part reads.
        self._entities = Rows(store, "parts-entity")
        #: Entity id -> its counts part's key and its (statements, neighbours).
        self._counts = Rows(store, "parts-count")
        #: ("polarity" | "modality", value) -> how many articles use it.
        self._values = Rows(store, "parts-values", Counter)
        self._referrers = Readers(store)
        self._read: tuple[list[tuple[str, _ArticleParts]], list[tuple[str, _EntityParts]]] | None = None

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
        self._read = None
        documents = {d.doc_id: d for d in documents}
        given = {e.entity_id: e for e in entities}
        entities = list(given.values())
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
                reached.update(old.documents)
                changed.add(entity_id)
        for entity in entities:
            old = self._entities.peek(entity.entity_id)
            docs = frozenset(m.doc_id for m in entity.mentions)
            key = entity_part_of(entity.entity_id, entity.type, entity.label, entity.aliases, entity.merges, len(docs)).key
            new = _EntityParts(key, entity.type, entity.label, docs, entity_record_key(entity, key), entity.aliases, entity.merges)
            if old is None or (old.type, old.label) != (new.type, new.label):
                relabelled.add(entity.entity_id)
            # A document's mentions part lists the ids and types of what it names.
            reached.update(docs if old is None else docs | old.documents if old.type != entity.type else docs ^ old.documents)
            if old != new:
                self._entities[entity.entity_id] = new
                changed.add(entity.entity_id)
        for entity_id, found in sorted(counts.items()):
            if found is None:
                self._counts.pop(entity_id, None)
            else:
                self._counts[entity_id] = (count_part(entity_id, found).key, found)
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
            row.document = _document_part(doc_id, row).key
        return KeptPartChanges(frozenset(keyed), frozenset(remention), frozenset(changed), given)

    def _state(self, doc_id: str, row: _ArticleParts, found: tuple[list[Statement], KnowledgeGraph, list[Entity]] | None) -> None:
        parts, records, refers, values = self._statement_parts(found)
        row.parts, row.records, row.statements = tuple(part.key for part in parts), tuple(records), len(found[0]) if found else 0
        row.predicates = tuple(s.predicate for s in found[0]) if found else ()
        self._use(doc_id, row, frozenset(refers), frozenset(values))

    def _statement_parts(self, found: tuple[list[Statement], KnowledgeGraph, list[Entity]] | None) -> tuple[list[RdfPart], list[str], set[str], set[tuple[str, str]]]:
        """One article's statements' parts in order, their records' keys, the entities they point
        to and the polarity and modality values they use."""
        parts: list[RdfPart] = []
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
                    types[entity_id], labels[entity_id] = kept.type, kept.label
            made, _ = statement_parts(statement, graph, statement_id(statement, graph), labels, types)
            parts.extend(made)
            records.append(statement_record_key(statement, made[0].key, graph, labels))
            refers |= pointed
            values |= {("polarity", statement.polarity), ("modality", statement.modality)}
        return parts, records, refers, values

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
        return [key for key, _ in self.located(order)]

    def located(self, order: Iterable[str]) -> list[tuple[str, Locator]]:
        """:meth:`keys`, each with where its part comes from (:meth:`parts` makes it)."""
        return self._whole(order)[0]

    def _rows(self) -> tuple[list[tuple[str, _ArticleParts]], list[tuple[str, _EntityParts]]]:
        """Every article's and entity's row, by id, read once between updates (an update's texts,
        records, change report and summary all read them)."""
        if self._read is None:
            self._read = sorted(self._articles.items()), sorted(self._entities.items())
        return self._read

    def _whole(self, order: Iterable[str]) -> tuple[list[tuple[str, Locator]], list[str], list[tuple[str, str]]]:
        """:meth:`located`, :meth:`record_keys` and :meth:`entity_types`."""
        articles, entities = self._rows()
        by_id = dict(articles)
        found: list[tuple[str, Locator]] = [(by_id[doc_id].document, ("document", doc_id)) for doc_id in order]
        found.extend((row.key, ("entity", entity_id)) for entity_id, row in entities)
        found.extend((row.mentions, ("mentions", doc_id)) for doc_id, row in articles if row.mentions is not None)
        found.extend((key, ("statement", doc_id, n)) for doc_id, row in articles for n, key in enumerate(row.parts))
        found.extend((row[0], ("count", entity_id)) for entity_id, row in sorted(self._counts.items()))
        used = self._values.peek("", Counter())
        found.extend((value_type_part(kind, value).key, ("value", kind, value))
                     for kind, value in value_types((v for k, v in used if k == "polarity"), (v for k, v in used if k == "modality")))
        return found, self.record_keys(), self.entity_types()

    def parts(self, locators: Iterable[Locator], article: Callable[[str], tuple[list[Statement], KnowledgeGraph, list[Entity]] | None]) -> list[RdfPart]:
        """The parts at ``locators`` (:meth:`located`), made from the rows and, for statements,
        from their article (``article``, :meth:`kg.kept.KeptOffices.article`), each read once."""
        made: list[RdfPart] = []
        statements: dict[str, list[RdfPart]] = {}
        for locator in locators:
            kind = locator[0]
            if kind == "document":
                made.append(_document_part(locator[1], self._articles.peek(locator[1])))
            elif kind == "mentions":
                made.append(mentions_part(locator[1], self._articles.peek(locator[1]).named))
            elif kind == "statement":
                doc_id = locator[1]
                if doc_id not in statements:
                    statements[doc_id] = self._statement_parts(article(doc_id))[0]
                made.append(statements[doc_id][locator[2]])
            elif kind == "entity":
                e = self._entities.peek(locator[1])
                made.append(entity_part_of(locator[1], e.type, e.label, e.aliases, e.merges, len(e.documents)))
            elif kind == "count":
                made.append(count_part(locator[1], self._counts.peek(locator[1])[1]))
            else:
                made.append(value_type_part(locator[1], locator[2]))
        return made

    def listed(self) -> list[Document]:
        """Every document as the page lists it (id, title, date; no text), by id (reads every row)."""
        return [Document(doc_id, "", "", row.title, row.published) for doc_id, row in self._rows()[0]]

    def entity_types(self) -> list[tuple[str, str]]:
        """(id, type) of every entity of the graph, by id (reads every row)."""
        return [(entity_id, row.type) for entity_id, row in self._rows()[1]]

    def record_keys(self) -> list[str]:
        """The key of every line of ``statements.jsonl``, in its order: equal to
        :func:`kg.records.record_keys` of the whole graph (reads every row)."""
        articles, entities = self._rows()
        return [row.record for _, row in entities] + [key for _, row in articles for key in row.records]


class ArchivedDocument(NamedTuple):
    """What an update needs of a kept document without reading its extraction: whether a new
    article is already in (its id, its text's digest, and where it came from for the warning).
    What the page lists of it (title, date) is its parts' row's (:meth:`KeptParts.listed`)."""

    doc_id: str
    source: str
    digest: str

    @classmethod
    def of(cls, document: Document) -> ArchivedDocument:
        return cls(document.doc_id, document.source, text_hash(document.text))


class KeptGraph(Kept):
    """An archive's kept resolution (:class:`kg.kept.KeptArchive`), the keys of its RDF parts
    (:class:`KeptParts`) and its documents (:class:`ArchivedDocument`) in memory or in one
    file, updated together and saved in one transaction."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self.archive = KeptArchive(store)
        self.parts = KeptParts(store)
        self._documents = Rows(store, "archived-document")

    def _write(self) -> None:
        self.archive._write()
        self.parts._write()
        self._documents.save()

    def documents(self) -> dict[str, ArchivedDocument]:
        """Every kept document, by id (reads every one's row: a few dozen bytes each)."""
        return dict(self._documents.items())

    def update(
        self, extractions: Iterable[Extraction], archived: Callable[[list[str]], Iterable[Extraction]], removed: Iterable[str] = (),
    ) -> tuple[KeptChanges, KeptPartChanges]:
        """:meth:`kg.kept.KeptArchive.update`, then the part keys of what it changed: the
        documents given, the articles tidied again, the entities made again (an office only
        while a statement uses it) and counted again."""
        extractions = list(extractions)
        removed = list(removed)
        changes = self.archive.update(extractions, archived, removed)
        for doc_id in removed:
            self._documents.pop(doc_id)
        for e in extractions:
            self._documents[e.document.doc_id] = ArchivedDocument.of(e.document)
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

    def texts(
        self, order: Iterable[str], previous: OutputCache | None = None, check: bool = True, folder: str | PathLike[str] | None = None,
    ) -> GraphTexts | None:
        """:func:`kg.increment.graph_texts` of the kept graph, whose documents are ``order``,
        without the graph: the parts' keys and where they come from are kept, and only the parts
        the cache does not know, or of a subject made again, are made (equal to ``graph_texts``
        of the whole graph, tested)."""
        order = list(order)
        located, records, entity_types = self.parts._whole(order)
        where: dict[str, Locator] = {}
        for key, locator in located:
            where.setdefault(key, locator)

        def make(keys: list[str]) -> list[RdfPart]:
            return self.parts.parts([where[key] for key in keys], self.archive.offices.article)

        return texts_of_parts(list(where), make, tuple(records), lambda: node_types_of(order, entity_types), previous, check, folder=folder)

    def record_lines(self, previous: EarlierLines | None, made: Mapping[str, Entity]) -> Iterator[str]:
        """``statements.jsonl``'s lines (:func:`kg.records.record_lines` of the whole graph)
        without the graph: a line whose key ``previous`` (the last build's lines) has is that
        line; an entity's other line is made from ``made`` (:attr:`KeptPartChanges.made` of
        the updates since), a statement's from its article's kept statements.

        Raises:
            LookupError: an entity's line is neither in ``previous`` nor made: the caller makes
                the whole graph's lines instead.
        """
        articles, entities = self.parts._rows()
        labels: dict[str, str] = {}
        for entity_id, row in entities:
            labels[entity_id] = row.label
            line = previous.get(row.record) if previous is not None else None
            if line is None:
                if entity_id not in made:
                    raise LookupError(f"no line for entity {entity_id}")
                line = encode_record(entity_record(made[entity_id])) + "\n"
            yield line
        for doc_id, row in articles:
            lines = [previous.get(key) if previous is not None else None for key in row.records]
            if all(line is not None for line in lines):
                yield from lines  # type: ignore[misc]
                continue
            statements, graph, _ = self.archive.offices.article(doc_id) or ([], None, [])
            for statement, line in zip(sorted(statements, key=statement_order), lines, strict=True):
                yield line if line is not None else encode_record(statement_record(statement, graph, labels, statement_id(statement, graph))) + "\n"

    def named_in(self, doc_ids: Iterable[str]) -> dict[str, list[tuple[Mention, Entity]]]:
        """Each mention each of some kept documents has, with its entity (its label, aliases and
        merges as the graph has them; only that document's mentions): what the change report
        reads of the earlier documents the update made again (:func:`kg.changes.changes_of`)."""
        return {doc_id: self._named_in(doc_id) for doc_id in doc_ids}

    def _named_in(self, doc_id: str) -> list[tuple[Mention, Entity]]:
        found: list[tuple[Mention, Entity]] = []
        office = self.archive.offices.article(doc_id)
        named = [(entity_id, kind, mentions) for entity_id, kind, _, mentions in self.archive.resolution.entities_named(doc_id)]
        named += [(e.entity_id, e.type, [m for m in e.mentions if m.doc_id == doc_id]) for e in (office[2] if office else ())]
        for entity_id, kind, mentions in sorted(named, key=lambda n: n[0]):
            row = self.parts._entities.peek(entity_id)
            if row is None:
                continue
            entity = Entity(entity_id, kind, row.label, row.aliases, tuple(mentions), row.merges)
            found.extend((m, entity) for m in mentions)
        return found

    def summary(self, documents: int) -> dict[str, object]:
        """:func:`kg.records.summary` of the kept graph of ``documents`` documents (reads every row)."""
        articles, entities = self.parts._rows()
        return {
            "documents": documents,
            "entities": dict(sorted(Counter(row.type for _, row in entities).items())),
            "statements": dict(sorted(Counter(p for _, row in articles for p in row.predicates).items())),
        }
