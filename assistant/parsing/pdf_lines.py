"""PDF text with positions: the printed lines of a page, each with its extent, baseline, font size and weight.

pypdf's text visitor reports each piece of text with its origin and font; the font's glyph widths
give the piece its right edge. Pieces are then grouped into ``TextLine``s, whose ``Run``s are the
parts of a line set apart by wide gaps (table cells, a number at the margin). The layout rules
(``assistant.parsing.layout``) read these lines; text files build them too, without positions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


@dataclass
class Run:
    """Text set apart on its line (a table cell, a number at the margin), with its extent."""

    text: str
    x0: float
    x1: float
    bold: bool = False


@dataclass
class TextLine:
    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None  # baseline, from the top of the page
    size: float | None = None
    bold: bool = False
    runs: list[Run] = field(default_factory=list)

    @property
    def placed(self) -> bool:
        return self.x0 is not None and self.top is not None and bool(self.size)


@dataclass
class TextPiece:
    """Text drawn by one show operation: its extent, baseline (from the bottom of the page) and font."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool


def text_pieces(pdf_page, fonts: dict | None = None) -> list[TextPiece]:
    """The page's pieces of text in content-stream order, each with its position and font.

    ``fonts`` caches font widths across the pages of one file. Raises when the positions cannot be
    read, or are not in reading orientation (a turned page).
    """
    pieces: list[TextPiece] = []
    widths = fonts if fonts is not None else {}
    origin: list[tuple[float, float] | None] = [None]

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        x_scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        y_scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
        size = float(font_size or 0) * y_scale
        table, bold = _font_widths(font_dict, widths)
        for k, part in enumerate(text.split("\n")):
            if k:
                pieces.append(TextPiece("\n", x, x, y, size, bold))
            if part.strip():
                # pypdf puts the space between two pieces at the start of the second, and widens the
                # gaps of justified lines with extra spaces: measure the words with single spaces.
                drawn = re.sub(r"\s+", " ", part.lstrip())
                width = sum(table.get(c, 0.5) for c in drawn) * float(font_size or 0) * x_scale
                last = next((p for p in reversed(pieces) if p.text != "\n"), None)
                if last is not None and origin[0] == (x, y):
                    # pypdf reports the origin of the text object, not the advance of each show
                    # operation: a piece from the same origin is drawn after the previous one.
                    start = last.x1 + (table.get(" ", 0.28) * float(font_size or 0) * x_scale if part[:1].isspace() else 0)
                    pieces.append(TextPiece(part, start, start + width, last.y, size, bold))
                else:
                    pieces.append(TextPiece(part, x, x + width, y, size, bold))
                origin[0] = (x, y)

    pdf_page.extract_text(visitor_text=visit)
    if int(pdf_page.rotation or 0) % 360:
        raise ValueError("page tournée")  # positions are not in reading orientation
    return pieces


def mediabox_top(pdf_page) -> float:
    """The top of the page in PDF units (A4 when the media box cannot be read)."""
    try:
        return float(pdf_page.mediabox.top)
    except Exception:
        return 842.0


def _font_widths(font_dict, cache: dict) -> tuple[dict[str, float], bool]:
    """Glyph widths by character (in text space units per font size unit) and boldness of a font."""
    ref = getattr(font_dict, "indirect_reference", None)
    key = (ref.idnum, ref.generation) if ref is not None else ("page", id(font_dict))
    if key in cache and (ref is not None or cache[key][2] is font_dict):
        return cache[key][:2]
    base = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
    table: dict[str, float] = {}
    try:
        # pypdf's font model (no public equivalent): character map and widths by character code.
        from pypdf.generic._font import Font

        font = Font.from_font_resource(font_dict)
        default = font.character_widths.get("default", 500)
        codes = font.character_map if isinstance(font.character_map, dict) else {}
        for code, char in codes.items():
            if isinstance(char, str) and len(char) == 1:
                table[char] = font.character_widths.get(code, default) / 1000
        if isinstance(font.encoding, dict):
            for code, char in font.encoding.items():
                if isinstance(char, str) and chr(code) in font.character_widths:
                    table.setdefault(char, font.character_widths[chr(code)] / 1000)
        table.setdefault(" ", font.space_width / 1000 if font.space_width else 0.28)
    except Exception:
        table = {}
    cache[key] = (table, bool(BOLD_FONT_RE.search(base)), font_dict)  # the dict kept alive: its id stays its own
    return cache[key][:2]


def group_lines(pieces: list[TextPiece], page_top: float) -> list[TextLine]:
    """Pieces in stream order -> lines: a piece on another baseline, or back to the left, starts a line."""
    groups: list[list[TextPiece]] = []
    for piece in pieces:
        if piece.text == "\n":
            continue
        current = groups[-1] if groups else None
        same_line = current is not None and abs(piece.y - current[0].y) <= 0.45 * max(piece.size, current[0].size, 1)
        # back to the left on the same baseline: another text box drawn over the same height
        if current is None or not same_line or piece.x0 < max(p.x1 for p in current) - 1:
            groups.append([piece])
        else:
            current.append(piece)
    lines = []
    for group in groups:
        group.sort(key=lambda p: p.x0)
        size = max(p.size for p in group)
        chars = sum(len(p.text.strip()) for p in group) or 1
        bold = sum(len(p.text.strip()) for p in group if p.bold) / chars >= 0.8
        # Runs: pieces closer than half an em (a word space); farther apart, cells or separate boxes.
        runs = [Run(group[0].text, group[0].x0, group[0].x1, group[0].bold)]
        text = group[0].text
        for a, b in zip(group, group[1:]):
            # pieces drawn apart without a space between them (a bullet cell, then its text)
            apart = b.x0 - a.x1 > 0.3 * b.size and not (a.text[-1:].isspace() or b.text[:1].isspace())
            text += (" " if apart else "") + b.text
            if b.x0 - runs[-1].x1 < max(0.5 * b.size, 3.0):
                last = runs[-1]
                runs[-1] = Run(last.text + (" " if apart else "") + b.text, last.x0, max(last.x1, b.x1), last.bold and b.bold)
            else:
                runs.append(Run(b.text, b.x0, b.x1, b.bold))
        runs = [Run(re.sub(r"\s+", " ", r.text).strip(), r.x0, r.x1, r.bold) for r in runs]
        lines.append(TextLine(text, x0=group[0].x0, x1=max(p.x1 for p in group), top=page_top - group[0].y,
                              size=size, bold=bold, runs=runs))
    return lines
