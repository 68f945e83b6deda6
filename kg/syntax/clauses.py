"""Clause structure of a dependency parse: spaCy Tokens -> the tokens that fill a verb's roles.

Subjects (logical and as written), passives, objects, prepositional objects, coordination,
control and the verb that governs a word. ``kg.extract`` and ``kg.openie`` both read clauses
through these functions, so the two never drift apart.
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "PASSIVE_SUBJECT_DEPS",
    "agents",
    "asks",
    "awaits",
    "PREDICATE_POS",
    "RELATIVE_PRONOUNS",
    "SUBJECT_DEPS",
    "clause_head",
    "co_agents",
    "conjuncts",
    "controlled_clause",
    "described",
    "direct_objects",
    "examples",
    "governing_verb",
    "has_own_subject",
    "is_passive",
    "is_predicate",
    "is_relative_pronoun",
    "listed_names",
    "logical_subjects",
    "passed_over",
    "patients",
    "pobj",
    "prep_objects",
    "relative_antecedent",
    "reporter_of_conjunct",
    "supposes",
]

#: Active subjects: "India hosts", "that he met".
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Passive subjects: "India is invited".
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
PREDICATE_POS = frozenset({"VERB", "AUX"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
#: Clause links through which a verb with no subject of its own shares its governor's subject.
_SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "acl"})
#: Verbs that fund someone for a purpose, who then acts: "lent Gazprom $13bn to buy Yugansk".
_FUNDING_VERBS = frozenset({"lend", "loan", "give", "grant", "pay", "provide", "offer", "advance"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})
#: Subordinators of a clause that supposes rather than states ("if Labour wins Ealing").
_SUPPOSING_MARKS = frozenset({"if", "unless", "whether"})
#: Marks of a clause of time, and the auxiliaries that put the clause it hangs on ahead:
#: "will be completed once the government approves the deal".
_TIME_MARKS = frozenset({"once", "when", "until", "till", "before", "after"})
_AHEAD_AUXILIARIES = frozenset({"will", "shall", "would", "'ll", "can", "could", "may", "might", "must", "should"})
_MAX_DEPTH = 6
#: Verbs whose object does what their infinitive says ("invited India to join", "urged the
#: minister to quit", "hired Mr Smith to run its arm"). After any other verb an infinitive is
#: its subject's purpose: "Mr Smith left Goldman Sachs to join Morgan Stanley".
OBJECT_CONTROL_VERBS = frozenset(
    """ask advise allow appoint authorise authorize beg call cause challenge choose command commission
    compel convince elect employ enable encourage expect force get help hire implore incite induce
    instruct invite lead motivate name need nominate oblige order pay permit persuade pick prefer
    press pressure pressurise prompt push recruit remind request require select sign teach tell
    tempt train urge want warn wish""".split()
)


def conjuncts(token: Token) -> list[Token]:
    """The token and every word coordinated with it ("France, Germany and Italy")."""
    return [token, *token.conjuncts]


def listed_names(token: Token) -> list[Token]:
    """The token and the list it heads: the words coordinated with it, and a list the parser hangs
    off it as an apposition ("members David Davis, Oliver Letwin and Tim Yeo", where Letwin is
    Davis's apposition and Yeo Letwin's conjunct)."""
    return [*conjuncts(token), *(t for a in token.children if a.dep_ == "appos" for t in conjuncts(a))]


def is_predicate(token: Token) -> bool:
    """A verb (or copula) that heads a clause, not an auxiliary of another verb."""
    return token.pos_ in PREDICATE_POS and token.dep_ not in {"aux", "auxpass"}


def has_own_subject(verb: Token) -> bool:
    """True when the verb has a subject (active or passive) of its own."""
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


def is_relative_pronoun(token: Token) -> bool:
    """"who", "which", "that" introducing a relative clause (not "that" as a determiner)."""
    return token.lower_ in RELATIVE_PRONOUNS and token.tag_ in {"WDT", "WP", "WP$", "IN", "DT"}


def relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative clause hangs off ("the firm [that bought Exel]")."""
    if verb.dep_ == "relcl" and verb.head != verb:
        return verb.head
    return None


def described(noun: Token) -> list[Token]:
    """The noun a relative clause or participle describes, and its conjuncts; when that noun only
    describes a name in apposition ("Sibneft, a Russian oil company that came close to merging",
    "News Corp, the media company controlled by Rupert Murdoch"), the name is what the clause is about."""
    if noun.dep_ == "appos" and noun.pos_ == "NOUN" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        return conjuncts(noun.head)
    return conjuncts(noun)


def asks(token: Token) -> bool:
    """True when the token's sentence is a question ("Should the UK approve the treaty?",
    "What has Labour done for the North East?"), the quotes that close it aside."""
    end = token.sent[-1]
    while end.is_punct and end.text in "\"'’”)" and end.i > token.sent.start:
        end = end.doc[end.i - 1]
    return end.text == "?"


def passed_over(verb: Token) -> bool:
    """Whether the verb is the alternative a sentence sets aside: "bid for Euronext rather than
    buy the LSE", "Instead of buying Texaco, Shell acquired Gulf"."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].lower_ == "to":
        i -= 1  # "rather than to buy"
    return i >= 1 and (doc[i - 1].lower_, doc[i].lower_) in {("rather", "than"), ("instead", "of")}


def supposes(verb: Token) -> bool:
    """True when the verb's own clause opens with "if", "unless" or "whether"."""
    return any(c.dep_ == "mark" and c.lower_ in _SUPPOSING_MARKS for c in verb.children)


def conditioned(verb: Token) -> bool:
    """True when a clause opening with "if", "unless" or "whether" hangs off the verb: "Sony
    would buy Aiwa if the board agreed" (supposed, not planned)."""
    return any(c.dep_ == "advcl" and supposes(c) for c in verb.children)


def awaits(verb: Token) -> bool:
    """True when the verb's clause is one of time ("once", "when", "until", "before") under a
    clause still ahead: "The deal will be completed once the government approves it" (not yet
    approved); "Shares rose once the government approved it" was."""
    # ("when" is the parser's advmod as often as its mark.)
    if verb.dep_ != "advcl" or not any(c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_MARKS and c.i < verb.i for c in verb.children):
        return False
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _AHEAD_AUXILIARIES for c in verb.head.children)


def is_passive(verb: Token) -> bool:
    """Passive clause, including the reduced relative "the deal announced on Monday"."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return True
    if verb.tag_ != "VBN" or verb.dep_ != "acl":
        return False
    # A participle with its own subject or a perfect "had" is active: "the statement that Chile had signed".
    return not any(c.dep_ in SUBJECT_DEPS or (c.dep_ == "aux" and c.lemma_.lower() == "have") for c in verb.children)


def patients(verb: Token) -> list[Token]:
    """Passive subjects: the logical objects of a passive verb ("India is invited")."""
    found = [t for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS for t in conjuncts(c)]
    if found and is_relative_pronoun(found[0]) and verb.dep_ == "relcl":
        # "NTV, which is controlled by Gazprom": the relative pronoun stands for the noun.
        found = described(verb.head)
    if not found and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        # "is expected to be invited": the raised subject sits on the governing verb.
        found = [t for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS | SUBJECT_DEPS for t in conjuncts(c)]
    if not found and verb.dep_ == "acl":
        found = described(verb.head)
    if not found and verb.dep_ == "advcl" and any(c.dep_ == "auxpass" for c in verb.children):
        # "X was sold last year, having been owned by Y": the passive participle's patient is
        # the subject of the clause it hangs off.
        found = [t for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS | SUBJECT_DEPS for t in conjuncts(c)]
    return found


def agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive: "was bought by Rosneft" -> Rosneft."""
    return [t for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" for t in conjuncts(g)]


def logical_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """Who does what the verb says: the agent of a passive, the subject shared through
    coordination and control, the antecedent of a relative pronoun.

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["Exel", "was", "bought", "by", "Deutsche", "Post"],
        ...           heads=[2, 2, 2, 2, 5, 3], deps=["nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj"])
        >>> [t.text for t in logical_subjects(doc[2])]
        ['Post']
    """
    if depth > _MAX_DEPTH:
        return []
    if is_passive(verb):
        return agents(verb)
    found = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in conjuncts(c)]
    if found:
        if verb.dep_ == "relcl" and found[0].lower_ in RELATIVE_PRONOUNS:
            return described(verb.head)
        return found + co_agents(verb, found)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        # "Labour poster plans attacking Mr Howard": the noun the participle describes acts.
        return described(verb.head)
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Gordon Brown's decision to visit China", "BP's plan to buy Amoco": the owner of the
        # decision or plan is who would act.
        # A name or a pronoun: a description ("the operator's plan") is the coreference's to find.
        owners = [t for c in verb.head.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "PRON"} for t in conjuncts(c)]
        if owners:
            return owners
    if verb.dep_ == "pcomp" and verb.head.lower_ in {"of", "for"} and verb.head.head.pos_ == "VERB":
        # "accused Labour of signing", "praised Shell for cutting": the object did it.
        # Not an object after the phrase: "Instead of buying Texaco, Shell acquired Gulf".
        objects = [c for c in verb.head.head.children if c.dep_ == "dobj" and c.i < verb.head.i]
        if objects:
            return conjuncts(objects[0])
    funded = _funded(verb)
    if funded:
        return funded
    if verb.dep_ in _SUBJECT_SHARING_DEPS and verb.head != verb:
        # "ahead of attending X": pcomp under a preposition; climb to the governing verb.
        head = governing_verb(verb)
        if head is None:
            return []
        if is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
            # "X, convicted of murdering Y", "X was accused of killing Y": the passive's patient acts.
            return patients(head)
        if verb.dep_ == "xcomp":
            # Object control ("invited India to join") before subject control ("hopes to host").
            objects = [c for c in head.children if c.dep_ == "dobj"] if head.lemma_.lower() in OBJECT_CONTROL_VERBS else []
            if objects:
                return conjuncts(objects[0])
            raised = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if raised:
                return conjuncts(raised[0])
        return logical_subjects(head, depth + 1)
    return []


def co_agents(verb: Token, subjects: list[Token]) -> list[Token]:
    """Who acts with the subjects: "Along with Germany, France criticised the US", "France,
    together with Germany, criticised the plan". Only a phrase before the verb: after it, "along
    with" joins the object ("sold the firm along with its debts").

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["Along", "with", "Germany", ",", "France", "criticised", "it"],
        ...           heads=[5, 0, 1, 5, 5, 5, 5], deps=["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj"])
        >>> [t.text for t in co_agents(doc[5], [doc[4]])]
        ['Germany']
    """
    found: list[Token] = []
    for owner in (verb, *subjects):
        for child in owner.children:
            if child.i > verb.i or child.dep_ != "prep":
                continue
            # "along with" (along -> with) or "together with" (with <- together).
            if child.lower_ == "along":
                withs = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "with"]
            elif child.lower_ == "with" and any(c.dep_ == "advmod" and c.lower_ in {"together", "along"} for c in child.children):
                withs = [child]
            else:
                continue
            found.extend(t for w in withs for o in w.children if o.dep_ == "pobj" for t in conjuncts(o))
    return found


def _funded(verb: Token) -> list[Token]:
    """Who does what a loan or grant is for: "Deutsche Bank lent Gazprom $13bn to buy Yugansk",
    "lent $500m to Glazer to buy the club", "gave Glazer the money to buy the club"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return []
    giver = verb.head
    if verb.dep_ in {"relcl", "acl"} and giver.dep_ == "dobj":
        giver = giver.head  # "the money to buy": what the money is for
    elif verb.dep_ != "advcl":
        return []
    if giver.lemma_.lower() not in _FUNDING_VERBS:
        return []
    for c in giver.children:
        if c.dep_ == "dative" and c.pos_ != "ADP":
            return conjuncts(c)
        if (c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to")) and (objects := [o for o in c.children if o.dep_ == "pobj"]):
            return conjuncts(objects[0])
    return []


def reporter_of_conjunct(verb: Token, reporting: frozenset[str]) -> Token | None:
    """The verb of saying that a subjectless conjunct belongs to, when the parser hung it inside
    the reported clause: "Mr Blair said Labour would set out plans and attacked the Tory plans"
    (``attacked`` coordinates with ``said``, not with ``set``). The conjunct's tense says which: it
    agrees with the verb of saying ("said ... attacked", "stressing ... attacking") and not with
    the reported verb ("would set"), or the reported clause is a copula ("said the ruling was
    fair and praised the judges").
    """
    head = verb.head
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or has_own_subject(verb) or head.dep_ != "ccomp":
        return None
    said = head.head
    if said.lemma_.lower() not in reporting or verb.tag_ != said.tag_:
        return None
    if verb.tag_ != head.tag_ or head.lemma_.lower() == "be":
        return said
    return None


def direct_objects(verb: Token) -> list[Token]:
    """Direct objects and complements of an active verb, with their conjuncts."""
    return [t for c in verb.children if c.dep_ in _OBJECT_DEPS for t in conjuncts(c)]


def examples(noun: Token) -> list[Token]:
    """The examples a common noun gives of itself: "markets such as Latin America", "firms
    including Shell and BP" -> Latin America; Shell, BP."""
    if noun.pos_ != "NOUN":
        return []
    found = []
    for prep, obj in prep_objects(noun, ("as", "including")):
        if prep.lower_ == "including" or any(c.lower_ == "such" for c in prep.children) or (prep.i > 0 and noun.doc[prep.i - 1].lower_ == "such"):
            found.append(obj)
    return found


def pobj(prep: Token) -> Token | None:
    """The object of a preposition ("in [Paris]"), or its clausal complement ("of [buying]")."""
    for child in prep.children:
        if child.dep_ in {"pobj", "pcomp"}:
            return child
    return None


def prep_objects(token: Token, preps: tuple[str, ...] | frozenset[str] | None = None) -> list[tuple[Token, Token]]:
    """(preposition, object) pairs under a token, optionally only for some prepositions.

    Coordinated objects each make a pair: "talks with France and Germany".
    """
    pairs = []
    for prep in token.children:
        if prep.dep_ not in {"prep", "agent", "dative"} or (preps is not None and prep.lower_ not in preps):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                pairs.extend((prep, o) for o in conjuncts(obj))
    return pairs


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (not the token itself)."""
    current = token
    while current.head != current:
        current = current.head
        if current.pos_ in PREDICATE_POS:
            return current
    return current if current.pos_ in PREDICATE_POS else None


def clause_head(token: Token) -> Token:
    """The nearest verb at or above ``token``: the clause that a date or place belongs to."""
    current = token
    while current.pos_ not in PREDICATE_POS and current.head != current:
        current = current.head
    return current


def controlled_clause(verb: Token) -> Token | None:
    """The clause a subject-control verb hands its subject to: "tried to woo", "were able to reinforce"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in PREDICATE_POS and not has_own_subject(child):
            return child
    return None
