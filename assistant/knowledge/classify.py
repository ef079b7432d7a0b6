"""Which strategic axis does an initiative fit? The axes and objectives are read from the structured
store; each objective is described by its wording, its axis's title and the register's actions
filed under it. An initiative is scored against every objective by

- themes: an expression of the initiative and one of the objective's belong to the same group of
  field vocabulary (``assistant/data/classify_vocabulary.toml``), e.g. « magasin de producteurs » and
  « circuits de proximité »;
- shared words with the objective's wording and with its register actions (words, not stems);
- the bundled embedder's similarity to the objective and to its register actions, and to each
  theme's expressions read together (an initiative worded otherwise still reaches its themes).

A fitted linear combination (``assistant/data/classify_model.toml``, written by
``benchmarks/fit_classifier.py`` from the dev split) ranks the axes against a « none » score, raised
when the initiative is a public facility and when it uses no expression of the field's vocabulary
(the similarities alone then rank noise); an axis with more objectives gives back a little of its
best objective's score (the best of more is higher by chance); a softmax over the same scores gives one confidence.
No LLM needed."""

from __future__ import annotations

import hashlib
import math
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.answers.model import Source
from assistant.knowledge.service import KnowledgeService, SourceBook, Strategy
from assistant.providers.embeddings import embed_query
from assistant.providers.lexical import WORD_RE, fold_accents, surface_words

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FEATURES = ("themes", "words", "actions", "similarity", "theme_similarity")
# confidence levels, from the probability of the verdict (axis or none)
LEVELS = ((0.75, "élevée"), (0.5, "moyenne"), (0.0, "faible"))
TITLE_LINK = 0.5
# weight of shared themes and words (idf) for a register action to be quoted as support
ACTION_EVIDENCE = 1.5
ACTION_CLOSENESS = 50.0  # per unit of cosine above the objective's average action


@dataclass
class Classification:
    axis: int | None
    axis_title: str | None
    objective: str | None
    confidence: float
    ranking: list[dict]
    reasons: str
    sources: list[Source] = field(default_factory=list)

    @property
    def confidence_level(self) -> str:
        return next(label for floor, label in LEVELS if self.confidence >= floor)

    def to_dict(self) -> dict:
        """The ``pacte classify --json`` contract."""
        return {
            "axis": self.axis,
            "axis_title": self.axis_title,
            "objective": self.objective,
            "confidence": round(self.confidence, 3),
            "confidence_level": self.confidence_level,
            "ranking": self.ranking,
            "reasons": self.reasons,
            "sources": [s.to_dict() for s in self.sources],
        }


# words and expressions ------------------------------------------------------------------------
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


@lru_cache(maxsize=1)
def default_model() -> dict:
    return tomllib.loads((DATA_DIR / "classify_model.toml").read_text(encoding="utf-8"))


# the objectives, as the documents describe them ------------------------------------------------
@dataclass
class Objective:
    axis: int
    axis_title: str
    text: str  # the objective's wording (the axis title when the axis lists none)
    actions: list = field(default_factory=list)  # register rows (FactRow) filed under it
    words: set[str] = field(default_factory=set)
    themes: dict[str, str] = field(default_factory=dict)  # theme → expression of the objective's wording
    links: dict[str, float] = field(default_factory=dict)  # theme → 1 in the wording, else share of the actions
    vector: np.ndarray | None = None
    action_vectors: np.ndarray | None = None
    action_words: list[set[str]] = field(default_factory=list)


def _key(text: str) -> tuple[str, ...]:
    return tuple(Words.of(text or "").norms)


def describe_objectives(strategy: Strategy, register: list, vocabulary: Vocabulary) -> list[Objective]:
    objectives = [Objective(a.number, a.title, text) for a in strategy.axes for text in (a.objectives or [a.title])]
    by_text = {(o.axis, _key(o.text)): o for o in objectives}
    for row in register:
        axis, written = row.data.get("axis"), row.data.get("objective")
        if (axis, _key(written)) in by_text:
            targets = [by_text[(axis, _key(written))]]
        elif written:
            targets = []  # an objective this strategy does not have: another plan's row
        else:
            targets = [o for o in objectives if o.axis == axis]
        for o in targets:
            o.actions.append(row)
    for o in objectives:
        own, title = Words.of(o.text), Words.of(o.axis_title)
        o.words = own.content_words | title.content_words
        # the axis title speaks for all its objectives, less than their own wording does
        for words, strength in ((own, 1.0), (title, TITLE_LINK)):
            for m in vocabulary.mentions(words):
                if m.theme and m.theme not in o.links:
                    o.themes[m.theme] = m.expression
                    o.links[m.theme] = strength
        shares: dict[str, int] = {}
        for row in o.actions:
            action = Words.of(row.data.get("action") or "")
            o.action_words.append(action.content_words)
            for theme in {m.theme for m in vocabulary.mentions(action) if m.theme}:
                shares[theme] = shares.get(theme, 0) + 1
        for theme, n in shares.items():
            o.links.setdefault(theme, n / len(o.actions))
    return objectives


def _idf(documents: list[set[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for words in documents:
        for w in words:
            df[w] = df.get(w, 0) + 1
    return {w: math.log(1 + len(documents) / c) for w, c in df.items()}


def _overlap(words: set[str], target: set[str], idf: dict[str, float]) -> float:
    """Share of the target's weight that the initiative's words cover (√-damped for long targets)."""
    weight = sum(idf.get(w, 0.0) for w in target)
    return sum(idf.get(w, 0.0) for w in words & target) / math.sqrt(4 * weight) if weight else 0.0


@dataclass
class _Profile:
    """The objectives of the indexed strategy and what is precomputed on them."""

    generation: tuple | None
    objectives: list[Objective]
    word_idf: dict[str, float]
    theme_idf: dict[str, float]
    theme_vectors: dict[str, np.ndarray] = field(default_factory=dict)


def build_profile(strategy: Strategy, register: list, vocabulary: Vocabulary, embedder=None) -> _Profile:
    """The objectives with their vocabulary, word weights and (with an embedder) vectors."""
    objectives = describe_objectives(strategy, register, vocabulary)
    if embedder is not None:
        for o in objectives:
            # the labels are short, like queries; an initiative is embedded as a passage
            o.vector = _unit([embed_query(embedder, o.text)])[0]
            if o.actions:
                o.action_vectors = _unit([embed_query(embedder, r.data.get("action") or "") for r in o.actions])
    word_idf = _idf([o.words for o in objectives] + [w for o in objectives for w in o.action_words])
    # a theme linked to every objective tells them apart less (links from actions count their share)
    df: dict[str, float] = {}
    for o in objectives:
        for t, strength in o.links.items():
            df[t] = df.get(t, 0.0) + strength
    theme_idf = {t: math.log(1 + len(objectives) / max(d, 0.5)) for t, d in df.items()}
    theme_vectors = theme_embeddings(vocabulary, embedder) if embedder is not None else {}
    return _Profile(None, objectives, word_idf, theme_idf, theme_vectors)


def embedder_name(embedder) -> str:
    return f"{type(embedder).__name__}:{getattr(embedder, 'model_name', '')}"


def theme_texts(vocabulary: Vocabulary) -> dict[str, str]:
    """A theme's expressions read together: an initiative may say the same in other words."""
    return {name: ", ".join(items) for name, items in vocabulary.written.items()}


def theme_embeddings(vocabulary: Vocabulary, embedder) -> dict[str, np.ndarray]:
    """The themes' vectors: stored beside the vocabulary for the bundled embedder (a theme's text is
    long, embedding them all takes seconds), computed for another embedder or an edited vocabulary."""
    texts = theme_texts(vocabulary)
    stored = stored_theme_vectors()
    if stored.get("embedder") == embedder_name(embedder) and stored.get("texts") == _digest(texts):
        return {name: np.asarray(stored["vectors"][name]) for name in texts}
    names = list(texts)
    return dict(zip(names, _unit([embed_query(embedder, texts[n]) for n in names])))


def _digest(texts: dict[str, str]) -> str:
    return hashlib.sha256(repr(sorted(texts.items())).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def stored_theme_vectors() -> dict:
    path = DATA_DIR / "classify_theme_vectors.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_theme_vectors(vocabulary: Vocabulary, embedder) -> Path:
    """Store the themes' vectors for this embedder (``benchmarks/fit_classifier.py --write``)."""
    texts = theme_texts(vocabulary)
    vectors = dict(zip(texts, _unit([embed_query(embedder, t) for t in texts.values()])))
    lines = ["# Vecteurs des thèmes de classify_vocabulary.toml pour l'embedder nommé (écrits par",
             "# benchmarks/fit_classifier.py --write ; recalculés à la volée si le vocabulaire change).",
             f'embedder = "{embedder_name(embedder)}"', f'texts = "{_digest(texts)}"', "", "[vectors]"]
    lines += [f"{name} = [{', '.join(f'{x:.6f}' for x in v)}]" for name, v in vectors.items()]
    path = DATA_DIR / "classify_theme_vectors.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@dataclass
class Scored:
    """One initiative against every objective: the features (rows: objectives, columns: FEATURES)."""

    words: Words
    mentions: list[Mention]
    blocked: list[str]
    features: np.ndarray
    vector: np.ndarray | None = None  # the initiative's embedding, when there is an embedder


def breadth_penalty(breadth: float, objectives: int) -> float:
    """An axis scores as its best objective; the best of more objectives is higher by chance alone,
    so an axis with n objectives gives back breadth × log(n) (fitted on the dev split)."""
    return breadth * math.log(max(objectives, 1))


def none_logit(none_score: float, public_facility: float, unfamiliar: float, scored: "Scored") -> float:
    """The « fits no axis » score: a constant, raised for a public facility and for an initiative
    that says nothing in the field's vocabulary."""
    return none_score + public_facility * bool(scored.blocked) + unfamiliar * (not scored.mentions)


class InitiativeClassifier:
    def __init__(self, knowledge: KnowledgeService, retriever=None,
                 vocabulary: Vocabulary | None = None, model: dict | None = None):
        self.knowledge = knowledge
        self.embedder = getattr(retriever, "embedder", None)
        self.vocabulary = vocabulary or default_vocabulary()
        model = model or default_model()
        self.weights = np.array([float(model["weights"][f]) for f in FEATURES])
        self.none_score = float(model["none_score"])
        self.public_facility = float(model["public_facility"])
        self.unfamiliar = float(model.get("unfamiliar", 0.0))
        self.breadth = float(model.get("breadth", 0.0))
        self.temperature = float(model["temperature"])
        self.close_margin = float(model.get("close_margin", 0.15))
        self._profile: _Profile | None = None

    def classify(self, text: str) -> Classification:
        strategy = self.knowledge.strategy_axes()
        if not strategy.axes:
            return Classification(None, None, None, 0.0, [], "Aucun axe stratégique n'a été trouvé dans les documents indexés.")
        profile = self.profile(strategy)
        scored = self.score(text, profile)
        objective_scores = scored.features @ self.weights
        best_of_axis: dict[int, int] = {}
        for k, o in enumerate(profile.objectives):
            if o.axis not in best_of_axis or objective_scores[k] > objective_scores[best_of_axis[o.axis]]:
                best_of_axis[o.axis] = k
        axes = [a for a in strategy.axes if a.number in best_of_axis]
        breadth = {a.number: sum(1 for o in profile.objectives if o.axis == a.number) for a in axes}
        logits = np.array([objective_scores[best_of_axis[a.number]] - breadth_penalty(self.breadth, breadth[a.number])
                           for a in axes]
                          + [none_logit(self.none_score, self.public_facility, self.unfamiliar, scored)])
        probs = np.exp((logits - logits.max()) / self.temperature)
        probs /= probs.sum()
        ranking = sorted(({"axis": a.number, "title": a.title, "score": round(float(p), 3)} for a, p in zip(axes, probs)),
                         key=lambda r: r["score"], reverse=True)
        verdict = int(np.argmax(probs))
        confidence = float(probs[verdict])
        if verdict == len(axes):
            reasons = self._none_reason(scored, ranking)
            return Classification(None, None, None, confidence, ranking, reasons, strategy.sources)
        axis = axes[verdict]
        objective = profile.objectives[best_of_axis[axis.number]]
        reasons, actions = self._reasons(axis, objective, scored, ranking, profile)
        return Classification(axis.number, axis.title, objective.text if axis.objectives else None, confidence,
                              ranking, reasons, self._sources(strategy, axis, actions))

    # features -------------------------------------------------------------------------------
    def profile(self, strategy: Strategy) -> _Profile:
        """The objectives as the documents describe them, recomputed when the catalog changes."""
        catalog = self.knowledge.catalog
        # a correction may change the strategy without a new ingestion
        generation = (catalog.generation(), repr(strategy.to_dict()["axes"]))
        if self._profile is not None and self._profile.generation == generation:
            return self._profile
        self._profile = build_profile(strategy, catalog.facts("register_action"), self.vocabulary, self.embedder)
        self._profile.generation = generation
        return self._profile

    def score(self, text: str, profile: _Profile) -> Scored:
        words = Words.of(text)
        found = self.vocabulary.mentions(words)
        blocked = [m.expression for m in found if m.theme == ""]
        mentions = [m for m in found if m.theme]
        counts: dict[str, int] = {}
        for m in mentions:
            counts[m.theme] = counts.get(m.theme, 0) + 1
        own = words.content_words
        features = np.zeros((len(profile.objectives), len(FEATURES)))
        for k, o in enumerate(profile.objectives):
            features[k, 0] = sum(profile.theme_idf[t] * o.links[t] * (1 + math.log(c))
                                 for t, c in counts.items() if t in o.links)
            features[k, 1] = _overlap(own, o.words, profile.word_idf)
            features[k, 2] = max((_overlap(own, a, profile.word_idf) for a in o.action_words), default=0.0)
        if self.embedder is not None and profile.objectives[0].vector is not None:
            vector = _unit([self.embedder.get_text_embedding(text)])[0]
            features[:, 3] = self._similarity(vector, profile.objectives)
            features[:, 4] = self._theme_similarity(vector, profile)
            return Scored(words, mentions, blocked, features, vector)
        return Scored(words, mentions, blocked, features)

    @staticmethod
    def _theme_similarity(vector: np.ndarray, profile: _Profile) -> np.ndarray:
        """The themes the initiative is closer to than to the average theme, linked like written ones."""
        if not profile.theme_vectors:
            return np.zeros(len(profile.objectives))
        names = list(profile.theme_vectors)
        sims = np.array([float(profile.theme_vectors[n] @ vector) for n in names])
        closer = dict(zip(names, np.maximum(sims - sims.mean(), 0.0)))
        return np.array([sum(profile.theme_idf[t] * strength * closer.get(t, 0.0) for t, strength in o.links.items())
                         for o in profile.objectives])

    @staticmethod
    def _similarity(vector: np.ndarray, objectives: list[Objective]) -> np.ndarray:
        """Cosine to each objective (and to its closest register action), minus the mean over objectives:
        the bundled embedder puts every French text of the field at 0.8-0.9 of every other."""
        to_objective = np.array([float(o.vector @ vector) for o in objectives])
        out = to_objective - to_objective.mean()
        with_actions = [k for k, o in enumerate(objectives) if o.action_vectors is not None]
        if with_actions:
            to_action = np.array([float((objectives[k].action_vectors @ vector).max()) for k in with_actions])
            out[with_actions] += to_action - to_action.mean()
        return out

    # explanations -------------------------------------------------------------------------
    def _reasons(self, axis, objective: Objective, scored: Scored, ranking: list[dict],
                 profile: _Profile) -> tuple[str, list]:
        """Why this axis, in the words of the initiative and of the objective; the register actions used."""
        target = "cet objectif" if axis.objectives else "l'intitulé de l'axe"
        text = f"L'initiative relève de l'axe {axis.number} « {axis.title} »"
        text += f", objectif opérationnel « {objective.text} »." if axis.objectives else "."
        pairs = []
        for m in scored.mentions:
            if m.theme in objective.themes and all(m.expression.lower() != p[0].lower() for p in pairs):
                pairs.append((m.expression, objective.themes[m.theme]))
        if pairs:
            text += " Expressions de l'initiative qui rejoignent " + target + " : " + " ; ".join(
                f"« {mine} » ↔ « {theirs} »" if mine.lower() != theirs.lower() else f"« {mine} »"
                for mine, theirs in pairs[:4]) + "."
        common = self._common_words(scored.words, objective.words, {p[0].lower() for p in pairs})
        if common:
            text += " Mots communs avec " + target + " : " + ", ".join(f"« {w} »" for w in common) + "."
        actions = self._closest_actions(scored, objective, profile)
        if actions:
            label = " Action proche du registre : " if len(actions) == 1 else " Actions proches du registre : "
            text += label + " ; ".join(f"« {r.data.get('action')} »" for r in actions) + "."
        if not (pairs or common or actions):
            text += " Aucune expression commune : le rapprochement tient au sens général de la description, à vérifier."
        second = ranking[1] if len(ranking) > 1 else None
        if second and ranking[0]["score"] - second["score"] < self.close_margin:
            text += f" L'axe {second['axis']} « {second['title']} » est proche : à arbitrer."
        return text, actions

    @staticmethod
    def _common_words(words: Words, target: set[str], already: set[str]) -> list[str]:
        out = []
        for i, norm in enumerate(words.norms):
            written = words.written(i, i + 1)
            if norm in target and len(norm) > 3 and not any(written.lower() in a for a in already) \
                    and written.lower() not in (w.lower() for w in out):
                out.append(written)
        return out[:5]

    def _closest_actions(self, scored: Scored, objective: Objective, profile: _Profile) -> list:
        """The register actions of the objective that share themes or words with the initiative, the
        closest in meaning first; an action sharing nothing is never quoted."""
        own = scored.words.content_words
        themes = {m.theme for m in scored.mentions}
        topical = {w for m in scored.mentions for w in Words.of(m.expression).content_words}
        closeness = np.zeros(len(objective.actions))
        if scored.vector is not None and objective.action_vectors is not None:
            sims = objective.action_vectors @ scored.vector
            closeness = ACTION_CLOSENESS * (sims - sims.mean())
        out = []
        for row, words, close in zip(objective.actions, objective.action_words, closeness):
            action = Words.of(row.data.get("action") or "")
            shared = sum(profile.theme_idf.get(t, 0.0) for t in themes & {m.theme for m in self.vocabulary.mentions(action)})
            # shared words count when the action says the same thing (« sentiers », « légumerie »), not
            # when it merely starts like the initiative (« création », « mise en place »)
            shared += sum(profile.word_idf.get(w, 0.0) for w in own & words if w in topical)
            if shared > 0 and shared + close >= ACTION_EVIDENCE:
                out.append((shared + close, row))
        return [row for _, row in sorted(out, key=lambda x: -x[0])[:2]]

    def _sources(self, strategy: Strategy, axis, actions: list) -> list[Source]:
        cited = [s for s in strategy.sources if s.n == axis.source] or list(strategy.sources)
        book = SourceBook(self.knowledge.catalog)
        for row in actions:
            book.cite(row)
        return [replace(s, n=k) for k, s in enumerate(cited + book.sources, start=1)]

    def _none_reason(self, scored: Scored, ranking: list[dict]) -> str:
        if scored.blocked:
            listed = ", ".join(f"« {b} »" for b in dict.fromkeys(scored.blocked))
            return (f"Cette initiative ne relève d'aucun axe du pacte : elle porte sur {listed}, "
                    "un équipement ou un service public hors du champ du développement économique.")
        if not scored.mentions:
            # the verdict rests on an absence: wording the field's vocabulary does not know may still fit
            text = ("Cette initiative ne relève d'aucun axe du pacte : aucune de ses expressions n'appartient au "
                    "vocabulaire du développement économique que l'outil connaît (à vérifier si elle est formulée "
                    "autrement).")
        else:
            text = ("Cette initiative ne relève d'aucun axe du pacte : ses expressions ne rejoignent nettement "
                    "aucun objectif opérationnel des axes.")
        best = ranking[0] if ranking else None
        if best and best["score"] >= 0.25:
            text += f" L'axe le plus proche serait l'axe {best['axis']} « {best['title']} » : à vérifier."
        return text


def _unit(vectors: list) -> np.ndarray:
    m = np.asarray(vectors, dtype=np.float64)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
