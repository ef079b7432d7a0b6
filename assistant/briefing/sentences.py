"""Facts of the structured store written as sentences a reader understands without the slide."""

from __future__ import annotations

import re

from assistant.briefing.typography import join_fr, plural, sentence, sentence_case, when
from assistant.knowledge.results import STATUS_WORD_FR, STATUS_WORDS_FR, STATUSES
from assistant.text.dates import fold, french_date
from assistant.text.typography import date_words, share_fr

FEMININE_ENDINGS = ("ion", "ence", "ance", "ée", "ure")  # commission, conférence, instance, assemblée
INFINITIVE_RE = re.compile(r"^[A-Za-zÀ-ÿ'-]+(?:er|ir|re)\b")


def _article(body: str) -> tuple[str, bool]:
    """« Le comité de pilotage », « La commission … », « L'assemblée … », « Le CTDC »."""
    first = body.split()[0] if body.split() else body
    if re.fullmatch(r"[A-Z0-9]{2,10}", first):
        return f"Le {body}", False
    low = body[:1].lower() + body[1:]
    feminine = fold(first).endswith(tuple(fold(e) for e in FEMININE_ENDINGS))
    if fold(first)[:1] in "aeiouyh":
        return f"L'{low}", feminine
    return (f"La {low}" if feminine else f"Le {low}"), feminine


def looks_like_body(name: str, body_words: list[str]) -> bool:
    """A governance body as the lexicon names bodies (comité, réseau…) or an acronym, not a clause
    that the calendar read as one (« le PETR et la Région ont signé »)."""
    low = fold(name)
    if len(name.split()) > 6:
        return False
    return any(re.search(rf"(?<!\w){re.escape(fold(w))}", low) for w in body_words) or bool(
        re.fullmatch(r"[A-Z0-9]{2,10}", name.strip()))


def meetings_sentence(body: str, events: list) -> str:
    """« Le comité de pilotage s'est réuni 2 fois : le 17 février 2020 et le 30 septembre 2020. »"""
    subject, feminine = _article(body)
    met = "réunie" if feminine else "réuni"
    held = [e for e in events if not e.planned]
    planned = [when(e.shown) or e.shown for e in events if e.planned]
    dates = [when(e.shown) if e.iso else f"« {e.date} » (date incomplète)" for e in held]
    then = f" ; réunion prévue {join_fr(planned)}" if planned else ""
    if not held:
        return sentence(f"{subject} : réunion prévue {join_fr(planned)}")
    if len(held) == 1:
        return sentence(f"{subject} s'est {met} {dates[0]}{then}")
    return sentence(f"{subject} s'est {met} {len(held)} fois : {join_fr(dates)}{then}")


def stats_sentence(stats, axis: int | None = None) -> str:
    """« En mars 2023, 55 % des actions étaient réalisées, 30 % en cours et 15 % non réalisées. »"""
    parts = [(getattr(stats, s), STATUS_WORDS_FR[s]) for s in STATUSES
             if getattr(stats, s) is not None]
    whose = f"des actions de l'axe {axis}" if axis else "des actions"
    items = [f"{share_fr(parts[0][0])} % {whose} étaient {parts[0][1]}"] + [f"{share_fr(v)} % {w}" for v, w in parts[1:]]
    text = join_fr(items)
    if stats.computed:
        text += f" (d'après le tableau des actions, {plural(stats.computed['counted'], 'action comptée', 'actions comptées')})"
    moment = figures_moment(stats)
    return sentence(f"{moment}, {text}" if moment else text)


def figures_moment(stats) -> str | None:
    """When the shares stand: « au 31 décembre 2024 » when the document says so, else its date
    (« en avril 2025 »)."""
    return f"au {date_words(stats.situation)}" if getattr(stats, "situation", None) else when(stats.as_of)


def objective_sentence(axis_number: int, objective: str) -> str:
    """« L'axe 3 vise à renforcer … » when the objective is an infinitive, else « Objectif … »."""
    text = sentence_case(objective.strip().rstrip("."))
    if INFINITIVE_RE.match(text):
        return sentence(f"L'axe {axis_number} vise à {text[:1].lower()}{text[1:]}")
    return sentence(f"Objectif opérationnel de l'axe {axis_number} : {text}")


def axis_sentence(number: int, title: str, count: int) -> str:
    return sentence(f"L'axe {number} du pacte, « {sentence_case(title)} », compte "
                    f"{plural(count, 'objectif opérationnel', 'objectifs opérationnels')}")


def territory_sentence(names: list[str]) -> str:
    return sentence(f"Le territoire du pacte réunit {plural(len(names), 'membre')} : {join_fr(names)}")


def register_axis_sentence(axis: int, shares: dict, updated: str | None) -> str:
    """« Selon le registre des actions, l'axe 3 compte 8 actions : 5 réalisées, 2 en cours et 1 non réalisée. »"""
    counts = []
    for status in STATUSES:
        n = shares.get(f"{status}_count") or 0
        if n:
            word = STATUS_WORD_FR[status] if n < 2 else STATUS_WORDS_FR[status]
            counts.append(f"{n} {word}")
    tail = f" (dernière mise à jour le {iso_words(updated)})" if updated else ""
    return sentence(f"Selon le registre des actions, l'axe {axis} compte "
                    f"{plural(shares.get('actions', 0), 'action')} : {join_fr(counts)}{tail}")


def register_action_sentence(data: dict) -> str:
    """« L'action « … » (axe 3) est en cours selon le registre (mise à jour le 26 août 2024). »"""
    status = STATUS_WORD_FR.get(data.get("status") or "", data.get("status_written") or "sans statut reconnu")
    axis = f" (axe {data['axis']})" if data.get("axis") is not None else ""
    tail = f" (mise à jour le {iso_words(data['updated'])})" if data.get("updated") else ""
    return sentence(f"L'action « {data['action'].strip()} »{axis} est {status} selon le registre{tail}")


def passage_sentence(document: str, text: str) -> str:
    """A sentence of a document, quoted, with the document it comes from."""
    return sentence(f"Selon « {document} » : « {text.strip().rstrip('.')} »") + "."


def iso_words(stamp: str) -> str:
    """« 26 août 2024 » for « 2024-08-26 00:00:00 »."""
    return french_date(stamp[:10], stamp) if re.match(r"\d{4}-\d\d-\d\d", stamp) else stamp
