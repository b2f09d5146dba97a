"""Incremental indexing, one writer, model changes, and Chroma never embedding anything itself."""

import shutil
import time

import pytest
from filelock import FileLock

from knowledge import catalog, indexing
from knowledge.chunking import GUIDANCE, OWN_DOCUMENTS
from knowledge.embedder import FakeEmbedder
from knowledge.store import EMBED_BATCH
from knowledge.errors import IndexBusyError, InputError
from knowledge.indexing import (
    document_id, ensure_guidance, guidance_chunks, index_documents, list_documents, rebuild_guidance, remove_document,
)

from knowledge_helpers import make_runtime


@pytest.fixture
def guidance_copy(tmp_path, monkeypatch):
    """A private copy of the guidance folder that a test may edit."""
    folder = tmp_path / "guidance"
    shutil.copytree(catalog.GUIDANCE_DIR, folder)
    monkeypatch.setattr(catalog, "GUIDANCE_DIR", folder)
    return folder


def test_the_guidance_index_is_built_once_and_reused(rt, fake, tmp_path):
    stats = ensure_guidance(rt)
    total = len(guidance_chunks())
    assert stats.embedded == total and rt.store.count(GUIDANCE) == total
    calls = fake.calls

    again = make_runtime(fake, tmp_path / "data")  # a new process, same data folder
    assert ensure_guidance(again) is None
    assert fake.calls == calls, "an unchanged index must not be re-embedded"


def test_edited_and_deleted_guidance_is_updated_incrementally(rt, fake, tmp_path, guidance_copy):
    ensure_guidance(rt)
    path = guidance_copy / "logic-model.md"
    path.write_text(path.read_text().replace("five links", "five connected links"))
    (guidance_copy / "go-lab-overview.md").unlink()
    fake.texts_encoded = 0

    stats = ensure_guidance(make_runtime(fake, tmp_path / "data"))
    assert stats.embedded == 1 and fake.texts_encoded == 1  # only the edited section
    assert stats.removed == 2  # go-lab-overview had two chunks
    ids = {c.id for c in rt.store.get(GUIDANCE, documents=False)}
    assert "go-lab-overview#0" not in ids and "logic-model#0" in ids


def test_a_changed_source_url_updates_metadata_without_embedding(rt, fake, tmp_path, guidance_copy):
    ensure_guidance(rt)
    path = guidance_copy / "logic-model.md"
    path.write_text(path.read_text().replace("url: ", "url: https://example.org/moved?from=", 1))
    fake.texts_encoded = 0
    stats = ensure_guidance(make_runtime(fake, tmp_path / "data"))
    assert (stats.embedded, stats.updated) == (0, 2) and fake.texts_encoded == 0
    stored = rt.store.get(GUIDANCE, where={"passage_id": "logic-model"}, documents=False)
    assert all(c.metadata["url"].startswith("https://example.org/moved") for c in stored)


def test_rebuild_re_embeds_everything(rt, fake):
    ensure_guidance(rt)
    fake.texts_encoded = 0
    seen = []
    stats = rebuild_guidance(rt, on_progress=seen.append)
    assert stats.embedded == fake.texts_encoded == len(guidance_chunks())
    assert seen[-1] == pytest.approx(1.0)


def test_a_rebuild_keeps_the_index_readable_while_it_runs(rt, fake, monkeypatch):
    ensure_guidance(rt)
    monkeypatch.setattr(type(rt.store), "drop", lambda *_: pytest.fail("a same-model rebuild must not drop"))
    seen = []

    def look(_fraction):  # what a reader in another process would find, mid-rebuild
        meta = rt.store.metadata(GUIDANCE)
        seen.append((rt.store.count(GUIDANCE), bool(meta.get("fingerprint"))))

    stats = rebuild_guidance(rt, on_progress=look)
    assert stats.embedded == len(guidance_chunks())
    assert seen and all(found == (len(guidance_chunks()), True) for found in seen)


def test_a_different_model_or_dimension_rebuilds_the_index(rt, tmp_path):
    ensure_guidance(rt)
    smaller = FakeEmbedder(dimension=64)
    other = make_runtime(smaller, tmp_path / "data")
    assert not other.store.matches_embedder(GUIDANCE)
    stats = ensure_guidance(other)
    assert stats.embedded == len(guidance_chunks())
    assert other.store.matches_embedder(GUIDANCE)
    assert other.store.collection(GUIDANCE).metadata["dimension"] == 64


def test_your_documents_are_indexed_incrementally(rt, fake, tmp_path):
    doc = tmp_path / "policy.md"
    doc.write_text("# Homecare policy\n\nIntro.\n\n## Visits\nVisits last 45 minutes.\n\n## Pay\nTravel time is paid.\n")
    (results, _) = index_documents([str(doc)], rt)
    assert results[0].ok and results[0].stats.embedded == 3

    fake.calls = 0
    (results, _) = index_documents([str(doc)], rt)
    assert results[0].stats.unchanged == 3 and fake.calls == 0

    doc.write_text(doc.read_text().replace("45 minutes", "an hour").replace("\n## Pay\nTravel time is paid.\n", ""))
    fake.texts_encoded = 0
    (results, _) = index_documents([str(doc)], rt)
    stats = results[0].stats
    assert (stats.embedded, stats.removed) == (1, 1) and fake.texts_encoded == 1
    texts = [c.text for c in rt.store.get(OWN_DOCUMENTS)]
    assert any("an hour" in t for t in texts) and not any("Travel time" in t for t in texts)


def test_deleted_files_leave_the_index_and_remove_works_by_id_or_path(rt, tmp_path):
    a, b, c = (tmp_path / name for name in ("a.txt", "b.txt", "c.txt"))
    for path in (a, b, c):
        path.write_text(f"Policy {path.stem}: carers are paid for travel time.")
    index_documents([str(a), str(b), str(c)], rt)
    assert len(list_documents(rt)) == 3

    a.unlink()
    _, pruned = index_documents([str(b)], rt)
    assert [d.doc_id for d in pruned] == [document_id(a)]

    assert remove_document(document_id(b), rt).path == str(b.resolve())
    assert remove_document(str(c), rt).doc_id == document_id(c)
    assert list_documents(rt) == [] and rt.store.count(OWN_DOCUMENTS) == 0
    with pytest.raises(InputError, match="no indexed document matches"):
        remove_document("nothing-like-this", rt)


def test_same_file_name_in_two_folders_are_two_documents(rt, tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    for folder in ("x", "y"):
        (tmp_path / folder / "policy.txt").write_text(f"Policy from {folder}.")
    results, _ = index_documents([str(tmp_path / "x"), str(tmp_path / "y")], rt)
    assert len({r.doc_id for r in results}) == 2 and len(list_documents(rt)) == 2


def test_a_second_writer_gets_a_clear_error_at_once(rt, tmp_path):
    doc = tmp_path / "p.txt"
    doc.write_text("Some policy text about outcomes.")
    (tmp_path / "data").mkdir(exist_ok=True)
    with FileLock(str(tmp_path / "data" / "index.lock")):
        start = time.monotonic()
        with pytest.raises(IndexBusyError, match="another tender-coach process is updating the index; try again"):
            index_documents([str(doc)], rt)
        assert time.monotonic() - start < 5
    assert index_documents([str(doc)], rt)[0][0].ok  # and it works once the other writer is done


def test_a_question_waits_a_bounded_time_for_a_first_build_that_never_ends(rt, tmp_path, monkeypatch):
    monkeypatch.setattr(indexing, "FIRST_BUILD_WAIT_SECONDS", 1.5)
    (tmp_path / "data").mkdir(exist_ok=True)
    with FileLock(str(tmp_path / "data" / "index.lock")):
        start = time.monotonic()
        with pytest.raises(IndexBusyError, match="building the guidance index and had not finished after 1.5 s"):
            ensure_guidance(rt)  # nothing built yet: it waits, then says why it gave up
        assert 1.4 < time.monotonic() - start < 6
    assert ensure_guidance(rt).embedded == len(guidance_chunks())


def test_many_files_share_model_calls_and_stay_incremental(rt, fake, tmp_path):
    folder = tmp_path / "policies"
    folder.mkdir()
    for n in range(120):
        (folder / f"policy-{n:03d}.md").write_text(
            f"# Policy {n}\n\nProviders report outcome {n} each quarter.\n\n## Pay\nCarers are paid for travel {n}.\n")
    fake.calls = 0
    progress: list[tuple[int, int]] = []
    results, _ = index_documents([str(folder)], rt, on_progress=lambda *p: progress.append(p))
    embedded = sum(r.stats.embedded for r in results)
    assert len(results) == 120 and embedded == 240
    assert fake.calls == -(-embedded // EMBED_BATCH)  # one model call per full batch, not one per file
    assert progress[-1] == (240, 240) and progress == sorted(progress)

    fake.calls = 0
    results, _ = index_documents([str(folder)], rt)
    assert fake.calls == 0 and all(r.stats.unchanged == 2 for r in results)

    changed = folder / "policy-007.md"
    changed.write_text(changed.read_text().replace("travel 7", "travel time 7"))
    (folder / "policy-008.md").unlink()
    fake.texts_encoded = 0
    results, pruned = index_documents([str(folder)], rt)
    assert fake.texts_encoded == 1 and sum(r.stats.embedded for r in results) == 1  # only the changed section
    assert [d.title for d in pruned] == ["Policy 8"] and len(list_documents(rt)) == 119


def test_a_busy_lock_does_not_stop_questions_once_the_index_exists(rt, fake, tmp_path, guidance_copy):
    ensure_guidance(rt)
    path = guidance_copy / "logic-model.md"
    path.write_text(path.read_text() + "\nAn extra sentence.\n")
    reader = make_runtime(fake, tmp_path / "data")
    with FileLock(str(tmp_path / "data" / "index.lock")):
        assert ensure_guidance(reader) is None  # stale but usable; updated by the next process


def test_your_documents_follow_a_model_change(rt, tmp_path):
    doc = tmp_path / "p.txt"
    doc.write_text("Westshire pays carers for travel time between visits.")
    index_documents([str(doc)], rt)
    from knowledge.answer import answer

    asker = make_runtime(FakeEmbedder(dimension=32), tmp_path / "data")  # a new model, then a question
    assert answer("Does Westshire pay for travel time?", rt=asker).passages[0].source == "your documents"
    assert asker.store.matches_embedder(OWN_DOCUMENTS)

    indexer = make_runtime(FakeEmbedder(dimension=16), tmp_path / "data")  # a new model, then more documents
    second = tmp_path / "q.txt"
    second.write_text("Visits last at least 45 minutes.")
    index_documents([str(second)], indexer)
    assert indexer.store.matches_embedder(OWN_DOCUMENTS) and indexer.store.count(OWN_DOCUMENTS) == 2


def test_chroma_never_embeds_and_telemetry_is_off(rt, tmp_path, monkeypatch):
    import chromadb.api.types
    from chromadb.utils.embedding_functions.onnx_mini_lm_l6_v2 import ONNXMiniLM_L6_V2

    def refuse(*_args, **_kwargs):
        raise AssertionError("chroma's own (downloading) embedding function was used")

    monkeypatch.setattr(chromadb.api.types.DefaultEmbeddingFunction, "__call__", refuse)
    monkeypatch.setattr(ONNXMiniLM_L6_V2, "__call__", refuse)
    doc = tmp_path / "p.txt"
    doc.write_text("Carers are paid for travel time between visits.")
    index_documents([str(doc)], rt)
    from knowledge.answer import answer

    assert answer("are carers paid for travel time?", rt=rt).passages
    assert rt.store.client.get_settings().anonymized_telemetry is False
