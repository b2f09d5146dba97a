"""The real-document corpus (tests/data/real) is well formed, varied and cited.

It measures generalisation (benchmarks/real_documents.py); precision/recall thresholds on it
are set separately once the before-tuning numbers are known.
"""

from pathlib import Path

import pytest
import yaml

REAL = Path(__file__).parent.parent / "data" / "real"
LABELS = {"output-only", "cost-first", "none"}
SOURCE_KEYS = {"title", "publisher", "country", "url", "date"}
CLAUSE_KEYS = {"text", "context", "labels", "form", "note", "uncertain"}
FILES = sorted(REAL.glob("*.yaml"))
# Every batch: each measured blind before any tuning on it (see its README for the numbers before and after).
BATCHES = [REAL.parent / name for name in ("real", "real-unseen", "real-third", "real-fourth", "real-fifth", "real-sixth", "real-seventh", "real-eighth", "real-ninth", "real-tenth", "real-eleventh", "real-twelfth", "real-thirteenth", "real-fourteenth", "real-fifteenth", "real-sixteenth", "real-seventeenth", "real-eighteenth", "real-nineteenth", "real-twentieth", "real-twenty-first", "real-twenty-second", "real-twenty-third", "real-twenty-fourth", "real-twenty-fifth", "real-twenty-sixth", "real-twenty-seventh", "real-twenty-eighth", "real-twenty-ninth", "real-thirtieth", "real-thirty-first", "real-thirty-second", "real-thirty-third", "real-thirty-fourth", "real-thirty-fifth", "real-thirty-sixth", "real-thirty-seventh", "real-thirty-eighth", "real-thirty-ninth", "real-fortieth", "real-forty-first", "real-forty-second", "real-forty-third", "real-forty-fourth", "real-forty-fifth", "real-forty-sixth", "real-forty-seventh", "real-forty-eighth", "real-forty-ninth", "real-fiftieth", "real-fifty-first", "real-fifty-second", "real-fifty-third", "real-fifty-fourth", "real-fifty-fifth", "real-fifty-sixth", "real-fifty-seventh", "real-fifty-eighth", "real-fifty-ninth", "real-sixtieth", "real-sixty-first", "real-sixty-second", "real-sixty-third", "real-sixty-fourth", "real-sixty-fifth", "real-sixty-sixth", "real-sixty-seventh", "real-sixty-eighth", "real-sixty-ninth", "real-seventieth", "real-seventy-first", "real-seventy-second", "real-seventy-third", "real-seventy-fourth", "real-seventy-fifth", "real-seventy-sixth", "real-seventy-seventh", "real-seventy-eighth", "real-seventy-ninth", "real-eightieth", "real-eighty-first", "real-eighty-second", "real-eighty-third", "real-eighty-fourth", "real-eighty-fifth", "real-eighty-sixth", "real-eighty-seventh", "real-eighty-eighth", "real-eighty-ninth", "real-ninetieth", "real-ninety-first", "real-ninety-second", "real-ninety-third", "real-ninety-fourth", "real-ninety-fifth", "real-ninety-sixth", "real-ninety-seventh", "real-ninety-eighth", "real-ninety-ninth", "real-hundredth", "real-hundred-first", "real-hundred-second", "real-hundred-third", "real-hundred-fourth", "real-hundred-fifth", "real-hundred-sixth", "real-hundred-seventh", "real-hundred-eighth", "real-hundred-ninth", "real-hundred-tenth", "real-hundred-eleventh", "real-hundred-twelfth", "real-hundred-thirteenth", "real-hundred-fourteenth", "real-hundred-fifteenth", "real-hundred-sixteenth", "real-hundred-seventeenth", "real-hundred-eighteenth", "real-hundred-nineteenth", "real-hundred-twentieth", "real-hundred-twenty-first", "real-hundred-twenty-second", "real-hundred-twenty-third", "real-hundred-twenty-fourth", "real-hundred-twenty-fifth", "real-hundred-twenty-sixth", "real-hundred-twenty-seventh", "real-hundred-twenty-eighth", "real-hundred-twenty-ninth", "real-hundred-thirtieth", "real-hundred-thirty-first", "real-hundred-thirty-second", "real-hundred-thirty-third", "real-hundred-thirty-fourth", "real-hundred-thirty-fifth", "real-hundred-thirty-sixth", "real-hundred-thirty-seventh", "real-hundred-thirty-eighth", "real-hundred-thirty-ninth", "real-hundred-fortieth", "real-hundred-forty-first", "real-hundred-forty-second", "real-hundred-forty-third", "real-hundred-forty-fourth", "real-hundred-forty-fifth", "real-hundred-forty-sixth", "real-hundred-forty-seventh", "real-hundred-forty-eighth", "real-hundred-forty-ninth", "real-hundred-fiftieth", "real-hundred-fifty-first", "real-hundred-fifty-second", "real-hundred-fifty-third", "real-hundred-fifty-fourth", "real-hundred-fifty-fifth", "real-hundred-fifty-sixth", "real-hundred-fifty-seventh", "real-hundred-fifty-eighth", "real-hundred-fifty-ninth", "real-hundred-sixtieth", "real-hundred-sixty-first", "real-hundred-sixty-second", "real-hundred-sixty-third", "real-hundred-sixty-fourth", "real-hundred-sixty-fifth", "real-hundred-sixty-sixth", "real-hundred-sixty-seventh", "real-hundred-sixty-eighth", "real-hundred-sixty-ninth", "real-hundred-seventieth", "real-hundred-seventy-first", "real-hundred-seventy-second", "real-hundred-seventy-third", "real-hundred-seventy-fourth", "real-hundred-seventy-fifth", "real-hundred-seventy-sixth", "real-hundred-seventy-seventh", "real-hundred-seventy-eighth", "real-hundred-seventy-ninth", "real-hundred-eightieth", "real-hundred-eighty-first", "real-hundred-eighty-second", "real-hundred-eighty-third", "real-hundred-eighty-fourth", "real-hundred-eighty-fifth", "real-hundred-eighty-sixth", "real-hundred-eighty-seventh", "real-hundred-eighty-eighth", "real-hundred-eighty-ninth", "real-hundred-ninetieth", "real-hundred-ninety-first", "real-hundred-ninety-second", "real-hundred-ninety-third", "real-hundred-ninety-fourth", "real-hundred-ninety-fifth", "real-hundred-ninety-sixth", "real-hundred-ninety-seventh", "real-hundred-ninety-eighth", "real-hundred-ninety-ninth", "real-two-hundredth", "real-two-hundred-first", "real-two-hundred-second", "real-two-hundred-third", "real-two-hundred-fourth", "real-two-hundred-fifth", "real-two-hundred-sixth", "real-two-hundred-seventh", "real-two-hundred-eighth", "real-two-hundred-ninth", "real-two-hundred-tenth", "real-two-hundred-eleventh", "real-two-hundred-twelfth", "real-two-hundred-thirteenth", "real-two-hundred-fourteenth", "real-two-hundred-fifteenth", "real-two-hundred-sixteenth", "real-two-hundred-seventeenth", "real-two-hundred-eighteenth", "real-two-hundred-nineteenth", "real-two-hundred-twentieth", "real-two-hundred-twenty-first", "real-two-hundred-twenty-second", "real-two-hundred-twenty-third", "real-two-hundred-twenty-fourth", "real-two-hundred-twenty-fifth", "real-two-hundred-twenty-sixth", "real-two-hundred-twenty-seventh", "real-two-hundred-twenty-eighth", "real-two-hundred-twenty-ninth", "real-two-hundred-thirtieth")]
ALL_FILES = [path for folder in BATCHES for path in sorted(folder.glob("*.yaml"))]


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _country(doc: dict) -> str:
    return doc["source"]["country"].split(" (")[0].strip()


def test_there_are_enough_documents_from_enough_countries():
    docs = [_load(p) for p in FILES]
    assert len(docs) >= 12
    assert len({_country(d) for d in docs}) >= 3
    assert sum(len(d["clauses"]) for d in docs) >= 300


def test_the_readme_defines_the_labels():
    readme = (REAL / "README.md").read_text(encoding="utf-8")
    for label in LABELS:
        assert f"**{label}**" in readme, label


def test_every_batch_is_there_with_its_checksums():
    import hashlib

    for folder in BATCHES[2:]:
        sums = (folder / "SHA256SUMS").read_text(encoding="utf-8").split("\n")
        listed = dict(reversed(line.split(maxsplit=1)) for line in sums if line.strip())
        assert set(listed) == {p.name for p in folder.glob("*.yaml")}, folder.name
        for name, digest in listed.items():  # a blind batch is measured as it was labelled
            assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_document_is_well_formed(path):
    doc = _load(path)
    assert set(doc) <= {"source", "notes", "clauses"}, path.name
    source = doc["source"]
    assert set(source) == SOURCE_KEYS, path.name
    assert all(isinstance(source[k], str) and source[k].strip() for k in SOURCE_KEYS), path.name
    assert source["url"].startswith(("http://", "https://")), path.name
    assert doc["clauses"], path.name
    for i, clause in enumerate(doc["clauses"], start=1):
        where = f"{path.name} clause {i}"
        assert set(clause) <= CLAUSE_KEYS, where
        assert isinstance(clause["text"], str) and clause["text"].strip(), where
        labels = clause["labels"]
        assert isinstance(labels, list) and labels, where
        assert set(labels) <= LABELS, where
        assert len(set(labels)) == len(labels), where
        assert "none" not in labels or labels == ["none"], where
        if "context" in clause:
            assert isinstance(clause["context"], str) and clause["context"].strip(), where
        if "uncertain" in clause:
            assert clause["uncertain"] is True, where


def test_clause_texts_are_not_repeated_within_a_document():
    # The same row under two tables' headings ("EUR / hour 24 21" for a one-person and a two-person household) is two
    # clauses; the same text under the same heading twice is a copying slip, unless it is a row a table repeats for
    # different items, apart from each other ("Result: Indicator met." under two indicators of a flattened table), or a
    # second table with the first one's title and header rows (a rate grid continued on its next page).
    for path in ALL_FILES:
        clauses = _load(path)["clauses"]
        seen: dict = {}
        for i, c in enumerate(clauses):
            key = (c["text"], c.get("context"))
            if key in seen:
                j = seen[key]
                repeated_row = c.get("form") == clauses[j].get("form") in ("table-row", "table-header", "heading") and i - j > 1
                assert repeated_row, f"{path.name}: clause {i + 1} repeats clause {j + 1}"
            seen[key] = i


# Where the checker stands on documents it was not written for, measured after each round of
# fixes (first round before: output-only P 0.33 / R 0.13, cost-first P 0.53 / R 0.38; clause model
# round: 0.57 / 0.28 and 0.67 / 0.67 before, 0.71 / 0.39 and 0.68 / 0.71 after). A floor against
# sliding back, below the issue's goal of P 0.90 / R 0.85, which is not yet met here.
FLOORS = {"output-only": (0.65, 0.35), "cost-first": (0.62, 0.65)}
# The second batch (tests/data/real-unseen), labelled blind: before the clause model output-only
# P 0.44 / R 0.33 and cost-first P 0.55 / R 0.35; after it 1.00 / 1.00 and 1.00 / 0.76. Its misses
# and false alarms were fixed as classes with invented examples, so these floors guard the classes.
UNSEEN = REAL.parent / "real-unseen"
UNSEEN_FLOORS = {"output-only": (0.85, 0.85), "cost-first": (0.85, 0.70)}


def _bench():
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("real_documents", REAL.parents[2] / "benchmarks" / "real_documents.py")
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    spec.loader.exec_module(bench)
    return bench


@pytest.mark.parametrize("data,floors", [(REAL, FLOORS), (UNSEEN, UNSEEN_FLOORS)], ids=["real", "real-unseen"])
def test_the_checker_does_not_slide_back_on_real_documents(data, floors):
    from scoring import review

    bench = _bench()
    clauses = bench.load_clauses(data)
    assert clauses, data
    results = {(c.doc, c.index): bench.flagged(review, c) for c in clauses}
    overall, _ = bench.score(clauses, results)
    for category, (precision, recall) in floors.items():
        tally = overall[category]
        assert tally.tp / max(1, tally.tp + tally.fp) >= precision, (category, tally.tp, tally.fp)
        assert tally.tp / max(1, tally.tp + tally.fn) >= recall, (category, tally.tp, tally.fn)


SECOND_LABELS = sorted((REAL.parents[2] / "benchmarks" / "second_labels").glob("*.yaml"))


@pytest.mark.parametrize("path", SECOND_LABELS, ids=[p.stem for p in SECOND_LABELS])
def test_a_second_readers_labels_cover_their_batch_clause_for_clause(path):
    """benchmarks/label_agreement.py compares them clause by clause: a document or clause missing on either side
    would quietly drop out of the agreement it reports."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("label_agreement", path.parents[1] / "label_agreement.py")
    agreement = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(agreement)
    rows = agreement.pairs(path.stem)  # exits naming the document if one side lacks a document or a clause
    assert len(rows) == sum(len(_load(p)["clauses"]) for p in sorted((REAL.parent / path.stem).glob("*.yaml")))
    assert all(second <= LABELS and second and ("none" not in second or second == {"none"}) for _, _, second, _ in rows)
