"""Latency of each tab of the web app, on the realistic corpus, through a real `pacte serve`.

    python benchmarks/tabs.py [--corpus DIR --index DIR] [--runs 5]

Without --corpus, the realistic multi-document corpus of the tests (tests/realistic/) is built in
a temporary folder and indexed first. The server is started on a free loopback port and driven
with gradio_client, as a browser's page would call it: « Questions » (a question through the
chat's API), « Quel axe ? » (classify), « Tableau de bord » (the statistics), « Note de synthèse »
(a note on a topic, DOCX and PDF written), and the page itself. Prints median and max per tab.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS = [
    "Quel est le taux de chômage de la Meuse au quatrième trimestre 2021 ?",
    "Quelles communautés de communes composent le PETR ?",
    "Combien de nuitées les hébergements marchands ont-ils enregistrées ?",
    "Où en est le projet de place de marché numérique ?",
    "When was the regional scheme's working version dated?",
]
INITIATIVES = [
    "Un groupement d'agriculteurs ouvre un magasin de producteurs en centre-bourg.",
    "Rénovation de la toiture de l'église communale.",
]
TOPICS = ["tourisme", "gouvernance"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def build_corpus(root: Path) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    from realistic.build import build_realistic_corpus

    corpus = root / "corpus"
    build_realistic_corpus(corpus)
    shutil.copy(ROOT / "corpus" / "pacte.toml", corpus / "pacte.toml")
    return corpus, root / "index"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="pacte-tabs-"))
    corpus, index = (args.corpus, args.index) if args.corpus else build_corpus(work)
    env = {**os.environ, "PACTE_CORPUS_DIR": str(corpus), "PACTE_INDEX_DIR": str(index), "PACTE_LLM": "extractive"}
    env.pop("PACTE_CHROMA_URL", None)
    cli = [sys.executable, "-m", "assistant.interfaces.cli"]
    seconds = timed(lambda: subprocess.run(cli + ["ingest", "--json"], env=env, check=True, capture_output=True))
    print(f"indexation (ou vérification) du corpus : {seconds:.1f} s", file=sys.stderr)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(work / "serve.log", "w")
    server = subprocess.Popen(cli + ["serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        start = time.perf_counter()
        while True:  # the start-up is measured, not bounded by a sleep
            try:
                urllib.request.urlopen(url + "/", timeout=5)
                break
            except OSError:
                if server.poll() is not None:
                    sys.exit((work / "serve.log").read_text())
                time.sleep(0.2)
        startup = time.perf_counter() - start
        from gradio_client import Client

        client = Client(url + "/", verbose=False)
        out_dir = work / "notes"
        out_dir.mkdir()
        rows = {"page (premier affichage)": [timed(lambda: urllib.request.urlopen(url + "/", timeout=60).read())
                                             for _ in range(args.runs)]}
        rows["Questions (une réponse)"] = [timed(lambda q=q: client.predict(q, api_name="/ask"))
                                           for _ in range(args.runs) for q in QUESTIONS]
        rows["Quel axe ? (un classement)"] = [timed(lambda t=t: client.predict(t, api_name="/classify"))
                                              for _ in range(args.runs) for t in INITIATIVES]
        rows["Tableau de bord (statistiques)"] = [timed(lambda: client.predict(api_name="/stats"))
                                                  for _ in range(args.runs)]
        rows["Note de synthèse (MD, DOCX, PDF)"] = [timed(lambda t=t: client.predict(t, None, api_name="/note"))
                                                   for t in TOPICS]
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    print(f"démarrage de l'application (index prêt) : {startup:.1f} s")
    print(f"{'onglet':36s} {'médiane':>9s} {'max':>9s}  n")
    for name, values in rows.items():
        print(f"{name:36s} {statistics.median(values):8.2f}s {max(values):8.2f}s  {len(values)}")


if __name__ == "__main__":
    main()
