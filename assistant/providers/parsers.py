"""Document loaders: PDF (pypdf), DOCX (python-docx), Markdown and plain text.

Each loader returns a ``ParsedDocument`` made of pages; a file that cannot be read raises
``DocumentError`` with a short French reason, so that ingestion can name it and go on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
REGISTER_SUFFIXES = {".csv", ".xlsx"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES


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
    label: str | None = None  # printed page label when the PDF defines one
    ocr: bool = False


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
    else:
        raise DocumentError(path.name, f"format non pris en charge ({suffix or 'sans extension'})")
    if doc.text_chars == 0:
        if doc.kind == "pdf":
            raise DocumentError(path.name, "aucun texte extractible (PDF image ou scanné ; OCR non disponible ou sans résultat)")
        raise DocumentError(path.name, "document vide")
    return doc


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
        pages = []
        for i, pdf_page in enumerate(reader.pages):
            try:
                text = pdf_page.extract_text() or ""
            except Exception as exc:  # a single broken page must not lose the others
                logger.warning("%s page %d: extraction impossible (%s)", name, i + 1, exc)
                text = ""
            pages.append(Page(number=i + 1, text=_clean(text), label=labels[i] if labels else None))
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
    if not pages:
        raise DocumentError(name, "PDF sans aucune page")
    return ParsedDocument(path=path, kind="pdf", pages=pages, metadata_title=title or None)


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


def load_docx(path: Path) -> ParsedDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise DocumentError(path.name, "fichier Word (DOCX) corrompu ou illisible") from exc
    except Exception as exc:
        raise DocumentError(path.name, f"fichier Word illisible ({type(exc).__name__})") from exc
    lines: list[str] = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            lines.append("")
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        if style.startswith("heading") or style.startswith("titre") or style == "title":
            level = "".join(ch for ch in style if ch.isdigit()) or "1"
            lines.extend(["", "#" * int(level) + " " + text, ""])
        elif "list" in style:
            lines.append("- " + text)
        else:
            lines.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if any(cells):
                lines.append(" | ".join(cells))
    title = (document.core_properties.title or "").strip() or None
    return ParsedDocument(path=path, kind="docx", pages=[Page(1, _clean("\n".join(lines)))], metadata_title=title)


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
    pages = [Page(i + 1, _clean(part)) for i, part in enumerate(text.split("\f"))]
    return ParsedDocument(path=path, kind=kind, pages=pages)


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))
