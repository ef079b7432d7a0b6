"""Sheet readers: the rows of an XLSX workbook, sheet by sheet, and of a CSV file, every cell as text.

Rows with no filled cell are left out. ``assistant.parsing.parsers.load_sheet`` turns the rows
into pages, one line per row carrying the column headers. A whole number of five digits or more
is written the French way, its thousands grouped (« 287 500 »), unless its column holds codes or
years (« Code postal », « N° SIRET »); a decimal number typed in a workbook has a decimal comma
(« 9,8 »), and a number the cell formats as a percentage is shown as one (0.5526 under « 0 % » is
« 55 % »), as a French spreadsheet shows them. A sheet that cannot be read raises ``SheetError`` with
a short French reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path


class SheetError(Exception):
    """A sheet that cannot be read; ``reason`` is a short French sentence."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def read_workbook(path: Path) -> list[tuple[str, list[list[list[str]]]]]:
    """Each sheet of an XLSX workbook: its title and its tables (``split_tables``), each a list of
    rows, cells as displayed values (not formulas)."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(str(path), read_only=True, data_only=True)
        sheets = [(ws.title, [[_cell_text(c.value, getattr(c, "number_format", None)) for c in row]
                              for row in ws.iter_rows()])
                  for ws in book.worksheets]
        book.close()
    except Exception as exc:
        raise SheetError(f"classeur XLSX illisible ({type(exc).__name__})") from exc
    return [(title, [group_thousands(table) for table in split_tables(rows)]) for title, rows in sheets]


# a cell that is a figure (« 21 », « 4 960 000 », « 55 % », « 12,5 », « 520 000 € »)
FIGURE_RE = re.compile(r"[-+]?\d[\d\s.,]*(?:\s*(?:%|€|k€|M€))?")


def split_tables(rows: list[list[str]]) -> list[list[list[str]]]:
    """A sheet's rows cut into its tables, blank rows left out. A dashboard sets several tables one
    under the other: a blank row followed by a header starts a new one; another blank row is a spacer
    inside its table."""
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    after_blank = False
    for i, row in enumerate(rows):
        if not any(c.strip() for c in row):
            after_blank = True
            continue
        # (title rows alone above a blank row are the next table's titles)
        if after_blank and any(sum(1 for c in r if c.strip()) > 1 for r in current) and _opens_table(rows, i):
            tables.append(current)
            current = []
        current.append(row)
        after_blank = False
    return tables + [current] if current else tables


def _opens_table(rows: list[list[str]], at: int) -> bool:
    """Rows from ``at`` open a table: after title rows (one filled cell), a row of several cells that
    holds no figure, above a row with a figure in a column where that row has a name."""
    filled = [[k for k, c in enumerate(r) if c.strip()] for r in rows]
    i = at
    while i < len(rows) and len(filled[i]) == 1:
        i += 1
    below = next((j for j in range(i + 1, len(rows)) if filled[j]), None)
    if i >= len(rows) or len(filled[i]) < 2 or below is None:
        return False
    if any(FIGURE_RE.fullmatch(rows[i][k].strip()) for k in filled[i]):
        return False
    return any(k < len(rows[below]) and FIGURE_RE.fullmatch(rows[below][k].strip()) for k in filled[i])


def read_csv(path: Path) -> list[list[str]]:
    """The rows of a CSV file in UTF-8 or Windows-1252, its delimiter guessed, cells stripped."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError("CSV ni UTF-8 ni Windows-1252 : réenregistrez-le en UTF-8")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=";,\t|")
    except csv.Error:
        dialect = csv.excel
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    return group_thousands([r for r in rows if any(r)])


# a whole number as a spreadsheet stores it: no leading zero (« 05300 » is a code), 5 to 12 digits
WHOLE_RE = re.compile(r"-?[1-9]\d{4,11}")
# columns whose numbers are identifiers, not quantities
CODE_COLUMN_RE = re.compile(r"\b(?:codes?|cp|n°|no|num(?:é|e)ro|id|identifiant|siret|siren|insee|r(?:é|e)f(?:(?:é|e)rence)?|"
                            r"ann(?:é|e)es?|years?|t(?:é|e)l(?:(?:é|e)phone)?|dossier)\b", re.IGNORECASE)


def group_thousands(rows: list[list[str]]) -> list[list[str]]:
    """Whole numbers of the body rows written with their thousands grouped (« 287500 » →
    « 287 500 »), as the documents print them, except in columns of codes or years; the first row
    is the header, unless it holds such a number itself (a sheet of label and value rows)."""
    if not rows:
        return rows
    headed = not any(WHOLE_RE.fullmatch(c) for c in rows[0])
    codes = {i for i, name in enumerate(rows[0]) if headed and CODE_COLUMN_RE.search(name)}
    return rows[:headed] + [[_grouped(c) if i not in codes and WHOLE_RE.fullmatch(c) else c for i, c in enumerate(row)]
                            for row in rows[headed:]]


def _grouped(number: str) -> str:
    return f"{int(number):,}".replace(",", " ")


# a number format's decimals (« 0.0% » → « 0 », « 0,00\\ % » → « 00 »), quoted text left out
DECIMALS_RE = re.compile(r"0[.,](0+)")


def _percent_decimals(number_format: str | None) -> int | None:
    """The decimals of a percentage format (« 0 % », « 0.0% », « 0.00\\ % »); None for another format."""
    bare = re.sub(r'"[^"]*"', "", number_format or "")
    if "%" not in bare:
        return None
    decimals = DECIMALS_RE.search(bare)
    return len(decimals.group(1)) if decimals else 0


def _cell_text(value, number_format: str | None = None) -> str:
    if value is None:
        return ""
    decimals = _percent_decimals(number_format)
    if decimals is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{100 * value:.{decimals}f} %".replace(".", ",")
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time(0) else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float) and "e" not in repr(value):
        return repr(value).replace(".", ",")  # a typed decimal as a French sheet shows it (« 9,8 »)
    return re.sub(r"\s+", " ", str(value)).strip()
