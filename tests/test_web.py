"""The web app, for real: `pacte serve` on a free loopback port, driven by gradio_client and by
headless Chromium (Playwright); screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.corpus_service import CorpusError, CorpusFiles, sanitize_filename
from conftest import build_index, free_port, stop_process, wait_until_serving

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def http_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


@contextmanager
def running_server(root: Path, settings, **env: str):
    """`pacte serve` on a free loopback port for the index of ``settings``; yields its URL."""
    port = free_port()
    env = dict(os.environ, PACTE_CORPUS_DIR=str(settings.corpus_dir), PACTE_INDEX_DIR=str(settings.index_dir),
               PACTE_MAX_UPLOAD_MB="1", **env)
    log_path = root / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "assistant.interfaces.cli", "serve", "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(url + "/", proc, log_path, "le serveur")
            yield url
        finally:
            stop_process(proc)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("web")
    settings = build_index(root)
    with running_server(root, settings) as url:
        yield url, settings


def test_api_ask_classify_stats(server):
    from gradio_client import Client

    url, _ = server
    client = Client(url + "/", verbose=False)
    answer = client.predict("Quel est le taux d'actions réalisées ?", api_name="/ask")
    assert "67%" in answer and "[1]" in answer and "EVALUATION POCE" in answer
    fits = client.predict("Création de gîtes et d'un sentier de randonnée", api_name="/classify")
    assert fits["axis"] == 3 and fits["sources"]
    stats = client.predict(api_name="/stats")
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == (67, 20, 13)


def test_eight_clients_at_once_are_all_answered(server):
    from gradio_client import Client

    url, _ = server
    questions = [
        "Quel est le taux d'actions réalisées ?", "Quand se sont tenus les comités de pilotage ?",
        "Quelles communautés de communes composent le PETR ?", "Quel est le budget du POCE ?",
        "Quels sont les axes du pacte ?", "Quelle est la suite à donner ?",
        "Quand s'est réuni le réseau entreprises ?", "What share of the pact's actions were completed?",
    ]

    def ask(question: str) -> str:
        return Client(url + "/", verbose=False).predict(question, api_name="/ask")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(ask, questions))
    assert len(answers) == 8 and all(answers)
    assert "67%" in answers[0] and "17/02/2020" in answers[1] and "ne permettent pas" in answers[3]


def test_documents_are_served_from_the_corpus_only(server):
    url, settings = server
    assert http_status(f"{url}/documents/evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt") == 200
    for attack in ("../index/pacte.sqlite3", "%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fetc%2fpasswd", "pacte.toml/../../x"):
        assert http_status(f"{url}/documents/{attack}") in (403, 404), attack
    assert http_status(f"{url}/documents/absent.pdf") == 404


def test_upload_rules(tmp_path):
    files = CorpusFiles(tmp_path / "corpus", max_upload_mb=0.001)
    big = tmp_path / "gros.pdf"
    big.write_bytes(b"%PDF-1.4" + b"0" * 4000)
    with pytest.raises(CorpusError, match="trop volumineux"):
        files.add("gros.pdf", big)
    exe = tmp_path / "outil.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(CorpusError, match="format non pris en charge"):
        files.add("outil.exe", exe)
    small = tmp_path / "note.md"
    small.write_text("# Note\n\nTexte.", encoding="utf-8")
    assert files.add("../../etc/Ma Note é.md", small) == "Ma_Note_e.md"
    assert (tmp_path / "corpus" / "Ma_Note_e.md").exists() and not (tmp_path / "etc").exists()
    assert sanitize_filename("..\\..\\.bashrc") == "bashrc"


def _browser(playwright):
    return playwright.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_FLAGS)


def test_browser_question_sources_dashboard_and_upload(server):
    from conftest import require_binary
    from playwright.sync_api import sync_playwright

    require_binary("chromium")
    url, settings = server
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(url + "/", wait_until="load")
        page.wait_for_selector("#pacte-question textarea", timeout=60000)
        page.fill("#pacte-question textarea", "Quel est le taux d'actions réalisées ?")
        page.click("#pacte-send")
        page.wait_for_selector(".pacte-source", timeout=60000)
        assert "67%" in page.inner_text(".pacte-sources")
        assert page.locator(".pacte-source mark").count() > 0  # matched words highlighted
        link = page.get_attribute(".pacte-open", "href")
        assert link.startswith("/documents/") and "#page=1" in link
        page.screenshot(path=str(ARTIFACTS / "web-questions.png"), full_page=True)

        page.get_by_role("tab", name="Tableau de bord").click()
        page.wait_for_selector("#pacte-status-plot [data-testid=matplotlib] img", timeout=60000)
        assert "janvier 2022" in page.inner_text("#pacte-asof")
        page.screenshot(path=str(ARTIFACTS / "web-dashboard.png"), full_page=True)

        page.get_by_role("tab", name="Documents").click()
        note = Path(settings.corpus_dir).parent / "circuits.md"
        note.write_text("# Marché fermier\n\nLe marché fermier de Vigneulles ouvre le jeudi.\n", encoding="utf-8")
        page.set_input_files("#pacte-upload input[type=file]", str(note))
        page.wait_for_function(
            "document.querySelector('#pacte-doc-status') && document.querySelector('#pacte-doc-status').innerText.match(/documents? indexés?/)",
            timeout=120000)
        assert "« circuits.md » ajouté" in page.inner_text("#pacte-doc-status")
        table = page.inner_text("#pacte-documents")
        assert "circuits.md" in table and "Marché fermier" in table
        page.screenshot(path=str(ARTIFACTS / "web-documents.png"), full_page=True)
        browser.close()
    assert (Path(settings.corpus_dir) / "circuits.md").exists()


def test_dates_in_french():
    from assistant.interfaces.web.render import french_date

    assert french_date("2026-11-28T23:16:36") == "28/11/2026 23:16"
    assert french_date("2024-03-05") == "05/03/2024"
    assert french_date("Janvier 2022") == "Janvier 2022" and french_date(None) == ""


def test_short_document_titles():
    from assistant.interfaces.web.render import display_title

    poce = "EVALUATION POCE (PACTE OFFENSIVE CROISSANCE EMPLOI) 2017/2021 PETR CŒUR DE LORRAINE"
    assert display_title(poce) == "Evaluation POCE 2017/2021 PETR Cœur de Lorraine"
    assert display_title("Compte rendu du comité de pilotage") == "Compte rendu du comité de pilotage"
    assert len(display_title("Un titre " * 20)) <= 62


def test_answer_names_each_document_once_with_page_and_section():
    from assistant.answers.model import Answer, Source
    from assistant.interfaces.web.render import answer_markdown, source_cards

    title = "EVALUATION POCE (PACTE OFFENSIVE CROISSANCE EMPLOI) 2017/2021 PETR CŒUR DE LORRAINE"
    sources = [Source(1, title, "poce.pdf", 3, None, "Bilan", "67% d'action réalisées", 1.0),
               Source(2, title, "poce.pdf", 3, None, "Bilan", "20% d'action en cours", 0.9),
               Source(3, title, "poce.pdf", 5, None, None, "13% d'action non réalisées", 0.8),
               Source(4, "Registre", "registre.csv", None, None, None, "Magasin de producteurs", 0.5)]
    text = answer_markdown(Answer("Quel taux ?", "67 % [1].", True, sources, verified=False))
    assert text.count("Evaluation POCE") == 1 and title not in text
    assert "[1], [2] p. 3 · Bilan ; [3] p. 5" in text and "*Registre* : [4]" in text
    assert "Attention :" in text
    cards = source_cards(sources, "taux d'action réalisées")
    assert cards.count("Evaluation POCE 2017/2021") == 1 and cards.count('class="pacte-source"') == 4
    assert "<b>[3]</b> p. 5</summary>" in cards and 'href="/documents/poce.pdf#page=5"' in cards


def test_the_value_an_answer_leads_with_is_set_off():
    from assistant.answers.model import Answer
    from assistant.interfaces.web.render import answer_markdown

    led = "Mme Claire Husson, d'après « Compte rendu du comité » : « Présents : Mme Claire Husson, Région » [1]."
    assert answer_markdown(Answer("Qui ?", led, True)).startswith("**Mme Claire Husson**, d'après « Compte rendu")
    # no value: the attribution alone is not set off, nor a value that contains markup of a document
    plain = "D'après « Compte rendu du comité » : « Le comité s'est réuni. » [1]."
    assert answer_markdown(Answer("Quand ?", plain, True)).startswith("D'après « Compte rendu")
    escaped = answer_markdown(Answer("Qui ?", "<b>X</b>, d'après « Doc » : « X » [1].", True))
    assert escaped.startswith("**&lt;b&gt;X&lt;/b&gt;**, d'après")


def test_follow_up_shows_how_it_was_understood():
    from assistant.interfaces.web.questions import question_markdown

    assert question_markdown("et pour l'axe 2 ?", "Quels sont les objectifs de l'axe 2 ?") == (
        "et pour l'axe 2 ?\n\n*compris : Quels sont les objectifs de l'axe 2 ?*")
    assert question_markdown("Quels sont les axes ?", "Quels sont les axes ?") == "Quels sont les axes ?"
    assert question_markdown("<b>x</b>", None) == "&lt;b&gt;x&lt;/b&gt;"


def test_timeline_ticks_in_french_months():
    from assistant.interfaces.web.dashboard import timeline_figure
    from assistant.knowledge.results import Calendar, Event

    events = [Event("comité de pilotage", d, d, False, 1) for d in ("2019-05-14", "2019-09-02", "2020-02-17")]
    fig = timeline_figure(Calendar(events, []))
    fig.canvas.draw()
    ticks = [t.get_text() for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert ticks and all(re.fullmatch(r"(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d", t) for t in ticks), ticks


def test_indexing_progress_names_the_file():
    from assistant.interfaces.web.documents import indexing_step

    assert indexing_step("rapport.pdf", 1, 5) == "Indexation de « rapport.pdf » (2 sur 5)"
    assert indexing_step("", 5, 5) == "Indexation terminée"


def test_no_emoji_carries_meaning_in_the_web_app():
    emoji = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\uFE0F]")
    folder = Path(__file__).resolve().parents[1] / "assistant" / "interfaces" / "web"
    found = {p.name: emoji.findall(p.read_text(encoding="utf-8")) for p in folder.glob("*.py")}
    assert not any(found.values()), found
