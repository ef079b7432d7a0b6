"""Dates as French documents write them: found by general shapes, parsed by dateparser.

A date is kept as written. It gets an ISO form only when it names a valid day; a month alone
(« janvier 2019 ») has a month precision; anything the parser cannot read (a year cut short, a
misspelt month) is kept as written and flagged incomplete, whatever its shape. No shape exists
here for one document's typo: the candidates are numeric day/month/year triples with any number
of year digits, and « day month year » or « month year » with a word close to a month name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
          "novembre", "decembre"]
MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"]
MONTHS_FR_DISPLAY = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                     "novembre", "décembre"]

NUMERIC_RE = re.compile(
    r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{1,4})(?![\d/])"  # 14/12/21, 31 / 12 / 2021, 06/04/202
    r"|(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])"  # 14.12.2021 (not section numbers 2.3.1)
)
# a period of years: « 2017/2021 », « 2022-2027 », « 2017 – 2021 »
YEARS_RE = re.compile(r"\b((?:19|20)\d\d)\s*[/–—-]\s*((?:19|20)\d\d)\b")
# a part of a year named rather than dated: « au second semestre 2025 », « fin 2024 », « mi-2023 »,
# « au printemps 2022 » (general French; the year is what makes it a time, not a rank)
PART_OF_YEAR_RE = re.compile(
    r"(?<![\w-])((?:premier|1er|second|seconde|deuxième|2e|2nd|troisième|3e|quatrième|4e|dernier)\s+"
    r"(?:semestre|trimestre)|début|fin|courant|mi-?|printemps|été|automne|hiver)\s*((?:19|20)\d\d)(?!\d|\s*[/–—-]\s*\d)",
    re.IGNORECASE)
WORD_DATE_RE = re.compile(
    r"(?:(?<![\d.,/])(\d{1,2})(?:er|ᵉʳ)?\s+)?([A-Za-zÀ-ÿ]{3,10})\.?[\s.,]*((?:19|20)\d\d|\d{2,3}(?!\d))?",
)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


@lru_cache(maxsize=4096)
def month_of(word: str) -> tuple[int, bool] | None:
    """(month number, exact) for a month name, or for a word one edit away from a long one."""
    w = fold(word).rstrip(".")
    for names in (MONTHS, MONTHS_EN):
        if w in names:
            return names.index(w) + 1, True
    if len(w) >= 5:
        for names in (MONTHS, MONTHS_EN):
            for i, name in enumerate(names):
                if len(name) >= 5 and _edit_distance(w, name) <= 1:
                    return i + 1, False
    return None


@dataclass
class FoundDate:
    written: str
    start: int
    end: int
    iso: str | None  # YYYY-MM-DD when a valid day is named
    precision: str  # "day" | "month" | "year" | "unknown"
    incomplete: bool

    def as_dict(self) -> dict:
        return {"written": self.written, "iso": self.iso, "precision": self.precision, "incomplete": self.incomplete}


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["fr", "en"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})


def parse_date(written: str) -> FoundDate:
    """Parse one date as written; see the module docstring for what counts as complete."""
    text = re.sub(r"\s*/\s*", "/", written.strip())
    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d+)", text)
    if numeric and len(numeric.group(3)) not in (2, 4):
        return FoundDate(written.strip(), 0, 0, None, "unknown", True)  # a year cut short: kept as written
    words = re.findall(r"[A-Za-zÀ-ÿ]{3,}", text)
    if any(month_of(w) and not month_of(w)[1] for w in words):
        return FoundDate(written.strip(), 0, 0, None, "unknown", True)  # a misspelt month: not guessed
    if not re.search(r"(?<!\d)(?:\d{2}|\d{4})$", text):
        return FoundDate(written.strip(), 0, 0, None, "unknown", True)  # no year: the parser would invent one
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return FoundDate(written.strip(), 0, 0, None, "unknown", True)
    period = data.period or "day"
    if period == "day":
        return FoundDate(written.strip(), 0, 0, data.date_obj.strftime("%Y-%m-%d"), "day", False)
    return FoundDate(written.strip(), 0, 0, None, period, True)


SENTENCE_YEAR_RE = re.compile(r"(?<![\d/])(?<!\d[.,])(?:19|20)\d\d(?![\d/]|[.,]\d)")


def with_stated_year(found: FoundDate, text: str, dates: list[FoundDate]) -> FoundDate:
    """A day and month written without their year (« le 2 février ») dated by the one year the
    same sentence states outside its dates (« En 2024, le comité s'est réuni le 2 février »). The
    date stays as written; a sentence with no year, or with several, leaves it incomplete."""
    if found.iso is not None or not re.match(r"\d", found.written) or re.search(r"\d{4}", found.written):
        return found
    spans = [(d.start, d.end) for d in dates]
    years = {m.group(0) for m in SENTENCE_YEAR_RE.finditer(text)
             if not any(a <= m.start() < b for a, b in spans) and not YEARS_RE.search(text[max(0, m.start() - 6): m.end() + 6])}
    if len(years) != 1:
        return found
    dated = parse_date(f"{found.written} {years.pop()}")
    if dated.iso is None:
        return found
    return FoundDate(found.written, found.start, found.end, dated.iso, dated.precision, False)


def month_and_year(written: str) -> str | None:
    """« 2021-11 » for a date written with its month and year (« novembre 2021 », « 30 nov. 2021 »)."""
    for m in WORD_DATE_RE.finditer(written):
        month = month_of(m.group(2))
        if month is not None and m.group(3):
            return f"{int(m.group(3)):04d}-{month[0]:02d}"
    m = re.search(r"\b(\d{1,2})[/.-](\d{4})\b", written)
    return f"{m.group(2)}-{int(m.group(1)):02d}" if m and 1 <= int(m.group(1)) <= 12 else None


def find_dates(text: str) -> list[FoundDate]:
    """Every date of a text, in order, each parsed (see ``parse_date``)."""
    spans: list[tuple[int, int]] = []
    for m in NUMERIC_RE.finditer(text):
        spans.append((m.start(), m.end()))
    pos = 0
    while (m := WORD_DATE_RE.search(text, pos)) is not None:
        day, word, year = m.group(1), m.group(2), m.group(3)
        if month_of(word) is None or not (day or year):
            pos = m.end(2)  # no month: look again just after the word (« mardi 16 mars 2021 »)
            continue
        start = m.start() if day else m.start(2)
        end = m.end(3) if year else m.end(2)
        spans.append((start, end))
        pos = m.end()
    spans.sort()
    out: list[FoundDate] = []
    last_end = -1
    for start, end in spans:
        if start < last_end:
            continue
        written = text[start:end]
        found = parse_date(written)
        found.start, found.end = start, end
        out.append(found)
        last_end = end
    return out


def french_date(iso: str | None, written: str) -> str:
    """« 17 février 2020 » for a complete date, else the date as written."""
    if not iso:
        return written
    year, month, day = iso.split("-")
    day_text = "1er" if day == "01" else str(int(day))
    return f"{day_text} {MONTHS_FR_DISPLAY[int(month) - 1]} {year}"


ISO_DAY_RE = re.compile(r"^(\d{4}-\d\d-\d\d)(?:[ T]\d\d:\d\d(?::\d\d)?)?$")


def date_key(written: str) -> str:
    """A written day's ISO form (« 05/02/2024 », « Statut au 5 février 2024 », « 2024-02-05 00:00:00 » →
    « 2024-02-05 »), to order days written otherwise; any other text (no day, or several) as written."""
    iso = ISO_DAY_RE.match(written.strip())
    if iso:
        return iso.group(1)
    found = [d for d in find_dates(written) if d.iso and d.precision == "day"]
    return found[0].iso if len(found) == 1 else written


def parts_of_year(text: str) -> list[str]:
    """The parts of a year a text names, as a French lead says them: « au second semestre 2025 »,
    « fin 2024 », « mi-2023 », « au printemps 2022 », « à l'automne 2021 »."""
    found = []
    for m in PART_OF_YEAR_RE.finditer(text):
        part, year = re.sub(r"\s+", " ", m.group(1).lower()), m.group(2)
        if part.startswith("mi"):
            said = f"mi-{year}"
        elif part in ("début", "fin", "courant"):
            said = f"{part} {year}"
        elif part == "printemps" or part.endswith("trimestre") or part.endswith("semestre"):
            said = f"au {part} {year}"
        else:
            said = f"à l'{part} {year}"
        if said not in found:
            found.append(said)
    return found
