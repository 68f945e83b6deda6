"""What a speaker says of others, judged: a sentence + its ``Builder`` -> criticizes and supports
statements from speech whose words judge a named party ("SNP leader Alex Salmond said Mr Brown
had failed the test": Salmond criticizes Brown; "Mr Balls said the decision was a sensible thing
to do": Balls supports its maker).

The speaker is the subject of a verb of saying; what is said is its clause or quotation; the
judged party is a name in it (the clause's subject, its possessor, or the party acted on); the
judgement comes from evaluative words (``kg.lexicon.NEGATIVE_EVALUATION``, ``POSITIVE_EVALUATION``),
a negated praise counting as blame. A speech that judges nobody states nothing.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kg.extract.context import ACT_NOUNS, Builder, token_mention
from kg.lexicon import NEGATIONS, NEGATIVE_EVALUATION, NEWS_AGENCIES, POSITIVE_EVALUATION, POSTNOMINAL_TITLES, PRAISE, SPEECH_VERBS, SPOKESPEOPLE, TRIBUTES, is_resigning
from kg.syntax import agents, conjuncts, has_own_subject, is_passive, logical_subjects, patients, prep_objects

__all__ = ["evaluation_statements"]

#: Verbs of saying whose clause is the speaker's judgement (not "ask", "report", "expect").
_JUDGING_VERBS = (SPEECH_VERBS - {"ask", "report", "expect", "hope", "estimate", "predict", "quote", "brief", "inform", "interview", "recall", "announce", "reveal", "confirm", "indicate", "point"}) | {"describe", "dismiss", "brand", "label"}
_SPEAKER_TYPES = frozenset({"Person", "Organization", "Country"})
_TARGET_TYPES = frozenset({"Person", "Organization", "Country", "Agreement"})
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "advcl", "oprd"})
_MAX_TARGETS = 2
_NAMING_VERBS = frozenset({"describe", "brand", "label", "dismiss", "denounce", "condemn", "criticise", "criticize", "attack"})
#: Judging verbs whose object is the party judged ("blamed the minister"); the others judge their
#: subject ("Labour betrayed voters").
_OBJECT_JUDGING = frozenset({"blame", "deplore"})
#: Links through which a judging verb with no subject judges its governor's subject: "stop
#: demonising X" (pcomp), "spent and wasted" (conj); not "asked X to mediate to avoid any risk".
_SHARED_SUBJECT_DEPS = frozenset({"pcomp", "conj"})
#: Verbs whose object an "as" phrase judges: "described X as the best chance for peace".
_DESCRIBING_VERBS = frozenset({"describe", "label"})
#: Words that open a clause of time or condition, which judges no one's conduct.
_CONDITIONS = frozenset({"before", "until", "till", "if", "unless", "when", "once"})
#: Speakers whose words are their body's: its spokespeople, and "sources", "officials", a "statement".
_SPEAKS_FOR_A_BODY = SPOKESPEOPLE | frozenset("source sources official officials statement".split())


def _content(verb: Token) -> list[Token]:
    """The words a speaker says: the verb's clausal complements (and the quotation they sit in)."""
    words: list[Token] = []
    for child in verb.children:
        if child.dep_ in _CONTENT_DEPS or (child.dep_ == "prep" and child.lower_ == "as" and verb.lemma_.lower() in _NAMING_VERBS):
            # "described as irresponsible", "branded as a disgrace": the words of the judgement.
            words.extend(child.subtree)
    # 'Caroline Spelman said: "There is now evidence that ..."': what follows the colon is what
    # is said, whatever the parser made of it (here the object "evidence").
    colon = next((c.i for c in verb.children if c.text == ":" and c.i > verb.i), None)
    if colon is not None:
        words.extend(t for c in verb.children if c.i > colon and c.dep_ not in _CONTENT_DEPS and c.dep_ != "punct" for t in c.subtree)
    return words


def _stray_agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive judging verb that the parser hung on the judgement's last word
    ("were described as 'irresponsible' and 'outrageous' by the commission")."""
    if not is_passive(verb):
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree
            if t.dep_ == "prep" and t.lower_ == "by" for o in t.children if o.dep_ == "pobj"]


def _speaker(token: Token, b: Builder):
    """Who a subject names: itself, or the name in apposition to a title that heads it ("The
    watchdog's chief accountant Donald Nicolaisen said", "Chairman of the committee Ann Lee MP
    said")."""
    found = token_mention(token, b.ctx, allow_modifier=token.lemma_.lower() in _SPEAKS_FOR_A_BODY)
    if found is not None and found[0].type in _SPEAKER_TYPES or token.pos_ not in {"NOUN", "PROPN"}:
        return found
    for name in (c for c in token.children if c.dep_ == "compound" and token.text in POSTNOMINAL_TITLES):
        # "Frank Field MP said": the parser heads the name with its post-nominal title.
        own = token_mention(name, b.ctx, allow_modifier=False)
        if own is not None and own[0].type == "Person":
            return own
    for appos in (c for c in token.subtree if c.dep_ == "appos"):
        own = token_mention(appos, b.ctx, allow_modifier=False)
        if appos.head != token and own is not None and own[0].type != "Position":
            continue
        # "Peter Ainsworth MP": the parser may head the apposition with the post-nominal title.
        for t in (appos, *(c for c in appos.children if c.dep_ == "compound")):
            found = token_mention(t, b.ctx, allow_modifier=False)
            if found is not None and found[0].type == "Person":
                return found
    return None


#: Quotation marks as the tokenizer leaves them.
_QUOTES = frozenset({'"', "''", "\u201d"})


def _inverted_speaker(verb: Token, b: Builder) -> list:
    """'"This is typical of Lib Dem hypocrisy," said Tory shadow local government secretary
    Caroline Spelman': after a quotation, the verb of saying comes before its speaker, and the
    parser may make anything of the title and name that follow; the person they end in speaks."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text not in _QUOTES or doc[verb.i - 2].text != ",":
        return []
    found = None
    for k in range(verb.i + 1, verb.sent.end):
        if doc[k].is_punct:
            break
        m = b.ctx.mentions.get(k)
        if m is not None and m.type in _SPEAKER_TYPES and (found is None or found[0].type != "Person"):
            found = (m, 1.0)
    return [found] if found is not None else []


#: Evaluative verbs of evading that, with a modal of possibility, propose a way out instead.
_EVADING = frozenset({"avoid", "evade", "dodge", "escape"})


def _way_out(word: Token) -> bool:
    """"could avoid having to", "will avoid the old parties' spin": an evasion offered or promised, not blamed."""
    return word.lemma_.lower() in _EVADING and any(c.dep_ == "aux" and c.lower_ in {"could", "can", "might", "may", "will", "would", "shall"} for c in word.children)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in {"advmod", "neg", "det"}) for c in token.children) or any(
        c.dep_ == "neg" for c in token.head.children if token.dep_ in {"acomp", "attr", "xcomp"}
    )


def _judged(word: Token, b: Builder, exclude: set[str]) -> list[tuple[Token, object]]:
    """The names an evaluative word is about: the subject of its clause (and that subject's
    possessor: "Labour's plans [failed]"), or names inside the noun phrase it modifies ("a failed
    [Tory] past")."""
    candidates: list[Token] = []
    if word.pos_ in {"ADJ", "NOUN", "VERB"} and word.dep_ in {"amod", "compound"}:
        # "a failed Tory past": the names inside the phrase the word judges.
        phrase = word.head
        candidates += [t for t in phrase.subtree if t.i < phrase.i and t.dep_ in {"compound", "poss", "nmod", "amod"}]
    if word.pos_ == "NOUN":
        # "typical of Labour hypocrisy", "Mr Blair's failure": the names that own the judged thing.
        candidates += [t for t in word.subtree if t.i < word.i and t.dep_ in {"compound", "poss", "nmod", "amod"}]
    if word.pos_ == "ADJ" and word.dep_ == "acomp":
        # "not safe in Conservative hands": a name in the adjective's own phrase (not "afraid of
        # Mr Campbell's skills", whose "of" names what the judged party fears or lacks).
        # The parser hangs the phrase on the adjective or on its copula.
        preps = [p for p in (*word.children, *word.head.children) if p.dep_ == "prep" and p.lower_ in {"in", "under"} and p.i > word.i]
        holders = [t for p in preps for o in p.children if o.dep_ == "pobj" for t in o.subtree if t.dep_ in {"compound", "poss", "amod", "nmod"} or t == o]
        if holders:
            # "the NHS is not safe in Tory hands" judges the hands, not the NHS.
            return _mentions(holders, b, exclude)
    # "a wasted opportunity", "a botched reform": a participle that modifies a noun judges through
    # the noun's clause, not as a clause of its own.
    clause = word.head if word.pos_ == "VERB" and word.dep_ in {"amod", "compound"} else word
    while clause.pos_ not in {"VERB", "AUX"} and clause.head != clause and clause.dep_ not in {"ccomp", "conj"}:
        clause = clause.head
    # "it was wrong to suggest ...": an "it" that stands for the clause after the adjective judges
    # no one (the parser hangs that clause on the adjective or, after it, on the copula).
    expletive = (word.pos_ == "ADJ" and any(c.dep_ in {"xcomp", "ccomp"} for c in word.children)) or (
        word.dep_ in {"acomp", "attr"} and any(c.dep_ in {"xcomp", "ccomp"} and c.i > word.i for c in clause.children)) or (
        word.dep_ == "attr" and bool(_that_clauses(word, clause)))
    if _countered(word):
        # "Veritas would avoid the old parties' lies and spin", "vowed to fight corruption": who
        # counters a fault is not blamed for it (its owner, if named, still is).
        subjects = []
    elif clause == word and word.pos_ == "VERB":
        # A judging verb judges who does it: the agent of a passive ("felt let down by Labour"),
        # else the subject of an adjectival passive ("was terrified of scrutiny"), the subject it
        # shares ("steer away from demonising X": whoever should steer away), not the party done to.
        if agents(word) or is_passive(word):
            subjects = agents(word) or patients(word)
        elif has_own_subject(word) or word.dep_ in _SHARED_SUBJECT_DEPS:
            subjects = logical_subjects(word)
            if word.dep_ == "relcl" and subjects and subjects[0] == word.head:
                # "a choice between Mr Blair, who will waste more, and a Tory government": the
                # relative clause judges its own noun, not the nouns coordinated with it.
                subjects = [word.head]
        else:
            subjects = []
    else:
        subjects = [t for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(c)]
    if expletive and any(t.lower_ == "it" for t in subjects):
        # "it was pathetic that Britain gave so little": the "that" clause is what is judged, and
        # its subject whom (not "it was wrong to suggest ...", whose infinitive judges no one).
        subjects = [t for c in _that_clauses(word, clause) for s in c.children if s.dep_ in {"nsubj", "nsubjpass"} for t in conjuncts(s)]
    for subject in subjects:
        # "Labour's plans", "Mr Blair's record and Tory plans": the owners of what is judged.
        candidates.append(subject)
        candidates += [t for t in subject.subtree if t.dep_ in {"poss", "compound"} and t.i < subject.i]
        if subject.lemma_.lower() in ACT_NOUNS:
            # "the ambition of Mr Blair and Mr Brown": whose act is judged.
            candidates += [t for _, o in prep_objects(subject, ("of",)) for t in conjuncts(o)]
    if word.pos_ == "VERB" and word.lemma_.lower() in _OBJECT_JUDGING:
        candidates += [c for c in word.children if c.dep_ == "dobj"]
    return _mentions(candidates, b, exclude)


#: Verbs that act against what they take as object: a fault named there is not their subject's.
_COUNTERING = frozenset("avoid evade escape fight tackle combat reject end stop oppose condemn expose denounce prevent eliminate eradicate curb".split())


def _countered(word: Token) -> bool:
    """Whether a judging word is the object of a verb acting against it, or coordinated with
    one that is: "would avoid the parties' lies and spin" (which the parser may read as a verb)."""
    head = word
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    verb = head.head
    return head.pos_ == "NOUN" and head.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _COUNTERING


def _that_clauses(word: Token, clause: Token) -> list[Token]:
    """The "that" clauses after a judging word, on it or its copula ("it was pathetic that ...",
    "it was a scandal that ...", which the parser may read as a relative clause)."""
    found = [c for h in (word, clause) for c in h.children
             if c.dep_ in {"ccomp", "relcl", "acl"} and c.i > word.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    # A "that" the parser left as a bare dependent of the copula heads the clause itself.
    return found + [c for c in clause.children if c.lower_ == "that" and c.dep_ == "dep" and c.i > word.i]


def _mentions(candidates: list[Token], b: Builder, exclude: set[str]) -> list[tuple[Token, object]]:
    """The first few distinct parties the candidate tokens name, leaving out ``exclude``."""
    found = []
    seen = set(exclude)
    for t in candidates:
        m = token_mention(t, b.ctx, allow_modifier=False)
        if m is None or m[0].type not in _TARGET_TYPES or m[0].key in seen:
            continue
        seen.add(m[0].key)
        found.append((t, m))
    return found[:_MAX_TARGETS]


def _own_side(speakers: list, b: Builder) -> set[str]:
    """The speakers and what the sentence says they belong to ("Refugee Council chief executive
    Maeve Sherlock said ... irresponsible" judges someone else, not her council)."""
    keys = {s[0].key for s in speakers}
    for st in b.out:
        if st.subject.key in keys and st.predicate in {"memberOf", "worksFor", "holdsPosition"}:
            for m in (st.object.mention, st.qualifiers.affiliation):
                if m is not None:
                    keys.add(m.key)
    return keys


def evaluation_statements(sent: Span, b: Builder) -> None:
    """criticizes from speech that judges a named party badly; supports from speech that praises
    a named party's conduct (``kg.lexicon.PRAISE``: "was right to", "a sensible thing to do"; the
    wider ``POSITIVE_EVALUATION`` is too often about results, not their maker, to be read this way)."""
    for verb in b.tokens:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _JUDGING_VERBS:
            continue
        # "A Conservative Party spokesman said": one who speaks for an organisation speaks as it.
        speakers = [
            m for t in (logical_subjects(verb) or _stray_agents(verb) or patients(verb))
            if (m := _speaker(t, b)) is not None and m[0].type in _SPEAKER_TYPES
        ]
        if not speakers:
            speakers = _inverted_speaker(verb, b)
        # "Reuters said that Mr Lilliu shouted insults": a news agency tells the news, it does not judge.
        speakers = [m for m in speakers if m[0].name.lower() not in NEWS_AGENCIES]
        if not speakers:
            continue
        judged: dict[str, dict[str, tuple[Token, object]]] = {"criticizes": {}, "supports": {}}
        for word in _content(verb):
            for t, m in _mentions(_called_to_go(word), b, _own_side(speakers, b)):
                judged["criticizes"].setdefault(m[0].key, (t, m))
            forms = _forms(word)
            # "should not ignore the need to reform": a denied fault is advice, not blame; so is a
            # way out one "could" take ("Congress could avoid having to turn to the taxpayer").
            blame = bool(forms & NEGATIVE_EVALUATION or _excessive(word)) and not _negated(word) and not _way_out(word)
            praise_denied = bool(forms & POSITIVE_EVALUATION) and _negated(word)
            if blame or praise_denied:
                predicate = "criticizes"
            elif _praises(word):
                predicate = "supports"
            else:
                continue
            for t, m in _judged(word, b, _own_side(speakers, b)):
                judged[predicate].setdefault(m[0].key, (t, m))
        if verb.lemma_.lower() in _DESCRIBING_VERBS:
            # "described Mr Sharon as the best chance for peace", "described Labour's plans as
            # reckless": what the "as" phrase says judges the object.
            for predicate, t, m in _described(verb, b, _own_side(speakers, b)):
                judged[predicate].setdefault(m[0].key, (t, m))
        for predicate, targets in judged.items():
            for speaker in speakers:
                for t, target in list(targets.values())[:_MAX_TARGETS]:
                    b.add(verb, speaker, predicate, target, f"{verb.text}: {t.text}", f"kg.rules.{predicate}.speech.v1", 0.6)


#: Verbs of removing someone from an office: "the prime minister should sack Mr Brown".
_DISMISSING = frozenset({"sack", "fire", "dismiss", "oust"})
#: Modals that demand: "should resign", "must go" (not "could", "may", "will").
_DEMANDING = frozenset({"should", "must"})


def _called_to_go(word: Token) -> list[Token]:
    """Whom a speaker says should leave office: the subject of "should resign" or "must step
    down", the object of "should sack", the subject of "should be sacked"; unless only if
    something turns out true."""
    if word.pos_ != "VERB" or _negated(word) or not any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _DEMANDING for c in word.children):
        return []
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children) for c in word.children):
        return []  # "should quit if he is found to have ...": a condition, not yet a charge
    lemma = word.lemma_.lower()
    particles = {c.lower_ for c in word.children if c.dep_ == "prt"}
    if is_resigning(lemma, particles):
        return [t for c in word.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    if lemma in _DISMISSING:
        return [t for c in word.children if c.dep_ in ({"nsubjpass"} if is_passive(word) else {"dobj"}) for t in conjuncts(c)]
    return []


def _described(verb: Token, b: Builder, exclude: set[str]) -> list[tuple[str, Token, object]]:
    """(predicate, token, mention) for the object of "describe X as Y" by what Y says of it."""
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    said = [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
    if not objects or not said:
        return []
    if any(_forms(t) & NEGATIVE_EVALUATION and not _negated(t) for t in said):
        predicate = "criticizes"
    elif any(_forms(t) & (POSITIVE_EVALUATION | PRAISE | TRIBUTES) and not _negated(t) for t in said):
        predicate = "supports"
    else:
        return []
    owners = [t for o in objects for t in (o, *(c for c in o.subtree if c.dep_ in {"poss", "compound"} and c.i < o.i))]
    return [(predicate, t, m) for t, m in _mentions(owners, b, exclude)]


def _forms(word: Token) -> set[str]:
    """The forms a lexicon may list a word under: its lemma and text, a phrasal verb as a whole
    ("let down"), and a hyphenated word the tokenizer split ("over-reacted", "ill-judged")."""
    lemma = word.lemma_.lower()
    forms = {lemma, word.lower_, " ".join([lemma, *(c.lower_ for c in word.children if c.dep_ == "prt")])}
    if lemma == "way" and word.dep_ == "pobj" and word.head.lower_ == "in" and any(c.lower_ == "the" for c in word.children):
        # "getting in the way of good government", "standing in the way of reform".
        forms.add("in the way")
    if word.i >= 2 and word.nbor(-1).text == "-" and not word.nbor(-1).whitespace_ and not word.nbor(-2).whitespace_:
        prefix = word.nbor(-2).lower_
        forms |= {f"{prefix}-{lemma}", f"{prefix}-{word.lower_}"}
    return forms


def _excessive(word: Token) -> bool:
    """"acting too late", "far too cautious", "too little": a degree called excessive is a fault
    (not "too good to miss", nor "too" meaning "also", which modifies no adjective or adverb)."""
    if word.pos_ not in {"ADJ", "ADV"} or word.lemma_.lower() in POSITIVE_EVALUATION | PRAISE:
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "too" and c.i < word.i for c in word.children):
        return False
    clause = next((t for t in (word, *word.ancestors) if t.pos_ in {"VERB", "AUX"}), word)
    # "before it is too late", "if prices rise too fast": a condition or a time, no one's fault;
    # "it is too early to say": no one's at all.
    return not any((c.dep_ == "mark" and c.lower_ in _CONDITIONS) or (c.dep_ == "nsubj" and c.lower_ == "it") for c in clause.children)


def _praises(word: Token) -> bool:
    """A word that praises what a party did, said of it as a predicate ("Labour was right to
    reject", "the decision was a sensible thing to do"), not negated ("not right" is blame)."""
    if (word.lemma_.lower() not in PRAISE and word.lower_ not in PRAISE) or _negated(word):
        return False
    if word.lower_ == "right":
        # "right to reject" praises; "the right time", "the Labour right" do not.
        return word.dep_ == "acomp" and any(c.dep_ == "xcomp" for c in word.children)
    return word.dep_ in {"acomp", "attr", "amod", "oprd"}
