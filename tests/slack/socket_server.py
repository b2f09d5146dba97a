"""A local Socket Mode endpoint for end-to-end tests: it plays Slack's side of the websocket.

    with SlackEmulator() as emu, SocketModeServer() as ws:
        emu.socket_url = ws.url                       # what apps.connections.open hands the bot
        ...start the bot's SocketModeHandler against emu.api_url...
        ws.wait_connected()
        envelope_id = ws.send_envelope("events_api", event_callback({"type": "app_mention", ...}))
        assert ws.wait_ack(envelope_id).elapsed < 3   # Slack retries an envelope not acked in 3 s
        ws.close_client(handler.client)               # stops it at once; handler.close() takes 3-4 s

Import it as `from socket_server import SocketModeServer, event_callback` from a test module in
tests/slack/ (see emulator.py for why). Uses the `websockets` sync server (a test dependency).

slack_sdk's builtin client (what slack_bolt's SocketModeHandler uses) speaks plain RFC 6455 with
no extensions; it pings every few seconds with "<session id>:<time>" and reads the pong back, and
websockets answers pings by itself. Not emulated: Slack's re-delivery of an envelope left
unacknowledged (send it again with retry_attempt=1 to test that). Times are time.monotonic() seconds.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass
from http import HTTPStatus

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import ServerConnection, serve

ENVELOPE_TYPES = ("events_api", "slash_commands", "interactive")
_quiet = logging.getLogger("tests.slack.socket_server")
_quiet.addHandler(logging.NullHandler())
_quiet.propagate = False


@dataclass(frozen=True)
class Ack:
    envelope_id: str
    payload: dict | None  # what ack() answered with, for slash commands and view submissions
    time: float
    elapsed: float  # seconds from send_envelope to this ack


class SocketModeServer:
    def __init__(self, *, app_id: str = "A1") -> None:
        self.app_id = app_id
        self.received: list[dict] = []  # every JSON message the client sent, acks included
        self.connects = 0  # how many times a client has connected (reconnections count)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._connections: list[ServerConnection] = []
        self._sent: dict[str, float] = {}
        self._acks: dict[str, Ack] = {}
        self._server = None
        self._thread: threading.Thread | None = None

    # ---- lifecycle -----------------------------------------------------------------------------
    def start(self) -> SocketModeServer:
        self._server = serve(self._handle, "127.0.0.1", 0, process_request=_only_link, compression=None,
                             logger=_quiet)
        self._thread = threading.Thread(target=self._server.serve_forever, name="socket-mode", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._thread.join(5)
            self._server = None

    def __enter__(self) -> SocketModeServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the server is not running; use `with SocketModeServer() as ws:`")
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/link"

    @property
    def connection_count(self) -> int:
        with self._lock:
            return len(self._connections)

    # ---- talking to the client -----------------------------------------------------------------
    def wait_connected(self, timeout: float = 10) -> int:
        """The number of open connections once there is one; AssertionError after timeout."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._connections, timeout):
                raise AssertionError(f"no Socket Mode client connected to {self.url} within {timeout}s")
            return len(self._connections)

    def send_envelope(self, type: str, payload: dict, accepts_response_payload: bool = False, *,
                      retry_attempt: int = 0, retry_reason: str = "") -> str:
        """Deliver payload to the newest connection, as Slack delivers to one of an app's connections."""
        if type not in ENVELOPE_TYPES:
            raise ValueError(f"envelope type must be one of {ENVELOPE_TYPES}, not {type!r}")
        envelope_id = str(uuid.uuid4())
        envelope = {"envelope_id": envelope_id, "type": type, "payload": payload,
                    "accepts_response_payload": accepts_response_payload,
                    "retry_attempt": retry_attempt, "retry_reason": retry_reason}
        self._send_to_newest(envelope, sent=envelope_id)
        return envelope_id

    def send_disconnect(self, reason: str = "refresh_requested") -> None:
        """Slack's warning that this connection will go: the client should open a new one."""
        self._send_to_newest({"type": "disconnect", "reason": reason,
                              "debug_info": {"host": "applink-emulator"}})

    def wait_ack(self, envelope_id: str, timeout: float = 10) -> Ack:
        with self._changed:
            if not self._changed.wait_for(lambda: envelope_id in self._acks, timeout):
                raise AssertionError(f"envelope {envelope_id} not acknowledged within {timeout}s; "
                                     f"the client sent: {self.received}")
            return self._acks[envelope_id]

    def close_connections(self, code: int = 1000, reason: str = "") -> None:
        """Close every open connection from the server's side (a client may reconnect)."""
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            connection.close(code, reason)

    def close_client(self, client) -> None:
        """Stop a slack_sdk SocketModeClient (for Bolt: `handler.client`) in milliseconds, not seconds.

        client.close() alone waits for the receiving thread's recv() to time out (3 s), as that
        thread holds the lock close() needs: a close frame from this side wakes it at once. Then
        the message thread waits on its queue for up to 1 s: a None (which it skips) wakes it."""
        client.auto_reconnect_enabled = False
        self.close_connections()
        client.closed = True
        client.message_queue.put(None)
        client.close()

    def acks(self) -> list[Ack]:
        with self._lock:
            return list(self._acks.values())

    def _send_to_newest(self, message: dict, sent: str | None = None) -> None:
        self.wait_connected(5)
        with self._lock:
            connection = self._connections[-1]
            if sent is not None:
                self._sent[sent] = time.monotonic()
        connection.send(json.dumps(message))

    def _handle(self, connection: ServerConnection) -> None:
        with self._lock:
            self.connects += 1
            hello = {"type": "hello", "num_connections": len(self._connections) + 1,
                     "debug_info": {"host": "applink-emulator", "build_number": 1,
                                    "approximate_connection_time": 18060},
                     "connection_info": {"app_id": self.app_id}}
        try:
            connection.send(json.dumps(hello))
            with self._changed:  # listed only now, so no envelope can overtake the hello
                self._connections.append(connection)
                self._changed.notify_all()
            for raw in connection:
                self._record(raw)
        except ConnectionClosed:
            pass
        finally:
            with self._changed:
                if connection in self._connections:
                    self._connections.remove(connection)
                self._changed.notify_all()

    def _record(self, raw: str | bytes) -> None:
        try:
            message = json.loads(raw)
        except ValueError:
            message = {"unparsed": raw if isinstance(raw, str) else raw.decode("utf-8", "replace")}
        now = time.monotonic()
        with self._changed:
            self.received.append(message)
            envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
            if envelope_id and envelope_id not in self._acks:
                sent = self._sent.get(envelope_id, now)
                self._acks[envelope_id] = Ack(envelope_id, message.get("payload"), now, now - sent)
            self._changed.notify_all()


def _only_link(connection: ServerConnection, request):
    """Slack's Socket Mode URLs look like wss://wss-primary.slack.com/link/?ticket=…; refuse others."""
    if not request.path.startswith("/link"):
        return connection.respond(HTTPStatus.NOT_FOUND, "not a Socket Mode URL\n")
    return None


def event_callback(event: dict, *, team_id: str = "T0001", api_app_id: str = "A1", bot_user_id: str = "UBOT",
                   event_id: str | None = None, event_time: int | None = None) -> dict:
    """The payload of an "events_api" envelope, shaped like Slack's event_callback body."""
    event_time = event_time or int(time.time())
    return {
        "token": "verification-token", "team_id": team_id, "context_team_id": team_id,
        "context_enterprise_id": None, "api_app_id": api_app_id, "event": event, "type": "event_callback",
        "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}", "event_time": event_time,
        "authorizations": [{"enterprise_id": None, "team_id": team_id, "user_id": bot_user_id,
                            "is_bot": True, "is_enterprise_install": False}],
        "is_ext_shared_channel": False, "event_context": f"4-{uuid.uuid4().hex}",
    }
