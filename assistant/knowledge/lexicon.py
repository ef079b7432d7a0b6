"""The general vocabulary the fact rules read (``assistant/data/lexicon.toml``): status
expressions, governance bodies and headings, meeting words; and the accent-folded matching
(``fold``, ``contains``) they use."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.text.headings import DATA_DIR
from assistant.text.tokens import fold  # noqa: F401  (the fact rules' matching, with ``contains``)

STATUS_ORDER = ("not_done", "abandoned", "in_progress", "done")


@dataclass
class Lexicon:
    status: dict[str, list[str]]
    bodies: dict[str, list[str]]
    governance_headings: list[str]
    next_steps_headings: list[str]
    member_prefixes: list[str]
    input_markers: list[str]
    action_words: list[str]
    status_columns: list[str]
    meeting_words: list[str]
    body_words: list[str]
    register_columns: dict[str, list[str]]
    step_verbs: list[str] = field(default_factory=list)
    steps_context: list[str] = field(default_factory=list)
    forecast_headings: list[str] = field(default_factory=list)

    @classmethod
    def load(cls) -> "Lexicon":
        data = tomllib.loads((DATA_DIR / "lexicon.toml").read_text(encoding="utf-8"))
        return cls(
            data["status"], data["bodies"], data["governance_headings"], data["next_steps_headings"],
            data["member_prefixes"], data["input_markers"], data["action_words"],
            data["status_columns"], data["meeting_words"], data["body_words"], data.get("register_columns", {}),
            data.get("step_verbs", []), data.get("steps_context", []), data.get("forecast_headings", []),
        )


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.load()


def column_named(key: str, names: list[str], exact: bool = False) -> bool:
    """Whether a table column is one of ``names``: its heading is one (« Statut »), or, unless
    ``exact``, begins with one (« Statut au 31/12/2024 », « État d'avancement (juin) »)."""
    key = " ".join(fold(str(key or "")).split())
    return any(key == fold(n) if exact else re.match(rf"{re.escape(fold(n))}\b", key) is not None for n in names)


def contains(text: str, phrase: str) -> re.Match | None:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)


def status_match(words: str, lexicon: Lexicon) -> tuple[str, re.Match] | None:
    """The status a text states, and where: negated forms are looked for first."""
    text = fold(words)
    for status in STATUS_ORDER:
        best = None
        for form in lexicon.status.get(status, []):
            m = contains(text, fold(form))
            if m and (best is None or len(m.group(0)) > len(best.group(0))):
                best = m
        if best:
            return status, best
    return None


def statuses_in(words: str, lexicon: Lexicon) -> set[str]:
    """Every status a text states (« réalisées ou en cours »: two), a form inside a longer one
    (« réalisées » in « non réalisées ») counting once, as the longer one."""
    text = fold(words)
    found = [(m.start(), m.end(), status) for status in STATUS_ORDER for form in lexicon.status.get(status, [])
             for m in re.finditer(rf"(?<!\w){re.escape(fold(form))}(?!\w)", text)]
    return {status for start, end, status in found
            if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in found)}


def status_of(words: str, lexicon: Lexicon) -> str | None:
    found = status_match(words, lexicon)
    return found[0] if found else None
