"""Tests for kg.blocks: resolution one chunk of documents or one block of keys at a time gives
the entities of kg.resolve.resolve_mentions on everything at once."""
from __future__ import annotations

import pytest

from kg.blocks import block_of, resolve_in_blocks
from kg.model import Extraction
from kg.pipeline import extract_all
from kg.resolve import resolution_inputs as _inputs
from kg.resolve import resolve_mentions
from tests.test_resolve import _Texts

#: Short news texts whose people, acronyms and names join (or must not join) across articles.
ARTICLES = {
    "a": "David Frost interviewed Alan Yentob in London on Sunday. Frost asked Yentob about the BBC licence fee.",
    "b": "Frost said on Monday that Yentob had agreed to a second interview.",
    "c": "The International Monetary Fund (IMF) cut its forecast for Greece. The IMF said growth would slow.",
    "d": "The IMF warned Italy about its debts, and Mrs Howard of the Treasury agreed.",
    "e": "Michael Howard, the Conservative leader, spoke in Dover. Howard attacked Tony Blair on immigration.",
    "f": "Breakfast with Frost returned to television on Sunday with a new presenter.",
}


@pytest.fixture(scope="module")
def extractions(nlp) -> list[Extraction]:
    from kg.model import Document

    return extract_all([Document(doc_id, text, f"{doc_id}.txt") for doc_id, text in ARTICLES.items()], nlp)


@pytest.mark.parametrize(("chunks", "blocks"), [(1, 1), (2, 3), (6, 8)])
def test_blocks_give_the_entities_of_resolving_everything_at_once(extractions, chunks: int, blocks: int) -> None:
    expected = resolve_mentions(*_inputs(extractions))
    parts = [_inputs(extractions[i::chunks]) for i in range(chunks)]
    assert resolve_in_blocks(parts, blocks) == expected


def test_blocks_one_word_name_vouched_for_by_an_article_in_another_chunk() -> None:
    # "Frost" of b joins David Frost of a: both articles name the rarely named Ofcom, and a and
    # b are in different chunks.
    t = _Texts()
    a = [t.person("a", "David Frost"), t.mention("a", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    b = [t.person("b", "Frost"), t.mention("b", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    _, mapping = resolve_in_blocks([(a, {}), (b, {})], blocks=4)
    assert mapping[("b", b[0].start, b[0].end)] == mapping[("a", a[0].start, a[0].end)] == "person/david-frost"


def test_blocks_one_word_name_with_nothing_rare_in_common_stays_its_article_s_own() -> None:
    t = _Texts()
    a = [t.person("a", "David Frost"), t.mention("a", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    f = [t.person("f", "Frost")]
    entities, mapping = resolve_in_blocks([(a, {}), (f, {})], blocks=4)
    assert mapping[("f", f[0].start, f[0].end)] != "person/david-frost"
    assert (entities, mapping) == resolve_mentions(a + f)


def test_blocks_ids_in_one_family_are_those_of_one_process() -> None:
    # Three people labelled "Howard" (one-word names of three articles, none vouched for)
    # share the family person/howard, each id carrying its article, as resolve_mentions gives them.
    t = _Texts()
    mentions = [t.person(doc_id, "Howard") for doc_id in ("x", "y", "z")]
    entities, _ = resolve_in_blocks([([m], {}) for m in mentions], blocks=5)
    assert [e.entity_id for e in entities] == ["person/howard--x", "person/howard--y", "person/howard--z"]
    assert entities == resolve_mentions(mentions)[0]


def test_blocks_block_of_a_key_is_the_same_in_every_process() -> None:
    import subprocess
    import sys

    other = subprocess.run([sys.executable, "-c", "from kg.blocks import block_of; print(block_of('person:tony blair', 97))"], capture_output=True, text=True, check=True)
    assert int(other.stdout) == block_of("person:tony blair", 97)


def test_blocks_family_name_first_joins_its_article_s_full_name_in_another_block() -> None:
    # "Mr Wang" is Wang Yan of the same article, though the surname blocks are "wang" and "yan".
    t = _Texts()
    mentions = [t.person("d", "Wang Yan"), t.person("d", "Mr Wang", "Wang")]
    blocks = next(n for n in range(2, 50) if block_of("wang", n) != block_of("yan", n))
    entities, mapping = resolve_in_blocks([(mentions, {})], blocks=blocks)
    assert len(entities) == 1 and (entities, mapping) == resolve_mentions(mentions)


def test_blocks_an_office_keeps_a_one_word_name_from_another_article_s_other_office_holder() -> None:
    # "President Carter" of one article is not the general secretary Matt Carter of another.
    t = _Texts()
    a = [t.person("a", "President Carter", "Carter")]
    b = [t.person("b", "Matt Carter")]
    offices = {("a", "person:carter"): {"president"}, ("b", "person:matt carter"): {"secretary"}}
    entities, _ = resolve_in_blocks([(a, {k: v for k, v in offices.items() if k[0] == "a"}), (b, {k: v for k, v in offices.items() if k[0] == "b"})], blocks=3)
    assert len(entities) == 2 and entities == resolve_mentions(a + b, offices)[0]


def test_blocks_a_name_elsewhere_joins_the_usual_bearer_counted_over_every_chunk() -> None:
    # Gordon Brown is named in twelve articles, James Brown in one, each in its own chunk.
    t = _Texts()
    named = [[t.person(f"u{i}", "Gordon Brown")] for i in range(12)] + [[t.person("r", "James Brown")]]
    mister = t.person("d", "Mr Brown", "Brown")
    entities, mapping = resolve_in_blocks([(chunk, {}) for chunk in [*named, [mister]]], blocks=3)
    assert (entities, mapping) == resolve_mentions([m for chunk in named for m in chunk] + [mister])
    assert mapping[("d", mister.start, mister.end)] == "person/gordon-brown"
