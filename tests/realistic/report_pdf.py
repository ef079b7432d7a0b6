"""A small report layout on top of fpdf2: cover, table of contents, running header and footer.

Content is a list of blocks (plain tuples), so that the long French texts live in
``content/`` and this module only knows about layout:

    ("h1", "2. Diagnostic")            level-1 heading, starts a new page, listed in the ToC
    ("h2", "2.1 Population et emploi") level-2 heading, listed in the ToC
    ("h3", "2.3.1 Les métropoles")     level-3 heading, listed in the ToC when ``toc_depth`` is 3
    ("p", "Long paragraph ...")        justified paragraph
    ("ul", ["item", ...])              bullet list
    ("table", Table(...))              table drawn with ``FPDF.table()``
    ("note", "Source : ...")           small italic line (sources under tables, remarks)
    ("box", "Texte encadré")           framed paragraph on a light background
    ("pagebreak",)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Sequence

from fpdf import FPDF
from fpdf.fonts import FontFace

FONT = "DejaVu"


def font_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


@dataclass(frozen=True)
class Table:
    caption: str
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    col_widths: Sequence[float] | None = None
    # alignment per column: "L", "C" or "R"; defaults to left for the first column, right otherwise
    align: Sequence[str] | None = None
    # the last row is a total: printed in bold
    total_row: bool = False
    source: str | None = None
    font_size: float = 9.0


@dataclass
class ReportStyle:
    short_title: str  # running header, left
    header_right: str  # running header, right (date or version)
    accent: tuple[int, int, int] = (0, 70, 127)
    body_size: float = 10.5
    line_height: float = 5.4
    toc_depth: int = 2
    toc_pages: int = 1
    h1_new_page: bool = True  # level-1 headings start a new page
    extra: dict = field(default_factory=dict)


_GLUE_AFTER = ("%", "€", ";", ":", "!", "?", "»")
_THOUSANDS = re.compile(r"^\d{3}(?:[,.)]|\b)")


def _glued(previous: str, token: str) -> bool:
    """Whether ``token`` must stay on the same line as ``previous`` (French typography)."""
    if token.startswith(_GLUE_AFTER) or previous == "«" or previous.endswith("n°"):
        return True
    return bool(previous[-1:].isdigit() and _THOUSANDS.match(token) and len(token.rstrip(",.)")) == 3)


def wrap_words(text: str, width: float, measure) -> list[str]:
    """Greedy line filling on unbreakable groups of words."""
    groups: list[str] = []
    for token in text.split(" "):
        if groups and token and _glued(groups[-1].rsplit(" ", 1)[-1], token):
            groups[-1] += " " + token
        elif token:
            groups.append(token)
    lines: list[str] = []
    current = ""
    for group in groups:
        candidate = f"{current} {group}" if current else group
        if current and measure(candidate) > width - 0.5:
            lines.append(current)
            current = group
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


class ReportPDF(FPDF):
    """A4 portrait report: no header/footer on the cover, ``Page n / N`` everywhere else."""

    def __init__(self, style: ReportStyle, creation_date: datetime) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.style = style
        fonts = font_dir()
        self.add_font(FONT, "", str(fonts / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(fonts / "DejaVuSans-Bold.ttf"))
        self.add_font(FONT, "I", str(fonts / "DejaVuSans-Oblique.ttf"))
        self.add_font(FONT, "BI", str(fonts / "DejaVuSans-BoldOblique.ttf"))
        self.set_margins(22, 24, 22)
        self.set_auto_page_break(True, margin=22)
        self.set_creation_date(creation_date)
        self.set_font(FONT, size=style.body_size)

    # ------------------------------------------------------------------ running parts
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.set_xy(self.l_margin, 11)
        self.cell(self.epw / 2, 5, self.style.short_title, align="L")
        self.cell(self.epw / 2, 5, self.style.header_right, align="R")
        self.set_draw_color(*self.style.accent)
        self.set_line_width(0.3)
        self.line(self.l_margin, 17, self.w - self.r_margin, 17)
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", self.style.body_size)
        self.set_y(self.t_margin)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"Page {self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0, 0, 0)

    # ------------------------------------------------------------------ table of contents
    def render_toc(self, pdf: FPDF, outline: list) -> None:
        pdf.set_x(pdf.l_margin)
        pdf.set_font(FONT, "B", 15)
        pdf.set_text_color(*self.style.accent)
        pdf.cell(0, 10, "Sommaire", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.set_text_color(0, 0, 0)
        for section in outline:
            if section.level >= self.style.toc_depth:
                continue
            bold = section.level == 0
            pdf.set_font(FONT, "B" if bold else "", 10 if bold else 9.5)
            if bold:
                pdf.ln(1.5)
            indent = 7 * section.level
            page = str(section.page_number)
            x0 = pdf.l_margin + indent
            page_w = pdf.get_string_width(page) + 1
            name = section.name
            max_name = pdf.epw - indent - page_w - 12
            while pdf.get_string_width(name) > max_name:
                name = name[:-2].rstrip() + "…"
            name_w = pdf.get_string_width(name) + 1.5
            dot_w = pdf.get_string_width(".")
            dots_w = pdf.epw - indent - name_w - page_w
            dots = "." * max(3, int(dots_w / dot_w) - 1)
            pdf.set_x(x0)
            pdf.cell(name_w, 6.2, name, link=pdf.add_link(page=section.page_number))
            pdf.cell(dots_w, 6.2, dots, align="R")
            pdf.cell(page_w, 6.2, page, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", self.style.body_size)

    # ------------------------------------------------------------------ blocks
    def _keep_room(self, height: float) -> None:
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, kind: str, text: str) -> None:
        if kind == "h1":
            if self.style.h1_new_page and self.get_y() > self.t_margin + 1:
                self.add_page()
            else:
                self._keep_room(40)
                if self.get_y() > self.t_margin + 1:
                    self.ln(4)
            self.start_section(text, level=0)
            self.set_font(FONT, "B", 15)
            self.set_text_color(*self.style.accent)
            self.multi_cell(0, 8, text, align="L", new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(*self.style.accent)
            self.set_line_width(0.6)
            self.line(self.l_margin, self.get_y() + 1, self.l_margin + 40, self.get_y() + 1)
            self.ln(6)
        elif kind == "h2":
            self._keep_room(30)
            self.ln(2)
            self.start_section(text, level=1)
            self.set_font(FONT, "B", 12)
            self.set_text_color(*self.style.accent)
            self.multi_cell(0, 6.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(2)
        else:
            self._keep_room(25)
            self.ln(1)
            self.start_section(text, level=2)
            self.set_font(FONT, "B", 10.5)
            self.set_text_color(40, 40, 40)
            self.multi_cell(0, 6, text, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(1)
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", self.style.body_size)

    def wrapped(self, text: str, x: float, width: float) -> None:
        """Left-aligned lines, never breaking inside « 1 346 », before « % » or « ; »."""
        for line in wrap_words(text, width, self.get_string_width):
            self.set_x(x)
            self.cell(width, self.style.line_height, line, new_x="LMARGIN", new_y="NEXT")

    def paragraph(self, text: str) -> None:
        self.set_font(FONT, "", self.style.body_size)
        if text.endswith(":"):  # an introduction stays with the first lines of its list
            lines = len(wrap_words(text, self.epw, self.get_string_width))
            self._keep_room(self.style.line_height * (lines + 3))
        self.wrapped(text, self.l_margin, self.epw)
        self.ln(2.2)

    def bullets(self, items: Sequence[str]) -> None:
        self.set_font(FONT, "", self.style.body_size)
        for item in items:
            self._keep_room(self.style.line_height * 2)
            self.set_x(self.l_margin + 4)
            self.cell(5, self.style.line_height, "•")
            self.wrapped(item, self.l_margin + 9, self.epw - 9)
            self.ln(0.8)
        self.ln(1.6)

    def note(self, text: str) -> None:
        self.set_font(FONT, "I", 8.5)
        self.set_text_color(70, 70, 70)
        self.multi_cell(0, 4.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.set_font(FONT, "", self.style.body_size)
        self.ln(2.5)

    def box(self, text: str) -> None:
        self.set_font(FONT, "", self.style.body_size - 0.5)
        self.set_fill_color(232, 240, 248)
        self.set_draw_color(*self.style.accent)
        self._keep_room(25)
        self.multi_cell(0, self.style.line_height, text, border=1, fill=True, padding=3, align="L",
                        new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", self.style.body_size)
        self.ln(3)

    def table_block(self, table: Table) -> None:
        # keep tables of up to 16 rows on one page; longer ones break with repeated headings
        self._keep_room(16 + 6.5 * min(len(table.rows) + 1, 17))
        self.set_font(FONT, "B", 9.5)
        self.multi_cell(0, 5, table.caption, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1.5)
        self.set_font(FONT, "", table.font_size)
        ncols = len(table.headers)
        align = list(table.align or (["L"] + ["R"] * (ncols - 1)))
        heading = FontFace(
            emphasis="BOLD", color=(255, 255, 255), fill_color=self.style.accent, size_pt=table.font_size - 0.5
        )
        total = FontFace(emphasis="BOLD", fill_color=(225, 225, 225))
        self.set_draw_color(150, 150, 150)
        self.set_fill_color(236, 242, 248)  # striped rows use the current fill colour
        self.set_line_width(0.2)
        with self.table(
            col_widths=table.col_widths,
            text_align=align,
            headings_style=heading,
            line_height=4.8,
            padding=1.2,
            cell_fill_color=(236, 242, 248),
            cell_fill_mode="ROWS",
        ) as pdf_table:
            header = pdf_table.row()
            for text in table.headers:
                header.cell(text, align="C")
            for index, values in enumerate(table.rows):
                is_total = table.total_row and index == len(table.rows) - 1
                row = pdf_table.row()
                for text in values:
                    row.cell(str(text), style=total if is_total else None)
        self.set_font(FONT, "", self.style.body_size)
        self.ln(1.5)
        if table.source:
            self.note(table.source)
        else:
            self.ln(2.5)

    def render_blocks(self, blocks: Sequence[tuple]) -> None:
        for block in blocks:
            kind = block[0]
            if kind in ("h1", "h2", "h3"):
                self.heading(kind, block[1])
            elif kind == "p":
                self.paragraph(block[1])
            elif kind == "ul":
                self.bullets(block[1])
            elif kind == "table":
                self.table_block(block[1])
            elif kind == "note":
                self.note(block[1])
            elif kind == "box":
                self.box(block[1])
            elif kind == "pagebreak":
                self.add_page()
            else:
                raise ValueError(f"unknown block kind: {kind!r}")


def draw_cover(pdf: ReportPDF, cover: dict) -> None:
    """A sober cover: institution, coloured band with the title, status and lines below."""
    accent = pdf.style.accent
    pdf.add_page()
    pdf.set_font(FONT, "B", 13)
    pdf.set_text_color(*accent)
    pdf.set_xy(pdf.l_margin, 30)
    pdf.cell(0, 8, cover["institution"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_fill_color(*accent)
    pdf.rect(0, 70, pdf.w, 72, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(FONT, "B", 21)
    pdf.set_xy(pdf.l_margin, 80)
    for line in cover["title"]:
        pdf.cell(0, 11, line, new_x="LMARGIN", new_y="NEXT")
    if cover.get("subtitle"):
        pdf.set_font(FONT, "", 15)
        pdf.ln(2)
        pdf.cell(0, 9, cover["subtitle"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*accent)
    pdf.set_xy(pdf.l_margin, 160)
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 10, cover["status"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(40, 40, 40)
    pdf.set_font(FONT, "", 11.5)
    pdf.ln(3)
    for line in cover.get("lines", []):
        pdf.cell(0, 7.5, line, new_x="LMARGIN", new_y="NEXT")
    if cover.get("warning"):
        pdf.set_xy(pdf.l_margin, 262)
        pdf.set_font(FONT, "I", 9)
        pdf.set_text_color(120, 120, 120)
        pdf.cell(0, 6, cover["warning"], align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(FONT, "", pdf.style.body_size)


def render_report(
    path: Path,
    *,
    style: ReportStyle,
    cover: dict,
    blocks: Sequence[tuple],
    creation_date: datetime,
    title: str,
    author: str,
    subject: str = "",
    with_toc: bool = True,
) -> Path:
    pdf = ReportPDF(style, creation_date)
    pdf.set_title(title)
    pdf.set_author(author)
    if subject:
        pdf.set_subject(subject)
    pdf.set_creator("Traitement de texte")
    draw_cover(pdf, cover)
    pdf.add_page()
    if with_toc:
        pdf.insert_toc_placeholder(pdf.render_toc, pages=style.toc_pages)
    pdf.render_blocks(blocks)
    pdf.output(str(path))
    return path
