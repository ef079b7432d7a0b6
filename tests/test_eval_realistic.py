"""The blind evaluation: 234 questions and 66 project sheets written from the realistic corpus
documents only (tests/eval/realistic/HOW-WRITTEN.md), never used to tune. The corpus is built and
ingested once; `pacte eval` (the evaluation service) runs on the dev split and on the test split,
prints both, and the build fails if a figure falls below its floor (the measured figure minus a
small margin)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.evaluation import dev_items, load_questions
from conftest import require_binary

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

EVAL_DIR = Path(__file__).parent / "eval" / "realistic"
KEYS = ("answer_accuracy", "decline_accuracy", "answered_precision", "answered_recall",
        "citation_accuracy", "page_accuracy", "classification_accuracy", "hit_at_5", "mrr")
# Floors: the figures measured on each split (README, « Évaluation »), minus a small margin.
# Issue 12's targets on the test split are 0.90 answers, 0.95 declines, 0.95 documents,
# 0.90 pages and 0.85 classification; raise the floors as the measured figures rise.
THRESHOLDS = {
    "dev": {
        "answer_accuracy": 0.75,
        "decline_accuracy": 0.90,
        "answered_precision": 0.96,
        "answered_recall": 0.78,
        "citation_accuracy": 0.95,
        "page_accuracy": 0.95,
        "classification_accuracy": 0.95,
        "hit_at_5": 0.90,
        "mrr": 0.79,
    },
    "test": {
        "answer_accuracy": 0.55,
        "decline_accuracy": 0.78,
        "answered_precision": 0.90,
        "answered_recall": 0.60,
        "citation_accuracy": 0.95,
        "page_accuracy": 0.90,
        "classification_accuracy": 0.82,
        "hit_at_5": 0.90,
        "mrr": 0.80,
    },
}


def pacte(corpus: Path, index: Path, *args: str, wait: bool = True):
    """Run the CLI in its own process and return its last JSON line (or, with ``wait=False``, the
    running process, for ``finished``). One OpenMP thread: on a busy machine the bundled
    embedder's default threads wait on each other (the blind eval took 213 s instead of 30 s, with
    the same figures)."""
    env = {**os.environ, "PACTE_CORPUS_DIR": str(corpus), "PACTE_INDEX_DIR": str(index), "PACTE_LLM": "extractive",
           "OMP_NUM_THREADS": "1"}
    env.pop("PACTE_CHROMA_URL", None)
    process = subprocess.Popen([sys.executable, "-m", "assistant.interfaces.cli", *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return finished(process) if wait else process


def finished(process: subprocess.Popen) -> dict:
    out, err = process.communicate(timeout=500)
    assert process.returncode == 0, err[-2000:]
    return json.loads(out.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def realistic(realistic_index) -> tuple[Path, Path]:
    """The realistic corpus with the home territory's profile, ingested once for the session
    (``conftest.realistic_index``); the command line finds it current and changes nothing."""
    require_binary("tesseract")  # the scanned minutes are read by OCR
    corpus, index = Path(realistic_index.corpus_dir), Path(realistic_index.index_dir)
    report = pacte(corpus, index, "ingest", "--json")
    assert report["failed"] == [] and report["unchanged"] == report["documents"] == 8, report
    return corpus, index


def test_blind_sets_are_large_enough_and_split():
    questions = load_questions(EVAL_DIR / "questions.jsonl")
    initiatives = load_questions(EVAL_DIR / "initiatives.jsonl")
    assert len(questions) >= 150 and sum(1 for q in questions if not q["answerable"]) >= 30
    assert len(initiatives) >= 60
    for items in (questions, initiatives):
        assert {i["split"] for i in items} == {"dev", "test"}
    assert all(q["document"] for q in questions if q["answerable"])


def test_fresh_blind_questions_are_test_only():
    # written in the sixth session by a writer who saw only the corpus files; measured once when
    # written (README, « Évaluation ») and never used to fit or tune anything
    fresh = load_questions(EVAL_DIR / "test_fresh.jsonl")
    assert len(fresh) == 120 and {q["split"] for q in fresh} == {"test"}
    assert len({q["id"] for q in fresh}) == 120 and sum(1 for q in fresh if not q["answerable"]) == 30
    assert all(q["document"] and q["expected"] for q in fresh if q["answerable"])
    assert all(not q["expected"] for q in fresh if not q["answerable"])
    assert dev_items(fresh, source="test_fresh.jsonl") == []  # the fitting scripts read dev items only


def test_blind_evaluation_on_dev_and_test(realistic):
    questions = load_questions(EVAL_DIR / "questions.jsonl")
    initiatives = load_questions(EVAL_DIR / "initiatives.jsonl")
    figures = {}
    # the two splits run side by side (two processes: about a minute less on two cores)
    running = {split: pacte(*realistic, "eval", "--split", split, "--questions", str(EVAL_DIR / "questions.jsonl"),
                            "--initiatives", str(EVAL_DIR / "initiatives.jsonl"), "--json", wait=False)
               for split in ("dev", "test")}
    for split, process in running.items():
        report = finished(process)
        assert report["split"] == split and report["splits"] == {}
        assert report["questions"] == sum(1 for q in questions if q["split"] == split)
        assert report["initiatives"] == sum(1 for i in initiatives if i["split"] == split)
        figures[split] = {k: report[k] for k in KEYS}
        print(split, json.dumps(figures[split]))
    below = {
        (split, key): figures[split][key]
        for split, floors in THRESHOLDS.items() for key, floor in floors.items()
        if (figures[split][key] or 0.0) < floor
    }
    assert not below, f"régression : {below} (seuils {THRESHOLDS})"


FRESH_INITIATIVES_FLOOR = 0.80  # measured 0.771 (37 of 48) when written, 0.833 (40 of 48) after the refit on 122 dev sheets; README


def test_fresh_held_out_initiatives(realistic, tmp_path):
    """48 project sheets written later, blind (the pact's deck only), never used to fit or tune the
    axis checker: every item is a test item."""
    fresh = EVAL_DIR / "initiatives_fresh.jsonl"
    items = load_questions(fresh)
    assert len(items) == 48 and {i["split"] for i in items} == {"test"}
    assert sum(1 for i in items if i["axis"] is None) == 12
    no_questions = tmp_path / "none.jsonl"
    no_questions.write_text("", encoding="utf-8")
    report = pacte(*realistic, "eval", "--split", "test", "--questions", str(no_questions),
                   "--initiatives", str(fresh), "--json")
    assert report["initiatives"] == 48
    print("fresh initiatives", report["classification_accuracy"])
    assert report["classification_accuracy"] >= FRESH_INITIATIVES_FLOOR
