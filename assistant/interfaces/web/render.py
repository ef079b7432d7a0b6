"""HTML and Markdown pieces of the web app: answers with their source cards, axis cards."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote

from assistant.answers.compose import answer_notice, lead_value
from assistant.answers.model import Answer, Source, short_title
from assistant.providers.lexical import tokenize_fr
from assistant.text.typography import title_case

WORD_RE = re.compile(r"[\wÀ-ÿœŒ'’-]+")

TOOL_LABELS = {
    "action_stats": "statistiques des actions",
    "governance_calendar": "calendrier de la gouvernance",
    "strategy_axes": "axes et objectifs",
    "strategy_inputs": "documents sources de la stratégie",
    "next_steps": "suites à donner",
    "classify_initiative": "rattachement à un axe",
}


def inert_markdown(text) -> str:
    """Text from a document (or a file name), made safe to place in Markdown: no raw HTML (« < », « > »
    and « & » escaped) and no image syntax (« ![ »), so the browser fetches nothing a document names."""
    return html.escape("" if text is None else str(text), quote=False).replace("![", "!\\[")


def french_date(value: str | None) -> str:
    """An ISO date or date-time as French readers write it (« 28/11/2026 23:16 », « 01/03/2024 »);
    any other text (« Janvier 2022 », as the document has it) unchanged."""
    if not value:
        return ""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return parsed.strftime("%d/%m/%Y")
    return parsed.strftime("%d/%m/%Y %H:%M")


def document_link(source: Source) -> str:
    anchor = f"#page={source.page}" if source.page else ""
    return f"/documents/{quote(source.file)}{anchor}"


def highlight(text: str, question: str) -> str:
    """The excerpt, HTML-escaped, with the words of the question (same stem) marked."""
    wanted = set(tokenize_fr(question))
    out, last = [], 0
    for m in WORD_RE.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        word = m.group(0)
        stems = tokenize_fr(word)
        escaped = html.escape(word)
        out.append(f"<mark>{escaped}</mark>" if stems and set(stems) & wanted else escaped)
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def display_title(title: str, limit: int = 60) -> str:
    """A document title as a reader takes it in at a glance (the same as answers name it: an
    all-capitals title in ordinary case, acronyms kept, long parentheses dropped, cut at a word)."""
    return short_title(title_case(title, limit), limit)


def where_in_document(source: Source) -> str:
    """« p. 3 · Section » (either part may be missing)."""
    return " · ".join(x for x in (source.page_text, source.section) if x)


def by_document(sources: list[Source]) -> list[tuple[str, list[Source]]]:
    """Sources grouped by document, in the order of their first citation."""
    groups: dict[str, list[Source]] = {}
    for s in sources:
        groups.setdefault(s.file or s.document, []).append(s)
    return [(group[0].document, group) for group in groups.values()]


def source_cards(sources: list[Source], question: str = "", title: str = "Sources") -> str:
    """Source cards grouped by document: its short title and file once, then one card per passage
    with its page and section, the excerpt and a link to the page."""
    if not sources:
        return ""
    blocks = []
    for document, group in by_document(sources):
        cards = []
        for s in group:
            where = where_in_document(s)
            link = (f'<a class="pacte-open" href="{html.escape(document_link(s))}" target="_blank" rel="noopener">'
                    f"Ouvrir{' à la page ' + str(s.page) if s.page else ' le document'}</a>") if s.file else ""
            cards.append(
                f'<details class="pacte-source" open><summary><b>[{s.n}]</b> {html.escape(where or "passage")}</summary>'
                f'<blockquote>{highlight(s.excerpt, question)}</blockquote>'
                f'<div class="pacte-file">{link}</div></details>'
            )
        head = (f'<div class="pacte-doc" title="{html.escape(document)}"><b>{html.escape(display_title(document))}</b>'
                f' <span class="pacte-file">{html.escape(group[0].file)}</span></div>')
        blocks.append(f'<div class="pacte-doc-group">{head}{"".join(cards)}</div>')
    return f'<div class="pacte-sources"><h4>{html.escape(title)}</h4>{"".join(blocks)}</div>'


def answer_markdown(answer: Answer) -> str:
    """The chat message: the answer, a warning when unverified, then the short list of sources.
    Every piece that comes from the documents goes through ``inert_markdown``."""
    text = inert_markdown(answer.answer)
    value = lead_value(answer.answer)
    if value:  # what the question asks, set off before where it comes from
        shown = inert_markdown(value)
        text = f"**{shown}**{text[len(shown):]}" if text.startswith(shown) else text
    notice = answer_notice(answer)
    if notice:
        text += f"\n\n**Attention :** *{inert_markdown(notice)}*"
    if answer.sources:
        label = "Sources" if answer.answered else "Passages les plus proches"
        lines = []
        for document, group in by_document(answer.sources):
            places: dict[str, list[str]] = {}  # « p. 1 · Section » → its source numbers
            for s in group:
                places.setdefault(where_in_document(s), []).append(f"[{s.n}]")
            shown = " ; ".join(f"{', '.join(numbers)} {inert_markdown(where)}".rstrip() for where, numbers in places.items())
            title = display_title(document)
            # a title the answer already names is not repeated: the places are enough
            lines.append(shown if title in answer.answer else f"*{inert_markdown(title)}* : {shown}")
        text += f"\n\n**{label}** :\n" + "\n".join(f"- {ln}" for ln in lines)
    if answer.tool:
        label = TOOL_LABELS.get(answer.tool, answer.tool)
        text += f"\n\n<sub>Réponse issue des données structurées : {label}.</sub>"
    return text


def draft_markdown(draft: str) -> str:
    """The LLM's draft while it is generated, marked as such: it is replaced by the verified answer."""
    return f"*Brouillon du modèle de langage, en cours de rédaction puis de vérification :*\n\n{inert_markdown(draft)}"


def answer_plain(answer: Answer) -> str:
    """The answer and its sources as plain text (API and « copier »)."""
    lines = [answer.answer, ""]
    for s in answer.sources:
        where = ", ".join(x for x in (s.page_text, s.section) if x)
        lines.append(f"[{s.n}] {s.document} ({s.file}{', ' + where if where else ''}) — « {s.excerpt} »")
    return "\n".join(lines).strip()


# the system's own sans-serif: legible capitals, and nothing fetched from a font service
FONT_STACK = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "DejaVu Sans", "Liberation Sans",
              "Arial", "sans-serif"]
MONO_STACK = ["ui-monospace", "DejaVu Sans Mono", "Liberation Mono", "Consolas", "monospace"]

CSS = """
.pacte-source { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.pacte-source blockquote { margin: 6px 0; padding-left: 8px; border-left: 3px solid #8c959f; }
.pacte-source mark { background: #fff3b0; }
.pacte-file { font-size: 0.85em; color: #57606a; }
.pacte-axis { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 14px; }
.pacte-axis.none { border-color: #c62828; }
.pacte-bar { display: flex; gap: 8px; align-items: center; }
.pacte-bar progress { width: 220px; max-width: 40vw; }
.pacte-doc-group { margin: 8px 0 12px; }
.pacte-doc { margin: 4px 0; }
.pacte-doc .pacte-file { margin-left: 6px; }
.pacte-sources, .pacte-source { overflow-wrap: anywhere; }
/* the chat's clear and copy icons get a strip of their own above the messages, instead of floating
   over the last one when the conversation scrolls */
#pacte-chat .icon-button-wrapper.top-panel { position: static; margin: 0 0 4px auto; width: fit-content; }
#pacte-chat > .wrapper { display: flex; flex-direction: column; }
#pacte-chat .bubble-wrap { flex: 1 1 auto; min-height: 0; }
/* tables in the body font: the monospaced default makes the columns wider than they need be */
#pacte-documents *, #pacte-register *, #pacte-facts * { font-family: var(--font) !important; }
/* on a phone the axes and the notes beside them go one under the other */
@media (max-width: 720px) { #pacte-axes-row { flex-direction: column; } }
"""
