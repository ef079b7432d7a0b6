"""Which documents a question names, from the documents' cards (``document_cards``).

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
from dataclasses import dataclass

from assistant.retrieval.document_cards import DocumentCards, Territory
from assistant.retrieval.document_vocabulary import (ACRONYM_RE, SMALL_WORDS, DocumentVocabulary, Level, has_phrase,
                                                     loose, normalise)
from assistant.text.tokens import tokenize_fr

# a kind word after these is asked for (« quel schéma ») or indefinite (« une étude »), not a document named
ASKED_OR_ANY = {"quel", "quelle", "quels", "quelles", "lequel", "laquelle", "which", "what", "un", "une", "a", "an",
                "des", "aucun", "aucune", "any"}
POSSESSIVES = {"notre", "nos", "votre", "vos", "leur", "leurs", "ce", "cet", "cette", "ces", "our", "their", "this"}
# a capitalised word, also after an elided article (« le club de l'Ornelle », « la vallée d'Aspe »)
QUESTION_NAME_RE = re.compile(r"(?:(?<=\b[lLdD]')|(?<![\w'-]))([A-ZÀ-ÝŒ][\wÀ-ÿŒœ-]{2,})")
# a name goes on in small words (« Causses en assiette », « Maison de l'économie »)
NAME_TAIL_RE = re.compile(r"(?:\s+(?:en|de|du|des|la|le|les|et|à|au|aux|sur)\s+|\s+(?:d|l)['’])(?:l['’])?([\wÀ-ÿ-]{3,})")


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
    home: bool = False  # the question speaks of the home territory itself (« le PETR », « notre pacte »)
    also_home: bool = False  # it speaks of the home territory, whatever else it names (« notre pacte, comparé au Saulnois »)
    # stems a passage must hold to answer (a widened scope: the words that named the documents)
    required: frozenset[str] = frozenset()

    def allows(self, doc_id: str) -> bool:
        if self.named:
            return doc_id in self.named
        return doc_id not in self.excluded

    @property
    def restricts(self) -> bool:
        return bool(self.named or self.excluded)


EVERYTHING = Scope()


class DocumentMatcher(DocumentCards):
    """Question scopes, from the cards of the indexed documents (rebuilt when the catalog changes)."""

    def __init__(self, catalog, territory: str | None = None, aliases: list[str] | None = None,
                 vocabulary: DocumentVocabulary | None = None):
        super().__init__(catalog, territory, aliases, vocabulary)
        self._scopes: dict[str, Scope] = {}  # the last questions' scopes (a question is scoped three times)

    def _cards_changed(self) -> None:
        self._scopes = {}

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
        text = normalise(question)
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
        if not said and not preferred:
            # « le PETR », « l'agglomération voisine » when the users' territory is of another level:
            # the peers of that level (a community's users speak of the PETR next door)
            for docs, phrase in self._peer_levels_named(padded):
                signals.append(docs)
                named_peers |= docs
                said.append(phrase)
                reasons.append(f"échelon « {phrase} »")
        # a proper name or an acronym found only in peers' documents (a place or a body of theirs:
        # « la CC3V »), a name read with the words it goes on with when the documents write it so
        # (« Causses en assiette »)
        for match in QUESTION_NAME_RE.finditer(text):
            is_acronym = ACRONYM_RE.fullmatch(match.group(1)) is not None
            if match.start() == 0 and not is_acronym:  # any first word has a capital
                continue
            name = match.group(1)
            words = loose(name).split()
            holders = set.intersection(*(self._docs_of_word.get(w, set()) for w in words)) if words else set()
            tail = None if is_acronym else NAME_TAIL_RE.match(text, match.end())
            if tail is not None and not holders <= peers:
                longer = text[match.start():tail.end()]
                writing = {d for d, body in self._loose_texts.items() if f" {loose(longer)} " in body}
                if writing:
                    name, words, holders = longer, loose(longer).split(), writing
            if holders and holders <= peers:
                signals.append(holders)
                named_peers |= holders
                said.append(" ".join(words))
                reasons.append(f"nom « {name} »")
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
        return Scope(frozenset(named), frozenset(excluded), frozenset(preferred), tuple(reasons), words, home=bool(own),
                     also_home=bool(own or self._names_own(padded)))

    def widened(self, scope: Scope) -> Scope | None:
        """A named scope opened to the documents that speak *of* the named ones: « quel jour le
        comité a-t-il approuvé l'évaluation ? » names the evaluation, but the délibération that
        approved it holds the day. Only the home territory's other documents (its délibérations, its
        register: those that speak for it) are read, and ``words`` (what named the documents) must
        be in the passage itself; a document of no territory is not (a note saying « affirme que le
        budget du POCE est de 9 millions » is no source on the POCE). None when the scope names no
        document, or names a peer's (a question on another territory's pact is answered from its
        documents or declined, never from ours)."""
        others = self._home_docs - scope.named
        if not scope.named or scope.named & self._peers or not scope.words or not others:
            return None
        return Scope(named=frozenset(others), reasons=scope.reasons, home=scope.home, also_home=scope.also_home,
                     required=scope.words)

    def _peer_levels_named(self, padded: str) -> list[tuple[set[str], str]]:
        """Level words the question writes after a definite article (« le PETR », « de
        l'agglomération »), for the levels other than the home territory's that peers have."""
        home_level = self.home.level if self.home is not None else None
        if home_level is None:
            return []  # a home of unknown level: « le PETR » may be ours
        determiners = "|".join(re.escape(w) for w in [*self.vocabulary.definite, "la", "l", "de la", "de l"])
        out = []
        for level in self.vocabulary.levels:
            if level.name == home_level:
                continue
            docs = {d for d in self._peers if self.cards[d].territory.level == level.name}
            if not docs:
                continue
            for word in level.words:
                form = loose(word)
                if re.search(rf" (?:{determiners}) {re.escape(form)} ", padded):
                    out.append((docs, form))
                    break
        return out

    def _words_of_levels(self, home: bool) -> set[str]:
        """The level words (« petr », « cc ») of the home territory's level, or of the other levels."""
        home_level = self.home.level if self.home is not None else None
        if home_level is None:
            return set()
        return {loose(w) for lv in self.vocabulary.levels if (lv.name == home_level) == home for w in lv.words}

    def _names_own(self, padded: str) -> list[str]:
        """The phrases that can only mean the home territory: its name, « notre … »."""
        if not self._home_docs:
            return []
        said = [k for k in self.home_keys if has_phrase(padded, k)]
        for word in self.vocabulary.possessives:
            match = re.search(rf" {re.escape(word)} ([a-z0-9]+) ", padded)
            if match:
                said.append(match.group(1))
        return said

    def _speaks_of_own(self, padded: str) -> list[str]:
        """The phrases by which the question speaks of the home territory: its name, « notre … »,
        or « le pacte » / « le territoire » / « le » + an acronym that the home documents share with
        others (« le POCE »). Empty when it does not."""
        if not self._home_docs:
            return []
        said = self._names_own(padded)
        # « le PETR » is ours when we are a PETR, not when we are a community beside one
        shared = sorted((self._shared | self._words_of_levels(home=True)) - self._words_of_levels(home=False))
        nouns = "|".join(re.escape(w) for w in [*self.vocabulary.subjects, *shared])
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
        padded = f" {loose(normalise(question))} "
        return any(has_phrase(padded, w) for w in self.vocabulary.current)

    def asks_update(self, question: str) -> bool:
        padded = f" {loose(normalise(question))} "
        return any(has_phrase(padded, w) for w in self.vocabulary.updated)

