"""Run the real `tender-coach serve --http` as a child process and talk to it as Slack does:
signed event, command, shortcut, action and view-submission payloads over HTTP."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

SIGNING_SECRET = "test-signing-secret"
BOT_TOKEN = "xoxb-test-token"
TEAM = "T0001"
_ids = itertools.count(1)
_ts = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def next_ts() -> str:
    return f"{1800000000 + next(_ts)}.000100"


class BotProcess:
    """`with BotProcess(env) as bot:` starts the server, waits for /healthz, stops it on exit."""

    def __init__(self, api_url: str, data: Path, *, extra_env: dict[str, str] | None = None,
                 http: bool = True, signing_secret: str = SIGNING_SECRET) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.secret = signing_secret
        self.http = http
        self.log_path = data / f"bot-{self.port}.log"
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "CHROMA_URL"))},
            "SLACK_API_URL": api_url, "SLACK_SIGNING_SECRET": signing_secret, "SLACK_BOT_TOKEN": BOT_TOKEN,
            "TENDER_COACH_DATA": str(data), "TENDER_COACH_EMBEDDER": "fake", "HF_HUB_OFFLINE": "1",
            "PYTHONUNBUFFERED": "1", **(extra_env or {}),
        }
        self.env = {k: v for k, v in self.env.items() if v is not None}
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> BotProcess:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")
        args = [sys.executable, "-m", "bot.cli", "serve"]
        if self.http:
            args += ["--http", "--host", "127.0.0.1", "--port", str(self.port)]
        self.proc = subprocess.Popen(args, env=self.env, stdout=self._log, stderr=subprocess.STDOUT)
        if self.http:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: float = 90) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise AssertionError(f"the bot exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - started
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise AssertionError(f"the bot was not ready in {timeout} s:\n{self.log()}")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    # --- sending, as Slack does ---------------------------------------------------------------

    def post(self, body: bytes, content_type: str, *, path: str = "/slack/events", signed: bool = True,
             timestamp: int | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes, float]:
        """POST to the bot; returns (status, body, seconds until the response)."""
        all_headers = {"Content-Type": content_type}
        if signed:
            all_headers.update(sign(body, self.secret, timestamp))
        all_headers.update(headers or {})  # after signing, so a test can forge a signature
        request = urllib.request.Request(self.url + path, data=body, headers=all_headers, method="POST")
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status, r.read(), time.monotonic() - started
        except urllib.error.HTTPError as e:
            return e.code, e.read(), time.monotonic() - started

    def event(self, event: dict, *, team: str = TEAM, event_id: str | None = None, retry: int | None = None,
              **kw) -> tuple[int, bytes, float]:
        body = event_body(event, team=team, event_id=event_id)
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return self.post(json.dumps(body).encode(), "application/json", headers=headers, **kw)

    def command(self, text: str, *, user: str = "U1", channel: str = "C1", team: str = TEAM,
                response_url: str = "http://127.0.0.1:9/respond", **kw):
        form = command_form(text, user=user, channel=channel, team=team, response_url=response_url)
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded", **kw)

    def interaction(self, payload: dict, **kw):
        return self.post(urlencode({"payload": json.dumps(payload)}).encode(),
                         "application/x-www-form-urlencoded", **kw)


def sign(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    ts = str(int(time.time()) if timestamp is None else timestamp)
    base = b"v0:" + ts.encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": "v0=" + digest}


def event_body(event: dict, *, team: str = TEAM, event_id: str | None = None) -> dict:
    return {
        "token": "legacy", "team_id": team, "api_app_id": "A1", "type": "event_callback",
        "event_id": event_id or f"Ev{next(_ids):08d}", "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": "UBOT", "is_bot": True, "enterprise_id": None}],
        "event": event,
    }


def dm(text: str, *, user: str = "U1", channel: str = "D1", ts: str | None = None, **extra) -> dict:
    return {"type": "message", "channel": channel, "channel_type": "im", "user": user, "text": text,
            "ts": ts or next_ts(), **extra}


def mention(text: str, *, user: str = "U1", channel: str = "C1", ts: str | None = None, **extra) -> dict:
    return {"type": "app_mention", "channel": channel, "user": user, "text": f"<@UBOT> {text}",
            "ts": ts or next_ts(), **extra}


def command_form(text: str, *, user: str = "U1", channel: str = "C1", team: str = TEAM,
                 response_url: str = "http://127.0.0.1:9/respond") -> dict:
    return {"token": "legacy", "team_id": team, "team_domain": "council", "channel_id": channel,
            "channel_name": "commissioning", "user_id": user, "user_name": "sam", "command": "/tender",
            "text": text, "api_app_id": "A1", "response_url": response_url,
            "trigger_id": f"trigger-{next(_ids)}"}


def block_action(action_id: str, value: str, *, user: str = "U1", channel: str = "C1", team: str = TEAM,
                 thread_ts: str | None = None, response_url: str = "http://127.0.0.1:9/respond") -> dict:
    return {"type": "block_actions", "team": {"id": team, "domain": "council"}, "user": {"id": user, "team_id": team},
            "api_app_id": "A1", "trigger_id": f"trigger-{next(_ids)}", "response_url": response_url,
            "container": {"type": "message", "channel_id": channel, "message_ts": next_ts(), "thread_ts": thread_ts,
                          "is_ephemeral": True},
            "channel": {"id": channel, "name": "commissioning"},
            "actions": [{"action_id": action_id, "block_id": "b1", "value": value, "type": "button",
                         "action_ts": str(time.time())}]}


def view_submission(callback_id: str, values: dict, *, private_metadata: str = "", user: str = "U1",
                    team: str = TEAM) -> dict:
    return {"type": "view_submission", "team": {"id": team, "domain": "council"}, "user": {"id": user, "team_id": team},
            "api_app_id": "A1", "trigger_id": f"trigger-{next(_ids)}",
            "view": {"id": "V1", "type": "modal", "callback_id": callback_id, "private_metadata": private_metadata,
                     "state": {"values": values}, "hash": "h"}}


def message_shortcut(text: str, *, user: str = "U1", channel: str = "C1", team: str = TEAM, files=None) -> dict:
    message = {"type": "message", "user": "U2", "text": text, "ts": next_ts()}
    if files:
        message["files"] = files
    return {"type": "message_action", "callback_id": "review_with_tender_coach", "team": {"id": team},
            "user": {"id": user}, "channel": {"id": channel, "name": "commissioning"},
            "trigger_id": f"trigger-{next(_ids)}", "response_url": "http://127.0.0.1:9/respond",
            "message_ts": message["ts"], "message": message}
