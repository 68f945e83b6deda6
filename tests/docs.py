"""Hand-built spaCy Docs for the model-free rule tests, and helpers to run the extract stage on them.

A parse is written as a table, one token a line::

    word  POS  TAG  lemma  dep  head  ent

``head`` is the absolute index of the token's head (a ROOT points at itself) and ``ent`` is an
IOB tag such as ``B-PERSON``, ``I-PERSON`` or ``O`` (the column may be left off for ``O``).
The rows were copied from what spaCy's small English model gives for the same text, with the
entity column corrected where the model misses a name, so the rules see realistic parses.
"""
from __future__ import annotations

from datetime import date

import spacy
from spacy.tokens import Doc

from kg.components import kg_entities
from kg.extract import extract_document
from kg.model import Document, Extraction, Passage, Statement

VOCAB = spacy.blank("en").vocab
#: The publication date every test document gets unless it names another: a Wednesday.
PUBLISHED = date(2026, 3, 11)


def build(text: str, table: str, *, relabel: bool = True) -> Doc:
    """The Doc for ``text`` parsed as ``table``; ``relabel`` runs ``kg_entities`` over it.

    The words of the table must spell ``text`` in order; the spaces between them are read
    from ``text``, so ``doc.text == text``.
    """
    rows = [line.split() for line in table.strip().splitlines()]
    words, pos, tags, lemmas, deps, heads, ents = [], [], [], [], [], [], []
    for row in rows:
        if len(row) == 6:
            row = [*row, "O"]
        if len(row) != 7:
            raise ValueError(f"bad row {row!r}")
        word, p, tag, lemma, dep, head, ent = row
        words.append(word)
        pos.append(p)
        tags.append(tag)
        lemmas.append(lemma)
        deps.append(dep)
        heads.append(int(head))
        ents.append(ent)
    spaces = []
    at = 0
    for word in words:
        found = text.index(word, at)
        if text[at:found].strip():
            raise ValueError(f"text skips {text[at:found]!r} before {word!r}")
        at = found + len(word)
        spaces.append(text[at : at + 1].isspace())
    doc = Doc(VOCAB, words=words, spaces=spaces, pos=pos, tags=tags, lemmas=lemmas, deps=deps, heads=heads, ents=ents)
    if doc.text.strip() != text.strip():
        raise ValueError(f"table spells {doc.text!r}, not {text!r}")
    return kg_entities(doc) if relabel else doc


def passage_of(doc: Doc, published: date | None = PUBLISHED, doc_id: str = "d1") -> Passage:
    """A one-passage Document around ``doc``'s text."""
    document = Document(doc_id=doc_id, text=doc.text, source="test", published=published, segments=((0, len(doc.text)),))
    return Passage(document=document, start=0, end=len(doc.text))


def extract(doc: Doc, published: date | None = PUBLISHED) -> Extraction:
    """Run the extract stage on one hand-built Doc."""
    return extract_document([(doc, passage_of(doc, published))])


def triple(s: Statement) -> tuple[str, str, object]:
    """(subject name, predicate, object name or quantity value) of a statement."""
    if s.object.mention is not None:
        obj: object = s.object.mention.name
    elif s.object.title is not None:
        obj = s.object.title.name
    else:
        assert s.object.quantity is not None
        obj = s.object.quantity.value
    return (s.subject.name, s.predicate, obj)


def triples(extraction: Extraction) -> set[tuple[str, str, object]]:
    """Every statement of an extraction as a readable triple."""
    return {triple(s) for s in extraction.statements}


def find(extraction: Extraction, subject: str, predicate: str, obj: object) -> Statement:
    """The one statement with these ends; fails the test with the triples found when absent."""
    matches = [s for s in extraction.statements if triple(s) == (subject, predicate, obj)]
    assert matches, f"no {(subject, predicate, obj)} in {sorted(map(str, triples(extraction)))}"
    assert len(matches) == 1, f"{len(matches)} statements {(subject, predicate, obj)}"
    return matches[0]
