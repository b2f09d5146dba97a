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
    if os.environ.get("TENDER_COACH_LLM_URL"):
        from prompts.llm import LLMClient, polish_report

        report = polish_report(report, LLMClient.from_env())
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    source = "standard input" if args.path == "-" else args.path
    sys.stdout.write(render_report(report, args.format, source=source, color=color and args.format == "text"))
    return EXIT_FINDINGS if report.has_errors else EXIT_OK


def _add_ask(sub) -> None:
    p = sub.add_parser(
        "ask",
        help="answer a question from the commissioning guidance, with sources",
        description=(
            "Answer a question from the built-in guidance (and your own indexed documents): a short answer "
            "made of sentences quoted from the best passages, and those passages with their sources. "
            "Exit code 0: answered (or nothing relevant found); 2: bad input or a failure."
        ),
    )
    p.add_argument("question", nargs="?", metavar="QUESTION", help="the question, in quotes; '-' reads it from standard input")
    p.add_argument("--k", type=int, default=3, metavar="N", help="how many passages to return, 1-20 (default: 3)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--topic", metavar="TOPIC", help="only guidance on this topic, e.g. homecare, social-value, award-criteria")
    p.add_argument("--phase", metavar="PHASE", help="only guidance for this phase: insight, planning, delivery or general")
    p.set_defaults(run=_run_ask)


def _run_ask(args) -> int:
    import json
    import re

    from knowledge.answer import MAX_QUESTION_CHARS, answer, check_request

    question = args.question
    if question == "-":
        question = sys.stdin.read() if sys.stdin is not None else ""
    if question is None:
        raise _usage('ask a question in quotes: tender-coach ask "How should we weight price against quality?"')
    check_request(question, args.k, args.topic, args.phase)
    _prepare_index()
    result = answer(question, k=args.k, topic=args.topic, phase=args.phase)
    note = (f"Your question is longer than {MAX_QUESTION_CHARS:,} characters; "
            f"only the first {MAX_QUESTION_CHARS:,} were used.")
    if args.format == "json":
        if result.truncated:
            print(f"tender-coach: {note}", file=sys.stderr)
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    lines = [f"Note: {note}", ""] if result.truncated else []
    lines.append(re.sub(r"\*\*(.+?)\*\*|\*(\S.*?)\*", lambda m: m.group(1) or m.group(2), result.answer))
    if result.passages:
        lines += ["", "Sources:"]
        for n, hit in enumerate(result.passages, 1):
            lines.append(f"  {n}. {hit.title} ({hit.source}) [{hit.passage_id}, score {hit.score:.2f}]")
            lines.append(f"     {hit.url}")
    print("\n".join(lines))
    return EXIT_OK


def _prepare_index() -> None:
    """Build or update the built-in index before answering, with a bar: the first use takes a while."""
    from knowledge.indexing import ensure_guidance

    bar = _ProgressBar(sys.stderr)

    def progress(fraction: float) -> None:
        if bar.shown < 0:
            bar.start("updating the built-in guidance index")
        bar.update(fraction)

    ensure_guidance(on_progress=progress)
    bar.finish()


def _add_index(sub) -> None:
    p = sub.add_parser(
        "index",
        help="add your own policies and past tenders to what `ask` searches; list or remove them",
        description=(
            "Index your own documents (.md, .txt, .docx, .pdf, or folders of them) so that `ask` can quote them "
            "as 'your documents'. Re-indexing an unchanged file does no work; a changed file is updated and a "
            "deleted file is dropped. Exit code 0: all indexed; 2: a file could not be indexed, or a failure."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to index")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--list", action="store_true", help="list your indexed documents")
    group.add_argument("--remove", metavar="PATH_OR_ID", help="remove one of your documents (by path or by the id --list shows)")
    group.add_argument("--rebuild", action="store_true", help="rebuild the built-in guidance index from scratch")
    p.set_defaults(run=_run_index)


def _run_index(args) -> int:
    from knowledge import indexing

    if (args.list or args.remove or args.rebuild) and args.paths:
        raise _usage("give either paths to index or one of --list, --remove, --rebuild, not both")
    if args.list:
        docs = indexing.list_documents()
        if not docs:
            print("No documents of your own are indexed yet. Add some with: tender-coach index PATH...")
        for doc in docs:
            print(f"{doc.doc_id}  {doc.chunks} chunks  indexed {doc.indexed_at}  {doc.title}\n    {doc.path}")
        return EXIT_OK
    if args.remove:
        doc = indexing.remove_document(args.remove)
        print(f"Removed {doc.title} ({doc.doc_id}, {doc.chunks} chunks).")
        return EXIT_OK
    bar = _ProgressBar(sys.stderr)
    if args.rebuild:
        bar.start("built-in guidance")
        stats = indexing.rebuild_guidance(on_progress=bar.update)
        bar.finish()
        print(f"Rebuilt the built-in guidance index: {stats.embedded} chunks embedded.")
        return EXIT_OK
    if not args.paths:
        raise _usage("give files or folders to index, or use --list, --remove or --rebuild (see --help)")

    def done(result) -> None:
        bar.finish()
        if result.ok:
            s = result.stats
            print(f"  indexed {result.path}: {s.embedded} chunks embedded, {s.updated + s.unchanged} unchanged"
                  + (f", {s.removed} removed" if s.removed else ""), file=sys.stderr)
        else:
            print(f"  failed  {result.error}", file=sys.stderr)

    results, pruned = indexing.index_documents(
        args.paths, on_file=lambda path: bar.start(path.name), on_progress=bar.update, on_done=done,
    )
    for doc in pruned:
        print(f"  removed {doc.title} ({doc.doc_id}): its file {doc.path} no longer exists", file=sys.stderr)
    failed = [r for r in results if not r.ok]
    if not results:
        raise _usage("no .md, .txt, .docx or .pdf files found in " + ", ".join(args.paths))
    chunks = sum(r.stats.embedded + r.stats.updated + r.stats.unchanged for r in results if r.ok)
    print(f"Indexed {len(results) - len(failed)} of {len(results)} files ({chunks:,} chunks)"
          + (f"; {len(failed)} failed." if failed else "."))
    return EXIT_FAILURE if failed else EXIT_OK


class _ProgressBar:
    """A one-line text bar, redrawn in place on a terminal; silent when stderr is a file or pipe."""

    WIDTH = 30

    def __init__(self, stream) -> None:
        self.stream = stream
        self.live = bool(getattr(stream, "isatty", lambda: False)())
        self.label = ""
        self.shown = -1

    def start(self, label: str) -> None:
        self.label, self.shown = label, -1
        self.update(0.0)

    def update(self, fraction: float) -> None:
        percent = int(max(0.0, min(fraction, 1.0)) * 100)
        if not self.live or percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        self.stream.write(f"\r  [{'#' * filled}{'-' * (self.WIDTH - filled)}] {percent:3d}%  {self.label[:40]}")
        self.stream.flush()

    def finish(self) -> None:
        if self.live and self.shown >= 0:
            self.stream.write("\r\033[K")
            self.stream.flush()
        self.shown = -1


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
    _add_ask(sub)
    _add_index(sub)
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
