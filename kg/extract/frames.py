"""Statements from the frames of ``kg.predicates``: a verb, noun or adjective token of one sentence
+ its ``Builder`` -> the statements its declared frames read off the parse.

A frame names slots (``subject``, ``dobj``, ``prep:with``, ``poss``, ``named``, ``clause`` ...);
this module finds the tokens in each slot through ``kg.syntax`` and pairs them, so a new verb
or noun for a predicate is a line in ``kg/predicates.py``, not new code here.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from spacy.tokens import Token

from kg import predicates
from kg.extract.context import ACT_NOUNS, MODIFIER_FACTOR, NAMED_FACTOR, Builder, Found, mention_pairs, token_mention
from kg.lexicon import BUSINESS_KINDS, BUSINESS_PART_NOUNS, HEDGING_ADJECTIVES, PARTITIVE_NOUNS, POSITIVE_EVALUATION, SPEECH_VERBS, TRIBUTES, is_resigning
from kg.normalize import parse_quantity
from kg.model import Mention, Quantity
from kg.predicates import Adjective, Noun, Predicate, Verb
from kg.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    conjuncts,
    described,
    examples,
    governing_verb,
    is_passive,
    is_relative_pronoun,
    is_spaced_dash,
    listed_names,
    logical_subjects,
    patients,
    prep_objects,
    reporter_of_conjunct,
)

__all__ = ["adjective_statements", "frame_verbs", "noun_statements", "verb_statements"]

_RULE_CONFIDENCE = 0.85
_NOUN_CONFIDENCE = 0.8
_QUANTITY_LABELS = frozenset({"MONEY", "PERCENT"})


def frame_verbs(verb: Token) -> list[tuple[Predicate, Verb]]:
    """The (predicate, frame) pairs that fit a verb token: its lemma, its particle, and what the
    frame requires ("called X a disgrace" needs the complement; "called X" must have none)."""
    lemma = _lemma(verb)
    particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    found = []
    for predicate, frame in (*predicates.verb_frames(lemma), *predicates.verb_frames("*")):
        if frame.particle is not None and frame.particle not in particles:
            continue
        if frame.particle is None and particles & {p.particle for _, p in predicates.verb_frames(lemma) if p.particle}:
            # "take over" is not "take"; "sell off" has a frame of its own.
            continue
        if frame.requires == "oprd" and not _complements(verb):
            continue
        if frame.requires == "oprd" and _praising(verb):
            continue  # "Mr Blair called him a giant of the Labour movement": a tribute, not an attack
        if frame.requires == "plain" and (_complements(verb) or any(c.dep_ == "attr" for c in verb.children)):
            continue
        if frame.requires == "intransitive" and any(c.dep_ == "dobj" for c in verb.children):
            continue
        if frame.requires == "alone" and (_complements(verb) or any(c.dep_ in {"dobj", "attr"} or (c.dep_ == "prep" and c.lower_ in {"on", "to", "over"}) for c in verb.children)):
            continue
        if frame.requires and frame.requires.startswith("prep:") and not _has_prep(verb, frame.requires):
            continue  # "warned X against Y" criticises X; "warned that" does not
        if frame.requires == "resign" and not _calls_to_resign(verb):
            continue  # "urged X to resign" criticises X; "urged X to invest" does not
        found.append((predicate, frame))
    return found


def _lemma(verb: Token) -> str:
    """The verb's lemma, or its past form less "d" when the model's lemma names no frame and that
    does ("fined" -> "fine", where the model gives "fin")."""
    lemma = verb.lemma_.lower()
    if not predicates.verb_frames(lemma) and verb.tag_ in {"VBD", "VBN"} and verb.lower_.endswith("ed") and predicates.verb_frames(verb.lower_[:-1]):
        return verb.lower_[:-1]
    return lemma


def _complements(verb: Token) -> list[Token]:
    """What a verb calls its object: its object complement ("called him a liar"), also where the
    parser made it an apposition of the object ("called Mr Callaghan [appos: a giant]")."""
    found = [c for c in verb.children if c.dep_ in {"oprd", "xcomp", "ccomp"}]
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        found += [a for a in obj.children if a.dep_ == "appos" and a.i > obj.i and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in a.children)]
    return found


def _praising(verb: Token) -> bool:
    """Whether what a verb calls its object praises it ("a giant", "a great leader")."""
    said = [t for c in _complements(verb) for t in c.subtree]
    return any(t.lemma_.lower() in TRIBUTES or t.lemma_.lower() in POSITIVE_EVALUATION or t.lower_ in POSITIVE_EVALUATION for t in said)


def _calls_to_resign(verb: Token) -> bool:
    """Whether the verb's infinitive is one of resigning: "to resign", "to quit", "to step down"."""
    for clause in (c for c in verb.children if c.dep_ in {"xcomp", "advcl", "ccomp"} and c.pos_ == "VERB"):
        particles = {p.lower_ for p in clause.children if p.dep_ == "prt"}
        if any(a.lower_ == "to" for a in clause.children if a.dep_ == "aux") and is_resigning(clause.lemma_.lower(), particles):
            return True
    return False


def _has_prep(verb: Token, requires: str) -> bool:
    """``prep:against`` (any object) or ``prep:into:question`` (that object): "called into question"."""
    _, word, *objects = requires.split(":")
    return any(
        c.dep_ == "prep" and c.lower_ == word and (not objects or any(o.dep_ == "pobj" and o.lemma_.lower() == objects[0] for o in c.children))
        for c in verb.children
    )


def _quantity_at(token: Token) -> Quantity | None:
    """The money or percentage a token belongs to ("£1.8bn", "26%"), parsed, or None."""
    for ent in token.doc.ents:
        if ent.label_ in _QUANTITY_LABELS and ent.start <= token.i < ent.end:
            return parse_quantity(ent.text)
    return None


def _verb_slot(verb: Token, slot: str, passive: bool) -> list[Token]:
    if slot == "dobj":
        if passive:
            return patients(verb)
        found = [t for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
        if found and is_relative_pronoun(found[0]) and verb.dep_ == "relcl":
            # "Jaguar, which Ford sold to Tata": the relative pronoun stands for the noun.
            return described(verb.head)
        # "unveiled the first part of the Tory manifesto": the verb acts on the whole.
        return found + [o for t in found if t.lemma_.lower() in PARTITIVE_NOUNS for _, o in prep_objects(t, ("of",))]
    if slot == "dobj:in":
        # "visiting constituencies in Somerset and Hampshire": a common noun's place, wherever the
        # parser hangs the phrase ("visit the Pakistani community in Manchester").
        # A named site's place too: "visited the Golden Temple in Amritsar", "visiting Sikhism's
        # holiest shrine, the Golden Temple in Amritsar".
        common = [d for d in verb.children if d.dep_ == "dobj" and d.pos_ in {"NOUN", "PROPN"}]
        named = [a for d in common for a in d.children if a.dep_ == "appos"]
        return [o for d in common + named for _, o in prep_objects(d, ("in",))] or ([o for _, o in prep_objects(verb, ("in",))] if common else [])
    if slot.startswith("dobj:"):
        # "owns 51.4% of KFB", "bought 18.8% of Southcorp": the object is the part's whole;
        # "paid $1bn for Mondavi", "signed a deal with Qatar": the parser hangs the phrase off the object.
        word = slot.split(":", 1)[1]
        return [o for d in verb.children if d.dep_ == "dobj" for _, o in prep_objects(d, (word,))]
    if slot.startswith("place:"):
        # "invest 50m euros in new advertising in Asia": money spent on a thing somewhere is
        # invested in that place.
        word = slot.split(":", 1)[1]
        return [p for _, o in prep_objects(verb, (word,)) if o.pos_ == "NOUN" for _, p in prep_objects(o, (word,))]
    if slot.startswith("prep:"):
        word = slot.split(":", 1)[1]
        found = [o for _, o in prep_objects(verb, (word,))]
        for particle in (c for c in verb.children if c.dep_ == "prt"):
            # "hit out at X": the parser may hang the preposition off the particle.
            found += [o for _, o in prep_objects(particle, (word,))]
        return _antecedents(found, verb)
    return []


def _antecedents(objects: list[Token], verb: Token) -> list[Token]:
    """The objects with a relative pronoun replaced by the noun its clause describes: "Nissan, in
    which Renault invested $5bn" (the object of "in" is Nissan)."""
    if verb.dep_ != "relcl" or not any(is_relative_pronoun(o) for o in objects):
        return objects
    return [t for o in objects for t in (described(verb.head) if is_relative_pronoun(o) else [o])]


def _verb_qualifiers(verb: Token, frame: Verb, passive: bool, ctx) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, slot in frame.qualifiers:
        if name in found:
            continue
        if slot == "dobj:rate":
            tokens = [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
        elif slot in {"dobj2", "npadvmod"}:
            # "fined the bank £5m": the amount is a second object or an adverbial noun phrase.
            tokens = [c for c in verb.children if c.dep_ in {"dobj", "npadvmod", "dative", "attr"}]
        else:
            tokens = _verb_slot(verb, slot, passive)
        for token in tokens:
            if name in {"amount", "rate"}:
                value = _quantity_at(token)
                if value is not None and (name == "rate") == (value.unit == "percent"):
                    found[name] = value
                    break
            elif name == "buyer":
                mention = token_mention(token, ctx, allow_modifier=False)
                if mention is not None:
                    found[name] = mention[0]
                    break
    return found


def verb_statements(verb: Token, b: Builder) -> None:
    """Statements of every frame that fits the verb: logical subject x slot objects."""
    passive = is_passive(verb)
    for predicate, frame in frame_verbs(verb):
        if frame.lemma == "*":
            _wildcard(verb, predicate, frame, b)
            continue
        reporter = reporter_of_conjunct(verb, SPEECH_VERBS)
        subjects = logical_subjects(reporter) if reporter is not None else logical_subjects(verb)
        if passive and "dobj" not in frame.object:
            # "X is based in Y", "X was born in Y": with no "by" phrase, the patient is the subject.
            subjects = subjects or patients(verb)
        by_slot = {slot: _verb_slot(verb, slot, passive) for slot in frame.object}
        objects = [o for found in by_slot.values() for o in found]
        if by_slot.get("dobj:in"):
            # "visit the Pakistani community in Manchester": the place, not the noun's modifier.
            common = [o for o in objects if o.dep_ == "dobj" and o.pos_ == "NOUN"]
            objects = [o for o in objects if o not in common] + [a for o in common for a in o.children if a.dep_ == "appos"]
        # "visiting Sikhism's holiest shrine, the Golden Temple": the apposition names the object.
        objects += [a for o in objects for a in o.children if a.dep_ == "appos"]
        objects += _doers(objects)
        # "invest in markets such as Latin America": the examples are the objects too.
        objects += [e for o in objects for e in examples(o)]
        if frame.subject_types:
            subjects = [t for t in subjects if (m := token_mention(t, b.ctx, allow_modifier=False)) is not None and m[0].type in frame.subject_types]
        objects = _headed(objects, frame.object_heads, b)
        if predicate.name in {"visits", "attends", "hosts"} and frame.object == ("dobj",) and not objects and passive:
            continue
        qualifiers = _verb_qualifiers(verb, frame, passive, b.ctx)
        relation = _relation(verb)
        if frame.pairs_subjects and len(subjects) > 1 and not objects:
            # "X and Y merged": the coordinated subjects hold the predicate between them.
            _pairs(subjects, verb, predicate, relation, b, qualifiers, frame.modality, frame.polarity)
            continue
        for o, subject, obj in mention_pairs(subjects, objects, b.ctx, object_modifier=not predicate.named_object):
            if not _object_fits(o, obj, predicate, b):
                continue
            name = predicate.name
            if frame.business_object and subject[0].type == "Person" and o.pos_ == "NOUN" and o.lemma_.lower() in BUSINESS_KINDS:
                name = frame.business_object  # "who joined the company last year": employed by it
            b.add(verb, subject, name, obj, relation + _prep_word(o), f"kg.rules.{name}.v1", _RULE_CONFIDENCE,
                  modality=frame.modality, polarity=frame.polarity, **qualifiers)  # type: ignore[arg-type]
        if frame.counterpart is not None:
            _counterpart(verb, frame, passive, subjects, objects, qualifiers, relation, b)
        if "Quantity" in predicate.range and predicate.name != "reports":
            # "Japan committed $5 billion": an amount with no entity behind it is a literal object.
            amounts = [q for o in objects if token_mention(o, b.ctx) is None and (q := _quantity_at(o)) is not None and q.currency]
            for subject in (m for t in subjects if (m := token_mention(t, b.ctx, allow_modifier=False)) is not None):
                for amount in amounts:
                    b.add(verb, subject, predicate.name, amount, relation, f"kg.rules.{predicate.name}.v1", 0.7,
                          modality=frame.modality, polarity=frame.polarity)


def _doers(objects: list[Token]) -> list[Token]:
    """The doers of an act named as an object, when there are several ("welcomed the decision by
    India and Pakistan": both; one doer is the act's own mention, ``token_mention``)."""
    found: list[Token] = []
    for o in objects:
        if o.lemma_.lower() not in ACT_NOUNS:
            continue
        doers = [t for _, a in prep_objects(o, ("by",)) for t in conjuncts(a)]
        if len(doers) > 1:
            found += doers
    return found


def _counterpart(verb: Token, frame: Verb, passive: bool, subjects: list[Token], objects: list[Token], qualifiers: dict, relation: str, b: Builder) -> None:
    """The other side of a deal: "Citigroup sold Travelers to MetLife" (MetLife acquires
    Travelers), "Fosters bought Southcorp shares from Reline" (Reline sells them, to Fosters)."""
    name, slot = frame.counterpart  # type: ignore[misc]
    parties = _verb_slot(verb, slot, passive)
    if not passive and slot.startswith("prep:"):
        parties += _verb_slot(verb, "dobj:" + slot.split(":", 1)[1], passive)
    if not parties:
        return
    found: dict[str, object] = {k: v for k, v in qualifiers.items() if k in {"amount", "rate"} and k in predicates.get(name).qualifiers}
    if "buyer" in predicates.get(name).qualifiers:
        buyer = first_mention(subjects, b)
        if buyer is not None:
            found["buyer"] = buyer
    for o, party, obj in mention_pairs(parties, objects, b.ctx, object_modifier=True):
        # Both sides named ("its Travelers insurance arm" names Travelers): a pronoun or a
        # description ("sold it to Southcorp", "sell the EU to the country") is a guess on a
        # guess once the deal is turned round.
        named = obj[1] >= NAMED_FACTOR or (obj[1] == MODIFIER_FACTOR and _through(o, BUSINESS_PART_NOUNS, b))
        if party[1] == 1.0 and named and party[0].key != obj[0].key:
            b.add(verb, party, name, obj, f"{relation} {o.head.text}" if o.dep_ == "pobj" else f"{relation} {parties[0].head.text}", f"kg.rules.{name}.counterpart.v1",
                  _RULE_CONFIDENCE, modality=frame.modality, polarity=frame.polarity, **found)  # type: ignore[arg-type]


def _object_fits(o: Token, obj: Found, predicate: Predicate, b: Builder) -> bool:
    """Whether an object reached through a named modifier fits the predicate's ``modifier_heads``
    ("its Travelers insurance arm" is Travelers; "10 A320 aircraft" is no firm A320)."""
    if predicate.modifier_heads is not None and _counted(o):
        return False  # "will buy 15 new ATR 72-500": so many of a maker's products, not the maker
    return predicate.modifier_heads is None or obj[1] != MODIFIER_FACTOR or _through(o, predicate.modifier_heads, b)


def _counted(obj: Token) -> bool:
    """A name counted by a number before it ("15 new ATR", "20 Airbus A380s")."""
    return any(c.dep_ == "nummod" and c.i < obj.i and c.like_num and c.ent_type_ not in {"MONEY", "PERCENT"} for c in obj.children)


def _through(obj: Token, heads: frozenset[str], b: Builder) -> bool:
    """A noun of ``heads`` named by a name before it ("its Travelers insurance arm"), not by its
    owner's possessive ("Yukos' main production arm")."""
    if obj.lemma_.lower() not in heads and obj.lower_ not in heads:
        return False
    return any(t.i in b.ctx.mentions and not _under_possessive(t, obj) for t in obj.subtree if t.i < obj.i)


def _under_possessive(token: Token, head: Token) -> bool:
    while token != head and token.head != token:
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


def _wildcard(verb: Token, predicate: Predicate, frame: Verb, b: Builder) -> None:
    """"Speaking at the summit, X said": whoever acts at a named event attends it."""
    objects = [o for slot in frame.object for o in _verb_slot(verb, slot, False)]
    if not objects:
        return
    # "At a campaign poster launch, Mr Brown was joined by Alan Milburn": who is acted on there
    # is there too.
    present = logical_subjects(verb) + (patients(verb) if is_passive(verb) else [])
    for o, subject, obj in mention_pairs(present, objects, b.ctx, object_modifier=False):
        if obj[0].type in predicate.range:
            b.add(verb, subject, predicate.name, obj, f"{verb.text} {o.head.text}", f"kg.rules.{predicate.name}.at.v1", 0.7, presupposed=False)


def _headed(objects: list[Token], heads: tuple[str, ...], b: Builder) -> list[Token]:
    """The objects whose names end with one of ``heads`` (all of them when ``heads`` is empty)."""
    if not heads:
        return objects
    return [o for o in objects if (m := token_mention(o, b.ctx, allow_modifier=False)) is not None and m[0].name.split()[-1].lower() in heads]


def _relation(verb: Token) -> str:
    particles = [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.text, *particles])


def _prep_word(obj: Token) -> str:
    return f" {obj.head.text}" if obj.dep_ == "pobj" and obj.head.dep_ in {"prep", "agent"} else ""


def _pairs(members: list[Token], anchor: Token, predicate: Predicate, relation: str, b: Builder, qualifiers: dict, modality, polarity,
           extractor: str | None = None, confidence: float = _RULE_CONFIDENCE) -> None:
    found = [m for m in (token_mention(t, b.ctx, allow_modifier=False) for t in members) if m is not None]
    for i, first in enumerate(found):
        for second in found[i + 1 :]:
            if first[0].key != second[0].key:
                b.add(anchor, first, predicate.name, second, relation, extractor or f"kg.rules.{predicate.name}.v1", confidence,
                      modality=modality, polarity=polarity, **qualifiers)


# --- nouns -----------------------------------------------------------------------------------

def _own_names(noun: Token) -> list[Token]:
    """The names in apposition to a role noun: "units Opel and Saab", "its unit Gazpromneft"."""
    return [c for c in noun.children if c.dep_ == "appos"]


def _described(name: Token) -> bool:
    """Whether a name carries a common noun of its own before it ("investment company Baikal")."""
    return any(c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN" and c.i < name.i for c in name.children)


def _named(noun: Token) -> list[Token]:
    """The names a role noun describes: "X, founder of Y", "founder X", "X is a member of Y"."""
    found: list[Token] = []
    own_names = _own_names(noun)
    if noun.dep_ == "appos" and not own_names:
        found.append(noun.head)  # "Opel, GM's European arm" (not "Gazprom, its unit Gazpromneft")
    # "GM's European units Opel and Saab": every name of a coordinated apposition, but a name with
    # a description of its own is another item of a list ("its unit Gazpromneft, investment
    # company Baikal").
    found += [t for c in own_names for t in conjuncts(c) if t == c or not _described(t)]
    if noun.dep_ in {"compound", "nmod", "amod"} and noun.head.i > noun.i:
        # "Cabinet members John Reid and Alan Milburn": a plural noun describes every name listed.
        found += listed_names(noun.head) if noun.tag_ == "NNS" else [noun.head]
    if noun.dep_ in {"attr", "oprd"}:
        verb = noun.head
        found += [t for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for t in conjuncts(c)]
        if not found:
            found += logical_subjects(verb)
    if noun.dep_ in SUBJECT_DEPS and noun.head.lemma_ == "be":
        # "The main shareholders of EADS are Lagardere and DaimlerChrysler": the copula's complement.
        # Not a thing named after one: "Its best known brand is Fosters lager" is a product.
        found += [t for c in noun.head.children if c.dep_ == "attr" for t in conjuncts(c)
                  if t.pos_ == "PROPN" or not any(d.dep_ == "compound" for d in t.children)]
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        # "X joined as a member of Y", "X took over as chairman": the clause's subject.
        verb = governing_verb(noun)
        if verb is not None:
            found += logical_subjects(verb) or patients(verb)
    if noun.dep_ == "conj" and noun.head.pos_ != "PROPN":
        # "X, chairman and chief executive of Y": roles joined share their name; not a noun the
        # parser hung off a listed name ("the Penfolds, Lindemans and Rosemount brands").
        found += _named(noun.head)
    return found + _split_apposition(noun) or _dashed_name(noun)


#: How many words may open a phrase set off by dashes before its head noun ("the German arm").
_DASHED_REACH = 6


def _dashed_name(noun: Token) -> list[Token]:
    """"EADS - Airbus' majority owner - said": a noun heading a phrase between spaced dashes
    right after a name describes that name, as between commas; the parser often misreads the
    dashes (as a hyphen, or the name as a modifier of the noun)."""
    doc = noun.doc
    sent = noun.sent
    opening = noun.i - 1
    while opening > sent.start and noun.i - opening <= _DASHED_REACH and not is_spaced_dash(doc[opening]):
        opening -= 1
    if opening <= sent.start or not is_spaced_dash(doc[opening]):
        return []
    # The words before the noun are its own modifiers ("the German", "Airbus' majority", "now").
    if any(t.pos_ != "ADV" and noun not in t.ancestors for t in doc[opening + 1 : noun.i]):
        return []
    if not any(is_spaced_dash(t) for t in doc[noun.i + 1 : sent.end]):
        return []  # the phrase must close: "X - the owner" with no second dash may be a new clause
    name = doc[opening - 1]
    return [name] if name.pos_ == "PROPN" or name.ent_type_ else []


def _split_apposition(noun: Token) -> list[Token]:
    """"EU members France and Germany opposed it": the parser may make the noun and the names
    right after it two subjects (or objects) of one verb; those names are the ones it describes."""
    if noun.i + 1 >= len(noun.doc) or noun.dep_ not in SUBJECT_DEPS | {"dobj", "pobj"}:
        return []
    name = noun.doc[noun.i + 1]
    if name.pos_ != "PROPN":
        return []
    while name.dep_ == "compound" and name.head.i > name.i and name.head.pos_ == "PROPN":
        name = name.head  # "David Davis": the name's last word carries its dependency
    if name.head != noun.head or name.dep_ != noun.dep_:
        return []
    return conjuncts(name)


#: Prepositions of a phrase that sets a clause in a visit: "on", "during", "after a visit to".
_SETTING_PREPS = frozenset({"on", "during", "after"})


def _has_owner(noun: Token) -> bool:
    """Whether a possessive or an "of" phrase says whose the noun is: "Unilever's unit", "the unit of Unilever"."""
    return any(c.dep_ == "poss" for c in noun.children) or any(True for _ in prep_objects(noun, ("of",)))


def _noun_slot(noun: Token, slot: str, frame: Noun) -> list[Token]:
    if slot == "poss":
        if noun.dep_ == "appos" and _own_names(noun) and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children):
            # "gas giant Gazprom, its unit Gazpromneft": in a list, "its" is the name just before.
            return [noun.head]
        return [t for c in noun.children if c.dep_ == "poss" for t in conjuncts(c)]
    if slot == "compound":
        if _has_owner(noun):
            # "Unilever's Birds Eye unit": after a possessive the compound is the noun's own name.
            return []
        return [c for c in noun.children if c.dep_ in {"compound", "nmod"} and c.i < noun.i]
    if slot == "modifier":
        # "US support for Israel", "Tory opposition to the bill", "Canadian criticism of the
        # plan": a name or nationality before the noun is whose it is (unless a possessive is).
        if any(c.dep_ == "poss" for c in noun.children):
            return []
        return [c for c in noun.children if c.dep_ in {"compound", "nmod", "amod"} and c.i < noun.i]
    if slot == "name":
        # "Unilever's Birds Eye unit", "the Birds Eye unit of Unilever": the name the noun carries.
        if not _has_owner(noun):
            return []
        # "its Birds Eye frozen food division", "its Travelers Life & Annuity insurance arm": the
        # parser may hang the name off another modifier; a name inside the possessive is the owner.
        found = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < noun.i]
        return found or [t for t in noun.subtree if t.i < noun.i and t.pos_ == "PROPN" and t.dep_ in {"compound", "nmod"} and not _under_possessive(t, noun)]
    if slot == "named":
        return _named(noun)
    if slot == "clause":
        governor = noun.head
        if noun.dep_ == "pobj":
            # "took part in X", "pour scorn on": the preposition hangs off the verb.
            governor = noun.head.head
        elif noun.dep_ == "conj":
            return _noun_slot(noun.head, slot, frame)
        if noun.dep_ not in {"dobj", "pobj", "nsubjpass", "attr"} or governor.lemma_.lower() not in frame.verbs:
            return []
        return logical_subjects(governor) if noun.dep_ != "nsubjpass" else []
    if slot == "setting":
        # "Speaking during a visit to Beijing, Mr Straw said", "Mr Blair, on a visit to Sudan,":
        # whoever the clause (or the name) the phrase sets is the visitor.
        if noun.dep_ != "pobj" or noun.head.lower_ not in _SETTING_PREPS:
            return []
        anchor = noun.head.head
        if anchor.pos_ in {"NOUN", "PROPN"}:
            return [anchor]
        if anchor.pos_ in {"VERB", "AUX"}:
            found = logical_subjects(anchor)
            if not found and anchor.dep_ in {"advcl", "acl", "xcomp"}:
                found = logical_subjects(anchor.head)
            return found
        return []
    if slot.startswith("prep:"):
        word = slot.split(":", 1)[1]
        found = [o for _, o in prep_objects(noun, (word,))]
        if not found:
            # "the defection to Labour of Robert Jackson": the parser hangs the second phrase on
            # the name that ends the first one, which takes no such phrase itself.
            found = [o for p, first in prep_objects(noun) if p.lower_ != word and first.pos_ == "PROPN"
                     for _, o in prep_objects(first, (word,)) if o.pos_ == "PROPN" and not _one_name(first, o)]
        if not found:
            # "Kestrel - the owner of Lufthansa - said": a spaced dash can make the parser hang
            # the name before it off the next verb, leaving the preposition with no object.
            found = [p.nbor() for p in noun.children if p.dep_ == "prep" and p.lower_ == word and not any(c.dep_ == "pobj" for c in p.children)
                     and p.i + 2 < p.sent.end and p.nbor().pos_ == "PROPN" and _ends_at_dash(p.nbor())]
        if not found and noun.dep_ in {"dobj", "pobj"} and word in {"with", "against", "for", "to", "on", "at", "in"}:
            # "held talks on Friday with X", "took legal action yesterday against Y": the parser often
            # hangs the phrase off the verb.
            governor = noun.head if noun.dep_ == "dobj" else noun.head.head
            if governor.lemma_.lower() in frame.verbs:
                # "Nissan, in which Renault owns a stake": the relative pronoun stands for the name.
                found = _antecedents([o for _, o in prep_objects(governor, (word,))], governor)
        return found
    return []


def _ends_at_dash(token: Token) -> bool:
    """Whether the run of proper nouns from ``token`` ends right before a spaced dash."""
    end = token.i
    while end < token.sent.end and token.doc[end].pos_ == "PROPN":
        end += 1
    return end < token.sent.end and is_spaced_dash(token.doc[end])


def _one_name(a: Token, b: Token) -> bool:
    """Whether two tokens lie in one entity name ("House" and "Commons" in "the House of Commons")."""
    return any(e.start <= a.i < e.end and e.start <= b.i < e.end for e in a.doc.ents)


def _noun_qualifiers(noun: Token, frame: Noun, ctx) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, slot in frame.qualifiers:
        if name in found:
            continue
        if slot == "nummod":
            # "a 26% stake", "a £1.8bn takeover": the figure before the noun.
            tokens = [t for c in noun.children if c.i < noun.i and c.dep_ in {"nummod", "compound", "amod", "quantmod", "nmod"} for t in c.subtree]
        else:
            tokens = _noun_slot(noun, slot, frame)
        for token in tokens:
            if name in {"amount", "rate"}:
                value = _quantity_at(token)
                if value is not None and (name == "rate") == (value.unit == "percent"):
                    found[name] = value
                    break
            elif name == "buyer":
                mention = token_mention(token, ctx, allow_modifier=False)
                if mention is not None:
                    found[name] = mention[0]
                    break
    return found


def noun_statements(noun: Token, b: Builder) -> None:
    """Statements of every noun frame of the token: "X's visit to Y", "the merger of X and Y"."""
    for form in dict.fromkeys((_hyphenated(noun), noun.lower_, noun.lemma_.lower())):
        for predicate, frame in predicates.noun_frames(form):
            _noun_frame(noun, predicate, frame, b)
        if predicates.noun_frames(form):
            return


def _hyphenated(noun: Token) -> str:
    """The whole of a hyphenated noun the tokenizer split ("tie - up" -> "tie-up"), else the word."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].head == noun and not doc[noun.i - 2].whitespace_:
        return f"{doc[noun.i - 2].lower_}-{noun.lower_}"
    return noun.lower_


#: Heads that a frame noun can name the kind of: "Nestle, the parent company of Purina".
_KIND_HEADS = frozenset({"company", "group", "firm", "corporation", "conglomerate", "business", "organisation", "organization"})


def _noun_frame(noun: Token, predicate: Predicate, frame: Noun, b: Builder) -> None:
    if frame.singular and noun.tag_ in {"NNS", "NNPS"}:
        return
    if noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i == noun.i + 1 and noun.head.lemma_.lower() in _KIND_HEADS:
        # "its parent company, X", "the parent group of Y": the phrase's head carries the slots.
        _noun_frame_at(noun.head, f"{noun.text} {noun.head.text}", predicate, frame, b)
    else:
        _noun_frame_at(noun, noun.text, predicate, frame, b)


def _noun_frame_at(noun: Token, relation: str, predicate: Predicate, frame: Noun, b: Builder) -> None:
    subjects = [t for slot in frame.subject for t in _noun_slot(noun, slot, frame)]
    if frame.subject_types:
        subjects = [t for t in subjects if (m := token_mention(t, b.ctx, allow_modifier=False)) is not None and m[0].type in frame.subject_types]
    objects = _headed([t for slot in frame.object for t in _noun_slot(noun, slot, frame)], frame.object_heads, b)
    agents = _noun_slot(noun, "prep:by", frame) if "prep:by" in frame.subject else []
    if agents and not objects:
        # "P&O's takeover by Carnival": with a "by" agent, the possessive is what is taken over;
        # "Aggregate agreed a takeover by Holcim": or the subject of the clause that takes it.
        if "poss" in frame.subject:
            objects = _noun_slot(noun, "poss", frame)
        if not objects and "clause" in frame.subject:
            objects = _noun_slot(noun, "clause", frame)
        subjects = agents
    objects = [o for o in objects if o not in subjects]
    objects += [e for o in objects for e in examples(o)]
    qualifiers = _noun_qualifiers(noun, frame, b.ctx)
    extractor = f"kg.rules.{predicate.name}.noun.v1"
    # "the possible takeover of the LSE", "Deutsche Boerse's proposed takeover": not (yet) done.
    hedge = next((HEDGING_ADJECTIVES[c.lower_] for c in noun.children if c.dep_ in {"amod", "compound"} and c.lower_ in HEDGING_ADJECTIVES and c.i < noun.i), None)
    modality = frame.modality or hedge
    # A role noun on a name ("X, a member of Y", "member X") is so whatever embeds it; one a
    # clause gives ("X is not a member of Y", "hopes to become a member of Y") is as sure as the clause.
    given = noun.dep_ in {"attr", "oprd"} or (noun.dep_ == "pobj" and noun.head.lower_ == "as")
    presupposed = frame.presupposed or (not given and ("named" in frame.subject or "named" in frame.object))
    # "Shell may need to sell its stake in Enterprise": a state the possessive gives is held
    # whatever the clause says will happen to it (not by whoever buys it: "Inbev agreed to buy
    # Alfa-Eco's stake").
    owners = set(_noun_slot(noun, "poss", frame)) if predicate.state and "poss" in frame.subject and not agents else set()
    if frame.pairs and not subjects and len(objects) < 2:
        objects = _listed_names(noun, predicate, frame, b) or objects
    if frame.pairs and not subjects and len(objects) > 1:
        # "the merger of X and Y", "talks between X and Y".
        _pairs(objects, noun, predicate, f"{noun.text} {objects[0].head.text}", b, qualifiers, modality, frame.polarity, extractor, _NOUN_CONFIDENCE)
        return
    if frame.pairs and not objects and len(subjects) > 1:
        # "the US and India will start negotiations": the coordinated subjects talk to each other.
        _pairs(subjects, noun, predicate, noun.text, b, qualifiers, modality, frame.polarity, extractor, _NOUN_CONFIDENCE)
        return
    for group in ([s for s in subjects if s in owners], [s for s in subjects if s not in owners]):
        for o, subject, obj in mention_pairs(group, objects, b.ctx, object_modifier=not predicate.named_object):
            if not _object_fits(o, obj, predicate, b):
                continue
            b.add(noun, subject, predicate.name, obj, relation + _prep_word(o), extractor, _NOUN_CONFIDENCE,
                  modality=modality, polarity=frame.polarity, presupposed=presupposed or group[0] in owners, **qualifiers)  # type: ignore[arg-type]
    if frame.counterpart is not None and subjects:
        _noun_counterpart(noun, frame, subjects, objects, qualifiers, relation, b)


def _noun_counterpart(noun: Token, frame: Noun, subjects: list[Token], objects: list[Token], qualifiers: dict, relation: str, b: Builder) -> None:
    """The other side of a deal a noun names: "Tata bought Corus's stake in Natsteel" (Corus sells
    Natsteel, to Tata). Both sides named outright, as for a verb's counterpart."""
    name, slot = frame.counterpart  # type: ignore[misc]
    declared = predicates.get(name)
    found: dict[str, object] = {k: v for k, v in qualifiers.items() if k in declared.qualifiers}
    buyer = first_mention(subjects, b)
    if buyer is not None and "buyer" in declared.qualifiers:
        found["buyer"] = buyer
    for _, party, obj in mention_pairs(_noun_slot(noun, slot, frame), objects, b.ctx, object_modifier=False):
        if party[1] == 1.0 and obj[1] >= NAMED_FACTOR and party[0].key != obj[0].key and (buyer is None or party[0].key != buyer.key):
            b.add(noun, party, name, obj, relation, f"kg.rules.{name}.counterpart.v1", _NOUN_CONFIDENCE,
                  modality=frame.modality, polarity=frame.polarity, **found)  # type: ignore[arg-type]


def _listed_names(noun: Token, predicate: Predicate, frame: Noun, b: Builder) -> list[Token]:
    """"The merger of Russian gas giant Gazprom and oil firm Rosneft": the parser may hang one
    party's name off the other's description, so the phrase after the preposition is read as
    written: the names it lists, joined by "and" or commas with no preposition between them."""
    words = {slot.split(":", 1)[1] for slot in frame.object if slot.startswith("prep:")}
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in words):
        phrase = list(prep.subtree)[1:]
        firsts = [t for k, t in enumerate(phrase) if t.i in b.ctx.mentions and (k == 0 or b.ctx.mentions.get(t.i - 1) != b.ctx.mentions[t.i])]
        # Not a name inside a clause of the phrase: "talks with ministers of the G8, which Britain chairs".
        names = [t for t in firsts if b.ctx.mentions[t.i].type in predicate.domain
                 and not any(a.pos_ in {"VERB", "AUX"} for a in t.ancestors if a.i > prep.i and prep in a.ancestors)]
        if len(names) < 2:
            continue
        listed = True
        for first, second in pairwise(names):
            gap = noun.doc[b.ctx.name_end(first.i, second.i) : second.i]
            if not any(t.lower_ in {"and", ","} for t in gap) or any(t.pos_ in {"ADP", "VERB", "AUX", "PRON", "SCONJ"} for t in gap):
                listed = False
        if listed:
            return names
    return []


# --- adjectives ------------------------------------------------------------------------------

def adjective_statements(adjective: Token, b: Builder) -> None:
    """"X is critical of Y", "X was supportive of Y": the copula's subject and the adjective's object."""
    if adjective.dep_ not in {"acomp", "amod", "conj"}:
        return
    for predicate, frame in predicates.adjective_frames(adjective.lemma_.lower()):
        _adjective_frame(adjective, predicate, frame, b)


def _adjective_frame(adjective: Token, predicate: Predicate, frame: Adjective, b: Builder) -> None:
    if adjective.dep_ == "acomp":
        subjects = logical_subjects(adjective.head) or patients(adjective.head)
    elif adjective.dep_ == "amod":
        # "the critical Mr Howard" names no object; "X, critical of Y" is an apposition-like amod.
        subjects = [adjective.head]
    else:
        return
    preps = tuple(s.split(":", 1)[1] for s in frame.object if s.startswith("prep:"))
    objects = [o for _, o in prep_objects(adjective, preps)]
    for o, subject, obj in mention_pairs(subjects, objects, b.ctx, object_modifier=False):
        b.add(adjective, subject, predicate.name, obj, f"{adjective.text} {o.head.text}", f"kg.rules.{predicate.name}.adj.v1",
              _NOUN_CONFIDENCE, polarity=frame.polarity)


def quantity_of(token: Token) -> Quantity | None:
    """Public access to the figure a token belongs to, for the other rule modules."""
    return _quantity_at(token)


def mentions_in(tokens: list[Token], b: Builder) -> Iterator[tuple[Token, Found]]:
    """(token, mention) for the tokens that name an entity."""
    for token in tokens:
        found = token_mention(token, b.ctx, allow_modifier=False)
        if found is not None:
            yield token, found


def first_mention(tokens: list[Token], b: Builder) -> Mention | None:
    """The first named mention among ``tokens``."""
    for _, (mention, _) in mentions_in(tokens, b):
        return mention
    return None
