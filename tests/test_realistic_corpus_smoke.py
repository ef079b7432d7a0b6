"""Smoke test of the realistic multi-document corpus (tests/realistic/build.py).

Builds the corpus once, then checks that every file opens with the ordinary readers, that the
page counts match manifest.json, and a few structural promises (≥ 25 pages of strategy, running
header and footer, table of contents, tables, a scan without text, a deterministic build).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from realistic import build
from realistic.content import etude_territoire, registre, srdeii

pytestmark = pytest.mark.timeout(120)


def _has_slides() -> bool:
    try:
        import renderings  # noqa: F401
    except ImportError:
        return False
    return True


HAS_SLIDES = _has_slides()
MANIFEST = json.loads(build.MANIFEST.read_text(encoding="utf-8"))
ENTRIES = {entry["name"]: entry for entry in MANIFEST["documents"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("realistic")
    written = build.build_realistic_corpus(dest, slides=HAS_SLIDES)
    assert all(path.parent == dest and path.is_file() for path in written)
    return dest


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def test_manifest_lists_every_document():
    assert list(ENTRIES) == list(build.DOCUMENTS)
    for name, (kind, territory, _) in build.DOCUMENTS.items():
        assert ENTRIES[name]["kind"] == kind
        assert ENTRIES[name]["territory"] == territory
        assert ENTRIES[name]["description"]
        assert re.fullmatch(r"[a-z0-9-]+\.(pdf|docx|xlsx|csv|md)", name)


def test_every_file_is_written(corpus):
    expected = set(ENTRIES)
    if not HAS_SLIDES:
        expected.discard(build.SLIDES)
    assert {p.name for p in corpus.iterdir()} == expected


@pytest.mark.parametrize("name", [n for n, e in ENTRIES.items() if e["kind"].endswith("pdf")])
def test_pdf_page_counts_match_manifest(corpus, name):
    if name == build.SLIDES and not HAS_SLIDES:
        pytest.skip("tests/renderings.py (render_poce_slides_pdf) is not there yet: no slide deck")
    from pypdf import PdfReader

    assert len(PdfReader(str(corpus / name)).pages) == ENTRIES[name]["pages"]


def test_strategy_is_a_long_a4_report_with_header_footer_and_toc(corpus):
    from pypdf import PdfReader

    path = corpus / build.STRATEGY
    reader = PdfReader(str(path))
    pages = [page.extract_text() for page in reader.pages]
    assert len(pages) >= 25
    box = reader.pages[5].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait
    assert reader.metadata.creation_date.year == 2022
    for number, text in enumerate(pages[1:], start=2):
        assert srdeii.SHORT_TITLE in text, number
        assert f"Page {number} / {len(pages)}" in text, number
    toc = "\n".join(pages[1:3])
    entries = re.findall(r"^(\S.*?) \.{3,} ?(\d+)$", toc, flags=re.M)
    assert len(entries) >= 30
    for title, page in entries:
        if "…" not in title:
            assert title in pages[int(page) - 1].replace("\n", " "), (title, page)
    body = "\n".join(pages)
    for needle in ("2.3.1 Les métropoles", "Orientation 2 :", "Objectif 2.1 :", "Pactes Offensive Croissance Emploi"):
        assert needle in body
    assert len(re.findall(r"^Tableau \d+ – ", body, flags=re.M)) >= 3
    assert "Total 1 642 300 +3,6 % 100,0 %" in body


def test_study_has_its_figures_in_prose_and_tables(corpus):
    pages = _pdf_pages(corpus / build.STUDY)
    assert 6 <= len(pages) <= 10
    body = "\n".join(pages)
    assert "Le territoire compte 38 412 habitants en 2020" in body.replace("\n", " ")
    for name, *_ in etude_territoire.CC:
        assert name in body
    assert "Total PETR 38 412 3 177 10 571 8,2 %" in body
    for number, text in enumerate(pages[1:], start=2):
        assert etude_territoire.SHORT_TITLE in text and f"Page {number} / {len(pages)}" in text


def test_other_pact_docx(corpus):
    from docx import Document

    doc = Document(str(corpus / build.OTHER_PACT))
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= styles
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "PETR du Val d'Ornelle" in text and "54 % des actions réalisées" in text
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["Indicateur", "Cible", "Réalisé"] in headers
    assert doc.core_properties.created.replace(tzinfo=None) == datetime(2023, 3, 1, 9, 0)


def test_register_xlsx(corpus):
    from openpyxl import load_workbook

    wb = load_workbook(corpus / build.REGISTER)
    assert len(wb.worksheets) == 1
    rows = list(wb.active.iter_rows(values_only=True))
    assert list(rows[0]) == ["action", "axe", "objectif", "statut", "responsable", "date de mise à jour"]
    actions = rows[1:]
    assert 25 <= len(actions) <= 30 and len(actions) == len(registre.ACTIONS)
    assert {r[1] for r in actions} == {1, 2, 3}
    assert {r[3] for r in actions} == {"réalisée", "en cours", "non réalisée"}
    assert all(isinstance(r[5], datetime) and r[5].year in (2023, 2024) for r in actions)
    assert ENTRIES[build.REGISTER]["sheets"] == {"Registre": len(rows)}


def test_zones_xlsx(corpus):
    from openpyxl import load_workbook

    wb = load_workbook(corpus / build.ZONES)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == [
        "Zone d'activités",
        "Commune",
        "Communauté de communes",
        "Surface totale (ha)",
        "Surface disponible (ha)",
        "Entreprises implantées",
    ]
    assert rows[-1][0] == "Total"
    assert rows[-1][3] == pytest.approx(sum(r[3] for r in rows[1:-1]))
    assert ENTRIES[build.ZONES]["sheets"] == {ws.title: ws.max_row for ws in wb.worksheets}


def test_scan_has_no_text_layer(corpus):
    from pypdf import PdfReader

    reader = PdfReader(str(corpus / build.SCAN))
    assert len(reader.pages) == 1
    assert (reader.pages[0].extract_text() or "").strip() == ""
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image.size[0] >= 1240  # ≥ 150 dpi on A4


def test_press_release(corpus):
    text = (corpus / build.PRESS).read_text(encoding="utf-8")
    assert text.startswith("# ") and "PTRTE" in text
    assert ENTRIES[build.PRESS]["lines"] == len(text.splitlines())


def test_build_is_deterministic(corpus, tmp_path):
    again = build.build_realistic_corpus(tmp_path, slides=False)

    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    for path in again:
        assert digest(path) == digest(corpus / path.name), path.name
