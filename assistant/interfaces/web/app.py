"""The Gradio app: ``build_app(assistant) -> gr.Blocks`` (one module per tab) and ``create_server``,
which mounts it on FastAPI beside ``/documents/<file>``, the corpus files served for the source links,
and ``/api/ask?question=…``, the JSON object of ``pacte ask --json``.
Logins (Gradio's form and the HTTP Basic check of ``/documents/``) share one lockout per client."""

from __future__ import annotations

import logging
import math
import secrets
from pathlib import Path

import gradio as gr
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import FileResponse
from fastapi.security import HTTPBasic, HTTPBasicCredentials

from assistant.interfaces.web.axis import build_axis_tab
from assistant.interfaces.web.dashboard import build_dashboard_tab
from assistant.interfaces.web.documents import build_documents_tab
from assistant.interfaces.web.note import build_note_tab
from assistant.interfaces.web.questions import build_questions_tab
from assistant.interfaces.web.render import CSS, FONT_STACK, MONO_STACK, answer_plain
from assistant.interfaces.web.throttle import LoginThrottle, LoginThrottleMiddleware, lockout_message

logger = logging.getLogger(__name__)


def build_app(assistant) -> gr.Blocks:
    # Gradio keeps every upload and generated note in its cache: files older than a day go, hourly
    with gr.Blocks(title="Assistant du pacte — PETR", delete_cache=(3600, 86400)) as app:
        gr.Markdown("## Assistant documentaire du pacte\nRéponses sourcées à partir des documents indexés.")
        with gr.Tabs(overflow_behavior="wrap"):  # on a phone every tab stays in sight, on two rows
            with gr.Tab("Questions", id="questions"):
                build_questions_tab(assistant)
            with gr.Tab("Note de synthèse", id="note"):
                build_note_tab(assistant)
            with gr.Tab("Quel axe ?", id="axe"):
                build_axis_tab(assistant)
            with gr.Tab("Tableau de bord", id="dashboard"):
                load_dashboard, dashboard_outputs = build_dashboard_tab(assistant)
            with gr.Tab("Documents", id="documents"):
                refresh_choices, delete_dropdown = build_documents_tab(assistant)
        app.load(load_dashboard, None, dashboard_outputs, api_visibility="private")
        app.load(refresh_choices, None, delete_dropdown, api_visibility="private")

        def ask(question: str) -> str:
            """Réponse à une question, suivie de ses sources numérotées."""
            return answer_plain(assistant.answers.ask(question))

        def ask_json(question: str) -> dict:
            """Réponse à une question, en JSON comme « pacte ask --json » : texte, sources, vérification
            (verified), mode de réponse (mode) et, le cas échéant, raison du repli (fallback)."""
            return assistant.answers.ask(question).to_dict()

        def classify(text: str) -> dict:
            """Axe stratégique auquel se rattache une initiative."""
            return assistant.classifier.classify(text).to_dict()

        def stats() -> dict:
            """Part des actions réalisées, en cours et non réalisées, avec leurs sources."""
            return assistant.knowledge.action_stats().to_dict()

        gr.api(ask, api_name="ask")
        gr.api(ask_json, api_name="ask_json")
        gr.api(classify, api_name="classify")
        gr.api(stats, api_name="stats")
    app.queue(default_concurrency_limit=4)
    return app


def parse_auth(settings) -> list[tuple[str, str]] | None:
    """Logins from PACTE_AUTH (« user:password », comma-separated) and PACTE_AUTH_FILE (one per line)."""
    entries = [e for e in settings.auth.split(",") if e.strip()]
    if settings.auth_file:
        entries += [ln for ln in Path(settings.auth_file).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    pairs = []
    for entry in entries:
        user, sep, password = entry.strip().partition(":")
        if not sep or not user or not password:
            raise ValueError(f"identifiant mal formé dans PACTE_AUTH / PACTE_AUTH_FILE : « {entry.strip()} » (attendu utilisateur:mot_de_passe)")
        pairs.append((user, password))
    return pairs or None


def create_server(assistant, throttle: LoginThrottle | None = None):
    """A FastAPI app: the Gradio UI at « / » and the corpus files at « /documents/… ».

    Gradio's file routes serve only its own upload cache: ``allowed_paths`` is empty and the corpus
    and the index are in ``blocked_paths`` (the corpus is served by « /documents/ » alone)."""
    logins = parse_auth(assistant.settings)
    throttle = throttle or LoginThrottle()
    server = FastAPI(title="pacte-assistant")
    basic = HTTPBasic(auto_error=False)

    def check_login(request: Request, credentials: HTTPBasicCredentials | None = Depends(basic)) -> None:
        if not logins:
            return
        client = request.client.host if request.client else "?"
        left = throttle.locked_for(client)
        if left:
            raise HTTPException(429, lockout_message(left), headers={"Retry-After": str(math.ceil(left))})
        if credentials is not None and any(
            secrets.compare_digest(credentials.username, u) and secrets.compare_digest(credentials.password, p) for u, p in logins
        ):
            throttle.succeeded(client)
            return
        if credentials is not None:  # a first request without credentials is how a browser asks for them
            throttle.failed(client)
        raise HTTPException(401, "Identifiants requis", headers={"WWW-Authenticate": "Basic"})

    @server.get("/documents/{relative:path}", dependencies=[Depends(check_login)])
    def document(relative: str):
        path = assistant.corpus_files.resolve(relative)
        if path is None:
            raise HTTPException(404, "Document introuvable dans le corpus")
        media = "application/pdf" if path.suffix.lower() == ".pdf" else None
        return FileResponse(path, media_type=media, filename=path.name, content_disposition_type="inline")

    @server.get("/api/ask", dependencies=[Depends(check_login)])
    def ask_json(question: str) -> dict:
        """The ``pacte ask --json`` object of one question (verified flag, mode and fallback included)."""
        return assistant.answers.ask(question).to_dict()

    blocks = build_app(assistant)
    settings = assistant.settings
    server = gr.mount_gradio_app(
        server, blocks, path="", auth=logins, auth_message="Connexion à l'assistant du pacte",
        max_file_size=f"{settings.max_upload_mb:g}mb", ssr_mode=False, theme=gr.themes.Soft(font=FONT_STACK, font_mono=MONO_STACK), css=CSS,
        footer_links=["api"], allowed_paths=[],
        blocked_paths=[str(Path(settings.corpus_dir).resolve()), str(Path(settings.index_dir).resolve())],
    )
    server.add_middleware(LoginThrottleMiddleware, throttle=throttle)
    return server
