"""Tests for kg.extract.entities: entity spans of hand-built Docs -> Mention records with names and keys."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from docs import VOCAB, build, passage_of
from kg.extract.entities import is_pronoun, mention_of, normalise_name, passage_mentions, person_name
from kg.model import Document, Passage

OBAMA = (
    "Mr. Obama met U.S. officials in Washington on Monday, American diplomats said.",
    """
    Mr.        PROPN NNP Mr.        compound   1
    Obama      PROPN NNP Obama      nsubj      2 B-PERSON
    met        VERB  VBD meet       ccomp     12
    U.S.       PROPN NNP U.S.       compound   4 B-GPE
    officials  NOUN  NNS official   dobj       2
    in         ADP   IN  in         prep       4
    Washington PROPN NNP Washington pobj       5 B-GPE
    on         ADP   IN  on         prep       2
    Monday     PROPN NNP Monday     pobj       7 B-DATE
    ,          PUNCT ,   ,          punct     12
    American   ADJ   JJ  american   amod      11 B-NORP
    diplomats  NOUN  NNS diplomat   nsubj     12
    said       VERB  VBD say        ROOT      12
    .          PUNCT .   .          punct     12
    """,
)


def _ent(doc: Doc, text: str) -> Span:
    return next(e for e in doc.ents if e.text == text)


def _flat(words: list[str], ents: list[str]) -> Doc:
    """A Doc with entities but no parse, for labels whose mention does not depend on the parse."""
    return Doc(VOCAB, words=words, ents=ents)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Jaishankar’s", "mr jaishankar"),
        ("the  India-U.S. Trade Deal", "india-us trade deal"),
        ("Émmanuel Macron", "emmanuel macron"),
        ('"NATO"', "nato"),
        ("The European Union", "european union"),
        ("Merkel's", "merkel"),
    ],
)
def test_entities_normalise_name(text: str, expected: str) -> None:
    assert normalise_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. S. Jaishankar", "S. Jaishankar"),
        ("President Trump's", "Trump"),
        ("Dr. Jill Biden", "Jill Biden"),
        ("Chancellor Olaf Scholz", "Olaf Scholz"),
        ("Angela Merkel", "Angela Merkel"),
        ("Sheikh Tamim", "Tamim"),
    ],
)
def test_entities_person_name_drops_honorifics_and_titles(text: str, expected: str) -> None:
    assert person_name(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Prime Minister Narendra Modi", "Narendra Modi"), ("Foreign Minister Wang Yi", "Wang Yi")],
)
def test_entities_person_name_drops_multiword_title(text: str, expected: str) -> None:
    assert person_name(text) == expected


def test_entities_mention_keeps_honorific_in_text_not_name() -> None:
    doc = build(*OBAMA)
    mention = mention_of(_ent(doc, "Obama"), passage_of(doc))
    assert mention is not None
    assert (mention.text, mention.name, mention.type, mention.key) == ("Mr. Obama", "Obama", "Person", "person:obama")
    assert (mention.start, mention.end) == (0, len("Mr. Obama"))
    assert mention.doc_id == "d1"


def test_entities_mention_maps_country_abbreviation_and_demonym_to_one_key() -> None:
    doc = build(*OBAMA)
    passage = passage_of(doc)
    us = mention_of(_ent(doc, "U.S."), passage)
    american = mention_of(_ent(doc, "American"), passage)
    assert us is not None and american is not None
    assert (us.type, us.key, us.name, us.text) == ("Country", "country:US", "United States", "U.S.")
    assert (american.type, american.key, american.name) == ("Country", "country:US", "United States")


def test_entities_mention_keeps_capital_city_a_place() -> None:
    doc = build(*OBAMA)
    washington = mention_of(_ent(doc, "Washington"), passage_of(doc))
    assert washington is not None
    assert (washington.type, washington.name, washington.key) == ("Place", "Washington", "place:washington")


@pytest.mark.parametrize("label", ["DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"])
def test_entities_mention_drops_literal_labels(label: str) -> None:
    doc = _flat(["Canada", "pledged", "$", "5", "billion", "."], ["B-GPE", "O", f"B-{label}", f"I-{label}", f"I-{label}", "O"])
    assert mention_of(doc.ents[1], passage_of(doc)) is None
    assert mention_of(doc.ents[0], passage_of(doc)) is not None


@pytest.mark.parametrize(("words", "label"), [(["another", "550m", "to", "follow"], "ORG"), (["the", "first", "300m", "vaccines"], "PRODUCT"),
                                              (["a", "2.5bn", "deal"], "PERSON")])
def test_entities_mention_drops_an_amount_taken_for_a_name(words: list[str], label: str) -> None:
    tags = ["O"] * len(words)
    at = next(i for i, w in enumerate(words) if w[0].isdigit())
    tags[at] = f"B-{label}"
    doc = _flat(words, tags)
    assert mention_of(doc.ents[0], passage_of(doc)) is None


@pytest.mark.parametrize(("words", "label"), [(["the", "G7", "met"], "ORG"), (["an", "A380", "flew"], "ORG"), (["Euro", "2004", "began"], "EVENT")])
def test_entities_mention_keeps_a_name_with_a_number_in_it(words: list[str], label: str) -> None:
    tags = ["O"] * len(words)
    at = next(i for i, w in enumerate(words) if any(c.isdigit() for c in w) or w == "Euro")
    tags[at] = f"B-{label}"
    if words[0] == "Euro":
        tags[1] = f"I-{label}"
    doc = _flat(words, tags)
    assert mention_of(doc.ents[0], passage_of(doc)) is not None


def test_entities_mention_drops_monday() -> None:
    doc = build(*OBAMA)
    assert mention_of(_ent(doc, "Monday"), passage_of(doc)) is None


def test_entities_mention_drops_bare_honorific() -> None:
    doc = _flat(["Mr.", "said", "no", "."], ["B-PERSON", "O", "O", "O"])
    assert mention_of(doc.ents[0], passage_of(doc)) is None


def test_entities_mention_drops_ambiguous_demonym() -> None:
    doc = _flat(["Korean", "officials", "agreed", "."], ["B-NORP", "O", "O", "O"])
    assert mention_of(doc.ents[0], passage_of(doc)) is None


def test_entities_mention_drops_shouted_person() -> None:
    doc = _flat(["BREAKING", "NEWS", ":", "Lula", "wins"], ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O"])
    passage = passage_of(doc)
    assert mention_of(doc.ents[0], passage) is None
    lula = mention_of(doc.ents[1], passage)
    assert lula is not None and lula.name == "Lula"


def test_entities_mention_drops_lower_case_organisation() -> None:
    doc = _flat(["the", "ministry", "said"], ["B-ORG", "I-ORG", "O"])
    assert mention_of(doc.ents[0], passage_of(doc)) is None


def test_entities_mention_organisation_with_place_head_is_a_place() -> None:
    doc = build(
        "Troops entered the Kashmir Valley.",
        """
        Troops  NOUN  NNS troop   nsubj     1
        entered VERB  VBD enter   ROOT      1
        the     DET   DT  the     det       4
        Kashmir PROPN NNP Kashmir compound  4 B-ORG
        Valley  PROPN NNP Valley  dobj      1 I-ORG
        .       PUNCT .   .       punct     1
        """,
    )
    mention = mention_of(doc.ents[0], passage_of(doc))
    assert mention is not None
    assert (mention.type, mention.name, mention.key) == ("Place", "Kashmir Valley", "place:kashmir valley")


def test_entities_mention_types_by_label() -> None:
    doc = _flat(
        ["Apple", "joined", "the", "Paris", "Agreement", "at", "the", "Davos", "Forum"],
        ["B-ORG", "O", "O", "B-LAW", "I-LAW", "O", "O", "B-EVENT", "I-EVENT"],
    )
    passage = passage_of(doc)
    found = [mention_of(e, passage) for e in doc.ents]
    assert [(m.type, m.key) for m in found if m] == [
        ("Organization", "organization:apple"),
        ("Agreement", "agreement:paris agreement"),
        ("Event", "event:davos forum"),
    ]


def test_entities_mention_country_named_with_the() -> None:
    doc = _flat(["the", "United", "States", "agreed"], ["B-GPE", "I-GPE", "I-GPE", "O"])
    mention = mention_of(doc.ents[0], passage_of(doc))
    assert mention is not None and mention.key == "country:US"


def test_entities_mention_offsets_are_document_offsets() -> None:
    text = "HEADLINE\n\nMr. Obama met U.S. officials in Washington on Monday, American diplomats said."
    doc = build(*OBAMA)
    start = text.index("Mr.")
    document = Document(doc_id="d2", text=text, source="test", segments=((0, 8), (start, len(text))))
    passage = Passage(document=document, start=start, end=len(text))
    assert passage.text == doc.text
    mention = mention_of(_ent(doc, "Washington"), passage)
    assert mention is not None and mention.doc_id == "d2"
    assert text[mention.start : mention.end] == "Washington"


def test_entities_passage_mentions_maps_every_token_of_a_kept_span() -> None:
    doc = _flat(
        ["Angela", "Merkel", "met", "Mr.", "on", "Monday"],
        ["B-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-DATE"],
    )
    by_token = passage_mentions(doc, passage_of(doc), set())
    assert set(by_token) == {0, 1}
    assert by_token[0] is by_token[1]
    assert by_token[0].name == "Angela Merkel"


def test_entities_two_nation_adjective_is_two_countries_not_an_organisation() -> None:
    doc = Doc(VOCAB, words=["Anglo", "-", "Dutch", "group", "Unilever"], spaces=[False, False, True, True, False],
              ents=["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG"])
    by_token = passage_mentions(doc, passage_of(doc), set())
    assert [(i, by_token[i].key) for i in sorted(by_token)] == [(0, "country:GB"), (2, "country:NL"), (4, "organization:unilever")]


def test_entities_name_run_into_a_conjunction_ends_before_it() -> None:
    # kg_entities (through build) trims the model's span; the mentions follow it.
    doc = build(
        "brands like Dove and Lipton",
        """
        brands  NOUN  NNS brand  ROOT     0
        like    ADP   IN  like   prep     0
        Dove    PROPN NNP Dove   pobj     1 B-ORG
        and     CCONJ CC  and    cc       2 I-ORG
        Lipton  PROPN NNP Lipton conj     2 B-ORG
        """,
    )
    by_token = passage_mentions(doc, passage_of(doc), set())
    assert sorted(by_token) == [2, 4] and by_token[2].name == "Dove"


def test_entities_name_run_into_its_bracketed_short_form_ends_before_the_bracket() -> None:
    doc = build(
        "the World Trade Organisation (WTO) ruled",
        """
        the          DET   DT    the          det      3
        World        PROPN NNP   World        compound 3 B-ORG
        Trade        PROPN NNP   Trade        compound 3 I-ORG
        Organisation PROPN NNP   Organisation nsubj    7 I-ORG
        (            PUNCT -LRB- (            punct    5 I-ORG
        WTO          PROPN NNP   WTO          appos    3 I-ORG
        )            PUNCT -RRB- )            punct    5
        ruled        VERB  VBD   rule         ROOT     7
        """,
    )
    by_token = passage_mentions(doc, passage_of(doc), set())
    assert sorted(by_token) == [1, 2, 3] and by_token[1].name == "World Trade Organisation"


def test_entities_mention_organisation_a_region_noun_heads_is_a_place() -> None:
    doc = build(
        "Floods hit China's Guangdong province.",
        """
        Floods    NOUN  NNS  flood     nsubj     1
        hit       VERB  VBD  hit       ROOT      1
        China     PROPN NNP  China     poss      5 B-GPE
        's        PART  POS  's        case      2
        Guangdong PROPN NNP  Guangdong compound  5 B-ORG
        province  NOUN  NN   province  dobj      1
        .         PUNCT .    .         punct     1
        """,
    )
    mention = mention_of(doc.ents[1], passage_of(doc))
    assert mention is not None and (mention.type, mention.name) == ("Place", "Guangdong")


def test_entities_mention_organisation_before_a_region_noun_it_does_not_head_stays_one() -> None:
    doc = build(
        "Shell state oil deals grew.",
        """
        Shell  PROPN NNP Shell  compound  3 B-ORG
        state  NOUN  NN  state  compound  3
        oil    NOUN  NN  oil    compound  3
        deals  NOUN  NNS deal   nsubj     4
        grew   VERB  VBD grow   ROOT      4
        .      PUNCT .   .      punct     4
        """,
    )
    mention = mention_of(doc.ents[0], passage_of(doc))
    assert mention is not None and mention.type == "Organization"


def test_entities_mention_person_named_like_a_building_is_a_place() -> None:
    doc = _flat(["They", "met", "at", "Lambeth", "Palace", "."], ["O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    mention = mention_of(doc.ents[0], passage_of(doc))
    assert mention is not None and (mention.type, mention.name) == ("Place", "Lambeth Palace")


def test_entities_mention_person_with_a_surname_like_a_building_stays_a_person() -> None:
    doc = _flat(["Barbara", "Castle", "spoke", "."], ["B-PERSON", "I-PERSON", "O", "O"])
    mention = mention_of(doc.ents[0], passage_of(doc))
    assert mention is not None and mention.type == "Person"


def test_entities_mention_portfolio_before_a_title_is_no_organisation() -> None:
    doc = _flat(["Aid", "minister", "Hilary", "Benn", "spoke", "."], ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert mention_of(doc.ents[0], passage_of(doc)) is None


def test_entities_mention_department_before_a_title_stays_an_organisation() -> None:
    doc = _flat(["Treasury", "minister", "Paul", "Boateng", "spoke", "."], ["B-ORG", "O", "B-PERSON", "I-PERSON", "O", "O"])
    mention = mention_of(doc.ents[0], passage_of(doc))
    assert mention is not None and mention.type == "Organization"


def test_entities_title_of_a_place_is_the_person_name() -> None:
    doc = _flat(["the", "Duke", "of", "Edinburgh", "spoke"], ["O", "B-PERSON", "I-PERSON", "I-PERSON", "O"])
    (mention,) = set(passage_mentions(doc, passage_of(doc), set()).values())
    assert (mention.type, mention.name) == ("Person", "Duke of Edinburgh")


def test_entities_title_written_for_several_holders_is_one_office() -> None:
    doc = Doc(VOCAB, words=["Labour", "MPs", "Ann", "Lee", "and", "Bo", "Fry"], tags=["NNP", "NNPS", "NNP", "NNP", "CC", "NNP", "NNP"],
              ents=["B-ORG", "B-TITLE", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"])
    title = passage_mentions(doc, passage_of(doc), set())[1]
    assert (title.type, title.name, title.key) == ("Position", "MP", "position:mp")


def test_entities_is_pronoun() -> None:
    doc = _flat(["She", "told", "him", "they", "and", "it", "were", "his"], None)
    assert [t.text for t in doc if is_pronoun(t)] == ["She", "him", "his"]


@pytest.mark.parametrize("label", ["PERSON", "GPE", "EVENT"])
def test_entities_mention_a_g_number_is_a_group_of_nations(label: str) -> None:
    doc = _flat(["Canada", "chairs", "the", "G8", "."], ["B-GPE", "O", "O", f"B-{label}", "O"])
    mention = mention_of(doc.ents[1], passage_of(doc))
    assert mention is not None and (mention.type, mention.key) == ("Organization", "organization:g8")


def test_entities_a_one_word_name_that_the_heads_is_no_person() -> None:
    doc = build(
        "He was a consultant to the Tote.",
        """
        He         PRON  PRP he         nsubj      1
        was        AUX   VBD be         ROOT       1
        a          DET   DT  a          det        3
        consultant NOUN  NN  consultant attr       1
        to         ADP   IN  to         prep       3
        the        DET   DT  the        det        6
        Tote       PROPN NNP Tote       pobj       4 B-PERSON
        .          PUNCT .   .          punct      1
        """,
    )
    assert mention_of(_ent(doc, "Tote"), passage_of(doc)) is None


def test_entities_the_bill_is_the_article_s_own_bill_not_a_person() -> None:
    doc = build(
        "The Bill now faces opposition.",
        """
        The        DET   DT  the        det        1
        Bill       PROPN NNP Bill       nsubj      3 B-PERSON
        now        ADV   RB  now        advmod     3
        faces      VERB  VBZ face       ROOT       3
        opposition NOUN  NN  opposition dobj       3
        .          PUNCT .   .          punct      3
        """,
    )
    mention = mention_of(_ent(doc, "Bill"), passage_of(doc))
    assert mention is not None
    assert (mention.type, mention.key) == ("Agreement", "agreement:bill#d1")


def test_entities_a_name_before_the_noun_it_modifies_stays_a_person() -> None:
    doc = build(
        "The Bush administration argued.",
        """
        The            DET   DT  the            det        2
        Bush           PROPN NNP Bush           compound   2 B-PERSON
        administration NOUN  NN  administration nsubj      3
        argued         VERB  VBD argue          ROOT       3
        .              PUNCT .   .              punct      3
        """,
    )
    mention = mention_of(_ent(doc, "Bush"), passage_of(doc))
    assert mention is not None
    assert (mention.type, mention.key) == ("Person", "person:bush")


def test_entities_mention_drops_a_country_word_naming_a_currency() -> None:
    doc = build(
        "Xstrata bid 7.4bn Australian dollars.",
        """
        Xstrata    PROPN NNP Xstrata    nsubj  1 B-ORG
        bid        VERB  VBD bid        ROOT   1
        7.4bn      NUM   CD  7.4bn      nummod 4
        Australian ADJ   JJ  australian amod   4 B-NORP
        dollars    NOUN  NNS dollar     dobj   1
        .          PUNCT .   .          punct  1
        """,
        relabel=False,
    )
    assert mention_of(_ent(doc, "Australian"), passage_of(doc)) is None


def test_entities_mention_keeps_a_country_before_a_verb_spelt_like_a_currency() -> None:
    doc = build(
        "Japan won the bid.",
        """
        Japan PROPN NNP Japan nsubj 1 B-GPE
        won   VERB  VBD win   ROOT  1
        the   DET   DT  the   det   3
        bid   NOUN  NN  bid   dobj  1
        .     PUNCT .   .     punct 1
        """,
    )
    japan = mention_of(_ent(doc, "Japan"), passage_of(doc))
    assert japan is not None and japan.type == "Country"
