"""networkx graph + communities -> node positions for the page, in O(n log n), the same on every run.

Each community is laid out on its own and the communities are then packed as discs:

- a community of up to :data:`FORCE_MAX` entities gets a force layout (Fruchterman-Reingold),
  computed for all communities of a similar size at once as padded numpy arrays, so the cost is
  at most ``n * FORCE_MAX`` pair terms per iteration whatever the number of communities;
- a larger community is split again by Louvain (seeded) and its parts packed the same way; one
  that does not split is laid out radially from its best-connected entity;
- discs are placed by a force layout of the graph of communities (edges weighted by the
  statements between them) when there are few, else grouped by Louvain on that graph level by
  level; unconnected discs go on a sunflower spiral, largest first. Overlaps are then pushed
  apart with a grid of buckets (no pair loop) and any left are removed by spreading the centres.

Entry points: :func:`layout_positions`; :mod:`kg.render` calls it for graphs past its threshold,
and :func:`grown_positions` for the page of an update, which keeps where the earlier page put things.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx
import numpy as np

__all__ = ["FORCE_MAX", "SPACING", "grown_positions", "layout_positions"]

#: Communities up to this size get a force layout; larger ones are split or laid out radially.
FORCE_MAX = 120
#: Layout scale: vis-network draws a 10-pixel node; keep neighbours this far apart on average.
SPACING = 110.0
#: Discs (communities) placed by a force layout of their own graph up to this many.
_PACK_FORCE_MAX = 150
_ITERATIONS = 50
_MAX_DEPTH = 4
_GOLDEN = math.pi * (3 - math.sqrt(5))
#: Pair terms per numpy chunk of the batched force layout (bounds memory at about 100 MB).
_CHUNK_PAIRS = 1_500_000
#: The room a node placed by :func:`grown_positions` keeps around it, free of other nodes: an
#: ellipse about as wide as a label on either side and a line of text high, since labels (drawn
#: under their nodes) are wider than they are high: side by side they run into each other sooner
#: than one above the other.
_ROOM = (1.2 * SPACING, 0.45 * SPACING)


def layout_positions(
    g: nx.Graph, community_of: Mapping[Hashable, int] | None = None, seed: int = 42
) -> dict[Hashable, tuple[float, float]]:
    """Positions for every node of ``g``, in vis-network pixels, rounded to 0.1.

    Args:
        g: any networkx graph (directions and parallel edges are ignored).
        community_of: node -> community number (:func:`kg.analytics.communities`); None runs
            Louvain here with ``seed``.
        seed: the seed of every random choice, so the same graph always gets the same positions.

    Returns:
        node -> (x, y), centred near the origin; related entities are close, and communities
        do not overlap.

    Examples:
        >>> g = nx.path_graph(4)
        >>> positions = layout_positions(g, {0: 0, 1: 0, 2: 0, 3: 0})
        >>> sorted(positions) == [0, 1, 2, 3] and positions == layout_positions(g, {0: 0, 1: 0, 2: 0, 3: 0})
        True
    """
    adjacency = _adjacency(g)
    if not adjacency:
        return {}
    if community_of is None:
        parts = nx.community.louvain_communities(_simple(adjacency), seed=seed)
        community_of = {node: i for i, part in enumerate(parts) for node in part}
    groups: dict[int, list[Hashable]] = defaultdict(list)
    for node in adjacency:
        groups[community_of.get(node, -1)].append(node)
    layout = _Layout(adjacency, seed)
    positions, _ = layout.pack([sorted(members, key=_order_key) for _, members in sorted(groups.items())], depth=0)
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in sorted(positions.items(), key=lambda item: _order_key(item[0]))}


def grown_positions(
    g: nx.Graph, community_of: Mapping[Hashable, int], kept: Mapping[Hashable, tuple[float, float]], seed: int = 42
) -> dict[Hashable, tuple[float, float]]:
    """Positions for a graph that grew from one laid out as ``kept``: those nodes stay where they were.

    A new node linked to placed ones goes to the free spot nearest the middle of its placed
    neighbours (weighted by edges), ring by ring outwards from the kept nodes; new nodes linked
    to none of those get :func:`layout_positions` of their own, one group after another around
    the rim of the map. A free spot has no other node where its label would be (an ellipse 1.2
    :data:`SPACING` wide on either side and 0.45 high; a grid of buckets, no pair loop).

    Args:
        g: any networkx graph (directions and parallel edges are ignored).
        community_of: node -> community number, for the new nodes laid out on their own.
        kept: node -> (x, y) of the earlier layout; nodes no longer in ``g`` are ignored.
        seed: the seed of :func:`layout_positions` for those new nodes.

    Returns:
        node -> (x, y), rounded to 0.1.

    Examples:
        >>> g = nx.path_graph(4)
        >>> positions = grown_positions(g, {}, {0: (0.0, 0.0), 1: (110.0, 0.0)})
        >>> positions[0], positions[1], sorted(positions) == [0, 1, 2, 3]
        ((0.0, 0.0), (110.0, 0.0), True)
    """
    order = sorted(g, key=_order_key)
    placed: dict[Hashable, tuple[float, float]] = {node: kept[node] for node in order if node in kept}
    grid = _Grid(*_ROOM)
    for xy in placed.values():
        grid.add(xy)
    pending = [node for node in order if node not in placed]
    # Only the new nodes' neighbours are read: the old nodes keep their places.
    adjacency = _rows(g, pending)
    while pending:
        # Each ring's targets from the ring before, so the visiting order matters only for
        # which of two nodes wanting one spot gets it.
        ring = {}
        for node in pending:
            near = [(placed[other], w) for other, w in adjacency[node].items() if other in placed]
            if near:
                total = sum(w for _, w in near)
                ring[node] = (sum(x * w for (x, _), w in near) / total, sum(y * w for (_, y), w in near) / total)
        if not ring:
            break
        for node, target in ring.items():
            placed[node] = grid.free_near(target)
            grid.add(placed[node])
        pending = [node for node in pending if node not in ring]
    if pending:
        # Groups of new nodes linked to nothing placed: each laid out on its own and set on the
        # rim of the map, in turn around it, as a whole layout rings its small components.
        alone = nx.Graph()
        alone.add_nodes_from(pending)
        alone.add_edges_from((a, b) for a in pending for b in adjacency[a] if _order_key(a) < _order_key(b))
        groups = sorted(nx.connected_components(alone), key=lambda group: (-len(group), min(map(_order_key, group))))
        points = np.array(list(placed.values())) if placed else np.zeros((1, 2))
        centre = points.mean(axis=0)
        # The ring most of the map lies within (not its farthest node, which earlier updates'
        # groups would push out further every time); the spiral finds the free space beyond.
        rim = float(np.percentile(np.hypot(*(points - centre).T), 90))
        for k, group in enumerate(groups):
            members = sorted(group, key=_order_key)
            own = layout_positions(alone.subgraph(members), {node: community_of.get(node, -1) for node in members}, seed)
            middle = np.mean(np.array(list(own.values())), axis=0)
            shape = [(x - middle[0], y - middle[1]) for x, y in own.values()]
            angle = (len(placed) + k) * _GOLDEN  # where the rim is taken up next, update after update
            at = grid.free_near((centre[0] + rim * math.cos(angle), centre[1] + rim * math.sin(angle)), shape)
            for node, (dx, dy) in zip(own, shape):
                placed[node] = (at[0] + dx, at[1] + dy)
                grid.add(placed[node])
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in sorted(placed.items(), key=lambda item: _order_key(item[0]))}


class _Grid:
    """Points in buckets the size of the room (an ellipse, ``width`` and ``height`` its
    half-axes) that each keeps free of the others."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.gap = min(width, height)
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)

    def _cell(self, xy: tuple[float, float]) -> tuple[int, int]:
        return (math.floor(xy[0] / self.width), math.floor(xy[1] / self.height))

    def add(self, xy: tuple[float, float]) -> None:
        self.cells[self._cell(xy)].append(xy)

    def is_free(self, xy: tuple[float, float]) -> bool:
        cx, cy = self._cell(xy)
        return all(
            ((x - xy[0]) / self.width) ** 2 + ((y - xy[1]) / self.height) ** 2 >= 1
            for dx in (-1, 0, 1) for dy in (-1, 0, 1) for x, y in self.cells.get((cx + dx, cy + dy), ())
        )

    def free_near(self, target: tuple[float, float], shape: Iterable[tuple[float, float]] = ((0.0, 0.0),)) -> tuple[float, float]:
        """The first point of a sunflower spiral around ``target`` where every point of
        ``shape`` (offsets from it) is free."""
        shape = list(shape)
        step = 0
        while True:
            radius = self.gap * 0.5 * math.sqrt(step)
            x, y = target[0] + radius * math.cos(step * _GOLDEN), target[1] + radius * math.sin(step * _GOLDEN)
            if all(self.is_free((x + dx, y + dy)) for dx, dy in shape):
                return (x, y)
            step += 1


def _order_key(node: Hashable) -> tuple[str, str]:
    return (type(node).__name__, str(node))


def _adjacency(g: nx.Graph) -> dict[Hashable, dict[Hashable, float]]:
    """node -> neighbour -> number of edges between them (both directions), no self-loops."""
    adjacency: dict[Hashable, dict[Hashable, float]] = {node: {} for node in sorted(g, key=_order_key)}
    for a, b in g.edges():
        if a != b:
            adjacency[a][b] = adjacency[a].get(b, 0.0) + 1.0
            adjacency[b][a] = adjacency[b].get(a, 0.0) + 1.0
    return adjacency


def _rows(g: nx.Graph, nodes: Iterable[Hashable]) -> dict[Hashable, dict[Hashable, float]]:
    """:func:`_adjacency`'s rows of ``nodes`` only, from their own edges (a few new nodes of a
    large graph: not a pass over every edge)."""
    rows: dict[Hashable, dict[Hashable, float]] = {}
    for node in nodes:
        row: dict[Hashable, float] = {}
        ends = [b for _, b in g.out_edges(node)] + [a for a, _ in g.in_edges(node)] if g.is_directed() else [b for _, b in g.edges(node)]
        for other in ends:
            if other != node:
                row[other] = row.get(other, 0.0) + 1.0
        rows[node] = row
    return rows


def _simple(adjacency: Mapping[Hashable, Mapping[Hashable, float]], nodes: Iterable[Hashable] | None = None) -> nx.Graph:
    keep = set(adjacency) if nodes is None else set(nodes)
    simple = nx.Graph()
    simple.add_nodes_from(sorted(keep, key=_order_key))
    simple.add_weighted_edges_from((a, b, w) for a in simple for b, w in adjacency[a].items() if b in keep and _order_key(a) < _order_key(b))
    return simple


class _Layout:
    def __init__(self, adjacency: dict[Hashable, dict[Hashable, float]], seed: int) -> None:
        self.adjacency = adjacency
        self.seed = seed

    # --- groups of nodes ------------------------------------------------------------------

    def pack(self, groups: list[list[Hashable]], depth: int) -> tuple[dict[Hashable, np.ndarray], float]:
        """Lay out each group, then pack the groups' discs; returns positions and the enclosing radius."""
        small = [(i, members) for i, members in enumerate(groups) if len(members) <= FORCE_MAX]
        local: dict[int, tuple[dict[Hashable, np.ndarray], float]] = dict(zip((i for i, _ in small), self._forced([m for _, m in small])))
        for i, members in enumerate(groups):
            if len(members) > FORCE_MAX:
                local[i] = self._large(members, depth)
        radii = np.array([local[i][1] for i in range(len(groups))])
        weights = self._between(groups)
        centres = _place_discs(radii, weights, self.seed + depth)
        positions: dict[Hashable, np.ndarray] = {}
        for i in range(len(groups)):
            offset = centres[i]
            for node, xy in local[i][0].items():
                positions[node] = xy + offset
        extent = float(np.max(np.hypot(centres[:, 0], centres[:, 1]) + radii)) if len(groups) else 0.0
        return positions, extent

    def _large(self, members: list[Hashable], depth: int) -> tuple[dict[Hashable, np.ndarray], float]:
        """A community too large for one force layout: its own Louvain parts, packed; else radial."""
        if depth < _MAX_DEPTH:
            parts = nx.community.louvain_communities(_simple(self.adjacency, members), seed=self.seed + depth + 1)
            if len(parts) > 1:
                positions, extent = self.pack([sorted(part, key=_order_key) for part in sorted(parts, key=lambda p: min(map(_order_key, p)))], depth + 1)
                centre = np.mean(np.array(list(positions.values())), axis=0)
                return {node: xy - centre for node, xy in positions.items()}, extent + float(np.hypot(*centre))
        return self._radial(members), _radius(len(members))

    def _radial(self, members: list[Hashable]) -> dict[Hashable, np.ndarray]:
        """Breadth-first from the best-connected entity, on a sunflower spiral: the hub in the
        middle, its neighbours around it, each ring in the order of the ring before it."""
        inside = set(members)
        order: list[Hashable] = []
        seen: set[Hashable] = set()
        by_degree = sorted(members, key=lambda n: (-len(self.adjacency[n]), _order_key(n)))
        for start in by_degree:
            if start in seen:
                continue
            seen.add(start)
            queue = [start]
            while queue:
                order.extend(queue)
                following = []
                for node in queue:
                    for other in sorted(self.adjacency[node], key=_order_key):
                        if other in inside and other not in seen:
                            seen.add(other)
                            following.append(other)
                queue = following
        n = len(order)
        index = np.arange(n)
        r = np.sqrt((index + 0.5) / n) * _radius(n)
        xy = np.stack([r * np.cos(index * _GOLDEN), r * np.sin(index * _GOLDEN)], axis=1)
        return dict(zip(order, xy))

    def _between(self, groups: list[list[Hashable]]) -> dict[tuple[int, int], float]:
        """(group a, group b) -> edges between them, a < b."""
        group_of = {node: i for i, members in enumerate(groups) for node in members}
        weights: dict[tuple[int, int], float] = defaultdict(float)
        for i, members in enumerate(groups):
            for node in members:
                for other, w in self.adjacency[node].items():
                    j = group_of.get(other)
                    if j is not None and i < j:
                        weights[(i, j)] += w
        return weights

    def _forced(self, groups: list[list[Hashable]]) -> list[tuple[dict[Hashable, np.ndarray], float]]:
        """Force layouts of many small groups, batched by size; each scaled to its disc."""
        out: list[tuple[dict[Hashable, np.ndarray], float] | None] = [None] * len(groups)
        by_size: dict[int, list[int]] = defaultdict(list)
        for i, members in enumerate(groups):
            size = len(members)
            if size == 1:
                out[i] = ({members[0]: np.zeros(2)}, _radius(1))
            elif size == 2:
                half = _radius(2) / 2
                out[i] = ({members[0]: np.array([-half, 0.0]), members[1]: np.array([half, 0.0])}, _radius(2))
            else:
                by_size[1 << (size - 1).bit_length()].append(i)  # pad to the next power of two
        for width, indices in sorted(by_size.items()):
            step = max(1, _CHUNK_PAIRS // (width * width))
            for start in range(0, len(indices), step):
                chunk = indices[start : start + step]
                layouts = _force_batch([groups[i] for i in chunk], width, self.adjacency, self.seed + width + start)
                for i, layout in zip(chunk, layouts):
                    out[i] = (layout, _radius(len(groups[i])))
        return out  # type: ignore[return-value]


def _radius(size: int) -> float:
    """The disc a group of ``size`` entities gets: its area grows with its size."""
    return SPACING * math.sqrt(size) * 0.6 + SPACING


# --- force layout, batched ---------------------------------------------------------------------


def _force_batch(groups: list[list[Hashable]], width: int, adjacency: Mapping[Hashable, Mapping[Hashable, float]], seed: int) -> list[dict[Hashable, np.ndarray]]:
    """Fruchterman-Reingold for B groups at once: arrays (B, width, width) with padding masked out.

    Returns each group's positions scaled into a disc of radius :func:`_radius` (minus spacing).
    """
    b = len(groups)
    mask = np.zeros((b, width), dtype=bool)
    weights = np.zeros((b, width, width))
    for g_index, members in enumerate(groups):
        mask[g_index, : len(members)] = True
        index = {node: i for i, node in enumerate(members)}
        for node, i in index.items():
            for other, w in adjacency[node].items():
                j = index.get(other)
                if j is not None:
                    weights[g_index, i, j] = w
    pair = mask[:, :, None] & mask[:, None, :]
    diagonal = np.arange(width)
    pair[:, diagonal, diagonal] = False
    rng = np.random.RandomState(seed % (2**32))
    x, y = rng.random_sample((b, width)), rng.random_sample((b, width))
    sizes = mask.sum(axis=1).astype(float)
    k = (1.0 / np.sqrt(sizes))[:, None, None]
    k2 = k * k
    moving = mask.astype(float)
    temperature = 0.1
    cooling = temperature / (_ITERATIONS + 1)
    for _ in range(_ITERATIONS):
        dx = x[:, :, None] - x[:, None, :]
        dy = y[:, :, None] - y[:, None, :]
        distance2 = np.maximum(dx * dx + dy * dy, 1e-4)
        # Repulsion k²/d between every pair of the group, attraction w·d²/k along edges
        # (both as a factor on the unit vector times d).
        force = (k2 / distance2 - weights * np.sqrt(distance2) / k) * pair
        move_x = (force * dx).sum(axis=2)
        move_y = (force * dy).sum(axis=2)
        length = np.maximum(np.sqrt(move_x * move_x + move_y * move_y), 0.01)
        step = temperature / length * moving
        x += move_x * step
        y += move_y * step
        temperature -= cooling
    layouts = []
    for g_index, members in enumerate(groups):
        xy = np.stack([x[g_index, : len(members)], y[g_index, : len(members)]], axis=1)
        xy = xy - xy.mean(axis=0)
        reach = float(np.max(np.hypot(xy[:, 0], xy[:, 1]))) or 1.0
        xy = xy * ((_radius(len(members)) - SPACING) / reach)
        layouts.append(dict(zip(members, xy)))
    return layouts


# --- packing discs -----------------------------------------------------------------------------


def _place_discs(radii: np.ndarray, weights: Mapping[tuple[int, int], float], seed: int, depth: int = 0) -> np.ndarray:
    """Centres for discs of ``radii`` that do not overlap; related discs (``weights``) near each other."""
    n = len(radii)
    if n == 1:
        return np.zeros((1, 2))
    if n <= _PACK_FORCE_MAX and weights:
        centres = _force_single(radii, weights, seed)
    elif weights and depth < _MAX_DEPTH:
        centres = _grouped(radii, weights, seed, depth)
    else:
        centres = _sunflower(radii)
    return _separate(centres, radii)


def _force_single(radii: np.ndarray, weights: Mapping[tuple[int, int], float], seed: int) -> np.ndarray:
    """A force layout of the discs' own graph, spread so the discs would fill about half its area."""
    n = len(radii)
    matrix = np.zeros((n, n))
    for (a, b), w in weights.items():
        matrix[a, b] = matrix[b, a] = math.log1p(w)
    rng = np.random.RandomState(seed % (2**32))
    x, y = rng.random_sample(n), rng.random_sample(n)
    k = 1.0 / math.sqrt(n)
    temperature = 0.1
    cooling = temperature / (_ITERATIONS + 1)
    off_diagonal = ~np.eye(n, dtype=bool)
    for _ in range(_ITERATIONS):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance2 = np.maximum(dx * dx + dy * dy, 1e-4)
        force = (k * k / distance2 - matrix * np.sqrt(distance2) / k) * off_diagonal
        move_x, move_y = (force * dx).sum(axis=1), (force * dy).sum(axis=1)
        step = temperature / np.maximum(np.sqrt(move_x * move_x + move_y * move_y), 0.01)
        x += move_x * step
        y += move_y * step
        temperature -= cooling
    centres = np.stack([x - x.mean(), y - y.mean()], axis=1)
    reach = max(float(np.max(np.hypot(centres[:, 0], centres[:, 1]))), 1e-9)
    return centres * (math.sqrt(2 * float(np.sum(radii**2))) / reach)


def _grouped(radii: np.ndarray, weights: Mapping[tuple[int, int], float], seed: int, depth: int) -> np.ndarray:
    """Many discs: Louvain on the graph of related discs groups them, each group is packed on
    its own and the groups are packed in turn; discs with no relation go on a sunflower spiral
    around them, largest first."""
    n = len(radii)
    related = sorted({i for pair in weights for i in pair})
    related_set = set(related)
    loose = [i for i in range(n) if i not in related_set]
    centres = np.zeros((n, 2))
    graph = nx.Graph()
    graph.add_nodes_from(related)
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    parts = nx.community.louvain_communities(graph, seed=seed)
    if 1 < len(parts) < len(related):
        groups = [sorted(part) for part in sorted(parts, key=min)]
        group_radii = np.zeros(len(groups))
        for g_index, members in enumerate(groups):
            index = {m: i for i, m in enumerate(members)}
            inner = {(index[a], index[b]): w for (a, b), w in weights.items() if a in index and b in index}
            local = _place_discs(radii[members], inner, seed + g_index + 1, depth + 1)
            local -= local.mean(axis=0)
            centres[members] = local
            group_radii[g_index] = float(np.max(np.hypot(local[:, 0], local[:, 1]) + radii[members]))
        group_of = {m: g for g, members in enumerate(groups) for m in members}
        between: dict[tuple[int, int], float] = defaultdict(float)
        for (a, b), w in weights.items():
            ga, gb = group_of[a], group_of[b]
            if ga != gb:
                between[(min(ga, gb), max(ga, gb))] += w
        offsets = _place_discs(group_radii, between, seed + len(groups), depth + 1)
        for g_index, members in enumerate(groups):
            centres[members] += offsets[g_index]
    elif related:  # no structure Louvain can show: the related discs on a spiral of their own
        centres[related] = _separate(_sunflower(radii[related]), radii[related])
    if loose:
        extent = float(np.max(np.hypot(centres[related, 0], centres[related, 1]) + radii[related])) if related else 0.0
        centres[loose] = _sunflower(radii[loose], start=extent + SPACING if related else 0.0)
    return centres


def _sunflower(radii: np.ndarray, start: float = 0.0) -> np.ndarray:
    """Discs on a golden-angle spiral, largest first, each at the distance the area of the ones
    before it needs; from ``start`` outwards (an annulus around what is already there)."""
    order = np.argsort(-radii, kind="stable")
    area = np.cumsum((2 * radii[order]) ** 2) - (2 * radii[order[0]]) ** 2
    distance = np.sqrt(start**2 + area / math.pi) * 1.1 + (radii[order] if start else 0.0)
    angle = np.arange(len(order)) * _GOLDEN
    centres = np.zeros((len(radii), 2))
    centres[order] = np.stack([distance * np.cos(angle), distance * np.sin(angle)], axis=1)
    return centres


def _separate(centres: np.ndarray, radii: np.ndarray, rounds: int = 60) -> np.ndarray:
    """Push overlapping discs apart along the line between their centres (all pairs of a round
    at once), finding overlaps through a grid of buckets; then spread the centres from the
    middle if any overlap is left, which removes the rest."""
    centres = centres.astype(float).copy()
    if len(radii) < 2:
        return centres
    for _ in range(rounds):
        a, b = _overlapping(centres, radii)
        if not len(a):
            return centres
        delta = centres[b] - centres[a]
        distance = np.hypot(delta[:, 0], delta[:, 1])
        same = distance < 1e-9
        delta[same] = (1.0, 0.0)  # the same spot: part them along a fixed direction
        distance[same] = 1.0
        push = ((radii[a] + radii[b] - distance) / 2 + 1e-6)[:, None] * delta / distance[:, None]
        moves = np.zeros_like(centres)
        np.add.at(moves, a, -push)
        np.add.at(moves, b, push)
        centres += moves
    a, b = _overlapping(centres, radii)
    if len(a):
        distance = np.maximum(np.hypot(*(centres[b] - centres[a]).T), 1e-9)
        centres *= min(float(np.max((radii[a] + radii[b]) / distance)), 1e6) * (1 + 1e-9)
    return centres


def _overlapping(centres: np.ndarray, radii: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index arrays (a, b), a < b, of the overlapping discs.

    Discs up to a few times the typical radius are bucketed by centre in cells as wide as the
    largest of them, so an overlapping pair sits in the same or neighbouring cells; each larger
    disc (there are few) is checked against all.
    """
    n = len(radii)
    limit = 4 * float(np.median(radii))
    small = np.flatnonzero(radii <= limit)
    large = np.flatnonzero(radii > limit)
    found_a, found_b = [], []
    if len(small) > 1:
        cell = 2 * float(np.max(radii[small]))
        keys = np.floor(centres[small] / cell).astype(np.int64)
        keys -= keys.min(axis=0) - 1
        span = int(keys[:, 1].max()) + 2
        linear = keys[:, 0] * span + keys[:, 1]
        order = np.argsort(linear, kind="stable")
        ordered = linear[order]
        for ox, oy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
            target = linear + ox * span + oy
            low = np.searchsorted(ordered, target, "left")
            counts = np.searchsorted(ordered, target, "right") - low
            total = int(counts.sum())
            if not total:
                continue
            first = np.repeat(np.arange(len(small)), counts)
            within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            second = order[np.repeat(low, counts) + within]
            keep = first < second if (ox, oy) == (0, 0) else np.ones(total, dtype=bool)
            found_a.append(small[first[keep]])
            found_b.append(small[second[keep]])
    for i in large:
        others = np.arange(n)
        others = others[others != i]
        found_a.append(np.full(len(others), i))
        found_b.append(others)
    if not found_a:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    a, b = np.minimum(a, b), np.maximum(a, b)
    distance = np.hypot(*(centres[b] - centres[a]).T)
    hit = distance < radii[a] + radii[b] - 1e-6
    pairs = np.unique(np.stack([a[hit], b[hit]], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]
