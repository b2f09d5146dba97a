"""The tip of the week: from the guidance, deterministic, never repeated within 8 weeks."""

from __future__ import annotations

from datetime import date, timedelta

from bot.digest.tips import candidates, choose_tip
from knowledge.catalog import all_passages
from knowledge.text import sentence_spans


def iso_week(n: int) -> str:
    year, week, _ = (date(2026, 11, 16) + timedelta(weeks=n)).isocalendar()
    return f"{year}-W{week:02d}"


def test_tips_never_repeat_within_8_weeks_over_20_weeks():
    for team, channel in [("T1", "C1"), ("T1", "C2"), ("T2", "C1")]:
        shown: list[str] = []
        for n in range(20):
            tip = choose_tip(team, channel, iso_week(n), recent=shown[-8:])
            shown.append(tip["id"])
        for n in range(len(shown)):
            window = shown[n:n + 9]
            assert len(window) == len(set(window)), (team, channel, shown)


def test_a_tip_is_the_same_for_the_same_channel_and_week_and_varies_between_them():
    first = choose_tip("T1", "C1", "2026-W47", ["outputs-vs-outcomes"])
    assert first == choose_tip("T1", "C1", "2026-W47", ["outputs-vs-outcomes"])
    assert len({choose_tip("T1", f"C{n}", "2026-W47")["id"] for n in range(20)}) > 5
    assert len({choose_tip("T1", "C1", iso_week(n))["id"] for n in range(20)}) > 5


def test_a_tip_avoids_the_passages_the_digest_links_already():
    plain = choose_tip("T1", "C1", "2026-W47")
    other = choose_tip("T1", "C1", "2026-W47", avoid=[plain["id"]])
    assert other["id"] != plain["id"]
    everything = [tip["id"] for tip in candidates()]
    assert choose_tip("T1", "C1", "2026-W47", avoid=everything)  # a repeat of a link beats no tip


def test_tips_are_short_advice_from_the_guidance_with_a_source():
    tips = candidates()
    passages = {p.id: p for p in all_passages()}
    assert len(tips) >= 40
    for tip in tips:
        passage = passages[tip["id"]]
        assert passage.topic != "case-studies"
        assert tip["title"] == passage.title and tip["url"] == passage.url and tip["source"] == passage.source
        assert tip["url"].startswith("http")
        assert 1 <= len(sentence_spans(tip["text"])) <= 2 and len(tip["text"]) <= 400, tip
        assert not tip["text"].endswith(":")
        # each sentence is the passage's own, whitespace aside (two list items become two sentences)
        for start, end in sentence_spans(tip["text"]):
            assert " ".join(tip["text"][start:end].split()) in " ".join(passage.text.split())


def test_a_passage_with_facts_first_gives_its_advice_section_as_the_tip():
    from pathlib import Path

    from bot.digest.tips import advice
    from knowledge.catalog import Passage

    text = ("Background sentence about the law.\n\n## What the rules say\nThe threshold is set by regulation.\n\n"
            "## Writing the tender (our advice)\nAsk bidders how they will keep visits to thirty minutes.")
    passage = Passage("x", "X", "homecare", "planning", "S", "https://example.org", text, Path("x.md"))
    assert advice(passage) == "Ask bidders how they will keep visits to thirty minutes."
