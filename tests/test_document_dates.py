"""« Quand le rapport a-t-il été publié ? »: a document's own date (its cover) answers a question about
the document, even when retrieval brings only its inner pages; an event's date still answers a
question about the event."""

from __future__ import annotations

import pytest

from assistant.answers.document_dates import dated_passages
from assistant.container import Assistant
from assistant.settings import Settings
from pdf_factory import make_pdf

COVER = "RAPPORT D'ACTIVITÉ DU CLUB DES ENTREPRISES DU PAYS DE HAYE\n\nExercice 2023\n\nAvril 2024"
PAGES = [
    "1. Les adhérents\n\nLe club compte 48 entreprises adhérentes, dont 12 artisans du bâtiment. "
    "Les adhésions nouvelles viennent surtout des zones d'activités de Noviant-aux-Prés et de Mamey.",
    "2. Les rencontres\n\nLe club a organisé six petits-déjeuners thématiques sur la transmission, "
    "l'apprentissage et les marchés publics. Le salon des savoir-faire s'est tenu le 14 octobre 2023 "
    "à Martincourt et a réuni 320 visiteurs.",
    "3. Les perspectives\n\nLe club veut ouvrir une bourse des locaux vacants et accueillir dix "
    "nouvelles entreprises adhérentes en 2024.",
]


@pytest.fixture(scope="module")
def club(tmp_path_factory):
    from conftest import build_index

    root = tmp_path_factory.mktemp("club")
    extra = root / "extra"
    extra.mkdir()
    make_pdf(extra / "rapport-activite-club-entreprises-haye.pdf", [COVER, *PAGES])
    settings = build_index(root, extra)
    assistant = Assistant(Settings(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, llm="extractive"))
    assistant.prepare()
    return assistant


def ranked(assistant, question: str):
    answers = assistant.answers
    _, analysis = answers.understand(question, [])
    hits = answers.retriever.retrieve(analysis.text)
    scope = answers.retriever.scope(analysis.text)
    analysis, candidates = answers.extractive.scored(analysis, hits, scope.restricts, scope.words)
    return analysis, sorted((c for c in candidates if answers.extractive._answers(analysis, c)), key=lambda c: -c.rank)


def test_the_cover_passage_joins_a_date_question(club):
    answers = club.answers
    _, analysis = answers.understand("Quand le rapport d'activité du club des entreprises du Pays de Haye a-t-il été publié ?", [])
    assert analysis.kind == "date"
    inner = [h for h in answers.retriever.retrieve(analysis.text)
             if h.chunk.metadata["file"].endswith("haye.pdf") and "Avril 2024" not in h.chunk.text]
    assert inner and inner[0].chunk.metadata["doc_date"] == "Avril 2024"
    added = dated_passages(inner[:2], answers.retriever.catalog.find_chunk)
    assert len(added) == 1 and "Avril 2024" in added[0].chunk.text
    assert dated_passages(inner[:2] + added, answers.retriever.catalog.find_chunk) == []  # already there


@pytest.mark.parametrize("question, first", [
    ("Quand le rapport d'activité du club des entreprises du Pays de Haye a-t-il été publié ?", "Avril 2024"),
    ("De quand date le rapport d'activité du club des entreprises du Pays de Haye ?", "Avril 2024"),
    ("Quand le salon des savoir-faire du club du Pays de Haye s'est-il tenu ?", "14 octobre 2023"),
])
def test_the_document_date_ranks_first_for_the_document_and_the_event_date_for_the_event(club, question, first):
    analysis, candidates = ranked(club, question)
    assert candidates and first in candidates[0].unit.text
    assert candidates[0].hit.chunk.metadata["file"].endswith("rapport-activite-club-entreprises-haye.pdf")
    # the document's date, weighed by how much the question is about the document (its title's words)
    assert (candidates[0].features["document_date"] >= 0.75) == (first == "Avril 2024")


def test_the_date_on_a_register_s_cover_not_in_its_first_row(tmp_path):
    # a register's heading dates it in figures (« situation au 31/12/2024 »); its first row's
    # comment (« livrés en mars 2022 ») dates that action, not the register; a fact sheet's date
    # in figures comes before a meeting's date in words further down
    from openpyxl import Workbook

    from assistant.ingest.structure import document_date
    from assistant.parsing.parsers import load_document

    book = Workbook()
    sheet = book.active
    sheet.append(["Registre des actions du contrat 2019-2024"])
    sheet.append(["CA du Val Brunet · situation au 31/12/2024 · tenu par le comité technique"])
    sheet.append([])
    sheet.append(["Code", "Intitulé", "Statut", "Commentaire"])
    sheet.append(["1.1", "Modernisation du quai Nord", "Réalisée", "420 m de quai livrés en mars 2022"])
    sheet.append(["1.2", "Aire de carénage", "En cours", "Travaux lancés en juin 2023"])
    book.save(tmp_path / "registre.xlsx")
    assert document_date(load_document(tmp_path / "registre.xlsx")) == "31/12/2024"
    make_pdf(tmp_path / "fiche.pdf", ["PETR du Val Brunet\n\nFiche bilan au 31/12/2024\n\n34 actions inscrites\n\n"
                                      "Le comité de pilotage du 23 mars 2021 a lancé le contrat."])
    assert document_date(load_document(tmp_path / "fiche.pdf")) == "31/12/2024"
    # a row alone dates nothing: no date rather than a row's
    book = Workbook()
    book.active.append(["Zone", "Commune", "Observations"])
    book.active.append(["ZA du Breuil", "Saint-Mihiel", "Mise en service juin 2022"])
    book.save(tmp_path / "zones.xlsx")
    assert document_date(load_document(tmp_path / "zones.xlsx")) is None
