"""Tests for kg.records: the JSON Lines contract of ``kg extract`` and its JSON Schema."""
from __future__ import annotations

import copy
import dataclasses
import io
import json
import re

import pytest
from jsonschema import Draft202012Validator

from kg.records import graph_records, record_keys, record_lines, record_schema, write_jsonl


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = record_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def sample_records(sample_graph) -> list[dict]:
    return list(graph_records(sample_graph))


ENTITY = {
    "kind": "entity",
    "id": "person/marco-rubio",
    "label": "Marco Rubio",
    "type": "Person",
    "aliases": ["Rubio"],
    "mentions": [{"doc": "d1", "start": 0, "end": 11, "text": "Marco Rubio"}],
}

STATEMENT = {
    "kind": "statement",
    "id": "0123456789abcdef",
    "subject": {"id": "person/marco-rubio", "label": "Marco Rubio", "text": "Marco Rubio", "start": 0, "end": 11},
    "predicate": "visits",
    "relation": "visited",
    "object": {"id": "country/india", "label": "India", "text": "India", "start": 20, "end": 25},
    "qualifiers": {"date": "2026-02", "location": "Delhi", "location_id": "place/delhi"},
    "polarity": "negative",
    "modality": "asserted",
    "confidence": 0.85,
    "evidence": {"doc": "d1", "sentence": "Marco Rubio has not visited India.", "start": 0, "end": 34},
    "extractor": "kg.rules.visits.v1",
}


def _without(record: dict, key: str) -> dict:
    broken = copy.deepcopy(record)
    del broken[key]
    return broken


def _with(record: dict, path: str, value: object) -> dict:
    broken = copy.deepcopy(record)
    *parents, last = path.split(".")
    target = broken
    for part in parents:
        target = target[part]
    target[last] = value
    return broken


def test_records_schema_is_valid_draft_2020_12():
    schema = record_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_records_sample_graph_validates(validator, sample_records):
    assert sample_records
    errors = [(i, e.message) for i, record in enumerate(sample_records) for e in validator.iter_errors(record)]
    assert errors == []


def test_records_jsonl_lines_validate(validator, sample_graph):
    stream = io.StringIO()
    count = write_jsonl(sample_graph, stream)
    lines = stream.getvalue().splitlines()
    assert count == len(lines) == len(sample_graph.entities) + len(sample_graph.statements)
    assert all(validator.is_valid(json.loads(line)) for line in lines)


def test_records_entities_before_statements(sample_records):
    kinds = [r["kind"] for r in sample_records]
    assert kinds == sorted(kinds)  # "entity" < "statement"
    assert {"entity", "statement"} == set(kinds)


def test_records_entity_ids_sorted(sample_records):
    ids = [r["id"] for r in sample_records if r["kind"] == "entity"]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))


def test_records_statement_ids_are_unique_hex(sample_records):
    ids = [r["id"] for r in sample_records if r["kind"] == "statement"]
    assert ids
    assert all(re.fullmatch(r"[0-9a-f]{16}", i) for i in ids)
    assert len(ids) == len(set(ids))


def test_records_statement_ends_are_entities(sample_records):
    entity_ids = {r["id"] for r in sample_records if r["kind"] == "entity"}
    ends = [r["subject"]["id"] for r in sample_records if r["kind"] == "statement"]
    ends += [r["object"]["id"] for r in sample_records if r["kind"] == "statement" and "id" in r["object"]]
    assert set(ends) <= entity_ids


def test_records_hand_built_records_validate(validator):
    quantity_statement = _with(STATEMENT, "object", {"value": 18, "text": "18%", "unit": "percent"})
    for record in (ENTITY, STATEMENT, quantity_statement):
        assert list(validator.iter_errors(record)) == []


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(_with(STATEMENT, "confidence", 1.5), id="confidence-above-1"),
        pytest.param(_with(STATEMENT, "confidence", -0.1), id="confidence-below-0"),
        pytest.param(_with(STATEMENT, "modality", "rumoured"), id="unknown-modality"),
        pytest.param(_with(STATEMENT, "polarity", "neutral"), id="unknown-polarity"),
        pytest.param(_without(STATEMENT, "evidence"), id="missing-evidence"),
        pytest.param(_with(STATEMENT, "evidence", {"doc": "d1", "start": 0, "end": 34}), id="evidence-without-sentence"),
        pytest.param(_with(STATEMENT, "id", "0123456789ABCDEF"), id="upper-case-id"),
        pytest.param(_with(STATEMENT, "id", "0123abcd"), id="short-id"),
        pytest.param(_with(STATEMENT, "qualifiers.date", "Feb 2026"), id="non-iso-date"),
        pytest.param(_with(STATEMENT, "qualifiers.mood", "upbeat"), id="unknown-qualifier"),
        pytest.param(_with(STATEMENT, "extractor", "rules"), id="extractor-outside-kg"),
        pytest.param(_with(STATEMENT, "subject.start", -1), id="negative-offset"),
        pytest.param(_with(STATEMENT, "object", {"value": 18, "text": "18%", "currency": "usd"}), id="lower-case-currency"),
    ],
)
def test_records_broken_statement_fails(validator, broken):
    assert not validator.is_valid(broken)


@pytest.mark.parametrize(
    "broken",
    [
        pytest.param(_with(ENTITY, "type", "Animal"), id="unknown-type"),
        pytest.param(_with(ENTITY, "mentions", []), id="no-mentions"),
        pytest.param(_with(ENTITY, "id", "Person/Marco Rubio"), id="id-not-a-slug"),
        pytest.param(_with(ENTITY, "aliases", ["Rubio", "Rubio"]), id="repeated-alias"),
        pytest.param(_with(ENTITY, "kind", "thing"), id="unknown-kind"),
        pytest.param(_without(ENTITY, "label"), id="missing-label"),
    ],
)
def test_records_broken_entity_fails(validator, broken):
    assert not validator.is_valid(broken)


def _lines_and_keys(graph) -> tuple[list[str], list[str]]:
    from kg.rdf import rdf_parts, record_parts

    return list(record_lines(graph)), record_keys(graph, *record_parts(rdf_parts(graph)))


def _relabelled(graph, entity_id: str, label: str):
    entities = tuple(dataclasses.replace(e, label=label) if e.entity_id == entity_id else e for e in graph.entities)
    return dataclasses.replace(graph, entities=entities)


def test_records_lines_are_what_write_jsonl_writes(small) -> None:
    stream = io.StringIO()
    count = write_jsonl(small, stream)
    assert stream.getvalue() == "".join(record_lines(small))
    assert count == len(small.entities) + len(small.statements)


def test_records_a_line_whose_key_an_earlier_build_has_is_copied(small) -> None:
    lines, keys = _lines_and_keys(small)
    earlier = {keys[0]: "as the last build wrote it\n"}
    copied = list(record_lines(small, keys, earlier))
    assert copied[0] == "as the last build wrote it\n"
    assert copied[1:] == lines[1:]


def test_records_the_label_of_a_statements_place_changes_its_key(small) -> None:
    renamed = _relabelled(small, "place/delhi", "New Delhi")
    lines, keys = _lines_and_keys(small)
    new_lines, new_keys = _lines_and_keys(renamed)
    located = next(i for i, s in enumerate(small.statements) if s.qualifiers.location is not None) + len(small.entities)
    assert '"location_label": "New Delhi"' in new_lines[located]
    assert keys[located] != new_keys[located]


def test_records_an_entitys_mentions_change_its_key(small) -> None:
    india = next(e for e in small.entities if e.entity_id == "country/india")
    fewer = dataclasses.replace(small, entities=tuple(dataclasses.replace(e, mentions=e.mentions[:1]) if e is india else e for e in small.entities))
    (lines, keys), (new_lines, new_keys) = _lines_and_keys(small), _lines_and_keys(fewer)
    at = small.entities.index(india)
    assert lines[at] != new_lines[at] and keys[at] != new_keys[at]


def test_records_lines_with_equal_keys_are_equal(small) -> None:
    lines, keys = _lines_and_keys(small)
    for changed in (_relabelled(small, "place/delhi", "New Delhi"), _relabelled(small, "person/marco-rubio", "Rubio")):
        new_lines, new_keys = _lines_and_keys(changed)
        assert any(a != b for a, b in zip(keys, new_keys))
        assert all(a == b for a, b, same in zip(lines, new_lines, (k == n for k, n in zip(keys, new_keys))) if same)
