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
# splitting; the tables below were set on the CaRB dev split (benchmarks/carb.py).
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.qualifiers import modality_of, polarity_of
from kg.lexicon import TITLE_HEADS
from kg.model import Document
from kg.nlp import parse_documents

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "dative"})
_PREP_DEPS = frozenset({"prep", "agent"})
_PREDICATE_POS = frozenset({"VERB", "AUX"})
_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
# Subtrees left out of an argument: they are facts of their own.
_DETACHED_DEPS = frozenset({"relcl", "appos"})
# Clause links through which a verb with no subject of its own shares its governor's subject.
_SUBJECT_SHARING_DEPS = frozenset({"conj", "xcomp", "advcl"})
_TIME_LABELS = frozenset({"DATE", "TIME"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_OPEN_QUOTES = frozenset({"``", "`", '"', "("})
_CLOSE_QUOTES = frozenset({"''", "'", '"', ")"})


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


#: Confidence of a tuple by the rule that made it: how often, on held-out text, such a tuple
#: matches a reference extraction well (ordering matters more than the values).
CONFIDENCE = {
    "object": 0.9,  # subject, verb, direct object or complement: "Apple | opened | a store"
    "preposition": 0.85,  # subject, verb + preposition, its object: "She | moved to | Paris"
    "complement": 0.8,  # subject, verb + "that", clause: "The report | said that | prices rose"
    "nominal": 0.45,  # complement up to its preposition: "It | was a notable influence on | John Buchan"
    "apposition": 0.7,  # "Cashel Byron , a prizefighter" -> "Cashel Byron | is | a prizefighter"
    "title": 0.6,  # "President Bush" -> "Bush | is | President"
    "modifier": 0.6,  # only a time or place phrase to say: "was abandoned | several years later"
    "possessive": 0.5,  # "Descartes 's reductionism" -> "Descartes | has | reductionism"
    "located": 0.5,  # "Hillsborough , North Carolina" -> "Hillsborough | is in | North Carolina"
    "quality": 0.4,  # "the comical contradictions" -> "contradictions | are | comical"
    "noun-preposition": 0.4,  # "the Laboratory in Cambridge" -> "the Laboratory | is in | Cambridge"
    "intransitive": 0.3,  # subject and verb alone: "The talks | will resume"
}
#: Factor for a tuple made by splitting a coordination ("cars and trucks" -> "cars").
CONJUNCT_FACTOR = 0.5
#: Factor by the dependency of the clause's verb (of the first verb, for coordinated verbs).
CLAUSE_FACTOR = {"ROOT": 1.0, "xcomp": 1.0, "ccomp": 0.9, "relcl": 0.9, "advcl": 0.9, "acl": 0.8, "other": 0.8}


# --- token lists -----------------------------------------------------------------------------


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


# --- clause parts ----------------------------------------------------------------------------


def _is_relative_pronoun(token: Token) -> bool:
    return token.lower_ in _RELATIVE_PRONOUNS and token.tag_ in {"WDT", "WP", "WP$", "IN", "DT"}


def _antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs off ("an opening [that led to a mine]")."""
    if verb.dep_ == "relcl" and verb.head != verb:
        return verb.head
    return None


def _noun_phrase(token: Token, inside: Token | None = None) -> list[Token]:
    """The argument phrase headed by ``token``; without the clause ``inside`` it when given."""
    tokens = _subtree(token)
    if inside is not None:
        drop = {t.i for t in inside.subtree}
        tokens = [t for t in tokens if t.i not in drop]
    return _trim(tokens)


def _subjects(verb: Token, depth: int = 0) -> list[list[Token]]:
    """Subject phrases of ``verb``: its own, else the governing clause's (coordination, control)."""
    own = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if own:
        phrases = []
        for subject in own:
            antecedent = _antecedent(verb)
            if _is_relative_pronoun(subject) and antecedent is not None:
                phrases.append(_noun_phrase(antecedent, inside=verb))
            else:
                phrases.append(_noun_phrase(subject))
        return phrases
    if depth > 4 or verb.head == verb:
        return []
    if verb.dep_ in _SUBJECT_SHARING_DEPS and verb.head.pos_ in _PREDICATE_POS:
        return _subjects(verb.head, depth + 1)
    if verb.dep_ in {"relcl", "acl"} and verb.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}:
        # "the villages located close to industrial sites", "a player who ...": the noun.
        return [_noun_phrase(verb.head, inside=verb)]
    return []


def _relation_core(verb: Token) -> list[Token]:
    """Auxiliaries, negation, particles and the adverbs among them, plus the verb itself."""
    words = [c for c in verb.children if c.dep_ in _AUX_DEPS or c.dep_ == "prt"]
    # Adverbs right before the verb belong to the relation ("has also been", "often refers").
    left = verb.i - 1
    children = {c.i: c for c in verb.children}
    while left >= 0 and left in children and (children[left].dep_ in _AUX_DEPS or _is_relation_adverb(children[left])):
        if children[left].dep_ == "advmod":
            words.append(children[left])
        left -= 1
    # ... and a bare adverb right after it ("toured extensively", "is heating up too").
    right = verb.i + 1
    while right in children and children[right].dep_ in {"prt", "neg"}:
        right += 1
    if right in children and _is_relation_adverb(children[right]) and not list(children[right].children):
        words.append(children[right])
    return sorted(set(words + [verb]), key=lambda t: t.i)


def _is_relation_adverb(token: Token) -> bool:
    return token.dep_ == "advmod" and token.tag_ in {"RB", "RBR", "RBS"} and not token.ent_type_


def _is_time(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in _TIME_LABELS for t in tokens)


def _is_place(tokens: list[Token]) -> bool:
    return any(t.ent_type_ in _PLACE_LABELS for t in tokens)


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            return child
    return None


def _modifiers(verb: Token, used: set[int]) -> list[list[Token]]:
    """Further arguments of a clause: prepositional phrases and time adverbials, in order."""
    out = []
    for child in verb.children:
        if child.i in used:
            continue
        if child.dep_ in _PREP_DEPS and _pobj(child) is not None or child.dep_ == "dative":
            out.append(_trim(_subtree(child)))
        elif child.dep_ in {"npadvmod", "advmod"} and _is_time(list(child.subtree)):
            out.append(_trim(_subtree(child)))
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    if clause.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
        # "into Israeli territory , where they killed three soldiers": the place of the killing.
        out.append(_noun_phrase(clause.head, inside=clause))
    return [m for m in out if m]


def _shared_modifiers(verb: Token) -> list[list[Token]]:
    """Sentence-initial modifiers of the first of coordinated verbs, which the others share.

    "In 1717 Montagu observed the practice and attempted to popularize it": "In 1717" dates both.
    """
    first = verb
    while first.dep_ == "conj" and first.head != first and first.head.pos_ in _PREDICATE_POS:
        first = first.head
    if first is verb or _own_subject(verb):
        return []
    subjects = [c.i for c in first.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return []
    return [m for m in _modifiers(first, set()) if m and m[-1].i < min(subjects)]


def _controlled(verb: Token) -> Token | None:
    """The clause a subject-control verb hands its subject to: "tried to woo", "were able to reinforce"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in _PREDICATE_POS and not _own_subject(child):
            return child
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS for c in verb.children)


_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})


def _conjuncts(tokens: tuple[Token, ...]) -> list[tuple[Token, ...]]:
    """One phrase per conjunct of the coordination heading ``tokens``, shared words kept.

    "a series of rocket attacks and raids" -> "a series of rocket attacks", "a series of raids";
    "Quanzhou , Xiamen and Zhangzhou" -> each name. The coordination must be the phrase's head,
    an "of" object below it or a modifier of either; lists inside other modifiers stay whole.
    Returns [] when nothing is coordinated.
    """
    members = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in members or t.head == t]
    if len(roots) != 1:
        return []
    top = _coordination(roots[0], members)
    if top is None:
        return []
    heads = [top]
    for head in heads:
        heads += [c for c in head.children if c.dep_ == "conj" and c.i in members and c.pos_ in _NOMINAL_POS]
    inside = {t.i for t in top.subtree}
    outside = [t for t in tokens if t.i not in inside]
    variants = []
    for head in heads:
        below = {t.i for h in heads if h is not head and head in h.ancestors for t in h.subtree}
        own = [t for t in head.subtree if t.i in members and t.i not in below]
        own = [t for t in own if not (t.head in heads and t.dep_ in {"cc", "punct", "preconj"})]
        phrase = tuple(_trim(sorted(outside + own, key=lambda t: t.i)))
        if phrase and phrase != tuple(tokens):
            variants.append(phrase)
    return variants if len(variants) > 1 else []


def _coordination(root: Token, members: set[int]) -> Token | None:
    """The first token with conjuncts on the path root -> "of" objects -> their modifiers."""
    frontier = [root]
    while frontier:
        token = frontier.pop(0)
        if token.pos_ in _NOMINAL_POS and any(c.dep_ == "conj" and c.i in members and c.pos_ in _NOMINAL_POS for c in token.children):
            return token
        for child in token.children:
            if child.i not in members:
                continue
            if child.dep_ in {"amod", "compound", "nmod"} or (child.dep_ == "prep" and child.lower_ == "of") or (child.dep_ == "pobj" and token.lower_ == "of"):
                frontier.append(child)
    return None


# --- tuples ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    relation: tuple[Token, ...]
    arguments: tuple[tuple[Token, ...], ...]
    rule: str
    lead: str = ""  # inserted words before the relation's own ("is" for an apposition)

    @property
    def confidence(self) -> float:
        base, _, split = self.rule.partition("+")
        return CONFIDENCE[base] * (CONJUNCT_FACTOR if split else 1.0)


def _candidates(
    verb: Token, subjects: list[list[Token]], prefix: tuple[Token, ...] = (), inherited: tuple[tuple[Token, ...], ...] = ()
) -> Iterator[_Candidate]:
    """Tuples of one clause: ``prefix`` (a governing verb's relation words) + the verb's own.

    ``inherited`` are modifiers of the governing verb, which a controlled verb shares.
    """
    subjects = [s for s in subjects if s]
    if not subjects:
        return
    relation = list(prefix) + _relation_core(verb)
    # The direct object before an indirect one: "gave [local councils] [the power]".
    objects = sorted((c for c in verb.children if c.dep_ in _OBJECT_DEPS), key=lambda c: (c.dep_ == "dative", c.i))
    used: set[int] = set()
    arg2: list[Token] = []
    rule = "object"
    # Control: "were able to reinforce the hotel", "tried to woo Lydia": one relation phrase.
    holder = next((o for o in objects if o.dep_ == "acomp" and _controlled(o) is not None), None)
    controlled = _controlled(holder) if holder is not None else _controlled(verb)
    if controlled is not None and not any(o.dep_ in {"dobj", "attr"} for o in objects):
        chain = tuple(relation + ([holder] if holder is not None else []))
        shared = inherited + tuple(tuple(m) for m in _modifiers(verb, set()) + _shared_modifiers(verb))
        yield from _candidates(controlled, subjects, chain, shared)
        for conj in (c for c in controlled.children if c.dep_ == "conj" and c.pos_ in _PREDICATE_POS and not _own_subject(c)):
            to = tuple(c for c in controlled.children if c.dep_ == "aux" and c.lower_ == "to")
            yield from _candidates(conj, subjects, chain + tuple(t for t in to if not any(a.lower_ == "to" for a in conj.children)), shared)
        return
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    right_preps = [c for c in verb.children if c.dep_ in _PREP_DEPS and c.i > verb.i and _pobj(c) is not None]
    if objects:
        obj = objects[0]
        used.add(obj.i)
        antecedent = _antecedent(verb)
        if obj.dep_ == "dobj" and _is_relative_pronoun(obj) and antecedent is not None:
            arg2 = _noun_phrase(antecedent, inside=verb)
        else:
            arg2 = _noun_phrase(obj)
    elif ccomp is not None:
        # "indicated that organic compounds could carry current": the complementiser joins the relation.
        used.add(ccomp.i)
        marks = [c for c in ccomp.children if c.dep_ == "mark"]
        relation += marks
        arg2 = _trim([t for t in _subtree(ccomp, frozenset()) if t not in marks])
        rule = "complement"
    elif right_preps:
        # No object: the first preposition after the verb joins the relation ("relocated to",
        # "started on"). Time and place phrases stay modifiers when another phrase can take the slot.
        ranked = sorted(right_preps, key=lambda p: (_is_time(list(p.subtree)) or _is_place(list(p.subtree)), p.i))
        prep = ranked[0]
        used.add(prep.i)
        relation.append(prep)
        arg2 = _noun_phrase(_pobj(prep))  # type: ignore[arg-type]
        rule = "preposition"
    else:
        rule = "intransitive"
    lead = ""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ in _AUX_DEPS for c in verb.children):
        # Reduced relative: "excess pressure caused by thermal expansion" -> "is caused by".
        lead = _be(verb.head)
    rest = _modifiers(verb, used) + _shared_modifiers(verb) + [list(m) for m in inherited]
    if not arg2 and rest:
        # "was abandoned several years later": a modifier is the only complement there is.
        arg2, rest = rest[0], rest[1:]
        rule = "modifier"
    # "was a notable influence on | John Buchan", "is iconic for | Americans": the complement's
    # words up to its first preposition join the relation, the preposition's object is arg2.
    nominal = _nominal_relation(objects[0]) if objects and rule == "object" and objects[0].dep_ in NOMINAL_RELATION_DEPS else None
    for subject in subjects:
        fields = [tuple(subject)] + ([tuple(arg2)] if arg2 else []) + [tuple(m) for m in rest]
        yield _Candidate(tuple(sorted(relation, key=lambda t: t.i)), tuple(fields), rule, lead)
        if nominal is not None:
            words, obj = nominal
            fields = [tuple(subject), tuple(obj)] + [tuple(m) for m in rest]
            yield _Candidate(tuple(sorted(relation + words, key=lambda t: t.i)), tuple(fields), "nominal", lead)


NOMINAL_RELATION_DEPS = frozenset({"attr", "acomp"})


def _nominal_relation(complement: Token) -> tuple[list[Token], list[Token]] | None:
    """Relation words and object when a complement ends in a prepositional phrase.

    "a notable influence on John Buchan" -> ("a notable influence on", "John Buchan").
    """
    prep = next((c for c in complement.children if c.dep_ == "prep" and c.i > complement.i and _pobj(c) is not None), None)
    if prep is None:
        return None
    obj = _noun_phrase(_pobj(prep))  # type: ignore[arg-type]
    if _pobj(prep).dep_ != "pobj":  # type: ignore[union-attr]
        return None
    taken = {t.i for t in obj}
    words = [t for t in _subtree(complement) if t.i <= prep.i and t.i not in taken]
    words = [t for t in words if not (t.i > complement.i and t.head.i > prep.i)]
    return words, obj


def _split(candidates: Iterable[_Candidate]) -> Iterator[_Candidate]:
    """Each candidate, then one per conjunct of its subject and of its first object."""
    for candidate in candidates:
        yield candidate
        for position in (0, 1):
            if position >= len(candidate.arguments):
                continue
            for variant in _conjuncts(candidate.arguments[position]):
                arguments = candidate.arguments[:position] + (variant,) + candidate.arguments[position + 1 :]
                yield _Candidate(candidate.relation, arguments, candidate.rule + "+conjunct", candidate.lead)


# --- facts stated by noun phrases ------------------------------------------------------------

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _be(head: Token) -> str:
    """The copula that agrees with a noun phrase: "is", or "are" for plurals and coordinations."""
    plural = head.tag_ in _PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)
    return "are" if plural else "is"


def _have(head: Token) -> str:
    return "have" if _be(head) == "are" else "has"


def _nominal_candidates(sent: Span) -> Iterator[_Candidate]:
    """Facts a noun phrase states without a verb: appositions, titles and possessives."""
    for token in sent:
        if token.dep_ == "appos" and _detached_apposition(token):
            yield from _apposition(token)
        elif token.dep_ == "appos" and token.ent_type_ in _PLACE_LABELS and token.head.ent_type_ in _PLACE_LABELS:
            # "Hillsborough , North Carolina" -> is in(Hillsborough, North Carolina).
            yield _Candidate((), ((token.head,), tuple(_noun_phrase(token))), "located", "is in")
        elif token.dep_ == "poss" and token.tag_ not in {"PRP$", "WP$"}:
            yield from _possessive(token)
        elif token.dep_ == "amod" and token.pos_ == "ADJ" and token.head.pos_ in {"NOUN", "PROPN"} and token.i < token.head.i:
            yield from _quality(token)
        elif token.dep_ == "prep" and token.head.pos_ in {"NOUN", "PROPN"} and token.lower_ in _LOCATIVE_PREPS:
            yield from _noun_preposition(token)
    yield from _titles(sent)


_NUMERIC_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
_LOCATIVE_PREPS = frozenset({"in", "at", "on", "near", "from"})


def _quality(adjective: Token) -> Iterator[_Candidate]:
    """ "the comical contradictions" -> are(contradictions, comical)."""
    noun = adjective.head
    if adjective.ent_type_ or any(c.dep_ in {"prep", "conj"} for c in adjective.children):
        return
    # The noun with its other modifiers before it, without determiners or possessors.
    dropped = {t.i for c in noun.children if c.i < noun.i and (c == adjective or c.dep_ in {"det", "poss", "predet"}) for t in c.subtree}
    words = _trim([t for t in noun.subtree if t.i <= noun.i and t.i not in dropped])
    if words:
        yield _Candidate((), (tuple(words), tuple(_trim(list(adjective.subtree)))), "quality", _be(noun))


def _noun_preposition(prep: Token) -> Iterator[_Candidate]:
    """ "the National Magnet Laboratory in Cambridge" -> is in(the National Magnet Laboratory, Cambridge)."""
    obj = _pobj(prep)
    if obj is None or obj.dep_ != "pobj":
        return
    noun = prep.head
    phrase = _trim([t for t in _subtree(noun) if t.i < prep.i])
    if phrase:
        yield _Candidate((prep,), (tuple(phrase), tuple(_noun_phrase(obj))), "noun-preposition", _be(noun))


def _apposition(appos: Token) -> Iterator[_Candidate]:
    """ "Cashel Byron , a world champion prizefighter" -> is(Cashel Byron, a world champion prizefighter)."""
    head = appos.head
    if {head.ent_type_, appos.ent_type_} & _NUMERIC_LABELS or "CD" in {head.tag_, appos.tag_}:
        return  # dates and figures in a row ("July 17 , 1749", "9.75 % , 8.75 %") are not appositions
    if any(c.dep_ == "conj" for c in appos.children):
        return  # a list the parser read as an apposition
    name, description = _noun_phrase(head), _noun_phrase(appos)
    if not name or not description:
        return
    yield _Candidate((), (tuple(name), tuple(description)), "apposition", _be(head))


def _titles(sent: Span) -> Iterator[_Candidate]:
    """ "President Bush", "former U.S. Attorney Todd Graves" -> is(Bush, President)."""
    for ent in sent.ents:
        if ent.label_ != "PERSON":
            continue
        words: list[Token] = []
        i = ent.start - 1
        # The modifiers right before the name that hang off it: "former U.S. Attorney".
        while i >= sent.start:
            word = sent.doc[i]
            if word.pos_ not in {"NOUN", "PROPN", "ADJ"} or not (ent.start <= word.head.i < ent.end or word.head in words):
                break
            words.insert(0, word)
            i -= 1
        if not words:
            # kg_entities marks titles as TITLE entities of their own: "Prime Minister Modi".
            previous = [e for e in sent.ents if e.end == ent.start and e.label_ == "TITLE"]
            words = list(previous[0]) if previous else []
        # The word next to the name must name a role: "President", "cop", "show host"; not
        # "Lords Baltimore" or "St. Michael".
        if words and (words[-1].lower_ in TITLE_HEADS or (words[-1].tag_ in {"NN", "NNS"} and words[-1].is_lower)):
            yield _Candidate((), (tuple(ent), tuple(words)), "title", "is")


def _possessive(owner: Token) -> Iterator[_Candidate]:
    """ "Descartes 's scientific reductionism" -> has(Descartes, scientific reductionism)."""
    thing = owner.head
    owner_phrase = [t for t in _subtree(owner) if t.dep_ != "case"]
    drop = {t.i for t in owner.subtree}
    thing_phrase = _trim([t for t in _subtree(thing) if t.i not in drop])
    if owner_phrase and thing_phrase:
        yield _Candidate((), (tuple(_trim(owner_phrase)), tuple(thing_phrase)), "possessive", _have(owner))


def _is_predicate(token: Token) -> bool:
    return token.pos_ in _PREDICATE_POS and token.dep_ not in {"aux", "auxpass"}


def _is_merged(token: Token) -> bool:
    """True for a controlled verb whose tuples come with its governor's ("to woo" in "tried to woo")."""
    current = token
    if current.dep_ == "conj" and not _own_subject(current):
        current = current.head
    if current.dep_ != "xcomp" or _own_subject(current):
        return False
    head = current.head
    if head.dep_ == "acomp":
        head = head.head
    return head.pos_ in _PREDICATE_POS and not any(o.dep_ in {"dobj", "attr"} for o in head.children)


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
            relation = " ".join(w for w in (candidate.lead, _text(candidate.relation)) if w)
            arguments = tuple(_text(a) for a in candidate.arguments)
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
                (_extent(list(candidate.relation)),) + tuple(_extent(list(a)) for a in candidate.arguments),
                candidate.rule,
            )


def _sentence_candidates(sent: Span) -> Iterator[tuple[_Candidate, Token, float]]:
    """Every candidate of a sentence, the token whose polarity and modality it takes, and the
    factor its clause puts on its confidence."""
    for token in sent:
        if _is_predicate(token) and not _is_merged(token):
            factor = _clause_factor(token)
            for candidate in _split(_candidates(token, _subjects(token))):
                yield candidate, token, factor
    for candidate in _split(_nominal_candidates(sent)):
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
