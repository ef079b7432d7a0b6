"""The vocabulary that names documents and territories (``assistant/data/documents.toml``): kinds
of documents, territorial levels, the words by which users speak of their own territory; and the
loose text form in which documents and questions are matched against it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.text.tokens import fold_accents

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "documents.toml"
SMALL_WORDS = {"de", "du", "des", "d", "l", "la", "le", "les", "et", "a", "au", "aux", "en", "pour", "sur", "dans", "of", "the", "and"}
PARTICLE = r"(?i:de\s+la|de\s+l'|à\s+l'|à\s+la|des|du|de|d'|l'|en|sur|sous|lès|les|aux)"
CAP_WORD = r"[A-ZÀ-ÝŒ][\wÀ-ÿŒœ'-]*"
ACRONYM_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{2,9})(?![\w-])")


def loose(text: str) -> str:
    """Lower-case, accent-folded words separated by single spaces (« Val d'Ornelle » → « val d ornelle »)."""
    text = fold_accents(text.lower().replace("œ", "oe").replace("æ", "ae"))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def has_phrase(padded: str, phrase: str) -> bool:
    """``padded`` is `` loose(text) `` with a space at each end; ``phrase`` is loose."""
    return bool(phrase) and f" {phrase} " in padded


def normalise(text: str) -> str:
    """Typographic apostrophes and non-breaking spaces as plain ones."""
    return text.replace("’", "'").replace("\u00a0", " ")


# vocabulary ----------------------------------------------------------------------------------
@dataclass
class Level:
    name: str
    rank: int
    words: list[str]
    adjectives: list[str]


@dataclass
class DocumentVocabulary:
    kinds: dict[str, list[str]]  # kind → loose phrases
    levels: list[Level]
    current: list[str]  # loose phrases asking for the present state
    updated: list[str]
    possessives: list[str] = field(default_factory=list)  # « notre »: the users' own
    definite: list[str] = field(default_factory=list)  # « le » + a subject: the users' own
    subjects: list[str] = field(default_factory=list)  # « pacte », « territoire »
    document_nouns: list[str] = field(default_factory=list)  # an acronym spelt out with one names a document

    @classmethod
    def load(cls, path: Path | None = None) -> "DocumentVocabulary":
        data = tomllib.loads((path or DATA_FILE).read_text(encoding="utf-8"))
        kinds = {k: [loose(w) for w in words] for k, words in data.get("kinds", {}).items()}
        levels = [Level(lv["name"], i, list(lv.get("words", [])), [loose(a) for a in lv.get("adjectives", [])])
                  for i, lv in enumerate(data.get("levels", []))]
        register, own = data.get("register", {}), data.get("own", {})
        return cls(kinds, levels, [loose(w) for w in register.get("current", [])],
                   [loose(w) for w in register.get("updated", [])], [loose(w) for w in own.get("possessives", [])],
                   [loose(w) for w in own.get("definite", [])], [loose(w) for w in own.get("subjects", [])],
                   [loose(w) for w in data.get("acronyms", {}).get("documents", [])])

    @property
    def mention_re(self) -> re.Pattern:
        """A level word followed by a proper name: « PETR du Val d'Ornelle », « RÉGION GRAND EST »."""
        alternatives = []
        for level in self.levels:
            for word in sorted(level.words, key=len, reverse=True):
                pattern = re.escape(word).replace(r"\ ", r"\s+")
                # an acronym is matched in capitals only (« CC »), a word in any case
                alternatives.append((f"(?P<L{level.rank}_{len(alternatives)}>{pattern})" if word.isupper()
                                     else f"(?P<L{level.rank}_{len(alternatives)}>(?i:{pattern}))"))
        # « Causses et Vallées », « Lacs et Forêts »: « et » joins two capitalised words of one name
        name = rf"(?:{PARTICLE}[^\S\n]*)?{CAP_WORD}(?:[^\S\n]+(?:(?:{PARTICLE}|et)[^\S\n]*)?{CAP_WORD})*"
        return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})[^\S\n]+(?P<name>{name})")

    def level_of_group(self, group: str) -> Level:
        return self.levels[int(group[1:].split("_")[0])]


@lru_cache(maxsize=1)
def default_vocabulary() -> DocumentVocabulary:
    return DocumentVocabulary.load()
