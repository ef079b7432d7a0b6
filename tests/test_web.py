"""The web app, for real: `pacte serve` on a free loopback port, driven by gradio_client and by
headless Chromium (Playwright); screenshots go to test-artifacts/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.corpus_service import CorpusError, CorpusFiles, sanitize_filename
from conftest import build_index, free_port

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
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if http_status(url + "/") == 200:
                        break
                except OSError:
                    pass
                if proc.poll() is not None:
                    raise RuntimeError(log_path.read_text())
                time.sleep(0.5)
            else:
                raise RuntimeError("le serveur n'a pas démarré")
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


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
        page.wait_for_selector("#pacte-status-plot img, #pacte-status-plot canvas, #pacte-status-plot svg", timeout=60000)
        assert "Janvier 2022" in page.inner_text("#pacte-asof")
        page.screenshot(path=str(ARTIFACTS / "web-dashboard.png"), full_page=True)

        page.get_by_role("tab", name="Documents").click()
        note = Path(settings.corpus_dir).parent / "circuits.md"
        note.write_text("# Marché fermier\n\nLe marché fermier de Vigneulles ouvre le jeudi.\n", encoding="utf-8")
        page.set_input_files("#pacte-upload input[type=file]", str(note))
        page.wait_for_function(
            "document.querySelector('#pacte-doc-status') && document.querySelector('#pacte-doc-status').innerText.includes('document(s) indexé(s)')",
            timeout=120000)
        assert "« circuits.md » ajouté" in page.inner_text("#pacte-doc-status")
        table = page.inner_text("#pacte-documents")
        assert "circuits.md" in table and "Marché fermier" in table
        page.screenshot(path=str(ARTIFACTS / "web-documents.png"), full_page=True)
        browser.close()
    assert (Path(settings.corpus_dir) / "circuits.md").exists()
