"""The `tender-coach` command: one place that builds the parser and translates errors.

Each subcommand imports only what it needs, so a rules-only review never loads torch,
sentence-transformers or chromadb."""

from __future__ import annotations

import sys

if sys.argv[1:2] == ["review"]:
    # A review puts the programs of the patterns `re` compiled last time into its cache before anything compiles one,
    # argparse's own and the checker's modules' included (scoring/_cache.py); bot/commands/review.py does it otherwise.
    from scoring._cache import seed_stdlib

    seed_stdlib()

import argparse  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402

from bot.errors import EXIT_FAILURE, UsageError

# In the order `tender-coach --help` lists them; each is a module in bot/commands.
COMMANDS = ("review", "ask", "index", "serve", "digest", "feedback")


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, at the width it would choose, without importing `shutil` (and with
    it bz2 and lzma) for every run: argparse makes a formatter for each argument it declares."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        if width is None:
            width = _columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width)


def _columns() -> int:
    """The terminal's width as `shutil.get_terminal_size` finds it: $COLUMNS, then standard output's, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help uses _Formatter; subcommands' parsers are made of this class too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; with `only`, just that subcommand's (all a run of it can parse, and its
    --help and errors read the same), so a one-page review does not build and import the other five."""
    parser = _Parser(
        prog="tender-coach",
        description="Tender Coach: outcome-focused tender drafting help, from the terminal or Slack.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        if only is None or name == only:
            importlib.import_module(f"bot.commands.{name}").add_parser(sub)
    return parser


def _may_read_pdf(args) -> bool:
    """Whether this run may open a PDF. A review reads one only from a .pdf path or from input
    without a suffix (standard input, /dev/fd/N) that starts like a PDF (knowledge/readers.py)."""
    if args.command != "review":
        return True
    from knowledge.readers import file_suffix

    return file_suffix(args.path).lower() in ("", ".pdf")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv[0] if argv and argv[0] in COMMANDS else None)
    args = parser.parse_args(argv)
    if _may_read_pdf(args):  # importing logging costs about 4 ms: only when pypdf may run
        import logging

        logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged PDF gets our message, not pypdf's
    # The base of scoring's errors, from where it lives: importing scoring is the subcommand's business.
    from knowledge.errors import TenderCoachError

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
