"""tender-coach feedback: which rules people mark "not applicable here", and how answers are rated."""

from __future__ import annotations

import sys

from bot.errors import EXIT_FAILURE, EXIT_OK, UsageError

NO_FEEDBACK = "No feedback yet: nobody has dismissed a finding or rated an answer."


def add_parser(sub) -> None:
    p = sub.add_parser(
        "feedback",
        help="show how often each rule is dismissed, and why, and how answers are rated",
        description=(
            "Summarise what people told Tender Coach in Slack: per rule, how many findings were shown, how "
            "many were dismissed as not applicable, the dismissal rate and the reasons given (most common "
            "first); and how many answers were rated helpful or not helpful. Reads DATABASE_URL, else the "
            "database in the data folder (TENDER_COACH_DATA). Exit code 0: done; 2: a failure."
        ),
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--since", type=int, metavar="DAYS", help="only reviews and answers from the last DAYS days")
    p.set_defaults(run=run)


def run(args) -> int:
    from datetime import timedelta

    from sqlalchemy.exc import SQLAlchemyError

    from bot.store import Database, StoreError, repo
    from bot.store.db import sqlite_path
    from bot.store.types import utcnow

    if args.since is not None and args.since < 1:
        raise UsageError("--since takes a number of days, 1 or more: tender-coach feedback --since 30")
    since = utcnow() - timedelta(days=args.since) if args.since else None
    try:
        db = Database.from_env()
    except StoreError as exc:
        return _fail(str(exc))
    try:
        path = sqlite_path(db.url)
        if path is not None and not path.exists():  # nothing stored yet; don't create a database to say so
            rules, answers = [], None
        else:
            db.migrate()  # a database from an older version is brought up to date, as `serve` would
            rules, answers = repo.dismissal_stats(db, since=since), repo.answer_feedback(db, since=since)
    except SQLAlchemyError as exc:
        return _fail(f"cannot read the database {db.url.render_as_string(hide_password=True)} "
                     f"({exc.__class__.__name__}); check DATABASE_URL and that the database is running")
    finally:
        db.dispose()
    sys.stdout.write(_json(rules, answers, args.since) if args.format == "json" else _text(rules, answers, args.since))
    return EXIT_OK


def _fail(message: str) -> int:
    print(f"tender-coach: {message}", file=sys.stderr)
    return EXIT_FAILURE


def _json(rules, answers, days: int | None) -> str:
    import json

    from prompts.inert import inert_data

    empty = {"answers": 0, "covered": 0, "helpful": 0, "not_helpful": 0}
    document = {
        "since_days": days,
        "rules": [r.to_dict() for r in rules],
        "answers": answers.to_dict() if answers else empty,
    }
    return json.dumps(inert_data(document), indent=2, ensure_ascii=False) + "\n"  # reasons are anyone's words


def _text(rules, answers, days: int | None) -> str:
    from prompts.inert import inert

    dismissed_any = any(r.dismissed for r in rules)
    rated = answers is not None and (answers.helpful or answers.not_helpful)
    period = f"in the last {days} days" if days else "so far"
    if not dismissed_any and not rated:
        shown = sum(r.shown for r in rules)
        asked = answers.answers if answers else 0
        return f"{NO_FEEDBACK}\n({shown} findings shown and {asked} questions answered {period}.)\n"

    lines = [f"Findings shown, and dismissed as not applicable, {period}:"]
    if not dismissed_any:
        lines.append("  none")
    else:
        width = max(len(r.rule) for r in rules)
        lines.append(f"  {'rule':<{width}}  {'shown':>5}  {'dismissed':>9}  {'rate':>5}")
        for r in rules:
            rate = "-" if r.rate is None else f"{r.rate:.0%}"
            lines.append(f"  {r.rule:<{width}}  {r.shown:>5}  {r.dismissed:>9}  {rate:>5}")
            for reason, count in r.reasons:
                # typed by anyone in Slack: no escape sequences reach the terminal, and one line each
                lines.append(f"      {count} x {' '.join(inert(reason, 'text').split())}")
    lines.append("")
    if answers is None or not answers.answers:
        lines.append(f"Answers: none {period}.")
    else:
        lines.append(f"Answers: {answers.answers} ({answers.covered} found guidance); "
                     f"rated helpful {answers.helpful}, not helpful {answers.not_helpful}.")
    return "\n".join(lines) + "\n"
