"""« Quel secteur emploie le plus de salariés ? »: the row at one end of a table's column; « combien
d'hectares au total ? »: the table's Total row.

No sentence of the documents says which row is the largest: the rows of every table the retrieved
passages show are read whole from the catalog (a table spans several passages), the column the
question measures is chosen by its words (then by the latest year, then by meaning), and the row
holding the largest or smallest number (or the Total row, for a total) becomes a candidate like any
sentence, with a feature saying so; the fitted score decides whether it answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.answers.question import QuestionAnalysis
from assistant.providers.catalog import ChunkRow
from assistant.retrieval.hybrid import Hit
from assistant.text.tables import Row, column_year, extreme_row, numeric_columns, parse_row
from assistant.text.tokens import tokenize_fr
from assistant.text.units import split_units

ChunksOf = Callable[[str], list[ChunkRow]]


@dataclass
class Extremes:
    rows: set[Row] = field(default_factory=set)  # the rows at the asked end of their table's column
    hits: list[Hit] = field(default_factory=list)  # passages holding them that retrieval did not bring


def _rows(chunk: ChunkRow) -> list[Row]:
    return [row for unit in split_units(chunk.text) if (row := parse_row(unit.text)) is not None]


class TableExtremes:
    def __init__(self, chunks_of: ChunksOf, similarity=None):
        self.chunks_of = chunks_of
        self.similarity = similarity  # SentenceSimilarity or None

    def find(self, analysis: QuestionAnalysis, hits: list[Hit]) -> Extremes:
        found = Extremes()
        if analysis.extreme is None:
            return found
        # a table: the rows of one document whose first column is the same (« Zone d'activités »;
        # a spreadsheet leaves out empty cells, and two tables of rows of the same kind are one here)
        tables: dict[tuple[str, str], Hit] = {}
        for hit in hits:
            for row in _rows(hit.chunk):
                tables.setdefault((hit.chunk.doc_id, row.columns[0]), hit)
        # « quel secteur… » compares the rows of a table whose first column names sectors
        naming = {key: sum(1 for c in analysis.content if c.covered_by(set(tokenize_fr(key[1])))) for key in tables}
        if naming and max(naming.values()) > 0:
            tables = {key: hit for key, hit in tables.items() if naming[key] == max(naming.values())}
        held = {h.chunk.id for h in hits}
        for (doc_id, label), source in tables.items():
            placed = [(chunk, row) for chunk in self.chunks_of(doc_id) for row in _rows(chunk) if row.columns[0] == label]
            rows = [row for _, row in placed]
            column = self._measured(analysis, label, numeric_columns(rows))
            if analysis.extreme == "total":  # the table's one Total row, when it holds the measured column
                totals = [row for row in rows if row.is_total and column and row.value(column)]
                best = totals[0] if len(set(totals)) == 1 else None
            else:
                best = extreme_row(rows, column, analysis.extreme == "most") if column else None
            if best is None:
                continue
            found.rows.add(best)
            chunk = next(c for c, r in placed if r == best)
            if chunk.id not in held:
                held.add(chunk.id)
                found.hits.append(Hit(chunk, source.score, focus=source.focus, in_scope=source.in_scope))
        return found

    def _measured(self, analysis: QuestionAnalysis, label: str, columns: list[str]) -> str | None:
        """The column the question measures: the most of its content words in the column's name, then
        the latest year, then the closest in meaning; None when no column shares a word with it. The
        words naming the rows (« quelle communauté de communes… » and the column « Communauté de
        communes ») say what is compared, not the measure."""
        named = set(tokenize_fr(label))
        content = [c for c in analysis.content if not c.covered_by(named)]
        if not columns or not content:
            return None
        covered = {c: sum(1 for concept in content if concept.covered_by(set(tokenize_fr(c)))) for c in columns}
        if max(covered.values()) == 0:
            return None
        closeness = dict(zip(columns, self.similarity.scores(analysis.text, columns))) if self.similarity else {}
        return max(columns, key=lambda c: (covered[c], column_year(c), closeness.get(c, 0.0)))
