"""A briefing note as data: sections of items, each item citing numbered sources."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answers.model import Source

SECTION_TITLES = (
    "Objet",
    "Contexte",
    "Éléments clés",
    "Gouvernance et suivi",
    "Points d'attention et suites à donner",
)


@dataclass
class NoteItem:
    text: str
    refs: list[int] = field(default_factory=list)

    @property
    def cited(self) -> str:
        """The text with its references, before the final full stop as French notes write them
        (« … le 30 septembre 2020 [3]. »)."""
        if not self.refs:
            return self.text
        marks = "".join(f"[{n}]" for n in self.refs)
        if self.text.endswith(".") and not self.text.endswith(".."):
            return f"{self.text[:-1]} {marks}."
        return f"{self.text} {marks}"


@dataclass
class NoteSection:
    title: str
    items: list[NoteItem] = field(default_factory=list)
    prose: str | None = None  # a paragraph (LLM mode), already verified


@dataclass
class Note:
    title: str
    subject: str
    written_on: str  # date of the note, in French
    as_of: str | None  # date of the data
    sections: list[NoteSection]
    sources: list[Source]
    stats: dict | None = None  # {"done": .., "in_progress": .., "not_done": ..} for the chart
    verified: bool = True

    def section(self, title: str) -> NoteSection:
        return next(s for s in self.sections if s.title == title)


class NoteSources:
    """Numbers the sources of a note, once each, whatever service they come from."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self._index: dict[tuple, int] = {}

    def add(self, source: Source) -> int:
        key = (source.file, source.page, source.excerpt)
        if key not in self._index:
            n = len(self.sources) + 1
            self._index[key] = n
            self.sources.append(Source(n, source.document, source.file, source.page, source.page_label,
                                       source.section, source.excerpt, source.score, source.chunk_id))
        return self._index[key]
