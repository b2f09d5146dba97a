"""manifest.yaml and .env.example against the code they describe.

A Slack admin pastes the manifest as it is: a scope the code needs but the manifest lacks fails
at run time with `missing_scope`, an event the code listens for but the manifest does not
subscribe to never arrives, and a shortcut callback id that differs from the code's is a menu
item that does nothing. None of that shows until someone uses the bot, so it is checked here."""

import re
from pathlib import Path

import pytest
import yaml

from bot.slack import ids
from bot.slack.app import BOT_SCOPES, register_listeners
from bot.slack.context import Deps
from bot.slack.settings import Settings

ROOT = Path(__file__).parents[2]
# A `message` listener sees DMs, public channels and private channels: it needs all three.
MESSAGE_EVENTS = {"message.im", "message.channels", "message.groups"}
# What Bolt's Assistant handles: the panel opening, the person moving to another channel, and
# their messages in the panel (a DM thread).
ASSISTANT_EVENTS = {"assistant_thread_started", "assistant_thread_context_changed", "message.im"}


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((ROOT / "manifest.yaml").read_text(encoding="utf-8"))


class Recorder:
    """Stands in for Bolt's App and notes every listener register_listeners asks for."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def __getattr__(self, kind: str):
        def register(key=None, *args, **kwargs):
            self.calls.append((kind, key))
            return lambda *a, **k: (a[0] if a else None)  # works as @decorator and as (ack=..., lazy=[...])
        return register

    def keys(self, kind: str) -> set:
        return {key for k, key in self.calls if k == kind}


@pytest.fixture(scope="module")
def listeners() -> Recorder:
    settings = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_APP_TOKEN": "xapp-test"}, socket_mode=True)
    app = Recorder()
    register_listeners(app, Deps(settings=settings, db=None))
    return app


def events_needed(listeners: Recorder) -> set[str]:
    needed: set[str] = set()
    for name in listeners.keys("event"):
        needed |= MESSAGE_EVENTS if name == "message" else {name}
    if listeners.keys("assistant"):
        needed |= ASSISTANT_EVENTS
    return needed


def test_scopes_are_exactly_the_ones_the_code_asks_for(manifest):
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert len(scopes) == len(set(scopes)), "a scope is listed twice"
    assert sorted(scopes) == sorted(BOT_SCOPES)
    assert "user" not in manifest["oauth_config"]["scopes"], "the bot acts as itself, never as a person"


def test_every_scope_says_why_it_is_there():
    text = (ROOT / "manifest.yaml").read_text(encoding="utf-8")
    for scope in BOT_SCOPES:
        line = re.search(rf"^\s*- {re.escape(scope)}\s*#\s*(\S.*)$", text, re.MULTILINE)
        assert line, f"{scope} has no comment saying why the bot needs it"


def test_every_event_the_code_listens_for_is_subscribed_and_no_other(manifest, listeners):
    subscribed = manifest["settings"]["event_subscriptions"]["bot_events"]
    assert len(subscribed) == len(set(subscribed))
    needed = events_needed(listeners)
    assert needed - set(subscribed) == set(), "listened for, but Slack will never send it"
    assert set(subscribed) - needed == set(), "subscribed, but nothing handles it"


def test_slash_command_matches_the_code(manifest, listeners):
    commands = [c["command"] for c in manifest["features"]["slash_commands"]]
    assert commands == [ids.SLASH_COMMAND]
    assert listeners.keys("command") == {ids.SLASH_COMMAND}
    usage = manifest["features"]["slash_commands"][0]["usage_hint"]
    for verb in ("review", "ask", "help", "digest"):
        assert verb in usage


def test_message_shortcut_matches_the_code(manifest, listeners):
    shortcuts = manifest["features"]["shortcuts"]
    assert [(s["type"], s["callback_id"]) for s in shortcuts] == [("message", ids.REVIEW_SHORTCUT)]
    assert shortcuts[0]["name"] == "Review with Tender Coach"
    assert listeners.keys("message_shortcut") == {ids.REVIEW_SHORTCUT}
    assert listeners.keys("shortcut") == set(), "a global shortcut the manifest does not declare"


def test_surfaces_the_code_serves_are_switched_on(manifest, listeners):
    features, settings = manifest["features"], manifest["settings"]
    home = features["app_home"]
    assert home["home_tab_enabled"] is True  # the code publishes a Home tab
    assert home["messages_tab_enabled"] is True and home["messages_tab_read_only_enabled"] is False  # people DM it
    assert listeners.keys("action") and settings["interactivity"]["is_enabled"] is True  # buttons and modals
    assert listeners.keys("assistant") and features["assistant_view"]["assistant_description"]
    assert features["assistant_view"]["suggested_prompts"]
    assert features["bot_user"] == {"display_name": "Tender Coach", "always_online": False}
    assert manifest["display_information"]["name"] == "Tender Coach"


def test_as_shipped_it_runs_over_socket_mode_with_no_public_url(manifest):
    settings = manifest["settings"]
    assert settings["socket_mode_enabled"] is True
    assert settings["org_deploy_enabled"] is False and settings["token_rotation_enabled"] is False
    # Placeholder URLs left live would make Slack try to verify tender-coach.example.org.
    assert "request_url" not in settings["event_subscriptions"]
    assert "request_url" not in settings["interactivity"]
    assert all("url" not in c for c in manifest["features"]["slash_commands"])
    assert "redirect_urls" not in manifest["oauth_config"]


def test_fits_the_lengths_slack_accepts(manifest):
    """Slack refuses the whole manifest when one of these is too long (or, for the long
    description, too short)."""
    info, features = manifest["display_information"], manifest["features"]
    assert 1 <= len(info["name"]) <= 35
    assert 1 <= len(info["description"]) <= 140
    assert 175 <= len(info["long_description"]) <= 4000
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", info["background_color"])
    assert len(features["bot_user"]["display_name"]) <= 80
    for shortcut in features["shortcuts"]:
        assert len(shortcut["name"]) <= 24 and len(shortcut["description"]) <= 150
    for command in features["slash_commands"]:
        assert command["command"].startswith("/") and len(command["command"]) <= 32


# ---- .env.example -----------------------------------------------------------------------------

def env_example() -> dict[str, str]:
    """NAME -> value for every `NAME=value` line, commented out (`# NAME=value`) or not."""
    text = (ROOT / ".env.example").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"^#? ?([A-Z][A-Z0-9_]*)=(.*)$", text, re.MULTILINE)}


def test_env_example_names_every_setting():
    settings_source = (ROOT / "bot" / "slack" / "settings.py").read_text(encoding="utf-8")
    read_by_settings = set(re.findall(r'get\("([A-Z][A-Z0-9_]*)"\)', settings_source))
    assert "SLACK_BOT_TOKEN" in read_by_settings  # the pattern still finds what Settings reads
    contract = {"DATABASE_URL", "TENDER_COACH_DATA", "CHROMA_URL", "TENDER_COACH_LLM_URL"}
    missing = (read_by_settings | contract) - set(env_example())
    assert missing == set()


def test_env_example_holds_no_secret():
    secrets = {name: value for name, value in env_example().items()
               if re.search(r"TOKEN|SECRET|_KEY$|CLIENT_ID", name)}
    assert {"SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_SECRET"} <= set(secrets)
    assert {name: value for name, value in secrets.items() if value.strip()} == {}
