"""Hybrid retrieval: French BM25 (glossary-expanded) and dense vectors fused by weighted RRF.

llama-index's QueryFusionRetriever applies no per-retriever weight in its reciprocal-rank mode,
and the weights are what our measurements tune, so the fusion is written here (a few lines).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from assistant.providers.catalog import Catalog, ChunkRow
from assistant.providers.embeddings import embed_query
from assistant.providers.lexical import LexicalIndex, tokenize_fr
from assistant.providers.vectorstore import VectorIndex
from assistant.retrieval.glossary import Glossary

logger = logging.getLogger(__name__)


@dataclass
class RetrievalSettings:
    top_k: int = 8
    candidates: int = 40
    dense_candidates: int = 40
    rrf_k: int = 60
    bm25_weight: float = 1.0
    dense_weight: float = 0.5
    focus_weight: float = 1.0


@dataclass
class Hit:
    chunk: ChunkRow
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None
    focus: bool = False

    @property
    def title(self) -> str:
        return self.chunk.metadata.get("document_title", "")


class HybridRetriever:
    def __init__(self, catalog: Catalog, vectors: VectorIndex, lexical: LexicalIndex, embedder, glossary: Glossary,
                 settings: RetrievalSettings | None = None, focus=None):
        self.catalog = catalog
        self.vectors = vectors
        self.lexical = lexical
        self.embedder = embedder
        self.glossary = glossary
        self.settings = settings or RetrievalSettings()
        self.focus = focus  # FocusFilter or None
        self._doc_of: dict[str, str] = {}
        self._doc_of_generation: str | None = None

    def lexical_ranking(self, question: str, n: int) -> list[str]:
        tokens = self.glossary.expand(tokenize_fr(question))
        return [cid for cid, _ in self.lexical.search(tokens, n)]

    def dense_ranking(self, question: str, n: int) -> list[str]:
        if self.settings.dense_weight <= 0:
            return []
        embedding = embed_query(self.embedder, question)
        return self.vectors.query_ids(embedding, n)

    def retrieve(self, question: str, top_k: int | None = None) -> list[Hit]:
        cfg = self.settings
        top_k = top_k or cfg.top_k
        bm25 = self.lexical_ranking(question, cfg.candidates) if cfg.bm25_weight > 0 else []
        dense = self.dense_ranking(question, cfg.dense_candidates)
        scores: dict[str, float] = {}
        ranks: dict[str, list[int | None]] = {}
        for weight, ranking, slot in ((cfg.bm25_weight, bm25, 0), (cfg.dense_weight, dense, 1)):
            for rank, cid in enumerate(ranking, start=1):
                scores[cid] = scores.get(cid, 0.0) + weight / (cfg.rrf_k + rank)
                ranks.setdefault(cid, [None, None])[slot] = rank
        # Only chunks of the catalog count (a half-done ingestion may leave extra vectors).
        doc_of = self._doc_index()
        home = self.focus.focus_documents() if self.focus is not None and self.focus.applies(question) else set()
        bonus = cfg.focus_weight / (cfg.rrf_k + 1)  # the home documents as a third ranking, where they stand first
        final = {cid: score + (bonus if doc_of[cid] in home else 0.0) for cid, score in scores.items() if cid in doc_of}
        best = sorted(final, key=lambda c: (-round(final[c], 12), c))[:top_k]  # stable tie-break by chunk id
        rows = self.catalog.chunks_by_id(best)
        return [Hit(rows[c], final[c], *ranks[c], focus=doc_of[c] in home) for c in best if c in rows]

    def _doc_index(self) -> dict[str, str]:
        """chunk id → document id of the indexed chunks, rebuilt when the catalog changes."""
        generation = self.catalog.generation()
        if self._doc_of_generation != generation:
            self._doc_of = self.catalog.chunk_documents()
            self._doc_of_generation = generation
        return self._doc_of

    def restricts_answers(self, question: str) -> bool:
        return self.focus is not None and self.focus.applies(question)
