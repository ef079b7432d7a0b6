"""``pacte stats | calendar | axes | classify | brief``: the structured tools and the briefing notes."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import typer

from assistant.interfaces.cli_common import app, assistant_or_fail, emit_json, fail, out
from assistant.text.dates import date_key, french_date


def render_sources(sources) -> None:
    if sources:
        out.print("\n[bold]Sources[/]")
    for s in sources:
        where = s.page_text
        out.print(f"[{s.n}] {s.document} ({s.file}{', ' + where if where else ''}) — « {s.excerpt} »")


@app.command()
def stats(
    axis: Optional[int] = typer.Option(None, "--axis", help="Statistiques d'un axe (registre des actions)."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : les statistiques en JSON."),
) -> None:
    """Part des actions réalisées, en cours et non réalisées, telle que publiée (et selon le registre s'il existe)."""
    assistant = assistant_or_fail(service="knowledge")  # no embedder, no vector store: a quick start
    if as_json:
        emit_json(assistant.knowledge.action_stats(axis).to_dict())
        return
    # not at import time: « pacte --help » stays quick
    from assistant.knowledge.results import NO_STATS_FR, STATUS_WORDS_FR
    from assistant.text.typography import share_fr

    result = assistant.knowledge.action_stats(axis)
    if not result.found and not result.register:
        out.print(NO_STATS_FR[0].upper() + NO_STATS_FR[1:] + ".")
        return
    if result.found:
        origin = "calculé à partir du tableau des actions" if result.computed else "tel que publié"
        situation = f", situation au {result.situation}" if result.situation else ""
        out.print(f"[bold]Avancement des actions[/] ({origin}, données : {result.as_of or 'date inconnue'}{situation})")
        for status, label in STATUS_WORDS_FR.items():
            value = getattr(result, status)
            if value is not None:
                source = f" [{result.source_of[status]}]" if status in result.source_of else ""
                out.print(f"  {label:<14} {share_fr(value):>5} %   « {result.written[status]} »{source}")
                if status in result.corrections:
                    c = result.corrections[status]
                    out.print(f"  [cyan]  correction des utilisateurs ({c['action']}) : {c.get('note') or 'sans note'}"
                              + (f" ; valeur extraite : {c['original']}" if 'original' in c else "") + "[/]")
    if result.warning:
        out.print(f"[yellow]{result.warning}[/]")
    if result.history:
        out.print(result.history)
    if result.register:
        reg = result.register
        overall = reg["overall"]
        out.print(f"\n[bold]Registre des actions[/] ({', '.join(reg['files'])}{_updated(reg['updated'])}) : {overall['actions']} actions")
        for status, label in STATUS_WORDS_FR.items():
            if status in overall:
                out.print(f"  {label:<14} {share_fr(overall[status])} %  ({overall[status + '_count']})")
        for number, part in reg["by_axis"].items():
            out.print(f"  axe {number} : " + ", ".join(f"{share_fr(part[s])} % {word}" for s, word in STATUS_WORDS_FR.items()
                                                     if s in part))
        for issue in reg["issues"]:
            out.print(f"[yellow]⚠ {issue}[/]")
    render_sources(result.sources)


@app.command()
def calendar(
    body: Optional[str] = typer.Option(None, "--body", help="Une instance (ex. « CTDC », « comité de pilotage »)."),
    year_text: Optional[str] = typer.Option(None, "--year", help="Une année (ex. 2021).", metavar="ANNÉE"),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le calendrier en JSON."),
) -> None:
    """Calendrier de la gouvernance : les réunions de chaque instance, dates telles qu'écrites."""
    year = None
    if year_text is not None:
        if not year_text.strip().isdigit() or len(year_text.strip()) != 4:
            fail(f"--year attend une année en quatre chiffres (ex. 2021), pas « {year_text} ».")
        year = int(year_text)
    assistant = assistant_or_fail(service="knowledge")
    if as_json:
        emit_json(assistant.knowledge.governance_calendar(body, year).to_dict())
        return
    from assistant.text.typography import plural

    result = assistant.knowledge.governance_calendar(body, year)
    if not result.events:
        from assistant.knowledge.results import NO_EVENTS_FR

        out.print(NO_EVENTS_FR[0].upper() + NO_EVENTS_FR[1:] + ".")
        return
    for name, events in result.bodies().items():
        dates = ", ".join(e.shown + (" (date incomplète)" if e.incomplete and not e.planned else "") + (" (prévue)" if e.planned else "")
                          + (f" (corrigée : {e.correction.get('note') or 'sans note'})" if e.correction else "")
                          + (f" [{e.source}]" if len({x.source for x in events}) > 1 else "") for e in events)
        held = sum(1 for e in events if not e.planned)
        count = plural(held, "réunion") + (f", {plural(len(events) - held, 'prévue')}" if held < len(events) else "")
        marks = f" [{events[0].source}]" if len({x.source for x in events}) == 1 else ""
        out.print(f"[bold]{name}[/] — {count} : {dates}{marks}")
    render_sources(result.sources)


@app.command()
def axes(as_json: bool = typer.Option(False, "--json", help="Dernière ligne : la stratégie en JSON.")) -> None:
    """Les axes stratégiques du pacte et leurs objectifs opérationnels."""
    assistant = assistant_or_fail(service="knowledge")
    if as_json:
        emit_json(assistant.knowledge.strategy_axes().to_dict())
        return
    result = assistant.knowledge.strategy_axes()
    if not result.axes:
        from assistant.knowledge.results import NO_AXES_FR

        out.print(NO_AXES_FR[0].upper() + NO_AXES_FR[1:] + ".")
        return
    out.print(f"{len(result.axes)} axes, {result.objective_count} objectifs opérationnels")
    for a in result.axes:
        out.print(f"\n[bold]AXE {a.number} : {a.title}[/] [{a.source}]")
        if a.correction:
            out.print(f"  [cyan]correction des utilisateurs : {a.correction.get('note') or 'sans note'}[/]")
        for objective in a.objectives:
            out.print(f"  • {objective}")
    if result.warning:
        out.print(f"\n[yellow]{result.warning}[/]")
    render_sources(result.sources)


@app.command()
def facts(
    kind: Optional[str] = typer.Option(None, "--kind", help="Un type de fait (axis, objective, status_share, governance_event…)."),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : les faits en JSON."),
) -> None:
    """Tous les faits extraits des documents, avec leur identifiant, document, page et extrait
    (à confirmer, corriger ou exclure dans corrections.toml, dans le dossier du corpus)."""
    assistant = assistant_or_fail(service="knowledge")
    items = [f for f in assistant.knowledge.all_facts() if kind is None or f["kind"] == kind]
    problem = assistant.knowledge.corrections.error if assistant.knowledge.corrections else None
    if as_json:
        emit_json({"facts": items, "corrections_error": problem})
        return
    if not items:
        out.print("Aucun fait extrait : lancez « pacte ingest ».")
    for f in items:
        value = {k: v for k, v in f["data"].items() if k not in ("as_of", "correction", "label", "precision")}
        state = "" if f["status"] == "extrait" else f" [cyan]({f['status']})[/]"
        out.print(f"[bold]{f['id']}[/]{state} {f['document']} (p. {f['page'] or '?'}) : {value}")
    if problem:
        out.print(f"[yellow]{problem}[/]")


@app.command()
def classify(
    text: str = typer.Argument(..., help="Description de l'initiative.", metavar="DESCRIPTION"),
    as_json: bool = typer.Option(False, "--json", help="Dernière ligne : le classement en JSON."),
) -> None:
    """Indique à quel axe stratégique (et objectif opérationnel) une initiative se rattache, ou qu'elle n'en relève d'aucun."""
    if not text.strip():
        fail("décrivez l'initiative en quelques mots (ex. « Création d'un magasin de producteurs »).")
    assistant = assistant_or_fail()
    if as_json:
        emit_json(assistant.tools["classify_initiative"](text))
        return
    result = assistant.classifier.classify(text)
    confidence = f"confiance {result.confidence_level}, {result.confidence:.0%}"
    if result.axis is None:
        out.print(f"[bold]Ne relève d'aucun axe[/] ({confidence})")
    else:
        out.print(f"[bold]Axe {result.axis} : {result.axis_title}[/] ({confidence})")
        if result.objective:
            out.print(f"Objectif opérationnel : {result.objective}")
    out.print(result.reasons)
    for r in result.ranking:
        bar = "█" * int(round(r["score"] * 20))
        out.print(f"  axe {r['axis']} {bar:<20} {r['score']:.2f}  {r['title']}")
    render_sources(result.sources)


@app.command()
def brief(
    topic: Optional[str] = typer.Option(None, "--topic", help="Sujet de la note (texte libre, ex. « Axe 3 : économie touristique »)."),
    axis: Optional[int] = typer.Option(None, "--axis", help="Numéro d'axe."),
    fmt: str = typer.Option("md", "--format", help="md, docx ou pdf."),
    out_file: Path = typer.Option(..., "--out", help="Fichier à écrire."),
) -> None:
    """Rédige une note de synthèse sourcée (sujet, axe ou pacte entier) en Markdown, DOCX ou PDF."""
    from assistant.briefing.render import FORMATS, render
    from assistant.briefing.service import BriefingError

    if fmt not in FORMATS:
        fail(f"format inconnu : {fmt} (attendu : {', '.join(FORMATS)})")
    if not out_file.parent.exists():
        fail(f"dossier introuvable pour la note : {out_file.parent}")
    assistant = assistant_or_fail()
    try:
        note = assistant.briefing.build(topic=topic, axis=axis)
    except BriefingError as exc:
        fail(str(exc))
    data = render(note, fmt)
    try:
        out_file.write_bytes(data)
    except OSError as exc:
        fail(f"impossible d'écrire {out_file} ({exc.strerror or exc})")
    from assistant.text.typography import date_words

    as_of = date_words(note.as_of) if note.as_of else "date inconnue"
    out.print(f"Note écrite : {out_file} ({len(note.sources)} sources, données : {as_of})")


def _updated(written: str | None) -> str:
    """« , mis à jour le 12 décembre 2024 » for a register's ISO date, any other date as written."""
    if not written:
        return ""
    iso = date_key(written)
    return ", mis à jour le " + (french_date(iso, written) if re.fullmatch(r"\d{4}-\d\d-\d\d", iso) else written)
