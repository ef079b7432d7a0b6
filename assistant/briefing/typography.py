"""Moved to ``assistant.text.typography`` (answers and notes share it); re-exported for existing imports."""

from assistant.text.typography import (  # noqa: F401
    NBSP,
    NNBSP,
    date_words,
    french_spacing,
    join_fr,
    plural,
    sentence,
    sentence_case,
    title_case,
    when,
)
