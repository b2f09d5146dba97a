"""The learned check: opt-in suggestions for wordings no rule was written for, never doubling a rule's finding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scoring import learned, review
from bot.slack.settings import Settings
from bot.errors import UsageError

ROOT = Path(__file__).resolve().parents[2]
# Our own wordings, none of which a rule reads: a charter line in an unusual order, and a delivery programme.
MISSED = ("Letters from tenants: reply sent inside 5 working days, 95% of the time.\n"
          "The contractor shall deliver the annual programme of 40 outreach days.\n")


def test_the_shipped_model_loads_with_its_chosen_threshold():
    model = learned.load_model()
    assert set(model["models"]) == set(learned.CATEGORIES)
    assert all(cut == learned.ADD_THRESHOLD for _, cut in model["models"].values())


def test_learned_suggestions_appear_only_when_asked_for_and_only_where_no_rule_fired():
    assert not [f for f in review(MISSED).findings if f.category in learned.CATEGORIES]
    found = [f for f in review(MISSED, learned=True).findings if f.rule.endswith("/learned")]
    assert [f.rule for f in found] == ["output-only/learned", "output-only/learned"]
    assert all(f.level == "suggestion" and f.rewrite for f in found)
    flagged = "The provider will deliver 200 youth sessions per year.\n"
    rules_only = [f.rule for f in review(flagged).findings]
    assert [f.rule for f in review(flagged, learned=True).findings] == rules_only  # no second finding on it


def test_an_outcome_or_a_statistic_gets_no_learned_suggestion():
    text = ("Young people will say they feel safer in their community.\n"
            "Last year the team supported 1,840 families.\n")
    assert not [f for f in review(text, learned=True).findings if f.rule.endswith("/learned")]


def test_the_command_line_shows_learned_suggestions_with_the_flag_and_keeps_its_exit_code(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(MISSED, encoding="utf-8")
    env = {**os.environ, "TENDER_COACH_DATA": str(tmp_path / "data")}
    run = lambda *extra: subprocess.run([sys.executable, "-m", "bot.cli", "review", *extra, str(draft)],  # noqa: E731
                                        capture_output=True, text=True, env=env, cwd=ROOT)
    plain, asked = run(), run("--learned")
    assert "output-only/learned" not in plain.stdout and plain.returncode == 0
    assert asked.stdout.count("suggestion  output-only/learned") == 2 and asked.returncode == 0  # suggestions only


@pytest.mark.parametrize("value,expected", [("1", True), ("yes", True), ("0", False), ("off", False)])
def test_the_slack_server_turns_the_learned_check_on_from_its_environment(value, expected):
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "TENDER_COACH_LEARNED": value}
    assert Settings.from_env(env).learned is expected
    assert Settings.from_env({k: v for k, v in env.items() if k != "TENDER_COACH_LEARNED"}).learned is False


def test_a_bad_learned_setting_is_named():
    env = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s", "TENDER_COACH_LEARNED": "maybe"}
    with pytest.raises(UsageError, match="TENDER_COACH_LEARNED"):
        Settings.from_env(env)
