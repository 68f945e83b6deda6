"""Tests for kg.analytics: RDF -> networkx (entities, one edge per statement) and the measures over it."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from networkx.algorithms.link_analysis import pagerank_alg
from rdflib import Graph, Literal, URIRef

import kg.analytics
from kg.analytics import (
    grown_communities,
    betweenness,
    communities,
    components,
    counts_by_predicate,
    counts_by_type,
    degree,
    format_stats,
    graph_stats,
    pagerank,
    to_networkx,
)
from kg.model import KnowledgeGraph
from kg.rdf import document_iri, entity_iri, statement_iri, to_jsonld, to_rdf, to_turtle
from kg.records import statement_id
from kg.vocab import KG, PROV, RDF
from tests.graphs import TEXT, sentence_span


@pytest.fixture(scope="module")
def small_nx(small_rdf) -> nx.MultiDiGraph:
    return to_networkx(small_rdf)


def _iri(entity_id: str) -> str:
    return str(entity_iri(entity_id))


def _stmt(small: KnowledgeGraph, index: int) -> str:
    return str(statement_iri(statement_id(small.statements[index], small)))


RUBIO_IRI, JAISHANKAR_IRI, INDIA_IRI = _iri("person/marco-rubio"), _iri("person/jaishankar"), _iri("country/india")


# --- to_networkx ---------------------------------------------------------------------------

def test_analytics_nodes_are_the_typed_entities(small, small_nx):
    assert list(small_nx) == sorted(_iri(e.entity_id) for e in small.entities)
    assert small_nx.nodes[RUBIO_IRI] == {"label": "Marco Rubio", "type": "Person", "aliases": ("Mr. Rubio", "Rubio"), "titles": ()}
    assert small_nx.nodes[_iri("organization/quad")]["type"] == "Organization"
    assert str(document_iri("d1")) not in small_nx


def test_analytics_edge_per_statement_keyed_by_statement_iri(small, small_rdf, small_nx):
    edges = list(small_nx.edges(keys=True))
    assert [key for *_, key in edges] == sorted(key for *_, key in edges)
    assert (RUBIO_IRI, JAISHANKAR_IRI, _stmt(small, 1)) in edges
    assert (RUBIO_IRI, JAISHANKAR_IRI, _stmt(small, 2)) in edges
    for *_, key in edges:
        assert (URIRef(key), RDF.type, KG.Statement) in small_rdf


def test_analytics_edge_carries_statement_attributes(small, small_nx):
    start, end = sentence_span(2)
    attributes = small_nx.edges[RUBIO_IRI, JAISHANKAR_IRI, _stmt(small, 2)]
    assert attributes == {
        "predicate": "meets",
        "relation": "met",
        "polarity": "positive",
        "modality": "asserted",
        "confidence": 0.5,
        "date": "2026-02-04",
        "location": "Delhi",
        "rate": 18.0,
        "amount": None,
        "currency": None,
        "sentence": "Rubio met Jaishankar in Delhi.",
        "doc": "d1",
        "start": start,
        "end": end,
    }
    hoped = small_nx.edges[RUBIO_IRI, JAISHANKAR_IRI, _stmt(small, 1)]
    assert (hoped["modality"], hoped["confidence"], hoped["date"], hoped["location"]) == ("hoped", 0.7, None, None)


def test_analytics_edge_keeps_amount_and_currency(small, small_nx):
    attributes = small_nx.edges[INDIA_IRI, _iri("organization/quad"), _stmt(small, 4)]
    assert (attributes["predicate"], attributes["amount"], attributes["currency"]) == ("supports", 5e9, "USD")


def test_analytics_literal_object_gives_no_edge(small, small_rdf, small_nx):
    assert len(set(small_rdf.subjects(RDF.type, KG.Statement))) == 5
    assert small_nx.number_of_edges() == 4
    assert _stmt(small, 3) not in {key for *_, key in small_nx.edges(keys=True)}
    assert [d["predicate"] for *_, d in small_nx.out_edges(INDIA_IRI, data=True)] == ["supports"]


def test_analytics_statement_to_an_untyped_node_gives_no_edge(small, small_rdf):
    rdf = Graph()
    for triple in small_rdf:
        rdf.add(triple)
    stray = statement_iri("00000000000000ff")
    rdf.add((stray, RDF.type, KG.Statement))
    rdf.add((stray, KG.subject, entity_iri("person/marco-rubio")))
    rdf.add((stray, KG.predicate, KG.visits))
    rdf.add((stray, KG.object, document_iri("d1")))
    g = to_networkx(rdf)
    assert g.number_of_edges() == 4
    assert str(document_iri("d1")) not in g


def test_analytics_without_hedged_keeps_only_positive_asserted(small, small_nx, small_rdf):
    facts = to_networkx(small_rdf, include_hedged=False)
    assert list(facts) == list(small_nx)
    assert sorted(key for *_, key in facts.edges(keys=True)) == sorted([_stmt(small, 2), _stmt(small, 4)])
    assert all((d["polarity"], d["modality"]) == ("positive", "asserted") for *_, d in facts.edges(data=True))
    assert not facts.has_edge(RUBIO_IRI, INDIA_IRI)
    assert small_nx.edges[RUBIO_IRI, INDIA_IRI, _stmt(small, 0)]["polarity"] == "negative"


def _dump(g: nx.MultiDiGraph) -> list:
    return [list(g.nodes(data=True)), list(g.edges(keys=True, data=True))]


def test_analytics_same_graph_after_turtle_and_jsonld_round_trips(small_rdf, small_nx):
    assert _dump(to_networkx(small_rdf)) == _dump(small_nx)
    from_turtle = Graph().parse(data=to_turtle(small_rdf), format="turtle")
    from_jsonld = Graph().parse(data=to_jsonld(small_rdf), format="json-ld")
    assert _dump(to_networkx(from_turtle)) == _dump(small_nx)
    assert _dump(to_networkx(from_jsonld)) == _dump(small_nx)


def test_analytics_ill_typed_number_becomes_none(small, small_rdf):
    rdf = Graph()
    for triple in small_rdf:
        rdf.add(triple)
    node = URIRef(_stmt(small, 2))
    rdf.set((node, KG.confidence, Literal("high")))
    rdf.remove((node, PROV.wasDerivedFrom, None))
    attributes = to_networkx(rdf).edges[RUBIO_IRI, JAISHANKAR_IRI, str(node)]
    assert (attributes["confidence"], attributes["doc"]) == (None, None)


# --- measures ------------------------------------------------------------------------------

def test_analytics_degree_counts_statements_both_ways(small_nx):
    counts = degree(small_nx)
    assert list(counts) == list(small_nx)
    assert (counts[RUBIO_IRI], counts[JAISHANKAR_IRI], counts[INDIA_IRI], counts[_iri("country/japan")]) == (3, 2, 2, 0)


def test_analytics_pagerank_sums_to_one_and_ranks_the_hub_first(small_nx):
    ranks = pagerank(small_nx)
    assert list(ranks) == list(small_nx)
    assert sum(ranks.values()) == pytest.approx(1.0)
    assert max(ranks, key=ranks.get) == RUBIO_IRI
    # Japan and Delhi are in no statement: equal, smallest ranks.
    assert ranks[_iri("country/japan")] == pytest.approx(ranks[_iri("place/delhi")])
    assert ranks[_iri("country/japan")] == min(ranks.values())


def test_analytics_pagerank_matches_networkx_reference():
    reference = getattr(pagerank_alg, "_pagerank_python", None)
    if reference is None:
        pytest.skip("networkx has no pure-Python pagerank to compare with")
    g = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c"), ("c", "a"), ("d", "c"), ("e", "e")])
    g.add_node("f")
    simple = kg.analytics.undirected(g)
    expected = reference(simple, alpha=0.85, tol=1e-12, max_iter=1000)
    ranks = pagerank(g)
    assert ranks == pytest.approx(expected, abs=1e-8)


def test_analytics_pagerank_ignores_edge_direction():
    forward = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    backward = nx.MultiDiGraph([("b", "a"), ("c", "b")])
    assert pagerank(forward) == pytest.approx(pagerank(backward))


def test_analytics_betweenness_of_a_path():
    g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    assert betweenness(g) == pytest.approx({"a": 0.0, "b": 2 / 3, "c": 2 / 3, "d": 0.0})


def test_analytics_betweenness_samples_past_the_limit(monkeypatch):
    calls = []
    real = nx.betweenness_centrality

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(kg.analytics.nx, "betweenness_centrality", spy)
    monkeypatch.setattr(kg.analytics, "EXACT_BETWEENNESS_LIMIT", 5)
    monkeypatch.setattr(kg.analytics, "BETWEENNESS_PIVOTS", 3)
    g = nx.MultiDiGraph(nx.path_graph(8).edges())
    first, second = betweenness(g), betweenness(g)
    assert first == second
    assert [(c["k"], c["seed"]) for c in calls] == [(3, kg.analytics.BETWEENNESS_SEED)] * 2
    betweenness(nx.MultiDiGraph(nx.path_graph(5).edges()))
    assert calls[-1]["k"] is None


_RING_AND_LONELY = """
import networkx as nx
from kg.analytics import communities
g = nx.MultiDiGraph()
g.add_nodes_from(f"lonely-{i:02d}" for i in range(30))
ring = [f"n{i:02d}" for i in range(24)]
g.add_edges_from(zip(ring, ring[1:] + ring[:1]))
print(sorted(communities(g).items()))
"""


def test_analytics_communities_are_the_same_in_every_process():
    # Most entities in no statement, and a ring Louvain can cut in many ways: the cut must not
    # follow the order of a set, which Python changes from one process to the next.
    import os
    import subprocess
    import sys

    answers = {
        subprocess.run([sys.executable, "-c", _RING_AND_LONELY], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                       capture_output=True, text=True, check=True).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(answers) == 1


def test_analytics_communities_numbered_by_size_then_smallest_member():
    triangle_and_pair = [("t1", "t2"), ("t2", "t3"), ("t3", "t1"), ("p2", "p1")]
    g = nx.MultiDiGraph(triangle_and_pair)
    g.add_node("alone")
    assert communities(g) == {"t1": 0, "t2": 0, "t3": 0, "p2": 1, "p1": 1, "alone": 2}
    # Built in another order, the same graph gets the same numbers.
    h = nx.MultiDiGraph(list(reversed(triangle_and_pair)))
    h.add_node("alone")
    assert {n: communities(h)[n] for n in g} == communities(g)


def test_analytics_components_numbered_by_size_then_smallest_member():
    g = nx.MultiDiGraph([("z", "y"), ("c", "d"), ("b", "a")])
    assert components(g) == {"z": 2, "y": 2, "c": 1, "d": 1, "b": 0, "a": 0}
    assert components(nx.Graph([("a", "b")])) == {"a": 0, "b": 0}


def test_analytics_counts_by_type_and_predicate(small_nx):
    assert counts_by_type(small_nx) == {"Country": 2, "Organization": 1, "Person": 2, "Place": 1}
    assert counts_by_predicate(small_nx) == {"meets": 2, "supports": 1, "visits": 1}


def test_analytics_empty_graph_gives_empty_results():
    g = to_networkx(Graph())
    assert g.number_of_nodes() == g.number_of_edges() == 0
    for measure in (degree, pagerank, betweenness, communities, components, counts_by_type, counts_by_predicate):
        assert measure(g) == {}, measure.__name__
    stats = graph_stats(g)
    assert stats == {
        "nodes": 0, "edges": 0, "isolated": 0, "components": 0, "communities": 0,
        "types": {}, "predicates": {}, "top_entities": [], "top_communities": [],
    }
    assert format_stats(stats) == "0 entities, 0 statements, 0 components, 0 communities"


# --- graph_stats ---------------------------------------------------------------------------

def test_analytics_graph_stats_counts_and_top_entities(small_nx):
    stats = graph_stats(small_nx, top=2)
    assert json.loads(json.dumps(stats)) == stats
    assert (stats["nodes"], stats["edges"], stats["isolated"]) == (6, 4, 2)
    # {Rubio, Jaishankar, India}, {Quad} joins India's; Delhi and Japan alone.
    assert stats["components"] == 3
    assert [e["label"] for e in stats["top_entities"]] == ["Marco Rubio", "India"]
    first = stats["top_entities"][0]
    assert set(first) == {"iri", "label", "type", "pagerank", "degree", "betweenness"}
    assert (first["iri"], first["type"], first["degree"]) == (RUBIO_IRI, "Person", 3)
    assert first["pagerank"] == round(pagerank(small_nx)[RUBIO_IRI], 6)
    assert len(stats["top_communities"]) == 2
    assert stats["top_communities"][0]["size"] >= stats["top_communities"][1]["size"]
    assert stats["types"] == counts_by_type(small_nx)


def test_analytics_graph_stats_lists_community_members_by_rank(small_nx):
    stats = graph_stats(small_nx, top=10)
    listed = stats["top_communities"]
    assert [c["index"] for c in listed] == list(range(stats["communities"]))
    assert sum(c["size"] for c in listed) == stats["nodes"]
    by_label = {m: c["index"] for c in listed for m in c["members"]}
    assert by_label["Marco Rubio"] == by_label["Jaishankar"]
    members = communities(small_nx)
    assert by_label["Marco Rubio"] == members[RUBIO_IRI]


def test_analytics_format_stats_has_every_section(small_nx):
    text = format_stats(graph_stats(small_nx))
    assert text.splitlines()[0] == "6 entities (2 in no statement), 4 statements, 3 components, " + _plural_communities(small_nx)
    for title in ("Top entities by PageRank", "Communities", "Entities by type", "Statements by predicate"):
        assert any(line.startswith(title) for line in text.splitlines()), title
    header = next(line for line in text.splitlines() if line.lstrip().startswith("#"))
    assert header.split() == ["#", "entity", "type", "pagerank", "degree", "betweenness"]
    row = next(line for line in text.splitlines() if "Marco Rubio" in line and "Person" in line)
    assert row.split()[0] == "1"


def _plural_communities(g) -> str:
    n = len(set(communities(g).values()))
    return f"{n} communit{'y' if n == 1 else 'ies'}"


# --- the sample article ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_rdf(sample_graph) -> Graph:
    return to_rdf(sample_graph)


@pytest.fixture(scope="module")
def sample_nx(sample_rdf) -> nx.MultiDiGraph:
    return to_networkx(sample_rdf)


def test_analytics_sample_jaishankar_has_highest_pagerank(sample_nx):
    ranks = pagerank(sample_nx)
    top = max(ranks, key=ranks.get)
    assert sample_nx.nodes[top]["label"] == "S. Jaishankar"
    stats = graph_stats(sample_nx, top=5)
    assert stats["top_entities"][0]["label"] == "S. Jaishankar"
    assert stats["top_entities"][0]["degree"] == max(degree(sample_nx).values())


def _rubio_visits_india(g: nx.MultiDiGraph) -> list[dict]:
    labels = dict(g.nodes(data="label"))
    return [
        d for u, v, d in g.edges(data=True)
        if (labels[u], d["predicate"], labels[v]) == ("Marco Rubio", "visits", "India")
    ]


def test_analytics_sample_negated_visit_is_an_edge_only_with_hedged(sample_nx, sample_rdf):
    [visit] = _rubio_visits_india(sample_nx)
    assert visit["polarity"] == "negative"
    assert "Rubio" in visit["sentence"]
    assert _rubio_visits_india(to_networkx(sample_rdf, include_hedged=False)) == []


def test_analytics_sample_results_are_deterministic(sample_nx, sample_rdf):
    again = to_networkx(sample_rdf)
    assert communities(sample_nx) == communities(again)
    assert list(communities(sample_nx).items()) == list(communities(again).items())
    assert json.dumps(graph_stats(sample_nx)) == json.dumps(graph_stats(again))


def test_analytics_sample_edges_match_statements_with_entity_objects(sample_graph, sample_nx):
    with_entity_object = [s for s in sample_graph.statements if s.object.mention is not None]
    assert sample_nx.number_of_edges() == len(with_entity_object)
    assert sample_nx.number_of_nodes() == len(sample_graph.entities)


def test_analytics_format_stats_lists_no_single_entity_communities():
    g = nx.MultiDiGraph([("a", "b", {"predicate": "meets"})])
    g.add_node("lone", label="Lone", type="Country")
    text = format_stats(graph_stats(g))
    assert "Communities (largest 1 of 2; single entities not listed)" in text
    assert "Lone" not in text.split("Communities")[1].split("Entities by type")[0]


def test_analytics_report_shows_control_characters_instead_of_obeying_them() -> None:
    from kg.analytics import format_stats, graph_stats

    g = nx.MultiDiGraph()
    g.add_node("a", label="Evil\x1b[2J Corp\u202e", type="Organization", aliases=())
    g.add_node("b", label="Beta", type="Country", aliases=())
    g.add_edge("a", "b", key="s", predicate="basedIn")
    report = format_stats(graph_stats(g))
    assert "\x1b" not in report and "\u202e" not in report
    assert "Evil\\x1b[2J Corp\\u202e" in report


def test_analytics_grown_communities_keep_the_old_numbers_and_new_entities_join_their_neighbours():
    g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y"), ("y", "z"), ("new", "x"), ("new", "y"), ("new", "a"), ("newer", "new")])
    grown = grown_communities(g, {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 1})
    assert {node: grown[node] for node in "abcxyz"} == {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1, "z": 1}
    assert grown["new"] == 1  # two statements with community 1, one with 0
    assert grown["newer"] == 1  # through "new", one ring further out


def test_analytics_grown_communities_of_entities_gone_or_now_alone_are_not_kept():
    g = nx.MultiDiGraph([("a", "b")])
    g.add_node("c")
    grown = grown_communities(g, {"a": 4, "b": 4, "c": 4, "gone": 7})
    assert grown["a"] == grown["b"] == 4 and grown["c"] == 5 and "gone" not in grown
