"""Which strategic axis does an initiative fit? Reads the axes and objectives from the structured
store, matches the initiative against their wording (expanded by the field lexicon kept as data)
and adds retrieval evidence from the axis sections of the documents. No LLM needed."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from assistant.answers.model import Source
from assistant.ingest.structure import AXIS_RE
from assistant.knowledge.extract import Lexicon
from assistant.knowledge.service import KnowledgeService, Strategy
from assistant.providers.lexical import surface_words, tokenize_fr
from assistant.retrieval.glossary import contains_sequence

EVIDENCE_WEIGHT = 0.15


@dataclass
class Classification:
    axis: int | None
    axis_title: str | None
    objective: str | None
    confidence: float
    ranking: list[dict]
    reasons: str
    sources: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The ``pacte classify --json`` contract."""
        return {
            "axis": self.axis,
            "axis_title": self.axis_title,
            "objective": self.objective,
            "confidence": round(self.confidence, 3),
            "ranking": self.ranking,
            "reasons": self.reasons,
            "sources": [s.to_dict() for s in self.sources],
        }


@dataclass
class _ObjectiveMatch:
    axis: int
    text: str
    score: float
    matched: list[str]


class InitiativeClassifier:
    def __init__(self, knowledge: KnowledgeService, lexicon: Lexicon, retriever=None):
        self.knowledge = knowledge
        self.lexicon = lexicon
        self.retriever = retriever
        settings = lexicon.classify
        self.synonyms = [(surface_words(k), k, v) for k, v in settings.get("synonyms", {}).items()]
        self.out_of_scope = [(tokenize_fr(t), t) for t in settings.get("out_of_scope", [])]
        self.min_score = float(settings.get("min_score", 0.12))
        self.close_margin = float(settings.get("close_margin", 0.15))

    def classify(self, text: str) -> Classification:
        strategy = self.knowledge.strategy_axes()
        if not strategy.axes:
            return Classification(None, None, None, 0.0, [], "Aucun axe stratégique n'a été trouvé dans les documents indexés.")
        tokens = tokenize_fr(text)
        expanded, via = self._expand(tokens, surface_words(text))
        blocked = [label for seq, label in self.out_of_scope if seq and contains_sequence(tokens, seq)]
        matches = self._match_objectives(strategy, set(expanded), via)
        evidence, hits = self._evidence(text, strategy)

        per_axis: dict[int, float] = {}
        best_objective: dict[int, _ObjectiveMatch] = {}
        for m in matches:
            if m.score > per_axis.get(m.axis, -1):
                per_axis[m.axis], best_objective[m.axis] = m.score, m
        for number in per_axis:
            per_axis[number] += EVIDENCE_WEIGHT * evidence.get(number, 0.0)
            if blocked:
                # a public facility (school, housing, sports hall) is out of the pact's field
                per_axis[number] *= 0.25 if via else 0.0
        ranking = sorted(
            ({"axis": a.number, "title": a.title, "score": round(per_axis.get(a.number, 0.0), 3)} for a in strategy.axes),
            key=lambda r: r["score"], reverse=True,
        )
        best = ranking[0]
        sources = strategy.sources
        if best["score"] < self.min_score:
            reason = self._none_reason(blocked, ranking)
            return Classification(None, None, None, round(1.0 - best["score"], 3), ranking, reason, sources)
        total = sum(r["score"] for r in ranking) or 1.0
        confidence = best["score"] / total
        match = best_objective[best["axis"]]
        reasons = self._reasons(best, match, via, ranking, evidence, hits)
        cited = [s for s in sources if s.excerpt.startswith(f"AXE {best['axis']}") or s.excerpt == match.text]
        return Classification(best["axis"], best["title"], match.text if match.matched else None, confidence,
                              ranking, reasons, cited or sources)

    # scoring ------------------------------------------------------------------------------
    def _expand(self, tokens: list[str], words: list[str]) -> tuple[list[str], dict[str, str]]:
        """Initiative tokens plus the axis wording that the lexicon maps its expressions to.

        Expressions are matched on words (plurals aside), not stems: stems collide across
        meanings (« groupe scolaire » / « groupement », « réservé » / « réservation »)."""
        expanded = list(tokens)
        via: dict[str, str] = {}
        for seq, phrase, target in self.synonyms:
            if seq and contains_sequence(words, seq):
                for t in tokenize_fr(target):
                    if t not in expanded:
                        expanded.append(t)
                    via.setdefault(t, phrase)
        return expanded, via

    def _match_objectives(self, strategy: Strategy, tokens: set[str], via: dict[str, str]) -> list[_ObjectiveMatch]:
        docs = []
        for axis in strategy.axes:
            title = tokenize_fr(axis.title)
            for objective in axis.objectives or [axis.title]:
                docs.append((axis.number, objective, set(title) | set(tokenize_fr(objective))))
        # words found in every objective (« entreprises », « économiques ») tell the axes apart less
        n = len(docs)
        df: dict[str, int] = {}
        for _, _, words in docs:
            for w in words:
                df[w] = df.get(w, 0) + 1
        idf = {w: math.log(1 + n / c) for w, c in df.items()}
        out = []
        for number, objective, words in docs:
            matched = sorted(words & tokens)
            weight = sum(idf[w] for w in words) or 1.0
            score = sum(idf[w] for w in matched) / math.sqrt(weight * 4)
            out.append(_ObjectiveMatch(number, objective, score, matched))
        return out

    def _evidence(self, text: str, strategy: Strategy) -> tuple[dict[int, float], list]:
        """Share of the top passages found for the initiative that sit in each axis's section."""
        if self.retriever is None:
            return {}, []
        hits = self.retriever.retrieve(text, top_k=5)
        counts: dict[int, float] = {}
        used = []
        for rank, hit in enumerate(hits):
            for heading in (hit.chunk.metadata.get("section") or "").split(" > "):
                m = AXIS_RE.match(heading)
                if m and m.group(1).isdigit() and strategy.axis(int(m.group(1))):
                    counts[int(m.group(1))] = counts.get(int(m.group(1)), 0.0) + 1.0 / (rank + 1)
                    used.append(hit)
        return counts, used

    # explanations -------------------------------------------------------------------------
    def _reasons(self, best: dict, match: _ObjectiveMatch, via: dict[str, str], ranking: list[dict],
                 evidence: dict[int, float], hits: list) -> str:
        words = []
        for w in match.matched:
            words.append(f"« {w} » (via « {via[w]} »)" if w in via else f"« {w} »")
        text = f"L'initiative relève de l'axe {best['axis']} « {best['title']} »"
        if match.matched:
            text += f", objectif opérationnel « {match.text} » : termes communs {', '.join(words)}."
        else:
            text += " (rapprochement par les passages des documents)."
        if evidence.get(best["axis"]):
            text += " Les passages les plus proches dans les documents se trouvent dans la section de cet axe."
        second = ranking[1] if len(ranking) > 1 else None
        if second and second["score"] > 0 and best["score"] - second["score"] < self.close_margin:
            text += f" L'axe {second['axis']} « {second['title']} » est proche (score {second['score']} contre {best['score']}) : à arbitrer."
        return text

    def _none_reason(self, blocked: list[str], ranking: list[dict]) -> str:
        if blocked:
            return (f"Cette initiative ne relève d'aucun axe du pacte : elle porte sur {', '.join(f'« {b} »' for b in blocked)}, "
                    "un équipement ou un service public hors du champ du développement économique.")
        return ("Cette initiative ne relève d'aucun axe du pacte : aucun de ses termes ne rejoint les objectifs "
                "opérationnels des axes, et les documents n'en parlent pas dans les sections des axes.")
