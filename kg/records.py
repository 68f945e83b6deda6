"""KnowledgeGraph -> JSON-ready records: the public JSON Lines contract of ``kg extract``.

Entities come first (sorted by id), then statements (sorted by document and offset). The shape
is fixed by ``kg/schemas/record.schema.json``; change both together.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from importlib import resources
from sys import intern
from typing import Any, Protocol

from kg.model import Argument, Description, Document, Entity, Evidence, Extraction, KnowledgeGraph, Mention, Qualifiers, Quantity, Statement, statement_id

_POSSESSIVE = re.compile(r"[’']s?$")

__all__ = [
    "EarlierLines", "encode_record", "entity_record", "entity_record_key", "extraction_from_record", "extraction_record", "graph_records", "record_keys", "record_lines", "record_schema", "statement_record_key",
    "statement_id", "statement_record", "summary", "write_jsonl",
]


def _quantity(q: Quantity) -> dict[str, Any]:
    record: dict[str, Any] = {"value": q.value, "text": q.text}
    if q.unit:
        record["unit"] = q.unit
    if q.currency:
        record["currency"] = q.currency
    if q.bound:
        record["bound"] = q.bound
    return record


def _argument(mention: Mention, graph: KnowledgeGraph, labels: dict[str, str]) -> dict[str, Any]:
    entity_id = graph.entity_id(mention)
    return {"id": entity_id, "label": labels[entity_id], "text": mention.text, "start": mention.start, "end": mention.end}


def _named_qualifier(qualifiers: dict[str, Any], name: str, mention: Mention, graph: KnowledgeGraph, labels: dict[str, str]) -> None:
    """A qualifier that names an entity, as the subject and object are: the words the sentence
    uses ("Tory"), the entity's id and its label ("Conservative Party")."""
    entity_id = graph.entity_id(mention)
    text = _POSSESSIVE.sub("", mention.text.strip())
    if not text or text[:1].islower():
        # A pronoun or description ("its", "the agency") stands for the entity; say its name.
        text = labels[entity_id]
    qualifiers[name] = text
    qualifiers[f"{name}_id"] = entity_id
    qualifiers[f"{name}_label"] = labels[entity_id]


def entity_record(entity: Entity) -> dict[str, Any]:
    """One entity as its JSON record."""
    return {
        "kind": "entity",
        "id": entity.entity_id,
        "label": entity.label,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [{"doc": m.doc_id, "start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
        "merges": list(entity.merges),
    }


def statement_record(statement: Statement, graph: KnowledgeGraph, labels: dict[str, str] | None = None, node_id: str | None = None) -> dict[str, Any]:
    """One statement as its JSON record; entity labels are looked up in ``labels`` (id -> label),
    its id is ``node_id`` when the caller has it (:attr:`KnowledgeGraph.statement_ids`)."""
    labels = labels if labels is not None else {e.entity_id: e.label for e in graph.entities}
    q = statement.qualifiers
    qualifiers: dict[str, Any] = {}
    if q.date:
        qualifiers["date"] = q.date
    if q.location:
        _named_qualifier(qualifiers, "location", q.location, graph, labels)
    if q.affiliation:
        _named_qualifier(qualifiers, "affiliation", q.affiliation, graph, labels)
    if q.rate:
        qualifiers["rate"] = _quantity(q.rate)
    if q.amount:
        qualifiers["amount"] = _quantity(q.amount)
    if q.status:
        qualifiers["status"] = q.status
    if q.metric:
        qualifiers["metric"] = q.metric
    if q.period:
        qualifiers["period"] = q.period
    if q.buyer:
        _named_qualifier(qualifiers, "buyer", q.buyer, graph, labels)
    obj = statement.object
    if obj.mention is not None:
        object_record = _argument(obj.mention, graph, labels)
    elif obj.title is not None:
        t = obj.title
        object_record = {"title": t.name, "text": t.text, "start": t.start, "end": t.end}
    else:
        object_record = _quantity(obj.quantity)  # type: ignore[arg-type]
    ev = statement.evidence
    return {
        "kind": "statement",
        "id": node_id if node_id is not None else statement_id(statement, graph),
        "subject": _argument(statement.subject, graph, labels),
        "predicate": statement.predicate,
        "relation": statement.relation,
        "object": object_record,
        "qualifiers": qualifiers,
        "polarity": statement.polarity,
        "modality": statement.modality,
        "confidence": statement.confidence,
        "evidence": {"doc": ev.doc_id, "sentence": ev.sentence, "start": ev.start, "end": ev.end},
        "extractor": statement.extractor,
    }


def graph_records(graph: KnowledgeGraph) -> Iterator[dict[str, Any]]:
    """Every record of the graph in contract order: entities by id, then statements."""
    labels = {e.entity_id: e.label for e in graph.entities}
    for entity in graph.entities:
        yield entity_record(entity)
    for statement, node_id in zip(graph.statements, graph.statement_ids):
        yield statement_record(statement, graph, labels, node_id)


_encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode
#: One record as its line's JSON text (no newline), as :func:`record_lines` writes it.
encode_record = _encode


class EarlierLines(Protocol):
    """Lines an earlier build wrote, by key: a mapping, or what reads them from its file."""

    def get(self, key: str) -> str | None: ...


def record_lines(graph: KnowledgeGraph, keys: Sequence[str] = (), previous: EarlierLines | None = None) -> Iterator[str]:
    """The graph's records as JSON Lines, in :func:`graph_records`' order, each line ended.

    With ``keys`` (:func:`record_keys`, one per line), a line ``previous`` has for its key (as
    an earlier build wrote it) is that line, not made again: an update writes some 16,000
    records at 1,600 articles, all but a few hundred as they were, and making and encoding them
    was a third of a second. ``previous`` is asked for the keys in the order of the lines.
    """
    previous = previous if keys else None
    labels = {e.entity_id: e.label for e in graph.entities}
    k = 0
    for entity in graph.entities:
        line = previous.get(keys[k]) if previous is not None else None
        yield line if line is not None else _encode(entity_record(entity)) + "\n"
        k += 1
    for statement, node_id in zip(graph.statements, graph.statement_ids):
        line = previous.get(keys[k]) if previous is not None else None
        yield line if line is not None else _encode(statement_record(statement, graph, labels, node_id)) + "\n"
        k += 1


def record_keys(graph: KnowledgeGraph, entity_parts: Mapping[str, str], statement_parts: Sequence[str]) -> list[str]:
    """A key for each line of :func:`record_lines` that changes whenever the line would.

    ``entity_parts`` and ``statement_parts`` are the keys of the RDF parts of the graph's
    entities (by id) and statements (in order), from :func:`kg.rdf.record_parts`: each covers
    all its RDF reads (the record, its entities' ids, labels and types), which is all a JSON
    record reads but an entity's mentions and the labels of a statement's location,
    affiliation and buyer, added here.
    """
    labels = {e.entity_id: e.label for e in graph.entities}
    keys = [entity_record_key(entity, entity_parts[entity.entity_id]) for entity in graph.entities]
    keys.extend(statement_record_key(statement, part, graph, labels) for statement, part in zip(graph.statements, statement_parts, strict=True))
    return keys


def entity_record_key(entity: Entity, part: str) -> str:
    """:func:`record_keys`' key of one entity's line, from its RDF part's key."""
    mentions = "\n".join(f"{m.doc_id}\t{m.start}\t{m.end}\t{m.text}" for m in entity.mentions)
    return _digest(f"{part}\n{mentions}")


def statement_record_key(statement: Statement, part: str, graph: KnowledgeGraph, labels: Mapping[str, str]) -> str:
    """:func:`record_keys`' key of one statement's line, from its RDF part's key; ``labels``
    need hold only the entities of its location, affiliation and buyer."""

    def label(mention: Mention | None) -> str:
        return labels[graph.entity_id(mention)] if mention is not None else ""

    q = statement.qualifiers
    return _digest(f"{part}\n{label(q.location)}\n{label(q.affiliation)}\n{label(q.buyer)}")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def write_jsonl(graph: KnowledgeGraph, stream) -> int:
    """Write the graph's records as JSON Lines to a text stream; returns the number of lines."""
    count = 0
    for line in record_lines(graph):
        stream.write(line)
        count += 1
    return count


def summary(graph: KnowledgeGraph) -> dict[str, Any]:
    """Counts for a human summary: documents, entities by type, statements by predicate."""
    return {
        "documents": len(graph.documents),
        "entities": dict(sorted(Counter(e.type for e in graph.entities).items())),
        "statements": dict(sorted(Counter(s.predicate for s in graph.statements).items())),
    }


def record_schema() -> dict[str, Any]:
    """The JSON Schema every line of ``kg extract`` output satisfies."""
    text = resources.files("kg").joinpath("schemas/record.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


# --- cached extractions: what `kg build --into` keeps to grow a graph article by article ---

def _mention_record(m: Mention | None) -> list | None:
    return None if m is None else [m.doc_id, m.start, m.end, m.text, m.type, m.name, m.key]


def _quantity_record(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    record = {"value": q.value, "text": q.text, "unit": q.unit, "currency": q.currency}
    if q.bound:
        record["bound"] = q.bound  # only when given: an archive's lines without bounds read the same
    return record


def _quantity_of(record: dict[str, Any] | None) -> Quantity | None:
    return None if record is None else Quantity(**record)


def extraction_record(extraction: Extraction) -> dict[str, Any]:
    """One document's extraction (document, mentions, statements, before resolution) as JSON.

    :func:`extraction_from_record` reads it back to equal dataclasses, so a graph can be
    resolved again with more documents without running spaCy on the old ones.
    """
    d = extraction.document
    return {
        "kind": "extraction",
        "document": {
            "doc_id": d.doc_id, "text": d.text, "source": d.source, "title": d.title,
            "published": d.published.isoformat() if d.published else None, "segments": [list(s) for s in d.segments],
        },
        "mentions": [_mention_record(m) for m in extraction.mentions],
        "statements": [
            {
                "subject": _mention_record(s.subject),
                "predicate": s.predicate,
                "object": {
                    "mention": _mention_record(s.object.mention), "quantity": _quantity_record(s.object.quantity),
                    "title": _mention_record(s.object.title),
                },
                "relation": s.relation,
                "evidence": [s.evidence.doc_id, s.evidence.sentence, s.evidence.start, s.evidence.end],
                "extractor": s.extractor,
                "qualifiers": {
                    "date": s.qualifiers.date,
                    "location": _mention_record(s.qualifiers.location),
                    "affiliation": _mention_record(s.qualifiers.affiliation),
                    "rate": _quantity_record(s.qualifiers.rate),
                    "amount": _quantity_record(s.qualifiers.amount),
                    "status": s.qualifiers.status,
                    "metric": s.qualifiers.metric,
                    "period": s.qualifiers.period,
                    "buyer": _mention_record(s.qualifiers.buyer),
                },
                "polarity": s.polarity,
                "modality": s.modality,
                "confidence": s.confidence,
            }
            for s in extraction.statements
        ],
        "descriptions": [
            {"title": _mention_record(d.title), "evidence": [d.evidence.doc_id, d.evidence.sentence, d.evidence.start, d.evidence.end],
             "affiliation": _mention_record(d.affiliation)}
            for d in extraction.descriptions
        ],
    }


def extraction_from_record(record: dict[str, Any]) -> Extraction:
    """The :class:`Extraction` an :func:`extraction_record` was made from.

    Raises:
        KeyError, TypeError, ValueError: the record is not one kg wrote.
    """
    # A statement's arguments are spans the mention list has too: one object for each span
    # (a third of the mentions an update reads, made once; less memory for the archive).
    spans: dict[tuple, Mention] = {}

    def _mention_of(record: list | None) -> Mention | None:
        if record is None:
            return None
        key = tuple(record)
        mention = spans.get(key)
        if mention is None:
            # One string for each name, type and key however often the corpus repeats them:
            # 1,600 articles' extractions take 25 MB instead of 40.
            doc_id, start, end, text, kind, name, resolved = record
            mention = spans[key] = Mention(intern(doc_id), start, end, intern(text), intern(kind), intern(name), intern(resolved))
        return mention

    d = record["document"]
    document = Document(
        doc_id=d["doc_id"], text=d["text"], source=d["source"], title=d["title"],
        published=date.fromisoformat(d["published"]) if d["published"] else None,
        segments=tuple(tuple(s) for s in d["segments"]),
    )
    statements = []
    for s in record["statements"]:
        q = s["qualifiers"]
        statements.append(Statement(
            subject=_mention_of(s["subject"]),  # type: ignore[arg-type]
            predicate=s["predicate"],
            object=Argument(
                mention=_mention_of(s["object"]["mention"]), quantity=_quantity_of(s["object"]["quantity"]),
                title=_mention_of(s["object"].get("title")),
            ),
            relation=s["relation"],
            evidence=Evidence(*s["evidence"]),
            extractor=s["extractor"],
            qualifiers=Qualifiers(
                date=q["date"], location=_mention_of(q["location"]), affiliation=_mention_of(q["affiliation"]),
                rate=_quantity_of(q["rate"]), amount=_quantity_of(q["amount"]),
                status=q.get("status"), metric=q.get("metric"), period=q.get("period"), buyer=_mention_of(q.get("buyer")),
            ),
            polarity=s["polarity"],
            modality=s["modality"],
            confidence=s["confidence"],
        ))
    mentions = tuple(_mention_of(m) for m in record["mentions"])
    descriptions = tuple(
        Description(title=_mention_of(d["title"]), evidence=Evidence(*d["evidence"]), affiliation=_mention_of(d.get("affiliation")))  # type: ignore[arg-type]
        for d in record.get("descriptions", ())  # extractions written before descriptions existed have none
    )
    return Extraction(document=document, mentions=mentions, statements=tuple(statements), descriptions=descriptions)  # type: ignore[arg-type]
