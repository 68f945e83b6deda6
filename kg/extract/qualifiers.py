"""Qualifiers of a predicate token: date, location, polarity and modality, read off the parse.

Input is a spaCy token (the verb or event noun that carries a statement) and the passage's
entity mentions; output is plain values for ``kg.model.Qualifiers``.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from kg.normalize import resolve_date
from kg.lexicon import ABANDONING_PHRASES, ABANDONING_VERBS, CLAIM_NOUNS, DENYING_VERBS, DISPOSING_VERBS, FORMER_WORDS, FUTURE_AUXILIARIES, HEDGE_ADVERBS, LEAVING_VERBS, MODAL_VERBS, NEGATING_HEADS, NEGATING_NOUNS, NEGATIONS, RANK_WORDS
from kg.model import Mention
from kg.syntax import asks, awaits, clause_head, conditioned, passed_over, supposes

#: Verbs that say someone did a thing only as others claim it ("accused of", "suspected of", "charged with").
_ACCUSING_VERBS = frozenset({"accuse", "suspect", "charge"})
#: Dependencies through which a clause inherits the modality of the word that governs it.
_EMBEDDING_DEPS = frozenset({"xcomp", "ccomp", "acl", "relcl", "advcl", "pcomp", "conj", "dep", "csubj"})
_LOCATION_PREPS = frozenset({"in", "at", "inside", "near"})
_TIME_PREPS = frozenset({"on", "in", "at", "during", "by", "from", "until", "till", "through", "throughout", "before", "after"})
_YEAR = re.compile(r"\b(1[89]|20|21)\d\d\b")




def _attached_to(span: Span, anchor: Token) -> bool:
    """True when a date phrase modifies ``anchor`` itself: "met on Wednesday", "the call on Monday".

    Only temporal links count (a time preposition, a bare noun-phrase adverbial, or an apposition
    to such a date), so "his seventh visit since the re-election in 2024" dates nothing.
    """
    token = span.root
    while token.dep_ == "appos" and token.head != token:
        token = token.head
    if token.dep_ in {"npadvmod", "tmod", "advmod"}:
        return token.head == anchor
    if token.dep_ == "pobj" and token.head.lower_ in _TIME_PREPS:
        governor = token.head.head
        if governor.dep_ == "advmod" and governor.head == anchor:
            # "later in February": the preposition hangs off an adverb of the verb.
            return True
        return governor == anchor
    return False


#: Time phrases that look forward from the day of writing: "next week", "tomorrow", "later this year".
_AHEAD = re.compile(r"\b(next|tomorrow|coming|upcoming|later th(is|e)|later in)\b", re.IGNORECASE)


def ahead_in_time(anchor: Token, dates: list[Span]) -> bool:
    """Whether a time phrase of ``anchor``'s clause looks forward from the day of writing while
    its verb is in the present: "The chancellor is travelling to America next week", "flies to
    India tomorrow" tell of a trip planned, not made."""
    if anchor.tag_ not in {"VBZ", "VBP", "VBG"} or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "MD"} for c in anchor.children):
        return False
    return any(_attached_to(span, anchor) and _AHEAD.search(span.text) for span in dates)


def date_of(anchor: Token, dates: list[Span], published: date | None) -> str | None:
    """The most precise date attached to ``anchor``'s clause, as ISO 8601, or None.

    "on Wednesday (February 4, 2026)" holds two DATE spans; the one with a year wins over the
    weekday, and a full date wins over a month.
    """
    found: list[tuple[int, int, str]] = []
    for span in dates:
        if not _attached_to(span, anchor):
            continue
        iso = resolve_date(span.text, published)
        if iso:
            found.append((len(iso), 1 if _YEAR.search(span.text) else 0, iso))
    if not found:
        return None
    return max(found)[2]


def location_of(anchor: Token, places: list[tuple[Span, Mention]], exclude: set[str]) -> Mention | None:
    """The place in an "in"/"at" phrase of ``anchor``'s clause, unless it is an argument already
    or listed with one ("troops in Afghanistan and Pakistan": a visit to both, in neither)."""
    keys = {t.i: m.key for span, m in places for t in span}
    for span, mention in places:
        if any(keys.get(t.i) in exclude for t in span.root.conjuncts):
            continue
        prep = span.root.head
        if span.root.dep_ != "pobj" or prep.lower_ not in _LOCATION_PREPS:
            continue
        if prep.head.tag_ == "CD":
            continue  # "employs 50,000 people, with about 7,000 in the UK": the place of that number
        if mention.key in exclude:
            continue
        if clause_head(prep) == anchor and not _in_source(prep, anchor):
            return mention
    return None


def _in_source(prep: Token, anchor: Token) -> bool:
    """Whether a place's phrase hangs inside a "from" phrase of the clause, or one of time: "switched
    its focus to South Asia from interests in the US" left the US; "since the attacks in the United
    States, BA has cut 13,000 jobs" places the attacks, not the cuts."""
    current = prep.head
    while current != anchor and current.head != current:
        if current.dep_ == "pobj" and current.head.lower_ in _ELSEWHERE_PREPS:
            return True
        current = current.head
    return False


#: Prepositions whose phrase tells where a clause came from or what it came after, not where it happened.
_ELSEWHERE_PREPS = frozenset({"from", "since", "after", "before", "following"})


def _modal_word(token: Token) -> str | None:
    """The modality a governing word signals, tolerant of a small model's odd lemmas ("hopes" -> "hop")."""
    lower = token.lower_
    for form in (token.lemma_.lower(), lower, lower[:-1], lower[:-3] + "e", lower[:-3]):
        if form in MODAL_VERBS:
            return MODAL_VERBS[form]
    return None


def _own_subject(token: Token) -> bool:
    return any(child.dep_ in {"nsubj", "nsubjpass", "expl"} for child in token.children)


def no_longer(token: Token) -> bool:
    """Whether "no longer" modifies the word: "no longer owns", "is no longer a member", "no
    longer wants to"; what it says held before and has ended."""
    return any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in token.children) or any(
        c.lower_ == "no" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ == "longer" for c in token.children
    )


def polarity_of(anchor: Token) -> str:
    """"negative" when the clause is negated ("has not visited", "never met", "failed to attend").

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["He", "did", "not", "visit", "Paris"],
        ...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"])
        >>> polarity_of(doc[3])
        'negative'
    """
    if passed_over(anchor):
        return "negative"  # "rather than buy the LSE": the course not taken
    current = anchor
    while True:
        if any(child.dep_ == "neg" or (child.lower_ in NEGATIONS and child.dep_ in {"advmod", "neg", "det"} and child.i < current.i) for child in current.children):
            return "negative"
        if current is not anchor and no_longer(current):
            # "no longer wants to own the unit": the wish has ended. On the anchor itself it ends
            # a state, which status_of reads ("no longer owns": a former stake).
            return "negative"
        head = current.head
        if current.dep_ == "acl" and head.lemma_.lower() in NEGATING_NOUNS:
            return "negative"  # "Mr Bush's refusal to sign the protocol"
        if current.dep_ in {"acl", "ccomp"} and head.pos_ == "NOUN" and head.dep_ == "dobj" and head.head.lemma_.lower() in DENYING_VERBS:
            return "negative"  # "rejected speculation that Mr Brown was considering", "denied reports that"
        if current.dep_ == "acl" and head.pos_ == "NOUN" and given_up(head):
            return "negative"  # "abandoned its plan to buy Iberia", "pulled out of a deal to buy Fiat"
        # "would never be able to reach agreement": through the adjective to the negated copula.
        if head == current or current.dep_ not in {"xcomp", "aux", "auxpass", "acomp"}:
            break
        if head.lemma_.lower() in NEGATING_HEADS or any(c.lemma_.lower() in NEGATING_HEADS for c in head.children if c.dep_ == "acomp"):
            return "negative"
        current = head
    return "positive"


#: Prepositions whose object has taken place whatever the clause they hang from says: "failed
#: to return after a trip to East Kilbride" (the trip was made), "has not spoken since the merger".
_HAPPENED_PREPOSITIONS = frozenset({"after", "since", "following", "during"})


def happened_before(anchor: Token, clause: Token | None) -> bool:
    """Whether the noun ``anchor`` names an event in an "after/since/following/during" phrase of
    ``clause``, its governing verb: the clause's negation does not reach it."""
    current = anchor
    while clause is not None and current != clause and current.head != current:
        if current.dep_ == "pobj" and current.head.lower_ in _HAPPENED_PREPOSITIONS:
            return True
        current = current.head
    return False


def given_up(noun: Token) -> bool:
    """Whether a plan or deal is given up by the verb it hangs from: the object of "abandon",
    "scrap", "drop", "withdraw" ("scrapped the deal"), or of "out of" / "away from" after "pull",
    "walk", "back" ("pulled out of an agreement"), or "called off"."""
    verb = noun.head
    if noun.dep_ == "dobj" and verb.pos_ == "VERB":
        lemma = verb.lemma_.lower()
        return lemma in ABANDONING_VERBS or any((lemma, c.lower_) in ABANDONING_PHRASES for c in verb.children if c.dep_ == "prt")
    if noun.dep_ == "pobj" and verb.lower_ in {"of", "from"}:
        particle = verb.head
        if particle.lower_ in {"out", "away"} and particle.head.pos_ == "VERB":
            return (particle.head.lemma_.lower(), particle.lower_) in ABANDONING_PHRASES
        if particle.pos_ == "VERB":
            return any((particle.lemma_.lower(), c.lower_) in ABANDONING_PHRASES for c in particle.children if c.dep_ in {"prt", "advmod"}) or (
                particle.lemma_.lower() == "withdraw" and verb.lower_ == "from")
    return False


def modality_of(anchor: Token, *, forecast: bool = False) -> str:
    """How the clause is asserted: by the words that embed it, else by its own future ("will",
    "is to": planned) or conditional ("would": possible); see ``_embedded_modality``.

    What someone said will happen has not happened: a clause's own future beats the saying that
    embeds it ("Yukos said it will sue Baikal" is planned, not reported), and a "would" under a
    saying is the "will" of reported speech ("Qwest said it would submit a bid": planned).
    ``forecast`` is for figures, whose future is an expectation, not a plan: "GM will deliver
    net income of $2.5bn", "US growth would reach 4.4%, the OECD said".
    """
    if anchor.pos_ in {"NOUN", "PROPN"} and anchor.dep_ in {"dobj", "nsubjpass"} and delays(anchor.head):
        return "planned"  # "delays have put back Sativex's launch in the UK": still to come
    if anchor.tag_ == "VBG" and anchor.dep_ == "pcomp" and anchor.head.lower_ == "by" and anchor.head.head.pos_ in {"VERB", "AUX"}:
        # "said it would fund the deal by selling a stake": the means is as sure as what it is for.
        return modality_of(anchor.head.head, forecast=forecast)
    raising = _raising_modality(anchor)
    if raising is not None:
        # "the deficit is set to hit $368bn": a figure to come is expected, not planned.
        return "expected" if forecast and raising == "planned" else raising
    embedded = _embedded_modality(anchor)
    future = _own_future(anchor)
    said = embedded in _SAYING
    if embedded != "asserted" and not (said and future is not None):
        return embedded
    if future is None:
        return "asserted"
    if future == "would" and conditioned(anchor):
        return "possible"  # "would buy Aiwa if the board agreed"
    if forecast:
        return "expected"
    return "planned" if said else FUTURE_AUXILIARIES[future]


def delays(verb: Token) -> bool:
    """"delayed", "postponed", "put back", "pushed back": a verb that moves what it acts on later."""
    lemma = verb.lemma_.lower()
    return lemma in {"delay", "postpone", "defer", "reschedule"} or (
        lemma in {"put", "push"} and any(c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in verb.children)
    )


#: The modality of a clause someone is said to have said. Not "claimed": a claim's doubt says
#: more than its tense ("Kenya's claim that Ruto will visit Pretoria").
_SAYING = frozenset({"reported"})


def _own_future(anchor: Token) -> str | None:
    """The clause's own future or conditional auxiliary ("will", "shall", "would"), "will" for
    the "be to" future of news ("Straw is to visit Thailand"), else None."""
    for child in anchor.children:
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES:
            return child.lower_
    if anchor.dep_ == "conj" and anchor.tag_ == "VB" and not any(c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in anchor.children):
        # "growth would reach 4.4% in 2004, but fall to 3.3%": a joined bare verb without an
        # auxiliary or subject of its own shares its first verb's (not "said Labour would set
        # out plans and attacked the Tories", a past of its own).
        return _own_future(anchor.head)
    if anchor.tag_ == "VBG" and anchor.dep_ == "advcl" and not any(c.dep_ in {"mark", "nsubj"} for c in anchor.children):
        # "GM said it will do less well, delivering net income of $2.5bn": a participle's
        # clause has the tense of the clause it hangs off.
        return _own_future(anchor.head)
    head = anchor.head
    # Not "is the third MP to defect": a copula with a ranked noun tells of what was done.
    if anchor.dep_ == "xcomp" and head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children) and not any(c.dep_ == "acomp" or (c.dep_ == "attr" and _ranked(c)) for c in head.children):
        return "will"
    return None


def _raising_modality(verb: Token) -> str | None:
    """The modality of a passive or adjective that hedges its subject's complement: "Thailand's
    economy is expected to grow by 5.7%", "sales are forecast to rise", "profits are likely to
    fall". A fact about that subject has its clause stop at this verb, which is not the fact's
    own ("Kenya plans to host the Cup" asserts the plan; "is expected to" asserts nothing)."""
    complement = any(child.dep_ == "xcomp" for child in verb.children)
    if any(child.dep_ in {"nsubjpass", "auxpass"} for child in verb.children) and (complement or _at_level(verb)):
        return _overtaken(verb, _modal_word(verb))
    for child in verb.children:
        if child.dep_ == "acomp" and (complement or any(c.dep_ == "xcomp" for c in child.children)):
            signal = _modal_word(child)
            if signal is not None:
                return _overtaken(verb, signal)
    return None


def _overtaken(word: Token, signal: str | None) -> str | None:
    """A plan or an expectation in the past perfect is one the story has overtaken ("had been
    due to take on Tony Blair", "had been expected to visit"): possible, no longer planned."""
    verb = word.head if word.pos_ == "ADJ" else word
    if word.lemma_.lower() in _ARRANGING and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children):
        return "possible"
    return signal


#: Words of an arrangement or a forecast, which a later turn of the story may overtake; not a
#: decision or an agreement ("had agreed to loan Gazpromneft the money": agreed, and still so).
_ARRANGING = frozenset("due expect schedule set plan intend forecast predict project anticipate".split())


def _at_level(verb: Token) -> bool:
    """"GDP growth is forecast at 1.5%": the verb puts its subject at a figure, which the passive
    hedges as it hedges a complement."""
    return any(child.dep_ == "prep" and child.lower_ == "at" and any(c.like_num or c.ent_type_ in {"PERCENT", "MONEY"} for c in child.subtree) for child in verb.children)


#: What "according to" may name that is no source: "went according to plan".
_NO_SOURCE = frozenset({"plan", "schedule", "rule", "law", "tradition"})


def _sourced(verb: Token) -> bool:
    """Whether a clause is told "according to" a source: the paper, officials, a report."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to" and any(o.dep_ == "pobj" and o.lemma_.lower() not in _NO_SOURCE for o in to.children):
                    return True
    return False


def _embedded_modality(anchor: Token) -> str:
    """How the clause is asserted, from the verbs and nouns that embed it.

    Climbs from the anchor through complement and relative-clause links; the nearest embedding
    word that signals a modality wins ("is expected to be invited" is expected even inside a
    reported sentence). A coordinated clause with its own subject stops the climb, so
    "X hopes to host A, and Y discussed B" leaves the discussion asserted.
    """
    current = anchor
    if supposes(anchor):
        return "possible"  # "if Toyota buys Daihatsu": supposed, not done ("if" opens its clause)
    if awaits(anchor):
        return "possible"  # "will be completed once the government approves the deal": not yet
    if asks(anchor):
        return "possible"  # "Should the UK approve the treaty?": asked, not said
    if anchor.tag_ == "VBG" and anchor.dep_ == "pcomp" and anchor.head.lower_ == "about":
        return "possible"  # "had talks about working for Boeing": spoken of, not done
    if anchor.tag_ == "VBG" and anchor.dep_ == "pcomp" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() == "process":
        return "planned"  # "is in the process of merging with Gazprom": under way, not done
    for child in anchor.children:
        if child.dep_ == "aux" and child.lower_ == "could" and any(c.dep_ == "neg" for c in anchor.children):
            continue  # "the US could not support the IFF": not able, which is said outright
        if child.dep_ == "aux" and child.lower_ in MODAL_VERBS:
            return MODAL_VERBS[child.lower_]
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            return HEDGE_ADVERBS[child.lower_]
    if _sourced(anchor):
        # "Rothschild is advising Mr Glazer, according to the Financial Times" (a clause's own
        # hedge or modal says more: "could be cut by £1.6bn, according to the review")
        return "reported"
    # "keen on buying": through the preposition of an adjective to the adjective; "said he was
    # unable to return": through the adjective to its copula, and on to what embeds that.
    while (current.dep_ in _EMBEDDING_DEPS or (current.dep_ == "prep" and current.head.pos_ == "ADJ") or (current.dep_ == "acomp" and current.pos_ == "ADJ")) and current.head != current:
        if current.dep_ == "conj" and _own_subject(current):
            break
        head = current.head
        if current.dep_ == "pcomp" and head.lower_ in {"of", "with"} and head.head.lemma_.lower() in _ACCUSING_VERBS:
            return "claimed"  # "Cherie Blair has been accused of criticising Mr Bush": what others say she did
        lemma = head.lemma_.lower()
        signal = _modal_word(head)
        if current.dep_ == "ccomp" and lemma == "be" and (noun := _claim_noun(head, "nsubj")) is not None:
            return CLAIM_NOUNS[noun]  # "The government's argument was that Yukos owed $27bn"
        if current.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children) and (noun := _claim_noun(head, "dobj")) is not None:
            return CLAIM_NOUNS[noun]  # "made a bid last year to become chairman": the bid's aim
        if head.pos_ in {"NOUN", "PROPN"}:
            if lemma in CLAIM_NOUNS and current.dep_ in {"acl", "ccomp", "relcl", "appos"}:
                return CLAIM_NOUNS[lemma]
        elif signal and current.dep_ in {"xcomp", "ccomp"}:
            return _overtaken(head, signal)
        elif head.pos_ == "ADJ" and signal:
            return _overtaken(head, signal)
        if current.dep_ == "xcomp":
            # "is likely to visit": the adjective is a sibling complement of the copula.
            for sibling in head.children:
                if sibling.dep_ == "acomp" and _modal_word(sibling):
                    return _modal_word(sibling)
        for child in head.children:
            if child.dep_ == "aux" and child.lower_ in MODAL_VERBS and current.dep_ in {"conj", "xcomp"}:
                return MODAL_VERBS[child.lower_]
        current = head
    return "asserted"


def _claim_noun(verb: Token, dep: str) -> str | None:
    """The claim noun a verb has as its subject ("the claim is that ...") or object ("made a bid
    to ..."), by ``dep``, if it has one."""
    return next((c.lemma_.lower() for c in verb.children if c.dep_ == dep and c.lemma_.lower() in CLAIM_NOUNS), None)


def _served_before(verb: Token) -> bool:
    """"served as chairman from 1990 to 1995", "After serving as a junior minister": a service
    the simple past or an "after" phrase tells is over ("has served as chairman since 1998" is not)."""
    if verb.lemma_.lower() != "serve":
        return False
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "after"


def _leaves(verb: Token) -> bool:
    """"resigned", "quit", "stepped down", "stood down": a verb that ends its subject's state."""
    lemma = verb.lemma_.lower()
    if lemma == "defect" and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return False  # "defected to Labour" starts a membership (the one it ends has no "to")
    return lemma in LEAVING_VERBS or (lemma in {"step", "stand"} and any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"down", "aside"} for c in verb.children)) or _put_out(verb)


#: Verbs that, with "out" and in the passive, remove someone from an office: "were voted out".
_OUSTING_VERBS = frozenset({"vote", "force", "push", "kick", "throw", "oust", "sack", "fire"})


def _put_out(verb: Token) -> bool:
    """"X and Y were voted out", "was forced out", "was ousted": the passive subject has left."""
    lemma = verb.lemma_.lower()
    if not any(c.dep_ == "auxpass" for c in verb.children) or lemma not in _OUSTING_VERBS:
        return False
    return lemma in {"oust", "sack", "fire"} or any(c.dep_ in {"prt", "advmod"} and c.lower_ == "out" for c in verb.children)


def says_former(title: Token) -> bool:
    """Whether a title's own words say the office was held before: "former chief executive",
    "ex-chairman", "the then minister", "former Labour minister"."""
    doc = title.doc
    if title.lower_.startswith("ex-"):
        return True
    for child in title.children:
        if child.i < title.i and child.dep_ in {"amod", "advmod", "compound", "nmod"} and child.lower_ in FORMER_WORDS:
            return True
    # "former Labour minister": the modifier may hang off a word between it and the head.
    for i in range(title.left_edge.i, title.i):
        word = doc[i].lower_
        if word in FORMER_WORDS and (word != "then" or (i > 0 and doc[i - 1].lower_ == "the")):
            return True
    return title.i > 0 and doc[title.i - 1].lower_ in {"ex", "ex-"}


def status_of(anchor: Token) -> str | None:
    """"former" when the state the anchor names has ended, else None.

    The anchor is a title or role noun ("former chief executive", "ex-chairman", "the then
    minister") or the verb of the clause ("X stepped down as chairman", "X quit the party").

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["the", "former", "chairman"],
        ...           heads=[2, 2, 2], deps=["det", "amod", "ROOT"])
        >>> status_of(doc[2])
        'former'
    """
    if says_former(anchor):
        return "former"
    if anchor.pos_ in {"VERB", "AUX"} and (_leaves(anchor) or no_longer(anchor)):
        return "former"
    if anchor.dep_ in {"attr", "dobj", "pobj"} and no_longer(anchor.head if anchor.dep_ != "pobj" else anchor.head.head):
        return "former"  # "is no longer a member of the party", "no longer holds a stake in"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and anchor.head.head.pos_ in {"VERB", "AUX"} and _leaves(anchor.head.head):
        return "former"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and _served_before(anchor.head.head):
        return "former"
    if _holder_has_left(anchor) or _parted_with(anchor) or _ended(anchor) or _holder_has_gone(anchor) or ranked_leaving(anchor) is not None or _had_been(anchor) or _was_then(anchor):
        return "former"
    return None


#: Nouns of someone's leaving an office: "the resignation of BBC chairman Gavyn Davies". Not
#: "departure" or "exit", which as often leave a party or a firm as the office ("the departure of
#: MEP Robert Kilroy-Silk" from UKIP left him an MEP).
_LEAVING_NOUNS = frozenset("resignation ousting sacking dismissal retirement removal death".split())
#: Verbs that ask for a leaving rather than report it: "called for the resignation of X".
_DEMANDING_VERBS = frozenset("call demand urge seek want ask press push".split())


def _holder_has_gone(title: Token) -> bool:
    """Whether the person a title names is the one whose leaving a noun reports: "The affair
    prompted the resignation of BBC chairman Gavyn Davies", "after the death of leader John
    Smith"; not a leaving asked for ("called for the resignation of X") or still to come ("will
    force the resignation of X")."""
    if title.dep_ not in {"compound", "appos"} or title.head.pos_ != "PROPN":
        return False
    holder = title.head
    while holder.dep_ in {"conj", "appos"} and holder.head.pos_ == "PROPN":
        holder = holder.head  # "the resignation of chairman X and director-general Y"
    if holder.dep_ != "pobj" or holder.head.lower_ != "of" or holder.head.head.lemma_.lower() not in _LEAVING_NOUNS:
        return False
    noun = holder.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        return False  # "calls for the resignation of X"
    verb = clause_head(noun)
    if verb.pos_ not in {"VERB", "AUX"}:
        return True  # a headline or a phrase with no clause: "The resignation of chairman X"
    if happened_before(noun, verb) and not _ahead(verb):
        return True  # "made a bid to become chairman after the death of president Umberto Agnelli"
    return verb.lemma_.lower() not in _DEMANDING_VERBS and _done(verb)


def _ahead(verb: Token) -> bool:
    """Whether a clause, or one it hangs from, is in the future ("will be chairman after ...")."""
    current = verb
    while True:
        if any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "shall", "'ll"} for c in current.children):
            return True
        if current.head == current:
            return False
        current = current.head


def _parted_with(noun: Token) -> bool:
    """Whether what a noun names was parted with: "sold its 20% stake in Yell", "has transferred
    his controlling stake", "handed over his stake", "disposed of its holding"; not while the
    sale is to come ("is to sell its stake"), under way ("is offloading") or denied."""
    if noun.pos_ != "NOUN":
        return False
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "of" and verb.head.lemma_.lower() == "dispose":
        verb = verb.head
    elif noun.dep_ != "dobj":
        return False
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in DISPOSING_VERBS or verb.tag_ == "VBG":
        return False  # "is offloading its stake": not parted with yet
    if lemma == "hand" and not any(c.dep_ == "prt" and c.lower_ == "over" for c in verb.children):
        return False  # "handed its stake to" is a transfer, "handed him a stake" is not: only "over"
    return _done(verb)


#: Verbs and nouns that end a state named as their object: "ended her membership of the party",
#: "the end of his membership of UKIP", "the termination of its partnership with Ford".
_ENDING_VERBS = frozenset("end terminate renounce".split())
_ENDING_NOUNS = frozenset("end termination".split())


def _ended(noun: Token) -> bool:
    """Whether the state a noun names was ended: "ended her membership", "announced the end of his
    membership"; not while the end is to come or asked for ("will end", "called for the end of")."""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in _ENDING_VERBS:
        return _done(noun.head)
    if noun.dep_ != "pobj" or noun.head.lower_ != "of" or noun.head.head.lemma_.lower() not in _ENDING_NOUNS:
        return False
    verb = noun.head.head.head
    while verb.pos_ == "ADP":  # "called for the end of"
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    return verb.lemma_.lower() not in _DEMANDING_VERBS and _done(verb)


def _ranked(noun: Token) -> bool:
    """"the third MP", "the only firm": a noun ranked by an ordinal, "only" or "last"."""
    return any(c.dep_ == "amod" and (c.ent_type_ == "ORDINAL" or c.lower_ in RANK_WORDS) for c in noun.children)


def ranked_leaving(title: Token) -> Token | None:
    """The leaving verb of a title ranked among those who left, else None: "Robert Jackson is
    the third Conservative MP to defect to Labour", "the first Tory peer to quit the party".
    Such an infinitive tells of what was done, and the office it names is left (defecting
    leaves the party's seat whatever party it goes to). Not "the next MP to defect": to come."""
    if not _ranked(title):
        return None
    clauses = [c for c in title.children if c.dep_ == "acl"]
    if title.dep_ == "attr":
        clauses += [c for c in title.head.children if c.dep_ == "xcomp"]  # "is the third MP to defect"
    for verb in clauses:
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children) and (_leaves(verb) or verb.lemma_.lower() == "defect"):
            return verb
    return None


def _holder_has_left(title: Token) -> bool:
    """Whether the person a title names has left: "Chief executive Franklin Raines and chief
    financial officer Tim Howard have left the firm", "John Smith, the chairman, resigned". Not
    while the leaving is to come ("is to step down", "will resign"), and "left" only with what
    was left ("left the firm", not "left for Paris")."""
    if title.dep_ == "attr" and title.head.lemma_ == "be" and title.head.tag_ == "VBD" and title.head.dep_ == "relcl" and title.head.head.pos_ == "PROPN":
        holder = title.head.head  # "Paul Tellier, who was also Bombardier's president, left the company"
    elif title.dep_ not in {"compound", "appos", "conj"} or title.head.pos_ != "PROPN":
        return False
    else:
        holder = title.head
    while holder.dep_ in {"conj", "appos"} and holder.head.pos_ == "PROPN":
        holder = holder.head
    verb = holder.head
    if holder.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"} or not _leaves(verb):
        return False
    if verb.lemma_.lower() == "leave" and not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return _done(verb)


def _had_been(title: Token) -> bool:
    """"promoted from the Home Office, where he had been prisons minister": an office the past
    perfect puts before the story's past was left (not "had been chairman since 1998", which
    may still run)."""
    verb = title.head
    if title.dep_ != "attr" or verb.lemma_ != "be" or not any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in {"since", "for"} for c in verb.children)


def time_clause_office(title: Token) -> bool:
    """Whether a title is what a "when" or "while" clause says someone is or was ("tried to
    introduce them when he was home secretary"): the clause dates the rest of the sentence and
    is taken as given, whatever the sentence says of the rest."""
    verb = title.head
    return (title.dep_ == "attr" and verb.lemma_ == "be" and verb.dep_ == "advcl"
            and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "while"} and c.i < title.i for c in verb.children))


def _was_then(title: Token) -> bool:
    """"introduced the law when he was home secretary": a past "when" or "while" clause dates the
    office to a time before the story's."""
    return time_clause_office(title) and title.head.tag_ == "VBD"


def _done(verb: Token) -> bool:
    """Whether a verb's act took place: asserted and not denied ("will resign", "did not sell" did not)."""
    return modality_of(verb) == "asserted" and polarity_of(verb) == "positive"
