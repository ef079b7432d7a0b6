"""How the extraction reads lines: a table row's cells as ingestion writes them (headings are
compared by ``assistant.text.headings.heading_key``)."""

from __future__ import annotations


def row_cells(text: str) -> list[list[str]] | None:
    """The (column, value) cells of a table row as ingestion writes it (« Statut : En cours ;
    Part : 29 % »); None for a line that is not one."""
    if " ; " not in text or " : " not in text:
        return None
    cells = [c.split(" : ", 1) for c in text.split(" ; ")]
    return None if any(len(c) != 2 for c in cells) else cells
