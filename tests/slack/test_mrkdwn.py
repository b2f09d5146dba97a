"""What a pasted draft or a guidance passage looks like once it is Slack mrkdwn."""

import pytest

from bot.slack.mrkdwn import escape, link, to_mrkdwn

ZWJ = "\u200d"


def test_escape_replaces_the_three_control_characters():
    assert escape("Price < 60% & Quality > 40%") == "Price &lt; 60% &amp; Quality &gt; 40%"


def test_escape_treats_an_entity_in_a_draft_as_the_text_it_is():
    # Someone pasting "&amp;" means those five characters, not "&".
    assert escape("R&amp;D") == "R&amp;amp;D"


@pytest.mark.parametrize("pasted", ["<!channel>", "<!here>", "<!everyone>", "<@U123>", "<#C123>", "<!subteam^S1>"])
def test_escaped_mentions_cannot_ping_or_link(pasted):
    out = escape(f"Please note {pasted} before bidding")
    assert "<" not in out and ">" not in out
    assert out == f"Please note &lt;{pasted[1:-1]}&gt; before bidding"


@pytest.mark.parametrize("word", ["@channel", "@here", "@everyone", "@Channel", "@HERE"])
def test_bare_broadcast_words_are_defused_but_still_read_the_same(word):
    out = escape(f"tell {word} about the deadline")
    assert word not in out
    assert out.replace(ZWJ, "") == f"tell {word} about the deadline"


def test_ordinary_at_signs_are_left_alone():
    assert escape("email bids@council.gov.uk or @jo") == "email bids@council.gov.uk or @jo"


def test_bold_italic_and_links_become_slack_mrkdwn():
    out = to_mrkdwn("Weight **quality first**, *then* price. See [NEF's guide](https://nef.org/guide).")
    assert out == "Weight *quality first*, _then_ price. See <https://nef.org/guide|NEF's guide>."


def test_text_around_and_inside_markup_is_escaped():
    out = to_mrkdwn("**A & B** then [<!here> tips](https://x.org/a?b=1&c=2) <@U1>")
    assert out == "*A &amp; B* then <https://x.org/a?b=1&amp;c=2|&lt;!here&gt; tips> &lt;@U1&gt;"


@pytest.mark.parametrize("text", ["2 * 3 * 4 sessions", "a*b*c", "file_name_here", "5* rating", "** not bold"])
def test_stars_that_are_not_emphasis_are_kept(text):
    assert to_mrkdwn(text) == text


def test_a_link_that_is_not_a_web_address_shows_only_its_title():
    assert to_mrkdwn("[click](javascript:alert(1)) now") == "click now"
    assert to_mrkdwn("[write](mailto:a@b.org)") == "write"


def test_a_url_with_brackets_stays_one_link():
    assert to_mrkdwn("[W](https://en.wikipedia.org/wiki/Outcome_(x))") == "<https://en.wikipedia.org/wiki/Outcome_(x)|W>"


@pytest.mark.parametrize("url", ["ftp://x.org/f", "x.org", "https://x.org/a b", "https://x.org/a|b", "", "https://"])
def test_link_refuses_anything_but_a_whole_web_address(url):
    assert link(url, "Guide") == "Guide"


def test_link_keeps_http_and_https_and_escapes_title():
    assert link(" http://x.org/p ", "Q&A <2024>") == "<http://x.org/p|Q&amp;A &lt;2024&gt;>"
    assert link("HTTPS://X.ORG", "") == "<HTTPS://X.ORG|HTTPS://X.ORG>"


def test_answer_text_from_the_knowledge_base_converts_cleanly():
    from knowledge.answer import NO_ANSWER
    out = to_mrkdwn(NO_ANSWER)
    assert "`tender-coach index`" in out and "<" not in out
