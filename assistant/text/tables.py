"""Table rows as the ingestion writes them (« Colonne : valeur ; Colonne : valeur »), and the row
that holds the largest or smallest value of a column: « quelle zone accueille le plus
d'entreprises ? » is answered by one row of a table, which no sentence says."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.tokens import fold_accents

CELL_SEPARATOR = " ; "
NUMBER_RE = re.compile(r"^[+−-]?\s?\d{1,3}(?:[  ]\d{3})*(?:[.,]\d+)?(?!\d)|^[+−-]?\s?\d+(?:[.,]\d+)?")
# what may follow a number in a cell: a unit, a percent sign, a currency (not another number: a date)
UNIT_TAIL_RE = re.compile(r"^\s*(?:%|€|[a-zA-Zµ²³.\s()/]*)$")
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
TOTAL_WORDS = ("total", "ensemble", "tous secteurs", "toutes zones", "sous-total")


@dataclass(frozen=True)
class Row:
    cells: tuple[tuple[str, str], ...]  # (column, value) in the written order

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.cells)

    def value(self, column: str) -> str | None:
        return next((v for c, v in self.cells if c == column), None)

    @property
    def is_total(self) -> bool:
        """A row that sums the others (« Total », « Ensemble »): never the largest of them."""
        return any(fold_accents(v).lower().startswith(TOTAL_WORDS) for _, v in self.cells[:1])


def parse_row(text: str) -> Row | None:
    """The cells of a row written « Colonne : valeur ; Colonne : valeur » (two cells at least)."""
    parts = [p.strip() for p in text.strip().rstrip(".").split(CELL_SEPARATOR)]
    if len(parts) < 2:
        return None
    cells: list[tuple[str, str]] = []
    for part in parts:
        column, sep, value = part.partition(" : ")
        if not sep and cells:  # a value that holds « ; » itself (« Ouverte en 2019 ; 12 sessions par an »)
            cells[-1] = (cells[-1][0], f"{cells[-1][1]} ; {part}")
            continue
        if not sep or not column.strip() or len(column) > 80:
            return None
        cells.append((column.strip(), value.strip()))
    return Row(tuple(cells)) if len(cells) >= 2 else None


def cell_number(value: str) -> float | None:
    """The number a cell holds (« 2 318 », « 27.6 », « 20,2 % », « -7,9 % »), None for text, a date
    or several numbers."""
    value = value.strip()
    match = NUMBER_RE.match(value)
    if not match or not UNIT_TAIL_RE.match(value[match.end():]):
        return None
    written = re.sub(r"[\s  ]", "", match.group(0)).replace("−", "-").replace(",", ".")
    try:
        return float(written)
    except ValueError:
        return None


def column_year(column: str) -> int:
    """The latest year a column's name gives (« Emplois salariés 2020 » → 2020), 0 if none."""
    return max((int(y) for y in YEAR_RE.findall(column)), default=0)


def numeric_columns(rows: list[Row]) -> list[str]:
    """Columns holding a number in at least two of the rows (not counting totals)."""
    counted: dict[str, int] = {}
    for row in rows:
        if row.is_total:
            continue
        for column, value in row.cells:
            if cell_number(value) is not None:
                counted[column] = counted.get(column, 0) + 1
    return [c for c, n in counted.items() if n >= 2]


def extreme_row(rows: list[Row], column: str, largest: bool) -> Row | None:
    """The row with the largest (or smallest) number in ``column``, totals left out (a row called so,
    or one whose number is the sum of the others': « PETR » above its communities); None on a tie."""
    valued, seen = [], set()
    for row in rows:
        number = cell_number(row.value(column) or "")
        if number is not None and not row.is_total and row.cells[0] not in seen:  # a row repeated by a second table
            seen.add(row.cells[0])
            valued.append((number, row))
    if len(valued) >= 4:
        whole = sum(v for v, _ in valued)
        valued = [(v, r) for v, r in valued if abs(2 * v - whole) > 0.005 * abs(whole)]
    if len(valued) < 2:
        return None
    valued.sort(key=lambda p: p[0], reverse=largest)
    if valued[0][0] == valued[1][0]:
        return None
    return valued[0][1]
