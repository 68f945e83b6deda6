"""Read articles from disk: paths to .txt, .md or .jsonl files (or folders of them) -> Iterator[Document].

Each Document keeps the decoded text as it was (CRLF, CR and LF line ends alike), so offsets
point into the original; cleaning only chooses which spans to keep.
"""
from __future__ import annotations

import codecs
import hashlib
import itertools
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple

from kg.errors import InputError
from kg.model import Document

log = logging.getLogger(__name__)
_OnSkip = Callable[[str], None] | None

SUFFIXES = (".txt", ".md", ".jsonl")
_ACCEPTED = ".txt, .md or .jsonl"

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019\u00bb)\]]*$")
_CURLY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})
# Prompts a scraper picks up from page furniture; the word cap below keeps a real sentence
# that merely starts with "Read more..." or "Also read..." from being dropped.
_BOILERPLATE = re.compile(
    r"\W*(?:advertisement|share this (?:article|story)"
    r"|share on (?:facebook|twitter|x|whatsapp|linkedin)|subscribe(?: now| to .*)?"
    r"|sign up for .*newsletter.*|click here.*|read more.*|also read.*|follow us on .*"
    r"|download the .* app|(?:copyright\s*)?(?:\u00a9|\(c\)).*|copyright \d{4}.*"
    r"|.*all rights reserved.*)\W*",
    re.IGNORECASE,
)
_BOILERPLATE_MAX_WORDS = 20
_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)*"
_BYLINE = re.compile(rf"(?i:by)\s+{_NAME}(?:\s*(?:,|\band\b|&)\s*{_NAME})*(?:\s*\|.*)?")
#: A line: CRLF, CR and LF all end one, so offsets stay in the original text.
_LINE = re.compile(r"[^\r\n]+")
_LINE_END = re.compile(r"\r\n|\r|\n")
_MD_FENCE = re.compile(r"(?:```|~~~).*")
_MD_HEADING = re.compile(r"#{1,6}(?:\s|$)")

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = re.compile(
    rf"\b(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})\b"
    rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}})\b"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\d)",
    re.IGNORECASE,
)
_JSON_TYPES = {dict: "object", list: "array", str: "string", int: "number", float: "number",
               bool: "boolean", type(None): "null"}


_HASH_CHUNK = 1 << 20
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _Paragraph(NamedTuple):
    start: int
    end: int
    kind: str  # "body", "heading", "junk" or "repeat"


def load_documents(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    on_skip: Callable[[str], None] | None = None,
) -> Iterator[Document]:
    """Read every supported file under ``paths`` into Documents, skipping what cannot be used.

    Folders are searched recursively in sorted relative-path order, so output is deterministic.
    A file, JSONL line or document that cannot be used is skipped with a logged warning (and
    ``on_skip``); a repeat of an already yielded document is skipped with an info log only.

    Args:
        paths: Files (.txt, .md, .jsonl) and folders; a single path is accepted too.
        on_skip: Called with a "FILE: reason" or "FILE:LINE: reason" message for each skip.

    Returns:
        An iterator of Documents, read lazily; the paths are checked before it is returned.

    Raises:
        InputError: A path is missing, a given file has an unsupported suffix, or a folder
            (or the whole input) holds no supported files.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _iter_documents(_collect_files(paths), on_skip)


def clean_segments(text: str, *, markdown: bool = False) -> tuple[tuple[int, int], ...]:
    """Offsets of the paragraphs worth parsing: no repeats, junk lines or headings.

    Args:
        text: article text; each non-blank line (ended by CRLF, CR or LF) is a paragraph.
        markdown: Also treat ``#`` lines as headings and rules or code fences as junk.

    Returns:
        (start, end) offsets into ``text`` of the kept paragraphs, in order, trimmed of spaces.

    Examples:
        >>> text = "Big News Today\\nADVERTISEMENT\\n  It rained.  \\nIt rained.\\n"
        >>> [text[s:e] for s, e in clean_segments(text)]
        ['It rained.']
    """
    return tuple((p.start, p.end) for p in _paragraphs(text, markdown) if p.kind == "body")


def find_date(text: str) -> date | None:
    """The first full calendar date written in ``text``.

    Args:
        text: Any text; "February 4, 2026", "Feb. 4, 2026", "4 February 2026" and
            "2026-02-04" are recognised, and impossible dates such as "Feb 30" are passed over.

    Returns:
        The date, or None when the text names no full date.

    Examples:
        >>> find_date("Talks ended on Wednesday (Feb. 4, 2026) and resume 2026-03-01.")
        datetime.date(2026, 2, 4)
    """
    for match in _DATE.finditer(text):
        groups = match.groupdict()
        if groups["y3"]:
            year, month, day = int(groups["y3"]), int(groups["m3"]), int(groups["d3"])
        else:
            n = "1" if groups["y1"] else "2"
            name = groups["m" + n]
            year, month, day = int(groups["y" + n]), _MONTHS.index(name[:3].lower()) + 1, int(groups["d" + n])
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def _collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    files: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted((p for p in path.rglob("*") if p.is_file()), key=lambda p: p.relative_to(path).parts)
            kept = [p for p in found if p.suffix.lower() in SUFFIXES]
            log.debug("ignored as not %s: %s", _ACCEPTED, [p.as_posix() for p in found if p not in kept])
            if not kept:
                raise InputError(f"no {_ACCEPTED} files under {path.as_posix()}")
            files.extend((p, p.as_posix()) for p in kept)
        elif not path.exists():
            raise InputError(f"no such file or folder: {path.as_posix()}")
        elif path.suffix.lower() not in SUFFIXES:
            raise InputError(f"unsupported file type {path.as_posix()!r}: expected {_ACCEPTED}")
        else:
            files.append((path, path.as_posix()))
    if not files:
        raise InputError(f"no {_ACCEPTED} files in the input")
    return files


def _iter_documents(files: list[tuple[Path, str]], on_skip: _OnSkip) -> Iterator[Document]:
    seen_ids: dict[str, tuple[str, str]] = {}  # id -> (text hash, source)
    seen_texts: set[str] = set()
    for path, source in files:
        text = _read_text(path, source, on_skip)
        if text is None:
            continue
        if path.suffix.lower() == ".jsonl":
            docs = _jsonl_documents(text, source, on_skip)
        else:
            docs = [_make_document(text, source, on_skip, markdown=path.suffix.lower() == ".md")]
        for doc in docs:
            if doc is None:
                continue
            digest = text_hash(doc.text)
            if doc.doc_id in seen_ids and seen_ids[doc.doc_id][0] != digest:
                # Another article under the same id: one of them is lost, so it counts as skipped.
                _skip(f"{doc.source}: id {doc.doc_id!r} is already used by another text ({seen_ids[doc.doc_id][1]}); skipped", on_skip)
                continue
            if doc.doc_id in seen_ids or digest in seen_texts:
                log.info("%s: duplicate of a document already read (%s), skipped", doc.source, doc.doc_id)
                continue
            seen_ids[doc.doc_id] = (digest, doc.source)
            seen_texts.add(digest)
            yield doc


def _read_text(path: Path, source: str, on_skip: _OnSkip) -> str | None:
    data = _read_bytes(path, source, on_skip)
    if data is None:
        return None
    text = _decode_bom(data, source)
    if text is None:
        if b"\x00" in data:
            return _skip(f"{source}: binary file (contains NUL bytes)", on_skip)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # cp1252 leaves five bytes undefined; latin-1 decodes anything, so it is the last resort.
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            log.warning("%s: not valid UTF-8, decoded as %s", source, encoding)
    if not text.strip():
        return _skip(f"{source}: empty file", on_skip)
    return text


def _read_bytes(path: Path, source: str, on_skip: _OnSkip) -> bytes | None:
    """A regular file's bytes; a FIFO, device or socket is skipped (reading one could block forever)."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return _skip(f"{source}: cannot read ({exc.strerror})", on_skip)
    with os.fdopen(fd, "rb") as stream:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return _skip(f"{source}: not a regular file (a FIFO, device or socket)", on_skip)
        try:
            return stream.read()
        except OSError as exc:
            return _skip(f"{source}: cannot read ({exc.strerror})", on_skip)


#: Byte order marks, longest first (UTF-32 LE's begins with UTF-16 LE's).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decode_bom(data: bytes, source: str) -> str | None:
    """Text that announces its encoding with a byte order mark, without the mark; None without one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                log.warning("%s: starts with a %s byte order mark but is not %s; decoded with replacements", source, encoding, encoding)
                return data.decode(encoding, errors="replace")
    return None


def _jsonl_documents(text: str, source: str, on_skip: _OnSkip) -> Iterator[Document | None]:
    # JSON strings hold no raw line ends, so any of CRLF, CR and LF ends a record.
    for lineno, line in enumerate(_LINE_END.split(text), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _skip(f"{where}: malformed JSON ({exc.msg})", on_skip)
            continue
        problem = _record_problem(record)
        if problem:
            yield _skip(f"{where}: {problem}", on_skip)
            continue
        record = _without_surrogates(record, where)
        raw_id, title, doc_source = record.get("id"), record.get("title"), record.get("source")
        yield _make_document(
            record["text"],
            doc_source.strip() if isinstance(doc_source, str) and doc_source.strip() else where,
            on_skip,
            doc_id=str(raw_id).strip() if raw_id is not None else None,
            title=title.strip() if isinstance(title, str) and title.strip() else None,
            published=_parse_published(record.get("published"), where),
            where=where,
        )


def _without_surrogates(record: dict, where: str) -> dict:
    """The record with lone surrogates ("\\ud800" in JSON) replaced by U+FFFD: no UTF-8 file,
    RDF literal or IRI can hold them. One code point for one keeps every offset."""
    fixed = {key: _LONE_SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value for key, value in record.items()}
    changed = [key for key in fixed if fixed[key] != record[key]]
    if changed:
        log.warning("%s: %s held a lone surrogate (half of a UTF-16 pair), replaced by U+FFFD", where, ", ".join(f"{k!r}" for k in changed))
    return fixed


def _record_problem(record: object) -> str | None:
    if not isinstance(record, dict):
        return f"expected a JSON object, got {_json_type(record)}"
    if "text" not in record:
        return "missing 'text'"
    if not isinstance(record["text"], str):
        return f"'text' must be a string, got {_json_type(record['text'])}"
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, (str, int))):
        return f"'id' must be a string or integer, got {_json_type(raw_id)}"
    return None


def _make_document(
    text: str,
    source: str,
    on_skip: _OnSkip,
    *,
    markdown: bool = False,
    doc_id: str | None = None,
    title: str | None = None,
    published: date | None = None,
    where: str | None = None,
) -> Document | None:
    where = where or source
    if not text.strip():
        return _skip(f"{where}: empty text", on_skip)
    paragraphs = _paragraphs(text, markdown)
    segments = tuple((p.start, p.end) for p in paragraphs if p.kind == "body")
    if not segments:
        return _skip(f"{where}: no body text left after removing headings and junk lines", on_skip)
    if title is None:
        heading = next((text[p.start : p.end] for p in paragraphs if p.kind == "heading"), None)
        if heading is not None and markdown and _MD_HEADING.match(heading):
            heading = heading.strip("#").strip() or None
        title = heading
    if published is None:
        # Paragraph by paragraph, stopping at the first date: no copy of the whole article.
        candidates = itertools.chain([title or ""], (text[s:e] for s, e in segments))
        published = next((found for part in candidates if (found := find_date(part)) is not None), None)
    return Document(doc_id or text_hash(text), text, source, title, published, segments)


def _paragraphs(text: str, markdown: bool) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    seen: set[bytes] = set()
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        # A digest, not the paragraph: the set of seen paragraphs stays small for huge articles.
        key = hashlib.sha1(_normalise_paragraph(stripped).encode("utf-8")).digest()
        if key in seen:
            # A repeated block is usually a scraper glitch; evidence should cite the first copy.
            kind = "repeat"
        else:
            seen.add(key)
            kind = _classify(stripped, markdown)
        paragraphs.append(_Paragraph(start, end, kind))
    return paragraphs


def _classify(line: str, markdown: bool) -> str:
    words = line.split()
    # Rules ("---", "* * *") and code fences are layout, not prose.
    if not any(c.isalnum() for c in line) or (markdown and _MD_FENCE.fullmatch(line)):
        return "junk"
    if len(words) <= 4 and any(c.isalpha() for c in line) and all(c.isupper() for c in line if c.isalpha()):
        return "junk"
    if len(words) <= _BOILERPLATE_MAX_WORDS and _BOILERPLATE.fullmatch(line):
        return "junk"
    if len(words) < 12 and _BYLINE.fullmatch(line):
        return "junk"
    if markdown and _MD_HEADING.match(line):
        return "heading"
    # Headline grammar drops articles and verbs, which misleads the parser; keep it out of the body.
    if not _SENTENCE_END.search(line) and len(words) < 25:
        return "heading"
    return "body"


def _normalise_paragraph(line: str) -> str:
    return " ".join(line.casefold().translate(_CURLY).split())


def text_hash(text: str) -> str:
    """16 hex digits of sha1 over the case- and space-normalised text: the same article twice
    gives the same hash whatever its spacing or capitals.

    >>> text_hash("Rubio met  Jaishankar.") == text_hash("rubio met Jaishankar.")
    True
    """
    # The hash of " ".join(text.casefold().split()), computed a megabyte at a time: the list of
    # every word of a 50 MB article would take ten times its size.
    digest = hashlib.sha1()
    started = False
    space_before = False
    for offset in range(0, len(text), _HASH_CHUNK):
        chunk = text[offset : offset + _HASH_CHUNK].casefold()
        words = chunk.split()
        if words:
            # A word cut by the chunk boundary continues without a space.
            joiner = " " if started and (space_before or chunk[0].isspace()) else ""
            digest.update((joiner + " ".join(words)).encode("utf-8"))
            started = True
        space_before = chunk[-1].isspace() if words else (space_before or bool(chunk))
    return digest.hexdigest()[:16]


def distinct_documents(documents: Iterable[Document]) -> list[Document]:
    """One document per doc_id (the last given), in doc_id order: what kg extracts, whatever
    the order and repeats of its input.

    >>> [d.text for d in distinct_documents([Document("b", "x", "s"), Document("a", "y", "s"), Document("b", "z", "s")])]
    ['y', 'z']
    """
    return sorted({d.doc_id: d for d in documents}.values(), key=lambda d: d.doc_id)


def text_ends(text: str) -> tuple[str, str]:
    """The first and last words of a text, case-folded: the same for any two texts of the same
    :func:`text_hash`, and found without reading the text through (an update compares its new
    articles with every article of the archive, and hashes only those that may be one of them).

    >>> text_ends(" Rubio met  Jaishankar.") == text_ends("rubio met Jaishankar. ")
    True
    """
    head = text.split(None, 1)
    if not head:
        return "", ""
    return head[0].casefold(), text.rsplit(None, 1)[-1].casefold()


def _parse_published(value: object, where: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        for parse in (date.fromisoformat, lambda v: datetime.fromisoformat(v).date()):
            try:
                return parse(value.strip())
            except ValueError:
                continue
    log.warning("%s: cannot read published %r as an ISO date; using the date in the text", where, value)
    return None


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _skip(message: str, on_skip: _OnSkip) -> None:
    log.warning("%s", message)
    if on_skip is not None:
        on_skip(message)
    return None
