"""Assemble a briefing note (note de synthèse) from extracted data and quoted passages.

In the default offline mode nothing is written that is not read: figures and dates come from the
structured store, passages are quoted. With an LLM configured, a short synthesis paragraph may be
added to « Contexte »; it goes through the citation verifier and unverified sentences are dropped.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from assistant.answers.model import Source
from assistant.answers.prompts import BRIEF_SYSTEM_PROMPT, BRIEF_USER_PROMPT, brief_notice
from assistant.answers.verify import verify
from assistant.briefing.model import Note, NoteItem, NoteSection, NoteSources
from assistant.briefing.sentences import (axis_sentence, figures_moment, looks_like_body, meetings_sentence, objective_sentence,
                                          passage_sentence, register_action_sentence, register_axis_sentence,
                                          stats_sentence, territory_sentence)
from assistant.briefing.topics import GENERIC_STEMS, concerns, distinctive_words, topic_passages, topic_words
from assistant.briefing.typography import date_words, sentence, sentence_case
from assistant.knowledge.lexicon import default_lexicon
from assistant.knowledge.results import STATUS_WORDS_FR, STATUSES
from assistant.knowledge.service import KnowledgeService
from assistant.text.typography import share_fr, title_case

logger = logging.getLogger(__name__)

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
AXIS_IN_TOPIC_RE = re.compile(r"\baxe\s*(\d+)\b", re.IGNORECASE)
TOPIC_HITS = 16  # passages retrieved for a topic or an axis
TOPIC_PASSAGES = 6  # sentences quoted from them, at most
REGISTER_ACTIONS = 3  # register actions named for a topic, at most
FAMILY_PREFIX = 5  # stems sharing their first letters are one word family (tourism, tourist)


class BriefingError(ValueError):
    pass


def french_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass
class Scope:
    """What a note is about: the whole pact, an axis, or a topic (its words decide what goes in)."""

    subject: str
    query: str | None  # what retrieval is asked
    words: set[str]  # stems of the topic (an axis: the stems of its title and objectives no other axis uses)
    own: set[str] = None  # the topic's own stems, without the governance bodies' words
    strong: set[str] = None  # stems enough on their own (an axis: its title's); else two words are needed
    axis: object | None = None
    governance: bool = False  # the topic is governance: the meetings calendar belongs to it

    @property
    def whole(self) -> bool:
        return self.query is None


class BriefingService:
    def __init__(self, knowledge: KnowledgeService, answers, llm=None):
        self.knowledge = knowledge
        self.answers = answers  # AnswerService: retrieval and passage selection
        self.llm = llm

    def _scope(self, topic: str | None, axis: int | None, strategy, doc_title: str) -> Scope:
        if axis is None and topic:
            m = AXIS_IN_TOPIC_RE.search(topic)
            axis = int(m.group(1)) if m and strategy.axis(int(m.group(1))) else None
        if axis is not None and strategy.axis(axis) is None:
            known = ", ".join(str(a.number) for a in strategy.axes) or "aucun"
            raise BriefingError(f"Axe {axis} inconnu : axes présents dans les documents : {known}.")
        lexicon = default_lexicon()
        governance_words = topic_words(" ".join(lexicon.governance_headings))
        if axis is not None:
            chosen = strategy.axis(axis)
            texts = {a.number: " ".join([a.title, *a.objectives]) for a in strategy.axes}
            words = distinctive_words(texts)[chosen.number] or topic_words(texts[chosen.number])
            titles = distinctive_words({a.number: a.title for a in strategy.axes})[chosen.number]
            # an objective's single word (« potentiels », « accompagnement ») is too common to place a
            # passage in the axis: its title's word, or two of its words, are needed
            return Scope(f"Axe {chosen.number} : {sentence_case(chosen.title)}", texts[chosen.number], words, words,
                         titles, chosen)
        if topic and topic.strip():
            base = topic_words(topic)
            words = set(self.answers.glossary.expand(sorted(base))) - GENERIC_STEMS
            # structured facts (objectives, register) must use the topic's own words and their family
            # (« tourisme », « touristique »), not the glossary's neighbours (« local » for circuits courts)
            own = base | {w for w in words if any(w[:FAMILY_PREFIX] == b[:FAMILY_PREFIX] for b in base)}
            governance = bool(words & governance_words)
            if governance:  # governance is spoken of through its bodies (comité, réseau…)
                words |= {t for w in lexicon.body_words for t in topic_words(w)} | governance_words
            return Scope(topic.strip(), topic.strip(), words, own, words, None, governance)
        subject = f"Ensemble du pacte — {doc_title}" if doc_title else "Ensemble du pacte"
        return Scope(subject, None, set(), set(), set(), None, True)

    def build(self, topic: str | None = None, axis: int | None = None, today: dt.date | None = None) -> Note:
        strategy = self.knowledge.strategy_axes()
        stats = self.knowledge.action_stats()
        # the note's subject names the pact's document whole (a chat line cuts it: « Évaluation finale du Pacte … »)
        doc_title = title_case((stats.sources or strategy.sources or [Source(0, "", "", None, None, None, "", 0)])[0].document)
        scope = self._scope(topic, axis, strategy, doc_title)
        book = NoteSources()

        def cite(sources: list[Source], n: int) -> int:
            return book.add(next(s for s in sources if s.n == n))

        # Objet
        objet = NoteSection("Objet", [NoteItem(f"Note de synthèse : {scope.subject}.")])
        if scope.whole and doc_title:
            objet.items.append(NoteItem(f"Établie à partir des documents indexés, principalement « {doc_title} »."))
        elif not scope.whole:
            objet.items.append(NoteItem("Établie à partir de ce que les documents indexés disent de ce sujet, "
                                        "chaque élément avec sa source."))

        # Contexte: the territory, the strategy's foundations (whole pact), the axes concerned
        contexte = NoteSection("Contexte")
        members = self.knowledge.members()
        if members:
            contexte.items.append(NoteItem(territory_sentence([f.data["name"] for f in members]),
                                           [book.add(self._fact_source(members[0]))]))
        if scope.whole:
            inputs = self.knowledge.inputs()
            if inputs:
                names = [f.data["name"] + (f" ({f.data['status']})" if f.data.get("status") else "") for f in inputs]
                contexte.items.append(NoteItem(sentence(f"La stratégie s'appuie sur : {'; '.join(names)}"),
                                               sorted({book.add(self._fact_source(f)) for f in inputs})))
        if scope.axis is not None:
            axes = [scope.axis]
        elif scope.whole:
            axes = strategy.axes
        else:
            axes = [a for a in strategy.axes if concerns(" ".join([a.title, *a.objectives]), scope.own)]
        for a in axes:
            contexte.items.append(NoteItem(axis_sentence(a.number, a.title, len(a.objectives)), [cite(strategy.sources, a.source)]))
        if stats.found and not scope.whole and scope.axis is None:
            pass  # a topic's note leaves the pact's overall progress to the whole-pact note
        elif stats.found and scope.axis is not None:
            axis_stats = self._axis_stats(scope.axis.number)
            if axis_stats is None:  # only the pact's overall shares: context, not the axis's own
                refs = sorted({cite(stats.sources, stats.source_of[s]) for s in stats.written})
                overall = stats_sentence(stats)
                contexte.items.append(NoteItem(f"Pour l'ensemble du pacte, {overall[:1].lower()}{overall[1:]}", refs))

        # Éléments clés
        cles = NoteSection("Éléments clés")
        if stats.found and scope.whole:
            refs = sorted({cite(stats.sources, stats.source_of[s]) for s in stats.written})
            cles.items.append(NoteItem(stats_sentence(stats), refs))
        if scope.axis is not None:
            axis_stats = self._axis_stats(scope.axis.number)
            if axis_stats is not None:
                refs = sorted({book.add(next(x for x in axis_stats.sources if x.n == n)) for n in axis_stats.source_of.values()})
                cles.items.append(NoteItem(stats_sentence(axis_stats, scope.axis.number), refs))
        objectives_shown = set()
        for a in axes:
            n = cite(strategy.sources, a.source)
            for objective in a.objectives:
                if scope.whole or scope.axis is not None or concerns(objective, scope.own):
                    cles.items.append(NoteItem(objective_sentence(a.number, objective), [n]))
                    objectives_shown.add(objective.lower())
        cles.items += self._register_items(scope, book)
        if not scope.whole:
            hits = self.answers.retriever.retrieve(scope.query, top_k=TOPIC_HITS)
            for passage in topic_passages(hits, scope.words, limit=TOPIC_PASSAGES, skip=objectives_shown,
                                          strong=scope.strong, needed=2):
                source = self.answers._source(0, passage.hit, passage.text)
                cles.items.append(NoteItem(passage_sentence(title_case(source.document), passage.text),
                                           [book.add(source)]))

        # Gouvernance et suivi: the meetings, when governance is the subject (or the whole pact)
        gouvernance = NoteSection("Gouvernance et suivi")
        calendar = self.knowledge.governance_calendar() if scope.governance else None
        lexicon = default_lexicon()
        for body, events in (calendar.bodies().items() if calendar else []):
            if not looks_like_body(body, lexicon.body_words):
                continue
            refs = sorted({cite(calendar.sources, e.source) for e in events})
            gouvernance.items.append(NoteItem(meetings_sentence(body, events), refs))

        # Points d'attention et suites à donner
        attention = NoteSection("Points d'attention et suites à donner")
        if stats.found and stats.not_done and scope.whole:
            attention.items.append(NoteItem(
                sentence(f"{share_fr(stats.not_done)} % des actions n'étaient pas réalisées"
                         + (f" {figures_moment(stats)}" if figures_moment(stats) else "")),
                [cite(stats.sources, stats.source_of['not_done'])]))
        for e in (calendar.events if calendar else []):
            if e.incomplete and not e.planned and looks_like_body(e.body, lexicon.body_words):
                attention.items.append(NoteItem(
                    f"Date incomplète dans la source ({e.body}) : « {e.date} », à vérifier auprès du service.",
                    [cite(calendar.sources, e.source)]))
        for conflict in stats.conflicts + strategy.conflicts:
            refs = [cite(stats.sources if conflict in stats.conflicts else strategy.sources, n) for n in conflict.sources[:1]]
            attention.items.append(NoteItem(
                f"Chiffres divergents : « {conflict.document} »" + (f" ({date_words(conflict.as_of)})" if conflict.as_of else "")
                + f" donne {conflict.summary} ; la note retient le document le plus récent du territoire. À trancher "
                "dans corrections.toml.", refs))
        for earlier in stats.earlier:
            attention.items.append(NoteItem(
                f"Chiffres antérieurs : « {earlier.document} »" + (f" ({date_words(earlier.as_of)})" if earlier.as_of else "")
                + f" donnait {earlier.summary} ; la note retient les chiffres les plus récents.",
                [cite(stats.sources, n) for n in earlier.sources[:1]]))
        for status, correction in stats.corrections.items():
            attention.items.append(NoteItem(
                f"Valeur corrigée par les utilisateurs ({STATUS_WORDS_FR.get(status, status)}) : "
                f"{correction.get('note') or 'sans note'}."))
        if stats.register:
            for issue in stats.register["issues"]:
                attention.items.append(NoteItem(sentence(f"Registre des actions : {issue}")))
        for fact in self.knowledge.next_steps():
            if scope.whole or concerns(fact.data["text"], scope.words):
                attention.items.append(NoteItem(sentence(f"Suite à donner : {fact.data['text']}"),
                                                [book.add(self._fact_source(fact))]))

        sections = [objet, contexte, cles, gouvernance, attention]
        note = Note(
            title="Note de synthèse",
            subject=scope.subject,
            written_on=french_date(today or dt.date.today()),
            as_of=stats.as_of,
            sections=sections,
            sources=book.sources,
            # the pact's progress chart goes with the notes that give the pact's progress
            stats=({s: getattr(stats, s) for s in STATUSES}
                   if stats.found and (scope.whole or scope.axis is not None) else None),
        )
        if self.llm is not None:
            self._add_llm_synthesis(note, scope.subject)
        return note

    def _axis_stats(self, number: int):
        """An axis's shares, when the pact's own documents give them: shares another territory's table
        gives for its « axe 1 » are not this pact's (a table is read when no home document has one)."""
        stats = self.knowledge.action_stats(axis=number)
        if not stats.found:
            return None
        focus = self.knowledge.focus
        if focus is None or not focus.profile.active:
            return stats
        home = {d.path for d in self.knowledge.catalog.documents() if focus.is_focus(d.doc_id)}
        return stats if all(s.file in home for s in stats.sources) else None

    def _register_items(self, scope: Scope, book: NoteSources) -> list[NoteItem]:
        """The action register: an axis's counts, or the actions whose wording concerns the topic."""
        rows = self.knowledge.catalog.facts("register_action")
        if not rows or scope.whole:
            return []
        if scope.axis is not None:
            mine = [f for f in rows if f.data.get("axis") == scope.axis.number]
            register = self.knowledge.register_stats() or {}
            shares = (register.get("by_axis") or {}).get(str(scope.axis.number))
            if not mine or not shares:
                return []
            updated = max((f.data.get("updated") or "" for f in mine), default="") or None
            source = self._register_source(mine)
            return [NoteItem(register_axis_sentence(scope.axis.number, shares, updated), [book.add(source)])]
        chosen = [f for f in rows if concerns(f"{f.data.get('action', '')} {f.data.get('objective', '')}", scope.own)]
        return [NoteItem(register_action_sentence(f.data), [book.add(self._register_source([f]))])
                for f in chosen[:REGISTER_ACTIONS]]

    def _register_source(self, rows) -> Source:
        doc = self.knowledge.catalog.document(rows[0].doc_id)
        lines = ", ".join(str(f.data.get("line")) for f in rows if f.data.get("line") is not None)
        excerpt = " ; ".join(f"{f.data.get('action', '')} — {f.data.get('objective', '')} — {f.data.get('status_written', '')}"
                             for f in rows)
        return Source(0, (doc.title if doc else "") or "", doc.path if doc else "", None, None,
                      f"ligne{'s' if len(rows) > 1 else ''} {lines}" if lines else None, excerpt, 1.0)

    def _fact_source(self, fact) -> Source:
        doc = self.knowledge.catalog.document(fact.doc_id)
        return Source(0, (doc.title if doc else "") or "", doc.path if doc else "", fact.page, None, None, fact.excerpt or "", 1.0)

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
            note.section("Contexte").prose = brief_notice(0, 0, down=True)
            return
        passages = {s.n: f"{s.document} {s.excerpt} {note.as_of or ''}" for s in note.sources}
        clean, checks = verify(raw, passages, claims=True)
        note.verified = all(c.ok for c in checks)
        kept = " ".join(c.sentence.strip() for c in checks if c.ok and re.search(r"\[\d+\]", c.sentence))
        notice = brief_notice(len(kept), sum(not c.ok for c in checks))
        if kept or notice:
            note.section("Contexte").prose = " ".join(x for x in (kept, notice) if x)
