"""Briefing notes: structure and facts of generated notes (DOCX, PDF, Markdown) on the shipped
corpus and on an edited copy, the PDF's first page rendered to PNG, and CLI errors."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.briefing.model import SECTION_TITLES
from assistant.container import Assistant
from assistant.interfaces.cli import app
from conftest import POCE_FILE, SHIPPED_CORPUS, require_binary
from assistant.settings import Settings
from fake_openai import ScriptedLLMServer

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture
def shipped(shipped_index, use_index):
    return use_index(shipped_index)


def brief(*args: str) -> None:
    result = CliRunner().invoke(app, ["brief", *args])
    assert result.exit_code == 0, result.output


def plain(text: str) -> str:
    """The note's text with its non-breaking spaces as plain ones, for assertions."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def docx_text(path: Path) -> tuple[list[str], str]:
    import docx

    document = docx.Document(str(path))
    headings = [plain(p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    return headings, plain("\n".join(p.text for p in document.paragraphs))


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return plain("\n".join(page.extract_text() for page in PdfReader(str(path)).pages))


def test_docx_note_on_axis_3(shipped, tmp_path):
    out = tmp_path / "note.docx"
    brief("--topic", "Axe 3 : économie touristique", "--format", "docx", "--out", str(out))
    headings, text = docx_text(out)
    for title in (*SECTION_TITLES, "Sources"):
        assert title in headings
    assert "L'axe 3 vise à renforcer et exploiter les potentiels touristiques du territoire" in text
    assert "L'axe 3 vise à promouvoir le territoire comme destination touristique" in text
    assert "67 %" in text and "[1]" in text
    assert "Données : janvier 2022" in text and "Date de la note" in text
    assert "Éléments clés" in headings and "Cœur de Lorraine" in text and "réalisées" in text  # accents intact
    import docx

    assert docx.Document(str(out)).inline_shapes, "the status chart is embedded"


def test_pdf_note_on_axis_3_renders_with_accents(shipped, tmp_path):
    out = tmp_path / "note.pdf"
    brief("--topic", "Axe 3 : économie touristique", "--format", "pdf", "--out", str(out))
    text = pdf_text(out)
    for title in (*SECTION_TITLES, "Sources"):
        assert title in text
    assert "67 %" in text and "potentiels touristiques" in text
    assert "Éléments clés" in text and "Cœur de Lorraine" in text and "réalisées" in text
    ARTIFACTS.mkdir(exist_ok=True)
    png_base = ARTIFACTS / "note-axe3"
    subprocess.run([require_binary("pdftoppm"), "-r", "40", "-png", "-f", "1", "-l", "1", str(out), str(png_base)], check=True)
    png = next(ARTIFACTS.glob("note-axe3*.png"))
    from PIL import Image

    image = Image.open(png).convert("L")
    import numpy as np

    dark = int((np.asarray(image) < 128).sum())
    assert dark > 0.01 * image.width * image.height  # text and chart, not a blank page


def test_markdown_note_on_the_whole_pact(shipped, tmp_path):
    out = tmp_path / "note.md"
    brief("--format", "md", "--out", str(out))
    text = plain(out.read_text(encoding="utf-8"))
    assert text.startswith("# Note de synthèse — Ensemble du pacte")
    for title in (*SECTION_TITLES, "Sources"):
        assert f"## {title}" in text
    assert "Le comité de pilotage s'est réuni 2 fois : le 17 février 2020 et le 30 septembre 2020 [" in text
    assert "réunion(s)" not in text and "PTRTE" in text
    assert "en janvier 2022, 67 % des actions étaient réalisées, 20 % en cours et 13 % non réalisées" in text.lower()
    assert "« 06/04/202 », à vérifier" in text  # incomplete date pointed out, not completed
    # every reference points to a numbered source
    import re

    refs = {int(n) for n in re.findall(r"\[(\d+)\]", text.split("## Sources")[0])}
    listed = {int(n) for n in re.findall(r"^\[(\d+)\] ", text.split("## Sources")[1], flags=re.M)}
    assert refs and refs <= listed


def test_note_follows_an_edited_document(tmp_path, use_index):
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    path = corpus / POCE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("67% d'action réalisées", "74% d'action réalisées"), encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Assistant(settings).ingest.run()
    use_index(settings)
    out = tmp_path / "note.md"
    brief("--axis", "2", "--format", "md", "--out", str(out))
    text = plain(out.read_text(encoding="utf-8"))
    assert "74 % d'action réalisées" in text and "67 %" not in text
    assert "faciliter la modernisation des entreprises et la visibilité de leurs offres" in text


def test_unknown_axis_and_unwritable_path_are_clean_errors(shipped, tmp_path):
    result = CliRunner().invoke(app, ["brief", "--axis", "9", "--format", "md", "--out", str(tmp_path / "n.md")])
    assert result.exit_code != 0 and "Axe 9 inconnu" in result.output
    result = CliRunner().invoke(app, ["brief", "--format", "pdf", "--out", str(tmp_path / "absent" / "n.pdf")])
    assert result.exit_code != 0 and "dossier introuvable" in result.output
    result = CliRunner().invoke(app, ["brief", "--format", "odt", "--out", str(tmp_path / "n.odt")])
    assert result.exit_code != 0 and "format inconnu" in result.output


def test_llm_synthesis_keeps_only_verified_sentences(shipped_index):
    import re

    def reply(request: dict) -> str:
        prompt = request["messages"][-1]["content"]
        n = re.search(r"\[(\d+)\][^\n]*67% d'action réalisées", prompt).group(1)
        return f"Le pacte affiche 67% d'action réalisées [{n}]. Il a mobilisé 12 millions d'euros [{n}]. Le PTRTE prend la suite [99]."

    with ScriptedLLMServer([reply]) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake", "llm_base_url": server.url})
        note = Assistant(settings).briefing.build(axis=3)
    prose = note.section("Contexte").prose or ""
    assert note.verified is False
    assert prose.startswith("Le pacte affiche 67% d'action réalisées [")
    assert "12 millions" not in prose and "[99]" not in prose


def test_french_wording_of_note_text():
    from assistant.briefing.model import NoteItem
    from assistant.briefing.typography import NBSP, NNBSP, french_spacing, plural, when

    spaced = french_spacing("Axe 3 : tourisme ; 67% des actions ! « vu » à 10:30, https://exemple.fr")
    assert spaced == (f"Axe 3{NBSP}: tourisme{NNBSP}; 67{NNBSP}% des actions{NNBSP}! «{NBSP}vu{NBSP}» "
                      "à 10:30, https://exemple.fr")
    assert french_spacing(spaced) == spaced  # idempotent
    assert when("Janvier 2022") == "en janvier 2022" and when("17/02/2020") == "le 17 février 2020"
    assert when("01/04/2019") == "le 1er avril 2019" and "06/04/202" in when("06/04/202")  # not completed
    assert plural(1, "réunion") == "1 réunion" and plural(8, "réunion") == "8 réunions"
    assert NoteItem("Le comité s'est réuni 2 fois.", [3]).cited == "Le comité s'est réuni 2 fois [3]."


def test_a_note_names_its_documents_whole(tmp_path, use_index):
    # a note is sent on its own: its title and its sources name the documents whole, where a chat
    # line cuts a long title (« Évaluation finale du Pacte territorial pour … »)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    title = "Évaluation finale du Pacte territorial pour l'économie et l'emploi 2019-2024"
    (corpus / "evaluation.md").write_text(
        f"# {title}\n\nJanvier 2025\n\n## Avancement des actions\n\n"
        "Au 31 décembre 2024, 53 % des actions étaient réalisées, 29 % en cours et 18 % non réalisées.\n",
        encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert Assistant(settings).ingest.run().failed == []
    use_index(settings)
    out = tmp_path / "note.md"
    brief("--format", "md", "--out", str(out))
    text = plain(out.read_text(encoding="utf-8"))
    assert text.splitlines()[0] == f"# Note de synthèse — Ensemble du pacte — {title}", text.splitlines()[0]
    sources = text.split("## Sources", 1)[1]
    assert f"« {title} »" in sources and "…" not in sources, sources
