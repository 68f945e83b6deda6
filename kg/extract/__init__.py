"""Extract stage: (Doc, Passage) pairs of one document -> an ``Extraction`` of mentions and statements.

This package is the last place spaCy types appear; everything it returns is a ``kg.model`` record.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby

from spacy.tokens import Doc, Token

from kg.extract.classifier import RelationClassifier, default_classifier
from kg.extract.coref import Antecedents
from kg.extract.names import document_mentions
from kg.extract.context import Found, SentenceContext
from kg.extract.positions import office_descriptions
from kg.extract.relations import sentence_statements
from kg.model import Description, Extraction, Mention, Passage, Statement

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
    descriptions: list[Description] = []
    document = None
    dated: dict[str, str] = {}
    parsed = list(parsed)
    antecedents = Antecedents(parsed[0][1].document.doc_id if parsed else "")
    for (doc, passage), by_token in zip(parsed, document_mentions(parsed), strict=True):
        document = passage.document
        mentions.extend(sorted(set(by_token.values()), key=lambda m: m.start))

        def antecedent(token: Token, passage: Passage = passage) -> Found | None:
            return antecedents.resolve(token, passage.start + token.idx)

        def group(token: Token, passage: Passage = passage) -> list[Found]:
            return antecedents.group(token, passage.start + token.idx)

        for sent in doc.sents:
            antecedents.observe(sent, passage.start, by_token)
            ctx = SentenceContext(passage, by_token, antecedent, document.published, dated, antecedents.topic, group)
            found = list(sentence_statements(sent, ctx))
            if classifier is not None:
                found += list(classifier.statements(sent, ctx, found))
            antecedents.learn(found)
            descriptions.extend(office_descriptions(sent, ctx))
            dated.update((s.predicate, s.qualifiers.date) for s in found if s.qualifiers.date)
            statements.extend(found)
    if document is None:
        raise ValueError("extract_document needs at least one passage")
    return Extraction(
        document, tuple(sorted(set(mentions), key=lambda m: (m.start, m.end))), tuple(sorted(statements, key=_reading_order)),
        tuple(descriptions),
    )


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
