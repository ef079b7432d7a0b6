"""Resident memory of `pacte serve` on a large corpus (target: under 1 GiB at 500 pages).

    python benchmarks/serve_memory.py [--pages 500] [--json]

Builds the same synthetic corpus as benchmarks/run.py, ingests it, starts `pacte serve` on a free
loopback port, drives it with gradio_client (every labelled question through /ask, four clients
at a time, then /stats and /classify), and reads the server's VmRSS and VmHWM (peak) from /proc.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import build_corpus, load_cases  # noqa: E402


def _proc_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from gradio_client import Client

    from assistant.container import Assistant
    from assistant.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="pacte-serve-mem-"))
    server: subprocess.Popen | None = None
    try:
        corpus = work / "corpus"
        build_corpus(corpus, args.pages)
        settings = Settings(corpus_dir=corpus, index_dir=work / "index")
        report = Assistant(settings).ingest.run()
        port = _free_port()
        env = dict(os.environ, PACTE_CORPUS_DIR=str(corpus), PACTE_INDEX_DIR=str(work / "index"), ANONYMIZED_TELEMETRY="False")
        server = subprocess.Popen([sys.executable, "-m", "assistant.interfaces.cli", "serve", "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/"
        for _ in range(240):
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        idle_mb = _proc_kib(server.pid, "VmRSS") / 1024
        questions = [c["text"] for c in load_cases()]

        def ask(question: str) -> str:
            return Client(url, verbose=False).predict(question, api_name="/ask")

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=4) as pool:
            answers = list(pool.map(ask, questions))
        client = Client(url, verbose=False)
        client.predict(api_name="/stats")
        client.predict("Création d'un magasin de producteurs", api_name="/classify")
        elapsed = time.perf_counter() - started
        result = {
            "pages": args.pages,
            "chunks": report.chunks,
            "questions": len(answers),
            "seconds": round(elapsed, 1),
            "serve_idle_rss_mb": round(idle_mb, 1),
            "serve_rss_mb": round(_proc_kib(server.pid, "VmRSS") / 1024, 1),
            "serve_peak_rss_mb": round(_proc_kib(server.pid, "VmHWM") / 1024, 1),
        }
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    print(f"pacte serve, {result['pages']} pages ({result['chunks']} chunks), {result['questions']} questions en {result['seconds']} s :")
    print(f"  mémoire au repos {result['serve_idle_rss_mb']} Mo, après les questions {result['serve_rss_mb']} Mo, pic {result['serve_peak_rss_mb']} Mo")
    if args.json:
        print(json.dumps(result))


if __name__ == "__main__":
    main()
