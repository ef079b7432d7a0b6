"""Tab « Questions »: the chat, follow-ups kept per user in gr.State, source cards under the answer."""

from __future__ import annotations

import gradio as gr

from assistant.interfaces.web.render import answer_markdown, draft_markdown, inert_markdown, source_cards

EXAMPLES = [
    "Quel est le taux d'actions réalisées ?",
    "Quand se sont tenus les comités de pilotage ?",
    "Quelles communautés de communes composent le PETR ?",
    "Quels sont les objectifs opérationnels de l'axe 1 ?",
]


def question_markdown(text: str, standalone: str | None) -> str:
    """The user's message; a follow-up that was rewritten shows how it was understood, as the CLI does."""
    shown = inert_markdown(text)
    if standalone and standalone.strip() != text.strip():
        shown += f"\n\n*compris : {inert_markdown(standalone)}*"
    return shown


def build_questions_tab(assistant) -> None:
    history = gr.State([])  # standalone questions of this user's conversation
    # no floating label: it sat over the first message
    chatbot = gr.Chatbot(label="Conversation", show_label=False, height=420, buttons=["copy", "copy_all"],
                         placeholder="Posez une question sur les documents du pacte.", elem_id="pacte-chat")
    with gr.Row():
        question = gr.Textbox(label="Votre question", placeholder="Ex. : Quel est le taux d'actions réalisées ?",
                              scale=5, min_width=200, elem_id="pacte-question")
        send = gr.Button("Envoyer", variant="primary", scale=1, min_width=100, elem_id="pacte-send")
    clear = gr.Button("Nouvelle conversation", size="sm", elem_id="pacte-clear")
    cards = gr.HTML(elem_id="pacte-cards")
    gr.Examples(EXAMPLES, inputs=question, label="Exemples de questions")

    def respond(text: str, messages: list, past: list[str]):
        text = (text or "").strip()
        if not text:
            yield "", messages, past, gr.update()
            return
        asked = {"role": "user", "content": question_markdown(text, None)}
        # LLM modes: the draft is shown as it is generated, then replaced by the verified answer
        for item in assistant.answers.ask_streaming(text, history=past):
            if isinstance(item, str):
                yield "", list(messages) + [asked, {"role": "assistant", "content": draft_markdown(item)}], past, gr.update()
                continue
            answer = item
        messages = list(messages) + [
            {"role": "user", "content": question_markdown(text, answer.standalone_question)},
            {"role": "assistant", "content": answer_markdown(answer)},
        ]
        title = "Sources" if answer.answered else "Passages les plus proches (à consulter)"
        yield "", messages, past + [answer.standalone_question or text], source_cards(answer.sources, text, title)

    for trigger in (question.submit, send.click):
        trigger(respond, [question, chatbot, history], [question, chatbot, history, cards], api_visibility="private")
    clear.click(lambda: ([], [], ""), None, [chatbot, history, cards], api_visibility="private")
    # the chat's own clear icon starts a new conversation too: follow-ups no longer refer to the old one
    chatbot.clear(lambda: ([], ""), None, [history, cards], api_visibility="private")
