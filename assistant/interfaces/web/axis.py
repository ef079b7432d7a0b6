"""Tab « Quel axe ? »: an initiative → the axis card, or « ne relève d'aucun axe »."""

from __future__ import annotations

import html

import gradio as gr

from assistant.interfaces.web.render import source_cards


def axis_card(result) -> str:
    """The verdict with the same confidence as ``pacte classify --json`` (level and share of 100)."""
    confidence = (f"<p>Confiance : {html.escape(result.confidence_level)} "
                  f"({round(result.confidence * 100)}&nbsp;%)</p>")
    if result.axis is None:
        head = f'<div class="pacte-axis none"><h3>Ne relève d\'aucun axe</h3>{confidence}'
    else:
        head = f'<div class="pacte-axis"><h3>Axe {result.axis} : {html.escape(result.axis_title or "")}</h3>{confidence}'
        if result.objective:
            head += f"<p><b>Objectif opérationnel :</b> {html.escape(result.objective)}</p>"
    bars = "".join(
        f'<div class="pacte-bar"><span>Axe {r["axis"]}</span><progress max="1" value="{r["score"]:.3f}"></progress>'
        f' <span>{round(r["score"] * 100)}&nbsp;%</span> <small>{html.escape(r["title"])}</small></div>'
        for r in result.ranking
    )
    return f"{head}<p>{html.escape(result.reasons)}</p>{bars}</div>" + source_cards(result.sources)


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
        return axis_card(assistant.classifier.classify(description))

    go.click(show_axis_card, text, card, api_visibility="private")
    text.submit(show_axis_card, text, card, api_visibility="private")
