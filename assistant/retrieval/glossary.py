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


def english_only_terms(terms) -> set[str]:
    """The terms the English lexicon glosses into French words of another stem (« done » →
    « réalisé »): the text a glossary reads is French (an English question is glossed before it
    is analysed or searched), where their French stems would only take other words (« done »
    stems as « donnez »). A term written alike in both languages (« budget », « tourism ») stays."""
    from assistant.text.translate import Lexicon

    words = Lexicon.load().words
    return {term for term in terms
            if (french := words.get(term.lower())) is not None and tokenize_fr(french) != tokenize_fr(term)}


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
        english = english_only_terms(term for group in data.get("groups", []) for term in group["terms"])
        for group in data.get("groups", []):
            terms = [term for term in group["terms"] if term not in english]
            stems = [tokenize_fr(term) for term in terms]
            glossary.groups.append([s for s in stems if s])
            glossary.labels.append(terms)
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
    period: list[list[str]] = field(default_factory=list)
    person: list[list[str]] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path | None = None) -> "QuestionCues":
        data = tomllib.loads((path or DATA_DIR / "question_cues.toml").read_text(encoding="utf-8"))

        def stems(key: str) -> list[list[str]]:  # cue phrases as written (see surface_words)
            return [s for s in (surface_words(w) for w in data.get(key, [])) if s]

        negation = {t for w in data.get("negation", []) for t in tokenize_fr(w, keep_stopwords=True)}
        essential = {t for w in data.get("essential", []) for t in tokenize_fr(w, keep_stopwords=True)}
        return cls(stems("percent"), stems("date"), stems("count"), stems("list"), stems("who"), negation,
                   essential, stems("definition"), data, stems("money"), stems("duration"), stems("measure"),
                   stems("most"), stems("least"), stems("place"), stems("total"), stems("day"), stems("period"),
                   stems("person"))

    @cached_property
    def place_tokens(self) -> frozenset[str]:
        """The stems of the place cues (« commune », « ville »): the kind of answer a place question asks."""
        return frozenset(t for w in self.raw.get("place", []) for t in tokenize_fr(w))

    @cached_property
    def _cue_stems(self) -> frozenset[str]:
        # the place cues stay content words: « quelle commune du Pays de Haye … » is answered by a
        # row of communes
        keys = ("percent", "date", "day", "count", "list", "who", "definition", "duration", "period")
        cues = {t for key in keys for w in self.raw.get(key, []) for t in tokenize_fr(w, keep_stopwords=True)}
        return frozenset(cues | {t for w in self.raw.get("generic", []) for t in tokenize_fr(w)})

    def cue_tokens(self) -> set[str]:
        """The stems of every cue word and of the words that carry no topic (« combien », « période »,
        « selon »): they say what kind of answer is asked, not what about."""
        return set(self._cue_stems)

    @staticmethod
    def is_cue(word: str, stem: str, cues: set[str]) -> bool:
        """Whether a question's word (accent-folded) with this stem is one of ``cue_tokens``, in any
        of its forms (« prévues » for « prévu »). The stem must begin the word: a noun the stemmer
        folds into a cue verb stays content (« indicateurs » → « indiqu », as « indiqué »)."""
        return stem in cues and word.startswith(stem)


@lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    return Glossary.load()


@lru_cache(maxsize=1)
def default_cues() -> QuestionCues:
    return QuestionCues.load()
