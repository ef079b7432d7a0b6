"""What the documents say about a topic: its words, and the passages that hold them, made into
sentences a reader understands without the page they come from.

A passage is kept when one of its sentences (or list items) holds a word of the topic. Headings,
tables of contents, table rows (« clé : valeur ; clé : valeur ») and fragments are not items: a
list item is read with the sentence that introduces it (« Les forces sont : un potentiel … »).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answers.units import split_units
from assistant.providers.lexical import tokenize_fr

# stems that say nothing of a topic in the documents of an economic development pact, where every
# page speaks of the economy, activities and businesses
GENERIC_STEMS = frozenset(tokenize_fr(
    "note synthèse sujet pacte territoire territorial thème axe objectif ensemble document "
    "économie économique activité entreprise développement développer local"))
SOURCE_NOTE_RE = re.compile(r"^(?:sources?|note|lecture)\s*:", re.IGNORECASE)  # a table's source note
# a sentence about a table or a figure (« Le tableau 1 présente … ») says nothing without it
CAPTION_RE = re.compile(r"^(?:l[ea] |les )?(?:tableaux?|figures?|graphiques?|cartes?)\s+\d", re.IGNORECASE)
TOC_RE = re.compile(r"…\s*\d+\s*$|\.{4,}\s*\d+\s*$")
TABLE_ROW_RE = re.compile(r"^[^:;]{1,60} : [^;]*;[^;]* : ")
END_RE = re.compile(r"[.!?…:;)»]$")
MIN_WORDS = 7


def topic_words(text: str) -> set[str]:
    """The stems that stand for a topic (its content words; the generic ones only when it has no other)."""
    words = {w for w in tokenize_fr(text) if len(w) >= 3}
    return (words - GENERIC_STEMS) or words


def distinctive_words(texts: dict[int, str]) -> dict[int, set[str]]:
    """Per axis, the stems of its title and objectives that no other axis uses."""
    words = {k: topic_words(t) for k, t in texts.items()}
    out = {}
    for k, own in words.items():
        others = set().union(*(w for j, w in words.items() if j != k)) if len(words) > 1 else set()
        out[k] = own - others
    return out


def concerns(text: str, words: set[str], strong: set[str] | None = None, needed: int = 1) -> bool:
    """The text holds a strong word of the topic, or ``needed`` distinct words of it."""
    held = set(tokenize_fr(text))
    if strong and held & strong:
        return True
    return bool(words) and len(held & words) >= needed


@dataclass
class Passage:
    text: str  # a sentence, as the document words it
    hit: object  # the retrieval hit it comes from


def _is_heading(text: str, section: str) -> bool:
    words = text.split()
    if len(words) < MIN_WORDS:
        return True
    if not END_RE.search(text) and len(words) < 14:
        return True  # a title line
    last = (section or "").split(">")[-1].strip().lower()
    return bool(last) and text.strip().lower().rstrip(".") == last


def sentences_of(text: str, section: str = "") -> list[str]:
    """The sentences of a passage that stand on their own, list items joined to their lead-in."""
    out: list[str] = []
    lead = None
    for unit in split_units(text):
        shown = unit.display.strip()
        if not shown or TOC_RE.search(shown) or TABLE_ROW_RE.search(shown) or SOURCE_NOTE_RE.match(shown) \
                or CAPTION_RE.match(shown):
            continue
        if unit.kind == "item":
            if lead is None:
                if shown[:1].islower():
                    continue  # a list item without its lead-in is a fragment
                candidate = shown
            else:
                candidate = f"{lead} {shown.rstrip(' ;,.')}"
        else:
            lead = shown if shown.endswith(":") else None
            if lead is not None:
                continue
            candidate = shown
        candidate = re.sub(r"\s+", " ", candidate).strip()
        if _is_heading(candidate, section) or candidate[:1].islower():
            continue
        out.append(candidate)
    return out


def topic_passages(hits: list, words: set[str], limit: int = 6, per_chunk: int = 2, per_document: int = 3,
                   skip: set[str] | None = None, strong: set[str] | None = None, needed: int = 1) -> list[Passage]:
    """Sentences of the retrieved passages that hold a topic word, in retrieval order, a few per
    passage and per document so that every relevant document may speak."""
    skip = {s.lower() for s in (skip or set())}
    out: list[Passage] = []
    per_doc: dict[str, int] = {}
    seen: set[str] = set()
    for hit in hits:
        meta = hit.chunk.metadata
        if meta.get("kind") == "register":
            continue  # register rows are read as facts (one sentence per action)
        doc = hit.chunk.doc_id
        if per_doc.get(doc, 0) >= per_document:
            continue
        taken = 0
        for text in sentences_of(hit.chunk.text, meta.get("section") or ""):
            key = text.lower().rstrip(".")
            if key in seen or any(s in key for s in skip) or not concerns(text, words, strong, needed):
                continue
            seen.add(key)
            out.append(Passage(text, hit))
            taken += 1
            per_doc[doc] = per_doc.get(doc, 0) + 1
            if taken >= per_chunk or per_doc[doc] >= per_document or len(out) >= limit:
                break
        if len(out) >= limit:
            break
    return out
