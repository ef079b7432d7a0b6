"""The corpus profile (``corpus/pacte.toml``): the home territory of the users.

Staff ask about « le pacte » and mean their own. Documents that mention the home territory
are preferred, and answers come from them, unless the question names another territory.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.providers.catalog import Catalog
from assistant.providers.lexical import fold_accents

PROFILE_FILE = "pacte.toml"
NAME_RE = re.compile(r"(?<![\w'])([A-ZÀ-Ý][\wà-ÿ-]{2,})")
WORD_RE = re.compile(r"[\w-]+")
MIN_MENTIONS = 3  # mentions of the territory that make a document one of its own, outside its opening


def _fold(text: str) -> str:
    return fold_accents(text.lower().replace("œ", "oe"))


@dataclass
class CorpusProfile:
    territory: str | None = None
    aliases: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, corpus_dir: Path) -> "CorpusProfile":
        path = corpus_dir / PROFILE_FILE
        if not path.exists():
            return cls()
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        territory = data.get("territoire") or None
        aliases = [a for a in [territory, *data.get("alias", [])] if a]
        return cls(territory, aliases)

    @property
    def active(self) -> bool:
        return bool(self.aliases)


class FocusFilter:
    """Which documents are about the home territory, recomputed when the catalog changes."""

    def __init__(self, catalog: Catalog, profile: CorpusProfile):
        self.catalog = catalog
        self.profile = profile
        self._generation: str | None = None
        self._focus: set[str] = set()
        self._other_words: set[str] = set()
        self._focus_words: set[str] = set()

    def _refresh(self) -> None:
        generation = self.catalog.generation()
        if generation == self._generation:
            return
        aliases = [_fold(a) for a in self.profile.aliases]
        unique = sorted(set(aliases), key=len, reverse=True)
        mention_re = re.compile("|".join(re.escape(a) for a in unique)) if unique else None
        texts: dict[str, list[str]] = {}
        openings: dict[str, list[str]] = {}
        for chunk in self.catalog.iter_chunks():
            texts.setdefault(chunk.doc_id, []).append(chunk.text)
            if chunk.metadata.get("page") in (1, None) or chunk.ord == 0:
                openings.setdefault(chunk.doc_id, []).append(f"{chunk.metadata.get('document_title', '')} {chunk.text}")
        focus: set[str] = set()
        other_words: set[str] = set()
        focus_words: set[str] = set()
        for doc_id, parts in texts.items():
            folded = _fold(" ".join(parts))
            words = set(WORD_RE.findall(folded))
            opening = _fold(" ".join(openings.get(doc_id, [])))
            # about the territory: named in its title or on its first page, or named repeatedly;
            # a regional scheme that cites it once in passing is not one of its documents
            mentions = len(mention_re.findall(folded)) if mention_re else 0
            if any(a in opening for a in aliases) or mentions >= MIN_MENTIONS:
                focus.add(doc_id)
                focus_words |= words
            else:
                other_words |= words
        self._focus, self._other_words, self._focus_words = focus, other_words, focus_words
        self._generation = generation

    def applies(self, question: str) -> bool:
        """False when the question names something found only outside the home documents."""
        if not self.profile.active:
            return False
        self._refresh()
        if not self._focus:
            return False
        for match in NAME_RE.finditer(question):
            if match.start() == 0:
                continue
            name = _fold(match.group(1))
            if name in self._other_words and name not in self._focus_words:
                return False
        return True

    def focus_documents(self) -> set[str]:
        self._refresh()
        return self._focus

    def is_focus(self, doc_id: str) -> bool:
        return doc_id in self.focus_documents()
