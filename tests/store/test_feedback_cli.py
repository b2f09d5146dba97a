"""`tender-coach feedback`: what a policy lead reads to decide which rules to change."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from store_helpers import save

from bot.cli import main
from bot.store import repo

A, B = "output-only/activity-count", "cost-first/price-majority"


@pytest.fixture
def seeded(db, db_url, monkeypatch):
    """Three recent reviews, one old one, dismissals with reasons, and rated answers."""
    monkeypatch.setenv("DATABASE_URL", db_url)
    r1 = save(db, A, B)
    r2 = save(db, A)
    save(db, A)
    old = save(db, B, created_at=datetime.now(timezone.utc) - timedelta(days=40))
    repo.record_dismissal(db, review_id=r1, finding_index=0, rule=A, user_id="U1", reason="We must report counts")
    repo.record_dismissal(db, review_id=r2, finding_index=0, rule=A, user_id="U2", reason="we must report counts")
    repo.record_dismissal(db, review_id=r1, finding_index=1, rule=B, user_id="U3", reason="Framework call-off")
    repo.record_dismissal(db, review_id=old, finding_index=0, rule=B, user_id="U1", reason="pilot")
    for covered, votes in ((True, (True, True)), (True, (False,)), (False, ())):
        answer = repo.record_answer(db, team_id="T1", channel_id="C1", user_id="U1", question="q", covered=covered)
        for n, helpful in enumerate(votes):
            repo.record_feedback(db, answer_id=answer, user_id=f"U{n}", helpful=helpful)
    return db


def test_text_report_per_rule_with_reasons_and_answer_ratings(seeded, capsys):
    assert main(["feedback"]) == 0
    assert capsys.readouterr().out == (
        "Findings shown, and dismissed as not applicable, so far:\n"
        "  rule                        shown  dismissed   rate\n"
        "  cost-first/price-majority       2          2   100%\n"
        "      1 x Framework call-off\n"
        "      1 x pilot\n"
        "  output-only/activity-count      3          2    67%\n"
        "      2 x We must report counts\n"
        "\n"
        "Answers: 3 (2 found guidance); rated helpful 2, not helpful 1.\n"
    )


def test_since_leaves_out_older_reviews(seeded, capsys):
    assert main(["feedback", "--since", "30", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["since_days"] == 30
    rules = {r["rule"]: r for r in report["rules"]}
    assert rules[B] == {"rule": B, "shown": 1, "reviews": 1, "dismissed": 1, "rate": 1.0,
                        "reasons": [{"reason": "Framework call-off", "count": 1}]}
    assert rules[A]["rate"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["answers"] == {"answers": 3, "covered": 2, "helpful": 2, "not_helpful": 1}


def test_an_empty_database_says_there_is_no_feedback_yet(db, db_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", db_url)
    save(db, A)  # a review nobody reacted to is not feedback
    assert main(["feedback"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "No feedback yet: nobody has dismissed a finding or rated an answer."
    assert "1 findings shown and 0 questions answered so far" in out


def test_before_anything_is_stored_it_says_so_without_creating_a_database(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(["feedback"]) == 0
    assert capsys.readouterr().out.startswith("No feedback yet")
    assert not (tmp_path / "data" / "tender-coach.db").exists()


def test_an_unreachable_database_is_a_short_message_without_the_password(monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", "postgresql://coach:s3cret@127.0.0.1:1/nowhere")
    assert main(["feedback"]) == 2
    captured = capsys.readouterr()
    assert "cannot read the database" in captured.err and "DATABASE_URL" in captured.err
    assert "s3cret" not in captured.err and "Traceback" not in captured.err


def test_help_and_bad_since(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["feedback", "--help"])
    assert exit_.value.code == 0 and "--since DAYS" in capsys.readouterr().out
    assert main(["feedback", "--since", "0"]) == 2
    assert "--since" in capsys.readouterr().err
