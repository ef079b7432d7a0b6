"""Ranking is deterministic: the same question on the same index gives the same sources in the
same order, in any process, even between duplicated passages (ties go by chunk id)."""

from __future__ import annotations

import json
import subprocess
import sys

from assistant.container import Assistant

SCRIPT = """
import json, sys
from assistant.container import Assistant
from assistant.settings import Settings
a = Assistant(Settings())
hits = a.retriever.retrieve(sys.argv[1])
answer = a.answers.ask(sys.argv[1])
print(json.dumps([[h.chunk.id, round(h.score, 9)] for h in hits] + [[s.chunk_id for s in answer.sources]]))
"""


def test_same_question_same_ranking_across_processes(settings, corpus_dir, use_index):
    text = "Le comité de pilotage du contrat s'est réuni trois fois. La filière bois compte 12 scieries en 2021."
    (corpus_dir / "pacte.toml").unlink()  # no home-territory preference: the copies compete on their own
    for i in range(3):  # identical passages: their scores tie exactly
        (corpus_dir / f"copie-{i}.txt").write_text(text, encoding="utf-8")
    Assistant(settings).ingest.run()
    use_index(settings)
    question = "Combien de scieries compte la filière bois ?"
    runs = []
    for seed in ("0", "1", "2"):
        env = {"PYTHONHASHSEED": seed}
        import os

        out = subprocess.run([sys.executable, "-c", SCRIPT, question], env=dict(os.environ, **env),
                             capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert runs[0] == runs[1] == runs[2]
    hits = [cid for cid, _ in runs[0][:-1]]
    copies = [cid for cid in hits if Assistant(settings).catalog.chunks_by_id([cid])[cid].text.startswith("Le comité")]
    assert len(copies) == 3 and copies == sorted(copies)  # equal passages come in chunk-id order
