"""Updates that make again only what new articles change (kg.increment): the texts from the cache
are the texts of the whole graph, the cache is dropped when it cannot be trusted, and the
shapes still refuse a broken graph."""
from __future__ import annotations

import io
import json
import pickle
import shutil
from pathlib import Path

import pytest
from rdflib import Literal

import kg.increment
import kg.pipeline
import kg.rdf
import kg.records
from kg.analytics import records_networkx, to_networkx
from kg.errors import OutputError, ValidationError
from kg.increment import CACHE_FILE, RECORDS_FILE, batch_texts, graph_texts, read_cache, write_cache
from kg.model import KnowledgeGraph
from kg.pipeline import OUTPUT_FILES, build, render_page, render_records_page
from kg.query import open_store, store_holds
from kg.render import LAYOUT_FILE, read_layout
from kg.rdf import jsonld_context, to_jsonld, to_rdf, to_turtle
from kg.validate import nodes_conform
from kg.vocab import KG, RDF
from kg.writers import jsonld_from_parts, subject_index, subject_texts, turtle_from_parts

from conftest import write_days

DAYS = (
    "Talks in Paris\n\nFrench President Emmanuel Macron met German Chancellor Friedrich Merz in Paris on Monday.\n",
    "Steel deal\n\nMr Macron said France had agreed to buy steel from Tata Steel, which is based in Mumbai.\n",
    "Visit\n\nFriedrich Merz visited Warsaw on Thursday and met Polish Prime Minister Donald Tusk.\n",
)


@pytest.fixture(scope="module")
def days(tmp_path_factory) -> list[Path]:
    return write_days(DAYS, tmp_path_factory.mktemp("days"))


@pytest.fixture(scope="module")
def graphs(nlp, days, tmp_path_factory) -> list[KnowledgeGraph]:
    """The graph of the first day, of the first two, and of all three."""
    folder = tmp_path_factory.mktemp("graphs")
    return [build(days[: i + 1], folder / f"g{i}", nlp=nlp).graph for i in range(len(days))]


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in OUTPUT_FILES}


def test_increment_subject_texts_put_together_are_the_whole_graphs_turtle_and_jsonld(small: KnowledgeGraph) -> None:
    rdf = to_rdf(small)
    texts = subject_texts(rdf, jsonld_context(), subject_index(rdf))
    subjects = list(texts)
    namespaces = {prefix: str(namespace) for prefix, namespace in rdf.namespaces()}
    assert turtle_from_parts(namespaces, [texts[s] for s in subjects], subjects) == to_turtle(rdf)
    assert jsonld_from_parts(jsonld_context(), texts.values()) == to_jsonld(rdf)
    assert sum(t.triples for t in texts.values()) == len(rdf)


def test_increment_texts_of_a_whole_build_are_to_rdfs(graphs) -> None:
    texts = graph_texts(graphs[-1])
    rdf = to_rdf(graphs[-1])
    assert texts.turtle == to_turtle(rdf) and texts.jsonld == to_jsonld(rdf)
    assert texts.triples == len(rdf) and texts.remade == len(texts.cache.subjects)


def test_increment_texts_made_a_few_subjects_at_a_time_are_the_whole_graphs(graphs, monkeypatch) -> None:
    monkeypatch.setattr("kg.increment.ONE_PASS", 3)
    monkeypatch.setattr("kg.increment.BATCH", 3)
    texts = graph_texts(graphs[-1])
    rdf = to_rdf(graphs[-1])
    assert texts.turtle == to_turtle(rdf) and texts.jsonld == to_jsonld(rdf) and texts.rdf is None


def test_increment_batches_made_elsewhere_and_in_any_order_give_the_same_texts(graphs, monkeypatch) -> None:
    monkeypatch.setattr("kg.increment.ONE_PASS", 3)
    monkeypatch.setattr("kg.increment.BATCH", 3)
    seen: list[tuple[str, ...]] = []

    def elsewhere(batches, types):
        # As a cluster would: each batch pickled to another process, the answers back in reverse.
        shipped = [pickle.loads(pickle.dumps(batch)) for batch in batches]
        seen.extend(batch.subjects for batch in shipped)
        return [batch_texts(batch, pickle.loads(pickle.dumps(types))) for batch in reversed(shipped)]

    texts = graph_texts(graphs[-1], maker=elsewhere)
    assert texts.turtle == graph_texts(graphs[-1]).turtle and texts.jsonld == graph_texts(graphs[-1]).jsonld
    subjects = [s for batch in seen for s in batch]
    assert len(seen) > 1 and all(len(batch) <= 3 for batch in seen)
    assert sorted(subjects) == sorted(texts.cache.subjects)


def test_increment_a_batch_made_elsewhere_that_breaks_the_shapes_refuses_the_graph(graphs, monkeypatch) -> None:
    monkeypatch.setattr("kg.increment.ONE_PASS", 3)
    monkeypatch.setattr("kg.increment.BATCH", 3)
    add_entity = kg.rdf._add_entity

    def unlabelled(rdf, entity_id, kind, label, *rest):
        add_entity(rdf, entity_id, kind, "" if entity_id == graphs[-1].entities[-1].entity_id else label, *rest)

    monkeypatch.setattr(kg.rdf, "_add_entity", unlabelled)
    made = []

    def elsewhere(batches, types):
        for batch in batches:
            made.append(batch_texts(batch, types))
            yield made[-1]

    assert graph_texts(graphs[-1], maker=elsewhere) is None
    assert made[-1] is None


def test_increment_keep_is_called_once_the_parts_are_made_and_before_any_batch(graphs) -> None:
    events = []

    def maker(batches, types):
        for batch in batches:
            events.append("batch")
            yield batch_texts(batch, types)

    earlier = graph_texts(graphs[1]).cache
    graph_texts(graphs[2], earlier, maker=maker, keep=lambda: events.append("keep"))
    assert events[0] == "keep" and events.count("keep") == 1 and "batch" in events


def test_increment_the_whole_rdf_is_kept_only_when_asked_for(graphs) -> None:
    kept = graph_texts(graphs[-1], keep_rdf=True).rdf
    assert kept is not None and set(kept) == set(to_rdf(graphs[-1]))
    assert graph_texts(graphs[-1]).rdf is None


def test_increment_a_broken_subject_in_a_later_batch_is_refused(graphs, monkeypatch) -> None:
    monkeypatch.setattr("kg.increment.ONE_PASS", 3)
    monkeypatch.setattr("kg.increment.BATCH", 3)
    add_statement = kg.rdf._add_statement
    last = graphs[-1].statement_ids[-1]

    def broken(rdf, statement, refs):
        add_statement(rdf, statement, refs)
        if refs.node == last:
            rdf.add((kg.rdf.statement_iri(refs.node), KG.confidence, Literal("very sure")))

    monkeypatch.setattr(kg.rdf, "_add_statement", broken)
    assert graph_texts(graphs[-1]) is None


def test_increment_an_update_makes_again_only_what_the_new_article_changes(graphs) -> None:
    earlier = graph_texts(graphs[1]).cache
    updated = graph_texts(graphs[2], earlier)
    whole = graph_texts(graphs[2])
    assert 0 < updated.remade < len(whole.cache.subjects) / 2
    assert (updated.turtle, updated.jsonld, updated.triples) == (whole.turtle, whole.jsonld, whole.triples)
    assert updated.cache == whole.cache


def _write_folder(texts, folder: Path) -> Path:
    """The three files an update reads its cache from, as a build writes them."""
    for name, write in (("graph.ttl", texts.write_turtle), ("graph.jsonld", texts.write_jsonld), (CACHE_FILE, lambda stream: write_cache(texts, stream))):
        with (folder / name).open("w", encoding="utf-8", newline="\n") as stream:
            write(stream)
    return folder / CACHE_FILE


def test_increment_the_cache_reads_back_as_it_was_written(graphs, tmp_path) -> None:
    texts = graph_texts(graphs[1])
    assert read_cache(_write_folder(texts, tmp_path)) == texts.cache


def test_increment_the_cache_keeps_no_copy_of_the_files_it_reads_the_shares_from(graphs, tmp_path) -> None:
    texts = graph_texts(graphs[2])
    cache = _write_folder(texts, tmp_path).read_text(encoding="utf-8")
    for entry in texts.cache.subjects.values():
        for share in (entry.turtle, entry.jsonld):
            assert json.dumps(share, ensure_ascii=False)[1:-1] not in cache


def test_increment_a_builds_shares_are_kept_in_a_file_not_as_text(graphs) -> None:
    texts = graph_texts(graphs[1])
    rdf = to_rdf(graphs[1])
    made = subject_texts(rdf, jsonld_context(), subject_index(rdf))
    for subject, entry in texts.cache.subjects.items():
        held = [getattr(entry, name) for name in entry.__slots__]
        assert made[subject].turtle not in held and made[subject].jsonld not in held
        assert (entry.turtle, entry.jsonld) == (made[subject].turtle, made[subject].jsonld)


def test_increment_shares_kept_in_the_output_folder_leave_no_file_there(graphs, tmp_path) -> None:
    texts = graph_texts(graphs[1], folder=tmp_path)
    assert texts.turtle == graph_texts(graphs[1]).turtle
    assert list(tmp_path.iterdir()) == []


def test_increment_an_update_reads_the_last_builds_shares_from_the_files_it_read_even_once_they_are_replaced(graphs, tmp_path) -> None:
    texts = graph_texts(graphs[1])
    cache = read_cache(_write_folder(texts, tmp_path))
    (tmp_path / "other.ttl").write_text("@prefix ex: <http://example.org/> .\n", encoding="utf-8")
    (tmp_path / "other.ttl").replace(tmp_path / "graph.ttl")  # as the update's own write replaces it
    assert cache == texts.cache
    assert graph_texts(graphs[2], cache).turtle == graph_texts(graphs[2]).turtle


def test_increment_a_file_changed_in_place_after_the_cache_was_read_fails_the_write(graphs, tmp_path) -> None:
    cache = read_cache(_write_folder(graph_texts(graphs[1]), tmp_path))
    updated = graph_texts(graphs[2], cache)
    with (tmp_path / "graph.jsonld").open("ab") as stream:
        stream.write(b" ")
    updated.write_turtle(io.StringIO())
    with pytest.raises(OSError, match="changed since the update read it"):
        updated.write_jsonld(io.StringIO())


WIDE_DAYS = (
    "Talks in Gdańsk\n\nPolish President Andrzej Duda met José Manuel Barroso in Gdańsk on Monday.\n",
    "Visit\n\nJosé Manuel Barroso visited Zürich on Thursday and met Swiss President Karin Keller-Sutter.\n",
)


def test_increment_shares_of_names_written_in_more_than_ascii_are_found_by_their_bytes(nlp, tmp_path) -> None:
    days = write_days(WIDE_DAYS, tmp_path)
    first, both = (build(days[: i + 1], tmp_path / f"g{i}", nlp=nlp).graph for i in range(2))
    folder = tmp_path / "cache"
    folder.mkdir()
    cache = read_cache(_write_folder(graph_texts(first), folder))
    assert "Gdańsk" in (folder / "graph.ttl").read_text(encoding="utf-8")
    updated, whole = graph_texts(both, cache), graph_texts(both)
    assert 0 < updated.remade < len(whole.cache.subjects)
    assert (updated.turtle, updated.jsonld) == (whole.turtle, whole.jsonld)


def test_increment_a_cache_from_another_kg_or_shapes_is_not_read(graphs, tmp_path, monkeypatch) -> None:
    path = _write_folder(graph_texts(graphs[0]), tmp_path)
    monkeypatch.setattr("kg.increment.cache_stamp", lambda: "1; kg 99.0; shapes other; context other")
    assert read_cache(path) is None


def test_increment_a_damaged_cache_is_not_read(graphs, tmp_path) -> None:
    path = _write_folder(graph_texts(graphs[1]), tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    assert read_cache(path) is None
    path.write_text(text.rsplit("\n", 2)[0] + "\n", encoding="utf-8")  # without the shares' places
    assert read_cache(path) is None
    path.write_text("not json\n", encoding="utf-8")
    assert read_cache(path) is None


def test_increment_a_cache_cut_short_is_not_read(graphs, tmp_path) -> None:
    path = _write_folder(graph_texts(graphs[0]), tmp_path)
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[:-2]), encoding="utf-8")
    assert read_cache(path) is None


@pytest.mark.parametrize("name", ["graph.ttl", "graph.jsonld"])
def test_increment_a_cache_is_not_read_once_a_file_it_reads_from_was_edited(graphs, tmp_path, name) -> None:
    path = _write_folder(graph_texts(graphs[1]), tmp_path)
    edited = tmp_path / name
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("Macron", "Macrom"), encoding="utf-8")  # the same size
    assert read_cache(path) is None
    edited.unlink()
    assert read_cache(path) is None


def test_increment_a_grown_folder_whose_turtle_was_edited_equals_one_built_at_once(nlp, days, tmp_path) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    turtle = (grown / "graph.ttl").read_text(encoding="utf-8")
    (grown / "graph.ttl").write_text(turtle.replace("Macron", "Macrom"), encoding="utf-8")
    build(days[2:], grown, nlp=nlp, into=True)
    build(days, whole, nlp=nlp)
    assert _files(grown) == _files(whole)


def _quads(store: Path) -> set:
    return set(open_store(store))


def test_increment_an_update_grows_the_store_instead_of_loading_the_whole_graph(nlp, days, tmp_path, monkeypatch) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp, store=grown / "store")
    build(days, whole, nlp=nlp, store=whole / "store")

    def refused(*args, **kwargs):
        raise AssertionError("the whole Turtle loaded again")

    monkeypatch.setattr("kg.pipeline.fill_store", refused)
    build(days[2:], grown, nlp=nlp, into=True, store=grown / "store")
    assert _quads(grown / "store") == _quads(whole / "store")
    assert _files(grown) == _files(whole)
    assert store_holds(grown / "store") == store_holds(whole / "store") is not None


def test_increment_a_store_holding_another_graph_is_loaded_whole(nlp, days, tmp_path, monkeypatch) -> None:
    grown, other, whole = tmp_path / "grown", tmp_path / "other", tmp_path / "whole"
    store = tmp_path / "store"
    build(days[:2], grown, nlp=nlp, store=store)
    build(days[:1], other, nlp=nlp, store=store)  # the store now holds another folder's graph
    build(days, whole, nlp=nlp, store=whole / "store")

    def refused(*args, **kwargs):
        raise AssertionError("a store of another graph grown")

    monkeypatch.setattr("kg.pipeline.grow_store", refused)
    build(days[2:], grown, nlp=nlp, into=True, store=store)
    assert _quads(store) == _quads(whole / "store")


def test_increment_a_grown_folder_with_a_damaged_cache_equals_one_built_at_once(nlp, days, tmp_path) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    (grown / CACHE_FILE).write_text("{\"kind\": \"header\"", encoding="utf-8")
    build(days[2:], grown, nlp=nlp, into=True)
    build(days, whole, nlp=nlp)
    assert _files(grown) == _files(whole)


def test_increment_an_update_copies_the_statement_records_it_already_has(nlp, days, tmp_path, monkeypatch) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    made = []
    record = kg.records.statement_record
    monkeypatch.setattr("kg.records.statement_record", lambda *args: made.append(args[0]) or record(*args))
    statements = build(days[2:], grown, nlp=nlp, into=True).graph.statements
    monkeypatch.undo()
    build(days, whole, nlp=nlp)
    assert 0 < len(made) < len(statements)
    assert _files(grown) == _files(whole)


def test_increment_an_update_copies_the_archives_extractions_and_makes_only_the_new_ones(nlp, days, tmp_path, monkeypatch) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    made = []
    record = kg.pipeline.extraction_record
    monkeypatch.setattr("kg.pipeline.extraction_record", lambda extraction: made.append(extraction.document.doc_id) or record(extraction))
    new = build(days[2:], grown, nlp=nlp, into=True).graph.documents
    monkeypatch.undo()
    build(days, whole, nlp=nlp)
    assert len(made) == 1 and len(new) == 3
    assert _files(grown) == _files(whole)


def test_increment_an_extractions_file_whose_last_line_lost_its_line_feed_still_grows_whole(nlp, days, tmp_path) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    extractions = grown / "extractions.jsonl"
    extractions.write_bytes(extractions.read_bytes().rstrip(b"\n"))
    build(days[2:], grown, nlp=nlp, into=True)
    build(days, whole, nlp=nlp)
    assert _files(grown) == _files(whole)


def test_increment_an_edited_statements_file_is_not_copied_from(nlp, days, tmp_path) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    records = grown / RECORDS_FILE
    records.write_text(records.read_text(encoding="utf-8").replace("Macron", "Macrom"), encoding="utf-8")  # the same size
    build(days[2:], grown, nlp=nlp, into=True)
    build(days, whole, nlp=nlp)
    assert _files(grown) == _files(whole)


def test_increment_a_statements_file_changed_while_an_update_copies_from_it_fails_the_update(nlp, days, tmp_path, monkeypatch) -> None:
    grown = tmp_path / "grown"
    build(days[:2], grown, nlp=nlp)
    before = _files(grown)
    checked = kg.increment._records_file

    def changed_after_the_check(path, expected):
        found = checked(path, expected)
        return (found[0], found[1], found[2] ^ 1) if found is not None else None

    monkeypatch.setattr("kg.increment._records_file", changed_after_the_check)
    with pytest.raises(OutputError, match="changed while the update read it"):
        build(days[2:], grown, nlp=nlp, into=True)
    assert _files(grown) == before


def test_increment_every_output_of_a_grown_folder_equals_one_built_at_once(nlp, days, tmp_path) -> None:
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    for i, day in enumerate(days):
        build([day], grown, nlp=nlp, into=i > 0)
    build(days, whole, nlp=nlp)
    assert _files(grown) == _files(whole)


def test_increment_a_grown_page_keeps_where_the_last_page_put_things_and_the_graph_equals_one_built_at_once(nlp, days, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("kg.render.LAYOUT_THRESHOLD", 3)  # the page is laid out here, not in the browser
    monkeypatch.setattr("kg.render.REDRAW_SHARE", 1.0)  # and kept however much it grows
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    before = read_layout(grown / LAYOUT_FILE)
    build(days[2:], grown, nlp=nlp, into=True)
    build(days, whole, nlp=nlp)
    after = read_layout(grown / LAYOUT_FILE)
    assert before.positions and set(before.positions) < set(after.positions)
    assert all(after.positions[node] == place and after.communities[node] == before.communities[node] for node, place in before.positions.items())
    assert after.added == len(after.positions) - len(before.positions)
    same = [name for name in OUTPUT_FILES if name not in ("graph.html", LAYOUT_FILE)]
    assert {name: _files(grown)[name] for name in same} == {name: _files(whole)[name] for name in same}


def test_increment_an_update_told_to_relayout_equals_a_build_at_once_in_every_file(nlp, days, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr("kg.render.LAYOUT_THRESHOLD", 3)
    monkeypatch.setattr("kg.render.REDRAW_SHARE", 1.0)
    grown, whole = tmp_path / "grown", tmp_path / "whole"
    build(days[:2], grown, nlp=nlp)
    build(days[2:], grown, nlp=nlp, into=True, relayout=True)
    build(days, whole, nlp=nlp)
    assert _files(grown) == _files(whole)


def test_increment_an_update_whose_new_statement_breaks_the_shapes_is_refused(nlp, days, tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    build(days[:2], out, nlp=nlp)
    before = _files(out)
    add_statement = kg.rdf._add_statement

    def broken(rdf, statement, refs):
        add_statement(rdf, statement, refs)
        if "Warsaw" in statement.evidence.sentence:
            rdf.add((kg.rdf.statement_iri(refs.node), KG.confidence, Literal("very sure")))

    monkeypatch.setattr(kg.rdf, "_add_statement", broken)
    with pytest.raises(ValidationError, match="confidence"):
        build(days[2:], out, nlp=nlp, into=True)
    assert _files(out) == before


def test_increment_focus_nodes_are_checked_with_the_types_of_what_they_point_to(small: KnowledgeGraph) -> None:
    rdf = to_rdf(small)
    index = subject_index(rdf)
    statement = next(iter(rdf.subjects(RDF.type, KG.Statement)))
    pointed = {o for objects in index[statement].values() for o in objects if o in index}
    view = {statement: index[statement]} | {node: {RDF.type: index[node][RDF.type]} for node in pointed}
    assert nodes_conform(view, {statement})
    # Without its subject's type the statement's kg:subject no longer points to an entity.
    del view[rdf.value(statement, KG.subject)]
    assert not nodes_conform(view, {statement})


def test_increment_the_graph_of_the_records_is_the_graph_of_their_rdf(graphs) -> None:
    rdf = to_rdf(graphs[-1])
    for hedged in (True, False):
        made, read = records_networkx(graphs[-1], include_hedged=hedged), to_networkx(rdf, include_hedged=hedged)
        assert list(made.nodes(data=True)) == list(read.nodes(data=True))
        assert list(made.edges(keys=True, data=True)) == list(read.edges(keys=True, data=True))


def test_increment_the_graph_of_the_records_file_is_the_graph_of_the_records(graphs) -> None:
    # What statements.jsonl holds is enough to draw the page: no graph resolved again.
    import json

    from kg.analytics import jsonl_networkx
    from kg.records import record_lines

    records = [json.loads(line) for line in record_lines(graphs[-1])]
    for hedged in (True, False):
        made, read = records_networkx(graphs[-1], include_hedged=hedged), jsonl_networkx(records, include_hedged=hedged)
        assert list(made.nodes(data=True)) == list(read.nodes(data=True))
        assert list(made.edges(keys=True, data=True)) == list(read.edges(keys=True, data=True))


def test_increment_the_page_drawn_from_the_records_is_the_page_of_their_rdf(graphs) -> None:
    rdf = to_rdf(graphs[-1])
    texts = graph_texts(graphs[-1])
    assert render_records_page(graphs[-1], texts.turtle, texts.triples) == render_page(rdf)


def test_increment_the_shapes_read_nothing_of_another_node_but_its_type() -> None:
    """What lets an update check only the changed subjects: a shape used on a value (sh:node)
    looks at the value's IRI and its rdf:type, nothing else of it."""
    from rdflib.collection import Collection

    from kg.validate import load_shapes
    from kg.vocab import RDFS, SH

    shapes = load_shapes()
    allowed = {RDF.type, RDFS.label, RDFS.comment, SH.message, SH.severity, SH.nodeKind, SH.pattern, SH["class"], SH["or"]}
    todo = list(shapes.objects(None, SH.node))
    seen = set()
    while todo:
        shape = todo.pop()
        if shape in seen:
            continue
        seen.add(shape)
        assert set(shapes.predicates(shape)) <= allowed, shape
        for members in shapes.objects(shape, SH["or"]):
            todo.extend(Collection(shapes, members))
    assert seen, "no shape is used through sh:node"


def test_increment_subjects_written_without_the_check_are_checked_at_the_next_update(graphs) -> None:
    unchecked = graph_texts(graphs[1], check=False).cache
    assert not unchecked.checked
    updated = graph_texts(graphs[2], unchecked)
    assert updated.remade == len(updated.cache.subjects) and updated.cache.checked


def test_increment_the_page_drawn_from_the_records_file_is_the_page_drawn_from_the_graph(graphs) -> None:
    # The page of a graph kept as its files: statements.jsonl and the documents, no graph.
    import json

    from kg.pipeline import _records_page_data, page_data_from_records
    from kg.records import record_lines

    records = [json.loads(line) for line in record_lines(graphs[-1])]
    assert page_data_from_records(records, graphs[-1].documents) == _records_page_data(graphs[-1])


# --- updates from the folder's kept state ------------------------------------------------------


def _grow_days(nlp, days, out: Path, keep: bool = True):
    results = []
    for i, day in enumerate(days):
        if not keep and (out / "kept").exists():
            shutil.rmtree(out / "kept")
        results.append(build([day], out, nlp=nlp, into=True))
    return results


def test_increment_a_folder_grown_with_into_keeps_its_archive_s_state(nlp, days, tmp_path) -> None:
    build(days[:1], tmp_path / "built", nlp=nlp)
    assert not (tmp_path / "built" / "kept").exists()  # -o leaves none: it is for folders that grow
    _grow_days(nlp, days[:1], tmp_path / "grown")
    assert (tmp_path / "grown" / "kept" / "archive.sqlite").exists()


def test_increment_an_update_from_the_kept_state_writes_what_the_whole_way_writes(nlp, days, tmp_path) -> None:
    kept = _grow_days(nlp, days, tmp_path / "kept")
    whole = _grow_days(nlp, days, tmp_path / "whole", keep=False)
    # The updates read the kept state (no graph made) where it was there.
    assert all(r.made_graph is None for r in kept[1:]) and all(r.made_graph is not None for r in whole)
    assert _files(tmp_path / "kept") == _files(tmp_path / "whole")
    assert [r.changes for r in kept] == [r.changes for r in whole]
    assert kept[-1].graph == whole[-1].graph
    assert kept[-1].summary() == whole[-1].summary()


def test_increment_a_kept_state_of_other_code_is_set_aside_and_kept_anew(nlp, days, tmp_path, monkeypatch) -> None:
    import kg.kept

    out = tmp_path / "grown"
    _grow_days(nlp, days[:2], out)
    monkeypatch.setattr(kg.kept, "FORMAT", kg.kept.FORMAT + " edited")
    result = build(days[2:], out, nlp=nlp, into=True)
    assert result.made_graph is not None  # the whole way
    build(days, tmp_path / "whole", nlp=nlp)
    assert _files(out) == _files(tmp_path / "whole")
    reopened = kg.kept.Store(out / "kept" / "archive.sqlite")  # kept again, by this code (else it raises)
    reopened.connection.close()


UNRELATED = [
    "Angela Merkel met Emmanuel Macron in Berlin on Monday to discuss the budget.",
    "Shares in Vodafone rose 3% after the company reported higher sales in Germany.",
    "Toyota recalled 50,000 cars in Japan after a fault was found in their brakes.",
]


def test_increment_an_update_from_the_kept_state_parses_no_earlier_article_it_does_not_read_again(nlp, tmp_path, monkeypatch) -> None:
    days = write_days(UNRELATED, _folder(tmp_path / "days"))
    out = tmp_path / "grown"
    _grow_days(nlp, days[:2], out)
    parsed = []
    real = kg.pipeline.extraction_from_record
    monkeypatch.setattr(kg.pipeline, "extraction_from_record", lambda record: parsed.append(record["document"]["doc_id"]) or real(record))
    result = build(days[2:], out, nlp=nlp, into=True)
    assert result.made_graph is None and parsed == []  # kept state used, no earlier article parsed
    monkeypatch.undo()
    build(days, tmp_path / "whole", nlp=nlp)
    assert _files(out) == _files(tmp_path / "whole")


def test_increment_the_kept_state_tells_an_article_already_in_by_its_text_or_its_id(nlp, tmp_path) -> None:
    def articles(name: str, *records: tuple[str, str]) -> Path:
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records), encoding="utf-8")
        return path

    out = tmp_path / "grown"
    build([articles("monday", ("a", UNRELATED[0]))], out, nlp=nlp, into=True)
    build([articles("tuesday", ("b", UNRELATED[1]))], out, nlp=nlp, into=True)
    before = _files(out)
    # The same text under another id, and an id in use with another text.
    result = build([articles("wednesday", ("c", UNRELATED[0]), ("b", UNRELATED[2]))], out, nlp=nlp, into=True)
    assert result.made_graph is None and _files(out) == before
    assert len(result.skipped) == 1 and "id 'b' is already used" in result.skipped[0] and "tuesday.jsonl" in result.skipped[0]


def test_increment_a_kept_state_that_lists_other_articles_than_the_folder_is_set_aside(nlp, tmp_path) -> None:
    days = write_days(UNRELATED, _folder(tmp_path / "days"))
    _grow_days(nlp, days[:1], tmp_path / "other")
    out = tmp_path / "grown"
    _grow_days(nlp, days[1:2], out)
    shutil.copyfile(tmp_path / "other" / "kept" / "archive.sqlite", out / "kept" / "archive.sqlite")
    result = build(days[2:], out, nlp=nlp, into=True)
    assert result.made_graph is not None  # the whole way, and the state kept anew from the folder
    build(days[1:], tmp_path / "whole", nlp=nlp)
    assert _files(out) == _files(tmp_path / "whole")
    assert result.graph == build(days[1:], tmp_path / "whole2", nlp=nlp).graph


def _folder(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
