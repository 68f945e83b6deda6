"""The model's attribute ruler and rule lemmatizer answered from tables: the same annotations
in a fraction of the time.

On news, two rule components of en_core_web_sm take a quarter of its time: the AttributeRuler
runs a Matcher of its 179 patterns over every token, and the English rule lemmatizer works out
again the lemma of every word in its base form (its own cache keeps only the inflected ones).
Both are functions of a few attributes of a token: the patterns that match a token depend only on
its tag, lower-case form, dependency and whitespace flag (and a two-token pattern on its next
token's), and a lemma only on the word, its part of speech and its morphology. So
:func:`answer_from_tables` has each component remember its answers by those attributes and apply
them as spaCy would (the ruler through its own ``set_annotations``). A ruler whose patterns use
anything else (an operator, another attribute or predicate) and a lemmatizer of another kind
keep spaCy's own code.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

__all__ = ["answer_from_tables", "fast_ruler", "lemmas_by_table"]

#: The token attributes a pattern may test, in the order of the rows read from the Doc.
_ATTRIBUTES = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH, "NORM": NORM}
_FLAGS = {"IS_SPACE"}

def answer_from_tables(nlp: Language) -> Language:
    """Give ``nlp``'s attribute ruler and rule lemmatizer their table-answering versions (in
    place, where :func:`fast_ruler` and :func:`lemmas_by_table` can); returns ``nlp``."""
    for _name, component in nlp.pipeline:
        if isinstance(component, AttributeRuler):
            match = fast_ruler(component)
            if match is not None:
                component.match = match  # what AttributeRuler.__call__ asks for the matches
        elif isinstance(component, Lemmatizer):
            lemmas_by_table(component)
    return nlp


@dataclass(frozen=True)
class _TokenTest:
    """One token of a pattern: the values its attribute columns must have (``allowed``: column ->
    the accepted hashes, from a string, a flag or an IN list) and the other conditions (NOT_IN,
    REGEX) as functions of the attribute row."""

    allowed: tuple[tuple[int, frozenset[int]], ...]
    others: tuple[Callable[[tuple[int, ...]], bool], ...]

    def passes(self, row: tuple[int, ...]) -> bool:
        return all(row[column] in values for column, values in self.allowed) and all(test(row) for test in self.others)


def _condition(vocab: Vocab, column: int, name: str, value: object) -> frozenset[int] | Callable[[tuple[int, ...]], bool] | None:
    """The hashes a column must hold, or a test of the row, or None when the tables cannot say."""
    if name in _FLAGS:
        return frozenset((int(value),)) if isinstance(value, bool) else None
    if isinstance(value, str):
        return frozenset((vocab.strings.add(value),))
    if isinstance(value, dict) and len(value) == 1:
        (operator, argument), = value.items()
        if operator in ("IN", "NOT_IN") and isinstance(argument, list) and all(isinstance(a, str) for a in argument):
            members = frozenset(vocab.strings.add(a) for a in argument)
            return members if operator == "IN" else (lambda row: row[column] not in members)
        if operator == "REGEX" and isinstance(argument, str):
            # spaCy's regex predicate: re.search on the attribute's text
            search, strings = re.compile(argument).search, vocab.strings
            return lambda row: bool(search(strings[row[column]]))
    return None


def _token_test(vocab: Vocab, spec: object, columns: dict[str, int]) -> _TokenTest | None:
    if not isinstance(spec, dict) or not spec:
        return None
    allowed, others = [], []
    for name, value in spec.items():
        if name not in _ATTRIBUTES:
            return None
        column = columns.setdefault(name, len(columns))
        condition = _condition(vocab, column, name, value)
        if condition is None:
            return None
        if isinstance(condition, frozenset):
            allowed.append((column, condition))
        else:
            others.append(condition)
    return _TokenTest(tuple(allowed), tuple(others))


@dataclass(frozen=True)
class _Answer:
    """What the patterns say of one attribute row."""

    #: The rules (attribute ids) whose one-token patterns match it.
    singles: tuple[int, ...]
    #: The token tests (indices into ``_FastRuler.tests``) it passes.
    passes: frozenset[int]
    #: The longer patterns (indices into ``_FastRuler.longer``) whose first token it passes.
    starts: tuple[int, ...]


class _FastRuler:
    """An AttributeRuler's ``match``: the matches its Matcher finds, from a table of the answers
    for each attribute row seen."""

    def __init__(self, ruler: AttributeRuler, tests: list[_TokenTest], columns: Sequence[int], singles: list[tuple[int, int]], longer: list[tuple[int, tuple[int, ...]]]) -> None:
        self.tests = tests
        self.columns = list(columns)
        self.longer = longer  # (rule, tests of its tokens)
        self.keys = [ruler.vocab.strings[str(rule)] for rule in range(len(ruler.attrs))]
        self.answers: dict[tuple[int, ...], _Answer] = {}
        self.rules_of: dict[int, list[int]] = {}  # test -> rules of the one-token patterns it is
        for rule, test in singles:
            self.rules_of.setdefault(test, []).append(rule)
        self.starting: dict[int, list[int]] = {}  # test -> longer patterns it starts
        for i, (_, pattern) in enumerate(longer):
            self.starting.setdefault(pattern[0], []).append(i)
        # Each test is looked at only for rows holding one of its allowed values in one column
        # (its first), or for every row when it has none.
        self.by_value: list[dict[int, list[int]]] = [{} for _ in self.columns]
        self.always: list[int] = []
        for i, test in enumerate(tests):
            if test.allowed:
                column, values = test.allowed[0]
                for value in values:
                    self.by_value[column].setdefault(value, []).append(i)
            else:
                self.always.append(i)

    def _answer(self, row: tuple[int, ...]) -> _Answer:
        candidates = list(self.always)
        for column, index in enumerate(self.by_value):
            candidates.extend(index.get(row[column], ()))
        passes = frozenset(i for i in candidates if self.tests[i].passes(row))
        singles = tuple(sorted({rule for test in passes for rule in self.rules_of.get(test, ())}))
        starts = tuple(sorted(pattern for test in passes for pattern in self.starting.get(test, ())))
        answer = self.answers[row] = _Answer(singles, passes, starts)
        return answer

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        rows = [tuple(row) for row in doc.to_array(self.columns).reshape(len(doc), -1).tolist()]
        known = self.answers
        answers = [known.get(row) or self._answer(row) for row in rows]
        keys = self.keys
        matches = []
        for i, answer in enumerate(answers):
            for rule in answer.singles:
                matches.append((rule, keys[rule], i, i + 1))
            for pattern in answer.starts:
                rule, tests = self.longer[pattern]
                end = i + len(tests)
                if end <= len(answers) and all(tests[k] in answers[i + k].passes for k in range(1, len(tests))):
                    matches.append((rule, keys[rule], i, end))
        matches.sort()
        return matches


def fast_ruler(ruler: AttributeRuler) -> Callable[[Doc], list[tuple[int, int, int, int]]] | None:
    """A ``match`` for ``ruler`` giving what its own gives (each match once, in the same order),
    or None when a pattern uses something the tables do not answer."""
    columns: dict[str, int] = {}
    tests: list[_TokenTest] = []
    specs: dict[str, int] = {}
    singles: list[tuple[int, int]] = []
    longer: list[tuple[int, tuple[int, ...]]] = []
    for rule in range(len(ruler.attrs)):
        found = ruler.matcher.get(str(rule))
        if found is None:
            return None
        for pattern in found[1]:
            if not pattern:
                return None
            indices = []
            for spec in pattern:
                key = repr(sorted(spec.items())) if isinstance(spec, dict) else repr(spec)
                if key not in specs:
                    test = _token_test(ruler.vocab, spec, columns)
                    if test is None:
                        return None
                    specs[key] = len(tests)
                    tests.append(test)
                indices.append(specs[key])
            if len(indices) == 1:
                singles.append((rule, indices[0]))
            else:
                longer.append((rule, tuple(indices)))
    order = sorted(columns, key=columns.get)
    return _FastRuler(ruler, tests, [_ATTRIBUTES[name] for name in order], singles, longer)


class _LemmasByTable:
    """A rule lemmatizer's ``__call__`` that reads each token's word, part of speech, morphology
    and lemma from the Doc's arrays and asks the rules only once for each (word, part of speech,
    morphology): spaCy's own asks again for every token in its base form, making a Token each time."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        try:
            known = self.__dict__.setdefault("_lemma_of", {})
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
            lemmas, changed = [row[3] for row in rows], False
            for i, (orth, pos, morph, lemma) in enumerate(rows):
                if self.overwrite or lemma == 0:
                    found = known.get((orth, pos, morph))
                    if found is None:
                        found = known[(orth, pos, morph)] = self.vocab.strings.add(self.lemmatize(doc[i])[0])
                    lemmas[i], changed = found, True
            if changed:
                doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))
            return doc
        except Exception as e:
            self.get_error_handler()(self.name, self, [doc], e)


class _TableLemmatizer(_LemmasByTable, Lemmatizer):
    pass


class _EnglishTableLemmatizer(_LemmasByTable, EnglishLemmatizer):
    pass


#: The lemmatizers whose answer depends on nothing but the word, its part of speech and its
#: morphology, and the table-reading class each becomes.
_TABLE_LEMMATIZERS = {Lemmatizer: _TableLemmatizer, EnglishLemmatizer: _EnglishTableLemmatizer}


def lemmas_by_table(lemmatizer: Lemmatizer) -> bool:
    """Make a rule lemmatizer of spaCy's (English or base) read its answers from a table; False,
    leaving it as it is, for any other kind or mode."""
    table = _TABLE_LEMMATIZERS.get(type(lemmatizer))
    if table is None or lemmatizer.mode != "rule":
        return isinstance(lemmatizer, _LemmasByTable)
    lemmatizer.__class__ = table
    index = lemmatizer.lookups.get_table("lemma_index", None) if lemmatizer.lookups.has_table("lemma_index") else None
    for pos, words in list((index or {}).items()):
        if type(words) is list:
            index[pos] = _WordList(words)
    return True


class _WordList(list):
    """A lemma index's words (still a list, as the tables are saved) answering ``in`` from a set:
    the rules ask it of every form they try, and a list scans tens of thousands of words."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self.words = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self.words
