#!/usr/bin/env python3
"""Vérifie le jeu de questions du corpus « Bocage de la Vire ».

Usage : python check.py CORPUS_DIR

CORPUS_DIR contient les documents produits par build.py. Les fichiers
questions.jsonl et tools_expected.json sont lus à côté de ce script.

Contrôles :
  - schéma et décomptes (60 questions, 45 avec réponse, 15 sans réponse,
    types, anglais, relances, pièges, tous les documents couverts) ;
  - chaque fragment attendu figure dans le document nommé (à la page
    indiquée pour les PDF, extraite avec pypdf ; paragraphes ou cellules
    pour le DOCX ; cellules pour le CSV ; texte pour le Markdown) ;
  - aucune question (historique compris) ne reprend 5 mots consécutifs de
    son document (de tous les documents pour les questions sans réponse) ;
  - tools_expected.json concorde avec la table des actions de build.py ;
  - pacte.toml a le contenu exigé.
"""
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

DOCS = ["rapport_evaluation_ccbv_2025.docx", "synthese_evaluation_ccbv.pdf",
        "copil_2025-03-18.md", "suivi_actions.csv", "bilan_pays_saint_lois.pdf"]
KINDS = {"number", "percent", "date", "name", "list", "table_row", "why", "definition",
         "yes_no", "english", "follow_up", "trap", "unanswerable"}
KEYS = ["id", "question", "history", "answerable", "expected", "document", "page",
        "kind", "notes", "split"]
NGRAM = 5


def norm(s: str) -> str:
    """Casse, espaces insécables et blancs normalisés."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub(r"\s+", " ", s)
    return s.strip().lower()


def words(s: str):
    return re.findall(r"\w+", norm(s))


# ---------------------------------------------------------------------------
# Extraction des documents
# ---------------------------------------------------------------------------

def docx_units(path):
    """Paragraphes et cellules de tableau (chacun une unité)."""
    import docx
    d = docx.Document(str(path))
    units = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for c in row.cells:
                units.append(c.text)
    return units


def csv_units(path):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter=","))
    return rows


def pdf_pages(path):
    from pypdf import PdfReader
    return [p.extract_text() for p in PdfReader(str(path)).pages]


class Corpus:
    def __init__(self, root: Path):
        self.root = root
        self.cache = {}

    def load(self, name):
        if name in self.cache:
            return self.cache[name]
        p = self.root / name
        if name.endswith(".docx"):
            d = {"units": docx_units(p)}
            d["text"] = "\n".join(d["units"])
        elif name.endswith(".pdf"):
            pages = pdf_pages(p)
            d = {"pages": pages, "text": "\n".join(pages)}
        elif name.endswith(".csv"):
            rows = csv_units(p)
            d = {"rows": rows, "units": [c for r in rows for c in r],
                 "text": "\n".join(" | ".join(r) for r in rows)}
        else:
            d = {"text": p.read_text(encoding="utf-8")}
        self.cache[name] = d
        return d

    def find(self, name, frag, page=None):
        d = self.load(name)
        f = norm(frag)
        if name.endswith(".pdf"):
            if page is None or not (1 <= page <= len(d["pages"])):
                return False
            return f in norm(d["pages"][page - 1])
        if name.endswith(".docx") or name.endswith(".csv"):
            return any(f in norm(u) for u in d["units"])
        return f in norm(d["text"])

    def ngrams(self, name):
        w = words(self.load(name)["text"])
        return {tuple(w[i:i + NGRAM]) for i in range(len(w) - NGRAM + 1)}


# ---------------------------------------------------------------------------
# Contrôles
# ---------------------------------------------------------------------------

def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage : python check.py CORPUS_DIR")
    corpus = Corpus(Path(argv[1]))
    errors = []
    err = errors.append

    for name in DOCS + ["pacte.toml"]:
        if not (corpus.root / name).exists():
            err(f"document manquant : {name}")
    if errors:
        print("\n".join(errors))
        return 1

    toml = (corpus.root / "pacte.toml").read_text(encoding="utf-8")
    want = ('[territoire]\nnom = "Communauté de communes du Bocage de la Vire"\n'
            'aliases = ["CCBV", "Bocage de la Vire", "la communauté de communes"]\n')
    if toml != want:
        err("pacte.toml : contenu inattendu")

    lines = (HERE / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    qs = [json.loads(x) for x in lines if x.strip()]
    ngram_cache = {d: corpus.ngrams(d) for d in DOCS}

    ids = set()
    for i, q in enumerate(qs, 1):
        qid = q.get("id", f"#{i}")
        if list(q.keys()) != KEYS:
            err(f"{qid} : clés {list(q.keys())}")
            continue
        if q["id"] != f"bv-{i:03d}" or q["id"] in ids:
            err(f"{qid} : identifiant inattendu")
        ids.add(q["id"])
        if q["split"] != "test":
            err(f"{qid} : split")
        if q["kind"] not in KINDS:
            err(f"{qid} : kind {q['kind']}")
        if not isinstance(q["question"], str) or not q["question"].strip():
            err(f"{qid} : question vide")
        if not isinstance(q["history"], list) or not all(isinstance(h, str) for h in q["history"]):
            err(f"{qid} : history doit être une liste de chaînes")
        if not isinstance(q["notes"], str):
            err(f"{qid} : notes")
        if q["kind"] == "follow_up" and not q["history"]:
            err(f"{qid} : relance sans historique")
        if q["kind"] != "follow_up" and q["history"]:
            err(f"{qid} : historique sur une question qui n'est pas une relance")
        if q["answerable"] is True:
            if q["kind"] == "unanswerable":
                err(f"{qid} : kind unanswerable sur une question avec réponse")
            if q["document"] not in DOCS:
                err(f"{qid} : document {q['document']}")
                continue
            if not q["expected"] or not all(isinstance(x, str) and x.strip() for x in q["expected"]):
                err(f"{qid} : expected vide")
            is_pdf = q["document"].endswith(".pdf")
            if is_pdf and not isinstance(q["page"], int):
                err(f"{qid} : page manquante pour un PDF")
            if not is_pdf and q["page"] is not None:
                err(f"{qid} : page doit être null hors PDF")
            for frag in q["expected"]:
                if not corpus.find(q["document"], frag, q["page"]):
                    err(f"{qid} : fragment introuvable « {frag} » dans {q['document']}"
                        + (f" p. {q['page']}" if is_pdf else ""))
            targets = [q["document"]]
        elif q["answerable"] is False:
            if q["expected"] != [] or q["document"] is not None or q["page"] is not None \
                    or q["kind"] != "unanswerable":
                err(f"{qid} : question sans réponse mal formée")
            targets = DOCS
        else:
            err(f"{qid} : answerable doit être un booléen")
            continue
        for text in [q["question"]] + q["history"]:
            w = words(text)
            for j in range(len(w) - NGRAM + 1):
                g = tuple(w[j:j + NGRAM])
                hit = [d for d in targets if g in ngram_cache[d]]
                if hit:
                    err(f"{qid} : reprend « {' '.join(g)} » de {hit[0]}")
                    break

    ans = [q for q in qs if q.get("answerable") is True]
    una = [q for q in qs if q.get("answerable") is False]
    kinds = {}
    for q in qs:
        kinds[q.get("kind")] = kinds.get(q.get("kind"), 0) + 1
    if len(qs) != 60:
        err(f"{len(qs)} questions au lieu de 60")
    if len(ans) != 45 or len(una) != 15:
        err(f"{len(ans)} avec réponse / {len(una)} sans réponse (attendu 45 / 15)")
    for k, mini in [("english", 6), ("follow_up", 5), ("trap", 6), ("table_row", 3)]:
        if kinds.get(k, 0) < mini:
            err(f"kind {k} : {kinds.get(k, 0)} < {mini}")
    covered = {q["document"] for q in ans}
    for d in DOCS:
        if d not in covered:
            err(f"document non couvert : {d}")
    traps = [q for q in qs if q.get("kind") == "trap"]
    trap_docs = {q["document"] for q in traps}
    if not ({"bilan_pays_saint_lois.pdf"} & trap_docs and trap_docs - {"bilan_pays_saint_lois.pdf"}):
        err("les pièges doivent porter sur les deux territoires")
    n_csv = sum(1 for q in ans if q["document"] == "suivi_actions.csv")
    if n_csv < 3:
        err(f"seulement {n_csv} questions sur le registre")

    # tools_expected.json contre la table des actions de build.py
    import build
    te = json.loads((HERE / "tools_expected.json").read_text(encoding="utf-8"))
    if te != build.tools_expected():
        err("tools_expected.json ne correspond pas à build.tools_expected()")
    acts = build.ACTIONS
    total = len(acts)
    cnt = {s: sum(1 for a in acts if a[4] == s) for s in build.STATUTS}
    st = te["statistics"]
    if st["total_actions"] != total:
        err("total_actions")
    if st["done"] != f"{build.pct(cnt['achevée'], total)} %":
        err("done")
    if st["in_progress"] != f"{build.pct(cnt['en cours'], total)} %":
        err("in_progress")
    if st["not_done"] != f"{build.pct(cnt['non démarrée'] + cnt['abandonnée'], total)} %":
        err("not_done")
    # les faits doivent être lisibles dans le rapport
    rap = "rapport_evaluation_ccbv_2025.docx"
    for key in ("done", "in_progress", "not_done"):
        if not corpus.find(rap, st[key].replace(" ", "\u00a0")):
            err(f"statistique {key} absente du rapport")
    for ax in te["axes"]:
        if not corpus.find(rap, f"Orientation {ax['number']} : {ax['title']}"):
            err(f"axe {ax['number']} absent du rapport")
        for o in ax["objectives"]:
            if not corpus.find(rap, o):
                err(f"objectif absent du rapport : {o}")
    # tableau (a) : décomptes par état et total
    units = corpus.load(rap)["units"]
    for m in te["meetings"]:
        y, mo, d = m["date"].split("-")
        if f"{d}/{mo}/{y}" not in units:
            err(f"réunion {m['date']} absente du tableau de gouvernance")
    # registre : décomptes par état = rapport
    rows = corpus.load("suivi_actions.csv")["rows"]
    hdr, body = rows[0], rows[1:]
    i_state = hdr.index("État")
    reg = {}
    for r in body:
        reg[r[i_state]] = reg.get(r[i_state], 0) + 1
    want_reg = {build.ETAT_REGISTRE[s]: n for s, n in cnt.items() if n}
    if reg != want_reg or len(body) != total:
        err(f"registre : {reg} au lieu de {want_reg}")

    print(f"questions : {len(qs)} ({len(ans)} avec réponse, {len(una)} sans réponse)")
    print("types : " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print("documents : " + ", ".join(f"{d} {sum(1 for q in ans if q['document'] == d)}"
                                    for d in DOCS))
    if errors:
        print(f"ÉCHEC : {len(errors)} erreur(s)")
        for e in errors:
            print("  - " + e)
        return 1
    print("OK : tous les contrôles sont passés")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
