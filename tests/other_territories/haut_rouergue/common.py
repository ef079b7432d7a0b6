"""Extraction de texte commune à make_questions.py et check.py."""
import re
from pathlib import Path

def norm(s: str) -> str:
    s = s.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", s).strip().lower()

def pdf_pages(path: Path):
    from pypdf import PdfReader
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]

def docx_units(path: Path):
    import docx
    d = docx.Document(str(path))
    units = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                units.append(c.text)
    return units

def xlsx_units(path: Path):
    import openpyxl
    ws = openpyxl.load_workbook(str(path)).active
    return [str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None]

def doc_units(path: Path):
    """Renvoie une liste d'unités de texte (pages pour PDF, paragraphes/cellules sinon)."""
    if path.suffix == ".pdf":
        return pdf_pages(path)
    if path.suffix == ".docx":
        return docx_units(path)
    if path.suffix == ".xlsx":
        return xlsx_units(path)
    return [path.read_text(encoding="utf-8")]

def tokens(s: str):
    return re.findall(r"\w+", norm(s))

def ngrams(toks, n=5):
    return {tuple(toks[i:i + n]) for i in range(len(toks) - n + 1)}
