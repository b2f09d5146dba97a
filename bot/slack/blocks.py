"""Block Kit messages and views built from a Report, an Answer or stored rows. Pure functions.

Slack refuses a whole message when one limit is broken, and slack_sdk's models raise before
that. So every block is made by the few constructors at the top, which clip text to Slack's
limits, and `fit` caps the block count and the fallback text: the builders below never
check a limit themselves. The words come from prompts/templates/slack/; anything a person
pasted or a document held is escaped (bot.slack.mrkdwn) before it goes near a template."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from slack_sdk.models.blocks import (ActionsBlock, ButtonElement, ContextBlock, DividerBlock, HeaderBlock,
                                     InputBlock, MarkdownTextObject, PlainTextInputElement, PlainTextObject,
                                     SectionBlock)
from slack_sdk.models.views import View

from knowledge.answer import MAX_QUESTION_CHARS
from knowledge.chunking import GUIDANCE
from prompts.answers import source_line
from prompts.slack import label, words

from . import ids
from .mrkdwn import escape, link, to_mrkdwn

MAX_BLOCKS = 50  # a message
MAX_VIEW_BLOCKS = 100  # a modal or the App Home
MAX_SECTION_CHARS = 3000
MAX_HEADER_CHARS = 150
MAX_BUTTON_CHARS = 75
MAX_VALUE_CHARS = 2000
MAX_FALLBACK_CHARS = 40_000
MAX_MODAL_TITLE_CHARS = 24
MAX_PLACEHOLDER_CHARS = 150
MAX_DRAFT_CHARS = 3000  # what the review modal accepts; longer drafts go in a file
MAX_REASON_CHARS = 1000
# Each part of a finding gets its share of a section, so a very long quoted clause (which the
# message and the rewrite repeat) cannot push the rewrite or the guidance out of sight.
MAX_QUOTE_CHARS = 400
MAX_EXPLANATION_CHARS = 600  # the message, and the why
MAX_REWRITE_CHARS = 1200
MAX_SOURCE_NAME_CHARS = 120
MAX_SOURCES = 3
RETENTION_DAYS = 90
ELLIPSIS = "…"

_LEVEL_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
_BLOCKS_PER_FINDING = 3  # divider, section, actions
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")  # public or private channel; D… is a DM


@dataclass(frozen=True)
class Message:
    text: str  # plain-text fallback for notifications, escaped
    blocks: list[dict] = field(default_factory=list)
    attach_markdown: bool = False  # the review did not fit: upload the full Markdown report with it

    def as_kwargs(self) -> dict:
        """Keyword arguments for chat.postMessage / say / respond."""
        return {"text": self.text, "blocks": self.blocks}


# ---- the one place that knows Slack's limits -------------------------------------------------

def clip(text: str, limit: int, *, mrkdwn: bool = True) -> str:
    """At most `limit` characters, cut at a word boundary and ended with "…".

    In mrkdwn a cut never leaves half a `<url|title>` link or half an `&amp;` entity: Slack
    would show those raw."""
    if len(text) <= limit:
        return text
    cut = text[:limit - len(ELLIPSIS)]
    boundary = max(cut.rfind(" "), cut.rfind("\n"))
    ends_a_word = text[len(cut)].isspace()
    if not ends_a_word and boundary >= len(cut) // 2:  # else one long "word": cut it where it is
        cut = cut[:boundary]
    if mrkdwn:
        for opener, closer in (("<", ">"), ("&", ";")):
            at = cut.rfind(opener)
            if at > cut.rfind(closer):
                cut = cut[:at]
    return cut.rstrip() + ELLIPSIS


def fit(text: str, blocks: list[dict], *, attach_markdown: bool = False, max_blocks: int = MAX_BLOCKS) -> Message:
    """A Message within Slack's block count and fallback length."""
    return Message(clip(text, MAX_FALLBACK_CHARS), blocks[:max_blocks], attach_markdown)


def _mrkdwn(text: str) -> MarkdownTextObject:
    # verbatim: Slack must not turn pasted names or words into links or mentions on its own.
    return MarkdownTextObject(text=clip(text, MAX_SECTION_CHARS), verbatim=True)


def _plain(text: str, limit: int) -> PlainTextObject:
    return PlainTextObject(text=clip(text, limit, mrkdwn=False), emoji=True)


def section(text: str, *, block_id: str | None = None) -> dict:
    return SectionBlock(text=_mrkdwn(text), block_id=block_id).to_dict()


def header(text: str) -> dict:
    return HeaderBlock(text=_plain(text, MAX_HEADER_CHARS)).to_dict()


def context(text: str) -> dict:
    return ContextBlock(elements=[_mrkdwn(text)]).to_dict()


def divider() -> dict:
    return DividerBlock().to_dict()


def button(text: str, action_id: str, value: str, *, style: str | None = None) -> ButtonElement:
    if len(value) > MAX_VALUE_CHARS:  # a value is data: clipping it would corrupt it
        raise ValueError(f"button value longer than {MAX_VALUE_CHARS} characters")
    return ButtonElement(text=_plain(text, MAX_BUTTON_CHARS), action_id=action_id, value=value, style=style)


def actions(*buttons: ButtonElement, block_id: str | None = None) -> dict:
    return ActionsBlock(elements=list(buttons), block_id=block_id).to_dict()


# ---- review ----------------------------------------------------------------------------------

def review_message(report, *, review_id: int, source: str | None = None, max_findings: int = 8,
                   shared_by: str | None = None, ephemeral: bool = False) -> Message:
    """The review of one draft: score, checklist, the most serious findings, and buttons.

    Findings are shown most serious first; a dismiss button's value carries the finding's index
    in `report.findings`, whatever its place on screen."""
    source_name = escape(clip(source, MAX_SOURCE_NAME_CHARS, mrkdwn=False)) if source else None
    # A very long draft lists at most scoring's MAX_LISTED findings; the rest are only counted.
    omitted = getattr(report, "omitted", 0)
    counts = Counter(f.level for f in report.findings) + Counter(getattr(report, "omitted_levels", {}))
    level_counts = {level: counts.get(level, 0) for level in _LEVEL_ORDER}
    top = words("review_header", score={"value": report.score.value, "assessable": report.score.assessable,
                                        "total": len(report.score.items)})
    head = [header(top)]
    if shared_by:
        head.append(context(words("shared_by", who=_user(shared_by))))
    head.append(section(_summary(report, source_name, level_counts)))

    tail_room = 2 + (1 if ephemeral else 0)  # divider and "…and N more", the share button
    room = (MAX_BLOCKS - len(head) - tail_room) // _BLOCKS_PER_FINDING
    ordered = sorted(enumerate(report.findings), key=lambda p: (_LEVEL_ORDER.get(p[1].level, 3), p[1].start))
    shown = ordered[:max(0, min(max_findings, room))]

    body, shortened = [], False
    for number, (index, finding) in enumerate(shown, 1):
        text, cut = _finding_text(number, finding)
        shortened |= cut or len(text) > MAX_SECTION_CHARS
        value = json.dumps({"r": review_id, "i": index}, separators=(",", ":"))
        body += [divider(), section(text, block_id=f"finding_{index}"),
                 actions(button(label("dismiss_button"), ids.DISMISS_FINDING, value), block_id=f"finding_{index}_actions")]

    hidden = len(ordered) - len(shown) + omitted
    attach = hidden > 0 or shortened
    tail = []
    if attach:
        tail += [divider(), context(words("review_more", hidden=hidden))]
    if ephemeral:
        tail.append(actions(button(label("share_button"), ids.SHARE_REVIEW, str(review_id), style="primary")))
    fallback = words("review_fallback", header=top, total=len(report.findings) + omitted, counts=level_counts,
                     source=source_name)
    return fit(fallback, head + body + tail, attach_markdown=attach)


def _summary(report, source_name: str | None, level_counts: dict[str, int]) -> str:
    statuses = Counter(item.status for item in report.score.items)
    missing = [escape(item.title) for item in report.score.items if item.status == "missing"]
    checklist = {"assessable": report.score.assessable, "met": statuses["met"], "partial": statuses["partial"],
                 "missing": statuses["missing"]}
    return words("review_summary", source=source_name, total=len(report.findings) + getattr(report, "omitted", 0),
                 counts=level_counts,
                 checklist=checklist, missing=missing)


def _finding_text(number: int, finding) -> tuple[str, bool]:
    """The finding's section text, and whether any part of it had to be shortened."""
    parts = {"quoted": (finding.match.strip(), MAX_QUOTE_CHARS),
             "message": (finding.message, MAX_EXPLANATION_CHARS),
             "why": (finding.why, MAX_EXPLANATION_CHARS),
             "rewrite": (finding.rewrite or "", MAX_REWRITE_CHARS)}
    escaped = {name: escape(text) for name, (text, _) in parts.items()}
    clipped = {name: clip(escaped[name], limit) for name, (_, limit) in parts.items()}
    quote = "\n".join(">" + line for line in clipped["quoted"].splitlines() if line.strip()) or ">" + ELLIPSIS
    links = [link(g.get("url", ""), g.get("title", "")) for g in finding.guidance]
    text = words("finding", number=number, level=escape(finding.level), category=escape(finding.category),
                 line=finding.line, quote=quote, message=clipped["message"], why=clipped["why"],
                 rewrite=clipped["rewrite"] or None, see_line=finding.rewrite_on_line,
                 no_rewrite=escape(finding.no_rewrite) if finding.no_rewrite else None, links=links)
    return text, clipped != escaped


def _user(user_id: str) -> str:
    # A well-formed user id becomes a mention of the person who shared; anything else is shown as text.
    return f"<@{user_id}>" if _USER_ID.match(user_id) else escape(user_id)


# ---- answer ----------------------------------------------------------------------------------

def answer_message(answer, *, answer_id: int) -> Message:
    """An answer from the guidance, its sources and feedback buttons; just the words when nothing fitted."""
    # The answer quotes its passages: a council's own documents may hold links we did not write.
    ours = all(getattr(hit, "origin", GUIDANCE) == GUIDANCE for hit in answer.passages)
    text = to_mrkdwn(answer.answer.strip(), links=ours) or ELLIPSIS
    blocks = [section(text)]
    if answer.truncated:
        blocks.append(context(words("answer_truncated", limit=MAX_QUESTION_CHARS)))
    if getattr(answer, "generated", False):
        blocks.append(context(words("answer_generated")))
    notes = getattr(answer, "notes", None)
    if notes:  # where it applies and what has been replaced, read with the answer itself
        blocks.append(context("\n".join(escape(n) for n in notes)))
    if answer.passages:
        sources = [{"link": link(hit.url, hit.title),
                    "source": escape(" · ".join(filter(None, (hit.source, source_line(hit)))))}
                   for hit in answer.passages[:MAX_SOURCES]]
        blocks.append(section(words("answer_sources", sources=sources)))
        blocks.append(actions(button(label("helpful_button"), ids.ANSWER_HELPFUL, str(answer_id)),
                              button(label("not_helpful_button"), ids.ANSWER_NOT_HELPFUL, str(answer_id))))
    return fit(text, blocks)


# ---- help and notices ------------------------------------------------------------------------

def help_message(*, retention_days: int = RETENTION_DAYS) -> Message:
    text = words("help", command=ids.SLASH_COMMAND, shortcut=label("shortcut_name"), retention_days=retention_days)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return fit(paragraphs[0], [section(p) for p in paragraphs])


def notice(text: str) -> Message:
    """A one-line reply, e.g. notice(prompts.slack.notice_text("error", reference=ref)). The text is escaped."""
    safe = escape(text.strip()) or ELLIPSIS
    return fit(safe, [section(safe)])


# ---- modals ----------------------------------------------------------------------------------

def review_modal(private_metadata: str, *, draft: str = "") -> dict:
    """The form behind `/tender review` with nothing after it; `draft` pre-fills it (e.g. from a shortcut)."""
    element = PlainTextInputElement(action_id=ids.DRAFT_INPUT, multiline=True, max_length=MAX_DRAFT_CHARS,
                                    placeholder=_plain(label("draft_placeholder"), MAX_PLACEHOLDER_CHARS),
                                    initial_value=clip(draft.strip(), MAX_DRAFT_CHARS, mrkdwn=False) or None)
    block = InputBlock(block_id=ids.DRAFT_BLOCK, label=_plain(label("draft_label"), 2000),
                       hint=_plain(label("draft_hint"), 2000), element=element)
    return _modal(ids.REVIEW_MODAL, "review_modal_title", "review_modal_submit", private_metadata, [block.to_dict()])


def dismiss_modal(private_metadata: str) -> dict:
    """Asks, optionally, why a finding doesn't apply."""
    element = PlainTextInputElement(action_id=ids.REASON_INPUT, multiline=True, max_length=MAX_REASON_CHARS,
                                    placeholder=_plain(label("reason_placeholder"), MAX_PLACEHOLDER_CHARS))
    block = InputBlock(block_id=ids.REASON_BLOCK, optional=True, label=_plain(label("reason_label"), 2000),
                       hint=_plain(label("reason_hint"), 2000), element=element)
    return _modal(ids.DISMISS_MODAL, "dismiss_modal_title", "dismiss_modal_submit", private_metadata,
                  [block.to_dict()])


def _modal(callback_id: str, title: str, submit: str, private_metadata: str, blocks: list[dict]) -> dict:
    # private_metadata is the caller's data (ids as JSON): too long is a bug to raise, not text to clip.
    return View(type="modal", callback_id=callback_id, private_metadata=private_metadata,
                title=_plain(label(title), MAX_MODAL_TITLE_CHARS), submit=_plain(label(submit), MAX_MODAL_TITLE_CHARS),
                close=_plain(label("modal_close"), MAX_MODAL_TITLE_CHARS), blocks=blocks).to_dict()


# ---- App Home --------------------------------------------------------------------------------

def home_view(*, recent: list[dict], trends: list[dict]) -> dict:
    """How to use the bot, the person's last reviews and each channel's weekly average score."""
    intro = words("home_intro", command=ids.SLASH_COMMAND, shortcut=label("shortcut_name"))
    rows = [{"when": _date(r["created_at"]), "score": r["score"], "findings": r["findings"],
             "channel": _channel(r.get("channel")), "dm": str(r.get("channel") or "").startswith("D")}
            for r in recent]
    blocks = [header(label("home_header")),
              *[section(p.strip()) for p in intro.split("\n\n") if p.strip()],
              divider(), header(label("home_recent_header")),
              section(words("home_recent", rows=rows, command=ids.SLASH_COMMAND)),
              divider(), header(label("home_trends_header")),
              section(words("home_trends", channels=_trend_lines(trends)))]
    return View(type="home", blocks=blocks[:MAX_VIEW_BLOCKS]).to_dict()


def _date(created_at: datetime) -> str:
    """Slack shows the date in the reader's own time zone; the text after | is for old clients."""
    if created_at.tzinfo is None:  # the database stores UTC without a zone
        created_at = created_at.replace(tzinfo=timezone.utc)
    fallback = f"{created_at.day} {created_at:%b %Y}"
    return f"<!date^{int(created_at.timestamp())}^{{date_short_pretty}}|{fallback}>"


def _channel(channel: str | None) -> str | None:
    # <#C…> is a link to the channel, never a ping; anything that isn't a channel id is not shown.
    return f"<#{channel}>" if channel and _CHANNEL_ID.match(channel) else None


def _trend_lines(trends: list[dict]) -> list[dict]:
    """One line a channel, weeks oldest first. Rows for DMs or anything not a channel id are left out."""
    by_channel: dict[str, list[dict]] = {}
    for row in trends:
        if _channel(row.get("channel")):
            by_channel.setdefault(row["channel"], []).append(row)
    lines = []
    for channel, rows in by_channel.items():
        rows = sorted(rows, key=lambda r: str(r["week"]))
        lines.append({"where": _channel(channel), "since": escape(str(rows[0]["week"])),
                      "reviews": sum(int(r.get("reviews") or 0) for r in rows),
                      "weeks": [{"average": None if r.get("average") is None else round(r["average"])} for r in rows]})
    return lines


# ---- weekly digest ---------------------------------------------------------------------------

DIGEST_QUIET = ("tip", "skip")  # a channel setting: what a week with no reviews gets
MAX_EXAMPLE_CHARS = 120


def digest_message(digest, *, quiet: str = "tip") -> Message | None:
    """A channel's weekly post, from a bot.digest.compute.Digest. A week with no reviews gets one
    short line with the tip (`quiet="tip"`), or nothing: None, and the caller posts nothing
    (`quiet="skip"`). Quoted examples are escaped; nobody is named."""
    if quiet not in DIGEST_QUIET:
        raise ValueError(f"quiet must be one of {DIGEST_QUIET}, not {quiet!r}")
    period = escape(_period(digest.first_day, digest.last_day))
    tip = _digest_tip(digest.tip)
    if digest.quiet:
        if quiet == "skip":
            return None
        line = words("digest_quiet", period=period, tip=tip)
        return fit(line, [section(line)])
    body = words(
        "digest", reviews=digest.reviews, people=digest.people, average=digest.average, change=digest.change,
        first_scored_week=digest.first_scored_week,
        weak_items=[{"title": escape(i.title), "missing": i.missing, "partial": i.partial} for i in digest.weak_items],
        categories=[_digest_category(c) for c in digest.top_categories],
        improvement=({"before": digest.improvement.before, "after": digest.improvement.after}
                     if digest.improvement else None),
        tip=tip,
    )
    since, until = _window(digest.start, digest.end, digest.tz)
    footer = words("digest_footer", tz=escape(digest.tz), since=since, until=until)
    blocks = [header(words("digest_header", period=period)),
              *[section(p.strip()) for p in body.split("\n\n") if p.strip()],
              context(footer)]
    fallback = words("digest_fallback", period=period, reviews=digest.reviews, people=digest.people,
                     average=digest.average)
    return fit(fallback, blocks)


def _digest_category(category) -> dict:
    example = " ".join((category.example or "").split())
    guidance = category.guidance or {}
    return {"name": escape(category.category), "count": category.count,
            "example": escape(clip(example, MAX_EXAMPLE_CHARS, mrkdwn=False)) if example else None,
            "link": link(guidance.get("url", ""), guidance.get("title", "")) if guidance else None}


def _digest_tip(tip: dict | None) -> dict | None:
    if not tip:
        return None
    return {"text": to_mrkdwn(tip["text"]), "link": link(tip["url"], tip["title"]), "source": escape(tip["source"])}


def _period(first, last) -> str:
    """"16–22 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027"."""
    if first.year != last.year:
        return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%b} – {last.day} {last:%b %Y}"
    return f"{first.day}–{last.day} {last:%b %Y}"


def _window(start: datetime, end: datetime, tz: str) -> tuple[str, str]:
    """The digest's first and last moments in the channel's time zone: whole days when it runs
    from midnight to midnight ("Mon 16 Nov", "Sun 22 Nov"), else with the times."""
    from datetime import timedelta
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(tz)
    since, until = start.astimezone(zone), end.astimezone(zone)
    if since.time() == until.time() == datetime.min.time():
        last = (end - timedelta(microseconds=1)).astimezone(zone)
        return f"{since:%a} {since.day} {since:%b}", f"{last:%a} {last.day} {last:%b}"
    return (f"{since:%a} {since.day} {since:%b} {since:%H:%M}", f"{until:%a} {until.day} {until:%b} {until:%H:%M}")
