"""Texts and figures of the realistic corpus (French), kept apart from the layout code."""
