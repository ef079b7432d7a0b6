"""The strategy a document states: its axes (« AXE 1 », « Orientation stratégique n°2 : … »,
« Priorité 3 : … ») and their objectives, read from its headings, from a page or a table that
states it whole, or from the lines under each axis. Rules about kinds of documents, not one."""

from __future__ import annotations

import re

from assistant.answers.units import BULLET_RE
from assistant.ingest.structure import Section
from assistant.providers.catalog import FactRow
from assistant.text.headings import objective_line, strategy_heading
from assistant.text.units import SENTENCE_END_RE as SENTENCE_RE

LABEL_LINE_RE = re.compile(r"^objectifs?\s+(?:stratégiques?|opérationnels?)\s*:?$", re.IGNORECASE)
# an objective numbered under its axis's number (« 1.2 Soutenir la filière pêche », « 2.1. – Allonger … »)
NUMBERED_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(?:[–—-]\s*)?([A-ZÀ-ÖØ-Þ].*)$")
# a line that ends on a word no phrase ends with (« … portuaires de ») was wrapped: its end is on
# the next line (« Saint-Aubert-sur-Mer »)
OPEN_END_RE = re.compile(r"(?:^|\s)(?:de|du|des|d['’]|la|le|les|l['’]|à|au|aux|en|et|ou|pour|sur|dans|par|avec|of|the|and|to|for)$",
                         re.IGNORECASE)
TOC_LINE_RE = re.compile(r"(?:\.{3,}|…)\s*\d+\s*$|\s\d{1,3}$")


def axis_of(section: Section, kind: str | None = None) -> tuple[int, str, str, int] | None:
    """The nearest strategy heading of a section's path: (number, title, kind, index in path)."""
    for i in range(len(section.path) - 1, -1, -1):
        found = strategy_heading(section.path[i].lstrip("# "))
        if found and (kind is None or found[2] == kind):
            return (*found, i)
    return None


def lines_of(text: str) -> list[str]:
    return [ln.strip() for ln in text.split("\n")]


class StrategyRules:
    """Axis and objective facts of a document's sections."""

    def series(self, sections: list[Section]) -> dict[int, str]:
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
            for line in lines_of(section.text):
                text = BULLET_RE.sub("", line).strip()
                if not text or TOC_LINE_RE.search(text):
                    continue  # a contents page's lines end with their page numbers
                row = strategy_row(text)
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
        series = self.series(sections)
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
            found = axis_of(section)
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
            for line in lines_of(section.text):
                group["lines"].append(line)
                group["pages"].append(section.page.number)
        facts = []
        for number in sorted(groups):
            group = groups[number]
            title = group["title"] or self._title_fromlines_of(group["lines"], group["heading"])
            if not title:
                continue
            facts.append(FactRow(doc_id, "axis", {"number": number, "title": title, "kind": series[number]}, group["page"],
                                 f"{group['heading']}" if group["title"] else f"{group['heading']} : {title}"))
            for rank, (objective, page) in enumerate(self._objectives(group, title, number), start=1):
                facts.append(FactRow(doc_id, "objective", {"axis": number, "rank": rank, "text": objective}, page, objective))
        return facts

    @staticmethod
    def _title_fromlines_of(lines: list[str], heading: str) -> str | None:
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
        for at, (line, page) in enumerate(pairs):
            text = BULLET_RE.sub("", line).strip().lstrip("# ")
            found = objective_line(text)
            numbered = NUMBERED_RE.match(text)
            if not found and numbered and int(numbered.group(1)) == number and not strategy_heading(text):
                # (« 4.4 Orientation 4 : … » is a report's section number before the axis itself)
                found = (numbered.group(2), numbered.group(3))  # « ▸ 1.2 Soutenir la filière pêche »
            if found:
                found = (found[0], _unwrapped(found[1], [ln for ln, _ in pairs[at + 1:]]))
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


def _unwrapped(text: str, following: list[str]) -> str:
    """An objective wrapped over lines (« ▶ 1.1 Moderniser les équipements portuaires de » then
    « Saint-Aubert-sur-Mer »): the lines after one that ends on a word no phrase ends with, up to a
    blank, bulleted or numbered line."""
    for line in following:
        if not OPEN_END_RE.search(text.rstrip()):
            break
        nxt = line.strip()
        if not nxt or BULLET_RE.match(nxt) or NUMBERED_RE.match(nxt) or objective_line(nxt):
            break
        text = f"{text.rstrip()} {nxt}"
    return text


def strategy_row(text: str) -> tuple[int, str, str, list[str]] | None:
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
