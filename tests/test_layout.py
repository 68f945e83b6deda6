"""The package's stages import one way (a module may use earlier stages, never later ones), and
kg.layout places large graphs: every node, the same on every run, related entities together."""
from __future__ import annotations

import ast
import math
from pathlib import Path

import networkx as nx
import pytest

from kg.analytics import communities
from kg.layout import layout_positions

PACKAGE = Path(__file__).parent.parent / "kg"

#: Stage rank of each module; a module may import only modules of lower or equal rank.
STAGES = {
    "kg": 0, "kg.model": 0, "kg.errors": 0, "kg.files": 0, "kg.vocab": 0, "kg.lexicon": 0, "kg.gazetteer": 0,
    "kg.terminal": 0, "kg.worker": 0,
    "kg.ingest": 1,
    "kg.components": 2, "kg.nlp": 2,
    "kg.extract": 3, "kg.openie": 3, "kg.parallel": 3,
    "kg.resolve": 4, "kg.blocks": 4, "kg.kept": 4,
    "kg.records": 5, "kg.blockwise": 5,
    "kg.rdf": 6, "kg.shacl": 6, "kg.validate": 6, "kg.writers": 6, "kg.increment": 6, "kg.changes": 6, "kg.partkeys": 6,
    "kg.query": 7, "kg.analytics": 7,
    "kg.layout": 8, "kg.render": 8, "kg.remote": 8,
    "kg.pipeline": 9,
    "kg.distribute": 10,
    "kg.cli": 11,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _rank(module: str) -> int | None:
    for name, rank in sorted(STAGES.items(), key=lambda item: -len(item[0])):
        if module == name or module.startswith(name + "."):
            return rank
    return None


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: _module_name(p))
def test_layout_modules_import_only_earlier_stages(path: Path) -> None:
    own = _rank(_module_name(path))
    assert own is not None, f"{_module_name(path)} has no stage in STAGES"
    later = sorted(m for m in _imports(path) if m.startswith("kg") and (_rank(m) or 0) > own)
    assert later == [], f"{_module_name(path)} imports later stages: {later}"


def test_layout_model_imports_no_nlp_or_rdf_library() -> None:
    imports = _imports(PACKAGE / "model.py")
    assert not {m for m in imports if m.split(".")[0] in {"spacy", "rdflib", "networkx"}}


# --- kg.layout: positions for the page --------------------------------------------------------


def _scale_free(n: int, isolated: int = 0) -> nx.MultiDiGraph:
    base = nx.barabasi_albert_graph(n, 2, seed=7)
    g = nx.MultiDiGraph()
    g.add_nodes_from(f"e{i}" for i in range(n + isolated))
    g.add_edges_from((f"e{a}", f"e{b}", f"s{k}") for k, (a, b) in enumerate(base.edges))
    return g


@pytest.fixture(scope="module")
def placed() -> tuple[nx.MultiDiGraph, dict, dict]:
    g = _scale_free(600, isolated=200)
    community_of = communities(g)
    return g, community_of, layout_positions(g, community_of)


def test_layout_places_every_node_once(placed) -> None:
    g, _, positions = placed
    assert set(positions) == set(g.nodes)
    assert all(isinstance(x, float) and isinstance(y, float) for x, y in positions.values())


def test_layout_is_the_same_on_every_run(placed) -> None:
    g, community_of, positions = placed
    assert layout_positions(g, community_of) == positions


def test_layout_puts_related_entities_closer_than_others(placed) -> None:
    g, _, positions = placed
    edges = [math.dist(positions[a], positions[b]) for a, b in g.edges()]
    nodes = sorted(g.nodes)
    pairs = [math.dist(positions[a], positions[b]) for a, b in zip(nodes, reversed(nodes))]
    assert sum(edges) / len(edges) < 0.5 * sum(pairs) / len(pairs)


def test_layout_puts_unconnected_entities_around_the_connected_ones(placed) -> None:
    g, _, positions = placed
    centre = [sum(xy[i] for xy in positions.values()) / len(positions) for i in (0, 1)]
    connected = [math.dist(positions[n], centre) for n in g if g.degree(n)]
    alone = [math.dist(positions[n], centre) for n in g if not g.degree(n)]
    assert min(alone) > sorted(connected)[len(connected) // 2]


def test_layout_keeps_communities_apart(placed) -> None:
    g, community_of, positions = placed
    # Each node's nearest neighbour on the page is in its own community, for nearly all nodes.
    nodes = sorted(n for n in g if g.degree(n))
    same = 0
    for node in nodes:
        nearest = min((other for other in nodes if other != node), key=lambda other: math.dist(positions[node], positions[other]))
        same += community_of[nearest] == community_of[node]
    assert same / len(nodes) > 0.9


def test_layout_of_an_empty_graph_is_empty() -> None:
    assert layout_positions(nx.MultiDiGraph()) == {}


def test_layout_runs_louvain_when_given_no_communities() -> None:
    g = _scale_free(50)
    assert layout_positions(g) == layout_positions(g, None)
    assert len(layout_positions(g)) == 50
