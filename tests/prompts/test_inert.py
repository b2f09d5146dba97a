"""Hostile text in a draft (or a council's own document) stays inert wherever it is shown.

Each case of tests/data/hostile_text.yaml sits in the middle of a clause that raises a finding,
so it reaches the quoted snippet and the rewrite. Every output format is checked: terminal text
(colour on and off), Markdown (rendered by a CommonMark parser, as a viewer would), JSON, and
the Slack messages built by the real Block Kit builders. Nothing from the draft may act, and
the words it carried must still be readable."""

from __future__ import annotations

import html
import json
import re
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bot.digest.compute import Digest, TopCategory
from bot.slack.blocks import answer_message, digest_message, review_message
from knowledge.answer import Answer
from knowledge.retrieve import Hit
from prompts.answers import render_answer
from prompts.inert import FORMATS, inert, inert_data, strip_controls
from prompts.reports import render_report
from scoring import review
from tests.slack.slack_limits import strings

CASES = yaml.safe_load((Path(__file__).parents[1] / "data" / "hostile_text.yaml").read_text(encoding="utf-8"))
IDS = [case["id"] for case in CASES]
CLAUSE = "The provider will deliver 500 sessions per year to {} young people."
SOURCE = "draft {}.txt"  # a file name is the sender's choice too
ALWAYS_SEEN = ("500 sessions per year", "young people")

# What can drive a terminal or disguise text: C0 but tab and newline, DEL, C1, bidi controls,
# zero-width and invisible characters, Unicode tags.
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u200c\u2060-\u2064\ufeff"
                    "\U000E0000-\U000E007F]")
OUR_COLOUR = re.compile(r"\x1b\[[0-9;]*m")
SLACK_ANGLE = re.compile(r"<([^<>]*)>")
BROADCAST = re.compile(r"(?<![\w])@(channel|here|everyone)\b", re.IGNORECASE)


def hostile_review(case):
    report = review(CLAUSE.format(case["payload"]))
    assert report.findings, "the clause must raise a finding, or the payload never reaches an output"
    return report


def visible(case) -> tuple[str, ...]:
    return (*ALWAYS_SEEN, *case.get("visible", ()))


def assert_inactive(text: str) -> None:
    found = ACTIVE.search(text)
    assert found is None, f"{found.group()!r} survived at {found.start()}: {text[max(0, found.start() - 40):][:80]!r}"
    # A joiner is only kept between two non-ASCII characters (emoji, some scripts).
    assert not re.search(r"[\x00-\x7f]\u200d|\u200d[\x00-\x7f]", text)


def guidance_urls(report) -> set[str]:
    return {g["url"] for f in report.findings for g in f.guidance}


# ---- terminal ------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_terminal_text_without_colour_is_inert_and_readable(case):
    report = hostile_review(case)
    out = render_report(report, "text", source=SOURCE.format(case["payload"]), color=False)
    assert "\x1b" not in out
    assert_inactive(out)
    for words in visible(case):
        assert words in out
    # The carets still sit under the flagged words once the invisible characters are gone.
    lines = out.splitlines()
    carets = next(i for i, line in enumerate(lines) if line.strip() and set(line.strip()) == {"^"})
    start = lines[carets].index("^")
    assert lines[carets - 1][start:len(lines[carets])] == report.findings[0].match


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_terminal_text_with_colour_has_only_our_own_escape_codes(case):
    report = hostile_review(case)
    out = render_report(report, "text", source=SOURCE.format(case["payload"]), color=True)
    # Ours: the level and the marked words, each switched on and reset.
    assert out.count("\x1b") == 4 * len(report.findings)
    plain = OUR_COLOUR.sub("", out)
    assert_inactive(plain)
    for words in visible(case):
        assert words in plain


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_terminal_answer_from_own_documents_is_inert(case):
    out = render_answer(own_documents_answer(case))
    assert_inactive(out)
    for words in visible(case):
        assert words in out


# ---- Markdown ------------------------------------------------------------------------------

class _Html(HTMLParser):
    """The tags, link targets and text a Markdown viewer would show."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted((k, v) for k, v in attrs if k in ("href", "src")))))

    def handle_data(self, data):
        self.text.append(data)


def viewed(markdown: str) -> _Html:
    from markdown_it import MarkdownIt  # a CommonMark parser, raw HTML allowed as in most viewers

    parser = _Html()
    parser.feed(MarkdownIt("commonmark").render(markdown))
    return parser


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_markdown_report_shows_the_payload_as_words_only(case):
    report = hostile_review(case)
    out = render_report(report, "markdown", source=SOURCE.format(case["payload"]))
    assert_inactive(out)
    shown = viewed(out)
    # The same markup as the report of the clause without the payload: no tag, link, image or
    # emphasis came from the draft.
    clean = viewed(render_report(review(CLAUSE.format("")), "markdown", source=SOURCE.format("")))
    assert shown.tags == clean.tags
    text = "".join(shown.text)
    for words in visible(case):
        assert words in text


# ---- JSON ----------------------------------------------------------------------------------

@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_json_strings_cannot_drive_a_terminal_after_jq_r(case):
    report = hostile_review(case)
    out = render_report(report, "json")
    assert_inactive(out)
    decoded = list(strings(json.loads(out)))  # what `jq -r` would print
    for value in decoded:
        assert_inactive(value)
    # JSON has no snippet: the draft's words are in `match` (the rewrite may quote only part of them).
    assert json.loads(out)["findings"][0]["match"] == "500 sessions per year"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_ask_json_of_own_documents_is_inert(case):
    decoded = list(strings(json.loads(json.dumps(inert_data(own_documents_answer(case).to_dict())))))
    for value in decoded:
        assert_inactive(value)
    assert any("young people" in value for value in decoded)


# ---- Slack ---------------------------------------------------------------------------------

def slack_text(message) -> str:
    return "\n".join([message.text, *strings(message.blocks)])


def assert_slack_inert(text: str, allowed_links: set[str]) -> None:
    assert_inactive(text.replace("@\u200d", "@"))  # the joiner that defuses @here is ours
    for construct in SLACK_ANGLE.findall(text):
        # Only our own links survive as <…>: never a ping, a channel, a user group or a date.
        url = construct.split("|", 1)[0]
        assert url.replace("&amp;", "&") in allowed_links, f"<{construct}> came from the draft"
    assert not BROADCAST.search(text)
    for entity in re.findall(r"&[^;\s]*;", text):
        assert entity in ("&amp;", "&lt;", "&gt;"), f"{entity} would be read as Slack markup"


def as_read_in_slack(text: str) -> str:
    """What a person reads: entities decoded, the joiner after @ invisible."""
    return html.unescape(text.replace("@\u200d", "@"))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_slack_review_cannot_ping_link_or_drive_anything(case):
    report = hostile_review(case)
    message = review_message(report, review_id=1, source=SOURCE.format(case["payload"]))
    text = slack_text(message)
    assert_slack_inert(text, guidance_urls(report))
    for words in visible(case):
        assert words in as_read_in_slack(text)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_slack_answer_quoting_own_documents_is_inert(case):
    answer = own_documents_answer(case)
    text = slack_text(answer_message(answer, answer_id=1))
    assert_slack_inert(text, {hit.url for hit in answer.passages})
    for words in visible(case):
        # A link in someone else's document shows its address rather than hiding it.
        assert words in as_read_in_slack(text)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_slack_digest_quoting_a_draft_is_inert(case):
    example = hostile_review(case).text
    message = digest_message(digest_with_example(example))
    text = slack_text(message)
    assert_slack_inert(text, set())
    assert "500 sessions per year" in as_read_in_slack(text)


# ---- the function itself -------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_layout_and_ordinary_text_survive_every_format(fmt):
    flag = "\U0001F3F4\U000E0067\U000E0062\U000E0077\U000E006C\U000E0073\U000E007F"  # Wales: tags are its spelling
    text = f"Quality 60% – price 40%, «outcomes» for Māori & Cymru users 👩\u200d💻 {flag}"
    out = inert(text, fmt)
    for words in ("Quality 60% – price 40%", "«outcomes»", "Māori", "👩\u200d💻", flag):
        assert words in out
    assert strip_controls("line one\n\tline two\r\n") == "line one\n\tline two\r\n"


def test_a_long_line_is_windowed_on_what_is_shown():
    # Hundreds of invisible characters before the flagged words must not push them out of the
    # window, and the carets still point at them.
    padding = "\x1b[31m\u202e\u200b" * 60
    report = review(f"Background {padding} words. The provider will deliver 500 sessions per year to young people.")
    out = render_report(report, "text", color=False)
    lines = out.splitlines()
    carets = next(i for i, line in enumerate(lines) if line.strip() and set(line.strip()) == {"^"})
    start = lines[carets].index("^")
    assert lines[carets - 1][start:len(lines[carets])] == "500 sessions per year"
    assert "Background" in lines[carets - 1]  # the line fits once the invisible characters are gone


def test_markdown_escapes_what_a_viewer_would_act_on_and_nothing_more():
    assert inert("Trowers & Hamlins, R&D", "markdown") == "Trowers & Hamlins, R&D"  # a bare & renders as itself
    assert inert("&lt; &#60; &x27;", "markdown") == "&amp;lt; &amp;#60; &amp;x27;"
    assert inert("a <b> [c](d) ![e](f) \\[g]", "markdown") == r"a &lt;b&gt; \[c\](d) !\[e\](f) \\\[g\]"
    # A line of a value never opens a block of its own: a hard break, and its first character escaped.
    assert inert("one\n# two\r\n- three\n2. four", "markdown") == "one\\\n\\# two\\\n\\- three\\\n2\\. four"


def test_a_value_of_several_lines_stays_one_paragraph_in_markdown():
    value = "Quality 60%\n# Heading\n- item\n| a | b |\n| --- | --- |\n\n    code\n1. first"
    shown = viewed(f"*Try instead:* {inert(value, 'markdown')}\n")
    assert [tag for tag, _ in shown.tags] == ["p", "em", "br", "br", "br", "br", "br", "br", "br"]
    assert "".join(shown.text).split() == ("Try instead: " + value).split()  # every word, as typed


def test_a_link_in_someone_elses_document_shows_where_it_goes():
    from bot.slack.mrkdwn import to_mrkdwn

    text = "See [the portal](https://evil.example/login) for **details**."
    assert to_mrkdwn(text, links=False) == "See the portal (https://evil.example/login) for *details*."
    assert to_mrkdwn(text) == "See <https://evil.example/login|the portal> for *details*."


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown format"):
        inert("x", "html")


# ---- fixtures built from the case ------------------------------------------------------------

def own_documents_answer(case) -> Answer:
    words = CLAUSE.format(case["payload"])
    hit = Hit("own-1", f"Policy {case['payload']}", words, f"Your documents {case['payload']}",
              "https://council.example/policy", "own_documents", 0.9)
    return Answer("How many sessions?", words, [hit])


def digest_with_example(example: str) -> Digest:
    start = datetime(2026, 11, 16, tzinfo=timezone.utc)
    end = datetime(2026, 11, 23, tzinfo=timezone.utc)
    return Digest(team_id="T1", channel_id="C1", start=start, end=end, tz="UTC", week="2026-W47",
                  first_day=date(2026, 11, 16), last_day=date(2026, 11, 22), reviews=1, people=1, average=40.0,
                  previous_average=None, change=None, weak_items=(),
                  top_categories=(TopCategory("output-only", 1, example, None),), improvement=None, weekly=(),
                  tip=None)
