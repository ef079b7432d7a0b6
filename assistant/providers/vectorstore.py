"""Chroma vector store: embedded PersistentClient by default, a Chroma server when a URL is set.

Chroma's default embedding function downloads an English ONNX model at first use: it is never
used here. Collections are created with ``embedding_function=None`` and cosine space, and every
vector is computed by our own embedder.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlparse

import numpy as np
from filelock import FileLock, Timeout

from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.providers.errors import VectorStoreError  # noqa: F401  (re-exported)
from assistant.settings import Settings

logger = logging.getLogger(__name__)


OPEN_WAIT_S = 60.0


def build_chroma_client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        headers = {"Authorization": f"Bearer {settings.chroma_token}"} if settings.chroma_token else None
        return chromadb.HttpClient(
            host=url.hostname or "localhost",
            port=url.port or (443 if url.scheme == "https" else 8000),
            ssl=url.scheme == "https",
            headers=headers,
            settings=chroma_settings,
        )
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    return open_persistent_client(settings.chroma_dir)


def open_persistent_client(path: Path, wait_s: float = OPEN_WAIT_S):
    """Open the embedded store, one process at a time.

    Two processes starting Chroma on the same folder at once (two ``pacte ingest``, or the app
    and an ingestion) can both run its SQLite set-up and one of them gets « database is locked ».
    Opening is serialised by a file lock next to the store (skipped on a read-only folder), and a
    locked database is retried for a bounded time before a French error is raised.
    """
    lock = FileLock(str(path) + ".open.lock", timeout=wait_s)
    try:
        lock.acquire()
    except Timeout as exc:
        raise VectorStoreError(f"base vectorielle occupée par un autre processus : {path} ; réessayez.") from exc
    except OSError:
        lock = None  # read-only index: nobody can be setting it up
    try:
        return _open_with_retry(path, time.monotonic() + wait_s)
    finally:
        if lock is not None:
            lock.release()


def _open_with_retry(path: Path, deadline: float):
    import chromadb
    from chromadb.api.shared_system_client import SharedSystemClient
    from chromadb.config import Settings as ChromaSettings
    from chromadb.errors import ChromaError

    while True:
        try:
            return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False))
        except ChromaError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise VectorStoreError(f"base vectorielle inutilisable : {path} ({exc})") from exc
            # Chroma caches the half-started system under the folder name: forget it before retrying
            SharedSystemClient._identifier_to_system.pop(str(path), None)
            time.sleep(0.5)


# up to this many passages, a query reads every vector (see ``VectorIndex.query``); a larger corpus
# (a Chroma server shared by a team) reads this many, still far more than a question needs
EXACT_SEARCH_UP_TO = 2000


class VectorIndex:
    """The dense side of the index: one Chroma collection, nodes carry flat metadata."""

    def __init__(self, settings: Settings, embedder_name: str):
        self._client = build_chroma_client(settings)
        self.collection = self._client.get_or_create_collection(
            name=settings.collection,
            metadata={"hnsw:space": "cosine", "embedder": embedder_name},
            embedding_function=None,
        )
        built_with = (self.collection.metadata or {}).get("embedder")
        if built_with and built_with != embedder_name:
            raise VectorStoreError(
                f"L'index a été construit avec l'embedder « {built_with} » et la configuration demande "
                f"« {embedder_name} » : supprimez le dossier d'index ou changez PACTE_COLLECTION."
            )
        self.store = ChromaVectorStore(chroma_collection=self.collection)

    def add(self, nodes: list[BaseNode]) -> None:
        if nodes:
            self.store.add(nodes)

    def delete_document(self, doc_id: str) -> None:
        self.store.delete(ref_doc_id=doc_id)

    def delete_ids(self, ids: list[str]) -> None:
        for start in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[start : start + 5000])

    def ids_of_document(self, doc_id: str) -> set[str]:
        return set(self.collection.get(where={"document_id": doc_id}, include=[])["ids"])

    def all_ids(self) -> set[str]:
        found: set[str] = set()
        offset, page = 0, 10000
        while True:
            batch = self.collection.get(include=[], limit=page, offset=offset)
            found.update(batch["ids"])
            if len(batch["ids"]) < page:
                return found
            offset += page

    def count(self) -> int:
        return self.collection.count()

    def query_ids(self, embedding: list[float], top_k: int) -> list[str]:
        """Ids of the nearest chunks, best first (no metadata decoding: the catalog has it)."""
        return [cid for cid, _ in self.query(embedding, top_k)]

    def similarities(self, embedding: list[float], ids: list[str]) -> dict[str, float]:
        """Cosine similarity between a query embedding and the stored vectors of some chunks."""
        if not ids:
            return {}
        got = self.collection.get(ids=list(ids), include=["embeddings"])
        query = np.asarray(embedding, dtype=np.float32)
        query /= float(np.linalg.norm(query)) or 1.0
        out = {}
        for cid, vector in zip(got["ids"], got["embeddings"]):
            vec = np.asarray(vector, dtype=np.float32)
            out[cid] = float(vec @ query / (float(np.linalg.norm(vec)) or 1.0))
        return out

    def query(self, embedding: list[float], top_k: int) -> list[tuple[str, float]]:
        """(id, cosine similarity) of the nearest chunks, best first.

        Chroma's HNSW search is approximate, and its graph is not the same in every process: asked
        for 40 of 180 passages, two processes returned two different lists for one question. Asking
        for at least ``EXACT_SEARCH_UP_TO`` makes the search visit every vector of a smaller
        collection (its breadth is never below what is asked; it returns what there is), so the
        nearest are the nearest whatever the process; the list is then cut to ``top_k``."""
        try:
            asked = max(top_k, EXACT_SEARCH_UP_TO)
            result = self.collection.query(query_embeddings=[embedding], n_results=asked, include=["distances"])
        except Exception as exc:  # an empty collection, or fewer vectors than asked
            if self.count() == 0:
                return []
            raise exc
        # equal distances (duplicated passages) go by chunk id, so a ranking never flips between runs
        pairs = sorted(zip(result["distances"][0], result["ids"][0]), key=lambda p: (round(float(p[0]), 6), p[1]))
        return [(cid, 1.0 - float(distance)) for distance, cid in pairs][:top_k]  # cosine: distance = 1 - cos
