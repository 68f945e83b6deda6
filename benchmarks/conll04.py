"""CoNLL04 benchmark: kg's closed relations against the CoNLL04 annotations (Roth & Yih 2004).

Runs kg's extraction on each sentence's ``text`` (one loaded pipeline, ``nlp.pipe`` in batches),
maps kg's predicates and entity types to the five CoNLL04 relation types, writes the predictions
as JSON Lines ``{"id", "head", "tail", "type"}`` and scores them with ``conll04_score``. The same
process also scores a baseline: spaCy's own entity pairs labelled by their type signature alone.

Usage (from the repository root)::

    .venv/bin/python benchmarks/conll04.py                      # dev split
    .venv/bin/python benchmarks/conll04.py --split train
    .venv/bin/python benchmarks/conll04.py --input FILE --out PRED.jsonl [--gold FILE]

The mapping from kg to CoNLL04 lives here, not in kg:

=============  ==========================================================  ===========
CoNLL04 type   kg statement                                                 signature
=============  ==========================================================  ===========
Work_For       worksFor, memberOf; holdsPosition with an organisation       Person -> Organization
Live_In        livesIn (also basedIn of a person)                           Person -> Place/Country
Located_In     locatedIn                                                    Place/Country -> Place/Country
OrgBased_In    basedIn (also locatedIn of an organisation)                  Organization -> Place/Country
Kill           kills                                                        Person -> Person
=============  ==========================================================  ===========

Statements of the pair classifier (extractor ``kg.model.pairs.v1``) map by predicate alone: it may
have read an "organisation" of the small model as a town or a person. Negated statements count
as no relation.

By default the CoNLL04 classifier runs at its per-relation thresholds, chosen by 5-fold
cross-validation on train (``benchmarks/train_conll04.py``; dev is scored once);
``--pipeline-default`` scores kg as ``kg build`` runs it (the news classifier), ``--rules-only``
without a classifier. A held-out file scores the same way with ``--input``/``--gold``.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.conll04_score import TYPES, Score, gold_relations, score  # noqa: E402
from kg.extract import DEFAULT, extract_documents  # noqa: E402
from kg.extract.classifier import CONLL04_WEIGHTS, RelationClassifier, default_classifier  # noqa: E402
from kg.extract.entities import person_name  # noqa: E402
from kg.model import Document, Mention, Statement  # noqa: E402
from kg.nlp import load_pipeline, parse_documents  # noqa: E402

#: Where the splits live unless ``KG_CONLL04_DIR`` or ``--input`` says otherwise.
# KG_CONLL04_DIR names the CoNLL04 folder itself; KG_DATA_DIR the folder holding conll04/ and carb/.
DATA_DIR = Path(os.environ.get("KG_CONLL04_DIR") or Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data")) / "conll04")

_LOCATION = frozenset({"Place", "Country"})
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
#: (kg predicate, subject type, object type) -> CoNLL04 type.
_SIGNATURES = {
    ("worksFor", "Person", "Organization"): "Work_For",
    ("memberOf", "Person", "Organization"): "Work_For",
    ("livesIn", "Person", "Place"): "Live_In",
    ("livesIn", "Person", "Country"): "Live_In",
    ("basedIn", "Person", "Place"): "Live_In",
    ("basedIn", "Person", "Country"): "Live_In",
    ("kills", "Person", "Person"): "Kill",
    **{("locatedIn", s, o): "Located_In" for s in _LOCATION for o in _LOCATION},
    **{(p, "Organization", o): "OrgBased_In" for p in ("basedIn", "locatedIn") for o in _LOCATION},
}
#: The extractor name of the pair classifier's statements, and its predicates' CoNLL04 types.
CLASSIFIER = "kg.model.pairs.v1"
_PREDICATE_TYPES = {"worksFor": "Work_For", "livesIn": "Live_In", "locatedIn": "Located_In", "basedIn": "OrgBased_In", "kills": "Kill"}
#: spaCy entity labels -> CoNLL04 entity types, for the baseline.
_SPACY_TYPES = {"PERSON": "Peop", "ORG": "Org", "GPE": "Loc", "LOC": "Loc", "FAC": "Loc"}
#: CoNLL04 type signatures -> relation type, for the baseline.
_BASELINE = {("Peop", "Org"): "Work_For", ("Peop", "Loc"): "Live_In", ("Loc", "Loc"): "Located_In", ("Org", "Loc"): "OrgBased_In", ("Peop", "Peop"): "Kill"}


def load_records(path: str | os.PathLike[str], limit: int | None = None) -> list[dict]:
    """The CoNLL04 lines of a JSONL file (at least ``id`` and ``text`` each), the first ``limit`` only if given."""
    records = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def _documents(records: Iterable[dict]) -> list[Document]:
    # One document per sentence, taken as it is: the corpus holds no headlines or junk to clean.
    return [Document(doc_id=str(r["id"]), text=r["text"], source="conll04", segments=((0, len(r["text"])),)) for r in records]


def argument_text(mention: Mention) -> str | None:
    """The text a CoNLL04 argument would have: a person's name without titles, else the words as written.

    A pronoun (its antecedent lives in ``name``) gives its antecedent's name.
    """
    if mention.text.lower() in _PRONOUNS:
        return mention.name
    if mention.type == "Person":
        return person_name(mention.text)
    return mention.text


def to_conll(statement: Statement) -> dict[str, str] | None:
    """The CoNLL04 relation a kg statement stands for, or None when it stands for none.

    Negated statements count as no relation; hedged ones ("reportedly killed") still do, as the
    annotators marked what the sentence says.
    """
    if statement.polarity != "positive":
        return None
    subject = statement.subject
    obj = statement.object.mention
    if statement.predicate == "holdsPosition":
        # "X, chairman of Y" / "Y chairman X": the position's organisation is the employer.
        obj = statement.qualifiers.affiliation
        kind = "Work_For" if obj is not None and subject.type == "Person" and obj.type == "Organization" else None
    elif statement.extractor == CLASSIFIER and obj is not None:
        # The classifier may overrule the small model's entity label ("Folsom" tagged as a
        # company): its predicate alone says which relation it saw.
        kind = _PREDICATE_TYPES[statement.predicate]
        if statement.predicate in {"locatedIn", "basedIn"}:
            kind = "OrgBased_In" if subject.type == "Organization" and statement.predicate == "basedIn" else kind
    else:
        kind = _SIGNATURES.get((statement.predicate, subject.type, obj.type)) if obj is not None else None
    if kind is None or obj is None:
        return None
    head, tail = argument_text(subject), argument_text(obj)
    if not head or not tail:
        return None
    return {"id": statement.evidence.doc_id, "head": head, "tail": tail, "type": kind}


def predict(records: Sequence[dict], nlp, batch_size: int = 64, classifier=DEFAULT) -> list[dict[str, str]]:
    """kg's relations of every record, mapped to CoNLL04 types, in input order (duplicates kept).

    ``classifier`` goes to ``kg.extract.extract_documents``: the shipped pair classifier by
    default, None for kg's rules alone, or a ``RelationClassifier`` loaded from elsewhere.
    """
    out: list[dict[str, str]] = []
    parsed = parse_documents(nlp, _documents(records), batch_size=batch_size)
    for extraction in extract_documents(parsed, classifier):
        for statement in extraction.statements:
            found = to_conll(statement)
            if found is not None:
                out.append(found)
    return out


def predict_baseline(records: Sequence[dict], nlp, batch_size: int = 64) -> list[dict[str, str]]:
    """The type-signature baseline: every ordered pair of spaCy's own entities whose types fit a relation."""
    out = []
    disabled = [name for name in nlp.pipe_names if name.startswith("kg_")]
    with nlp.select_pipes(disable=disabled):
        for doc, record in nlp.pipe(((r["text"], r) for r in records), as_tuples=True, batch_size=batch_size):
            ents = [(e.text, _SPACY_TYPES[e.label_]) for e in doc.ents if e.label_ in _SPACY_TYPES]
            for i, (head, head_type) in enumerate(ents):
                for j, (tail, tail_type) in enumerate(ents):
                    kind = _BASELINE.get((head_type, tail_type))
                    if i != j and kind is not None:
                        out.append({"id": str(record["id"]), "head": head, "tail": tail, "type": kind})
    return out


def write_predictions(predictions: Iterable[dict[str, str]], path: str | os.PathLike[str]) -> None:
    """Write predictions as JSON Lines, one ``{"id", "head", "tail", "type"}`` per line."""
    with open(path, "w", encoding="utf-8") as stream:
        for p in predictions:
            stream.write(json.dumps({k: p[k] for k in ("id", "head", "tail", "type")}, ensure_ascii=False) + "\n")


def format_score(title: str, result: Score) -> Iterator[str]:
    """Lines of a table: P/R/F1 and counts per type, then micro and macro."""
    yield f"{title}"
    yield f"  {'type':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}"
    for kind, c in result.per_type.items():
        yield f"  {kind:<12} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.tp:5d} {c.pred:5d} {c.gold:5d}"
    m = result.micro
    yield f"  {'micro':<12} {m.precision:6.3f} {m.recall:6.3f} {m.f1:6.3f} {m.tp:5d} {m.pred:5d} {m.gold:5d}"
    yield f"  {'macro':<12} {result.macro_precision:6.3f} {result.macro_recall:6.3f} {result.macro_f1:6.3f}"


def run(records: Sequence[dict], gold_records: Sequence[dict] | None, nlp, out: str | None = None, baseline: bool = True, classifier=DEFAULT) -> dict:
    """Predict, optionally write and score; returns every figure as a dict (also for ``--json``)."""
    started = time.perf_counter()
    predictions = predict(records, nlp, classifier=classifier)
    seconds = time.perf_counter() - started
    if out:
        write_predictions(predictions, out)
    figures: dict = {"sentences": len(records), "predictions": len(predictions), "seconds": round(seconds, 2)}
    if gold_records is None:
        return figures
    gold = gold_relations(gold_records)
    figures["gold"] = len(gold)
    figures["kg"] = {mode: score(gold, predictions, relaxed=mode == "relaxed") for mode in ("strict", "relaxed")}
    if baseline:
        base = predict_baseline(records, nlp)
        figures["baseline"] = {mode: score(gold, base, relaxed=mode == "relaxed") for mode in ("strict", "relaxed")}
    return figures


def _as_json(figures: dict) -> dict:
    def one(s: Score) -> dict:
        per = {k: {"p": c.precision, "r": c.recall, "f1": c.f1, "tp": c.tp, "pred": c.pred, "gold": c.gold} for k, c in s.per_type.items()}
        m = s.micro
        return {"per_type": per, "micro": {"p": m.precision, "r": m.recall, "f1": m.f1}, "macro": {"p": s.macro_precision, "r": s.macro_recall, "f1": s.macro_f1}}

    return {k: ({mode: one(s) for mode, s in v.items()} if k in {"kg", "baseline"} else v) for k, v in figures.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", choices=("train", "dev"), default="dev", help="split under the data folder (default dev)")
    parser.add_argument("--input", help="CoNLL04-format JSONL to run on (default: the split's file)")
    parser.add_argument("--gold", help="gold JSONL to score against (default: the input, when it has relations)")
    parser.add_argument("--out", help="write predictions here as JSONL")
    parser.add_argument("--limit", type=int, help="only the first N sentences (a smoke run)")
    parser.add_argument("--model", help="spaCy pipeline (default: kg's default)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the type-signature baseline")
    parser.add_argument("--json", help="also write every figure as JSON here")
    parser.add_argument("--rules-only", action="store_true", help="kg's rules without the pair classifier")
    parser.add_argument("--weights", help="pair classifier weights to use instead of the shipped ones")
    parser.add_argument("--pipeline-default", action="store_true", help="kg as kg build runs it (the news classifier), not the CoNLL04 one")
    args = parser.parse_args(argv)

    path = Path(args.input) if args.input else DATA_DIR / f"{args.split}.jsonl"
    records = load_records(path, args.limit)
    if args.gold:
        gold_records = load_records(args.gold)
        if args.limit is not None:
            wanted = {str(r["id"]) for r in records}
            gold_records = [g for g in gold_records if str(g["id"]) in wanted]
    else:
        gold_records = records if all("relations" in r and "entities" in r for r in records) else None

    nlp = load_pipeline(args.model)
    if args.rules_only:
        classifier, mode = None, "rules only"
    elif args.pipeline_default:
        classifier = default_classifier()
        mode = "as kg build runs it: rules + the news classifier (kg/data/news.json)"
    else:
        classifier = RelationClassifier.load(args.weights or CONLL04_WEIGHTS)
        mode = f"rules + CoNLL04 pair classifier, thresholds by cross-validation on train ({args.weights or 'shipped weights'})"
    figures = run(records, gold_records, nlp, out=args.out, baseline=not args.no_baseline, classifier=classifier)
    print(f"CoNLL04 {path.name}: {figures['sentences']} sentences, {figures.get('gold', '?')} distinct gold relations; "
          f"model {nlp.meta.get('name')} {nlp.meta.get('version')}; Python {platform.python_version()}")
    print(f"kg ({mode}): {figures['predictions']} predictions in {figures['seconds']:.1f} s")
    if args.out:
        print(f"wrote {args.out}")
    if "kg" in figures:
        for mode in ("strict", "relaxed"):
            print("\n".join(format_score(f"kg, {mode}", figures["kg"][mode])))
        if "baseline" in figures:
            for mode in ("strict", "relaxed"):
                print("\n".join(format_score(f"baseline (spaCy entity pairs by type signature), {mode}", figures["baseline"][mode])))
            for mode in ("strict", "relaxed"):
                ours, base = figures["kg"][mode].micro.f1, figures["baseline"][mode].micro.f1
                ratio = f"{ours / base:.2f}x" if base else "n/a"
                print(f"micro F1 {mode}: kg {ours:.3f}, baseline {base:.3f}, ratio {ratio}")
    if args.json:
        Path(args.json).write_text(json.dumps(_as_json(figures), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
