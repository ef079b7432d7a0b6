"""The ``pacte`` command line: parse, one service call, render. Domain errors become French messages."""

from __future__ import annotations

import json
import logging
import sqlite3
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
err = Console(stderr=True, highlight=False, soft_wrap=True)


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
    from assistant.ingest.service import IndexWriteError, IngestLockedError
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
    except (IngestLockedError, IndexWriteError, ProviderError, VectorStoreError, FileNotFoundError) as exc:
        fail(str(exc))
    except (OSError, sqlite3.Error) as exc:  # opening the stores themselves failed
        fail(f"index inutilisable : {assistant.settings.index_dir} ({exc}) ; vérifiez la place disque et les droits.")
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


def render_answer(answer) -> None:
    """The answer, then its numbered sources."""
    out.print(answer.answer)
    if not answer.verified:
        out.print("[yellow]Attention : une partie de la réponse n'a pas pu être vérifiée dans les sources.[/]")
    if answer.sources:
        out.print("\n[bold]Sources[/]" if answer.answered else "\n[bold]Passages les plus proches[/]")
        for s in answer.sources:
            where = ", ".join(x for x in (s.page_text, s.section) if x)
            out.print(f"[{s.n}] {s.document} ({s.file}{', ' + where if where else ''})")
            out.print(f"    « {s.excerpt.replace(chr(10), ' ')} »", style="dim")


def _assistant_or_fail():
    from assistant.providers.embeddings import ProviderError
    from assistant.providers.vectorstore import VectorStoreError

    assistant = build_assistant()
    try:
        assistant.answers  # builds the providers: configuration errors surface here
    except (ProviderError, VectorStoreError) as exc:
        fail(str(exc))
    if assistant.catalog.chunk_count() == 0:
        err.print("[yellow]L'index est vide : lancez d'abord « pacte ingest ».[/]")
    return assistant


@app.command()
def ask(
    question: str = typer.Argument(..., help="La question, ou « - » pour lire une question par ligne sur l'entrée standard."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : la réponse en JSON."),
) -> None:
    """Pose une question ; la réponse cite ses sources, ou dit que les documents ne répondent pas."""
    assistant = _assistant_or_fail()
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
    assistant = _assistant_or_fail()
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
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : les mesures en JSON."),
    show_failures: bool = typer.Option(False, "--failures", help="Affiche les questions manquées."),
) -> None:
    """Mesure la recherche (hit@1/3/5, MRR) et les réponses (exactitude, citations, refus) sur un jeu étiqueté."""
    from assistant.evaluation import load_questions

    if not questions.exists():
        fail(f"fichier de questions introuvable : {questions}")
    assistant = _assistant_or_fail()
    labelled = load_questions(initiatives) if initiatives.exists() else None
    report = assistant.evaluation.run(load_questions(questions), initiatives=labelled)
    if as_json:
        emit_json(report.to_dict())
        return
    out.print(f"{report.questions} questions")
    for key in ("hit_at_1", "hit_at_3", "hit_at_5", "mrr", "answer_accuracy", "citation_accuracy", "decline_accuracy"):
        out.print(f"  {key:<24} {getattr(report, key):.3f}")
    if report.classification_accuracy is not None:
        out.print(f"  {'classification_accuracy':<24} {report.classification_accuracy:.3f}  ({report.initiatives} initiatives)")
    if show_failures:
        for f in report.failures:
            out.print(f"[red]✗[/] {f['id']} : {f['question']}\n    → {f['answer'][:200]}")


STATUS_LABELS = {"done": "réalisées", "in_progress": "en cours", "not_done": "non réalisées"}


def render_sources(sources) -> None:
    if sources:
        out.print("\n[bold]Sources[/]")
    for s in sources:
        where = s.page_text
        out.print(f"[{s.n}] {s.document} ({s.file}{', ' + where if where else ''}) — « {s.excerpt} »")


@app.command()
def stats(
    axis: Optional[int] = typer.Option(None, "--axis", help="Statistiques d'un axe (registre des actions)."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : les statistiques en JSON."),
) -> None:
    """Part des actions réalisées, en cours et non réalisées, telle que publiée (et selon le registre s'il existe)."""
    assistant = _assistant_or_fail()
    if as_json:
        emit_json(assistant.tools["action_stats"](axis))
        return
    result = assistant.knowledge.action_stats(axis)
    if not result.found and not result.register:
        out.print("Aucune statistique d'actions trouvée dans les documents indexés.")
        return
    if result.found:
        out.print(f"[bold]Avancement des actions[/] (au {result.as_of or 'date inconnue'})")
        for status, label in STATUS_LABELS.items():
            value = getattr(result, status)
            if value is not None:
                out.print(f"  {label:<14} {value:>5} %   « {result.written[status]} » [{result.source_of[status]}]")
    if result.register:
        reg = result.register
        overall = reg["overall"]
        out.print(f"\n[bold]Registre des actions[/] ({', '.join(reg['files'])}, mis à jour le {reg['updated'] or '?'}) : {overall['actions']} actions")
        for status, label in STATUS_LABELS.items():
            out.print(f"  {label:<14} {overall[status]} %  ({overall[status + '_count']})")
        for number, part in reg["by_axis"].items():
            out.print(f"  axe {number} : " + ", ".join(f"{part[s]} % {l}" for s, l in STATUS_LABELS.items()))
        for issue in reg["issues"]:
            out.print(f"[yellow]⚠ {issue}[/]")
    render_sources(result.sources)


@app.command()
def calendar(
    body: Optional[str] = typer.Option(None, "--body", help="Une instance (ex. « CTDC », « comité de pilotage »)."),
    year: Optional[int] = typer.Option(None, "--year", help="Une année."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le calendrier en JSON."),
) -> None:
    """Calendrier de la gouvernance : les réunions de chaque instance, dates telles qu'écrites."""
    assistant = _assistant_or_fail()
    if as_json:
        emit_json(assistant.tools["governance_calendar"](body, year))
        return
    result = assistant.knowledge.governance_calendar(body, year)
    if not result.events:
        out.print("Aucune réunion de gouvernance trouvée dans les documents indexés.")
        return
    for name, events in result.bodies().items():
        dates = ", ".join(e.date + (" (date incomplète)" if e.incomplete else "") for e in events)
        out.print(f"[bold]{name}[/] — {len(events)} réunion(s) : {dates} [{events[0].source}]")
    render_sources(result.sources)


@app.command()
def axes(as_json: bool = typer.Option(False, "--json", help="Dernière ligne : la stratégie en JSON.")) -> None:
    """Les axes stratégiques du pacte et leurs objectifs opérationnels."""
    assistant = _assistant_or_fail()
    if as_json:
        emit_json(assistant.tools["strategy_axes"]())
        return
    result = assistant.knowledge.strategy_axes()
    if not result.axes:
        out.print("Aucun axe stratégique trouvé dans les documents indexés.")
        return
    out.print(f"{len(result.axes)} axes, {result.objective_count} objectifs opérationnels")
    for a in result.axes:
        out.print(f"\n[bold]AXE {a.number} : {a.title}[/] [{a.source}]")
        for objective in a.objectives:
            out.print(f"  • {objective}")
    render_sources(result.sources)


@app.command()
def classify(
    text: str = typer.Argument(..., help="Description de l'initiative."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le classement en JSON."),
) -> None:
    """Indique à quel axe stratégique (et objectif opérationnel) une initiative se rattache, ou qu'elle n'en relève d'aucun."""
    assistant = _assistant_or_fail()
    if as_json:
        emit_json(assistant.tools["classify_initiative"](text))
        return
    result = assistant.classifier.classify(text)
    if result.axis is None:
        out.print("[bold]Ne relève d'aucun axe[/]")
    else:
        out.print(f"[bold]Axe {result.axis} : {result.axis_title}[/] (confiance {result.confidence:.0%})")
        if result.objective:
            out.print(f"Objectif opérationnel : {result.objective}")
    out.print(result.reasons)
    for r in result.ranking:
        bar = "█" * int(round(r["score"] * 20))
        out.print(f"  axe {r['axis']} {bar:<20} {r['score']:.2f}  {r['title']}")
    render_sources(result.sources)


@app.command()
def brief(
    topic: Optional[str] = typer.Option(None, "--topic", help="Sujet de la note (texte libre, ex. « Axe 3 : économie touristique »)."),
    axis: Optional[int] = typer.Option(None, "--axis", help="Numéro d'axe."),
    fmt: str = typer.Option("md", "--format", help="md, docx ou pdf."),
    out_file: Path = typer.Option(..., "--out", help="Fichier à écrire."),
) -> None:
    """Rédige une note de synthèse sourcée (sujet, axe ou pacte entier) en Markdown, DOCX ou PDF."""
    from assistant.briefing.render import FORMATS, render
    from assistant.briefing.service import BriefingError

    if fmt not in FORMATS:
        fail(f"format inconnu : {fmt} (attendu : {', '.join(FORMATS)})")
    if not out_file.parent.exists():
        fail(f"dossier introuvable pour la note : {out_file.parent}")
    assistant = _assistant_or_fail()
    try:
        note = assistant.briefing.build(topic=topic, axis=axis)
    except BriefingError as exc:
        fail(str(exc))
    data = render(note, fmt)
    try:
        out_file.write_bytes(data)
    except OSError as exc:
        fail(f"impossible d'écrire {out_file} ({exc.strerror or exc})")
    out.print(f"Note écrite : {out_file} ({len(note.sources)} sources, données au {note.as_of or 'date inconnue'})")


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

    assistant = _assistant_or_fail()
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
    uvicorn.run(server, host=host, port=port, log_level="warning")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
