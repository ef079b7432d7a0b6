"""Text reconstruction: page furniture, reflow, titles, tables and slide decks, on real files.

The PDFs are drawn here with fpdf2 (running headers and footers, justified paragraphs, bullets,
wrapped titles, ``FPDF.table()`` tables, landscape slides); the Word files with python-docx.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from assistant.answers.units import split_units
from assistant.parsing.furniture import remove_furniture
from assistant.parsing.layout import TextLine, join_hyphenated
from assistant.ingest.structure import is_slide_deck, split_sections
from assistant.knowledge.extract import FactExtractor
from assistant.parsing.parsers import load_document
from pdf_factory import unicode_font

LOREM = ("Le territoire compte de nombreuses entreprises artisanales dont la pérennité dépend de l'accès "
         "au foncier, de la transmission des savoir-faire et de la vitalité des bourgs-centres ; les "
         "communes de Saint-Mihiel et de Commercy portent des projets structurants pour l'économie locale. ")


def _pdf(orientation: str = "P") -> FPDF:
    pdf = FPDF(orientation=orientation)
    fonts = unicode_font().parent
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_font("DejaVu", size=11)
    return pdf


class _Report(FPDF):
    """A report with a running header and a « Page N / M » footer, as office suites print them."""

    def header(self) -> None:
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, "Stratégie économique régionale 2023-2028 — version de travail", align="R")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("DejaVu", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} / {{nb}}", align="C")


def _report(path: Path, pages: list[callable]) -> Path:
    pdf = _Report()
    fonts = unicode_font().parent
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    for draw in pages:
        pdf.add_page()
        pdf.set_font("DejaVu", "", 11)
        draw(pdf)
    pdf.output(str(path))
    return path


def _heading(pdf: FPDF, text: str, size: float = 16) -> None:
    pdf.set_font("DejaVu", "B", size)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("DejaVu", "", 11)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 5.5, text, align="J", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _bullet(pdf: FPDF, text: str, mark: str = "•", indent: float = 4) -> None:
    pdf.set_x(pdf.l_margin + indent)
    pdf.cell(5, 5.5, mark)
    pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")


# --- furniture ---------------------------------------------------------------------------------
def test_running_header_and_page_footer_leave_the_text_and_give_the_printed_label(tmp_path):
    def page(n):
        return lambda pdf: (_heading(pdf, f"{n}. Chapitre {n}"), _paragraph(pdf, LOREM * 3))

    doc = load_document(_report(tmp_path / "rapport.pdf", [page(n) for n in range(1, 5)]))
    assert [p.label for p in doc.pages] == ["1", "2", "3", "4"]  # no /PageLabels: the footer's number
    for p in doc.pages:
        assert "Stratégie économique régionale" not in p.text
        assert "Page " not in p.text and "/ 4" not in p.text
        assert p.text.startswith(f"{p.number}. Chapitre {p.number}")


def test_furniture_rules_on_lines_without_positions():
    pages = [[TextLine("Rapport annuel 2022 — page %d" % n), TextLine("Texte propre à la page %d." % n),
              TextLine(str(n))] for n in range(1, 6)]
    pages[2].insert(1, TextLine("Titre de la page trois"))
    kept, labels = remove_furniture(pages)
    assert [[ln.text for ln in p] for p in kept][2] == ["Titre de la page trois", "Texte propre à la page 3."]
    assert labels == ["1", "2", "3", "4", "5"]
    # placed lines: a title repeated on two slides of five is larger than the body, so it stays;
    # a year at the foot of every page is a footer, but no page number
    def line(text, top, size):
        return TextLine(text, x0=40, x1=40 + 6 * len(text), top=top, size=size)

    slides = [[line("Évaluation de la gouvernance" if n in (1, 2) else f"Diapositive {n}", 50, 28),
               line(f"Le corps de la diapositive {n}", 120, 16), line("Bilan 2021", 560, 9)] for n in range(5)]
    kept, labels = remove_furniture(slides)
    assert [ln.text for ln in kept[1]] == ["Évaluation de la gouvernance", "Le corps de la diapositive 1"]
    assert labels == [None] * 5


# --- reflow ------------------------------------------------------------------------------------
def test_wrapped_lines_are_joined_and_bullets_stay_items(tmp_path):
    def draw(pdf):
        _heading(pdf, "Contexte")
        _paragraph(pdf, LOREM * 2)
        pdf.multi_cell(0, 5.5, "Le schéma poursuit trois objectifs :", new_x="LMARGIN", new_y="NEXT")
        _bullet(pdf, "soutenir les entreprises existantes, en particulier les entreprises artisanales et "
                     "commerciales des bourgs-centres, dans leurs projets de modernisation et de transmission ;")
        _bullet(pdf, "accueillir de nouvelles activités ;")
        _bullet(pdf, "Le 17/02/2020", mark="▣", indent=12)
        _bullet(pdf, "promouvoir le territoire comme destination touristique.")

    # two pages: the running header repeats
    doc = load_document(_report(tmp_path / "r.pdf", [draw, lambda pdf: _paragraph(pdf, LOREM)]))
    lines = doc.pages[0].text.split("\n")
    assert LOREM.strip() + " " + LOREM.strip() in lines  # the paragraph on one line
    items = [ln for ln in lines if ln.lstrip().startswith(("•", "▣"))]
    assert items == [
        "• soutenir les entreprises existantes, en particulier les entreprises artisanales et commerciales des "
        "bourgs-centres, dans leurs projets de modernisation et de transmission ;",
        "• accueillir de nouvelles activités ;",
        "  ▣ Le 17/02/2020",  # a sub-item keeps its nesting
        "• promouvoir le territoire comme destination touristique.",
    ]
    assert "Le schéma poursuit trois objectifs :" in lines
    assert lines[0] == "Contexte" and lines[1] == ""  # a title alone, a blank line after it
    assert doc.pages[0].headings.get("Contexte")


def test_hyphen_at_a_wrap_is_undone_except_in_compound_words():
    words = {"socio-économique", "développement"}
    assert join_hyphenated("le déve-", "loppement local", words) == "le développement local"
    assert join_hyphenated("une analyse socio-", "économique", words) == "une analyse socio-économique"
    assert join_hyphenated("à Saint-", "Mihiel", words) == "à Saint-Mihiel"
    assert join_hyphenated("celles-", "ci", set()) == "celles-ci"
    assert join_hyphenated("la compéti-", "tivité", set()) == "la compétitivité"  # neither form elsewhere


def test_hyphenated_wraps_in_a_pdf(tmp_path):
    def draw(pdf):
        pdf.multi_cell(0, 5.5, "Le diagnostic socio-économique du territoire a été actualisé en 2022.",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.multi_cell(0, 5.5, "Cette étude porte sur le déve-\nloppement des zones d'activités et sur l'analyse socio-\n"
                               "économique des bassins d'emploi.", new_x="LMARGIN", new_y="NEXT")

    text = load_document(_report(tmp_path / "h.pdf", [draw, lambda pdf: _paragraph(pdf, LOREM)])).pages[0].text
    assert ("Cette étude porte sur le développement des zones d'activités et sur l'analyse socio-économique "
            "des bassins d'emploi.") in text


def test_a_title_in_capitals_wrapped_over_two_lines_is_one_heading(tmp_path):
    def draw(pdf):
        _paragraph(pdf, LOREM)
        pdf.set_font("DejaVu", "B", 26)
        pdf.multi_cell(0, 12, "SOUTENIR LE MAINTIEN ET LE DEVELOPPEMENT DES ENTREPRISES EXISTANTES",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("DejaVu", "", 11)
        _paragraph(pdf, LOREM)

    doc = load_document(_report(tmp_path / "t.pdf", [draw, lambda pdf: _paragraph(pdf, "Suite du rapport.")]))
    title = "SOUTENIR LE MAINTIEN ET LE DEVELOPPEMENT DES ENTREPRISES EXISTANTES"
    assert doc.pages[0].text.split("\n\n")[1] == title
    assert split_sections(doc)[1].path == (title,)


def test_text_files_lose_markdown_emphasis_and_keep_their_line_lists(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# Contexte\n\nLe POCE se base sur **les besoins du territoire** et sur *ses atouts* :\n"
                    "- un premier point qui se poursuit\nsur la ligne suivante ;\n- un second point.\n\n"
                    "CC Côtes de Meuse en Woëvre\nCC du Sammiellois\n\nle déve-\nloppement local\n\n"
                    "| Zone | Surface (ha) |\n|------|-----:|\n| ZA des Prés-Hauts | 12 |\n\n## Suite\nà donner\n",
                    encoding="utf-8")
    text = load_document(path).pages[0].text
    assert "**" not in text and "Le POCE se base sur les besoins du territoire et sur ses atouts :" in text
    assert "- un premier point qui se poursuit sur la ligne suivante ;\n- un second point." in text
    assert "CC Côtes de Meuse en Woëvre\nCC du Sammiellois" in text  # a list of lines is not joined
    assert "le développement local" in text
    assert "Zone : ZA des Prés-Hauts ; Surface (ha) : 12" in text.split("\n")  # a pipe table row
    assert "## Suite\nà donner" in text  # a heading never absorbs the next line


def test_plain_text_columns_quotes_and_numbered_agendas(tmp_path):
    # columns aligned with spaces are a table; « > » quotes lose their marks; a numbered agenda is a
    # list, not six headings; a numbered heading followed by its sub-heading stays a heading
    minutes = tmp_path / "cr.txt"
    minutes.write_text("COMPTE RENDU DU COMITÉ DE PILOTAGE\n\n1. PARTICIPANTS\n\nLa séance est ouverte à 14 h.\n\n2. ORDRE DU JOUR\n\n  1. Approbation du compte rendu\n  2. Situation financière\n"
                       "  3. Questions diverses\n\n3. DÉROULEMENT\n\nLa situation est la suivante.\n\n"
                       "  Axe      Prévu (€)      Taux\n  Axe 1    6 400 000      80 %\n  Axe 2    3 200 000      89 %\n\n"
                       "4. Suites\n4.1 Calendrier\n\nLe comité se réunira en juin.\n", encoding="utf-8")
    doc = load_document(minutes)
    assert "Axe : Axe 2 ; Prévu (€) : 3 200 000 ; Taux : 89 %" in doc.pages[0].text.split("\n")
    paths = [s.path for s in split_sections(doc)]
    assert ("2. ORDRE DU JOUR",) in paths and not any("Questions diverses" in h for p in paths for h in p)
    assert ("4. Suites", "4.1 Calendrier") in paths
    note = tmp_path / "note.md"
    note.write_text("# Bilan\n\n> Document présenté au comité du 5 décembre 2024. Il dresse le bilan\n"
                    "> du contrat signé avec la Région.\n", encoding="utf-8")
    text = load_document(note).pages[0].text
    assert ">" not in text and "Il dresse le bilan du contrat signé avec la Région." in text


def test_a_unit_joins_a_wrapped_line_with_a_space_and_sub_items_with_a_semicolon():
    units = split_units("- 2 copils de suivi ont été réalisés :\n - ▣ Le 17/02/2020\n - ▣ Le 30/09/2020\n"
                        "- il constitue **le lieu privilégié de dialogue** entre le PETR, et la\nRégion ;\n"
                        "- Réunion de réseau H3M\n - ▣ 07/09/2021")
    assert [u.display for u in units] == [
        "2 copils de suivi ont été réalisés : Le 17/02/2020 ; Le 30/09/2020",
        "il constitue le lieu privilégié de dialogue entre le PETR, et la Région ;",
        "Réunion de réseau H3M ; 07/09/2021",
    ]


# --- tables ------------------------------------------------------------------------------------
TABLE = [
    ("Communauté de communes", "Établissements", "Emplois salariés", "Taux de chômage"),
    ("CC Côtes de Meuse en Woëvre", "1 128", "3 412", "7,4 %"),
    ("CC de l'Aire à l'Argonne, communauté rurale aux nombreuses communes", "598", "1 786", "6,9 %"),
    ("CC du Sammiellois", "964", "", "10,2 %"),
    ("Total PETR", "2 690", "5 198", "8,2 %"),
]


def test_a_pdf_table_becomes_one_line_per_row_with_its_headers(tmp_path):
    def draw(pdf):
        _heading(pdf, "Emploi par communauté de communes", 14)
        _paragraph(pdf, "Le tableau suivant présente les établissements et l'emploi salarié de chaque communauté.")
        pdf.set_font("DejaVu", "", 9)
        with pdf.table(col_widths=(70, 35, 35, 30), text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT")) as table:
            for values in TABLE:
                row = table.row()
                for value in values:
                    row.cell(value)
        pdf.set_font("DejaVu", "", 11)
        pdf.ln(4)
        _paragraph(pdf, "Source : répertoire des établissements au 31/12/2020.")

    text = load_document(_report(tmp_path / "tableau.pdf", [draw, lambda pdf: _paragraph(pdf, LOREM)])).pages[0].text
    rows = [ln for ln in text.split("\n") if " ; " in ln]
    assert rows == [
        "Communauté de communes : CC Côtes de Meuse en Woëvre ; Établissements : 1 128 ; Emplois salariés : 3 412 ; "
        "Taux de chômage : 7,4 %",
        "Communauté de communes : CC de l'Aire à l'Argonne, communauté rurale aux nombreuses communes ; "
        "Établissements : 598 ; Emplois salariés : 1 786 ; Taux de chômage : 6,9 %",
        "Communauté de communes : CC du Sammiellois ; Établissements : 964 ; Taux de chômage : 10,2 %",
        "Communauté de communes : Total PETR ; Établissements : 2 690 ; Emplois salariés : 5 198 ; Taux de chômage : 8,2 %",
    ]
    assert "Source : répertoire des établissements au 31/12/2020." in text.split("\n")
    # each row is its own unit: a question on one row quotes that row
    assert sum(1 for u in split_units(text) if "Sammiellois" in u.text) == 1


def test_a_pdf_glossary_reads_term_and_meaning_with_wrapped_meanings_joined(tmp_path):
    def draw(pdf):
        _heading(pdf, "Glossaire des sigles", 14)
        for term, meaning in (("AMI", "Appel à manifestation d'intérêt"), ("CDET", "Contrat de développement économique"),
                              ("SRADDET", "Schéma régional d'aménagement, de développement durable et d'égalité des "
                                          "territoires, de l'air et de l'énergie"), ("ZAN", "Zéro artificialisation nette")):
            pdf.set_font("DejaVu", "B", 11)
            pdf.cell(30, 7.5, term)
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(100, 7.5, meaning, new_x="LMARGIN", new_y="NEXT")

    page = load_document(_report(tmp_path / "glossaire.pdf", [draw])).pages[0]
    parts = page.text.split("\n\n")
    assert parts[parts.index("Glossaire des sigles") + 1:] == [
        "AMI : Appel à manifestation d'intérêt", "CDET : Contrat de développement économique",
        "SRADDET : Schéma régional d'aménagement, de développement durable et d'égalité des territoires, de l'air et "
        "de l'énergie", "ZAN : Zéro artificialisation nette"]
    assert "AMI" not in page.headings and "SRADDET" not in page.headings  # the bold terms are no titles


def test_docx_tables_come_in_document_order_with_their_headers(tmp_path):
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "En-tête de section — ne pas citer"
    document.sections[0].footer.paragraphs[0].text = "Pied de page — ne pas citer"
    document.add_heading("Evaluation de la gouvernance", level=1)
    document.add_paragraph("Les instances se sont réunies comme suit :")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Instance", "Dates"
    for instance, dates in (("CTDC", "14/12/2021"), ("Comité de pilotage", "17/02/2020\n30/09/2020")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = instance, dates
    document.add_paragraph("Ces réunions ont rythmé le pacte.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading("Suite à donner", level=1)
    document.add_paragraph("PTRTE", style="List Bullet")
    document.add_paragraph("signature prévue en 2023", style="List Bullet 2")
    document.add_paragraph("Analyse socio-économique OP Conseil", style="List Bullet")
    document.add_paragraph("En cours", style="List Continue")
    path = tmp_path / "gouvernance.docx"
    document.save(str(path))

    doc = load_document(path)
    assert [p.number for p in doc.pages] == [1, 2]  # cut at the hard page break
    first = doc.pages[0].text
    assert first.index("Les instances se sont réunies") < first.index("Instance : CTDC ; Dates : 14/12/2021") \
        < first.index("Instance : Comité de pilotage ; Dates : 17/02/2020, 30/09/2020") < first.index("Ces réunions")
    assert "ne pas citer" not in first + doc.pages[1].text
    assert "- PTRTE\n  - signature prévue en 2023\n- Analyse socio-économique OP Conseil\nEn cours" in doc.pages[1].text


def test_sheets_give_one_line_per_row_with_headers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Zones d'activités"
    sheet.append(["Zone", "Surface (ha)", "Disponible (ha)", "Entreprises"])
    sheet.append(["ZA des Prés-Hauts", 12.5, 3, 14])
    sheet.append(["ZA de la Gare", 4, None, 6])
    notes = book.create_sheet("Notes")
    notes.append(["Source", "Date"])
    import datetime as dt

    notes.append(["Recensement des EPCI", dt.datetime(2022, 9, 1)])
    book.save(tmp_path / "zones.xlsx")
    doc = load_document(tmp_path / "zones.xlsx")
    assert [p.headings for p in doc.pages] == [{"Zones d'activités": 1}, {"Notes": 1}]
    assert "Zone : ZA des Prés-Hauts ; Surface (ha) : 12,5 ; Disponible (ha) : 3 ; Entreprises : 14" in doc.pages[0].text
    assert "Zone : ZA de la Gare ; Surface (ha) : 4 ; Entreprises : 6" in doc.pages[0].text
    assert "Source : Recensement des EPCI ; Date : 01/09/2022" in doc.pages[1].text

    (tmp_path / "emplois.csv").write_text("Commune;Emplois\nSaint-Mihiel;2 310\nCommercy;1 980\n", encoding="cp1252")
    assert load_document(tmp_path / "emplois.csv").pages[0].text.split("\n\n") == [
        "Commune : Saint-Mihiel ; Emplois : 2 310", "Commune : Commercy ; Emplois : 1 980"]


def test_sheet_amounts_are_written_with_thousands_grouped_but_codes_and_years_are_not(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Projet", "Montant (€)", "Code postal", "Année", "N° SIRET"])
    sheet.append(["Halle", 287500, 55300, 2023, 12345678900012])
    sheet.append(["Atelier", 9500.0, "05300", 2024, None])
    book.save(tmp_path / "registre.xlsx")
    text = load_document(tmp_path / "registre.xlsx").pages[0].text
    assert "Projet : Halle ; Montant (€) : 287 500 ; Code postal : 55300 ; Année : 2023 ; N° SIRET : 12345678900012" in text
    assert "Projet : Atelier ; Montant (€) : 9500 ; Code postal : 05300 ; Année : 2024" in text

    (tmp_path / "chiffres.csv").write_text("Population;12500\nEmplois;4200\n", encoding="utf-8")
    assert load_document(tmp_path / "chiffres.csv").pages[0].text.split("\n\n") == [
        "Population : 12 500", "Emplois : 4200"]


# --- slide decks -------------------------------------------------------------------------------
def _deck(path: Path) -> Path:
    """Landscape slides with a footer; the shares slide comes right after the third axis."""
    pdf = _pdf("L")
    pdf.set_auto_page_break(False)
    slides = [
        ("AXE 3", "SOUTENIR L'ECONOMIE TOURISTIQUE ET PROMOUVOIR LE TERRITOIRE COMME DESTINATION",
         ["Renforcer et exploiter les potentiels touristiques du territoire"]),
        (None, "Evaluation quantitative", ["67% d'action réalisées", "20% d'action en cours", "13% d'action non réalisées"]),
        (None, "Suite à donner", ["PTRTE"]),
    ]
    for n, (kicker, title, bullets) in enumerate(slides, start=1):
        pdf.add_page()
        pdf.set_y(15)
        if kicker:
            pdf.set_font("DejaVu", "B", 20)
            pdf.cell(0, 10, kicker, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "B", 30)
        pdf.multi_cell(0, 13, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        for text in bullets:
            pdf.set_font("DejaVu", "", 20)
            pdf.cell(8, 10, "•")
            pdf.multi_cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-12)
        pdf.set_font("DejaVu", "", 9)
        pdf.cell(0, 5, f"PETR Cœur de Lorraine — Évaluation POCE 2017-2021 — p. {n}", align="R")
    pdf.output(str(path))
    return path


def test_a_slide_section_does_not_run_over_into_the_next_slide(tmp_path):
    doc = load_document(_deck(tmp_path / "deck.pdf"))
    assert is_slide_deck(doc) and [p.label for p in doc.pages] == ["1", "2", "3"]
    sections = split_sections(doc)
    title = "AXE 3 : SOUTENIR L'ECONOMIE TOURISTIQUE ET PROMOUVOIR LE TERRITOIRE COMME DESTINATION"
    assert sections[0].path == (title,)  # the wrapped title is one heading, joined to its axis
    assert [s.path for s in sections if s.page.number == 2] == [("Evaluation quantitative",)]
    shares = [f for f in FactExtractor()(doc, "d", "t", "Janvier 2022") if f.kind == "status_share"]
    assert {f.data["value"]: (f.data["axis"], f.page) for f in shares} == {67: (None, 2), 20: (None, 2), 13: (None, 2)}
    assert all("PETR Cœur de Lorraine —" not in s.text for s in sections)


@pytest.mark.parametrize("name", ["evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt"])
def test_the_shipped_text_reads_as_before(name):
    from conftest import SHIPPED_CORPUS

    text = load_document(SHIPPED_CORPUS / name).pages[0].text
    assert "**" not in text and "Le POCE se base sur les besoins et initiatives du territoire en fonction" in text
    assert "CC Côtes de Meuse en Woëvre\nCC de l'Aire à l'Argonne\nCC du Sammiellois\nCC Fresnes en Woëvre" in text
    assert "- CTDC : 14/12/21 +\n15/06/2021" in text  # a bullet's continuation line stays with it


def test_an_infographic_tile_is_its_figure_with_its_caption(tmp_path):
    # figures in large type, each above its lower-case caption, tiles side by side
    pdf = FPDF(orientation="L")
    pdf.add_font("dejavu", "", str(unicode_font()))
    pdf.set_font("dejavu", size=10)
    pdf.add_page()
    tiles = [("11,2 M€", "de dépenses réalisées sur 16,2 M€ prévus"), ("247", "créateurs et repreneurs accompagnés"),
             ("97 %", "des locaux raccordables à la fibre")]
    for k, (figure, caption) in enumerate(tiles):
        pdf.set_font_size(28)
        pdf.set_xy(15 + 90 * k, 40)
        pdf.cell(80, 14, figure, align="C")
        pdf.set_font_size(10)
        pdf.set_xy(15 + 90 * k, 60)
        pdf.multi_cell(80, 5, caption, align="C")
    pdf.output(str(tmp_path / "synthese.pdf"))
    text = "\n\n".join(page.text for page in load_document(tmp_path / "synthese.pdf").pages)
    shown = [u.display for u in split_units(text)]
    for figure, caption in tiles:
        assert f"{figure} {caption}" in shown, shown
    # a figure followed by a new sentence, or by an item, stays apart
    assert [u.display for u in split_units("2 réunions\n\nLe comité a validé le bilan.")] == [
        "2 réunions", "Le comité a validé le bilan."]


def test_a_key_figure_in_large_type_is_a_statement_not_a_heading(tmp_path):
    # « 312 emplois » set large above « créés ou maintenus » is one statement; taken for a section
    # title, it turned the tiles under it into its section and the figure into no answer
    pdf = FPDF()
    pdf.add_font("dejavu", "", str(unicode_font()))
    pdf.add_page()
    for size, text in [(20, "BILAN EN CHIFFRES"), (28, "312 emplois"), (11, "créés ou maintenus (cible : 400)"),
                       (28, "28,4 ha"), (11, "de foncier économique requalifiés"),
                       (16, "4 axes | 9 objectifs | 31 actions"), (20, "11 mai 2023"),
                       (11, "Présentation du bilan au comité de pilotage.")]:
        pdf.set_font("dejavu", size=size)
        pdf.multi_cell(0, size * 0.6, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
    pdf.output(str(tmp_path / "bilan.pdf"))
    doc = load_document(tmp_path / "bilan.pdf")
    assert "312 emplois créés ou maintenus (cible : 400)" in doc.pages[0].text.split("\n\n")
    assert "28,4 ha de foncier économique requalifiés" in doc.pages[0].text.split("\n\n")
    paths = {s.path for s in split_sections(doc)}
    # the date of a timeline stays a heading; figures are none
    assert doc.pages[0].headings.keys() == {"BILAN EN CHIFFRES", "11 mai 2023"}
    assert ("11 mai 2023",) in paths, paths
    assert not any("312" in h or "4 axes" in h for path in paths for h in path), paths


def test_a_sentence_cut_by_a_page_break_is_whole_in_the_first_pages_section(tmp_path):
    from pdf_factory import make_pdf

    path = make_pdf(tmp_path / "rapport.pdf", [
        "3.2 Bilan de l'axe industriel\n\n" + LOREM + "\n\nLa plateforme de maintenance n'a pas été engagée : l'étude de",
        "faisabilité conduite en 2021 a conclu à un marché insuffisant. Le club des industriels s'est réuni "
        "quatre fois par an.\n\n4. Axe touristique\n\nLes sentiers sont balisés.",
    ])
    sections = split_sections(load_document(path))
    first = [s for s in sections if s.page.number == 1][-1]
    assert first.text.endswith("l'étude de faisabilité conduite en 2021 a conclu à un marché insuffisant.")
    assert "club des industriels" not in first.text  # the next sentence stays on its own page
    assert any(s.page.number == 2 and s.text.startswith("faisabilité conduite") for s in sections)
    # a page that ends on a full stop, or before a capital, carries nothing over
    ended = make_pdf(tmp_path / "fin.pdf", ["Le pacte a été signé en 2017.", "suite sans rapport."])
    assert [s.text for s in split_sections(load_document(ended))] == ["Le pacte a été signé en 2017.",
                                                                      "suite sans rapport."]


def test_a_two_column_table_without_header_reads_as_labels_and_values(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Extrait du registre des délibérations")
    table = document.add_table(rows=0, cols=2)
    for label, value in (("Délégués en exercice", "36"), ("Présents", "27"), ("Votants", "31"),
                         ("Date de la convocation", "16 juin 2023")):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    path = tmp_path / "deliberation.docx"
    document.save(str(path))
    text = load_document(path).pages[0].text
    assert "Délégués en exercice : 36" in text and "Votants : 31" in text
    assert "Date de la convocation : 16 juin 2023" in text
    assert "Délégués en exercice : Votants" not in text  # the first row is no header


def test_a_numbered_heading_is_one_unit_not_a_sentence_and_its_number():
    units = split_units("# 9. Recommandations pour la seconde moitié du contrat\n\n- Négocier un avenant.\n\n"
                        "Texte avant\n## 4.1. Objectif 1.1 – Requalifier\nLe foncier est requalifié.\n\n"
                        "3. Suite du texte. Autre phrase.")
    assert [u.text for u in units] == [
        "# 9. Recommandations pour la seconde moitié du contrat", "- Négocier un avenant.", "Texte avant",
        "## 4.1. Objectif 1.1 – Requalifier", "Le foncier est requalifié.", "3. Suite du texte. Autre phrase."]
    assert units[0].is_heading_mark and units[3].is_heading_mark
    for title in ("4.1. Objectif 1.1 – Requalifier le foncier", "IV. Gouvernance du pacte"):
        assert [u.text for u in split_units(title)] == [title]


def test_a_title_or_an_initial_before_a_name_ends_no_sentence():
    # « présenté par M. » was quoted as the answer to « who presented … ? »
    assert [u.display for u in split_units("Rapport présenté par M. Julien Arnould, vice-président. Il est adopté.")] == [
        "Rapport présenté par M. Julien Arnould, vice-président.", "Il est adopté."]
    assert [u.display for u in split_units("Signé : Dr. A. Martin. La séance est levée.")] == [
        "Signé : Dr. A. Martin.", "La séance est levée."]


def test_fields_joined_by_dot_leaders_are_one_unit_each():
    # a minutes' header block: « … Lemaire-Dusart (Communauté …) Rédaction ...... » was one
    # sentence, and the writer's name the start of the next one
    block = ("Date ........... mardi 10 décembre 2024, de 14 h 30 à 17 h 15\n"
             "Coprésidence ... Claire Dupré (Région Hauts-de-France) et Hervé Martin\n"
             "                 (Communauté d'agglomération du Val de Loire)\n"
             "Rédaction ...... Laure Ramel, chargée de mission Pacte, à qui écrire pour toute remarque")
    assert [(u.kind, u.display) for u in split_units(block)] == [
        ("line", "Date ........... mardi 10 décembre 2024, de 14 h 30 à 17 h 15"),
        ("line", "Coprésidence ... Claire Dupré (Région Hauts-de-France) et Hervé Martin "
                 "(Communauté d'agglomération du Val de Loire)"),
        ("line", "Rédaction ...... Laure Ramel, chargée de mission Pacte, à qui écrire pour toute remarque")]
    # an ellipsis in a sentence is no field
    assert len(split_units("Il reste à faire... Le comité en reparlera. Voilà.")) == 3


def test_a_drawn_rule_is_no_text_and_ends_its_paragraph():
    # plain-text minutes underline their titles: « COMPTE RENDU … ===== » was quoted with its rule
    text = ("=====================\nCOMPTE RENDU DU COMITÉ DE SUIVI\n=====================\n"
            "Le comité s'est réuni à Millac.\n------------------------\n1. PARTICIPANTS")
    units = split_units(text)
    assert [u.display for u in units] == ["COMPTE RENDU DU COMITÉ DE SUIVI", "Le comité s'est réuni à Millac.", "PARTICIPANTS"]
    assert len({u.block for u in units}) == 3
    # a Markdown table's separator row is no rule: it holds pipes
    assert split_units("| a | b |\n|---|---|\n| 1 | 2 |")


def test_a_word_list_ends_at_the_next_plain_paragraph(tmp_path):
    # in Word, « Membres excusés : » after the last « présents » item is a paragraph of its own:
    # read as the rest of that item, it was quoted as one of the members
    import docx

    document = docx.Document()
    document.add_paragraph("Membres présents :")
    document.add_paragraph("Mme Hélène Vabre, présidente", style="List Bullet")
    document.add_paragraph("M. Patrice Cayla, conseiller régional", style="List Bullet")
    document.add_paragraph("Membres excusés :")
    document.add_paragraph("M. Olivier Bru, président de la délégation", style="List Bullet")
    document.add_paragraph("représenté par sa suppléante", style="List Continue")
    document.add_paragraph("Assistaient également : M. Thierry Alibert.")
    path = tmp_path / "compte-rendu.docx"
    document.save(str(path))

    units = split_units(load_document(path).pages[0].text)
    assert [(u.kind, u.display) for u in units] == [
        ("sentence", "Membres présents :"),
        ("item", "Mme Hélène Vabre, présidente"),
        ("item", "M. Patrice Cayla, conseiller régional"),
        ("sentence", "Membres excusés :"),
        ("item", "M. Olivier Bru, président de la délégation représenté par sa suppléante"),
        ("sentence", "Assistaient également : M. Thierry Alibert."),
    ]


def test_a_sentence_at_the_margin_after_an_item_that_ended_is_the_next_paragraph():
    # a PDF's or a text's list followed by its comment with no blank line between them; a wrapped
    # item's next line (no final stop before it) still belongs to the item
    text = ("- 54 % des actions réalisées ;\n- 15 % des actions non engagées.\nL'axe 2 est le plus avancé.\n"
            "- ZA de la Borie : 9 ha ; ZA du\nPradel : 14 ha)\n- Sites requalifiés ;\n  Le Breuil en cours")
    assert [(u.kind, u.display) for u in split_units(text)] == [
        ("item", "54 % des actions réalisées ;"),
        ("item", "15 % des actions non engagées."),
        ("sentence", "L'axe 2 est le plus avancé."),
        ("item", "ZA de la Borie : 9 ha ; ZA du Pradel : 14 ha)"),
        ("item", "Sites requalifiés ; Le Breuil en cours"),
    ]


def test_plus_and_exclamation_marks_are_bullets_of_a_slide():
    units = split_units("CE QUI A MARCHÉ\n+ Friche de Vallerhof : 6 entreprises installées\n+ Fibre : de 38 % à 97 %\n\n"
                        "POINTS DE VIGILANCE\n\n! 9 actions abandonnées ou jamais lancées\n\n! Filière bois : 21 sur 30\n\n"
                        "Le taux est de +0,7 % ! Une hausse.")
    assert [(u.kind, u.display) for u in units] == [
        ("sentence", "CE QUI A MARCHÉ"),
        ("item", "Friche de Vallerhof : 6 entreprises installées"),
        ("item", "Fibre : de 38 % à 97 %"),
        ("sentence", "POINTS DE VIGILANCE"),
        ("item", "9 actions abandonnées ou jamais lancées"),  # not « ! » and a sentence
        ("item", "Filière bois : 21 sur 30"),
        ("sentence", "Le taux est de +0,7 % !"),  # a sign or an exclamation inside a sentence is no bullet
        ("sentence", "Une hausse."),
    ]
