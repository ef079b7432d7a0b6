"""Document loaders: PDF (pypdf), DOCX (python-docx), Markdown and plain text, XLSX and CSV sheets.

Each loader returns a ``ParsedDocument`` made of pages whose text reads as the document reads:
page furniture removed, wrapped lines joined, tables one line per row with their column headers
(the rules are in ``assistant.parsing.layout`` and ``assistant.parsing.tables``). A PDF page's lines
and their positions come from ``assistant.parsing.pdf_lines``, a sheet's rows from
``assistant.parsing.sheets``. A file that cannot be read raises ``DocumentError`` with a short
French reason, so that ingestion can name it and go on.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.parsing.furniture import remove_furniture
from assistant.parsing.layout import PageBuilder, reflow_plain, vocabulary
from assistant.parsing.tables import rows_as_lines
from assistant.parsing.pdf_lines import TextLine, group_lines, mediabox_top, text_pieces
from assistant.parsing.sheets import SheetError, read_csv, read_workbook

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
REGISTER_SUFFIXES = {".csv", ".xlsx"}
SHEET_SUFFIXES = {".csv", ".xlsx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES

# Markdown emphasis (« **gras** », « __gras__ », « *italique* »): the words stay, the marks go.
EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


class DocumentError(Exception):
    """A document that cannot be ingested; ``reason`` is a short French sentence."""

    def __init__(self, file: str, reason: str):
        super().__init__(f"{file} : {reason}")
        self.file = file
        self.reason = reason


@dataclass
class Page:
    number: int  # physical page number, 1-based
    text: str
    label: str | None = None  # printed page label: the PDF's /PageLabels, else the number its furniture prints
    ocr: bool = False
    landscape: bool = False  # wider than high: a slide, in a deck
    headings: dict[str, int] = field(default_factory=dict)  # lines the layout shows as titles -> level


@dataclass
class ParsedDocument:
    path: Path
    kind: str
    pages: list[Page] = field(default_factory=list)
    metadata_title: str | None = None

    @property
    def text_chars(self) -> int:
        return sum(len(p.text.strip()) for p in self.pages)


def load_document(path: Path, ocr=None) -> ParsedDocument:
    """Parse one file by its extension; raises DocumentError with a French reason.

    ``ocr``: optional callable ``(pdf_path, page_number) -> text`` for pages without a text layer.
    """
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        doc = load_pdf(path)
        if ocr is not None:
            _ocr_empty_pages(doc, ocr)
    elif suffix in DOCX_SUFFIXES:
        doc = load_docx(path)
    elif suffix in TEXT_SUFFIXES:
        doc = load_text(path)
    elif suffix in SHEET_SUFFIXES:
        doc = load_sheet(path)
    else:
        raise DocumentError(path.name, f"format non pris en charge ({suffix or 'sans extension'})")
    if doc.text_chars == 0:
        if doc.kind == "pdf":
            raise DocumentError(path.name, "aucun texte extractible (PDF image ou scanné ; OCR non disponible ou sans résultat)")
        raise DocumentError(path.name, "document vide")
    return doc


# --- PDF ---------------------------------------------------------------------------------------
def load_pdf(path: Path) -> ParsedDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    name = path.name
    if path.stat().st_size == 0:
        raise DocumentError(name, "fichier PDF vide (0 octet)")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise DocumentError(name, "ce n'est pas un PDF (en-tête %PDF absent)")
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            # An owner-password-only PDF opens with an empty user password.
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # missing crypto backend or bad algorithm
                raise DocumentError(name, f"PDF chiffré illisible ({exc})") from exc
            if not ok:
                raise DocumentError(name, "PDF protégé par mot de passe")
        labels = _page_labels(reader)
        placed, landscape, fonts = [], [], {}
        for i, pdf_page in enumerate(reader.pages):
            placed.append(_pdf_page_lines(pdf_page, name, i + 1, fonts))
            landscape.append(_is_landscape(pdf_page))
        title = None
        try:
            meta = reader.metadata
            title = (meta.title or "").strip() if meta else None
        except Exception:
            title = None
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(name, f"PDF corrompu ou tronqué ({type(exc).__name__})") from exc
    except Exception as exc:  # pypdf raises a wide range of errors on damaged files
        raise DocumentError(name, f"PDF illisible ({type(exc).__name__}: {exc})") from exc
    if not placed:
        raise DocumentError(name, "PDF sans aucune page")
    built = PageBuilder(placed).build()
    pages = [
        Page(number=i + 1, text=_clean(b.text), label=labels[i] if labels else b.label,
             landscape=landscape[i], headings=b.headings)
        for i, b in enumerate(built)
    ]
    return ParsedDocument(path=path, kind="pdf", pages=pages, metadata_title=title or None)


def _is_landscape(pdf_page) -> bool:
    try:
        box = pdf_page.mediabox
        wide = float(box.width) > float(box.height)
        return wide != (int(pdf_page.rotation or 0) % 180 == 90)
    except Exception:
        return False


def _pdf_page_lines(pdf_page, name: str, number: int, fonts: dict | None = None) -> list[TextLine]:
    """The page's lines in reading (content-stream) order, each with its position and font.

    ``fonts`` caches font widths across the pages of one file.
    """
    try:
        pieces = text_pieces(pdf_page, fonts)
    except Exception as exc:  # a page whose positions cannot be read keeps its plain text
        logger.debug("%s page %d : positions illisibles (%s)", name, number, exc)
        try:
            text = pdf_page.extract_text() or ""
        except Exception as exc2:  # a single broken page must not lose the others
            logger.warning("%s page %d: extraction impossible (%s)", name, number, exc2)
            text = ""
        return [TextLine(ln) for ln in _clean(text).split("\n")]
    return group_lines(pieces, mediabox_top(pdf_page))


def _ocr_empty_pages(doc: ParsedDocument, ocr) -> None:
    for page in doc.pages:
        if page.text.strip():
            continue
        try:
            text = _clean(ocr(doc.path, page.number) or "")
        except Exception as exc:  # a page OCR cannot read stays empty, as before
            logger.warning("%s page %d : OCR impossible (%s)", doc.path.name, page.number, exc)
            continue
        if text.strip():
            page.text, page.ocr = text, True


def _page_labels(reader) -> list[str] | None:
    """Printed page labels, only when the PDF defines /PageLabels (else pypdf invents '1', '2'...)."""
    try:
        if "/PageLabels" not in reader.trailer["/Root"]:
            return None
        return list(reader.page_labels)
    except Exception:
        return None


# --- DOCX --------------------------------------------------------------------------------------
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
    texts = [re.sub(r"\n{3,}", "\n\n", _clean("\n".join(p))).strip("\n") for p in pages]
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


# --- text and Markdown -------------------------------------------------------------------------
def load_text(path: Path) -> ParsedDocument:
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise DocumentError(path.name, "fichier binaire, pas du texte")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(
            path.name, f"texte non UTF-8 (octet invalide en position {exc.start}) : réenregistrez-le en UTF-8"
        ) from exc
    kind = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    # Form feeds separate pages in text exported from PDFs or slide decks.
    parts = [_pipe_tables(_clean(strip_emphasis(part))) for part in text.split("\f")]
    labels: list[str | None] = [None] * len(parts)
    if len(parts) > 1:
        kept, labels = remove_furniture([[TextLine(ln) for ln in part.split("\n")] for part in parts])
        parts = ["\n".join(ln.text for ln in lines) for lines in kept]
    words = vocabulary(parts)
    pages = [Page(i + 1, reflow_plain(part, words), label=labels[i]) for i, part in enumerate(parts)]
    return ParsedDocument(path=path, kind=kind, pages=pages)


def _pipe_tables(text: str) -> str:
    """Markdown pipe tables (a header row, then « |---|---| ») -> one line per row with its headers."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        if (i + 1 < len(lines) and lines[i].lstrip().startswith("|")
                and re.fullmatch(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*", lines[i + 1])):
            rows = [_pipe_cells(lines[i])]
            j = i + 2
            while j < len(lines) and lines[j].lstrip().startswith("|"):
                rows.append(_pipe_cells(lines[j]))
                j += 1
            out.extend(["", *rows_as_lines(rows), ""])
            i = j
        else:
            out.append(lines[i])
            i += 1
    return "\n".join(out)


def _pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def strip_emphasis(text: str) -> str:
    """Markdown bold and italic marks removed, their words kept."""
    return EMPHASIS_RE.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)


# --- sheets ------------------------------------------------------------------------------------
def load_sheet(path: Path) -> ParsedDocument:
    """A workbook (one page per sheet) or a CSV file: one line per row, carrying the column headers."""
    try:
        sheets = read_workbook(path) if path.suffix.lower() == ".xlsx" else [(None, read_csv(path))]
    except SheetError as exc:
        raise DocumentError(path.name, exc.reason) from exc
    pages = []
    for i, (title, rows) in enumerate(sheets):
        lines = rows_as_lines(rows)
        if title is None:  # a CSV file: one page, its rows alone
            pages.append(Page(i + 1, "\n".join(lines)))
            continue
        text = "\n\n".join([title, "\n".join(lines)]) if lines else ""
        pages.append(Page(i + 1, text, headings={title: 1} if lines else {}))
    return ParsedDocument(path=path, kind="sheet", pages=pages)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))
