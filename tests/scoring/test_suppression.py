"""A team can switch rules off, change their level, and ignore a rule for one clause."""

import pytest

from scoring import review
from scoring.config import load_config
from scoring.errors import ConfigError
from scoring.rules import CATEGORIES, load_rules

KNOWN = {r.id for r in load_rules()} | set(CATEGORIES)
DRAFT = "The provider will deliver 200 youth sessions per year.\nEvaluation: Price 70% / Quality 30%."


def _rules(report):
    return {f.rule for f in report.findings}


def test_disable_a_category_and_a_rule(tmp_path):
    cfg = tmp_path / ".tender-coach.toml"
    cfg.write_text('disable = ["output-only", "social-value/missing-from-award"]\n')
    rules = _rules(review(DRAFT, config=load_config(None, KNOWN, start=tmp_path)))
    assert rules == {"cost-first/price-majority"}


def test_change_a_level(tmp_path):
    cfg = tmp_path / ".tender-coach.toml"
    cfg.write_text('[levels]\n"cost-first" = "suggestion"\n')
    report = review(DRAFT, config=load_config(None, KNOWN, start=tmp_path))
    assert {f.level for f in report.findings if f.category == "cost-first"} == {"suggestion"}


def test_pyproject_table_is_found_from_a_subfolder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.tender-coach]\ndisable = ["cost-first"]\n')
    sub = tmp_path / "drafts"
    sub.mkdir()
    config = load_config(None, KNOWN, start=sub)
    assert not any(f.category == "cost-first" for f in review(DRAFT, config=config).findings)


@pytest.mark.parametrize(
    "body,complaint",
    [
        ('disable = ["no-such-rule"]', "not a rule id or category"),
        ('[levels]\n"cost-first" = "fatal"', "use one of"),
        ("disable = [", "not valid TOML"),
        ('colour = "red"', "unknown setting"),
    ],
)
def test_a_bad_config_says_what_is_wrong(tmp_path, body, complaint):
    cfg = tmp_path / ".tender-coach.toml"
    cfg.write_text(body)
    with pytest.raises(ConfigError, match=complaint):
        load_config(cfg, KNOWN)


def test_inline_marker_ignores_one_rule_in_one_clause_only():
    text = (
        "The provider will deliver 200 youth sessions per year (tender-coach: ignore output-only/activity-count).\n"
        "The provider will deliver 300 youth sessions per year."
    )
    findings = [f for f in review(text).findings if f.rule == "output-only/activity-count"]
    assert [f.line for f in findings] == [2]


def test_a_marker_on_its_own_line_covers_the_next_clause():
    text = "<!-- tender-coach: ignore cost-first -->\nEvaluation: Price 70% / Quality 30%.\n\nThe cheapest bid wins."
    rules = [f.rule for f in review(text).findings if f.category == "cost-first"]
    assert rules == ["cost-first/lowest-price"]


def test_a_bare_marker_ignores_every_rule_in_its_clause():
    text = "Evaluation: Price 70% / Quality 30%. tender-coach: ignore"
    assert review(text).findings == ()
