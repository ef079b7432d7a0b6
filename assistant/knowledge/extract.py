"""Rules that read structured facts out of French administrative documents, with provenance.

Every fact keeps the page and the exact line it was read from. Nothing is completed by guess:
a malformed date (« 06/04/202 ») is kept as written and flagged incomplete.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from assistant.answers.units import BULLET_RE, split_units
from assistant.ingest.structure import AXIS_RE, Section, split_sections
from assistant.providers.catalog import FactRow
from assistant.providers.parsers import ParsedDocument
from assistant.retrieval.glossary import DATA_DIR

PERCENT_ACTION_RE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*%\s*(?:d['’]\s*|des\s+|de\s+)?(actions?|fiches?-actions?|opérations?)\s+([^\n;,.]*)", re.IGNORECASE
)
EVENT_DATE_RE = re.compile(
    r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{1,4}\b"
    r"|\b(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)[ .]+\d{2,4}\b",
    re.IGNORECASE,
)
LABEL_LINE_RE = re.compile(r"^objectifs?\s+(?:stratégiques?|opérationnels?)\s*:?$", re.IGNORECASE)


@dataclass
class Lexicon:
    status: dict[str, list[str]]
    bodies: dict[str, list[str]]
    governance_headings: list[str]
    next_steps_headings: list[str]
    member_prefixes: list[str]
    input_markers: list[str]
    classify: dict

    @classmethod
    def load(cls) -> "Lexicon":
        data = tomllib.loads((DATA_DIR / "lexicon.toml").read_text(encoding="utf-8"))
        return cls(
            data["status"], data["bodies"], data["governance_headings"], data["next_steps_headings"],
            data["member_prefixes"], data["input_markers"], data.get("classify", {}),
        )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()


def status_of(words: str, lexicon: Lexicon) -> str | None:
    text = " " + words.lower().strip() + " "
    for status in ("not_done", "in_progress", "done"):
        if any(f" {w} " in text or text.strip().startswith(w) for w in lexicon.status[status]):
            return status
    return None


def parse_date(text: str) -> dict:
    """A date as written, its ISO form when complete, and whether it is incomplete."""
    written = re.sub(r"\s+", "", text) if "/" in text else text.strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{1,4})", written)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(year) == 2:
            year = "20" + year
        if len(year) == 4 and 1 <= month <= 12 and 1 <= day <= 31:
            return {"written": text.strip(), "iso": f"{year}-{month:02d}-{day:02d}", "incomplete": False}
        return {"written": text.strip(), "iso": None, "incomplete": True}
    # « janvier 2019 »: a month, not a day
    return {"written": text.strip(), "iso": None, "incomplete": True}


class FactExtractor:
    """Callable used by ingestion: ``(doc, doc_id, title, date) -> list[FactRow]``."""

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or default_lexicon()

    def __call__(self, doc: ParsedDocument, doc_id: str, title: str, date: str | None) -> list[FactRow]:
        sections = split_sections(doc)
        facts: list[FactRow] = [FactRow(doc_id, "document", {"title": title, "as_of": date}, None, None)]
        facts += self.axes(sections, doc_id)
        facts += self.status_shares(sections, doc_id, date)
        facts += self.governance(sections, doc_id)
        facts += self.members(sections, doc_id)
        facts += self.inputs(sections, doc_id)
        facts += self.next_steps(sections, doc_id)
        return facts

    # strategy --------------------------------------------------------------------------------
    def axes(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts, seen = [], set()
        for section in sections:
            heading = section.path[-1] if section.path else ""
            m = AXIS_RE.match(heading)
            if not m or not m.group(2):
                continue
            number = _axis_number(m.group(1))
            if number in seen:
                continue
            seen.add(number)
            title = m.group(2).strip()
            facts.append(FactRow(doc_id, "axis", {"number": number, "title": title}, section.page.number, heading))
            for rank, objective in enumerate(self._objectives(section, title), start=1):
                facts.append(FactRow(doc_id, "objective", {"axis": number, "rank": rank, "text": objective},
                                     section.page.number, objective))
        return facts

    def _objectives(self, section: Section, title: str) -> list[str]:
        out = []
        for raw in section.text.split("\n"):
            line = BULLET_RE.sub("", raw).strip()
            if not line or line == title or AXIS_RE.match(line) or line.upper() == line and len(line) < 12:
                continue
            if LABEL_LINE_RE.match(line) or line.endswith(":"):
                break  # the objectives stop where the slide's labels or another list begin
            if line.upper() == line:
                continue
            if 8 <= len(line) <= 220 and line[0].isupper():
                out.append(line)
        return out

    # action status ---------------------------------------------------------------------------
    def status_shares(self, sections: list[Section], doc_id: str, date: str | None) -> list[FactRow]:
        facts, seen = [], set()
        for section in sections:
            axis = _axis_of(section)
            for line in section.text.split("\n"):
                for m in PERCENT_ACTION_RE.finditer(line):
                    status = status_of(m.group(3), self.lexicon)
                    if status is None or (axis, status) in seen:
                        continue
                    seen.add((axis, status))
                    number = m.group(1)
                    value = float(number.replace(",", "."))
                    data = {"status": status, "value": int(value) if value.is_integer() else value,
                            "written": m.group(0).strip(), "as_of": date, "axis": axis}
                    facts.append(FactRow(doc_id, "status_share", data, section.page.number, BULLET_RE.sub("", line).strip()))
        return facts

    # governance ------------------------------------------------------------------------------
    def governance(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts = []
        for section in sections:
            in_governance = any(h in section.path_text.lower() for h in self.lexicon.governance_headings)
            for unit in split_units(section.text):
                dates = [m.group(0) for m in EVENT_DATE_RE.finditer(unit.text)]
                if not dates:
                    continue
                label = _event_label(unit.text)
                body = self._body(label)
                if body is None and not in_governance:
                    continue
                body = body or label
                for written in dates:
                    data = dict(parse_date(written), body=body, label=label)
                    facts.append(FactRow(doc_id, "governance_event", data, section.page.number, unit.display))
        return facts

    def _body(self, label: str) -> str | None:
        low = label.lower()
        for name, forms in self.lexicon.bodies.items():
            if any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", low) for f in forms):
                return name
        return None

    # territory, inputs, next steps -----------------------------------------------------------
    def members(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        facts, seen = [], set()
        for section in sections:
            for raw in section.text.split("\n"):
                line = BULLET_RE.sub("", raw).strip()
                if any(line.startswith(p) for p in self.lexicon.member_prefixes) and len(line) < 90 and line not in seen:
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
                if len(line) > 80 or line.endswith((".", ";")) or not any(m in low for m in self.lexicon.input_markers):
                    continue
                if "évaluation" in low or AXIS_RE.match(line):
                    continue
                status = lines[i + 1] if i + 1 < len(lines) and lines[i + 1].lower() in ("en cours", "à venir", "réalisé", "réalisée") else None
                facts.append(FactRow(doc_id, "input", {"name": line, "status": status}, section.page.number, line))
        # a single-word scheme such as « SRDEII » between two inputs is an input too
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
        for section in sections:
            heading = (section.path[-1] if section.path else "").lower()
            if not any(h in heading for h in self.lexicon.next_steps_headings):
                continue
            for unit in split_units(section.text):
                text = unit.display
                if text.lower() != heading and text:
                    facts.append(FactRow(doc_id, "next_step", {"text": text}, section.page.number, text))
        return facts


def _axis_number(token: str) -> int:
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    return int(token) if token.isdigit() else roman.get(token.upper(), 0)


def _axis_of(section: Section) -> int | None:
    for heading in reversed(section.path):
        m = AXIS_RE.match(heading)
        if m:
            return _axis_number(m.group(1))
    return None


def _event_label(text: str) -> str:
    """The name of the body a dated unit talks about: the text before the dates."""
    first = BULLET_RE.sub("", text.split("\n")[0]).strip()
    label = re.split(r"\s*:\s*|\s+\d{1,2}\s*/", first)[0].strip(" -–:+")
    label = re.sub(r"^(?:réunions?\s+(?:de|du|des|au|aux)\s+|réunion\s+)", "", label, flags=re.IGNORECASE)
    return label or first
