from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.container import Assistant
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_CORPUS = ROOT / "corpus"
POCE_FILE = "evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt"


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
