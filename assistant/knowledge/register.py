"""The action register: a CSV or XLSX file kept by the users, one row per action.

Columns (header row, case and accents ignored): ``action``, ``axe``, ``objectif``, ``statut``,
``responsable``, ``date de mise à jour``. ``action`` and ``statut`` are required.
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

COLUMNS = {
    "action": "action",
    "axe": "axis",
    "objectif": "objective",
    "statut": "status",
    "responsable": "owner",
    "date de mise a jour": "updated",
}
REQUIRED = ("action", "status")


def _key(header: str) -> str:
    return re.sub(r"\s+", " ", fold_accents(str(header or "")).strip().lower())


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
    header = [_key(h) for h in rows[0]]
    index = {COLUMNS[h]: i for i, h in enumerate(header) if h in COLUMNS}
    missing = [name for name in REQUIRED if name not in index]
    if missing:
        return None  # a table of another kind: the caller indexes it as text
    facts = [FactRow(doc_id, "register", {"file": path.name, "rows": len(rows) - 1}, None, None)]
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
        }
        facts.append(FactRow(doc_id, "register_action", data, None, f"ligne {line} : {cell['action']} — {cell['status']}"))
    return facts
