"""Shared pieces of the ``pacte`` command line: the Typer app, the consoles, JSON and error output."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from assistant.container import build_assistant
from assistant.interfaces.cli_text import FrenchGroup, FrenchTyper
from assistant.settings import Settings

app = FrenchTyper(
    cls=FrenchGroup,
    help="pacte-assistant : questions, notes et statistiques sur les documents du pacte, avec leurs sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def emit_json(data: dict) -> None:
    """One JSON object on one line, the last line of stdout."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]Erreur :[/] {message}")
    raise typer.Exit(code)


def settings_with(corpus: Optional[Path] = None) -> Settings:
    settings = Settings()
    if corpus is not None:
        settings = settings.model_copy(update={"corpus_dir": corpus})
    return settings


def render_answer(answer) -> None:
    """The answer, then its numbered sources."""
    from assistant.answers.compose import answer_notice

    out.print(answer.answer)
    notice = answer_notice(answer)  # the same line as the web app's: a fallback, dropped sentences
    if notice:
        out.print(f"[yellow]⚠ {notice}[/]")
    if answer.sources:
        out.print("\n[bold]Sources[/]" if answer.answered else "\n[bold]Passages les plus proches[/]")
        for s in answer.sources:
            where = ", ".join(x for x in (s.page_text, s.section) if x)
            out.print(f"[{s.n}] {s.document} ({s.file}{', ' + where if where else ''})")
            out.print(f"    « {s.excerpt.replace(chr(10), ' ')} »", style="dim")


def index_read_only(settings: Settings) -> bool:
    folder = settings.index_dir
    return folder.is_dir() and not os.access(folder, os.W_OK)


def index_problem(settings: Settings, exc: BaseException) -> str:
    """A French message for an index that cannot be opened or written, naming the folder."""
    folder = settings.index_dir
    if index_read_only(settings):
        return (
            f"le dossier d'index {folder} est en lecture seule : l'assistant doit pouvoir y écrire "
            "(verrous, journal de la base vectorielle) ; rien n'y a été modifié. Rendez-le inscriptible "
            "ou copiez-le ailleurs et indiquez ce dossier dans PACTE_INDEX_DIR."
        )
    return f"index inutilisable : {folder} ({exc}) ; vérifiez la place disque et les droits."


def assistant_or_fail(warn_empty: bool = True, service: str = "answers"):
    """The assistant with ``service`` built: configuration and index errors end in a French message."""
    from assistant.providers.errors import ProviderError, VectorStoreError

    assistant = build_assistant()
    if index_read_only(assistant.settings):
        # refused by every command alike, even those that could read the catalog alone
        fail(index_problem(assistant.settings, PermissionError(assistant.settings.index_dir)))
    try:
        getattr(assistant, service)  # builds the providers: configuration errors surface here
        if service != "sources":  # the list of sources reads the local catalog as it is
            assistant.prepare(lexical=service != "knowledge")
    except (ProviderError, VectorStoreError, OSError, sqlite3.Error) as exc:
        own_message = isinstance(exc, (ProviderError, VectorStoreError)) and not index_read_only(assistant.settings)
        fail(str(exc) if own_message else index_problem(assistant.settings, exc))
    if warn_empty and assistant.catalog.chunk_count() == 0:
        err.print("[yellow]L'index est vide : lancez d'abord « pacte ingest ».[/]")
    return assistant
