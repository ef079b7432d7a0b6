"""Rules that read structured facts out of French administrative documents, with provenance.

The rules are stated for kinds of documents, not for one document:

- **axes** (``strategy_rules``): a page or a table stating every axis with its numbered
  objectives; else sections headed by a numbered strategic division (« AXE 1 », « Orientation
  stratégique n°2 : … », « Priorité 3 : … », words from the field vocabulary), only the kind of
  heading the document uses most counting, with their « Objectif 1.1 – … » lines, else their list
  items and short standalone lines that state no figure;
- **action status shares**: a percentage and a status expression (« réalisées », « en cours »,
  « n'ont pas démarré », « taux de réalisation ») in the same clause, in a sentence about actions
  or in a rate form;
- **action tables**: table rows (« Action : … ; Statut : Réalisée ») with a status column;
- **governance events**: dated units naming a body (« comité de pilotage », an acronym, a
  network) or standing in a governance section; dates parsed by ``assistant.text.dates``;
- **members, strategy inputs**: list lines under the matching headings;
- **next steps** (``next_steps_rules``): the units under a heading that announces them.

Every fact keeps its page and the exact text it was read from. Nothing is completed by guess:
a malformed date is kept as written and flagged incomplete.
"""

from __future__ import annotations

import re

from assistant.answers.units import BULLET_RE
from assistant.ingest.structure import Section, split_sections
from assistant.knowledge.governance_rules import GovernanceRules, situation_date
from assistant.knowledge.lines import row_cells
from assistant.knowledge.next_steps_rules import NextStepsRules
from assistant.knowledge.strategy_rules import TOC_LINE_RE, StrategyRules, axis_of, lines_of
from assistant.knowledge.lexicon import (
    Lexicon,
    column_named,
    contains,
    default_lexicon,
    fold,
    status_match,
    status_of,
    statuses_in,
)
from assistant.parsing.parsers import ParsedDocument
from assistant.providers.catalog import FactRow
from assistant.text.headings import heading_key, strategy_heading, title_parts
from assistant.text.dates import find_dates
from assistant.text.units import SENTENCE_END_RE as SENTENCE_RE

PERCENT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%")
BYLINE_SPLIT_RE = re.compile(r"\s+·\s+")
PERIOD_RE = re.compile(r"\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})\b")  # « 2020-2024 », « 2017/2021 »
BARE_INPUT_RE = re.compile(r"[A-Z]{4,10}")  # an acronym alone on its line (« SRDEII »)
# what a line naming a study is not: a Markdown heading, a caption, a glossary line (« CDET : … »),
# a question, a figure (« 46 projets … »), a line that continues another (« du Contrat … »)
NOT_AN_INPUT_RE = re.compile(r"^#|^(?:[Tt]ableau|[Ff]igure|[Gg]raphique|[Cc]arte|[Aa]nnexe)\s+\d|^[A-Z0-9]{2,8}\s*:|\?\s*$|^\d|^[a-zà-ÿ]")
# a community's name followed by its details: « … du Val de Sorelle (11 communes) : », « … Vaudre ; »
MEMBER_DETAILS_RE = re.compile(r"^([^():;,.]+?)\s*(?:\([^)]*\)\s*)?[:;]")
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
        facts += self.inputs(sections, doc_id, title)
        facts += NextStepsRules(self.lexicon).next_steps(sections, doc_id)
        return facts

    # strategy --------------------------------------------------------------------------------
    def axes(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        return StrategyRules().axes(sections, doc_id)

    # action status ---------------------------------------------------------------------------
    def status_shares(self, sections: list[Section], doc_id: str, date: str | None) -> list[FactRow]:
        """Shares of the actions by status, each with the date the document gives its figures at
        (``situation``: its own sentence's, else its section's, else the cover's), when it gives one."""
        facts, seen = [], set()
        actions = [fold(w) for w in self.lexicon.action_words]
        first = sections[0].page.number if sections else None
        cover = situation_date("\n".join(s.text for s in sections if s.page.number == first))
        for section in sections:
            section_start = len(facts)
            found = axis_of(section)
            axis = found[0] if found else None
            heading_about_actions = any(contains(fold(section.path_text), w) for w in actions)
            for line in lines_of(section.text):
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
            stated = situation_date(section.text) or cover
            for fact in facts[section_start:]:
                situation = situation_date(fact.excerpt or "") or stated
                if situation:
                    fact.data["situation"] = situation
        return facts

    def _status_row(self, text: str, axis: int | None, doc_id: str, date: str | None, page: int,
                    seen: set) -> FactRow | None:
        """A row of a table of shares by status (« Statut : En cours ; Nombre : 10 ; Part : 29 % »):
        the status its status column gives, the percentage of its one percentage cell."""
        cells = row_cells(text)
        if cells is None:
            return None
        status_cell = self._status_cell(cells)
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

    def _status_cell(self, cells: list[tuple[str, str]]) -> str | None:
        """The cell of a row's status column: a column named as one (« Statut »), else one whose
        name begins as one (« Statut au 31/12/2024 ») and that holds a status (not « Statut
        juridique : Association »)."""
        columns = self.lexicon.status_columns
        exact = next((v.strip() for k, v in cells if column_named(k, columns, exact=True)), None)
        if exact is not None:
            return exact
        return next((v.strip() for k, v in cells
                     if column_named(k, columns) and status_of(v, self.lexicon) is not None), None)

    def action_items(self, sections: list[Section], doc_id: str, date: str | None) -> list[FactRow]:
        """Rows of a table of actions (« Action : … ; Axe : 2 ; Statut : En cours »)."""
        action_names = self.lexicon.register_columns.get("action", [])
        axis_names = [*self.lexicon.register_columns.get("axis", []), "axis"]
        facts = []
        for section in sections:
            for line in lines_of(section.text):
                cells = row_cells(line)
                if cells is None:
                    continue
                written = self._status_cell(cells)
                if written is None:
                    continue
                row = {fold(k).strip(): v.strip() for k, v in cells}
                status = status_of(written, self.lexicon)
                # the axis under its column, as the register names it (« Axe », « Ambition : A2 »)
                axis_cell = next((v for k, v in row.items()
                                  if column_named(k, axis_names) or strategy_heading(f"{k} {v}")), "")
                axis_number = re.search(r"\d+", axis_cell)
                # the action's name is under its column (« Intitulé de l'action »), else the first cell
                named = [v.strip() for k, v in cells if column_named(k, action_names)]
                data = {"action": (named or [cells[0][1].strip()])[0], "status": status, "status_written": written,
                        "axis": int(axis_number.group(0)) if axis_number else None, "as_of": date}
                facts.append(FactRow(doc_id, "action_item", data, section.page.number, line))
        return facts if len(facts) >= 3 else []

    # governance ------------------------------------------------------------------------------
    def governance(self, sections: list[Section], doc_id: str, date: str | None = None) -> list[FactRow]:
        return GovernanceRules(self.lexicon).events(sections, doc_id, date)

    # territory, inputs, next steps -----------------------------------------------------------
    def members(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        """The member communities: a line that is a community's name (« CC du Val »), or that
        opens with one before its details (« Communauté de communes du Val (11 communes) : Vaulmont,
        … »); its name without them."""
        facts, seen = [], set()
        for section in sections:
            for raw in section.text.split("\n"):
                # a byline names several bodies between middle dots (« CA du Littoral · Région … »)
                for line in BYLINE_SPLIT_RE.split(BULLET_RE.sub("", raw).strip()):
                    if not any(line.startswith(p) for p in self.lexicon.member_prefixes):
                        continue
                    named = MEMBER_DETAILS_RE.match(line)
                    if named is None and (len(line) >= 90 or " : " in line or line.endswith(".")):
                        continue  # a sentence about a community, not a list of them
                    name = named.group(1) if named else line.rstrip(" ;,")
                    # (« Communauté de communes : CC X ; Établissements : 12 » is a table's column)
                    bare = any(name.strip().lower() == p.strip().lower() for p in self.lexicon.member_prefixes)
                    if len(name) < 90 and name not in seen and not bare:
                        seen.add(name)
                        facts.append(FactRow(doc_id, "member", {"name": name}, section.page.number, line))
        return facts

    def inputs(self, sections: list[Section], doc_id: str, title: str = "") -> list[FactRow]:
        """The studies and plans the strategy draws on: short lines whose head is one (« Etude
        diagnostic Fisac PETR », « Nouvelle étude de … », « SRDEII »). Not a line that only mentions
        one further on (« Signature du contrat », « Emploi et plan de financement »), a heading of
        the document or its title, a common word in capitals that the text also writes in small
        letters (« DIAGNOSTIC » over a section, unlike « SRDEII »), a caption (« Tableau 3 – … »), a
        glossary line (« CDET : Contrat de … »), a question, a dated event, a figure, nor the
        continuation of a line cut short (« du Contrat territorial … »). Not the document naming
        itself (its title, or its cover's subtitle sharing the title's period), not a line under an
        axis (an action), and not a line alone: the studies are listed together or introduced
        (« Sources de la stratégie : »)."""
        facts = []
        headings = {heading_key(h) for section in sections for h in section.path} | {heading_key(title)}
        own_names = {heading_key(part) for part in title_parts(title)}  # its own title, whole or its main part
        periods = set(PERIOD_RE.findall(title))
        cover = sections[0] if sections else None
        text = "\n".join(section.text for section in sections)
        # the document's lines in order (a list may run over a section break the layout saw)
        lines = [(section, ln) for section in sections
                 for ln in (BULLET_RE.sub("", raw).strip() for raw in section.text.split("\n")) if ln]
        under_axis = {id(section) for section in sections if axis_of(section) is not None}
        found = {i for i, (section, line) in enumerate(lines)
                 if id(section) not in under_axis  # under an axis, a plan (« Plan de rénovation … ») is an action
                 and self._names_input(line, headings, text)}
        for i in sorted(found):
            section, line = lines[i]
            if heading_key(line) in own_names:
                continue  # the document names itself (its cover)
            if section is cover and periods & set(PERIOD_RE.findall(line)):
                continue  # its cover's subtitle (« Contrat … 2020-2024 – Bilan à mi-parcours »)
            # a study the strategy draws on is listed with others, or introduced (« Sources : »); a
            # line alone is a slide's title (« Plan de financement prévisionnel ») or a subject
            near = [ln for _, ln in lines[max(0, i - 1) : i + 2] if ln != line]
            if not (i - 1 in found or i + 1 in found or (i > 0 and lines[i - 1][1].endswith(":"))
                    or any(BARE_INPUT_RE.fullmatch(n) for n in near)):
                continue
            nxt = lines[i + 1][1] if i + 1 < len(lines) and lines[i + 1][0] is section else ""
            status = nxt if status_of(nxt, self.lexicon) and len(nxt) < 25 else None
            facts.append(FactRow(doc_id, "input", {"name": line, "status": status}, section.page.number, line))
        # a bare acronym (« SRDEII ») listed among the inputs is an input too
        return facts + self._bare_inputs(sections, doc_id, {f.data["name"] for f in facts}, text)

    def _names_input(self, line: str, headings: set[str], text: str) -> bool:
        """Whether a line names a study on its own: short, not a sentence, headed by a study's word."""
        if len(line) > 80 or line.endswith((".", ";", ":")) or not self._heads_a_study(line):
            return False
        if TOC_LINE_RE.search(line) or (line.upper() == line and len(line.split()) > 1):
            return False  # a table-of-contents entry or a title, not a study the strategy draws on
        if line.upper() == line and _common_word(line, text):
            return False  # « DIAGNOSTIC » over a section, not an acronym (« SRDEII »)
        if (heading_key(line) in headings and len(line.split()) > 1) or NOT_AN_INPUT_RE.search(line) or \
                any(d.precision == "day" for d in find_dates(line)):
            return False
        return not ("évaluation" in line.lower() or strategy_heading(line) or " ; " in line)

    def _heads_a_study(self, line: str) -> bool:
        """Whether a study's word opens the line, or follows its first word (« Nouvelle étude … »,
        « Projet de territoire : … »): the line names a study, not something else about one. The
        lexicon writes acronyms in capitals (« SRDEII »), common nouns in small letters."""
        low = line.lower()
        if any(low == m for m in self.lexicon.input_markers):
            return False  # a common noun alone (« DIAGNOSTIC »), a heading; an acronym alone is a study
        for marker in self.lexicon.input_markers:
            for m in re.finditer(rf"(?<!\w){re.escape(marker.lower())}", low):
                if len(low[: m.start()].split()) <= 1:
                    return True
        return False

    def _bare_inputs(self, sections: list[Section], doc_id: str, known: set[str], text: str) -> list[FactRow]:
        facts = []
        for section in sections:
            lines = [BULLET_RE.sub("", ln).strip() for ln in section.text.split("\n") if ln.strip()]
            for i, line in enumerate(lines):
                if BARE_INPUT_RE.fullmatch(line) and line not in known and not _common_word(line, text):
                    near = lines[max(0, i - 1) : i + 2]
                    if sum(1 for n in near if n in known) >= 1:
                        facts.append(FactRow(doc_id, "input", {"name": line, "status": None}, section.page.number, line))
        return facts


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


def _common_word(word: str, text: str) -> bool:
    """Whether a word in capitals is a common word the text also writes in small letters
    (« DIAGNOSTIC » and « diagnostic »), not an acronym, which is only ever written in capitals."""
    return any(m.group(0) != word.upper() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))

