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
from assistant.knowledge.lexicon import Lexicon, contains, default_lexicon, fold, status_match, status_of
from assistant.parsing.parsers import ParsedDocument
from assistant.providers.catalog import FactRow
from assistant.text.dates import find_dates
from assistant.text.headings import objective_line, strategy_heading

PERCENT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:[.,]\d+)?)\s*%")
LABEL_LINE_RE = re.compile(r"^objectifs?\s+(?:stratégiques?|opérationnels?)\s*:?$", re.IGNORECASE)
CLAUSE_SPLIT_RE = re.compile(r"\s*[;,]\s+|\s+(?:et|dont|tandis que|alors que|contre)\s+")
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")
ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
# a table row or a line about one axis (« Axe : Axe 1 – … ; Réalisées : 5 (50 %) », « Axe 2 : 40 % »)
ROW_AXIS_RE = re.compile(r"^(?:[\w' ]{1,20}:\s*)?(?:axe|axis)\s+(\d{1,2})\b", re.IGNORECASE)
# the bounds of a span of time (« entre mars 2018 et mai 2023 », « de 2018 à 2023 »): (before, between)
SPANS = tuple((re.compile(rf"\b(?:{opening})\s+(?:le\s+|l'|les\s+)?$", re.IGNORECASE),
               re.compile(rf"\s+(?:{joining})\s+(?:le\s+)?", re.IGNORECASE))
              for opening, joining in (("entre", "et"), ("de|du|depuis", "à|au|jusqu'à|jusqu'au")))
LABEL_END_RE = re.compile(r"[:–—]\s*(?:(?:le|les|du|au|en)\s+)?$")  # « Bureau élargi : (le) 12/03 », not a clause
MET_RE = re.compile(r"\b(?:reuni|reunie|reunis|tenu|tenue|siege|convoque|convoquee)s?\b")  # accent-folded
TOC_LINE_RE = re.compile(r"(?:\.{3,}|…)\s*\d+\s*$|\s\d{1,3}$")
def _axis_of(section: Section, kind: str | None = None) -> tuple[int, str, str, int] | None:
    """The nearest strategy heading of a section's path: (number, title, kind, index in path)."""
    for i in range(len(section.path) - 1, -1, -1):
        found = strategy_heading(section.path[i].lstrip("# "))
        if found and (kind is None or found[2] == kind):
            return (*found, i)
    return None


def _clauses(units) -> list[tuple[str, str]]:
    """(text, display) of each clause of each unit. A unit whose lines end with « ; » is split at
    them: the « Vu … ; » lines of a délibération are one unit, but each clause dates its own act.
    So is a unit of several sentences (a list item, a paragraph of minutes): a date belongs to the
    body its own sentence names."""
    out = []
    for unit in units:
        parts = re.split(r"(?<=;)\n", unit.text)
        if len(parts) == 1:
            sentences = [s for s in SENTENCE_RE.split(unit.text) if s.strip()]
            out += [(unit.text, unit.display)] if len(sentences) == 1 else [(s.strip(), unit.display) for s in sentences]
        else:
            out += [(part.strip(), part.strip()) for part in parts if part.strip()]
    return out


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
        facts += self.governance(sections, doc_id)
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

    def axes(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        series = self._series(sections)
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
                                          "pages": [], "seen": set()}
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
            for rank, (objective, page) in enumerate(self._objectives(group, title), start=1):
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

    def _objectives(self, group: dict, title: str) -> list[tuple[str, int]]:
        pairs = list(zip(group["lines"], group["pages"]))
        marked = []
        for line, page in pairs:
            found = objective_line(BULLET_RE.sub("", line).strip().lstrip("# "))
            if found and found[1].rstrip(" .") not in {m for m, _ in marked}:  # a heading and its line
                marked.append((found[1].rstrip(" ."), page))
        if marked:
            return marked
        out = []
        for line, page in pairs:
            text = BULLET_RE.sub("", line).strip().lstrip("# ").strip()
            if not text or text in (title, group["heading"]) or strategy_heading(text):
                continue
            if LABEL_LINE_RE.match(text) or text.endswith(":"):
                break  # the objectives stop where the slide's labels or another list begin
            letters = [c for c in text if c.isalpha()]
            if letters and all(c.isupper() for c in letters):
                continue  # a title line, not an objective
            if text.endswith(".") and (len(text) > 160 or len(SENTENCE_RE.split(text)) > 1):
                continue  # a paragraph of prose
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
                axis = int(row_axis.group(1)) if row_axis else (found[0] if found else None)
                for sentence in SENTENCE_RE.split(text):
                    about_actions = heading_about_actions or any(contains(fold(sentence), w) for w in actions)
                    for clause in CLAUSE_SPLIT_RE.split(sentence):
                        for m in PERCENT_RE.finditer(clause):
                            status = status_match(clause, self.lexicon)
                            if status is None:
                                continue
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

    def action_items(self, sections: list[Section], doc_id: str, date: str | None) -> list[FactRow]:
        """Rows of a table of actions (« Action : … ; Axe : 2 ; Statut : En cours »)."""
        columns = {fold(c) for c in self.lexicon.status_columns}
        facts = []
        for section in sections:
            for line in _lines(section.text):
                if " ; " not in line or " : " not in line:
                    continue
                cells = [c.split(" : ", 1) for c in line.split(" ; ")]
                if any(len(c) != 2 for c in cells):
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
    def governance(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts = []
        for section in sections:
            in_governance = any(h in fold(section.path_text) for h in map(fold, self.lexicon.governance_headings))
            last_body = None  # « Le comité technique rassemble … Il s'est tenu le … »: the body named last
            for text, display in _clauses(split_units(section.text)):
                dates = find_dates(text)
                named = self._canonical_body(text)
                if not dates:
                    last_body = named or last_body
                    continue
                row = self._row_label(text)
                if not row:
                    dates = self._meeting_dates(text, dates)
                    if not dates:
                        last_body = named or last_body
                        continue
                label = self._without_meeting_words(row) if row else self._label_before(text, dates[0].start)
                body = named or self._named_body(label)
                if body is None and (self._speaks_of_meeting(text) or in_governance and len(label.split()) <= 3):
                    # « Il s'est réuni le … » after the body's own sentence; in a governance section, a
                    # date line too (« – 12 mars 2019 : installation »), not another act's sentence
                    body = last_body
                if body is None:
                    # a governance section's own row label (« Bureau élargi : 12/03 »), never a clause
                    if not in_governance or not label or len(label) > 60 or re.search(r"[\d,;]", label) \
                            or not (row or LABEL_END_RE.search(text[: dates[0].start])):
                        continue
                    body = label[0].lower() + label[1:] if label[1:2].islower() else label
                last_body = body
                for found in dates:
                    data = dict(found.as_dict(), body=body, label=label or body)
                    facts.append(FactRow(doc_id, "governance_event", data, section.page.number, display))
        return facts

    def _meeting_dates(self, text: str, dates: list) -> list:
        """The dates of a sentence that can date a meeting: never the bounds of a span (« réuni onze
        fois entre mars 2018 et mai 2023 »); and when a date follows the body's name, not the dates
        before it, which date other acts (« rapport remis le 31 mars 2023 et présenté au comité de
        pilotage le 11 mai 2023 »)."""
        bounds = set()
        for i in range(len(dates) - 1):
            first, second = dates[i], dates[i + 1]
            if any(before.search(text[: first.start]) and between.fullmatch(text[first.end: second.start])
                   for before, between in SPANS):
                bounds |= {i, i + 1}
        kept = [d for i, d in enumerate(dates) if i not in bounds]
        at = self._body_position(text)
        if at is not None and any(d.start >= at for d in kept):
            kept = [d for d in kept if d.start >= at]
        return kept

    def _body_position(self, text: str) -> int | None:
        """Where the first body the lexicon knows is named in the text."""
        low = "".join(fold(c)[:1] or c for c in text)  # accent-folded, same length as the text
        found = [m.start() for forms in self.lexicon.bodies.values() for f in forms if (m := contains(low, fold(f)))]
        return min(found, default=None)

    def _speaks_of_meeting(self, text: str) -> bool:
        """The unit says that a body met (« réunion », « séance », « s'est réuni », « s'est tenu »)."""
        low = fold(text)
        return bool(MET_RE.search(low)) or any(contains(low, fold(w)) for w in self.lexicon.meeting_words)

    @staticmethod
    def _row_label(text: str) -> str | None:
        """A table row (« Instance : CTDC ; Dates : 14/12/21 … »): the first cell that holds no date."""
        line = text.strip()
        if " ; " not in line or " : " not in line:
            return None
        for cell in line.split(" ; "):
            key, sep, value = cell.partition(" : ")
            if sep and value.strip() and not find_dates(value):
                return value.strip()
        return None

    def _label_before(self, text: str, at: int) -> str:
        """The words before the first date of a unit, without bullets, meeting words or « le »."""
        head = text[:at]
        head = " ".join(BULLET_RE.sub("", ln).strip().lstrip("▣").strip() for ln in head.split("\n")).strip()
        head = re.split(r"\s*:\s*$", head)[0]
        head = re.sub(r"\s+(?:le|les|du|au|en|des|dès le)\s*$", "", head, flags=re.IGNORECASE).strip(" -–:+,")
        return self._without_meeting_words(head)

    def _without_meeting_words(self, label: str) -> str:
        """« Réunions au Réseau des développeurs » → « Réseau des développeurs »."""
        meeting = "|".join(re.escape(w) for w in sorted(self.lexicon.meeting_words, key=len, reverse=True))
        label = re.sub(rf"^(?:{meeting})\s+(?:(?:de la|de l'|du|des|de|au|aux|d')\s*)?", "", label, flags=re.IGNORECASE)
        return label.strip()

    def _canonical_body(self, text: str) -> str | None:
        low = fold(text)
        for name, forms in self.lexicon.bodies.items():
            if any(contains(low, fold(f)) for f in forms):
                return name
        return None

    def _named_body(self, label: str) -> str | None:
        """A label that names a body: a few words, opening with a body word or an acronym
        (« Réseau des développeurs », « CTDC »), not a clause (« Le PETR et la Région ont signé »)."""
        if not label or len(label) > 60 or len(label.split()) > 6:
            return None
        first = re.sub(r"^(?:le|la|les|l'|du|des|au|aux)\s*", "", label, flags=re.IGNORECASE).split()
        if not first or not (ACRONYM_RE.fullmatch(first[0].strip(",:")) or
                             any(fold(first[0]).startswith(fold(w.split()[0])) for w in self.lexicon.body_words)):
            return None
        # « Le conseil de développement, consulté le … » → « conseil de développement »
        label = re.sub(r"^(?:le|la|les)\s+|^l'", "", label.split(",")[0].strip(), flags=re.IGNORECASE)
        low = fold(label)
        if any(contains(low, fold(w)) for w in self.lexicon.body_words) or ACRONYM_RE.search(label):
            # a common noun is written in lower case (« réseau des développeurs »), an acronym as is
            return label[0].lower() + label[1:] if label[1:2].islower() else label
        return None

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


def _closed(text: str, start: int, end: int) -> str:
    """``text[start:end]``, taken up to the parenthesis it opens (« Réalisée : 15 (48,4 %) »)."""
    piece = text[start:end]
    if piece.count("(") > piece.count(")"):
        close = text.find(")", end)
        if close != -1:
            end = close + 1
    return text[start:end].strip(" :")
