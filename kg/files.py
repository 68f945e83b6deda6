"""Output files written whole or not at all: contents -> temporaries -> a commit journal -> renames.

A folder's writers hold its lock (:func:`locked`), one at a time; readers find the last whole
generation with :func:`current_path`, which finishes a commit that a killed run left half-done.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import json
import logging
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO

from kg.errors import OutputError

__all__ = [
    "JOURNAL_FILE", "LOCK_FILE", "Content", "Folder", "LinesInFile", "chunks_reader", "current_path", "line_places", "locked", "read_as_it_is",
    "scratch_file", "stream_identity", "write_atomically", "write_bytes", "write_files", "write_lines",
]

log = logging.getLogger(__name__)

#: The lock a folder's writers hold; removed again when released.
LOCK_FILE = ".kg.lock"
#: The renames a commit still has to do; present only while one is under way or was interrupted.
JOURNAL_FILE = ".kg.journal"
#: How long a reader waits for a commit under way (renames only) before reading through its journal.
COMMIT_WAIT = 10.0
#: What a temporary or a replaced folder is called: ".NAME.<8 hex>.kg.tmp" / ".kg.old".
_TEMPORARY = re.compile(r"^\..+\.[0-9a-f]{8}\.kg\.(tmp|old)$")


@dataclass(frozen=True)
class Folder:
    """A folder to build whole in a temporary place and swap in after every file is written.

    ``fill`` gets the empty temporary folder and writes into it (an oxigraph store, say).
    """

    fill: Callable[[Path], object]


#: What to write into one target: its text, a function that writes into an open stream, or a Folder.
Content = str | Callable[[TextIO], object] | Folder

# Locks this process holds: folder -> (fd, thread id, depth), so a writer may lock again.
_held: dict[str, list] = {}
_held_guard = threading.Lock()


def _forget_locks_after_fork() -> None:
    """A forked child (spaCy's --jobs workers) drops its copy of the lock: a flock lasts while
    any copy of its descriptor is open, and a worker that outlives a killed build must not keep
    the folder locked."""
    global _held_guard
    _held_guard = threading.Lock()
    for fd, _, _ in _held.values():
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks_after_fork)


# --- the lock --------------------------------------------------------------------------------

@contextmanager
def locked(folder: str | os.PathLike[str], wait: bool = True) -> Iterator[bool]:
    """Hold ``folder``'s lock (``flock`` on ``folder/.kg.lock``), creating the folder if needed.

    The first holder finishes an interrupted commit (:data:`JOURNAL_FILE`) and removes stale
    temporaries, so what it reads is one whole generation. The lock is re-entrant within a
    thread, released when the process dies, and its file is removed on release.

    Args:
        folder: the folder to lock.
        wait: wait for another holder (logged once); else yield False at once when it is held.

    Yields:
        True when the lock is held.

    Raises:
        OutputError: the folder or its lock file cannot be created.
    """
    folder = Path(folder)
    key = os.path.abspath(folder)
    with _held_guard:
        mine = _held.get(key)
        if mine is not None and mine[1] == threading.get_ident():
            mine[2] += 1
        else:
            mine = None
    if mine is not None:
        try:
            yield True
        finally:
            with _held_guard:
                mine[2] -= 1
        return
    fd = _acquire(folder, wait)
    if fd is None:
        yield False
        return
    entry = [fd, threading.get_ident(), 1]
    with _held_guard:
        _held[key] = entry
    try:
        _recover(folder)
        _remove_stale(folder)
        yield True
    finally:
        with _held_guard:
            ours = _held.get(key) is entry  # not in a forked child, which has let go already
            if ours:
                del _held[key]
        if ours:
            _release(folder, fd)


def _acquire(folder: Path, wait: bool) -> int | None:
    path = folder / LOCK_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"cannot write {folder}: {err.strerror or err}") from err
    waited = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as err:
            raise OutputError(f"cannot lock {folder}: {err.strerror or err}") from err
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not wait:
                    os.close(fd)
                    return None
                if not waited:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    log.info("%s is being written by another kg process%s; waiting for it to finish", folder, f" (pid {holder})" if holder else "")
                    waited = True
                fcntl.flock(fd, fcntl.LOCK_EX)
            # A holder removes the file on release: the lock counts only if the file we locked
            # is still the one at the path.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _release(folder: Path, fd: int) -> None:
    try:
        (folder / LOCK_FILE).unlink(missing_ok=True)
    except OSError:  # a folder made read-only meanwhile: the empty file stays, harmless
        pass
    os.close(fd)


# --- writing -----------------------------------------------------------------------------------

def _temporary_name(path: Path, kind: str = "tmp") -> Path:
    return path.parent / f".{path.name}.{secrets.token_hex(4)}.kg.{kind}"


@contextmanager
def scratch_file(path: str | os.PathLike[str]) -> Iterator[Path]:
    """The name of a temporary file beside ``path``, removed on leaving (and, should this process
    die first, by the next holder of the folder's lock: :func:`locked`)."""
    tmp = _temporary_name(Path(path))
    try:
        yield tmp
    finally:
        _discard(tmp)


def _create(path: Path, content: Content) -> Path:
    """A new temporary next to ``path`` holding ``content``; modes come from the umask."""
    for _ in range(100):
        tmp = _temporary_name(path)
        try:
            if isinstance(content, Folder):
                os.mkdir(tmp, 0o777)
            else:
                os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666))
            return tmp
        except FileExistsError:
            continue
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
    raise OutputError(f"cannot write {path}: no free temporary name")


_PIECE = 1 << 20


def _fill(tmp: Path, content: Content, syncing: ThreadPoolExecutor) -> Future | None:
    """Write ``content`` into ``tmp``; the file's sync to disk is left to ``syncing``'s thread
    (the returned future), so that the next file is written meanwhile: the syncs of an update's
    110 MB take about 0.2 s, which the writing of the next file hides."""
    if isinstance(content, Folder):
        content.fill(tmp)
        return None
    with open(tmp, "w", encoding="utf-8", newline="\n") as stream:
        if isinstance(content, str):
            # A megabyte at a time: the stream encodes what it is given whole, and a page of
            # 14 MB would be copied once more as bytes.
            for start in range(0, len(content), _PIECE):
                stream.write(content[start : start + _PIECE])
        else:
            content(stream)
        stream.flush()
        descriptor = os.dup(stream.fileno())
    return syncing.submit(_sync_and_close, descriptor)


def _sync_and_close(descriptor: int) -> None:
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_files(contents: Mapping[Path, Content], remove: Iterable[Path] = ()) -> list[Path]:
    """Write several files (and folders) so that either all are replaced or none is.

    The targets' folder (that of the first target) is locked meanwhile. Every content is
    written to a temporary first; a failure there leaves every target as it was. Then a
    journal commits the renames, and a process killed while renaming is finished by the next
    reader or writer of the folder.

    Args:
        contents: target path -> text, a function writing into a text stream, or a
            :class:`Folder` (which replaces a whole folder, e.g. an oxigraph store).
        remove: files to delete in the same commit (stale shards of an earlier run).

    Returns:
        The target paths, in the order given.

    Raises:
        OutputError: a folder cannot be made or a file cannot be written.
    """
    contents = {Path(p): content for p, content in contents.items()}
    targets = list(contents)
    remove = [Path(p) for p in remove]
    if not targets and not remove:
        return []
    home = (targets or remove)[0].parent
    for path in targets:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
    with locked(home), ThreadPoolExecutor(1, thread_name_prefix="kg-sync") as syncing:
        temporaries: dict[Path, Path] = {}
        synced: dict[Path, Future] = {}
        committed = False
        try:
            for path, content in contents.items():
                tmp = temporaries[path] = _create(path, content)
                try:
                    sync = _fill(tmp, content, syncing)
                except OSError as err:
                    raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
                if sync is not None:
                    synced[path] = sync
            # Every file on disk before the commit point.
            for path, sync in synced.items():
                try:
                    sync.result()
                except OSError as err:
                    raise OutputError(f"cannot write {path}: {err.strerror or err}") from err
            steps = [_step(home, path, tmp, isinstance(contents[path], Folder)) for path, tmp in temporaries.items()]
            steps += [{"op": "remove", "target": _relative(home, path)} for path in remove]
            _write_journal(home, steps)
            committed = True
            try:
                _apply(home, steps)
            except OSError as err:
                raise OutputError(f"cannot replace the outputs in {home}: {err.strerror or err}; the next kg run there finishes the job") from err
        finally:
            if not committed:
                for tmp in temporaries.values():
                    _discard(tmp)
    return targets


def write_atomically(path: Path, content: Content) -> Path:
    """Write one file through a temporary file renamed into place (see :func:`write_files`)."""
    return write_files({Path(path): content})[0]


def _relative(home: Path, path: Path) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(home))


def _step(home: Path, path: Path, tmp: Path, folder: bool) -> dict[str, str]:
    step = {"op": "folder" if folder else "file", "target": _relative(home, path), "tmp": _relative(home, tmp)}
    if folder:
        step["old"] = _relative(home, _temporary_name(path, "old"))
    return step


def _write_journal(home: Path, steps: list[dict[str, str]]) -> None:
    """The commit point: once the journal is in place the new generation wins."""
    journal = home / JOURNAL_FILE
    tmp = _temporary_name(journal)
    try:
        with open(tmp, "w", encoding="utf-8") as stream:
            json.dump({"kind": "kg-journal", "steps": steps}, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, journal)
        _sync_folder(home)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write {journal}: {err.strerror or err}") from err


def _apply(home: Path, steps: list[dict[str, str]]) -> None:
    """Do the journal's renames; each step can be done again after a kill (roll forward)."""
    for step in steps:
        target = home / step["target"]
        if step["op"] == "file":
            tmp = home / step["tmp"]
            if os.path.lexists(tmp):
                os.replace(tmp, target)
        elif step["op"] == "folder":
            tmp, old = home / step["tmp"], home / step["old"]
            if os.path.lexists(tmp):
                if os.path.lexists(target):
                    if os.path.lexists(old):
                        _discard(old)
                    os.rename(target, old)
                os.rename(tmp, target)
            if os.path.lexists(old):
                _discard(old)
        elif step["op"] == "remove":
            target.unlink(missing_ok=True)
    _sync_folder(home)
    (home / JOURNAL_FILE).unlink(missing_ok=True)


def _read_journal(home: Path) -> list[dict[str, str]] | None:
    try:
        data = json.loads((home / JOURNAL_FILE).read_text(encoding="utf-8"))
        steps = data["steps"]
        if data.get("kind") != "kg-journal" or not all(isinstance(s, dict) and {"op", "target"} <= set(s) for s in steps):
            raise ValueError("not a kg journal")
        return steps
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise OutputError(f"{home / JOURNAL_FILE}: unreadable ({err}); remove it to keep the files as they are") from err


def _recover(home: Path) -> None:
    steps = _read_journal(home)
    if steps is None:
        return
    log.warning("%s: finishing the outputs of a kg run that was interrupted while replacing them", home)
    try:
        _apply(home, steps)
    except OSError as err:
        raise OutputError(f"cannot finish the interrupted write in {home}: {err.strerror or err}") from err


def _remove_stale(home: Path) -> None:
    """Temporaries of runs that died before their commit (nobody else writes while we hold the lock)."""
    try:
        names = [name for name in os.listdir(home) if _TEMPORARY.match(name)]
    except OSError:
        return
    for name in names:
        log.info("removing %s, left by an interrupted kg run", home / name)
        _discard(home / name)


def _discard(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)


# --- reading -----------------------------------------------------------------------------------

def current_path(path: str | os.PathLike[str]) -> Path:
    """Where the current content of ``path`` is, after an interrupted or ongoing commit.

    With no journal in ``path``'s folder that is ``path`` itself. Else the interrupted commit
    is finished when the folder can be locked; while another process holds the lock (it is
    renaming), this waits up to :data:`COMMIT_WAIT` seconds; past that, or when the folder is
    not writable, the new generation is read where the journal says it is.
    """
    path = Path(path)
    home = path.parent
    if not (home / JOURNAL_FILE).exists():
        return path
    deadline = time.monotonic() + COMMIT_WAIT
    while True:
        try:
            with locked(home, wait=False) as held:
                if held:
                    return path
        except OutputError:  # not ours to write: read through the journal
            break
        if not (home / JOURNAL_FILE).exists():
            return path
        if time.monotonic() >= deadline:
            break
        time.sleep(0.05)
    try:
        steps = _read_journal(home) or []
    except OutputError:
        return path
    for step in steps:
        if step.get("op") in ("file", "folder") and home / step["target"] == path:
            pending = home / step["tmp"]
            return pending if pending.exists() else path
    return path


def line_places(data: bytes, start: int = 0) -> Iterator[tuple[int, int]]:
    """Where each line of ``data`` from byte ``start`` on begins and ends (without its line feed).

    Line feeds only: a JSON line may hold U+2028 and the like, which json.dumps keeps.

    >>> list(line_places(b"a\\nbc\\n\\nd"))
    [(0, 1), (2, 4), (5, 5), (6, 7)]
    """
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        yield start, end
        start = end + 1


def read_as_it_is(path: str | os.PathLike[str]) -> tuple[bytes, tuple[int, int, int, int]]:
    """A file's bytes and what it was when read (:func:`stream_identity`), for
    :class:`LinesInFile` to copy from it later only while it is still that file."""
    with open(path, "rb") as stream:
        return stream.read(), stream_identity(stream)


def stream_identity(stream: BinaryIO) -> tuple[int, int, int, int]:
    """What the file open in ``stream`` is now (device, inode, size, modification time): equal
    later only while it is the same file, not written since."""
    return _identity(os.fstat(stream.fileno()))


@dataclass(frozen=True)
class LinesInFile:
    """Lines of a file an update read, known by where they are, written into the file that
    replaces it as its bytes, a run of neighbouring lines at a time: never held as text and
    encoded again (at 1,600 articles, 18 MB of ``extractions.jsonl`` and 15 MB of the update
    cache). The file is opened again to be copied from, and only while it is the file that was
    read (:func:`read_as_it_is`): else every line is made again.
    """

    path: Path
    #: The file as it was read (:func:`read_as_it_is`).
    identity: tuple[int, int, int, int]
    #: Key -> (start, end) of its line in bytes, without the line feed.
    places: Mapping[Hashable, tuple[int, int]]

    def keeping(self, keys: Iterable[Hashable]) -> LinesInFile:
        """The same file, with the places of ``keys`` only."""
        return replace(self, places={key: self.places[key] for key in keys if key in self.places})

    def write(self, stream: TextIO, lines: Iterable[tuple[Hashable, Callable[[], str]]]) -> None:
        """Write a line for each (key, make): the file's line of ``key`` when it has one, else
        ``make()`` (a line with its line feed)."""
        try:
            source = open(self.path, "rb") if self.places else None
        except OSError:
            source = None
        with source if source is not None else contextlib.nullcontext():
            places = self.places if source is not None and _identity(os.fstat(source.fileno())) == self.identity else {}
            run: tuple[int, int] | None = None  # lines to be copied, one after the other in the file
            for key, make in lines:
                place = places.get(key)
                if place is not None and run is not None and place[0] == run[1] + 1:
                    run = (run[0], place[1])
                    continue
                if run is not None:
                    _copy(source, *run, stream)  # type: ignore[arg-type]
                run = place
                if place is None:
                    stream.write(make())
            if run is not None:
                _copy(source, *run, stream)  # type: ignore[arg-type]


def write_lines(stream: TextIO, lines: Iterable[tuple[Hashable, Callable[[], str]]], old: LinesInFile | None = None) -> None:
    """Write a line for each (key, make): ``old``'s line of ``key`` when it has one (see
    :class:`LinesInFile`), else ``make()`` (a line with its line feed)."""
    if old is None:
        stream.writelines(make() for _, make in lines)
    else:
        old.write(stream, lines)


def write_bytes(stream: TextIO, data: bytes) -> None:
    """UTF-8 ``data`` after what the text ``stream`` holds: into its buffer when it has one (so
    bytes already encoded are not decoded and encoded again), else as text."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(data.decode("utf-8"))
    else:
        stream.flush()
        buffer.write(data)


def _identity(read: os.stat_result) -> tuple[int, int, int, int]:
    return read.st_dev, read.st_ino, read.st_size, read.st_mtime_ns


def _copy(source: BinaryIO, start: int, end: int, stream: TextIO) -> None:
    """Bytes ``start`` to ``end`` of ``source``, and a line feed, after what ``stream`` holds."""
    if getattr(stream, "buffer", None) is None:  # a stream of text only: the run decoded whole, never cut inside a character
        write_bytes(stream, _read(source, start, end) + b"\n")
        return
    for at in range(start, end, _PIECE):
        write_bytes(stream, _read(source, at, min(at + _PIECE, end)))
    write_bytes(stream, b"\n")


def _read(source: BinaryIO, start: int, end: int) -> bytes:
    data = os.pread(source.fileno(), end - start, start)
    if len(data) != end - start:
        raise OSError(f"{source.name}: ended before byte {end}")
    return data


def chunks_reader(chunks: Iterable[bytes]) -> BinaryIO:
    """A binary file whose bytes are ``chunks``, one after the other, made as it is read: for a
    reader of files (a store's loader), without the chunks joined in memory."""
    return io.BufferedReader(_Chunks(chunks), 1 << 20)  # type: ignore[return-value]


class _Chunks(io.RawIOBase):
    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._left = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        while not self._left:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._left = memoryview(chunk)
        count = min(len(buffer), len(self._left))
        buffer[:count] = self._left[:count]
        self._left = self._left[count:]
        return count
