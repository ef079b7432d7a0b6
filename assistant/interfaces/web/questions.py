"""Tab « Questions »: the chat, follow-ups kept per user in gr.State, source cards under the answer."""

from __future__ import annotations

import gradio as gr

from assistant.interfaces.web.render import answer_markdown, source_cards

EXAMPLES = [
    "Quel est le taux d'actions réalisées ?",
    "Quand se sont tenus les comités de pilotage ?",
    "Quelles communautés de communes composent le PETR ?",
    "Quels sont les objectifs opérationnels de l'axe 1 ?",
]


def build_questions_tab(assistant) -> None:
    history = gr.State([])  # standalone questions of this user's conversation
    chatbot = gr.Chatbot(label="Conversation", height=420, buttons=["copy", "copy_all"],
                         placeholder="Posez une question sur les documents du pacte.")
    with gr.Row():
        question = gr.Textbox(label="Votre question", placeholder="Ex. : Quel est le taux d'actions réalisées ?",
                              scale=5, elem_id="pacte-question")
        send = gr.Button("Envoyer", variant="primary", scale=1, elem_id="pacte-send")
    clear = gr.Button("Nouvelle conversation", size="sm")
    cards = gr.HTML(elem_id="pacte-cards")
    gr.Examples(EXAMPLES, inputs=question, label="Exemples de questions")

    def respond(text: str, messages: list, past: list[str]):
        text = (text or "").strip()
        if not text:
            return "", messages, past, gr.update()
        answer = assistant.answers.ask(text, history=past)
        messages = list(messages) + [
            {"role": "user", "content": text},
            {"role": "assistant", "content": answer_markdown(answer)},
        ]
        title = "Sources" if answer.answered else "Passages les plus proches (à consulter)"
        return "", messages, past + [answer.standalone_question or text], source_cards(answer.sources, text, title)

    for trigger in (question.submit, send.click):
        trigger(respond, [question, chatbot, history], [question, chatbot, history, cards], api_visibility="private")
    clear.click(lambda: ([], [], ""), None, [chatbot, history, cards], api_visibility="private")
