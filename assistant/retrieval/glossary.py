"""The field glossary and question cues, kept as data files (``assistant/data/*.toml``)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from assistant.providers.lexical import tokenize_fr
from assistant.text.tokens import fold_accents

DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def surface_words(text: str) -> list[str]:
    """Lower-case, accent-folded words as written, without stemming: a cue is matched on its own
    form (« quels » asks for a list, « quel » does not; « à partir de » is not « la part »)."""
    return re.findall(r"[a-z0-9]+|%", fold_accents(text.lower()))


def contains_sequence(seq: list[str], sub: list[str]) -> bool:
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
        return [i for i, group in enumerate(self.groups) if any(contains_sequence(tokens, term) for term in group)]

    def expand(self, tokens: list[str]) -> list[str]:
        """The query tokens followed by the tokens of every equivalent term."""
        extra: list[str] = []
        for i in self.matching_groups(tokens):
            for term in self.groups[i]:
                extra.extend(t for t in term if t not in tokens and t not in extra)
        return tokens + extra

    def concepts(self, tokens: list[str]) -> list["Concept"]:
        """Group the content tokens of a question into concepts: a glossary term (longest match)
        stands for all the terms of its group; another token stands for itself."""
        out: list[Concept] = []
        i = 0
        while i < len(tokens):
            best_len, best_groups = 0, []
            for g, group in enumerate(self.groups):
                for term in group:
                    n = len(term)
                    if n >= best_len and tokens[i : i + n] == term:
                        if n > best_len:
                            best_len, best_groups = n, []
                        best_groups.append(g)
            if best_len:
                alternatives = {tuple(t) for g in best_groups for t in self.groups[g]}
                out.append(Concept(" ".join(tokens[i : i + best_len]), sorted(alternatives)))
                i += best_len
            else:
                out.append(Concept(tokens[i], [(tokens[i],)]))
                i += 1
        return out


@dataclass
class Concept:
    """One thing a question asks about, with the token sequences that may stand for it."""

    label: str
    alternatives: list[tuple[str, ...]]

    def covered_by(self, tokens: set[str]) -> bool:
        return any(set(alt) <= tokens for alt in self.alternatives)


@dataclass
class QuestionCues:
    percent: list[list[str]]
    date: list[list[str]]
    count: list[list[str]]
    list: list[list[str]]
    who: list[list[str]]
    generic: set[str]
    negation: set[str]
    essential: set[str]
    definition: list[list[str]]
    raw: dict
    money: list[list[str]] = field(default_factory=list)
    duration: list[list[str]] = field(default_factory=list)
    measure: list[list[str]] = field(default_factory=list)
    most: list[list[str]] = field(default_factory=list)
    least: list[list[str]] = field(default_factory=list)
    place: list[list[str]] = field(default_factory=list)
    total: list[list[str]] = field(default_factory=list)
    day: list[list[str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> "QuestionCues":
        data = tomllib.loads((path or DATA_DIR / "question_cues.toml").read_text(encoding="utf-8"))

        def stems(key: str) -> list[list[str]]:  # cue phrases as written (see surface_words)
            return [s for s in (surface_words(w) for w in data.get(key, [])) if s]

        generic = {t for w in data.get("generic", []) for t in tokenize_fr(w)}
        negation = {t for w in data.get("negation", []) for t in tokenize_fr(w, keep_stopwords=True)}
        essential = {t for w in data.get("essential", []) for t in tokenize_fr(w, keep_stopwords=True)}
        return cls(stems("percent"), stems("date"), stems("count"), stems("list"), stems("who"), generic, negation,
                   essential, stems("definition"), data, stems("money"), stems("duration"), stems("measure"),
                   stems("most"), stems("least"), stems("place"), stems("total"), stems("day"))

    @cached_property
    def place_tokens(self) -> frozenset[str]:
        """The stems of the place cues (« commune », « ville »): the kind of answer a place question asks."""
        return frozenset(t for w in self.raw.get("place", []) for t in tokenize_fr(w))

    def cue_tokens(self) -> set[str]:
        """The stems of every cue word: they are not content words of the question."""
        # the place cues stay content words: « quelle commune du Pays de Haye … » is answered by a
        # row of communes
        keys = ("percent", "date", "day", "count", "list", "who", "definition", "duration")
        return {t for key in keys for w in self.raw.get(key, []) for t in tokenize_fr(w, keep_stopwords=True)}


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return Glossary.load()


@lru_cache(maxsize=1)
def default_cues() -> QuestionCues:
    return QuestionCues.load()
