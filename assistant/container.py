"""Composition root: builds the providers once and hands them to the services."""

from __future__ import annotations

from functools import cached_property

from assistant.settings import Settings


class Assistant:
    """Holds the services of one index. Providers are built lazily, on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def embedder(self):
        from assistant.providers.embeddings import build_embedding

        return build_embedding(self.settings)

    @cached_property
    def catalog(self):
        from assistant.providers.catalog import Catalog

        return Catalog(self.settings.catalog_path)

    @cached_property
    def vectors(self):
        from assistant.providers.vectorstore import VectorIndex

        return VectorIndex(self.settings, embedder_name=self.settings.embedding)

    @cached_property
    def lexical(self):
        from assistant.providers.lexical import LexicalIndex

        return LexicalIndex(self.settings.bm25_dir)

    @cached_property
    def ingest(self):
        from assistant.ingest.service import IngestService

        return IngestService(self.settings, self.embedder, self.vectors, self.catalog, self.lexical)

    @cached_property
    def sources(self):
        from assistant.sources_service import SourcesService

        return SourcesService(self.catalog)


def build_assistant(settings: Settings | None = None) -> Assistant:
    return Assistant(settings or Settings())
