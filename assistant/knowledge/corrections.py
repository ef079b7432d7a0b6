"""User corrections of extracted facts: ``corrections.toml`` in the corpus folder.

Users see every fact with its identifier (``pacte facts``) and may confirm, override or exclude
one. The file lives beside the documents it corrects, is read at query time (no re-indexing) and
every corrected fact says so, with its note, wherever it is shown::

    [[fait]]
    id = "status_share:3f2a91c0"
    action = "corriger"        # confirmer | corriger | exclure
    valeur = 70                # pour « corriger » : la valeur retenue
    note = "Chiffre rectifié au comité de pilotage du 12/03/2022"
"""

from __future__ import annotations

import hashlib
import logging
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.providers.catalog import FactRow
from assistant.text.dates import parse_date

logger = logging.getLogger(__name__)

CORRECTIONS_FILE = "corrections.toml"
ACTIONS = {"confirmer": "confirm", "corriger": "override", "exclure": "exclude",
           "confirm": "confirm", "override": "override", "exclude": "exclude"}
# The field of each kind of fact that a correction replaces, and the fields that identify it.
VALUE_FIELD = {"status_share": "value", "axis": "title", "objective": "text", "governance_event": "written",
               "member": "name", "input": "name", "next_step": "text", "action_item": "status_written"}
IDENTITY = {"status_share": ("axis", "status"), "axis": ("number",), "objective": ("axis", "rank"),
            "governance_event": ("body", "written"), "member": ("name",), "input": ("name",),
            "next_step": ("text",), "action_item": ("action",), "register_action": ("line",)}


class CorrectionsError(ValueError):
    """The corrections file cannot be read; the message is French and names the file."""


def fact_id(fact: FactRow) -> str:
    """A stable identifier: the document, the kind and what identifies the fact within it."""
    keys = IDENTITY.get(fact.kind, ())
    identity = "|".join(str(fact.data.get(k)) for k in keys) if keys else str(fact.excerpt)
    digest = hashlib.sha1(f"{fact.doc_id}|{fact.kind}|{identity}".encode("utf-8")).hexdigest()[:8]
    return f"{fact.kind}:{digest}"


@dataclass
class Correction:
    id: str
    action: str  # confirm | override | exclude
    value: object | None
    note: str


class Corrections:
    """The corrections file of a corpus, re-read when it changes."""

    def __init__(self, corpus_dir: Path):
        self.path = Path(corpus_dir) / CORRECTIONS_FILE
        self._stamp: tuple | None = None
        self._items: dict[str, Correction] = {}
        self.error: str | None = None

    def items(self) -> dict[str, Correction]:
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            self._stamp, self._items, self.error = None, {}, None
            return self._items
        if stamp != self._stamp:
            self.error = None
            self._items = self._read()
            self._stamp = stamp
        return self._items

    def _read(self) -> dict[str, Correction]:
        try:
            data = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            self.error = f"{self.path.name} illisible ({exc}) : corrections ignorées"
            logger.warning(self.error)
            return {}
        out = {}
        for entry in data.get("fait", []) + data.get("fact", []):
            action = ACTIONS.get(str(entry.get("action", "")).lower())
            if not entry.get("id") or action is None:
                self.error = f"{self.path.name} : entrée incomplète ignorée ({entry})"
                logger.warning(self.error)
                continue
            value = entry.get("valeur", entry.get("value"))
            out[str(entry["id"])] = Correction(str(entry["id"]), action, value, str(entry.get("note", "")))
        return out

    def apply(self, facts: list[FactRow]) -> list[FactRow]:
        """The facts with confirmations and overrides marked, and exclusions removed."""
        items = self.items()
        if not items:
            return facts
        out = []
        for fact in facts:
            correction = items.get(fact_id(fact))
            if correction is None:
                out.append(fact)
                continue
            if correction.action == "exclude":
                continue
            data = dict(fact.data)
            mark = {"action": correction.action, "note": correction.note}
            field = VALUE_FIELD.get(fact.kind)
            if correction.action == "override" and field and correction.value is not None:
                mark["original"] = data.get(field)
                data[field] = correction.value
                if fact.kind == "governance_event":
                    data.update(parse_date(str(correction.value)).as_dict())
                if fact.kind == "status_share":
                    data["written"] = f"{correction.value} %"
            data["correction"] = mark
            out.append(replace(fact, data=data))
        return out
