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
fitted to put an answering sentence first in each question; a gate (whose answer is right when it
holds an expected fragment, in whichever document: what ``pacte eval`` counts), on the answer of each
question (the sentence ranked first, with the runner-up when it is in the same passage or ranked
close behind), gives the probability that it answers (a
forest of extra trees by default, ``--gate logistic`` for a logistic regression); the threshold
maximises the balanced accuracy of the question-level decision (answer, or decline; the most
cautious of the thresholds within ``PLATEAU`` of the best) on
out-of-fold decisions over the dev questions (5 folds, three draws). A fold holds whole paraphrase
groups (questions expecting the same fragment or sharing half their words), so that no question is
judged by a model fitted on its own paraphrase.

With ``--one-document-corpora DIR``, each dev question is also read on a corpus of its own
document alone (built and indexed under DIR): the labelled document, or the one whose retrieved
passage holds the answer, or for an unanswerable question the document retrieved first (alone, it
still cannot answer). A user starts with one document (the shipped corpus), where every candidate
comes from one source; the copies teach the score that case too. A copy sits in its question's
fold (same words, same paraphrase group) and is left out with its corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.answers.answerability import (FEATURES, GATE_FEATURES, MODEL_PATH, AnswerabilityModel,  # noqa: E402
                                             Linear, LogisticGate, TreesGate, fit_logistic, fit_ranker,  # noqa: E402
                                             gate_features, quotes_runner, vector)  # noqa: E402
from assistant.evaluation import SplitError, _norm, dev_items, load_questions  # noqa: E402
from assistant.text.tokens import fold_accents  # noqa: E402


SMOOTHING = 0.1  # half-width of the window over which the threshold's balanced accuracy is averaged
SEEDS = (0, 1, 2)  # fold draws whose out-of-fold decisions choose the threshold
PLATEAU = 0.005  # balanced accuracy within which two thresholds are as good (about one dev question in 200)
SAME_WORDS = 0.5  # two questions sharing this share of their words are one paraphrase group


class Labelled(NamedTuple):
    """One dev question: its candidate sentences' feature rows, which of them answer (in the
    labelled document: what the ranker learns, the document to cite), whether it is answerable,
    what identifies its paraphrases (its words, its expected fragments), and which of them hold an
    expected fragment in any document (what the gate learns: ``pacte eval`` counts an answer right
    when it holds the fragments, whichever document states them)."""

    rows: list
    labels: list
    answerable: bool
    question: str = ""
    expected: tuple = ()
    anywhere: tuple = ()
    texts: tuple = ()  # each row's sentence as the answer would quote it (for experiments on new features)
    asked: str = ""  # the question as answered (a follow-up made standalone)
    corpus: str = ""  # the corpus it was asked of (its folder): a cache from before it has none


def question_rows(assistant, q: dict) -> Labelled | None:
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
    rows, labels, anywhere, texts = [], [], [], []
    for cand in candidates:
        if not answers.extractive._answers(analysis, cand):
            continue
        in_document = not document or Path(str(cand.hit.chunk.metadata.get("file", ""))).name == document
        text = _norm(" ".join((cand.unit.text, cand.unit.display, cand.shown)))  # what the answer would quote
        holds = answerable and any(e in text for e in expected)
        labels.append(int(holds and in_document))
        anywhere.append(int(holds))
        rows.append(vector(cand.features))
        texts.append(cand.shown or cand.unit.display)
    return Labelled(rows, labels, answerable, q["question"], tuple(expected), tuple(anywhere), tuple(texts),
                    analysis.text)


def home_document(assistant, q: dict) -> str | None:
    """The document a question belongs to, for its one-document copy: the labelled document; for
    an answerable question without one, the document of the first retrieved passage holding an
    expected fragment; for an unanswerable question, the document retrieved first (the closest
    distractor: a corpus of that document alone still cannot answer it)."""
    answerable = bool(q.get("answerable", True))
    if answerable and q.get("document"):
        return str(q["document"])
    _, analysis = assistant.answers.understand(q["question"], q.get("history") or [])
    expected = [_norm(e) for e in q.get("expected") or []]
    for hit in assistant.answers.retriever.retrieve(analysis.text):
        if not answerable or any(e in _norm(hit.chunk.text) for e in expected):
            return str(hit.chunk.metadata.get("file", "")) or None
    return None


def one_document_corpus(corpus: Path, document: str, workdir: Path) -> tuple[Path, Path]:
    """A corpus of ``document`` alone (with the corpus profile), and its index, under ``workdir``."""
    folder = workdir / f"{corpus.parent.name}__{Path(document).stem}"
    target = folder / "corpus" / document
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(corpus / document, target)
    for profile in corpus.glob("*.toml"):
        shutil.copy2(profile, folder / "corpus" / profile.name)
    return folder / "corpus", folder / "index"


def collect(sets: list[tuple[Path, Path, Path]], workdir: Path | None = None) -> list[Labelled]:
    """Each dev question's rows on its set's corpus; with ``workdir``, also on a corpus of its own
    document alone (marked ``corpus#document``): the score then also learns the one-document
    corpus a user starts with, whose passages all come from one source (the ranks and the gaps
    between candidates mean something else there)."""
    from assistant.container import Assistant
    from assistant.settings import Settings

    try:
        AnswerabilityModel.load()
    except ValueError:
        # the stored model predates the features of the code: collecting needs no model (every
        # candidate is a row whatever its score), so a neutral one stands in until the refit
        neutral = AnswerabilityModel(Linear((0.0,) * len(FEATURES)),
                                     LogisticGate(Linear((0.0,) * len(GATE_FEATURES), names=GATE_FEATURES)), 0.5)
        AnswerabilityModel.load = classmethod(lambda cls, path=None: neutral)
    questions = []
    alone: dict[tuple[Path, str], list[dict]] = {}
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
        questions += [q._replace(corpus=str(corpus)) for q in kept]
        if workdir is not None:
            for q in items:
                document = home_document(assistant, q)
                if document and (corpus / document).is_file():
                    alone.setdefault((corpus, document), []).append(q)
    for (corpus, document), items in sorted(alone.items()):
        sub_corpus, sub_index = one_document_corpus(corpus, document, workdir)
        os.environ.update(PACTE_CORPUS_DIR=str(sub_corpus), PACTE_INDEX_DIR=str(sub_index))
        assistant = Assistant(Settings())
        assistant.ingest.run()
        assistant.prepare()
        kept = [r for r in (question_rows(assistant, q) for q in items) if r is not None]
        print(f"{document} seul : {len(items)} questions dev, {len(kept)} hors outils", file=sys.stderr)
        questions += [q._replace(corpus=f"{corpus}#{document}") for q in kept]
    return questions


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold_accents(text).lower()) if len(w) > 3}


def paraphrase_groups(questions: list[Labelled]) -> list[int]:
    """A group number per question: questions expecting the same fragment, or sharing half their
    words, are paraphrases of one another; a fold holds a whole group, so that no question is
    judged by a model fitted on its own paraphrase."""
    parent = list(range(len(questions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    words = [_words(q.question) for q in questions]
    for i, q in enumerate(questions):
        for key in [f"e:{e}" for e in q.expected if q.answerable] + [f"q:{' '.join(sorted(words[i]))}"]:
            if key in first_with:
                parent[root(i)] = root(first_with[key])
            else:
                first_with[key] = i
        for j in range(i):
            if words[i] and words[j] and len(words[i] & words[j]) / len(words[i] | words[j]) >= SAME_WORDS:
                parent[root(i)] = root(j)
    return [root(i) for i in range(len(questions))]


def folds_of(questions: list[Labelled], folds: int, seed: int) -> list[list[int]]:
    """The question indices of each fold, whole paraphrase groups drawn at random (fixed seed)."""
    groups = paraphrase_groups(questions)
    roots = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(roots))
    fold = {roots[j]: n % folds for n, j in enumerate(order)}
    return [[i for i, g in enumerate(groups) if fold[g] == k] for k in range(folds)]


def first_ranked(questions: list[Labelled], rank: Linear) -> list[tuple[dict | None, bool, bool]]:
    """Per question: the gate features of the answer (the sentence ranked first, and the runner-up
    when ``quotes_runner``: same passage, same ``hit_rank``), whether that answer answers, whether
    the question is answerable."""
    out = []
    for q in questions:
        if not q.rows:
            out.append((None, False, q.answerable))
            continue
        features = [dict(zip(FEATURES, r)) for r in q.rows]
        scores = [rank(f) for f in features]
        order = sorted(range(len(q.rows)), key=lambda i: -scores[i])
        ranked = [(features[i], scores[i]) for i in order[:2]]
        same_passage = len(order) > 1 and features[order[0]]["hit_rank"] == features[order[1]]["hit_rank"]
        quoted = order[:2] if quotes_runner(ranked, same_passage) else order[:1]
        holds = q.anywhere or q.labels  # a cache from before ``anywhere``: the labelled document only
        out.append((gate_features(ranked), any(holds[i] for i in quoted), q.answerable))
    return out


def decisions(firsts, gate: LogisticGate | TreesGate) -> list[tuple[float, bool, bool]]:
    """Per question: the gate's probability, whether the first sentence answers, whether answerable."""
    kept = [f for f, _, _ in firsts if f is not None]
    probabilities = iter(gate.probabilities(kept))
    return [(next(probabilities) if f is not None else 0.0, good, answerable) for f, good, answerable in firsts]


def fit_models(questions: list[Labelled], l2: float, gate_l2: float | None = None, kind: str = "trees",
               seed: int = 0) -> tuple[Linear, LogisticGate | TreesGate]:
    """The ranker, then the gate on the sentence each question ranks first (one row per question:
    fewer rows than the ranker has, so its own, usually stronger, penalty for a logistic gate)."""
    gate_l2 = l2 if gate_l2 is None else gate_l2
    rank = fit_ranker([(np.vstack(q.rows), np.asarray(q.labels)) for q in questions if q.rows], l2=l2)
    kept = [(f, good) for f, good, _ in first_ranked(questions, rank) if f is not None]
    rows = np.vstack([vector(f, GATE_FEATURES) for f, _ in kept])
    labels = np.asarray([float(good) for _, good in kept])
    if kind == "trees":
        return rank, TreesGate.fit(rows, labels, seed=seed)
    return rank, LogisticGate(fit_logistic(rows, labels, l2=gate_l2, names=GATE_FEATURES))


def out_of_fold(questions: list[Labelled], l2: float, folds: int, gate_l2: float | None = None, kind: str = "trees",
                seed: int = 0) -> list[tuple[float, bool, bool]]:
    """Each question's decision by models fitted without its fold (whole paraphrase groups)."""
    out = []
    for held in folds_of(questions, folds, seed):
        kept = set(held)
        rank, gate = fit_models([q for i, q in enumerate(questions) if i not in kept], l2, gate_l2, kind, seed)
        out += decisions(first_ranked([questions[i] for i in held], rank), gate)
    return out


def positions(questions: list[Labelled], l2: float, folds: int) -> dict[str, int]:
    """Where the out-of-fold ranker puts the first answering sentence of each answerable question
    (« aucune » : no retrieved sentence holds the answer, a retrieval miss)."""
    counts = {"1": 0, "2": 0, "3": 0, "4+": 0, "aucune": 0}
    for held in folds_of(questions, folds, 0):
        kept = set(held)
        rank = fit_ranker([(np.vstack(q.rows), np.asarray(q.labels)) for i, q in enumerate(questions)
                           if i not in kept and q.rows], l2=l2)
        for i in held:
            q = questions[i]
            if not q.answerable:
                continue
            if not any(q.labels):
                counts["aucune"] += 1
                continue
            scores = [rank(dict(zip(FEATURES, r))) for r in q.rows]
            ordered = sorted(range(len(q.rows)), key=lambda j: -scores[j])
            at = next(n for n, j in enumerate(ordered, start=1) if q.labels[j])
            counts[str(at) if at <= 3 else "4+"] += 1
    return counts


def leave_corpus_out(questions: list[Labelled], l2: float, threshold: float, gate_l2: float | None = None,
                     kind: str = "trees") -> dict[str, dict]:
    """Per corpus, the decisions of a ranker and a gate fitted on the other corpora's questions, at
    ``threshold``: what a corpus the score has never seen can expect (the out-of-fold figures mix
    every corpus in every fold)."""
    out = {}
    for corpus in sorted({parent_corpus(q) for q in questions} - {""}):
        rank, gate = fit_models([q for q in questions if parent_corpus(q) != corpus], l2, gate_l2, kind)
        name = "/".join(Path(corpus).parts[-2:])
        for label, held in ((name, [q for q in questions if q.corpus == corpus]),
                            (f"{name} (un document)", [q for q in questions if q.corpus.startswith(f"{corpus}#")])):
            if held:
                decided = decisions(first_ranked(held, rank), gate)
                out[label] = {"questions": len(held), **figures(decided, threshold), "auc": round(auc(decided), 3)}
    return out


def parent_corpus(q: Labelled) -> str:
    """The corpus a question was asked of; for a one-document copy, the corpus its document is from
    (left out with it: a copy would otherwise teach the score the corpus it is measured on)."""
    return q.corpus.split("#", 1)[0]


def auc(decided) -> float:
    """How often an answerable question whose first sentence answers scores above an unanswerable one."""
    good = [p for p, right, answerable in decided if answerable and right]
    bad = [p for p, _, answerable in decided if not answerable]
    return float(np.mean([(g > b) + 0.5 * (g == b) for g in good for b in bad])) if good and bad else 0.0


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
    parser.add_argument("--gate", choices=("trees", "logistic"), default="trees", help="kind of gate")
    parser.add_argument("--gate-l2", type=float, default=10.0, help="penalty of a logistic gate")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--cache", type=Path, help="keep the collected features in this file (refits without re-reading)")
    parser.add_argument("--one-document-corpora", type=Path, metavar="DOSSIER",
                        help="also read each question on a corpus of its own document alone, built in this folder")
    parser.add_argument("--leave-corpus-out", action="store_true",
                        help="also read each corpus with a score fitted on the others (a cache from before it holds no corpora)")
    args = parser.parse_args()
    sets = []
    for spec in args.set:
        path, dirs = spec.split("=", 1)
        corpus, index = dirs.split(":", 1)
        sets.append((Path(path), Path(corpus), Path(index)))
    if args.cache and args.cache.exists():
        import pickle

        questions = [Labelled(*q) for q in pickle.loads(args.cache.read_bytes())]
    else:
        questions = collect(sets, args.one_document_corpora)
        if args.cache:
            import pickle

            args.cache.write_bytes(pickle.dumps([tuple(q) for q in questions]))
    rows = np.vstack([r for q in questions for r in q.rows])
    labels = np.asarray([l for q in questions for l in q.labels], dtype=np.float64)
    print(f"{len(questions)} questions ({len(set(paraphrase_groups(questions)))} groupes de paraphrases), "
          f"{len(rows)} phrases candidates, {int(labels.sum())} qui répondent", file=sys.stderr)
    rank, gate = fit_models(questions, args.l2, args.gate_l2, args.gate)
    # the threshold is chosen on out-of-fold decisions (three fold draws): in-sample, the gate
    # separates the dev questions better than it will separate new ones, and a threshold chosen
    # there is too low
    draws = [out_of_fold(questions, args.l2, args.folds, args.gate_l2, args.gate, seed) for seed in SEEDS]
    held_out = [d for draw in draws for d in draw]
    # the balanced accuracy is flat over a wide band of thresholds and noisy within it (a question
    # more or less): the threshold maximises its mean over a window of ±SMOOTHING around it, so that
    # a small change of the data does not send it from one end of the band to the other
    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
    balanced = {t: figures(held_out, t)["balanced"] for t in grid}

    def smoothed(t: float) -> float:
        near = [b for u, b in balanced.items() if abs(u - t) <= SMOOTHING + 1e-9]
        return sum(near) / len(near)

    # the band is flat within a question or two: of the thresholds as good as the best one within
    # PLATEAU, the most cautious is kept (a wrong answer misleads; a decline still shows the closest
    # passages)
    top = max(smoothed(t) for t in grid)
    best = max(t for t in grid if smoothed(t) >= top - PLATEAU)
    result = {**figures(held_out, best), "auc": round(float(np.mean([auc(d) for d in draws])), 3),
              "folds": args.folds, "fold_draws": len(SEEDS)}
    decided = decisions(first_ranked(questions, rank), gate)
    ranked_first = sum(good for _, good, answerable in decided if answerable)
    print(json.dumps({"threshold": best, **result, "ranked_first_answers": ranked_first,
                      "answer_position_out_of_fold": positions(questions, args.l2, args.folds)}, ensure_ascii=False))
    for name, r in sorted(zip(FEATURES, rank.weights), key=lambda p: -abs(p[1])):
        print(f"  rang    {name:22s} {r:+.3f}", file=sys.stderr)
    meta = {"fitted_on": [f"{p.as_posix()} (dev)" for p, _, _ in sets], "split": "dev", "l2": args.l2,
            "gate": args.gate, "questions": len(questions), "rows": int(len(rows)), "dev_figures": result,
            "one_document_copies": sum("#" in q.corpus for q in questions)}
    if args.gate == "logistic":
        meta["gate_l2"] = args.gate_l2
    if args.leave_corpus_out:
        meta["leave_one_corpus_out"] = leave_corpus_out(questions, args.l2, best, args.gate_l2, args.gate)
        print(json.dumps({"leave_one_corpus_out": meta["leave_one_corpus_out"]}, ensure_ascii=False))
    model = AnswerabilityModel(rank, gate, best, meta)
    args.out.write_text(json.dumps(model.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"écrit : {args.out}", file=sys.stderr)

if __name__ == "__main__":
    main()
