"""The lead that names what a « qui ? » or « où ? » question asks for: a person among those a quote
names, or the cell of a row named by its column; no lead when the words do not single one out.

The sentences are made up for these tests (names, bodies and places of no corpus)."""

from __future__ import annotations

import pytest

from assistant.answers.asked_leads import LeadWords, asked_lead, persons_in
from assistant.answers.compose import Origin, Quote, compose_quotes
from assistant.answers.question import analyse
from assistant.answers.service import AnswerService
from assistant.answers.verify import verify
from assistant.retrieval.glossary import default_cues, default_glossary
from assistant.text.units import split_units

WORDS = LeadWords.from_cues(default_cues())
ROLES = WORDS.roles
# the answer service reads a question as it answers it (an English one through its French gloss);
# no retrieval is needed for that
SERVICE = AnswerService(None, default_glossary(), default_cues())


def lead_for(question: str, text: str) -> str | None:
    _, analysis = SERVICE.understand(question, [])
    lead = asked_lead(analysis, split_units(text), WORDS)
    return lead.text if lead else None


ATTENDANCE = ("Présents : M. Bernard Lemoine, président du syndicat ; Mme Agnès Roussel, Région Bourgogne ; "
              "M. Paul Girard, animateur économique.")


@pytest.mark.parametrize("question, person", [
    ("Qui représentait la Région à la réunion ?", "Mme Agnès Roussel"),
    ("Qui préside le syndicat ?", "M. Bernard Lemoine"),
    ("Qui est l'animateur économique ?", "M. Paul Girard"),
])
def test_the_person_whose_clause_holds_the_asked_role_or_body_leads(question, person):
    assert lead_for(question, ATTENDANCE) == person


def test_a_role_written_between_two_names_belongs_to_the_name_before_it():
    text = "Le comité est coprésidé par Ysolde Marchal, présidente de la CCVB, et Kévin Brunet, conseiller régional."
    # « Ysolde » is no given name of the bundled list: the role after the name tells a person
    assert [m.text for m in persons_in(text, ROLES)] == ["Ysolde Marchal", "Kévin Brunet"]
    assert lead_for("Qui préside la CCVB ?", text) == "Ysolde Marchal"
    assert lead_for("Quel conseiller régional copréside le comité ?", text) is None  # not a « qui ? »
    assert lead_for("Qui est le conseiller régional ?", text) == "Kévin Brunet"
    # both are named by « coprésidé par … » : the question asked that way does not tell them apart
    assert lead_for("Qui copréside le comité ?", text) is None


def test_a_role_written_before_a_name_belongs_to_that_name():
    text = "La séance est ouverte par la présidente Mme Odette Vial et le directeur M. Henri Blanc."
    assert lead_for("Qui est le directeur ?", text) == "M. Henri Blanc"


def test_no_lead_when_no_one_is_linked_to_the_question_or_two_tie():
    # a sentence naming someone else, quoted with the answer, is no answer to « qui coordonne ? »
    assert lead_for("Qui coordonne l'équipe projet ?",
                    "Le comité est présidé par Mme Agnès Roussel, élue régionale.") is None
    assert lead_for("Qui était présent ?", "Étaient présents M. Paul Girard et Mme Agnès Roussel.") is None
    # the question names the person: it asks for a role, which no name answers
    assert lead_for("Qui est Agnès Roussel ?", ATTENDANCE) is None
    # a body, not a person
    assert lead_for("Qui pilote le comité ?", "Le comité est piloté par la Région Bourgogne.") is None


ROW = ("N° : 12 ; Projet : Réhabilitation du moulin de Sorbiers en tiers-lieu ; Maître d'ouvrage : SCIC Les Meuniers ; "
       "Commune : Sorbiers-le-Bas ; Coût total (€) : 450 000 ; Statut : En cours")


def test_the_row_cell_named_by_its_column_leads_a_who_or_where_question():
    assert lead_for("Qui est maître d'ouvrage du moulin de Sorbiers ?", ROW) == "Maître d'ouvrage : SCIC Les Meuniers"
    assert lead_for("Dans quelle commune le tiers-lieu du moulin est-il aménagé ?", ROW) == "Commune : Sorbiers-le-Bas"


def test_no_cell_lead_for_a_number_an_unnamed_row_or_a_list():
    # a number: the column's words match too many questions (an amount asked is led below)
    assert lead_for("Où l'hôtel d'entreprises doit-il s'implanter ?",
                    "Projet : Hôtel d'entreprises du Pradel ; Entreprises implantées : 21 ; Statut : En cours") is None
    # the question names no cell of this row: another row answers it
    assert lead_for("Dans quelle commune la via ferrata est-elle construite ?", ROW) is None
    # a list is every row sharing the named cell, not the first one's
    assert lead_for("Quels projets sont portés par la SCIC Les Meuniers ?", ROW) is None


def test_the_lead_reads_first_and_the_answer_passes_the_citation_check():
    (unit,) = split_units(ATTENDANCE)
    analysis = analyse("Qui représentait la Région à la réunion ?", default_glossary(), default_cues())
    lead = asked_lead(analysis, [unit], WORDS)
    text = compose_quotes(Origin("Compte rendu du comité syndical", "12/03/2024"), [Quote(unit.parts, 1)], False, lead)
    assert text.startswith("Mme Agnès Roussel, d'après « Compte rendu du comité syndical »")
    # the passage as the answerer hands it over: its text, then the document's title and date
    clean, checks = verify(text, {1: f"{ATTENDANCE} Compte rendu du comité syndical 12/03/2024"})
    assert all(c.ok for c in checks)
    assert clean == text  # « M. Bernard Lemoine » inside the quote is not cut over two lines


def test_the_citation_check_keeps_the_text_as_written():
    text = "D'après « Bilan » :\n- « Présents : M. Paul Girard, animateur. » [1]\n- « Budget : 12 000 € » [2]"
    clean, checks = verify(text, {1: "Présents : M. Paul Girard, animateur.", 2: "Budget : 12 000 €"})
    assert clean == text and len(checks) == 2
    # a failing item goes, the others keep their lines
    clean, _ = verify(text, {1: "Présents : M. Paul Girard, animateur.", 2: "Budget : 15 000 €"})
    assert clean == "D'après « Bilan » :\n- « Présents : M. Paul Girard, animateur. » [1]"


@pytest.mark.parametrize("question, text, lead", [
    ("Combien de visiteurs la base de loisirs reçoit-elle ?",
     "La base de loisirs des Étangs reçoit 215 000 visiteurs par an, dont un tiers en juillet.", "215 000 visiteurs"),
    ("Combien de nuitées le département a-t-il comptées ?",
     "Le département a compté 3,2 millions de nuitées marchandes en 2022.", "3,2 millions de nuitées"),
    ("How many visitors does the leisure park welcome?",
     "La base de loisirs des Étangs reçoit 215 000 visiteurs par an, dont un tiers en juillet.", "215 000 visiteurs"),
    ("Combien d'entreprises compte la zone des Tanneries ?",
     "Zone : ZA des Tanneries ; Commune : Sorbiers-le-Bas ; Surface (ha) : 12 ; Entreprises implantées : 17",
     "Entreprises implantées : 17"),
])
def test_a_count_of_what_is_asked_leads(question, text, lead):
    assert lead_for(question, text) == lead


@pytest.mark.parametrize("question, text", [
    # two numbers of what is counted: the quotes answer, a lead would pick one
    ("Combien d'ateliers compte la pépinière ?", "La pépinière comptait 9 ateliers en 2020 et 12 ateliers en 2023."),
    # a second thing is asked: a lead for the first would read as the whole answer
    ("Combien d'entreprises la Région a-t-elle aidées, et pour quel montant ?",
     "La Région a aidé 1 250 entreprises pour 38 millions d'euros."),
    ("Combien d'établissements et d'emplois compte la CC ?", "La CC compte 640 établissements et 3 100 emplois."),
    ("How many farms are there, and how many jobs do they provide?", "Le territoire compte 480 exploitations."),
    # the gloss knows « business » but not what is counted (« bankruptcies »): « 640 entreprises » would
    # read as the count asked
    ("How many business bankruptcies were recorded in the county?",
     "Le département comptait 640 entreprises artisanales, dont 58 en redressement judiciaire."),
    # the number is of something else (« de ses habitants » counts a share of them)
    ("Combien d'habitants travaillent à l'étranger ?", "La commune voit 1 800 de ses habitants partir chaque jour."),
    # « combien coûte » asks a price, « combien de temps » a length: no count
    ("Combien coûte le mètre carré sur la zone des Tanneries ?",
     "Zone : ZA des Tanneries ; Coût total (€) : 980 000 ; Entreprises implantées : 17"),
    # one end of a column is asked: the row's name answers, not its number
    ("Quelle zone accueille le plus grand nombre d'entreprises ?",
     "Zone : ZA des Tanneries ; Commune : Sorbiers-le-Bas ; Entreprises implantées : 17"),
])
def test_no_count_lead_when_the_number_does_not_answer_alone(question, text):
    assert lead_for(question, text) is None


@pytest.mark.parametrize("question, text, lead", [
    ("Quel montant la commune a-t-elle inscrit pour l'étude du tiers-lieu ?",
     "La commune a inscrit 45 000 € TTC pour l'étude du tiers-lieu.", "45 000 € TTC"),
    ("Quel budget a été consommé pour le moulin de Sorbiers ?",
     "Projet : Moulin de Sorbiers ; Budget prévu : 450 000 ; Budget consommé : 310 000 ; Statut : En cours",
     "Budget consommé : 310 000"),
    ("Combien coûte la réhabilitation du moulin ?", ROW, "Coût total (€) : 450 000"),
    ("Quelle enveloppe la Région réserve-t-elle au contrat ?",
     "La Région réserve au contrat une enveloppe de 2,4 millions d'euros.", "2,4 millions d'euros"),
])
def test_the_amount_asked_leads(question, text, lead):
    assert lead_for(question, text) == lead


@pytest.mark.parametrize("question, text", [
    # a word of the question the unit does not hold: the amount is of something else
    ("Combien coûte le m² sur la zone des Tanneries ?", "Zone : ZA des Tanneries ; Coût total (€) : 980 000"),
    ("Quel montant le futur contrat consacrera-t-il au tourisme ?",
     "Le contrat a consacré 1,2 M€ au tourisme."),
    # two amounts: which one is asked is not said
    ("Quel montant la Région a-t-elle versé au tiers-lieu ?",
     "La Région a versé 120 000 € au tiers-lieu, puis 40 000 € au titre de l'avenant."),
])
def test_no_amount_lead_when_the_unit_does_not_say_which(question, text):
    assert lead_for(question, text) is None


@pytest.mark.parametrize("question, text, lead", [
    ("Dans quelle commune le tiers-lieu a-t-il ouvert ?",
     "Le tiers-lieu a ouvert en mars 2023 à Sorbiers-le-Bas, dans l'ancienne gare.", "Sorbiers-le-Bas"),
    ("Où s'est tenu le comité de clôture ?", "Le comité de clôture s'est tenu le 4 juin 2024 à Saint-Aubin-lès-Vignes.",
     "Saint-Aubin-lès-Vignes"),
])
def test_the_place_asked_leads(question, text, lead):
    assert lead_for(question, text) == lead


@pytest.mark.parametrize("question, text", [
    # several places are asked, or given
    ("Où se trouvent les sièges des communautés de communes ?", "Le siège de la CC du Val est à Sorbiers-le-Bas."),
    ("Où se tiennent les comités ?", "Les comités se tiennent à Sorbiers-le-Bas ou à Lavaur."),
    # the question names the place: it asks where in it
    ("Où se trouve le tiers-lieu de Sorbiers-le-Bas ?", "Le tiers-lieu est installé à Sorbiers-le-Bas, dans l'ancienne gare."),
])
def test_no_place_lead_when_one_place_does_not_answer(question, text):
    assert lead_for(question, text) is None


def test_one_person_named_twice_is_one_lead():
    analysis = SERVICE.understand("Qui est le président du syndicat ?", [])[1]
    units = split_units("Le président du syndicat, Bernard Lemoine, a ouvert la séance.") + split_units(ATTENDANCE)
    lead = asked_lead(analysis, units, WORDS)
    assert lead is not None and lead.text == "Bernard Lemoine"
