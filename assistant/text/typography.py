"""French typography and wording for answers and notes: spaces before « : ; ? ! % » and inside
guillemets, plurals, dates as a sentence writes them, titles in capitals in ordinary case.

Applied when the text is written (the answer composer, the note renderer), so that the data stays
as the documents wrote it.
"""

from __future__ import annotations

import re

from assistant.text.dates import MONTHS_FR_DISPLAY, YEARS_RE, french_date, month_of, parse_date

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


def share_fr(value: float | None, unknown: str = "?") -> str:
    """« 48,4 », « 20 »: a share as French writes it, with the decimals it was given (``unknown``
    when there is none). Shares computed here are rounded before they are written."""
    if value is None:
        return unknown
    return f"{value:g}".replace(".", ",")


def rounded_share(value: float | None) -> str:
    """« 66,7 », « 20 »: a computed share rounded to one decimal, French comma (« ? » when unknown)."""
    return share_fr(None if value is None else round(value, 1))


def plural(count: int | float, singular: str, plural_form: str | None = None) -> str:
    """« 1 réunion », « 8 réunions » (French: below 2 is singular)."""
    word = singular if abs(count) < 2 else (plural_form or singular + "s")
    return f"{count:g} {word}"


# the words that end the noun a body's name starts with (« comité de pilotage », « conseil du … »)
_PHRASE_END = {"de", "d", "du", "des", "à", "au", "aux", "pour", "en", "sur", "chargé", "chargée"}
_ADJECTIVE_END = ("ique", "al", "ale", "el", "elle", "if", "ive", "aire", "ier", "ière", "ien", "ienne", "é", "ée",
                  "eur", "euse")


def plural_phrase(name: str) -> str | None:
    """« comités techniques », « comités de pilotage », « conseils communautaires »: the plural of a
    body's name in lower case, its noun and the adjectives after it (what follows a preposition stays
    as it is). None for a name that starts with a capital (an acronym, a proper name): it is not
    made plural by adding letters."""
    words = name.split()
    if not words or not words[0][:1].islower() or not words[0].isalpha():
        return None
    out, agreeing = [], True  # the noun, then each adjective right after it, agree
    for at, word in enumerate(words):
        agreeing = agreeing and word.isalpha() and word.islower() and (at == 0 or (
            word not in _PHRASE_END and word.endswith(_ADJECTIVE_END)))
        out.append(_plural_word(word) if agreeing else word)
    return " ".join(out)


def _plural_word(word: str) -> str:
    if word.endswith(("s", "x", "z")):
        return word
    if word.endswith("al") and len(word) > 4:
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")):
        return word + "x"
    return word + "s"


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
    """« le 17 février 2020 », « en janvier 2022 », « de 2017 à 2021 », or « (date written) » when
    not readable."""
    period = YEARS_RE.fullmatch(written.strip()) if written else None
    if period:
        return f"de {period.group(1)} à {period.group(2)}"
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


SMALL_WORDS = {"de", "du", "des", "la", "le", "les", "et", "en", "au", "aux", "un", "une", "pour", "sur", "par",
               "à", "d", "l"}


PARENTHESES_RE = re.compile(r"\s*\([^)]*\)")


def title_case(title: str, limit: int | None = None) -> str:
    """An all-capitals document title in ordinary case: « EVALUATION POCE PETR DU PAYS » →
    « Evaluation POCE PETR du Pays ». Short words that are not French function words are taken
    for acronyms and kept (« PETR », « CC », not « CŒUR »); any other title is left as written. Past ``limit``
    characters, what stands in parentheses is dropped (an expansion the reader does not need)."""
    title = " ".join((title or "").split())
    if limit is not None and len(title) > limit:
        title = PARENTHESES_RE.sub("", title).strip() or title
    letters = [c for c in title if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return title
    words = []
    for i, word in enumerate(title.split(" ")):
        bare = re.sub(r"[\W\d_]", "", word)
        if bare.lower() in SMALL_WORDS and i:
            word = word.lower()
        elif len(bare) > 4 or not bare.isascii():  # acronyms are short and written in plain letters
            at = next(k for k, c in enumerate(word) if c.isalpha())
            word = word[: at + 1] + word[at + 1:].lower()
        words.append(word)
    return " ".join(words)


QUOTED_RE = re.compile(r"«[^«»]*»")


def french_punctuation(text: str) -> str:
    """Non-breaking spaces before « : ; ? ! % » in the text's own words; what stands between « »
    is a quotation and stays as the document wrote it."""
    out, last = [], 0
    for m in QUOTED_RE.finditer(text):
        out.append(_spaced(text[last:m.start()], after_quote=bool(last)))
        out.append(m.group(0))
        last = m.end()
    out.append(_spaced(text[last:], after_quote=bool(last)))
    return "".join(out)


def _spaced(text: str, after_quote: bool = False) -> str:
    if after_quote:  # « … » : the closing guillemet is the word before the colon
        return _spaced("»" + text)[1:]
    text = COLON_RE.sub(NBSP + ":", text)
    text = TIGHT_RE.sub(lambda m: NNBSP + m.group(1), text)
    return PERCENT_RE.sub(NNBSP + "%", text)
