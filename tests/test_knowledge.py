"""Structured knowledge: stats, calendar, axes and classification come from the documents,
follow an edited document, and read a user-maintained action register."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from assistant.container import Assistant
from assistant.interfaces.cli import app
from conftest import POCE_FILE, SHIPPED_CORPUS
from pdf_factory import make_pdf
from assistant.settings import Settings
from assistant.text.headings import heading_key, strategy_heading

CLASSIFY_KEYS = {"axis", "axis_title", "objective", "confidence", "confidence_level", "ranking", "reasons", "sources"}
STATS_KEYS = {"done", "in_progress", "not_done", "unit", "as_of", "sources", "register"}


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture
def shipped(shipped_index, use_index):
    return use_index(shipped_index)


def test_stats_json_contract_on_the_shipped_corpus(shipped):
    stats = cli_json("stats", "--json")
    assert set(stats) == STATS_KEYS
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == (67, 20, 13)
    assert stats["unit"] == "percent" and stats["as_of"] == "Janvier 2022" and stats["register"] is None
    assert stats["sources"][0]["document"].startswith("EVALUATION POCE")
    assert [s["excerpt"] for s in stats["sources"]] == ["67% d'action réalisées", "20% d'action en cours", "13% d'action non réalisées"]


def test_calendar_lists_the_copils_and_the_developer_network(shipped):
    calendar = cli_json("calendar", "--json")
    by_body: dict[str, list[dict]] = {}
    for event in calendar["events"]:
        by_body.setdefault(event["body"], []).append(event)
    assert [e["date"] for e in by_body["comité de pilotage"]] == ["17/02/2020", "30/09/2020"]
    assert len(by_body["réseau des développeurs"]) == 8
    malformed = next(e for e in by_body["CTDC"] if e["date"] == "06/04/202")
    assert malformed["incomplete"] is True and malformed["iso"] is None  # kept as written, never guessed
    only_copil = cli_json("calendar", "--body", "comité de pilotage", "--json")
    assert {e["body"] for e in only_copil["events"]} == {"comité de pilotage"}
    in_2021 = cli_json("calendar", "--year", "2021", "--json")
    assert {e["date"] for e in in_2021["events"]} >= {"28/09/21", "07/09/2021", "14/12/21"}


def test_axes_lists_three_axes_and_seven_objectives(shipped):
    strategy = cli_json("axes", "--json")
    assert [a["number"] for a in strategy["axes"]] == [1, 2, 3]
    assert strategy["objectives"] == 7
    assert strategy["axes"][2]["title"] == "SOUTENIR L'ECONOMIE TOURISTIQUE"
    assert "Favoriser le développement des circuits de proximité" in strategy["axes"][0]["objectives"]


def test_classify_contract_and_answers(shipped):
    fits = cli_json("classify", "Ouverture d'un magasin de producteurs pour la vente directe", "--json")
    assert set(fits) == CLASSIFY_KEYS
    assert fits["axis"] == 1 and fits["objective"] == "Favoriser le développement des circuits de proximité"
    assert 0 < fits["confidence"] <= 1 and len(fits["ranking"]) == 3 and fits["sources"]
    assert "circuits de proximité" in fits["reasons"] or "vente directe" in fits["reasons"]
    none = cli_json("classify", "Construction d'une nouvelle école maternelle", "--json")
    assert none["axis"] is None and none["axis_title"] is None
    assert "ne relève d'aucun axe" in none["reasons"]
    # « groupe » and « groupement » share a stem: the lexicon's « groupement » must not rescue a school
    school = cli_json("classify", "Construction d'un nouveau groupe scolaire de huit classes", "--json")
    assert school["axis"] is None and "groupement" not in school["reasons"]


def test_ask_routes_to_the_tools(shipped):
    result = CliRunner().invoke(app, ["ask", "--json", "Quels sont les axes du pacte ?"])
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["tool"] == "strategy_axes" and answer["answered"]
    assert "SOUTENIR L'ECONOMIE TOURISTIQUE" in answer["answer"]


@pytest.mark.parametrize("question, by_the_tool", [
    ("Quel est le taux d'actions réalisées ?", True),
    ("What share of the pact's actions were completed?", True),
    ("Quel était le taux d'actions réalisées en janvier 2022 ?", True),  # the date the figures give
    ("Quel était le taux d'actions réalisées fin octobre 2019 ?", False),  # an earlier review's figures
    ("Quelles actions ont été réalisées ?", False),  # which actions: a list, not a share
    ("Qu'est-ce qui a freiné la réalisation des actions ?", False),
    # the progress of the actions as a whole, not of one action
    ("Où en sont les actions du pacte ?", True),
    ("Where do the pact's actions stand?", True),
    ("Où en sont les actions de requalification des zones d'activités ?", False),
    ("Quel est l'avancement de l'action 2.1 ?", False),
    # several pacts, or the regional level: one pact's figures do not answer
    ("Quel est le taux moyen de réalisation des actions des POCE à l'échelle régionale ?", False),
    ("Pour les pactes signés avec des PETR, combien d'actions ont été réalisées ?", False),
    ("Region-wide, what share of the actions were completed?", False),
    # several documents of the pact's kind, named by the acronym the corpus spells out
    ("Quel territoire a le meilleur taux de réalisation parmi les POCE de la région ?", False),
    ("Quel est le taux d'actions réalisées du POCE ?", True),  # one pact: its own figures
])
def test_the_statistics_answer_shares_and_counts_at_their_own_date(shipped, question, by_the_tool):
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.strip().splitlines()[-1])
    assert (answer["tool"] == "action_stats") == by_the_tool, answer


@pytest.mark.parametrize("question, by_the_tool", [
    ("Combien de communautés de communes compte le PETR ?", True),
    ("How many member communities does the PETR have?", True),
    ("Combien d'habitants vivent dans les communautés de communes du PETR ?", False),  # not a count of members
    ("Quelles communautés de communes composent le PETR ?", True),
    ("Dans quelles communes les communautés de communes du PETR ont-elles leur siège ?", False),  # places, not members
    # the members of the home territory, asked without naming what they are
    ("Quels sont les membres du PETR ?", True),
    ("Who are the members of the PETR?", True),
    ("Qui sont les membres du comité de pilotage ?", False),  # a body's members are people
    ("Qui sont les communautés de communes du PETR ?", True),
    ("Qui préside la communauté de communes de Fresnes ?", False),  # a person, not the members
])
def test_the_members_answer_a_count_of_members_only(shipped, question, by_the_tool):
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.strip().splitlines()[-1])
    assert (answer["tool"] == "members") == by_the_tool, answer



@pytest.mark.parametrize("question, tool, by_the_tool", [
    ("Combien de fois le comité de pilotage s'est-il réuni ?", "governance_calendar", True),
    # a body the documents do not date is not the one they date
    ("Combien de fois le comité technique s'est-il réuni ?", "governance_calendar", False),
    ("Combien d'axes compte le pacte ?", "strategy_axes", True),
    ("Combien d'emplois l'axe 2 a-t-il permis de créer ?", "strategy_axes", False),  # counts jobs, not axes
    # « quels grands axes » asks the axes; « quelles recommandations … comme priorités » asks recommendations
    ("Quels grands axes structurent le pacte ?", "strategy_axes", True),
    ("Quelles recommandations l'évaluation retient-elle comme priorités ?", "strategy_axes", False),
    ("Quelles actions de l'axe 2 ont été réalisées ?", "strategy_axes", False),
    # a year the tool's document does not write is another pact's, or another period's
    ("Quels sont les axes du pacte 2017-2021 ?", "strategy_axes", True),
    ("Quels sont les axes du nouveau pacte 2022-2027 ?", "strategy_axes", False),
    # where or who of a meeting: the calendar holds its dates only
    ("Où s'est tenu le comité de pilotage du 17 février 2020 ?", "governance_calendar", False),
    # a meeting to come: the calendar reports the meetings held
    ("Quand se tiendra le prochain comité de pilotage ?", "governance_calendar", False),
    ("When will the business network meet next?", "governance_calendar", False),
])
def test_a_tool_answers_the_body_and_the_count_the_question_names(shipped, question, tool, by_the_tool):
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.strip().splitlines()[-1])
    assert (answer["tool"] == tool) == by_the_tool, answer


@pytest.mark.parametrize("question, tool, expected", [
    ("Après le POCE, quel dispositif prend le relais ?", "next_steps", ["« PTRTE » [1]"]),
    ("What is the next step after this evaluation?", "next_steps", ["« PTRTE » [1]"]),
    # the steps asked for by the heading that lists them, and nothing else
    ("Quelles suites l'évaluation propose-t-elle de donner au contrat ?", "next_steps", ["« PTRTE » [1]"]),
    ("Quelle suite l'évaluation prévoit-elle ?", "next_steps", ["« PTRTE » [1]"]),
    ("Quelles sont les recommandations de l'évaluation ?", "next_steps", ["« PTRTE » [1]"]),
    ("Sur quelles études la stratégie du pacte a-t-elle été construite ?", "strategy_inputs",
     ["« Etude diagnostic Fisac PETR » [1]", "« SRDEII » [1]", "« Analyse socio-économique OP Conseil » (En cours) [1]"]),
])
def test_ask_routes_next_steps_and_strategy_inputs(shipped, question, tool, expected):
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.strip().splitlines()[-1])
    assert answer["tool"] == tool and answer["answered"] and answer["verified"]
    for line in expected:
        assert line in answer["answer"]
    assert len(answer["sources"]) == 1 and answer["sources"][0]["page"] == 1  # one passage: the slide's list
    if tool == "next_steps":
        assert answer["sources"][0]["excerpt"] == "PTRTE"


@pytest.mark.parametrize("question", ["Comment s'appellera le dispositif qui prend le relais du POCE ?",
                                      "What will the scheme that follows the pact be called?"])
def test_a_name_asked_of_what_follows_is_not_the_list_of_next_steps(shipped, question):
    # the list of steps may not name it: a sentence that names it answers, or none does
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.strip().splitlines()[-1])
    assert answer["tool"] != "next_steps", answer


def test_a_future_date_is_not_a_next_step(shipped):
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", "Quand aura lieu la prochaine étape ?"]).stdout.strip().splitlines()[-1])
    assert answer["answered"] is False and answer["tool"] is None


def _edited_index(tmp_path) -> Settings:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    path = corpus / POCE_FILE
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("67% d'action réalisées", "71% d'action réalisées"),
        ("20% d'action en cours", "18% d'action en cours"),
        ("13% d'action non réalisées", "11% d'action non réalisées"),
        ("Janvier 2022", "Mars 2023"),
        (" - ▣ Le 30/09/2020", " - ▣ Le 30/09/2020\n - ▣ Le 12/05/2021"),
        ("SOUTENIR L'ECONOMIE TOURISTIQUE", "DEVELOPPER LE TOURISME VERT ET LA RANDONNEE"),
        ("- PTRTE", "- Contrat de relance CRTE 2022-2026"),
        ("Etude diagnostic Fisac PETR", "Etude diagnostic Fisac PETR\n\nSchéma régional des mobilités"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Assistant(settings).ingest.run()
    return settings


def test_answers_follow_an_edited_document(tmp_path, use_index):
    use_index(_edited_index(tmp_path))
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"], stats["as_of"]) == (71, 18, 11, "Mars 2023")
    copils = cli_json("calendar", "--body", "comité de pilotage", "--json")
    assert [e["date"] for e in copils["events"]] == ["17/02/2020", "30/09/2020", "12/05/2021"]
    strategy = cli_json("axes", "--json")
    assert strategy["axes"][2]["title"] == "DEVELOPPER LE TOURISME VERT ET LA RANDONNEE"
    fits = cli_json("classify", "Balisage d'un nouveau sentier de randonnée autour du lac", "--json")
    assert fits["axis"] == 3 and fits["axis_title"] == "DEVELOPPER LE TOURISME VERT ET LA RANDONNEE"
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", "Quel est le taux d'actions réalisées ?"]).stdout.splitlines()[-1])
    assert "71%" in answer["answer"] and "67%" not in answer["answer"]
    relay = json.loads(CliRunner().invoke(app, ["ask", "--json", "Quelles sont les suites à donner ?"]).stdout.splitlines()[-1])
    assert relay["tool"] == "next_steps" and "« Contrat de relance CRTE 2022-2026 »" in relay["answer"] and "PTRTE" not in relay["answer"]
    inputs = json.loads(CliRunner().invoke(app, ["ask", "--json", "Sur quels documents la stratégie s'appuie-t-elle ?"]).stdout.splitlines()[-1])
    assert inputs["tool"] == "strategy_inputs" and "« Schéma régional des mobilités »" in inputs["answer"]


def corpus_with_register(tmp_path, name: str, rows: list[str], use_index) -> Settings:
    """The shipped corpus and a CSV register, ingested (nothing failed) and in use by the CLI."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    (corpus / name).write_text("\n".join(rows), encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert Assistant(settings).ingest.run().failed == []
    use_index(settings)
    return settings


def test_action_register_gives_current_figures_and_points_out_gaps(tmp_path, use_index):
    rows = [
        "action;axe;objectif;statut;responsable;date de mise à jour",
        "Magasin de producteurs;1;circuits de proximité;réalisée;PETR;2024-03-01",
        "Pépinière d'entreprises;1;animation économique;en cours;CC du Sammiellois;2024-03-05",
        "Club des dirigeants;2;structuration;réalisée;PETR;2024-02-10",
        "Site touristique en ligne;3;destination;non réalisée;OT;2024-01-15",
        "Action mystère;7;;peut-être;;2024-01-01",
    ]
    corpus_with_register(tmp_path, "registre-actions.csv", rows, use_index)
    stats = cli_json("stats", "--json")
    assert stats["done"] == 67  # the published figure stays
    register = stats["register"]
    assert register["overall"]["actions"] == 5
    assert register["overall"]["done"] == 50.0 and register["overall"]["done_count"] == 2
    assert register["by_axis"]["1"]["in_progress"] == 50.0
    assert any("peut-être" in issue for issue in register["issues"])
    assert any("axe 7 inconnu" in issue for issue in register["issues"])
    assert any("publiés dans l'évaluation" in issue for issue in register["issues"])
    for question in ("Selon le registre, quelle part des actions de l'axe 1 est réalisée aujourd'hui ?",
                     "Selon le registre, quelle part des actions du premier axe est réalisée aujourd'hui ?"):
        answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.splitlines()[-1])
        assert answer["tool"] == "register" and answer["answer"].startswith("Axe 1, 2 actions suivies"), answer
    # the published shares, then the register's present ones, each line with its source
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", "Où en sont les actions du pacte ?"]).stdout.splitlines()[-1])
    assert answer["tool"] == "action_stats" and answer["verified"], answer
    text = answer["answer"].replace("\u202f", " ").replace("\xa0", " ")
    assert text.startswith("Actions : 67 % réalisées, 20 % en cours, 13 % non réalisées"), text
    assert "Registre des actions (05/03/2024) : 50 % réalisées, 25 % en cours, 25 % non réalisées [4]." in text, text
    assert answer["sources"][3]["n"] == 4 and "Magasin de producteurs" in answer["sources"][3]["excerpt"]


def test_register_xlsx_and_another_sheet_indexed_as_a_table(tmp_path, use_index):
    from openpyxl import Workbook

    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    book = Workbook()
    sheet = book.active
    sheet.append(["Action", "Axe", "Statut"])
    sheet.append(["Sentier", "Axe 3", "En cours"])
    book.save(corpus / "registre.xlsx")
    (corpus / "tableau.csv").write_text("nom;valeur\na;1\n", encoding="utf-8")
    report = Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index")).ingest.run()
    # a sheet without the register's columns is another table: indexed as text, one line per row
    assert report.failed == []
    rows = [c.text for c in Assistant(Settings(corpus_dir=corpus, index_dir=tmp_path / "index")).catalog.iter_chunks()
            if c.metadata["file"] == "tableau.csv"]
    assert rows and "valeur : 1" in " ".join(rows)
    use_index(Settings(corpus_dir=corpus, index_dir=tmp_path / "index"))
    assert cli_json("stats", "--json")["register"]["by_axis"]["3"]["in_progress"] == 100.0


def test_a_register_with_its_own_headers_and_more_columns(tmp_path, use_index):
    rows = [
        "Code;Intitulé de l'action;Axe stratégique;Pilote;Budget prévu;État;Commentaire",
        "1.1;Halle de producteurs;Axe 1;CC du Sammiellois;120000;Réalisée;32 producteurs inscrits",
        "1.2;Chèque commerce;Axe 1;PETR;80000;En cours;14 commerces aidés",
        "3.1;Boucle cyclable du lac;Axe 3;OT;45000;Non engagée;",
    ]
    settings = corpus_with_register(tmp_path, "suivi-des-actions.csv", rows, use_index)
    # « Intitulé de l'action », « État », « Pilote » are the register's action, status and owner
    register = cli_json("stats", "--json")["register"]
    assert register["overall"]["actions"] == 3 and register["by_axis"]["1"]["done_count"] == 1
    # its other columns are searched as a table's: the sheet is indexed as text too
    text = " ".join(c.text for c in Assistant(settings).catalog.iter_chunks() if c.metadata["file"] == "suivi-des-actions.csv")
    assert "Budget prévu : 120 000" in text and "14 commerces aidés" in text
    # its rows are the register's actions, listed once: not read again as a table of actions
    facts = [f for f in cli_json("facts", "--json")["facts"] if f["file"] == "suivi-des-actions.csv"]
    assert sorted({f["kind"] for f in facts}) == ["register_action"] and len(facts) == 3, facts
    ask = lambda q: json.loads(CliRunner().invoke(app, ["ask", "--json", q]).stdout.splitlines()[-1])  # noqa: E731
    assert ask("Selon le suivi des actions, combien d'actions sont en cours ?")["tool"] == "register"
    # a count of something else than actions is the table's to answer, not the register's statistics
    shops = ask("Selon le suivi des actions, combien de commerces ont été aidés ?")
    assert shops["tool"] != "register" and "14" in shops["answer"], shops


def test_tool_registry_schemas_come_from_the_signatures(shipped_index):
    from assistant.knowledge.routing import ToolRouter
    from assistant.knowledge.tools import as_function_tools

    assistant = Assistant(shipped_index)
    assert set(assistant.tools) == {"action_stats", "governance_calendar", "strategy_axes", "strategy_inputs", "next_steps", "members",
                                    "classify_initiative"}
    schemas = {t.metadata.name: t.metadata.fn_schema.model_json_schema() for t in as_function_tools(assistant.tools)}
    assert set(schemas["governance_calendar"]["properties"]) == {"body", "year"}
    assert schemas["classify_initiative"]["required"] == ["text"]
    assert "Part des actions" in as_function_tools(assistant.tools)[0].metadata.description
    assert assistant.tools["action_stats"]()["done"] == 67
    # every tool name that `ask` reports is a registered tool
    import inspect

    routed = {"action_stats", "governance_calendar", "strategy_axes", "strategy_inputs", "next_steps"}
    source = inspect.getsource(inspect.getmodule(ToolRouter))
    assert routed <= set(assistant.tools) and all(f'"{name}"' in source for name in routed)


def _index_of(tmp_path, use_index, files: dict[str, str]) -> Settings:
    """A corpus of these Markdown files, ingested and used by the CLI; its settings."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert Assistant(settings).ingest.run().failed == []
    return use_index(settings)


def _pdf_index_of(tmp_path, use_index, name: str, pages: list[str]) -> Settings:
    """A corpus of one generated PDF (a page per string), ingested and used by the CLI."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_pdf(corpus / name, pages)
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert Assistant(settings).ingest.run().failed == []
    return use_index(settings)


STATUS_TABLE_REPORT = """# Évaluation du contrat 2018-2022

## 3. Bilan global

### 3.1 Avancement des actions

Tableau 1 – Statut des actions par axe

| Axe | Réalisées | En cours | Non engagées |
| --- | --- | --- | --- |
| Axe 1 | 5 (50 %) | 3 (30 %) | 2 (20 %) |
| Axe 2 | 4 (40 %) | 4 (40 %) | 2 (20 %) |
| Ensemble | 9 (45 %) | 7 (35 %) | 4 (20 %) |
"""


def test_a_status_table_by_axis_gives_the_whole_pact_from_its_total_row(tmp_path, use_index):
    # an axis's row is that axis's figure, never the pact's, whatever row comes first
    _index_of(tmp_path, use_index, {"evaluation-contrat.md": STATUS_TABLE_REPORT})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == (45, 35, 20)
    # the figure is quoted with the parenthesis it opens, never cut inside it
    shown = CliRunner().invoke(app, ["stats"]).stdout
    assert "« Réalisées : 9 (45 %) »" in shown and "(45 % »" not in shown
    axis = cli_json("stats", "--axis", "2", "--json")
    assert (axis["done"], axis["in_progress"]) == (40, 40)


def test_a_share_of_two_statuses_together_is_neither(tmp_path, use_index):
    # « 80 % des actions réalisées ou en cours » is not a share of actions in progress: read as
    # one, it was shown as another document's conflicting figure
    summary = "# Synthèse de l'évaluation\n\nJuin 2023\n\n## L'essentiel\n\n80 % des 20 actions réalisées ou en cours\n"
    _index_of(tmp_path, use_index, {"evaluation-contrat.md": STATUS_TABLE_REPORT, "synthese.md": summary})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == (45, 35, 20)
    assert "conflicts" not in stats, stats.get("conflicts")


def test_an_earlier_document_s_figures_are_history_not_a_conflict(tmp_path, use_index):
    # a committee's progress report dated before the final evaluation gave lower shares: that is
    # the pact's progress, shown as earlier figures, not as a disagreement to settle
    final = STATUS_TABLE_REPORT.replace("## 3. Bilan global", "Juin 2023\n\n## 3. Bilan global")
    interim = ("# Comité de suivi du contrat\n\nNovembre 2021\n\n## Avancement\n\n"
               "À mi-parcours, 30 % des actions sont réalisées, 50 % sont en cours et 20 % ne sont pas engagées.\n")
    _index_of(tmp_path, use_index, {"evaluation-contrat.md": final, "comite-2021.md": interim})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"]) == (45, 35)
    assert "conflicts" not in stats and "warning" not in stats
    assert [e["as_of"] for e in stats["earlier"]] == ["Novembre 2021"] and "30 %" in stats["earlier"][0]["summary"]
    shown = CliRunner().invoke(app, ["stats"]).stdout
    assert "Chiffres antérieurs" in shown and "Attention" not in shown
    answer = CliRunner().invoke(app, ["ask", "Quelle part des actions est réalisée ?"]).stdout
    assert "45 %" in answer and "Chiffres antérieurs" in answer and "30 %" in answer, answer


ABANDONED_REPORT = """# Bilan du contrat de territoire 2019-2023

Mars 2024

## Avancement des actions

Sur les 40 actions inscrites, 22 ont été réalisées (55,5 %) ; 9 actions sont en cours (22,5 %),
5 actions n'ont pas démarré (12,5 %) et 4 actions ont été abandonnées (9,5 %).
"""


def test_an_abandoned_share_is_a_fourth_status_everywhere(tmp_path, use_index):
    # the shares add up only with the abandoned actions: they are shown, in the JSON, the table,
    # the answers and the register, and never where a document gives none (the shipped corpus)
    _index_of(tmp_path, use_index, {"bilan-contrat.md": ABANDONED_REPORT, "registre-actions.csv": "\n".join([
        "action;axe;statut;date de mise à jour",
        "Halle gourmande;1;réalisée;2024-03-01",
        "Tiers-lieu;1;abandonnée;2024-03-05",
        "Navette;2;en cours;2024-02-10",
        "Marque territoriale;2;réalisée;2024-01-15",
    ])})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"], stats["abandoned"]) == (55.5, 22.5, 12.5, 9.5)
    assert set(stats) == STATS_KEYS | {"abandoned"}
    overall = stats["register"]["overall"]
    assert (overall["actions"], overall["abandoned_count"], overall["abandoned"], overall["done"]) == (4, 1, 25.0, 50.0)
    assert "abandoned" not in stats["register"]["by_axis"]["2"]  # none abandoned on axis 2
    shown = CliRunner().invoke(app, ["stats"]).stdout
    assert "abandonnées" in shown and "9,5 %" in shown and "9.5" not in shown
    ask = CliRunner().invoke(app, ["ask", "--json", "Quelle part des actions a été abandonnée ?"])
    answer = json.loads(ask.stdout.splitlines()[-1])
    lead = answer["answer"].replace("\u202f", " ")
    assert answer["tool"] == "action_stats" and lead.startswith("9,5 % des actions abandonnées"), answer
    ask = CliRunner().invoke(app, ["ask", "--json", "Selon le registre, combien d'actions sont abandonnées aujourd'hui ?"])
    answer = json.loads(ask.stdout.splitlines()[-1])
    text = answer["answer"].replace("\u202f", " ")
    assert answer["tool"] == "register" and "1 abandonnée (25 %)" in text and "4 actions" in text, answer


AXES_AND_SHARES = """# Bilan du contrat 2019-2023

## Axe 1 – Tourisme de pleine nature

Objectif 1.1 – Baliser les itinéraires de randonnée

## Axe 2 – Foncier économique

Objectif 2.1 – Requalifier les zones d'activités

## Avancement des actions

| Axe | Réalisées | En cours | Non engagées |
| --- | --- | --- | --- |
| Axe 1 | 5 (50 %) | 3 (30 %) | 2 (20 %) |
| Axe 2 | 4 (40 %) | 4 (40 %) | 2 (20 %) |
| Ensemble | 9 (45 %) | 7 (35 %) | 4 (20 %) |
"""


@pytest.mark.parametrize("question, lead", [
    ("Quelle part des actions de l'axe 2 est réalisée ?", "40 % des actions de l'axe 2 réalisées"),
    ("Quel est le taux de réalisation des actions de l'axe foncier économique ?", "40 % des actions de l'axe 2 réalisées"),
    ("Quelle part des actions est réalisée ?", "45 % des actions réalisées"),
])
def test_the_statistics_of_the_axis_the_question_names(tmp_path, use_index, question, lead):
    # an axis named by its number or its title gets that axis's shares, never the pact's
    _index_of(tmp_path, use_index, {"bilan.md": AXES_AND_SHARES})
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.splitlines()[-1])
    assert answer["tool"] == "action_stats" and answer["answer"].replace("\u202f", " ").startswith(lead), answer


def test_an_axis_the_tool_cannot_tell_is_not_given_the_pacts_shares(tmp_path, use_index):
    _index_of(tmp_path, use_index, {"bilan.md": AXES_AND_SHARES})
    question = "What share of the actions of the hiking axis were completed?"
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.splitlines()[-1])
    assert answer["tool"] != "action_stats", answer
    # the table's rows may answer (the axis of « randonnée » is axis 1), but the pact's own shares
    # are never the answer: not in the lead, and only in the row they belong to, after axis 1's
    lines = answer["answer"].splitlines()
    assert "45" not in lines[0], answer
    if "45" in answer["answer"]:
        at = next(i for i, line in enumerate(lines) if "45" in line)
        assert "Ensemble" in lines[at] and any("Axe 1" in line for line in lines[1:at]), answer


NUMBERED_REPORT = """# Rapport d'évaluation du contrat 2018-2022

Version du 31 mars 2023

## 4. Axe 1 – Conforter le tissu productif

### 4.1 Objectif 1.1 – Requalifier le foncier économique

La friche a été requalifiée.

### 4.2 Objectif 1.2 – Soutenir la reprise d'entreprises

Douze reprises ont été accompagnées.

## 5. Axe 2 – Rapprocher les compétences des employeurs

### 5.1 Objectif 2.1 – Développer la formation de proximité

Un campus a ouvert.
"""

LATER_SUMMARY = """# Synthèse de l'évaluation

Juin 2023

## Axe 1 – Tissu productif

Taux d'engagement = actions réalisées ou en cours / actions inscrites

## Axe 2 – Compétences
"""


def test_numbered_report_headings_give_the_axes_and_their_objectives(tmp_path, use_index):
    _index_of(tmp_path, use_index, {"rapport-evaluation.md": NUMBERED_REPORT, "synthese-evaluation.md": LATER_SUMMARY})
    strategy = cli_json("axes", "--json")
    # the report gives the strategy whole; the later summary only names the axes (a conflict shown)
    assert [a["title"] for a in strategy["axes"]] == ["Conforter le tissu productif",
                                                     "Rapprocher les compétences des employeurs"]
    assert strategy["axes"][0]["objectives"] == ["Requalifier le foncier économique",
                                                 "Soutenir la reprise d'entreprises"]
    assert strategy["axes"][1]["objectives"] == ["Développer la formation de proximité"]


DATES_AFTER_A_BODY = """# Rapport d'évaluation

## 2. Méthodologie

L'évaluation a été suivie par le comité de pilotage, qui s'est réuni le 30 novembre 2021.

Les données financières sont arrêtées au 31 décembre 2022.

Le rapport a été remis le 31 mars 2023.
"""


def test_a_date_after_a_body_is_a_meeting_only_when_the_text_says_it_met(tmp_path, use_index):
    _index_of(tmp_path, use_index, {"rapport.md": DATES_AFTER_A_BODY})
    calendar = cli_json("calendar", "--json")
    assert [(e["body"], e["date"]) for e in calendar["events"]] == [("comité de pilotage", "30 novembre 2021")]


BOARD_MINUTES = """# Relevé de décisions du bureau syndical

## Décisions

La commission économie, consultée le 12 février 2024, a rendu un avis favorable.

Le bureau arrête en séance au 15 septembre 2024 la date de remise des candidatures.

Le bureau reporte par conséquent au 1er mars 2025 l'ouverture du guichet unique.
"""


def test_a_deadline_a_body_sets_is_not_its_meeting(tmp_path, use_index):
    # « Le bureau reporte … au 1er mars 2025 … » dates what the body decided, not a meeting of a
    # body called « bureau reporte par conséquent »
    _index_of(tmp_path, use_index, {"releve-decisions.md": BOARD_MINUTES})
    events = [(e["body"], e["date"]) for e in cli_json("calendar", "--json")["events"]]
    assert ("commission économie", "12 février 2024") in events
    assert not any("reporte" in body or "2025" in date for body, date in events), events


DELIBERATION = """# Délibération n° 2023-041

## Le comité syndical,

Vu l'arrêté préfectoral du 18 novembre 2015 portant création du PETR ;
Vu la délibération n° 2017-052 du 12 décembre 2017 approuvant le pacte ;
Vu l'avis du comité de pilotage du pacte en date du 11 mai 2023 ;

Décide d'approuver le rapport d'évaluation.
"""


def test_each_clause_of_a_deliberation_dates_its_own_act(tmp_path, use_index):
    # the « Vu … ; » lines are one paragraph: only the clause that names the steering committee
    # dates one of its meetings
    _index_of(tmp_path, use_index, {"deliberation.md": DELIBERATION})
    calendar = cli_json("calendar", "--json")
    assert [(e["body"], e["date"]) for e in calendar["events"]] == [("comité de pilotage", "11 mai 2023")]


MEETINGS_IN_PROSE = """# Rapport final

## 2. Gouvernance

Le comité de pilotage s'est réuni onze fois entre mars 2018 et mai 2023.

Le rapport a été remis le 31 mars 2023 et présenté au comité de pilotage le 11 mai 2023.

Les ateliers de janvier 2023 ont précédé le comité de pilotage du 30 novembre 2022.

La revue à mi-parcours du comité de pilotage de novembre 2021 s'est tenue à Lorvillers, le 30 novembre 2021.

- Le comité de pilotage s'est réuni le 4 juin 2019. Le compte rendu a été validé le 20 juin 2019.

Le conseil de développement, consulté le 6 juin 2023, a rendu un avis favorable.
"""


def test_meetings_in_prose_are_the_bodys_own_dates_in_order_of_time(tmp_path, use_index):
    # never a span's bounds, nor the date of another act in the same sentence or item, nor a
    # month-only mention of a meeting dated elsewhere; a body's name stops at its comma
    _index_of(tmp_path, use_index, {"rapport.md": MEETINGS_IN_PROSE})
    calendar = cli_json("calendar", "--json")
    assert [(e["body"], e["date"]) for e in calendar["events"]] == [
        ("comité de pilotage", "4 juin 2019"), ("comité de pilotage", "30 novembre 2021"),
        ("comité de pilotage", "30 novembre 2022"), ("comité de pilotage", "11 mai 2023"),
        ("conseil de développement", "6 juin 2023")]


def test_a_register_status_list_says_who_carries_each_action(tmp_path, use_index):
    rows = [
        "Intitulé;Axe;Statut;Pilote",
        "Pépinière d'entreprises;1;en cours;CC du Sammiellois",
        "Club des dirigeants;2;en cours;",
        "Magasin de producteurs;1;réalisée;PETR",
    ]
    corpus_with_register(tmp_path, "registre-actions.csv", rows, use_index)
    answer = cli_json("ask", "--json", "Selon le registre, quelles actions sont en cours ?")
    assert answer["tool"] == "register" and answer["verified"], answer
    lines = answer["answer"].splitlines()
    assert lines[0].startswith("2 actions en cours"), answer
    assert "« Pépinière d'entreprises » (CC du Sammiellois) [1]" in lines[1], answer
    assert lines[2].endswith("« Club des dirigeants » [2]"), answer  # no carrier written: none shown
    assert "Magasin" not in answer["answer"]
    # the cited excerpt holds the carrier, under the register's own header
    assert answer["sources"][0]["excerpt"].endswith("Pilote : CC du Sammiellois"), answer["sources"][0]


NEWSLETTER_REPORT = """# La Lettre du Pacte – évaluation finale

Janvier 2025

## Quatre axes, dix objectifs

### Axe 1 — Faire de l'économie maritime un moteur d'emplois

▸ 1.1 Moderniser les équipements portuaires
▸ 1.2 Soutenir la filière pêche

### Axe 2 — Développer un tourisme durable

▸ 2.1 Allonger la saison touristique

## Où en sont les 34 actions ?

Au 31 décembre 2024, sur les 34 actions inscrites au Pacte, 18 sont réalisées, soit 53 %. Dix actions
sont en cours, soit 29 %, et six n'ont pas abouti, ce qui représente ensemble 18 % des actions.

| Statut | Nombre | Part |
|---|---|---|
| Réalisées | 18 | 53 % |
| En cours | 10 | 29 % |
| Non engagées | 4 | 12 % |
| Abandonnées | 2 | 6 % |
| Total | 34 | 100 % |

L'axe 2, consacré au tourisme, affiche le meilleur taux de réalisation (63 %).

## Le calendrier des instances

Comité technique : mardi 16 mars 2021.

En 2024, le comité de pilotage s'est réuni le 2 février pour arrêter le cahier des charges, puis le
comité technique le 08/10/2024 pour examiner les premiers résultats.

Situation au 31 décembre 2024, d'après le registre des actions tenu par le comité technique.
"""

MINUTES_WITH_A_BUDGET_TABLE = """COMPTE RENDU DU COMITÉ DE PILOTAGE

Point 3 - Budget par axe

Axe 1    6 400 000      5 120 000      80 %
Axe 2    3 100 000      2 480 000      80 %
"""


def test_a_report_in_another_layout_gives_its_shares_axes_and_meetings(tmp_path, use_index):
    # shares restated after « soit » or in a table by status, an axis's own rate kept to its axis;
    # objectives numbered under their axis; a table row of amounts is no axis heading; a weekday
    # before a date, a year stated once in the sentence, two bodies in one sentence, a date the
    # figures are given at
    _index_of(tmp_path, use_index, {"evaluation-finale.md": NEWSLETTER_REPORT, "cr-copil.txt": MINUTES_WITH_A_BUDGET_TABLE})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"], stats["abandoned"]) == (53, 29, 12, 6)
    axes = cli_json("axes", "--json")["axes"]
    assert [(a["number"], a["title"]) for a in axes] == [(1, "Faire de l'économie maritime un moteur d'emplois"),
                                                         (2, "Développer un tourisme durable")]
    assert axes[0]["objectives"] == ["Moderniser les équipements portuaires", "Soutenir la filière pêche"]
    assert strategy_heading("Axe 1    6 400 000      5 120 000      80 %") is None
    events = {(e["body"], e["iso"]) for e in cli_json("calendar", "--json")["events"]}
    assert events == {("comité technique", "2021-03-16"), ("comité de pilotage", "2024-02-02"),
                      ("comité technique", "2024-10-08")}
    # the day completed with its sentence's year is shown with that year
    shown = CliRunner().invoke(app, ["calendar"]).stdout
    assert "2 février 2024" in shown, shown
    answer = CliRunner().invoke(app, ["ask", "Quelles sont les dates des comités de pilotage ?"]).stdout
    assert "2 février 2024" in answer, answer


def test_a_slide_stating_the_whole_strategy_speaks_before_the_per_axis_slides(tmp_path, use_index):
    # a deck lists every axis with its numbered objectives on one slide, then gives each axis a
    # slide of its own under a shortened capital heading with key figures: the axes and their
    # objectives are the overview's, never the key figures
    _pdf_index_of(tmp_path, use_index, "bilan-contrat.pdf", [
        "Bilan du contrat de territoire 2018-2022\nMars 2023",
        "DEUX AXES, CINQ OBJECTIFS OPÉRATIONNELS\nAxe 1 – Développer les filières agricoles locales\n"
        "1.1 Structurer la filière laitière\n1.2 Soutenir la vente directe\nAxe 2 – Accueillir les entreprises\n"
        "2.1 Requalifier les zones d'activités\n2.2 Créer des ateliers-relais\n2.3 Accompagner la reprise d'entreprises",
        "AXE 1 – FILIÈRES\nFromagerie coopérative : 12 emplois créés\nMarché de producteurs : 30 exposants",
        "AXE 2 – ENTREPRISES\nZone du Moulin requalifiée : 8 ha\nAtelier-relais de la gare : 450 m²",
    ])
    axes = cli_json("axes", "--json")["axes"]
    assert [(a["number"], a["title"]) for a in axes] == [(1, "Développer les filières agricoles locales"),
                                                         (2, "Accueillir les entreprises")]
    assert axes[0]["objectives"] == ["Structurer la filière laitière", "Soutenir la vente directe"]
    assert axes[1]["objectives"] == ["Requalifier les zones d'activités", "Créer des ateliers-relais",
                                     "Accompagner la reprise d'entreprises"]


def test_an_objective_wrapped_over_two_lines_of_a_slide_is_read_whole(tmp_path, use_index):
    # a slide's objective too long for its line goes on under it, unbulleted: the line that ends on
    # « de » is not the objective's end; a line ending on a full word is
    _pdf_index_of(tmp_path, use_index, "seminaire.pdf", [
        "Séminaire de lancement du contrat\nOctobre 2019",
        "Axe 1 — Faire de la mer un moteur d'emplois\n\n▶ 1.1 Moderniser les équipements du port de\nPort-Vendrel\n\n"
        "▶ 1.2 Soutenir la filière pêche\nLes premiers chiffres sont attendus en 2021.",
        "Axe 2 — Accueillir les entreprises\n\n▶ 2.1 Requalifier les zones d'activités et\nles friches industrielles\n\n"
        "▶ 2.2 Créer des ateliers-relais",
    ])
    axes = {a["number"]: a["objectives"] for a in cli_json("axes", "--json")["axes"]}
    assert axes == {1: ["Moderniser les équipements du port de Port-Vendrel", "Soutenir la filière pêche"],
                    2: ["Requalifier les zones d'activités et les friches industrielles", "Créer des ateliers-relais"]}


STRATEGY_TABLE_REPORT = """# Bilan du contrat de développement 2019-2024

## 2. Axes et objectifs

| Axe | Intitulé | Objectifs |
|-----|----------|-----------|
| 1 | Conforter l'agriculture | 1.1 Structurer les circuits courts ; 1.2 Installer de nouveaux agriculteurs |
| 2 | Soutenir l'artisanat | 2.1 Moderniser les zones d'activités |

## 3. Avancement

| Axe | Actions | Achevées | Taux |
|-----|---------|----------|------|
| Axe 1 - Agriculture | 10 | 5 | 50 % |
| Axe 2 - Artisanat | 8 | 3 | 38 % |
"""


def test_a_strategy_table_gives_the_axes_and_their_objectives(tmp_path, use_index):
    # a table whose rows give an axis, its title and its objectives numbered under it; the
    # progress table's rows (« Axe 1 - Agriculture ») are no axes, and neither are amounts
    _index_of(tmp_path, use_index, {"bilan-contrat.md": STRATEGY_TABLE_REPORT})
    axes = cli_json("axes", "--json")["axes"]
    assert [(a["number"], a["title"], a["objectives"]) for a in axes] == [
        (1, "Conforter l'agriculture", ["Structurer les circuits courts", "Installer de nouveaux agriculteurs"]),
        (2, "Soutenir l'artisanat", ["Moderniser les zones d'activités"])]


def test_key_figures_under_an_axis_are_results_not_objectives(tmp_path, use_index):
    # a progress report lists each axis's results under its heading: a line stating a figure or a
    # label and its value is a result; a line in words stays an objective
    report = ("# Point d'étape du pacte de relance\n\n## Axe 1 – Relocaliser la production\n\n"
              "- Zone d'activités de la Seille : 8 ha viabilisés\n- Un manager de commerce recruté en novembre 2021\n\n"
              "## Axe 2 – Commerce et centres-bourgs\n\n- Favoriser la reprise des commerces\n"
              "- Application de la ville : 2 800 utilisateurs actifs\n")
    _index_of(tmp_path, use_index, {"point-etape.md": report})
    axes = cli_json("axes", "--json")["axes"]
    assert [(a["number"], a["objectives"]) for a in axes] == [(1, []), (2, ["Favoriser la reprise des commerces"])]


def test_a_meeting_announced_is_planned_not_held(tmp_path, use_index):
    # the final report announces the next pact's first meeting: it is shown as planned, never
    # counted as held nor given as the last meeting; a date after the document's own is planned too
    report = ("# Évaluation finale du pacte\n\nJanvier 2025\n\n## Gouvernance\n\n"
              "Le comité de pilotage s'est réuni le 3 mars 2022.\n\n"
              "Le comité de pilotage de clôture s'est tenu le 10 décembre 2024.\n\n"
              "Le premier comité de pilotage du futur pacte est programmé le 17 juin 2025.\n\n"
              "Le comité technique examinera le bilan le 4 novembre 2025.\n\n"
              "Un comité technique préparatoire se tiendra en mai 2025 (date à fixer).\n")
    _index_of(tmp_path, use_index, {"evaluation-finale.md": report})
    events = {(e["body"], e["iso"]): e["planned"] for e in cli_json("calendar", "--json")["events"]}
    assert events == {("comité de pilotage", "2022-03-03"): False, ("comité de pilotage", "2024-12-10"): False,
                      ("comité de pilotage", "2025-06-17"): True, ("comité technique", "2025-11-04"): True,
                      ("comité technique", None): True}
    shown = CliRunner().invoke(app, ["calendar"]).stdout
    assert "17 juin 2025 (prévue)" in shown and "10 décembre 2024 (prévue)" not in shown, shown
    assert "2 réunions, 1 prévue" in shown, shown
    assert "mai 2025 (prévue)" in shown and "date incomplète" not in shown, shown  # its day is to come, not missing
    last = CliRunner().invoke(app, ["ask", "Quelle est la dernière réunion du comité de pilotage ?"]).stdout
    assert "10 décembre 2024" in last.split("\n")[0] and "17 juin 2025" not in last.split("\n")[0], last
    count = CliRunner().invoke(app, ["ask", "Combien de fois le comité de pilotage s'est-il réuni ?"]).stdout
    assert "2 réunions, 1 prévue" in count, count
    # dates read from several passages each cite their own, and the answer holds them all
    dates = CliRunner().invoke(app, ["ask", "Quand s'est réuni le comité de pilotage ?"]).stdout
    first = dates.split("\n")[0]
    assert "3 mars 2022 [" in first and "10 décembre 2024 [" in first and "17 juin 2025 (prévue) [" in first, dates


def test_a_meeting_written_twice_is_cited_from_the_list_of_meetings(tmp_path, use_index):
    # the first meeting is also a milestone of the contract: it is cited, as the others, from the
    # passage that lists the body's meetings
    report = ("# Bilan du contrat\n\nMars 2024\n\n## Le contrat en quelques dates\n\n"
              "21 novembre 2019 : installation du comité de suivi\n\n## Gouvernance\n\n"
              "3 réunions du comité de suivi : 21/11/2019 – 10/12/2020 – 30/11/2021\n")
    _index_of(tmp_path, use_index, {"bilan.md": report})
    events = cli_json("calendar", "--json")["events"]
    assert [(e["date"], e["source"]) for e in events] == [("21/11/2019", 1), ("10/12/2020", 1), ("30/11/2021", 1)]


def test_a_report_s_section_number_before_an_axis_is_no_objective(tmp_path, use_index):
    # « 4.4 Orientation 4 : … » is the fourth orientation under chapter 4, not its objective « 4.4 »
    scheme = ("# Schéma régional\n\n## 4. Orientations et objectifs\n\n"
              "### 4.3 Orientation 3 : Innover\n\n#### 4.3.1 Objectif 3.1 : Renforcer la recherche partenariale\n\nTexte.\n\n"
              "### 4.4 Orientation 4 : Renforcer l'attractivité des territoires\n\nCette orientation rassemble l'économie de proximité.\n\n"
              "#### 4.4.1 Objectif 4.1 : Développer les circuits courts\n\nTexte.\n")
    _index_of(tmp_path, use_index, {"schema.md": scheme})
    axes = {a["number"]: a["objectives"] for a in cli_json("axes", "--json")["axes"]}
    assert axes == {3: ["Renforcer la recherche partenariale"], 4: ["Développer les circuits courts"]}
    answer = CliRunner().invoke(app, ["ask", "Quels sont les axes du schéma régional ?"]).stdout
    assert answer.startswith("2 orientations"), answer


def test_a_byline_of_several_bodies_names_each_member_once(tmp_path, use_index):
    # a cover's byline (« CA du … · Région … ») is several names, not one member
    report = ("# Bilan du pacte\n\nCommunauté d'agglomération du Val Brunet · Région Hauts-de-France · mars 2024\n\n"
              "## Le territoire\n\n- Communauté d'agglomération du Val Brunet\n")
    _index_of(tmp_path, use_index, {"bilan.md": report})
    members = [f["data"]["name"] for f in cli_json("facts", "--kind", "member", "--json")["facts"]]
    assert members == ["Communauté d'agglomération du Val Brunet"], members


ACTIONS_TABLE_REPORT = """# Suivi du contrat de territoire

## Gouvernance

Le comité de pilotage s'est réuni le 14 octobre 2021 pour le bilan à mi-parcours.

## Tableau des actions

| Réf. | Action | État | Mise à jour |
|---|---|---|---|
| A1 | Hôtel d'entreprises | Terminé | 05/02/2024 |
| A2 | Marque territoriale | En cours | 21/05/2024 |
| B7 | Groupement d'employeurs | Abandonné | 17/06/2024 |
"""


def test_a_row_of_a_table_of_actions_dates_the_action_not_a_meeting(tmp_path, use_index):
    # « A1 » is a reference, not a body, and « Mise à jour : 05/02/2024 » dates the row, not a
    # meeting: a row with an action's status is never a governance event
    _index_of(tmp_path, use_index, {"suivi.md": ACTIONS_TABLE_REPORT})
    events = [(e["body"], e["iso"]) for e in cli_json("calendar", "--json")["events"]]
    assert events == [("comité de pilotage", "2021-10-14")], events


def test_shares_grouped_otherwise_are_no_conflict(tmp_path, use_index):
    # the report counts the abandoned actions apart, its summary groups them with the ones never
    # started: « 10 % non démarrées, 3 % abandonnées » and « 13 % non réalisées » agree; another
    # share of actions done is still a disagreement shown to the user
    report = ("# Rapport d'évaluation du contrat\n\nAvril 2025\n\n## Avancement\n\n"
              "Sur les 31 actions du contrat, 18 sont achevées (58 %), 9 sont en cours (29 %), "
              "3 n'ont pas démarré (10 %) et 1 a été abandonnée (3 %).\n")
    summary = ("# Synthèse de l'évaluation\n\nAvril 2025\n\n## Chiffres clés\n\n"
               "- 58 % des actions achevées\n- 29 % des actions en cours\n- 13 % des actions non réalisées\n")
    _index_of(tmp_path, use_index, {"rapport.md": report, "synthese.md": summary})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"], stats.get("abandoned")) == (58, 29, 10, 3)
    assert not stats.get("conflicts"), stats.get("conflicts")
    (tmp_path / "corpus" / "synthese.md").write_text(summary.replace("58 %", "61 %"), encoding="utf-8")
    assert Assistant(Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")).ingest.run().failed == []
    assert [c["summary"] for c in cli_json("stats", "--json")["conflicts"]] == \
        ["61 % réalisées, 29 % en cours, 13 % non réalisées"]


def test_minutes_headed_with_a_member_town_are_the_territorys_own(tmp_path, use_index):
    # the minutes open with the town that hosted the meeting (« siège de la CCBV, Valbrécy »): the
    # town is one of ours (our report names it) and the minutes speak of us, so they speak for our
    # pact: the next meeting they announce is in the calendar
    report = ("# Rapport d'évaluation du contrat de la Communauté de communes du Bocage de la Vire\n\n"
              "Avril 2025\n\n## Gouvernance\n\nLe comité de pilotage s'est réuni le 14 octobre 2021 et le "
              "18 mars 2025.\n\n## Le territoire\n\nLa communauté de communes regroupe 14 communes, dont "
              "la commune de Valbrécy, qui accueille son siège.\n")
    minutes = ("# Comité de pilotage du contrat de territoire\n\n## Compte rendu de la séance du 18 mars 2025\n\n"
               "- Lieu : salle du conseil, siège de la CCBV, Valbrécy\n- Présidence : le président de la CCBV\n\n"
               "## Décisions\n\nLe comité approuve le bilan présenté par la CCBV.\n\n"
               "## Prochaine réunion\n\nLe comité de pilotage se réunira le mardi 30 septembre 2025 au siège "
               "de la CCBV pour la séance de clôture.\n")
    neighbour = ("# Bilan du pacte du PETR du Pays Saint-Lois\n\nMars 2025\n\n## Gouvernance\n\n"
                 "Le comité de pilotage s'est réuni le 12 mai 2022.\n")
    _index_of(tmp_path, use_index, {"rapport.md": report, "copil-2025-03-18.md": minutes, "voisin.md": neighbour,
                                    "pacte.toml": '[territoire]\nnom = "Communauté de communes du Bocage de la Vire"\n'
                                                  'aliases = ["CCBV", "Bocage de la Vire"]\n'})
    events = {(e["body"], e["iso"]): e["planned"] for e in cli_json("calendar", "--json")["events"]}
    assert events == {("comité de pilotage", "2021-10-14"): False, ("comité de pilotage", "2025-03-18"): False,
                      ("comité de pilotage", "2025-09-30"): True}, events


def test_a_report_opening_on_one_of_its_towns_is_the_territorys_own(tmp_path, use_index):
    # the report's opening lines name the territory and then one of its towns (« la commune de
    # Valbrécy accueille son siège »): the town is where, not whose; the report speaks for the
    # territory, and a neighbour's meetings stay out of the calendar
    report = ("# Rapport d'évaluation du contrat de la Communauté de communes du Bocage de la Vire\n\n"
              "Avril 2025\n\n## Le territoire\n\nLa communauté de communes regroupe 14 communes ; la commune "
              "de Valbrécy accueille son siège.\n\n## Gouvernance\n\n"
              "Le comité de pilotage s'est réuni le 14 octobre 2021 et le 18 mars 2025.\n")
    neighbour = ("# Bilan du pacte du PETR du Pays Saint-Lois\n\nMars 2025\n\n## Gouvernance\n\n"
                 "Le comité de pilotage s'est réuni le 12 mai 2022.\n")
    _index_of(tmp_path, use_index, {"rapport.md": report, "voisin.md": neighbour,
                                    "pacte.toml": '[territoire]\nnom = "Communauté de communes du Bocage de la Vire"\n'
                                                  'aliases = ["CCBV", "Bocage de la Vire"]\n'})
    events = [(e["body"], e["iso"]) for e in cli_json("calendar", "--json")["events"]]
    assert events == [("comité de pilotage", "2021-10-14"), ("comité de pilotage", "2025-03-18")], events


def test_members_listed_with_their_towns_and_never_the_territory_itself(tmp_path, use_index):
    # each community opens its paragraph with its name, then its details and towns; the report's
    # byline names the territory itself, which is not one of its members
    report = ("# Évaluation du contrat de territoire\n\nPETR du Pays des Trois Vallées · Région Grand Est\n\n"
              "## Le territoire\n\n"
              "Communauté de communes du Val de Sorelle (11 communes, 14 210 habitants) : Vaulmont, Bréchaux, "
              "Mérandans, Villers-Sorelle et sept autres communes.\n\n"
              "Communauté de communes Vaudre et Plateaux (9 communes) : Mouthier-Vaudre, Ouvans, Lavans.\n\n"
              "## Stratégie\n\n### Axe 1 – Accueillir les entreprises\n\n### Axe 2 – Valoriser la forêt\n")
    _index_of(tmp_path, use_index, {"rapport.md": report, "pacte.toml": '[territoire]\nnom = "PETR du Pays des Trois Vallées"\n'})
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", "Quelles intercommunalités composent le PETR ?"])
                        .stdout.splitlines()[-1])
    assert answer["tool"] == "members", answer
    assert "Communauté de communes du Val de Sorelle" in answer["answer"]
    assert "Communauté de communes Vaudre et Plateaux" in answer["answer"]
    assert "14 210" not in answer["answer"].split("Sources")[0].split("[1]")[0]  # the name, not its details


def test_the_territory_named_in_its_own_byline_is_not_its_member(tmp_path, use_index):
    report = ("# Évaluation du pacte\n\nCommunauté d'agglomération du Littoral Sud · Région Hauts-de-France\n\n"
              "## Stratégie\n\n### Axe 1 – Développer le port\n\n### Axe 2 – Accueillir les visiteurs\n")
    toml = '[territoire]\nnom = "Communauté d\'agglomération du Littoral Sud"\n'
    settings = _index_of(tmp_path, use_index, {"rapport.md": report, "pacte.toml": toml})
    names = [f["data"]["name"] for f in cli_json("facts", "--json")["facts"] if f["kind"] == "member"]
    assert names == ["Communauté d'agglomération du Littoral Sud"]  # read as a line of members…
    assert Assistant(settings).knowledge.members() == []  # …but the territory is not its own member


def test_the_shares_carry_the_date_they_are_given_at(tmp_path, use_index):
    # a report written in April 2025 gives its shares « arrêtées au 31 décembre 2024 »: a question
    # about the end of 2024 is the statistics' to answer, and the answer says when the figures stand
    report = ("# Évaluation finale du contrat\n\nRapport final – avril 2025\n\n"
              "Situation des actions arrêtée au 31 décembre 2024\n\n## Avancement des actions\n\n"
              "| État d'avancement | Nombre d'actions | Part |\n|---|---|---|\n| Achevée | 21 | 55 % |\n"
              "| En cours | 11 | 29 % |\n| Non démarrée | 6 | 16 % |\n")
    _index_of(tmp_path, use_index, {"evaluation.md": report})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["as_of"], stats["situation"]) == (55, "avril 2025", "31 décembre 2024")
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", "Quelle part des actions était achevée en décembre 2024 ?"])
                        .stdout.splitlines()[-1])
    assert answer["tool"] == "action_stats" and answer["answer"].startswith("55\u202f% des actions réalisées au 31 décembre 2024"), answer


def test_the_strategy_inputs_are_studies_not_headings_captions_or_glossary_lines(tmp_path, use_index):
    # the words of a study (« contrat », « diagnostic », « plan ») also open headings, captions,
    # glossary lines, questions and figures: none of them is a study the strategy draws on
    report = ("# Évaluation du contrat de territoire\n\n## 1. Le territoire et le contrat\n\n"
              "Le contrat couvre 2021-2025.\n\n## 2. Les études préalables\n\n"
              "- Diagnostic économique du territoire\n- Étude de positionnement touristique\n- SRDEII\n\n"
              "Tableau 3 – Plan de financement du contrat\n\n46 projets identifiés dans le plan d'actions\n\n"
              "Le contrat est-il prolongé ?\n\n12 juillet 2019 : signature du contrat\n\n"
              "## Glossaire\n\nCTDE : Contrat territorial de développement économique\n\n"
              "## Stratégie\n\n### Axe 1 – Accueillir les entreprises\n\n### Axe 2 – Valoriser la forêt\n\n"
              # a line that mentions a study's word further on names none (« Signature du contrat »),
              # nor does a common noun in capitals over a section (« DIAGNOSTIC », unlike « SRDEII »)
              "## Calendrier\n\nConcertation sur le futur contrat\n\nSignature du contrat\n\n"
              "Emploi et plan de financement\n\nDIAGNOSTIC\n\nLe territoire perd des emplois industriels.\n")
    settings = _index_of(tmp_path, use_index, {"rapport.md": report})
    names = [f.data["name"] for f in Assistant(settings).knowledge.inputs()]
    assert names == ["Diagnostic économique du territoire", "Étude de positionnement touristique", "SRDEII"], names


def test_a_document_naming_itself_a_slide_title_and_a_strategy_s_plans_are_no_inputs(tmp_path, use_index):
    # a study's cover repeats its own title; a review's cover gives its subtitle with the contract's
    # period; a slide is titled « Plan de financement »; under an axis, a plan is an action: none of
    # them is a study the strategy draws on. The studies listed (or introduced by « : ») are.
    study = ("# Étude économique du territoire — PETR du Val\n\nÉtude économique du territoire\n\n"
             "Sources de la stratégie :\nDiagnostic commercial Cabinet Rivière\n\n"
             "## Le territoire\n\nLe territoire compte 42 communes.\n")
    review = ("# Bilan à mi-parcours du CDET 2020-2024\n\n"
              "Contrat de développement économique territorial 2020-2024 – Bilan à mi-parcours\n\n"
              "## Financement\n\nPlan de financement prévisionnel\n\nQui finance le contrat ?\n\n"
              "## Axe 1 – Un territoire en transition\n\n- Plan de rénovation énergétique de 35 bâtiments publics\n"
              "- Développement de trois chaufferies bois\n\n## Études préalables\n\n"
              "- Schéma de développement touristique\n- Étude de positionnement des zones d'activités\n")
    _index_of(tmp_path, use_index, {"etude.md": study, "bilan.md": review})
    names = sorted(f["data"]["name"] for f in cli_json("facts", "--json")["facts"] if f["kind"] == "input")
    assert names == ["Diagnostic commercial Cabinet Rivière", "Schéma de développement touristique",
                     "Étude de positionnement des zones d'activités"], names


def _next_steps_of(tmp_path, use_index, files: dict[str, str]) -> list[str]:
    """The next steps read from a corpus of these Markdown files."""
    return [f.data["text"] for f in Assistant(_index_of(tmp_path, use_index, files)).knowledge.next_steps()]


def test_an_evaluation_s_recommendations_are_its_next_steps(tmp_path, use_index):
    report = ("# Évaluation finale du contrat\n\nRapport final, avril 2025.\n\n## Stratégie\n\n"
              "### Axe 1 – Accueillir les entreprises\n\nLe foncier a été aménagé.\n\n"
              "### Axe 2 – Valoriser la forêt\n\nLa desserte est en cours.\n\n## 7. Conclusions et recommandations\n\n"
              # the line that opens the list is no step; the end of a sentence repeated after a column
              # break is no second one
              "L'évaluateur formule deux recommandations :\n\n"
              "- Recommandation 1 : reporter les actions en cours dans le futur contrat.\n"
              "- Recommandation 2 : renforcer l'ingénierie du PETR.\n\n"
              "Le premier comité de pilotage du futur contrat est programmé le 17 juin 2025.\n\n"
              "pilotage du futur contrat est programmé le 17 juin 2025.\n")
    steps = _next_steps_of(tmp_path, use_index, {"evaluation.md": report})
    assert steps == ["Recommandation 1 : reporter les actions en cours dans le futur contrat.",
                     "Recommandation 2 : renforcer l'ingénierie du PETR.",
                     "Le premier comité de pilotage du futur contrat est programmé le 17 juin 2025."], steps


def test_an_action_s_comment_naming_a_meeting_is_no_meeting_but_a_meetings_table_is(tmp_path, use_index):
    # a register row's comment names the meeting that ended the action: the row dates the action;
    # a table of meetings with a status column (« Réalisée ») still gives its meetings
    report = ("# Suivi du contrat\n\nJanvier 2025\n\n## Tableau des actions\n\n"
              "| Code | Intitulé de l'action | Statut | Commentaire |\n|---|---|---|---|\n"
              "| 1.1 | Terminal passagers | Abandonnée | Abandon acté par le comité de pilotage du 03/11/2022 |\n"
              "| 1.2 | Hôtel d'entreprises | Réalisée | Livré en 2021 |\n| 1.3 | Halle | En cours | |\n\n"
              "## Gouvernance\n\n| Instance | Date | État |\n|---|---|---|\n"
              "| Comité de pilotage | 14/10/2021 | Réalisée |\n| Comité technique | 05/05/2022 | Réalisée |\n")
    _index_of(tmp_path, use_index, {"suivi.md": report})
    events = sorted((e["body"], e["iso"]) for e in cli_json("calendar", "--json")["events"])
    assert events == [("comité de pilotage", "2021-10-14"), ("comité technique", "2022-05-05")], events


def test_a_status_column_dated_in_its_heading_is_still_the_status_column(tmp_path, use_index):
    # « Statut au 30/06/2024 » is the status column of a table of actions, as the register reads it:
    # the shares are counted from its rows; « Statut juridique » holds no status and is no such column
    report = """# Suivi du contrat de territoire

Juillet 2024

## Porteurs de projets

| Porteur | Statut juridique | Commune |
|---|---|---|
| Les Jardins du Val | Association | Vaulmont |
| Bois et Forêts | SCOP | Ormeville |
| Maison de santé | SCI | Vaulmont |

## Tableau des actions

| Réf. | Intitulé de l'action | Ambition | Statut au 30/06/2024 |
|---|---|---|---|
| 1.1 | Hôtel d'entreprises | A1 | Réalisée |
| 1.2 | Marque territoriale | A1 | En cours |
| 2.1 | Tiers-lieu numérique | A2 | En cours |
| 2.2 | Groupement d'employeurs | A2 | Non engagée |
"""
    _index_of(tmp_path, use_index, {"suivi.md": report})
    stats = cli_json("stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == (25, 50, 25), stats
    items = [f["data"] for f in cli_json("facts", "--json")["facts"] if f["kind"] == "action_item"]
    assert [(i["action"], i["status"], i["axis"]) for i in items] == [
        ("Hôtel d'entreprises", "done", 1), ("Marque territoriale", "in_progress", 1),
        ("Tiers-lieu numérique", "in_progress", 2), ("Groupement d'employeurs", "not_done", 2)], items
    # the axis column may be named as the register names it (« Ambition » : « A2 » is axis 2)
    axis = cli_json("stats", "--axis", "2", "--json")
    assert (axis["done"], axis["in_progress"], axis["not_done"]) == (0, 50, 50), axis


def test_recommendations_given_as_numbered_subsections_are_the_next_steps(tmp_path, use_index):
    # each « R1 – … » subsection is one step, its heading and its text; the sentences that introduce
    # them are not; a section that is not numbered alike under the steps (an annex) gives none
    report = ("# Évaluation du contrat de territoire\n\nRapport final, mars 2023.\n\n"
              "## 8. Recommandations pour le futur contrat\n\n"
              "Les trois recommandations suivantes ont été discutées en atelier. Elles sont classées par priorité.\n\n"
              "### R1 – Resserrer le futur contrat\n\nLimiter le prochain contrat à trois axes et à vingt actions.\n\n"
              "### R2 – Définir une stratégie foncière\n\nÉlaborer d'ici fin 2024 une stratégie foncière sobre.\n\n"
              "### R3 – Ouvrir la gouvernance\n\nCréer un collège économique au comité de pilotage.\n")
    summary = ("# Synthèse du bilan\n\nJuin 2023\n\n## Perspectives\n\n"
               "- Reporter les actions en cours dans le futur contrat.\n\n"
               "### Annexe – Liste des actions\n\nAction 1 : Hôtel d'entreprises, réalisée.\n")
    steps = _next_steps_of(tmp_path, use_index, {"evaluation.md": report})
    assert steps == ["R1 – Resserrer le futur contrat : Limiter le prochain contrat à trois axes et à vingt actions.",
                     "R2 – Définir une stratégie foncière : Élaborer d'ici fin 2024 une stratégie foncière sobre.",
                     "R3 – Ouvrir la gouvernance : Créer un collège économique au comité de pilotage."], steps
    other = tmp_path / "other"
    other.mkdir()
    steps = _next_steps_of(other, use_index, {"synthese.md": summary})
    assert steps == ["Reporter les actions en cours dans le futur contrat."], steps


def test_the_recommendations_asked_by_name_are_the_next_steps_each_with_its_own_paragraph(tmp_path, use_index):
    # « Quelles sont les recommandations … ? » asks the list the next steps hold; the paragraph closing
    # the list (after the last one) is no part of the last; a step of two sentences is quoted whole
    report = ("# Évaluation du contrat de territoire\n\nRapport final, mars 2023.\n\n"
              "## 8. Recommandations pour le futur contrat\n\n"
              "### R1 – Resserrer le futur contrat\n\nLimiter le prochain contrat à trois axes. Doter chaque action d'un porteur.\n\n"
              "### R2 – Définir une stratégie foncière\n\nÉlaborer d'ici fin 2024 une stratégie foncière sobre.\n\n"
              "### R3 – Ouvrir la gouvernance\n\nCréer un collège économique au comité de pilotage.\n\n"
              "La mise en œuvre des recommandations R1 et R3 conditionne, selon l'évaluateur, la réussite du contrat.\n")
    _index_of(tmp_path, use_index, {"evaluation.md": report})
    answer = json.loads(CliRunner().invoke(app, ["ask", "--json", "Quelles sont les recommandations de l'évaluation ?"])
                        .stdout.strip().splitlines()[-1])
    assert answer["tool"] == "next_steps" and answer["verified"], answer
    for step in ("R1 – Resserrer le futur contrat : Limiter le prochain contrat à trois axes. Doter chaque action d'un porteur.",
                 "R2 – Définir une stratégie foncière", "R3 – Ouvrir la gouvernance : Créer un collège économique au comité de pilotage."):
        assert f"« {step}" in answer["answer"], answer["answer"]
    assert "conditionne" not in answer["answer"], answer["answer"]
    # some of them, or one of them, is not the list
    for question in ("Quelles recommandations l'évaluateur considère-t-il comme décisives ?",
                     "En quoi consiste la recommandation R2 ?"):
        answer = json.loads(CliRunner().invoke(app, ["ask", "--json", question]).stdout.strip().splitlines()[-1])
        assert answer["tool"] != "next_steps", (question, answer)


def test_conclusions_before_the_recommendations_and_a_table_s_rows_are_no_next_steps(tmp_path, use_index):
    # under « Conclusions et recommandations » the assessment comes first: the steps begin with the
    # first unit that reads as one (a labelled recommendation, a sentence that recommends, an
    # infinitive); a table of what remains to commit is data, not a step
    report = ("# Évaluation finale du contrat\n\nRapport final, avril 2025.\n\n## 7. Conclusions et recommandations\n\n"
              "Le contrat a atteint l'essentiel de ses objectifs en matière d'accueil d'entreprises. "
              "Les résultats sont plus mitigés pour la formation.\n\n"
              "L'évaluateur recommande de prolonger d'un an les actions en cours. "
              "Il suggère aussi de réunir le comité de pilotage deux fois par an.\n\n"
              "| Code | Action | Reste à engager |\n|---|---|---|\n| 1.1 | Légumerie | 210 000 € |\n| 2.3 | Tiers-lieu | 95 000 € |\n")
    steps = _next_steps_of(tmp_path, use_index, {"evaluation.md": report})
    assert steps == ["L'évaluateur recommande de prolonger d'un an les actions en cours.",
                     "Il suggère aussi de réunir le comité de pilotage deux fois par an."], steps
    # under a heading that names the steps alone, every sentence is one, as before
    other = tmp_path / "other"
    other.mkdir()
    plain = ("# Bilan du contrat\n\nMars 2024\n\n## Suites à donner\n\n"
             "Le futur contrat sera signé en septembre 2025. Les actions en cours y seront reportées.\n")
    steps = _next_steps_of(other, use_index, {"bilan.md": plain})
    assert steps == ["Le futur contrat sera signé en septembre 2025.", "Les actions en cours y seront reportées."], steps


def test_a_title_the_layout_did_not_mark_and_a_signature_are_no_next_steps(tmp_path, use_index):
    # a title wrapped over two lines (« … du Pacte » / « Avenir ») over the paragraph it titles, and
    # the line that signs the document with its date, stand under the steps heading but are no steps
    report = ("# Bilan du contrat\n\nMars 2024\n\n## Suites à donner\n\n"
              "Le futur contrat sera signé en septembre 2025.\n\nLes premiers chantiers du Pacte\nAvenir\n\n"
              "Les échanges du comité ont fait émerger trois priorités pour le futur contrat : le foncier et la mobilité.\n\n"
              "Document établi par le chargé de mission économie du PETR — mars 2024.\n")
    steps = _next_steps_of(tmp_path, use_index, {"bilan.md": report})
    assert steps == ["Le futur contrat sera signé en septembre 2025.",
                     "Les échanges du comité ont fait émerger trois priorités pour le futur contrat : le foncier et la mobilité."], steps


def test_forecasts_under_perspectives_are_no_next_steps(tmp_path, use_index):
    # a conjuncture note's « Perspectives » forecast what firms expect; a report's « Perspectives »
    # list what is to be done: only the units that read as steps are steps
    note = ("# Note de conjoncture départementale\n\nOctobre 2023\n\n## Perspectives\n\n"
            "Les chefs d'entreprise interrogés anticipent un ralentissement de l'activité au second semestre. "
            "Les intentions d'embauche restent élevées dans les services à la personne.\n")
    report = ("# Rapport d'activité de l'office de tourisme\n\nMars 2022\n\n## Perspectives 2022\n\n"
              "- Ouverture d'une boutique de produits locaux\n- Renforcement de la présence sur le marché allemand\n")
    assert _next_steps_of(tmp_path, use_index, {"note.md": note}) == []
    other = tmp_path / "other"
    other.mkdir()
    assert _next_steps_of(other, use_index, {"rapport.md": report}) == [
        "Ouverture d'une boutique de produits locaux", "Renforcement de la présence sur le marché allemand"]


def test_one_heading_key_reads_numbers_marks_capitals_and_accents_alike():
    # the extraction and the answerer compare headings with one key: a numbered, a capitalised
    # (accents dropped, as caps headings often are) and a markdown heading are the same heading
    same = {heading_key(h) for h in ("1.2 Le contrat d'attractivité", "LE CONTRAT D'ATTRACTIVITE :",
                                      "## Le contrat d’attractivité", "II. Le contrat d'attractivité")}
    assert same == {"le contrat d'attractivite"}
    # a period or a year that opens the line is no section number
    assert heading_key("2024-2028") == "2024-2028"
    assert heading_key("2017/2021 : bilan") == "2017/2021 : bilan"
