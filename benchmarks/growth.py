"""A graph that grows: the cost of adding 10 articles to archives of 100, 400 and 1,600 pool articles.

Corpus: the BBC pool as ``speed.py`` reads it (the first N distinct articles in file order, and
past the pool's 817 distinct texts copies with a closing "Copy 2."). An archive of N is the
first N articles built with ``kg build --into`` (so that the folder keeps its archive's state,
``DIR/kept``, as a graph that grows does); the new articles are the next 10 (articles N+1 to
N+10, never in the archive).

For every archive size, each round runs, in fresh processes (imports and model loading
included) and in alternating order:

- update: ``kg -q build NEW.jsonl --into COPY --jobs JOBS`` on a fresh copy of the archive;
- alone: ``kg -q build NEW.jsonl -o DIR --jobs JOBS``, the same 10 articles on their own.

``--jobs`` is ``auto`` by default, as ``kg build`` runs: on a machine with a core to spare, an
update then reads its archive while the new articles are parsed, and draws the page while the
RDF is made (:mod:`kg.pipeline`); a build of 10 articles alone runs in one process either way.
``--jobs 1`` times both in one process (the figures of the runs before 2026-12-02, eleventh
session).

Each grown graph is compared, file by file, with the same articles built at once (``-o``); a
page laid out by kg keeps the archive's places (``kg.render.REDRAW_SHARE``), so its page is
also compared without places, community numbers and edge fading, and the archive's places are
checked to be where they were.
Processes run with Python's bytecode cache, as an installed kg does (``speed.child_env``).
Reported per size (medians over ``--rounds``): wall and CPU seconds and peak RSS of both, the
ratio update / alone, and where the update's time goes, from one more update run in a fresh
process that prints ``BuildResult.timings`` (load: ingest and the spaCy model; read: the
archive's stored state; extract; resolve; rdf; validate; turtle, jsonld, page: the outputs
made in memory; write: the files written, all or none). Where the update parses its new
articles in the background (``--jobs auto`` with a core to spare), "read" also holds the
update cache and the page's layout, read while they are parsed, and "extract" is the wait for
them; where it draws the page in the background, "page" is the wait for it and the page's
triples.

With ``--store`` the archive is built with ``--store`` too, and each round also times the update
with ``--store``: the archive's store grown (``kg.query.grow_store``), and the same update with the
store's stamp removed, which loads the whole new Turtle into a new store as kg did before; the
grown store is compared with the store of the build at once, quad by quad.

Resolution alone (no spaCy): synthetic mention streams of 10k, 100k and 1M articles (about 13.6
mentions each: people with full names, "Mr Surname" and bare surnames, organisations and their
acronyms, countries, places, events, drawn heavy-headed from pools that grow with the corpus)
are resolved on a 2-worker ``LocalCluster`` by :mod:`kg.blockwise` (chunks of 12,500 articles
made on the workers, 16 blocks per kind of key, only a digest back to the driver) and, up to
``--local-max``, by ``resolve_mentions`` in one process; each run in a fresh process, with its
wall time and the peak RSS of the driver and of each worker. The digests must agree.

Resolution kept between updates (``kg.kept``, which ``kg build --into`` keeps in ``DIR/kept``): with
``--kept``, for each pool archive (its ``extractions.jsonl`` and the new articles' own) and for
the synthetic streams of ``--kept-synthetic`` articles, a fresh process builds a ``KeptResolution`` of the
archive, adds the new articles to it, and times that update against ``resolve_mentions`` on
everything at once; the two answers must be equal. For the pool it also counts the archive's
articles that the corpus-wide typing and naming (``kg.resolve.settle_types``, ``settle_names``)
read otherwise once the new ones are in: an update would give those to the kept resolution again.
For the pool it also times the whole kept chain (``kg.partkeys.KeptGraph`` in a file: typing, naming,
resolution, the holders of offices named by description, the offices, the tidied statements, the
entities' counts and the keys of the RDF's parts) against ``resolve_graph`` of everything at once
and ``kg.rdf.rdf_parts`` of its graph, and checks the graph and the keys are equal.

Run: ``.venv/bin/python benchmarks/growth.py [--archives 100 400 1600] [--rounds 3] [--synthetic 10000 100000 1000000] [--jobs auto|N] [--store] [--kept] [--json FILE]``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ROOT, child_env, corpus, run  # noqa: E402

from kg.query import STORE_STAMP, open_store  # noqa: E402

#: One update in this process, printing its stage timings as JSON (for the breakdown), and
#: what it changed of the archive's entities (kg.changes).
STAGES = """
import json, sys
from kg.pipeline import build
result = build([sys.argv[1]], sys.argv[2], into=True, jobs=sys.argv[3] if sys.argv[3] == "auto" else int(sys.argv[3]))
changes = result.changes
counts = None if changes is None else {"added": len(changes.added), "gone": len(changes.gone), "moved": len(changes.reassigned)}
print(json.dumps({"timings": result.timings, "changes": counts}))
"""


#: ``--jobs`` of every timed process (``--jobs`` of this script).
JOBS = ["auto"]


def kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "-q", "build", *args, "--jobs", JOBS[0]]


def stage_timings(new: Path, archive: Path, folder: Path) -> tuple[dict[str, float], dict[str, int] | None]:
    """Seconds per stage of one update of a copy of ``archive``, in a fresh process, and how many
    entities it added and dropped and names of the archive it moved to another entity."""
    target = folder / "stages"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(archive, target)
    output = subprocess.run([sys.executable, "-c", STAGES, str(new), str(target), JOBS[0]], cwd=ROOT, env=child_env(), capture_output=True, text=True, check=True).stdout
    found = json.loads(output.strip().splitlines()[-1])
    return dict(found["timings"]), found["changes"]


def _unplaced(page: Path) -> dict:
    """The page's data without what its layout decides."""
    text = page.read_text(encoding="utf-8")
    start = text.index('<script id="kg-data" type="application/json">')
    payload = json.loads(text[text.index(">", start) + 1 : text.index("</script>", start)])
    for node in payload["nodes"]:
        for key in ("x", "y", "community"):
            node.pop(key, None)
    for edge in payload["edges"]:
        edge.pop("color", None)
    return payload


def _places(layout: Path) -> dict[str, tuple]:
    """Entity -> (x, y, community) of a ``layout.cache.jsonl``."""
    lines = layout.read_text(encoding="utf-8").splitlines()[1:]
    return {node: (x, y, community) for node, x, y, community in map(json.loads, lines)}


def slices(articles: Path, size: int, new: int, folder: Path) -> tuple[Path, Path]:
    """The first ``size`` articles and the ``new`` after them, as two JSON Lines files."""
    lines = articles.read_text(encoding="utf-8").splitlines(keepends=True)
    archive, added = folder / f"archive-{size}.jsonl", folder / f"new-{size}.jsonl"
    archive.write_text("".join(lines[:size]), encoding="utf-8")
    added.write_text("".join(lines[size : size + new]), encoding="utf-8")
    return archive, added


# --- resolution alone, on synthetic mention streams ------------------------------------------

#: Syllables of made-up names: 40^3 surnames, 40^2 given names, 40^3 organisation and place words.
_SYLLABLES = "ba be bo da de di do fa fe ga ge ka ke ko la le li lo ma me mi mo na ne ni no pa pe ra re ri ro sa se ta te to va ve za".split()
_KINDS = ("Group", "Bank", "Party", "Council", "Union", "Agency")


def _word(index: int, syllables: int) -> str:
    parts = []
    for _ in range(syllables):
        index, digit = divmod(index, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


def _zipf(rng, size: int) -> int:
    """A heavy-headed index in [0, size): a few names in many articles, most in a few."""
    return min(size - 1, int(size ** rng.random()) - 1)


def synthetic_chunk(seed: int, first: int, count: int, corpus: int):
    """(mentions, offices) of synthetic articles ``first`` to ``first + count`` of a corpus of
    ``corpus`` articles: about 13 mentions each, people (full names, "Mr Surname", bare
    surnames), organisations (some written as their acronym, expanded or not), countries, places
    and events, their names drawn heavy-headed from pools that grow with the corpus."""
    import random

    from kg.model import Mention

    people, orgs, places = max(50, corpus // 2), max(30, corpus // 3), max(20, corpus // 5)
    mentions, offices = [], {}
    for article in range(first, first + count):
        rng = random.Random(seed * 1_000_003 + article)
        doc_id = f"s{article:08d}"
        offset = 0

        def add(text: str, kind: str, name: str, key: str, doc_id: str = doc_id) -> None:
            nonlocal offset
            mentions.append(Mention(doc_id, offset, offset + len(text), text, kind, name, key))
            offset += len(text) + 7

        for _ in range(3):
            p = _zipf(rng, people)
            given, surname = _word(p % 1600, 2), _word(p // 3, 3)
            add(f"{given} {surname}", "Person", f"{given} {surname}", f"person:{given.lower()} {surname.lower()}")
            roll = rng.random()
            if roll < 0.4:
                add(f"Mr {surname}", "Person", surname, f"person:{surname.lower()}")
                if rng.random() < 0.2:
                    offices[(doc_id, f"person:{surname.lower()}")] = {"minister"}
            elif roll < 0.55:
                add(surname, "Person", surname, f"person:{surname.lower()}")
        for _ in range(3):
            o = _zipf(rng, orgs)
            words = [_word(o, 3), _word(o // 7 + 11, 2), _KINDS[o % len(_KINDS)]]
            name = " ".join(words)
            acronym = "".join(w[0] for w in words).upper()
            roll = rng.random()
            if roll < 0.15:
                add(acronym, "Organization", acronym, f"organization:{acronym.lower()}")
            elif roll < 0.3:
                add(acronym, "Organization", name, f"organization:{name.lower()}")
            else:
                add(name, "Organization", name, f"organization:{name.lower()}")
        for _ in range(3):
            c = _zipf(rng, 200)
            add(_word(c, 2), "Country", _word(c, 2), f"country:c{c}")
        for _ in range(2):
            t = _zipf(rng, places)
            add(_word(t + 99, 3), "Place", _word(t + 99, 3), f"place:{_word(t + 99, 3).lower()}")
        e = _zipf(rng, places)
        add(f"{_word(e, 2)} Summit", "Event", f"{_word(e, 2)} Summit", f"event:{_word(e, 2).lower()} summit")
    return mentions, offices


def resolve_synthetic(articles: int, chunks: int, blocks: int, engine: str) -> dict[str, float]:
    """Resolve ``articles`` synthetic articles in this process: on a fresh 2-worker LocalCluster
    (``engine="dask"``: chunks made and resolved on the workers, the driver gets a digest) or
    here (``"local"``: ``resolve_mentions`` on every mention at once)."""
    import resource
    import time

    size = -(-articles // chunks)
    bounds = [(i * size, min(size, articles - i * size)) for i in range(chunks) if i * size < articles]
    start = time.perf_counter()
    if engine == "local":
        from kg.blockwise import digest
        from kg.resolve import resolve_mentions

        mentions, offices = [], {}
        for first, count in bounds:
            m, o = synthetic_chunk(1, first, count, articles)
            mentions += m
            offices.update(o)
        made = time.perf_counter()
        entities, _ = resolve_mentions(mentions, offices)
        count, mention_count, total = digest(entities)
        workers_mb: list[float] = []
        generate = made - start
    else:
        from kg.blockwise import resolve_on_dask
        from kg.distribute import local_cluster

        with local_cluster(2) as client:
            started = time.perf_counter()
            count, mention_count, total = resolve_on_dask(client, [(synthetic_chunk, (1, first, n, articles)) for first, n in bounds], blocks, gather=False)
            workers = client.run(lambda: __import__("resource").getrusage(__import__("resource").RUSAGE_SELF).ru_maxrss)
            workers_mb = [kb / 1024 for kb in workers.values()]
            generate = started - start  # cluster start-up here; generation runs inside the tasks
        start = started
    wall = time.perf_counter() - start
    return {
        "articles": articles, "engine": engine, "chunks": len(bounds), "blocks": blocks, "wall": wall, "startup": generate,
        "driver_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "workers_mb": workers_mb,
        "entities": count, "mentions": mention_count, "digest": f"{total:040x}",
    }


def time_file_updates(kept_class, path: Path, fill, update, rounds: int = 3, traced: bool = False) -> tuple[float, float, float]:
    """A kept file made once at ``path`` by ``fill(kept)``, then ``rounds`` updates of a fresh copy
    (open, ``update(kept)``, save, close): the time to make the file, the median update and, with
    ``traced``, the peak of one more update's allocations in MB (``tracemalloc``). The last copy
    stays, updated, beside ``path``."""
    import time
    import tracemalloc

    path.unlink(missing_ok=True)
    start = time.perf_counter()
    kept = kept_class.open(path)
    fill(kept)
    kept.save()
    kept.close()
    made = time.perf_counter() - start
    timings, allocated = [], 0
    for trace in [False] * rounds + [True] * traced:
        copy = path.with_name(f"{path.stem}-update{path.suffix}")
        shutil.copyfile(path, copy)
        if trace:
            tracemalloc.start()
        start = time.perf_counter()
        kept = kept_class.open(copy)
        update(kept)
        kept.save()
        kept.close()
        if trace:
            allocated = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        else:
            timings.append(time.perf_counter() - start)
    return made, statistics.median(timings), allocated / 1e6


def kept_against_whole(archive: tuple[list, dict], new: tuple[list, dict], folder: Path) -> dict[str, object]:
    """Time adding ``new`` (mentions, offices) to a :class:`kg.kept.KeptResolution` of ``archive``,
    in memory and kept in a file, against ``resolve_mentions`` on both at once, and check the
    answers are equal."""
    import gc
    import resource
    import time

    from kg.kept import KeptResolution
    from kg.resolve import resolve_mentions

    gc.freeze()  # as kg build does while it resolves (kg.pipeline._long_lived)
    start = time.perf_counter()
    whole = resolve_mentions(archive[0] + new[0], {**archive[1], **new[1]})
    at_once = time.perf_counter() - start
    kept = KeptResolution()
    start = time.perf_counter()
    kept.update(*archive)
    built = time.perf_counter() - start
    labels = {e.entity_id: e.label for e in kept.result()[0]}
    start = time.perf_counter()
    changes = kept.update(*new)
    updated = time.perf_counter() - start
    equal = kept.result() == whole
    # The archive's articles whose resolution the update changed: a span of theirs now maps
    # elsewhere, or an entity they name has another label (what their RDF copies).
    fresh = {m.doc_id for m in new[0]}
    moved = {span[0] for span in changes.mapping} - fresh
    relabelled = {m.doc_id for e in changes.entities if e.entity_id in labels and labels[e.entity_id] != e.label for m in e.mentions} - fresh
    del kept
    # Kept in a file: built once, then each update opens it, reads the rows it touches and writes them back.
    path = folder / "kept.sqlite"
    file_built, file_update, allocated = time_file_updates(
        KeptResolution, path, lambda kept: kept.update(*archive), lambda kept: kept.update(*new), traced=True,
    )
    size = path.stat().st_size
    stored = KeptResolution.open(path.with_name("kept-update.sqlite"))
    file_equal = stored.result() == whole
    stored.close()
    return {
        "kept_build": built, "kept_update": updated, "whole": at_once, "equal": equal and file_equal,
        "file_build": file_built, "file_mb": size / 1e6, "file_update": file_update, "file_update_peak_mb": allocated,
        "remade": len(changes.entities), "gone": len(changes.gone), "spans": len(changes.mapping), "entities": len(whole[0]),
        "archive_moved": len(moved), "archive_relabelled": len(relabelled - moved),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def kept_pool(archive_file: str, new_file: str) -> dict[str, object]:
    """:func:`kept_against_whole` for an archive's and the new articles' ``extractions.jsonl``."""
    from kg.pipeline import read_extractions
    from kg.resolve import resolution_inputs, settle_names, settle_types

    def settled(extractions: list) -> dict[str, object]:
        ordered = sorted({e.document.doc_id: e for e in extractions}.values(), key=lambda e: e.document.doc_id)
        return {e.document.doc_id: e for e in settle_names(settle_types(ordered))}

    old, new = read_extractions(archive_file)[1], read_extractions(new_file)[1]
    alone, union = settled(old), settled(old + new)
    # The archive as the union reads it, and how many of its articles that reads otherwise.
    differ = sum(resolution_inputs([alone[d]]) != resolution_inputs([union[d]]) for d in alone if alone[d] is not union[d])
    fresh = [e for d, e in union.items() if d not in alone]
    with tempfile.TemporaryDirectory(prefix="kg-kept-") as folder:
        row = kept_against_whole(resolution_inputs([union[d] for d in alone]), resolution_inputs(fresh), Path(folder))
        whole_archive = archive_against_whole(old, new, Path(folder))
    return {**row, **whole_archive, "archive": len(alone), "new": len(fresh), "settled_otherwise": differ}


def archive_against_whole(old: list, new: list, folder: Path) -> dict[str, object]:
    """Time adding the ``new`` extractions to a :class:`kg.partkeys.KeptGraph` of ``old`` kept in a
    file (typing, naming, resolution, the holders of offices named by description, the offices,
    the tidied statements, the counts and the RDF's part keys; the old articles it reads again
    come from memory) against :func:`kg.resolve.resolve_graph` of everything at once and the keys
    of :func:`kg.rdf.rdf_parts` of its graph, and check the graphs and the keys are equal."""
    import time

    from kg.partkeys import KeptGraph
    from kg.resolve import resolve_graph

    stored = {e.document.doc_id: e for e in old + new}
    read: list[str] = []

    def archived(ids: list[str]) -> list:
        read.extend(ids)
        return [stored[doc_id] for doc_id in ids]

    from kg.rdf import rdf_parts

    start = time.perf_counter()
    whole = resolve_graph(stored.values())
    at_once = time.perf_counter() - start
    start = time.perf_counter()
    keys = [part.key for part in rdf_parts(whole)]
    keyed_at_once = time.perf_counter() - start
    path = folder / "archive.sqlite"
    tidied: list[int] = []
    keyed: list[tuple[int, int]] = []

    def update(kept: KeptGraph) -> None:
        read.clear()
        changes, parts = kept.update(new, archived)
        tidied.append(len(changes.offices.documents))
        keyed.append((len(parts.statements), len(parts.entities)))

    _, file_update, _ = time_file_updates(KeptGraph, path, lambda kept: kept.update(old, archived), update)
    archive = KeptGraph.open(path.with_name("archive-update.sqlite"))
    equal = archive.graph(whole.documents) == whole
    keys_equal = archive.parts.keys(d.doc_id for d in whole.documents) == keys
    archive.close()
    return {"archive_whole": at_once, "archive_file_update": file_update, "archive_equal": equal, "archive_read_again": len(read),
            "archive_tidied_again": tidied[-1], "parts_at_once": keyed_at_once, "parts_count": len(keys), "parts_equal": keys_equal,
            "parts_articles_keyed": keyed[-1][0], "parts_entities_keyed": keyed[-1][1]}


def kept_synthetic(articles: int, new: int) -> dict[str, object]:
    """:func:`kept_against_whole` for ``new`` synthetic articles added to the rest of ``articles``."""
    archive = synthetic_chunk(1, 0, articles - new, articles)
    with tempfile.TemporaryDirectory(prefix="kg-kept-") as folder:
        row = kept_against_whole(archive, synthetic_chunk(1, articles - new, new, articles), Path(folder))
    return {**row, "archive": articles - new, "new": new}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archives", type=int, nargs="*", default=[100, 400, 1600])
    parser.add_argument("--new", type=int, default=10, help="articles added to each archive")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", default="auto", help="--jobs of the timed builds: auto (kg's default) or a number")
    parser.add_argument("--no-compare", action="store_true", help="skip building archive + new at once to compare with the grown graph")
    parser.add_argument("--store", action="store_true", help="also time updates with --store: the archive's store grown, and loaded whole")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--synthetic", type=int, nargs="*", default=[10_000, 100_000, 1_000_000], help="articles of the synthetic resolution runs")
    parser.add_argument("--local-max", type=int, default=100_000, help="largest synthetic corpus also resolved in one process")
    parser.add_argument("--blocks", type=int, default=16)
    parser.add_argument("--kept", action="store_true", help="also time the kept resolution (kg.kept) of the new articles against resolving all at once")
    parser.add_argument("--kept-synthetic", type=int, nargs="*", default=[10_000, 100_000], help="articles of the synthetic streams of --kept")
    parser.add_argument("--one", nargs=3, metavar=("ARTICLES", "CHUNKS", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--kept-pool", nargs=2, metavar=("ARCHIVE", "NEW"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    JOBS[0] = args.jobs
    if args.one:  # one synthetic run, in a process of its own so that its peak memory is its own
        if args.one[2] == "kept":
            print(json.dumps(kept_synthetic(int(args.one[0]), args.new)))
        else:
            print(json.dumps(resolve_synthetic(int(args.one[0]), int(args.one[1]), args.blocks, args.one[2])))
        return
    if args.kept_pool:
        print(json.dumps(kept_pool(*args.kept_pool)))
        return

    def kept_row(*command: str) -> dict[str, object]:
        output = subprocess.run([sys.executable, __file__, *command, "--new", str(args.new)], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print(f"kept {row['archive']:>9,} + {row['new']}: update {row['kept_update']:.3f} s, from the file {row['file_update']:.3f} s, "
              f"at once {row['whole']:.3f} s, equal {row['equal']}", file=sys.stderr, flush=True)
        if "archive_whole" in row:
            print(f"kept archive {row['archive']:>9,} + {row['new']}: from the file {row['archive_file_update']:.3f} s, at once "
                  f"{row['archive_whole']:.3f} s, equal {row['archive_equal']}, {row['archive_read_again']} read again, "
                  f"{row['archive_tidied_again']} tidied again; part keys equal {row['parts_equal']}, articles keyed again "
                  f"{row['parts_articles_keyed']}, entities {row['parts_entities_keyed']} (all {row['parts_count']:,} keyed at once in "
                  f"{row['parts_at_once']:.3f} s)", file=sys.stderr, flush=True)
        return row

    kept: list[dict[str, object]] = []
    if args.kept:
        kept += [{"corpus": "synthetic", **kept_row("--one", str(n), "1", "kept")} for n in args.kept_synthetic]

    synthetic = []
    for articles in args.synthetic:
        chunks = max(8, articles // 12_500)
        for engine in ("local", "dask") if articles <= args.local_max else ("dask",):
            output = subprocess.run([sys.executable, __file__, "--one", str(articles), str(chunks), engine, "--blocks", str(args.blocks)],
                                    cwd=ROOT, capture_output=True, text=True, check=True).stdout
            row = json.loads(output.strip().splitlines()[-1])
            synthetic.append(row)
            print(f"synthetic {articles:>9,} {engine:<5} {row['wall']:7.1f} s driver {row['driver_mb']:6.0f} MB workers "
                  f"{', '.join(f'{mb:.0f}' for mb in row['workers_mb']) or '-'} MB, {row['entities']:,} entities", file=sys.stderr, flush=True)

    table = []
    with tempfile.TemporaryDirectory(prefix="kg-growth-") as tmp:
        folder = Path(tmp)
        articles = corpus(max(args.archives, default=0) + args.new, folder)
        for size in args.archives:
            archive_file, new_file = slices(articles, size, args.new, folder)
            archive = folder / f"built-{size}"
            # Built with --into, as a graph that grows is: the folder then keeps its archive's
            # state (kg build's DIR/kept), which each update reads and writes.
            built = run(kg(str(archive_file), "--into", str(archive), *(["--store", str(archive / "store")] if args.store else [])))
            print(f"archive {size:>5}: built in {built['wall']:.1f} s", file=sys.stderr, flush=True)
            runs: dict[str, list[dict[str, float]]] = {"update": [], "alone": []}

            def update(archive: Path = archive, new_file: Path = new_file) -> dict[str, float]:
                target = folder / "update"
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(archive, target)
                return run(kg(str(new_file), "--into", str(target)))

            def with_store(grown: bool, archive: Path = archive, new_file: Path = new_file) -> dict[str, float]:
                # The same update with --store: the archive's store grown (kg.query.grow_store),
                # or, its stamp removed, loaded whole from the new Turtle as before.
                target = folder / ("store-grown" if grown else "store-loaded")
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(archive, target)
                if not grown:
                    (target / "store" / STORE_STAMP).unlink()
                return run(kg(str(new_file), "--into", str(target), "--store", str(target / "store")))

            def alone(new_file: Path = new_file) -> dict[str, float]:
                shutil.rmtree(folder / "alone", ignore_errors=True)
                return run(kg(str(new_file), "-o", str(folder / "alone")))

            if args.store:
                runs.update({"store grown": [], "store loaded": []})
            for round_number in range(args.rounds):
                jobs = [("update", update), ("alone", alone)]
                if args.store:
                    jobs += [("store grown", lambda: with_store(True)), ("store loaded", lambda: with_store(False))]
                if round_number % 2:  # alternate who goes first, so drift in the machine's load evens out
                    jobs.reverse()
                for name, job in jobs:
                    figures = job()
                    runs[name].append(figures)
                    print(f"round {round_number + 1} archive {size:>5} {name:<12} {figures['wall']:6.1f} s wall {figures['cpu']:6.1f} s CPU {figures['rss_mb']:6.0f} MB", file=sys.stderr, flush=True)
            row: dict[str, object] = {"archive": size, "new": args.new, "archive_build_wall": built["wall"]}
            for name, figures in runs.items():
                row[name] = {key: statistics.median(r[key] for r in figures) for key in ("wall", "cpu", "rss_mb")}
            row["ratio_wall"] = row["update"]["wall"] / row["alone"]["wall"]  # type: ignore[index]
            row["stages"], row["changes"] = stage_timings(new_file, archive, folder)
            if not args.no_compare:
                # The grown graph against one built from the same articles at once.
                whole_file = folder / f"whole-{size}.jsonl"
                whole_file.write_text(archive_file.read_text(encoding="utf-8") + new_file.read_text(encoding="utf-8"), encoding="utf-8")
                run(kg(str(whole_file), "-o", str(folder / "whole"), *(["--store", str(folder / "whole" / "store")] if args.store else [])))
                grown, whole = folder / "stages", folder / "whole"
                row["equal_to_whole"] = {
                    name: (grown / name).read_bytes() == (whole / name).read_bytes()
                    for name in ("graph.ttl", "statements.jsonl", "graph.jsonld", "extractions.jsonl", "update.cache.jsonl", "graph.html", "layout.cache.jsonl")
                }
                # A page laid out by kg keeps the archive's places (kg.render.REDRAW_SHARE):
                # equal but for places, community numbers and the edges' fading, which follows
                # the places; and every entity of the archive's page where it was.
                row["page_equal_but_places"] = _unplaced(grown / "graph.html") == _unplaced(whole / "graph.html")
                before, after = _places(archive / "layout.cache.jsonl"), _places(grown / "layout.cache.jsonl")
                row["places_kept"] = all(after.get(node, place) == place for node, place in before.items())
                if args.store:
                    # The grown store against the one loaded from the graph built at once.
                    row["store_equal_to_whole"] = set(open_store(folder / "store-grown" / "store")) == set(open_store(whole / "store"))
                print(f"archive {size:>5}: grown == built at once: {row['equal_to_whole']}; page equal but for places: "
                      f"{row['page_equal_but_places']}; archive's places kept: {row['places_kept']}"
                      + (f"; grown store == store built at once: {row['store_equal_to_whole']}" if args.store else ""), file=sys.stderr, flush=True)
            if args.kept:
                kept.append({"corpus": "pool", **kept_row("--kept-pool", str(archive / "extractions.jsonl"), str(folder / "alone" / "extractions.jsonl"))})
            table.append(row)
            shutil.rmtree(archive, ignore_errors=True)

    print("| synthetic articles | engine | mentions | entities | wall s | driver peak MB | worker peaks MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in synthetic:
        print(f"| {row['articles']:,} | {row['engine']} | {row['mentions']:,} | {row['entities']:,} | {row['wall']:.1f} | {row['driver_mb']:.0f} | "
              f"{', '.join(f'{mb:.0f}' for mb in row['workers_mb']) or '-'} |")
    print()
    print(f"--jobs {args.jobs}:")
    print()
    print("| archive | update s | alone s | ratio | update MB | alone MB | update stages (s) | entities added / gone, archive names moved |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in table:
        stages = ", ".join(f"{name} {seconds:.2f}" for name, seconds in row["stages"].items())
        changes = row["changes"]
        said = f"{changes['added']} / {changes['gone']}, {changes['moved']}" if changes is not None else "-"
        print(f"| {row['archive']:,} | {row['update']['wall']:.1f} | {row['alone']['wall']:.1f} | {row['ratio_wall']:.2f}x | "
              f"{row['update']['rss_mb']:.0f} | {row['alone']['rss_mb']:.0f} | {stages} | {said} |")
    if args.store:
        print()
        print("| archive | update with --store, the store grown s | the store loaded whole s | update without --store s |")
        print("| --- | --- | --- | --- |")
        for row in table:
            print(f"| {row['archive']:,} | {row['store grown']['wall']:.1f} | {row['store loaded']['wall']:.1f} | {row['update']['wall']:.1f} |")
    if kept:
        print()
        print("| corpus | archive | new | resolve_mentions at once s | kept in memory: update s | built s | kept in a file: open, update, save s "
              "| its allocations MB | built s | file MB | equal | entities made again / gone, spans moved "
              "| archive articles with a span moved / an entity relabelled | archive articles settled otherwise | process peak MB |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: |")
        for row in kept:
            print(f"| {row['corpus']} | {row['archive']:,} | {row['new']} | {row['whole']:.3f} | {row['kept_update']:.3f} | {row['kept_build']:.2f} | "
                  f"{row['file_update']:.3f} | {row['file_update_peak_mb']:.1f} | {row['file_build']:.1f} | {row['file_mb']:.0f} | {row['equal']} | "
                  f"{row['remade']:,} / {row['gone']:,}, {row['spans']:,} | {row['archive_moved']:,} / {row['archive_relabelled']:,} | "
                  f"{row.get('settled_otherwise', '-')} | {row['peak_mb']:.0f} |")
    pools = [row for row in kept if "archive_whole" in row]
    if pools:
        print()
        print("| archive | new | resolve_graph at once s | kept archive in a file: open, update, save s | equal | archive articles read again "
              "| articles tidied again | RDF parts keyed at once s | kept part keys equal | articles / entities keyed again |")
        print("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |")
        for row in pools:
            print(f"| {row['archive']:,} | {row['new']} | {row['archive_whole']:.3f} | {row['archive_file_update']:.3f} | {row['archive_equal']} "
                  f"| {row['archive_read_again']} | {row['archive_tidied_again']} | {row['parts_at_once']:.3f} ({row['parts_count']:,} parts) "
                  f"| {row['parts_equal']} | {row['parts_articles_keyed']} / {row['parts_entities_keyed']} |")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"jobs": args.jobs, "updates": table, "synthetic": synthetic, "kept": kept}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
