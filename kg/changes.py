"""What an update (``kg build NEW --into DIR``) changed in the graph it grew: the entities it
added, those no longer there, and the names of earlier articles that now belong to another
entity.

A later article can change an earlier decision of resolution, by its rule ("Mr Frost" joins
the one David Frost of the corpus; a second fuller Frost makes him nobody in particular again;
the corpus now calls "Welsh" a person). A graph grown that way equals the graph built at once,
so nothing is wrong; but whoever follows a graph day by day should hear of it rather than find
it. Entity ids do not move as articles are added (:func:`kg.resolve.assign_ids`), so an id
gone or a name taken from one id to another is such a decision, not a renumbering.

What the graph was is read from the last build's ``graph.jsonld``, for the documents whose
RDF the update made again only: each earlier document's ``schema:mentions`` before and
after, and the names of each entity it no longer mentions.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from kg.increment import OutputCache, SubjectEntry
from kg.model import Entity, KnowledgeGraph, Mention
from kg.rdf import document_iri, entity_iri_text

__all__ = ["GraphChanges", "Reassigned", "changes_of", "format_changes", "graph_changes"]


@dataclass(frozen=True)
class Reassigned:
    """A name in an earlier article that the update made another entity's."""

    doc_id: str
    #: The name as the article writes it.
    name: str
    was: str
    was_label: str
    now: str
    now_label: str
    #: Why the new entity takes the article's mention across documents (its ``kg:mergeReason``
    #: for this article), when it does.
    why: str | None = None


@dataclass(frozen=True)
class GraphChanges:
    """An update's changes to the entities of the graph it grew."""

    #: Documents the update added.
    documents: tuple[str, ...]
    #: Ids of entities the graph did not have, sorted.
    added: tuple[str, ...]
    #: (id, label) of the entities the graph no longer has, sorted.
    gone: tuple[tuple[str, str], ...]
    #: Names of earlier articles now of another entity, by article and name.
    reassigned: tuple[Reassigned, ...]


def graph_changes(graph: KnowledgeGraph, previous: OutputCache, remade: Iterable[str], new_documents: Iterable[str]) -> GraphChanges:
    """What the update that made ``graph`` changed, against the last build's cache ``previous``
    (its shares still readable: :class:`kg.increment.ShareFiles`); ``remade``: the subjects whose
    texts the update made again (:attr:`kg.increment.GraphTexts.changed`); ``new_documents``:
    the ids of the documents it added."""

    def named_in(doc_ids: Collection[str]) -> dict[str, list[tuple[Mention, Entity]]]:
        found: dict[str, list[tuple[Mention, Entity]]] = {doc_id: [] for doc_id in doc_ids}
        for entity in graph.entities:
            for m in entity.mentions:
                if m.doc_id in found:
                    found[m.doc_id].append((m, entity))
        return found

    return changes_of((e.entity_id for e in graph.entities), (d.doc_id for d in graph.documents), previous, remade, new_documents, named_in)


def changes_of(
    entity_ids: Iterable[str], documents: Iterable[str], previous: OutputCache, remade: Iterable[str], new_documents: Iterable[str],
    named_in: Callable[[Collection[str]], Mapping[str, list[tuple[Mention, Entity]]]],
) -> GraphChanges:
    """:func:`graph_changes` of a graph given as its entities' ids, its documents' ids and, for
    the earlier documents whose RDF the update made again, the mentions each has and their
    entities (``named_in``, asked once, for those only): what a kept archive (``kg.partkeys``)
    gives without the graph."""
    new_documents = tuple(sorted(new_documents))
    remade = set(remade)
    fresh = set(new_documents)
    entity_prefix = entity_iri_text("")
    was = {iri[len(entity_prefix):] for iri in previous.subjects if iri.startswith(entity_prefix)}
    now = set(entity_ids)
    # The earlier documents whose RDF was made again: the others mention what they did.
    earlier: dict[str, SubjectEntry] = {
        doc_id: previous.subjects[iri] for doc_id in documents
        if doc_id not in fresh and (iri := str(document_iri(doc_id))) in remade and iri in previous.subjects
    }
    in_document = named_in(list(earlier))
    old_names: dict[str, tuple[str, frozenset[str]]] = {}
    reassigned: set[Reassigned] = set()
    for doc_id, entry in earlier.items():
        before = _mentioned(entry, entity_prefix)
        after = {entity.entity_id for _, entity in in_document.get(doc_id, ())}

        def names_of(entity_id: str) -> tuple[str, frozenset[str]]:
            if entity_id not in old_names:
                old_names[entity_id] = _names(previous.subjects.get(entity_iri_text(entity_id)))
            return old_names[entity_id]

        for lost in sorted(before - after):
            label, names = names_of(lost)
            for m, entity in in_document.get(doc_id, ()):
                name = m.text.strip()
                if not name[:1].isupper() or name not in names:
                    continue  # a pronoun or a description points at an entity without naming it
                if entity.entity_id in before and name in names_of(entity.entity_id)[1]:
                    continue  # the article's "Mercedes" may well have been this entity's already
                why = next((r for r in entity.merges if f"({doc_id})" in r), None)
                reassigned.add(Reassigned(doc_id, name, lost, label, entity.entity_id, entity.label, why))
    gone = []
    for entity_id in sorted(was - now):
        label = old_names[entity_id][0] if entity_id in old_names else _names(previous.subjects.get(entity_iri_text(entity_id)))[0]
        gone.append((entity_id, label))
    return GraphChanges(
        documents=new_documents,
        added=tuple(sorted(now - was)),
        gone=tuple(gone),
        reassigned=tuple(sorted(reassigned, key=lambda r: (r.doc_id, r.name, r.was, r.now))),
    )


def _node(entry: SubjectEntry | None) -> Mapping:
    """The subject's node of the last ``graph.jsonld``, or {} when it cannot be read (a file
    replaced since, whose shares the update made again)."""
    if entry is None:
        return {}
    try:
        node = json.loads(entry.jsonld)
    except (OSError, ValueError):
        return {}
    return node if isinstance(node, dict) else {}


def _values(node: Mapping, key: str) -> list:
    value = node.get(key, [])
    return value if isinstance(value, list) else [value]


def _mentioned(entry: SubjectEntry, prefix: str) -> set[str]:
    """The ids of the entities a document's node mentions."""
    return {iri[len(prefix):] for iri in _values(_node(entry), "mentions") if isinstance(iri, str) and iri.startswith(prefix)}


def _names(entry: SubjectEntry | None) -> tuple[str, frozenset[str]]:
    """An entity's label and every name it had (label and aliases), from its node."""
    node = _node(entry)
    label = next((v for v in _values(node, "prefLabel") if isinstance(v, str)), "")
    aliases = [v for v in _values(node, "altLabel") if isinstance(v, str)]
    return label, frozenset([label, *aliases]) - {""}


def format_changes(changes: GraphChanges, most: int = 20) -> str:
    """The changes for people: counts, then the earlier articles' names that changed entity and
    the entities gone (at most ``most`` lines of each)."""
    lines = [
        f"update: {_count(changes.documents, 'new document')}, {_count(changes.added, 'new entity', 'new entities')}, "
        f"{_count(changes.gone, 'entity', 'entities')} gone; {_count(changes.reassigned, 'name')} in earlier articles moved to another entity"
    ]
    for r in changes.reassigned[:most]:
        line = f"  {r.doc_id}: {r.name!r} was {r.was_label} ({r.was}), now {r.now_label} ({r.now})"
        lines.append(line + (f": {r.why}" if r.why else ""))
    if len(changes.reassigned) > most:
        lines.append(f"  ... and {len(changes.reassigned) - most} more")
    for entity_id, label in changes.gone[:most]:
        lines.append(f"  gone: {label} ({entity_id})")
    if len(changes.gone) > most:
        lines.append(f"  ... and {len(changes.gone) - most} more gone")
    return "\n".join(lines)


def _count(items: tuple, one: str, many: str | None = None) -> str:
    return f"{len(items)} {one if len(items) == 1 else many or one + 's'}"
