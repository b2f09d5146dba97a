"""Chunks, words and sentences: deterministic, size-capped, verbatim."""

import re
from knowledge.records import replace

from knowledge.catalog import all_passages, passage
from knowledge.chunking import MAX_CHARS, OWN_SOURCE, chunk_document, chunk_passage
from knowledge.text import sentence_spans, tokenize


def test_every_passage_chunks_by_heading_with_stable_ids_and_hashes():
    for p in all_passages():
        first, second = chunk_passage(p), chunk_passage(p)
        assert [c.id for c in first] == [f"{p.id}#{n}" for n in range(len(first))]
        assert [c.hash for c in first] == [c.hash for c in second]
        assert len(first) == 1 + len(re.findall(r"(?m)^## ", p.text))
        for chunk in first:
            assert len(chunk.text) <= MAX_CHARS
            assert re.fullmatch(r"[0-9a-f]{64}", chunk.hash)
            meta = chunk.metadata
            assert (meta["passage_id"], meta["title"], meta["topic"], meta["phase"], meta["source"], meta["url"]) == (
                p.id, p.title, p.topic, p.phase, p.source, p.url)
            assert meta["origin"] == "guidance"
            # Where it applies and how old it is travel with every chunk, as scalars Chroma can store.
            assert (meta["jurisdictions"], meta["source_date"], meta["superseded_by"]) == (
                ",".join(p.jurisdictions), p.source_date, p.superseded_by or "")


def test_sections_keep_their_heading_and_text_verbatim():
    chunks = chunk_passage(passage("fifteen-minute-visits"))
    assert chunks[1].text.startswith("## In a specification (our advice)\n- State that personal care")
    assert all(c.text in passage("fifteen-minute-visits").text for c in chunks)


def test_the_hash_follows_what_the_model_reads_not_the_citation():
    p = passage("logic-model")
    base = chunk_passage(p)[0]
    assert chunk_passage(replace(p, url="https://example.org/moved"))[0].hash == base.hash
    assert chunk_passage(replace(p, title="Another title"))[0].hash != base.hash
    assert chunk_passage(replace(p, text=p.text.replace("five links", "six links")))[0].hash != base.hash


def test_long_documents_are_cut_by_size_and_nothing_is_lost():
    paragraph = " ".join(f"Sentence {i} about outcomes for people." for i in range(60))
    text = "# Policy\n\n" + "\n\n".join([paragraph] * 5) + "\f" + "word " * 900
    chunks = list(chunk_document(text, doc_id="pol-1", title="Policy", url="file:///pol"))
    assert len(chunks) > 5
    assert all(0 < len(c.text) <= MAX_CHARS for c in chunks)
    assert [c.id for c in chunks] == [f"pol-1#{n}" for n in range(len(chunks))]
    assert sum(c.text.split().count("word") for c in chunks) == 900
    assert all(c.metadata["source"] == OWN_SOURCE and c.metadata["passage_id"] == c.id for c in chunks)
    # Where a council's own policy applies is not known: nothing claims it applies anywhere.
    assert all((c.metadata["jurisdictions"], c.metadata["source_date"]) == ("", "") for c in chunks)


def test_text_without_spaces_or_full_stops_is_still_cut():
    text = "公共服务委托" * 1000  # 6,000 characters, no spaces, no punctuation
    chunks = list(chunk_document(text, doc_id="zh", title="zh", url=""))
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= MAX_CHARS for c in chunks)


def test_markdown_headings_start_new_chunks_in_your_documents():
    text = "# Handbook\nIntro.\n\n## Visits\nVisits last 45 minutes.\n\n## Pay\nTravel time is paid."
    assert [c.text.split("\n")[0] for c in chunk_document(text, doc_id="h", title="H", url="")] == [
        "# Handbook", "## Visits", "## Pay"]


def test_tokenize_drops_chat_filler_and_meets_inflections():
    assert tokenize("Hey, quick question: can we weight social value at 20%?") == ["weight", "social", "value", "20"]
    assert tokenize("weighting weighted weights") == ["weight"] * 3
    assert tokenize("Öffentliche Auftragsvergabe 公共采购 المشتريات") == ["öffentliche", "auftragsvergabe", "公共采购", "المشتريات"]


def test_sentences_are_verbatim_and_skip_headings_and_tables():
    text = passage("choosing-a-wellbeing-measure").text
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert "Use one wellbeing tool, not three." in sentences
    assert not any(s.startswith(("|", "#", "- ")) for s in sentences)
    assert all(s in text for s in sentences)
    spans = sentence_spans("Use a tool (e.g. SWEMWBS) at entry. Then review.")
    assert len(spans) == 2
