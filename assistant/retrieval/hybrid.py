"""Hybrid retrieval: French BM25 (glossary-expanded) and dense vectors fused by weighted RRF,
within the documents the question may be answered from.

llama-index's QueryFusionRetriever applies no per-retriever weight in its reciprocal-rank mode,
and the weights are what our measurements tune, so the fusion is written here (a few lines).

The question's scope (``assistant.retrieval.documents``) decides which documents compete: the
ones it names, else all but a peer territory's. The preferred documents (the home territory's, or
a larger territory's that the question names) get a small proportionate boost: it reorders
near-equals and never buries a passage that both rankings put first.

The action register has rows, not text: its rows compete as passages of their own, ranked by the
question words they hold (a row must hold half of them, unless the question names the register).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from assistant.providers.catalog import Catalog, ChunkRow
from assistant.providers.embeddings import embed_query
from assistant.providers.lexical import LexicalIndex, tokenize_fr
from assistant.providers.vectorstore import VectorIndex
from assistant.retrieval.documents import EVERYTHING, Scope
from assistant.retrieval.glossary import Glossary

logger = logging.getLogger(__name__)

WIDEN_NAMED = 4  # a named document's passages may rank below other documents' in the whole index


@dataclass
class RetrievalSettings:
    top_k: int = 8
    candidates: int = 40
    dense_candidates: int = 40
    rrf_k: int = 60
    bm25_weight: float = 1.0
    dense_weight: float = 0.5
    # relative boost of the preferred documents' passages (+5 % of their fused score, fitted on the dev split)
    preferred_boost: float = 0.05


@dataclass
class Hit:
    chunk: ChunkRow
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None
    focus: bool = False  # a document of the home territory
    in_scope: bool = True  # a document the question may be answered from
    similarity: float | None = None  # cosine between the question and the passage (None: a register row)

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
        self._rows: list[tuple[ChunkRow, set[str]]] = []
        self._generation: str | None = None

    def lexical_ranking(self, question: str, n: int) -> list[str]:
        tokens = self.glossary.expand(tokenize_fr(question))
        return [cid for cid, _ in self.lexical.search(tokens, n)]

    def dense_ranking(self, question: str, n: int) -> list[str]:
        return [cid for cid, _ in self._dense(question, n)[0]]

    def _dense(self, question: str, n: int) -> tuple[list[tuple[str, float]], list[float] | None]:
        """The nearest chunks with their cosine similarity, and the question's embedding."""
        if self.settings.dense_weight <= 0:
            return [], None
        embedding = embed_query(self.embedder, question)
        return self.vectors.query(embedding, n), embedding

    def scope(self, question: str) -> Scope:
        return self.focus.scope(question) if self.focus is not None else EVERYTHING

    def retrieve(self, question: str, top_k: int | None = None, scope: Scope | None = None) -> list[Hit]:
        """The ``top_k`` passages for the question within its scope (or the ``scope`` given)."""
        cfg = self.settings
        top_k = top_k or cfg.top_k
        scope = scope or self.scope(question)
        widen = WIDEN_NAMED if scope.named else 1
        doc_of = self._doc_index()
        # only chunks of the catalog count (a half-done ingestion may leave extra vectors)
        bm25 = self.lexical_ranking(question, cfg.candidates * widen) if cfg.bm25_weight > 0 else []
        nearest, embedding = self._dense(question, cfg.dense_candidates * widen)
        dense = [cid for cid, _ in nearest]
        similarity = dict(nearest)
        rows = self._row_ranking(question, scope)
        rankings = [
            (cfg.bm25_weight, [c for c in bm25 if c in doc_of and scope.allows(doc_of[c])][:cfg.candidates], 0),
            (cfg.dense_weight, [c for c in dense if c in doc_of and scope.allows(doc_of[c])][:cfg.dense_candidates], 1),
            # a row has no vector: its ranking by words stands for both rankings
            (cfg.bm25_weight + cfg.dense_weight, [row.id for row in rows], 0),
        ]
        scores: dict[str, float] = {}
        ranks: dict[str, list[int | None]] = {}
        for weight, ranking, slot in rankings:
            for rank, cid in enumerate(ranking, start=1):
                scores[cid] = scores.get(cid, 0.0) + weight / (cfg.rrf_k + rank)
                ranks.setdefault(cid, [None, None])[slot] = rank
        row_docs = {row.id: row.doc_id for row in rows}
        doc_of = {**doc_of, **row_docs}
        boost = 1.0 + max(cfg.preferred_boost, 0.0)
        final = {cid: s * (boost if doc_of[cid] in scope.preferred else 1.0) for cid, s in scores.items()}
        # equal fused scores are frequent (one rank in one list): the passage better ranked by
        # either list first, then the closer in meaning; the chunk id only as a last resort
        best = sorted(final, key=lambda c: (-round(final[c], 12), min(r for r in ranks[c] if r is not None),
                                            -similarity.get(c, -1.0), c))[:top_k * (WIDEN_NAMED if scope.required else 1)]
        found = self.catalog.chunks_by_id([c for c in best if c not in row_docs])
        found.update({row.id: row for row in rows if row.id in best})
        if scope.required:  # a widened scope: the passage itself speaks of what the question named
            best = [c for c in best if c in found and scope.required <= set(tokenize_fr(found[c].search_text))][:top_k]
        home = self.focus.focus_documents() if self.focus is not None else set()
        unmeasured = [c for c in best if c not in similarity and c not in row_docs and c in found]
        if embedding is not None and unmeasured:  # found by words only: measure them too
            similarity.update(self.vectors.similarities(embedding, unmeasured))
        return [Hit(found[c], final[c], *ranks[c], focus=doc_of[c] in home, similarity=similarity.get(c))
                for c in best if c in found]

    def widened_scope(self, scope: Scope) -> Scope | None:
        """The documents that speak of the ones a question names (see ``DocumentMatcher.widened``)."""
        return self.focus.widened(scope) if self.focus is not None else None

    def restricts_answers(self, question: str) -> bool:
        """The question's scope leaves documents out (it names some, or a peer territory's are excluded)."""
        return self.scope(question).restricts

    # indexes of the catalog ----------------------------------------------------------------------
    def _refresh(self) -> None:
        generation = self.catalog.generation()
        if self._generation != generation:
            self._doc_of = self.catalog.chunk_documents()
            self._rows = [(row, set(tokenize_fr(values))) for row, values in register_rows(self.catalog)]
            self._generation = generation

    def _doc_index(self) -> dict[str, str]:
        """chunk id → document id of the indexed chunks, rebuilt when the catalog changes."""
        self._refresh()
        return self._doc_of

    def _row_ranking(self, question: str, scope: Scope) -> list[ChunkRow]:
        """Register rows holding the question's words, most words first. The words that chose the
        documents (« PETR Cœur de Lorraine », « le registre ») are left out: most rows hold them, and
        a row holding them says nothing about what is asked."""
        self._refresh()
        wanted = set(tokenize_fr(question)) - scope.words
        if not wanted or not self._rows:
            return []
        scored = []
        for row, tokens in self._rows:
            if not scope.allows(row.doc_id):
                continue
            held = len(wanted & tokens)
            named = row.doc_id in scope.named
            if held >= 1 and (named or (held >= 2 and 2 * held >= len(wanted))):
                scored.append((held, row))
        scored.sort(key=lambda p: (-p[0], p[1].id))
        return [row for _, row in scored]


# the register's rows as passages ---------------------------------------------------------------
ROW_LABELS = (("action", "Action"), ("axis", "Axe"), ("objective", "Objectif"), ("status_written", "Statut"),
              ("owner", "Responsable"), ("updated", "Date de mise à jour"))
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")


def written_date(value: str) -> str:
    """A spreadsheet date as users write it (« 2024-11-18 00:00:00 » → « 18/11/2024 »)."""
    match = ISO_DATE_RE.match(str(value).strip())
    return f"{match.group(3)}/{match.group(2)}/{match.group(1)}" if match else str(value)


def register_rows(catalog) -> list[tuple[ChunkRow, str]]:
    """One passage per row of the action registers, written as the register's columns
    (« Action : … », « Statut : … »), cited as the register's file and line; with the row's values."""
    # a register also indexed as a table (it has passages) is searched through them
    documents = {d.doc_id: d for d in catalog.documents() if d.status == "indexed" and not d.chunks}
    rows = []
    for fact in catalog.facts("register_action"):
        doc = documents.get(fact.doc_id)
        if doc is None:
            continue
        data = fact.data
        written = {"status": "status_written"}
        labels = {written.get(k, k): v for k, v in (data.get("labels") or {}).items()}
        cells = [(labels.get(key, label), written_date(data[key]) if key == "updated" else str(data[key]))
                 for key, label in ROW_LABELS if data.get(key) not in (None, "")]
        cells += [(label, value) for label, value in data.get("cells") or []]  # the register's other columns
        line = data.get("line")
        text = " ; ".join(f"{label} : {value}" for label, value in cells)  # one unit: the answer quotes the row
        values = " ; ".join(value for _, value in cells)  # what the row says, without the column names
        metadata = {"document_title": doc.title or doc.path, "file": doc.path, "page": None, "page_label": "",
                    "section": f"ligne {line}" if line else "", "kind": "register", "doc_date": "", "ocr": False}
        rows.append((ChunkRow(f"{fact.doc_id}#ligne-{line}", fact.doc_id, int(line or 0), text, text, metadata), values))
    return rows
