"""Sheet readers: the rows of an XLSX workbook, sheet by sheet, and of a CSV file, every cell as text.

Rows with no filled cell are left out. ``assistant.parsing.parsers.load_sheet`` turns the rows
into pages, one line per row carrying the column headers. A sheet that cannot be read raises
``SheetError`` with a short French reason.
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


def read_workbook(path: Path) -> list[tuple[str, list[list[str]]]]:
    """Each sheet of an XLSX workbook: its title and its rows, cells as displayed values (not formulas)."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(str(path), read_only=True, data_only=True)
        sheets = [(ws.title, [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)])
                  for ws in book.worksheets]
        book.close()
    except Exception as exc:
        raise SheetError(f"classeur XLSX illisible ({type(exc).__name__})") from exc
    return [(title, [r for r in rows if any(c for c in r)]) for title, rows in sheets]


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
    return [r for r in rows if any(r)]


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time(0) else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()
