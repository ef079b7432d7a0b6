"""The realistic multi-document corpus (tests/realistic): slide deck, 27-page regional strategy,
another pact's DOCX, a study with tables, the action register, a business-parks sheet, a scan
and a press release. Ingestion fails on no file and accounts for every page; the facts come from
the home pact's documents; table rows are units carrying their headers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.container import Assistant
from assistant.interfaces.cli import app
from assistant.settings import Settings

MANIFEST = json.loads((Path(__file__).parent / "realistic" / "manifest.json").read_text(encoding="utf-8"))


def _manifest_files() -> dict[str, dict]:
    entries = MANIFEST["documents"]
    return {e["name"]: e for e in entries}


@pytest.fixture(scope="module")
def realistic(realistic_index) -> Settings:
    return realistic_index


def cli_json(settings: Settings, *args: str) -> dict:
    env = {"PACTE_CORPUS_DIR": str(settings.corpus_dir), "PACTE_INDEX_DIR": str(settings.index_dir), "PACTE_LLM": "extractive"}
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_ingest_fails_on_no_file_and_accounts_for_every_page(realistic):
    from conftest import require_binary

    require_binary("tesseract")  # the scan is read by OCR (CI installs it)
    report = cli_json(realistic, "ingest", "--json")  # a second run: nothing changed, nothing failed
    assert report["failed"] == [] and report["unchanged"] == report["documents"], report
    listed = {d["file"]: d for d in cli_json(realistic, "sources", "--json")["documents"]}
    files = _manifest_files()
    assert set(files) <= set(listed)
    assistant = Assistant(realistic)
    pages_with_chunks: dict[str, set[int]] = {}
    for chunk in assistant.catalog.iter_chunks():
        pages_with_chunks.setdefault(chunk.metadata["file"], set()).add(chunk.metadata["page"])
    for name, entry in files.items():
        if entry.get("pages"):
            assert listed[name]["pages"] == entry["pages"], name
            empty = set()
            warning = listed[name].get("warning") or ""
            if "sans texte" in warning:
                empty = {int(p) for p in warning.split("sans texte extractible : ")[1].split(" ;")[0].split(", ")}
            assert pages_with_chunks.get(name, set()) | empty == set(range(1, entry["pages"] + 1)), name
    scan = listed["compte-rendu-copil-scan.pdf"]
    assert "OCR" in (scan.get("warning") or "")


def test_facts_come_from_the_home_pact(realistic):
    stats = cli_json(realistic, "stats", "--json")
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == (67, 20, 13)
    assert stats["sources"][0]["document"] and stats["register"]["overall"]["actions"] > 0
    strategy = cli_json(realistic, "axes", "--json")
    assert [a["number"] for a in strategy["axes"]] == [1, 2, 3] and strategy["objectives"] == 7
    calendar = cli_json(realistic, "calendar", "--json")
    assert any(e["body"] == "comité de pilotage" and e["date"] == "17/02/2020" for e in calendar["events"])


def test_table_rows_carry_their_headers(realistic):
    assistant = Assistant(realistic)
    texts = [c.text for c in assistant.catalog.iter_chunks()
             if c.metadata["file"] in ("zones-activites.xlsx", "etude-socio-economique-petr-coeur-de-lorraine.pdf")]
    rows = [line for t in texts for line in t.split("\n") if " ; " in line and " : " in line]
    assert any("Communauté de communes : CC du Sammiellois" in r for r in rows), rows[:5]
    assert any(r.startswith("Zone d'activités : ") for r in rows), rows[:5]


def test_an_acronym_is_answered_from_the_documents_own_glossary(realistic):
    # the regional strategy's glossary is a table (« Sigle : … ; Signification : … »); no word
    # list knows these acronyms: the initials of the row's words spell them
    for acronym, expansion in (("EPCI", "Établissement public de coopération intercommunale"),
                               ("ZAN", "Zéro artificialisation nette")):
        answer = cli_json(realistic, "ask", f"Que veut dire {acronym} ?", "--json")
        assert answer["answered"], answer["answer"]
        assert expansion in answer["answer"]
        assert answer["sources"][0]["document"].startswith("Schéma régional")
