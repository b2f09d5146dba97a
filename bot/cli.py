"""The `tender-coach` command: one place that builds the parser and translates errors.

Each subcommand imports only what it needs, so a rules-only review never loads torch,
sentence-transformers or chromadb."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from bot.commands import ask, digest, feedback, index, review, serve
from bot.errors import EXIT_FAILURE, UsageError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tender-coach",
        description="Tender Coach: outcome-focused tender drafting help, from the terminal or Slack.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for command in (review, ask, index, serve, digest, feedback):
        command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged PDF gets our message, not pypdf's
    parser = build_parser()
    args = parser.parse_args(argv)
    from scoring.errors import TenderCoachError

    try:
        return args.run(args)
    except (TenderCoachError, UsageError) as exc:
        print(f"tender-coach: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("tender-coach: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except Exception as exc:  # the edge: never a traceback for a user
        if os.environ.get("TENDER_COACH_DEBUG"):
            raise
        print(
            f"tender-coach: something went wrong ({exc.__class__.__name__}). "
            "Set TENDER_COACH_DEBUG=1 to see details, and report it if it keeps happening.",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
