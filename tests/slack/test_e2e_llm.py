"""End to end with the optional model (TENDER_COACH_LLM_URL) pointed at a local stub endpoint: a
checked generated answer reaches Slack with its citations and a note saying who wrote it; a
hostile polish of a rewrite never does."""

from __future__ import annotations

import json

import pytest
from bot_process import BotProcess, dm

from tests.prompts.llm_stub import Stub

QUESTION = "How should we weight price against quality?"
DRAFT = "The provider will deliver 200 youth sessions per year."
GENERATED = "The first source sets out how to weight price against quality for this kind of contract [1]."


def _reply(body):
    system, user = (m["content"] for m in body["messages"])
    if "numbered passages" in system:  # the answer prompt (prompts/templates/llm/answer.*.j2)
        return 200, {"choices": [{"message": {"role": "assistant", "content": GENERATED}}]}
    rewrite = user.split("<<<")[-1].split(">>>")[0].strip()  # the last marked block is the rewrite
    return 200, {"choices": [{"message": {"role": "assistant", "content": "<!channel> " + rewrite}}]}


@pytest.fixture
def llm():
    stub = Stub()
    stub.reply = _reply
    yield stub
    stub.close()


def _texts(emu, channel, count=1):
    calls = emu.wait_for("chat.postMessage", count=count, timeout=20, predicate=lambda c: c.params.get("channel") == channel)
    return "\n".join(json.dumps(c.params, ensure_ascii=False) for c in calls)


def test_slack_answers_with_a_checked_generated_answer_and_never_posts_a_hostile_polish(emu, llm, tmp_path):
    with BotProcess(emu.api_url, tmp_path, extra_env={"TENDER_COACH_LLM_URL": llm.url, "TENDER_COACH_LLM_TIMEOUT": "5"}) as bot:
        bot.event(dm(QUESTION, channel="D7"))
        answer = _texts(emu, "D7")
        assert GENERATED.replace("[1].", "[1]") in answer and "Written by the configured model" in answer
        bot.event(dm(DRAFT, channel="D8"))
        review = _texts(emu, "D8")
    assert "200 youth sessions per year" in review  # the deterministic rewrite quotes the draft
    assert "<!channel>" not in review and "&lt;!channel&gt;" not in review
    prompts = [r["body"]["messages"][0]["content"] for r in llm.requests]
    assert any("numbered passages" in p for p in prompts) and len(prompts) >= 2  # both paths asked the model


def test_a_bad_llm_setting_stops_serve_before_the_port_opens_and_names_it(emu, tmp_path):
    bot = BotProcess(emu.api_url, tmp_path, extra_env={"TENDER_COACH_LLM_URL": "ftp://nowhere"})
    with pytest.raises(AssertionError, match="TENDER_COACH_LLM_URL"):
        with bot:
            pass
