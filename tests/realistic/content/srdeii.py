"""« SRDEII — Région Grand Est — version de travail »: a fictional regional strategy.

Every figure is invented for the tests. Tables are computed from the raw numbers below so that
totals and shares printed in the text and in the tables agree.
"""

from __future__ import annotations

from realistic.content.numbers import fr_dec, fr_int, fr_pct, share
from realistic.report_pdf import Table

SHORT_TITLE = "SRDEII Grand Est — version de travail"
HEADER_RIGHT = "Document de travail — octobre 2022"
PDF_TITLE = (
    "Schéma régional de développement économique, d'innovation et d'internationalisation "
    "(SRDEII) — Région Grand Est — version de travail"
)

COVER = {
    "institution": "RÉGION GRAND EST",
    "title": [
        "Schéma régional de développement",
        "économique, d'innovation et",
        "d'internationalisation (SRDEII)",
    ],
    "subtitle": "2023-2028",
    "status": "VERSION DE TRAVAIL",
    "lines": [
        "Document soumis à la concertation des territoires",
        "Direction du développement économique et de l'innovation",
        "Version n° 3 du 14 octobre 2022",
    ],
    "warning": "Document de travail — ne pas diffuser — les chiffres sont provisoires",
}

# --------------------------------------------------------------------------- figures
POPULATION_2020 = 5_542_000
DEPARTMENTS = 10
EPCI = 149
COMMUNES = 5_121
PACTS_PETR = 21
PACTS_EPCI = 25

# department: (population 2020, weight in salaried jobs, business creations 2021, unemployment Q4 2021)
DEPARTMENT_DATA: list[tuple[str, int, float, int, float]] = [
    ("Ardennes", 270_000, 0.044, 1_730, 9.8),
    ("Aube", 310_000, 0.056, 2_290, 9.1),
    ("Marne", 566_000, 0.118, 4_560, 7.4),
    ("Haute-Marne", 172_000, 0.028, 960, 7.9),
    ("Meurthe-et-Moselle", 733_000, 0.131, 5_610, 7.6),
    ("Meuse", 184_000, 0.028, 1_040, 8.3),
    ("Moselle", 1_046_000, 0.163, 7_480, 7.8),
    ("Bas-Rhin", 1_131_000, 0.232, 9_720, 6.5),
    ("Haut-Rhin", 767_000, 0.139, 5_610, 7.2),
    ("Vosges", 363_000, 0.061, 2_200, 8.4),
]

# sector: (salaried jobs 2021, change 2016-2021 in %)
SECTORS: list[tuple[str, int, float]] = [
    ("Agriculture, sylviculture et pêche", 31_200, 3.8),
    ("Industries agroalimentaires", 52_900, 1.9),
    ("Métallurgie et produits métalliques", 61_400, -5.2),
    ("Autres industries manufacturières", 170_300, -2.1),
    ("Énergie, eau, gestion des déchets", 28_700, 4.6),
    ("Construction", 118_600, 5.3),
    ("Commerce et réparation automobile", 236_500, 1.4),
    ("Transports et entreposage", 112_800, 6.9),
    ("Hébergement et restauration", 71_300, 2.2),
    ("Information, communication, finance", 69_100, 3.1),
    ("Services aux entreprises", 248_900, 8.4),
    ("Santé, action sociale, enseignement privé", 281_200, 6.2),
    ("Autres services", 159_400, 2.7),
]
JOBS_2021 = sum(jobs for _, jobs, _ in SECTORS)
JOBS_2016 = round(sum(jobs / (1 + change / 100) for _, jobs, change in SECTORS))
JOBS_CHANGE = share(JOBS_2021 - JOBS_2016, JOBS_2016)
INDUSTRY_JOBS = 52_900 + 61_400 + 170_300
INDUSTRY_SHARE = share(INDUSTRY_JOBS, JOBS_2021)

SECTOR_TABLE = Table(
    caption="Tableau 2 – Emplois salariés par grand secteur d'activité en Grand Est",
    headers=["Secteur", "Emplois salariés 2021", "Évolution 2016-2021", "Part régionale"],
    rows=[
        [name, fr_int(jobs), fr_pct(change, signed=True), fr_pct(share(jobs, JOBS_2021))]
        for name, jobs, change in SECTORS
    ]
    + [["Total", fr_int(JOBS_2021), fr_pct(JOBS_CHANGE, signed=True), "100,0 %"]],
    col_widths=(74, 32, 32, 28),
    total_row=True,
    source=(
        "Source : estimations de la Direction du développement économique à partir des "
        "déclarations sociales des employeurs, emploi salarié au 31 décembre (chiffres provisoires)."
    ),
)

# (type of signatory, pacts, actions, done, ongoing, not done)
PACT_RESULTS = [
    ("PETR", PACTS_PETR, 612, 361, 158, 93),
    ("EPCI", PACTS_EPCI, 734, 419, 196, 119),
]
PACTS_TOTAL = PACTS_PETR + PACTS_EPCI
PACT_ACTIONS = sum(r[2] for r in PACT_RESULTS)
PACT_DONE = sum(r[3] for r in PACT_RESULTS)
PACT_ONGOING = sum(r[4] for r in PACT_RESULTS)
PACT_NOT_DONE = sum(r[5] for r in PACT_RESULTS)

PACT_TABLE = Table(
    caption="Tableau 3 – Avancement des Pactes Offensive Croissance Emploi 2017-2021 (cumul régional)",
    headers=["Signataire", "Pactes signés", "Actions inscrites", "Réalisées", "En cours", "Non réalisées"],
    rows=[
        [kind, str(pacts), fr_int(actions), fr_int(done), fr_int(ongoing), fr_int(not_done)]
        for kind, pacts, actions, done, ongoing, not_done in PACT_RESULTS
    ]
    + [
        [
            "Ensemble",
            str(PACTS_TOTAL),
            fr_int(PACT_ACTIONS),
            f"{fr_int(PACT_DONE)} ({round(share(PACT_DONE, PACT_ACTIONS))} %)",
            f"{fr_int(PACT_ONGOING)} ({round(share(PACT_ONGOING, PACT_ACTIONS))} %)",
            f"{fr_int(PACT_NOT_DONE)} ({round(share(PACT_NOT_DONE, PACT_ACTIONS))} %)",
        ]
    ],
    col_widths=(30, 24, 26, 30, 28, 28),
    total_row=True,
    source="Source : bilans des pactes transmis par les territoires au 31 mars 2022 (46 bilans sur 46).",
)

INDICATORS = [
    ("Entreprises accompagnées chaque année par la Région", "1 450", "2 000"),
    ("Reprises d'entreprises accompagnées chaque année", "410", "650"),
    ("Industriels engagés dans un plan de décarbonation", "12 %", "35 %"),
    ("Friches économiques requalifiées (hectares cumulés)", "180", "600"),
    ("Dépense de recherche et développement rapportée au PIB", "1,4 %", "2,0 %"),
    ("Entreprises exportatrices", "14 800", "17 000"),
    ("Producteurs engagés en circuits courts", "6 900", "9 000"),
    ("Nuitées touristiques marchandes (millions)", "24,6", "28,0"),
    ("Emplois créés ou maintenus grâce aux aides régionales (cumul)", "–", "30 000"),
]
INDICATOR_TABLE = Table(
    caption="Tableau 4 – Indicateurs de suivi du schéma et valeurs cibles",
    headers=["Indicateur", "Valeur 2021", "Cible 2028"],
    rows=[list(r) for r in INDICATORS],
    col_widths=(106, 30, 30),
    source="Les valeurs 2021 sont provisoires ; elles seront consolidées avant l'adoption du schéma.",
)

# orientation: (short name, 2023, 2024, 2023-2028) in millions of euros
BUDGET = [
    ("Orientation 1 – Entreprises existantes", 58, 61, 372),
    ("Orientation 2 – Transition écologique", 41, 46, 298),
    ("Orientation 3 – Innovation et recherche", 47, 49, 301),
    ("Orientation 4 – Attractivité des territoires", 33, 35, 214),
    ("Orientation 5 – International et compétences", 19, 20, 125),
]
BUDGET_2023 = sum(b[1] for b in BUDGET)
BUDGET_2024 = sum(b[2] for b in BUDGET)
BUDGET_TOTAL = sum(b[3] for b in BUDGET)
BUDGET_TABLE = Table(
    caption="Tableau 5 – Enveloppe financière indicative par orientation (millions d'euros)",
    headers=["Orientation", "2023", "2024", "Total 2023-2028", "Part"],
    rows=[
        [name, str(y23), str(y24), fr_int(total), fr_pct(share(total, BUDGET_TOTAL))]
        for name, y23, y24, total in BUDGET
    ]
    + [["Total", str(BUDGET_2023), str(BUDGET_2024), fr_int(BUDGET_TOTAL), "100,0 %"]],
    col_widths=(78, 18, 18, 30, 22),
    total_row=True,
    source="Crédits régionaux hors fonds européens ; montants indicatifs, votés chaque année au budget primitif.",
)
BUDGET_BILLIONS = fr_dec(BUDGET_TOTAL / 1000, 2)


def _department_jobs() -> dict[str, int]:
    jobs = {name: round(JOBS_2021 * weight, -2) for name, _, weight, _, _ in DEPARTMENT_DATA}
    jobs["Moselle"] += JOBS_2021 - sum(jobs.values())  # the rounding remainder
    return {name: int(value) for name, value in jobs.items()}


DEPARTMENT_JOBS = _department_jobs()
CREATIONS_2021 = sum(d[3] for d in DEPARTMENT_DATA)
assert sum(d[1] for d in DEPARTMENT_DATA) == POPULATION_2020
DEPARTMENT_TABLE = Table(
    caption="Tableau 1 – Population, emploi et création d'entreprises par département",
    headers=[
        "Département",
        "Population 2020",
        "Emplois salariés 2021",
        "Créations d'entreprises 2021",
        "Taux de chômage T4 2021",
    ],
    rows=[
        [name, fr_int(pop), fr_int(DEPARTMENT_JOBS[name]), fr_int(creations), fr_pct(rate)]
        for name, pop, _, creations, rate in DEPARTMENT_DATA
    ]
    + [["Grand Est", fr_int(POPULATION_2020), fr_int(JOBS_2021), fr_int(CREATIONS_2021), "7,6 %"]],
    col_widths=(42, 30, 32, 32, 30),
    total_row=True,
    source="Sources : recensement de la population, estimations d'emploi régionales, répertoire des entreprises.",
)

SCHEMES = [
    ("Transmission Grand Est", "Repreneurs de TPE et PME", "Prêt d'honneur à taux zéro", "50 000 €"),
    ("Industrie du futur", "PME et ETI industrielles", "Subvention et avance remboursable", "800 000 €"),
    ("Friches économiques", "EPCI, communes, aménageurs", "Subvention", "1 500 000 €"),
    ("Décarbonation PME", "Établissements industriels", "Avance remboursable", "500 000 €"),
    ("Innovation collaborative", "Entreprises et laboratoires", "Subvention", "400 000 €"),
    ("Circuits courts collectifs", "Groupements de producteurs", "Subvention (40 %)", "200 000 €"),
    ("Hébergement touristique", "TPE et porteurs privés", "Subvention (20 à 30 %)", "150 000 €"),
    ("Commerce et artisanat", "TPE de moins de 10 salariés", "Subvention avec l'EPCI", "20 000 €"),
    ("Export Grand Est", "Primo-exportateurs", "Subvention forfaitaire", "30 000 €"),
]
SCHEME_TABLE = Table(
    caption="Tableau 6 – Principaux dispositifs d'aide envisagés",
    headers=["Dispositif", "Bénéficiaires", "Nature de l'aide", "Plafond"],
    rows=[list(r) for r in SCHEMES],
    col_widths=(46, 46, 46, 28),
    align=("L", "L", "L", "R"),
    source="Les règlements des dispositifs seront adoptés par la commission permanente au premier trimestre 2023.",
)

# department: (pacts with PETR, pacts with EPCI), 2017-2021
PACTS_BY_DEPARTMENT = {
    "Ardennes": (2, 3),
    "Aube": (2, 3),
    "Marne": (2, 4),
    "Haute-Marne": (2, 2),
    "Meurthe-et-Moselle": (3, 3),
    "Meuse": (3, 1),
    "Moselle": (3, 4),
    "Bas-Rhin": (1, 2),
    "Haut-Rhin": (1, 2),
    "Vosges": (2, 1),
}
assert sum(p for p, _ in PACTS_BY_DEPARTMENT.values()) == PACTS_PETR
assert sum(e for _, e in PACTS_BY_DEPARTMENT.values()) == PACTS_EPCI
PACTS_BY_DEPARTMENT_TABLE = Table(
    caption="Tableau 7 – Pactes Offensive Croissance Emploi signés entre 2017 et 2021, par département",
    headers=["Département", "Pactes avec un PETR", "Pactes avec un EPCI", "Total"],
    rows=[[d, str(p), str(e), str(p + e)] for d, (p, e) in PACTS_BY_DEPARTMENT.items()]
    + [["Grand Est", str(PACTS_PETR), str(PACTS_EPCI), str(PACTS_TOTAL)]],
    col_widths=(60, 36, 36, 34),
    total_row=True,
    source="Source : conventions signées entre la Région et les territoires (2017-2021).",
)

GLOSSARY = [
    ("CCI", "Chambre de commerce et d'industrie"),
    ("CMA", "Chambre de métiers et de l'artisanat"),
    ("CTAP", "Conférence territoriale de l'action publique"),
    ("EIT", "Écologie industrielle et territoriale"),
    ("EPCI", "Établissement public de coopération intercommunale"),
    ("ETI", "Entreprise de taille intermédiaire"),
    ("FEDER", "Fonds européen de développement régional"),
    ("PETR", "Pôle d'équilibre territorial et rural"),
    ("PME", "Petite et moyenne entreprise"),
    ("POCE", "Pacte Offensive Croissance Emploi"),
    ("PTRTE", "Pacte territorial de relance et de transition écologique"),
    ("SRADDET", "Schéma régional d'aménagement, de développement durable et d'égalité des territoires"),
    ("SRDEII", "Schéma régional de développement économique, d'innovation et d'internationalisation"),
    ("TPE", "Très petite entreprise"),
    ("ZAE", "Zone d'activités économiques"),
    ("ZAN", "Zéro artificialisation nette"),
]
GLOSSARY_TABLE = Table(
    caption="Tableau 8 – Sigles utilisés dans le document",
    headers=["Sigle", "Signification"],
    rows=[list(g) for g in GLOSSARY],
    col_widths=(28, 138),
    align=("L", "L"),
)

# --------------------------------------------------------------------------- text
BLOCKS: list[tuple] = [
    # ------------------------------------------------------------------ preamble
    ("h1", "Préambule"),
    (
        "p",
        "La Région Grand Est a engagé au début de l'année 2022 la révision de son schéma de "
        "développement économique. Le contexte a profondément changé depuis l'adoption du "
        "premier schéma : la crise sanitaire a fragilisé de nombreuses entreprises, la hausse "
        "des prix de l'énergie et des matières premières pèse sur l'industrie, les difficultés "
        "de recrutement se sont généralisées et l'urgence climatique impose de repenser nos "
        "modes de production. Dans le même temps, les entreprises de la région ont montré une "
        "remarquable capacité de résistance et d'adaptation.",
    ),
    (
        "p",
        "Ce nouveau schéma se veut plus simple, plus territorialisé et plus exigeant sur le plan "
        "écologique. Plus simple, parce que les entreprises nous ont demandé des dispositifs "
        "moins nombreux et plus lisibles. Plus territorialisé, parce que la Région souhaite "
        "prolonger et amplifier le partenariat engagé avec les PETR et les intercommunalités "
        "dans le cadre des Pactes Offensive Croissance Emploi. Plus exigeant, enfin, parce que "
        "chaque euro d'argent public consacré à l'économie doit contribuer à la transition "
        "écologique et à la sobriété foncière.",
    ),
    (
        "p",
        "La présente version de travail est soumise à l'avis des territoires et des partenaires "
        "économiques jusqu'au 4 novembre 2022. Les remarques peuvent être adressées à la "
        "Direction du développement économique et de l'innovation, qui en fera la synthèse "
        "avant la présentation du schéma à l'assemblée régionale.",
    ),
    ("note", "Le vice-président chargé du développement économique, de l'innovation et de l'international"),
    ("h1", "Synthèse"),
    (
        "p",
        "Le schéma 2023-2028 fixe le cadre de l'intervention économique de la Région pour six "
        "ans. Il s'appuie sur un diagnostic partagé, sur le bilan de la période 2017-2021 et sur "
        "une concertation ayant réuni 1 240 participants. Ses principaux éléments sont les "
        "suivants :",
    ),
    (
        "ul",
        [
            "cinq orientations et treize objectifs, présentés au chapitre 4 ;",
            f"une enveloppe indicative de {BUDGET_BILLIONS} milliard d'euros de crédits régionaux "
            "sur la période 2023-2028, complétée par les fonds européens ;",
            "une priorité donnée au maintien et à la transformation des entreprises existantes, "
            f"qui mobilise {fr_pct(share(BUDGET[0][3], BUDGET_TOTAL))} de l'enveloppe ;",
            "une nouvelle génération de pactes territoriaux, les pactes territoriaux de relance "
            "et de transition écologique, qui prennent le relais des Pactes Offensive Croissance "
            "Emploi ;",
            "un fonds de requalification des friches économiques doté de 60 millions d'euros ;",
            "neuf indicateurs de suivi assortis de valeurs cibles pour 2028, dont 30 000 emplois "
            "créés ou maintenus grâce aux aides régionales.",
        ],
    ),
    (
        "p",
        "Le schéma entrera en vigueur le 1er janvier 2023. Il fera l'objet d'un bilan à "
        "mi-parcours au second semestre 2025 et d'une évaluation finale en 2028.",
    ),
    # ------------------------------------------------------------------ 1
    ("h1", "1. Introduction et cadre du schéma"),
    (
        "p",
        "Le présent document constitue la troisième version de travail du schéma régional de "
        "développement économique, d'innovation et d'internationalisation (SRDEII) de la Région "
        "Grand Est pour la période 2023-2028. Il a vocation à être discuté avec les territoires, les "
        "chambres consulaires, les représentants des entreprises et les partenaires de l'emploi "
        "avant sa présentation en séance plénière. Les orientations et les objectifs qu'il énonce "
        "restent susceptibles d'évoluer ; les chiffres qu'il contient sont provisoires et seront "
        "consolidés au cours du dernier trimestre 2022.",
    ),
    (
        "p",
        f"Le Grand Est réunit {DEPARTMENTS} départements, {fr_int(COMMUNES)} communes et {EPCI} "
        f"établissements publics de coopération intercommunale à fiscalité propre. Avec "
        f"{fr_int(POPULATION_2020)} habitants au 1er janvier 2020, la région présente une "
        "économie encore fortement industrielle, largement ouverte sur quatre pays voisins et "
        "marquée par de fortes différences entre des agglomérations dynamiques et des espaces "
        "ruraux qui peinent parfois à maintenir leurs emplois et leurs services. Le schéma "
        "cherche à tenir ensemble ces deux réalités : soutenir la compétitivité des filières "
        "d'excellence sans laisser aucun territoire à l'écart de la croissance.",
    ),
    ("h2", "1.1 Le cadre légal"),
    (
        "p",
        "Depuis la loi portant nouvelle organisation territoriale de la République de 2015, la "
        "Région est chef de file en matière de développement économique. Elle est seule "
        "compétente pour définir les régimes d'aides directes aux entreprises sur son territoire "
        "et pour élaborer le SRDEII, qui fixe pour plusieurs années les orientations en matière "
        "d'aides aux entreprises, de soutien à l'internationalisation, d'aides à l'investissement "
        "immobilier et à l'innovation, ainsi que les orientations relatives à l'attractivité du "
        "territoire régional et au développement de l'économie sociale et solidaire.",
    ),
    (
        "p",
        "Le schéma a une portée prescriptive : les actes des communes et de leurs groupements en "
        "matière d'aides aux entreprises doivent être compatibles avec lui. Les aides à "
        "l'investissement immobilier des entreprises et à la location de terrains ou d'immeubles "
        "relèvent en revanche des communes et des EPCI, la Région pouvant intervenir en "
        "complément dans le cadre d'une convention. Cette répartition des rôles, rappelée tout au "
        "long du document, conditionne la bonne articulation entre l'action régionale et celle "
        "des intercommunalités, en particulier sur la question du foncier économique.",
    ),
    ("h2", "1.2 La démarche d'élaboration"),
    (
        "p",
        "L'élaboration du schéma s'est appuyée sur une large concertation conduite entre le "
        "17 janvier et le 24 juin 2022. Quatorze ateliers territoriaux ont été organisés dans "
        "l'ensemble des départements, complétés par six ateliers thématiques consacrés à "
        "l'industrie, à l'agriculture et à l'alimentation, au tourisme, au commerce et à "
        "l'artisanat, à l'innovation et à l'international. Au total, 1 240 participants ont pris "
        "part à ces rencontres et 312 contributions écrites ont été déposées sur la plateforme "
        "de consultation en ligne.",
    ),
    ("p", "Les principaux messages recueillis au cours de la concertation sont les suivants :"),
    (
        "ul",
        [
            "les entreprises demandent une plus grande lisibilité des dispositifs d'aide et un "
            "interlocuteur unique à l'échelle de chaque bassin d'emploi ;",
            "les intercommunalités soulignent la raréfaction du foncier économique disponible et "
            "le coût élevé de la requalification des friches ;",
            "les territoires ruraux insistent sur le maintien du commerce de proximité, de "
            "l'artisanat et des services dans les bourgs-centres ;",
            "les acteurs du tourisme souhaitent une promotion plus coordonnée des destinations "
            "et un soutien renforcé à la montée en gamme des hébergements ;",
            "tous les participants placent les difficultés de recrutement au premier rang des "
            "freins au développement des entreprises.",
        ],
    ),
    ("h2", "1.3 L'articulation avec les autres politiques régionales"),
    (
        "p",
        "Le SRDEII s'inscrit dans un ensemble de documents de planification avec lesquels il doit "
        "rester cohérent. Le schéma régional d'aménagement, de développement durable et "
        "d'égalité des territoires (SRADDET) fixe notamment les règles de sobriété foncière que "
        "le présent schéma décline pour les zones d'activités. Le contrat de plan État-Région "
        "2021-2027 et les programmes européens FEDER-FSE+ apportent des financements "
        "complémentaires, en particulier pour l'innovation, la transition énergétique et la "
        "formation. Enfin, la stratégie régionale de l'emploi, de l'orientation et de la "
        "formation professionnelle doit permettre de répondre aux besoins de compétences "
        "exprimés par les entreprises.",
    ),
    (
        "p",
        "Au niveau local, le schéma est mis en œuvre au moyen de pactes conclus avec les "
        "territoires. Entre 2017 et 2021, les Pactes Offensive Croissance Emploi (POCE), signés "
        "avec les pôles d'équilibre territorial et rural (PETR) et avec les EPCI, ont permis "
        "d'identifier dans chaque territoire des actions structurantes en matière de "
        "développement économique. Le bilan de cette première génération de pactes est présenté "
        "au chapitre 3 ; leur prolongement est décrit au chapitre 5.",
    ),
    # ------------------------------------------------------------------ 2
    ("h1", "2. Diagnostic économique régional"),
    (
        "p",
        "Ce diagnostic résume les principales tendances observées au cours des cinq dernières "
        "années. Il ne prétend pas à l'exhaustivité : les analyses détaillées par filière et par "
        "zone d'emploi figurent dans le cahier de diagnostic annexé à la version définitive du "
        "schéma. Les données de 2020 et de 2021 doivent en outre être lues avec prudence, la "
        "crise sanitaire ayant fortement perturbé l'activité de certains secteurs, notamment "
        "l'hébergement, la restauration et l'événementiel.",
    ),
    ("h2", "2.1 Population et emploi"),
    (
        "p",
        f"La population régionale s'élève à {fr_int(POPULATION_2020)} habitants en 2020. Elle "
        "est quasiment stable depuis dix ans, la croissance observée autour des grandes "
        "agglomérations et le long de la frontière luxembourgeoise compensant à peine le recul "
        "démographique de nombreux espaces ruraux, en particulier dans les départements de la "
        "Meuse, de la Haute-Marne et des Ardennes. Le vieillissement de la population se "
        "poursuit : les personnes âgées de 65 ans et plus représentent désormais 21,4 % des "
        "habitants, contre 17,9 % dix ans plus tôt.",
    ),
    (
        "p",
        f"Fin 2021, la région compte {fr_int(JOBS_2021)} emplois salariés, soit une progression "
        f"de {fr_pct(JOBS_CHANGE)} par rapport à 2016. Cette évolution globale, légèrement "
        "inférieure à la moyenne nationale, recouvre des trajectoires sectorielles contrastées. "
        "Les services aux entreprises, les transports et la logistique ainsi que la santé et "
        "l'action sociale ont créé la plupart des emplois nouveaux, tandis que la métallurgie et "
        "plusieurs autres branches industrielles ont continué à perdre des effectifs. Le taux de "
        "chômage s'établit à 7,6 % au quatrième trimestre 2021, avec des écarts allant de 5,1 % "
        "dans certaines zones d'emploi frontalières à plus de 11 % dans les bassins les plus "
        "touchés par la désindustrialisation.",
    ),
    (
        "p",
        "Le tableau 1 présente la population, l'emploi salarié, les créations d'entreprises et "
        "le taux de chômage de chacun des dix départements. Les départements alsaciens et "
        "mosellans concentrent plus de la moitié de l'emploi salarié régional, tandis que la "
        "Meuse et la Haute-Marne, les moins peuplés, en représentent chacun moins de 3 %.",
    ),
    ("table", DEPARTMENT_TABLE),
    ("h2", "2.2 La structure sectorielle de l'économie"),
    (
        "p",
        f"L'industrie, agroalimentaire comprise, représente encore {fr_pct(INDUSTRY_SHARE)} de "
        "l'emploi salarié régional, une proportion nettement supérieure à la moyenne française. "
        "Le tissu industriel associe de grands établissements, souvent filiales de groupes "
        "internationaux, et un réseau dense de PME sous-traitantes dans la mécanique, la "
        "plasturgie, le travail des métaux et le bois. Cette spécialisation fait la force de la "
        "région, mais l'expose aussi aux mutations de l'automobile, de la sidérurgie et de la "
        "chimie. Le tableau 2 présente la répartition de l'emploi salarié par grand secteur.",
    ),
    ("table", SECTOR_TABLE),
    (
        "p",
        "L'agriculture et l'agroalimentaire occupent une place importante dans l'économie des "
        "espaces ruraux. Les grandes cultures, la viticulture et l'élevage laitier structurent "
        "des filières qui transforment une part croissante de leur production sur place. Les "
        "circuits courts progressent : environ 6 900 exploitations commercialisent désormais "
        "une partie de leur production en vente directe ou avec un seul intermédiaire, contre "
        "5 200 en 2016. Le développement de points de vente collectifs, d'ateliers de "
        "transformation partagés et de plateformes d'approvisionnement de la restauration "
        "collective constitue l'un des leviers identifiés par les territoires.",
    ),
    (
        "p",
        "Le tourisme représente quant à lui près de 4 % du produit intérieur brut régional. La "
        "région a accueilli 24,6 millions de nuitées marchandes en 2021, un niveau encore "
        "inférieur de 9 % à celui de 2019. Les sites de mémoire, le tourisme de nature, "
        "l'itinérance à vélo, l'œnotourisme et le tourisme urbain constituent les principaux "
        "motifs de séjour. Les clientèles belge, néerlandaise, allemande et luxembourgeoise "
        "représentent ensemble plus d'un tiers des nuitées étrangères.",
    ),
    ("h2", "2.3 Les dynamiques territoriales"),
    (
        "p",
        "Les dynamiques économiques varient fortement d'un territoire à l'autre. Trois grands "
        "types d'espaces peuvent être distingués, dont les besoins appellent des réponses "
        "différenciées de la part de la Région et de ses partenaires.",
    ),
    ("h3", "2.3.1 Les métropoles et les grandes agglomérations"),
    (
        "p",
        "Les agglomérations de Strasbourg, Metz, Nancy, Reims et Mulhouse concentrent 41 % de "
        "l'emploi salarié régional et la quasi-totalité des établissements d'enseignement "
        "supérieur et de recherche. Elles accueillent la majeure partie des créations "
        "d'entreprises innovantes et des fonctions de direction. Leur développement se heurte "
        "toutefois à la rareté du foncier disponible, à la hausse des prix de l'immobilier et à "
        "la congestion des axes de transport. Le schéma encourage une meilleure diffusion de "
        "leur dynamisme vers les villes moyennes et les espaces ruraux qui les entourent.",
    ),
    ("h3", "2.3.2 Les villes moyennes et les espaces ruraux"),
    (
        "p",
        "Près de 38 % des habitants du Grand Est vivent dans une commune rurale. Les villes "
        "moyennes et les bourgs-centres y jouent un rôle essentiel de pôles d'emploi et de "
        "services. Beaucoup de ces territoires ont perdu des emplois industriels au cours des "
        "deux dernières décennies et voient leur population vieillir. Ils disposent pourtant "
        "d'atouts réels : un foncier abordable, des savoir-faire artisanaux et industriels, une "
        "agriculture diversifiée, un patrimoine naturel et historique de grande valeur. Les "
        "pactes territoriaux conclus avec les PETR et les intercommunalités ont précisément "
        "pour objet de valoriser ces ressources.",
    ),
    (
        "p",
        "La transmission des entreprises constitue un enjeu particulier pour ces territoires : "
        "près d'un dirigeant de TPE ou de PME sur trois a plus de 55 ans, et une part "
        "importante des commerces et des entreprises artisanales risque de disparaître faute de "
        "repreneur. Le maintien des entreprises existantes y est donc au moins aussi important "
        "que l'accueil de nouvelles activités.",
    ),
    ("h3", "2.3.3 Les espaces frontaliers"),
    (
        "p",
        "Le Grand Est est la seule région française frontalière de quatre pays. Environ 186 000 "
        "de ses habitants travaillent dans un pays voisin, dont 108 000 au Luxembourg, 46 000 "
        "en Suisse, 27 000 en Allemagne et 5 000 en Belgique. Ces flux procurent des revenus "
        "élevés à de nombreux ménages, mais ils accentuent les difficultés de recrutement des "
        "entreprises situées côté français, qui peinent à rivaliser avec les niveaux de salaire "
        "pratiqués de l'autre côté de la frontière.",
    ),
    ("h2", "2.4 La création et la transmission d'entreprises"),
    (
        "p",
        f"La région a enregistré {fr_int(CREATIONS_2021)} créations d'entreprises en 2021, un "
        "niveau record en progression de 14 % par rapport à 2019. Près de deux créations sur "
        "trois (63 %) sont le fait de micro-entrepreneurs, souvent dans les services aux "
        "particuliers, le commerce en ligne et la livraison. Les créations de sociétés "
        "progressent plus modestement, de 6 % sur la même période. Le taux de survie à cinq ans "
        "des entreprises accompagnées par un réseau d'appui à la création atteint 74 %, contre "
        "55 % pour l'ensemble des entreprises créées.",
    ),
    (
        "p",
        "Les défaillances d'entreprises sont restées à un niveau historiquement bas en 2021, "
        "avec 2 480 procédures ouvertes, grâce aux mesures de soutien mises en place pendant la "
        "crise sanitaire. Un rattrapage est toutefois attendu à partir de 2023, lorsque les "
        "entreprises devront rembourser les prêts garantis par l'État. Les chambres consulaires "
        "estiment par ailleurs qu'environ 21 000 entreprises de la région, employant 110 000 "
        "salariés, seront à transmettre au cours des dix prochaines années.",
    ),
    ("h2", "2.5 Atouts et fragilités"),
    ("p", "Le diagnostic partagé avec les territoires fait ressortir les atouts suivants :"),
    (
        "ul",
        [
            "une tradition industrielle forte et des filières d'excellence reconnues (matériaux, "
            "bioéconomie, santé, agroalimentaire, bois) ;",
            "une position géographique au cœur de l'Europe, desservie par de grands axes "
            "autoroutiers, ferroviaires et fluviaux ;",
            "un potentiel de recherche concentré dans quatre universités et de nombreux centres "
            "techniques ;",
            "une grande diversité de paysages, de sites de mémoire et de produits du terroir, "
            "favorable au tourisme.",
        ],
    ),
    ("p", "Il relève également plusieurs fragilités :"),
    (
        "ul",
        [
            "un effort de recherche et développement inférieur à la moyenne nationale (1,4 % du "
            "PIB en 2021) ;",
            "une dépendance marquée de certaines zones d'emploi à un petit nombre de grands "
            "établissements ;",
            "des tensions de recrutement dans l'industrie, le bâtiment, le transport et "
            "l'hôtellerie-restauration ;",
            "une offre de foncier économique inégalement répartie, souvent mal adaptée aux "
            "besoins des entreprises et parfois occupée par des friches ;",
            "un vieillissement des chefs d'entreprise qui fait peser un risque sur la "
            "transmission de nombreuses TPE et PME.",
        ],
    ),
    # ------------------------------------------------------------------ 3
    ("h1", "3. Bilan de la période 2017-2021"),
    (
        "p",
        "Le premier schéma régional, adopté en 2017, avait fixé cinq priorités : l'industrie du "
        "futur, l'innovation, l'internationalisation, l'économie de proximité et l'attractivité. "
        "Sa mise en œuvre a été profondément affectée par la crise sanitaire de 2020, qui a "
        "conduit la Région à mobiliser en urgence des dispositifs de soutien à la trésorerie des "
        "entreprises. Ce chapitre présente un bilan synthétique de cette période.",
    ),
    ("h2", "3.1 Les aides régionales aux entreprises"),
    (
        "p",
        "Entre 2017 et 2021, la Région a accompagné 6 840 entreprises au moyen de subventions, "
        "d'avances remboursables ou de prises de participation, pour un montant total de 412 "
        "millions d'euros. Les PME représentent 78 % des bénéficiaires. Les aides à "
        "l'investissement productif et à la modernisation des équipements ont absorbé près de la "
        "moitié des crédits, devant les aides à l'innovation (23 %) et les aides à "
        "l'internationalisation (9 %). Les fonds de prêts d'honneur, gérés avec les réseaux "
        "d'accompagnement, ont par ailleurs permis de soutenir 3 150 créations et reprises "
        "d'entreprises.",
    ),
    (
        "p",
        "La crise sanitaire a entraîné la création de dispositifs exceptionnels. Le fonds de "
        "résistance, constitué avec les départements et les intercommunalités, a versé 96 "
        "millions d'euros d'avances remboursables à 7 300 entreprises entre avril 2020 et juin "
        "2021. Les remboursements sont en cours et le taux de défaillance observé reste "
        "inférieur à 6 %.",
    ),
    ("h2", "3.2 Les Pactes Offensive Croissance Emploi"),
    (
        "p",
        f"Afin d'ancrer la politique économique régionale dans les territoires, la Région a "
        f"proposé dès 2017 aux PETR et aux intercommunalités de conclure des Pactes Offensive "
        f"Croissance Emploi. Au total, {PACTS_TOTAL} pactes ont été signés : {PACTS_PETR} avec "
        f"des PETR et {PACTS_EPCI} avec des EPCI. Chaque pacte repose sur un diagnostic du "
        "territoire, une stratégie déclinée en axes et en objectifs, et un programme d'actions "
        "pluriannuel. Il constitue un lieu de dialogue entre la Région et le territoire et "
        "précise la répartition des rôles, notamment en matière d'immobilier d'entreprise et de "
        "zones d'activités.",
    ),
    (
        "p",
        f"Les bilans transmis par les territoires recensent {fr_int(PACT_ACTIONS)} actions "
        f"inscrites dans les pactes. Fin 2021, {fr_int(PACT_DONE)} d'entre elles étaient "
        f"réalisées, soit {round(share(PACT_DONE, PACT_ACTIONS))} %, "
        f"{fr_int(PACT_ONGOING)} étaient en cours "
        f"({round(share(PACT_ONGOING, PACT_ACTIONS))} %) et {fr_int(PACT_NOT_DONE)} n'avaient "
        f"pas été engagées ({round(share(PACT_NOT_DONE, PACT_ACTIONS))} %). Ces moyennes "
        "régionales masquent des situations très diverses selon les territoires, le taux de "
        "réalisation variant de 31 % à 84 % d'un pacte à l'autre. Les résultats détaillés de "
        "chaque pacte figurent dans les évaluations réalisées par les territoires eux-mêmes et "
        "ne sont pas repris ici.",
    ),
    ("table", PACT_TABLE),
    (
        "p",
        "Les actions réalisées relèvent principalement de quatre familles : l'animation "
        "économique et la mise en réseau des entreprises, l'aménagement ou la requalification "
        "de zones d'activités, le soutien au commerce et à l'artisanat de proximité, et la "
        "structuration de l'offre touristique. Les actions non engagées concernent le plus "
        "souvent des équipements dont le financement n'a pas pu être bouclé ou des études "
        "dont l'utilité a été remise en cause par la crise sanitaire. Dans la Meuse, par "
        "exemple, le PETR Cœur de Lorraine a conduit l'évaluation de son pacte au début de "
        "l'année 2022 ; ses résultats alimentent la préparation des pactes de la génération "
        "suivante.",
    ),
    ("h2", "3.3 Les enseignements"),
    ("p", "Le bilan de la période 2017-2021 conduit à retenir cinq enseignements principaux :"),
    (
        "ul",
        [
            "les pactes ont renforcé le dialogue entre la Région et les territoires, mais leur "
            "suivi est resté inégal faute d'indicateurs communs ;",
            "les territoires dotés d'un animateur économique dédié obtiennent des taux de "
            "réalisation nettement supérieurs aux autres ;",
            "les aides régionales ont surtout bénéficié aux entreprises déjà structurées ; les "
            "TPE des espaces ruraux restent difficiles à atteindre ;",
            "le foncier économique disponible s'est raréfié dans les agglomérations alors que "
            "de nombreuses zones rurales restent partiellement vides ;",
            "la transition écologique a été peu présente dans la première génération de pactes "
            "et doit devenir un fil conducteur de la suivante.",
        ],
    ),
    # ------------------------------------------------------------------ 4
    ("h1", "4. Orientations et objectifs"),
    (
        "p",
        "Le schéma 2023-2028 s'organise autour de cinq orientations, chacune déclinée en "
        "objectifs. Les orientations précisent les priorités de l'intervention régionale ; les "
        "objectifs décrivent les résultats attendus et les principaux moyens d'action. Les "
        "territoires sont invités à s'appuyer sur cette architecture pour construire leurs "
        "propres pactes, en retenant les orientations et les objectifs les plus adaptés à leur "
        "situation.",
    ),
    (
        "box",
        "Les cinq orientations du schéma\n"
        "Orientation 1 : Accompagner la transformation des entreprises existantes\n"
        "Orientation 2 : Accélérer la transition écologique de l'économie régionale\n"
        "Orientation 3 : Faire de l'innovation un moteur de compétitivité\n"
        "Orientation 4 : Renforcer l'attractivité et l'économie de proximité des territoires\n"
        "Orientation 5 : S'ouvrir à l'international et développer les compétences",
    ),
    ("h2", "4.1 Orientation 1 : Accompagner la transformation des entreprises existantes"),
    (
        "p",
        "La majorité des emplois de demain se trouve dans les entreprises qui existent "
        "aujourd'hui. La Région entend donc consacrer une part importante de ses moyens au "
        "maintien et au développement des entreprises existantes, qu'il s'agisse de sécuriser "
        "leur transmission, de moderniser leur outil de production ou de les aider à traverser "
        "des difficultés conjoncturelles.",
    ),
    ("h3", "4.1.1 Objectif 1.1 : Sécuriser la transmission et la reprise des entreprises"),
    (
        "p",
        "La Région soutiendra un programme régional de transmission associant les chambres "
        "consulaires, les experts-comptables et les réseaux bancaires. Il comprendra un repérage "
        "systématique des dirigeants de plus de 55 ans, un diagnostic de transmissibilité "
        "gratuit et une bourse régionale des entreprises à reprendre. Les repreneurs pourront "
        "bénéficier d'un prêt d'honneur porté à 50 000 euros et d'un accompagnement "
        "post-reprise de deux ans. L'objectif est de porter de 410 à 650 le nombre de reprises "
        "accompagnées chaque année.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            'organiser chaque année, dans chaque département, une journée de la transmission ;',
            'financer des diagnostics de transmissibilité réalisés par les chambres consulaires ;',
            'créer une bourse régionale en ligne des entreprises à reprendre ;',
            "renforcer le prêt d'honneur « Transmission Grand Est » et l'accompagnement post-reprise.",
        ],
    ),
    ("h3", "4.1.2 Objectif 1.2 : Moderniser l'outil de production"),
    (
        "p",
        "Le programme régional d'industrie du futur sera prolongé et ouvert plus largement aux "
        "entreprises artisanales de production. Il finance des diagnostics, des investissements "
        "de robotisation et de numérisation, ainsi que la formation des salariés aux nouveaux "
        "équipements. Une attention particulière sera portée aux entreprises de moins de 50 "
        "salariés, qui représentent 85 % des établissements industriels de la région mais ne "
        "captaient que 41 % des aides à la modernisation sur la période précédente.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "prolonger le programme régional d'industrie du futur jusqu'en 2028 ;",
            'ouvrir les aides à la modernisation aux entreprises artisanales de production ;',
            'financer des diagnostics numériques pour les entreprises de moins de 50 salariés ;',
            'accompagner la formation des salariés aux nouveaux équipements.',
        ],
    ),
    ("h3", "4.1.3 Objectif 1.3 : Anticiper les mutations économiques"),
    (
        "p",
        "Une cellule régionale de veille, associant l'État, les intercommunalités et les "
        "organisations professionnelles, repérera le plus tôt possible les entreprises en "
        "difficulté et les filières menacées. Elle s'appuiera sur les développeurs économiques "
        "des territoires, qui connaissent le mieux la situation des entreprises locales. Des "
        "plans d'accompagnement des mutations pourront être engagés à l'échelle d'un bassin "
        "d'emploi, en mobilisant la formation des salariés et la recherche de repreneurs.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            'installer une cellule régionale de veille sur les entreprises en difficulté ;',
            'outiller les développeurs économiques des territoires pour le repérage précoce ;',
            "engager des plans d'accompagnement des mutations à l'échelle des bassins d'emploi.",
        ],
    ),
    ("h2", "4.2 Orientation 2 : Accélérer la transition écologique de l'économie régionale"),
    (
        "p",
        "La transition écologique constitue à la fois une contrainte et une opportunité pour "
        "les entreprises. La hausse des prix de l'énergie, les objectifs de réduction des "
        "émissions et les attentes des clients imposent des transformations profondes, mais "
        "ouvrent aussi de nouveaux marchés dans la rénovation énergétique, les énergies "
        "renouvelables, le recyclage et la bioéconomie.",
    ),
    ("h3", "4.2.1 Objectif 2.1 : Économiser et requalifier le foncier économique"),
    (
        "p",
        "Conformément à l'objectif de zéro artificialisation nette, la création de nouvelles "
        "zones d'activités sur des terres agricoles ou naturelles devra devenir l'exception. La "
        "Région aidera les intercommunalités à recenser leur foncier économique, à densifier les "
        "zones existantes et à requalifier les friches industrielles et commerciales. Un fonds "
        "régional de requalification des friches, doté de 60 millions d'euros sur la durée du "
        "schéma, financera les études, la dépollution et la remise en état des terrains. La "
        "cible est de porter à 600 hectares la surface de friches économiques requalifiées.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "aider les EPCI à réaliser l'inventaire de leurs zones d'activités et de leur foncier disponible ;",
            "créer un fonds régional de requalification des friches doté de 60 millions d'euros ;",
            'soutenir la densification des zones existantes plutôt que leur extension ;',
            'alimenter un observatoire régional du foncier économique.',
        ],
    ),
    ("h3", "4.2.2 Objectif 2.2 : Développer l'économie circulaire et l'écologie industrielle"),
    (
        "p",
        "Les démarches d'écologie industrielle et territoriale permettent aux entreprises "
        "voisines de mutualiser leurs flux de matières, d'énergie ou de déchets. La Région "
        "soutiendra l'animation de ces démarches à l'échelle des zones d'activités et des "
        "bassins d'emploi, ainsi que les projets de réemploi, de réparation et de recyclage. "
        "Elle encouragera les achats responsables des collectivités et la structuration de "
        "filières locales de matériaux biosourcés.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "financer l'animation de démarches d'écologie industrielle et territoriale ;",
            'soutenir les projets de réemploi, de réparation et de recyclage ;',
            'structurer des filières locales de matériaux biosourcés, notamment le bois et le chanvre.',
        ],
    ),
    ("h3", "4.2.3 Objectif 2.3 : Décarboner l'industrie"),
    (
        "p",
        "Un accompagnement spécifique sera proposé aux établissements industriels les plus "
        "consommateurs d'énergie : diagnostic énergétique, aide aux investissements "
        "d'efficacité énergétique, recours à la chaleur renouvelable et à l'hydrogène "
        "décarboné. La part des industriels engagés dans un plan de décarbonation devrait "
        "passer de 12 % en 2021 à 35 % en 2028.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            'proposer un diagnostic énergétique gratuit aux établissements industriels ;',
            "financer les investissements d'efficacité énergétique par avance remboursable ;",
            "accompagner les projets de chaleur renouvelable et d'hydrogène décarboné.",
        ],
    ),
    ("h2", "4.3 Orientation 3 : Faire de l'innovation un moteur de compétitivité"),
    (
        "p",
        "L'innovation ne se limite pas à la recherche technologique : elle concerne aussi les "
        "modes d'organisation, les usages du numérique, le design des produits et les modèles "
        "économiques. La Région veut permettre à toutes les entreprises, y compris les plus "
        "petites et celles des espaces ruraux, d'accéder à une offre d'accompagnement à "
        "l'innovation adaptée à leurs besoins.",
    ),
    ("h3", "4.3.1 Objectif 3.1 : Renforcer la recherche partenariale"),
    (
        "p",
        "Les projets collaboratifs entre laboratoires et entreprises seront soutenus par un "
        "appel à projets annuel, doté de 18 millions d'euros. Les pôles de compétitivité, les "
        "centres techniques et les plateformes technologiques des lycées et des universités "
        "seront mobilisés pour faciliter le transfert de technologies vers les PME. L'objectif "
        "est de porter la dépense de recherche et développement à 2,0 % du PIB régional en "
        "2028.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "lancer chaque année un appel à projets de recherche collaborative doté de 18 millions d'euros ;",
            'soutenir les plateformes technologiques des lycées et des universités ;',
            'cofinancer les thèses réalisées en entreprise.',
        ],
    ),
    ("h3", "4.3.2 Objectif 3.2 : Diffuser l'innovation dans tous les territoires"),
    (
        "p",
        "Un réseau de chargés d'affaires innovation, répartis dans les départements, ira à la "
        "rencontre des entreprises qui n'ont jamais bénéficié d'un accompagnement. Des tiers-"
        "lieux, des fab-labs et des espaces de travail partagés pourront être labellisés comme "
        "points d'entrée de ce réseau dans les villes moyennes et les bourgs-centres.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "recruter douze chargés d'affaires innovation répartis dans les départements ;",
            "labelliser des tiers-lieux et des fab-labs comme points d'entrée du réseau ;",
            'créer un chèque innovation de 5 000 euros pour les TPE.',
        ],
    ),
    ("h2", "4.4 Orientation 4 : Renforcer l'attractivité et l'économie de proximité des territoires"),
    (
        "p",
        "L'attractivité d'un territoire repose sur la qualité de son cadre de vie, de ses "
        "services et de son offre d'emploi autant que sur ses infrastructures. Cette orientation "
        "rassemble les actions qui contribuent à faire vivre l'économie de proximité : "
        "agriculture et alimentation locales, commerce et artisanat, tourisme. Elle constitue "
        "le cœur des pactes territoriaux conclus avec les PETR et les intercommunalités.",
    ),
    ("h3", "4.4.1 Objectif 4.1 : Développer les circuits courts et l'alimentation locale"),
    (
        "p",
        "La Région soutiendra les investissements collectifs qui permettent aux agriculteurs de "
        "transformer et de vendre eux-mêmes leurs produits : magasins de producteurs, ateliers "
        "de découpe et de transformation partagés, légumeries, plateformes logistiques de "
        "proximité. Elle accompagnera les projets alimentaires territoriaux et "
        "l'approvisionnement local de la restauration collective, en particulier dans les "
        "lycées. L'objectif est de porter à 9 000 le nombre de producteurs engagés en circuits "
        "courts.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "soutenir la création de magasins de producteurs et d'ateliers de transformation partagés ;",
            "financer des légumeries et des plateformes d'approvisionnement de la restauration collective ;",
            'accompagner les projets alimentaires territoriaux portés par les PETR et les EPCI ;',
            'porter à 50 % la part des produits locaux servis dans les lycées.',
        ],
    ),
    ("h3", "4.4.2 Objectif 4.2 : Faire du tourisme un levier d'attractivité"),
    (
        "p",
        "La stratégie touristique régionale privilégie quatre filières : le tourisme de "
        "mémoire, l'itinérance à vélo et à pied, le tourisme de nature autour des lacs, des "
        "forêts et des parcs naturels régionaux, et l'œnotourisme. La Région aidera la montée "
        "en gamme et la création d'hébergements, l'aménagement de véloroutes et de sentiers, "
        "ainsi que la promotion coordonnée des destinations auprès des clientèles de proximité "
        "et des pays voisins. Les offices de tourisme intercommunaux sont invités à mutualiser "
        "leurs outils de promotion à l'échelle des destinations.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            'aider la création et la montée en gamme des hébergements touristiques ;',
            'achever le réseau régional de véloroutes et de voies vertes ;',
            'valoriser les sites de mémoire de la Première Guerre mondiale ;',
            'conduire des campagnes de promotion communes auprès des clientèles belge, néerlandaise, allemande et luxembourgeoise.',
        ],
    ),
    ("h3", "4.4.3 Objectif 4.3 : Maintenir le commerce et l'artisanat dans les bourgs"),
    (
        "p",
        "Dans les communes rurales et les petites villes, la Région cofinancera avec les "
        "intercommunalités des aides à la modernisation des commerces et des entreprises "
        "artisanales : rénovation des vitrines, mise en accessibilité, équipements "
        "professionnels et outils numériques de vente. Les opérations de revitalisation des "
        "centres-bourgs pourront comprendre l'acquisition de locaux vacants et l'appui à "
        "l'installation de nouveaux commerçants.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "cofinancer avec les EPCI des aides à la modernisation des commerces et de l'artisanat ;",
            "soutenir l'acquisition et la rénovation de locaux commerciaux vacants ;",
            'accompagner la vente en ligne et la visibilité numérique des commerces de proximité.',
        ],
    ),
    ("h2", "4.5 Orientation 5 : S'ouvrir à l'international et développer les compétences"),
    (
        "p",
        "L'ouverture internationale et la disponibilité de salariés qualifiés sont deux "
        "conditions de la croissance des entreprises. La Région propose de les traiter "
        "ensemble, tant les difficultés de recrutement pèsent aujourd'hui sur la capacité des "
        "entreprises à saisir de nouveaux marchés.",
    ),
    ("h3", "4.5.1 Objectif 5.1 : Accompagner les entreprises à l'export"),
    (
        "p",
        "Un guichet unique de l'export, animé avec les chambres de commerce et d'industrie et "
        "les opérateurs nationaux, proposera un parcours complet aux primo-exportateurs : "
        "diagnostic, participation à des salons, volontariat international en entreprise et "
        "assurance prospection. La Région vise 17 000 entreprises exportatrices en 2028, contre "
        "14 800 en 2021.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "créer un guichet unique de l'export avec les chambres de commerce et d'industrie ;",
            'organiser des pavillons régionaux sur une vingtaine de salons internationaux par an ;',
            'financer le volontariat international en entreprise pour les PME.',
        ],
    ),
    ("h3", "4.5.2 Objectif 5.2 : Répondre aux besoins de compétences des entreprises"),
    (
        "p",
        "Des plans de recrutement seront construits par bassin d'emploi avec les entreprises, "
        "le service public de l'emploi et les organismes de formation. Ils comprendront des "
        "actions de découverte des métiers, des formations courtes financées par la Région et "
        "des aides au logement des salariés et des apprentis dans les territoires où l'offre "
        "de logement fait défaut.",
    ),
    ("p", "Actions envisagées :"),
    (
        "ul",
        [
            "construire un plan de recrutement dans chaque bassin d'emploi ;",
            'financer des formations courtes adaptées aux besoins des entreprises ;',
            'soutenir le logement des salariés et des apprentis dans les territoires ruraux.',
        ],
    ),
    ("h2", "4.6 Indicateurs et valeurs cibles"),
    (
        "p",
        "Le tableau 4 rassemble les principaux indicateurs retenus pour suivre la mise en œuvre "
        "des orientations. Chaque indicateur est assorti d'une valeur de référence et d'une "
        "cible à l'horizon 2028. Les territoires signataires d'un pacte seront invités à "
        "renseigner les indicateurs qui les concernent.",
    ),
    ("table", INDICATOR_TABLE),
    # ------------------------------------------------------------------ 5
    ("h1", "5. Déclinaison territoriale du schéma"),
    (
        "p",
        "La réussite du schéma dépend de sa traduction concrète dans chaque territoire. La "
        "Région souhaite s'appuyer sur les PETR et les intercommunalités, qui connaissent le "
        "mieux les besoins des entreprises locales, et sur les réseaux de développeurs "
        "économiques qui les accompagnent au quotidien.",
    ),
    ("h2", "5.1 Une nouvelle génération de pactes territoriaux"),
    (
        "p",
        "Les Pactes Offensive Croissance Emploi ont constitué la première déclinaison "
        "territoriale de la stratégie économique régionale. Les pactes territoriaux de relance "
        "et de transition écologique (PTRTE) en prennent le relais. Signés avec les PETR et les "
        "EPCI pour une durée de six ans, ils élargissent le champ des pactes à la transition "
        "écologique, à la santé, aux mobilités et aux services à la population, tout en "
        "conservant un volet économique substantiel. Le volet économique de chaque PTRTE "
        "devra être compatible avec les orientations du présent schéma.",
    ),
    ("p", "Chaque pacte de la nouvelle génération comprendra au minimum :"),
    (
        "ul",
        [
            "un diagnostic partagé du territoire et le bilan du pacte précédent lorsqu'il "
            "existe ;",
            "une stratégie organisée en axes et en objectifs, rattachés aux orientations du "
            "schéma régional ;",
            "un programme d'actions pluriannuel indiquant pour chaque action son porteur, son "
            "calendrier et son plan de financement ;",
            "une liste d'indicateurs de résultat choisis parmi ceux du tableau 4 ;",
            "des modalités de gouvernance prévoyant au moins un comité de pilotage par an.",
        ],
    ),
    ("h2", "5.2 Le rôle des intercommunalités"),
    (
        "p",
        "Les EPCI sont compétents pour l'aménagement et la gestion des zones d'activités et "
        "pour les aides à l'immobilier d'entreprise. Ils constituent à ce titre des partenaires "
        "essentiels de la Région pour l'accueil des entreprises. Le schéma leur propose de "
        "conclure avec la Région des conventions précisant les conditions de cofinancement des "
        "aides à l'immobilier, les modalités d'échange d'informations sur les entreprises "
        "aidées et la programmation des opérations de requalification du foncier économique.",
    ),
    (
        "p",
        "La Région encourage les intercommunalités d'un même bassin de vie à coordonner leur "
        "offre foncière plutôt qu'à se concurrencer. Un observatoire régional du foncier "
        "économique, alimenté par les EPCI, permettra de connaître en continu les surfaces "
        "disponibles, les friches et les projets d'extension, zone par zone.",
    ),
    ("h2", "5.3 Le réseau des développeurs économiques"),
    (
        "p",
        "Les développeurs économiques des PETR, des intercommunalités, des agences de "
        "développement et des chambres consulaires forment le premier niveau de contact des "
        "entreprises. La Région animera leur réseau dans chaque département, au rythme d'au "
        "moins deux réunions par an, afin de partager les informations sur les projets "
        "d'entreprise, les aides mobilisables et les difficultés rencontrées. Un outil commun "
        "de suivi des entreprises accompagnées sera mis à leur disposition à partir de 2024.",
    ),
    ("h2", "5.4 Les territoires de projet"),
    (
        "p",
        "Le Grand Est compte 29 PETR et pays, qui regroupent le plus souvent plusieurs "
        "communautés de communes rurales autour d'un projet de territoire commun. Dans ces "
        "territoires, le PETR assure l'animation économique et la coordination des actions "
        "inscrites dans le pacte, tandis que les communautés de communes conservent la maîtrise "
        "des zones d'activités et des aides à l'immobilier. Cette organisation a fait ses "
        "preuves dans la première génération de pactes : elle permet de mutualiser une "
        "ingénierie que chaque intercommunalité ne pourrait pas financer seule.",
    ),
    (
        "p",
        "La Région propose aux territoires de projet un soutien à l'ingénierie économique, sous "
        "la forme d'une participation au financement d'un poste d'animateur ou de développeur "
        "économique, à hauteur de 50 % du coût du poste dans la limite de 30 000 euros par an. "
        "En contrepartie, le territoire s'engage à participer au réseau des développeurs, à "
        "renseigner les indicateurs du pacte et à réunir son comité de pilotage au moins une "
        "fois par an.",
    ),
    (
        "box",
        "Exemple de déclinaison d'un objectif régional dans un pacte territorial\n"
        "Objectif régional 4.1 : Développer les circuits courts et l'alimentation locale\n"
        "Objectif du pacte : favoriser le développement des circuits de proximité\n"
        "Action : création d'un magasin de producteurs dans un bourg-centre\n"
        "Indicateur : nombre de producteurs engagés en circuits courts",
    ),
    # ------------------------------------------------------------------ 6
    ("h1", "6. Moyens financiers"),
    (
        "p",
        f"La Région prévoit de consacrer {BUDGET_BILLIONS} milliard d'euros de crédits propres à "
        f"la mise en œuvre du schéma entre 2023 et 2028, soit {BUDGET_2023} millions d'euros en "
        f"2023 et {BUDGET_2024} millions d'euros en 2024. Ces montants sont indicatifs : ils "
        "seront votés chaque année lors de l'adoption du budget primitif et pourront être "
        "ajustés en fonction de la conjoncture et du rythme de consommation des crédits. Le "
        "tableau 5 présente leur répartition entre les cinq orientations.",
    ),
    ("table", BUDGET_TABLE),
    ("h2", "6.1 Les fonds européens"),
    (
        "p",
        "Les crédits régionaux seront complétés par les fonds européens dont la Région est "
        "autorité de gestion. Le programme FEDER-FSE+ 2021-2027 réserve environ 310 millions "
        "d'euros à la recherche, à l'innovation et à la compétitivité des PME, et 220 millions "
        "d'euros à la transition énergétique. Le fonds européen agricole pour le développement "
        "rural soutiendra en outre les investissements des entreprises agroalimentaires et les "
        "projets de circuits courts.",
    ),
    ("h2", "6.2 Les outils d'intervention"),
    ("p", "Pour chaque orientation, la Région pourra mobiliser plusieurs types d'outils :"),
    (
        "ul",
        [
            "des subventions, réservées en priorité aux TPE, aux projets collectifs et aux "
            "projets d'innovation les plus risqués ;",
            "des avances remboursables et des prêts à taux zéro, qui deviennent l'outil de "
            "droit commun pour les investissements des PME ;",
            "des fonds de garantie et des prêts d'honneur, gérés avec les réseaux "
            "d'accompagnement et les banques ;",
            "des prises de participation au capital des entreprises, par l'intermédiaire des "
            "fonds d'investissement régionaux.",
        ],
    ),
    # ------------------------------------------------------------------ 7
    ("h1", "7. Gouvernance, suivi et évaluation"),
    ("h2", "7.1 Les instances"),
    (
        "p",
        "Un comité régional de suivi du schéma, présidé par le vice-président chargé du "
        "développement économique, réunira chaque année les représentants des départements, des "
        "intercommunalités, des PETR, des chambres consulaires et des organisations "
        "professionnelles. Il examinera le rapport annuel de mise en œuvre et proposera, le cas "
        "échéant, des ajustements. La conférence territoriale de l'action publique sera "
        "informée chaque année de l'avancement du schéma.",
    ),
    ("h2", "7.2 Le suivi des pactes territoriaux"),
    (
        "p",
        "Chaque pacte territorial fera l'objet d'un comité de pilotage annuel, associant la "
        "Région et le territoire signataire, et d'un bilan à mi-parcours. L'évaluation finale "
        "de chaque pacte indiquera la part des actions réalisées, en cours et non réalisées, "
        "les résultats obtenus au regard des indicateurs choisis et les suites envisagées. Ces "
        "évaluations seront consolidées par la Région afin d'alimenter le bilan du schéma.",
    ),
    ("h2", "7.3 Le calendrier"),
    ("p", "Le calendrier prévisionnel d'adoption et de mise en œuvre du schéma est le suivant :"),
    (
        "ul",
        [
            "14 octobre 2022 : diffusion de la présente version de travail aux territoires ;",
            "8 novembre 2022 : présentation en conférence territoriale de l'action publique ;",
            "15 décembre 2022 : adoption du schéma par l'assemblée régionale ;",
            "1er janvier 2023 : entrée en vigueur du schéma et des nouveaux régimes d'aide ;",
            "second semestre 2025 : bilan à mi-parcours et ajustement des objectifs ;",
            "2028 : évaluation finale du schéma et préparation du suivant.",
        ],
    ),
    # ------------------------------------------------------------------ annex
    ("h1", "Annexe 1 – Principaux dispositifs d'aide"),
    (
        "p",
        "Le tableau 6 présente les dispositifs d'aide que la Région envisage de mettre en place "
        "ou de reconduire pour la mise en œuvre du schéma. Les plafonds indiqués s'entendent par "
        "projet ; les taux d'intervention seront précisés dans les règlements des dispositifs, "
        "dans le respect des régimes d'aides d'État applicables.",
    ),
    ("table", SCHEME_TABLE),
    (
        "p",
        "Les aides à l'immobilier d'entreprise ne figurent pas dans ce tableau : elles relèvent "
        "des communes et des EPCI, la Région pouvant intervenir en complément par convention. "
        "Les aides des intercommunalités au commerce et à l'artisanat sont cofinancées par la "
        "Région dans la limite de 50 % de l'aide publique totale.",
    ),
    ("h1", "Annexe 2 – Les pactes territoriaux 2017-2021"),
    (
        "p",
        f"Le tableau 7 recense les {PACTS_TOTAL} Pactes Offensive Croissance Emploi signés entre "
        "2017 et 2021, selon le département et la nature du signataire. Lorsqu'un PETR a signé un "
        "pacte, les communautés de communes qui le composent n'ont pas conclu de pacte distinct ; "
        "elles sont toutefois associées au comité de pilotage du pacte de leur PETR.",
    ),
    ("table", PACTS_BY_DEPARTMENT_TABLE),
    (
        "p",
        "Les conventions ont été signées pour l'essentiel entre le second semestre 2017 et la fin "
        "de l'année 2018 ; les derniers pactes ont été conclus en 2019. Les pactes arrivent à "
        "échéance entre le 31 décembre 2021 et le 31 décembre 2022 ; chacun d'eux doit faire "
        "l'objet d'une évaluation finale transmise à la Région.",
    ),
    ("h1", "Annexe 3 – Glossaire des sigles"),
    (
        "p",
        "Les sigles suivants sont utilisés dans le présent document. Ils figurent également "
        "dans le cahier de diagnostic et dans les fiches des dispositifs d'aide.",
    ),
    ("table", GLOSSARY_TABLE),
]
