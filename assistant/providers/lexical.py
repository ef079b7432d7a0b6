"""French BM25 (bm25s): Snowball stemming, French stop-words, accent folding; persisted atomically.

The index is derived data: it is rebuilt from the catalog's chunks whenever the catalog's
generation differs from the one recorded beside the index, so a crash can never leave it stale.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import threading
from pathlib import Path

import numpy as np

# the French tokens live in assistant.text.tokens; re-exported here for existing imports
from assistant.text.tokens import (  # noqa: F401
    EXTRA_STOPWORDS,
    WORD_RE,
    fold_accents,
    stopwords as _stopwords,
    surface_words,
    tokenize_fr,
)

logger = logging.getLogger(__name__)


def _import_bm25s():
    import bm25s

    # bm25s sets its own logger to DEBUG at import time; keep it quiet unless asked.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


class LexicalIndex:
    """BM25 over chunk ids; ``search`` returns (chunk_id, score) best first."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._retriever = None
        self._ids: list[str] = []
        self.generation: str | None = None
        self._lock = threading.Lock()
        self._frequencies: dict[str | None, dict[str, int]] = {}  # per generation: token → chunks holding it

    def load(self) -> bool:
        meta = self.directory / "meta.json"
        if not meta.exists():
            return False
        bm25s = _import_bm25s()
        info = json.loads(meta.read_text(encoding="utf-8"))
        self._ids = info["ids"]
        self.generation = info["generation"]
        self._retriever = bm25s.BM25.load(str(self.directory), show_progress=False) if self._ids else None
        return True

    def build(self, ids: list[str], texts: list[str], generation: str) -> None:
        """Index the texts and replace the persisted index atomically."""
        bm25s = _import_bm25s()
        retriever = None
        if ids:
            retriever = bm25s.BM25(k1=1.2, b=0.75)
            retriever.index([tokenize_fr(t) or ["\u2205"] for t in texts], show_progress=False)
        self.directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".bm25-", dir=self.directory.parent))
        try:
            if retriever is not None:
                retriever.save(str(tmp), show_progress=False)
            (tmp / "meta.json").write_text(json.dumps({"generation": generation, "ids": ids}), encoding="utf-8")
            old = self.directory.with_name(self.directory.name + ".old")
            if old.exists():
                shutil.rmtree(old)
            if self.directory.exists():
                os.replace(self.directory, old)
            os.replace(tmp, self.directory)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)
        self._retriever, self._ids, self.generation = retriever, list(ids), generation

    def _loaded(self) -> None:
        """The persisted index is read on first use (reading only: rebuilding is the ingestion's
        or ``Assistant.prepare``'s job)."""
        if self.generation is None:
            with self._lock:
                if self.generation is None:
                    self.load()

    def search(self, query_tokens: list[str], top_k: int) -> list[tuple[str, float]]:
        self._loaded()
        if self._retriever is None or not self._ids:
            return []
        vocab = self._retriever.vocab_dict
        known = [t for t in query_tokens if t in vocab]
        if not known:  # bm25s raises on a query with no known token
            return []
        # get_scores + argpartition: the same ranking as bm25s.retrieve, without its per-call overhead
        scores = self._retriever.get_scores(known)
        k = min(top_k, len(self._ids))
        # every chunk tied with the k-th score competes, then ties go by chunk id: the ranking
        # does not depend on the order in which the index was built
        threshold = np.partition(-scores, k - 1)[k - 1]
        pool = [int(i) for i in np.flatnonzero(-scores <= threshold) if scores[i] > 0]
        pool.sort(key=lambda i: (-round(float(scores[i]), 9), self._ids[i]))
        return [(self._ids[i], float(scores[i])) for i in pool[:k]]

    def document_frequencies(self, tokens: list[str]) -> dict[str, int]:
        """How many chunks hold each (stemmed) token: what makes a word rare in this corpus."""
        self._loaded()
        if self._retriever is None or not self._ids:
            return {t: 0 for t in tokens}
        vocab = self._retriever.vocab_dict
        with self._lock:
            if self.generation not in self._frequencies:  # a new index: the old counts go
                self._frequencies = {self.generation: {}}
            cache = self._frequencies[self.generation]
            for token in tokens:
                if token not in cache:
                    cache[token] = int(np.count_nonzero(self._retriever.get_scores([token]))) if token in vocab else 0
            return {t: cache[t] for t in tokens}

    def __len__(self) -> int:
        self._loaded()
        return len(self._ids)
