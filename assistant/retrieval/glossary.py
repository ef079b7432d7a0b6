"""The field glossary and question cues, kept as data files (``assistant/data/*.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.providers.lexical import tokenize_fr

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _contains(seq: list[str], sub: list[str]) -> bool:
    n = len(sub)
    return n > 0 and any(seq[i : i + n] == sub for i in range(len(seq) - n + 1))


@dataclass
class Glossary:
    """Groups of equivalent terms, each term kept as its stemmed token sequence."""

    groups: list[list[list[str]]] = field(default_factory=list)
    labels: list[list[str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> "Glossary":
        data = tomllib.loads((path or DATA_DIR / "glossary.toml").read_text(encoding="utf-8"))
        glossary = cls()
        for group in data.get("groups", []):
            stems = [tokenize_fr(term) for term in group["terms"]]
            glossary.groups.append([s for s in stems if s])
            glossary.labels.append(list(group["terms"]))
        return glossary

    def matching_groups(self, tokens: list[str]) -> list[int]:
        return [i for i, group in enumerate(self.groups) if any(_contains(tokens, term) for term in group)]

    def expand(self, tokens: list[str]) -> list[str]:
        """The query tokens followed by the tokens of every equivalent term."""
        extra: list[str] = []
        for i in self.matching_groups(tokens):
            for term in self.groups[i]:
                extra.extend(t for t in term if t not in tokens and t not in extra)
        return tokens + extra

    def equivalents(self, token: str) -> set[str]:
        """Tokens that may stand for ``token`` (itself included)."""
        found = {token}
        for group in self.groups:
            if any(token in term for term in group):
                for term in group:
                    found.update(term)
        return found


@dataclass
class QuestionCues:
    percent: list[list[str]]
    date: list[list[str]]
    count: list[list[str]]
    list: list[list[str]]
    who: list[list[str]]
    generic: set[str]
    negation: set[str]
    raw: dict

    @classmethod
    def load(cls, path: Path | None = None) -> "QuestionCues":
        data = tomllib.loads((path or DATA_DIR / "question_cues.toml").read_text(encoding="utf-8"))

        def stems(key: str) -> list[list[str]]:
            return [s for s in (tokenize_fr(w, keep_stopwords=True) if w != "%" else ["%"] for w in data.get(key, [])) if s]

        generic = {t for w in data.get("generic", []) for t in tokenize_fr(w)}
        negation = {t for w in data.get("negation", []) for t in tokenize_fr(w, keep_stopwords=True)}
        return cls(stems("percent"), stems("date"), stems("count"), stems("list"), stems("who"), generic, negation, data)

    def cue_tokens(self) -> set[str]:
        return {t for group in (self.percent, self.date, self.count, self.list, self.who) for term in group for t in term}


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return Glossary.load()


@lru_cache(maxsize=1)
def default_cues() -> QuestionCues:
    return QuestionCues.load()
