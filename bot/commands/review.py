"""tender-coach review: check a draft tender."""

from __future__ import annotations

import os
import sys

from bot.errors import EXIT_FINDINGS, EXIT_OK, UsageError


def add_parser(sub) -> None:
    p = sub.add_parser(
        "review",
        help="check a draft tender for output-only targets, cost-first criteria and more",
        description=(
            "Review a draft tender (.txt, .md, .docx, .pdf, or '-' for standard input). "
            "Exit code 0: no error-level finding; 1: error-level findings; 2: bad input or a failure."
        ),
    )
    p.add_argument(
        "path", nargs="?", default="-", metavar="PATH", help="file to review, or '-' for standard input (default)"
    )
    p.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="output format (default: text)"
    )
    p.add_argument(
        "--config",
        metavar="FILE",
        help="settings file (default: nearest .tender-coach.toml or [tool.tender-coach] in pyproject.toml)",
    )
    p.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour in text output (default: auto)"
    )
    p.add_argument("--list-rules", action="store_true", help="list the rules and categories, then exit")
    p.set_defaults(run=run)


def run(args) -> int:
    from pathlib import Path

    from prompts.reports import render_report
    from scoring import review
    from scoring.config import load_config
    from knowledge.readers import read_document
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
        raise UsageError("give a file to review, or pipe text in: tender-coach review draft.docx")
    text = read_document(args.path)
    report = review(text, config=config)
    if os.environ.get("TENDER_COACH_LLM_URL"):
        from prompts.llm import LLMClient, polish_report

        report = polish_report(report, LLMClient.from_env())
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    source = "standard input" if args.path == "-" else args.path
    sys.stdout.write(render_report(report, args.format, source=source, color=color and args.format == "text"))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK
