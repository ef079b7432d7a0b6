#!/usr/bin/env python
"""Écrit questions.jsonl et tools_expected.json (à côté de ce script)."""
import json
import pathlib

import build

HERE = pathlib.Path(__file__).resolve().parent
EV, XL, DX, TX, MD, VO = (build.FILES[k] for k in ("eval", "xlsx", "docx", "txt", "md", "voisin"))


def A(q, exp, doc, page, kind, notes, hist=None):
    return {"question": q, "history": hist or [], "answerable": True, "expected": exp,
            "document": doc, "page": page, "kind": kind, "notes": notes}


def U(q, notes, hist=None):
    return {"question": q, "history": hist or [], "answerable": False, "expected": [],
            "document": None, "page": None, "kind": "unanswerable", "notes": notes}


Q = [
    A("Combien d'habitants compte le PETR 3RC ?", ["31 480"], EV, 3, "number",
      "Population totale, section 1.1."),
    A("Quelles sont les quatre grandes ambitions du contrat économique ?",
      ["Accueillir et ancrer les entreprises", "Valoriser les ressources agricoles, forestières et artisanales",
       "Faire des trois vallées une destination de pleine nature",
       "Accompagner les transitions énergétique et numérique"], EV, 4, "list",
      "Les quatre orientations s'appellent « Ambition » ; liste complète en section 1.2."),
    A("Quelle proportion des actions était encore en cours fin 2024 ?", ["29 %"], EV, 5, "percent",
      "Part en cours : uniquement dans le tableau 1 (11 sur 38)."),
    U("Quelle était la date du comité de pilotage tenu en 2020 ?",
      "Aucune instance en 2020 : le contrat démarre en 2021 (premier COPIL le 16 mars 2021)."),
    A("When was the agreement with the Region signed?", ["25 février 2021"], DX, None, "english",
      "Date de signature en fin de convention."),
    A("Quel bureau d'études a mené l'évaluation finale ?", ["Territoires & Mesures"], EV, 1, "name",
      "Cabinet cité en page de couverture."),
    A("Combien d'actions comptait le contrat de la Haute-Sorne ?", ["34"], VO, 1, "trap",
      "Voisin : 34 actions, contre 38 pour le PETR 3RC."),
    A("Selon l'évaluation, quand une action est-elle réputée non démarrée ?",
      ["aucun engagement juridique ou financier"], EV, 4, "definition",
      "Définition des états d'avancement, section 2."),
    U("Combien la Région a-t-elle versé précisément pour la véloroute ?",
      "Seuls le coût programmé de la véloroute (620 000 €) et le total versé par la Région (1 432 000 €) sont donnés."),
    A("Quel taux d'engagement financier global l'évaluation affiche-t-elle ?", ["79 %"], EV, 5, "percent",
      "3 912 000 € engagés sur 4 960 000 €."),
    A("Quelles intercommunalités composent le PETR ?",
      ["Val de Sorelle", "Vaudre et Plateaux", "Haute-Morvine"], DX, None, "list",
      "Article 2 de la convention."),
    A("Quelle part des actions du PETR 3RC est achevée ?", ["55 %"], EV, 5, "trap",
      "55 % chez nous ; la fiche du voisin affiche 56 %."),
    A("Qui est le président du PETR ?", ["Jean-Marc Tissot"], TX, None, "name",
      "Citation du communiqué (aussi signataire de la convention)."),
    U("Quel sera le budget du futur contrat régional 2026-2030 ?",
      "Le prochain contrat est évoqué mais aucun montant n'est donné."),
    A("Pourquoi a-t-on renoncé à l'atelier-relais agroalimentaire ?",
      ["porteur de projet privé"], EV, 6, "why",
      "Le porteur privé s'est retiré en 2023 ; abandon acté le 12 mars 2024."),
    A("Et pour le comité technique ?", ["1er juillet 2021"], EV, 8, "follow_up",
      "Suite : la première question porte sur le premier COPIL (16 mars 2021).",
      ["Quand a eu lieu la toute première réunion du COPIL ?"]),
    A("Quel statut le tableau de bord donne-t-il à l'action 2.1.3 ?", ["À lancer"], XL, None, "table_row",
      "Feuille Actions ; équivaut à « Non démarrée » dans le rapport."),
    U("Qui présidait la conférence des maires de septembre 2023 ?",
      "La date et le lieu sont donnés, pas la présidence de la séance."),
    A("What share of the Trois Rivières actions were abandoned?", ["5 %"], EV, 5, "english",
      "2 actions sur 38 abandonnées ; tableau 1."),
    A("Une PME de 80 salariés peut-elle solliciter ces aides ?", ["moins de 50 salariés"], MD, None, "yes_no",
      "Réponse : non, plafond de 50 salariés."),
    A("À quelle date la version provisoire du rapport a-t-elle été étudiée en comité technique ?",
      ["18 mars 2025"], EV, 8, "date", "Dixième réunion, section 6."),
    A("À quelle date le comité technique de la Haute-Sorne s'est-il réuni en mars 2023 ?", ["9 mars 2023"],
      VO, 2, "trap", "Voisin : 9 mars 2023 ; notre comité technique du même mois date du 7 mars 2023."),
    U("Combien d'emplois l'ambition 3 a-t-elle créés à elle seule ?",
      "Seul le total de 214 emplois est donné, sans ventilation par ambition."),
    A("Dans le tableau d'exécution financière, quel taux d'engagement pour l'ambition 3 ?", ["84 %"], EV, 5,
      "table_row", "Tableau 3, ligne Ambition 3."),
    A("Que veut dire le sigle PETR ?", ["pôle d'équilibre territorial et rural"], MD, None, "definition",
      "FAQ ; aussi en annexe 2 du rapport."),
    A("Et sur l'ambition 3 ?", ["480 000 €"], DX, None, "follow_up",
      "Suite : participation régionale indicative par ambition (tableau de l'article 4).",
      ["Combien la Région met-elle sur l'ambition 1 ?"]),
    U("Quel budget la Haute-Sorne consacre-t-elle à sa priorité 2 ?",
      "La fiche du voisin ne donne que le coût total (3 480 000 €) et le nombre d'actions par priorité."),
    A("Quel est le taux d'engagement des dépenses pour l'ambition 1 ?", ["87 %"], EV, 5, "percent",
      "Tableau 3."),
    A("Combien d'entreprises ont bénéficié d'un accompagnement grâce au contrat ?", ["163"], TX, None, "number",
      "Aussi dans le rapport (section 3.3 et tableau 4)."),
    A("Which governance body met on 28 September 2023?", ["Conférence des maires"], XL, None, "english",
      "Feuille Instances, date ISO 2023-09-28 ; 28/09/23 dans le rapport."),
    A("Quand le COPIL a-t-il entériné l'abandon du magasin de producteurs ?", ["6 décembre 2022"], EV, 6, "date",
      "Section 4, objectif 2.2."),
    U("Combien d'actions étaient déjà achevées fin 2022 ?",
      "Le rapport donne l'état au 31 décembre 2024 seulement ; le bilan à mi-parcours n'est pas chiffré."),
    A("Quelle est l'enveloppe maximale de la Région pour notre contrat ?", ["1 850 000 €"], DX, None, "trap",
      "Chez nous 1 850 000 € ; le voisin mobilise 1 320 000 € de crédits régionaux."),
    A("Combien de réunions des instances ont eu lieu au total ?", ["10 réunions"], EV, 8, "number",
      "10 réunions tenues (4 COPIL, 4 comités techniques, 2 conférences des maires) ; une onzième annoncée."),
    A("Dans quelle commune s'est tenue la conférence des maires d'avril 2022 ?", ["Mouthier-Vaudre"], XL, None,
      "table_row", "Feuille Instances, ligne 4."),
    A("How many municipalities belong to the PETR?", ["26 communes"], EV, 3, "english", "Section 1.1."),
    U("What was the unemployment rate in the PETR area in 2024?",
      "Aucun taux de chômage dans les documents."),
    A("Quelles actions le tableau de bord classe-t-il comme abandonnées ?",
      ["Atelier-relais agroalimentaire de la Haute-Morvine", "Magasin de producteurs de Chassagne-la-Roche"],
      XL, None, "list", "Feuille Actions, statut « Abandonnée » (codes 1.1.5 et 2.2.5)."),
    A("Et quel est son coût programmé ?", ["620 000 €"], EV, 9, "follow_up",
      "Suite sur la véloroute (action 3.1.1), annexe 1.",
      ["Où en est le chantier de la véloroute ?"]),
    A("À quelle date les élus du comité syndical ont-ils validé le contrat ?",
      ["2 février 2021"], DX, None, "date", "Délibération n° 2021-04 du comité syndical."),
    U("Combien de visiteurs la base de canoë a-t-elle accueillis en 2024 ?",
      "Seule la date d'ouverture (juin 2023) est donnée."),
    A("Qu'est-ce qui explique le retard financier de l'ambition 4 ?",
      ["prix de l'énergie", "appel d'offres infructueux"], EV, 7, "why",
      "Section 4, objectif 4.1 : flambée des prix de l'énergie et appel d'offres du réseau de chaleur."),
    A("Combien d'emplois le contrat de la Haute-Sorne a-t-il permis de créer ou maintenir ?", ["187"], VO, 1,
      "trap", "Voisin : 187 ; chez nous 214."),
    A("Comment s'appelle le tiers-lieu ouvert à Vaulmont-sur-Sorelle ?", ["La Fabrique"], XL, None, "name",
      "Feuille Actions, action 4.2.1."),
    U("Combien d'habitants compte la Haute-Sorne ?",
      "La fiche du voisin donne le nombre de communes (19) mais pas la population."),
    A("Who should a business owner contact about these grants?", ["Lucie Faivre"], MD, None, "english",
      "Chargée de mission développement économique."),
    A("Et combien d'emplois ?", ["214"], TX, None, "follow_up",
      "Suite : emplois créés ou maintenus.", ["Combien d'entreprises le contrat a-t-il aidées ?"]),
    A("Peut-on changer le contenu de la convention en cours d'exécution ?", ["avenant"], DX, None, "yes_no",
      "Oui, par avenant (article 8)."),
    U("Quel jour précis le second tronçon de la véloroute sera-t-il inauguré ?",
      "Seuls « travaux du second lot en 2025 » et « en cours de travaux » figurent ; aucune date."),
    A("Jusqu'à quelle date une entreprise peut-elle déposer un dossier ?", ["30 septembre 2025"], MD, None,
      "date", "FAQ."),
    A("Et le plafond ?", ["2 500 €"], MD, None, "follow_up",
      "Suite sur le diagnostic énergie (80 %, plafond 2 500 €).",
      ["Quel taux de prise en charge pour un diagnostic énergie ?"]),
    U("Quel est le taux d'aide pour moderniser un hébergement touristique ?",
      "La FAQ ne donne les taux que pour trois aides (diagnostic, sobriété, ateliers artisanaux)."),
    A("Dans l'annexe, quelle intercommunalité porte la légumerie ?", ["CC du Val de Sorelle"], EV, 9,
      "table_row", "Annexe 1, action 2.2.1."),
    A("Quand aura lieu notre dernier COPIL, celui qui clôt le contrat ?", ["24 juin 2025"], TX, None, "trap",
      "Chez nous 24 juin 2025 ; le voisin annonce le 3 juillet 2025."),
    U("Comment s'appelle le maire de Bréchaux ?", "Aucun maire n'est nommé."),
    A("What is the total planned cost of the programme?", ["4 960 000 €"], DX, None, "english",
      "Article 4."),
    A("D'après le tableau de bord, quelle part des actions est soldée ?", ["55 %"], XL, None, "percent",
      "Feuille Synthèse, pourcentage réel au format « 0 % » (0,5526) ; aussi en texte dans le rapport."),
    U("Quel montant le Département du Doubs a-t-il apporté au contrat ?",
      "Les autres financeurs sont agrégés (2 490 000 €) sans détail par financeur."),
    A("Quelle superficie couvre le PETR ?", ["648 km²"],
      EV, 3, "number", "Superficie, section 1.1."),
    U("Quels points figuraient à l'ordre du jour du comité technique de la Haute-Sorne en mars 2023 ?",
      "La fiche du voisin ne donne que la date (9 mars 2023)."),
]


def main():
    assert len(Q) == 60, len(Q)
    with open(HERE / "questions.jsonl", "w", encoding="utf-8") as f:
        for i, q in enumerate(Q, 1):
            row = {"id": f"tr-{i:03d}", "question": q["question"], "history": q["history"],
                   "answerable": q["answerable"], "expected": q["expected"], "document": q["document"],
                   "page": q["page"], "kind": q["kind"], "notes": q["notes"], "split": "test"}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(HERE / "tools_expected.json", "w", encoding="utf-8") as f:
        json.dump(build.tools_expected(), f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
