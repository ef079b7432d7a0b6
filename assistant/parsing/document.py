"""What a loader returns: a document's pages of text, and the error naming a file it cannot read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class DocumentError(Exception):
    """A document that cannot be ingested; ``reason`` is a short French sentence."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file} : {reason}")
        self.file = file
        self.reason = reason


@dataclass
class Page:
    number: int  # physical page number, 1-based
    text: str
    label: str | None = None  # printed page label: the PDF's /PageLabels, else the number its furniture prints
    ocr: bool = False
    landscape: bool = False  # wider than high: a slide, in a deck
    headings: dict[str, int] = field(default_factory=dict)  # lines the layout shows as titles -> level


@dataclass
class ParsedDocument:
    path: Path
    kind: str
    pages: list[Page] = field(default_factory=list)
    metadata_title: str | None = None

    @property
    def text_chars(self) -> int:
        return sum(len(p.text.strip()) for p in self.pages)


def clean_text(text: str) -> str:
    """Line ends unified, non-breaking spaces made plain, trailing spaces dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))
