"""What every handler is given: the settings, the database, the per-person rate limit, a logger.

Built once at start-up by `bot.slack.app.build_app`; handlers receive it as an argument and never
import the app."""

from __future__ import annotations

import collections
import logging
import threading
import time
import traceback
import uuid
from dataclasses import dataclass, field

from bot.slack.settings import Settings

log = logging.getLogger("tender_coach.slack")


class RateLimiter:
    """At most `limit` requests a person in any `window` seconds, per process.

    Kept in memory on purpose: it is a courtesy limit against a runaway script or an impatient
    double-click, not a quota, so a second worker allowing a few more is harmless."""

    def __init__(self, limit: int, window: int, clock=time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._seen: dict[tuple[str, str], collections.deque[float]] = {}
        self._lock = threading.Lock()

    def wait_needed(self, team: str, user: str) -> int:
        """0 if this request may go ahead (and counts it); otherwise the seconds to wait."""
        now = self.clock()
        with self._lock:
            times = self._seen.setdefault((team, user), collections.deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return max(1, int(times[0] + self.window - now + 0.999))
            times.append(now)
            if len(self._seen) > 10_000:  # forget people who went quiet, so memory stays bounded
                for key in [k for k, v in self._seen.items() if not v]:
                    del self._seen[key]
            return 0


@dataclass
class Deps:
    settings: Settings
    db: object  # bot.store.Database; typed loosely so this module stays import-light
    llm: object = None  # prompts.llm.LLMClient when TENDER_COACH_LLM_URL is set: it may write answers and polish rewrites
    limiter: RateLimiter = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = RateLimiter(self.settings.rate_limit, self.settings.rate_window)


def log_failure(where: str, exc: BaseException) -> str:
    """Log a handler failure under a short correlation id, and return the id for the reply.

    Only the exception's type and the code path are logged: an exception's message can carry a
    token or the words someone pasted, and neither may reach a log."""
    correlation = uuid.uuid4().hex[:8]
    frames = "".join(traceback.format_tb(exc.__traceback__))
    log.error("%s failed [ref %s]: %s\n%s", where, correlation, exc.__class__.__name__, frames)
    return correlation
