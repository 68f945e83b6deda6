"""Plain frozen records that flow through the pipeline: Document -> Mention -> Entity / Statement.

Nothing here imports spaCy or rdflib, so every stage (and a notebook) can share these types.
Fields are str, int, date and tuples only, so values hash and can be set members or graph nodes.
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter

#: The closed vocabularies a statement's polarity and modality come from.
POLARITIES = ("positive", "negative")
MODALITIES = ("asserted", "hoped", "expected", "planned", "claimed", "reported", "possible")
#: The closed vocabulary of a quantity's bound: the number is a lower or an upper limit, or an estimate.
BOUNDS = ("above", "below", "about")
#: The closed vocabulary of a statement's status qualifier: a state that has ended.
STATUSES = ("former",)

#: Entity types kg produces; dates, money and percentages are literal values, not entities.
ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Event", "Agreement", "Position")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk, with the spans of its text that survived cleaning.

    ``segments`` are (start, end) character offsets into ``text``: the paragraphs kept after
    dropping repeated blocks and junk lines. Offsets always refer to the original ``text``.
    """

    doc_id: str
    text: str
    source: str
    title: str | None = None
    published: date | None = None
    segments: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Passage:
    """A cleaned segment of a document, the unit handed to spaCy; ``start`` maps Doc offsets back."""

    document: Document
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.document.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a document that names an entity.

    ``name`` is the surface form with honorifics and titles removed ("Mr. Jaishankar" -> "Jaishankar");
    ``key`` is what resolution groups on (an ISO code for countries, a normalised name otherwise).
    """

    doc_id: str
    start: int
    end: int
    text: str
    type: str
    name: str
    key: str


def article_key(key: str, doc_id: str) -> str:
    """The key of a name known only in its own article ("Frost" that no fuller name of the corpus
    claims, "the deal"): another article's "Frost" or "deal" is another entity."""
    return f"{key}#{doc_id}"


#: The key prefix of a person an article names only by an office ("the chancellor said"), whom
#: resolution finds among the article's people (:class:`Description`).
DESCRIBED = "described:"


def is_described(mention: Mention) -> bool:
    """Whether the mention stands for the unnamed holder of an office the article describes."""
    return mention.key.startswith(DESCRIBED)


def key_article(key: str) -> str | None:
    """The article of an :func:`article_key`, or None for a key of the whole corpus.

    >>> key_article("person:frost#bbc-politics-055"), key_article("organization:c#")
    ('bbc-politics-055', None)
    """
    name, mark, doc_id = key.rpartition("#")
    return doc_id if mark and doc_id and ":" in name else None


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing with every mention of it, across documents.

    ``merges`` says why mentions of several documents were taken for this one thing, one line
    per joined name ("Mr Blair (bbc-politics-012) -> Tony Blair: same surname, no other Blair").
    """

    entity_id: str
    type: str
    label: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    merges: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quantity:
    """A literal number with its unit ("percent") or currency ("USD"), as in "18%" or "$500 billion";
    ``bound`` when the text gives the number as a limit or an estimate: "above" ("more than 15%"),
    "below" ("less than 1%"), "about" ("nearly £2bn")."""

    value: int | float
    text: str
    unit: str | None = None
    currency: str | None = None
    bound: str | None = None


@dataclass(frozen=True, slots=True)
class Argument:
    """One end of a statement: a mention (resolved to an entity later), a literal quantity, or a
    title held without a named organisation or country ("the prime minister"), kept as text."""

    mention: Mention | None = None
    quantity: Quantity | None = None
    title: Mention | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement was read: the sentence's text and its offsets in the original document."""

    doc_id: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Qualifiers:
    """Facts attached to a statement. ``date`` is ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD).

    ``status`` is "former" for a state that has ended ("former chief executive", "stepped down");
    ``metric`` and ``period`` say which figure a ``reports`` statement gives and for when
    ("profit", "2004"); ``buyer`` is who buys what a ``sells`` statement sells.
    """

    date: str | None = None
    location: Mention | None = None
    affiliation: Mention | None = None
    rate: Quantity | None = None
    amount: Quantity | None = None
    status: str | None = None
    metric: str | None = None
    period: str | None = None
    buyer: Mention | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """An entity-relation claim read from one sentence, before entities are resolved."""

    subject: Mention
    predicate: str
    object: Argument
    relation: str
    evidence: Evidence
    extractor: str
    qualifiers: Qualifiers = field(default_factory=Qualifiers)
    polarity: str = "positive"
    modality: str = "asserted"
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Description:
    """An office named without its holder ("the prime minister said"): the title as a Position
    mention, its affiliation when the phrase gives one ("the Tory leader"), and the sentence.
    Resolution finds the holder among the people the article names, from what the corpus says
    they hold."""

    title: Mention
    evidence: Evidence
    affiliation: Mention | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extract stage yields for one document: its mentions, its statements and the
    offices it names by description."""

    document: Document
    mentions: tuple[Mention, ...]
    statements: tuple[Statement, ...]
    descriptions: tuple[Description, ...] = ()


def _pickled_by_fields(*classes: type) -> None:
    """Pickle each record as its class and field values: the generic state of a slotted
    dataclass looks its fields up for every object, which made pickling the records kept
    between updates (``kg.kept``) and sent to worker processes several times slower."""
    for cls in classes:
        values = attrgetter(*(f.name for f in fields(cls)))
        if len(fields(cls)) == 1:
            cls.__reduce__ = lambda self, cls=cls, values=values: (cls, (values(self),))
        else:
            cls.__reduce__ = lambda self, cls=cls, values=values: (cls, values(self))


@dataclass(frozen=True)
class KnowledgeGraph:
    """The resolved result: documents, entities and statements, plus the mention -> entity map.

    ``entity_of`` maps (doc_id, start, end) of every mention to its entity id. It is the one
    mapping in the model, kept read-only; the graph itself is not meant to be hashed.
    """

    documents: tuple[Document, ...]
    entities: tuple[Entity, ...]
    statements: tuple[Statement, ...]
    entity_of: Mapping[tuple[str, int, int], str]

    def entity_id(self, mention: Mention) -> str:
        """The id of the entity ``mention`` was resolved to."""
        return self.entity_of[(mention.doc_id, mention.start, mention.end)]

    @functools.cached_property
    def statement_ids(self) -> tuple[str, ...]:
        """:func:`statement_id` of each statement, in order: made once for the RDF, the page
        and the records alike."""
        return tuple(statement_id(s, self) for s in self.statements)


def statement_id(statement: Statement, graph: KnowledgeGraph) -> str:
    """First 16 hex digits of sha1 over document, subject, predicate, object and offsets: stable across runs."""
    obj = statement.object
    object_part = graph.entity_id(obj.mention) if obj.mention else (repr(obj.quantity.value) if obj.quantity else "")
    if obj.title is not None:
        object_part = "title:" + obj.title.name.lower()
    rate = repr(statement.qualifiers.rate.value) if statement.qualifiers.rate else ""
    parts = (
        statement.evidence.doc_id,
        graph.entity_id(statement.subject),
        statement.predicate,
        object_part,
        str(statement.evidence.start),
        str(statement.evidence.end),
        str(statement.subject.start),
        str(obj.mention.start if obj.mention else -1),
        rate,
    )
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


_pickled_by_fields(Document, Passage, Mention, Entity, Quantity, Argument, Evidence, Qualifiers, Statement, Description, Extraction)
