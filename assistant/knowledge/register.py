"""The action register: a CSV or XLSX file kept by the users, one row per action.

Columns (header row, case and accents ignored): the action, its axis, objective, status, owner and
date of update, each under one of the headers ``lexicon.toml`` lists (« action » or « intitulé »,
« statut » or « état », « responsable » or « pilote »…). The action and the status are required; the
other columns (a code, a budget, a comment) are kept as written, with their headers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from assistant.knowledge.lexicon import Lexicon, column_named, default_lexicon, status_of
from assistant.providers.catalog import FactRow
from assistant.providers.lexical import fold_accents
from assistant.parsing.parsers import DocumentError
from assistant.parsing.sheets import group_thousands
from assistant.text.dates import date_key

REQUIRED = ("action", "status")
TOTAL_RE = re.compile(r"^(?:sous-)?totale?s?\b|^ensemble$")


def column_index(header: list[str], names: dict[str, list[str]]) -> dict[str, int]:
    """The column of each field: a header equal to one of its names, else one that begins with a
    name (« Statut au 30 juin »), as ``column_named`` matches a table's columns; each column serves
    one field, the first header found."""
    index: dict[str, int] = {}
    for exact in (True, False):
        for field, forms in names.items():
            if field in index:
                continue
            for i, key in enumerate(header):
                if i not in index.values() and column_named(str(key or ""), forms, exact=exact):
                    index[field] = i
                    break
    return index


def _cell(value) -> str:
    """A cell as text; a date as its ISO day (« 2024-12-12 »), which sorts and reads as a date."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ")
    return str(value)


def _is_total(row: list[str]) -> bool:
    """A totals row (« Total », « Sous-total axe 2 », « Ensemble »): a sum, not an action."""
    return any(TOTAL_RE.match(fold_accents(str(c)).strip().lower()) for c in row)


def _sheets(path: Path) -> list[list[list[str]]]:
    """The rows of each sheet of a workbook (the active one first), or of a CSV file."""
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            book = load_workbook(str(path), read_only=True, data_only=True)
            sheets = [book.active] + [ws for ws in book.worksheets if ws is not book.active]
            rows = [[[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)] for ws in sheets]
            book.close()
            return rows
        except Exception as exc:
            raise DocumentError(path.name, f"classeur XLSX illisible ({type(exc).__name__})") from exc
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(path.name, "registre CSV non UTF-8 : réenregistrez-le en UTF-8") from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [[row for row in csv.reader(io.StringIO(text), dialect)]]


def _register_table(sheets: list[list[list[str]]], lexicon: Lexicon) -> tuple[list[list[str]], dict[str, int], int] | None:
    """The rows of the first sheet whose header names the register's columns, from its header on,
    the column of each field and the header's line (blank lines left out). The header is the first row of several filled cells: a dashboard's
    title lines above it are not; a summary sheet before the list of actions is not the register."""
    for rows in sheets:
        rows = [r for r in rows if any(str(c).strip() for c in r)]
        start = next((i for i, r in enumerate(rows) if sum(1 for c in r if str(c).strip()) > 1), 0)
        rows = rows[start:]
        index = column_index(rows[0], lexicon.register_columns) if rows else {}
        if all(name in index for name in REQUIRED):
            return rows, index, start + 1
    return None


def load_register(path: Path, doc_id: str, lexicon: Lexicon | None = None) -> list[FactRow] | None:
    """The register's actions as facts, or None when the sheet lacks the register's columns."""
    lexicon = lexicon or default_lexicon()
    sheets = _sheets(path)
    if not any(any(str(c).strip() for c in r) for rows in sheets for r in rows):
        raise DocumentError(path.name, "registre vide")
    found = _register_table(sheets, lexicon)
    if found is None:
        return None  # a table of another kind: the caller indexes it as text
    rows, index, header_line = found
    facts = [FactRow(doc_id, "register", {"file": path.name, "rows": sum(not _is_total(r) for r in rows[1:])}, None, None)]
    shown = group_thousands(rows)  # the other columns' numbers as the documents print them (« 1 240 000 »)
    # the headers as written (« Intitulé », « Pilote »): the questions use their words
    labels = {name: str(rows[0][i]).strip() for name, i in index.items() if str(rows[0][i]).strip()}
    # with no column of updates, a status column dated by its header (« Statut au 31/12/2024 ») dates them all
    stated = date_key(labels.get("status", "")) if "updated" not in index else ""
    as_of = stated if re.fullmatch(r"\d{4}-\d\d-\d\d", stated) else None
    for k, row in enumerate(rows[1:], start=1):
        line = header_line + k
        if _is_total(row):
            continue
        cell = {name: (row[i].strip() if i < len(row) else "") for name, i in index.items()}
        axis_text = cell.get("axis", "")
        axis_match = re.search(r"\d+", axis_text)
        data = {
            "action": cell["action"],
            "axis": int(axis_match.group(0)) if axis_match else None,
            "objective": cell.get("objective") or None,
            "status_written": cell["status"],
            "status": status_of(cell["status"], lexicon),
            "owner": cell.get("owner") or None,
            "updated": cell.get("updated") or as_of,
            "line": line,
            "labels": labels,
            # the other columns, as the header writes them (« Code », « Budget prévu », « Commentaire »)
            "cells": [[str(rows[0][i]).strip(), shown[k][i].strip()] for i in range(min(len(row), len(rows[0])))
                      if i not in index.values() and row[i].strip() and str(rows[0][i]).strip()],
        }
        facts.append(FactRow(doc_id, "register_action", data, None, f"ligne {line} : {cell['action']} — {cell['status']}"))
    return facts
