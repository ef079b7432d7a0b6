"""The action-status chart of a note (matplotlib, rendered off-screen to PNG bytes)."""

from __future__ import annotations

import io

from assistant.briefing.typography import date_words
from assistant.knowledge.results import STATUS_WORDS_FR, STATUSES
from assistant.text.typography import share_fr

LABELS = {s: w[:1].upper() + w[1:] for s, w in STATUS_WORDS_FR.items()}  # « Réalisées », « Abandonnées »
COLORS = {"done": "#2e7d32", "in_progress": "#f9a825", "not_done": "#c62828", "abandoned": "#616161"}


def status_chart_png(stats: dict, as_of: str | None = None) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    keys = [k for k in STATUSES if stats.get(k) is not None]
    values = [stats[k] for k in keys]
    fig = Figure(figsize=(6.0, 2.6), dpi=150)
    ax = fig.add_subplot(1, 1, 1)
    bars = ax.barh([LABELS[k] for k in keys], values, color=[COLORS[k] for k in keys])
    for bar, value in zip(bars, values):
        ax.text(bar.get_width() + 1, bar.get_y() + bar.get_height() / 2, f"{share_fr(value)}\u202f%",
                va="center", fontsize=9)
    ax.set_xlim(0, max(100, max(values, default=0) + 10))
    ax.invert_yaxis()
    ax.set_xlabel("Part des actions (%)")
    ax.set_title("Avancement des actions" + (f" — {date_words(as_of)}" if as_of else ""), fontsize=10)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
