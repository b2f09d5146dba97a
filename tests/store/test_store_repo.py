"""The repository functions the Slack handlers rely on, on SQLite and on PostgreSQL."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError
from store_helpers import save

from bot.store import Database, repo


def test_each_event_is_claimed_exactly_once_by_racing_threads_on_two_engines(db, db_url):
    other = Database(db_url)  # a second worker: its own engine and connection pool
    events = [f"Ev{i:03d}" for i in range(25)]
    start = threading.Barrier(16)

    def worker(n: int) -> list[str]:
        database = db if n % 2 else other
        start.wait()
        return [e for e in events if repo.claim_event(database, "T1", e)]

    try:
        with ThreadPoolExecutor(16) as pool:
            won = [e for claimed in pool.map(worker, range(16)) for e in claimed]
    finally:
        other.dispose()
    assert sorted(won) == events  # every event handled, none twice


def test_an_event_id_is_claimed_per_team_and_can_be_forgotten(db):
    assert repo.claim_event(db, "T1", "Ev1") is True
    assert repo.claim_event(db, "T1", "Ev1") is False  # Slack's retry
    assert repo.claim_event(db, "T2", "Ev1") is True  # another workspace's event

    assert repo.prune_events(db, timedelta(hours=1)) == 0  # recent claims are kept
    assert repo.claim_event(db, "T1", "Ev1") is False
    assert repo.prune_events(db, datetime.now(timezone.utc) + timedelta(seconds=1)) == 2
    assert repo.claim_event(db, "T1", "Ev1") is True


def test_a_saved_review_comes_back_with_what_the_report_said(db):
    # scoring.engine, not `from scoring import review`: under a bare `pytest` (no cwd on sys.path)
    # the tests/scoring folder shadows the package's __init__, though not its modules.
    from scoring.engine import review

    text = "The provider will deliver 200 youth sessions per year. Evaluation: Price 70% / Quality 30%."
    report = review(text)
    before = datetime.now(timezone.utc)
    review_id = repo.save_review(db, team_id="T1", channel_id="C1", user_id="U1", text=text, report=report,
                                 visibility="ephemeral", thread_ts="1700000000.000100", source="shortcut")
    row = repo.get_review(db, review_id)

    assert row.rule_ids == tuple(f.rule for f in report.findings) and len(row.rule_ids) >= 2
    assert "cost-first" in row.categories and "output-only" in row.categories
    assert row.finding_count == len(report.findings)
    assert row.score == report.score.value and row.assessable == report.score.assessable
    assert row.checklist == {item.id: item.status for item in report.score.items}
    assert row.text == text and row.text_sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert (row.team_id, row.channel_id, row.user_id) == ("T1", "C1", "U1")
    assert (row.visibility, row.source, row.thread_ts) == ("ephemeral", "shortcut", "1700000000.000100")
    assert row.created_at.tzinfo is not None and before <= row.created_at <= datetime.now(timezone.utc)
    assert row.text_expires_at - row.created_at == timedelta(days=90)
    assert row.shared_channel_id is None and row.shared_at is None
    assert repo.get_review(db, review_id + 1000) is None


def test_a_review_without_a_score_or_findings_is_stored_too(db):
    row = repo.get_review(db, save(db, score=None, items={}))
    assert (row.score, row.finding_count, row.rule_ids, row.checklist) == (None, 0, (), {})


def test_retention_zero_never_stores_the_words_and_none_keeps_them(db):
    assert repo.get_review(db, save(db, "cost-first/price-majority", retention_days=0)).text is None
    kept = repo.get_review(db, save(db, retention_days=None))
    assert kept.text is not None and kept.text_expires_at is None
    assert repo.purge_expired_text(db, datetime.now(timezone.utc) + timedelta(days=10_000)) == 0


def test_purge_removes_expired_words_but_keeps_the_numbers(db):
    old = save(db, "output-only/activity-count", "cost-first/price-majority", score=37, retention_days=1,
               text="old draft")
    recent = save(db, "output-only/activity-count", retention_days=30, text="recent draft")
    in_two_days = datetime.now(timezone.utc) + timedelta(days=2)
    assert set(repo.get_review(db, old).examples) == {"output-only", "cost-first"}  # quoted by the digest

    assert repo.purge_expired_text(db, in_two_days) == 1
    purged = repo.get_review(db, old)
    assert purged.text is None and purged.examples is None  # the quoted words go with the draft
    assert purged.text_sha256 == hashlib.sha256(b"old draft").hexdigest()
    assert purged.score == 37
    assert purged.rule_ids == ("output-only/activity-count", "cost-first/price-majority")
    assert purged.checklist == {"outcomes-stated": "missing", "wellbeing": "n/a"}
    assert repo.get_review(db, recent).text == "recent draft"
    assert repo.purge_expired_text(db, in_two_days) == 0  # nothing left to do
    assert repo.purge_expired_text(db) == 0  # nothing has expired yet today


def test_sharing_a_review_is_remembered_and_threads_we_posted_in_are_known(db):
    review_id = save(db, visibility="ephemeral", channel="C1", thread_ts="111.222")
    assert repo.mark_shared(db, review_id, "C9") is True
    row = repo.get_review(db, review_id)
    assert row.shared_channel_id == "C9" and row.shared_at is not None
    assert repo.mark_shared(db, review_id + 1000, "C9") is False

    assert repo.is_bot_thread(db, "T1", "C1", "111.222")
    assert repo.is_bot_thread(db, "T1", "C9", "111.222")
    assert not repo.is_bot_thread(db, "T1", "C1", "333.444")
    assert not repo.is_bot_thread(db, "T2", "C1", "111.222")

    repo.record_answer(db, team_id="T1", channel_id="C5", user_id="U1", question="q", covered=True,
                       thread_ts="555.666")
    assert repo.is_bot_thread(db, "T1", "C5", "555.666")
    assert not repo.is_bot_thread(db, "T1", "C1", "555.666")


def test_an_unknown_visibility_or_source_is_refused(db):
    with pytest.raises(ValueError, match="visibility"):
        save(db, visibility="public")
    with pytest.raises(ValueError, match="source"):
        save(db, source="email")


def test_dismissing_a_finding_twice_keeps_one_row_and_the_latest_reason(db):
    review_id = save(db, "output-only/activity-count", "cost-first/price-majority")
    first = repo.record_dismissal(db, review_id=review_id, finding_index=1, rule="cost-first/price-majority",
                                  user_id="U1", reason=None)
    again = repo.record_dismissal(db, review_id=review_id, finding_index=1, rule="cost-first/price-majority",
                                  user_id="U1", reason="framework call-off: price is fixed")
    other = repo.record_dismissal(db, review_id=review_id, finding_index=1, rule="cost-first/price-majority",
                                  user_id="U2", reason="pilot")
    assert first == again != other
    [stats] = [s for s in repo.dismissal_stats(db) if s.rule == "cost-first/price-majority"]
    assert stats.dismissed == 1  # one finding, however many people dismissed it
    assert stats.reasons == (("framework call-off: price is fixed", 1), ("pilot", 1))

    with pytest.raises(IntegrityError):
        repo.record_dismissal(db, review_id=review_id + 1000, finding_index=0, rule="x", user_id="U1")


def test_answer_feedback_keeps_one_vote_a_person_and_the_latest_click_wins(db):
    answer = repo.record_answer(db, team_id="T1", channel_id="D1", user_id="U1", covered=True,
                                question="How should we weight price against quality?")
    uncovered = repo.record_answer(db, team_id="T1", channel_id="D1", user_id="U1", covered=False,
                                   question_hash=hashlib.sha256(b"q").hexdigest())
    repo.record_feedback(db, answer_id=answer, user_id="U1", helpful=True)
    repo.record_feedback(db, answer_id=answer, user_id="U1", helpful=False)
    repo.record_feedback(db, answer_id=answer, user_id="U2", helpful=True)
    repo.record_feedback(db, answer_id=uncovered, user_id="U1", helpful=False)

    stats = repo.answer_feedback(db)
    assert (stats.answers, stats.covered, stats.helpful, stats.not_helpful) == (2, 1, 1, 2)
    with pytest.raises(TypeError):
        repo.record_answer(db, team_id="T1", channel_id="D1", user_id="U1", covered=True)


def test_dismissal_stats_count_findings_dismissals_rates_and_reasons(db):
    a, b = "output-only/activity-count", "cost-first/price-majority"
    r1 = save(db, a, a, b)  # two findings of rule a in one draft
    r2 = save(db, a)
    save(db, a, b)
    save(db, "social-value/missing-from-award",
         created_at=datetime.now(timezone.utc) - timedelta(days=60))  # outside --since 30
    for user, reason in (("U1", "Not relevant "), ("U2", "not  relevant"), ("U3", "pilot")):
        repo.record_dismissal(db, review_id=r1, finding_index=0, rule=a, user_id=user, reason=reason)
    repo.record_dismissal(db, review_id=r2, finding_index=0, rule=a, user_id="U1", reason="Pilot")
    repo.record_dismissal(db, review_id=r1, finding_index=1, rule=a, user_id="U1", reason=None)

    stats = {s.rule: s for s in repo.dismissal_stats(db)}
    assert (stats[a].shown, stats[a].reviews, stats[a].dismissed) == (4, 3, 3)
    assert stats[a].rate == pytest.approx(0.75)
    assert stats[a].reasons == (("Not relevant", 2), ("pilot", 2))
    assert (stats[b].shown, stats[b].dismissed, stats[b].rate, stats[b].reasons) == (2, 0, 0.0, ())
    assert [s.rule for s in repo.dismissal_stats(db)][0] == a  # most dismissed first

    recent = {s.rule for s in repo.dismissal_stats(db, since=datetime.now(timezone.utc) - timedelta(days=30))}
    assert recent == {a, b}


def test_recent_reviews_are_a_persons_newest_first_and_hide_dm_channels(db):
    now = datetime.now(timezone.utc)
    for days, channel, visibility, score in ((3, "C1", "channel", 10), (2, "D1", "dm", 20), (1, "C2", "ephemeral", 30)):
        save(db, "output-only/activity-count", channel=channel, visibility=visibility, score=score,
             created_at=now - timedelta(days=days))
    save(db, user="U2")  # someone else's
    recent = repo.recent_reviews(db, "T1", "U1", limit=2)
    assert [(r["score"], r["channel"], r["findings"]) for r in recent] == [(30, "C2", 1), (20, None, 1)]
    assert recent[0]["created_at"] > recent[1]["created_at"]
    assert repo.recent_reviews(db, "T2", "U1") == []


def test_channel_trends_average_each_channel_week_and_leave_out_dms(db):
    now = datetime(2026, 11, 26, 12, tzinfo=timezone.utc)  # a Thursday in ISO week 48
    for when, channel, visibility, score in (
        (now, "C1", "channel", 40), (now - timedelta(days=1), "C1", "ephemeral", 61),
        (now - timedelta(days=1), "C1", "channel", None),  # counted, but not in the average
        (now - timedelta(weeks=1), "C1", "channel", 20), (now, "C2", "modal", None),
        (now, "D1", "dm", 99),  # private: never in a channel's numbers
        (now - timedelta(weeks=4), "C1", "channel", 5),  # older than four weeks
    ):
        save(db, channel=channel, visibility=visibility, score=score, created_at=when)
    assert repo.channel_trends(db, "T1", weeks=4, now=now) == [
        {"channel": "C1", "week": "2026-W47", "average": 20.0, "reviews": 1},
        {"channel": "C1", "week": "2026-W48", "average": 50.5, "reviews": 3},
        {"channel": "C2", "week": "2026-W48", "average": None, "reviews": 1},
    ]
    assert [t["week"] for t in repo.channel_trends(db, "T1", weeks=1, now=now)] == ["2026-W48", "2026-W48"]


def test_channel_settings_keep_the_latest_value_and_who_set_it(db):
    assert repo.get_setting(db, "T1", "C1", "digest", default={"on": False}) == {"on": False}
    repo.set_setting(db, "T1", "C1", "digest", {"on": True, "day": "mon"}, changed_by="U1")
    repo.set_setting(db, "T1", "C1", "digest", {"on": False}, changed_by="U2")
    repo.set_setting(db, "T1", "C2", "digest", {"on": True}, changed_by="U1")
    assert repo.get_setting(db, "T1", "C1", "digest") == {"on": False}
    assert repo.settings_for_key(db, "digest") == [("T1", "C1", {"on": False}), ("T1", "C2", {"on": True})]

    from bot.store.models import ChannelSetting

    with db.session() as session:
        assert session.get(ChannelSetting, ("T1", "C1", "digest")).changed_by == "U2"


def test_a_naive_datetime_is_refused_rather_than_misread(db):
    with pytest.raises(Exception, match="timezone-aware"):
        repo.purge_expired_text(db, datetime.now())



def test_backends_without_on_conflict_get_the_same_answers(db, monkeypatch):
    """Any other SQLAlchemy URL takes the portable path: insert in a savepoint, catch the clash."""
    monkeypatch.setattr(repo, "_dialect_insert", lambda session, model: None)
    assert [repo.claim_event(db, "T1", "Ev1"), repo.claim_event(db, "T1", "Ev1")] == [True, False]
    answer = repo.record_answer(db, team_id="T1", channel_id="C1", user_id="U1", question="q", covered=True)
    repo.record_feedback(db, answer_id=answer, user_id="U1", helpful=True)
    repo.record_feedback(db, answer_id=answer, user_id="U1", helpful=False)
    assert (repo.answer_feedback(db).helpful, repo.answer_feedback(db).not_helpful) == (0, 1)
    repo.set_setting(db, "T1", "C1", "digest", True, changed_by="U1")
    repo.set_setting(db, "T1", "C1", "digest", False, changed_by="U1")
    assert repo.get_setting(db, "T1", "C1", "digest") is False
