"""A throwaway OpenLink Virtuoso on loopback: its own virtuoso.ini, database and free ports in a folder.

Used by tests/test_remote.py (a module-scoped fixture) and benchmarks/push.py. Debian's
``virtuoso-opensource`` provides ``virtuoso-t``; a new database has the user ``dba`` with
password ``dba``, who may write through the digest-protected Graph Store endpoint
``/sparql-graph-crud-auth``, and anyone may read through ``/sparql``.

    with Virtuoso(tmp_path) as server:
        server.sparql_url, server.gsp_url, server.credentials
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BINARY = "virtuoso-t"
USER = "dba"
PASSWORD = "dba"

#: How a test fails when the server died during it (tests/conftest.py runs such a test again).
DIED = "Virtuoso died during the test"

_INI = """\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 0
O_DIRECT             = 0
CaseMode             = 2
AllowOSCalls         = 0
DirsAllowed          = ., {folder}
NumberOfBuffers      = {buffers}
MaxDirtyBuffers      = {dirty}
ThreadsPerQuery      = 2

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {folder}
MaxClientConnections = 10
ServerThreads        = 10
EnabledDavVSP        = 0
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = 1000000
MaxQueryExecutionTime = 300
"""


def free_port() -> int:
    """A TCP port nobody listens on at this moment, on loopback."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def unavailable() -> str | None:
    """Why no Virtuoso can be started here, or None when ``virtuoso-t`` is installed."""
    if shutil.which(BINARY) is None:
        return f"{BINARY} not found: install Debian's virtuoso-opensource (`make test` does so when it can)"
    return None


class Virtuoso:
    """A Virtuoso server for one folder: ``start()`` creates the database, ``stop()`` ends it.

    Args:
        folder: holds virtuoso.ini, the database and the log; nothing is written elsewhere.
        buffers: 8 KB pages of cache (10,000 is 80 MB, plenty for tests; a million triples load
            faster with 100,000 or more).
    """

    def __init__(self, folder: Path, buffers: int = 10_000) -> None:
        self.folder = Path(folder)
        self.buffers = buffers
        self.http_port = 0
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql_url(self) -> str:
        """The SPARQL 1.1 Protocol endpoint (anonymous, read-only)."""
        return f"{self.base}/sparql"

    @property
    def gsp_url(self) -> str:
        """The Graph Store Protocol endpoint that takes digest credentials (``credentials``)."""
        return f"{self.base}/sparql-graph-crud-auth"

    @property
    def anonymous_gsp_url(self) -> str:
        """The Graph Store Protocol endpoint without authentication (read-only by default)."""
        return f"{self.base}/sparql-graph-crud"

    @property
    def credentials(self) -> dict[str, str]:
        """The environment ``kg push`` reads its credentials from."""
        return {"KG_SPARQL_USER": USER, "KG_SPARQL_PASSWORD": PASSWORD}

    @property
    def log(self) -> str:
        path = self.folder / "virtuoso.log"
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def start(self, timeout: float = 90.0) -> Virtuoso:
        """Write the ini, start ``virtuoso-t -f`` and wait until ``/sparql`` answers.

        Raises:
            RuntimeError: Virtuoso is missing, exits, or does not answer within ``timeout``.
        """
        reason = unavailable()
        if reason:
            raise RuntimeError(reason)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.http_port = free_port()
        sql_port = free_port()
        while sql_port == self.http_port:
            sql_port = free_port()
        ini = self.folder / "virtuoso.ini"
        dirty = max(100, self.buffers * 3 // 4)
        ini.write_text(_INI.format(folder=self.folder, sql_port=sql_port, http_port=self.http_port, buffers=self.buffers, dirty=dirty), encoding="utf-8")
        output = open(self.folder / "stdout.log", "wb")  # noqa: SIM115 - kept open for the child's lifetime
        self.process = subprocess.Popen([BINARY, "-f", "-c", str(ini)], cwd=self.folder, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        output.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with status {self.process.returncode}: {self.log[-2000:]}")
            if self._answers():
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer on {self.sparql_url} within {timeout:g} s: {self.log[-2000:]}")

    def died(self) -> str | None:
        """Why the server is gone (its exit status and the end of its output), or None while it runs.

        The output, not virtuoso.log: an abort's own message (a failed assertion, glibc's
        complaint) goes to standard error only, which ``start`` sends to stdout.log.
        """
        if self.process is None or self.process.poll() is None:
            return None
        path = self.folder / "stdout.log"
        output = path.read_text(encoding="utf-8", errors="replace") if path.exists() else self.log
        return f"virtuoso-t exited with status {self.process.returncode}; the end of its output:\n{output[-3000:]}"

    def restart(self) -> Virtuoso:
        """Start again on a new database beside the old one, which stays for reading."""
        self.stop()
        runs = sum(1 for _ in self.folder.parent.glob(f"{self.folder.name}-restart*"))
        self.folder = self.folder.parent / f"{self.folder.name}-restart{runs + 1}"
        return self.start()

    def _answers(self) -> bool:
        url = f"{self.sparql_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        """End the server (SIGTERM, then SIGKILL after 30 s) and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def database_bytes(self) -> int:
        """Size of the database files on disk (data and transaction log)."""
        return sum(p.stat().st_size for p in self.folder.glob("virtuoso*.db")) + sum(p.stat().st_size for p in self.folder.glob("virtuoso*.trx"))

    def __enter__(self) -> Virtuoso:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
