"""tender-coach ask: answer a question from the guidance, with sources."""

from __future__ import annotations

import os
import sys

from bot.errors import EXIT_OK, UsageError
from bot.progress import ProgressBar


def add_parser(sub) -> None:
    p = sub.add_parser(
        "ask",
        help="answer a question from the commissioning guidance, with sources",
        description=(
            "Answer a question from the built-in guidance (and your own indexed documents): a short answer "
            "made of sentences quoted from the best passages, and those passages with their sources. "
            "Exit code 0: answered (or nothing relevant found); 2: bad input or a failure."
        ),
    )
    p.add_argument(
        "question", nargs="?", metavar="QUESTION", help="the question, in quotes; '-' reads it from standard input"
    )
    p.add_argument("--k", type=int, default=3, metavar="N", help="how many passages to return, 1-20 (default: 3)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument(
        "--topic", metavar="TOPIC", help="only guidance on this topic, e.g. homecare, social-value, award-criteria"
    )
    p.add_argument(
        "--phase", metavar="PHASE", help="only guidance for this phase: insight, planning, delivery or general"
    )
    p.set_defaults(run=run)


def run(args) -> int:
    import json

    from knowledge.answer import MAX_QUESTION_CHARS, answer, check_request
    from prompts.answers import render_answer
    from prompts.inert import inert_data

    question = args.question
    if question == "-":
        question = sys.stdin.read() if sys.stdin is not None else ""
    if question is None:
        raise UsageError('ask a question in quotes: tender-coach ask "How should we weight price against quality?"')
    check_request(question, args.k, args.topic, args.phase)
    llm = _llm_client()  # a bad setting is reported before any index work
    _prepare_index()
    result = answer(question, k=args.k, topic=args.topic, phase=args.phase)
    if llm is not None:
        from prompts.generated_answer import generate

        result = generate(result, llm)
    note = (
        f"Your question is longer than {MAX_QUESTION_CHARS:,} characters; "
        f"only the first {MAX_QUESTION_CHARS:,} were used."
    )
    if args.format == "json":
        if result.truncated:
            print(f"tender-coach: {note}", file=sys.stderr)
        # Passages from your own documents are untrusted: no control characters reach `jq -r`.
        print(json.dumps(inert_data(result.to_dict()), ensure_ascii=False, indent=2))
        return EXIT_OK
    sys.stdout.write(render_answer(result, note if result.truncated else None))
    return EXIT_OK


def _llm_client():
    """The optional model that may write the answer from the passages (TENDER_COACH_LLM_URL), or None."""
    if not os.environ.get("TENDER_COACH_LLM_URL", "").strip():
        return None
    from prompts.llm import LLMClient

    return LLMClient.from_env()


def _prepare_index() -> None:
    """Build or update the built-in index before answering, with a bar: the first use takes a while."""
    from knowledge.indexing import ensure_guidance

    bar = ProgressBar(sys.stderr)

    def progress(fraction: float) -> None:
        if bar.shown < 0:
            bar.start("updating the built-in guidance index")
        bar.update(fraction)

    ensure_guidance(on_progress=progress)
    bar.finish()
