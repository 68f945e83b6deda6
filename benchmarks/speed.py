"""kg's speed against the floor spaCy sets: the same texts through bare ``nlp.pipe`` and through kg.

Corpus: the CoNLL04 sentences (train + dev) grouped into articles of 20 sentences, the CaRB
dev sentences grouped the same way, and the seed article; so about 1,800 sentences in 90
documents. Three timings, in the same process and on the same pipeline object:

- spaCy: ``nlp.pipe`` over the documents' texts with en_core_web_sm alone (kg's component
  disabled): the floor;
- spaCy + kg_entities: the same with kg's entity component (what ``kg.nlp`` runs);
- kg: ``kg.pipeline.extract_graph`` (passages, spaCy, extraction, the pair classifier,
  resolution) and then ``kg.rdf.to_rdf``.

Each is the best of ``--repeat`` runs. Printed: seconds, words per second, and the ratio to
the floor. Run: ``.venv/bin/python benchmarks/speed.py``.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from kg.ingest import load_documents
from kg.nlp import load_pipeline
from kg.pipeline import extract_graph
from kg.rdf import to_rdf

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("KG_DATA_DIR", ROOT.parent / "shared" / "data"))


def corpus(folder: Path, per_article: int = 20) -> Path:
    """Write the benchmark sentences as articles of ``per_article`` sentences; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    sentences: list[str] = []
    for split in ("train", "dev"):
        path = DATA / "conll04" / f"{split}.jsonl"
        if path.exists():
            sentences += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    carb = DATA / "carb" / "dev.txt"
    if carb.exists():
        sentences += [line.strip() for line in carb.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = []
    for i in range(0, len(sentences), per_article):
        chunk = sentences[i : i + per_article]
        # One paragraph per sentence, as wire copy is laid out.
        records.append({"id": f"bench-{i // per_article:04d}", "text": "\n\n".join(chunk)})
    (folder / "bench.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for seed in (ROOT / "seeds").glob("*.txt"):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=ROOT / "out" / "bench-speed")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    documents = list(load_documents([corpus(args.folder)]))
    texts = [d.text for d in documents]
    nlp = load_pipeline()
    words = sum(len(t.split()) for t in texts)

    def bare() -> None:
        with nlp.select_pipes(disable=["kg_entities"]):
            for _ in nlp.pipe(texts, batch_size=64):
                pass

    def with_entities() -> None:
        for _ in nlp.pipe(texts, batch_size=64):
            pass

    def kg() -> None:
        to_rdf(extract_graph(documents, nlp))

    floor = best_of(args.repeat, bare)
    entities = best_of(args.repeat, with_entities)
    full = best_of(args.repeat, kg)
    graph = extract_graph(documents, nlp)
    rows = [("spaCy (en_core_web_sm)", floor), ("spaCy + kg_entities", entities), ("kg extract + RDF", full)]
    print(f"corpus: {len(documents)} documents, {words:,} words; {len(graph.statements):,} statements, {len(graph.entities):,} entities")
    print(f"{'run':<24} {'seconds':>8} {'words/s':>9} {'x floor':>8}")
    for name, seconds in rows:
        print(f"{name:<24} {seconds:>8.2f} {words / seconds:>9,.0f} {seconds / floor:>8.2f}")
    if args.json:
        args.json.write_text(json.dumps({"documents": len(documents), "words": words, "seconds": dict(rows)}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
