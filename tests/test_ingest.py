"""Ingestion: real PDFs, real Chroma and real BM25 in tmp_path."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock
from typer.testing import CliRunner

from assistant.container import Assistant
from assistant.interfaces.cli import app
from assistant.settings import Settings
from conftest import POCE_FILE
from pdf_factory import add_page_labels, encrypt_pdf, make_image_only_pdf, make_pdf

REPORT_KEYS = {"documents", "added", "updated", "removed", "unchanged", "chunks", "failed", "seconds"}


def run_cli(*args: str) -> tuple[int, str, dict | None]:
    result = CliRunner().invoke(app, list(args))
    lines = [ln for ln in result.stdout.strip().splitlines() if ln.strip()]
    data = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else None
    return result.exit_code, result.stdout + (result.stderr or ""), data


def index_ids(settings: Settings) -> tuple[set[str], set[str], set[str]]:
    """Chunk ids as the catalog, Chroma and BM25 each see them (fresh handles, as a new process would)."""
    fresh = Assistant(settings)
    catalog = {c.id for c in fresh.catalog.iter_chunks()}
    chroma = set(fresh.vectors.collection.get(include=[])["ids"])
    fresh.lexical.load()
    bm25 = set(fresh.lexical._ids)
    return catalog, chroma, bm25


def facts_of(settings: Settings) -> list[tuple]:
    fresh = Assistant(settings)
    return sorted((f.doc_id, f.kind, json.dumps(f.data, sort_keys=True), f.page, f.excerpt) for f in fresh.catalog.facts())


def test_shipped_corpus_ingests_and_reingest_is_a_no_op(settings):
    code, _, first = run_cli("ingest", "--json")
    assert code == 0
    assert set(first) == REPORT_KEYS
    assert first["chunks"] > 0 and first["failed"] == [] and first["added"] == 1
    code, _, second = run_cli("ingest", "--json")
    assert code == 0
    assert second["chunks"] == first["chunks"]
    assert (second["added"], second["updated"], second["unchanged"]) == (0, 0, 1)
    catalog, chroma, bm25 = index_ids(settings)
    assert catalog == chroma == bm25 and len(catalog) == first["chunks"]


def test_bad_files_are_named_and_nothing_is_lost(settings, corpus_dir, monkeypatch):
    monkeypatch.setenv("PACTE_OCR", "false")  # the image-only PDF is reported, as without Tesseract
    _, _, before = run_cli("ingest", "--json")
    (corpus_dir / "vide.pdf").write_bytes(b"")
    (corpus_dir / "casse.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n" + os.urandom(300))
    (corpus_dir / "faux.pdf").write_text("Ceci est un simple texte, pas un PDF.", encoding="utf-8")
    (corpus_dir / "binaire.txt").write_bytes(bytes(range(256)) * 8)
    (corpus_dir / "latin1.txt").write_bytes("Réunion du comité à Verdun".encode("latin-1"))
    (corpus_dir / "tableur.odt").write_bytes(b"PK\x03\x04 not supported")
    make_pdf(corpus_dir / "secret.pdf", ["Document confidentiel du pacte"])
    encrypt_pdf(corpus_dir / "secret.pdf", "motdepasse")
    make_image_only_pdf(corpus_dir / "scan.pdf")
    make_pdf(corpus_dir / "bon.pdf", ["Note sur les circuits de proximité.\n\nLes producteurs vendent en direct."])

    code, _, report = run_cli("ingest", "--json")
    assert code == 0
    failed = {f["file"]: f["error"] for f in report["failed"]}
    assert set(failed) == {"vide.pdf", "casse.pdf", "faux.pdf", "binaire.txt", "latin1.txt", "tableur.odt", "secret.pdf", "scan.pdf"}
    assert "vide" in failed["vide.pdf"]
    assert "pas un PDF" in failed["faux.pdf"]
    assert "mot de passe" in failed["secret.pdf"]
    assert "aucun texte extractible" in failed["scan.pdf"]
    assert "UTF-8" in failed["latin1.txt"]
    assert "non pris en charge" in failed["tableur.odt"]
    assert report["added"] == 1  # bon.pdf
    assert report["chunks"] > before["chunks"]
    catalog, chroma, bm25 = index_ids(settings)
    assert catalog == chroma == bm25
    # the failures are remembered for `pacte sources`
    _, _, listed = run_cli("sources", "--json")
    assert {f["file"] for f in listed["failed"]} == set(failed)


def test_a_file_that_becomes_corrupt_keeps_its_previous_chunks(settings, corpus_dir):
    make_pdf(corpus_dir / "note.pdf", ["Première page du rapport.", "Deuxième page du rapport."])
    _, _, first = run_cli("ingest", "--json")
    (corpus_dir / "note.pdf").write_bytes(b"%PDF-1.4 truncated")
    _, _, second = run_cli("ingest", "--json")
    assert [f["file"] for f in second["failed"]] == ["note.pdf"]
    assert second["chunks"] == first["chunks"]


def test_pdf_pages_and_printed_labels_reach_chunk_metadata(settings, corpus_dir):
    pages = [
        "AVANT-PROPOS\n\nCe rapport présente la préface du schéma régional.",
        "SOMMAIRE\n\nLe sommaire liste les chapitres.",
        "1. Contexte économique\n\nLe territoire compte de nombreuses PME industrielles.",
        "2. Tourisme\n\nLa randonnée et l'hébergement rural progressent.",
    ]
    path = make_pdf(corpus_dir / "schema.pdf", pages, title="Schéma régional de test")
    add_page_labels(path, roman_pages=2)
    run_cli("ingest", "--json")
    fresh = Assistant(settings)
    metas = [c.metadata for c in fresh.catalog.iter_chunks() if c.metadata["file"] == "schema.pdf"]
    by_page = {m["page"]: m for m in metas}
    assert set(by_page) == {1, 2, 3, 4}
    assert by_page[1]["page_label"] == "i" and by_page[2]["page_label"] == "ii"
    assert by_page[3]["page_label"] == "1" and by_page[4]["page_label"] == "2"
    assert by_page[4]["section"] == "2. Tourisme"
    assert by_page[1]["document_title"] == "Schéma régional de test"
    chroma = fresh.vectors.collection.get(where={"file": "schema.pdf"}, include=["metadatas"])
    assert sorted({m["page"] for m in chroma["metadatas"]}) == [1, 2, 3, 4]
    assert all(not isinstance(v, (list, dict)) for m in chroma["metadatas"] for v in m.values())


def test_changed_file_replaces_its_chunks_and_removed_file_leaves_both_indexes(settings, corpus_dir):
    note = corpus_dir / "note.md"
    note.write_text("# Note\n\nLe marché de producteurs ouvre le samedi.\n", encoding="utf-8")
    _, _, first = run_cli("ingest", "--json")
    note.write_text("# Note\n\nLe marché de producteurs ouvre le dimanche matin.\n", encoding="utf-8")
    _, _, second = run_cli("ingest", "--json")
    assert (second["updated"], second["added"]) == (1, 0)
    fresh = Assistant(settings)
    texts = [c.text for c in fresh.catalog.iter_chunks() if c.metadata["file"] == "note.md"]
    assert any("dimanche" in t for t in texts) and not any("samedi" in t for t in texts)
    note.unlink()
    _, _, third = run_cli("ingest", "--json")
    assert third["removed"] == 1
    catalog, chroma, bm25 = index_ids(settings)
    assert catalog == chroma == bm25
    assert not any("note.md" in (m or {}).get("file", "") for m in fresh.vectors.collection.get(include=["metadatas"])["metadatas"])
    assert fresh.lexical.search(["dimanch"], 5) == []


def test_second_ingestion_is_refused_while_one_holds_the_lock(settings):
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(settings.lock_path)):
        code, output, _ = run_cli("ingest", "--json")
    assert code != 0
    assert "Une autre ingestion est en cours" in output


def test_docx_and_markdown_keep_their_headings(settings, corpus_dir):
    import docx

    document = docx.Document()
    document.add_heading("Diagnostic FISAC", level=1)
    document.add_heading("Commerce de centre-bourg", level=2)
    document.add_paragraph("Les commerces de proximité ferment le lundi.")
    document.save(corpus_dir / "fisac.docx")
    run_cli("ingest", "--json")
    fresh = Assistant(settings)
    chunk = next(c for c in fresh.catalog.iter_chunks() if c.metadata["file"] == "fisac.docx" and "lundi" in c.text)
    assert chunk.metadata["section"] == "Diagnostic FISAC > Commerce de centre-bourg"
    assert chunk.search_text.startswith("Diagnostic FISAC")


def test_shipped_document_structure(settings):
    run_cli("ingest", "--json")
    fresh = Assistant(settings)
    chunks = list(fresh.catalog.iter_chunks())
    sections = {c.metadata["section"] for c in chunks}
    assert any(s.endswith("AXE 3 : SOUTENIR L'ECONOMIE TOURISTIQUE") for s in sections)
    stats = next(c for c in chunks if "67% d'action réalisées" in c.text)
    assert stats.metadata["section"] == "Evaluation quantitative"
    assert stats.metadata["doc_date"] == "Janvier 2022"
    # the contextual header is indexed, the file name is not
    assert stats.search_text.startswith("EVALUATION POCE")
    assert POCE_FILE not in stats.search_text
    # the sentence announcing a list is repeated with its items (the splitter cut between them)
    items = next(c for c in chunks if "- assurer en matière d'économie" in c.text)
    assert items.text.startswith("A l'écoute des besoins des entreprises, la Région et le PETR")
    assert sum("œuvrent de concert pour :" in c.text for c in chunks) == 2


def test_a_lead_into_a_list_or_a_title_is_repeated_in_the_piece_it_introduces():
    from assistant.ingest.chunking import make_splitter, repeat_leads_in_what_follows

    splitter = make_splitter(256, 32)
    prose = ("Le syndicat mixte a conduit une concertation avec les communes membres et les chambres "
             "consulaires pendant dix-huit mois, au fil de réunions publiques tenues dans chaque bourg. ")
    tail = ("À l'issue de dix-huit mois de concertation avec les communes, les chambres consulaires, les "
            "associations d'entreprises et les partenaires de l'emploi du territoire, les actions retenues par "
            "le comité de pilotage dans sa séance de clôture sont les suivantes :\n\n"
            "- ouvrir une pépinière d'entreprises à Vézelise ;\n- créer un guichet unique pour les porteurs de projets ;\n"
            "- accompagner la transmission des commerces.\n\nCALENDRIER DE MISE EN ŒUVRE\n\n"
            "La pépinière ouvrira au printemps, le guichet à l'automne. " + prose * 3)
    cuts = 0
    for repeat in range(1, 16):  # the splitter's cut falls at every place of the tail in turn
        text = prose * repeat + "\n\n" + tail
        pieces = splitter.split_text(text)
        kept = repeat_leads_in_what_follows(pieces, text)
        cuts += kept != pieces
        # each piece keeps its own text, a lead at most comes before it
        assert all(new.endswith(old.lstrip()) for old, new in zip(pieces, kept)), repeat
        for piece in kept:
            if "- ouvrir une pépinière" in piece or piece.lstrip().startswith("- créer un guichet"):
                assert "sont les suivantes :" in piece, (repeat, piece[:80])
            if piece.lstrip().startswith("La pépinière ouvrira"):
                assert "CALENDRIER DE MISE EN ŒUVRE" in piece, (repeat, piece[:80])
    assert cuts >= 2  # some lengths did cut a lead from what it introduces
    # a label over a title goes with it; a figure ending a piece is what the lines before it state
    assert repeat_leads_in_what_follows(["Bilan.\nAXE 2\nSOUTENIR LES ENTREPRISES", "Suite."], "") == \
        ["Bilan.\nAXE 2\nSOUTENIR LES ENTREPRISES", "AXE 2\nSOUTENIR LES ENTREPRISES\nSuite."]
    assert repeat_leads_in_what_follows(["Emplois créés\n312", "Suite."], "") == ["Emplois créés\n312", "Suite."]


def _synthetic_corpus(directory: Path, files: int) -> None:
    source = (Path(__file__).resolve().parents[1] / "corpus" / POCE_FILE).read_text(encoding="utf-8")
    sentences = [s.strip() for s in source.replace("\n", " ").split(".") if len(s.strip()) > 30]
    rng = random.Random(7)
    directory.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        body = "\n\n".join(f"SECTION {j + 1} DU DOCUMENT {i}\n\n" + rng.choice(sentences)[:160] + "." for j in range(2))
        if i % 4 == 0:
            make_pdf(directory / f"doc-{i:03d}.pdf", body.split("\n\nSECTION")[:2])
        else:
            (directory / f"doc-{i:03d}.txt").write_text(body, encoding="utf-8")


@pytest.mark.slow
def test_sigkill_at_any_moment_then_rerun_gives_the_clean_index(tmp_path, monkeypatch):
    """The ingestion kills itself at named checkpoints (before a file, after its new vectors,
    after its catalog commit), on first indexing and on updates: deterministic on any machine load."""
    corpus = tmp_path / "big"
    _synthetic_corpus(corpus, 24)
    env = dict(os.environ, PACTE_CORPUS_DIR=str(corpus))
    env.pop("PACTE_TEST_CHECKPOINT", None)
    cmd = [sys.executable, "-m", "assistant.interfaces.cli", "ingest", "--json"]
    crash_env = dict(env, PACTE_INDEX_DIR=str(tmp_path / "crash"))

    def killed_at(point: str) -> None:
        proc = subprocess.run(cmd, env=dict(crash_env, PACTE_TEST_CHECKPOINT=point), capture_output=True)
        assert proc.returncode == -signal.SIGKILL, f"{point} : l'ingestion aurait dû s'arrêter là"

    killed_at("vectors:doc-005.txt")   # new vectors of a new file, catalog not yet committed
    killed_at("catalog:doc-012.pdf")   # catalog committed, old vectors (none) not yet removed
    killed_at("file:doc-020.pdf")      # between two files
    for name in ("doc-001.txt", "doc-009.txt"):  # updates: old and new vectors side by side
        path = corpus / name
        path.write_text(path.read_text(encoding="utf-8") + "\n\nAjout : 12 réunions en 2023.", encoding="utf-8")
    killed_at("vectors:doc-001.txt")
    killed_at("catalog:doc-009.txt")
    final = subprocess.run(cmd, env=crash_env, capture_output=True, text=True, check=True)
    report = json.loads(final.stdout.strip().splitlines()[-1])

    clean_env = dict(env, PACTE_INDEX_DIR=str(tmp_path / "clean"))
    clean = subprocess.run(cmd, env=clean_env, capture_output=True, text=True, check=True)
    clean_report = json.loads(clean.stdout.strip().splitlines()[-1])
    assert clean_report["failed"] == [] and report["chunks"] == clean_report["chunks"]
    clean_ids = index_ids(Settings(corpus_dir=corpus, index_dir=tmp_path / "clean"))[0]
    crashed = Settings(corpus_dir=corpus, index_dir=tmp_path / "crash")
    catalog, chroma, bm25 = index_ids(crashed)
    assert catalog == chroma == bm25 == clean_ids
    # the structured store agrees too
    assert facts_of(crashed) == facts_of(Settings(corpus_dir=corpus, index_dir=tmp_path / "clean"))


def test_scanned_page_is_read_by_ocr_and_marked(settings, corpus_dir):
    from assistant.providers.ocr import ocr_available
    from conftest import require_binary

    require_binary("tesseract")
    if not ocr_available("fra"):
        pytest.fail("tesseract est installé sans ses données françaises (tesseract-ocr-fra)")
    make_pdf(corpus_dir / "rapport.pdf", ["Page de texte ordinaire sur le commerce."])
    scan = make_image_only_pdf(corpus_dir / "scan-copil.pdf", "Compte rendu du comité de pilotage\nRéunion du 12 mars 2021 à Vigneulles\nLa fromagerie sera agrandie.")
    assert scan.exists()
    code, _, report = run_cli("ingest", "--json")
    assert code == 0 and report["failed"] == []
    fresh = Assistant(settings)
    chunks = [c for c in fresh.catalog.iter_chunks() if c.metadata["file"] == "scan-copil.pdf"]
    assert chunks and all(c.metadata["ocr"] is True and c.metadata["page"] == 1 for c in chunks)
    text = " ".join(c.text for c in chunks)
    assert "fromagerie" in text.lower() and "12 mars 2021" in text
    # not a question for the meeting calendar, although it names the comité de pilotage
    routed = fresh.answers.ask("Quelle entreprise sera agrandie selon le compte rendu du comité de pilotage scanné ?")
    assert routed.tool is None
    answer = fresh.answers.ask("Qu'est-ce qui sera agrandi à Vigneulles ?")
    sources = [s.to_dict() for s in answer.sources if s.file == "scan-copil.pdf"]
    assert answer.answered and "fromagerie" in answer.answer.lower()
    assert sources and "(texte OCR)" in sources[0]["section"] and sources[0]["page"] == 1
    listed = {d.file: d for d in fresh.sources.list_documents()}
    assert "pages lues par OCR : 1" in listed["scan-copil.pdf"].warning
