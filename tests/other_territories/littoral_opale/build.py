"""Corpus fictif « Littoral d'Opale » (Hauts-de-France, Pas-de-Calais).

Six documents aux mises en page variées + pacte.toml, construits de façon
déterministe (aucun aléa, aucune horloge) :

  1. evaluation_finale_pacte_littoral_opale.pdf  lettre d'information en deux colonnes
  2. seminaire_lancement_pacte_2019.pdf          diaporama (paysage)
  3. cr_copil_2024-12-10.txt                     compte rendu de comité de pilotage
  4. registre_actions_pacte.xlsx                 registre des actions + budget annuel
  5. deliberation_conseil_2024-12-19.docx        délibération du conseil communautaire
  6. bilan_contrat_trois_vallons.md              bilan du territoire VOISIN (piège)
  7. pacte.toml

Usage : python build.py DEST
"""
from __future__ import annotations

import re
import sys
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

NB = "\u00a0"
FIXED_DT = datetime(2024, 1, 1, tzinfo=timezone.utc)
ZIP_DT = (2024, 1, 1, 0, 0, 0)

# Chaînes réellement dessinées dans chaque PDF (pour vérifier l'extraction).
PDF_SOURCES: dict[str, list[str]] = {}

MOIS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"


def nb(s: str) -> str:
    """Espaces insécables à la française."""
    s = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", NB, s)
    s = re.sub(r"(?<=\d) (m²|M€|k€|€|%|ha|km|m|h)(?![\w²])", NB + r"\1", s)
    s = re.sub(r" ([:;?!»])", NB + r"\1", s)
    s = s.replace("« ", "«" + NB)
    s = re.sub(r"\b(\d{1,2}) (" + MOIS + r") (\d{4})", r"\1" + NB + r"\2" + NB + r"\3", s)
    s = s.replace("n° ", "n°" + NB)
    s = re.sub(r"(?<=\d)(" + NB + r"h) (?=\d)", r"\1" + NB, s)
    return s


# ---------------------------------------------------------------------------
# Données du Pacte (territoire d'accueil)
# ---------------------------------------------------------------------------
TERRITOIRE = "Communauté d'agglomération du Littoral d'Opale"
PACTE = "Pacte territorial pour l'économie et l'emploi du Littoral d'Opale 2019-2024"
CA = "CA du Littoral d'Opale"

AXES = [
    (1, "Faire de l'économie maritime un moteur d'emplois", [
        "1.1 Moderniser les équipements portuaires de Saint-Aubert-sur-Mer",
        "1.2 Soutenir la filière pêche et la transformation des produits de la mer",
        "1.3 Préparer le territoire aux énergies marines renouvelables",
    ]),
    (2, "Développer un tourisme durable et quatre saisons", [
        "2.1 Allonger la saison touristique et monter en gamme",
        "2.2 Valoriser les espaces naturels et le patrimoine littoral",
    ]),
    (3, "Accueillir et faire grandir les entreprises", [
        "3.1 Faciliter la création et la reprise d'entreprises",
        "3.2 Requalifier le foncier et les zones d'activités",
        "3.3 Redynamiser le commerce des centres-villes et des centres-bourgs",
    ]),
    (4, "Former, insérer et rapprocher de l'emploi", [
        "4.1 Adapter l'offre de formation aux besoins des employeurs",
        "4.2 Lever les freins périphériques à l'emploi",
    ]),
]

# code, intitulé, porteur, commune / EPCI de rattachement, prévu, engagé, statut, mise à jour, commentaire
ACTIONS = [
    ("1.1.a", "Modernisation du quai Nord du port de Saint-Aubert-sur-Mer", "Syndicat mixte du port de Saint-Aubert",
     "Commune de Saint-Aubert-sur-Mer", 2200000, 2150000, "Réalisée", date(2022, 4, 12),
     "420 m de quai livrés en mars 2022 ; solde versé."),
    ("1.1.b", "Création d'une aire de carénage", "Syndicat mixte du port de Saint-Aubert",
     "Commune de Saint-Aubert-sur-Mer", 620000, 600000, "Réalisée", date(2021, 10, 5),
     "Mise en service en septembre 2021 ; une quarantaine de navires accueillis par an."),
    ("1.1.c", "Extension de la criée et création d'une chambre froide", "Syndicat mixte du port de Saint-Aubert",
     "Commune de Saint-Aubert-sur-Mer", 1300000, 900000, "En cours", date(2024, 11, 28),
     "Gros œuvre achevé ; livraison attendue au 2e trimestre 2025."),
    ("1.1.d", "Terminal passagers saisonnier pour navettes maritimes", CA,
     "Commune d'Audrecourt-Plage", 400000, 30000, "Abandonnée", date(2022, 11, 7),
     "Abandon acté par le comité de pilotage du 03/11/2022 : fréquentation estimée insuffisante (18 000 passagers par an)."),
    ("1.2.a", "Fonds d'aide à la modernisation des navires de pêche", CA,
     CA, 500000, 480000, "Réalisée", date(2023, 12, 14),
     "37 navires aidés (motorisation, sécurité, froid à bord)."),
    ("1.2.b", "Atelier de transformation des produits de la mer", "Opale Marée SAS",
     "Commune de Berquenesse", 450000, 310000, "En cours", date(2024, 10, 17),
     "Bâtiment livré, équipements en cours d'installation ; 22 emplois attendus."),
    ("1.2.c", "Marque collective « Pêché en Opale »", "Comité des pêches du Littoral d'Opale",
     CA, 90000, 85000, "Réalisée", date(2021, 6, 30),
     "Marque lancée en 2021 ; 46 adhérents fin 2024."),
    ("1.3.a", "Base de maintenance pour l'éolien en mer", "Nordéole Maintenance",
     "Commune de Saint-Aubert-sur-Mer", 650000, 380000, "En cours", date(2024, 12, 3),
     "Permis de construire obtenu, travaux lancés ; 60 emplois annoncés à terme."),
    ("1.3.b", "Formations aux métiers de la maintenance éolienne en mer", "Lycée professionnel des Garennes",
     "Commune de Hardinval", 190000, 185000, "Réalisée", date(2023, 7, 6),
     "84 stagiaires formés en trois sessions."),
    ("2.1.a", "Programme d'événements d'arrière-saison « Opale en hiver »", "Office de tourisme communautaire",
     CA, 350000, 350000, "Réalisée", date(2024, 3, 21),
     "Cinq éditions ; 38 000 visiteurs cumulés."),
    ("2.1.b", "Aménagement de l'office de tourisme communautaire", CA,
     "Commune d'Audrecourt-Plage", 780000, 780000, "Réalisée", date(2020, 9, 15),
     "Ouvert au public en juillet 2020."),
    ("2.1.c", "Aides à la montée en gamme des hébergements touristiques", CA,
     CA, 600000, 560000, "En cours", date(2024, 11, 14),
     "61 hébergeurs aidés ; dernier appel à projets clos en octobre 2024."),
    ("2.1.d", "Centre de congrès et de séminaires", "Commune de Longuemer",
     "Commune de Longuemer", 250000, 0, "Non engagée", date(2023, 5, 9),
     "Aucun exploitant privé identifié."),
    ("2.2.a", "Véloroute du littoral, tronçon Berquenesse - Hardinval (14 km)", CA,
     "Communes de Berquenesse et de Hardinval", 720000, 720000, "Réalisée", date(2023, 6, 2),
     "Mise en service en mai 2023 ; 96 000 passages la première année."),
    ("2.2.b", "Maison des dunes et des garennes (centre d'interprétation)", "Commune de Marquenval",
     "Commune de Marquenval", 300000, 290000, "En cours", date(2024, 9, 26),
     "Travaux en cours ; ouverture prévue au printemps 2025."),
    ("2.2.c", "Signalétique patrimoniale dans les douze communes", "Office de tourisme communautaire",
     CA, 90000, 90000, "Réalisée", date(2021, 4, 22),
     "212 panneaux posés."),
    ("2.2.d", "Plan de gestion de la fréquentation des sites naturels", "Syndicat mixte des espaces littoraux",
     CA, 110000, 70000, "Réalisée", date(2022, 12, 8),
     "Plan adopté en 2022 ; écocompteurs installés sur 9 sites."),
    ("3.1.a", "Plateforme « Entreprendre en Opale » (guichet unique création-reprise)", CA,
     CA, 420000, 410000, "Réalisée", date(2024, 12, 12),
     "Ouverte en novembre 2019 ; 412 entreprises accompagnées."),
    ("3.1.b", "Hôtel d'entreprises de Longuemer", CA,
     "Commune de Longuemer", 1450000, 1430000, "Réalisée", date(2022, 10, 4),
     "1 850 m², 14 cellules ; livré en septembre 2022 ; taux d'occupation de 86 % fin 2024."),
    ("3.1.c", "Abondement du fonds de prêts d'honneur pour la reprise", "Association Opale Initiative",
     CA, 300000, 300000, "Réalisée", date(2023, 2, 16),
     "96 prêts d'honneur accordés à des repreneurs."),
    ("3.2.a", "Requalification de la zone d'activités des Garennes", CA,
     "Commune de Berquenesse", 1200000, 720000, "En cours", date(2024, 11, 21),
     "Tranche 1 (voirie, éclairage) terminée ; tranche 2 jusqu'en septembre 2025."),
    ("3.2.b", "Reconversion de la friche Vandamme (ancienne conserverie)", CA,
     "Commune de Saint-Aubert-sur-Mer", 500000, 40000, "Abandonnée", date(2022, 11, 7),
     "Dépollution chiffrée à 2,3 M€ ; abandon acté le 03/11/2022."),
    ("3.2.c", "Observatoire du foncier économique", "Agence d'urbanisme du Littoral d'Opale",
     CA, 60000, 60000, "Réalisée", date(2021, 1, 19),
     "Mis à jour chaque année ; 64 ha de foncier économique recensés."),
    ("3.2.d", "Extension de la zone d'activités du Moulin", CA,
     "Commune de Marquenval", 400000, 250000, "En cours", date(2024, 10, 30),
     "Acquisitions foncières réalisées ; viabilisation à engager en 2025."),
    ("3.3.a", "Manager de commerce mutualisé", CA,
     "Communes de Saint-Aubert-sur-Mer, Longuemer, Hardinval et Escalmont", 180000, 175000, "Réalisée",
     date(2024, 6, 13), "Poste pourvu depuis septembre 2020 ; 27 locaux vacants remis sur le marché."),
    ("3.3.b", "Aide à la rénovation des vitrines commerciales", CA,
     CA, 240000, 155000, "En cours", date(2024, 12, 5),
     "73 commerces aidés ; guichet ouvert jusqu'en juin 2025."),
    ("3.3.c", "Boutiques à l'essai", "Commune d'Escalmont",
     "Communes d'Escalmont et de Hardinval", 50000, 0, "Non engagée", date(2023, 9, 19),
     "Faute de locaux disponibles, le dispositif n'a pas été lancé."),
    ("4.1.a", "Gestion prévisionnelle des emplois et des compétences territoriale (GPECT)",
     "Maison de l'emploi du Littoral d'Opale", CA, 150000, 150000, "Réalisée", date(2022, 3, 24),
     "Diagnostic publié en 2021 ; cinq filières couvertes."),
    ("4.1.b", "Plateau technique de formation en soudure et chaudronnerie", "Lycée professionnel des Garennes",
     "Commune de Hardinval", 620000, 610000, "Réalisée", date(2021, 11, 18),
     "Ouvert à la rentrée 2021 ; 12 postes de soudure."),
    ("4.1.c", "Job dating des emplois saisonniers du tourisme", "Maison de l'emploi du Littoral d'Opale",
     "Commune d'Audrecourt-Plage", 45000, 45000, "Réalisée", date(2024, 4, 25),
     "Quatre éditions ; 1 150 candidats reçus."),
    ("4.1.d", "École de production aux métiers de l'industrie", "Non désigné",
     CA, 400000, 0, "Non engagée", date(2024, 2, 6),
     "Aucun porteur identifié ; à réexaminer pour le futur pacte."),
    ("4.2.a", "Location solidaire de deux-roues pour l'accès à l'emploi", "Mission locale des Garennes",
     CA, 280000, 230000, "En cours", date(2024, 11, 7),
     "140 véhicules en parc ; 390 contrats de location signés."),
    ("4.2.b", "Crèche à horaires atypiques", "Commune de Saint-Aubert-sur-Mer",
     "Commune de Saint-Aubert-sur-Mer", 480000, 445000, "En cours", date(2024, 12, 10),
     "24 berceaux ; ouverture prévue en mars 2025."),
    ("4.2.c", "Transport à la demande vers les zones d'emploi", CA,
     CA, 125000, 0, "Non engagée", date(2024, 2, 6),
     "En attente du schéma de mobilité communautaire."),
]

# Budget engagé par année et par axe (€) ; dernière colonne : crédits régionaux engagés.
BUDGET_ANNUEL = [
    (2019, 200000, 180000, 160000, 80000, 220000),
    (2020, 640000, 420000, 350000, 170000, 560000),
    (2021, 1180000, 560000, 700000, 300000, 960000),
    (2022, 1300000, 640000, 860000, 350000, 1120000),
    (2023, 1100000, 590000, 820000, 380000, 1020000),
    (2024, 700000, 470000, 650000, 200000, 720000),
]


def _consistency():
    stat = {}
    for code, _t, _p, _c, prevu, eng, st, _d, _m in ACTIONS:
        ax = int(code[0])
        d = stat.setdefault(ax, {"n": 0, "prevu": 0, "eng": 0})
        d["n"] += 1
        d["prevu"] += prevu
        d["eng"] += eng
        d[st] = d.get(st, 0) + 1
    expect = {1: (9, 5, 3, 0, 1, 6400000, 5120000), 2: (8, 5, 2, 1, 0, 3200000, 2860000),
              3: (10, 5, 3, 1, 1, 4800000, 3540000), 4: (7, 3, 2, 2, 0, 2100000, 1480000)}
    for ax, (n, r, c, ne, ab, p, e) in expect.items():
        d = stat[ax]
        got = (d["n"], d.get("Réalisée", 0), d.get("En cours", 0), d.get("Non engagée", 0),
               d.get("Abandonnée", 0), d["prevu"], d["eng"])
        assert got == (n, r, c, ne, ab, p, e), (ax, got)
        assert sum(row[ax] for row in BUDGET_ANNUEL) == e
    assert sum(r[5] for r in BUDGET_ANNUEL) == 4600000
    reste = sum(a[4] - a[5] for a in ACTIONS if a[6] == "En cours")
    assert reste == 1660000, reste


_consistency()


# ---------------------------------------------------------------------------
# Polices
# ---------------------------------------------------------------------------
def _font_dir() -> Path:
    import matplotlib
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def wrap(pdf, w, lh, s):
    """Lignes de multi_cell, en conservant les espaces insécables du texte d'origine."""
    lines = pdf.multi_cell(w, lh, s, dry_run=True, output="LINES")
    out, pos = [], 0
    for ln in lines:
        while pos < len(s) and s[pos] == " " and not ln.startswith(" "):
            pos += 1
        piece = s[pos:pos + len(ln)]
        assert piece.replace(NB, " ") == ln.replace(NB, " "), (piece, ln)
        out.append(piece.rstrip(" "))
        pos += len(ln)
    assert " ".join(out).split(" ") == s.split(" "), (s, out)  # aucun mot coupé
    return out


def _new_pdf(orientation: str):
    from fpdf import FPDF
    pdf = FPDF(orientation, "mm", "A4")
    fd = _font_dir()
    pdf.add_font("DV", "", str(fd / "DejaVuSans.ttf"))
    pdf.add_font("DV", "B", str(fd / "DejaVuSans-Bold.ttf"))
    pdf.add_font("DV", "I", str(fd / "DejaVuSans-Oblique.ttf"))
    pdf.set_creation_date(FIXED_DT)
    pdf.set_auto_page_break(False)
    pdf.set_author("Communauté d'agglomération du Littoral d'Opale")
    pdf.set_creator("build.py")
    return pdf


# ---------------------------------------------------------------------------
# 1. Évaluation finale : lettre d'information en deux colonnes
# ---------------------------------------------------------------------------
EVAL_FILE = "evaluation_finale_pacte_littoral_opale.pdf"

EVAL_BLOCKS = [
    ("h1", "Édito"),
    ("p", "Six ans après sa signature, le 4 avril 2019 à Saint-Aubert-sur-Mer, le Pacte territorial pour "
          "l'économie et l'emploi arrive à son terme. Conclu entre la Région Hauts-de-France et la "
          "Communauté d'agglomération du Littoral d'Opale, il devait donner à nos douze communes une feuille "
          "de route partagée pour créer de l'activité, accompagner les entreprises et rapprocher les habitants "
          "de l'emploi."),
    ("p", "Le chemin n'a pas été linéaire. La crise sanitaire a gelé une partie de l'année 2020, la hausse des "
          "coûts de construction a bousculé plusieurs chantiers et deux projets ont dû être abandonnés. Le "
          "bilan que dresse ce numéro spécial est pourtant solide : plus de la moitié des actions sont "
          "achevées, près de huit euros sur dix de l'enveloppe prévue ont été engagés et plus d'un millier "
          "d'emplois ont été créés ou maintenus."),
    ("p", "Cette évaluation, confiée au cabinet Estran Conseil, n'est pas un exercice d'autosatisfaction. "
          "Elle pointe aussi nos fragilités : un foncier économique encore trop rare, des freins à l'emploi "
          "qui persistent, une saison touristique qui reste courte. Ses recommandations nourriront le futur "
          "Pacte Opale Avenir 2025-2030, que nous préparons dès maintenant avec la Région."),
    ("sig", "Hervé Lemaire-Dusart, président de la Communauté d'agglomération du Littoral d'Opale"),
    ("box", "Le Pacte en chiffres", [
        "34 actions programmées sur six ans",
        "18 actions réalisées, soit 53 %",
        "16,5 M€ prévus, 13,0 M€ engagés",
        "1 046 emplois créés ou maintenus",
        "412 entreprises accompagnées",
        "6 comités de pilotage et 5 comités techniques",
    ]),
    ("h1", "1. Un pacte pour six ans"),
    ("p", "Le Pacte a été approuvé par le conseil communautaire le 14 mars 2019, puis par la commission "
          "permanente régionale, avant sa signature officielle le 4 avril 2019. Il couvre la période "
          "2019-2024 et s'applique aux douze communes de l'agglomération, qui comptent 68 400 habitants sur "
          "la façade maritime du Pas-de-Calais, de Neuvelette-Plage au sud jusqu'à Helquevent au nord."),
    ("p", "Le territoire présentait au départ un profil contrasté. Le port de Saint-Aubert-sur-Mer, la pêche et "
          "le tourisme balnéaire concentraient l'essentiel de l'activité, avec une forte saisonnalité : près "
          "d'un emploi sur cinq dépendait directement de la saison estivale. Le taux de chômage de la zone "
          "d'emploi atteignait 11,2 % fin 2018, soit près de trois points au-dessus de la moyenne régionale "
          "de l'époque. Les entreprises signalaient dans le même temps des difficultés de recrutement dans la "
          "soudure, la maintenance et l'hôtellerie-restauration."),
    ("p", "Le Pacte repose sur un principe simple : la Région et l'agglomération s'engagent sur une liste "
          "fermée d'actions, chacune confiée à un porteur identifié (l'agglomération, une commune, un syndicat "
          "mixte, une entreprise ou une association) et dotée d'un budget prévisionnel. Un avenant unique, "
          "signé le 28 septembre 2021, a intégré des mesures du plan de relance et décalé plusieurs "
          "échéances, sans modifier l'enveloppe globale de 16,5 M€ ni le nombre d'actions."),
    ("p", "L'évaluation finale a été conduite entre février et novembre 2024 par le cabinet Estran Conseil. "
          "Elle s'appuie sur l'analyse du registre des actions, 42 entretiens avec les porteurs et les "
          "partenaires, une enquête en ligne à laquelle 118 entreprises ont répondu et trois ateliers de "
          "travail organisés à Longuemer, Berquenesse et Hardinval."),
    ("h2", "Les quatre questions posées à l'évaluation"),
    ("bul", "◆", [
        "Pertinence : les actions répondaient-elles aux besoins identifiés lors du diagnostic de 2018 ?",
        "Efficacité : les réalisations et les résultats attendus ont-ils été obtenus ?",
        "Efficience : les moyens engagés sont-ils proportionnés aux résultats constatés ?",
        "Gouvernance : le pilotage a-t-il permis d'ajuster la programmation au bon moment ?",
    ]),
    ("box", "Six ans en dates", [
        "4 avril 2019 : signature du Pacte à Saint-Aubert-sur-Mer",
        "Novembre 2019 : ouverture de la plateforme « Entreprendre en Opale »",
        "Juillet 2020 : ouverture de l'office de tourisme communautaire",
        "28 septembre 2021 : signature de l'avenant n° 1",
        "Mars 2022 : livraison du quai Nord",
        "Septembre 2022 : livraison de l'hôtel d'entreprises de Longuemer",
        "Mai 2023 : mise en service de la véloroute du littoral",
        "31 décembre 2024 : fin du Pacte",
    ]),
    ("h1", "2. Quatre axes, dix objectifs"),
    ("p", "Le Pacte est organisé en quatre axes stratégiques, déclinés en dix objectifs opérationnels. Chaque "
          "action est rattachée à un objectif et porte un code à trois niveaux : le code 3.1.b désigne ainsi "
          "la deuxième action du premier objectif de l'axe 3."),
    ("axes", None),
    ("p", "L'axe 1 était le plus doté financièrement, avec 6,4 M€, tandis que l'axe 3 comptait le plus grand "
          "nombre d'actions (10). L'axe 4, plus modeste en budget, réunissait des actions de petite taille "
          "mais à fort effet sur les publics éloignés de l'emploi."),
    ("h1", "3. Où en sont les 34 actions ?"),
    ("p", "Au 31 décembre 2024, sur les 34 actions inscrites au Pacte, 18 sont réalisées, soit 53 %. Dix "
          "actions sont en cours, soit 29 %, et six n'ont pas abouti : quatre n'ont jamais été engagées et "
          "deux ont été abandonnées, ce qui représente ensemble 18 % des actions."),
    ("table", "Tableau 1 — Statut des actions par axe",
     ["Axe", "Actions", "Réal.", "En cours", "Non eng.", "Aband.", "% réal."],
     [["Axe 1", "9", "5", "3", "0", "1", "56 %"],
      ["Axe 2", "8", "5", "2", "1", "0", "63 %"],
      ["Axe 3", "10", "5", "3", "1", "1", "50 %"],
      ["Axe 4", "7", "3", "2", "2", "0", "43 %"],
      ["Total", "34", "18", "10", "4", "2", "53 %"]],
     [12, 14, 11, 11, 12, 13, 13]),
    ("note", "Réal. : réalisées ; Non eng. : non engagées ; Aband. : abandonnées ; % réal. : part des actions "
             "de l'axe qui sont réalisées."),
    ("table", "Tableau 2 — Répartition des actions par statut",
     ["Statut", "Nombre", "Part"],
     [["Réalisées", "18", "53 %"], ["En cours", "10", "29 %"], ["Non engagées", "4", "12 %"],
      ["Abandonnées", "2", "6 %"], ["Total", "34", "100 %"]],
     [46, 20, 20]),
    ("p", "L'axe 2, consacré au tourisme, affiche le meilleur taux de réalisation (63 %), porté par des "
          "équipements livrés tôt comme l'office de tourisme communautaire. À l'inverse, l'axe 4 ne compte "
          "que trois actions réalisées sur sept (43 %) : ses deux actions non engagées, l'école de "
          "production et le transport à la demande, n'ont trouvé ni porteur ni cadre juridique stable."),
    ("p", "Les deux abandons ont été décidés par le comité de pilotage du 03/11/2022. Le terminal passagers "
          "saisonnier d'Audrecourt-Plage (action 1.1.d) a été écarté après une étude de marché qui estimait "
          "la fréquentation possible à 18 000 passagers par an, loin du seuil de 45 000 passagers nécessaire "
          "à l'équilibre d'exploitation. La reconversion de la friche Vandamme (action 3.2.b), ancienne "
          "conserverie de Saint-Aubert-sur-Mer, a été abandonnée lorsque le diagnostic de pollution a chiffré "
          "la dépollution à 2,3 M€, soit plus de quatre fois le budget de l'action."),
    ("box", "Lexique", [
        "Action réalisée : action dont les travaux ou les prestations sont achevés et dont le solde a été "
        "demandé.",
        "Action en cours : action engagée juridiquement (marché, convention ou arrêté) mais pas encore soldée.",
        "Action non engagée : action pour laquelle aucun engagement juridique ni financier n'a été pris.",
        "Action abandonnée : action retirée de la programmation par décision du comité de pilotage.",
        "Taux d'engagement : part de l'enveloppe prévue couverte par des engagements juridiques.",
    ]),
    ("h1", "4. Ce qui a changé, axe par axe"),
    ("h2", "Axe 1 : le port a changé de visage"),
    ("p", "Le chantier le plus visible du Pacte est celui du quai Nord du port de Saint-Aubert-sur-Mer : "
          "420 m de quai ont été reconstruits et livrés en mars 2022, pour 2,15 M€ engagés. L'aire de "
          "carénage, mise en service en septembre 2021, accueille une quarantaine de navires par an et a mis "
          "fin aux carénages sauvages sur l'estran. L'extension de la criée, avec sa nouvelle chambre froide, "
          "est en cours : le gros œuvre est achevé et la livraison est attendue au deuxième trimestre 2025."),
    ("p", "Du côté de la pêche, le fonds d'aide à la modernisation a soutenu 37 navires (motorisation, "
          "sécurité, conservation du froid à bord). La marque collective « Pêché en Opale », lancée en 2021 "
          "avec le comité des pêches, réunit 46 adhérents fin 2024. L'atelier de transformation d'Opale "
          "Marée, à Berquenesse, est construit ; ses équipements sont en cours d'installation et 22 emplois y "
          "sont attendus."),
    ("p", "Le territoire se positionne enfin sur l'éolien en mer. La société Nordéole Maintenance a obtenu "
          "son permis de construire pour une base de maintenance sur le port, où 60 emplois sont annoncés à "
          "terme, et le lycée professionnel des Garennes a formé 84 stagiaires aux métiers de la maintenance "
          "éolienne en trois sessions."),
    ("h2", "Axe 2 : une saison qui s'allonge, lentement"),
    ("p", "L'office de tourisme communautaire d'Audrecourt-Plage, ouvert en juillet 2020, est devenu la porte "
          "d'entrée unique du territoire. Le programme « Opale en hiver », qui anime l'arrière-saison depuis "
          "2019, a connu cinq éditions et attiré 38 000 visiteurs cumulés. Les aides à la montée en gamme ont "
          "bénéficié à 61 hébergeurs, avec un effet sensible sur les chambres d'hôtes et les campings."),
    ("p", "La véloroute du littoral, ouverte en mai 2023 entre Berquenesse et Hardinval, offre 14 km de voie "
          "sécurisée ; les écocompteurs y ont relevé 96 000 passages la première année. La Maison des dunes "
          "et des garennes, à Marquenval, est en travaux et devrait ouvrir au printemps 2025. Le centre de "
          "congrès de Longuemer n'a en revanche jamais été engagé, faute d'exploitant privé."),
    ("p", "Les nuitées hors saison (octobre à mars) ont progressé de 11 % entre 2018 et 2024, en deçà de "
          "l'objectif de 15 %. L'évaluation note que l'offre d'hébergement ouverte toute l'année reste le "
          "principal goulet d'étranglement."),
    ("h2", "Axe 3 : des entreprises mieux accompagnées"),
    ("p", "La plateforme « Entreprendre en Opale », guichet unique de la création et de la reprise ouvert en "
          "novembre 2019, a accompagné 412 entreprises, au-delà de la cible de 350. Le fonds de prêts "
          "d'honneur, abondé par l'agglomération, a permis d'accorder 96 prêts à des repreneurs. L'hôtel "
          "d'entreprises de Longuemer, livré en septembre 2022, propose 1 850 m² répartis en 14 cellules ; "
          "son taux d'occupation atteint 86 % fin 2024."),
    ("p", "Le foncier reste le point dur. La requalification de la zone d'activités des Garennes, à "
          "Berquenesse, a achevé sa première tranche (voirie et éclairage) ; la seconde doit s'achever en "
          "septembre 2025. L'extension de la zone du Moulin, à Marquenval, en est au stade des acquisitions "
          "foncières. Au total, 18,5 ha de foncier économique ont été requalifiés, pour une cible de 25 ha."),
    ("p", "Pour le commerce, le manager de commerce mutualisé entre Saint-Aubert-sur-Mer, Longuemer, "
          "Hardinval et Escalmont est en poste depuis septembre 2020. Il a accompagné la réouverture de 27 "
          "locaux vacants. L'aide à la rénovation des vitrines a déjà soutenu 73 commerces et reste ouverte "
          "jusqu'en juin 2025, tandis que le dispositif de boutiques à l'essai n'a pas vu le jour, faute de "
          "locaux disponibles."),
    ("h2", "Axe 4 : des formations au plus près des besoins"),
    ("p", "La démarche de gestion prévisionnelle des emplois et des compétences territoriale (GPECT), animée "
          "par la Maison de l'emploi du Littoral d'Opale, a publié dès 2021 un diagnostic couvrant cinq "
          "filières. Le plateau technique de soudure et de chaudronnerie du lycée professionnel des Garennes, "
          "à Hardinval, fonctionne depuis la rentrée 2021 avec 12 postes de soudure. Les job datings "
          "saisonniers ont reçu 1 150 candidats en quatre éditions. Au total, 538 personnes ont été formées "
          "aux métiers en tension, pour une cible de 600."),
    ("p", "Sur les freins périphériques, la location solidaire de deux-roues gérée par la Mission locale des "
          "Garennes dispose de 140 véhicules et a signé 390 contrats. La crèche à horaires atypiques de "
          "Saint-Aubert-sur-Mer, qui offrira 24 berceaux aux salariés du port et de l'hôtellerie, ouvrira en "
          "mars 2025. L'école de production et le transport à la demande vers les zones d'emploi sont restés "
          "au stade de l'intention."),
    ("h2", "La crise sanitaire, un choc absorbé"),
    ("p", "L'année 2020 a été marquée par l'arrêt des chantiers au printemps, la fermeture de l'office de "
          "tourisme pendant dix semaines et l'annulation de l'édition 2020 d'« Opale en hiver ». Le comité de "
          "pilotage réuni en visioconférence a validé un décalage de six mois du calendrier de onze actions, "
          "sans en supprimer aucune. L'avenant de septembre 2021 a ensuite permis d'adosser plusieurs "
          "opérations au plan de relance, notamment la modernisation des navires et les aides aux "
          "hébergeurs."),
    ("p", "Selon l'évaluation, le Pacte a joué un rôle d'amortisseur : les entreprises accompagnées par la "
          "plateforme ont connu moins de défaillances que la moyenne départementale, et aucun porteur n'a "
          "renoncé à son projet du fait de la crise. Les deux abandons sont intervenus plus tard, pour des "
          "raisons propres aux projets."),
    ("box", "Paroles d'acteurs", [
        "« Sans le quai Nord, nous aurions perdu deux armements. » Yannick Delmotte, président du comité des "
        "pêches du Littoral d'Opale.",
        "« L'hôtel d'entreprises nous a permis de passer de 3 à 11 salariés en deux ans. » Céline Hurtrel, "
        "gérante de Dunéo Énergies, locataire à Longuemer.",
        "« Nos stagiaires en soudure sont embauchés avant même la fin de leur formation. » Arnaud Descamps, "
        "proviseur du lycée professionnel des Garennes.",
        "« Le Pacte a surtout changé notre manière de travailler ensemble. » Mathieu Vasseur, Région "
        "Hauts-de-France.",
        "« On nous avait promis des boutiques à l'essai, nous n'avons rien vu venir. » Un commerçant "
        "d'Escalmont interrogé lors de l'enquête.",
    ]),
    ("h1", "5. Budget : 13,0 M€ engagés"),
    ("p", "L'enveloppe prévisionnelle du Pacte s'élevait à 16,5 M€ tous financeurs confondus. Au 31 décembre "
          "2024, 13,0 M€ ont été engagés, soit un taux d'engagement de 79 %. Les paiements effectués "
          "atteignent 10,2 M€, soit 78 % des montants engagés."),
    ("table", "Tableau 3 — Budget prévu et engagé par axe",
     ["Axe", "Prévu", "Engagé", "Taux"],
     [["Axe 1", "6 400 000 €", "5 120 000 €", "80 %"],
      ["Axe 2", "3 200 000 €", "2 860 000 €", "89 %"],
      ["Axe 3", "4 800 000 €", "3 540 000 €", "74 %"],
      ["Axe 4", "2 100 000 €", "1 480 000 €", "70 %"],
      ["Total", "16 500 000 €", "13 000 000 €", "79 %"]],
     [15, 28, 28, 15]),
    ("p", "Le taux d'engagement le plus élevé est celui de l'axe 2 (89 %), le plus faible celui de l'axe 4 "
          "(70 %), pénalisé par ses deux actions non engagées, qui représentaient à elles seules 525 000 € "
          "de crédits prévus."),
    ("table", "Tableau 4 — Qui a financé ? (montants engagés)",
     ["Financeur", "Montant", "Part"],
     [["Région Hauts-de-France", "4,6 M€", "35 %"],
      ["Communauté d'agglomération", "3,9 M€", "30 %"],
      ["État et fonds européens", "2,7 M€", "21 %"],
      ["Communes et partenaires privés", "1,8 M€", "14 %"],
      ["Total", "13,0 M€", "100 %"]],
     [50, 20, 16]),
    ("p", "La participation régionale, prévue à 5,5 M€ lors de la signature, s'établit finalement à 4,6 M€ "
          "engagés. L'écart s'explique pour l'essentiel par les actions non engagées ou abandonnées, pour "
          "lesquelles les crédits régionaux n'ont pas été mobilisés."),
    ("h1", "6. Les indicateurs de résultat"),
    ("p", "Le Pacte comptait sept indicateurs de résultat, suivis chaque année par l'équipe projet. Deux sont "
          "atteints ou dépassés ; les cinq autres restent en deçà de la cible, dont trois sous la barre des "
          "75 %."),
    ("table", "Tableau 5 — Indicateurs : cible et réalisé",
     ["Indicateur", "Cible 2024", "Réalisé", "Atteinte"],
     [["Emplois créés ou maintenus", "1 200", "1 046", "87 %"],
      ["Entreprises accompagnées (création, reprise)", "350", "412", "118 %"],
      ["Foncier économique requalifié", "25 ha", "18,5 ha", "74 %"],
      ["Linéaire de quai modernisé", "420 m", "420 m", "100 %"],
      ["Personnes formées aux métiers en tension", "600", "538", "90 %"],
      ["Locaux commerciaux vacants remis sur le marché", "40", "27", "68 %"],
      ["Hausse des nuitées hors saison", "+15 %", "+11 %", "73 %"]],
     [38, 17, 16, 15]),
    ("p", "L'indicateur phare, l'emploi, atteint 87 % de sa cible : 1 046 emplois créés ou maintenus pour un "
          "objectif de 1 200. Sur la même période, le taux de chômage de la zone d'emploi est passé de 11,2 % "
          "fin 2018 à 8,9 % fin 2023. L'évaluation se garde d'attribuer cette baisse au seul Pacte, la "
          "conjoncture nationale ayant été porteuse."),
    ("h2", "Le territoire six ans après"),
    ("p", "Entre 2018 et 2024, le nombre d'établissements employeurs du territoire est passé de 2 310 à "
          "2 540. L'emploi salarié privé a progressé de 6 %, porté par la construction, les activités "
          "portuaires et l'hébergement. La part des emplois saisonniers est restée stable, autour de 19 %, "
          "ce qui confirme que l'allongement de la saison demeure un chantier de long terme."),
    ("p", "Les tensions de recrutement se sont déplacées : la soudure et la maintenance, ciblées par le "
          "plateau technique et les formations éoliennes, sont moins citées par les entreprises en 2024 "
          "qu'en 2018, tandis que l'hôtellerie-restauration, l'aide à domicile et le transport routier "
          "figurent désormais en tête des métiers jugés difficiles à pourvoir."),
    ("h1", "7. Une gouvernance à deux étages"),
    ("p", "Le Pacte est piloté par un comité de pilotage coprésidé par la Région, représentée par Claire "
          "Vanhoutte, conseillère régionale déléguée au développement des territoires, et par le président de "
          "l'agglomération. Il réunit 21 membres à voix délibérative : élus communautaires, maires, "
          "représentants de la Région, du Département du Pas-de-Calais, des chambres consulaires, de la "
          "Maison de l'emploi, de la Mission locale et du comité des pêches."),
    ("p", "Le comité technique, animé par Thomas Béthencourt, directeur du développement économique de "
          "l'agglomération, et Mathieu Vasseur, chargé de mission territorial à la Région, prépare les "
          "décisions et tient à jour le registre des actions. L'équipe projet est coordonnée par Laure "
          "Quesnel, chargée de mission Pacte."),
    ("h2", "Le calendrier des instances"),
    ("bul", "•", [
        "Comité de pilotage d'installation : 8 octobre 2019, hôtel communautaire de Saint-Aubert-sur-Mer.",
        "Comité technique : 21 janvier 2020.",
        "Comité de pilotage : 17/11/2020, en visioconférence en raison de la crise sanitaire.",
        "Comité technique : mardi 16 mars 2021.",
        "Comité de pilotage de revue à mi-parcours : 22 juin 2021, à Longuemer.",
        "Comité technique : 15/09/2022.",
        "Comité de pilotage : 03/11/2022, qui a acté les deux abandons.",
        "Comité technique : 13 avril 2023.",
    ]),
    ("p", "Aucun comité de pilotage ne s'est réuni en 2023, l'année ayant été consacrée au suivi technique des "
          "chantiers. En 2024, le comité de pilotage s'est réuni le 2 février pour arrêter le cahier des "
          "charges de l'évaluation finale, puis le comité technique le 08/10/2024 pour en examiner les "
          "premiers résultats. Le comité de pilotage de clôture s'est tenu le 10 décembre 2024 à Hardinval : "
          "il a approuvé le projet de rapport d'évaluation et la liste des actions à reporter."),
    ("p", "Au total, six comités de pilotage et cinq comités techniques se sont réunis en six ans. Les "
          "partenaires interrogés saluent la qualité du suivi technique mais regrettent des comités de "
          "pilotage trop espacés, en particulier entre novembre 2022 et février 2024."),
    ("h1", "8. Les enseignements de l'évaluation"),
    ("h2", "Points forts"),
    ("bul", "•", [
        "Une programmation lisible, avec un porteur et un budget pour chaque action.",
        "Des équipements structurants livrés, au premier rang desquels le quai Nord et l'hôtel d'entreprises "
        "de Longuemer.",
        "Un accompagnement des entreprises qui dépasse ses objectifs.",
        "Un partenariat stable entre la Région et l'agglomération sur toute la durée du Pacte.",
    ]),
    ("h2", "Points de vigilance"),
    ("bul", "•", [
        "Un foncier économique insuffisant pour accueillir de nouvelles implantations.",
        "Des actions d'insertion et de mobilité restées sans porteur.",
        "Une saisonnalité touristique encore marquée.",
        "Un suivi des emplois fondé sur les déclarations des porteurs, difficiles à vérifier.",
    ]),
    ("p", "Interrogées, 71 % des entreprises répondantes jugent le Pacte utile ou très utile, mais seules 38 % "
          "déclarent en avoir bénéficié directement. La notoriété du dispositif reste faible auprès des très "
          "petites entreprises, qui connaissent mieux la plateforme « Entreprendre en Opale » que le Pacte "
          "lui-même."),
    ("h2", "Les réponses aux questions évaluatives"),
    ("p", "Pertinence. Les actions des axes 1 et 3 répondaient à des besoins clairement identifiés en 2018 : "
          "un port vieillissant et un manque d'accompagnement des créateurs. La pertinence est plus discutable "
          "pour deux projets, le terminal passagers et le centre de congrès, inscrits sans étude de marché "
          "préalable ; l'un a été abandonné, l'autre n'a jamais été engagé."),
    ("p", "Efficacité. Avec 53 % d'actions réalisées et 29 % en cours, le Pacte a produit l'essentiel des "
          "réalisations prévues, mais avec retard : un tiers des actions réalisées l'ont été après la date "
          "inscrite dans leur fiche. Les résultats sont plus nets pour les entreprises et le port que pour "
          "l'insertion et le foncier."),
    ("p", "Efficience. Rapporté aux 1 046 emplois créés ou maintenus, le coût public et privé engagé "
          "s'établit à environ 12 400 € par emploi, dans la fourchette observée pour des programmes "
          "comparables en Hauts-de-France (entre 10 000 et 20 000 € par emploi). L'hôtel d'entreprises et "
          "la plateforme d'accompagnement présentent les meilleurs ratios."),
    ("p", "Gouvernance. Le registre des actions, mis à jour après chaque comité technique, est jugé fiable "
          "par l'ensemble des partenaires. Les décisions d'abandon ont toutefois tardé : le terminal "
          "passagers et la friche Vandamme étaient bloqués depuis 2021 lorsque le comité de pilotage les a "
          "retirés."),
    ("h2", "Des coopérations avec les voisins"),
    ("p", "Le Pacte a aussi ouvert des coopérations avec la communauté de communes voisine du Pays des Trois "
          "Vallons, qui conduisait son propre contrat avec la Région : la véloroute du littoral a été "
          "prolongée vers l'intérieur des terres par nos voisins et un job dating commun a été organisé en "
          "2023. L'évaluation recommande de formaliser ces liens dans le futur pacte, sans mutualiser les "
          "enveloppes, qui restent propres à chaque territoire."),
    ("h1", "9. Sept recommandations"),
    ("num", [
        "Constituer une réserve foncière économique d'au moins 30 ha d'ici 2030, en priorité par le "
        "recyclage des friches.",
        "Désigner un porteur et un calendrier avant toute inscription d'une action au futur pacte.",
        "Réunir le comité de pilotage au moins deux fois par an et publier un tableau de bord semestriel.",
        "Fiabiliser le comptage des emplois en s'appuyant sur les données sociales des entreprises aidées.",
        "Faire de la mobilité vers l'emploi une priorité, en lien avec le schéma de mobilité communautaire.",
        "Poursuivre la montée en gamme touristique en ciblant l'hébergement ouvert toute l'année.",
        "Mieux faire connaître l'offre d'accompagnement auprès des très petites entreprises.",
    ]),
    ("h1", "10. Suites à donner"),
    ("p", "Le Pacte 2019-2024 laisse la place au Pacte Opale Avenir 2025-2030, que la Région et "
          "l'agglomération prévoient de signer en juin 2025. Le comité de pilotage de clôture a fixé les "
          "règles de transition suivantes :"),
    ("bul", "–", [
        "les 10 actions en cours sont reportées dans le futur pacte, avec 1 660 000 € de crédits restant à "
        "engager ;",
        "l'école de production et le transport à la demande, non engagés, sont réinscrits dans la réflexion, "
        "sous réserve de trouver un porteur ;",
        "le centre de congrès de Longuemer et les boutiques à l'essai sont définitivement retirés ;",
        "une enveloppe de transition de 1,2 M€ est inscrite au budget 2025 de l'agglomération pour éviter "
        "toute rupture de financement.",
    ]),
    ("p", "Le conseil communautaire du 19 décembre 2024 a approuvé ce bilan et autorisé le président à engager "
          "la négociation du nouveau pacte. Un diagnostic partagé sera conduit au premier trimestre 2025, et "
          "le premier comité de pilotage du Pacte Opale Avenir est programmé le 17 juin 2025."),
    ("h2", "Les premiers chantiers du Pacte Opale Avenir"),
    ("p", "Les échanges du comité de pilotage de clôture ont fait émerger trois priorités pour le futur "
          "pacte : le foncier économique, avec l'objectif d'une réserve d'au moins 30 ha ; la mobilité vers "
          "l'emploi, qui n'a pas trouvé de réponse dans le pacte actuel ; la transition des filières de la "
          "pêche et de l'éolien en mer, appelées à partager le port de Saint-Aubert-sur-Mer. L'enveloppe "
          "régionale du futur pacte n'est pas encore connue : elle sera arrêtée après le vote du budget "
          "régional."),
    ("p", "L'équipe projet propose de limiter le futur pacte à 25 actions au plus, chacune dotée d'un porteur "
          "désigné, d'un calendrier et d'un indicateur de résultat, et de publier un tableau de bord tous les "
          "six mois, conformément aux recommandations de l'évaluation."),
    ("h1", "Vos questions, nos réponses"),
    ("h2", "Que deviennent les actions en cours ?"),
    ("p", "Elles continuent. Leurs porteurs conservent les subventions déjà notifiées et les crédits restant "
          "à engager sont repris dans le futur pacte. Aucune nouvelle demande de financement n'est toutefois "
          "possible au titre du Pacte 2019-2024."),
    ("h2", "Les crédits régionaux non utilisés sont-ils perdus ?"),
    ("p", "En partie. Les crédits régionaux qui ne seront pas engagés au 31 mars 2025 seront désaffectés, "
          "sauf pour les actions reportées dans le Pacte Opale Avenir. Les porteurs doivent transmettre leurs "
          "demandes de solde avant le 28 février 2025."),
    ("h2", "Une entreprise peut-elle encore être aidée ?"),
    ("p", "Oui, par l'aide à la rénovation des vitrines, ouverte jusqu'en juin 2025, et par la plateforme "
          "« Entreprendre en Opale », financée hors pacte par l'agglomération depuis 2024. Les autres guichets "
          "du Pacte sont clos."),
    ("h2", "Où consulter le rapport complet ?"),
    ("p", "Le rapport d'Estran Conseil est disponible sur demande auprès de l'équipe projet. Une synthèse "
          "sera présentée dans chacun des douze conseils municipaux au cours du premier semestre 2025."),
    ("colbreak", None),
    ("h1", "Annexe — Les 34 actions et leur statut"),
    ("p", "Situation au 31 décembre 2024, d'après le registre des actions tenu par le comité technique."),
    ("actions", None),
    ("box", "Contacts", [
        "Laure Quesnel, chargée de mission Pacte, Communauté d'agglomération du Littoral d'Opale",
        "Mathieu Vasseur, chargé de mission territorial, Région Hauts-de-France",
        "Rapport complet : cabinet Estran Conseil, novembre 2024",
    ]),
]


class _Newsletter:
    X = (15.0, 109.0)
    W = 86.0
    BOTTOM = 279.0
    TOP = 20.0

    def __init__(self):
        self.pdf = _new_pdf("P")
        self.pdf.c_margin = 0
        self.pdf.set_title("Évaluation finale du Pacte territorial pour l'économie et l'emploi 2019-2024")
        self.src = PDF_SOURCES.setdefault(EVAL_FILE, [])
        self.col = 0
        self.y = self.TOP
        self.top = self.TOP

    # -- primitives -------------------------------------------------------
    def text(self, x, y, w, h, s, align="L", **kw):
        self.src.append(s)
        self.pdf.set_xy(x, y)
        self.pdf.cell(w, h, s, align=align, **kw)

    def chrome(self):
        pdf = self.pdf
        saved = (pdf.font_family, pdf.font_style, pdf.font_size_pt, pdf.text_color)
        n = pdf.page_no()
        pdf.set_text_color(90, 90, 90)
        if n > 1:
            pdf.set_font("DV", "", 7.5)
            self.text(15, 9, 130, 4, "La Lettre du Pacte · Évaluation finale 2019-2024")
            self.text(135, 9, 60, 4, "Littoral d'Opale · janvier 2025", align="R")
            pdf.set_draw_color(0, 84, 122)
            pdf.line(15, 14, 195, 14)
        pdf.set_font("DV", "", 8.5)
        self.text(15, 284, 180, 5, f"– {n} –", align="C")
        pdf.set_font(saved[0], saved[1], saved[2])
        pdf.text_color = saved[3]

    def new_page(self):
        self.pdf.add_page()
        self.chrome()
        self.col = 0
        self.top = self.TOP
        self.y = self.top
        self._sep()

    def _sep(self):
        self.pdf.set_draw_color(180, 180, 180)
        self.pdf.line(105, self.top, 105, self.BOTTOM)

    def ensure(self, h):
        if self.y + h > self.BOTTOM:
            if self.col == 0:
                self.col = 1
                self.y = self.top
            else:
                self.new_page()

    @property
    def x(self):
        return self.X[self.col]

    # -- blocs ------------------------------------------------------------
    def masthead(self):
        pdf = self.pdf
        pdf.add_page()
        self.chrome()
        pdf.set_fill_color(0, 84, 122)
        pdf.rect(15, 12, 180, 52, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DV", "B", 9)
        self.text(20, 16, 170, 5, "LA LETTRE DU PACTE · NUMÉRO SPÉCIAL ÉVALUATION")
        pdf.set_font("DV", "B", 17)
        y = 24
        title = nb("Pacte territorial pour l'économie et l'emploi du Littoral d'Opale 2019-2024 : le bilan final")
        for ln in wrap(pdf, 170, 7, title):
            self.text(20, y, 170, 7.5, ln)
            y += 7.5
        pdf.set_font("DV", "", 9.5)
        self.text(20, y + 3, 170, 5, "Communauté d'agglomération du Littoral d'Opale · Région Hauts-de-France")
        self.text(20, y + 9, 170, 5, nb("Pas-de-Calais · Janvier 2025"))
        pdf.set_text_color(0, 0, 0)
        self.top = 70
        self.y = self.top
        self.col = 0
        self._sep()

    def para(self, s, size=9.4, lh=4.5, style="", indent=0.0, first=None, color=(0, 0, 0)):
        pdf = self.pdf
        pdf.set_font("DV", style, size)
        pdf.set_text_color(*color)
        w = self.W - indent
        lns = wrap(pdf, w, lh, s)
        for i, ln in enumerate(lns):
            self.ensure(lh)
            if i == 0 and first:
                pdf.set_font("DV", "", size)
                self.text(self.x + indent - 4, self.y, 4, lh, first)
                pdf.set_font("DV", style, size)
            self.text(self.x + indent, self.y, w, lh, ln)
            self.y += lh
        pdf.set_text_color(0, 0, 0)

    def heading(self, s, level):
        pdf = self.pdf
        size, lh, before = (12.5, 6.0, 4.0) if level == 1 else (10.0, 5.0, 2.5)
        pdf.set_font("DV", "B", size)
        lns = wrap(pdf, self.W, lh, s)
        need = before + lh * len(lns) + 3 * 4.35
        self.ensure(need)
        if self.y > self.top + 0.1:
            self.y += before
        pdf.set_text_color(0, 84, 122) if level == 1 else pdf.set_text_color(20, 20, 20)
        for ln in lns:
            self.text(self.x, self.y, self.W, lh, ln)
            self.y += lh
        if level == 1:
            pdf.set_draw_color(0, 84, 122)
            pdf.line(self.x, self.y + 0.3, self.x + 22, self.y + 0.3)
            self.y += 1.5
        pdf.set_text_color(0, 0, 0)
        self.y += 0.8

    def table(self, caption, headers, rows, widths):
        pdf = self.pdf
        assert abs(sum(widths) - self.W) < 0.01, caption
        size, lh, pad = 7.2, 3.4, 0.9

        def prepare(cells, style):
            pdf.set_font("DV", style, size)
            res = []
            for c, w in zip(cells, widths):
                res.append(wrap(pdf, w - 2 * pad, lh, c))
            return res

        head = prepare(headers, "B")
        body = [prepare(r, "B" if r[0] == "Total" else "") for r in rows]
        hh = max(len(c) for c in head) * lh + 2 * pad
        total_h = 6 + hh + sum(max(len(c) for c in b) * lh + 2 * pad for b in body)
        self.ensure(min(total_h, 60))
        self.y += 1.5
        pdf.set_font("DV", "B", 8)
        pdf.set_text_color(0, 84, 122)
        self.text(self.x, self.y, self.W, 4, caption)
        pdf.set_text_color(0, 0, 0)
        self.y += 5

        def draw(cells_lines, style, fill):
            h = max(len(c) for c in cells_lines) * lh + 2 * pad
            self.ensure(h)
            x = self.x
            pdf.set_draw_color(150, 150, 150)
            if fill:
                pdf.set_fill_color(*fill)
            for lines, w in zip(cells_lines, widths):
                pdf.rect(x, self.y, w, h, style="DF" if fill else "D")
                pdf.set_font("DV", style, size)
                yy = self.y + pad
                for ln in lines:
                    self.text(x + pad, yy, w - 2 * pad, lh, ln)
                    yy += lh
                x += w
            self.y += h

        draw(head, "B", (220, 234, 242))
        for r, b in zip(rows, body):
            draw(b, "B" if r[0] == "Total" else "", (242, 242, 242) if r[0] == "Total" else None)
        self.y += 3

    def box(self, title, items):
        pdf = self.pdf
        size, lh = 8.6, 4.1
        pdf.set_font("DV", "", size)
        item_lines = [wrap(pdf, self.W - 10, lh, nb(s)) for s in items]
        h = 4 + 6 + sum(len(l) * lh + 1 for l in item_lines) + 2
        self.ensure(h + 3)
        self.y += 2
        pdf.set_fill_color(232, 242, 247)
        pdf.rect(self.x, self.y, self.W, h, style="F")
        pdf.set_font("DV", "B", 10)
        pdf.set_text_color(0, 84, 122)
        self.text(self.x + 3, self.y + 3, self.W - 6, 5, title)
        pdf.set_text_color(0, 0, 0)
        yy = self.y + 10
        for lines in item_lines:
            pdf.set_font("DV", "B", size)
            self.text(self.x + 3, yy, 4, lh, "▪")
            pdf.set_font("DV", "", size)
            for ln in lines:
                self.text(self.x + 7, yy, self.W - 10, lh, ln)
                yy += lh
            yy += 1
        self.y += h + 3

    def bullets(self, symbol, items, numbered=False):
        for i, s in enumerate(items, 1):
            self.para(nb(s), indent=5.0, first=(f"{i}." if numbered else symbol))
            self.y += 0.8
        self.y += 1.0

    def build(self, path: Path):
        self.masthead()
        for blk in EVAL_BLOCKS:
            kind = blk[0]
            if kind == "h1":
                self.heading(nb(blk[1]), 1)
            elif kind == "h2":
                self.heading(nb(blk[1]), 2)
            elif kind == "p":
                self.para(nb(blk[1]))
                self.y += 1.6
            elif kind == "note":
                self.para(nb(blk[1]), style="I", size=7.4, lh=3.4)
                self.y += 2.5
            elif kind == "sig":
                self.para(nb("— " + blk[1]), style="I", size=8.8)
                self.y += 1.6
            elif kind == "box":
                self.box(blk[1], blk[2])
            elif kind == "table":
                self.table(nb(blk[1]), [nb(h) for h in blk[2]], [[nb(c) for c in r] for r in blk[3]], blk[4])
            elif kind == "bul":
                self.bullets(blk[1], blk[2])
            elif kind == "num":
                self.bullets(None, blk[1], numbered=True)
            elif kind == "pagebreak":
                self.new_page()
            elif kind == "colbreak":
                self.ensure(self.BOTTOM)
            elif kind == "actions":
                rows = [[a[0], a[1], a[6]] for a in ACTIONS]
                self.table(nb("Tableau 6 — Liste des actions"), ["Code", "Action", "Statut"],
                           [[nb(c) for c in r] for r in rows], [12, 55, 19])
            elif kind == "axes":
                for n, title, objs in AXES:
                    self.heading(nb(f"Axe {n} — {title}"), 2)
                    self.bullets("▸", objs)
        self.pdf.output(str(path))


def build_evaluation(dest: Path) -> Path:
    PDF_SOURCES[EVAL_FILE] = []
    p = dest / EVAL_FILE
    _Newsletter().build(p)
    return p


# ---------------------------------------------------------------------------
# 2. Diaporama du séminaire de lancement (paysage)
# ---------------------------------------------------------------------------
SLIDES_FILE = "seminaire_lancement_pacte_2019.pdf"
BLUE = (0, 84, 122)
SAND = (236, 226, 198)


class _Slides:
    def __init__(self):
        self.pdf = _new_pdf("L")
        self.pdf.set_title("Séminaire de lancement du Pacte territorial pour l'économie et l'emploi")
        self.src = PDF_SOURCES.setdefault(SLIDES_FILE, [])
        self.n = 0
        self.total = 12

    def text(self, x, y, w, h, s, align="L", **kw):
        s = nb(s)
        self.src.append(s)
        self.pdf.set_xy(x, y)
        self.pdf.cell(w, h, s, align=align, **kw)

    def mtext(self, x, y, w, lh, s):
        s = nb(s)
        lines = wrap(self.pdf, w, lh, s)
        for ln in lines:
            self.text(x, y, w, lh, ln)
            y += lh
        return y

    def slide(self, title, kicker=None):
        pdf = self.pdf
        pdf.add_page()
        self.n += 1
        pdf.set_fill_color(*BLUE)
        pdf.rect(0, 0, 297, 30, style="F")
        pdf.set_fill_color(*SAND)
        pdf.rect(0, 30, 297, 2.5, style="F")
        pdf.set_text_color(255, 255, 255)
        if kicker:
            pdf.set_font("DV", "", 10)
            self.text(14, 5, 260, 5, kicker)
        pdf.set_font("DV", "B", 22)
        self.text(14, 12 if kicker else 10, 270, 12, title)
        pdf.set_text_color(110, 110, 110)
        pdf.set_font("DV", "", 8.5)
        self.text(14, 200, 200, 5, "Séminaire de lancement du Pacte · Audrecourt-Plage · 23 mai 2019")
        self.text(243, 200, 40, 5, f"{self.n} / {self.total}", align="R")
        pdf.set_text_color(0, 0, 0)

    def bullets(self, x, y, w, items, symbol, size=14, lh=7.5, gap=3.5):
        pdf = self.pdf
        for it in items:
            pdf.set_font("DV", "B", size)
            pdf.set_text_color(*BLUE)
            self.text(x, y, 8, lh, symbol)
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("DV", "", size)
            y = self.mtext(x + 9, y, w - 9, lh, it) + gap
        return y

    def keyfig(self, x, y, w, h, big, label, color=BLUE):
        pdf = self.pdf
        pdf.set_fill_color(*SAND)
        pdf.rect(x, y, w, h, style="F")
        pdf.set_font("DV", "B", 30)
        pdf.set_text_color(*color)
        self.text(x, y + 7, w, 14, big, align="C")
        pdf.set_text_color(40, 40, 40)
        pdf.set_font("DV", "", 11.5)
        lines = wrap(pdf, w - 8, 5.5, nb(label))
        yy = y + 25
        for ln in lines:
            self.text(x + 4, yy, w - 8, 5.5, ln, align="C")
            yy += 5.5
        pdf.set_text_color(0, 0, 0)

    def build(self, path: Path):
        pdf = self.pdf
        # 1 — titre
        pdf.add_page()
        self.n += 1
        pdf.set_fill_color(*BLUE)
        pdf.rect(0, 0, 297, 210, style="F")
        pdf.set_fill_color(*SAND)
        pdf.rect(0, 150, 297, 4, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DV", "", 14)
        self.text(20, 40, 257, 8, "Séminaire de lancement")
        pdf.set_font("DV", "B", 28)
        y = self.mtext(20, 55, 250, 13, "Pacte territorial pour l'économie et l'emploi du Littoral d'Opale "
                                        "2019-2024")
        pdf.set_font("DV", "", 14)
        self.text(20, y + 8, 257, 8, "Jeudi 23 mai 2019 · Salle des Dunes, Audrecourt-Plage")
        pdf.set_font("DV", "", 11)
        self.text(20, 165, 257, 6, "Communauté d'agglomération du Littoral d'Opale · Région Hauts-de-France")
        self.text(243, 200, 40, 5, f"{self.n} / {self.total}", align="R")
        pdf.set_text_color(0, 0, 0)

        # 2 — programme
        self.slide("Programme de la matinée")
        prog = [("9 h 00", "Accueil des participants et café"),
                ("9 h 30", "Ouverture par Hervé Lemaire-Dusart, président de l'agglomération, et Claire "
                           "Vanhoutte, conseillère régionale"),
                ("10 h 00", "Présentation du Pacte : axes, actions, financements"),
                ("10 h 45", "Trois ateliers en parallèle : mer et port ; tourisme ; entreprises et emploi"),
                ("12 h 15", "Restitution des ateliers en plénière"),
                ("12 h 45", "Signature symbolique de la charte des partenaires, puis buffet")]
        y = 45
        for t, lab in prog:
            pdf.set_font("DV", "B", 15)
            pdf.set_text_color(*BLUE)
            self.text(25, y, 30, 8, t)
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("DV", "", 14)
            y = self.mtext(62, y, 210, 8, lab) + 5

        # 3 — territoire
        self.slide("Le territoire en chiffres", "Où en partons-nous ?")
        figs = [("12", "communes"), ("68 400", "habitants"), ("21 600", "emplois salariés"),
                ("11,2 %", "taux de chômage fin 2018"), ("2,1 millions", "de nuitées touristiques par an")]
        x = 12
        for big, lab in figs[:3]:
            self.keyfig(x, 45, 87, 55, big, lab)
            x += 93
        self.keyfig(12, 110, 133, 55, figs[3][0], figs[3][1], color=(170, 60, 30))
        self.keyfig(152, 110, 133, 55, figs[4][0], figs[4][1])
        pdf.set_font("DV", "I", 10)
        self.text(14, 172, 270, 6, "Sources : observatoire économique de l'agglomération, données 2018.")

        # 4 — pourquoi
        self.slide("Pourquoi un pacte ?")
        self.bullets(20, 48, 255, [
            "Une économie trop dépendante de la saison estivale : près d'un emploi sur cinq",
            "Un port vieillissant, dont le quai Nord n'était plus aux normes",
            "Des entreprises qui peinent à recruter en soudure, en maintenance et en hôtellerie",
            "Un foncier économique rare et des friches à reconvertir",
            "La volonté commune de la Région et de l'agglomération de financer une liste d'actions fermée, "
            "avec un porteur et un budget pour chacune",
        ], "•")

        # 5 — le pacte en chiffres
        self.slide("Le Pacte en un coup d'œil")
        figs = [("4", "axes stratégiques"), ("10", "objectifs opérationnels"), ("34", "actions"),
                ("16,5 M€", "d'investissements prévus sur six ans"), ("1 200", "emplois créés ou maintenus visés")]
        x = 12
        for big, lab in figs[:3]:
            self.keyfig(x, 45, 87, 55, big, lab)
            x += 93
        self.keyfig(12, 110, 133, 55, figs[3][0], figs[3][1])
        self.keyfig(152, 110, 133, 55, figs[4][0], figs[4][1], color=(170, 60, 30))

        # 6 — axes 1 et 2
        self.slide("Axes 1 et 2 : la mer et le tourisme")
        for (n, title, objs), x in zip(AXES[:2], (16, 152)):
            pdf.set_font("DV", "B", 14)
            pdf.set_text_color(*BLUE)
            y = self.mtext(x, 45, 128, 7, f"Axe {n} — {title}")
            pdf.set_text_color(0, 0, 0)
            self.bullets(x, y + 5, 128, [o for o in objs], "▶", size=12.5, lh=6.5)

        # 7 — axes 3 et 4
        self.slide("Axes 3 et 4 : les entreprises et l'emploi")
        for (n, title, objs), x in zip(AXES[2:], (16, 152)):
            pdf.set_font("DV", "B", 14)
            pdf.set_text_color(*BLUE)
            y = self.mtext(x, 45, 128, 7, f"Axe {n} — {title}")
            pdf.set_text_color(0, 0, 0)
            self.bullets(x, y + 5, 128, [o for o in objs], "▶", size=12.5, lh=6.5)

        # 8 — tableau
        self.slide("Répartition de l'enveloppe par axe")
        head = ["Axe", "Nombre d'actions", "Budget prévu", "Part de l'enveloppe"]
        rows = [["Axe 1 — Économie maritime", "9", "6,4 M€", "39 %"],
                ["Axe 2 — Tourisme durable", "8", "3,2 M€", "19 %"],
                ["Axe 3 — Entreprises", "10", "4,8 M€", "29 %"],
                ["Axe 4 — Formation et emploi", "7", "2,1 M€", "13 %"],
                ["Total", "34", "16,5 M€", "100 %"]]
        widths = [100, 50, 50, 65]
        y = 48
        for i, r in enumerate([head] + rows):
            x = 16
            bold = i == 0 or r[0] == "Total"
            pdf.set_font("DV", "B" if bold else "", 13)
            if i == 0:
                pdf.set_fill_color(*BLUE)
                pdf.set_text_color(255, 255, 255)
            elif r[0] == "Total":
                pdf.set_fill_color(*SAND)
            else:
                pdf.set_fill_color(245, 245, 245) if i % 2 else pdf.set_fill_color(255, 255, 255)
            for c, w in zip(r, widths):
                pdf.rect(x, y, w, 14, style="F")
                self.text(x + 4, y + 3, w - 8, 8, c)
                x += w
            pdf.set_text_color(0, 0, 0)
            y += 14
        pdf.set_font("DV", "I", 10)
        self.text(16, y + 6, 265, 6, "Montants tous financeurs confondus, en euros courants.")

        # 9 — financeurs
        self.slide("Qui finance le Pacte ?", "Plan de financement prévisionnel")
        fin = [("Région Hauts-de-France", 5.5, "5,5 M€ · 33 %"), ("Communauté d'agglomération", 4.4,
                                                                  "4,4 M€ · 27 %"),
               ("État et fonds européens", 4.0, "4,0 M€ · 24 %"), ("Communes et partenaires privés", 2.6,
                                                                  "2,6 M€ · 16 %")]
        y = 50
        for lab, v, txt in fin:
            pdf.set_font("DV", "", 13)
            self.text(16, y + 2, 80, 8, lab)
            pdf.set_fill_color(*BLUE)
            pdf.rect(100, y, v * 25, 12, style="F")
            pdf.set_font("DV", "B", 13)
            self.text(100 + v * 25 + 4, y + 2, 60, 8, txt)
            y += 22
        pdf.set_font("DV", "", 12)
        self.bullets(16, y + 6, 260, ["Total : 16,5 M€ sur 2019-2024, dont un tiers apporté par la Région"],
                     "–", size=12, lh=6.5)

        # 10 — gouvernance
        self.slide("Une gouvernance simple")
        self.bullets(20, 48, 255, [
            "Un comité de pilotage coprésidé par la Région et l'agglomération, réuni au moins une fois par an",
            "Un comité technique qui prépare les décisions et suit chaque action",
            "Une chargée de mission dédiée au Pacte : Laure Quesnel",
            "Un registre des actions partagé, mis à jour au fil de l'eau",
            "Une revue à mi-parcours en 2021 et une évaluation finale en 2024",
        ], "✓")

        # 11 — frise
        self.slide("Les grandes étapes", "Calendrier prévisionnel 2019-2024")
        steps = [("4 avril 2019", "Signature du Pacte"), ("23 mai 2019", "Séminaire de lancement"),
                 ("Automne 2019", "Installation du comité de pilotage"), ("2021", "Revue à mi-parcours"),
                 ("2024", "Évaluation finale"), ("31 décembre 2024", "Fin du Pacte")]
        pdf.set_draw_color(*BLUE)
        pdf.set_line_width(1.2)
        pdf.line(20, 100, 277, 100)
        pdf.set_line_width(0.2)
        for i, (d, lab) in enumerate(steps):
            cx = 32 + i * 46.5
            pdf.set_fill_color(*BLUE)
            pdf.ellipse(cx - 3.5, 96.5, 7, 7, style="F")
            pdf.set_font("DV", "B", 12)
            pdf.set_text_color(*BLUE)
            self.text(cx - 22, 80 if i % 2 == 0 else 86, 44, 7, d, align="C")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("DV", "", 11)
            lines = wrap(pdf, 42, 5.5, nb(lab))
            yy = 110
            for ln in lines:
                self.text(cx - 21, yy, 42, 5.5, ln, align="C")
                yy += 5.5

        # 12 — prochaines étapes
        self.slide("Et maintenant ?")
        self.bullets(20, 48, 255, [
            "Juin 2019 : désignation des porteurs et des référents de chaque action",
            "Septembre 2019 : ouverture de la plateforme « Entreprendre en Opale » au public (prévue)",
            "8 octobre 2019 : premier comité de pilotage, à l'hôtel communautaire de Saint-Aubert-sur-Mer",
            "Chaque année : bilan d'avancement présenté aux conseils communautaire et régional",
        ], "–")
        pdf.set_font("DV", "B", 13)
        pdf.set_text_color(*BLUE)
        self.text(20, 150, 255, 8, "Contact : Laure Quesnel, chargée de mission Pacte, hôtel communautaire")
        pdf.set_text_color(0, 0, 0)
        assert self.n == self.total
        pdf.output(str(path))


def build_slides(dest: Path) -> Path:
    PDF_SOURCES[SLIDES_FILE] = []
    p = dest / SLIDES_FILE
    _Slides().build(p)
    return p


# ---------------------------------------------------------------------------
# 3. Compte rendu du comité de pilotage de clôture (texte brut)
# ---------------------------------------------------------------------------
CR_FILE = "cr_copil_2024-12-10.txt"

CR_TEXT = """\
COMMUNAUTÉ D'AGGLOMÉRATION DU LITTORAL D'OPALE
Pacte territorial pour l'économie et l'emploi du Littoral d'Opale 2019-2024

==============================================================================
COMPTE RENDU DU COMITÉ DE PILOTAGE DE CLÔTURE
==============================================================================

Date ........... mardi 10 décembre 2024, de 14 h 30 à 17 h 15
Lieu ........... Hardinval, salle des fêtes, 2 rue des Garennes
Coprésidence ... Claire Vanhoutte (Région Hauts-de-France) et Hervé Lemaire-Dusart
                 (Communauté d'agglomération du Littoral d'Opale)
Rédaction ...... Laure Quesnel, chargée de mission Pacte
Diffusion ...... membres du comité, partenaires associés, cabinet Estran Conseil

------------------------------------------------------------------------------
1. PARTICIPANTS
------------------------------------------------------------------------------

Membres présents avec voix délibérative (17 sur 21) :
  - Claire Vanhoutte, conseillère régionale déléguée au développement des
    territoires, coprésidente
  - Hervé Lemaire-Dusart, président de la Communauté d'agglomération, coprésident
  - Sylvie Dambrine, vice-présidente chargée du développement économique
  - Gérard Fournival, vice-président chargé du tourisme
  - Nadia Benslimane, vice-présidente chargée de l'emploi et de l'insertion
  - Jean-Pierre Hochart, maire de Saint-Aubert-sur-Mer
  - Monique Lefranc, maire de Hardinval
  - Didier Vermeersch, maire de Marquenval
  - Annick Deprez, maire de Berquenesse
  - Olivier Maes, maire de Longuemer
  - Christophe Lambin, maire d'Audrecourt-Plage
  - Sabine Roussel, maire d'Escalmont
  - Pascal Delforge, conseiller départemental, représentant le Département du
    Pas-de-Calais
  - Patrick Lhermitte, président de la CCI territoriale des Garennes
  - Élodie Sauvage, représentante de la chambre de métiers et de l'artisanat
  - Marc Ledoux, directeur de la Maison de l'emploi du Littoral d'Opale
  - Yannick Delmotte, président du comité des pêches du Littoral d'Opale

Assistaient également, sans voix délibérative :
  - Mathieu Vasseur, chargé de mission territorial, Région Hauts-de-France
  - Thomas Béthencourt, directeur du développement économique de l'agglomération
  - Laure Quesnel, chargée de mission Pacte
  - Juliette Marchetti et Karim Obadia, consultants, cabinet Estran Conseil
  - Agnès Tirmont, directrice de l'office de tourisme communautaire

Excusés :
  - Bruno Lecointe, maire de Rinxelles
  - Françoise Bertin, maire de Colembise
  - Hugues Castelain, vice-président chargé des mobilités
  - Isabelle Warnier, présidente de la Mission locale des Garennes

Aucun pouvoir n'a été transmis. Le quorum, fixé à la majorité des membres (11),
est atteint.

------------------------------------------------------------------------------
2. ORDRE DU JOUR
------------------------------------------------------------------------------

  1. Approbation du compte rendu de la réunion du 2 février 2024
  2. Présentation du projet de rapport d'évaluation finale
  3. Situation financière au 30 novembre 2024
  4. Devenir des actions non achevées
  5. Préparation du Pacte Opale Avenir 2025-2030
  6. Questions diverses

------------------------------------------------------------------------------
3. DÉROULEMENT DE LA SÉANCE
------------------------------------------------------------------------------

Claire Vanhoutte ouvre la séance à 14 h 40. Elle remercie Monique Lefranc pour
l'accueil à Hardinval et rappelle que ce comité est le dernier du Pacte 2019-2024.
Hervé Lemaire-Dusart souligne que le Pacte a « changé le visage du port » et
insiste sur la nécessité de ne pas laisser de « trou d'air » entre les deux
contrats.

Dans son propos liminaire, Claire Vanhoutte rappelle que la Région a conclu des
pactes de ce type avec la plupart des intercommunalités des Hauts-de-France pour
la période 2019-2024, et que le Littoral d'Opale figure parmi les territoires qui
ont engagé plus des trois quarts de leur enveloppe. Elle salue la qualité du
registre des actions, « tenu à jour sans interruption depuis 2019 ».

Point 1 - Approbation du compte rendu du 2 février 2024

Le compte rendu de la réunion du 2 février 2024, qui avait arrêté le cahier des
charges de l'évaluation finale, est approuvé sans observation, à l'unanimité des
membres présents.

Point 2 - Projet de rapport d'évaluation finale

Juliette Marchetti (Estran Conseil) présente les principaux résultats. Au 30
novembre 2024, sur les 34 actions du Pacte, 18 sont réalisées (53 %), 10 sont
en cours (29 %), 4 n'ont pas été engagées et 2 ont été abandonnées, soit 18 %
d'actions non abouties. Les emplois créés ou maintenus sont estimés à 1 046 pour
une cible de 1 200. Le cabinet retient sept recommandations, dont la constitution
d'une réserve foncière d'au moins 30 ha et la désignation systématique d'un
porteur avant l'inscription d'une action.

Elle rappelle la méthode suivie : analyse du registre des actions, 42 entretiens,
une enquête en ligne (118 entreprises répondantes) et trois ateliers territoriaux.
71 % des entreprises répondantes jugent le Pacte utile ou très utile, mais 38 %
seulement disent en avoir bénéficié directement. Karim Obadia complète sur
l'efficience : le coût engagé ressort à environ 12 400 € par emploi créé ou
maintenu, dans la moyenne des programmes comparables.

Échanges :
  - Patrick Lhermitte juge le diagnostic sur le foncier « trop timide » et
    demande que la réserve foncière soit chiffrée commune par commune.
  - Monique Lefranc salue le plateau technique de soudure du lycée professionnel
    des Garennes, « plein dès la deuxième année ».
  - Olivier Maes conteste la présentation du centre de congrès de Longuemer :
    selon lui, la commune n'a pas été associée à la recherche d'un exploitant.
    Il annonce qu'il s'abstiendra.
  - Didier Vermeersch regrette la lenteur de l'extension de la zone du Moulin.

Vote : le projet de rapport d'évaluation finale est approuvé par 15 voix pour,
0 voix contre et 2 abstentions (Olivier Maes, Patrick Lhermitte).

Point 3 - Situation financière au 30 novembre 2024

Thomas Béthencourt présente la situation financière : 13 000 000 € engagés sur
16 500 000 € prévus, soit 79 %, dont 10,2 M€ déjà mandatés. La Région a engagé
4,6 M€ sur les 5,5 M€ prévus à la signature. Il reste 1 660 000 € à engager sur
les 10 actions en cours.

  Axe      Prévu (€)      Engagé (€)     Taux
  Axe 1    6 400 000      5 120 000      80 %
  Axe 2    3 200 000      2 860 000      89 %
  Axe 3    4 800 000      3 540 000      74 %
  Axe 4    2 100 000      1 480 000      70 %
  Total   16 500 000     13 000 000      79 %

Le taux de paiement (montants mandatés rapportés aux montants engagés) atteint
78 %. Les retards de paiement concernent surtout la criée et la zone d'activités
des Garennes, dont les marchés de travaux se poursuivent en 2025.

Mathieu Vasseur précise que les crédits régionaux non engagés au 31 mars 2025
seront désaffectés, sauf pour les actions reportées dans le futur pacte. Il
invite les porteurs à transmettre leurs demandes de solde avant le 28 février
2025.

Point 4 - Devenir des actions non achevées

Laure Quesnel présente la proposition de l'équipe projet :
  a) reporter les 10 actions en cours dans le Pacte Opale Avenir 2025-2030 ;
  b) réinscrire dans la réflexion l'école de production (4.1.d) et le transport
     à la demande (4.2.c), à condition qu'un porteur soit désigné d'ici juin 2025 ;
  c) retirer définitivement le centre de congrès de Longuemer (2.1.d) et les
     boutiques à l'essai (3.3.c).

Sabine Roussel regrette le retrait des boutiques à l'essai, qui répondaient
selon elle à une vraie demande à Escalmont, et votera contre. Didier Vermeersch
s'abstient, estimant que la zone du Moulin aurait dû bénéficier d'une enveloppe
complémentaire.

Vote : la proposition est adoptée par 14 voix pour, 1 voix contre (Sabine
Roussel) et 2 abstentions (Olivier Maes, Didier Vermeersch).

Point 5 - Préparation du Pacte Opale Avenir 2025-2030

Sylvie Dambrine présente le calendrier envisagé :
  - délibération du conseil communautaire le 19 décembre 2024 ;
  - diagnostic partagé et ateliers avec les entreprises de janvier à mars 2025 ;
  - comité technique préparatoire en mai 2025 (date à fixer) ;
  - signature du nouveau pacte visée en juin 2025.

Trois priorités se dégagent des échanges : le foncier économique, la mobilité
vers l'emploi et la transition des filières pêche et éolien. Claire Vanhoutte
indique que l'enveloppe régionale du futur pacte n'est pas encore arbitrée et
qu'elle sera connue après le vote du budget régional. La Région souhaite un pacte
plus resserré, de 25 actions au plus, chacune dotée d'un porteur désigné.

Hervé Lemaire-Dusart annonce que l'agglomération proposera au conseil
communautaire une enveloppe de transition de 1,2 M€ au budget primitif 2025,
afin d'éviter toute rupture de financement pour les actions reportées.

Point 6 - Questions diverses

  - Monique Lefranc demande la date d'ouverture de la crèche à horaires atypiques.
    Jean-Pierre Hochart confirme une ouverture en mars 2025, avec 24 berceaux
    dont 9 réservés aux entreprises du port.
  - Yannick Delmotte s'inquiète du calendrier de la criée. Le syndicat mixte du
    port confirme une livraison au deuxième trimestre 2025.
  - Patrick Lhermitte interroge sur la zone d'activités des Garennes : la fin des
    travaux de la seconde tranche est prévue en septembre 2025.

La séance est levée à 17 h 15.

------------------------------------------------------------------------------
4. RELEVÉ DE DÉCISIONS
------------------------------------------------------------------------------

  D1. Le compte rendu du 2 février 2024 est approuvé à l'unanimité.
  D2. Le projet de rapport d'évaluation finale est approuvé (15 pour, 0 contre,
      2 abstentions), sous réserve des corrections de forme demandées en séance ;
      la version définitive sera diffusée en janvier 2025.
  D3. Les 10 actions en cours sont reportées dans le Pacte Opale Avenir ;
      l'école de production et le transport à la demande sont réinscrits à
      l'étude ; le centre de congrès et les boutiques à l'essai sont retirés
      (14 pour, 1 contre, 2 abstentions).
  D4. L'équipe projet est chargée d'organiser le diagnostic partagé du premier
      trimestre 2025.
  D5. Les porteurs transmettent leurs demandes de solde avant le 28 février 2025.

------------------------------------------------------------------------------
5. PROCHAINE RÉUNION
------------------------------------------------------------------------------

Premier comité de pilotage du Pacte Opale Avenir 2025-2030 :
mardi 17 juin 2025 à 10 h, hôtel communautaire de Saint-Aubert-sur-Mer, salle
du conseil.

------------------------------------------------------------------------------
6. DOCUMENTS REMIS EN SÉANCE
------------------------------------------------------------------------------

  - Projet de rapport d'évaluation finale (Estran Conseil, novembre 2024)
  - Registre des actions arrêté au 30 novembre 2024
  - Note de situation financière par axe et par financeur
  - Proposition de règles de transition vers le Pacte Opale Avenir

Compte rendu validé par les coprésidents le 18 décembre 2024.
"""


def build_cr(dest: Path) -> Path:
    p = dest / CR_FILE
    p.write_bytes(CR_TEXT.encode("utf-8"))
    return p


# ---------------------------------------------------------------------------
# Réécriture déterministe des archives OOXML
# ---------------------------------------------------------------------------
def _normalize_zip(path: Path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for name, data in items:
        if name == "docProps/core.xml":
            txt = data.decode("utf-8")
            txt = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", r"\g<1>2024-01-01T00:00:00Z\2", txt)
            txt = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", r"\g<1>2024-01-01T00:00:00Z\2", txt)
            txt = re.sub(r"(<cp:lastPrinted[^>]*>)[^<]*(</cp:lastPrinted>)", r"\g<1>2024-01-01T00:00:00Z\2", txt)
            data = txt.encode("utf-8")
        out.append((name, data))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in out:
            zi = zipfile.ZipInfo(name, date_time=ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)


# ---------------------------------------------------------------------------
# 4. Registre des actions (XLSX, deux feuilles)
# ---------------------------------------------------------------------------
XLSX_FILE = "registre_actions_pacte.xlsx"


def build_xlsx(dest: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Registre des actions"
    ws["A1"] = "Registre des actions du Pacte territorial pour l'économie et l'emploi 2019-2024"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = "Communauté d'agglomération du Littoral d'Opale · situation au 31/12/2024 · tenu par le comité technique"
    ws["A2"].font = Font(italic=True)
    head = ["Code", "Intitulé de l'action", "Axe", "Porteur", "Commune ou EPCI de rattachement",
            "Budget prévu (€)", "Montant engagé (€)", "Statut", "Dernière mise à jour", "Commentaire"]
    ws.append([])
    ws.append(head)
    fill = PatternFill("solid", fgColor="DCEAF2")
    for c in ws[4]:
        c.font = Font(bold=True)
        c.fill = fill
        c.alignment = Alignment(wrap_text=True, vertical="top")
    for code, title, porteur, commune, prevu, eng, st, maj, com in ACTIONS:
        ws.append([code, title, f"Axe {code[0]}", porteur, commune, prevu, eng, st, maj, com])
        r = ws.max_row
        ws.cell(r, 6).number_format = "#,##0"
        ws.cell(r, 7).number_format = "#,##0"
        ws.cell(r, 9).number_format = "DD/MM/YYYY"
        for c in ws[r]:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.append(["Total", "34 actions", None, None, None, 16500000, 13000000, None, None,
               "18 réalisées, 10 en cours, 4 non engagées, 2 abandonnées"])
    r = ws.max_row
    for c in ws[r]:
        c.font = Font(bold=True)
    ws.cell(r, 6).number_format = "#,##0"
    ws.cell(r, 7).number_format = "#,##0"
    for col, w in zip("ABCDEFGHIJ", (8, 48, 8, 32, 30, 15, 15, 13, 14, 60)):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "C5"

    ws2 = wb.create_sheet("Budget annuel")
    ws2["A1"] = "Montants engagés par année et par axe (en euros)"
    ws2["A1"].font = Font(bold=True, size=13)
    ws2.append([])
    ws2.append(["Année", "Axe 1", "Axe 2", "Axe 3", "Axe 4", "Total engagé", "dont crédits régionaux"])
    for c in ws2[3]:
        c.font = Font(bold=True)
        c.fill = fill
    for y, a1, a2, a3, a4, reg in BUDGET_ANNUEL:
        ws2.append([y, a1, a2, a3, a4, a1 + a2 + a3 + a4, reg])
    tot = ["Total"] + [sum(r[i] for r in BUDGET_ANNUEL) for i in range(1, 5)]
    tot.append(sum(tot[1:5]))
    tot.append(sum(r[5] for r in BUDGET_ANNUEL))
    ws2.append(tot)
    ws2.append(["Prévu 2019-2024", 6400000, 3200000, 4800000, 2100000, 16500000, 5500000])
    for row in ws2.iter_rows(min_row=4, max_row=ws2.max_row, min_col=2, max_col=7):
        for c in row:
            c.number_format = "#,##0"
    for c in ws2[ws2.max_row - 1]:
        c.font = Font(bold=True)
    ws2.append([])
    ws2.append(["Source : comité technique du Pacte, état des engagements arrêté au 31/12/2024."])
    for col, w in zip("ABCDEFG", (16, 13, 13, 13, 13, 15, 22)):
        ws2.column_dimensions[col].width = w

    wb.properties.creator = "Communauté d'agglomération du Littoral d'Opale"
    wb.properties.lastModifiedBy = "Communauté d'agglomération du Littoral d'Opale"
    wb.properties.created = datetime(2024, 1, 1)
    wb.properties.modified = datetime(2024, 1, 1)
    p = dest / XLSX_FILE
    wb.save(p)
    _normalize_zip(p)
    return p


# ---------------------------------------------------------------------------
# 5. Délibération du conseil communautaire (DOCX)
# ---------------------------------------------------------------------------
DOCX_FILE = "deliberation_conseil_2024-12-19.docx"


def build_docx(dest: Path) -> Path:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)

    def para(text, bold=False, italic=False, center=False):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.bold = bold
        run.italic = italic
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    para("COMMUNAUTÉ D'AGGLOMÉRATION DU LITTORAL D'OPALE", bold=True, center=True)
    para("Extrait du registre des délibérations du conseil communautaire", center=True)
    para("Séance du jeudi 19 décembre 2024 — Délibération n° 2024-147", bold=True, center=True)
    para("Conseillers en exercice : 58 — Présents : 44 — Pouvoirs : 6 — Votants : 50")
    para("L'an deux mille vingt-quatre, le dix-neuf décembre à dix-huit heures, le conseil communautaire, "
         "régulièrement convoqué le 12 décembre 2024, s'est réuni à l'hôtel communautaire de "
         "Saint-Aubert-sur-Mer, sous la présidence de M. Hervé Lemaire-Dusart, président. Mme Annick Deprez "
         "a été désignée secrétaire de séance.")

    doc.add_heading("Objet : Pacte territorial pour l'économie et l'emploi 2019-2024 — approbation du bilan "
                    "final et engagement dans le Pacte Opale Avenir 2025-2030", level=1)
    para("Rapporteure : Mme Sylvie Dambrine, vice-présidente chargée du développement économique", italic=True)

    doc.add_heading("Exposé des motifs", level=2)
    para("Par délibération n° 2019-038 du 14 mars 2019, le conseil communautaire a approuvé le Pacte "
         "territorial pour l'économie et l'emploi conclu avec la Région Hauts-de-France pour la période "
         "2019-2024. Ce pacte, signé le 4 avril 2019 et modifié par un avenant n° 1 du 28 septembre 2021, "
         "comporte 34 actions réparties en quatre axes et dix objectifs opérationnels, pour une enveloppe "
         "prévisionnelle de 16 500 000 € tous financeurs confondus.")
    para("Le pacte est arrivé à échéance le 31 décembre 2024. Son évaluation finale, confiée au cabinet "
         "Estran Conseil, a été présentée au comité de pilotage de clôture réuni à Hardinval le 10 décembre "
         "2024, qui en a approuvé le projet et a proposé des règles de transition vers le futur contrat. Il "
         "est aujourd'hui proposé au conseil d'en prendre acte et d'autoriser l'engagement des négociations "
         "du Pacte Opale Avenir 2025-2030.")

    doc.add_heading("Rappel du bilan au 31 décembre 2024", level=2)
    para("Le bilan s'établit comme suit :")
    lb, lb2 = "List Bullet", "List Bullet 2"
    doc.add_paragraph("18 actions réalisées sur 34, soit 53 % ;", style=lb)
    doc.add_paragraph("10 actions en cours, reportées dans le futur pacte :", style=lb)
    for t in ["axe 1 : extension de la criée, atelier de transformation des produits de la mer, base de "
              "maintenance pour l'éolien en mer ;",
              "axe 2 : montée en gamme des hébergements, Maison des dunes et des garennes ;",
              "axe 3 : zone d'activités des Garennes, zone d'activités du Moulin, rénovation des vitrines ;",
              "axe 4 : location solidaire de deux-roues, crèche à horaires atypiques ;"]:
        doc.add_paragraph(t, style=lb2)
    doc.add_paragraph("4 actions non engagées :", style=lb)
    doc.add_paragraph("réinscrites à l'étude, sous réserve d'un porteur : école de production, transport à "
                      "la demande ;", style=lb2)
    doc.add_paragraph("retirées définitivement : centre de congrès de Longuemer, boutiques à l'essai ;",
                      style=lb2)
    doc.add_paragraph("2 actions abandonnées par le comité de pilotage du 3 novembre 2022 : terminal passagers "
                      "saisonnier et reconversion de la friche Vandamme.", style=lb)
    para("Le montant total engagé s'élève à 13 000 000 €, soit 79 % de l'enveloppe prévue, et 1 046 emplois "
         "ont été créés ou maintenus.")
    para("L'évaluation formule sept recommandations. Trois d'entre elles seront appliquées dès la préparation "
         "du futur pacte :")
    for t in ["la constitution d'une réserve foncière économique d'au moins 30 ha d'ici 2030 ;",
              "la désignation d'un porteur et d'un calendrier avant l'inscription de toute action ;",
              "la tenue d'au moins deux comités de pilotage par an, avec un tableau de bord semestriel."]:
        doc.add_paragraph(t, style=lb)
    para("Les quatre autres recommandations, relatives au comptage des emplois, à la mobilité, à "
         "l'hébergement touristique et à la notoriété du dispositif auprès des très petites entreprises, "
         "seront examinées lors du diagnostic partagé.")

    doc.add_heading("Crédits restant à engager sur les actions reportées", level=2)
    reportees = [a for a in ACTIONS if a[6] == "En cours"]
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    hdr = table.rows[0].cells
    for c, t in zip(hdr, ["Code", "Action", "Porteur", "Reste à engager (€)"]):
        c.text = t
        for r in c.paragraphs[0].runs:
            r.bold = True
    for code, title, porteur, _c, prevu, eng, *_ in reportees:
        cells = table.add_row().cells
        cells[0].text = code
        cells[1].text = title
        cells[2].text = porteur
        cells[3].text = f"{prevu - eng:,}".replace(",", " ")
    cells = table.add_row().cells
    cells[0].text = "Total"
    cells[1].text = "10 actions"
    cells[2].text = ""
    cells[3].text = "1 660 000"
    for c in cells:
        for r in c.paragraphs[0].runs:
            r.bold = True

    doc.add_heading("Cadre régional des futurs pactes", level=2)
    para("Le règlement d'intervention régional applicable aux pactes 2025-2030 fixe un taux maximal d'aide "
         "régionale de 50 % pour les dépenses d'investissement et de 30 % pour les dépenses de fonctionnement. "
         "Il distingue les actions structurantes des actions de proximité :")
    doc.add_paragraph("une action structurante est une action dont le coût total dépasse 300 000 € et dont "
                      "l'effet attendu dépasse le périmètre d'une seule commune ;", style=lb)
    doc.add_paragraph("une action de proximité est une action de moins de 300 000 € portée par une commune "
                      "ou une association locale ; elle relève d'une enveloppe forfaitaire.", style=lb)
    para("Toute action inscrite au futur pacte devra disposer d'un porteur désigné, d'un plan de financement "
         "et d'un calendrier prévisionnel, conformément aux recommandations de l'évaluation.")

    doc.add_heading("Visas", level=2)
    para("Le conseil communautaire,")
    for t in ["Vu le code général des collectivités territoriales ;",
              "Vu la délibération n° 2019-038 du 14 mars 2019 approuvant le Pacte territorial pour l'économie "
              "et l'emploi 2019-2024 ;",
              "Vu la délibération n° 2021-112 approuvant l'avenant n° 1 du 28 septembre 2021 ;",
              "Vu l'avis favorable de la commission développement économique du 3 décembre 2024 ;",
              "Vu l'avis du comité de pilotage de clôture du 10 décembre 2024 ;",
              "Considérant la nécessité d'assurer la continuité des actions engagées entre les deux contrats ;"]:
        doc.add_paragraph(t, style=lb)

    doc.add_heading("Décision", level=2)
    para("Après en avoir délibéré, le conseil communautaire :")
    for t in ["approuve le bilan final du Pacte territorial pour l'économie et l'emploi 2019-2024, tel qu'annexé "
              "à la présente délibération ;",
              "approuve le report des dix actions en cours dans le futur Pacte Opale Avenir 2025-2030, ainsi que "
              "les règles de transition proposées par le comité de pilotage ;",
              "décide d'inscrire au budget primitif 2025 une enveloppe de transition de 1 200 000 € ;",
              "autorise le président à engager avec la Région la négociation du Pacte Opale Avenir 2025-2030 "
              "et à signer tout document s'y rapportant ;",
              "désigne Mme Sylvie Dambrine comme élue référente du futur pacte ;",
              "charge le président de l'exécution de la présente délibération."]:
        doc.add_paragraph(t, style="List Number")

    para("Adoptée à la majorité : 47 voix pour, 0 voix contre, 3 abstentions.", bold=True)
    para("Fait et délibéré les jour, mois et an susdits.")

    doc.add_heading("Annexe 1 — Synthèse financière par axe au 31 décembre 2024", level=2)
    t1 = doc.add_table(rows=1, cols=4)
    t1.style = "Table Grid"
    for c, t in zip(t1.rows[0].cells, ["Axe", "Budget prévu (€)", "Montant engagé (€)", "Taux d'engagement"]):
        c.text = t
    for row in [["Axe 1 — Économie maritime", "6 400 000", "5 120 000", "80 %"],
                ["Axe 2 — Tourisme durable", "3 200 000", "2 860 000", "89 %"],
                ["Axe 3 — Entreprises", "4 800 000", "3 540 000", "74 %"],
                ["Axe 4 — Formation et emploi", "2 100 000", "1 480 000", "70 %"],
                ["Total", "16 500 000", "13 000 000", "79 %"]]:
        for c, t in zip(t1.add_row().cells, row):
            c.text = t

    doc.add_heading("Annexe 2 — Répartition de l'enveloppe de transition 2025", level=2)
    para("L'enveloppe de transition de 1 200 000 € inscrite au budget primitif 2025 se répartit comme suit :")
    t2 = doc.add_table(rows=1, cols=2)
    t2.style = "Table Grid"
    for c, t in zip(t2.rows[0].cells, ["Poste", "Montant (€)"]):
        c.text = t
    for row in [["Part communautaire des actions reportées", "700 000"],
                ["Ingénierie et animation (chargée de mission, diagnostic partagé)", "180 000"],
                ["Études préalables : école de production et transport à la demande", "120 000"],
                ["Fonds d'amorçage des premières actions du futur pacte", "200 000"],
                ["Total", "1 200 000"]]:
        for c, t in zip(t2.add_row().cells, row):
            c.text = t
    para("Les crédits d'ingénierie financent notamment le poste de chargée de mission du pacte jusqu'à la "
         "signature du futur contrat, ainsi que l'organisation des ateliers du diagnostic partagé prévus de "
         "janvier à mars 2025.")
    para("Pour extrait conforme, à Saint-Aubert-sur-Mer, le 20 décembre 2024.")
    para("Le Président, Hervé Lemaire-Dusart")
    para("Acte transmis au contrôle de légalité le 23/12/2024 et publié le même jour.", italic=True)

    cp = doc.core_properties
    cp.author = "Communauté d'agglomération du Littoral d'Opale"
    cp.last_modified_by = "Communauté d'agglomération du Littoral d'Opale"
    cp.title = "Délibération n° 2024-147"
    cp.created = datetime(2024, 1, 1)
    cp.modified = datetime(2024, 1, 1)
    cp.last_printed = datetime(2024, 1, 1)
    cp.revision = 1
    p = dest / DOCX_FILE
    doc.save(p)
    _normalize_zip(p)
    return p


# ---------------------------------------------------------------------------
# 6. Document piège : bilan du territoire voisin (Markdown)
# ---------------------------------------------------------------------------
MD_FILE = "bilan_contrat_trois_vallons.md"

MD_TEXT = """\
# Contrat de développement économique du Pays des Trois Vallons 2019-2024

## Bilan de fin de contrat

*Communauté de communes du Pays des Trois Vallons (CC3V) · Région Hauts-de-France · décembre 2024*

> Document de travail présenté au comité de pilotage du 5 décembre 2024, à Fauquembelle. Il dresse le bilan
> du contrat signé avec la Région et prépare le futur Contrat Trois Vallons 2025-2031.

## 1. Le territoire et le contrat

La Communauté de communes du Pays des Trois Vallons regroupe 15 communes et 31 200 habitants dans l'intérieur
du Pas-de-Calais. Son siège est à Fauquembelle. Elle jouxte, à l'ouest, la Communauté d'agglomération du
Littoral d'Opale, avec laquelle elle partage un bassin d'emploi mais pas de contrat commun.

L'économie locale repose sur l'agriculture, l'agroalimentaire (laiterie, légumerie), une industrie de la
plasturgie et un tissu dense d'artisans. Le taux de chômage s'élevait à 9,6 % fin 2018 ; il est descendu à
7,9 % fin 2023.

Le contrat a été approuvé par le conseil communautaire le 27 juin 2019 et signé avec la Région le
12 septembre 2019. Il couvre la période 2019-2024 et comporte 3 axes, 7 objectifs et 28 actions, pour une
enveloppe prévisionnelle de 9,8 M€.

## 2. Axes et objectifs

| Axe | Intitulé | Objectifs |
|-----|----------|-----------|
| 1 | Conforter l'agriculture et l'agroalimentaire | 1.1 Structurer les circuits courts ; 1.2 Accompagner la modernisation des industries agroalimentaires ; 1.3 Installer de nouveaux agriculteurs |
| 2 | Soutenir l'industrie et l'artisanat | 2.1 Moderniser les zones d'activités ; 2.2 Accompagner la transmission des entreprises artisanales |
| 3 | Développer les services et l'emploi de proximité | 3.1 Maintenir les services dans les bourgs ; 3.2 Favoriser l'accès à l'emploi et à la formation |

## 3. Avancement des actions

Au terme du contrat, sur les 28 actions programmées, 12 sont achevées (43 %), 9 sont en cours (32 %) et
7 n'ont pas été engagées ou ont été abandonnées (25 %). Le taux d'achèvement est donc nettement inférieur
à la moitié des actions.

| Axe | Actions | Achevées | En cours | Non engagées ou abandonnées | Taux d'achèvement |
|-----|--------:|---------:|---------:|----------------------------:|------------------:|
| Axe 1 - Agriculture et agroalimentaire | 10 | 5 | 3 | 2 | 50 % |
| Axe 2 - Industrie et artisanat | 10 | 4 | 3 | 3 | 40 % |
| Axe 3 - Services et emploi | 8 | 3 | 3 | 2 | 38 % |
| **Total** | **28** | **12** | **9** | **7** | **43 %** |

Parmi les 7 actions non abouties, 5 n'ont jamais été engagées et 2 ont été abandonnées : l'abattoir de
proximité de Sainte-Marie-des-Vallons, jugé non rentable, et la zone artisanale de Rumelinghe, dont le
terrain s'est révélé inondable.

Par axe, les situations sont contrastées. L'axe 1 a bien fonctionné grâce à la halle de producteurs et à
l'accompagnement des installations agricoles, mais l'abandon de l'abattoir de proximité a privé les éleveurs
d'un outil attendu. L'axe 2 a souffert de la difficulté à trouver du foncier constructible : deux des trois
projets de zones d'activités n'ont pas démarré. L'axe 3 a permis de maintenir une agence postale et deux
épiceries multiservices, mais les actions de formation ont pâti du manque de places en centre de formation
à proximité.

Quelques réalisations marquantes :

- la halle de producteurs de Sainte-Marie-des-Vallons, ouverte en 2021, qui réunit 27 producteurs ;
- la pépinière d'entreprises de Fauquembelle, livrée en avril 2022 : 1 200 m², 9 ateliers, occupée à 78 % ;
- la plateforme de transmission des entreprises artisanales, qui a permis 41 reprises ;
- 34 installations de jeunes agriculteurs accompagnées.

## 4. Financements

L'enveloppe prévue s'élevait à 9 800 000 €. Au 30 novembre 2024, 7 100 000 € ont été engagés, soit un taux
d'engagement de 72 %.

| Axe | Montant prévu | Montant engagé | Taux d'engagement |
|-----|--------------:|---------------:|------------------:|
| Axe 1 | 4 200 000 € | 3 300 000 € | 79 % |
| Axe 2 | 3 600 000 € | 2 400 000 € | 67 % |
| Axe 3 | 2 000 000 € | 1 400 000 € | 70 % |
| **Total** | **9 800 000 €** | **7 100 000 €** | **72 %** |

Répartition des montants engagés par financeur :

| Financeur | Montant engagé | Part |
|-----------|---------------:|-----:|
| Région Hauts-de-France | 3,1 M€ | 44 % |
| Communauté de communes | 2,0 M€ | 28 % |
| État et fonds européens | 1,2 M€ | 17 % |
| Communes, chambres consulaires et privés | 0,8 M€ | 11 % |
| **Total** | **7,1 M€** | **100 %** |

## 5. Résultats

| Indicateur | Cible | Réalisé | Taux d'atteinte |
|------------|------:|--------:|----------------:|
| Emplois créés ou maintenus | 800 | 640 | 80 % |
| Entreprises accompagnées | 220 | 188 | 85 % |
| Installations agricoles | 30 | 34 | 113 % |
| Foncier économique requalifié | 12 ha | 9 ha | 75 % |
| Personnes formées | 250 | 212 | 85 % |

Une enquête menée en 2024 auprès de 96 entreprises fait apparaître un taux de satisfaction de 81 %. Les
entreprises citent en premier lieu la plateforme de transmission et la pépinière de Fauquembelle.

## 6. Enseignements

L'évaluation, conduite en interne par les services de la CC3V avec l'appui d'un stagiaire de master, tire
plusieurs enseignements :

- le contrat comptait trop d'actions pour une petite équipe (un seul chargé de mission) ;
- les actions portées par des partenaires privés ont été plus rapides que celles portées par les communes ;
- le suivi des emplois reste déclaratif et probablement surestimé ;
- les comités de pilotage, trop peu nombreux, ont surtout servi à constater l'avancement plutôt qu'à
  arbitrer.

Le coût engagé par emploi créé ou maintenu ressort à environ 11 100 €, un niveau comparable à celui des
autres contrats de la région.

## 7. Gouvernance

Le comité de pilotage est coprésidé par Odile Carpentier, présidente de la CC3V, et François Delcourt,
conseiller régional. Le suivi technique est assuré par Benoît Lagache, chargé de mission du contrat.

| Instance | Date | Lieu | Objet principal |
|----------|------|------|-----------------|
| Comité de pilotage | 19 novembre 2019 | Fauquembelle | Installation du comité |
| Comité technique | 4 février 2020 | Fauquembelle | Fiches actions et calendrier |
| Comité de pilotage | 9 mars 2021 | Visioconférence | Bilan 2020, effets de la crise sanitaire |
| Comité technique | 15 juin 2021 | Sainte-Marie-des-Vallons | Préparation de la revue à mi-parcours |
| Comité de pilotage | 24/11/2022 | Rumelinghe | Revue à mi-parcours, abandon de l'abattoir |
| Comité technique | 11/05/2023 | Fauquembelle | Suivi des engagements |
| Comité technique | 17 septembre 2024 | Fauquembelle | Préparation du bilan final |
| Comité de pilotage | 5 décembre 2024 | Fauquembelle | Bilan de fin de contrat |

Au total, 4 comités de pilotage et 4 comités techniques se sont tenus. Le comité de pilotage du
5 décembre 2024 a validé ce bilan par 11 voix pour et 1 abstention.

## 8. Coopération avec les territoires voisins

Deux actions ont été menées en lien avec la Communauté d'agglomération du Littoral d'Opale : le prolongement
de la véloroute vers Fauquembelle (8 km, porté par la CC3V et mis en service en 2024) et un job dating commun
des métiers de l'agroalimentaire organisé en 2023. Ces actions relèvent du seul contrat des Trois Vallons.

## 9. Recommandations et suites

1. Concentrer le futur contrat sur un nombre réduit d'actions (20 au plus).
2. Sécuriser le foncier avant d'inscrire une zone d'activités.
3. Renforcer l'ingénierie de la CC3V, avec un second poste de chargé de mission.
4. Mesurer les emplois à partir de données vérifiables.
5. Associer davantage les chambres consulaires au suivi.

Actions en cours reportées dans le futur contrat :

| Code | Action | Commune | Reste à engager |
|------|--------|---------|----------------:|
| 1.1.c | Légumerie collective | Fauquembelle | 210 000 € |
| 1.2.a | Modernisation de la laiterie Vallée Verte | Rumelinghe | 180 000 € |
| 1.3.b | Espace test agricole | Hucqueval | 90 000 € |
| 2.1.a | Requalification de la zone du Bois-Joli | Fauquembelle | 260 000 € |
| 2.1.c | Signalétique des zones d'activités | CC3V | 40 000 € |
| 2.2.b | Aide à la transmission artisanale, second appel | CC3V | 70 000 € |
| 3.1.a | Maison de services au public | Rumelinghe | 150 000 € |
| 3.1.c | Tiers-lieu numérique | Sainte-Marie-des-Vallons | 95 000 € |
| 3.2.b | Permis de conduire solidaire | CC3V | 55 000 € |
| **Total** | **9 actions** | | **1 150 000 €** |

Le futur **Contrat Trois Vallons 2025-2031** doit être signé en septembre 2025. Les 9 actions en cours y
seront reportées et une enveloppe de transition de 450 000 € est prévue au budget 2025 de la communauté de
communes.
"""


def build_md(dest: Path) -> Path:
    p = dest / MD_FILE
    p.write_bytes(MD_TEXT.encode("utf-8"))
    return p


# ---------------------------------------------------------------------------
# 7. pacte.toml
# ---------------------------------------------------------------------------
TOML_TEXT = """\
[territoire]
nom = "Communauté d'agglomération du Littoral d'Opale"
alias = ["CALO", "Littoral d'Opale", "Agglo du Littoral d'Opale", "CA du Littoral d'Opale"]
"""


def build_toml(dest: Path) -> Path:
    p = dest / "pacte.toml"
    p.write_bytes(TOML_TEXT.encode("utf-8"))
    return p


def build(dest: Path) -> list[Path]:
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    return [
        build_evaluation(dest),
        build_slides(dest),
        build_cr(dest),
        build_xlsx(dest),
        build_docx(dest),
        build_md(dest),
        build_toml(dest),
    ]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python build.py DEST")
    for path in build(Path(sys.argv[1])):
        print(path)
