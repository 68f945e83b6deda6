"""Open extraction rules (kg.openie) on short sentences, hand-parsed or parsed by the model."""
from __future__ import annotations

import json

import spacy
from click.testing import CliRunner
from spacy.tokens import Doc

from kg.cli import cli
from kg.openie import OpenTuple, extract_open, extract_open_documents, extract_open_texts, tokenized_doc, tsv_line

VOCAB = spacy.blank("en").vocab


def _doc(words, heads, deps, tags, pos, ents=None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags, pos=pos, ents=ents)


def _rows(tuples) -> list[tuple]:
    return [(t.relation, *t.arguments) for t in tuples]


def _parsed(table: str) -> Doc:
    """A Doc from one token per line: word, tag, POS, dependency, head index, entity (BIO, optional)."""
    rows = [line.split() for line in table.strip().splitlines()]
    ents = [row[5] if len(row) > 5 else "O" for row in rows]
    return _doc([r[0] for r in rows], [int(r[4]) for r in rows], [r[3] for r in rows], [r[1] for r in rows], [r[2] for r in rows], ents)


# --- rules on hand-made parses (no model) ---------------------------------------------------


def test_openie_subject_verb_object_with_time_and_place() -> None:
    # Apple opened a store in Paris in 2019 .
    doc = _doc(
        ["Apple", "opened", "a", "store", "in", "Paris", "in", "2019", "."],
        heads=[1, 1, 3, 1, 1, 4, 1, 6, 1],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "prep", "pobj", "punct"],
        tags=["NNP", "VBD", "DT", "NN", "IN", "NNP", "IN", "CD", "."],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "ADP", "NUM", "PUNCT"],
        ents=["B-ORG", "O", "O", "O", "O", "B-GPE", "O", "B-DATE", "O"],
    )
    [found] = extract_open(doc)
    assert (found.relation, found.arguments) == ("opened", ("Apple", "a store", "in Paris", "in 2019"))
    assert (found.polarity, found.modality) == ("positive", "asserted")
    assert 0 <= found.confidence <= 1
    # Offsets: the relation and each argument point at their words.
    assert [doc.text[a:b] for a, b in found.spans] == ["opened", "Apple", "a store", "in Paris", "in 2019"]


def test_openie_passive_agent_joins_the_relation() -> None:
    # The bridge was built by the army .
    doc = _doc(
        ["The", "bridge", "was", "built", "by", "the", "army", "."],
        heads=[1, 3, 3, 3, 3, 6, 4, 3],
        deps=["det", "nsubjpass", "auxpass", "ROOT", "agent", "det", "pobj", "punct"],
        tags=["DT", "NN", "VBD", "VBN", "IN", "DT", "NN", "."],
        pos=["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
    )
    assert _rows(extract_open(doc)) == [("was built by", "The bridge", "the army")]


def test_openie_relative_pronoun_is_replaced_by_its_noun() -> None:
    # The firm , which employs 200 people , makes chips .
    doc = _doc(
        ["The", "firm", ",", "which", "employs", "200", "people", ",", "makes", "chips", "."],
        heads=[1, 8, 1, 4, 1, 6, 4, 1, 8, 8, 8],
        deps=["det", "nsubj", "punct", "nsubj", "relcl", "nummod", "dobj", "punct", "ROOT", "dobj", "punct"],
        tags=["DT", "NN", ",", "WDT", "VBZ", "CD", "NNS", ",", "VBZ", "NNS", "."],
        pos=["DET", "NOUN", "PUNCT", "PRON", "VERB", "NUM", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"],
    )
    rows = _rows(extract_open(doc))
    # The relative clause is a tuple of its own and is left out of "The firm".
    assert ("employs", "The firm", "200 people") in rows
    assert ("makes", "The firm", "chips") in rows


def test_openie_negation_stays_in_the_relation_and_sets_polarity() -> None:
    # The council did not approve the plan .
    doc = _doc(
        ["The", "council", "did", "not", "approve", "the", "plan", "."],
        heads=[1, 4, 4, 4, 4, 6, 4, 4],
        deps=["det", "nsubj", "aux", "neg", "ROOT", "det", "dobj", "punct"],
        tags=["DT", "NN", "VBD", "RB", "VB", "DT", "NN", "."],
        pos=["DET", "NOUN", "AUX", "PART", "VERB", "DET", "NOUN", "PUNCT"],
    )
    [found] = extract_open(doc)
    assert (found.relation, found.polarity) == ("did not approve", "negative")


def test_openie_coordinated_objects_are_split_and_kept_whole() -> None:
    # The firm sells cars and trucks .
    doc = _doc(
        ["The", "firm", "sells", "cars", "and", "trucks", "."],
        heads=[1, 2, 2, 2, 3, 3, 2],
        deps=["det", "nsubj", "ROOT", "dobj", "cc", "conj", "punct"],
        tags=["DT", "NN", "VBZ", "NNS", "CC", "NNS", "."],
        pos=["DET", "NOUN", "VERB", "NOUN", "CCONJ", "NOUN", "PUNCT"],
    )
    found = {(t.relation, *t.arguments): t.confidence for t in extract_open(doc)}
    assert set(found) == {("sells", "The firm", "cars and trucks"), ("sells", "The firm", "cars"), ("sells", "The firm", "trucks")}
    # The whole reading ranks first.
    assert found[("sells", "The firm", "cars")] < found[("sells", "The firm", "cars and trucks")]


def test_openie_apposition_and_possessive_state_facts() -> None:
    # Maria Lopez , Germany 's envoy , arrived .
    doc = _doc(
        ["Maria", "Lopez", ",", "Germany", "'s", "envoy", ",", "arrived", "."],
        heads=[1, 7, 1, 5, 3, 1, 1, 7, 7],
        deps=["compound", "nsubj", "punct", "poss", "case", "appos", "punct", "ROOT", "punct"],
        tags=["NNP", "NNP", ",", "NNP", "POS", "NN", ",", "VBD", "."],
        pos=["PROPN", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "PUNCT", "VERB", "PUNCT"],
    )
    rows = _rows(extract_open(doc))
    assert ("is", "Maria Lopez", "Germany 's envoy") in rows
    assert ("has", "Germany", "envoy") in rows


def test_openie_conjoined_verb_shares_the_subject() -> None:
    # She resigned and moved to Paris .
    doc = _doc(
        ["She", "resigned", "and", "moved", "to", "Paris", "."],
        heads=[1, 1, 1, 1, 3, 4, 1],
        deps=["nsubj", "ROOT", "cc", "conj", "prep", "pobj", "punct"],
        tags=["PRP", "VBD", "CC", "VBD", "IN", "NNP", "."],
        pos=["PRON", "VERB", "CCONJ", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    assert ("moved to", "She", "Paris") in _rows(extract_open(doc))


def test_openie_control_verb_shares_subject_and_leading_date() -> None:
    doc = _parsed(
        """
        In         IN   ADP   prep   3
        1717       CD   NUM   pobj   0  B-DATE
        Montagu    NNP  PROPN nsubj  3  B-PERSON
        observed   VBD  VERB  ROOT   3
        the        DT   DET   det    5
        practice   NN   NOUN  dobj   3
        and        CC   CCONJ cc     3
        attempted  VBD  VERB  conj   3
        to         TO   PART  aux    9
        popularize VB   VERB  xcomp  7
        it         PRP  PRON  dobj   9
        .          .    PUNCT punct  3
        """
    )
    rows = _rows(extract_open(doc))
    # One relation for "attempted to popularize", and the coordinated verb keeps "In 1717".
    assert rows == [("observed", "Montagu", "the practice", "In 1717"), ("attempted to popularize", "Montagu", "it", "In 1717")]


def test_openie_clausal_complement_takes_the_complementiser() -> None:
    doc = _parsed(
        """
        The      DT   DET   det    1
        report   NN   NOUN  nsubj  2
        said     VBD  VERB  ROOT   2
        that     IN   SCONJ mark   6
        prices   NNS  NOUN  nsubj  6
        would    MD   AUX   aux    6
        rise     VB   VERB  ccomp  2
        .        .    PUNCT punct  2
        """
    )
    found = list(extract_open(doc))
    assert ("said that", "The report", "prices would rise") in _rows(found)
    # The embedded clause alone has no object: it ranks below the complement tuple.
    rise = next(t for t in found if t.relation == "would rise")
    assert rise.confidence < next(t for t in found if t.relation == "said that").confidence


def test_openie_relative_object_and_where_clause() -> None:
    doc = _parsed(
        """
        Rebels     NNS  NOUN  nsubj  1
        entered    VBD  VERB  ROOT   1
        the        DT   DET   det    3
        town       NN   NOUN  dobj   1
        ,          ,    PUNCT punct  3
        where      WRB  SCONJ advmod 7
        they       PRP  PRON  nsubj  7
        seized     VBD  VERB  relcl  3
        a          DT   DET   det    9
        depot      NN   NOUN  dobj   7
        ,          ,    PUNCT punct  9
        which      WDT  PRON  dobj   13
        troops     NNS  NOUN  nsubj  13
        lost       VBD  VERB  relcl  9
        .          .    PUNCT punct  1
        """
    )
    rows = _rows(extract_open(doc))
    assert ("entered", "Rebels", "the town") in rows
    # "where": the antecedent is the place; "which": the antecedent is the object.
    assert ("seized", "they", "a depot", "the town") in rows
    assert ("lost", "troops", "a depot") in rows


def test_openie_conjuncts_share_the_words_around_them() -> None:
    doc = _parsed(
        """
        Rebels     NNS  NOUN  nsubj  1
        launched   VBD  VERB  ROOT   1
        a          DT   DET   det    3
        series     NN   NOUN  dobj   1
        of         IN   ADP   prep   3
        rocket     NN   NOUN  compound 6
        attacks    NNS  NOUN  pobj   4
        and        CC   CCONJ cc     6
        raids      NNS  NOUN  conj   6
        .          .    PUNCT punct  1
        """
    )
    rows = _rows(extract_open(doc))
    assert ("launched", "Rebels", "a series of rocket attacks and raids") in rows
    assert ("launched", "Rebels", "a series of rocket attacks") in rows
    assert ("launched", "Rebels", "a series of raids") in rows


def test_openie_dates_and_places_in_a_row_are_not_appositions() -> None:
    doc = _parsed(
        """
        She        PRP  PRON  nsubjpass 2
        was        VBD  AUX   auxpass   2
        born       VBN  VERB  ROOT      2
        in         IN   ADP   prep      2
        Hillsborough NNP PROPN pobj     3  B-GPE
        ,          ,    PUNCT punct     4
        North      NNP  PROPN compound  7  B-GPE
        Carolina   NNP  PROPN appos     4  I-GPE
        on         IN   ADP   prep      2
        May        NNP  PROPN pobj      8  B-DATE
        2          CD   NUM   nummod    9  I-DATE
        ,          ,    PUNCT punct     9  I-DATE
        1749       CD   NUM   appos     9  I-DATE
        .          .    PUNCT punct     2
        """
    )
    rows = _rows(extract_open(doc))
    assert ("was born in", "She", "Hillsborough , North Carolina", "on May 2 , 1749") in rows
    assert ("is in", "Hillsborough", "North Carolina") in rows
    assert not [r for r in rows if r[0] == "is" and "1749" in r]


def test_openie_quotes_stay_balanced() -> None:
    doc = _parsed(
        """
        The        DT   DET   det    3
        ``         ``   PUNCT punct  3
        Blue       NNP  PROPN compound 3
        Album      NNP  PROPN nsubjpass 6
        ''         ''   PUNCT punct  3
        was        VBD  AUX   auxpass 6
        released   VBN  VERB  ROOT   6
        in         IN   ADP   prep   6
        1990       CD   NUM   pobj   7  B-DATE
        .          .    PUNCT punct  6
        """
    )
    assert _rows(extract_open(doc)) == [("was released in", "The `` Blue Album ''", "1990")]


def test_openie_tsv_line_keeps_the_sentence_and_flattens_tabs() -> None:
    found = OpenTuple(0, 10, "met", ("A\tB", "C"), 0.75)
    assert tsv_line("A  B met C .", found) == "A  B met C .\t0.75\tmet\tA B\tC"


def test_openie_tokenized_doc_keeps_the_given_tokens() -> None:
    nlp = spacy.blank("en")
    doc = tokenized_doc(nlp, "He said `` no '' to co-operation .")
    assert [t.text for t in doc] == ["He", "said", "``", "no", "''", "to", "co-operation", "."]
    assert doc.text == "He said `` no '' to co-operation ."



# --- with the model ------------------------------------------------------------------------


def _model_rows(nlp, text: str) -> list[tuple]:
    return _rows(extract_open(nlp(text)))


def test_openie_control_verb_merges_into_one_relation(nlp) -> None:
    found = list(extract_open(nlp("The minister hopes to visit Tokyo next week.")))
    [visit] = [t for t in found if t.relation == "hopes to visit"]
    assert visit.arguments[:2] == ("The minister", "Tokyo")
    assert visit.modality == "hoped"


def test_openie_clausal_complement_keeps_the_complementiser(nlp) -> None:
    found = list(extract_open(nlp("The report said that prices rose.")))
    assert ("said that", "The report", "prices rose") in _rows(found)
    # The reported clause is a tuple of its own, marked as reported.
    assert [t.modality for t in found if t.relation == "rose"] == ["reported"]


def test_openie_a_reported_future_is_told_by_its_own_tense(nlp) -> None:
    found = list(extract_open(nlp("The company said that it will open a factory.")))
    assert [t.modality for t in found if t.relation == "will open"] == ["planned"]


def test_openie_title_before_a_name(nlp) -> None:
    rows = _model_rows(nlp, "President Macron visited Berlin on Monday.")
    assert ("is", "Macron", "President") in rows
    assert ("visited", "President Macron", "Berlin", "on Monday") in rows


def test_openie_reduced_relative_gets_a_copula(nlp) -> None:
    assert ("is located in", "The museum", "the old town") in _model_rows(nlp, "The museum, located in the old town, attracts many visitors.")


def test_openie_texts_in_batches_keep_order_and_tokens(nlp) -> None:
    sentences = ["The council did not approve the plan .", "Engineers built the bridge in 1950 ."]
    results = list(extract_open_texts(nlp, sentences, pretokenized=True))
    assert [text for text, _ in results] == sentences
    assert results[0][1][0].polarity == "negative"
    assert all(0 <= t.confidence <= 1 for _, tuples in results for t in tuples)


def test_openie_documents_give_offsets_into_the_article(nlp) -> None:
    from kg.model import Document

    text = "Headline\n\nThe council met on Monday. Engineers built the bridge in 1950."
    document = Document("d1", text, "test", segments=((10, len(text)),))
    found = list(extract_open_documents(nlp, [document]))
    built = next(t for _, t in found if t.relation == "built")
    assert text[built.sentence_start : built.sentence_end] == "Engineers built the bridge in 1950."
    assert [text[a:b] for a, b in built.spans] == ["built", "Engineers", "the bridge", "in 1950"]


def test_openie_cli_writes_carb_tsv_and_jsonl(nlp, tmp_path) -> None:
    path = tmp_path / "sentences.txt"
    sentence = "Engineers built the bridge in 1950 ."
    path.write_text(sentence + "\n\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["openie", str(path), "--tokenized"])
    assert result.exit_code == 0, result.output
    fields = result.output.splitlines()[0].split("\t")
    assert fields[0] == sentence and float(fields[1]) > 0 and fields[2:] == ["built", "Engineers", "the bridge", "in 1950"]
    result = CliRunner().invoke(cli, ["openie", str(path), "--format", "jsonl"])
    record = json.loads(result.output.splitlines()[0])
    assert record["sentence"] == sentence and record["relation"] == "built"


def test_openie_cli_names_a_missing_file(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["openie", str(tmp_path / "nothing.txt")])
    assert result.exit_code != 0 and "nothing.txt" in result.output
