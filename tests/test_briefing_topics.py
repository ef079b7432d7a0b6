"""Briefing notes on a topic or an axis stay on their subject (issue 14).

For 5 topics and each axis, on the realistic corpus and on the shipped one: at least 80 % of the
note's key items (« Éléments clés » and « Gouvernance et suivi ») cite a passage of that topic or
axis. « Of that topic » is checkable: the cited passage (its excerpt or its section heading)
holds one of the topic's words listed below, accents and case aside; for an axis, one of the
axis's words, or the passage sits in the axis's section (« AXE n »). The word lists are the
plain vocabulary of each subject, written before looking at the notes (word families as stems:
« touris », « animat »).

Every key item is a sentence (capital first letter, a [n]), with no « réunion(s) » and no
« au Janvier ». The DOCX opens with python-docx; the PDF renders to a non-blank PNG (pdftoppm).
"""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from assistant.briefing.model import SECTION_TITLES
from assistant.briefing.render import to_docx, to_markdown, to_pdf
from assistant.container import Assistant
from conftest import require_binary

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "briefing-topics"
KEY_SECTIONS = ("Éléments clés", "Gouvernance et suivi")
MIN_SHARE = 0.8

TOPIC_WORDS = {
    "gouvernance": ["gouvernance", "comité", "copil", "pilotage", "instance", "réseau", "CTDC", "réunion",
                    "conférence", "suivi"],
    "tourisme": ["touris", "hébergement", "visiteur", "destination", "nuitée"],
    "foncier économique et zones d'activités": ["foncier", "zone d'activités", "zones d'activités", "friche",
                                                 "hectare", "immobilier d'entreprise", "artificialisation"],
    "circuits courts et alimentation": ["circuit", "alimentation", "alimentaire", "vente directe", "producteur",
                                        "proximité", "agricult"],
    "emploi et compétences": ["emploi", "compétence", "formation", "recrutement", "qualifi", "chômage", "salarié"],
}
AXIS_WORDS = {
    1: ["accueillir", "nouvelles activités", "animat", "équipements structurants", "circuits", "proximité",
        "implantation"],
    2: ["entreprises existantes", "mutations", "structuration", "diversification", "modernisation", "visibilité"],
    3: ["touris", "destination", "hébergement", "visibilité"],
}
SUBJECTS = [("topic", t) for t in TOPIC_WORDS] + [("axis", n) for n in AXIS_WORDS]


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", (text or "").lower()) if not unicodedata.combining(c))


def of_subject(source, kind: str, subject) -> bool:
    where = fold(f"{source.excerpt} {source.section or ''}")
    words = TOPIC_WORDS[subject] if kind == "topic" else AXIS_WORDS[subject]
    if kind == "axis" and re.search(rf"\baxe\s*{subject}\b", where):
        return True
    return any(fold(w) in where for w in words)


def key_items(note) -> list:
    return [item for s in note.sections if s.title in KEY_SECTIONS for item in s.items]


def measure(note, kind: str, subject) -> tuple[float, list[str]]:
    """Share of key items that cite a passage of the subject, and the items that do not."""
    items = key_items(note)
    off = [item.cited for item in items
           if not any(of_subject(note.sources[n - 1], kind, subject) for n in item.refs)]
    return (1 - len(off) / len(items)) if items else 1.0, off


@pytest.fixture(scope="module")
def notes(realistic_index, shipped_index):
    """The 16 notes (8 subjects × 2 corpora), built once."""
    out = {}
    for corpus, settings in (("realistic", realistic_index), ("shipped", shipped_index)):
        assistant = Assistant(settings)
        for kind, subject in SUBJECTS:
            note = assistant.briefing.build(topic=subject if kind == "topic" else None,
                                            axis=subject if kind == "axis" else None)
            out[(corpus, kind, subject)] = note
    return out


@pytest.fixture(scope="module")
def shares(notes):
    table = {f"{c} / {k} {s}": measure(note, k, s) for (c, k, s), note in notes.items()}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "shares.json").write_text(json.dumps(
        {name: {"share": round(share, 3), "key_items": len(key_items(notes[key])), "off_topic": off}
         for (name, (share, off)), key in zip(table.items(), notes)}, ensure_ascii=False, indent=1), encoding="utf-8")
    return table


@pytest.mark.parametrize("corpus", ["realistic", "shipped"])
@pytest.mark.parametrize("kind,subject", SUBJECTS, ids=[f"{k}-{s}" for k, s in SUBJECTS])
def test_key_items_stay_on_the_subject(notes, shares, corpus, kind, subject):
    note = notes[(corpus, kind, subject)]
    share, off = shares[f"{corpus} / {kind} {subject}"]
    items = key_items(note)
    if corpus == "realistic":
        assert len(items) >= 3, f"too little on {subject}: {[i.cited for i in items]}"
    assert share >= MIN_SHARE, f"{share:.0%} on {subject}; off the subject: {off}"


@pytest.mark.parametrize("corpus", ["realistic", "shipped"])
def test_every_item_is_a_sentence_with_its_source(notes, corpus):
    for (c, kind, subject), note in notes.items():
        if c != corpus:
            continue
        for section in note.sections:
            for item in section.items:
                text = item.cited
                assert text[:1].isupper() or text[:1].isdigit(), text
                assert "(s)" not in text and not re.search(r"\bau [A-Z][a-zé]+ \d{4}", text), text
                if section.title in KEY_SECTIONS:
                    assert item.refs and len(item.text.split()) >= 6, text  # no bare heading
                    assert all(1 <= n <= len(note.sources) for n in item.refs)
        contexte = " ".join(i.text for i in note.section("Contexte").items)
        assert "Fondement de la stratégie" not in contexte  # the strategy's inputs are for the whole-pact note
        if kind == "topic" and subject != "gouvernance":
            assert not note.section("Gouvernance et suivi").items  # the calendar is not about tourism


def test_governance_note_holds_the_meetings_as_sentences(notes):
    note = notes[("realistic", "topic", "gouvernance")]
    lines = [i.cited for i in note.section("Gouvernance et suivi").items]
    assert any(re.fullmatch(r"Le comité de pilotage s'est réuni 2 fois : le 17 février 2020 et le 30 septembre 2020 \[\d+\]\.", ln)
               for ln in lines), lines
    objectives = [i for i in note.section("Éléments clés").items if "vise à" in i.text]
    assert not objectives  # the axes' objectives are not about governance
    documents = {note.sources[n - 1].file for i in key_items(note) for n in i.refs}
    assert len(documents) >= 2  # not only the pact's evaluation


def test_markdown_keeps_french_typography_and_whole_source_numbers(notes):
    text = to_markdown(notes[("realistic", "topic", "tourisme")])
    assert "\u00a0:" in text and "«\u00a0" in text and "\u00a0»" in text
    assert not re.search(r"\S :", text.replace("\u00a0:", ""))  # no plain space before a colon
    assert not re.search(r"^\d+\. ", text.split("## Sources")[1], flags=re.M)  # no ordered list to cut
    assert re.search(r"^\[1\d\] ", text, flags=re.M) or len(notes[("realistic", "topic", "tourisme")].sources) < 10


@pytest.mark.parametrize("corpus", ["realistic", "shipped"])
def test_docx_opens_and_pdf_renders(notes, corpus, tmp_path):
    import docx
    import numpy as np
    from PIL import Image

    pdftoppm = require_binary("pdftoppm")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for (c, kind, subject), note in notes.items():
        if c != corpus:
            continue
        name = f"{corpus}-{kind}-{subject}".replace(" ", "-").replace("'", "")
        path = tmp_path / f"{name}.docx"
        path.write_bytes(to_docx(note))
        document = docx.Document(str(path))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert all(t in headings for t in SECTION_TITLES)
        assert any("\u00a0:" in p.text for p in document.paragraphs)  # the spaces are in the runs' text
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(to_pdf(note))
        base = ARTIFACTS / name
        subprocess.run([pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(base)],
                       check=True)
        image = Image.open(f"{base}.png").convert("L")
        dark = int((np.asarray(image) < 128).sum())
        assert dark > 0.005 * image.width * image.height, name  # text, not a blank page


def test_the_pdf_font_has_the_french_spaces():
    """fpdf2 draws with DejaVu Sans: it must hold U+00A0 and U+202F, or the spaces would be lost."""
    from fontTools.ttLib import TTFont

    from assistant.briefing.render import _font_path

    for face in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
        cmap = TTFont(str(_font_path() / face)).getBestCmap()
        assert 0x00A0 in cmap and 0x202F in cmap and 0x00AB in cmap and 0x00BB in cmap
