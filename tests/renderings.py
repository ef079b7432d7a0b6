"""The user's POCE evaluation (shipped as text) rendered as a slide deck PDF, a report PDF and a DOCX.

Every rendering carries the same wording as ``corpus/evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt``,
odd dates included. The renderers record the page on which each fact lands, so the golden file
``tests/renderings_expected.json`` is computed from them (``python tests/renderings.py`` rewrites it).
Everything is deterministic: fixed creation dates, no randomness, zip entries with a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from fpdf import FPDF

from pdf_factory import unicode_font

ROOT = Path(__file__).resolve().parents[1]
POCE_TEXT_PATH = ROOT / "corpus" / "evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt"
EXPECTED_PATH = Path(__file__).resolve().parent / "renderings_expected.json"
CREATED = dt.datetime(2022, 1, 17, 9, 0, 0, tzinfo=dt.timezone.utc)

# --- the document's content, worded as in the shipped text ------------------------------------
COVER = ["EVALUATION POCE", "(PACTE OFFENSIVE CROISSANCE EMPLOI)", "2017/2021", "PETR CŒUR DE LORRAINE"]
AS_OF = "Janvier 2022"
CONVENTION = "Conventionnement : 31 / 12 / 2021"
# « ** » marks the words the deck sets in bold
CONTEXT_LEAD = ("Le POCE se base sur **les besoins et initiatives du territoire** en fonction de ses spécificités, "
                "ses atouts et potentiels. Il obéit à une double finalité :")
CONTEXT_AIMS = [
    "il constitue **le lieu privilégié de dialogue, de co-construction et de coopération** entre le PETR, et la Région ;",
    "il identifie **des actions structurantes en termes de développement économique et d'innovation** qui vont être "
    "décisives pour l'avenir du territoire concerné et l'atteinte des objectifs définis dans le SRDEII.",
]
PARTNERS_LEAD = "A l'écoute des besoins des entreprises, la Région et le PETR Coeur de Lorraine œuvrent de concert pour :"
PARTNERS_AIMS = [
    "assurer en matière d'économie et d'innovation la convergence et la complémentarité entre les actions de la Région "
    "et celles du PETR, partenaire privilégié de la Région, et réaffirmer le rôle des EPCI dans leurs responsabilités "
    "en matière de foncier disponible et d'immobilier ;",
    "partager les informations et rendre compte aux territoires des aides régionales aux entreprises et actions collectives ;",
    "susciter ensemble sur le territoire une dynamique de bonnes pratiques et un suivi interentreprises (clusters, projets "
    "d'écologie industrielle territoriale, Pôle territorial de coopération économique...), en partenariat avec les autres "
    "intervenants dont les agences de développement économique.",
    "D'engager une homogénéisation des dispositifs d'accompagnement des entreprises à l'échelle du PETR en articulation "
    "avec les dispositifs régionaux, sous couvert d'autorisations de financement avec la Région.",
]
STRATEGY_TITLE = "STRATEGIE DEPLOYEE DANS LE POCE CŒUR DE LORRAINE"
STRATEGY_SUBTITLE = "POCE PETR CŒUR DE LORRAINE"
PETR = "PETR Cœur de Lorraine"
MEMBERS = ["CC Côtes de Meuse en Woëvre", "CC de l'Aire à l'Argonne", "CC du Sammiellois", "CC Fresnes en Woëvre"]
EMERGENCE = ("Emergence d'une stratégie de territoire :", "dynamiser l'économie du territoire")
INPUTS = [("Projet de territoire : Pré-diag Etude Scalen", None), ("Etude diagnostic Fisac PETR", None),
          ("Projet de territoire PETR", None), ("SRDEII", None), ("Analyse socio-économique OP Conseil", "En cours")]
AXES_TITLE = "3 AXES"
AXES = [
    (1, "ACCUEILLIR ET DEVELOPPER DE NOUVELLES ACTIVITES ECONOMIQUES",
     ["Insuffler une nouvelle dynamique d'animation économique et d'accueil d'équipements structurants",
      "Favoriser le développement des circuits de proximité"]),
    (2, "SOUTENIR LE MAINTIEN ET LE DEVELOPPEMENT DES ENTREPRISES EXISTANTES",
     ["Mettre en œuvre une stratégie d'anticipation et d'accompagnement des mutations économiques",
      "Encourager la structuration et la diversification des activités économiques locales",
      "Faciliter la modernisation des entreprises et la visibilité de leurs offres"]),
    (3, "SOUTENIR L'ECONOMIE TOURISTIQUE",
     ["Renforcer et exploiter les potentiels touristiques du territoire",
      "Promouvoir le territoire comme destination touristique, améliorer sa visibilité locale, régionale, européenne"]),
]
LABELS = ("Objectifs stratégiques", "Objectifs opérationnels")
INDICATORS = ("l'évaluation s'appuiera sur un certain nombre d'indicateurs à suivre (indicateurs d'impact et de résultat "
              "consolidés sur les aides accordées, sur l'avancement des opérations structurantes, sur la santé de "
              "l'économie locale...), en sus des indicateurs par opération (nombre d'entreprises accompagnées...).")
QUANT_TITLE = "Evaluation quantitative"
STATUS_SHARES = [("done", 67, "67% d'action réalisées"), ("in_progress", 20, "20% d'action en cours"),
                 ("not_done", 13, "13% d'action non réalisées")]
GOV_TITLE = "Evaluation de la gouvernance"
NEXT_TITLE = "Suite à donner"
NEXT_STEPS = ["PTRTE"]
CLOSING = "MERCI POUR VOTRE\nATTENTION"


@dataclass(frozen=True)
class Meeting:
    """One governance bullet: the body, its line as written, sub-items (« ▣ ») and the dates it holds."""

    body: str
    line: str
    subs: tuple[str, ...]
    dates: tuple[str, ...]

    @property
    def instance(self) -> str:
        return self.line.split(" : ")[0].rstrip(" :")

    @property
    def dates_text(self) -> str:
        return "\n".join(self.subs) if self.subs else self.line.split(" : ", 1)[1]


GOVERNANCE = [
    Meeting("Réseau entreprises", "Réseau entreprises : 01/04/2019", (), ("01/04/2019",)),
    Meeting("CTDC", "CTDC : 14/12/21 +\n15/06/2021+09/06/2020+06/04/202+3/12/2019+18/06/2019+ janvier.2019", (),
            ("14/12/21", "15/06/2021", "09/06/2020", "06/04/202", "3/12/2019", "18/06/2019", "janvier.2019")),
    Meeting("Réunion de réseau H3M", "Réunion de réseau H3M", ("07/09/2021",), ("07/09/2021",)),
    Meeting("Réunions au Réseau des développeurs", "Réunions au Réseau des développeurs :",
            ("28/09/21+05/10/2020+10/09/2019+22/01/2019 +\n12/12/2018+05/02/2019+14/01/2020+25/09/2018",),
            ("28/09/21", "05/10/2020", "10/09/2019", "22/01/2019", "12/12/2018", "05/02/2019", "14/01/2020", "25/09/2018")),
    Meeting("copils de suivi", "2 copils de suivi ont été réalisé :", ("Le 17/02/2020", "Le 30/09/2020"),
            ("17/02/2020", "30/09/2020")),
]

SLIDE_FOOTER = "PETR Cœur de Lorraine — Évaluation POCE 2017-2021 — p. {n}"
REPORT_HEADER = "Évaluation du POCE 2017-2021 — PETR Cœur de Lorraine"
REPORT_FOOTER = "Page {n}"


def plain(text: str) -> str:
    """The text without the bold markers."""
    return text.replace("**", "")


def iso_date(written: str) -> str | None:
    """ISO form of a complete « d/m/yyyy » or « d/m/yy » date; None when a part is missing."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", written)
    if not m:
        return None
    year = m.group(3) if len(m.group(3)) == 4 else "20" + m.group(3)
    return f"{year}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"


# --- PDF helpers ----------------------------------------------------------------------------
class MarkedPdf(FPDF):
    """A4 document in DejaVu whose pages record which facts they hold (subclasses draw header and footer)."""

    def __init__(self, orientation: str, *, title: str, author: str, created: dt.datetime = CREATED):
        super().__init__(orientation=orientation, format="A4")
        font_dir = unicode_font().parent
        self.add_font("DejaVu", "", str(font_dir / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(font_dir / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(font_dir / "DejaVuSans-Oblique.ttf"))
        self.set_creation_date(created)
        self.set_author(author)
        self.set_title(title)
        self.fact_pages: dict[str, int] = {}

    def mark(self, key: str) -> None:
        if key in self.fact_pages and self.fact_pages[key] != self.page_no():
            raise AssertionError(f"{key} spans pages {self.fact_pages[key]} and {self.page_no()}")
        self.fact_pages.setdefault(key, self.page_no())

    def keep(self, height: float) -> None:
        """Break the page first when a block of ``height`` mm would not fit on the rest of this one."""
        if self.will_page_break(height):
            self.add_page()

    def text_height(self, text: str, size: float, line_height: float, width: float, style: str = "") -> float:
        self.set_font("DejaVu", style, size)
        return self.multi_cell(width, line_height, text, markdown=True, dry_run=True, output="HEIGHT")

    def bullet_height(self, text: str, size: float, *, indent: float = 0, gap: float = 1.5) -> float:
        return self.text_height(text, size, size * 0.5, self.epw - indent - size * 0.45) + gap

    def bullet(self, text: str, size: float, *, indent: float = 0, mark: str = "•", gap: float = 1.5) -> None:
        self.set_font("DejaVu", "", size)
        self.set_x(self.l_margin + indent)
        self.cell(size * 0.45, size * 0.5, mark)
        self.multi_cell(0, size * 0.5, text, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)


class _Slides(MarkedPdf):
    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("DejaVu", "", 9)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, SLIDE_FOOTER.format(n=self.page_no()), align="R")
        self.set_text_color(0, 0, 0)

    def slide(self, title: str | None = None, *, kicker: str | None = None) -> None:
        self.add_page()
        self.set_fill_color(0, 84, 147)
        self.rect(0, 0, self.w, 6, style="F")
        self.set_y(14)
        if kicker:
            self.set_font("DejaVu", "B", 20)
            self.set_text_color(0, 130, 200)
            self.cell(0, 10, kicker, new_x="LMARGIN", new_y="NEXT")
        if title:
            self.set_font("DejaVu", "B", 30)
            self.set_text_color(0, 60, 110)
            self.multi_cell(0, 13, title, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(6)
        self.set_text_color(30, 30, 30)


def _render_slides(path: Path) -> dict[str, int]:
    pdf = _Slides("L", title="Evaluation POCE 2017/2021", author=PETR)
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(False)
    # 1. title slide
    pdf.add_page()
    pdf.set_y(45)
    for text, size in zip(COVER, (40, 20, 28, 24)):
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font("DejaVu", "", 18)
    pdf.cell(0, 10, AS_OF, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.mark("as_of")
    pdf.cell(0, 10, CONVENTION, align="C", new_x="LMARGIN", new_y="NEXT")
    # 2. context
    pdf.slide()
    pdf.set_y(20)
    for lead, aims in ((CONTEXT_LEAD, CONTEXT_AIMS), (PARTNERS_LEAD, PARTNERS_AIMS)):
        pdf.set_font("DejaVu", "", 15)
        pdf.multi_cell(0, 7.5, lead, markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for aim in aims:
            pdf.bullet(aim, 15, indent=6, mark="-", gap=2)
        pdf.ln(4)
    # 3. strategy: members on the left, the strategy in the middle, its inputs on the right
    pdf.slide(STRATEGY_TITLE)
    pdf.set_font("DejaVu", "B", 18)
    pdf.cell(0, 10, STRATEGY_SUBTITLE, align="C", new_x="LMARGIN", new_y="NEXT")
    top = pdf.get_y() + 4
    pdf.set_xy(15, top)
    pdf.set_font("DejaVu", "B", 15)
    pdf.cell(80, 8, PETR, new_x="LMARGIN", new_y="NEXT")
    for member in MEMBERS:
        pdf.bullet(member, 14, mark="-")
        pdf.mark(f"member:{member}")
    pdf.set_xy(105, top + 20)
    pdf.set_font("DejaVu", "B", 15)
    pdf.multi_cell(80, 8, "\n".join(EMERGENCE), align="C", new_x="LEFT", new_y="NEXT")
    pdf.set_left_margin(195)
    pdf.set_xy(195, top)
    for name, status in INPUTS:
        pdf.bullet(name, 13, mark="-", gap=0.5)
        pdf.mark(f"input:{name}")
        if status:
            pdf.set_font("DejaVu", "I", 13)
            pdf.cell(0, 7, status, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.set_left_margin(15)
    # 4. the three axes
    pdf.slide()
    pdf.set_y(80)
    pdf.set_font("DejaVu", "B", 60)
    pdf.cell(0, 30, AXES_TITLE, align="C")
    # 5-7. one slide per axis
    for number, title, objectives in AXES:
        pdf.slide(title, kicker=f"AXE {number}")
        pdf.mark(f"axis:{number}")
        for rank, objective in enumerate(objectives, start=1):
            pdf.bullet(objective, 20, gap=4)
            pdf.mark(f"objective:{number}.{rank}")
    # 8. the labels of the strategy tree and the indicators
    pdf.slide()
    pdf.set_font("DejaVu", "B", 22)
    pdf.set_fill_color(225, 236, 246)
    pdf.cell(125, 16, LABELS[0], align="C", fill=True)
    pdf.set_x(157)
    pdf.cell(125, 16, LABELS[1], align="C", fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(20)
    pdf.bullet(INDICATORS, 16, mark="-")
    # 9. status shares
    pdf.slide(QUANT_TITLE)
    for status, _value, written in STATUS_SHARES:
        pdf.bullet(written, 26, gap=6)
        pdf.mark(f"status:{status}")
    # 10. governance
    pdf.slide(GOV_TITLE)
    for meeting in GOVERNANCE:
        pdf.bullet(meeting.line, 15, mark="-", gap=0.5)
        for sub in meeting.subs:
            pdf.bullet(sub, 15, indent=10, mark="▣", gap=0.5)
        pdf.mark(f"governance:{meeting.body}")
        pdf.ln(2)
    # 11. next steps, 12. closing
    pdf.slide(NEXT_TITLE)
    for step in NEXT_STEPS:
        pdf.bullet(step, 26)
        pdf.mark(f"next_step:{step}")
    pdf.slide()
    pdf.set_y(70)
    pdf.set_font("DejaVu", "B", 40)
    pdf.multi_cell(0, 20, CLOSING, align="C")
    pdf.output(str(path))
    return pdf.fact_pages


class _Report(MarkedPdf):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(10)
        self.set_font("DejaVu", "", 9)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, REPORT_HEADER, align="L", new_x="LMARGIN", new_y="NEXT")
        self.line(self.l_margin, 16, self.w - self.r_margin, 16)
        self.set_text_color(0, 0, 0)
        self.set_y(24)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-14)
        self.set_font("DejaVu", "", 9)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, REPORT_FOOTER.format(n=self.page_no()), align="C")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: float = 16) -> None:
        # a heading keeps at least two lines of its text (12 mm) on its page
        self.keep(5 + self.text_height(text, size, size * 0.5, self.epw, "B") + 12)
        self.ln(3)
        self.set_font("DejaVu", "B", size)
        self.set_text_color(0, 60, 110)
        self.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(2)

    def paragraph(self, text: str, gap: float = 2) -> None:
        self.set_font("DejaVu", "", 11)
        self.multi_cell(0, 5.5, text, markdown=True, align="J", new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def item(self, text: str, *, indent: float = 4, mark: str = "•") -> None:
        self.keep(self.bullet_height(text, 11, indent=indent, gap=1))
        self.bullet(text, 11, indent=indent, mark=mark, gap=1)


def _render_report(path: Path) -> dict[str, int]:
    pdf = _Report("P", title="Evaluation POCE 2017/2021", author=PETR)
    pdf.set_margins(22, 24, 22)
    pdf.set_auto_page_break(True, margin=22)
    # cover
    pdf.add_page()
    pdf.set_fill_color(0, 84, 147)
    pdf.rect(0, 0, pdf.w, 12, style="F")
    pdf.set_y(80)
    for text, size in zip(COVER, (30, 15, 22, 20)):
        pdf.set_font("DejaVu", "B", size)
        pdf.multi_cell(0, size * 0.55, text, align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(5)
    pdf.ln(20)
    pdf.set_font("DejaVu", "", 14)
    pdf.cell(0, 8, AS_OF, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.mark("as_of")
    pdf.cell(0, 8, CONVENTION, align="C", new_x="LMARGIN", new_y="NEXT")
    # context, in two columns (prose only: no fact is read from this page)
    pdf.add_page()
    pdf.heading("Contexte")
    pdf.set_font("DejaVu", "", 11)
    with pdf.text_columns(ncols=2, gutter=8, text_align="J", line_height=1.25, balance=True) as cols:
        for lead, aims in ((CONTEXT_LEAD, CONTEXT_AIMS), (PARTNERS_LEAD, PARTNERS_AIMS)):
            with cols.paragraph(bottom_margin=2) as par:
                _write_marked(pdf, par, lead)
            for aim in aims:
                with cols.paragraph(indent=5, bullet_string="-", bottom_margin=2) as par:
                    _write_marked(pdf, par, aim)
    # strategy
    pdf.add_page()
    pdf.heading(STRATEGY_TITLE)
    pdf.heading(STRATEGY_SUBTITLE, 13)
    pdf.paragraph(f"**{PETR}**", gap=1)
    for member in MEMBERS:
        pdf.item(member)
        pdf.mark(f"member:{member}")
    pdf.ln(2)
    pdf.paragraph(f"**{EMERGENCE[0]} {EMERGENCE[1]}**", gap=1)
    for name, status in INPUTS:
        pdf.item(name)
        pdf.mark(f"input:{name}")
        if status:
            pdf.set_font("DejaVu", "I", 11)
            pdf.set_x(pdf.l_margin + 9)
            pdf.cell(0, 5.5, status, new_x="LMARGIN", new_y="NEXT")
            pdf.mark(f"input:{name}")
    # axes
    pdf.add_page()
    pdf.heading(AXES_TITLE)
    for number, title, objectives in AXES:
        pdf.heading(f"AXE {number} – {title}", 14)
        pdf.mark(f"axis:{number}")
        for rank, objective in enumerate(objectives, start=1):
            pdf.item(objective)
            pdf.mark(f"objective:{number}.{rank}")
    pdf.ln(3)
    pdf.paragraph(f"**{LABELS[0]}**\n**{LABELS[1]}**", gap=1)
    pdf.paragraph(INDICATORS)
    # evaluation
    pdf.add_page()
    pdf.heading(QUANT_TITLE)
    for status, _value, written in STATUS_SHARES:
        pdf.item(written)
        pdf.mark(f"status:{status}")
    pdf.heading(GOV_TITLE)
    for meeting in GOVERNANCE:
        pdf.keep(pdf.bullet_height(meeting.line, 11, indent=4, gap=0.5)
                 + sum(pdf.bullet_height(sub, 11, indent=12, gap=0.5) for sub in meeting.subs))
        pdf.bullet(meeting.line, 11, indent=4, gap=0.5)
        for sub in meeting.subs:
            pdf.bullet(sub, 11, indent=12, mark="▣", gap=0.5)
        pdf.mark(f"governance:{meeting.body}")
        pdf.ln(1.5)
    pdf.heading(NEXT_TITLE)
    for step in NEXT_STEPS:
        pdf.item(step)
        pdf.mark(f"next_step:{step}")
    pdf.ln(12)
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 8, CLOSING.replace("\n", " "), align="C")
    pdf.output(str(path))
    return pdf.fact_pages


def _write_marked(pdf: FPDF, paragraph, text: str) -> None:
    """Write « ** »-marked text into a text-column paragraph, switching to bold and back."""
    for i, part in enumerate(text.split("**")):
        pdf.set_font("DejaVu", "B" if i % 2 else "", 11)
        if part:
            paragraph.write(part)
    pdf.set_font("DejaVu", "", 11)


def render_poce_slides_pdf(path: Path) -> Path:
    """A4 landscape slide deck, one slide per page, footer on every slide after the first."""
    _render_slides(Path(path))
    return Path(path)


def render_poce_report_pdf(path: Path) -> Path:
    """A4 portrait report: cover, running header and « Page N » footer, one two-column page."""
    _render_report(Path(path))
    return Path(path)



# --- DOCX -------------------------------------------------------------------------------------
def fix_zip_times(path: Path, when: dt.datetime = CREATED) -> Path:
    """Rewrite a zip (DOCX) with one fixed timestamp on every entry, so that the bytes are reproducible."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)
    return path


def set_docx_properties(document, title: str, author: str, when: dt.datetime = CREATED) -> None:
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, author, author
    props.created = props.modified = when.replace(tzinfo=None)
    props.revision = 1


def add_page_field(paragraph) -> None:
    """A PAGE field, so that Word prints the page number in the footer."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))


def add_marked(paragraph, text: str) -> None:
    """Runs for « ** »-marked text, the marked parts in bold."""
    for i, part in enumerate(text.split("**")):
        if part:
            paragraph.add_run(part).bold = bool(i % 2)


def render_poce_docx(path: Path) -> Path:
    """Word document: Heading 1/2 titles, « List Bullet » items, the governance meetings as a table."""
    from docx import Document

    doc = Document()
    set_docx_properties(doc, "Evaluation POCE 2017/2021", PETR)
    section = doc.sections[0]
    section.header.paragraphs[0].text = REPORT_HEADER
    footer = section.footer.paragraphs[0]
    footer.text = f"{PETR} — {AS_OF} — Page "
    add_page_field(footer)

    doc.add_paragraph(COVER[0], style="Title")
    for line in (*COVER[1:], AS_OF, CONVENTION):
        doc.add_paragraph(line)
    doc.add_heading("Contexte", level=1)
    for lead, aims in ((CONTEXT_LEAD, CONTEXT_AIMS), (PARTNERS_LEAD, PARTNERS_AIMS)):
        add_marked(doc.add_paragraph(), lead)
        for aim in aims:
            add_marked(doc.add_paragraph(style="List Bullet"), aim)
    doc.add_heading(STRATEGY_TITLE, level=1)
    doc.add_heading(STRATEGY_SUBTITLE, level=2)
    doc.add_paragraph().add_run(PETR).bold = True
    for member in MEMBERS:
        doc.add_paragraph(member, style="List Bullet")
    doc.add_paragraph().add_run(f"{EMERGENCE[0]} {EMERGENCE[1]}").bold = True
    for name, status in INPUTS:
        doc.add_paragraph(name, style="List Bullet")
        if status:
            doc.add_paragraph(style="List Continue").add_run(status).italic = True
    doc.add_heading(AXES_TITLE, level=1)
    for number, title, objectives in AXES:
        doc.add_heading(f"AXE {number} – {title}", level=2)
        for objective in objectives:
            doc.add_paragraph(objective, style="List Bullet")
    labels = doc.add_paragraph()
    labels.add_run(LABELS[0]).bold = True
    labels.add_run().add_break()
    labels.add_run(LABELS[1]).bold = True
    doc.add_paragraph(INDICATORS)
    doc.add_heading(QUANT_TITLE, level=1)
    for _status, _value, written in STATUS_SHARES:
        doc.add_paragraph(written, style="List Bullet")
    doc.add_heading(GOV_TITLE, level=1)
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Instance", "Dates"
    for meeting in GOVERNANCE:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = meeting.instance, meeting.dates_text
    doc.add_heading(NEXT_TITLE, level=1)
    for step in NEXT_STEPS:
        doc.add_paragraph(step, style="List Bullet")
    doc.add_paragraph(CLOSING.replace("\n", " ")).runs[0].bold = True
    doc.save(str(path))
    return fix_zip_times(Path(path))


# --- the renderings and their golden facts ------------------------------------------------
def _copy_text(dest: Path) -> Path:
    return Path(shutil.copy(POCE_TEXT_PATH, Path(dest) / POCE_TEXT_PATH.name))


ALL_RENDERINGS: dict[str, Callable[[Path], Path]] = {
    "txt": _copy_text,
    "slides_pdf": lambda d: render_poce_slides_pdf(Path(d) / "evaluation-poce-diaporama.pdf"),
    "report_pdf": lambda d: render_poce_report_pdf(Path(d) / "evaluation-poce-rapport.pdf"),
    "docx": lambda d: render_poce_docx(Path(d) / "evaluation-poce.docx"),
}


def fact_pages() -> dict[str, dict[str, int]]:
    """Where each fact lands in the two PDFs, as the renderers placed it (plus the page counts)."""
    from pypdf import PdfReader

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, render in (("slides_pdf", _render_slides), ("report_pdf", _render_report)):
            pdf = Path(tmp) / f"{name}.pdf"
            out[name] = render(pdf)
            out[name]["page_count"] = len(PdfReader(str(pdf)).pages)
    return out


def expected_facts() -> dict:
    """The facts every rendering must yield, as the document states them, with their PDF pages."""
    pages = fact_pages()

    def where(key: str) -> dict[str, int]:
        return {name: pages[name][key] for name in ("slides_pdf", "report_pdf")}

    return {
        "source": str(POCE_TEXT_PATH.relative_to(ROOT)),
        "page_counts": {name: pages[name]["page_count"] for name in ("slides_pdf", "report_pdf")},
        "document": {"title": COVER[0], "expansion": COVER[1], "period": COVER[2], "territory": COVER[3],
                     "as_of": AS_OF, "convention": CONVENTION, "pages": where("as_of")},
        "status_shares": [{"status": status, "value": value, "written": written, "as_of": AS_OF,
                           "pages": where(f"status:{status}")} for status, value, written in STATUS_SHARES],
        "axes": [{"number": number, "title": title, "pages": where(f"axis:{number}"),
                  "objectives": [{"rank": rank, "text": text, "pages": where(f"objective:{number}.{rank}")}
                                 for rank, text in enumerate(objectives, start=1)]}
                 for number, title, objectives in AXES],
        "governance": [{"body": m.body, "written": m.line if not m.subs else m.line + "\n" + "\n".join(m.subs),
                        "dates": [{"written": d, "iso": iso_date(d), "incomplete": iso_date(d) is None} for d in m.dates],
                        "pages": where(f"governance:{m.body}")} for m in GOVERNANCE],
        "strategy_inputs": [{"name": name, "status": status, "pages": where(f"input:{name}")} for name, status in INPUTS],
        "next_steps": [{"text": step, "pages": where(f"next_step:{step}")} for step in NEXT_STEPS],
        "members": [{"name": member, "pages": where(f"member:{member}")} for member in MEMBERS],
    }


def write_expected(path: Path = EXPECTED_PATH) -> Path:
    path.write_text(json.dumps(expected_facts(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _check_wording() -> None:
    """Every phrase the renderers print is in the shipped text (the renderings add layout, not words)."""
    source = re.sub(r"\s+", " ", POCE_TEXT_PATH.read_text(encoding="utf-8").replace("**", ""))
    phrases = [*COVER, AS_OF, CONVENTION, plain(CONTEXT_LEAD), *map(plain, CONTEXT_AIMS), PARTNERS_LEAD,
               *PARTNERS_AIMS, STRATEGY_TITLE, STRATEGY_SUBTITLE, PETR, *MEMBERS, *EMERGENCE,
               *(n for n, _ in INPUTS), AXES_TITLE, *(t for _, t, _ in AXES), *(o for *_, objs in AXES for o in objs),
               *LABELS, INDICATORS, QUANT_TITLE, *(w for *_, w in STATUS_SHARES), GOV_TITLE, NEXT_TITLE, *NEXT_STEPS,
               *(m.line for m in GOVERNANCE), *(s for m in GOVERNANCE for s in m.subs), CLOSING]
    missing = [p for p in phrases if re.sub(r"\s+", " ", p) not in source]
    assert not missing, missing
    for m in GOVERNANCE:
        assert all(d in m.line + " ".join(m.subs) for d in m.dates), m


if __name__ == "__main__":
    _check_wording()
    print(write_expected())
