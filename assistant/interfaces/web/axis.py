"""Tab « Quel axe ? »: an initiative → the axis card, or « ne relève d'aucun axe »."""

from __future__ import annotations

import gradio as gr

from assistant.interfaces.web.render import classification_card


def build_axis_tab(assistant) -> None:
    text = gr.Textbox(label="Décrivez l'initiative", lines=3,
                      placeholder="Ex. : ouverture d'un magasin de producteurs en vente directe")
    go = gr.Button("Trouver l'axe", variant="primary")
    card = gr.HTML(elem_id="pacte-axis-card")
    gr.Examples([
        "Ouverture d'un magasin de producteurs en vente directe",
        "Aide à la reprise d'une menuiserie dont le dirigeant part à la retraite",
        "Création d'un sentier de randonnée balisé avec des gîtes d'étape",
        "Construction d'une nouvelle école maternelle",
    ], inputs=text, label="Exemples")

    def show_axis_card(description: str) -> str:
        if not (description or "").strip():
            return "<p>Décrivez l'initiative à rattacher.</p>"
        return classification_card(assistant.classifier.classify(description))

    go.click(show_axis_card, text, card, api_visibility="private")
    text.submit(show_axis_card, text, card, api_visibility="private")
