"""Reading documents into text: one parser per format (PDF, Word, text, sheets), the lines of a
PDF page with their positions, and the layout rules (page furniture, wrapped lines, titles,
tables) that turn them into reading text. No index, no model: ingestion and the register call it."""
