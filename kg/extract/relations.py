"""Statements from the dependency parse of one sentence: the sentence Span + ``SentenceContext`` ->
``kg.model.Statement`` records whose arguments are still unresolved Mentions.

The declared frames (``frames``), titles and appositions (``positions``), reported figures
(``figures``) and noun-phrase shapes (``nominal``) each add their statements; what no frame
reads may still link two named entities as an open ``relatedTo``, when kg would bet on it.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from spacy.tokens import Span, Token

from kg.extract.context import Builder, SentenceContext, mention_pairs
from kg.extract.evaluations import evaluation_statements
from kg.extract.figures import figure_statements
from kg.extract.frames import adjective_statements, frame_verbs, noun_statements, verb_statements
from kg.extract.nominal import event_statements, hyphen_owners, killing_statements, leader_statements, ownership_statements, tariff_statements
from kg.extract.places import carry_to_regions, kind_statements, place_statements
from kg.extract.positions import position_statements
from kg.lexicon import SPEECH_VERBS
from kg.model import Mention, Statement
from kg.syntax import asks, conjuncts, direct_objects, is_passive, logical_subjects, patients, prep_objects, supposes

__all__ = ["sentence_statements"]

# Lists read as a relation ("talks with A, B and C") are left to frames; an open relation needs one.
_MAX_CONJUNCTS = 2
#: Verbs that rank two things against each other ("Airbus overtook Boeing as the biggest planemaker",
#: "the Tories lag behind Labour"): a comparison a measure makes, not a relation between them.
_RANKING_VERBS = frozenset("overtake lag trail outperform underperform outsell outstrip outpace surpass".split())


def _open_statements(verb: Token, b: Builder) -> None:
    """``relatedTo`` between two named entities joined by a verb no frame declares.

    Only when kg would bet on it: not a verb of saying or thinking ("X told the BBC", "X said
    to Y"), both ends named outright (no pronoun, no modifier such as "Indian goods"), the object
    the verb's own object or prepositional object, and neither end one item of a list.
    """
    lemma = verb.lemma_.lower()
    if lemma in SPEECH_VERBS or lemma in _RANKING_VERBS or verb.pos_ != "VERB" or is_passive(verb):
        return
    if _hangs_off_a_noun(verb):
        # "an unsuccessful attempt to halt the auction", "rejected the call to open up the books":
        # the act is only named, perhaps never done, and its doer is a guess.
        return
    if _asked_or_supposed(verb):
        return
    subjects = [s for s in logical_subjects(verb) if s.i in b.ctx.mentions]
    # A preposition before the verb opens the sentence ("Around the UK, prices fell"): a setting, not an object.
    objects = [o for o in direct_objects(verb) if o.dep_ == "dobj"] + [o for p, o in prep_objects(verb) if p.i > verb.i]
    objects = [o for o in objects if o.i in b.ctx.mentions]
    if not subjects or not objects or any(len(conjuncts(t)) > _MAX_CONJUNCTS for t in subjects + objects):
        return
    for o, subject, obj in mention_pairs(subjects, objects, b.ctx, object_modifier=False):
        if obj[0].type in {"Position"} or subject[0].type in {"Position", "Event", "Agreement"}:
            continue
        if any(m[0].name[:1].isdigit() for m in (subject, obj)):
            continue  # "300p", "2005": a price or a year the model took for a name
        if obj[0].type == "Event" and o.dep_ == "pobj" and o.head.lower_ in _WHEN_PREPS:
            continue  # "renew the law in the New Year": a time, not a partner
        if obj[0].type in {"Place", "Country"} and o.dep_ == "pobj" and o.head.lower_ in _WHERE_PREPS:
            continue  # "cut prices in London", "filed for bankruptcy in Texas": where it was done, not a partner
        b.add(verb, subject, "relatedTo", obj, _relation_for(verb, o, b.ctx.mentions), "kg.rules.open.v1", 0.5)


#: Prepositions that put an occasion in time rather than relate to it.
_WHEN_PREPS = frozenset("in on during by until till before after since".split())
#: Prepositions that place an act rather than relate its doer to the place.
_WHERE_PREPS = frozenset("in at across throughout around".split())


#: Governing verbs whose infinitive was not (or not yet) done.
_NOT_DONE = frozenset("reject refuse decline deny fail try attempt seek oppose resist block veto".split())


def _hangs_off_a_noun(verb: Token) -> bool:
    """The verb completes a noun ("attempt to halt", "plans for processing", "difficulty in getting")."""
    for _ in range(3):
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            return True
        if verb.dep_ in {"xcomp", "advcl"} and verb.head.lemma_.lower() in _NOT_DONE:
            return True  # "rejected the call to open up the books", "failed to halt"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in {"NOUN", "PROPN"}:
            return True
        if verb.dep_ not in {"xcomp", "conj", "pcomp"} or verb.head == verb:
            return False
        verb = verb.head
    return False


def _asked_or_supposed(verb: Token) -> bool:
    """The verb asks ("What has Labour done for the North East?") or supposes ("if Labour wins
    the seat"): its clause states nothing a graph should keep as a relation."""
    if asks(verb):
        return True
    head = verb
    for _ in range(4):
        if supposes(head):
            return True
        if head.dep_ not in {"conj", "xcomp", "ccomp", "advcl"} or head.head == head:
            return False
        head = head.head
    return False


def _relation_for(verb: Token, obj: Token, named: Mapping[int, Mention]) -> str:
    """The verb phrase that links the verb to one object: "represented by", "relies on"; with a
    prepositional object, the verb's own object or first unnamed phrase goes with it ("became
    adviser to", "deliver his Budget to", "filed for bankruptcy protection in"); ``named``: the
    sentence's names by token."""
    words = [verb.text, *(c.text for c in verb.children if c.dep_ == "prt")]
    if obj.dep_ == "pobj":
        middle = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"} and c.i < obj.i), None)
        if middle is None:
            middle = next((c for c in verb.children if c.dep_ == "prep" and c.i < obj.head.i and c is not obj.head
                           and any(g.dep_ == "pobj" and g.i not in named for g in c.children)), None)
        if middle is not None:
            head = middle if middle.dep_ != "prep" else next(g for g in middle.children if g.dep_ == "pobj")
            phrase = [t for t in head.subtree if t.i <= head.i and t.dep_ in {"poss", "compound", "amod", "det"} or t == head]
            words += ([middle.text] if middle.dep_ == "prep" else []) + [t.text for t in sorted(phrase, key=lambda t: t.i)]
        words.append(obj.head.text)
    return " ".join(words)


def _invitation(verb: Token, b: Builder) -> None:
    """"X is invited to Y", "X was invited to join Y", "A invited X to Y": the invitee is the subject."""
    invitees = patients(verb) if is_passive(verb) else [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
    targets = [o for _, o in prep_objects(verb, ("to", "for"))]
    for child in verb.children:
        if child.dep_ == "xcomp":
            # "invited to join the initiative": the event is the complement verb's object.
            targets.extend(t for c in child.children if c.dep_ in {"dobj", "attr"} for t in conjuncts(c))
            targets.extend(o for _, o in prep_objects(child, ("in", "at", "to")))
    for _, subject, obj in mention_pairs(invitees, targets, b.ctx, object_modifier=False):
        b.add(verb, subject, "invitedTo", obj, "invited to", "kg.rules.invitedTo.v1", 0.85)


def sentence_statements(sent: Span, ctx: SentenceContext) -> Iterator[Statement]:
    """Every statement the rules read from one sentence, in token order of their anchors."""
    b = Builder(sent, ctx)
    for token in b.tokens:
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"aux", "auxpass"}:
            if token.lemma_.lower() == "invite":
                _invitation(token, b)
            else:
                verb_statements(token, b)
                if all(f.lemma == "*" or f.object_heads for _, f in frame_verbs(token)):
                    _open_statements(token, b)
        elif token.pos_ in {"NOUN", "PROPN"}:
            noun_statements(token, b)
            killing_statements(token, b)
        elif token.pos_ == "ADJ":
            adjective_statements(token, b)
        if token.dep_ in {"amod", "compound", "nummod", "nmod"}:
            leader_statements(token, b)
    position_statements(sent, b)
    figure_statements(sent, b)
    evaluation_statements(sent, b)
    tariff_statements(sent, b)
    ownership_statements(sent, b)
    hyphen_owners(sent, b)
    event_statements(sent, b)
    place_statements(sent, b)
    kind_statements(sent, b)
    carry_to_regions(sent, b)
    typed = {frozenset((s.subject.key, s.object.mention.key)) for s in b.out if s.predicate != "relatedTo" and s.object.mention is not None}
    # relatedTo says only that two things are linked: a typed statement between them says more.
    yield from (s for s in b.out if not (s.predicate == "relatedTo" and s.object.mention is not None and frozenset((s.subject.key, s.object.mention.key)) in typed))
