"""Evaluation on a labelled question file: retrieval hit@k and MRR; answers, declines, the
precision and recall of « answered », citations (document and page) and classification.
Used by ``pacte eval`` and guarded by thresholds in CI.

Every labelled item carries ``"split": "dev"`` or ``"test"``. Dev items may be used to tune
(weights, thresholds); test items only measure. ``select_split`` picks a split for a report;
``dev_items`` is what a tuning script calls, and it refuses a file it cannot split.

A question is labelled either with ``document`` (file name) and ``page`` (blind sets) or with
``evidence`` (fragments of the passage that holds the answer, the team's first set).
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from assistant.text.typography import plural

SPLITS = ("dev", "test")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'").replace("\u202f", " ").replace("\xa0", " ")
    text = re.sub(r"\s+", " ", text)
    # « 287 500 » and « 287500 » are one number: digit groups are joined on both sides
    return re.sub(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?![\d,])", lambda m: m.group(0).replace(" ", ""), text)


class SplitError(ValueError):
    """A labelled file that cannot be split as asked (French message, shown as is)."""


def load_questions(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def select_split(items: list[dict], split: str) -> list[dict]:
    """The items of one split (``dev``, ``test``) or all of them (``all``)."""
    if split == "all":
        return list(items)
    if split not in SPLITS:
        raise SplitError(f"partie inconnue : « {split} » (attendu : dev, test ou all)")
    return [item for item in items if item.get("split") == split]


def spread(items: list[dict], count: int | None) -> list[dict]:
    """``count`` items taken at even intervals (every item when ``count`` is None or not smaller):
    a sample that keeps the file's mix of documents and kinds of question, the same on every run."""
    if count is None or count >= len(items):
        return items
    if count <= 0:
        return []
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def dev_items(items: list[dict], source: str = "") -> list[dict]:
    """The dev items of a labelled file, for tuning. An item without a split could be a test
    item: the file is refused rather than guessed."""
    unlabelled = [item.get("id", "?") for item in items if item.get("split") not in SPLITS]
    if unlabelled:
        raise SplitError(
            f"{source or 'le fichier'} : {plural(len(unlabelled), 'élément')} sans partie dev/test "
            f"({', '.join(map(str, unlabelled[:5]))}{'…' if len(unlabelled) > 5 else ''}) ; "
            "un réglage ne lit que la partie dev."
        )
    return select_split(items, "dev")


@dataclass
class QuestionResult:
    id: str
    question: str
    split: str | None
    answerable: bool
    answered: bool
    rank: int | None  # rank of the first relevant passage (1-based) among the retrieved ones
    answer_ok: bool  # answerable: answered with every expected fragment; unanswerable: declined
    citation_ok: bool | None  # a correct answer cites the labelled document (None: not applicable)
    page_ok: bool | None  # a correct answer cites the labelled page (None: no page labelled)
    decline_ok: bool
    answer: str
    cited: list[str] = field(default_factory=list)  # « file p. N » of the cited sources
    mode: str = ""  # tool | extractive | llm: what wrote the answer
    fallback: str | None = None  # why an LLM answer was replaced by the extractive one
    seconds: float = 0.0  # time to answer


@dataclass
class SplitFigures:
    """The figures of one group of questions and initiatives."""

    questions: int
    answerable: int
    unanswerable: int
    hit_at_1: float
    hit_at_3: float
    hit_at_5: float
    mrr: float
    answer_accuracy: float  # answerable questions answered with every expected fragment
    decline_accuracy: float | None  # unanswerable questions declined
    overall_accuracy: float  # every question handled right (answered right, or declined)
    answered_precision: float | None  # answered questions that were answerable
    answered_recall: float  # answerable questions that were answered
    citation_accuracy: float | None  # correct answers citing the labelled document
    page_accuracy: float | None  # correct answers citing the labelled page (pages labelled only)
    classification_accuracy: float | None = None
    initiatives: int = 0
    seconds_per_answer: float | None = None  # median time to answer one question
    modes: dict[str, int] = field(default_factory=dict)  # answers per mode (tool, extractive, llm)
    fallbacks: int = 0  # LLM answers replaced by the extractive answer


@dataclass
class EvalReport(SplitFigures):
    split: str = "all"
    splits: dict[str, dict] = field(default_factory=dict)  # figures per split when split == "all"
    failures: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def _share(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def figures(results: list[QuestionResult], misses: list[dict] | None, initiatives: int) -> SplitFigures:
    answerable = [r for r in results if r.answerable]
    unanswerable = [r for r in results if not r.answerable]
    answered = [r for r in results if r.answered]
    correct = [r for r in answerable if r.answer_ok]
    with_doc = [r for r in correct if r.citation_ok is not None]
    with_page = [r for r in correct if r.page_ok is not None]
    n_ans = max(len(answerable), 1)

    def hit(limit: int) -> float:
        return round(sum(1 for r in answerable if r.rank and r.rank <= limit) / n_ans, 3)

    return SplitFigures(
        questions=len(results),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        hit_at_1=hit(1),
        hit_at_3=hit(3),
        hit_at_5=hit(5),
        mrr=round(sum(1 / r.rank for r in answerable if r.rank) / n_ans, 3),
        answer_accuracy=round(len(correct) / n_ans, 3),
        decline_accuracy=_share(sum(r.decline_ok for r in unanswerable), len(unanswerable)),
        overall_accuracy=round(sum(r.answer_ok for r in results) / max(len(results), 1), 3),
        answered_precision=_share(sum(r.answerable for r in answered), len(answered)),
        answered_recall=round(sum(r.answered for r in answerable) / n_ans, 3),
        citation_accuracy=_share(sum(bool(r.citation_ok) for r in with_doc), len(with_doc)),
        page_accuracy=_share(sum(bool(r.page_ok) for r in with_page), len(with_page)),
        classification_accuracy=None if misses is None else _share(initiatives - len(misses), initiatives),
        initiatives=initiatives,
        seconds_per_answer=round(statistics.median(r.seconds for r in results), 2) if results else None,
        modes=dict(Counter(r.mode for r in results if r.mode)),
        fallbacks=sum(1 for r in results if r.fallback),
    )


class EvaluationService:
    def __init__(self, answers, retriever, catalog, classifier=None):
        self.answers = answers
        self.retriever = retriever
        self.catalog = catalog
        self.classifier = classifier

    def classification(self, initiatives: list[dict]) -> tuple[float | None, list[dict]]:
        """Share of initiatives put in their labelled axis (null included), and the misses."""
        misses = []
        for item in initiatives:
            result = self.classifier.classify(item["text"])
            if result.axis != item.get("axis"):
                misses.append({"id": item.get("id", ""), "split": item.get("split"), "question": item["text"],
                               "answer": f"axe {result.axis} (attendu {item.get('axis')})"})
        return _share(len(initiatives) - len(misses), len(initiatives)), misses

    def ask(self, q: dict, k: int = 5) -> QuestionResult:
        """One labelled question: retrieval rank, answer, decline, citation and page."""
        history = q.get("history") or []
        _, analysis = self.answers.understand(q["question"], history)  # what the answer searches with
        hits = self.retriever.retrieve(analysis.text, top_k=k)
        rank = next((i + 1 for i, h in enumerate(hits) if is_relevant(q, h.chunk.text, h.chunk.metadata)), None)
        started = time.perf_counter()
        answer = self.answers.ask(q["question"], history=history)
        seconds = time.perf_counter() - started
        answerable = bool(q.get("answerable", True))
        text = _norm(answer.answer)
        answer_ok = (answer.answered and all(_norm(e) in text for e in q.get("expected") or [])) if answerable \
            else not answer.answered
        citation_ok = page_ok = None
        if answerable and answer_ok:
            citation_ok, page_ok = self._citation(q, answer)
        cited = [f"{Path(s.file).name} p. {s.page}" if s.page else Path(s.file).name for s in answer.sources]
        return QuestionResult(q.get("id", ""), q["question"], q.get("split"), answerable, answer.answered, rank,
                              answer_ok, citation_ok, page_ok, answer.answered == answerable, answer.answer, cited,
                              answer.mode, answer.fallback, round(seconds, 2))

    def _citation(self, q: dict, answer) -> tuple[bool | None, bool | None]:
        document = q.get("document")
        if document:
            files = [(Path(s.file).name, s.page) for s in answer.sources]
            doc_ok = any(f == document for f, _ in files)
            page = q.get("page")
            return doc_ok, (None if page is None else any(f == document and p == page for f, p in files))
        evidence = [_norm(e) for e in q.get("evidence") or []]
        if not evidence:
            return bool(answer.sources), None
        # the team's first set: a citation is right when the cited passage (the whole chunk) holds the evidence
        chunks = self.catalog.chunks_by_id([s.chunk_id for s in answer.sources if s.chunk_id])
        cited = " ".join([_norm(s.excerpt) for s in answer.sources] + [_norm(c.text) for c in chunks.values()])
        return any(e in cited for e in evidence), None

    def run(self, questions: list[dict], k: int = 5, initiatives: list[dict] | None = None,
            split: str = "all", sample: int | None = None) -> EvalReport:
        """Measure the questions (and initiatives) of ``split``; ``sample`` keeps that many questions
        spread evenly over the split, for slow backends (an LLM on a CPU)."""
        questions = spread(select_split(questions, split), sample)
        initiatives = select_split(initiatives, split) if initiatives is not None else None
        results = [self.ask(q, k) for q in questions]
        misses = None
        if initiatives and self.classifier is not None:
            _, misses = self.classification(initiatives)
        n_init = len(initiatives or []) if misses is not None else 0
        report = EvalReport(**asdict(figures(results, misses, n_init)), split=split)
        if split == "all":
            for name in SPLITS:
                part = [r for r in results if r.split == name]
                if not part:
                    continue
                part_init = [i for i in initiatives or [] if i.get("split") == name]
                part_misses = None if misses is None else [m for m in misses if m.get("split") == name]
                report.splits[name] = asdict(figures(part, part_misses, len(part_init) if misses is not None else 0))
        missed = [r for r in results if not r.answer_ok or r.citation_ok is False or r.page_ok is False]
        report.failures = [asdict(r) for r in missed] + (misses or [])
        return report


def is_relevant(q: dict, text: str, metadata: dict) -> bool:
    """A retrieved passage holds the answer: it contains the evidence (first set), or it comes
    from the labelled document and page (blind sets)."""
    evidence = [_norm(e) for e in q.get("evidence") or []]
    if evidence:
        return any(e in _norm(text) for e in evidence)
    document = q.get("document")
    if not document or Path(str(metadata.get("file", ""))).name != document:
        return False
    return q.get("page") is None or metadata.get("page") == q.get("page")
