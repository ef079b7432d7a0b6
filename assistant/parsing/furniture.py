"""Page furniture: running headers and footers and page numbers, found by comparing the edges
of the pages (the rule is stated in ``assistant.parsing.layout``'s docstring). It is peeled from
the edges inward and leaves the text; the page number it prints becomes the page's label."""

from __future__ import annotations

import re
import math
from collections import Counter

from assistant.parsing.pdf_lines import TextLine

PAGE_NUMBER_EXPLICIT = r"(?:page|p\.)\s*(\d{1,4})(?:\s*(?:/|sur|of)\s*\d{1,4})?|[-–—]\s*(\d{1,4})\s*[-–—]|(\d{1,4})\s*/\s*\d{1,4}"
LONE_EXPLICIT_RE = re.compile(rf"^(?:{PAGE_NUMBER_EXPLICIT})$", re.IGNORECASE)
LONE_BARE_RE = re.compile(r"^[(\[]?(\d{1,4})[)\]]?$")
# A page number set apart at the end or the start of a running header or footer.
EDGE_NUMBER_RE = re.compile(
    rf"(?:^|[|•·—–:-]\s*)(?:{PAGE_NUMBER_EXPLICIT}|(\d{{1,4}}))\s*$|^(?:{PAGE_NUMBER_EXPLICIT}|(\d{{1,4}}))\s*[|•·—–-]",
    re.IGNORECASE,
)


def _edge_lines(lines: list[TextLine]) -> tuple[list[int], list[int]]:
    """Indexes of the first and last three lines, by position on the page when known."""
    idx = [i for i, ln in enumerate(lines) if ln.text.strip()]
    if idx and all(lines[i].placed for i in idx):
        idx = sorted(idx, key=lambda i: lines[i].top)
    return idx[:3], idx[::-1][:3]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _lone_number(text: str) -> tuple[int, bool] | None:
    """(number, explicit) when the line is only a page number."""
    text = text.strip()
    if m := LONE_EXPLICIT_RE.match(text):
        return int(next(g for g in m.groups() if g)), True
    if m := LONE_BARE_RE.match(text):
        return int(m.group(1)), False
    return None


def _edge_number(line: TextLine) -> int | None:
    """A page number printed at the start or end of a longer line, set apart from its text."""
    runs = [r for r in line.runs if r.text.strip()]
    if len(runs) >= 2:
        for run in (runs[0], runs[-1]):
            if (found := _lone_number(run.text)) is not None:
                return found[0]
    if m := EDGE_NUMBER_RE.search(line.text.strip()):
        return int(next(g for g in m.groups() if g))
    return None


def page_body_size(lines: list[TextLine]) -> float | None:
    weights: Counter = Counter()
    for ln in lines:
        if ln.placed:
            weights[round(ln.size, 1)] += len(ln.text.strip())
    return weights.most_common(1)[0][0] if weights else None


def remove_furniture(pages: list[list[TextLine]]) -> tuple[list[list[TextLine]], list[str | None]]:
    """Drop running headers, footers and page numbers; return the kept lines and printed labels."""
    filled = [p for p in pages if any(ln.text.strip() for ln in p)]
    threshold = max(2, math.ceil(0.4 * len(filled)))
    exact: dict[str, Counter] = {"top": Counter(), "bottom": Counter()}
    masked: dict[str, Counter] = {"top": Counter(), "bottom": Counter()}
    offsets: Counter = Counter()
    for number, lines in enumerate(pages, start=1):
        for zone, idx in zip(("top", "bottom"), _edge_lines(lines)):
            for key in {_norm(lines[i].text) for i in idx}:
                exact[zone][key] += 1
            for key in {re.sub(r"\d+", "#", _norm(lines[i].text)) for i in idx}:
                masked[zone][key] += 1
        printed_here = set()
        for i in set(sum(_edge_lines(lines), [])):
            found = _lone_number(lines[i].text)
            printed = found[0] if found else _edge_number(lines[i])
            if printed is not None and printed <= 2 * len(pages) + 10:  # a year is no page number
                printed_here.add(printed - number)
        offsets.update(printed_here)
    offset = next((o for o, n in offsets.most_common(1) if n >= 2), None)

    doc_body = page_body_size([ln for p in pages for ln in p])
    kept_pages, labels = [], []
    for number, lines in enumerate(pages, start=1):
        body = min(filter(None, (page_body_size(lines), doc_body)), default=None)
        drop: set[int] = set()
        label = None
        for zone, idx in zip(("top", "bottom"), _edge_lines(lines)):
            for i in idx:
                if i in drop:
                    continue
                line = lines[i]
                if line.placed and body and line.size > body * 1.05:
                    break  # a title, not furniture
                text = _norm(line.text)
                lone = _lone_number(line.text)
                printed = lone[0] if lone else _edge_number(line)
                follows = printed is not None and printed - number == offset
                if lone and (lone[1] or follows):
                    pass
                elif exact[zone][text] >= threshold:
                    pass
                elif printed is not None and masked[zone][re.sub(r"\d+", "#", text)] >= threshold:
                    pass
                else:
                    break
                drop.add(i)
                if printed is not None and (follows or (lone and lone[1])) and label is None:
                    label = str(printed)
        kept_pages.append([ln for i, ln in enumerate(lines) if i not in drop])
        labels.append(label)
    return kept_pages, labels


# --- reflow ------------------------------------------------------------------------------------
