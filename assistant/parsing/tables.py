"""Table reconstruction: the tables among a PDF page's placed lines, and rows of cells, as row lines.

- Detection. Lines made of runs separated by wide gaps, whose runs line up in two or more columns
  over several lines, are a table. Cells written over several lines are joined, so is a line that
  goes on in lower case under a cell of the row above.
- Header. The first row is the header when it is set in bold or when it holds no figures while
  the other rows do; a table that opens a page with the columns of the table that closed the
  previous page continues it and keeps its header.
- Row lines. Each row becomes one line that carries the column headers
  (« Communauté de communes : CC X ; Établissements : 1 234 »), rows separated by blank lines.
  The cells of Word tables, Markdown pipe tables and sheets are written the same way.
- Table of contents. A table of two columns whose second one holds page numbers is a table of
  contents: one line per entry (« titre … 12 »).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

from assistant.parsing.pdf_lines import Run, TextLine
from assistant.text.units import LIST_MARKS

MARKER_ONLY_RE = re.compile(r"^\s*(?:[" + re.escape(LIST_MARKS) + r"]|\d{1,2}[.)])\s*$")
NUMERIC_RE = re.compile(r"[-+]?\d[\d\s.,]*\s*(?:%|€|k€|M€|ha|km²|m²)?")


def _cells(line: TextLine) -> list[Run]:
    """The runs of a line, a lone list marker being part of the run just after it."""
    out: list[Run] = []
    for run in (r for r in line.runs if r.text.strip()):
        if out and MARKER_ONLY_RE.match(out[-1].text) and run.x0 - out[-1].x1 <= 2 * line.size:
            out[-1] = Run(f"{out[-1].text.strip()} {run.text.strip()}", out[-1].x0, run.x1, run.bold)
        else:
            out.append(run)
    return out


def _same_columns(a, b) -> bool:
    return bool(a and b) and len(a) == len(b) and all(abs(p - q) <= 6 for p, q in zip(a, b))


@dataclass
class Table:
    """A table found among a page's lines: its rows of cells and where its columns start."""

    rows: list[list[tuple[str, bool]]]  # per row, per column: (text, all bold)
    columns: list[float]  # left edge of each column's content

    def header(self) -> list[str] | None:
        if len(self.rows) < 2:
            return None
        first, body = self.rows[0], self.rows[1:]
        filled = [t for t, _ in first if t]
        if len(filled) < 2:
            return None
        if all(b for t, b in first if t) and not all(all(b for t, b in row if t) for row in body):
            return [t for t, _ in first]
        numeric = sum(1 for row in body if any(NUMERIC_RE.fullmatch(t) for t, _ in row if t))
        if not any(NUMERIC_RE.fullmatch(t) for t in filled) and numeric * 2 >= len(body):
            return [t for t, _ in first]
        return None

    def rows_text(self, header: list[str] | None) -> list[str]:
        body = self.rows[1:] if header is not None and [t for t, _ in self.rows[0]] == header else self.rows
        if header is None and len(self.columns) == 2 and all(re.fullmatch(r"\d{1,4}", r[1][0] or "0") for r in body):
            return [f"{r[0][0]} … {r[1][0]}".strip(" …") for r in body]  # a table of contents
        if header is None and len(self.columns) == 2:
            # a term and its meaning, a label and its value (« AMI : Appel à manifestation d'intérêt »)
            return [" : ".join(t for t, _ in row if t) for row in body if any(t for t, _ in row)]
        return [row_text(header, [t for t, _ in row]) for row in body if any(t for t, _ in row)]


def row_text(header: list[str] | None, cells: list[str]) -> str:
    """One table row as one line: « Colonne : valeur ; Colonne : valeur », empty cells left out."""
    parts = []
    for k, cell in enumerate(cells):
        cell = re.sub(r"\s+", " ", cell or "").strip()
        if not cell:
            continue
        name = re.sub(r"\s+", " ", header[k]).strip() if header and k < len(header) and header[k] else ""
        parts.append(f"{name} : {cell}" if name and name != cell else cell)
    return " ; ".join(parts)


def title_rows(rows: list[list[str]]) -> int:
    """How many leading rows hold a single filled cell above a row of several (with one body row
    at least): a sheet's title and notes (« Situation au 31/12/24 »), not the table's header."""
    k = 0
    while k < len(rows) and sum(1 for c in rows[k] if c and c.strip()) == 1:
        k += 1
    return k if 0 < k < len(rows) - 1 else 0


def rows_as_lines(rows: list[list[str]]) -> list[str]:
    """Header row + body rows -> one line per row, separated by blank lines (one unit each); the
    title rows above the header are lines of their own."""
    if not rows:
        return []
    titles = title_rows(rows)
    if titles:
        lead = [" ".join(c.strip() for c in row if c and c.strip()) for row in rows[:titles]]
        return [line for text in lead for line in (text, "")] + rows_as_lines(rows[titles:])
    if len(rows) == 1:
        return [" ; ".join(c for c in rows[0] if c)]
    if all(len(r) == 2 for r in rows) and NUMERIC_RE.fullmatch(rows[0][1].strip()):
        # no header: a first row that holds a figure is a row like the others; two columns read
        # as label and value (« Votants | 31 » -> « Votants : 31 »)
        out = []
        for label, value in rows:
            text = f"{label} : {value}" if label and value else label or value
            if text:
                out.extend([text, ""])
        return out[:-1]
    header, out = rows[0], []
    for row in rows[1:]:
        text = row_text(header, row)
        if text:
            out.extend([text, ""])
    return out[:-1]


class PageTables:
    """The row lines of a document's tables, read in order, page after page.

    A table without a header row of its own that opens a page with the columns of the table read
    last continues that table: its rows carry that table's header.
    """

    def __init__(self):
        self._columns: list[float] | None = None  # of the table read last
        self._header: list[str] | None = None

    def rows(self, table: Table, first: bool) -> list[str]:
        """The table's row lines; ``first``: the table opens its page."""
        header = table.header()
        if header is None and first and _same_columns(self._columns, table.columns):
            header = self._header  # a table carried over from the previous page
        self._columns, self._header = table.columns, header
        return table.rows_text(header)


def _spans(region: list[TextLine]) -> list[tuple[float, float]]:
    """Horizontal extent of each column: the k-th cells of the lines that fill every column."""
    widest = max((len(_cells(ln)) for ln in region), default=0)
    full = [_cells(ln) for ln in region if len(_cells(ln)) == widest]
    spans = [(min(c[k].x0 for c in full), max(c[k].x1 for c in full)) for k in range(widest)] if widest >= 2 else []
    ordered = all(a[0] < b[0] and a[1] < b[1] for a, b in zip(spans, spans[1:]))
    return spans if ordered else []


def _slot(run: Run, spans: list[tuple[float, float]]) -> int | None:
    """The column of a lone cell: it may reach into the gaps around its column, not into the next columns."""
    best = None
    for k, (lo, hi) in enumerate(spans):
        left = spans[k - 1][1] if k else -math.inf
        right = spans[k + 1][0] if k + 1 < len(spans) else math.inf
        if run.x0 >= left - 1 and run.x1 <= right + 1:
            overlap = min(run.x1, hi) - max(run.x0, lo)
            if best is None or overlap > best[0]:
                best = (overlap, k)
    return best[1] if best else None


def _slots(line: TextLine, spans: list[tuple[float, float]]) -> list[int | None]:
    """Columns of a line's cells: a lone cell by position, several cells each in the column it overlaps most."""
    cells = _cells(line)
    if len(cells) == 1:
        return [_slot(cells[0], spans)]
    return [max(range(len(spans)), key=lambda k: (min(c.x1, spans[k][1]) - max(c.x0, spans[k][0]), -k))
            for c in cells]


def _within(run: Run, spans: list[tuple[float, float]]) -> bool:
    return any(lo - 3 <= run.x0 and run.x1 <= hi + 3 for lo, hi in spans)


def _fits(line: TextLine, spans: list[tuple[float, float]], size: float) -> bool:
    if not spans or abs(line.size - size) > 0.15 * size:
        return False
    slots = _slots(line, spans)
    return None not in slots and slots == sorted(set(slots))


def find_tables(lines: list[TextLine]) -> dict[int, tuple[int, Table]]:
    """Table regions among placed lines: start index -> (end index, table).

    A region grows from a line with several cells over the neighbouring lines whose cells all
    lie in its columns (header cells and cells written over several lines included).
    """
    found: dict[int, tuple[int, Table]] = {}
    i = floor = 0
    while i < len(lines):
        cells = _cells(lines[i])
        if len(cells) < 2:
            i += 1
            continue
        size, start, end = lines[i].size, i, i + 1
        while end < len(lines) and _near(lines[end], lines[start:end]):
            region = lines[start:end + 1]
            spans = _spans(region)
            if not all(_fits(ln, spans, size) for ln in region):
                break
            end += 1
        # a one-cell line closing the region is the end of a cell only if it stays within its
        # column's cells (a note under the table runs wider)
        spans = _spans(lines[start:end])
        while end > i + 1 and len(_cells(lines[end - 1])) == 1 and not _within(_cells(lines[end - 1])[0], spans):
            end -= 1
        spans = _spans(lines[start:end])
        while start > floor and _near(lines[start - 1], lines[start:end]) and _fits(lines[start - 1], spans, size):
            start -= 1
        # a lone line above the rows is a header cell only beside other header cells (not a caption)
        while start < i and not any(_beside(lines[start], ln) for ln in lines[start + 1:end]):
            start += 1
        table = _make_table(lines[start:end], spans)
        if table is not None:
            found[start] = (end, table)
            i = floor = end
        else:
            i += 1
    return found


def _beside(a: TextLine, b: TextLine) -> bool:
    """Two lines that share some height on the page."""
    return a.top - 0.8 * a.size < b.top + 0.2 * b.size and b.top - 0.8 * b.size < a.top + 0.2 * a.size


def _near(line: TextLine, region: list[TextLine], reach: float = 4.0) -> bool:
    """Within a few lines of the region (a header written over several lines reaches further)."""
    top, bottom = min(ln.top for ln in region), max(ln.top for ln in region)
    return top - reach * line.size <= line.top <= bottom + reach * line.size


def _make_table(region: list[TextLine], spans: list[tuple[float, float]]) -> Table | None:
    if len(spans) < 2 or sum(1 for ln in region if len(_cells(ln)) >= 2) < 2:
        return None
    # cells written over several lines: consecutive one-cell lines of one column, a line or two apart
    blocks: list[dict] = []
    prev: TextLine | None = None
    for line in region:
        cells, slots = _cells(line), _slots(line, spans)
        for cell in cells:
            k = slots[cells.index(cell)]
            last = blocks[-1] if blocks else None
            above = next((b for b in reversed(blocks) if b["col"] == k), None)
            if (len(cells) == 1 and above is not None and cell.text[:1].islower()
                    and 0 < line.top - above["bottom"] <= 2.5 * line.size):
                # a cell's wrapped line, under a row of several cells: it goes on in lower case
                above["text"].append(cell.text)
                above["bottom"] = line.top
            elif (len(cells) == 1 and prev is not None and len(_cells(prev)) == 1 and last is not None
                    and last["col"] == k and 0 < line.top - last["bottom"] <= 2.5 * line.size):
                last["text"].append(cell.text)
                last["bottom"] = line.top
                last["bold"] = last["bold"] and cell.bold
            else:
                blocks.append({"col": k, "top": line.top, "bottom": line.top, "text": [cell.text],
                               "bold": cell.bold, "size": line.size})
        prev = line
    # rows: blocks whose heights overlap
    rows: list[dict] = []
    for block in sorted(blocks, key=lambda b: (b["top"], b["col"])):
        lo, hi = block["top"] - 0.8 * block["size"], block["bottom"] + 0.2 * block["size"]
        row = rows[-1] if rows else None
        if row is not None and (lo < row["hi"] - 0.05 * block["size"]):
            row["blocks"].append(block)
            row["hi"] = max(row["hi"], hi)
        else:
            rows.append({"lo": lo, "hi": hi, "blocks": [block]})
    table_rows = []
    for row in rows:
        cols = defaultdict(list)
        for b in sorted(row["blocks"], key=lambda b: (b["top"], b["col"])):
            cols[b["col"]].append(b)
        table_rows.append([(" ".join(t for b in cols.get(k, []) for t in b["text"]),
                            bool(cols.get(k)) and all(b["bold"] for b in cols[k])) for k in range(len(spans))])
    if sum(1 for r in table_rows if sum(1 for t, _ in r if t) >= 2) < 2:
        return None
    return Table(table_rows, [lo for lo, _ in spans])
