"""tender-coach digest run: post the weekly digests that are due, for cron or a Kubernetes CronJob.

Safe beside a running `serve` on the same data folder: the ledger in the database decides who
posts, and nothing here opens the embedded vector store that `serve` holds."""

from __future__ import annotations

import sys

from bot.errors import EXIT_FAILURE, EXIT_OK


def add_parser(sub) -> None:
    p = sub.add_parser(
        "digest",
        help="post the weekly checklist digests that are due (for cron)",
        description=(
            "Weekly checklist digests for the channels that turned them on with /tender digest on. "
            "`digest run` posts each channel's digest once its day and time have come in its time zone, "
            "once per week however often it runs and whatever else runs beside it. "
            "Exit code 0: done (or nothing due); 2: a digest could not be posted (it is retried next run)."
        ),
    )
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    run = actions.add_parser("run", help="post the digests that are due now",
                             description="Post the weekly digests that are due now.")
    run.add_argument("--now", action="store_true",
                     help="post this week's digest for every opted-in channel now, even before its scheduled time")
    run.add_argument("--dry-run", action="store_true", help="print what would be posted; post and record nothing")
    run.add_argument("--channel", metavar="C", help="only this channel id (e.g. C0123ABCD)")
    run.set_defaults(run=run_command)


def run_command(args) -> int:
    from bot.digest.run import run_due
    from bot.slack.app import clients
    from bot.slack.settings import Settings
    from bot.store import Database

    db = Database.from_env()
    db.migrate()
    client_for = (lambda team: None) if args.dry_run else clients(Settings.from_env(worker=True), db)
    outcomes = run_due(db, client_for, channel=args.channel, force=args.now, dry_run=args.dry_run)
    for o in outcomes:
        print(f"{o.team_id}/{o.channel_id} {o.week}: {o.action}")
        if o.text:
            print("    " + o.text.replace("\n", "\n    "))
    if not outcomes:
        print("No digest is due." + ("" if args.channel is None else f" (channel {args.channel})"))
    if any(o.action == "failed" for o in outcomes):
        print("tender-coach: some digests could not be posted; they will be retried on the next run", file=sys.stderr)
        return EXIT_FAILURE
    return EXIT_OK
