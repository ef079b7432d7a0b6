"""Acronyms spelt out in a text: « Zéro artificialisation nette » spells ZAN, « Pôle d'équilibre
territorial et rural » spells PETR. The initials of consecutive significant words (articles and
prepositions skipped) give the acronym's letters, whatever the layout around them: « ZAN :
Zéro… », « … (ZAN) », a glossary table's row « Sigle : ZAN ; Signification : Zéro… »."""

from __future__ import annotations

import re

from assistant.text.tokens import fold_accents

SKIPPED = frozenset({"de", "du", "des", "d", "l", "la", "le", "les", "et", "a", "au", "aux", "en", "pour", "sur",
                     "dans", "of", "the", "and", "for"})
ACRONYM_RE = re.compile(r"(?<![\w-])([A-Z][A-Z]{1,9})(?![\w-])")
WORD_RE = re.compile(r"[a-z0-9]+")


def acronyms(text: str) -> list[str]:
    """The acronyms a text writes in capitals (letters only: « ZAN », « PETR »)."""
    return ACRONYM_RE.findall(text)


def spelt_out(acronym: str, text: str) -> str | None:
    """The words of ``text`` whose initials spell ``acronym`` (lower-case, accents folded), or None.
    A two-letter acronym is too easily spelt by chance: it counts only beside the acronym itself."""
    letters = acronym.lower()
    if len(letters) < 2 or not letters.isalpha():
        return None
    if len(letters) == 2 and not re.search(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
        return None
    words = WORD_RE.findall(fold_accents(text).lower())
    for start, first in enumerate(words):
        if first in SKIPPED or first[0] != letters[0] or first == letters:
            continue
        spelt, end = 1, start + 1
        while spelt < len(letters) and end < len(words):
            word = words[end]
            end += 1
            if word in SKIPPED:
                continue
            if word[0] != letters[spelt]:
                break
            spelt += 1
        if spelt == len(letters):
            return " ".join(words[start:end])
    return None
