"""One file cannot stop, swamp or leak into an ingestion: links out of the corpus, files that
vanish, decompression bombs, texts over the limit and unlinkable names are that file's failure,
named with a true French reason, and every other file is indexed."""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest

from assistant.container import Assistant
from assistant.settings import Settings
from conftest import POCE_FILE


def _ingest(settings: Settings, **kwargs):
    return Assistant(settings).ingest.run(**kwargs)


def _failed(report) -> dict[str, str]:
    return {f["file"]: f["error"] for f in report.failed}


def _indexed(settings: Settings) -> set[str]:
    return {d.path for d in Assistant(settings).catalog.documents() if d.status == "indexed"}


def test_links_out_of_the_corpus_are_refused_links_inside_are_followed(settings, corpus_dir, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\nMot de passe du serveur : hunter2.\n", encoding="utf-8")
    (outside / "autre.txt").write_text("Un document hors du corpus, sur la fromagerie.", encoding="utf-8")
    os.symlink(secret, corpus_dir / "passwd.txt")
    os.symlink(outside, corpus_dir / "dossier-externe")
    sub = corpus_dir / "etudes"
    sub.mkdir()
    (sub / "note.txt").write_text("Note interne : la zone artisanale compte 14 entreprises.", encoding="utf-8")
    os.symlink(sub / "note.txt", corpus_dir / "raccourci-note.txt")  # inside: followed

    report = _ingest(settings)
    failed = _failed(report)
    assert "lien symbolique" in failed["passwd.txt"] and "hors du corpus" in failed["passwd.txt"]
    assert "lien symbolique" in failed["dossier-externe/"]
    indexed = _indexed(settings)
    assert {POCE_FILE, "etudes/note.txt", "raccourci-note.txt"} <= indexed
    assert not any("passwd" in p or "dossier-externe" in p for p in indexed)
    texts = " ".join(c.text for c in Assistant(settings).catalog.iter_chunks())
    assert "root:x:0:0" not in texts and "hunter2" not in texts
    answer = Assistant(settings).answers.ask("Quel est le mot de passe du serveur ?")
    assert "hunter2" not in answer.answer


def test_a_link_indexed_before_leaves_the_index_once_refused(settings, corpus_dir, tmp_path):
    target = tmp_path / "ailleurs.txt"
    target.write_text("Texte hors du corpus : 99 % des actions réalisées.", encoding="utf-8")
    (corpus_dir / "lien.txt").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
    _ingest(settings)
    assert "lien.txt" in _indexed(settings)
    (corpus_dir / "lien.txt").unlink()
    os.symlink(target, corpus_dir / "lien.txt")
    report = _ingest(settings)
    assert "lien.txt" not in _indexed(settings) and "lien.txt" in _failed(report)
    assert POCE_FILE in _indexed(settings)


def test_a_file_deleted_during_the_ingestion_is_its_own_failure(settings, corpus_dir):
    for name in ("a-premier.txt", "b-disparu.txt", "c-dernier.txt"):
        (corpus_dir / name).write_text(f"Document {name} : la filière bois compte 12 scieries.", encoding="utf-8")

    def delete_next(file: str, done: int, total: int) -> None:
        if file == "a-premier.txt":
            (corpus_dir / "b-disparu.txt").unlink()

    report = _ingest(settings, progress=delete_next)
    failed = _failed(report)
    assert list(failed) == ["b-disparu.txt"] and "disparu" in failed["b-disparu.txt"]
    assert "disque plein" not in failed["b-disparu.txt"]
    assert {"a-premier.txt", "c-dernier.txt", POCE_FILE} <= _indexed(settings)
    assert Assistant(settings).sources.failures() == {"b-disparu.txt": failed["b-disparu.txt"]}


def _docx_with_body(path: Path, xml_body: bytes) -> Path:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("placeholder")
    document.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:t>placeholder</w:t>", b"<w:t>" + xml_body + b"</w:t>")
            dst.writestr(item, data)
    return path


def test_a_decompression_bomb_is_refused_before_parsing(settings, corpus_dir):
    bomb = _docx_with_body(corpus_dir / "bombe.docx", b"a" * (30 * 1024 * 1024))
    assert bomb.stat().st_size < 200 * 1024  # a small file that expands to 30 MB of XML
    (corpus_dir / "voisin.txt").write_text("Le voisin est indexé : 7 entreprises accompagnées.", encoding="utf-8")
    started = time.monotonic()
    report = _ingest(settings)
    failed = _failed(report)
    assert "bombe.docx" in failed and "limite" in failed["bombe.docx"]
    assert {"voisin.txt", POCE_FILE} <= _indexed(settings)
    # refused from the ZIP directory: no parsing (a parse of 30 MB of XML takes minutes)
    assert time.monotonic() - started < 120


def test_unzipped_size_limit_is_a_setting(settings, corpus_dir, monkeypatch):
    _docx_with_body(corpus_dir / "gros.docx", ("Texte ordinaire du rapport. " * 40000).encode())
    monkeypatch.setenv("PACTE_MAX_UNZIPPED_MB", "0.5")
    report = _ingest(Settings())
    assert "PACTE_MAX_UNZIPPED_MB" in _failed(report)["gros.docx"]


def test_a_text_over_the_limit_is_refused_with_the_limit_in_pages(settings, corpus_dir, monkeypatch):
    monkeypatch.setenv("PACTE_MAX_TEXT_CHARS", "60000")
    # single newlines, no paragraphs: the shape that made the sentence splitter time out
    (corpus_dir / "enorme.txt").write_text("ligne de données sans ponctuation\n" * 5000, encoding="utf-8")
    (corpus_dir / "petit.txt").write_text("Un petit document : 3 zones d'activités.", encoding="utf-8")
    report = _ingest(Settings())
    reason = _failed(report)["enorme.txt"]
    assert "texte trop long" in reason and "pages" in reason and "PACTE_MAX_TEXT_CHARS" in reason
    assert {"petit.txt", POCE_FILE} <= _indexed(Settings())


def test_a_name_with_a_line_break_is_reported(settings, corpus_dir):
    try:
        (corpus_dir / "rapport\nannuel.txt").write_text("Rapport annuel : 4 réunions.", encoding="utf-8")
    except OSError:
        pytest.skip("le système de fichiers refuse les sauts de ligne dans les noms")
    report = _ingest(settings)
    (name, reason), = [(f["file"], f["error"]) for f in report.failed]
    assert "\n" not in name and "caractère de contrôle" in reason
    assert POCE_FILE in _indexed(settings)


def test_refused_files_leave_the_index_intact_on_rerun(settings, corpus_dir):
    report = _ingest(settings)
    before = {c.id for c in Assistant(settings).catalog.iter_chunks()}
    (corpus_dir / "faux.pdf").write_bytes(b"pas un pdf du tout")
    os.symlink("/etc/hostname", corpus_dir / "hote.txt")
    again = _ingest(settings)
    assert set(_failed(again)) == {"faux.pdf", "hote.txt"}
    assert {c.id for c in Assistant(settings).catalog.iter_chunks()} == before
    assert again.unchanged == report.added


def test_passages_cut_otherwise_by_new_rules_get_their_new_vectors(tmp_path, corpus_dir):
    """A rules update that cuts an unchanged file otherwise must replace the dense vectors too, not
    only the catalog's text: each passage's vector is the embedding of its text as indexed now."""
    import numpy as np

    old_rules = Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index", embedding="hash", chunk_size=256)
    first = _ingest(old_rules)
    Assistant(old_rules).catalog.set_meta("pipeline", "older")
    new_rules = Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index", embedding="hash", chunk_size=180)
    again = _ingest(new_rules)
    assert again.updated == first.added and again.chunks != first.chunks
    assistant = Assistant(new_rules)
    chunks = {c.id: c.search_text for c in assistant.catalog.iter_chunks()}
    assert assistant.vectors.all_ids() == set(chunks)
    stored = assistant.vectors.collection.get(ids=sorted(chunks), include=["embeddings"])
    embedder = assistant.embedder
    for chunk_id, vector in zip(stored["ids"], stored["embeddings"]):
        expected = embedder.get_text_embedding(chunks[chunk_id])
        assert np.allclose(vector, expected, atol=1e-6), f"{chunk_id} : vecteur d'un ancien découpage"


def test_an_index_built_by_older_rules_is_read_again(settings, corpus_dir):
    report = _ingest(settings)
    assistant = Assistant(settings)
    assistant.catalog.set_meta("pipeline", "older")
    again = _ingest(settings)
    assert again.updated == report.added and again.unchanged == 0  # facts re-extracted with today's rules
    assert _ingest(settings).unchanged == report.added
