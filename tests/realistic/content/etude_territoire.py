"""« Étude socio-économique du territoire — PETR Cœur de Lorraine »: fictional figures.

Tables and prose are computed from the same raw numbers, so totals agree everywhere.
"""

from __future__ import annotations

from realistic.content import zones
from realistic.content.numbers import fr_dec, fr_int, fr_pct, share
from realistic.report_pdf import Table

SHORT_TITLE = "PETR Cœur de Lorraine — Étude socio-économique du territoire"
HEADER_RIGHT = "Septembre 2022"
PDF_TITLE = "Étude socio-économique du territoire — PETR Cœur de Lorraine"

COVER = {
    "institution": "PETR CŒUR DE LORRAINE",
    "title": ["Étude socio-économique", "du territoire"],
    "subtitle": "Portrait statistique et enjeux économiques",
    "status": "RAPPORT D'ÉTUDE",
    "lines": [
        "CC Côtes de Meuse en Woëvre • CC de l'Aire à l'Argonne",
        "CC du Sammiellois • CC Fresnes en Woëvre",
        "Service développement économique — septembre 2022",
    ],
    "warning": "Données de l'année 2020 sauf mention contraire",
}

# --------------------------------------------------------------------------- figures
# (CC, seat, communes, area km², population 2014, population 2020, establishments,
#  salaried jobs, unemployment rate %)
CC = [
    ("CC Côtes de Meuse en Woëvre", "Vigneulles-lès-Hattonchâtel", 64, 620, 14_318, 13_904, 1_128, 3_412, 7.4),
    ("CC de l'Aire à l'Argonne", "Triaucourt-en-Argonne", 53, 512, 7_540, 7_296, 598, 1_786, 6.9),
    ("CC du Sammiellois", "Saint-Mihiel", 20, 296, 11_602, 10_984, 964, 3_971, 10.2),
    ("CC Fresnes en Woëvre", "Fresnes-en-Woëvre", 27, 224, 6_301, 6_228, 487, 1_402, 8.1),
]
COMMUNES = sum(c[2] for c in CC)
AREA = sum(c[3] for c in CC)
POP_2014 = sum(c[4] for c in CC)
POP_2020 = sum(c[5] for c in CC)
ESTABLISHMENTS = sum(c[6] for c in CC)
SALARIED_JOBS = sum(c[7] for c in CC)
UNEMPLOYMENT = 8.2  # territory, active population weighting
DENSITY = POP_2020 / AREA


def annual_change(before: int, after: int, years: int = 6) -> float:
    return 100.0 * ((after / before) ** (1 / years) - 1)


POP_CHANGE = annual_change(POP_2014, POP_2020)
assert POP_2020 == 38_412

TERRITORY_TABLE = Table(
    caption="Tableau 1 – Les quatre communautés de communes du PETR",
    headers=[
        "Communauté de communes",
        "Communes",
        "Superficie (km²)",
        "Population 2014",
        "Population 2020",
        "Évolution annuelle",
    ],
    rows=[
        [name, str(n), fr_int(area), fr_int(p14), fr_int(p20), fr_pct(annual_change(p14, p20), 2, signed=True)]
        for name, _, n, area, p14, p20, *_ in CC
    ]
    + [
        [
            "PETR Cœur de Lorraine",
            str(COMMUNES),
            fr_int(AREA),
            fr_int(POP_2014),
            fr_int(POP_2020),
            fr_pct(POP_CHANGE, 2, signed=True),
        ]
    ],
    col_widths=(54, 22, 24, 22, 22, 22),
    total_row=True,
    source="Source : recensements de la population 2014 et 2020 (populations municipales).",
)

ECONOMY_TABLE = Table(
    caption="Tableau 2 – Population, établissements et emploi par communauté de communes",
    headers=[
        "Communauté de communes",
        "Population 2020",
        "Établissements",
        "Emplois salariés",
        "Taux de chômage",
    ],
    rows=[
        [name, fr_int(p20), fr_int(est), fr_int(jobs), fr_pct(rate)]
        for name, _, _, _, _, p20, est, jobs, rate in CC
    ]
    + [["Total PETR", fr_int(POP_2020), fr_int(ESTABLISHMENTS), fr_int(SALARIED_JOBS), fr_pct(UNEMPLOYMENT)]],
    col_widths=(56, 26, 30, 28, 26),
    total_row=True,
    source=(
        "Sources : recensement de la population 2020 ; répertoire des établissements au "
        "31/12/2020 ; emploi salarié au lieu de travail ; taux de chômage au sens du recensement."
    ),
)

# sector: (salaried jobs 2020, salaried jobs 2015)
SECTORS = [
    ("Agriculture, sylviculture et pêche", 742, 781),
    ("Industrie", 2_136, 2_318),
    ("Construction", 861, 842),
    ("Commerce, transports et services divers", 3_318, 3_251),
    ("Administration publique, enseignement, santé, action sociale", 3_514, 3_427),
]
assert sum(s[1] for s in SECTORS) == SALARIED_JOBS
JOBS_2015 = sum(s[2] for s in SECTORS)
SECTOR_TABLE = Table(
    caption="Tableau 3 – Emplois salariés par grand secteur d'activité",
    headers=["Secteur d'activité", "Emplois salariés 2015", "Emplois salariés 2020", "Part en 2020", "Évolution 2015-2020"],
    rows=[
        [name, fr_int(j15), fr_int(j20), fr_pct(share(j20, SALARIED_JOBS)), fr_pct(share(j20 - j15, j15), signed=True)]
        for name, j20, j15 in SECTORS
    ]
    + [
        [
            "Ensemble",
            fr_int(JOBS_2015),
            fr_int(SALARIED_JOBS),
            "100,0 %",
            fr_pct(share(SALARIED_JOBS - JOBS_2015, JOBS_2015), signed=True),
        ]
    ],
    col_widths=(66, 25, 25, 25, 25),
    total_row=True,
    source="Source : emploi salarié au lieu de travail, 2015 et 2020.",
)
INDUSTRY_SHARE = share(2_136, SALARIED_JOBS)
PUBLIC_SHARE = share(3_514, SALARIED_JOBS)

# commuting: where the employed residents work
EMPLOYED_RESIDENTS = 15_640
COMMUTING = [
    ("Dans le territoire du PETR", 7_290),
    ("Agglomération du Grand Verdun", 2_140),
    ("Meurthe-et-Moselle (dont Métropole du Grand Nancy)", 2_310),
    ("Commercy et sa couronne", 1_180),
    ("Moselle (dont Metz Métropole)", 1_020),
    ("Bar-le-Duc et sa couronne", 960),
    ("Luxembourg", 290),
    ("Autres destinations", 450),
]
assert sum(c[1] for c in COMMUTING) == EMPLOYED_RESIDENTS
WORK_INSIDE = COMMUTING[0][1]
WORK_OUTSIDE = EMPLOYED_RESIDENTS - WORK_INSIDE
COMMUTING_TABLE = Table(
    caption="Tableau 4 – Lieu de travail des actifs occupés résidant dans le PETR",
    headers=["Lieu de travail", "Actifs occupés", "Part"],
    rows=[[place, fr_int(n), fr_pct(share(n, EMPLOYED_RESIDENTS))] for place, n in COMMUTING]
    + [["Ensemble des actifs occupés résidents", fr_int(EMPLOYED_RESIDENTS), "100,0 %"]],
    col_widths=(106, 32, 28),
    total_row=True,
    source="Source : recensement de la population 2020, mobilités professionnelles.",
)

# tourism: (type, establishments, beds)
LODGING = [
    ("Hôtels", 9, 392),
    ("Campings", 6, 2_370),
    ("Village de vacances et résidence de tourisme", 1, 520),
    ("Hébergements collectifs (gîtes de groupe, centres)", 5, 480),
    ("Gîtes et meublés de tourisme", 118, 702),
    ("Chambres d'hôtes", 41, 210),
]
LODGING_EST = sum(x[1] for x in LODGING)
LODGING_BEDS = sum(x[2] for x in LODGING)
LODGING_TABLE = Table(
    caption="Tableau 5 – Capacité d'hébergement touristique marchand au 1er janvier 2022",
    headers=["Type d'hébergement", "Établissements", "Lits touristiques", "Part des lits"],
    rows=[[kind, fr_int(n), fr_int(beds), fr_pct(share(beds, LODGING_BEDS))] for kind, n, beds in LODGING]
    + [["Total", fr_int(LODGING_EST), fr_int(LODGING_BEDS), "100,0 %"]],
    col_widths=(80, 30, 30, 26),
    total_row=True,
    source="Source : office de tourisme Cœur de Lorraine ; un emplacement de camping compte pour trois lits.",
)
NIGHTS_2021 = 286_000
MADINE_VISITORS = 310_000

_sam = CC[2]
_cotes = CC[0]

BLOCKS: list[tuple] = [
    ("h1", "1. Objet de l'étude"),
    (
        "p",
        "La présente étude dresse un portrait socio-économique du territoire du PETR Cœur de "
        "Lorraine. Elle a été réalisée par le service développement économique du PETR entre "
        "avril et août 2022, à la demande du comité syndical, afin de préparer la suite du Pacte "
        "Offensive Croissance Emploi 2017-2021 et la négociation du pacte territorial de relance "
        "et de transition écologique avec la Région Grand Est. Elle s'appuie sur les données "
        "publiques les plus récentes, complétées par les informations transmises par les "
        "communautés de communes, les chambres consulaires et l'office de tourisme.",
    ),
    (
        "p",
        "Sauf mention contraire, les chiffres se rapportent à l'année 2020. Ils décrivent le "
        "territoire avant la reprise économique de 2021-2022 et doivent être lus comme un état "
        "des lieux de référence plutôt que comme une photographie de la situation actuelle.",
    ),
    ("h1", "2. Le territoire et sa population"),
    ("h2", "2.1 Quatre communautés de communes rurales"),
    (
        "p",
        f"Situé au cœur du département de la Meuse, entre les Côtes de Meuse, la plaine de la "
        f"Woëvre et les premiers reliefs de l'Argonne, le PETR Cœur de Lorraine regroupe quatre "
        f"communautés de communes et {COMMUNES} communes sur une superficie de "
        f"{fr_int(AREA)} km². Le territoire compte {fr_int(POP_2020)} habitants en 2020, soit "
        f"une densité de {fr_dec(DENSITY)} habitants par km², près de quatre fois inférieure à "
        "la moyenne régionale. Saint-Mihiel, ville-centre et siège du PETR, est la seule commune "
        "de plus de 4 000 habitants ; la très grande majorité des communes comptent moins de "
        "200 habitants.",
    ),
    ("table", TERRITORY_TABLE),
    (
        "p",
        f"La communauté de communes Côtes de Meuse en Woëvre est la plus peuplée, avec "
        f"{fr_int(_cotes[5])} habitants répartis dans {_cotes[2]} communes. La CC du Sammiellois, "
        f"qui ne compte que {_sam[2]} communes, rassemble {fr_int(_sam[5])} habitants autour de "
        "Saint-Mihiel. La CC de l'Aire à l'Argonne, la plus étendue après les Côtes de Meuse, est "
        "aussi la moins densément peuplée, tandis que la CC Fresnes en Woëvre est la plus "
        "petite des quatre par la superficie comme par la population. Les sièges des "
        "communautés de communes sont situés à Vigneulles-lès-Hattonchâtel, "
        "Triaucourt-en-Argonne, Saint-Mihiel et Fresnes-en-Woëvre.",
    ),
    ("h2", "2.2 Une population en léger recul et vieillissante"),
    (
        "p",
        f"Le territoire a perdu {fr_int(POP_2014 - POP_2020)} habitants entre 2014 et 2020, "
        f"passant de {fr_int(POP_2014)} à {fr_int(POP_2020)} habitants, soit une évolution "
        f"annuelle moyenne de {fr_pct(POP_CHANGE, 2)}. Ce recul s'explique à la fois par un solde "
        "naturel négatif, les décès étant plus nombreux que les naissances depuis le début des "
        "années 2010, et par un solde migratoire légèrement déficitaire chez les jeunes adultes, "
        "qui quittent le territoire pour leurs études ou leur premier emploi. Toutes les "
        "communautés de communes sont concernées, mais la baisse est plus marquée dans le "
        "Sammiellois que dans la CC Fresnes en Woëvre, dont la population est presque stable.",
    ),
    (
        "p",
        "La population vieillit : les personnes âgées de 65 ans et plus représentent 24,8 % des "
        "habitants en 2020, contre 21,1 % en 2014, tandis que la part des moins de 20 ans "
        "recule de 23,0 % à 21,3 %. Le territoire compte 16 950 ménages, dont 34 % sont composés "
        "d'une seule personne. Le revenu disponible médian s'élève à 20 940 euros par unité de "
        "consommation, un niveau proche de la moyenne départementale.",
    ),
    ("h1", "3. L'économie et l'emploi"),
    ("h2", "3.1 Établissements et emplois par communauté de communes"),
    (
        "p",
        f"Le territoire accueille {fr_int(ESTABLISHMENTS)} établissements actifs et "
        f"{fr_int(SALARIED_JOBS)} emplois salariés en 2020. Plus de sept établissements sur "
        "dix (71 %) n'emploient aucun salarié : il s'agit pour l'essentiel d'exploitations "
        "agricoles, d'artisans, de commerçants et de professions libérales. Seuls 23 "
        "établissements emploient 50 salariés ou plus. Le taux de chômage atteint "
        f"{fr_pct(UNEMPLOYMENT)} de la population active ; il est nettement plus élevé dans la CC "
        f"du Sammiellois ({fr_pct(_sam[8])}) que dans la CC de l'Aire à l'Argonne "
        f"({fr_pct(CC[1][8])}).",
    ),
    ("table", ECONOMY_TABLE),
    (
        "p",
        f"La CC du Sammiellois concentre {fr_pct(share(_sam[7], SALARIED_JOBS))} des emplois "
        f"salariés du PETR pour {fr_pct(share(_sam[5], POP_2020))} de sa population : "
        "Saint-Mihiel et Chauvoncourt constituent le principal pôle d'emploi du territoire, "
        "avec les services publics, les commerces et les deux principales zones d'activités. "
        "À l'inverse, la CC Fresnes en Woëvre et la CC de l'Aire à l'Argonne offrent moins d'un "
        "emploi salarié pour quatre habitants et dépendent fortement des pôles extérieurs.",
    ),
    ("h2", "3.2 L'emploi par secteur d'activité"),
    (
        "p",
        f"L'administration publique, l'enseignement, la santé et l'action sociale forment le "
        f"premier employeur du territoire, avec {fr_pct(PUBLIC_SHARE)} des emplois salariés. "
        f"L'industrie en représente {fr_pct(INDUSTRY_SHARE)}, une proportion supérieure à la "
        "moyenne nationale qui reflète la présence d'entreprises de la transformation du bois, "
        "de l'agroalimentaire et de la mécanique. L'emploi industriel a cependant reculé de "
        f"{fr_int(2_318 - 2_136)} postes entre 2015 et 2020, alors que le commerce, les services "
        "et la sphère publique ont légèrement progressé.",
    ),
    ("table", SECTOR_TABLE),
    ("h2", "3.3 Agriculture et circuits courts"),
    (
        "p",
        "L'agriculture occupe une place essentielle dans l'économie et les paysages du "
        "territoire. On y dénombre 612 exploitations, orientées principalement vers les grandes "
        "cultures et l'élevage laitier ou allaitant, qui mettent en valeur 96 400 hectares de "
        "surface agricole utile. Environ 58 exploitations pratiquent la vente directe, et deux "
        "points de vente collectifs fonctionnaient en 2022. La viticulture, relancée sur les "
        "Côtes de Meuse depuis les années 1980, compte une douzaine de domaines.",
    ),
    ("h2", "3.4 Le foncier économique"),
    (
        "p",
        f"Le territoire dispose de {len(zones.ZONES)} zones d'activités, gérées par les "
        f"communautés de communes, qui couvrent {fr_dec(zones.TOTAL_HA)} hectares et accueillent "
        f"{zones.COMPANIES} entreprises. Les surfaces encore disponibles atteignent "
        f"{fr_dec(zones.AVAILABLE_HA)} hectares, mais elles sont dispersées et souvent mal "
        "situées par rapport aux axes routiers. La ZA des Avrils, à Saint-Mihiel, est "
        "entièrement occupée. Plusieurs friches, dont une ancienne scierie à "
        "Pierrefitte-sur-Aire, pourraient être requalifiées pour accueillir de nouvelles "
        "activités sans consommer de terres agricoles.",
    ),
    ("h1", "4. Les mobilités domicile-travail"),
    (
        "p",
        f"Sur les {fr_int(EMPLOYED_RESIDENTS)} actifs occupés qui résident dans le PETR, "
        f"{fr_int(WORK_INSIDE)} travaillent sur le territoire, soit "
        f"{fr_pct(share(WORK_INSIDE, EMPLOYED_RESIDENTS))}, et {fr_int(WORK_OUTSIDE)} "
        "travaillent à l'extérieur. Les principales destinations sont la Meurthe-et-Moselle, "
        "et notamment l'agglomération nancéienne, puis l'agglomération du Grand Verdun, "
        "Commercy et Bar-le-Duc. Les déplacements vers le Luxembourg restent limités, mais ils "
        "ont presque doublé en dix ans.",
    ),
    ("table", COMMUTING_TABLE),
    (
        "p",
        "La voiture individuelle est utilisée pour 84 % des trajets domicile-travail. La "
        "distance moyenne parcourue par les actifs qui travaillent hors du territoire atteint "
        "38 kilomètres. L'absence de desserte ferroviaire de voyageurs et la faiblesse de "
        "l'offre de transport collectif rendent les ménages très dépendants du coût des "
        "carburants. Deux aires de covoiturage ont été aménagées en 2021, à Saint-Mihiel et à "
        "Fresnes-en-Woëvre.",
    ),
    ("h1", "5. Le tourisme"),
    (
        "p",
        f"Le tourisme constitue l'un des principaux potentiels de développement du territoire. "
        f"Le lac de Madine, plan d'eau de 1 100 hectares partagé avec le département voisin, "
        f"accueille environ {fr_int(MADINE_VISITORS)} visiteurs par an et concentre l'essentiel "
        "de la capacité d'hébergement. Les sites de mémoire de la Première Guerre mondiale, "
        "autour du saillant de Saint-Mihiel et de la butte de Montsec, le patrimoine de "
        "Saint-Mihiel et d'Hattonchâtel, les vignobles des Côtes de Meuse et les itinéraires de "
        "randonnée complètent l'offre.",
    ),
    (
        "p",
        f"Le territoire compte {LODGING_EST} hébergements touristiques marchands, pour une "
        f"capacité de {fr_int(LODGING_BEDS)} lits. Les campings représentent à eux seuls "
        f"{fr_pct(share(2_370, LODGING_BEDS))} des lits, ce qui rend la fréquentation très "
        "saisonnière. L'offre hôtelière est réduite à neuf établissements, pour la plupart de "
        f"petite taille. Les hébergements marchands ont enregistré {fr_int(NIGHTS_2021)} "
        "nuitées en 2021, dont 27 % de clientèle étrangère, principalement néerlandaise, belge "
        "et allemande.",
    ),
    ("table", LODGING_TABLE),
    ("h1", "6. Synthèse et enjeux"),
    ("p", "L'analyse fait ressortir les forces suivantes :"),
    (
        "ul",
        [
            "un tissu d'entreprises artisanales, agricoles et industrielles bien ancré, avec "
            "des savoir-faire dans le bois, l'agroalimentaire et la mécanique ;",
            "un potentiel touristique important autour du lac de Madine, des sites de mémoire "
            "et du patrimoine ;",
            "un foncier économique encore disponible et des friches à reconquérir ;",
            "un réseau d'acteurs mobilisé dans le cadre du Pacte Offensive Croissance Emploi.",
        ],
    ),
    ("p", "Elle met aussi en évidence plusieurs faiblesses :"),
    (
        "ul",
        [
            "une population en recul et vieillissante ;",
            f"un taux de chômage de {fr_pct(UNEMPLOYMENT)}, plus élevé dans le Sammiellois ;",
            "une forte dépendance aux pôles d'emploi extérieurs et à la voiture ;",
            "une offre d'hébergement touristique saisonnière et peu diversifiée ;",
            "des difficultés de transmission dans le commerce et l'artisanat.",
        ],
    ),
    (
        "p",
        "Ces constats invitent à poursuivre, dans le futur pacte territorial, les trois axes du "
        "Pacte Offensive Croissance Emploi : accueillir de nouvelles activités, soutenir les "
        "entreprises existantes et développer l'économie touristique, en y ajoutant une "
        "attention plus forte à la transition écologique et à la sobriété foncière.",
    ),
]
