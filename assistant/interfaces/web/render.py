"""HTML and Markdown pieces of the web app: answers with their source cards, axis cards."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from assistant.answers.model import Answer, Source
from assistant.providers.lexical import tokenize_fr

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


def source_cards(sources: list[Source], question: str = "", title: str = "Sources") -> str:
    if not sources:
        return ""
    cards = []
    for s in sources:
        where = " · ".join(x for x in (s.page_text, s.section) if x)
        link = (f'<a class="pacte-open" href="{html.escape(document_link(s))}" target="_blank" rel="noopener">'
                f"Ouvrir le document{' à la page ' + str(s.page) if s.page else ''}</a>") if s.file else ""
        cards.append(
            f'<details class="pacte-source" open><summary><b>[{s.n}]</b> {html.escape(s.document)}'
            f'{" — " + html.escape(where) if where else ""}</summary>'
            f'<blockquote>{highlight(s.excerpt, question)}</blockquote>'
            f'<div class="pacte-file">{html.escape(s.file)} {link}</div></details>'
        )
    return f'<div class="pacte-sources"><h4>{html.escape(title)}</h4>{"".join(cards)}</div>'


def answer_markdown(answer: Answer) -> str:
    """The chat message: the answer, a warning when unverified, then the short list of sources.
    Every piece that comes from the documents goes through ``inert_markdown``."""
    text = inert_markdown(answer.answer)
    if not answer.verified:
        text += "\n\n⚠️ *Une partie de la réponse n'a pas pu être vérifiée dans les sources et a été retirée.*"
    if answer.sources:
        label = "Sources" if answer.answered else "Passages les plus proches"
        lines = [f"[{s.n}] {inert_markdown(s.document)}" + (f", {inert_markdown(s.page_text)}" if s.page_text else "")
                 for s in answer.sources]
        text += f"\n\n**{label}** :\n" + "\n".join(f"- {ln}" for ln in lines)
    if answer.tool:
        label = TOOL_LABELS.get(answer.tool, answer.tool)
        text += f"\n\n<sub>Réponse issue des données structurées : {label}.</sub>"
    return text


def answer_plain(answer: Answer) -> str:
    """The answer and its sources as plain text (API and « copier »)."""
    lines = [answer.answer, ""]
    for s in answer.sources:
        where = ", ".join(x for x in (s.page_text, s.section) if x)
        lines.append(f"[{s.n}] {s.document} ({s.file}{', ' + where if where else ''}) — « {s.excerpt} »")
    return "\n".join(lines).strip()


def classification_card(result) -> str:
    if result.axis is None:
        head = '<div class="pacte-axis none"><h3>Ne relève d\'aucun axe</h3>'
    else:
        head = (f'<div class="pacte-axis"><h3>Axe {result.axis} : {html.escape(result.axis_title or "")}</h3>'
                f'<p>Confiance : {result.confidence:.0%}</p>')
        if result.objective:
            head += f"<p><b>Objectif opérationnel :</b> {html.escape(result.objective)}</p>"
    bars = "".join(
        f'<div class="pacte-bar"><span>Axe {r["axis"]}</span><progress max="1" value="{r["score"]:.3f}"></progress>'
        f' <span>{r["score"]:.2f}</span> <small>{html.escape(r["title"])}</small></div>'
        for r in result.ranking
    )
    return f"{head}<p>{html.escape(result.reasons)}</p>{bars}</div>" + source_cards(result.sources)


CSS = """
.pacte-source { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.pacte-source blockquote { margin: 6px 0; padding-left: 8px; border-left: 3px solid #8c959f; }
.pacte-source mark { background: #fff3b0; }
.pacte-file { font-size: 0.85em; color: #57606a; }
.pacte-axis { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 14px; }
.pacte-axis.none { border-color: #c62828; }
.pacte-bar { display: flex; gap: 8px; align-items: center; }
.pacte-bar progress { width: 220px; }
"""
