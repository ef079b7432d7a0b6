"""Document-aware retrieval on a small purpose-built corpus: the pacts of two territories (ours
and a neighbour's), a regional scheme, our steering committee's minutes and our action register.

A question that names a document is answered from it, even another territory's; « le pacte »
is ours, with or without a profile; the home documents do not bury the regional scheme; the
register answers questions on the present state of the actions, with its own file as source.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.container import Assistant
from assistant.retrieval.document_vocabulary import loose
from assistant.retrieval.documents import DocumentMatcher
from assistant.settings import Settings

HOME_PACT = """# Évaluation du Pacte Offensive Croissance Emploi (POCE) 2018-2022

PETR des Trois Vallées

## Le pacte et son territoire

Le PETR des Trois Vallées réunit trois communautés de communes et 52 communes. Le siège du PETR est à Bellerive.

## La stratégie du pacte

### Axe 1 : Accueillir de nouvelles entreprises

- Créer une pépinière d'entreprises à Bellerive
- Aménager la zone d'activités des Prés

### Axe 2 : Développer le tourisme de pleine nature

- Baliser les sentiers de randonnée
- Créer un site internet touristique

## Bilan quantitatif

Au 31 décembre 2022, 48 % des actions étaient réalisées, 37 % en cours et 15 % non réalisées.
Le pacte a permis de créer 120 emplois sur le territoire.
Le taux de chômage du territoire atteint 6,9 % en 2022.

## Gouvernance

Le comité de pilotage s'est réuni le 14/03/2019 et le 02/12/2021.
"""

OTHER_PACT = """# Évaluation du Pacte Offensive Croissance Emploi 2019-2023

PETR du Haut Plateau

## Le pacte et son territoire

Le PETR du Haut Plateau réunit deux communautés de communes autour de Saint-Lomer.

## La stratégie du pacte

### Axe 1 : Moderniser l'agriculture de montagne

- Ouvrir un abattoir de proximité à Saint-Lomer

### Axe 2 : Accompagner le commerce de centre-bourg

- Créer une union commerciale

La marque Prés en fête, lancée en 2021, fédère 40 commerçants du Haut Plateau.

La coopérative de l'Aubrette, créée en 2020, regroupe 25 éleveurs.

La CCHP (communauté de communes du Haut Plateau) est présidée par Mme Odile Varenne.

## Bilan quantitatif

Au 31 décembre 2023, 72 % des actions étaient réalisées, 20 % en cours et 8 % non réalisées.
Le pacte a permis de créer 340 emplois sur le territoire.
Le coût total des actions du pacte s'élève à 2,4 millions d'euros.

## Gouvernance

Le comité de pilotage s'est réuni le 05/06/2020 et le 18/01/2023.
"""

SCHEME = """# Schéma régional de développement économique, d'innovation et d'internationalisation (SRDEII)

Région Nord-Levant

## Diagnostic économique régional

Le taux de chômage régional s'établit à 8,1 % au quatrième trimestre 2021.
En 2021, 14 200 entreprises ont été créées dans la région, dont 3 100 dans l'industrie.

## Les pactes territoriaux

La Région a signé 31 pactes avec les PETR et les intercommunalités entre 2017 et 2021.
"""

MINUTES = """# Compte rendu du comité de pilotage du 02/12/2021

PETR des Trois Vallées

Le comité valide le programme d'actions 2022 pour un montant de 95 000 euros.
La pépinière d'entreprises de Bellerive ouvrira en 2023.
"""

REGISTER_ROWS = [
    "action;axe;objectif;statut;responsable;date de mise à jour",
    "Pépinière d'entreprises à Bellerive;1;Accueillir;en cours;PETR des Trois Vallées;2024-03-02",
    "Zone d'activités des Prés;1;Accueillir;réalisée;CC de la Rive;2023-05-10",
    "Balisage de 80 km de sentiers de randonnée;2;Tourisme;réalisée;PETR des Trois Vallées;2023-09-18",
    "Site internet touristique bilingue (français, allemand);2;Tourisme;non réalisée;Office de tourisme;2024-06-21",
    "Fête des producteurs;2;Tourisme;en cours;CC de la Rive;2024-11-05",
]

PROFILE = 'territoire = "PETR des Trois Vallées"\nalias = ["Trois Vallées"]\n'


def _write_corpus(corpus: Path, profile: bool) -> None:
    corpus.mkdir(parents=True)
    (corpus / "evaluation-pacte-petr-des-trois-vallees.md").write_text(HOME_PACT, encoding="utf-8")
    (corpus / "evaluation-pacte-petr-du-haut-plateau.md").write_text(OTHER_PACT, encoding="utf-8")
    (corpus / "schema-regional-developpement-economique.md").write_text(SCHEME, encoding="utf-8")
    (corpus / "compte-rendu-copil-2021-12.md").write_text(MINUTES, encoding="utf-8")
    (corpus / "registre-actions.csv").write_text("\n".join(REGISTER_ROWS) + "\n", encoding="utf-8")
    if profile:
        (corpus / "pacte.toml").write_text(PROFILE, encoding="utf-8")


@pytest.fixture(scope="module")
def two_pacts(tmp_path_factory) -> Settings:
    root = tmp_path_factory.mktemp("two-pacts")
    _write_corpus(root / "corpus", profile=True)
    settings = Settings(corpus_dir=root / "corpus", index_dir=root / "index", llm="extractive")
    report = Assistant(settings).ingest.run()
    assert report.failed == []
    return settings


@pytest.fixture(scope="module")
def without_profile(two_pacts, tmp_path_factory) -> Settings:
    """The same index, read with a corpus folder that has no pacte.toml."""
    corpus = tmp_path_factory.mktemp("no-profile") / "corpus"
    shutil.copytree(two_pacts.corpus_dir, corpus, ignore=shutil.ignore_patterns("pacte.toml"))
    return Settings(corpus_dir=corpus, index_dir=two_pacts.index_dir, llm="extractive")


def ask(settings: Settings, question: str):
    return Assistant(settings).answers.ask(question)


def files(answer) -> set[str]:
    return {Path(s.file).name for s in answer.sources}


# a named document answers ---------------------------------------------------------------------
def test_a_question_naming_the_other_pact_is_answered_from_it(two_pacts):
    answer = ask(two_pacts, "Combien d'emplois le pacte du Haut Plateau a-t-il permis de créer ?")
    assert answer.answered and "340" in answer.answer
    assert files(answer) == {"evaluation-pacte-petr-du-haut-plateau.md"}


def test_the_other_pacts_axes_are_not_ours(two_pacts):
    """A question on another territory's pact gets that pact's axes, read from its own document."""
    answer = ask(two_pacts, "Quels sont les axes du pacte du Haut Plateau ?")
    assert answer.answered and files(answer) == {"evaluation-pacte-petr-du-haut-plateau.md"}, answer.answer
    assert "Moderniser l'agriculture de montagne" in answer.answer and "Accompagner le commerce" in answer.answer
    assert "Accueillir de nouvelles entreprises" not in answer.answer
    ours = ask(two_pacts, "Quels sont les axes de notre pacte ?")
    assert "Accueillir de nouvelles entreprises" in ours.answer and "Moderniser l'agriculture" not in ours.answer


def test_a_name_found_only_in_the_other_pact_names_it(two_pacts):
    answer = ask(two_pacts, "Où doit ouvrir l'abattoir de proximité de Saint-Lomer ?")
    assert answer.answered and files(answer) == {"evaluation-pacte-petr-du-haut-plateau.md"}
    # « Prés » is also a name of ours (« zone d'activités des Prés »); « Prés en fête » is theirs
    question = "Combien de commerçants la marque Prés en fête fédère-t-elle ?"
    assert Assistant(two_pacts).answers.retriever.scope(question).named
    answer = ask(two_pacts, question)
    assert answer.answered and "40" in answer.answer
    assert files(answer) == {"evaluation-pacte-petr-du-haut-plateau.md"}


@pytest.mark.parametrize("question, expected", [
    # « de l'Aubrette »: the name follows « l' »; unread, the other pact was excluded and the
    # question declined although its document answers it
    ("Combien d'éleveurs la coopérative de l'Aubrette regroupe-t-elle ?", "25"),
    # « la CCHP » is the other territory's community: an acronym was never read as a name
    ("Qui préside la CCHP ?", "Odile Varenne"),
])
def test_a_name_only_the_other_pacts_documents_hold_names_them(two_pacts, question, expected):
    assert Assistant(two_pacts).answers.retriever.scope(question).named
    answer = ask(two_pacts, question)
    assert answer.answered and expected in answer.answer
    assert files(answer) == {"evaluation-pacte-petr-du-haut-plateau.md"}


# a document named as the subject: those that speak of it answer too -----------------------------
APPROVAL = """# Délibération n° 2023-012 du comité syndical

PETR des Trois Vallées

Séance du 14 mars 2023.

Le comité syndical approuve le rapport d'évaluation du pacte, présenté par le cabinet Trajectoires Conseil.
Vote : adopté par 24 voix pour et 2 abstentions.
"""


@pytest.fixture(scope="module")
def approval(tmp_path_factory) -> Settings:
    """Both pacts' evaluations and the délibération that approved ours (it holds the day)."""
    root = tmp_path_factory.mktemp("approval")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "evaluation-pacte-petr-des-trois-vallees.md").write_text(HOME_PACT, encoding="utf-8")
    (corpus / "evaluation-pacte-petr-du-haut-plateau.md").write_text(OTHER_PACT, encoding="utf-8")
    (corpus / "deliberation-comite-syndical-2023-03.md").write_text(APPROVAL, encoding="utf-8")
    (corpus / "pacte.toml").write_text(PROFILE, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=root / "index", llm="extractive")
    assert Assistant(settings).ingest.run().failed == []
    return settings


def test_a_question_about_a_named_document_is_answered_by_the_one_that_speaks_of_it(approval):
    # « l'évaluation du pacte » names our evaluation report, which does not say who presented it:
    # the délibération approving it does (was: declined, the délibération was out of scope)
    question = "Quel cabinet a présenté l'évaluation du pacte ?"
    retriever = Assistant(approval).answers.retriever
    scope = retriever.scope(question)  # reads the documents' cards
    named = {Path(retriever.focus.documents.cards[d].file).name for d in scope.named}
    assert named == {"evaluation-pacte-petr-des-trois-vallees.md"}
    answer = ask(approval, question)
    assert answer.answered and "Trajectoires Conseil" in answer.answer
    assert files(answer) == {"deliberation-comite-syndical-2023-03.md"}


def test_a_peers_named_document_is_never_widened_to_ours(approval):
    # the other pact's evaluation does not say who presented it; our délibération is not its answer
    answer = ask(approval, "Quel cabinet a présenté l'évaluation du pacte du Haut Plateau ?")
    assert "Trajectoires" not in answer.answer
    assert "deliberation-comite-syndical-2023-03.md" not in files(answer)


# « le pacte » is ours -------------------------------------------------------------------------
@pytest.mark.parametrize("fixture", ["two_pacts", "without_profile"])
def test_le_pacte_is_the_home_pact(fixture, request):
    settings = request.getfixturevalue(fixture)
    answer = ask(settings, "Combien d'emplois le pacte a-t-il permis de créer ?")
    assert answer.answered and "120" in answer.answer and "340" not in answer.answer
    assert files(answer) == {"evaluation-pacte-petr-des-trois-vallees.md"}


@pytest.mark.parametrize("fixture", ["two_pacts", "without_profile"])
def test_the_other_pacts_figures_never_answer_an_unnamed_question(fixture, request):
    settings = request.getfixturevalue(fixture)
    cost = ask(settings, "Quel a été le coût total des actions du pacte ?")
    assert "2,4 millions" not in cost.answer
    assert "evaluation-pacte-petr-du-haut-plateau.md" not in files(cost)  # not even offered to consult
    shares = ask(settings, "Quel est le taux d'actions réalisées ?")
    assert shares.answered and "48" in shares.answer and "72" not in shares.answer


def test_a_near_miss_on_the_pacts_total_cost_is_declined(two_pacts):
    # no document gives the home pact's total cost; the 2022 programme's amount is not it
    assert not ask(two_pacts, "Quel a été le coût total des actions du pacte ?").answered


def test_without_a_profile_the_territory_most_documents_cover_is_home(without_profile):
    focus = Assistant(without_profile).focus
    assert not focus.loaded.active
    assert focus.profile.inferred and loose(focus.profile.territory) == "trois vallees"


# the regional scheme is reached -----------------------------------------------------------------
def test_a_scheme_question_reaches_the_scheme(two_pacts):
    """No territory named and a home figure of the same kind: the scheme's passage still answers."""
    answer = ask(two_pacts, "Quel était le taux de chômage régional au quatrième trimestre 2021 ?")
    assert answer.answered and "8,1 %" in answer.answer
    assert files(answer) == {"schema-regional-developpement-economique.md"}


@pytest.mark.parametrize("question", [
    "Selon le schéma régional, combien d'entreprises ont été créées en 2021 ?",
    "D'après le SRDEII, combien d'entreprises ont été créées en 2021 ?",
])
def test_the_scheme_named_by_kind_or_acronym(two_pacts, question):
    answer = ask(two_pacts, question)
    assert answer.answered and "14 200" in answer.answer
    assert files(answer) == {"schema-regional-developpement-economique.md"}


def test_the_home_documents_keep_a_small_preference(two_pacts):
    retriever = Assistant(two_pacts).retriever
    hits = retriever.retrieve("Quel est le taux de chômage ?")
    assert hits and all(h.in_scope for h in hits)
    # preferred passages gain a fraction of their score, not a fixed bonus over every other
    assert retriever.settings.preferred_boost < 0.5


# the register ---------------------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "Combien d'actions sont en cours aujourd'hui ?",
    "Selon le registre, combien d'actions sont en cours ?",
])
def test_register_questions_are_answered_from_the_register(two_pacts, question):
    answer = ask(two_pacts, question)
    assert answer.answered and answer.tool == "register"
    assert "2 en cours" in answer.answer and "5 actions" in answer.answer
    assert "05/11/2024" in answer.answer  # the latest update
    assert files(answer) == {"registre-actions.csv"}
    assert answer.verified


@pytest.mark.parametrize("question, expected", [
    ("Quelles actions sont en cours selon le registre ?",
     "2 actions en cours, d'après « registre-actions.csv » (dernière mise à jour : 05/11/2024) :\n"
     "- « Pépinière d'entreprises à Bellerive » (PETR des Trois Vallées) [1]\n"
     "- « Fête des producteurs » (CC de la Rive) [2]"),
    ("Which actions are currently not carried out according to the register?",
     "1 action not carried out, according to « registre-actions.csv » (last update 05/11/2024): "
     "« Site internet touristique bilingue (français, allemand) » (Office de tourisme) [1]."),
])
def test_the_register_lists_the_actions_of_the_status_asked(two_pacts, question, expected):
    answer = ask(two_pacts, question)
    assert answer.tool == "register" and answer.verified
    assert answer.answer.replace("\u202f", " ").replace("\xa0", " ") == expected
    assert files(answer) == {"registre-actions.csv"}


def test_a_register_row_answers_as_a_passage(two_pacts):
    """The register has rows, not text: a row is a passage, cited by the register's file and line."""
    answer = ask(two_pacts, "Qui est responsable de la fête des producteurs ?")
    assert answer.answered and "CC de la Rive" in answer.answer
    assert files(answer) == {"registre-actions.csv"}
    assert [s.section for s in answer.sources] == ["ligne 6"]


def test_rows_holding_only_the_territorys_name_are_not_retrieved(two_pacts):
    """Half the rows name the home territory (« PETR des Trois Vallées »): a question naming it
    does not make them relevant, only the words of what it asks do."""
    retriever = Assistant(two_pacts).retriever
    hits = retriever.retrieve("Quelle est la surface du PETR des Trois Vallées ?")
    assert hits and not any(Path(h.chunk.metadata.get("file", "")).name == "registre-actions.csv" for h in hits)
    hits = retriever.retrieve("Qui porte la pépinière d'entreprises du PETR des Trois Vallées ?")
    assert any("Pépinière d'entreprises à Bellerive" in h.chunk.text for h in hits)


# the document matcher ---------------------------------------------------------------------------
def test_cards_read_kinds_acronyms_and_territories(two_pacts):
    matcher = DocumentMatcher(Assistant(two_pacts).catalog, "PETR des Trois Vallées", ["Trois Vallées"])
    matcher.refresh()
    cards = {Path(c.file).name: c for c in matcher.cards.values()}
    scheme = cards["schema-regional-developpement-economique.md"]
    assert "schema" in scheme.kinds and "SRDEII" in scheme.acronyms
    assert scheme.territory.key == "nord levant" and scheme.territory.level == "région"
    other = cards["evaluation-pacte-petr-du-haut-plateau.md"]
    # the other pact never writes « POCE »: its spelt-out title carries it
    assert "POCE" in other.acronyms and matcher.is_peer(other)
    assert "compte_rendu" in cards["compte-rendu-copil-2021-12.md"].kinds
    assert cards["registre-actions.csv"].register and matcher.is_home(cards["registre-actions.csv"])
    scope = matcher.scope("D'après le compte rendu, quel montant a été validé ?")
    assert {Path(matcher.cards[d].file).name for d in scope.named} == {"compte-rendu-copil-2021-12.md"}
    # a kind followed by a complement that no heading of that kind holds names no document
    assert not matcher.scope("Quand l'évaluation de la marque a-t-elle commencé ?").named


def test_a_fresh_assistant_reads_the_persisted_word_index_without_prepare(shipped_index):
    # building the services pulls nothing and rebuilds nothing, but the BM25 index on disk is read
    # on first use: both rankings take part from the first question
    assistant = Assistant(shipped_index)
    hits = assistant.retriever.retrieve("comités de pilotage réalisés")
    assert hits and any(h.bm25_rank for h in hits) and any(h.dense_rank for h in hits)
    assert len(assistant.lexical) == assistant.catalog.chunk_count()


# neighbours of any level -------------------------------------------------------------------------
COMMUNITY_PACT = """# Bilan du contrat de développement 2019-2023

Communauté de communes des Hauts Pâturages

## Bilan

Le contrat compte 3 axes et 21 actions ; 62 % des actions sont achevées.
La communauté de communes coopère avec la communauté d'agglomération du Val Brunet et avec le
PETR des Landes et Étangs sur le tourisme.
"""

NEIGHBOUR_PETR = """# Bilan à mi-parcours du contrat 2020-2024

PETR des Landes et Étangs

## Bilan

Le contrat compte 4 axes et 30 actions ; 41 % des actions sont achevées.
"""

NEIGHBOUR_AGGLOMERATION = """# Pacte de relance 2021-2024 : point d'étape

Communauté d'agglomération du Val Brunet

## Le pacte en bref

Le pacte compte 2 axes et 12 actions ; 25 % des actions sont achevées.
"""

DELIBERATION = """# Département de Haute-Lande

Communauté de communes des Hauts Pâturages

## Délibération du conseil communautaire

Le conseil approuve le bilan du contrat de développement de la communauté de communes des Hauts
Pâturages. Les Hauts Pâturages engagent la préparation du contrat suivant ; le bilan des Hauts
Pâturages sera transmis à la Région.
"""


@pytest.fixture(scope="module")
def neighbours(tmp_path_factory) -> Settings:
    corpus = tmp_path_factory.mktemp("neighbours") / "corpus"
    corpus.mkdir()
    for name, text in (("bilan-contrat-hauts-paturages.md", COMMUNITY_PACT), ("bilan-petr-landes.md", NEIGHBOUR_PETR),
                       ("point-etape-val-brunet.md", NEIGHBOUR_AGGLOMERATION), ("deliberation.md", DELIBERATION)):
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "pacte.toml").write_text('territoire = "Communauté de communes des Hauts Pâturages"\n'
                                       'alias = ["Hauts Pâturages"]\n', encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=corpus.parent / "index", llm="extractive")
    assert Assistant(settings).ingest.run().failed == []
    return settings


def test_neighbours_of_any_level_are_peers_and_a_heading_names_its_most_local_territory(neighbours):
    matcher = DocumentMatcher(Assistant(neighbours).catalog, "Communauté de communes des Hauts Pâturages",
                              ["Hauts Pâturages"])
    matcher.refresh()
    cards = {Path(c.file).name: c for c in matcher.cards.values()}
    # a PETR is a larger level than a community, but a neighbour's PETR is not around us; an
    # agglomeration our document merely mentions is not one of our members
    petr, agglomeration = cards["bilan-petr-landes.md"], cards["point-etape-val-brunet.md"]
    assert petr.territory.key == "landes et etangs" and matcher.is_peer(petr)
    assert matcher.is_peer(agglomeration)
    # « Département de Haute-Lande » heads the délibération, written by the community itself
    assert matcher.is_home(cards["deliberation.md"])
    # a question naming a neighbour is answered (or declined) from its document only; an unnamed
    # one never from a neighbour's
    for question, expected in (("Quelle part des actions du PETR des Landes et Étangs est achevée ?",
                                {"bilan-petr-landes.md"}),
                               ("Combien d'axes compte le pacte de l'agglomération du Val Brunet ?",
                                {"point-etape-val-brunet.md"}),
                               # users of a community speak of « le PETR » next door by its level
                               ("Combien d'actions compte le contrat du PETR ?", {"bilan-petr-landes.md"}),
                               ("Quelle part des actions du contrat est achevée ?",
                                {"bilan-contrat-hauts-paturages.md", "deliberation.md"})):
        answer = ask(neighbours, question)
        assert answer.sources and files(answer) <= expected, (question, files(answer))
        # the home pact's axes never answer for a neighbour: the sources above are the neighbour's


@pytest.mark.parametrize("written, territory, aliases", [
    ('territoire = "PETR Cœur de Lorraine"\nalias = ["Cœur de Lorraine"]\n',
     "PETR Cœur de Lorraine", ["PETR Cœur de Lorraine", "Cœur de Lorraine"]),
    ('[territoire]\nnom = "Communauté d\'agglomération du Littoral d\'Opale"\nalias = ["CALO"]\n',
     "Communauté d'agglomération du Littoral d'Opale", ["Communauté d'agglomération du Littoral d'Opale", "CALO"]),
    ('territoire = "CC du Val"\nalias = "Val"\n', "CC du Val", ["CC du Val", "Val"]),
    ('territoire = [1, 2]\n', None, []),  # not a name: no profile, the home is inferred
    ('territoire = "CC du Val\n', None, []),  # not TOML: reported, the home is inferred
])
def test_the_profile_reads_either_shape_and_never_breaks_on_a_bad_one(tmp_path, written, territory, aliases):
    from assistant.retrieval.focus import CorpusProfile

    (tmp_path / "pacte.toml").write_text(written, encoding="utf-8")
    profile = CorpusProfile.load(tmp_path)
    assert (profile.territory, profile.aliases) == (territory, aliases)


def test_the_dense_ranking_is_the_exact_nearest_whatever_the_process(tmp_path):
    # Chroma's HNSW search is approximate: asked for a few of some hundreds of vectors, it may miss
    # a nearest one, and not the same one in every process (seen on a 180-passage corpus: two
    # processes, two lists for one question). The passages' ranking by meaning must be the exact one.
    import numpy as np

    from assistant.providers.vectorstore import VectorIndex

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(1500, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(Settings(index_dir=tmp_path / "index", chroma_url=""), "test")
    ids = [f"c{i:04d}" for i in range(len(vectors))]
    for start in range(0, len(ids), 500):
        index.collection.add(ids=ids[start:start + 500], embeddings=vectors[start:start + 500].tolist())
    missed = 0
    for query in rng.normal(size=(30, 384)).astype(np.float32):
        query /= np.linalg.norm(query)
        exact = {ids[i] for i in np.argsort(-(vectors @ query))[:40]}
        got = index.query(query.tolist(), 40)
        missed += len(exact - {cid for cid, _ in got})
        assert len(got) == 40 and all(a[1] >= b[1] - 1e-6 for a, b in zip(got, got[1:]))
    assert missed == 0
