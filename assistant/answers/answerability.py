"""Answerability: how likely a sentence of a retrieved passage answers the question, as a fitted score.

Each candidate sentence (or list item, or table row) gets general features: the share of the
question's content words it holds (with stems and glossary synonyms), in itself, in its section
title or in the rest of its passage; the dense similarity between the question and the passage
(bundled embedder); whether it holds the kind of value asked (number, date, percentage…); whether
the word ranking (BM25) and the meaning ranking (dense) agree on its passage. A linear ranker
orders the sentences; the answer quotes the first one, and the runner-up when it is in the same
passage or ranked close behind; a gate (a forest of randomised trees, or a logistic model) turns
the features of both into the probability that this answer answers; it is given when the
probability reaches the threshold.

Weights and threshold are fitted on the dev parts of the labelled sets only
(``benchmarks/fit_answerability.py``, which refuses test items) and read from
``assistant/data/answerability.json``: nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "answerability.json"

FEATURES = (
    "unit_coverage",  # share of content words held by the sentence itself
    "section_coverage",  # … by the document title and section heading only
    "passage_coverage",  # … anywhere in the passage with its headings
    "all_covered",  # every content word is somewhere in the passage
    "missing",  # content words found nowhere (capped at 3)
    "no_content",  # the question has no content word left (all generic)
    "value_present",  # the sentence holds the kind of value asked (number, date, percentage)
    "value_missing",  # a number/date/percentage is asked and the sentence has none
    "similarity",  # cosine between question and passage (bundled embedder)
    "unit_similarity",  # cosine between question and the sentence itself
    "unit_similarity_gap",  # how far the sentence is below the question's best sentence
    "named_in_unit",  # share of the words naming the document (a place, a body) the sentence repeats
    "number_missing",  # share of the question's numbers (a year, a count) the sentence does not hold
    "name_missing",  # share of the question's names (places, bodies, acronyms) absent from the passage
    "name_absent",  # a « qui ? » question and the sentence names no one
    "money_missing",  # an amount is asked and the sentence holds none
    "counted_missing",  # what « combien de … » counts is not named in the sentence
    "list_item",  # a list (or a count) is asked and the sentence is an item or a line of a list
    "list_size",  # … and how long that list is (log)
    "similarity_gap",  # how far the passage is below the best passage of this question
    "bm25_rank",  # 1 / rank in the word ranking (0 if absent)
    "dense_rank",  # 1 / rank in the meaning ranking (0 if absent)
    "agreement",  # both rankings put the passage in their first three
    "hit_rank",  # 1 / (1 + rank) in the fused ranking
    "heading",  # a heading, the document title or a table caption: says where, not what
    "short",  # fewer than four words
    "negation_mismatch",  # a percentage question whose negation the sentence does not share
    "essential_missing",  # a word that changes what is asked (« prochain », « montant ») is absent
    "register_row",  # a row of the action register
    "english",  # the question is in English (the documents are in French)
    "asks_value",  # the question asks for a percentage, a date or a number
    "asks_list",  # … for a list
    "asks_who",  # … for a person or a body
    "unit_soft_coverage",  # share of content words the sentence holds, or a word sharing its first letters
    "focus_missing",  # the question's first content word (what it asks about) is not in the sentence
    "unit_name_missing",  # share of the question's names (places, bodies) absent from the sentence
    "followup_missing",  # share of a follow-up's own words (« et vers le Luxembourg ? ») not in the sentence
    "count_unbound",  # « combien de X ? » and the sentence states no number of X
    "extreme_row",  # « le plus / le moins … ? » and the row holds the largest / smallest value of its table
    "document_date",  # a date question and the sentence holds its document's own date (cover, dateline)
    "exact_date",  # a date question and the sentence holds a date to the month or the day, not a year alone
    "context_coverage",  # share of content words held by the sentence or the one before it (its subject)
    "day_missing",  # a date to the day is asked (« quel jour ? ») and the sentence gives none
    "row_unnamed",  # a table row whose label (its first cell) the question does not name, a Total row aside
    "unit_rare_coverage",  # share of content words held by the sentence, each weighted by its rarity in the corpus
    "passage_rare_coverage",  # … anywhere in the passage with its headings
    "unknown_words",  # content words no passage of the corpus holds (capped at 2)
    "person_missing",  # a person is asked (« qui est le maire ? ») and the sentence names no one
)

CLOSE_RANK = 1.0  # a sentence ranked at least e^-1 as likely as the first one to answer completes it (a list's items)

# the answer gate reads the features of the sentence ranked first and how far ahead it is, and the
# same for the runner-up: the answer quotes the runner-up too when it is in the same passage or
# ranked close behind (``quotes_runner``: the ranking puts the answering sentence second about once
# in ten), and the gate judges the answer as quoted
_RANKED = FEATURES + (
    "rank_score",  # the ranking score of the sentence
    "rank_margin",  # its lead over the next sentence (capped at 5; the runner-up's is negative)
)
GATE_FEATURES = _RANKED + tuple(f"runner_{name}" for name in _RANKED)


@dataclass(frozen=True)
class Linear:
    """A linear function of the standardised features."""

    weights: tuple[float, ...]
    bias: float = 0.0
    mean: tuple[float, ...] = ()
    scale: tuple[float, ...] = ()
    names: tuple[str, ...] = FEATURES

    @classmethod
    def from_dict(cls, data: dict, names: tuple[str, ...] = FEATURES) -> "Linear":
        return cls(tuple(data["weights"]), float(data.get("bias", 0.0)), tuple(data.get("mean") or ()),
                   tuple(data.get("scale") or ()), names)

    def to_dict(self) -> dict:
        return {"weights": [round(float(w), 6) for w in self.weights], "bias": round(float(self.bias), 6),
                "mean": [round(float(m), 6) for m in self.mean], "scale": [round(float(s), 6) for s in self.scale]}

    def __call__(self, features: dict[str, float]) -> float:
        x = vector(features, self.names)
        if self.mean:
            x = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        return float(np.dot(self.weights, x) + self.bias)


@dataclass(frozen=True)
class LogisticGate:
    """The probability that a sentence answers, as a logistic function of its gate features."""

    linear: Linear

    @classmethod
    def from_dict(cls, data: dict) -> "LogisticGate":
        return cls(Linear.from_dict(data, GATE_FEATURES))

    def to_dict(self) -> dict:
        return {"kind": "logistic", **self.linear.to_dict()}

    def probabilities(self, rows: list[dict[str, float]]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-max(min(self.linear(f), 40.0), -40.0))) for f in rows]


@dataclass(frozen=True)
class TreesGate:
    """The probability that a sentence answers, from a forest of randomised trees (scikit-learn's
    extra trees) over its gate features: it weighs features together (a date asked *and* none in
    the sentence; a heading that is also the best match), which one linear score cannot.

    The file keeps the forest's training rows (the gate features of each dev question's first
    sentence, and whether it answered), not the trees: the forest is grown from them, with a fixed
    seed, the first time it is used."""

    rows: tuple[tuple[float, ...], ...]
    labels: tuple[int, ...]
    trees: int = 300
    leaf: int = 3  # fewest rows in a leaf
    max_features: float = 0.3  # share of the features each split draws from
    seed: int = 0

    @classmethod
    def fit(cls, rows: np.ndarray, labels: np.ndarray, **params) -> "TreesGate":
        return cls(tuple(tuple(round(float(v), 6) for v in r) for r in rows), tuple(int(v) for v in labels), **params)

    @classmethod
    def from_dict(cls, data: dict) -> "TreesGate":
        if tuple(data.get("features") or ()) != GATE_FEATURES:
            raise ValueError("porte de réponse : caractéristiques différentes de celles du code ; relancez "
                             "benchmarks/fit_answerability.py")
        return cls(tuple(tuple(r) for r in data["rows"]), tuple(data["labels"]), int(data["trees"]), int(data["leaf"]),
                   float(data["max_features"]), int(data["seed"]))

    def to_dict(self) -> dict:
        return {"kind": "trees", "trees": self.trees, "leaf": self.leaf, "max_features": self.max_features,
                "seed": self.seed, "features": list(GATE_FEATURES), "rows": [list(r) for r in self.rows],
                "labels": list(self.labels)}

    @cached_property
    def forest(self):
        from sklearn.ensemble import ExtraTreesClassifier

        return ExtraTreesClassifier(n_estimators=self.trees, min_samples_leaf=self.leaf, max_features=self.max_features,
                                    random_state=self.seed, n_jobs=1).fit(np.asarray(self.rows), np.asarray(self.labels))

    def probabilities(self, rows: list[dict[str, float]]) -> list[float]:
        if not rows:
            return []
        forest = self.forest
        answering = list(forest.classes_).index(1) if 1 in forest.classes_ else None
        if answering is None:
            return [0.0] * len(rows)
        # the trees' mean, as ``forest.predict_proba`` sums it (same order, same figures) without
        # its thread-pool dispatch, which took two thirds of the time for the one row of a question
        x = np.ascontiguousarray(np.vstack([vector(f, GATE_FEATURES) for f in rows]), dtype=np.float32)
        total = np.zeros((x.shape[0], len(forest.classes_)))
        for tree in forest.estimators_:
            total += tree.predict_proba(x, check_input=False)
        return [float(p) for p in (total / len(forest.estimators_))[:, answering]]


def gate_from_dict(data: dict) -> LogisticGate | TreesGate:
    return TreesGate.from_dict(data) if data.get("kind") == "trees" else LogisticGate.from_dict(data)


@dataclass(frozen=True)
class AnswerabilityModel:
    """``rank`` orders the sentences of one question (which one answers best); ``answer`` gives the
    probability that the answer (the sentence ranked first, with the runner-up when
    ``quotes_runner``) answers, from ``gate_features``; the answer is given at ``threshold``."""

    rank: Linear
    answer: LogisticGate | TreesGate
    threshold: float
    meta: dict = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> "AnswerabilityModel":
        path = path or MODEL_PATH
        return _load(str(path), path.stat().st_mtime_ns)

    def to_dict(self) -> dict:
        return {"features": list(FEATURES), "rank": self.rank.to_dict(), "answer": self.answer.to_dict(),
                "threshold": self.threshold, "meta": self.meta}

    def rank_score(self, features: dict[str, float]) -> float:
        return self.rank(features)

    def probabilities(self, rows: list[dict[str, float]]) -> list[float]:
        return self.answer.probabilities(rows)

    def probability(self, ranked: list[tuple[dict[str, float], float]]) -> float:
        """The probability that the answer (the first sentence, with the runner-up when
        ``quotes_runner``) answers, from the question's answering sentences in ranking order."""
        return self.probabilities([gate_features(ranked)])[0]


@lru_cache(maxsize=4)
def _load(path: str, mtime: int) -> AnswerabilityModel:
    """One model per file version and process: a forest is grown once, not per answerer."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path} : caractéristiques différentes de celles du code ; relancez "
                         "benchmarks/fit_answerability.py")
    return AnswerabilityModel(Linear.from_dict(data["rank"]), gate_from_dict(data["answer"]), float(data["threshold"]),
                              data.get("meta", {}))


class SentenceSimilarity:
    """Cosine between a question and sentences, with the embedder of the index; sentence vectors
    are kept (the same passages come back from one question to the next), in memory and, with a
    ``store``, in the index's embedding cache for the next process."""

    def __init__(self, embedder, limit: int = 50_000, store=None):
        self.embedder = embedder
        self.limit = limit
        self.store = store  # an EmbeddingCache of sentences: vectors kept from one process to the next
        self._vectors: dict[str, np.ndarray] = {}
        self._queries: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()

    def scores(self, question: str, sentences: list[str]) -> list[float]:
        from assistant.providers.embeddings import embed_query

        with self._lock:
            query = self._queries.get(question)
            if query is None:
                query = _unit(embed_query(self.embedder, question))
                self._queries = {question: query}  # the last question only: the next one is another
            missing = list(dict.fromkeys(s for s in sentences if s not in self._vectors))
            if missing:
                if len(self._vectors) + len(missing) > self.limit:
                    self._vectors.clear()
                if self.store is not None:
                    from assistant.providers.embedding_cache import embed_passages

                    computed = embed_passages(self.embedder, missing, self.store)
                else:
                    computed = self.embedder.get_text_embedding_batch(missing)
                for sentence, vec in zip(missing, computed):
                    self._vectors[sentence] = _unit(vec)
            return [float(self._vectors[s] @ query) for s in sentences]


def _unit(vec) -> np.ndarray:
    vec = np.asarray(vec, dtype=np.float32)
    return vec / (float(np.linalg.norm(vec)) or 1.0)


def vector(features: dict[str, float], names: tuple[str, ...] = FEATURES) -> np.ndarray:
    return np.asarray([float(features.get(name, 0.0)) for name in names], dtype=np.float64)


def gate_features(ranked: list[tuple[dict[str, float], float]]) -> dict[str, float]:
    """The gate's row for one question, from its answering sentences in ranking order (features,
    ranking score): the first one's features with its score and lead, and the runner-up's under
    « runner_ » (all -1 when there is no runner-up)."""
    (features, rank), *rest = ranked
    row = {**features, "rank_score": rank, "rank_margin": 5.0 if not rest else min(rank - rest[0][1], 5.0)}
    if rest:
        runner, runner_rank = rest[0]
        second = {**runner, "rank_score": runner_rank, "rank_margin": max(runner_rank - rank, -5.0)}
        row.update({f"runner_{name}": float(second.get(name, 0.0)) for name in _RANKED})
    else:
        row.update({f"runner_{name}": -1.0 for name in _RANKED})
    return row


def quotes_runner(ranked: list[tuple[dict[str, float], float]], same_passage: bool) -> bool:
    """The answer quotes the runner-up with the first sentence: it is in the same passage, or the
    ranking cannot tell them apart (at least e^-1 as likely to answer). A runner-up from another
    passage, far behind, would only add a document the answer does not need."""
    return len(ranked) > 1 and (same_passage or ranked[1][1] >= ranked[0][1] - CLOSE_RANK)


def standardise(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def fit_logistic(rows: np.ndarray, labels: np.ndarray, l2: float = 1.0, steps: int = 50,
                 names: tuple[str, ...] = FEATURES) -> Linear:
    """Logistic regression by Newton's method on standardised features, with an L2 penalty."""
    mean, scale = standardise(rows)
    x = np.hstack([(rows - mean) / scale, np.ones((len(rows), 1))])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the bias is not penalised
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -40, 40)))
        gradient = x.T @ (p - labels) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return Linear(tuple(w[:-1]), float(w[-1]), tuple(mean), tuple(scale), names)


def fit_ranker(groups: list[tuple[np.ndarray, np.ndarray]], l2: float = 1.0, steps: int = 2000,
               rate: float = 0.05) -> Linear:
    """A conditional logit: in each question's group of sentences, the probability of the ones that
    answer under a softmax of the scores is maximised (gradient descent, L2 penalty)."""
    groups = [(rows, labels) for rows, labels in groups if labels.any() and not labels.all()]
    mean, scale = standardise(np.vstack([rows for rows, _ in groups]))
    xs = [((rows - mean) / scale, labels.astype(bool)) for rows, labels in groups]
    w = np.zeros(len(mean))
    for _ in range(steps):
        gradient = l2 * w
        for x, positive in xs:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            q = np.where(positive, p, 0.0)
            q /= q.sum()
            gradient += x.T @ (p - q)
        w -= rate * gradient / len(xs)
    return Linear(tuple(w), 0.0, tuple(mean), tuple(scale))
