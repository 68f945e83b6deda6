"""Tests for kg.extract.relations: hand-parsed sentences -> statements, one test per rule family.

No model is loaded: every Doc is built from a parse table (see tests/docs.py) copied from
spaCy's small English model, with entity labels corrected where the model misread a name.
"""
from __future__ import annotations

import pytest

from conftest import has
from docs import PUBLISHED, build, extract, find, triples


def test_relations_active_verb_frame_with_place_and_date() -> None:
    doc = build(
        "Merkel met Macron in Paris on Friday.",
        """
        Merkel PROPN NNP Merkel nsubj  1 B-PERSON
        met    VERB  VBD meet   ROOT   1
        Macron PROPN NNP Macron dobj   1 B-PERSON
        in     ADP   IN  in     prep   1
        Paris  PROPN NNP Paris  pobj   3 B-GPE
        on     ADP   IN  on     prep   1
        Friday PROPN NNP Friday pobj   5 B-DATE
        .      PUNCT .   .      punct  1
        """,
    )
    out = extract(doc)
    s = find(out, "Merkel", "meets", "Macron")
    assert s.relation == "met"
    assert s.qualifiers.location is not None and s.qualifiers.location.name == "Paris"
    # Published on Wednesday 2026-03-11: "Friday" is the Friday before it.
    assert PUBLISHED.isoformat() == "2026-03-11"
    assert s.qualifiers.date == "2026-03-06"
    assert (s.polarity, s.modality) == ("positive", "asserted")
    assert s.extractor == "kg.rules.meets.v1"
    assert s.evidence.sentence == doc.text
    assert (s.evidence.start, s.evidence.end) == (0, len(doc.text))
    # The place is a qualifier, not a second object.
    assert triples(out) == {("Merkel", "meets", "Macron")}


def test_relations_date_needs_published_date_for_weekday() -> None:
    doc = build(
        "Merkel met Macron on Friday.",
        """
        Merkel PROPN NNP Merkel nsubj  1 B-PERSON
        met    VERB  VBD meet   ROOT   1
        Macron PROPN NNP Macron dobj   1 B-PERSON
        on     ADP   IN  on     prep   1
        Friday PROPN NNP Friday pobj   3 B-DATE
        .      PUNCT .   .      punct  1
        """,
    )
    assert find(extract(doc, published=None), "Merkel", "meets", "Macron").qualifiers.date is None


def test_relations_coordinated_objects_give_one_statement_each() -> None:
    doc = build(
        "Sunak met Meloni and Scholz in Rome.",
        """
        Sunak  PROPN NNP Sunak  nsubj  1 B-PERSON
        met    VERB  VBD meet   ROOT   1
        Meloni PROPN NNP Meloni dobj   1 B-PERSON
        and    CCONJ CC  and    cc     2
        Scholz PROPN NNP Scholz conj   2 B-PERSON
        in     ADP   IN  in     prep   1
        Rome   PROPN NNP Rome   pobj   5 B-GPE
        .      PUNCT .   .      punct  1
        """,
    )
    out = extract(doc)
    assert triples(out) == {("Sunak", "meets", "Meloni"), ("Sunak", "meets", "Scholz")}
    assert {s.qualifiers.location.name for s in out.statements if s.qualifiers.location} == {"Rome"}


def test_relations_coordinated_subjects_give_one_statement_each() -> None:
    doc = build(
        "Lula and Petro visited Caracas.",
        """
        Lula    PROPN NNP Lula    nsubj  3 B-PERSON
        and     CCONJ CC  and     cc     0
        Petro   PROPN NNP Petro   conj   0 B-PERSON
        visited VERB  VBD visit   ROOT   3
        Caracas PROPN NNP Caracas dobj   3 B-GPE
        .       PUNCT .   .       punct  3
        """,
    )
    assert triples(extract(doc)) == {("Lula", "visits", "Caracas"), ("Petro", "visits", "Caracas")}


def test_relations_met_with_takes_prepositional_object() -> None:
    doc = build(
        "Ruto met with Ramaphosa.",
        """
        Ruto      PROPN NNP Ruto      nsubj  1 B-PERSON
        met       VERB  VBD meet      ROOT   1
        with      ADP   IN  with      prep   1
        Ramaphosa PROPN NNP Ramaphosa pobj   2 B-PERSON
        .         PUNCT .   .         punct  1
        """,
    )
    s = find(extract(doc), "Ruto", "meets", "Ramaphosa")
    assert s.relation == "met with"


def test_relations_passive_agent_becomes_subject() -> None:
    doc = build(
        "Macron was criticised by Merkel.",
        """
        Macron     PROPN NNP Macron    nsubjpass  2 B-PERSON
        was        AUX   VBD be        auxpass    2
        criticised VERB  VBN criticise ROOT       2
        by         ADP   IN  by        agent      2
        Merkel     PROPN NNP Merkel    pobj       3 B-PERSON
        .          PUNCT .   .         punct      2
        """,
    )
    assert triples(extract(doc)) == {("Merkel", "criticizes", "Macron")}


def test_relations_negated_verb_is_negative() -> None:
    doc = build(
        "Albanese has not visited Japan.",
        """
        Albanese PROPN NNP Albanese nsubj  3 B-PERSON
        has      AUX   VBZ have     aux    3
        not      PART  RB  not      neg    3
        visited  VERB  VBN visit    ROOT   3
        Japan    PROPN NNP Japan    dobj   3 B-GPE
        .        PUNCT .   .        punct  3
        """,
    )
    s = find(extract(doc), "Albanese", "visits", "Japan")
    assert s.polarity == "negative"
    assert s.object.mention is not None and s.object.mention.key == "country:JP"


def test_relations_failed_to_is_negative() -> None:
    doc = build(
        "Lula failed to attend the G20 Summit.",
        """
        Lula   PROPN NNP Lula   nsubj     1 B-PERSON
        failed VERB  VBD fail   ROOT      1
        to     PART  TO  to     aux       3
        attend VERB  VB  attend xcomp     1
        the    DET   DT  the    det       6 B-ORG
        G20    PROPN NNP G20    compound  6 I-ORG
        Summit PROPN NNP Summit dobj      3 I-ORG
        .      PUNCT .   .      punct     1
        """,
    )
    s = find(extract(doc), "Lula", "attends", "G20 Summit")
    assert s.object.mention is not None and s.object.mention.type == "Event"
    assert s.polarity == "negative"


def test_relations_hopes_to_is_hoped() -> None:
    doc = build(
        "Brazil hopes to host the World Cup.",
        """
        Brazil PROPN NNP Brazil nsubj     1 B-GPE
        hopes  VERB  VBZ hope   ROOT      1
        to     PART  TO  to     aux       3
        host   VERB  VB  host   xcomp     1
        the    DET   DT  the    det       6 B-EVENT
        World  PROPN NNP World  compound  6 I-EVENT
        Cup    PROPN NNP Cup    dobj      3 I-EVENT
        .      PUNCT .   .      punct     1
        """,
    )
    s = find(extract(doc), "Brazil", "hosts", "World Cup")
    assert (s.polarity, s.modality) == ("positive", "hoped")


def test_relations_coordinated_clause_with_own_subject_stays_asserted() -> None:
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
    out = extract(doc)
    assert find(out, "Kenya", "hosts", "Africa Cup").modality == "hoped"
    discussion = find(out, "Egypt", "discusses", "Nile Treaty")
    assert discussion.modality == "asserted"
    assert discussion.object.mention is not None and discussion.object.mention.type == "Agreement"


def test_relations_expected_to_be_invited_is_expected() -> None:
    doc = build(
        "Ukraine is expected to be invited to the NATO Summit.",
        """
        Ukraine  PROPN NNP Ukraine nsubjpass  2 B-GPE
        is       AUX   VBZ be      auxpass    2
        expected VERB  VBN expect  ROOT       2
        to       PART  TO  to      aux        5
        be       AUX   VB  be      auxpass    5
        invited  VERB  VBN invite  xcomp      2
        to       ADP   IN  to      prep       5
        the      DET   DT  the     det        9 B-ORG
        NATO     PROPN NNP NATO    compound   9 I-ORG
        Summit   PROPN NNP Summit  pobj       6 I-ORG
        .        PUNCT .   .       punct      2
        """,
    )
    out = extract(doc)
    s = find(out, "Ukraine", "invitedTo", "NATO Summit")
    assert s.modality == "expected"
    assert s.extractor == "kg.rules.invitedTo.v1"
    assert triples(out) == {("Ukraine", "invitedTo", "NATO Summit")}


def test_relations_said_that_is_reported() -> None:
    doc = build(
        "Scholz said that Poland joined NATO.",
        """
        Scholz PROPN NNP Scholz nsubj  1 B-PERSON
        said   VERB  VBD say    ROOT   1
        that   SCONJ IN  that   mark   4
        Poland PROPN NNP Poland nsubj  4 B-GPE
        joined VERB  VBD join   ccomp  1
        NATO   PROPN NNP NATO   dobj   4 B-ORG
        .      PUNCT .   .      punct  1
        """,
    )
    out = extract(doc)
    assert find(out, "Poland", "memberOf", "NATO").modality == "reported"
    assert triples(out) == {("Poland", "memberOf", "NATO")}


def test_relations_statement_that_is_claimed() -> None:
    doc = build(
        "The ministry's statement that Chile will join NATO surprised diplomats.",
        """
        The       DET   DT  the       det        1
        ministry  NOUN  NN  ministry  poss       3
        's        PART  POS 's        case       1
        statement NOUN  NN  statement nsubj      9
        that      SCONJ IN  that      mark       7
        Chile     PROPN NNP Chile     nsubj      7 B-GPE
        will      AUX   MD  will      aux        7
        join      VERB  VB  join      acl        3
        NATO      PROPN NNP NATO      dobj       7 B-ORG
        surprised VERB  VBD surprise  ROOT       9
        diplomats NOUN  NNS diplomat  dobj       9
        .         PUNCT .   .         punct      9
        """,
    )
    out = extract(doc)
    assert find(out, "Chile", "memberOf", "NATO").modality == "claimed"
    assert triples(out) == {("Chile", "memberOf", "NATO")}


def test_relations_statement_that_perfect_clause_is_claimed() -> None:
    doc = build(
        "The ministry's statement that Chile had signed the Paris Agreement surprised diplomats.",
        """
        The       DET   DT  the       det        1
        ministry  NOUN  NN  ministry  poss       3
        's        PART  POS 's        case       1
        statement NOUN  NN  statement nsubj     11
        that      SCONJ IN  that      mark       7
        Chile     PROPN NNP Chile     nsubj      7 B-GPE
        had       AUX   VBD have      aux        7
        signed    VERB  VBN sign      acl        3
        the       DET   DT  the       det       10 B-LAW
        Paris     PROPN NNP Paris     compound  10 I-LAW
        Agreement PROPN NNP Agreement dobj       7 I-LAW
        surprised VERB  VBD surprise  ROOT      11
        diplomats NOUN  NNS diplomat  dobj      11
        .         PUNCT .   .         punct     11
        """,
    )
    assert find(extract(doc), "Chile", "agreesTo", "Paris Agreement").modality == "claimed"


def test_relations_may_is_possible() -> None:
    doc = build(
        "Erdogan may visit Athens.",
        """
        Erdogan PROPN NNP Erdogan nsubj  2 B-PERSON
        may     AUX   MD  may     aux    2
        visit   VERB  VB  visit   ROOT   2
        Athens  PROPN NNP Athens  dobj   2 B-GPE
        .       PUNCT .   .       punct  2
        """,
    )
    assert find(extract(doc), "Erdogan", "visits", "Athens").modality == "possible"


def test_relations_relative_clause_subject_is_its_head() -> None:
    doc = build(
        "Scholz, who visited Kyiv last year, praised Zelensky.",
        """
        Scholz   PROPN NNP Scholz   nsubj     8 B-PERSON
        ,        PUNCT ,   ,        punct     0
        who      PRON  WP  who      nsubj     3
        visited  VERB  VBD visit    relcl     0
        Kyiv     PROPN NNP Kyiv     dobj      3 B-GPE
        last     ADJ   JJ  last     amod      6 B-DATE
        year     NOUN  NN  year     npadvmod  3 I-DATE
        ,        PUNCT ,   ,        punct     0
        praised  VERB  VBD praise   ROOT      8
        Zelensky PROPN NNP Zelensky dobj      8 B-PERSON
        .        PUNCT .   .        punct     8
        """,
    )
    out = extract(doc)
    visit = find(out, "Scholz", "visits", "Kyiv")
    assert visit.qualifiers.date == "2025"
    # The main clause has a date of its own to give, none: "last year" dates the visit only.
    praise = find(out, "Scholz", "supports", "Zelensky")
    assert praise.qualifiers.date is None


def test_relations_event_noun_between_two_people() -> None:
    doc = build(
        "A call between Biden and Xi lasted two hours.",
        """
        A       DET   DT  a       det       1
        call    NOUN  NN  call    nsubj     6
        between ADP   IN  between prep      1
        Biden   PROPN NNP Biden   pobj      2 B-PERSON
        and     CCONJ CC  and     cc        3
        Xi      PROPN NNP Xi      conj      3 B-PERSON
        lasted  VERB  VBD last    ROOT      6
        two     NUM   CD  two     nummod    8 B-TIME
        hours   NOUN  NNS hour    npadvmod  6 I-TIME
        .       PUNCT .   .       punct     6
        """,
    )
    out = extract(doc)
    s = find(out, "Biden", "speaksWith", "Xi")
    assert s.relation == "call between"
    assert s.extractor == "kg.rules.speaksWith.noun.v1"
    assert triples(out) == {("Biden", "speaksWith", "Xi")}


def test_relations_possessive_event_noun() -> None:
    doc = build(
        "Modi's visit to Tokyo ended on Sunday.",
        """
        Modi   PROPN NNP Modi   poss   2 B-PERSON
        's     PART  POS 's     case   0
        visit  NOUN  NN  visit  nsubj  5
        to     ADP   IN  to     prep   2
        Tokyo  PROPN NNP Tokyo  pobj   3 B-GPE
        ended  VERB  VBD end    ROOT   5
        on     ADP   IN  on     prep   5
        Sunday PROPN NNP Sunday pobj   6 B-DATE
        .      PUNCT .   .      punct  5
        """,
    )
    s = find(extract(doc), "Modi", "visits", "Tokyo")
    assert s.relation == "visit to"
    assert s.qualifiers.date == "2026-03-08"


def test_relations_light_verb_hands_predicate_to_noun() -> None:
    doc = build(
        "Blinken held talks with Wang Yi in Beijing.",
        """
        Blinken PROPN NNP Blinken nsubj     1 B-PERSON
        held    VERB  VBD hold    ROOT      1
        talks   NOUN  NNS talk    dobj      1
        with    ADP   IN  with    prep      2
        Wang    PROPN NNP Wang    compound  5 B-PERSON
        Yi      PROPN NNP Yi      pobj      3 I-PERSON
        in      ADP   IN  in      prep      2
        Beijing PROPN NNP Beijing pobj      6 B-GPE
        .       PUNCT .   .       punct     1
        """,
    )
    out = extract(doc)
    # Talks held in person are a meeting (kg.predicates: meets, noun "talks" under "hold").
    s = find(out, "Blinken", "meets", "Wang Yi")
    assert s.relation == "talks with"
    assert s.qualifiers.location is not None and s.qualifiers.location.name == "Beijing"
    # The event noun under a light verb is read once, not again as a noun rule.
    assert len(out.statements) == 1


def test_relations_title_before_name_holds_position() -> None:
    doc = build(
        "German Chancellor Olaf Scholz arrived in Washington.",
        """
        German     ADJ   JJ  german     amod      1 B-NORP
        Chancellor PROPN NNP Chancellor compound  3
        Olaf       PROPN NNP Olaf       compound  3 B-PERSON
        Scholz     PROPN NNP Scholz     nsubj     4 I-PERSON
        arrived    VERB  VBD arrive     ROOT      4
        in         ADP   IN  in         prep      4
        Washington PROPN NNP Washington pobj      5 B-GPE
        .          PUNCT .   .          punct     4
        """,
    )
    s = find(extract(doc), "Olaf Scholz", "holdsPosition", "Chancellor")
    assert s.object.mention is not None and s.object.mention.type == "Position"
    assert s.qualifiers.affiliation is not None and s.qualifiers.affiliation.key == "country:DE"
    # A lasting state: the sentence's place is not the position's.
    assert s.qualifiers.location is None
    assert s.extractor == "kg.rules.title.v1"


def test_relations_title_after_country_name_takes_it_as_affiliation() -> None:
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
    out = extract(doc)
    s = find(out, "Scott Bessent", "holdsPosition", "Treasury Secretary")
    assert s.qualifiers.affiliation is not None and s.qualifiers.affiliation.key == "country:US"
    assert ("Scott Bessent", "meets", "Lagarde") in triples(out)


def test_relations_title_inside_reported_clause_is_still_asserted() -> None:
    doc = build(
        "Officials said German Chancellor Olaf Scholz may visit Tokyo.",
        """
        Officials  NOUN  NNS official   nsubj     1
        said       VERB  VBD say        ROOT      1
        German     ADJ   JJ  german     amod      3 B-NORP
        Chancellor PROPN NNP Chancellor compound  5
        Olaf       PROPN NNP Olaf       compound  5 B-PERSON
        Scholz     PROPN NNP Scholz     nsubj     7 I-PERSON
        may        AUX   MD  may        aux       7
        visit      VERB  VB  visit      ccomp     1
        Tokyo      PROPN NNP Tokyo      dobj      7 B-GPE
        .          PUNCT .   .          punct     1
        """,
    )
    out = extract(doc)
    assert find(out, "Olaf Scholz", "holdsPosition", "Chancellor").modality == "asserted"
    assert find(out, "Olaf Scholz", "visits", "Tokyo").modality == "possible"


def test_relations_apposition_title_gives_position_and_employer() -> None:
    doc = build(
        "Satya Nadella, chairman of Microsoft, visited Beijing.",
        """
        Satya     PROPN NNP Satya     compound  1 B-PERSON
        Nadella   PROPN NNP Nadella   nsubj     7 I-PERSON
        ,         PUNCT ,   ,         punct     1
        chairman  NOUN  NN  chairman  appos     1
        of        ADP   IN  of        prep      3
        Microsoft PROPN NNP Microsoft pobj      4 B-ORG
        ,         PUNCT ,   ,         punct     1
        visited   VERB  VBD visit     ROOT      7
        Beijing   PROPN NNP Beijing   dobj      7 B-GPE
        .         PUNCT .   .         punct     7
        """,
    )
    out = extract(doc)
    position = find(out, "Satya Nadella", "holdsPosition", "chairman")
    assert position.qualifiers.affiliation is not None and position.qualifiers.affiliation.name == "Microsoft"
    assert position.extractor == "kg.rules.appos.v1"
    find(out, "Satya Nadella", "worksFor", "Microsoft")
    find(out, "Satya Nadella", "visits", "Beijing")


def test_relations_apposition_multiword_title() -> None:
    doc = build(
        "Tim Cook, chief executive of Apple, visited Beijing.",
        """
        Tim       PROPN NNP Tim       compound  1 B-PERSON
        Cook      PROPN NNP Cook      nsubj     8 I-PERSON
        ,         PUNCT ,   ,         punct     1
        chief     ADJ   JJ  chief     amod      4
        executive NOUN  NN  executive appos     1
        of        ADP   IN  of        prep      4
        Apple     PROPN NNP Apple     pobj      5 B-ORG
        ,         PUNCT ,   ,         punct     1
        visited   VERB  VBD visit     ROOT      8
        Beijing   PROPN NNP Beijing   dobj      8 B-GPE
        .         PUNCT .   .         punct     8
        """,
    )
    out = extract(doc)
    position = find(out, "Tim Cook", "holdsPosition", "chief executive")
    assert position.object.mention is not None and position.object.mention.key == "position:chief executive"
    find(out, "Tim Cook", "worksFor", "Apple")


def test_relations_led_modifier_organizes() -> None:
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
    out = extract(doc)
    s = find(out, "United States", "organizes", "Combined Maritime Forces")
    assert s.subject.key == "country:US"
    assert s.subject.text == "U.S."
    assert doc.text[s.subject.start : s.subject.end] == "U.S."
    assert s.relation == "U.S.-led"
    assert s.extractor == "kg.rules.led.v1"


def test_relations_led_modifier_split_by_tokenizer() -> None:
    doc = build(
        "The Saudi-led Islamic Military Coalition bombed Sanaa.",
        """
        The       DET   DT  the       det       6
        Saudi     PROPN NNP Saudi     npadvmod  3 B-NORP
        -         PUNCT HYPH -        punct     3
        led       VERB  VBN lead      amod      6
        Islamic   PROPN NNP Islamic   compound  6 B-ORG
        Military  PROPN NNP Military  compound  6 I-ORG
        Coalition PROPN NNP Coalition nsubj     7 I-ORG
        bombed    VERB  VBD bomb      ROOT      7
        Sanaa     PROPN NNP Sanaa     dobj      7 B-GPE
        .         PUNCT .   .         punct     7
        """,
    )
    find(extract(doc), "Saudi Arabia", "organizes", "Islamic Military Coalition")


def test_relations_tariff_with_rate_and_inherited_ends() -> None:
    doc = build(
        "Canada imposed 25% tariffs on Chinese steel and 10% tariffs on aluminium.",
        """
        Canada    PROPN NNP Canada    nsubj     1 B-GPE
        imposed   VERB  VBD impose    ROOT      1
        25        NUM   CD  25        nummod    3 B-PERCENT
        %         NOUN  NN  %         compound  4 I-PERCENT
        tariffs   NOUN  NNS tariff    dobj      1
        on        ADP   IN  on        prep      4
        Chinese   ADJ   JJ  chinese   amod      7 B-NORP
        steel     NOUN  NN  steel     pobj      5
        and       CCONJ CC  and       cc        4
        10        NUM   CD  10        nummod   10 B-PERCENT
        %         NOUN  NN  %         compound 11 I-PERCENT
        tariffs   NOUN  NNS tariff    conj      4
        on        ADP   IN  on        prep     11
        aluminium NOUN  NN  aluminium pobj     12
        .         PUNCT .   .         punct     1
        """,
    )
    out = extract(doc)
    tariffs = [s for s in out.statements if s.predicate == "tariffOn"]
    assert {(s.subject.key, s.object.mention.key, s.qualifiers.rate.value) for s in tariffs} == {
        ("country:CA", "country:CN", 25),
        ("country:CA", "country:CN", 10),
    }
    assert all(s.qualifiers.rate.unit == "percent" for s in tariffs)
    assert all(s.extractor == "kg.rules.tariff.v1" for s in tariffs)


def test_relations_tariff_without_rate_is_not_stated() -> None:
    doc = build(
        "Canada imposed tariffs on China.",
        """
        Canada  PROPN NNP Canada  nsubj  1 B-GPE
        imposed VERB  VBD impose  ROOT   1
        tariffs NOUN  NNS tariff  dobj   1
        on      ADP   IN  on      prep   2
        China   PROPN NNP China   pobj   3 B-GPE
        .       PUNCT .   .       punct  1
        """,
    )
    assert not [s for s in extract(doc).statements if s.predicate == "tariffOn"]


def test_relations_declared_verb_gives_its_predicate() -> None:
    doc = build(
        "Pfizer acquired Seagen.",
        """
        Pfizer   PROPN NNP Pfizer  nsubj  1 B-ORG
        acquired VERB  VBD acquire ROOT   1
        Seagen   PROPN NNP Seagen  dobj   1 B-ORG
        .        PUNCT .   .       punct  1
        """,
    )
    s = find(extract(doc), "Pfizer", "acquires", "Seagen")
    assert s.relation == "acquired"
    assert s.extractor == "kg.rules.acquires.v1"


def test_relations_unlisted_verb_gives_open_statement() -> None:
    doc = build(
        "Pfizer licensed Seagen.",
        """
        Pfizer   PROPN NNP Pfizer  nsubj  1 B-ORG
        licensed VERB  VBD license ROOT   1
        Seagen   PROPN NNP Seagen  dobj   1 B-ORG
        .        PUNCT .   .       punct  1
        """,
    )
    s = find(extract(doc), "Pfizer", "relatedTo", "Seagen")
    assert s.relation == "licensed"
    assert s.extractor == "kg.rules.open.v1"
    assert s.confidence == 0.5


def test_relations_open_statement_keeps_preposition() -> None:
    doc = build(
        "Mexico extradited Guzman to Canada.",
        """
        Mexico     PROPN NNP Mexico    nsubj  1 B-GPE
        extradited VERB  VBD extradite ROOT   1
        Guzman     PROPN NNP Guzman    dobj   1 B-PERSON
        to         ADP   IN  to        prep   1
        Canada     PROPN NNP Canada    pobj   3 B-GPE
        .          PUNCT .   .         punct  1
        """,
    )
    out = extract(doc)
    assert find(out, "Mexico", "relatedTo", "Guzman").relation == "extradited"
    assert find(out, "Mexico", "relatedTo", "Canada").relation == "extradited Guzman to"


def test_relations_open_statement_needs_named_object() -> None:
    doc = build(
        "Pfizer acquired a startup.",
        """
        Pfizer   PROPN NNP Pfizer  nsubj  1 B-ORG
        acquired VERB  VBD acquire ROOT   1
        a        DET   DT  a       det    3
        startup  NOUN  NN  startup dobj   1
        .        PUNCT .   .       punct  1
        """,
    )
    assert extract(doc).statements == ()


def test_relations_place_is_not_met() -> None:
    doc = build(
        "Merkel met Paris officials.",
        """
        Merkel    PROPN NNP Merkel   nsubj     1 B-PERSON
        met       VERB  VBD meet     ROOT      1
        Paris     PROPN NNP Paris    compound  3 B-GPE
        officials NOUN  NNS official dobj      1
        .         PUNCT .   .        punct     1
        """,
    )
    # "officials" stands for Paris only through a modifier, and a city is no agent to meet.
    assert extract(doc).statements == ()


def test_relations_pronoun_subject_points_back_at_last_person() -> None:
    doc = build(
        "Merkel landed. She met Macron.",
        """
        Merkel PROPN NNP Merkel nsubj  1 B-PERSON
        landed VERB  VBD land   ROOT   1
        .      PUNCT .   .      punct  1
        She    PRON  PRP she    nsubj  4
        met    VERB  VBD meet   ROOT   4
        Macron PROPN NNP Macron dobj   4 B-PERSON
        .      PUNCT .   .      punct  4
        """,
    )
    s = find(extract(doc), "Merkel", "meets", "Macron")
    assert s.subject.text == "She"
    assert s.confidence == round(0.85 * 0.85, 3)


@pytest.mark.model
def test_relations_open_relation_keeps_the_object_before_its_preposition(nlp) -> None:
    from kg.extract import extract_documents
    from kg.model import Document
    from kg.nlp import parse_documents

    texts = ["In 1983 Stanley Fischer became adviser to George Shultz.", "Laura Ashley floated its shares on the London Stock Exchange."]
    documents = [Document(f"r{i}", t, "test", segments=((0, len(t)),)) for i, t in enumerate(texts)]
    relations = {(s.subject.name, s.relation) for e in extract_documents(parse_documents(nlp, documents), classifier=None)
                 for s in e.statements if s.predicate == "relatedTo"}
    assert ("Stanley Fischer", "became adviser to") in relations
    assert ("Laura Ashley", "floated its shares on") in relations


@pytest.mark.model
def test_relations_the_place_of_an_act_is_no_end_of_an_open_relation(facts) -> None:
    found = facts("Yukos has filed for bankruptcy protection in the US.")
    assert not any(f.predicate == "relatedTo" and f.object == "United States" for f in found)


@pytest.mark.model
def test_relations_a_time_is_no_end_of_an_open_relation(facts) -> None:
    found = facts("Charles Clarke will ask Parliament to renew the law in the New Year.")
    assert not any(f.predicate == "relatedTo" and f.object == "New Year" for f in found)


@pytest.mark.model
def test_relations_a_fact_asked_about_is_only_possible(facts) -> None:
    assert has(facts("Should France approve the Maastricht Treaty?"), "France", "agreesTo", "Maastricht Treaty", modality="possible")


@pytest.mark.model
def test_relations_what_someone_is_accused_of_is_only_claimed(facts) -> None:
    found = facts("Labour accused the Tories of attacking Michael Howard.")
    assert has(found, "Conservative Party", "criticizes", "Michael Howard", modality="claimed")
    assert not any(f.predicate == "criticizes" and f.object == "Michael Howard" and f.modality == "asserted" for f in found)
