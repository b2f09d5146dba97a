"""The same retrieval against a real Chroma server (`chroma run`, from the chromadb package)
reached through CHROMA_URL, as a multi-worker deployment would use it."""

import pytest
from chroma_server import chroma_server
from knowledge_helpers import make_runtime, retrieval_scores

from knowledge.answer import answer
from knowledge.chunking import GUIDANCE, OWN_DOCUMENTS
from knowledge.indexing import ensure_guidance, index_documents, list_documents, remove_document

pytestmark = pytest.mark.real_model


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as url:
        yield url


def test_retrieval_through_a_chroma_server(chroma_url, real_embedder, monkeypatch, tmp_path):
    monkeypatch.setenv("CHROMA_URL", chroma_url)
    rt = make_runtime(real_embedder, tmp_path / "data")
    assert type(rt.store.client).__name__ != "PersistentClient" and rt.store.client.heartbeat() > 0
    assert not (tmp_path / "data" / "chroma").exists()  # nothing stored locally

    ensure_guidance(rt)
    assert rt.store.count(GUIDANCE) > 80
    hit3, mrr, misses = retrieval_scores(rt)
    assert hit3 >= 0.9 and mrr >= 0.75, misses

    doc = tmp_path / "westshire.md"
    doc.write_text("# Westshire homecare policy\n\nWestshire pays homecare workers for their travel time between visits.\n")
    index_documents([str(doc)], rt)
    cited = answer("Does Westshire pay homecare workers for travel time?", rt=rt)
    assert cited.passages[0].source == "your documents"
    remove_document(str(doc), rt)
    assert list_documents(rt) == []


def test_many_files_are_indexed_in_batches_through_the_bounded_client(chroma_url, monkeypatch, tmp_path):
    from knowledge.embedder import FakeEmbedder
    from knowledge.store import EMBED_BATCH

    monkeypatch.setenv("CHROMA_URL", chroma_url)
    fake = FakeEmbedder(dimension=32)
    rt = make_runtime(fake, tmp_path / "data")
    rt.store.drop(OWN_DOCUMENTS)  # the server is shared with the real-model test: start and end empty
    folder = tmp_path / "policies"
    folder.mkdir()
    for n in range(300):
        (folder / f"p{n}.md").write_text(f"# Policy {n}\n\nCarers are paid for travel time, rule {n}.\n")
    results, _ = index_documents([str(folder)], rt)
    assert sum(r.stats.embedded for r in results) == 300 and fake.calls == -(-300 // EMBED_BATCH)
    assert len(list_documents(rt)) >= 300  # paged reads through the size-bounded client
    rt.store.drop(OWN_DOCUMENTS)
