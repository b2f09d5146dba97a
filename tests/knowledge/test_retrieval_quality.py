"""Retrieval quality with the real model on the labelled question set (tests/data/questions.yaml)."""

import json
import re

import pytest
from knowledge_helpers import QUESTIONS, retrieval_scores, run_cli

from knowledge.answer import answer, pick_sentences
from knowledge.catalog import passage
from knowledge.retrieve import search

pytestmark = pytest.mark.real_model

# Measured 0.922 over all 193 questions and 0.851 over the 94 written before their passages
# (benchmarks/retrieval.py prints both); the target is 0.85.
KEY_FACTS_FLOOR = 0.9


def test_the_question_set_is_labelled_with_real_passages():
    questions = QUESTIONS["questions"]
    assert len(questions) >= 80
    assert len({q["q"] for q in questions}) == len(questions)
    for item in questions:
        assert 1 <= len(item["relevant"]) <= 3, item
        for pid in item["relevant"]:
            assert passage(pid) is not None, f"{pid} in {item['q']!r} is not a guidance passage"
        assert item["q"].lower().rstrip("?") not in {passage(p).title.lower() for p in item["relevant"]}
        assert item["facts"], item
        for fact in item["facts"]:
            re.compile(fact)


def test_hybrid_retrieval_finds_the_right_passage(real_rt):
    hit3, mrr, misses = retrieval_scores(real_rt)
    assert hit3 >= 0.9, misses
    assert mrr >= 0.75, misses


def test_answers_are_quoted_from_their_passages(real_rt):
    for item in QUESTIONS["questions"]:
        result = answer(item["q"], rt=real_rt)
        if not result.covered:
            continue  # how often that happens: test_abstention.py
        pieces = pick_sentences(item["q"], search(item["q"], k=3, rt=real_rt))
        assert result.answer == " ".join(pieces)
        texts = [h.text for h in result.passages]
        assert pieces and all(any(piece in t for t in texts) for piece in pieces), item["q"]


def test_answers_contain_the_key_facts_asked_for(real_rt):
    """The answer text itself, not only its passages, must carry what was asked: the 10% for a
    weighting question, the scale for a measure question. An abstention counts as a miss."""
    missing = []
    for item in QUESTIONS["questions"]:
        text = answer(item["q"], rt=real_rt).answer
        lacking = [fact for fact in item["facts"] if not re.search(fact, text, re.IGNORECASE)]
        if lacking:
            missing.append((item["q"], lacking))
    share = 1 - len(missing) / len(QUESTIONS["questions"])
    assert share >= KEY_FACTS_FLOOR, missing


def test_off_topic_questions_get_no_answer(real_rt):
    declined = [q for q in QUESTIONS["off_topic"] if answer(q, rt=real_rt).passages == []]
    # Calibration (knowledge/embedder.py): one borderline chat question may still match.
    assert len(declined) >= len(QUESTIONS["off_topic"]) - 1, set(QUESTIONS["off_topic"]) - set(declined)


def test_the_real_command_answers_offline(real_data):
    result = run_cli("ask", "are 15 minute visits ok for personal care?", "--format", "json",
                     env={"TENDER_COACH_DATA": str(real_data), "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["passages"][0]["id"] in {"fifteen-minute-visits", "nice-homecare-30-minutes"}
    assert result.stderr == ""
