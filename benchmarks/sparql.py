"""SPARQL on pyoxigraph (the engine behind ``kg query``) against rdflib's own engine, on a synthetic graph.

Input: nothing but a seed; output: a plain table of figures on stdout (and ``--json PATH``). The
graph is built through kg's real code path: seeded ``kg.model`` records -> ``KnowledgeGraph`` ->
``kg.rdf.to_rdf`` -> ``kg.rdf.to_turtle`` (the ``graph.ttl`` that ``kg build`` writes and ``kg query``
loads, subjects grouped as Turtle groups them), so its shape (reified statements, qualifiers, labels, provenance)
is the shape ``kg`` writes. Queries are ``queries/*.rq`` when that folder holds any, else a
built-in set of eight. There are no pass/fail thresholds.

Run from the repository root::

    .venv/bin/python benchmarks/sparql.py --triples 20000            # smoke run, seconds
    .venv/bin/python benchmarks/sparql.py --triples 1000000 --json out/bench.json

Timings are the median of ``--repeat`` runs (rdflib: ``--rdflib-repeat``), each run iterating the
whole result with ``list(...)``. A run over ``--timeout`` seconds is recorded as a timeout and the
query's remaining runs on that engine are skipped. The timeout uses SIGALRM, so Unix only.
"""
from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import platform
import random
import re
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pycountry
import pyoxigraph
import rdflib
from pyoxigraph import RdfFormat, Store
from rdflib.plugins.sparql import prepareQuery

from kg.model import (
    Argument,
    Document,
    Entity,
    Evidence,
    KnowledgeGraph,
    Mention,
    Qualifiers,
    Quantity,
    Statement,
)
from kg.query import read_query_file
from kg.rdf import entity_iri, to_rdf, to_turtle
from kg.resolve import slugify
from kg.vocab import KG, KGR, PREFIXES

REPO = Path(__file__).resolve().parent.parent
QUERIES_DIR = REPO / "queries"
OX_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

# ---------------------------------------------------------------------------------------------
# Synthetic news: names, predicates and the mix of qualifiers
# ---------------------------------------------------------------------------------------------

#: The most popular persons get the seed article's names, so a binding such as ?name = "Marco Rubio" hits.
_ANCHOR_PERSONS = ("Marco Rubio", "S. Jaishankar", "Narendra Modi", "Donald Trump", "Scott Bessent")
_FIRST = (
    "Amara Ana Arjun Beatriz Chen Daniel Elena Farid Fatima Grace Hana Ibrahim Ines Jonas Kenji Lars Leila "
    "Lucas Maria Mei Nadia Omar Pablo Priya Rahul Sara Sofia Tariq Tomas Yara Yusuf Zanele Emma Hugo Ravi Noor "
    "Olga Pedro Aisha Kofi"
).split()
_LAST = (
    "Okafor Silva Sharma Costa Wei Novak Petrova Haddad Rahman Kim Tanaka Khan Moreau Weber Sato Lindqvist "
    "Mansour Ferreira Garcia Zhang Ivanova Ali Ortiz Patel Gupta Nilsson Rossi Aziz Horvat Mendes Dlamini "
    "Schmidt Dubois Mehta Yilmaz Kowalski Santos Nguyen Hassan Mensah Fischer Park Ahmed Bianchi Jansen "
    "Kaur Lopez Mwangi Popescu Suzuki"
).split()
_ORG_ADJ = "National Global Eastern Western Northern Southern Central United Federal Royal Pacific Atlantic Allied Joint Asian African European Coastal Continental Independent".split()
_ORG_NOUN = "Mining Energy Trade Defence Health Shipping Finance Steel Digital Farmers Water Rail Space Ocean Solar Textile Labour Port Chip Grain".split()
_ORG_KIND = "Council Corporation Ministry Authority Union Bank Agency Alliance Institute Commission".split()
_PLACE_PREFIX = ("", "Port ", "San ", "New ", "Lake ", "Fort ")
_PLACE_ROOT = (
    "Amara Belmont Calder Dunmore Elvira Fairhaven Galdor Harrow Ilsen Jarrow Kestrel Lorn Marisol Norwick "
    "Orvieto Pellam Quarry Rosslyn Selby Tamsin Umbra Valen Wexford Yarrow Zenith Ashby Brennan Corvo Delmar "
    "Esker"
).split()
_PLACE_SUFFIX = ("", "ville", "burg", "abad", "pur")
_EVENT_KIND = ("Summit", "Forum", "Conference", "Dialogue", "Expo", "Ministerial")
_AGREEMENT_KIND = ("trade deal", "minerals pact", "security agreement", "Initiative", "energy compact")
_POSITIONS = (
    "President", "Prime Minister", "Secretary of State", "Treasury Secretary", "External Affairs Minister",
    "Foreign Minister", "Trade Minister", "Defence Minister", "Finance Minister", "Ambassador", "Chancellor",
    "Governor", "Mayor", "Chief Executive", "Chairman", "Secretary-General", "Commerce Secretary",
    "Energy Minister", "Health Minister", "Central Bank Governor", "Special Envoy", "Spokesperson",
    "Deputy Prime Minister", "National Security Adviser", "Chief Economist", "Director-General",
)

#: predicate -> (weight, subject types, object types or "amount", relation words, extractor, confidence)
_PREDICATES: dict[str, tuple[float, tuple[str, ...], tuple[str, ...] | str, tuple[str, ...], str, float]] = {
    "meets": (12, ("Person",), ("Person",), ("met with", "met"), "kg.rules.meets.v1", 0.85),
    "speaksWith": (8, ("Person",), ("Person",), ("spoke with", "held talks with", "call between"), "kg.rules.speaksWith.noun.v1", 0.8),
    "holdsPosition": (14, ("Person",), ("Position",), (), "kg.rules.title.v1", 0.9),
    "visits": (7, ("Person",), ("Country", "Place"), ("visited", "visit to"), "kg.rules.visits.v1", 0.85),
    "hosts": (3, ("Country", "Person"), ("Event", "Person"), ("hosted", "will host"), "kg.rules.hosts.v1", 0.85),
    "attends": (4, ("Person", "Country"), ("Event",), ("attended", "joined"), "kg.rules.attends.v1", 0.85),
    "tariffOn": (5, ("Country",), ("Country",), ("tariffs", "duties"), "kg.rules.tariff.v1", 0.6),
    "worksFor": (4, ("Person",), ("Organization",), ("works for", "Minister of"), "kg.rules.appos.v1", 0.75),
    "memberOf": (3, ("Country", "Person"), ("Organization",), ("member of", "joined"), "kg.rules.memberOf.v1", 0.85),
    "supports": (7, ("Person", "Country", "Organization"), ("Agreement", "Person", "Country"), ("supports", "expressed support for", "welcomed"), "kg.rules.supports.noun.v1", 0.8),
    "criticizes": (3, ("Person", "Country", "Organization"), ("Person", "Country", "Agreement"), ("criticized", "condemned"), "kg.rules.criticizes.v1", 0.85),
    "discusses": (4, ("Person", "Country"), ("Agreement", "Event"), ("discussed", "talks on"), "kg.rules.discusses.v1", 0.85),
    "announces": (3, ("Country", "Organization", "Person"), ("Agreement", "Event"), ("announced",), "kg.rules.announces.v1", 0.85),
    "commitsTo": (2, ("Country", "Organization"), "amount", ("committed", "pledged"), "kg.rules.commitsTo.v1", 0.7),
    "agreesTo": (3, ("Country", "Organization"), ("Agreement",), ("agreed to", "signed"), "kg.rules.agreesTo.v1", 0.85),
    "sanctions": (2, ("Country", "Organization"), ("Country", "Organization", "Person"), ("sanctioned",), "kg.rules.sanctions.v1", 0.85),
    "invitedTo": (1, ("Country", "Person"), ("Agreement", "Event"), ("invited to",), "kg.rules.invitedTo.v1", 0.85),
    "organizes": (2, ("Organization", "Country"), ("Event",), ("led", "organised"), "kg.rules.led.v1", 0.8),
    "basedIn": (2, ("Organization",), ("Place", "Country"), ("based in", "headquartered in"), "kg.rules.basedIn.v1", 0.85),
    "locatedIn": (2, ("Place",), ("Country",), ("in",), "kg.rules.locatedIn.v1", 0.85),
    "relatedTo": (6, ("Person", "Country", "Organization"), ("Person", "Country", "Organization", "Agreement"), ("praised", "warned", "backed", "urged", "thanked"), "kg.rules.open.v1", 0.5),
}
#: Predicates whose sentences usually carry a date, and those that often carry a place.
_DATED = {"meets", "speaksWith", "visits", "hosts", "attends", "tariffOn", "announces", "sanctions", "agreesTo", "commitsTo", "discusses"}
_PLACED = {"meets", "speaksWith", "hosts", "attends", "discusses", "agreesTo"}
#: modality -> (weight, hedge written into the sentence, confidence factor)
_MODALITY_MIX = {
    "asserted": (80, "", 1.0),
    "reported": (6, "officials said ", 0.8),
    "expected": (4, "is expected to see ", 0.85),
    "planned": (3, "plans to see ", 0.85),
    "hoped": (3, "hopes to see ", 0.8),
    "claimed": (2, "claimed that ", 0.75),
    "possible": (2, "may see ", 0.7),
}
_NEGATIVE_SHARE = 0.07
_AMOUNTS = ((5e8, "$500 million"), (1.2e9, "$1.2 billion"), (5e9, "$5 billion"), (2e10, "$20 billion"), (5e11, "$500 billion"))
_RATES = (10, 15, 18, 20, 25, 26, 34, 50, 100, 7.5, 12.5)


@dataclass
class _Pools:
    """Entity name pools by type, each ordered by popularity (a Zipf draw favours the front)."""

    names: dict[str, list[str]]
    cum_weights: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for kind, names in self.names.items():
            total, cumulative = 0.0, []
            for rank in range(len(names)):
                total += 1.0 / (rank + 1) ** 0.9
                cumulative.append(total)
            self.cum_weights[kind] = cumulative

    def draw(self, rng: random.Random, kind: str) -> str:
        return rng.choices(self.names[kind], cum_weights=self.cum_weights[kind])[0]


def _unique_names(rng: random.Random, count: int, make: Callable[[random.Random], str], seed: tuple[str, ...] = ()) -> list[str]:
    names, seen = list(seed), set(seed)
    attempts = 0
    while len(names) < count:
        name = make(rng)
        attempts += 1
        if name in seen:
            if attempts > count * 50:  # the combinations ran out: number the rest
                name = f"{name} {len(names)}"
            else:
                continue
        seen.add(name)
        names.append(name)
    return names


def _pools(rng: random.Random, n_docs: int) -> _Pools:
    """Pools sized to the corpus: a few thousand people, fewer organisations, every real country."""
    countries = [getattr(c, "common_name", None) or c.name for c in pycountry.countries]
    rng.shuffle(countries)
    # A handful of countries dominate news, as they do in the seed article.
    for code in reversed(("US", "IN", "CN", "RU", "JP", "DE", "CA")):
        country = pycountry.countries.get(alpha_2=code)
        name = getattr(country, "common_name", None) or country.name
        countries.remove(name)
        countries.insert(0, name)
    places = _unique_names(rng, max(30, n_docs // 3), lambda r: f"{r.choice(_PLACE_PREFIX)}{r.choice(_PLACE_ROOT)}{r.choice(_PLACE_SUFFIX)}")
    return _Pools(
        {
            "Person": _unique_names(
                rng,
                max(60, n_docs * 6 // 5),
                lambda r: f"{r.choice(_FIRST)} {r.choice('ABCDEFGHJKLMNPRST') + '. ' if r.random() < 0.5 else ''}{r.choice(_LAST)}",
                _ANCHOR_PERSONS,
            ),
            "Country": countries,
            "Organization": _unique_names(rng, max(20, n_docs * 2 // 5), lambda r: f"{r.choice(_ORG_ADJ)} {r.choice(_ORG_NOUN)} {r.choice(_ORG_KIND)}"),
            "Place": places,
            "Event": _unique_names(rng, max(10, n_docs // 6), lambda r: f"{r.choice(places)} {r.choice(_EVENT_KIND)} {r.randint(2023, 2026)}"),
            "Agreement": _unique_names(rng, max(10, n_docs // 10), lambda r: f"{r.choice(countries[:40])}-{r.choice(countries[:40])} {r.choice(_AGREEMENT_KIND)}"),
            "Position": list(_POSITIONS),
        }
    )


def _short_form(kind: str, label: str, rng: random.Random) -> str:
    """A surface form other than the label, as news text uses: "Rubio", "NMC", "USA"."""
    words = label.split()
    if kind == "Person":
        return f"Mr. {words[-1]}" if rng.random() < 0.5 else words[-1]
    if kind == "Organization":
        return "".join(w[0] for w in words)
    if kind == "Country":
        return _country_code(label)
    return label


@functools.cache
def _country_code(name: str) -> str:
    return pycountry.countries.lookup(name).alpha_3


class _Corpus:
    """Accumulates documents, mentions and statements; ``graph()`` returns the KnowledgeGraph."""

    def __init__(self, rng: random.Random, pools: _Pools) -> None:
        self.rng, self.pools = rng, pools
        self.documents: list[Document] = []
        self.statements: list[Statement] = []
        self.mentions: dict[str, list[Mention]] = defaultdict(list)  # entity id -> mentions
        self.kinds: dict[str, tuple[str, str]] = {}  # entity id -> (type, label)
        self.entity_of: dict[tuple[str, int, int], str] = {}
        self._predicates = list(_PREDICATES)
        self._predicate_weights = [spec[0] for spec in _PREDICATES.values()]
        self._modalities = list(_MODALITY_MIX)
        self._modality_weights = [spec[0] for spec in _MODALITY_MIX.values()]

    def add_document(self, index: int) -> None:
        rng = self.rng
        source = f"https://news.example.org/{index:07d}"
        doc_id = hashlib.sha1(source.encode()).hexdigest()[:16]
        published = date(2024, 1, 1) + timedelta(days=rng.randrange(912))
        parts: list[str] = []
        length = 0

        def write(text: str) -> tuple[int, int]:
            nonlocal length
            parts.append(text)
            length += len(text)
            return length - len(text), length

        def mention(kind: str) -> Mention:
            label = self.pools.draw(rng, kind)
            text = label if rng.random() < 0.8 else _short_form(kind, label, rng)
            start, end = write(text)
            entity_id = f"{kind.lower()}/{slugify(label)}"
            found = Mention(doc_id, start, end, text, kind, text, entity_id)
            self.kinds[entity_id] = (kind, label)
            self.mentions[entity_id].append(found)
            self.entity_of[(doc_id, start, end)] = entity_id
            return found

        title = None
        for _ in range(rng.randint(8, 32)):
            predicate = rng.choices(self._predicates, weights=self._predicate_weights)[0]
            _weight, subject_types, object_types, relations, extractor, confidence = _PREDICATES[predicate]
            modality = rng.choices(self._modalities, weights=self._modality_weights)[0]
            polarity = "negative" if rng.random() < _NEGATIVE_SHARE else "positive"
            sentence_start = length
            affiliation = None
            if predicate == "holdsPosition":
                # Titles are presupposed ("Secretary of State Marco Rubio"): always positive and asserted.
                polarity, modality = "positive", "asserted"
                if rng.random() < 0.7:
                    affiliation = mention(rng.choice(("Country", "Country", "Organization")))
                    write(" ")
                obj_mention = mention("Position")
                write(" ")
                subject = mention("Person")
                relation = obj_mention.text
                write(" said on Monday")
            else:
                subject = mention(rng.choice(subject_types))
                relation = rng.choice(relations)
                write(f" {_MODALITY_MIX[modality][1]}{'did not ' if polarity == 'negative' else ''}{relation} ")
                obj_mention = None if object_types == "amount" else mention(rng.choice(object_types))
            obj = Argument(mention=obj_mention)
            if object_types == "amount":
                value, text = rng.choice(_AMOUNTS)
                write(text)
                obj = Argument(quantity=Quantity(value, text, currency="USD"))
            rate = amount = location = None
            if predicate == "tariffOn":
                value = rng.choice(_RATES)
                rate = Quantity(value, f"{value:g}%", unit="percent")
                write(f" of {rate.text}")
            elif predicate == "agreesTo" and rng.random() < 0.2:
                value, text = rng.choice(_AMOUNTS)
                amount = Quantity(value, text, currency="USD")
                write(f" worth {text}")
            if predicate in _PLACED and rng.random() < 0.4:
                write(" in ")
                location = mention("Place")
            day = None
            if predicate in _DATED and rng.random() < 0.75:
                when = published - timedelta(days=rng.randrange(10))
                day = rng.choices((when.isoformat(), when.isoformat()[:7], when.isoformat()[:4]), weights=(75, 18, 7))[0]
                write(f" on {day}")
            write(".")
            sentence_end = length
            write(" ")
            self.statements.append(
                Statement(
                    subject=subject,
                    predicate=predicate,
                    object=obj,
                    relation=relation,
                    evidence=Evidence(doc_id, "".join(parts)[sentence_start:sentence_end], sentence_start, sentence_end),
                    extractor=extractor,
                    qualifiers=Qualifiers(date=day, location=location, affiliation=affiliation, rate=rate, amount=amount),
                    polarity=polarity,
                    modality=modality,
                    confidence=round(confidence * _MODALITY_MIX[modality][2], 2),
                )
            )
            title = title or self.statements[-1].evidence.sentence
        self.documents.append(Document(doc_id, "".join(parts), source, title=title, published=published))

    def graph(self) -> KnowledgeGraph:
        entities = []
        for entity_id in sorted(self.mentions):
            kind, label = self.kinds[entity_id]
            mentions = tuple(self.mentions[entity_id])
            aliases = tuple(sorted({m.text for m in mentions} - {label}))
            entities.append(Entity(entity_id, kind, label, aliases, mentions))
        return KnowledgeGraph(tuple(self.documents), tuple(entities), tuple(self.statements), dict(self.entity_of))


def synthetic_graph(n_docs: int, seed: int) -> KnowledgeGraph:
    """A seeded, news-shaped KnowledgeGraph of ``n_docs`` documents (about 20 statements each)."""
    rng = random.Random(seed)
    corpus = _Corpus(rng, _pools(rng, n_docs))
    for index in range(n_docs):
        corpus.add_document(index)
    return corpus.graph()


#: Entity triples kg writes with a kg: predicate that are not facts (see kg.rdf).
_ENTITY_COUNTS = (KG.statementCount, KG.neighbourCount, KG.documentCount)


def _triple_rates(graph: KnowledgeGraph) -> tuple[float, float, float]:
    """Triples per statement, per entity and per document, measured on ``to_rdf(graph)``.

    A statement owns its node's triples and its bare fact (an entity subject with a kg:
    predicate); an entity owns its type and labels; a document its metadata and schema:mentions.
    """
    counts = {"stmt": 0, "entity": 0, "doc": 0}
    stmt, entity, doc, kg_ns = (str(KGR["stmt/"]), str(KGR["entity/"]), str(KGR["doc/"]), str(KG))
    for subject, predicate, _ in to_rdf(graph):
        subject = str(subject)
        if subject.startswith(stmt) or (subject.startswith(entity) and str(predicate).startswith(kg_ns) and predicate not in _ENTITY_COUNTS):
            counts["stmt"] += 1
        elif subject.startswith(entity):
            counts["entity"] += 1
        elif subject.startswith(doc):
            counts["doc"] += 1
    return counts["stmt"] / len(graph.statements), counts["entity"] / len(graph.entities), counts["doc"] / len(graph.documents)


def sized_graph(triples: int, seed: int, pilot_docs: int = 100) -> KnowledgeGraph:
    """A synthetic graph of about ``triples`` triples (within 1 %).

    Entities are shared across documents, so triples do not grow linearly with documents: the
    rates of a small pilot graph estimate each candidate's size, and synthesis (cheap next to
    to_rdf) is repeated with a corrected document count until the estimate is close.
    """
    pilot = synthetic_graph(pilot_docs, seed)
    per_statement, per_entity, per_document = _triple_rates(pilot)

    def estimate(graph: KnowledgeGraph) -> float:
        return per_statement * len(graph.statements) + per_entity * len(graph.entities) + per_document * len(graph.documents)

    n_docs = max(1, round(triples * pilot_docs / estimate(pilot)))
    for _ in range(5):
        graph = synthetic_graph(n_docs, seed)
        size = estimate(graph)
        if abs(size - triples) <= triples / 100:
            break
        n_docs = max(1, round(n_docs * triples / size))
    return graph


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

_BUILTIN_QUERIES = {
    "meetings": """# Meetings between people, with their date and, when known, their place.
SELECT ?a ?b ?date ?place WHERE {
  ?s a kg:Statement ; kg:predicate kg:meets ; kg:polarity kg:Positive ;
     kg:subject/skos:prefLabel ?a ; kg:object/skos:prefLabel ?b ; kg:date ?date .
  OPTIONAL { ?s kg:location/skos:prefLabel ?place }
} ORDER BY DESC(STR(?date)) ?a ?b""",
    "tariffs": """# Tariffs with their rates, highest first.
SELECT ?imposer ?target ?rate ?date WHERE {
  ?s kg:predicate kg:tariffOn ; kg:subject/skos:prefLabel ?imposer ;
     kg:object/skos:prefLabel ?target ; kg:rate ?rate .
  OPTIONAL { ?s kg:date ?date }
} ORDER BY DESC(?rate) ?imposer ?target""",
    "positions": """# Who holds which position, and for whom (the direct fact plus the statement's affiliation).
SELECT ?person ?position ?for WHERE {
  ?p kg:holdsPosition ?pos .
  ?p skos:prefLabel ?person . ?pos skos:prefLabel ?position .
  OPTIONAL { ?s kg:subject ?p ; kg:predicate kg:holdsPosition ; kg:object ?pos ; kg:affiliation/skos:prefLabel ?for }
}""",
    "negated_or_hedged": """# Claims that are negated or not asserted, with their modality and sentence.
SELECT ?subject ?predicate ?object ?polarity ?modality ?sentence WHERE {
  ?s a kg:Statement ; kg:subject/skos:prefLabel ?subject ; kg:predicate ?predicate ;
     kg:polarity ?polarity ; kg:modality ?modality ; kg:sentence ?sentence .
  OPTIONAL { ?s kg:object/skos:prefLabel ?object }
  FILTER (?polarity = kg:Negative || ?modality != kg:Asserted)
}""",
    "entity_by_name": """# Every statement about an entity named ?name (label or alias), either side.
# @param name  a label or alias (pyoxigraph substitutes only projected variables)
SELECT ?name ?s ?predicate ?other ?date WHERE {
  ?e skos:prefLabel|skos:altLabel ?name .
  { ?s kg:subject ?e ; kg:object ?o } UNION { ?s kg:object ?e ; kg:subject ?o }
  ?s kg:predicate ?predicate .
  ?o skos:prefLabel ?other .
  OPTIONAL { ?s kg:date ?date }
}""",
    "document_statements": """# The statements read from one document, in text order.
# @param doc  the document id (kg:docId)
SELECT ?doc ?s ?predicate ?start ?sentence WHERE {
  ?d kg:docId ?doc .
  ?s prov:wasDerivedFrom ?d ; kg:predicate ?predicate ; kg:startOffset ?start ; kg:sentence ?sentence .
} ORDER BY ?start ?s""",
    "most_connected": """# The 20 entities in most statements, as subject or object.
SELECT ?e ?label (COUNT(DISTINCT ?s) AS ?n) WHERE {
  { ?s kg:subject ?e } UNION { ?s kg:object ?e }
  ?e skos:prefLabel ?label .
} GROUP BY ?e ?label ORDER BY DESC(?n) ?e LIMIT 20""",
    "statements_per_predicate": """# Statement counts per predicate and polarity.
SELECT ?predicate ?polarity (COUNT(?s) AS ?n) WHERE {
  ?s kg:predicate ?predicate ; kg:polarity ?polarity .
} GROUP BY ?predicate ?polarity ORDER BY ?predicate ?polarity""",
}
_BUILTIN_BINDINGS = {"entity_by_name": ("name",), "document_statements": ("doc",)}


@dataclass
class Query:
    name: str
    source: str
    description: str
    text: str
    bindings: dict[str, rdflib.term.Identifier]


def _description(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip()
    return ""


#: ``@param`` name -> the kind of value it takes; values are strings as ``kg query --bind`` passes them.
_PARAMETER_KINDS = {
    "name": "label", "label": "label", "entity": "entity", "person": "entity",
    "doc": "doc_id", "docId": "doc_id", "document": "doc_id", "country": "country_label",
}


def binding_values(graph: KnowledgeGraph) -> dict[str, rdflib.term.Identifier]:
    """Values that exist in the synthetic data, by parameter kind: the most mentioned person and country, the largest document."""
    persons = [e for e in graph.entities if e.type == "Person"]
    person = max(persons, key=lambda e: (len(e.mentions), e.entity_id))
    # (A built graph may name no country: then any entity, so the query runs and finds none.)
    countries = [e for e in graph.entities if e.type == "Country"] or list(graph.entities)
    country = max(countries, key=lambda e: (len(e.mentions), e.entity_id))
    per_doc: dict[str, int] = defaultdict(int)
    for statement in graph.statements:
        per_doc[statement.evidence.doc_id] += 1
    doc_id = max(per_doc, key=lambda d: (per_doc[d], d))
    return {
        "label": rdflib.Literal(person.label),
        "entity": entity_iri(person.entity_id),
        "doc_id": rdflib.Literal(doc_id),
        "country_label": rdflib.Literal(country.label),
    }


def load_queries(directory: Path, values: dict[str, rdflib.term.Identifier], builtin: bool) -> list[Query]:
    """``queries/*.rq`` when present (and ``builtin`` is false), else the built-in set.

    A ``.rq`` file is read with :func:`kg.query.read_query_file`, as ``kg query`` reads it: the
    first comment line is the description and ``# @param NAME`` lines name the values it needs.
    """
    files = [] if builtin else sorted(directory.glob("*.rq"))
    if not files:
        return [
            Query(name, "builtin", _description(text), text, {p: values[_PARAMETER_KINDS[p]] for p in _BUILTIN_BINDINGS.get(name, ())})
            for name, text in _BUILTIN_QUERIES.items()
        ]
    found = []
    for path in files:
        named = read_query_file(path)
        source = str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)
        unknown = [p for p in named.params if p not in _PARAMETER_KINDS]
        if unknown:
            _log(f"skipping {source}: no synthetic value for @param {', '.join(unknown)}")
            continue
        bindings = {p: values[_PARAMETER_KINDS[p]] for p in named.params}
        found.append(Query(named.name, source, named.description, named.text, bindings))
    return found


def _ox_term(term: rdflib.term.Identifier):
    if isinstance(term, rdflib.URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, rdflib.Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise TypeError(f"cannot bind {term!r}")


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------


class _Timeout(BaseException):
    """Raised by SIGALRM; a BaseException so that no ``except Exception`` inside an engine swallows it."""


def _on_alarm(signum, frame):  # noqa: ARG001
    raise _Timeout


def _timed(run: Callable[[], int], timeout: float) -> tuple[float, int]:
    """(seconds, rows) of one run; raises _Timeout past ``timeout`` seconds."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        start = time.perf_counter()
        rows = run()
        return time.perf_counter() - start, rows
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _rows(result) -> int:
    if isinstance(result, (bool, pyoxigraph.QueryBoolean)):
        return int(bool(result))
    if getattr(result, "type", None) == "ASK":  # rdflib Result
        return int(bool(result.askAnswer))
    return len(list(result))


def measure(run: Callable[[], int], repeat: int, timeout: float) -> dict[str, object]:
    """Median milliseconds over ``repeat`` runs; stops at the first timeout or error."""
    runs: list[float] = []
    rows = None
    try:
        for _ in range(repeat):
            seconds, rows = _timed(run, timeout)
            runs.append(seconds * 1000)
    except _Timeout:
        return {"ms": None, "runs_ms": runs, "rows": rows, "status": f"timeout>{timeout:g}s"}
    except Exception as err:  # an engine rejecting a query is a figure too, not a crash
        return {"ms": None, "runs_ms": runs, "rows": rows, "status": f"error: {type(err).__name__}: {str(err).splitlines()[0][:120]}"}
    return {"ms": statistics.median(runs), "runs_ms": runs, "rows": rows, "status": "ok"}


def _stopwatch(step: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = step()
    return time.perf_counter() - start, value


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="target size of the graph (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20260204, help="random seed of the synthetic corpus")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query on pyoxigraph (median reported)")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="runs per query on rdflib")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before one run counts as a timeout")
    parser.add_argument("--queries", type=Path, default=QUERIES_DIR, help="folder of .rq files (default: queries/)")
    parser.add_argument("--builtin", action="store_true", help="use the built-in queries even when .rq files exist")
    parser.add_argument("--skip-rdflib", action="store_true", help="time pyoxigraph only")
    parser.add_argument("--keep", type=Path, default=None, help="also copy the Turtle file here")
    parser.add_argument("--load", type=Path, default=None, help="query this Turtle file (from --keep) instead of synthesising one")
    parser.add_argument("--kg-output", type=Path, default=None, metavar="DIR",
                        help="query the graph.ttl of a `kg build` output folder (real articles) instead of a synthetic graph")
    parser.add_argument("--reference", type=Path, default=None, help="folder of earlier .rq files: compare each query's rows with the file of the same name")
    parser.add_argument("--reference-rev", default=None, metavar="REV", help="as --reference, with queries/*.rq at this git revision (e.g. main)")
    parser.add_argument("--json", type=Path, default=None, help="write all figures to this JSON file")
    return parser.parse_args(argv)


def _log(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def _fmt_ms(result: dict[str, object]) -> str:
    return f"{result['ms']:.1f}" if result["ms"] is not None else str(result["status"]).split(":")[0]


def build_ntriples(triples: int, seed: int, nt: Path) -> tuple[dict[str, rdflib.term.Identifier], dict, dict]:
    """Synthesise about ``triples`` triples through kg.rdf.to_rdf and write them to ``nt``.

    Returns:
        Binding values that exist in the data, the graph's counts and the build timings.
    """
    _log(f"synthesising about {triples:,} triples")
    synth_s, graph = _stopwatch(lambda: sized_graph(triples, seed))
    values = binding_values(graph)
    _log(f"kg.rdf.to_rdf over {len(graph.statements):,} statements")
    to_rdf_s, rdf = _stopwatch(lambda: to_rdf(graph))
    counts = {
        "triples": len(rdf),
        "documents": len(graph.documents),
        "entities": len(graph.entities),
        "statements": len(graph.statements),
        "negative": sum(s.polarity == "negative" for s in graph.statements),
        "not_asserted": sum(s.modality != "asserted" for s in graph.statements),
    }
    _log(f"serialising {len(rdf):,} triples to Turtle as kg build writes graph.ttl")
    serialise_s, _ = _stopwatch(lambda: nt.write_text(to_turtle(rdf), encoding="utf-8"))
    counts["ntriples_mb"] = round(nt.stat().st_size / 1e6, 1)
    build = {"synthesise": synth_s, "to_rdf": to_rdf_s, "serialise_nt": serialise_s}
    return values, counts, build


def load_engines(nt: Path, with_rdflib: bool) -> tuple[Store, rdflib.Graph | None, dict[str, float]]:
    """Load ``nt`` into pyoxigraph twice (``load``, then ``bulk_load``, which ``kg query`` uses) and into rdflib.

    Returns:
        The bulk-loaded in-memory store, the rdflib graph (None without rdflib) and the load figures.
    """
    _log("loading into pyoxigraph: Store().load")
    store = Store()
    load_s, _ = _stopwatch(lambda: store.load(path=str(nt), format=RdfFormat.TURTLE))
    load: dict[str, float] = {"oxigraph_load": load_s, "oxigraph_len": len(store)}
    del store
    _log("loading into pyoxigraph: Store().bulk_load")
    store = Store()
    bulk_s, _ = _stopwatch(lambda: store.bulk_load(path=str(nt), format=RdfFormat.TURTLE))
    load.update({"oxigraph_bulk_load": bulk_s, "oxigraph_bulk_len": len(store)})
    if not with_rdflib:
        return store, None, load
    _log("loading into rdflib: Graph().parse(format='nt')")
    graph = rdflib.Graph()
    parse_s, _ = _stopwatch(lambda: graph.parse(str(nt), format="turtle"))
    load.update({"rdflib_parse": parse_s, "rdflib_len": len(graph)})
    return store, graph, load


def time_query(query: Query, store: Store, graph: rdflib.Graph | None, args: argparse.Namespace) -> dict[str, object]:
    """Both engines' figures for one query."""
    substitutions = {pyoxigraph.Variable(k): _ox_term(v) for k, v in query.bindings.items()}
    _log(f"query {query.name}: pyoxigraph x{args.repeat}")
    ox = measure(lambda: _rows(store.query(query.text, prefixes=OX_PREFIXES, substitutions=substitutions or None)), args.repeat, args.timeout)
    rd: dict[str, object] = {"ms": None, "runs_ms": [], "rows": None, "status": "skipped"}
    if graph is not None:
        _log(f"query {query.name}: rdflib x{args.rdflib_repeat}")
        try:
            prepared = prepareQuery(query.text, initNs=PREFIXES)
        except Exception as err:  # an rdflib parse failure is a figure too
            rd["status"] = f"error: {type(err).__name__}: {str(err).splitlines()[0][:120]}"
        else:
            rd = measure(lambda: _rows(graph.query(prepared, initBindings=query.bindings)), args.rdflib_repeat, args.timeout)
    both = ox["rows"] is not None and rd["rows"] is not None
    return {
        "name": query.name,
        "source": query.source,
        "description": query.description,
        "bindings": {k: v.n3() for k, v in query.bindings.items()},
        "oxigraph": ox,
        "rdflib": rd,
        "ratio": rd["ms"] / ox["ms"] if rd["ms"] is not None and ox["ms"] else None,
        "rows_match": ox["rows"] == rd["rows"] if both else None,
    }


def _loaded(args: argparse.Namespace, nt: Path) -> tuple[dict[str, rdflib.term.Identifier], dict, dict]:
    """Binding values and counts for a Turtle file written by an earlier run with the same
    ``--triples`` and ``--seed`` (the synthetic records are made again, not converted)."""
    _log(f"synthesising about {args.triples:,} triples for the values of {nt}")
    synth_s, graph = _stopwatch(lambda: sized_graph(args.triples, args.seed))
    return binding_values(graph), _counts(graph, nt), {"synthesise": synth_s, "to_rdf": 0.0, "serialise_nt": 0.0}


def _counts(graph: KnowledgeGraph, turtle: Path) -> dict:
    """What the report says of a graph whose Turtle file was made elsewhere."""
    return {
        "triples": None,
        "documents": len(graph.documents),
        "entities": len(graph.entities),
        "statements": len(graph.statements),
        "negative": sum(s.polarity == "negative" for s in graph.statements),
        "not_asserted": sum(s.modality != "asserted" for s in graph.statements),
        "ntriples_mb": round(turtle.stat().st_size / 1e6, 1),
    }


def _built(folder: Path) -> tuple[dict[str, rdflib.term.Identifier], dict, dict]:
    """Binding values and counts for the graph ``kg build`` wrote into ``folder``: its
    ``extractions.jsonl`` resolved again (the graph of its ``graph.ttl``)."""
    from kg.pipeline import read_extractions
    from kg.resolve import resolve_graph

    _log(f"resolving {folder / 'extractions.jsonl'} for the values of {folder / 'graph.ttl'}")
    seconds, graph = _stopwatch(lambda: resolve_graph(read_extractions(folder / "extractions.jsonl")[1]))
    return binding_values(graph), _counts(graph, folder / "graph.ttl"), {"synthesise": seconds, "to_rdf": 0.0, "serialise_nt": 0.0}


def _checkout_queries(rev: str, folder: Path) -> None:
    """queries/*.rq as they were at git revision ``rev``, into ``folder``."""
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    names = subprocess.run(["git", "ls-tree", "--name-only", f"{rev}:queries"], cwd=REPO, check=True, capture_output=True, text=True).stdout.split()
    for name in names:
        if name.endswith(".rq"):
            text = subprocess.run(["git", "show", f"{rev}:queries/{name}"], cwd=REPO, check=True, capture_output=True, text=True).stdout
            (folder / name).write_text(text, encoding="utf-8")


def _all_rows(store: Store, text: str, bindings: dict[str, rdflib.term.Identifier]) -> tuple[list[str], list[tuple[str | None, ...]]]:
    substitutions = {pyoxigraph.Variable(k): _ox_term(v) for k, v in bindings.items()}
    result = store.query(text, prefixes=OX_PREFIXES, substitutions=substitutions or None)
    if isinstance(result, pyoxigraph.QueryBoolean):
        return ["ask"], [(str(bool(result)),)]
    if isinstance(result, pyoxigraph.QuerySolutions):
        names = [v for v in result.variables]
        return [v.value for v in names], [tuple(None if solution[v] is None else str(solution[v]) for v in names) for solution in result]
    return ["s", "p", "o"], sorted(tuple(str(term) for term in triple) for triple in result)


_ORDER_BY = re.compile(r"ORDER\s+BY\s+(.*?)(?:LIMIT|OFFSET|$)", re.IGNORECASE | re.DOTALL)


def _order_keys(text: str) -> list[str]:
    """The variables a query's ORDER BY names, in order (DESC(?x) and ASC(?x) give x)."""
    found = _ORDER_BY.search(text)
    return re.findall(r"\?(\w+)", found.group(1)) if found else []


def time_against_reference(query: Query, reference: Path, store: Store, args: argparse.Namespace) -> dict[str, float]:
    """Median ms of the query and of the reference query, their runs interleaved (new, reference,
    new, ...) so that both see the same load on the machine."""
    substitutions = {pyoxigraph.Variable(k): _ox_term(v) for k, v in query.bindings.items()} or None
    texts = {"ms": query.text, "reference_ms": read_query_file(reference).text}
    runs: dict[str, list[float]] = {key: [] for key in texts}
    _log(f"query {query.name}: timing against {reference}, interleaved")
    for _ in range(args.repeat):
        for key, text in texts.items():
            seconds, _ = _timed(lambda text=text: _rows(store.query(text, prefixes=OX_PREFIXES, substitutions=substitutions)), args.timeout)
            runs[key].append(seconds * 1000)
    return {key: statistics.median(values) for key, values in runs.items()}


def compare_rows(query: Query, reference: Path, store: Store) -> dict[str, object]:
    """The rows of ``query`` against those of the reference query file of the same name, on the same store.

    Returns:
        ``status``: "same" (same rows in the same order), "same rows, other order", "different"
        or "no reference"; with counts of rows found only on either side.
    """
    if not reference.is_file():
        return {"status": "no reference"}
    _log(f"query {query.name}: rows against {reference}")
    reference_text = read_query_file(reference).text
    names, ours = _all_rows(store, query.text, query.bindings)
    reference_names, theirs = _all_rows(store, reference_text, query.bindings)
    if names != reference_names:
        return {"status": "different", "rows": len(ours), "only_new": len(ours), "only_reference": len(theirs)}
    if ours == theirs:
        return {"status": "same", "rows": len(ours)}
    from collections import Counter

    only_ours, only_theirs = Counter(ours) - Counter(theirs), Counter(theirs) - Counter(ours)
    if only_ours or only_theirs:
        return {"status": "different", "rows": len(ours), "only_new": sum(only_ours.values()), "only_reference": sum(only_theirs.values())}
    # The same rows in another order: fine when the reference's ORDER BY keys run the same,
    # i.e. only rows that its ORDER BY leaves tied (and orders as the engine likes) moved.
    keys = [names.index(k) for k in _order_keys(reference_text) if k in names]
    if keys and [tuple(row[i] for i in keys) for row in ours] == [tuple(row[i] for i in keys) for row in theirs]:
        return {"status": "same rows; order differs only among rows tied on the reference's ORDER BY", "rows": len(ours)}
    return {"status": "same rows, other order", "rows": len(ours)}


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    wall = time.perf_counter()
    figures: dict[str, object] = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(), "loadavg_start": os.getloadavg()},
        "versions": {"pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__},
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
    }
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        nt = Path(tmp) / "graph.ttl"
        if args.kg_output:
            nt = args.kg_output / "graph.ttl"
            values, figures["graph"], figures["build_s"] = _built(args.kg_output)
        elif args.load:
            nt = args.load
            values, figures["graph"], figures["build_s"] = _loaded(args, nt)
        else:
            values, figures["graph"], figures["build_s"] = build_ntriples(args.triples, args.seed, nt)
        if args.keep:
            shutil.copyfile(nt, args.keep)
        store, graph, figures["load_s"] = load_engines(nt, not args.skip_rdflib)
        figures["graph"]["triples"] = len(store)
        reference = args.reference
        if args.reference_rev:
            reference = Path(tmp) / "reference"
            _checkout_queries(args.reference_rev, reference)
        queries = load_queries(args.queries, values, args.builtin)
        figures["queries"] = [time_query(query, store, graph, args) for query in queries]
        if reference is not None:
            for query, result in zip(queries, figures["queries"]):
                result["reference"] = compare_rows(query, reference / Path(query.source).name, store)
                if result["reference"]["status"] != "no reference":
                    result["reference"].update(time_against_reference(query, reference / Path(query.source).name, store, args))
    figures["wall_s"] = time.perf_counter() - wall
    figures["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["machine"]["loadavg_end"] = os.getloadavg()

    for line in report(figures):
        print(line)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def report(figures: dict) -> Iterator[str]:
    """The printed table, one line at a time."""
    g, build, load = figures["graph"], figures["build_s"], figures["load_s"]
    m, v = figures["machine"], figures["versions"]
    yield f"kg SPARQL benchmark: pyoxigraph {v['pyoxigraph']} vs rdflib {v['rdflib']} (Python {m['python']}, {m['cpus']} CPUs)"
    yield (
        f"graph      {g['triples']:,} triples: {g['documents']:,} documents, {g['entities']:,} entities, "
        f"{g['statements']:,} statements ({g['negative']:,} negative, {g['not_asserted']:,} not asserted); "
        f"Turtle {g['ntriples_mb']:.1f} MB"
    )
    if figures["args"].get("kg_output"):
        yield f"build      the graph.ttl of `kg build` in {figures['args']['kg_output']} (its extractions resolved again for the values: {build['synthesise']:.1f} s)"
    else:
        yield f"build      synthesise (with sizing) {build['synthesise']:.1f} s, kg.rdf.to_rdf {build['to_rdf']:.1f} s, kg.rdf.to_turtle {build['serialise_nt']:.1f} s"
    yield ""
    yield f"{'load':<34} {'seconds':>9} {'triples':>11}"
    yield f"{'  pyoxigraph Store.load':<34} {load['oxigraph_load']:>9.2f} {load['oxigraph_len']:>11,}"
    yield f"{'  pyoxigraph Store.bulk_load':<34} {load['oxigraph_bulk_load']:>9.2f} {load['oxigraph_bulk_len']:>11,}"
    if "rdflib_parse" in load:
        yield f"{'  rdflib Graph.parse':<34} {load['rdflib_parse']:>9.2f} {load['rdflib_len']:>11,}"
        yield f"{'  ratio rdflib / Store.load':<34} {load['rdflib_parse'] / load['oxigraph_load']:>8.1f}x"
        yield f"{'  ratio rdflib / Store.bulk_load':<34} {load['rdflib_parse'] / load['oxigraph_bulk_load']:>8.1f}x"
    yield ""
    args = figures["args"]
    yield f"{'query':<26} {'oxigraph ms':>12} {'rdflib ms':>12} {'ratio':>9} {'rows ox':>9} {'rows rdflib':>11}   (median of {args['repeat']} / {args['rdflib_repeat']} runs; pyoxigraph on the bulk-loaded store, as kg query)"
    warnings = []
    for q in figures["queries"]:
        ox, rd = q["oxigraph"], q["rdflib"]
        ratio = f"{q['ratio']:.1f}x" if q["ratio"] is not None else "-"
        rows_ox = "-" if ox["rows"] is None else f"{ox['rows']:,}"
        rows_rd = "-" if rd["rows"] is None else f"{rd['rows']:,}"
        yield f"{q['name'][:26]:<26} {_fmt_ms(ox):>12} {_fmt_ms(rd):>12} {ratio:>9} {rows_ox:>9} {rows_rd:>11}"
        if q["rows_match"] is False:
            warnings.append(f"WARNING: {q['name']}: pyoxigraph returned {ox['rows']} rows, rdflib {rd['rows']}")
        for engine, result in (("pyoxigraph", ox), ("rdflib", rd)):
            if result["status"] not in ("ok", "skipped"):
                warnings.append(f"note: {q['name']}: {engine} {result['status']}")
    if any("reference" in q for q in figures["queries"]):
        yield ""
        yield "against the reference queries (same store; every row compared; ms: medians of interleaved runs):"
        for q in figures["queries"]:
            ref = q.get("reference", {"status": "no reference"})
            extra = f" ({ref['only_new']} rows only in the new query, {ref['only_reference']} only in the reference)" if ref["status"] == "different" else ""
            timing = f"{ref['reference_ms']:8.1f} -> {ref['ms']:7.1f} ms  " if "ms" in ref else " " * 29
            yield f"  {q['name']:<12} {timing}{ref['status']}{extra}" + (f", {ref['rows']:,} rows" if "rows" in ref else "")
            if ref["status"] == "different":
                warnings.append(f"WARNING: {q['name']}: rows differ from the reference query")
    yield ""
    for q in figures["queries"]:
        bound = ", ".join(f"?{k} = {v}" for k, v in q["bindings"].items())
        yield f"  {q['name']:<24} {q['source']}: {q['description']}" + (f"  [{bound}]" if bound else "")
    yield from warnings
    yield ""
    load_avg = " -> ".join(f"{m[key][0]:.2f}" for key in ("loadavg_start", "loadavg_end"))
    yield f"wall time {figures['wall_s']:.0f} s; peak RSS {figures['max_rss_mb']:,.0f} MB; 1-minute load average {load_avg} (other work on the machine skews figures)"


if __name__ == "__main__":
    sys.exit(main())
