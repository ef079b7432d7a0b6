"""Real PDFs for the tests, generated with fpdf2 (text, labels, encryption, image-only pages)."""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF


def unicode_font() -> Path:
    """DejaVu Sans as shipped by matplotlib, so that French accents and « œ » render."""
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"


def make_pdf(path: Path, pages: list[str], title: str | None = None) -> Path:
    """One PDF page per string; blank lines separate paragraphs."""
    pdf = FPDF()
    pdf.add_font("DejaVu", "", str(unicode_font()))
    pdf.set_font("DejaVu", size=11)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        for line in text.split("\n"):
            if line.strip():
                pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.ln(4)
    pdf.output(str(path))
    return path


def add_page_labels(path: Path, roman_pages: int) -> Path:
    """Label the first pages i, ii... and the rest 1, 2... (as printed in the document)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import PageLabelStyle

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    count = len(writer.pages)
    writer.set_page_label(0, roman_pages - 1, style=PageLabelStyle.LOWERCASE_ROMAN, start=1)
    writer.set_page_label(roman_pages, count - 1, style=PageLabelStyle.DECIMAL, start=1)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def encrypt_pdf(path: Path, user_password: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(path)))
    writer.encrypt(user_password=user_password, owner_password="proprietaire", algorithm="AES-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_image_only_pdf(path: Path, text: str = "Texte scanné") -> Path:
    """A page that is only a picture of text, like a scan (for OCR tests)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(unicode_font()), 40)
    y = 120
    for line in text.split("\n"):
        draw.text((100, y), line, fill="black", font=font)
        y += 60
    png = path.with_suffix(".png")
    img.save(png)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(png), x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    png.unlink()
    return path
