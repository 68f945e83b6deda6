"""Noun-phrase extents of a dependency parse: spaCy Tokens -> the words of an argument phrase
and their text, without the facts of their own (relative clauses, appositions), with trimmed
edges, balanced quotes and character extents.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from spacy.attrs import IS_LOWER, IS_TITLE, IS_UPPER, LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from kg.syntax.clauses import PASSIVE_SUBJECT_DEPS, PREDICATE_POS, SUBJECT_DEPS, is_relative_pronoun, relative_antecedent

__all__ = [
    "DASHES", "DETACHED_DEPS", "PLACE_LABELS", "TIME_LABELS", "after_comma", "balance_quotes", "capitalised", "detached_apposition",
    "extent", "indices_of", "is_spaced_dash", "lower_case_words", "lowered_in", "noun_phrase", "phrase_text", "subject_phrases", "subtree", "token_texts",
    "trim", "written_counts",
]

#: Hyphen-minus, double hyphen, en and em dash: spaced, news sets off an apposition or an aside
#: with any of them.
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# Subtrees left out of an argument: they are facts of their own.
DETACHED_DEPS = frozenset({"relcl", "appos"})
TIME_LABELS = frozenset({"DATE", "TIME"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_OPEN_QUOTES = frozenset({"``", "`", '"', "("})
_CLOSE_QUOTES = frozenset({"''", "'", '"', ")"})


def indices_of(doc: Doc, text: str) -> list[int]:
    """The indices of the tokens of ``doc`` written exactly ``text``, read from spaCy's token
    array: a pass over a Doc makes a Token object for every word, and the rules that look for
    one punctuation mark in every passage ("(", "-") would make them all for a few hits.

    Examples:
        >>> import spacy
        >>> indices_of(spacy.blank("en")("an Anglo-Dutch firm (AD) - said"), "-")
        [2, 8]
    """
    key = hash_string(text)
    return [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == key]


def lowered_in(doc: Doc, words: frozenset[str]) -> list[Token]:
    """The tokens of ``doc`` whose lower-case form is one of ``words``, found in spaCy's token
    array (see :func:`indices_of`), in text order.

    Examples:
        >>> import spacy
        >>> [t.i for t in lowered_in(spacy.blank("en")("The Deal and the deals"), frozenset({"deal", "the"}))]
        [0, 1, 3]
    """
    hashes = _hashes(words)
    return [doc[i] for i, key in enumerate(doc.to_array(LOWER).tolist()) if key in hashes]


def lower_case_words(doc: Doc) -> set[str]:
    """The words ``doc`` writes in lower case, from spaCy's token array and string store (no
    Token objects): a capitalised word also written so is a common word ("Analysts").

    Examples:
        >>> import spacy
        >>> sorted(lower_case_words(spacy.blank("en")("Analysts said analysts at Barclays")))
        ['analysts', 'at', 'said']
    """
    strings = doc.vocab.strings
    return {strings[lower] for lower, is_lower in doc.to_array([LOWER, IS_LOWER]).tolist() if is_lower}


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, from spaCy's token array and string store (no Token objects).

    Examples:
        >>> import spacy
        >>> token_texts(spacy.blank("en")("Barclays' shares"))
        ['Barclays', "'", 'shares']
    """
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def capitalised(doc: Doc) -> list[bool]:
    """For each token of ``doc``, whether it is written in title case or in capitals, read from
    spaCy's token array (see :func:`indices_of`).

    Examples:
        >>> import spacy
        >>> capitalised(spacy.blank("en")("Shares in BP rose"))
        [True, False, True, False]
    """
    return [bool(title or upper) for title, upper in doc.to_array([IS_TITLE, IS_UPPER]).tolist()]


def written_counts(doc: Doc, texts: Iterable[str]) -> dict[str, int]:
    """How many tokens of ``doc`` are written exactly as each of ``texts`` (those written at
    least once), read from spaCy's token array (see :func:`indices_of`).

    Examples:
        >>> import spacy
        >>> written_counts(spacy.blank("en")("Yukos said Yukos and yukos"), ["Yukos", "Gazprom"])
        {'Yukos': 2}
    """
    wanted = {hash_string(text): text for text in texts}
    counts: dict[str, int] = {}
    if wanted:
        for orth in doc.to_array(ORTH).tolist():
            text = wanted.get(orth)
            if text is not None:
                counts[text] = counts.get(text, 0) + 1
    return counts


@functools.lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    return frozenset(hash_string(w) for w in words)


def is_spaced_dash(token: Token) -> bool:
    """A dash with space on both sides, which sets off a phrase as commas do ("EADS - Airbus'
    majority owner - said"), unlike the hyphen of "Rosneft-owned"."""
    return token.text in DASHES and bool(token.whitespace_) and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


def letter_prefixed(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` has a one-letter prefix the tokenizer split off ("e-University",
    "e-commerce"), which belongs to it: no name starts at such a word."""
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and len(doc[i - 2].text) == 1 and doc[i - 2].is_alpha and doc[i - 2].is_lower


def subtree(token: Token, skip: frozenset[str] = DETACHED_DEPS) -> list[Token]:
    """``token``'s subtree without detached children (relative clauses, appositions), in order."""
    out = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in skip and (child.dep_ != "appos" or detached_apposition(child)):
                continue
            if child.dep_ == "acl" and skip and after_comma(child):
                # "The museum , located in the old town ," : a fact of its own, like an apposition.
                continue
            if skip and (child.dep_ in {"parataxis"} or (child.dep_ == "conj" and child.pos_ == "VERB" and current.pos_ not in PREDICATE_POS)):
                # A verb coordinated with a noun is a clause the parser hung too low:
                # "secures another job with a rival company and plans on leaving".
                continue
            out.append(child)
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def after_comma(token: Token) -> bool:
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text in {",", "--", "("}


def detached_apposition(appos: Token) -> bool:
    """True for an apposition that states a fact of its own ("Cashel Byron , a prizefighter ,").

    Kept inside the phrase: appositions without a comma ("Childers 's biographer Andrew Boyle"),
    the rest of a date or place ("December 31 , 1963", "Salt Lake City , Utah"), and list items
    the parser took for appositions ("Assistant to the President , Deputy Assistant ... , and").
    """
    head = appos.head
    doc = appos.doc
    lo, hi = sorted((head.i, appos.left_edge.i))
    if not any(doc[i].text in {",", "--", "(", ":", ";"} for i in range(lo, hi + 1)):
        return False
    for labels in (TIME_LABELS, PLACE_LABELS):
        if appos.ent_type_ in labels and head.ent_type_ in labels:
            return False
    if any(c.dep_ == "cc" for c in appos.children):
        return False
    # A list item: ", and" or "and" right after the apposition.
    after = appos.right_edge.i + 1
    following = [t.text.lower() for t in doc[after : after + 2]]
    return not (following[:1] in (["and"], ["or"]) or (following[:1] == [","] and following[1:2] in (["and"], ["or"])))


def trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation and conjunctions at the edges; keep a quote when its partner is inside."""
    while tokens and (tokens[0].dep_ in {"cc", "punct", "mark", "prep"} and tokens[0].text not in _OPEN_QUOTES):
        if tokens[0].dep_ == "prep" and tokens[0] is not tokens[-1]:
            break
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in {"cc", "punct"} and tokens[-1].text not in _CLOSE_QUOTES:
        tokens = tokens[:-1]
    return balance_quotes(tokens)


def balance_quotes(tokens: list[Token]) -> list[Token]:
    if not tokens:
        return tokens
    doc = tokens[0].doc
    opens = sum(t.text in {"``", "("} for t in tokens)
    closes = sum(t.text in {"''", ")"} for t in tokens)
    first, last = tokens[0].i, tokens[-1].i
    if closes > opens and first > 0 and doc[first - 1].text in {"``", "("}:
        tokens = [doc[first - 1]] + tokens
    elif opens > closes and last + 1 < len(doc) and doc[last + 1].text in {"''", ")"}:
        tokens = tokens + [doc[last + 1]]
    while tokens and tokens[0].text in _OPEN_QUOTES and not any(t.text in _CLOSE_QUOTES for t in tokens[1:]):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _CLOSE_QUOTES and not any(t.text in _OPEN_QUOTES for t in tokens[:-1]):
        tokens = tokens[:-1]
    return tokens


def phrase_text(tokens: Iterable[Token]) -> str:
    """Tokens as text: contiguous runs as they stand in the Doc, runs joined by a space."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return ""
    doc = tokens[0].doc
    runs: list[str] = []
    start = prev = tokens[0]
    for tok in tokens[1:]:
        if tok.i == prev.i + 1:
            prev = tok
            continue
        runs.append(doc[start.i : prev.i + 1].text)  # the run's own characters (``Doc.text`` joins every token)
        start = prev = tok
    runs.append(doc[start.i : prev.i + 1].text)
    return " ".join(runs)


def extent(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))


def noun_phrase(token: Token, inside: Token | None = None) -> list[Token]:
    """The argument phrase headed by ``token``; without the clause ``inside`` it when given."""
    tokens = subtree(token)
    if inside is not None:
        drop = {t.i for t in inside.subtree}
        tokens = [t for t in tokens if t.i not in drop]
    return trim(tokens)


_SHARED_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl"})


def subject_phrases(verb: Token, depth: int = 0) -> list[list[Token]]:
    """The subject phrases of a verb as written (a passive keeps its grammatical subject): its
    own, else the governing clause's (coordination, control), else the noun a relative or
    participle clause modifies. A relative pronoun stands for its antecedent's phrase."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS]
    if own:
        phrases = []
        for subject in own:
            antecedent = relative_antecedent(verb)
            if is_relative_pronoun(subject) and antecedent is not None:
                phrases.append(noun_phrase(antecedent, inside=verb))
            else:
                phrases.append(noun_phrase(subject))
        return phrases
    if depth > 4 or verb.head == verb:
        return []
    if verb.dep_ in _SHARED_SUBJECT_DEPS and verb.head.pos_ in PREDICATE_POS:
        return subject_phrases(verb.head, depth + 1)
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        # "the villages located close to industrial sites", "a player who ...": the noun.
        return [noun_phrase(verb.head, inside=verb)]
    return []
