"""French typography and wording for the text of a note: spaces before « : ; ? ! % » and inside
guillemets, plurals, dates as a sentence writes them.

Applied at the edge (rendering) so that the note's data stays as the documents wrote it.
"""

from __future__ import annotations

import re

from assistant.text.dates import MONTHS_FR_DISPLAY, french_date, month_of, parse_date

NBSP = "\u00a0"  # before « : » and inside « … »
NNBSP = "\u202f"  # narrow, before « ; ? ! % »

# a colon between words (not « 10:30 », not « https:// »)
COLON_RE = re.compile(r"(?<=\S)[ \t\u00a0\u202f]*:(?=\s|$)")
TIGHT_RE = re.compile(r"(?<=[^\s«])[ \t\u00a0\u202f]*([;?!])(?=\s|$|»|\))")
PERCENT_RE = re.compile(r"(?<=\d)[ \t\u00a0\u202f]?%")
OPEN_QUOTE_RE = re.compile(r"«[ \t\u00a0\u202f]*")
CLOSE_QUOTE_RE = re.compile(r"[ \t\u00a0\u202f]*»")


def french_spacing(text: str) -> str:
    """« Axe 2 : x ; 50 % » with non-breaking spaces (idempotent)."""
    text = COLON_RE.sub(NBSP + ":", text)
    text = TIGHT_RE.sub(lambda m: NNBSP + m.group(1), text)
    text = PERCENT_RE.sub(NNBSP + "%", text)
    text = OPEN_QUOTE_RE.sub("«" + NBSP, text)
    return CLOSE_QUOTE_RE.sub(NBSP + "»", text)


def plural(count: int | float, singular: str, plural_form: str | None = None) -> str:
    """« 1 réunion », « 8 réunions » (French: below 2 is singular)."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{count:g} {word}"


def join_fr(items: list[str]) -> str:
    """« a, b et c »."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


def date_words(written: str | None) -> str | None:
    """A date as a sentence writes it after « le / en »: « 17 février 2020 », « janvier 2022 »;
    else the text as written (a date the parser cannot read is not guessed)."""
    if not written:
        return None
    found = parse_date(written)
    if found.iso:
        return french_date(found.iso, written)
    m = re.fullmatch(r"\s*([A-Za-zÀ-ÿ]+)[\s.]+((?:19|20)\d\d)\s*", written)
    month = month_of(m.group(1)) if m else None
    if month and month[1]:
        return f"{MONTHS_FR_DISPLAY[month[0] - 1]} {m.group(2)}"
    return written.strip()


def when(written: str | None) -> str | None:
    """« le 17 février 2020 », « en janvier 2022 », or « (date written) » when not readable."""
    words = date_words(written)
    if not words:
        return None
    if re.match(r"\d", words) and parse_date(written).iso:
        return f"le {words}"
    if re.fullmatch(r"[a-zéû]+ \d{4}", words):
        return f"en {words}"
    return f"à la date indiquée « {words} »"


def sentence(text: str) -> str:
    """A capital first letter and a final full stop."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(" ;,")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…", "»")) else text + "."


def sentence_case(title: str) -> str:
    """« DEVELOPPER LES SERVICES » → « Developper les services » (titles in capitals)."""
    if title.upper() != title:
        return title
    lowered = title.lower()
    return lowered[:1].upper() + lowered[1:]
