"""Route questions on action shares, meeting dates and axes to the structured tools, and turn the
tool results into sourced answers (the JSON's ``tool`` field names the tool)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property

from assistant.answers.compose import Origin, compose, lead_line, listed, other_figures_line, quoted, sentence_of
from assistant.answers.model import Answer
from assistant.answers.question import QuestionAnalysis
from assistant.answers.signals import proper_names
from assistant.knowledge.calendar_answers import calendar_counts, calendar_text
from assistant.knowledge.lexicon import Lexicon
from assistant.knowledge.results import (LIST_NOUNS, LIST_THEN, STATUS_WORDS_EN, STATUS_WORDS_FR,
                                        STATUSES, SourceBook)
from assistant.knowledge.register_answers import register_answer
from assistant.knowledge.service import KnowledgeService
from assistant.knowledge.tool_answer import verified_answer
from assistant.knowledge.tool_questions import (ACTION_RE, ANY_YEAR_RE, AXIS_WORD_RE, COUNTED_RE, GOVERNANCE_RE, INPUTS_HOW_RE,
                                                FUTURE_MEETING_RE, INPUTS_WHAT_RE, MANY_PACTS_RE, MEETING_RE, MEMBER_WORD_RE, MEMBERS_RE, NAME_ASKED_RE, NEXT_RE, ONE_AXIS_RE,
                                                ONE_AXIS_WORD_RE, YEAR_RE, asks_axes, asks_progress, at_stats_date, axes_about,
                                                axis_named, axis_number, body_named, counts_body, counts_members,
                                                status_asked)
from assistant.retrieval.documents import EVERYTHING, Scope
from assistant.retrieval.hybrid import written_date
from assistant.text.tokens import fold_accents, tokenize_fr
from assistant.text.typography import plural, rounded_share

WHO_ARE_RE = re.compile(r"\bqui\s+sont\b|\bwho\s+are\b", re.IGNORECASE)  # « qui sont les intercommunalités … ? »
PERVASIVE = 0.15  # share of a document's passages that name something for it to be the document's own subject
LIST_TOOLS = {"next_steps": "next_step", "strategy_inputs": "input", "members": "member"}  # tool name → fact kind

class ToolRouter:
    """The home pact's structured tools answer a question only within its scope: a question that
    names another document (the regional scheme, another territory's pact, the study) is left to
    retrieval, which answers from that document. Questions on the present state of the actions
    (« selon le registre », « aujourd'hui ») are answered from the action register."""

    def __init__(self, knowledge: KnowledgeService, lexicon: Lexicon):
        self.knowledge = knowledge
        self.lexicon = lexicon

    def __call__(self, question: str, analysis: QuestionAnalysis) -> Answer | None:
        scope = self._scope(question)
        if self._asks_register(question, analysis, scope):
            answer = register_answer(self.knowledge, self.lexicon, question, analysis)
            if answer is not None:
                return answer
        answer = self._route(question, analysis, scope)
        return answer if answer is not None and self._within(answer, scope, question) else None

    def _route(self, question: str, analysis: QuestionAnalysis, scope: Scope) -> Answer | None:
        if NEXT_RE.search(question) and analysis.kind not in ("date", "percent", "count") and not NAME_ASKED_RE.search(question):
            return self._list_answer(question, analysis, "next_steps")
        if self._asks_steps_by_name(analysis, scope):
            return self._list_answer(question, analysis, "next_steps")
        if analysis.essential or analysis.kind == "definition" or self._names_several(question):
            return None  # « pourquoi », « prochain », « budget », several pacts: not what the tools hold
        if ACTION_RE.search(question) and (analysis.kind == "percent" or analysis.kind == "count"
                                           and status_asked(question, self.lexicon)) or asks_progress(question, analysis):
            # a share or a count of actions; not which actions (a list), nor what hindered them
            return self._stats_answer(question, analysis)
        body = body_named(question, self.knowledge.bodies(), self.lexicon)
        # a count is of meetings when the question speaks of meetings or counts the body itself (« combien de copils »)
        about_meetings = analysis.kind == "date" or bool(MEETING_RE.search(question)) or (
            analysis.kind == "count" and counts_body(question, body, self.lexicon))
        # « où s'est tenu le copil ? », « qui présidait ? »: the passages say, the calendar holds dates
        # « s'est-il tenu en présentiel ? », « que s'est-il passé … ? » ask about a meeting, not for
        # its dates: the passages answer, unless the calendar itself is asked for
        asks_dates = (analysis.kind in ("date", "count", "list") or bool(analysis.order or analysis.nth)
                      or bool(GOVERNANCE_RE.search(question)))
        if (body or GOVERNANCE_RE.search(question)) and about_meetings and asks_dates \
                and not FUTURE_MEETING_RE.search(question):
            return self._calendar_answer(question, analysis, body)
        if AXIS_WORD_RE.search(question) and asks_axes(question, analysis):
            return self._axes_answer(question, analysis)
        # the members: named as such (« quelles intercommunalités ? »), or the members of the home
        # territory itself (« les membres du PETR », « qui compose le territoire ? »), not of a body
        members = MEMBERS_RE.search(question) or (MEMBER_WORD_RE.search(question) and scope.home and body is None)
        if analysis.kind == "who" and not (MEMBER_WORD_RE.search(question) or WHO_ARE_RE.search(question)):
            members = None  # « qui préside la communauté de communes ? » asks a person, not the members
        if members and analysis.kind in ("list", "count", "who") and counts_members(question, analysis):
            return self._list_answer(question, analysis, "members")
        if INPUTS_WHAT_RE.search(question) and INPUTS_HOW_RE.search(question) and analysis.kind in ("list", "what", "who"):
            return self._list_answer(question, analysis, "strategy_inputs")
        return None

    def answer_from_tool_call(self, name: str, arguments: dict, question: str, analysis: QuestionAnalysis) -> Answer | None:
        """The answer for a tool an LLM chose to call: the same sourced text as a routed question."""
        if name == "action_stats":
            return self._stats_answer(question, analysis)
        if name == "governance_calendar":
            body = arguments.get("body")
            known = {b.lower(): b for b in self.knowledge.bodies()}
            body = known.get(str(body).lower()) if body else None
            return self._calendar_answer(question, analysis, body)
        if name == "strategy_axes":
            return self._axes_answer(question, analysis)
        if name in LIST_TOOLS:
            return self._list_answer(question, analysis, name)
        return None

    # scope --------------------------------------------------------------------------------
    def _scope(self, question: str) -> Scope:
        focus = self.knowledge.focus
        return focus.scope(question) if focus is not None else EVERYTHING

    def _within(self, answer: Answer, scope: Scope, question: str) -> bool:
        """The tool's sources lie in the documents the question may be answered from, and write every
        year it names (« le nouveau pacte 2022-2027 » is not the pact whose document ends in 2021)."""
        catalog = self.knowledge.catalog
        doc_of = {d.path: d.doc_id for d in catalog.documents()}
        docs = {doc_of.get(s.file) for s in answer.sources} - {None}
        if scope.restricts and not (docs and all(scope.allows(d) for d in docs)):
            return False
        years = ANY_YEAR_RE.findall(question)  # most questions name none: no passage is read for them
        written = " ".join(c.text for d in docs for c in catalog.chunks_of(d)) if years else ""
        return all(year in written for year in years)

    def _asks_steps_by_name(self, analysis: QuestionAnalysis, scope: Scope) -> bool:
        """« Quelles sont les recommandations (du bilan) ? », « Quelle suite l'évaluation prévoit-elle ? »,
        « What are the evaluation's recommendations? »: the steps asked for by the heading that lists them (``lexicon.toml``),
        and nothing else: no other word than those naming a document or saying who wrote them. Not
        « … considère-t-il comme décisives ? » (some of them), nor « la recommandation R6 » (one)."""
        if analysis.kind not in ("list", "what") or analysis.order or analysis.nth or analysis.essential:
            return False
        headings, context = self._steps_words
        labels = {c.label for c in analysis.content}
        return bool(labels & headings) and labels <= headings | context | scope.words

    @cached_property
    def _steps_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The stems of the steps' headings, and of the words that may surround them in a question."""
        headings = frozenset(t for h in self.lexicon.next_steps_headings for t in tokenize_fr(h))
        focus = self.knowledge.focus
        vocabulary = focus.documents.vocabulary if focus is not None else None
        # the words naming a document: its kind (« l'évaluation »), or what it is (« le contrat »)
        kinds = [w for words in vocabulary.kinds.values() for w in words] + vocabulary.document_nouns if vocabulary else []
        context = frozenset(t for w in (*self.lexicon.steps_context, *self.lexicon.step_verbs, *kinds) for t in tokenize_fr(w))
        return headings, context

    def _names_several(self, question: str) -> bool:
        """Several pacts, the regional level, or several documents of a kind by their acronym."""
        focus = self.knowledge.focus
        return bool(MANY_PACTS_RE.search(question)) or (focus is not None and focus.documents.names_several(question))

    def _asks_register(self, question: str, analysis: QuestionAnalysis, scope: Scope) -> bool:
        """A question on the counts, shares or status of the actions, that names the register or
        asks for the present state (« aujourd'hui », « à ce jour », « currently »)."""
        focus = self.knowledge.focus
        if focus is None or not ACTION_RE.search(question):
            return False
        registers = focus.documents.registers()
        if not registers:
            return False
        named = bool(registers & scope.named)
        if scope.named and not named:
            return False
        current = named or focus.documents.asks_current_state(question)
        counted = COUNTED_RE.search(question)
        if analysis.kind == "count" and counted is not None and not ACTION_RE.search(counted.group(1)):
            return False  # « combien de commerces … selon le suivi des actions ? » counts shops, not actions
        asks_figures = analysis.kind in ("percent", "count") or status_asked(question, self.lexicon) is not None
        return current and (asks_figures or focus.documents.asks_update(question))

    # answers ------------------------------------------------------------------------------
    def _stats_answer(self, question: str, analysis: QuestionAnalysis) -> Answer | None:
        axis = axis_named(question, self.knowledge.strategy_axes)
        if axis is None and ONE_AXIS_WORD_RE.search(question):
            return None  # about an axis the tool cannot tell: the passages answer, not the pact's shares
        stats = self.knowledge.action_stats(axis)  # one axis's shares when the question names it
        if not stats.found or not at_stats_date(question, stats.as_of, stats.situation) \
                or self._names_other(question, stats.sources, " ".join(filter(None, (stats.as_of, stats.situation)))):
            return None
        en = analysis.language == "en"
        asked = status_asked(question, self.lexicon)
        order = [s for s in STATUSES if stats.written.get(s)]
        if asked in order:
            order.remove(asked)
            order.insert(0, asked)
        doc = stats.sources[0].document if stats.sources else ""
        words = STATUS_WORDS_EN if en else STATUS_WORDS_FR
        parts, derived = [], set()
        for s in order:
            value = getattr(stats, s)
            if s in stats.corrections:
                c = stats.corrections[s]
                original = f", valeur extraite : {c['original']} %" if "original" in c else ""
                parts.append(f"{rounded_share(value)} % {words[s]} (valeur corrigée par les utilisateurs : "
                             f"{c.get('note') or 'sans note'}{original}) [{stats.source_of[s]}]")
                derived |= {str(value), f"{value}%", str(c.get("original", "")), f"{c.get('original', '')}%"}
            elif stats.computed:
                counted = self._counted_actions(stats, s, en)
                parts.append(f"{rounded_share(value)} % {words[s]} ({counted})"
                             + (f" [{stats.source_of[s]}]" if s in stats.source_of else ""))
                derived |= {str(value), f"{value}%", *re.findall(r"\d+", counted)}
            else:
                parts.append(f"« {stats.written[s]} » [{stats.source_of[s]}]")
        # the share asked for leads, as the documents give it
        lead = None
        if asked in order and getattr(stats, asked) is not None:
            share = rounded_share(getattr(stats, asked))
            whose = "" if axis is None else (f" of axis {axis}" if en else f" de l'axe {axis}")
            at = (f" as of {stats.situation}" if en else f" au {stats.situation}") if stats.situation else ""
            lead = (f"{share}% of actions{whose} {STATUS_WORDS_EN[asked]}{at}" if en
                    else f"{share} % des actions{whose} {STATUS_WORDS_FR[asked]}{at}")
            derived |= {str(axis)} if axis is not None else set()
            derived |= {str(getattr(stats, asked)), share}
        elif asked is None and order and all(getattr(stats, s) is not None for s in order):
            # « Où en sont les actions ? »: every share, in one line
            lead = ("Actions: " if en else "Actions : ") + ", ".join(
                f"{rounded_share(getattr(stats, s))}{'' if en else ' '}% {words[s]}" for s in order)
            derived |= {x for s in order for x in (str(getattr(stats, s)), f"{rounded_share(getattr(stats, s))} %")}
        then = ""
        if stats.computed:
            then = "calculated from the table of actions" if en else "parts calculées à partir du tableau des actions"
        after = [other_figures_line(Origin(c.document, c.as_of), c.summary, c.sources, en, earlier=c in stats.earlier)
                 for c in stats.conflicts + stats.earlier]
        sources = list(stats.sources)
        if stats.register:  # the register's present shares, computed from its rows, cited after the tool's sources
            overall, rows, book = stats.register["overall"], self.knowledge.facts("register_action"), SourceBook(self.knowledge.catalog)
            book.cite(rows[0], " ; ".join(f.excerpt or "" for f in rows[:12]))
            sources.append(replace(book.sources[0], n=len(sources) + 1))
            shown, updated = [s for s in STATUSES if overall.get(s) is not None], written_date(stats.register["updated"] or "?")
            after.append(f"{'Action register' if en else 'Registre des actions'} ({updated}) : " + ", ".join(
                f"{rounded_share(overall[s])} % {words[s]}" for s in shown) + f" [{sources[-1].n}].")
            derived |= {updated, *(x for s in shown for x in (str(overall[s]), f"{rounded_share(overall[s])} %"))}
        text = compose(Origin(doc, stats.as_of), [", ".join(parts)], en, lead, after=after, then=then)
        dates = " ".join(d for d in [stats.as_of, stats.situation, *(c.as_of for c in stats.conflicts + stats.earlier)] if d)
        return verified_answer(question, text, sources, "action_stats", analysis, context=dates, derived=derived)

    def _names_other(self, question: str, sources: list, as_of: str | None = None) -> bool:
        """The question names something (« le programme Cédants-repreneurs », « sur 2014-2018 »)
        that neither the tool's passages, their date nor the documents it chose mention: it asks
        about that, not the pact."""
        said = fold_accents(" ".join([as_of or "", *(f"{s.document} {s.section or ''} {s.excerpt}" for s in sources)]))
        said = said.lower()
        covered = self._scope(question).words
        if any(year not in said for year in re.findall(r"\b(?:19|20)\d\d\b", question)):
            return True
        unsaid = [name for name in proper_names(question) if name not in said and not set(tokenize_fr(name)) <= covered]
        if not unsaid:
            return False
        # a name the tool's documents use throughout (« la Région ») is the pact's; one in a few passages is asked about
        doc_of = {d.path: d.doc_id for d in self.knowledge.catalog.documents()}
        chunks = [fold_accents(c.text).lower() for doc in {doc_of.get(s.file) for s in sources} - {None}
                  for c in self.knowledge.catalog.chunks_of(doc)]
        return any(sum(name in c for c in chunks) < PERVASIVE * len(chunks) for name in unsaid)

    @staticmethod
    def _counted_actions(stats, status: str, en: bool) -> str:
        """« 3 actions sur 10 », from the table's counts."""
        counts = (stats.computed or {}).get("counts") or {}
        total = (stats.computed or {}).get("counted")
        if total is None:
            return stats.written.get(status, "")
        n = counts.get(status, 0)
        return f"{plural(n, 'action')} of {total}" if en else f"{plural(n, 'action')} sur {total}"

    def _calendar_answer(self, question: str, analysis: QuestionAnalysis, body: str | None) -> Answer | None:
        year_match = YEAR_RE.search(question)
        year = int(year_match.group(1)) if year_match else None
        calendar = self.knowledge.governance_calendar(body, year)
        if not calendar.events:
            if year is not None and body:
                whole = self.knowledge.governance_calendar(body)
                if whole.events:
                    text = sentence_of(
                        (f"No « {body} » meeting is dated {year} in the documents — dates found: " if analysis.language == "en"
                         else f"Aucune réunion « {body} » n'est datée de {year} dans les documents — dates relevées : ")
                        + ", ".join(e.shown for e in whole.events) + f" [{whole.events[0].source}].", analysis.language == "en")
                    # the year is the question's own, and none of the dates holds it: the tool's finding
                    answer = verified_answer(question, text, whole.sources, "governance_calendar", analysis,
                                             derived={str(year)})
                    if answer is not None:  # the year asked holds no meeting: a decline, with the dates there are
                        answer.answered = False
                    return answer
            return None
        en = analysis.language == "en"
        text = calendar_text(calendar, analysis, en)
        place = {str(analysis.nth)} if analysis.nth else set()  # « la 2e réunion »: the place asked, in date order
        # a date completed with its sentence's year is the tool's reading of that sentence
        completed = {e.shown for e in calendar.events if e.shown != e.date}
        return verified_answer(question, text, calendar.sources, "governance_calendar", analysis,
                               derived=calendar_counts(calendar) | place | completed)

    def _axes_answer(self, question: str, analysis: QuestionAnalysis) -> Answer | None:
        scope = self._scope(question)
        # a question naming one document that states a strategy (another pact, the regional
        # scheme) is answered with that document's axes; else the home pact's
        stated = [] if scope.also_home else [s for s in map(self.knowledge.strategy_axes, sorted(scope.named)) if s.axes]
        strategy = stated[0] if len(stated) == 1 else self.knowledge.strategy_axes()
        if not strategy.axes:
            return None
        en = analysis.language == "en"
        number = axis_number(question)
        covered = scope.words
        if number is not None:  # the axis named, unless the question asks what its wording does not hold
            numbered = strategy.axis(number)
            chosen = [numbered] if numbered is not None and axes_about(
                replace(strategy, axes=[numbered]), analysis, covered, one=True) else []
        else:
            chosen = axes_about(strategy, analysis, covered, one=bool(ONE_AXIS_RE.search(question)))
        chosen = [a for a in chosen if a is not None]
        if not chosen:
            return None
        origin = Origin(strategy.sources[0].document)
        axis_word = "Axis" if en else strategy.kind.capitalize()
        derived = {str(len(chosen))}
        if len(chosen) == 1:
            a = chosen[0]
            title = f"{quoted(a.title)} [{a.source}]"
            if not a.objectives:
                text = compose(origin, [title], en, f"{axis_word} {a.number}")
            else:
                objectives = (plural(len(a.objectives), "operational objective") if en
                              else plural(len(a.objectives), "objectif opérationnel", "objectifs opérationnels"))
                derived.add(str(len(a.objectives)))
                head = f"{lead_line(origin, en, f'{axis_word} {a.number}')} : {title}, {objectives}"
                text = listed(head, [f"{quoted(o)} [{a.source}]" for o in a.objectives], en)
        else:
            label = "operational objectives" if en else "objectifs opérationnels"
            count = None
            if len(chosen) == len(strategy.axes):
                words = strategy.kind.split()  # « 5 orientations », « 4 axes », « 3 priorités »
                count = plural(len(chosen), "axis", "axes") if en else plural(
                    len(chosen), strategy.kind, " ".join(w if w.endswith(("s", "x")) else w + "s" for w in words))
            items = [f"{axis_word} {a.number} : {quoted(a.title)} [{a.source}]"
                     + (f" — {label} : " + ", ".join(quoted(o) for o in a.objectives) if a.objectives else "")
                     for a in chosen]
            text = compose(origin, items, en, count)
        return verified_answer(question, text, strategy.sources, "strategy_axes", analysis, derived=derived)

    def _list_answer(self, question: str, analysis: QuestionAnalysis, tool: str) -> Answer | None:
        """Next steps or strategy inputs, as the document lists them."""
        kind = LIST_TOOLS[tool]
        found = self.knowledge.fact_list(kind)
        if not found.items:
            return None
        en = analysis.language == "en"
        origin = Origin(found.sources[0].document)
        n = len(found.items)
        noun = LIST_NOUNS[kind]
        lines = [quoted(i.text) + (f" ({i.note})" if i.note else "") + f" [{i.source}]" for i in found.items]
        if analysis.kind == "count":  # the count answers
            lead = plural(n, noun[0], noun[1]) if en else plural(n, noun[2], noun[3])
            text = compose(origin, lines, en, lead)
        else:
            then = (noun[1] if n > 1 else noun[0], noun[3] if n > 1 else noun[2]) if kind == "next_step" else LIST_THEN[kind]
            text = compose(origin, lines, en, then=then[0] if en else then[1])
        return verified_answer(question, text, found.sources, tool, analysis, derived={str(n)})
