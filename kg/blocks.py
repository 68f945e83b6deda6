"""Mentions in chunks of documents -> blocks by blocking key -> the entities of :func:`kg.resolve.resolve_mentions`.

Resolution is cut into steps that each need one chunk of documents or one block of keys, so
they can run on different machines (``kg.distribute.resolve_on_dask``) and no step holds the
corpus. Every decision of ``resolve_mentions`` depends on mentions that share a blocking key:

- a person name joins only a fuller name of the same surname (``kg.resolve._compatible``), or
  in its own article a Chinese or Korean name that starts with it ("Mr Wang", Wang Yan: such a
  name is also sent to its first word's block, as a candidate only), so person names are
  decided per block of surnames; the one thing from elsewhere is whether a one-word name is
  vouched for (its article and one of the fuller name's share a rare name), answered from the
  chunks after a first pass asks;
- an unexpanded acronym joins the one expansion of the same text: blocks of acronym texts;
- mentions with the same (type, final key) are one entity: blocks of keys;
- entity ids ("person/x", "person/x-2", "person/x--doc-7") are unique within a family of slugs:
  blocks of families.

A block is chosen by a CRC-32 of the key, the same in every process. The entities and the
mention -> entity map equal ``resolve_mentions`` on all mentions at once, whatever the
chunking and the number of blocks (tests/test_blocks.py holds them equal).
"""
from __future__ import annotations

import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from kg.model import Entity, Mention
from kg.resolve import (
    PersonName,
    assign_ids,
    distinct_mentions,
    entity_label,
    family_first,
    group_key,
    id_family,
    make_entity,
    mark_styles,
    person_decisions,
    person_names,
    person_parts,
    rare_limit,
    self_vouched,
    surname,
)

__all__ = [
    "ChunkState", "Decisions", "PersonBlock", "block_of", "chunk_mentions", "cooccurrences", "decide_acronyms", "decide_persons", "entity_block",
    "frequent_keys", "group_block", "id_block", "resolve_in_blocks", "route_chunk", "summarise_chunk", "vouching_requests",
]

#: (doc_id, key) -> (the key it joins, why it joins across documents or None).
Decisions = dict[tuple[str, str], tuple[str, str | None]]


def block_of(key: str, blocks: int) -> int:
    """The block of a blocking key: the same in every process (``hash`` is salted per process).

    >>> block_of("blair", 8) == block_of("blair", 8)
    True
    """
    return zlib.crc32(key.encode("utf-8")) % blocks


@dataclass(frozen=True)
class ChunkState:
    """What one chunk of documents keeps for the later steps, and what it sends to the blocks."""

    index: int
    #: The chunk's mentions, sorted; empty when the caller makes them again to route them.
    mentions: tuple[Mention, ...]
    #: doc_id -> every key its mentions have (the context that vouches for one-word names).
    #: Tuples, not sets: a million documents' sets would take a gigabyte.
    context: dict[str, tuple[str, ...]]
    #: Per block of surnames: (chunk, doc_id, key, (display, gender, peer, vouched for by its
    #: article, plain courtesy title, knighted), the doc's context when the name is one word, its offices' head words, whether
    #: the block decides it or has it only as a candidate).
    persons: tuple[tuple, ...]
    #: Per block of acronym texts: (chunk, doc_id, text, key, expanded?).
    acronyms: tuple[tuple, ...]
    #: Per block of keys: in how many of the chunk's documents each key is named.
    frequency: tuple[Counter, ...]


def chunk_mentions(mentions: Iterable[Mention]) -> tuple[Mention, ...]:
    """A chunk's mentions once each, in the order resolve_mentions reads them."""
    return tuple(distinct_mentions(mentions))


def summarise_chunk(
    index: int, mentions: Iterable[Mention], offices: Mapping[tuple[str, str], Iterable[str]], blocks: int, keep: bool = True
) -> ChunkState:
    """Split one chunk's mentions (all documents of the chunk, any order) into what each block needs.

    ``offices`` are the head words of the offices the chunk's articles give each (doc_id,
    person key), as :func:`kg.resolve.resolution_inputs` gives them. Without ``keep`` the state
    leaves the mentions out, for a caller that can make them again.
    """
    mentions = chunk_mentions(mentions)
    offices = {pair: set(heads) for pair, heads in offices.items()}
    context: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        context[m.doc_id].add(m.key)
    frozen = {doc_id: tuple(sorted(keys)) for doc_id, keys in context.items()}
    persons: list[list] = [[] for _ in range(blocks)]
    names = person_names([m for m in mentions if m.type == "Person"])
    mark_styles(names, offices)
    for (doc_id, key), name in names.items():
        name.styled = self_vouched(name, doc_id, offices)  # all that vouching asks of the article itself
        around = frozen[doc_id] if len(person_parts(key)) == 1 else None
        fields = (name.display, name.gender, name.peer, name.styled, name.plain, name.knighted)
        heads = frozenset(offices.get((doc_id, key), ()))
        home = block_of(surname(key), blocks)
        persons[home].append((index, doc_id, key, fields, around, heads, True))
        first = family_first(key)
        if first is not None and block_of(first, blocks) != home:
            # "Wang Yan" is also a candidate for "Mr Wang" of its article, in Wang's block.
            persons[block_of(first, blocks)].append((index, doc_id, key, fields, None, heads, False))
    acronyms: list[list] = [[] for _ in range(blocks)]
    for m in mentions:
        text = m.text.strip()
        if m.type == "Organization" and text.isupper() and 2 <= len(text) <= 6:
            acronyms[block_of(text, blocks)].append((index, m.doc_id, text, m.key, m.key != f"organization:{text.lower()}"))
    frequency = [Counter() for _ in range(blocks)]
    for keys in frozen.values():
        for key in keys:
            frequency[block_of(key, blocks)][key] += 1
    return ChunkState(index, mentions if keep else (), frozen, tuple(map(tuple, persons)), tuple(map(tuple, acronyms)), tuple(frequency))


def frequent_keys(counters: Iterable[Counter], documents: int) -> frozenset[str]:
    """The keys of one block named in too many documents to vouch for a name (not rare)."""
    total: Counter = Counter()
    for counter in counters:
        total.update(counter)
    limit = rare_limit(documents)
    return frozenset(k for k, n in total.items() if n > limit)


@dataclass(frozen=True)
class PersonBlock:
    """The person names of one block of surnames, gathered from every chunk."""

    records: tuple[tuple, ...]

    def names(self) -> dict[tuple[str, str], PersonName]:
        return {(r[1], r[2]): PersonName(r[2], *r[3]) for r in self.records}

    def offices(self) -> dict[tuple[str, str], set[str]]:
        return {(r[1], r[2]): set(r[5]) for r in self.records if r[5]}

    def decides(self) -> frozenset[tuple[str, str]]:
        """The names this block decides; the others are candidates of its one-word names."""
        return frozenset((r[1], r[2]) for r in self.records if r[6])


def vouching_requests(block: PersonBlock) -> frozenset[str]:
    """The fuller names a one-word name of this block would join if vouched for: the chunks
    are asked which rare keys each shares a document with."""
    asked: set[str] = set()

    def ask(doc_id: str, short: PersonName, full: str) -> bool:
        if not short.styled:
            asked.add(full)
        return short.styled

    person_decisions(block.names(), ask, block.offices(), block.decides().__contains__)
    return frozenset(asked)


def cooccurrences(state: ChunkState, fulls: frozenset[str], frequent: frozenset[str], blocks: int) -> tuple[dict, ...]:
    """Per block of surnames: full name -> rare key -> up to two documents of this chunk naming both."""
    out: list[dict] = [defaultdict(dict) for _ in range(blocks)]
    for _, doc_id, key, *_ in (r for records in state.persons for r in records):
        if key not in fulls:
            continue
        found = out[block_of(surname(key), blocks)][key]
        for other in state.context[doc_id]:
            if other not in frequent:
                docs = found.setdefault(other, ())
                if len(docs) < 2 and doc_id not in docs:
                    found[other] = (*docs, doc_id)
    return tuple(dict(o) for o in out)


def decide_persons(block: PersonBlock, found: Iterable[dict], frequent: frozenset[str], chunks: int) -> tuple[Decisions, ...]:
    """The person decisions of one block, per chunk, exactly as ``resolve_mentions`` takes them."""
    near: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for part in found:
        for full, keys in part.items():
            for key, docs in keys.items():
                near[full][key].update(docs)
    around = {(r[1], r[2]): r[4] for r in block.records if r[4] is not None}

    def vouched(doc_id: str, short: PersonName, full: str) -> bool:
        if short.styled:
            return True
        # A rare key of this article that some other article of the fuller name also names.
        shared = near.get(full, {})
        return any(
            k not in frequent and k != short.key and k != full and any(d != doc_id for d in shared.get(k, ())) for k in around[(doc_id, short.key)]
        )

    target, reasons = person_decisions(block.names(), vouched, block.offices(), block.decides().__contains__)
    chunk_of = {(r[1], r[2]): r[0] for r in block.records if r[6]}
    out: list[Decisions] = [{} for _ in range(chunks)]
    for pair, key in target.items():
        out[chunk_of[pair]][pair] = (key, reasons.get(pair))
    return tuple(out)


def decide_acronyms(records: Iterable[tuple], chunks: int) -> tuple[Decisions, ...]:
    """The acronym decisions of one block of acronym texts, per chunk (see ``kg.resolve._acronyms``)."""
    records = list(records)
    expanded: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], str] = {}
    for _, doc_id, text, key, is_expansion in records:
        if is_expansion:
            expanded[text].add(key)
            where[(text, key)] = min(doc_id, where.get((text, key), doc_id))
    out: list[Decisions] = [{} for _ in range(chunks)]
    for chunk, doc_id, text, key, is_expansion in records:
        keys = expanded.get(text, set())
        if not is_expansion and len(keys) == 1:
            (full,) = keys
            out[chunk][(doc_id, key)] = (full, f"{text} ({doc_id}) -> {full.split(':', 1)[1]}: the acronym's one expansion, in {where[(text, full)]}")
    return tuple(out)


def route_chunk(
    state: ChunkState, persons: Iterable[Decisions], acronyms: Iterable[Decisions], blocks: int, mentions: Sequence[Mention] | None = None
) -> tuple[tuple, ...]:
    """The chunk's mentions (``mentions``, made again, or the state's) per block of (type,
    final key), each with why it joins across documents."""
    person_target: dict[tuple[str, str], str] = {}
    reasons: dict[tuple[str, str], str] = {}
    for part in persons:
        for pair, (key, reason) in part.items():
            person_target[pair] = key
            if reason:
                reasons[pair] = reason
    joined: dict[tuple[str, str], tuple[str, str]] = {}
    for part in acronyms:
        joined.update(part)  # type: ignore[arg-type]
    out: list[list] = [[] for _ in range(blocks)]
    # Plain tuples cross between machines several times faster than dataclasses, and interned
    # strings are pickled once per block however many mentions share them.
    intern = sys.intern
    for m in state.mentions if mentions is None else mentions:
        key, reason = group_key(m, person_target, reasons, joined)
        key = intern(key)
        out[block_of(f"{m.type}\t{key}", blocks)].append((m.doc_id, m.start, m.end, intern(m.text), intern(m.type), intern(m.name), intern(m.key), key, reason))
    return tuple(map(tuple, out))


def group_block(routed: Iterable[Sequence[tuple]], blocks: int) -> tuple[dict, tuple[tuple, ...]]:
    """One block's groups of mentions ((type, key) -> mentions, reasons), and their (type, key,
    label) per block of id families."""
    groups: dict[tuple[str, str], tuple[list[Mention], set[str]]] = {}
    for part in routed:
        for *fields, key, reason in part:
            m = Mention(*fields)
            members, why = groups.setdefault((m.type, key), ([], set()))
            members.append(m)
            if reason:
                why.add(reason)
    families: list[list] = [[] for _ in range(blocks)]
    for (kind, key), (members, _) in groups.items():
        members.sort(key=lambda m: (m.doc_id, m.start, m.end, m.key))
        label = entity_label(members)
        families[block_of(id_family(kind, label), blocks)].append((kind, key, label))
    return groups, tuple(map(tuple, families))


def id_block(parts: Iterable[Sequence[tuple]], blocks: int) -> tuple[dict[tuple[str, str], str], ...]:
    """The ids of one block of families, sent back per block of keys."""
    ids = assign_ids(group for part in parts for group in part)
    out: list[dict] = [{} for _ in range(blocks)]
    for (kind, key), entity_id in ids.items():
        out[block_of(f"{kind}\t{key}", blocks)][(kind, key)] = entity_id
    return tuple(out)


def entity_block(groups: dict, ids: Iterable[dict[tuple[str, str], str]]) -> Iterator[tuple[tuple[str, str], Entity]]:
    """The entities of one block of keys, each with its (type, key), one at a time."""
    known: dict[tuple[str, str], str] = {}
    for part in ids:
        known.update(part)
    for (kind, key), (members, why) in groups.items():
        yield (kind, key), make_entity(known[(kind, key)], kind, members, why)


def resolve_in_blocks(
    chunks: Iterable[tuple[Iterable[Mention], Iterable[tuple[str, str]]]], blocks: int = 8
) -> tuple[tuple[Entity, ...], dict[tuple[str, int, int], str]]:
    """``resolve_mentions`` one chunk or one block at a time, in this process.

    Args:
        chunks: (mentions, offices) of disjoint sets of documents (see :func:`summarise_chunk`).
        blocks: how many blocks each kind of key is cut into.

    Returns:
        As :func:`kg.resolve.resolve_mentions`: the entities sorted by id and the mention map.
    """
    states = [summarise_chunk(i, mentions, offices, blocks) for i, (mentions, offices) in enumerate(chunks)]
    n = len(states)
    documents = sum(len(s.context) for s in states)
    frequent = frozenset().union(*(frequent_keys((s.frequency[b] for s in states), documents) for b in range(blocks)))
    person_blocks = [PersonBlock(tuple(r for s in states for r in s.persons[b])) for b in range(blocks)]
    fulls = frozenset().union(*(vouching_requests(p) for p in person_blocks))
    found = [cooccurrences(s, fulls, frequent, blocks) for s in states]
    persons = [decide_persons(p, (f[b] for f in found), frequent, n) for b, p in enumerate(person_blocks)]
    acronyms = [decide_acronyms((r for s in states for r in s.acronyms[b]), n) for b in range(blocks)]
    routed = [route_chunk(s, (p[s.index] for p in persons), (a[s.index] for a in acronyms), blocks) for s in states]
    grouped = [group_block((r[b] for r in routed), blocks) for b in range(blocks)]
    ids = [id_block((g[1][b] for g in grouped), blocks) for b in range(blocks)]
    made = sorted(pair for b, (groups, _) in enumerate(grouped) for pair in entity_block(groups, (i[b] for i in ids)))
    # One span read as two things (a statement's argument typed otherwise) maps to the later
    # (type, key), as in resolve_mentions.
    mapping = {(m.doc_id, m.start, m.end): e.entity_id for _, e in made for m in e.mentions}
    return tuple(sorted((e for _, e in made), key=lambda e: e.entity_id)), mapping
