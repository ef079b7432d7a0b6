"""The ``pacte`` command line: parse, one service call, render. Domain errors become French messages."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant import __version__
from assistant.container import build_assistant
from assistant.settings import Settings

app = typer.Typer(
    help="pacte-assistant : questions, notes et statistiques sur les documents du pacte, avec leurs sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pacte-assistant {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Affiche la version."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Journalisation détaillée sur stderr."),
) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")


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


@app.command()
def ingest(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Dossier des documents (défaut : PACTE_CORPUS_DIR)."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le rapport en JSON."),
) -> None:
    """Indexe le corpus (incrémental : seuls les fichiers nouveaux ou modifiés sont traités)."""
    from assistant.ingest.service import IngestLockedError
    from assistant.providers.embeddings import ProviderError
    from assistant.providers.vectorstore import VectorStoreError

    assistant = build_assistant(settings_with(corpus))
    try:
        with Progress(
            TextColumn("[bold]Indexation"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err, transient=True, disable=not err.is_terminal and as_json,
        ) as bar:
            task = bar.add_task("", total=None)

            def on_progress(file: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=file)

            report = assistant.ingest.run(progress=on_progress)
    except (IngestLockedError, ProviderError, VectorStoreError, FileNotFoundError, PermissionError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"écriture impossible dans l'index {assistant.settings.index_dir} ({exc.strerror or exc}) ; l'index précédent reste utilisable.")
    if as_json:
        emit_json(report.to_dict())
        return
    out.print(
        f"{report.documents} document(s) indexé(s), {report.chunks} extraits — "
        f"{report.added} ajouté(s), {report.updated} mis à jour, {report.removed} retiré(s), "
        f"{report.unchanged} inchangé(s), en {report.seconds:.1f} s."
    )
    for failure in report.failed:
        out.print(f"[red]✗[/] {failure['file']} : {failure['error']}")


@app.command()
def sources(as_json: bool = typer.Option(False, "--json", help="Dernière ligne : la liste en JSON.")) -> None:
    """Liste les documents de l'index (pages, extraits, date d'indexation) et les échecs."""
    assistant = build_assistant()
    docs = assistant.sources.list_documents()
    failures = assistant.sources.failures()
    if as_json:
        emit_json({"documents": [d.to_dict() for d in docs], "failed": [{"file": f, "error": e} for f, e in failures.items()]})
        return
    if not docs:
        out.print("L'index est vide : lancez « pacte ingest ».")
    from rich.table import Table

    table = Table("Fichier", "Titre", "Pages", "Extraits", "Indexé le", "État")
    for d in docs:
        state = "indexé" if d.status == "indexed" else "incomplet"
        if d.warning:
            state += f" ({d.warning})"
        table.add_row(d.file, d.title or "", str(d.pages), str(d.chunks), d.ingested_at or "", state)
    out.print(table)
    for file, error in failures.items():
        out.print(f"[red]✗[/] {file} : {error}")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
