"""Vérifie le corpus « Littoral d'Opale » et son jeu de questions.

Usage : python check.py CORPUS_DIR [questions.jsonl]

Contrôles :
  - schéma des questions, identifiants uniques, effectifs (200 / 150 / 50 / 130 dev / 70 test),
    au moins 15 questions en anglais, 12 relances, 15 pièges, chaque document couvert ;
  - chaque fragment attendu est retrouvé (casse ignorée, espaces normalisés, U+00A0 compris)
    dans le document nommé : à la page nommée (PDF, extraction pypdf), dans un paragraphe ou une
    cellule (DOCX), dans une cellule ou le texte de la feuille (XLSX), dans le texte (TXT, MD) ;
  - aucune question (historique compris) ne reprend 5 mots consécutifs de son document
    (de n'importe quel document pour les questions sans réponse) ;
  - les PDF du corpus ne contiennent que des mots présents dans le texte source (pas de mot coupé
    ni collé) et une reconstruction donne des fichiers identiques octet pour octet ;
  - tools_expected.json est cohérent avec l'évaluation.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = {"id", "question", "history", "answerable", "expected", "document", "page", "kind", "notes", "split"}
KINDS = {"number", "percent", "date", "name", "list", "table_row", "why", "definition", "yes_no", "english",
         "follow_up", "trap", "unanswerable"}
EN_WORDS = {"the", "what", "how", "which", "who", "when", "is", "was", "were", "of", "does", "did", "many",
            "much", "and", "are", "for", "in", "our", "pact"}

errors: list[str] = []


def err(msg: str):
    errors.append(msg)


def norm(s: str) -> str:
    s = s.replace("\u00a0", " ").replace("\u202f", " ").replace("’", "'")
    return re.sub(r"\s+", " ", s).strip().lower()


def words(s: str) -> list[str]:
    return re.findall(r"\w+", norm(s))


def fmt_int(v: int) -> list[str]:
    return [str(v), f"{v:,}".replace(",", " ")]


def cell_texts(v, number_format: str = "General") -> list[str]:
    """Textes possibles d'une cellule ; le dernier est la forme affichée."""
    if v is None:
        return []
    if isinstance(v, bool):
        return [str(v)]
    if isinstance(v, (dt.datetime, dt.date)):
        d = v.date() if isinstance(v, dt.datetime) else v
        return [d.isoformat(), d.strftime("%d/%m/%Y")]
    if isinstance(v, float) and v == int(v):
        v = int(v)
    if isinstance(v, int):
        return fmt_int(v) if "#,##0" in number_format else [str(v)]
    if isinstance(v, float):
        return [str(v), str(v).replace(".", ",")]
    return [str(v)]


class Doc:
    def __init__(self, path: Path):
        self.path = path
        self.name = path.name
        self.pages: list[str] = []   # PDF
        self.units: list[str] = []   # paragraphes, cellules, feuilles, texte entier
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from pypdf import PdfReader
            self.pages = [p.extract_text() or "" for p in PdfReader(str(path)).pages]
            self.units = list(self.pages)
        elif suffix == ".docx":
            import docx
            d = docx.Document(str(path))
            self.units = [p.text for p in d.paragraphs]
            for t in d.tables:
                for r in t.rows:
                    self.units.extend(c.text for c in r.cells)
                    self.units.append(" ".join(c.text for c in r.cells))
        elif suffix == ".xlsx":
            import openpyxl
            wb = openpyxl.load_workbook(str(path))
            for ws in wb.worksheets:
                sheet_lines = []
                for row in ws.iter_rows():
                    vals = []
                    for c in row:
                        texts = cell_texts(c.value, c.number_format)
                        self.units.extend(texts)
                        if texts:
                            vals.append(texts[-1])
                    if vals:
                        sheet_lines.append(" ".join(vals))
                self.units.append(ws.title + "\n" + "\n".join(sheet_lines))
        else:
            self.units = [path.read_text(encoding="utf-8")]
        self.full = "\n".join(self.units)
        self.norm_units = [norm(u) for u in self.units]
        self.norm_pages = [norm(p) for p in self.pages]
        w = words(self.full)
        self.grams = {tuple(w[i:i + 5]) for i in range(len(w) - 4)}

    def find(self, frag: str, page: int | None) -> bool:
        f = norm(frag)
        if self.pages:
            if page is None or not (1 <= page <= len(self.pages)):
                return False
            return f in self.norm_pages[page - 1]
        return any(f in u for u in self.norm_units)

    def pages_with(self, frag: str) -> list[int]:
        f = norm(frag)
        return [i + 1 for i, p in enumerate(self.norm_pages) if f in p]


def is_english(q: str) -> bool:
    w = set(re.findall(r"[a-z]+", q.lower()))
    return len(w & EN_WORDS) >= 2 and not re.search(r"[éèàùç]", q.lower())


def check_questions(docs: dict[str, Doc], qpath: Path):
    lines = [l for l in qpath.read_text(encoding="utf-8").splitlines() if l.strip()]
    qs = []
    for i, l in enumerate(lines, 1):
        try:
            qs.append(json.loads(l))
        except json.JSONDecodeError as e:
            err(f"ligne {i} : JSON invalide ({e})")
    ids = Counter(q.get("id") for q in qs)
    for k, n in ids.items():
        if n > 1:
            err(f"identifiant en double : {k}")
    all_grams = set().union(*(d.grams for d in docs.values()))
    for q in qs:
        qid = q.get("id", "?")
        if set(q) != KEYS:
            err(f"{qid} : clés {sorted(set(q) ^ KEYS)}")
            continue
        if not re.fullmatch(r"c5-\d{3}", qid):
            err(f"{qid} : identifiant mal formé")
        if q["kind"] not in KINDS:
            err(f"{qid} : kind inconnu {q['kind']}")
        if q["split"] not in ("dev", "test"):
            err(f"{qid} : split {q['split']}")
        if not isinstance(q["history"], list) or not all(isinstance(h, str) for h in q["history"]):
            err(f"{qid} : history doit être une liste de chaînes")
        if not isinstance(q["question"], str) or not q["question"].strip():
            err(f"{qid} : question vide")
        if q["answerable"]:
            if q["kind"] == "unanswerable":
                err(f"{qid} : kind unanswerable pour une question avec réponse")
            if not (isinstance(q["expected"], list) and 1 <= len(q["expected"]) <= 3):
                err(f"{qid} : expected doit contenir 1 à 3 fragments")
                continue
            d = docs.get(q["document"])
            if d is None:
                err(f"{qid} : document inconnu {q['document']}")
                continue
            if d.pages:
                if not isinstance(q["page"], int):
                    err(f"{qid} : page manquante pour un PDF")
            elif q["page"] is not None:
                err(f"{qid} : page doit être null pour {d.name}")
            for frag in q["expected"]:
                if not d.find(frag, q["page"]):
                    where = f" (pages contenant : {d.pages_with(frag)})" if d.pages else ""
                    err(f"{qid} : fragment introuvable « {frag} » dans {d.name} p.{q['page']}{where}")
            grams = d.grams
        else:
            if q["expected"] != [] or q["document"] is not None or q["page"] is not None:
                err(f"{qid} : question sans réponse mal renseignée")
            if q["kind"] != "unanswerable":
                err(f"{qid} : kind doit être unanswerable")
            grams = all_grams
        text = " ".join(q["history"] + [q["question"]])
        w = words(text)
        for i in range(len(w) - 4):
            if tuple(w[i:i + 5]) in grams:
                err(f"{qid} : reprend 5 mots du document : « {' '.join(w[i:i + 5])} »")
                break

    n = len(qs)
    ans = sum(1 for q in qs if q.get("answerable"))
    dev = sum(1 for q in qs if q.get("split") == "dev")
    en = sum(1 for q in qs if is_english(q.get("question", "")))
    fu = sum(1 for q in qs if q.get("history"))
    traps = sum(1 for q in qs if q.get("kind") == "trap")
    for label, got, want in [("questions", n, 200), ("avec réponse", ans, 150), ("sans réponse", n - ans, 50),
                             ("dev", dev, 130), ("test", n - dev, 70)]:
        if got != want:
            err(f"effectif {label} : {got} au lieu de {want}")
    if en < 15:
        err(f"questions en anglais : {en} (< 15)")
    if fu < 12:
        err(f"relances : {fu} (< 12)")
    if traps < 15:
        err(f"pièges : {traps} (< 15)")
    covered = {q["document"] for q in qs if q.get("answerable")}
    for name in docs:
        if name != "pacte.toml" and name not in covered:
            err(f"document non couvert : {name}")
    kinds = Counter(q.get("kind") for q in qs)
    by_doc = Counter(q.get("document") for q in qs)
    split_kind = Counter((q.get("kind"), q.get("split")) for q in qs)
    print(f"{n} questions : {ans} avec réponse, {n - ans} sans réponse ; {dev} dev, {n - dev} test ; "
          f"{en} en anglais, {fu} relances, {traps} pièges")
    print("par type : " + ", ".join(f"{k} {v} ({split_kind[(k, 'dev')]}/{split_kind[(k, 'test')]})"
                                    for k, v in sorted(kinds.items())))
    print("par document : " + ", ".join(f"{k} {v}" for k, v in sorted(by_doc.items(), key=lambda x: str(x[0]))))


def check_pdf_words(corpus: Path):
    sys.path.insert(0, str(HERE))
    import build  # noqa: E402
    with tempfile.TemporaryDirectory() as tmp:
        paths = build.build(Path(tmp))
        for p in paths:
            q = corpus / p.name
            if not q.exists():
                err(f"fichier absent du corpus : {p.name}")
            elif hashlib.md5(q.read_bytes()).digest() != hashlib.md5(p.read_bytes()).digest():
                err(f"reconstruction non identique : {p.name}")
    for name, src in build.PDF_SOURCES.items():
        vocab = set()
        for s in src:
            vocab.update(s.replace("\u00a0", " ").split())
        from pypdf import PdfReader
        for i, page in enumerate(PdfReader(str(corpus / name)).pages, 1):
            for tok in (page.extract_text() or "").replace("\u00a0", " ").split():
                if tok not in vocab:
                    err(f"{name} p.{i} : mot extrait absent du source « {tok} »")


def check_tools(docs: dict[str, Doc]):
    path = HERE / "tools_expected.json"
    if not path.exists():
        err("tools_expected.json absent")
        return
    t = json.loads(path.read_text(encoding="utf-8"))
    d = docs.get(t.get("source"))
    if d is None:
        err("tools_expected.json : source inconnue")
        return
    st = t["statistics"]
    for k in ("done", "in_progress", "not_done"):
        if norm(st[k]) not in norm(d.full):
            err(f"tools_expected : {k} {st[k]} absent de la source")
    if f"{st['total_actions']} actions" not in norm(d.full):
        err("tools_expected : total_actions absent")
    for ax in t["axes"]:
        if norm(ax["title"]) not in norm(d.full):
            err(f"tools_expected : titre d'axe absent : {ax['title']}")
        for o in ax["objectives"]:
            if norm(o) not in norm(d.full):
                err(f"tools_expected : objectif absent : {o}")
    for m in t["meetings"]:
        dt.date.fromisoformat(m["date"])


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: python check.py CORPUS_DIR [questions.jsonl]")
    corpus = Path(sys.argv[1])
    qpath = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "questions.jsonl"
    docs = {p.name: Doc(p) for p in sorted(corpus.iterdir())
            if p.suffix.lower() in (".pdf", ".docx", ".xlsx", ".txt", ".md")}
    if len(docs) != 6:
        err(f"{len(docs)} documents au lieu de 6")
    if not (corpus / "pacte.toml").exists():
        err("pacte.toml absent")
    check_pdf_words(corpus)
    check_tools(docs)
    check_questions(docs, qpath)
    if errors:
        print(f"ÉCHEC : {len(errors)} erreur(s)")
        for e in errors:
            print("  - " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
