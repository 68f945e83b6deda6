"""A function -> its result, computed in a child process that a deadline or Ctrl-C can end.

pyoxigraph evaluates SPARQL in native code that neither returns to Python for a signal handler
nor can be stopped from a thread; a child process can be killed, and its memory goes with it.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["WorkerDied", "WorkerTimeout", "run_in_worker"]

T = TypeVar("T")
_POLL = 0.05


class WorkerTimeout(Exception):
    """The child was still working at the deadline and was killed."""


class WorkerDied(Exception):
    """The child ended without an answer (killed by the system, out of memory, ...)."""


def run_in_worker(function: Callable[..., T], *args: Any, timeout: float | None = None) -> T:
    """``function(ready, *args)`` in a child process, killed after ``timeout`` seconds.

    The clock starts when the child calls ``ready()`` (after loading its input, say), or at
    once if it never does before answering. An exception the function raises is raised here.
    Ctrl-C (KeyboardInterrupt) in the parent kills the child and propagates.

    Raises:
        WorkerTimeout: still running ``timeout`` seconds after ``ready()``.
        WorkerDied: the child ended without an answer.
    """
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    # Only a forked child is this process's own; a fork server's child has the server as parent.
    parent = os.getpid() if context.get_start_method() == "fork" else None
    child = context.Process(target=_child, args=(sender, function, args, parent), daemon=True, name="kg-worker")
    deadline: float | None = None
    try:
        # Started inside the try: a Ctrl-C that lands while the child is being forked still
        # reaches the finally below, which kills it.
        child.start()
        sender.close()
        while True:
            wait = _POLL if deadline is None else max(0.0, min(_POLL, deadline - time.monotonic()))
            if receiver.poll(wait):
                try:
                    kind, value = receiver.recv()
                except EOFError:
                    child.join(1)
                    raise WorkerDied(_death(child.exitcode)) from None
                if kind == "ready":
                    deadline = None if timeout is None else time.monotonic() + timeout
                    continue
                if kind == "error":
                    raise value
                return value
            if deadline is not None and time.monotonic() >= deadline:
                raise WorkerTimeout(f"still running after {timeout:g} s")
            if not child.is_alive() and not receiver.poll():
                raise WorkerDied(_death(child.exitcode))
    finally:
        receiver.close()
        if child.pid is not None:
            if child.is_alive():
                child.kill()
            child.join(5)


def _death(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"


def _die_with(parent: int | None) -> None:
    """Have the kernel kill this process when its parent dies (Linux), so no worker outlives a
    parent killed at a moment its own clean-up could not run.

    ``parent`` is kg's process for a forked child. A fork server's child (``None``) is tied to
    the fork server instead, which ends when kg's process does: a Ctrl-C that lands while the
    server is still starting the child, before kg knows the child's pid, then ends it too.
    """
    if parent is None:
        parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's finally is the only guard
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _child(sender, function: Callable[..., Any], args: tuple, parent: int | None) -> None:
    # The parent decides what Ctrl-C does; the child must not print a traceback for it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    try:
        result = function(lambda: sender.send(("ready", None)), *args)
        message = ("done", result)
    except BaseException as err:  # noqa: BLE001 - handed to the parent, which raises it
        message = ("error", err)
    try:
        sender.send(message)
    except Exception as err:  # an answer or exception that does not pickle
        sender.send(("error", RuntimeError(f"{type(message[1]).__name__}: {message[1]} ({err})")))
    sender.close()


def _context():
    """fork when this process has one thread (fast: nothing to import again), else forkserver.

    Forking a process with other threads (a store's background threads, a Dask client) can copy
    a lock some thread holds; the fork server is a clean single-threaded process.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _single_threaded():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _single_threaded() -> bool:
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: cannot tell, so take the safe way
        return False
