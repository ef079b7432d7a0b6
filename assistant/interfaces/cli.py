"""The ``pacte`` command line: parse, one service call, render. Domain errors become French messages."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
import sys
from pathlib import Path
from typing import Optional

import typer

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
from assistant.interfaces.cli_progress import IngestDisplay
from assistant.text.typography import plural


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


def run_ingestion(assistant, quiet: bool = False, take_over: bool = False):
    """The ingestion with its progress on stderr (none when ``quiet``); its errors end in French."""
    from assistant.ingest.service import IndexWriteError, IngestLockedError
    from assistant.providers.embeddings import ProviderError
    from assistant.providers.vectorstore import VectorStoreError

    try:
        with IngestDisplay(err, quiet=quiet) as show:  # stderr only: stdout's last line stays the JSON
            if take_over and assistant.sync is not None:
                assistant.sync.pull()  # start from the team's index: unchanged files are not re-embedded
            return assistant.ingest.run(take_over=take_over, on_step=show)
    except (IngestLockedError, IndexWriteError, ProviderError, VectorStoreError, FileNotFoundError) as exc:
        fail(str(exc))
    except (OSError, sqlite3.Error) as exc:  # opening the stores themselves failed
        fail(index_problem(assistant.settings, exc))


@app.command()
def ingest(
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Dossier des documents (défaut : PACTE_CORPUS_DIR)."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le rapport en JSON."),
    take_over: bool = typer.Option(
        False, "--take-over",
        help="Serveur Chroma : ce poste devient celui qui indexe (il rattrape d'abord l'index de l'équipe)."),
) -> None:
    """Indexe le corpus (incrémental : seuls les fichiers nouveaux ou modifiés sont traités)."""
    assistant = build_assistant(settings_with(corpus))
    if index_read_only(assistant.settings):
        fail(index_problem(assistant.settings, PermissionError(assistant.settings.index_dir)))
    report = run_ingestion(assistant, quiet=as_json, take_over=take_over)
    if as_json:
        emit_json(report.to_dict())
        return
    out.print(
        f"{plural(report.documents, 'document indexé', 'documents indexés')}, {plural(report.chunks, 'extrait')} — "
        f"{plural(report.added, 'ajouté')}, {report.updated} mis à jour, {plural(report.removed, 'retiré')}, "
        f"{plural(report.unchanged, 'inchangé')}, en {report.seconds:.1f} s."
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
    question: str = typer.Argument(
        ..., help="La question, ou « - » pour lire une question par ligne sur l'entrée standard.", metavar="QUESTION"),
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
    sample: Optional[int] = typer.Option(
        None, "--sample", min=1,
        help="Ne mesure que N questions réparties régulièrement dans la partie (modèle de langage lent)."),
) -> None:
    """Mesure la recherche et les réponses (exactitude, refus, citations, pages) sur un jeu étiqueté, par partie dev/test."""
    from assistant.evaluation import SplitError, load_questions

    if not questions.exists():
        fail(f"fichier de questions introuvable : {questions}")
    assistant = assistant_or_fail()
    labelled = load_questions(initiatives) if initiatives.exists() else None
    try:
        report = assistant.evaluation.run(load_questions(questions), initiatives=labelled, split=split, sample=sample)
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
    table.add_row("secondes par réponse (médiane)",
                  *("—" if figs.get("seconds_per_answer") is None else f"{figs['seconds_per_answer']:.1f}" for _, figs in columns))
    table.add_row("repli sur l'extractif", *(str(figs.get("fallbacks", 0)) for _, figs in columns))
    out.print(table)
    if show_failures:
        for f in report.failures:
            cited = f" [{', '.join(f['cited'])}]" if f.get("cited") else ""
            out.print(f"[red]✗[/] {f['id']} ({f.get('split') or '-'}) : {f['question']}\n    → {f['answer'][:200]}{cited}")


def _start_warm_up(assistant) -> None:
    """The first question would pay for loading the answer gate and the embedder: done while the
    server starts (a failure here only costs the first question that time)."""
    import threading

    def warm() -> None:
        try:
            assistant.answers.warm_up()
        except Exception:  # noqa: BLE001 - the question that comes first loads them again, and reports
            logging.getLogger(__name__).debug("préchargement", exc_info=True)

    threading.Thread(target=warm, name="warm-up", daemon=True).start()


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


def listening_socket(host: str, port: int):
    """The web app's socket, bound before anything is printed or indexed: a port already in use
    ends in one French sentence (not uvicorn's English traceback), and no other program can take
    the port while the first start indexes the corpus."""
    import errno
    import socket

    if not 1 <= port <= 65535:  # getaddrinfo would silently wrap it
        fail(f"le port {port} n'existe pas : choisissez un port entre 1024 et 65535.")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except (socket.gaierror, UnicodeError):
        fail(f"adresse d'écoute inconnue : « {host} » (ex. 127.0.0.1, ou 0.0.0.0 pour tout le réseau).")
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: a port in TIME_WAIT is free
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            fail(f"le port {port} est déjà utilisé par un autre programme (une autre instance de l'assistant ?) : "
                 f"arrêtez-le ou choisissez un autre port, par exemple « pacte serve --port {port + 1} ».")
        if exc.errno == errno.EACCES:
            fail(f"le port {port} est réservé à l'administrateur : choisissez un port entre 1024 et 65535.")
        if exc.errno == errno.EADDRNOTAVAIL:
            fail(f"l'adresse {host} n'appartient pas à cette machine : le port {port} ne peut pas y être ouvert.")
        fail(f"impossible d'ouvrir le port {port} sur {host} ({exc.strerror or exc}).")
    return sock


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Adresse d'écoute (boucle locale par défaut)."),
    port: int = typer.Option(7860, "--port", help="Port."),
) -> None:
    """Lance l'application web (Gradio) ; indexe d'abord le corpus si l'index est vide. Ctrl+C pour l'arrêter."""
    sock = listening_socket(host, port)
    assistant = assistant_or_fail(warn_empty=False)  # serve indexes an empty index itself
    if assistant.catalog.chunk_count() == 0:
        err.print(f"Premier démarrage : indexation de {assistant.settings.corpus_dir}…")
        report = run_ingestion(assistant)
        err.print(f"{plural(report.documents, 'document')}, {plural(report.chunks, 'extrait indexé', 'extraits indexés')} "
                  f"en {report.seconds:.0f} s.")
        for failure in report.failed:
            err.print(f"[red]✗[/] {failure['file']} : {failure['error']}")
    if assistant.sync is not None:
        _start_sync_thread(assistant)
    with err.status("Chargement de l'application web…"):  # Gradio takes a few seconds to import
        import uvicorn

        from assistant.interfaces.web.app import create_server

        try:
            server = create_server(assistant)
        except ValueError as exc:
            fail(str(exc))
    _start_warm_up(assistant)
    # open event streams must not hold a stop (Ctrl-C, SIGTERM) for long
    web = uvicorn.Server(uvicorn.Config(server, log_level="warning", timeout_graceful_shutdown=5))
    # a stop asked once the address is shown, before uvicorn takes the signals over, is a request
    # it reads when it starts: as a KeyboardInterrupt, it could land in an import's lock callback,
    # which swallows it, and the server never stopped
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, lambda *_: setattr(web, "should_exit", True))
    shown_host = f"[{host}]" if ":" in host else host
    err.print(f"Assistant du pacte : http://{shown_host}:{sock.getsockname()[1]}/ (Ctrl+C pour l'arrêter)")
    from assistant.ingest.service import CHECKPOINT_ENV

    if os.environ.get(CHECKPOINT_ENV) == "serve:shown":  # tests: a Ctrl+C at that very moment, on any machine load
        os.kill(os.getpid(), signal.SIGINT)
    stopped = False
    try:
        web.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn stops cleanly, then hands the Ctrl+C back
        stopped = True
    # a Ctrl+C that comes before uvicorn has started (the machine is busy) is a stop, not a failure
    if not web.started and not (stopped or web.should_exit):
        fail("l'application web n'a pas pu démarrer (voir les messages ci-dessus).")
    err.print("Assistant arrêté.")


def run() -> None:
    app(prog_name="pacte")  # the same name in help and errors under « python -m assistant.interfaces.cli »


if __name__ == "__main__":
    run()
