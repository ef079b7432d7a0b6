"""Render a Note to Markdown, DOCX (python-docx) and PDF (fpdf2 with DejaVu, for accents)."""

from __future__ import annotations

import io
from pathlib import Path

from assistant.text.typography import title_case
from assistant.briefing.chart import status_chart_png
from assistant.briefing.model import Note
from assistant.briefing.typography import date_words, french_spacing

FORMATS = ("md", "docx", "pdf")
EMPTY_SECTION = "(rien sur ce sujet dans les documents indexés)"


def source_line(source) -> str:
    where = source.page_text
    # a note is a document of its own: its sources' titles are written whole, not cut as in a chat line
    parts = [f"« {title_case(source.document)} »", source.file, where, source.section]
    head = ", ".join(p for p in parts if p)
    return french_spacing(f"{head} — « {source.excerpt} »")


def header_lines(note: Note) -> list[str]:
    lines = [f"Date de la note : {note.written_on}"]
    lines.append(f"Données : {date_words(note.as_of)}" if note.as_of else "Données : date non indiquée dans les documents")
    return [french_spacing(line) for line in lines]


def title_line(note: Note) -> str:
    return french_spacing(f"{note.title} — {note.subject}")


def item_line(item) -> str:
    return french_spacing(item.cited)


def to_markdown(note: Note) -> str:
    out = [f"# {title_line(note)}", ""]
    out += [f"*{line}*  " for line in header_lines(note)] + [""]
    for section in note.sections:
        out += [f"## {section.title}", ""]
        if section.prose:
            out += [french_spacing(section.prose), ""]
        out += [f"- {item_line(item)}" for item in section.items] or [f"- {EMPTY_SECTION}"]
        out.append("")
    out += ["## Sources", ""]
    # « [10] … » lines, not an ordered list: a list's numbers sit in the left margin, where
    # previews cut the first digit of 10-19; two trailing spaces break the line
    out += [f"[{s.n}] {source_line(s)}  " for s in note.sources]
    return "\n".join(out) + "\n"


def to_docx(note: Note) -> bytes:
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.core_properties.title = title_line(note)
    document.core_properties.language = "fr-FR"
    document.add_heading(title_line(note), level=0)
    for line in header_lines(note):
        document.add_paragraph(line).runs[0].italic = True
    for section in note.sections:
        document.add_heading(section.title, level=1)
        if section.prose:
            document.add_paragraph(french_spacing(section.prose))
        for item in section.items:
            document.add_paragraph(item_line(item), style="List Bullet")
        if not section.items:
            document.add_paragraph(EMPTY_SECTION, style="List Bullet")
        if section.title == "Éléments clés" and note.stats:
            document.add_picture(io.BytesIO(status_chart_png(note.stats, note.as_of)), width=Cm(15))
    document.add_heading("Sources", level=1)
    for s in note.sources:
        paragraph = document.add_paragraph()  # the « [n] » is the number: no list numbering beside it
        paragraph.add_run(f"[{s.n}] ").bold = True
        run = paragraph.add_run(source_line(s))
        run.font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _font_path() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def to_pdf(note: Note) -> bytes:
    from fpdf import FPDF

    fonts = _font_path()
    pdf = FPDF(format="A4")
    pdf.set_title(title_line(note))
    pdf.set_lang("fr")
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DejaVu", "I", str(fonts / "DejaVuSans-Oblique.ttf"))
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def block(text: str, size: int = 10, style: str = "", indent: float = 0.0, gap: float = 1.5) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.5, text, new_x="LMARGIN", new_y="NEXT", align="L")
        pdf.ln(gap)

    block(title_line(note), size=16, style="B", gap=2)
    for line in header_lines(note):
        block(line, size=9, style="I", gap=0.5)
    pdf.ln(3)
    for section in note.sections:
        block(section.title, size=13, style="B", gap=1)
        if section.prose:
            block(french_spacing(section.prose))
        for item in section.items:
            block(f"• {item_line(item)}", indent=4)
        if not section.items:
            block(f"• {EMPTY_SECTION}", indent=4)
        if section.title == "Éléments clés" and note.stats:
            pdf.image(io.BytesIO(status_chart_png(note.stats, note.as_of)), w=min(width, 150))
            pdf.ln(2)
        pdf.ln(2)
    block("Sources", size=13, style="B", gap=1)
    for s in note.sources:
        block(f"[{s.n}] {source_line(s)}", size=8, indent=2, gap=1)
    return bytes(pdf.output())


def render(note: Note, fmt: str) -> bytes:
    if fmt == "md":
        return to_markdown(note).encode("utf-8")
    if fmt == "docx":
        return to_docx(note)
    if fmt == "pdf":
        return to_pdf(note)
    raise ValueError(f"format inconnu : {fmt} (attendu : {', '.join(FORMATS)})")
