"""Titles and offices in a parse: spaCy Tokens -> the words of a title ("shadow home secretary",
"chief executive", "Secretary of State for Health"), without the names around it that say
whom the office belongs to ("Tory", "Ford", "Libya's") or whether it has ended ("former", "ex-").

Used by ``kg.components`` (a title before a person's name becomes a TITLE span) and by
``kg.extract.positions`` (titles in appositions, after copulas and "as").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from kg.gazetteer import country_code, is_first_name, party_name
from kg.lexicon import FORMER_WORDS, HOLDER_WORDS, ORGANIZATION_KINDS, ROYAL_STYLES, TITLE_HEADS, TITLE_MODIFIERS, is_honorific
from kg.syntax.phrases import DASHES

__all__ = ["RANKS_BEFORE_OWNER", "describes_holder", "hyphen_prefix", "is_plural", "is_title_head", "names_party_member", "office_names", "title_before", "title_portfolio", "title_words"]

#: Ranks written before an office's owner inside its title: "Deputy Labour leader", "Acting
#: Bank of England governor", "Shadow Labour chancellor".
RANKS_BEFORE_OWNER = frozenset({"deputy", "acting", "assistant", "vice", "shadow", "junior"})

#: Words that join the parts of a capitalised title ("Secretary of State for Health",
#: "Culture, Media and Sport Secretary").
_TITLE_JOINERS = frozenset({"of", "for", "and", "&", ","})
#: Entity labels that end a title: the name of whom the office belongs to, or of the holder.
_NAME_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON", "LOC", "FAC", "MONEY", "PERCENT", "DATE", "CARDINAL"})
_STOP_LOWER = frozenset(
    """the a an this that these those his her its their our my your who which whose said says told
    with by from at in on to as than then also and or but""".split()
)


#: Words that place a title holder among others rather than name the office.
_RANKING_WORDS = frozenset({"other", "another", "same", "such", "best", "worst", "most", "least"})


def _base(word: str) -> str:
    """"co-chairman" -> "chairman", "ex-minister" -> "minister": the head a prefixed title builds on."""
    lower = word.lower()
    for prefix in ("co-", "vice-", "deputy-", "ex-", "acting-"):
        if lower.startswith(prefix) and len(lower) > len(prefix) + 2:
            return lower[len(prefix) :]
    return lower


#: Words that may stand before a title's head without ending the walk left over it: modifiers
#: ("shadow", "deputy") and the marks of an ended office ("former", "ex-").
_MODIFIER_OR_FORMER = TITLE_MODIFIERS | FORMER_WORDS
#: Nouns after which a party adjective names the party: "Conservative MP", "Republican voters".
_PARTY_NOUNS = frozenset(
    "mp mps party member members candidate candidates voters voter supporters activists government councillor councillors peer peers".split()
)


def names_party_member(following: Token | None) -> bool:
    """True when the word after a party adjective makes it name the party: a title, a title's
    first word or a member noun ("Conservative MP", "Republican shadow ...", "Green voters")."""
    if following is None:
        return False
    lower = following.lower_
    doc = following.doc
    if following.i + 2 < len(doc) and doc[following.i + 1].text in DASHES and hyphen_prefix(doc[following.i + 2]) == following:
        # "Conservative co-chairman": the tokenizer split the title at its hyphen.
        return is_title_head(doc[following.i + 2])
    if is_title_head(following) or lower in _PARTY_NOUNS or lower in {"shadow", "deputy", "acting", "former"} or (lower in TITLE_MODIFIERS and following.is_lower):
        return True
    # "Conservative family spokeswoman", "Republican foreign policy adviser": a portfolio in
    # lower case, then the title.
    for token in doc[following.i : following.i + 3]:
        if not (token.is_lower and token.is_alpha and token.pos_ in {"NOUN", "ADJ"}):
            return False
        if token.i > following.i and is_title_head(token):
            return True
    return False


def is_title_head(token: Token) -> bool:
    """A word that can end a title: "minister", "chairman", "co-chairman", "MEP", "MPs"."""
    lower = token.lower_
    # Only a hyphenated word has a prefix to take off (asked of every noun of every sentence).
    return lower in TITLE_HEADS or ("-" in lower and _base(lower) in TITLE_HEADS) or (lower.endswith("s") and lower[:-1] in TITLE_HEADS and is_plural(token))


def is_plural(token: Token) -> bool:
    """A plural noun, by its tag or, for an acronym the tagger takes for a singular ("MPs",
    "MEPs"), by its spelling."""
    return token.tag_ in {"NNS", "NNPS"} or (len(token.text) > 2 and token.text.endswith("s") and token.text[:-1].isupper())


def describes_holder(token: Token) -> bool:
    """A word before a title that describes its holder, not the office: a superlative ("the
    youngest MP", "the most recent MP") or the holder's sex or the like ("a gay MP",
    :data:`kg.lexicon.HOLDER_WORDS`)."""
    return token.lower_ in HOLDER_WORDS or token.tag_ in {"JJS", "RBS"} or token.lower_ in {"most", "least"} or any(
        c.dep_ == "advmod" and c.lower_ in {"most", "least"} for c in token.children)


def _is_modifier(token: Token) -> bool:
    """A word that may stand inside a title before its head: listed modifiers and portfolios in
    any case ("shadow", "Treasury"), and plain lower-case nouns and adjectives ("political
    editor", "school inspection chief")."""
    lower = token.lower_
    if lower in TITLE_MODIFIERS or is_title_head(token) or lower in FORMER_WORDS:
        return True
    if lower in _STOP_LOWER or token.like_num or token.is_punct:
        return False
    if describes_holder(token) or lower in _RANKING_WORDS:
        # "the world's greatest economist", "five other barristers", "the first female
        # education secretary": a ranking, a count of people or the holder, not the office.
        return False
    if token.is_lower and token.pos_ in {"NOUN", "ADJ", "PROPN"} and token.tag_ not in {"NNS", "NNPS"} and not token.ent_type_:
        return True
    return token.is_title and token.pos_ in {"NOUN", "PROPN", "ADJ"} and not token.ent_type_


def _is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_MODIFIERS or is_title_head(token) or token.lower_ in _TITLE_JOINERS


def _portfolio_after_head(doc: Doc, end: int) -> bool:
    """"Secretary of State [Marco Rubio]", "Minister for Work [Jane Kennedy]": a capitalised title
    whose head comes before an "of"/"for" portfolio that ends right before the name."""
    i = end - 1
    while i > 0 and end - i <= 4 and doc[i].is_title and doc[i].lower_ in TITLE_MODIFIERS:
        i -= 1
    return i < end - 1 and doc[i].lower_ in {"of", "for"} and i > 0 and is_title_head(doc[i - 1]) and doc[i - 1].is_title


def _lower_portfolio_for(doc: Doc, end: int) -> int | None:
    """Where the "for" of a lower-case portfolio ending at ``end`` is, after a title head:
    "Shadow spokesman for sport [Hugh Robertson]", "minister for civil aviation [Praful Patel]"."""
    i = end - 1
    while i > 0 and end - i <= 3 and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"} and doc[i].lower_ not in _STOP_LOWER:
        i -= 1
    if i < end - 1 and doc[i].lower_ == "for" and i > 0 and is_title_head(doc[i - 1]) and doc[i - 1].lower_ not in {"candidate", "candidates"}:
        return i
    return None


def _names_party(doc: Doc, i: int, end: int) -> bool:
    """True when the word at ``i`` (or with the words before it) names a party before the title.

    "Labour" before a capitalised "Minister" or "Secretary" is the portfolio of labour, not the party.
    """
    token = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if token.text == "Labour" and nxt is not None and nxt.is_title and nxt.lower_ in {"minister", "secretary", "ministry", "office"}:
        return False
    # Up to four words: "Lib Dem", "Scottish National Party", "Plaid Cymru", "Democratic Unionist Party".
    return any(party_name(doc[k : i + 1].text, before_title=True) for k in range(i, max(-1, i - 4), -1))


def _title_read_as_verb(doc: Doc, i: int) -> bool:
    """"Airbus head Noel Forgeard": a title noun the parser took for a verb between a name and
    a person's name."""
    token = doc[i]
    return token.lower_ in {"head", "chair", "boss"} and token.tag_ in {"VBP", "VB"} and i > 0 and doc[i - 1].ent_type_ in {"ORG", "GPE", "NORP"} and bool(doc[i + 1].ent_type_ == "PERSON")


def title_before(doc: Doc, name_start: int) -> tuple[int, int] | None:
    """The (start, end) token span of the title right before a person's name, or None.

    Walks left from the name over the title's words: the head must stand right before the name
    (or before an honorific: "Deputy Prime Minister Mr Prescott"); modifiers, portfolios and
    "of"/"for"/"and" inside a capitalised title come before it. The walk stops at a determiner,
    a possessive, a verb or a named entity, which then says whom the office belongs to
    ("Tory co-chairman Liam Fox", "New York attorney general Elliot Spitzer").

    Examples:
        >>> import spacy
        >>> from spacy.tokens import Doc
        >>> doc = Doc(spacy.blank("en").vocab, words=["Tory", "co-chairman", "Liam", "Fox"],
        ...           pos=["PROPN", "NOUN", "PROPN", "PROPN"], tags=["NNP", "NN", "NNP", "NNP"],
        ...           ents=["B-NORP", "O", "B-PERSON", "I-PERSON"])
        >>> title_before(doc, 2)
        (1, 2)
    """
    end = name_start
    if end > 0 and is_honorific(doc[end - 1].text):
        end -= 1
    elif end > 1 and doc[end - 1].lower_ in ROYAL_STYLES and doc[end - 1].is_title and (is_title_head(doc[end - 2]) or (doc[end - 2].is_lower and doc[end - 2].pos_ == "NOUN")):
        # "Foreign Minister Prince Saud al-Faisal": the prince's style goes with his name, and
        # "billionaire investor Prince Alwaleed" holds no office "investor Prince".
        end -= 1
    if end == 0 or (doc[end - 1].pos_ in {"VERB", "AUX", "ADP", "DET", "PRON"} and not _title_read_as_verb(doc, end - 1)):
        return None
    portfolio_for = None if is_title_head(doc[end - 1]) else _lower_portfolio_for(doc, end)
    if not is_title_head(doc[end - 1]) and portfolio_for is None and not _portfolio_after_head(doc, end):
        return None
    # BBC style writes a title all capitalised ("Home Secretary") or all in lower case ("home
    # secretary"); a word of the other case before the head belongs to the owner or the sentence
    # ("chamber Speaker", "Equality chairman").
    capitalised = not doc[end - 1].is_lower
    i = end - 2
    while i >= 0:
        token = doc[i]
        if portfolio_for is not None and i >= portfolio_for:
            i -= 1  # the portfolio and its "for": the head comes before them
            continue
        if token.text in DASHES and (prefix := hyphen_prefix(doc[i + 1])) is not None and not prefix.ent_type_:
            # "co-chairman", "vice-president" split by the tokenizer: the prefix belongs to the title.
            i -= 1
            continue
        if _names_party(doc, i, end):
            break
        if token.ent_type_ in {"ORG", "NORP", "GPE", "PERSON"}:
            # A name the model tagged: part of the title only if every word of it is a title word
            # ("External Affairs", "Home Office"); else it is whom the office belongs to.
            first = i
            while first > 0 and doc[first].ent_iob_ == "I":
                first -= 1
            words = doc[first : i + 1]
            if token.ent_type_ == "PERSON" or not all(_is_title_word(t) or t.lower_ == "new" for t in words):
                # "U.S. Treasury" read as one name: the country is the owner, "Treasury" is the
                # title's; so is a party's portfolio ("Lib Dem Home Affairs spokesman", which the
                # model may read as a person's name).
                cut = i
                while cut >= first and _is_title_word(doc[cut]):
                    cut -= 1
                owner = doc[first : cut + 1].text
                if cut >= first and cut != i and (country_code(owner) or party_name(owner, before_title=True)):
                    i = cut
                break
        elif token.ent_type_ in _NAME_LABELS:
            break
        if token.lower_ == "under" and token.is_lower:
            break  # "served under Presidents Carter and Reagan": a preposition, not "Under Secretary"
        if token.lower_ in _TITLE_JOINERS:
            # Inside a capitalised title ("Secretary of State for Health", "Work and Pensions
            # Secretary"), or "and" between two lower-case portfolio words ("work and pensions
            # spokesman"; not "leader and prime minister", two offices).
            lower_portfolio = (
                token.lower_ == "and" and not capitalised and i > 0 and _lower_or_opening(doc[i - 1]) and doc[i + 1].is_lower
                and not is_title_head(doc[i - 1]) and doc[i - 1].lower_ not in _STOP_LOWER and doc[i - 1].is_alpha
            )
            if i == 0 or not (lower_portfolio or doc[i + 1].is_title and (doc[i - 1].is_title or doc[i - 1].text == ",")):
                break
            if token.text == "," and not (i >= 1 and doc[i - 1].is_title and any(doc[k].lower_ == "and" for k in range(i + 1, end))):
                break
            i -= 1
            continue
        if token.is_alpha and not capitalised and not token.is_lower and not token.is_sent_start and token.lower_ not in _MODIFIER_OR_FORMER:
            break
        if token.is_alpha and capitalised and token.is_lower and token.lower_ not in _MODIFIER_OR_FORMER and token.lower_ != "new":
            break
        if token.is_title and token.tag_ == "NNP" and token.lower_ not in _MODIFIER_OR_FORMER and not is_title_head(token) and token.lower_ != "new":
            # "Gazprom chief", "Airbus head": a proper name before a title is its organisation.
            break
        inner_plural = (
            # "public accounts committee chairman", "work and pensions spokesman": a plural noun
            # inside a lower-case title, never its first word before the head.
            # (The tagger may read such a plural as a verb: "Public accounts committee".)
            token.is_lower and (token.tag_ == "NNS" or token.tag_ == "VBZ" and token.dep_ == "compound") and not capitalised and token.lower_ not in _STOP_LOWER and i > 0
            and _lower_or_opening(doc[i - 1]) and (doc[i - 1].lower_ == "and" or _is_modifier(doc[i - 1]))
        )
        if not _is_modifier(token) and token.lower_ != "new" and not inner_plural:
            break
        i -= 1
    start = i + 1
    # A joiner or a lower-case filler may not start a title.
    while start < end - 1 and (doc[start].lower_ in _TITLE_JOINERS or doc[start].text == ","):
        start += 1
    start = _past_owner_of(doc, start, end)
    if end - start == 2 and doc[end - 1].lower_ in {"leader", "leaders"} and doc[start].lower_ in _STANDINGS:
        return None  # "market leader Best Buy": a firm's standing, not an office
    return (start, end)


#: What a firm leads when it is "the market leader": its standing among firms.
_STANDINGS = frozenset({"market", "industry", "sector"})


def _past_owner_of(doc: Doc, start: int, end: int) -> int:
    """Where a lower-case title starts once the "of" name of its owner is left to the owner:
    "Royal Bank of Scotland chief executive" (the model's "Royal Bank" and "Scotland"), where
    "Scotland" would otherwise stand as a portfolio ("Scotland Secretary")."""
    if not (start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].ent_type_ in {"ORG", "FAC"} and doc[end - 1].is_lower):
        return start
    name = start
    while name < end - 1 and doc[name].ent_type_ in {"GPE", "LOC", "ORG"} and (name == start or doc[name].ent_iob_ == "I"):
        name += 1
    return name


def _lower_or_opening(token: Token) -> bool:
    """A lower-case word, or one capitalised only because it opens the sentence ("Public accounts
    committee chairman Edward Leigh said")."""
    return token.is_lower or (token.is_sent_start and token.is_title)


def hyphen_prefix(noun: Token) -> Token | None:
    """The first part of a hyphenated title the tokenizer split off ("vice" of "vice-chairman",
    "co" of "co-head"), which the parser may leave stranded beside the head, or None."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text in DASHES and not doc[noun.i - 1].whitespace_ and not doc[noun.i - 2].whitespace_ and doc[noun.i - 2].is_alpha:
        return doc[noun.i - 2]
    return None


def title_portfolio(noun: Token) -> list[Token]:
    """The words after ``noun`` inside its TITLE span (:func:`office_names`: "[Minister] for
    Defence Procurement"), whatever the parse made of them."""
    doc = noun.doc
    if noun.ent_type_ != "TITLE":
        return []
    end = noun.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "TITLE":
        end += 1
    return list(doc[noun.i + 1 : end])


#: Spans of time an "of" after a title may measure the holder against ("the best manager of his
#: generation"): no portfolio.
_TIME_SPANS = frozenset("time times era age generation decade century history year years day days".split())


def title_words(noun: Token) -> list[Token]:
    """The words of a title headed by ``noun`` in an apposition or after a copula: its modifiers
    before it (not determiners, possessives or names) and an "of"/"for" complement that names a
    portfolio rather than an organisation ("head of currency strategy", "Chancellor of the
    Exchequer", but not "chief executive of [Ford]")."""
    words = [noun]
    prefix = hyphen_prefix(noun)
    if prefix is not None:
        words += [prefix, noun.doc[noun.i - 1]]
    words += title_portfolio(noun)
    for child in sorted(noun.lefts, key=lambda t: -t.i):
        if child.dep_ in {"det", "poss", "predet", "case", "punct", "cc"} or child.ent_type_ in _NAME_LABELS:
            continue
        if child.dep_ in {"compound", "amod", "nmod", "advmod"} and is_title_head(child) and any(c.dep_ == "cc" for c in child.children):
            # "a QC and international law professor", which the parser reads as "[QC and
            # international] law professor": the first title is an office of its own.
            words += [t for c in child.children if c.dep_ == "conj" for t in c.subtree if t.ent_type_ not in _NAME_LABELS and t.dep_ not in {"det", "poss", "case", "punct"}]
        elif child.dep_ in {"compound", "amod", "nmod", "advmod"} and _is_modifier(child):
            words += [t for t in child.subtree if not t.ent_type_ in _NAME_LABELS and t.dep_ not in {"det", "poss", "case", "punct"} and t.lower_ not in HOLDER_WORDS]
    for prep in noun.rights:
        if prep.dep_ != "prep" or prep.lower_ not in {"of", "for"}:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects or any(t.ent_type_ in _NAME_LABELS - {"ORG"} for t in objects[0].subtree):
            continue
        phrase = [t for t in objects[0].subtree]
        if objects[0].lemma_.lower() in ORGANIZATION_KINDS:
            continue  # "head of gaming industry body ELSPA": an organisation, whom the office belongs to
        if objects[0].lemma_.lower() in _TIME_SPANS:
            continue  # "the longest-serving chancellor of modern times": when, not which office
        if any(not t.is_lower and t.is_alpha and t.lower_ not in TITLE_MODIFIERS for t in phrase):
            # "chief executive of [the Family Planning Association]", "founder of [easyJet]": a
            # name, whom the office belongs to, not a portfolio ("head of currency strategy").
            continue
        if len(phrase) <= 4:
            words += [prep, *phrase]
    return sorted(set(words), key=lambda t: t.i)


#: Heads of the capitalised government offices that name a portfolio after them ("Secretary of
#: State for Health", "Minister for Europe", "Commissioner for Trade").
_PORTFOLIO_HEADS = frozenset({"secretary", "minister", "commissioner"})
#: Title words before a head that rank the office, or name the body it belongs to, rather than
#: its portfolio ("Deputy Minister", "General Secretary", "Cabinet Secretary", "Treasury Secretary").
_NOT_PORTFOLIO_WORDS = frozenset(
    """shadow deputy acting junior senior chief first second prime principal assistant state former vice
    interim under general permanent executive managing parliamentary private lord high grand privy
    independent special national royal leader president chancellor attorney solicitor cabinet treasury
    exchequer crown council party office""".split()
)
#: Entity labels a portfolio never holds: a person ends it, a country or place is whom the office
#: belongs to ("Minister for Foreign Affairs of Singapore"; "Secretary of State for India" keeps
#: India as the owner, as it was).
_NOT_PORTFOLIO = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


def _modifiers_before(doc: Doc, i: int, end: int) -> int:
    """Where the capitalised title words right before token ``i`` start ("Shadow", "Home"): not
    a party's name nor a country's."""
    start = i
    while start > 0 and doc[start - 1].is_title and doc[start - 1].lower_ in TITLE_MODIFIERS and not _names_party(doc, start - 1, end) and not country_code(doc[start - 1].text):
        start -= 1
    return start


def _portfolio_before(doc: Doc, start: int, head: int) -> bool:
    """Whether the capitalised title words before a head are the whole office's name and name
    its portfolio ("the Home Secretary's plans", "Health Minister"), not only its rank ("Deputy
    Minister") or a body that is its owner ("Cabinet Secretary": the Cabinet's); the model
    reads "Home" there as an organisation of its own. A capitalised word before them leaves the
    title to the model ("the Higher Education Minister")."""
    if start > 0 and (doc[start - 1].is_title or doc[start - 1].is_upper) and doc[start - 1].pos_ not in {"DET", "PRON"}:
        return False  # "Monetary Affairs Commissioner", "Trade and Industry Secretary"
    return any(doc[k].lower_ not in _NOT_PORTFOLIO_WORDS and _portfolio_word(doc[k]) for k in range(start, head))


def _portfolio_word(token: Token) -> bool:
    if not (token.is_title and token.is_alpha) or party_name(token.text, before_title=True):
        return False
    # "for Culture, Media and Sport Tessa Jowell": the model's name may start with the
    # portfolio's last word; a first name after it starts the holder's.
    return token.ent_type_ not in _NOT_PORTFOLIO or (token.ent_iob_ == "B" and not is_first_name(token.text) and _name_starts(token.doc, token.i + 1))


def _name_starts(doc: Doc, i: int) -> bool:
    """A person's name starts at ``i`` (a first name before another capitalised word): the
    holder after a portfolio, "Secretary of State for Scotland Alistair Darling", which the model
    may read as one name with the portfolio."""
    return i + 1 < len(doc) and is_first_name(doc[i].text) and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha


def _portfolio_end(doc: Doc, i: int) -> int | None:
    """Where the portfolio after "for" at ``i`` ends: one group of capitalised words ("for
    Trade"), two joined by "and" ("for Trade and Industry"), or a list of them ending in "and"
    ("for Culture, Media and Sport"); a comma with no such list after it ends the title ("the
    Minister for Trade, Simon Birmingham"). None when no portfolio follows, or the words name an
    organisation ("for the Conservative Party", "for the Environment Agency")."""
    if i >= len(doc) or doc[i].lower_ != "for":
        return None
    k = i + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    groups: list[tuple[int, int]] = []
    joiners: list[str] = []
    while True:
        start = k
        while k < len(doc) and k - start < 4 and _portfolio_word(doc[k]) and not (k > start and _name_starts(doc, k)):
            k += 1
        if k == start:
            break
        groups.append((start, k))
        if k + 1 < len(doc) and (doc[k].lower_ in {"and", "&"} or doc[k].text == ","):
            joiners.append("," if doc[k].text == "," else "and")
            k += 1
            continue
        break
    if not groups:
        return None
    end = groups[0][1]
    for n, joiner in enumerate(joiners):
        if n + 1 >= len(groups):
            break
        if joiner == "and":
            end = groups[n + 1][1]
            break
    if any(doc[k].lower_ in ORGANIZATION_KINDS for k in range(groups[0][0], end) if doc[k].text != ","):
        return None
    return end


def office_names(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) token spans of capitalised government offices named with their portfolio,
    wherever they stand: "Shadow Secretary of State for the Family", "Secretary of State for
    Culture, Media and Sport", "State Minister for National Development Planning". The model
    reads words of such names as organisations ("Shadow", "State for Culture", "Media"); as one
    title they are the office's, and what follows "for" is its portfolio, not its owner.

    Only a title-case head with "of State" or a "for" portfolio after it counts; the capitalised
    title words before the head ("Shadow", "State", "Deputy") are part of the name, a party's or
    a country's name is not.
    """
    found: list[tuple[int, int]] = []
    for head in doc:
        if not (head.is_title and head.lower_ in _PORTFOLIO_HEADS):
            continue
        end = head.i + 1
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].text == "State":
            end += 2
        portfolio = _portfolio_end(doc, end)
        start = _modifiers_before(doc, head.i, end)
        if start < head.i and start >= 2 and doc[start - 1].lower_ in {"and", "&"} and _modifiers_before(doc, start - 1, end) < start - 1:
            start = _modifiers_before(doc, start - 1, end)  # "the Trade and Industry Secretary"
        if portfolio is None and end == head.i + 1 and (start == head.i or not _portfolio_before(doc, start, head.i)):
            continue
        found.append((start, portfolio or end))
    return found
