"""The card of every indexed document, read from its title, its file name and the first lines of its
first page:

- its **kinds** (« registre », « étude », « schéma »…), from the general vocabulary of
  ``assistant/data/documents.toml``;
- the **acronyms** it carries, written (« SRDEII ») or spelt out (« Pacte Offensive Croissance
  Emploi » carries POCE: the expansions are learnt from the corpus, « … (POCE) » or « POCE (…) »);
- its **territory**: a territorial level word followed by a proper name (« PETR du Val d'Ornelle »,
  « Région Grand Est »), or a territory name known from the other documents in its file name.

The home territory is ``corpus/pacte.toml``'s. Without a profile it is inferred: the territory that
the most documents cover (then, on a tie, the one the corpus names most often); a corpus with no
majority has no home. A peer territory's documents (another PETR's pact) are told apart from the
home territory's, a larger territory's and a member community's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.retrieval.document_vocabulary import (ACRONYM_RE, SMALL_WORDS, DocumentVocabulary, default_vocabulary,
                                                     has_phrase, loose, normalise)
from assistant.text.tokens import tokenize_fr

LEAD_LINES = 4  # lines of the first page that title a document (cover lines, headings)
LEAD_LINE_MAX = 110  # a longer line is body text, not a title line
MIN_MENTIONS = 3  # mentions of the home territory that make a document without its own territory one of ours
PAREN_AFTER_RE = re.compile(r"\(\s*([A-Z][A-Z0-9]{2,9})\s*\)")
# a plural determiner before an acronym: « parmi les XYZ de la région », « des XYZ signés », « other XYZs »
PLURAL_ACRONYM_RE = re.compile(r"\b(?i:les|des|aux|ces|plusieurs|autres|certains|tous\s+les|other|several|all)\s+"
                               r"([A-Z][A-Z0-9]{1,9})s?\b")
PAREN_BEFORE_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{2,9})\s*\(([^()\n]{5,160})\)")


def _significant(words: list[str]) -> list[str]:
    return [w for w in words if w not in SMALL_WORDS]


def _initials_match(words: list[str], acronym: str) -> bool:
    significant = _significant(words)
    return len(significant) == len(acronym) and "".join(w[0] for w in significant) == acronym.lower()


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


class DocumentCards:
    """Cards of the indexed documents and the home territory, rebuilt when the catalog changes."""

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
        self._loose_texts: dict[str, str] = {}  # each document's words, loose, padded: to find a phrase
        self._home_docs: set[str] = set()
        self._members: set[str] = set()
        self._document_acronyms: set[str] = set()  # acronyms that stand for a document (« SRDEII »)
        self._peers: set[str] = set()
        self._shared: set[str] = set()  # acronyms the home documents share with others, lower-case

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
        chunked = set(texts)
        for fact in self.catalog.facts("register_action"):  # a register has rows, not text (unless also a table)
            if fact.doc_id not in chunked:
                texts.setdefault(fact.doc_id, []).append(" ; ".join(str(v) for k, v in fact.data.items()
                                                                    if v and k not in ("labels", "cells")))
        documents = {d.doc_id: d for d in self.catalog.documents() if d.status == "indexed"}
        full = {d: normalise(" \n".join(texts.get(d, []))) for d in documents}
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
        self._loose_texts = {doc_id: f" {loose(text)} " for doc_id, text in full.items()}
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
            card.acronyms = set(ACRONYM_RE.findall(normalise(" \n".join([title, *lead])))) & self._acronyms
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
        # a member's document that speaks of us is ours too (minutes headed with the town that
        # hosted the meeting, « au siège de la communauté, à Saint-X »; a member commune's délibération on our pact)
        self._home_docs |= {d for d, c in cards.items() if self._member_speaking_of_home(c)}
        self._peers = {d for d, c in cards.items() if self.is_peer(c)}
        carriers = {a: {d for d, c in cards.items() if a in c.acronyms} for a in self._acronyms}
        self._shared = {a.lower() for a, docs in carriers.items() if len(docs) > 1 and docs & self._home_docs}
        nouns = set(self.vocabulary.document_nouns)
        self._document_acronyms = {a for a, forms in self._expansions.items()
                                   if any(nouns & set(form.split()) for form in forms)}
        self._cards_changed()
        self._generation = generation

    def _cards_changed(self) -> None:
        """The cards were rebuilt: a subclass forgets what it derived from the previous ones."""

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
        """The territory a document covers: named in its title and lead lines, else in its file
        name; the most local one named there (a délibération's heading names its département above
        the community that writes it). A town named beside the home territory is where, not whose
        (« siège de la communauté, Saint-X »; « la commune de Saint-X accueille son siège »): the
        document is the home territory's."""
        keys = sorted(self._known_keys(), key=len, reverse=True)
        for text in ("\n".join([title, *lead]), stem):
            found = self._mentions(normalise(text))
            padded = f" {loose(text)} "
            if found:
                local = min(found, key=lambda t: t.rank if t.rank is not None else len(self.vocabulary.levels))
                if (self.home is not None and self.home.rank is not None and local.rank is not None
                        and local.rank < self.home.rank and any(has_phrase(padded, k) for k in self.home_keys)):
                    return self.home
                return self._territories.get(local.key, local)
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
            found = self._mentions(normalise(name))
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
        """A document of another local territory (a commune, a community, a PETR) that is not one of
        ours: another PETR's or another community's pact speaks for it, not for us. A département
        or a region is around us, never a peer. A smaller territory that our documents name (a
        member community) is ours when its document speaks of us; a neighbour that our documents
        merely mention (« coopérer avec l'agglomération voisine ») is not."""
        if self.home is None or card.territory is None or card.territory.key in self.home_keys:
            return False
        local = self._local_rank()
        if card.territory.rank is not None and card.territory.rank > local:
            return False
        return not self._member_speaking_of_home(card)

    def _member_speaking_of_home(self, card: DocumentCard) -> bool:
        """A document of a smaller territory our documents name (a member community, a town) that
        speaks of us."""
        if self.home is None or card.territory is None or card.territory.key not in self._members:
            return False
        home_rank = self.home.rank if self.home.rank is not None else self._local_rank()
        return (card.territory.rank or 0) < home_rank and card.home_mentions >= MIN_MENTIONS

    def _local_rank(self) -> int:
        ranks = [lv.rank for lv in self.vocabulary.levels if lv.name == "pays"]
        return ranks[0] if ranks else 0

    def names_several(self, question: str) -> bool:
        """The question speaks of several documents of one kind by their acronym (« le meilleur taux
        parmi les XYZ de la région »): the acronyms are the corpus's own, whose expansion names a
        kind of document (« Pacte … », « Schéma … »)."""
        self.refresh()
        return any(m.group(1) in self._document_acronyms for m in PLURAL_ACRONYM_RE.finditer(question))

    def registers(self) -> set[str]:
        self.refresh()
        return {d for d, c in self.cards.items() if c.register}


def _lead_lines(text: str) -> list[str]:
    """The title lines that open a document's first page (cover lines, headings)."""
    out = []
    for line in normalise(text).splitlines():
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

