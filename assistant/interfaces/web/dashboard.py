"""Tab « Tableau de bord »: action status chart, governance timeline, axes tree, « as of » date,
and the register's current figures beside the published ones."""

from __future__ import annotations

import datetime as dt

import gradio as gr

from assistant.briefing.chart import COLORS, LABELS
from assistant.interfaces.web.render import display_title, french_date
from assistant.interfaces.web.render import inert_markdown as md
from assistant.knowledge.results import MONTHS, OPTIONAL_STATUSES, STATUSES
from assistant.text.typography import date_words, share_fr

STATUS = {s: (LABELS[s], COLORS[s]) for s in STATUSES}
COMPARED = [s for s in STATUSES if s not in OPTIONAL_STATUSES]  # the comparison table's columns


def status_figure(stats, register: dict | None):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.5, 3.0), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    keys = [k for k in STATUS if getattr(stats, k) is not None]
    labels = [STATUS[k][0] for k in keys]
    published = [getattr(stats, k) for k in keys]
    ys = range(len(keys))
    # published above, the register's current share just below it, bar against bar
    shift = 0.2 if register else 0.0
    height = 0.38 if register else 0.6
    ax.barh([y - shift for y in ys], published, height=height, color=[STATUS[k][1] for k in keys],
            label=f"Publié ({date_words(stats.as_of)})" if stats.as_of else "Publié")
    for y, value in zip(ys, published):
        ax.text(value + 1, y - shift, f"{share_fr(value)}\u202f%", va="center", fontsize=9)
    if register:
        current = [register["overall"].get(k) or 0 for k in keys]
        updated = french_date(register.get("updated"))
        ax.barh([y + shift for y in ys], current, height=height, color="#90a4ae",
                label=f"Registre ({updated})" if updated else "Registre (actuel)")
        for y, value in zip(ys, current):
            ax.text(value + 1, y + shift, f"{share_fr(value)}\u202f%", va="center", fontsize=9, color="#37474f")
    ax.set_yticks(list(ys), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 110)
    ax.set_xlabel("Part des actions (%)")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Avancement des actions", fontsize=11)
    fig.tight_layout()
    return fig


def french_month(date: dt.date | dt.datetime) -> str:
    """« mai 2019 »: a tick of the timeline as French readers write it."""
    return f"{MONTHS[date.month - 1]} {date.year}"


def timeline_figure(calendar):
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(7.5, 3.2), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    bodies = list(calendar.bodies())
    for y, body in enumerate(bodies):
        for planned in (False, True):  # a meeting announced, not held: an open circle
            dates = [dt.date.fromisoformat(e.iso) for e in calendar.bodies()[body] if e.iso and e.planned == planned]
            if dates:
                ax.scatter(dates, [y] * len(dates), s=40, zorder=3, color=f"C{y}",
                           facecolors="none" if planned else f"C{y}", label="prévue" if planned else None)
    ax.set_yticks(range(len(bodies)), bodies)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=6))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: french_month(mdates.num2date(x))))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Calendrier de la gouvernance" + (" (cercle vide : réunion prévue)" if any(
        e.planned for e in calendar.events) else ""), fontsize=11)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def axes_tree(strategy) -> str:
    lines = []
    for a in strategy.axes:
        lines.append(f"- **AXE {a.number} : {md(a.title)}**")
        lines += [f"    - {md(o)}" for o in a.objectives]
    return "\n".join(lines) or "*Aucun axe trouvé dans les documents indexés.*"


FACT_COLUMNS = ["Identifiant", "Type", "Valeur", "Document", "Page", "Extrait", "État"]
FACT_KINDS = {"axis": "axe", "objective": "objectif", "status_share": "avancement", "governance_event": "réunion",
              "member": "membre", "input": "étude source", "next_step": "suite à donner", "action_item": "action",
              "register_action": "registre"}


def facts_table(assistant) -> list[list]:
    """Every extracted fact, as ``pacte facts`` lists it (identifiers for corrections.toml)."""
    from assistant.knowledge.corrections import VALUE_FIELD

    rows = []
    for f in assistant.knowledge.all_facts():
        field = VALUE_FIELD.get(f["kind"])
        value = f["data"].get(field) if field else f["data"].get("action") or ""
        if f["kind"] == "governance_event":
            value = f"{f['data'].get('body')} : {value}"
        rows.append([f["id"], FACT_KINDS.get(f["kind"], f["kind"]), str(value), f["document"], f["page"] or "",
                     (f["excerpt"] or "")[:160], f["status"]])
    return rows


COMPARISON_COLUMNS = ["Périmètre", "Chiffres", *(LABELS[s] for s in COMPARED)]
COMPARISON_WIDTHS = ["18%", "28%", "18%", "18%", "18%"]


def percent(value) -> str:
    return "—" if value is None else f"{share_fr(value)}\u00a0%"  # a non-breaking space, as French typography wants


def comparison_label(stats) -> str:
    """The comparison table's label: the date of each side, so that its rows stay short."""
    published = f"publiés ({date_words(stats.as_of)})" if stats.as_of else "publiés"
    updated = french_date((stats.register or {}).get("updated"))
    return f"Chiffres {published} et registre des actions{f' (mis à jour le {updated})' if updated else ''}, côte à côte"


def comparison_rows(assistant, stats) -> list[list[str]]:
    """The published shares and the register's current shares, one row each, for the whole pact
    and for each axis of the register: side by side, so that a gap shows."""
    register = stats.register
    if not register:
        return []
    rows = []
    scopes = [("Tout le pacte", stats, register["overall"])]
    scopes += [(f"Axe {n}", assistant.knowledge.action_stats(int(n)), shares) for n, shares in register["by_axis"].items()]
    for scope, pub, reg in scopes:
        rows.append([scope, "publiés" if pub.found else "publiés : aucun", *(percent(getattr(pub, k)) for k in COMPARED)])
        rows.append([scope, f"registre : {reg['actions']} action{'s' if reg['actions'] > 1 else ''}",
                     *(percent(reg.get(k)) for k in COMPARED)])
    return rows


def build_dashboard_tab(assistant) -> None:
    heading = gr.Markdown(elem_id="pacte-asof")
    # the figures carry their own titles: a floating component label would sit over them
    with gr.Row():
        status_plot = gr.Plot(label="Avancement des actions", show_label=False, elem_id="pacte-status-plot")
        timeline_plot = gr.Plot(label="Gouvernance", show_label=False, elem_id="pacte-timeline-plot")
    comparison = gr.Dataframe(headers=COMPARISON_COLUMNS, interactive=False, wrap=True, visible=False,
                              column_widths=COMPARISON_WIDTHS,
                              label="Chiffres publiés et registre des actions, côte à côte", elem_id="pacte-register")
    with gr.Row(elem_id="pacte-axes-row"):
        tree = gr.Markdown(label="Axes et objectifs", min_width=320)
        details = gr.Markdown(min_width=320)
    with gr.Accordion("Faits extraits des documents (à corriger dans corrections.toml)", open=False):
        facts = gr.Dataframe(headers=FACT_COLUMNS, interactive=False, wrap=True, elem_id="pacte-facts")
    refresh = gr.Button("Actualiser", size="sm")

    def load():
        stats = assistant.knowledge.action_stats()
        calendar = assistant.knowledge.governance_calendar()
        strategy = assistant.knowledge.strategy_axes()
        doc = display_title(stats.sources[0].document, limit=90) if stats.sources else "—"
        situation = f" (situation au {md(stats.situation)})" if stats.situation else ""
        head = f"### Données : {md(date_words(stats.as_of)) or 'date non indiquée'}{situation}\nSource principale : « {md(doc)} »"
        info = []
        if stats.register:
            reg = stats.register
            info.append(f"**Registre des actions** (mis à jour le {md(french_date(reg['updated'])) or '?'}) : "
                        f"{reg['overall']['actions']} actions, chiffres actuels dans le tableau ci-dessus.")
            info += [f"- à vérifier : {md(issue)}" for issue in reg["issues"]]
        for warning in (stats.warning, strategy.warning):
            if warning:
                info.append(f"**{md(warning)}**")
        if stats.history:
            info.append(md(stats.history))
        for status, c in stats.corrections.items():
            info.append(f"**Valeur corrigée ({STATUS[status][0].lower()})** : {md(c.get('note') or 'sans note')}")
        if stats.computed:
            info.append(f"Part calculée à partir du tableau des actions ({stats.computed['counted']} actions).")
        incomplete = [f"{md(e.body)} : « {md(e.date)} »" for e in calendar.events if e.incomplete and not e.planned]
        if incomplete:
            info.append("**Dates incomplètes dans les sources** (non placées sur la frise) : " + " ; ".join(incomplete))
        status = status_figure(stats, stats.register) if stats.found else None
        timeline = timeline_figure(calendar) if calendar.events else None
        rows = comparison_rows(assistant, stats)
        table = gr.update(value=rows, visible=bool(rows), label=comparison_label(stats))
        return head, status, timeline, table, axes_tree(strategy), "\n\n".join(info), facts_table(assistant)

    outputs = [heading, status_plot, timeline_plot, comparison, tree, details, facts]
    refresh.click(load, None, outputs, api_visibility="private")
    return load, outputs
