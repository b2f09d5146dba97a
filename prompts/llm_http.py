"""One JSON POST that must be over, body and all, within a total deadline.

urllib's timeout applies to each socket read, so an endpoint that sends a byte now and then
can hold a caller for as long as it likes. Here the exchange runs in a daemon thread that the
caller waits for at most `timeout` seconds; past that the socket is shut so the thread ends
too, and a thread that is still stuck (in a DNS look-up, say) cannot keep the process alive.
Redirects are never followed: a key meant for one host must not be sent on to another.
"""

from __future__ import annotations

import base64
import http.client
import json
import re
import socket
import ssl
import threading
import urllib.request
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

MAX_BYTES = 1_000_000
_CHUNK = 65_536


class TransportError(Exception):
    """No usable JSON answer. The message is safe to log: it never holds the reply or the key."""


@dataclass
class _Exchange:
    connection: http.client.HTTPConnection
    path: str
    extra_headers: dict[str, str]
    abandoned: threading.Event
    sock: socket.socket | None = None  # kept here: http.client lets go of it once the response starts
    status: int = 0
    content_type: str = ""
    body: bytes = b""
    error: BaseException | None = None


def post_json(url: str, payload: dict, headers: dict[str, str], timeout: float,
              max_bytes: int = MAX_BYTES) -> object:
    """POST `payload` to `url` and return the decoded JSON answer, or raise TransportError."""
    exchange = _Exchange(*_connection(url, timeout), abandoned=threading.Event())
    body = json.dumps(payload).encode("utf-8")
    worker = threading.Thread(target=_run, args=(exchange, body, headers, max_bytes),
                              name="tender-coach-llm", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _abandon(exchange)
        raise TransportError(f"no complete answer within {timeout:g} s")
    exchange.connection.close()
    if exchange.error is not None:
        if isinstance(exchange.error, TransportError):
            raise exchange.error
        raise TransportError(f"endpoint unavailable ({exchange.error.__class__.__name__})")
    return _decode(exchange)


def _connection(url: str, timeout: float) -> tuple[http.client.HTTPConnection, str, dict[str, str]]:
    """The connection, request target and extra headers for `url`, through HTTP(S)_PROXY when one
    applies (the same variables urllib reads, so a proxy that worked before still works)."""
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    https = parts.scheme == "https"
    proxy = urllib.request.getproxies().get(parts.scheme)
    if not proxy or urllib.request.proxy_bypass(parts.hostname or ""):
        kind = http.client.HTTPSConnection if https else http.client.HTTPConnection
        return _make(kind, parts.hostname, parts.port, timeout), path, {}
    via = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    auth = {}
    if via.username is not None:
        pair = f"{unquote(via.username)}:{unquote(via.password or '')}".encode()
        auth["Proxy-Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    if https:
        # A tunnel: TLS runs end to end, so the proxy never sees the key or the draft.
        connection = _make(http.client.HTTPSConnection, via.hostname, via.port or 8080, timeout)
        connection.set_tunnel(parts.hostname, parts.port or 443, headers=auth)
        return connection, path, {}
    return _make(http.client.HTTPConnection, via.hostname, via.port or 8080, timeout), url, auth


def _make(kind, host, port, timeout: float) -> http.client.HTTPConnection:
    if kind is http.client.HTTPSConnection:
        return kind(host, port, timeout=timeout, context=ssl.create_default_context())
    return kind(host, port, timeout=timeout)


def _run(exchange: _Exchange, body: bytes, headers: dict[str, str], max_bytes: int) -> None:
    try:
        exchange.connection.connect()
        exchange.sock = exchange.connection.sock
        if exchange.abandoned.is_set():
            return
        headers = {**headers, **exchange.extra_headers}
        exchange.connection.request("POST", exchange.path, body=body, headers=headers)
        with exchange.connection.getresponse() as response:
            exchange.status = response.status
            exchange.content_type = response.getheader("Content-Type", "")
            if response.status == 200:  # the body of an error or a redirect is not read, let alone used
                exchange.body = _read(response, exchange.abandoned, max_bytes)
    except BaseException as exc:  # handed to the caller's thread, which decides what it means
        exchange.error = exc


def _read(response: http.client.HTTPResponse, abandoned: threading.Event, max_bytes: int) -> bytes:
    declared = response.getheader("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > max_bytes:
        raise TransportError(f"answer larger than {max_bytes:,} bytes")
    chunks, size = [], 0
    while not abandoned.is_set():
        chunk = response.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TransportError(f"answer larger than {max_bytes:,} bytes")
    return b"".join(chunks)


def _abandon(exchange: _Exchange) -> None:
    # The flag first: a worker still connecting sees it once connected, and a worker already
    # connected has its socket shut here, which ends any read it is blocked in.
    exchange.abandoned.set()
    sock = exchange.sock
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    exchange.connection.close()


def _decode(exchange: _Exchange) -> object:
    if 300 <= exchange.status < 400:
        raise TransportError(
            f"endpoint redirected (HTTP {exchange.status}); redirects are not followed, so give the final address"
        )
    if exchange.status != 200:
        raise TransportError(f"endpoint answered HTTP {exchange.status}")
    media = exchange.content_type.split(";")[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        shown = re.sub(r"[^a-z0-9.+/-]", "?", media[:60]) or "none"  # the server's words, made inert for logs
        raise TransportError(f"endpoint answered with content type {shown!r}, not JSON")
    try:
        text = exchange.body.decode("utf-8")
    except UnicodeDecodeError:
        raise TransportError("endpoint answered with bytes that are not UTF-8") from None
    try:
        return json.loads(text)
    except RecursionError:
        raise TransportError("endpoint answered with JSON nested too deeply") from None
    except ValueError:
        raise TransportError("endpoint answered with something that is not JSON") from None
