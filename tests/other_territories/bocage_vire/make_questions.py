#!/usr/bin/env python3
"""Écrit questions.jsonl et tools_expected.json (pages PDF résolues sur le corpus construit).

Usage : python make_questions.py CORPUS_DIR
"""
import json, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import check, build
if len(sys.argv) != 2:
    raise SystemExit("usage : python make_questions.py CORPUS_DIR")
corpus = check.Corpus(Path(sys.argv[1]))
R = "rapport_evaluation_ccbv_2025.docx"; S = "synthese_evaluation_ccbv.pdf"
M = "copil_2025-03-18.md"; C = "suivi_actions.csv"; B = "bilan_pays_saint_lois.pdf"

# (question, history, document, expected, kind, notes)
A = [
 ("Combien de communes composent l'intercommunalité Bocage de la Vire ?", [], R, ["14 communes"], "number", ""),
 ("Quand la convention avec la Région Normandie a-t-elle été paraphée ?", [], R, ["26 juin 2020"], "date", "Signature du contrat."),
 ("Selon l'évaluation finale, quelle proportion des actions a été menée à son terme ?", [], R, ["58 %"], "percent", "18 actions sur 31."),
 ("Quel pourcentage des actions n'a finalement jamais abouti, en cumulant celles qui n'ont pas démarré et celle qui a été abandonnée ?", [], R, ["13 %"], "percent", "3 non démarrées + 1 abandonnée = 4 sur 31."),
 ("Quels objectifs opérationnels sont rattachés à la deuxième orientation du contrat ?", [], R,
  ["Rapprocher les demandeurs d'emploi et les employeurs locaux", "Adapter l'offre de formation aux besoins des filières", "Faciliter la mobilité vers l'emploi"], "list", "Trois objectifs 2.1 à 2.3."),
 ("Quel montant a été engagé sur l'orientation emploi et compétences ?", [], R, ["843 050"], "table_row", "Tableau 2 du rapport."),
 ("À quelle date s'est tenue la séance du comité technique consacrée à la préparation du premier avenant ?", [], R, ["17/05/2022"], "table_row", "Tableau 3 du rapport."),
 ("Pour quelle raison a-t-on renoncé au groupement d'employeurs multisectoriel ?", [], R, ["seules quatre entreprises se sont engagées à y adhérer", "il en fallait au moins dix"], "why", ""),
 ("Comment l'évaluation calcule-t-elle son taux d'engagement ?", [], R, ["rapporte les montants engagés", "aux montants prévus dans les fiches-actions"], "definition", ""),
 ("Quel bureau d'études a été chargé de l'évaluation finale ?", [], R, ["Terres & Territoires Conseil"], "name", ""),
 ("Y a-t-il eu une séance du comité de pilotage en 2023 ?", [], R, ["Aucune réunion du comité de pilotage ne s'est tenue en 2023"], "yes_no", "Non : seul le comité technique s'est réuni (8 juin 2023)."),
 ("Why has the rooftop solar plant on the business premises not been started yet?", [], R, ["attend toujours sa date de raccordement au réseau électrique"], "english", "Centrale photovoltaïque, action A31."),
 ("How much funding did the Normandy Region put into the CCBV contract?", [], R, ["2 350 000 €"], "english", ""),
 ("Combien d'actions figurent au total dans le contrat de la CCBV ?", [], R, ["31 actions"], "trap", "Le pacte du Pays Saint-Lois en compte 42."),
 ("En 2021, quel jour le comité technique de la CCBV a-t-il siégé ?", [], R, ["04/03/2021"], "trap", "Le comité technique du Pays Saint-Lois s'est réuni le 12 octobre 2021 et le 3 mars 2022."),
 ("Pour le contrat de la CCBV, quelle part des crédits prévus a réellement été engagée ?", [], R, ["73 %"], "trap", "Le Pays Saint-Lois affiche 44 %."),
 ("Et parmi elles, combien n'ont jamais été lancées ?", ["Combien d'actions compte le contrat de territoire de la CCBV ?"], R, ["3 n'ont pas démarré"], "follow_up", "31 actions, dont 3 non démarrées."),
 ("Et côté Région, quelle élue a apposé sa signature ?", ["Qui a signé le contrat pour l'intercommunalité ?"], R, ["Hélène Marivaux"], "follow_up", "Bernard Lecoutour pour la CCBV."),
 # synthèse PDF
 ("Quel jour a eu lieu la toute première séance du comité technique ?", [], S, ["le 4 mars"], "date", "4 mars 2021."),
 ("D'après la synthèse, combien d'emplois ont été créés ou préservés grâce au contrat ?", [], S, ["412 emplois"], "number", ""),
 ("Quel taux de retour a obtenu le questionnaire envoyé aux entreprises ?", [], S, ["31 %"], "percent", "57 réponses sur 184."),
 ("Dans le tableau de la synthèse, quel volume de crédits est engagé pour l'orientation transitions ?", [], S, ["1 342 800 €"], "table_row", ""),
 ("Pourquoi l'orientation dédiée aux transitions accuse-t-elle du retard ?", [], S, ["équipements lourds", "ne s'achèveront qu'en 2025"], "why", ""),
 ("When is the new industrial training centre expected to open?", [], S, ["rentrée 2025"], "english", "Antenne de formation aux métiers de l'industrie."),
 ("Quand les élus du copil ont-ils approuvé l'avenant n° 1 ?", [], S, ["le 29 novembre"], "date", "29 novembre 2022."),
 # compte rendu MD
 ("Comment se sont réparties les voix lors du vote sur l'avenant n° 2 ?", [], M, ["14 pour", "| 17 | 14 | 2 | 1 |", "adoptée à la majorité"], "table_row", "14 pour, 2 contre, 1 abstention."),
 ("Quels élus se sont opposés à la prolongation lors du vote de mars 2025 ?", [], M, ["M. Hamelin et Mme Letellier"], "name", ""),
 ("Pour quand est programmée la séance suivante du comité de pilotage ?", [], M, ["30 septembre 2025"], "date", "Séance de clôture annoncée, non tenue à la date des documents."),
 ("Quels projets restés au point mort seront réexaminés pour le prochain contrat ?", [], M, ["pépinière numérique", "centrale photovoltaïque", "formation numérique des salariés de l'agroalimentaire"], "list", ""),
 ("Who abstained in the vote at the March 2025 steering committee?", [], M, ["M. Guérin s'abstient", "Guérin"], "english", ""),
 ("Et à quelle heure la réunion s'est-elle terminée ?", ["Qui présidait le comité de pilotage du 18 mars 2025 ?"], M, ["17 h 10"], "follow_up", "Présidence : Bernard Lecoutour."),
 ("La Région a-t-elle réclamé des analyses supplémentaires avant que le rapport soit diffusé ?", [], M, ["complément d'analyse sur les actions de mobilité"], "yes_no", "Oui, sur la mobilité."),
 # registre CSV
 ("Qui assure la maîtrise d'ouvrage de la ressourcerie prévue à Couvrigny ?", [], C, ["Recyclerie du Bocage"], "table_row", "Action A30."),
 ("Selon le tableau de suivi, à combien était chiffré le projet de pépinière numérique ?", [], C, ["310 000"], "number", "Action A08."),
 ("À quelle date la ligne de la légumerie a-t-elle été actualisée pour la dernière fois dans le tableau de suivi ?", [], C, ["29/01/2025"], "date", "Action A24."),
 ("Quelles actions sont notées comme « pas commencé » dans le tableau de suivi ?", [], C,
  ["Pépinière numérique La Fabrique", "Formation des salariés de l'agroalimentaire aux outils numériques", "Centrale photovoltaïque sur les toitures des bâtiments d'activités"], "list", "A08, A19, A31."),
 ("In the tracking spreadsheet, how much has been committed to the seasonal job-dating events?", [], C, ["17 400"], "english", "Action A15."),
 ("Et quelle somme a déjà été engagée sur ce projet ?", ["Combien était prévu pour l'antenne qui doit former aux métiers industriels à Valbrécy ?"], C, ["390 000"], "follow_up", "Action A17 : 650 000 prévus."),
 # bilan Pays Saint-Lois PDF
 ("À mi-parcours, quelle part des actions du pacte saint-lois était terminée ?", [], B, ["45 %"], "trap", "Ne pas confondre avec les 58 % de la CCBV."),
 ("Combien la Région a-t-elle apporté au Pays Saint-Lois pour son pacte ?", [], B, ["3 100 000 €"], "trap", "La CCBV a reçu 2 350 000 €."),
 ("Des actions ont-elles été abandonnées dans le pacte du Pays Saint-Lois ?", [], B, ["Aucune action abandonnée à ce stade"], "trap", "Contrairement à la CCBV (une action abandonnée)."),
 ("What are the strategic priorities of the Pays Saint-Lois development pact?", [], B,
  ["Économie productive et innovation", "Tourisme, culture et patrimoine", "Services et santé de proximité", "Transition écologique et mobilités"], "english", "Quatre axes A à D."),
 ("Quelle date avait été retenue pour le comité de pilotage suivant du Pays Saint-Lois ?", [], B, ["8 décembre 2022"], "date", ""),
 ("Quel est le taux d'achèvement de l'axe C du pays saint-lois ?", [], B, ["33 %"], "table_row", "3 actions achevées sur 9."),
 ("Et quelle part de ce montant avait déjà été engagée ?", ["Quel budget le Pays Saint-Lois avait-il programmé pour son pacte ?"], B, ["44 %", "4 120 000 €"], "follow_up", "9 400 000 € programmés."),
]

U = [
 ("Quelle proportion des actions avait été réalisée dans le contrat précédent de la CCBV, sur 2014-2019 ?", "Seul le contrat 2020-2025 est évalué."),
 ("Combien la Région a-t-elle versé à la communauté de communes pour la seule année 2023 ?", "Seul le total régional est donné."),
 ("Qui assistait à la réunion du comité technique d'octobre 2024 ?", "Seule la liste des présents du comité de pilotage du 18 mars 2025 est donnée."),
 ("Qui préside le comité technique du contrat ?", "Composition donnée, pas de présidence."),
 ("Quel est le taux de chômage du Pays Saint-Lois ?", "Seul celui de la zone d'emploi de la CCBV est donné."),
 ("Combien d'habitants vivent à Valbrécy ?", "Seule la population intercommunale est donnée."),
 ("Quelle somme le Département du Calvados a-t-il apportée au contrat ?", "Le Département siège au comité mais aucun montant n'est donné."),
 ("How many jobs has the vegetable processing unit for school canteens created?", "Aucun chiffre d'emploi par action."),
 ("Quel budget est envisagé pour le futur contrat 2026-2031 ?", "Non chiffré."),
 ("Quel consultant a rédigé le point d'étape à mi-parcours pour le Pays Saint-Lois ?", "Non indiqué."),
 ("When was the Pays Saint-Lois development pact signed?", "Date de signature non donnée."),
 ("Quel montant total avait été engagé au 31 décembre 2023 ?", "Les montants engagés ne sont donnés qu'au 31 janvier 2025."),
 ("Combien de lots de la zone de la Croix-Verte ont trouvé preneur pendant l'année 2022 ?", "Seul le cumul (17 lots) est donné."),
 ("Qui dirige la Maison de l'emploi locale du Bocage ?", "Non indiqué."),
 ("What share of the Pays Saint-Lois actions had been abandoned by the end of 2024?", "Le bilan date de juin 2022."),
]

out = []
i = 0
def page_for(doc, frags):
    if not doc.endswith(".pdf"):
        return None
    pages = corpus.load(doc)["pages"]
    for n in range(1, len(pages) + 1):
        if all(corpus.find(doc, f, n) for f in frags):
            return n
    raise SystemExit(f"pas de page commune pour {frags}")

# interleave: unanswerable every 4th position
ai = iter(A); ui = iter(U)
order = []
for k in range(60):
    order.append("u" if k % 4 == 3 else "a")
for kind in order:
    i += 1
    if kind == "a":
        q, hist, doc, exp, kd, notes = next(ai)
        out.append({"id": f"bv-{i:03d}", "question": q, "history": hist, "answerable": True,
                    "expected": exp, "document": doc, "page": page_for(doc, exp), "kind": kd,
                    "notes": notes, "split": "test"})
    else:
        q, notes = next(ui)
        out.append({"id": f"bv-{i:03d}", "question": q, "history": [], "answerable": False,
                    "expected": [], "document": None, "page": None, "kind": "unanswerable",
                    "notes": notes, "split": "test"})
assert len(A) == 45 and len(U) == 15
(HERE / "questions.jsonl").write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
(HERE / "tools_expected.json").write_text(json.dumps(build.tools_expected(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print("ok", len(out))
