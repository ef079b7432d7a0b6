"""The words of an initiative or an objective, and the field's vocabulary matched on them: groups of
expressions by theme, and the expressions of public facilities, out of scope
(``assistant/data/classify_vocabulary.toml``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.providers.lexical import WORD_RE, fold_accents, surface_words

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# articles and prepositions that vary in one expression (« office de / du tourisme »)
FUNCTION_WORDS = {"du": "de", "des": "de", "d": "de", "la": "le", "les": "le", "l": "le", "au": "a", "aux": "a",
                  "à": "a"}


@dataclass
class Words:
    """A text's words (accent-folded, content words singular) with where each was written.
    Expressions are matched on all the words, shared words are counted on the content words."""

    text: str
    norms: list[str]
    spans: list[tuple[int, int]]
    content: list[bool]

    @classmethod
    def of(cls, text: str) -> "Words":
        norms, spans, content = [], [], []
        for m in WORD_RE.finditer(text.replace("’", "'")):
            word = surface_words(m.group())
            if word:
                norms.append(word[0])
            else:
                lower = fold_accents(m.group().lower())
                norms.append(FUNCTION_WORDS.get(lower, lower))
            spans.append(m.span())
            content.append(bool(word) and len(word[0]) > 2)
        return cls(text, norms, spans, content)

    @property
    def content_words(self) -> set[str]:
        return {n for n, c in zip(self.norms, self.content) if c}

    def written(self, start: int, end: int) -> str:
        return self.text[self.spans[start][0]:self.spans[end - 1][1]]


@dataclass(frozen=True)
class Mention:
    theme: str
    expression: str  # as written in the text


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words) for words in (Words.of(p).norms for p in items) if words]


@dataclass
class Vocabulary:
    themes: dict[str, list[tuple[str, ...]]]
    out_of_scope: list[tuple[str, ...]]
    written: dict[str, list[str]] = field(default_factory=dict)  # theme → its expressions as written

    def __post_init__(self):
        # expressions by their first word; « » (empty theme) stands for out of scope
        self._starting: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for theme, phrases in [*self.themes.items(), ("", self.out_of_scope)]:
            for phrase in phrases:
                self._starting.setdefault(phrase[0], []).append((phrase, theme))

    @classmethod
    def load(cls, path: Path = DATA_DIR / "classify_vocabulary.toml") -> "Vocabulary":
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls({name: _phrases(items) for name, items in data["themes"].items()},
                   _phrases(data["out_of_scope"]["expressions"]), data["themes"])

    def mentions(self, words: Words) -> list[Mention]:
        """Theme expressions found in the text, the longest first: « hôtel d'entreprises » hides « hôtel »."""
        found = []
        for i, first in enumerate(words.norms):
            for phrase, theme in self._starting.get(first, ()):
                if tuple(words.norms[i:i + len(phrase)]) == phrase:
                    found.append((len(phrase), i, theme))
        taken: set[int] = set()
        spans: set[tuple[int, int]] = set()
        out = []
        for n, i, theme in sorted(found, key=lambda f: (-f[0], f[1])):
            if (i, n) not in spans:  # the same expression may belong to two themes
                if any(j in taken for j in range(i, i + n)):
                    continue  # inside a longer expression
                spans.add((i, n))
                taken.update(range(i, i + n))
            out.append(Mention(theme, words.written(i, i + n)))
        return list(dict.fromkeys(out))


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return Vocabulary.load()

