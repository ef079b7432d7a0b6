"""Tab « Documents »: indexed documents with their state and errors; upload, delete, re-index."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from assistant.corpus_service import UPLOAD_SUFFIXES, CorpusError
from assistant.ingest.service import IngestLockedError

COLUMNS = ["Fichier", "Titre", "Pages", "Extraits", "Date du document", "Indexé le", "État"]


def documents_table(assistant) -> list[list]:
    rows = []
    for d in assistant.sources.list_documents():
        state = "indexé" if d.status == "indexed" else "incomplet"
        if d.warning:
            state += f" ({d.warning})"
        rows.append([d.file, d.title or "", d.pages, d.chunks, d.date or "", d.ingested_at or "", state])
    for file, error in assistant.sources.failures().items():
        rows.append([file, "", 0, 0, "", "", f"erreur : {error}"])
    return rows


def build_documents_tab(assistant) -> None:
    table = gr.Dataframe(headers=COLUMNS, value=lambda: documents_table(assistant), interactive=False,
                         label="Documents du corpus", elem_id="pacte-documents")
    status = gr.Markdown(elem_id="pacte-doc-status")
    upload = gr.File(label=f"Ajouter des documents ({', '.join(sorted(s.lstrip('.').upper() for s in UPLOAD_SUFFIXES))}, "
                           f"{assistant.settings.max_upload_mb:g} Mo au plus)",
                     file_count="multiple", file_types=sorted(UPLOAD_SUFFIXES), type="filepath", elem_id="pacte-upload")
    with gr.Row():
        to_delete = gr.Dropdown(label="Document à retirer", choices=[], allow_custom_value=False)
        delete = gr.Button("Retirer du corpus", variant="stop")
        reindex = gr.Button("Réindexer", variant="secondary")

    def choices():
        return gr.update(choices=[d.file for d in assistant.sources.list_documents()], value=None)

    def run_ingest(progress: gr.Progress) -> str:
        def on_progress(file: str, done: int, total: int) -> None:
            progress((done, max(total, 1)), desc=f"Indexation : {file}" if file else "Indexation terminée")

        try:
            report = assistant.ingest.run(progress=on_progress)
        except IngestLockedError as exc:
            return f"**{exc}**"
        lines = [f"{report.documents} document(s) indexé(s), {report.chunks} extraits : {report.added} ajouté(s), "
                 f"{report.updated} mis à jour, {report.removed} retiré(s) ({report.seconds:.1f} s)."]
        lines += [f"- ❌ {f['file']} : {f['error']}" for f in report.failed]
        return "\n".join(lines)

    def on_upload(paths: list[str] | None, progress=gr.Progress()):
        messages = []
        for path in paths or []:
            original = Path(path).name
            try:
                name = assistant.corpus_files.add(original, Path(path))
                messages.append(f"- ✅ {name} ajouté")
            except CorpusError as exc:
                messages.append(f"- ❌ {exc}")
        report = run_ingest(progress) if any(m.startswith("- ✅") for m in messages) else ""
        return "\n".join(messages) + ("\n\n" + report if report else ""), documents_table(assistant), choices(), None

    def on_delete(file: str | None, progress=gr.Progress()):
        if not file:
            return "Choisissez un document à retirer.", documents_table(assistant), choices()
        try:
            assistant.corpus_files.delete(file)
        except CorpusError as exc:
            return f"❌ {exc}", documents_table(assistant), choices()
        return f"🗑️ {file} retiré.\n\n" + run_ingest(progress), documents_table(assistant), choices()

    def on_reindex(progress=gr.Progress()):
        return run_ingest(progress), documents_table(assistant), choices()

    upload.upload(on_upload, upload, [status, table, to_delete, upload], api_visibility="private")
    delete.click(on_delete, to_delete, [status, table, to_delete], api_visibility="private")
    reindex.click(on_reindex, None, [status, table, to_delete], api_visibility="private")
    return choices, to_delete
