"""Governance events read out of the documents: dated units naming a body (« comité de pilotage »,
an acronym, a network) or standing in a governance section, with the rules that tell a meeting's
date from another act's (a span's bounds, a report's delivery, a délibération's « Vu » lines)."""

from __future__ import annotations

import re

from assistant.answers.units import BULLET_RE, split_units
from assistant.ingest.structure import Section
from assistant.knowledge.lexicon import Lexicon, column_named, contains, fold, status_of
from assistant.providers.catalog import FactRow
from assistant.text.dates import find_dates, month_and_year, with_stated_year
from assistant.text.units import SENTENCE_END_RE as SENTENCE_RE

ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
# the bounds of a span of time (« entre mars 2018 et mai 2023 », « de 2018 à 2023 »): (before, between)
SPANS = tuple((re.compile(rf"\b(?:{opening})\s+(?:le\s+|l'|les\s+)?$", re.IGNORECASE),
               re.compile(rf"\s+(?:{joining})\s+(?:le\s+)?", re.IGNORECASE))
              for opening, joining in (("entre", "et"), ("de|du|depuis", "à|au|jusqu'à|jusqu'au")))
LABEL_END_RE = re.compile(r"[:–—]\s*(?:(?:le|les|du|au|en)\s+)?$")  # « Bureau élargi : (le) 12/03 », not a clause
# how a body's meeting is dated after its name (« CTDC du 14/12/21 », « le comité, le 3 mai », « Bureau :
# 12/03 »); « fixe au 30 juin », « d'ici mars » date another act
DATED_NAME_RE = re.compile(r"(?:\b(?:du|le|dès le)|[:–—(,])\s*$", re.IGNORECASE)
REFERENCE_DATE_RE = re.compile(r"(?:^\W*|\b(?:situation|état|etat|données|donnees|chiffres|point|arrêtée?s?|valeurs?)\s+)au\s*$",
                               re.IGNORECASE)
# a meeting announced, not held (« est programmé le 17 juin 2025 », « se réunira le … »); accent-folded
PLANNED_RE = re.compile(r"\b(?:programme|prevu|planifie|fixe)e?s?\s+(?:le|au|pour|en)\b|\b(?:se\s+)?(?:reunira|reuniront|"
                        r"tiendra|tiendront)\b|\b(?:aura|auront)\s+lieu\b|\ba\s+(?:venir|fixer)\b|\bscheduled\b")
MET_RE = re.compile(r"\b(?:reuni|reunie|reunis|tenu|tenue|siege|convoque|convoquee)s?\b")  # accent-folded


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


def situation_date(text: str) -> str | None:
    """The first date a text gives its figures at, as written: « Situation des actions arrêtée au 31
    décembre 2024 », « Au 30 juin 2023, sur les 34 actions … », « État au 31/12/2024 »."""
    for line in (part for block in text.split("\n") for part in SENTENCE_RE.split(block)):
        for found in find_dates(line):
            if found.precision in ("day", "month") and REFERENCE_DATE_RE.search(line[: found.start]):
                return found.written
    return None


def _outside_column_names(text: str, dates: list) -> list:
    """The dates of a table row's values: one in a column's name (« Statut au 31/12/2024 : Soldée »)
    dates the column, not the row."""
    if " ; " not in text or " : " not in text:
        return dates
    names, at = [], 0
    for cell in text.split(" ; "):
        key, sep, _ = cell.partition(" : ")
        if sep:
            names.append((at, at + len(key)))
        at += len(cell) + 3
    return [d for d in dates if not any(start <= d.start and d.end <= end for start, end in names)]


class GovernanceRules:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def events(self, sections: list[Section], doc_id: str, as_of: str | None = None) -> list[FactRow]:
        """Dated meetings of the bodies, each with the unit it was read from. A meeting announced
        (« est programmé le … ») or dated after the document itself is marked planned."""
        facts = []
        written_on = month_and_year(as_of) if as_of else None
        for section in sections:
            in_governance = any(h in fold(section.path_text) for h in map(fold, self.lexicon.governance_headings))
            last_body = None  # « Le comité technique rassemble … Il s'est tenu le … »: the body named last
            for text, display in _clauses(split_units(section.text)):
                dates = _outside_column_names(text, find_dates(text))
                named = self._canonical_body(text)
                if not dates:
                    last_body = named or last_body
                    continue
                row = self._row_label(text)
                if row and self._action_row(text) and (not named or self._names_an_action(text)):
                    # a row of a table of actions (« Réf. : B3 ; … ; Statut : Terminé ; Mise à jour :
                    # 12/04/2023 »): its dates are the action's (an update, a deadline), never a meeting,
                    # even when its comment names a body (« Abandon acté par le comité de pilotage du
                    # 03/11/2022 »); a table of meetings with a status column names no action
                    continue
                dates = self._meeting_dates(text, dates)
                if not dates:
                    last_body = named or last_body
                    continue
                label = self._without_meeting_words(row) if row else self._label_before(text, dates[0].start)
                body = named or self._named_body(label)
                if body and not (named or row or self._speaks_of_meeting(text)
                                 or DATED_NAME_RE.search(text[: dates[0].start])):
                    # « Le comité fixe en conséquence au 30 juin 2023 la date limite … »: the words
                    # before the date are a clause, not the name of a body dated by it
                    body = None
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
                mentions = self._body_mentions(text)
                for found in dates:
                    own = body
                    if named and len({name for _, name in mentions}) > 1:
                        # « le comité de pilotage s'est réuni le 2 février …, puis le comité technique
                        # le 08/10/2024 »: each date is the meeting of the body named last before it
                        before = [name for at, name in mentions if at < found.start]
                        own = before[-1] if before else mentions[0][1]
                    found = with_stated_year(found, text, dates)
                    data = dict(found.as_dict(), body=own, label=(label or body) if own == body else own)
                    month = found.iso[:7] if found.iso else month_and_year(found.written)
                    if PLANNED_RE.search(fold(text)) or (written_on and month and month > written_on):
                        data["planned"] = True
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
        # a date the figures are given at (« Situation au 31 décembre 2024, d'après le registre tenu
        # par le comité technique », « Au 30 juin, … ») dates no meeting
        kept = [d for i, d in enumerate(dates) if i not in bounds and not REFERENCE_DATE_RE.search(text[: d.start])]
        at = self._body_position(text)
        if at is not None and any(d.start >= at for d in kept):
            kept = [d for d in kept if d.start >= at]
        return kept

    def _body_position(self, text: str) -> int | None:
        """Where the first body the lexicon knows is named in the text."""
        return min((at for at, _ in self._body_mentions(text)), default=None)

    def _body_mentions(self, text: str) -> list[tuple[int, str]]:
        """Every place a body the lexicon knows is named, with its name, in the order of the text."""
        low = "".join(fold(c)[:1] or c for c in text)  # accent-folded, same length as the text
        return sorted((m.start(), name) for name, forms in self.lexicon.bodies.items() for f in forms
                      for m in re.finditer(rf"(?<!\w){re.escape(fold(f))}(?!\w)", low))

    def _speaks_of_meeting(self, text: str) -> bool:
        """The unit says that a body met (« réunion », « séance », « s'est réuni », « s'est tenu »)."""
        low = fold(text)
        return bool(MET_RE.search(low)) or any(contains(low, fold(w)) for w in self.lexicon.meeting_words)

    def _row_label(self, text: str) -> str | None:
        """A table row (« Instance : CTDC ; Dates : 14/12/21 … »): the cell that names a body by a body word (« N° : 4 ;
        Instance : Conférence des maires ; Date : … »), else the first cell that holds no date."""
        line = text.strip()
        if " ; " not in line or " : " not in line:
            return None
        values = [value.strip() for key, sep, value in (cell.partition(" : ") for cell in line.split(" ; "))
                  if sep and value.strip() and not find_dates(value)]
        words = [fold(w.split()[0]) for w in self.lexicon.body_words]
        named = (v for v in values if self._named_body(v) and any(fold(v.split()[0]).startswith(w) for w in words))
        return next(named, values[0] if values else None)

    def _action_row(self, text: str) -> bool:
        """A table row with a status column holding an action's status (« Statut : En cours », « Statut au
        31/12/2024 : Soldée »)."""
        return any(sep and column_named(key, self.lexicon.status_columns) and status_of(value, self.lexicon) is not None
                   for key, sep, value in (cell.partition(" : ") for cell in text.strip().split(" ; ")))

    def _names_an_action(self, text: str) -> bool:
        """A table row with a column that holds an action's name (« Intitulé de l'action : … »)."""
        names = self.lexicon.register_columns.get("action", [])
        return any(sep and value.strip() and column_named(key, names)
                   for key, sep, value in (cell.partition(" : ") for cell in text.strip().split(" ; ")))

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
