"""Tab « Tableau de bord »: action status chart, governance timeline, axes tree, « as of » date,
and the register's current figures beside the published ones."""

from __future__ import annotations

import datetime as dt

import gradio as gr

from assistant.interfaces.web.render import inert_markdown as md

STATUS = {"done": ("Réalisées", "#2e7d32"), "in_progress": ("En cours", "#f9a825"), "not_done": ("Non réalisées", "#c62828")}


def status_figure(stats, register: dict | None):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.5, 3.0), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    keys = [k for k in STATUS if getattr(stats, k) is not None]
    labels = [STATUS[k][0] for k in keys]
    published = [getattr(stats, k) for k in keys]
    ys = range(len(keys))
    ax.barh([y + 0.2 for y in ys], published, height=0.38, color=[STATUS[k][1] for k in keys], label=f"Publié ({stats.as_of})")
    if register:
        current = [register["overall"][k] or 0 for k in keys]
        ax.barh([y - 0.2 for y in ys], current, height=0.38, color="#90a4ae", label="Registre (actuel)")
    for y, value in zip(ys, published):
        ax.text(value + 1, y + 0.2, f"{value:g} %", va="center", fontsize=9)
    ax.set_yticks(list(ys), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 110)
    ax.set_xlabel("Part des actions (%)")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Avancement des actions", fontsize=11)
    fig.tight_layout()
    return fig


def timeline_figure(calendar):
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.5, 3.2), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    bodies = list(calendar.bodies())
    for y, body in enumerate(bodies):
        dates = [dt.date.fromisoformat(e.iso) for e in calendar.bodies()[body] if e.iso]
        ax.scatter(dates, [y] * len(dates), s=40, zorder=3)
    ax.set_yticks(range(len(bodies)), bodies)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("Calendrier de la gouvernance", fontsize=11)
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


def build_dashboard_tab(assistant) -> None:
    heading = gr.Markdown(elem_id="pacte-asof")
    with gr.Row():
        status_plot = gr.Plot(label="Avancement des actions", elem_id="pacte-status-plot")
        timeline_plot = gr.Plot(label="Gouvernance", elem_id="pacte-timeline-plot")
    with gr.Row():
        tree = gr.Markdown(label="Axes et objectifs")
        details = gr.Markdown()
    with gr.Accordion("Faits extraits des documents (à corriger dans corrections.toml)", open=False):
        facts = gr.Dataframe(headers=FACT_COLUMNS, interactive=False, wrap=True, elem_id="pacte-facts")
    refresh = gr.Button("Actualiser", size="sm")

    def load():
        stats = assistant.knowledge.action_stats()
        calendar = assistant.knowledge.governance_calendar()
        strategy = assistant.knowledge.strategy_axes()
        doc = stats.sources[0].document if stats.sources else "—"
        head = f"### Données : {md(stats.as_of) or 'date non indiquée'}\nSource principale : « {md(doc)} »"
        info = []
        if stats.register:
            reg = stats.register
            info.append(f"**Registre des actions** (mis à jour le {md(reg['updated']) or '?'}) : {reg['overall']['actions']} actions")
            info += [f"- axe {n} : " + ", ".join(f"{p[k]} % {STATUS[k][0].lower()}" for k in STATUS) for n, p in reg["by_axis"].items()]
            info += [f"- ⚠️ {md(issue)}" for issue in reg["issues"]]
        for warning in (stats.warning, strategy.warning):
            if warning:
                info.append(f"**{md(warning)}**")
        for status, c in stats.corrections.items():
            info.append(f"**Valeur corrigée ({STATUS[status][0].lower()})** : {md(c.get('note') or 'sans note')}")
        if stats.computed:
            info.append(f"Part calculée à partir du tableau des actions ({stats.computed['counted']} actions).")
        incomplete = [f"{md(e.body)} : « {md(e.date)} »" for e in calendar.events if e.incomplete]
        if incomplete:
            info.append("**Dates incomplètes dans les sources** (non placées sur la frise) : " + " ; ".join(incomplete))
        status = status_figure(stats, stats.register) if stats.found else None
        timeline = timeline_figure(calendar) if calendar.events else None
        return head, status, timeline, axes_tree(strategy), "\n\n".join(info), facts_table(assistant)

    outputs = [heading, status_plot, timeline_plot, tree, details, facts]
    refresh.click(load, None, outputs, api_visibility="private")
    return load, outputs
