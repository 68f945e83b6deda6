"""An RDF graph -> a SPARQL 1.1 store over HTTP; SPARQL text -> rows from that store.

- :mod:`kg.remote.push`: ``kg push``, the Graph Store HTTP Protocol, one named graph per document.
- :mod:`kg.remote.query`: ``kg query --endpoint``, the SPARQL 1.1 Protocol, output as a local query.
- :mod:`kg.remote.client`: credentials from the environment, retries with backoff, one-line errors.
"""
from __future__ import annotations

from kg.remote.client import PASSWORD_ENV, USER_ENV
from kg.remote.push import ENTITY_GRAPH, PushReport, document_graph, graph_layout, graph_triples, push_graph, turtle_prefixes
from kg.remote.query import remote_query, remote_query_text, run_remote_query, with_values

__all__ = [
    "ENTITY_GRAPH",
    "PASSWORD_ENV",
    "USER_ENV",
    "PushReport",
    "document_graph",
    "graph_layout",
    "graph_triples",
    "push_graph",
    "remote_query",
    "remote_query_text",
    "run_remote_query",
    "turtle_prefixes",
    "with_values",
]
