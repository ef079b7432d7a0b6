#!/usr/bin/env python3
"""Vérifie questions.jsonl contre le corpus construit par build.py.

Usage : python check.py [CORPUS_DIR] [QUESTIONS_JSONL]
- chaque fragment attendu d'une question répondable doit figurer (insensible à la
  casse, espaces normalisés, y compris insécables) dans le document nommé, à la page
  indiquée pour les PDF ;
- aucune question ne doit reprendre 5 mots consécutifs d'un document du corpus ;
- contrôles de forme (clés, comptes, splits, ids).
"""
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

import docx
from pypdf import PdfReader

KEYS = ["id", "question", "history", "answerable", "expected", "document", "page", "kind", "notes", "split"]


def norm(s: str) -> str:
    s = s.replace("\u2019", "'")
    return " ".join(s.split()).lower()


def load_corpus(corpus: Path) -> dict:
    """Renvoie {nom: [texte_page1, ...]} (une seule « page » pour les non-PDF)."""
    docs = {}
    for p in sorted(corpus.iterdir()):
        if p.suffix == ".pdf":
            docs[p.name] = [pg.extract_text() for pg in PdfReader(str(p)).pages]
        elif p.suffix == ".docx":
            d = docx.Document(str(p))
            parts = [para.text for para in d.paragraphs]
            for t in d.tables:
                for row in t.rows:
                    parts.append(" | ".join(c.text for c in row.cells))
            docs[p.name] = ["\n".join(parts)]
        elif p.suffix == ".csv":
            raw = p.read_text(encoding="utf-8")
            cells = [" ; ".join(r) for r in csv.reader(raw.splitlines(), delimiter=";")]
            docs[p.name] = [raw + "\n" + "\n".join(cells)]
        elif p.suffix == ".md":
            docs[p.name] = [p.read_text(encoding="utf-8")]
    return docs


def words(s: str) -> list:
    return re.findall(r"\w+", norm(s))


def ngrams(ws, n=5):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def main():
    here = Path(__file__).resolve().parent
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "corpus"
    qfile = Path(sys.argv[2]) if len(sys.argv) > 2 else here / "questions.jsonl"
    docs = load_corpus(corpus)
    grams = set()
    for pages in docs.values():
        for t in pages:
            grams |= ngrams(words(t))
    qs = [json.loads(l) for l in qfile.read_text(encoding="utf-8").splitlines() if l.strip()]
    errors = []
    ids = set()
    for q in qs:
        if list(q.keys()) != KEYS:
            errors.append(f"{q.get('id')}: clés {list(q.keys())}")
        if q["id"] in ids:
            errors.append(f"{q['id']}: id dupliqué")
        ids.add(q["id"])
        if q["split"] not in ("dev", "test"):
            errors.append(f"{q['id']}: split invalide")
        copied = ngrams(words(q["question"])) & grams
        if copied:
            errors.append(f"{q['id']}: 5 mots copiés {sorted(copied)[0]}")
        if q["history"] and q["kind"] != "follow_up":
            errors.append(f"{q['id']}: history non vide hors follow_up")
        if q["kind"] == "follow_up" and not q["history"]:
            errors.append(f"{q['id']}: follow_up sans history")
        if not q["answerable"]:
            if q["expected"] or q["document"] is not None or q["page"] is not None:
                errors.append(f"{q['id']}: non répondable mal formé")
            continue
        if q["document"] not in docs:
            errors.append(f"{q['id']}: document inconnu {q['document']}")
            continue
        pages = docs[q["document"]]
        if q["document"].endswith(".pdf"):
            if not isinstance(q["page"], int) or not 1 <= q["page"] <= len(pages):
                errors.append(f"{q['id']}: page invalide {q['page']}")
                continue
            text = pages[q["page"] - 1]
        else:
            if q["page"] is not None:
                errors.append(f"{q['id']}: page doit être null pour {q['document']}")
            text = pages[0]
        if not 1 <= len(q["expected"]) <= 3:
            errors.append(f"{q['id']}: {len(q['expected'])} fragments attendus")
        nt = norm(text)
        for frag in q["expected"]:
            if norm(frag) not in nt:
                errors.append(f"{q['id']}: fragment « {frag} » absent de {q['document']} p. {q['page']}")

    ans = [q for q in qs if q["answerable"]]
    print(f"questions : {len(qs)} (répondables {len(ans)}, non répondables {len(qs) - len(ans)})")
    print("splits    :", dict(Counter(q["split"] for q in qs)))
    print("types     :", dict(sorted(Counter(q["kind"] for q in qs).items())))
    print("documents :", dict(sorted(Counter(q["document"] for q in ans).items())))
    print("test par type :", dict(sorted(Counter(q["kind"] for q in qs if q["split"] == "test").items())))
    if errors:
        print(f"\n{len(errors)} ERREUR(S) :")
        for e in errors:
            print("  -", e)
        sys.exit(1)
    print("\nOK : tous les fragments attendus sont présents à la page indiquée ; aucune copie de 5 mots consécutifs.")


if __name__ == "__main__":
    main()
