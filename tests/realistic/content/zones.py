"""Business parks of the PETR Cœur de Lorraine (fictional figures).

Used by ``zones-activites.xlsx`` and quoted by the territorial study, so both agree.
"""

from __future__ import annotations

HEADERS = [
    "Zone d'activités",
    "Commune",
    "Communauté de communes",
    "Surface totale (ha)",
    "Surface disponible (ha)",
    "Entreprises implantées",
]

CC_SAMMIELLOIS = "CC du Sammiellois"
CC_COTES = "CC Côtes de Meuse en Woëvre"
CC_FRESNES = "CC Fresnes en Woëvre"
CC_AIRE = "CC de l'Aire à l'Argonne"

# (zone, commune, communauté de communes, total ha, available ha, companies)
ZONES: list[tuple[str, str, str, float, float, int]] = [
    ("ZA du Breuil", "Saint-Mihiel", CC_SAMMIELLOIS, 24.5, 3.2, 21),
    ("Zone industrielle de Chauvoncourt", "Chauvoncourt", CC_SAMMIELLOIS, 31.0, 4.8, 14),
    ("ZA des Avrils", "Saint-Mihiel", CC_SAMMIELLOIS, 8.2, 0.0, 9),
    ("ZA de la Croix-Marchand", "Vigneulles-lès-Hattonchâtel", CC_COTES, 12.6, 5.1, 9),
    ("Pôle d'activités de Madine", "Nonsard-Lamarche", CC_COTES, 6.8, 2.4, 5),
    ("ZA des Côtes", "Saint-Maurice-sous-les-Côtes", CC_COTES, 4.5, 1.1, 6),
    ("ZA de la Woëvre", "Fresnes-en-Woëvre", CC_FRESNES, 9.8, 2.7, 11),
    ("ZA du Longeau", "Manheulles", CC_FRESNES, 5.2, 3.6, 3),
    ("ZA de l'Argonne", "Triaucourt-en-Argonne", CC_AIRE, 6.4, 1.9, 7),
    ("ZA des Vignes", "Pierrefitte-sur-Aire", CC_AIRE, 7.1, 2.2, 8),
    ("ZA du Moulin", "Vaubecourt", CC_AIRE, 3.9, 0.6, 4),
]

TOTAL_HA = round(sum(z[3] for z in ZONES), 1)
AVAILABLE_HA = round(sum(z[4] for z in ZONES), 1)
COMPANIES = sum(z[5] for z in ZONES)

NOTES = [
    ("Source", "Recensement des zones d'activités, service développement économique du PETR Cœur de Lorraine"),
    ("Date de mise à jour", "15/03/2024"),
    ("Surface disponible", "Parcelles viabilisées ou aménageables, libres de toute promesse de vente"),
    ("Entreprises implantées", "Établissements en activité au 1er mars 2024, y compris les auto-entrepreneurs domiciliés"),
    ("Avertissement", "Données de travail, à vérifier auprès de chaque communauté de communes"),
]
