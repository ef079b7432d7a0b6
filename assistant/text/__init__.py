"""Text utilities shared by every layer: French dates (and, next, sentence units and tokens)."""
