"""kg.changes: an update says which entities it added and dropped, and which names of earlier
articles it made another entity's (a later article changing an earlier decision)."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.changes import format_changes
from kg.cli import cli
from kg.pipeline import build

#: "Mr Frost" of the first day is nobody in particular, then David Frost (the one fuller Frost
#: of the corpus), then nobody in particular again (a second fuller Frost).
FROST_DAYS = (
    ("frost-1", "Mr Frost told reporters in London on Sunday that the programme would return in May."),
    ("frost-2", "David Frost interviewed Tony Blair in London on Monday."),
    ("frost-3", "Forecaster Jack Frost said snow would fall in Leeds on Tuesday."),
)


def _day(folder: Path, doc_id: str, text: str) -> Path:
    path = folder / f"{doc_id}.jsonl"
    path.write_text(json.dumps({"id": doc_id, "title": "News", "text": text}) + "\n", encoding="utf-8")
    return path


def _grow(nlp, folder: Path, days=FROST_DAYS):
    out = folder / "out"
    results = []
    for i, (doc_id, text) in enumerate(days):
        results.append(build([_day(folder, doc_id, text)], out, nlp=nlp, into=i > 0))
    return results


def test_changes_a_build_from_scratch_has_none(nlp, tmp_path) -> None:
    first, *_ = _grow(nlp, tmp_path, FROST_DAYS[:1])
    assert first.changes is None


def test_changes_an_update_names_the_earlier_name_a_new_article_joins(nlp, tmp_path) -> None:
    _, second, _ = _grow(nlp, tmp_path)
    changes = second.changes
    assert changes.documents == ("frost-2",)
    assert "person/david-frost" in changes.added
    assert [(r.doc_id, r.name, r.was, r.now) for r in changes.reassigned] == [("frost-1", "Mr Frost", "person/frost--frost-1", "person/david-frost")]
    assert "frost-1" in changes.reassigned[0].why
    assert changes.gone == (("person/frost--frost-1", "Frost"),)


def test_changes_an_update_names_the_join_a_new_article_undoes(nlp, tmp_path) -> None:
    *_, third = _grow(nlp, tmp_path)
    changes = third.changes
    assert [(r.doc_id, r.name, r.was, r.now) for r in changes.reassigned] == [("frost-1", "Mr Frost", "person/david-frost", "person/frost--frost-1")]
    assert changes.reassigned[0].why is None
    assert changes.gone == ()


def test_changes_an_update_that_decides_nothing_again_reports_only_what_it_adds(nlp, tmp_path) -> None:
    days = (("a", "Marco Rubio met Scott Bessent in Washington on Monday."), ("b", "Angela Merkel visited Paris on Tuesday."))
    _, second = _grow(nlp, tmp_path, days)
    changes = second.changes
    assert changes.reassigned == () and changes.gone == ()
    assert {"person/angela-merkel", "place/paris"} <= set(changes.added)
    assert not {"person/marco-rubio", "person/scott-bessent"} & set(changes.added)


def test_changes_kg_build_into_prints_them(nlp, tmp_path) -> None:
    _grow(nlp, tmp_path, FROST_DAYS[:2])
    result = CliRunner().invoke(cli, ["build", str(_day(tmp_path, *FROST_DAYS[2])), "--into", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "update: 1 new document, " in result.output
    assert "frost-1: 'Mr Frost' was David Frost (person/david-frost), now Frost (person/frost--frost-1)" in result.output


def test_changes_format_caps_long_lists() -> None:
    from kg.changes import GraphChanges, Reassigned

    many = tuple(Reassigned(f"d{i:02}", "Frost", "person/a", "A", "person/b", "B") for i in range(25))
    text = format_changes(GraphChanges(("n",), (), (), many), most=20)
    assert text.count(" was A (person/a)") == 20
    assert "... and 5 more" in text
