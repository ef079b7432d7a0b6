"""Evaluation on a labelled question file: retrieval hit@k and MRR, answer, citation and
decline accuracy. Used by ``pacte eval`` and guarded by thresholds in CI."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    return re.sub(r"\s+", " ", text)


@dataclass
class QuestionResult:
    id: str
    question: str
    answerable: bool
    answered: bool
    rank: int | None  # rank of the first relevant passage (1-based) among the retrieved ones
    answer_ok: bool
    citation_ok: bool
    decline_ok: bool
    answer: str


@dataclass
class EvalReport:
    questions: int
    hit_at_1: float
    hit_at_3: float
    hit_at_5: float
    mrr: float
    answer_accuracy: float
    citation_accuracy: float
    decline_accuracy: float
    classification_accuracy: float | None = None
    initiatives: int = 0
    failures: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class EvaluationService:
    def __init__(self, answers, retriever, catalog, classifier=None):
        self.answers = answers
        self.retriever = retriever
        self.catalog = catalog
        self.classifier = classifier

    def classification(self, initiatives: list[dict]) -> tuple[float, list[dict]]:
        """Share of initiatives put in their labelled axis (null included), and the misses."""
        misses = []
        for item in initiatives:
            result = self.classifier.classify(item["text"])
            if result.axis != item.get("axis"):
                misses.append({"id": item.get("id", ""), "question": item["text"], "answer": f"axe {result.axis} (attendu {item.get('axis')})"})
        return round(1 - len(misses) / max(len(initiatives), 1), 3), misses

    def run(self, questions: list[dict], k: int = 5, initiatives: list[dict] | None = None) -> EvalReport:
        from assistant.answers.question import condense

        results: list[QuestionResult] = []
        for q in questions:
            history = q.get("history") or []
            evidence = [_norm(e) for e in q.get("evidence") or []]
            standalone = condense(q["question"], history)
            hits = self.retriever.retrieve(standalone, top_k=k)
            rank = next((i + 1 for i, h in enumerate(hits) if any(e in _norm(h.chunk.text) for e in evidence)), None)
            answer = self.answers.ask(q["question"], history=history)
            text = _norm(answer.answer)
            expected = [_norm(e) for e in q.get("expected") or []]
            answerable = bool(q.get("answerable", True))
            answer_ok = answer.answered == answerable and all(e in text for e in expected)
            # a citation is right when the cited passage (the whole chunk) holds the evidence
            chunks = self.catalog.chunks_by_id([s.chunk_id for s in answer.sources if s.chunk_id])
            cited = " ".join(_norm(s.excerpt) for s in answer.sources) + " " + " ".join(_norm(c.text) for c in chunks.values())
            citation_ok = (not answerable) or (answer.answered and bool(answer.sources)
                                               and (not evidence or any(e in cited for e in evidence)))
            results.append(QuestionResult(q.get("id", ""), q["question"], answerable, answer.answered, rank,
                                          answer_ok, citation_ok, answer.answered == answerable, answer.answer))
        answerable = [r for r in results if r.answerable]
        n_ans = max(len(answerable), 1)

        def hit(limit: int) -> float:
            return round(sum(1 for r in answerable if r.rank and r.rank <= limit) / n_ans, 3)

        accuracy, misses = (None, [])
        if initiatives and self.classifier is not None:
            accuracy, misses = self.classification(initiatives)
        return EvalReport(
            questions=len(results),
            hit_at_1=hit(1),
            hit_at_3=hit(3),
            hit_at_5=hit(5),
            mrr=round(sum(1 / r.rank for r in answerable if r.rank) / n_ans, 3),
            answer_accuracy=round(sum(r.answer_ok for r in results) / max(len(results), 1), 3),
            citation_accuracy=round(sum(r.citation_ok for r in answerable) / n_ans, 3),
            decline_accuracy=round(sum(r.decline_ok for r in results) / max(len(results), 1), 3),
            classification_accuracy=accuracy,
            initiatives=len(initiatives or []),
            failures=[asdict(r) for r in results if not (r.answer_ok and r.citation_ok)] + misses,
        )
