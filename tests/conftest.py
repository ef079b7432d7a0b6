from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.container import Assistant
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = ROOT / "corpus"
POCE_FILE = "evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt"

_SHARED_CACHE_DIR: str | None = None


def pytest_configure(config):
    """One passage-embedding cache for the whole run, shared by every index the tests build (and
    by the commands they start, through the environment): the shipped corpus and the test corpora
    are embedded once, not once per test. A test of the cache itself sets its own."""
    global _SHARED_CACHE_DIR
    import os
    import tempfile

    if "PACTE_EMBEDDING_CACHE" not in os.environ:
        _SHARED_CACHE_DIR = tempfile.mkdtemp(prefix="pacte-embeddings-")
        os.environ["PACTE_EMBEDDING_CACHE"] = str(Path(_SHARED_CACHE_DIR) / "embeddings.sqlite3")


def pytest_unconfigure(config):
    import os

    if _SHARED_CACHE_DIR is not None:
        os.environ.pop("PACTE_EMBEDDING_CACHE", None)
        shutil.rmtree(_SHARED_CACHE_DIR, ignore_errors=True)


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A copy of the shipped corpus that a test may edit."""
    target = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, target)
    return target


@pytest.fixture
def settings(tmp_path: Path, corpus_dir: Path, monkeypatch) -> Settings:
    index = tmp_path / "index"
    monkeypatch.setenv("PACTE_CORPUS_DIR", str(corpus_dir))
    monkeypatch.setenv("PACTE_INDEX_DIR", str(index))
    monkeypatch.delenv("PACTE_CHROMA_URL", raising=False)
    return Settings()


@pytest.fixture
def assistant(settings: Settings) -> Assistant:
    return Assistant(settings)


def build_index(root: Path, extra: Path | None = None) -> Settings:
    """Ingest a copy of the shipped corpus (plus extra files) into ``root``; returns its settings."""
    corpus = root / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    if extra is not None:
        for f in extra.iterdir():
            shutil.copy(f, corpus / f.name)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    report = Assistant(settings).ingest.run()
    assert report.failed == []
    return settings


def assistant_with_sheet(root: Path, file_name: str, title: str, rows: list[list]) -> Assistant:
    """The shipped corpus and one workbook of another territory (its first row the header),
    ingested and ready to answer offline."""
    from openpyxl import Workbook

    extra = root / "extra"
    extra.mkdir()
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(extra / file_name)
    settings = build_index(root, extra)
    assistant = Assistant(Settings(corpus_dir=settings.corpus_dir, index_dir=settings.index_dir, llm="extractive"))
    assistant.prepare()
    return assistant


@pytest.fixture(scope="session")
def shipped_index(tmp_path_factory) -> Settings:
    """The shipped corpus, ingested once for the whole session (tests must not modify it)."""
    return build_index(tmp_path_factory.mktemp("shipped"))


@pytest.fixture
def use_index(monkeypatch):
    """Point the CLI (which reads the environment) at an index."""

    def _use(settings: Settings) -> Settings:
        monkeypatch.setenv("PACTE_CORPUS_DIR", str(settings.corpus_dir))
        monkeypatch.setenv("PACTE_INDEX_DIR", str(settings.index_dir))
        monkeypatch.delenv("PACTE_LLM", raising=False)
        return settings

    return _use


def require_binary(name: str) -> str:
    """The path of a system tool; skipped locally when absent, a failure in CI (which installs it)."""
    import os
    import shutil as _shutil

    path = _shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} est absent alors que CI l'installe (scripts/test.sh)")
        pytest.skip(f"{name} absent : installez le paquet système correspondant")
    return path


def free_port() -> int:
    """A free TCP port on loopback, for the servers the tests start."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def realistic_index(tmp_path_factory) -> Settings:
    """The realistic multi-document corpus (tests/realistic) with the home profile, built and
    ingested once for the whole session (about a minute and a half); tests must not modify it."""
    from realistic.build import build_realistic_corpus

    root = tmp_path_factory.mktemp("realistic-shared")
    corpus = root / "corpus"
    build_realistic_corpus(corpus)
    shutil.copy(SHIPPED_CORPUS / "pacte.toml", corpus / "pacte.toml")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    report = Assistant(settings).ingest.run()
    assert report.failed == [], report.failed
    return settings


def wait_until_serving(url: str, proc, log: Path, what: str, within: float = 120.0) -> None:
    """Return once ``url`` answers; fail with the server's log if its process ends, or after
    ``within`` seconds (a start-up bound, not a timing assertion)."""
    import time
    import urllib.request

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:  # refused, or not ready yet (an HTTP error included)
            if proc.poll() is not None:
                raise RuntimeError(log.read_text())
            time.sleep(0.5)
    raise RuntimeError(f"{what} n'a pas démarré")


def stop_process(proc) -> None:
    """SIGTERM, then SIGKILL if it has not ended after 30 s."""
    import subprocess

    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()

