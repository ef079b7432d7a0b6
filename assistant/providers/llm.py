"""LLM backends, chosen by name in one place; optional packages are imported lazily.

No llama-index class is ever left to pick a default model: every backend gets an explicit
model name and URL, and 'extractive' means no LLM at all.
"""

from __future__ import annotations

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
            try:
                from llama_index.llms.llama_cpp import LlamaCPP
            except ImportError as exc:
                raise ProviderError("Le mode llama.cpp demande l'extra : pip install 'pacte-assistant[llamacpp]'") from exc
            if not model:
                raise ProviderError("PACTE_LLM=llamacpp:<chemin.gguf> : chemin du modèle manquant")
            # model_path given explicitly: LlamaCPP never downloads its default model then.
            return LlamaCPP(model_path=model, temperature=settings.llm_temperature, max_new_tokens=settings.llm_max_tokens,
                            context_window=min(settings.llm_context_window, 4096), verbose=False)
        case _:
            raise ProviderError(
                f"Mode de réponse inconnu : {settings.llm!r} (attendu : extractive, ollama:<modèle>, openai:<modèle>, llamacpp:<chemin.gguf>)"
            )
