"""Tests for kg.extract.qualifiers: date, place, polarity and modality read off hand-built parses."""
from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Span

from docs import PUBLISHED, build, passage_of
from kg.extract.entities import mention_of
from kg.extract.qualifiers import date_of, location_of, modality_of, polarity_of
from kg.model import Mention


def _dates(doc: Doc) -> list[Span]:
    return [e for e in doc.ents if e.label_ == "DATE"]


def _places(doc: Doc) -> list[tuple[Span, Mention]]:
    passage = passage_of(doc)
    found = [(e, mention_of(e, passage)) for e in doc.ents]
    return [(e, m) for e, m in found if m is not None and m.type in {"Place", "Country"}]


def _token(doc: Doc, text: str) -> int:
    return next(t.i for t in doc if t.text == text)


MET_ON_MONDAY_WITH_DATE = (
    "Ramaphosa met Ruto on Monday (March 9, 2026).",
    """
    Ramaphosa PROPN NNP   Ramaphosa nsubj    1 B-PERSON
    met       VERB  VBD   meet      ROOT     1
    Ruto      PROPN NNP   Ruto      dobj     1 B-PERSON
    on        ADP   IN    on        prep     1
    Monday    PROPN NNP   Monday    pobj     3 B-DATE
    (         PUNCT -LRB- (         punct    6
    March     PROPN NNP   March     appos    4 B-DATE
    9         NUM   CD    9         nummod   6 I-DATE
    ,         PUNCT ,     ,         punct    6 I-DATE
    2026      NUM   CD    2026      nummod   6 I-DATE
    )         PUNCT -RRB- )         punct    1
    .         PUNCT .     .         punct    1
    """,
)

ELECTED_IN_2019 = (
    "Ramaphosa, who was elected in 2019, met Ruto on Monday.",
    """
    Ramaphosa PROPN NNP Ramaphosa nsubj      8 B-PERSON
    ,         PUNCT ,   ,         punct      0
    who       PRON  WP  who       nsubjpass  4
    was       AUX   VBD be        auxpass    4
    elected   VERB  VBN elect     relcl      0
    in        ADP   IN  in        prep       4
    2019      NUM   CD  2019      pobj       5 B-DATE
    ,         PUNCT ,   ,         punct      0
    met       VERB  VBD meet      ROOT       8
    Ruto      PROPN NNP Ruto      dobj       8 B-PERSON
    on        ADP   IN  on        prep       8
    Monday    PROPN NNP Monday    pobj      10 B-DATE
    .         PUNCT .   .         punct      8
    """,
)


def test_qualifiers_date_prefers_full_date_over_weekday() -> None:
    doc = build(*MET_ON_MONDAY_WITH_DATE)
    assert [d.text for d in _dates(doc)] == ["Monday", "March 9, 2026"]
    assert date_of(doc[1], _dates(doc), PUBLISHED) == "2026-03-09"
    # Without a publication date only the dated phrase can be placed.
    assert date_of(doc[1], _dates(doc), None) == "2026-03-09"


def test_qualifiers_weekday_resolves_on_or_before_published() -> None:
    doc = build(*ELECTED_IN_2019)
    met = doc[_token(doc, "met")]
    # 2026-03-11 is a Wednesday; the Monday on or before it is 2026-03-09.
    assert date_of(met, _dates(doc), PUBLISHED) == "2026-03-09"
    assert date_of(met, _dates(doc), date(2026, 3, 9)) == "2026-03-09"
    assert date_of(met, _dates(doc), None) is None


def test_qualifiers_date_under_another_verb_is_not_attached() -> None:
    doc = build(*ELECTED_IN_2019)
    met, elected = doc[_token(doc, "met")], doc[_token(doc, "elected")]
    assert date_of(met, _dates(doc), PUBLISHED) != "2019"
    assert date_of(elected, _dates(doc), PUBLISHED) == "2019"
    # The noun "Ruto" has no date of its own.
    assert date_of(doc[_token(doc, "Ruto")], _dates(doc), PUBLISHED) is None


def test_qualifiers_date_as_bare_noun_phrase_adverbial() -> None:
    doc = build(
        "Ruto visited Pretoria last year.",
        """
        Ruto     PROPN NNP Ruto     nsubj     1 B-PERSON
        visited  VERB  VBD visit    ROOT      1
        Pretoria PROPN NNP Pretoria dobj      1 B-GPE
        last     ADJ   JJ  last     amod      4 B-DATE
        year     NOUN  NN  year     npadvmod  1 I-DATE
        .        PUNCT .   .        punct     1
        """,
    )
    assert date_of(doc[1], _dates(doc), PUBLISHED) == "2025"


def test_qualifiers_date_after_non_temporal_preposition_is_not_attached() -> None:
    doc = build(
        "Ruto praised the election of 2022.",
        """
        Ruto     PROPN NNP Ruto     nsubj  1 B-PERSON
        praised  VERB  VBD praise   ROOT   1
        the      DET   DT  the      det    3
        election NOUN  NN  election dobj   1
        of       ADP   IN  of       prep   3
        2022     NUM   CD  2022     pobj   4 B-DATE
        .        PUNCT .   .        punct  1
        """,
    )
    assert date_of(doc[1], _dates(doc), PUBLISHED) is None


MET_AT_STATE_HOUSE = (
    "Ruto met Ramaphosa at the State House in Pretoria.",
    """
    Ruto      PROPN NNP Ruto      nsubj  1 B-PERSON
    met       VERB  VBD meet      ROOT   1
    Ramaphosa PROPN NNP Ramaphosa dobj   1 B-PERSON
    at        ADP   IN  at        prep   1
    the       DET   DT  the       det    6 B-ORG
    State     PROPN NNP State     compound 6 I-ORG
    House     PROPN NNP House     pobj   3 I-ORG
    in        ADP   IN  in        prep   6
    Pretoria  PROPN NNP Pretoria  pobj   7 B-GPE
    .         PUNCT .   .         punct  1
    """,
)


def test_qualifiers_location_from_in_phrase_of_the_clause() -> None:
    doc = build(*MET_AT_STATE_HOUSE)
    where = location_of(doc[1], _places(doc), exclude=set())
    assert where is not None and (where.name, where.type, where.key) == ("Pretoria", "Place", "place:pretoria")


def test_qualifiers_location_skips_an_argument() -> None:
    doc = build(*MET_AT_STATE_HOUSE)
    assert location_of(doc[1], _places(doc), exclude={"place:pretoria"}) is None


def test_qualifiers_location_of_a_country() -> None:
    doc = build(
        "Ruto spoke in Kenya.",
        """
        Ruto  PROPN NNP Ruto  nsubj  1 B-PERSON
        spoke VERB  VBD speak ROOT   1
        in    ADP   IN  in    prep   1
        Kenya PROPN NNP Kenya pobj   2 B-GPE
        .     PUNCT .   .     punct  1
        """,
    )
    where = location_of(doc[1], _places(doc), exclude=set())
    assert where is not None and where.key == "country:KE"


def test_qualifiers_location_under_another_verb_is_not_attached() -> None:
    doc = build(
        "Ruto, who studied in Nairobi, met Ramaphosa.",
        """
        Ruto      PROPN NNP Ruto      nsubj  7 B-PERSON
        ,         PUNCT ,   ,         punct  0
        who       PRON  WP  who       nsubj  3
        studied   VERB  VBD study     relcl  0
        in        ADP   IN  in        prep   3
        Nairobi   PROPN NNP Nairobi   pobj   4 B-GPE
        ,         PUNCT ,   ,         punct  0
        met       VERB  VBD meet      ROOT   7
        Ramaphosa PROPN NNP Ramaphosa dobj   7 B-PERSON
        .         PUNCT .   .         punct  7
        """,
    )
    assert location_of(doc[7], _places(doc), exclude=set()) is None
    studied = location_of(doc[3], _places(doc), exclude=set())
    assert studied is not None and studied.name == "Nairobi"


def test_qualifiers_location_inside_a_from_phrase_is_where_the_clause_left() -> None:
    doc = build(
        "Cairn moved to Asia from interests in Kenya.",
        """
        Cairn     PROPN NNP Cairn    nsubj  1 B-ORG
        moved     VERB  VBD move     ROOT   1
        to        ADP   IN  to       prep   1
        Asia      PROPN NNP Asia     pobj   2 B-LOC
        from      ADP   IN  from     prep   1
        interests NOUN  NNS interest pobj   4
        in        ADP   IN  in       prep   5
        Kenya     PROPN NNP Kenya    pobj   6 B-GPE
        .         PUNCT .   .        punct  1
        """,
    )
    assert location_of(doc[1], _places(doc), exclude=set()) is None


def test_qualifiers_location_of_an_event_the_clause_came_after_is_not_the_clause_s() -> None:
    doc = build(
        "Since the attacks in Kenya, Ruto cut jobs.",
        """
        Since   ADP   IN  since  prep   7
        the     DET   DT  the    det    2
        attacks NOUN  NNS attack pobj   0
        in      ADP   IN  in     prep   2
        Kenya   PROPN NNP Kenya  pobj   3 B-GPE
        ,       PUNCT ,   ,      punct  7
        Ruto    PROPN NNP Ruto   nsubj  7 B-PERSON
        cut     VERB  VBD cut    ROOT   7
        jobs    NOUN  NNS job    dobj   7
        .       PUNCT .   .      punct  7
        """,
    )
    assert location_of(doc[7], _places(doc), exclude=set()) is None


def test_qualifiers_location_listed_with_an_argument_is_no_location() -> None:
    doc = build(
        "Ruto visited troops in Kenya and Uganda.",
        """
        Ruto    PROPN NNP Ruto    nsubj  1 B-PERSON
        visited VERB  VBD visit   ROOT   1
        troops  NOUN  NNS troop   dobj   1
        in      ADP   IN  in      prep   2
        Kenya   PROPN NNP Kenya   pobj   3 B-GPE
        and     CCONJ CC  and     cc     4
        Uganda  PROPN NNP Uganda  conj   4 B-GPE
        .       PUNCT .   .       punct  1
        """,
    )
    assert location_of(doc[1], _places(doc), exclude={"country:UG"}) is None


def test_qualifiers_location_needs_a_place_preposition() -> None:
    doc = build(
        "Ruto flew to Nairobi.",
        """
        Ruto    PROPN NNP Ruto    nsubj  1 B-PERSON
        flew    VERB  VBD fly     ROOT   1
        to      ADP   IN  to      prep   1
        Nairobi PROPN NNP Nairobi pobj   2 B-GPE
        .       PUNCT .   .       punct  1
        """,
    )
    assert location_of(doc[1], _places(doc), exclude=set()) is None


def test_qualifiers_polarity_positive_by_default() -> None:
    doc = build(*MET_AT_STATE_HOUSE)
    assert polarity_of(doc[1]) == "positive"


def test_qualifiers_polarity_never_is_negative() -> None:
    doc = build(
        "Ruto never met Ramaphosa.",
        """
        Ruto      PROPN NNP Ruto      nsubj  2 B-PERSON
        never     ADV   RB  never     neg    2
        met       VERB  VBD meet      ROOT   2
        Ramaphosa PROPN NNP Ramaphosa dobj   2 B-PERSON
        .         PUNCT .   .         punct  2
        """,
    )
    assert polarity_of(doc[2]) == "negative"


def test_qualifiers_polarity_negating_head_of_xcomp() -> None:
    doc = build(
        "Ramaphosa refused to meet Ruto.",
        """
        Ramaphosa PROPN NNP Ramaphosa nsubj  1 B-PERSON
        refused   VERB  VBD refuse    ROOT   1
        to        PART  TO  to        aux    3
        meet      VERB  VB  meet      xcomp  1
        Ruto      PROPN NNP Ruto      dobj   3 B-PERSON
        .         PUNCT .   .         punct  1
        """,
    )
    assert polarity_of(doc[3]) == "negative"
    # "refused" itself happened.
    assert polarity_of(doc[1]) == "positive"


def test_qualifiers_polarity_negating_adjective_complement() -> None:
    doc = build(
        "Ruto was unable to attend the Africa Summit.",
        """
        Ruto   PROPN NNP Ruto   nsubj     1 B-PERSON
        was    AUX   VBD be     ROOT      1
        unable ADJ   JJ  unable acomp     1
        to     PART  TO  to     aux       4
        attend VERB  VB  attend xcomp     2
        the    DET   DT  the    det       7 B-ORG
        Africa PROPN NNP Africa compound  7 I-ORG
        Summit PROPN NNP Summit dobj      4 I-ORG
        .      PUNCT .   .      punct     1
        """,
    )
    assert polarity_of(doc[4]) == "negative"


def test_qualifiers_polarity_negated_governor_of_xcomp() -> None:
    doc = build(
        "Ruto did not want to visit Pretoria.",
        """
        Ruto     PROPN NNP Ruto     nsubj  3 B-PERSON
        did      AUX   VBD do       aux    3
        not      PART  RB  not      neg    3
        want     VERB  VB  want     ROOT   3
        to       PART  TO  to       aux    5
        visit    VERB  VB  visit    xcomp  3
        Pretoria PROPN NNP Pretoria dobj   5 B-GPE
        .        PUNCT .   .        punct  3
        """,
    )
    assert polarity_of(doc[5]) == "negative"
    assert modality_of(doc[5]) == "hoped"


def test_qualifiers_modality_asserted_by_default() -> None:
    doc = build(*MET_AT_STATE_HOUSE)
    assert modality_of(doc[1]) == "asserted"


def test_qualifiers_modality_modal_auxiliary() -> None:
    doc = build(
        "Ruto could visit Pretoria.",
        """
        Ruto     PROPN NNP Ruto     nsubj  2 B-PERSON
        could    AUX   MD  could    aux    2
        visit    VERB  VB  visit    ROOT   2
        Pretoria PROPN NNP Pretoria dobj   2 B-GPE
        .        PUNCT .   .        punct  2
        """,
    )
    assert modality_of(doc[2]) == "possible"


def test_qualifiers_modality_from_governing_verb() -> None:
    doc = build(
        "Kenya plans to host the Africa Cup.",
        """
        Kenya  PROPN NNP Kenya  nsubj     1 B-GPE
        plans  VERB  VBZ plan   ROOT      1
        to     PART  TO  to     aux       3
        host   VERB  VB  host   xcomp     1
        the    DET   DT  the    det       6 B-EVENT
        Africa PROPN NNP Africa compound  6 I-EVENT
        Cup    PROPN NNP Cup    dobj      3 I-EVENT
        .      PUNCT .   .      punct     1
        """,
    )
    assert modality_of(doc[3]) == "planned"
    assert modality_of(doc[1]) == "asserted"


YUKOS_SAID_IT_WILL_SUE = (
    "Yukos said it will sue Baikal.",
    """
    Yukos  PROPN NNP Yukos  nsubj  1 B-ORG
    said   VERB  VBD say    ROOT   1
    it     PRON  PRP it     nsubj  4
    will   AUX   MD  will   aux    4
    sue    VERB  VB  sue    ccomp  1
    Baikal PROPN NNP Baikal dobj   4 B-ORG
    .      PUNCT .   .      punct  1
    """,
)


def test_qualifiers_modality_a_said_future_is_planned_not_reported() -> None:
    doc = build(*YUKOS_SAID_IT_WILL_SUE)
    assert modality_of(doc[4]) == "planned"


def test_qualifiers_modality_a_said_would_is_the_will_of_reported_speech() -> None:
    doc = build(
        "Qwest said it would submit a bid.",
        """
        Qwest  PROPN NNP Qwest  nsubj  1 B-ORG
        said   VERB  VBD say    ROOT   1
        it     PRON  PRP it     nsubj  4
        would  AUX   MD  would  aux    4
        submit VERB  VB  submit ccomp  1
        a      DET   DT  a      det    6
        bid    NOUN  NN  bid    dobj   4
        .      PUNCT .   .      punct  1
        """,
    )
    assert modality_of(doc[4]) == "planned"


def test_qualifiers_modality_a_said_clause_without_a_future_stays_reported() -> None:
    doc = build(
        "Yukos said it sued Baikal.",
        """
        Yukos  PROPN NNP Yukos  nsubj  1 B-ORG
        said   VERB  VBD say    ROOT   1
        it     PRON  PRP it     nsubj  3
        sued   VERB  VBD sue    ccomp  1
        Baikal PROPN NNP Baikal dobj   3 B-ORG
        .      PUNCT .   .      punct  1
        """,
    )
    assert modality_of(doc[3]) == "reported"


def test_qualifiers_modality_a_future_figure_is_expected() -> None:
    doc = build(*YUKOS_SAID_IT_WILL_SUE)
    assert modality_of(doc[4], forecast=True) == "expected"


def test_qualifiers_modality_a_participle_clause_has_the_future_of_its_head() -> None:
    doc = build(
        "GM will do less well, delivering profits.",
        """
        GM         PROPN NNP GM      nsubj  2 B-ORG
        will       AUX   MD  will    aux    2
        do         VERB  VB  do      ROOT   2
        less       ADV   RBR less    advmod 4
        well       ADV   RB  well    advmod 2
        ,          PUNCT ,   ,       punct  2
        delivering VERB  VBG deliver advcl  2
        profits    NOUN  NNS profit  dobj   6
        .          PUNCT .   .       punct  2
        """,
    )
    assert modality_of(doc[6], forecast=True) == "expected"


def _by_means(verb: str, tag: str, aux: str | None) -> Doc:
    words = ["Orange", *([aux] if aux else []), verb, "the", "deal", "by", "selling", "a", "stake", "."]
    v = 2 if aux else 1
    rows = [
        "Orange PROPN NNP Orange nsubj {v} B-ORG",
        *([f"{aux} AUX MD {aux} aux {{v}}"] if aux else []),
        f"{verb} VERB {tag} fund ROOT {{v}}",
        "the DET DT the det {d}",
        "deal NOUN NN deal dobj {v}",
        "by ADP IN by prep {v}",
        "selling VERB VBG sell pcomp {b}",
        "a DET DT a det {k}",
        "stake NOUN NN stake dobj {g}",
        ". PUNCT . . punct {v}",
    ]
    return build(" ".join(words), "\n".join(r.format(v=v, d=v + 2, b=v + 3, k=v + 6, g=v + 4) for r in rows))


def test_qualifiers_modality_a_means_by_gerund_is_as_sure_as_what_it_is_for() -> None:
    # "will fund the deal by selling a stake": the sale is planned with the funding.
    planned = _by_means("fund", "VB", "will")
    assert modality_of(planned[6]) == modality_of(planned[2]) == "planned"
    done = _by_means("funded", "VBD", None)
    assert modality_of(done[5]) == "asserted"


def test_qualifiers_modality_could_not_is_said_outright() -> None:
    doc = build(
        "Ruto could not visit Pretoria.",
        """
        Ruto     PROPN NNP Ruto     nsubj  3 B-PERSON
        could    AUX   MD  could    aux    3
        not      PART  RB  not      neg    3
        visit    VERB  VB  visit    ROOT   3
        Pretoria PROPN NNP Pretoria dobj   3 B-GPE
        .        PUNCT .   .        punct  3
        """,
    )
    assert modality_of(doc[3]) == "asserted"
    assert polarity_of(doc[3]) == "negative"


def test_qualifiers_modality_would_under_an_if_clause_is_possible() -> None:
    doc = build(
        "Sony would buy Aiwa if the board agreed.",
        """
        Sony   PROPN NNP Sony   nsubj  2 B-ORG
        would  AUX   MD  would  aux    2
        buy    VERB  VB  buy    ROOT   2
        Aiwa   PROPN NNP Aiwa   dobj   2 B-ORG
        if     SCONJ IN  if     mark   7
        the    DET   DT  the    det    6
        board  NOUN  NN  board  nsubj  7
        agreed VERB  VBD agree  advcl  2
        .      PUNCT .   .      punct  2
        """,
    )
    assert modality_of(doc[2]) == "possible"


def test_qualifiers_modality_through_the_preposition_of_a_wishing_adjective() -> None:
    doc = build(
        "Yukos is keen on buying Yugansk.",
        """
        Yukos   PROPN NNP Yukos   nsubj  1 B-ORG
        is      AUX   VBZ be      ROOT   1
        keen    ADJ   JJ  keen    acomp  1
        on      ADP   IN  on      prep   2
        buying  VERB  VBG buy     pcomp  3
        Yugansk PROPN NNP Yugansk dobj   4 B-ORG
        .       PUNCT .   .       punct  1
        """,
    )
    assert modality_of(doc[4]) == "hoped"


def test_qualifiers_modality_nearest_embedding_word_wins() -> None:
    doc = build(
        "Kenya said Ruto is expected to visit Pretoria.",
        """
        Kenya    PROPN NNP Kenya    nsubj      1 B-GPE
        said     VERB  VBD say      ROOT       1
        Ruto     PROPN NNP Ruto     nsubjpass  4 B-PERSON
        is       AUX   VBZ be       auxpass    4
        expected VERB  VBN expect   ccomp      1
        to       PART  TO  to       aux        6
        visit    VERB  VB  visit    xcomp      4
        Pretoria PROPN NNP Pretoria dobj       6 B-GPE
        .        PUNCT .   .        punct      1
        """,
    )
    assert modality_of(doc[6]) == "expected"
    # The clause of "expected" itself is its complement's: expected too, the nearer word.
    assert modality_of(doc[4]) == "expected"
    assert modality_of(doc[1]) == "asserted"


def test_qualifiers_modality_claim_noun() -> None:
    doc = build(
        "Kenya's claim that Ruto will visit Pretoria surprised diplomats.",
        """
        Kenya     PROPN NNP Kenya     poss   2 B-GPE
        's        PART  POS 's        case   0
        claim     NOUN  NN  claim     nsubj  8
        that      SCONJ IN  that      mark   6
        Ruto      PROPN NNP Ruto      nsubj  6 B-PERSON
        will      AUX   MD  will      aux    6
        visit     VERB  VB  visit     acl    2
        Pretoria  PROPN NNP Pretoria  dobj   6 B-GPE
        surprised VERB  VBD surprise  ROOT   8
        diplomats NOUN  NNS diplomat  dobj   8
        .         PUNCT .   .         punct  8
        """,
    )
    assert modality_of(doc[6]) == "claimed"


def test_qualifiers_modality_stops_at_conjunct_with_own_subject() -> None:
    doc = build(
        "Kenya hopes to host the Africa Cup, and Egypt discussed the Nile Treaty.",
        """
        Kenya     PROPN NNP Kenya   nsubj      1 B-GPE
        hopes     VERB  VBZ hope    ROOT       1
        to        PART  TO  to      aux        3
        host      VERB  VB  host    xcomp      1
        the       DET   DT  the     det        6 B-EVENT
        Africa    PROPN NNP Africa  compound   6 I-EVENT
        Cup       PROPN NNP Cup     dobj       3 I-EVENT
        ,         PUNCT ,   ,       punct      1
        and       CCONJ CC  and     cc         1
        Egypt     PROPN NNP Egypt   nsubj     10 B-GPE
        discussed VERB  VBD discuss conj       1
        the       DET   DT  the     det       13 B-EVENT
        Nile      PROPN NNP Nile    compound  13 I-EVENT
        Treaty    PROPN NNP Treaty  dobj      10 I-EVENT
        .         PUNCT .   .       punct     10
        """,
    )
    assert modality_of(doc[3]) == "hoped"
    assert modality_of(doc[10]) == "asserted"


def test_qualifiers_modality_shared_by_conjunct_without_subject() -> None:
    doc = build(
        "Ruto may visit Pretoria and meet Ramaphosa.",
        """
        Ruto      PROPN NNP Ruto      nsubj  2 B-PERSON
        may       AUX   MD  may       aux    2
        visit     VERB  VB  visit     ROOT   2
        Pretoria  PROPN NNP Pretoria  dobj   2 B-GPE
        and       CCONJ CC  and       cc     2
        meet      VERB  VB  meet      conj   2
        Ramaphosa PROPN NNP Ramaphosa dobj   5 B-PERSON
        .         PUNCT .   .         punct  2
        """,
    )
    assert modality_of(doc[5]) == "possible"


def test_qualifiers_modality_likely_to_is_expected() -> None:
    doc = build(
        "Ruto is likely to visit Pretoria.",
        """
        Ruto     PROPN NNP Ruto     nsubj  1 B-PERSON
        is       AUX   VBZ be       ROOT   1
        likely   ADJ   JJ  likely   acomp  1
        to       PART  TO  to       aux    4
        visit    VERB  VB  visit    xcomp  1
        Pretoria PROPN NNP Pretoria dobj   4 B-GPE
        .        PUNCT .   .        punct  1
        """,
    )
    assert modality_of(doc[4]) == "expected"


def test_qualifiers_modality_hopes_with_model_lemma() -> None:
    doc = build(
        "Brazil hopes to host the World Cup.",
        """
        Brazil PROPN NNP Brazil nsubj     1 B-GPE
        hopes  VERB  VBZ hop    ROOT      1
        to     PART  TO  to     aux       3
        host   VERB  VB  host   xcomp     1
        the    DET   DT  the    det       6 B-EVENT
        World  PROPN NNP World  compound  6 I-EVENT
        Cup    PROPN NNP Cup    dobj      3 I-EVENT
        .      PUNCT .   .      punct     1
        """,
    )
    assert modality_of(doc[3]) == "hoped"


def test_qualifiers_polarity_negated_copula_of_an_adjective_governor() -> None:
    doc = build(
        "Ruto was never able to visit Pretoria.",
        """
        Ruto     PROPN NNP Ruto     nsubj  1 B-PERSON
        was      AUX   VBD be       ROOT   1
        never    ADV   RB  never    neg    1
        able     ADJ   JJ  able     acomp  1
        to       PART  TO  to       aux    5
        visit    VERB  VB  visit    xcomp  3
        Pretoria PROPN NNP Pretoria dobj   5 B-GPE
        .        PUNCT .   .        punct  1
        """,
    )
    assert polarity_of(doc[5]) == "negative"


def test_qualifiers_polarity_negating_noun_of_an_infinitive() -> None:
    doc = build(
        "Ruto's refusal to visit Pretoria angered many.",
        """
        Ruto     PROPN NNP Ruto     poss   2 B-PERSON
        's       PART  POS 's       case   0
        refusal  NOUN  NN  refusal  nsubj  6
        to       PART  TO  to       aux    4
        visit    VERB  VB  visit    acl    2
        Pretoria PROPN NNP Pretoria dobj   4 B-GPE
        angered  VERB  VBD anger    ROOT   6
        many     ADJ   JJ  many     dobj   6
        .        PUNCT .   .        punct  6
        """,
    )
    assert polarity_of(doc[4]) == "negative"


def test_qualifiers_modality_attempt_noun_is_hoped() -> None:
    doc = build(
        "Ruto made an attempt to visit Pretoria.",
        """
        Ruto     PROPN NNP Ruto     nsubj  1 B-PERSON
        made     VERB  VBD make     ROOT   1
        an       DET   DT  an       det    3
        attempt  NOUN  NN  attempt  dobj   1
        to       PART  TO  to       aux    5
        visit    VERB  VB  visit    acl    3
        Pretoria PROPN NNP Pretoria dobj   5 B-GPE
        .        PUNCT .   .        punct  1
        """,
    )
    assert modality_of(doc[5]) == "hoped"


def test_qualifiers_modality_a_verb_that_hedges_its_complement_hedges_its_subject_s_clause() -> None:
    doc = build(
        "Spain's economy is expected to grow.",
        """
        Spain    PROPN NNP Spain    poss       2 B-GPE
        's       PART  POS 's       case       0
        economy  NOUN  NN  economy  nsubjpass  4
        is       AUX   VBZ be       auxpass    4
        expected VERB  VBN expect   ROOT       4
        to       PART  TO  to       aux        6
        grow     VERB  VB  grow     xcomp      4
        .        PUNCT .   .        punct      4
        """,
    )
    assert modality_of(doc[4]) == "expected"


def test_qualifiers_modality_a_level_a_passive_forecast_puts_its_subject_at_is_expected() -> None:
    doc = build(
        "Growth is forecast at 2%.",
        """
        Growth   NOUN  NN  growth   nsubjpass  2
        is       AUX   VBZ be       auxpass    2
        forecast VERB  VBN forecast ROOT       2
        at       ADP   IN  at       prep       2
        2        NUM   CD  2        nummod     5 B-PERCENT
        %        NOUN  NN  %        pobj       3 I-PERCENT
        .        PUNCT .   .        punct      2
        """,
    )
    assert modality_of(doc[2]) == "expected"


def test_qualifiers_modality_a_passive_estimate_of_a_level_stays_asserted() -> None:
    doc = build(
        "Profits were estimated at 2%.",
        """
        Profits   NOUN  NNS profit    nsubjpass  2
        were      AUX   VBD be        auxpass    2
        estimated VERB  VBN estimate  ROOT       2
        at        ADP   IN  at        prep       2
        2         NUM   CD  2         nummod     5 B-PERCENT
        %         NOUN  NN  %         pobj       3 I-PERCENT
        .         PUNCT .   .         punct      2
        """,
    )
    assert modality_of(doc[2]) == "asserted"


def test_qualifiers_modality_a_verb_without_a_complement_is_its_own_clause() -> None:
    doc = build(
        "Spain expected growth.",
        """
        Spain    PROPN NNP Spain    nsubj  1 B-GPE
        expected VERB  VBD expect   ROOT   1
        growth   NOUN  NN  growth   dobj   1
        .        PUNCT .   .        punct  1
        """,
    )
    assert modality_of(doc[1]) == "asserted"


def test_qualifiers_modality_a_forecast_clause_is_expected() -> None:
    doc = build(
        "Fitch forecasts that inflation will rise.",
        """
        Fitch     PROPN NNP Fitch     nsubj  1 B-ORG
        forecasts VERB  VBZ forecast  ROOT   1
        that      SCONJ IN  that      mark   5
        inflation NOUN  NN  inflation nsubj  5
        will      AUX   MD  will      aux    5
        rise      VERB  VB  rise      ccomp  1
        .         PUNCT .   .         punct  1
        """,
    )
    assert modality_of(doc[5]) == "expected"


def test_qualifiers_modality_a_likely_complement_hedges_the_copula_s_subject() -> None:
    doc = build(
        "Sales are likely to fall.",
        """
        Sales  NOUN  NNS sale   nsubj  1
        are    AUX   VBP be     ROOT   1
        likely ADJ   JJ  likely acomp  1
        to     PART  TO  to     aux    4
        fall   VERB  VB  fall   xcomp  2
        .      PUNCT .   .      punct  1
        """,
    )
    assert modality_of(doc[1]) == "expected"
