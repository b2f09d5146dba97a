"""The Block Kit builders, on real reviews and answers, without mocks.

Slack rejects a whole message when one limit is broken, so every message here is checked
against the limits; the largest inputs are the example specifications and a 20,000-word paste."""

import dataclasses
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from bot.slack import ids
from bot.slack.blocks import (Message, answer_message, clip, dismiss_modal, fit, help_message, home_view, notice,
                              review_message, review_modal, section, button)
from knowledge.answer import NO_ANSWER, Answer
from knowledge.retrieve import Hit
from prompts.slack import notice_text
from scoring import review

import slack_limits  # the emulator's own reading of Slack's limits, written apart from the builders
from slack_limits import strings

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*"))
BLOCK_TYPES = {"section", "header", "context", "actions", "divider", "input", "image", "rich_text"}
HOSTILE = ["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<#C123>", "@channel"]
HOSTILE_DRAFT = ("The provider will deliver 200 sessions a year for <!channel> and <!here> and <!everyone>, "
                 "reporting to <@U123> in <#C123> and @channel.")


# ---- helpers ---------------------------------------------------------------------------------


def _dicts(node):
    if isinstance(node, dict):
        yield node
        node = list(node.values())
    if isinstance(node, list):
        for value in node:
            yield from _dicts(value)


def buttons(blocks):
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def section_texts(blocks):
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def all_text(message: Message) -> str:
    return "\n".join([message.text, *strings(message.blocks)])


def assert_valid_blocks(blocks, max_blocks=50):
    assert 0 < len(blocks) <= max_blocks
    json.dumps(blocks)  # JSON-serialisable, nothing left as a model object
    for block in blocks:
        assert block["type"] in BLOCK_TYPES
        assert len(block.get("block_id", "")) <= 255
        if block["type"] == "section":
            assert 0 < len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert 0 < len(block["text"]["text"]) <= 150
            assert block["text"]["type"] == "plain_text"
        if block["type"] == "context":
            assert 0 < len(block["elements"]) <= 10
            assert all(len(e["text"]) <= 3000 for e in block["elements"])
        if block["type"] == "actions":
            assert 0 < len(block["elements"]) <= 25
    for node in _dicts(blocks):
        if node.get("type") == "mrkdwn":  # Slack must not turn pasted names into links or mentions itself
            assert node.get("verbatim") is True
    ids_in_message = [b["block_id"] for b in blocks if "block_id" in b]
    assert len(ids_in_message) == len(set(ids_in_message))  # Slack refuses duplicate block ids
    for b in buttons(blocks):
        assert 0 < len(b["text"]["text"]) <= 75
        assert 0 < len(b["action_id"]) <= 255
        assert len(b.get("value", "")) <= 2000


def assert_valid_message(message: Message):
    assert isinstance(message, Message)
    assert 0 < len(message.text) <= 40_000
    assert_valid_blocks(message.blocks)


def dismissals(message):
    return [json.loads(b["value"]) for b in buttons(message.blocks) if b["action_id"] == ids.DISMISS_FINDING]


def hit(n, url="https://example.org/guide", title="Guide", source="NEF (2014)"):
    return Hit(f"p{n}", f"{title} {n}", "passage text", source, url, "builtin", 1.0 / n)


def big_paste(words=20_000):
    text = " ".join(p.read_text(encoding="utf-8") for p in EXAMPLES).split()
    return " ".join((text * (words // len(text) + 1))[:words])


@pytest.fixture(scope="module")
def big_report():
    return review(big_paste())


# ---- review_message --------------------------------------------------------------------------

@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("ephemeral", [False, True])
def test_every_example_review_is_a_valid_message(path, ephemeral):
    report = review(path.read_text(encoding="utf-8"))
    message = review_message(report, review_id=41, source=path.name, ephemeral=ephemeral, shared_by="U0ABC")
    assert_valid_message(message)
    shown = dismissals(message)
    assert len(shown) == min(8, len(report.findings))
    assert message.attach_markdown == (len(report.findings) > 8)
    if len(report.findings) > 8:
        assert f"…and {len(report.findings) - 8} more findings: the full report is attached" in all_text(message)


def test_a_twenty_thousand_word_paste_stays_within_every_limit(big_report):
    assert len(big_report.text.split()) == 20_000 and len(big_report.findings) > 50
    for max_findings in (8, 50, 1000):
        message = review_message(big_report, review_id=1, source="whole-spec.docx", max_findings=max_findings,
                                 ephemeral=True, shared_by="U0ABC")
        assert_valid_message(message)
        assert message.attach_markdown
        shown = len(dismissals(message))
        assert 8 <= shown < len(big_report.findings)
        assert f"…and {len(big_report.findings) - shown} more findings" in all_text(message)
        assert buttons(message.blocks)[-1]["action_id"] == ids.SHARE_REVIEW  # the share button is never cut


def test_a_finding_sharing_a_suggestion_on_its_own_line_points_to_the_other_finding():
    report = review("Award criteria: price 70%, quality 30%, with no marks for social value.")
    texts = json.dumps(review_message(report, review_id=1).blocks)
    assert "the suggestion for the other finding on this line" in texts and "the suggestion at line 1," not in texts


def test_header_gives_the_score_and_how_much_could_be_assessed():
    report = review(Path(EXAMPLES[0]).read_text(encoding="utf-8"))
    header = review_message(report, review_id=1).blocks[0]
    assert header["type"] == "header"
    assert header["text"]["text"] == (f"Checklist score: {report.score.value}/100 "
                                      f"({report.score.assessable} of {len(report.score.items)} items assessable)")


def test_summary_counts_the_checklist_and_names_what_is_missing():
    report = review((Path(EXAMPLES[0]).parent / "youth-service-spec.md").read_text(encoding="utf-8"))
    summary = section_texts(review_message(report, review_id=1, source="youth.md").blocks)[0]
    met = sum(i.status == "met" for i in report.score.items)
    partial = sum(i.status == "partial" for i in report.score.items)
    missing = [i.title for i in report.score.items if i.status == "missing"]
    assert f"*Checklist:* {met} met · {partial} partly met · {len(missing)} missing" in summary
    assert all(title in summary for title in missing)
    assert f"found *{len(report.findings)} things to look at*" in summary and "*youth.md*" in summary


def test_a_draft_the_checklist_cannot_assess_says_so():
    message = review_message(review("Hello, this is a note about the weather."), review_id=1)
    assert message.blocks[0]["text"]["text"] == "Checklist score: not yet available (no checklist items could be assessed)"
    assert "couldn't assess anything here yet" in all_text(message)
    assert "/100" not in message.text


def test_no_findings_is_a_friendly_all_clear():
    report = review((Path(EXAMPLES[0]).parent / "outcome-focused-spec.md").read_text(encoding="utf-8"))
    assert not report.findings
    message = review_message(report, review_id=1)
    assert "Nothing to flag in your draft: no output-only targets, cost-first criteria" in all_text(message)
    assert not dismissals(message) and not message.attach_markdown
    assert "No problems found" in message.text


def test_one_finding_shows_level_quote_message_why_rewrite_and_guidance():
    report = review("The provider will deliver 200 sessions a year.")
    finding = report.findings[0]
    text = section_texts(review_message(report, review_id=9).blocks)[1]
    lines = text.splitlines()
    assert lines[0] == f"*1. Error* · {finding.category} · line 1"
    assert lines[1] == f">{finding.match}"
    assert finding.message in text and f"*Why:* {finding.why}" in text
    assert f"*Try instead:* {finding.rewrite}" in text
    for g in finding.guidance:
        assert f"<{g['url']}|{g['title']}>" in text
    assert text.index("*Try instead:*") < text.index("*Guidance:*")


def test_a_finding_that_shares_a_suggestion_points_to_the_line_that_has_it():
    report = review("| Indicator | Target |\n|---|---|\n| Number of workshops held | 24 per year |\n"
                    "| Number of drop-in sessions run | 48 per year |\n")
    texts = section_texts(review_message(report, review_id=3).blocks)
    pointer = [t for t in texts if "the suggestion at line 3" in t]
    assert len(pointer) == 1 and "*Try instead:* the suggestion at line 3" in pointer[0]


def test_a_finding_told_by_a_speaker_says_why_it_has_no_rewrite():
    """A minister's target pasted from a news report is flagged, and the message says there is nothing of the
    commissioner's to rewrite, rather than leaving the reader to wonder where the suggestion went."""
    report = review("The minister announced that each hub will run 40 group sessions a month.")
    [text] = [t for t in section_texts(review_message(report, review_id=4).blocks) if "output-only" in t]
    assert "*No rewrite:* this line reports terms set elsewhere" in text and "*Try instead:*" not in text


def test_findings_are_shown_most_serious_first_and_buttons_point_at_the_right_one():
    report = review((Path(EXAMPLES[0]).parent / "youth-service-spec.md").read_text(encoding="utf-8"))
    message = review_message(report, review_id=77, max_findings=20)
    values = dismissals(message)
    assert {v["r"] for v in values} == {77}
    levels = [report.findings[v["i"]].level for v in values]
    order = {"error": 0, "warning": 1, "suggestion": 2}
    assert levels == sorted(levels, key=order.get)
    # Each button sits under the section of the finding its index names.
    for block_index, block in enumerate(message.blocks):
        if block["type"] == "actions" and block["elements"][0]["action_id"] == ids.DISMISS_FINDING:
            finding = report.findings[json.loads(block["elements"][0]["value"])["i"]]
            assert finding.why in message.blocks[block_index - 1]["text"]["text"]


def test_share_button_only_on_a_private_review():
    report = review("Evaluation: Price 70% / Quality 30%")
    private = review_message(report, review_id=12, ephemeral=True)
    public = review_message(report, review_id=12)
    share = [b for b in buttons(private.blocks) if b["action_id"] == ids.SHARE_REVIEW]
    assert [b["value"] for b in share] == ["12"]
    assert not [b for b in buttons(public.blocks) if b["action_id"] == ids.SHARE_REVIEW]


def test_shared_by_names_the_person_only_when_it_is_a_user_id():
    report = review("Evaluation: Price 70% / Quality 30%")
    assert "Shared by <@U0ABC123>" in all_text(review_message(report, review_id=1, shared_by="U0ABC123"))
    assert "Shared by &lt;!channel&gt;" in all_text(review_message(report, review_id=1, shared_by="<!channel>"))


def test_a_huge_single_finding_is_clipped_not_broken():
    report = review("The provider will deliver 200 sessions a year.")
    f = report.findings[0]
    huge = dataclasses.replace(
        f, match="<!channel> " * 900, message="word " * 2000, why="R&D " * 2000, rewrite="better " * 2000,
        guidance=tuple({"id": "g", "title": "T " * 200, "source": "s", "url": "https://x.org/" + "a" * 500}
                       for _ in range(10)))
    message = review_message(dataclasses.replace(report, findings=(huge,)), review_id=1)
    assert_valid_message(message)
    assert message.attach_markdown  # the whole finding is in the attached report
    text = section_texts(message.blocks)[1]
    assert "*Try instead:* better" in text  # a long quote and message don't push the rewrite out
    assert "&lt;!channel&gt;" in text and "<!channel>" not in text
    brackets = re.sub(r"^>", "", text, flags=re.MULTILINE)  # a quote's ">" is not a bracket
    assert brackets.count("<") == brackets.count(">")  # no half link


def test_pasted_mentions_never_reach_slack_raw():
    report = review(HOSTILE_DRAFT)
    assert report.findings and any("<!channel>" in (f.rewrite or "") + f.match for f in report.findings)
    for message in (review_message(report, review_id=1, source="<!here> <@U123>.docx", ephemeral=True),
                    review_message(report, review_id=1, source="@everyone", shared_by="@channel")):
        text = all_text(message)
        for token in HOSTILE:
            assert token not in text, token
        assert "&lt;!channel&gt;" in text


# ---- answer_message --------------------------------------------------------------------------

def test_answer_with_sources_and_feedback_buttons():
    answer = Answer("How should we weight price?", "Put **quality first**: weight it at 60% or more.",
                    [hit(1), hit(2, url="https://golab.org/p?a=1&b=2"), hit(3), hit(4)])
    message = answer_message(answer, answer_id=314)
    assert_valid_message(message)
    first, sources = section_texts(message.blocks)
    assert first == "Put *quality first*: weight it at 60% or more."
    assert sources.splitlines() == ["*Sources*",
                                    "1. <https://example.org/guide|Guide 1> — NEF (2014)",
                                    "2. <https://golab.org/p?a=1&amp;b=2|Guide 2> — NEF (2014)",
                                    "3. <https://example.org/guide|Guide 3> — NEF (2014)"]
    assert [(b["action_id"], b["value"], b["text"]["text"]) for b in buttons(message.blocks)] == [
        (ids.ANSWER_HELPFUL, "314", "Helpful"), (ids.ANSWER_NOT_HELPFUL, "314", "Not helpful")]
    assert "**" not in message.text


def test_an_uncovered_question_gets_only_the_not_covered_text():
    message = answer_message(Answer("how do I book leave?", NO_ANSWER, []), answer_id=2)
    assert_valid_message(message)
    assert len(message.blocks) == 1 and not buttons(message.blocks)
    assert "Sources" not in all_text(message) and "I couldn't find guidance" in message.text


def test_a_truncated_question_is_mentioned():
    message = answer_message(Answer("q" * 3000, "An answer.", [hit(1)], truncated=True), answer_id=2)
    assert "I read the first 2,000 characters of your question" in all_text(message)


def test_a_source_that_is_not_a_web_address_is_plain_text_and_titles_are_escaped():
    answer = Answer("q", "An <!everyone> answer.", [hit(1, url="javascript:alert(1)", title="<@U123> & co",
                                                          source="<#C123> @here")])
    text = all_text(answer_message(answer, answer_id=1))
    assert "1. &lt;@U123&gt; &amp; co 1 — &lt;#C123&gt; @\u200dhere" in text
    assert "javascript" not in text
    for token in HOSTILE + ["<!everyone>", "@here"]:
        assert token not in text


def test_a_very_long_answer_is_clipped_within_limits():
    message = answer_message(Answer("q", "**Quality** matters. " * 500, [hit(1)]), answer_id=1)
    assert_valid_message(message)
    assert section_texts(message.blocks)[0].endswith("…")


# ---- help, notices, modals -------------------------------------------------------------------

def test_help_explains_every_way_in():
    message = help_message()
    assert_valid_message(message)
    text = all_text(message)
    for words in ("/tender review", "/tender ask", "/tender help", "direct message", "mention me", "file",
                  "Review with Tender Coach", "`review:`", "`ask:`", "90 days"):
        assert words in text, words
    assert "kept for 30 days" in all_text(help_message(retention_days=30))


@pytest.mark.parametrize("kind,context", [
    ("rate_limited", {"seconds": 30}), ("rate_limited", {"seconds": 600}), ("too_long", {"limit": 40000}),
    ("error", {"reference": "req-7f3a"}), ("feedback_thanks", {"helpful": True}),
    ("feedback_thanks", {"helpful": False}), ("dismissed", {}), ("shared", {}), ("review_gone", {"days": 90}),
    ("unsupported_file", {"formats": ".txt, .md, .docx and .pdf"}), ("empty", {"command": "/tender"}),
])
def test_every_notice_is_a_one_block_message(kind, context):
    message = notice(notice_text(kind, **context))
    assert_valid_message(message)
    assert len(message.blocks) == 1 and message.text == message.blocks[0]["text"]["text"]


def test_notice_words_carry_their_details():
    assert "`req-7f3a`" in notice(notice_text("error", reference="req-7f3a")).text
    assert "about 10 minutes" in notice_text("rate_limited", seconds=600)
    assert "40,000 characters" in notice_text("too_long", limit=40000)


def test_notice_escapes_what_it_is_given():
    message = notice("Could not read <!channel>.pdf & more")
    assert message.text == "Could not read &lt;!channel&gt;.pdf &amp; more"


def test_review_modal():
    view = review_modal('{"channel":"C1"}')
    assert view["type"] == "modal" and view["callback_id"] == ids.REVIEW_MODAL
    assert view["private_metadata"] == '{"channel":"C1"}'
    assert_valid_blocks(view["blocks"], max_blocks=100)
    block = view["blocks"][0]
    assert block["type"] == "input" and block["block_id"] == ids.DRAFT_BLOCK
    element = block["element"]
    assert element["type"] == "plain_text_input" and element["action_id"] == ids.DRAFT_INPUT
    assert element["multiline"] is True and element["max_length"] == 3000
    assert "initial_value" not in element
    for key in ("title", "submit", "close"):
        assert 0 < len(view[key]["text"]) <= 24 and "…" not in view[key]["text"]


def test_review_modal_prefills_a_draft_within_its_own_limit():
    element = review_modal("m", draft=big_paste(2000))["blocks"][0]["element"]
    assert len(element["initial_value"]) <= 3000 and element["initial_value"].endswith("…")
    assert review_modal("m", draft="  The provider will  ")["blocks"][0]["element"]["initial_value"] == "The provider will"


def test_dismiss_modal_asks_for_an_optional_reason():
    view = dismiss_modal('{"r":5,"i":2}')
    assert view["callback_id"] == ids.DISMISS_MODAL and view["private_metadata"] == '{"r":5,"i":2}'
    block = view["blocks"][0]
    assert block["block_id"] == ids.REASON_BLOCK and block["optional"] is True
    assert block["element"]["action_id"] == ids.REASON_INPUT
    for key in ("title", "submit", "close"):
        assert 0 < len(view[key]["text"]) <= 24 and "…" not in view[key]["text"]


# ---- home_view -------------------------------------------------------------------------------

def home_text(view):
    return "\n".join(strings(view["blocks"]))


def test_home_for_someone_new_reads_well():
    view = home_view(recent=[], trends=[])
    assert view["type"] == "home"
    assert_valid_blocks(view["blocks"], max_blocks=100)
    text = home_text(view)
    assert "Your last reviews" in text and "No reviews yet." in text
    assert "Channel trends" in text and "No channel trends yet." in text
    assert "/tender review" in text


def test_home_lists_last_reviews_with_a_date_a_score_and_a_channel_link():
    recent = [
        {"created_at": datetime(2026, 3, 12, 9, 30), "score": 37, "findings": 15, "channel": "C0123ABC"},
        {"created_at": datetime(2026, 3, 11, tzinfo=timezone.utc), "score": None, "findings": 1, "channel": "D0456"},
        {"created_at": datetime(2026, 3, 10), "score": 100, "findings": 0, "channel": None},
        {"created_at": datetime(2026, 3, 9), "score": 50, "findings": 2, "channel": "<!channel>"},
    ]
    lines = [l for l in home_text(home_view(recent=recent, trends=[])).splitlines() if l.startswith("•")]
    stamp = int(datetime(2026, 3, 12, 9, 30, tzinfo=timezone.utc).timestamp())
    assert lines[0] == f"• <!date^{stamp}^{{date_short_pretty}}|12 Mar 2026> · score *37/100* · 15 findings · in <#C0123ABC>"
    assert lines[1].endswith("· no checklist score · 1 finding · in a direct message")
    assert lines[2].endswith("· score *100/100* · 0 findings")
    assert lines[3].endswith("· score *50/100* · 2 findings")  # not a channel id: not shown at all
    assert "<#D0456>" not in home_text(home_view(recent=recent, trends=[]))


def test_home_shows_each_channels_weekly_average_oldest_first():
    trends = [
        {"channel": "C1AAA", "week": "2026-W11", "average": 45.6, "reviews": 5},
        {"channel": "C1AAA", "week": "2026-W10", "average": 41.0, "reviews": 3},
        {"channel": "C1AAA", "week": "2026-W12", "average": None, "reviews": 0},
        {"channel": "G2BBB", "week": "2026-W12", "average": 70.0, "reviews": 1},
        {"channel": "D3CCC", "week": "2026-W12", "average": 10.0, "reviews": 9},
    ]
    text = home_text(home_view(recent=[], trends=trends))
    assert "• <#C1AAA>: 41 → 46 → – (8 reviews since 2026-W10)" in text
    assert "• <#G2BBB>: 70 (1 review since 2026-W12)" in text
    assert "D3CCC" not in text


def test_home_with_a_long_history_stays_within_view_limits():
    start = datetime(2026, 1, 1)
    recent = [{"created_at": start + timedelta(hours=i), "score": i % 101, "findings": i, "channel": f"C{i:08d}"}
              for i in range(300)]
    trends = [{"channel": f"C{c:08d}", "week": f"2026-W{w:02d}", "average": 50.0 + w, "reviews": 2}
              for c in range(100) for w in range(1, 9)]
    view = home_view(recent=recent, trends=trends)
    assert_valid_blocks(view["blocks"], max_blocks=100)
    json.dumps(view)


# ---- an independent check ----------------------------------------------------------------------

def test_every_builder_passes_the_emulators_checks(big_report):
    messages = [review_message(review(p.read_text(encoding="utf-8")), review_id=1, source=p.name, ephemeral=True,
                               shared_by="U0ABC") for p in EXAMPLES]
    messages += [review_message(big_report, review_id=1, max_findings=1000, ephemeral=True),
                 review_message(review(HOSTILE_DRAFT), review_id=1),
                 answer_message(Answer("q", "**A**", [hit(i) for i in range(1, 6)], truncated=True), answer_id=1),
                 answer_message(Answer("q", NO_ANSWER, []), answer_id=1), help_message(), notice("Thanks")]
    for message in messages:
        assert slack_limits.check_message(message.as_kwargs()) == (None, [])
    recent = [{"created_at": datetime(2026, 1, 1), "score": 40, "findings": 3, "channel": "C0AAA"}]
    trends = [{"channel": "C0AAA", "week": "2026-W01", "average": 40.0, "reviews": 1}]
    for view in (review_modal("{}", draft="The provider will"), dismiss_modal("{}"),
                 home_view(recent=[], trends=[]), home_view(recent=recent, trends=trends)):
        assert slack_limits.check_view(view) == []


# ---- the limits helpers ----------------------------------------------------------------------

def test_clip_cuts_on_a_word_boundary_with_an_ellipsis():
    assert clip("short", 10) == "short"
    assert clip("The provider will deliver sessions", 20) == "The provider will…"
    assert len(clip("word " * 1000, 3000)) <= 3000


def test_clip_never_leaves_half_a_link_or_entity():
    assert clip("see <https://x.org/long/path|a long title here> now", 30) == "see…"
    assert clip("R" * 20 + "&amp;" + "D" * 20, 23) == "R" * 20 + "…"


def test_clip_of_plain_text_keeps_angle_brackets():
    assert clip("Price < 60% and Quality > 40% always", 30, mrkdwn=False) == "Price < 60% and Quality > 40%…"


def test_fit_caps_blocks_and_fallback():
    message = fit("x" * 50_000, [section(f"line {i}") for i in range(80)])
    assert len(message.blocks) == 50 and len(message.text) <= 40_000


def test_a_button_value_too_long_is_a_bug_not_something_to_clip():
    with pytest.raises(ValueError):
        button("Go", "go", "x" * 2001)


def test_as_kwargs_is_what_say_and_chat_post_message_take():
    message = notice("Thanks")
    assert message.as_kwargs() == {"text": "Thanks", "blocks": message.blocks}


def test_every_id_is_distinct_and_within_slack_limits():
    names = [n for n in dir(ids) if n.isupper()]
    values = [getattr(ids, n) for n in names]
    assert len(set(values)) == len(values)
    assert all(0 < len(v) <= 255 for v in values)
    assert ids.REVIEW_SHORTCUT == "review_with_tender_coach" and ids.SLASH_COMMAND == "/tender"
    assert all(re.fullmatch(r"[a-z_]+", v) for n, v in zip(names, values) if n != "SLASH_COMMAND")


def test_a_draft_with_more_findings_than_a_report_lists_counts_them_all():
    """scoring lists at most 200 findings in full; Slack still says how many there were."""
    text = "\n".join(f"- The provider will deliver {n} sessions in area {n} each year." for n in range(1, 260))
    report = review(text)
    assert report.omitted > 0
    message = review_message(report, review_id=1)
    total = len(report.findings) + report.omitted
    assert f"{total} findings" in message.text and message.attach_markdown
    assert len(message.blocks) <= 50
