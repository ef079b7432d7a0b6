"""The action register: a CSV or XLSX file kept by the users, one row per action.

Columns (header row, case and accents ignored): the action, its axis, objective, status, owner and
date of update, each under one of the headers ``lexicon.toml`` lists (« action » or « intitulé »,
« statut » or « état », « responsable » or « pilote »…). The action and the status are required; the
other columns (a code, a budget, a comment) are kept as written, with their headers.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from assistant.knowledge.lexicon import Lexicon, default_lexicon, status_of
from assistant.providers.catalog import FactRow
from assistant.providers.lexical import fold_accents
from assistant.parsing.parsers import DocumentError
from assistant.parsing.sheets import group_thousands

REQUIRED = ("action", "status")


def _key(header: str) -> str:
    return re.sub(r"\s+", " ", fold_accents(str(header or "")).strip().lower())


def column_index(header: list[str], names: dict[str, list[str]]) -> dict[str, int]:
    """The column of each field: a header equal to one of its names, else one that begins with a
    name (« Statut au 30 juin »); each column serves one field, the first header found."""
    keys = [_key(h) for h in header]
    index: dict[str, int] = {}
    for exact in (True, False):
        for field, forms in names.items():
            if field in index:
                continue
            for i, key in enumerate(keys):
                if i in index.values():
                    continue
                if any(key == _key(f) if exact else re.match(rf"{re.escape(_key(f))}\b", key) for f in forms):
                    index[field] = i
                    break
    return index


def _rows(path: Path) -> list[list[str]]:
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            sheet = load_workbook(str(path), read_only=True, data_only=True).active
            return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
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
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def load_register(path: Path, doc_id: str, lexicon: Lexicon | None = None) -> list[FactRow] | None:
    """The register's actions as facts, or None when the sheet lacks the register's columns."""
    lexicon = lexicon or default_lexicon()
    rows = [r for r in _rows(path) if any(str(c).strip() for c in r)]
    if not rows:
        raise DocumentError(path.name, "registre vide")
    index = column_index(rows[0], lexicon.register_columns)
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        return None  # a table of another kind: the caller indexes it as text
    facts = [FactRow(doc_id, "register", {"file": path.name, "rows": len(rows) - 1}, None, None)]
    shown = group_thousands(rows)  # the other columns' numbers as the documents print them (« 1 240 000 »)
    # the headers as written (« Intitulé », « Pilote »): the questions use their words
    labels = {name: str(rows[0][i]).strip() for name, i in index.items() if str(rows[0][i]).strip()}
    for line, row in enumerate(rows[1:], start=2):
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
            "updated": cell.get("updated") or None,
            "line": line,
            "labels": labels,
            # the other columns, as the header writes them (« Code », « Budget prévu », « Commentaire »)
            "cells": [[str(rows[0][i]).strip(), shown[line - 1][i].strip()] for i in range(min(len(row), len(rows[0])))
                      if i not in index.values() and row[i].strip() and str(rows[0][i]).strip()],
        }
        facts.append(FactRow(doc_id, "register_action", data, None, f"ligne {line} : {cell['action']} — {cell['status']}"))
    return facts
