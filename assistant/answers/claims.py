"""Claim checks for sentences a language model writes: each must cite a passage and be supported
by it, not only share its numbers.

A sentence passes when, against the passages it cites:

1. it cites at least one passage ([n]) that was given;
2. every number, in digits or in words, appears in a cited passage, in a clause that shares the
   words the number qualifies (« 40 % … en cours » fails on « 40 % d'actions réalisées ») ;
3. every date, proper noun, acronym and organisation name appears in a cited passage;
4. a negation in the sentence is found in the passage's clause, and the other way round;
5. enough of its content words are in the cited passages: a coverage above a threshold fitted on
   the labelled claims' dev split (``tests/eval/claims.jsonl``).

The extractive mode and the structured tools only ever quote; they keep the lighter value check
of ``assistant.answers.verify``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.answers.model import MARKER_RE
from assistant.providers.lexical import tokenize_fr
from assistant.text.dates import find_dates

DIGITS_RE = re.compile(r"(?<![\w,.])\d{1,3}(?:[  .]\d{3})+(?:,\d+)?(?!\d)|(?<![\w,.])\d+(?:[.,]\d+)?(?!\d)")
CLAUSE_RE = re.compile(r"\n+|[;.!?]+(?:\s|$)|,\s+|\s+(?:et|dont|tandis que|alors que|mais)\s+")
NEGATION_RE = re.compile(r"\b(?:ne|n'|n’|pas|jamais|aucun|aucune|non|sans|not|no|never|none)\b", re.IGNORECASE)
PROPER_RE = re.compile(r"(?<![\w'’])([A-ZÀ-Ý][\wà-ÿ'’-]*(?:\s+(?:de|du|des|d'|d’|la|le|l'|l’|en|à|sur)?\s*[A-ZÀ-Ý][\wà-ÿ'’-]*)*)")
NUMBER_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "million": 10**6,
    "millions": 10**6, "milliard": 10**9, "milliards": 10**9, "moitié": None, "tiers": None, "quart": None,
    "quarts": None, "dizaine": None, "dizaines": None, "vingtaine": None, "trentaine": None, "quarantaine": None,
    "cinquantaine": None, "centaine": None, "centaines": None, "millier": None, "milliers": None,
    "two": 2, "three": 3, "four": 4, "five": 5, "six ": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twenty": 20, "thirty": 30, "hundred": 100, "thousand": 1000, "half": None, "third": None, "quarter": None,
    "dozen": None, "dozens": None,
}
# Words that start sentences or name the kinds of things any answer talks about: capitalised,
# they are not proper nouns of a passage.
COMMON_CAPITALISED = {"d'après", "selon", "le", "la", "les", "l'", "un", "une", "des", "il", "elle", "ils", "elles",
                      "ce", "cette", "ces", "en", "au", "aux", "à", "a", "sur", "pour", "par", "dans", "on", "according",
                      "the", "in", "it", "this", "these", "there", "its", "of", "and", "as", "at", "for", "by", "to"}
DEFAULT_COVERAGE = 0.65  # fitted on the dev split of tests/eval/claims.jsonl (see tests/test_claims.py)


def fold(text: str) -> str:
    text = text.lower().replace("’", "'").replace("œ", "oe").replace("\u202f", " ").replace("\u00a0", " ")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _digits(text: str) -> str:
    return re.sub(r"[\s\u202f\u00a0.]", "", text).replace(",", ".")


@dataclass
class ClaimCheck:
    ok: bool
    reason: str
    coverage: float


def _clauses(text: str) -> list[str]:
    return [c for c in CLAUSE_RE.split(text) if c and c.strip()]


def _content(text: str) -> set[str]:
    return {t for t in tokenize_fr(MARKER_RE.sub(" ", text)) if len(t) > 1 and not t.isdigit()}


def _numbers(text: str) -> list[tuple[str, int, int]]:
    text = MARKER_RE.sub(lambda m: " " * len(m.group(0)), text)
    dates = [(d.start, d.end) for d in find_dates(text)]
    out = []
    for m in DIGITS_RE.finditer(text):
        if any(s <= m.start() < e for s, e in dates):
            continue
        out.append((m.group(0), m.start(), m.end()))
    return out


def _number_forms(text: str) -> set[str]:
    """Every way the numbers of a text may be read: grouped thousands (« 38 412 ») and each run of
    digits alone (a table row « 27 224 » is two numbers), decimal commas as points, and English
    thousands commas (« 20,940 ») removed."""
    forms: set[str] = set()
    for written, _, _ in _numbers(text):
        forms.add(_digits(written))
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written):
            forms.add(written.replace(",", ""))
    for run in re.findall(r"\d+(?:[.,]\d+)?", MARKER_RE.sub(" ", text)):
        forms.add(run.replace(",", "."))
    return forms


def check_claim(sentence: str, passages: list[str], coverage_threshold: float = DEFAULT_COVERAGE) -> ClaimCheck:
    """Is ``sentence`` supported by ``passages`` (the texts of the passages it cites)?"""
    if not passages:
        return ClaimCheck(False, "aucune source citée", 0.0)
    pool = "\n".join(passages)
    fpool = fold(pool)
    pool_digits = _number_forms(pool)
    clauses = [c for p in passages for c in _clauses(p)]
    body = MARKER_RE.sub(" ", sentence)

    for written, start, end in _numbers(body):
        forms = {_digits(written)} | ({written.replace(",", "")} if re.fullmatch(r"\d{1,3}(?:,\d{3})+", written) else set())
        if not forms & pool_digits:
            return ClaimCheck(False, f"nombre absent des sources : {written}", 0.0)
        # the words around the number must sit around it in the sources, not around another number
        around = _content(_clause_at(body, start))
        if not around:
            continue
        holders, others = [], []
        for clause in clauses:
            numbers = _number_forms(clause)
            if not numbers:
                continue
            (holders if forms & numbers else others).append(len(around & _content(clause)))
        if holders and others and max(others) > max(holders):
            return ClaimCheck(False, f"« {written} » est rattaché dans les sources à autre chose que ce que dit la phrase", 0.0)

    for word in re.findall(r"[a-zà-ÿ]+", body.lower()):
        if word in NUMBER_WORDS and not re.search(rf"(?<!\w){re.escape(fold(word))}(?!\w)", fpool):
            value = NUMBER_WORDS[word]
            if value is None or str(value) not in pool_digits:
                return ClaimCheck(False, f"nombre en lettres absent des sources : {word}", 0.0)

    pool_dates = {(d.iso or fold(d.written)) for d in find_dates(pool)}
    pool_years = set(re.findall(r"(?:19|20)\d\d", pool))
    for found in find_dates(body):
        key = found.iso or fold(found.written)
        if key not in pool_dates and not (found.precision == "month" and found.written[-4:] in pool_years
                                           and fold(found.written.split()[0]) in fpool):
            return ClaimCheck(False, f"date absente des sources : {found.written}", 0.0)

    for name in _proper_nouns(body):
        if fold(name) in fpool:
            continue
        for word in re.findall(r"[\wà-ÿ'’-]+", name):
            bare = re.sub(r"^(?:l|d|L|D)['’]", "", word)
            if not bare or not bare[0].isupper():
                continue
            if fold(bare) not in fpool and not (bare.isupper() and fold(bare.rstrip("s")) in fpool):
                return ClaimCheck(False, f"nom absent des sources : {name}", 0.0)

    words = _content(body)
    pool_words = _content(pool)
    coverage = len(words & pool_words) / len(words) if words else 1.0
    negated = bool(NEGATION_RE.search(body))
    if words:
        best_clause = max(clauses, key=lambda c: len(words & _content(c)))
        if negated != bool(NEGATION_RE.search(best_clause)) and len(words & _content(best_clause)) >= 3:
            return ClaimCheck(False, "négation contraire à la source", coverage)
    from assistant.answers.question import detect_language

    if detect_language(body) == "en":
        return ClaimCheck(True, "", coverage)  # the French sources' words cannot cover an English sentence
    if coverage < coverage_threshold:
        return ClaimCheck(False, f"mots de la phrase absents des sources (couverture {coverage:.0%})", coverage)
    return ClaimCheck(True, "", coverage)


def _clause_at(text: str, at: int) -> str:
    start = 0
    for clause in _clauses(text):
        pos = text.find(clause, start)
        if pos <= at <= pos + len(clause):
            return clause
        start = max(start, pos)
    return text


def _proper_nouns(text: str) -> list[str]:
    """Capitalised names and acronyms, except the first word of a sentence or a line."""
    out = []
    for m in PROPER_RE.finditer(text):
        name = m.group(1).strip()
        before = text[: m.start()].rstrip()
        first_word = name.split()[0]
        sentence_start = not before or before[-1] in ".!?:\n«\"(-–—"
        if sentence_start and len(name.split()) == 1 and not first_word.isupper():
            continue
        if fold(first_word) in COMMON_CAPITALISED and len(name.split()) == 1:
            continue
        if sentence_start and fold(first_word) in COMMON_CAPITALISED:
            name = " ".join(name.split()[1:])
            if not name or not name[0].isupper():
                continue
        out.append(name)
    return out


def cited_passages(sentence: str, passages: dict[int, str]) -> tuple[list[int], list[int]]:
    """The [n] a sentence cites, and those that name no given passage."""
    cited = [int(n) for n in MARKER_RE.findall(sentence)]
    return cited, [n for n in cited if n not in passages]
