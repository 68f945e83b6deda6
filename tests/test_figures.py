"""Figures an organisation or country reports (kg.extract.figures), on our own sentences."""
from __future__ import annotations

import pytest

from kg.extract import extract_documents
from kg.model import Document
from kg.nlp import parse_documents

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def figures(nlp):
    """``figures(text)``: {(subject name, value, metric, period)} of the reports statements."""
    def read(text: str) -> set[tuple]:
        document = Document("f", text, "test", segments=((0, len(text)),))
        (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
        return {(s.subject.name, s.object.quantity.value, s.qualifiers.metric, s.qualifiers.period)
                for s in extraction.statements if s.predicate == "reports"}

    return read


def test_figures_profit_rose_to_a_level_and_by_a_percentage(figures) -> None:
    found = figures("BP's profits rose 15% to £546m in the three months to December.")
    assert ("BP", 546_000_000, "profit", "three months to December") in found
    assert ("BP", 15, "profit change", "three months to December") in found


def test_figures_posting_a_figure_names_its_owner(figures) -> None:
    found = figures("Vodafone Group reported pre-tax profits of £4.6bn for 2004.")
    assert any(s == "Vodafone Group" and v == 4_600_000_000 and m == "pre-tax profit" for s, v, m, _ in found)


def test_figures_a_fall_in_a_metric_is_a_change(figures) -> None:
    found = figures("Unilever suffered a 3% fall in profits last year.")
    assert any(s == "Unilever" and v == 3 and m == "profit change" for s, v, m, _ in found)


def test_figures_counts_with_their_unit(nlp) -> None:
    text = "General Motors, which employs more than 6,000 people, made cars in Detroit."
    document = Document("f", text, "test", segments=((0, len(text)),))
    (extraction,) = extract_documents(parse_documents(nlp, [document]), classifier=None)
    (count,) = [s for s in extraction.statements if s.predicate == "reports"]
    assert (count.subject.name, count.object.quantity.value, count.object.quantity.unit) == ("General Motors", 6000, "people")


def test_figures_share_price_moves_are_not_reported_figures(figures) -> None:
    assert figures("Shares in Barclays fell 3% to 590 pence on Tuesday.") == set()


def test_figures_a_sentence_naming_no_one_states_nothing(figures) -> None:
    assert figures("Sales climbed to 36bn kroner last year.") == set()
