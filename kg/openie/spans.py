"""Token lists of one parse -> argument phrases and their text: subtrees without the facts of
their own (relative clauses, appositions), trimmed edges, balanced quotes, character extents.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

_PREDICATE_POS = frozenset({"VERB", "AUX"})
# Subtrees left out of an argument: they are facts of their own.
_DETACHED_DEPS = frozenset({"relcl", "appos"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_OPEN_QUOTES = frozenset({"``", "`", '"', "("})
_CLOSE_QUOTES = frozenset({"''", "'", '"', ")"})


def _subtree(token: Token, skip: frozenset[str] = _DETACHED_DEPS) -> list[Token]:
    """``token``'s subtree without detached children (relative clauses, appositions), in order."""
    out = [token]
    stack = [token]
    while stack:
        current = stack.pop()
        for child in current.children:
            if child.dep_ in skip and (child.dep_ != "appos" or _detached_apposition(child)):
                continue
            if child.dep_ == "acl" and skip and _after_comma(child):
                # "The museum , located in the old town ," : a fact of its own, like an apposition.
                continue
            if skip and (child.dep_ in {"parataxis"} or (child.dep_ == "conj" and child.pos_ == "VERB" and current.pos_ not in _PREDICATE_POS)):
                # A verb coordinated with a noun is a clause the parser hung too low:
                # "secures another job with a rival company and plans on leaving".
                continue
            out.append(child)
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _after_comma(token: Token) -> bool:
    first = token.left_edge.i
    return first > 0 and token.doc[first - 1].text in {",", "--", "("}


def _detached_apposition(appos: Token) -> bool:
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
    for labels in (_TIME_LABELS, _PLACE_LABELS):
        if appos.ent_type_ in labels and head.ent_type_ in labels:
            return False
    if any(c.dep_ == "cc" for c in appos.children):
        return False
    # A list item: ", and" or "and" right after the apposition.
    after = appos.right_edge.i + 1
    following = [t.text.lower() for t in doc[after : after + 2]]
    return not (following[:1] in (["and"], ["or"]) or (following[:1] == [","] and following[1:2] in (["and"], ["or"])))


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation and conjunctions at the edges; keep a quote when its partner is inside."""
    while tokens and (tokens[0].dep_ in {"cc", "punct", "mark", "prep"} and tokens[0].text not in _OPEN_QUOTES):
        if tokens[0].dep_ == "prep" and tokens[0] is not tokens[-1]:
            break
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ in {"cc", "punct"} and tokens[-1].text not in _CLOSE_QUOTES:
        tokens = tokens[:-1]
    return _balance_quotes(tokens)


def _balance_quotes(tokens: list[Token]) -> list[Token]:
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


def _text(tokens: Iterable[Token]) -> str:
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
        runs.append(doc.text[start.idx : prev.idx + len(prev.text)])
        start = prev = tok
    runs.append(doc.text[start.idx : prev.idx + len(prev.text)])
    return " ".join(runs)


def _extent(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    return (min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))


def _noun_phrase(token: Token, inside: Token | None = None) -> list[Token]:
    """The argument phrase headed by ``token``; without the clause ``inside`` it when given."""
    tokens = _subtree(token)
    if inside is not None:
        drop = {t.i for t in inside.subtree}
        tokens = [t for t in tokens if t.i not in drop]
    return _trim(tokens)


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            return child
    return None
