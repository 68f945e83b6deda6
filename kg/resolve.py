"""Entity resolution: the mentions of all documents -> Entities, one per real-world thing.

Countries group on their ISO code and everything else on its normalised name; person names
also merge across forms: "Jaishankar" and "S. Jaishankar" join "Subrahmanyam Jaishankar"
when that reading is unambiguous (first within the document, then across the corpus).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from kg.model import Entity, Mention

__all__ = ["resolve_mentions", "slugify"]


def slugify(text: str) -> str:
    """A lower-case ASCII slug for IRIs and ids.

    Examples:
        >>> slugify("S. Jaishankar")
        's-jaishankar'
        >>> slugify("Côte d’Ivoire")
        'cote-d-ivoire'
    """
    # Apostrophes separate words ("d’Ivoire"); fold accents only after that.
    text = re.sub(r"[’'`ʼ]", " ", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _person_parts(key: str) -> list[str]:
    return key.split(":", 1)[1].replace("-", " ").split()


def _size(key: str) -> tuple[int, int]:
    parts = _person_parts(key)
    return len(parts), sum(map(len, parts))


def _compatible(short: list[str], full: list[str]) -> bool:
    """True when a shorter person name can be the same person as a fuller one.

    "jaishankar" fits "s jaishankar"; "s jaishankar" fits "subrahmanyam jaishankar";
    "marco rubio" does not fit "mario rubio".
    """
    if len(short) > len(full) or short[-1] != full[-1]:
        return False
    if len(short) == 1:
        return True
    for a, b in zip(short[:-1], full[: len(short) - 1], strict=False):
        if a != b and not (len(a) == 1 and b.startswith(a)) and not (len(b) == 1 and a.startswith(b)):
            return False
    return True


def _person_groups(mentions: list[Mention]) -> dict[tuple[str, str], str]:
    """Map (doc_id, person key) to the key of the fullest name it can be, when that is unambiguous.

    Chains of keys ("jaishankar" -> "s jaishankar" -> "subrahmanyam jaishankar") end at the
    fullest; the document's own names are tried before the whole corpus.
    """
    keys_by_doc: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        keys_by_doc[m.doc_id].add(m.key)
    all_keys = {m.key for m in mentions}

    def best(key: str, pool: set[str]) -> str | None:
        parts = _person_parts(key)
        fuller = [k for k in pool if k != key and _compatible(parts, _person_parts(k)) and _size(k) > _size(key)]
        # Keep only the maximal candidates: "S. Jaishankar" and "Subrahmanyam Jaishankar" are one chain.
        maximal = [k for k in fuller if not any(o != k and _compatible(_person_parts(k), _person_parts(o)) and _size(o) > _size(k) for o in fuller)]
        return maximal[0] if len(maximal) == 1 else None

    target: dict[tuple[str, str], str] = {}
    for doc_id in sorted(keys_by_doc):
        pool = keys_by_doc[doc_id]
        for key in sorted(pool):
            local = best(key, pool)
            target[(doc_id, key)] = local or best(key, all_keys) or key
    return target


def resolve_mentions(mentions: Iterable[Mention]) -> tuple[tuple[Entity, ...], dict[tuple[str, int, int], str]]:
    """Group mentions into entities and give each a stable id.

    Args:
        mentions: every mention of every document (order does not matter).

    Returns:
        The entities sorted by id, and a map from (doc_id, start, end) of each mention to its entity id.
    """
    mentions = sorted(set(mentions), key=lambda m: (m.doc_id, m.start, m.end, m.key))
    persons = [m for m in mentions if m.type == "Person"]
    person_target = _person_groups(persons)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        key = person_target.get((m.doc_id, m.key), m.key) if m.type == "Person" else m.key
        groups[(m.type, key)].append(m)
    entities: list[Entity] = []
    mapping: dict[tuple[str, int, int], str] = {}
    used_ids: set[str] = set()
    for (kind, _key), members in sorted(groups.items()):
        label = _label(members)
        entity_id = f"{kind.lower()}/{slugify(label)}"
        suffix = 2
        while entity_id in used_ids:
            entity_id = f"{kind.lower()}/{slugify(label)}-{suffix}"
            suffix += 1
        used_ids.add(entity_id)
        aliases = sorted({m.text.strip() for m in members} | {m.name for m in members} - {label})
        aliases = [a for a in aliases if a != label and a.lower() not in {"he", "she", "him", "her", "his", "hers"}]
        entities.append(Entity(entity_id, kind, label, tuple(aliases), tuple(members)))
        for m in members:
            mapping[(m.doc_id, m.start, m.end)] = entity_id
    return tuple(sorted(entities, key=lambda e: e.entity_id)), mapping


def _label(members: list[Mention]) -> str:
    """The preferred name: the longest name form (most words), then the most frequent, then alphabetical."""
    names = Counter(m.name for m in members if m.text.lower() not in {"he", "she", "him", "her", "his", "hers"})
    if not names:
        names = Counter(m.name for m in members)
    return sorted(names, key=lambda n: (-len(n.split()), -len(n), -names[n], n))[0]
