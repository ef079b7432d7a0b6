"""A dashboard workbook as territories keep one: a summary sheet with title lines, percentages
formatted as such and a second table under the first, the list of actions on another sheet (its
status column dated in its header, objectives by code), the meetings on a third. Each rule here is
general; each test fails without its rule."""

from __future__ import annotations

import datetime as dt
import json

from openpyxl import Workbook
from typer.testing import CliRunner

from assistant.container import Assistant
from assistant.interfaces.cli import app
from assistant.knowledge.classify import describe_objectives
from assistant.knowledge.classify_vocabulary import default_vocabulary
from assistant.knowledge.register import load_register
from assistant.parsing.parsers import load_sheet
from assistant.settings import Settings

ACTIONS = [  # code, axis code, objective code, title, status
    ("1.1.1", "A1", "1.1", "Extension de la zone d'activités des Prés", "Soldée"),
    ("1.2.1", "A1", "1.2", "Bourse des entreprises à reprendre", "Engagée"),
    ("1.2.2", "A1", "1.2", "Club des entreprises engagées", "Soldée"),
    ("2.1.1", "A2", "2.1", "Plateforme bois-énergie", "À lancer"),
    ("2.1.2", "A2", "2.1", "Marque Bois du massif", "Abandonnée"),
]


def dashboard(path) -> None:
    book = Workbook()
    summary = book.active
    summary.title = "Synthèse"
    summary.append(["Tableau de bord du contrat 2021-2025"])
    summary.append(["Situation au 31/12/24"])
    summary.append([])
    summary.append(["Statut", "Nombre d'actions", "Part"])
    for status, n in (("Soldée", 2), ("Engagée", 1), ("À lancer", 1), ("Abandonnée", 1)):
        summary.append([status, n, n / 5])
        summary.cell(summary.max_row, 3).number_format = "0 %"
    summary.append([])
    summary.append(["Indicateur financier", "Montant (€)", "Taux"])
    summary.append(["Dépenses engagées", 3912000, 0.789])
    summary.cell(summary.max_row, 3).number_format = "0.0%"
    actions = book.create_sheet("Actions")
    actions.append(["Liste des actions du contrat"])
    actions.append(["Code", "Ambition", "Objectif", "Intitulé", "Statut au 31/12/2024"])
    for row in ACTIONS:
        actions.append(list(row))
    actions.append(["Total", "", "", "5 actions", ""])
    meetings = book.create_sheet("Instances")
    meetings.append(["N°", "Instance", "Date", "Lieu"])
    meetings.append([1, "Comité de pilotage", dt.datetime(2021, 3, 16), "Vaulmont"])
    meetings.append([2, "Conférence des maires", dt.datetime(2022, 4, 7), "Mouthier"])
    book.save(path)


def test_a_summary_sheet_reads_as_its_tables_show_it(tmp_path):
    path = tmp_path / "tableau_de_bord.xlsx"
    dashboard(path)
    text = load_sheet(path).pages[0].text
    # the title lines are lines of their own, not the header of every row
    assert "\nSituation au 31/12/24\n" in text and "Tableau de bord du contrat 2021-2025 :" not in text
    # a cell formatted as a percentage reads as one, with the format's decimals
    assert "Statut : Soldée ; Nombre d'actions : 2 ; Part : 40 %" in text
    # the table under the blank row has its own header
    assert "Indicateur financier : Dépenses engagées ; Montant (€) : 3 912 000 ; Taux : 78,9 %" in text


def test_the_register_is_the_sheet_that_lists_the_actions(tmp_path):
    path = tmp_path / "tableau_de_bord.xlsx"
    dashboard(path)
    facts = load_register(path, "doc")
    assert facts is not None, "the summary sheet comes first, the actions are on the second"
    rows = [f.data for f in facts if f.kind == "register_action"]
    # under its title line; the totals row is no action
    assert [r["action"] for r in rows] == [a[3] for a in ACTIONS]
    # « Ambition A1 » is axis 1; the status column's header dates the statuses
    assert [r["axis"] for r in rows] == [1, 1, 1, 2, 2]
    assert [r["status"] for r in rows] == ["done", "in_progress", "done", "not_done", "abandoned"]
    assert {r["updated"] for r in rows} == {"2024-12-31"}
    assert [r["line"] for r in rows] == [3, 4, 5, 6, 7]  # the sheet's own lines


def test_the_dashboard_s_meetings_and_register_in_the_tools(tmp_path, use_index):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dashboard(corpus / "tableau_de_bord.xlsx")
    (corpus / "evaluation.md").write_text(
        "# Évaluation du contrat 2021-2025\n\nAvril 2025\n\n## Stratégie\n\n"
        "### Ambition 1 – Accueillir et ancrer les entreprises\n\n"
        "- 1.1 Développer l'offre foncière\n- 1.2 Accompagner la transmission d'entreprises\n\n"
        "### Ambition 2 – Valoriser les ressources forestières\n\n- 2.1 Structurer la filière bois\n",
        encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assistant = Assistant(settings)
    assert assistant.ingest.run().failed == []
    use_index(settings)
    run = lambda *args: json.loads(CliRunner().invoke(app, [*args, "--json"]).stdout.splitlines()[-1])  # noqa: E731
    # a row's body is the cell that names one, not its number (« N° : 2 ; Instance : Conférence des maires »)
    events = {(e["body"].lower(), e["iso"]) for e in run("calendar")["events"]}
    assert ("conférence des maires", "2022-04-07") in events and ("comité de pilotage", "2021-03-16") in events
    # a date in a column's name (« Statut au 31/12/2024 : Soldée ») dates no meeting of a « club »
    assert not [e for e in events if e[1] == "2024-12-31"], events
    register = run("stats")["register"]
    assert register["overall"]["actions"] == 5 and register["updated"] == "2024-12-31"
    assert register["by_axis"]["1"]["done_count"] == 2
    # an objective's code files the action under that objective (« 1.2 »: the second of axis 1)
    objectives = describe_objectives(assistant.knowledge.strategy_axes(), assistant.catalog.facts("register_action"),
                                     default_vocabulary())
    filed = {o.text: sorted(r.data["action"] for r in o.actions) for o in objectives}
    assert filed["Accompagner la transmission d'entreprises"] == ["Bourse des entreprises à reprendre",
                                                                   "Club des entreprises engagées"]
    assert filed["Structurer la filière bois"] == ["Marque Bois du massif", "Plateforme bois-énergie"]


def test_the_latest_update_is_the_latest_day_whatever_its_writing(tmp_path, use_index):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "suivi.csv").write_text(
        "Action;Statut;Date de mise à jour\nHalle;Réalisée;05/02/2025\nChèque commerce;En cours;31/01/2024\n",
        encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert Assistant(settings).ingest.run().failed == []
    use_index(settings)
    stats = json.loads(CliRunner().invoke(app, ["stats", "--json"]).stdout.splitlines()[-1])
    # « 31/01/2024 » sorts after « 05/02/2025 » as text: the latest day is 5 February 2025
    assert stats["register"]["updated"] == "05/02/2025"
    assert "mis à jour le 5 février 2025" in CliRunner().invoke(app, ["stats"]).stdout
