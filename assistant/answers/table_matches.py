"""« Quelles zones d'activités gère la CC de l'Aire à l'Argonne ? »: every row of a table that holds
the cell the question names.

The ranking finds one row that answers; a list question asks for every row sharing the cell it names
(a community of communes, an objective, a pilot), and no single sentence gives them. The cell is the
one of the first row whose value holds the most of the question's words (numbers never select);
the table's rows are read whole from the catalog (a table spans several passages, and a register's
rows are passages of their own), and the rows whose value in that column holds the same words are
the answer. A cell held by every row selects nothing and is not used."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answers.candidate import Candidate
from assistant.answers.question import QuestionAnalysis
from assistant.providers.catalog import Catalog, ChunkRow
from assistant.retrieval.hybrid import Hit, register_rows
from assistant.text.tables import Row, cell_number, parse_row
from assistant.text.tokens import tokenize_fr
from assistant.text.units import Unit, split_units

MAX_ROWS = 12  # more matching rows than this is a table extract, not an answer to quote


@dataclass(frozen=True)
class TableRow:
    chunk: ChunkRow
    unit: Unit
    row: Row


def rows_in(chunks: list[ChunkRow]) -> list[TableRow]:
    """The table rows (« Colonne : valeur ; … ») written in these passages, in their order."""
    seen: set[str] = set()  # passages may overlap: a row is read once
    out = []
    for chunk in chunks:
        for unit in split_units(chunk.text):
            row = parse_row(unit.text)
            if row is not None and unit.text not in seen:
                seen.add(unit.text)
                out.append(TableRow(chunk, unit, row))
    return out


def selecting_cell(analysis: QuestionAnalysis, row: Row) -> tuple[str, list] | None:
    """The column whose value in ``row`` holds the most of the question's words, with those words
    (Concepts); None when no text cell holds any."""
    best: tuple[int, int, str, list] | None = None
    for column, value in row.cells:
        if not value or cell_number(value) is not None:
            continue
        tokens = set(tokenize_fr(value))
        held = [c for c in analysis.content if c.covered_by(tokens)]
        if not held:
            continue
        key = (len(held), -len(tokens))  # most words, then the shortest value (a category, not a title)
        if best is None or key > best[:2]:
            best = (*key, column, held)
    return (best[2], best[3]) if best is not None else None


class TableMatches:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def rows_of(self, hit: Hit) -> list[TableRow]:
        """The rows of the table ``hit`` shows: the register's rows, or those of its document's passages."""
        doc = hit.chunk.doc_id
        if hit.chunk.metadata.get("kind") == "register":
            return rows_in([chunk for chunk, _ in register_rows(self.catalog) if chunk.doc_id == doc])
        return rows_in(self.catalog.chunks_of(doc))

    def rows_like(self, analysis: QuestionAnalysis, hit: Hit, unit: Unit) -> list[TableRow]:
        """The rows of ``unit``'s table that share its cell named by the question, in the table's
        order (``unit`` among them); empty when the question names no cell, when the cell selects
        every row or only this one, or when too many rows share it."""
        if analysis.kind != "list":
            return []
        row = parse_row(unit.text)
        if row is None:
            return []
        selected = selecting_cell(analysis, row)
        if selected is None:
            return []
        column, held = selected
        table = [r for r in self.rows_of(hit) if r.row.columns[:1] == row.columns[:1]]
        matched = [r for r in table
                   if (value := r.row.value(column)) and all(c.covered_by(set(tokenize_fr(value))) for c in held)]
        if not 2 <= len(matched) <= MAX_ROWS or len(matched) == len(table):
            return []
        return matched


def row_candidates(rows: list[TableRow], best: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The rows as candidates: the scored one when retrieval brought the row, else the row cited
    from its own passage, as likely as the first row."""
    known = {c.unit.text: c for c in candidates}
    hits: dict[str, Hit] = {}
    out = []
    for r in rows:
        cand = known.get(r.unit.text)
        if cand is None:
            hit = hits.setdefault(r.chunk.id, Hit(r.chunk, best.hit.score, focus=best.hit.focus,
                                                  in_scope=best.hit.in_scope))
            cand = Candidate(hit, best.hit_rank, r.unit, best.score, best.covered, [], best.has_value, rank=best.rank)
        out.append(cand)
    return out
