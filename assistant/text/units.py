"""Answer units: the sentences and list items of a chunk, each an exact span of its text.

Slide decks put facts in bullets with sub-items (« - 3 réunions : ▣ Le 02/03/2019 ▣ Le 05/11/2019 »)
or continuation lines; a unit keeps a bullet together with them, so a quote is never cut in half.
Shown as one line (``display``, what the answerer scores), a unit separates its sub-items with
« ; » and joins a continuation line (the rest of a wrapped line) with a space; emphasis and heading
marks are not shown. ``parts`` keeps the sub-items apart, for answers that quote them as a reader
reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.text.dates import MONTHS, MONTHS_EN, MONTHS_FR_DISPLAY, YEARS_RE
from assistant.text.headings import is_caps_heading

# the marks a slide or a list puts before its items; « + » and « ! » too (« CE QUI A MARCHÉ / + Friche
# de Vallerhof … », « POINTS DE VIGILANCE / ! 9 actions abandonnées »), when a space follows them
# the symbols that mark a list item (a slide's « + » and « ! » only at the start of a line of text)
LIST_MARKS = "-•▪▣*–◦●■□➢►›✓✔☑☐✗✘◆◇♦❖▸▹▶➤➜‣○➔→"
BULLET_RE = re.compile(r"^(\s*)([" + re.escape(LIST_MARKS) + r"+!]|\d+[.)])(\s+|$)")
SUB_RE = re.compile(r"^\s+[-•▪▣*–]|^\s*▣")
# between sentences; not after a title or an initial before a name (« présenté par M. Julien
# Arnould », « Mme. Dupont », « J. Martin »)
SENTENCE_END_RE = re.compile(r"(?<=[.!?])(?<!\b[A-ZÀ-Ý]\.)(?<!\bMM\.)(?<!\bMme\.)(?<!\bMlle\.)(?<!\bMgr\.)(?<!\bDr\.)"
                             r"(?<!\bPr\.)(?<!\bMe\.)(?<!\bSt\.)(?<!\bSte\.)\s+(?=[A-ZÀ-Ý«])")
DATE_RE = re.compile(
    r"\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}\b|\b\d{1,2}/\d{1,2}/\d{1,3}\b"
    r"|\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)[ .]+(?:19|20)\d\d\b"
    r"|" + YEARS_RE.pattern,
    re.IGNORECASE,
)
EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
HEADING_MARK_RE = re.compile(r"^#{1,6}\s+")
ENUMERATOR_RE = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[A-Z])\.\s*$")
PERCENT_RE = re.compile(r"\d+(?:[.,]\d+)?\s*%")
ITEM_END = (".", "!", "?", ";")  # a list item's last line
PARAGRAPH_START_RE = re.compile(r"[A-ZÀ-Ý«]")  # a sentence starting at the margin
# a line drawn with one character (« ====== », « ------ », « ______ »): plain-text furniture
RULE_RE = re.compile(r"^\s*([=\-_~*#])\1{3,}\s*$")
# a field of a form or a header block, its label and value joined by dot leaders (« Rédaction ......
# Laure Quesnel, chargée de mission »): each field is a unit of its own, whatever its length
LEADER_LINE_RE = re.compile(r"^\s*[^\s.][^.\n]{0,40}?\s*\.{3,}\s*\S")
NUMBER_RE = re.compile(r"\b\d+(?:[.,]\d+)?\b")


@dataclass
class Unit:
    text: str  # exact span of the chunk text
    start: int
    block: int  # units of one block of lines share a block number
    kind: str  # "item" | "sentence" | "line"

    @property
    def display(self) -> str:
        """The unit as one line: bullets dropped, sub-items separated by « ; », wrapped lines joined."""
        return " ; ".join(self.parts)

    @property
    def parts(self) -> list[str]:
        """The unit's text, then each of its sub-items: bullets, emphasis and heading marks dropped,
        wrapped lines joined. A sub-item that follows « … : » completes that line."""
        parts: list[str] = []
        for raw in self.text.split("\n"):
            item = bool(BULLET_RE.match(raw) or SUB_RE.match(raw))
            ln = BULLET_RE.sub("", raw).strip().lstrip("▣").strip()
            ln = EMPHASIS_RE.sub(lambda m: m.group(2), HEADING_MARK_RE.sub("", ln))
            if not ln:
                continue
            if not parts:
                parts.append(ln)
            elif item and not parts[-1].endswith((":", "+")) and not ln.startswith("+"):
                parts.append(ln)
            else:
                parts[-1] = f"{parts[-1]} {ln}"
        return [re.sub(r"\s+", " ", p).strip() for p in parts]

    @property
    def is_heading_mark(self) -> bool:
        """A Markdown heading line (« ## Titre »)."""
        return bool(HEADING_MARK_RE.match(self.text.strip()))


def split_units(text: str) -> list[Unit]:
    units: list[Unit] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    block = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip() or RULE_RE.match(line):  # a rule (« ===== », « ----- ») separates, like a blank line
            block += 1
            i += 1
            continue
        if BULLET_RE.match(line) and not SUB_RE.match(line):
            j = i + 1
            # sub-items and continuation lines belong to the bullet; a sentence starting at the margin
            # after one that ended (« … des actions non engagées. » then « L'axe 2 … ») is the next paragraph
            while j < len(lines) and lines[j].strip() and not RULE_RE.match(lines[j]) \
                    and not (BULLET_RE.match(lines[j]) and not SUB_RE.match(lines[j])) \
                    and not HEADING_MARK_RE.match(lines[j].strip()) \
                    and not (lines[j - 1].rstrip().endswith(ITEM_END) and PARAGRAPH_START_RE.match(lines[j])):
                j += 1
            span = "\n".join(lines[i:j])
            if BULLET_RE.sub("", span).strip():
                units.append(Unit(span, offsets[i], block, "item"))
            i = j
            continue
        if HEADING_MARK_RE.match(line.strip()):  # a Markdown heading is one unit, whatever its dots
            units.append(Unit(line, offsets[i], block, "sentence"))
            i += 1
            continue
        # a paragraph: lines up to the next blank line, bullet or heading
        j = i
        while j < len(lines) and lines[j].strip() and not RULE_RE.match(lines[j]) \
                and not (BULLET_RE.match(lines[j]) and not SUB_RE.match(lines[j])) \
                and not (j > i and HEADING_MARK_RE.match(lines[j].strip())):
            j += 1
        para_lines = lines[i:j]
        fields = [k for k, ln in enumerate(para_lines) if LEADER_LINE_RE.match(ln)]
        if len(fields) >= 2 and fields[0] == 0:
            # fields with dot leaders: each with the lines that continue it (an indented second line)
            for n, k in enumerate(fields):
                end = fields[n + 1] if n + 1 < len(fields) else len(para_lines)
                units.append(Unit("\n".join(para_lines[k:end]), offsets[i + k], block, "line"))
        elif len(para_lines) >= 2 and all(len(ln.strip()) < 70 and not ln.rstrip().endswith(".") for ln in para_lines):
            for k, ln in enumerate(para_lines):  # a list written as short lines
                units.append(Unit(ln, offsets[i + k], block, "line"))
        else:
            para = "\n".join(para_lines)
            start = offsets[i]
            pieces = SENTENCE_END_RE.split(para)
            k = 0
            while k < len(pieces):
                piece = pieces[k]
                if ENUMERATOR_RE.match(piece) and k + 1 < len(pieces):
                    # « 9. Recommandations … », « 4.1. Objectif … »: a numbered title, not a sentence « 9. »
                    end = para.find(pieces[k + 1], para.find(piece) + len(piece)) + len(pieces[k + 1])
                    piece = para[para.find(piece):end]
                    k += 1
                at = para.find(piece)
                if piece.strip():
                    units.append(Unit(piece, start + max(at, 0), block, "sentence"))
                k += 1
        i = j
    return _figures_with_captions(text, units)


# a figure standing alone on its line (« 11,2 M€ », « 312 emplois », « 97 % »): a tile of an
# infographic or a slide, whose caption follows in lower case on the next line or block
FIGURE_RE = re.compile(r"^[+≈~]?\s*\d[\d \u202f\xa0.,]*(?:\s*(?:%|[kKM]?€|[a-zà-ÿ²³]+\.?)){0,2}$")


def _figures_with_captions(text: str, units: list[Unit]) -> list[Unit]:
    """A figure alone on its line and the lower-case caption after it are one unit: « 11,2 M€ »
    then « de dépenses réalisées sur 16,2 M€ prévus » states one fact."""
    out: list[Unit] = []
    for unit in units:
        last = out[-1] if out else None
        if (last is not None and last.kind != "item" and "\n" not in last.text.strip()
                and FIGURE_RE.match(last.text.strip()) and unit.text[:1].islower()
                and unit.block - last.block <= 1 and not text[last.start + len(last.text): unit.start].strip()):
            out[-1] = Unit(text[last.start: unit.start + len(unit.text)], last.start, last.block, unit.kind)
        else:
            out.append(unit)
    return out


def dates_in(text: str) -> list[str]:
    return [m.group(0) for m in DATE_RE.finditer(text)]


def is_caps_line(text: str) -> bool:
    """A line in capitals (« AXE 2 : SOUTENIR LES ENTREPRISES »), as slide and report headings are."""
    return is_caps_heading(text)


def is_bare_heading(unit: Unit, section: str = "", caps_allowed: bool = False) -> bool:
    """A unit that only names a part of the document: a Markdown heading, the section's own title
    (unless it states something after a colon), a line in capitals (unless ``caps_allowed``, when
    the capitals are the answer: an expansion), or a label that introduces items it does not hold
    (« Les communes membres : »)."""
    parts = unit.parts
    if not parts:
        return True
    shown = " ; ".join(parts).strip()
    if unit.is_heading_mark:
        return True
    if section and shown.rstrip(" :").upper() == section.split(" > ")[-1].strip().rstrip(" :").upper():
        # the section's own title; but a title that says something after its colon (« Émergence
        # d'une stratégie : dynamiser l'économie du territoire ») is a statement, as in body text
        return " : " not in shown.rstrip(" :") or is_caps_line(shown)
    if len(parts) == 1 and shown.endswith(":"):
        return True
    return not caps_allowed and is_caps_line(shown)


# numbers written as words: « six ans », « deux comités », « twelve actions » (un/une/one are articles too)
NUMBER_WORDS = (
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente "
    "quarante cinquante soixante cent cents mille "
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand"
).split()
YEAR_ALONE_RE = re.compile(r"(?<!\d[ \u202f\xa0])(?<![\d.,])(?:19|20)\d\d(?![\d.,]|[ \u202f\xa0]\d)")
MONTH_NAMES = (*MONTHS, *MONTHS_FR_DISPLAY, *MONTHS_EN)
QUANTITY_RE = re.compile(
    r"(?<![\w/])(\d{1,3}(?:[ \u202f\xa0]\d{3})+|\d+(?:[.,]\d+)?|" + "|".join(NUMBER_WORDS) + r")"
    r"(?!\s*%)(?!\s+(?:" + "|".join(MONTH_NAMES) + r")\b)\s+((?:[a-zà-ÿ'’-]+\s+){0,2}[a-zà-ÿ'’-]+)",
    re.IGNORECASE,
)


def quantities(text: str) -> list[tuple[str, str]]:
    """The counts a text states, as (number, the words that follow it): « 1 240 participants »,
    « 120 km de sentiers », « six ans ». A date, a year, a percentage or a label's number (« Axe : 3 »)
    is no count."""
    text = DATE_RE.sub(" ", text.replace("’", "'"))
    text = YEAR_ALONE_RE.sub(" ", text)
    return [(m.group(1), m.group(2)) for m in QUANTITY_RE.finditer(text)]


def states_count(text: str) -> bool:
    """A count is stated: a number followed by what it counts, or a table cell's number
    (« Population 2020 : 184 000 »)."""
    if quantities(text):
        return True
    bare = YEAR_ALONE_RE.sub(" ", DATE_RE.sub(" ", text))
    return bool(re.search(r":\s*\d", bare))
