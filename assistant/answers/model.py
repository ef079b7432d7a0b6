"""Answers and their sources as data; rendering happens at the edges (CLI, UI, JSON)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

MARKER_RE = re.compile(r"\[(\d+)\]")


def short_title(title: str, limit: int = 48) -> str:
    """A long document title cut at a word boundary, for answer text."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-(") + " …"


@dataclass
class Source:
    n: int
    document: str
    file: str
    page: int | None
    page_label: str | None
    section: str | None
    excerpt: str
    score: float
    chunk_id: str | None = None
    ocr: bool = False  # the text was read by OCR from a scanned page

    def to_dict(self) -> dict:
        """The CLI contract's keys."""
        section = self.section
        if self.ocr:
            section = f"{section} (texte OCR)" if section else "(texte OCR)"
        return {
            "n": self.n,
            "document": self.document,
            "page": self.page,
            "section": section,
            "excerpt": self.excerpt,
            "score": round(float(self.score), 4),
        }

    @property
    def page_text(self) -> str:
        if self.page is None:
            return ""
        ocr = " (OCR)" if self.ocr else ""
        if self.page_label and self.page_label != str(self.page):
            return f"p. {self.page_label} (page {self.page} du fichier){ocr}"
        return f"p. {self.page}{ocr}"


def keep_cited(text: str, sources: list[Source], checks: list[Check] | None = None
               ) -> tuple[str, list[Source], list[Check]]:
    """The sources the text cites, numbered 1, 2… in the order they are first cited, with the text's
    and the checks' markers renumbered to match: an answer citing only its tool's second passage
    shows « [1] », not a lone « [2] ». A text that cites nothing keeps every source as it is."""
    checks = list(checks or [])
    order: dict[int, int] = {}
    known = {s.n for s in sources}
    for m in MARKER_RE.finditer(text):
        n = int(m.group(1))
        if n in known and n not in order:
            order[n] = len(order) + 1
    if not order:
        return text, list(sources), checks

    def renumber(s: str) -> str:
        return MARKER_RE.sub(lambda m: f"[{order.get(int(m.group(1)), m.group(1))}]", s)

    kept = sorted((replace(s, n=order[s.n]) for s in sources if s.n in order), key=lambda s: s.n)
    return renumber(text), kept, [replace(c, sentence=renumber(c.sentence)) for c in checks]


@dataclass
class Check:
    """One verification result for one sentence of an answer."""

    sentence: str
    ok: bool
    reason: str = ""


@dataclass
class Answer:
    question: str
    answer: str
    answered: bool
    sources: list[Source] = field(default_factory=list)
    tool: str | None = None
    verified: bool = True
    checks: list[Check] = field(default_factory=list)
    standalone_question: str | None = None
    language: str = "fr"
    # who wrote the answer: "tool" (structured data), "extractive" (quoted passages) or "llm"
    mode: str = ""
    # when an LLM mode answered otherwise than by the model's words: why, in French
    fallback: str | None = None

    def __post_init__(self) -> None:
        if not self.mode:
            self.mode = "tool" if self.tool else "extractive"

    @property
    def dropped(self) -> int:
        """How many sentences failed verification and were removed."""
        return sum(not c.ok for c in self.checks)

    def to_dict(self) -> dict:
        """The ``pacte ask --json`` contract."""
        return {
            "question": self.question,
            "answer": self.answer,
            "answered": self.answered,
            "sources": [s.to_dict() for s in self.sources],
            "tool": self.tool,
            "verified": self.verified,
            "mode": self.mode,
            "fallback": self.fallback,
        }
