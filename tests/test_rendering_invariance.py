"""The user's POCE evaluation gives the same facts whatever its rendering: the shipped text, a
landscape slide-deck PDF (footers, wrapped titles), an A4 report PDF (running header and footer,
a two-column page) and a DOCX (headings, a governance table). Each fact carries the page of its
rendering. Also: two pact evaluations of fictional territories, worded and laid out otherwise,
give their own stats, axes and calendar."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.answers.compose import document_name
from assistant.container import Assistant
from assistant.interfaces.cli import app
from assistant.settings import Settings
from conftest import SHIPPED_CORPUS
from renderings import ALL_RENDERINGS

EXPECTED = json.loads((Path(__file__).parent / "renderings_expected.json").read_text(encoding="utf-8"))
EVALUATIONS = Path(__file__).parent / "fixtures" / "evaluations"
PAGED = {"slides_pdf", "report_pdf"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def _body_key(name: str) -> str:
    return _norm(name).lower()


def cli_json(settings: Settings, *args: str, monkeypatch=None) -> dict:
    env = {"PACTE_CORPUS_DIR": str(settings.corpus_dir), "PACTE_INDEX_DIR": str(settings.index_dir), "PACTE_LLM": "extractive"}
    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module", params=sorted(ALL_RENDERINGS))
def rendering(request, tmp_path_factory) -> tuple[str, Settings]:
    name = request.param
    root = tmp_path_factory.mktemp(f"rendering-{name}")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(SHIPPED_CORPUS / "pacte.toml", corpus / "pacte.toml")
    ALL_RENDERINGS[name](corpus)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    report = Assistant(settings).ingest.run()
    assert report.failed == [], report.failed
    return name, settings


def test_stats_are_the_same_with_the_page_of_the_rendering(rendering):
    name, settings = rendering
    stats = cli_json(settings, "stats", "--json")
    expected = {s["status"]: s for s in EXPECTED["status_shares"]}
    assert (stats["done"], stats["in_progress"], stats["not_done"]) == tuple(expected[k]["value"] for k in ("done", "in_progress", "not_done"))
    assert stats["as_of"] == EXPECTED["document"]["as_of"]
    assert "conflicts" not in stats and "message" not in stats
    excerpts = [_norm(s["excerpt"]) for s in stats["sources"]]
    for status, share in expected.items():
        assert any(share["written"] in e for e in excerpts), (status, excerpts)
    if name in PAGED:
        assert {s["page"] for s in stats["sources"]} == {share["pages"][name] for share in expected.values()}


def test_axes_are_three_with_seven_full_objectives(rendering):
    name, settings = rendering
    strategy = cli_json(settings, "axes", "--json")
    assert [a["number"] for a in strategy["axes"]] == [a["number"] for a in EXPECTED["axes"]]
    assert strategy["objectives"] == sum(len(a["objectives"]) for a in EXPECTED["axes"])
    for got, want in zip(strategy["axes"], EXPECTED["axes"]):
        assert _norm(got["title"]) == want["title"]
        assert [_norm(o) for o in got["objectives"]] == [o["text"] for o in want["objectives"]]
    if name in PAGED:
        pages = {s["n"]: s["page"] for s in strategy["sources"]}
        assert [pages[a["source"]] for a in strategy["axes"]] == [a["pages"][name] for a in EXPECTED["axes"]]


def test_calendar_has_every_body_and_date(rendering):
    name, settings = rendering
    calendar = cli_json(settings, "calendar", "--json")
    got: dict[str, list[str]] = {}
    for event in calendar["events"]:
        got.setdefault(_body_key(event["body"]), []).append(event["date"])
    all_dates = sorted(d for dates in got.values() for d in dates)
    want_dates = sorted(d["written"] for body in EXPECTED["governance"] for d in body["dates"])
    assert all_dates == want_dates
    incomplete = {e["date"] for e in calendar["events"] if e["incomplete"]}
    assert incomplete == {d["written"] for body in EXPECTED["governance"] for d in body["dates"] if d["incomplete"]}
    iso = {e["date"]: e["iso"] for e in calendar["events"]}
    assert all(iso[d["written"]] == d["iso"] for body in EXPECTED["governance"] for d in body["dates"])
    assert len(got) == len(EXPECTED["governance"])  # one body per governance line of the deck
    if name in PAGED:
        pages = {s["n"]: s["page"] for s in calendar["sources"]}
        assert {pages[e["source"]] for e in calendar["events"]} == {b["pages"][name] for b in EXPECTED["governance"]}


def test_lists_are_the_same(rendering):
    name, settings = rendering
    knowledge = Assistant(settings).knowledge
    members = [_norm(f.data["name"]) for f in knowledge.members()]
    assert members == [m["name"] for m in EXPECTED["members"]]
    inputs = {_norm(f.data["name"]): f.data["status"] for f in knowledge.inputs()}
    assert inputs == {i["name"]: i["status"] for i in EXPECTED["strategy_inputs"]}
    steps = [_norm(f.data["text"]) for f in knowledge.next_steps()]
    assert steps == [s["text"] for s in EXPECTED["next_steps"]]


def test_quotes_read_as_the_document_reads(rendering):
    """No page furniture, no « ; » line joins, no markdown asterisks in what is quoted."""
    name, settings = rendering
    assistant = Assistant(settings)
    texts = [c.text for c in assistant.catalog.iter_chunks()]
    joined = "\n".join(texts)
    assert "**" not in joined
    assert "Évaluation POCE 2017-2021 — p." not in joined  # the slide footer
    assert not re.search(r"^Page \d+$", joined, re.MULTILINE)  # the report footer
    flat = _norm(" ".join(texts))
    for question in ("Quel est le taux d'actions réalisées ?", "Sur quoi se base le POCE ?",
                     "Quelles études ont servi à construire la stratégie ?"):
        answer = assistant.answers.ask(question)
        assert answer.answered and answer.verified, (question, answer.answer)
        assert "**" not in answer.answer
        for quote in re.findall(r"« (.+?) »", answer.answer):
            titles = {s.document for s in answer.sources} | {document_name(s.document) for s in answer.sources}
            if quote.endswith("…") or quote in titles or len(quote) < 12:
                continue  # a document title (as written, or as answers name it)
            assert _norm(quote) in flat, (question, quote)  # quoted exactly: no « ; » joins, no furniture


EVAL_QUESTIONS = [json.loads(line) for line in (Path(__file__).parent / "eval" / "questions.jsonl").read_text(encoding="utf-8").splitlines()
                  if line.strip()]


def _eval_misses(settings: Settings) -> set[str]:
    assistant = Assistant(settings)
    misses = set()
    for q in EVAL_QUESTIONS:
        answer = assistant.answers.ask(q["question"], history=q.get("history") or None)
        text = _norm(answer.answer).lower()
        ok = answer.answered == q["answerable"] and all(_norm(e).lower() in text for e in q.get("expected", []) if q["answerable"])
        if not ok:
            misses.add(q["id"])
    return misses


@pytest.fixture(scope="module")
def text_misses(tmp_path_factory) -> set[str]:
    """The team's labelled questions missed on the text rendering (the reference)."""
    root = tmp_path_factory.mktemp("rendering-reference")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copy(SHIPPED_CORPUS / "pacte.toml", corpus / "pacte.toml")
    ALL_RENDERINGS["txt"](corpus)
    settings = Settings(corpus_dir=corpus, index_dir=root / "index")
    Assistant(settings).ingest.run()
    return _eval_misses(settings)


def test_eval_questions_get_the_same_answers_in_every_rendering(rendering, text_misses):
    """Each rendering answers (or declines) the team's questions as the text file does: about the
    same questions are missed, and never many more (answer quality itself is measured in test_eval).
    The fitted answer gate sits close to its threshold for a few questions, and a PDF's headings
    are not the text file's (a line that is a heading in the report is body text in the .txt):
    up to a tenth of the 80 questions may change side, in either direction."""
    name, settings = rendering
    misses = _eval_misses(settings)
    differ = misses ^ text_misses
    print(f"\n{name}: {len(misses)} manquées, {len(differ)} différentes du texte : {sorted(differ)}")
    assert len(differ) <= 8, sorted(differ)
    assert len(misses) <= len(text_misses) + 3, (len(misses), len(text_misses))


@pytest.fixture(scope="module")
def evaluations(tmp_path_factory) -> tuple[Settings, dict]:
    from fixtures.evaluations.build import build_evaluations

    root = tmp_path_factory.mktemp("evaluations")
    corpus = root / "corpus"
    files = build_evaluations(corpus)
    expected = json.loads((EVALUATIONS / "expected.json").read_text(encoding="utf-8"))
    return files, expected, root


@pytest.mark.parametrize("index", [0, 1])
def test_other_pact_evaluations_give_their_own_facts(evaluations, index):
    files, expected, root = evaluations
    file = files[index]
    corpus = root / f"only-{index}"
    corpus.mkdir(exist_ok=True)
    shutil.copy(file, corpus / file.name)
    settings = Settings(corpus_dir=corpus, index_dir=root / f"index-{index}")
    assert Assistant(settings).ingest.run().failed == []
    want = expected[file.name]

    stats = cli_json(settings, "stats", "--json")
    shares = {s["status"]: s for s in want["stats"]["shares"]}
    for status in ("done", "in_progress", "not_done"):
        value = shares[status].get("value", shares[status].get("share"))
        assert stats[status] == value, (status, stats)
    assert stats["as_of"] == want["as_of"]

    strategy = cli_json(settings, "axes", "--json")
    assert [a["number"] for a in strategy["axes"]] == [a["number"] for a in want["axes"]]
    for got, axis in zip(strategy["axes"], want["axes"]):
        assert _norm(got["title"]) == axis["title"]
        wanted = [o["text"] if isinstance(o, dict) else o for o in axis["objectives"]]
        assert [_norm(o) for o in got["objectives"]] == wanted

    calendar = cli_json(settings, "calendar", "--json")
    got = sorted((_body_key(e["body"]), e["date"], e["iso"], e["incomplete"]) for e in calendar["events"])
    assert got == sorted((_body_key(e["body"]), e["written"], e["iso"], e["incomplete"]) for e in want["events"])


def test_nothing_found_is_said_plainly(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "note.txt").write_text("Une note sans axes, sans chiffres d'avancement ni réunions.", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    Assistant(settings).ingest.run()
    stats = cli_json(settings, "stats", "--json")
    assert stats["done"] is None and stats["message"] == "aucune statistique d'avancement trouvée dans les documents indexés"
    assert cli_json(settings, "axes", "--json")["message"].startswith("aucun axe")
    assert cli_json(settings, "calendar", "--json")["message"].startswith("aucune réunion")
