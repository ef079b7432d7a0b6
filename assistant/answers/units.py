"""Moved to ``assistant.text.units`` (shared by every layer); re-exported for existing imports."""

from assistant.text.units import (  # noqa: F401
    BULLET_RE,
    DATE_RE,
    EMPHASIS_RE,
    HEADING_MARK_RE,
    NUMBER_RE,
    PERCENT_RE,
    SENTENCE_END_RE,
    SUB_RE,
    Unit,
    dates_in,
    split_units,
)
