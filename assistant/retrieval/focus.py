"""The corpus profile (``corpus/pacte.toml``): the home territory of the users.

Staff ask about « le pacte » and mean their own. The profile names the home territory; without
one, the territory that the most documents cover is taken as home (see
``assistant.retrieval.documents``). ``FocusFilter`` answers, for the services, which documents
are the home territory's and what a question's scope is.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.providers.catalog import Catalog
from assistant.retrieval.documents import DocumentMatcher, Scope

PROFILE_FILE = "pacte.toml"
logger = logging.getLogger(__name__)


@dataclass
class CorpusProfile:
    territory: str | None = None
    aliases: list[str] = field(default_factory=list)
    inferred: bool = False  # read from the documents, not from pacte.toml

    @classmethod
    def load(cls, corpus_dir: Path) -> "CorpusProfile":
        """``territoire = "…"`` and ``alias = […]`` at the top, or the same in a ``[territoire]``
        table (``nom`` or ``name``, ``alias`` or ``aliases``). A profile that cannot be read is
        reported and left aside: the home territory is then inferred from the documents."""
        path = corpus_dir / PROFILE_FILE
        if not path.exists():
            return cls()
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            logger.warning("%s illisible (%s) : le territoire de référence sera déduit des documents.", path, exc)
            return cls()
        table = data.get("territoire")
        if isinstance(table, dict):
            data = {**data, **table}
            table = table.get("nom") or table.get("name") or table.get("territoire")
        territory = table.strip() if isinstance(table, str) and table.strip() else None
        written = data.get("alias", data.get("aliases", []))
        written = [written] if isinstance(written, str) else written if isinstance(written, list) else []
        aliases = [a.strip() for a in [territory, *written] if isinstance(a, str) and a.strip()]
        if territory is None and aliases:
            territory = aliases[0]
        return cls(territory, aliases)

    @property
    def active(self) -> bool:
        return bool(self.aliases)


class FocusFilter:
    """Which documents are about the home territory, recomputed when the catalog changes."""

    def __init__(self, catalog: Catalog, profile: CorpusProfile):
        self.catalog = catalog
        self.loaded = profile
        self.documents = DocumentMatcher(catalog, profile.territory, profile.aliases)

    @property
    def profile(self) -> CorpusProfile:
        """The profile of ``pacte.toml``, or the home territory inferred from the corpus."""
        if self.loaded.active:
            return self.loaded
        self.documents.refresh()
        home = self.documents.home
        return CorpusProfile(home.name, [home.name], inferred=True) if home is not None else self.loaded

    def scope(self, question: str) -> Scope:
        return self.documents.scope(question)

    def widened(self, scope: Scope) -> Scope | None:
        return self.documents.widened(scope)

    def applies(self, question: str) -> bool:
        """The question's answers are kept within some documents (named ones, or not a peer's)."""
        return self.scope(question).restricts

    def focus_documents(self) -> set[str]:
        return self.documents.home_documents()

    def is_focus(self, doc_id: str) -> bool:
        return doc_id in self.focus_documents()
