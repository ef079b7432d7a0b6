#!/usr/bin/env python3
"""Générateur déterministe du corpus « Pacte / CDET » (territoire fictif).

Produit 6 documents + pacte.toml dans le dossier de destination :
  1. bilan-cdet-2019-2023-ccmhr.pdf            (diaporama paysage)
  2. strategie-regionale-occitanie-extrait.pdf  (rapport long)
  3. cr-comite-suivi-2022-11-08.docx            (compte rendu)
  4. registre-projets.xlsx                      (registre des projets)
  5. bilan-cdet-2020-2024-causses-vallees.docx  (territoire voisin)
  6. faq-entreprises.md                         (FAQ Markdown)
Tout le contenu (personnes, communes, chiffres) est fictif.
Dépendances : fpdf2, python-docx, openpyxl, matplotlib (polices DejaVu uniquement).
"""
import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_REG = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
FONT_IT = FONT_DIR / "DejaVuSans-Oblique.ttf"
FIXED_DT = datetime(2024, 1, 1, tzinfo=timezone.utc)
NBSP = "\u00a0"


def fr(text: str) -> str:
    """Typographie française pour le PDF : espaces insécables avant % € : ; ? ! »,
    après «, et entre groupes de chiffres (évite les coupures de ligne)."""
    t = text
    t = re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, t)
    t = re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, t)
    t = re.sub(r" (?=(%|€|k€|M€|Md€|ha\b|km\b|m²|hab\.))", NBSP, t)
    t = re.sub(r" (?=[:;?!»])", NBSP, t)
    t = re.sub(r"« ", "«" + NBSP, t)
    t = re.sub(r"\b(n°|N°|art\.|p\.) ", lambda m: m.group(1) + NBSP, t)
    return t


def _pdf_fonts(pdf: FPDF) -> None:
    pdf.add_font("dv", "", str(FONT_REG))
    pdf.add_font("dv", "B", str(FONT_BOLD))
    pdf.add_font("dv", "I", str(FONT_IT))


# ---------------------------------------------------------------------------
# 1. Diaporama de bilan du CDET 2019-2023 de la CCMHR
# ---------------------------------------------------------------------------
SLIDES = [
    {"type": "title"},
    {"title": "SOMMAIRE", "bullets": [
        "Le territoire et le contrat en bref",
        "Quatre axes, neuf objectifs opérationnels",
        "L'essentiel en chiffres et l'avancement par axe",
        "Réalisations marquantes, axe par axe",
        "Emploi et plan de financement",
        "Gouvernance, difficultés rencontrées",
        "Suites à donner",
    ]},
    {"title": "LE TERRITOIRE EN BREF", "bullets": [
        "27 communes, siège à Valmontès (2 860 habitants)",
        "18 450 habitants sur 912 km², soit 20 hab./km²",
        "Altitude moyenne : 780 m – 100 % des communes en zone de montagne",
        "1 640 établissements actifs, dont 410 exploitations agricoles",
        "5 320 emplois au lieu de travail (Insee, 2020)",
        "Taux de chômage de la zone : 6,1 % fin 2023",
    ]},
    {"title": "LE CONTRAT EN QUELQUES DATES", "bullets": [
        "12 juillet 2019 : signature du contrat à Valmontès avec la Région Occitanie",
        "21 novembre 2019 : installation du comité de suivi",
        "30 novembre 2021 : adoption de l'avenant n° 1 (reprogrammation post-Covid)",
        "30 juin 2023 : date limite de dépôt des derniers dossiers",
        "31 décembre 2023 : clôture de la période d'engagement",
        "31 décembre 2024 : date limite de versement des soldes",
    ]},
    {"title": "QUATRE AXES, NEUF OBJECTIFS OPÉRATIONNELS", "axes": [
        ("Axe 1 – Ancrer les filières productives de montagne", [
            "1.1 Structurer une filière bois-construction locale",
            "1.2 Valoriser les productions agricoles sous signe de qualité",
            "1.3 Faciliter la reprise des exploitations et des entreprises artisanales"]),
        ("Axe 2 – Offrir du foncier et de l'immobilier d'entreprise adaptés", [
            "2.1 Requalifier les zones d'activités existantes",
            "2.2 Développer une offre d'ateliers-relais et de bureaux"]),
        ("Axe 3 – Faire des activités de pleine nature un levier d'emploi", [
            "3.1 Aménager les itinéraires de randonnée et de VTT",
            "3.2 Moderniser l'hébergement touristique marchand"]),
        ("Axe 4 – Attirer et retenir les actifs", [
            "4.1 Déployer le numérique et les tiers-lieux",
            "4.2 Accueillir les nouveaux actifs et loger les saisonniers"]),
    ]},
    {"title": "L'ESSENTIEL EN CHIFFRES", "kpis": [
        ("58 %", "des actions achevées (28 sur 48)"),
        ("11,9 M€", "investis par les maîtres d'ouvrage"),
        ("214", "emplois créés ou maintenus"),
        ("3,1 M€", "de subventions régionales engagées"),
    ], "note": "Taux d'engagement : 82 % des 14,6 M€ prévus à la signature – effet levier : 1 € régional pour 3,8 € investis"},
    {"title": "AVANCEMENT PAR AXE", "table": {
        "headers": ["Axe", "Actions prévues", "Actions achevées", "Taux d'achèvement", "Coût engagé", "Subvention Région"],
        "widths": [84, 34, 34, 44, 34, 40],
        "rows": [
            ["Axe 1 – Filières productives", "14", "9", "64 %", "3,4 M€", "0,92 M€"],
            ["Axe 2 – Foncier et immobilier", "10", "6", "60 %", "4,1 M€", "1,05 M€"],
            ["Axe 3 – Pleine nature", "13", "8", "62 %", "2,6 M€", "0,71 M€"],
            ["Axe 4 – Actifs et numérique", "11", "5", "45 %", "1,8 M€", "0,42 M€"],
            ["Total", "48", "28", "58 %", "11,9 M€", "3,10 M€"],
        ]},
        "note": "Autres statuts au 31/12/2023 : 12 actions en cours (25 %), 5 abandonnées (10 %), 3 non démarrées (6 %). Total différent de 100 % du fait des arrondis."},
    {"title": "AXE 1 – FILIÈRES PRODUCTIVES", "bullets": [
        "Scierie coopérative du Lévézou : 1,24 M€ investis, 18 emplois, 9 000 m³ de bois local sciés par an",
        "Atelier collectif de découpe de Castelpeyre : 34 éleveurs adhérents",
        "Magasin de producteurs à Valmontès : 22 producteurs, 1,1 M€ de chiffre d'affaires en 2023",
        "Dispositif « Relais Transmission » : 31 reprises accompagnées (dont 12 exploitations agricoles)",
        "Légumerie intercommunale : travaux en cours, mise en service prévue à l'automne 2024",
    ]},
    {"title": "AXE 2 – FONCIER ET IMMOBILIER", "bullets": [
        "23 hectares de zones d'activités requalifiés (ZA de la Borie : 9 ha ; ZA du Pradel : 14 ha)",
        "6,5 ha de lots commercialisés auprès de 11 entreprises",
        "4 ateliers-relais livrés, soit 1 850 m² de surface",
        "Taux d'occupation des ateliers-relais : 92 % au 31/12/2023",
        "Extension de la zone de Ségalas-le-Vieux abandonnée (zone humide)",
    ]},
    {"title": "AXE 3 – PLEINE NATURE", "bullets": [
        "Grande Boucle du Viaur : 142 km balisés, dont 38 km praticables en VTT à assistance électrique",
        "Maison du Viaur ouverte en juin 2023 à Prades-sur-Viaur (12 000 visiteurs la 1re saison)",
        "11 hébergements modernisés, dont le camping de Saint-Géraud-d'Olt (passage en 3 étoiles)",
        "Nuitées marchandes : + 14 % entre 2019 et 2023",
        "Via ferrata du Roc de l'Aigle : projet abandonné (avis défavorable au titre des sites)",
    ]},
    {"title": "AXE 4 – ACTIFS ET NUMÉRIQUE", "bullets": [
        "Fibre optique : 96 % des locaux raccordables fin 2023 (contre 41 % en 2019)",
        "3 tiers-lieux ouverts : Valmontès, Castelpeyre, Prades-sur-Viaur – 64 postes de travail",
        "Plateforme « Vivre et travailler dans les Monts » : 57 foyers accueillis",
        "8 logements pour saisonniers et apprentis en cours de réhabilitation (ancienne gendarmerie)",
        "Axe le moins avancé : 45 % des actions achevées",
    ]},
    {"title": "EMPLOI : 214 EMPLOIS CRÉÉS OU MAINTENUS", "table": {
        "headers": ["Axe", "Emplois créés", "Emplois maintenus", "Total"],
        "widths": [100, 50, 50, 40],
        "rows": [
            ["Axe 1 – Filières productives", "34", "62", "96"],
            ["Axe 2 – Foncier et immobilier", "23", "18", "41"],
            ["Axe 3 – Pleine nature", "19", "33", "52"],
            ["Axe 4 – Actifs et numérique", "11", "14", "25"],
            ["Total", "87", "127", "214"],
        ]},
        "note": "Emplois déclarés par les maîtres d'ouvrage lors des demandes de solde, exprimés en équivalents temps plein (ETP)."},
    {"title": "QUI A FINANCÉ LES 11,9 M€ ?", "bullets": [
        "Région Occitanie : 3,1 M€ (26 %)",
        "État (DETR, DSIL) : 2,0 M€ (17 %)",
        "Département de l'Aveyron : 1,4 M€ (12 %)",
        "Europe (programme LEADER, FEADER) : 0,9 M€ (8 %)",
        "CCMHR et communes : 2,6 M€ (22 %)",
        "Maîtres d'ouvrage privés : 1,9 M€ (16 %)",
    ], "note": "Pourcentages arrondis."},
    {"title": "GOUVERNANCE DU CONTRAT", "bullets": [
        "Comité de suivi co-présidé par la présidente de la CCMHR et le conseiller régional référent",
        "5 réunions du comité de suivi : 21/11/2019 – 10/12/2020 (visioconférence) – 30/11/2021 – 08/11/2022 – 05/12/2023",
        "Comité technique : 14 réunions (rythme trimestriel)",
        "Animation : 1 chargée de mission à temps plein, cofinancée par la Région à 50 %",
        "Bilan annuel transmis à la Maison de la Région de Rodez",
    ]},
    {"title": "DIFFICULTÉS RENCONTRÉES", "bullets": [
        "Crise sanitaire : 7 chantiers décalés de 6 à 9 mois en 2020",
        "Hausse des coûts de construction : + 18 % en moyenne sur les lots de bâtiment",
        "Tensions de recrutement dans le BTP et l'hôtellerie-restauration",
        "5 actions abandonnées, dont l'unité de méthanisation collective de Bournac-le-Haut",
        "Foncier : contraintes environnementales plus fortes qu'anticipé",
    ]},
    {"title": "SUITES À DONNER", "bullets": [
        "Reporter les 12 actions en cours dans le futur pacte territorial 2024-2028",
        "Clore formellement les 3 actions non démarrées",
        "Engager la négociation avec la Région au 2e semestre 2024",
        "Mener une évaluation externe des tiers-lieux (budget : 25 000 €)",
        "Poursuivre la coopération avec le PETR voisin sur l'itinérance",
    ]},
    {"type": "end"},
]


class SlideDeck(FPDF):
    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-12)
        self.set_font("dv", "", 9)
        self.set_text_color(110, 110, 110)
        self.cell(0, 6, fr("CCMHR – Bilan du CDET 2019-2023"), align="L")
        self.set_x(-40)
        self.cell(28, 6, f"{self.page_no()} / {{nb}}", align="R")


def build_slides(path: Path) -> None:
    pdf = SlideDeck(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(FIXED_DT)
    pdf.set_title("Bilan du CDET 2019-2023 – CCMHR")
    pdf.set_author("Communauté de communes des Monts du Haut-Rouergue")
    pdf.set_creator("build.py")
    pdf.set_producer("fpdf2")
    _pdf_fonts(pdf)
    pdf.set_auto_page_break(False)
    blue = (22, 74, 110)
    green = (110, 150, 60)
    for s in SLIDES:
        pdf.add_page()
        if s.get("type") == "title":
            pdf.set_fill_color(*blue)
            pdf.rect(0, 0, 297, 210, style="F")
            pdf.set_fill_color(*green)
            pdf.rect(0, 150, 297, 6, style="F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_xy(20, 40)
            pdf.set_font("dv", "B", 26)
            pdf.multi_cell(257, 13, fr("BILAN DU CONTRAT DE DÉVELOPPEMENT ÉCONOMIQUE TERRITORIAL 2019-2023"), align="L")
            pdf.ln(6)
            pdf.set_x(20)
            pdf.set_font("dv", "", 18)
            pdf.multi_cell(257, 10, fr("Communauté de communes des Monts du Haut-Rouergue (CCMHR)"), align="L")
            pdf.set_xy(20, 162)
            pdf.set_font("dv", "", 14)
            pdf.multi_cell(257, 8, fr("Présenté au conseil communautaire du 21 mars 2024"), align="L")
            pdf.set_x(20)
            pdf.set_font("dv", "I", 12)
            pdf.multi_cell(257, 7, fr("Service développement économique – document de séance"), align="L")
            continue
        if s.get("type") == "end":
            pdf.set_fill_color(*blue)
            pdf.rect(0, 0, 297, 210, style="F")
            pdf.set_text_color(255, 255, 255)
            pdf.set_xy(20, 70)
            pdf.set_font("dv", "B", 28)
            pdf.multi_cell(257, 14, "MERCI DE VOTRE ATTENTION", align="C")
            pdf.ln(8)
            pdf.set_font("dv", "", 15)
            pdf.multi_cell(257, 9, fr("Contact : chargée de mission CDET, service développement économique de la CCMHR"), align="C")
            pdf.multi_cell(257, 9, fr("Maison de l'économie – 4 avenue du Viaur – Valmontès"), align="C")
            continue
        # bandeau de titre
        pdf.set_fill_color(*blue)
        pdf.rect(0, 0, 297, 28, style="F")
        pdf.set_fill_color(*green)
        pdf.rect(0, 28, 297, 2, style="F")
        pdf.set_text_color(255, 255, 255)
        pdf.set_font("dv", "B", 22)
        pdf.set_xy(15, 8)
        pdf.cell(267, 12, fr(s["title"]))
        pdf.set_text_color(30, 30, 30)
        pdf.set_xy(20, 42)
        if "bullets" in s:
            size = 17 if len(s["bullets"]) <= 6 else 16
            for b in s["bullets"]:
                pdf.set_x(20)
                pdf.set_font("dv", "B", size)
                pdf.set_text_color(*green)
                pdf.cell(8, 10, "•")
                pdf.set_text_color(30, 30, 30)
                pdf.set_font("dv", "", size)
                pdf.multi_cell(245, 9, fr(b), align="L")
                pdf.ln(3.5)
        if "axes" in s:
            pdf.set_y(36)
            for title, objs in s["axes"]:
                pdf.set_x(15)
                pdf.set_font("dv", "B", 14)
                pdf.set_text_color(*blue)
                pdf.multi_cell(267, 8, fr(title), align="L")
                pdf.set_text_color(30, 30, 30)
                pdf.set_font("dv", "", 12)
                for o in objs:
                    pdf.set_x(25)
                    pdf.multi_cell(257, 6.5, fr(o), align="L")
                pdf.ln(2.5)
        if "kpis" in s:
            x0, y0, w, h = 20, 45, 125, 62
            for i, (big, small) in enumerate(s["kpis"]):
                x = x0 + (i % 2) * (w + 7)
                y = y0 + (i // 2) * (h + 8)
                pdf.set_fill_color(232, 240, 246)
                pdf.rect(x, y, w, h, style="F")
                pdf.set_xy(x, y + 10)
                pdf.set_font("dv", "B", 34)
                pdf.set_text_color(*blue)
                pdf.cell(w, 18, fr(big), align="C")
                pdf.set_xy(x + 5, y + 34)
                pdf.set_font("dv", "", 14)
                pdf.set_text_color(30, 30, 30)
                pdf.multi_cell(w - 10, 7, fr(small), align="C")
        if "table" in s:
            t = s["table"]
            pdf.set_xy(15, 45)
            pdf.set_font("dv", "", 12)
            pdf.set_fill_color(255, 255, 255)
            with pdf.table(col_widths=t["widths"], width=sum(t["widths"]), align="LEFT",
                           line_height=10, text_align="CENTER",
                           headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=blue)) as tab:
                for r in [t["headers"]] + t["rows"]:
                    row = tab.row()
                    for c in r:
                        row.cell(fr(c))
        if "note" in s:
            pdf.set_xy(20, 182)
            pdf.set_font("dv", "I", 11)
            pdf.set_text_color(80, 80, 80)
            pdf.multi_cell(257, 6, fr(s["note"]), align="L")
    pdf.output(str(path))


# ---------------------------------------------------------------------------
# 2. Rapport long : extrait de la stratégie régionale (Région Occitanie)
# ---------------------------------------------------------------------------
REPORT = [
    ("newpage",),
    ("h1", "1. Objet et cadre du présent extrait"),
    ("h2", "1.1 Pourquoi un volet territorial"),
    ("p", "La stratégie régionale de développement économique, d'innovation et d'internationalisation (SRDEII) fixe les orientations de la Région en matière d'aides aux entreprises, de soutien à l'innovation et d'attractivité. Elle a été complétée, dès 2018, par un volet consacré aux territoires, afin que les priorités régionales trouvent une traduction concrète à l'échelle des bassins de vie. Le présent document en reprend les chapitres qui intéressent directement les intercommunalités et les pôles d'équilibre territorial et rural : le diagnostic des dynamiques locales, le fonctionnement des contrats de développement économique territorial (CDET), le bilan de la génération de contrats signés entre 2018 et 2021, et les orientations retenues pour la période 2024-2028."),
    ("p", "Il ne constitue pas un document opposable. Les règles d'intervention détaillées figurent dans les délibérations de la commission permanente et dans les règlements des dispositifs, qui prévalent en cas de divergence. L'extrait est diffusé aux présidents d'EPCI et de PETR, aux services des Maisons de la Région et aux chambres consulaires, à titre d'information et d'aide à la préparation des futurs contrats."),
    ("h2", "1.2 Cadre juridique"),
    ("p", "Depuis la loi portant nouvelle organisation territoriale de la République du 7 août 2015, la Région est seule compétente pour définir les régimes d'aides aux entreprises sur son territoire, sous réserve de la compétence propre des communes et de leurs groupements en matière d'immobilier d'entreprise. Les intercommunalités peuvent intervenir en complément des aides régionales, dans le cadre de conventions passées avec la Région. Le CDET est l'outil qui organise cette complémentarité : il recense, sur une durée de cinq ans, les projets d'investissement portés par les collectivités et par les acteurs privés du territoire, et précise pour chacun d'eux les financements régionaux mobilisables."),
    ("p", "Les aides accordées au titre des contrats respectent le droit européen des aides d'État, notamment le règlement général d'exemption par catégorie et le règlement relatif aux aides de minimis. Lorsque le bénéficiaire est une entreprise, le taux d'aide publique cumulé ne peut dépasser les plafonds fixés par ces textes, quel que soit le nombre de financeurs."),
    ("h2", "1.3 Articulation avec les autres documents de planification"),
    ("p", "Le volet territorial s'articule avec le schéma régional d'aménagement, de développement durable et d'égalité des territoires (SRADDET), dont il reprend les objectifs de rééquilibrage entre les métropoles et les espaces ruraux. Il tient compte également de la trajectoire de sobriété foncière issue de la loi Climat et résilience de 2021, qui prévoit de diviser par deux la consommation d'espaces naturels, agricoles et forestiers au cours de la décennie 2021-2031 par rapport à la décennie précédente. Cette trajectoire, dite « zéro artificialisation nette » (ZAN), pèse directement sur la création de nouvelles zones d'activités et conduit la Région à privilégier la requalification de l'existant."),
    ("p", "Enfin, les contrats sont coordonnés avec les programmes européens. Dans les territoires ruraux, le programme LEADER, financé par le FEADER, intervient fréquemment sur les mêmes opérations, en particulier dans le tourisme et les circuits courts. Les comités de suivi des contrats associent à cette fin les groupes d'action locale concernés."),
    ("newpage",),
    ("h1", "2. Diagnostic économique des territoires"),
    ("h2", "2.1 Une région attractive, une croissance inégalement répartie"),
    ("p", "L'Occitanie compte 13 départements et près de 5,97 millions d'habitants. Sa population progresse d'environ 0,7 % par an, soit l'un des rythmes les plus soutenus de France métropolitaine, porté essentiellement par le solde migratoire. Cette croissance profite d'abord aux aires d'attraction de Toulouse et de Montpellier et au littoral méditerranéen, qui concentrent plus de la moitié des créations nettes d'emplois salariés privés depuis 2015."),
    ("p", "Les espaces ruraux et de montagne présentent une situation plus contrastée. Certains bénéficient d'une attractivité résidentielle nouvelle, accentuée depuis 2020 par le développement du télétravail, tandis que d'autres continuent de perdre des habitants et des actifs. L'emploi y repose davantage sur l'agriculture, l'agroalimentaire, l'artisanat, le tourisme et l'économie présentielle. Les entreprises y sont plus petites et plus souvent confrontées à la question de la transmission, un chef d'entreprise sur trois ayant plus de 55 ans."),
    ("h2", "2.2 Quelques indicateurs par type de territoire"),
    ("p", "Le tableau ci-dessous compare cinq grandes catégories d'espaces. Il fait apparaître une évolution de l'emploi nettement plus faible dans les territoires de montagne, mais un taux de chômage qui y reste inférieur à la moyenne régionale, en raison notamment du vieillissement de la population active et des départs de jeunes vers les pôles urbains."),
    ("table", "Tableau 1 – Indicateurs économiques par type de territoire",
     ["Type de territoire", "Part de la population", "Évolution de l'emploi 2015-2021", "Taux de chômage 2022", "Part de l'emploi industriel"],
     [50, 30, 38, 32, 30],
     [["Métropoles et grands pôles", "46 %", "+ 9,4 %", "9,8 %", "8 %"],
      ["Villes moyennes", "17 %", "+ 2,1 %", "11,2 %", "12 %"],
      ["Espaces périurbains", "19 %", "+ 6,3 %", "7,6 %", "11 %"],
      ["Espaces ruraux de plaine", "11 %", "+ 1,2 %", "8,1 %", "14 %"],
      ["Espaces de montagne", "7 %", "– 0,8 %", "6,9 %", "13 %"],
      ["Occitanie", "100 %", "+ 6,0 %", "9,3 %", "10 %"]],
     "Source : Région Occitanie, d'après Insee (recensement, estimations d'emploi) ; traitement de la direction de l'aménagement du territoire."),
    ("h2", "2.3 Les enjeux propres aux territoires de montagne"),
    ("p", "Les massifs des Pyrénées, du Massif central et des Cévennes couvrent près de la moitié de la superficie régionale mais n'accueillent qu'environ 7 % de la population. Les entreprises y font face à des surcoûts liés à l'éloignement, au relief et à la saisonnalité. La disponibilité de locaux professionnels adaptés y est souvent le premier frein cité par les porteurs de projets : les bâtiments vacants sont nombreux, mais rarement aux normes, et le marché privé de l'immobilier d'entreprise y est quasi inexistant. Dans ce contexte, les ateliers-relais et les hôtels d'entreprises construits par les collectivités jouent un rôle déterminant."),
    ("p", "Le tourisme de pleine nature constitue un autre levier. La randonnée, le VTT, l'itinérance à vélo et les activités d'eau vive génèrent une fréquentation en croissance, à condition que les itinéraires soient entretenus et que l'offre d'hébergement soit modernisée. Les enquêtes conduites par le comité régional du tourisme montrent que la clientèle d'itinérance dépense en moyenne 68 € par jour et par personne, hébergement compris."),
    ("p", "La couverture numérique, enfin, a fortement progressé. Le déploiement de la fibre optique, conduit par les syndicats départementaux et leurs délégataires, atteignait fin 2023 un taux de locaux raccordables de 88 % dans les communes de montagne, contre 52 % quatre ans plus tôt. Cette évolution rend possible l'installation d'indépendants et de salariés en télétravail, que les tiers-lieux contribuent à accueillir."),
    ("newpage",),
    ("h1", "3. Les contrats de développement économique territorial"),
    ("h2", "3.1 Principes"),
    ("p", "Le CDET est un contrat de cinq ans conclu entre la Région et un territoire de projet. Il repose sur une stratégie économique élaborée par le territoire lui-même, à partir d'un diagnostic partagé avec les acteurs locaux, et déclinée en axes stratégiques et en objectifs opérationnels. Chaque objectif est illustré par une liste d'actions, dont certaines sont identifiées dès la signature et d'autres ont vocation à émerger au cours du contrat."),
    ("p", "Le contrat n'ouvre pas de droit automatique à subvention. Chaque opération fait l'objet d'une demande d'aide instruite par les services régionaux selon les règles du dispositif concerné, puis d'une décision de la commission permanente. L'inscription au contrat vaut cependant priorité d'examen et permet de réserver une enveloppe indicative, révisable à l'occasion des avenants."),
    ("h2", "3.2 Territoires éligibles"),
    ("p", "Peuvent signer un contrat les établissements publics de coopération intercommunale à fiscalité propre et les pôles d'équilibre territorial et rural. Un territoire ne peut être couvert que par un seul contrat : lorsqu'une communauté de communes appartient à un PETR signataire, elle ne peut conclure de contrat distinct. Le territoire doit compter au moins 10 000 habitants, ce seuil étant abaissé à 5 000 habitants en zone de montagne. Il doit en outre disposer d'une ingénierie dédiée, sous la forme d'au moins un équivalent temps plein chargé de l'animation du contrat."),
    ("p", "La Région apporte un soutien à cette ingénierie à hauteur de 50 % du coût du poste, dans la limite de 30 000 € par an. En contrepartie, le territoire s'engage à transmettre chaque année un bilan d'avancement et à réunir au moins une fois par an un comité de suivi."),
    ("h2", "3.3 Modalités de financement"),
    ("p", "Les taux d'intervention de la Région varient selon la nature des opérations. Ils s'appliquent à la dépense éligible hors taxes lorsque le maître d'ouvrage récupère la TVA, et toutes taxes comprises dans le cas contraire. Le tableau 2 présente les taux de base applicables pendant la génération de contrats 2018-2024."),
    ("table", "Tableau 2 – Taux d'intervention régionale par type d'opération",
     ["Type d'opération", "Taux de base", "Plafond de subvention"],
     [100, 35, 45],
     [["Requalification de zones d'activités existantes", "25 %", "600 000 €"],
      ["Immobilier d'entreprise public (ateliers-relais, hôtels d'entreprises)", "25 %", "300 000 €"],
      ["Équipements collectifs agricoles, agroalimentaires et forestiers", "25 %", "400 000 €"],
      ["Hébergements touristiques marchands", "20 %", "200 000 €"],
      ["Itinéraires de randonnée et d'itinérance", "30 %", "150 000 €"],
      ["Équipements d'accueil touristique", "25 %", "250 000 €"],
      ["Tiers-lieux et espaces de travail partagés", "25 %", "160 000 €"],
      ["Logement des actifs saisonniers et des apprentis", "20 %", "150 000 €"],
      ["Études, ingénierie et animation", "30 %", "80 000 €"]],
     "Une bonification de 5 points s'applique aux opérations de reconversion de friches. Les taux s'entendent hors cofinancements européens."),
    ("p", "Les projets portés par des entreprises relèvent en règle générale des dispositifs régionaux de droit commun, comme les aides à l'investissement productif, les avances remboursables ou les prêts d'honneur. Ils peuvent néanmoins être inscrits au contrat lorsqu'ils présentent un intérêt collectif pour le territoire, par exemple lorsqu'ils sont portés par une coopérative, une société coopérative d'intérêt collectif ou un groupement d'agriculteurs."),
    ("p", "Pour éviter un saupoudrage des crédits, un montant minimal de dépense éligible de 20 000 € est exigé, sauf pour les études. Le cumul des aides publiques ne peut excéder 80 % du coût du projet lorsque le maître d'ouvrage est une collectivité, conformément au code général des collectivités territoriales."),
    ("h2", "3.4 Gouvernance et suivi"),
    ("p", "Chaque contrat est piloté par un comité de suivi co-présidé par le président du territoire signataire et par un conseiller régional référent désigné par la présidente de Région. Il réunit les services de la Région, l'État, le Département, les chambres consulaires et, le cas échéant, le groupe d'action locale LEADER. Le comité se réunit au moins une fois par an ; il examine l'avancement des actions, propose la programmation de l'année suivante et peut décider de réaffecter des crédits d'une action abandonnée vers une autre action du contrat."),
    ("p", "Un comité technique, composé des chargés de mission du territoire et de la Région, prépare les réunions du comité de suivi et assure le suivi opérationnel. Sa fréquence est laissée à l'appréciation des partenaires ; la plupart des territoires ont retenu un rythme trimestriel. Une revue à mi-parcours est organisée au cours de la troisième année. Elle peut donner lieu à un avenant modifiant la liste des actions et la répartition indicative des crédits, dans la limite de l'enveloppe initiale."),
    ("p", "Chaque territoire transmet, au plus tard le 31 mars de chaque année, un bilan d'avancement comprenant au minimum les indicateurs définis au tableau 6. Le bilan final est présenté à l'assemblée délibérante du territoire dans les six mois suivant la fin de la période d'engagement."),
    ("newpage",),
    ("h1", "4. Bilan de la génération de contrats 2018-2024"),
    ("h2", "4.1 Une couverture quasi complète du territoire régional"),
    ("p", "Entre mars 2018 et décembre 2021, 58 contrats ont été signés. Ils couvrent 96 % de la population régionale hors métropoles, les métropoles de Toulouse et de Montpellier relevant de contrats spécifiques non décomptés ici. Au total, 1 684 actions ont été inscrites dans les contrats, représentant un investissement prévisionnel de 1,24 Md€ et une réservation de 286 M€ de crédits régionaux."),
    ("p", "La répartition des contrats entre départements reflète à la fois la structure intercommunale et le choix, dans certains départements, de contractualiser à l'échelle des PETR plutôt qu'à celle des communautés de communes. Ainsi, l'Aveyron compte six contrats, dont un porté par un PETR, et la Lozère trois contrats seulement, tous portés par des groupements de communautés."),
    ("table", "Tableau 3 – Contrats signés et crédits réservés par département",
     ["Département", "Contrats signés", "dont portés par un PETR", "Crédits régionaux réservés"],
     [60, 35, 45, 40],
     [["Ariège", "3", "1", "14,2 M€"], ["Aude", "5", "2", "24,8 M€"], ["Aveyron", "6", "1", "27,4 M€"],
      ["Gard", "5", "1", "26,1 M€"], ["Haute-Garonne", "6", "2", "31,5 M€"], ["Gers", "4", "3", "17,9 M€"],
      ["Hérault", "6", "0", "28,6 M€"], ["Lot", "3", "2", "15,3 M€"], ["Lozère", "3", "3", "13,8 M€"],
      ["Hautes-Pyrénées", "4", "2", "19,6 M€"], ["Pyrénées-Orientales", "4", "1", "20,4 M€"],
      ["Tarn", "5", "2", "25,7 M€"], ["Tarn-et-Garonne", "4", "1", "20,7 M€"],
      ["Total Occitanie", "58", "21", "286,0 M€"]],
     "Source : Région Occitanie, direction de l'aménagement du territoire, situation au 31 décembre 2023."),
    ("h2", "4.2 Des résultats globalement satisfaisants"),
    ("p", "Au 31 décembre 2023, 52 % des actions inscrites dans l'ensemble des contrats étaient achevées, 27 % en cours, 13 % abandonnées ou reportées et 8 % non démarrées. Les crédits régionaux effectivement engagés s'élevaient à 219 M€, soit 77 % de l'enveloppe réservée. Chaque euro régional engagé a accompagné en moyenne 3,4 € d'investissement total, ce qui confirme l'effet d'entraînement du dispositif sur les autres financeurs publics et sur l'investissement privé."),
    ("p", "Les territoires ont déclaré 6 870 emplois créés ou maintenus dans les opérations soutenues. Ce chiffre doit être interprété avec prudence : il repose sur les déclarations des maîtres d'ouvrage au moment de la demande de solde et ne permet pas de distinguer rigoureusement les effets propres du contrat des évolutions qui se seraient produites sans lui. La Région a donc engagé en 2023 une évaluation indépendante portant sur un échantillon de douze contrats, dont les conclusions sont attendues pour la fin de l'année 2024."),
    ("p", "Les résultats varient sensiblement d'un territoire à l'autre. Les contrats signés dès 2018 ou 2019 affichent logiquement les taux d'achèvement les plus élevés, souvent supérieurs à 55 %, tandis que ceux signés en 2020 ou 2021 ont été davantage pénalisés par la crise sanitaire puis par la hausse du coût des matériaux. Les territoires disposant d'une ingénierie stable, sans vacance prolongée du poste de chargé de mission, obtiennent des résultats nettement meilleurs que les autres."),
    ("h2", "4.3 Répartition thématique des crédits"),
    ("p", "Le foncier et l'immobilier d'entreprise ont absorbé la plus grande part des crédits engagés. Viennent ensuite le tourisme, puis les filières agricoles, agroalimentaires et forestières. Le numérique et les tiers-lieux, bien que moins consommateurs de crédits, ont connu une forte progression après 2020."),
    ("table", "Tableau 4 – Répartition des crédits régionaux engagés par thématique (2018-2023)",
     ["Thématique", "Crédits engagés", "Part du total", "Nombre d'opérations"],
     [70, 40, 35, 35],
     [["Foncier et immobilier d'entreprise", "81,0 M€", "37 %", "312"],
      ["Tourisme et activités de pleine nature", "52,6 M€", "24 %", "268"],
      ["Agriculture, agroalimentaire et forêt-bois", "41,6 M€", "19 %", "187"],
      ["Numérique, tiers-lieux et services aux actifs", "24,1 M€", "11 %", "143"],
      ["Ingénierie, études et animation", "19,7 M€", "9 %", "126"],
      ["Total", "219,0 M€", "100 %", "1 036"]],
     "Source : Région Occitanie, situation au 31 décembre 2023."),
    ("h2", "4.4 Enseignements"),
    ("p", "Plusieurs enseignements se dégagent de cette première génération. En premier lieu, la qualité de l'animation locale est déterminante : les contrats bien suivis sont ceux où le chargé de mission connaît personnellement les porteurs de projets et les accompagne dans le montage financier. En deuxième lieu, les listes d'actions ont parfois été trop ambitieuses au regard des capacités financières des maîtres d'ouvrage, ce qui explique une partie des abandons. En troisième lieu, les contraintes environnementales, et notamment la présence de zones humides ou d'espèces protégées, ont conduit à renoncer à plusieurs extensions de zones d'activités, faute d'avoir été identifiées suffisamment tôt."),
    ("p", "Enfin, la coopération entre territoires voisins reste limitée. Les contrats ont été conçus territoire par territoire, alors que certains enjeux, comme les itinéraires de randonnée ou la structuration des filières, dépassent les périmètres administratifs. Quelques initiatives de coopération ont néanmoins vu le jour, par exemple entre des communautés de communes du nord Aveyron et un PETR voisin pour relier leurs itinéraires de randonnée et de vélo."),
    ("newpage",),
    ("h1", "5. Orientations pour la période 2024-2028"),
    ("h2", "5.1 Les pactes territoriaux de transition économique"),
    ("p", "Par délibération de l'assemblée plénière du 15 décembre 2023, la Région a décidé de remplacer les CDET par des pactes territoriaux de transition économique, d'une durée de cinq ans. Ces pactes reprennent l'essentiel de la méthode des contrats – stratégie élaborée localement, liste d'actions, comité de suivi – mais en renforcent les exigences sur trois points : la sobriété foncière, la transition écologique des entreprises et la coopération entre territoires."),
    ("p", "Chaque pacte devra consacrer au moins 20 % des crédits régionaux réservés à des opérations contribuant directement à la transition écologique, par exemple la rénovation énergétique de bâtiments d'activité, l'économie circulaire ou la production d'énergies renouvelables par des collectifs locaux. Les créations de zones d'activités sur des espaces naturels, agricoles ou forestiers ne seront plus éligibles, sauf dérogation motivée examinée par la commission permanente ; la priorité ira à la densification et à la requalification des zones existantes et à la reconversion des friches."),
    ("p", "Pour encourager la coopération, une enveloppe spécifique de 12 M€ est créée pour financer des projets portés conjointement par au moins deux territoires signataires. Les projets de coopération bénéficieront d'un taux majoré de 10 points par rapport aux taux de base."),
    ("h2", "5.2 Priorités thématiques"),
    ("p", "Les pactes s'organiseront autour de quatre priorités, que chaque territoire déclinera selon ses spécificités :"),
    ("bullets", [
        "la souveraineté alimentaire, par le soutien aux outils collectifs de transformation et aux circuits de proximité ;",
        "l'adaptation de l'offre d'accueil des entreprises, en privilégiant les friches et la densification ;",
        "le tourisme durable et quatre saisons, afin de réduire la dépendance à la saison estivale et à la neige ;",
        "l'attractivité pour les actifs, notamment par le logement des saisonniers, des apprentis et des nouveaux arrivants.",
    ]),
    ("p", "Le numérique, qui a constitué une priorité de la génération précédente, n'est plus identifié comme une priorité distincte, le déploiement de la fibre optique devant être achevé en 2025 sur l'ensemble du territoire régional. Les tiers-lieux restent éligibles au titre de la quatrième priorité."),
    ("h2", "5.3 Calendrier de mise en œuvre"),
    ("p", "Le calendrier prévisionnel est le suivant : diffusion du cadre de référence aux territoires au premier trimestre 2024 ; élaboration des stratégies locales et négociation avec les services régionaux au cours de l'année 2024 ; signature des pactes entre le 1er janvier et le 30 juin 2025. Pendant la période de transition, les opérations inscrites dans un CDET et déposées avant le 31 décembre 2023 continueront d'être instruites selon les règles des contrats ; les soldes pourront être versés jusqu'au 31 décembre 2024."),
    ("p", "Les territoires dont le contrat se termine plus tardivement, notamment ceux signés pour la période 2020-2024, conserveront leur contrat jusqu'à son terme. Ils pourront signer un pacte à compter de 2025, les deux documents ne pouvant toutefois se chevaucher sur une même opération."),
    ("h2", "5.4 Moyens financiers"),
    ("p", "L'enveloppe indicative consacrée aux pactes s'élève à 310 M€ sur cinq ans, hors enveloppe de coopération. Elle sera répartie entre territoires selon une clé tenant compte de la population, du revenu fiscal médian par unité de consommation et du classement en zone de montagne. Un territoire ne pourra se voir réserver moins de 2 M€ ni plus de 9 M€ sur la durée du pacte."),
    ("p", "Pendant l'année de transition 2024, les chargés de territoire des Maisons de la Région accompagneront chaque territoire dans la préparation de son pacte. Un séminaire régional réunissant les chargés de mission des territoires sera organisé au printemps 2024 à Toulouse, suivi de réunions départementales. Un guide méthodologique actualisé, intégrant les nouvelles exigences en matière de sobriété foncière et de transition écologique, sera diffusé à cette occasion. Les territoires qui le souhaitent pourront également bénéficier d'un appui à la rédaction de leur stratégie, dans la limite de vingt jours d'accompagnement par un cabinet retenu par la Région."),
    ("p", "Le soutien régional à l'ingénierie est maintenu à 50 % du coût du poste de chargé de mission, et son plafond annuel est porté de 30 000 € à 35 000 €. Les territoires qui mutualisent un poste à l'échelle de plusieurs EPCI bénéficieront d'un taux de 60 %."),
    ("newpage",),
    ("h1", "6. Indicateurs de suivi"),
    ("h2", "6.1 Indicateurs obligatoires"),
    ("p", "Afin de permettre une consolidation régionale, chaque territoire renseigne un socle commun d'indicateurs dans son bilan annuel. Les définitions précises figurent dans le guide méthodologique diffusé aux chargés de mission ; les principales sont rappelées ci-dessous."),
    ("table", "Tableau 6 – Socle commun d'indicateurs de suivi des contrats",
     ["Indicateur", "Unité", "Mode de calcul"],
     [55, 25, 100],
     [["Taux d'achèvement des actions", "%", "Actions achevées rapportées aux actions inscrites au contrat (avenants compris)"],
      ["Investissement total engagé", "€", "Somme des coûts totaux des opérations ayant fait l'objet d'une décision de financement"],
      ["Crédits régionaux engagés", "€", "Subventions régionales votées en commission permanente"],
      ["Effet levier", "ratio", "Investissement total engagé divisé par les crédits régionaux engagés"],
      ["Emplois créés ou maintenus", "ETP", "Déclaration du maître d'ouvrage à la demande de solde"],
      ["Surface de foncier économique requalifiée", "ha", "Surface cessible des zones ayant fait l'objet de travaux"],
      ["Surface d'immobilier d'entreprise livrée", "m²", "Surface de plancher des bâtiments réceptionnés"]],
     "Source : guide méthodologique régional, version de janvier 2019."),
    ("h2", "6.2 Règles de comptage"),
    ("p", "Une action est considérée comme achevée lorsque l'ensemble des opérations qui la composent ont été réceptionnées ou, pour les actions immatérielles, lorsque le livrable final a été remis. Une action est abandonnée lorsque le maître d'ouvrage y a renoncé par écrit ou lorsque le comité de suivi a constaté son abandon. Une action est non démarrée tant qu'aucune dépense n'a été engagée, même si des études préalables ont été conduites par un autre maître d'ouvrage."),
    ("p", "Les emplois sont comptés en équivalents temps plein. Un emploi maintenu est un emploi existant dont la pérennité dépendait, selon le maître d'ouvrage, de la réalisation du projet. Les emplois saisonniers sont comptés au prorata de leur durée annuelle. Les territoires sont invités à distinguer les créations nettes des maintiens, ce que seuls 31 contrats sur 58 ont fait de manière systématique."),
    ("newpage",),
    ("h1", "Glossaire des sigles"),
    ("glossary", [
        ("AMI", "Appel à manifestation d'intérêt"),
        ("CCI", "Chambre de commerce et d'industrie"),
        ("CDET", "Contrat de développement économique territorial"),
        ("CMA", "Chambre de métiers et de l'artisanat"),
        ("DETR", "Dotation d'équipement des territoires ruraux"),
        ("DSIL", "Dotation de soutien à l'investissement local"),
        ("EPCI", "Établissement public de coopération intercommunale"),
        ("ETP", "Équivalent temps plein"),
        ("FEADER", "Fonds européen agricole pour le développement rural"),
        ("GAL", "Groupe d'action locale (programme LEADER)"),
        ("LEADER", "Liaison entre actions de développement de l'économie rurale"),
        ("PETR", "Pôle d'équilibre territorial et rural"),
        ("SCIC", "Société coopérative d'intérêt collectif"),
        ("SRADDET", "Schéma régional d'aménagement, de développement durable et d'égalité des territoires"),
        ("SRDEII", "Schéma régional de développement économique, d'innovation et d'internationalisation"),
        ("ZA", "Zone d'activités"),
        ("ZAN", "Zéro artificialisation nette"),
    ]),
]

REPORT_FOCUS = [
    ("h2", "4.5 Focus sur trois contrats du Massif central aveyronnais"),
    ("p", "Trois contrats aveyronnais illustrent la diversité des situations. Le premier, signé en juillet 2019 par une communauté de communes de montagne de 27 communes, a été clôturé fin 2023 avec un taux d'achèvement supérieur à la moyenne régionale. Le second, conclu en février 2020 par un PETR regroupant trois communautés de communes, arrivait à mi-parcours au moment de la rédaction du présent document. Le troisième, signé en 2018 par une communauté de communes de vallée, a été prolongé d'un an par avenant pour tenir compte des retards liés à la crise sanitaire."),
    ("table", "Tableau 5 – Trois contrats aveyronnais (situation à la date du dernier bilan transmis)",
     ["Contrat", "Période", "Actions inscrites", "Taux d'achèvement", "Crédits régionaux réservés"],
     [56, 24, 26, 34, 40],
     [["CC des Monts du Haut-Rouergue", "2019-2023", "48", "58 %", "3,8 M€"],
      ["PETR des Causses et Vallées", "2020-2024", "36", "39 %", "5,2 M€"],
      ["CC des Hautes Terres de l'Olt", "2018-2023", "41", "61 %", "4,4 M€"]],
     "Bilan final pour les contrats clôturés ; bilan à mi-parcours arrêté au 30 septembre 2022 pour le PETR."),
    ("p", "La comparaison doit tenir compte des dates de référence : le taux d'achèvement du PETR correspond à une situation intermédiaire, à un peu plus de la moitié de la durée du contrat, alors que les deux autres chiffres portent sur la totalité de la période. Il faut également rappeler que le PETR, plus peuplé, a inscrit des projets de taille plus importante, notamment un abattoir de proximité et une voie verte, dont la réalisation s'étale naturellement sur plusieurs années."),
    ("p", "Le premier de ces contrats montre l'intérêt d'une ingénierie stable : la même chargée de mission en a assuré l'animation de la signature à la clôture, et le comité technique s'est réuni chaque trimestre. Il montre aussi les limites d'une programmation trop dépendante de quelques grands projets privés, puisque l'abandon d'une unité de méthanisation collective a privé le contrat de près de 2,8 M€ d'investissement. À l'inverse, le PETR a souffert d'une vacance de plusieurs mois du poste de chargé de mission en 2021, dont il s'est depuis rattrapé."),
]

REPORT_METHOD = [
    ("newpage",),
    ("h1", "7. Préparer un pacte : repères méthodologiques"),
    ("h2", "7.1 Partir d'un diagnostic actualisé"),
    ("p", "Les territoires sont invités à actualiser le diagnostic réalisé lors de la préparation de leur contrat plutôt qu'à en produire un nouveau. L'actualisation porte en priorité sur l'emploi, le tissu d'entreprises, le foncier économique disponible et la vacance des locaux d'activité. Un inventaire des zones d'activités, précisant pour chacune les surfaces cessibles, les friches et les possibilités de densification, est désormais exigé ; il pourra s'appuyer sur les observatoires départementaux du foncier lorsqu'ils existent."),
    ("p", "Le bilan du contrat précédent constitue une pièce essentielle du dossier. Il doit permettre de comprendre pourquoi certaines actions n'ont pas abouti et de tirer les conséquences de ces difficultés dans la nouvelle programmation. La Région recommande de ne pas reconduire automatiquement les actions non démarrées, mais d'en vérifier préalablement la faisabilité technique, financière et environnementale."),
    ("h2", "7.2 Associer les acteurs économiques"),
    ("p", "L'élaboration de la stratégie locale associe les chambres consulaires, les représentants des entreprises, les structures d'accompagnement à la création, les offices de tourisme et, lorsqu'ils existent, les conseils de développement. Au moins une réunion ouverte aux entreprises du territoire doit être organisée. Les territoires voisins sont consultés sur les projets susceptibles de les concerner, en particulier les itinéraires touristiques, les équipements structurants et les zones d'activités situées à proximité des limites intercommunales."),
    ("h2", "7.3 Contenu du dossier"),
    ("p", "Le dossier de pacte comprend : une note stratégique de vingt pages au plus ; la liste des actions, classées par axe, avec pour chacune le maître d'ouvrage pressenti, le coût estimé, le calendrier et le plan de financement prévisionnel ; la délibération de l'assemblée délibérante approuvant le projet de pacte ; le bilan du contrat précédent ; l'inventaire des zones d'activités mentionné plus haut. Les actions sont accompagnées d'une fiche précisant leur contribution aux quatre priorités régionales et, le cas échéant, à l'objectif de 20 % de crédits consacrés à la transition écologique."),
    ("h2", "7.4 Instruction et signature"),
    ("p", "Les services de la Maison de la Région compétente accusent réception du dossier et vérifient sa complétude dans un délai d'un mois. La négociation porte ensuite sur la liste des actions et sur l'enveloppe réservée. Le projet de pacte est soumis à la commission permanente, puis signé par la présidente de Région et par le président du territoire, en présence des partenaires cosignataires. Le Département et l'État peuvent être cosignataires lorsqu'ils s'engagent sur un volume de cofinancements."),
    ("h2", "7.5 Points de vigilance"),
    ("bullets", [
        "Vérifier l'éligibilité du maître d'ouvrage avant l'inscription d'une action, en particulier pour les projets privés.",
        "Anticiper les autorisations environnementales et d'urbanisme, dont les délais excèdent souvent un an.",
        "Prévoir une marge sur les coûts de construction, dont la hausse a atteint 15 à 20 % entre 2021 et 2023.",
        "Éviter d'inscrire des actions sans maître d'ouvrage identifié, qui représentent l'essentiel des actions non démarrées.",
        "Organiser le suivi des emplois dès le dépôt des demandes, plutôt qu'au moment du solde.",
    ]),
    ("newpage",),
    ("h1", "8. Questions fréquemment posées par les territoires"),
    ("h2", "8.1 Une action non achevée peut-elle être reprise dans le pacte ?"),
    ("p", "Oui. Une action en cours à la fin de la période d'engagement d'un CDET peut être inscrite dans le pacte suivant, à condition que la part non encore engagée soit clairement identifiée. Les dépenses déjà subventionnées au titre du contrat ne peuvent bien entendu pas être financées une seconde fois. Les actions non démarrées doivent, quant à elles, faire l'objet d'un nouvel examen de faisabilité."),
    ("h2", "8.2 Les crédits non consommés d'un contrat sont-ils reportés ?"),
    ("p", "Non. Les enveloppes réservées dans les CDET sont indicatives et ne donnent pas lieu à report automatique. Les crédits non engagés à la clôture d'un contrat retournent au budget général de la Région. Le niveau d'engagement du contrat précédent est toutefois pris en compte, parmi d'autres critères, dans la détermination de l'enveloppe du pacte, un territoire ayant engagé plus de 75 % de son enveloppe bénéficiant d'une majoration de 5 %."),
    ("h2", "8.3 Un PETR et une de ses communautés de communes peuvent-ils signer chacun un pacte ?"),
    ("p", "Non, la règle d'unicité applicable aux CDET est maintenue : un même territoire ne peut être couvert que par un seul pacte. En revanche, deux territoires voisins, qu'il s'agisse d'EPCI ou de PETR, peuvent déposer ensemble un projet de coopération au titre de l'enveloppe spécifique de 12 M€."),
    ("h2", "8.4 Les entreprises peuvent-elles solliciter directement une aide au titre du pacte ?"),
    ("p", "Les aides aux entreprises individuelles continuent de relever des dispositifs régionaux de droit commun, accessibles toute l'année via la plateforme des aides régionales. Le pacte n'a pas vocation à s'y substituer. Les intercommunalités restent libres de compléter ces aides dans le cadre de leur compétence en matière d'immobilier d'entreprise, après conventionnement avec la Région."),
    ("h2", "8.5 Quel est le rôle du conseiller régional référent ?"),
    ("p", "Le conseiller régional référent co-préside le comité de suivi et représente la Région dans les instances locales liées au pacte. Il veille à la cohérence des projets avec les politiques régionales et peut saisir les vice-présidents compétents des dossiers qui soulèvent des difficultés. Il n'intervient pas dans l'instruction technique des demandes d'aide, qui reste de la responsabilité des services."),
]


class Report(FPDF):
    HEADER = "Région Occitanie – Volet territorial de la stratégie économique (extrait)"

    def header(self):
        if self.page_no() == 1:
            return
        self.set_y(10)
        self.set_font("dv", "I", 8.5)
        self.set_text_color(100, 100, 100)
        self.cell(0, 5, fr(self.HEADER), align="L")
        self.set_draw_color(180, 180, 180)
        self.line(20, 16, 190, 16)
        self.set_y(24)

    def footer(self):
        if self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font("dv", "", 8.5)
        self.set_text_color(100, 100, 100)
        self.cell(85, 5, "Document d'information – février 2024", align="L")
        self.cell(85, 5, f"Page {self.page_no()} sur {{nb}}", align="R")


def _report_blocks():
    full = list(REPORT)
    i5 = full.index(("h1", "5. Orientations pour la période 2024-2028")) - 1
    full[i5:i5] = REPORT_FOCUS
    ig = full.index(("h1", "Glossaire des sigles")) - 1
    full[ig:ig] = REPORT_METHOD
    return full


def build_report(path: Path) -> None:
    pdf = Report(orientation="P", unit="mm", format="A4")
    pdf.set_creation_date(FIXED_DT)
    pdf.set_title("Stratégie régionale – volet territorial (extrait)")
    pdf.set_author("Région Occitanie – direction de l'aménagement du territoire")
    pdf.set_creator("build.py")
    pdf.set_producer("fpdf2")
    _pdf_fonts(pdf)
    pdf.set_margins(20, 24, 20)
    pdf.set_auto_page_break(True, margin=22)
    dark = (120, 30, 50)
    # Couverture
    pdf.add_page()
    pdf.set_fill_color(*dark)
    pdf.rect(0, 0, 210, 12, style="F")
    pdf.set_xy(20, 50)
    pdf.set_font("dv", "B", 15)
    pdf.set_text_color(*dark)
    pdf.cell(0, 8, "RÉGION OCCITANIE")
    pdf.set_xy(20, 70)
    pdf.set_text_color(20, 20, 20)
    pdf.set_font("dv", "B", 22)
    pdf.multi_cell(170, 11, fr("Stratégie régionale de développement économique, d'innovation et d'internationalisation"), align="L")
    pdf.ln(6)
    pdf.set_font("dv", "", 16)
    pdf.multi_cell(170, 9, fr("Volet territorial – extrait : les contrats de développement économique territorial, bilan 2018-2023 et orientations 2024-2028"), align="L")
    pdf.set_xy(20, 230)
    pdf.set_font("dv", "", 11)
    pdf.multi_cell(170, 6, fr("Direction de l'aménagement du territoire et des politiques contractuelles\nÉdition de février 2024"), align="L")
    # Sommaire
    blocks = _report_blocks()
    pdf.add_page()
    pdf.set_font("dv", "B", 16)
    pdf.set_text_color(*dark)
    pdf.cell(0, 10, "Sommaire", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_text_color(20, 20, 20)
    for b in blocks:
        if b[0] == "h1":
            pdf.set_font("dv", "B", 10.5)
            pdf.ln(1.2)
            pdf.multi_cell(170, 5.8, fr(b[1]), align="L")
        elif b[0] == "h2":
            pdf.set_font("dv", "", 9.5)
            pdf.set_x(28)
            pdf.multi_cell(162, 5, fr(b[1]), align="L")
    # Corps
    for b in blocks:
        kind = b[0]
        if kind == "newpage":
            pdf.add_page()
        elif kind == "h1":
            pdf.set_font("dv", "B", 16)
            pdf.set_text_color(*dark)
            pdf.multi_cell(170, 9, fr(b[1]), align="L")
            pdf.ln(4)
            pdf.set_text_color(20, 20, 20)
        elif kind == "h2":
            if pdf.get_y() > 240:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("dv", "B", 12.5)
            pdf.set_text_color(*dark)
            pdf.multi_cell(170, 7, fr(b[1]), align="L")
            pdf.ln(2)
            pdf.set_text_color(20, 20, 20)
        elif kind == "p":
            pdf.set_font("dv", "", 11)
            pdf.multi_cell(170, 6.2, fr(b[1]), align="L")
            pdf.ln(3.5)
        elif kind == "bullets":
            pdf.set_font("dv", "", 11)
            for it in b[1]:
                pdf.set_x(26)
                pdf.cell(5, 6.2, "–")
                pdf.multi_cell(159, 6.2, fr(it), align="L")
                pdf.ln(1.5)
            pdf.ln(2)
        elif kind == "table":
            _, caption, headers, widths, rows, source = b
            if pdf.get_y() > 200:
                pdf.add_page()
            pdf.ln(2)
            pdf.set_font("dv", "B", 10.5)
            pdf.multi_cell(170, 6, fr(caption), align="L")
            pdf.ln(1.5)
            pdf.set_font("dv", "", 9.5)
            pdf.set_fill_color(255, 255, 255)
            with pdf.table(col_widths=widths, width=min(sum(widths), 170), line_height=5.6,
                           text_align=["LEFT"] + ["CENTER"] * (len(widths) - 1),
                           headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=dark)) as tab:
                for r in [headers] + rows:
                    row = tab.row()
                    for c in r:
                        row.cell(fr(c))
            pdf.ln(1.5)
            pdf.set_font("dv", "I", 8.5)
            pdf.multi_cell(170, 4.8, fr(source), align="L")
            pdf.ln(4)
        elif kind == "glossary":
            pdf.set_font("dv", "", 11)
            for sigle, sens in b[1]:
                pdf.set_font("dv", "B", 11)
                pdf.cell(30, 7.5, sigle)
                pdf.set_font("dv", "", 11)
                pdf.multi_cell(140, 7.5, fr(sens), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


# ---------------------------------------------------------------------------
# Utilitaires Office (docx / xlsx) : propriétés et archive ZIP déterministes
# ---------------------------------------------------------------------------
def _normalize_zip(path: Path) -> None:
    """Réécrit l'archive avec des horodatages fixes (sortie octet pour octet stable)."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "docProps/core.xml":
                txt = data.decode("utf-8")
                txt = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                             r"\g<1>2024-01-01T00:00:00Z\g<2>", txt)
                txt = re.sub(r"(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)",
                             r"\g<1>2024-01-01T00:00:00Z\g<2>", txt)
                data = txt.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zout.writestr(zi, data)
    path.write_bytes(buf.getvalue())


def _docx_new(title: str, author: str):
    from docx import Document
    from docx.shared import Pt
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.created = datetime(2024, 1, 1)
    cp.modified = datetime(2024, 1, 1)
    cp.revision = 1
    cp.language = "fr-FR"
    return doc


def _docx_table(doc, headers, rows, widths_cm=None):
    from docx.shared import Cm
    t = doc.add_table(rows=1, cols=len(headers))
    t.style = "Table Grid"
    for i, h in enumerate(headers):
        cell = t.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(h)
        run.bold = True
    for r in rows:
        cells = t.add_row().cells
        for i, v in enumerate(r):
            cells[i].text = v
    if widths_cm:
        for row in t.rows:
            for i, w in enumerate(widths_cm):
                row.cells[i].width = Cm(w)
    return t


def _bullets(doc, items, style="List Bullet"):
    for it in items:
        doc.add_paragraph(it, style=style)


# ---------------------------------------------------------------------------
# 3. Compte rendu du comité de suivi du 8 novembre 2022
# ---------------------------------------------------------------------------
def build_cr(path: Path) -> None:
    doc = _docx_new("Compte rendu du comité de suivi du CDET – 8 novembre 2022",
                    "CCMHR – service développement économique")
    p = doc.add_paragraph()
    r = p.add_run("Communauté de communes des Monts du Haut-Rouergue")
    r.bold = True
    doc.add_paragraph("Service développement économique – Maison de l'économie, 4 avenue du Viaur, Valmontès")
    doc.add_heading("Compte rendu du comité de suivi du Contrat de développement économique territorial 2019-2023", level=1)
    doc.add_paragraph("Séance du mardi 8 novembre 2022, de 14 h 30 à 17 h 15, salle du conseil de la Maison de l'économie à Valmontès.")
    doc.add_paragraph("Quatrième réunion du comité depuis la signature du contrat. Co-présidence : Mme Hélène Vabre, présidente de la communauté de communes, et M. Patrice Cayla, conseiller régional référent pour le contrat.")

    doc.add_heading("Participants", level=2)
    doc.add_paragraph("Membres présents :")
    _bullets(doc, [
        "Mme Hélène Vabre, présidente de la CCMHR",
        "M. Patrice Cayla, conseiller régional, référent du contrat",
        "M. Bernard Couderc, vice-président de la CCMHR chargé de l'économie, maire de Castelpeyre",
        "Mme Nadia Bousquet, chargée de territoire, Maison de la Région de Rodez",
        "M. Alain Rouquette, conseiller départemental de l'Aveyron",
        "Mme Claire Janvier, secrétaire générale de la sous-préfecture, représentant l'État",
        "Mme Josiane Mercadier, chambre de métiers et de l'artisanat",
        "M. Rémi Soulié, chambre d'agriculture",
        "Mme Éloïse Gaven, CCI Aveyron, représentant M. Olivier Bru",
        "Mme Anaïs Calmels, directrice de l'office de tourisme intercommunal",
        "M. Jean-Luc Bonnefous, président du GAL LEADER",
    ])
    doc.add_paragraph("Membres excusés :")
    _bullets(doc, [
        "Mme Sylvie Delmas, vice-présidente de la CCMHR chargée du tourisme",
        "M. Olivier Bru, président de la délégation territoriale de la CCI (représenté)",
        "M. Fabrice Nayrac, directeur du PETR des Causses et Vallées, invité en qualité d'observateur",
    ])
    doc.add_paragraph("Assistaient également : M. Thierry Alibert, directeur général des services de la CCMHR ; Mme Laure Fabié, chargée de mission CDET, secrétaire de séance.")

    doc.add_heading("Ordre du jour", level=2)
    _bullets(doc, [
        "Approbation du compte rendu de la réunion du 30 novembre 2021",
        "État d'avancement du contrat au 31 octobre 2022",
        "Réaffectation des crédits de l'extension de la zone d'activités de Ségalas-le-Vieux",
        "Programmation 2023 et calendrier de fin de contrat",
        "Questions diverses",
    ], style="List Number")

    doc.add_heading("1. Approbation du compte rendu précédent", level=2)
    doc.add_paragraph("Le compte rendu de la réunion du 30 novembre 2021, au cours de laquelle l'avenant n° 1 avait été examiné, est approuvé à l'unanimité sans modification.")

    doc.add_heading("2. État d'avancement au 31 octobre 2022", level=2)
    doc.add_paragraph("Mme Fabié présente la situation des 48 actions inscrites au contrat après l'avenant n° 1. À la date du 31 octobre 2022, 19 actions sont achevées, soit 40 % du total, 20 sont en cours, 6 n'ont pas démarré et 3 ont été abandonnées. Le coût total des opérations engagées atteint 7,6 M€, pour 1,9 M€ de subventions régionales votées en commission permanente. Les maîtres d'ouvrage déclarent à ce stade 132 emplois créés ou maintenus.")
    doc.add_paragraph("Le tableau ci-dessous récapitule la situation des principales opérations.")
    _docx_table(doc, ["Opération", "Maître d'ouvrage", "Statut au 8/11/2022", "Commentaire"], [
        ["Scierie coopérative du Lévézou", "SCIC Bois du Lévézou", "Terminé", "Mise en service en juin 2022 ; 18 emplois"],
        ["Atelier collectif de découpe", "CUMA Viande des Monts", "Terminé", "34 éleveurs adhérents"],
        ["Requalification de la ZA de la Borie", "CCMHR", "Terminé", "Réception des travaux en septembre 2022"],
        ["Requalification de la ZA du Pradel", "CCMHR", "En cours", "Voirie achevée, éclairage public en cours"],
        ["Extension de la ZA de Ségalas-le-Vieux", "CCMHR", "Abandonné", "Zone humide de 2,4 ha identifiée par l'étude d'impact"],
        ["Maison du Viaur", "CCMHR", "En cours", "Permis accordé, travaux démarrés en septembre 2022"],
        ["Gîte de groupe de Bournac-le-Haut", "SARL Les Granges de Bournac", "Non démarré", "Permis de construire déposé en octobre 2022"],
        ["Légumerie intercommunale", "CCMHR", "Non démarré", "Étude de faisabilité rendue ; besoin de financement"],
        ["Tiers-lieu de Prades-sur-Viaur", "Commune de Prades-sur-Viaur", "En cours", "Consultation des entreprises lancée"],
        ["Unité de méthanisation collective", "SAS Biogaz des Monts", "En cours", "Plan de financement en cours de révision"],
    ], widths_cm=[4.5, 3.8, 3.0, 5.5])
    doc.add_paragraph("")
    doc.add_paragraph("M. Couderc souligne que l'axe 2 concentre l'essentiel des dépenses, avec les deux zones d'activités et les ateliers-relais, dont trois sur quatre sont désormais livrés. Mme Bousquet indique que le rythme d'engagement du contrat est conforme à la moyenne des contrats signés en 2019. Elle appelle toutefois l'attention du comité sur l'axe 4, dont seules 3 actions sur 11 sont achevées.")
    doc.add_paragraph("M. Rouquette rappelle que le Département a cofinancé la requalification des deux zones d'activités et s'interroge sur le rythme de commercialisation des lots. Mme Fabié indique que 4,2 ha ont été cédés ou font l'objet d'une promesse de vente, pour sept entreprises, et que deux demandes supplémentaires sont en cours d'examen. Mme Mercadier signale une forte demande d'ateliers de petite taille, entre 150 et 300 m², de la part des artisans du bâtiment, que l'offre actuelle ne couvre pas.")
    doc.add_paragraph("M. Soulié fait part des inquiétudes des exploitants associés au projet de méthanisation face à l'augmentation du coût des équipements, qui dépasse 25 % depuis l'étude initiale. Une décision sur la poursuite du projet est attendue au premier trimestre 2023.")

    doc.add_heading("3. Réaffectation des crédits de l'extension de Ségalas-le-Vieux", level=2)
    doc.add_paragraph("L'extension de la zone d'activités de Ségalas-le-Vieux (6 ha) est abandonnée : l'étude d'impact a mis en évidence une zone humide de 2,4 ha au cœur du périmètre, rendant le projet incompatible avec la séquence « éviter, réduire, compenser » dans des conditions économiques acceptables. Une enveloppe régionale de 325 000 € avait été réservée pour cette opération.")
    doc.add_paragraph("Le comité décide, à l'unanimité, de réaffecter cette enveloppe comme suit :")
    _bullets(doc, [
        "130 000 € à la légumerie intercommunale de Prades-sur-Viaur, pour permettre le lancement des travaux en 2023 ;",
        "95 000 € au tiers-lieu de Prades-sur-Viaur ;",
        "100 000 € conservés en réserve, à affecter lors du prochain comité en fonction de l'avancement des projets.",
    ])
    doc.add_paragraph("Mme Janvier précise que la dotation d'équipement des territoires ruraux (DETR) prévue pour l'extension, soit 260 000 €, sera redéployée par l'État sur d'autres opérations du département et ne peut être transférée automatiquement.")

    doc.add_heading("4. Programmation 2023 et calendrier de fin de contrat", level=2)
    doc.add_paragraph("Le contrat arrivant à échéance le 31 décembre 2023, Mme Bousquet rappelle que seules les opérations ayant fait l'objet d'une décision de financement avant cette date pourront être soldées au titre du contrat, les paiements restant possibles jusqu'au 31 décembre 2024. Le comité fixe en conséquence au 30 juin 2023 la date limite de dépôt des derniers dossiers complets auprès de la Région.")
    doc.add_paragraph("Six opérations sont proposées pour la programmation 2023, pour un coût total de 2 140 000 € et une demande de subvention régionale de 498 000 € : la légumerie intercommunale, le gîte de groupe de Bournac-le-Haut, le tiers-lieu de Prades-sur-Viaur, la réhabilitation de l'ancienne gendarmerie de Valmontès en logements saisonniers, la signalétique touristique intercommunale et une étude de programmation pour l'hôtel d'entreprises du Pradel.")
    doc.add_paragraph("Le comité émet un avis favorable sur la programmation 2023, sous réserve de la complétude des dossiers.")

    doc.add_heading("5. Questions diverses", level=2)
    doc.add_paragraph("Hausse des coûts. Les maîtres d'ouvrage publics constatent des dépassements moyens de 18 % sur les lots de gros œuvre et de charpente. La Région indique qu'elle ne peut pas réviser à la hausse les subventions déjà votées, mais qu'un dossier modificatif peut être déposé lorsque le plan de financement est bouleversé.")
    doc.add_paragraph("Coopération avec le territoire voisin. Mme Calmels présente le projet de liaison entre la Grande Boucle du Viaur et la voie verte de la vallée du Cernon aménagée par le PETR voisin. Une étude commune, estimée à 24 000 €, serait financée à parts égales par les deux territoires. Le comité y est favorable ; M. Nayrac, excusé, a fait savoir par écrit que le PETR soutient la démarche.")
    doc.add_paragraph("Emploi saisonnier. Mme Calmels et M. Bonnefous relaient les difficultés des hébergeurs et des restaurateurs à loger leurs salariés pendant la saison. Le projet de logements dans l'ancienne gendarmerie de Valmontès est jugé prioritaire ; le comité souhaite qu'il soit inscrit dans la programmation 2023, ce qui est le cas.")
    doc.add_paragraph("Tiers-lieux. Le tiers-lieu « La Fabrique » de Valmontès affiche un taux d'occupation de 78 % de ses 28 postes, un an après son ouverture.")

    doc.add_heading("Relevé de décisions", level=2)
    _bullets(doc, [
        "Approbation du compte rendu du 30 novembre 2021.",
        "Constat de l'abandon de l'extension de la ZA de Ségalas-le-Vieux et réaffectation de 325 000 € de crédits régionaux.",
        "Fixation au 30 juin 2023 de la date limite de dépôt des derniers dossiers.",
        "Avis favorable sur la programmation 2023 (6 opérations).",
        "Accord de principe pour une étude d'itinérance conjointe avec le PETR voisin.",
    ], style="List Number")
    doc.add_paragraph("Prochaine réunion : à l'automne 2023, date à fixer par le comité technique.")
    doc.add_paragraph("Compte rendu rédigé par Laure Fabié, validé par les co-présidents le 22 novembre 2022.")
    doc.save(str(path))
    _normalize_zip(path)


# ---------------------------------------------------------------------------
# 5. Bilan à mi-parcours du CDET 2020-2024 du PETR des Causses et Vallées
# ---------------------------------------------------------------------------
def build_causses(path: Path) -> None:
    doc = _docx_new("Bilan à mi-parcours du CDET 2020-2024 – PETR des Causses et Vallées",
                    "PETR des Causses et Vallées")
    doc.add_heading("PETR des Causses et Vallées", level=0)
    doc.add_paragraph("Contrat de développement économique territorial 2020-2024 – Bilan à mi-parcours")
    doc.add_paragraph("Situation arrêtée au 30 septembre 2022 – document présenté au comité syndical du 15 décembre 2022")

    doc.add_heading("Avant-propos", level=1)
    doc.add_paragraph("Deux ans et demi après la signature de notre contrat avec la Région Occitanie, le présent bilan fait le point sur les réalisations, les retards et les ajustements nécessaires. Il a été préparé par l'équipe du PETR avec l'appui des trois communautés de communes membres et des services de la Maison de la Région de Rodez. Il servira de base à la revue à mi-parcours prévue par le contrat et à la négociation d'un avenant en 2023.")
    doc.add_paragraph("Gilles Roumiguière, président du PETR des Causses et Vallées")

    doc.add_heading("1. Le territoire et le contrat", level=1)
    doc.add_paragraph("Le pôle d'équilibre territorial et rural regroupe trois communautés de communes : la communauté de communes Causse et Dourbie, la communauté de communes des Vallées du Cernonais et la communauté de communes du Plateau de Lagarde. Il couvre 64 communes et 1 780 km², pour une population de 41 300 habitants. Son siège est installé à Sauveterre-des-Causses, principale ville du territoire avec 6 950 habitants.")
    doc.add_paragraph("L'économie locale repose sur l'élevage ovin laitier et allaitant, la transformation fromagère, le tourisme lié aux gorges et aux grands causses, ainsi que sur un réseau de petites entreprises artisanales et industrielles installées dans les fonds de vallée. Le territoire compte 2 980 établissements actifs et 11 200 emplois au lieu de travail.")
    doc.add_paragraph("Le contrat a été signé le 4 février 2020 à Sauveterre-des-Causses. Il couvre la période du 1er janvier 2020 au 31 décembre 2024. Il prévoyait à sa signature 36 actions, pour un investissement total estimé à 22,4 M€ et une enveloppe régionale indicative de 5,2 M€.")

    doc.add_heading("2. Une stratégie en trois axes", level=1)
    doc.add_paragraph("La stratégie du contrat s'organise en trois axes et sept objectifs opérationnels :")
    doc.add_heading("Axe A – Nourrir et transformer sur place", level=2)
    _bullets(doc, [
        "A.1 Moderniser les outils d'abattage et de transformation",
        "A.2 Développer les circuits de proximité et l'approvisionnement local de la restauration collective",
        "A.3 Favoriser l'installation de nouveaux agriculteurs",
    ])
    doc.add_heading("Axe B – Un tourisme des causses en toutes saisons", level=2)
    _bullets(doc, [
        "B.1 Créer la voie verte de la vallée du Cernon",
        "B.2 Mettre en valeur les sites patrimoniaux et les savoir-faire",
    ])
    doc.add_heading("Axe C – Entreprendre et s'implanter en vallées", level=2)
    _bullets(doc, [
        "C.1 Aménager la zone d'activités des Fontanilles",
        "C.2 Soutenir le commerce et l'artisanat de centre-bourg",
    ])

    doc.add_heading("3. Avancement global", level=1)
    doc.add_paragraph("Au 30 septembre 2022, sur les 36 actions du contrat, 14 sont achevées, soit 39 %, 15 sont en cours (42 %), 5 n'ont pas démarré (14 %) et 2 ont été abandonnées (6 %). Le coût total des opérations engagées s'élève à 9,7 M€, soit 43 % de l'investissement prévu. Les subventions régionales votées atteignent 2,3 M€, soit 44 % de l'enveloppe indicative ; chaque euro régional accompagne ainsi 4,2 € d'investissement.")
    doc.add_paragraph("Tableau 1 – Avancement des actions par axe au 30 septembre 2022")
    _docx_table(doc, ["Axe", "Actions", "Achevées", "En cours", "Non démarrées", "Abandonnées", "Coût prévu", "Coût engagé"], [
        ["A – Nourrir et transformer", "13", "6", "5", "1", "1", "8,1 M€", "4,2 M€"],
        ["B – Tourisme des causses", "12", "5", "5", "2", "0", "7,9 M€", "3,1 M€"],
        ["C – Entreprendre en vallées", "11", "3", "5", "2", "1", "6,4 M€", "2,4 M€"],
        ["Total", "36", "14", "15", "5", "2", "22,4 M€", "9,7 M€"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph("Ce niveau d'avancement est en retard d'environ six mois sur le calendrier initial. Le démarrage du contrat a coïncidé avec le premier confinement de mars 2020, et plusieurs maîtres d'ouvrage ont reporté leurs décisions d'investissement. Le rythme s'est nettement accéléré depuis le début de l'année 2022.")

    doc.add_heading("4. Principales réalisations", level=1)
    doc.add_heading("4.1 Axe A – Nourrir et transformer sur place", level=2)
    doc.add_paragraph("L'opération phare de l'axe est la modernisation de l'abattoir de proximité de Sauveterre-des-Causses, achevée en novembre 2021 pour un coût de 2,9 M€, dont 580 000 € de la Région. L'outil traite désormais 1 450 tonnes de carcasses par an et a permis de maintenir 21 emplois. Un atelier de découpe attenant, géré par une société coopérative regroupant 46 éleveurs, a ouvert en avril 2022.")
    doc.add_paragraph("La plateforme d'approvisionnement « Causses en assiette » fournit désormais 41 restaurants scolaires et 3 établissements pour personnes âgées. Les produits locaux représentent 38 % des achats alimentaires de ces établissements, contre 17 % en 2019. Par ailleurs, 17 installations agricoles ont bénéficié du dispositif d'accompagnement du PETR, dont 9 hors cadre familial.")
    doc.add_heading("4.2 Axe B – Un tourisme des causses en toutes saisons", level=2)
    doc.add_paragraph("La voie verte de la vallée du Cernon, qui doit à terme relier les trois communautés de communes sur 65 km, est aménagée sur 37 km. La section centrale, la plus technique en raison de deux ouvrages d'art sur le Cernon, sera engagée en 2023. La fréquentation mesurée par les éco-compteurs atteint 58 000 passages en 2022.")
    doc.add_paragraph("Le centre d'interprétation des savoir-faire fromagers, aménagé dans l'ancienne cave de Combelasse, a ouvert en juillet 2022 et accueilli 9 400 visiteurs lors de sa première saison. La mise en valeur de la commanderie de Saint-Privat est en cours.")
    doc.add_heading("4.3 Axe C – Entreprendre et s'implanter en vallées", level=2)
    doc.add_paragraph("La première tranche de la zone d'activités des Fontanilles, d'une surface de 9 ha, a été aménagée en 2022. Quatre lots sur quinze ont été vendus, notamment à une menuiserie et à un transporteur. Le dispositif de soutien au commerce de centre-bourg a accompagné 23 commerces, avec une aide moyenne de 7 800 €.")
    doc.add_paragraph("Le déploiement de la fibre optique, qui ne relève pas du contrat mais conditionne l'attractivité des zones d'activités, progresse : 71 % des locaux du territoire étaient raccordables fin 2022.")

    doc.add_heading("5. Emplois", level=1)
    doc.add_paragraph("Les maîtres d'ouvrage des opérations soldées ou en cours déclarent 126 emplois créés ou maintenus, dont 48 créations nettes et 78 emplois maintenus. L'axe A en représente plus de la moitié.")
    _docx_table(doc, ["Axe", "Créations nettes", "Emplois maintenus", "Total"], [
        ["A – Nourrir et transformer", "22", "49", "71"],
        ["B – Tourisme des causses", "13", "11", "24"],
        ["C – Entreprendre en vallées", "13", "18", "31"],
        ["Total", "48", "78", "126"],
    ])
    doc.add_paragraph("")

    doc.add_paragraph("Ces chiffres ne comprennent pas les emplois induits par la fréquentation de la voie verte et du centre d'interprétation, qui feront l'objet d'une estimation lors du bilan final à partir des enquêtes de clientèle conduites par l'office de tourisme.")

    doc.add_heading("6. Financements", level=1)
    doc.add_paragraph("Sur les 9,7 M€ engagés, la Région apporte 2,3 M€, l'État 1,8 M€ au titre de la DETR et de la DSIL, le Département de l'Aveyron 1,1 M€, le programme LEADER 0,6 M€, les collectivités du territoire 2,2 M€ et les porteurs privés 1,7 M€.")
    doc.add_paragraph("La part de l'autofinancement des collectivités reste élevée, en particulier pour les opérations touristiques. Le Département a confirmé en juin 2022 son soutien à la section centrale de la voie verte, à hauteur de 20 % de la dépense, sous réserve d'un engagement des travaux avant la fin de l'année 2023. Les crédits LEADER du programme 2014-2022 sont désormais entièrement programmés ; le nouveau groupe d'action locale, dont la candidature a été retenue pour la période 2023-2027, prendra le relais.")

    doc.add_heading("7. Gouvernance et animation", level=1)
    doc.add_paragraph("Le comité de suivi, co-présidé par le président du PETR et Mme Martine Puech, conseillère régionale référente, s'est réuni le 3 mars 2021 et le 17 février 2022. La prochaine réunion est programmée en mars 2023. Le comité technique se réunit deux fois par an.")
    doc.add_paragraph("L'animation du contrat a été affectée par la vacance du poste de chargé de mission pendant sept mois, de mars à septembre 2021. Mme Camille Issaly a pris ses fonctions le 4 octobre 2021.")

    doc.add_heading("8. Difficultés et actions abandonnées", level=1)
    doc.add_paragraph("Deux actions ont été abandonnées :")
    _bullets(doc, [
        "l'extension de la zone artisanale de Lagarde, en raison de la présence d'une espèce d'oiseau protégée, l'outarde canepetière, sur le site ;",
        "la halle gourmande de Millac, dont le porteur privé a renoncé faute d'avoir réuni son financement bancaire.",
    ])
    doc.add_paragraph("Comme ailleurs, la hausse des prix des matériaux, estimée à 21 % sur les marchés passés en 2022, pèse sur l'équilibre des opérations. Les maîtres d'ouvrage publics ont dû réduire le périmètre de deux opérations pour rester dans leur enveloppe.")

    doc.add_heading("9. Recommandations pour la seconde moitié du contrat", level=1)
    _bullets(doc, [
        "Négocier en 2023 un avenant retirant les actions sans maître d'ouvrage identifié et réaffectant les crédits correspondants.",
        "Engager la section centrale de la voie verte avant la fin de 2023.",
        "Accélérer la commercialisation des lots de la zone des Fontanilles.",
        "Porter à 45 % la part des produits locaux dans la restauration collective d'ici 2024.",
        "Renforcer la coopération avec la communauté de communes voisine des Monts du Haut-Rouergue sur l'itinérance.",
        "Préparer dès 2024 la candidature du PETR au futur dispositif régional de contractualisation.",
    ], style="List Number")
    doc.add_heading("Annexe – Principales opérations du contrat", level=1)
    doc.add_paragraph("Le tableau suivant présente les opérations dont le coût dépasse 500 000 €, avec leur situation au 30 septembre 2022.")
    _docx_table(doc, ["Opération", "Axe", "Maître d'ouvrage", "Coût total", "Subvention Région", "Situation"], [
        ["Modernisation de l'abattoir de Sauveterre-des-Causses", "A", "Syndicat mixte de l'abattoir", "2 900 000 €", "580 000 €", "Achevée (novembre 2021)"],
        ["Atelier de découpe coopératif", "A", "SCA Agneaux des Causses", "760 000 €", "190 000 €", "Achevée (avril 2022)"],
        ["Plateforme « Causses en assiette »", "A", "PETR", "540 000 €", "135 000 €", "Achevée"],
        ["Voie verte de la vallée du Cernon – sections 1 et 3", "B", "PETR", "2 300 000 €", "450 000 €", "Achevée (37 km)"],
        ["Voie verte de la vallée du Cernon – section centrale", "B", "PETR", "1 900 000 €", "380 000 €", "Non démarrée"],
        ["Centre d'interprétation de Combelasse", "B", "CC Causse et Dourbie", "1 150 000 €", "287 500 €", "Achevée (juillet 2022)"],
        ["Commanderie de Saint-Privat", "B", "Commune de Saint-Privat", "860 000 €", "215 000 €", "En cours"],
        ["ZA des Fontanilles – tranche 1 (9 ha)", "C", "CC des Vallées du Cernonais", "1 480 000 €", "370 000 €", "Achevée"],
        ["ZA des Fontanilles – tranche 2 (6 ha)", "C", "CC des Vallées du Cernonais", "1 100 000 €", "275 000 €", "Non démarrée"],
        ["Halle gourmande de Millac", "C", "Porteur privé", "640 000 €", "–", "Abandonnée"],
    ])
    doc.add_paragraph("")
    doc.add_paragraph("Les montants indiqués pour les opérations non démarrées sont des estimations issues des fiches-actions du contrat et pourront être révisés lors de l'avenant.")
    doc.add_paragraph("Le comité syndical est invité à prendre acte du présent bilan.")
    doc.save(str(path))
    _normalize_zip(path)


# ---------------------------------------------------------------------------
# 4. Registre des projets (xlsx)
# ---------------------------------------------------------------------------
REGISTER_HEADERS = ["N°", "Projet", "Axe", "Maître d'ouvrage", "Commune", "Coût total (€)",
                    "Subvention Région (€)", "Statut", "Date de mise à jour", "Observations"]
REGISTER = [
    (1, "Scierie coopérative du Lévézou (sciage et séchage)", "Axe 1", "SCIC Bois du Lévézou", "Lacalm-de-Lévézou", 1240000, 310000, "Terminé", (2022, 6, 30), "Mise en service juin 2022"),
    (2, "Atelier collectif de découpe et de transformation de viande", "Axe 1", "CUMA Viande des Monts", "Castelpeyre", 640000, 160000, "Terminé", (2021, 10, 15), ""),
    (3, "Magasin de producteurs « Les Halles du Haut-Rouergue »", "Axe 1", "SAS Halles du Haut-Rouergue", "Valmontès", 385000, 77000, "Terminé", (2021, 4, 12), "Collectif de 22 producteurs"),
    (4, "Dispositif « Relais Transmission »", "Axe 1", "CCMHR", "Intercommunal", 210000, 63000, "Terminé", (2023, 12, 15), "Action d'animation 2020-2023"),
    (5, "Légumerie intercommunale pour la restauration collective", "Axe 1", "CCMHR", "Prades-sur-Viaur", 520000, 130000, "En cours", (2023, 11, 20), "Crédits réaffectés le 8 novembre 2022"),
    (6, "Unité de méthanisation agricole collective", "Axe 1", "SAS Biogaz des Monts", "Bournac-le-Haut", 2800000, 0, "Abandonné", (2023, 3, 28), "Retrait des exploitants après la hausse du coût des équipements"),
    (7, "Requalification de la ZA de la Borie (9 ha)", "Axe 2", "CCMHR", "Valmontès", 1150000, 287500, "Terminé", (2022, 9, 30), ""),
    (8, "Requalification de la ZA du Pradel (14 ha)", "Axe 2", "CCMHR", "La Bastide-du-Pradel", 980000, 245000, "Terminé", (2023, 5, 17), ""),
    (9, "Ateliers-relais de la Borie (2 cellules, 900 m²)", "Axe 2", "CCMHR", "Valmontès", 860000, 215000, "Terminé", (2021, 11, 8), ""),
    (10, "Atelier-relais agroalimentaire (450 m²)", "Axe 2", "CCMHR", "Castelpeyre", 540000, 135000, "Terminé", (2022, 3, 25), ""),
    (11, "Atelier-relais artisanal (500 m²)", "Axe 2", "Commune de Roquenègre", "Roquenègre", 470000, 117500, "Terminé", (2023, 2, 10), ""),
    (12, "Extension de la zone d'activités (6 ha)", "Axe 2", "CCMHR", "Ségalas-le-Vieux", 1300000, 0, "Abandonné", (2022, 11, 8), "Zone humide de 2,4 ha ; 325 000 € de crédits réaffectés"),
    (13, "Étude de programmation de l'hôtel d'entreprises du Pradel", "Axe 2", "CCMHR", "La Bastide-du-Pradel", 95000, 28500, "En cours", (2023, 10, 5), ""),
    (14, "Grande Boucle du Viaur – balisage et aménagements (142 km)", "Axe 3", "CCMHR", "Intercommunal", 420000, 126000, "Terminé", (2022, 7, 1), ""),
    (15, "Maison du Viaur – accueil et location de VTT électriques", "Axe 3", "CCMHR", "Prades-sur-Viaur", 690000, 172500, "Terminé", (2023, 6, 15), "Ouverture juin 2023"),
    (16, "Modernisation du camping municipal (passage en 3 étoiles)", "Axe 3", "Commune de Saint-Géraud-d'Olt", "Saint-Géraud-d'Olt", 560000, 112000, "Terminé", (2021, 5, 20), ""),
    (17, "Via ferrata du Roc de l'Aigle", "Axe 3", "Commune de Montcabrier-d'Aubrac", "Montcabrier-d'Aubrac", 310000, 0, "Abandonné", (2021, 11, 30), "Avis défavorable de la commission des sites"),
    (18, "Gîte de groupe de 48 lits", "Axe 3", "SARL Les Granges de Bournac", "Bournac-le-Haut", 720000, 144000, "En cours", (2023, 10, 2), "Livraison prévue au printemps 2024"),
    (19, "Signalétique touristique intercommunale", "Axe 3", "CCMHR", "Intercommunal", 140000, 0, "Non démarré", (2023, 12, 15), "Report au futur pacte"),
    (20, "Tiers-lieu « La Fabrique » (28 postes)", "Axe 4", "CCMHR", "Valmontès", 610000, 152500, "Terminé", (2021, 9, 14), ""),
    (21, "Tiers-lieu « L'Établi » (16 postes)", "Axe 4", "Association L'Établi", "Castelpeyre", 240000, 60000, "Terminé", (2022, 4, 4), ""),
    (22, "Tiers-lieu de Prades-sur-Viaur (20 postes)", "Axe 4", "Commune de Prades-sur-Viaur", "Prades-sur-Viaur", 380000, 95000, "Terminé", (2023, 9, 29), ""),
    (23, "Réhabilitation de l'ancienne gendarmerie en 8 logements saisonniers", "Axe 4", "SA HLM Rouergue Logis", "Valmontès", 520000, 104000, "En cours", (2023, 11, 6), ""),
    (24, "Plateforme « Vivre et travailler dans les Monts »", "Axe 4", "CCMHR", "Intercommunal", 45000, 13500, "Terminé", (2023, 12, 15), "57 foyers accueillis"),
    (25, "Étude de résorption des zones blanches de téléphonie mobile", "Axe 4", "CCMHR", "Intercommunal", 60000, 0, "Non démarré", (2023, 12, 15), "Sans objet après le programme national de couverture mobile"),
]


def build_register(path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    wb = Workbook()
    ws = wb.active
    ws.title = "Registre CDET 2019-2023"
    ws.append(REGISTER_HEADERS)
    for c in ws[1]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="164A6E")
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for row in REGISTER:
        vals = list(row)
        vals[8] = datetime(*vals[8])
        vals[9] = vals[9] or None
        ws.append(vals)
    for r in range(2, ws.max_row + 1):
        ws.cell(r, 6).number_format = '#,##0'
        ws.cell(r, 7).number_format = '#,##0'
        ws.cell(r, 9).number_format = 'DD/MM/YYYY'
    widths = [6, 58, 8, 32, 22, 15, 17, 13, 14, 55]
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:J{ws.max_row}"
    wb.properties.creator = "CCMHR – service développement économique"
    wb.properties.title = "Registre des projets du CDET 2019-2023"
    wb.properties.created = datetime(2024, 1, 1)
    wb.properties.modified = datetime(2024, 1, 1)
    wb.properties.lastModifiedBy = "CCMHR"
    wb.save(str(path))
    _normalize_zip(path)


# ---------------------------------------------------------------------------
# 6. FAQ entreprises (Markdown)
# ---------------------------------------------------------------------------
FAQ = """# Entreprises : vos questions, nos réponses

*Communauté de communes des Monts du Haut-Rouergue – service développement économique – mise à jour de janvier 2024*

Cette foire aux questions s'adresse aux créateurs, repreneurs et chefs d'entreprise du territoire. Elle présente les aides de la communauté de communes, l'offre de locaux et de terrains, et les interlocuteurs à contacter. Les montants indiqués sont ceux en vigueur au 1er janvier 2024 ; ils peuvent évoluer par délibération du conseil communautaire.

## 1. Les aides de la communauté de communes

### Quelles aides la communauté de communes peut-elle m'accorder ?

La communauté de communes gère trois dispositifs propres :

- **l'aide à l'immobilier d'entreprise**, pour la construction, l'extension ou la rénovation de locaux professionnels ;
- **le Pass commerce et artisanat de proximité**, cofinancé avec la Région, pour la modernisation des commerces et des ateliers de moins de 10 salariés ;
- **le soutien aux tiers-lieux et aux porteurs de projets numériques**, sous forme de mise à disposition de postes de travail à tarif réduit pendant les six premiers mois d'activité.

Elle oriente également les porteurs de projets vers les aides régionales de droit commun et vers les prêts d'honneur d'Initiative Haut-Rouergue.

### Quel est le montant de l'aide à l'immobilier d'entreprise ?

L'aide représente 10 % du coût hors taxes des travaux, dans la limite de 30 000 € par projet. Elle est portée à 15 % lorsque le projet réutilise un bâtiment vacant depuis plus de deux ans. Les dépenses doivent atteindre au moins 15 000 € HT. L'aide de la communauté de communes est un préalable à l'intervention éventuelle de la Région sur le même projet.

### Qui peut en bénéficier ?

Les entreprises de moins de 50 salariés inscrites au registre du commerce et des sociétés ou au registre national des entreprises, dont l'établissement est situé dans l'une des 27 communes du territoire. Les professions libérales de santé, les activités financières et immobilières et les commerces de plus de 400 m² de surface de vente sont exclus.

### Et le Pass commerce et artisanat de proximité ?

Il finance les investissements matériels (vitrine, mobilier, équipement professionnel, accessibilité) à hauteur de 30 % d'une dépense comprise entre 5 000 € et 50 000 € HT, soit une aide maximale de 15 000 €. La communauté de communes prend en charge un tiers de l'aide, la Région les deux tiers.

### Combien de temps faut-il pour obtenir une réponse ?

Le dossier complet est examiné par la commission développement économique, qui se réunit le premier mardi de chaque mois. La décision est notifiée dans un délai de six semaines à compter de la réception du dossier complet. **Les travaux ne doivent pas commencer avant l'accusé de réception du dossier**, sous peine d'inéligibilité.

### Puis-je cumuler plusieurs aides ?

Oui, dans la limite des plafonds fixés par la réglementation européenne, en particulier le régime des aides de minimis (300 000 € sur trois exercices fiscaux depuis le 1er janvier 2024). Le service développement économique vérifie les cumuls lors de l'instruction.

## 2. Locaux et terrains

### Quels terrains sont disponibles pour m'implanter ?

Après leur requalification dans le cadre du contrat de développement économique territorial, deux zones d'activités proposent des lots viabilisés :

| Zone d'activités | Commune | Surface disponible | Prix de vente |
|---|---|---|---|
| ZA de la Borie | Valmontès | 1,8 ha (4 lots) | 12 € HT/m² |
| ZA du Pradel | La Bastide-du-Pradel | 3,1 ha (7 lots) | 9 € HT/m² |

Les lots vont de 1 500 m² à 8 000 m². Aucune nouvelle zone d'activités n'est prévue : le projet d'extension de Ségalas-le-Vieux a été abandonné en 2022.

### Proposez-vous des locaux à louer ?

Oui. La communauté de communes loue quatre ateliers-relais et des bureaux dans ses tiers-lieux. Les ateliers-relais sont proposés en bail dérogatoire de 36 mois, renouvelable une fois, pour permettre à l'entreprise de tester son activité avant d'investir dans ses propres locaux.

### Quel est le loyer d'un atelier-relais ?

Le loyer est progressif : 4,20 € HT par m² et par mois la première année, 4,80 € HT la deuxième année et 5,40 € HT à partir de la troisième année, charges en sus. À l'issue du bail, l'entreprise peut acquérir le bâtiment par crédit-bail sur 12 ans lorsque l'atelier n'est occupé que par elle.

### Un atelier est-il libre actuellement ?

Au 31 décembre 2023, trois ateliers sur quatre étaient occupés. La seconde cellule de la Borie (450 m²) sera disponible au printemps 2024 après le départ de son occupant, qui s'installe dans ses propres locaux sur la ZA du Pradel.

### Combien coûte un poste dans un tiers-lieu ?

Les trois tiers-lieux intercommunaux appliquent une grille commune :

- poste nomade : 10 € la journée ou 90 € par mois ;
- poste résident dédié : 140 € HT par mois ;
- bureau fermé de 12 m² : 260 € HT par mois ;
- salle de réunion : 25 € la demi-journée.

Les créateurs d'entreprise de moins d'un an bénéficient d'une réduction de 50 % pendant six mois.

### Puis-je acheter plutôt que louer un atelier ?

La vente directe des ateliers-relais n'est pas prévue pendant le bail dérogatoire. L'acquisition n'est possible qu'à son terme, par crédit-bail, et sous réserve que la communauté de communes n'ait pas d'autre demande en attente pour le même bâtiment. Pour un achat immédiat, le service immobilier vous orientera vers les lots des zones d'activités ou vers les bâtiments privés à vendre recensés dans la bourse des locaux.

### Existe-t-il une bourse des locaux vacants ?

Oui. Le service développement économique recense les locaux commerciaux, artisanaux et de bureaux vacants signalés par les propriétaires et les communes. Au 31 décembre 2023, elle comptait 38 biens, dont 21 en centre-bourg. La consultation est gratuite et la mise en relation se fait avec l'accord du propriétaire.

## 3. Créer, reprendre, recruter

### Je souhaite reprendre une entreprise : qui peut m'aider ?

Le dispositif « Relais Transmission », lancé en 2020, met en relation cédants et repreneurs, et finance un diagnostic de l'entreprise à reprendre. Il a accompagné 31 reprises entre 2020 et 2023. Le service développement économique tient à jour une liste d'entreprises à céder, diffusée avec l'accord des cédants.

### Comment obtenir un prêt d'honneur ?

Initiative Haut-Rouergue accorde des prêts d'honneur de 3 000 € à 25 000 €, sans intérêt ni garantie, aux créateurs et repreneurs. Le dossier est présenté devant un comité d'agrément composé de chefs d'entreprise et de banquiers.

### Comment loger un salarié saisonnier ou un apprenti ?

Huit logements destinés aux saisonniers et aux apprentis sont en cours de réhabilitation dans l'ancienne gendarmerie de Valmontès. Leur mise en location est prévue pour la saison 2024, avec un loyer plafonné à 280 € par mois charges comprises. Les employeurs peuvent réserver un logement pour leurs salariés.

### Le territoire aide-t-il les nouveaux arrivants ?

La plateforme « Vivre et travailler dans les Monts » accompagne les actifs qui souhaitent s'installer : recherche de logement, offres d'emploi pour le conjoint, scolarisation et modes de garde. Elle a accompagné 57 foyers depuis son lancement.

### Qu'est-ce que l'on trouve dans les tiers-lieux ?

Outre les postes de travail, chaque tiers-lieu dispose d'une connexion à très haut débit par fibre optique, d'une salle de visioconférence et d'un espace de convivialité. « La Fabrique », à Valmontès, accueille également un atelier de fabrication numérique équipé d'une découpeuse laser et de deux imprimantes 3D. Des permanences de la chambre de métiers et de la CCI y sont organisées une fois par mois.

## 4. Le contrat avec la Région

### Le contrat de développement économique avec la Région est-il terminé ?

Oui. Le contrat 2019-2023 a pris fin le 31 décembre 2023. Les projets dont la demande a été déposée avant cette date continuent d'être instruits selon les règles du contrat. Un nouveau pacte territorial avec la Région est en préparation pour la période 2024-2028 ; les entreprises qui ont un projet d'investissement peuvent le signaler dès maintenant au service développement économique afin qu'il soit étudié.

### Une entreprise peut-elle être inscrite dans ce contrat ?

Les contrats territoriaux financent surtout des projets collectifs ou publics. Une entreprise seule relève en principe des aides régionales de droit commun ; une coopérative ou un groupement d'entreprises peut en revanche porter une action inscrite au contrat, comme l'ont fait la scierie coopérative du Lévézou et la CUMA de l'atelier de découpe de Castelpeyre.

## 5. Vos interlocuteurs

Toutes les demandes peuvent être adressées à la Maison de l'économie, 4 avenue du Viaur, à Valmontès, ouverte du lundi au vendredi de 9 h à 12 h 30 et de 13 h 30 à 17 h.

| Votre demande | Interlocuteur | Courriel |
|---|---|---|
| Premier contact, orientation | Chargée d'accueil des entreprises | dev-eco@ccmhr.fr |
| Aides à l'immobilier, Pass commerce | Chargé des aides aux entreprises | aides@ccmhr.fr |
| Terrains, ateliers-relais | Responsable de l'immobilier d'entreprise | immobilier@ccmhr.fr |
| Tiers-lieux, télétravail | Animatrice du réseau des tiers-lieux | tierslieux@ccmhr.fr |
| Transmission, reprise | Référent « Relais Transmission » | transmission@ccmhr.fr |
| Contrat et pacte avec la Région | Chargée de mission du contrat | contrat@ccmhr.fr |
| Hébergement touristique | Office de tourisme intercommunal | pro@tourisme-monts-rouergue.fr |

Pour un premier rendez-vous, merci de préciser en quelques lignes votre projet, votre commune d'implantation et le calendrier envisagé.
"""

PACTE_TOML = '''territoire = "Communauté de communes des Monts du Haut-Rouergue"
alias = ["Monts du Haut-Rouergue", "CCMHR"]
'''


def build(dest: Path) -> list:
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    p = dest / "bilan-cdet-2019-2023-ccmhr.pdf"; build_slides(p); out.append(p)
    p = dest / "strategie-regionale-occitanie-extrait.pdf"; build_report(p); out.append(p)
    p = dest / "cr-comite-suivi-2022-11-08.docx"; build_cr(p); out.append(p)
    p = dest / "registre-projets.xlsx"; build_register(p); out.append(p)
    p = dest / "bilan-cdet-2020-2024-causses-vallees.docx"; build_causses(p); out.append(p)
    p = dest / "faq-entreprises.md"; p.write_text(FAQ, encoding="utf-8", newline="\n"); out.append(p)
    p = dest / "pacte.toml"; p.write_text(PACTE_TOML, encoding="utf-8", newline="\n"); out.append(p)
    return out


if __name__ == "__main__":
    for f in build(Path(sys.argv[1])):
        print(f)
