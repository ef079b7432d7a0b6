"""What a team shares on a Chroma server besides the vectors: the document manifest and the
structured facts, in two small collections, and a generation number.

The chunks themselves (text and flat metadata) are already in the main collection. With these
two collections, an app instance on another machine rebuilds its local catalog and BM25 index
from the server alone (``SyncService``), so every instance answers from the same index.
"""

from __future__ import annotations

import json
from typing import Any

from assistant.providers.catalog import DocumentRow, FactRow

_UNIT = [1.0]  # these collections are never searched by similarity: a one-dimensional vector


class SharedCatalog:
    def __init__(self, client, collection: str):
        self._client = client
        self._manifest_name = f"{collection}_manifest"
        self.manifest = client.get_or_create_collection(self._manifest_name, embedding_function=None)
        self.facts = client.get_or_create_collection(f"{collection}_facts", embedding_function=None)

    # collection-level metadata: generation and writer --------------------------------------
    def _metadata(self) -> dict[str, Any]:
        # the Collection object caches its metadata: read it afresh from the server
        self.manifest = self._client.get_collection(self._manifest_name, embedding_function=None)
        return dict(self.manifest.metadata or {})

    def _update(self, **values: Any) -> None:
        self.manifest.modify(metadata={**self._metadata(), **values})  # modify() replaces, never merges

    def generation(self) -> int:
        return int(self._metadata().get("generation", 0))

    def bump(self) -> int:
        value = self.generation() + 1
        self._update(generation=value)
        return value

    def writer(self) -> dict[str, str] | None:
        """The node that ingests into this server (id, host, index folder), None before the first."""
        meta = self._metadata()
        if not meta.get("writer_id"):
            return None
        return {"id": meta["writer_id"], "host": meta.get("writer_host", "?"), "index": meta.get("writer_index", "?")}

    def pipeline(self) -> str | None:
        """The version of the parsing and extraction rules the team's index was built with."""
        return self._metadata().get("pipeline")

    def set_pipeline(self, version: str) -> None:
        if self.pipeline() != version:
            self._update(pipeline=version)

    def claim(self, node_id: str, host: str, index: str) -> None:
        self._update(writer_id=node_id, writer_host=host, writer_index=index)

    # documents ------------------------------------------------------------------------------
    def put_document(self, row: DocumentRow, facts: list[FactRow]) -> None:
        meta = {k: v for k, v in row.__dict__.items() if v is not None}
        self.facts.delete(where={"doc_id": row.doc_id})
        if facts:
            self.facts.upsert(
                ids=[f"{row.doc_id}-fact-{i:05d}" for i in range(len(facts))],
                embeddings=[_UNIT] * len(facts),
                documents=[json.dumps(f.data, ensure_ascii=False) for f in facts],
                metadatas=[{"doc_id": f.doc_id, "kind": f.kind, "page": f.page if f.page is not None else -1,
                            "excerpt": f.excerpt or "", "ord": i} for i, f in enumerate(facts)],
            )
        self.manifest.upsert(ids=[row.doc_id], embeddings=[_UNIT], documents=[row.path], metadatas=[meta])

    def delete_document(self, doc_id: str) -> None:
        self.facts.delete(where={"doc_id": doc_id})
        self.manifest.delete(ids=[doc_id])

    def documents(self) -> dict[str, dict[str, Any]]:
        got = self.manifest.get(include=["metadatas"])
        return {i: m for i, m in zip(got["ids"], got["metadatas"])}

    def facts_of(self, doc_id: str) -> list[FactRow]:
        got = self.facts.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        rows = sorted(zip(got["documents"], got["metadatas"]), key=lambda dm: dm[1].get("ord", 0))
        return [
            FactRow(m["doc_id"], m["kind"], json.loads(d), None if m.get("page", -1) == -1 else m["page"], m.get("excerpt") or None)
            for d, m in rows
        ]
