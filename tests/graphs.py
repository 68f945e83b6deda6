"""A small hand-made KnowledgeGraph shared by the RDF, analytics and render tests: no model needed.

One document of five sentences: a negated visit, a hoped and an asserted (dated, located)
meeting, a pledge of money and a statement of support with an amount; Japan is mentioned
in no statement.
"""
from __future__ import annotations

from datetime import date

from kg.model import Argument, Document, Entity, Evidence, KnowledgeGraph, Mention, Quantity, Qualifiers, Statement

TEXT = (
    "Marco Rubio has not visited India. Rubio hopes to meet Jaishankar. Rubio met Jaishankar in Delhi. "
    "India pledged $5 billion to the Quad. Japan said nothing."
)


def _mention(text: str, type_: str, key: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return Mention("d1", start, start + len(text), text, type_, text, key)


def sentence_span(number: int) -> tuple[int, int]:
    starts = [0] + [i + 2 for i, c in enumerate(TEXT) if c == "." and i + 2 < len(TEXT)]
    start = starts[number]
    return start, TEXT.index(".", start) + 1


RUBIO = [_mention("Marco Rubio", "Person", "person:rubio"), _mention("Rubio", "Person", "person:rubio", 1), _mention("Rubio", "Person", "person:rubio", 2)]
JAISHANKAR = [_mention("Jaishankar", "Person", "person:jaishankar"), _mention("Jaishankar", "Person", "person:jaishankar", 1)]
INDIA = [_mention("India", "Country", "country:IN"), _mention("India", "Country", "country:IN", 1)]
DELHI = _mention("Delhi", "Place", "place:delhi")
QUAD = _mention("Quad", "Organization", "org:quad")
JAPAN = _mention("Japan", "Country", "country:JP")
FIVE_BILLION = Quantity(5e9, "$5 billion", currency="USD")


def _statement(subject: Mention, predicate: str, obj: Mention | Quantity, sentence: int, **kwargs) -> Statement:
    start, end = sentence_span(sentence)
    return Statement(
        subject=subject,
        predicate=predicate,
        object=Argument(mention=obj) if isinstance(obj, Mention) else Argument(quantity=obj),
        relation=kwargs.pop("relation", predicate),
        evidence=Evidence("d1", TEXT[start:end], start, end),
        extractor="kg.rules.test.v1",
        **kwargs,
    )


def small_knowledge_graph() -> KnowledgeGraph:
    """A negated visit, a hoped and an asserted meeting, a pledge of money and one of support; Japan in no statement."""
    entities = (
        Entity("country/india", "Country", "India", (), tuple(INDIA)),
        Entity("country/japan", "Country", "Japan", (), (JAPAN,)),
        Entity("organization/quad", "Organization", "Quad", ("the Quad",), (QUAD,)),
        Entity("person/jaishankar", "Person", "Jaishankar", (), tuple(JAISHANKAR)),
        Entity("person/marco-rubio", "Person", "Marco Rubio", ("Rubio", "Mr. Rubio"), tuple(RUBIO)),
        Entity("place/delhi", "Place", "Delhi", (), (DELHI,)),
    )
    entity_of = {(m.doc_id, m.start, m.end): e.entity_id for e in entities for m in e.mentions}
    statements = (
        _statement(RUBIO[0], "visits", INDIA[0], 0, polarity="negative", confidence=0.85, relation="has not visited"),
        _statement(RUBIO[1], "meets", JAISHANKAR[0], 1, modality="hoped", confidence=0.7),
        _statement(
            RUBIO[2], "meets", JAISHANKAR[1], 2, relation="met",
            qualifiers=Qualifiers(date="2026-02-04", location=DELHI, rate=Quantity(18, "18%", unit="percent")),
        ),
        _statement(INDIA[1], "commitsTo", FIVE_BILLION, 3, confidence=0.6),
        _statement(INDIA[1], "supports", QUAD, 3, qualifiers=Qualifiers(amount=FIVE_BILLION), confidence=0.6),
    )
    document = Document("d1", TEXT, "test.txt", title="Rubio and India", published=date(2026, 2, 5))
    return KnowledgeGraph((document,), entities, statements, entity_of)
