"""Tests for kg.components: ``kg_entities`` re-labels and trims entity spans of hand-built Docs."""
from __future__ import annotations

import pytest
import spacy

from docs import VOCAB, build
from kg.components import is_leader_modifier, kg_entities


def _ents(doc: spacy.tokens.Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_components_org_ending_in_summit_is_event() -> None:
    doc = build(
        "Leaders arrived for the ASEAN Summit.",
        """
        Leaders NOUN  NNS leader nsubj     1
        arrived VERB  VBD arrive ROOT      1
        for     ADP   IN  for    prep      1
        the     DET   DT  the    det       5 B-ORG
        ASEAN   PROPN NNP ASEAN  compound  5 I-ORG
        Summit  PROPN NNP Summit pobj      2 I-ORG
        .       PUNCT .   .      punct     1
        """,
    )
    assert _ents(doc) == [("ASEAN Summit", "EVENT")]


def test_components_facility_ending_in_summit_is_event() -> None:
    doc = build(
        "Lula failed to attend the G20 Summit.",
        """
        Lula   PROPN NNP Lula   nsubj     1 B-PERSON
        failed VERB  VBD fail   ROOT      1
        to     PART  TO  to     aux       3
        attend VERB  VB  attend xcomp     1
        the    DET   DT  the    det       6 B-FAC
        G20    PROPN NNP G20    compound  6 I-FAC
        Summit PROPN NNP Summit dobj      3 I-FAC
        .      PUNCT .   .      punct     1
        """,
    )
    assert _ents(doc) == [("Lula", "PERSON"), ("G20 Summit", "EVENT")]


def test_components_org_ending_in_treaty_is_law() -> None:
    doc = build(
        "Egypt discussed the Nile Treaty.",
        """
        Egypt     PROPN NNP Egypt   nsubj     1 B-GPE
        discussed VERB  VBD discuss ROOT      1
        the       DET   DT  the     det       4 B-ORG
        Nile      PROPN NNP Nile    compound  4 I-ORG
        Treaty    PROPN NNP Treaty  dobj      1 I-ORG
        .         PUNCT .   .       punct     1
        """,
    )
    assert _ents(doc) == [("Egypt", "GPE"), ("Nile Treaty", "LAW")]


def test_components_named_summit_phrase_is_event() -> None:
    doc = build(
        "Albanese will attend the Quad summit in Tokyo.",
        """
        Albanese PROPN NNP Albanese nsubj     2 B-PERSON
        will     AUX   MD  will     aux       2
        attend   VERB  VB  attend   ROOT      2
        the      DET   DT  the      det       5
        Quad     PROPN NNP Quad     compound  5 B-GPE
        summit   NOUN  NN  summit   dobj      2
        in       ADP   IN  in       prep      5
        Tokyo    PROPN NNP Tokyo    pobj      6 B-GPE
        .        PUNCT .   .        punct     2
        """,
    )
    # The phrase wins over the model's GPE reading of its modifier.
    assert _ents(doc) == [("Albanese", "PERSON"), ("Quad summit", "EVENT"), ("Tokyo", "GPE")]


def test_components_trade_deal_with_proper_noun_modifier_is_law() -> None:
    doc = build(
        "Ottawa welcomed the Canada-Mexico trade deal.",
        """
        Ottawa   PROPN NNP  Ottawa  nsubj     1 B-GPE
        welcomed VERB  VBD  welcome ROOT      1
        the      DET   DT   the     det       7
        Canada   PROPN NNP  Canada  compound  5 B-GPE
        -        PUNCT HYPH -       punct     5
        Mexico   PROPN NNP  Mexico  compound  7
        trade    NOUN  NN   trade   compound  7
        deal     NOUN  NN   deal    dobj      1
        .        PUNCT .    .       punct     1
        """,
    )
    assert _ents(doc) == [("Ottawa", "GPE"), ("Canada-Mexico trade deal", "LAW")]


def test_components_generic_phrase_is_not_named() -> None:
    doc = build(
        "Merkel held a bilateral meeting with Macron.",
        """
        Merkel    PROPN NNP Merkel    nsubj  1 B-PERSON
        held      VERB  VBD hold      ROOT   1
        a         DET   DT  a         det    4
        bilateral ADJ   JJ  bilateral amod   4
        meeting   NOUN  NN  meeting   dobj   1
        with      ADP   IN  with      prep   4
        Macron    PROPN NNP Macron    pobj   5 B-PERSON
        .         PUNCT .   .         punct  1
        """,
    )
    assert _ents(doc) == [("Merkel", "PERSON"), ("Macron", "PERSON")]


def test_components_title_before_person_keeps_nationality() -> None:
    doc = build(
        "French Foreign Minister Jean-Noel Barrot visited Cairo.",
        """
        French   ADJ   JJ   french   amod      2 B-NORP
        Foreign  PROPN NNP  Foreign  compound  2
        Minister PROPN NNP  Minister compound  6
        Jean     PROPN NNP  Jean     compound  6 B-PERSON
        -        PUNCT HYPH -        punct     6 I-PERSON
        Noel     PROPN NNP  Noel     compound  6 I-PERSON
        Barrot   PROPN NNP  Barrot   nsubj     7 I-PERSON
        visited  VERB  VBD  visit    ROOT      7
        Cairo    PROPN NNP  Cairo    dobj      7 B-GPE
        .        PUNCT .    .        punct     7
        """,
    )
    assert _ents(doc) == [
        ("French", "NORP"),
        ("Foreign Minister", "TITLE"),
        ("Jean-Noel Barrot", "PERSON"),
        ("Cairo", "GPE"),
    ]


def test_components_title_splits_country_off_an_org_span() -> None:
    doc = build(
        "U.S. Treasury Secretary Scott Bessent met Lagarde.",
        """
        U.S.      PROPN NNP U.S.      compound  2 B-ORG
        Treasury  PROPN NNP Treasury  compound  2 I-ORG
        Secretary PROPN NNP Secretary compound  4
        Scott     PROPN NNP Scott     compound  4 B-PERSON
        Bessent   PROPN NNP Bessent   nsubj     5 I-PERSON
        met       VERB  VBD meet      ROOT      5
        Lagarde   PROPN NNP Lagarde   dobj      5 B-PERSON
        .         PUNCT .   .         punct     5
        """,
    )
    assert _ents(doc) == [
        ("U.S.", "GPE"),
        ("Treasury Secretary", "TITLE"),
        ("Scott Bessent", "PERSON"),
        ("Lagarde", "PERSON"),
    ]


def test_components_title_with_of_phrase() -> None:
    doc = build(
        "U.S. Secretary of State Marco Rubio met Wang Yi.",
        """
        U.S.      PROPN NNP U.S.      nmod      1 B-GPE
        Secretary PROPN NNP Secretary nmod      5
        of        ADP   IN  of        prep      1
        State     PROPN NNP State     pobj      2 B-ORG
        Marco     PROPN NNP Marco     compound  5 B-PERSON
        Rubio     PROPN NNP Rubio     nsubj     6 I-PERSON
        met       VERB  VBD meet      ROOT      6
        Wang      PROPN NNP Wang      compound  8 B-PERSON
        Yi        PROPN NNP Yi        dobj      6 I-PERSON
        .         PUNCT .   .         punct     6
        """,
    )
    assert _ents(doc) == [
        ("U.S.", "GPE"),
        ("Secretary of State", "TITLE"),
        ("Marco Rubio", "PERSON"),
        ("Wang Yi", "PERSON"),
    ]


def test_components_lower_case_or_honorific_is_no_title() -> None:
    doc = build(
        "The president and Mr. Obama spoke.",
        """
        The       DET   DT  the       det    1
        president NOUN  NN  president nsubj  5
        and       CCONJ CC  and       cc     1
        Mr.       PROPN NNP Mr.       compound 4
        Obama     PROPN NNP Obama     conj   1 B-PERSON
        spoke     VERB  VBD speak     ROOT   5
        .         PUNCT .   .         punct  5
        """,
    )
    assert _ents(doc) == [("Obama", "PERSON")]


def test_components_trims_leading_the_and_quotes() -> None:
    doc = build(
        'Officials praised "Project Stargate" and the European Union.',
        """
        Officials NOUN  NNP official nsubj     1
        praised   VERB  VBD praise   ROOT      1
        "         PUNCT ``  "        punct     4 B-WORK_OF_ART
        Project   PROPN NNP Project  compound  4 I-WORK_OF_ART
        Stargate  PROPN NNP Stargate dobj      1 I-WORK_OF_ART
        "         PUNCT ''  "        punct     4 I-WORK_OF_ART
        and       CCONJ CC  and      cc        4
        the       DET   DT  the      det       9 B-ORG
        European  PROPN NNP European compound  9 I-ORG
        Union     PROPN NNP Union    conj      4 I-ORG
        .         PUNCT .   .        punct     1
        """,
    )
    assert _ents(doc) == [("Project Stargate", "WORK_OF_ART"), ("European Union", "ORG")]


def test_components_trims_an_opening_bracket_at_the_end() -> None:
    doc = build(
        "The Office of National Statistics (ONS) agreed.",
        """
        The         DET   DT  the         det       1 B-ORG
        Office      PROPN NNP Office      nsubj     8 I-ORG
        of          ADP   IN  of          prep      1 I-ORG
        National    PROPN NNP National    compound  4 I-ORG
        Statistics  PROPN NNP Statistics  pobj      2 I-ORG
        (           PUNCT -LRB- (         punct     1 I-ORG
        ONS         PROPN NNP ONS         appos     1
        )           PUNCT -RRB- )         punct     1
        agreed      VERB  VBD agree       ROOT      8
        .           PUNCT .   .           punct     8
        """,
    )
    assert _ents(doc)[0] == ("Office of National Statistics", "ORG")


def test_components_trims_possessive_and_person_honorific() -> None:
    doc = build(
        "Mr. Obama's memoir sold well.",
        """
        Mr.    PROPN NNP Mr.    compound  1 B-PERSON
        Obama  PROPN NNP Obama  poss      3 I-PERSON
        's     PART  POS 's     case      1 I-PERSON
        memoir NOUN  NN  memoir nsubj     4
        sold   VERB  VBD sell   ROOT      4
        well   ADV   RB  well   advmod    4
        .      PUNCT .   .      punct     4
        """,
    )
    assert _ents(doc) == [("Obama", "PERSON")]


def test_components_trims_leader_modifier() -> None:
    doc = build(
        "The U.S.-led Combined Maritime Forces patrolled the Red Sea.",
        """
        The       DET   DT   the      det       4 B-ORG
        U.S.-led  ADJ   JJ   u.s.-led amod      4 I-ORG
        Combined  PROPN NNP  Combined compound  4 I-ORG
        Maritime  PROPN NNP  Maritime compound  4 I-ORG
        Forces    PROPN NNPS Forces   nsubj     5 I-ORG
        patrolled VERB  VBD  patrol   ROOT      5
        the       DET   DT   the      det       8 B-LOC
        Red       PROPN NNP  Red      compound  8 I-LOC
        Sea       PROPN NNP  Sea      dobj      5 I-LOC
        .         PUNCT .    .        punct     5
        """,
    )
    assert _ents(doc) == [("Combined Maritime Forces", "ORG"), ("Red Sea", "LOC")]


def test_components_drops_span_with_nothing_left() -> None:
    doc = build(
        "The talks ended.",
        """
        The   DET  DT  the  det    1 B-ORG
        talks NOUN NNS talk nsubj  2
        ended VERB VBD end  ROOT   2
        .     PUNCT .  .    punct  2
        """,
    )
    assert _ents(doc) == []


def test_components_keeps_literal_labels() -> None:
    doc = build(
        "Canada pledged $5 billion on Monday.",
        """
        Canada  PROPN NNP Canada  nsubj     1 B-GPE
        pledged VERB  VBD pledge  ROOT      1
        $       SYM   $   $       quantmod  4 B-MONEY
        5       NUM   CD  5       compound  4 I-MONEY
        billion NUM   CD  billion dobj      1 I-MONEY
        on      ADP   IN  on      prep      1
        Monday  PROPN NNP Monday  pobj      5 B-DATE
        .       PUNCT .   .       punct     1
        """,
    )
    assert _ents(doc) == [("Canada", "GPE"), ("$5 billion", "MONEY"), ("Monday", "DATE")]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("U.S.-led", True), ("Saudi-backed", True), ("Qatar-brokered", True), ("-led", False), ("led", False), ("misled", False)],
)
def test_components_is_leader_modifier(word: str, expected: bool) -> None:
    doc = spacy.tokens.Doc(VOCAB, words=[word])
    assert is_leader_modifier(doc[0]) is expected


def test_components_kg_entities_is_a_registered_component() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    assert nlp.pipe_names == ["kg_entities"]
    assert nlp.get_pipe("kg_entities") is kg_entities


def test_components_a_name_stops_at_a_spaced_dash(nlp) -> None:
    doc = nlp("Ann Lee - the finance director of Halvorsen - said the plan was sound.")
    assert ("Ann Lee", "PERSON") in _ents(doc)
    assert not any("-" in text for text, _ in _ents(doc))


def test_components_a_postnominal_alone_is_a_title(nlp) -> None:
    doc = nlp("Ravi Mehta, a QC and law professor, said the war was illegal.")
    assert ("QC", "TITLE") in _ents(doc)


def test_components_a_name_and_postnominal_read_as_an_organisation_is_a_person() -> None:
    doc = build(
        "Tom Hensley QC has warned.",
        """
        Tom     PROPN NNP Tom     compound 2 B-ORG
        Hensley PROPN NNP Hensley compound 2 I-ORG
        QC      PROPN NNP QC      nsubj    4 I-ORG
        has     AUX   VBZ have    aux      4
        warned  VERB  VBN warn    ROOT     4
        .       PUNCT .   .       punct    4
        """,
    )
    assert _ents(doc) == [("Tom Hensley", "PERSON"), ("QC", "TITLE")]


def test_components_an_organisation_word_before_a_postnominal_keeps_the_organisation() -> None:
    doc = build(
        "Hensley Trust QC has warned.",
        """
        Hensley PROPN NNP Hensley compound 2 B-ORG
        Trust   PROPN NNP Trust   compound 2 I-ORG
        QC      PROPN NNP QC      nsubj    4 I-ORG
        has     AUX   VBZ have    aux      4
        warned  VERB  VBN warn    ROOT     4
        .       PUNCT .   .       punct    4
        """,
    )
    assert ("Hensley Trust QC", "ORG") in _ents(doc)


@pytest.mark.parametrize("text", ["The International Labour Organisation warned of job losses.", "The Labor Department said jobs grew."])
def test_components_a_party_name_inside_a_longer_name_is_no_party(nlp, text: str) -> None:
    doc = nlp(text)
    assert len(doc.ents) == 1 and len(doc.ents[0]) > 1


def test_components_a_seat_read_with_its_member_s_title_is_the_seat_and_the_title(nlp) -> None:
    ents = _ents(nlp("Mr Sayeed survived a vote. The Mid-Bedfordshire MP had denied the claim."))
    assert ("Mid-Bedfordshire", "ORG") in ents and ("MP", "TITLE") in ents


def test_components_a_party_with_its_title_is_still_a_party(nlp) -> None:
    assert ("Labour", "ORG") in _ents(nlp("Labour MP Ann Lee said the plan was wrong."))


def test_components_a_party_named_with_a_place_is_still_a_party(nlp) -> None:
    assert ("SNP", "ORG") in _ents(nlp("SNP Holyrood leader Nicola Sturgeon said so."))


def test_components_person_span_run_in_from_a_party_keeps_the_person() -> None:
    doc = build(
        "Green MP Alys Varney said so.",
        """
        Green   PROPN NNP Green  compound  3 B-PERSON
        MP      PROPN NNP MP     compound  3 I-PERSON
        Alys    PROPN NNP Alys   compound  3 I-PERSON
        Varney  PROPN NNP Varney nsubj     4 I-PERSON
        said    VERB  VBD say    ROOT      4
        so      ADV   RB  so     advmod    4
        .       PUNCT .   .      punct     4
        """,
    )
    assert ("Alys Varney", "PERSON") in _ents(doc) and ("MP", "TITLE") in _ents(doc)


def test_components_plural_acronym_title_splits_off_a_person_span() -> None:
    doc = build(
        "Labour MPs Ann Lee and Bo Fry voted.",
        """
        Labour  PROPN NNP  Labour compound  3 B-ORG
        MPs     PROPN NNPS MP     compound  3 B-PERSON
        Ann     PROPN NNP  Ann    compound  3 I-PERSON
        Lee     PROPN NNP  Lee    nsubj     7 I-PERSON
        and     CCONJ CC   and    cc        3
        Bo      PROPN NNP  Bo     compound  6 B-PERSON
        Fry     PROPN NNP  Fry    conj      3 I-PERSON
        voted   VERB  VBD  vote   ROOT      7
        .       PUNCT .    .      punct     7
        """,
    )
    assert ("Ann Lee", "PERSON") in _ents(doc) and ("MPs Ann Lee", "PERSON") not in _ents(doc)


def test_components_an_office_with_its_portfolio_is_one_title_over_the_model_s_organisations() -> None:
    doc = build(
        "The Shadow Secretary of State for Health, Andrew Lansley, spoke.",
        """
        The       DET   DT  the       det      2
        Shadow    PROPN NNP Shadow    compound 2  B-ORG
        Secretary PROPN NNP Secretary nsubj    11
        of        ADP   IN  of        prep     2
        State     PROPN NNP State     pobj     3  B-ORG
        for       ADP   IN  for       prep     4  I-ORG
        Health    PROPN NNP Health    pobj     5  I-ORG
        ,         PUNCT ,   ,         punct    2
        Andrew    PROPN NNP Andrew    compound 9  B-PERSON
        Lansley   PROPN NNP Lansley   appos    2  I-PERSON
        ,         PUNCT ,   ,         punct    2
        spoke     VERB  VBD speak     ROOT     11
        .         PUNCT .   .         punct    11
        """,
    )
    assert _ents(doc) == [("Shadow Secretary of State for Health", "TITLE"), ("Andrew Lansley", "PERSON")]


def test_components_a_name_run_on_from_a_portfolio_is_the_person_after_it() -> None:
    doc = build(
        "Minister for Europe Denis MacShane spoke.",
        """
        Minister PROPN NNP Minister compound 4
        for      ADP   IN  for      prep     0
        Europe   PROPN NNP Europe   pobj     1
        Denis    PROPN NNP Denis    compound 4  B-PERSON
        MacShane PROPN NNP MacShane nsubj    5  I-PERSON
        spoke    VERB  VBD speak    ROOT     5
        .        PUNCT .   .        punct    5
        """,
    )
    assert _ents(doc) == [("Minister for Europe", "TITLE"), ("Denis MacShane", "PERSON")]


def test_components_a_party_acronym_opening_a_company_name_is_the_company_s() -> None:
    doc = build(
        "Analysts at BNP Paribas agreed.",
        """
        Analysts PROPN NNS analyst  nsubj    4
        at       ADP   IN  at       prep     0
        BNP      PROPN NNP BNP      compound 3  B-ORG
        Paribas  PROPN NNP Paribas  pobj     1  I-ORG
        agreed   VERB  VBD agree    ROOT     4
        .        PUNCT .   .        punct    4
        """,
    )
    assert _ents(doc) == [("BNP Paribas", "ORG")]



def test_components_an_acronym_before_a_company_name_the_model_read_is_part_of_it() -> None:
    doc = build(
        "Analyst Nick Brul of BNP Paribas spoke.",
        """
        Analyst  PROPN NNP analyst  compound 2
        Nick     PROPN NNP Nick     compound 2  B-PERSON
        Brul     PROPN NNP Brul     nsubj    6  I-PERSON
        of       ADP   IN  of       prep     2
        BNP      PROPN NNP BNP      compound 5
        Paribas  PROPN NNP Paribas  pobj     3  B-ORG
        spoke    VERB  VBD speak    ROOT     6
        .        PUNCT .   .        punct    6
        """,
    )
    assert ("BNP Paribas", "ORG") in _ents(doc)
    assert ("BNP", "ORG") not in _ents(doc)


def test_components_two_names_one_of_which_the_article_names_alone_are_split_at_and() -> None:
    doc = build(
        "Gazprom and Rosneft merged. Rosneft paid.",
        """
        Gazprom PROPN NNP Gazprom nsubj    3 B-ORG
        and     CCONJ CC  and     cc       0 I-ORG
        Rosneft PROPN NNP Rosneft conj     0 I-ORG
        merged  VERB  VBD merge   ROOT     3
        .       PUNCT .   .       punct    3
        Rosneft PROPN NNP Rosneft nsubj    6 B-ORG
        paid    VERB  VBD pay     ROOT     6
        .       PUNCT .   .       punct    6
        """,
    )
    assert _ents(doc) == [("Gazprom", "ORG"), ("Rosneft", "ORG"), ("Rosneft", "ORG")]


def test_components_a_firm_named_x_and_y_stays_whole() -> None:
    doc = build(
        "Bradford and Bingley fell.",
        """
        Bradford PROPN NNP Bradford nsubj 3 B-ORG
        and      CCONJ CC  and      cc    0 I-ORG
        Bingley  PROPN NNP Bingley  conj  0 I-ORG
        fell     VERB  VBD fall     ROOT  3
        .        PUNCT .   .        punct 3
        """,
    )
    assert _ents(doc) == [("Bradford and Bingley", "ORG")]


def test_components_two_names_run_together_at_a_comma_are_split() -> None:
    doc = build(
        "Gazpromneft, Rosneft sued. Rosneft paid.",
        """
        Gazpromneft PROPN NNP Gazpromneft nsubj 3 B-ORG
        ,           PUNCT ,   ,           punct 0 I-ORG
        Rosneft     PROPN NNP Rosneft     conj  0 I-ORG
        sued        VERB  VBD sue         ROOT  3
        .           PUNCT .   .           punct 3
        Rosneft     PROPN NNP Rosneft     nsubj 6 B-ORG
        paid        VERB  VBD pay         ROOT  6
        .           PUNCT .   .           punct 6
        """,
    )
    assert _ents(doc) == [("Gazpromneft", "ORG"), ("Rosneft", "ORG"), ("Rosneft", "ORG")]


def test_components_a_capitalised_congress_is_the_body_not_a_meeting(nlp) -> None:
    assert ("US Congress", "ORG") in _ents(nlp("The president sent his budget to the US Congress."))
    assert ("Trades Union Congress", "ORG") in _ents(nlp("The Trades Union Congress said the plan was wrong."))


def test_components_a_numbered_congress_is_a_sitting(nlp) -> None:
    assert ("Congress", "EVENT") in _ents(nlp("Delegates gathered for the 16th Congress of the Communist Party."))


def test_components_a_sentence_s_opening_adverb_is_no_part_of_the_name_after_it(nlp) -> None:
    ents = _ents(nlp("Earlier Tory leader Michael Howard sent the president his congratulations."))
    assert ("Tory", "ORG") in ents
    assert not any(text.startswith("Earlier") for text, _ in ents)


def test_components_the_modal_opening_a_question_is_no_part_of_the_name_after_it(nlp) -> None:
    assert not any(text.startswith("Will") for text, _ in _ents(nlp("Will Vodafone buy Orange?")))
    assert any(text == "Will Hutton" for text, _ in _ents(nlp("Will Hutton said the plan would fail.")))


def test_components_a_place_and_the_town_it_is_in_are_two_names() -> None:
    doc = build(
        "He toured the Blue Mosque in Istanbul.",
        """
        He       PRON  PRP he       nsubj    1
        toured   VERB  VBD tour     ROOT     1
        the      DET   DT  the      det      4 B-FAC
        Blue     PROPN NNP Blue     compound 4 I-FAC
        Mosque   PROPN NNP Mosque   dobj     1 I-FAC
        in       ADP   IN  in       prep     4 I-FAC
        Istanbul PROPN NNP Istanbul pobj     5 I-FAC
        .        PUNCT .   .        punct    1
        """,
    )
    assert _ents(doc) == [("Blue Mosque", "FAC"), ("Istanbul", "GPE")]


def test_components_a_name_with_in_before_a_kind_of_body_stays_whole() -> None:
    doc = build(
        "The Efficiency in Government Unit reported.",
        """
        The        DET   DT  the        det      4 B-ORG
        Efficiency PROPN NNP Efficiency compound 4 I-ORG
        in         ADP   IN  in         prep     1 I-ORG
        Government PROPN NNP Government pobj     2 I-ORG
        Unit       PROPN NNP Unit       nsubj    5 I-ORG
        reported   VERB  VBD report     ROOT     5
        .          PUNCT .   .          punct    5
        """,
    )
    assert _ents(doc) == [("Efficiency in Government Unit", "ORG")]


def test_components_a_nationality_before_a_name_is_no_part_of_it(nlp) -> None:
    assert _ents(nlp("Briton Tim Henman beat Spaniard Rafael Nadal.")) == [("Tim Henman", "PERSON"), ("Rafael Nadal", "PERSON")]
    assert ("Sebastien Grosjean", "PERSON") in _ents(nlp("Frenchman Sebastien Grosjean lost in the final."))


def test_components_a_body_named_after_a_nation_keeps_the_nation(nlp) -> None:
    assert ("American Express", "ORG") in _ents(nlp("American Express reported higher profits."))


def test_components_honorific_name_before_a_possessive_is_the_person_not_what_it_owns() -> None:
    doc = build(
        "Lord Dubs' Succession Bill aims high.",
        """
        Lord       PROPN NNP Lord       compound  1
        Dubs       PROPN NNP Dubs       poss      4 B-ORG
        '          PART  POS '          case      1 I-ORG
        Succession PROPN NNP Succession compound  4 I-ORG
        Bill       PROPN NNP Bill       nsubj     5
        aims       VERB  VBZ aim        ROOT      5
        high       ADV   RB  high       advmod    5
        .          PUNCT .   .          punct     5
        """,
    )
    assert ("Dubs", "PERSON") in _ents(doc)
    assert not any("Succession" in text for text, _ in _ents(doc))


def test_components_common_noun_before_a_name_is_no_part_of_it() -> None:
    doc = build(
        "He bought broadcaster BSkyB's stake.",
        """
        He          PRON  PRP He          nsubj     1
        bought      VERB  VBD buy         ROOT      1
        broadcaster NOUN  NN  broadcaster compound  3 B-ORG
        BSkyB       PROPN NNP BSkyB       poss      5 I-ORG
        's          PART  POS 's          case      3 I-ORG
        stake       NOUN  NN  stake       dobj      1
        .           PUNCT .   .           punct     1
        """,
    )
    assert _ents(doc) == [("BSkyB", "ORG")]


def test_components_what_an_honorific_name_owns_keeps_its_own_name() -> None:
    doc = build(
        "Mr Brown's International Finance Facility failed.",
        """
        Mr            PROPN NNP Mr            compound  1 B-ORG
        Brown         PROPN NNP Brown         poss      5 I-ORG
        's            PART  POS 's            case      1 I-ORG
        International PROPN NNP International compound  5 I-ORG
        Finance       PROPN NNP Finance       compound  5 I-ORG
        Facility      PROPN NNP Facility      nsubj     6 I-ORG
        failed        VERB  VBD fail          ROOT      6
        .             PUNCT .   .             punct     6
        """,
    )
    assert ("Brown", "PERSON") in _ents(doc)
    assert ("International Finance Facility", "ORG") in _ents(doc)


def test_components_a_time_zone_before_a_name_is_no_part_of_it() -> None:
    doc = build(
        "By 1300 GMT Carnival's shares fell.",
        """
        By       ADP   IN  by       prep      5
        1300     NUM   CD  1300     pobj      0
        GMT      PROPN NNP GMT      compound  3 B-ORG
        Carnival PROPN NNP Carnival poss      5 I-ORG
        's       PART  POS 's       case      3 I-ORG
        shares   NOUN  NNS share    nsubj     6
        fell     VERB  VBD fall     ROOT      6
        .        PUNCT .   .        punct     6
        """,
    )
    assert _ents(doc) == [("Carnival", "ORG")]


def test_components_a_one_word_body_and_the_name_after_its_of_are_one_name() -> None:
    doc = build(
        "Shares in House of Fraser rose.",
        """
        Shares NOUN  NNS share  nsubj     5
        in     ADP   IN  in     prep      0
        House  PROPN NNP House  pobj      1 B-ORG
        of     ADP   IN  of     prep      2
        Fraser PROPN NNP Fraser pobj      3 B-GPE
        rose   VERB  VBD rise   ROOT      5
        .      PUNCT .   .      punct     5
        """,
    )
    assert _ents(doc) == [("House of Fraser", "ORG")]


def test_components_a_name_run_on_into_a_preposition_ends_before_it() -> None:
    doc = build(
        "He runs the Management Centre at Strathclyde University.",
        """
        He          PRON  PRP He          nsubj     1
        runs        VERB  VBZ run         ROOT      1
        the         DET   DT  the         det       4 B-ORG
        Management  PROPN NNP Management  compound  4 I-ORG
        Centre      PROPN NNP Centre      dobj      1 I-ORG
        at          ADP   IN  at          prep      4 I-ORG
        Strathclyde PROPN NNP Strathclyde compound  7 B-ORG
        University  PROPN NNP University  pobj      5 I-ORG
        .           PUNCT .   .           punct     1
        """,
    )
    assert _ents(doc) == [("Management Centre", "ORG"), ("Strathclyde University", "ORG")]
