"""What the Slack server needs from its environment, checked once at start-up.

A Slack admin who leaves out a token or types a bad number gets one line naming the variable,
not a stack trace from deep inside Bolt."""

from __future__ import annotations

import os
from dataclasses import dataclass

from bot.errors import UsageError

DEFAULT_API_URL = "https://slack.com/api/"
# What Slack accepts in one message; a longer paste is refused with a note, not cut silently.
DEFAULT_MAX_CHARS = 40_000


@dataclass(frozen=True)
class Settings:
    bot_token: str | None
    signing_secret: str | None
    app_token: str | None
    api_url: str
    client_id: str | None
    client_secret: str | None
    state_secret: str | None
    allowed_teams: frozenset[str]
    retention_days: int
    rate_limit: int  # requests a person may make ...
    rate_window: int  # ... in this many seconds
    max_chars: int
    workers: int
    # The learned check's suggestions beside the rules' findings (scoring/learned.py), each category at its chosen
    # threshold (scoring/learned_thresholds.py; README, "Settings worth knowing"). Run unless switched off: warm in a server,
    # it costs a reply nothing.
    learned: bool = True

    @property
    def oauth(self) -> bool:
        return bool(self.client_id)

    @property
    def authorize_url(self) -> str:
        """Slack's install page lives beside its Web API (slack.com/api -> slack.com/oauth/v2/authorize)."""
        base = self.api_url.rstrip("/")
        base = base[: -len("/api")] if base.endswith("/api") else base
        return base + "/oauth/v2/authorize"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, *, socket_mode: bool = False,
                 worker: bool = False) -> Settings:
        """`worker`: only posting (the digest from cron), so no signing secret or app token is needed."""
        env = dict(os.environ if env is None else env)
        get = lambda name: (env.get(name) or "").strip() or None  # noqa: E731 - a tiny local reader
        settings = cls(
            bot_token=get("SLACK_BOT_TOKEN"),
            signing_secret=get("SLACK_SIGNING_SECRET"),
            app_token=get("SLACK_APP_TOKEN"),
            api_url=_api_url(get("SLACK_API_URL") or DEFAULT_API_URL),
            client_id=get("SLACK_CLIENT_ID"),
            client_secret=get("SLACK_CLIENT_SECRET"),
            state_secret=get("SLACK_STATE_SECRET"),
            allowed_teams=frozenset(t.strip() for t in (get("TENDER_COACH_ALLOWED_TEAMS") or "").split(",") if t.strip()),
            retention_days=_whole(get("TENDER_COACH_RETENTION_DAYS"), "TENDER_COACH_RETENTION_DAYS", 90, 1, 3650),
            rate_limit=_whole(get("TENDER_COACH_RATE_LIMIT"), "TENDER_COACH_RATE_LIMIT", 20, 1, 10_000),
            rate_window=_whole(get("TENDER_COACH_RATE_WINDOW"), "TENDER_COACH_RATE_WINDOW", 60, 1, 86_400),
            max_chars=_whole(get("TENDER_COACH_MAX_CHARS"), "TENDER_COACH_MAX_CHARS", DEFAULT_MAX_CHARS, 100, 1_000_000),
            # Reviews and questions are CPU work under one GIL: more threads than cores only slow the acks.
            workers=_whole(get("TENDER_COACH_WORKERS"), "TENDER_COACH_WORKERS", max(2, os.cpu_count() or 2), 1, 64),
            learned=_switch(get("TENDER_COACH_LEARNED"), "TENDER_COACH_LEARNED", default=True),
        )
        settings._check(socket_mode, worker)
        return settings

    def _check(self, socket_mode: bool, worker: bool = False) -> None:
        oauth_parts = {"SLACK_CLIENT_ID": self.client_id, "SLACK_CLIENT_SECRET": self.client_secret,
                       "SLACK_STATE_SECRET": self.state_secret}
        if any(oauth_parts.values()) and not all(oauth_parts.values()):
            missing = ", ".join(k for k, v in oauth_parts.items() if not v)
            raise UsageError(f"installing into many workspaces needs all three OAuth settings; {missing} is not set")
        if worker:
            pass
        elif socket_mode:
            if not self.app_token:
                raise UsageError("Socket Mode needs SLACK_APP_TOKEN (an app-level token starting xapp-)")
            if not self.app_token.startswith("xapp-"):
                raise UsageError("SLACK_APP_TOKEN must be an app-level token starting xapp-")
            if self.oauth:
                raise UsageError("OAuth install (SLACK_CLIENT_ID) needs the HTTP server: run tender-coach serve --http")
        elif not self.signing_secret:
            raise UsageError("the HTTP server needs SLACK_SIGNING_SECRET (Basic Information > App Credentials)")
        if not self.oauth:
            if not self.bot_token:
                raise UsageError("set SLACK_BOT_TOKEN (the xoxb- token from OAuth & Permissions)")
            if not self.bot_token.startswith("xoxb-"):
                raise UsageError("SLACK_BOT_TOKEN must be a bot token starting xoxb-")


def _api_url(url: str) -> str:
    if not url.startswith(("https://", "http://")):
        raise UsageError(f"SLACK_API_URL must start with https:// (got {url[:40]!r})")
    return url if url.endswith("/") else url + "/"


def _switch(raw: str | None, name: str, default: bool = False) -> bool:
    if raw is None or not raw.strip():
        return default
    value = raw.lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise UsageError(f"{name} must be 1 or 0 (or true/false, yes/no, on/off); got {raw[:20]!r}")


def _whole(raw: str | None, name: str, default: int, low: int, high: int) -> int:
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise UsageError(f"{name} must be a whole number from {low} to {high} (got {raw[:20]!r})") from None
    if not low <= value <= high:
        raise UsageError(f"{name} must be a whole number from {low} to {high} (got {value})")
    return value
