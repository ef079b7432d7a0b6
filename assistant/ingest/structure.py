"""Document structure: title, date and section paths detected from the text of the pages.

French administrative documents and slide decks rarely carry real heading styles once turned
into text, so headings are recognised from the shape of the lines: Markdown headings, "AXE n",
numbered sections ("2.1 Contexte"), all-caps lines (one heading when wrapped over several lines),
short slide titles followed by a list, and the titles the page layout reports (a larger or bold
font, see ``assistant.parsing.layout``). A table-of-contents entry (« 2.1 Contexte … 12 ») is
never a heading.

In a slide deck (most pages landscape, or most pages short and opening with a title) each slide
stands alone: the heading path starts afresh on every slide, so a section never runs over into
the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.parsing.parsers import Page, ParsedDocument
from assistant.text.headings import is_caps_heading  # noqa: F401  (re-exported)
from assistant.text.tables import parse_row
from assistant.text.units import LIST_MARKS

MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
DOC_DATE_RE = re.compile(rf"\b(?:\d{{1,2}}(?:er)?\s+)?(?:{MONTHS_FR})\s+(?:19|20)\d\d\b", re.IGNORECASE)
NUMERIC_DATE_RE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/(?:19|20)\d\d(?![\d/])")
MARKDOWN_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
AXIS_RE = re.compile(r"^AXE\s+(\d+|[IVX]+)\b\s*[:.\-–—]?\s*(.*)$", re.IGNORECASE)
NUMBERED_RE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+([A-ZÀ-ÖØ-Ý].{2,100})$")
LIST_RE = re.compile(r"^\s*(?:[" + re.escape(LIST_MARKS) + r"]|\d+[.)])\s*")
TITLE_LINE_RE = re.compile(r"^(?:\(.*\)|(?:19|20)\d\d\s*[/–-]\s*(?:19|20)\d\d)$")
CONTENTS_RE = re.compile(r"^(?:#+\s*)?(?:sommaire|table des matières|contents|table of contents)\s*:?$", re.IGNORECASE)
TOC_ENTRY_RE = re.compile(r"(?:…|\.{3,})\s*\d{1,4}$")
SENTENCE_STOP_RE = re.compile(r"[.!?](?=\s|$)")  # where a sentence stops (text/units splits between sentences)
SLIDE_MAX_LINES = 15
SLIDE_MAX_CHARS = 1200


@dataclass
class Section:
    page: Page
    path: tuple[str, ...]
    text: str

    @property
    def path_text(self) -> str:
        return " > ".join(self.path)


def document_title(doc: ParsedDocument) -> str:
    """Metadata title, else the title block at the top of the first page, else the file name."""
    if doc.metadata_title and len(doc.metadata_title) > 3 and not doc.metadata_title.lower().startswith("microsoft"):
        return doc.metadata_title
    lines = _title_lines(doc)
    if lines:
        return " ".join(line.lstrip("# ").strip() for line in lines)
    return doc.path.stem.replace("_", " ").replace("-", " ").strip().capitalize()


def _title_lines(doc: ParsedDocument) -> list[str]:
    first = next((p for p in doc.pages if p.text.strip()), None)
    if first is None:
        return []
    lines: list[str] = []
    for raw in first.text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if not lines and MARKDOWN_RE.match(line):
            lines.append(MARKDOWN_RE.match(line).group(2))  # a styled title; the cover lines under it go on
            continue
        if len(line) <= 90 and (is_caps_heading(line) or TITLE_LINE_RE.match(line) or (lines and line.isupper())):
            lines.append(line)
            if len(lines) >= 5:
                break
            continue
        break
    return lines


def document_date(doc: ParsedDocument) -> str | None:
    """The date printed on the cover (« Janvier 2022 », « situation au 31/12/2024 »), as written: the
    first one, in words or in figures; a table's row dates its row, not the document (a register's
    first action « livrée en mars 2022 » under « situation au 31/12/2024 »)."""
    for page in doc.pages[:2]:
        head = "\n".join(line for line in page.text[:1500].split("\n") if parse_row(line) is None)
        found = [m for m in (DOC_DATE_RE.search(head), NUMERIC_DATE_RE.search(head)) if m]
        if found:
            return min(found, key=lambda m: m.start()).group(0)
    return None


def is_slide_deck(doc: ParsedDocument) -> bool:
    """Most pages landscape and short, or most pages short and opening with a title."""
    pages = [p for p in doc.pages if p.text.strip()]
    if len(pages) < 2:
        return False
    short = [p for p in pages if _is_short(p)]
    if sum(1 for p in short if p.landscape) >= 0.6 * len(pages):
        return True
    return sum(1 for p in short if _opens_with_title(p)) >= 0.6 * len(pages)


def _is_short(page: Page) -> bool:
    lines = [ln for ln in page.text.split("\n") if ln.strip()]
    return len(lines) <= SLIDE_MAX_LINES and len(page.text) <= SLIDE_MAX_CHARS


def _opens_with_title(page: Page) -> bool:
    lines = page.text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    return first is not None and _heading(lines, first, lines[first].strip(), page) is not None


def split_sections(doc: ParsedDocument) -> list[Section]:
    """Cut the pages into sections, each carrying the heading path in force where it starts."""
    title_lines = set(_title_lines(doc))
    deck = is_slide_deck(doc)
    stack: list[tuple[int, str]] = []
    sections: list[Section] = []
    axis_pending = False
    for at, page in enumerate(doc.pages):
        lines = page.text.split("\n")
        carried = "" if deck or at + 1 >= len(doc.pages) else carried_over(page.text, doc.pages[at + 1].text)
        buffer: list[str] = []
        if deck:
            stack, axis_pending = [], False  # a slide starts afresh
        caps_open = False  # the last line was a caps heading that may wrap onto this one
        contents = False  # the page is a table of contents (« Sommaire »): its numbered lines open nothing

        def flush():
            text = "\n".join(buffer).strip()
            if text:
                sections.append(Section(page, tuple(h for _, h in stack), text))
            buffer.clear()

        has_body = False
        for i, raw in enumerate(lines):
            line = raw.strip()
            if axis_pending and line and is_caps_heading(line):
                # "AXE 1" then its title on the next line: one heading.
                level, text = stack[-1]
                stack[-1] = (level, f"{text} : {line}")
                axis_pending = False
                buffer.append(raw)
                continue
            if caps_open and line and _is_caps_continuation(line):
                # a caps title wrapped over two lines: one heading
                level, text = stack[-1]
                stack[-1] = (level, f"{text} {line}")
                buffer.append(raw)
                continue
            caps_open = False
            heading = None if (not line or line in title_lines) else _heading(lines, i, line, page)
            if heading is not None and contents and NUMBERED_RE.match(line):
                heading = None  # an entry of the table of contents this page opens with names a section
            elif heading is not None and CONTENTS_RE.match(heading[1]):
                contents = True
            if heading is None:
                if line:
                    axis_pending = False
                    has_body = True
                buffer.append(raw)
                continue
            if has_body:
                # A heading with nothing under it yet stays with the next section.
                flush()
                has_body = False
            level, text = heading
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, text))
            axis_pending = bool(AXIS_RE.match(text)) and not AXIS_RE.match(text).group(2)
            caps_open = not axis_pending and is_caps_heading(line) and not line.endswith((":", ";", ".", ","))
            buffer.append(raw)
        if carried and buffer:
            buffer[-1] = f"{buffer[-1].rstrip()} {carried}"
        flush()
    return sections


def carried_over(text: str, next_text: str) -> str:
    """The end of a sentence that a page break cut (« … l'étude de » / « marché a conclu … »):
    the next page's words up to that sentence's end, when the page stops mid-sentence and the next
    one opens in lower case. The page's passage then quotes the whole sentence."""
    last = text.rstrip()
    if not last or last[-1] in ".!?:;»\")|" or last.splitlines()[-1].lstrip().startswith(("#", "|")):
        return ""
    following = next_text.lstrip()
    if not following[:1].islower():
        return ""
    end = SENTENCE_STOP_RE.search(following[:600])
    piece = following[: end.end()] if end else following.split("\n", 1)[0]
    return re.sub(r"\s*\n\s*", " ", piece).strip()


def _is_caps_continuation(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return (len(letters) >= 3 and all(c.isupper() for c in letters) and len(line) <= 80
            and not LIST_RE.match(line) and not AXIS_RE.match(line))


def _heading(lines: list[str], i: int, line: str, page: Page | None = None) -> tuple[int, str] | None:
    if TOC_ENTRY_RE.search(line):
        return None  # a table-of-contents entry names a section, it does not open one
    if m := MARKDOWN_RE.match(line):
        return len(m.group(1)), m.group(2).strip()
    if (m := AXIS_RE.match(line)) and len(line) <= 140:
        return 2, line
    if (m := NUMBERED_RE.match(line)) and not line.endswith((".", ";", ",")) and not _in_numbered_run(lines, i):
        return min(m.group(1).count(".") + 1, 4), line
    if is_caps_heading(line):
        return 1, line
    if _is_slide_title(lines, i, line):
        return 1, line
    if page is not None and line in page.headings:
        return page.headings[line], line
    return None


def _in_numbered_run(lines: list[str], i: int) -> bool:
    """A first-level numbered line next to the one that follows or precedes it (« 1. Approbation du
    compte rendu », « 2. Présentation du rapport »): the items of a numbered list, an agenda, not
    headings with nothing under them. Deeper numbers (« 1.1 », « 1.2 ») stay a report's or a
    slide's sub-headings: read as items, they changed a deck's sections and what the search found."""
    def number(j: int) -> list[int] | None:
        m = NUMBERED_RE.match(lines[j].strip()) if 0 <= j < len(lines) else None
        return [int(n) for n in m.group(1).split(".")] if m else None

    here, before, after = number(i), number(i - 1), number(i + 1)
    if here is None or len(here) > 1:
        return False

    def follows(a: list[int] | None, b: list[int] | None) -> bool:  # b is the item after a, same depth
        return a is not None and b is not None and len(a) == len(b) and a[:-1] == b[:-1] and b[-1] == a[-1] + 1

    return follows(before, here) or follows(here, after)


def _is_slide_title(lines: list[str], i: int, line: str) -> bool:
    """A short capitalised line standing alone between blank lines and followed by a list."""
    if len(line) > 60 or len(line.split()) > 7 or line.endswith((".", ":", ",", ";")):
        return False
    if LIST_RE.match(line) or not line[0].isupper():
        return False
    before = lines[i - 1].strip() if i > 0 else ""
    if before:
        return False
    nxt = next((ln.strip() for ln in lines[i + 1 :] if ln.strip()), "")
    gap = i + 1 < len(lines) and not lines[i + 1].strip()
    item = LIST_RE.match(nxt)
    return gap and bool(item) and bool(nxt[item.end() :].strip())
