"""Action register of the PETR Cœur de Lorraine pact (fictional actions, real axes and objectives).

30 actions: 20 « réalisée », 6 « en cours », 4 « non réalisée » — the 67 % / 20 % / 13 %
of the pact's evaluation.
"""

from __future__ import annotations

from datetime import date

HEADERS = ["action", "axe", "objectif", "statut", "responsable", "date de mise à jour"]

AXES = {
    1: "ACCUEILLIR ET DEVELOPPER DE NOUVELLES ACTIVITES ECONOMIQUES",
    2: "SOUTENIR LE MAINTIEN ET LE DEVELOPPEMENT DES ENTREPRISES EXISTANTES",
    3: "SOUTENIR L'ECONOMIE TOURISTIQUE",
}

O11 = "Insuffler une nouvelle dynamique d'animation économique et d'accueil d'équipements structurants"
O12 = "Favoriser le développement des circuits de proximité"
O21 = "Mettre en œuvre une stratégie d'anticipation et d'accompagnement des mutations économiques"
O22 = "Encourager la structuration et la diversification des activités économiques locales"
O23 = "Faciliter la modernisation des entreprises et la visibilité de leurs offres"
O31 = "Renforcer et exploiter les potentiels touristiques du territoire"
O32 = (
    "Promouvoir le territoire comme destination touristique, améliorer sa visibilité locale, "
    "régionale, européenne"
)

DONE, ONGOING, NOT_DONE = "réalisée", "en cours", "non réalisée"

PETR = "PETR Cœur de Lorraine"
CCS = "CC du Sammiellois"
CCCMW = "CC Côtes de Meuse en Woëvre"
CCAA = "CC de l'Aire à l'Argonne"
CCFW = "CC Fresnes en Woëvre"
OT = "Office de tourisme Cœur de Lorraine"

# (action, axis, objective, status, owner, date of the last update)
ACTIONS: list[tuple[str, int, str, str, str, date]] = [
    ("Recrutement d'un animateur économique à temps plein au PETR", 1, O11, DONE, PETR, date(2023, 1, 16)),
    ("Création du club des entreprises du Cœur de Lorraine (petits-déjeuners trimestriels)", 1, O11, DONE, PETR, date(2023, 3, 9)),
    ("Aménagement d'un hôtel d'entreprises de quatre cellules sur la ZA du Breuil à Saint-Mihiel", 1, O11, ONGOING, CCS, date(2024, 5, 21)),
    ("Ouverture d'un espace de coworking à Vigneulles-lès-Hattonchâtel", 1, O11, DONE, CCCMW, date(2023, 6, 2)),
    ("Extension de la ZA de la Croix-Marchand (deuxième tranche, 4 ha)", 1, O11, NOT_DONE, CCCMW, date(2024, 2, 12)),
    ("Édition d'un guide d'accueil des porteurs de projet", 1, O11, DONE, PETR, date(2023, 4, 18)),
    ("Forum annuel de la création et de la reprise d'entreprise", 1, O11, DONE, "CCI Meuse Haute-Marne", date(2023, 11, 27)),
    ("Requalification de la friche de l'ancienne scierie de Pierrefitte-sur-Aire", 1, O11, ONGOING, CCAA, date(2024, 9, 3)),
    ("Ouverture d'un magasin de producteurs à Saint-Mihiel", 1, O12, DONE, "Chambre d'agriculture de la Meuse", date(2023, 2, 7)),
    ("Étude de faisabilité d'une légumerie pour la restauration collective", 1, O12, DONE, PETR, date(2023, 5, 30)),
    ("Marchés de producteurs de pays à Fresnes-en-Woëvre (saison estivale)", 1, O12, ONGOING, CCFW, date(2024, 7, 8)),
    ("Repérage des cédants de plus de 55 ans avec la CCI et la CMA", 2, O21, DONE, "CCI Meuse Haute-Marne", date(2023, 9, 14)),
    ("Cellule de veille des entreprises en difficulté", 2, O21, NOT_DONE, PETR, date(2023, 10, 5)),
    ("Diagnostics énergie pour vingt PME industrielles", 2, O21, DONE, "CCI Meuse Haute-Marne", date(2024, 1, 22)),
    ("Structuration d'un réseau des entreprises de la filière bois", 2, O22, ONGOING, PETR, date(2024, 10, 15)),
    ("Accompagnement de la diversification agricole (transformation à la ferme, agritourisme)", 2, O22, DONE, "Chambre d'agriculture de la Meuse", date(2023, 8, 28)),
    ("Création d'une union commerciale intercommunale", 2, O22, DONE, CCS, date(2023, 6, 19)),
    ("Opération collective de modernisation du commerce et de l'artisanat (aide aux vitrines)", 2, O23, DONE, PETR, date(2024, 3, 11)),
    ("Annuaire en ligne des entreprises du territoire", 2, O23, DONE, PETR, date(2023, 7, 4)),
    ("Ateliers numériques pour les artisans", 2, O23, DONE, "CMA de la Meuse", date(2023, 12, 6)),
    ("Place de marché numérique des commerçants locaux", 2, O23, NOT_DONE, PETR, date(2024, 4, 23)),
    ("Règlement commun d'aide à l'immobilier d'entreprise des quatre communautés de communes", 2, O23, DONE, CCCMW, date(2023, 10, 30)),
    ("Boucle cyclable autour du lac de Madine reliée à la voie verte", 3, O31, DONE, CCCMW, date(2023, 5, 12)),
    ("Valorisation des sites de mémoire du saillant de Saint-Mihiel", 3, O31, DONE, OT, date(2023, 11, 9)),
    ("Création d'hébergements insolites près du lac de Madine", 3, O31, ONGOING, CCCMW, date(2024, 8, 26)),
    ("Balisage de 120 km de sentiers de randonnée", 3, O31, DONE, PETR, date(2023, 9, 25)),
    ("Site internet touristique trilingue (français, anglais, néerlandais)", 3, O32, DONE, OT, date(2023, 3, 27)),
    ("Participation aux salons du tourisme du Benelux", 3, O32, DONE, OT, date(2024, 2, 26)),
    ("Création d'une marque de destination « Cœur de Lorraine »", 3, O32, ONGOING, PETR, date(2024, 11, 18)),
    ("Signalétique touristique commune aux quatre communautés de communes", 3, O32, NOT_DONE, PETR, date(2024, 6, 10)),
]

assert len(ACTIONS) == 30
assert [sum(a[3] == s for a in ACTIONS) for s in (DONE, ONGOING, NOT_DONE)] == [20, 6, 4]
