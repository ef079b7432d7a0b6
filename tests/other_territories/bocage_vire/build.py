#!/usr/bin/env python3
"""Générateur déterministe du corpus fictif « Bocage de la Vire ».

Usage : python build.py DEST

Écrit dans DEST les cinq documents du corpus et pacte.toml :
  rapport_evaluation_ccbv_2025.docx, synthese_evaluation_ccbv.pdf,
  copil_2025-03-18.md, suivi_actions.csv, bilan_pays_saint_lois.pdf, pacte.toml

Aucun hasard, aucune horloge : dates de création et horodatages fixes.
Tous les chiffres sont définis une seule fois (section FIGURES) et
contrôlés au moment de la construction (fonction compute()).
"""
import csv
import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

NBSP = "\u00a0"

# ---------------------------------------------------------------------------
# Typographie française
# ---------------------------------------------------------------------------


def fr(s: str) -> str:
    """Espaces insécables avant ; : ? ! % € », après « et dans les nombres."""
    s = re.sub(r" ([;:?!%€»])", NBSP + r"\1", s)
    s = s.replace("« ", "«" + NBSP)
    s = s.replace("n° ", "n°" + NBSP)
    s = re.sub(r"(\d) h (\d)", r"\1" + NBSP + "h" + NBSP + r"\2", s)
    s = re.sub(r"(\d) (km²?|hectares)\b", r"\1" + NBSP + r"\2", s)
    s = re.sub(r"(?<=\d) (?=\d{3}\b)", NBSP, s)
    return s


def num(n: int) -> str:
    """1480000 -> '1 480 000' (espaces insécables)."""
    s = f"{n:,}".replace(",", NBSP)
    return s


def eur(n: int) -> str:
    return num(n) + NBSP + "€"


def pct(part: int, whole: int) -> int:
    """Pourcentage arrondi à l'unité (arrondi commercial, demi vers le haut)."""
    return (200 * part + whole) // (2 * whole)


def pc(part: int, whole: int) -> str:
    return f"{pct(part, whole)}" + NBSP + "%"


MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
        "août", "septembre", "octobre", "novembre", "décembre"]


def date_long(iso: str) -> str:        # 2021-10-14 -> 14 octobre 2021
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{'1er' if d == 1 else d} {MOIS[m - 1]} {y}"


def date_court(iso: str) -> str:       # 2021-10-14 -> le 14 octobre
    y, m, d = (int(x) for x in iso.split("-"))
    return f"le {d} {MOIS[m - 1]}"


def date_num(iso: str) -> str:         # 2021-10-14 -> 14/10/2021
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


# ---------------------------------------------------------------------------
# FIGURES : toutes les données du corpus
# ---------------------------------------------------------------------------

TERRITOIRE = {
    "nom": "Communauté de communes du Bocage de la Vire",
    "sigle": "CCBV",
    "siege": "Valbrécy",
    "habitants": 41260,
    "superficie_km2": 612,
    "communes": [
        "Valbrécy", "Montfaverel", "Couvrigny", "Saint-Clair-des-Prés",
        "Tessancourt", "Pierrefeu-en-Bocage", "Le Hamel-Doré",
        "Saint-Ouen-des-Haies", "La Ferrière-sur-Vire",
        "Beaumesnil-la-Vallée", "Les Landes-Hérault", "Le Mesnil-Aubrée",
        "Sainte-Colombe-du-Bocage", "Saint-Jores-des-Vaux",
    ],
    "communes_calvados": 9,
    "communes_manche": 5,
}

CONTRAT = {
    "titre": "Contrat de territoire pour l'économie et l'emploi 2020-2025",
    "signature": "2020-06-26",
    "lieu_signature": "Valbrécy",
    "president": "Bernard Lecoutour",
    "region_elue": "Hélène Marivaux",
    "evaluateur": "Terres & Territoires Conseil",
    "consultante": "Claire Lemarchand",
    "aide_region": 2350000,
    "date_arret": "2025-01-31",
}

# Effets mesurés (cités par le rapport et la synthèse)
EFFETS = {
    "emplois": 412,
    "prets_honneur": 58,
    "entreprises_creees": 46,
    "hectares": 23,
    "lots_vendus": 17,
    "entreprises_hotel": 11,
    "participants_forums": 1340,
    "editions_forum": 4,
    "jeunes_permis": 96,
    "chomage_2019": "7,4",
    "chomage_2024": "6,1",
    "vitrines": 64,
    "diagnostics": 38,
    "entretiens": 27,
    "entreprises_enquete": 184,
    "reponses_enquete": 57,
}

AXES = [
    {"num": 1, "titre": "Renforcer l'attractivité économique du territoire",
     "court": "Attractivité économique",
     "objectifs": [
         ("1.1", "Développer une offre foncière et immobilière adaptée aux entreprises"),
         ("1.2", "Accompagner la création et la reprise d'entreprises"),
         ("1.3", "Dynamiser le commerce de proximité dans les centres-bourgs"),
     ]},
    {"num": 2, "titre": "Favoriser l'emploi et le développement des compétences",
     "court": "Emploi et compétences",
     "objectifs": [
         ("2.1", "Rapprocher les demandeurs d'emploi et les employeurs locaux"),
         ("2.2", "Adapter l'offre de formation aux besoins des filières"),
         ("2.3", "Faciliter la mobilité vers l'emploi"),
     ]},
    {"num": 3, "titre": "Accompagner les transitions de l'économie locale",
     "court": "Transitions de l'économie",
     "objectifs": [
         ("3.1", "Soutenir les filières agricoles et agroalimentaires de proximité"),
         ("3.2", "Encourager la sobriété énergétique et l'économie circulaire dans les entreprises"),
     ]},
]

STATUTS = ["achevée", "en cours", "non démarrée", "abandonnée"]
# vocabulaire propre au registre de suivi
ETAT_REGISTRE = {"achevée": "Terminé", "en cours": "En cours",
                 "non démarrée": "Pas commencé", "abandonnée": "Abandonné"}

# (réf., objectif, intitulé, maître d'ouvrage, statut, prévu €, engagé €, mise à jour)
ACTIONS = [
    ("A01", "1.1", "Extension de la zone d'activités de la Croix-Verte à Valbrécy", "CCBV", "achevée", 1480000, 1452300, "2024-11-18"),
    ("A02", "1.1", "Création d'un hôtel d'entreprises à Montfaverel", "CCBV", "achevée", 920000, 948500, "2024-06-27"),
    ("A03", "1.1", "Requalification de la friche industrielle Lemonnier à Couvrigny", "CCBV", "en cours", 760000, 412000, "2025-01-20"),
    ("A04", "1.1", "Observatoire du foncier et de l'immobilier d'entreprise", "CCBV", "achevée", 35000, 31200, "2024-09-12"),
    ("A05", "1.2", "Guichet unique d'accueil des porteurs de projet", "CCBV", "achevée", 60000, 58400, "2024-10-07"),
    ("A06", "1.2", "Prêts d'honneur Initiative Bocage", "Association Initiative Bocage Vire", "achevée", 240000, 240000, "2024-12-16"),
    ("A07", "1.2", "Bourse de transmission des entreprises artisanales", "Association Initiative Bocage Vire", "en cours", 45000, 22500, "2025-01-13"),
    ("A08", "1.2", "Pépinière numérique La Fabrique", "Commune de Valbrécy", "non démarrée", 310000, 0, "2024-12-02"),
    ("A09", "1.3", "Aide à la rénovation des vitrines commerciales", "CCBV", "achevée", 150000, 143750, "2024-11-04"),
    ("A10", "1.3", "Plateforme de vente en ligne des commerçants", "Union commerciale du Bocage", "achevée", 48000, 46900, "2024-07-15"),
    ("A11", "1.3", "Multiple rural de Saint-Clair-des-Prés", "Commune de Saint-Clair-des-Prés", "achevée", 385000, 379600, "2024-08-26"),
    ("A12", "1.3", "Manager de commerce mutualisé", "CCBV", "en cours", 120000, 84000, "2025-01-27"),
    ("A13", "2.1", "Forum annuel de l'emploi du Bocage", "CCBV", "achevée", 42000, 40800, "2024-10-21"),
    ("A14", "2.1", "Plateforme numérique des offres d'emploi locales", "Maison de l'emploi du Bocage", "achevée", 55000, 53100, "2024-09-30"),
    ("A15", "2.1", "Job-dating des emplois saisonniers agricoles et agroalimentaires", "Maison de l'emploi du Bocage", "achevée", 18000, 17400, "2024-07-08"),
    ("A16", "2.1", "Groupement d'employeurs multisectoriel", "Association Bocage Emploi", "abandonnée", 90000, 12000, "2024-02-05"),
    ("A17", "2.2", "Antenne de formation aux métiers de l'industrie à Valbrécy", "CCBV", "en cours", 650000, 390000, "2025-01-22"),
    ("A18", "2.2", "Parcours de découverte des métiers pour les collégiens", "CCBV", "achevée", 24000, 23600, "2024-06-17"),
    ("A19", "2.2", "Formation des salariés de l'agroalimentaire aux outils numériques", "Association Bocage Emploi", "non démarrée", 80000, 0, "2024-11-25"),
    ("A20", "2.3", "Location solidaire de deux-roues et de voitures sans permis", "Association Mobil'Bocage", "achevée", 110000, 107250, "2024-12-09"),
    ("A21", "2.3", "Transport à la demande vers les zones d'activités", "CCBV", "en cours", 280000, 164000, "2025-01-15"),
    ("A22", "2.3", "Aide au permis de conduire des jeunes en insertion", "CCBV", "achevée", 36000, 34900, "2024-10-14"),
    ("A23", "3.1", "Atelier collectif de découpe et de transformation à Tessancourt", "Pôle agricole de la Vire", "achevée", 540000, 561200, "2024-09-23"),
    ("A24", "3.1", "Légumerie pour la restauration collective", "CCBV", "en cours", 420000, 215000, "2025-01-29"),
    ("A25", "3.1", "Marque territoriale Saveurs du Bocage", "CCBV", "achevée", 38000, 36500, "2024-05-21"),
    ("A26", "3.1", "Point de vente collectif de producteurs à Pierrefeu-en-Bocage", "Pôle agricole de la Vire", "achevée", 195000, 188300, "2024-08-05"),
    ("A27", "3.1", "Accompagnement à l'installation des jeunes agriculteurs", "Pôle agricole de la Vire", "en cours", 65000, 41000, "2025-01-06"),
    ("A28", "3.2", "Diagnostics énergie des entreprises artisanales et industrielles", "Syndicat mixte Vire-Énergies", "achevée", 72000, 69800, "2024-12-12"),
    ("A29", "3.2", "Réseau d'écologie industrielle de la Croix-Verte", "CCBV", "en cours", 58000, 26000, "2025-01-10"),
    ("A30", "3.2", "Ressourcerie et atelier de réemploi à Couvrigny", "Recyclerie du Bocage", "en cours", 340000, 205000, "2025-01-24"),
    ("A31", "3.2", "Centrale photovoltaïque sur les toitures des bâtiments d'activités", "Syndicat mixte Vire-Énergies", "non démarrée", 610000, 0, "2024-12-19"),
]

# Réunions des instances du contrat (séances tenues)
MEETINGS = [
    ("Comité de pilotage", "2020-09-22", "Installation du comité et adoption de la feuille de route"),
    ("Comité technique", "2021-03-04", "Revue des premières fiches-actions et calendrier de lancement"),
    ("Comité de pilotage", "2021-10-14", "Bilan de la première année et programmation 2022"),
    ("Comité technique", "2022-05-17", "Préparation de l'avenant n° 1"),
    ("Comité de pilotage", "2022-11-29", "Revue à mi-parcours et adoption de l'avenant n° 1"),
    ("Comité technique", "2023-06-08", "Suivi financier et relance des actions en retard"),
    ("Comité de pilotage", "2024-01-25", "Bilan 2023 et abandon du groupement d'employeurs"),
    ("Comité technique", "2024-10-03", "Cahier des charges de l'évaluation finale"),
    ("Comité de pilotage", "2025-03-18", "Présentation de l'évaluation finale et prolongation des actions en cours"),
]
PROCHAIN_COPIL = "2025-09-30"   # séance de clôture annoncée (non tenue)

# Comité de pilotage du 18 mars 2025
COPIL_VOTANTS = [
    ("Bernard Lecoutour", "président de la CCBV, président du comité"),
    ("Hélène Marivaux", "vice-présidente de la Région Normandie chargée de l'économie de proximité"),
    ("Didier Fauvel", "vice-président de la CCBV chargé du développement économique"),
    ("Martine Gosselin", "vice-présidente de la CCBV chargée de l'emploi et de la formation"),
    ("Patrick Lebrun", "maire de Valbrécy"),
    ("Odile Jourdan", "maire de Montfaverel"),
    ("Thierry Anquetil", "maire de Couvrigny"),
    ("Nadine Vauquelin", "maire de Saint-Clair-des-Prés"),
    ("Gérard Hamelin", "maire de Tessancourt"),
    ("Véronique Letellier", "maire de Pierrefeu-en-Bocage"),
    ("Alain Pesnel", "maire du Hamel-Doré"),
    ("Christine Marie", "maire de Saint-Ouen-des-Haies"),
    ("Hervé Bazire", "maire de La Ferrière-sur-Vire"),
    ("Sylvie Onfroy", "maire de Beaumesnil-la-Vallée"),
    ("Jacques Deslandes", "maire des Landes-Hérault"),
    ("Monique Lefrançois", "maire du Mesnil-Aubrée"),
    ("François Guérin", "conseiller départemental du Calvados"),
]
COPIL_VOTE = {"pour": 14, "contre": 2, "abstentions": 1}

# Le voisin : PETR du Pays Saint-Lois (document piège)
VOISIN = {
    "nom": "PETR du Pays Saint-Lois",
    "pacte": "Pacte de développement 2019-2024",
    "communes": 62,
    "intercos": 3,
    "habitants": 96800,
    "presidente": "Annick Delaunay",
    "axes": [
        ("A", "Économie productive et innovation", 14, 7, 5, 2),
        ("B", "Tourisme, culture et patrimoine", 10, 5, 3, 2),
        ("C", "Services et santé de proximité", 9, 3, 4, 2),
        ("D", "Transition écologique et mobilités", 9, 4, 3, 2),
    ],  # (lettre, titre, actions, achevées, en cours, non engagées)
    "budget_programme": 9400000,
    "budget_engage": 4120000,
    "aide_region": 3100000,
    "emplois": 215,
    "copil": ["2020-02-12", "2020-11-05", "2021-06-23"],
    "cotech": ["2020-09-15", "2021-10-12", "2022-03-03"],
    "bilan": "2022-06-21",
    "prochain_copil": "2022-12-08",
}


# ---------------------------------------------------------------------------
# Calculs et contrôles de cohérence
# ---------------------------------------------------------------------------

def compute():
    obj_axe = {code: ax["num"] for ax in AXES for code, _ in ax["objectifs"]}
    assert len(AXES) == 3 and len(obj_axe) == 8
    assert len(TERRITOIRE["communes"]) == 14 == len(set(TERRITOIRE["communes"]))
    assert TERRITOIRE["communes_calvados"] + TERRITOIRE["communes_manche"] == 14
    refs = [a[0] for a in ACTIONS]
    assert refs == [f"A{i:02d}" for i in range(1, len(ACTIONS) + 1)]
    by_axis = {ax["num"]: {s: 0 for s in STATUTS} for ax in AXES}
    budget = {ax["num"]: [0, 0] for ax in AXES}
    for ref, obj, titre, mo, st, prevu, engage, maj in ACTIONS:
        assert st in STATUTS, ref
        assert obj in obj_axe, ref
        if st == "non démarrée":
            assert engage == 0, ref
        by_axis[obj_axe[obj]][st] += 1
        budget[obj_axe[obj]][0] += prevu
        budget[obj_axe[obj]][1] += engage
        assert "2024-01-01" <= maj <= CONTRAT["date_arret"], ref
    total = len(ACTIONS)
    by_status = {s: sum(by_axis[a][s] for a in by_axis) for s in STATUTS}
    assert sum(by_status.values()) == total
    not_done = by_status["non démarrée"] + by_status["abandonnée"]
    p = {s: pct(by_status[s], total) for s in STATUTS}
    p_not_done = pct(not_done, total)
    # les parts arrondies affichées doivent être cohérentes entre elles
    assert p["achevée"] + p["en cours"] + p_not_done == 100
    assert p["non démarrée"] + p["abandonnée"] == p_not_done
    tot_prevu = sum(b[0] for b in budget.values())
    tot_engage = sum(b[1] for b in budget.values())
    assert tot_prevu == sum(a[5] for a in ACTIONS)
    assert tot_engage == sum(a[6] for a in ACTIONS)
    assert CONTRAT["aide_region"] < tot_engage
    # objectifs : chaque objectif a au moins une action
    assert set(a[1] for a in ACTIONS) == set(obj_axe)
    # réunions
    assert sorted(m[1] for m in MEETINGS) == [m[1] for m in MEETINGS]
    assert all("2020-01-01" <= m[1] <= "2025-12-31" for m in MEETINGS)
    assert sum(COPIL_VOTE.values()) == len(COPIL_VOTANTS)
    assert MEETINGS[-1][1] == "2025-03-18"
    # voisin
    v_tot = sum(a[2] for a in VOISIN["axes"])
    for a in VOISIN["axes"]:
        assert a[3] + a[4] + a[5] == a[2]
    v_st = [sum(a[i] for a in VOISIN["axes"]) for i in (3, 4, 5)]
    assert sum(pct(x, v_tot) for x in v_st) == 100
    # EFFETS
    assert EFFETS["entreprises_creees"] <= EFFETS["prets_honneur"]
    return {
        "obj_axe": obj_axe, "by_axis": by_axis, "by_status": by_status,
        "total": total, "not_done": not_done, "pct": p,
        "pct_not_done": p_not_done, "budget": budget,
        "tot_prevu": tot_prevu, "tot_engage": tot_engage,
        "v_total": v_tot, "v_status": v_st,
    }


C = compute()


def tools_expected():
    """Faits attendus (lus dans le rapport d'évaluation du territoire)."""
    return {
        "statistics": {
            "done": f"{C['pct']['achevée']} %",
            "in_progress": f"{C['pct']['en cours']} %",
            "not_done": f"{C['pct_not_done']} %",
            "total_actions": C["total"],
        },
        "axes": [{"number": ax["num"], "title": ax["titre"],
                  "objectives": [t for _, t in ax["objectifs"]]} for ax in AXES],
        "meetings": [{"body": m[0], "date": m[1]} for m in MEETINGS],
        "source": "rapport_evaluation_ccbv_2025.docx",
    }


# ---------------------------------------------------------------------------
# Textes partagés
# ---------------------------------------------------------------------------

def communes_txt():
    c = TERRITOIRE["communes"]
    return ", ".join(c[:-1]) + " et " + c[-1]


def action(ref):
    return next(a for a in ACTIONS if a[0] == ref)


BS = C["by_status"]
P = C["pct"]
T = C["total"]


# ---------------------------------------------------------------------------
# 1. Rapport d'évaluation (DOCX)
# ---------------------------------------------------------------------------

def rapport_blocks():
    t = TERRITOIRE
    k = CONTRAT
    e = EFFETS
    b = []
    H1 = lambda s: b.append(("h1", s))
    H2 = lambda s: b.append(("h2", s))
    Pp = lambda s: b.append(("p", s))

    b.append(("title", "Évaluation finale du Contrat de territoire pour l'économie et l'emploi 2020-2025"))
    Pp(f"{t['nom']} ({t['sigle']}) – Rapport d'évaluation – version définitive, avril 2025")
    Pp(f"Rapport établi par le cabinet {k['evaluateur']} à la demande de la {t['sigle']} et de la Région Normandie. "
       f"Les données de suivi sont arrêtées au {date_long(k['date_arret'])}.")

    H1("1. Contexte et objet de l'évaluation")
    H2("1.1. Le territoire")
    Pp(f"La {t['nom']} regroupe {len(t['communes'])} communes et {num(t['habitants'])} habitants sur "
       f"{t['superficie_km2']} km², de part et d'autre de la limite entre le Calvados "
       f"({t['communes_calvados']} communes) et la Manche ({t['communes_manche']} communes). "
       f"Son siège est installé à {t['siege']}. Les communes membres sont : {communes_txt()}.")
    Pp("L'économie locale repose sur l'agroalimentaire, la mécanique de précision et l'élevage laitier, "
       "complétés par un tissu dense d'artisans et de commerces de proximité. Au début du contrat, "
       "le territoire souffrait d'un manque de foncier disponible pour les entreprises, de difficultés "
       "de recrutement dans l'industrie et d'une vacance commerciale croissante dans les centres-bourgs.")
    H2("1.2. Le contrat")
    Pp(f"Le {k['titre']} a été signé le {date_long(k['signature'])} à {k['lieu_signature']} par "
       f"{k['president']}, président de la {t['sigle']}, et {k['region_elue']}, vice-présidente de la "
       f"Région Normandie. Il fixe pour six ans les priorités partagées de la communauté de communes "
       f"et de la Région en matière de développement économique et d'emploi.")
    Pp(f"Le contrat prévoyait une évaluation finale. Celle-ci a été confiée au cabinet {k['evaluateur']} "
       f"après la validation du cahier des charges par le comité technique du {date_long('2024-10-03')}. "
       f"Elle poursuit trois buts : mesurer l'avancement des actions, apprécier l'usage des crédits "
       f"et tirer les enseignements utiles au prochain contrat.")

    H1("2. Méthode")
    Pp("La démarche d'évaluation s'est déroulée en six étapes, entre novembre 2024 et mars 2025 :")
    b.append(("num", [
        "analyse documentaire des fiches-actions, des délibérations et des bilans annuels ;",
        f"exploitation du registre de suivi des actions, arrêté au {date_long(k['date_arret'])} ;",
        f"{e['entretiens']} entretiens individuels avec des élus, des partenaires et des maîtres d'ouvrage ;",
        f"enquête en ligne auprès de {e['entreprises_enquete']} entreprises du territoire "
        f"({e['reponses_enquete']} réponses, soit {pc(e['reponses_enquete'], e['entreprises_enquete'])}) ;",
        "deux ateliers de restitution avec le comité technique ;",
        f"présentation des conclusions au comité de pilotage du {date_long('2025-03-18')}.",
    ]))
    Pp("Le taux d'engagement utilisé dans ce rapport rapporte les montants engagés (marchés notifiés "
       "et subventions attribuées) aux montants prévus dans les fiches-actions. Une action est dite "
       "achevée lorsque sa réalisation physique est terminée et que son bilan a été présenté "
       "au comité technique.")

    H1("3. La stratégie du contrat")
    Pp(f"Le contrat s'organise en {len(AXES)} orientations stratégiques, déclinées en "
       f"{len(C['obj_axe'])} objectifs opérationnels et {T} actions.")
    for ax in AXES:
        n_ax = sum(C["by_axis"][ax["num"]].values())
        H2(f"Orientation {ax['num']} : {ax['titre']}")
        b.append(("bul", [f"Objectif {code} : {titre}" for code, titre in ax["objectifs"]]))
        Pp(f"Cette orientation compte {n_ax} actions.")

    H1("4. État d'avancement des actions")
    Pp(f"Au {date_long(k['date_arret'])}, sur les {T} actions du contrat, {BS['achevée']} sont achevées, "
       f"soit {P['achevée']} % des actions ; {BS['en cours']} sont en cours ({P['en cours']} %) ; "
       f"{BS['non démarrée']} n'ont pas démarré ({P['non démarrée']} %) et {BS['abandonnée']} a été "
       f"abandonnée ({P['abandonnée']} %). Au total, {C['pct_not_done']} % des actions "
       f"n'ont donc pas été réalisées.")
    rows = [["Orientation", "Achevées", "En cours", "Non démarrées", "Abandonnées", "Total"]]
    for ax in AXES:
        d = C["by_axis"][ax["num"]]
        rows.append([f"{ax['num']}. {ax['court']}"] + [str(d[s]) for s in STATUTS]
                    + [str(sum(d.values()))])
    rows.append(["Ensemble du contrat"] + [str(BS[s]) for s in STATUTS] + [str(T)])
    b.append(("caption", "Tableau 1 – Actions par orientation et par état d'avancement"))
    b.append(("table", rows))
    d1 = C["by_axis"][1]
    Pp(f"L'orientation 1 est la plus avancée : {d1['achevée']} de ses "
       f"{sum(d1.values())} actions sont achevées. L'orientation 3, qui porte des investissements plus "
       f"lourds et plus récents, compte encore {C['by_axis'][3]['en cours']} actions en cours.")
    Pp("Le groupement d'employeurs multisectoriel (action A16) a été abandonné : seules quatre "
       "entreprises se sont engagées à y adhérer, alors qu'il en fallait au moins dix pour "
       "financer un poste de coordination. Le comité de pilotage a acté cet abandon le "
       f"{date_long('2024-01-25')}.")
    Pp("Trois actions n'ont pas démarré. La pépinière numérique La Fabrique n'a pas trouvé de "
       "bâtiment adapté à Valbrécy ; la formation des salariés de l'agroalimentaire aux outils "
       "numériques n'a pas obtenu le cofinancement attendu des opérateurs de compétences ; la centrale "
       "photovoltaïque sur les toitures des bâtiments d'activités attend toujours sa date de "
       "raccordement au réseau électrique.")

    H1("5. Moyens financiers")
    tp, te = C["tot_prevu"], C["tot_engage"]
    Pp(f"Les fiches-actions prévoyaient un montant total de {eur(tp)}. Au {date_long(k['date_arret'])}, "
       f"{eur(te)} ont été engagés, soit un taux d'engagement de {pc(te, tp)}. La Région Normandie "
       f"a apporté {eur(k['aide_region'])} au titre du contrat, le reste étant financé par la "
       f"{t['sigle']}, les communes, les maîtres d'ouvrage associatifs et des fonds européens.")
    rows = [["Orientation", "Montant prévu (€)", "Montant engagé (€)", "Taux d'engagement"]]
    for ax in AXES:
        pv, en = C["budget"][ax["num"]]
        rows.append([f"{ax['num']}. {ax['court']}", num(pv), num(en), pc(en, pv)])
    rows.append(["Total", num(tp), num(te), pc(te, tp)])
    b.append(("caption", "Tableau 2 – Budget prévu et engagé par orientation"))
    b.append(("table", rows))
    a2, a23 = action("A02"), action("A23")
    Pp(f"Deux opérations ont dépassé leur enveloppe : l'hôtel d'entreprises de Montfaverel "
       f"({eur(a2[6])} engagés pour {eur(a2[5])} prévus) et l'atelier collectif de découpe de "
       f"Tessancourt ({eur(a23[6])} engagés pour {eur(a23[5])} prévus), en raison de la hausse "
       f"du coût des matériaux en 2022.")

    H1("6. Gouvernance et pilotage")
    n_copil = sum(1 for m in MEETINGS if m[0] == "Comité de pilotage")
    n_cotech = len(MEETINGS) - n_copil
    Pp(f"Le comité de pilotage réunit les élus de la {t['sigle']}, les maires des communes membres, "
       f"un représentant du Département du Calvados et la vice-présidente de la Région. Il arrête la "
       f"programmation et décide des ajustements du contrat. Le comité technique rassemble les services "
       f"de la {t['sigle']} et de la Région ainsi que les principaux maîtres d'ouvrage ; il prépare les "
       f"décisions et suit l'exécution des fiches-actions.")
    Pp(f"Entre 2020 et 2025, les instances se sont réunies {len(MEETINGS)} fois : {n_copil} séances du "
       f"comité de pilotage et {n_cotech} séances du comité technique. Aucune réunion du comité de "
       f"pilotage ne s'est tenue en 2023, ce que plusieurs partenaires ont regretté lors des entretiens.")
    rows = [["Instance", "Date", "Objet"]]
    for inst, iso, obj in MEETINGS:
        rows.append([inst, date_num(iso), obj])
    b.append(("caption", "Tableau 3 – Réunions des instances du contrat"))
    b.append(("table", rows))

    H1("7. Effets sur l'économie et l'emploi")
    Pp(f"Les entreprises accompagnées déclarent {e['emplois']} emplois créés ou maintenus depuis 2020. "
       f"Les {e['prets_honneur']} prêts d'honneur accordés ont permis la création ou la reprise de "
       f"{e['entreprises_creees']} entreprises. L'extension de la zone d'activités de la Croix-Verte a "
       f"ouvert {e['hectares']} hectares, sur lesquels {e['lots_vendus']} lots ont déjà été vendus, et "
       f"l'hôtel d'entreprises de Montfaverel héberge {e['entreprises_hotel']} entreprises.")
    Pp(f"Côté emploi, les {e['editions_forum']} éditions du forum annuel ont accueilli "
       f"{num(e['participants_forums'])} participants et {e['jeunes_permis']} jeunes ont bénéficié de "
       f"l'aide au permis de conduire. Le taux de chômage de la zone d'emploi est passé de "
       f"{e['chomage_2019']} % fin 2019 à {e['chomage_2024']} % fin 2024, une baisse qui ne peut "
       f"cependant pas être attribuée au seul contrat. Dans les centres-bourgs, {e['vitrines']} "
       f"vitrines ont été rénovées et {e['diagnostics']} entreprises ont bénéficié d'un diagnostic énergie.")

    H1("8. Conclusions et recommandations")
    Pp("Le contrat a atteint l'essentiel de ses objectifs en matière d'accueil d'entreprises et de "
       "commerce. Les résultats sont plus mitigés pour la formation et pour les transitions, où les "
       "projets les plus structurants restent à terminer. L'évaluateur formule quatre recommandations :")
    b.append(("bul", [
        "prolonger jusqu'au 31 décembre 2025 les actions en cours afin de sécuriser leurs financements ;",
        "reporter dans le prochain contrat les actions non démarrées, après une nouvelle étude de faisabilité ;",
        "réunir le comité de pilotage au moins une fois par an ;",
        "doter le registre de suivi d'indicateurs de résultat et pas seulement d'avancement.",
    ]))
    return b


def build_docx(dest: Path):
    from docx import Document
    from docx.shared import Pt
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = "Calibri"
    st.font.size = Pt(11)
    for kind, val in rapport_blocks():
        if kind == "title":
            doc.add_heading(fr(val), level=0)
        elif kind == "h1":
            doc.add_heading(fr(val), level=1)
        elif kind == "h2":
            doc.add_heading(fr(val), level=2)
        elif kind == "p":
            doc.add_paragraph(fr(val))
        elif kind == "caption":
            p = doc.add_paragraph()
            r = p.add_run(fr(val))
            r.italic = True
        elif kind == "num":
            for it in val:
                doc.add_paragraph(fr(it), style="List Number")
        elif kind == "bul":
            for it in val:
                doc.add_paragraph(fr(it), style="List Bullet")
        elif kind == "table":
            tb = doc.add_table(rows=len(val), cols=len(val[0]))
            tb.style = "Table Grid"
            for i, row in enumerate(val):
                for j, cell in enumerate(row):
                    c = tb.cell(i, j)
                    c.text = ""
                    r = c.paragraphs[0].add_run(fr(cell))
                    if i == 0 or row[0] in ("Total", "Ensemble du contrat"):
                        r.bold = True
            doc.add_paragraph()
    cp = doc.core_properties
    fixed = datetime(2025, 4, 14, 9, 0, 0)
    cp.author = CONTRAT["evaluateur"]
    cp.last_modified_by = CONTRAT["evaluateur"]
    cp.title = "Évaluation finale du Contrat de territoire pour l'économie et l'emploi 2020-2025"
    cp.subject = "Communauté de communes du Bocage de la Vire"
    cp.language = "fr-FR"
    cp.keywords = "évaluation; contrat de territoire; CCBV"
    cp.comments = ""
    cp.category = ""
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    dest.write_bytes(normalize_zip(buf.getvalue()))


def normalize_zip(data: bytes) -> bytes:
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 4, 14, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------------------
# Outils PDF
# ---------------------------------------------------------------------------

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu",
             "/usr/share/fonts/TTF"]


def font_path(name):
    for d in FONT_DIRS:
        p = Path(d) / name
        if p.exists():
            return str(p)
    raise SystemExit(f"police introuvable : {name}")


def make_pdf_class():
    from fpdf import FPDF

    class RecPDF(FPDF):
        """FPDF qui mémorise toutes les chaînes dessinées (contrôle des mots)."""

        def __init__(self, *a, **kw):
            super().__init__(*a, **kw)
            self.src = []
            self.add_font("DejaVu", "", font_path("DejaVuSans.ttf"))
            self.add_font("DejaVu", "B", font_path("DejaVuSans-Bold.ttf"))
            self.add_font("DejaVu", "I", font_path("DejaVuSans-Oblique.ttf"))
            self.set_creation_date(datetime(2025, 4, 14, 9, 0, 0, tzinfo=timezone.utc))
            self.set_lang("fr-FR")
            self.set_creator("build.py")
            self.set_producer("build.py (fpdf2)")

        def cell(self, w=None, h=None, text="", *a, **kw):
            self.src.append(str(text))
            return super().cell(w, h, text, *a, **kw)

        def multi_cell(self, w, h=None, text="", *a, **kw):
            self.src.append(str(text))
            return super().multi_cell(w, h, text, *a, **kw)

    return RecPDF


def check_pdf_words(path: Path, sources):
    """Chaque mot extrait par pypdf doit exister dans les chaînes sources."""
    from pypdf import PdfReader
    vocab = set()
    for s in sources:
        vocab.update(s.split())
    r = PdfReader(str(path))
    n = len(r.pages)
    vocab.update(str(i) for i in range(1, n + 1))
    vocab.update(["Page", "/"])
    bad = []
    for i, pg in enumerate(r.pages, 1):
        for w in pg.extract_text().split():
            if w not in vocab:
                bad.append((i, w))
    if bad:
        raise SystemExit(f"{path.name} : mots extraits absents des sources : {bad[:20]}")
    return n


# ---------------------------------------------------------------------------
# 2. Synthèse de l'évaluation (PDF portrait)
# ---------------------------------------------------------------------------

def synthese_sections():
    t, k, e = TERRITOIRE, CONTRAT, EFFETS
    tp, te = C["tot_prevu"], C["tot_engage"]
    s = []
    s.append(("Un territoire rural à forte tradition industrielle", [
        f"La {t['nom']} rassemble {len(t['communes'])} communes et {num(t['habitants'])} habitants. "
        f"Son périmètre s'étend sur deux départements : {t['communes_calvados']} communes relèvent du "
        f"Calvados et {t['communes_manche']} de la Manche. La ville centre, {t['siege']}, accueille le "
        "siège de l'intercommunalité et la plupart des services.",
        "Le tissu économique associe de grands établissements agroalimentaires, des entreprises de "
        "mécanique de précision et un réseau serré d'exploitations laitières. En 2020, les élus "
        "faisaient trois constats : les terrains disponibles pour accueillir des entreprises se "
        "raréfiaient, l'industrie peinait à recruter et les vitrines vides se multipliaient dans les "
        "bourgs. Le contrat signé avec la Région devait répondre à ces trois difficultés.",
    ]))
    s.append(("Une évaluation fondée sur les données et sur les acteurs", [
        f"L'évaluateur a croisé plusieurs sources. Il a d'abord exploité le registre de suivi tenu "
        f"par les services de la communauté de communes, dont les données ont été figées au "
        f"{date_long(k['date_arret'])}, ainsi que les fiches-actions et les bilans annuels.",
        f"Il a ensuite mené {e['entretiens']} entretiens avec des élus, des partenaires économiques "
        f"et des porteurs de projets, puis interrogé en ligne {e['entreprises_enquete']} entreprises. "
        f"Avec {e['reponses_enquete']} questionnaires retournés, le taux de réponse atteint "
        f"{pc(e['reponses_enquete'], e['entreprises_enquete'])}, ce qui est jugé satisfaisant pour "
        "un territoire de cette taille.",
        "Les premiers constats ont été discutés avec le comité technique au cours de deux ateliers, "
        "avant d'être présentés aux élus du comité de pilotage.",
    ]))
    ax1, ax2, ax3 = AXES
    s.append(("Une stratégie en trois orientations", [
        f"Signé le {date_long(k['signature'])}, le contrat engage la communauté de communes et la Région "
        f"Normandie jusqu'à la fin de l'année 2025. Il est bâti sur trois orientations stratégiques, "
        f"huit objectifs opérationnels et {T} actions.",
        f"La première orientation, « {ax1['titre']} », vise à offrir du foncier et des locaux aux "
        "entreprises, à soutenir les créateurs et les repreneurs et à maintenir des commerces "
        "vivants dans les centres-bourgs.",
        f"La deuxième, « {ax2['titre']} », cherche à mieux relier les employeurs et les personnes "
        "en recherche d'emploi, à ajuster les formations aux besoins des filières locales et à "
        "lever les freins de mobilité.",
        f"La troisième, « {ax3['titre']} », soutient les circuits courts agricoles et "
        "agroalimentaires et aide les entreprises à réduire leurs consommations d'énergie et à "
        "valoriser leurs déchets.",
    ]))
    s.append(("Un avancement satisfaisant mais inégal", [
        f"À la date d'arrêt des données, {BS['achevée']} actions sur {T} étaient achevées, soit "
        f"{P['achevée']} %. En outre, {BS['en cours']} actions restaient en cours ({P['en cours']} %), "
        f"{BS['non démarrée']} n'avaient pas commencé et une seule avait été abandonnée : au total, "
        f"{C['pct_not_done']} % des actions n'ont pas été réalisées. Le tableau ci-dessous détaille "
        "ces résultats par orientation.",
        "__TABLE__",
        "L'orientation consacrée à l'attractivité obtient les meilleurs résultats. À l'inverse, "
        "l'orientation consacrée aux transitions reste en retrait, car elle comporte des "
        "équipements lourds, comme la légumerie ou la ressourcerie de Couvrigny, dont les travaux "
        "ne s'achèveront qu'en 2025. L'abandon du groupement d'employeurs s'explique par le "
        "nombre insuffisant d'entreprises prêtes à y adhérer.",
    ]))
    s.append(("Des réalisations marquantes dans chaque orientation", [
        f"Pour l'attractivité, l'extension de la zone d'activités de la Croix-Verte, à {t['siege']}, "
        "constitue l'opération phare du contrat. L'hôtel d'entreprises de Montfaverel, le guichet "
        "unique des porteurs de projet et le multiple rural de Saint-Clair-des-Prés complètent ce "
        "volet, avec l'aide à la rénovation des vitrines, très demandée par les commerçants.",
        "Pour l'emploi, le forum annuel et la plateforme des offres locales se sont installés dans "
        "le paysage. La location solidaire de deux-roues et l'aide au permis de conduire ont levé "
        "des freins concrets pour les jeunes. L'antenne de formation aux métiers de l'industrie, "
        "en cours de travaux, ouvrira ses portes à la rentrée 2025.",
        "Pour les transitions, l'atelier collectif de découpe de Tessancourt et le point de vente "
        "des producteurs de Pierrefeu-en-Bocage fonctionnent désormais à plein. Les diagnostics "
        "énergie ont convaincu de nombreuses entreprises artisanales de réduire leurs consommations.",
    ]))
    s.append(("Des moyens financiers largement engagés", [
        f"Sur les {eur(tp)} prévus par les fiches-actions, {eur(te)} ont été engagés, ce qui "
        f"représente un taux d'engagement de {pc(te, tp)}. La participation de la Région "
        f"atteint {eur(k['aide_region'])}. Les écarts tiennent surtout aux actions non démarrées, "
        "dont les crédits n'ont pas été mobilisés, et à deux chantiers dont le coût a dépassé "
        "l'enveloppe initiale après la hausse du prix des matériaux.",
    ]))
    s.append(("Une gouvernance régulière, avec un creux en 2023", [
        f"Le comité de pilotage a tenu sa séance d'installation le {date_long('2020-09-22')}. "
        f"En 2021, le comité technique s'est réuni pour la première fois {date_court('2021-03-04')}, "
        f"et le comité de pilotage a dressé le bilan de la première année {date_court('2021-10-14')}.",
        f"L'année 2022 a été consacrée à l'avenant n° 1 : le comité technique l'a préparé "
        f"{date_court('2022-05-17')} et le comité de pilotage l'a adopté {date_court('2022-11-29')}, "
        f"à l'occasion de la revue à mi-parcours. En 2023, seul le comité technique s'est réuni, "
        f"{date_court('2023-06-08')}, pour faire le point sur les dépenses.",
        f"En 2024, le comité de pilotage a siégé {date_court('2024-01-25')} et le comité technique "
        f"{date_court('2024-10-03')}, ce dernier pour valider le cahier des charges de l'évaluation. "
        f"Enfin, le comité de pilotage réuni {date_court('2025-03-18')} 2025 a pris connaissance des "
        "conclusions de l'évaluation et a voté la prolongation des actions en cours.",
    ]))
    s.append(("Des effets tangibles sur l'emploi local", [
        f"Les entreprises soutenues font état de {e['emplois']} emplois créés ou maintenus. Grâce à "
        f"{e['prets_honneur']} prêts d'honneur, {e['entreprises_creees']} entreprises ont vu le jour ou "
        f"ont changé de mains. La zone d'activités de la Croix-Verte a gagné {e['hectares']} hectares "
        f"et l'hôtel d'entreprises de Montfaverel abrite {e['entreprises_hotel']} sociétés.",
        f"Le chômage de la zone d'emploi a reculé de {e['chomage_2019']} % à {e['chomage_2024']} % entre "
        "fin 2019 et fin 2024. L'évaluateur rappelle toutefois que cette amélioration suit la "
        "tendance régionale et ne peut être imputée au seul contrat.",
    ]))
    s.append(("Les recommandations de l'évaluateur", [
        "L'évaluateur recommande d'abord de prolonger d'un an les actions en cours, afin de ne pas "
        "perdre les cofinancements obtenus. Il propose ensuite de réétudier les trois projets non "
        "démarrés avant de les inscrire, le cas échéant, dans le contrat suivant.",
        "Il suggère enfin de tenir au moins une séance annuelle du comité de pilotage et d'enrichir "
        "le registre de suivi avec des indicateurs de résultat, pour mesurer les effets des actions "
        "et non leur seul avancement.",
    ]))
    return s


def build_synthese(dest: Path):
    RecPDF = make_pdf_class()
    HEADER = "CCBV – Synthèse de l'évaluation finale du contrat de territoire 2020-2025"

    class Synth(RecPDF):
        def header(self):
            self.set_font("DejaVu", "I", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, fr(HEADER), align="L", new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(150, 150, 150)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.ln(6)
            self.set_text_color(0, 0, 0)

        def footer(self):
            self.set_y(-15)
            self.set_font("DejaVu", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, f"Page {self.page_no()} / {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = Synth(orientation="P", unit="mm", format="A4")
    pdf.set_title("Synthèse de l'évaluation finale – CCBV")
    pdf.set_author(CONTRAT["evaluateur"])
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    W = pdf.w - pdf.l_margin - pdf.r_margin

    pdf.set_font("DejaVu", "B", 20)
    pdf.multi_cell(W, 10, fr("Synthèse de l'évaluation finale"), align="L",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 12)
    pdf.multi_cell(W, 6.5, fr(f"{CONTRAT['titre']} – {TERRITOIRE['nom']} – avril 2025"),
                   align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 10.5)
    intro = (f"Ce document résume le rapport d'évaluation finale du contrat conclu entre la "
             f"{TERRITOIRE['nom']} ({TERRITOIRE['sigle']}) et la Région Normandie. Confiée au cabinet "
             f"{CONTRAT['evaluateur']}, l'évaluation a été conduite entre novembre 2024 et mars 2025. "
             f"Elle porte sur les {T} actions inscrites au contrat, sur les crédits mobilisés et sur le "
             "fonctionnement des instances de pilotage.")
    pdf.multi_cell(W, 5.6, fr(intro), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)

    # chiffres clés en encadrés
    boxes = [
        (str(T), "actions inscrites au contrat"),
        (f"{P['achevée']} %", "des actions achevées"),
        (f"{pct(C['tot_engage'], C['tot_prevu'])} %", "des crédits prévus engagés"),
        (str(EFFETS["emplois"]), "emplois créés ou maintenus"),
    ]
    gap = 4
    bw = (W - 3 * gap) / 4
    bh = 26
    y0 = pdf.get_y()
    for i, (big, small) in enumerate(boxes):
        x = pdf.l_margin + i * (bw + gap)
        pdf.set_fill_color(232, 240, 228)
        pdf.set_draw_color(70, 110, 60)
        pdf.rect(x, y0, bw, bh, style="DF")
        pdf.set_xy(x, y0 + 3)
        pdf.set_font("DejaVu", "B", 17)
        pdf.cell(bw, 9, fr(big), align="C")
        pdf.set_xy(x + 2, y0 + 13)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.multi_cell(bw - 4, 4.2, fr(small), align="C")
    pdf.set_xy(pdf.l_margin, y0 + bh + 6)

    for title, paras in synthese_sections():
        pdf.set_font("DejaVu", "B", 13)
        pdf.set_text_color(40, 80, 40)
        pdf.multi_cell(W, 7, fr(title), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.5)
        for para in paras:
            if para == "__TABLE__":
                synth_table(pdf, W)
                continue
            pdf.set_font("DejaVu", "", 11)
            pdf.multi_cell(W, 6, fr(para), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)
        pdf.ln(3)
    pdf.output(str(dest))
    n = check_pdf_words(dest, pdf.src)
    assert 4 <= n <= 6, f"synthèse : {n} pages"
    return n


def synth_table(pdf, W):
    rows = [["Orientation", "Actions", "Achevées", "En cours", "Non réalisées", "Crédits engagés"]]
    for ax in AXES:
        d = C["by_axis"][ax["num"]]
        rows.append([f"{ax['num']}. {ax['court']}", str(sum(d.values())), str(d["achevée"]),
                     str(d["en cours"]), str(d["non démarrée"] + d["abandonnée"]),
                     eur(C["budget"][ax["num"]][1])])
    rows.append(["Total", str(T), str(BS["achevée"]), str(BS["en cours"]), str(C["not_done"]),
                 eur(C["tot_engage"])])
    widths = [52, 17, 20, 19, 26, 32]
    scale = W / sum(widths)
    widths = [w * scale for w in widths]
    pdf.ln(1)
    for i, row in enumerate(rows):
        bold = i == 0 or i == len(rows) - 1
        pdf.set_font("DejaVu", "B" if bold else "", 9)
        if i == 0:
            pdf.set_fill_color(70, 110, 60)
            pdf.set_text_color(255, 255, 255)
        else:
            pdf.set_fill_color(245, 245, 245)
            pdf.set_text_color(0, 0, 0)
        for j, (w, txt) in enumerate(zip(widths, row)):
            pdf.cell(w, 7.5, fr(txt), border=1, align="L" if j == 0 else "C", fill=(i == 0))
        pdf.ln(7.5)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "I", 8.5)
    pdf.multi_cell(W, 5, fr("Source : registre de suivi des actions, données arrêtées au "
                            f"{date_long(CONTRAT['date_arret'])}."),
                   align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


# ---------------------------------------------------------------------------
# 3. Compte rendu du comité de pilotage (Markdown)
# ---------------------------------------------------------------------------

def build_copil(dest: Path):
    v = COPIL_VOTE
    k = CONTRAT
    L = []
    L.append(f"# Comité de pilotage du {k['titre']}")
    L.append("")
    L.append("## Compte rendu de la séance du 18 mars 2025")
    L.append("")
    L.append(f"- **Lieu :** salle du conseil communautaire, siège de la CCBV, {TERRITOIRE['siege']}")
    L.append("- **Horaire :** 14 h 30 – 17 h 10")
    L.append(f"- **Présidence :** {k['president']}, président de la CCBV")
    L.append("- **Rédaction :** Julien Ravenel, chargé de mission développement économique")
    L.append("")
    L.append("## Présents")
    L.append("")
    L.append(f"Membres avec voix délibérative ({len(COPIL_VOTANTS)}) :")
    L.append("")
    for nom, role in COPIL_VOTANTS:
        L.append(f"- {nom}, {role}")
    L.append("")
    L.append("Assistaient également, sans voix délibérative :")
    L.append("")
    L.append("- Sophie Quesnel, directrice générale des services de la CCBV")
    L.append("- Julien Ravenel, chargé de mission développement économique de la CCBV")
    L.append("- Mathieu Roussel, chargé de mission territoires à la Région Normandie")
    L.append(f"- {k['consultante']}, consultante du cabinet {k['evaluateur']}")
    L.append("")
    L.append("Excusés : Étienne Lamy, maire de Sainte-Colombe-du-Bocage ; Laurence Picot, maire de "
             "Saint-Jores-des-Vaux.")
    L.append("")
    L.append("## Ordre du jour")
    L.append("")
    L.append("1. Approbation du compte rendu de la séance du 25/01/2024")
    L.append("2. Présentation des conclusions de l'évaluation finale du contrat")
    L.append("3. Prolongation des actions en cours et demande d'avenant n° 2 (vote)")
    L.append("4. Préparation du futur contrat 2026-2031")
    L.append("5. Questions diverses")
    L.append("")
    L.append("## 1. Approbation du compte rendu précédent")
    L.append("")
    L.append("Le compte rendu de la séance du 25/01/2024 est approuvé sans observation.")
    L.append("")
    L.append("## 2. Conclusions de l'évaluation finale")
    L.append("")
    L.append(f"{k['consultante']} présente les principaux résultats. Sur les {T} actions du contrat, "
             f"{BS['achevée']} sont achevées, {BS['en cours']} restent en cours, "
             f"{BS['non démarrée']} n'ont pas démarré et {BS['abandonnée']} a été abandonnée. "
             f"Les engagements s'élèvent à {eur(C['tot_engage'])} pour {eur(C['tot_prevu'])} prévus.")
    L.append("")
    L.append("Mme Jourdan regrette que la pépinière numérique, attendue par les jeunes entrepreneurs, "
             "n'ait pas vu le jour. M. Anquetil souligne au contraire le succès de l'hôtel "
             "d'entreprises de Montfaverel, complet depuis l'été 2024.")
    L.append("")
    L.append("Mme Marivaux indique que la Région souhaite un complément d'analyse sur les actions de "
             "mobilité avant la diffusion du rapport définitif.")
    L.append("")
    L.append("## 3. Prolongation des actions en cours (vote)")
    L.append("")
    L.append(f"Le président propose de solliciter de la Région un avenant n° 2 prolongeant jusqu'au "
             f"31 décembre 2025 les {BS['en cours']} actions en cours, sans augmentation de l'enveloppe "
             "régionale.")
    L.append("")
    L.append("M. Hamelin et Mme Letellier estiment que les crédits non consommés devraient plutôt être "
             "réaffectés au commerce ; ils votent contre. M. Guérin s'abstient.")
    L.append("")
    L.append(f"Résultat du vote : {v['pour']} pour, {v['contre']} contre, {v['abstentions']} abstention.")
    L.append("")
    L.append("| Votants | Pour | Contre | Abstentions |")
    L.append("|---:|---:|---:|---:|")
    L.append(f"| {len(COPIL_VOTANTS)} | {v['pour']} | {v['contre']} | {v['abstentions']} |")
    L.append("")
    L.append("La proposition est adoptée à la majorité.")
    L.append("")
    L.append("## 4. Préparation du futur contrat 2026-2031")
    L.append("")
    L.append("M. Fauvel propose de constituer un groupe de travail d'élus chargé de préparer le "
             "diagnostic du prochain contrat avant l'été. Les membres volontaires se feront connaître "
             "auprès du secrétariat.")
    L.append("")
    L.append("## 5. Questions diverses")
    L.append("")
    L.append("Aucune question diverse n'est soulevée.")
    L.append("")
    L.append("## Décisions")
    L.append("")
    L.append("1. Le rapport d'évaluation finale est validé, sous réserve d'un complément sur les "
             "actions de mobilité demandé par la Région.")
    L.append("2. Le président est autorisé à demander à la Région un avenant n° 2 prolongeant "
             "les actions en cours jusqu'au 31 décembre 2025.")
    L.append(f"3. Les {BS['non démarrée']} actions non démarrées (pépinière numérique, formation "
             "numérique des salariés de l'agroalimentaire, centrale photovoltaïque) seront réétudiées "
             "en vue du contrat 2026-2031.")
    L.append("4. Un groupe de travail d'élus préparera le diagnostic du futur contrat.")
    L.append("")
    L.append("## Prochaine réunion")
    L.append("")
    L.append(f"Le comité de pilotage se réunira le mardi {date_long(PROCHAIN_COPIL)} à 14 h 30, "
             f"au siège de la CCBV à {TERRITOIRE['siege']}, pour la séance de clôture du contrat.")
    L.append("")
    L.append("*Séance levée à 17 h 10.*")
    L.append("")
    dest.write_text("\n".join(fr(x) for x in L), encoding="utf-8")


# ---------------------------------------------------------------------------
# 4. Registre de suivi des actions (CSV)
# ---------------------------------------------------------------------------

CSV_HEADER = ["Réf.", "Action", "Orientation", "Objectif", "Maître d'ouvrage", "État",
              "Coût prévu (€)", "Montant engagé (€)", "Mise à jour"]


def csv_rows():
    axe_court = {ax["num"]: f"O{ax['num']} – {ax['court']}" for ax in AXES}
    rows = []
    for ref, obj, titre, mo, st, prevu, engage, maj in ACTIONS:
        rows.append([ref, titre, axe_court[C["obj_axe"][obj]], obj, mo, ETAT_REGISTRE[st],
                     num(prevu), num(engage), date_num(maj)])
    return rows


def build_csv(dest: Path):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=",", lineterminator="\n")
    w.writerow([fr(x) for x in CSV_HEADER])
    for row in csv_rows():
        w.writerow([fr(x) for x in row])
    # contrôle : décomptes du registre = décomptes du rapport
    back = {v: k for k, v in ETAT_REGISTRE.items()}
    cnt = {s: 0 for s in STATUTS}
    for row in csv_rows():
        cnt[back[row[5]]] += 1
    assert cnt == BS
    dest.write_text(buf.getvalue(), encoding="utf-8")


# ---------------------------------------------------------------------------
# 5. Bilan à mi-parcours du Pays Saint-Lois (PDF paysage, diaporama)
# ---------------------------------------------------------------------------

def voisin_slides():
    v = VOISIN
    vt = C["v_total"]
    ach, enc, non = C["v_status"]
    slides = []
    slides.append(("title", None))
    slides.append(("Le Pays Saint-Lois en bref", [
        f"{v['communes']} communes regroupées en {v['intercos']} intercommunalités",
        f"{num(v['habitants'])} habitants, dans le département de la Manche",
        f"Un {v['pacte']} signé avec la Région Normandie",
        "Une démarche animée par l'équipe technique du PETR",
    ]))
    slides.append(("Quatre axes stratégiques", [
        f"Axe {a[0]} : {a[1]}" for a in v["axes"]
    ] + [f"{vt} actions programmées au total"]))
    slides.append(("Avancement global à mi-parcours", [
        f"{ach} actions achevées sur {vt}, soit {pc(ach, vt)}",
        f"{enc} actions en cours, soit {pc(enc, vt)}",
        f"{non} actions non engagées, soit {pc(non, vt)}",
        "Aucune action abandonnée à ce stade",
    ]))
    slides.append(("table", None))
    slides.append(("Moyens financiers", [
        f"Budget programmé : {eur(v['budget_programme'])}",
        f"Montants engagés : {eur(v['budget_engage'])}, soit {pc(v['budget_engage'], v['budget_programme'])}",
        f"Participation de la Région Normandie : {eur(v['aide_region'])}",
        "Un rythme d'engagement freiné par la crise sanitaire en 2020",
    ]))
    slides.append(("Gouvernance du Pacte", [
        "Comité de pilotage : " + ", ".join(date_long(d) for d in v["copil"]),
        "Comité technique : " + ", ".join(date_long(d) for d in v["cotech"]),
        f"Présentation du présent bilan : comité de pilotage du {date_long(v['bilan'])}",
    ]))
    slides.append(("Premiers résultats", [
        f"{v['emplois']} emplois créés ou maintenus dans les projets soutenus",
        "Deux maisons de santé pluriprofessionnelles ouvertes",
        "Une boucle cyclable de 48 km reliant les sites patrimoniaux",
        "Un accélérateur d'entreprises innovantes lancé en 2021",
    ]))
    slides.append(("Suites à donner", [
        "Réviser les fiches-actions de l'axe C, le moins avancé",
        "Redéployer les crédits des actions non engagées vers l'axe A",
        f"Prochain comité de pilotage : {date_long(v['prochain_copil'])}",
    ]))
    return slides


def build_voisin(dest: Path):
    RecPDF = make_pdf_class()
    v = VOISIN
    slides = voisin_slides()
    N = len(slides)
    FOOT = f"{v['nom']} – Bilan à mi-parcours du {v['pacte']}"

    pdf = RecPDF(orientation="L", unit="mm", format=(169.33, 301.0))
    pdf.set_title(f"{v['pacte']} – bilan à mi-parcours")
    pdf.set_author(v["nom"])
    pdf.set_auto_page_break(False)
    pdf.set_margins(18, 14, 18)
    W = pdf.w - 36
    for i, (title, bullets) in enumerate(slides, 1):
        pdf.add_page()
        pdf.set_fill_color(30, 70, 120)
        pdf.rect(0, 0, pdf.w, 6, style="F")
        if title == "title":
            pdf.set_xy(18, 45)
            pdf.set_font("DejaVu", "B", 28)
            pdf.set_text_color(30, 70, 120)
            pdf.multi_cell(W, 13, fr(v["pacte"]), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("DejaVu", "", 20)
            pdf.set_text_color(0, 0, 0)
            pdf.multi_cell(W, 10, fr("Bilan à mi-parcours"), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(8)
            pdf.set_font("DejaVu", "", 14)
            pdf.multi_cell(W, 8, fr(v["nom"]), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(W, 8, fr(f"Comité de pilotage du {date_long(v['bilan'])}"), align="L",
                           new_x="LMARGIN", new_y="NEXT")
            pdf.multi_cell(W, 8, fr(f"{v['presidente']}, présidente du PETR"), align="L",
                           new_x="LMARGIN", new_y="NEXT")
        elif title == "table":
            slide_title(pdf, W, "Avancement par axe")
            rows = [["Axe", "Actions", "Achevées", "En cours", "Non engagées", "Taux d'achèvement"]]
            for a in v["axes"]:
                rows.append([f"Axe {a[0]} – {a[1]}", str(a[2]), str(a[3]), str(a[4]), str(a[5]),
                             pc(a[3], a[2])])
            ach, enc, non = C["v_status"]
            rows.append(["Total", str(C["v_total"]), str(ach), str(enc), str(non),
                         pc(ach, C["v_total"])])
            widths = [112, 22, 26, 24, 36, 45]
            pdf.set_xy(18, 36)
            for r_i, row in enumerate(rows):
                pdf.set_font("DejaVu", "B" if r_i in (0, len(rows) - 1) else "", 11.5)
                if r_i == 0:
                    pdf.set_fill_color(30, 70, 120)
                    pdf.set_text_color(255, 255, 255)
                else:
                    pdf.set_text_color(0, 0, 0)
                for j, (w, txt) in enumerate(zip(widths, row)):
                    pdf.cell(w, 11, fr(txt), border=1, align="L" if j == 0 else "C",
                             fill=(r_i == 0))
                pdf.ln(11)
                pdf.set_x(18)
            pdf.set_text_color(0, 0, 0)
        else:
            slide_title(pdf, W, title)
            pdf.set_xy(18, 38)
            for bl in bullets:
                pdf.set_font("DejaVu", "", 17)
                pdf.set_text_color(30, 70, 120)
                y = pdf.get_y()
                pdf.cell(8, 9, "•")
                pdf.set_text_color(0, 0, 0)
                pdf.set_xy(28, y)
                pdf.multi_cell(W - 10, 9, fr(bl), align="L", new_x="LMARGIN", new_y="NEXT")
                pdf.ln(4)
        # pied de diapositive
        pdf.set_font("DejaVu", "", 9)
        pdf.set_text_color(110, 110, 110)
        pdf.set_xy(18, pdf.h - 12)
        pdf.cell(W - 20, 6, fr(FOOT), align="L")
        pdf.set_xy(pdf.w - 38, pdf.h - 12)
        pdf.cell(20, 6, f"{i} / {N}", align="R")
        pdf.set_text_color(0, 0, 0)
    pdf.output(str(dest))
    n = check_pdf_words(dest, pdf.src)
    assert n == N and 8 <= n <= 10
    return n


def slide_title(pdf, W, title):
    pdf.set_xy(18, 14)
    pdf.set_font("DejaVu", "B", 24)
    pdf.set_text_color(30, 70, 120)
    pdf.multi_cell(W, 12, fr(title), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(30, 70, 120)
    pdf.line(18, 28, 90, 28)
    pdf.set_text_color(0, 0, 0)


# ---------------------------------------------------------------------------
# pacte.toml et point d'entrée
# ---------------------------------------------------------------------------

PACTE_TOML = ('[territoire]\n'
              'nom = "Communauté de communes du Bocage de la Vire"\n'
              'aliases = ["CCBV", "Bocage de la Vire", "la communauté de communes"]\n')

FILES = {
    "rapport_evaluation_ccbv_2025.docx": build_docx,
    "synthese_evaluation_ccbv.pdf": build_synthese,
    "copil_2025-03-18.md": build_copil,
    "suivi_actions.csv": build_csv,
    "bilan_pays_saint_lois.pdf": build_voisin,
}


def build(dest: Path) -> list[Path]:
    """Write the five documents and pacte.toml into DEST; the paths written."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name, fn in FILES.items():
        fn(dest / name)
    (dest / "pacte.toml").write_text(PACTE_TOML, encoding="utf-8")
    return [dest / name for name in FILES] + [dest / "pacte.toml"]


def main(argv):
    if len(argv) != 2:
        raise SystemExit("usage : python build.py DEST")
    for path in build(Path(argv[1])):
        print(f"écrit : {path.name}")
    st = C
    print(f"actions : {st['total']} ; " + ", ".join(f"{s} {BS[s]} ({P[s]} %)" for s in STATUTS)
          + f" ; non réalisées {st['not_done']} ({st['pct_not_done']} %)")
    print(f"budget : prévu {st['tot_prevu']} €, engagé {st['tot_engage']} € "
          f"({pct(st['tot_engage'], st['tot_prevu'])} %)")


if __name__ == "__main__":
    main(sys.argv)
