"""Run the bot: Bolt over HTTP (events, commands, interactions, options, OAuth install, /healthz)
on a threaded WSGI server, or over Socket Mode.

The port opens at once and /healthz says 503 until the rule pack, the embedding model and the
guidance index are loaded, so a load balancer sends nothing to a worker that would answer slowly."""

from __future__ import annotations

import json
import logging
import signal
import threading
import time
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.slack.context import Deps

log = logging.getLogger("tender_coach.server")
MAX_BODY = 1_000_000  # Slack's largest payloads (a 40,000-character message with blocks) are far below this
HOUSEKEEPING_SECONDS = 3600


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the stdlib's name
        pass  # request lines carry OAuth codes and states in their query strings


class Gateway:
    """The WSGI app: /healthz here, everything else to Bolt once it is ready."""

    def __init__(self) -> None:
        self.bolt = None  # SlackRequestHandler, set when ready

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            ready = self.bolt is not None
            return _reply(start_response, 200 if ready else 503, {"ok": ready, "status": "ready" if ready else "starting"})
        if self.bolt is None:
            return _reply(start_response, 503, {"ok": False, "status": "starting"})
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = MAX_BODY + 1
        if length > MAX_BODY:
            return _reply(start_response, 413, {"ok": False, "error": "request too large"})
        return self.bolt(environ, start_response)


def _reply(start_response, status: int, body: dict):
    data = json.dumps(body).encode()
    phrase = {200: "OK", 413: "Payload Too Large", 503: "Service Unavailable"}[status]
    start_response(f"{status} {phrase}", [("Content-Type", "application/json"), ("Content-Length", str(len(data)))])
    return [data]


def prepare(settings) -> tuple[Deps, object]:
    """Database (migrated), Bolt app, and everything warm: the first question is as fast as the
    hundredth."""
    from bot.slack.app import build_app, oauth_stores
    from bot.store import Database
    from prompts.llm import LLMClient

    llm = LLMClient.from_env()  # optional; a bad TENDER_COACH_LLM_* setting stops here, named
    db = Database.from_env()
    stores = oauth_stores(settings, db.engine) if settings.oauth else ()
    db.migrate(extra_metadata=[store.metadata for store in stores])
    deps = Deps(settings=settings, db=db, llm=llm)
    app = _checked(lambda: build_app(deps, stores), settings.api_url)
    warm_up(learned=settings.learned)
    return deps, app


def _checked(build, api_url: str):
    """Bolt checks the bot token with auth.test as the app is built: say which setting to fix."""
    from slack_bolt.error import BoltError

    from bot.errors import UsageError

    try:
        return build()
    except BoltError:
        raise UsageError("Slack did not accept SLACK_BOT_TOKEN: copy the Bot User OAuth Token (xoxb-) from "
                         "OAuth & Permissions, and reinstall the app if its scopes changed") from None
    except OSError as exc:
        raise UsageError(f"could not reach Slack's Web API at {api_url} ({exc.__class__.__name__}); "
                         "check SLACK_API_URL and the network or proxy") from None


def warm_up(*, learned: bool = False) -> None:
    started = time.monotonic()
    from knowledge.answer import answer
    from knowledge.indexing import ensure_guidance
    from scoring import review

    review("The provider will deliver 200 youth sessions per year, and price is weighted at 60%.", learned=learned)
    ensure_guidance()
    answer("How should we weight price against quality?")
    log.info("rules, model and guidance index ready in %.1f s", time.monotonic() - started)


def serve_http(host: str, port: int) -> None:
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from bot.slack.settings import Settings

    settings = Settings.from_env(socket_mode=False)  # a missing secret is reported before the port opens
    gateway = Gateway()
    server = make_server(host, port, gateway, server_class=_ThreadingServer, handler_class=_QuietHandler)
    _stop_on_signals(server)
    thread = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    thread.start()
    log.info("listening on http://%s:%d (/slack/events, /healthz)", host, server.server_port)
    deps, app = prepare(settings)
    gateway.bolt = SlackRequestHandler(app)
    _housekeeping(deps)
    _digest_scheduler(deps)
    log.info("ready")
    thread.join()


def serve_socket_mode() -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from bot.slack.settings import Settings

    deps, app = prepare(Settings.from_env(socket_mode=True))
    handler = SocketModeHandler(app, deps.settings.app_token, concurrency=deps.settings.workers)
    _housekeeping(deps)
    _digest_scheduler(deps)
    handler.connect()
    log.info("ready (Socket Mode)")
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    stop.wait()
    handler.close()


def _stop_on_signals(server) -> None:
    def stop(*_):
        threading.Thread(target=server.shutdown, daemon=True).start()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, stop)


def _digest_scheduler(deps: Deps):
    """Every minute, post the weekly digests that have come due. A generous misfire grace and
    coalescing mean a paused or busy process catches up once; the ledger, not the scheduler,
    makes each post happen once, even beside a cron `digest run` or another worker."""
    from datetime import datetime, timezone

    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.digest.run import run_due
    from bot.slack.app import clients

    client_for = clients(deps.settings, deps.db)

    def tick() -> None:
        try:
            run_due(deps.db, client_for)
        except Exception as exc:
            log.warning("the digest check failed (%s); next minute it runs again", exc.__class__.__name__)

    scheduler = BackgroundScheduler(timezone="UTC")
    # First run at once: a bot that was down at the scheduled minute posts as soon as it is back.
    scheduler.add_job(tick, "cron", minute="*", id="digest", misfire_grace_time=3600, coalesce=True,
                      max_instances=1, next_run_time=datetime.now(timezone.utc))
    scheduler.start()
    return scheduler


def _housekeeping(deps: Deps) -> None:
    """Hourly: drop pasted text past its retention period, and forget old event ids."""
    from datetime import datetime, timedelta, timezone

    from bot.store import repo

    def loop() -> None:
        while True:
            try:
                now = datetime.now(timezone.utc)
                repo.purge_expired_text(deps.db, now)
                repo.prune_events(deps.db, now - timedelta(days=2))
            except Exception as exc:
                log.warning("housekeeping failed (%s); will try again", exc.__class__.__name__)
            time.sleep(HOUSEKEEPING_SECONDS)
    threading.Thread(target=loop, name="housekeeping", daemon=True).start()
