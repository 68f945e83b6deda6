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

:class:`KeptResolution` holds all of it. :meth:`KeptResolution.update` takes the mentions of
new (or changed) documents and the ids of removed ones, and re-decides:

1. the surnames whose names came or went, and those with a one-word name in an article that
   names a key whose rareness changed;
2. the acronym texts that came or went;
3. the groups whose members moved, their labels, and the id families whose labels changed,
   and only their entities and mapped spans.

After every update :meth:`KeptResolution.result` equals ``resolve_mentions`` on all documents at
once (``tests/test_kept.py`` holds them equal article by article on real news and on the
corner cases: a second fuller name, the usual bearer, a key that stops being rare).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.model import Entity, Mention
from kg.resolve import (
    PersonName,
    assign_ids,
    family_first,
    id_family,
    is_fuller_name,
    is_naming,
    label_of,
    make_entity,
    mark_styles,
    person_decisions,
    person_names,
    person_parts,
    rare_limit,
    self_vouched,
    spelling_key,
    surname,
)

__all__ = ["KeptChanges", "KeptResolution"]

#: (type, key) of an entity's group of mentions.
Group = tuple[str, str]
#: (doc_id, key) of a name in one document.
Pair = tuple[str, str]
#: A mention's fields in the order resolution sorts them (``kg.resolve.distinct_mentions``).
Fields = tuple[str, int, int, str, str, str, str]


def _fields(m: Mention) -> Fields:
    return (m.doc_id, m.start, m.end, m.key, m.text, m.type, m.name)


def _acronym(m: Mention) -> tuple[str, bool] | None:
    """(text, expanded?) of an organisation acronym (see ``kg.resolve._acronyms``), else None."""
    text = m.text.strip()
    if m.type == "Organization" and text.isupper() and 2 <= len(text) <= 6:
        return text, m.key != f"organization:{text.lower()}"
    return None


@dataclass(frozen=True)
class _Document:
    """What one document gives resolution, worked out once when it is added."""

    mentions: dict[Fields, Mention]
    #: Every key its mentions have (the context that vouches for one-word names).
    context: frozenset[str]
    #: Person key -> its name in this article (``styled``: vouched for by the article itself).
    names: dict[str, PersonName]
    #: Person key -> the head words of the offices the article gives it.
    offices: dict[str, frozenset[str]]
    #: (text, key, expanded?) of its acronyms.
    acronyms: frozenset[tuple[str, str, bool]]
    #: The surnames of its one-word person names, whose joins its rare keys vouch for.
    one_word: frozenset[str]


@dataclass(frozen=True)
class KeptChanges:
    """What an update changed: what the stages after resolution need to make again."""

    #: The entities made or made again (new members, label or id), sorted by id.
    entities: tuple[Entity, ...]
    #: The ids no entity has any more.
    gone: frozenset[str]
    #: (doc_id, start, end) -> entity id of every span whose entity changed; None: no longer mapped.
    mapping: dict[tuple[str, int, int], str | None]


class KeptResolution:
    """The resolution of a growing set of documents, re-decided only where they change.

    Example:
        >>> kept = KeptResolution()
        >>> _ = kept.update([Mention("a", 0, 11, "David Frost", "Person", "David Frost", "person:david frost")])
        >>> changes = kept.update([Mention("b", 0, 8, "Mr Frost", "Person", "Frost", "person:frost")])
        >>> changes.mapping, [e.entity_id for e in changes.entities]
        ({('b', 0, 8): 'person/david-frost'}, ['person/david-frost'])
    """

    def __init__(self) -> None:
        self._documents: dict[str, _Document] = {}
        self._frequency: Counter[str] = Counter()
        self._by_count: dict[int, set[str]] = defaultdict(set)
        self._docs_of_key: dict[str, set[str]] = defaultdict(set)
        self._frequent: set[str] = set()
        self._limit = rare_limit(0)
        #: Surname -> the (doc_id, key) names it decides, and those it has as candidates only.
        self._homes: dict[str, set[Pair]] = defaultdict(set)
        self._candidates: dict[str, set[Pair]] = defaultdict(set)
        self._persons: dict[Pair, tuple[str, str | None]] = {}
        #: Acronym text -> (doc_id, key, expanded?); (doc_id, key) -> (the expansion, why).
        self._acronym_records: dict[str, set[tuple[str, str, bool]]] = defaultdict(set)
        self._acronyms: dict[Pair, tuple[str, str]] = {}
        self._groups: dict[Group, dict[Fields, tuple[Mention, str | None]]] = {}
        self._where: dict[Fields, Group] = {}
        #: Group -> name -> how many of its naming mentions give it, and of all its mentions.
        self._names: dict[Group, tuple[Counter[str], Counter[str]]] = {}
        self._labels: dict[Group, str] = {}
        self._families: dict[str, set[Group]] = defaultdict(set)
        self._ids: dict[Group, str] = {}
        self._entities: dict[Group, Entity] = {}
        #: (doc_id, start, end) -> the groups that have the span, with how many of its mentions.
        self._spans: dict[tuple[str, int, int], dict[Group, int]] = {}
        self._mapping: dict[tuple[str, int, int], str] = {}

    # --- what is kept --------------------------------------------------------------------

    @property
    def documents(self) -> frozenset[str]:
        """The documents resolved (those with at least one mention)."""
        return frozenset(self._documents)

    def result(self) -> tuple[tuple[Entity, ...], dict[tuple[str, int, int], str]]:
        """As :func:`kg.resolve.resolve_mentions`: the entities sorted by id and a map from
        (doc_id, start, end) of each mention to its entity id (a copy the caller may change)."""
        return tuple(sorted(self._entities.values(), key=lambda e: e.entity_id)), dict(self._mapping)

    # --- an update -----------------------------------------------------------------------

    def update(
        self, mentions: Iterable[Mention], offices: Mapping[Pair, Iterable[str]] | None = None, removed: Iterable[str] = ()
    ) -> KeptChanges:
        """Add the documents of ``mentions`` (replacing any kept under the same doc_id) and drop
        ``removed``; ``offices`` are the added documents' (doc_id, person key) -> office head
        words, as :func:`kg.resolve.resolution_inputs` gives them."""
        by_doc: dict[str, dict[Fields, Mention]] = defaultdict(dict)
        for m in mentions:
            by_doc[m.doc_id][_fields(m)] = m
        office_by_doc: dict[str, dict[str, frozenset[str]]] = defaultdict(dict)
        for (doc_id, key), heads in (offices or {}).items():
            if doc_id in by_doc:
                office_by_doc[doc_id][key] = frozenset(heads)
        touched = _Touched()
        for doc_id in {*removed, *by_doc} & self._documents.keys():
            self._remove(doc_id, touched)
        for doc_id in sorted(by_doc):
            self._add(doc_id, by_doc[doc_id], office_by_doc.get(doc_id, {}), touched)
        self._rarity(touched)
        moved = self._decide_persons(touched) | self._decide_acronyms(touched)
        for doc_id, key in moved:
            document = self._documents.get(doc_id)
            for fields, m in () if document is None else document.mentions.items():
                if m.key == key and fields not in touched.added:
                    self._unplace(fields, touched)
                    self._place(m, touched)
        for doc_id in touched.new_documents:
            for m in self._documents[doc_id].mentions.values():
                self._place(m, touched)
        return self._regroup(touched)

    def _remove(self, doc_id: str, touched: _Touched) -> None:
        document = self._documents.pop(doc_id)
        for fields in document.mentions:
            self._unplace(fields, touched)
        for key in document.context:
            self._count(key, -1, touched)
            self._docs_of_key[key].discard(doc_id)
            if not self._docs_of_key[key]:
                del self._docs_of_key[key]
        for key in document.names:
            pair = (doc_id, key)
            self._route(pair, self._homes, self._candidates, set.discard, touched)
            self._persons.pop(pair, None)
        for text, key, expanded in document.acronyms:
            self._acronym_records[text].discard((doc_id, key, expanded))
            touched.texts.add(text)
            self._acronyms.pop((doc_id, key), None)

    def _add(self, doc_id: str, mentions: dict[Fields, Mention], offices: dict[str, frozenset[str]], touched: _Touched) -> None:
        if not mentions:
            return
        ordered = {fields: mentions[fields] for fields in sorted(mentions)}
        names = {key: name for (_, key), name in person_names([m for m in ordered.values() if m.type == "Person"]).items()}
        as_pairs = {(doc_id, key): name for key, name in names.items()}
        pair_offices = {(doc_id, key): set(heads) for key, heads in offices.items()}
        mark_styles(as_pairs, pair_offices)
        for (_, key), name in as_pairs.items():
            name.styled = self_vouched(name, doc_id, pair_offices)
        acronyms = {(found[0], m.key, found[1]) for m in ordered.values() if (found := _acronym(m)) is not None}
        one_word = frozenset(surname(key) for key in names if len(person_parts(key)) == 1)
        document = _Document(ordered, frozenset(m.key for m in ordered.values()), names, offices, frozenset(acronyms), one_word)
        self._documents[doc_id] = document
        touched.new_documents.append(doc_id)
        touched.added.update(ordered)
        for key in document.context:
            self._count(key, 1, touched)
            self._docs_of_key[key].add(doc_id)
        for key in names:
            self._route((doc_id, key), self._homes, self._candidates, set.add, touched)
        for text, key, expanded in acronyms:
            self._acronym_records[text].add((doc_id, key, expanded))
            touched.texts.add(text)

    @staticmethod
    def _route(pair: Pair, homes: dict, candidates: dict, change, touched: _Touched) -> None:
        """A person name belongs to its surname's block, and a family name first ("Wang Yan")
        is also a candidate in its first word's block ("Mr Wang" of its article)."""
        home = surname(pair[1])
        change(homes[home], pair)
        touched.surnames.add(home)
        touched.pairs[home].add(pair[1])
        touched.documents.add(pair[0])
        first = family_first(pair[1])
        if first is not None and first != home:
            change(candidates[first], pair)
            touched.surnames.add(first)
            touched.pairs[first].add(pair[1])

    def _count(self, key: str, step: int, touched: _Touched) -> None:
        n = self._frequency[key]
        self._by_count[n].discard(key)
        n += step
        if n:
            self._frequency[key] = n
            self._by_count[n].add(key)
        else:
            del self._frequency[key]
        touched.counted.add(key)

    # --- decisions ------------------------------------------------------------------------

    def _rarity(self, touched: _Touched) -> None:
        """Which keys are too common to vouch for a name now, and which changed."""
        limit = rare_limit(len(self._documents))
        suspects = set(touched.counted)
        low, high = sorted((self._limit, limit))
        for n in range(int(low) + 1, int(high) + 1):
            suspects |= self._by_count.get(n, set())
        self._limit = limit
        for key in suspects:
            frequent = self._frequency.get(key, 0) > limit
            if frequent != (key in self._frequent):
                (self._frequent.add if frequent else self._frequent.discard)(key)
                touched.flipped.add(key)

    def _decide_persons(self, touched: _Touched) -> set[Pair]:
        """Decide the touched surnames again; the names whose target or reason changed."""
        surnames = set(touched.surnames)
        vouching = {doc_id for key in touched.flipped for doc_id in self._docs_of_key.get(key, ())}
        for doc_id in vouching:
            surnames |= self._documents[doc_id].one_word
        changed: set[Pair] = set()
        for block in surnames:
            homes, candidates = self._homes.get(block, set()), self._candidates.get(block, set())
            if not homes:
                continue
            # A name's decision reads its own article's names and the block's fuller names (their
            # articles, genders, titles, offices): only the names of the documents that came, of
            # the documents whose rare keys changed, and those a name that came or went is fuller
            # than are decided again.
            pairs_of: dict[str, list[Pair]] = defaultdict(list)
            for pair in homes:
                pairs_of[pair[1]].append(pair)
            moved = touched.pairs.get(block, set())
            again = {pair for pair in homes if pair[0] in touched.documents or pair[0] in vouching}
            for key, pairs in pairs_of.items():
                if any(is_fuller_name(key, other) for other in moved):
                    again.update(pairs)
            if not again:
                continue
            target, reasons = self._decide(block, homes, candidates, again)
            for pair in again:
                decision = (target[pair], reasons.get(pair))
                if self._persons.get(pair) != decision:
                    self._persons[pair] = decision
                    changed.add(pair)
        return changed

    def _decide(self, block: str, homes: set[Pair], candidates: set[Pair], again: set[Pair]) -> tuple[dict, dict]:
        names = {pair: self._documents[pair[0]].names[pair[1]] for pair in homes | candidates}
        offices = {pair: set(heads) for pair in names if (heads := self._documents[pair[0]].offices.get(pair[1]))}
        docs_of: dict[str, set[str]] = defaultdict(set)
        for doc_id, key in homes:
            docs_of[key].add(doc_id)

        def vouched(doc_id: str, short: PersonName, full: str) -> bool:
            if short.styled:
                return True
            others = [self._documents[d].context for d in docs_of.get(full, ()) if d != doc_id]
            return any(
                k not in self._frequent and k != short.key and k != full and any(k in c for c in others) for k in self._documents[doc_id].context
            )

        return person_decisions(names, vouched, offices, again.__contains__)

    def _decide_acronyms(self, touched: _Touched) -> set[Pair]:
        """Decide the touched acronym texts again; the names whose expansion changed."""
        changed: set[Pair] = set()
        for text in touched.texts:
            records = self._acronym_records.get(text, set())
            expansions = {key for _, key, expanded in records if expanded}
            first = {}
            for doc_id, key, expanded in records:
                if expanded:
                    first[key] = min(doc_id, first.get(key, doc_id))
            for doc_id, key, expanded in records:
                if expanded:
                    continue
                pair = (doc_id, key)
                decision = None
                if len(expansions) == 1:
                    (full,) = expansions
                    decision = (full, f"{text} ({doc_id}) -> {full.split(':', 1)[1]}: the acronym's one expansion, in {first[full]}")
                if self._acronyms.get(pair) != decision:
                    if decision is None:
                        del self._acronyms[pair]
                    else:
                        self._acronyms[pair] = decision
                    changed.add(pair)
            if not records:
                del self._acronym_records[text]
        return changed

    # --- groups, ids, entities ------------------------------------------------------------

    def _place(self, m: Mention, touched: _Touched) -> None:
        if m.type == "Person":
            key, reason = self._persons.get((m.doc_id, m.key), (m.key, None))
        elif (m.doc_id, m.key) in self._acronyms:
            key, reason = self._acronyms[(m.doc_id, m.key)]
        else:
            key, reason = m.key, None
        group = (m.type, spelling_key(key))
        fields = _fields(m)
        self._groups.setdefault(group, {})[fields] = (m, reason)
        self._where[fields] = group
        named, every = self._names.setdefault(group, (Counter(), Counter()))
        every[m.name] += 1
        if is_naming(m):
            named[m.name] += 1
        counts = self._spans.setdefault((m.doc_id, m.start, m.end), {})
        counts[group] = counts.get(group, 0) + 1
        touched.groups.add(group)
        touched.spans.add((m.doc_id, m.start, m.end))

    def _unplace(self, fields: Fields, touched: _Touched) -> None:
        group = self._where.pop(fields, None)
        if group is None:
            return
        m, _ = self._groups[group].pop(fields)
        named, every = self._names[group]
        every[m.name] -= 1
        if is_naming(m):
            named[m.name] -= 1
        span = fields[:3]
        counts = self._spans[span]
        counts[group] -= 1
        if not counts[group]:
            del counts[group]
        touched.groups.add(group)
        touched.spans.add(span)

    def _regroup(self, touched: _Touched) -> KeptChanges:
        families: set[str] = set()
        remade: set[Group] = set()
        before = {self._ids[group] for group in touched.groups if group in self._ids}
        for group in touched.groups:
            members = self._groups.get(group)
            old = self._labels.get(group)
            if old is not None:
                families.add(id_family(group[0], old))
            if not members:
                self._groups.pop(group, None)
                self._names.pop(group, None)
                self._labels.pop(group, None)
                self._entities.pop(group, None)
                self._ids.pop(group, None)
                if old is not None:
                    self._families[id_family(group[0], old)].discard(group)
                continue
            named, every = self._names[group]
            named, every = +named, +every  # the names still given
            self._names[group] = (named, every)
            label = label_of(named or every)
            if label != old:
                if old is not None:
                    self._families[id_family(group[0], old)].discard(group)
                self._labels[group] = label
                family = id_family(group[0], label)
                self._families[family].add(group)
                families.add(family)
            remade.add(group)
        for family in families:
            groups = self._families.get(family, set())
            ids = assign_ids((kind, key, self._labels[(kind, key)]) for kind, key in groups)
            for group, entity_id in ids.items():
                if self._ids.get(group) != entity_id:
                    if group in self._ids:
                        # Every span of the group maps to the new id (a new group's spans are touched).
                        before.add(self._ids[group])
                        touched.spans.update(fields[:3] for fields in self._groups[group])
                    self._ids[group] = entity_id
                    remade.add(group)
            if not groups:
                self._families.pop(family, None)
        for group in remade:
            if group in self._groups:
                members = sorted(self._groups[group].items())
                why = {reason for _, (_, reason) in members if reason}
                self._entities[group] = make_entity(self._ids[group], group[0], [m for _, (m, _) in members], why, self._labels[group])
        mapping: dict[tuple[str, int, int], str | None] = {}
        for span in touched.spans:
            counts = self._spans.get(span)
            if counts:
                # One span read as two things maps to the later (type, key), as in resolve_mentions.
                entity_id = self._ids[max(counts)]
                if self._mapping.get(span) != entity_id:
                    self._mapping[span] = mapping[span] = entity_id
            else:
                self._spans.pop(span, None)
                if self._mapping.pop(span, None) is not None:
                    mapping[span] = None
        made = [self._entities[group] for group in remade if group in self._entities]
        now = {e.entity_id for e in made}
        return KeptChanges(tuple(sorted(made, key=lambda e: e.entity_id)), frozenset(before - now), mapping)


class _Touched:
    """What one update changed, for the steps after it."""

    def __init__(self) -> None:
        self.new_documents: list[str] = []
        self.added: set[Fields] = set()
        self.counted: set[str] = set()
        self.flipped: set[str] = set()
        self.surnames: set[str] = set()
        #: Surname -> the person keys that came or went there; the documents they came or went in.
        self.pairs: dict[str, set[str]] = defaultdict(set)
        self.documents: set[str] = set()
        self.texts: set[str] = set()
        self.groups: set[Group] = set()
        self.spans: set[tuple[str, int, int]] = set()
