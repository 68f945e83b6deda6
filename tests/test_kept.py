"""Tests for kg.kept: resolution kept between updates and re-decided only where new documents
touch it equals resolve_mentions on all documents at once, after every update."""
from __future__ import annotations

import pytest

from kg.kept import KeptResolution
from kg.model import Document, Extraction, Mention
from kg.pipeline import extract_all
from kg.resolve import resolution_inputs, resolve_mentions
from tests.test_blocks import ARTICLES
from tests.test_resolve import _Texts


@pytest.fixture(scope="module")
def extractions(nlp) -> list[Extraction]:
    return extract_all([Document(doc_id, text, f"{doc_id}.txt") for doc_id, text in ARTICLES.items()], nlp)


def _span(m: Mention) -> tuple[str, int, int]:
    return (m.doc_id, m.start, m.end)


def _grown(documents: list[list[Mention]], offices: dict | None = None) -> KeptResolution:
    kept = KeptResolution()
    for mentions in documents:
        doc_ids = {m.doc_id for m in mentions}
        kept.update(mentions, {pair: heads for pair, heads in (offices or {}).items() if pair[0] in doc_ids})
    return kept


def test_kept_grown_article_by_article_equals_resolving_everything_at_once(extractions) -> None:
    kept = KeptResolution()
    for n, extraction in enumerate(extractions, start=1):
        kept.update(*resolution_inputs([extraction]))
        assert kept.result() == resolve_mentions(*resolution_inputs(extractions[:n]))


def test_kept_articles_added_in_any_order_give_the_same_entities(extractions) -> None:
    forwards, backwards = KeptResolution(), KeptResolution()
    for extraction in extractions:
        forwards.update(*resolution_inputs([extraction]))
    for extraction in reversed(extractions):
        backwards.update(*resolution_inputs([extraction]))
    assert forwards.result() == backwards.result()


def test_kept_one_word_name_joins_the_fuller_name_of_an_earlier_article() -> None:
    t = _Texts()
    full, short = t.person("a", "David Frost"), t.person("b", "Mr Frost", "Frost")
    kept = _grown([[full], [short]])
    assert kept.result()[1][_span(short)] == "person/david-frost"


def test_kept_a_second_fuller_name_undoes_the_join_and_says_which_spans_moved() -> None:
    t = _Texts()
    full, short, other = t.person("a", "David Frost"), t.person("b", "Mr Frost", "Frost"), t.person("c", "Ralph Frost")
    kept = _grown([[full], [short]])
    changes = kept.update([other])
    assert kept.result() == resolve_mentions([full, short, other])
    assert changes.mapping[_span(short)] == "person/frost--b"
    assert _span(full) not in changes.mapping  # David Frost's own mention did not move
    assert "person/david-frost" in {e.entity_id for e in changes.entities}  # it lost a mention


def test_kept_removing_the_second_fuller_name_restores_the_join() -> None:
    t = _Texts()
    full, short, other = t.person("a", "David Frost"), t.person("b", "Mr Frost", "Frost"), t.person("c", "Ralph Frost")
    kept = _grown([[full], [short], [other]])
    changes = kept.update([], removed=["c"])
    assert kept.result() == resolve_mentions([full, short])
    assert changes.gone == {"person/ralph-frost", "person/frost--b"}


def test_kept_a_key_named_in_more_articles_stops_vouching_for_a_one_word_name() -> None:
    # "Frost" of b joins David Frost of a while Ofcom is rare (named in at most 2 of the
    # documents); a third article naming Ofcom makes it common, and the join is undone.
    t = _Texts()
    a = [t.person("a", "David Frost"), t.mention("a", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    b = [t.person("b", "Frost"), t.mention("b", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    c = [t.mention("c", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    kept = _grown([a, b])
    assert kept.result()[1][_span(b[0])] == "person/david-frost"
    kept.update(c)
    assert kept.result() == resolve_mentions(a + b + c)
    assert kept.result()[1][_span(b[0])] == "person/frost--b"


def test_kept_more_documents_raise_the_rare_limit_and_a_key_vouches_again() -> None:
    # Three articles of 200 is rare again (2% is 4): adding documents that name other things
    # alone brings the join back, though no name of the surname changed.
    t = _Texts()
    a = [t.person("a", "David Frost"), t.mention("a", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    b = [t.person("b", "Frost"), t.mention("b", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    c = [t.mention("c", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    kept = _grown([a, b, c])
    others = [t.mention(f"z{i:03d}", "Paris", "City", "Paris", "city:paris") for i in range(197)]
    changes = kept.update(others)
    assert changes.mapping[_span(b[0])] == "person/david-frost"
    assert kept.result() == resolve_mentions(a + b + c + others)


def test_kept_an_acronym_joins_its_one_expansion_until_a_second_appears() -> None:
    t = _Texts()
    expanded = t.mention("a", "IMF", "Organization", "International Monetary Fund", "organization:international monetary fund")
    bare = t.mention("b", "IMF", "Organization", "IMF", "organization:imf")
    other = t.mention("c", "IMF", "Organization", "Indian Mountaineering Foundation", "organization:indian mountaineering foundation")
    kept = _grown([[expanded], [bare]])
    assert kept.result()[1][_span(bare)] == "organization/international-monetary-fund"
    kept.update([other])
    assert kept.result() == resolve_mentions([expanded, bare, other])
    assert kept.result()[1][_span(bare)] == "organization/imf"


def test_kept_an_office_keeps_a_one_word_name_from_another_article_s_other_office_holder() -> None:
    t = _Texts()
    a, b = t.person("a", "President Carter", "Carter"), t.person("b", "Matt Carter")
    offices = {("a", "person:carter"): {"president"}, ("b", "person:matt carter"): {"secretary"}}
    kept = _grown([[b], [a]], offices)
    assert kept.result() == resolve_mentions([a, b], offices)
    assert kept.result()[1][_span(a)] != "person/matt-carter"


def test_kept_a_document_given_again_replaces_the_one_kept() -> None:
    t = _Texts()
    full, short = t.person("a", "David Frost"), t.person("b", "Mr Frost", "Frost")
    replaced = t.person("b", "Mr Yentob", "Yentob")
    kept = _grown([[full], [short]])
    kept.update([replaced])
    assert kept.result() == resolve_mentions([full, replaced])
    assert kept.documents == 2


def test_kept_ids_in_one_family_follow_their_keys_as_labels_come_and_go() -> None:
    # Mercedes-Benz and Mercedes Benz are one spelling; "Mercedes-Benz Group" slugs apart.
    t = _Texts()
    one = t.mention("a", "Mercedes-Benz", "Organization", "Mercedes-Benz", "organization:mercedes-benz")
    two = t.mention("b", "Mercedes Benz", "Organization", "Mercedes Benz", "organization:mercedes benz")
    kept = _grown([[one], [two]])
    assert kept.result() == resolve_mentions([one, two])
    kept.update([], removed=["a"])
    assert kept.result() == resolve_mentions([two])


def _article(t: _Texts, doc_id: str, person: str, organisation: str) -> list[Mention]:
    return [t.person(doc_id, person), t.mention(doc_id, organisation, "Organization", organisation, f"organization:{organisation.lower()}")]


def test_kept_in_a_file_equals_resolving_everything_at_once_after_each_reopening(tmp_path, extractions) -> None:
    path = tmp_path / "kept.sqlite"
    for n, extraction in enumerate(extractions, start=1):
        kept = KeptResolution.open(path)
        kept.update(*resolution_inputs([extraction]))
        kept.save()
        kept.close()
        kept = KeptResolution.open(path)
        assert kept.result() == resolve_mentions(*resolution_inputs(extractions[:n]))
        kept.close()


def test_kept_in_a_file_forgets_a_removed_document(tmp_path) -> None:
    t = _Texts()
    full, short, other = t.person("a", "David Frost"), t.person("b", "Mr Frost", "Frost"), t.person("c", "Ralph Frost")
    kept = KeptResolution.open(tmp_path / "kept.sqlite")
    kept.update([full, short, other])
    kept.save()
    kept.close()
    kept = KeptResolution.open(tmp_path / "kept.sqlite")
    kept.update([], removed=["c"])
    kept.save()
    kept.close()
    kept = KeptResolution.open(tmp_path / "kept.sqlite")
    assert kept.result() == resolve_mentions([full, short]) and kept.documents == 2


def test_kept_in_a_file_an_update_reads_as_many_rows_whatever_the_archive(tmp_path) -> None:
    # Articles each naming their own person and company; the new one names another pair: its
    # update reads its own rows (document, keys, surname, groups, families), none of the archive's.
    def rows_read(archive: int) -> int:
        t = _Texts()
        path = tmp_path / f"kept-{archive}.sqlite"
        kept = KeptResolution.open(path)
        kept.update([m for i in range(archive) for m in _article(t, f"d{i:04d}", f"Anna Person{i}", f"Firm{i} Ltd")])
        kept.save()
        kept.close()
        kept = KeptResolution.open(path)
        kept.update(_article(t, "new", "Ben Newcomer", "Newco Ltd"))
        return kept.rows_read

    assert rows_read(40) == rows_read(400) <= 10


# --- the corpus's typing and naming, kept -----------------------------------------------------


def _settled_at_once(extractions: list[Extraction]) -> dict[str, Extraction]:
    from kg.resolve import settle_names, settle_types

    ordered = sorted(extractions, key=lambda e: e.document.doc_id)
    return {e.document.doc_id: e for e in settle_names(settle_types(ordered))}


def test_kept_names_a_later_article_retypes_an_earlier_one_and_says_so() -> None:
    # "Ryanair" a person in d3 is a company once two articles call it one.
    from kg.kept import KeptNames
    from tests.test_resolve import _company, _extraction

    t = _Texts()
    d1, d2 = _extraction("d1", [_company(t, "d1", "Ryanair")]), _extraction("d2", [_company(t, "d2", "Ryanair")])
    d3 = _extraction("d3", [t.person("d3", "Ryanair")])
    kept = KeptNames()
    assert kept.update([d3, d1]) == frozenset()
    assert kept.update([d2]) == {"d3"}
    settled = _settled_at_once([d1, d2, d3])
    assert [kept.settle(e) for e in (d1, d2, d3)] == [settled["d1"], settled["d2"], settled["d3"]]
    assert kept.settle(d3).mentions[0].type == "Organization"


def test_kept_names_the_fed_follows_the_name_it_shares_most_articles_with_as_they_come() -> None:
    from kg.kept import KeptNames
    from tests.test_resolve import _company, _extraction

    t = _Texts()
    both = [_extraction(d, [_company(t, d, "Fed"), _company(t, d, "Federal Reserve")]) for d in ("d1", "d2")]
    rival = [_extraction(d, [_company(t, d, "Fed"), _company(t, d, "Federal Express Corp")]) for d in ("d3", "d4")]
    kept = KeptNames()
    kept.update(both)
    assert kept.settle(both[0]) == _settled_at_once(both)["d1"] != both[0]  # "Fed" is the Federal Reserve
    assert kept.update(rival) == {"d1", "d2"}  # now it clips two names equally: neither
    assert kept.settle(both[0]) == both[0] == _settled_at_once(both + rival)["d1"]
    assert kept.update([], removed=["d3", "d4"]) == {"d1", "d2"}
    assert kept.settle(both[0]) == _settled_at_once(both)["d1"]


def test_kept_names_the_commons_in_a_file_reopened(tmp_path) -> None:
    from kg.kept import KeptNames
    from tests.test_resolve import _company, _extraction

    t = _Texts()
    d1 = _extraction("d1", [_company(t, "d1", "Commons")])
    d2 = _extraction("d2", [_company(t, "d2", "House of Commons")])
    kept = KeptNames.open(tmp_path / "kept.sqlite")
    kept.update([d1])
    kept.save()
    kept.close()
    kept = KeptNames.open(tmp_path / "kept.sqlite")
    assert kept.update([d2]) == {"d1"}
    assert kept.settle(d1) == _settled_at_once([d1, d2])["d1"]
    assert kept.settle(d1).mentions[0].key == "organization:house of commons"


def test_kept_names_settle_every_article_as_the_corpus_does(extractions) -> None:
    from kg.kept import KeptNames

    kept = KeptNames()
    for n, extraction in enumerate(extractions, start=1):
        kept.update([extraction])
        settled = _settled_at_once(extractions[:n])
        assert all(kept.settle(e) == settled[e.document.doc_id] for e in extractions[:n])


# --- typing, naming and resolution together ---------------------------------------------------


def _resolved_at_once(extractions: list[Extraction]):
    return resolve_mentions(*resolution_inputs(_settled_at_once(extractions).values()))


def test_kept_archive_grown_article_by_article_equals_settling_and_resolving_at_once(extractions) -> None:
    from kg.kept import KeptArchive

    archive = KeptArchive()
    for n, extraction in enumerate(extractions, start=1):
        archive.update([extraction], lambda ids: [e for e in extractions if e.document.doc_id in ids])
        assert archive.resolution.result() == _resolved_at_once(extractions[:n])


def test_kept_archive_reads_again_only_the_article_a_new_one_retypes(tmp_path) -> None:
    from kg.kept import KeptArchive
    from tests.test_resolve import _company, _extraction

    t = _Texts()
    stray = _extraction("d3", [t.person("d3", "Ryanair"), t.person("d3", "Michael O'Leary")])
    first, second = _extraction("d1", [_company(t, "d1", "Ryanair")]), _extraction("d2", [_company(t, "d2", "Ryanair")])
    asked: list[list[str]] = []

    def archived(ids: list[str]) -> list[Extraction]:
        asked.append(ids)
        return [e for e in (first, second, stray) if e.document.doc_id in ids]

    archive = KeptArchive.open(tmp_path / "kept.sqlite")
    archive.update([stray, first], archived)
    archive.save()
    archive.close()
    archive = KeptArchive.open(tmp_path / "kept.sqlite")
    changes = archive.update([second], archived)
    assert asked == [["d3"]]
    assert archive.resolution.result() == _resolved_at_once([first, second, stray])
    assert changes.mapping[("d3", 0, len("Ryanair"))] == "organization/ryanair"
    assert "person/ryanair--d3" in changes.gone


def test_kept_a_file_kept_by_another_layout_is_refused(tmp_path) -> None:
    import sqlite3

    from kg.errors import OutputError

    path = tmp_path / "kept.sqlite"
    KeptResolution.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE rows SET value = ? WHERE kind = 'format'", (b"kg.kept/0 0.0",))
    with pytest.raises(OutputError, match="kept by kg.kept/0"):
        KeptResolution.open(path)


def test_kept_a_file_that_is_not_sqlite_is_refused(tmp_path) -> None:
    from kg.errors import OutputError

    path = tmp_path / "kept.sqlite"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(OutputError, match="not a kept resolution"):
        KeptResolution.open(path)


# --- the holders of offices named by description, kept ----------------------------------------


def _articles(nlp, texts: dict[str, str]) -> dict[str, Extraction]:
    from kg.extract import extract_documents
    from kg.nlp import parse_documents

    documents = [Document(doc_id, t, "test", segments=((0, len(t)),)) for doc_id, t in texts.items()]
    return {e.document.doc_id: e for e in extract_documents(parse_documents(nlp, documents), classifier=None)}


def _holders_at_once(extractions: list[Extraction]):
    from kg.resolve import description_holders

    settled = list(_settled_at_once(extractions).values())
    _, entity_of = resolve_mentions(*resolution_inputs(settled))
    return description_holders(settled, [s for e in settled for s in e.statements], entity_of)


@pytest.mark.model
def test_kept_holders_a_second_holder_named_later_leaves_a_description_open(nlp) -> None:
    # "the chairman" of b is Matthew Barrett while only he is said to chair something; once c says
    # John Bond, whom b names too, chairs HSBC, b's chairman is open again.
    from kg.kept import KeptArchive

    texts = {
        "a": "Matthew Barrett, chairman of Barclays, spoke in London on Monday.",
        "b": "Matthew Barrett and John Bond met in London. The chairman said profits would rise.",
        "c": "John Bond, chairman of HSBC, agreed with the plan.",
    }
    articles = _articles(nlp, texts)
    archive = KeptArchive()

    def add(doc_id: str) -> dict:
        return archive.update([articles[doc_id]], lambda ids: [articles[i] for i in ids]).holders

    add("a")
    found = add("b")
    (span,) = found
    assert found[span].text == "Matthew Barrett"
    assert archive.holders.holders("b") == _holders_at_once([articles["a"], articles["b"]])
    assert add("c") == {span: None}
    assert archive.holders.holders("b") == {} == _holders_at_once(list(articles.values()))


@pytest.mark.model
def test_kept_holders_removing_the_second_holder_s_article_restores_the_holder(nlp, tmp_path) -> None:
    from kg.kept import KeptArchive

    articles = _articles(nlp, {
        "a": "Matthew Barrett, chairman of Barclays, spoke in London on Monday.",
        "b": "Matthew Barrett and John Bond met in London. The chairman said profits would rise.",
        "c": "John Bond, chairman of HSBC, agreed with the plan.",
    })
    archive = KeptArchive.open(tmp_path / "kept.sqlite")
    archive.update(list(articles.values()), lambda ids: [articles[i] for i in ids])
    archive.save()
    archive.close()
    archive = KeptArchive.open(tmp_path / "kept.sqlite")
    found = archive.update([], lambda ids: [articles[i] for i in ids], removed=["c"]).holders
    assert [m.text for m in found.values()] == ["Matthew Barrett"]
    assert archive.holders.holders("b") == _holders_at_once([articles["a"], articles["b"]])


def test_kept_a_one_word_name_is_not_vouched_for_by_its_own_article_naming_the_fuller_name() -> None:
    # d names Tony Blair, Ian Blair and a bare "Blair": two fuller names in its own article, so
    # the corpus's usual Blair (named in 12 articles) is the candidate. Ofcom, which only d names,
    # vouches for nothing: the fuller name's *other* articles must share it.
    t = _Texts()
    usual = [[t.person(f"u{i:02d}", "Tony Blair"), t.mention(f"u{i:02d}", f"Firm{i}", "Organization", f"Firm{i}", f"organization:firm{i}")]
             for i in range(12)]
    d = [t.person("d", "Tony Blair"), t.person("d", "Ian Blair"), t.person("d", "Blair"),
         t.mention("d", "Ofcom", "Organization", "Ofcom", "organization:ofcom")]
    kept = _grown([*usual, d])
    assert kept.result() == resolve_mentions([m for doc in [*usual, d] for m in doc])
    assert kept.result()[1][_span(d[2])] == "person/blair--d"


# --- offices and tidied statements, kept -------------------------------------------------------


def _graph_at_once(extractions: list[Extraction]):
    from kg.resolve import resolve_graph

    return resolve_graph(extractions)


def _kept_graph(archive, extractions: list[Extraction]):
    return archive.graph(e.document for e in sorted(extractions, key=lambda e: e.document.doc_id))


def _offices_of(graph, doc_id: str) -> list[tuple[str, str | None]]:
    return [(s.object.mention or s.object.title).name + "@" + str(s.object.mention.key if s.object.mention else None)
            for s in graph.statements if s.evidence.doc_id == doc_id and s.predicate == "holdsPosition"]


def test_kept_archive_grown_article_by_article_equals_the_graph_built_at_once(extractions) -> None:
    from kg.kept import KeptArchive

    archive = KeptArchive()
    for n, extraction in enumerate(extractions, start=1):
        archive.update([extraction], lambda ids: [e for e in extractions if e.document.doc_id in ids])
        assert _kept_graph(archive, extractions[:n]) == _graph_at_once(extractions[:n])


def _counts_at_once(graph) -> dict:
    from kg.rdf import entity_counts

    return entity_counts((node, graph.entity_id(s.subject), graph.entity_id(s.object.mention) if s.object.mention else None)
                         for s, node in zip(graph.statements, graph.statement_ids))


def test_kept_counts_grown_article_by_article_equal_the_graph_s_at_once(extractions) -> None:
    from kg.kept import KeptArchive

    archive = KeptArchive()
    for n, extraction in enumerate(extractions, start=1):
        changes = archive.update([extraction], lambda ids: [e for e in extractions if e.document.doc_id in ids])
        at_once = _counts_at_once(_graph_at_once(extractions[:n]))
        assert archive.counts.counts() == at_once
        # What the update says changed is what changed.
        assert all(at_once.get(entity_id) == counts for entity_id, counts in changes.counts.items())


_OFFICES = {
    "a": "Chancellor Gordon Brown said taxes would not rise this year. He spoke in Leeds.",
    "b": "UK Chancellor Gordon Brown flew to Washington on Friday.",
    "c": "Labour MP Ann Clwyd said shadow home secretary David Davis was wrong.",
    "d": "Tory MP David Davis said the plan would fail.",
    "e": "Apple chief executive Steve Jobs showed a new phone in San Francisco.",
    "x": "Chancellor Gordon Brown said Britain would grow faster than expected. Britain's jobless total fell again.",
}


@pytest.mark.model
def test_kept_offices_a_later_article_stating_the_owner_gives_an_earlier_bare_title_its_office(nlp) -> None:
    from kg.kept import KeptArchive

    articles = _articles(nlp, _OFFICES)
    archive = KeptArchive()
    archive.update([articles["a"], articles["e"]], lambda ids: [articles[i] for i in ids])
    assert _offices_of(_kept_graph(archive, [articles["a"]]), "a") == ["Chancellor@None"]
    changes = archive.update([articles["b"]], lambda ids: [articles[i] for i in ids])
    grown = _kept_graph(archive, [articles[i] for i in "abe"])
    assert _offices_of(grown, "a") == ["Chancellor@position:chancellor@country/united-kingdom"]
    # Article e reads nothing the new article changed, so it is not tidied again.
    assert changes.offices.documents == {"a", "b"}
    assert grown == _graph_at_once([articles[i] for i in "abe"])


@pytest.mark.model
def test_kept_offices_a_shadow_post_follows_its_holder_s_party_as_articles_come_and_go(nlp, tmp_path) -> None:
    from kg.kept import KeptArchive

    articles = _articles(nlp, _OFFICES)

    def update(given: str, removed: str = "") -> None:
        archive = KeptArchive.open(tmp_path / "kept.sqlite")
        archive.update([articles[i] for i in given], lambda ids: [articles[i] for i in ids], removed=list(removed))
        archive.save()
        archive.close()

    def grown(live: str):
        archive = KeptArchive.open(tmp_path / "kept.sqlite")
        try:
            graph = _kept_graph(archive, [articles[i] for i in live])
            assert archive.counts.counts() == _counts_at_once(graph)
            return graph
        finally:
            archive.close()

    update("c")
    assert "shadow home secretary@None" in _offices_of(grown("c"), "c")
    update("d")
    assert "shadow home secretary@position:shadow home secretary@organization/conservative-party" in _offices_of(grown("cd"), "c")
    assert grown("cd") == _graph_at_once([articles["c"], articles["d"]])
    update("", removed="d")
    assert grown("c") == _graph_at_once([articles["c"]])


@pytest.mark.model
def test_kept_offices_an_owner_decided_in_a_later_article_reaches_the_same_title_of_an_earlier_one(nlp) -> None:
    # x names no owner either, but is about Britain, so its Chancellor is the UK's; a's Chancellor
    # Brown takes the owner the corpus decided for his same title elsewhere, without a's own
    # decisions changing.
    from kg.kept import KeptArchive

    articles = _articles(nlp, _OFFICES)
    archive = KeptArchive()
    archive.update([articles["a"]], lambda ids: [articles[i] for i in ids])
    changes = archive.update([articles["x"]], lambda ids: [articles[i] for i in ids])
    grown = _kept_graph(archive, [articles["a"], articles["x"]])
    assert _offices_of(grown, "a") == ["Chancellor@position:chancellor@country/united-kingdom"]
    assert changes.offices.documents == {"a", "x"}
    assert grown == _graph_at_once([articles["a"], articles["x"]])


# --- the keys of the RDF's parts, kept ---------------------------------------------------------


def _part_keys_at_once(extractions: list[Extraction]) -> list[str]:
    from kg.rdf import rdf_parts

    return [part.key for part in rdf_parts(_kept_graph_order(_graph_at_once(extractions)))]


def _kept_graph_order(graph):
    # A build lists its documents in the order given; the kept keys take any order, here by id.
    from dataclasses import replace

    return replace(graph, documents=tuple(sorted(graph.documents, key=lambda d: d.doc_id)))


def _doc_ids(extractions: list[Extraction]) -> list[str]:
    return sorted(e.document.doc_id for e in extractions)


def test_kept_parts_grown_article_by_article_equal_the_keys_of_the_rdf_parts_at_once(extractions) -> None:
    from kg.partkeys import KeptGraph

    kept = KeptGraph()
    for n, extraction in enumerate(extractions, start=1):
        kept.update([extraction], lambda ids: [e for e in extractions if e.document.doc_id in ids])
        assert kept.parts.keys(_doc_ids(extractions[:n])) == _part_keys_at_once(extractions[:n])


def test_kept_parts_each_part_is_made_again_from_where_it_comes_from(extractions) -> None:
    # What an update needs to write a subject again whose other parts it did not key.
    from kg.partkeys import KeptGraph

    kept = KeptGraph()
    kept.update(extractions, lambda ids: [e for e in extractions if e.document.doc_id in ids])
    located = kept.parts.located(_doc_ids(extractions))
    made = kept.parts.parts([locator for _, locator in located], kept.archive.offices.article)
    assert [part.key for part in made] == [key for key, _ in located] == _part_keys_at_once(extractions)


def test_kept_parts_grown_article_by_article_equal_the_keys_of_the_records_at_once(extractions) -> None:
    from kg.partkeys import KeptGraph
    from kg.rdf import rdf_parts, record_parts
    from kg.records import record_keys

    kept = KeptGraph()
    for n, extraction in enumerate(extractions, start=1):
        kept.update([extraction], lambda ids: [e for e in extractions if e.document.doc_id in ids])
        graph = _graph_at_once(extractions[:n])
        assert kept.parts.record_keys() == record_keys(graph, *record_parts(rdf_parts(graph)))


@pytest.mark.model
def test_kept_parts_a_new_article_keys_again_only_the_articles_it_changes(nlp, tmp_path) -> None:
    from kg.partkeys import KeptGraph

    articles = _articles(nlp, _OFFICES)

    def update(given: str, removed: str = ""):
        kept = KeptGraph.open(tmp_path / "kept.sqlite")
        _, parts = kept.update([articles[i] for i in given], lambda ids: [articles[i] for i in ids], removed=list(removed))
        kept.save()
        kept.close()
        return parts

    def keys(live: str) -> list[str]:
        kept = KeptGraph.open(tmp_path / "kept.sqlite")
        try:
            return kept.parts.keys(sorted(live))
        finally:
            kept.close()

    update("ae")
    # b states the owner of a's bare "Chancellor": a's statements change, e's do not.
    assert update("b").statements == {"a", "b"}
    assert keys("abe") == _part_keys_at_once([articles[i] for i in "abe"])
    assert update("", removed="b").statements == {"a"}
    assert keys("ae") == _part_keys_at_once([articles[i] for i in "ae"])


@pytest.mark.model
def test_kept_parts_an_article_pointing_to_a_relabelled_entity_is_keyed_again_though_not_tidied_again(nlp) -> None:
    # A statement's part copies the labels of the entities it points to, which may be another
    # article's (an office's owner read from the corpus): its article is keyed again.
    from dataclasses import replace

    from kg.partkeys import KeptParts
    from kg.rdf import rdf_parts

    graph = _graph_at_once([_articles(nlp, {"e": _OFFICES["e"]})["e"]])
    apple = next(e for e in graph.entities if e.label == "Apple")
    parts = KeptParts()

    def update(graph, entities, counts, stated):
        return parts.update(graph.documents if stated else (), (), entities, (), counts, stated, (), lambda doc_id: (list(graph.statements), graph, []),
                            lambda doc_id: [(e.entity_id, e.type) for e in graph.entities])

    update(graph, graph.entities, _counts_at_once(graph), ["e"])
    renamed = replace(graph, entities=tuple(replace(e, label="Apple Computer") if e is apple else e for e in graph.entities))
    changes = update(renamed, [replace(apple, label="Apple Computer")], {}, [])
    assert changes.statements == {"e"}
    assert parts.keys(["e"]) == [part.key for part in rdf_parts(renamed)]
    assert parts.keys(["e"]) != [part.key for part in rdf_parts(graph)]


def test_kept_texts_equal_the_texts_of_the_graph_built_at_once_and_grown(extractions) -> None:
    # The RDF texts of a kept archive, made without the graph, and those of an update that makes
    # again only the subjects whose parts changed.
    from kg.increment import graph_texts
    from kg.partkeys import KeptGraph

    def archived(ids):
        return [e for e in extractions if e.document.doc_id in ids]

    first = extractions[:-2]
    kept = KeptGraph()
    kept.update(first, archived)
    earlier = kept.texts(_doc_ids(first))
    at_once = graph_texts(_kept_graph_order(_graph_at_once(first)))
    assert (earlier.turtle, earlier.jsonld, earlier.triples) == (at_once.turtle, at_once.jsonld, at_once.triples)
    assert earlier.cache == at_once.cache
    kept.update(extractions[-2:], archived)
    updated = kept.texts(_doc_ids(extractions), previous=earlier.cache)
    whole = graph_texts(_kept_graph_order(_graph_at_once(extractions)))
    assert 0 < updated.remade < len(whole.cache.subjects)
    assert (updated.turtle, updated.jsonld, updated.triples) == (whole.turtle, whole.jsonld, whole.triples)
    assert updated.cache == whole.cache


def test_kept_record_lines_equal_those_of_the_graph_from_scratch_and_grown(extractions) -> None:
    # statements.jsonl without the graph: the last build's lines by key, the others made from
    # the entities made again and the articles' kept statements.
    from kg.partkeys import KeptGraph
    from kg.records import record_keys, record_lines
    from kg.rdf import rdf_parts, record_parts

    def archived(ids):
        return [e for e in extractions if e.document.doc_id in ids]

    first = extractions[:-2]
    kept = KeptGraph()
    _, parts = kept.update(first, archived)
    lines = list(kept.record_lines(None, parts.made))
    assert lines == list(record_lines(_graph_at_once(first)))
    _, parts = kept.update(extractions[-2:], archived)
    graph = _graph_at_once(first)
    earlier = dict(zip(record_keys(graph, *record_parts(rdf_parts(graph))), lines))
    assert list(kept.record_lines(earlier, parts.made)) == list(record_lines(_graph_at_once(extractions)))


def test_kept_written_from_memory_is_the_file_kept_row_by_row(extractions, tmp_path) -> None:
    # A build from scratch fills its archive in memory and writes it once; updates read it back.
    from kg.partkeys import KeptGraph

    def archived(ids):
        return [e for e in extractions if e.document.doc_id in ids]

    first, rest = extractions[:-2], extractions[-2:]
    in_memory = KeptGraph()
    in_memory.update(first, archived)
    in_memory.write(tmp_path / "written.sqlite")
    by_rows = KeptGraph.open(tmp_path / "rows.sqlite")
    by_rows.update(first, archived)
    by_rows.save()
    written = KeptGraph.open(tmp_path / "written.sqlite")
    for kept in (written, by_rows):
        kept.update(rest, archived)
    order = _doc_ids(extractions)
    assert written.parts.keys(order) == by_rows.parts.keys(order) == _part_keys_at_once(extractions)
    assert _kept_graph(written.archive, extractions) == _kept_graph(by_rows.archive, extractions) == _graph_at_once(extractions)


@pytest.mark.model
def test_kept_change_report_equals_the_graph_s(nlp, tmp_path) -> None:
    # What an update changed, from the kept rows: "Mr Frost" of the first article joins the one
    # fuller Frost the second names.
    from kg.changes import changes_of, graph_changes
    from kg.increment import graph_texts
    from kg.partkeys import KeptGraph

    articles = _articles(nlp, {"a": "Mr Frost told reporters in London on Sunday that the show would return.",
                               "b": "David Frost interviewed Tony Blair in London on Monday."})
    kept = KeptGraph()
    kept.update([articles["a"]], lambda ids: [articles[i] for i in ids])
    earlier = graph_texts(_graph_at_once([articles["a"]])).cache
    kept.update([articles["b"]], lambda ids: [articles[i] for i in ids])
    graph = _graph_at_once([articles["a"], articles["b"]])
    texts = graph_texts(graph, earlier)
    at_once = graph_changes(graph, earlier, texts.changed, ["b"])
    from_rows = changes_of((entity_id for entity_id, _ in kept.parts.entity_types()), ["a", "b"], earlier, texts.changed, ["b"], kept.named_in)
    assert from_rows == at_once
    assert [(r.doc_id, r.name, r.now) for r in at_once.reassigned] == [("a", "Mr Frost", "person/david-frost")]


def test_kept_summary_equals_the_graph_s(extractions) -> None:
    from kg.partkeys import KeptGraph
    from kg.records import summary

    kept = KeptGraph()
    kept.update(extractions, lambda ids: [e for e in extractions if e.document.doc_id in ids])
    graph = _graph_at_once(extractions)
    assert kept.summary(len(graph.documents)) == summary(graph)
