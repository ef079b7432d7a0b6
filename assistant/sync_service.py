"""Keep a local catalog and BM25 index in step with a team's Chroma server.

An app instance that did not ingest the documents itself rebuilds its catalog (chunks, documents,
facts) from the server's collections whenever the server's generation changes, then its BM25.
"""

from __future__ import annotations

import logging
import time

from assistant.ingest.chunking import make_node, search_text
from assistant.providers.catalog import Catalog, ChunkRow, DocumentRow

logger = logging.getLogger(__name__)

CHUNK_KEYS = ("document_title", "section", "file", "kind", "page", "page_label", "doc_date", "ocr", "chunk")


class SyncService:
    def __init__(self, catalog: Catalog, vectors, shared, refresh_lexical):
        self.catalog = catalog
        self.vectors = vectors
        self.shared = shared
        self.refresh_lexical = refresh_lexical
        self._checked = 0.0

    def pull(self, min_interval_s: float = 0.0) -> bool:
        """Rebuild what changed on the server; True when something was pulled."""
        now = time.monotonic()
        if min_interval_s and now - self._checked < min_interval_s:
            return False
        self._checked = now
        generation = self.shared.generation()
        if str(generation) == (self.catalog.get_meta("shared_generation") or ""):
            return False
        remote = self.shared.documents()
        local = {row.doc_id: row for row in self.catalog.documents()}
        for doc_id, meta in remote.items():
            mine = local.get(doc_id)
            if mine and mine.status == "indexed" and mine.sha256 == meta.get("sha256") and mine.chunks == meta.get("chunks"):
                continue
            self._pull_document(doc_id, meta)
        for doc_id in set(local) - set(remote):
            self.catalog.remove_document(doc_id)
        self.catalog.set_meta("shared_generation", str(generation))
        # the pulled index was built with the server's rules: a take-over re-reads files only if they differ
        self.catalog.set_meta("pipeline", self.shared.pipeline() or "")
        self.refresh_lexical()
        logger.info("index synchronisé avec le serveur Chroma (génération %s)", generation)
        return True

    def _pull_document(self, doc_id: str, meta: dict) -> None:
        got = self.vectors.collection.get(where={"document_id": doc_id}, include=["documents", "metadatas"])
        chunks = []
        for node_id, text, m in zip(got["ids"], got["documents"], got["metadatas"]):
            metadata = {k: m.get(k) for k in CHUNK_KEYS if k in m}
            node = make_node(node_id, text or "", metadata, doc_id)
            chunks.append(ChunkRow(node_id, doc_id, int(m.get("chunk", 0)), text or "", search_text(node), metadata))
        chunks.sort(key=lambda c: c.ord)
        fields = DocumentRow.__dataclass_fields__
        row = DocumentRow(**{k: meta.get(k) for k in fields if k not in ("status",)}, status="indexed")
        row.pages = row.pages or 0
        self.catalog.commit_document(row, chunks, self.shared.facts_of(doc_id))
