"""Every template renders with a minimal context, and a missing value is an error, never a blank."""

import pytest
from jinja2 import UndefinedError

from prompts.render import render, template_names
from prompts.reports import render_report, score_context
from scoring import review
from scoring.report import Score

OUTCOMES = [{"change": "report better mental wellbeing", "measure": "SWEMWBS", "when": "at entry and after six months"}]
SCORE = score_context(Score())
COUNTS = {"error": 1, "warning": 0, "suggestion": 2}
CHECKLIST = {"assessable": 3, "met": 1, "partial": 1, "missing": 1}
# The Slack words; values that come from people arrive escaped (bot/slack/blocks.py does that).
SLACK = {
    "labels": {},
    "help": {"command": "/tender", "shortcut": "Review with Tender Coach", "retention_days": 90},
    "home_intro": {"command": "/tender", "shortcut": "Review with Tender Coach"},
    "home_recent": {"command": "/tender", "rows": []},
    "home_trends": {"channels": [{"where": "<#C1>", "since": "2026-W10", "reviews": 3, "weeks": [{"average": 40}]}]},
    "review_header": {"score": {"value": 37, "assessable": 11, "total": 11}},
    "review_summary": {"checklist": CHECKLIST, "counts": COUNTS, "missing": ["Quality comes first"], "source": None,
                       "total": 3},
    "review_fallback": {"counts": COUNTS, "header": "Checklist score: 37/100", "source": "spec.docx", "total": 3},
    "counts": {"counts": COUNTS},
    "finding": {"category": "output-only", "level": "error", "line": 4, "links": ["<https://x.org|Guide>"],
                "message": "Counts activity.", "number": 1, "quote": ">200 sessions", "rewrite": None, "see_line": None,
                "no_rewrite": None, "why": "Because."},
    "review_more": {"hidden": 7},
    "shared_by": {"who": "<@U1>"},
    "answer_sources": {"sources": [{"link": "<https://x.org|Guide>", "source": "NEF"}]},
    "answer_truncated": {"limit": 2000},
    "answer_generated": {},
    "notices/dismissed": {},
    "notices/empty": {"command": "/tender"},
    "notices/error": {"reference": "req-1"},
    "notices/feedback_thanks": {"helpful": True},
    "notices/rate_limited": {"seconds": 60},
    "notices/review_gone": {"days": 90},
    "notices/shared": {},
    "notices/too_long": {"limit": 40000},
    "notices/unsupported_file": {"formats": ".txt, .md, .docx and .pdf"},
    "digest_header": {"period": "16–22 Nov 2026"},
    "digest": {"reviews": 12, "people": 5, "average": 54.3, "change": 6.0, "first_scored_week": False,
               "weak_items": [{"title": "Outcomes are stated as change for people", "missing": 3, "partial": 1}],
               "categories": [{"name": "output-only", "count": 9, "example": "200 sessions",
                               "link": "<https://x.org|Guide>"}],
               "improvement": {"before": 32, "after": 71},
               "tip": {"text": "Write the outcomes first.", "link": "<https://x.org|Guide>", "source": "NEF"}},
    "digest_footer": {"since": "Mon 16 Nov", "until": "Sun 22 Nov", "tz": "Europe/London"},
    "digest_quiet": {"period": "16–22 Nov 2026", "tip": None},
    "digest_fallback": {"period": "16–22 Nov 2026", "reviews": 12, "people": 5, "average": 54.3},
    "digest_chart": {"weeks": 8, "last_day": "22 Nov 2026"},
}
MINIMAL = {
    "report.txt.j2": {"source": "s", "findings": [], "counts": {"error": 0, "warning": 0, "suggestion": 0}, "score": SCORE},
    "report.md.j2": {"source": "s", "findings": [], "counts": {"error": 0, "warning": 0, "suggestion": 0}, "score": SCORE},
    "rewrites/output-to-outcome.j2": {"beneficiaries": "carers", "quoted": "40 sessions", "outcomes": OUTCOMES},
    "rewrites/payment-to-outcome.j2": {"beneficiaries": "carers", "quoted": "£5 per visit", "outcomes": OUTCOMES},
    "rewrites/homecare-outcomes.j2": {"beneficiaries": "people supported at home", "quoted": None, "outcomes": OUTCOMES,
                                      "nice": True, "rate": None, "care": True},
    "rewrites/award-quality-first.j2": {"quality": 60, "social": 10, "price": 30, "price_term": "Price"},
    "rewrites/award-in-place.j2": {"part": "phrase", "noun": "bidder", "person": True, "quality": 60, "social": 10,
                                   "price": 30, "price_term": "Price"},
    "rewrites/cell-outcome.j2": {"beneficiaries": "young people", "outcome": OUTCOMES[0]},
    "rewrites/cell-indicator.j2": {"beneficiaries": "young people", "outcome": OUTCOMES[0]},
    "rewrites/cell-measure.j2": {"outcome": OUTCOMES[0]},
    "rewrites/cell-target.j2": {},
    "rewrites/cell-payment.j2": {"beneficiaries": "young people", "outcome": OUTCOMES[0]},
    "answer.txt.j2": {"answer": "Quoted sentences.", "passages": [], "note": None, "generated": False},
    "llm/polish-rewrite.system.j2": {},
    "llm/polish-rewrite.user.j2": {"original": "200 sessions", "rewrite": "Young people ..."},
    "llm/answer.system.j2": {"max_sentences": 4},
    "llm/answer.user.j2": {"question": "What weighting?", "passages": [{"title": "Weighting", "text": "At least 10%."}]},
    **{f"slack/{name}.j2": context for name, context in SLACK.items()},
}


def test_every_template_has_a_minimal_context_here():
    assert set(template_names()) <= set(MINIMAL), set(template_names()) - set(MINIMAL)


@pytest.mark.parametrize("name", sorted(MINIMAL))
def test_renders_with_a_minimal_context(name):
    assert render(name, **MINIMAL[name]).strip()


@pytest.mark.parametrize("name", sorted(n for n in MINIMAL if MINIMAL[n]))
def test_a_missing_variable_raises(name):
    context = dict(MINIMAL[name])
    context.pop("source" if name.startswith("report") else "answer" if name.startswith("answer") else sorted(context)[0])
    with pytest.raises(UndefinedError):
        render(name, **context)


def test_text_report_shows_score_bar_checklist_and_rewrite_beside_the_original():
    out = render_report(review("The provider will deliver 200 youth sessions per year."), "text")
    assert "Checklist score: 0/100  [░░░░░░░░░░░░░░░░░░░░]  (3 of 11 items assessable)" in out
    assert "✗ missing  Outcomes are stated as change for people" in out
    original, rewrite = out.index("The provider will deliver 200"), out.index("Try instead:")
    assert original < rewrite


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_suggestion_shared_by_two_findings_on_one_line_is_pointed_to_as_the_other_one(fmt):
    """The finding without its own rewrite points to the one that has it, not to "line 1" when that is its own line."""
    out = render_report(review("Award criteria: price 70%, quality 30%, with no marks for social value."), fmt)
    assert "the suggestion for the other finding on this line, which covers this one too." in out
    assert "the suggestion at line 1," not in out


@pytest.mark.parametrize("fmt, said", [("text", "    No rewrite: this line reports"), ("markdown", "*No rewrite:* this line reports")])
def test_a_finding_without_a_rewrite_because_it_is_told_says_so(fmt, said):
    out = render_report(review("We are hearing that some branches now expect advisers to open 12 new cases a week."), fmt)
    assert said in out and "Try instead" not in out


def test_markdown_report_has_the_checklist_table():
    out = render_report(review("Evaluation: Price 70% / Quality 30%"), "markdown")
    assert "| ✗ | Quality comes before cost in the award | missing |" in out
    assert "*Try instead:* Evaluation: Price 30% / Quality 70%." in out  # its own weights, changed where they stand


def test_every_slack_label_is_a_key_and_some_words():
    from prompts.slack import _labels
    labels = _labels()
    assert len(labels) >= 15 and all(labels.values())


@pytest.mark.parametrize("damage", ["unwritable", "corrupt"])
def test_compiled_templates_cache_never_breaks_a_report(tmp_path, monkeypatch, damage):
    """Compiled templates are kept in the cache folder (jinja2's bytecode, and the code the report and
    rewrite templates run from without jinja2); a folder that cannot be written (a file in its way) or
    damaged cache files only mean compiling afresh, with the same report."""
    from knowledge import diskcache
    from prompts import render as render_module

    def fresh() -> None:  # as a new process would start: nothing compiled in memory
        render_module.environment.cache_clear()
        render_module._compiled_root.cache_clear()
        diskcache.forget()

    draft = "The provider will deliver 200 youth sessions per year."
    expected = render_report(review(draft))
    data = tmp_path / "data"
    if damage == "unwritable":
        data.mkdir()
        (data / "cache").write_text("a file where the cache folder would be")
    else:
        monkeypatch.setenv("TENDER_COACH_DATA", str(data))
        fresh()
        render_report(review(draft))
        diskcache.save()
        damaged = [p for p in (data / "cache").rglob("*") if p.is_file()]
        assert damaged
        for cached in damaged:
            cached.write_bytes(b"\x00garbage")
    monkeypatch.setenv("TENDER_COACH_DATA", str(data))
    fresh()
    try:
        assert render_report(review(draft)) == expected
    finally:
        monkeypatch.undo()
        fresh()
