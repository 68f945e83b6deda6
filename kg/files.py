"""Output files written whole or not at all: text -> temporary file in the same folder -> rename.

Every file of a run is first written next to its target, and only when all of them are
complete are they renamed into place, so a failed or interrupted run leaves the previous
outputs intact.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from kg.errors import OutputError

__all__ = ["write_atomically", "write_files"]

#: What to write into one file: its text, or a function that writes into an open stream.
Content = str | Callable[[TextIO], object]


def _temporary(path: Path) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
    os.close(fd)
    return Path(tmp)


def _fill(tmp: Path, content: Content) -> None:
    with open(tmp, "w", encoding="utf-8", newline="\n") as stream:
        if isinstance(content, str):
            stream.write(content)
        else:
            content(stream)


def write_files(contents: Mapping[Path, Content]) -> list[Path]:
    """Write several files so that either all are replaced or none is.

    Args:
        contents: target path -> text, or a function writing into a text stream.

    Returns:
        The target paths, in the order given.

    Raises:
        OutputError: a folder cannot be made or a file cannot be written.
    """
    temporaries: dict[Path, Path] = {}
    try:
        for path, content in contents.items():
            tmp = temporaries[path] = _temporary(Path(path))
            try:
                _fill(tmp, content)
            except OSError as err:
                raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
        for path, tmp in temporaries.items():
            os.replace(tmp, path)
    finally:
        for tmp in temporaries.values():
            tmp.unlink(missing_ok=True)
    return [Path(p) for p in contents]


def write_atomically(path: Path, content: Content) -> Path:
    """Write one file through a temporary file renamed into place (see :func:`write_files`)."""
    return write_files({Path(path): content})[0]
