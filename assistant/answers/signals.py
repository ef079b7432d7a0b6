"""What a sentence holds, read from its words: names, counts, lengths of time, numbers, labels.

The signals the extractive answerer turns into features and rules (``extractive.py``); text only,
no model, no retrieval.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from assistant.text.tables import cell_number, parse_row
from assistant.text.tokens import fold_accents, tokenize_fr
from assistant.text.units import Unit, quantities

YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")  # « en 2023 », « 2022-2027 »: a date question may be answered by a year
CAPTION_RE = re.compile(r"(?:tableau|figure|graphique|carte|annexe|table|chart)\s+\d+\s*[–—:.-]", re.IGNORECASE)
MONEY_RE = re.compile(r"\d\s*(?:€|k€|M€|euros?\b|millions? d['’]euros|EUR\b)|€\s*\d", re.IGNORECASE)
# a dotted code (« action 3.1.2 », « R4.2 ») is one number: its parts alone would match « 3.2.1 »
QUESTION_NUMBER_RE = re.compile(r"\b\d+(?:\.\d+)+\b|\b\d[\d\s]*\d\b|\b\d\b")
NAME_RE = re.compile(r"\b[A-ZÀ-Ý][\w'’-]{2,}|\b[A-Z]{2,}\b")
FIRST_NAMES_PATH = Path(__file__).resolve().parents[1] / "data" / "first_names.txt"
# a person named with a civility (« M. Alain Verdier », « Mme la présidente Dupont »)
CIVILITY = r"(?:M\.|MM\.|Mme|Mmes|Mlle|Madame|Monsieur|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)"
CIVILITY_RE = re.compile(rf"\b{CIVILITY}[ \u00a0]+(?:(?:le|la)[ \u00a0]+)?[A-ZÀ-Ý]")
# a given name and the capitalised word after it on the same line (« Laure Quesnel », « Jean-Marc
# TISSOT », « Claire de Vaucelles »)
GIVEN_THEN_NAME_RE = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)[ \u00a0]+"
                                r"(?:(?:de|du|d['’]|le|la)[ \u00a0]*)?(?:[A-ZÀ-Ý][a-zà-ÿ]+|[A-ZÀ-Ý]{2,})")


def proper_names(text: str, skip_first: bool = True) -> set[str]:
    """Capitalised words and acronyms (places, bodies, schemes), accent-folded and lower-cased;
    a sentence's first word is no name."""
    out = set()
    for match in NAME_RE.finditer(text):
        before = text[: match.start()].rstrip()
        if skip_first and (not before or before.endswith((".", "?", "!", ":", "«"))):
            continue
        out.add(fold_accents(match.group(0)).lower())
    return out


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The given names of ``first_names.txt`` (general vocabulary), read once."""
    lines = FIRST_NAMES_PATH.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def names_person(text: str) -> bool:
    """The text names a person: a civility before a name, or a given name before a capitalised
    word (« Laure Quesnel, chargée de mission »); a body or a place (« la CCI Meuse Haute-Marne »,
    « le vice-président chargé du développement économique ») names no one."""
    if CIVILITY_RE.search(text):
        return True
    given = first_names()
    return any(all(part in given for part in m.group(1).split("-")) for m in GIVEN_THEN_NAME_RE.finditer(text))


def named_in(text: str) -> set[str]:
    """The names a text gives (persons, bodies, places): capitalised words and acronyms; a
    sentence's first word only when a name follows it (« Alain Verdier », not « Compte rendu »); in
    a table row, the capitalised words of its cells (« Commune : Noviant-aux-Prés »)."""
    row = parse_row(text)
    if row is not None:
        return {n for _, value in row.cells for n in proper_names(value, skip_first=False)}
    out = set()
    for match in NAME_RE.finditer(text):
        before = text[: match.start()].rstrip()
        word = match.group(0)
        if not before or before.endswith((".", "?", "!", ":", "«", ";")):
            rest = text[match.end():].lstrip(" ,")
            if not (word.isupper() or NAME_RE.match(rest)):
                continue
        out.add(fold_accents(word).lower())
    return out


# a sentence that gives a cause (« faute de porteur », « en raison de la crise », « because of »)
CAUSE_RE = re.compile(r"\b(?:car|parce\s+qu|en\s+raison\s+d|du\s+fait\s+d|faute\s+d|à\s+cause\s+d|grâce\s+à|pour\s+cause\s+d|"
                      r"suite\s+à|compte\s+tenu\s+d|dû\s+à|due\s+à|dus\s+à|dues\s+à|s['’]explique|expliqu\w*\s+par|raisons?\b|"
                      r"motifs?\b|cause\b|because|due\s+to|owing\s+to)", re.IGNORECASE)


def states_reason(text: str) -> bool:
    """The sentence gives a cause: it answers « pourquoi ? » without the word."""
    return bool(CAUSE_RE.search(text))


SOFT_PREFIX = 5  # « balisés » and « balisage », « randonnée » and « randonneurs » share a 5-letter stem prefix


def softly_covered(concept, tokens: set[str]) -> bool:
    """Covered, or each word of one of its forms shares the first letters of a word of the unit."""
    if concept.covered_by(tokens):
        return True
    prefixes = {t[:SOFT_PREFIX] for t in tokens if len(t) >= SOFT_PREFIX}
    return any(all(len(w) >= SOFT_PREFIX and w[:SOFT_PREFIX] in prefixes for w in alt) for alt in concept.alternatives)


def count_bound(text: str, counted: frozenset[str]) -> bool:
    """The count is of what is asked: « 120 km de sentiers » for « combien de sentiers », or a
    cell « Actifs occupés : 2 140 » for « combien d'actifs »."""
    for _, following in quantities(text):
        if counted & set(tokenize_fr(following)):
            return True
    return any(counted & set(tokenize_fr(key)) for key in re.findall(r"([^:;]{1,60}):\s*\d", text))


def row_unnamed(analysis, text: str) -> float:
    """For a table row, the share of its label's words (its first cell: « Industrie », « ZA des
    Avrils ») the question does not name: « combien de salariés en Moselle ? » names no sector, and
    is answered by the Total row, which stands for every row (0); 0 for a sentence, and for a row
    labelled by a number only."""
    row = parse_row(text)
    if row is None or row.is_total:
        return 0.0
    label = {word for word in tokenize_fr(row.cells[0][1]) if not word.isdigit()}
    if not label:  # a number (« N° : 5 ») orders the rows, it names none of them
        return 0.0
    asked = {word for c in analysis.content for alt in c.alternatives for word in alt}
    return len(label - asked) / len(label)


TIME_UNIT_RE = re.compile(r"^(?:an|ans|année|années|mois|semaines?|jours?|years?|months?|weeks?|days?)\b", re.IGNORECASE)


def length_of_time(text: str) -> bool:
    """« six ans », « 18 mois »: a number of years, months, weeks or days."""
    return any(TIME_UNIT_RE.match(following) for _, following in quantities(text))


def digits(text: str) -> set[str]:
    """The numbers of a text, with their thousands separators removed."""
    return {re.sub(r"\s", "", m) for m in QUESTION_NUMBER_RE.findall(text.replace("\u202f", " ").replace("\xa0", " "))}


LABEL_RE = re.compile(r"^(?:axes?\s*\d*|\d+\s+axes?|objectifs?(?:\s+\w+)?|merci.*|sommaire|introduction)\s*:?$", re.IGNORECASE)


def introduced_items(units: list[Unit], at: int, limit: int = 10) -> list[Unit]:
    """The list items that follow a unit ending in « : » (what it introduces); none otherwise."""
    if not units[at].display.endswith(":"):
        return []
    items = []
    for unit in units[at + 1:]:
        if unit.kind != "item" or len(items) >= limit:
            break
        items.append(unit)
    return items


def is_date_label(text: str) -> bool:
    """A line that is only a date or a period (« 27 juin 2023 », « Automne 2023 », « 1er semestre
    2024 »): on a timeline, it heads the event written under it."""
    return len(text.split()) <= 4 and bool(YEAR_RE.search(text)) and not re.search(r"[.;!?]\s*$", text.strip())


def is_label(text: str) -> bool:
    """Slide labels such as « AXE 2 », « 3 AXES » or « Objectifs stratégiques »: where, not what."""
    return bool(LABEL_RE.match(text.strip()))


def states_money(text: str, money_words: set[str]) -> bool:
    """An amount: with its currency (« 480 000 € »), or a number in a table column whose name says
    it is money (« Budget prévu : 480000 », « Coût (k€) : 95 »); ``money_words`` are accent-folded."""
    if MONEY_RE.search(text):
        return True
    row = parse_row(text)
    return row is not None and any(
        cell_number(value) is not None
        and ("€" in column or {fold_accents(w) for w in re.findall(r"\w+", column.lower())} & money_words)
        for column, value in row.cells)
