"""French BM25 (bm25s): Snowball stemming, French stop-words, accent folding; persisted atomically.

The index is derived data: it is rebuilt from the catalog's chunks whenever the catalog's
generation differs from the one recorded beside the index, so a crash can never leave it stale.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Question words and fillers that the classic French list lacks; they carry no topic.
EXTRA_STOPWORDS = {
    "quel", "quelle", "quels", "quelles", "combien", "comment", "quand", "où", "ou", "est", "sont",
    "qui", "que", "quoi", "dont", "leurs", "ce", "cette", "ces", "cet", "les", "des", "du", "de", "la", "le",
    "un", "une", "y", "a", "t", "il", "elle", "ils", "elles", "on", "été", "être", "avoir", "fait",
    "faire", "peut", "peux", "dire", "donner", "donne", "liste", "lister", "indiquer", "sait", "savoir",
    "what", "which", "who", "when", "how", "many", "much", "the", "of", "is", "are", "was", "were",
    "in", "for", "and", "to", "do", "does", "did", "by", "on", "its", "it", "this", "that", "there",
}


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _import_bm25s():
    import bm25s

    # bm25s sets its own logger to DEBUG at import time; keep it quiet unless asked.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from bm25s.stopwords import STOPWORDS_FRENCH

    return frozenset(fold_accents(w) for w in set(STOPWORDS_FRENCH) | EXTRA_STOPWORDS)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


def tokenize_fr(text: str, keep_stopwords: bool = False) -> list[str]:
    """Lower-case, drop stop-words, stem (French Snowball) and fold accents."""
    words = WORD_RE.findall(text.lower().replace("œ", "oe").replace("æ", "ae"))
    stop = _stopwords()
    kept = words if keep_stopwords else [w for w in words if fold_accents(w) not in stop]
    return [fold_accents(s) for s in _stemmer().stemWords(kept)]


def surface_words(text: str) -> list[str]:
    """Lower-case, accent-folded words without stop-words, singular (« locaux » → « local »)."""
    out = []
    for word in WORD_RE.findall(text.lower().replace("œ", "oe").replace("æ", "ae")):
        word = fold_accents(word)
        if word in _stopwords():
            continue
        if word.endswith("aux") and len(word) > 4:
            word = word[:-3] + "al"
        elif word.endswith(("s", "x")) and len(word) > 3:
            word = word[:-1]
        out.append(word)
    return out


class LexicalIndex:
    """BM25 over chunk ids; ``search`` returns (chunk_id, score) best first."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._retriever = None
        self._ids: list[str] = []
        self.generation: str | None = None

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

    def search(self, query_tokens: list[str], top_k: int) -> list[tuple[str, float]]:
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

    def __len__(self) -> int:
        return len(self._ids)
