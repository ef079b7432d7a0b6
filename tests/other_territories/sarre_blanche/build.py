#!/usr/bin/env python3
"""Générateur déterministe du corpus « Pacte territorial Sarre Blanche » (fictif).

Usage : python build.py DESTINATION
Produit 6 documents + pacte.toml. Aucune source d'aléa ni d'horloge.
"""
import csv
import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace
import docx
from docx.shared import Pt, Cm
from docx.enum.text import WD_ALIGN_PARAGRAPH

FIXED_DATE = datetime(2024, 1, 1, tzinfo=timezone.utc)
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
NB = "\u00a0"

# ---------------------------------------------------------------------------
# Typographie française
# ---------------------------------------------------------------------------

def nb(s: str) -> str:
    """Insère des espaces insécables (milliers, unités, guillemets)."""
    s = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", NB, s)
    s = re.sub(r"(?<=\d) (?=(%|€|M€|k€|ha\b|km\b|m²|ETP\b|pts?\b|GWh\b))", NB, s)
    s = s.replace("« ", "«" + NB).replace(" »", NB + "»")
    s = re.sub(r" (?=[?;:!](\s|$))", NB, s)
    return s


def fr_int(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def fr_eur(n: int) -> str:
    return fr_int(n) + " €"


def fr_dec(x: float, d: int = 1) -> str:
    return f"{x:.{d}f}".replace(".", ",")


def fr_pct(x: float, d: int = 1) -> str:
    return fr_dec(x, d) + " %"


def fr_meur(n: int) -> str:
    return fr_dec(n / 1e6, 2).rstrip("0").rstrip(",") + " M€"


# ---------------------------------------------------------------------------
# Données de référence (toutes fictives)
# ---------------------------------------------------------------------------

AXES = {
    1: "Conforter le tissu productif et l'accueil d'entreprises",
    2: "Rapprocher les compétences des besoins des employeurs",
    3: "Valoriser les ressources forestières et touristiques du massif",
    4: "Renforcer l'attractivité résidentielle et numérique",
}

OBJECTIFS = {
    "1.1": "Requalifier et commercialiser le foncier économique",
    "1.2": "Soutenir la création, la reprise et la transmission d'entreprises",
    "1.3": "Accompagner la modernisation industrielle des PME",
    "2.1": "Développer une offre de formation qualifiante de proximité",
    "2.2": "Faciliter le recrutement et l'insertion professionnelle",
    "3.1": "Structurer la filière forêt-bois locale",
    "3.2": "Développer le tourisme de pleine nature",
    "4.1": "Accélérer la couverture numérique et le réseau de tiers-lieux",
    "4.2": "Faire connaître le territoire auprès des actifs et des entreprises",
}

# Code ; Intitulé ; Pilote ; Budget prévu ; Budget consommé ; Avancement ; Statut ; Commentaire
ACTIONS = [
    ("1.1.1", "Requalification de la friche des Forges de Vallerhof (9,2 ha)", "CC du Pays de Blanchemont", 1850000, 1790000, 100, "Réalisée", "Friche livrée en octobre 2021 ; 6 lots sur 7 commercialisés"),
    ("1.1.2", "Extension de la zone d'activités du Haut-Champ à Blanchemont-sur-Sarre (12,5 ha)", "CC du Pays de Blanchemont", 1400000, 1120000, 85, "En cours", "Tranche 2 (4,3 ha) en travaux, achèvement prévu fin 2023"),
    ("1.1.3", "Hôtel d'entreprises de Saint-Quirin-les-Forges (1 800 m²)", "CC des Vallées du Donon", 960000, 955000, 100, "Réalisée", "Taux d'occupation de 83 % en décembre 2022"),
    ("1.1.4", "Atelier-relais agroalimentaire de Lorvillers (2 400 m²)", "CC du Plateau lorrain sud", 1100000, 0, 0, "Abandonnée", "Retrait de l'entreprise utilisatrice en 2020 (crise sanitaire)"),
    ("1.2.1", "Prêts d'honneur à la création et à la reprise", "Initiative Sarre Blanche", 420000, 420000, 100, "Réalisée", "247 entreprises accompagnées, 96 prêts d'honneur accordés"),
    ("1.2.2", "Programme Cédants-repreneurs", "Chambre de métiers et de l'artisanat de la Moselle", 180000, 152000, 90, "En cours", "38 transmissions accompagnées depuis 2019"),
    ("1.2.3", "Chèque création commerce en centre-bourg", "PETR", 250000, 198000, 100, "Réalisée", "41 commerces aidés dans 17 communes"),
    ("1.3.1", "Diagnostics Industrie du futur dans les PME", "Région Grand Est", 320000, 264000, 80, "En cours", "33 diagnostics réalisés sur 40 prévus"),
    ("1.3.2", "Club des industriels de la Sarre Blanche", "PETR", 60000, 58000, 100, "Réalisée", "52 entreprises adhérentes en 2022"),
    ("1.3.3", "Plateforme mutualisée de maintenance industrielle", "CC des Vallées du Donon", 540000, 0, 0, "Non engagée", "Étude de faisabilité non concluante ; report au prochain contrat"),
    ("2.1.1", "Antenne de formation du GRETA à Blanchemont-sur-Sarre", "GRETA Lorraine Sud", 780000, 772000, 100, "Réalisée", "Ouverte en septembre 2019 ; 12 sessions par an"),
    ("2.1.2", "Formations qualifiantes aux métiers de l'industrie (CQPM)", "Région Grand Est", 640000, 618000, 100, "Réalisée", "412 stagiaires formés entre 2018 et 2022"),
    ("2.1.3", "Campus connecté de Blanchemont-sur-Sarre", "CC du Pays de Blanchemont", 350000, 0, 0, "Non engagée", "Candidature non retenue à l'appel à projets national de 2020"),
    ("2.1.4", "Parcours Compétences bois-forêt", "Lycée forestier de Neufmoulin-en-Donon", 210000, 0, 0, "Abandonnée", "Intégré au programme régional de la filière en 2021"),
    ("2.2.1", "Plateforme emploi-recrutement Sarre Blanche Emploi", "PETR", 290000, 276000, 100, "Réalisée", "281 recrutements facilités ; 164 employeurs inscrits"),
    ("2.2.2", "Job datings et forums de l'alternance", "Pôle emploi", 75000, 71000, 100, "Réalisée", "9 éditions ; 1 930 participants"),
    ("2.2.3", "Mobilité solidaire : location de véhicules et permis accompagné", "Mission locale du Sud mosellan", 230000, 141000, 60, "En cours", "186 bénéficiaires ; flotte de 14 véhicules"),
    ("2.2.4", "Groupement d'employeurs multisectoriel", "CC du Plateau lorrain sud", 120000, 0, 0, "Non engagée", "Aucun porteur associatif identifié"),
    ("3.1.1", "Plan de développement de massif pour la forêt privée", "CNPF Grand Est", 160000, 160000, 100, "Réalisée", "5 120 ha dotés d'un document de gestion"),
    ("3.1.2", "Desserte forestière du massif du Haut-Donon (18 km)", "ONF", 890000, 610000, 70, "En cours", "12,4 km de pistes réalisés sur 18 km"),
    ("3.1.3", "Aide à l'investissement des scieries et de la seconde transformation", "Région Grand Est", 700000, 505000, 100, "Réalisée", "21 entreprises aidées ; enveloppe sous-consommée"),
    ("3.1.4", "Plateforme bois-énergie de Neufmoulin-en-Donon", "CC des Vallées du Donon", 480000, 0, 0, "Abandonnée", "Concurrence d'une plateforme privée ouverte en 2019"),
    ("3.2.1", "Véloroute de la Sarre Blanche (boucle de 42 km)", "PETR", 1300000, 980000, 75, "En cours", "31 km ouverts ; bouclage complet attendu en 2024"),
    ("3.2.2", "Balisage et labellisation de sentiers de randonnée", "Office de tourisme intercommunal Sarre Blanche-Donon", 95000, 93000, 100, "Réalisée", "65 km balisés et labellisés"),
    ("3.2.3", "Hébergements insolites en forêt", "CC du Pays de Blanchemont", 400000, 0, 0, "Non engagée", "Maîtrise foncière non obtenue"),
    ("4.1.1", "Montée en débit et raccordement des zones blanches", "Moselle Fibre", 1200000, 1200000, 100, "Réalisée", "97 % des locaux raccordables fin 2022"),
    ("4.1.2", "Réseau de tiers-lieux (5 sites)", "PETR", 520000, 410000, 80, "En cours", "4 tiers-lieux ouverts ; le 5e à Lettenbach-sous-Roche en 2024"),
    ("4.1.3", "Bus numérique itinérant", "CC du Plateau lorrain sud", 150000, 12000, 0, "Abandonnée", "Remplacé par des conseillers numériques financés par l'État"),
    ("4.2.1", "Marque territoriale et portail d'attractivité", "PETR", 230000, 221000, 100, "Réalisée", "74 500 visiteurs uniques en 2022"),
    ("4.2.2", "Dispositif d'accueil des nouveaux actifs Welcome Sarre Blanche", "PETR", 140000, 131000, 100, "Réalisée", "118 actifs et leurs familles accueillis"),
    ("4.2.3", "Prospection d'entreprises exogènes (salons, démarchage)", "PETR", 180000, 0, 0, "Non engagée", "Reportée faute de chargé de mission (poste non pourvu)"),
]

STATUTS = ["Réalisée", "En cours", "Abandonnée", "Non engagée"]


def stats():
    d = {"axes": {}}
    for ax in range(1, 5):
        rows = [a for a in ACTIONS if a[0].startswith(f"{ax}.")]
        cnt = {s: sum(1 for a in rows if a[6] == s) for s in STATUTS}
        d["axes"][ax] = {
            "n": len(rows), "cnt": cnt,
            "prevu": sum(a[3] for a in rows), "conso": sum(a[4] for a in rows),
        }
    d["n"] = len(ACTIONS)
    d["cnt"] = {s: sum(1 for a in ACTIONS if a[6] == s) for s in STATUTS}
    d["prevu"] = sum(a[3] for a in ACTIONS)
    d["conso"] = sum(a[4] for a in ACTIONS)
    return d


# Financement du réalisé (total = budget consommé)
FINANCEURS = [
    ("Région Grand Est", 4600000),
    ("État (DETR, DSIL, France Relance)", 1350000),
    ("Union européenne (FEADER – programme LEADER)", 1080000),
    ("Département de la Moselle", 620000),
    ("EPCI membres et communes", 2870000),
    ("Maîtres d'ouvrage privés et consulaires", 637000),
]

COPIL = [
    ("1", "14 mars 2018", "Blanchemont-sur-Sarre, Maison du Pays", "Installation du comité ; adoption du règlement intérieur et du tableau de bord"),
    ("2", "20 novembre 2018", "Saint-Quirin-les-Forges", "Premier bilan annuel ; programmation de 9 actions"),
    ("3", "4 juin 2019", "Lorvillers", "Lancement de la plateforme Sarre Blanche Emploi"),
    ("4", "10 décembre 2019", "Blanchemont-sur-Sarre, Maison du Pays", "Bilan 2019 ; revue des actions non engagées"),
    ("5", "7 juillet 2020", "Visioconférence", "Impacts de la crise sanitaire ; mesures d'urgence"),
    ("6", "15 septembre 2020", "Blanchemont-sur-Sarre, Maison du Pays", "Validation du projet d'avenant n° 1"),
    ("7", "18 mai 2021", "Neufmoulin-en-Donon", "Bilan 2020 ; abandon de la plateforme bois-énergie"),
    ("8", "30 novembre 2021", "Hartzviller-la-Côte", "Revue à mi-parcours ; cahier des charges de l'évaluation"),
    ("9", "21 juin 2022", "Blanchemont-sur-Sarre, Maison du Pays", "Bilan 2021 ; choix du prestataire d'évaluation"),
    ("10", "13 décembre 2022", "Saint-Quirin-les-Forges", "Point d'étape de l'évaluation ; premiers constats"),
    ("11", "11 mai 2023", "Blanchemont-sur-Sarre, Maison du Pays", "Restitution du rapport final d'évaluation et des recommandations"),
]

REPORT_HEADER = "PETR du Pays de la Vallée de la Sarre Blanche – Évaluation du PTEA 2018-2022 – Rapport final"


class Doc(FPDF):
    """PDF A4 avec polices DejaVu, en-tête courant et pagination."""

    def __init__(self, orientation="P", header_text=None, footer=True):
        super().__init__(orientation=orientation, unit="mm", format="A4")
        self.header_text = header_text
        self.with_footer = footer
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.add_font("DejaVu", "I", str(FONT_DIR / "DejaVuSans-Oblique.ttf"))
        self.set_creation_date(FIXED_DATE)
        self.set_creator("build.py")
        self.set_producer("fpdf2")
        self.set_font("DejaVu", "", 10)

    def header(self):
        if not self.header_text or self.page_no() == 1:
            return
        self.set_font("DejaVu", "", 7.5)
        self.set_text_color(110, 110, 110)
        self.set_xy(self.l_margin, 8)
        self.cell(0, 5, self.header_text, align="L")
        self.set_draw_color(170, 170, 170)
        self.line(self.l_margin, 14, self.w - self.r_margin, 14)
        self.set_text_color(0, 0, 0)
        self.set_y(20)

    def footer(self):
        if not self.with_footer or self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, f"Page {self.page_no()} / {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def save_pdf(pdf: FPDF, path: Path) -> Path:
    pdf.output(str(path))
    return path


# ---------------------------------------------------------------------------
# Document 1 : rapport d'évaluation (PDF portrait, ~24 pages)
# ---------------------------------------------------------------------------

def lc(s):
    return s[0].lower() + s[1:]


def status_rows(st):
    rows = []
    for ax in range(1, 5):
        a = st["axes"][ax]
        r = [f"Axe {ax}"]
        for s in STATUTS:
            r.append(f"{a['cnt'][s]} ({fr_pct(100 * a['cnt'][s] / a['n'])})")
        r.append(str(a["n"]))
        rows.append(r)
    r = ["Ensemble"]
    for s in STATUTS:
        r.append(f"{st['cnt'][s]} ({fr_pct(100 * st['cnt'][s] / st['n'])})")
    r.append(str(st["n"]))
    rows.append(r)
    return rows


def finance_rows(st):
    rows = []
    for ax in range(1, 5):
        a = st["axes"][ax]
        rows.append([f"Axe {ax} – {AXES[ax]}", fr_eur(a["prevu"]), fr_eur(a["conso"]),
                     fr_pct(100 * a["conso"] / a["prevu"])])
    rows.append(["Total", fr_eur(st["prevu"]), fr_eur(st["conso"]), fr_pct(100 * st["conso"] / st["prevu"])])
    return rows


def actions_rows(ax):
    return [[a[0], a[1], a[6], f"{a[5]} %"] for a in ACTIONS if a[0].startswith(f"{ax}.")]


IND = {
    1: [
        ["Surface de foncier économique aménagée ou requalifiée (ha)", "35", "28,4", "-6,6"],
        ["Entreprises accompagnées à la création ou à la reprise", "220", "247", "+27"],
        ["Emplois créés ou maintenus (toutes actions de l'axe)", "260", "214", "-46"],
        ["Diagnostics Industrie du futur réalisés", "40", "33", "-7"],
        ["Surface d'immobilier d'entreprise livrée (m²)", "6 000", "1 800", "-4 200"],
    ],
    2: [
        ["Stagiaires formés sur le territoire", "900", "1 046", "+146"],
        ["Taux d'accès à l'emploi six mois après la formation", "60 %", "54 %", "-6 pts"],
        ["Contrats d'alternance signés", "300", "268", "-32"],
        ["Recrutements facilités par la plateforme", "250", "281", "+31"],
        ["Bénéficiaires des aides à la mobilité", "250", "186", "-64"],
    ],
    3: [
        ["Forêt privée dotée d'un document de gestion (ha)", "4 500", "5 120", "+620"],
        ["Entreprises de la filière bois aidées", "30", "21", "-9"],
        ["Itinéraires de randonnée et véloroute ouverts (km)", "120", "96", "-24"],
        ["Nuitées marchandes annuelles (2022)", "410 000", "372 000", "-38 000"],
        ["Emplois créés ou maintenus (axe 3)", "80", "61", "-19"],
    ],
    4: [
        ["Locaux raccordables à la fibre optique", "90 %", "97 %", "+7 pts"],
        ["Tiers-lieux ouverts", "5", "4", "-1"],
        ["Nouveaux actifs accueillis via le dispositif d'accueil", "150", "118", "-32"],
        ["Visiteurs uniques annuels du portail d'attractivité", "60 000", "74 500", "+14 500"],
        ["Emplois créés ou maintenus (axe 4)", "60", "37", "-23"],
    ],
}


def report_blocks(st):
    B = []
    P = lambda t: B.append(("p", t))
    H1 = lambda t: B.append(("h1", t))
    H2 = lambda t: B.append(("h2", t))
    UL = lambda items: B.append(("ul", items))
    BR = lambda: B.append(("br",))
    TAB = lambda cap, head, rows, w, al=None: B.append(("table", cap, head, rows, w, al))
    BOX = lambda title, t: B.append(("box", title, t))

    conso_pct = fr_pct(100 * st["conso"] / st["prevu"])
    reg_share = fr_pct(100 * 4600000 / st["conso"])
    levier = fr_dec((st["conso"] - 4600000) / 4600000, 2)
    eng = st["cnt"]["Réalisée"] + st["cnt"]["En cours"]

    # --- Sommaire ---
    H1("Sommaire")
    UL([
        "Synthèse exécutive",
        "1. Contexte et objet de l'évaluation",
        "2. Méthodologie",
        "3. Bilan global de la mise en œuvre",
        "4. Axe 1 – " + AXES[1],
        "5. Axe 2 – " + AXES[2],
        "6. Axe 3 – " + AXES[3],
        "7. Axe 4 – " + AXES[4],
        "8. Enseignements des études de cas",
        "9. Appréciation évaluative d'ensemble",
        "10. Recommandations pour le futur contrat",
        "Annexe 1 – Réunions du comité de pilotage",
        "Annexe 2 – Structures consultées",
        "Annexe 3 – Glossaire des sigles",
    ])
    P("Le présent rapport a été établi par le cabinet Territoires & Mesures (Nancy) pour le compte du Pôle d'équilibre territorial et rural (PETR) du Pays de la Vallée de la Sarre Blanche. Il a été présenté au comité de pilotage du 11 mai 2023. Les données financières sont arrêtées au 31 décembre 2022 ; les indicateurs de réalisation portent sur la période du 14 mars 2018 au 31 décembre 2022.")
    P("Toutes les valeurs monétaires sont exprimées en euros courants, toutes taxes comprises lorsque la dépense est inéligible à la récupération de TVA et hors taxes dans le cas contraire. Les pourcentages sont arrondis à une décimale, ce qui peut entraîner de légers écarts dans les totaux.")
    BR()

    # --- Synthèse exécutive ---
    H1("Synthèse exécutive")
    P(f"Signé le 14 mars 2018 entre la Région Grand Est et le PETR du Pays de la Vallée de la Sarre Blanche, le Pacte territorial pour l'emploi et l'attractivité (PTEA) couvrait la période 2018-2022. Il s'organisait en 4 axes stratégiques, 9 objectifs opérationnels et {st['n']} actions, pour un budget prévisionnel de {fr_eur(st['prevu'])}. L'évaluation finale, conduite de septembre 2022 à mars 2023, visait à mesurer ce que le pacte a réellement produit et à préparer le contrat qui lui succédera.")
    BOX("Les chiffres à retenir", f"{eng} actions sur {st['n']} réalisées ou en cours, soit 71 % ; {fr_eur(st['conso'])} consommés ({conso_pct} du prévisionnel) ; 4,6 M€ de crédits régionaux mobilisés ; 312 emplois créés ou maintenus pour une cible de 400 ; 28,4 ha de foncier économique aménagés ou requalifiés ; 1 046 stagiaires formés sur le territoire.")
    P(f"Le bilan quantitatif est contrasté. D'un côté, {st['cnt']['Réalisée']} actions sont achevées et {st['cnt']['En cours']} sont en cours d'exécution, de sorte que près des trois quarts du programme ont connu un début de réalisation. De l'autre, {st['cnt']['Abandonnée']} actions ont été abandonnées et {st['cnt']['Non engagée']} n'ont jamais démarré, pour des raisons qui tiennent principalement à l'absence de porteur de projet, à la maîtrise foncière et, en 2020, aux effets de la crise sanitaire.")
    P("Les réussites les plus nettes concernent la requalification de la friche des Forges de Vallerhof, la plateforme de recrutement Sarre Blanche Emploi, l'antenne de formation ouverte à Blanchemont-sur-Sarre et la couverture numérique, qui dépasse désormais 97 % des locaux. Les résultats sont plus décevants pour la filière bois, pour l'immobilier d'entreprise et pour la prospection d'entreprises extérieures, faute d'ingénierie dédiée.")
    P("L'effet sur l'emploi reste difficile à isoler de la conjoncture : le taux de chômage de la zone est passé de 7,9 % fin 2017 à 6,4 % fin 2022, une baisse comparable à celle observée dans l'ensemble du département. Les 312 emplois comptabilisés (198 créations nettes et 114 maintiens) correspondent aux déclarations des bénéficiaires, recoupées avec les données de l'URSSAF lorsque cela était possible.")
    P("L'évaluation formule huit recommandations, numérotées de R1 à R8. Les plus structurantes portent sur le resserrement du futur contrat autour de trois axes et d'une vingtaine d'actions au plus (R1), la création d'une stratégie foncière compatible avec l'objectif de zéro artificialisation nette (R2) et le recrutement d'un chargé de mission dédié à la prospection (R4). Le comité de pilotage du 11 mai 2023 a pris acte de ces propositions, soumises ensuite au comité syndical du PETR.")
    BR()

    # --- 1. Contexte ---
    H1("1. Contexte et objet de l'évaluation")
    H2("1.1 Un territoire rural et industriel au pied du Donon")
    P("Le Pays de la Vallée de la Sarre Blanche se situe au sud-est du département de la Moselle, aux confins de l'Alsace et du massif vosgien. Il regroupe 112 communes et 76 850 habitants (recensement de 2020) sur une superficie de 1 128 km², soit une densité de 68 habitants au kilomètre carré, nettement inférieure à la moyenne mosellane. La ville-centre, Blanchemont-sur-Sarre, accueille le siège du PETR à la Maison du Pays ; elle compte 11 940 habitants et concentre près d'un tiers des emplois.")
    P("Le PETR associe trois établissements publics de coopération intercommunale :")
    UL([
        "la communauté de communes du Pays de Blanchemont (41 communes, 38 200 habitants) ;",
        "la communauté de communes des Vallées du Donon (38 communes, 21 450 habitants) ;",
        "la communauté de communes du Plateau lorrain sud (33 communes, 17 200 habitants).",
    ])
    P("L'économie locale repose sur un socle industriel ancien (mécanique, plasturgie, verre, transformation du bois), qui représente encore 27 % des 24 300 emplois au lieu de travail recensés en 2019. La forêt couvre 46 % de la superficie et alimente une quarantaine de scieries et d'entreprises de seconde transformation. Le tourisme de nature, adossé au massif du Donon et aux étangs du plateau, génère environ 340 000 nuitées marchandes par an avant la crise sanitaire.")
    P("Le territoire présentait en 2017 plusieurs fragilités identifiées dans le diagnostic préalable au pacte : un recul démographique de 0,3 % par an entre 2013 et 2019, un vieillissement marqué des chefs d'entreprise (41 % des dirigeants de TPE avaient plus de 55 ans), des difficultés de recrutement dans l'industrie et le bâtiment, une offre de formation concentrée hors du territoire, ainsi que des zones blanches numériques dans les vallées.")
    H2("1.2 Genèse et architecture du pacte")
    P("Le pacte s'inscrit dans la politique régionale de contractualisation avec les territoires engagée par la Région Grand Est à partir de 2017. Approuvé par le comité syndical du PETR le 12 décembre 2017, il a été signé le 14 mars 2018 à Blanchemont-sur-Sarre. Un avenant n° 1, signé le 23 septembre 2020, a redéployé 640 000 € vers les aides au commerce et la mobilité solidaire afin de répondre aux conséquences de la crise sanitaire.")
    P("L'architecture du pacte comprend quatre axes stratégiques, déclinés en neuf objectifs opérationnels :")
    UL([
        "Axe 1 – " + AXES[1] + " : objectifs 1.1 (" + lc(OBJECTIFS["1.1"]) + "), 1.2 (" + lc(OBJECTIFS["1.2"]) + ") et 1.3 (" + lc(OBJECTIFS["1.3"]) + ") ;",
        "Axe 2 – " + AXES[2] + " : objectifs 2.1 (" + lc(OBJECTIFS["2.1"]) + ") et 2.2 (" + lc(OBJECTIFS["2.2"]) + ") ;",
        "Axe 3 – " + AXES[3] + " : objectifs 3.1 (" + lc(OBJECTIFS["3.1"]) + ") et 3.2 (" + lc(OBJECTIFS["3.2"]) + ") ;",
        "Axe 4 – " + AXES[4] + " : objectifs 4.1 (" + lc(OBJECTIFS["4.1"]) + ") et 4.2 (" + lc(OBJECTIFS["4.2"]) + ").",
    ])
    P(f"Chaque objectif opérationnel était décliné en fiches-actions précisant le maître d'ouvrage, le plan de financement prévisionnel, le calendrier et un ou plusieurs indicateurs. Au total, {st['n']} fiches-actions ont été inscrites au pacte. La Région s'était engagée sur une enveloppe indicative de 5,2 M€, dont 4,6 M€ ont finalement été mobilisés.")
    H2("1.3 Objet et questions évaluatives")
    P("L'évaluation finale était prévue par l'article 9 du pacte. Son cahier des charges, validé par le comité de pilotage du 30 novembre 2021, lui assignait une double fonction : rendre compte de l'utilisation des fonds publics et éclairer la préparation du contrat suivant. Six questions évaluatives ont été retenues :")
    UL([
        "Q1 – Pertinence : les objectifs du pacte répondaient-ils aux besoins du territoire identifiés en 2017 et restent-ils d'actualité ?",
        "Q2 – Cohérence : le pacte s'est-il articulé avec les autres dispositifs (programme LEADER, Territoires d'industrie, Petites villes de demain) ?",
        "Q3 – Efficacité : dans quelle mesure les réalisations et résultats attendus ont-ils été atteints ?",
        "Q4 – Efficience : les moyens financiers et humains ont-ils été proportionnés aux résultats ?",
        "Q5 – Gouvernance : le pilotage a-t-il permis d'adapter le programme aux évolutions du contexte ?",
        "Q6 – Impact : quels effets durables sur l'emploi et l'attractivité peut-on raisonnablement attribuer au pacte ?",
    ])
    BR()

    # --- 2. Méthodologie ---
    H1("2. Méthodologie")
    H2("2.1 Démarche et calendrier")
    P("Le PETR a confié l'évaluation au cabinet Territoires & Mesures, retenu à l'issue d'une consultation lancée en avril 2022 (quatre offres reçues). Le marché, d'un montant de 38 500 € HT, a été notifié le 29 juillet 2022. La mission s'est déroulée en trois phases :")
    UL([
        "phase 1 – structuration et analyse documentaire (5 septembre – 21 octobre 2022) : reconstitution de la logique d'intervention, consolidation du tableau de suivi des actions, analyse des rapports annuels ;",
        "phase 2 – collecte et analyse (24 octobre 2022 – 10 février 2023) : entretiens, enquêtes, ateliers et études de cas ;",
        "phase 3 – jugement évaluatif et recommandations (13 février – 31 mars 2023) : rédaction du rapport final, remis le 31 mars 2023.",
    ])
    P("Un comité technique restreint, réunissant le PETR, les services de la Maison de la Région de Sarreguemines et les développeurs économiques des trois communautés de communes, a suivi la mission à chaque étape. Il s'est réuni à cinq reprises entre septembre 2022 et mars 2023.")
    H2("2.2 Sources et outils de collecte")
    P("L'évaluation combine des sources quantitatives et qualitatives :")
    UL([
        "46 entretiens individuels ou collectifs auprès d'élus, de techniciens, de financeurs, de chefs d'entreprise et de partenaires de l'emploi ;",
        "une enquête en ligne auprès des 812 entreprises de plus de trois salariés du territoire, qui a recueilli 187 réponses (taux de réponse de 23 %) ;",
        "une enquête auprès des stagiaires des formations soutenues (214 réponses exploitables) ;",
        "trois ateliers participatifs, tenus à Blanchemont-sur-Sarre le 17 janvier 2023, à Saint-Quirin-les-Forges le 19 janvier 2023 et à Lorvillers le 24 janvier 2023, qui ont réuni 94 participants ;",
        "quatre études de cas approfondies : la friche des Forges de Vallerhof, la plateforme Sarre Blanche Emploi, la véloroute de la Sarre Blanche et le réseau de tiers-lieux ;",
        "l'exploitation des données statistiques de l'INSEE, de l'URSSAF, de Pôle emploi et de l'observatoire régional du tourisme.",
    ])
    P("Le tableau de suivi des actions, tenu par l'équipe du PETR, a été fiabilisé par rapprochement avec les conventions financières et les états de paiement de la Région. Les montants consommés correspondent aux dépenses justifiées et payées au 31 décembre 2022.")
    H2("2.3 Limites de l'exercice")
    P("Trois limites doivent être gardées à l'esprit. La première tient à l'absence de situation de référence chiffrée pour plusieurs indicateurs, notamment ceux de l'axe 4, qui n'ont été définis qu'en 2019. La deuxième tient au caractère déclaratif du comptage des emplois : les bénéficiaires ont déclaré les emplois créés ou maintenus au moment du solde des aides, sans suivi systématique au-delà. La troisième tient à la période elle-même, marquée par la crise sanitaire de 2020-2021 puis par la hausse des coûts de l'énergie en 2022, qui rendent fragile toute comparaison avec les objectifs fixés en 2018.")
    P("Ces limites n'invalident pas les conclusions, mais elles invitent à lire les écarts entre cibles et réalisations comme des ordres de grandeur plutôt que comme des mesures exactes de la performance du pacte.")
    BR()

    # --- 3. Bilan global ---
    H1("3. Bilan global de la mise en œuvre")
    H2("3.1 Avancement des actions")
    P(f"Au 31 décembre 2022, sur les {st['n']} actions inscrites au pacte, {st['cnt']['Réalisée']} étaient réalisées, {st['cnt']['En cours']} en cours, {st['cnt']['Abandonnée']} abandonnées et {st['cnt']['Non engagée']} non engagées. Le taux d'engagement, qui rapporte les actions réalisées ou en cours au total, s'établit à 71 %. Il varie sensiblement d'un axe à l'autre, de 62,5 % pour l'axe 2 à 80 % pour l'axe 1.")
    TAB("Tableau 1 – Statut des actions par axe au 31 décembre 2022 (nombre et part de l'axe)",
        ["Axe", "Réalisée", "En cours", "Abandonnée", "Non engagée", "Total"],
        status_rows(st), (22, 30, 30, 32, 32, 18), ("LEFT", "CENTER", "CENTER", "CENTER", "CENTER", "CENTER"))
    P("Les abandons s'expliquent par des causes identifiables : retrait de l'entreprise qui devait occuper l'atelier-relais de Lorvillers, concurrence d'une plateforme bois-énergie privée, intégration d'un parcours de formation dans un programme régional, remplacement du bus numérique par un dispositif national. Les actions non engagées relèvent pour la plupart d'un défaut de portage ou de maîtrise foncière.")
    H2("3.2 Bilan financier")
    P(f"Le budget prévisionnel total des actions s'élevait à {fr_eur(st['prevu'])}. Au 31 décembre 2022, {fr_eur(st['conso'])} avaient été consommés, soit un taux de consommation de {conso_pct}. Ce taux, supérieur au taux observé sur les précédents contrats de territoire, masque toutefois des écarts importants entre les axes.")
    TAB("Tableau 2 – Budget prévu et consommé par axe (en euros)",
        ["Axe", "Budget prévu", "Budget consommé", "Taux"],
        finance_rows(st), (82, 32, 34, 22), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    P(f"La Région Grand Est a apporté 4,6 M€, soit {reg_share} des dépenses réalisées. Chaque euro régional a ainsi accompagné {levier} € d'autres financements. La répartition des cofinancements figure dans le tableau 3.")
    TAB("Tableau 3 – Plan de financement des dépenses réalisées",
        ["Financeur", "Montant", "Part"],
        [[f, fr_eur(m), fr_pct(100 * m / st["conso"])] for f, m in FINANCEURS] + [["Total", fr_eur(st["conso"]), "100,0 %"]],
        (95, 42, 33), ("LEFT", "RIGHT", "RIGHT"))
    H2("3.3 Gouvernance et pilotage")
    P("Le pacte était piloté par un comité de pilotage coprésidé par le président du PETR et par le vice-président de la Région chargé de l'aménagement du territoire. Il réunissait les présidents des trois communautés de communes, les services de l'État, le Département de la Moselle, les chambres consulaires, Pôle emploi et le groupe d'action locale LEADER. Il s'est réuni onze fois entre mars 2018 et mai 2023 (voir l'annexe 1). Un comité technique, animé par le chef de projet du PETR, s'est réuni 19 fois sur la même période.")
    P("L'équipe d'animation du PETR représentait 2,5 équivalents temps plein : un chef de projet, une chargée de mission emploi-formation et un demi-poste de gestionnaire administrative et financière. Le poste de chargé de mission prospection, prévu en 2019, n'a jamais été pourvu malgré deux campagnes de recrutement, ce qui explique en partie la non-réalisation de l'action 4.2.3.")
    P("Les acteurs interrogés reconnaissent la qualité du dialogue entre le PETR et la Région, mais regrettent un comité de pilotage jugé trop formel, centré sur la programmation financière plutôt que sur les résultats. Les entreprises n'y étaient représentées qu'indirectement, par les chambres consulaires.")
    H2("3.4 Articulation avec les autres politiques publiques")
    P("Le pacte n'était pas le seul outil contractuel mobilisé sur le territoire. Le programme LEADER 2014-2022, géré par le groupe d'action locale de la Sarre Blanche, disposait d'une enveloppe de 1,9 M€ de FEADER, dont plus de la moitié a été orientée vers des projets également inscrits au pacte. Le contrat de ruralité signé avec l'État en 2017, puis le contrat de relance et de transition écologique conclu en 2021, ont apporté des crédits d'investissement (DETR, DSIL) à plusieurs opérations de l'axe 1.")
    P("Le Département de la Moselle est intervenu au titre de son dispositif d'aide aux territoires, principalement sur la véloroute et sur les tiers-lieux. Les trois communautés de communes ont par ailleurs conservé leurs propres régimes d'aides à l'immobilier d'entreprise, parfois sans coordination avec le pacte, ce qui a pu brouiller la lisibilité de l'offre de services pour les chefs d'entreprise.")
    P("Enfin, la participation de Blanchemont-sur-Sarre et de Saint-Quirin-les-Forges au programme Petites villes de demain a permis, à partir de 2021, de financer deux chefs de projet de revitalisation dont l'action a renforcé celle du chèque création commerce. L'évaluation recommande de formaliser ces complémentarités dans le futur contrat, au moyen d'une matrice de financement par action.")
    BR()

    # --- 4. Axe 1 ---
    H1("4. Axe 1 – " + AXES[1])
    P(f"L'axe 1 était le plus doté du pacte, avec {fr_eur(st['axes'][1]['prevu'])} de budget prévisionnel, soit 44 % du total. Il regroupait dix actions réparties entre trois objectifs opérationnels. Il a concentré 214 des 312 emplois créés ou maintenus.")
    H2("4.1 Objectif 1.1 – " + OBJECTIFS["1.1"])
    P("La requalification de la friche des Forges de Vallerhof constitue la réalisation emblématique du pacte. Ce site de 9,2 ha, fermé en 2009, a été dépollué, démoli partiellement puis viabilisé entre 2019 et 2021. Livré en octobre 2021, il a accueilli six entreprises sur sept lots disponibles, dont un fabricant de menuiseries industrielles qui y a transféré 58 salariés et en a recruté 23 autres. Le coût final (1 790 000 €) est resté inférieur de 3 % à l'estimation initiale.")
    P("L'extension de la zone d'activités du Haut-Champ, à Blanchemont-sur-Sarre, porte sur 12,5 ha. La première tranche (8,2 ha) est commercialisée à 75 % ; la seconde (4,3 ha) était en travaux fin 2022, avec un achèvement annoncé pour la fin 2023. En ajoutant 6,7 ha de petites friches communales traitées grâce au fonds friches de l'État, la surface aménagée ou requalifiée atteint 28,4 ha pour un objectif de 35 ha.")
    P("L'hôtel d'entreprises de Saint-Quirin-les-Forges (1 800 m²) a ouvert en avril 2020, en pleine crise sanitaire ; son taux d'occupation atteignait 83 % en décembre 2022. En revanche, l'atelier-relais agroalimentaire de Lorvillers (2 400 m²) a été abandonné après le retrait, en 2020, de l'entreprise qui devait l'occuper. L'objectif de 6 000 m² d'immobilier d'entreprise livré n'est donc atteint qu'à 30 %.")
    H2("4.2 Objectif 1.2 – " + OBJECTIFS["1.2"])
    P("La plateforme Initiative Sarre Blanche a accompagné 247 créateurs et repreneurs, au-delà de l'objectif de 220, et accordé 96 prêts d'honneur pour un montant moyen de 8 400 €. Le taux de pérennité à trois ans des entreprises accompagnées atteint 86 %, contre 68 % pour l'ensemble des créations de la zone.")
    P("Le programme Cédants-repreneurs, conduit par la Chambre de métiers et de l'artisanat de la Moselle, a permis 38 transmissions depuis 2019, principalement dans le bâtiment et l'alimentation. Le chèque création commerce, doté de 250 000 €, a soutenu 41 commerces dans 17 communes ; son montant plafond de 6 000 € par projet a été relevé à 8 000 € par l'avenant de 2020.")
    H2("4.3 Objectif 1.3 – " + OBJECTIFS["1.3"])
    P("Trente-trois diagnostics « Industrie du futur » ont été réalisés dans les PME industrielles, sur 40 prévus. Un tiers d'entre eux a débouché sur un investissement soutenu par la Région. Le Club des industriels de la Sarre Blanche, créé en 2018, rassemblait 52 entreprises adhérentes en 2022 ; il organise quatre rencontres par an et a porté une démarche collective de recrutement d'alternants.")
    P("La plateforme mutualisée de maintenance industrielle n'a pas été engagée : l'étude de faisabilité conduite en 2021 a conclu à un marché insuffisant à l'échelle du seul PETR. Les industriels rencontrés souhaitent que ce projet soit réexaminé à une échelle plus large, éventuellement avec les territoires voisins.")
    H2("4.4 Indicateurs de l'axe 1")
    TAB("Tableau 4 – Indicateurs de résultat de l'axe 1",
        ["Indicateur", "Cible 2022", "Réalisé", "Écart"], IND[1], (92, 26, 26, 26), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    TAB("Tableau 5 – Avancement des actions de l'axe 1",
        ["Code", "Action", "Statut", "Avancement"], actions_rows(1), (16, 98, 30, 26), ("LEFT", "LEFT", "LEFT", "RIGHT"))
    P("Appréciation : l'axe 1 présente le meilleur taux d'engagement (80 %) et des résultats tangibles en matière de foncier et de création d'entreprises. Sa principale faiblesse réside dans l'immobilier d'entreprise, domaine où le portage public reste indispensable mais risqué en l'absence d'engagement ferme d'un occupant.")
    BR()

    # --- 5. Axe 2 ---
    H1("5. Axe 2 – " + AXES[2])
    P(f"L'axe 2 mobilisait {fr_eur(st['axes'][2]['prevu'])} de budget prévisionnel répartis sur huit actions. Il répondait à un constat largement partagé en 2017 : les entreprises du territoire peinaient à recruter, alors même que le taux de chômage restait supérieur à la moyenne régionale et que l'offre de formation qualifiante se trouvait principalement à Sarreguemines, Metz ou Strasbourg.")
    H2("5.1 Objectif 2.1 – " + OBJECTIFS["2.1"])
    P("L'antenne de formation du GRETA Lorraine Sud, ouverte en septembre 2019 dans les anciens locaux de la perception de Blanchemont-sur-Sarre, propose douze sessions par an dans les métiers de l'industrie, du soin et de la logistique. Avec les formations qualifiantes financées par la Région (412 stagiaires), elle a permis de former 1 046 personnes sur le territoire, au-delà de l'objectif de 900.")
    P("L'enquête auprès des stagiaires montre une satisfaction élevée (87 % de répondants satisfaits ou très satisfaits) et un taux d'accès à l'emploi de 54 % six mois après la formation, en deçà de la cible de 60 %. L'écart s'explique notamment par la part importante de publics très éloignés de l'emploi accueillis dans les sessions de remobilisation.")
    P("Deux actions n'ont pas abouti. La candidature du territoire à l'appel à projets national « Campus connecté » a été rejetée en 2020, et le parcours « Compétences bois-forêt » a été intégré dès 2021 au programme régional de la filière, ce qui a conduit à son abandon dans le cadre du pacte.")
    H2("5.2 Objectif 2.2 – " + OBJECTIFS["2.2"])
    P("Lancée lors du comité de pilotage du 4 juin 2019, la plateforme Sarre Blanche Emploi rassemble sur un même site les offres des employeurs locaux, un service de présélection des candidats et un accompagnement à l'intégration des nouveaux salariés. Elle compte 164 employeurs inscrits et a facilité 281 recrutements, pour un objectif de 250. Le coût par recrutement facilité, environ 980 €, est jugé raisonnable au regard des dispositifs comparables.")
    P("Les job datings et forums de l'alternance, organisés avec Pôle emploi, ont connu neuf éditions et accueilli 1 930 participants. Le nombre de contrats d'alternance signés (268) reste toutefois inférieur à l'objectif de 300.")
    P("La mobilité solidaire, renforcée par l'avenant de 2020, associe une flotte de 14 véhicules loués à tarif social et un accompagnement au permis de conduire. Elle a bénéficié à 186 personnes, contre 250 attendues. Le groupement d'employeurs multisectoriel n'a pas été créé, faute de porteur associatif.")
    H2("5.3 Indicateurs de l'axe 2")
    TAB("Tableau 6 – Indicateurs de résultat de l'axe 2",
        ["Indicateur", "Cible 2022", "Réalisé", "Écart"], IND[2], (92, 26, 26, 26), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    TAB("Tableau 7 – Avancement des actions de l'axe 2",
        ["Code", "Action", "Statut", "Avancement"], actions_rows(2), (16, 98, 30, 26), ("LEFT", "LEFT", "LEFT", "RIGHT"))
    P("Appréciation : l'axe 2 a produit des résultats supérieurs aux cibles sur les volumes (stagiaires, recrutements) mais présente le taux d'engagement le plus faible (62,5 %). La plateforme Sarre Blanche Emploi apparaît comme l'outil le plus apprécié des employeurs interrogés : 72 % des entreprises qui l'ont utilisée la recommanderaient.")
    BR()

    # --- 6. Axe 3 ---
    H1("6. Axe 3 – " + AXES[3])
    P(f"L'axe 3 regroupait sept actions pour un budget prévisionnel de {fr_eur(st['axes'][3]['prevu'])}. C'est l'axe dont le taux de consommation financière est le plus bas ({fr_pct(100 * st['axes'][3]['conso'] / st['axes'][3]['prevu'])}), en raison de l'abandon de la plateforme bois-énergie et de la non-réalisation des hébergements insolites.")
    H2("6.1 Objectif 3.1 – " + OBJECTIFS["3.1"])
    P("Le plan de développement de massif, animé par le CNPF Grand Est, a permis de doter 5 120 ha de forêt privée d'un document de gestion durable, au-delà de l'objectif de 4 500 ha. Près de 1 300 propriétaires ont été contactés et 212 ont engagé des travaux sylvicoles.")
    P("La desserte forestière du massif du Haut-Donon, sous maîtrise d'ouvrage de l'ONF, prévoyait 18 km de pistes accessibles aux grumiers. Fin 2022, 12,4 km étaient réalisés ; les travaux restants ont été retardés par des contraintes environnementales liées à la présence du grand tétras dans deux secteurs.")
    P("L'aide à l'investissement des scieries et de la seconde transformation a soutenu 21 entreprises pour un objectif de 30. Les entreprises interrogées évoquent des procédures jugées lourdes et un plancher d'investissement de 50 000 €, trop élevé pour les plus petites structures. La plateforme bois-énergie de Neufmoulin-en-Donon a été abandonnée après l'ouverture, en 2019, d'une plateforme privée à moins de 15 km.")
    H2("6.2 Objectif 3.2 – " + OBJECTIFS["3.2"])
    P("La véloroute de la Sarre Blanche, boucle de 42 km reliant Blanchemont-sur-Sarre aux étangs du plateau, était ouverte sur 31 km fin 2022. Les comptages automatiques installés en 2021 ont enregistré 48 600 passages en 2022. Le bouclage complet est attendu en 2024, avec une jonction vers le réseau cyclable de l'agglomération voisine.")
    P("Le balisage et la labellisation de 65 km de sentiers de randonnée ont été menés à bien par l'office de tourisme intercommunal Sarre Blanche-Donon. Ajoutés aux 31 km de véloroute, ils portent à 96 km le linéaire d'itinéraires ouverts, pour un objectif de 120 km. Les nuitées marchandes ont atteint 372 000 en 2022, en progression de 10 % par rapport à 2017 mais en deçà de la cible de 410 000.")
    P("Le projet d'hébergements insolites en forêt n'a pas pu être engagé, la collectivité n'ayant pas obtenu la maîtrise du foncier pressenti.")
    H2("6.3 Indicateurs de l'axe 3")
    TAB("Tableau 8 – Indicateurs de résultat de l'axe 3",
        ["Indicateur", "Cible 2022", "Réalisé", "Écart"], IND[3], (92, 26, 26, 26), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    TAB("Tableau 9 – Avancement des actions de l'axe 3",
        ["Code", "Action", "Statut", "Avancement"], actions_rows(3), (16, 98, 30, 26), ("LEFT", "LEFT", "LEFT", "RIGHT"))
    P("Appréciation : l'axe 3 souffre d'un décalage entre l'ambition affichée pour la filière bois et les moyens d'animation consacrés à cette filière. Le volet touristique obtient de meilleurs résultats, mais reste tributaire de l'achèvement de la véloroute.")
    BR()

    # --- 7. Axe 4 ---
    H1("7. Axe 4 – " + AXES[4])
    P(f"L'axe 4 comptait six actions pour {fr_eur(st['axes'][4]['prevu'])} de budget prévisionnel. Il présente le meilleur taux de consommation ({fr_pct(100 * st['axes'][4]['conso'] / st['axes'][4]['prevu'])}), porté par le déploiement de la fibre optique.")
    H2("7.1 Objectif 4.1 – " + OBJECTIFS["4.1"])
    P("Grâce à la participation du pacte au programme de Moselle Fibre, la part des locaux raccordables à la fibre optique est passée de 38 % en 2017 à 97 % fin 2022. Les zones blanches des vallées de la Bièvre et de la Sarre Rouge ont été résorbées en priorité.")
    P("Le réseau de tiers-lieux comptait quatre sites ouverts fin 2022, à Blanchemont-sur-Sarre, Saint-Quirin-les-Forges, Hartzviller-la-Côte et Lorvillers, pour un total de 86 postes de travail partagés et un taux d'occupation moyen de 58 %. Le cinquième tiers-lieu, à Lettenbach-sous-Roche, doit ouvrir en 2024. Le bus numérique itinérant a été abandonné au profit de trois conseillers numériques financés par l'État.")
    H2("7.2 Objectif 4.2 – " + OBJECTIFS["4.2"])
    P("La marque territoriale « Sarre Blanche, naturellement active », lancée en mai 2019, s'appuie sur un portail d'attractivité qui a reçu 74 500 visiteurs uniques en 2022 et sur un réseau de 63 ambassadeurs. Le dispositif d'accueil des nouveaux actifs, « Welcome Sarre Blanche », a accompagné 118 actifs et leurs familles (recherche de logement, emploi du conjoint, scolarisation), dont 71 se sont installés durablement.")
    P("La prospection d'entreprises extérieures au territoire n'a pas été engagée, faute de chargé de mission. Les élus interrogés considèrent unanimement qu'il s'agit du principal manque du pacte.")
    H2("7.3 Indicateurs de l'axe 4")
    TAB("Tableau 10 – Indicateurs de résultat de l'axe 4",
        ["Indicateur", "Cible 2022", "Réalisé", "Écart"], IND[4], (92, 26, 26, 26), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    TAB("Tableau 11 – Avancement des actions de l'axe 4",
        ["Code", "Action", "Statut", "Avancement"], actions_rows(4), (16, 98, 30, 26), ("LEFT", "LEFT", "LEFT", "RIGHT"))
    P("Appréciation : l'axe 4 a atteint ses objectifs d'infrastructure et de notoriété, mais l'attractivité résidentielle reste fragile : le solde migratoire du territoire demeure négatif (-0,1 % par an), même s'il s'est amélioré depuis 2017.")
    BR()

    # --- 8. Études de cas ---
    H1("8. Enseignements des études de cas")
    P("Quatre opérations ont fait l'objet d'une analyse approfondie, fondée sur des visites de site, l'examen des pièces financières et des entretiens avec les porteurs, les usagers et les partenaires. Elles ont été choisies pour couvrir les quatre axes et pour illustrer des situations contrastées.")
    H2("8.1 La friche des Forges de Vallerhof")
    P("Les Forges de Vallerhof, fondées en 1872, ont cessé leur activité en 2009, entraînant la suppression de 140 emplois. Le site a été acquis en 2016 par l'Établissement public foncier de Grand Est pour le compte de la communauté de communes du Pays de Blanchemont. Les travaux de dépollution, conduits en 2019 et 2020, ont porté sur 11 000 m³ de terres ; la démolition de trois halles et la viabilisation ont suivi en 2020-2021.")
    P("Le coût final de l'opération, soit 1 790 000 €, a été financé à hauteur de 620 000 € par la Région, de 480 000 € par le fonds friches de l'État et de 690 000 € par la communauté de communes. Fin 2022, le site comptait 97 emplois : 58 salariés transférés par le fabricant de menuiseries, 23 recrutements réalisés par ce dernier depuis son installation et 16 emplois dans les cinq autres entreprises.")
    P("Enseignement principal : le portage foncier de long terme par l'établissement public foncier a été déterminant ; sans cette anticipation, engagée deux ans avant la signature du pacte, l'opération n'aurait pas pu être réalisée dans la durée du contrat.")
    H2("8.2 La plateforme Sarre Blanche Emploi")
    P("Animée par deux conseillères en recrutement du PETR, la plateforme associe un site d'offres, un vivier de 1 420 candidats inscrits et un service de présélection. Parmi les 281 recrutements facilités, 62 % ont débouché sur un contrat à durée indéterminée ou un contrat à durée déterminée de plus de six mois. Le délai moyen de recrutement déclaré par les employeurs utilisateurs est passé de 52 à 34 jours.")
    P("Les employeurs soulignent la connaissance fine du tissu local par les conseillères et la réactivité du service. Les limites tiennent à la faible notoriété de la plateforme auprès des entreprises de moins de dix salariés et à un financement assuré d'année en année, sans visibilité pluriannuelle.")
    H2("8.3 La véloroute de la Sarre Blanche")
    P("La boucle de 42 km relie Blanchemont-sur-Sarre, la vallée de la Bièvre et les étangs du plateau. Les 31 km ouverts fin 2022 comprennent trois aires de services et bénéficient de onze hébergeurs et restaurateurs labellisés « Accueil Vélo ». Les retombées économiques directes ont été estimées par l'office de tourisme à 1,1 M€ par an, sur la base des comptages et d'une enquête auprès de 420 usagers.")
    P("Le retard de la dernière section, dû à des acquisitions foncières plus longues que prévu, prive encore l'itinéraire de son caractère de boucle. La jonction prévue en 2024 avec le réseau cyclable de l'agglomération voisine devrait en accroître sensiblement la fréquentation.")
    H2("8.4 Le réseau de tiers-lieux")
    P("Les quatre tiers-lieux ouverts offrent 86 postes de travail partagés et accueillent 310 usagers réguliers, dont 23 % de nouveaux résidents installés sur le territoire depuis moins de trois ans. Ils hébergent également des permanences de services publics et des formations au numérique.")
    P("Leur modèle économique reste fragile : les recettes propres couvrent en moyenne 41 % des charges de fonctionnement, le solde étant assuré par les communautés de communes. L'évaluation invite à mutualiser l'animation à l'échelle du réseau plutôt que site par site.")
    H2("8.5 Ce qu'en disent les entreprises")
    P("L'enquête en ligne menée auprès des entreprises du territoire complète ces études de cas. Ses principaux résultats figurent dans le tableau 12.")
    TAB("Tableau 12 – Principaux résultats de l'enquête auprès des entreprises (187 répondants)",
        ["Question posée", "Oui", "Non", "Sans avis"],
        [["Connaissez-vous le pacte ou l'une de ses actions ?", "58 %", "40 %", "2 %"],
         ["Avez-vous bénéficié d'au moins une action du pacte ?", "34 %", "64 %", "2 %"],
         ["L'action du PETR vous paraît-elle utile à votre entreprise ?", "61 %", "22 %", "17 %"],
         ["Rencontrez-vous des difficultés de recrutement ?", "74 %", "24 %", "2 %"],
         ["Avez-vous un projet foncier ou immobilier d'ici trois ans ?", "27 %", "55 %", "18 %"]],
        (104, 22, 22, 22), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    P("Les chefs d'entreprise placent le recrutement et le foncier en tête de leurs attentes pour le prochain contrat, loin devant les aides financières directes. Plus d'un répondant sur quatre indique un projet d'extension ou de relocalisation, ce qui confirme l'enjeu d'une stratégie foncière anticipée.")
    BR()

    # --- 9. Appréciation d'ensemble ---
    H1("9. Appréciation évaluative d'ensemble")
    H2("9.1 Pertinence et cohérence")
    P("Les objectifs du pacte répondaient aux besoins identifiés en 2017 et restent, pour l'essentiel, d'actualité. Les acteurs interrogés soulignent toutefois deux évolutions majeures depuis la signature : la tension sur le foncier liée à l'objectif de zéro artificialisation nette fixé par la loi Climat et résilience de 2021, et l'acuité nouvelle des enjeux de transition énergétique pour les entreprises industrielles.")
    P("Le pacte s'est bien articulé avec le programme LEADER, dont le groupe d'action locale a cofinancé 1 080 000 € de dépenses, et avec le programme Petites villes de demain, dont Blanchemont-sur-Sarre et Saint-Quirin-les-Forges sont lauréates depuis 2021. L'articulation avec la démarche Territoires d'industrie, portée à une échelle plus large, est restée plus formelle.")
    H2("9.2 Efficacité")
    P("Sur les 20 indicateurs de résultat suivis, 6 atteignent ou dépassent leur cible et 14 restent en deçà. Les écarts les plus importants concernent l'immobilier d'entreprise (30 % de la cible), les entreprises de la filière bois aidées (70 %) et les emplois créés ou maintenus (78 %). Le taux d'engagement global de 71 % place le pacte dans la moyenne des contrats territoriaux de la première génération évalués dans le Grand Est.")
    H2("9.3 Efficience")
    P(f"Le coût moyen par emploi créé ou maintenu, rapporté aux seules dépenses des actions à vocation économique directe, s'établit à environ 21 000 €, un ratio comparable à celui d'autres programmes de développement rural. L'ingénierie du PETR, 2,5 ETP pour {st['n']} actions, est jugée sous-dimensionnée, en particulier pour l'animation des filières et la prospection.")
    H2("9.4 Gouvernance")
    P("Le comité de pilotage a su adapter le programme à la crise sanitaire, comme en témoigne l'avenant n° 1, mais il a peu utilisé le tableau de bord des indicateurs, mis à jour de manière irrégulière. La revue à mi-parcours de novembre 2021 n'a pas donné lieu à une reprogrammation des actions non engagées, ce qui a immobilisé des crédits jusqu'au terme du pacte.")
    H2("9.5 Impact")
    P("Le taux de chômage de la zone a reculé de 1,5 point entre fin 2017 et fin 2022, l'emploi salarié privé a progressé de 2,4 % et le nombre d'établissements employeurs de 3,1 %. Ces évolutions, comparables à celles du département, ne peuvent être attribuées au seul pacte. Les effets les plus directement imputables sont la reconversion du site de Vallerhof, la structuration d'un service de recrutement local et la quasi-généralisation de la fibre optique.")
    BR()

    # --- 9. Recommandations ---
    H1("10. Recommandations pour le futur contrat")
    P("Les huit recommandations suivantes ont été discutées lors des ateliers de janvier 2023 puis présentées au comité de pilotage du 11 mai 2023. Elles sont classées par ordre de priorité décroissante.")
    recos = [
        ("R1", "Resserrer le futur contrat", "Limiter le prochain contrat à trois axes et à vingt actions au plus, chacune assortie d'un porteur identifié, d'un calendrier et d'indicateurs mesurables dotés d'une valeur de référence."),
        ("R2", "Définir une stratégie foncière économique sobre", "Élaborer, d'ici fin 2024, une stratégie foncière à l'échelle du PETR donnant la priorité aux friches et à la densification, avec un objectif indicatif de 20 ha requalifiés sur la durée du prochain contrat."),
        ("R3", "Pérenniser Sarre Blanche Emploi", "Inscrire la plateforme de recrutement dans la durée, l'étendre à l'alternance et en faire le pivot d'une gestion prévisionnelle des emplois et des compétences à l'échelle du territoire."),
        ("R4", "Renforcer l'ingénierie de développement économique", "Recruter un chargé de mission dédié à la prospection et à l'accueil d'entreprises (1 ETP), en mutualisant le poste avec les trois communautés de communes si nécessaire."),
        ("R5", "Mettre en place un tableau de bord partagé", "Confier au PETR un observatoire de suivi des indicateurs, actualisé chaque semestre et présenté systématiquement au comité de pilotage."),
        ("R6", "Relancer la filière forêt-bois par l'innovation", "Recentrer l'action sur la construction bois et la seconde transformation, en partenariat avec l'interprofession régionale, et abaisser le plancher des aides à l'investissement à 20 000 €."),
        ("R7", "Ouvrir la gouvernance aux entreprises", "Créer au sein du comité de pilotage un collège économique comprenant au moins quatre chefs d'entreprise, dont un représentant du Club des industriels."),
        ("R8", "Coopérer avec les territoires voisins", "Organiser une coordination régulière avec la communauté d'agglomération du Saulnois-Seille et le PETR voisin du Pays de Sarre-Moder sur la mobilité, le tourisme itinérant et les services aux industriels."),
    ]
    for code, title, text in recos:
        B.append(("reco", code, title, text))
    P("La mise en œuvre des recommandations R1, R4 et R5 conditionne, selon l'évaluateur, la réussite du prochain contrat. Les recommandations R2 et R6 nécessitent un travail préparatoire avec la Région et les services de l'État dès le second semestre 2023.")
    BR()

    # --- Annexes ---
    H1("Annexe 1 – Réunions du comité de pilotage")
    P("Le tableau ci-dessous récapitule les onze réunions du comité de pilotage du pacte, de son installation à la restitution de l'évaluation finale.")
    TAB("Tableau 13 – Calendrier des réunions du comité de pilotage (2018-2023)",
        ["N°", "Date", "Lieu", "Principaux points à l'ordre du jour"],
        [list(r) for r in COPIL], (10, 32, 50, 78), ("CENTER", "LEFT", "LEFT", "LEFT"))
    H1("Annexe 2 – Structures consultées")
    P("Les 46 entretiens ont été conduits auprès des structures suivantes :")
    UL([
        "PETR du Pays de la Vallée de la Sarre Blanche (président, vice-présidente chargée du développement économique, équipe technique) ;",
        "Région Grand Est (direction de la compétitivité et de la connaissance, Maison de la Région de Sarreguemines) ;",
        "communautés de communes du Pays de Blanchemont, des Vallées du Donon et du Plateau lorrain sud ;",
        "préfecture de la Moselle et sous-préfecture de l'arrondissement ;",
        "Département de la Moselle ; Moselle Fibre ;",
        "Chambre de commerce et d'industrie, Chambre de métiers et de l'artisanat de la Moselle, Chambre d'agriculture ;",
        "Pôle emploi, Mission locale du Sud mosellan, GRETA Lorraine Sud ;",
        "ONF, CNPF Grand Est, office de tourisme intercommunal Sarre Blanche-Donon ;",
        "Initiative Sarre Blanche, Club des industriels de la Sarre Blanche et 14 chefs d'entreprise.",
    ])
    H1("Annexe 3 – Glossaire des sigles")
    UL([
        "CNPF : Centre national de la propriété forestière.",
        "COPIL : comité de pilotage, instance décisionnelle du pacte.",
        "CQPM : certificat de qualification paritaire de la métallurgie.",
        "EPCI : établissement public de coopération intercommunale.",
        "ETP : équivalent temps plein.",
        "FEADER : Fonds européen agricole pour le développement rural.",
        "GAL : groupe d'action locale, structure qui gère le programme LEADER.",
        "LEADER : programme européen de développement rural fondé sur une stratégie locale portée par un GAL.",
        "PETR : pôle d'équilibre territorial et rural, syndicat mixte fermé regroupant plusieurs EPCI autour d'un projet de territoire.",
        "PTEA : Pacte territorial pour l'emploi et l'attractivité, contrat signé entre la Région et le PETR pour la période 2018-2022.",
        "ZAN : zéro artificialisation nette, objectif fixé par la loi Climat et résilience du 22 août 2021.",
    ])
    return B


def render_report(path: Path) -> Path:
    st = stats()
    pdf = Doc("P", header_text=REPORT_HEADER)
    pdf.set_title("Évaluation du PTEA 2018-2022 – Pays de la Vallée de la Sarre Blanche")
    pdf.set_author("Cabinet Territoires & Mesures")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(True, margin=20)
    # Couverture
    pdf.add_page()
    pdf.set_fill_color(24, 70, 110)
    pdf.rect(0, 0, 210, 95, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "", 11)
    pdf.set_xy(20, 22)
    pdf.cell(0, 6, "PÔLE D'ÉQUILIBRE TERRITORIAL ET RURAL")
    pdf.set_xy(20, 29)
    pdf.cell(0, 6, "PAYS DE LA VALLÉE DE LA SARRE BLANCHE")
    pdf.set_font("DejaVu", "B", 22)
    pdf.set_xy(20, 48)
    pdf.multi_cell(170, 10, nb("Évaluation finale du Pacte territorial pour l'emploi et l'attractivité 2018-2022"), align="L")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 13)
    pdf.set_xy(20, 110)
    pdf.multi_cell(170, 7, "Rapport final\nVersion définitive du 31 mars 2023, présentée au comité de pilotage du 11 mai 2023", align="L")
    pdf.set_xy(20, 150)
    pdf.set_font("DejaVu", "", 10.5)
    pdf.multi_cell(170, 6, nb("Maître d'ouvrage : PETR du Pays de la Vallée de la Sarre Blanche, Maison du Pays, 3 rue des Tanneurs, 57400 Blanchemont-sur-Sarre\nPartenaire signataire : Région Grand Est\nPrestataire : cabinet Territoires & Mesures, Nancy"), align="L")
    pdf.set_xy(20, 250)
    pdf.set_font("DejaVu", "I", 9)
    pdf.multi_cell(170, 5, "Document fictif établi à des fins de démonstration. Toute ressemblance avec des personnes ou des organismes existants serait fortuite.", align="L")
    pdf.add_page()
    for blk in report_blocks(st):
        kind = blk[0]
        if kind == "br":
            pdf.add_page()
        elif kind == "h1":
            if pdf.get_y() > 230:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 15)
            pdf.set_text_color(24, 70, 110)
            pdf.multi_cell(0, 8, nb(blk[1]), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(3)
        elif kind == "h2":
            if pdf.get_y() > 245:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("DejaVu", "B", 11.5)
            pdf.set_text_color(24, 70, 110)
            pdf.multi_cell(0, 6.5, nb(blk[1]), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1.5)
        elif kind == "p":
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.4, nb(blk[1]), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        elif kind == "ul":
            pdf.set_font("DejaVu", "", 10)
            for it in blk[1]:
                pdf.set_x(pdf.l_margin + 4)
                pdf.cell(5, 5.4, "•")
                pdf.multi_cell(0, 5.4, nb(it), align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(0.8)
            pdf.ln(2)
        elif kind == "box":
            pdf.set_fill_color(232, 240, 248)
            pdf.set_font("DejaVu", "B", 10)
            pdf.multi_cell(0, 6.5, nb(blk[1]), fill=True, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.4, nb(blk[2]), fill=True, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        elif kind == "reco":
            if pdf.get_y() > 240:
                pdf.add_page()
            pdf.set_font("DejaVu", "B", 10.5)
            pdf.set_text_color(24, 70, 110)
            pdf.multi_cell(0, 6, nb(f"{blk[1]} – {blk[2]}"), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
            pdf.set_font("DejaVu", "", 10)
            pdf.multi_cell(0, 5.4, nb(blk[3]), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        elif kind == "table":
            _, cap, head, rows, widths, aligns = blk
            need = 12 + 7 * min(len(rows) + 1, 5)
            if pdf.get_y() + need > pdf.h - 25:
                pdf.add_page()
            pdf.set_font("DejaVu", "I", 9)
            pdf.multi_cell(0, 5, nb(cap), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
            pdf.set_font("DejaVu", "", 8.5)
            with pdf.table(col_widths=widths, text_align=aligns or "LEFT", line_height=4.6,
                           headings_style=FontFace(emphasis="BOLD", fill_color=(215, 228, 240)),
                           width=min(sum(widths), pdf.epw), align="LEFT") as t:
                for r in [head] + rows:
                    row = t.row()
                    for c in r:
                        row.cell(nb(c))
            pdf.ln(4)
    return save_pdf(pdf, path)


# ---------------------------------------------------------------------------
# Document 2 : synthèse infographique (2 pages paysage, positions absolues)
# ---------------------------------------------------------------------------

def render_synthese(path: Path) -> Path:
    pdf = Doc("L", header_text=None, footer=False)
    pdf.set_title("Synthèse de l'évaluation du PTEA 2018-2022")
    pdf.set_author("PETR du Pays de la Vallée de la Sarre Blanche")
    pdf.set_auto_page_break(False)
    blue = (24, 70, 110)
    light = (232, 240, 248)
    orange = (222, 120, 40)

    def title_band(t1, t2):
        pdf.set_fill_color(*blue)
        pdf.rect(0, 0, 297, 30, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "B", 20)
        pdf.set_xy(15, 7)
        pdf.cell(267, 10, nb(t1))
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(15, 18)
        pdf.cell(267, 6, nb(t2))
        pdf.set_text_color(0, 0, 0)

    # Page 1 : grands chiffres
    pdf.add_page()
    title_band("ÉVALUATION DU PTEA 2018-2022 : L'ESSENTIEL",
               "PETR du Pays de la Vallée de la Sarre Blanche – Pacte signé avec la Région Grand Est – Synthèse de juin 2023")
    boxes = [
        ("71 %", "des 31 actions", "réalisées ou en cours"),
        ("4,6 M€", "de crédits régionaux", "mobilisés sur 5 ans"),
        ("312 emplois", "créés ou maintenus", "(cible : 400)"),
        ("11,2 M€", "de dépenses réalisées", "sur 16,2 M€ prévus"),
        ("28,4 ha", "de foncier économique", "aménagés ou requalifiés"),
        ("1 046", "stagiaires formés", "au plus près des entreprises"),
        ("97 %", "des locaux raccordables", "à la fibre fin 2022"),
        ("247", "créateurs et repreneurs", "accompagnés"),
    ]
    bw, bh = 62, 62
    for i, (big, c1, c2) in enumerate(boxes):
        col, row = i % 4, i // 4
        x = 15 + col * (bw + 6.3)
        y = 40 + row * (bh + 8)
        pdf.set_fill_color(*light)
        pdf.rect(x, y, bw, bh, style="F")
        pdf.set_fill_color(*orange)
        pdf.rect(x, y, bw, 3, style="F")
        pdf.set_font("DejaVu", "B", 24 if len(big) < 8 else 19)
        pdf.set_text_color(*blue)
        pdf.set_xy(x, y + 14)
        pdf.cell(bw, 14, nb(big), align="C")
        pdf.set_text_color(60, 60, 60)
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(x, y + 36)
        pdf.cell(bw, 6, nb(c1), align="C")
        pdf.set_xy(x, y + 43)
        pdf.cell(bw, 6, nb(c2), align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_fill_color(*blue)
    pdf.rect(15, 183, 267, 14, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 11)
    pdf.set_xy(15, 186)
    pdf.cell(267, 8, nb("4 axes   |   9 objectifs opérationnels   |   31 actions   |   11 comités de pilotage   |   8 recommandations"), align="C")
    pdf.set_text_color(120, 120, 120)
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_xy(15, 200)
    pdf.cell(267, 5, "Source : rapport final d'évaluation, cabinet Territoires & Mesures, 31 mars 2023. Données arrêtées au 31 décembre 2022.   1 / 2", align="R")

    # Page 2 : résultats par axe, forces, vigilances, calendrier
    pdf.add_page()
    title_band("CE QUE LE PACTE A CHANGÉ, AXE PAR AXE",
               "Taux d'engagement = actions réalisées ou en cours / actions inscrites")
    axes = [
        ("Axe 1 – Tissu productif et accueil d'entreprises", 80, "8 actions engagées sur 10"),
        ("Axe 2 – Compétences et recrutement", 63, "5 actions engagées sur 8"),
        ("Axe 3 – Forêt-bois et tourisme de nature", 71, "5 actions engagées sur 7"),
        ("Axe 4 – Attractivité et numérique", 67, "4 actions engagées sur 6"),
    ]
    pdf.set_font("DejaVu", "B", 12)
    pdf.set_text_color(*blue)
    pdf.set_xy(15, 38)
    pdf.cell(140, 7, "TAUX D'ENGAGEMENT PAR AXE")
    for i, (lab, pct, sub) in enumerate(axes):
        y = 50 + i * 24
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_xy(15, y)
        pdf.cell(140, 5, nb(lab))
        pdf.set_fill_color(220, 220, 220)
        pdf.rect(15, y + 7, 110, 8, style="F")
        pdf.set_fill_color(*orange)
        pdf.rect(15, y + 7, 110 * pct / 100, 8, style="F")
        pdf.set_font("DejaVu", "B", 13)
        pdf.set_text_color(*blue)
        pdf.set_xy(128, y + 6)
        pdf.cell(25, 10, nb(f"{pct} %"))
        pdf.set_font("DejaVu", "", 8)
        pdf.set_text_color(90, 90, 90)
        pdf.set_xy(15, y + 16)
        pdf.cell(110, 4, nb(sub))

    def card(x, y, w, title, items, color):
        pdf.set_fill_color(*color)
        pdf.rect(x, y, w, 8, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "B", 10.5)
        pdf.set_xy(x + 3, y + 1)
        pdf.cell(w - 6, 6, title)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("DejaVu", "", 9)
        for j, it in enumerate(items):
            pdf.set_xy(x + 3, y + 11 + j * 7)
            pdf.cell(w - 6, 6, nb("+ " + it) if color == blue else nb("! " + it))

    card(165, 38, 117, "CE QUI A MARCHÉ", [
        "Friche de Vallerhof : 6 entreprises installées",
        "Sarre Blanche Emploi : 281 recrutements",
        "Fibre : de 38 % à 97 % des locaux",
        "Forêt privée : 5 120 ha sous plan de gestion",
    ], blue)
    card(165, 83, 117, "POINTS DE VIGILANCE", [
        "9 actions abandonnées ou jamais lancées",
        "Immobilier d'entreprise : 1 800 m² sur 6 000",
        "Filière bois : 21 entreprises aidées sur 30",
        "Aucun chargé de mission prospection recruté",
    ], orange)
    # Frise
    pdf.set_font("DejaVu", "B", 12)
    pdf.set_text_color(*blue)
    pdf.set_xy(15, 150)
    pdf.cell(140, 7, "ET MAINTENANT ?")
    steps = [
        ("11 mai 2023", "Restitution au", "comité de pilotage"),
        ("27 juin 2023", "Vote du comité", "syndical du PETR"),
        ("Automne 2023", "Concertation sur", "le futur contrat"),
        ("1er semestre 2024", "Signature du contrat", "2024-2028"),
    ]
    pdf.set_draw_color(*blue)
    pdf.set_line_width(0.8)
    pdf.line(25, 166, 272, 166)
    for i, (d, l1, l2) in enumerate(steps):
        x = 25 + i * 78
        pdf.set_fill_color(*orange)
        pdf.ellipse(x - 3, 163, 6, 6, style="F")
        pdf.set_text_color(*blue)
        pdf.set_font("DejaVu", "B", 10)
        pdf.set_xy(x - 20, 171)
        pdf.cell(60, 5, nb(d))
        pdf.set_text_color(60, 60, 60)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_xy(x - 20, 177)
        pdf.cell(60, 4.5, nb(l1))
        pdf.set_xy(x - 20, 182)
        pdf.cell(60, 4.5, nb(l2))
    pdf.set_text_color(120, 120, 120)
    pdf.set_font("DejaVu", "", 7.5)
    pdf.set_xy(15, 200)
    pdf.cell(267, 5, "Priorités proposées par l'évaluateur : R1 (contrat resserré), R4 (ingénierie), R5 (tableau de bord partagé).   2 / 2", align="R")
    return save_pdf(pdf, path)


# ---------------------------------------------------------------------------
# Document 3 : délibération du comité syndical (DOCX)
# ---------------------------------------------------------------------------

def _normalize_zip(path: Path) -> None:
    """Réécrit l'archive avec des horodatages fixes (sortie déterministe)."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def render_deliberation(path: Path) -> Path:
    st = stats()
    d = docx.Document()
    cp = d.core_properties
    cp.created = datetime(2023, 6, 28, 9, 0, 0)
    cp.modified = datetime(2023, 6, 30, 9, 0, 0)
    cp.last_printed = datetime(2023, 6, 30, 9, 0, 0)
    cp.author = "PETR du Pays de la Vallée de la Sarre Blanche"
    cp.last_modified_by = "Secrétariat du PETR"
    cp.title = "Délibération n° 2023-041 du comité syndical"
    cp.revision = 1
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)
    for s in d.sections:
        s.left_margin = s.right_margin = Cm(2.2)

    def para(text, bold=False, center=False, size=None, italic=False, space=6):
        p = d.add_paragraph()
        r = p.add_run(text)
        r.bold = bold
        r.italic = italic
        if size:
            r.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(space)
        return p

    def labelled(label, text):
        p = d.add_paragraph()
        r = p.add_run(label)
        r.bold = True
        p.add_run(text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.space_after = Pt(5)
        return p

    para("RÉPUBLIQUE FRANÇAISE – DÉPARTEMENT DE LA MOSELLE", bold=True, center=True, size=9, space=2)
    para("PÔLE D'ÉQUILIBRE TERRITORIAL ET RURAL DU PAYS DE LA VALLÉE DE LA SARRE BLANCHE", bold=True, center=True, size=11, space=2)
    para("Maison du Pays – 3 rue des Tanneurs – 57400 Blanchemont-sur-Sarre", center=True, size=9, space=12)
    para("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU COMITÉ SYNDICAL", bold=True, center=True, size=12, space=4)
    para("Séance du mardi 27 juin 2023", bold=True, center=True, space=2)
    para("Délibération n° 2023-041", bold=True, center=True, space=12)

    t = d.add_table(rows=0, cols=2)
    t.style = "Table Grid"
    for k, v in [
        ("Nombre de délégués en exercice", "36"),
        ("Délégués présents", "27"),
        ("Pouvoirs", "4"),
        ("Votants", "31"),
        ("Date de la convocation", "16 juin 2023"),
        ("Date d'affichage de la convocation", "16 juin 2023"),
    ]:
        c = t.add_row().cells
        c[0].text = k
        c[1].text = v
    para("", space=4)

    para("L'an deux mille vingt-trois, le vingt-sept juin, à dix-huit heures trente, le comité syndical du Pôle d'équilibre territorial et rural du Pays de la Vallée de la Sarre Blanche, régulièrement convoqué, s'est réuni en séance publique dans la salle du conseil de la Maison du Pays, à Blanchemont-sur-Sarre, sous la présidence de M. Marc-André Vogelsang, président.")
    labelled("Présents : ", "27 délégués titulaires ou suppléants, dont la liste est annexée au registre.")
    labelled("Pouvoirs : ", "M. Didier Schaeffel-Roos à Mme Anne Perrinet-Gall ; Mme Claudine Weisshaupt à M. Thierry Lallemand-Rauch ; M. Patrice Obrecht-Vial à M. Marc-André Vogelsang ; Mme Nadège Huntzinger-Py à Mme Sylvie Obermatt.")
    labelled("Absents excusés : ", "5 délégués.")
    labelled("Secrétaire de séance : ", "Mme Odile Kessler-Rieth.")
    labelled("Rapporteure : ", "Mme Sylvie Obermatt, vice-présidente chargée du développement économique, de l'emploi et de la formation.")
    para("")
    labelled("OBJET : ", "Évaluation finale du Pacte territorial pour l'emploi et l'attractivité (PTEA) 2018-2022 – Approbation du rapport d'évaluation et lancement de l'élaboration du Contrat d'attractivité et de transitions 2024-2028.")

    para("EXPOSÉ DES MOTIFS", bold=True, space=4)
    para("Le Pacte territorial pour l'emploi et l'attractivité conclu entre la Région Grand Est et le PETR est arrivé à échéance le 31 décembre 2022. Conformément à son article 9, il a fait l'objet d'une évaluation finale confiée au cabinet Territoires & Mesures, dont le rapport définitif a été remis le 31 mars 2023 et présenté au comité de pilotage le 11 mai 2023.")
    para(f"Il ressort de ce rapport que, sur les {st['n']} actions inscrites au pacte, {st['cnt']['Réalisée']} ont été réalisées et {st['cnt']['En cours']} sont en cours d'achèvement, soit un taux d'engagement de 71 %. Les dépenses réalisées atteignent {fr_eur(st['conso'])}, dont 4,6 M€ apportés par la Région Grand Est. Le pacte a contribué à la création ou au maintien de 312 emplois, pour un objectif initial de 400, et à l'aménagement ou à la requalification de 28,4 hectares de foncier économique.")
    para("Le rapport met en évidence des réussites significatives – reconversion de la friche des Forges de Vallerhof, plateforme de recrutement Sarre Blanche Emploi, antenne de formation de Blanchemont-sur-Sarre, couverture numérique – mais également des fragilités : neuf actions abandonnées ou non engagées, une ingénierie insuffisante en matière de prospection, un suivi des indicateurs irrégulier et une filière forêt-bois insuffisamment structurée.")
    para("Il formule huit recommandations (R1 à R8) destinées à préparer le contrat qui succédera au pacte. La Région Grand Est a fait savoir, par courrier du 2 juin 2023, qu'elle était disposée à engager avec le PETR la négociation d'un nouveau contrat pour la période 2024-2028, sous réserve que celui-ci intègre les enjeux de sobriété foncière et de transition énergétique.")
    para("Le conseil de développement, consulté le 6 juin 2023, a rendu un avis favorable, assorti d'une demande d'association étroite à l'élaboration du futur contrat. La commission développement économique, réunie le 13 juin 2023, a émis un avis favorable à l'unanimité.")

    para("LE COMITÉ SYNDICAL,", bold=True, space=4)
    for v in [
        "Vu le code général des collectivités territoriales, et notamment ses articles L. 5741-1 à L. 5741-5 relatifs aux pôles d'équilibre territorial et rural ;",
        "Vu l'arrêté préfectoral du 18 novembre 2015 portant création du PETR du Pays de la Vallée de la Sarre Blanche et approuvant ses statuts ;",
        "Vu la délibération n° 2017-052 du 12 décembre 2017 approuvant le Pacte territorial pour l'emploi et l'attractivité 2018-2022 ;",
        "Vu la délibération n° 2020-037 du 18 septembre 2020 approuvant l'avenant n° 1 au pacte ;",
        "Vu la délibération n° 2022-018 du 5 avril 2022 autorisant le lancement de la consultation relative à l'évaluation finale du pacte ;",
        "Vu le rapport final d'évaluation remis par le cabinet Territoires & Mesures le 31 mars 2023 ;",
        "Vu l'avis du comité de pilotage du pacte en date du 11 mai 2023 ;",
        "Vu l'avis du conseil de développement en date du 6 juin 2023 ;",
        "Vu l'avis de la commission développement économique en date du 13 juin 2023 ;",
        "Vu le courrier de la Région Grand Est en date du 2 juin 2023 ;",
    ]:
        para(v, space=3)
    para("")
    for c in [
        "Considérant que l'évaluation finale répond aux obligations fixées par l'article 9 du pacte et permet de rendre compte de l'emploi des fonds publics mobilisés ;",
        "Considérant que les résultats obtenus, notamment en matière d'emploi, de foncier économique et de couverture numérique, justifient la poursuite d'une démarche contractuelle avec la Région Grand Est ;",
        "Considérant que l'absence de chargé de mission dédié à la prospection a été identifiée comme la principale faiblesse du pacte et qu'il convient d'y remédier avant le démarrage du prochain contrat ;",
        "Considérant la nécessité d'associer les communautés de communes membres, le conseil de développement et les acteurs économiques à l'élaboration du futur contrat ;",
        "Considérant que les crédits nécessaires à l'assistance à maîtrise d'ouvrage peuvent être inscrits au budget supplémentaire de l'exercice 2023 ;",
    ]:
        para(c, space=3)
    para("")
    para("Après en avoir délibéré, par 28 voix pour, 1 voix contre et 2 abstentions,", bold=True, space=6)
    para("DÉCIDE :", bold=True, space=6)

    arts = [
        ("Article 1 – ", "Le comité syndical approuve le rapport final d'évaluation du Pacte territorial pour l'emploi et l'attractivité 2018-2022, tel qu'annexé à la présente délibération."),
        ("Article 2 – ", "Le comité syndical prend acte des huit recommandations formulées par l'évaluateur et retient comme prioritaires les recommandations R1 (resserrement du futur contrat), R3 (pérennisation de la plateforme Sarre Blanche Emploi), R4 (renforcement de l'ingénierie de développement économique) et R5 (tableau de bord partagé)."),
        ("Article 3 – ", "Le comité syndical décide d'engager l'élaboration d'un Contrat d'attractivité et de transitions 2024-2028 avec la Région Grand Est et autorise le président à conduire les négociations correspondantes, l'objectif étant une signature avant le 30 juin 2024."),
        ("Article 4 – ", "Il est créé un groupe de travail de préfiguration du futur contrat, composé de 12 membres : 9 élus, à raison de 3 par communauté de communes membre, et 3 représentants du conseil de développement. Ce groupe est présidé par la vice-présidente chargée du développement économique ; il tiendra sa première réunion en septembre 2023."),
        ("Article 5 – ", "Le comité syndical approuve la création, à compter du 1er janvier 2024, d'un emploi de chargé de mission « prospection et accueil d'entreprises » à temps complet, relevant du cadre d'emplois des attachés territoriaux, pour une durée de trois ans. Le président est autorisé à solliciter une participation de la Région Grand Est à hauteur de 50 % du coût du poste."),
        ("Article 6 – ", "Une enveloppe de 45 000 € TTC est inscrite au budget supplémentaire 2023 pour financer une mission d'assistance à maîtrise d'ouvrage pour l'élaboration du futur contrat. Le président est autorisé à solliciter toute subvention mobilisable pour cette mission, en particulier auprès de la Région Grand Est et au titre du programme LEADER."),
        ("Article 7 – ", "Le président est chargé de l'exécution de la présente délibération, qui sera transmise au représentant de l'État et notifiée à la Région Grand Est ainsi qu'aux trois communautés de communes membres."),
    ]
    for a, txt in arts:
        labelled(a, txt)

    para("")
    para("Résultat du vote", bold=True, space=3)
    t2 = d.add_table(rows=1, cols=4)
    t2.style = "Table Grid"
    for i, h in enumerate(["Pour", "Contre", "Abstentions", "Votants"]):
        t2.rows[0].cells[i].text = h
    c = t2.add_row().cells
    for i, v in enumerate(["28", "1", "2", "31"]):
        c[i].text = v
    para("", space=2)
    para("A voté contre : M. Gilles Haberkorn-Lentz. Se sont abstenus : Mme Martine Ostermann-Blaise et M. Régis Dauphin-Keller.", italic=True)

    para("")
    para("Calendrier prévisionnel d'élaboration du futur contrat (pour information)", bold=True, space=3)
    t3 = d.add_table(rows=1, cols=2)
    t3.style = "Table Grid"
    t3.rows[0].cells[0].text = "Échéance"
    t3.rows[0].cells[1].text = "Étape"
    for k, v in [
        ("Septembre 2023", "Installation du groupe de travail de préfiguration"),
        ("Octobre – décembre 2023", "Actualisation du diagnostic et ateliers avec les acteurs économiques"),
        ("Janvier – mars 2024", "Rédaction de la stratégie et des fiches-actions"),
        ("Avril 2024", "Examen du projet de contrat par le comité syndical"),
        ("Juin 2024", "Signature du contrat avec la Région Grand Est"),
    ]:
        c = t3.add_row().cells
        c[0].text = k
        c[1].text = v
    para("")
    para("Fait et délibéré les jour, mois et an susdits. Pour extrait certifié conforme.")
    para("Blanchemont-sur-Sarre, le 28 juin 2023")
    para("Le Président, Marc-André Vogelsang", bold=True)
    para("")
    para("Acte transmis au contrôle de légalité le 30 juin 2023 et publié le même jour sur le site internet du PETR. La présente délibération peut faire l'objet d'un recours devant le tribunal administratif de Strasbourg dans un délai de deux mois à compter de sa publication.", italic=True, size=9)
    d.save(str(path))
    _normalize_zip(path)
    return path


# ---------------------------------------------------------------------------
# Document 4 : tableau de suivi des actions (CSV ; séparateur « ; »)
# ---------------------------------------------------------------------------

def render_csv(path: Path) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(["Code", "Intitulé", "Axe", "Pilote", "Budget prévu", "Budget consommé",
                "Avancement (%)", "Statut", "Commentaire"])
    for code, titre, pilote, prevu, conso, av, statut, com in ACTIONS:
        ax = int(code[0])
        w.writerow([code, titre, f"Axe {ax}", pilote, fr_int(prevu), fr_int(conso), str(av), statut, com])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Document 5 : point d'étape du pacte voisin (diaporama PDF paysage)
# ---------------------------------------------------------------------------

SLIDES = [
    ("LE PACTE EN BREF", [
        "Adopté par le conseil communautaire le 30 juin 2021",
        "Période couverte : du 1er juillet 2021 au 31 décembre 2024",
        "3 axes, 8 mesures et 24 actions",
        "Budget total : 6,2 M€, dont 2,5 M€ de l'agglomération, 2,3 M€ de la Région Grand Est et 1,4 M€ de l'État (France Relance)",
        "Territoire : 54 communes, 61 300 habitants ; siège à Morville-lès-Salines",
        "Pilotage : comité de suivi semestriel associant la Région, l'État, la CCI et la chambre de métiers",
    ]),
    ("AXE 1 – RELOCALISER ET PRODUIRE LOCALEMENT", [
        "Zone d'activités de la Seille à Morville-lès-Salines : 8 ha viabilisés, 3 entreprises installées, 2 lots sous option",
        "Fonds d'avances remboursables « Relance PME » doté de 1 M€ : 27 entreprises soutenues, avance moyenne de 31 000 €",
        "Légumerie et atelier de découpe collectifs : ouverture en mars 2022, 14 producteurs associés",
        "Circuits courts : 9 cantines scolaires approvisionnées à 35 % en produits locaux",
        "64 emplois créés ou maintenus à fin 2022",
    ]),
    ("AXE 2 – COMMERCE ET CENTRES-BOURGS", [
        "112 commerces accompagnés (chèque numérique, rénovation de vitrines, conseil)",
        "Un manager de commerce recruté en novembre 2021 pour l'ensemble de l'agglomération",
        "Vacance commerciale à Morville-lès-Salines : 14 % en 2021, 11 % en 2022",
        "Marché de producteurs hebdomadaire créé à Vergaville-sur-Seille en mai 2022",
        "Application « Saulnois Shopping » : 2 800 utilisateurs actifs",
        "39 emplois créés ou maintenus à fin 2022",
    ]),
    ("AXE 3 – TRANSITION ÉCOLOGIQUE DES ENTREPRISES", [
        "58 diagnostics énergie-carbone réalisés, pour un objectif de 100 d'ici 2024",
        "Économies d'énergie estimées à 1,2 GWh par an",
        "Réseau d'écologie industrielle : 17 entreprises, 340 tonnes de déchets valorisés en 2022",
        "Prime « éco-investissement » : 11 dossiers aidés, 420 000 € engagés",
        "43 emplois créés ou maintenus à fin 2022",
    ]),
    ("CHIFFRES CLÉS À MI-PARCOURS", None),
    ("DIFFICULTÉS ET AJUSTEMENTS PROPOSÉS", [
        "Hausse des coûts de travaux : +18 % sur la zone d'activités de la Seille",
        "Démarrage lent des diagnostics énergie avant l'été 2022",
        "Proposition : redéployer 300 000 € de l'axe 3 vers l'axe 2 lors de la clause de revoyure",
        "Coopération avec le PETR de la Sarre Blanche : jonction de la véloroute et transport à la demande",
        "Recrutement d'un second chargé de mission énergie à l'étude",
    ]),
    ("CALENDRIER ET SUITES", [
        "4 avril 2023 : comité de suivi avec la Région Grand Est et l'État",
        "Septembre 2023 : clause de revoyure et avenant n° 1",
        "31 décembre 2024 : terme du pacte",
        "1er semestre 2025 : évaluation finale confiée à un prestataire externe",
        "Le conseil communautaire est invité à prendre acte du présent point d'étape",
    ]),
]


def render_slides(path: Path) -> Path:
    pdf = Doc("L", header_text=None, footer=False)
    pdf.set_title("Pacte de relance économique 2021-2024 – Point d'étape")
    pdf.set_author("Communauté d'agglomération du Saulnois-Seille")
    pdf.set_auto_page_break(False)
    green = (30, 105, 80)
    total = len(SLIDES) + 1

    def foot(n):
        pdf.set_font("DejaVu", "", 8)
        pdf.set_text_color(120, 120, 120)
        pdf.set_xy(15, 199)
        pdf.cell(200, 5, "CA du Saulnois-Seille – Pacte de relance économique – Conseil communautaire du 9 février 2023")
        pdf.set_xy(250, 199)
        pdf.cell(32, 5, f"{n} / {total}", align="R")
        pdf.set_text_color(0, 0, 0)

    # Diapositive de titre
    pdf.add_page()
    pdf.set_fill_color(*green)
    pdf.rect(0, 0, 297, 210, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "", 13)
    pdf.set_xy(20, 40)
    pdf.cell(257, 8, "COMMUNAUTÉ D'AGGLOMÉRATION DU SAULNOIS-SEILLE")
    pdf.set_font("DejaVu", "B", 30)
    pdf.set_xy(20, 70)
    pdf.cell(257, 14, "PACTE DE RELANCE ÉCONOMIQUE 2021-2024")
    pdf.set_font("DejaVu", "B", 20)
    pdf.set_xy(20, 90)
    pdf.cell(257, 10, "POINT D'ÉTAPE À MI-PARCOURS")
    pdf.set_font("DejaVu", "", 13)
    pdf.set_xy(20, 130)
    pdf.cell(257, 8, "Conseil communautaire du 9 février 2023")
    pdf.set_xy(20, 140)
    pdf.cell(257, 8, "Présenté par M. Julien Arnould-Messin, vice-président chargé de l'économie")
    pdf.set_text_color(0, 0, 0)

    for i, (title, bullets) in enumerate(SLIDES, start=2):
        pdf.add_page()
        pdf.set_fill_color(*green)
        pdf.rect(0, 0, 297, 26, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("DejaVu", "B", 20)
        pdf.set_xy(15, 8)
        pdf.cell(267, 10, title)
        pdf.set_text_color(0, 0, 0)
        if bullets is not None:
            y = 42
            for b in bullets:
                pdf.set_font("DejaVu", "B", 14)
                pdf.set_text_color(*green)
                pdf.set_xy(22, y)
                pdf.cell(8, 8, "›")
                pdf.set_text_color(0, 0, 0)
                pdf.set_font("DejaVu", "", 14)
                pdf.set_xy(32, y)
                pdf.multi_cell(245, 8, nb(b), align="L")
                y = pdf.get_y() + 6
        else:
            kpis = [("3,6 M€", "engagés, soit 58 % du budget"), ("14 sur 24", "actions engagées"),
                    ("146", "emplois créés ou maintenus (objectif 2024 : 250)"), ("4", "comités de suivi depuis 2021")]
            for j, (big, cap) in enumerate(kpis):
                x = 15 + j * 68
                pdf.set_fill_color(228, 240, 234)
                pdf.rect(x, 36, 63, 50, style="F")
                pdf.set_font("DejaVu", "B", 24)
                pdf.set_text_color(*green)
                pdf.set_xy(x, 44)
                pdf.cell(63, 12, nb(big), align="C")
                pdf.set_font("DejaVu", "", 9.5)
                pdf.set_text_color(0, 0, 0)
                pdf.set_xy(x + 3, 62)
                pdf.multi_cell(57, 5, nb(cap), align="C")
            pdf.set_font("DejaVu", "B", 12)
            pdf.set_xy(15, 96)
            pdf.cell(200, 7, "ENGAGEMENT FINANCIER PAR AXE AU 31 DÉCEMBRE 2022")
            pdf.set_font("DejaVu", "", 11)
            pdf.set_xy(15, 106)
            with pdf.table(col_widths=(110, 45, 45, 40), text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT"),
                           line_height=8, width=240, align="LEFT",
                           headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=green)) as t:
                for r in [["Axe", "Budget", "Engagé", "Taux"],
                          ["Axe 1 – Relocaliser et produire", "2,9 M€", "1,9 M€", "66 %"],
                          ["Axe 2 – Commerce et centres-bourgs", "1,5 M€", "1,0 M€", "67 %"],
                          ["Axe 3 – Transition écologique", "1,8 M€", "0,7 M€", "39 %"],
                          ["Total", "6,2 M€", "3,6 M€", "58 %"]]:
                    row = t.row()
                    for c in r:
                        row.cell(nb(c))
        foot(i)
    return save_pdf(pdf, path)


# ---------------------------------------------------------------------------
# Document 6 : note de conjoncture départementale (Markdown)
# ---------------------------------------------------------------------------

NOTE_MD = """# Note de conjoncture économique – Moselle – 2023

*Observatoire territorial de l'économie mosellane (OTEM) – Note n° 2023-3 – publiée le 16 octobre 2023*

## 1. Synthèse

L'économie mosellane a bien résisté en 2022 malgré la hausse des prix de l'énergie et des matières premières. L'emploi salarié a progressé de 0,7 % sur un an pour atteindre 338 500 postes à la fin de l'année, porté par les services marchands et, dans une moindre mesure, par l'industrie. Le taux de chômage a poursuivi sa décrue jusqu'au premier trimestre 2023 (7,2 %) avant de remonter légèrement au deuxième trimestre (7,3 %). Les créations d'entreprises restent dynamiques grâce aux micro-entrepreneurs, tandis que les défaillances retrouvent leur niveau d'avant la crise sanitaire.

Trois points d'attention ressortent de cette note :

- le recul marqué de l'intérim (-4,6 % sur un an), signe avant-coureur d'un ralentissement de l'activité industrielle ;
- la hausse des défaillances d'entreprises (612 jugements en 2022, contre 443 en 2021) ;
- des écarts territoriaux persistants entre le bassin sidérurgique du nord et les territoires ruraux du sud du département.

## 2. Emploi salarié par grand secteur

L'industrie mosellane a gagné près de 500 emplois en 2022, principalement dans la métallurgie, l'automobile et l'agroalimentaire. Les services marchands hors intérim restent le premier moteur de la croissance de l'emploi (+1,8 %), notamment dans le transport et l'entreposage, dont le développement bénéficie de la position frontalière du département. La construction est stable, tandis que le commerce progresse faiblement.

**Tableau 1 – Emploi salarié en Moselle par grand secteur (fin 2022)**

| Secteur | Effectifs salariés fin 2022 | Évolution sur un an | Part du total |
|---|---:|---:|---:|
| Industrie | 52 800 | +0,9 % | 15,6 % |
| Construction | 23 400 | +0,4 % | 6,9 % |
| Commerce | 45 100 | +0,2 % | 13,3 % |
| Services marchands hors intérim | 98 600 | +1,8 % | 29,1 % |
| Intérim | 14 900 | -4,6 % | 4,4 % |
| Administration publique, enseignement, santé et action sociale | 103 700 | +0,5 % | 30,6 % |
| **Total** | **338 500** | **+0,7 %** | **100,0 %** |

Source : INSEE, estimations d'emploi localisées ; URSSAF ; traitement OTEM.

Le travail frontalier demeure une spécificité forte : environ 118 000 Mosellans travaillent au Luxembourg, en Allemagne ou en Belgique, soit une hausse de 2,6 % en un an. Ce phénomène alimente les tensions de recrutement dans les secteurs de la santé, des transports et de l'hôtellerie-restauration côté français.

## 3. Chômage

**Tableau 2 – Taux de chômage localisé par trimestre (en % de la population active, données CVS)**

| Trimestre | Moselle | Grand Est | France métropolitaine |
|---|---:|---:|---:|
| 2022 T1 | 7,6 % | 7,3 % | 7,1 % |
| 2022 T2 | 7,5 % | 7,2 % | 7,2 % |
| 2022 T3 | 7,4 % | 7,1 % | 7,0 % |
| 2022 T4 | 7,3 % | 7,0 % | 6,9 % |
| 2023 T1 | 7,2 % | 6,9 % | 6,9 % |
| 2023 T2 | 7,3 % | 7,0 % | 7,0 % |

Source : INSEE, taux de chômage localisés.

Le nombre de demandeurs d'emploi de catégorie A inscrits à Pôle emploi s'établissait à 46 250 au deuxième trimestre 2023, en baisse de 3,8 % sur un an. Le chômage de longue durée recule plus lentement : il concerne 47 % des demandeurs d'emploi toutes catégories confondues.

Les situations locales sont contrastées. Le taux de chômage dépasse 9 % dans les zones d'emploi du bassin houiller, alors qu'il est estimé à 6,4 % au quatrième trimestre 2022 dans le périmètre du PETR du Pays de la Vallée de la Sarre Blanche et à 8,1 % sur le territoire de la communauté d'agglomération du Saulnois-Seille.

## 4. Créations et défaillances d'entreprises

**Tableau 3 – Créations d'entreprises en Moselle par catégorie juridique**

| Catégorie | 2021 | 2022 | Évolution |
|---|---:|---:|---:|
| Sociétés | 2 310 | 2 240 | -3,0 % |
| Entreprises individuelles hors micro-entrepreneurs | 1 020 | 960 | -5,9 % |
| Micro-entrepreneurs | 5 480 | 5 760 | +5,1 % |
| **Total** | **8 810** | **8 960** | **+1,7 %** |

Source : INSEE, répertoire des entreprises et des établissements (SIRENE).

Les micro-entrepreneurs représentent désormais 64 % des créations. Les secteurs les plus dynamiques sont le transport de personnes et la livraison, les services aux entreprises et les activités de santé. Les créations de sociétés reculent dans la construction (-8 %) et l'immobilier (-11 %).

**Tableau 4 – Défaillances d'entreprises (jugements d'ouverture de procédure)**

| Secteur | 2021 | 2022 |
|---|---:|---:|
| Industrie | 41 | 52 |
| Construction | 98 | 137 |
| Commerce et réparation automobile | 112 | 158 |
| Hébergement et restauration | 54 | 96 |
| Autres services | 138 | 169 |
| **Total** | **443** | **612** |

Source : Banque de France, base FIBEN.

## 5. Tourisme et commerce extérieur

La saison touristique 2022 marque un retour à la normale après deux années perturbées. Les hôtels mosellans ont enregistré 2,31 millions de nuitées, soit 4 % de plus qu'en 2019. La clientèle étrangère, principalement allemande, belge et néerlandaise, représente 29 % des nuitées, contre 24 % en 2021.

**Tableau 5 – Nuitées dans l'hôtellerie mosellane par trimestre (en milliers)**

| Trimestre | 2021 | 2022 | Évolution |
|---|---:|---:|---:|
| T1 | 312 | 468 | +50,0 % |
| T2 | 455 | 612 | +34,5 % |
| T3 | 640 | 701 | +9,5 % |
| T4 | 498 | 529 | +6,2 % |
| **Année** | **1 905** | **2 310** | **+21,3 %** |

Source : INSEE, enquête de fréquentation hôtelière, en partenariat avec Moselle Attractivité.

Les exportations des établissements mosellans ont atteint 14,8 milliards d'euros en 2022, en hausse de 11 % sur un an, tirées par les produits métallurgiques et les équipements automobiles. L'Allemagne demeure le premier client du département, avec 31 % des ventes à l'étranger, devant la Belgique (12 %) et l'Italie (8 %). Les importations progressent plus vite (+16 %), sous l'effet du renchérissement de l'énergie, ce qui réduit l'excédent commercial à 1,2 milliard d'euros.

Les intentions d'investissement industriel pour 2023, recueillies par la Banque de France auprès de 210 établissements, sont en légère progression (+3 % en valeur), avec une part croissante consacrée à l'efficacité énergétique et à la décarbonation des procédés.

## 6. Focus : le sud mosellan

Les territoires ruraux du sud du département présentent une structure économique plus industrielle que la moyenne départementale. Dans le PETR du Pays de la Vallée de la Sarre Blanche, l'industrie représente 27 % de l'emploi, contre 15,6 % de l'emploi salarié à l'échelle de la Moselle. L'évaluation du pacte territorial conclu avec la Région, publiée en 2023, fait état de 312 emplois créés ou maintenus entre 2018 et 2022.

Dans la communauté d'agglomération du Saulnois-Seille, l'économie repose davantage sur l'agriculture, l'agroalimentaire et le commerce. Son pacte de relance économique, adopté en 2021, affichait à mi-parcours un taux d'engagement financier de 58 %.

La fréquentation touristique du massif du Donon a dépassé son niveau de 2019 : les hébergements marchands du sud mosellan ont enregistré une hausse de 6 % des nuitées en 2022, tirée par la clientèle allemande et néerlandaise.

## 7. Perspectives

Les chefs d'entreprise interrogés par l'OTEM à l'été 2023 anticipent un ralentissement de l'activité au second semestre : 31 % prévoient une baisse de leur chiffre d'affaires, contre 22 % un an plus tôt. Les intentions d'embauche restent cependant élevées dans les services à la personne, la santé et le transport. Les difficultés de recrutement sont citées par 58 % des entreprises comme le premier frein à leur développement, devant le coût de l'énergie (44 %).

## Sources et méthode

- INSEE : estimations d'emploi localisées, taux de chômage localisés, répertoire SIRENE.
- URSSAF Lorraine : effectifs salariés du secteur privé.
- Pôle emploi et DARES : demandeurs d'emploi inscrits.
- Banque de France : base FIBEN (défaillances d'entreprises).
- Enquête de conjoncture OTEM auprès de 640 entreprises mosellanes (juillet 2023).

Les données sont provisoires pour le dernier trimestre disponible. Les totaux peuvent différer légèrement de la somme des lignes en raison des arrondis.
"""


def render_note(path: Path) -> Path:
    path.write_text(NOTE_MD, encoding="utf-8")
    return path


TOML = '''territoire = "Pays de la Vallée de la Sarre Blanche"
alias = ["Sarre Blanche", "PETR de la Sarre Blanche"]
'''


def build(dest: Path) -> list:
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = [
        render_report(dest / "evaluation-ptea-2018-2022-sarre-blanche.pdf"),
        render_synthese(dest / "synthese-evaluation-ptea.pdf"),
        render_deliberation(dest / "deliberation-conseil-syndical-2023-06.docx"),
        render_csv(dest / "suivi-actions.csv"),
        render_slides(dest / "pacte-relance-saulnois-seille-point-etape.pdf"),
        render_note(dest / "note-conjoncture-moselle-2023.md"),
    ]
    toml = dest / "pacte.toml"
    toml.write_text(TOML, encoding="utf-8")
    out.append(toml)
    return out


if __name__ == "__main__":
    for p in build(Path(sys.argv[1])):
        print(p)
