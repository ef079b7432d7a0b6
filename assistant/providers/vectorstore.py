"""Chroma vector store: embedded PersistentClient by default, a Chroma server when a URL is set.

Chroma's default embedding function downloads an English ONNX model at first use: it is never
used here. Collections are created with ``embedding_function=None`` and cosine space, and every
vector is computed by our own embedder.
"""

from __future__ import annotations

import logging
from urllib.parse import urlparse

from llama_index.core.schema import BaseNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from assistant.settings import Settings

logger = logging.getLogger(__name__)


class VectorStoreError(RuntimeError):
    pass


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
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


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
        try:
            result = self.collection.query(query_embeddings=[embedding], n_results=top_k, include=["distances"])
        except Exception as exc:  # an empty collection, or fewer vectors than asked
            if self.count() == 0:
                return []
            raise exc
        return list(result["ids"][0])
