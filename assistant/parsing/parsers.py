"""Document loaders: PDF (pypdf), DOCX (python-docx), Markdown and plain text, XLSX and CSV sheets.

Each loader returns a ``ParsedDocument`` made of pages whose text reads as the document reads:
page furniture removed, wrapped lines joined, tables one line per row with their column headers
(the rules are in ``assistant.parsing.layout`` and ``assistant.parsing.tables``). A PDF page's lines
and their positions come from ``assistant.parsing.pdf_lines``, a sheet's rows from
``assistant.parsing.sheets``. A file that cannot be read raises ``DocumentError`` with a short
French reason, so that ingestion can name it and go on. Word files are read in
``assistant.parsing.word``; the page and document types are in ``assistant.parsing.document``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from assistant.parsing.furniture import remove_furniture
from assistant.parsing.layout import PageBuilder, reflow_plain, vocabulary
from assistant.parsing.tables import rows_as_lines
from assistant.parsing.pdf_lines import TextLine, group_lines, mediabox_top, text_pieces
from assistant.parsing.sheets import SheetError, read_csv, read_workbook
from assistant.parsing.document import DocumentError, Page, ParsedDocument, clean_text
from assistant.parsing.word import load_docx

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
REGISTER_SUFFIXES = {".csv", ".xlsx"}
SHEET_SUFFIXES = {".csv", ".xlsx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES

# Markdown emphasis (« **gras** », « __gras__ », « *italique* »): the words stay, the marks go.
EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")


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
        Page(number=i + 1, text=clean_text(b.text), label=labels[i] if labels else b.label,
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
        return [TextLine(ln) for ln in clean_text(text).split("\n")]
    return group_lines(pieces, mediabox_top(pdf_page))


def _ocr_empty_pages(doc: ParsedDocument, ocr) -> None:
    for page in doc.pages:
        if page.text.strip():
            continue
        try:
            text = clean_text(ocr(doc.path, page.number) or "")
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


# --- text and Markdown -------------------------------------------------------------------------
BLOCKQUOTE_RE = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)


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
    if kind == "markdown":
        text = BLOCKQUOTE_RE.sub("", text)  # « > » quotes a paragraph; its words stay, the marks go
    parts = [_aligned_tables(_pipe_tables(clean_text(strip_emphasis(part)))) for part in text.split("\f")]
    labels: list[str | None] = [None] * len(parts)
    if len(parts) > 1:
        kept, labels = remove_furniture([[TextLine(ln) for ln in part.split("\n")] for part in parts])
        parts = ["\n".join(ln.text for ln in lines) for lines in kept]
    words = vocabulary(parts)
    pages = [Page(i + 1, reflow_plain(part, words), label=labels[i]) for i, part in enumerate(parts)]
    return ParsedDocument(path=path, kind=kind, pages=pages)


def _tables_as_rows(text: str, block) -> str:
    """Each table ``block(lines, i)`` finds at line i (its rows of cells and the line after it)
    written one line per row with its headers; the other lines as they are."""
    lines, out, i = text.split("\n"), [], 0
    while i < len(lines):
        found = block(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        out.extend(["", *rows_as_lines(rows), ""])
    return "\n".join(out)


def _pipe_tables(text: str) -> str:
    """Markdown pipe tables (a header row, then « |---|---| ») -> one line per row with its headers."""
    def block(lines: list[str], i: int):
        if not (i + 1 < len(lines) and lines[i].lstrip().startswith("|")
                and re.fullmatch(r"\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*", lines[i + 1])):
            return None
        j = i + 2
        while j < len(lines) and lines[j].lstrip().startswith("|"):
            j += 1
        return [_pipe_cells(ln) for ln in [lines[i], *lines[i + 2:j]]], j

    return _tables_as_rows(text, block)


def _aligned_tables(text: str) -> str:
    """Columns aligned with spaces in plain text (« Axe 1    6 400 000    5 120 000    80 % »): three
    lines or more cut into the same number of cells by runs of two spaces or more, most of them
    holding a figure, are a table: one line per row with its headers, as a PDF's table."""
    def block(lines: list[str], i: int):
        cells = _spaced_cells(lines[i])
        j = i + 1
        while cells and j < len(lines) and len(_spaced_cells(lines[j])) == len(cells):
            j += 1
        rows = [_spaced_cells(ln) for ln in lines[i:j]]
        figures = sum(bool(re.search(r"\d", " ".join(r[1:]))) for r in rows[1:])
        return (rows, j) if len(cells) >= 2 and len(rows) >= 3 and figures * 2 >= len(rows) - 1 else None

    return _tables_as_rows(text, block)


def _spaced_cells(line: str) -> list[str]:
    """The cells of a line cut by runs of two spaces or more; [] for a line with one cell."""
    cells = [c for c in re.split(r"\s{2,}|\t+", line.strip()) if c]
    return cells if len(cells) >= 2 else []


def _pipe_cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def strip_emphasis(text: str) -> str:
    """Markdown bold and italic marks removed, their words kept."""
    return EMPHASIS_RE.sub(lambda m: m.group(2) if m.group(2) is not None else m.group(3), text)


# --- sheets ------------------------------------------------------------------------------------
def load_sheet(path: Path) -> ParsedDocument:
    """A workbook (one page per sheet) or a CSV file: one line per row, carrying the column headers."""
    try:
        sheets = read_workbook(path) if path.suffix.lower() == ".xlsx" else [(None, [read_csv(path)])]
    except SheetError as exc:
        raise DocumentError(path.name, exc.reason) from exc
    pages = []
    for i, (title, tables) in enumerate(sheets):
        lines = [line for table in tables for line in (*rows_as_lines(table), "")][:-1]
        if title is None:  # a CSV file: one page, its rows alone
            pages.append(Page(i + 1, "\n".join(lines)))
            continue
        text = "\n\n".join([title, "\n".join(lines)]) if lines else ""
        pages.append(Page(i + 1, text, headings={title: 1} if lines else {}))
    return ParsedDocument(path=path, kind="sheet", pages=pages)
