"""The labelled evaluation, run by `pacte eval` on the shipped corpus mixed with the distractor
corpus: the build fails if retrieval, answers, citations, declines or classification regress."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from assistant.interfaces.cli import app
from conftest import build_index

EVAL_DIR = Path(__file__).parent / "eval"
# Measured on 2026-11-27 (README, « Évaluation »); the thresholds leave a small margin.
THRESHOLDS = {
    "hit_at_5": 0.95,
    "mrr": 0.80,
    "answer_accuracy": 0.90,
    "citation_accuracy": 0.90,
    "decline_accuracy": 0.93,
    "classification_accuracy": 0.85,
}


def test_labelled_sets_are_large_enough():
    questions = [json.loads(line) for line in (EVAL_DIR / "questions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(questions) >= 40
    assert sum(1 for q in questions if not q["answerable"]) >= 8
    assert sum(1 for q in questions if q["history"]) >= 3
    initiatives = [json.loads(line) for line in (EVAL_DIR / "initiatives.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(initiatives) >= 30 and any(i["axis"] is None for i in initiatives)


def test_eval_thresholds_on_the_corpus_with_distractors(tmp_path, use_index):
    use_index(build_index(tmp_path, extra=EVAL_DIR / "distractors"))
    result = CliRunner().invoke(app, [
        "eval", "--questions", str(EVAL_DIR / "questions.jsonl"),
        "--initiatives", str(EVAL_DIR / "initiatives.jsonl"), "--json",
    ])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout.strip().splitlines()[-1])
    print(json.dumps({k: report[k] for k in THRESHOLDS}))
    below = {k: report[k] for k, floor in THRESHOLDS.items() if report[k] < floor}
    assert not below, f"régression : {below} (seuils {THRESHOLDS})"
