"""A chromadb HttpClient whose every request is bounded in time and in size.

chromadb 1.5 builds its httpx session with `timeout=None` and sends its first requests
while the client is being constructed (chroma-core/chroma#5805,
https://github.com/chroma-core/chroma/issues/5805), and no Settings field reaches that
session. So a server that accepts a connection and never answers hangs the caller for
ever, and one that streams an endless body is read into memory until the process dies.
We hand chromadb a session factory for the duration of the constructor (one module
attribute, restored at once, under a lock), so that the very first request is bounded."""

from __future__ import annotations

import threading
import time
import types

import chromadb
import chromadb.api.fastapi as _fastapi
import httpx

from knowledge.errors import KnowledgeError

# Any live server answers its first few calls (identity, tenant, database) in milliseconds.
FIRST_CONTACT_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
# Between two bytes of an answer, once connected: a large upsert or a paged get of 5,000
# chunks takes a second or two on a healthy server.
READ_TIMEOUT = 30.0
# A whole answer, however it trickles in.
REQUEST_DEADLINE = 120.0
# The largest answer we read: a page of `get` (at most 5,000 chunks of at most 1,200
# characters with their metadata) is well under this.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024

_construct_lock = threading.Lock()


class ResponseTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer was larger than {limit // (1024 * 1024)} MB")
        self.limit = limit


class ResponseTooSlow(Exception):
    def __init__(self, seconds: float) -> None:
        super().__init__(f"the answer took longer than {seconds:g} s")
        self.seconds = seconds


class UnexpectedEncoding(Exception):
    """The server compressed its answer although we asked it not to; its size could not be bounded."""


class _BoundedStream(httpx.SyncByteStream):
    def __init__(self, inner, limit: int, deadline: float) -> None:
        self.inner, self.limit, self.deadline = inner, limit, deadline

    def __iter__(self):
        seen = 0
        for chunk in self.inner:
            seen += len(chunk)
            if seen > self.limit:
                raise ResponseTooLarge(self.limit)
            if time.monotonic() > self.deadline:
                raise ResponseTooSlow(REQUEST_DEADLINE)
            yield chunk

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if close:
            close()


def _bound_response(response: httpx.Response) -> None:
    """httpx calls this before it reads the body: check what is declared, then count what arrives."""
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise UnexpectedEncoding(f"the answer was compressed ({encoding}) although none was asked for")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
        raise ResponseTooLarge(MAX_RESPONSE_BYTES)
    response.stream = _BoundedStream(response.stream, MAX_RESPONSE_BYTES, time.monotonic() + REQUEST_DEADLINE)


def _bounded_session(real_client, sessions: list, **kwargs) -> httpx.Client:
    # chromadb passes timeout=None (wait for ever); ours replaces it.
    kwargs["timeout"] = httpx.Timeout(FIRST_CONTACT_TIMEOUT, connect=CONNECT_TIMEOUT)
    kwargs["event_hooks"] = {"response": [_bound_response]}
    session = real_client(**kwargs)
    session.headers["Accept-Encoding"] = "identity"  # so that the bytes we count are the bytes we keep
    sessions.append(session)
    return session


def bounded_http_client(host: str, port: int, ssl: bool, settings):
    """chromadb.HttpClient(...), with timeouts and a response-size bound on every request."""
    sessions: list[httpx.Client] = []
    shim = types.SimpleNamespace(**{name: getattr(httpx, name) for name in dir(httpx) if not name.startswith("__")})
    shim.Client = lambda **kwargs: _bounded_session(httpx.Client, sessions, **kwargs)
    with _construct_lock:
        _fastapi.httpx = shim
        try:
            client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=settings)
        finally:
            _fastapi.httpx = httpx
    if not sessions:  # a chromadb upgrade built its session another way: refuse to run unbounded
        raise KnowledgeError(
            f"chromadb {chromadb.__version__} builds its HTTP session in a way tender-coach cannot bound; "
            "install the chromadb version tender-coach was released with"
        )
    for session in sessions:  # first contact made: now allow for real work
        session.timeout = httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT)
    return client
