"""The action register's answers: counts and shares of its actions by status (for one axis when
the question names one), the actions of one status, or the latest updated action."""

from __future__ import annotations

from assistant.answers.compose import Origin, compose, quoted
from assistant.answers.model import Answer
from assistant.answers.question import QuestionAnalysis
from assistant.knowledge.lexicon import Lexicon
from assistant.knowledge.results import STATUS_WORD_FR, STATUS_WORDS_EN, STATUS_WORDS_FR, STATUSES, SourceBook
from assistant.knowledge.service import KnowledgeService
from assistant.providers.catalog import FactRow
from assistant.knowledge.tool_answer import verified_answer
from assistant.knowledge.tool_questions import axis_number, status_asked
from assistant.retrieval.hybrid import written_date
from assistant.text.typography import plural, rounded_share


def register_answer(knowledge: KnowledgeService, lexicon: Lexicon, question: str, analysis: QuestionAnalysis) -> Answer | None:
    """Counts and shares of the register's actions by status (for one axis when the question
    names one), with its latest update; or the latest updated action when that is asked."""
    rows = [f for f in knowledge.facts("register_action")]
    number = axis_number(question)  # « l'axe 2 », « le deuxième axe »
    if number is not None:
        rows = [f for f in rows if f.data.get("axis") == number]
    counted = [f for f in rows if f.data.get("status") in STATUSES]
    if not counted:
        return None
    en = analysis.language == "en"
    book = SourceBook(knowledge.catalog)
    doc = knowledge.catalog.document(counted[0].doc_id)
    origin = Origin((doc.title or doc.path) if doc else "")
    dated = sorted((f for f in rows if f.data.get("updated")), key=lambda f: str(f.data["updated"]))
    latest = written_date(dated[-1].data["updated"]) if dated else None
    derived = {latest} if latest else set()
    origin.updated = latest
    focus = knowledge.focus
    asks_figures = analysis.kind in ("percent", "count") or status_asked(question, lexicon) is not None
    if dated and not asks_figures and focus is not None and focus.documents.asks_update(question):
        last = dated[-1]
        n = book.cite(last, last.excerpt)
        label = "the latest updated action" if en else "l'action mise à jour le plus récemment"
        item = f"{quoted(last.data['action'])} ({last.data.get('status_written')}) [{n}]"
        text = compose(origin, [item], en, label)
        return verified_answer(question, text, book.sources, "register", analysis, derived=derived)
    asked = status_asked(question, lexicon)
    mine = [f for f in counted if f.data["status"] == asked]
    if analysis.kind == "list" and mine:  # « quelles actions sont non réalisées ? »: each of them (none: the counts)
        items = [_listed(f, book) for f in mine]
        label = (f"{len(mine)} action{'s' * (len(mine) != 1)} {STATUS_WORDS_EN[asked]}" if en else
                 plural(len(mine), f"action {STATUS_WORD_FR[asked]}", f"actions {STATUS_WORDS_FR[asked]}"))
        return verified_answer(question, compose(origin, items, en, label), book.sources, "register", analysis,
                              derived=derived | {str(len(mine))})
    order = [s for s in STATUSES if any(f.data["status"] == s for f in counted)]
    if asked in order:
        order.remove(asked)
        order.insert(0, asked)
    total = len(counted)
    parts = []
    for status in order:
        mine = [f for f in counted if f.data["status"] == status]
        n = book.cite(mine[0], " ; ".join(f.excerpt or "" for f in mine))
        shown = rounded_share(100 * len(mine) / total)
        words = STATUS_WORDS_EN[status] if en else (STATUS_WORD_FR if len(mine) == 1 else STATUS_WORDS_FR)[status]
        parts.append(f"{len(mine)} {words} ({shown} %) [{n}]")
        derived |= {str(len(mine)), f"{shown} %"}
    derived.add(str(total))
    scope = (f"axis {number}, " if en else f"axe {number}, ") if number is not None else ""
    derived |= {str(number)} if number is not None else set()
    head = scope + (f"{plural(total, 'action')} with a status" if en
                    else plural(total, "action suivie", "actions suivies"))
    text = compose(origin, [", ".join(parts)], en, head)
    return verified_answer(question, text, book.sources, "register", analysis, derived=derived)


def _listed(fact: FactRow, book: SourceBook) -> str:
    """One action of a status list: its title, and who carries it when the register says (under
    the register's own header, « Pilote », « Responsable »), the cited excerpt holding both."""
    owner = fact.data.get("owner")
    if not owner:
        return f"{quoted(fact.data['action'])} [{book.cite(fact, fact.excerpt)}]"
    header = (fact.data.get("labels") or {}).get("owner") or "responsable"
    n = book.cite(fact, f"{fact.excerpt} ; {header} : {owner}")
    return f"{quoted(fact.data['action'])} ({owner}) [{n}]"
