"""Titles and appositions of one sentence -> holdsPosition statements with the office's affiliation,
and the worksFor / memberOf statements an affiliation implies.

Four shapes name an office: a title before a name ("Tory co-chairman Liam Fox"), an apposition
("Fathi Bin Shatwan, Libya's oil minister"; "Argentina's President, Nestor Kirchner"), a
copula or appointment ("X is chief executive of Y", "X was named chairman") and "as" ("X
stepped down as chief executive"). Whom the office belongs to comes from a name before the
title, a possessive, or an "of/at/for" phrase; a party makes its holder a member, an
organisation an employee.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.extract.context import HOLDS, Builder, Found, SentenceContext, token_mention
from kg.extract.qualifiers import modality_of, polarity_of, ranked_leaving, says_former, status_of, time_clause_office
from kg.gazetteer import is_party
from kg.lexicon import PERSON_NOUNS, WORLD_REGIONS, CHAMBER_SEATS, CHAMBER_WORDS, COMING_WORDS, HONORIFICS, FORMER_WORDS, LEGISLATOR_TITLES, OCCUPATION_NOUNS, ORGANIZATION_KINDS, PASSING_WORDS, POSTNOMINAL_TITLES, RANK_WORDS, ROYAL_STYLES, SPEECH_VERBS, SUBUNIT_NOUNS, TITLE_HEADS
from kg.model import Description, Mention
from kg.syntax import DASHES, PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, conjuncts, direct_objects, governing_verb, is_relative_pronoun, listed_names, logical_subjects, patients, prep_objects
from kg.syntax.titles import RANKS_BEFORE_OWNER, describes_holder, hyphen_prefix, is_plural, is_title_head, title_before, title_portfolio, title_words

__all__ = ["position_statements"]

#: Types that can own an office: "the BBC's political editor", "Libya's oil minister", "New York attorney general".
_OWNER_TYPES = frozenset({"Organization", "Country", "Place"})
#: Verbs whose complement names an office: "X is/became/remains chairman", "X was named chairman".
_COPULAS = frozenset("be become remain serve stay".split())
_APPOINTING = frozenset("appoint name elect make nominate choose install promote confirm".split())
#: Verbs whose subject takes over the office its object held: "X replaced Y as chief executive".
_SUCCEEDING = frozenset({"replace", "succeed"})
#: Nouns of an aim, whose "to be" names an office not held: "his ambition to be prime minister".
_ASPIRATIONS = frozenset("ambition ambitions bid hope hopes chance desire dream plan plans attempt campaign aim quest".split())
_AFFILIATION_PREPS = ("of", "at", "for", "with", "to", "from")
#: Prepositions after which only an organisation is the owner: "an official from the commission"
#: works there; "a minister from Ghana" or "an adviser to Britain" says too little of the office.
_ORGANIZATION_ONLY_PREPS = frozenset({"to", "from"})
#: Titles of a legislature's staff, who work for it ("Holyrood's Chamber Office chief", "the
#: Commons clerk"), unlike its members and their offices ("Commons leader").
_CHAMBER_STAFF = frozenset("clerk clerks chief official officials officer librarian director spokesman spokeswoman spokesperson".split())
#: Titles of those who founded an organisation, which say nothing of working for it.
_FOUNDERS = frozenset({"founder", "co-founder", "cofounder", "founders", "co-founders"})


#: Offices a place holds whatever party the holder belongs to: "London's Labour mayor" is the
#: mayor of London; "Devon's Labour leader" leads Labour's group there.
_PLACES_OFFICES = frozenset("mayor governor premier minister president chancellor".split())
#: Of those, the ones no party's name can stand for the place of (a party's prime minister is
#: its country's, :func:`kg.resolve`'s state offices).
_LOCAL_OFFICES = frozenset({"mayor", "governor"})


def _is_party(mention: Mention) -> bool:
    return mention.type == "Organization" and is_party(mention.name)


#: What a writer thinks of an office's holder, before the office ("distinguished lawyer Lord
#: Scarman", "the influential senator"): no part of the office ("veteran" goes with
#: ``PASSING_WORDS``).
_PRAISE = frozenset(
    "distinguished influential prominent respected renowned eminent celebrated outspoken leading well-known famous "
    "prudent great greatest longest-serving successful brilliant popular".split()
)


#: Royal styles that are ranks of birth or marriage, not offices (a crown prince's is one; a
#: king's, queen's or sultan's rule is).
_COURTESY_STYLES = frozenset({"prince", "princess", "duke", "duchess"})


def _honour(doc: Doc, at: int) -> bool:
    """Whether the words from ``at`` make the title before them an order's rank: "Commander of
    the Order of the Bath", "Officer of the Order of the British Empire"."""
    words = [t.lower_ for t in doc[at : at + 3]]
    return words[:2] == ["of", "order"] or words == ["of", "the", "order"]


def _office(
    b: Builder, anchor: Token, person: Found, words: list[Token], affiliation: Mention | None, extractor: str,
    confidence: float, status: str | None = None, presupposed: bool = True, name: str | None = None, rank: Token | None = None,
) -> None:
    """holdsPosition(person, the title ``words``) with its affiliation, and membership or employment.

    A title on a name is presupposed (asserted whatever embeds it); an office a clause gives
    ("Mr Brown was considering becoming Foreign Secretary") is as sure as the clause. ``rank``:
    a word before the owner that belongs to the office ("Deputy" of "Deputy Labour leader").
    """
    ctx = b.ctx
    former = status or next(("former" for t in words if t.lower_ in FORMER_WORDS), None)
    # "the incoming president of the European Commission": an office taken up later, a plan.
    coming = "planned" if former is None and any(t.lower_ in COMING_WORDS for t in words) else None
    words = [t for t in words if t.lower_ not in FORMER_WORDS and t.lower_ not in PASSING_WORDS]
    while words and (words[0].is_punct or words[0].lower_ in {"and", "of", "for", "the"} or words[0].lower_ in _PRAISE or _rank_word(words[0]) or describes_holder(words[0])):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words or name is None and not is_title_head(words[-1]) and not any(is_title_head(t) for t in words):
        return
    if name is None and all(t.lemma_.lower() in _COURTESY_STYLES for t in words if is_title_head(t)) and not any(t.lower_ == "crown" for t in words):
        return  # "Princes William and Harry", "Diana, princess of Wales": a royal's style, no office
    if _honour(anchor.doc, words[-1].i + 1):
        return  # "made a Commander of the Order of the Bath": an honour, no office
    branch = _branch_word(affiliation, anchor.doc, ctx) if affiliation is not None and name is None else None
    if branch is not None:
        # "leader of Devon county Labour group", "leader of the London Assembly Conservatives": an
        # office of a branch ("group leader", "Assembly leader"), which is no entity of its own,
        # and not the party's or the place's; of a party, a membership still.
        if _is_party(affiliation):
            b.add(anchor, person, "memberOf", (affiliation, 1.0), words[-1].text, extractor, round(confidence * 0.9, 3), status=HOLDS, presupposed=presupposed)
        affiliation = None
        name = f"{branch} {' '.join(t.text for t in words)}"
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    text = ctx.passage_text(start, end)
    given = name is not None
    if name is None:
        # ``name``, when given, is the office a verb names ("chairs" -> chair).
        name = " ".join(text.split())
        if _is_plural_title(words[-1]):
            name = name[:-1]  # "Presidents Carter and Reagan": each is a President
        if rank is not None:
            name = f"{rank.lower_ if words[-1].is_lower else rank.text} {name}"
    if not given and words[-1].lower_ in _FOUNDERS and all(w.lower_ in {"co", "-"} for w in words[:-1]):
        # "Yukos founder Mikhail Khodorkovsky", "its co-founder": he founded it, which is no
        # office he holds (a reader, and the news gold, say ``founded``).
        if affiliation is not None and affiliation.type == "Organization":
            b.add(anchor, person, "founded", (affiliation, 1.0), name, extractor, confidence, presupposed=presupposed)
        return
    offset = ctx.passage.start
    title = Mention(ctx.passage.document.doc_id, offset + start, offset + end, text, "Position", name, f"position:{name.lower()}")
    b.add(anchor, person, "holdsPosition", (title, 1.0), name, extractor, confidence, affiliation=affiliation, status=former, presupposed=presupposed, modality=coming)
    if affiliation is None or affiliation.type != "Organization" or given:
        return  # (an office a verb names, "chairs the inquiry", says nothing of employment)
    predicate = "memberOf" if _is_party(affiliation) else "worksFor"
    if predicate == "worksFor" and words[-1].lower_.rstrip("s") in LEGISLATOR_TITLES:
        return  # "Kate Hoey, MP for Vauxhall": an elected member's "for" names the seat, not an employer
    if predicate == "worksFor" and _is_chamber(affiliation) and words[-1].lower_ not in _CHAMBER_STAFF:
        return  # "Commons leader Peter Hain": an office of the House, not a job with it
    if predicate == "worksFor" and words[-1].lower_ in _FOUNDERS:
        return  # "its founder Mikhail Khodorkovsky": founding a firm is no job with it (``founded`` says it)
    # "a prospective Labour MP" is in the party already; only the seat is to come.
    # "Former Labour prime minister Lord Callaghan": the office ended, not the party membership.
    # "the third Conservative MP to defect to Labour", "the first Tory MP to quit the party":
    # the party was left with the seat.
    left = predicate == "memberOf" and _left_party(anchor)
    b.add(anchor, person, predicate, (affiliation, 1.0), name, extractor, round(confidence * 0.9, 3), status=former if predicate == "worksFor" or left else HOLDS,
          presupposed=presupposed, modality=coming if predicate == "worksFor" else None)


#: Nouns after a party's name that make the phrase a part of the party: "the Labour group".
_BRANCH_NOUNS = frozenset("group branch wing caucus section association".split())


def _branch_word(owner: Mention, doc, ctx: SentenceContext) -> str | None:
    """The word that makes the phrase naming ``owner`` a branch, when it is one: "group" in
    "Devon county Labour group" (of Devon and of Labour), "Assembly" in "the London Assembly
    Conservatives" (of London and of the Conservatives); None for "the Conservatives"."""
    tokens = sorted(i for i, m in ctx.mentions.items() if m is owner and 0 <= i < len(doc))
    if not tokens:
        return None
    first, last = tokens[0], tokens[-1]
    head = doc[last]
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i:
        head = head.head  # "Devon county Labour group": Devon -> county -> group
    if head.i > last and head.lower_ in _BRANCH_NOUNS:
        return head.lower_
    party = ctx.mentions.get(head.i)
    if head.i > last and party is not None and party is not owner and _is_party(party):
        return _branch_word(party, doc, ctx)
    before = doc[first - 1] if first > 0 else None
    if _is_party(owner) and before is not None and before.pos_ == "PROPN" and before.is_title and (other := ctx.mentions.get(before.i)) is not None and other is not owner:
        return before.text  # a name of its own before the party's ("London Assembly"), not "Veteran"
    return None


def _rank_word(word: Token) -> bool:
    """"first", "third", "only" before a title ("the first Tory MP"), not a title's own
    capitalised "First" ("First Minister")."""
    return word.is_lower and (word.ent_type_ == "ORDINAL" or word.lower_ in RANK_WORDS)


def _left_party(title: Token) -> bool:
    """Whether the title's holder is ranked among those who left its party: defected, or quit
    or left "the party"."""
    verb = ranked_leaving(title)
    return verb is not None and (verb.lemma_.lower() == "defect" or any(c.dep_ == "dobj" and c.lemma_.lower() == "party" for c in verb.children))


def _owner(token: Token | None, b: Builder) -> Mention | None:
    """The organisation, country or place a token names, if any."""
    if token is None:
        return None
    found = token_mention(token, b.ctx, allow_modifier=False)
    if found is None or found[0].type not in _OWNER_TYPES:
        return None
    return found[0]


def _is_chamber(m: Mention) -> bool:
    """A legislature, by its name ("House of Commons", "Scottish Parliament") or its seat ("Holyrood")."""
    return m.name.split()[-1].lower() in CHAMBER_WORDS or m.name.lower() in CHAMBER_SEATS


def _before(sent: Span, index: int, b: Builder) -> Mention | None:
    """The owner named right before a title: "Tory [leader]", "Libya's [oil minister]"."""
    doc = sent.doc
    i = index - 1
    if i > sent.start and doc[i].lower_ in {"counterpart", "counterparts"}:
        i -= 1  # "his Chinese counterpart Foreign Minister Li Zhaoxing": China's minister
    if i >= sent.start and doc[i].tag_ == "POS":
        i -= 1
    if i < sent.start:
        return None
    return _owner(doc[i], b) if i in b.ctx.mentions else None


def _titles_before_names(sent: Span, b: Builder) -> None:
    """"U.S. Secretary of State Marco Rubio", "Tory co-chairman Liam Fox", "ex-ITN political editor John Sergeant"."""
    doc = sent.doc
    ctx = b.ctx
    titles = [ent for ent in b.ents if ent.label_ == "TITLE"]
    titled = {ent.end for ent in titles}
    for i in range(sent.start, sent.end):
        # Names the document decided are people although the model tagged them otherwise
        # ("chief executive Maeve Sherlock" read as an organisation) get their title here.
        m = ctx.mentions.get(i)
        if m is None or m.type != "Person" or ctx.mentions.get(i - 1) == m or i in titled or (i - 1) in titled:
            continue
        found = title_before(doc, i)
        if found is not None and found[0] >= sent.start and not any(k in ctx.mentions for k in range(*found)):
            titles.append(Span(doc, found[0], found[1], label="TITLE"))
    for ent in titles:
        start = ent.start
        while start < ent.end - 1 and start in ctx.mentions and ctx.mentions[start].type in _OWNER_TYPES:
            start += 1  # "Euronext chief executive X" at a sentence's start: the name is the owner
        ent = Span(doc, start, ent.end, label="TITLE")
        at = ent.end
        if at < len(doc) and at not in ctx.mentions and doc[at].lower_.rstrip(".") in {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "miss", "dame", "baroness"}:
            at += 1
        elif at + 1 < len(doc) and doc[at].lower_ in ROYAL_STYLES and doc[at].is_title and ctx.mentions.get(at + 1) is not None and ctx.mentions[at + 1].type == "Person":
            at += 1  # "Foreign Minister Prince Saud al-Faisal": the prince holds the office too
        person = ctx.mentions.get(at)
        if person is None or person.type != "Person":
            continue
        affiliation = _before(sent, ent.start, b)
        words = list(ent)
        # "ex-ITN political editor", "former Labour minister": the state ended.
        first = ent.start
        seat = ent.start - 1
        if affiliation is None and seat > sent.start and seat not in ctx.mentions and doc[seat].lower_ in CHAMBER_SEATS | CHAMBER_WORDS:
            owner = _before(sent, seat, b)
            if owner is not None and _is_party(owner):
                # "SNP Holyrood leader Nicola Sturgeon": the party's leader in the chamber.
                words, affiliation, first = [doc[seat], *words], owner, seat
        if affiliation is not None:
            first = min(i for i in range(sent.start, ent.start) if ctx.mentions.get(i) == affiliation)
        party = None
        if affiliation is not None and _is_party(affiliation) and ent.root.lower_ in _PLACES_OFFICES:
            owner = _before(sent, first, b) if first - 1 >= sent.start and doc[first - 1].tag_ == "POS" else None
            if owner is not None and not _is_party(owner):
                # "London's Labour mayor Ken Livingstone": the mayor of London, a Labour member.
                party, affiliation = affiliation, owner
                first = min(i for i in range(sent.start, first) if ctx.mentions.get(i) == owner)
            elif ent.root.lower_ in _LOCAL_OFFICES:
                # "Labour mayor Ken Livingstone": a mayor of somewhere the sentence does not say.
                party, affiliation = affiliation, None
        if affiliation is not None and _is_chamber(affiliation):
            owner = _before(sent, first, b)
            if owner is not None and owner.type == "Organization" and not _is_chamber(owner) and (doc[first - 1].tag_ == "POS" or _is_party(owner)):
                # "The SNP's Holyrood leader Nicola Sturgeon", "SNP Holyrood leader": the party's
                # leader in the Scottish Parliament; the chamber is part of the title.
                words = list(doc[first:ent.start]) + words
                affiliation = owner
                first = min(i for i in range(sent.start, first) if ctx.mentions.get(i) == owner)
        if affiliation is not None and affiliation.type == "Place" and affiliation.name.lower() in WORLD_REGIONS:
            # "Britain's Europe director", "the BBC's Asia editor": the region is what the office
            # covers, part of its title; its owner is the one before it, if any.
            while first - 1 >= sent.start and doc[first - 1].lower_ in _RANKS_BEFORE_REGION:
                first -= 1  # "Shadow Europe minister": the rank is the office's too
            words = list(doc[first:ent.start]) + words
            affiliation = _before(sent, first, b) if first - 1 >= sent.start and doc[first - 1].tag_ == "POS" else None
            if affiliation is not None:
                first = min(i for i in range(sent.start, first) if ctx.mentions.get(i) == affiliation)
        status = "former" if _former_before(doc, max(sent.start, first - 4), first) else None
        # "Deputy Labour leader John Prescott": the owner stands inside the title, and the rank
        # before it is the office's (he is Labour's deputy leader, not its leader).
        rank = doc[first - 1] if affiliation is not None and first - 1 >= sent.start and doc[first - 1].lower_ in RANKS_BEFORE_OWNER else None
        for _, obj in prep_objects(ent.root, ("of", "for")):
            # "Secretary of State for [India]" keeps the title whole; a name after it owns the office.
            affiliation = affiliation or _owner(obj, b)
        end = ctx.name_end(at, len(doc))  # the end of the person's name
        if affiliation is None:
            # "analyst Alex Potter at Lehman Brothers": the owner follows the name, attached to it
            # or (as the parse often has it) to the verb of saying; read from the name's end.
            root = doc[at:end].root
            for prep, obj in prep_objects(root, ("at", "of", "with")):
                found = _owner(obj, b)
                # "met Prime Minister Tony Blair at 10 Downing Street": at a place is where, not whose.
                affiliation = affiliation or (found if found is None or prep.lower_ != "at" or found.type != "Place" else None)
            if affiliation is None and end + 1 < len(doc) and doc[end].lower_ in {"at", "of"}:
                after = end + 2 if doc[end + 1].lower_ == "the" and end + 2 < len(doc) else end + 1
                found = _owner(doc[after], b) if after in ctx.mentions and not _possessive_at(after, b) else None
                affiliation = found if found is None or doc[end].lower_ != "at" or found.type != "Place" else None
        _office(b, doc[at], (person, 1.0), words, affiliation, "kg.rules.title.v1", 0.9, status, rank=rank)
        if party is not None:
            b.add(doc[at], (person, 1.0), "memberOf", (party, 1.0), ent.root.text, "kg.rules.title.v1", 0.81, status=HOLDS)
        before = ent.start - 1
        if before - 1 >= sent.start and doc[before].lower_ == "and" and is_title_head(doc[before - 1]):
            # "Veteran Labour MP and former Cabinet minister Jack Cunningham": two titles, one name.
            first_title = title_before(doc, before)
            if first_title is not None and first_title[0] >= sent.start:
                owner = _before(sent, first_title[0], b)
                _office(b, doc[at], (person, 1.0), list(doc[first_title[0] : first_title[1]]), owner, "kg.rules.title.v1", 0.85)
        if _is_plural_title(words[-1]):
            # "Presidents Jimmy Carter and Ronald Reagan", "Labour MPs Keith Vaz and Paul Boateng".
            # "Keith Dale, Paul Ortiz and Anne Grady": a list the parser reads as an apposition.
            root = doc[at:end].root
            for other in listed_names(root)[1:]:
                if other.i < root.i:
                    continue  # "Balfour Beatty managers A and B, and Railtrack managers C and D": not A and B
                found = token_mention(other, ctx, allow_modifier=False)
                if found is not None and found[0].type == "Person" and found[0] != person:
                    _office(b, other, found, words, affiliation, "kg.rules.title.v1", 0.85, status)


def _former_before(doc: Doc, lo: int, first: int) -> bool:
    """A "former" or "ex-" in the few words before a title and its owner ("ex-ITN political
    editor", "Ex-No 10 media chief"), up to a comma or a verb, which start other phrases."""
    for i in range(first - 1, lo - 1, -1):
        token = doc[i]
        if token.lower_ in FORMER_WORDS:
            return True
        if (token.is_punct and token.text != "-") or token.pos_ in {"VERB", "AUX"}:
            return False
    return False


def _possessive_at(index: int, b: Builder) -> bool:
    """Whether the name at ``index`` is a possessive ("at Labour's spring conference"): it owns
    the thing after it, the place where the person is, not the person's office."""
    doc = b.sent.doc
    end = b.ctx.name_end(index, len(doc))
    return end < len(doc) and doc[end].tag_ == "POS"


def _owns_other_thing(index: int, b: Builder) -> bool:
    """Whether the name at ``index`` is a possessive of anything but a part of itself: "said Tom Reid
    of [Unilever's strong results]" speaks of the firm's results, "Tom Reid, of [Unilever's
    European arm]" works there."""
    if not _possessive_at(index, b):
        return False
    doc = b.sent.doc
    last = doc[b.ctx.name_end(index, len(doc)) - 1]
    # ("said X of Standard & Poor's.": a name that ends in "'s" owns nothing.)
    return last.dep_ == "poss" and last.head.i > last.i and last.head.lemma_.lower() not in SUBUNIT_NOUNS


def _is_plural_title(head: Token) -> bool:
    """"Presidents", "MPs": a title head in the plural, which names every person that follows."""
    return is_plural(head) and head.lower_.endswith("s") and is_title_head(head) and head.lower_ not in TITLE_HEADS


#: Professions a person practises on their own account, which an owner named after a second,
#: coordinated office does not own: "a barrister and chairman of the League".
_PROFESSIONS = frozenset("lawyer barrister solicitor accountant scientist historian writer author novelist doctor surgeon academic architect campaigner".split())


def _apposition_owner(title: Token, b: Builder) -> Mention | None:
    """Whom an apposition's office belongs to: a possessive, a name before it, or "of/at/for" X."""
    for child in title.children:
        if child.dep_ == "poss":
            found = _owner(child, b)
            if found is not None:
                return found
    # "a former Labour communications director": the name may hang off a word of the title.
    for child in sorted((t for t in title.subtree if t.i < title.i), key=lambda t: -t.i):
        if child.dep_ in {"compound", "nmod", "amod"} and child.i in b.ctx.mentions:
            found = _owner(child, b)
            if found is not None and _is_field(found, title) and (employer := _employer_after(title, b)):
                return employer
            if found is not None:
                return found
    for prep, obj in prep_objects(title, _AFFILIATION_PREPS):
        found = _owner(obj, b) or _unit_owner(obj, b)
        if found is not None and prep.lower_ == "of" and _desk(found):
            # "investment director of UK Equities at Standard Life Investments": the firm's desk.
            employer = _employer_after(obj, b, ("at",)) or _employer_after(title, b, ("at",))
            if employer is not None and employer != found:
                return employer
        if found is not None and not (prep.lower_ in _ORGANIZATION_ONLY_PREPS and found.type != "Organization"):
            return found
    # Last, the stranded first part of a hyphenated title ("Tory co-chairman"; not before an
    # "of": "the German co-head of EADS" is EADS's).
    prefix = hyphen_prefix(title)
    for child in sorted((t for t in prefix.subtree if t.i < prefix.i) if prefix is not None else (), key=lambda t: -t.i):
        if child.dep_ in {"compound", "nmod", "amod"} and child.i in b.ctx.mentions:
            found = _owner(child, b)
            if found is not None:
                return found
    return None


#: Prepositions after a job that name whom it is for: "economist at HSBC", "strategist with 4Cast".
_EMPLOYER_PREPS = ("at", "with", "for")


def _is_field(owner: Mention, head: Token) -> bool:
    """Whether a country or place in a job's title is the job's field rather than its owner, so
    that an employer named after the job owns it: "chief UK economist at Capital Economics"."""
    return owner.type != "Organization" and head.lemma_.lower() in OCCUPATION_NOUNS


def _is_employer(found: Mention | None) -> bool:
    return found is not None and found.type == "Organization" and not _is_party(found)


def _employer_after(title: Token, b: Builder, preps: tuple[str, ...] = _EMPLOYER_PREPS) -> Mention | None:
    """The organisation an "at/with/for" phrase after a job names: "economist at HSBC"."""
    return next((found for _, obj in prep_objects(title, preps) if _is_employer(found := _owner(obj, b))), None)


def _desk(m: Mention) -> bool:
    """An organisation named by what it deals in rather than by a kind of body: "UK Equities",
    "Global Markets" (a firm's desk), not "Price College of Business", "the Center for Corporate
    Governance" or "the UN Office"."""
    words = m.name.lower().split()
    # The head before its own prepositional phrase: "Center for Corporate Governance".
    head = next((words[:k] for k in range(1, len(words)) if words[k] in {"of", "for", "on", "in", "at"}), words)
    return m.type == "Organization" and head[-1] not in ORGANIZATION_KINDS | SUBUNIT_NOUNS


def _unit_owner(noun: Token, b: Builder) -> Mention | None:
    """The organisation that owns an unnamed part of itself: "head of [the federation's
    anti-doping unit]" holds an office of the federation. Only a part of a body ("unit", "arm",
    "division"), named by a name: a "rival" is no part of the firm before it."""
    if noun.i in b.ctx.mentions or noun.lemma_.lower() not in SUBUNIT_NOUNS or not noun.is_lower:
        return None
    # A name only: "the insurer's life division" may be any insurer the article names.
    owners = [m for c in noun.children if c.dep_ == "poss" and c.i in b.ctx.mentions and (m := _owner(c, b)) is not None and m.type == "Organization"]
    return owners[0] if len(owners) == 1 else None


def _office_nouns(token: Token) -> list[Token]:
    """The title noun and the titles coordinated with it ("chairman and chief executive")."""
    return [t for t in conjuncts(token) if is_title_head(t) or t.lower_ in OCCUPATION_NOUNS]


def _appositions(sent: Span, b: Builder) -> None:
    """"X, Libya's oil minister", "Argentina's President, Nestor Kirchner", "X, a spokesman for Y"."""
    ctx = b.ctx
    for token in b.tokens:
        if token.dep_ != "appos":
            continue
        head = token.head
        pairs = [(head, token), (token, head)]
        if (
            head.dep_ == "pobj" and head.head.lower_ in {"for", "of", "at", "with"} and _office_nouns(head.head.head)
            and not any(c.dep_ == "appos" for c in head.head.head.children)
            and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == "," and token.left_edge.i - 1 > head.i
        ):
            # "A spokesman for DLF Builders, Dr Vancheshwar, said": the parser hangs the name on
            # the firm; it is the office's holder.
            pairs.append((token, head.head.head))
        for person_token, noun in pairs:
            person = token_mention(person_token, ctx, allow_modifier=False)
            if person is None or person[0].type != "Person" or noun.pos_ not in {"NOUN", "PROPN"} or noun.i in ctx.mentions and ctx.mentions[noun.i].type != "Position":
                continue
            if _with_others(noun):
                break  # "against X, its boss and another top executive": a list of three, not X's office
            if is_plural(noun) and len(conjuncts(person_token)) == 1 and len(conjuncts(noun)) == 1:
                # "speak to Mr Finnie, representatives of the Royal Society and ...": one name
                # beside a plural is a list of those spoken to, not the name's office.
                continue
            # Not a name listed after the title: "Keith Vaz, an MP, and Oona King" gives no office "King".
            offices = [o for o in _office_nouns(noun) if o is noun or o.i not in ctx.mentions or ctx.mentions[o.i].type == "Position"]
            if noun.dep_ == "conj" and any(c.dep_ in {"poss", "det"} for c in noun.children):
                # "The prime minister and his campaign boss Alan Milburn": a title with its own
                # determiner is a phrase of its own; the titles before it are someone else's.
                offices = [o for o in offices if o.i >= noun.i]
            if not offices:
                _occupation(noun, person, b)
                continue
            owner = _apposition_owner(noun, b)
            for office in offices:
                # "former Labour minister and now a European Commissioner": an office with its own
                # article is a phrase of its own, and does not take the first office's owner.
                separate = office is not noun and any(c.dep_ == "det" for c in office.children)
                own = _apposition_owner(office, b) or (None if separate else owner)
                if own is not None and office.lower_ in _PROFESSIONS and office.i < offices[-1].i and own.start >= b.ctx.passage.start + offices[-1].idx:
                    # "a barrister and chairman of the League": the League is the chairman's; the
                    # barrister's profession is the person's own.
                    own = None
                _office(b, office, person, title_words(office), own, "kg.rules.appos.v1", 0.8, status_of(office))
            if person_token is token and offices == [noun] and _is_plural_title(noun):
                # "three other ethnic minority MPs - Keith Vaz, Oona King and David Lammy": the
                # plural title names every person listed.
                for other in conjuncts(token)[1:]:
                    found = token_mention(other, ctx, allow_modifier=False)
                    if found is not None and found[0].type == "Person":
                        _office(b, noun, found, title_words(noun), owner, "kg.rules.appos.v1", 0.75, status_of(noun))
            break


def _with_others(noun: Token) -> bool:
    """The noun is coordinated with other people: "its boss and another top executive", "its
    chairman and two directors" (a plural, "another" or "other", a number), so the phrase lists
    people beside the name before it instead of saying what that one is."""
    for conjunct in noun.conjuncts:
        # People: a title or an occupation ("operations and safety editor" is one office).
        if not (is_title_head(conjunct) or conjunct.lemma_.lower() in OCCUPATION_NOUNS):
            continue
        if is_plural(conjunct) or any(c.lower_ in {"another", "other", "others"} or c.dep_ == "nummod" for c in conjunct.children):
            return True
    return False


def _occupation(noun: Token, person: Found, b: Builder) -> None:
    """Any other occupation: "X, a lawyer for the Y", "an engineer at Y" (no position entity);
    not kin ("the son of a Church of Scotland minister": his father's church)."""
    if noun.lemma_.lower() in PERSON_NOUNS:
        return
    for _, org in prep_objects(noun, ("for", "at", "with", "of", "from")):
        found = token_mention(org, b.ctx, allow_modifier=False)
        if found and found[0].type == "Organization" and not _is_party(found[0]):
            b.add(noun, person, "worksFor", found, f"{noun.text} {org.head.text}", "kg.rules.appos.v1", 0.7, presupposed=True, status=status_of(noun))


def _complements(sent: Span, b: Builder) -> None:
    """"X is chief executive of Y", "X was named chairman", "X stepped down as chief executive"."""
    ctx = b.ctx
    for token in b.tokens:
        if not (is_title_head(token) and token.pos_ in {"NOUN", "PROPN"}) or token.i in ctx.mentions and ctx.mentions[token.i].type != "Position":
            continue
        if _is_plural_title(token):
            continue  # "he was certain MPs would vote": a plural names no one holder
        verb = None
        holders: list[Token] = []
        replaced: list[Token] = []  # those who held the office before the holders
        if token.dep_ in {"attr", "oprd"} and token.head.lemma_.lower() in _COPULAS | _APPOINTING:
            verb = token.head
            if verb.dep_ == "acl" and verb.head.lemma_.lower() in _ASPIRATIONS:
                continue  # "his ambition to be prime minister": an aim, not an office held
            if verb.lemma_.lower() in _APPOINTING:
                holders = patients(verb) or [c for c in verb.children if c.dep_ == "dobj"]
            else:
                holders = [t for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for t in conjuncts(c)]
                if not holders or any(is_relative_pronoun(t) for t in holders):
                    # "X, who is project manager at Y": the relative pronoun stands for X.
                    holders = logical_subjects(verb)
        elif token.dep_ == "pobj" and token.head.lower_ == "as":
            if token.i + 1 < len(token.doc) and (named := ctx.mentions.get(token.i + 1)) is not None and named.type == "Person":
                continue  # "was speaking as London's mayor Ken Livingstone remains embroiled": his title
            verb = governing_verb(token)
            if verb is not None and verb.lemma_.lower() in _SUCCEEDING:
                if verb.head.lemma_.lower() in _ASPIRATIONS:
                    continue  # "his ambitions to succeed Tony Blair as prime minister": an aim
                # "Marchionne has replaced Demel as chief executive": the subject holds the office
                # now, the one replaced held it before.
                holders, replaced = logical_subjects(verb), direct_objects(verb)
            elif verb is not None:
                # "introduced Dr Lee as the bank's chief economist": a person acted on is the one
                # the "as" phrase describes ("joined the firm as chairman": the subject).
                acted_on = [t for t in direct_objects(verb) if (found := token_mention(t, ctx, allow_modifier=False)) is not None and found[0].type == "Person"]
                # "was appointed as chairman", "appointed Lynton Crosby as campaign director".
                holders = (patients(verb) or acted_on) if verb.lemma_.lower() in _APPOINTING else (acted_on or logical_subjects(verb) or patients(verb))
        if verb is None:
            continue
        owner = _apposition_owner(token, b) or _appointer(verb, b)
        status = status_of(token) or status_of(verb)
        # "Mr Brown is likely to succeed Mr Blair as Labour leader": a succession not (yet) made
        # leaves the office with the one it names, now and as a fact.
        pending = bool(replaced) and (modality_of(verb) != "asserted" or polarity_of(verb) == "negative")
        # "Mr Blair will step down as prime minister", "denied he would resign as chairman": a
        # leaving not (yet) made leaves the office with its holder, now and as a fact.
        staying = status_of(verb) == "former" and not says_former(token) and (modality_of(verb) not in _DONE or polarity_of(verb) == "negative")
        # "Peter Tom, who will remain as chief executive", "will not stay on as chairman": one
        # who is to go on holding an office (or not) holds it now.
        staying = staying or (verb.lemma_.lower() in _CONTINUING and (modality_of(verb) not in _DONE or polarity_of(verb) == "negative"))
        for holder, held in [(t, HOLDS if staying else status) for t in holders] + [(t, None if pending else "former") for t in replaced]:
            person = token_mention(holder, ctx, allow_modifier=False)
            if person is None or person[0].type != "Person":
                continue
            for office in _office_nouns(token):
                _office(b, office, person, title_words(office), _apposition_owner(office, b) or owner, "kg.rules.complement.v1", 0.75, held,
                        presupposed=(pending and holder in replaced) or (staying and holder in holders) or time_clause_office(token))


#: Ranks written before a world region in a title ("Shadow Europe minister").
_RANKS_BEFORE_REGION = frozenset({"shadow", "deputy", "acting", "junior", "assistant"})

#: Verbs of going on in an office ("will remain as chairman", "is to stay on as chief executive").
_CONTINUING = frozenset({"remain", "stay", "continue"})

#: Modalities of a clause that tell of something done, if only by someone's say-so.
_DONE = frozenset({"asserted", "reported", "claimed"})


def _appointer(verb: Token, b: Builder) -> Mention | None:
    """The organisation or country that appoints someone to an office, whose office it is:
    "Tesco has appointed Terry Leahy as chief executive" (not a person: "Mr Howard appointed
    Mr Crosby as campaign director" makes no office of Mr Howard's)."""
    if verb.lemma_.lower() not in _APPOINTING:
        return None
    found = [m for t in logical_subjects(verb) if (m := _owner(t, b)) is not None and m.type in {"Organization", "Country"}]
    return found[0] if len(found) == 1 else None


#: Verbs that say someone holds an office over what they act on: "who chairs the transport
#: committee", "Ann Lee, who heads the inquiry"; the office is the verb's noun.
_OFFICE_VERBS = {"chair": "chair", "head": "head"}


def _office_verbs(sent: Span, b: Builder) -> None:
    """"Sir Alan Pike, who chairs the Commons transport committee": holdsPosition chair with the
    committee as its affiliation (only in the present: "headed the firm" may be long over)."""
    ctx = b.ctx
    for verb in b.tokens:
        office = _OFFICE_VERBS.get(verb.lemma_.lower())
        if office is None or verb.pos_ != "VERB" or verb.tag_ not in {"VBZ", "VBP", "VBG"}:
            continue
        owners = [m for c in verb.children if c.dep_ == "dobj" and (m := _owner(c, b)) is not None and m.type == "Organization"]
        if len(owners) != 1:
            continue
        for subject in logical_subjects(verb):
            person = token_mention(subject, ctx, allow_modifier=False)
            if person is not None and person[0].type == "Person":
                _office(b, verb, person, [verb], owners[0], "kg.rules.officeVerb.v1", 0.75, name=office)


def _speaking_for(sent: Span, b: Builder) -> None:
    """"For the Liberal Democrats, Sir Menzies Campbell said ...": the speaker speaks for the party."""
    doc = sent.doc
    first = doc[sent.start]
    if first.lower_ != "for" or first.dep_ != "prep":
        return
    verb = first.head
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return
    parties = [m for _, o in prep_objects(verb, ("for",)) if (m := _owner(o, b)) is not None and _is_party(m)]
    for subject in logical_subjects(verb):
        person = token_mention(subject, b.ctx, allow_modifier=False)
        if person is None or person[0].type != "Person":
            continue
        for party in parties:
            b.add(verb, person, "memberOf", (party, 1.0), "for", "kg.rules.speaksFor.v1", 0.7, presupposed=True)


_APPOSITION_MARKS = frozenset({","}) | DASHES
_PHRASE_STOPS = frozenset({",", ".", ";", ":", "(", ")", '"', "“", "”", "who", "which", "that"}) | DASHES


def _title_phrase(tokens: list[Token], b: Builder) -> tuple[list[Token], Mention | None, Token] | None:
    """Read "[the] [Owner's] title words [of|at|for Owner]" from a comma-delimited phrase.

    Returns the title words, the owner and the head, or None when the phrase names no office.
    """
    # "Mr Bez - himself a former executive at Porsche -": the reflexive is no word of the title.
    # "Jack Straw, now foreign secretary", "Alois Rhiel, its minister for economic affairs": the
    # time word and a pronoun's possessive are no words of the title.
    words = [t for t in tokens if t.lower_ not in {"the", "a", "an", "himself", "herself", "now", "its", "his", "her", "their"}]
    owner = None
    if len(words) >= 2 and words[1].tag_ == "POS" and (words[0].i in b.ctx.mentions or words[0].pos_ == "NOUN"):
        # "Lloyd's chief executive", "the company's founder": the owner (a description through
        # coreference), never a word of the title.
        owner = _owner(words[0], b)
        words = words[2:]
    title: list[Token] = []
    rest: list[Token] = []
    for k, t in enumerate(words):
        if t.lower_ in {"of", "at", "for", "with", "from"} and title and any(is_title_head(w) for w in title) and not (t.ent_type_ == "TITLE" and t.ent_iob_ == "I"):
            rest = words[k:]
            break
        if t.tag_ == "POS" and not title:
            continue  # the owner's "'s" after a name of more than one word ("Fannie Mae's auditor")
        if t.i in b.ctx.mentions and b.ctx.mentions[t.i].type != "Position":
            if title:
                return None
            found = _owner(t, b)
            if found is None:
                return None
            owner = owner or found
            continue
        title.append(t)
    if not title:
        return None
    # The head ends the title, or stands before the portfolio its TITLE span gives it ("Minister
    # for Defence Procurement").
    head = title[-1] if is_title_head(title[-1]) else next((t for t in title if is_title_head(t) and title_portfolio(t)[-1:] == title[-1:]), None)
    if head is None or any(t.pos_ in {"VERB", "AUX"} and not is_title_head(t) for t in title):
        return None
    if rest:
        found = next((m for t in rest[1:] if (m := _owner(t, b)) is not None), None)
        field = _field_then_employer(rest, b)
        if field is not None:
            portfolio, found = field
            title = title + portfolio  # "head of UK equities for Standard Life Investments"
            owner = owner or found
        elif _is_employer(found) and owner is not None and _is_field(owner, head) and rest[0].lower_ in _EMPLOYER_PREPS:
            owner = found  # "UK economist at Royal Bank of Scotland"
        elif found is not None:
            owner = owner or found
        elif rest[0].lower_ in {"of", "for"} and len(rest) <= 4 and all(t.is_alpha and (t.is_lower or t.lower_ in {"the"}) for t in rest[1:]):
            title = title + rest  # "head of currency strategy": a portfolio, part of the title
    return title, owner, head


def _field_then_employer(rest: list[Token], b: Builder) -> tuple[list[Token], Mention] | None:
    """The portfolio words and the employer of "of [UK equities] for Standard Life": a country or
    place that only qualifies a common noun after "of" is the office's field, and the firm named
    after "for/at/with" owns the office; so is an organisation after "of" when a firm follows
    ("of UK Equities at Standard Life": a desk of the firm). None for any other phrase ("of the
    UK", "of Devon county Labour group")."""
    if rest[0].lower_ != "of":
        return None  # "economist for energy at SG Securities": "for" names no field the parse keeps
    for k, t in enumerate(rest[1:], start=1):
        if t.lower_ in _EMPLOYER_PREPS:
            employer = next((m for w in rest[k + 1 :] if _is_employer(m := _owner(w, b))), None)
            return (rest[:k], employer) if employer is not None else None
        place = _owner(t, b)
        if place is None:
            continue
        if _desk(place) and any(w.lower_ == "at" for w in rest[k + 1 :]):
            continue  # "investment director of UK Equities at Standard Life Investments": the firm's desk
        noun = t.head
        if place.type == "Organization" or t.dep_ not in {"compound", "amod", "nmod"} or noun not in rest or noun.i <= t.i or not noun.is_lower or noun.pos_ != "NOUN":
            return None
    return None


def _split_titles(words: list[Token]) -> list[list[Token]]:
    """"chairman and chief executive" is two offices; "Culture, Media and Sport Secretary" is one."""
    out: list[list[Token]] = [[]]
    for k, t in enumerate(words):
        if t.lower_ in {"and", "&"} and out[-1] and is_title_head(out[-1][-1]) and any(is_title_head(w) for w in words[k + 1 :]):
            out.append([])
            continue
        if t.lower_ in {"a", "an", "the"}:
            continue
        out[-1].append(t)
    return [w for w in out if w]


def _employer_phrase(phrase: list[Token], person: Mention, b: Builder) -> None:
    """"X, a trader at Mellon", "X, an official from the Beijing bureau", "X, Blackpool Hotel
    Association, said": an apposition that names an employer and no office."""
    words = [t for t in phrase if t.lower_ not in {"a", "an", "the"}]
    if not words:
        return
    names = {b.ctx.mentions[t.i] for t in words if t.i in b.ctx.mentions}
    if len(names) == 1 and all(t.i in b.ctx.mentions for t in words):
        (org,) = names
        if org.type == "Organization":
            b.add(words[0], (person, 1.0), "memberOf" if _is_party(org) else "worksFor", (org, 1.0), ",", "kg.rules.appos.v1", 0.7, presupposed=True)
        return
    head = next((t for t in words if t.lemma_.lower() in OCCUPATION_NOUNS and t.pos_ == "NOUN"), None)
    if head is None:
        return
    for t in words[words.index(head) + 1 :]:
        if t.lower_ in {"at", "for", "with", "from", "of"}:
            continue
        org = _owner(t, b)
        if org is not None and org.type == "Organization":
            b.add(head, (person, 1.0), "memberOf" if _is_party(org) else "worksFor", (org, 1.0), head.text, "kg.rules.appos.v1", 0.7, presupposed=True)
            return


def _linear_appositions(sent: Span, b: Builder) -> None:
    """Appositions the parser did not mark: "Kamal Nath, Commerce and Industry Minister, announced",
    "Mr Prettejohn, Lloyd's chief executive said", and postnominal titles ("Frank Field MP")."""
    doc = sent.doc
    ctx = b.ctx
    seen: set[Mention] = set()
    for i in range(sent.start, sent.end):
        person = ctx.mentions.get(i)
        if person is None or person.type != "Person" or person in seen:
            continue
        seen.add(person)
        end = ctx.name_end(i, sent.end)
        if end < sent.end and doc[end].text in POSTNOMINAL_TITLES:
            _office(b, doc[end], (person, 1.0), [doc[end]], None, "kg.rules.title.v1", 0.85)
            end += 1  # "Philippe Sands QC, a member of Matrix Chambers": the apposition follows the title
        if end + 1 < sent.end and doc[end].text in _APPOSITION_MARKS and doc[end + 1].lower_ not in {"and", "or", "but"}:
            # "Lord Hale - a senior law lord - said": between dashes as between commas (not the
            # next of a list: "spoke to George Bush, and the presidents of Sri Lanka and Indonesia").
            dash = doc[end].text != ","
            phrase = []
            k = end + 1
            while k < sent.end and len(phrase) < 10 and doc[k].text not in _PHRASE_STOPS and not (doc[k].pos_ in {"VERB", "AUX"} and not is_title_head(doc[k])):
                phrase.append(doc[k])
                k += 1
            closed = doc[k].text == doc[end].text if dash and k < sent.end else k >= sent.end or doc[k].text in {",", ".", ";"} or doc[k].pos_ in {"VERB", "AUX"}
            if closed and k < sent.end and doc[k].pos_ in {"VERB", "AUX"} and i > sent.start and doc[sent.start].tag_ in {"VBG", "IN"}:
                # "Echoing US Secretary of State Condoleezza Rice, the prime minister said": a name
                # in a phrase put before the clause; the words after its comma are the clause's subject.
                continue
            if any(_with_others(t) for t in phrase):
                continue  # "X, its boss and another top executive": people beside X, not X's offices
            if phrase and closed:
                read = _title_phrase(phrase, b)
                if read is not None:
                    words, owner, _ = read
                    parts = _split_titles(words)
                    for part in parts:
                        # (a profession before another office is not that office's owner's: _PROFESSIONS)
                        own = None if part is not parts[-1] and part[-1].lower_ in _PROFESSIONS else owner
                        _office(b, part[-1], (person, 1.0), part, own, "kg.rules.appos.v1", 0.75, status_of(part[-1]))
                elif not (k + 1 < sent.end and doc[k].text == "," and k + 1 in ctx.mentions and all(t.i in ctx.mentions for t in phrase)):
                    # (a bare name with another after it, "ABN Amro, BNP Paribas, Calyon and ...",
                    # is a list of names, not an employer)
                    _employer_phrase(phrase, person, b)


def _speaks(person: Mention, sent: Span, b: Builder) -> bool:
    """Whether the person is the one who says something in the sentence ("X at Y said", "said X,
    from Y"): a name is then the source's byline, not where they happened to be."""
    return any(t.dep_ == "nsubj" and t.head.lemma_.lower() in SPEECH_VERBS for t in b.tokens if b.ctx.mentions.get(t.i) == person)


def _before_title(doc: Doc, end: int) -> bool:
    return end < len(doc) and is_title_head(doc[end])


def _possessive_members(sent: Span, b: Builder) -> None:
    """"Labour's Paul Flynn" (memberOf), "Deutsche Bank's Simon Champion" (worksFor), and
    "Mr X, of brokers ING" (worksFor): a person named with the organisation they belong to; a
    speaker "at" or "from" one speaks for it ("said Ann Lee at Barclays")."""
    ctx = b.ctx
    doc = sent.doc
    # By the parse, and by the words: "Ernst & Young's Sanjay Mehta", where the parser hangs the
    # firm's first word on the name and the possessive on its last.
    pairs = [(token.head, ctx.mentions[token.i], ctx.mentions.get(token.head.i)) for token in b.tokens if token.dep_ == "poss" and token.i in ctx.mentions]
    pairs += [(doc[t.i + 1], ctx.mentions.get(t.i - 1), ctx.mentions.get(t.i + 1)) for t in sent if t.tag_ == "POS" and sent.start < t.i < sent.end - 1
              and not _before_title(doc, ctx.name_end(t.i + 1, len(doc)))]  # not "the EU's Humanitarian Aid Commissioner"
    seen = set()
    for at, owner, person in pairs:
        if owner is None or person is None or person.type != "Person" or owner.type != "Organization" or (owner, person) in seen:
            continue
        seen.add((owner, person))
        predicate = "memberOf" if _is_party(owner) else "worksFor"
        b.add(at, (person, 1.0), predicate, (owner, 1.0), "'s", "kg.rules.possessive.v1", 0.7, presupposed=True)
    for i in range(sent.start, sent.end - 2):
        person = ctx.mentions.get(i)
        if person is None or person.type != "Person" or ctx.mentions.get(i + 1) == person:
            continue
        at = i + 2 if doc[i + 1].text == "," else i + 1
        if at >= sent.end or not (doc[at].lower_ == "of" or (doc[at].lower_ in {"at", "from"} and _speaks(person, sent, b))):
            continue
        for k in range(at + 1, min(at + 5, sent.end)):
            found = ctx.mentions.get(k)
            if found is not None:
                # "said Ann Lee at the CBI conference": after "at" and "from" the organisation is the
                # phrase's head, not a word of an event's name.
                heads = [c for c in doc[at].children if c.dep_ == "pobj"]
                whole = doc[at].lower_ == "of" or any(ctx.mentions.get(h.i) == found for h in heads)
                if found.type == "Organization" and whole and not _owns_other_thing(k, b):
                    predicate = "memberOf" if _is_party(found) else "worksFor"
                    b.add(doc[k], (person, 1.0), predicate, (found, 1.0), f", {doc[at].lower_}", "kg.rules.possessive.v1", 0.7, presupposed=True)
                break


#: Nouns for someone who belongs to a party without an office: "Tory candidate X", "Labour activist X".
MEMBER_NOUNS = frozenset("candidate candidates activist activists member members councillor councillors supporter donor".split())
#: Nouns for someone who has left the party before them: "Tory defector X".
_DEFECTOR_NOUNS = frozenset("defector defectors".split())
#: Words that may stand between the party and the name: "prospective Tory candidate", "veteran Labour".
_MEMBER_MODIFIERS = frozenset("prospective veteran senior leading fellow prominent local parliamentary".split())


def _party_before_names(sent: Span, b: Builder) -> None:
    """"Lib Dem Sir Archy Kirkwood", "prospective Tory candidate Andrew Mennear": a party, and at
    most a member noun, right before a person's name make the person a member."""
    ctx = b.ctx
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        person = ctx.mentions.get(i)
        if person is None or person.type != "Person" or (i > sent.start and ctx.mentions.get(i - 1) == person):
            i += 1
            continue
        k = i - 1
        while k >= sent.start and (doc[k].lower_ in MEMBER_NOUNS | _MEMBER_MODIFIERS or doc[k].lower_ in HONORIFICS) and k not in ctx.mentions:
            k -= 1
        party = ctx.mentions.get(k) if k >= sent.start else None
        if party is not None and _is_party(party):
            b.add(doc[i], (person, 1.0), "memberOf", (party, 1.0), doc[k:i].text, "kg.rules.partyName.v1", 0.7, presupposed=True)
        elif party is None and k >= sent.start + 1 and doc[k].lower_ in _DEFECTOR_NOUNS:
            # "Tory defector Robert Jackson": a former member of the party before the noun.
            before = ctx.mentions.get(k - 1)
            if before is not None and _is_party(before):
                b.add(doc[i], (person, 1.0), "memberOf", (before, 1.0), doc[k - 1 : i].text, "kg.rules.partyName.v1", 0.7, presupposed=True, status="former")
        i += 1


def _ends_phrase(start: int, sent: Span, ctx: SentenceContext) -> bool:
    """Whether the name starting at ``start`` closes its phrase (a comma, the sentence's end or
    its verb after it), so it is not the first of a list ("the heads of Shell, BP and Total")."""
    end = ctx.name_end(start, sent.end)
    if end < sent.end and sent.doc[end].text in POSTNOMINAL_TITLES:
        end += 1  # "Tom Hensley QC has warned"
    if end >= sent.end:
        return True
    after = sent.doc[end]
    return (after.text in {",", ".", ";", ")"} and not (end + 1 < sent.end and sent.doc[end + 1].lower_ in {"and", "or"})) or after.pos_ in {"VERB", "AUX"}


def _title_of_owner_before_names(sent: Span, b: Builder) -> None:
    """"Chairman of the Environmental Audit Committee Peter Ainsworth", "Secretary General of Nato
    Jaap de Hoop Scheffer": a title, "of" and its organisation, right before the holder's name."""
    ctx = b.ctx
    doc = sent.doc
    for i in range(sent.start + 3, sent.end):
        person = ctx.mentions.get(i)
        if person is None or person.type != "Person" or ctx.mentions.get(i - 1) == person:
            continue
        # "The chairman of the Law Society, Guy Hensley, warned": the name set off by commas
        # (the parser hangs it on the organisation).
        comma = doc[i - 1].text == ","
        if comma and not _ends_phrase(i, sent, ctx):
            continue
        owner = ctx.mentions.get(i - 2 if comma else i - 1)
        if owner is None or owner.type not in _OWNER_TYPES or owner.type == "Person":
            continue
        k = i - 2 if comma else i - 1
        while k > sent.start and ctx.mentions.get(k - 1) == owner:
            k -= 1
        if doc[k - 1].lower_ == "the":
            k -= 1
        if k - 1 <= sent.start or doc[k - 1].lower_ not in {"of", "at"}:
            continue
        span = title_before(doc, k - 1)
        if span is None or span[0] < sent.start:
            continue
        _office(b, doc[i], (person, 1.0), list(doc[span[0] : span[1]]), owner, "kg.rules.title.v1", 0.85)


def position_statements(sent: Span, b: Builder) -> None:
    """Every office the sentence names for a person, with its affiliation."""
    _possessive_members(sent, b)
    _party_before_names(sent, b)
    _speaking_for(sent, b)
    _linear_appositions(sent, b)
    _titles_before_names(sent, b)
    _title_of_owner_before_names(sent, b)
    _appositions(sent, b)
    _complements(sent, b)
    _office_verbs(sent, b)


def office_descriptions(sent: Span, ctx: SentenceContext) -> list[Description]:
    """"The prime minister said", "the Tory leader argued": offices the sentence names without
    their holder. Resolution looks for the holder among the article's people
    (``kg.resolve``); a title before or beside a name is a position statement instead."""
    doc = sent.doc
    found: list[Description] = []
    for token in sent:
        if not is_title_head(token) or token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"}:
            continue
        if token.i in ctx.mentions or token.dep_ in {"compound", "appos", "nmod", "amod", "poss"}:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue
        if any(c.tag_ in {"JJS", "POS"} or c.dep_ == "poss" for c in token.subtree if c.i < token.i):
            continue  # "the world's greatest economist": praise, not an office
        if any(c.dep_ == "appos" for c in token.children) or (token.i + 1 < len(doc) and token.i + 1 in ctx.mentions and ctx.mentions[token.i + 1].type == "Person"):
            continue  # "the chancellor, Gordon Brown": the holder is named
        words = title_words(token)
        affiliation = None
        for child in token.lefts:
            m = ctx.mentions.get(child.i)
            if m is not None and m.type in _OWNER_TYPES and child.dep_ in {"compound", "amod", "nmod", "poss"}:
                affiliation = m
        for _, obj in prep_objects(token, ("of", "at", "for")):
            m = ctx.mentions.get(obj.i)
            if m is not None and m.type in _OWNER_TYPES:
                affiliation = affiliation or m
        words = [t for t in words if t.i not in ctx.mentions]
        start, end = min(t.idx for t in words), max(t.idx + len(t.text) for t in words)
        text = ctx.passage_text(start, end)
        name = " ".join(text.split())
        offset = ctx.passage.start
        title = Mention(ctx.passage.document.doc_id, offset + start, offset + end, text, "Position", name, f"position:{name.lower()}")
        found.append(Description(title, ctx.evidence(sent), affiliation))
    return found
