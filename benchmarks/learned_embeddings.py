"""Would sentence embeddings make the learned check surer? Its hashed features against all-MiniLM-L6-v2's.

    .venv/bin/python benchmarks/learned_embeddings.py          # the table below (about 15 minutes here)
    .venv/bin/python benchmarks/learned_embeddings.py --from real-thirtieth   # a shorter record

The learned check (scoring/learned.py) reads a clause through hashed words and pieces of words. The
guidance index already loads all-MiniLM-L6-v2, so this measures the same kind of model on its sentence
embeddings instead, by the temporal protocol of benchmarks/train_classifier.py without the rules: each
batch from the twelfth (or --from) is scored once by models trained only on the batches before it (and,
for the hashed model, the invented corpora, as shipped). A clause's embedding is its text's beside its
context line's, at half weight. For each category it prints, pooled over the scored batches, average
precision and the share of labelled clauses found at 80% and at 90% precision (the bar a learned
suggestion must clear), for the hashed model, the embedding model and the two probabilities averaged.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests" / "scoring")]

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402  (scikit-learn comes with sentence-transformers)
from sklearn.metrics import average_precision_score, precision_recall_curve  # noqa: E402

import train_classifier as tc  # noqa: E402
from knowledge.embedder import SentenceTransformerEmbedder  # noqa: E402
from scoring import learned  # noqa: E402
from test_real_documents import BATCHES  # noqa: E402  (the batches in the order they were collected)

CONTEXT_WEIGHT = 0.5


def embed(examples: list[tc.Example]) -> np.ndarray:
    """One row a clause: its text's embedding, then its context line's at half weight."""
    model = SentenceTransformerEmbedder(fast_single=False)
    texts = np.asarray(model.encode([e.text for e in examples]))
    contexts = sorted({e.context for e in examples})
    by_context = dict(zip(contexts, model.encode(contexts)))
    return np.hstack([texts, CONTEXT_WEIGHT * np.asarray([by_context[e.context] for e in examples])])


def hashed_probability(weights: dict, example: tc.Example, category: str) -> float:
    """As a review reads it: the most sure of the clause's pieces."""
    return max((learned._prob(weights[category], idx) for idx in tc._features_of(example)), default=0.0)


def recall_at(precision: np.ndarray, recall: np.ndarray, bar: float) -> float:
    return float(max((r for p, r in zip(precision, recall) if p >= bar), default=0.0))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--from", dest="first", default="real-twelfth", help="the first batch scored (default: %(default)s)")
    args = ap.parse_args(argv)
    names = [b.name for b in BATCHES]
    if args.first not in names[1:]:
        ap.error(f"--from: {args.first!r} is not a batch with batches before it to train on; "
                 f"those are {', '.join(names[1:])}")
    synthetic = tc.load_synthetic(ROOT / "tests/data")
    examples = [e for b in BATCHES for e in tc.load_batch(b)]
    batch_of = np.array([names.index(e.doc.split("/")[0]) for e in examples])
    weight = np.array([e.weight for e in examples])
    start = names.index(args.first)
    print(f"embedding {len(examples)} clauses ...", file=sys.stderr)
    vectors = embed(examples)
    probs = {kind: {c: np.zeros(len(examples)) for c in tc.CATS} for kind in ("hashed", "embeddings")}
    for k in range(start, len(names)):
        before, scored = batch_of < k, np.flatnonzero(batch_of == k)
        weights = tc.train(synthetic + [e for e, b in zip(examples, batch_of) if b < k])
        for c in tc.CATS:
            labels = np.array([c in e.labels for e in examples])
            for i in scored:
                probs["hashed"][c][i] = hashed_probability(weights, examples[i], c)
            model = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")
            model.fit(vectors[before], labels[before], sample_weight=weight[before])
            probs["embeddings"][c][scored] = model.predict_proba(vectors[scored])[:, 1]
        print(f"scored {names[k]}", file=sys.stderr)
    measured = batch_of >= start
    print(f"\nthe model alone, batches {names[start]} to {names[-1]}, each scored by models trained on the batches before it")
    print(f"{'category':<12} {'features':<22} {'labelled':>8} {'avg precision':>14} {'recall @ P 0.8':>15} {'recall @ P 0.9':>15}")
    for c in tc.CATS:
        labels = np.array([c in e.labels for e in examples])[measured]
        rows = {"hashed (as shipped)": probs["hashed"][c], "embeddings": probs["embeddings"][c]}
        rows["both, averaged"] = (rows["hashed (as shipped)"] + rows["embeddings"]) / 2
        for kind, p in rows.items():
            precision, recall, _ = precision_recall_curve(labels, p[measured])
            print(f"{c:<12} {kind:<22} {int(labels.sum()):>8} {average_precision_score(labels, p[measured]):>14.3f} "
                  f"{recall_at(precision, recall, 0.8):>15.3f} {recall_at(precision, recall, 0.9):>15.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
