"""Resolution kept between updates: the archive's decisions, groups and ids by blocking key, so
that adding articles re-decides only what their mentions touch.

:func:`kg.resolve.resolve_mentions` decides from the whole corpus, but every decision depends
on mentions that share a blocking key (``kg.blocks``): a person name on the names of its
surname, an acronym on the names of its text, an entity on the mentions of its (type, key), an
id on the labels of its family. Two things reach across keys, and both are kept as counts here:

- whether a one-word name is vouched for by a *rare* key its article shares with an article of
  the fuller name; "rare" is at most 2% of the documents, so adding documents moves the limit
  and the count of every key they name;
- the entity a span maps to when it is read as two things (the later (type, key)).

:class:`KeptResolution` holds all of it as rows, one per document, key, surname, acronym text,
group and id family. :meth:`KeptResolution.update` takes the mentions of new (or changed)
documents and the ids of removed ones, and re-decides:

1. in the surnames whose names came or went, the names of the documents that came, the names a
   name that came or went is fuller than, and the one-word names of articles that name a key
   whose rareness changed;
2. the acronym texts that came or went;
3. the groups whose members moved, their labels, and the id families whose labels changed,
   and only their entities and mapped spans.

Kept in a file (:meth:`KeptResolution.open`, SQLite), an update reads only the rows it touches
and :meth:`KeptResolution.save` writes back only those, so its cost follows the new documents
and the blocks they reach, not the archive. After every update :meth:`KeptResolution.result`
equals ``resolve_mentions`` on all documents at once (``tests/test_kept.py`` holds them equal
article by article on real text and on the corner cases: a second fuller name, the usual
bearer, a key that stops being rare).

The corpus-wide rules on either side of resolution are kept the same way: the typing of names
the model typed two ways and the organisation aliases before it (:class:`KeptNames`), the
holders of offices named by description after it (:class:`KeptHolders`), and
:class:`KeptArchive` runs the three as one update. A file's rows are pickled: open only files kg
wrote (like any pickle, a crafted one can run code).
"""
from __future__ import annotations

import hashlib
import pickle
import re
import sqlite3
from collections import ChainMap, Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from os import PathLike
from typing import Any, Self

from kg import __version__
from kg.errors import OutputError
from kg.model import Description, Document, Entity, Extraction, KnowledgeGraph, Mention, Statement, statement_id
from kg.resolve import (
    SETTLED_BY_PREFIX,
    SETTLED_TYPES,
    ArticleEntities,
    Held,
    OfficeFacts,
    PersonName,
    Place,
    TidiedArticle,
    alias_of,
    article_entities,
    article_statements,
    assign_ids,
    clippings,
    decide_offices,
    decided_facts,
    description_holder,
    family_first,
    first_persons,
    home_country,
    id_family,
    is_fuller_name,
    label_of,
    label_reading,
    make_entity,
    mark_styles,
    name_retypes,
    naming_text,
    of_shortenings,
    office_entities,
    office_facts,
    office_holdings,
    one_party,
    person_forms,
    person_decisions,
    person_names,
    person_parts,
    place_offices,
    rare_limit,
    resolution_inputs,
    self_vouched,
    settle_document,
    spelling_key,
    statement_order,
    surname,
    tidy_article,
    title_key,
)

__all__ = [
    "KeptArchive", "KeptChanges", "KeptCounts", "KeptHolders", "KeptNames", "KeptOfficeChanges", "KeptOffices", "KeptResolution", "Kept",
    "PreparedArticle", "Readers", "Rows", "Store", "row_key",
]

#: (type, key) of an entity's group of mentions.
Group = tuple[str, str]
#: (doc_id, key) of a name in one document.
Pair = tuple[str, str]
#: A mention's fields in the order resolution sorts them (``kg.resolve.distinct_mentions``).
Fields = tuple[str, int, int, str, str, str, str]
Span = tuple[str, int, int]


def _fields(m: Mention) -> Fields:
    return (m.doc_id, m.start, m.end, m.key, m.text, m.type, m.name)


def _mention(f: Fields) -> Mention:
    # Rows keep plain tuples: pickling a million slotted dataclasses is most of a row's cost.
    return Mention(f[0], f[1], f[2], f[4], f[5], f[6], f[3])


def _acronym(m: Mention) -> tuple[str, bool] | None:
    """(text, expanded?) of an organisation acronym (see ``kg.resolve._acronyms``), else None."""
    text = m.text.strip()
    if m.type == "Organization" and text.isupper() and 2 <= len(text) <= 6:
        return text, m.key != f"organization:{text.lower()}"
    return None


@dataclass(frozen=True)
class KeptChanges:
    """What an update changed: what the stages after resolution need to make again."""

    #: The entities made or made again (new members, label or id), sorted by id.
    entities: tuple[Entity, ...]
    #: The ids no entity has any more.
    gone: frozenset[str]
    #: (doc_id, start, end) -> entity id of every span whose entity changed; None: no longer mapped.
    mapping: dict[Span, str | None]
    #: (doc_id, start, end) of each office named by description whose holder changed -> the
    #: holder's first mention in its article, None: no holder now (:class:`KeptArchive` only).
    holders: dict[Span, Mention | None] = field(default_factory=dict)
    #: The offices and tidied statements made again (:class:`KeptArchive` only).
    offices: KeptOfficeChanges | None = None
    #: (statements, neighbours) of each entity whose statement counts changed, None: in no
    #: statement now (:class:`KeptArchive` only).
    counts: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    #: The articles whose statements were tidied again or name an office whose id changed
    #: (:class:`KeptArchive` only).
    stated: frozenset[str] = frozenset()


# --- rows ------------------------------------------------------------------------------------


@dataclass
class _Document:
    """One document's mentions, and where each is placed."""

    mentions: tuple[Fields, ...]
    #: Its person keys and (text, key, expanded?) acronyms, to take back when it goes.
    persons: tuple[str, ...]
    acronyms: frozenset[tuple[str, str, bool]]
    #: Organisation key -> the acronym text whose decision it follows.
    acronym_texts: dict[str, str]
    where: dict[Fields, Group] = field(default_factory=dict)
    #: Span -> the groups that have it, with how many of its mentions; span -> entity id.
    spans: dict[Span, dict[Group, int]] = field(default_factory=dict)
    mapping: dict[Span, str] = field(default_factory=dict)


@dataclass
class _Block:
    """The person names of one surname: those it decides and the candidates of its one-word
    names ("Wang Yan" for "Mr Wang" of the same article)."""

    homes: set[Pair] = field(default_factory=set)
    candidates: set[Pair] = field(default_factory=set)
    names: dict[Pair, PersonName] = field(default_factory=dict)
    offices: dict[Pair, frozenset[str]] = field(default_factory=dict)
    decisions: dict[Pair, tuple[str, str | None]] = field(default_factory=dict)


@dataclass
class _Text:
    """The organisation names written as one acronym, and the decisions of the unexpanded ones."""

    records: set[tuple[str, str, bool]] = field(default_factory=set)
    decisions: dict[Pair, tuple[str, str]] = field(default_factory=dict)


@dataclass
class _GroupRow:
    """One entity's mentions (with why each joined), its names' counts, label and id."""

    members: dict[Fields, str | None] = field(default_factory=dict)
    named: Counter[str] = field(default_factory=Counter)
    every: Counter[str] = field(default_factory=Counter)
    label: str | None = None
    entity_id: str | None = None

    def entity(self, kind: str) -> Entity:
        members = sorted(self.members.items())
        return make_entity(self.entity_id, kind, [_mention(f) for f, _ in members], {r for _, r in members if r}, self.label)


_MISSING: Any = object()


def _code_digest() -> str:
    """A digest of the code whose answers a kept file holds (an edited checkout keeps its
    version number, and a file kept by other rules would mix two answers): resolution, its
    lexicons and gazetteer, the records and the RDF's part keys."""
    digest = hashlib.blake2b(digest_size=8)
    package = resources.files("kg")
    for name in ("kept.py", "partkeys.py", "resolve.py", "model.py", "records.py", "rdf.py", "gazetteer.py", "lexicon.py"):
        digest.update(package.joinpath(name).read_bytes())
    for data in sorted(package.joinpath("data").iterdir(), key=lambda f: f.name):
        if data.is_file():
            digest.update(data.read_bytes())
    return digest.hexdigest()


#: The layout of a kept file's rows and the code that made them; a file of another is refused,
#: not misread.
FORMAT = f"kg.kept/5 {__version__} code {_code_digest()}"


class Store:
    """Rows in a SQLite file, by kind and key (pickled), and each key's document count."""

    def __init__(self, path: str | PathLike[str]) -> None:
        self.connection = sqlite3.connect(path)
        #: How many rows were read (each at most once an update).
        self.reads = 0
        try:
            self.connection.executescript(
                "CREATE TABLE IF NOT EXISTS rows (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key)) WITHOUT ROWID;"
                "CREATE TABLE IF NOT EXISTS counts (key TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID;"
                "CREATE INDEX IF NOT EXISTS counts_n ON counts (n);"
            )
            found = self.connection.execute("SELECT value FROM rows WHERE kind = 'format'").fetchone()
        except sqlite3.DatabaseError as e:
            self.connection.close()
            raise OutputError(f"{path} is not a kept resolution: {e}") from e
        if found is None:
            with self.connection:
                self.connection.execute("INSERT INTO rows VALUES ('format', '', ?)", (FORMAT.encode(),))
        elif found[0].decode() != FORMAT:
            self.connection.close()
            raise OutputError(f"{path} was kept by {found[0].decode()}, not {FORMAT}: build it again")

    def read(self, kind: str, key: str) -> Any:
        row = self.connection.execute("SELECT value FROM rows WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        self.reads += 1
        return _MISSING if row is None else pickle.loads(row[0])

    def every(self, kind: str) -> Iterator[tuple[str, Any]]:
        for key, value in self.connection.execute("SELECT key, value FROM rows WHERE kind = ?", (kind,)):
            yield key, pickle.loads(value)


class _KeyIndex:
    """Which documents name each key, and how many (whether it is rare): in memory, or in the
    store's tables, so that a key named in half the archive is never read whole to count it."""

    def __init__(self, store: Store | None) -> None:
        self.db = store.connection if store is not None else None
        if self.db is not None:
            self.db.execute("CREATE TABLE IF NOT EXISTS named (key TEXT, doc TEXT, PRIMARY KEY (key, doc)) WITHOUT ROWID")
        self.docs_of: dict[str, set[str]] = defaultdict(set)
        self.by_count: dict[int, set[str]] = defaultdict(set)

    def attach(self, store: Store) -> None:
        """Move what is kept in memory into ``store``'s tables (:meth:`Kept.write`)."""
        db = store.connection
        db.execute("CREATE TABLE IF NOT EXISTS named (key TEXT, doc TEXT, PRIMARY KEY (key, doc)) WITHOUT ROWID")
        db.executemany("INSERT INTO named VALUES (?, ?)", ((key, doc) for key, docs in self.docs_of.items() for doc in docs))
        db.executemany("INSERT OR REPLACE INTO counts VALUES (?, ?)", ((key, len(docs)) for key, docs in self.docs_of.items()))
        self.db, self.docs_of, self.by_count = db, defaultdict(set), defaultdict(set)

    def count(self, key: str) -> int:
        if self.db is None:
            return len(self.docs_of.get(key, ()))
        row = self.db.execute("SELECT n FROM counts WHERE key = ?", (key,)).fetchone()
        return 0 if row is None else row[0]

    def docs(self, key: str) -> set[str]:
        if self.db is None:
            return set(self.docs_of.get(key, ()))
        return {doc for (doc,) in self.db.execute("SELECT doc FROM named WHERE key = ?", (key,))}

    def change(self, key: str, doc_id: str, add: bool) -> None:
        if self.db is not None:
            n = self.count(key) + (1 if add else -1)
            if add:
                self.db.execute("INSERT INTO named VALUES (?, ?)", (key, doc_id))
            else:
                self.db.execute("DELETE FROM named WHERE key = ? AND doc = ?", (key, doc_id))
            if n:
                self.db.execute("INSERT OR REPLACE INTO counts VALUES (?, ?)", (key, n))
            else:
                self.db.execute("DELETE FROM counts WHERE key = ?", (key,))
            return
        docs = self.docs_of[key]
        self.by_count[len(docs)].discard(key)
        (docs.add if add else docs.discard)(doc_id)
        if docs:
            self.by_count[len(docs)].add(key)
        else:
            del self.docs_of[key]

    def counted_between(self, low: int, high: int) -> set[str]:
        """The keys named in ``low`` to ``high`` documents."""
        if self.db is None:
            return {key for n in range(low, high + 1) for key in self.by_count.get(n, ())}
        return {key for (key,) in self.db.execute("SELECT key FROM counts WHERE n BETWEEN ? AND ?", (low, high))}


def row_key(key: Any) -> str:
    return "\x1f".join(map(str, key)) if isinstance(key, tuple) else key


class Rows:
    """One kind of row: read on first use, written back (or deleted) when saved; in memory only
    when there is no store."""

    def __init__(self, store: Store | None, kind: str, factory: Callable[[], Any] | None = None, decode: Callable[[str], Any] = str) -> None:
        self.store, self.kind, self.factory, self.decode = store, kind, factory, decode
        self.loaded: dict[Any, Any] = {}
        #: Rows only looked at (:meth:`peek`), which are not written back.
        self.peeked: dict[Any, Any] = {}
        self.gone: set[Any] = set()

    def get(self, key: Any, default: Any = None) -> Any:
        """A row that may be changed in place (and so is written back)."""
        value = self._read(key, keep=True)
        return default if value is _MISSING else value

    def peek(self, key: Any, default: Any = None) -> Any:
        """A row only looked at: the caller must not change it (it is not written back)."""
        value = self._read(key, keep=False)
        return default if value is _MISSING else value

    def _read(self, key: Any, keep: bool) -> Any:
        value = self.loaded.get(key, _MISSING)
        if value is not _MISSING or self.store is None or key in self.gone:
            return value
        value = self.peeked.pop(key, _MISSING) if keep else self.peeked.get(key, _MISSING)
        if value is _MISSING:
            value = self.store.read(self.kind, row_key(key))
        if value is not _MISSING:
            (self.loaded if keep else self.peeked)[key] = value
        return value

    def __getitem__(self, key: Any) -> Any:
        value = self.get(key, _MISSING)
        if value is _MISSING:
            if self.factory is None:
                raise KeyError(key)
            value = self[key] = self.factory()
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self.loaded[key] = value
        self.peeked.pop(key, None)
        self.gone.discard(key)

    def __contains__(self, key: Any) -> bool:
        return self.get(key, _MISSING) is not _MISSING

    def pop(self, key: Any, default: Any = None) -> Any:
        value = self.get(key, default)
        self.loaded.pop(key, None)
        self.peeked.pop(key, None)
        if self.store is not None:
            self.gone.add(key)
        return value

    def items(self) -> Iterator[tuple[Any, Any]]:
        """Every row (reads the whole store: for :meth:`KeptResolution.result`)."""
        yield from self.loaded.items()
        if self.store is not None:
            for key, value in self.store.every(self.kind):
                decoded = self.decode(key)
                if decoded not in self.loaded and decoded not in self.gone:
                    yield decoded, self.peeked.get(decoded, value)

    def save(self) -> None:
        """Write back every row read (a row read may have been changed in place) and forget them."""
        if self.store is None:
            return
        db = self.store.connection
        db.executemany("DELETE FROM rows WHERE kind = ? AND key = ?", ((self.kind, row_key(k)) for k in self.gone))
        db.executemany("INSERT OR REPLACE INTO rows VALUES (?, ?, ?)",
                       ((self.kind, row_key(k), pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for k, v in self.loaded.items()))
        self.loaded, self.peeked, self.gone = {}, {}, set()


class Kept:
    """What the kept parts share: rows in a store (or in memory), a file opened, and what the
    updates changed written back in one transaction."""

    _store: Store | None = None

    @classmethod
    def open(cls, path: str | PathLike[str]) -> Self:
        """Kept in a file (made empty when there is none); :meth:`save` writes back what updates changed."""
        return cls(Store(path))

    def save(self) -> None:
        """Write the rows updates read back to the file, in one transaction."""
        if self._store is not None:
            with self._store.connection:
                self._write()

    def close(self) -> None:
        if self._store is not None:
            self._store.connection.close()

    def write(self, path: str | PathLike[str]) -> None:
        """Write what is kept in memory into a new file, which :meth:`open` reads: a build from
        scratch fills its archive in memory (at 1,600 articles in 2.6 s, where filling the file
        row by row takes 7 s) and writes it once. The object is the closed file's afterwards."""
        if self._store is not None:
            raise ValueError("already kept in a file")
        store = Store(path)
        try:
            self._attach(store)
            with store.connection:
                self._write()
        finally:
            store.connection.close()

    def _attach(self, store: Store) -> None:
        self._store = store
        for value in vars(self).values():
            if isinstance(value, Rows):
                value.store = store
            elif isinstance(value, Kept):
                value._attach(store)
            elif isinstance(value, (_KeyIndex, Readers)):
                value.attach(store)

    def _tables(self) -> tuple[Rows, ...]:
        """Every kind of row this part keeps (each one an attribute)."""
        return tuple(value for value in vars(self).values() if isinstance(value, Rows))

    def _write(self) -> None:
        for rows in self._tables():
            rows.save()


class KeptResolution(Kept):
    """The resolution of a growing set of documents, re-decided only where they change.

    Example:
        >>> kept = KeptResolution()
        >>> _ = kept.update([Mention("a", 0, 11, "David Frost", "Person", "David Frost", "person:david frost")])
        >>> changes = kept.update([Mention("b", 0, 8, "Mr Frost", "Person", "Frost", "person:frost")])
        >>> changes.mapping, [e.entity_id for e in changes.entities]
        ({('b', 0, 8): 'person/david-frost'}, ['person/david-frost'])
    """

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        meta = store.read("meta", "meta") if store is not None else _MISSING
        #: How many documents are kept; the rare limit the keys' counts were last judged by.
        self._count, self._limit = (0, rare_limit(0)) if meta is _MISSING else meta
        self._documents = Rows(store, "document")
        #: Doc_id -> (every key its mentions have, the surnames of its one-word person names).
        self._contexts = Rows(store, "context")
        #: Key -> the documents that name it (how many: whether it is rare).
        self._index = _KeyIndex(store)
        self._blocks = Rows(store, "surname", _Block)
        #: Person key -> in how many of the documents naming it each key is named (what vouches
        #: for a one-word name that would join it, read without those documents' contexts).
        self._near = Rows(store, "near", Counter)
        self._texts = Rows(store, "text", _Text)
        self._groups = Rows(store, "group", _GroupRow, lambda k: tuple(k.split("\x1f")))
        #: Id family -> its groups with their labels.
        self._families = Rows(store, "family", dict)
        #: Group -> its entity's id; entity id -> (type, label): what the steps after resolution
        #: read of an entity without its mentions.
        self._ids = Rows(store, "group-id")
        self._entities = Rows(store, "entity")

    def _write(self) -> None:
        super()._write()
        self._store.connection.execute("INSERT OR REPLACE INTO rows VALUES ('meta', 'meta', ?)", (pickle.dumps((self._count, self._limit)),))

    # --- what is kept --------------------------------------------------------------------

    def entity_map(self, doc_id: str) -> dict[Span, str]:
        """(doc_id, start, end) -> entity id of one kept document's mentions."""
        document = self._documents.peek(doc_id)
        return {} if document is None else dict(document.mapping)

    def entity(self, entity_id: str) -> tuple[str, str] | None:
        """(type, label) of a kept entity, None for an id no entity has."""
        return self._entities.peek(entity_id)

    def entities_named(self, doc_id: str) -> list[tuple[str, str, str, list[Mention]]]:
        """Each entity one kept document names, in the order of their ids, as (entity id, type,
        label, its mentions in the document, in order): what :func:`kg.resolve.article_entities` reads."""
        document = self._documents.peek(doc_id)
        by_group: dict[Group, list[Fields]] = defaultdict(list)
        for fields, group in () if document is None else document.where.items():
            by_group[group].append(fields)
        found = []
        for group, members in by_group.items():
            entity_id = self._ids.peek(group)
            found.append((entity_id, group[0], self._entities.peek(entity_id)[1], [_mention(f) for f in sorted(members)]))
        return sorted(found, key=lambda e: e[0])

    @property
    def rows_read(self) -> int:
        """How many rows this object has read from its file (none in memory)."""
        return 0 if self._store is None else self._store.reads

    @property
    def documents(self) -> int:
        """How many documents are resolved (those with at least one mention)."""
        return self._count

    def result(self) -> tuple[tuple[Entity, ...], dict[Span, str]]:
        """As :func:`kg.resolve.resolve_mentions`: the entities sorted by id and a map from
        (doc_id, start, end) of each mention to its entity id (reads every row)."""
        entities = sorted((row.entity(group[0]) for group, row in self._groups.items()), key=lambda e: e.entity_id)
        mapping = {span: entity_id for _, document in self._documents.items() for span, entity_id in document.mapping.items()}
        return tuple(entities), mapping

    # --- an update -----------------------------------------------------------------------

    def update(
        self, mentions: Iterable[Mention], offices: Mapping[Pair, Iterable[str]] | None = None, removed: Iterable[str] = ()
    ) -> KeptChanges:
        """Add the documents of ``mentions`` (replacing any kept under the same doc_id) and drop
        ``removed``; ``offices`` are the added documents' (doc_id, person key) -> office head
        words, as :func:`kg.resolve.resolution_inputs` gives them."""
        by_doc: dict[str, set[Fields]] = defaultdict(set)
        for m in mentions:
            by_doc[m.doc_id].add(_fields(m))
        office_by_doc: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
        for (doc_id, key), heads in (offices or {}).items():
            if doc_id in by_doc:
                office_by_doc[doc_id][key] = frozenset(heads)
        touched = _Touched()
        for doc_id in sorted({*removed, *by_doc}):
            if doc_id in self._documents:
                self._remove(doc_id, touched)
        for doc_id in sorted(by_doc):
            self._add(doc_id, by_doc[doc_id], office_by_doc.get(doc_id, {}), touched)
        flipped = self._rarity(touched)
        moved = self._decide_persons(touched, flipped) | self._decide_acronyms(touched)
        added = set(touched.added)
        for doc_id, key in sorted(moved):
            document = self._documents.get(doc_id)
            for fields in () if document is None else document.mentions:
                if fields[3] == key and doc_id not in added:
                    self._unplace(document, fields, touched)
                    self._place(document, fields, touched)
        for doc_id in touched.added:
            document = self._documents[doc_id]
            for fields in document.mentions:
                self._place(document, fields, touched)
        return self._regroup(touched)

    def _remove(self, doc_id: str, touched: _Touched) -> None:
        document = self._documents[doc_id]
        for fields in list(document.where):
            self._unplace(document, fields, touched)
        touched.unmapped.update(document.mapping)
        self._documents.pop(doc_id)
        context, _ = self._contexts.pop(doc_id)
        self._count -= 1
        for key in context:
            self._recount(key, doc_id, touched, add=False)
        for key in document.persons:
            self._route((doc_id, key), None, touched, context)
        for text, key, expanded in document.acronyms:
            row = self._texts[text]
            row.records.discard((doc_id, key, expanded))
            row.decisions.pop((doc_id, key), None)
            touched.texts.add(text)

    def _add(self, doc_id: str, mentions: set[Fields], offices: dict[str, frozenset[str]], touched: _Touched) -> None:
        if not mentions:
            return
        ordered = tuple(sorted(mentions))
        made = [_mention(f) for f in ordered]
        names = person_names([m for m in made if m.type == "Person"])
        pair_offices = {(doc_id, key): set(heads) for key, heads in offices.items()}
        mark_styles(names, pair_offices)
        for (_, key), name in names.items():
            name.styled = self_vouched(name, doc_id, pair_offices)
        acronyms = {(found[0], m.key, found[1]) for m in made if (found := _acronym(m)) is not None}
        texts = {key: text for text, key, expanded in acronyms if not expanded}
        persons = tuple(sorted(key for _, key in names))
        self._documents[doc_id] = _Document(ordered, persons, frozenset(acronyms), texts)
        context = frozenset(f[3] for f in ordered)
        one_word = frozenset(surname(key) for key in persons if len(person_parts(key)) == 1)
        self._contexts[doc_id] = (context, one_word)
        self._count += 1
        touched.added.append(doc_id)
        for key in context:
            self._recount(key, doc_id, touched, add=True)
        for pair, name in names.items():
            self._route(pair, (name, offices.get(pair[1])), touched, context)
        for text, key, expanded in acronyms:
            self._texts[text].records.add((doc_id, key, expanded))
            touched.texts.add(text)

    def _route(self, pair: Pair, name: tuple[PersonName, frozenset[str] | None] | None, touched: _Touched, context: frozenset[str]) -> None:
        """A person name belongs to its surname's block, and a family name first ("Wang Yan")
        is also a candidate in its first word's block ("Mr Wang" of its article). ``name``:
        the name and its offices to add, None to take it away; ``context``: its document's keys."""
        near = self._near[pair[1]]
        if name is None:
            near.subtract(context)
            near = +near
            if near:
                self._near[pair[1]] = near
            else:
                self._near.pop(pair[1])
        else:
            near.update(context)
        home = surname(pair[1])
        first = family_first(pair[1])
        for block, own in ((home, True), *(((first, False),) if first is not None and first != home else ())):
            row = self._blocks[block]
            members = row.homes if own else row.candidates
            if name is None:
                members.discard(pair)
                if pair not in row.homes and pair not in row.candidates:
                    row.names.pop(pair, None)
                    row.offices.pop(pair, None)
                if own:
                    row.decisions.pop(pair, None)
            else:
                members.add(pair)
                row.names[pair] = name[0]
                if name[1]:
                    row.offices[pair] = name[1]
            touched.surnames.add(block)
            touched.pairs[block].add(pair[1])
        touched.documents.add(pair[0])

    def _recount(self, key: str, doc_id: str, touched: _Touched, add: bool) -> None:
        if key not in touched.counted:
            touched.counted[key] = self._index.count(key)
        self._index.change(key, doc_id, add)

    # --- decisions ------------------------------------------------------------------------

    def _frequent(self, key: str) -> bool:
        """Named in too many documents to vouch for a name (not rare)."""
        return self._index.count(key) > self._limit

    def _rarity(self, touched: _Touched) -> set[str]:
        """The keys whose rareness the update changed: their counts moved, or the limit did."""
        limit = rare_limit(self._count)
        low, high = sorted((self._limit, limit))
        suspects: dict[str, int] = dict(touched.counted)  # key -> count before
        if int(high) > int(low):
            for key in self._index.counted_between(int(low) + 1, int(high)):
                suspects.setdefault(key, self._index.count(key))
        flipped = {key for key, before in suspects.items() if (before > self._limit) != (self._index.count(key) > limit)}
        self._limit = limit
        return flipped

    def _decide_persons(self, touched: _Touched, flipped: set[str]) -> set[Pair]:
        """Decide the touched names again; the names whose target or reason changed."""
        vouching = {doc_id for key in flipped for doc_id in self._index.docs(key)}
        surnames = set(touched.surnames)
        for doc_id in vouching:
            surnames |= self._contexts[doc_id][1]
        changed: set[Pair] = set()
        for block in sorted(surnames):
            row = self._blocks.get(block)
            if row is None:
                continue
            if not row.homes and not row.candidates:
                self._blocks.pop(block)
                continue
            # A name's decision reads its own article's names and the block's fuller names (their
            # articles, genders, titles, offices): only the names of the documents that came, of
            # the documents whose rare keys changed, and those a name that came or went is fuller
            # than are decided again.
            pairs_of: dict[str, list[Pair]] = defaultdict(list)
            for pair in row.homes:
                pairs_of[pair[1]].append(pair)
            moved = touched.pairs.get(block, set())
            again = {pair for pair in row.homes if pair[0] in touched.documents or pair[0] in vouching}
            for key, pairs in pairs_of.items():
                if any(is_fuller_name(key, other) for other in moved):
                    again.update(pairs)
            if not again:
                continue
            target, reasons = self._decide(row, again)
            for pair in again:
                decision = (target[pair], reasons.get(pair))
                if row.decisions.get(pair) != decision:
                    row.decisions[pair] = decision
                    changed.add(pair)
        return changed

    def _decide(self, row: _Block, again: set[Pair]) -> tuple[dict, dict]:
        offices = {pair: set(heads) for pair, heads in row.offices.items()}

        def vouched(doc_id: str, short: PersonName, full: str) -> bool:
            """A rare key of the one-word name's article that another article of ``full`` names."""
            if short.styled:
                return True
            near = self._near.get(full) or {}
            own = 1 if (doc_id, full) in row.homes else 0  # its own article names both: not another
            return any(
                k != short.key and k != full and near.get(k, 0) > own and not self._frequent(k) for k in self._contexts[doc_id][0]
            )

        return person_decisions(row.names, vouched, offices, again.__contains__)

    def _decide_acronyms(self, touched: _Touched) -> set[Pair]:
        """Decide the touched acronym texts again; the names whose expansion changed."""
        changed: set[Pair] = set()
        for text in sorted(touched.texts):
            row = self._texts[text]
            if not row.records:
                changed.update(row.decisions)
                self._texts.pop(text)
                continue
            expansions = {key for _, key, expanded in row.records if expanded}
            first: dict[str, str] = {}
            for doc_id, key, expanded in row.records:
                if expanded:
                    first[key] = min(doc_id, first.get(key, doc_id))
            for doc_id, key, expanded in row.records:
                if expanded:
                    continue
                pair = (doc_id, key)
                decision = None
                if len(expansions) == 1:
                    (full,) = expansions
                    decision = (full, f"{text} ({doc_id}) -> {full.split(':', 1)[1]}: the acronym's one expansion, in {first[full]}")
                if row.decisions.get(pair) != decision:
                    if decision is None:
                        del row.decisions[pair]
                    else:
                        row.decisions[pair] = decision
                    changed.add(pair)
        return changed

    # --- groups, ids, entities ------------------------------------------------------------

    def _place(self, document: _Document, fields: Fields, touched: _Touched) -> None:
        doc_id, _, _, key, text, kind, name = fields
        pair = (doc_id, key)
        reason = None
        if kind == "Person":
            key, reason = self._blocks[surname(key)].decisions.get(pair, (key, None))
        elif key in document.acronym_texts and pair in (joined := self._texts[document.acronym_texts[key]].decisions):
            key, reason = joined[pair]
        group = (kind, spelling_key(key))
        row = self._groups[group]
        row.members[fields] = reason
        row.every[name] += 1
        if naming_text(text):
            row.named[name] += 1
        document.where[fields] = group
        span = fields[:3]
        counts = document.spans.setdefault(span, {})
        counts[group] = counts.get(group, 0) + 1
        touched.groups.add(group)
        touched.spans.add(span)

    def _unplace(self, document: _Document, fields: Fields, touched: _Touched) -> None:
        group = document.where.pop(fields, None)
        if group is None:
            return
        row = self._groups[group]
        del row.members[fields]
        row.every[fields[6]] -= 1
        if naming_text(fields[4]):
            row.named[fields[6]] -= 1
        span = fields[:3]
        counts = document.spans[span]
        counts[group] -= 1
        if not counts[group]:
            del counts[group]
        touched.groups.add(group)
        touched.spans.add(span)

    def _regroup(self, touched: _Touched) -> KeptChanges:
        families: set[str] = set()
        remade: set[Group] = set()
        before: set[str] = set()
        for group in sorted(touched.groups):
            row = self._groups[group]
            old = row.label
            if row.entity_id is not None:
                before.add(row.entity_id)
            if old is not None:
                families.add(id_family(group[0], old))
            if not row.members:
                self._groups.pop(group)
                self._ids.pop(group)
                if old is not None:
                    self._families[id_family(group[0], old)].pop(group, None)
                continue
            row.named, row.every = +row.named, +row.every  # the names still given
            label = label_of(row.named or row.every)
            if label != old:
                if old is not None:
                    self._families[id_family(group[0], old)].pop(group, None)
                row.label = label
                family = id_family(group[0], label)
                self._families[family][group] = label
                families.add(family)
            remade.add(group)
        renamed: set[Group] = set()
        for family in sorted(families):
            labels = self._families[family]
            if not labels:
                self._families.pop(family)
                continue
            for group, entity_id in assign_ids((kind, key, label) for (kind, key), label in labels.items()).items():
                row = self._groups[group]
                if row.entity_id != entity_id:
                    if row.entity_id is not None:
                        before.add(row.entity_id)
                        renamed.add(group)
                    row.entity_id = entity_id
                    remade.add(group)
        spans = {(span[0], span): None for span in touched.spans}
        for group in renamed:
            # Every span of a group that took another id maps to the new one.
            spans.update(((fields[0], fields[:3]), None) for fields in self._groups[group].members)
        made: list[Entity] = []
        for group in sorted(remade):
            made.append(self._groups[group].entity(group[0]))
        mapping: dict[Span, str | None] = {}
        for doc_id, span in sorted(spans):
            document = self._documents.get(doc_id)
            counts = document.spans.get(span) if document is not None else None
            # A document given again starts with no spans mapped: what it had is in unmapped.
            old = document.mapping.get(span, touched.unmapped.get(span)) if document is not None else touched.unmapped.get(span)
            new = None
            if counts:
                # One span read as two things maps to the later (type, key), as in resolve_mentions.
                new = document.mapping[span] = self._groups[max(counts)].entity_id
            elif document is not None:
                document.spans.pop(span, None)
                document.mapping.pop(span, None)
            if new != old:
                mapping[span] = new
        now = {e.entity_id for e in made}
        for entity_id in before - now:
            self._entities.pop(entity_id)
        for entity in made:
            self._entities[entity.entity_id] = (entity.type, entity.label)
        for group in remade:
            self._ids[group] = self._groups[group].entity_id
        return KeptChanges(tuple(sorted(made, key=lambda e: e.entity_id)), frozenset(before - now), mapping)


class _Touched:
    """What one update changed, for the steps after it."""

    def __init__(self) -> None:
        self.added: list[str] = []
        #: Key -> how many documents named it before the update.
        self.counted: dict[str, int] = {}
        self.surnames: set[str] = set()
        #: Surname -> the person keys that came or went there; the documents they came or went in.
        self.pairs: dict[str, set[str]] = defaultdict(set)
        self.documents: set[str] = set()
        self.texts: set[str] = set()
        self.groups: set[Group] = set()
        self.spans: set[Span] = set()
        #: Span -> entity id of the documents removed (or given again).
        self.unmapped: dict[Span, str] = {}


# --- one type and one name per organisation across the corpus, kept ---------------------------


@dataclass(frozen=True)
class _Names:
    """What one document gives the corpus-wide typing and naming (``kg.resolve.settle_types``,
    ``settle_names``)."""

    #: The keys of its person, organisation and place mentions (their type prefix and name).
    keys: frozenset[str]
    #: (type, name) of those mentions, which a retyping is keyed by.
    kinds: frozenset[tuple[str, str]]
    #: Names it writes with an honorific, and names that end a fuller person's name of it.
    honoured: frozenset[str]
    surnamed: frozenset[str]


class KeptNames(Kept):
    """The corpus's typing of contested names and its organisation aliases, kept between updates
    (:func:`kg.resolve.settle_types` and :func:`kg.resolve.settle_names` decided per name).

    :meth:`update` takes new (or changed) documents' raw extractions and removed ids, decides
    again only the names they touch, and returns the kept documents whose settled form changed;
    :meth:`settle` gives any document's extraction as the whole corpus would settle it.
    """

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._documents = Rows(store, "names-document")
        #: Name -> key type prefix -> the documents giving it that type.
        self._typed = Rows(store, "typed", dict)
        self._honoured = Rows(store, "honoured", set)
        self._surnamed = Rows(store, "surnamed", set)
        #: Name -> (doc_id, type) -> the type the corpus gives it there.
        self._retyped = Rows(store, "retyped", dict)
        #: Organisation name (settled) -> its documents; the names it is the "of" part of, or clips.
        self._orgs = Rows(store, "orgs", set)
        self._of = Rows(store, "of", set)
        self._clips = Rows(store, "clips", set)
        self._aliases = Rows(store, "alias")
        #: Doc_id -> the settled organisation names it is counted under.
        self._doc_orgs = Rows(store, "doc-orgs")

    def _retypes_of(self, doc_id: str, names: _Names) -> dict[tuple[str, str], str]:
        out = {}
        for kind, name in names.kinds:
            winner = self._retyped.get(name, {}).get((doc_id, kind))
            if winner is not None:
                out[(kind, name)] = winner
        return out

    def settle(self, extraction: Extraction) -> Extraction:
        """The extraction of a kept document as ``settle_names(settle_types(...))`` of the whole
        corpus leaves it."""
        doc_id = extraction.document.doc_id
        names = self._documents.get(doc_id)
        if names is None:
            return extraction
        retypes = self._retypes_of(doc_id, names)
        aliases = {name: full for name in self._doc_orgs.get(doc_id, ()) if (full := self._aliases.get(name)) is not None}
        return settle_document(extraction, retypes, aliases)

    def update(self, extractions: Iterable[Extraction], removed: Iterable[str] = ()) -> frozenset[str]:
        """Add (or replace) the documents of ``extractions`` and drop ``removed``; the documents
        kept before whose settled form the update changed."""
        extractions = {e.document.doc_id: e for e in extractions}
        touched: set[str] = set()
        retyped: set[str] = set()  # documents whose retyping may have changed
        for doc_id in sorted({*removed, *extractions}):
            names = self._documents.pop(doc_id, None)
            if names is not None:
                self._facts(doc_id, names, touched, add=False)
                retyped.add(doc_id)
        for doc_id, extraction in sorted(extractions.items()):
            names = _names_of(extraction)
            self._documents[doc_id] = names
            self._facts(doc_id, names, touched, add=True)
            retyped.add(doc_id)
        for name in sorted(touched):
            retyped |= self._decide_type(name)
        orgs: set[str] = set()
        for doc_id in sorted(retyped):
            orgs |= self._count_orgs(doc_id)
        shorts: set[str] = set()
        for name in orgs:
            shorts.add(name)
            shorts.update(of_shortenings(name))
            shorts.update(clippings(name))
        renamed: set[str] = set()
        for short in sorted(shorts):
            full = alias_of(short, lambda name: self._orgs.get(name, ()), self._of.get(short, ()), self._clips.get(short, ())) if short in self._orgs else None
            if full != self._aliases.get(short):
                if full is None:
                    self._aliases.pop(short)
                else:
                    self._aliases[short] = full
                renamed.update(self._orgs.get(short, ()))
        return frozenset(d for d in retyped | renamed if d in self._documents and d not in extractions)

    def _facts(self, doc_id: str, names: _Names, touched: set[str], add: bool) -> None:
        change = set.add if add else set.discard
        for key in names.keys:
            prefix, _, name = key.partition(":")
            docs = self._typed[name].setdefault(prefix, set())
            change(docs, doc_id)
            if not docs:
                del self._typed[name][prefix]
            if not self._typed[name]:
                self._typed.pop(name)
            touched.add(name)
        for rows, found in ((self._honoured, names.honoured), (self._surnamed, names.surnamed)):
            for name in found:
                change(rows[name], doc_id)
                if not rows[name]:
                    rows.pop(name)
                touched.add(name)

    def _decide_type(self, name: str) -> set[str]:
        """Decide one name's types again; the documents whose retyping changed."""
        typed = self._typed.get(name, {})
        decided: dict[tuple[str, str], str] = {}
        if len(typed) > 1:
            types = {SETTLED_BY_PREFIX[prefix]: docs for prefix, docs in typed.items()}
            honoured = {(d, name) for d in self._honoured.get(name, ())}
            surnamed = {(d, name) for d in self._surnamed.get(name, ())}
            decided = {(doc_id, kind): winner for (doc_id, kind, _), winner in name_retypes(name, types, honoured, surnamed).items()}
        before = self._retyped.get(name, {})
        if decided == before:
            return set()
        if decided:
            self._retyped[name] = decided
        else:
            self._retyped.pop(name)
        return {doc_id for doc_id, kind in decided.keys() | before.keys() if decided.get((doc_id, kind)) != before.get((doc_id, kind))}

    def _count_orgs(self, doc_id: str) -> set[str]:
        """Count a document under its settled organisation names again; the names that changed."""
        names = self._documents.get(doc_id)
        now: frozenset[str] = frozenset()
        if names is not None:
            retypes = self._retypes_of(doc_id, names)
            now = frozenset(name for kind, name in names.kinds if retypes.get((kind, name), kind) == "Organization")
        before = self._doc_orgs.get(doc_id, frozenset())
        if now:
            self._doc_orgs[doc_id] = now
        else:
            self._doc_orgs.pop(doc_id)
        for name in before - now:
            docs = self._orgs[name]
            docs.discard(doc_id)
            if not docs:
                self._orgs.pop(name)
                self._index(name, add=False)
        for name in now - before:
            if name not in self._orgs:
                self._index(name, add=True)
            self._orgs[name].add(doc_id)
        return set(before ^ now)

    def _index(self, name: str, add: bool) -> None:
        for rows, shorts in ((self._of, of_shortenings(name)), (self._clips, clippings(name))):
            for short in shorts:
                (rows[short].add if add else rows[short].discard)(name)
                if not rows[short]:
                    rows.pop(short)


def _names_of(extraction: Extraction) -> _Names:
    keys = frozenset(m.key for m in extraction.mentions if m.type in SETTLED_TYPES)
    honoured, surnamed = person_forms([extraction])
    return _Names(keys, frozenset((m.type, m.key.split(":", 1)[1]) for m in extraction.mentions if m.type in SETTLED_TYPES),
                  frozenset(name for _, name in honoured), frozenset(name for _, name in surnamed))


class KeptArchive(Kept):
    """An archive's kept typing and naming (:class:`KeptNames`), resolution
    (:class:`KeptResolution`) and holders of offices named by description (:class:`KeptHolders`)
    together, in memory or in one file: the mentions of the documents as the whole corpus
    settles them, resolved, and who "the prime minister" of each article is.

    Example:
        >>> from kg.model import Document
        >>> def article(doc_id, *mentions):
        ...     return Extraction(Document(doc_id, "", doc_id), tuple(mentions), ())
        >>> archive, stored = KeptArchive(), {}
        >>> def archived(ids):
        ...     return [stored[i] for i in ids]
        >>> stored["a"] = article("a", Mention("a", 0, 11, "David Frost", "Person", "David Frost", "person:david frost"))
        >>> stored["b"] = article("b", Mention("b", 0, 5, "Frost", "Person", "Frost", "person:frost"))
        >>> _ = archive.update([stored["a"]], archived)
        >>> changes = archive.update([stored["b"]], archived)
        >>> [e.entity_id for e in changes.entities]
        ['person/frost--b']
    """

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self.names = KeptNames(store)
        self.resolution = KeptResolution(store)
        self.holders = KeptHolders(store)
        self.offices = KeptOffices(store)
        self.counts = KeptCounts(store)

    def _write(self) -> None:
        for part in (self.names, self.resolution, self.holders, self.offices, self.counts):
            part._write()

    def update(
        self, extractions: Iterable[Extraction], archived: Callable[[list[str]], Iterable[Extraction]], removed: Iterable[str] = (),
    ) -> KeptChanges:
        """Add (or replace) the documents of ``extractions`` and drop ``removed``. Kept documents
        that the new ones make the corpus type or name otherwise are resolved again from their
        extractions, which ``archived`` reads (by doc_id) from wherever the archive keeps them.
        In a file nothing changes until :meth:`save`, so an update that raises leaves it as it was."""
        extractions = list(extractions)
        removed = set(removed)
        again = sorted(self.names.update(extractions, removed))
        old = list(archived(again)) if again else []
        settled = [self.names.settle(e) for e in (*extractions, *old)]
        mentions, offices = resolution_inputs(settled)
        named = {m.doc_id for m in mentions}
        # A document whose mentions all went (or were never resolvable) is dropped, not kept empty.
        gone = removed | {e.document.doc_id for e in settled if e.document.doc_id not in named}
        changes = self.resolution.update(mentions, offices, removed=gone)
        # The holders read each document as settled and resolved: those given, read again, or
        # with a mention whose entity changed.
        again = {e.document.doc_id: e for e in settled}
        moved = sorted({doc_id for doc_id, _, _ in changes.mapping} - again.keys() - removed)
        again.update((e.document.doc_id, self.names.settle(e)) for e in (archived(moved) if moved else ()))
        holders = self.holders.update(
            [(e, self.resolution.entity_map(doc_id)) for doc_id, e in sorted(again.items()) if doc_id not in removed], removed=removed,
        )
        # The offices read each document's statements as settled, resolved and described: those
        # the holders read, those with a description whose holder changed, and those naming an
        # entity whose label now reads otherwise.
        more = sorted(({doc_id for doc_id, _, _ in holders} | self.offices.relabelled(changes.entities)) - again.keys() - gone)
        again.update((e.document.doc_id, self.names.settle(e)) for e in (archived(more) if more else ()))
        prepared = []
        for doc_id, e in sorted(again.items()):
            if doc_id not in gone:
                entity_of = self.resolution.entity_map(doc_id)
                statements, places = article_statements(e, self.holders.holders(doc_id), entity_of)
                prepared.append(PreparedArticle(doc_id, statements, places, entity_of, self.resolution.entities_named(doc_id)))
        offices = self.offices.update(prepared, removed=gone, label=self._label, remade=changes.entities)
        # The entities' statement counts, from the articles tidied again or naming an office
        # that took another id.
        linked = sorted((offices.documents | offices.relinked) - gone)
        counts = self.counts.update({doc_id: self.offices.links(doc_id) for doc_id in linked}, removed=gone)
        return KeptChanges(changes.entities, changes.gone, changes.mapping, holders, offices, counts, frozenset(linked))

    def named(self, doc_id: str) -> list[tuple[str, str]]:
        """The entities (id, type) one kept document mentions: those resolved, and the offices
        its titles name that a statement uses."""
        found = self.offices.article(doc_id)
        return [(e[0], e[1]) for e in self.resolution.entities_named(doc_id)] + [(e.entity_id, e.type) for e in (found[2] if found else ())]

    def _label(self, entity_id: str) -> str:
        found = self.resolution.entity(entity_id)
        return "" if found is None else found[1]

    def graph(self, documents: Iterable[Document]) -> KnowledgeGraph:
        """The whole graph, as :func:`kg.resolve.resolve_graph` of every kept document (reads every row)."""
        entities, entity_of = self.resolution.result()
        offices, office_of = self.offices.entities()
        found: list[Statement] = []
        # Each article's row once: it is most of what the graph reads.
        for _, row in sorted(self.offices._articles.items()):
            entity_of.update(row.prepared.entity_of)
            found.extend(row.tidied.statements)
        entity_of.update(office_of)
        statements = tuple(sorted(found, key=statement_order))
        return KnowledgeGraph(tuple(documents), tuple(sorted((*entities, *offices), key=lambda e: e.entity_id)), statements, entity_of)


# --- the holders of offices named by description, kept ----------------------------------------


@dataclass
class _Office:
    """What the corpus says of one title: how often it gives each holder the title, and the
    bodies of each kind it gives them the title of (with how many statements say so)."""

    holders: Counter[str] = field(default_factory=Counter)
    affiliations: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Described:
    """What one document gives the corpus's office holders, and what its descriptions ask."""

    holdings: tuple[tuple[str, str, str | None, str | None], ...]
    descriptions: tuple[Description, ...]
    first: dict[str, Mention]
    #: The entity of each span its descriptions read (the title's, the affiliation's).
    mapped: dict[Span, str]


class KeptHolders(Kept):
    """The holders of the offices articles name by description ("the prime minister said"),
    kept between updates (:func:`kg.resolve.description_holders` decided per description).

    :meth:`update` takes the documents whose settled extraction or resolved mentions changed,
    each with its entity map, and the removed ones; it decides again their descriptions and
    those of every kept document describing a title whose holders changed, and returns the
    descriptions whose holder changed.
    """

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._documents = Rows(store, "described-document")
        self._offices = Rows(store, "office", _Office)
        #: Title -> the documents describing it; doc_id -> its descriptions' holders.
        self._describing = Rows(store, "describing", set)
        self._found = Rows(store, "holders")

    def holders(self, doc_id: str) -> dict[Span, Mention]:
        """The holder found for each of a document's descriptions, by the description's span."""
        return dict(self._found.peek(doc_id, {}))

    def update(self, documents: Iterable[tuple[Extraction, Mapping[Span, str]]], removed: Iterable[str] = ()) -> dict[Span, Mention | None]:
        """Add (or replace) documents, each as settled with its entity map, and drop ``removed``."""
        documents = {e.document.doc_id: (e, entity_of) for e, entity_of in documents}
        offices: set[str] = set()
        before: dict[Span, Mention] = {}
        for doc_id in sorted({*removed, *documents}):
            described = self._documents.pop(doc_id, None)
            if described is not None:
                self._hold(described, offices, -1)
                for d in described.descriptions:
                    self._describing[title_key(d.title.name)].discard(doc_id)
                before.update(self._found.pop(doc_id, {}))
        for doc_id, (extraction, entity_of) in sorted(documents.items()):
            spans = [(m.doc_id, m.start, m.end) for d in extraction.descriptions for m in (d.title, d.affiliation) if m is not None]
            described = _Described(
                tuple(office_holdings(extraction.statements, entity_of)), extraction.descriptions,
                first_persons(extraction, entity_of) if extraction.descriptions else {},
                {span: entity_of[span] for span in spans if span in entity_of},
            )
            self._documents[doc_id] = described
            self._hold(described, offices, 1)
            for d in described.descriptions:
                self._describing[title_key(d.title.name)].add(doc_id)
        again = set(documents) | {doc_id for office in offices for doc_id in self._describing.get(office, ())}
        old = dict(before)  # the holders of the documents removed or given again
        for doc_id in again - set(documents):
            old.update(self._found.get(doc_id, {}))
        now: dict[Span, Mention] = {}
        for doc_id in sorted(again):
            described = self._documents.get(doc_id)
            if described is None:
                continue
            found = {}
            for d in described.descriptions:
                row = self._offices.get(title_key(d.title.name)) or _Office()
                holder = description_holder(
                    d, described.first, row.holders, lambda p, body, row=row: row.affiliations.get((p, body), {}), described.mapped,
                )
                if holder is not None:
                    found[(d.title.doc_id, d.title.start, d.title.end)] = holder
            if found:
                self._found[doc_id] = found
            else:
                self._found.pop(doc_id)
            now.update(found)
        for office in offices:
            if not self._describing.get(office, True):
                self._describing.pop(office)
        return {span: now.get(span) for span in old.keys() | now.keys() if now.get(span) != old.get(span)}

    def _hold(self, described: _Described, offices: set[str], step: int) -> None:
        for office, holder, body, whose in described.holdings:
            row = self._offices[office]
            row.holders[holder] += step
            if not row.holders[holder]:
                del row.holders[holder]
            if whose is not None:
                counts = row.affiliations.setdefault((holder, body), Counter())
                counts[whose] += step
                if not counts[whose]:
                    del counts[whose]
                if not counts:
                    del row.affiliations[(holder, body)]
            if not row.holders:
                self._offices.pop(office)
            offices.add(office)


# --- offices and tidied statements, kept ---------------------------------------------------


@dataclass(frozen=True)
class PreparedArticle:
    """One article as the office rules take it: its statements (:func:`kg.resolve.article_statements`)
    at their places, the entity of each span they read, and the entities it names
    (:meth:`KeptResolution.entities_named`)."""

    doc_id: str
    statements: list[Statement]
    places: list[Place]
    entity_of: dict[Span, str]
    entities: list[tuple[str, str, str, list[Mention]]]


@dataclass
class _Article:
    """One article's office facts, decisions, tidied statements and what it read of the corpus."""

    prepared: PreparedArticle
    named: ArticleEntities
    facts: OfficeFacts
    #: Country code -> (its first mention here, the country's id).
    countries: dict[str, tuple[Mention, str]]
    decided: list[Mention | None] = field(default_factory=list)
    held: tuple[Held, ...] = ()
    #: What deciding (placing) read of the corpus, and the ids of the mentions it was given.
    decide_reads: frozenset[str] = frozenset()
    decide_ids: dict[Span, str] = field(default_factory=dict)
    place_reads: frozenset[str] = frozenset()
    place_ids: dict[Span, str] = field(default_factory=dict)
    tidied: TidiedArticle | None = None
    #: The keys it is listed under in the readers' index.
    indexed: frozenset[str] = frozenset()


@dataclass
class _OfficeRow:
    """One office (``position:<title>@<affiliation id>``): its title mentions by article, the
    articles whose statements name it, and its entity."""

    members: dict[str, tuple[Mention, ...]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    entity: Entity | None = None


@dataclass(frozen=True)
class KeptOfficeChanges:
    """What an update of :class:`KeptOffices` changed."""

    #: The office entities made or made again (used by a statement or not), and the ids gone.
    entities: tuple[Entity, ...]
    gone: frozenset[str]
    #: The articles whose tidied statements were made again.
    documents: frozenset[str]
    #: The other articles whose statements name an office whose id changed.
    relinked: frozenset[str] = frozenset()
    #: The ids of those of ``entities`` a statement uses (the graph's entities).
    used: frozenset[str] = frozenset()


class _Reading:
    """The corpus as one article's office rules read it (:class:`kg.resolve.OfficeCorpus`):
    what it asked, and the entity of each mention of another article it was given."""

    def __init__(self, kept: KeptOffices) -> None:
        self.kept = kept
        self.reads: set[str] = set()
        self.ids: dict[Span, str] = {}

    def _given(self, found: Mention | None, entity_id: str | None) -> Mention | None:
        if found is not None and entity_id is not None:
            self.ids[(found.doc_id, found.start, found.end)] = entity_id
        return found

    def country(self, code: str) -> Mention | None:
        self.reads.add(row_key(("country", code)))
        return self._given(*self.kept._country(code))

    def known(self, person: str, title: str) -> dict[str, Mention]:
        self.reads.add(row_key(("known", person, title)))
        return self._firsts(self.kept._known.peek((person, title), {}))

    def inferred(self, person: str, title: str) -> dict[str, Mention]:
        self.reads.add(row_key(("inferred", person, title)))
        return self._firsts(self.kept._inferred.peek((person, title), {}))

    def _firsts(self, row: dict[str, dict[Place, Mention]]) -> dict[str, Mention]:
        return {affiliation: self._given(places[min(places)], affiliation) for affiliation, places in row.items()}

    def home(self, person: str) -> Mention | None:
        self.reads.add(row_key(("person", person)))
        return home_country(self.kept._codes(person), self.country)

    def party(self, person: str) -> Mention | None:
        self.reads.add(row_key(("person", person)))
        current = self.kept._current(person)
        found = one_party(current)
        return self._given(found, next(iter(current)) if found is not None else None)


class Readers:
    """Which articles read each fact of the corpus: in memory, or in a table of the store."""

    def __init__(self, store: Store | None) -> None:
        self.db = store.connection if store is not None else None
        if self.db is not None:
            self.db.execute("CREATE TABLE IF NOT EXISTS readers (key TEXT, doc TEXT, PRIMARY KEY (key, doc)) WITHOUT ROWID")
        self.docs_of: dict[str, set[str]] = defaultdict(set)

    def attach(self, store: Store) -> None:
        """Move what is kept in memory into ``store``'s table (:meth:`Kept.write`)."""
        db = store.connection
        db.execute("CREATE TABLE IF NOT EXISTS readers (key TEXT, doc TEXT, PRIMARY KEY (key, doc)) WITHOUT ROWID")
        db.executemany("INSERT OR IGNORE INTO readers VALUES (?, ?)", ((key, doc) for key, docs in self.docs_of.items() for doc in docs))
        self.db, self.docs_of = db, defaultdict(set)

    def docs(self, keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        for key in keys:
            if self.db is None:
                found |= self.docs_of.get(key, set())
            else:
                found.update(doc for (doc,) in self.db.execute("SELECT doc FROM readers WHERE key = ?", (key,)))
        return found

    def change(self, doc_id: str, old: frozenset[str], new: frozenset[str]) -> None:
        if self.db is not None:
            self.db.executemany("DELETE FROM readers WHERE key = ? AND doc = ?", ((key, doc_id) for key in old - new))
            self.db.executemany("INSERT INTO readers VALUES (?, ?)", ((key, doc_id) for key in new - old))
            return
        for key in old - new:
            self.docs_of[key].discard(doc_id)
            if not self.docs_of[key]:
                del self.docs_of[key]
        for key in new - old:
            self.docs_of[key].add(doc_id)


def _office_family(entity_id: str) -> str:
    """Office ids that can meet: "position/chief-ford", "position/chief-ford-2" (a second office
    so titled) and one whose affiliation's id ends in a number are numbered together."""
    return re.sub(r"(-\d+)+$", "", entity_id)


class KeptOffices(Kept):
    """The offices of an archive and its tidied statements, kept between updates
    (:func:`kg.resolve.tidy_offices` and :func:`kg.resolve.office_entities_used` article by article).

    Each article's office rules read the corpus through a few facts: the affiliations a person's
    title is stated with (and, in a second pass, decided with) anywhere, a person's parties, and
    the first mention of each country. Each article keeps what it read; :meth:`update` takes the
    articles given (new, or whose statements, entities or holders changed) and removed, and
    decides again those and every article that read a fact they changed, then makes again the
    offices whose titles or affiliation's label changed. After every update :meth:`statements`
    and :meth:`entities` equal tidying everything at once (``tests/test_kept.py``).
    """

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._articles = Rows(store, "office-article")
        self._known = Rows(store, "known", dict, lambda k: tuple(k.split("\x1f")))
        self._inferred = Rows(store, "inferred", dict, lambda k: tuple(k.split("\x1f")))
        #: Person -> place -> (party id, mention, party's country code, current).
        self._members = Rows(store, "member", dict)
        #: Country code -> doc_id -> (its first mention there, the country's id).
        self._countries = Rows(store, "country", dict)
        self._offices = Rows(store, "office-row", _OfficeRow)
        #: Office id family -> its offices' keys with the id each would have alone.
        self._families = Rows(store, "office-family", dict)
        #: Affiliation id -> the offices of it, and the label they were made with.
        self._of_affiliation = Rows(store, "office-affiliation")
        #: Entity id -> what the rules read of its label (:func:`kg.resolve.label_reading`).
        self._readings = Rows(store, "label-reading")
        self._readers = Readers(store)

    # --- the corpus's facts --------------------------------------------------------------

    def _country(self, code: str) -> tuple[Mention | None, str | None]:
        row = self._countries.peek(code)
        return row[min(row)] if row else (None, None)

    def _codes(self, person: str) -> set[str]:
        return {code or "" for _, _, code, _ in self._members.peek(person, {}).values()}

    def _current(self, person: str) -> dict[str, tuple[Place, Mention]]:
        current: dict[str, tuple[Place, Mention]] = {}
        for place, (party, mention, _, now) in sorted(self._members.peek(person, {}).items()):
            if now:
                current.setdefault(party, (place, mention))
        return current

    def _answer(self, key: tuple) -> Any:
        reading = _Reading(self)
        kind = key[0]
        if kind == "country":
            return reading.country(key[1])
        if kind == "known":
            return reading.known(key[1], key[2])
        if kind == "inferred":
            return reading.inferred(key[1], key[2])
        return self._codes(key[1]), self._current(key[1])

    # --- an update -----------------------------------------------------------------------

    def relabelled(self, entities: Iterable[Entity]) -> set[str]:
        """The kept articles naming one of ``entities`` (made again by resolution) whose label
        now reads otherwise to the office rules: they must be given to the next update."""
        changed = []
        for entity in entities:
            reading = label_reading(entity.label)
            old = self._readings.peek(entity.entity_id)
            if old is not None and old != reading:
                changed.append(row_key(("entity", entity.entity_id)))
            if old != reading:
                self._readings[entity.entity_id] = reading
        return self._readers.docs(changed)

    def update(
        self, articles: Iterable[PreparedArticle], removed: Iterable[str] = (), label: Callable[[str], str] = str, remade: Iterable[Entity] = (),
    ) -> KeptOfficeChanges:
        """Add (or replace) ``articles`` and drop ``removed``; ``label`` gives an entity's label by
        id, and ``remade`` are the entities resolution made again (whose offices take a new label)."""
        given = {a.doc_id: a for a in articles}
        removed = set(removed) - given.keys()
        before: dict[tuple, Any] = {}
        offices = self.offices_relabelled(remade)

        def touch(key: tuple) -> None:
            if key not in before:
                before[key] = self._answer(key)

        for doc_id in sorted(removed | given.keys()):
            row = self._articles.pop(doc_id, None)
            if row is not None:
                self._withdraw(doc_id, row, touch, offices)
        for doc_id, prepared in sorted(given.items()):
            self._articles[doc_id] = self._add(prepared, touch)
        changed = {key for key in before if self._answer(key) != before[key]}
        decide = set(given) | (self._readers.docs(row_key(key) for key in changed) - removed)
        for doc_id in sorted(decide):
            self._decide(doc_id, self._articles[doc_id], touch)
        changed = {key for key in before if key[0] == "inferred" and self._answer(key) != before[key]}
        place = decide | (self._readers.docs(row_key(key) for key in changed) - removed)
        for doc_id in sorted(place):
            self._place(doc_id, self._articles[doc_id], offices)
        made, gone, renamed, used = self._make_offices(offices, label)
        relinked = {doc_id for key in renamed for doc_id in self._offices[key].used} - place
        return KeptOfficeChanges(made, gone, frozenset(place), frozenset(relinked), used)

    def _add(self, prepared: PreparedArticle, touch: Callable[[tuple], None]) -> _Article:
        doc_id = prepared.doc_id
        labels = {entity_id: entity_label for entity_id, _, entity_label, _ in prepared.entities}
        facts = office_facts(prepared.statements, prepared.places, prepared.entity_of, labels)
        countries = {m.key.split(":", 1)[1]: (m, entity_id) for entity_id, kind, _, mentions in prepared.entities if kind == "Country" for m in mentions[:1]}
        row = _Article(prepared, article_entities(prepared.entities), facts, countries)
        for place, person, title, affiliation, mention in facts.stated:
            touch(("known", person, title))
            self._known[(person, title)].setdefault(affiliation, {})[place] = mention
        for place, person, party, mention, code, current in facts.memberships:
            touch(("person", person))
            self._members[person][place] = (party, mention, code, current)
        for code, found in countries.items():
            touch(("country", code))
            self._countries[code][doc_id] = found
        for entity_id, _, entity_label, _ in prepared.entities:
            if self._readings.peek(entity_id) != (reading := label_reading(entity_label)):
                self._readings[entity_id] = reading
        return row

    def _withdraw(self, doc_id: str, row: _Article, touch: Callable[[tuple], None], offices: set[str]) -> None:
        for place, person, title, affiliation, _ in row.facts.stated:
            touch(("known", person, title))
            _drop_place(self._known, (person, title), affiliation, place)
        for place, person, *_ in row.facts.memberships:
            touch(("person", person))
            members = self._members[person]
            members.pop(place, None)
            if not members:
                self._members.pop(person)
        for code in row.countries:
            touch(("country", code))
            found = self._countries[code]
            found.pop(doc_id, None)
            if not found:
                self._countries.pop(code)
        self._unhold(row, touch)
        self._unplace(doc_id, row, offices)
        self._readers.change(doc_id, row.indexed, frozenset())

    def _unhold(self, row: _Article, touch: Callable[[tuple], None]) -> None:
        for place, person, title, affiliation, _ in row.held:
            touch(("inferred", person, title))
            _drop_place(self._inferred, (person, title), affiliation, place)
        row.held = ()

    def _decide(self, doc_id: str, row: _Article, touch: Callable[[tuple], None]) -> None:
        self._unhold(row, touch)
        prepared, reading = row.prepared, _Reading(self)
        entity_of = ChainMap(prepared.entity_of, reading.ids)
        row.decided = decide_offices(prepared.statements, entity_of, row.named, reading)
        row.held = decided_facts(prepared.statements, prepared.places, row.decided, entity_of)
        row.decide_reads, row.decide_ids = frozenset(reading.reads), reading.ids
        for place, person, title, affiliation, mention in row.held:
            touch(("inferred", person, title))
            self._inferred[(person, title)].setdefault(affiliation, {})[place] = mention

    def _place(self, doc_id: str, row: _Article, offices: set[str]) -> None:
        self._unplace(doc_id, row, offices)
        prepared, reading = row.prepared, _Reading(self)
        entity_of = ChainMap(prepared.entity_of, row.decide_ids, reading.ids)
        placed, found = place_offices(prepared.statements, row.decided, entity_of, row.named, reading)
        row.tidied = tidy_article(placed, found, entity_of)
        row.place_reads, row.place_ids = frozenset(reading.reads), reading.ids
        for key, members in row.tidied.offices.items():
            self._offices[key].members[doc_id] = members
            offices.add(key)
        for key in row.tidied.used:
            self._offices[key].used.add(doc_id)
            offices.add(key)
        indexed = row.decide_reads | row.place_reads | {row_key(("entity", e[0])) for e in prepared.entities}
        self._readers.change(doc_id, row.indexed, indexed)
        row.indexed = indexed

    def _unplace(self, doc_id: str, row: _Article, offices: set[str]) -> None:
        if row.tidied is None:
            return
        for key in row.tidied.offices.keys() | row.tidied.used:
            office = self._offices[key]
            office.members.pop(doc_id, None)
            office.used.discard(doc_id)
            offices.add(key)
        row.tidied = None

    def _make_offices(self, keys: set[str], label: Callable[[str], str]) -> tuple[tuple[Entity, ...], frozenset[str], set[str], frozenset[str]]:
        families: set[str] = set()
        gone: set[str] = set()
        #: Each office's id before the update, for those it may change.
        before: dict[str, str] = {}
        for key in sorted(keys):
            office = self._offices[key]
            affiliation = key.split("@", 1)[1]
            if office.entity is not None:
                before[key] = office.entity.entity_id
                gone.add(office.entity.entity_id)
                families.add(family := _office_family(office.entity.entity_id))
                self._families[family].pop(key, None)
            if not office.members:
                self._offices.pop(key)
                self._affiliated(affiliation, key, None)
                continue
            members = [m for found in office.members.values() for m in found]
            office.entity = office_entities({key: members}, {affiliation: label(affiliation)})[0]
            families.add(family := _office_family(office.entity.entity_id))
            self._families[family][key] = office.entity.entity_id
            self._affiliated(affiliation, key, label(affiliation))
        made: list[Entity] = []
        used: set[str] = set()
        for family in sorted(families):
            alone = self._families.get(family, {})
            if not alone:
                self._families.pop(family)
                continue
            taken: set[str] = set()
            for key in sorted(alone):
                entity_id = base = alone[key]
                suffix = 2
                while entity_id in taken:
                    entity_id, suffix = f"{base}-{suffix}", suffix + 1
                taken.add(entity_id)
                office = self._offices[key]
                if key in keys or office.entity.entity_id != entity_id:
                    before.setdefault(key, office.entity.entity_id)
                    gone.add(office.entity.entity_id)
                    office.entity = replace(office.entity, entity_id=entity_id)
                    made.append(office.entity)
                    if office.used:
                        used.add(entity_id)
        now = {e.entity_id for e in made}
        renamed = {key for key, old in before.items() if key in self._offices and self._offices[key].entity.entity_id != old}
        return tuple(sorted(made, key=lambda e: e.entity_id)), frozenset(gone - now), renamed, frozenset(used)

    def _affiliated(self, affiliation: str, key: str, label: str | None) -> None:
        keys, _ = self._of_affiliation.get(affiliation, (set(), None))
        (keys.add if label is not None else keys.discard)(key)
        if keys:
            self._of_affiliation[affiliation] = (keys, label)
        else:
            self._of_affiliation.pop(affiliation)

    def offices_relabelled(self, entities: Iterable[Entity]) -> set[str]:
        """The offices of an affiliation among ``entities`` whose label changed."""
        keys: set[str] = set()
        for entity in entities:
            found = self._of_affiliation.peek(entity.entity_id)
            if found is not None and found[1] != entity.label:
                keys |= found[0]
        return keys

    def article(self, doc_id: str) -> tuple[list[Statement], KnowledgeGraph, list[Entity]] | None:
        """One kept article's tidied statements, a graph that knows the entity of each span they
        read, and the office entities it names that a statement uses (None: no such article)."""
        row = self._articles.peek(doc_id)
        if row is None or row.tidied is None:
            return None
        offices = {}
        named = []
        for key in sorted(row.tidied.offices):
            office = self._offices.peek(key)
            offices.update(((m.doc_id, m.start, m.end), office.entity.entity_id) for m in row.tidied.offices[key])
            if office.used:
                named.append(office.entity)
        graph = KnowledgeGraph((), (), (), ChainMap(offices, row.prepared.entity_of, row.decide_ids, row.place_ids))
        return row.tidied.statements, graph, named

    def links(self, doc_id: str) -> tuple[tuple[str, str, str | None], ...]:
        """(statement id, subject id, object id or None) of each of one kept article's statements:
        what the entities' statement and neighbour counts are made of (:class:`KeptCounts`)."""
        found = self.article(doc_id)
        if found is None:
            return ()
        statements, graph, _ = found
        return tuple(
            (statement_id(s, graph), graph.entity_id(s.subject), graph.entity_id(s.object.mention) if s.object.mention is not None else None)
            for s in statements
        )

    # --- what is kept --------------------------------------------------------------------

    def statements(self) -> list[Statement]:
        """Every article's tidied statements, article by article (reads every row)."""
        return [s for _, row in sorted(self._articles.items()) for s in row.tidied.statements]

    def entities(self) -> tuple[tuple[Entity, ...], dict[Span, str]]:
        """The office entities the statements name, sorted by id, and the office of every span
        an article reads as one (reads every row)."""
        offices = [row.entity for _, row in self._offices.items()]
        entity_of = {(m.doc_id, m.start, m.end): office.entity_id for office in offices for m in office.mentions}
        return tuple(sorted((o for _, row in self._offices.items() if row.used for o in [row.entity]), key=lambda e: e.entity_id)), entity_of


def _drop_place(rows: Rows, key: tuple[str, str], affiliation: str, place: Place) -> None:
    row = rows[key]
    places = row.get(affiliation, {})
    places.pop(place, None)
    if not places:
        row.pop(affiliation, None)
    if not row:
        rows.pop(key)


# --- the entities' statement counts, kept ----------------------------------------------------


@dataclass
class _Links:
    """One entity's statements (by id) and the entities at their other ends, each with how many
    times the corpus gives it."""

    statements: Counter[str] = field(default_factory=Counter)
    neighbours: Counter[str] = field(default_factory=Counter)


#: (statement id, subject id, object id or None) of one statement.
Link = tuple[str, str, "str | None"]


class KeptCounts(Kept):
    """Each entity's ``kg:statementCount`` and ``kg:neighbourCount`` (the statements it is the
    subject or the object of, and the distinct entities at their other ends), kept per article so
    that an update counts again only the articles it is given (:meth:`KeptOffices.links`)."""

    def __init__(self, store: Store | None = None) -> None:
        self._store = store
        self._articles = Rows(store, "links")
        self._entities = Rows(store, "entity-links", _Links)

    def update(self, articles: Mapping[str, tuple[Link, ...]], removed: Iterable[str] = ()) -> dict[str, tuple[int, int] | None]:
        """Count ``articles`` (replacing any kept under the same id) and drop ``removed``; returns
        the new (statements, neighbours) of each entity whose counts changed, None for one left
        in no statement."""
        before: dict[str, tuple[int, int] | None] = {}
        for doc_id in sorted({*removed, *articles}):
            old = self._articles.pop(doc_id, None)
            if old:
                self._count(old, -1, before)
        for doc_id, links in sorted(articles.items()):
            if links:
                self._articles[doc_id] = links
                self._count(links, 1, before)
        changed = {}
        for entity_id, old in before.items():
            new = self._of(entity_id)
            if new != old:
                changed[entity_id] = new
        return changed

    def _of(self, entity_id: str) -> tuple[int, int] | None:
        row = self._entities.peek(entity_id)
        return None if row is None else (len(row.statements), len(row.neighbours))

    def _count(self, links: tuple[Link, ...], step: int, before: dict[str, tuple[int, int] | None]) -> None:
        for node, subject, obj in links:
            for entity_id, other in ((subject, obj), (obj, subject)):
                if entity_id is None:
                    continue
                if entity_id not in before:
                    before[entity_id] = self._of(entity_id)
                row = self._entities[entity_id]
                _step(row.statements, node, step)
                if obj is not None:
                    _step(row.neighbours, other, step)
                if not row.statements:
                    self._entities.pop(entity_id)

    def counts(self) -> dict[str, tuple[int, int]]:
        """(statements, neighbours) of every entity in a statement (reads every row)."""
        return {entity_id: (len(row.statements), len(row.neighbours)) for entity_id, row in self._entities.items()}


def _step(counter: Counter[str], key: str, step: int) -> None:
    counter[key] += step
    if counter[key] <= 0:
        del counter[key]
