"""Incremental, crash-safe ingestion of the corpus into Chroma, BM25 and the catalog."""

from __future__ import annotations

import logging
import os
import socket
import sqlite3
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from chromadb.errors import ChromaError
from filelock import FileLock, Timeout

from assistant.ingest.chunking import chunk_document, make_splitter, search_text
from assistant.ingest.corpus_files import (doc_id_for, file_failure_reason, file_sha256, index_write_message,
                                           printable_name, scan_corpus)
from assistant.ingest.limits import FileLimits
from assistant.ingest.progress import IngestProgress, StepCallback
from assistant.providers.catalog import Catalog, ChunkRow, DocumentRow, FactRow
from assistant.providers.embedding_cache import EmbeddingCache, embed_passages
from assistant.providers.lexical import LexicalIndex
from assistant.providers.ocr import build_ocr
from assistant.parsing.parsers import (
    REGISTER_SUFFIXES,
    SUPPORTED_SUFFIXES,
    DocumentError,
    ParsedDocument,
    load_document,
)
from assistant.providers.vectorstore import VectorIndex
from assistant.settings import Settings

logger = logging.getLogger(__name__)

ProgressCallback = Callable[[str, int, int], None]  # (file, done, total)


class IngestLockedError(RuntimeError):
    pass


class ServerOwnedError(IngestLockedError):
    """Another node ingests into the team's Chroma server; the message is French."""


class IndexWriteError(RuntimeError):
    """The index could not be written (disk full, read-only folder…); the message is French."""


class FactExtractor(Protocol):
    def __call__(self, doc: ParsedDocument, doc_id: str, title: str, date: str | None) -> list[FactRow]: ...


@dataclass
class IngestReport:
    documents: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    chunks: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


CHECKPOINT_ENV = "PACTE_TEST_CHECKPOINT"
# Bumped when parsing, chunking or fact extraction changes: an index built by an older version
# is read again from its files on the next ingestion (facts would otherwise stay stale).
PIPELINE_VERSION = "2026-12-08.31"


def checkpoint(stage: str, rel: str) -> None:
    """Fault tests: with PACTE_TEST_CHECKPOINT=« stage:file », the process stops itself (SIGKILL)
    at that point of the ingestion, so a crash lands at the same place on any machine load."""
    wanted = os.environ.get(CHECKPOINT_ENV)
    if wanted and wanted == f"{stage}:{rel}":
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


class IngestService:
    def __init__(
        self,
        settings: Settings,
        embedder,
        vectors: VectorIndex,
        catalog: Catalog,
        lexical: LexicalIndex,
        extractors: list[FactExtractor] | None = None,
        register_loader: Callable[[Path, str], list[FactRow] | None] | None = None,
        shared=None,
        embedding_cache: EmbeddingCache | None = None,
    ):
        self.settings = settings
        self.embedder = embedder
        self.vectors = vectors
        self.catalog = catalog
        self.lexical = lexical
        self.extractors = extractors or []
        self.register_loader = register_loader
        self.shared = shared  # SharedCatalog on a Chroma server, else None
        self.embedding_cache = embedding_cache
        self.splitter = make_splitter(settings.chunk_size, settings.chunk_overlap)
        self.ocr = build_ocr(settings.ocr, settings.ocr_lang)
        self.limits = FileLimits(settings.max_file_mb, settings.max_unzipped_mb, settings.max_text_chars)

    def run(self, corpus_dir: Path | None = None, progress: ProgressCallback | None = None,
            take_over: bool = False, on_step: StepCallback | None = None) -> IngestReport:
        """Index the corpus. On a Chroma server only the node that ingested last may ingest again
        (its catalog is the team's); ``take_over`` makes this node that writer. ``on_step`` gets an
        ``IngestProgress`` (files, bytes, pages, passages) before and after each file."""
        corpus = Path(corpus_dir or self.settings.corpus_dir)
        if not corpus.is_dir():
            raise FileNotFoundError(f"Dossier du corpus introuvable : {corpus}")
        try:
            self.settings.index_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise IndexWriteError(f"dossier d'index inutilisable : {self.settings.index_dir} ({exc.strerror or exc})") from exc
        if not os.access(self.settings.index_dir, os.W_OK):
            raise IndexWriteError(f"dossier d'index en lecture seule : {self.settings.index_dir} ; l'index existant n'est pas modifié.")
        lock = FileLock(str(self.settings.lock_path), timeout=self.settings.lock_timeout_s)
        try:
            lock.acquire()
        except Timeout as exc:
            raise IngestLockedError(
                "Une autre ingestion est en cours sur cet index "
                f"(verrou {self.settings.lock_path}) : réessayez quand elle sera terminée."
            ) from exc
        try:
            if self.shared is not None:
                self._check_writer(take_over)
            return self._run_locked(corpus, progress, on_step)
        except (OSError, sqlite3.Error, ChromaError) as exc:
            raise IndexWriteError(index_write_message(self.settings.index_dir, exc)) from exc
        finally:
            lock.release()

    def _run_locked(self, corpus: Path, progress: ProgressCallback | None,
                    on_step: StepCallback | None = None) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        scan = scan_corpus(corpus)
        files = scan.files
        present = {rel for rel, _ in files}
        failures: dict[str, str] = dict(scan.refused)
        report.failed.extend({"file": rel, "error": reason} for rel, reason in scan.refused.items())

        self._reconcile_vectors()
        if self.catalog.get_meta("pipeline") != PIPELINE_VERSION:
            # parsing or extraction rules changed since this index was built: read every file again
            for row in self.catalog.documents():
                self.catalog.forget_hash(row.doc_id)
        known = {row.path: row for row in self.catalog.documents()}
        for rel, row in known.items():
            if rel not in present:  # deleted, or now refused (a link out of the corpus)
                self.vectors.delete_document(row.doc_id)
                self.catalog.remove_document(row.doc_id)
                report.removed += 1

        step = IngestProgress.of(files)
        notify = on_step or (lambda _: None)
        for done, (rel, path) in enumerate(files, start=1):
            if progress:
                progress(rel, done - 1, len(files))
            notify(step.reading(rel))
            checkpoint("file", rel)
            try:
                outcome = self._ingest_file(rel, path, known.get(rel))
            except DocumentError as exc:
                failures[rel] = exc.reason
                shown = printable_name(rel)
                report.failed.append({"file": shown, "error": exc.reason})
                logger.warning("%s : %s", shown, exc.reason)
                if known.get(rel) is not None and not path.exists():
                    # vanished while we ran: it leaves the index like any deleted file
                    self.vectors.delete_document(known[rel].doc_id)
                    self.catalog.remove_document(known[rel].doc_id)
                    report.removed += 1
                notify(step.finished(rel))
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
            row = self.catalog.document(doc_id_for(rel)) if outcome != "unchanged" else None
            notify(step.finished(rel, row.pages, row.chunks) if row else step.finished(rel))
        if progress:
            progress("", len(files), len(files))
        notify(step.done())

        self.catalog.record_failures(failures, present | set(scan.refused))
        self.catalog.set_meta("pipeline", PIPELINE_VERSION)
        if self.shared is not None:
            self._publish()
        self.refresh_lexical()
        if self.embedding_cache is not None and not self.settings.embedding_cache_is_shared:
            changed = bool(report.added or report.updated or report.removed)
            self.embedding_cache.keep_only((c.search_text for c in self.catalog.iter_chunks()), changed=changed)
        report.documents = sum(1 for d in self.catalog.documents() if d.status == "indexed")
        report.chunks = self.catalog.chunk_count()
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def _ingest_file(self, rel: str, path: Path, previous: DocumentRow | None) -> str:
        """Read, parse and chunk one file (its own failures become a DocumentError naming it),
        then write it to the index (a write failure is the index's, and stops the run)."""
        try:
            prepared = self._prepare(rel, path, previous)
        except DocumentError:
            raise
        except Exception as exc:  # whatever reading or splitting one file raises is that file's failure
            raise DocumentError(rel, file_failure_reason(exc)) from exc
        if isinstance(prepared, str):
            return prepared
        row, nodes, chunks, facts = prepared
        doc_id = row.doc_id
        # New vectors first (their ids carry the content hash), then the catalog in one
        # transaction, then the old vectors go: a failure or a kill at any point leaves the
        # previous version answerable, and the next run removes what was left half-done.
        existing = self.vectors.ids_of_document(doc_id)
        self.vectors.add([n for n in nodes if n.node_id not in existing])
        checkpoint("vectors", rel)
        self.catalog.commit_document(row, chunks, facts)
        checkpoint("catalog", rel)
        self.vectors.delete_ids(sorted(existing - {n.node_id for n in nodes}))
        return "updated" if previous else "added"

    def _prepare(self, rel: str, path: Path, previous: DocumentRow | None):
        """« unchanged », or the document row, nodes (with embeddings), chunk rows and facts."""
        suffix = path.suffix.lower()
        self.limits.check_name(rel)
        if suffix not in SUPPORTED_SUFFIXES | REGISTER_SUFFIXES:
            raise DocumentError(rel, f"format non pris en charge ({suffix or 'sans extension'})")
        stat = path.stat()
        self.limits.check_size(rel, stat.st_size)
        indexed = previous is not None and previous.status == "indexed"
        if indexed and previous.size == stat.st_size and previous.mtime_ns == stat.st_mtime_ns:
            return "unchanged"
        sha = file_sha256(path)
        if indexed and previous.sha256 == sha:
            self.catalog.touch_document(previous.doc_id, stat.st_mtime_ns)
            return "unchanged"
        self.limits.check_archive(rel, path)
        self.limits.check_text_bytes(rel, path)

        doc_id = doc_id_for(rel)
        register: list[FactRow] = []
        if suffix in REGISTER_SUFFIXES and self.register_loader is not None:
            register = self.register_loader(path, doc_id) or []  # empty: another table, indexed as text
            if register and not any(f.data.get("cells") for f in register if f.kind == "register_action"):
                # the register's own columns only: its rows are passages of their own (``register_rows``)
                row = DocumentRow(doc_id, rel, path.name, "register", None, sha, stat.st_size, stat.st_mtime_ns, 0, 0,
                                  "indexed", None, None)
                return row, [], [], register
            # more columns (a budget, a comment, a commune): also indexed as a table, searched like any

        parsed = load_document(path, ocr=self.ocr)  # raises DocumentError before anything is touched
        parsed.path = path
        self.limits.check_text(rel, parsed.text_chars)
        chunked = chunk_document(parsed, doc_id, rel, sha, self.splitter)
        if not chunked.nodes:
            raise DocumentError(rel, "aucun texte indexable")
        texts = [search_text(n) for n in chunked.nodes]
        facts: list[FactRow] = list(register)
        for extract in self.extractors:
            # a register's rows are its actions already: read again as a table of actions, each would be listed twice
            facts.extend(f for f in extract(parsed, doc_id, chunked.title, chunked.date)
                         if not (register and f.kind == "action_item"))
        embeddings = embed_passages(self.embedder, texts, self.embedding_cache)
        for node, emb in zip(chunked.nodes, embeddings):
            node.embedding = emb

        empty_pages = [p.number for p in parsed.pages if not p.text.strip()]
        ocr_pages = [p.number for p in parsed.pages if p.ocr]
        notes = []
        if empty_pages:
            notes.append(f"pages sans texte extractible : {', '.join(map(str, empty_pages))}")
        if ocr_pages:
            notes.append(f"pages lues par OCR : {', '.join(map(str, ocr_pages))}")
        warning = " ; ".join(notes) or None
        row = DocumentRow(
            doc_id, rel, chunked.title, parsed.kind, chunked.date, sha, stat.st_size, stat.st_mtime_ns,
            len(parsed.pages), len(chunked.nodes), "indexed", None, warning,
        )
        chunks = [
            ChunkRow(n.node_id, doc_id, i, n.text, texts[i], dict(n.metadata)) for i, n in enumerate(chunked.nodes)
        ]
        return row, chunked.nodes, chunks, facts

    def _check_writer(self, take_over: bool) -> None:
        node_id = self.catalog.get_meta("node_id")
        if node_id is None:
            node_id = uuid.uuid4().hex
            self.catalog.set_meta("node_id", node_id)
        writer = self.shared.writer()
        if writer is not None and writer["id"] != node_id and not take_over:
            raise ServerOwnedError(
                f"le serveur Chroma {self.settings.chroma_url} (collection {self.settings.collection}) est alimenté "
                f"par un autre poste ({writer['host']}, index {writer['index']}). Une ingestion depuis ce poste "
                f"remplacerait les documents de l'équipe par ceux de {self.settings.corpus_dir}. Lancez l'ingestion "
                "sur ce poste-là, ou reprenez la main ici avec « pacte ingest --take-over »."
            )
        if writer is None or writer["id"] != node_id:
            self.shared.claim(node_id, socket.gethostname(), str(self.settings.index_dir.resolve()))

    def _publish(self) -> None:
        """Make the server's manifest and facts match this node's catalog (also after a crash)."""
        self.shared.set_pipeline(PIPELINE_VERSION)
        remote = self.shared.documents()
        local = {row.doc_id: row for row in self.catalog.documents() if row.status == "indexed"}
        changed = False
        for doc_id in set(remote) - set(local):
            self.shared.delete_document(doc_id)
            changed = True
        facts: dict[str, list[FactRow]] = {}
        for fact in self.catalog.facts():
            facts.setdefault(fact.doc_id, []).append(fact)
        for doc_id, row in local.items():
            if remote.get(doc_id, {}).get("sha256") != row.sha256 or remote.get(doc_id, {}).get("chunks") != row.chunks:
                self.shared.put_document(row, facts.get(doc_id, []))
                changed = True
        if changed:
            self.catalog.set_meta("shared_generation", str(self.shared.bump()))

    def _reconcile_vectors(self) -> None:
        """Make Chroma hold exactly the catalog's chunks: drop vectors left by an interrupted run,
        and have a document re-ingested when some of its vectors are missing."""
        expected: dict[str, str] = {}
        for chunk in self.catalog.iter_chunks():
            expected[chunk.id] = chunk.doc_id
        stored = self.vectors.all_ids()
        extra = sorted(stored - set(expected))
        if extra:
            logger.info("suppression de %d vecteurs d'une ingestion interrompue", len(extra))
            self.vectors.delete_ids(extra)
        for doc_id in {expected[cid] for cid in set(expected) - stored}:
            logger.warning("vecteurs manquants pour %s : document réindexé", doc_id)
            self.catalog.forget_hash(doc_id)

    def refresh_lexical(self) -> None:
        """Rebuild BM25 from the catalog if it was built from another generation."""
        generation = self.catalog.generation()
        if self.lexical.generation is None:
            self.lexical.load()
        if self.lexical.generation == generation:
            return
        ids, texts = [], []
        for chunk in self.catalog.iter_chunks():
            ids.append(chunk.id)
            texts.append(chunk.search_text)
        self.lexical.build(ids, texts, generation)
