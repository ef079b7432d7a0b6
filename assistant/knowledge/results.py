"""What the structured tools return: action statistics, governance calendar, strategy axes and fact
lists, each with the sources its data was read from (``SourceBook`` numbers them). Data only: the
French text is written by ``assistant.answers.compose`` and the interfaces."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from assistant.answers.model import Source
from assistant.providers.catalog import Catalog, FactRow
from assistant.text.dates import french_date

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
# an action's status; « abandonnée » only when a document or the register gives it (most give three)
STATUSES = ("done", "in_progress", "not_done", "abandoned")
OPTIONAL_STATUSES = ("abandoned",)
STATUS_WORDS_FR = {"done": "réalisées", "in_progress": "en cours", "not_done": "non réalisées", "abandoned": "abandonnées"}
STATUS_WORD_FR = {"done": "réalisée", "in_progress": "en cours", "not_done": "non réalisée", "abandoned": "abandonnée"}
STATUS_WORDS_EN = {"done": "completed", "in_progress": "in progress", "not_done": "not carried out",
                   "abandoned": "abandoned"}
# what the listed facts are called (English singular, plural, French singular, plural), and the words
# that introduce them when they are listed rather than counted
LIST_NOUNS = {"next_step": ("next step", "next steps", "suite à donner", "suites à donner"),
              "input": ("document the strategy draws on", "documents the strategy draws on",
                        "document d'appui de la stratégie", "documents d'appui de la stratégie"),
              "member": ("member of the territory", "members of the territory", "membre du territoire",
                         "membres du territoire")}
LIST_THEN = {"input": ("the strategy draws on", "la stratégie s'appuie sur"),
             "member": ("the territory's members", "les membres du territoire")}


def as_of_key(as_of: str | None) -> tuple[int, int]:
    """Sort key of a cover date such as « Janvier 2022 » (unknown dates sort first)."""
    if not as_of:
        return (0, 0)
    text = as_of.lower()
    year = re.search(r"(19|20)\d\d", text)
    month = next((i + 1 for i, m in enumerate(MONTHS) if m in text or m.replace("é", "e").replace("û", "u") in text), 0)
    return (int(year.group(0)) if year else 0, month)


def is_before(as_of: str | None, other: str | None) -> bool:
    """Whether a cover date is known to come before another (« 8 novembre 2022 » before « mars
    2024 »), compared at the precision both state; an unknown date comes before nothing."""
    a, b = as_of_key(as_of), as_of_key(other)
    if not a[0] or not b[0]:
        return False
    return a < b if a[1] and b[1] else a[0] < b[0]


NO_STATS_FR = "aucune statistique d'avancement trouvée dans les documents indexés"
NO_AXES_FR = "aucun axe stratégique trouvé dans les documents indexés"
NO_EVENTS_FR = "aucune réunion datée trouvée dans les documents indexés"


@dataclass
class Conflict:
    """Another document giving different facts of the same kind for the same territory."""

    document: str
    file: str
    as_of: str | None
    summary: str
    sources: list[int]

    def to_dict(self) -> dict:
        return asdict(self)


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
    conflicts: list[Conflict] = field(default_factory=list)
    computed: dict | None = None  # shares computed from a table of actions: counts by status
    corrections: dict[str, dict] = field(default_factory=dict)  # status → the user's correction
    abandoned: float | None = None
    earlier: list[Conflict] = field(default_factory=list)  # other documents' figures, dated before these
    situation: str | None = None  # the date the document gives its figures at (« 31 décembre 2024 »), as written

    @property
    def found(self) -> bool:
        return any(getattr(self, s) is not None for s in STATUSES)

    @property
    def warning(self) -> str | None:
        if not self.conflicts:
            return None
        others = " ; ".join(f"« {c.document} »" + (f" ({c.as_of})" if c.as_of else "") + f" : {c.summary}"
                            for c in self.conflicts)
        return (f"Attention : d'autres documents donnent des chiffres différents ({others}). Vérifiez la source, "
                "ou tranchez dans corrections.toml.")

    @property
    def history(self) -> str | None:
        """Figures of earlier documents: the pact's progress over time, not a disagreement."""
        if not self.earlier:
            return None
        return "Chiffres antérieurs : " + " ; ".join(
            f"« {c.document} »" + (f" ({c.as_of})" if c.as_of else "") + f" : {c.summary}" for c in self.earlier) + "."

    def to_dict(self) -> dict:
        """The ``pacte stats --json`` contract (optional keys appear only when they apply)."""
        out = {
            "done": self.done,
            "in_progress": self.in_progress,
            "not_done": self.not_done,
            "unit": self.unit,
            "as_of": self.as_of,
            "sources": [s.to_dict() for s in self.sources],
            "register": self.register,
        }
        out.update({s: getattr(self, s) for s in OPTIONAL_STATUSES if getattr(self, s) is not None})
        if not self.found:
            out["message"] = NO_STATS_FR
        if self.computed:
            out["computed"] = self.computed
        if self.corrections:
            out["corrections"] = self.corrections
        if self.conflicts:
            out["conflicts"] = [c.to_dict() for c in self.conflicts]
            out["warning"] = self.warning
        if self.earlier:
            out["earlier"] = [c.to_dict() for c in self.earlier]
        if self.situation:
            out["situation"] = self.situation
        return out


@dataclass
class Event:
    body: str
    date: str  # as written
    iso: str | None
    incomplete: bool
    source: int  # n of the source
    correction: dict | None = None
    planned: bool = False  # announced, not yet held when the document was written

    @property
    def shown(self) -> str:
        """The date as written, with the year its sentence states when it is written without one
        (« En 2024, … le 2 février » → « 2 février 2024 »)."""
        if self.iso and not re.search(r"\d{4}|\d[/.-]\d{2}$", self.date):
            return french_date(self.iso, self.date)
        return self.date


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
        out = {
            "body": self.body,
            "year": self.year,
            "events": [asdict(e) for e in self.events],
            "bodies": {b: len(es) for b, es in self.bodies().items()},
            "sources": [s.to_dict() for s in self.sources],
        }
        if not self.events:
            out["message"] = NO_EVENTS_FR
        return out


@dataclass
class Axis:
    number: int
    title: str
    objectives: list[str]
    source: int
    correction: dict | None = None


@dataclass
class Strategy:
    axes: list[Axis]
    sources: list[Source]
    conflicts: list[Conflict] = field(default_factory=list)
    kind: str = "axe"  # the word the document heads its divisions with (« axe », « orientation »)

    @property
    def objective_count(self) -> int:
        return sum(len(a.objectives) for a in self.axes)

    def axis(self, number: int) -> Axis | None:
        return next((a for a in self.axes if a.number == number), None)

    @property
    def warning(self) -> str | None:
        if not self.conflicts:
            return None
        others = " ; ".join(f"« {c.document} » : {c.summary}" for c in self.conflicts)
        return f"Attention : d'autres documents du territoire donnent d'autres axes ({others})."

    def to_dict(self) -> dict:
        out = {
            "axes": [asdict(a) for a in self.axes],
            "objectives": self.objective_count,
            "sources": [s.to_dict() for s in self.sources],
        }
        if not self.axes:
            out["message"] = NO_AXES_FR
        if self.conflicts:
            out["conflicts"] = [c.to_dict() for c in self.conflicts]
            out["warning"] = self.warning
        return out


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
