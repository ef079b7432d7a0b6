#!/usr/bin/env python
"""Vérifie le corpus construit dans DEST et les fichiers de questions.

Usage : python check.py DEST
Lit questions.jsonl et tools_expected.json à côté de ce script ; sort en erreur
(code 1) au moindre écart.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
KEYS = ["id", "question", "history", "answerable", "expected", "document", "page", "kind", "notes", "split"]
KINDS = {"date", "number", "percent", "list", "name", "table_row", "definition", "why", "yes_no",
         "english", "follow_up", "trap", "unanswerable"}


def norm(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s: str) -> list[str]:
    return re.findall(r"\w+", norm(s))


def cell_text(cell) -> str:
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, (int, float)) and not isinstance(v, bool) and "%" in (cell.number_format or ""):
        return f"{int(v * 100 + 0.5)} %"
    return str(v)


def extract(path: pathlib.Path) -> list[str]:
    """Renvoie la liste des textes par page (une seule « page » hors PDF)."""
    suf = path.suffix.lower()
    if suf == ".pdf":
        from pypdf import PdfReader
        return [p.extract_text() or "" for p in PdfReader(str(path)).pages]
    if suf == ".docx":
        from docx import Document
        d = Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.append(" | ".join(c.text for c in row.cells))
        return ["\n".join(parts)]
    if suf == ".xlsx":
        from openpyxl import load_workbook
        wb = load_workbook(str(path))
        parts = []
        for ws in wb.worksheets:
            parts.append(f"[{ws.title}]")
            for row in ws.iter_rows():
                parts.append(" | ".join(cell_text(c) for c in row))
        return ["\n".join(parts)]
    return [path.read_text(encoding="utf-8")]


def load_build():
    spec = importlib.util.spec_from_file_location("build", HERE / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main(dest: pathlib.Path) -> int:
    errors: list[str] = []
    build = load_build()
    docs = sorted(p.name for p in dest.iterdir() if p.suffix in {".pdf", ".docx", ".xlsx", ".csv", ".txt", ".md"})
    texts = {name: extract(dest / name) for name in docs}
    normed = {name: [norm(t) for t in pages] for name, pages in texts.items()}

    # -- schéma
    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    qs = []
    for n, line in enumerate(lines, 1):
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"ligne {n} : JSON invalide ({e})")
            continue
        if list(q.keys()) != KEYS:
            errors.append(f"ligne {n} : clés {list(q.keys())}")
        qs.append(q)
    if len(qs) != 60:
        errors.append(f"{len(qs)} questions au lieu de 60")
    ids = [q.get("id") for q in qs]
    if ids != [f"tr-{i:03d}" for i in range(1, 61)]:
        errors.append("identifiants non conformes (tr-001..tr-060)")
    ans = [q for q in qs if q.get("answerable") is True]
    una = [q for q in qs if q.get("answerable") is False]
    if len(ans) != 45 or len(una) != 15:
        errors.append(f"{len(ans)} répondables / {len(una)} non répondables (attendu 45/15)")
    covered = set()
    for q in qs:
        qid = q.get("id")
        if q.get("split") != "test":
            errors.append(f"{qid} : split != test")
        if q.get("kind") not in KINDS:
            errors.append(f"{qid} : kind inconnu {q.get('kind')}")
        if not isinstance(q.get("history"), list) or not all(isinstance(h, str) for h in q["history"]):
            errors.append(f"{qid} : history doit être une liste de chaînes")
        if q.get("kind") == "follow_up" and not q["history"]:
            errors.append(f"{qid} : follow_up sans history")
        if not isinstance(q.get("question"), str) or not q["question"].strip():
            errors.append(f"{qid} : question vide")
        if q.get("answerable"):
            if q.get("kind") == "unanswerable":
                errors.append(f"{qid} : répondable mais kind=unanswerable")
            doc = q.get("document")
            if doc not in texts:
                errors.append(f"{qid} : document inconnu {doc}")
                continue
            covered.add(doc)
            if not q.get("expected"):
                errors.append(f"{qid} : expected vide")
            page = q.get("page")
            if doc.endswith(".pdf"):
                if not isinstance(page, int) or not 1 <= page <= len(texts[doc]):
                    errors.append(f"{qid} : page invalide {page}")
                    continue
                hay = normed[doc][page - 1]
            else:
                if page is not None:
                    errors.append(f"{qid} : page doit être null hors PDF")
                hay = normed[doc][0]
            for frag in q.get("expected", []):
                if norm(frag) not in hay:
                    errors.append(f"{qid} : fragment absent « {frag} » dans {doc} p.{page}")
        else:
            if q.get("expected") != [] or q.get("document") is not None or q.get("page") is not None:
                errors.append(f"{qid} : non répondable avec expected/document/page non vides")
            if q.get("kind") != "unanswerable":
                errors.append(f"{qid} : non répondable mais kind={q.get('kind')}")
    missing = set(docs) - covered
    if missing:
        errors.append(f"documents non couverts : {sorted(missing)}")
    kinds = {}
    for q in qs:
        kinds[q.get("kind")] = kinds.get(q.get("kind"), 0) + 1
    for k, need in (("english", 6), ("follow_up", 5), ("trap", 6)):
        if kinds.get(k, 0) < need:
            errors.append(f"seulement {kinds.get(k, 0)} questions de type {k} (au moins {need})")

    # -- pas de suite de 5 mots copiée des documents
    grams = set()
    for pages in texts.values():
        for t in pages:
            w = words(t)
            grams.update(tuple(w[i:i + 5]) for i in range(len(w) - 4))
    for q in qs:
        for s in [q.get("question", "")] + list(q.get("history", [])):
            w = words(s)
            for i in range(len(w) - 4):
                if tuple(w[i:i + 5]) in grams:
                    errors.append(f"{q.get('id')} : 5 mots copiés « {' '.join(w[i:i + 5])} » dans « {s} »")
                    break

    # -- tools_expected.json
    te = json.loads((HERE / "tools_expected.json").read_text(encoding="utf-8"))
    ref = build.tools_expected()
    if te != ref:
        errors.append("tools_expected.json diffère des données de build.py")
    src = te.get("source")
    if src not in texts:
        errors.append(f"source {src} absente de DEST")
    else:
        full = norm(" ".join(texts[src]))
        for key in ("done", "in_progress", "not_done"):
            if norm(te["statistics"][key]) not in full:
                errors.append(f"statistique {key}={te['statistics'][key]} absente de {src}")
        for ax in te["axes"]:
            for t in [ax["title"]] + ax["objectives"]:
                if norm(t) not in full:
                    errors.append(f"titre absent de {src} : {t}")
        for m in te["meetings"]:
            d = dt.date.fromisoformat(m["date"])
            if d.strftime("%d/%m/%y") not in full or norm(m["body"]) not in full:
                errors.append(f"réunion absente de {src} : {m}")
    toml = dest / "pacte.toml"
    if not toml.exists() or build.TERRITOIRE["nom"] not in toml.read_text(encoding="utf-8"):
        errors.append("pacte.toml absent ou incorrect")

    print(f"documents : {len(docs)} ; questions : {len(qs)} ({len(ans)} répondables, {len(una)} non répondables)")
    print("par type : " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    bydoc = {}
    for q in ans:
        bydoc[q["document"]] = bydoc.get(q["document"], 0) + 1
    print("par document : " + ", ".join(f"{k}={v}" for k, v in sorted(bydoc.items())))
    if errors:
        print(f"ÉCHEC : {len(errors)} erreur(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print("OK : toutes les vérifications sont passées")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage : python check.py DEST")
    sys.exit(main(pathlib.Path(sys.argv[1])))
