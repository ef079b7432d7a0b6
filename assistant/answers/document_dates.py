"""« Quand l'évaluation a-t-elle été présentée ? »: a document's own date (its cover, its dateline),
read at ingestion, answers questions about the document itself. For a date question, the passage of
each retrieved document that writes its date joins the candidates; a feature marks the sentence that
holds it, and the fitted score decides whether the question is about the document or an event in it."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.providers.catalog import ChunkRow
from assistant.retrieval.hybrid import Hit
from assistant.text.tokens import fold_accents

FindChunk = Callable[[str, str], ChunkRow | None]  # (document, text) → its first passage holding the text


def dated_passages(hits: list[Hit], find_chunk: FindChunk) -> list[Hit]:
    """The first passage of each retrieved document that holds the document's date, when retrieval
    did not bring it."""
    held = {h.chunk.id for h in hits}
    seen: set[str] = set()
    out: list[Hit] = []
    for hit in hits:
        doc_id, date = hit.chunk.doc_id, (hit.chunk.metadata.get("doc_date") or "").strip()
        if not date or doc_id in seen:
            continue
        seen.add(doc_id)
        chunk = find_chunk(doc_id, date)
        if chunk is not None and chunk.id not in held:
            held.add(chunk.id)
            out.append(Hit(chunk, hit.score, focus=hit.focus, in_scope=hit.in_scope))
    return out


def holds_document_date(text: str, metadata: dict) -> bool:
    date = (metadata.get("doc_date") or "").strip()
    return bool(date) and date in text


def dated_by(question: str, metadata: dict) -> str:
    """The document's own date (its cover's, its meeting's) when the question names it to the month
    or the day (« le copil du 30 septembre 2020 », « la note de juin 2023 »); empty otherwise (a
    year alone names many documents)."""
    date = str(metadata.get("doc_date") or "").strip()
    if not date or re.fullmatch(r"(?:19|20)\d\d", date):
        return ""
    return date if fold_accents(date).lower() in fold_accents(question).lower() else ""
