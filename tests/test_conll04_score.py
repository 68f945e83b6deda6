"""Tests for benchmarks/conll04_score.py: hand-made gold and predictions with known answers."""
from __future__ import annotations

import pytest

from benchmarks.conll04_score import TYPES, Counts, gold_relations, last_word, normalise, score


def rel(id: str, head: str, tail: str, type: str) -> dict[str, str]:
    return {"id": id, "head": head, "tail": tail, "type": type}


GOLD = [
    rel("1", "Dennis DeConcini", "Senate Appropriations subcommittee", "Work_For"),
    rel("1", "Greenville", "S.C.", "Located_In"),
    rel("2", "John Hinckley", "Ronald Reagan", "Kill"),
    rel("2", "Ethiopia", "Addis Ababa", "Located_In"),
]


def test_conll04_score_normalise_drops_case_possessive_punctuation_and_spaces() -> None:
    assert normalise("Ethiopia 's") == normalise("ethiopia") == "ethiopia"
    assert normalise("Ethiopia’s") == "ethiopia"
    assert normalise("Greenville , S.C.") == normalise("Greenville, SC") == "greenvillesc"
    assert normalise("the Quayles '") == "thequayles"
    # An apostrophe inside a name is punctuation, not a possessive: the letters stay.
    assert normalise("O'Neill") == "oneill"
    assert normalise("D-Ariz.") == "dariz"


def test_conll04_score_last_word_skips_possessive_and_punctuation() -> None:
    assert last_word("Sen. Dennis DeConcini 's") == "deconcini"
    assert last_word("Greenville , S.C. .") == "sc"
    assert last_word(" , ") == ""


def test_conll04_score_perfect_predictions() -> None:
    result = score(GOLD, GOLD)
    assert result.micro == Counts(4, 4, 4)
    assert result.micro.f1 == 1.0
    # Kill, Located_In and Work_For are perfect; the two types without gold or predictions score 0.
    assert [result.per_type[t].f1 for t in TYPES] == [1.0, 0.0, 1.0, 0.0, 1.0]
    assert result.macro_f1 == pytest.approx(3 / 5)


def test_conll04_score_empty_predictions() -> None:
    result = score(GOLD, [])
    assert result.micro == Counts(0, 0, 4)
    assert (result.micro.precision, result.micro.recall, result.micro.f1) == (0.0, 0.0, 0.0)


def test_conll04_score_strict_match_ignores_case_possessive_and_spacing() -> None:
    pred = [rel("1", "dennis deconcini's", "Senate Appropriations  subcommittee", "Work_For"), rel("1", "Greenville", "S. C.", "Located_In")]
    result = score(GOLD, pred)
    assert result.per_type["Work_For"] == Counts(1, 1, 1)
    assert result.per_type["Located_In"] == Counts(1, 1, 2)


def test_conll04_score_needs_same_id_and_type_and_direction() -> None:
    pred = [
        rel("2", "Dennis DeConcini", "Senate Appropriations subcommittee", "Work_For"),  # wrong sentence
        rel("1", "Dennis DeConcini", "Senate Appropriations subcommittee", "Live_In"),  # wrong type
        rel("2", "Ronald Reagan", "John Hinckley", "Kill"),  # reversed
    ]
    result = score(GOLD, pred)
    assert result.micro == Counts(0, 3, 4)
    assert result.per_type["Live_In"] == Counts(0, 1, 0)


def test_conll04_score_relaxed_accepts_matching_last_words() -> None:
    pred = [rel("1", "DeConcini", "the Senate Appropriations subcommittee", "Work_For"), rel("2", "Hinckley", "Reagan", "Kill")]
    strict, relaxed = score(GOLD, pred), score(GOLD, pred, relaxed=True)
    assert strict.micro == Counts(0, 2, 4)
    assert relaxed.micro == Counts(2, 2, 4)
    assert relaxed.micro.precision == 1.0 and relaxed.micro.recall == 0.5
    assert relaxed.micro.f1 == pytest.approx(2 / 3)
    # A different last word is no match, even in relaxed mode.
    assert score(GOLD, [rel("2", "John", "Reagan", "Kill")], relaxed=True).micro.tp == 0


def test_conll04_score_relaxed_matches_one_to_one() -> None:
    # Two predictions that both end in "Reagan" can take only one gold relation between them.
    pred = [rel("2", "John Hinckley", "Ronald Reagan", "Kill"), rel("2", "Hinckley", "Nancy Reagan", "Kill")]
    result = score(GOLD, pred, relaxed=True)
    assert result.per_type["Kill"] == Counts(1, 2, 1)


def test_conll04_score_duplicate_predictions_count_once() -> None:
    pred = [rel("2", "John Hinckley", "Ronald Reagan", "Kill")] * 3 + [rel("2", "john hinckley's", "Ronald Reagan", "Kill")]
    result = score(GOLD, pred)
    assert result.per_type["Kill"] == Counts(1, 1, 1)
    assert result.per_type["Kill"].f1 == 1.0


def test_conll04_score_gold_deduplicated_by_normalised_texts() -> None:
    # The same name twice in one sentence, with the relation annotated on both mentions.
    record = {
        "id": "7",
        "entities": [
            {"text": "Washington", "type": "Loc"},
            {"text": "U.S.", "type": "Loc"},
            {"text": "Washington", "type": "Loc"},
            {"text": "Reagan", "type": "Peop"},
        ],
        "relations": [
            {"head": 0, "tail": 1, "type": "Located_In"},
            {"head": 2, "tail": 1, "type": "Located_In"},
            {"head": 3, "tail": 2, "type": "Live_In"},
        ],
    }
    gold = gold_relations([record])
    assert gold == [rel("7", "Washington", "U.S.", "Located_In"), rel("7", "Reagan", "Washington", "Live_In")]
    assert score(gold, [rel("7", "Washington", "US", "Located_In")]).per_type["Located_In"] == Counts(1, 1, 1)


def test_conll04_score_partial_per_type_micro_and_macro_arithmetic() -> None:
    gold = [
        rel("1", "A", "B", "Work_For"),
        rel("1", "C", "B", "Work_For"),
        rel("2", "D", "E", "Live_In"),
        rel("3", "F", "G", "Kill"),
    ]
    pred = [
        rel("1", "A", "B", "Work_For"),  # right
        rel("1", "A", "X", "Work_For"),  # wrong
        rel("2", "D", "E", "Live_In"),  # right
        rel("2", "D", "Q", "Live_In"),  # wrong
        rel("2", "E", "D", "Located_In"),  # wrong, a type with no gold
    ]
    result = score(gold, pred)
    assert result.per_type["Work_For"] == Counts(1, 2, 2)
    assert result.per_type["Live_In"] == Counts(1, 2, 1)
    assert result.per_type["Kill"] == Counts(0, 0, 1)
    assert result.per_type["Located_In"] == Counts(0, 1, 0)
    assert result.per_type["OrgBased_In"] == Counts(0, 0, 0)
    # Work_For P=R=1/2; Live_In P=1/2, R=1, F1=2/3.
    assert result.per_type["Work_For"].f1 == pytest.approx(0.5)
    assert result.per_type["Live_In"].f1 == pytest.approx(2 / 3)
    micro = result.micro
    assert micro == Counts(2, 5, 4)
    assert (micro.precision, micro.recall) == (pytest.approx(0.4), pytest.approx(0.5))
    assert micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert result.macro_f1 == pytest.approx((0.5 + 2 / 3) / 5)
    assert result.macro_precision == pytest.approx((0.5 + 0.5) / 5)
    assert result.macro_recall == pytest.approx((0.5 + 1.0) / 5)


def test_conll04_score_types_limit_the_report() -> None:
    result = score(GOLD, GOLD, types=("Kill",))
    assert list(result.per_type) == ["Kill"]
    assert result.micro == Counts(1, 1, 1)
