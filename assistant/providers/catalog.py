"""The catalog: a SQLite file in the index dir, source of truth of what is indexed.

It holds one row per document (content hash, status), the text of every chunk (from which the
BM25 index is rebuilt), the last ingestion failures, the structured facts extracted from the
documents, and a generation counter bumped by every committed change.

Crash safety: a document's new vectors are added to Chroma first (their ids carry the content
hash), then its chunks, facts and hash are committed here in one transaction, then its old
vectors are deleted. Each run starts by making Chroma hold exactly the chunks listed here, so an
ingestion killed at any moment leaves the previous version answerable and is finished by the
next run.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT,
    kind TEXT,
    doc_date TEXT,
    sha256 TEXT,
    size INTEGER,
    mtime_ns INTEGER,
    pages INTEGER DEFAULT 0,
    chunks INTEGER DEFAULT 0,
    status TEXT NOT NULL,
    ingested_at REAL,
    warning TEXT
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL,
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    search_text TEXT NOT NULL,
    metadata TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id, ord);
CREATE TABLE IF NOT EXISTS failures (
    path TEXT PRIMARY KEY,
    error TEXT NOT NULL,
    seen_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS facts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    data TEXT NOT NULL,
    page INTEGER,
    excerpt TEXT
);
CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class DocumentRow:
    doc_id: str
    path: str
    title: str | None
    kind: str | None
    doc_date: str | None
    sha256: str | None
    size: int | None
    mtime_ns: int | None
    pages: int
    chunks: int
    status: str
    ingested_at: float | None
    warning: str | None


@dataclass
class ChunkRow:
    id: str
    doc_id: str
    ord: int
    text: str
    search_text: str
    metadata: dict[str, Any]


@dataclass
class FactRow:
    doc_id: str
    kind: str
    data: dict[str, Any]
    page: int | None
    excerpt: str | None


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=30, check_same_thread=False)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(SCHEMA)
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    # documents -----------------------------------------------------------------------------
    def documents(self) -> list[DocumentRow]:
        rows = self._db.execute("SELECT * FROM documents ORDER BY path").fetchall()
        return [DocumentRow(**dict(r)) for r in rows]

    def document(self, doc_id: str) -> DocumentRow | None:
        row = self._db.execute("SELECT * FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return DocumentRow(**dict(row)) if row else None

    def commit_document(self, row: DocumentRow, chunks: list[ChunkRow], facts: list[FactRow]) -> None:
        """Replace the document's chunks and facts and mark it indexed, in one transaction."""
        with self._db:
            self._db.execute("DELETE FROM chunks WHERE doc_id=?", (row.doc_id,))
            self._db.execute("DELETE FROM facts WHERE doc_id=?", (row.doc_id,))
            self._db.executemany(
                "INSERT INTO chunks(id, doc_id, ord, text, search_text, metadata) VALUES(?,?,?,?,?,?)",
                [(c.id, c.doc_id, c.ord, c.text, c.search_text, json.dumps(c.metadata, ensure_ascii=False)) for c in chunks],
            )
            self._db.executemany(
                "INSERT INTO facts(doc_id, kind, data, page, excerpt) VALUES(?,?,?,?,?)",
                [(f.doc_id, f.kind, json.dumps(f.data, ensure_ascii=False), f.page, f.excerpt) for f in facts],
            )
            values = dict(row.__dict__, status="indexed", chunks=len(chunks), ingested_at=time.time())
            self._db.execute(
                "INSERT OR REPLACE INTO documents(doc_id, path, title, kind, doc_date, sha256, size, mtime_ns, "
                "pages, chunks, status, ingested_at, warning) VALUES(:doc_id, :path, :title, :kind, :doc_date, "
                ":sha256, :size, :mtime_ns, :pages, :chunks, :status, :ingested_at, :warning)",
                values,
            )
            self._db.execute("DELETE FROM failures WHERE path=?", (row.path,))
            self._bump_generation()

    def forget_hash(self, doc_id: str) -> None:
        """Make the next run re-ingest this document (its vectors are incomplete)."""
        with self._db:
            self._db.execute("UPDATE documents SET sha256=NULL, mtime_ns=NULL WHERE doc_id=?", (doc_id,))

    def touch_document(self, doc_id: str, mtime_ns: int) -> None:
        """Same content, new modification time: remember it so the next run skips hashing."""
        with self._db:
            self._db.execute("UPDATE documents SET mtime_ns=? WHERE doc_id=?", (mtime_ns, doc_id))

    def remove_document(self, doc_id: str) -> None:
        with self._db:
            path = self._db.execute("SELECT path FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
            self._db.execute("DELETE FROM chunks WHERE doc_id=?", (doc_id,))
            self._db.execute("DELETE FROM facts WHERE doc_id=?", (doc_id,))
            self._db.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
            if path:
                self._db.execute("DELETE FROM failures WHERE path=?", (path[0],))
            self._bump_generation()

    # failures ------------------------------------------------------------------------------
    def record_failures(self, failures: dict[str, str], scanned: set[str]) -> None:
        """Keep the failures of this run; forget those of files that are gone or now fine."""
        now = time.time()
        with self._db:
            for (path,) in self._db.execute("SELECT path FROM failures").fetchall():
                if path not in scanned or path not in failures:
                    self._db.execute("DELETE FROM failures WHERE path=?", (path,))
            self._db.executemany(
                "INSERT OR REPLACE INTO failures(path, error, seen_at) VALUES(?,?,?)",
                [(p, e, now) for p, e in failures.items()],
            )

    def failures(self) -> dict[str, str]:
        return {r["path"]: r["error"] for r in self._db.execute("SELECT path, error FROM failures ORDER BY path")}

    # chunks --------------------------------------------------------------------------------
    def chunk_count(self) -> int:
        return self._db.execute(
            "SELECT COUNT(*) FROM chunks c JOIN documents d USING(doc_id) WHERE d.status='indexed'"
        ).fetchone()[0]

    def iter_chunks(self) -> Iterator[ChunkRow]:
        cur = self._db.execute(
            "SELECT c.* FROM chunks c JOIN documents d USING(doc_id) WHERE d.status='indexed' ORDER BY c.doc_id, c.ord"
        )
        for r in cur:
            yield ChunkRow(r["id"], r["doc_id"], r["ord"], r["text"], r["search_text"], json.loads(r["metadata"]))

    def chunk_documents(self) -> dict[str, str]:
        """chunk id → document id, for the indexed documents."""
        cur = self._db.execute("SELECT c.id, c.doc_id FROM chunks c JOIN documents d USING(doc_id) WHERE d.status='indexed'")
        return dict(cur.fetchall())

    def chunks_by_id(self, ids: list[str]) -> dict[str, ChunkRow]:
        out: dict[str, ChunkRow] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ",".join("?" * len(part))
            sql = f"SELECT c.* FROM chunks c JOIN documents d USING(doc_id) WHERE d.status='indexed' AND c.id IN ({marks})"
            for r in self._db.execute(sql, part):
                out[r["id"]] = ChunkRow(r["id"], r["doc_id"], r["ord"], r["text"], r["search_text"], json.loads(r["metadata"]))
        return out

    def chunks_of(self, doc_id: str) -> list[ChunkRow]:
        """The chunks of one indexed document, in reading order (a table's rows, to compare them)."""
        cur = self._db.execute(
            "SELECT c.* FROM chunks c JOIN documents d USING(doc_id) WHERE d.status='indexed' AND c.doc_id=? ORDER BY c.ord",
            (doc_id,),
        )
        return [ChunkRow(r["id"], r["doc_id"], r["ord"], r["text"], r["search_text"], json.loads(r["metadata"])) for r in cur]

    def find_chunk(self, doc_id: str, text: str) -> ChunkRow | None:
        """The first chunk of a document that contains ``text`` (to place a fact in its section)."""
        row = self._db.execute(
            "SELECT * FROM chunks WHERE doc_id=? AND instr(text, ?) > 0 ORDER BY ord LIMIT 1", (doc_id, text)
        ).fetchone()
        if row is None:
            return None
        return ChunkRow(row["id"], row["doc_id"], row["ord"], row["text"], row["search_text"], json.loads(row["metadata"]))

    # facts ---------------------------------------------------------------------------------
    def facts(self, kind: str | None = None) -> list[FactRow]:
        sql = "SELECT f.* FROM facts f JOIN documents d USING(doc_id) WHERE d.status='indexed'"
        args: tuple = ()
        if kind:
            sql += " AND f.kind=?"
            args = (kind,)
        rows = self._db.execute(sql + " ORDER BY f.id", args).fetchall()
        return [FactRow(r["doc_id"], r["kind"], json.loads(r["data"]), r["page"], r["excerpt"]) for r in rows]

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", (key, value))

    # generation ----------------------------------------------------------------------------
    def generation(self) -> str:
        row = self._db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return row[0] if row else "0"

    def _bump_generation(self) -> None:
        self._db.execute(
            "INSERT INTO meta(key, value) VALUES('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value=CAST(CAST(value AS INTEGER)+1 AS TEXT)"
        )
