"""Extract stage: (Doc, Passage) pairs of one document -> an ``Extraction`` of mentions and statements.

This package is the last place spaCy types appear; everything it returns is a ``kg.model`` record.
"""
from __future__ import annotations

from bisect import bisect_right

from collections.abc import Iterable, Iterator
from itertools import groupby

from spacy.tokens import Doc, Token

from kg.extract.classifier import RelationClassifier, default_classifier
from kg.extract.entities import is_pronoun, passage_mentions
from kg.extract.context import Found, SentenceContext
from kg.extract.relations import sentence_statements
from kg.model import Extraction, Mention, Passage, Statement

__all__ = ["DEFAULT", "extract_document", "extract_documents"]

#: Stands for the classifier kg ships (``kg/data/relations.json``), or none when it is absent.
DEFAULT = "default"


def extract_document(parsed: Iterable[tuple[Doc, Passage]], classifier: RelationClassifier | str | None = DEFAULT) -> Extraction:
    """Mentions and statements of one document, from its parsed passages in text order.

    Args:
        parsed: the (Doc, Passage) pairs of one document, as ``kg.nlp.parse_documents`` yields them.
        classifier: the pair classifier (``kg.extract.classifier``) that adds closed relations
            (worksFor, livesIn, locatedIn, basedIn, kills) the rules left unsaid; ``DEFAULT`` for
            the shipped one, None for the rules alone.

    Returns:
        The document's mentions (sorted by offset) and statements (sorted by evidence, then rule).
    """
    if classifier == DEFAULT:
        classifier = default_classifier()
    mentions: list[Mention] = []
    statements: list[Statement] = []
    document = None
    last_person: list[Mention] = []
    person_ends: list[int] = []
    dated: dict[str, str] = {}
    surnames: set[str] = set()

    def antecedent(token: Token) -> Found | None:
        # Third-person pronouns point back at the last person named before them in the document;
        # news prose rarely names a second person in between without repeating the name.
        if not is_pronoun(token):
            return None
        start = passage.start + token.idx
        # last_person is in text order, so the antecedent is found by bisection: a long
        # article must not cost a scan of every earlier name per pronoun.
        index = bisect_right(person_ends, start)
        if index == 0:
            return None
        named = last_person[index - 1]
        return Mention(named.doc_id, start, start + len(token.text), token.text, named.type, named.name, named.key), 0.85

    for doc, passage in parsed:
        document = passage.document
        by_token = passage_mentions(doc, passage, surnames)
        passage_list = sorted(set(by_token.values()), key=lambda m: m.start)
        mentions.extend(passage_list)
        for sent in doc.sents:
            sentence_persons = [m for m in passage_list if m.type == "Person" and passage.start + sent.start_char <= m.start < passage.start + sent.end_char]
            ctx = SentenceContext(passage, by_token, antecedent, document.published, dated)
            # Persons of this sentence become antecedents for pronouns after them in it.
            for person in sentence_persons:
                if not last_person or person.start >= last_person[-1].start:
                    last_person.append(person)
                    person_ends.append(person.end)
            found = list(sentence_statements(sent, ctx))
            if classifier is not None:
                found += list(classifier.statements(sent, by_token, found, ctx.evidence(sent)))
            dated.update((s.predicate, s.qualifiers.date) for s in found if s.qualifiers.date)
            statements.extend(found)
    if document is None:
        raise ValueError("extract_document needs at least one passage")
    return Extraction(document, tuple(sorted(set(mentions), key=lambda m: (m.start, m.end))), tuple(sorted(statements, key=_reading_order)))


def _reading_order(s: Statement) -> tuple:
    # Repeated claims are dropped once entities are resolved (kg.pipeline), not here.
    return (s.evidence.start, s.subject.start, s.predicate)


def extract_documents(parsed: Iterable[tuple[Doc, Passage]], classifier: RelationClassifier | str | None = DEFAULT) -> Iterator[Extraction]:
    """One ``Extraction`` per document from a stream of (Doc, Passage) pairs grouped by document.

    ``classifier`` is as for ``extract_document``: the shipped pair classifier by default.
    """
    if classifier == DEFAULT:
        classifier = default_classifier()
    for _, group in groupby(parsed, key=lambda pair: pair[1].document.doc_id):
        yield extract_document(group, classifier)
