"""Measure retrieval settings on the labelled questions: the fusion weights are chosen from this.

    python benchmarks/tune_retrieval.py [--questions tests/eval/questions.jsonl] [--distractors tests/eval/distractors]

Builds a temporary index of the shipped corpus plus the distractor corpus, then prints hit@1/3/5
and MRR for BM25 alone, dense alone and several weighted fusions.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.container import Assistant  # noqa: E402
from assistant.evaluation import _norm, load_questions  # noqa: E402
from assistant.answers.question import condense  # noqa: E402
from assistant.settings import Settings  # noqa: E402

GRID = [
    ("BM25 seul", 1.0, 0.0, 60, 0.0),
    ("dense seul", 0.0, 1.0, 60, 0.0),
    ("fusion égale", 1.0, 1.0, 60, 0.0),
    ("dense ×0.25", 1.0, 0.25, 60, 0.0),
    ("dense ×0.5", 1.0, 0.5, 60, 0.0),
    ("dense ×0.75", 1.0, 0.75, 60, 0.0),
    ("dense ×0.5, k=20", 1.0, 0.5, 20, 0.0),
    ("dense ×0.5 + territoire", 1.0, 0.5, 60, 1.0),
    ("dense ×0.25 + territoire", 1.0, 0.25, 60, 1.0),
    ("égale + territoire", 1.0, 1.0, 60, 1.0),
    ("BM25 + territoire", 1.0, 0.0, 60, 1.0),
    ("dense ×0.1 + territoire", 1.0, 0.1, 60, 1.0),
    ("dense ×0.25, k=20 + territoire", 1.0, 0.25, 20, 1.0),
    ("dense ×0.25 + territoire ×2", 1.0, 0.25, 60, 2.0),
]


def measure(assistant: Assistant, questions: list[dict]) -> dict:
    ranks = []
    for q in questions:
        if not q.get("answerable", True):
            continue
        evidence = [_norm(e) for e in q.get("evidence") or []]
        hits = assistant.retriever.retrieve(condense(q["question"], q.get("history") or []), top_k=5)
        ranks.append(next((i + 1 for i, h in enumerate(hits) if any(e in _norm(h.chunk.text) for e in evidence)), None))
    n = max(len(ranks), 1)
    return {
        "hit_at_1": round(sum(1 for r in ranks if r and r <= 1) / n, 3),
        "hit_at_3": round(sum(1 for r in ranks if r and r <= 3) / n, 3),
        "hit_at_5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=ROOT / "tests/eval/questions.jsonl")
    parser.add_argument("--distractors", type=Path, default=ROOT / "tests/eval/distractors")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    questions = load_questions(args.questions)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        for f in args.distractors.glob("*"):
            shutil.copy(f, corpus / f.name)
        base = Settings(corpus_dir=corpus, index_dir=Path(tmp) / "index")
        Assistant(base).ingest.run()
        rows = []
        for label, bm25, dense, k, focus in GRID:
            settings = base.model_copy(update={"bm25_weight": bm25, "dense_weight": dense, "rrf_k": k, "focus_weight": focus})
            rows.append({"setting": label, **measure(Assistant(settings), questions)})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    print(f"{'réglage':<28} hit@1  hit@3  hit@5  MRR")
    for r in rows:
        print(f"{r['setting']:<28} {r['hit_at_1']:.3f}  {r['hit_at_3']:.3f}  {r['hit_at_5']:.3f}  {r['mrr']:.3f}")


if __name__ == "__main__":
    main()
