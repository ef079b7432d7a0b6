"""Composition root: builds the providers once and hands them to the services."""

from __future__ import annotations

from functools import cached_property

from assistant.settings import Settings


class Assistant:
    """Holds the services of one index. Providers are built lazily, on first use."""

    def __init__(self, settings: Settings):
        self.settings = settings

    def prepare(self, lexical: bool = True) -> None:
        """Bring the local index up to date before answering. Called once by each interface (CLI,
        web app, evaluation, benchmarks), never by a property: building a service has no side effect.

        - With a team Chroma server, pull what another node ingested (chunks, manifest, facts).
        - With ``lexical``, rebuild BM25 if the catalog moved since it was built (after a crash, or
          a pull). Commands that only read extracted facts pass ``lexical=False`` and stay quick.
        """
        if self.sync is not None:
            self.sync.pull()
        if lexical:
            self.ingest.refresh_lexical()

    @cached_property
    def embedder(self):
        from assistant.providers.embeddings import build_embedding

        return build_embedding(self.settings)

    @cached_property
    def embedding_cache(self):
        """The passage embeddings' cache (settings.embedding_cache), or None when it is off."""
        path = self.settings.embedding_cache_path
        if path is None:
            return None
        from assistant.providers.embedding_cache import EmbeddingCache
        from assistant.providers.embeddings import embedder_identity

        return EmbeddingCache(path, embedder_identity(self.settings))

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

        from assistant.knowledge.extract import FactExtractor
        from assistant.knowledge.register import load_register

        return IngestService(self.settings, self.embedder, self.vectors, self.catalog, self.lexical,
                             extractors=[FactExtractor()], register_loader=load_register, shared=self.shared,
                             embedding_cache=self.embedding_cache)

    @cached_property
    def shared(self):
        """The team's manifest and facts on a Chroma server; None with the embedded Chroma."""
        if not self.settings.chroma_url:
            return None
        from assistant.providers.shared_catalog import SharedCatalog

        return SharedCatalog(self.vectors._client, self.settings.collection)

    @cached_property
    def sync(self):
        if self.shared is None:
            return None
        from assistant.sync_service import SyncService

        return SyncService(self.catalog, self.vectors, self.shared, self.ingest.refresh_lexical)

    @cached_property
    def glossary(self):
        from assistant.retrieval.glossary import default_glossary

        return default_glossary()

    @cached_property
    def cues(self):
        from assistant.retrieval.glossary import default_cues

        return default_cues()

    @cached_property
    def retriever(self):
        from assistant.retrieval.hybrid import HybridRetriever, RetrievalSettings

        s = self.settings
        return HybridRetriever(
            self.catalog, self.vectors, self.lexical, self.embedder, self.glossary,
            RetrievalSettings(top_k=s.top_k, rrf_k=s.rrf_k, bm25_weight=s.bm25_weight, dense_weight=s.dense_weight,
                              preferred_boost=s.preferred_boost),
            focus=self.focus,
        )

    @cached_property
    def focus(self):
        from assistant.retrieval.focus import CorpusProfile, FocusFilter

        return FocusFilter(self.catalog, CorpusProfile.load(self.settings.corpus_dir))

    @cached_property
    def llm(self):
        from assistant.providers.llm import build_llm

        return build_llm(self.settings)

    @cached_property
    def answers(self):
        from assistant.answers.service import AnswerService

        from assistant.knowledge.lexicon import default_lexicon
        from assistant.knowledge.routing import ToolRouter

        router = ToolRouter(self.knowledge, default_lexicon())
        tools = []
        if self.llm is not None and self.settings.llm_function_calling:
            from assistant.knowledge.tools import as_function_tools

            tools = [t for t in as_function_tools(self.tools) if t.metadata.name != "classify_initiative"]
        sentences = self.embedding_cache.sentences() if self.embedding_cache is not None else None
        return AnswerService(self.retriever, self.glossary, self.cues, llm=self.llm, router=router, tools=tools,
                             sentence_vectors=sentences)

    @cached_property
    def knowledge(self):
        from assistant.knowledge.corrections import Corrections
        from assistant.knowledge.service import KnowledgeService

        return KnowledgeService(self.catalog, self.focus, Corrections(self.settings.corpus_dir))

    @cached_property
    def classifier(self):
        from assistant.knowledge.classify import InitiativeClassifier

        return InitiativeClassifier(self.knowledge, retriever=self.retriever)

    @cached_property
    def briefing(self):
        from assistant.briefing.service import BriefingService

        return BriefingService(self.knowledge, self.answers, llm=self.llm)

    @cached_property
    def tools(self):
        from assistant.knowledge.tools import build_tools

        return build_tools(self.knowledge, self.classifier)

    @cached_property
    def evaluation(self):
        from assistant.evaluation import EvaluationService

        return EvaluationService(self.answers, self.retriever, self.catalog, self.classifier)

    @cached_property
    def corpus_files(self):
        from assistant.corpus_service import CorpusFiles

        return CorpusFiles(self.settings.corpus_dir, self.settings.max_upload_mb)

    @cached_property
    def sources(self):
        from assistant.sources_service import SourcesService

        return SourcesService(self.catalog)


def build_assistant(settings: Settings | None = None) -> Assistant:
    return Assistant(settings or Settings())
