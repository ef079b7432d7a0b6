"""Fit the initiative classifier's weights on the DEV split and write assistant/data/classify_model.toml
(and, for the embedder in use, the themes' vectors in assistant/data/classify_theme_vectors.toml).

Reads only the items whose ``split`` is ``dev`` (the test items are left to ``pacte eval``). Each
item is scored twice, with the register's actions and without them, so that the weights also hold
for a corpus that has no action register.

    PACTE_CORPUS_DIR=... PACTE_INDEX_DIR=... OMP_NUM_THREADS=1 \\
        python benchmarks/fit_classifier.py tests/eval/realistic/initiatives.jsonl tests/eval/initiatives.jsonl --write
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path

import numpy as np

from assistant.container import Assistant
from assistant.knowledge.classify import DATA_DIR, FEATURES, breadth_penalty, build_profile, write_theme_vectors
from assistant.settings import Settings

GRID = {
    "words": [0.0, 0.5, 1.0, 2.0, 3.0],
    "actions": [0.0, 0.5, 1.0, 2.0, 3.0],
    "similarity": [0.0, 5.0, 10.0, 20.0, 40.0],
    "theme_similarity": [0.0, 5.0, 10.0, 20.0, 40.0, 80.0],
    "breadth": [0.0, 0.5, 1.0, 2.0, 4.0],
    "none_score": list(np.round(np.linspace(0.0, 3.0, 13), 2)),
    "public_facility": [0.0, 1.0, 2.0, 4.0, 8.0],
    "unfamiliar": [0.0, 0.5, 1.0, 2.0, 4.0],
}
TEMPERATURES = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0, 1.5, 2.0]


def dev_items(paths: list[Path]) -> list[dict]:
    items = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                if item.get("split") == "dev":
                    items.append(item)
    return items


def featurise(assistant: Assistant, items: list[dict]):
    """Each item's features against every objective, and what raises its « none » score."""
    classifier = assistant.classifier
    strategy = assistant.knowledge.strategy_axes()
    register = assistant.catalog.facts("register_action")
    profiles = [build_profile(strategy, rows, classifier.vocabulary, classifier.embedder) for rows in (register, [])]
    axes = [a.number for a in strategy.axes]
    features, flags, gold = [], [], []
    for profile in profiles:
        owner = np.array([axes.index(o.axis) for o in profile.objectives])
        for item in items:
            scored = classifier.score(item["text"], profile)
            features.append(scored.features)
            # the terms of none_logit(): a public facility, no expression of the field's vocabulary
            flags.append((float(bool(scored.blocked)), float(not scored.mentions)))
            gold.append(len(axes) if item.get("axis") is None else axes.index(item["axis"]))
    return np.array(features), np.array(flags), np.array(gold), owner, len(axes)


NONE_PARAMS = ("none_score", "public_facility", "unfamiliar")


def axis_logits(features, owner, n_axes, weights, breadth: float = 0.0) -> np.ndarray:
    per_objective = features @ weights  # items × objectives
    out = np.full((len(features), n_axes), -np.inf)
    for k, a in enumerate(owner):
        out[:, a] = np.maximum(out[:, a], per_objective[:, k])
    return out - np.array([breadth_penalty(breadth, int(n)) for n in np.bincount(owner, minlength=n_axes)])


def none_logits(flags, p: dict) -> np.ndarray:
    return p["none_score"] + p["public_facility"] * flags[:, 0] + p["unfamiliar"] * flags[:, 1]


def logits(features, flags, owner, n_axes, p: dict) -> np.ndarray:
    return np.column_stack([axis_logits(features, owner, n_axes, weights_of(p), p["breadth"]), none_logits(flags, p)])


def search(features, flags, gold, owner, n_axes) -> dict:
    """The grid setting with the best accuracy plateau (a setting's accuracy averaged with its neighbours')."""
    names = list(GRID)
    weight_names = [n for n in names if n not in NONE_PARAMS]
    none_combos = list(itertools.product(*(range(len(GRID[n])) for n in NONE_PARAMS)))
    # every « none » setting at once: a matrix of none scores (settings × items)
    none_matrix = np.array([none_logits(flags, {n: GRID[n][i] for n, i in zip(NONE_PARAMS, c)}) for c in none_combos])
    results = {}
    for combo in itertools.product(*(range(len(GRID[n])) for n in weight_names)):
        p = {n: GRID[n][i] for n, i in zip(weight_names, combo)}
        z = axis_logits(features, owner, n_axes, weights_of(p), p["breadth"])
        best, choice = z.max(1), z.argmax(1)
        # argmax over [axes…, none] keeps the first maximum: « none » wins only when strictly above
        right = np.where(none_matrix > best, gold == n_axes, choice == gold).mean(1)
        for c, r in zip(none_combos, right):
            results[combo + c] = float(r)
    order = weight_names + list(NONE_PARAMS)

    def smoothed(combo):
        near = [combo[:d] + (combo[d] + s,) + combo[d + 1:] for d in range(len(combo)) for s in (-1, 1)]
        near = [results[c] for c in near if c in results]
        return results[combo] + 0.5 * (sum(near) / len(near))
    best = max(results, key=smoothed)
    return {n: float(GRID[n][i]) for n, i in zip(order, best)}


def weights_of(p: dict) -> np.ndarray:
    return np.array([1.0 if f == "themes" else p[f] for f in FEATURES])


def held_out_logits(features, flags, gold, owner, n_axes, n_items: int, folds: int = 6) -> np.ndarray:
    """Each item's scores from the setting fitted on the other folds: what the temperature is fitted on
    (on the items it was fitted on, the dev split is separated and any temperature looks too high)."""
    fold = np.tile(np.arange(n_items) % folds, len(features) // n_items)
    out = np.zeros((len(features), n_axes + 1))
    for f in range(folds):
        train, test = fold != f, fold == f
        p = search(features[train], flags[train], gold[train], owner, n_axes)
        out[test] = logits(features[test], flags[test], owner, n_axes, p)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("initiatives", nargs="+", type=Path)
    parser.add_argument("--write", action="store_true", help="write assistant/data/classify_model.toml")
    args = parser.parse_args()
    items = dev_items(args.initiatives)
    assistant = Assistant(Settings())
    assistant.prepare()
    if args.write:
        classifier = assistant.classifier
        print(f"theme vectors: {write_theme_vectors(classifier.vocabulary, classifier.embedder)}")
    features, flags, gold, owner, n_axes = featurise(assistant, items)
    p = search(features, flags, gold, owner, n_axes)
    z = logits(features, flags, owner, n_axes, p)
    held = held_out_logits(features, flags, gold, owner, n_axes, len(items))

    def nll(t):
        s = held / t
        s = s - s.max(1, keepdims=True)
        return float(-np.mean(s[np.arange(len(gold)), gold] - np.log(np.exp(s).sum(1))))
    temperature = min(TEMPERATURES, key=nll)
    half = len(items)
    hits, cv = z.argmax(1) == gold, held.argmax(1) == gold
    print(f"dev items: {len(items)}; accuracy with the register {hits[:half].mean():.3f}, without {hits[half:].mean():.3f}; "
          f"cross-validated {cv[:half].mean():.3f} / {cv[half:].mean():.3f}; temperature {temperature}")
    print(" ".join(f"{k}={v}" for k, v in p.items()))
    if args.write:
        lines = [
            "# Poids du classement des initiatives, ajustés sur la partie « dev » des jeux d'évaluation",
            "# par benchmarks/fit_classifier.py (ne pas retoucher à la main : relancer le script).",
            f"none_score = {p['none_score']}",
            f"public_facility = {p['public_facility']}",
            f"unfamiliar = {p['unfamiliar']}",
            f"breadth = {p['breadth']}",
            f"temperature = {temperature}",
            "close_margin = 0.15",
            "",
            "[weights]",
            *(f"{f} = {w}" for f, w in zip(FEATURES, weights_of(p))),
        ]
        (DATA_DIR / "classify_model.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
