"""Tab « Documents »: indexed documents with their state and errors; upload, delete, re-index.

An upload is taken only from Gradio's own upload folder: a client can send any path in the event's
data, and Gradio mounted on FastAPI does not check it (its check runs only after ``launch()``)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import gradio as gr
from gradio.utils import get_upload_folder

from assistant.corpus_service import UPLOAD_SUFFIXES, CorpusError, display_name, sanitize_filename
from assistant.ingest.service import IngestLockedError
from assistant.interfaces.web.render import french_date
from assistant.interfaces.web.render import inert_markdown as md

logger = logging.getLogger(__name__)

COLUMNS = ["Fichier", "Titre", "Pages", "Extraits", "Date", "Indexé le", "État"]
# 1,140 px in all: at 1366 px the seven columns fit side by side, long file names and titles
# wrapping; on a phone they keep readable widths and the table scrolls sideways in its frame
COLUMN_WIDTHS = ["220px", "330px", "70px", "80px", "120px", "150px", "170px"]



def received_upload(path: str | os.PathLike) -> Path | None:
    """The real path of a file Gradio received through its upload route, or None when ``path``
    (client-sent data) resolves, symbolic links followed, outside Gradio's upload folder."""
    try:
        folder = os.path.realpath(get_upload_folder())
        real = os.path.realpath(os.fspath(path))
    except (OSError, ValueError):  # e.g. a NUL byte in the path
        return None
    if os.path.commonpath([folder, real]) != folder or real == folder or not os.path.isfile(real):
        return None
    return Path(real)


def accept_only_received_uploads(upload: gr.File) -> gr.File:
    """Make ``upload`` leave out of Gradio's cache any file that is not already there: the stock
    component copies whatever path the client names, before any handler runs. Such a path reaches
    the handler unchanged, for ``received_upload`` to refuse with a message naming the file.

    The instance is patched, not subclassed: a subclass of a Gradio component writes a ``.pyi``
    stub beside its module at import time. Gradio keeps this instance for every session as long as
    no event returns ``gr.update(...)`` for it (none does)."""
    move_async, move = upload.async_move_resource_to_block_cache, upload.move_resource_to_block_cache

    def outside(path) -> bool:
        return path is not None and received_upload(str(path)) is None

    async def move_async_if_received(path):
        return str(path) if outside(path) else await move_async(path)

    def move_if_received(path):
        return str(path) if outside(path) else move(path)

    upload.async_move_resource_to_block_cache = move_async_if_received
    upload.move_resource_to_block_cache = move_if_received
    return upload


def documents_table(assistant) -> list[list]:
    rows = []
    for d in assistant.sources.list_documents():
        state = "indexé" if d.status == "indexed" else "incomplet"
        if d.warning:
            state += f" : {d.warning}"
        rows.append([d.file, d.title or "", d.pages, d.chunks, french_date(d.date), french_date(d.ingested_at), state])
    for file, error in assistant.sources.failures().items():
        rows.append([file, "", 0, 0, "", "", f"erreur : {error}"])
    return rows


def removable_files(assistant) -> list[str]:
    """Every file of the corpus folder (indexed or not, readable or not), and every indexed document
    whose file is gone: each can be removed from the tab."""
    return sorted(set(assistant.corpus_files.list_files()) | {d.file for d in assistant.sources.list_documents()})


def ingest_summary(report, reported: set[str] = frozenset()) -> str:
    """The ingest report in French; failures of the files in ``reported`` are left to the caller."""
    from assistant.text.typography import plural

    lines = [f"{plural(report.documents, 'document indexé', 'documents indexés')}, {plural(report.chunks, 'extrait')} : "
             f"{plural(report.added, 'ajouté')}, {report.updated} mis à jour, {plural(report.removed, 'retiré')} "
             f"({report.seconds:.1f} s)."]
    lines += [f"- erreur, « {md(display_name(f['file']))} » non indexé : {md(f['error'])}"
              for f in report.failed if f["file"] not in reported]
    return "\n".join(lines)


def indexing_step(file: str, done: int, total: int) -> str:
    """The progress line of an indexing run: which file, and how far."""
    if not file:
        return "Indexation terminée"
    return f"Indexation de « {display_name(file)} » ({min(done + 1, max(total, 1))} sur {max(total, 1)})"


def build_documents_tab(assistant) -> None:
    table = gr.Dataframe(headers=COLUMNS, value=lambda: documents_table(assistant), interactive=False,
                         label="Documents du corpus", elem_id="pacte-documents", wrap=True,
                         column_widths=COLUMN_WIDTHS, max_height=420)
    status = gr.Markdown(elem_id="pacte-doc-status", min_height=24)
    upload = accept_only_received_uploads(gr.File(
        label=f"Ajouter des documents ({', '.join(sorted(s.lstrip('.').upper() for s in UPLOAD_SUFFIXES))}, "
              f"{assistant.settings.max_upload_mb:g} Mo au plus)",
        file_count="multiple", file_types=sorted(UPLOAD_SUFFIXES), type="filepath", elem_id="pacte-upload"))
    with gr.Row():
        to_delete = gr.Dropdown(label="Fichier à retirer", choices=[], allow_custom_value=False, elem_id="pacte-to-delete")
        delete = gr.Button("Retirer du corpus", variant="stop", elem_id="pacte-delete")
        reindex = gr.Button("Réindexer", variant="secondary", elem_id="pacte-reindex")

    def choices():
        return gr.update(choices=removable_files(assistant), value=None)

    def run_ingest(progress: gr.Progress, reported: set[str] = frozenset()):
        """(the ingest report or None, its summary, or the French message of a refused ingestion)."""

        def on_progress(file: str, done: int, total: int) -> None:
            # a fraction, not (done, total): Gradio would add an English « 1/3 steps »
            progress(done / max(total, 1), desc=indexing_step(file, done, total))

        progress(0, desc="Indexation : recherche des fichiers nouveaux ou modifiés…")

        try:
            report = assistant.ingest.run(progress=on_progress)
        except IngestLockedError as exc:
            return None, f"**{md(str(exc))}**"
        return report, ingest_summary(report, reported)

    def on_upload(paths: list[str] | None, progress=gr.Progress()):
        messages, added = [], {}  # added: corpus name → name as sent
        for path in paths or []:
            sent = display_name(Path(str(path)).name)
            received = received_upload(path)
            if received is None:
                logger.warning("envoi refusé : chemin hors du dossier des envois de Gradio (%r)", str(path))
                messages.append(f"- refusé : « {md(sent)} » n'a pas été reçu par l'envoi de fichiers "
                                "(chemin hors du dossier des envois) ; rien n'a été copié.")
                continue
            try:
                added[assistant.corpus_files.add(sent, received)] = sent
            except CorpusError as exc:
                messages.append(f"- refusé : {md(str(exc))}")
        report, summary = run_ingest(progress, reported=set(added)) if added else (None, "")
        failed = {f["file"]: f["error"] for f in report.failed} if report else {}
        for name, sent in added.items():
            wanted = sanitize_filename(sent)
            renamed = f" sous le nom « {md(name)} »" if name != sent else ""
            if name != wanted:
                renamed += f" (« {md(wanted)} » existe déjà dans le corpus et reste inchangé)"
            if name in failed:
                messages.append(f"- erreur : « {md(sent)} » copié dans le corpus{renamed} mais non indexé : "
                                f"{md(failed[name])}. Vous pouvez le retirer ci-dessous.")
            else:
                messages.append(f"- « {md(sent)} » ajouté{renamed}")
        if summary:
            messages.append("\n" + summary)
        return "\n".join(messages), documents_table(assistant), choices(), None

    def on_delete(file: str | None, progress=gr.Progress()):
        if not file:
            return "Choisissez un fichier à retirer.", documents_table(assistant), choices()
        shown = md(display_name(file))
        if file in assistant.corpus_files.list_files():
            try:
                assistant.corpus_files.delete(file)
            except CorpusError as exc:
                return f"- erreur : {md(str(exc))}", documents_table(assistant), choices()
            except OSError as exc:
                return (f"- erreur : « {shown} » n'a pas pu être supprimé ({md(exc.strerror or str(exc))}).",
                        documents_table(assistant), choices())
            done = f"« {shown} » retiré du dossier du corpus."
        elif file in {d.file for d in assistant.sources.list_documents()}:
            done = f"« {shown} » n'est plus dans le dossier du corpus : il est retiré de l'index."
        else:
            return f"- erreur : « {shown} » introuvable dans le corpus.", documents_table(assistant), choices()
        _, summary = run_ingest(progress)
        return f"{done}\n\n{summary}", documents_table(assistant), choices()

    def on_reindex(progress=gr.Progress()):
        _, summary = run_ingest(progress)
        return summary, documents_table(assistant), choices()

    # one progress bar (« Indexation de « x.pdf » (2 sur 5) »), over the table
    shown = {"show_progress": "full", "show_progress_on": [table], "api_visibility": "private"}
    upload.upload(on_upload, upload, [status, table, to_delete, upload], **shown)
    delete.click(on_delete, to_delete, [status, table, to_delete], **shown)
    reindex.click(on_reindex, None, [status, table, to_delete], **shown)
    return choices, to_delete
