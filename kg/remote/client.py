"""HTTP to a SPARQL endpoint: credentials from the environment, bounded retries with backoff, one-line errors.

:class:`Client` wraps one endpoint URL for :mod:`kg.remote.push` and :mod:`kg.remote.query`:
a ``requests`` session per thread, Digest or Basic authentication as the server's challenge
asks, and :class:`kg.errors.RemoteError` for an unreachable endpoint, refused credentials or
a transient failure that outlasts the retries.
"""
from __future__ import annotations

import logging
import os
import random
import re
import threading
import time
from urllib.parse import urlsplit

import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from kg import __version__
from kg.errors import RemoteError

__all__ = ["BACKOFF", "CONNECT_TIMEOUT", "DEFAULT_RETRIES", "DEFAULT_TIMEOUT", "MAX_ANSWER_BYTES", "MAX_BACKOFF", "PASSWORD_ENV", "USER_ENV", "Client", "first_line", "server_message"]

log = logging.getLogger(__name__)

#: Environment variables holding the credentials; they are never taken from the command line.
USER_ENV = "KG_SPARQL_USER"
PASSWORD_ENV = "KG_SPARQL_PASSWORD"
DEFAULT_RETRIES = 4
DEFAULT_TIMEOUT = 300.0
#: Seconds to wait for a connection; an endpoint that does not answer in that time is unreachable.
CONNECT_TIMEOUT = 10.0
#: Largest answer read (bytes); a server that sends more (an endless body, say) is cut off.
MAX_ANSWER_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 16
#: First wait before a retry, doubled each time up to MAX_BACKOFF (with jitter).
BACKOFF = 0.5
MAX_BACKOFF = 30.0


def _credentials() -> tuple[str, str] | None:
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if not user and not password:
        return None
    if not user or password is None:
        raise RemoteError(f"set both {USER_ENV} and {PASSWORD_ENV}, or neither")
    return user, password


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if "@" in parts.netloc:
        # requests would send them, and every error and retry warning would print them.
        shown = parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]).geturl()
        raise RemoteError(f"endpoint {shown} has credentials in its URL; set {USER_ENV} and {PASSWORD_ENV} instead (kg never prints them)")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise RemoteError(f"endpoint {url!r} is not an http:// or https:// URL")
    return url


class _Deadline(Exception):
    """A request's whole exchange outlasted its time."""


class _TooLarge(Exception):
    """An answer grew past the size cap."""


def _unreachable(err: requests.RequestException) -> str | None:
    """Why no connection was made (refused, unknown host, no answer), or None when it was made."""
    if isinstance(err, requests.ConnectTimeout):
        return "no answer (connection timed out)"
    reason = err.args[0] if err.args else None
    reason = getattr(reason, "reason", reason)
    if isinstance(reason, NewConnectionError):  # a subclass of ConnectTimeoutError in urllib3 2
        text = str(reason).rsplit(": ", 1)[-1]
        return re.sub(r"^\[Errno -?\d+\]\s*", "", text).strip() or "connection failed"
    if isinstance(reason, ConnectTimeoutError):
        return "no answer (connection timed out)"
    return None


def server_message(response: requests.Response) -> str:
    """The server's own words, on one line: Virtuoso puts them in HTML <xmp> or plain text."""
    text = response.text or ""
    found = re.search(r"<xmp>(.*?)</xmp>", text, re.DOTALL | re.IGNORECASE)
    if found:
        text = found.group(1)
    text = re.sub(r"<[^>]+>", " ", text)
    text = text.split("SPARQL query:")[0]  # Virtuoso echoes the whole query after its message
    return " ".join(text.split())[:300] or response.reason or ""


class Client:
    """One endpoint: a session per thread, challenge-driven auth, bounded retries with backoff.

    Each request, whole (connecting, sending, the answer to its last byte), has ``timeout``
    seconds, and an answer past ``max_bytes`` is refused: a server that drips a byte at a time
    or never stops sending cannot hold kg.
    """

    def __init__(
        self, url: str, retries: int, timeout: float | None, retry_statuses: frozenset[int], backoff: float = BACKOFF,
        max_bytes: int = MAX_ANSWER_BYTES,
    ) -> None:
        self.url = _check_url(url)
        self.credentials = _credentials()
        self.retries = retries
        self.deadline = timeout  # None: no limit
        self.max_bytes = max_bytes
        self.timeout = (CONNECT_TIMEOUT if timeout is None else min(CONNECT_TIMEOUT, timeout), timeout)
        self.retry_statuses = retry_statuses
        self.backoff = backoff
        self.reached = False
        self.retried = 0
        self.requests = 0
        self._local = threading.local()
        self._lock = threading.Lock()
        self._sessions: list[requests.Session] = []

    def _session(self) -> requests.Session:
        # One per thread (a Session is not thread-safe); each keeps its connection and auth.
        session = getattr(self._local, "session", None)
        if session is None:
            session = self._local.session = requests.Session()
            session.headers["User-Agent"] = f"kg/{__version__}"
            with self._lock:
                self._sessions.append(session)
        return session

    def _exchange(self, session: requests.Session, method: str, params, data, headers) -> requests.Response:
        """One request and its whole answer (read here, at most ``max_bytes``), within the deadline.

        ``requests`` bounds each socket read, not the exchange, so it runs on a helper thread
        that is left behind at the deadline (its reads time out on their own soon after).
        """
        outcome: dict[str, object] = {}
        finished = threading.Event()

        def exchange() -> None:
            try:
                response = session.request(method, self.url, params=params, data=data, headers=headers, timeout=self.timeout, stream=True)
                try:
                    response._content = self._body(response)  # what .content and .text then give
                finally:
                    response.close()
                outcome["response"] = response
            except BaseException as err:  # noqa: BLE001 - raised again on the caller's thread
                outcome["error"] = err
            finally:
                finished.set()

        threading.Thread(target=exchange, daemon=True, name="kg-http").start()
        if not finished.wait(self.deadline):
            raise _Deadline()
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["response"]  # type: ignore[return-value]

    def _body(self, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise _TooLarge(f"Content-Length {declared}")
        chunks, size = [], 0
        for chunk in response.iter_content(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise _TooLarge(f"more than {size} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def _abandon(self) -> requests.Session:
        """A fresh session for this thread: the old one is still in use by an abandoned exchange."""
        self._local.session = None
        return self._session()

    def close(self) -> None:
        """Close every thread's connections."""
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    def _authenticate(self, session: requests.Session, response: requests.Response) -> bool:
        """Answer a 401 challenge with the credentials, once; False when there is nothing to try."""
        if self.credentials is None or session.auth is not None:
            return False
        challenge = response.headers.get("WWW-Authenticate", "")
        if "digest" in challenge.lower():
            session.auth = HTTPDigestAuth(*self.credentials)
        else:
            parts = urlsplit(self.url)
            if parts.scheme != "https" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
                log.warning("%s asks for Basic authentication over plain http: the password crosses the network readable", self.url)
            session.auth = HTTPBasicAuth(*self.credentials)
        return True

    def _refused(self, response: requests.Response) -> RemoteError:
        user = f"user {self.credentials[0]!r}" if self.credentials else "no credentials"
        if response.status_code == 401:
            if self.credentials is None:
                return RemoteError(f"{self.url} needs credentials (HTTP 401): set {USER_ENV} and {PASSWORD_ENV}")
            return RemoteError(f"{self.url} rejected the credentials of {user} (HTTP 401); check {USER_ENV} and {PASSWORD_ENV}")
        hint = ""
        if "virtuoso" in response.headers.get("Server", "").lower() and self.url.rstrip("/").endswith("/sparql-graph-crud"):
            hint = f"; Virtuoso's /sparql-graph-crud lets the anonymous SPARQL user write only with SPARQL_UPDATE granted: use /sparql-graph-crud-auth with {USER_ENV} and {PASSWORD_ENV}"
        return RemoteError(f"{self.url} refused the request with {user} (HTTP 403 Forbidden){hint}")

    def _wait(self, attempt: int, response: requests.Response | None) -> float:
        delay = min(MAX_BACKOFF, self.backoff * 2**attempt) * random.uniform(0.5, 1.0)
        after = response.headers.get("Retry-After", "") if response is not None else ""
        if after.strip().isdigit():
            delay = max(delay, min(MAX_BACKOFF, float(after)))
        return delay

    def request(self, method: str, *, params=None, data=None, headers=None, retry_read_timeout: bool = True) -> requests.Response:
        """Send one request, retrying transient failures; the response of any other status.

        Raises:
            RemoteError: unreachable endpoint, refused credentials (401/403), or a transient
                failure that outlasted the retries.
        """
        session = self._session()
        attempt = 0
        while True:
            problem: str
            response = None
            try:
                with self._lock:
                    self.requests += 1
                response = self._exchange(session, method, params, data, headers)
            except _TooLarge as err:
                raise RemoteError(f"{self.url} sent an answer larger than {self.max_bytes // (1024 * 1024)} MB ({err}); refused") from None
            except _Deadline:
                session = self._abandon()
                if not retry_read_timeout:
                    raise RemoteError(f"{self.url} sent no complete answer within {self.deadline:g} s") from None
                problem = f"no complete answer within {self.deadline:g} s"
            except requests.RequestException as err:
                why = _unreachable(err)
                if why is not None and not self.reached:
                    raise RemoteError(f"cannot reach {self.url}: {why}") from err
                if isinstance(err, requests.ReadTimeout) and not retry_read_timeout:
                    raise RemoteError(f"{self.url} sent no answer within {self.deadline:g} s") from err
                if not isinstance(err, (requests.ConnectionError, requests.Timeout)):
                    raise RemoteError(f"{self.url}: {err}") from err
                problem = why or first_line(err)
            else:
                self.reached = True
                status = response.status_code
                if status == 401 and self._authenticate(session, response):
                    continue
                if status in (401, 403):
                    raise self._refused(response)
                if status not in self.retry_statuses:
                    return response
                problem = f"HTTP {status} {server_message(response)}".strip()
            if attempt >= self.retries:
                tries = f"{attempt + 1} attempt{'s' if attempt else ''}"
                raise RemoteError(f"{self.url} failed after {tries}: {problem}")
            delay = self._wait(attempt, response)
            log.warning("%s: %s; retrying in %.1f s (%d of %d)", self.url, problem, delay, attempt + 1, self.retries)
            with self._lock:
                self.retried += 1
            attempt += 1
            time.sleep(delay)


def first_line(err: Exception) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:200]
