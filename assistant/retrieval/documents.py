"""Which documents a question names, and which territory is the users' own.

Every indexed document gets a card read from its title, its file name and the first lines of its
first page:

- its **kinds** (« registre », « étude », « schéma »…), from the general vocabulary of
  ``assistant/data/documents.toml``;
- the **acronyms** it carries, written (« SRDEII ») or spelt out (« Pacte Offensive Croissance
  Emploi » carries POCE: the expansions are learnt from the corpus, « … (POCE) » or « POCE (…) »);
- its **territory**: a territorial level word followed by a proper name (« PETR du Val d'Ornelle »,
  « Région Grand Est »), or a territory name known from the other documents in its file name.

A question's ``Scope`` follows from the cards:

- **named** documents are the only ones answered from. A question names a document by its kind
  (« selon le registre », « d'après l'étude »), by an acronym that a single document carries
  (« le SRADDET », « le CRTE »), by the name of a peer territory (« le pacte du Pays de X »),
  or by a proper name found only in a peer territory's documents. Several signals intersect.
- **excluded** documents are a peer territory's own (another PETR's pact) that the question does not
  name: « le pacte », « notre pacte », or no document named at all, mean the home territory's, and
  another territory's figures are never an answer to them.
- **preferred** documents come first among near-equals: the home territory's, or those of a larger
  territory that the question names or qualifies (« la Région », « régional », « Grand Est »).

The home territory is ``corpus/pacte.toml``'s. Without a profile it is inferred: the territory that
the most documents cover (then, on a tie, the one the corpus names most often); a corpus with no
majority has no home, and nothing is excluded.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.text.tokens import fold_accents, tokenize_fr

DATA_FILE = Path(__file__).resolve().parents[1] / "data" / "documents.toml"
LEAD_LINES = 4  # lines of the first page that title a document (cover lines, headings)
LEAD_LINE_MAX = 110  # a longer line is body text, not a title line
MIN_MENTIONS = 3  # mentions of the home territory that make a document without its own territory one of ours
SMALL_WORDS = {"de", "du", "des", "d", "l", "la", "le", "les", "et", "a", "au", "aux", "en", "pour", "sur", "dans", "of", "the", "and"}
PARTICLE = r"(?i:de\s+la|de\s+l'|à\s+l'|à\s+la|des|du|de|d'|l'|en|sur|sous|lès|les|aux)"
# a kind word after these is asked for (« quel schéma ») or indefinite (« une étude »), not a document named
ASKED_OR_ANY = {"quel", "quelle", "quels", "quelles", "lequel", "laquelle", "which", "what", "un", "une", "a", "an",
                "des", "aucun", "aucune", "any"}
POSSESSIVES = {"notre", "nos", "votre", "vos", "leur", "leurs", "ce", "cet", "cette", "ces", "our", "their", "this"}
CAP_WORD = r"[A-ZÀ-ÝŒ][\wÀ-ÿŒœ'-]*"
ACRONYM_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{2,9})(?![\w-])")
QUESTION_NAME_RE = re.compile(r"(?<![\w'-])([A-ZÀ-ÝŒ][\wÀ-ÿŒœ-]{2,})")
PAREN_AFTER_RE = re.compile(r"\(\s*([A-Z][A-Z0-9]{2,9})\s*\)")
PAREN_BEFORE_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{2,9})\s*\(([^()\n]{5,160})\)")


def loose(text: str) -> str:
    """Lower-case, accent-folded words separated by single spaces (« Val d'Ornelle » → « val d ornelle »)."""
    text = fold_accents(text.lower().replace("œ", "oe").replace("æ", "ae"))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def has_phrase(padded: str, phrase: str) -> bool:
    """``padded`` is `` loose(text) `` with a space at each end; ``phrase`` is loose."""
    return bool(phrase) and f" {phrase} " in padded


def _significant(words: list[str]) -> list[str]:
    return [w for w in words if w not in SMALL_WORDS]


def _initials_match(words: list[str], acronym: str) -> bool:
    significant = _significant(words)
    return len(significant) == len(acronym) and "".join(w[0] for w in significant) == acronym.lower()


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
        name = rf"(?:{PARTICLE}[^\S\n]*)?{CAP_WORD}(?:[^\S\n]+(?:{PARTICLE}[^\S\n]*)?{CAP_WORD})*"
        return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})[^\S\n]+(?P<name>{name})")

    def level_of_group(self, group: str) -> Level:
        return self.levels[int(group[1:].split("_")[0])]


@lru_cache(maxsize=1)
def default_vocabulary() -> DocumentVocabulary:
    return DocumentVocabulary.load()


# territories and cards -------------------------------------------------------------------------
@dataclass(frozen=True)
class Territory:
    name: str  # as first written
    key: str  # loose, without its leading article
    level: str | None = None
    rank: int | None = None


def territory_key(name: str) -> str:
    words = loose(name).split()
    while words and words[0] in SMALL_WORDS:
        words = words[1:]
    return " ".join(words)


@dataclass
class DocumentCard:
    doc_id: str
    file: str
    title: str
    heading: str  # loose title, file name and lead lines, padded with spaces
    kinds: dict[str, int] = field(default_factory=dict)  # kind → 2 (title or file name) or 1 (lead lines)
    acronyms: set[str] = field(default_factory=set)
    territory: Territory | None = None
    home_mentions: int = 0
    register: bool = False
    stems: set[str] = field(default_factory=set)  # stems of the heading


@dataclass
class Scope:
    """The documents a question may be answered from."""

    named: frozenset[str] = frozenset()
    excluded: frozenset[str] = frozenset()
    preferred: frozenset[str] = frozenset()
    reasons: tuple[str, ...] = ()
    # stems of the question words that chose the documents (« Haut Plateau », « schéma régional »,
    # « notre pacte »): the documents answer for them, a quoted passage need not repeat them
    words: frozenset[str] = frozenset()

    def allows(self, doc_id: str) -> bool:
        if self.named:
            return doc_id in self.named
        return doc_id not in self.excluded

    @property
    def restricts(self) -> bool:
        return bool(self.named or self.excluded)


EVERYTHING = Scope()


class DocumentMatcher:
    """Cards of the indexed documents (rebuilt when the catalog changes) and question scopes."""

    def __init__(self, catalog, territory: str | None = None, aliases: list[str] | None = None,
                 vocabulary: DocumentVocabulary | None = None):
        self.catalog = catalog
        self.vocabulary = vocabulary or default_vocabulary()
        self._mention_re = self.vocabulary.mention_re
        self._level_words = {loose(w) for lv in self.vocabulary.levels for w in [*lv.words, *lv.adjectives]}
        self._profile = (territory, [a for a in (aliases or []) if a])
        self._generation: str | None = None
        self.cards: dict[str, DocumentCard] = {}
        self.home: Territory | None = None
        self.home_keys: set[str] = set()
        self.home_inferred = False
        self._territories: dict[str, Territory] = {}  # key → territory, from every mention
        self._expansions: dict[str, set[str]] = {}  # acronym → loose expansions
        self._acronyms: set[str] = set()
        self._docs_of_word: dict[str, set[str]] = {}
        self._home_docs: set[str] = set()
        self._members: set[str] = set()
        self._document_acronyms: set[str] = set()  # acronyms that stand for a document (« SRDEII »)
        self._peers: set[str] = set()
        self._shared: set[str] = set()  # acronyms the home documents share with others, lower-case
        self._scopes: dict[str, Scope] = {}  # the last questions' scopes (a question is scoped three times)

    # cards ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        generation = self.catalog.generation()
        if generation == self._generation:
            return
        texts: dict[str, list[str]] = {}
        first_page: dict[str, list[str]] = {}
        for chunk in self.catalog.iter_chunks():
            texts.setdefault(chunk.doc_id, []).append(chunk.text)
            if chunk.metadata.get("page") in (1, None) and len(first_page.get(chunk.doc_id, [])) < 3:
                first_page.setdefault(chunk.doc_id, []).append(chunk.text)
        registers = {f.doc_id for f in self.catalog.facts("register")}
        for fact in self.catalog.facts("register_action"):  # a register has rows, not text
            texts.setdefault(fact.doc_id, []).append(" ; ".join(str(v) for v in fact.data.values() if v))
        documents = {d.doc_id: d for d in self.catalog.documents() if d.status == "indexed"}
        full = {d: _normalise(" \n".join(texts.get(d, []))) for d in documents}
        # every territory the corpus names, and how often
        self._territories, named = {}, {}
        for text in full.values():
            for territory in self._mentions(text):
                self._territories.setdefault(territory.key, territory)
                named[territory.key] = named.get(territory.key, 0) + 1
        self._expansions = _learn_expansions(full.values())
        # an acronym is written in capitals amid ordinary text somewhere (a cover's capitals are not acronyms)
        self._acronyms = set(self._expansions) | {a for text in full.values() for line in text.splitlines()
                                                  if re.search(r"[a-zà-ÿ]", line) for a in ACRONYM_RE.findall(line)}
        self._docs_of_word = {}
        for doc_id, text in full.items():
            for word in set(loose(text).split()):
                self._docs_of_word.setdefault(word, set()).add(doc_id)
        self._set_profile_home()
        cards = {}
        for doc_id, doc in documents.items():
            title = doc.title or ""
            stem = Path(doc.path).stem
            lead = _lead_lines(" \n".join(first_page.get(doc_id, [])))
            heading = f" {loose(' '.join([title, stem, *lead]))} "
            card = DocumentCard(doc_id, doc.path, title, heading, register=doc_id in registers,
                                stems=set(tokenize_fr(heading)))
            strong, weak = f" {loose(title + ' ' + stem)} ", f" {loose(' '.join(lead))} "
            for kind, phrases in self.vocabulary.kinds.items():
                if any(has_phrase(strong, p) for p in phrases):
                    card.kinds[kind] = 2
                elif any(has_phrase(weak, p) for p in phrases):
                    card.kinds[kind] = 1
            card.acronyms = set(ACRONYM_RE.findall(_normalise(" \n".join([title, *lead])))) & self._acronyms
            card.acronyms |= {a for a in ACRONYM_RE.findall(stem.upper()) if a in self._expansions}
            card.acronyms |= {a for a, forms in self._expansions.items() if any(has_phrase(card.heading, f) for f in forms)}
            card.territory = self._territory_of(title, stem, lead)
            cards[doc_id] = card
        self.cards = cards
        if not self.home_keys:
            self._infer_home(named)
        for doc_id, card in cards.items():
            padded = f" {loose(full[doc_id])} "
            card.home_mentions = sum(padded.count(f" {k} ") for k in self.home_keys)
        self._home_docs = {d for d, c in cards.items() if self.is_home(c)}
        # the territories our own documents name (member communities, towns): ours, not another's
        self._members = {t.key for d in self._home_docs for t in self._mentions(full[d])}
        self._peers = {d for d, c in cards.items() if self.is_peer(c)}
        carriers = {a: {d for d, c in cards.items() if a in c.acronyms} for a in self._acronyms}
        self._shared = {a.lower() for a, docs in carriers.items() if len(docs) > 1 and docs & self._home_docs}
        nouns = set(self.vocabulary.document_nouns)
        self._document_acronyms = {a for a, forms in self._expansions.items()
                                   if any(nouns & set(form.split()) for form in forms)}
        self._scopes = {}
        self._generation = generation

    def _mentions(self, text: str) -> list[Territory]:
        out = []
        for match in self._mention_re.finditer(text):
            group = next(g for g, v in match.groupdict().items() if v and g != "name")
            level = self.vocabulary.level_of_group(group)
            name = re.sub(r"^(?i:de\s+la|de\s+l'|des|du|de|d')\s*", "", match.group("name").strip(" '-"))
            key = self._territory_key(name)
            if key:
                out.append(Territory(name, key, level.name, level.rank))
        return out

    def _territory_key(self, name: str) -> str:
        """A territory's name for comparisons: loose, without a leading article or level word
        (« Pays de la Brezelle » and « la Brezelle » are one territory); a bare level word is no name."""
        words = territory_key(name).split()
        level_words = self._level_words
        for size in (4, 3, 2, 1):
            if len(words) > size and " ".join(words[:size]) in level_words:
                words = territory_key(" ".join(words[size:])).split()
                break
        key = " ".join(words)
        return "" if key in level_words else key

    def _territory_of(self, title: str, stem: str, lead: list[str]) -> Territory | None:
        """The territory a document covers: named in its title, else in its lead lines, else in its file name."""
        keys = sorted(self._known_keys(), key=len, reverse=True)
        for text in (title, "\n".join(lead), stem):
            found = self._mentions(_normalise(text))
            if found:
                return self._territories.get(found[0].key, found[0])
            padded = f" {loose(text)} "
            for key in keys:
                if has_phrase(padded, key):
                    return self._territory(key)
        return None

    def _known_keys(self) -> set[str]:
        return set(self._territories) | self.home_keys

    def _territory(self, key: str) -> Territory:
        if key in self._territories:
            return self._territories[key]
        if self.home is not None and key in self.home_keys:
            return self.home
        return Territory(key, key)

    def _set_profile_home(self) -> None:
        """The home territory of ``corpus/pacte.toml``: its name and aliases, its level as written."""
        territory, aliases = self._profile
        self.home, self.home_keys, self.home_inferred = None, set(), False
        names = [n for n in [territory, *aliases] if n]
        if not names:
            return
        keys, level = set(), None
        for name in names:
            found = self._mentions(_normalise(name))
            keys.add(found[0].key if found else self._territory_key(name))
            level = level or (found[0] if found else None)
        keys.discard("")
        main = level.key if level else self._territory_key(names[0])
        known = level or self._territories.get(main) or next((self._territories[k] for k in keys if k in self._territories), None)
        self.home = Territory(names[0], main, known.level if known else None, known.rank if known else None)
        self.home_keys = keys

    def _infer_home(self, named: dict[str, int]) -> None:
        """No profile: the territory that the most documents cover is the users' own (on a tie,
        the one the corpus names most often; still tied, none)."""
        covered: dict[str, int] = {}
        for card in self.cards.values():
            if card.territory is not None:
                covered[card.territory.key] = covered.get(card.territory.key, 0) + 1
        if not covered:
            return
        ranked = sorted(covered, key=lambda k: (covered[k], named.get(k, 0), k), reverse=True)
        top = ranked[0]
        if len(ranked) > 1 and (covered[top], named.get(top, 0)) == (covered[ranked[1]], named.get(ranked[1], 0)):
            return
        self.home, self.home_keys, self.home_inferred = self._territory(top), {top}, True

    # home ---------------------------------------------------------------------------------
    def is_home(self, card: DocumentCard) -> bool:
        if not self.home_keys:
            return False
        if card.territory is not None:
            return card.territory.key in self.home_keys
        # the action register is kept by the users themselves (assistant/knowledge/register.py)
        return card.register or card.home_mentions >= MIN_MENTIONS

    def home_documents(self) -> set[str]:
        self.refresh()
        return self._home_docs

    def is_peer(self, card: DocumentCard) -> bool:
        """A document of another territory that is not a larger one around ours (a region) nor one
        of ours (a member community named in our documents): another PETR's or another
        community's pact speaks for it, not for us."""
        if self.home is None or card.territory is None or card.territory.key in self.home_keys:
            return False
        home_rank = self.home.rank if self.home.rank is not None else self._local_rank()
        if card.territory.rank is not None and card.territory.rank > home_rank:
            return False
        return card.territory.key not in self._members

    def _local_rank(self) -> int:
        ranks = [lv.rank for lv in self.vocabulary.levels if lv.name == "pays"]
        return ranks[0] if ranks else 0

    # questions ------------------------------------------------------------------------------
    def scope(self, question: str) -> Scope:
        self.refresh()
        if not self.cards:
            return EVERYTHING
        if question not in self._scopes:
            if len(self._scopes) >= 256:
                self._scopes.clear()
            self._scopes[question] = self._scope(question)
        return self._scopes[question]

    def _scope(self, question: str) -> Scope:
        text = _normalise(question)
        padded = f" {loose(text)} "
        reasons: list[str] = []
        said: list[str] = []  # loose phrases of the question that chose documents
        signals: list[set[str]] = []
        peers = self._peers
        named_peers: set[str] = set()
        # a territory named: a peer's names its documents; a larger one is preferred
        preferred: set[str] = set()
        for key in sorted(self._known_keys(), key=len, reverse=True):
            if not has_phrase(padded, key) or key in self.home_keys:
                continue
            docs = {d for d, c in self.cards.items() if c.territory is not None and c.territory.key == key}
            if not docs:
                continue
            if docs <= peers:
                signals.append(docs)
                named_peers |= docs
                said.append(key)
                reasons.append(f"territoire « {self._territories.get(key, Territory(key, key)).name} »")
            else:
                preferred |= docs
        # a proper name found only in peers' documents (a place or a body of theirs)
        for match in QUESTION_NAME_RE.finditer(text):
            if match.start() == 0 or ACRONYM_RE.fullmatch(match.group(1)):
                continue
            words = loose(match.group(1)).split()
            holders = set.intersection(*(self._docs_of_word.get(w, set()) for w in words)) if words else set()
            if holders and holders <= peers:
                signals.append(holders)
                named_peers |= holders
                said.append(" ".join(words))
                reasons.append(f"nom « {match.group(1)} »")
        # an acronym of a document (spelt out with « schéma », « pacte »…) that a single document carries
        for acronym, phrase in self._acronyms_in(text, padded).items():
            carriers = {d for d, c in self.cards.items() if acronym in c.acronyms}
            if len(carriers) == 1 and acronym in self._document_acronyms:
                signals.append(carriers)
                said.append(phrase)
                reasons.append(f"sigle « {acronym} »")
        # a kind of document
        for kind, (docs, phrase) in self._kinds_named(padded).items():
            signals.append(docs)
            said.append(phrase)
            reasons.append(f"genre « {kind} »")
        named: set[str] = set()
        if signals:
            common = set.intersection(*signals)
            named = common or set.union(*signals)
            if not named_peers:
                named -= peers  # « l'évaluation du pacte »: ours, not another territory's
        excluded = set() if named else peers
        own = [] if named else self._speaks_of_own(padded)
        if own:
            # « notre pacte », « le PETR », « le Cœur de Lorraine »: the home territory's documents
            # answer, with those that cover no territory (a register, a table)
            excluded = {d for d, c in self.cards.items() if c.territory is not None and d not in self._home_docs}
            said += own
            reasons.append("territoire du profil")
        if not named:
            said = own
        # the level of a larger territory named without its name (« la Région », « régional »)
        for level in self._levels_named(text, padded):
            if self.home is not None and self.home.rank is not None and level.rank <= self.home.rank:
                continue
            preferred |= {d for d, c in self.cards.items() if c.territory is not None and c.territory.rank == level.rank}
        preferred -= excluded
        if not preferred:
            preferred = self._home_docs - excluded
        words = frozenset(t for phrase in said for t in tokenize_fr(phrase))
        return Scope(frozenset(named), frozenset(excluded), frozenset(preferred), tuple(reasons), words)

    def _speaks_of_own(self, padded: str) -> list[str]:
        """The phrases by which the question speaks of the home territory: its name, « notre … »,
        or « le pacte » / « le territoire » / « le » + an acronym that the home documents share with
        others (« le POCE »). Empty when it does not."""
        if not self._home_docs:
            return []
        said = [k for k in self.home_keys if has_phrase(padded, k)]
        for word in self.vocabulary.possessives:
            match = re.search(rf" {re.escape(word)} ([a-z0-9]+) ", padded)
            if match:
                said.append(match.group(1))
        nouns = "|".join(re.escape(w) for w in [*self.vocabulary.subjects, *sorted(self._shared)])
        determiners = "|".join(re.escape(w) for w in self.vocabulary.definite)
        if nouns and determiners:
            # one word may stand between (« le nouveau pacte »)
            said += [m.group(1) for m in re.finditer(rf"(?<= )(?:{determiners}) (?:[a-z]+ )?({nouns})(?= )", padded)]
        return said

    def _acronyms_in(self, text: str, padded: str) -> dict[str, str]:
        """Acronyms the question names, written or spelt out, each with the words that name it."""
        known = self._acronyms
        found = {a: a.lower() for a in ACRONYM_RE.findall(text) if a in known}
        found.update({a: a.lower() for a in known if len(a) >= 4 and has_phrase(padded, a.lower())})
        for acronym, forms in self._expansions.items():
            for form in forms:
                if has_phrase(padded, form):
                    found.setdefault(acronym, form)
        return found

    def _kinds_named(self, padded: str) -> dict[str, tuple[set[str], str]]:
        """Kinds the question names, each with the documents of that kind (the strongest holders).

        A kind word after an interrogative or an indefinite article (« quel schéma », « une étude »)
        names none. A kind word followed by a complement (« l'étude de la marque ») names a document
        only when the complement's first word is in that document's heading: otherwise it speaks of
        a study, not of the study."""
        out: dict[str, tuple[set[str], str]] = {}
        for kind, phrases in self.vocabulary.kinds.items():
            for phrase in sorted(phrases, key=len, reverse=True):
                at = padded.find(f" {phrase} ")
                if at < 0:
                    continue
                if padded[:at].split()[-1:] and padded[:at].split()[-1] in ASKED_OR_ANY:
                    break  # « quel schéma ? », « un schéma »: the kind is asked for, no document named
                holders = {d: c.kinds[kind] for d, c in self.cards.items() if kind in c.kinds}
                if not holders:
                    continue
                best = max(holders.values())
                docs = {d for d, s in holders.items() if s == best}
                after = padded[at + len(phrase) + 2:].split()
                if after and after[0] in ("de", "du", "des", "d"):
                    words = [w for w in after[1:4] if w not in SMALL_WORDS and w not in POSSESSIVES]
                    if words:
                        docs = {d for d in docs if self._heading_holds(d, words[0])}
                if docs:
                    out[kind] = (docs, phrase)
                break
        return out

    def _heading_holds(self, doc_id: str, word: str) -> bool:
        """A document's heading holds the word: as written, as an acronym it carries, or in its territory's name."""
        card = self.cards[doc_id]
        stem = tokenize_fr(word)
        return bool(stem and stem[0] in card.stems) or word.upper() in card.acronyms or (
            card.territory is not None and word in card.territory.key.split())

    def _levels_named(self, text: str, padded: str) -> list[Level]:
        out = []
        for level in self.vocabulary.levels:
            words = [loose(w) for w in level.words if not w.isupper()] + level.adjectives
            if any(has_phrase(padded, w) for w in words) or any(
                    re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) for w in level.words if w.isupper()):
                out.append(level)
        return out

    def asks_current_state(self, question: str) -> bool:
        padded = f" {loose(_normalise(question))} "
        return any(has_phrase(padded, w) for w in self.vocabulary.current)

    def asks_update(self, question: str) -> bool:
        padded = f" {loose(_normalise(question))} "
        return any(has_phrase(padded, w) for w in self.vocabulary.updated)

    def registers(self) -> set[str]:
        self.refresh()
        return {d for d, c in self.cards.items() if c.register}


def _normalise(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ")


def _lead_lines(text: str) -> list[str]:
    """The title lines that open a document's first page (cover lines, headings)."""
    out = []
    for line in _normalise(text).splitlines():
        line = line.strip(" #*\t")
        if not line:
            continue
        if len(line) > LEAD_LINE_MAX:
            break
        out.append(line)
        if len(out) >= LEAD_LINES:
            break
    return out


def _learn_expansions(texts) -> dict[str, set[str]]:
    """Acronyms spelt out in the corpus: « Expansion (ACR) » or « ACR (Expansion) », where the
    initials of the expansion's significant words spell the acronym."""
    found: dict[str, set[str]] = {}
    for text in texts:
        for match in PAREN_AFTER_RE.finditer(text):
            acronym = match.group(1)
            before = loose(text[max(0, match.start() - 240): match.start()]).split()
            for start in range(len(before) - 1, -1, -1):
                words = before[start:]
                significant = _significant(words)
                if len(significant) > len(acronym):
                    break
                if _initials_match(words, acronym) and words[0] not in SMALL_WORDS:
                    found.setdefault(acronym, set()).add(" ".join(words))
                    break
        for match in PAREN_BEFORE_RE.finditer(text):
            acronym, inside = match.group(1), loose(match.group(2)).split()
            if _initials_match(inside, acronym):
                found.setdefault(acronym, set()).add(" ".join(inside))
    return found

