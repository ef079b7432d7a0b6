"""Tab « Note de synthèse »: topic or axis → Markdown preview and DOCX / PDF downloads."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import gradio as gr

from assistant.briefing.render import render, to_markdown
from assistant.briefing.service import BriefingError
from assistant.interfaces.web.render import inert_markdown
from assistant.text.typography import date_words

WHOLE_PACT = "Tout le pacte"


def preview_markdown(note_markdown: str) -> str:
    """The note's Markdown for the preview. The note quotes documents and has no HTML or image of its
    own, so the whole text goes through ``inert_markdown``: its headings and lists stay Markdown."""
    return inert_markdown(note_markdown)


def build_note_tab(assistant) -> None:
    def axis_choices() -> list[str]:
        return [WHOLE_PACT] + [f"Axe {a.number} : {a.title}" for a in assistant.knowledge.strategy_axes().axes]

    with gr.Row():
        topic = gr.Textbox(label="Sujet (facultatif)", placeholder="Ex. : circuits de proximité", scale=3)
        axis = gr.Dropdown(axis_choices(), value=WHOLE_PACT, label="Axe", scale=2)
    make = gr.Button("Rédiger la note", variant="primary")
    status = gr.Markdown()
    preview = gr.Markdown(label="Aperçu", elem_id="pacte-note-preview")
    files = gr.File(label="Télécharger (DOCX, PDF, Markdown)", file_count="multiple", interactive=False)

    def build(subject: str, axis_label: str):
        """A generator on purpose: Gradio copies the files it yields into its own cache before it
        resumes the generator, which then removes the folder they were written to."""
        match = re.match(r"Axe (\d+)", axis_label or "")
        # the note reads every relevant passage of the corpus: say so at once, then each step
        yield "*Rédaction de la note : recherche des passages et des données…*", "", None
        try:
            note = assistant.briefing.build(topic=(subject or "").strip() or None, axis=int(match.group(1)) if match else None)
        except BriefingError as exc:
            yield f"**Erreur :** {inert_markdown(str(exc))}", "", None
            return
        stem = re.sub(r"[^\w-]+", "-", note.subject.lower()).strip("-")[:60] or "note"
        as_of = date_words(note.as_of) if note.as_of else "date non indiquée"
        info = f"Note rédigée le {note.written_on} — données : {inert_markdown(as_of)} — {len(note.sources)} sources."
        yield f"*Rédaction de la note : mise en forme (DOCX, PDF)… {len(note.sources)} sources.*", \
            preview_markdown(to_markdown(note)), None
        with tempfile.TemporaryDirectory(prefix="note-") as folder:
            paths = []
            for fmt in ("docx", "pdf", "md"):
                path = Path(folder) / f"note-de-synthese-{stem}.{fmt}"
                path.write_bytes(render(note, fmt))
                paths.append(str(path))
            yield info, preview_markdown(to_markdown(note)), paths

    make.click(build, [topic, axis], [status, preview, files], api_name="note")
