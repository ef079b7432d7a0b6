#!/usr/bin/env python
"""Générateur déterministe du corpus fictif « PETR du Pays des Trois Rivières Comtoises ».

Usage : python build.py DEST
Toutes les données chiffrées sont définies une seule fois ci-dessous ; compute()
vérifie les sommes et les pourcentages arrondis au moment de la construction.
"""
from __future__ import annotations

import io
import pathlib
import re
import sys
import zipfile
from datetime import date, datetime, timezone

# ---------------------------------------------------------------------------
# DONNÉES (définies une seule fois)
# ---------------------------------------------------------------------------
NB = "\u00a0"  # espace insécable, utilisée partout (milliers, %, « », : ; ? !)

FIXED_DT = datetime(2025, 4, 22, 9, 0, 0, tzinfo=timezone.utc)
FIXED_ZIP_DT = (2025, 4, 22, 9, 0, 0)

TERRITOIRE = {
    "nom": "PETR du Pays des Trois Rivières Comtoises",
    "sigle": "PETR 3RC",
    "court": "Pays des Trois Rivières",
    "siege": "Vaulmont-sur-Sorelle",
    "rivieres": "la Sorelle, la Vaudre et la Morvine",
    "superficie_km2": 648,
    "president": "Jean-Marc Tissot",
    "vp_eco": "Claire Mougin",
    "charge_mission": "Lucie Faivre",
    "cabinet": "Territoires & Mesures",
    "epci": [
        {"nom": "Communauté de communes du Val de Sorelle", "population": 14210,
         "communes": ["Vaulmont-sur-Sorelle", "Chassagne-la-Roche", "Bréchaux",
                      "Longevelle-sur-Sorelle", "Mérandans", "Saint-Hilaire-des-Combes",
                      "Villers-Sorelle", "Cernay-le-Comtois", "Les Auberges-Hautes",
                      "Frasnois-le-Petit", "Montigny-la-Sorelle"]},
        {"nom": "Communauté de communes Vaudre et Plateaux", "population": 10870,
         "communes": ["Mouthier-Vaudre", "Ouvans-le-Haut", "Lavans-Vaudre",
                      "Grandfontaine-sur-Vaudre", "Échevanne-la-Côte", "Aubonne-les-Prés",
                      "Sapois-le-Haut", "La Chaux-Vaudre", "Combe-Vaudre"]},
        {"nom": "Communauté de communes de la Haute-Morvine", "population": 6400,
         "communes": ["Morvine-les-Bains", "Le Crouzet-Morvine", "Bief-des-Sapins",
                      "Les Planches-Morvine", "Chapelle-aux-Bois-Comtois",
                      "Bellecombe-Morvine"]},
    ],
}
DECLARED_POPULATION = 31480
DECLARED_COMMUNES = 26

PACTE = {
    "nom": "Contrat territorial de développement économique 2021-2025",
    "sigle": "CTDE",
    "deliberation_petr": date(2021, 2, 2),
    "deliberation_num": "2021-04",
    "commission_permanente": date(2021, 2, 12),
    "signature": date(2021, 2, 25),
    "debut": date(2021, 1, 1),
    "fin": date(2025, 12, 31),
    "date_reference": date(2024, 12, 31),
    "financement": {"Région Bourgogne-Franche-Comté": 1850000,
                    "PETR et communautés de communes": 620000,
                    "Autres financeurs (État, fonds européens, privés)": 2490000},
    "region_verse": 1432000,
    "entreprises_accompagnees": 163,
    "emplois": 214,
}

# Orientations (« Ambition ») et objectifs opérationnels (numérotés 1.1, 1.2…)
AMBITIONS = [
    {"num": 1, "titre": "Accueillir et ancrer les entreprises", "region": 640000,
     "engage": 1498000,
     "objectifs": [("1.1", "Développer l'offre foncière et immobilière d'entreprises"),
                   ("1.2", "Accompagner la transmission et la reprise d'entreprises")]},
    {"num": 2, "titre": "Valoriser les ressources agricoles, forestières et artisanales",
     "region": 430000, "engage": 884000,
     "objectifs": [("2.1", "Structurer la filière forêt-bois locale"),
                   ("2.2", "Promouvoir les circuits alimentaires de proximité"),
                   ("2.3", "Soutenir les savoir-faire artisanaux")]},
    {"num": 3, "titre": "Faire des trois vallées une destination de pleine nature",
     "region": 480000, "engage": 1106000,
     "objectifs": [("3.1", "Qualifier l'offre d'itinérance et de loisirs de plein air"),
                   ("3.2", "Moderniser l'hébergement touristique")]},
    {"num": 4, "titre": "Accompagner les transitions énergétique et numérique",
     "region": 300000, "engage": 424000,
     "objectifs": [("4.1", "Accompagner la sobriété énergétique des entreprises"),
                   ("4.2", "Développer les tiers-lieux et les usages numériques")]},
]

# Statuts : D = achevée, P = en cours, N = non démarrée, X = abandonnée
STATUTS_EVAL = {"D": "Achevée", "P": "En cours", "N": "Non démarrée", "X": "Abandonnée"}
STATUTS_XLSX = {"D": "Soldée", "P": "Engagée", "N": "À lancer", "X": "Abandonnée"}

CCVS, CCVP, CCHM, PETR = ("CC du Val de Sorelle", "CC Vaudre et Plateaux",
                          "CC de la Haute-Morvine", "PETR 3RC")
ACTIONS = [
    ("1.1.1", "Extension de la zone d'activités des Grands Prés à Vaulmont-sur-Sorelle", 520000, "D", CCVS),
    ("1.1.2", "Requalification de la friche Jeantet à Bréchaux", 380000, "P", CCVS),
    ("1.1.3", "Hôtel d'entreprises de Mouthier-Vaudre", 290000, "D", CCVP),
    ("1.1.4", "Observatoire du foncier économique", 40000, "D", PETR),
    ("1.1.5", "Atelier-relais agroalimentaire de la Haute-Morvine", 210000, "X", CCHM),
    ("1.2.1", "Bourse locale des entreprises à reprendre", 35000, "D", PETR),
    ("1.2.2", "Prêts d'honneur « Reprendre en Trois Rivières »", 150000, "D", PETR),
    ("1.2.3", "Parcours d'accompagnement des cédants", 45000, "P", PETR),
    ("1.2.4", "Rencontres annuelles de la transmission", 50000, "P", PETR),
    ("2.1.1", "Plateforme de stockage de bois-énergie de Lavans-Vaudre", 310000, "D", CCVP),
    ("2.1.2", "Desserte forestière mutualisée du massif de la Joux-Morvine", 180000, "P", CCHM),
    ("2.1.3", "Marque « Bois des Trois Rivières »", 40000, "N", PETR),
    ("2.1.4", "Formation des jeunes aux métiers du bois", 60000, "D", PETR),
    ("2.2.1", "Légumerie intercommunale pour la restauration collective", 240000, "P", CCVS),
    ("2.2.2", "Marchés de producteurs itinérants", 30000, "D", PETR),
    ("2.2.3", "Plateforme numérique de vente directe", 45000, "D", PETR),
    ("2.2.4", "Projet alimentaire territorial", 70000, "D", PETR),
    ("2.2.5", "Magasin de producteurs de Chassagne-la-Roche", 90000, "X", CCVS),
    ("2.3.1", "Route des artisans d'art", 25000, "D", PETR),
    ("2.3.2", "Aide à la modernisation des ateliers artisanaux", 40000, "P", PETR),
    ("2.3.3", "Boutique éphémère des créateurs", 10000, "N", CCVP),
    ("3.1.1", "Véloroute des Trois Rivières, tronçon Sorelle-Vaudre", 620000, "P", PETR),
    ("3.1.2", "Balisage et signalétique des sentiers de randonnée", 85000, "D", PETR),
    ("3.1.3", "Base de canoë de Longevelle-sur-Sorelle", 160000, "D", CCVS),
    ("3.1.4", "Topoguide numérique des trois vallées", 20000, "D", PETR),
    ("3.1.5", "Espace trail de la Haute-Morvine", 45000, "N", CCHM),
    ("3.2.1", "Fonds de modernisation des hébergements touristiques", 220000, "D", PETR),
    ("3.2.2", "Requalification du camping de Morvine-les-Bains", 130000, "P", CCHM),
    ("3.2.3", "Accompagnement au classement des meublés de tourisme", 15000, "D", PETR),
    ("3.2.4", "Étude d'un hébergement de groupe en forêt", 15000, "D", CCVP),
    ("4.1.1", "Diagnostics énergie des TPE et PME", 60000, "D", PETR),
    ("4.1.2", "Aide aux investissements de sobriété énergétique", 250000, "P", PETR),
    ("4.1.3", "Réseau de chaleur de la zone des Grands Prés", 280000, "P", CCVS),
    ("4.1.4", "Club des entreprises engagées", 20000, "D", PETR),
    ("4.2.1", "Tiers-lieu « La Fabrique » à Vaulmont-sur-Sorelle", 120000, "D", CCVS),
    ("4.2.2", "Espace de coworking de Mouthier-Vaudre", 40000, "P", CCVP),
    ("4.2.3", "Ateliers numériques pour les commerçants", 15000, "D", PETR),
    ("4.2.4", "Conciergerie numérique rurale", 5000, "N", CCHM),
]
COMMENTAIRES = {
    "1.1.5": "Retrait du porteur de projet privé en 2023",
    "2.2.5": "Collectif d'agriculteurs dissous en 2022",
    "3.1.1": "Travaux du second lot en 2025",
    "4.1.3": "Appel d'offres relancé en 2024",
}
DECLARED_TOTAL_ACTIONS = 38
DECLARED_COUNTS = {"D": 21, "P": 11, "N": 4, "X": 2}
DECLARED_PCT = {"D": 55, "P": 29, "N": 11, "X": 5, "ND": 16}
DECLARED_COUT_TOTAL = 4960000

INDICATEURS = [
    ("Entreprises accompagnées", "150", "163"),
    ("Emplois créés ou maintenus", "200", "214"),
    ("Foncier économique aménagé (hectares)", "8", "6"),
    ("Hébergements touristiques modernisés", "30", "26"),
    ("Diagnostics énergie réalisés", "40", "48"),
    ("Véloroute ouverte (kilomètres)", "12", "14"),
]
SIGLES = [
    ("CTDE", "Contrat territorial de développement économique"),
    ("COPIL", "comité de pilotage"),
    ("COTECH", "comité technique"),
    ("EPCI", "établissement public de coopération intercommunale"),
    ("PAT", "projet alimentaire territorial"),
    ("PETR", "pôle d'équilibre territorial et rural"),
    ("TPE / PME", "très petites entreprises / petites et moyennes entreprises"),
]

# Instances de gouvernance (tenues) + une instance annoncée
INSTANCES = [
    ("Comité de pilotage", date(2021, 3, 16), "Vaulmont-sur-Sorelle", "Installation et validation du programme d'actions"),
    ("Comité technique", date(2021, 7, 1), "Vaulmont-sur-Sorelle", "Fiches actions et calendrier de programmation"),
    ("Comité de pilotage", date(2021, 11, 18), "Bréchaux", "Premier bilan et programmation 2022"),
    ("Conférence des maires", date(2022, 4, 7), "Mouthier-Vaudre", "Présentation aux maires, foncier économique"),
    ("Comité technique", date(2022, 6, 14), "Vaulmont-sur-Sorelle", "Suivi financier et ajustements"),
    ("Comité de pilotage", date(2022, 12, 6), "Morvine-les-Bains", "Abandon de l'action 2.2.5"),
    ("Comité technique", date(2023, 3, 7), "Vaulmont-sur-Sorelle", "Préparation du bilan à mi-parcours"),
    ("Conférence des maires", date(2023, 9, 28), "Longevelle-sur-Sorelle", "Restitution du bilan à mi-parcours"),
    ("Comité de pilotage", date(2024, 3, 12), "Mouthier-Vaudre", "Abandon de l'action 1.1.5, réaffectation de crédits"),
    ("Comité technique", date(2025, 3, 18), "Vaulmont-sur-Sorelle", "Examen du projet de rapport d'évaluation"),
]
INSTANCE_ANNONCEE = ("Comité de pilotage", date(2025, 6, 24), "Vaulmont-sur-Sorelle", "Clôture du contrat et suites à donner")

# Territoire voisin (piège)
VOISIN = {
    "nom": "PETR des Plateaux de la Haute-Sorne",
    "court": "Haute-Sorne",
    "presidente": "Odile Berthaud",
    "communes": 19,
    "total_actions": 34,
    "counts": {"D": 19, "P": 10, "N": 4, "X": 1},
    "pct": {"D": 56, "P": 29, "N": 12, "X": 3},
    "cout_total": 3480000,
    "region": 1320000,
    "emplois": 187,
    "entreprises": 121,
    "priorites": [
        ("Priorité 1", "Soutenir l'industrie et l'artisanat de production", 12,
         ["A. Moderniser les zones d'activités", "B. Favoriser l'innovation dans les PME"]),
        ("Priorité 2", "Développer l'économie touristique des plateaux", 11,
         ["C. Structurer les sites de visite", "D. Renforcer l'offre d'hébergement"]),
        ("Priorité 3", "Engager la transition agricole et alimentaire", 11,
         ["E. Développer l'approvisionnement local", "F. Accompagner l'installation agricole"]),
    ],
    "instances": [
        ("Comité de pilotage", date(2021, 3, 23)),
        ("Comité technique", date(2022, 5, 17)),
        ("Comité technique", date(2023, 3, 9)),
        ("Conférence des maires", date(2023, 9, 21)),
        ("Comité de pilotage", date(2024, 3, 19)),
        ("Comité technique", date(2025, 2, 11)),
    ],
    "annonce": ("Comité de pilotage", date(2025, 7, 3)),
}

# ---------------------------------------------------------------------------
# UTILITAIRES
# ---------------------------------------------------------------------------
MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre"]
JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def d_long(d: date, jour: bool = False) -> str:
    j = "1er" if d.day == 1 else str(d.day)
    s = f"{j} {MOIS[d.month - 1]} {d.year}"
    return f"{JOURS[d.weekday()]} {s}" if jour else s


def d_court(d: date) -> str:
    return d.strftime("%d/%m/%y")


def eur(n: int) -> str:
    return f"{n:,}".replace(",", NB) + NB + "€"


def num(n: int) -> str:
    return f"{n:,}".replace(",", NB)


def pct(p: int) -> str:
    return f"{p}{NB}%"


def fr(s: str) -> str:
    """Typographie française : insécables avant : ; ? ! % et dans « »."""
    s = s.replace("« ", "«" + NB).replace(" »", NB + "»")
    for c in ":;?!%":
        s = s.replace(" " + c, NB + c)
    s = re.sub(r"(?<=\d) (?=\d{3}\b)", NB, s)
    return s


def rpct(a: int, b: int) -> int:
    return int(a * 100 / b + 0.5)


def compute() -> dict:
    """Calcule et vérifie tous les agrégats ; lève AssertionError en cas d'incohérence."""
    t = TERRITOIRE
    assert sum(e["population"] for e in t["epci"]) == DECLARED_POPULATION
    assert sum(len(e["communes"]) for e in t["epci"]) == DECLARED_COMMUNES
    assert len({c for e in t["epci"] for c in e["communes"]}) == DECLARED_COMMUNES
    assert sum(PACTE["financement"].values()) == DECLARED_COUT_TOTAL
    assert len(ACTIONS) == DECLARED_TOTAL_ACTIONS
    assert len({a[0] for a in ACTIONS}) == len(ACTIONS)
    counts = {k: sum(1 for a in ACTIONS if a[3] == k) for k in "DPNX"}
    assert counts == DECLARED_COUNTS, counts
    n = len(ACTIONS)
    p = {k: rpct(counts[k], n) for k in "DPNX"}
    p["ND"] = rpct(counts["N"] + counts["X"], n)
    assert p == DECLARED_PCT, p
    assert p["D"] + p["P"] + p["N"] + p["X"] == 100
    assert p["D"] + p["P"] + p["ND"] == 100
    obj_codes = {o[0] for a in AMBITIONS for o in a["objectifs"]}
    per_amb = {}
    for a in AMBITIONS:
        acts = [x for x in ACTIONS if x[0].split(".")[0] == str(a["num"])]
        assert all(x[0].rsplit(".", 1)[0] in obj_codes for x in acts)
        cout = sum(x[2] for x in acts)
        per_amb[a["num"]] = {
            "n": len(acts), "cout": cout, "engage": a["engage"], "region": a["region"],
            "taux": rpct(a["engage"], cout),
            "counts": {k: sum(1 for x in acts if x[3] == k) for k in "DPNX"},
        }
    assert 2 <= min(len(a["objectifs"]) for a in AMBITIONS)
    assert max(len(a["objectifs"]) for a in AMBITIONS) <= 3
    assert sum(v["cout"] for v in per_amb.values()) == DECLARED_COUT_TOTAL
    assert sum(v["region"] for v in per_amb.values()) == PACTE["financement"]["Région Bourgogne-Franche-Comté"]
    engage = sum(v["engage"] for v in per_amb.values())
    expected_taux = {1: 87, 2: 78, 3: 84, 4: 54}
    assert {k: v["taux"] for k, v in per_amb.items()} == expected_taux
    taux_global = rpct(engage, DECLARED_COUT_TOTAL)
    assert taux_global == 79 and engage == 3912000
    verse_pct = rpct(PACTE["region_verse"], PACTE["financement"]["Région Bourgogne-Franche-Comté"])
    assert verse_pct == 77
    assert 7 <= len(INSTANCES) <= 10
    assert all(INSTANCES[i][1] < INSTANCES[i + 1][1] for i in range(len(INSTANCES) - 1))
    assert INSTANCE_ANNONCEE[1] > INSTANCES[-1][1]
    # voisin
    v = VOISIN
    assert sum(v["counts"].values()) == v["total_actions"]
    assert sum(x[2] for x in v["priorites"]) == v["total_actions"]
    vp = {k: rpct(v["counts"][k], v["total_actions"]) for k in "DPNX"}
    assert vp == v["pct"] and sum(vp.values()) == 100
    return {"counts": counts, "pct": p, "n": n, "per_amb": per_amb, "engage": engage,
            "taux_global": taux_global, "verse_pct": verse_pct,
            "engagees": counts["D"] + counts["P"]}


def tools_expected() -> dict:
    c = compute()
    return {
        "statistics": {"done": f"{c['pct']['D']} %", "in_progress": f"{c['pct']['P']} %",
                       "not_done": f"{c['pct']['ND']} %", "total_actions": c["n"]},
        "axes": [{"number": a["num"], "title": a["titre"],
                  "objectives": [o[1] for o in a["objectifs"]]} for a in AMBITIONS],
        "meetings": [{"body": b, "date": d.isoformat()} for b, d, _, _ in INSTANCES],
        "source": FILES["eval"],
    }


FILES = {
    "eval": "evaluation_finale_CTDE_2021-2025.pdf",
    "xlsx": "tableau_de_bord_CTDE_2025.xlsx",
    "docx": "convention_CTDE_2021-2025.docx",
    "txt": "communique_bilan_CTDE.txt",
    "md": "faq_entreprises_CTDE.md",
    "voisin": "fiche_bilan_CTDE_Haute-Sorne.pdf",
}


def normalise_zip(path: pathlib.Path) -> None:
    """Réécrit une archive OOXML avec des horodatages et propriétés figés."""
    src = zipfile.ZipFile(path)
    items = [(i.filename, i.compress_type, src.read(i.filename)) for i in src.infolist()]
    src.close()
    stamp = FIXED_DT.strftime("%Y-%m-%dT%H:%M:%SZ")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for name, ctype, data in items:
            if name == "docProps/core.xml":
                txt = data.decode("utf-8")
                txt = re.sub(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", r"\g<1>" + stamp + r"\g<3>", txt)
                data = txt.encode("utf-8")
            zi = zipfile.ZipInfo(name, date_time=FIXED_ZIP_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            out.writestr(zi, data)
    path.write_bytes(buf.getvalue())


# ---------------------------------------------------------------------------
# PDF : rapport d'évaluation finale
# ---------------------------------------------------------------------------
FONT_DIR = "/usr/share/fonts/truetype/dejavu/"


def _pdf_base(cls, orientation="P"):
    pdf = cls(orientation=orientation, format="A4")
    pdf.add_font("DejaVu", "", FONT_DIR + "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONT_DIR + "DejaVuSans-Bold.ttf")
    pdf.add_font("DejaVu", "I", FONT_DIR + "DejaVuSans-Oblique.ttf")
    pdf.set_creation_date(FIXED_DT)
    pdf.set_creator("Générateur de corpus de test")
    pdf.set_producer("fpdf2")
    return pdf


def build_eval(path: pathlib.Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    c = compute()

    class EvalPDF(FPDF):
        def footer(self):
            if self.page_no() == 1:
                return
            self.set_y(-14)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, f"Évaluation CTDE – page {self.page_no()} sur {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = _pdf_base(EvalPDF)
    pdf.set_title("Évaluation finale du Contrat territorial de développement économique 2021-2025")
    pdf.set_author(TERRITOIRE["cabinet"])
    pdf.set_margins(22, 20, 22)
    pdf.set_auto_page_break(True, margin=22)
    W = pdf.w - 44

    def para(t, size=10, style=""):
        pdf.set_font("DejaVu", style, size)
        pdf.multi_cell(W, 5.4, fr(t), align="J")
        pdf.ln(2.2)

    def h1(t, toc=None):
        if pdf.get_y() > 220:
            pdf.add_page()
        pdf.ln(3)
        pdf.start_section(fr(toc or t), level=0)
        pdf.set_font("DejaVu", "B", 14)
        pdf.set_text_color(20, 70, 110)
        pdf.multi_cell(W, 7, fr(t))
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)

    def h2(t):
        if pdf.get_y() > 240:
            pdf.add_page()
        pdf.ln(1.5)
        pdf.start_section(fr(t), level=1)
        pdf.set_font("DejaVu", "B", 11.5)
        pdf.multi_cell(W, 6, fr(t))
        pdf.ln(1)

    def h3(t):
        if pdf.get_y() > 245:
            pdf.add_page()
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(W, 5.5, fr(t))
        pdf.ln(0.8)

    def table(header, rows, widths, aligns=None, size=9, bold_last=False):
        pdf.set_font("DejaVu", "", size)
        head_style = FontFace(emphasis="BOLD", fill_color=(220, 230, 240))
        with pdf.table(col_widths=widths, width=W, line_height=5.2, headings_style=head_style,
                       text_align=aligns or "LEFT", repeat_headings=1) as tb:
            r = tb.row()
            for h in header:
                r.cell(fr(h))
            for i, row in enumerate(rows):
                r = tb.row()
                for cell in row:
                    if bold_last and i == len(rows) - 1:
                        r.cell(fr(str(cell)), style=FontFace(emphasis="BOLD"))
                    else:
                        r.cell(fr(str(cell)))
        pdf.ln(3)

    # --- couverture
    pdf.add_page()
    pdf.set_font("DejaVu", "", 11)
    pdf.ln(20)
    pdf.multi_cell(W, 6, fr(TERRITOIRE["nom"]), align="C")
    pdf.ln(25)
    pdf.set_font("DejaVu", "B", 20)
    pdf.set_text_color(20, 70, 110)
    pdf.multi_cell(W, 10, "Évaluation finale", align="C")
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(W, 8, fr("du Contrat territorial de développement économique 2021-2025 (CTDE)"), align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(10)
    pdf.set_font("DejaVu", "", 11)
    pdf.multi_cell(W, 6, fr("Conclu avec la Région Bourgogne-Franche-Comté"), align="C")
    pdf.ln(35)
    pdf.multi_cell(W, 6, fr("Rapport final – avril 2025"), align="C")
    pdf.multi_cell(W, 6, fr(f"Situation des actions arrêtée au {d_long(PACTE['date_reference'])}"), align="C")
    pdf.ln(20)
    pdf.set_font("DejaVu", "I", 9.5)
    pdf.multi_cell(W, 5, fr(f"Document établi par le cabinet {TERRITOIRE['cabinet']} (Dijon) pour le "
                            f"{TERRITOIRE['nom']}"), align="C")

    # --- sommaire
    def render_toc(pdf_, outline):
        pdf_.set_font("DejaVu", "B", 14)
        pdf_.set_text_color(20, 70, 110)
        pdf_.cell(0, 10, "Sommaire", new_x="LMARGIN", new_y="NEXT")
        pdf_.set_text_color(0, 0, 0)
        pdf_.ln(3)
        for sec in outline:
            indent = 8 * sec.level
            pdf_.set_font("DejaVu", "B" if sec.level == 0 else "", 10 if sec.level == 0 else 9.5)
            pdf_.set_x(22 + indent)
            pdf_.cell(W - indent - 12, 6, sec.name)
            pdf_.cell(12, 6, str(sec.page_number), align="R", new_x="LMARGIN", new_y="NEXT")

    pdf.add_page()
    pdf.insert_toc_placeholder(render_toc, pages=1)

    # --- 1. Présentation
    t = TERRITOIRE
    h1("1. Le territoire et le contrat")
    h2("1.1 Un territoire rural de moyenne montagne")
    para(f"Le {t['nom']} ({t['sigle']}) regroupe 3 communautés de communes et {DECLARED_COMMUNES} communes "
         f"des départements du Doubs et du Jura, soit {num(DECLARED_POPULATION)} habitants sur {t['superficie_km2']} km². "
         f"Son siège est situé à {t['siege']}. Le territoire tire son nom des trois vallées qui le structurent : "
         f"{t['rivieres']}. L'économie locale repose sur l'artisanat, l'agriculture d'élevage sous appellation, "
         f"la filière forêt-bois et un tourisme de pleine nature en croissance.")
    for e in t["epci"]:
        para(f"{e['nom']} ({len(e['communes'])} communes, {num(e['population'])} habitants) : "
             + ", ".join(e["communes"]) + ".", size=9)
    pdf.add_page()
    h2("1.2 Le Contrat territorial de développement économique")
    para(f"Le {PACTE['nom']} (CTDE) a été approuvé par le comité syndical du PETR le {d_long(PACTE['deliberation_petr'])}, "
         f"puis par la commission permanente du conseil régional le {d_long(PACTE['commission_permanente'])}. "
         f"La convention a été signée le {d_long(PACTE['signature'])}. Elle couvre la période du "
         f"{d_long(PACTE['debut'])} au {d_long(PACTE['fin'])}.")
    para(f"Le contrat est organisé en quatre ambitions stratégiques, déclinées en neuf objectifs opérationnels "
         f"et {c['n']} actions. Le coût total programmé s'élève à {eur(DECLARED_COUT_TOTAL)}, dont "
         f"{eur(PACTE['financement']['Région Bourgogne-Franche-Comté'])} de participation régionale.")
    for a in AMBITIONS:
        h3(f"Ambition {a['num']} – {a['titre']}")
        for code, titre in a["objectifs"]:
            para(f"{code} {titre}", size=9.5)

    # --- 2. Méthode
    h1("2. Méthode de l'évaluation")
    para(f"L'évaluation a été conduite entre janvier et mars 2025 par le cabinet {t['cabinet']}. Elle s'appuie sur "
         "l'analyse des fiches actions, des tableaux de suivi financier tenus par le PETR, de 24 entretiens avec des élus, "
         "des techniciens et des chefs d'entreprise, ainsi que sur une enquête en ligne à laquelle 87 entreprises ont répondu.")
    para(f"La situation de chaque action est appréciée au {d_long(PACTE['date_reference'])} selon quatre états "
         "d'avancement. Une action est dite achevée lorsque l'opération est physiquement terminée et que la dépense "
         "a été soldée. Elle est en cours lorsqu'un engagement a été pris mais que l'opération n'est pas terminée. "
         "Une action est considérée comme non démarrée lorsque aucun engagement juridique ou financier n'a été pris "
         "à la date de référence. Enfin, une action est abandonnée lorsque le comité de pilotage a formellement "
         "renoncé à sa mise en œuvre.")
    para("Dans le tableau de bord de suivi tenu par le PETR, ces états portent d'autres libellés : « Soldée », "
         "« Engagée », « À lancer » et « Abandonnée ».")

    # --- 3. Bilan global
    h1("3. Bilan global d'avancement")
    h2("3.1 État d'avancement des actions")
    para(f"Au terme du contrat, {c['counts']['D']} actions sur {c['n']} sont achevées : plus de la moitié du "
         f"programme a donc été menée à son terme. {c['counts']['P']} autres actions sont en cours, soit près de "
         f"trois sur dix. Au total, {c['engagees']} actions sur {c['n']} – plus de huit sur dix – ont été engagées.")
    para(f"Seules {c['counts']['N'] + c['counts']['X']} actions n'ont pas été réalisées : {c['counts']['N']} n'ont pas "
         f"démarré et {c['counts']['X']} ont été abandonnées. Le tableau 1 récapitule cette répartition.")
    h3("Tableau 1 – Répartition des actions par état d'avancement")
    rows = [[STATUTS_EVAL[k], c["counts"][k], pct(c["pct"][k])] for k in "DPNX"]
    rows.append(["Sous-total non réalisées (non démarrées et abandonnées)",
                 c["counts"]["N"] + c["counts"]["X"], pct(c["pct"]["ND"])])
    rows.append(["Total", c["n"], pct(100)])
    table(["État d'avancement", "Nombre d'actions", "Part"], rows, (3, 1.2, 0.8),
          aligns=("LEFT", "CENTER", "CENTER"), bold_last=True)
    h2("3.2 Avancement par ambition")
    para("L'avancement est inégal selon les ambitions. Les ambitions 1 et 3, qui portent les investissements les "
         "plus lourds, sont les plus avancées ; l'ambition 4 concentre au contraire les actions en cours.")
    h3("Tableau 2 – Actions par ambition et par état")
    rows = []
    for a in AMBITIONS:
        pa = c["per_amb"][a["num"]]
        rows.append([f"Ambition {a['num']}", pa["n"]] + [pa["counts"][k] for k in "DPNX"])
    rows.append(["Total", c["n"]] + [c["counts"][k] for k in "DPNX"])
    table(["Ambition", "Actions", "Achevées", "En cours", "Non démarrées", "Abandonnées"], rows,
          (1.6, 1, 1, 1, 1.2, 1.2), aligns=("LEFT",) + ("CENTER",) * 5, bold_last=True)
    h2("3.3 Exécution financière")
    para(f"Sur un coût total programmé de {eur(DECLARED_COUT_TOTAL)}, {eur(c['engage'])} de dépenses ont été "
         f"engagées au {d_long(PACTE['date_reference'])}, soit un taux d'engagement global de {pct(c['taux_global'])}. "
         f"La Région a versé {eur(PACTE['region_verse'])} sur les {eur(PACTE['financement']['Région Bourgogne-Franche-Comté'])} "
         f"prévus, soit {pct(c['verse_pct'])} de son enveloppe.")
    h3("Tableau 3 – Exécution financière par ambition")
    rows = []
    for a in AMBITIONS:
        pa = c["per_amb"][a["num"]]
        rows.append([f"Ambition {a['num']}", eur(pa["cout"]), eur(pa["engage"]), pct(pa["taux"])])
    rows.append(["Total", eur(DECLARED_COUT_TOTAL), eur(c["engage"]), pct(c["taux_global"])])
    table(["Ambition", "Coût programmé", "Dépenses engagées", "Taux d'engagement"], rows,
          (1.3, 1.3, 1.3, 1.1), aligns=("LEFT", "RIGHT", "RIGHT", "CENTER"), bold_last=True)
    para(f"Les entretiens et le suivi des aides permettent d'estimer à {PACTE['entreprises_accompagnees']} le nombre "
         f"d'entreprises accompagnées et à {PACTE['emplois']} le nombre d'emplois créés ou maintenus grâce au contrat.")

    # --- 4. Analyse par ambition
    h1("4. Analyse par ambition")
    textes = {
        "1.1": "La zone d'activités des Grands Prés a été étendue de 6 hectares et accueille déjà cinq entreprises. "
               "L'hôtel d'entreprises de Mouthier-Vaudre est occupé à 90 %. La requalification de la friche Jeantet "
               "à Bréchaux a pris du retard du fait d'une dépollution plus coûteuse que prévu. L'atelier-relais "
               "agroalimentaire de la Haute-Morvine a été abandonné : le porteur de projet privé s'est retiré en 2023, "
               "et le comité de pilotage du 12 mars 2024 a acté l'abandon.",
        "1.2": "La bourse locale des entreprises à reprendre a permis 17 mises en relation et 9 reprises effectives. "
               "Les prêts d'honneur ont bénéficié à 22 repreneurs. Les rencontres annuelles de la transmission sont "
               "reconduites chaque automne et restent donc classées en cours.",
        "2.1": "La plateforme de bois-énergie de Lavans-Vaudre fonctionne depuis l'hiver 2022-2023. La desserte "
               "forestière du massif de la Joux-Morvine est engagée. La marque collective pour le bois local n'a pas "
               "trouvé de porteur parmi les professionnels.",
        "2.2": "Le projet alimentaire territorial a été labellisé en 2022. La légumerie intercommunale est en travaux. "
               "Le magasin de producteurs de Chassagne-la-Roche a été abandonné lors du comité de pilotage du "
               "6 décembre 2022, le collectif d'agriculteurs porteur du projet s'étant dissous.",
        "2.3": "La route des artisans d'art réunit 31 ateliers. L'aide à la modernisation des ateliers reste ouverte "
               "jusqu'à la fin du contrat ; la boutique éphémère des créateurs n'a pas démarré.",
        "3.1": "Le premier lot de la véloroute, entre Vaulmont-sur-Sorelle et Mouthier-Vaudre, est ouvert ; le second "
               "lot est en cours de travaux. La base de canoë de Longevelle-sur-Sorelle a ouvert en juin 2023. "
               "L'espace trail de la Haute-Morvine n'a pas démarré, faute d'accord foncier.",
        "3.2": "Le fonds de modernisation a soutenu 26 hébergements. La requalification du camping de Morvine-les-Bains "
               "est engagée et s'achèvera après le terme du contrat.",
        "4.1": "Quarante-huit diagnostics énergie ont été réalisés. Le réseau de chaleur des Grands Prés a été retardé "
               "par un appel d'offres infructueux en 2023, relancé en 2024. La flambée des prix de l'énergie en 2022 "
               "a par ailleurs conduit les entreprises à différer leurs investissements, ce qui explique le faible taux "
               "d'engagement de l'ambition 4.",
        "4.2": "Le tiers-lieu « La Fabrique » est ouvert depuis septembre 2022 et compte 40 adhérents. L'espace de "
               "coworking de Mouthier-Vaudre est en travaux. La conciergerie numérique rurale n'a pas démarré.",
    }
    for a in AMBITIONS:
        pa = c["per_amb"][a["num"]]
        h2(f"Ambition {a['num']} – {a['titre']}")
        para(f"Cette ambition regroupe {pa['n']} actions pour un coût programmé de {eur(pa['cout'])}. "
             f"{pa['counts']['D']} sont achevées et {pa['counts']['P']} sont en cours.")
        for code, titre in a["objectifs"]:
            h3(f"{code} {titre}")
            para(textes[code])

    # --- 5. Effets
    h1("5. Effets du contrat sur le territoire")
    para("Les indicateurs de résultat fixés lors de la signature ont été renseignés à partir du suivi des aides et "
         "des données transmises par les maîtres d'ouvrage. Quatre des six cibles sont atteintes ou dépassées.")
    h3("Tableau 4 – Indicateurs de résultat")
    rows = [[lib, cible, atteint] for lib, cible, atteint in INDICATEURS]
    table(["Indicateur", "Valeur cible 2025", "Valeur atteinte"], rows, (3.4, 1.3, 1.3),
          aligns=("LEFT", "CENTER", "CENTER"))
    para("L'enquête en ligne confirme ce constat : 72 % des entreprises répondantes jugent l'accompagnement du PETR "
         "utile ou très utile, et une sur trois déclare avoir réalisé un investissement qu'elle n'aurait pas engagé "
         "sans le contrat. Les entreprises regrettent en revanche des délais d'instruction jugés trop longs, de quatre "
         "mois en moyenne entre le dépôt du dossier et la décision.")
    para("Sur le plan territorial, les investissements ont bénéficié aux trois communautés de communes, mais la "
         "Haute-Morvine, plus éloignée des axes de circulation, a connu davantage de difficultés : deux des quatre "
         "actions non démarrées et l'une des deux actions abandonnées la concernent.")

    # --- 6. Gouvernance
    h1("6. Gouvernance et animation")
    i = INSTANCES
    para(f"Le comité de pilotage, présidé par le président du PETR, a été installé le {d_long(i[0][1], True)}. "
         f"Le premier comité technique s'est tenu le {d_long(i[1][1])}. La conférence des maires a été réunie "
         f"deux fois, pour présenter le contrat puis pour restituer le bilan à mi-parcours.")
    para(f"Le comité technique du {d_long(i[6][1], True)} a préparé le bilan à mi-parcours. Le projet de présent "
         f"rapport a été examiné par le comité technique du {d_long(i[9][1], True)}. Au total, {len(i)} réunions "
         f"des instances se sont tenues entre mars 2021 et mars 2025.")
    h3("Tableau 5 – Calendrier des instances réunies")
    rows = [[str(n + 1), b, d_court(d), lieu, objet] for n, (b, d, lieu, objet) in enumerate(i)]
    table(["N°", "Instance", "Date", "Lieu", "Principaux points"], rows, (0.5, 2.1, 1.0, 1.9, 3.0), size=8.5)
    a_ = INSTANCE_ANNONCEE
    para(f"Le comité de pilotage de clôture est programmé le {d_long(a_[1], True)} à {a_[2]}. Il arrêtera les suites "
         "à donner au contrat et les actions à reporter dans la prochaine génération de contrats régionaux.")

    # --- 6. Conclusions
    h1("7. Conclusions et recommandations")
    para("Le CTDE a atteint l'essentiel de ses objectifs : la grande majorité des actions ont été engagées et les "
         "investissements structurants de l'ambition 1 et de l'ambition 3 sont réalisés ou en voie de l'être. "
         "Les difficultés se concentrent sur l'ambition 4, dont les actions dépendent fortement de la conjoncture.")
    para("Recommandation 1 : reporter dans le futur contrat les actions en cours d'investissement (véloroute, "
         "réseau de chaleur, légumerie).")
    para("Recommandation 2 : renforcer l'ingénierie du PETR, aujourd'hui limitée à 1,5 équivalent temps plein, "
         "pour accompagner les porteurs privés.")
    para("Recommandation 3 : simplifier le tableau de bord et partager son suivi avec les communautés de communes.")

    # --- Annexes
    h1("Annexe 1 – Liste des actions et état d'avancement", toc="Annexe 1 – Liste des actions")
    para(f"État arrêté au {d_long(PACTE['date_reference'])}. Les coûts sont les coûts programmés.", size=9)
    rows = [[code, titre, mo, eur(cout), STATUTS_EVAL[st]] for code, titre, cout, st, mo in ACTIONS]
    table(["Code", "Intitulé de l'action", "Maître d'ouvrage", "Coût programmé", "État"], rows,
          (0.7, 3.6, 1.9, 1.4, 1.3), size=8.5, aligns=("LEFT", "LEFT", "LEFT", "RIGHT", "LEFT"))
    h1("Annexe 2 – Sigles", toc="Annexe 2 – Sigles")
    for sig, dev in SIGLES:
        para(f"{sig} : {dev}", size=9.5)
    pdf.output(str(path))


# ---------------------------------------------------------------------------
# PDF : fiche bilan du territoire voisin (piège)
# ---------------------------------------------------------------------------
def build_voisin(path: pathlib.Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    v = VOISIN
    pdf = _pdf_base(FPDF, orientation="L")
    pdf.set_title(f"Fiche bilan CTDE – {v['nom']}")
    pdf.set_author(v["nom"])
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(True, margin=12)
    W = pdf.w - 30

    pdf.add_page()
    pdf.set_fill_color(120, 40, 60)
    pdf.rect(0, 0, pdf.w, 28, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("DejaVu", "B", 17)
    pdf.set_xy(15, 6)
    pdf.cell(W, 9, fr(v["nom"]))
    pdf.set_font("DejaVu", "", 11)
    pdf.set_xy(15, 16)
    pdf.cell(W, 7, fr("Contrat territorial de développement économique 2021-2025 – Fiche bilan au 31/12/2024"))
    pdf.set_text_color(0, 0, 0)
    # chiffres clés en vignettes
    boxes = [
        (str(v["total_actions"]), "actions inscrites au contrat"),
        (pct(v["pct"]["D"]), "des actions achevées"),
        (eur(v["cout_total"]), "de coût total programmé"),
        (str(v["emplois"]), "emplois créés ou maintenus"),
    ]
    bw = (W - 3 * 6) / 4
    y0 = 36
    for k, (big, small) in enumerate(boxes):
        x = 15 + k * (bw + 6)
        pdf.set_fill_color(245, 230, 234)
        pdf.rect(x, y0, bw, 30, style="F")
        pdf.set_xy(x, y0 + 4)
        pdf.set_font("DejaVu", "B", 18)
        pdf.cell(bw, 10, fr(big), align="C")
        pdf.set_xy(x, y0 + 17)
        pdf.set_font("DejaVu", "", 9.5)
        pdf.cell(bw, 6, fr(small), align="C")
    pdf.set_xy(15, y0 + 38)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(W, 5.5, fr(
        f"Le {v['nom']} fédère {v['communes']} communes. Son contrat avec la Région Bourgogne-Franche-Comté "
        f"mobilise {eur(v['region'])} de crédits régionaux. {v['entreprises']} entreprises ont été accompagnées. "
        "Le contrat s'organise autour de trois priorités et de six objectifs repérés par une lettre."))
    pdf.ln(3)
    head = FontFace(emphasis="BOLD", fill_color=(235, 215, 220))
    pdf.set_font("DejaVu", "", 9.5)
    with pdf.table(col_widths=(1, 3, 4, 1), width=W, line_height=5.5, headings_style=head,
                   text_align="LEFT") as tb:
        r = tb.row()
        for h in ("Priorité", "Intitulé", "Objectifs", "Actions"):
            r.cell(h)
        for code, titre, n, objs in v["priorites"]:
            r = tb.row()
            r.cell(code)
            r.cell(fr(titre))
            r.cell(fr(" ; ".join(objs)))
            r.cell(str(n))
    pdf.ln(4)
    labels = {"D": "Achevée", "P": "En cours", "N": "Non démarrée", "X": "Abandonnée"}
    with pdf.table(col_widths=(3, 1.5, 1.5), width=W * 0.55, line_height=5.5, headings_style=head,
                   align="LEFT", text_align="LEFT") as tb:
        r = tb.row()
        for h in ("État d'avancement", "Nombre d'actions", "Part"):
            r.cell(fr(h))
        for k in "DPNX":
            r = tb.row()
            r.cell(labels[k])
            r.cell(str(v["counts"][k]))
            r.cell(pct(v["pct"][k]))
        r = tb.row()
        r.cell("Total")
        r.cell(str(v["total_actions"]))
        r.cell(pct(100))

    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.set_text_color(120, 40, 60)
    pdf.cell(W, 9, "Gouvernance du contrat", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 10)
    for body, d in v["instances"]:
        pdf.cell(W, 6.5, fr(f"•  {body} – {d_long(d, True)}"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    b, d = v["annonce"]
    pdf.multi_cell(W, 5.5, fr(f"Prochaine réunion : {b.lower()} de clôture le {d_long(d, True)}."))
    pdf.ln(6)
    pdf.set_font("DejaVu", "I", 11)
    pdf.multi_cell(W, 6, fr(f"« Avec plus de la moitié des actions achevées, notre contrat a tenu ses promesses, "
                            f"en particulier pour l'industrie des plateaux. » – {v['presidente']}, présidente du PETR"))
    pdf.ln(6)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(W, 5, fr("Fiche réalisée par les services du PETR des Plateaux de la Haute-Sorne à partir du "
                            "suivi interne des actions. Document d'information, sans valeur contractuelle."))
    pdf.output(str(path))


# ---------------------------------------------------------------------------
# XLSX : tableau de bord
# ---------------------------------------------------------------------------
def build_xlsx(path: pathlib.Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    c = compute()
    wb = Workbook()
    wb.properties.creator = "Service économie – PETR 3RC"
    wb.properties.lastModifiedBy = "Service économie – PETR 3RC"
    wb.properties.title = "Tableau de bord du CTDE 2021-2025"
    wb.properties.created = FIXED_DT.replace(tzinfo=None)
    wb.properties.modified = FIXED_DT.replace(tzinfo=None)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE6F0")

    ws = wb.active
    ws.title = "Synthèse"
    ws["A1"] = f"Tableau de bord du CTDE 2021-2025 – {TERRITOIRE['nom']}"
    ws["A1"].font = Font(bold=True, size=13)
    ws["A2"] = f"Situation au {d_court(PACTE['date_reference'])} – mise à jour du service économie"
    ws.append([])
    ws.append(["Statut", "Nombre d'actions", "Part"])
    for cell in ws[4]:
        cell.font, cell.fill = bold, fill
    for k in "DPNX":
        ws.append([STATUTS_XLSX[k], c["counts"][k], c["counts"][k] / c["n"]])
        ws.cell(ws.max_row, 3).number_format = "0 %"
    ws.append(["Total", c["n"], 1.0])
    ws.cell(ws.max_row, 3).number_format = "0 %"
    for cell in ws[ws.max_row]:
        cell.font = bold
    ws.append([])
    ws.append(["Indicateur financier", "Montant (€)", "Taux"])
    for cell in ws[ws.max_row]:
        cell.font, cell.fill = bold, fill
    ws.append(["Coût total programmé", DECLARED_COUT_TOTAL, None])
    ws.append(["Dépenses engagées", c["engage"], c["engage"] / DECLARED_COUT_TOTAL])
    ws.append(["Participation régionale prévue", PACTE["financement"]["Région Bourgogne-Franche-Comté"], None])
    ws.append(["Participation régionale versée", PACTE["region_verse"],
               PACTE["region_verse"] / PACTE["financement"]["Région Bourgogne-Franche-Comté"]])
    for row in ws.iter_rows(min_row=13, max_row=16):
        row[1].number_format = "#,##0 €"
        row[2].number_format = "0 %"
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 18
    ws.column_dimensions["C"].width = 10

    ws = wb.create_sheet("Actions")
    ws.append(["Code", "Ambition", "Objectif", "Intitulé", "Maître d'ouvrage", "Coût programmé (€)",
               "Statut au 31/12/2024", "Commentaire"])
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for code, titre, cout, st, mo in ACTIONS:
        amb, obj = code.split(".")[0], code.rsplit(".", 1)[0]
        ws.append([code, f"A{amb}", obj, titre, mo, cout, STATUTS_XLSX[st], COMMENTAIRES.get(code, "")])
        ws.cell(ws.max_row, 6).number_format = "#,##0"
    for col, w in zip("ABCDEFGH", (8, 10, 9, 62, 24, 18, 20, 44)):
        ws.column_dimensions[col].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{ws.max_row}"

    ws = wb.create_sheet("Instances")
    ws.append(["N°", "Instance", "Date", "Lieu", "Objet principal", "Situation"])
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for n, (b, d, lieu, objet) in enumerate(INSTANCES, 1):
        ws.append([n, b, datetime(d.year, d.month, d.day), lieu, objet, "Tenue"])
        ws.cell(ws.max_row, 3).number_format = "yyyy-mm-dd"
    b, d, lieu, objet = INSTANCE_ANNONCEE
    ws.append([len(INSTANCES) + 1, b, datetime(d.year, d.month, d.day), lieu, objet, "Programmée"])
    ws.cell(ws.max_row, 3).number_format = "yyyy-mm-dd"
    for col, w in zip("ABCDEF", (5, 24, 12, 24, 52, 12)):
        ws.column_dimensions[col].width = w

    ws = wb.create_sheet("Légende")
    ws.append(["Libellé du tableau de bord", "Correspondance dans le rapport d'évaluation"])
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    for k in "DPNX":
        ws.append([STATUTS_XLSX[k], STATUTS_EVAL[k]])
    ws.append([])
    ws.append(["Codes ambition : A1 à A4 ; codes objectif : 1.1 à 4.2."])
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 44
    for wsx in wb.worksheets:
        for row in wsx.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = fr(cell.value)
                    cell.alignment = Alignment(vertical="top")
    wb.save(str(path))
    normalise_zip(path)


# ---------------------------------------------------------------------------
# DOCX : convention
# ---------------------------------------------------------------------------
def build_docx(path: pathlib.Path) -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    c = compute()
    t = TERRITOIRE
    doc = Document()
    cp = doc.core_properties
    cp.author = "Région Bourgogne-Franche-Comté"
    cp.last_modified_by = "Région Bourgogne-Franche-Comté"
    cp.title = "Convention CTDE 2021-2025"
    cp.created = FIXED_DT.replace(tzinfo=None)
    cp.modified = FIXED_DT.replace(tzinfo=None)
    cp.last_printed = FIXED_DT.replace(tzinfo=None)
    cp.revision = 1
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)

    def p(text, bold=False, center=False, italic=False):
        par = doc.add_paragraph()
        run = par.add_run(fr(text))
        run.bold, run.italic = bold, italic
        if center:
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return par

    def art(title):
        doc.add_heading(fr(title), level=2)

    p("CONVENTION", bold=True, center=True)
    p(f"relative au {PACTE['nom']}", bold=True, center=True)
    p(f"entre la Région Bourgogne-Franche-Comté et le {t['nom']}", center=True)
    p("Entre", bold=True)
    p("La Région Bourgogne-Franche-Comté, représentée par la présidente du conseil régional, dûment habilitée par "
      f"délibération de la commission permanente du {d_long(PACTE['commission_permanente'])}, ci-après dénommée "
      "« la Région »,")
    p("Et", bold=True)
    p(f"Le {t['nom']}, représenté par son président, M. {t['president']}, autorisé par la délibération "
      f"n° {PACTE['deliberation_num']} du comité syndical du {d_long(PACTE['deliberation_petr'])}, ci-après dénommé "
      "« le PETR »,")
    p("Il est convenu ce qui suit :", italic=True)

    art("Article 1er – Objet")
    p(f"La présente convention a pour objet de définir le contenu du {PACTE['nom']}, les engagements réciproques "
      "des parties et les modalités de suivi et d'évaluation du contrat.")
    art("Article 2 – Territoire concerné")
    p(f"Le contrat s'applique aux {DECLARED_COMMUNES} communes membres des trois communautés de communes adhérentes "
      f"au PETR, qui comptent ensemble {num(DECLARED_POPULATION)} habitants :")
    for e in t["epci"]:
        doc.add_paragraph(fr(f"{e['nom']} ({len(e['communes'])} communes) ;"), style="List Bullet")
    art("Article 3 – Orientations stratégiques")
    p("Le contrat est structuré en quatre ambitions, elles-mêmes déclinées en objectifs opérationnels :")
    for a in AMBITIONS:
        p(f"Ambition {a['num']} – {a['titre']}", bold=True)
        for code, titre in a["objectifs"]:
            doc.add_paragraph(fr(f"Objectif {code} : {titre}"), style="List Bullet")
    p(f"Le programme d'actions annexé à la présente convention comporte {c['n']} actions.")
    art("Article 4 – Engagements financiers")
    fin = PACTE["financement"]
    p(f"Le coût total prévisionnel du programme est de {eur(DECLARED_COUT_TOTAL)}. La Région s'engage à y "
      f"contribuer à hauteur de {eur(fin['Région Bourgogne-Franche-Comté'])} au maximum. Le PETR et les communautés "
      f"de communes apportent {eur(fin['PETR et communautés de communes'])}, le solde de "
      f"{eur(fin['Autres financeurs (État, fonds européens, privés)'])} étant recherché auprès des autres financeurs "
      "(État, fonds européens, porteurs privés).")
    p("La répartition indicative par ambition est la suivante :")
    tb = doc.add_table(rows=1, cols=3)
    tb.style = "Table Grid"
    for cell, h in zip(tb.rows[0].cells, ("Ambition", "Coût total prévisionnel", "Participation régionale")):
        cell.text = h
        cell.paragraphs[0].runs[0].bold = True
    for a in AMBITIONS:
        pa = c["per_amb"][a["num"]]
        row = tb.add_row().cells
        row[0].text = fr(f"Ambition {a['num']} – {a['titre']}")
        row[1].text = eur(pa["cout"])
        row[2].text = eur(pa["region"])
    row = tb.add_row().cells
    row[0].text, row[1].text, row[2].text = "Total", eur(DECLARED_COUT_TOTAL), eur(fin["Région Bourgogne-Franche-Comté"])
    p("")
    p("Les crédits régionaux sont attribués opération par opération, après instruction, dans la limite de la "
      "répartition ci-dessus. Une fongibilité entre ambitions est possible dans la limite de 15 % de l'enveloppe.")
    art("Article 5 – Gouvernance")
    p("Le suivi du contrat est assuré par un comité de pilotage coprésidé par le président du PETR et un conseiller "
      "régional désigné par la Région. Il se réunit au moins une fois par an. Un comité technique, composé des "
      "techniciens du PETR, des communautés de communes et de la Région, prépare ses travaux. La conférence des "
      "maires est informée de l'avancement du contrat au moins deux fois pendant sa durée.")
    art("Article 6 – Suivi et évaluation")
    p("Le PETR tient à jour un tableau de bord des actions. Un bilan à mi-parcours est présenté en 2023. Une "
      "évaluation finale, confiée à un prestataire extérieur, est remise à la Région avant le 30 juin 2025.")
    art("Article 7 – Durée")
    p(f"La présente convention prend effet le {d_long(PACTE['debut'])} et s'achève le {d_long(PACTE['fin'])}.")
    art("Article 8 – Modification")
    p("Toute modification substantielle de la présente convention fait l'objet d'un avenant signé par les deux parties.")
    art("Article 9 – Litiges")
    p("Les litiges nés de l'exécution de la présente convention relèvent du tribunal administratif de Besançon, "
      "après recherche d'une solution amiable.")
    p(f"Fait à Besançon, le {d_long(PACTE['signature'])}, en deux exemplaires originaux.")
    p("Pour la Région Bourgogne-Franche-Comté, la présidente du conseil régional")
    p(f"Pour le {t['nom']}, le président, {t['president']}")
    doc.save(str(path))
    normalise_zip(path)


# ---------------------------------------------------------------------------
# TXT : communiqué de presse
# ---------------------------------------------------------------------------
def build_txt(path: pathlib.Path) -> None:
    c = compute()
    t = TERRITOIRE
    a_ = INSTANCE_ANNONCEE
    lines = [
        "COMMUNIQUÉ DE PRESSE",
        f"{t['siege']}, le 22 avril 2025",
        "",
        "Développement économique : le Pays des Trois Rivières tire un bilan positif de son contrat avec la Région",
        "",
        f"Le {t['nom']} a rendu publique l'évaluation finale de son {PACTE['nom']}, conclu avec la Région "
        "Bourgogne-Franche-Comté.",
        "",
        f"Sur les {c['n']} actions prévues, {c['counts']['D']} sont achevées et {c['counts']['P']} sont en cours. "
        f"Plus de huit actions sur dix ont donc été engagées.",
        "",
        f"Le contrat a permis d'accompagner {PACTE['entreprises_accompagnees']} entreprises et de créer ou maintenir "
        f"{PACTE['emplois']} emplois sur les {DECLARED_COMMUNES} communes du territoire.",
        "",
        "Parmi les réalisations marquantes : l'extension de la zone d'activités des Grands Prés, l'hôtel d'entreprises "
        "de Mouthier-Vaudre, la base de canoë de Longevelle-sur-Sorelle et le tiers-lieu « La Fabrique ».",
        "",
        f"« Ce contrat a changé la manière dont nos trois communautés de communes travaillent ensemble. Nous "
        f"voulons poursuivre cet effort dans le prochain contrat régional », souligne {t['president']}, président du PETR.",
        "",
        f"Pour {t['vp_eco']}, vice-présidente chargée de l'économie, « la priorité sera désormais d'aider nos "
        "entreprises à réduire leur facture énergétique ».",
        "",
        f"Le comité de pilotage de clôture se réunira le {d_long(a_[1], True)} à {a_[2]}.",
        "",
        f"Contact presse : service communication du {t['sigle']} – communication@pays-trois-rivieres.example",
        "",
    ]
    path.write_text(fr("\n".join(lines)), encoding="utf-8")


# ---------------------------------------------------------------------------
# MD : foire aux questions pour les entreprises (page web)
# ---------------------------------------------------------------------------
def build_md(path: pathlib.Path) -> None:
    t = TERRITOIRE
    md = f"""# Entreprises : les aides du contrat économique du Pays des Trois Rivières

*Page mise à jour le 3 mars 2025 – rubrique « Entreprendre » du site du {t['sigle']}*

## C'est quoi, le PETR ?

Un PETR est un pôle d'équilibre territorial et rural : un syndicat mixte qui réunit plusieurs communautés de communes pour porter des projets communs. Le nôtre regroupe {DECLARED_COMMUNES} communes autour de {t['siege']}.

## Qu'est-ce que le CTDE ?

C'est le {PACTE['nom']}, signé avec la Région Bourgogne-Franche-Comté. Il finance des projets publics et des aides aux entreprises autour de quatre ambitions : l'accueil des entreprises, les ressources locales, la pleine nature et les transitions.

## Mon entreprise est-elle éligible ?

Les aides sont réservées aux entreprises de moins de 50 salariés dont l'établissement est situé dans l'une des {DECLARED_COMMUNES} communes du Pays. Les professions libérales réglementées et les SCI en sont exclues.

## Quelles aides puis-je demander ?

| Aide | Taux | Plafond |
|---|---|---|
| Diagnostic énergie | 80 % du coût du diagnostic | 2 500 € par entreprise |
| Investissements de sobriété énergétique | 30 % des dépenses éligibles | 20 000 € |
| Modernisation des ateliers artisanaux | 25 % des dépenses éligibles | 10 000 € |

Les aides ne sont pas cumulables pour une même dépense.

## Jusqu'à quand puis-je déposer un dossier ?

Les dossiers complets doivent parvenir au PETR avant le 30 septembre 2025. Au-delà, ils seront examinés au titre du futur contrat, sous réserve de son adoption.

## Qui contacter ?

{t['charge_mission']}, chargée de mission développement économique, répond à vos questions : economie@pays-trois-rivieres.example. Les rendez-vous ont lieu à la Maison du Pays, à {t['siege']}, le mardi et le jeudi.
"""
    path.write_text(fr(md), encoding="utf-8")


# ---------------------------------------------------------------------------
def build(dest: pathlib.Path) -> list[pathlib.Path]:
    dest = pathlib.Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    compute()
    out = []
    for key, fn in (("eval", build_eval), ("xlsx", build_xlsx), ("docx", build_docx),
                    ("txt", build_txt), ("md", build_md), ("voisin", build_voisin)):
        p = dest / FILES[key]
        fn(p)
        out.append(p)
    toml = dest / "pacte.toml"
    toml.write_text(
        "[territoire]\n"
        f'nom = "{TERRITOIRE["nom"]}"\n'
        f'aliases = ["{TERRITOIRE["sigle"]}", "{TERRITOIRE["court"]}", "le PETR"]\n',
        encoding="utf-8")
    out.append(toml)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage : python build.py DEST")
    for p in build(pathlib.Path(sys.argv[1])):
        print(p)
