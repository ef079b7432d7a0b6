"""Fit the answerability score on the dev parts of the labelled sets, and write
assistant/data/answerability.json (weights, threshold, dev figures).

Usage (each set is a question file and the index built from its corpus):

    python benchmarks/fit_answerability.py \
        --set tests/eval/realistic/questions.jsonl=/tmp/rc/corpus:/tmp/rc/index \
        --set tests/eval/realistic/dev_extra.jsonl=/tmp/rc/corpus:/tmp/rc/index \
        --set tests/eval/realistic/dev_more.jsonl=/tmp/rc/corpus:/tmp/rc/index \
        --set tests/eval/questions.jsonl=/tmp/team/corpus:/tmp/team/index

Only dev items are read (a file with unlabelled items is refused): the test parts measure,
they never tune. For each dev question, every sentence of the retrieved passages is a row; it is
labelled « answers » when the question is answerable and the sentence holds one of the expected
fragments (in the labelled document, when the set names one). A ranker (conditional logit) is
fitted to put an answering sentence first in each question; a logistic gate, on the sentence
ranked first of each question, gives the probability that it answers; the threshold is the one
that maximises the balanced accuracy of the question-level decision (answer with the first
sentence, or decline) on out-of-fold decisions over the dev questions (5 folds).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answers.answerability import (FEATURES, GATE_FEATURES, MODEL_PATH, AnswerabilityModel, Linear,  # noqa: E402
                                             fit_logistic, fit_ranker, gate_features, vector)  # noqa: E402
from assistant.evaluation import SplitError, _norm, dev_items, load_questions  # noqa: E402


SMOOTHING = 0.1  # half-width of the window over which the threshold's balanced accuracy is averaged


def question_rows(assistant, q: dict) -> tuple[list[np.ndarray], list[int], bool] | None:
    """The feature rows and labels of one question's candidate sentences; None when a structured
    tool answers it (the score is not used there)."""
    answers = assistant.answers
    standalone, analysis = answers.understand(q["question"], q.get("history") or [])
    if answers.route(standalone, analysis) is not None:
        return None
    hits = answers.retriever.retrieve(analysis.text)
    scope = answers.retriever.scope(analysis.text)
    analysis, candidates = answers.extractive.scored(analysis, hits, scope.restricts, scope.words)
    answerable = bool(q.get("answerable", True))
    expected = [_norm(e) for e in q.get("expected") or []]
    document = q.get("document")
    rows, labels = [], []
    for cand in candidates:
        if not answers.extractive._answers(analysis, cand):
            continue
        in_document = not document or Path(str(cand.hit.chunk.metadata.get("file", ""))).name == document
        text = _norm(" ".join((cand.unit.text, cand.unit.display, cand.shown)))  # what the answer would quote
        labels.append(int(answerable and in_document and any(e in text for e in expected)))
        rows.append(vector(cand.features))
    return rows, labels, answerable


def collect(sets: list[tuple[Path, Path, Path]]) -> list[tuple[list[np.ndarray], list[int], bool]]:
    from assistant.container import Assistant
    from assistant.settings import Settings

    questions = []
    for path, corpus, index in sets:
        try:
            items = dev_items(load_questions(path), source=str(path))
        except SplitError as exc:
            sys.exit(str(exc))
        os.environ.update(PACTE_CORPUS_DIR=str(corpus), PACTE_INDEX_DIR=str(index), PACTE_LLM="extractive")
        assistant = Assistant(Settings())
        assistant.prepare()
        kept = [r for r in (question_rows(assistant, q) for q in items) if r is not None]
        print(f"{path} : {len(items)} questions dev, {len(kept)} hors outils", file=sys.stderr)
        questions += kept
    return questions


def first_ranked(questions, rank: Linear) -> list[tuple[dict | None, bool, bool]]:
    """Per question: the gate features of the sentence ranked first, whether it answers, whether
    the question is answerable."""
    out = []
    for rows, labels, answerable in questions:
        if not rows:
            out.append((None, False, answerable))
            continue
        features = [dict(zip(FEATURES, r)) for r in rows]
        scores = [rank(f) for f in features]
        order = sorted(range(len(rows)), key=lambda i: -scores[i])
        best = order[0]
        rival = scores[order[1]] if len(order) > 1 else None
        out.append((gate_features(features[best], scores[best], rival), bool(labels[best]), answerable))
    return out


def decisions(firsts, gate: Linear) -> list[tuple[float, bool, bool]]:
    """Per question: the gate's probability, whether the first sentence answers, whether answerable."""
    model = AnswerabilityModel(Linear((0.0,) * len(FEATURES)), gate, 0.5)
    return [(model.probability(f) if f is not None else 0.0, good, answerable) for f, good, answerable in firsts]


def fit_models(questions, l2: float, gate_l2: float | None = None) -> tuple[Linear, Linear]:
    """The ranker, then the gate on the sentence each question ranks first (one row per question:
    fewer rows than the ranker has, so its own, usually stronger, penalty)."""
    gate_l2 = l2 if gate_l2 is None else gate_l2
    rank = fit_ranker([(np.vstack(r), np.asarray(l)) for r, l, _ in questions if r], l2=l2)
    kept = [(f, good) for f, good, _ in first_ranked(questions, rank) if f is not None]
    gate = fit_logistic(np.vstack([vector(f, GATE_FEATURES) for f, _ in kept]),
                        np.asarray([float(good) for _, good in kept]), l2=gate_l2, names=GATE_FEATURES)
    return rank, gate


def out_of_fold(questions, l2: float, folds: int, gate_l2: float | None = None) -> list[tuple[float, bool, bool]]:
    """Each question's decision by models fitted without its fold (folds drawn with a fixed seed)."""
    order = np.random.default_rng(0).permutation(len(questions))
    out = []
    for k in range(folds):
        held = set(order[k::folds].tolist())
        rank, gate = fit_models([q for i, q in enumerate(questions) if i not in held], l2, gate_l2)
        out += decisions(first_ranked([questions[i] for i in sorted(held)], rank), gate)
    return out


def positions(questions, l2: float, folds: int) -> dict[str, int]:
    """Where the out-of-fold ranker puts the first answering sentence of each answerable question
    (« aucune » : no retrieved sentence holds the answer, a retrieval miss)."""
    order = np.random.default_rng(0).permutation(len(questions))
    counts = {"1": 0, "2": 0, "3": 0, "4+": 0, "aucune": 0}
    for k in range(folds):
        held = set(order[k::folds].tolist())
        rank = fit_ranker([(np.vstack(r), np.asarray(l)) for i, (r, l, _) in enumerate(questions) if i not in held and r],
                          l2=l2)
        for i in sorted(held):
            rows, labels, answerable = questions[i]
            if not answerable:
                continue
            if not any(labels):
                counts["aucune"] += 1
                continue
            scores = [rank(dict(zip(FEATURES, r))) for r in rows]
            ordered = sorted(range(len(rows)), key=lambda j: -scores[j])
            at = next(n for n, j in enumerate(ordered, start=1) if labels[j])
            counts[str(at) if at <= 3 else "4+"] += 1
    return counts


def figures(decided, threshold: float) -> dict:
    answerable = [d for d in decided if d[2]]
    unanswerable = [d for d in decided if not d[2]]
    answers = sum(p >= threshold and good for p, good, _ in answerable) / max(len(answerable), 1)
    declines = sum(p < threshold for p, _, _ in unanswerable) / max(len(unanswerable), 1)
    return {"answer_accuracy": round(answers, 3), "decline_accuracy": round(declines, 3),
            "balanced": round((answers + declines) / 2, 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", required=True, help="questions.jsonl=corpus_dir:index_dir")
    parser.add_argument("--l2", type=float, default=3.0, help="penalty of the ranker")
    parser.add_argument("--gate-l2", type=float, default=10.0, help="penalty of the gate")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cache", type=Path, help="keep the collected features in this file (refits without re-reading)")
    args = parser.parse_args()
    sets = []
    for spec in args.set:
        path, dirs = spec.split("=", 1)
        corpus, index = dirs.split(":", 1)
        sets.append((Path(path), Path(corpus), Path(index)))
    if args.cache and args.cache.exists():
        import pickle

        questions = pickle.loads(args.cache.read_bytes())
    else:
        questions = collect(sets)
        if args.cache:
            import pickle

            args.cache.write_bytes(pickle.dumps(questions))
    rows = np.vstack([r for rows, _, _ in questions for r in rows])
    labels = np.asarray([l for _, labels, _ in questions for l in labels], dtype=np.float64)
    print(f"{len(questions)} questions, {len(rows)} phrases candidates, {int(labels.sum())} qui répondent", file=sys.stderr)
    rank, gate = fit_models(questions, args.l2, args.gate_l2)
    # the threshold is chosen on out-of-fold decisions: in-sample, the gate separates the dev
    # questions better than it will separate new ones, and a threshold chosen there is too low
    held_out = out_of_fold(questions, args.l2, args.folds, args.gate_l2)
    # the balanced accuracy is flat over a wide band of thresholds and noisy within it (a question
    # more or less): the threshold maximises its mean over a window of ±SMOOTHING around it, so that
    # a small change of the data does not send it from one end of the band to the other
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
    balanced = {t: figures(held_out, t)["balanced"] for t in grid}

    def smoothed(t: float) -> float:
        near = [b for u, b in balanced.items() if abs(u - t) <= SMOOTHING + 1e-9]
        return sum(near) / len(near)

    best = max(grid, key=lambda t: (round(smoothed(t), 4), -abs(t - 0.5)))
    result = {**figures(held_out, best), "folds": args.folds}
    decided = decisions(first_ranked(questions, rank), gate)
    ranked_first = sum(good for _, good, answerable in decided if answerable)
    print(json.dumps({"threshold": best, **result, "ranked_first_answers": ranked_first,
                      "answer_position_out_of_fold": positions(questions, args.l2, args.folds)}, ensure_ascii=False))
    for name, r in sorted(zip(FEATURES, rank.weights), key=lambda p: -abs(p[1])):
        print(f"  rang    {name:22s} {r:+.3f}", file=sys.stderr)
    for name, a in sorted(zip(GATE_FEATURES, gate.weights), key=lambda p: -abs(p[1])):
        print(f"  réponse {name:22s} {a:+.3f}", file=sys.stderr)
    meta = {"fitted_on": [f"{p.as_posix()} (dev)" for p, _, _ in sets], "split": "dev", "l2": args.l2, "gate_l2": args.gate_l2,
            "questions": len(questions), "rows": int(len(rows)), "dev_figures": result}
    model = AnswerabilityModel(rank, gate, best, meta)
    args.out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"écrit : {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
