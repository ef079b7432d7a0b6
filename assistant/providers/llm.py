"""LLM backends, chosen by name in one place; optional packages are imported lazily.

No llama-index class is ever left to pick a default model: every backend gets an explicit
model name and URL, and 'extractive' means no LLM at all. Every call is bounded
(PACTE_LLM_MAX_TOKENS, temperature, timeout and retries from the settings).
"""

from __future__ import annotations

import threading
from typing import Any, Iterator, Sequence

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM
from pydantic import Field, PrivateAttr

from assistant.providers.embeddings import ProviderError
from assistant.settings import Settings


def build_llm(settings: Settings):
    """The configured llama-index LLM, or None in the offline extractive mode."""
    kind, _, model = settings.llm.strip().partition(":")
    match kind:
        case "extractive" | "" | "none":
            return None
        case "ollama":
            try:
                from llama_index.llms.ollama import Ollama
            except ImportError as exc:
                raise ProviderError("Le mode Ollama demande l'extra : pip install 'pacte-assistant[ollama]'") from exc
            if not model:
                raise ProviderError("PACTE_LLM=ollama:<modèle> : nom du modèle manquant")
            return Ollama(
                model=model, base_url=settings.llm_base_url or "http://localhost:11434",
                request_timeout=settings.llm_timeout_s, temperature=settings.llm_temperature,
                context_window=settings.llm_context_window,
                additional_kwargs={"num_predict": settings.llm_max_tokens},
            )
        case "openai":
            try:
                from llama_index.llms.openai_like import OpenAILike
            except ImportError as exc:
                raise ProviderError("Le mode OpenAI demande l'extra : pip install 'pacte-assistant[openai]'") from exc
            if not model or not settings.llm_base_url:
                raise ProviderError("PACTE_LLM=openai:<modèle> demande aussi PACTE_LLM_BASE_URL (serveur compatible OpenAI)")
            return OpenAILike(
                model=model, api_base=settings.llm_base_url, api_key=settings.llm_api_key or "none",
                is_chat_model=True, is_function_calling_model=settings.llm_function_calling,
                temperature=settings.llm_temperature, max_tokens=settings.llm_max_tokens,
                timeout=settings.llm_timeout_s, max_retries=settings.llm_retries, context_window=settings.llm_context_window,
            )
        case "llamacpp":
            if not model:
                raise ProviderError("PACTE_LLM=llamacpp:<chemin.gguf> : chemin du modèle manquant")
            return LlamaCppChat.load(model, settings)
        case _:
            raise ProviderError(
                f"Mode de réponse inconnu : {settings.llm!r} (attendu : extractive, ollama:<modèle>, openai:<modèle>, llamacpp:<chemin.gguf>)"
            )


class LlamaCppChat(CustomLLM):
    """A GGUF model run in-process by llama.cpp, behind a lock, called through its own chat template.

    Every call goes through ``Llama.create_chat_completion``, which formats the messages with the
    template stored in the GGUF (a bare prompt becomes one user message), not a generic
    « system: … user: … » text. A llama.cpp context is not thread-safe (concurrent web questions
    crashed the process in ggml), so every call, streamed ones included, holds one lock.
    """

    model_path: str = Field(description="Path of the GGUF file.")
    max_tokens: int = Field(512, description="Largest answer generated per call, in tokens.")
    temperature: float = Field(0.0, description="Sampling temperature (0: greedy).")
    context_window: int = Field(4096, description="Context of the loaded model, in tokens.")
    _model: Any = PrivateAttr(default=None)
    _lock: Any = PrivateAttr(default=None)

    @classmethod
    def load(cls, model_path: str, settings) -> "LlamaCppChat":
        try:
            from llama_cpp import Llama
        except ImportError as exc:
            raise ProviderError("Le mode llama.cpp demande l'extra : pip install 'pacte-assistant[llamacpp]'") from exc
        context = min(settings.llm_context_window, 4096)
        try:
            model = Llama(model_path=model_path, n_ctx=context, seed=0, verbose=False)
        except (ValueError, OSError) as exc:
            raise ProviderError(f"Modèle GGUF illisible : {model_path} ({exc})") from exc
        llm = cls(model_path=model_path, max_tokens=settings.llm_max_tokens, temperature=settings.llm_temperature,
                  context_window=context)
        llm._model = model
        llm._lock = threading.Lock()
        return llm

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.max_tokens, is_chat_model=True,
                           model_name=self.model_path)

    def _params(self) -> dict:
        return {"max_tokens": self.max_tokens, "temperature": self.temperature}

    @staticmethod
    def _messages(messages: Sequence[ChatMessage]) -> list[dict]:
        return [{"role": m.role.value, "content": m.content or ""} for m in messages]

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        with self._lock:
            result = self._model.create_chat_completion(messages=self._messages(messages), **self._params())
        text = result["choices"][0]["message"].get("content") or ""
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), raw=result)

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        payload = self._messages(messages)

        def generate() -> Iterator[ChatResponse]:
            text = ""
            with self._lock:  # held until the last token, or until the reader closes the stream
                for chunk in self._model.create_chat_completion(messages=payload, stream=True, **self._params()):
                    delta = chunk["choices"][0].get("delta", {}).get("content") or ""
                    text += delta
                    yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), delta=delta)

        return generate()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        response = self.chat([ChatMessage(role=MessageRole.USER, content=prompt)])
        return CompletionResponse(text=response.message.content or "")

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        for response in self.stream_chat([ChatMessage(role=MessageRole.USER, content=prompt)]):
            yield CompletionResponse(text=response.message.content or "", delta=response.delta)
