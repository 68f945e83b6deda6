"""KnowledgeGraph -> JSON-ready records: the public JSON Lines contract of ``kg extract``.

Entities come first (sorted by id), then statements (sorted by document and offset). The shape
is fixed by ``kg/schemas/record.schema.json``; change both together.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from typing import Any

from kg.model import Entity, KnowledgeGraph, Mention, Quantity, Statement

__all__ = ["entity_record", "statement_id", "statement_record", "graph_records", "write_jsonl", "summary", "record_schema"]


def statement_id(statement: Statement, graph: KnowledgeGraph) -> str:
    """First 16 hex digits of sha1 over document, subject, predicate, object and offsets: stable across runs."""
    obj = statement.object
    object_part = graph.entity_id(obj.mention) if obj.mention else (repr(obj.quantity.value) if obj.quantity else "")
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


def _quantity(q: Quantity) -> dict[str, Any]:
    record: dict[str, Any] = {"value": q.value, "text": q.text}
    if q.unit:
        record["unit"] = q.unit
    if q.currency:
        record["currency"] = q.currency
    return record


def _argument(mention: Mention, graph: KnowledgeGraph, labels: dict[str, str]) -> dict[str, Any]:
    entity_id = graph.entity_id(mention)
    return {"id": entity_id, "label": labels[entity_id], "text": mention.text, "start": mention.start, "end": mention.end}


def entity_record(entity: Entity) -> dict[str, Any]:
    """One entity as its JSON record."""
    return {
        "kind": "entity",
        "id": entity.entity_id,
        "label": entity.label,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mentions": [{"doc": m.doc_id, "start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
    }


def statement_record(statement: Statement, graph: KnowledgeGraph, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """One statement as its JSON record; entity labels are looked up in ``labels`` (id -> label)."""
    labels = labels if labels is not None else {e.entity_id: e.label for e in graph.entities}
    q = statement.qualifiers
    qualifiers: dict[str, Any] = {}
    if q.date:
        qualifiers["date"] = q.date
    if q.location:
        qualifiers["location"] = labels[graph.entity_id(q.location)]
        qualifiers["location_id"] = graph.entity_id(q.location)
    if q.affiliation:
        qualifiers["affiliation"] = labels[graph.entity_id(q.affiliation)]
        qualifiers["affiliation_id"] = graph.entity_id(q.affiliation)
    if q.rate:
        qualifiers["rate"] = _quantity(q.rate)
    if q.amount:
        qualifiers["amount"] = _quantity(q.amount)
    obj = statement.object
    object_record = _argument(obj.mention, graph, labels) if obj.mention else _quantity(obj.quantity)  # type: ignore[arg-type]
    ev = statement.evidence
    return {
        "kind": "statement",
        "id": statement_id(statement, graph),
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
    for statement in graph.statements:
        yield statement_record(statement, graph, labels)


def write_jsonl(graph: KnowledgeGraph, stream) -> int:
    """Write the graph's records as JSON Lines to a text stream; returns the number of lines."""
    count = 0
    for record in graph_records(graph):
        stream.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
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
