"""French tokens for search and matching: accent folding, French stop-words, Snowball stems.

Light on purpose: the quick CLI commands tokenise questions, and this module loads neither numpy
nor the BM25 library (the stop-word list is read from bm25s's own module file, not its package).
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Question words and fillers that the classic French list lacks; they carry no topic.
EXTRA_STOPWORDS = {
    "quel", "quelle", "quels", "quelles", "combien", "comment", "quand", "où", "ou", "est", "sont",
    "qui", "que", "quoi", "dont", "leurs", "ce", "cette", "ces", "cet", "les", "des", "du", "de", "la", "le",
    "un", "une", "y", "a", "t", "il", "elle", "ils", "elles", "on", "été", "être", "avoir", "fait",
    "faire", "peut", "peux", "dire", "donner", "donne", "liste", "lister", "indiquer", "sait", "savoir",
    "donnez", "indiquez", "précisez", "rappelez", "citez", "listez", "énumérez", "nommez",
    "what", "which", "who", "when", "how", "many", "much", "the", "of", "is", "are", "was", "were",
    "in", "for", "and", "to", "do", "does", "did", "by", "on", "its", "it", "this", "that", "there",
    # function words (conjunctions, linking adverbs, compound prepositions, fillers) that the classic
    # list lacks: « lors de », « afin de », « chez nous », « déjà », « vraiment » never name a topic
    # (words that may carry what is asked stay: « avant », « depuis », « contre », « encore »)
    "lors", "afin", "auprès", "parmi", "chez", "ainsi", "alors", "donc", "car", "puis", "lorsque",
    "lorsqu", "puisque", "quant", "tant", "cependant", "toutefois", "notamment", "également",
    "vraiment", "déjà", "voici", "voilà", "chaque", "comme", "tout", "toute", "tous", "toutes",
}


def fold_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """A text as words are compared: lower case, « ’ » as « ' », « œ » as « oe », no accents."""
    return fold_accents(text.lower().replace("’", "'").replace("œ", "oe"))


def _french_stopword_list() -> tuple[str, ...]:
    """bm25s's French list, loaded from its module file: importing ``bm25s.stopwords`` would run the
    package's ``__init__``, which imports numpy and scipy."""
    spec = importlib.util.find_spec("bm25s")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        module_spec = importlib.util.spec_from_file_location("_pacte_bm25s_stopwords", f"{folder}/stopwords.py")
        if module_spec is not None and module_spec.loader is not None:
            try:
                module = importlib.util.module_from_spec(module_spec)
                module_spec.loader.exec_module(module)
                return tuple(module.STOPWORDS_FRENCH)
            except (OSError, AttributeError):
                continue
    from bm25s.stopwords import STOPWORDS_FRENCH

    return tuple(STOPWORDS_FRENCH)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(fold_accents(w) for w in set(_french_stopword_list()) | EXTRA_STOPWORDS)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("french")


# Snowball leaves apart a verb and its noun when they are written differently (« produire » /
# « production » / « produit », « ouvrir » / « ouverture », « inscrire » / « inscription »,
# « créer » / « création », « maintenir » / « maintien », « reprendre » / « reprise ») or when the
# word is too short for its suffix to go (« formation » → format, « former » → form): a paraphrase
# turns one into the other. Regular French derivations bring them to one stem: (suffix of the
# stem, replacement, fewest letters kept before the suffix, ending the word must have or "").
DERIVATIONS = (
    ("ertur", "r", 2, ""),  # ouverture, couverture → ouvr (ouvrir, couvrir)
    ("vert", "vr", 2, ""),  # ouvert, couvert, découvert → ouvr, couvr
    ("uction", "u", 3, ""), ("uct", "u", 3, ""), ("uir", "u", 3, ""), ("uit", "u", 3, ""),  # produire, production, produit
    ("cription", "cri", 1, ""), ("cript", "cri", 1, ""), ("crir", "cri", 1, ""), ("crit", "cri", 1, ""),  # inscrire, inscription, inscrit
    ("prendr", "prend", 0, ""), ("pris", "prend", 0, ""), ("pr", "prend", 0, "pris"),  # reprendre, reprise, repris, entreprise
    ("ation", "", 3, "ation"), ("ation", "", 3, "ations"), ("at", "", 3, "ation"), ("at", "", 3, "ations"),  # création → cré, formation → form
    ("atur", "", 3, "ature"), ("atur", "", 3, "atures"),  # signature → sign
    ("ifi", "if", 2, ""),  # diversifier → diversif (diversification)
    ("ien", "en", 3, ""),  # maintien, soutien → mainten, souten (maintenir, soutenir)
    # the noun of who does it, in « -ent » (Snowball cuts « -ant » only): présidente, présidence →
    # présid (présider, « qui préside ? »), résident → résid, adhérent → adhér, référent → référ
    ("ident", "id", 3, ""), ("erent", "er", 3, ""),
    # a doctrine or activity in « -isme » and its « -iste / -istique »: tourisme → tourist (touriste,
    # touristique), where Snowball keeps « -ism » but cuts « -iste »
    ("ism", "ist", 3, ""),
)


def derived_stem(word: str, stem: str) -> str:
    """The stem shared by a word's derivations (see DERIVATIONS); else Snowball's."""
    for suffix, replacement, keep, ending in DERIVATIONS:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= keep and (not ending or word.endswith(ending)):
            return stem[: len(stem) - len(suffix)] + replacement
    return stem


def tokenize_fr(text: str, keep_stopwords: bool = False) -> list[str]:
    """Lower-case, drop stop-words, stem (French Snowball) and fold accents."""
    return [stem for _, stem in stemmed_words(text, keep_stopwords)]


# « n° 2023-041 »: the abbreviation before a number is the word « numéro » (« quel numéro ? »); a
# table's « N° » column heading stays as it is
NUMBER_SIGN_RE = re.compile(r"(?<![^\W\d_])n\s?[°º]\s*(?=\d)", re.IGNORECASE)


def _words(text: str) -> list[str]:
    text = NUMBER_SIGN_RE.sub("numéro ", text.lower().replace("œ", "oe").replace("æ", "ae"))
    return WORD_RE.findall(text)


def stemmed_words(text: str, keep_stopwords: bool = False) -> list[tuple[str, str]]:
    """Each kept word, accent-folded, with its stem (the tokens of ``tokenize_fr``)."""
    words = _words(text)
    stop = stopwords()
    kept = words if keep_stopwords else [w for w in words if fold_accents(w) not in stop]
    folded = [fold_accents(w) for w in kept]
    # Snowball reads « commissions », « transmissions » as a verb's « -issions » (→ comm, transm,
    # while the singular gives commiss, transmiss): a plural in « -ssions » is stemmed as its singular
    singular = [w[:-1] if w.endswith("ssions") else w for w in kept]
    return [(w, derived_stem(w, fold_accents(s))) for w, s in zip(folded, _stemmer().stemWords(singular))]


def surface_words(text: str) -> list[str]:
    """Lower-case, accent-folded words without stop-words, singular (« locaux » → « local »)."""
    out = []
    for word in _words(text):
        word = fold_accents(word)
        if word in stopwords():
            continue
        if word.endswith("aux") and len(word) > 4:
            word = word[:-3] + "al"
        elif word.endswith(("s", "x")) and len(word) > 3:
            word = word[:-1]
        out.append(word)
    return out
