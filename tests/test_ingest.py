"""Tests for kg.ingest: files and folders -> Documents, cleaning offsets and date finding."""
from __future__ import annotations

import hashlib
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import clean_segments, find_date, load_documents

SEED = Path(__file__).parent.parent / "seeds" / "india-us-critical-minerals-2026-02-04.txt"
BODY = "The ministers met in Washington on Tuesday.\n"


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def _jsonl(path: Path, *lines: object) -> Path:
    return _write(path, "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")


def _kept(text: str, **kwargs: bool) -> list[str]:
    return [text[s:e] for s, e in clean_segments(text, **kwargs)]


def _normalise(paragraph: str) -> str:
    return " ".join(paragraph.casefold().replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').split())


def test_ingest_txt_file(tmp_path):
    path = _write(tmp_path / "a.txt", "Ministers Meet in Washington\n" + BODY)
    (doc,) = load_documents([path])
    assert doc.source == path.as_posix()
    assert doc.title == "Ministers Meet in Washington"
    assert [doc.text[s:e] for s, e in doc.segments] == [BODY.strip()]


def test_ingest_md_file_heading_and_markup(tmp_path):
    text = "# Ministers *Meet*\n\n---\n" + BODY + "```\n## Background.\nTalks began in 2024.\n"
    (doc,) = load_documents([_write(tmp_path / "a.md", text)])
    assert doc.title == "Ministers *Meet*"
    assert [doc.text[s:e] for s, e in doc.segments] == [BODY.strip(), "Talks began in 2024."]


def test_ingest_jsonl_file(tmp_path):
    record = {"id": "x1", "text": BODY, "title": "Given Title", "published": "2026-02-04", "source": "http://a"}
    (doc,) = load_documents([_jsonl(tmp_path / "a.jsonl", record)])
    assert (doc.doc_id, doc.title, doc.published, doc.source) == ("x1", "Given Title", date(2026, 2, 4), "http://a")
    assert doc.text == BODY


def test_ingest_jsonl_defaults(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", {"text": "Talks Resume\n" + BODY})
    (doc,) = load_documents([path])
    assert doc.source == f"{path.as_posix()}:1"
    assert doc.title == "Talks Resume"
    assert len(doc.doc_id) == 16 and int(doc.doc_id, 16) >= 0


def test_ingest_jsonl_int_id(tmp_path):
    (doc,) = load_documents([_jsonl(tmp_path / "a.jsonl", {"id": 42, "text": BODY})])
    assert doc.doc_id == "42"


def test_ingest_jsonl_datetime_published(tmp_path):
    (doc,) = load_documents([_jsonl(tmp_path / "a.jsonl", {"text": BODY, "published": "2026-02-04T10:30:00Z"})])
    assert doc.published == date(2026, 2, 4)


def test_ingest_jsonl_unparsable_published_falls_back_to_text(tmp_path, caplog):
    record = {"text": "It was signed on March 3, 2025.", "published": "last week"}
    (doc,) = load_documents([_jsonl(tmp_path / "a.jsonl", record)])
    assert doc.published == date(2025, 3, 3)
    assert "last week" in caplog.text


def test_ingest_jsonl_blank_lines_ignored(tmp_path):
    path = _jsonl(tmp_path / "a.jsonl", "", {"id": 1, "text": BODY}, "   ", {"id": 2, "text": "Another sentence."})
    skipped: list[str] = []
    assert [d.doc_id for d in load_documents([path], on_skip=skipped.append)] == ["1", "2"]
    assert skipped == []


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("{not json", "malformed JSON"),
        ({"id": "b"}, "missing 'text'"),
        ({"id": "b", "text": 7}, "'text' must be a string"),
        ('["a list"]', "expected a JSON object"),
    ],
)
def test_ingest_jsonl_bad_line_skipped(tmp_path, bad, reason):
    path = _jsonl(tmp_path / "a.jsonl", {"id": "a", "text": BODY}, bad, {"id": "c", "text": "Third one."})
    skipped: list[str] = []
    docs = list(load_documents([path], on_skip=skipped.append))
    assert [d.doc_id for d in docs] == ["a", "c"]
    assert len(skipped) == 1
    assert skipped[0].startswith(f"{path.as_posix()}:2: ") and reason in skipped[0]


def test_ingest_folder_recursive_sorted(tmp_path):
    _write(tmp_path / "b.txt", "Second file here.")
    _write(tmp_path / "a" / "z.md", "First file here.")
    _write(tmp_path / "a" / "y" / "x.jsonl", json.dumps({"id": "j", "text": "Nested first."}))
    _write(tmp_path / "c.csv", "not,read")
    docs = list(load_documents([tmp_path]))
    assert [d.text for d in docs] == ["Nested first.", "First file here.", "Second file here."]


def test_ingest_missing_path(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        list(load_documents([tmp_path / "nope.txt"]))


def test_ingest_unsupported_suffix(tmp_path):
    with pytest.raises(InputError, match=r"a\.csv.*\.txt, \.md or \.jsonl"):
        load_documents([_write(tmp_path / "a.csv", "x,y")])


def test_ingest_empty_folder(tmp_path):
    _write(tmp_path / "notes.csv", "x,y")
    with pytest.raises(InputError, match=f"no .txt, .md or .jsonl files under {tmp_path.as_posix()}"):
        load_documents([tmp_path])


def test_ingest_no_paths():
    with pytest.raises(InputError, match="no .txt, .md or .jsonl files"):
        load_documents([])


def test_ingest_binary_file_skipped(tmp_path, caplog):
    path = _write(tmp_path / "a.txt", b"PK\x03\x04\x00\x00binary")
    skipped: list[str] = []
    assert list(load_documents([path], on_skip=skipped.append)) == []
    assert skipped == [f"{path.as_posix()}: binary file (contains NUL bytes)"]
    assert any(r.levelno == logging.WARNING and path.as_posix() in r.getMessage() for r in caplog.records)


def test_ingest_cp1252_fallback(tmp_path, caplog):
    path = _write(tmp_path / "a.txt", b"They met at the caf\xe9 \x93downtown\x94.")
    (doc,) = load_documents([path])
    assert doc.text == "They met at the caf\u00e9 \u201cdowntown\u201d."
    assert f"{path.as_posix()}: not valid UTF-8, decoded as cp1252" in caplog.text


def test_ingest_utf8_bom_removed(tmp_path):
    (doc,) = load_documents([_write(tmp_path / "a.txt", b"\xef\xbb\xbf" + BODY.encode())])
    assert doc.text == BODY


def test_ingest_empty_file_skipped(tmp_path):
    path = _write(tmp_path / "a.txt", " \n\t\n")
    skipped: list[str] = []
    assert list(load_documents([path], on_skip=skipped.append)) == []
    assert skipped == [f"{path.as_posix()}: empty file"]


def test_ingest_no_body_text_skipped(tmp_path):
    skipped: list[str] = []
    assert list(load_documents([_write(tmp_path / "a.txt", "Only a Headline\nNO COMMENT\n")], skipped.append)) == []
    assert "no body text" in skipped[0]


def test_ingest_duplicate_documents_skipped(tmp_path, caplog):
    _write(tmp_path / "a.txt", BODY)
    _write(tmp_path / "b.txt", "  " + BODY.upper().replace(" ", " \t "))
    _jsonl(tmp_path / "c.jsonl", {"id": "x", "text": "One."}, {"id": "x", "text": "One."})
    skipped: list[str] = []
    with caplog.at_level(logging.INFO, logger="kg.ingest"):
        docs = list(load_documents([tmp_path], on_skip=skipped.append))
    assert [d.source for d in docs] == [(tmp_path / "a.txt").as_posix(), f"{(tmp_path / 'c.jsonl').as_posix()}:1"]
    assert skipped == []
    assert [r.levelno for r in caplog.records if "duplicate" in r.getMessage()] == [logging.INFO] * 2


def test_ingest_duplicate_id_with_other_text_is_warned_and_counted(tmp_path, caplog):
    path = _jsonl(tmp_path / "c.jsonl", {"id": "x", "text": "One."}, {"id": "x", "text": "Two."})
    skipped: list[str] = []
    docs = list(load_documents([path], on_skip=skipped.append))
    assert [d.text for d in docs] == ["One."]
    assert skipped == [f"{path.as_posix()}:2: id 'x' is already used by another text ({path.as_posix()}:1); skipped"]
    assert any(r.levelno == logging.WARNING and "already used" in r.getMessage() for r in caplog.records)


def test_ingest_doc_id_hashes_normalised_text(tmp_path):
    (doc,) = load_documents([_write(tmp_path / "a.txt", "Talks  Went\n well.")])
    assert doc.doc_id == hashlib.sha1(b"talks went well.").hexdigest()[:16]


def test_ingest_crlf_offsets_point_into_the_original_text(tmp_path):
    original = "Talks Resume\r\nThey met.\rThey talked.\r\n"
    (doc,) = load_documents([_write(tmp_path / "a.txt", original)])
    assert doc.text == original
    assert [doc.text[s:e] for s, e in doc.segments] == ["They met.", "They talked."]
    assert doc.title == "Talks Resume"


def test_ingest_jsonl_crlf_text_is_kept_as_given(tmp_path):
    (doc,) = load_documents([_jsonl(tmp_path / "a.jsonl", {"id": "a", "text": "They met.\r\n\r\nThey talked.\r\n"})])
    assert doc.text == "They met.\r\n\r\nThey talked.\r\n"
    assert [doc.text[s:e] for s, e in doc.segments] == ["They met.", "They talked."]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_ingest_utf16_and_utf32_with_a_bom_are_read(tmp_path, encoding):
    bom = {"utf-16": b"", "utf-16-be": b"\xfe\xff", "utf-32": b""}[encoding]  # Python's utf-16/32 write their own BOM
    (doc,) = load_documents([_write(tmp_path / "a.txt", bom + ("Caf\u00e9 talks\n" + BODY).encode(encoding))])
    assert doc.text == "Caf\u00e9 talks\n" + BODY


def test_ingest_fifo_is_skipped_not_waited_on(tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    skipped: list[str] = []
    reader = threading.Thread(target=lambda: list(load_documents([fifo, _write(tmp_path / "b.txt", BODY)], on_skip=skipped.append)), daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "kg waited for a writer on the FIFO"
    assert skipped == [f"{fifo.as_posix()}: not a regular file (a FIFO, device or socket)"]


def test_ingest_lone_surrogates_become_replacement_characters(tmp_path, caplog):
    path = _write(tmp_path / "a.jsonl", '{"id": "x\\ud800", "text": "They met \\udc00 today.", "title": "T\\udfff"}\n')
    (doc,) = load_documents([path])
    assert (doc.doc_id, doc.text, doc.title) == ("x\ufffd", "They met \ufffd today.", "T\ufffd")
    assert "lone surrogate" in caplog.text


@pytest.mark.parametrize(
    "junk",
    [
        "NO COMMENT",
        "ADVERTISEMENT",
        "Advertisement",
        "Share this article",
        "Share on WhatsApp",
        "Subscribe now!",
        "Sign up for our daily newsletter.",
        "Click here to read the full report.",
        "Read more: Talks resume in Delhi.",
        "Also read | Tariffs cut to 18%.",
        "Follow us on Instagram.",
        "Download the Daily News app.",
        "\u00a9 2026 Daily News. All rights reserved.",
        "Copyright 2026 Daily News.",
    ],
)
def test_ingest_junk_lines_dropped(junk):
    assert _kept(f"{BODY}{junk}\nThey agreed.\n") == [BODY.strip(), "They agreed."]


@pytest.mark.parametrize("rule", ["---", "* * *", "\u2022"])
def test_ingest_punctuation_only_lines_dropped(rule):
    assert _kept(f"{rule}\n{BODY}") == [BODY.strip()]


@pytest.mark.parametrize(
    "byline", ["By Jane Smith", "By Jane Smith and Raj Patel", "by Jane Smith, Raj Patel | February 4, 2026"]
)
def test_ingest_bylines_dropped(byline):
    assert _kept(f"{byline}\n{BODY}") == [BODY.strip()]


def test_ingest_sentence_starting_with_by_kept():
    line = "By Monday, the deal had collapsed."
    assert _kept(f"{line}\n") == [line]


def test_ingest_headings_not_segments():
    text = "Talks Resume in Delhi\nThey met.\nWhat Comes Next\n\u201cWe will see,\u201d she said.\nIs it over?\n"
    assert _kept(text) == ["They met.", "\u201cWe will see,\u201d she said.", "Is it over?"]


def test_ingest_long_unpunctuated_line_is_body():
    line = " ".join(["word"] * 25)
    assert _kept(line) == [line]


def test_ingest_repeated_block_keeps_first_copy():
    block = "Talks Resume\nThey met on Monday.\nThey will \u201cmeet again\u201d.\n"
    text = block + "  " + block.replace("\u201c", '"').replace("\u201d", '"').upper().replace("TALKS", "talks")
    assert clean_segments(text) == clean_segments(block)


def test_ingest_offsets_point_at_stripped_paragraph():
    text = "\n\t  First one.  \n\n   Second one.\t\n"
    assert [(s, e) for s, e in clean_segments(text)] == [(4, 14), (21, 32)]
    assert _kept(text) == ["First one.", "Second one."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Signed on February 4, 2026 in Washington.", date(2026, 2, 4)),
        ("Signed on Feb. 4, 2026.", date(2026, 2, 4)),
        ("Signed on Sept 14 2025.", date(2025, 9, 14)),
        ("Signed on 4 February 2026.", date(2026, 2, 4)),
        ("Signed 2026-02-04T10:00.", date(2026, 2, 4)),
        ("Not Feb 30, 2026 but March 1, 2026.", date(2026, 3, 1)),
        ("First 1 May 2024, then June 2, 2025.", date(2024, 5, 1)),
    ],
)
def test_ingest_find_date_variants(text, expected):
    assert find_date(text) == expected


@pytest.mark.parametrize("text", ["In February 2026 they met.", "They met on Monday.", "Ref 2026-13-45."])
def test_ingest_find_date_none(text):
    assert find_date(text) is None


def test_ingest_published_from_text(tmp_path):
    (doc,) = load_documents([_write(tmp_path / "a.txt", "Talks on 3 March 2025\nThey met on 5 March 2025.")])
    assert doc.published == date(2025, 3, 3)


def test_ingest_sample_article():
    (doc,) = load_documents([SEED])
    lines = doc.text.split("\n")
    kept = [doc.text[s:e] for s, e in doc.segments]
    keys = [_normalise(p) for p in kept]
    body = {_normalise(line) for line in lines if line.strip().endswith((".", ".\u201d"))}
    assert len(keys) == len(set(keys)) and set(keys) == body
    assert not any("NO COMMENT" in p for p in kept)
    assert doc.title == lines[0].strip()
    assert doc.segments[0][1] <= len(doc.text) // 2
    assert doc.published == find_date(doc.text) == date(2026, 2, 2)


def test_ingest_texts_of_one_hash_have_the_same_ends():
    from kg.ingest import text_ends, text_hash

    text = "Straße works: Rubio met Jaishankar in Washington.\n\nThey spoke of TRADE."
    variants = [text.upper(), "  " + text.replace(" ", "\n") + "\t", text.casefold()]
    for variant in variants:
        assert text_hash(variant) == text_hash(text)
        assert text_ends(variant) == text_ends(text) == ("strasse", "trade.")
    assert text_ends("   ") == ("", "")
