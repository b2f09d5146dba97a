"""Where guidance applies, how old it is, what replaced it, and whose copy of a source we cite."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from knowledge_helpers import ROOT, run_cli

import knowledge.jurisdiction as jurisdiction
from knowledge.answer import answer, answer_notes, pick_sentences
from knowledge.catalog import NATIONS, UK, all_passages, passage, read_passage
from knowledge.jurisdiction import asked_nation, common, covers, describe, human_date
from knowledge.retrieve import search
from prompts.answers import render_answer

JURISDICTION_QUESTIONS = yaml.safe_load((ROOT / "tests/data/questions_jurisdiction.yaml").read_text(encoding="utf-8"))

# Copies of other people's documents: PDF mirrors, document-sharing sites, staging sites, news
# aggregators, encyclopaedias and archives. A passage cites the publisher's own page instead.
MIRROR_HOSTS = (
    "pdfslide.net", "pdfslide.us", "dokumen.tips", "vdocuments.site", "vdocuments.mx", "vdocuments.us",
    "vdocument.in", "fdocuments.us", "fdocuments.in", "docplayer.net", "scribd.com", "issuu.com", "yumpu.com",
    "slideshare.net", "slideplayer.com", "studylib.net", "careersdocbox.com", "docstoc.com", "feedreader.com",
    "wikipedia.org", "wikisum.wiki", "notion.site", "fiveable.me", "web.archive.org", "archive.org", "archive.ph",
    "sbx.so", "inkl.com", "readkong.com", "paperzz.com", "docslib.org", "pdfdrive.to", "studyres.com",
    "proceduresonline.com", "uktrade.digital", "slidelegend.com",
)
# Kept on purpose: no copy on the publisher's own site could be found, and the passage's facts come
# from this one. Each entry says why; remove it when a primary source turns up.
KEPT = {
    ("case-study-phf-youth-programme", "phf-staging.sbx.so"): "PHF's 2014 news item survives only on its staging site",
    ("case-study-wiltshire", "www.inkl.com"): "the only copy found of the 2014 article on Help to Live at Home",
    ("person-defined-outcomes", "www.inkl.com"): "the only copy found of the 2014 article on Help to Live at Home",
    ("blended-payment-mechanisms", "www.inkl.com"): "the only copy found of the 2014 article on Help to Live at Home",
    ("outcomes-based-payment", "www.inkl.com"): "the only copy found of the 2014 article on Help to Live at Home",
    ("outcomes-based-payment-risks", "www.inkl.com"): "the only copy found of the 2014 article on Help to Live at Home",
    ("coproduction-principles", "slideplayer.com."): "NEF's 2011 Lambeth slides were never published by NEF",
    ("people-as-assets", "slideplayer.com."): "NEF's 2011 Lambeth slides were never published by NEF",
    ("co-producing-commissioning-methods", "vdocuments.site"): "NESTA no longer hosts Co-producing Commissioning",
    ("smaller-providers-and-vcse", "www.docstoc.com"): "Camden's 2010 slides; the host has closed, no other copy",
    ("case-study-camden", "www.docstoc.com"): "Camden's 2010 slides; the host has closed, no other copy",
}


def _cited(p) -> list[str]:
    meta = yaml.safe_load(Path(p.path).read_text(encoding="utf-8").split("\n---", 1)[0][3:])
    return [meta["url"], *(a["url"] for a in meta.get("also") or [])]


# --- every passage says where it applies and how old its source is ------------------------------


def test_every_passage_has_valid_jurisdictions_and_a_dated_source():
    passages = all_passages()  # reading validates: a bad value fails here, naming the file
    assert len(passages) >= 83
    today = date.today().isoformat()
    for p in passages:
        assert p.jurisdictions and set(p.jurisdictions) <= {UK, *NATIONS}, p.id
        assert p.source_date and p.source_date <= today[:len(p.source_date)], (p.id, p.source_date)


def test_the_law_of_one_nation_is_not_tagged_as_another():
    assert passage("care-act-market-shaping").jurisdictions == ("England",)
    assert "Scotland" not in covers(passage("procurement-act-s12-objectives").jurisdictions)
    assert passage("procurement-act-s12-objectives").jurisdictions == ("England", "Wales", "Northern Ireland")
    assert passage("procurement-journey-ratios").jurisdictions == ("Scotland",)
    assert passage("nef-three-phases").jurisdictions == (UK,)


def test_replaced_guidance_names_a_passage_that_exists_and_is_newer():
    replaced = [p for p in all_passages() if p.superseded_by]
    pairs = {(p.id, p.superseded_by) for p in replaced}
    assert {("ppn-06-20", "ppn-002"), ("pcr-2015-meat", "procurement-act-most-advantageous-tender")} <= pairs
    for p in replaced:
        newer = passage(p.superseded_by)
        assert newer is not None and newer.superseded_by != p.id, p.id
        assert newer.source_date >= p.source_date[:len(newer.source_date)], (p.id, newer.id)


_GOOD = ('---\nid: x\ntitle: "X"\ntopic: outcomes\nphase: planning\nsource: "S (2020)"\nurl: "https://example.org"\n'
         'jurisdictions: [England]\nsource_date: "2020-05"\n')


@pytest.mark.parametrize("line,complaint", [
    ("jurisdictions: [Britain]", "jurisdictions has 'Britain'"),
    ("jurisdictions: [UK, England]", "list nations or UK, not both"),
    ("jurisdictions: [England, Wales, Scotland, Northern Ireland]", "write [UK]"),
    ('source_date: "May 2020"', "source_date 'May 2020' is not a date"),
    ('source_date: "2020-13"', "is not a date"),
    ("superseded_by: no-such-passage", "superseded_by names 'no-such-passage'"),
])
def test_a_bad_value_is_refused_with_the_file_named(tmp_path, line, complaint):
    key = line.split(":")[0]
    text = "\n".join(ln for ln in _GOOD.splitlines() if not ln.startswith(key + ":")) + f"\n{line}\n---\nBody.\n"
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(complaint)) as raised:
        read_passage(path)
    assert str(path) in str(raised.value)


def test_a_passage_without_the_new_keys_is_refused(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(_GOOD.replace('jurisdictions: [England]\nsource_date: "2020-05"\n', "") + "---\nBody.\n")
    with pytest.raises(ValueError, match="lacks jurisdictions, source_date"):
        read_passage(path)


def test_superseded_by_may_name_a_sibling_passage(tmp_path):
    (tmp_path / "newer.md").write_text(_GOOD.replace("id: x", "id: newer") + "---\nBody.\n")
    path = tmp_path / "x.md"
    path.write_text(_GOOD + "superseded_by: newer\n---\nBody.\n")
    assert read_passage(path).superseded_by == "newer"


# --- primary sources ----------------------------------------------------------------------------


def test_no_passage_cites_a_mirror_of_someone_elses_document():
    offending = []
    for p in all_passages():
        for url in _cited(p):
            host = (urlsplit(url).hostname or "").lower()
            if any(host == m or host.endswith("." + m) or host.rstrip(".") == m for m in MIRROR_HOSTS):
                if (p.id, urlsplit(url).netloc) not in KEPT:
                    offending.append((Path(p.path).name, url))
    assert not offending, "cite the publisher's own page instead: " + repr(offending)


def test_every_kept_mirror_is_still_cited():
    cited = {(p.id, urlsplit(u).netloc) for p in all_passages() for u in _cited(p)}
    assert set(KEPT) <= cited, set(KEPT) - cited


# --- which nation a question is about -------------------------------------------------------------


@pytest.mark.parametrize("question,nation", [
    ("How should a Welsh council weight social value?", "Wales"),
    ("procurement rules in wales", "Wales"),
    ("Does the Act apply in Scotland?", "Scotland"),
    ("scottish guidance on price and quality", "Scotland"),
    ("What's the social value policy in Northern Ireland?", "Northern Ireland"),
    ("NI social value weighting", "Northern Ireland"),
    ("Are English councils bound by PPN 002?", "England"),
    ("How do we write outcomes in plain English?", None),
    ("Does this apply in England and Wales?", None),
    ("what's a minimum weighting for social value", None),
    ("the omni channel approach", None),
])
def test_the_nation_a_question_names(question, nation):
    assert asked_nation(question) == nation


def test_the_labelled_nation_questions_name_their_nation():
    for item in JURISDICTION_QUESTIONS["questions"]:
        assert asked_nation(item["q"]) == item["nation"], item["q"]


def test_where_several_sources_apply_together():
    assert common([("England",), (UK,)]) == ["England"]
    assert common([(UK,), (UK,)]) == [UK]
    assert common([("England", "Wales", "Northern Ireland"), ("England", "Wales")]) == ["England", "Wales"]
    assert common([("England",), ("Scotland",)]) == []
    assert describe(["Northern Ireland", "England", "Wales"]) == "England, Wales and Northern Ireland"
    assert describe([UK]) == "all four UK nations"
    assert [human_date(d) for d in ("2025-02-13", "2020-12", "2014")] == ["13 February 2025", "December 2020", "2014"]


# --- re-ranking: a named nation brings its own guidance forward -----------------------------------


def _ranks(question, rt, *, rerank: bool, monkeypatch) -> list[str]:
    with monkeypatch.context() as m:
        if not rerank:
            m.setattr(jurisdiction, "BOOST_NAMED", 1.0)
            m.setattr(jurisdiction, "DEMOTE_OTHER", 1.0)
        return [h.passage_id for h in search(question, k=20, rt=rt).hits]


@pytest.mark.parametrize("question,nation", [
    ("what price quality ratio should we use for a care contract in Scotland?", "Scotland"),
    ("social value weighting for a council tender in Wales", "Wales"),
])
def test_guidance_for_the_named_nation_moves_up_and_other_nations_move_down(rt, monkeypatch, question, nation):
    plain = _ranks(question, rt, rerank=False, monkeypatch=monkeypatch)
    ranked = _ranks(question, rt, rerank=True, monkeypatch=monkeypatch)
    assert ranked != plain  # the question set has guidance for both kinds, so the order must change
    elsewhere = []
    for pid in set(plain) & set(ranked):
        where = passage(pid).jurisdictions
        if nation in where and UK not in where:
            assert ranked.index(pid) <= plain.index(pid), pid
        elif UK not in where and nation not in where:
            elsewhere.append(pid)
            assert ranked.index(pid) >= plain.index(pid), pid
    assert elsewhere


def test_a_question_naming_no_nation_is_ranked_exactly_as_before(rt, monkeypatch):
    question = "how should we weight price against quality for a homecare contract?"
    assert _ranks(question, rt, rerank=True, monkeypatch=monkeypatch) == _ranks(
        question, rt, rerank=False, monkeypatch=monkeypatch)


# --- answers say where they apply, how old their sources are, and what was replaced ---------------


def test_an_answer_says_where_it_applies(rt):
    question = "are 15 minute visits ok for personal care?"
    result = answer(question, rt=rt)
    assert result.covered
    sentences = pick_sentences(question, search(question, k=3, rt=rt))
    quoted = [h for h in result.passages if any(s in h.text for s in sentences)]
    expected = common(h.jurisdictions for h in quoted)
    assert result.applies_to == expected and expected
    assert result.notes[0] == f"Applies in: {describe(expected)}."
    data = result.to_dict()
    assert data["applies_to"] == expected and data["notes"] == result.notes
    for p in data["passages"]:
        assert p["jurisdictions"] == list(passage(p["id"]).jurisdictions)
        assert p["source_date"] == passage(p["id"]).source_date


def test_an_answer_quoting_replaced_guidance_says_so_and_names_what_replaced_it(rt):
    result = answer("PPN 06/20 social value five themes recovery from COVID-19", k=3, rt=rt)
    assert result.passages[0].passage_id == "ppn-06-20"
    assert result.passages[0].superseded_by == "ppn-002"
    note = next(n for n in result.notes if n.startswith("Superseded:"))
    newer = passage("ppn-002")
    assert f'replaced by "{newer.title}"' in note and "13 February 2025" in note
    assert result.to_dict()["passages"][0]["superseded_by"] == "ppn-002"
    text = render_answer(result)
    assert note in text and "superseded by ppn-002" in text


def test_an_answer_from_the_2015_regulations_points_to_the_procurement_act(rt):
    result = answer("what does MEAT mean under the Public Contracts Regulations 2015?", rt=rt)
    assert result.passages[0].passage_id == "pcr-2015-meat" and "most economically advantageous" in result.answer
    newer = passage("procurement-act-most-advantageous-tender")
    assert any(n.startswith("Superseded:") and f'replaced by "{newer.title}"' in n for n in result.notes), result.notes


def test_the_terminal_shows_each_sources_nations_and_date(rt):
    result = answer("are 15 minute visits ok for personal care?", rt=rt)
    text = render_answer(result)
    assert text.index("Applies in: ") < text.index("Sources:")
    for hit in result.passages:
        line = f"Applies in {describe(hit.jurisdictions)} · dated {human_date(hit.source_date)}"
        assert line in text, line


def test_a_question_about_one_nation_answered_from_anothers_guidance_says_so(rt):
    # Retrieval as for a Welsh question whose best guidance is English (no Welsh homecare passage).
    found = search("are 15 minute visits ok for personal care?", rt=rt)
    found.nation = "Wales"
    quoted = [h for h in found.hits[:2] if h.jurisdictions == ("England",)]
    assert quoted
    notes = answer_notes(found, quoted, common(h.jurisdictions for h in quoted))
    assert notes[0] == "Applies in: England."
    assert notes[1] == ("You asked about Wales, but the guidance quoted here is for England: "
                        "check what applies in Wales before relying on it.")
    found.nation = "England"
    assert not any(n.startswith("You asked about") for n in answer_notes(found, quoted, ["England"]))


def test_your_own_documents_are_not_said_to_apply_anywhere(rt, tmp_path):
    from knowledge.indexing import index_documents

    doc = tmp_path / "westshire.md"
    doc.write_text("# Westshire homecare policy\n\nWestshire pays homecare workers for travel time between visits "
                   "and never books visits shorter than 45 minutes.", encoding="utf-8")
    index_documents([str(doc)], rt)
    result = answer("Does Westshire pay homecare workers for travel time?", rt=rt)
    mine = [h for h in result.passages if h.origin != "guidance"]
    assert mine and mine[0].jurisdictions == () and mine[0].source_date == ""
    assert mine[0].text in result.answer or any(s in mine[0].text for s in result.answer.split(". "))
    # Quoting a council's policy, the answer never claims the policy applies in a nation.
    assert not any(n.startswith("Applies in") for n in result.notes), result.notes
    assert result.applies_to == [] or any(n.startswith("The guidance quoted applies in") for n in result.notes)


def test_the_cli_json_carries_where_and_when(fake):
    result = run_cli("ask", "are 15 minute visits ok for personal care?", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"question", "answer", "covered", "passages"} <= set(data)
    assert data["applies_to"] and data["notes"][0].startswith("Applies in: ")
    assert all(p["jurisdictions"] and re.fullmatch(r"\d{4}(-\d\d){0,2}", p["source_date"]) for p in data["passages"])


# --- real model: questions that name a nation ------------------------------------------------------


@pytest.mark.real_model
def test_questions_naming_a_nation_find_that_nations_guidance(real_rt):
    misses = []
    for item in JURISDICTION_QUESTIONS["questions"]:
        for pid in item["relevant"]:
            assert passage(pid) is not None, f"{pid} in {item['q']!r} is not a guidance passage"
        ids = [h.passage_id for h in search(item["q"], k=3, rt=real_rt).hits]
        if not set(ids) & set(item["relevant"]):
            misses.append((item["q"], ids))
        top = passage(ids[0])
        assert item["nation"] in covers(top.jurisdictions), (item["q"], ids[0], top.jurisdictions)
    assert len(misses) <= 1, misses


@pytest.mark.real_model
def test_answers_to_nation_questions_say_where_they_apply(real_rt):
    for item in JURISDICTION_QUESTIONS["questions"]:
        result = answer(item["q"], rt=real_rt)
        assert result.covered, item["q"]
        assert result.notes and result.notes[0].startswith(("Applies in: ", "Where this applies differs")), item["q"]
        if result.applies_to:
            assert item["nation"] in covers(result.applies_to), (item["q"], result.applies_to)


def test_slack_shows_where_it_applies_and_each_sources_date(rt):
    from bot.slack.blocks import answer_message

    result = answer("PPN 06/20 social value five themes recovery from COVID-19", k=3, rt=rt)
    blocks = answer_message(result, answer_id=7).blocks
    contexts = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert any("Applies in: England." in c and "Superseded:" in c and "13 February 2025" in c for c in contexts)
    sources = next(b["text"]["text"] for b in blocks if b["type"] == "section" and "Sources" in b["text"]["text"])
    assert "Applies in England · dated December 2020 · superseded by ppn-002" in sources
