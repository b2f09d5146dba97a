"""A Slack admin's mistakes in the environment get one line naming the setting, before any port opens."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from emulator import SlackEmulator

from bot.errors import UsageError
from bot.slack.settings import Settings

GOOD = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


@pytest.mark.parametrize("env, socket_mode, words", [
    ({"SLACK_SIGNING_SECRET": "s"}, False, "SLACK_BOT_TOKEN"),
    ({"SLACK_BOT_TOKEN": "xoxp-user", "SLACK_SIGNING_SECRET": "s"}, False, "starting xoxb-"),
    ({"SLACK_BOT_TOKEN": "xoxb-1"}, False, "SLACK_SIGNING_SECRET"),
    ({"SLACK_BOT_TOKEN": "xoxb-1"}, True, "SLACK_APP_TOKEN"),
    ({**GOOD, "SLACK_APP_TOKEN": "xoxb-2"}, True, "xapp-"),
    ({**GOOD, "SLACK_CLIENT_ID": "1.2"}, False, "SLACK_CLIENT_SECRET, SLACK_STATE_SECRET"),
    ({**GOOD, "TENDER_COACH_RATE_LIMIT": "lots"}, False, "TENDER_COACH_RATE_LIMIT"),
    ({**GOOD, "TENDER_COACH_RETENTION_DAYS": "-3"}, False, "TENDER_COACH_RETENTION_DAYS"),
    ({**GOOD, "SLACK_API_URL": "slack.com/api"}, False, "SLACK_API_URL"),
])
def test_a_bad_setting_is_named(env, socket_mode, words):
    with pytest.raises(UsageError, match=words.replace("+", r"\+")):
        Settings.from_env(env, socket_mode=socket_mode)


def test_defaults_and_the_oauth_install_page_beside_the_api():
    settings = Settings.from_env({**GOOD, "SLACK_API_URL": "https://slack-gov.com/api"})
    assert settings.api_url == "https://slack-gov.com/api/"
    assert settings.authorize_url == "https://slack-gov.com/oauth/v2/authorize"
    assert (settings.retention_days, settings.max_chars, settings.oauth) == (90, 40_000, False)


def test_a_token_slack_refuses_stops_the_server_with_a_clear_line(tmp_path):
    with SlackEmulator() as emu:
        env = {**os.environ, "SLACK_API_URL": emu.api_url, "SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN": "xoxb-wrong",
               "TENDER_COACH_DATA": str(tmp_path), "TENDER_COACH_EMBEDDER": "fake"}
        done = subprocess.run([sys.executable, "-m", "bot.cli", "serve", "--http", "--port", "0"], env=env,
                              capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("tender-coach: Slack did not accept SLACK_BOT_TOKEN")
    assert "Traceback" not in done.stderr
