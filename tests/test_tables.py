"""« le plus / le moins » questions answered by the row at one end of a table's column, « au total »
by its Total row: the rows as the ingestion writes them, the totals left out of the ends, and a real
index of another territory's sheet."""

from __future__ import annotations

import pytest

from assistant.answers.signals import states_money
from assistant.text.tables import cell_number, extreme_row, parse_row


def rows(*texts: str):
    return [parse_row(t) for t in texts]


def test_a_row_is_read_as_its_cells_and_numbers():
    row = parse_row("Secteur : Industrie ; Emplois 2020 : 2 136 ; Part : 20,2 % ; Évolution : -7,9 %")
    assert row.columns == ("Secteur", "Emplois 2020", "Part", "Évolution")
    assert [cell_number(v) for _, v in row.cells] == [None, 2136.0, 20.2, -7.9]
    assert parse_row("Le territoire compte 11 zones : elles accueillent 97 entreprises.") is None
    assert cell_number("17/02/2020") is None and cell_number("1 240 000 €") == 1240000.0


def test_the_extreme_row_leaves_out_totals_and_repeated_rows():
    table = rows("Commune : Arville ; Emplois : 420", "Commune : Bérieux ; Emplois : 1 310",
                 "Commune : Cossange ; Emplois : 95", "Commune : Dalmont ; Emplois : 610",
                 "Commune : Communauté des Hauts ; Emplois : 2 435",  # the sum of the four: an aggregate
                 "Commune : Total ; Emplois : 2 435", "Commune : Bérieux ; Emplois : 1 310")
    assert extreme_row(table, "Emplois", largest=True).value("Commune") == "Bérieux"
    assert extreme_row(table, "Emplois", largest=False).value("Commune") == "Cossange"
    tie = rows("Commune : A ; Emplois : 5", "Commune : B ; Emplois : 5", "Commune : C ; Emplois : 1")
    assert extreme_row(tie, "Emplois", largest=True) is None  # two rows hold it: no single answer


@pytest.fixture(scope="module")
def haye(tmp_path_factory):
    """The shipped corpus and another territory's sheet of craft businesses by commune."""
    from conftest import assistant_with_sheet

    return assistant_with_sheet(tmp_path_factory.mktemp("haye"), "artisanat-pays-de-haye.xlsx", "Artisanat par commune", [
        ["Commune", "Artisans 2019", "Artisans 2023", "Commerces de proximité"],
        ["Noviant-aux-Prés", 31, 44, 6], ["Mamey", 52, 39, 2], ["Martincourt", 18, 21, 9],
        ["Rogéville", 12, 15, 4], ["Total Pays de Haye", 113, 119, 21]])


@pytest.mark.parametrize("question, row, column", [
    # no year asked: the latest column (Mamey leads in 2019, Noviant-aux-Prés in 2023)
    ("Quelle commune du Pays de Haye compte le plus d'artisans ?", "Noviant-aux-Prés", "Artisans 2023"),
    ("Quelle commune du Pays de Haye a le moins de commerces de proximité ?", "Mamey", "Commerces de proximité"),
    ("Which municipality of the Pays de Haye has the fewest shops?", "Mamey", "Commerces de proximité"),
    # a total: the table's Total row, not its largest row
    ("Combien d'artisans le Pays de Haye compte-t-il au total ?", "Total Pays de Haye", "Artisans 2023"),
    ("How many local shops are there in the Pays de Haye altogether?", "Total Pays de Haye", "Commerces de proximité"),
])
def test_the_row_at_the_asked_end_is_quoted(haye, question, row, column):
    answers = haye.answers
    _, analysis = answers.understand(question, [])
    hits = answers.retriever.retrieve(analysis.text)[: answers.extractive.max_hits]
    found = answers.extractive.tables.find(analysis, hits)
    assert [r.value("Commune") for r in found.rows] == [row]
    answer = answers.ask(question)
    assert answer.answered, answer.answer
    assert row in answer.answer and answer.sources[0].file.endswith("artisanat-pays-de-haye.xlsx")


def test_a_number_written_without_separators_is_one_number():
    assert cell_number("480000") == 480000.0 and cell_number("480 000") == 480000.0
    assert cell_number("12/03/2020") is None and cell_number("3.1.4") is None


def test_an_amount_is_a_currency_or_a_money_column():
    money = {"budget", "cout", "montant"}
    assert states_money("Code : 3.1.4 ; Intitulé : Plateforme ; Budget prévu : 480000 ; Statut : Abandonnée", money)
    assert states_money("Coût (k€) : 95 ; Axe : 2", money) and states_money("Une aide de 20 000 €.", money)
    assert not states_money("Code : 3.1.4 ; Avancement (%) : 80", money)
    assert not states_money("Le coût a dépassé les prévisions.", money)
