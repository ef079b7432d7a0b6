"""Word (DOCX) files: paragraphs, lists and tables in document order, pages cut at page breaks."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.parsing.document import DocumentError, Page, ParsedDocument, clean_text
from assistant.parsing.tables import rows_as_lines

_PAGE_BREAK = "\f"


def load_docx(path: Path) -> ParsedDocument:
    """Paragraphs and tables in document order; pages cut at hard and rendered page breaks.

    Section headers and footers live in their own parts of the package and never enter the text.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DocumentError(path.name, "fichier Word (DOCX) corrompu ou illisible") from exc
    except Exception as exc:
        raise DocumentError(path.name, f"fichier Word illisible ({type(exc).__name__})") from exc
    lines: list[str] = []
    after_list = False
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(["", *_docx_table_lines(block), ""])
            after_list = False
            continue
        kind = _docx_kind(block)
        if after_list and kind == "text":
            # a plain paragraph after a list ends it (a list item's own continuation has its style):
            # without the blank line, « Membres excusés : » would read as the rest of the last item
            lines.append("")
        lines.extend(_docx_paragraph_lines(block))
        after_list = kind in ("list", "continue") or (after_list and not block.text.strip())
    pages, current = [], []
    for line in lines:
        if line == _PAGE_BREAK:
            if any(ln.strip() for ln in current):  # a hard break and the rendered one after it: one break
                pages.append(current)
                current = []
            continue
        current.append(line)
    if any(ln.strip() for ln in current) or not pages:
        pages.append(current)
    title = (document.core_properties.title or "").strip() or None
    texts = [re.sub(r"\n{3,}", "\n\n", clean_text("\n".join(p))).strip("\n") for p in pages]
    return ParsedDocument(path=path, kind="docx", pages=[Page(i + 1, t) for i, t in enumerate(texts)], metadata_title=title)


def _docx_kind(para) -> str:
    """« heading », « list » (a bulleted or numbered item), « continue » (the rest of the item above,
    « List Continue »), or « text »."""
    style = (para.style.name or "").lower() if para.style is not None else ""
    ppr = para._p.pPr
    if style.startswith(("heading", "titre")) or style == "title":
        return "heading"
    if style.startswith("list continue"):
        return "continue"
    if (style.startswith("list") and style != "list paragraph") or (ppr is not None and ppr.numPr is not None):
        return "list"
    return "text"


def _docx_paragraph_lines(para) -> list[str]:
    from docx.oxml.ns import qn

    p = para._p
    ppr = p.pPr
    out: list[str] = []
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
        out.append(_PAGE_BREAK)
    parts: list[str] = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen"), qn("w:lastRenderedPageBreak")):
        tag = el.tag
        if tag == qn("w:t"):
            parts.append(el.text or "")
        elif tag == qn("w:tab"):
            parts.append("\t")
        elif tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif tag == qn("w:lastRenderedPageBreak") or el.get(qn("w:type")) == "page":
            parts.append(_PAGE_BREAK)
        else:
            parts.append("\n")
    style = (para.style.name or "").lower() if para.style is not None else ""
    kind = _docx_kind(para)
    level = _docx_list_level(ppr, style)
    for k, chunk in enumerate("".join(parts).split(_PAGE_BREAK)):
        if k:
            out.append(_PAGE_BREAK)
        text = chunk.strip()
        if not text:
            if k == 0:
                out.append("")
            continue
        if kind == "heading":
            level = "".join(ch for ch in style if ch.isdigit()) or "1"
            out.extend(["", "#" * int(level) + " " + re.sub(r"\s*\n\s*", " ", text), ""])
        elif kind == "continue":
            out.append(re.sub(r"\s*\n\s*", " ", text))  # the rest of the list item above, no marker of its own
        elif kind == "list":
            out.append("  " * level + "- " + re.sub(r"\s*\n\s*", " ", text))
        else:
            out.extend(text.split("\n"))
    if ppr is not None and ppr.sectPr is not None:
        section = ppr.sectPr.find(qn("w:type"))
        if section is None or section.get(qn("w:val")) in (None, "nextPage", "oddPage", "evenPage"):
            out.append(_PAGE_BREAK)
    return out


def _docx_list_level(ppr, style: str) -> int:
    """Nesting of a list paragraph: its numbering level, else the number in « List Bullet 2 »."""
    from docx.oxml.ns import qn

    if ppr is not None and ppr.numPr is not None:
        ilvl = ppr.numPr.find(qn("w:ilvl"))
        if ilvl is not None and str(ilvl.get(qn("w:val"), "0")).isdigit():
            return int(ilvl.get(qn("w:val")))
    digits = re.search(r"(\d+)$", style)
    return max(int(digits.group(1)) - 1, 0) if digits else 0


def _docx_table_lines(table) -> list[str]:
    """One line per row, the first row giving the column headers; merged cells counted once."""
    rows: list[list[str]] = []
    for row in table.rows:
        cells, seen = [], None
        for cell in row.cells:
            if cell._tc is seen:
                continue
            seen = cell._tc
            parts = [re.sub(r"\s+", " ", ln).strip() for p in cell.paragraphs for ln in p.text.split("\n")]
            cells.append(", ".join(p for p in parts if p))  # the lines of one cell
        if any(cells):
            rows.append(cells)
    return rows_as_lines(rows)
