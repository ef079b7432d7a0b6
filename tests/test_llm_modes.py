"""LLM modes without a real model: checked follow-up rewrites, the better of two answers, the
notices, streamed drafts and the lock around an in-process model (fakes fed from a queue)."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from llama_index.core.llms import ChatMessage, CompletionResponse, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback

from assistant.answers.followup import check_rewrite, standalone_question
from assistant.answers.model import Answer, Check
from assistant.answers.question import condense
from assistant.container import Assistant
from assistant.interfaces.web.render import answer_markdown
from assistant.providers.llm import LlamaCppChat
from conftest import free_port
from fake_openai import ScriptedLLMServer

AXIS_1 = "Quels sont les objectifs opérationnels de l'axe 1 ?"
MEMBERS = "Sur quoi le POCE se base-t-il ?"  # answered by quoting, not by a tool


class QueuedLLM(CustomLLM):
    """A fake LLM: each call returns the next scripted text (an exception is raised); streamed
    calls give it word by word. Records the prompts."""

    replies: list = []
    prompts: list = []

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(is_chat_model=False)

    def _next(self, prompt: str) -> str:
        self.prompts.append(prompt)
        reply = self.replies.pop(0) if self.replies else ""
        if isinstance(reply, Exception):
            raise reply
        return reply

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._next(prompt))

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any):
        text = ""
        for word in self._next(prompt).split(" "):
            text = f"{text} {word}".strip()
            yield CompletionResponse(text=text, delta=word)


# follow-ups -----------------------------------------------------------------------------------
@pytest.mark.parametrize("rewrite, reason", [
    ("Quels sont les objectifs opérationnels de l'axe 3 ?", ""),
    ("Quels sont les objectifs de l'axe 3 ?", ""),
    ("Quels sont les objectifs opérationnels de l'axe 1 du pacte ?", "élément de la question perdu : axe 3"),  # issue 13, openai
    ("et pour l'axe 4 ?", "élément de la question perdu : axe 3"),  # issue 13, llamacpp
    ("Quelles sont les actions de l'axe 3 ?", "quitte le sujet"),
    ("Quels sont les objectifs opérationnels de l'axe 1 et de l'axe 3 ?", "conservé : axe 1"),
    ("Quels sont les objectifs opérationnels de l'axe 3 depuis 2019 ?", "élément inventé : 2019"),
    ("L'axe 3 porte sur le tourisme.\nQuels sont ses objectifs ?", "trop longue"),
])
def test_rewrite_of_a_follow_up_is_checked(rewrite, reason):
    found = check_rewrite("et pour l'axe 3 ?", [AXIS_1], rewrite)
    assert (reason in found) if reason else found == ""


def test_rewrite_keeps_names_and_years_of_the_follow_up():
    history = ["Quand s'est réuni le réseau des développeurs ?"]
    assert check_rewrite("et le réseau H3M ?", history, "Quand s'est réuni le réseau H3M ?") == ""
    assert "h3m" in check_rewrite("et le réseau H3M ?", history, "Quand s'est réuni le réseau entreprises ?")
    assert check_rewrite("et en 2021 ?", history, "Quand s'est réuni le réseau des développeurs en 2021 ?") == ""
    assert "nancy" in check_rewrite("et le CTDC ?", history, "Quand s'est réuni le CTDC à Nancy ?")


def test_rules_rewrite_when_the_model_rewrite_fails():
    follow = "et pour l'axe 3 ?"
    rules = condense(follow, [AXIS_1])
    bad = QueuedLLM(replies=["et pour l'axe 4 ?"], prompts=[])
    assert standalone_question(bad, "prompt", follow, [AXIS_1]).text == rules
    down = QueuedLLM(replies=[ConnectionError("refused")], prompts=[])
    used = standalone_question(down, "prompt", follow, [AXIS_1])
    assert used.text == rules and used.origin == "rules"
    good = QueuedLLM(replies=["« Quels sont les objectifs de l'axe 3 ? »\nExplication…"], prompts=[])
    used = standalone_question(good, "prompt", follow, [AXIS_1])
    assert used.text == "Quels sont les objectifs de l'axe 3 ?" and used.origin == "llm"


def test_follow_up_in_llm_mode_answers_the_new_axis(shipped_index):
    with ScriptedLLMServer(["Quels sont les objectifs opérationnels de l'axe 1 du pacte ?"]) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake", "llm_base_url": server.url})
        follow = Assistant(settings).answers.ask("et pour l'axe 2 ?", history=[AXIS_1])
    assert follow.standalone_question == "Quels sont les objectifs opérationnels de l'axe 2 ?"
    assert follow.mode == "tool" and "modernisation des entreprises" in follow.answer


# the better of two answers -------------------------------------------------------------------
def test_all_sentences_dropped_gives_the_extractive_answer_with_its_reason(shipped_index):
    invented = "Le PETR compte 12 communautés [1]. La CC du Pays de Verdun en fait partie [2]."
    with ScriptedLLMServer([invented]) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake", "llm_base_url": server.url})
        answer = Assistant(settings).answers.ask(MEMBERS)
    assert answer.answered and answer.mode == "extractive" and answer.verified
    assert "Aucune des 2 phrases du modèle de langage" in answer.fallback
    assert "Verdun" not in answer.answer and "12 communautés" not in answer.answer
    data = answer.to_dict()
    assert data["mode"] == "extractive" and data["fallback"] == answer.fallback
    assert answer.fallback in answer_markdown(answer)


def test_llm_decline_gives_the_extractive_answer(shipped_index):
    with ScriptedLLMServer(["Les documents indexés ne permettent pas de répondre à cette question."]) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake", "llm_base_url": server.url})
        answer = Assistant(settings).answers.ask(MEMBERS)
    assert answer.answered and answer.mode == "extractive" and "n'a pas trouvé de réponse" in answer.fallback


def test_server_down_is_said(shipped_index):
    settings = shipped_index.model_copy(update={
        "llm": "openai:fake", "llm_base_url": f"http://127.0.0.1:{free_port()}/v1", "llm_retries": 0, "llm_timeout_s": 5,
    })
    answer = Assistant(settings).answers.ask(MEMBERS)
    assert answer.answered and answer.mode == "extractive"
    assert "serveur indisponible" in answer.fallback
    assert answer.to_dict()["fallback"] == answer.fallback


def test_cli_text_answer_says_the_fallback(shipped_index):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PACTE_CORPUS_DIR=str(shipped_index.corpus_dir), PACTE_INDEX_DIR=str(shipped_index.index_dir),
               PACTE_LLM="openai:fake", PACTE_LLM_BASE_URL=f"http://127.0.0.1:{free_port()}/v1", PACTE_LLM_RETRIES="0",
               PACTE_LLM_TIMEOUT_S="5")
    done = subprocess.run([sys.executable, "-m", "assistant.interfaces.cli", "ask", MEMBERS], env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    # the extractive answer, then the line that says why (as on the web), then the sources
    assert "«" in out.split("serveur indisponible")[0]
    assert 0 < out.index("serveur indisponible") < out.index("Sources")


def test_partly_dropped_answer_is_llm_mode_and_counts_the_drops(shipped_index):
    def reply(request: dict) -> str:
        return "Le POCE se base sur les besoins et initiatives du territoire [1]. Il compte 12 communautés [1]."

    with ScriptedLLMServer([reply]) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake", "llm_base_url": server.url})
        answer = Assistant(settings).answers.ask(MEMBERS)
    if answer.mode == "llm":  # the first sentence passed the claim check
        assert not answer.verified and answer.dropped == 1 and answer.fallback is None
        assert "12 communautés" not in answer.answer
        assert "1 phrase non vérifiée dans les sources a été retirée" in answer_markdown(answer)
    else:
        assert answer.mode == "extractive" and answer.fallback


def test_every_answer_says_its_mode(shipped_index):
    assistant = Assistant(shipped_index)
    assert assistant.answers.ask("Quel est le taux d'actions réalisées ?").to_dict()["mode"] == "tool"
    quoted = assistant.answers.ask(MEMBERS).to_dict()
    assert quoted["mode"] == "extractive" and quoted["fallback"] is None
    assert Answer("q", "r", True).mode == "extractive" and Answer("q", "r", True, tool="x").mode == "tool"
    assert Answer("q", "r", True, checks=[Check("a", True), Check("b", False)]).dropped == 1


def test_web_streams_the_draft_then_the_verified_answer(shipped_index):
    assistant = Assistant(shipped_index)
    assistant.answers.llm = QueuedLLM(
        replies=["Le POCE se base sur les besoins et initiatives du territoire [1]. Il compte 12 communautés [1]."], prompts=[])
    items = list(assistant.answers.ask_streaming(MEMBERS))
    drafts, final = items[:-1], items[-1]
    assert len(drafts) > 3 and all(isinstance(d, str) for d in drafts)
    assert drafts[-1].endswith("12 communautés [1].")  # the draft as written, before verification
    assert isinstance(final, Answer) and "12 communautés" not in final.answer


def test_briefing_says_when_the_model_did_not_answer(shipped_index):
    settings = shipped_index.model_copy(update={
        "llm": "openai:fake", "llm_base_url": f"http://127.0.0.1:{free_port()}/v1", "llm_retries": 0, "llm_timeout_s": 5,
    })
    note = Assistant(settings).briefing.build(axis=3)
    assert "le modèle de langage n'a pas répondu" in (note.section("Contexte").prose or "")


# the in-process model ------------------------------------------------------------------------
class SlowModel:
    """Stands for ``llama_cpp.Llama``: records how many calls run at once and what they were given."""

    def __init__(self):
        self.running = self.most = 0
        self.calls: list[dict] = []
        self.guard = threading.Lock()

    def _enter(self, kwargs):
        with self.guard:
            self.running += 1
            self.most = max(self.most, self.running)
            self.calls.append(kwargs)

    def _leave(self):
        with self.guard:
            self.running -= 1

    def create_chat_completion(self, messages, stream=False, **kwargs):
        self._enter({"messages": messages, **kwargs})
        if not stream:
            time.sleep(0.05)
            self._leave()
            return {"choices": [{"message": {"role": "assistant", "content": "Réponse [1]."}}]}

        def chunks():
            try:
                for word in ("Réponse", " [1]."):
                    time.sleep(0.02)
                    yield {"choices": [{"delta": {"content": word}}]}
            finally:
                self._leave()

        return chunks()


def test_in_process_model_serves_one_call_at_a_time():
    llm = LlamaCppChat(model_path="model.gguf", max_tokens=64, temperature=0.0)
    llm._model, llm._lock = SlowModel(), threading.Lock()
    messages = [ChatMessage(role="system", content="Consigne"), ChatMessage(role="user", content="Question")]

    def call(i: int) -> str:
        if i % 3 == 0:
            return list(llm.stream_chat(messages))[-1].message.content
        if i % 3 == 1:
            return llm.chat(messages).message.content
        return llm.complete("Question seule").text

    threads_out: list[str] = []
    workers = [threading.Thread(target=lambda i=i: threads_out.append(call(i))) for i in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    model = llm._model
    assert sorted(threads_out) == ["Réponse [1]."] * 8
    assert model.most == 1  # never two calls in the model at once
    first = model.calls[0]
    assert first["max_tokens"] == 64 and first["temperature"] == 0.0
    # messages go to llama.cpp as roles, formatted by the GGUF's own chat template
    assert {"role": "system", "content": "Consigne"} in [m for c in model.calls for m in c["messages"]]
    assert {"role": "user", "content": "Question seule"} in [m for c in model.calls for m in c["messages"]]
