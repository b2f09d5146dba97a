"""tender-coach review: check a draft tender."""

from __future__ import annotations

import argparse
import os
import sys

from bot.errors import EXIT_FINDINGS, EXIT_OK, UsageError


def _shipped_thresholds() -> str:
    """The learned check's thresholds as shipped, for --help ("output-only at 0.95, cost-first at 0.85")."""
    from scoring.learned_thresholds import ADD_THRESHOLDS, CATEGORIES  # a small module: no model, no rules

    return ", ".join(f"{c} {'off' if ADD_THRESHOLDS.get(c) is None else f'at {ADD_THRESHOLDS[c]:.2f}'}" for c in CATEGORIES)


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
    p.add_argument("--learned", action=argparse.BooleanOptionalAction, default=True,
                   help="the learned check's suggestions where no rule fired, each category at its chosen threshold "
                        f"(default: on; as shipped {_shipped_thresholds()}; --no-learned shows the rules' findings only)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and categories, then exit")
    p.set_defaults(run=run)


_freeze_at_exit = False


def run(args) -> int:
    global _freeze_at_exit
    import atexit
    import gc

    # The modules a review loads (jinja2's lexer, tomllib, the report's escaping) compile fixed
    # patterns with `re` as they import; in the command line their programs come from the disk
    # cache instead. Only here: importing the library changes nothing in `re` for other callers.
    # (bot/cli.py seeds first when it can tell a review is starting, before argparse compiles its own.)
    from scoring._cache import compiled_before as _compiled_before, seed_stdlib

    seed_stdlib()
    compiled_before = _compiled_before()  # see scoring/_cache.py: record_stdlib

    # Importing the checker and loading its rules makes tens of thousands of objects that live
    # until the process ends: the garbage collector, run every 700 new ones, found nothing to free
    # and cost a one-page review about 3 ms. So it waits until they are loaded, and then leaves
    # them out of its passes (freeze) while the draft is reviewed.
    enabled = gc.isenabled()
    gc.disable()
    try:
        import knowledge.readers  # noqa: F401  (what _run uses, imported while the collector waits)
        import prompts.reports  # noqa: F401
        from scoring.rules import load_rules

        rules = load_rules()
        if not args.list_rules:  # the report's and the rewrites' templates (jinja2 only if one changed), while the collector waits
            from prompts.render import prepare
            from scoring.checklist import load_checklist

            prepare()
            # The checklist's patterns, before the first clause is read: they add to what the rules' gates look
            # for in every text (scoring/patterns.py), which is then found in one pass, not two.
            load_checklist()
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
    if not _freeze_at_exit:
        # As it exits, the interpreter collects once more and takes apart every module's cycles
        # (about 10 ms of a one-page review's 110): memory the ending process gives back anyway.
        # Output is flushed and the caches written (atexit, with-blocks) all the same.
        atexit.register(gc.freeze)
        _freeze_at_exit = True
    try:
        return _run(args, rules, compiled_before)
    finally:
        gc.unfreeze()


def _run(args, rules, compiled_before: set) -> int:
    from prompts.reports import render_report
    from scoring import review
    from scoring._cache import record_stdlib
    from scoring.config import load_config
    from knowledge.readers import read_document
    from scoring.rules import CATEGORIES

    if args.list_rules:
        for name, meaning in CATEGORIES.items():
            print(f"{name}: {meaning}")
            for rule in (r for r in rules if r.category == name):
                print(f"  {rule.id}  [{rule.level}]")
        return EXIT_OK
    known = {r.id for r in rules} | set(CATEGORIES)
    config = load_config(args.config or None, known)
    if args.path == "-" and sys.stdin is not None and sys.stdin.isatty():
        raise UsageError("give a file to review, or pipe text in: tender-coach review draft.docx")
    text = read_document(args.path)
    report = review(text, config=config, learned=args.learned)
    if os.environ.get("TENDER_COACH_LLM_URL"):
        from prompts.llm import LLMClient, polish_report

        report = polish_report(report, LLMClient.from_env())
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    source = "standard input" if args.path == "-" else args.path
    sys.stdout.write(render_report(report, args.format, source=source, color=color and args.format == "text"))
    record_stdlib(compiled_before)  # the patterns `re` compiled for this review, for the next one
    return EXIT_FINDINGS if report.has_errors else EXIT_OK
