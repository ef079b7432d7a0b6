"""Document loaders: PDF (pypdf), DOCX (python-docx), Markdown and plain text, XLSX and CSV sheets.

Each loader returns a ``ParsedDocument`` made of pages whose text reads as the document reads:
page furniture removed, wrapped lines joined, tables one line per row with their column headers
(the rules are in ``assistant.ingest.layout``). A file that cannot be read raises
``DocumentError`` with a short French reason, so that ingestion can name it and go on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.ingest.layout import PageBuilder, Run, TextLine, remove_furniture, reflow_plain, row_text, vocabulary

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
REGISTER_SUFFIXES = {".csv", ".xlsx"}
SHEET_SUFFIXES = {".csv", ".xlsx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES

# Markdown emphasis (« **gras** », « __gras__ », « *italique* »): the words stay, the marks go.
EMPHASIS_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)


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


@dataclass
class _Piece:
    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool


def _pdf_page_lines(pdf_page, name: str, number: int, fonts: dict | None = None) -> list[TextLine]:
    """The page's lines in reading (content-stream) order, each with its position and font.

    ``fonts`` caches font widths across the pages of one file.
    """
    pieces: list[_Piece] = []
    widths = fonts if fonts is not None else {}
    origin: list[tuple[float, float] | None] = [None]

    def visit(text, cm, tm, font_dict, font_size):
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        x_scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
        y_scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
        size = float(font_size or 0) * y_scale
        table, bold = _font_widths(font_dict, widths)
        for k, part in enumerate(text.split("\n")):
            if k:
                pieces.append(_Piece("\n", x, x, y, size, bold))
            if part.strip():
                # pypdf puts the space between two pieces at the start of the second, and widens the
                # gaps of justified lines with extra spaces: measure the words with single spaces.
                drawn = re.sub(r"\s+", " ", part.lstrip())
                width = sum(table.get(c, 0.5) for c in drawn) * float(font_size or 0) * x_scale
                last = next((p for p in reversed(pieces) if p.text != "\n"), None)
                if last is not None and origin[0] == (x, y):
                    # pypdf reports the origin of the text object, not the advance of each show
                    # operation: a piece from the same origin is drawn after the previous one.
                    start = last.x1 + (table.get(" ", 0.28) * float(font_size or 0) * x_scale if part[:1].isspace() else 0)
                    pieces.append(_Piece(part, start, start + width, last.y, size, bold))
                else:
                    pieces.append(_Piece(part, x, x + width, y, size, bold))
                origin[0] = (x, y)

    try:
        text = pdf_page.extract_text(visitor_text=visit) or ""
        if int(pdf_page.rotation or 0) % 360:
            raise ValueError("page tournée")  # positions are not in reading orientation
    except Exception as exc:  # a page whose positions cannot be read keeps its plain text
        logger.debug("%s page %d : positions illisibles (%s)", name, number, exc)
        try:
            text = pdf_page.extract_text() or ""
        except Exception as exc2:  # a single broken page must not lose the others
            logger.warning("%s page %d: extraction impossible (%s)", name, number, exc2)
            text = ""
        return [TextLine(ln) for ln in _clean(text).split("\n")]
    try:
        top = float(pdf_page.mediabox.top)
    except Exception:
        top = 842.0
    return _group_lines(pieces, top)


def _font_widths(font_dict, cache: dict) -> tuple[dict[str, float], bool]:
    """Glyph widths by character (in text space units per font size unit) and boldness of a font."""
    ref = getattr(font_dict, "indirect_reference", None)
    key = (ref.idnum, ref.generation) if ref is not None else ("page", id(font_dict))
    if key in cache and (ref is not None or cache[key][2] is font_dict):
        return cache[key][:2]
    base = str(font_dict.get("/BaseFont", "")) if font_dict is not None else ""
    table: dict[str, float] = {}
    try:
        # pypdf's font model (no public equivalent): character map and widths by character code.
        from pypdf.generic._font import Font

        font = Font.from_font_resource(font_dict)
        default = font.character_widths.get("default", 500)
        codes = font.character_map if isinstance(font.character_map, dict) else {}
        for code, char in codes.items():
            if isinstance(char, str) and len(char) == 1:
                table[char] = font.character_widths.get(code, default) / 1000
        if isinstance(font.encoding, dict):
            for code, char in font.encoding.items():
                if isinstance(char, str) and chr(code) in font.character_widths:
                    table.setdefault(char, font.character_widths[chr(code)] / 1000)
        table.setdefault(" ", font.space_width / 1000 if font.space_width else 0.28)
    except Exception:
        table = {}
    cache[key] = (table, bool(BOLD_FONT_RE.search(base)), font_dict)  # the dict kept alive: its id stays its own
    return cache[key][:2]


def _group_lines(pieces: list[_Piece], page_top: float) -> list[TextLine]:
    """Pieces in stream order -> lines: a piece on another baseline, or back to the left, starts a line."""
    groups: list[list[_Piece]] = []
    for piece in pieces:
        if piece.text == "\n":
            continue
        current = groups[-1] if groups else None
        same_line = current is not None and abs(piece.y - current[0].y) <= 0.45 * max(piece.size, current[0].size, 1)
        # back to the left on the same baseline: another text box drawn over the same height
        if current is None or not same_line or piece.x0 < max(p.x1 for p in current) - 1:
            groups.append([piece])
        else:
            current.append(piece)
    lines = []
    for group in groups:
        group.sort(key=lambda p: p.x0)
        size = max(p.size for p in group)
        chars = sum(len(p.text.strip()) for p in group) or 1
        bold = sum(len(p.text.strip()) for p in group if p.bold) / chars >= 0.8
        # Runs: pieces closer than half an em (a word space); farther apart, cells or separate boxes.
        runs = [Run(group[0].text, group[0].x0, group[0].x1, group[0].bold)]
        text = group[0].text
        for a, b in zip(group, group[1:]):
            # pieces drawn apart without a space between them (a bullet cell, then its text)
            apart = b.x0 - a.x1 > 0.3 * b.size and not (a.text[-1:].isspace() or b.text[:1].isspace())
            text += (" " if apart else "") + b.text
            if b.x0 - runs[-1].x1 < max(0.5 * b.size, 3.0):
                last = runs[-1]
                runs[-1] = Run(last.text + (" " if apart else "") + b.text, last.x0, max(last.x1, b.x1), last.bold and b.bold)
            else:
                runs.append(Run(b.text, b.x0, b.x1, b.bold))
        runs = [Run(re.sub(r"\s+", " ", r.text).strip(), r.x0, r.x1, r.bold) for r in runs]
        lines.append(TextLine(text, x0=group[0].x0, x1=max(p.x1 for p in group), top=page_top - group[0].y,
                              size=size, bold=bold, runs=runs))
    return lines


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
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(["", *_docx_table_lines(block), ""])
        else:
            lines.extend(_docx_paragraph_lines(block))
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
    numbered = ppr is not None and ppr.numPr is not None
    level = _docx_list_level(ppr, style)
    for k, chunk in enumerate("".join(parts).split(_PAGE_BREAK)):
        if k:
            out.append(_PAGE_BREAK)
        text = chunk.strip()
        if not text:
            if k == 0:
                out.append("")
            continue
        if style.startswith(("heading", "titre")) or style == "title":
            level = "".join(ch for ch in style if ch.isdigit()) or "1"
            out.extend(["", "#" * int(level) + " " + re.sub(r"\s*\n\s*", " ", text), ""])
        elif style.startswith("list continue"):
            out.append(re.sub(r"\s*\n\s*", " ", text))  # the rest of the list item above, no marker of its own
        elif (style.startswith("list") and style != "list paragraph") or numbered:
            out.append("  " * level + "- " + re.sub(r"\s*\n\s*", " ", text))
        else:
            out.extend(text.split("\n"))
    if ppr is not None and ppr.sectPr is not None:
        kind = ppr.sectPr.find(qn("w:type"))
        if kind is None or kind.get(qn("w:val")) in (None, "nextPage", "oddPage", "evenPage"):
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
    return _rows_as_lines(rows)


def _rows_as_lines(rows: list[list[str]]) -> list[str]:
    """Header row + body rows -> one line per row, separated by blank lines (one unit each)."""
    if not rows:
        return []
    if len(rows) == 1:
        return [" ; ".join(c for c in rows[0] if c)]
    header, out = rows[0], []
    for row in rows[1:]:
        text = row_text(header, row)
        if text:
            out.extend([text, ""])
    return out[:-1]


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
            out.extend(["", *_rows_as_lines(rows), ""])
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
    if path.suffix.lower() == ".xlsx":
        try:
            from openpyxl import load_workbook

            book = load_workbook(str(path), read_only=True, data_only=True)
            sheets = [(ws.title, [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)])
                      for ws in book.worksheets]
            book.close()
        except Exception as exc:
            raise DocumentError(path.name, f"classeur XLSX illisible ({type(exc).__name__})") from exc
        pages = []
        for i, (title, rows) in enumerate(sheets):
            rows = [r for r in rows if any(c for c in r)]
            lines = _rows_as_lines(rows)
            text = "\n\n".join([title, "\n".join(lines)]) if lines else ""
            pages.append(Page(i + 1, text, headings={title: 1} if lines else {}))
        return ParsedDocument(path=path, kind="sheet", pages=pages)
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise DocumentError(path.name, "CSV ni UTF-8 ni Windows-1252 : réenregistrez-le en UTF-8")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=";,\t|")
    except csv.Error:
        dialect = csv.excel
    rows = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    rows = [r for r in rows if any(r)]
    return ParsedDocument(path=path, kind="sheet", pages=[Page(1, "\n".join(_rows_as_lines(rows)))])


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y") if value.time() == dt.time(0) else value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return re.sub(r"\s+", " ", str(value)).strip()


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))
