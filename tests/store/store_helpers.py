"""Build scoring Reports by hand, so each store test says exactly which findings a review had."""

from __future__ import annotations

from scoring.report import ChecklistItem, Finding, Report, Score


def finding(rule: str, level: str = "warning") -> Finding:
    return Finding(rule=rule, category=rule.split("/")[0], level=level, message="m", why="w", line=1, column=1,
                   start=0, end=4, match="text", rewrite=None, guidance=())


def make_report(*rules: str, score: int | None = 50, items: dict[str, str] | None = None,
                text: str = "The provider will deliver 200 sessions.") -> Report:
    items = {"outcomes-stated": "missing", "wellbeing": "n/a"} if items is None else items
    checklist = tuple(ChecklistItem(id=i, title=i, status=s) for i, s in items.items())
    return Report(text=text, findings=tuple(finding(r) for r in rules), score=Score(value=score, items=checklist))


def save(db, *rules: str, team="T1", channel="C1", user="U1", visibility="channel", **kwargs) -> int:
    from bot.store import repo

    report = make_report(*rules, **{k: kwargs.pop(k) for k in ("score", "items") if k in kwargs})
    return repo.save_review(db, team_id=team, channel_id=channel, user_id=user, text=kwargs.pop("text", report.text),
                            report=report, visibility=visibility, **kwargs)
