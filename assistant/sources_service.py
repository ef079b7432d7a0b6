"""What is in the index: documents with pages, chunks, ingestion date, and the last failures."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from assistant.providers.catalog import Catalog


@dataclass
class IndexedDocument:
    file: str
    title: str | None
    kind: str | None
    pages: int
    chunks: int
    date: str | None
    ingested_at: str | None
    status: str
    warning: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


class SourcesService:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def list_documents(self) -> list[IndexedDocument]:
        docs = []
        for row in self.catalog.documents():
            when = (
                dt.datetime.fromtimestamp(row.ingested_at).isoformat(timespec="seconds") if row.ingested_at else None
            )
            docs.append(
                IndexedDocument(row.path, row.title, row.kind, row.pages, row.chunks, row.doc_date, when, row.status, row.warning)
            )
        return docs

    def failures(self) -> dict[str, str]:
        return self.catalog.failures()
