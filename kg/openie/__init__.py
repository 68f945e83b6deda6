"""Open information extraction: spaCy Docs -> n-ary ``OpenTuple`` records (relation, arguments, confidence).

Unlike ``kg.extract``, which maps text onto kg's closed set of predicates, this stage keeps the
relation phrase as written ("was founded by", "is also known as") and its arguments as text.
"""
# How it reads a sentence: every verb with a subject (its own, or one it shares through
# coordination, control or a relative clause) gives a clause tuple: subject, relation (auxiliaries,
# negation, adverbs, particles, the verb, and a preposition or "that" when there is no object),
# object, then prepositional and time phrases. Noun phrases give facts with an inserted verb
# (appositions "is", titles "is", possessives "has", places "is in"). Coordinated arguments are
# also split into one tuple per conjunct. Confidence comes from the rule, the kind of clause and
# splitting; the tables in candidates.py were set on the CaRB dev split (benchmarks/carb.py).
# Modules: clauses.py (verb clauses), nominal.py (noun-phrase facts), candidates.py (the
# candidate record, confidence, coordination splitting), spans.py (argument words and text).
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.qualifiers import modality_of, polarity_of
from kg.model import Document
from kg.nlp import parse_documents
from kg.openie.candidates import CLAUSE_FACTOR, CONFIDENCE, CONJUNCT_FACTOR, Candidate, split_conjuncts
from kg.openie.clauses import NOMINAL_RELATION_DEPS, clause_candidates, is_merged
from kg.openie.nominal import nominal_candidates
from kg.syntax import extent, is_predicate, phrase_text, subject_phrases

__all__ = [
    "CLAUSE_FACTOR",
    "CONFIDENCE",
    "CONJUNCT_FACTOR",
    "NOMINAL_RELATION_DEPS",
    "OpenTuple",
    "extract_open",
    "extract_open_documents",
    "extract_open_texts",
    "tokenized_doc",
    "tsv_line",
    "tuple_record",
]


@dataclass(frozen=True, slots=True)
class OpenTuple:
    """One open relation: ``relation(arguments[0], arguments[1], ...)`` read off one sentence.

    Offsets are characters into the Doc's text; ``spans`` holds the (start, end) extent of the
    words each field (relation first, then each argument) was taken from, or None for a field
    made only of inserted words ("is" for an apposition). ``rule`` names the rule that made the
    tuple (a key of ``CONFIDENCE``, with "+conjunct" for a split coordination).
    """

    sentence_start: int
    sentence_end: int
    relation: str
    arguments: tuple[str, ...]
    confidence: float
    polarity: str = "positive"
    modality: str = "asserted"
    spans: tuple[tuple[int, int] | None, ...] = ()
    rule: str = ""


def extract_open(doc: Doc) -> Iterator[OpenTuple]:
    """Open relation tuples of every sentence of a parsed Doc, in sentence order.

    Args:
        doc: a Doc with a dependency parse (and entities, when available).

    Yields:
        OpenTuple records; the same fact may come at several granularities, with confidences
        that rank the more reliable readings first.
    """
    for sent in doc.sents:
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for candidate, anchor, factor in _sentence_candidates(sent):
            relation = " ".join(w for w in (candidate.lead, phrase_text(candidate.relation)) if w)
            arguments = tuple(phrase_text(a) for a in candidate.arguments)
            key = (relation, arguments)
            if not relation or not all(arguments) or key in seen:
                continue
            seen.add(key)
            yield OpenTuple(
                sent.start_char,
                sent.end_char,
                relation,
                arguments,
                round(candidate.confidence * factor, 4),
                polarity_of(anchor),
                modality_of(candidate.relation[-1] if candidate.relation else anchor),
                (extent(list(candidate.relation)),) + tuple(extent(list(a)) for a in candidate.arguments),
                candidate.rule,
            )


def _sentence_candidates(sent: Span) -> Iterator[tuple[Candidate, Token, float]]:
    """Every candidate of a sentence, the token whose polarity and modality it takes, and the
    factor its clause puts on its confidence."""
    for token in sent:
        if is_predicate(token) and not is_merged(token):
            factor = _clause_factor(token)
            for candidate in split_conjuncts(clause_candidates(token, subject_phrases(token))):
                yield candidate, token, factor
    for candidate in split_conjuncts(nominal_candidates(sent)):
        yield candidate, candidate.arguments[0][0].head, 1.0


def _clause_factor(verb: Token) -> float:
    """How much a clause's kind lowers confidence: main clauses parse best, participles worst."""
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    return CLAUSE_FACTOR.get(verb.dep_, CLAUSE_FACTOR["other"])


# --- running the pipeline --------------------------------------------------------------------

def tokenized_doc(nlp: Language, sentence: str) -> Doc:
    """An unparsed Doc whose tokens are ``sentence``'s space-separated words.

    For pre-tokenised text (CaRB, OIE2016, PTB-style quotes `` and ''), keeping the given tokens
    parses slightly better than re-tokenising: spaCy's tokenizer would split `` into two
    backquotes and re-split hyphenated words, while the vocabulary already normalises `` and ''
    to a double quote. With single spaces between words, ``doc.text == sentence``.

    Examples:
        >>> import spacy
        >>> [t.text for t in tokenized_doc(spacy.blank("en"), "He said `` no '' .")]
        ['He', 'said', '``', 'no', "''", '.']
    """
    words = sentence.split()
    return Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 1) + [False] if words else [])


def extract_open_texts(
    nlp: Language, texts: Iterable[str], *, pretokenized: bool = False, batch_size: int = 64, n_process: int = 1
) -> Iterator[tuple[str, list[OpenTuple]]]:
    """Run the pipeline over texts in batches and extract open tuples from each.

    Args:
        nlp: a loaded pipeline (``kg.nlp.load_pipeline``).
        texts: sentences or passages.
        pretokenized: treat each text as space-separated tokens (CaRB, OIE2016) and keep them
            as spaCy tokens instead of re-tokenising.
        batch_size: texts per spaCy batch.
        n_process: worker processes for ``nlp.pipe``.

    Yields:
        (text, tuples) pairs in input order.
    """
    if pretokenized:
        inputs: Iterable = ((tokenized_doc(nlp, t), t) for t in texts)
    else:
        inputs = ((t, t) for t in texts)
    for doc, text in nlp.pipe(inputs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield text, list(extract_open(doc))


def extract_open_documents(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 64, n_process: int = 1
) -> Iterator[tuple[Document, OpenTuple]]:
    """Open tuples of cleaned articles (``kg.ingest``), with offsets into each document's text.

    Args:
        nlp: a loaded pipeline (``kg.nlp.load_pipeline``).
        documents: Documents from ``kg.ingest.load_documents``.
        batch_size: passages per spaCy batch.
        n_process: worker processes for ``nlp.pipe``.

    Yields:
        (document, tuple) pairs in document order; ``document.text[t.sentence_start:t.sentence_end]``
        is the sentence and ``spans`` point into ``document.text`` too.
    """
    for doc, passage in parse_documents(nlp, documents, batch_size=batch_size, n_process=n_process):
        shift = passage.start
        for found in extract_open(doc):
            spans = tuple(None if span is None else (span[0] + shift, span[1] + shift) for span in found.spans)
            yield passage.document, replace(found, sentence_start=found.sentence_start + shift, sentence_end=found.sentence_end + shift, spans=spans)


def tsv_line(sentence: str, found: OpenTuple) -> str:
    """One line of CaRB's prediction format: ``sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2...``.

    The sentence is written as given; tabs and line breaks inside any field become spaces.

    Examples:
        >>> tsv_line("Jobs founded Apple .", OpenTuple(0, 20, "founded", ("Jobs", "Apple"), 0.9))
        'Jobs founded Apple .\\t0.9\\tfounded\\tJobs\\tApple'
    """
    fields = [sentence, f"{found.confidence:g}", found.relation, *found.arguments]
    return "\t".join(" ".join(f.splitlines()).replace("\t", " ") for f in fields)


def tuple_record(found: OpenTuple, sentence: str, doc_id: str | None = None) -> dict:
    """A JSON-ready dict of one tuple and its sentence (and document id for articles)."""
    record = {"sentence": sentence} if doc_id is None else {"doc_id": doc_id, "sentence": sentence}
    record.update(asdict(found))
    record["arguments"] = list(found.arguments)
    record["spans"] = [list(span) if span else None for span in found.spans]
    return record
