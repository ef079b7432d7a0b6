"""A structured tool's French text and sources, checked like any answer before it is shown."""

from __future__ import annotations

from assistant.answers.model import Answer, keep_cited
from assistant.answers.question import QuestionAnalysis
from assistant.answers.verify import verify


def verified_answer(question: str, text: str, sources: list, tool: str, analysis: QuestionAnalysis,
                    derived: set[str] | None = None, context: str = "") -> Answer | None:
    """The tool's answer with its checks; None when no sentence of it holds (the passages answer).
    ``derived`` holds the values the tool computed (counts, shares), ``context`` words its sources
    imply without writing them in the excerpt (their date)."""
    passages = {s.n: f"{s.document} {s.excerpt} {context}" for s in sources}
    clean, checks = verify(text, passages, derived)
    verified = all(c.ok for c in checks)
    if not verified and not clean.strip():
        return None
    shown, cited, checks = keep_cited(text if verified else clean, sources, checks)
    return Answer(question, shown, True, cited, tool, verified, checks, language=analysis.language)
