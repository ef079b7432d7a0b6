"""Rules that read structured facts out of French administrative documents, with provenance.

The rules are stated for kinds of documents, not for one document:

- **axes**: sections headed by a numbered strategic division (« AXE 1 », « Orientation
  stratégique n°2 : … », « Priorité 3 : … », words from the field vocabulary); only the kind of
  heading the document uses most counts. Their objectives are the « Objectif 1.1 – … » lines when
  the section has some, else its list items and short standalone lines;
- **action status shares**: a percentage and a status expression (« réalisées », « en cours »,
  « n'ont pas démarré », « taux de réalisation ») in the same clause, in a sentence about actions
  or in a rate form;
- **action tables**: table rows (« Action : … ; Statut : Réalisée ») with a status column;
- **governance events**: dated units naming a body (« comité de pilotage », an acronym, a
  network) or standing in a governance section; dates parsed by ``assistant.text.dates``;
- **members, strategy inputs, next steps**: list lines under the matching headings.

Every fact keeps its page and the exact text it was read from. Nothing is completed by guess:
a malformed date is kept as written and flagged incomplete.
"""

from __future__ import annotations

import re

from assistant.answers.units import BULLET_RE, split_units
from assistant.ingest.structure import Section, split_sections
from assistant.knowledge.governance_rules import GovernanceRules
from assistant.knowledge.lexicon import (
    Lexicon,
    contains,
    default_lexicon,
    fold,
    status_match,
    status_of,
    statuses_in,
)
from assistant.parsing.parsers import ParsedDocument
from assistant.providers.catalog import FactRow
from assistant.text.headings import objective_line, strategy_heading
from assistant.text.units import SENTENCE_END_RE as SENTENCE_RE

PERCENT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%")
LABEL_LINE_RE = re.compile(r"^objectifs?\s+(?:stratégiques?|opérationnels?)\s*:?$", re.IGNORECASE)
CLAUSE_SPLIT_RE = re.compile(r"\s*[;,]\s+|\s+(?:et|dont|tandis que|alors que|contre)\s+")
# a table row or a line about one axis (« Axe : Axe 1 – … ; Réalisées : 5 (50 %) », « Axe 2 : 40 % »)
ROW_AXIS_RE = re.compile(r"^(?:[\w' ]{1,20}:\s*)?(?:axe|axis)\s+(\d{1,2})\b", re.IGNORECASE)
# a sentence about one axis (« L'axe 2, consacré au tourisme, affiche … », « Pour l'axe 3, … »),
# and a clause that names one (« … contre 63 % pour l'axe 2 »)
SENTENCE_AXIS_RE = re.compile(r"^\W*(?:[^,;:]{0,25},\s*)?(?:(?:pour|sur|dans)\s+)?(?:l['’]\s*)?(?:axe|axis)\s+(\d{1,2})\b",
                              re.IGNORECASE)
CLAUSE_AXIS_RE = re.compile(r"\b(?:l['’]\s*|de\s+l['’]\s*|pour\s+l['’]\s*)?(?:axe|axis)\s+(\d{1,2})\b", re.IGNORECASE)
# a value restating the clause before it, and nothing else: « soit 53 % », « soit 40 % du total »,
# « (53 %) »; not « soit un taux d'engagement de 71 % », which names another figure
APPOSITION_RE = re.compile(r"^(?:(?:soit|c['’]est-à-dire|i\.e\.|that is)\s+|\(\s*)\d{1,3}(?:[.,]\d+)?\s*%\s*\)?"
                           r"(?:\s+(?:des|du|de\s+l['’]ensemble(?:\s+des)?)\s+(?:actions|total|programme)\b)?\s*\)?\s*[.:;]?\s*$",
                           re.IGNORECASE)
# an objective numbered under its axis's number (« 1.2 Soutenir la filière pêche », « 2.1. – Allonger … »)
NUMBERED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?:[–—-]\s*)?([A-ZÀ-ÖØ-Þ].*)$")
TOC_LINE_RE = re.compile(r"(?:\.{3,}|…)\s*\d+\s*$|\s\d{1,3}$")
def _axis_of(section: Section, kind: str | None = None) -> tuple[int, str, str, int] | None:
    """The nearest strategy heading of a section's path: (number, title, kind, index in path)."""
    for i in range(len(section.path) - 1, -1, -1):
        found = strategy_heading(section.path[i].lstrip("# "))
        if found and (kind is None or found[2] == kind):
            return (*found, i)
    return None


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n")]


class FactExtractor:
    """Callable used by ingestion: ``(doc, doc_id, title, date) -> list[FactRow]``."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or default_lexicon()

    def __call__(self, doc: ParsedDocument, doc_id: str, title: str, date: str | None) -> list[FactRow]:
        sections = split_sections(doc)
        facts: list[FactRow] = [FactRow(doc_id, "document", {"title": title, "as_of": date}, None, None)]
        facts += self.axes(sections, doc_id)
        facts += self.status_shares(sections, doc_id, date)
        facts += self.action_items(sections, doc_id, date)
        facts += self.governance(sections, doc_id, date)
        facts += self.members(sections, doc_id)
        facts += self.inputs(sections, doc_id)
        facts += self.next_steps(sections, doc_id)
        return facts

    # strategy --------------------------------------------------------------------------------
    def _series(self, sections: list[Section]) -> dict[int, str]:
        """Number → heading word of the document's strategy series: the word that heads the most
        numbers, continued by other words that head the numbers it lacks (« Axe 1 », « Axe 2 »,
        « Priorité 3 »); another word re-using its numbers is another series and is left out."""
        counts: dict[str, set[int]] = {}
        for section in sections:
            for heading in section.path:
                found = strategy_heading(heading.lstrip("# "))
                if found:
                    counts.setdefault(found[2], set()).add(found[0])
        if not counts:
            return {}
        main = max(counts, key=lambda k: (len(counts[k]), -min(counts[k])))
        series = {n: main for n in counts[main]}
        for kind, numbers in sorted(counts.items(), key=lambda kv: min(kv[1])):
            if kind != main and not numbers & set(series):
                series.update({n: kind for n in numbers})
        return series

    @staticmethod
    def _outline(sections: list[Section]) -> dict[int, dict] | None:
        """The page that states the whole strategy in lines (« Axe 1 – Ancrer … » then « 1.1
        Structurer … », « 1.2 … », then « Axe 2 – … »): every axis with a title and objectives
        numbered under its number. None when no section holds two such axes."""
        best: dict[int, dict] | None = None
        for section in sections:
            axes: dict[int, dict] = {}
            current = None
            for line in _lines(section.text):
                text = BULLET_RE.sub("", line).strip()
                if not text or TOC_LINE_RE.search(text):
                    continue  # a contents page's lines end with their page numbers
                row = _strategy_row(text)
                if row is not None and row[0] not in axes:  # a strategy table's row: the axis and its objectives
                    axes[row[0]] = {"title": row[1], "kind": row[2], "line": text, "page": section.page.number,
                                    "objectives": row[3]}
                    current = None
                    continue
                found = strategy_heading(text)
                if found and found[1] and found[0] not in axes:
                    current = axes[found[0]] = {"title": found[1], "kind": found[2], "line": text,
                                                "page": section.page.number, "objectives": []}
                    continue
                numbered = NUMBERED_RE.match(text)
                if current is not None and numbered and current is axes.get(int(numbered.group(1))):
                    current["objectives"].append(numbered.group(3).rstrip(" ."))
            axes = {n: a for n, a in axes.items() if a["objectives"]}
            if len(axes) >= 2 and (best is None or len(axes) > len(best)):
                best = axes
        return best

    def axes(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        series = self._series(sections)
        outline = self._outline(sections)
        if outline and set(series) <= set(outline):
            # a page listing every axis with its numbered objectives states the strategy whole:
            # it speaks before the per-axis pages, whose headings are often shortened
            facts = []
            for number, axis in sorted(outline.items()):
                facts.append(FactRow(doc_id, "axis", {"number": number, "title": axis["title"], "kind": axis["kind"]},
                                     axis["page"], axis["line"]))
                facts += [FactRow(doc_id, "objective", {"axis": number, "rank": rank, "text": text}, axis["page"], text)
                          for rank, text in enumerate(axis["objectives"], start=1)]
            return facts
        if not series:
            return []
        groups: dict[int, dict] = {}
        for section in sections:
            found = _axis_of(section)
            if not found or series.get(found[0]) != found[2]:
                continue
            number, title, kind, at = found
            heading = section.path[at].lstrip("# ")
            group = groups.get(number)
            if group is None:
                if not title and at + 1 < len(section.path):
                    title = section.path[at + 1].lstrip("# ")  # « AXE 1 » then its title as a sub-heading
                group = groups[number] = {"title": title, "heading": heading, "page": section.page.number, "lines": [],
                                          "pages": [], "seen": set(), "headings": set()}
            group["headings"] |= {h.lstrip("# ").strip() for h in section.path[:at]}  # the document's title, a part's
            # the sub-headings under the axis (« 4.1 Objectif 1.1 – Requalifier le foncier ») are
            # lines of it too: a report gives its objectives as headings, a slide as lines
            for sub in section.path[at + 1:]:
                sub = sub.lstrip("# ").strip()
                if sub and sub not in group["seen"]:
                    group["seen"].add(sub)
                    group["lines"].append(sub)
                    group["pages"].append(section.page.number)
            for line in _lines(section.text):
                group["lines"].append(line)
                group["pages"].append(section.page.number)
        facts = []
        for number in sorted(groups):
            group = groups[number]
            title = group["title"] or self._title_from_lines(group["lines"], group["heading"])
            if not title:
                continue
            facts.append(FactRow(doc_id, "axis", {"number": number, "title": title, "kind": series[number]}, group["page"],
                                 f"{group['heading']}" if group["title"] else f"{group['heading']} : {title}"))
            for rank, (objective, page) in enumerate(self._objectives(group, title, number), start=1):
                facts.append(FactRow(doc_id, "objective", {"axis": number, "rank": rank, "text": objective}, page, objective))
        return facts

    @staticmethod
    def _title_from_lines(lines: list[str], heading: str) -> str | None:
        for line in lines:
            text = BULLET_RE.sub("", line).strip().lstrip("# ")
            if not text or text == heading or strategy_heading(text):
                continue
            letters = [c for c in text if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) >= 0.8:
                return text
            return None
        return None

    def _objectives(self, group: dict, title: str, number: int) -> list[tuple[str, int]]:
        pairs = list(zip(group["lines"], group["pages"]))
        marked = []
        for line, page in pairs:
            text = BULLET_RE.sub("", line).strip().lstrip("# ")
            found = objective_line(text)
            numbered = NUMBERED_RE.match(text)
            if not found and numbered and int(numbered.group(1)) == number and not strategy_heading(text):
                # (« 4.4 Orientation 4 : … » is a report's section number before the axis itself)
                found = (numbered.group(2), numbered.group(3))  # « ▸ 1.2 Soutenir la filière pêche »
            if found and found[1].rstrip(" .") not in {m for m, _ in marked}:  # a heading and its line
                marked.append((found[1].rstrip(" ."), page))
        if marked:
            return marked
        out = []
        for line, page in pairs:
            text = BULLET_RE.sub("", line).strip().lstrip("# ").strip()
            if not text or text in (title, group["heading"]) or text in group["headings"] or strategy_heading(text):
                continue
            if LABEL_LINE_RE.match(text) or text.endswith(":"):
                break  # the objectives stop where the slide's labels or another list begin
            letters = [c for c in text if c.isalpha()]
            if letters and all(c.isupper() for c in letters):
                continue  # a title line, not an objective
            if text.endswith(".") and (len(text) > 160 or len(SENTENCE_RE.split(text)) > 1):
                continue  # a paragraph of prose
            if re.search(r"\d", text) or " : " in text or " = " in text:
                continue  # a key figure (« 17 entreprises », « Vacance commerciale : 14 % »): a result, not an objective
            if 8 <= len(text) <= 220 and text[0].isupper():
                out.append((text.rstrip("."), page))
        return out

    # action status ---------------------------------------------------------------------------
    def status_shares(self, sections: list[Section], doc_id: str, date: str | None) -> list[FactRow]:
        facts, seen = [], set()
        actions = [fold(w) for w in self.lexicon.action_words]
        for section in sections:
            found = _axis_of(section)
            axis = found[0] if found else None
            heading_about_actions = any(contains(fold(section.path_text), w) for w in actions)
            for line in _lines(section.text):
                if "%" not in line:
                    continue
                text = BULLET_RE.sub("", line).strip()
                row_axis = ROW_AXIS_RE.match(text)
                line_axis = int(row_axis.group(1)) if row_axis else (found[0] if found else None)
                row = self._status_row(text, line_axis, doc_id, date, section.page.number, seen)
                if row is not None:
                    facts.append(row)
                    continue
                for sentence in SENTENCE_RE.split(text):
                    about_actions = heading_about_actions or any(contains(fold(sentence), w) for w in actions)
                    opening = SENTENCE_AXIS_RE.match(sentence)
                    for clause in _clauses(sentence):
                        named = CLAUSE_AXIS_RE.search(clause)
                        # the axis the clause names, else the one its sentence is about, else the line's
                        axis = int(named.group(1)) if named else int(opening.group(1)) if opening else line_axis
                        for m in PERCENT_RE.finditer(clause):
                            status = status_match(clause, self.lexicon)
                            if status is None or len(statuses_in(clause, self.lexicon)) > 1:
                                continue  # none, or a share of two together (« réalisées ou en cours »)
                            name, where = status
                            rate = fold(clause).find("taux") != -1 and where.start() <= fold(clause).find("%")
                            if not (about_actions or rate) or (axis, name) in seen:
                                continue
                            seen.add((axis, name))
                            value = float(m.group(1).replace(",", "."))
                            start, end = min(m.start(), where.start()), max(m.end(), where.end())
                            written = _closed(clause, start, end)
                            data = {"status": name, "value": int(value) if value.is_integer() else value,
                                    "written": written, "as_of": date, "axis": axis}
                            facts.append(FactRow(doc_id, "status_share", data, section.page.number, text))
        return facts

    def _status_row(self, text: str, axis: int | None, doc_id: str, date: str | None, page: int,
                    seen: set) -> FactRow | None:
        """A row of a table of shares by status (« Statut : En cours ; Nombre : 10 ; Part : 29 % »):
        the status its status column gives, the percentage of its one percentage cell."""
        cells = _row_cells(text)
        if cells is None:
            return None
        columns = {fold(c) for c in self.lexicon.status_columns}
        status_cell = next((v.strip() for k, v in cells if fold(k).strip() in columns), None)
        shares = [(k.strip(), v.strip()) for k, v in cells if PERCENT_RE.fullmatch(v.strip())]
        if status_cell is None or len(shares) != 1:
            return None
        name = status_of(status_cell, self.lexicon)
        if name is None or len(statuses_in(status_cell, self.lexicon)) > 1 or (axis, name) in seen:
            return None
        seen.add((axis, name))
        value = float(PERCENT_RE.fullmatch(shares[0][1]).group(1).replace(",", "."))
        data = {"status": name, "value": int(value) if value.is_integer() else value,
                "written": f"{status_cell} : {shares[0][1]}", "as_of": date, "axis": axis}
        return FactRow(doc_id, "status_share", data, page, text)

    def action_items(self, sections: list[Section], doc_id: str, date: str | None) -> list[FactRow]:
        """Rows of a table of actions (« Action : … ; Axe : 2 ; Statut : En cours »)."""
        columns = {fold(c) for c in self.lexicon.status_columns}
        facts = []
        for section in sections:
            for line in _lines(section.text):
                cells = _row_cells(line)
                if cells is None:
                    continue
                row = {fold(k).strip(): v.strip() for k, v in cells}
                key = next((k for k in row if k in columns), None)
                if key is None:
                    continue
                status = status_of(row[key], self.lexicon)
                axis_cell = next((v for k, v in row.items() if strategy_heading(f"{k} {v}") or k in ("axe", "axis")), "")
                axis_number = re.search(r"\d+", axis_cell)
                data = {"action": cells[0][1].strip(), "status": status, "status_written": row[key],
                        "axis": int(axis_number.group(0)) if axis_number else None, "as_of": date}
                facts.append(FactRow(doc_id, "action_item", data, section.page.number, line))
        return facts if len(facts) >= 3 else []

    # governance ------------------------------------------------------------------------------
    def governance(self, sections: list[Section], doc_id: str, date: str | None = None) -> list[FactRow]:
        return GovernanceRules(self.lexicon).events(sections, doc_id, date)

    # territory, inputs, next steps -----------------------------------------------------------
    def members(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts, seen = [], set()
        for section in sections:
            for raw in section.text.split("\n"):
                line = BULLET_RE.sub("", raw).strip()
                if any(line.startswith(p) for p in self.lexicon.member_prefixes) and len(line) < 90 and line not in seen \
                        and " : " not in line and not line.endswith("."):
                    seen.add(line)
                    facts.append(FactRow(doc_id, "member", {"name": line}, section.page.number, line))
        return facts

    def inputs(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts = []
        for section in sections:
            lines = [BULLET_RE.sub("", ln).strip() for ln in section.text.split("\n")]
            lines = [ln for ln in lines if ln]
            for i, line in enumerate(lines):
                low = line.lower()
                if len(line) > 80 or line.endswith((".", ";", ":")) or not any(m in low for m in self.lexicon.input_markers):
                    continue
                if TOC_LINE_RE.search(line) or (line.upper() == line and len(line.split()) > 1):
                    continue  # a table-of-contents entry or a title, not a study the strategy draws on
                if "évaluation" in low or strategy_heading(line) or " ; " in line:
                    continue
                nxt = lines[i + 1] if i + 1 < len(lines) else ""
                status = nxt if status_of(nxt, self.lexicon) and len(nxt) < 25 else None
                facts.append(FactRow(doc_id, "input", {"name": line, "status": status}, section.page.number, line))
        # a bare acronym (« SRDEII ») listed among the inputs is an input too
        return facts + self._bare_inputs(sections, doc_id, {f.data["name"] for f in facts})

    def _bare_inputs(self, sections: list[Section], doc_id: str, known: set[str]) -> list[FactRow]:
        facts = []
        for section in sections:
            lines = [BULLET_RE.sub("", ln).strip() for ln in section.text.split("\n") if ln.strip()]
            for i, line in enumerate(lines):
                if re.fullmatch(r"[A-Z]{4,10}", line) and line not in known:
                    near = lines[max(0, i - 1) : i + 2]
                    if sum(1 for n in near if n in known) >= 1:
                        facts.append(FactRow(doc_id, "input", {"name": line, "status": None}, section.page.number, line))
        return facts

    def next_steps(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts = []
        headings = [fold(h) for h in self.lexicon.next_steps_headings]
        for section in sections:
            heading = fold((section.path[-1] if section.path else "").lstrip("# "))
            if not any(h in heading for h in headings):
                continue
            for unit in split_units(section.text):
                text = unit.display.lstrip("# ").strip()
                if text and fold(text) != heading:
                    facts.append(FactRow(doc_id, "next_step", {"text": text}, section.page.number, text))
        return facts


def _row_cells(text: str) -> list[list[str]] | None:
    """The (column, value) cells of a table row as ingestion writes it (« Statut : En cours ;
    Part : 29 % »); None for a line that is not one."""
    if " ; " not in text or " : " not in text:
        return None
    cells = [c.split(" : ", 1) for c in text.split(" ; ")]
    return None if any(len(c) != 2 for c in cells) else cells


def _strategy_row(text: str) -> tuple[int, str, str, list[str]] | None:
    """(number, title, kind, objectives) of a strategy table's row (« Axe : 1 ; Intitulé : Conforter
    l'agriculture ; Objectifs : 1.1 Structurer les circuits courts ; 1.2 … »): an axis numbered in
    its first cell, a title in words, and objectives numbered under its number. None otherwise (a
    row of amounts or of statuses states no objectives)."""
    if " ; " not in text or " : " not in text:
        return None
    cells: list[list[str]] = []
    for part in text.split(" ; "):
        if " : " in part:
            cells.append(part.split(" : ", 1))
        elif cells:  # a cell's own list (« 1.1 … ; 1.2 … ») continues its value
            cells[-1][1] += " ; " + part
        else:
            return None
    found = strategy_heading(f"{cells[0][0]} {cells[0][1]}") or strategy_heading(cells[0][1])
    if not found:
        return None
    number, title, kind = found
    objectives: list[str] = []
    for _, value in cells[1:]:
        items = [NUMBERED_RE.match(item.strip()) for item in value.split(" ; ")]
        if all(items) and all(int(m.group(1)) == number for m in items):
            objectives += [m.group(3).rstrip(" .") for m in items]
        elif not title and re.search(r"[^\W\d_]{3}", value):
            title = value.strip()
    return (number, title, kind, objectives) if title and objectives else None


def _clauses(sentence: str) -> list[str]:
    """The clauses of a sentence; a value set in apposition (« 18 sont réalisées, soit 53 % »,
    « … réalisées (53 %) ») stays with the clause it restates."""
    out: list[str] = []
    for clause in CLAUSE_SPLIT_RE.split(sentence):
        if out and APPOSITION_RE.match(clause):
            out[-1] = f"{out[-1]}, {clause}"
        else:
            out.append(clause)
    return out


def _closed(text: str, start: int, end: int) -> str:
    """``text[start:end]``, taken up to the parenthesis it opens (« Réalisée : 15 (48,4 %) »)."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")"):
        close = text.find(")", end)
        if close != -1:
            end = close + 1
    return text[start:end].strip(" :")
