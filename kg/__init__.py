"""kg: turn news articles into an evidence-backed knowledge graph.

The stages run one way: ingest -> nlp -> extract -> resolve -> (rdf, render, query).
"""
from __future__ import annotations

__version__ = "0.1.0"
