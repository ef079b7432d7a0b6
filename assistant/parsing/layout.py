"""Page layout rules: page furniture, wrapped lines, titles and tables, turned into reading text.

The rules work on ``TextLine``s (``assistant.parsing.pdf_lines``): one printed line, with its
position, font size and weight when the parser knows them (PDF), without them for text files,
where only the rules that need no geometry apply. Each rule is stated for a kind of layout, never
for one document:

- Furniture. The first and last three lines of each page (by position on the page when known) are
  compared across pages. A line found at the top or at the bottom of at least 40 % of the pages
  (two at least) is a running header or footer; so is such a line whose only change from page to
  page is a page number (« Rapport 2022 — p. 7 »), and a line that is only a page number
  (« 12 », « - 12 - », « Page 12 / 30 », « p. 12 », « 12/30 »; a bare number only when it follows
  the page sequence; a number beyond twice the page count, such as a year, never is). Furniture is
  never set larger than the body text. It is peeled from the edges of the page inward and leaves
  the text; the page number it prints becomes the page's printed label.
- Reflow. A line joins the next one when the next line continues it: it starts in lower case
  (after anything but a sentence end or a « ; » that closes an item), or the next line's first word
  would not have fitted in the room left at the end of the line (a wrap), measured against the
  right edge reached by the other lines of its column. A line that starts with a list marker or a
  numbered label (« Objectif 3.2 – ») never joins the previous one, nor does a table-of-contents
  entry; a line back at the list's margin ends the list item above it. A hyphen at a wrap is dropped when the joined word is used elsewhere in
  the document or the hyphenated form is not; it is kept for a hyphenated form used elsewhere, for
  a capitalised second part (« Saint-\\nMihiel ») and for pronoun suffixes (« celles-ci »).
- Blocks. A vertical gap wider than the line spacing, a change of font size or a line that goes
  back up the page (another text box or column) starts a new block; blocks are separated by a
  blank line. A block in a larger font than the body of its page, or all in bold, that fits on
  one line once wrapped lines are joined is a title: it stays alone on its line and is reported
  with a level (its size rank in the document) so that the section splitter sees it.
- Tables. Lines whose runs line up in columns over several lines are a table; each row becomes
  one line that carries the column headers (the rules are in ``assistant.parsing.tables``).
- Text files have no geometry: furniture is found on their form-feed pages, a line joins the
  previous one only when it starts in lower case or ends a hyphenated word, and never inside a
  Markdown heading, table or fenced code block.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from assistant.parsing.furniture import page_body_size, remove_furniture
from assistant.parsing.pdf_lines import TextLine
from assistant.parsing.tables import PageTables, find_tables
from assistant.text.dates import find_dates
from assistant.text.units import LIST_MARKS

MARKER_RE = re.compile(r"^\s*(?:[" + re.escape(LIST_MARKS) + r"]|\d{1,2}[.)]|[a-z][)]|\d{1,2}(?:\.\d{1,2})+\.?)(?=\s|$)")
SENTENCE_END = (".", "!", "?", "…")
# A line opening with a numbered label (« Objectif 3.2 – », « Orientation n°2 : ») starts an item.
LABEL_ITEM_RE = re.compile(r"^[A-ZÀ-Ý][\w'’]+\s+(?:n°\s?)?\d{1,2}(?:\.\d{1,2})*\s*[:.–—-]")
TOC_LINE_RE = re.compile(r"(?:…|\.{4,})\s*\d{1,4}$")
# a key figure set large (« 312 emplois », « 4,6 M€ », « 71 % »): a quantity and its unit, not a
# numbered title (« 4. Axe 1 », « 4.1 Objectif », « 2 – Méthode »)
KEY_FIGURE_RE = re.compile(r"^[+-]?\d{1,3}(?:[\s\u00a0\u202f]\d{3})*(?:[.,]\d+)?(?:\s*(?:%|[A-Za-z]?€|m²)|\s+[a-zà-ÿ]|$)")
LEADER_RE = re.compile(r"\s*(?:\.\s?){4,}\s*|\s*…{2,}\s*")
# Suffixes that French joins with a hyphen (« celles-ci », « peut-être », « dit-il »).
HYPHEN_SUFFIXES = {"ci", "là", "même", "mêmes", "t", "il", "ils", "elle", "elles", "on", "je", "tu", "nous",
                   "vous", "le", "la", "les", "lui", "leur", "moi", "toi", "y", "en", "être", "dire"}
WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


@dataclass
class PageText:
    text: str
    label: str | None = None
    headings: dict[str, int] = field(default_factory=dict)


def vocabulary(texts: list[str]) -> set[str]:
    """Words of a document, lower-cased, hyphenated forms included, to decide hyphen joins."""
    words: set[str] = set()
    for text in texts:
        for line in text.split("\n"):
            tokens = WORD_RE.findall(line.rstrip().rstrip("-"))
            words.update(t.lower() for t in tokens)
    return words


def join_hyphenated(left: str, right: str, words: set[str]) -> str:
    """Join a line ending with a hyphen to the next one, keeping the hyphen only for compounds."""
    head = WORD_RE.findall(left[:-1])[-1:] or [""]
    tail = WORD_RE.findall(right)[:1] or [""]
    head_word, tail_word = head[0].lower(), tail[0].lower()
    keep = (
        not tail[0][:1].islower()
        or tail_word.split("-")[0] in HYPHEN_SUFFIXES
        or (f"{head_word}-{tail_word}" in words and f"{head_word}{tail_word}" not in words)
    )
    return (left if keep else left[:-1]) + right


def _ends_with_hyphen(text: str) -> bool:
    return len(text) >= 2 and text.endswith("-") and text[-2].isalpha()


def _continues(prev: str, nxt: str, wrapped: bool | None) -> bool:
    """Whether ``nxt`` continues the line ``prev``; ``wrapped`` is None without geometry."""
    prev, nxt = prev.rstrip(), nxt.lstrip()
    if not prev or not nxt or MARKER_RE.match(nxt) or LABEL_ITEM_RE.match(nxt):
        return False
    if TOC_LINE_RE.search(prev) or TOC_LINE_RE.search(nxt):
        return False  # table-of-contents entries stand alone
    if _ends_with_hyphen(prev) or nxt[0] in ":;,.)]»!?%":
        return True  # no line starts with closing punctuation but a wrapped one
    if nxt[0].islower():
        if prev.endswith(SENTENCE_END) or prev.endswith(";"):
            return bool(wrapped)
        return True
    if prev.endswith((";", ":")):
        return False
    return bool(wrapped)


def _join(prev: str, nxt: str, words: set[str]) -> str:
    prev, nxt = prev.rstrip(), nxt.strip()
    if _ends_with_hyphen(prev):
        return join_hyphenated(prev, nxt, words)
    return f"{prev} {nxt}"


def _clean(text: str) -> str:
    text = LEADER_RE.sub(" … ", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def reflow_plain(text: str, words: set[str]) -> str:
    """Reflow text without geometry: only lower-case continuations and hyphen wraps are joined."""
    out: list[str] = []
    fenced = False
    for raw in text.split("\n"):
        line = raw.rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif (not fenced and out and out[-1].strip() and line.strip() and not out[-1].lstrip().startswith(("#", "|"))
              and not line.lstrip().startswith("|") and _continues(out[-1], line, None)):
            out[-1] = _join(out[-1], line, words)
            continue
        out.append(line)
    return "\n".join(out)


# --- placed pages: blocks, titles, tables -------------------------------------------------------
def _leading(lines: list[TextLine]) -> dict[float, float]:
    """Usual distance between two lines of one paragraph, by font size."""
    gaps = defaultdict(list)
    for a, b in zip(lines, lines[1:]):
        if a.placed and b.placed and abs(a.size - b.size) < 0.5:
            d = b.top - a.top
            if 0.8 * a.size <= d <= 2.2 * a.size:
                gaps[round(a.size, 1)].append(d)
    return {s: statistics.median(v) for s, v in gaps.items()}


def _avg_char(line: TextLine) -> float:
    return (line.x1 - line.x0) / max(len(line.text.strip()), 1)


def _wrapped(prev: TextLine, nxt: TextLine, right: float) -> bool:
    """The next line's first word would not have fitted in the room left at the end of ``prev``."""
    # French binds a number's digit groups (« 13 904 ») with a no-break space: one word
    word = re.match(r"\d[\d,.]*(?:[ \u00a0\u202f]\d{3})*(?:[ \u00a0\u202f]?%)?(?![\d,.])|\S*", nxt.text.strip()).group(0)
    need = (len(word) + 1) * _avg_char(nxt)
    return need > right - prev.x1 - 0.5 * _avg_char(prev)


def _column_right(line: TextLine, lines: list[TextLine]) -> float | None:
    """Right edge of the column of ``line``, when at least two of its lines reach it.

    The column's lines start where ``line`` starts or a little to its left (a paragraph margin,
    a list marker), in the same font size; centred lines, starting further right, are left out.
    """
    same = [ln.x1 for ln in lines
            if ln.placed and -3 * line.size <= ln.x0 - line.x0 <= 0.6 * line.size
            and abs(ln.size - line.size) <= 0.1 * line.size]
    if not same:
        return None
    right = max(same)
    reach = sum(1 for x in same if right - x <= 1.5 * line.size)
    return right if reach >= 2 else None


@dataclass
class _Block:
    lines: list[TextLine]
    table: list[str] | None = None  # a table's row lines


def _nested(line: TextLine, item: TextLine) -> bool:
    """A list item indented under ``item``, within the same column."""
    return item.x0 + 0.5 * line.size < line.x0 <= item.x0 + 4 * line.size


def _split_boxes(line: TextLine) -> list[TextLine]:
    """Runs far apart on one baseline outside a table are separate boxes: one line each."""
    runs = [r for r in line.runs if r.text]
    if len(runs) < 2 or any(b.x0 - a.x1 < 3 * line.size for a, b in zip(runs, runs[1:])):
        return [line]
    return [TextLine(r.text, r.x0, r.x1, line.top, line.size, r.bold, [r]) for r in runs]


def key_figure(text: str) -> bool:
    """« 312 emplois », « 71 % »: a quantity set large; a date (« 11 mai 2023 ») is a title."""
    return bool(KEY_FIGURE_RE.match(text)) and not any(d.start == 0 for d in find_dates(text))


def _is_title_style(line: TextLine, ref: float) -> bool:
    return line.size >= 1.1 * ref or (line.bold and line.size >= 0.95 * ref)


class PageBuilder:
    """Turns the placed lines of a document's pages into text, titles and labels."""

    def __init__(self, pages: list[list[TextLine]]):
        self.pages, self.labels = remove_furniture(pages)
        self.words = vocabulary(["\n".join(ln.text for ln in p) for p in self.pages])
        self.doc_body = page_body_size([ln for p in self.pages for ln in p])
        self._tables = PageTables()

    def build(self) -> list[PageText]:
        titles: list[tuple[int, str, float]] = []
        texts = []
        for n, lines in enumerate(self.pages):
            text, page_titles = self._page(lines)
            texts.append(text)
            titles += [(n, t, s) for t, s in page_titles]
        sizes = sorted({round(s) for _, _, s in titles}, reverse=True)
        out = [PageText(t, self.labels[n]) for n, t in enumerate(texts)]
        for n, title, size in titles:
            out[n].headings[title] = min(sizes.index(round(size)) + 1, 4)
        return out

    def _reference_size(self, lines: list[TextLine]) -> float:
        placed = [ln for ln in lines if ln.placed]
        if not placed:
            return self.doc_body or 0
        top = max(ln.size for ln in placed)
        rest = [ln for ln in placed if ln.size < top - 0.5]
        if sum(len(ln.text) for ln in rest) >= 20:
            return page_body_size(rest) or top
        return min(top, self.doc_body or top)

    def _page(self, lines: list[TextLine]) -> tuple[str, list[tuple[str, float]]]:
        lines = [ln for ln in lines if ln.text.strip()]
        if not lines:
            return "", []
        if not all(ln.placed for ln in lines):
            return reflow_plain("\n".join(ln.text for ln in lines), self.words), []
        ref = self._reference_size(lines)
        page_right = max(ln.x1 for ln in lines)
        leading = _leading(lines)
        parts, titles = [], []
        figure = False  # the last block is a key figure set large, awaiting its caption
        for block in self._blocks(lines, leading):
            if block.table is not None:
                parts.append("\n\n".join(block.table))
                figure = False
                continue
            logical, title = self._reflow_block(block.lines, lines, ref, page_right)
            if figure and logical[0][:1].islower():
                # « 312 emplois » then « créés ou maintenus (cible : 400) »: one statement
                parts[-1] += " " + "\n".join(logical)
                figure = False
                continue
            figure = len(logical) == 1 and block.lines[0].size >= 1.1 * ref and len(logical[0]) <= 30 and key_figure(logical[0])
            if title and not key_figure(logical[0]):  # « 4 axes | 31 actions »: figures, no title
                titles.append((logical[0], block.lines[0].size))
            parts.append("\n".join(logical))
        return "\n\n".join(p for p in parts if p.strip()), titles

    def _blocks(self, lines: list[TextLine], leading: dict[float, float]) -> list[_Block]:
        blocks: list[_Block] = []
        tables = find_tables(lines)
        i = 0
        while i < len(lines):
            if i in tables:
                end, table = tables[i]
                blocks.append(_Block([], self._tables.rows(table, first=not blocks)))
                i = end
                continue
            for line in _split_boxes(lines[i]):
                prev = blocks[-1].lines[-1] if blocks and blocks[-1].table is None else None
                if prev is None or self._breaks(prev, line, leading, blocks[-1].lines, lines):
                    blocks.append(_Block([line]))
                else:
                    blocks[-1].lines.append(line)
            i += 1
        return blocks

    def _breaks(self, prev: TextLine, line: TextLine, leading: dict[float, float], block: list[TextLine],
                page: list[TextLine]) -> bool:
        if abs(line.size - prev.size) > 0.1 * max(line.size, prev.size):
            return True
        if line.top <= prev.top - 0.3 * prev.size:
            # back up the page: another text box, or the next column of the same text
            return not (line.text.lstrip()[:1].islower() and not prev.text.rstrip().endswith((*SENTENCE_END, ";", ":")))
        if prev.bold != line.bold and not line.text.lstrip()[:1].islower():
            return True  # a bold title above regular text, or the reverse
        if MARKER_RE.match(line.text) and any(MARKER_RE.match(b.text) for b in block):
            parent = next(b for b in reversed(block) if MARKER_RE.match(b.text))
            if _nested(line, parent):
                return False  # a sub-item stays with its item
        step = leading.get(round(prev.size, 1), 1.2 * prev.size)
        return line.top - prev.top > 1.3 * step

    def _reflow_block(self, block: list[TextLine], page: list[TextLine], ref: float, page_right: float):
        title_style = all(_is_title_style(ln, ref) for ln in block) and not MARKER_RE.match(block[0].text)
        logical: list[str] = []
        item: TextLine | None = None  # the last list item at the first level
        prev: TextLine | None = None
        for line in block:
            text = _clean(line.text)
            if prev is not None:
                right = page_right if title_style else _column_right(prev, page)
                wrapped = right is not None and _wrapped(prev, line, right)
                if item is not None and MARKER_RE.match(logical[-1]) and line.x0 <= item.x0 + 0.3 * line.size:
                    wrapped = False  # back at the list's margin: a new paragraph, unless it goes on in lower case
                if _continues(logical[-1], text, wrapped):
                    logical[-1] = _join(logical[-1], text, self.words)
                    prev = line
                    continue
            if MARKER_RE.match(text):
                if item is not None and _nested(line, item) and not re.match(r"\s*\d", text):
                    text = "  " + text  # a sub-item keeps its nesting
                else:
                    item = line
            logical.append(text)
            prev = line
        letters = sum(c.isalpha() for c in logical[0])
        is_title = (title_style and len(logical) == 1 and letters >= 3 and len(logical[0]) <= 200
                    and not logical[0].endswith((".", ";", ",")))
        return logical, is_title
