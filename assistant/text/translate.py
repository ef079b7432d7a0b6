"""English questions searched in French: a word-by-word gloss with a general bilingual lexicon.

The documents are French. The dense search reads an English question well (the bundled embedder
is multilingual), but the word search (BM25) and the answerability features compare words: an
English question shares none with the passages. Its French gloss does. The lexicon is data
(``assistant/data/english_french.toml``): general vocabulary of economic development, public
administration and statistics, never a document's or a question's own wording.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "english_french.toml"
WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[?]")
# grammar words an English question carries and the gloss does without
ENGLISH_GRAMMAR = frozenset(
    "the a an of is are was were be been being do does did to in on at for with and or its it this that these "
    "those has have had will would shall should can could may might must there their they them he she his her "
    "s any some as from into than then so".split()
)
MAX_PHRASE = 4


@dataclass(frozen=True)
class Lexicon:
    """English words and expressions (lower case) → their usual French equivalent."""

    words: dict[str, str]

    @classmethod
    def load(cls, path: Path | None = None) -> "Lexicon":
        path = path or LEXICON_PATH
        if not path.exists():
            return cls({})
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls({k.lower(): v[0] for k, v in data.get("words", {}).items() if v})

    def to_french(self, text: str) -> str:
        """The French gloss of an English text: the longest known expression first, names,
        acronyms and numbers kept as written, English grammar words dropped."""
        tokens = WORD_RE.findall(text.replace("’", "'"))
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
                phrase = " ".join(tokens[i : i + size]).lower()
                if phrase in self.words:
                    out.append(self.words[phrase])
                    i += size
                    break
            else:
                token = tokens[i]
                bare = token.lower()
                if bare.endswith("'s"):  # « the Region's » → « Region »
                    token, bare = token[:-2], bare[:-2]
                if bare in self.words:
                    out.append(self.words[bare])
                elif bare not in ENGLISH_GRAMMAR:
                    out.append(token)
                i += 1
        gloss = " ".join(out)
        return re.sub(r"\s+([?,.;:!])", r"\1", gloss)

    def unglossed(self, text: str) -> list[str]:
        """The English words of ``text`` the lexicon has no French for (names, acronyms, numbers
        and grammar words aside): the gloss keeps them as written, and a French text cannot match them."""
        tokens = [t for t in WORD_RE.findall(text.replace("’", "'")) if t != "?"]
        known: set[int] = set()
        for i in range(len(tokens)):
            for size in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
                if " ".join(tokens[i : i + size]).lower() in self.words:
                    known.update(range(i, i + size))
                    break
        return [t for i, t in enumerate(tokens) if i not in known and t.islower() and t.isalpha()
                and t.removesuffix("'s") not in ENGLISH_GRAMMAR and t not in ENGLISH_GRAMMAR]


# what « how many … » counts: the words after it, up to the first grammar word (« how many business
# failures were … » counts « business failures »)
HOW_MANY_RE = re.compile(r"\b(?:how\s+many|number\s+of)\s+((?:[^\W\d_][\w'-]*\s*){1,5})", re.IGNORECASE)


def counted_phrase(text: str) -> str:
    """The words an English « how many X » counts (« business failures » in « how many business
    failures were recorded »), or "" when no grammar word closes them within four words (« how many
    meetings took place »: where the noun ends and the verb begins is not known)."""
    found = HOW_MANY_RE.search(text)
    words = []
    for word in found.group(1).split() if found else []:
        if word.lower() in ENGLISH_GRAMMAR:
            return " ".join(words)
        words.append(word)
    return ""
