"""The `tender-coach` command. Each subcommand imports only what it needs, so a
rules-only review never loads torch, sentence-transformers or chromadb."""

from __future__ import annotations

import argparse
import logging
import os
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_FAILURE = 0, 1, 2


def _add_review(sub) -> None:
    p = sub.add_parser(
        "review",
        help="check a draft tender for output-only targets, cost-first criteria and more",
        description=(
            "Review a draft tender (.txt, .md, .docx, .pdf, or '-' for standard input). "
            "Exit code 0: no error-level finding; 1: error-level findings; 2: bad input or a failure."
        ),
    )
    p.add_argument("path", nargs="?", default="-", metavar="PATH", help="file to review, or '-' for standard input (default)")
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)")
    p.add_argument("--config", metavar="FILE", help="settings file (default: nearest .tender-coach.toml or [tool.tender-coach] in pyproject.toml)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour in text output (default: auto)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and categories, then exit")
    p.set_defaults(run=_run_review)


def _run_review(args) -> int:
    from pathlib import Path

    from prompts.reports import render_report
    from scoring import review
    from scoring.config import load_config
    from scoring.readers import read_document
    from scoring.rules import CATEGORIES, load_rules

    rules = load_rules()
    if args.list_rules:
        for name, meaning in CATEGORIES.items():
            print(f"{name}: {meaning}")
            for rule in (r for r in rules if r.category == name):
                print(f"  {rule.id}  [{rule.level}]")
        return EXIT_OK
    known = {r.id for r in rules} | set(CATEGORIES)
    config = load_config(Path(args.config) if args.config else None, known)
    if args.path == "-" and sys.stdin is not None and sys.stdin.isatty():
        raise _usage("give a file to review, or pipe text in: tender-coach review draft.docx")
    text = read_document(args.path)
    report = review(text, config=config)
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    source = "standard input" if args.path == "-" else args.path
    sys.stdout.write(render_report(report, args.format, source=source, color=color and args.format == "text"))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


class _UsageError(Exception):
    pass


def _usage(message: str) -> _UsageError:
    return _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tender-coach",
        description="Tender Coach: outcome-focused tender drafting help, from the terminal or Slack.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_review(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged PDF gets our message, not pypdf's
    parser = build_parser()
    args = parser.parse_args(argv)
    from scoring.errors import TenderCoachError

    try:
        return args.run(args)
    except (TenderCoachError, _UsageError) as exc:
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
