"""The test-document generators write files that open, with the pages their golden files expect."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from fixtures.evaluations.build import DOCX_NAME, EXPECTED_PATH, REPORT_NAME, build_evaluations, expected_evaluations
from renderings import ALL_RENDERINGS, EXPECTED_PATH as POCE_EXPECTED, SLIDE_FOOTER, expected_facts


@pytest.fixture(scope="module")
def poce(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("poce")
    return {name: render(out) for name, render in ALL_RENDERINGS.items()}


def test_each_poce_rendering_opens_with_the_expected_page_count(poce):
    expected = json.loads(POCE_EXPECTED.read_text(encoding="utf-8"))
    assert poce["txt"].read_text(encoding="utf-8").count("67% d'action réalisées") == 1
    for name in ("slides_pdf", "report_pdf"):
        assert len(PdfReader(str(poce[name])).pages) == expected["page_counts"][name]
    assert expected["page_counts"]["slides_pdf"] == 12
    doc = Document(str(poce["docx"]))
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"][-2:] == [
        "Evaluation de la gouvernance", "Suite à donner"]
    assert doc.tables[0].rows[0].cells[1].text == "Dates"


def test_slides_text_holds_the_shares_and_the_footer(poce):
    pages = PdfReader(str(poce["slides_pdf"])).pages
    text = "\n".join(page.extract_text() for page in pages)
    assert "67% d'action réalisées" in text
    assert SLIDE_FOOTER.format(n=2) in pages[1].extract_text()
    assert "p. 1" not in pages[0].extract_text()  # no footer on the title slide


def test_golden_pages_are_those_the_generators_place():
    assert expected_facts() == json.loads(POCE_EXPECTED.read_text(encoding="utf-8"))
    assert expected_evaluations() == json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))


def test_fictional_evaluations_open(tmp_path):
    paths = build_evaluations(tmp_path)
    assert [p.name for p in paths] == [REPORT_NAME, DOCX_NAME]
    expected = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
    reader = PdfReader(str(paths[0]))
    assert len(reader.pages) == expected[REPORT_NAME]["page_count"]
    assert "Orientation stratégique n°4" in reader.pages[2].extract_text()
    table = Document(str(paths[1])).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Action", "Axe", "Statut", "Pilote"]
    assert len(table.rows) - 1 == expected[DOCX_NAME]["stats"]["total"]


def test_generators_are_deterministic(poce, tmp_path):
    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    again = {name: render(tmp_path) for name, render in ALL_RENDERINGS.items()}
    assert {n: digest(p) for n, p in again.items()} == {n: digest(p) for n, p in poce.items()}
