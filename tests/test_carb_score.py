"""The CaRB scorer on hand-made gold and predictions with known answers."""
from __future__ import annotations

import doctest

import pytest

from benchmarks import carb_score
from benchmarks.carb_score import Extraction, area_under_curve, match, parse_gold, parse_predictions, score, sentence_key

S1 = "Steve Jobs founded Apple in 1976 ."
S2 = "Apple is based in Cupertino ."


def _gold(*lines: str) -> dict:
    return parse_gold(lines)


def _pred(*lines: str) -> dict:
    return parse_predictions(lines)


def test_carb_score_doctests() -> None:
    assert doctest.testmod(carb_score).failed == 0


def test_carb_score_perfect_match_is_one() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple\tin 1976", f"{S2}\tis based in\tApple\tCupertino")
    pred = _pred(f"{S1}\t0.9\tfounded\tSteve Jobs\tApple\tin 1976", f"{S2}\t0.8\tis based in\tApple\tCupertino")
    result = score(gold, pred)
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.auc == 1.0


def test_carb_score_no_predictions_is_zero() -> None:
    result = score(_gold(f"{S1}\tfounded\tSteve Jobs\tApple"), {})
    assert (result.precision, result.recall, result.f1, result.auc) == (0.0, 0.0, 0.0, 0.0)
    assert result.curve == ()


def test_carb_score_partial_match_counts_words() -> None:
    # Gold words: founded | Jobs | Apple in 1976 (5); predicted: founded | Steve Jobs | Apple (4),
    # of which 3 match.
    gold = Extraction("founded", ("Jobs", "Apple", "in 1976"))
    precision, recall = match(gold, Extraction("founded", ("Steve Jobs", "Apple")))
    assert precision == pytest.approx(3 / 4)
    assert recall == pytest.approx(3 / 5)


def test_carb_score_relation_must_share_a_word() -> None:
    assert match(Extraction("founded", ("Jobs", "Apple")), Extraction("created", ("Jobs", "Apple"))) == (0.0, 0.0)


def test_carb_score_missing_second_argument_scores_zero() -> None:
    assert match(Extraction("founded", ("Jobs", "Apple")), Extraction("founded", ("Jobs",))) == (0.0, 0.0)


def test_carb_score_is_case_sensitive_and_keeps_punctuation_words() -> None:
    # As the official matcher: "the" and "The" differ, "," is a word.
    precision, recall = match(Extraction("is", ("The city", "big")), Extraction("is", ("the city ,", "big")))
    assert precision == pytest.approx(3 / 5)
    assert recall == pytest.approx(3 / 4)


def test_carb_score_be_matches_any_form_of_be() -> None:
    assert match(Extraction("was", ("Rome", "a city")), Extraction("be", ("Rome", "a city"))) == (1.0, 1.0)


def test_carb_score_said_relation_tries_swapped_arguments() -> None:
    gold = Extraction("said", ("the minister", "talks will resume"))
    assert match(gold, Extraction("said", ("talks will resume", "the minister"))) == (1.0, 1.0)
    # Without a said-type relation the order is kept.
    assert match(Extraction("wrote", ("the minister", "a letter")), Extraction("wrote", ("a letter", "the minister"))) == (pytest.approx(1 / 5), pytest.approx(1 / 5))


def test_carb_score_duplicates_do_not_raise_precision() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple")
    pred = _pred(*[f"{S1}\t0.5\tfounded\tSteve Jobs\tApple"] * 3)
    result = score(gold, pred)
    assert result.recall == 1.0
    assert result.precision == pytest.approx(1 / 3)


def test_carb_score_one_to_one_pairs_best_precision_first() -> None:
    # Two gold tuples, two predictions: each prediction is paired with a different gold tuple.
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple", f"{S1}\tfounded in\tSteve Jobs\t1976")
    pred = _pred(f"{S1}\t0.5\tfounded\tSteve Jobs\tApple", f"{S1}\t0.5\tfounded in\tSteve Jobs\t1976")
    result = score(gold, pred)
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_carb_score_context_arguments_are_ignored() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple\tC: reporters said")
    assert gold[sentence_key(S1)] == [Extraction("founded", ("Steve Jobs", "Apple"))]
    assert score(gold, _pred(f"{S1}\t1\tfounded\tSteve Jobs\tApple")).f1 == 1.0


def test_carb_score_time_and_place_prefixes_are_dropped() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple\tT: in 1976\tL: in California ")
    assert gold[sentence_key(S1)] == [Extraction("founded", ("Steve Jobs", "Apple", "in 1976", "in California"))]


def test_carb_score_sentences_match_without_spaces_and_punctuation() -> None:
    gold = _gold(f"{S1} \tfounded\tSteve Jobs\tApple")
    pred = _pred("Steve Jobs founded Apple in 1976.\t1\tfounded\tSteve Jobs\tApple")
    assert sentence_key("`` Steve Jobs '' founded -LRB- Apple -RRB- .") == "SteveJobsfoundedApple"
    assert score(gold, pred).f1 == 1.0


def test_carb_score_predictions_for_unknown_sentences_are_ignored() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple")
    pred = _pred(f"{S1}\t1\tfounded\tSteve Jobs\tApple", "Another sentence .\t1\tis\tit\tanother")
    assert score(gold, pred).precision == 1.0


def test_carb_score_best_threshold_and_auc() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple", f"{S2}\tis based in\tApple\tCupertino")
    pred = _pred(f"{S1}\t0.9\tfounded\tSteve Jobs\tApple", f"{S2}\t0.1\tmoved\tApple\tCupertino")
    result = score(gold, pred)
    # Threshold 0.1: P = (1 + 0) / 2, R = (1 + 0) / 2, F1 0.5; threshold 0.9: P = 1, R = 0.5, F1 2/3.
    assert result.curve == ((0.1, 0.5, 0.5), (0.9, 1.0, 0.5))
    assert result.threshold == 0.9
    assert (result.precision, result.recall) == (1.0, 0.5)
    assert result.f1 == pytest.approx(2 / 3)
    # Points (R, P): (0.5, 0.5), (0.5, 1.0), then (0, 1): the area is the last trapezoid, 0.5 * 1.
    assert result.auc == pytest.approx(0.5)


def test_carb_score_recall_counts_gold_of_sentences_without_predictions_above_threshold() -> None:
    gold = _gold(f"{S1}\tfounded\tSteve Jobs\tApple", f"{S2}\tis based in\tApple\tCupertino")
    pred = _pred(f"{S1}\t0.9\tfounded\tSteve Jobs\tApple", f"{S2}\t0.2\tis based in\tApple\tCupertino")
    result = score(gold, pred)
    assert result.curve == ((0.2, 1.0, 1.0), (0.9, 1.0, 0.5))
    assert result.threshold == 0.2 and result.f1 == 1.0


def test_carb_score_area_under_curve_trapezoids() -> None:
    assert area_under_curve([1.0, 0.5, 0.0], [0.5, 0.5, 1.0]) == pytest.approx(0.25 + 0.375)
    assert area_under_curve([0.0, 1.0], [1.0, 0.0]) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        area_under_curve([0.0, 1.0, 0.5], [1.0, 1.0, 1.0])


def test_carb_score_rejects_malformed_prediction_lines() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_predictions(["sentence only"])
    with pytest.raises(ValueError, match="'high'"):
        parse_predictions(["s\thigh\trel\targ"])


def test_carb_score_benchmark_smoke_run(nlp) -> None:
    """benchmarks/carb.py on the first 20 dev sentences: predictions score and round-trip."""
    from benchmarks.carb import DEFAULT_GOLD, DEFAULT_INPUT, SYSTEM, predict, read_gold, read_sentences

    if not DEFAULT_INPUT.exists() or not DEFAULT_GOLD.exists():
        pytest.skip("CaRB dev data not found next to the project")
    sentences = read_sentences(DEFAULT_INPUT, 20)
    predicted, lines = predict(nlp, sentences)
    # The TSV keeps each sentence exactly as given and parses back to the same tuples.
    assert {line.split("\t")[0] for line in lines[SYSTEM]} <= set(sentences)
    assert parse_predictions(lines[SYSTEM]) == predicted[SYSTEM]
    keys = {sentence_key(s) for s in sentences}
    gold = {k: v for k, v in read_gold(DEFAULT_GOLD).items() if k in keys}
    ours = score(gold, predicted[SYSTEM])
    baselines = [score(gold, predicted[name]).f1 for name in predicted if name != SYSTEM]
    assert ours.f1 > max(baselines) and 0.4 < ours.f1 <= 1.0


def test_carb_score_command_line_prints_the_figures(tmp_path, capsys) -> None:
    gold = tmp_path / "gold.tsv"
    predictions = tmp_path / "pred.tsv"
    gold.write_text(f"{S1}\tfounded\tSteve Jobs\tApple\n{S2}\tis based in\tApple\tCupertino\n", encoding="utf-8")
    predictions.write_text(f"{S1}\t0.9\tfounded\tSteve Jobs\tApple\n", encoding="utf-8")
    assert carb_score.main([str(gold), str(predictions)]) == 0
    assert capsys.readouterr().out.startswith("precision 1.000  recall 0.500  F1 0.667  AUC 0.500")
