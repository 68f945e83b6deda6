"""Tests for kg.nlp: loading the pipeline and cutting documents into passages."""
from __future__ import annotations

import pytest

from kg.errors import ModelError
from kg.model import Document
from kg.nlp import MAX_PASSAGE_CHARS, load_pipeline, parse_documents, split_passages

SENTENCE = "The ministers met in Washington on Tuesday and agreed to talk again soon. "


def _long_text(chars: int) -> str:
    return SENTENCE * (chars // len(SENTENCE) + 1)


@pytest.mark.model
def test_nlp_kg_entities_follows_ner(nlp):
    names = nlp.pipe_names
    assert "kg_entities" in names
    assert names.index("kg_entities") == names.index("ner") + 1


def test_nlp_unknown_model_names_it():
    with pytest.raises(ModelError, match="nonexistent_pipeline_xyz"):
        load_pipeline("nonexistent_pipeline_xyz")


def test_nlp_short_document_is_one_passage_per_segment():
    text = "Headline Here\nFirst paragraph.\nSecond paragraph.\n"
    segments = ((14, 30), (31, 48))
    document = Document("d1", text, "x", segments=segments)
    passages = list(split_passages(document))
    assert [(p.start, p.end) for p in passages] == list(segments)
    assert [p.text for p in passages] == ["First paragraph.", "Second paragraph."]


def test_nlp_no_segments_means_whole_text():
    document = Document("d1", "One sentence.", "x")
    assert [(p.start, p.end) for p in split_passages(document)] == [(0, 13)]


def test_nlp_long_segment_cut_at_sentence_ends():
    prefix = "A Headline\n"
    body = _long_text(int(MAX_PASSAGE_CHARS * 2.5)).rstrip()
    text = prefix + body + "\n"
    document = Document("d1", text, "x", segments=((len(prefix), len(prefix) + len(body)),))
    passages = list(split_passages(document))
    assert len(passages) >= 3
    assert all(p.end - p.start <= MAX_PASSAGE_CHARS for p in passages)
    # Every cut but the last falls right after a sentence end.
    assert all(p.text.rstrip().endswith(".") and text[p.end - 1].isspace() for p in passages[:-1])
    assert passages[-1].text.endswith(".")


def test_nlp_long_segment_passages_map_back():
    prefix = "A Headline\n"
    body = _long_text(int(MAX_PASSAGE_CHARS * 2.5)).rstrip()
    text = prefix + body + "\n"
    start, end = len(prefix), len(prefix) + len(body)
    document = Document("d1", text, "x", segments=((start, end),))
    passages = list(split_passages(document))
    # Contiguous, covering the segment exactly, each passage's text read from the document.
    assert passages[0].start == start and passages[-1].end == end
    assert all(a.end == b.start for a, b in zip(passages, passages[1:]))
    assert "".join(p.text for p in passages) == body
    assert all(p.text == text[p.start : p.end] for p in passages)


def test_nlp_segment_without_sentence_ends_cut_at_limit():
    body = "word " * (MAX_PASSAGE_CHARS // 5 + 100)
    document = Document("d1", body, "x", segments=((0, len(body)),))
    passages = list(split_passages(document))
    assert [p.end - p.start for p in passages[:-1]] == [MAX_PASSAGE_CHARS] * (len(passages) - 1)
    assert "".join(p.text for p in passages) == body


def test_nlp_segment_without_sentence_ends_cut_between_words():
    body = "abcdef " * (MAX_PASSAGE_CHARS // 2)
    document = Document("d1", body, "x", segments=((0, len(body)),))
    passages = list(split_passages(document))
    assert len(passages) > 3 and all(p.end - p.start <= MAX_PASSAGE_CHARS for p in passages)
    assert all(p.text.endswith(" ") for p in passages[:-1])
    assert "".join(p.text for p in passages) == body


_PEAK_RSS = """
import json, resource, sys
from kg.pipeline import build_knowledge_graph
build_knowledge_graph([sys.argv[1]])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


@pytest.mark.slow
@pytest.mark.model
def test_nlp_single_paragraph_text_costs_what_the_same_text_in_paragraphs_costs(tmp_path):
    import json
    import subprocess
    import sys

    sentence = "Minister {i} of Country {j} met Envoy {k} in City {j} on March {d}, 2026. "
    # 200 KB, no line break: read as one passage it takes 899 MB at the peak, against 435 MB cut
    # into passages and 243 MB in paragraphs (2026-12-02).
    text = "".join(sentence.format(i=n, j=n % 97, k=n * 7, d=n % 28 + 1) for n in range(2_500))
    peaks = {}
    for name, body in (("one", text), ("paragraphs", text.replace(". ", ".\n"))):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"id": name, "text": body}) + "\n", encoding="utf-8")
        done = subprocess.run([sys.executable, "-c", _PEAK_RSS, str(path)], capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        peaks[name] = int(done.stdout.split()[-1])
    # spaCy's batch of 64 passages is what costs memory: a passage is at most MAX_PASSAGE_CHARS.
    assert peaks["one"] < peaks["paragraphs"] + 400 * 2**20, {k: f"{v / 2**20:.0f} MB" for k, v in peaks.items()}


@pytest.mark.model
def test_nlp_parse_documents_offsets_map_back(nlp):
    text = "Big News\nMarco Rubio met S. Jaishankar in Washington.\n"
    document = Document("d1", text, "x", segments=((9, 53),))
    ((doc, passage),) = list(parse_documents(nlp, [document]))
    assert passage.start == 9
    for ent in doc.ents:
        assert text[passage.start + ent.start_char : passage.start + ent.end_char] == ent.text
