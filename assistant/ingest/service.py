"""Incremental, crash-safe ingestion of the corpus into Chroma, BM25 and the catalog."""

from __future__ import annotations

import hashlib
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
from assistant.providers.catalog import Catalog, ChunkRow, DocumentRow, FactRow
from assistant.providers.lexical import LexicalIndex
from assistant.providers.ocr import build_ocr
from assistant.providers.parsers import (
    REGISTER_SUFFIXES,
    SUPPORTED_SUFFIXES,
    DocumentError,
    ParsedDocument,
    load_document,
)
from assistant.providers.vectorstore import VectorIndex
from assistant.retrieval.focus import PROFILE_FILE
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


def doc_id_for(rel_path: str) -> str:
    return "doc-" + hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def scan_corpus(corpus_dir: Path) -> list[tuple[str, Path]]:
    """Every visible file under the corpus dir, as (relative posix path, path), sorted."""
    found = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if any(part.startswith((".", "~$")) for part in rel.parts) or not path.is_file() or rel.as_posix() == PROFILE_FILE:
            continue
        found.append((rel.as_posix(), path))
    return found


class IngestService:
    def __init__(
        self,
        settings: Settings,
        embedder,
        vectors: VectorIndex,
        catalog: Catalog,
        lexical: LexicalIndex,
        extractors: list[FactExtractor] | None = None,
        register_loader: Callable[[Path, str], list[FactRow]] | None = None,
        shared=None,
    ):
        self.settings = settings
        self.embedder = embedder
        self.vectors = vectors
        self.catalog = catalog
        self.lexical = lexical
        self.extractors = extractors or []
        self.register_loader = register_loader
        self.shared = shared  # SharedCatalog on a Chroma server, else None
        self.splitter = make_splitter(settings.chunk_size, settings.chunk_overlap)
        self.ocr = build_ocr(settings.ocr, settings.ocr_lang)

    def run(self, corpus_dir: Path | None = None, progress: ProgressCallback | None = None,
            take_over: bool = False) -> IngestReport:
        """Index the corpus. On a Chroma server only the node that ingested last may ingest again
        (its catalog is the team's); ``take_over`` makes this node that writer."""
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
            return self._run_locked(corpus, progress)
        except (OSError, sqlite3.Error, ChromaError) as exc:
            raise IndexWriteError(
                f"écriture impossible dans l'index {self.settings.index_dir} ({exc}) : disque plein ou dossier "
                "en lecture seule ? L'index précédent reste utilisable ; relancez l'ingestion une fois la place libérée."
            ) from exc
        finally:
            lock.release()

    def _run_locked(self, corpus: Path, progress: ProgressCallback | None) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        files = scan_corpus(corpus)
        scanned = {rel for rel, _ in files}
        failures: dict[str, str] = {}

        self._reconcile_vectors()
        known = {row.path: row for row in self.catalog.documents()}
        for rel, row in known.items():
            if rel not in scanned:
                self.vectors.delete_document(row.doc_id)
                self.catalog.remove_document(row.doc_id)
                report.removed += 1

        for done, (rel, path) in enumerate(files, start=1):
            if progress:
                progress(rel, done - 1, len(files))
            try:
                outcome = self._ingest_file(rel, path, known.get(rel))
            except DocumentError as exc:
                failures[rel] = exc.reason
                report.failed.append({"file": rel, "error": exc.reason})
                logger.warning("%s : %s", rel, exc.reason)
                continue
            setattr(report, outcome, getattr(report, outcome) + 1)
        if progress:
            progress("", len(files), len(files))

        self.catalog.record_failures(failures, scanned)
        if self.shared is not None:
            self._publish()
        self.refresh_lexical()
        report.documents = sum(1 for d in self.catalog.documents() if d.status == "indexed")
        report.chunks = self.catalog.chunk_count()
        report.seconds = round(time.perf_counter() - started, 3)
        return report

    def _ingest_file(self, rel: str, path: Path, previous: DocumentRow | None) -> str:
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES | (REGISTER_SUFFIXES if self.register_loader else set()):
            raise DocumentError(rel, f"format non pris en charge ({suffix or 'sans extension'})")
        stat = path.stat()
        if stat.st_size > self.settings.max_file_mb * 1024 * 1024:
            raise DocumentError(
                rel, f"fichier trop volumineux ({stat.st_size / 1048576:.0f} Mo, limite {self.settings.max_file_mb:g} Mo)"
            )
        indexed = previous is not None and previous.status == "indexed"
        if indexed and previous.size == stat.st_size and previous.mtime_ns == stat.st_mtime_ns:
            return "unchanged"
        sha = file_sha256(path)
        if indexed and previous.sha256 == sha:
            self.catalog.touch_document(previous.doc_id, stat.st_mtime_ns)
            return "unchanged"

        doc_id = doc_id_for(rel)
        if suffix in REGISTER_SUFFIXES:
            facts = self.register_loader(path, doc_id)
            row = DocumentRow(doc_id, rel, path.name, "register", None, sha, stat.st_size, stat.st_mtime_ns, 0, 0, "indexed", None, None)
            self.catalog.commit_document(row, [], facts)
            return "updated" if previous else "added"

        parsed = load_document(path, ocr=self.ocr)  # raises DocumentError before anything is touched
        parsed.path = path
        chunked = chunk_document(parsed, doc_id, rel, sha, self.splitter)
        if not chunked.nodes:
            raise DocumentError(rel, "aucun texte indexable")
        texts = [search_text(n) for n in chunked.nodes]
        embeddings = self.embedder.get_text_embedding_batch(texts)
        for node, emb in zip(chunked.nodes, embeddings):
            node.embedding = emb
        facts: list[FactRow] = []
        for extract in self.extractors:
            facts.extend(extract(parsed, doc_id, chunked.title, chunked.date))

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
        # New vectors first (their ids carry the content hash), then the catalog in one
        # transaction, then the old vectors go: a failure or a kill at any point leaves the
        # previous version answerable, and the next run removes what was left half-done.
        existing = self.vectors.ids_of_document(doc_id)
        self.vectors.add([n for n in chunked.nodes if n.node_id not in existing])
        self.catalog.commit_document(row, chunks, facts)
        self.vectors.delete_ids(sorted(existing - {n.node_id for n in chunked.nodes}))
        return "updated" if previous else "added"

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
