"""Assemble a briefing note (note de synthèse) from extracted data and quoted passages.

In the default offline mode nothing is written that is not read: figures and dates come from the
structured store, passages are quoted. With an LLM configured, a short synthesis paragraph may be
added to « Contexte »; it goes through the citation verifier and unverified sentences are dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from assistant.answers.model import Source
from assistant.answers.prompts import BRIEF_SYSTEM_PROMPT, BRIEF_USER_PROMPT
from assistant.answers.question import analyse
from assistant.answers.verify import verify
from assistant.briefing.model import Note, NoteItem, NoteSection, NoteSources
from assistant.knowledge.service import KnowledgeService

logger = logging.getLogger(__name__)

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
AXIS_IN_TOPIC_RE = re.compile(r"\baxe\s*(\d+)\b", re.IGNORECASE)
STATUS_LABELS = {"done": "réalisées", "in_progress": "en cours", "not_done": "non réalisées"}


class BriefingError(ValueError):
    pass


def french_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class BriefingService:
    def __init__(self, knowledge: KnowledgeService, answers, llm=None):
        self.knowledge = knowledge
        self.answers = answers  # AnswerService: retrieval and passage selection
        self.llm = llm

    def build(self, topic: str | None = None, axis: int | None = None, today: dt.date | None = None) -> Note:
        strategy = self.knowledge.strategy_axes()
        if axis is None and topic:
            m = AXIS_IN_TOPIC_RE.search(topic)
            axis = int(m.group(1)) if m and strategy.axis(int(m.group(1))) else None
        if axis is not None and strategy.axis(axis) is None:
            known = ", ".join(str(a.number) for a in strategy.axes) or "aucun"
            raise BriefingError(f"Axe {axis} inconnu : axes présents dans les documents : {known}.")
        chosen_axis = strategy.axis(axis) if axis is not None else None
        book = NoteSources()

        def cite(sources: list[Source], n: int) -> int:
            return book.add(next(s for s in sources if s.n == n))

        stats = self.knowledge.action_stats()
        calendar = self.knowledge.governance_calendar()
        doc_title = (stats.sources or strategy.sources or [Source(0, "", "", None, None, None, "", 0)])[0].document
        if chosen_axis:
            subject = f"Axe {chosen_axis.number} : {chosen_axis.title}"
        elif topic:
            subject = topic.strip()
        else:
            subject = f"Ensemble du pacte — {doc_title}" if doc_title else "Ensemble du pacte"

        # Objet
        objet = NoteSection("Objet", [NoteItem(f"Note de synthèse : {subject}.")])
        if doc_title:
            objet.items.append(NoteItem(f"Établie à partir des documents indexés, principalement « {doc_title} »."))

        # Contexte
        contexte = NoteSection("Contexte")
        members = self.knowledge.members()
        if members:
            refs = [book.add(self._fact_source(f)) for f in members[:1]]
            names = ", ".join(f.data["name"] for f in members)
            contexte.items.append(NoteItem(f"Territoire : {names}.", refs))
        for fact in self.knowledge.inputs():
            status = f" ({fact.data['status']})" if fact.data.get("status") else ""
            contexte.items.append(NoteItem(f"Fondement de la stratégie : {fact.data['name']}{status}.", [book.add(self._fact_source(fact))]))
        axes = [chosen_axis] if chosen_axis else strategy.axes
        for a in axes:
            n = cite(strategy.sources, a.source)
            contexte.items.append(NoteItem(f"Axe {a.number} : {a.title}.", [n]))

        # Éléments clés
        cles = NoteSection("Éléments clés")
        if stats.found:
            parts = [f"{stats.written[s]}" for s in ("done", "in_progress", "not_done") if s in stats.written]
            refs = sorted({cite(stats.sources, stats.source_of[s]) for s in stats.written})
            when = f" (au {stats.as_of})" if stats.as_of else ""
            cles.items.append(NoteItem(f"Avancement des actions{when} : " + " ; ".join(parts) + ".", refs))
        for a in axes:
            n = cite(strategy.sources, a.source)
            for objective in a.objectives:
                cles.items.append(NoteItem(f"Objectif opérationnel de l'axe {a.number} : {objective}.", [n]))
        already = {o for a in axes for o in a.objectives}
        for text, source in self._key_passages(topic or (chosen_axis.title if chosen_axis else None)):
            if text in already:
                continue
            cles.items.append(NoteItem(f"« {text} »", [book.add(source)]))

        # Gouvernance et suivi
        gouvernance = NoteSection("Gouvernance et suivi")
        for body, events in calendar.bodies().items():
            dates = ", ".join(e.date for e in events)
            n = cite(calendar.sources, events[0].source)
            gouvernance.items.append(NoteItem(f"{body} : {len(events)} réunion(s) — {dates}.", [n]))

        # Points d'attention et suites à donner
        attention = NoteSection("Points d'attention et suites à donner")
        if stats.found and stats.not_done:
            attention.items.append(NoteItem(
                f"Actions non réalisées : {stats.written['not_done']}.", [cite(stats.sources, stats.source_of['not_done'])]))
        for e in calendar.events:
            if e.incomplete:
                attention.items.append(NoteItem(
                    f"Date incomplète dans la source ({e.body}) : « {e.date} », à vérifier auprès du service.",
                    [cite(calendar.sources, e.source)]))
        for conflict in stats.conflicts + strategy.conflicts:
            refs = [cite(stats.sources if conflict in stats.conflicts else strategy.sources, n) for n in conflict.sources[:1]]
            attention.items.append(NoteItem(
                f"Chiffres divergents : « {conflict.document} »" + (f" ({conflict.as_of})" if conflict.as_of else "")
                + f" donne {conflict.summary} ; la note retient le document le plus récent du territoire. À trancher "
                "dans corrections.toml.", refs))
        for status, correction in stats.corrections.items():
            attention.items.append(NoteItem(
                f"Valeur corrigée par les utilisateurs ({STATUS_LABELS.get(status, status)}) : "
                f"{correction.get('note') or 'sans note'}."))
        if stats.register:
            for issue in stats.register["issues"]:
                attention.items.append(NoteItem(f"Registre des actions : {issue}."))
        for fact in self.knowledge.next_steps():
            attention.items.append(NoteItem(f"Suite à donner : {fact.data['text']}.", [book.add(self._fact_source(fact))]))

        sections = [objet, contexte, cles, gouvernance, attention]
        note = Note(
            title="Note de synthèse",
            subject=subject,
            written_on=french_date(today or dt.date.today()),
            as_of=stats.as_of,
            sections=sections,
            sources=book.sources,
            stats={s: getattr(stats, s) for s in ("done", "in_progress", "not_done")} if stats.found else None,
        )
        if self.llm is not None:
            self._add_llm_synthesis(note, subject)
        return note

    def _fact_source(self, fact) -> Source:
        doc = self.knowledge.catalog.document(fact.doc_id)
        return Source(0, (doc.title if doc else "") or "", doc.path if doc else "", fact.page, None, None, fact.excerpt or "", 1.0)

    def _key_passages(self, topic: str | None) -> list[tuple[str, Source]]:
        """Up to four quoted passages that answer the topic, from the home documents."""
        if not topic:
            return []
        service = self.answers
        analysis = analyse(topic, service.glossary, service.cues)
        hits = service.retriever.retrieve(topic)
        home_only = service.retriever.restricts_answers(topic)
        pick = service.extractive.select(analysis, hits, home_only=home_only)
        out = []
        seen = set()
        for cand in (pick.candidates if pick else []):
            text = cand.unit.display
            if text in seen or len(text) < 12:
                continue
            seen.add(text)
            out.append((text, service._source(0, cand.hit, cand.unit.text.strip())))
        return out[:4]

    def _add_llm_synthesis(self, note: Note, subject: str) -> None:
        from llama_index.core.llms import ChatMessage

        numbered = "\n".join(f"[{s.n}] {s.document} — {s.excerpt}" for s in note.sources)
        messages = [
            ChatMessage(role="system", content=BRIEF_SYSTEM_PROMPT),
            ChatMessage(role="user", content=BRIEF_USER_PROMPT.format(subject=subject, passages=numbered)),
        ]
        try:
            raw = str(self.llm.chat(messages).message.content or "").strip()
        except Exception as exc:
            logger.warning("synthèse par le LLM impossible (%s) : note sans paragraphe rédigé", exc)
            return
        passages = {s.n: f"{s.document} {s.excerpt} {note.as_of or ''}" for s in note.sources}
        clean, checks = verify(raw, passages, claims=True)
        note.verified = all(c.ok for c in checks)
        kept = " ".join(c.sentence.strip() for c in checks if c.ok and re.search(r"\[\d+\]", c.sentence))
        if kept:
            note.section("Contexte").prose = kept
