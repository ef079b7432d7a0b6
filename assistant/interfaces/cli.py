"""The ``pacte`` command line: parse, one service call, render. Domain errors become French messages."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant import __version__
from assistant.container import build_assistant
from assistant.interfaces import cli_tools  # noqa: F401  (registers stats, calendar, axes, classify, brief)
from assistant.interfaces.cli_common import (
    app,
    assistant_or_fail,
    emit_json,
    err,
    fail,
    index_problem,
    index_read_only,
    out,
    render_answer,
    settings_with,
)


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


@app.command()
def ingest(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Dossier des documents (défaut : PACTE_CORPUS_DIR)."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le rapport en JSON."),
    take_over: bool = typer.Option(
        False, "--take-over",
        help="Serveur Chroma : ce poste devient celui qui indexe (il rattrape d'abord l'index de l'équipe)."),
) -> None:
    """Indexe le corpus (incrémental : seuls les fichiers nouveaux ou modifiés sont traités)."""
    from assistant.ingest.service import IndexWriteError, IngestLockedError
    from assistant.providers.embeddings import ProviderError
    from assistant.providers.vectorstore import VectorStoreError

    assistant = build_assistant(settings_with(corpus))
    if index_read_only(assistant.settings):
        fail(index_problem(assistant.settings, PermissionError(assistant.settings.index_dir)))
    try:
        with Progress(
            TextColumn("[bold]Indexation"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            TextColumn("{task.description}"), console=err, transient=True, disable=not err.is_terminal and as_json,
        ) as bar:
            task = bar.add_task("", total=None)

            def on_progress(file: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=file)

            if take_over and assistant.sync is not None:
                assistant.sync.pull()  # start from the team's index: unchanged files are not re-embedded
            report = assistant.ingest.run(progress=on_progress, take_over=take_over)
    except (IngestLockedError, IndexWriteError, ProviderError, VectorStoreError, FileNotFoundError) as exc:
        fail(str(exc))
    except (OSError, sqlite3.Error) as exc:  # opening the stores themselves failed
        fail(index_problem(assistant.settings, exc))
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
    assistant = assistant_or_fail(warn_empty=False, service="sources")
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


@app.command()
def ask(
    question: str = typer.Argument(..., help="La question, ou « - » pour lire une question par ligne sur l'entrée standard."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : la réponse en JSON."),
) -> None:
    """Pose une question ; la réponse cite ses sources, ou dit que les documents ne répondent pas."""
    assistant = assistant_or_fail()
    questions = [ln.strip() for ln in sys.stdin if ln.strip()] if question == "-" else [question]
    for q in questions:
        answer = assistant.answers.ask(q)
        if as_json:
            emit_json(answer.to_dict())
        else:
            render_answer(answer)
            if len(questions) > 1:
                out.print()


@app.command()
def chat() -> None:
    """Conversation dans le terminal, avec questions de suivi (« et pour l'axe 2 ? »). Ctrl-D pour quitter."""
    assistant = assistant_or_fail()
    history: list[str] = []
    out.print("Posez vos questions sur les documents du pacte (Ctrl-D ou « quitter » pour sortir).")
    while True:
        try:
            question = input("\n> ").strip()
        except (EOFError, KeyboardInterrupt):
            out.print()
            return
        if question.lower() in {"quitter", "exit", "quit"}:
            return
        if not question:
            continue
        answer = assistant.answers.ask(question, history=history)
        if answer.standalone_question and answer.standalone_question != question:
            out.print(f"[dim](compris : {answer.standalone_question})[/]")
        render_answer(answer)
        history.append(answer.standalone_question or question)


@app.command("eval")
def evaluate(
    questions: Path = typer.Option(Path("tests/eval/questions.jsonl"), "--questions", help="Fichier de questions étiquetées (JSONL)."),
    initiatives: Path = typer.Option(Path("tests/eval/initiatives.jsonl"), "--initiatives", help="Initiatives étiquetées par axe (JSONL) ; ignoré s'il n'existe pas."),
    split: str = typer.Option("all", "--split", help="Partie mesurée : dev (réglage permis), test (jamais réglée) ou all."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : les mesures en JSON."),
    show_failures: bool = typer.Option(False, "--failures", help="Affiche les questions manquées."),
) -> None:
    """Mesure la recherche et les réponses (exactitude, refus, citations, pages) sur un jeu étiqueté, par partie dev/test."""
    from assistant.evaluation import SplitError, load_questions

    if not questions.exists():
        fail(f"fichier de questions introuvable : {questions}")
    assistant = assistant_or_fail()
    labelled = load_questions(initiatives) if initiatives.exists() else None
    try:
        report = assistant.evaluation.run(load_questions(questions), initiatives=labelled, split=split)
    except SplitError as exc:
        fail(str(exc))
    if as_json:
        emit_json(report.to_dict())
        return
    from rich.table import Table

    rows = [("hit_at_1", "recherche : hit@1"), ("hit_at_5", "recherche : hit@5"), ("mrr", "recherche : MRR"),
            ("answer_accuracy", "réponses exactes"), ("decline_accuracy", "refus justes"),
            ("answered_precision", "« répondu » : précision"), ("answered_recall", "« répondu » : rappel"),
            ("citation_accuracy", "bon document cité"), ("page_accuracy", "bonne page citée"),
            ("classification_accuracy", "classement des initiatives")]
    columns = [(name, report.splits[name]) for name in ("dev", "test") if name in report.splits]
    columns.append(("ensemble" if report.split == "all" else report.split, report.to_dict()))
    table = Table("Mesure", *(f"{name} ({figs['questions']} q., {figs['initiatives']} init.)" for name, figs in columns))
    for key, label in rows:
        table.add_row(label, *("—" if figs.get(key) is None else f"{figs[key]:.3f}" for _, figs in columns))
    out.print(table)
    if show_failures:
        for f in report.failures:
            cited = f" [{', '.join(f['cited'])}]" if f.get("cited") else ""
            out.print(f"[red]✗[/] {f['id']} ({f.get('split') or '-'}) : {f['question']}\n    → {f['answer'][:200]}{cited}")


def _start_sync_thread(assistant) -> None:
    """Follow the team's Chroma server: pull what another node ingested, every few seconds."""
    import threading
    import time

    def loop() -> None:
        while True:
            time.sleep(assistant.settings.sync_interval_s)
            try:
                assistant.sync.pull()
            except Exception as exc:  # a server hiccup must not stop the app
                logging.getLogger(__name__).warning("synchronisation impossible : %s", exc)

    threading.Thread(target=loop, name="pacte-sync", daemon=True).start()


@app.command()
def sync() -> None:
    """Met l'index local à jour depuis le serveur Chroma de l'équipe (PACTE_CHROMA_URL)."""
    assistant = build_assistant()
    if assistant.sync is None:
        fail("pas de serveur Chroma configuré (PACTE_CHROMA_URL) : rien à synchroniser.")
    try:
        pulled = assistant.sync.pull()
    except Exception as exc:
        fail(f"serveur Chroma injoignable ({exc})")
    out.print("Index local mis à jour depuis le serveur." if pulled else "Index local déjà à jour.")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Adresse d'écoute (boucle locale par défaut)."),
    port: int = typer.Option(7860, "--port", help="Port."),
) -> None:
    """Lance l'application web (Gradio) ; indexe d'abord le corpus si l'index est vide."""
    import uvicorn

    from assistant.interfaces.web.app import create_server

    assistant = assistant_or_fail(warn_empty=False)  # serve indexes an empty index itself
    if assistant.catalog.chunk_count() == 0:
        err.print(f"Premier démarrage : indexation de {assistant.settings.corpus_dir}…")
        with Progress(TextColumn("[bold]Indexation"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                      console=err, transient=True) as bar:
            task = bar.add_task("", total=None)
            report = assistant.ingest.run(progress=lambda f, d, t: bar.update(task, completed=d, total=t, description=f))
        err.print(f"{report.documents} document(s), {report.chunks} extraits indexés.")
        for failure in report.failed:
            err.print(f"[red]✗[/] {failure['file']} : {failure['error']}")
    if assistant.sync is not None:
        _start_sync_thread(assistant)
    try:
        server = create_server(assistant)
    except ValueError as exc:
        fail(str(exc))
    err.print(f"Assistant du pacte : http://{host}:{port}/")
    # open event streams must not hold a stop (Ctrl-C, SIGTERM) for long
    uvicorn.run(server, host=host, port=port, log_level="warning", timeout_graceful_shutdown=5)


def run() -> None:
    app()


if __name__ == "__main__":
    run()
