"""Tests for kg.files: all-or-nothing writes, the folder lock, the journal and file modes."""
from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import kg.files
from kg.errors import OutputError
from kg.files import JOURNAL_FILE, LOCK_FILE, Folder, LinesInFile, chunks_reader, current_path, line_places, locked, read_as_it_is, write_atomically, write_files

ROOT = Path(__file__).parent.parent


@pytest.fixture
def umask():
    """Set the process umask for one test and put the old one back."""
    old = os.umask(0o022)
    yield lambda mask: os.umask(mask)
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_outputs_take_their_mode_from_the_umask(tmp_path, umask) -> None:
    umask(0o022)
    write_files({tmp_path / "a.ttl": "a", tmp_path / "b.html": "b"})
    assert _mode(tmp_path / "a.ttl") == 0o644 and _mode(tmp_path / "b.html") == 0o644
    umask(0o007)
    write_atomically(tmp_path / "a.ttl", "again")
    assert _mode(tmp_path / "a.ttl") == 0o660


def test_files_folder_takes_its_mode_from_the_umask(tmp_path, umask) -> None:
    umask(0o022)
    write_files({tmp_path / "store": Folder(lambda folder: (folder / "CURRENT").write_text("x"))})
    assert _mode(tmp_path / "store") == 0o755


def test_files_write_leaves_only_the_targets(tmp_path) -> None:
    write_files({tmp_path / "a.ttl": "a", tmp_path / "b.jsonl": lambda stream: stream.write("b\n")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.jsonl"]
    assert (tmp_path / "b.jsonl").read_text() == "b\n"


def test_files_long_text_is_written_whole_with_its_characters(tmp_path) -> None:
    text = "é" + "x" * (kg.files._PIECE - 1) + "’" + "ü" * kg.files._PIECE + "end"
    write_files({tmp_path / "page.html": text})
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == text


def test_files_failed_content_leaves_every_target_as_it_was(tmp_path) -> None:
    write_files({tmp_path / "a.ttl": "old a", tmp_path / "b.ttl": "old b"})

    def fail(stream):
        stream.write("half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="b.ttl: No space left on device"):
        write_files({tmp_path / "a.ttl": "new a", tmp_path / "b.ttl": fail})
    assert (tmp_path / "a.ttl").read_text() == "old a" and (tmp_path / "b.ttl").read_text() == "old b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "b.ttl"]


def test_files_folder_is_built_before_any_file_is_replaced(tmp_path) -> None:
    write_files({tmp_path / "graph.ttl": "old", tmp_path / "store": Folder(lambda f: (f / "data").write_text("old store"))})

    def full_disk(folder: Path) -> None:
        (folder / "data").write_text("partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match="store: No space left on device"):
        write_files({tmp_path / "graph.ttl": "new", tmp_path / "store": Folder(full_disk)})
    assert (tmp_path / "graph.ttl").read_text() == "old"
    assert (tmp_path / "store" / "data").read_text() == "old store"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl", "store"]


def test_files_folder_is_replaced_whole(tmp_path) -> None:
    write_files({tmp_path / "store": Folder(lambda f: (f / "old-only").write_text("1"))})
    write_files({tmp_path / "store": Folder(lambda f: (f / "new-only").write_text("2"))})
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["new-only"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_files_removals_are_part_of_the_commit(tmp_path) -> None:
    write_files({tmp_path / "a.ttl": "a", tmp_path / "shard-1.nt": "s"})
    write_files({tmp_path / "a.ttl": "a2"}, remove=[tmp_path / "shard-1.nt"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl"]


_KILLED_WRITER = """
import os, sys
import kg.files
real, calls = os.replace, []
def replace_then_die(src, dst):
    calls.append(dst)
    if len(calls) == int(sys.argv[2]):
        os._exit(9)  # like SIGKILL: no finally, no cleanup
    real(src, dst)
kg.files.os.replace = replace_then_die
out = sys.argv[1]
kg.files.write_files({os.path.join(out, name): "new " + name for name in ("graph.ttl", "statements.jsonl", "graph.html")})
"""


def _killed_write(out: Path, after_replaces: int) -> None:
    done = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(out), str(after_replaces)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr


def test_files_kill_between_renames_is_finished_by_the_next_reader(tmp_path) -> None:
    out = tmp_path / "out"
    write_files({out / name: "old " + name for name in ("graph.ttl", "statements.jsonl", "graph.html")})
    # The journal is the first rename; the second moves graph.ttl in; the third never happens.
    _killed_write(out, 3)
    assert (out / "graph.ttl").read_text() == "new graph.ttl"
    assert (out / "statements.jsonl").read_text() == "old statements.jsonl"  # torn, until someone reads
    assert (out / JOURNAL_FILE).exists()
    assert current_path(out / "statements.jsonl") == out / "statements.jsonl"
    assert {name: (out / name).read_text() for name in ("graph.ttl", "statements.jsonl", "graph.html")} == {
        name: "new " + name for name in ("graph.ttl", "statements.jsonl", "graph.html")
    }
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "statements.jsonl"]


def test_files_kill_before_the_journal_keeps_the_old_generation(tmp_path) -> None:
    out = tmp_path / "out"
    write_files({out / name: "old " + name for name in ("graph.ttl", "statements.jsonl", "graph.html")})
    _killed_write(out, 1)  # killed as it commits: the journal never lands
    assert any(p.name.endswith(".kg.tmp") for p in out.iterdir())
    write_atomically(out / "other.txt", "x")  # the next writer of the folder
    assert {name: (out / name).read_text() for name in ("graph.ttl", "statements.jsonl", "graph.html")} == {
        name: "old " + name for name in ("graph.ttl", "statements.jsonl", "graph.html")
    }
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "other.txt", "statements.jsonl"]


def test_files_reader_during_a_commit_reads_the_new_generation(tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_files({out / "graph.ttl": "old"})
    monkeypatch.setattr(kg.files, "COMMIT_WAIT", 0.2)
    pending = out / ".graph.ttl.0123abcd.kg.tmp"
    with locked(out):  # a writer stuck between its journal and its renames
        pending.write_text("new")
        (out / JOURNAL_FILE).write_text('{"kind": "kg-journal", "steps": [{"op": "file", "target": "graph.ttl", "tmp": ".graph.ttl.0123abcd.kg.tmp"}]}')
        errors: list[BaseException] = []
        found: list[Path] = []
        reader = threading.Thread(target=lambda: _catch(errors, lambda: found.append(current_path(out / "graph.ttl"))))
        reader.start()
        reader.join(10)
        assert not errors and found == [pending]
    # Once the writer is gone, the next reader finishes the commit itself.
    assert current_path(out / "graph.ttl") == out / "graph.ttl"
    assert (out / "graph.ttl").read_text() == "new" and not (out / JOURNAL_FILE).exists()


def _catch(errors: list, call) -> None:
    try:
        call()
    except BaseException as err:  # noqa: BLE001 - handed back to the test thread
        errors.append(err)


def test_files_lock_makes_a_second_writer_wait(tmp_path) -> None:
    order: list[str] = []
    first_in = threading.Event()

    def first() -> None:
        with locked(tmp_path):
            first_in.set()
            time.sleep(0.3)
            order.append("first done")

    def second() -> None:
        first_in.wait(5)
        with locked(tmp_path):
            order.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert order == ["first done", "second in"]


def test_files_lock_without_waiting_says_it_is_held(tmp_path) -> None:
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with locked(tmp_path):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    try:
        with locked(tmp_path, wait=False) as got:
            assert got is False
    finally:
        release.set()
        thread.join(5)
    with locked(tmp_path, wait=False) as got:
        assert got is True


def test_files_lock_is_reentrant_and_leaves_no_file(tmp_path) -> None:
    with locked(tmp_path):
        assert (tmp_path / LOCK_FILE).exists()
        write_atomically(tmp_path / "a.txt", "a")  # locks the same folder again
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_files_lock_of_an_unwritable_place_is_an_output_error(tmp_path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="file"):
        with locked(tmp_path / "file" / "sub"):
            pass


_KILLED_FOLDER_SWAP = """
import os, sys
from pathlib import Path
import kg.files
real = os.rename
def rename_then_die(src, dst):
    real(src, dst)
    os._exit(9)  # the old store moved aside, the new one not yet in place
kg.files.os.rename = rename_then_die
out = Path(sys.argv[1])
kg.files.write_files({out / "graph.ttl": "new", out / "store": kg.files.Folder(lambda f: (f / "CURRENT").write_text("new store"))})
"""


def test_files_kill_while_swapping_a_folder_is_finished_by_the_next_reader(tmp_path) -> None:
    out = tmp_path / "out"
    write_files({out / "graph.ttl": "old", out / "store": Folder(lambda f: (f / "CURRENT").write_text("old store"))})
    done = subprocess.run([sys.executable, "-c", _KILLED_FOLDER_SWAP, str(out)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    assert not (out / "store").exists()  # torn: no store at all
    assert current_path(out / "store") == out / "store"
    assert (out / "store" / "CURRENT").read_text() == "new store" and (out / "graph.ttl").read_text() == "new"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl", "store"]


def test_files_reader_that_cannot_lock_reads_through_the_journal(tmp_path, monkeypatch) -> None:
    out = tmp_path / "out"
    write_files({out / "graph.ttl": "old"})
    with locked(out):
        (out / ".graph.ttl.0123abcd.kg.tmp").write_text("new")
        (out / JOURNAL_FILE).write_text('{"kind": "kg-journal", "steps": [{"op": "file", "target": "graph.ttl", "tmp": ".graph.ttl.0123abcd.kg.tmp"}]}')

    def read_only(folder, wait):
        raise OutputError(f"cannot lock {folder}: Permission denied")

    monkeypatch.setattr(kg.files, "_acquire", read_only)  # another user's folder
    assert current_path(out / "graph.ttl").read_text() == "new"
    assert current_path(out / "statements.jsonl") == out / "statements.jsonl"  # not in the commit


_HOLDER_WITH_A_CHILD = """
import os, sys, time
import kg.files
with kg.files.locked(sys.argv[1]):
    if os.fork() == 0:
        os.write(1, b"child\\n")  # after the fork hooks: the child has let go of its copy (one write: no interleaving)
        time.sleep(30)  # a worker (spaCy's --jobs) that outlives its parent
        os._exit(0)
    os.write(1, b"locked\\n")
    time.sleep(30)
"""


def test_files_lock_dies_with_its_holder_not_with_a_forked_child(tmp_path) -> None:
    import signal

    holder = subprocess.Popen([sys.executable, "-c", _HOLDER_WITH_A_CHILD, str(tmp_path)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        # Both lines, in whichever order the scheduler gives: the child must have started (a
        # busy machine may not run it before the parent is killed).
        assert {holder.stdout.readline().strip(), holder.stdout.readline().strip()} == {"locked", "child"}
        holder.kill()  # killed mid-build: no release; its forked child lives on
        holder.wait(10)
        with locked(tmp_path, wait=False) as got:
            assert got is True
    finally:
        os.killpg(holder.pid, signal.SIGKILL)


def test_files_a_file_that_cannot_reach_the_disk_is_not_committed(tmp_path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def no_disk(descriptor: int) -> None:
        os.close(descriptor)
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(kg.files, "_sync_and_close", no_disk)
    with pytest.raises(OutputError, match="cannot write .*a.txt"):
        write_files({target: "new", tmp_path / "b.txt": "new"})
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def _lines_read(path: Path) -> LinesInFile:
    data, identity = read_as_it_is(path)
    return LinesInFile(path, identity, {data[start:end].decode(): (start, end) for start, end in line_places(data)})


def test_files_lines_in_a_file_are_copied_as_its_bytes_between_the_lines_made(tmp_path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_bytes("[\"Zoë\"]\n[2]\n[3]\n".encode())
    lines = _lines_read(old)
    out = tmp_path / "new.jsonl"
    with out.open("w", encoding="utf-8", newline="\n") as stream:
        lines.write(stream, [(key, lambda key=key: f"made {key}\n") for key in ("[\"Zoë\"]", "[2]", "new", "[3]")])
    assert out.read_text(encoding="utf-8") == "[\"Zoë\"]\n[2]\nmade new\n[3]\n"


def test_files_lines_of_a_file_replaced_since_it_was_read_are_made_again(tmp_path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_text("[1]\n[2]\n", encoding="utf-8")
    lines = _lines_read(old)
    old.write_text("[9]\n[8]\n[7]\n", encoding="utf-8")
    stream = io.StringIO()
    lines.write(stream, [(key, lambda key=key: f"made {key}\n") for key in ("[1]", "[2]")])
    assert stream.getvalue() == "made [1]\nmade [2]\n"


def test_files_lines_copied_into_a_text_only_stream_are_the_same_text(tmp_path) -> None:
    old = tmp_path / "old.jsonl"
    old.write_text("[\"Zoë\"]\n[2]\n", encoding="utf-8")
    stream = io.StringIO()
    _lines_read(old).write(stream, [(key, lambda: "made\n") for key in ("[2]", "[\"Zoë\"]")])
    assert stream.getvalue() == "[2]\n[\"Zoë\"]\n"


def test_files_a_chunks_reader_reads_the_chunks_one_after_the_other_in_any_sizes() -> None:
    chunks = [b"@prefix ex: <http://example.org/> .\n", b"", b"ex:a ex:b ", b"\xc3\xa9", b"x" * 5000, b" .\n"]
    reader = chunks_reader(iter(chunks))
    parts = [reader.read(7), reader.read(1), reader.read(100_000), reader.read(3)]
    assert b"".join(parts) == b"".join(chunks) and parts[-1] == b""
