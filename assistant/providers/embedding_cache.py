"""Passage embeddings kept by content, so a passage is embedded once per embedder.

A re-ingestion after a parsing change, or of a document edited on one page, embeds only the
passages whose text is new: the others are read back here. Entries are keyed by the embedder's
identity and the exact text embedded, so a cached vector is the one the embedder would return.

The cache is a help, never a condition: if its file cannot be read or written (a full disk, a
read-only folder, a damaged file), ingestion embeds as if it were absent and says nothing more
than a log line.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

# passages: what is indexed (kept to the index's passages); sentences: the answerer's sentence
# vectors, cut from those passages at question time (cleared when the index changes)
TABLES = ("vectors", "sentences")
_SCHEMA = [f"CREATE TABLE IF NOT EXISTS {t} (key TEXT PRIMARY KEY, data BLOB NOT NULL)" for t in TABLES]


class EmbeddingCache:
    """Vectors by (embedder identity, text), in one SQLite file. Safe across threads and
    processes: each call opens its own connection, and SQLite serialises the writers."""

    def __init__(self, path: Path, identity: str, table: str = "vectors", limit: int | None = None):
        if table not in TABLES:
            raise ValueError(f"table inconnue : {table}")
        self.path = Path(path)
        self.identity = identity
        self.table = table
        self.limit = limit  # most entries kept: past it, the table starts again empty
        self._broken = False

    def sentences(self, limit: int = 50_000) -> EmbeddingCache:
        """The same file's cache of the answerer's sentence vectors (at most ``limit``, about 150 MB:
        an instance that answers but never ingests, beside a team's Chroma server, is never pruned)."""
        return EmbeddingCache(self.path, self.identity, table="sentences", limit=limit)

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.identity}\x00{text}".encode()).hexdigest()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30)
        try:
            for statement in _SCHEMA:
                conn.execute(statement)
        except sqlite3.Error:
            conn.close()
            raise
        return conn

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            return self._open()
        except sqlite3.DatabaseError as exc:
            if "not a database" not in str(exc) and "malformed" not in str(exc):
                raise
            # a damaged file (not ours, or cut short): set aside, and a new cache begins
            aside = self.path.with_name(self.path.name + ".endommage")
            logger.warning("cache des embeddings %s endommagé (%s) : mis de côté sous %s, les passages sont recalculés",
                           self.path, exc, aside.name)
            self.path.replace(aside)
            return self._open()

    def _failed(self, action: str, exc: Exception) -> None:
        if not self._broken:
            logger.warning("cache des embeddings %s inutilisable (%s : %s) : les passages sont recalculés",
                           self.path, action, exc)
        self._broken = True

    def get_many(self, texts: Sequence[str]) -> list[list[float] | None]:
        """The cached vector of each text, or None where it is not cached."""
        found: dict[str, list[float]] = {}
        keys = [self.key(t) for t in texts]
        try:
            with self._connect() as conn:
                for start in range(0, len(keys), 500):
                    part = keys[start:start + 500]
                    marks = ",".join("?" * len(part))
                    for key, data in conn.execute(f"SELECT key, data FROM {self.table} WHERE key IN ({marks})", part):
                        found[key] = np.frombuffer(data, dtype=np.float64).tolist()
            conn.close()
        except (sqlite3.Error, OSError) as exc:
            self._failed("lecture", exc)
            return [None] * len(texts)
        return [found.get(k) for k in keys]

    def put_many(self, texts: Sequence[str], vectors: Sequence[Sequence[float]]) -> None:
        rows = [(self.key(t), np.asarray(v, dtype=np.float64).tobytes()) for t, v in zip(texts, vectors)]
        try:
            with self._connect() as conn:
                if self.limit is not None:
                    (count,) = conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()
                    if count + len(rows) > self.limit:
                        conn.execute(f"DELETE FROM {self.table}")
                conn.executemany(f"INSERT OR REPLACE INTO {self.table} (key, data) VALUES (?, ?)", rows)
            conn.close()
        except (sqlite3.Error, OSError) as exc:
            self._failed("écriture", exc)

    def keep_only(self, texts: Iterable[str], changed: bool = True) -> int:
        """Drop every entry but those of ``texts`` (the index's passages), and the sentence vectors
        when the index ``changed``; returns how many passages went. Only for a cache that belongs
        to one index."""
        keep = {self.key(t) for t in texts}
        try:
            with self._connect() as conn:
                stale = [k for (k,) in conn.execute(f"SELECT key FROM {self.table}") if k not in keep]
                conn.executemany(f"DELETE FROM {self.table} WHERE key = ?", ((k,) for k in stale))
                if changed and self.table != "sentences":
                    conn.execute("DELETE FROM sentences")
            if stale:
                conn.execute("VACUUM")
            conn.close()
        except (sqlite3.Error, OSError) as exc:
            self._failed("nettoyage", exc)
            return 0
        return len(stale)


def embed_passages(embedder, texts: Sequence[str], cache: EmbeddingCache | None) -> list[list[float]]:
    """The embedder's vectors for ``texts``, computing only those the cache does not hold."""
    if cache is None or not texts:
        return embedder.get_text_embedding_batch(list(texts))
    vectors = cache.get_many(texts)
    missing = [i for i, v in enumerate(vectors) if v is None]
    if missing:
        # the same text twice in one document is embedded once
        unique = list(dict.fromkeys(texts[i] for i in missing))
        computed = dict(zip(unique, embedder.get_text_embedding_batch(unique)))
        cache.put_many(unique, [computed[t] for t in unique])
        for i in missing:
            vectors[i] = computed[texts[i]]
    return vectors  # type: ignore[return-value]
