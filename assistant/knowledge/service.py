"""Structured knowledge read from the catalog's facts: action statistics, governance calendar,
strategy axes. Every result carries the sources where its data was read."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from assistant.answers.model import Source
from assistant.providers.catalog import Catalog, FactRow
from assistant.retrieval.focus import FocusFilter

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
STATUSES = ("done", "in_progress", "not_done")


def as_of_key(as_of: str | None) -> tuple[int, int]:
    """Sort key of a cover date such as « Janvier 2022 » (unknown dates sort first)."""
    if not as_of:
        return (0, 0)
    text = as_of.lower()
    year = re.search(r"(19|20)\d\d", text)
    month = next((i + 1 for i, m in enumerate(MONTHS) if m in text or m.replace("é", "e").replace("û", "u") in text), 0)
    return (int(year.group(0)) if year else 0, month)


@dataclass
class ActionStats:
    done: float | None
    in_progress: float | None
    not_done: float | None
    unit: str
    as_of: str | None
    sources: list[Source]
    register: dict | None = None
    axis: int | None = None
    written: dict[str, str] = field(default_factory=dict)
    source_of: dict[str, int] = field(default_factory=dict)

    @property
    def found(self) -> bool:
        return any(v is not None for v in (self.done, self.in_progress, self.not_done))

    def to_dict(self) -> dict:
        """The ``pacte stats --json`` contract."""
        return {
            "done": self.done,
            "in_progress": self.in_progress,
            "not_done": self.not_done,
            "unit": self.unit,
            "as_of": self.as_of,
            "sources": [s.to_dict() for s in self.sources],
            "register": self.register,
        }


@dataclass
class Event:
    body: str
    date: str  # as written
    iso: str | None
    incomplete: bool
    source: int  # n of the source


@dataclass
class Calendar:
    events: list[Event]
    sources: list[Source]
    body: str | None = None
    year: int | None = None

    def bodies(self) -> dict[str, list[Event]]:
        out: dict[str, list[Event]] = {}
        for e in self.events:
            out.setdefault(e.body, []).append(e)
        return out

    def to_dict(self) -> dict:
        return {
            "body": self.body,
            "year": self.year,
            "events": [asdict(e) for e in self.events],
            "bodies": {b: len(es) for b, es in self.bodies().items()},
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass
class Axis:
    number: int
    title: str
    objectives: list[str]
    source: int


@dataclass
class Strategy:
    axes: list[Axis]
    sources: list[Source]

    @property
    def objective_count(self) -> int:
        return sum(len(a.objectives) for a in self.axes)

    def axis(self, number: int) -> Axis | None:
        return next((a for a in self.axes if a.number == number), None)

    def to_dict(self) -> dict:
        return {
            "axes": [asdict(a) for a in self.axes],
            "objectives": self.objective_count,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass
class Item:
    text: str
    note: str | None  # e.g. « En cours » next to a study
    source: int


@dataclass
class FactList:
    """A sourced list read from the documents (strategy inputs, next steps, members)."""

    kind: str
    items: list[Item]
    sources: list[Source]

    def to_dict(self) -> dict:
        return {"items": [asdict(i) for i in self.items], "sources": [s.to_dict() for s in self.sources]}


class SourceBook:
    """Numbers the distinct places facts were read from."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.sources: list[Source] = []
        self._index: dict[tuple, int] = {}

    def cite(self, fact: FactRow, excerpt: str | None = None) -> int:
        excerpt = excerpt or fact.excerpt or ""
        key = (fact.doc_id, fact.page, excerpt)
        if key not in self._index:
            doc = self.catalog.document(fact.doc_id)
            # the first words of the excerpt place the fact in its chunk (line breaks may differ)
            probe = (fact.excerpt or "").split("\n")[0][:24]
            chunk = self.catalog.find_chunk(fact.doc_id, probe) if probe else None
            meta = chunk.metadata if chunk else {}
            n = len(self.sources) + 1
            self._index[key] = n
            self.sources.append(Source(
                n=n, document=(doc.title if doc else "") or "", file=doc.path if doc else "",
                page=fact.page, page_label=meta.get("page_label") or None, section=meta.get("section") or None,
                excerpt=excerpt, score=1.0, chunk_id=chunk.id if chunk else None,
            ))
        return self._index[key]


class KnowledgeService:
    def __init__(self, catalog: Catalog, focus: FocusFilter | None = None):
        self.catalog = catalog
        self.focus = focus

    # which document speaks for the pact --------------------------------------------------------
    def _latest_document(self, kind: str) -> str | None:
        """The document holding facts of this kind: the home territory's first, the latest by date."""
        facts = self.catalog.facts(kind)
        if not facts:
            return None
        dates = {f.doc_id: f.data.get("as_of") for f in self.catalog.facts("document")}
        docs = {f.doc_id for f in facts}
        if self.focus is not None and self.focus.profile.active:
            home = {d for d in docs if self.focus.is_focus(d)}
            docs = home or docs
        return max(docs, key=lambda d: (as_of_key(dates.get(d)), d))

    def _facts_of(self, kind: str) -> list[FactRow]:
        doc_id = self._latest_document(kind)
        return [f for f in self.catalog.facts(kind) if f.doc_id == doc_id] if doc_id else []

    # tools --------------------------------------------------------------------------------
    def action_stats(self, axis: int | None = None) -> ActionStats:
        book = SourceBook(self.catalog)
        shares = [f for f in self._facts_of("status_share") if f.data.get("axis") == axis]
        values: dict[str, float | None] = {s: None for s in STATUSES}
        written: dict[str, str] = {}
        source_of: dict[str, int] = {}
        as_of = None
        for fact in shares:
            status = fact.data["status"]
            if values[status] is None:
                values[status] = fact.data["value"]
                written[status] = fact.data.get("written") or fact.excerpt or ""
                source_of[status] = book.cite(fact)
                as_of = fact.data.get("as_of") or as_of
        register = self.register_stats(values)
        return ActionStats(values["done"], values["in_progress"], values["not_done"], "percent", as_of,
                           book.sources, register, axis, written, source_of)

    def register_stats(self, published: dict[str, float | None] | None = None) -> dict | None:
        rows = self.catalog.facts("register_action")
        if not rows:
            return None
        files = {f.doc_id: f.data.get("file") for f in self.catalog.facts("register")}

        def shares(items: list[FactRow]) -> dict:
            counted = [f for f in items if f.data.get("status")]
            total = len(counted)
            out = {"actions": len(items)}
            for status in STATUSES:
                n = sum(1 for f in counted if f.data["status"] == status)
                out[status] = round(100 * n / total, 1) if total else None
                out[f"{status}_count"] = n
            return out

        overall = shares(rows)
        by_axis = {}
        for number in sorted({f.data["axis"] for f in rows if f.data.get("axis") is not None}):
            by_axis[str(number)] = shares([f for f in rows if f.data.get("axis") == number])
        issues = [
            f"ligne {f.data['line']} : statut « {f.data['status_written']} » non reconnu" for f in rows if not f.data.get("status")
        ]
        issues += [f"ligne {f.data['line']} : axe manquant" for f in rows if f.data.get("axis") is None]
        known_axes = {f.data["number"] for f in self._facts_of("axis")}
        issues += [
            f"ligne {f.data['line']} : axe {f.data['axis']} inconnu de la stratégie"
            for f in rows if known_axes and f.data.get("axis") is not None and f.data["axis"] not in known_axes
        ]
        if published:
            for status in STATUSES:
                pub, cur = published.get(status), overall.get(status)
                if pub is not None and cur is not None and abs(pub - cur) >= 5:
                    label = {"done": "réalisées", "in_progress": "en cours", "not_done": "non réalisées"}[status]
                    issues.append(f"actions {label} : {cur} % dans le registre contre {pub} % publiés dans l'évaluation")
        updated = sorted(f.data["updated"] for f in rows if f.data.get("updated"))
        return {
            "files": sorted(set(files.values())),
            "overall": overall,
            "by_axis": by_axis,
            "updated": updated[-1] if updated else None,
            "issues": issues,
        }

    def governance_calendar(self, body: str | None = None, year: int | None = None) -> Calendar:
        book = SourceBook(self.catalog)
        events = []
        wanted = body.lower() if body else None
        for fact in self._facts_of("governance_event"):
            data = fact.data
            if wanted and wanted not in data["body"].lower() and wanted not in data.get("label", "").lower():
                continue
            if year and not _in_year(data, year):
                continue
            events.append(Event(data["body"], data["written"], data.get("iso"), bool(data.get("incomplete")), book.cite(fact)))
        return Calendar(events, book.sources, body, year)

    def bodies(self) -> list[str]:
        return sorted({f.data["body"] for f in self._facts_of("governance_event")})

    def strategy_axes(self) -> Strategy:
        book = SourceBook(self.catalog)
        axes: dict[int, Axis] = {}
        doc_id = self._latest_document("axis")
        objectives: dict[int, list[str]] = {}
        for fact in self.catalog.facts("objective"):
            if fact.doc_id == doc_id:
                objectives.setdefault(fact.data["axis"], []).append(fact.data["text"])
        for fact in self._facts_of("axis"):
            number = fact.data["number"]
            # the source shows the axis as the slide gives it: heading, then its objectives
            excerpt = " ; ".join([fact.excerpt or fact.data["title"], *objectives.get(number, [])])
            axes[number] = Axis(number, fact.data["title"], objectives.get(number, []), book.cite(fact, excerpt))
        return Strategy([axes[k] for k in sorted(axes)], book.sources)

    def fact_list(self, kind: str) -> FactList:
        """``member``, ``input`` or ``next_step`` facts of the pact's document, each with its source."""
        book = SourceBook(self.catalog)
        facts = self._facts_of(kind)
        # the items of one page are one passage of the document: one source, their lines as excerpt
        pages: dict[tuple, list[str]] = {}
        for fact in facts:
            pages.setdefault((fact.doc_id, fact.page), []).append(fact.excerpt or "")
        items = []
        for fact in facts:
            text = fact.data.get("name") or fact.data.get("text") or fact.excerpt or ""
            items.append(Item(text, fact.data.get("status"), book.cite(fact, " ; ".join(pages[(fact.doc_id, fact.page)]))))
        return FactList(kind, items, book.sources)

    def members(self) -> list[FactRow]:
        return self._facts_of("member")

    def inputs(self) -> list[FactRow]:
        return self._facts_of("input")

    def next_steps(self) -> list[FactRow]:
        return self._facts_of("next_step")


def _in_year(data: dict, year: int) -> bool:
    if data.get("iso"):
        return data["iso"].startswith(str(year))
    return str(year) in data.get("written", "")
