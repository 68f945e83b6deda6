"""kg's rule components answering from tables (``kg.rule_tables``) against spaCy's own: every
token's annotations compared, and each component's time.

Input: JSON Lines files of texts (``text``, else ``sentence``, else ``tokens`` joined); news
articles are cut into passages as kg cuts them. Two pipelines are loaded by
``kg.nlp.load_pipeline``: kg's, and the same without the tables (spaCy's own ruler and
lemmatizer; kg's tokenizer fix and entity component on both, so that only the tables differ). Output on stdout: the number of texts and
tokens, of texts whose ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB or ENT_TYPE differ
(must be 0), and CPU seconds per component on both pipelines::

    .venv/bin/python benchmarks/tables.py ../shared/data/news/pool.jsonl ../shared/data/conll04/dev.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from kg.ingest import load_documents
from kg.nlp import load_pipeline, split_passages

ANNOTATIONS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
BATCH = 64


def texts_of(path: Path) -> list[str]:
    first = next((json.loads(line) for line in path.open(encoding="utf-8") if line.strip()), {})
    if "text" in first and "tokens" not in first:  # articles: passages as kg makes them
        return [d.text[p.start : p.end] for d in load_documents([path]) for p in split_passages(d)]
    texts = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            record = json.loads(line)
            text = record.get("text") or record.get("sentence") or " ".join(record.get("tokens", []))
            if text:
                texts.append(text)
    return texts


def annotate(nlp, texts: list[str]) -> tuple[list[numpy.ndarray], dict[str, float]]:
    """Each text's annotation array, and CPU seconds per component (run batch by batch)."""
    seconds = {name: 0.0 for name in ["tokenizer", *nlp.pipe_names]}
    arrays = []
    for start in range(0, len(texts), BATCH):
        clock = time.process_time()
        docs = [nlp.make_doc(text) for text in texts[start : start + BATCH]]
        seconds["tokenizer"] += time.process_time() - clock
        for name, component in nlp.pipeline:
            clock = time.process_time()
            docs = list(component.pipe(docs, batch_size=BATCH)) if hasattr(component, "pipe") else [component(doc) for doc in docs]
            seconds[name] += time.process_time() - clock
        arrays.extend(doc.to_array(ANNOTATIONS) for doc in docs)
    return arrays, seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    texts = [text for path in args.files for text in texts_of(path)]
    ours, theirs = load_pipeline(None), load_pipeline(None, tables=False)
    mine, our_seconds = annotate(ours, texts)
    spacys, their_seconds = annotate(theirs, texts)
    differing = sum(1 for a, b in zip(mine, spacys, strict=True) if not numpy.array_equal(a, b))
    print(f"{len(texts):,} texts, {sum(len(a) for a in mine):,} tokens; texts whose annotations differ: {differing}")
    print(f"{'component':<16} {'spaCy s':>8} {'kg s':>8}")
    for name in their_seconds:
        print(f"{name:<16} {their_seconds[name]:>8.2f} {our_seconds[name]:>8.2f}")
    print(f"{'all':<16} {sum(their_seconds.values()):>8.2f} {sum(our_seconds.values()):>8.2f}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
