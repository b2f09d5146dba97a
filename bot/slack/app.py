"""Build the Bolt app and register every listener: the one place that wires the bot together.

Handlers live one module a surface (messages, commands, shortcuts, actions, home, assistant)
and never import this module."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.slack import actions, assistant, commands, home, messages, shortcuts
from bot.slack.context import Deps, log, log_failure
from bot.store import repo

# The least the bot needs; manifest.yaml says why each one is there.
BOT_SCOPES = [
    "app_mentions:read", "assistant:write", "channels:history", "chat:write", "commands", "files:read",
    "files:write", "groups:history", "im:history", "im:write", "users:read",
]


def web_client(settings, token: str | None = None) -> WebClient:
    """Every Web API call goes through here: SLACK_API_URL, and retries that honour Retry-After."""
    return WebClient(
        token=token, base_url=settings.api_url, timeout=30,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def clients(settings, db) -> Callable[[str], WebClient]:
    """A Web API client for a workspace: the one bot token, or each installation's own."""
    if not settings.oauth:
        client = web_client(settings, settings.bot_token)
        return lambda team: client
    installations, _ = oauth_stores(settings, db.engine)

    def for_team(team: str) -> WebClient:
        bot = installations.find_bot(enterprise_id=None, team_id=team)
        if bot is None or not bot.bot_token:
            raise LookupError("the app is not installed in that workspace")
        return web_client(settings, bot.bot_token)
    return for_team


def build_app(deps: Deps, oauth_stores: tuple = ()) -> App:
    """`oauth_stores`: what `oauth_stores()` returned, their tables already migrated."""
    settings = deps.settings
    options = dict(
        client=web_client(settings, None if settings.oauth else settings.bot_token),
        signing_secret=settings.signing_secret or "unused-in-socket-mode",
        listener_executor=ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="listener"),
        process_before_response=False,
        logger=log,
    )
    if settings.oauth:
        options["oauth_settings"] = _oauth_settings(settings, *oauth_stores)
    else:
        options["token"] = settings.bot_token
    app = App(**options)
    app.use(_allow_listed_teams(settings.allowed_teams))
    app.use(_once_per_event(deps))
    register_listeners(app, deps)
    app.error(_on_error)
    return app


def register_listeners(app: App, deps: Deps) -> None:
    app.assistant(assistant.build(deps))
    app.event("app_mention")(messages.on_mention(deps))
    app.event("message")(messages.on_message(deps))
    app.event("app_home_opened")(home.on_home_opened(deps))
    commands.register(app, deps)
    shortcuts.register(app, deps)
    actions.register(app, deps)


def oauth_stores(settings, engine) -> tuple:
    """slack_sdk's installation and state stores on our database: one token per workspace.
    Their tables are created by `Database.migrate(extra_metadata=...)`, under its lock."""
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

    return (SQLAlchemyInstallationStore(client_id=settings.client_id, engine=engine, logger=log),
            SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=engine, logger=log))


def _oauth_settings(settings, installations, states):
    from slack_bolt.oauth.oauth_settings import OAuthSettings

    return OAuthSettings(
        client_id=settings.client_id, client_secret=settings.client_secret, scopes=BOT_SCOPES,
        installation_store=installations, state_store=states, authorization_url=settings.authorize_url,
    )


def _allow_listed_teams(allowed: frozenset[str]):
    def middleware(body, context, next):
        team = context.team_id or body.get("team_id") or (body.get("team") or {}).get("id")
        if allowed and team not in allowed and context.enterprise_id not in allowed:
            log.info("ignored a request from a workspace that is not on the allow-list")
            return BoltResponse(status=200, body="")
        return next()
    return middleware


def _once_per_event(deps: Deps):
    """Slack retries an event it thinks was missed, possibly to another worker: the database,
    not memory, remembers which event ids were already taken."""
    def middleware(body, next):
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not repo.claim_event(deps.db, body.get("team_id") or "", event_id):
            return BoltResponse(status=200, body="")
        return next()
    return middleware


def _on_error(error, body, logger) -> None:
    log_failure(f"a {body.get('type', 'request') if isinstance(body, dict) else 'request'} listener", error)
