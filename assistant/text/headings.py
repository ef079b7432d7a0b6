"""Headings of strategy documents: « AXE 1 », « Axe 2 – … », « Orientation stratégique n°1 : … »,
« Priorité 3 : … », and objective lines « Objectif 1.1 – … ». The words come from the field
vocabulary (``assistant/data/lexicon.toml``), not from one document."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from assistant.text.tokens import fold

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


@lru_cache(maxsize=1)
def _vocabulary() -> dict:
    return tomllib.loads((DATA_DIR / "lexicon.toml").read_text(encoding="utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def strategy_re() -> re.Pattern:
    words = _alternation(_vocabulary()["strategy_headings"])
    return re.compile(
        rf"^(?P<kind>{words})s?\s*(?:n\s*[°º]\s*|no\.?\s*|numéro\s*)?(?P<num>\d{{1,2}}|[IVX]{{1,4}})(?![\d.,]\d)"
        rf"\s*(?:[:.\-–—)]\s*|\s+|$)(?P<title>.*)$",
        re.IGNORECASE,
    )


@lru_cache(maxsize=1)
def objective_re() -> re.Pattern:
    words = _alternation(_vocabulary()["objective_markers"])
    return re.compile(
        rf"^(?P<kind>{words})s?\s*(?:n\s*[°º]\s*)?(?P<num>\d{{1,2}}(?:\.\d{{1,2}})*)\s*[:.\-–—)]?\s+(?P<text>\S.*)$",
        re.IGNORECASE,
    )


# a report's section number before a heading's words: « 4. Axe 1 – … », « 4.1 Objectif 1.1 – … »
SECTION_NUMBER_RE = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[^\W\d_])")


def strategy_heading(line: str) -> tuple[int, str, str] | None:
    """(number, title, kind) of a strategy heading line, else None. The title may be empty
    (« AXE 1 » with its title on the next line); a report's section number may precede it."""
    m = strategy_re().match(SECTION_NUMBER_RE.sub("", line.strip()))
    if not m:
        return None
    token = m.group("num")
    number = int(token) if token.isdigit() else ROMAN.get(token.upper(), 0)
    if not number:
        return None
    title = m.group("title").strip()
    if title and (title[0].islower() or len(title) > 200):
        return None  # « axe 2 du schéma régional précise que … »: prose, not a heading
    if title and not re.search(r"[^\W\d_]{3}", title):
        return None  # « Axe 4   2 100 000   1 480 000   70 % »: a table's row, not a heading
    return number, title, re.sub(r"\s+", " ", m.group("kind").lower())


def objective_line(line: str) -> tuple[str, str] | None:
    """(number, text) of a line « Objectif 1.1 – text », else None."""
    m = objective_re().match(SECTION_NUMBER_RE.sub("", line.strip()))
    if not m:
        return None
    return m.group("num"), m.group("text").strip()


def is_caps_heading(line: str) -> bool:
    """A line in capitals (« STRATEGIE DEPLOYEE DANS LE POCE »): a title, not a sentence."""
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 6 or len(line) > 120 or line.endswith((".", ",", ";")):
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) >= 0.9 and len(line.split()) >= 2


# the parts of a title: « Étude socio-économique du territoire — PETR Cœur de Lorraine »
TITLE_PARTS_RE = re.compile(r"\s+[—–-]\s+|\s*:\s+")


# what comes before a heading's words: markdown marks, a section number (« 1.2 », « II. »)
HEADING_LEAD_RE = re.compile(r"^[#\s]*(?:\d{1,2}(?:\.\d{1,2})*\.?\s+|[IVX]+\.\s*)(?=[^\W\d_])|^[#\s]+")


def heading_key(text: str) -> str:
    """A heading's words as compared: no marks, no section number, no closing punctuation, lower
    case without accents (« 1.2 Le Contrat … », « LE CONTRAT » and « ## Le contrat » are one heading)."""
    return re.sub(r"\s+", " ", fold(HEADING_LEAD_RE.sub("", text.strip()))).strip(" .:;–-")


def heading_forms(*titles: str) -> set[str]:
    """The ways a document's title and a section heading show up as a line of the text: whole, or
    the main part of a title in several parts (a cover repeats « Étude socio-économique du
    territoire » without « — PETR Cœur de Lorraine »; the subtitle alone, a name, may be an answer),
    with or without the section number (« 2. Diagnostic » is listed as « Diagnostic »)."""
    return {heading_key(part) for title in titles for part in title_parts(title)} - {""}


def title_parts(title: str) -> list[str]:
    """A title whole, and its main part when it has several of at least two words (« Étude
    socio-économique du territoire » of « Étude socio-économique du territoire — PETR du Val »)."""
    main = TITLE_PARTS_RE.split(title.strip(), maxsplit=1)[0]
    return [title, main] if len(main.split()) >= 2 else [title]
