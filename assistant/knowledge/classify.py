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
No LLM needed. The words and the field's vocabulary are read in ``classify_vocabulary``; the verdict is
explained, in French, in ``classify_explain``."""

from __future__ import annotations

import hashlib
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.answers.model import Source
from assistant.knowledge.classify_explain import axis_reasons, cited_sources, none_reason
from assistant.knowledge.classify_vocabulary import DATA_DIR, Mention, Vocabulary, Words, default_vocabulary
from assistant.knowledge.results import Strategy
from assistant.knowledge.service import KnowledgeService
from assistant.providers.embeddings import embed_query

FEATURES = ("themes", "words", "actions", "similarity", "theme_similarity")
# confidence levels, from the probability of the verdict (axis or none)
LEVELS = ((0.75, "élevée"), (0.5, "moyenne"), (0.0, "faible"))
TITLE_LINK = 0.5
# an objective's code in a register (« 1.2 », « OO 2.3 »): axis, then rank
OBJECTIVE_CODE_RE = re.compile(r"^\s*(?:[A-Za-z]{1,3}\s*)?(\d{1,2})\s*[.\-]\s*(\d{1,2})\s*$")


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


def _coded(objectives: list[Objective], axis: int | None, written: str) -> Objective | None:
    """The objective a register's code names (« 1.2 »: the second objective of axis 1)."""
    code = OBJECTIVE_CODE_RE.match(written)
    if code is None or (axis is not None and int(code.group(1)) != axis):
        return None
    own = [o for o in objectives if o.axis == int(code.group(1))]
    return own[int(code.group(2)) - 1] if 0 < int(code.group(2)) <= len(own) else None


def describe_objectives(strategy: Strategy, register: list, vocabulary: Vocabulary) -> list[Objective]:
    objectives = [Objective(a.number, a.title, text) for a in strategy.axes for text in (a.objectives or [a.title])]
    by_text = {(o.axis, _key(o.text)): o for o in objectives}
    for row in register:
        axis, written = row.data.get("axis"), row.data.get("objective")
        if (axis, _key(written)) in by_text:
            targets = [by_text[(axis, _key(written))]]
        elif written and _coded(objectives, axis, written):
            targets = [_coded(objectives, axis, written)]
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
            reasons = none_reason(scored, ranking)
            return Classification(None, None, None, confidence, ranking, reasons, strategy.sources)
        axis = axes[verdict]
        objective = profile.objectives[best_of_axis[axis.number]]
        reasons, actions = axis_reasons(axis, objective, scored, ranking, profile, self.vocabulary, self.close_margin)
        return Classification(axis.number, axis.title, objective.text if axis.objectives else None, confidence,
                              ranking, reasons, cited_sources(strategy, axis, actions, self.knowledge.catalog))

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


def _unit(vectors: list) -> np.ndarray:
    m = np.asarray(vectors, dtype=np.float64)
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
