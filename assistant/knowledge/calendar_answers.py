"""The governance calendar's answers, written from its dated meetings: the first, the latest or
the n-th meeting of a body, or how many there were (held, then announced) with their dates."""

from __future__ import annotations

from assistant.answers.compose import Origin, compose, quoted
from assistant.answers.question import QuestionAnalysis
from assistant.knowledge.results import Calendar
from assistant.text.tokens import tokenize_fr
from assistant.text.typography import plural, plural_phrase, when


def calendar_text(calendar: Calendar, analysis: QuestionAnalysis, en: bool) -> str:
    """The calendar's answer: per body, the date asked (the first, the latest, the n-th), or its
    count and dates, each date with the passage that gives it."""
    groups = calendar.bodies()
    lines = []
    for name, events in groups.items():
        dated = sorted((e for e in events if e.iso), key=lambda e: e.iso)
        held = [e for e in dated if not e.planned]
        if analysis.order == "last" and held:
            dated = held  # « la dernière réunion »: the last one held, not one announced
        nth = analysis.nth if analysis.nth and analysis.nth <= len(dated) else None
        if (analysis.order or nth) and dated:
            if nth:  # « le second copil »: the meetings in date order
                pick = dated[nth - 1]
                word = f"the {nth}{'nd' if nth == 2 else 'rd' if nth == 3 else 'th'}" if en else f"la {nth}e"
            else:
                pick = dated[0] if analysis.order == "first" else dated[-1]
                word = ("earliest" if analysis.order == "first" else "latest") if en else (
                    "la plus ancienne" if analysis.order == "first" else "la plus récente")
            lines.append((name, None, None, f"{word} {'date is' if en else 'est le'} {pick.shown} [{pick.source}]"))
            if len(groups) == 1:  # the date answers: it leads, as a sentence says it
                said = pick.shown if en else (when(pick.shown) or "")
                if en or said.startswith("le "):
                    meeting = f"the {word} meeting ({name}) is {said}" if en else f"{word} réunion ({name}) est {said}"
                    lines[-1] = (meeting, None, None, f"{pick.shown} [{pick.source}]")
            continue
        planned = " (planned)" if en else " (prévue)"
        if len({e.source for e in events}) == 1:
            written = ", ".join(e.shown + (planned if e.planned else "") for e in events)
            marks = f" [{events[0].source}]"
        else:  # dates read from several passages: each cites its own
            written = ", ".join(f"{e.shown}{planned if e.planned else ''} [{e.source}]" for e in events)
            marks = ""
        incomplete = [e.date for e in events if e.incomplete and not e.planned]  # a planned month: its day is to come
        note = ""
        if incomplete:
            note = (f" ({', '.join(incomplete)}: incomplete in the document)" if en
                    else f" ({', '.join(incomplete)} : date incomplète dans le document)")
        n_held = sum(1 for e in events if not e.planned)
        # « combien de comités techniques ? » counts the body itself: « 5 comités techniques »
        # answers it in its own words; « combien de réunions du réseau ? », « 8 réunions (réseau …) »
        named = plural_phrase(name) if (not en and analysis.kind == "count" and n_held != 1 and analysis.counted
                                        and analysis.counted <= set(tokenize_fr(name))) else None
        if named:
            count = f"{n_held:g} {named}"
            if n_held < len(events):
                count += f", {len(events) - n_held} à venir"
        else:
            count = plural(n_held, "meeting") if en else plural(n_held, "réunion")
            if n_held < len(events):  # announced meetings are not counted as held
                count += f", {len(events) - n_held} planned" if en else f", {plural(len(events) - n_held, 'prévue')}"
        lead = count if named else f"{count} ({name})"
        if analysis.kind == "count" and len({e.source for e in events}) == 1:
            # the count, then the source's own words (one passage lists every meeting)
            excerpt = calendar.sources[events[0].source - 1].excerpt
            lines.append((name, count, lead, f"{quoted(excerpt)}{note} [{events[0].source}]"))
        else:  # each date with the passage that gives it: the count is what they add up to
            lines.append((name, count, lead, f"{written}{note}{marks}"))
    origin = Origin(calendar.sources[0].document if calendar.sources else "")
    if len(lines) == 1:  # one body: its count leads, then the dates or the source's words
        name, count, lead, item = lines[0]
        return compose(origin, [item], en, lead if count else name)
    return compose(origin, [f"{name} : {count} — {item}" if count else f"{name} : {item}"
                            for name, count, _, item in lines], en)


def calendar_counts(calendar: Calendar) -> set[str]:
    """The counts an answer may state: meetings, held, planned (the verifier accepts them as derived)."""
    return {str(n) for events in calendar.bodies().values()
            for n in (len(events), sum(1 for e in events if not e.planned), sum(1 for e in events if e.planned))}
