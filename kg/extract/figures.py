"""Figures an organisation or country reports: a sentence + its ``Builder`` -> ``reports`` statements
with the value as a literal object and the metric and period as qualifiers.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg.extract.context import Builder

__all__ = ["figure_statements"]


def figure_statements(sent: Span, b: Builder) -> None:
    """"BP's profits rose 15% to £546m": reports(BP, £546m, metric profit)."""
    return None
