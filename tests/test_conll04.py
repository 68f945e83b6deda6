"""Smoke run of benchmarks/conll04.py on the first 20 dev sentences, so the benchmark code cannot rot."""
from __future__ import annotations

import json

import pytest

from benchmarks import conll04
from benchmarks.conll04_score import TYPES

DEV = conll04.DATA_DIR / "dev.jsonl"
needs_data = pytest.mark.skipif(not DEV.exists(), reason=f"CoNLL04 data not found at {DEV} (set KG_CONLL04_DIR)")


@needs_data
def test_conll04_smoke_run_writes_and_scores_predictions(nlp, tmp_path) -> None:
    records = conll04.load_records(DEV, limit=20)
    out = tmp_path / "pred.jsonl"
    figures = conll04.run(records, records, nlp, out=str(out))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == figures["predictions"]
    ids = {str(r["id"]) for r in records}
    for line in lines:
        assert set(line) == {"id", "head", "tail", "type"}
        assert line["id"] in ids and line["type"] in TYPES
    for mode in ("strict", "relaxed"):
        assert set(figures["kg"][mode].per_type) == set(TYPES)
        assert figures["kg"][mode].micro.gold == figures["gold"] > 0
    # The baseline proposes every type-compatible pair, so it finds something on 20 sentences.
    assert figures["baseline"]["relaxed"].micro.tp > 0


def test_conll04_to_conll_maps_predicates_by_type_signature() -> None:
    from kg.model import Argument, Evidence, Mention, Qualifiers, Statement

    def mention(text: str, kind: str) -> Mention:
        return Mention("9", 0, len(text), text, kind, text, f"{kind.lower()}:{text.lower()}")

    evidence = Evidence("9", "...", 0, 3)
    person, org, city = mention("Sen. Ann Lee", "Person"), mention("Acme Corp.", "Organization"), mention("Boise", "Place")

    def stmt(s, p, o, **kw) -> Statement:
        return Statement(s, p, Argument(mention=o), p, evidence, "test", **kw)

    assert conll04.to_conll(stmt(person, "worksFor", org)) == {"id": "9", "head": "Ann Lee", "tail": "Acme Corp.", "type": "Work_For"}
    assert conll04.to_conll(stmt(org, "basedIn", city))["type"] == "OrgBased_In"
    assert conll04.to_conll(stmt(org, "locatedIn", city))["type"] == "OrgBased_In"
    assert conll04.to_conll(stmt(person, "livesIn", city))["type"] == "Live_In"
    assert conll04.to_conll(stmt(person, "worksFor", city)) is None
    assert conll04.to_conll(stmt(person, "livesIn", city, polarity="negative")) is None
    title = mention("chairman", "Position")
    held = stmt(person, "holdsPosition", title, qualifiers=Qualifiers(affiliation=org))
    assert conll04.to_conll(held) == {"id": "9", "head": "Ann Lee", "tail": "Acme Corp.", "type": "Work_For"}
