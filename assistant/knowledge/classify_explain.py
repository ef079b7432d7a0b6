"""Why the classifier decided as it did, in French for the user: the initiative's expressions that
join the chosen objective's, the words they share, the register actions filed under it that say
the same, a close second axis; or why the initiative fits no axis. And the sources to cite."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from assistant.answers.model import Source
from assistant.knowledge.classify_vocabulary import Vocabulary, Words
from assistant.knowledge.results import SourceBook, Strategy

if TYPE_CHECKING:
    from assistant.knowledge.classify import Objective, Scored, _Profile

# weight of shared themes and words (idf) for a register action to be quoted as support
ACTION_EVIDENCE = 1.5
ACTION_CLOSENESS = 50.0  # per unit of cosine above the objective's average action


def axis_reasons(axis, objective: Objective, scored: Scored, ranking: list[dict], profile: _Profile,
                 vocabulary: Vocabulary, close_margin: float) -> tuple[str, list]:
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
    common = common_words(scored.words, objective.words, {p[0].lower() for p in pairs})
    if common:
        text += " Mots communs avec " + target + " : " + ", ".join(f"« {w} »" for w in common) + "."
    actions = closest_actions(scored, objective, profile, vocabulary)
    if actions:
        label = " Action proche du registre : " if len(actions) == 1 else " Actions proches du registre : "
        text += label + " ; ".join(f"« {r.data.get('action')} »" for r in actions) + "."
    if not (pairs or common or actions):
        text += " Aucune expression commune : le rapprochement tient au sens général de la description, à vérifier."
    second = ranking[1] if len(ranking) > 1 else None
    if second and ranking[0]["score"] - second["score"] < close_margin:
        text += f" L'axe {second['axis']} « {second['title']} » est proche : à arbitrer."
    return text, actions


def common_words(words: Words, target: set[str], already: set[str]) -> list[str]:
    """The initiative's words, as written, that the objective's words share and the quoted expressions
    do not already hold; five at most."""
    out = []
    for i, norm in enumerate(words.norms):
        written = words.written(i, i + 1)
        if norm in target and len(norm) > 3 and not any(written.lower() in a for a in already) \
                and written.lower() not in (w.lower() for w in out):
            out.append(written)
    return out[:5]


def closest_actions(scored: Scored, objective: Objective, profile: _Profile, vocabulary: Vocabulary) -> list:
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
        shared = sum(profile.theme_idf.get(t, 0.0) for t in themes & {m.theme for m in vocabulary.mentions(action)})
        # shared words count when the action says the same thing (« sentiers », « légumerie »), not
        # when it merely starts like the initiative (« création », « mise en place »)
        shared += sum(profile.word_idf.get(w, 0.0) for w in own & words if w in topical)
        if shared > 0 and shared + close >= ACTION_EVIDENCE:
            out.append((shared + close, row))
    return [row for _, row in sorted(out, key=lambda x: -x[0])[:2]]


def cited_sources(strategy: Strategy, axis, actions: list, catalog) -> list[Source]:
    """The strategy's source of the axis, then the register actions quoted, numbered from 1."""
    cited = [s for s in strategy.sources if s.n == axis.source] or list(strategy.sources)
    book = SourceBook(catalog)
    for row in actions:
        book.cite(row)
    return [replace(s, n=k) for k, s in enumerate(cited + book.sources, start=1)]


def none_reason(scored: Scored, ranking: list[dict]) -> str:
    """Why the initiative fits no axis: a public facility, no word of the field, or no objective close enough."""
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
