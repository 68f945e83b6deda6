"""Resolution: the extractions of all documents -> one ``KnowledgeGraph``, one entity per real thing.

Mentions become entities (``resolve_mentions``); a position becomes an office with its
affiliation ("chief executive of Ford"), or stays a literal title when no organisation or
country is named for it; then statements are tidied (one per claim per document, no bare title
beside a fuller one for the same person).
"""
from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from kg import predicates
from kg.gazetteer import country_code, demonym_code, gender_of, is_first_name, party_country, party_name
from kg.lexicon import PEERAGE_STYLES, ROYAL_STYLES, is_honorific
from kg.model import Argument, Description, Entity, Extraction, KnowledgeGraph, Mention, Qualifiers, Statement, article_key, is_described, key_article
from kg.normalize import TITLE_ABBREVIATIONS, title_key

__all__ = [
    "MentionResolver", "PersonName", "assign_ids", "distinct_mentions", "entity_label", "family_first", "group_key", "id_family", "make_entity",
    "mark_styles", "person_decisions", "person_names", "person_parts", "position_label", "rare_limit", "resolution_inputs",
    "resolve_graph", "resolve_mentions", "self_vouched", "settle_document", "settle_types", "slugify", "surname", "title_key",
]

log = logging.getLogger(__name__)

_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "it", "its", "they", "them", "their"})


@functools.lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """A lower-case ASCII slug for IRIs and ids (remembered: resolution slugs each label again
    for every id it tries and every office it names).

    Examples:
        >>> slugify("S. Jaishankar")
        's-jaishankar'
        >>> slugify("Côte d’Ivoire")
        'cote-d-ivoire'
    """
    # Apostrophes separate words ("d’Ivoire"); fold accents only after that.
    text = re.sub(r"[’'`ʼ]", " ", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def person_parts(key: str) -> list[str]:
    return key.split(":", 1)[1].replace("-", " ").split()


#: Common Chinese and Korean family names, which news writes first ("Wen Jiabao", "Roh Moo-hyun").
_FAMILY_FIRST = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun zhu hu guo lin luo gao zheng liang xie
    song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang du cheng wei su lu ding
    shen yao jin wen jia kim lee park choi jung kang cho yoon jang lim roh moon ahn ban""".split()
)


def _compatible(short: list[str], full: list[str]) -> bool:
    """True when a shorter person name can be the same person as a fuller one.

    "jaishankar" fits "s jaishankar"; "s jaishankar" fits "subrahmanyam jaishankar";
    "marco rubio" does not fit "mario rubio"; "wang" fits "wang yan".
    """
    if len(short) == 1 and 2 <= len(full) <= 3 and full[0] == short[0] and short[0] in _FAMILY_FIRST:
        return True  # "Mr Wang" is Wang Yan: Chinese and Korean names put the family name first
    if len(short) > len(full) or short[-1] != full[-1]:
        return False
    if len(short) == 1 or full[-len(short) :] == short:
        # "de vido" fits "julio de vido": the short name is the end of the full one.
        return True
    for a, b in zip(short[:-1], full[: len(short) - 1], strict=False):
        if a != b and not (len(a) == 1 and b.startswith(a)) and not (len(b) == 1 and a.startswith(b)):
            return False
    return True


def is_fuller_name(key: str, other: str) -> bool:
    """Whether person key ``other`` is a fuller name that ``key`` could join (the candidates of
    :func:`person_decisions`): more words or letters, and compatible.

    >>> is_fuller_name("person:blair", "person:tony blair"), is_fuller_name("person:tony blair", "person:blair")
    (True, False)
    """
    short, full = person_parts(key), person_parts(other)
    return (len(full), sum(map(len, full))) > (len(short), sum(map(len, short))) and _compatible(short, full)


_FEMALE_HONORIFICS = frozenset("mrs mrs. ms ms. miss lady dame baroness".split())
#: Courtesy titles news gives to people who have no other style: a knight is "Sir Ian", never
#: "Mr Blair", so "Mr Blair" beside Sir Ian Blair and Tony Blair is Tony Blair.
_PLAIN_HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss".split())
_MALE_HONORIFICS = frozenset("mr mr. sir lord baron".split())
#: A knight's, dame's or peer's honorific: never "Mr" in the same article.
_RAISED = PEERAGE_STYLES | frozenset({"sir", "dame"})
#: Peers are named by title ("Lord Hamilton"), which need not be their surname: such a name joins
#: only a name that carries the same kind of title. Royal and judicial styles work the same way:
#: "Prince Charles" is not Ray Charles, "Mr Justice Sullivan" not Scott Sullivan.
_STYLES = PEERAGE_STYLES | ROYAL_STYLES | frozenset({"justice", "judge"})
#: A one-word name joins a fuller name of another article only when its own article calls it a
#: person ("Mr Frost", a title) or shares a rarely named thing with the fuller name's articles.
_RARE_SHARE = 0.02


def _honorific(m: Mention) -> str:
    words = m.text.split()
    return words[0].lower() if len(words) > 1 else ""


@dataclass
class PersonName:
    """What the mentions of one person key in one document say: gender, peerage, a display form."""

    key: str
    display: str
    gender: str | None = None
    peer: bool = False
    #: The article writes it with an honorific or style ("Mr Letwin", "President Putin").
    styled: bool = False
    #: The article writes it with a plain courtesy title ("Mr Blair", "Mrs Beckett").
    plain: bool = False
    #: The article writes it with a knight's, dame's or peer's style ("Sir Ian Blair", "Lord Butler").
    knighted: bool = False


def person_names(mentions: list[Mention]) -> dict[tuple[str, str], PersonName]:
    out: dict[tuple[str, str], PersonName] = {}
    for m in mentions:
        name = out.setdefault((m.doc_id, m.key), PersonName(m.key, m.text))
        honorific = _honorific(m)
        if any(w.lower().rstrip(".") in _STYLES for w in m.text.split()[:-1]):
            name.peer = True
        if honorific:
            name.styled = True
        if honorific in _PLAIN_HONORIFICS:
            name.plain = True
        if honorific in _RAISED:
            name.knighted = True
        gender = "f" if honorific in _FEMALE_HONORIFICS else "m" if honorific in _MALE_HONORIFICS else gender_of(m)
        if gender and name.gender is None:
            name.gender = gender
    return out


def _person_groups(
    mentions: list[Mention], context: dict[str, set[str]] | None = None, offices: Mapping[tuple[str, str], set[str]] | None = None,
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """Map (doc_id, person key) to the key of the fullest name it can be, when that is unambiguous
    and safe, and give the reason for every join across documents.

    Chains of keys ("jaishankar" -> "s jaishankar" -> "subrahmanyam jaishankar") end at the
    fullest; the document's own names are tried before the whole corpus. A name never joins one
    of the other gender ("Mrs Howard" and "Michael Howard"), and a peer's title ("Lord
    Hamilton") joins only a name with the same kind of title. Across documents, a one-word name
    joins the one fuller name of the corpus it fits; with none, it stays its document's own
    ("Abdullah" of one article is not the "Abdullah" of another).
    """
    names = person_names(mentions)
    offices = offices or {}
    mark_styles(names, offices)
    context = context or {}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for doc_id, key in names:
        docs_of[key].add(doc_id)
    frequency: Counter = Counter(k for keys in context.values() for k in keys)
    rare = {k for k, n in frequency.items() if n <= rare_limit(len(context))}

    def vouched(doc_id: str, short: PersonName, full: str) -> bool:
        """A one-word name's article says it is a person, or shares a rare name with the fuller one's."""
        if self_vouched(short, doc_id, offices):
            return True
        around = {k for d in docs_of[full] if d != doc_id for k in context.get(d, ())}
        return bool((context.get(doc_id, set()) & around & rare) - {short.key, full})

    return person_decisions(names, vouched, offices)


def mark_styles(names: dict[tuple[str, str], PersonName], offices: Mapping[tuple[str, str], set[str]]) -> None:
    """A royal, judicial or peer's style read as an office ("Mr Justice Sullivan") makes the name a peer's."""
    for pair, heads in offices.items():
        if pair in names and heads & _STYLES:
            names[pair].peer = True


def rare_limit(documents: int) -> float:
    """The most documents a key may be named in and still be rare (see :data:`_RARE_SHARE`)."""
    return max(2, _RARE_SHARE * documents)


def self_vouched(name: PersonName, doc_id: str, offices: Mapping[tuple[str, str], set[str]] | None) -> bool:
    """A one-word name its own article calls a person: with an honorific, a style or an office."""
    return name.styled or name.peer or (doc_id, name.key) in (offices or {})


def surname(key: str) -> str:
    """The last word of a person key, which every fuller name of another document it can join
    ends with (the blocking key)."""
    return (person_parts(key) or [""])[-1]


def family_first(key: str) -> str | None:
    """The first word of a person key that a one-word name of its own document can be (a
    Chinese or Korean family name: "Mr Wang" is Wang Yan), else None."""
    parts = person_parts(key)
    return parts[0] if 2 <= len(parts) <= 3 and parts[0] in _FAMILY_FIRST else None


#: How many times more articles must give one fuller name than all the other fuller names of
#: its surname together for a name elsewhere to mean it: the usual bearer of the surname in the
#: corpus, as an entity linker's prior picks the usual sense of a name.
DOMINANT = 10


def person_decisions(
    names: dict[tuple[str, str], PersonName], vouched: Callable[[str, PersonName, str], bool], offices: Mapping[tuple[str, str], set[str]] | None = None,
    decide: Callable[[tuple[str, str]], bool] | None = None,
) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str]]:
    """The target key and the reason of every (doc_id, person key) of ``names`` (those ``decide``
    accepts), given how to ask whether a one-word name joining ``full`` across documents is
    vouched for, and the head words of each name's offices.

    Across documents a name joins only a fuller name of the same surname, and within its document
    also one that starts with it (:func:`family_first`), so the names of one surname, with those
    of their documents that start with it, decide alone: ``kg.blocks`` calls this one block of
    surnames at a time.
    """
    offices = offices or {}
    offices_of: dict[str, set[str]] = defaultdict(set)
    for (_, key), heads in offices.items():
        offices_of[key] |= heads
    keys_by_doc: dict[str, set[str]] = defaultdict(set)
    for doc_id, key in names:
        keys_by_doc[doc_id].add(key)
    genders: dict[str, set[str]] = defaultdict(set)
    peers: dict[str, bool] = defaultdict(bool)
    raised: dict[str, bool] = defaultdict(bool)
    for (_, key), name in names.items():
        if name.gender:
            genders[key].add(name.gender)
        peers[key] = peers[key] or name.peer
        raised[key] = raised[key] or name.knighted
    all_keys = {key for _, key in names}
    # Each key's words and size once, not once for every candidate it is weighed against.
    parts_of = {key: person_parts(key) for key in all_keys}
    size_of = {key: (len(parts), sum(map(len, parts))) for key, parts in parts_of.items()}
    # In how many articles each name is given (names hold every article of a surname's keys).
    articles = Counter(key for _, key in names)

    # A fuller name ends with the same word (_compatible), so the corpus-wide search looks only
    # at the names sharing that last word: linear in the corpus instead of quadratic.
    by_surname: dict[str, set[str]] = defaultdict(set)
    for key in all_keys:
        by_surname[surname(key)].add(key)

    def fits(short: PersonName, full: str, local: bool = False) -> bool:
        if short.gender and genders[full] and short.gender not in genders[full]:
            return False
        if local and short.plain and raised[full]:
            return False  # an article that calls a man "Sir Ian Blair" calls Tony Blair "Mr Blair"
        # A peer's title joins a plain name only in its own article, which names the peer:
        # "Lord Butler ... Robin Butler", but not "Lord Hamilton" and a Hamilton elsewhere.
        return not short.peer or peers[full] or (local and short.knighted)

    def best(short: PersonName, pool: set[str], strict: bool = False) -> tuple[str | None, list[str]]:
        """The one fuller name ``short`` can be. Within a document, gender and title choose among
        candidates; across documents (``strict``) a plain courtesy title rules knights out, and
        of two or more candidates left (of any gender) one must be the corpus's usual bearer of
        the surname (:data:`DOMINANT`), and of the same gender. Also the candidates passed over
        for the usual bearer."""
        key = short.key
        parts, size = parts_of[key], size_of[key]
        fuller = [k for k in pool if k != key and size_of[k] > size and _compatible(parts, parts_of[k])]
        if not strict:
            fuller = [k for k in fuller if fits(short, k, local=True)]
        elif short.plain:
            # Nor across articles: news calls a knight "Sir Ian" again, never "Mr Blair", so a
            # plain "Mr Blair" elsewhere is not the corpus's Sir Ian Blair.
            fuller = [k for k in fuller if not raised[k]]
        # Keep only the maximal candidates: "S. Jaishankar" and "Subrahmanyam Jaishankar" are one chain.
        maximal = [k for k in fuller if not any(o != k and size_of[o] > size_of[k] and _compatible(parts_of[k], parts_of[o]) for o in fuller)]
        passed_over: list[str] = []
        if strict and len(maximal) > 1:
            # A name the corpus gives far more often than all the others of the surname together
            # is the one a bare reference in another article means ("Mr Blair": Tony Blair, not
            # the "Vote Blair" of a slogan quoted once).
            usual = max(maximal, key=lambda k: (articles[k], k))
            if articles[usual] >= DOMINANT * sum(articles[k] for k in maximal if k != usual):
                passed_over = sorted(k for k in maximal if k != usual)
                maximal = [usual]
        if len(maximal) == 1 and fits(short, maximal[0], local=not strict):
            return maximal[0], passed_over
        return None, []

    target: dict[tuple[str, str], str] = {}
    reasons: dict[tuple[str, str], str] = {}
    for doc_id in sorted(keys_by_doc):
        pool = keys_by_doc[doc_id]
        for key in sorted(pool):
            if decide is not None and not decide((doc_id, key)):
                continue  # a candidate only, decided in its own block
            name = names[(doc_id, key)]
            local, _ = best(name, pool)
            if local is not None:
                target[(doc_id, key)] = local
                continue
            found, passed_over = best(name, by_surname[surname(key)], strict=True)
            if found is not None and len(parts_of[key]) == 1 and not vouched(doc_id, name, found):
                found = None  # "Breakfast with Frost" is no article about David Frost
            if found is not None and offices.get((doc_id, key)) and offices_of[found] and not offices.get((doc_id, key)) & offices_of[found]:
                found = None  # "President Carter" is no general secretary
            if found is not None:
                target[(doc_id, key)] = found
                why = "the one fuller name it fits in the corpus"
                if passed_over:
                    others = ", ".join(k.split(":", 1)[1] for k in passed_over)
                    why = (f"the fuller name the corpus gives most often ({articles[found]} articles, "
                           f"against {sum(articles[k] for k in passed_over)} for {others})")
                if name.gender:
                    why += ", of the same gender"
                reasons[(doc_id, key)] = f"{name.display} ({doc_id}) -> {found.split(':', 1)[1]}: {why}"
            elif len(parts_of[key]) == 1:
                target[(doc_id, key)] = article_key(key, doc_id)
            else:
                target[(doc_id, key)] = key
    return target, reasons


def _acronyms(mentions: list[Mention]) -> dict[tuple[str, str], tuple[str, str]]:
    """(doc_id, key) of an organisation acronym left unexpanded in its document -> (the key of the
    one name it was expanded to in another document, the reason)."""
    expanded: dict[str, set[str]] = defaultdict(set)
    where: dict[tuple[str, str], str] = {}
    for m in mentions:
        text = m.text.strip()
        if m.type == "Organization" and text.isupper() and 2 <= len(text) <= 6 and m.key != f"organization:{text.lower()}":
            expanded[text].add(m.key)
            where.setdefault((text, m.key), m.doc_id)
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for m in mentions:
        text = m.text.strip()
        keys = expanded.get(text, set())
        if m.type == "Organization" and m.key == f"organization:{text.lower()}" and len(keys) == 1:
            (key,) = keys
            out[(m.doc_id, m.key)] = (key, f"{text} ({m.doc_id}) -> {key.split(':', 1)[1]}: the acronym's one expansion, in {where[(text, key)]}")
    return out


def distinct_mentions(mentions: Iterable[Mention]) -> list[Mention]:
    """Each mention once, in the order resolution reads them: by document, place and key.

    By a tuple of the fields rather than the records' own hash and a sort key: a fifth of the
    time (0.03 against 0.1 s for the 60,000 mentions of 1,600 articles), with the same order.
    """
    distinct = {(m.doc_id, m.start, m.end, m.key, m.text, m.type, m.name): m for m in mentions}
    return [distinct[fields] for fields in sorted(distinct)]


def resolve_mentions(
    mentions: Iterable[Mention], offices: Mapping[tuple[str, str], set[str]] | None = None
) -> tuple[tuple[Entity, ...], dict[tuple[str, int, int], str]]:
    """Group mentions into entities and give each a stable id.

    Args:
        mentions: every mention of every document (order does not matter).
        offices: (doc_id, person key) -> the head words of the offices the article gives the
            person ("President Putin": {"president"}). An office vouches that a one-word name is a
            person's; a peer's, royal or judicial style ("Prince", "Justice") joins, like "Lord
            Hamilton", only names with such a style; and a one-word name does not join another
            article's full name that holds only other offices ("President Carter" is not Labour's
            general secretary Matt Carter).

    Returns:
        The entities sorted by id, and a map from (doc_id, start, end) of each mention to its entity id.
        Each entity lists why mentions of several documents were joined (``Entity.merges``).
    """
    mentions = distinct_mentions(mentions)
    persons = [m for m in mentions if m.type == "Person"]
    context: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        context[m.doc_id].add(m.key)
    person_target, reasons = _person_groups(persons, context, offices)
    acronyms = _acronyms(mentions)
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    why: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        key, reason = group_key(m, person_target, reasons, acronyms)
        if reason:
            why[(m.type, key)].add(reason)
        groups[(m.type, key)].append(m)
    labels = {group: entity_label(members) for group, members in groups.items()}
    ids = assign_ids((kind, key, labels[(kind, key)]) for kind, key in groups)
    entities: list[Entity] = []
    mapping: dict[tuple[str, int, int], str] = {}
    for (kind, key), members in sorted(groups.items()):
        entity = make_entity(ids[(kind, key)], kind, members, why[(kind, key)], labels[(kind, key)])
        entities.append(entity)
        for m in members:
            mapping[(m.doc_id, m.start, m.end)] = entity.entity_id
    return tuple(sorted(entities, key=lambda e: e.entity_id)), mapping


def group_key(
    m: Mention, person_target: dict[tuple[str, str], str], reasons: dict[tuple[str, str], str], acronyms: dict[tuple[str, str], tuple[str, str]]
) -> tuple[str, str | None]:
    """The key of the entity a mention joins (with its type), and why it joins across documents."""
    if m.type == "Person":
        key, reason = person_target.get((m.doc_id, m.key), m.key), reasons.get((m.doc_id, m.key))
    elif (m.doc_id, m.key) in acronyms:
        key, reason = acronyms[(m.doc_id, m.key)]
    else:
        key, reason = m.key, None
    return spelling_key(key), reason


@functools.lru_cache(maxsize=65_536)
def spelling_key(key: str) -> str:
    """One key for the spellings of one name that differ only in punctuation: "Kilroy-Silk" and
    "Kilroy Silk", "Mercedes-Benz" and "Mercedes Benz", "Bankers' Association" and "Bankers
    Association", a stray "[European] election" (letters and digits of any script are kept;
    a name of punctuation alone keeps its key).

    >>> spelling_key("organization:mercedes-benz"), spelling_key("person:frost/#bbc-politics-290")
    ('organization:mercedes benz', 'person:frost#bbc-politics-290')
    """
    article = key_article(key)
    name = key[: -len(article) - 1] if article is not None else key
    kind, _, words = name.partition(":")
    plain = " ".join(re.findall(r"[^\W_]+", words))
    if not plain:
        return key
    return f"{kind}:{plain}" if article is None else article_key(f"{kind}:{plain}", article)


def id_family(kind: str, label: str) -> str:
    """The ids an entity can take: ``<type>/<slug>`` and the same with a number, and every other
    entity whose slug is that family's ("x-2" is of family "x"); ids are unique within a family
    alone, so :func:`assign_ids` can run one family at a time."""
    return f"{kind.lower()}/{re.sub(r'(-[0-9]+)+$', '', slugify(label))}"


def assign_ids(groups: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str], str]:
    """(type, key) -> entity id for (type, key, label) groups.

    An entity keeps its id as articles are added (a graph grows every day, and a link to
    yesterday's ``person/frost-7`` must not lead to another Frost today, as numbering the
    articles' one-word Frosts in order did):

    - a name known only in its own article (:func:`article_key`) carries the article:
      ``person/frost--bbc-politics-055``, ``agreement/deal--bbc-business-013``. A slug never holds
      "--", so these ids meet no other, and the article's own text decides them alone
      (``--2``, ``--3``... should two of its names slug alike);
    - any other name: ``<type>/<slug of label>``, and ``-2``, ``-3``... for later keys (in
      (type, key) order) whose label slugs alike ("Mercedes Benz" beside "Mercedes-Benz"):
      the one case where a new article's spelling can renumber ids.
    """
    ids: dict[tuple[str, str], str] = {}
    used_ids: set[str] = set()
    for kind, key, label in sorted(groups):
        article = key_article(key)
        base = f"{kind.lower()}/{slugify(label)}"
        if article is not None:
            base = f"{base}--{slugify(article)}"
        entity_id, suffix = base, 2
        while entity_id in used_ids:
            entity_id = f"{base}{'--' if article is not None else '-'}{suffix}"
            suffix += 1
        used_ids.add(entity_id)
        ids[(kind, key)] = entity_id
    return ids


def make_entity(entity_id: str, kind: str, members: list[Mention], why: Iterable[str], label: str | None = None) -> Entity:
    """The entity of one group of mentions (sorted by document and offset); ``label``: their
    :func:`entity_label`, when the caller has it."""
    label = entity_label(members) if label is None else label
    aliases = sorted({m.text.strip() for m in members} | {m.name for m in members} - {label})
    # Pronouns and descriptions ("he", "the firm") point at an entity but are not its names.
    aliases = [a for a in aliases if a != label and a.lower() not in _PRONOUNS and not a[:1].islower()]
    return Entity(entity_id, kind, label, tuple(aliases), tuple(members), tuple(sorted(why)))


#: What a name is written with; anything else is a stray mark of the text ("University of
#: Delaware*", "Forsyth/", 'New" Labour manifesto').
_NAME_MARKS = re.compile(r"[\w\s\-'’.&,]+")


def entity_label(members: list[Mention]) -> str:
    """The preferred name: the longest name form (most words), then the most frequent, then
    alphabetical; of the names written without stray marks, when there are such."""
    named = Counter(m.name for m in members if is_naming(m))
    return label_of(named or Counter(m.name for m in members))


def is_naming(m: Mention) -> bool:
    """Whether a mention names its entity: not a pronoun or a description ("he", "the firm")."""
    return naming_text(m.text)


def naming_text(text: str) -> bool:
    """Whether a mention's text names its entity (see :func:`is_naming`)."""
    return text.lower() not in _PRONOUNS and not text[:1].islower()


def label_of(names: Mapping[str, int]) -> str:
    """:func:`entity_label` from how often each name is given (by the naming mentions, or by
    all when none names)."""
    clean = [n for n in names if _NAME_MARKS.fullmatch(n)]
    return min(clean or names, key=lambda n: (-len(n.split()), -len(n), -names[n], n))


# --- positions -------------------------------------------------------------------------------



#: Institutions whose names read with "the" after "of" ("leader of the Conservative Party").
_THE_HEADS = frozenset(
    """party bank commission committee council office department ministry union association reserve
    organisation organization agency authority service fund board federation league group court
    treasury government cabinet house senate parliament assembly institute foundation exchange
    corporation company trust alliance forum church army navy police""".split()
)
_THE_COUNTRIES = frozenset({"united states", "united kingdom", "netherlands", "philippines", "czech republic", "united arab emirates", "bahamas", "gambia"})


def position_label(title: str, affiliation: str, organization: bool = False) -> str:
    """The label of an office: its title and whom it belongs to (a firm's office whose title has
    its own "of" is "at" the firm).

    Examples:
        >>> position_label("leader", "Conservative Party")
        'leader of the Conservative Party'
        >>> position_label("chief executive", "Ford")
        'chief executive of Ford'
        >>> position_label("leader", "Liberal Democrats")
        'leader of the Liberal Democrats'
        >>> position_label("governor", "Bank of England")
        'governor of the Bank of England'
        >>> position_label("head of UK equities", "Standard Life Investments", organization=True)
        'head of UK equities at Standard Life Investments'
    """
    words = affiliation.split()
    lower = [w.lower() for w in words]
    the = words and (
        lower[-1] in _THE_HEADS or affiliation.lower() in _THE_COUNTRIES or lower[0] == "united"
        or ("of" in lower[1:-1] and lower[lower.index("of", 1) - 1] in _THE_HEADS)  # the House of Commons
        or (len(words) > 1 and words[-1].endswith("s") and party_name(affiliation) is not None)  # the Liberal Democrats
    )
    joint = "at" if organization and " of " in f" {title.lower()} " else "of"
    return f"{title} {joint} {'the ' if the else ''}{affiliation}"


def resolution_inputs(extractions: Iterable[Extraction]) -> tuple[list[Mention], dict[tuple[str, str], set[str]]]:
    """What :func:`resolve_mentions` is given for extractions: their mentions and statement
    arguments (offices aside, which become entities later), and the head words of the offices
    each article gives each person."""
    extractions = list(extractions)
    mentions = [m for e in extractions for m in e.mentions if m.type != "Position"]
    mentions += [m for e in extractions for s in e.statements for m in _arguments(s) if m.type != "Position" and not is_described(m)]
    # People the article gives an office ("President Putin"): named as persons, whatever the form.
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in extractions:
        for s in e.statements:
            title = s.object.mention or s.object.title
            if s.predicate == "holdsPosition" and title is not None:
                offices[(s.subject.doc_id, s.subject.key)].add(title_key(title.name).rpartition(" ")[2])
    return mentions, dict(offices)


def _arguments(statement: Statement) -> list[Mention]:
    q = statement.qualifiers
    found = [statement.subject, statement.object.mention, q.location, q.affiliation, q.buyer]
    return [m for m in found if m is not None]


#: Offices of a national government: held for the country an article is about when the
#: sentence names none ("Chancellor Gordon Brown" in an article about Britain's economy).
_GOVERNMENT_HEADS = frozenset("minister chancellor premier president attorney-general".split())
_GOVERNMENT_SECRETARIES = frozenset(
    "home foreign defence defense health education transport trade culture environment treasury state "
    "pensions work industry interior justice energy commerce northern scotland wales transportation "
    "agriculture housing labor business sport communities".split()
)
#: Offices of a company: held at the organisation an article is about when the sentence names none.
_CORPORATE_TITLES = frozenset(
    "chief executive|ceo|managing director|chief operating officer|coo|chief financial officer|cfo|finance director|"
    "chairman and chief executive|president and chief executive|chief executive officer|senior vice president|"
    "executive vice president".split("|")
)


#: Offices a party gives its own people: a shadow post, or leading the party.
_PARTY_LEADERSHIPS = frozenset({"leader", "deputy leader"})


def _title_kind(title: Mention) -> str | None:
    """"government", "corporate", "party", "shadow", "leadership" or None for a title, from its
    words and its case."""
    words = title_key(title.name).split()
    if not words:
        return None
    if "shadow" in words:
        return "shadow"  # a shadow office belongs to its party
    key = " ".join(words)
    if key in _PARTY_LEADERSHIPS:
        return "leadership"
    if key in _CORPORATE_TITLES or (words[0] == "group" and " ".join(words[1:]) in _CORPORATE_TITLES):
        return "corporate"
    if "party" in words:
        return "party"  # "party leader", "the party chairman"
    head = words[-1]
    capitalised = any(w[:1].isupper() for w in title.name.split())
    if head in {"minister", "chancellor", "premier"} or key in {"prime minister", "attorney general"}:
        return "government"
    if head == "secretary" and len(words) > 1 and words[-2] in _GOVERNMENT_SECRETARIES and "shadow" not in words:
        return "government"
    if head == "president" and capitalised and len(words) == 1:
        return "government"
    return None


#: Offices only a sovereign state's government has: in an article about Scotland, the Defence
#: Secretary and the Chancellor are still the United Kingdom's (a devolved government has
#: ministers, not secretaries of state).
_SOVEREIGN_OFFICES = frozenset({"chancellor", "prime minister", "deputy prime minister"})


def _sovereign(affiliation: Mention | None, title: str, countries: Callable[[str], Mention | None]) -> Mention | None:
    """The state whose office ``title`` is when ``affiliation`` is one of its nations (see
    :data:`_SOVEREIGN_OFFICES`; ``countries``: a mention of a country the corpus names, by
    code, or None), None when the corpus never names the state; else ``affiliation`` itself."""
    if affiliation is None or affiliation.type != "Country":
        return affiliation
    # A nation's ISO 3166-2 code starts with its state's ("GB-SCT": GB).
    state, nation, _ = affiliation.key.split(":", 1)[1].partition("-")
    if not nation or not (title in _SOVEREIGN_OFFICES or title.split()[-1] == "secretary"):
        return affiliation
    return countries(state)


def _stated_affiliation(statement: Statement) -> Mention | None:
    """The affiliation a holdsPosition statement was read with, less a nationality before a
    company office ("Dutch co-chairman Antony Burgmans": his nationality, not his employer) or
    before an occupation ("US lawyer Jamie Firestone" is no lawyer of the United States)."""
    affiliation = statement.qualifiers.affiliation
    title = statement.object.mention
    if affiliation is not None and title is not None and affiliation.type == "Country":
        if _company_office(title) and (demonym_code(affiliation.text) and not country_code(affiliation.text) or affiliation.end <= title.start):
            # "Dutch co-chairman Antony Burgmans", "its UK chief executive": his nationality, or
            # the market the firm's office is for; no country has a chief executive.
            return None
        if title_key(title.name).split()[-1] in _OCCUPATIONS and affiliation.start < title.start:
            return None
    return affiliation


#: Trades a person practises rather than offices a country fills: a country before one is the
#: person's nationality or base.
_OCCUPATIONS = frozenset(
    "lawyer lawyers solicitor barrister analyst analysts economist economists banker journalist journalists writer author "
    "historian scientist academic consultant expert investor businessman businesswoman entrepreneur broker trader".split()
)


def _company_office(title: Mention) -> bool:
    """A company's office ("chief executive", "co-chairman"), which a nationality before it does not own."""
    words = title_key(title.name).split()
    return _title_kind(title) == "corporate" or words in (["chairman"], ["chairwoman"], ["co", "chairman"], ["co", "chair"], ["vice", "chairman"])


# --- offices: what each article is about, and what the corpus says of each person -------------


@dataclass(frozen=True)
class ArticleEntities:
    """What one article's entities tell the office rules: the country, organisation and party it
    is mostly about (by kind; see :data:`_DOMINANT_SHARE`), a mention of each body of a kind it
    names ("the Constitutional Affairs Select Committee": committee), and its first mention of
    each country, by key."""

    dominant: dict[str, Mention]
    bodies: dict[str, list[Mention]]
    countries: dict[str, Mention]


def article_entities(entities: Iterable[tuple[str, str, str, list[Mention]]]) -> ArticleEntities:
    """:class:`ArticleEntities` of one article, from each entity it mentions (in the order of
    their ids) as (entity id, type, label, its mentions in the article, in order).

    The dominant entity of a kind is the one that clearly leads: at least twice named (three times
    for an organisation) and holding a large share of the article's mentions of its kind."""
    counts: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, Mention] = {}
    bodies: dict[str, list[Mention]] = defaultdict(list)
    countries: dict[str, Mention] = {}
    for entity_id, kind, label, mentions in entities:
        party = None
        if kind == "Country":
            for m in reversed(mentions):
                countries[m.key] = m
        elif kind == "Organization":
            # What the rules read of a label is label_reading's, which kg.kept compares across updates.
            party, body = label_reading(label)
            if body is not None:
                bodies[body].append(mentions[0])
        else:
            continue
        for k in (kind, "Party") if party else (kind,):
            counts[k][entity_id] += len(mentions)
        first[entity_id] = mentions[0]
    dominant: dict[str, Mention] = {}
    for kind, counter in counts.items():
        top, n = counter.most_common(1)[0]
        if n >= (3 if kind == "Organization" else 2) and n / sum(counter.values()) >= _DOMINANT_SHARE[kind]:
            dominant[kind] = first[top]
    return ArticleEntities(dominant, dict(bodies), countries)


def articles_entities(entities: Iterable[Entity]) -> dict[str, ArticleEntities]:
    """doc_id -> :func:`article_entities` of each article the entities are mentioned in."""
    per_article: dict[str, list[tuple[str, str, str, list[Mention]]]] = defaultdict(list)
    for entity in entities:
        by_doc: dict[str, list[Mention]] = defaultdict(list)
        for m in entity.mentions:
            by_doc[m.doc_id].append(m)
        for doc_id, mentions in by_doc.items():
            per_article[doc_id].append((entity.entity_id, entity.type, entity.label, mentions))
    return {doc_id: article_entities(found) for doc_id, found in per_article.items()}


def label_reading(label: str) -> tuple[str | None, str | None]:
    """What the office rules read of an entity's label: the party it names, and the kind of body
    it ends in ("Constitutional Affairs Select Committee": committee); an entity whose label
    changes but not these is read the same."""
    words = label.lower().split()
    return party_name(label), words[-1] if len(words) >= 2 and words[-1] in _BODY_KINDS else None


#: How much of a document's talk of countries (organisations) one must take to be what the
#: document is about: an article on two governments names no minister's country by default.
_DOMINANT_SHARE = {"Country": 0.75, "Organization": 0.4, "Party": 0.5}

#: Kinds of body a title can name instead of the body itself: "committee chairman", "union
#: general secretary", "Transport Commissioner" (of the Commission).
_BODY_KINDS = frozenset({"committee", "commission", "council", "union", "board", "tribunal", "inquiry", "panel", "court"})


def _body_kind(title: str) -> str | None:
    """The kind of body a title key names before its head, or None: "committee chairman" -> "committee"."""
    words = title.split()
    if words and words[-1] in {"commissioner", "commissioners"}:
        return "commission"
    return next((w for w in words[:-1] if w in _BODY_KINDS), None)


#: A statement's place in the corpus's order: (0 for an article's own statements, 1 for those
#: of described holders, doc_id, index).
Place = tuple[int, str, int]
#: (place, person id, title key, affiliation id, affiliation mention).
Held = tuple[Place, str, str, str, Mention]
#: (place, person id, party id, party mention, party's country code, current).
Membership = tuple[Place, str, str, Mention, "str | None", bool]


@dataclass(frozen=True)
class OfficeFacts:
    """What one article's statements tell the corpus about people's offices and parties: each
    office read with its affiliation ("UK Chancellor Gordon Brown"), and each party membership
    ("Labour MP Jack Straw"). Each carries its statement's place in the corpus's order, which
    decides whose mention stands for an affiliation the corpus states more than once."""

    stated: tuple[Held, ...]
    memberships: tuple[Membership, ...]


def _is_office(s: Statement) -> bool:
    return s.predicate == "holdsPosition" and s.object.mention is not None and s.object.mention.type == "Position"


def office_facts(statements: list[Statement], places: list[Place], entity_of: Mapping[tuple[str, int, int], str], labels: Mapping[str, str]) -> OfficeFacts:
    """:class:`OfficeFacts` of one article's statements, each at its place in ``places``."""
    stated: list[Held] = []
    memberships: list[Membership] = []
    for s, place in zip(statements, places):
        if s.predicate == "holdsPosition" and s.object.mention is not None and (affiliation := _stated_affiliation(s)) is not None:
            stated.append((place, _span_entity(s.subject, entity_of), title_key(s.object.mention.name), _span_entity(affiliation, entity_of), affiliation))
        elif s.predicate == "memberOf" and s.object.mention is not None and s.polarity == "positive":
            party = entity_of.get((s.object.mention.doc_id, s.object.mention.start, s.object.mention.end), "")
            if name := label_reading(labels.get(party, ""))[0]:
                memberships.append((place, _span_entity(s.subject, entity_of), party, s.object.mention, party_country(name), not s.qualifiers.status))
    return OfficeFacts(tuple(stated), tuple(memberships))


def _span_entity(m: Mention, entity_of: Mapping[tuple[str, int, int], str]) -> str:
    return entity_of[(m.doc_id, m.start, m.end)]


class OfficeCorpus(Protocol):
    """What the office rules ask of the corpus (:class:`CorpusOffices`, or a kept archive's)."""

    def country(self, code: str) -> Mention | None: ...
    def known(self, person: str, title: str) -> dict[str, Mention]: ...
    def inferred(self, person: str, title: str) -> dict[str, Mention]: ...
    def home(self, person: str) -> Mention | None: ...
    def party(self, person: str) -> Mention | None: ...


class CorpusOffices:
    """What the office rules read from the whole corpus, from every article's
    :class:`OfficeFacts` and the first mention of each country (by code):

    - :meth:`known`: the affiliations a person's title is stated with anywhere;
    - :meth:`home`: the country whose government a person's parties form, when one;
    - :meth:`party`: a person's one current party;
    - :meth:`inferred`: the affiliations the rules decided for a person's title, once
      :meth:`infer` has been given every article's decisions (:func:`decided_facts`).

    Each answer's mentions are the first the corpus's order gives."""

    def __init__(self, facts: Iterable[OfficeFacts], countries: Mapping[str, Mention]) -> None:
        self._countries = countries
        self._known: dict[tuple[str, str], dict[str, tuple[Place, Mention]]] = defaultdict(dict)
        self._codes: dict[str, set[str]] = defaultdict(set)
        self._current: dict[str, dict[str, tuple[Place, Mention]]] = defaultdict(dict)
        self._inferred: dict[tuple[str, str], dict[str, tuple[Place, Mention]]] = defaultdict(dict)
        for f in facts:
            _first_of(self._known, f.stated)
            for place, person, party, mention, code, current in f.memberships:
                self._codes[person].add(code or "")
                if current:
                    _keep_first(self._current[person], party, place, mention)

    def infer(self, decided: Iterable[tuple[Held, ...]]) -> None:
        for held in decided:
            _first_of(self._inferred, held)

    def country(self, code: str) -> Mention | None:
        return self._countries.get(code)

    def known(self, person: str, title: str) -> dict[str, Mention]:
        return {k: m for k, (_, m) in self._known.get((person, title), {}).items()}

    def inferred(self, person: str, title: str) -> dict[str, Mention]:
        return {k: m for k, (_, m) in self._inferred.get((person, title), {}).items()}

    def home(self, person: str) -> Mention | None:
        return home_country(self._codes.get(person, ()), self._countries.get)

    def party(self, person: str) -> Mention | None:
        return one_party(self._current.get(person, {}))


def _keep_first(found: dict[str, tuple[Place, Mention]], key: str, place: Place, mention: Mention) -> None:
    if key not in found or place < found[key][0]:
        found[key] = (place, mention)


def _first_of(index: dict[tuple[str, str], dict[str, tuple[Place, Mention]]], held: Iterable[Held]) -> None:
    for place, person, title, affiliation, mention in held:
        _keep_first(index[(person, title)], affiliation, place, mention)


def home_country(codes: Collection[str], countries: Callable[[str], Mention | None]) -> Mention | None:
    """The country whose government a person's parties form ("Labour MP Jack Straw": Labour ->
    GB), from the parties' country codes ("" for a party of no one country), when the corpus names
    that country (``countries``) and the parties are of one country only."""
    found = {code for code in codes if code}
    return countries(next(iter(found))) if len(found) == 1 else None


def one_party(current: Mapping[str, tuple[Place, Mention]]) -> Mention | None:
    """A mention of a person's party, from their current memberships by party, when they belong to one only."""
    return next(iter(current.values()))[1] if len(current) == 1 else None


def decide_offices(
    statements: list[Statement], entity_of: Mapping[tuple[str, int, int], str], article: ArticleEntities, corpus: OfficeCorpus,
) -> list[Mention | None]:
    """The affiliation each of one article's office statements gets from the article and the
    corpus (None for the others, and for an office none is found for); see :func:`tidy_offices`."""
    def eid(m: Mention) -> str:
        return entity_of[(m.doc_id, m.start, m.end)]

    known_in_doc: dict[tuple[str, str], Mention] = {}
    for s in statements:
        stated = _stated_affiliation(s) if s.predicate == "holdsPosition" and s.object.mention is not None else None
        if stated is not None:
            known_in_doc.setdefault((eid(s.subject), title_key(s.object.mention.name)), stated)

    def state_office(s: Statement, affiliation: Mention | None) -> Mention | None:
        """"Labour Prime Minister Tony Blair": the party is his, the office is the country's (not
        for "minister" titles, which news also gives to a party's spokespeople)."""
        title = title_key(s.object.mention.name)
        words = title.split()
        if affiliation is None or not party_name(affiliation.name) or _title_kind(s.object.mention) != "government":
            return affiliation
        if words[-1] == "minister" and title not in {"prime minister", "deputy prime minister"}:
            return affiliation
        code = party_country(party_name(affiliation.name) or "")
        state = corpus.country(code) if code is not None else None
        if state is None:
            return affiliation
        return article.countries.get(f"country:{code}", state)

    def decide(s: Statement) -> Mention | None:
        title_mention = s.object.mention
        person, title = eid(s.subject), title_key(title_mention.name)
        affiliation = _stated_affiliation(s)
        if affiliation is None:
            affiliation = known_in_doc.get((person, title))
        if affiliation is None:
            known = corpus.known(person, title)
            if len(known) == 1:
                (affiliation,) = known.values()
        if affiliation is None:
            # "Committee chairman Alan Beith": the one committee the article names.
            body = _body_kind(title)
            found = article.bodies.get(body, []) if body else []
            if len(found) == 1:
                affiliation = found[0]
        if affiliation is None:
            kind = _title_kind(title_mention)
            if kind == "government":
                # A minister of a British party is a British minister, whatever else the article names.
                affiliation = corpus.home(person) or _sovereign(article.dominant.get("Country"), title, corpus.country)
            elif kind == "corporate":
                affiliation = article.dominant.get("Organization")
            elif kind == "party":
                affiliation = article.dominant.get("Party")
            elif kind == "shadow":
                # "shadow foreign secretary Michael Ancram": his own party's, else the party the
                # article is about.
                affiliation = corpus.party(person) or article.dominant.get("Party")
            elif kind == "leadership":
                affiliation = corpus.party(person)
        return state_office(s, affiliation)

    return [decide(s) if _is_office(s) else None for s in statements]


def decided_facts(
    statements: list[Statement], places: list[Place], decided: list[Mention | None], entity_of: Mapping[tuple[str, int, int], str],
) -> tuple[Held, ...]:
    """Each office one article's rules decided an affiliation for, as the corpus's facts
    (:meth:`CorpusOffices.infer`), each at its statement's place."""
    return tuple(
        (place, _span_entity(s.subject, entity_of), title_key(s.object.mention.name), _span_entity(found, entity_of), found)
        for s, place, found in zip(statements, places, decided) if found is not None
    )


def place_offices(
    statements: list[Statement], decided: list[Mention | None], entity_of: Mapping[tuple[str, int, int], str],
    article: ArticleEntities, corpus: OfficeCorpus,
) -> tuple[list[Statement], dict[str, list[Mention]]]:
    """One article's statements with each office statement's title made an office of its
    affiliation (``position:<title>@<affiliation id>``), or a literal title when it has none, and
    the title mentions of each office by key."""
    out: list[Statement] = []
    offices: dict[str, list[Mention]] = defaultdict(list)
    for s, affiliation in zip(statements, decided):
        if not _is_office(s):
            out.append(s)
            continue
        title_mention = s.object.mention
        title = title_key(title_mention.name)
        if affiliation is None:
            # The same person's same title decided elsewhere in the corpus, by any of the rules
            # ("Chancellor Gordon Brown" in an article that names no country, when the articles
            # that do agree on one).
            candidates = corpus.inferred(_span_entity(s.subject, entity_of), title)
            if len(candidates) == 1:
                (affiliation,) = candidates.values()
        if affiliation is None:
            # No owner, so none named either: "US lawyer Jamie Firestone" read with the United
            # States, which _stated_affiliation takes for his nationality.
            out.append(replace(s, object=Argument(title=title_mention), qualifiers=replace(s.qualifiers, affiliation=None)))
            continue
        if affiliation.doc_id != s.evidence.doc_id and affiliation.type == "Country":
            # Name the country as this article does, when it does.
            affiliation = article.countries.get(affiliation.key, affiliation)
        name = title_mention.name
        if title.startswith("party ") and party_name(affiliation.name):
            # "Party leader" of the Liberal Democrats is the leader of the Liberal Democrats.
            title, name = title[len("party "):], name.split(None, 1)[1]
        key = f"position:{title}@{_span_entity(affiliation, entity_of)}"
        office = replace(title_mention, key=key, name=name)
        offices[key].append(office)
        out.append(replace(s, object=Argument(mention=office), qualifiers=replace(s.qualifiers, affiliation=affiliation)))
    return out, dict(offices)


@dataclass(frozen=True)
class TidiedArticle:
    """One article's statements tidied (:func:`tidy_article`), the title mentions of each office
    it still reads them as, and the offices its statements name."""

    statements: tuple[Statement, ...]
    offices: dict[str, tuple[Mention, ...]]
    used: frozenset[str]


def tidy_article(statements: list[Statement], offices: Mapping[str, list[Mention]], entity_of: Mapping[tuple[str, int, int], str]) -> TidiedArticle:
    """One article's statements after :func:`place_offices`, one per claim, none relating a thing
    to itself and no bare title beside a fuller one; an office stands for its key here (one key,
    one office, whatever its id will be), and a title read as two offices as the later key."""
    keys = {(m.doc_id, m.start, m.end): key for key in sorted(offices) for m in offices[key]}
    # The entity of each end of the article's statements, an office's key for its title: what
    # the passes below read, in a small map of its own.
    ends = {(m.doc_id, m.start, m.end) for s in statements for m in (s.subject, s.object.mention) if m is not None}
    by_key = {span: keys[span] if span in keys else entity_of[span] for span in ends if span in keys or span in entity_of}
    statements = drop_vague_positions(drop_self_statements(drop_repeats(statements, by_key), by_key), by_key)
    kept = _kept_readings(offices, statements)
    final = {(m.doc_id, m.start, m.end): key for key in sorted(kept) for m in kept[key]}
    used = {final[span] for s in statements for m in _arguments(s) if (span := (m.doc_id, m.start, m.end)) in final}
    return TidiedArticle(tuple(statements), {key: tuple(members) for key, members in kept.items()}, frozenset(used))


def article_statements(extraction: Extraction, holders: Mapping[tuple[str, int, int], Mention], entity_of: dict[tuple[str, int, int], str]) -> tuple[list[Statement], list[Place]]:
    """One article's statements for the office rules: its own, with each stand-in for an office's
    unnamed holder mapped to the holder found for it (:func:`described_arguments`, which adds
    those spans to ``entity_of``), then those the holders of its descriptions give
    (:func:`described_holders`), less the shorter readings of nested titles; with each one's
    place in the corpus's order: the articles' own statements first, article by article, then
    the described holders' (:data:`Place`)."""
    own = described_arguments([extraction], list(extraction.statements), holders, entity_of)
    described = described_holders([extraction], holders)
    doc_id = extraction.document.doc_id
    places = {id(s): (0, doc_id, i) for i, s in enumerate(own)} | {id(s): (1, doc_id, i) for i, s in enumerate(described)}
    statements = drop_nested_titles(own + described, entity_of)
    return statements, [places[id(s)] for s in statements]


def tidy_offices(
    articles: Mapping[str, tuple[list[Statement], list[Place]]], entity_of: Mapping[tuple[str, int, int], str], entities: tuple[Entity, ...] = (),
) -> dict[str, TidiedArticle]:
    """Offices with their affiliation become Position entities; bare titles become literals;
    then each article's statements are tidied (:func:`tidy_article`).

    A title the sentence names without an affiliation takes the one the same person's same
    title has elsewhere in the document, then elsewhere in the corpus ("the chancellor" after
    "UK Chancellor Gordon Brown"); then a government office is the country the article is
    about and a company office ("chief executive") the organisation it is about, when one
    clearly leads; a shadow post or a party's (deputy) leadership is the holder's own party when
    the corpus gives them one, a shadow post else the party the article is about; a title that
    names a kind of body ("committee chairman") the one such body the article names; with none,
    the statement keeps the title as text. A person's same title decided elsewhere in the corpus
    by any of these rules is the last resort.

    Returns each article's :class:`TidiedArticle`, whose title mentions of each office by key
    (``position:<title>@<affiliation id>``) :func:`office_entities` makes the Position entities
    of. The corpus is read through :class:`CorpusOffices`; :func:`decide_offices`,
    :func:`place_offices` and :func:`tidy_article` work article by article.
    """
    labels = {e.entity_id: e.label for e in entities}
    named = articles_entities(entities)
    corpus = CorpusOffices(
        (office_facts(*articles[d], entity_of, labels) for d in articles),
        {m.key.split(":", 1)[1]: m for e in entities if e.type == "Country" for m in e.mentions[:1]},
    )
    nothing = ArticleEntities({}, {}, {})
    decided = {d: decide_offices(statements, entity_of, named.get(d, nothing), corpus) for d, (statements, _) in articles.items()}
    corpus.infer(decided_facts(*articles[d], decided[d], entity_of) for d in articles)
    return {d: tidy_article(*place_offices(articles[d][0], decided[d], entity_of, named.get(d, nothing), corpus), entity_of) for d in sorted(articles)}


def office_entities_used(articles: Iterable[TidiedArticle], labels: Mapping[str, str]) -> tuple[list[Entity], dict[tuple[str, int, int], str]]:
    """The Position entities the tidied articles' statements name, and the entity id of each
    span the articles read as an office (the later key's, for a title read as two)."""
    titles: dict[str, list[Mention]] = defaultdict(list)
    used: set[str] = set()
    for article in articles:
        for key, members in article.offices.items():
            titles[key] += members
        used |= article.used
    keys = sorted(titles)
    offices = office_entities(titles, labels)
    entity_of = {(m.doc_id, m.start, m.end): office.entity_id for office in offices for m in office.mentions}
    return [office for key, office in zip(keys, offices) if key in used], entity_of


def office_entities(offices: Mapping[str, list[Mention]], labels: Mapping[str, str]) -> list[Entity]:
    """The Position entity of each office, from its title mentions by key (``position:<title>@<affiliation id>``)."""
    entities: list[Entity] = []
    used: set[str] = set()
    for key, members in sorted(offices.items()):
        # The name most used, written out before initials ("prime minister", not "PM"), then the first.
        title = sorted(Counter(m.name for m in members).items(), key=lambda kv: (-kv[1], _initialled(kv[0]), kv[0]))[0][0]
        affiliation_id = key.split("@", 1)[1]
        label = position_label(title, labels[affiliation_id], affiliation_id.startswith("organization/"))
        entity_id = base = f"position/{slugify(title)}-{affiliation_id.split('/', 1)[1]}"
        suffix = 2
        while entity_id in used:
            entity_id, suffix = f"{base}-{suffix}", suffix + 1
        used.add(entity_id)
        aliases = sorted({m.text for m in members} | {m.name for m in members} - {label})
        entities.append(Entity(entity_id, "Position", label, tuple(aliases), tuple(sorted(set(members), key=lambda m: (m.doc_id, m.start)))))
    return entities


def _kept_readings(offices: Mapping[str, list[Mention]], statements: Iterable[Statement]) -> dict[str, list[Mention]]:
    """The offices' title mentions less those of a reading the statements no longer hold.

    One title read two ways ("Tim Osborne, head of Yukos main shareholders' group Menatep":
    head of Yukos, head of Menatep) is one claim, of which :func:`drop_repeats` keeps the surer
    reading; the office of the other must not keep the title, or the kept statement would name
    an office that disagrees with its own affiliation.
    """
    kept = {(m.doc_id, m.start, m.end): m.key for s in statements if (m := s.object.mention) is not None and m.key.startswith("position:")}
    out = {key: [m for m in members if kept.get((m.doc_id, m.start, m.end), key) == key] for key, members in offices.items()}
    return {key: members for key, members in out.items() if members}


def _initialled(title: str) -> bool:
    """A title with an office in initials ("PM", "Deputy PM", "CEO")."""
    return any(word.lower() in TITLE_ABBREVIATIONS for word in title.split())


# --- statements ------------------------------------------------------------------------------

def _object_key(statement: Statement, entity_of: dict[tuple[str, int, int], str]) -> str:
    obj = statement.object
    if obj.mention is not None:
        return entity_of[(obj.mention.doc_id, obj.mention.start, obj.mention.end)]
    if obj.title is not None:
        return "title:" + title_key(obj.title.name)
    quantity = obj.quantity
    return f"{quantity.value}{quantity.unit or quantity.currency}" if quantity else ""


def _claim(statement: Statement, entity_of: dict[tuple[str, int, int], str], symmetric: frozenset[str]) -> tuple:
    s = statement.subject
    ends = [entity_of[(s.doc_id, s.start, s.end)], _object_key(statement, entity_of)]
    if statement.predicate in symmetric:
        ends.sort()
    rate = statement.qualifiers.rate.value if statement.qualifiers.rate else None
    return (statement.evidence.doc_id, statement.predicate, *ends, statement.polarity, statement.modality, rate)


def drop_nested_titles(statements: list[Statement], entity_of: Mapping[tuple[str, int, int], str]) -> list[Statement]:
    """Drop the shorter of two readings of one title when the longer names its owner: "deputy
    head" where the same sentence gives the same person "deputy head of the natural disasters
    department at Swiss Re". The shorter one would otherwise take an owner from elsewhere."""
    def spans(s: Statement) -> tuple[tuple, int, int] | None:
        title = s.object.mention if s.object.mention is not None and s.object.mention.type == "Position" else s.object.title
        if s.predicate != "holdsPosition" or title is None:
            return None
        subject = entity_of[(s.subject.doc_id, s.subject.start, s.subject.end)]
        return (s.evidence.doc_id, s.evidence.start, subject), title.start, title.end

    read = [(s, spans(s)) for s in statements]
    # Only a reading that names its owner in the sentence stands for the shorter one.
    held: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for s, found in read:
        if found is not None and _stated_affiliation(s) is not None:
            held[found[0]].append(found[1:])

    def nested(found: tuple[tuple, int, int] | None) -> bool:
        if found is None:
            return False
        where, start, end = found
        return any(a <= start and end <= b and (a, b) != (start, end) for a, b in held[where])

    return [s for s, found in read if not nested(found)]


def drop_repeats(statements: list[Statement], entity_of: dict[tuple[str, int, int], str]) -> list[Statement]:
    """Keep one statement per claim per document: the first, or a later one that adds a date,
    or that reads the claim surer (by name where the first went through "it" or "the firm").

    A claim is subject, predicate, object, polarity, modality and rate; the same claim said
    again later in the article ("Secretary of State Marco Rubio" twice) is one statement.
    """
    from kg import predicates

    symmetric = frozenset(p.name for p in predicates.PREDICATES if p.symmetric)
    first: dict[tuple, Statement] = {}
    for s in sorted(statements, key=lambda s: (s.evidence.doc_id, s.evidence.start, s.subject.start)):
        key = _claim(s, entity_of, symmetric)
        if key not in first or _better_reading(s, first[key]):
            first[key] = s
    return list(first.values())


def _better_reading(later: Statement, kept: Statement) -> bool:
    """Whether a later reading of a claim beats the one kept: it gives the date the first left
    out, or as dated it is surer ("said Britain had to set an example when it assumed the EU
    presidency", then "the UK presidency of the EU": the name, not the pronoun)."""
    return ((later.qualifiers.date is not None) - (kept.qualifiers.date is not None), later.confidence) > (0, kept.confidence)


def drop_self_statements(statements: list[Statement], entity_of: dict[tuple[str, int, int], str]) -> list[Statement]:
    """Drop a statement whose two ends turned out to be one entity ("he" resolved to the speaker
    himself: Duncan criticizes Duncan); no kg predicate relates a thing to itself."""
    def same(s: Statement) -> bool:
        obj = s.object.mention
        if obj is None:
            return False
        subject = entity_of.get((s.subject.doc_id, s.subject.start, s.subject.end))
        return subject is not None and entity_of.get((obj.doc_id, obj.start, obj.end)) == subject

    return [s for s in statements if not same(s)]


def drop_vague_positions(statements: list[Statement], entity_of: dict[tuple[str, int, int], str]) -> list[Statement]:
    """Drop a one-word title ("Secretary") when the same person holds a fuller one ("Secretary of
    State") in the same document, and a title without an affiliation that ends a longer one the
    same sentence gives the person ("safety editor" beside "operations and safety editor at
    Flight International": one office read twice through its coordination)."""
    def person(s: Statement) -> tuple[str, str]:
        return s.evidence.doc_id, entity_of[(s.subject.doc_id, s.subject.start, s.subject.end)]

    def title(s: Statement) -> str | None:
        m = s.object.mention if s.object.mention is not None and s.object.mention.type == "Position" else s.object.title
        return title_key(m.name) if m is not None else None

    titles: dict[tuple[str, str], set[str]] = defaultdict(set)
    in_sentence: dict[tuple[str, str, int], set[str]] = defaultdict(set)
    for s in statements:
        if s.predicate == "holdsPosition" and title(s):
            titles[person(s)].add(title(s))  # type: ignore[arg-type]
            in_sentence[(*person(s), s.evidence.start)].add(title(s))  # type: ignore[arg-type]
    kept = []
    for s in statements:
        name = title(s) if s.predicate == "holdsPosition" else None
        if name is not None and " " not in name and any(t != name and name in t.split() for t in titles[person(s)]):
            continue
        if (name is not None and s.qualifiers.affiliation is None
                and any(t.endswith(" " + name) for t in in_sentence[(*person(s), s.evidence.start)])):
            continue
        kept.append(s)
    return kept


def statement_order(s: Statement) -> tuple:
    obj = s.object.mention or s.object.title
    return (s.evidence.doc_id, s.evidence.start, s.subject.start, s.predicate, obj.start if obj else -1)


#: Confidence of an office found for a description from what the corpus says of its holder.
DESCRIBED_CONFIDENCE = 0.6


def _body_of(affiliation: Mention) -> str:
    """The kind of body an office belongs to: a party, or the mention's type."""
    return "Party" if party_name(affiliation.name) else affiliation.type


def description_holders(extractions: list[Extraction], statements: list[Statement], entity_of: Mapping[tuple[str, int, int], str]) -> dict[tuple[str, int, int], Mention]:
    """The holder of each office an article names by description ("the prime minister said"),
    by the description's (doc_id, start, end): the article's first mention of the one person it
    names whom the corpus says holds that title now (or the article itself does). A title held
    by two of the article's people, or by none, stays unresolved; a description that names whose
    office it is ("the Tory leader") leaves out the holders the corpus gives the title of another
    body of that kind only (the Labour leader, but not for "the UK leader")."""
    holders: dict[str, Counter] = defaultdict(Counter)
    #: (title, holder, kind of body) -> the affiliations of that kind the corpus states for it,
    #: for descriptions that name whose office it is.
    affiliations: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for office, holder, body, whose in office_holdings(statements, entity_of):
        holders[office][holder] += 1
        if whose is not None:
            affiliations[(office, holder, body)].add(whose)
    out: dict[tuple[str, int, int], Mention] = {}
    for extraction in extractions:
        if not extraction.descriptions:
            continue
        first = first_persons(extraction, entity_of)
        for d in extraction.descriptions:
            office = title_key(d.title.name)
            found = description_holder(d, first, holders.get(office, Counter()), lambda p, body, office=office: affiliations.get((office, p, body), set()), entity_of)
            if found is not None:
                out[(d.title.doc_id, d.title.start, d.title.end)] = found
    return out


def office_holdings(statements: Iterable[Statement], entity_of: Mapping[tuple[str, int, int], str]) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(title, holder entity id, kind of body, the body's entity id) of each statement saying a
    named person holds an office now: not one expected, hoped or planned to ("most likely to
    succeed Mr Blair as Labour leader"), nor a former one. The body's kind and id are None when
    the statement names no affiliation that resolved."""
    for s in statements:
        title = s.object.mention if s.object.mention is not None and s.object.mention.type == "Position" else s.object.title
        if (s.predicate == "holdsPosition" and title is not None and s.subject.type == "Person" and not is_described(s.subject)
                and s.polarity == "positive" and s.qualifiers.status is None and s.modality in {"asserted", "reported"}):
            affiliation = s.qualifiers.affiliation
            whose = None if affiliation is None else entity_of.get((affiliation.doc_id, affiliation.start, affiliation.end))
            body = _body_of(affiliation) if whose is not None else None
            yield title_key(title.name), entity_of[(s.subject.doc_id, s.subject.start, s.subject.end)], body, whose


def first_persons(extraction: Extraction, entity_of: Mapping[tuple[str, int, int], str]) -> dict[str, Mention]:
    """Person entity id -> the article's first mention of that person."""
    first: dict[str, Mention] = {}
    for m in extraction.mentions:
        if m.type == "Person":
            first.setdefault(entity_of[(m.doc_id, m.start, m.end)], m)
    return first


def description_holder(
    d: Description, first: Mapping[str, Mention], holders: Mapping[str, int], affiliations: Callable[[str, str], Collection[str]],
    entity_of: Mapping[tuple[str, int, int], str],
) -> Mention | None:
    """The holder of one description (see :func:`description_holders`), given the article's first
    mention of each person, how often the corpus gives each holder the description's title, and
    the bodies of a kind it gives a holder that title of (holder, kind of body)."""
    if (d.title.doc_id, d.title.start, d.title.end) in entity_of:
        return None  # the article itself said who it is ("the chancellor" read as Mr Brown)
    candidates = [p for p in holders if p in first]
    whose = None if d.affiliation is None else entity_of.get((d.affiliation.doc_id, d.affiliation.start, d.affiliation.end))
    if whose is not None:
        # "the Tory leader" is not the Labour leader: a holder the corpus gives the title of
        # another body of the same kind only is no candidate (Labour's leader may be "the UK
        # leader", a party's MP "the MP for Ealing North").
        body = _body_of(d.affiliation)
        candidates = [p for p in candidates if not (known := affiliations(p, body)) or whose in known]
    # Not a holder the corpus gives the office far less often than one the article does not
    # name: "the prime minister" of an article naming only Gordon Brown is still Blair ("the
    # Veritas leader" names whose office it is, and so needs no usual holder).
    usual = max(holders.values(), default=0) if d.affiliation is None else 0
    if len(candidates) == 1 and DOMINANT * holders[candidates[0]] >= usual:
        return first[candidates[0]]
    return None


def described_holders(extractions: list[Extraction], holders: Mapping[tuple[str, int, int], Mention]) -> list[Statement]:
    """holdsPosition statements for the offices articles name by description whose holder
    :func:`description_holders` found: "Mr Blair ... the prime minister" gives Tony Blair
    holdsPosition prime minister, with the description's sentence as evidence and a lower
    confidence."""
    out: list[Statement] = []
    for extraction in extractions:
        for d in extraction.descriptions:
            holder = holders.get((d.title.doc_id, d.title.start, d.title.end))
            if holder is None:
                continue
            out.append(Statement(
                subject=holder, predicate="holdsPosition", object=Argument(mention=d.title),
                relation=d.title.name, evidence=d.evidence, extractor="kg.resolve.description.v1",
                qualifiers=Qualifiers(affiliation=d.affiliation), polarity="positive", modality="asserted",
                confidence=DESCRIBED_CONFIDENCE,
            ))
    return out


def described_arguments(
    extractions: list[Extraction], statements: list[Statement], holders: Mapping[tuple[str, int, int], Mention], entity_of: dict[tuple[str, int, int], str],
) -> list[Statement]:
    """The statements with each stand-in for an office's unnamed holder ("the chancellor is
    travelling to America") mapped to the holder :func:`description_holders` found for the
    description it stands in, in ``entity_of``; those with a stand-in no holder was found for
    are left out."""
    spans: dict[str, list[tuple[int, int, Mention]]] = defaultdict(list)
    for e in extractions:
        for d in e.descriptions:
            holder = holders.get((d.title.doc_id, d.title.start, d.title.end))
            if holder is not None:
                spans[d.title.doc_id].append((d.title.start, d.title.end, holder))

    def mapped(m: Mention) -> bool:
        if not is_described(m):
            return True
        for start, end, holder in spans.get(m.doc_id, ()):
            if m.start < end and start < m.end:
                entity_of[(m.doc_id, m.start, m.end)] = entity_of[(holder.doc_id, holder.start, holder.end)]
                return True
        return False

    return [s for s in statements if all(mapped(m) for m in _arguments(s))]


# --- one type per name across the corpus --------------------------------------------------------

#: The types a name's occurrences are weighed between across articles.
SETTLED_TYPES = ("Person", "Organization", "Place")
SETTLED_BY_PREFIX = {kind.lower(): kind for kind in SETTLED_TYPES}
#: How many more articles one type must have than another to overrule it, and at least how many.
_OVERRULE_RATIO, _OVERRULE_MIN = 2, 2


def _name_of(m: Mention) -> str:
    return m.key.split(":", 1)[1]


def _typed_by_articles(extractions: list[Extraction]) -> dict[str, dict[str, set[str]]]:
    """name -> type -> the documents whose mentions of the name have that type, for the names
    mentioned with more than one type (each distinct key split once, not each mention)."""
    seen = {(m.key, m.doc_id) for e in extractions for m in e.mentions if m.type in SETTLED_TYPES}
    types_of: dict[str, set[str]] = defaultdict(set)
    for key in {key for key, _ in seen}:
        kind, _, name = key.partition(":")
        types_of[name].add(kind)
    contested = {f"{kind}:{name}" for name, kinds in types_of.items() if len(kinds) > 1 for kind in kinds}
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for key, doc_id in seen:
        if key in contested:
            kind, _, name = key.partition(":")
            found[name][SETTLED_BY_PREFIX[kind]].add(doc_id)
    return found


def _retypes(extractions: list[Extraction]) -> dict[tuple[str, str, str], str]:
    """(doc_id, type, name) -> the type the corpus gives the name, for the articles where the
    model typed a name against the rest of the corpus: "ABN Amro" a person in one article and a
    company in seven, "Ryanair" a person in one and a company in four (:func:`name_retypes`)."""
    typed = _typed_by_articles(extractions)
    contested = set(typed)
    if not contested:
        return {}
    articles = {doc_id for types in typed.values() for found in types.values() for doc_id in found}
    honoured, surnames = person_forms(e for e in extractions if e.document.doc_id in articles)
    out: dict[tuple[str, str, str], str] = {}
    for name in contested:
        out.update(name_retypes(name, typed[name], honoured, surnames))
    return out


def person_forms(extractions: Iterable[Extraction]) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """What articles say of names as people: (doc_id, name) written with an honorific ("Mr
    Ryanair"), and (doc_id, name) that ends a fuller person's name of the article."""
    honoured: set[tuple[str, str]] = set()
    surnames: set[tuple[str, str]] = set()
    for e in extractions:
        for m in e.mentions:
            if m.type != "Person":
                continue
            words = _name_of(m).split()
            if len(words) > 1:
                surnames.add((m.doc_id, words[-1]))
            if m.text.strip() and is_honorific(m.text.split(None, 1)[0]):
                honoured.add((m.doc_id, _name_of(m)))
    return honoured, surnames


def name_retypes(
    name: str, types: Mapping[str, Collection[str]], honoured: Container[tuple[str, str]], surnames: Container[tuple[str, str]],
) -> dict[tuple[str, str, str], str]:
    """(doc_id, type, name) -> the type the corpus gives one name that it types in several ways
    (``types``: type -> the documents giving it), as :func:`_retypes` decides.

    Only where the corpus is sure: the other type has at least two articles and twice as many;
    a person's name turns into a company's or a place's only when nothing in its article says
    person (an honorific, a fuller name of which it is the surname, a known first name); a
    company's turns into a person's only when it starts with a known first name.
    """
    out: dict[tuple[str, str, str], str] = {}
    words = name.split()
    first_name = is_first_name(words[0]) and len(words) > 1
    for kind, docs in types.items():
        # A person's name against a company's or a place's; a company and a place may share a
        # name ("Halifax" the bank and the town, "Wembley" the company and the stadium).
        rivals = [(len(d), other) for other, d in types.items()
                  if other != kind and "Person" in (kind, other) and len(d) >= _OVERRULE_MIN and len(d) >= _OVERRULE_RATIO * len(docs)]
        if not rivals:
            continue
        _, winner = max(rivals)
        if kind == "Person" and first_name or winner == "Person" and not first_name:
            continue
        for doc_id in docs:
            if kind == "Person" and ((doc_id, name) in honoured or (doc_id, name) in surnames):
                continue
            out[(doc_id, kind, name)] = winner
    return out


def _fits(statement: Statement) -> bool:
    """Whether a statement's subject and object types fit its predicate (after retyping)."""
    obj = statement.object.mention
    return predicates.get(statement.predicate).admits(statement.subject.type, None if obj is None else obj.type)


def settle_types(extractions: list[Extraction]) -> list[Extraction]:
    """The extractions with each name typed as the corpus types it (:func:`_retypes`), and the
    statements whose subject or object no longer fits their predicate left out ("ABN Amro
    worksFor ..." once ABN Amro is a company). Unchanged extractions are returned as they are."""
    retypes = _retypes(extractions)
    if not retypes:
        return extractions
    by_doc: dict[str, dict[tuple[str, str], str]] = defaultdict(dict)
    for (doc_id, kind, name), winner in retypes.items():
        by_doc[doc_id][(kind, name)] = winner
    return [settle_document(e, by_doc[e.document.doc_id], {}) if e.document.doc_id in by_doc else e for e in extractions]


def settle_names(extractions: list[Extraction]) -> list[Extraction]:
    """The extractions with each organisation name the corpus shortens keyed as its fuller name
    (:func:`organisation_aliases`): "the Fed", "the Federal Reserve" and "the US Federal Reserve"
    are one entity. Unchanged extractions are returned as they are."""
    aliases = organisation_aliases(extractions)
    if not aliases:
        return extractions
    return [settle_document(e, {}, aliases) for e in extractions]


def settle_document(extraction: Extraction, retypes: Mapping[tuple[str, str], str], aliases: Mapping[str, str]) -> Extraction:
    """One extraction as :func:`settle_types` then :func:`settle_names` leave it, given the
    corpus's decisions for its names: (type, name) -> the type it takes, and organisation name ->
    the fuller name it stands for. Unchanged, it is returned as it is."""
    doc_id = extraction.document.doc_id
    if any((m.type, _name_of(m)) in retypes for m in extraction.mentions):
        def typed(m: Mention) -> Mention:
            kind = retypes.get((m.type, _name_of(m)))
            return m if kind is None else replace(m, type=kind, key=f"{kind.lower()}:{_name_of(m)}")

        (extraction,) = _with_mentions([extraction], {doc_id}, typed)
    if any(m.type == "Organization" and _name_of(m) in aliases for m in extraction.mentions):
        def named(m: Mention) -> Mention:
            full = aliases.get(_name_of(m)) if m.type == "Organization" else None
            return m if full is None else replace(m, key=f"organization:{full}")

        (extraction,) = _with_mentions([extraction], {doc_id}, named)
    return extraction


def _with_mentions(extractions: list[Extraction], docs: set[str], settled: Callable[[Mention], Mention]) -> list[Extraction]:
    """The extractions of ``docs`` with every mention passed through ``settled`` (the others as
    they are), less the statements whose arguments no longer fit their predicate."""
    def each(m: Mention | None) -> Mention | None:
        return None if m is None else settled(m)

    out = []
    for e in extractions:
        if e.document.doc_id not in docs:
            out.append(e)
            continue
        statements = []
        for s in e.statements:
            q = s.qualifiers
            s = replace(
                s, subject=each(s.subject),
                object=replace(s.object, mention=each(s.object.mention)) if s.object.mention is not None else s.object,
                qualifiers=replace(q, location=each(q.location), affiliation=each(q.affiliation), buyer=each(q.buyer)),
            )
            if _fits(s):
                statements.append(s)
        descriptions = tuple(replace(d, affiliation=each(d.affiliation)) for d in e.descriptions)
        out.append(replace(e, mentions=tuple(settled(m) for m in e.mentions), statements=tuple(statements), descriptions=descriptions))
    return out


#: How long a clipped name may be, and how much longer the word it clips: "Fed" of "Federal".
_CLIPPED_MAX = 4
_CLIPPED_LONGER = 3
#: How many times more articles the one name a clipped name stands for must share with it than
#: all the other names it could clip together ("Fed": Federal Reserve in 10, the Federal Open
#: Market Committee and the Federal Reserve Bank in 2 each).
_CLIPPED_LEAD = 2
_OF_NAME = re.compile(r"(\S+) of (?:the )?(\S+)")


def organisation_aliases(extractions: list[Extraction]) -> dict[str, str]:
    """Organisation name (its key's text) -> the fuller name the corpus gives the same body, for
    two ways news shortens a name:

    - a one-word name that is what follows "of" in exactly one institution's name: "the Commons"
      -> "House of Commons", "the Lords" -> "House of Lords" (not a country: "Cyprus" is no
      "Government of Cyprus"; not after any noun: "Liberty" is no "Statue of Liberty");
    - a short one-word name that clips the first word of a name of several words which shares
      many more of its articles than any other name it could clip: "the Fed" -> "Federal
      Reserve" (not "Parma" of "Parmalat", too long to be a clipping).

    A name with its country before it stays apart from the bare name ("US Treasury", "Treasury"):
    a British article's "Treasury" is another country's. Corpus-wide, like the rest of
    resolution, so a grown graph equals one built at once.
    """
    articles: dict[str, set[str]] = defaultdict(set)
    for e in extractions:
        for m in e.mentions:
            if m.type == "Organization":
                articles[_name_of(m)].add(m.doc_id)
    of_names: dict[str, list[str]] = defaultdict(list)
    clips: dict[str, list[str]] = defaultdict(list)
    for name in articles:
        for short in of_shortenings(name):
            of_names[short].append(name)
        for short in clippings(name):
            clips[short].append(name)
    out: dict[str, str] = {}
    for short in articles:
        full = alias_of(short, lambda name: articles.get(name, ()), of_names.get(short, ()), clips.get(short, ()))
        if full is not None:
            out[short] = full
    return out


def of_shortenings(name: str) -> list[str]:
    """The one-word name an institution's name is shortened to: "house of commons" -> ["commons"]."""
    found = _OF_NAME.fullmatch(name)
    return [found.group(2)] if found is not None and found.group(1) in _THE_HEADS else []


def clippings(name: str) -> list[str]:
    """The clipped names a name of several words may stand behind: "federal reserve" -> f, fe, fed, fede."""
    first = name.split()[0]
    if " " not in name or not first.isalpha():
        return []
    return [first[:n] for n in range(1, min(_CLIPPED_MAX, len(first) - _CLIPPED_LONGER) + 1)]


def alias_of(short: str, documents: Callable[[str], Collection[str]], of_names: Collection[str], clips: Iterable[str]) -> str | None:
    """The fuller name one organisation name stands for (see :func:`organisation_aliases`), given
    the documents naming each name, the names it is the "of" part of, and the names it may clip."""
    if " " in short or short in _THE_HEADS or country_code(short) is not None:
        return None
    if len(of_names) == 1:
        return next(iter(of_names))
    mine = set(documents(short))
    shared = sorted(((len(mine.intersection(documents(f))), f) for f in clips), reverse=True)
    if shared and shared[0][0] >= _CLIPPED_LEAD * max(1, sum(n for n, _ in shared[1:])):
        return shared[0][1]
    return None


#: What turns mentions into entities: :func:`resolve_mentions`, or the same on a cluster
#: (``kg.blockwise.DaskResolver``).
MentionResolver = Callable[[list[Mention], dict[tuple[str, str], set[str]]], tuple[tuple[Entity, ...], dict[tuple[str, int, int], str]]]


def resolve_graph(extractions: Iterable[Extraction], resolver: MentionResolver | None = None) -> KnowledgeGraph:
    """Resolve the mentions of all extractions into entities and tidy the statements.

    The result depends only on the set of extractions, not their order, so a graph grown
    article by article equals one built from all articles at once. ``resolver`` groups the
    mentions (default :func:`resolve_mentions`; any other must give the same answer).
    """
    extractions = settle_names(settle_types(sorted({e.document.doc_id: e for e in extractions}.values(), key=lambda e: e.document.doc_id)))
    documents = tuple(e.document for e in extractions)
    entities, entity_of = (resolver or resolve_mentions)(*resolution_inputs(extractions))
    labels = {e.entity_id: e.label for e in entities}
    statements = [s for e in extractions for s in e.statements]
    holders = description_holders(extractions, statements, entity_of)
    tidied = tidy_offices({e.document.doc_id: article_statements(e, holders, entity_of) for e in extractions}, entity_of, entities)
    offices, office_of = office_entities_used(tidied.values(), labels)
    entity_of.update(office_of)
    statements = [s for article in tidied.values() for s in article.statements]
    all_entities = tuple(sorted((*entities, *offices), key=lambda e: e.entity_id))
    graph = KnowledgeGraph(documents, all_entities, tuple(sorted(statements, key=statement_order)), entity_of)
    log.info("%d documents, %d entities, %d statements", len(documents), len(all_entities), len(graph.statements))
    return graph
