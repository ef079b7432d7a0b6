"""Minutes of a steering committee of the home pact, printed then scanned (image only).

The date matches one of the two steering committees listed in the pact's evaluation
(17/02/2020 and 30/09/2020).
"""

from __future__ import annotations

HEADER = "PETR CŒUR DE LORRAINE"
TITLE = "Pacte Offensive Croissance Emploi 2017-2021"
SUBTITLE = "Compte rendu du comité de pilotage du 30 septembre 2020"

# (label, text)
LINES: list[tuple[str, str]] = [
    ("Lieu", "siège du PETR, Saint-Mihiel, de 14 h 00 à 16 h 30"),
    (
        "Présents",
        "M. Alain Verdier, président du PETR ; Mme Claire Husson, Région Grand Est ; les présidents "
        "des quatre communautés de communes ; M. Julien Morel, animateur économique.",
    ),
    ("Excusé", "M. le directeur de la CCI Meuse Haute-Marne."),
    ("Point 1", "état d'avancement du pacte : 14 actions réalisées sur 30."),
    ("Décision 1", "le programme d'actions 2021 est validé pour un montant de 186 500 euros."),
    ("Décision 2", "l'étude de la marque de destination touristique est lancée en 2021."),
    ("Décision 3", "la signalétique touristique commune est reportée à une date ultérieure."),
    ("Prochain comité", "premier semestre 2021, date à fixer."),
]
SIGNATURE = "Le président du PETR, Alain Verdier"
