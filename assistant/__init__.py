"""pacte-assistant: questions, briefing notes and statistics on a territory's pact documents, with sources."""

__version__ = "0.1.0"
