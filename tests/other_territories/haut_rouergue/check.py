"""Vérifie questions.jsonl contre le corpus.

Usage : python check.py [corpus_dir] [questions.jsonl]
- chaque fragment attendu figure (casse ignorée, espaces normalisés) dans le document nommé,
  à la page indiquée pour les PDF (pypdf), dans un paragraphe/une cellule pour docx,
  dans une cellule pour xlsx (valeur openpyxl), dans le texte pour md ;
- aucune question (ni son historique) ne reprend 5 mots consécutifs de son document
  (de l'ensemble du corpus pour les questions sans réponse) ;
- schéma, identifiants, effectifs (210 / 160 / 50 / 150 dev / 60 test).
"""
import json, sys
from collections import Counter
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
from common import doc_units, norm, tokens, ngrams

here = Path(__file__).parent
corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "corpus"
qfile = Path(sys.argv[2]) if len(sys.argv) > 2 else here / "questions.jsonl"
KEYS = ["id", "question", "history", "answerable", "expected", "document", "page", "kind", "notes", "split"]
KINDS = {"number", "percent", "date", "name", "list", "table_row", "why", "definition", "yes_no",
         "english", "follow_up", "trap", "unanswerable"}

units = {p.name: doc_units(p) for p in sorted(corpus.iterdir()) if p.suffix in {".pdf", ".docx", ".xlsx", ".md"}}
grams = {name: ngrams(tokens("\n".join(u))) for name, u in units.items()}
all_grams = set().union(*grams.values())

qs = [json.loads(l) for l in qfile.read_text(encoding="utf-8").splitlines() if l.strip()]
errors = []
for q in qs:
    qid = q.get("id")
    if list(q) != KEYS:
        errors.append(f"{qid}: clés {list(q)}")
    if q["kind"] not in KINDS:
        errors.append(f"{qid}: kind inconnu {q['kind']}")
    if q["answerable"]:
        doc = q["document"]
        if doc not in units:
            errors.append(f"{qid}: document inconnu {doc}"); continue
        if not 1 <= len(q["expected"]) <= 3:
            errors.append(f"{qid}: {len(q['expected'])} fragments")
        if doc.endswith(".pdf"):
            pages = units[doc]
            if not isinstance(q["page"], int) or not 1 <= q["page"] <= len(pages):
                errors.append(f"{qid}: page invalide {q['page']}"); continue
            hay = [norm(pages[q["page"] - 1])]
        else:
            if q["page"] is not None:
                errors.append(f"{qid}: page non nulle pour {doc}")
            hay = [norm(u) for u in units[doc]]
        for e in q["expected"]:
            if not any(norm(e) in h for h in hay):
                errors.append(f"{qid}: fragment absent « {e} » ({doc} p.{q['page']})")
        ref = grams[doc]
    else:
        if q["expected"] or q["document"] is not None or q["page"] is not None or q["kind"] != "unanswerable":
            errors.append(f"{qid}: champs incohérents pour une question sans réponse")
        ref = all_grams
    for text in [q["question"]] + q["history"]:
        copied = ngrams(tokens(text)) & ref
        if copied:
            errors.append(f"{qid}: reprend 5 mots du document : {' '.join(sorted(copied)[0])} | {text}")
    if q["kind"] == "follow_up" and not q["history"]:
        errors.append(f"{qid}: follow_up sans historique")

ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    errors.append("identifiants en double")
if len(set(q["question"] for q in qs)) != len(qs):
    errors.append("questions en double")
n_ans = sum(q["answerable"] for q in qs)
split = Counter(q["split"] for q in qs)
if (len(qs), n_ans, split["dev"], split["test"]) != (210, 160, 150, 60):
    errors.append(f"effectifs : {len(qs)} questions, {n_ans} avec réponse, {dict(split)}")
per_doc = Counter(q["document"] for q in qs if q["answerable"])
for d in units:
    if per_doc[d] < 15:
        errors.append(f"{d}: seulement {per_doc[d]} questions avec réponse")

print(f"{len(qs)} questions ({n_ans} avec réponse, {len(qs) - n_ans} sans) – split {dict(split)}")
print("par type :", dict(sorted(Counter(q['kind'] for q in qs).items())))
print("par document :", dict(sorted((str(k), v) for k, v in per_doc.items())))
if errors:
    print(f"ÉCHEC : {len(errors)} erreur(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK : tous les fragments trouvés à l'endroit indiqué, aucune reprise de 5 mots consécutifs.")
