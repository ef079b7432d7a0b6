"""Text utilities shared by every layer: sentence units (``units``), French tokens (``tokens``),
dates (``dates``), headings (``headings``) and French typography (``typography``)."""
