"""The syntax layer: how kg reads a dependency parse, shared by ``kg.extract`` and ``kg.openie``.

``clauses`` finds a verb's subjects (logical and as written), objects, passives, prepositional
objects, coordination and control; ``phrases`` gives noun-phrase extents and their text;
``titles`` finds titles and offices with their affiliation. Input is spaCy Tokens and Spans;
output is Tokens, token lists and plain values, never kg records.
"""
from __future__ import annotations

from kg.syntax.clauses import (
    PASSIVE_SUBJECT_DEPS,
    PREDICATE_POS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    agents,
    asks,
    awaits,
    clause_head,
    conditioned,
    conjuncts,
    controlled_clause,
    described,
    direct_objects,
    examples,
    governing_verb,
    has_own_subject,
    is_passive,
    is_predicate,
    is_relative_pronoun,
    listed_names,
    logical_subjects,
    passed_over,
    patients,
    pobj,
    prep_objects,
    relative_antecedent,
    reporter_of_conjunct,
    supposes,
)
from kg.syntax.phrases import (
    DASHES,
    DETACHED_DEPS,
    PLACE_LABELS,
    TIME_LABELS,
    after_comma,
    balance_quotes,
    capitalised,
    detached_apposition,
    extent,
    indices_of,
    is_spaced_dash,
    letter_prefixed,
    lower_case_words,
    lowered_in,
    noun_phrase,
    phrase_text,
    subject_phrases,
    subtree,
    token_texts,
    trim,
    written_counts,
)

__all__ = [
    "DASHES", "DETACHED_DEPS", "PASSIVE_SUBJECT_DEPS", "PLACE_LABELS", "PREDICATE_POS", "RELATIVE_PRONOUNS", "SUBJECT_DEPS",
    "TIME_LABELS", "after_comma", "agents", "asks", "awaits", "balance_quotes", "capitalised", "clause_head", "conditioned", "conjuncts", "controlled_clause", "described",
    "detached_apposition", "direct_objects", "examples", "extent", "governing_verb", "has_own_subject", "indices_of", "is_passive",
    "is_predicate", "is_relative_pronoun", "listed_names", "is_spaced_dash", "letter_prefixed", "logical_subjects", "lower_case_words", "lowered_in", "noun_phrase", "passed_over", "patients", "phrase_text", "pobj",
    "prep_objects", "relative_antecedent", "subject_phrases", "subtree", "supposes", "token_texts", "trim", "written_counts",
]
