"""A local Slack Web API for end-to-end tests: the bot under test talks HTTP to it as it would to Slack.

    with SlackEmulator() as emu:                 # 127.0.0.1, a free port, a background thread
        monkeypatch.setenv("SLACK_API_URL", emu.api_url)
        ...drive the bot...
        [call] = emu.wait_for("chat.postMessage", predicate=lambda c: c.params["channel"] == "C1")
        assert call.params["blocks"][0]["type"] == "header"   # JSON strings arrive decoded
        assert emu.violations == []                             # no Block Kit limit was broken

Importing it: tests/ is not a package, and pytest's default ("prepend") import mode puts the folder
of a test module on sys.path, as tests/knowledge relies on for knowledge_helpers. So a test module in
tests/slack/ writes `from emulator import SlackEmulator` (and `from socket_server import
SocketModeServer`); `from tests.slack.emulator import ...` does NOT work under `.venv/bin/pytest`.
A test elsewhere would have to put tests/slack on sys.path itself: keep Slack end-to-end tests here.

What it answers, like Slack: see `_ROUTES` below. Every other API method answers {"ok": true}
(or what `respond_with` set) and is recorded. Tokens are checked on every method except oauth.*
and api.test (`not_authed` without one, `invalid_auth` for an unknown one); a JSON body's own
`token` field is ignored, as Slack ignores it. Message and view payloads go through Slack's Block
Kit checks (slack_limits.py): a breach answers Slack's error AND lands in `emu.violations`. The
error codes are Slack's: invalid_blocks for a message's blocks, msg_too_long for text over
40,000 characters, invalid_arguments for a view (views take up to 100 blocks, as in Slack).
Slash commands and interactions: give payloads `emu.new_response_url()` and `emu.new_trigger_id()`.
Call.time is time.monotonic() seconds. Stdlib only (plus slack_limits.py beside it).
"""

from __future__ import annotations

import base64
import json
import mimetypes
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, urlsplit

from slack_limits import check_message, check_view

DEFAULT_TEAM_ID = "T0001"
DEFAULT_BOT_TOKEN = "xoxb-test-token"
DEFAULT_BOT_USER_ID = "UBOT"
DEFAULT_APP_TOKEN = "xapp-1-test"
DEFAULT_SCOPES = ("app_mentions:read,assistant:write,channels:history,chat:write,commands,files:read,"
                  "files:write,groups:history,im:history,im:read,im:write,mpim:history,users:read")
TRIGGER_LIFETIME = 3.0  # seconds: Slack refuses a trigger_id older than this
_NO_TOKEN_METHODS = frozenset({"api.test", "oauth.access", "oauth.v2.access", "oauth.v2.exchange"})
_FILETYPES = {"md": "markdown", "markdown": "markdown", "txt": "text", "pdf": "pdf", "docx": "docx",
              "doc": "doc", "csv": "csv", "json": "json", "png": "png", "jpg": "jpg", "html": "html"}
_MIMETYPES = {"text": "text/plain", "markdown": "text/markdown", "pdf": "application/pdf",
              "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
_TZ_LABELS = {"GMT": "Greenwich Mean Time", "BST": "British Summer Time"}
_SIGN_IN_PAGE = (b"<!DOCTYPE html><html><head><title>Slack</title></head>"
                 b"<body><h1>Sign in to your workspace</h1></body></html>")


@dataclass
class Call:
    """One request the bot made and what the emulator answered. `failed` marks a call answered by
    `fail_next`; an {"ok": false} answer for a bad argument or token is not `failed`."""
    method: str
    params: dict
    token: str | None
    time: float
    failed: bool = False
    response: dict | None = None
    files: dict[str, bytes] = field(default_factory=dict)  # multipart file parts by field name


@dataclass(frozen=True)
class Violation:
    method: str
    error: str
    message: str  # Slack-style: "must be less than 3001 characters [json-pointer:/blocks/0/text/text]"


@dataclass(frozen=True)
class Workspace:
    team_id: str
    bot_token: str
    bot_user_id: str
    team_name: str
    bot_id: str
    app_id: str
    bot_name: str = "tendercoach"


@dataclass
class StoredFile:
    id: str
    name: str
    content: bytes
    filetype: str
    mimetype: str
    team_id: str
    title: str
    user: str
    created: int
    channel_id: str | None = None  # where files.completeUploadExternal shared it
    thread_ts: str | None = None
    initial_comment: str | None = None


class SlackEmulator:
    def __init__(self, *, app_id: str = "A1") -> None:
        self.app_id = app_id
        self.app_token = DEFAULT_APP_TOKEN  # the only token apps.connections.open accepts
        self.socket_url: str | None = None  # what apps.connections.open hands out
        self.oauth_client_id, self.oauth_client_secret = "1111.2222", "client-secret"
        self.download_without_token = "forbidden"  # or "redirect": 302 to a 200 sign-in page, as slack.com does
        self.uploads: dict[str, bytes] = {}
        self.violations: list[Violation] = []
        self.messages: dict[tuple[str, str], dict] = {}  # (channel, ts) -> the message as it now stands
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._calls: list[Call] = []
        self._workspaces: dict[str, Workspace] = {}
        self._by_token: dict[str, Workspace] = {}
        self._users: dict[str, dict] = {}
        self._files: dict[str, StoredFile] = {}
        self._pending_uploads: dict[str, tuple[str, str, str]] = {}  # file id -> (filename, team, user)
        self._oauth_codes: dict[str, tuple[str, str, str]] = {}  # code -> (team, installer, scope)
        self._triggers: dict[str, float] = {}
        self._failures: dict[str, deque] = {}
        self._canned: dict[str, dict] = {}
        self._serial = 0
        self._ts = 1_700_000_000_000_000
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.add_workspace(DEFAULT_TEAM_ID, DEFAULT_BOT_TOKEN, DEFAULT_BOT_USER_ID, "Test Council")

    # ---- lifecycle -------------------------------------------------------------------------
    def start(self) -> SlackEmulator:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.emulator = self  # type: ignore[attr-defined]
        # a short poll interval: stop() waits for serve_forever to notice, and every test stops one
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="slack-emulator",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(5)
            self._server = None

    def __enter__(self) -> SlackEmulator:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not running; use `with SlackEmulator() as emu:`")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def api_url(self) -> str:
        return self.base_url + "api/"

    # ---- set-up ------------------------------------------------------------------------------
    def add_workspace(self, team_id: str, bot_token: str, bot_user_id: str, team_name: str = "Test Workspace",
                      *, bot_id: str | None = None) -> Workspace:
        ws = Workspace(team_id, bot_token, bot_user_id, team_name, bot_id or f"B{team_id[1:]}", self.app_id)
        with self._lock:
            self._workspaces[team_id] = ws
            self._by_token[bot_token] = ws
        return ws

    def workspace(self, team_id: str = DEFAULT_TEAM_ID) -> Workspace:
        return self._workspaces[team_id]

    def add_user(self, user_id: str, *, name: str | None = None, real_name: str | None = None,
                 tz: str = "Europe/London", team_id: str = DEFAULT_TEAM_ID, is_bot: bool = False) -> dict:
        user = _user(user_id, name or user_id.lower(), real_name or user_id, tz, team_id, is_bot)
        with self._lock:
            self._users[user_id] = user
        return user

    def add_oauth_code(self, code: str, team_id: str, *, user_id: str = "UINSTALLER",
                       scope: str = DEFAULT_SCOPES) -> None:
        """A code the OAuth redirect can carry; oauth.v2.access trades it (once) for team_id's bot token."""
        with self._lock:
            self._oauth_codes[code] = (team_id, user_id, scope)

    def add_file(self, file_id: str, name: str, content: bytes, filetype: str = "text", *,
                 title: str | None = None, team_id: str = DEFAULT_TEAM_ID, user: str = "U0001",
                 mimetype: str | None = None) -> dict:
        """A file in Slack: downloadable with a bot token of its workspace. Returns file_object(file_id)."""
        mimetype = (mimetype or _MIMETYPES.get(filetype) or mimetypes.guess_type(name)[0]
                    or "application/octet-stream")
        stored = StoredFile(file_id, name, content, filetype, mimetype, team_id, title or name, user, int(time.time()))
        with self._lock:
            self._files[file_id] = stored
        return self.file_object(file_id)

    def file_object(self, file_id: str) -> dict:
        """The file as Slack describes it in events and files.info."""
        with self._lock:
            f = self._files[file_id]
        url = f"{self.base_url}files/{f.id}/{quote(f.name)}"
        return {
            "id": f.id, "created": f.created, "timestamp": f.created, "name": f.name, "title": f.title,
            "mimetype": f.mimetype, "filetype": f.filetype, "pretty_type": f.filetype.capitalize(),
            "user": f.user, "user_team": f.team_id, "editable": False, "size": len(f.content), "mode": "hosted",
            "is_external": False, "external_type": "", "is_public": False, "public_url_shared": False,
            "display_as_bot": False, "username": "", "url_private": url, "url_private_download": url,
            "permalink": f"{self.base_url}archives/{f.id}", "has_rich_preview": False, "file_access": "visible",
        }

    def stored_file(self, file_id: str) -> StoredFile:
        with self._lock:
            return self._files[file_id]

    def dm_channel(self, user_id: str) -> str:
        """The D… channel id conversations.open (and chat.postMessage to a user id) answers for user_id."""
        return "D" + user_id.lstrip("UW")

    def new_trigger_id(self, *, issued_ago: float = 0.0) -> str:
        """A trigger_id for an interaction payload; views.open refuses it once 3 seconds have passed
        (other trigger ids are taken on trust)."""
        with self._lock:
            trigger = f"{self._next_serial()}.{self._ts}.0123456789abcdef"
            self._triggers[trigger] = time.monotonic() - issued_ago
        return trigger

    def new_response_url(self) -> str:
        """A response_url for a slash command or interaction payload; POSTs to it are recorded as
        calls of the pseudo-method "response_url" (and checked like messages)."""
        with self._lock:
            return f"{self.base_url}response/{self._next_serial()}"

    def fail_next(self, method: str, status: int = 429, retry_after: int = 1, times: int = 1,
                  error: str | None = None) -> None:
        """Answer the next `times` calls of `method` with HTTP `status` (429: Retry-After and
        "ratelimited"; 200: {"ok": false, "error": error}; else {"ok": false, "error": "internal_error"})."""
        with self._lock:
            self._failures.setdefault(method, deque()).extend([(status, retry_after, error)] * times)

    def respond_with(self, method: str, response: dict) -> None:
        """From now on answer `method` with `response` (after the token check); e.g. conversations.replies."""
        with self._lock:
            self._canned[method] = response

    # ---- what happened -----------------------------------------------------------------------
    def calls(self, method: str | None = None, *, include_failed: bool = False) -> list[Call]:
        with self._lock:
            return [c for c in self._calls
                    if (method is None or c.method == method) and (include_failed or not c.failed)]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10, predicate=None, *,
                 include_failed: bool = False) -> list[Call]:
        """The calls of `method` (matching `predicate`) once there are at least `count`; else AssertionError."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self.calls(method, include_failed=include_failed)
                         if predicate is None or predicate(c)]
                left = deadline - time.monotonic()
                if len(found) >= count or left <= 0:
                    break
                self._changed.wait(left)
        if len(found) < count:
            raise AssertionError(f"expected {count} {method} call(s) within {timeout}s, found {len(found)}\n"
                                 + self.summary(method))
        return found

    def summary(self, method: str | None = None) -> str:
        """What was recorded: counts per method, the last calls (of `method`, if it had any), violations."""
        with self._lock:
            calls, violations = list(self._calls), list(self.violations)
        counts = Counter(c.method + (" (failed)" if c.failed else "") for c in calls)
        lines = ["recorded calls: " + (", ".join(f"{m} x{n}" for m, n in counts.items()) or "none")]
        shown = [c for c in calls if c.method == method] or calls
        for c in shown[-10:]:
            params = {k: v for k, v in c.params.items() if k not in ("blocks", "view")}
            lines.append(f"  {c.method} {json.dumps(params, default=str)[:300]} -> "
                         f"{json.dumps(c.response, default=str)[:200]}")
        lines += [f"violation: {v}" for v in violations]
        return "\n".join(lines)

    def assert_no_violations(self) -> None:
        with self._lock:
            assert not self.violations, "Block Kit limits broken:\n" + "\n".join(map(str, self.violations))

    def clear(self) -> None:
        """Forget recorded calls, violations and uploads (workspaces, files and users stay)."""
        with self._lock:
            self._calls.clear()
            self.violations.clear()
            self.messages.clear()
            self.uploads.clear()

    # ---- HTTP --------------------------------------------------------------------------------
    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        url = urlsplit(h.path)
        parts = url.path.strip("/").split("/")
        body = h.rfile.read(int(h.headers.get("Content-Length") or 0))
        if parts[0] == "api" and len(parts) == 2:
            self._api(h, parts[1], url.query, body)
        elif parts[0] == "upload" and len(parts) == 2 and h.command == "POST":
            self._upload(h, parts[1], body)
        elif parts[0] == "files" and len(parts) >= 3:
            self._download(h, parts[1])
        elif parts[0] == "response" and h.command == "POST":
            self._response_url(h, body)
        elif parts[0] == "signin":
            _send(h, 200, _SIGN_IN_PAGE, "text/html; charset=utf-8")
        else:
            _send(h, 404, b"not found", "text/plain")

    def _api(self, h, method: str, query: str, body: bytes) -> None:
        try:
            params, files, is_json = _parse_request(h.headers.get("Content-Type", ""), query, body)
        except ValueError:  # Slack answers a body it cannot read with an error, not a dropped connection
            params, files, is_json = {"_unreadable_body": body.decode("utf-8", "replace")}, {}, True
        auth = h.headers.get("Authorization", "")
        token = auth[7:].strip() if auth.startswith("Bearer ") else None
        if token is None and not is_json:
            token = params.get("token")
        params = {k: _maybe_json(v) for k, v in params.items() if k != "token"}
        with self._changed:
            call = Call(method, params, token, time.monotonic(), files=files)
            failures = self._failures.get(method)
            if failures:
                status, retry_after, error = failures.popleft()
                call.failed = True
                headers = {"Retry-After": str(retry_after)} if status == 429 else {}
                error = "ratelimited" if status == 429 else error or "internal_error"
                call.response = {"ok": False, "error": error}
            else:
                status, headers = 200, {}
                unreadable = "_unreadable_body" in params
                call.response = _error("invalid_json") if unreadable else self._answer(method, params, token, auth)
            self._calls.append(call)
            self._changed.notify_all()
        _send(h, status, json.dumps(call.response).encode(), "application/json; charset=utf-8", headers)

    def _answer(self, method: str, params: dict, token: str | None, auth: str) -> dict:
        if method == "apps.connections.open":
            return self._apps_connections_open(token)
        if method in _NO_TOKEN_METHODS:
            return self._oauth_v2_access(params, auth) if method == "oauth.v2.access" else {"ok": True}
        if not token:
            return _error("not_authed")
        if token == self.app_token:
            return _error("not_allowed_token_type")
        ws = self._by_token.get(token)
        if ws is None:
            return _error("invalid_auth")
        if method in self._canned:
            return self._canned[method]
        handler = _ROUTES.get(method)
        return handler(self, params, ws) if handler else {"ok": True}

    def _upload(self, h, file_id: str, body: bytes) -> None:
        content_type = h.headers.get("Content-Type", "")
        if content_type.startswith("multipart/form-data"):
            _, files, _ = _parse_request(content_type, "", body)
            body = next(iter(files.values()), b"")
        with self._changed:
            known = file_id in self._pending_uploads
            if known:
                self.uploads[file_id] = body
                self._changed.notify_all()
        if known:
            _send(h, 200, f"OK - {len(body)}".encode(), "text/plain")
        else:
            _send(h, 404, b"unknown upload", "text/plain")

    def _download(self, h, file_id: str) -> None:
        auth = h.headers.get("Authorization", "")
        with self._lock:
            f = self._files.get(file_id)
            ws = self._by_token.get(auth[7:].strip()) if auth.startswith("Bearer ") else None
        if f is not None and ws is not None and ws.team_id == f.team_id:
            _send(h, 200, f.content, f.mimetype)
        elif f is None and ws is not None:
            _send(h, 404, b"file not found", "text/plain")
        elif self.download_without_token == "redirect":
            _send(h, 302, b"", "text/plain", {"Location": f"{self.base_url}signin?redir=/files/{file_id}"})
        else:
            _send(h, 403, _SIGN_IN_PAGE, "text/html; charset=utf-8")

    def _response_url(self, h, body: bytes) -> None:
        params, _, _ = _parse_request(h.headers.get("Content-Type", "application/json"), "", body)
        with self._changed:
            response = self._checked_message("response_url", params) or {"ok": True}
            self._calls.append(Call("response_url", params, None, time.monotonic(), response=response))
            self._changed.notify_all()
        _send(h, 200 if response["ok"] else 400, json.dumps(response).encode(), "application/json")

    # ---- methods (called with the lock held) ----------------------------------------------------
    def _next_serial(self) -> int:
        self._serial += 1
        return self._serial

    def _next_ts(self) -> str:
        self._ts += 100
        return f"{self._ts // 1_000_000}.{self._ts % 1_000_000:06d}"

    def _violate(self, method: str, error: str, problems: list[str]) -> None:
        self.violations.extend(Violation(method, error, p) for p in problems)

    def _checked_message(self, method: str, params: dict) -> dict | None:
        error, problems = check_message(params)
        if error is None:
            return None
        self._violate(method, error, problems)
        return {"ok": False, "error": error, "errors": problems,
                "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]}}

    def _checked_view(self, method: str, view) -> dict | None:
        problems = check_view(view)
        if not problems:
            return None
        self._violate(method, "invalid_arguments", problems)
        return {"ok": False, "error": "invalid_arguments",
                "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]}}

    def _auth_test(self, params: dict, ws: Workspace) -> dict:
        slug = "".join(ch for ch in ws.team_name.lower() if ch.isalnum()) or "workspace"
        return {"ok": True, "url": f"https://{slug}.slack.com/", "team": ws.team_name, "user": ws.bot_name,
                "team_id": ws.team_id, "user_id": ws.bot_user_id, "bot_id": ws.bot_id,
                "is_enterprise_install": False}

    def _message(self, params: dict, ws: Workspace, ts: str) -> dict:
        message = {"type": "message", "text": params.get("text") or "", "user": ws.bot_user_id,
                   "bot_id": ws.bot_id, "app_id": ws.app_id, "team": ws.team_id, "ts": ts}
        for key in ("blocks", "thread_ts", "attachments", "metadata"):
            if params.get(key):
                message[key] = params[key]
        return message

    def _post_message(self, params: dict, ws: Workspace) -> dict:
        channel = params.get("channel")
        if not channel:
            return _error("channel_not_found")
        refused = self._checked_message("chat.postMessage", params)
        if refused:
            return refused
        if not (params.get("text") or params.get("blocks") or params.get("attachments")):
            return _error("no_text")
        if channel[0] in "UW":  # Slack posts to the user's DM
            channel = self.dm_channel(channel)
        ts = self._next_ts()
        message = self._message(params, ws, ts)
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _post_ephemeral(self, params: dict, ws: Workspace) -> dict:
        if not params.get("channel"):
            return _error("channel_not_found")
        if not params.get("user"):
            return _error("user_not_in_channel")
        refused = self._checked_message("chat.postEphemeral", params)
        if refused:
            return refused
        if not (params.get("text") or params.get("blocks") or params.get("attachments")):
            return _error("no_text")
        return {"ok": True, "message_ts": self._next_ts()}

    def _update(self, params: dict, ws: Workspace) -> dict:
        channel, ts = params.get("channel"), params.get("ts")
        if not channel:
            return _error("channel_not_found")
        if not ts:
            return _error("message_not_found")
        refused = self._checked_message("chat.update", params)
        if refused:
            return refused
        message = {**self.messages.get((channel, ts), {}), **self._message(params, ws, ts)}
        self.messages[(channel, ts)] = message
        return {"ok": True, "channel": channel, "ts": ts, "text": message["text"], "message": message}

    def _delete(self, params: dict, ws: Workspace) -> dict:
        channel, ts = params.get("channel"), params.get("ts")
        if not channel or not ts:
            return _error("message_not_found")
        self.messages.pop((channel, ts), None)
        return {"ok": True, "channel": channel, "ts": ts}

    def _view(self, method: str, params: dict, ws: Workspace, view_id: str | None = None) -> dict:
        view = params.get("view")
        refused = self._checked_view(method, view)
        if refused:
            return refused
        view_id = view_id or f"V{self._next_serial():010d}"
        return {"ok": True, "view": {
            "id": view_id, "team_id": ws.team_id, "type": view["type"], "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""), "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""), "state": {"values": {}}, "hash": f"{self._ts}.abc",
            "title": view.get("title"), "submit": view.get("submit"), "close": view.get("close"),
            "clear_on_close": False, "notify_on_close": False, "previous_view_id": None,
            "root_view_id": view_id, "app_id": ws.app_id, "app_installed_team_id": ws.team_id,
            "bot_id": ws.bot_id}}

    def _views_open(self, params: dict, ws: Workspace, method: str = "views.open") -> dict:
        trigger = params.get("trigger_id")
        if not trigger:
            return _error("invalid_trigger_id")
        issued = self._triggers.get(trigger)
        if issued is not None and time.monotonic() - issued > TRIGGER_LIFETIME:
            self._violate(method, "expired_trigger_id", [f"trigger_id used after {TRIGGER_LIFETIME:g}s"])
            return _error("expired_trigger_id")
        return self._view(method, params, ws)

    def _views_push(self, params: dict, ws: Workspace) -> dict:
        return self._views_open(params, ws, "views.push")

    def _views_publish(self, params: dict, ws: Workspace) -> dict:
        if not params.get("user_id"):
            return _error("invalid_arguments")
        return self._view("views.publish", params, ws)

    def _views_update(self, params: dict, ws: Workspace) -> dict:
        if not (params.get("view_id") or params.get("external_id")):
            return _error("invalid_arguments")
        return self._view("views.update", params, ws, params.get("view_id"))

    def _conversations_open(self, params: dict, ws: Workspace) -> dict:
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if params.get("channel"):
            channel = params["channel"]
        elif len(users) == 1:
            channel = self.dm_channel(users[0])
        elif users:
            channel = "G" + "".join(sorted(u.lstrip("UW") for u in users))
        else:
            return _error("users_list_not_supplied")
        return {"ok": True, "no_op": True, "already_open": True, "channel": {"id": channel}}

    def _users_info(self, params: dict, ws: Workspace) -> dict:
        user_id = params.get("user")
        if not user_id:
            return _error("user_not_found")
        user = self._users.get(user_id) or _user(user_id, user_id.lower(), user_id, "Europe/London",
                                                 ws.team_id, False)
        return {"ok": True, "user": user}

    def _get_upload_url(self, params: dict, ws: Workspace) -> dict:
        if not params.get("filename") or not str(params.get("length") or "").isdigit():
            return _error("invalid_arguments")
        file_id = f"F{self._next_serial():010d}"
        self._pending_uploads[file_id] = (params["filename"], ws.team_id, ws.bot_user_id)
        return {"ok": True, "upload_url": f"{self.base_url}upload/{file_id}", "file_id": file_id}

    def _complete_upload(self, params: dict, ws: Workspace) -> dict:
        entries = params.get("files")
        if not isinstance(entries, list) or not entries:
            return _error("invalid_arguments")
        done = []
        for entry in entries:
            file_id = entry.get("id") if isinstance(entry, dict) else None
            if file_id not in self._pending_uploads or file_id not in self.uploads:
                return _error("file_not_found")
            name, team_id, user = self._pending_uploads[file_id]
            filetype = _FILETYPES.get(name.rsplit(".", 1)[-1].lower(), "text") if "." in name else "text"
            self.add_file(file_id, name, self.uploads[file_id], filetype, title=entry.get("title") or name,
                          team_id=team_id, user=user)
            stored = self._files[file_id]
            stored.channel_id = params.get("channel_id") or params.get("channels")
            stored.thread_ts, stored.initial_comment = params.get("thread_ts"), params.get("initial_comment")
            done.append(self.file_object(file_id))
        return {"ok": True, "files": done}

    def _files_info(self, params: dict, ws: Workspace) -> dict:
        file_id = params.get("file")
        if file_id not in self._files or self._files[file_id].team_id != ws.team_id:
            return _error("file_not_found")
        return {"ok": True, "file": self.file_object(file_id), "comments": [],
                "response_metadata": {"next_cursor": ""}}

    def _assistant_thread(self, params: dict, ws: Workspace) -> dict:
        if not params.get("channel_id") or not params.get("thread_ts"):
            return _error("invalid_arguments")
        return {"ok": True}

    def _apps_connections_open(self, token: str | None) -> dict:
        if not token:
            return _error("not_authed")
        if token != self.app_token:
            return _error("not_allowed_token_type" if token in self._by_token else "invalid_auth")
        if not self.socket_url:
            return _error("emulator_socket_url_not_set")
        return {"ok": True, "url": self.socket_url}

    def _oauth_v2_access(self, params: dict, auth: str) -> dict:
        client_id, client_secret = params.get("client_id"), params.get("client_secret")
        if auth.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(auth[6:]).decode().partition(":")
        if client_id != self.oauth_client_id:
            return _error("invalid_client_id")
        if client_secret != self.oauth_client_secret:
            return _error("bad_client_secret")
        grant = self._oauth_codes.pop(params.get("code") or "", None)  # a code works once
        if grant is None:
            return _error("invalid_code")
        team_id, installer, scope = grant
        ws = self._workspaces[team_id]
        return {"ok": True, "app_id": ws.app_id, "authed_user": {"id": installer}, "scope": scope,
                "token_type": "bot", "access_token": ws.bot_token, "bot_user_id": ws.bot_user_id,
                "team": {"id": ws.team_id, "name": ws.team_name}, "enterprise": None,
                "is_enterprise_install": False}


_ROUTES = {
    "auth.test": SlackEmulator._auth_test,
    "chat.postMessage": SlackEmulator._post_message,
    "chat.postEphemeral": SlackEmulator._post_ephemeral,
    "chat.update": SlackEmulator._update,
    "chat.delete": SlackEmulator._delete,
    "views.open": SlackEmulator._views_open,
    "views.push": SlackEmulator._views_push,
    "views.publish": SlackEmulator._views_publish,
    "views.update": SlackEmulator._views_update,
    "conversations.open": SlackEmulator._conversations_open,
    "users.info": SlackEmulator._users_info,
    "files.getUploadURLExternal": SlackEmulator._get_upload_url,
    "files.completeUploadExternal": SlackEmulator._complete_upload,
    "files.info": SlackEmulator._files_info,
    "assistant.threads.setStatus": SlackEmulator._assistant_thread,
    "assistant.threads.setSuggestedPrompts": SlackEmulator._assistant_thread,
    "assistant.threads.setTitle": SlackEmulator._assistant_thread,
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.server.emulator._serve(self)  # type: ignore[attr-defined]

    do_POST = do_GET

    def log_message(self, format, *args) -> None:  # the bot's tests stay quiet
        pass


def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str, headers: dict | None = None):
    try:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.end_headers()
        h.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout test): nothing to tell
        pass


def _error(code: str) -> dict:
    return {"ok": False, "error": code}


def _parse_request(content_type: str, query: str, body: bytes) -> tuple[dict, dict[str, bytes], bool]:
    """(params, multipart files, whether the body was JSON), the ways Slack accepts arguments."""
    params: dict = dict(parse_qsl(query, keep_blank_values=True))
    files: dict[str, bytes] = {}
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        decoded = json.loads(body or b"{}")
        params.update(decoded if isinstance(decoded, dict) else {})
        return params, files, True
    if kind == "multipart/form-data":
        message = BytesParser(policy=policy.HTTP).parsebytes(
            b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body)
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            data = part.get_payload(decode=True) or b""
            if part.get_filename() is not None:
                files[name] = data
                params.setdefault("filename", part.get_filename())
            else:
                params[name] = data.decode("utf-8")
        return params, files, False
    params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return params, files, False


def _maybe_json(value):
    """Slack takes structured arguments (blocks, view, files…) as JSON strings in forms."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _user(user_id: str, name: str, real_name: str, tz: str, team_id: str, is_bot: bool) -> dict:
    offset, label = _tz_now(tz)
    return {"id": user_id, "team_id": team_id, "name": name, "real_name": real_name, "deleted": False,
            "is_bot": is_bot, "is_admin": False, "tz": tz, "tz_label": label, "tz_offset": offset,
            "profile": {"real_name": real_name, "display_name": name, "team": team_id}}


def _tz_now(tz: str) -> tuple[int, str]:
    """(offset in seconds, label) for tz today, as users.info reports it."""
    try:
        from zoneinfo import ZoneInfo
        now = datetime.now(timezone.utc).astimezone(ZoneInfo(tz))
        return int(now.utcoffset().total_seconds()), _TZ_LABELS.get(now.tzname(), now.tzname() or tz)
    except Exception:  # no tz database on this machine: London in winter
        return 0, "Greenwich Mean Time"
