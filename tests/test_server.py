"""Scale-out: ingestion and answers through a real Chroma server (`chroma run`), and a second
app instance that rebuilds its catalog and BM25 from the server alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from assistant.container import Assistant
from assistant.ingest.service import ServerOwnedError
from assistant.settings import Settings
from conftest import POCE_FILE, SHIPPED_CORPUS, free_port


def _alive(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory):
    """The server .ci/run started (PACTE_TEST_CHROMA_URL), else one started here."""
    given = os.environ.get("PACTE_TEST_CHROMA_URL")
    if given:
        assert _alive(given), f"serveur Chroma de CI injoignable : {given}"
        yield given
        return
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path_factory.mktemp("chroma")),
                             "--host", "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        if _alive(url):
            break
        time.sleep(0.25)
    yield url
    proc.terminate()
    proc.wait(timeout=30)


def _node(root: Path, name: str, url: str, collection: str, corpus: Path) -> Settings:
    return Settings(corpus_dir=corpus, index_dir=root / name, chroma_url=url, collection=collection)


def test_ingest_and_answer_through_the_server_then_a_second_node_follows(tmp_path, chroma_url):
    collection = f"t{uuid.uuid4().hex[:10]}"
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    writer = Assistant(_node(tmp_path, "node-a", chroma_url, collection, corpus))
    report = writer.ingest.run()
    assert report.failed == [] and report.chunks > 0
    assert writer.vectors.collection.count() == report.chunks  # the vectors live on the server
    answer = writer.answers.ask("Quand se sont tenus les comités de pilotage ?")
    assert "17/02/2020" in answer.answer

    # a second app instance: same server, its own empty index dir, no ingestion of its own
    reader_settings = _node(tmp_path, "node-b", chroma_url, collection, corpus)
    reader = Assistant(reader_settings)
    reader.answers, reader.knowledge  # building the services has no side effect: nothing pulled yet
    assert reader.catalog.chunk_count() == 0
    reader.prepare()  # what the CLI, the web app and the evaluation do once
    answer = reader.answers.ask("Quelles communautés de communes composent le PETR ?")
    assert answer.answered and "CC du Sammiellois" in answer.answer
    assert reader.knowledge.action_stats().done == 67
    assert len(list(reader.catalog.iter_chunks())) == report.chunks
    reader.lexical.load()
    assert len(reader.lexical) == report.chunks

    # the writer ingests an edited document; the reader pulls it
    path = corpus / POCE_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("67% d'action réalisées", "70% d'action réalisées"), encoding="utf-8")
    second = Assistant(_node(tmp_path, "node-a", chroma_url, collection, corpus)).ingest.run()
    assert second.updated == 1 and second.chunks == report.chunks
    assert reader.sync.pull() is True
    assert reader.knowledge.action_stats().done == 70
    assert "70%" in reader.answers.ask("Quel est le taux d'actions réalisées ?").answer
    assert reader.sync.pull() is False  # nothing new


def test_cli_against_the_server(tmp_path, chroma_url, monkeypatch):
    collection = f"t{uuid.uuid4().hex[:10]}"
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    env = dict(os.environ, PACTE_CHROMA_URL=chroma_url, PACTE_COLLECTION=collection, PACTE_CORPUS_DIR=str(corpus),
               PACTE_INDEX_DIR=str(tmp_path / "index"))
    cli = [sys.executable, "-m", "assistant.interfaces.cli"]
    report = json.loads(subprocess.run(cli + ["ingest", "--json"], env=env, capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    assert report["chunks"] > 0
    env["PACTE_INDEX_DIR"] = str(tmp_path / "other")
    answer = json.loads(subprocess.run(cli + ["ask", "--json", "Quel est le taux d'actions réalisées ?"], env=env,
                                       capture_output=True, text=True, check=True).stdout.splitlines()[-1])
    assert "67%" in answer["answer"] and answer["sources"]


def test_only_one_node_ingests_until_another_takes_over(tmp_path, chroma_url):
    collection = f"t{uuid.uuid4().hex[:10]}"
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    first = Assistant(_node(tmp_path, "node-a", chroma_url, collection, corpus)).ingest.run()
    env = dict(os.environ, PACTE_CHROMA_URL=chroma_url, PACTE_COLLECTION=collection, PACTE_CORPUS_DIR=str(tmp_path / "elsewhere"),
               PACTE_INDEX_DIR=str(tmp_path / "node-b"))
    (tmp_path / "elsewhere").mkdir()  # another machine, with an empty corpus folder
    cli = [sys.executable, "-m", "assistant.interfaces.cli"]
    refused = subprocess.run(cli + ["ingest", "--json"], env=env, capture_output=True, text=True)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "alimenté par un autre poste" in refused.stderr and "--take-over" in refused.stderr
    node_a = Assistant(_node(tmp_path, "node-a", chroma_url, collection, corpus))
    assert node_a.vectors.collection.count() == first.chunks  # the team's index is untouched
    assert node_a.answers.ask("Quel est le taux d'actions réalisées ?").answered

    # node B takes over with the same documents: it starts from the team's index, nothing is re-embedded
    env["PACTE_CORPUS_DIR"] = str(corpus)
    taken = json.loads(subprocess.run(cli + ["ingest", "--json", "--take-over"], env=env, capture_output=True, text=True,
                                      check=True).stdout.splitlines()[-1])
    assert (taken["added"], taken["updated"], taken["removed"]) == (0, 0, 0) and taken["chunks"] == first.chunks
    # and now node A is the one refused
    with pytest.raises(ServerOwnedError, match="autre poste"):
        Assistant(_node(tmp_path, "node-a", chroma_url, collection, corpus)).ingest.run()
