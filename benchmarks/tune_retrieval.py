"""Choose the retrieval weights on the DEV questions only: the test questions never tune.

    python benchmarks/tune_retrieval.py [--set equipe|realiste] [--questions FILE] [--corpus DIR --index DIR] [--json]

Builds a temporary index (the shipped corpus plus the distractors for « equipe », the generated
realistic corpus for « realiste »), or reuses an ingested one (``--corpus`` and ``--index``), then
prints hit@1/3/5 and MRR for BM25 alone, dense alone and several weighted fusions.

Honest measurement: the script reads only the items labelled ``"split": "dev"`` and sets the
others aside itself. It refuses, with a French message and exit code 2, a question file with
items that carry no dev/test label (one of them could be a test item) and any ``--split`` other
than ``dev``. Report the chosen setting with ``pacte eval --split test``, which tunes nothing.
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

from assistant.answers.question import condense  # noqa: E402
from assistant.container import Assistant  # noqa: E402
from assistant.evaluation import SplitError, dev_items, is_relevant, load_questions  # noqa: E402
from assistant.settings import Settings  # noqa: E402

SETS = {
    "equipe": ROOT / "tests/eval/questions.jsonl",
    "realiste": ROOT / "tests/eval/realistic/questions.jsonl",
}
# (label, BM25 weight, dense weight, RRF k)
GRID = [
    ("BM25 seul", 1.0, 0.0, 60),
    ("dense seul", 0.0, 1.0, 60),
    ("fusion égale", 1.0, 1.0, 60),
    ("dense ×0.25", 1.0, 0.25, 60),
    ("dense ×0.5", 1.0, 0.5, 60),
    ("dense ×0.75", 1.0, 0.75, 60),
    ("dense ×0.5, k=20", 1.0, 0.5, 20),
    ("dense ×0.25, k=20", 1.0, 0.25, 20),
]


def measure(assistant: Assistant, questions: list[dict]) -> dict:
    ranks = []
    for q in questions:
        if not q.get("answerable", True):
            continue
        hits = assistant.retriever.retrieve(condense(q["question"], q.get("history") or []), top_k=5)
        ranks.append(next((i + 1 for i, h in enumerate(hits) if is_relevant(q, h.chunk.text, h.chunk.metadata)), None))
    n = max(len(ranks), 1)
    return {
        "questions": len(ranks),
        "hit_at_1": round(sum(1 for r in ranks if r and r <= 1) / n, 3),
        "hit_at_3": round(sum(1 for r in ranks if r and r <= 3) / n, 3),
        "hit_at_5": round(sum(1 for r in ranks if r and r <= 5) / n, 3),
        "mrr": round(sum(1 / r for r in ranks if r) / n, 3),
    }


def build_corpus(which: str, corpus: Path) -> None:
    if which == "equipe":
        shutil.copytree(ROOT / "corpus", corpus)
        for f in (ROOT / "tests/eval/distractors").glob("*"):
            shutil.copy(f, corpus / f.name)
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from realistic.build import build_realistic_corpus

    build_realistic_corpus(corpus)
    shutil.copy(ROOT / "corpus/pacte.toml", corpus / "pacte.toml")


def refuse(message: str) -> None:
    print(f"Erreur : {message}", file=sys.stderr)
    raise SystemExit(2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), default="equipe", help="jeu de questions et corpus")
    parser.add_argument("--questions", type=Path, help="fichier de questions (défaut : celui du jeu)")
    parser.add_argument("--split", default="dev", help="seule valeur admise : dev")
    parser.add_argument("--corpus", type=Path, help="corpus déjà indexé (avec --index)")
    parser.add_argument("--index", type=Path, help="index de ce corpus")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.split != "dev":
        refuse(f"le réglage ne lit que la partie dev ; « {args.split} » mesure, elle ne règle pas "
               "(utilisez « pacte eval --split test »).")
    path = args.questions or SETS[args.set]
    try:
        questions = dev_items(load_questions(path), source=str(path))
    except (OSError, ValueError) as exc:  # SplitError is a ValueError; JSON errors too
        refuse(str(exc) if isinstance(exc, SplitError) else f"{path} illisible : {exc}")
    if not questions:
        refuse(f"{path} : aucune question de la partie dev.")
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus and args.index:
            base = Settings(corpus_dir=args.corpus, index_dir=args.index)
        else:
            corpus = Path(tmp) / "corpus"
            build_corpus(args.set, corpus)
            base = Settings(corpus_dir=corpus, index_dir=Path(tmp) / "index")
            Assistant(base).ingest.run()
        rows = []
        for label, bm25, dense, k in GRID:
            settings = base.model_copy(update={"bm25_weight": bm25, "dense_weight": dense, "rrf_k": k})
            rows.append({"setting": label, **measure(Assistant(settings), questions)})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    answerable = rows[0]["questions"]
    print(f"{len(questions)} questions dev ({answerable} avec réponse, {path.name}) ; la partie test n'est pas lue.")
    print(f"{'réglage':<28} hit@1  hit@3  hit@5  MRR")
    for r in rows:
        print(f"{r['setting']:<28} {r['hit_at_1']:.3f}  {r['hit_at_3']:.3f}  {r['hit_at_5']:.3f}  {r['mrr']:.3f}")


if __name__ == "__main__":
    main()
