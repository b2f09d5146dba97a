"""`ask`: the JSON contract, extractive answers, filters, "nothing found", and bad questions."""

import subprocess
import sys

import pytest
from knowledge_helpers import ROOT

from knowledge.answer import MAX_QUESTION_CHARS, NO_ANSWER, answer
from knowledge.catalog import passage
from knowledge.errors import InputError
from knowledge.indexing import index_documents


def _in_some_passage(sentence: str, passages) -> bool:
    return any(sentence in p["text"] for p in passages)


def test_ask_returns_the_json_contract(fake):
    from knowledge import ask

    result = ask("Are 15-minute visits ever acceptable for personal care?", k=4)
    assert set(result) == {"question", "answer", "passages"}
    assert len(result["passages"]) == 4
    for p in result["passages"]:
        assert set(p) == {"id", "title", "text", "source", "url", "score"}
        assert 0 < p["score"] <= 1 and p["url"].startswith("http")
        assert p["title"] == passage(p["id"]).title
    scores = [p["score"] for p in result["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert result["passages"][0]["id"] == "fifteen-minute-visits"


def test_the_answer_is_sentences_copied_from_the_passages(rt):
    result = answer("How should we weight price against quality for a care contract?", rt=rt).to_dict()
    assert result["answer"] != NO_ANSWER
    # Split where _best_sentences joined; every piece must appear verbatim in a returned passage.
    text = result["answer"]
    pieces = []
    for p in result["passages"]:
        for a, b in __import__("knowledge.text", fromlist=["sentence_spans"]).sentence_spans(p["text"]):
            sentence = p["text"][a:b].strip()
            if sentence and sentence in text:
                pieces.append(sentence)
                text = text.replace(sentence, "", 1)
    assert text.strip() == "", f"answer text not found in any passage: {text!r}"
    assert 1 <= len(pieces) <= 3


def test_topic_and_phase_filters(rt, tmp_path):
    doc = tmp_path / "mine.txt"
    doc.write_text("Our homecare visits are at least 45 minutes long.")
    index_documents([str(doc)], rt)
    homecare = answer("how long should homecare visits be?", k=5, topic="homecare", rt=rt)
    assert homecare.passages and all(passage(h.passage_id).topic == "homecare" for h in homecare.passages)
    delivery = answer("how long should homecare visits be?", k=5, phase="delivery", rt=rt)
    assert all(passage(h.passage_id).phase == "delivery" for h in delivery.passages)
    both = answer("measuring wellbeing", k=5, topic="measurement", phase="planning", rt=rt)
    assert all((passage(h.passage_id).topic, passage(h.passage_id).phase) == ("measurement", "planning")
               for h in both.passages)
    unfiltered = answer("how long should homecare visits be in our policy?", k=5, rt=rt)
    assert "your documents" in {h.source for h in unfiltered.passages}
    with pytest.raises(InputError, match="unknown topic"):
        answer("visits", topic="gardening", rt=rt)
    with pytest.raises(InputError, match="unknown phase"):
        answer("visits", phase="later", rt=rt)


def test_your_documents_are_cited_as_your_documents(rt, tmp_path):
    doc = tmp_path / "westshire-homecare-policy.md"
    doc.write_text("# Westshire homecare policy\n\nWestshire pays carers for travel time between every visit.\n")
    index_documents([str(doc)], rt)
    result = answer("Does Westshire pay carers for travel time?", rt=rt).to_dict()
    mine = [p for p in result["passages"] if p["source"] == "your documents"]
    assert mine and mine[0]["title"] == "Westshire homecare policy"
    assert mine[0]["url"] == doc.resolve().as_uri() and mine[0]["id"].endswith("#0")


def test_nothing_relevant_says_so_and_returns_no_passages(rt):
    result = answer("zebra xylophone quasar", rt=rt).to_dict()
    assert result == {"question": "zebra xylophone quasar", "answer": NO_ANSWER, "passages": []}
    assert NO_ANSWER.startswith("I couldn't find guidance on that")


@pytest.mark.parametrize("question", ["", "   \n\t "])
def test_an_empty_question_is_refused(rt, question):
    with pytest.raises(InputError, match="empty"):
        answer(question, rt=rt)


@pytest.mark.parametrize("k", [0, -1, 21])
def test_k_out_of_range_is_refused(rt, k):
    with pytest.raises(InputError, match="k must be"):
        answer("social value", k=k, rt=rt)


def test_a_20000_character_question_is_truncated_not_fatal(rt):
    question = ("How should we weight social value in a homecare tender? " * 400)[:20000]
    result = answer(question, rt=rt)
    assert result.truncated and len(question) > MAX_QUESTION_CHARS
    assert result.question == question.strip() and result.passages


def test_a_non_english_question_does_not_crash(rt):
    for question in ("¿Cómo ponderamos el valor social?", "社会价值应该占多少权重？", "ما هو الوزن المناسب للقيمة الاجتماعية؟"):
        result = answer(question, rt=rt).to_dict()
        assert set(result) == {"question", "answer", "passages"}


def test_importing_the_catalog_stays_light():
    code = ("import sys, knowledge, knowledge.catalog; "
            "heavy = [m for m in ('chromadb', 'torch', 'sentence_transformers', 'bm25s') if m in sys.modules]; "
            "assert not heavy, heavy; from knowledge import ask; assert callable(ask)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=60)
