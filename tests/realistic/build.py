"""Deterministic generator of the realistic multi-document test corpus.

    build_realistic_corpus(dest) -> list of the written files

Every document is fictional test material written in French (see README.md). The build uses no
randomness and no clock: PDF creation dates, DOCX/XLSX core properties and ZIP entry times are
fixed, so two builds give byte-identical files (the slide deck comes from ``tests/renderings.py``,
written separately).

Run as a script to build into a folder and refresh ``manifest.json``:

    .venv/bin/python tests/realistic/build.py [DEST]   (DEST defaults to a new temporary folder)
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parents[1]
if str(TESTS_DIR) not in sys.path:  # when run as a script
    sys.path.insert(0, str(TESTS_DIR))

from realistic.content import copil_scan, etude_territoire, pacte_val_ornelle, registre, srdeii, zones  # noqa: E402
from realistic.report_pdf import ReportStyle, font_dir, render_report, wrap_words  # noqa: E402

HERE = Path(__file__).resolve().parent
CONTENT_DIR = HERE / "content"
MANIFEST = HERE / "manifest.json"

HOME = "PETR Cœur de Lorraine"
OTHER = "PETR du Val d'Ornelle"
REGION = "Région Grand Est"

SLIDES = "evaluation-poce-2017-2021-petr-coeur-de-lorraine.pdf"
STRATEGY = "srdeii-grand-est-version-de-travail.pdf"
OTHER_PACT = "evaluation-poce-2018-2022-petr-val-d-ornelle.docx"
STUDY = "etude-socio-economique-petr-coeur-de-lorraine.pdf"
REGISTER = "registre-actions.xlsx"
ZONES = "zones-activites.xlsx"
SCAN = "compte-rendu-copil-scan.pdf"
PRESS = "communique-presse-ptrte-coeur-de-lorraine.md"

# name -> (kind, territory, one-line description); the order is the build order
DOCUMENTS: dict[str, tuple[str, str, str]] = {
    SLIDES: ("slides_pdf", HOME, "Diaporama d'évaluation du POCE 2017-2021 du PETR Cœur de Lorraine (janvier 2022)."),
    STRATEGY: (
        "report_pdf",
        REGION,
        "SRDEII Grand Est 2023-2028, version de travail d'octobre 2022 : diagnostic, bilan des POCE, "
        "5 orientations, 13 objectifs, budget, gouvernance.",
    ),
    OTHER_PACT: (
        "docx",
        OTHER,
        "Évaluation du POCE 2018-2022 d'un autre territoire (fictif) : 4 axes, 26 actions, "
        "54 % / 31 % / 15 %, indicateurs cible/réalisé.",
    ),
    STUDY: (
        "report_pdf",
        HOME,
        "Étude socio-économique du territoire (septembre 2022) : population, emploi par CC et par "
        "secteur, navettes, foncier, capacité touristique.",
    ),
    REGISTER: (
        "xlsx",
        HOME,
        "Registre des 30 actions du POCE (axe, objectif, statut, responsable, date de mise à jour 2023-2024).",
    ),
    ZONES: ("xlsx", HOME, "Tableau des 11 zones d'activités du PETR (surfaces totale et disponible, entreprises)."),
    SCAN: ("scan_pdf", HOME, "Scan sans couche texte du compte rendu du comité de pilotage du POCE du 30 septembre 2020."),
    PRESS: ("md", HOME, "Communiqué de presse du 23 juin 2022 sur la signature du PTRTE qui prend la suite du POCE."),
}


# --------------------------------------------------------------------------- helpers
def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


def normalize_zip(path: Path, when: datetime) -> None:
    """Rewrite an OOXML package with fixed entry times (python-docx/openpyxl stamp the clock).

    ``modified`` in the core properties is set to ``when`` too; ``created`` is kept as set.
    """
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name, blob in entries:
            if name == "docProps/core.xml":  # openpyxl stamps « modified » with the clock on save
                text = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rf"\g<1>{stamp}\g<2>", blob.decode("utf-8"))
                blob = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            out.writestr(info, blob)


# --------------------------------------------------------------------------- PDF reports
def build_strategy(dest: Path) -> Path:
    style = ReportStyle(srdeii.SHORT_TITLE, srdeii.HEADER_RIGHT, toc_depth=3, toc_pages=2)
    return render_report(
        dest / STRATEGY,
        style=style,
        cover=srdeii.COVER,
        blocks=srdeii.BLOCKS,
        creation_date=utc(2022, 10, 14, 9, 30),
        title=srdeii.PDF_TITLE,
        author="Région Grand Est — Direction du développement économique et de l'innovation",
        subject="Schéma régional de développement économique — version de travail",
    )


def build_study(dest: Path) -> Path:
    style = ReportStyle(
        etude_territoire.SHORT_TITLE, etude_territoire.HEADER_RIGHT, accent=(0, 104, 71), toc_depth=2, toc_pages=1,
        h1_new_page=False,
    )
    return render_report(
        dest / STUDY,
        style=style,
        cover=etude_territoire.COVER,
        blocks=etude_territoire.BLOCKS,
        creation_date=utc(2022, 9, 26, 8, 0),
        title=etude_territoire.PDF_TITLE,
        author="PETR Cœur de Lorraine — service développement économique",
        subject="Portrait statistique du territoire",
    )


# --------------------------------------------------------------------------- DOCX
def _add_page_number(paragraph) -> None:
    """A PAGE field, as Word writes it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def build_other_pact(dest: Path) -> Path:
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    section = doc.sections[0]
    section.header.paragraphs[0].text = pacte_val_ornelle.HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _add_page_number(footer)

    for block in pacte_val_ornelle.BLOCKS:
        kind = block[0]
        if kind == "title":
            doc.add_paragraph(block[1], style="Title")
        elif kind == "subtitle":
            doc.add_paragraph(block[1], style="Subtitle")
        elif kind == "h1":
            doc.add_heading(block[1], level=1)
        elif kind == "h2":
            doc.add_heading(block[1], level=2)
        elif kind == "p":
            doc.add_paragraph(block[1])
        elif kind == "ul":
            for item in block[1]:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            _, caption, headers, rows = block
            cap = doc.add_paragraph(style="Caption")
            cap.add_run(caption)
            table = doc.add_table(rows=1, cols=len(headers))
            table.style = "Light Grid Accent 1"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, text in zip(table.rows[0].cells, headers):
                cell.text = text
            for values in rows:
                cells = table.add_row().cells
                for cell, text in zip(cells, values):
                    cell.text = text
                if values[0] == "Total":
                    for cell in cells:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            doc.add_paragraph()
        elif kind == "pagebreak":
            doc.add_page_break()
        else:
            raise ValueError(kind)
    note = doc.add_paragraph()
    run = note.add_run("Document établi par le chargé de mission économie du PETR du Val d'Ornelle — mars 2023.")
    run.italic = True
    run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)

    props = doc.core_properties
    props.author = "PETR du Val d'Ornelle"
    props.last_modified_by = "Chargé de mission économie"
    props.title = f"{pacte_val_ornelle.TITLE} — {pacte_val_ornelle.TERRITORY}"
    props.subject = "Bilan du pacte signé avec la Région Grand Est"
    props.keywords = "POCE; évaluation; Val d'Ornelle"
    props.language = "fr-FR"
    props.revision = 3
    props.created = datetime(2023, 3, 1, 9, 0)
    props.modified = datetime(2023, 3, 15, 17, 45)
    path = dest / OTHER_PACT
    doc.save(path)
    normalize_zip(path, utc(2023, 3, 15, 17, 45))
    return path


# --------------------------------------------------------------------------- XLSX
def _workbook(title: str, when: datetime):
    from openpyxl import Workbook

    wb = Workbook()
    wb.properties.creator = HOME
    wb.properties.lastModifiedBy = "Service développement économique"
    wb.properties.title = title
    wb.properties.created = when.replace(tzinfo=None)
    wb.properties.modified = when.replace(tzinfo=None)
    return wb


def _style_header(ws, widths: list[float]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"


def build_register(dest: Path) -> Path:
    when = utc(2024, 11, 18, 16, 0)
    wb = _workbook("Registre des actions du POCE — PETR Cœur de Lorraine", when)
    ws = wb.active
    ws.title = "Registre"
    ws.append(registre.HEADERS)
    for action, axis, objective, status, owner, updated in registre.ACTIONS:
        ws.append([action, axis, objective, status, owner, updated])
        ws.cell(row=ws.max_row, column=6).number_format = "DD/MM/YYYY"
    _style_header(ws, [70, 6, 60, 14, 34, 18])
    ws.auto_filter.ref = f"A1:F{ws.max_row}"
    path = dest / REGISTER
    wb.save(path)
    normalize_zip(path, when)
    return path


def build_zones(dest: Path) -> Path:
    when = utc(2024, 3, 15, 10, 0)
    wb = _workbook("Zones d'activités du PETR Cœur de Lorraine", when)
    ws = wb.active
    ws.title = "Zones d'activités"
    ws.append(zones.HEADERS)
    for row in zones.ZONES:
        ws.append(list(row))
    ws.append(["Total", None, None, zones.TOTAL_HA, zones.AVAILABLE_HA, zones.COMPANIES])
    from openpyxl.styles import Font

    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=5):
        for cell in row:
            cell.number_format = "0.0"
    _style_header(ws, [34, 28, 30, 18, 20, 20])
    notes = wb.create_sheet("Notes")
    notes.append(["Rubrique", "Précision"])
    for row in zones.NOTES:
        notes.append(list(row))
    _style_header(notes, [24, 90])
    path = dest / ZONES
    wb.save(path)
    normalize_zip(path, when)
    return path


# --------------------------------------------------------------------------- scan
def _scan_image():
    """An A4 page at 200 dpi: greyish paper, text in a large font, a slight rotation."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 1654, 2339  # A4 at 200 dpi
    page = Image.new("L", (width, height), 236)
    draw = ImageDraw.Draw(page)
    # faint paper texture: deterministic diagonal streaks, as left by a worn scanner glass
    for x in range(-height, width, 97):
        draw.line([(x, 0), (x + height, height)], fill=231, width=2)
    regular = ImageFont.truetype(str(font_dir() / "DejaVuSans.ttf"), 34)
    bold = ImageFont.truetype(str(font_dir() / "DejaVuSans-Bold.ttf"), 36)
    big = ImageFont.truetype(str(font_dir() / "DejaVuSans-Bold.ttf"), 44)
    ink = 28
    left, y = 130, 170
    draw.text((left, y), copil_scan.HEADER, font=big, fill=ink)
    y += 80
    draw.text((left, y), copil_scan.TITLE, font=bold, fill=ink)
    y += 62
    draw.text((left, y), copil_scan.SUBTITLE, font=bold, fill=ink)
    y += 60
    draw.line([(left, y), (width - left, y)], fill=ink, width=3)
    y += 50
    max_width = width - 2 * left
    for label, text in copil_scan.LINES:
        lines = wrap_words(f"{label} : {text}", max_width, lambda s: draw.textlength(s, font=regular))
        for index, line in enumerate(lines):
            draw.text((left + (40 if index else 0), y), line, font=regular, fill=ink)
            y += 50
        y += 22
    y += 60
    draw.text((width - left - draw.textlength(copil_scan.SIGNATURE, font=regular), y),
              copil_scan.SIGNATURE, font=regular, fill=ink)
    page = page.rotate(0.5, resample=Image.BICUBIC, expand=False, fillcolor=236)
    return page


def build_scan(dest: Path) -> Path:
    from fpdf import FPDF

    image = _scan_image()
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_creation_date(utc(2020, 10, 5, 11, 12))
    pdf.set_creator("Numériseur de documents")
    pdf.set_margin(0)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.image(image, x=0, y=0, w=210, h=297)
    path = dest / SCAN
    pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- text note
def build_press_release(dest: Path) -> Path:
    path = dest / PRESS
    shutil.copyfile(CONTENT_DIR / PRESS, path)
    return path


# --------------------------------------------------------------------------- entry point
def build_realistic_corpus(dest: Path, *, slides: bool = True) -> list[Path]:
    """Write every document of the corpus into ``dest`` (created if needed).

    ``slides=False`` leaves out the slide deck, for a checkout where ``tests/renderings.py``
    is not there yet.
    """
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if slides:
        from renderings import render_poce_slides_pdf

        written.append(render_poce_slides_pdf(dest / SLIDES))
    written.append(build_strategy(dest))
    written.append(build_other_pact(dest))
    written.append(build_study(dest))
    written.append(build_register(dest))
    written.append(build_zones(dest))
    written.append(build_scan(dest))
    written.append(build_press_release(dest))
    return written


# --------------------------------------------------------------------------- manifest
def describe(path: Path) -> dict:
    """One manifest entry, with the size measured on the generated file."""
    kind, territory, description = DOCUMENTS[path.name]
    entry: dict = {"name": path.name, "kind": kind, "pages": None}
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        entry["pages"] = len(PdfReader(str(path)).pages)
    elif path.suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        entry["sheets"] = {ws.title: ws.max_row for ws in wb.worksheets}  # rows, header included
        wb.close()
    elif path.suffix == ".docx":
        from docx import Document

        doc = Document(str(path))
        entry["tables"] = len(doc.tables)
        entry["headings"] = sum(p.style.name.startswith("Heading") for p in doc.paragraphs)
    elif path.suffix == ".md":
        entry["lines"] = len(path.read_text(encoding="utf-8").splitlines())
    entry["territory"] = territory
    entry["description"] = description
    return entry


def write_manifest(paths: list[Path], manifest: Path = MANIFEST) -> dict:
    data = {
        "note": "Corpus de test fictif généré par tests/realistic/build.py ; « pages » est null "
        "pour les formats non paginés (DOCX, XLSX, Markdown).",
        "documents": [describe(p) for p in paths],
    }
    manifest.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return data


def main(argv: list[str]) -> int:
    dest = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="realistic-corpus-"))
    try:
        import renderings  # noqa: F401

        slides = True
    except ImportError:
        print("tests/renderings.py is missing: the slide deck is left out", file=sys.stderr)
        slides = False
    paths = build_realistic_corpus(dest, slides=slides)
    write_manifest(paths)
    for entry in json.loads(MANIFEST.read_text(encoding="utf-8"))["documents"]:
        print(f"{entry['name']:<55} {entry['kind']:<11} pages={entry['pages']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
