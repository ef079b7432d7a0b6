"""How the extraction compares lines: a heading without its number and marks, a table row's cells
as ingestion writes them."""

from __future__ import annotations

import re

from assistant.knowledge.lexicon import fold


def row_cells(text: str) -> list[list[str]] | None:
    """The (column, value) cells of a table row as ingestion writes it (« Statut : En cours ;
    Part : 29 % »); None for a line that is not one."""
    if " ; " not in text or " : " not in text:
        return None
    cells = [c.split(" : ", 1) for c in text.split(" ; ")]
    return None if any(len(c) != 2 for c in cells) else cells


def heading_key(text: str) -> str:
    """A heading as compared: without its number, marks and case (« 1.2 Le Contrat … » is « le contrat … »)."""
    return re.sub(r"^[#\s]*(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s*", "", fold(text)).strip(" :–-")
