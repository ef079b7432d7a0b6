"""« Évaluation du Pacte Offensive Croissance Emploi 2018-2022 — PETR du Val d'Ornelle ».

A fictional territory: same kind of document as the home pact's evaluation, other figures.
Blocks: ("title", text), ("subtitle", text), ("h1"|"h2", text), ("p", text), ("ul", [items]),
("table", caption, headers, rows), ("pagebreak",).
"""

from __future__ import annotations

from realistic.content.numbers import fr_int

TERRITORY = "PETR du Val d'Ornelle"
TITLE = "Évaluation du Pacte Offensive Croissance Emploi 2018-2022"
HEADER = "PETR du Val d'Ornelle — Évaluation du POCE 2018-2022"

# (community, seat, communes, inhabitants)
MEMBERS = [
    ("CC des Rives de l'Ornelle", "Ornay-sur-Ornelle", 38, 19_210),
    ("CC du Plateau de Brévaux", "Brévaux", 31, 12_480),
    ("CC de la Haute-Ornelle", "Saint-Aubrin-sur-Ornelle", 27, 9_940),
]
COMMUNES = sum(m[2] for m in MEMBERS)
INHABITANTS = sum(m[3] for m in MEMBERS)

AXES = {
    1: "Structurer l'offre d'accueil des entreprises",
    2: "Accompagner les entreprises du territoire",
    3: "Valoriser les ressources locales",
    4: "Développer le tourisme de nature et d'itinérance",
}
OBJECTIVES = {
    1: [
        "Objectif 1.1 : Requalifier et commercialiser les zones d'activités",
        "Objectif 1.2 : Développer une offre d'immobilier d'entreprise adaptée",
    ],
    2: [
        "Objectif 2.1 : Préparer la transmission des entreprises artisanales et commerciales",
        "Objectif 2.2 : Soutenir l'emploi, les compétences et la modernisation",
    ],
    3: [
        "Objectif 3.1 : Développer les circuits courts alimentaires",
        "Objectif 3.2 : Structurer la filière forêt-bois",
    ],
    4: [
        "Objectif 4.1 : Aménager les itinéraires de randonnée et la véloroute de l'Ornelle",
        "Objectif 4.2 : Améliorer l'offre d'hébergement et la promotion de la destination",
    ],
}

DONE, ONGOING, NOT_STARTED = "Réalisée", "En cours", "Non engagée"
# (action, axis, status)
ACTIONS = [
    ("Requalification de la ZA des Tanneries à Ornay-sur-Ornelle", 1, DONE),
    ("Création d'une pépinière d'entreprises de six bureaux à Brévaux", 1, DONE),
    ("Construction de deux ateliers relais sur la ZA du Plateau", 1, ONGOING),
    ("Mise en place d'un observatoire du foncier économique", 1, DONE),
    ("Démarche de prospection d'entreprises extérieures au territoire", 1, NOT_STARTED),
    ("Édition d'un guide d'accueil des porteurs de projet", 1, DONE),
    ("Étude de reconversion de la friche textile de Saint-Aubrin-sur-Ornelle", 1, ONGOING),
    ("Création du Club des entreprises de l'Ornelle", 2, DONE),
    ("Repérage des chefs d'entreprise de plus de 55 ans et diagnostics de transmission", 2, DONE),
    ("Bourse locale de reprise des commerces de centre-bourg", 2, ONGOING),
    ("Gestion prévisionnelle des emplois et des compétences avec les industriels du plateau", 2, DONE),
    ("Aide à la modernisation des commerces et de l'artisanat", 2, DONE),
    ("Forum annuel de l'emploi et de l'apprentissage", 2, DONE),
    ("Plateforme numérique de vente des commerçants", 2, NOT_STARTED),
    ("Accompagnement des PME à la transition énergétique", 2, ONGOING),
    ("Magasin de producteurs « Les Paniers de l'Ornelle » à Ornay-sur-Ornelle", 3, DONE),
    ("Plateforme d'approvisionnement local des cantines scolaires", 3, DONE),
    ("Atelier collectif de découpe et de transformation de la viande", 3, ONGOING),
    ("Charte forestière de territoire", 3, DONE),
    ("Chaufferies bois communales et plateforme de plaquettes forestières", 3, ONGOING),
    ("Label « bois local » pour la construction publique", 3, NOT_STARTED),
    ("Véloroute de l'Ornelle, première tranche de 34 km", 4, DONE),
    ("Balisage de huit boucles de randonnée pédestre", 4, DONE),
    ("Création d'un hébergement de groupe à Saint-Aubrin-sur-Ornelle", 4, ONGOING),
    ("Marque de destination « Ornelle, nature en pente douce »", 4, ONGOING),
    ("Base nautique de l'étang de Vaussey", 4, NOT_STARTED),
]
N_ACTIONS = len(ACTIONS)
N_DONE = sum(a[2] == DONE for a in ACTIONS)
N_ONGOING = sum(a[2] == ONGOING for a in ACTIONS)
N_NOT_STARTED = sum(a[2] == NOT_STARTED for a in ACTIONS)
PCT_DONE = round(100 * N_DONE / N_ACTIONS)
PCT_ONGOING = round(100 * N_ONGOING / N_ACTIONS)
PCT_NOT_STARTED = round(100 * N_NOT_STARTED / N_ACTIONS)
assert (PCT_DONE, PCT_ONGOING, PCT_NOT_STARTED) == (54, 31, 15)


def _axis_row(axis: int) -> list[str]:
    rows = [a for a in ACTIONS if a[1] == axis]
    return [
        f"Axe {axis}",
        str(len(rows)),
        str(sum(a[2] == DONE for a in rows)),
        str(sum(a[2] == ONGOING for a in rows)),
        str(sum(a[2] == NOT_STARTED for a in rows)),
    ]


AXIS_TABLE = (
    "Tableau 1 – Avancement des actions par axe au 31 décembre 2022",
    ["Axe", "Actions inscrites", "Réalisées", "En cours", "Non engagées"],
    [_axis_row(axis) for axis in AXES]
    + [["Total", str(N_ACTIONS), str(N_DONE), str(N_ONGOING), str(N_NOT_STARTED)]],
)

ACTION_TABLE = (
    "Tableau 2 – Liste des actions du pacte et statut",
    ["N°", "Action", "Axe", "Statut"],
    [[str(i), name, str(axis), status] for i, (name, axis, status) in enumerate(ACTIONS, start=1)],
)

RESULTS_TABLE = (
    "Tableau 3 – Indicateurs de résultat du pacte",
    ["Indicateur", "Cible", "Réalisé"],
    [
        ["Entreprises accompagnées", "120", "134"],
        ["Emplois créés ou maintenus", "250", "212"],
        ["Porteurs de projet hébergés en pépinière", "10", "8"],
        ["Hectares de foncier économique requalifiés", "12", "7,5"],
        ["Commerces et entreprises artisanales aidés", "40", "48"],
        ["Producteurs engagés en circuits courts", "40", "46"],
        ["Part de produits locaux en restauration scolaire", "30 %", "22 %"],
        ["Kilomètres de véloroute aménagés", "50", "34"],
        ["Lits touristiques créés", "150", "96"],
    ],
)

# funding of the actions carried out or under way, in euros
FUNDING = [
    ("Région Grand Est", 1_120_000),
    ("Communautés de communes", 1_020_000),
    ("Fonds européens (FEDER et LEADER)", 410_000),
    ("État, Département et financeurs privés", 1_290_000),
]
FUNDING_TOTAL = sum(f[1] for f in FUNDING)


def _eur(value: int) -> str:
    return f"{fr_int(value)} €"


BLOCKS: list[tuple] = [
    ("title", "ÉVALUATION DU PACTE OFFENSIVE CROISSANCE EMPLOI"),
    ("subtitle", "2018-2022"),
    ("subtitle", TERRITORY),
    ("p", "Rapport présenté au comité de pilotage de clôture du 7 mars 2023"),
    ("p", "Convention signée le 5 juillet 2018 — échéance du pacte : 31 décembre 2022"),
    ("h1", "1. Le pacte et son territoire"),
    (
        "p",
        f"Le PETR du Val d'Ornelle réunit trois communautés de communes, {COMMUNES} communes et "
        f"{fr_int(INHABITANTS)} habitants. Son territoire, traversé par l'Ornelle et ses affluents, associe une vallée "
        "industrielle, héritière d'une ancienne tradition textile et métallurgique, et deux "
        "plateaux agricoles et forestiers. Le siège du PETR est installé à Ornay-sur-Ornelle.",
    ),
    ("p", "Les communautés de communes membres sont les suivantes :"),
    (
        "ul",
        [
            f"{name} (siège : {seat}) – {n} communes, {fr_int(pop)} habitants"
            for name, seat, n, pop in MEMBERS
        ],
    ),
    (
        "p",
        "Le Pacte Offensive Croissance Emploi du Val d'Ornelle a été signé avec la Région Grand "
        "Est le 5 juillet 2018, pour la période 2018-2022. Il décline sur le territoire les "
        "orientations du schéma régional de développement économique, d'innovation et "
        "d'internationalisation. Il a été préparé à partir d'un diagnostic économique réalisé "
        "en 2017 et d'une série de quatre ateliers avec les chefs d'entreprise, les élus et les "
        "chambres consulaires.",
    ),
    ("h1", "2. La stratégie du pacte"),
    (
        "p",
        "La stratégie du pacte s'organise en quatre axes et huit objectifs. Elle vise à enrayer "
        "la perte d'emplois industriels de la vallée, à mieux valoriser les ressources "
        "agricoles et forestières des plateaux et à faire du tourisme de nature une activité "
        "économique à part entière.",
    ),
]
for _axis, _title in AXES.items():
    BLOCKS.append(("h2", f"Axe {_axis} : {_title}"))
    BLOCKS.append(("ul", OBJECTIVES[_axis]))

BLOCKS += [
    ("h1", "3. Évaluation quantitative"),
    (
        "p",
        f"Le programme d'actions comptait {N_ACTIONS} actions. Au 31 décembre 2022, "
        f"{N_DONE} actions étaient réalisées, {N_ONGOING} étaient en cours et {N_NOT_STARTED} "
        "n'avaient pas été engagées, soit :",
    ),
    (
        "ul",
        [
            f"{PCT_DONE} % des actions réalisées ;",
            f"{PCT_ONGOING} % des actions en cours ;",
            f"{PCT_NOT_STARTED} % des actions non engagées.",
        ],
    ),
    (
        "p",
        "L'axe 2, consacré à l'accompagnement des entreprises du territoire, est le plus avancé, "
        "avec cinq actions réalisées sur huit. L'axe 4, consacré au tourisme, accuse le retard le "
        "plus important : seules deux de ses cinq actions sont achevées, la crise sanitaire ayant "
        "interrompu les travaux de l'hébergement de groupe et reporté la création de la marque "
        "de destination.",
    ),
    ("table", *AXIS_TABLE),
    ("table", *ACTION_TABLE),
    ("h2", "Les résultats obtenus"),
    (
        "p",
        "Le pacte avait fixé neuf indicateurs de résultat. Cinq d'entre eux atteignent ou "
        "dépassent leur cible, en particulier le nombre d'entreprises accompagnées (134 pour une "
        "cible de 120) et le nombre de producteurs engagés en circuits courts (46 pour 40). Les "
        "indicateurs relatifs au foncier, à la véloroute et aux lits touristiques restent en "
        "deçà des objectifs, du fait des actions encore en cours.",
    ),
    ("table", *RESULTS_TABLE),
    ("h2", "Les moyens financiers"),
    (
        "p",
        f"Le coût total des actions réalisées ou engagées s'élève à {_eur(FUNDING_TOTAL)}. La "
        "répartition par financeur est la suivante :",
    ),
    ("ul", [f"{who} : {_eur(amount)}" + (" ;" if i < len(FUNDING) - 1 else ".") for i, (who, amount) in enumerate(FUNDING)]),
    ("h1", "4. Évaluation de la gouvernance"),
    (
        "p",
        "La gouvernance du pacte a reposé sur un comité de pilotage réunissant la Région, le PETR "
        "et les trois communautés de communes, un comité technique trimestriel et le réseau des "
        "développeurs économiques. Un chargé de mission économie, recruté le 1er octobre 2018, "
        "a assuré l'animation du pacte à temps plein.",
    ),
    (
        "ul",
        [
            "Signature de la convention : 05/07/2018",
            "Comités de pilotage : 12/03/2019, 24/11/2020 (en visioconférence), 08/02/2022 et "
            "07/03/2023 (clôture)",
            "Comité technique : 11 réunions entre novembre 2018 et décembre 2022",
            "Réseau des développeurs : 16/10/2018, 02/04/2019, 19/01/2021, 14/09/2021 et 22/06/2022",
            "Club des entreprises de l'Ornelle : créé le 28/05/2019, 9 rencontres organisées",
        ],
    ),
    (
        "p",
        "Les partenaires soulignent la qualité du dialogue avec la Région et l'utilité du comité "
        "technique. Ils regrettent en revanche l'absence de tableau de bord partagé des "
        "indicateurs jusqu'en 2021 et l'annulation du comité de pilotage prévu au printemps 2021.",
    ),
    ("h1", "5. Suites à donner"),
    (
        "ul",
        [
            "Intégrer les actions en cours et les actions non engagées jugées prioritaires dans "
            "le pacte territorial de relance et de transition écologique (PTRTE) du Val "
            "d'Ornelle, dont la signature est prévue en juin 2023 ;",
            "Abandonner le projet de base nautique de l'étang de Vaussey, dont le coût est jugé "
            "disproportionné ;",
            "Mettre en place dès 2023 un tableau de bord commun des indicateurs ;",
            "Maintenir le poste de chargé de mission économie et le Club des entreprises de "
            "l'Ornelle.",
        ],
    ),
]
