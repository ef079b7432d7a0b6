"""Answers: the `pacte ask` contract, grounded answers and declines on the shipped corpus,
follow-ups, the citation verifier, and the LLM path against a scripted OpenAI-compatible server."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from assistant.answers.question import condense
from assistant.answers.verify import verify
from assistant.container import Assistant
from assistant.interfaces.cli import app
from fake_openai import ScriptedLLMServer

ASK_KEYS = {"question", "answer", "answered", "sources", "tool", "verified", "mode", "fallback"}
SOURCE_KEYS = {"n", "document", "page", "section", "excerpt", "score"}


def ask_json(*questions: str, stdin: str | None = None) -> list[dict]:
    args = ["ask", "--json", *questions]
    result = CliRunner().invoke(app, args, input=stdin)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


@pytest.fixture
def shipped(shipped_index, use_index):
    return use_index(shipped_index)


def test_ask_json_contract_and_rate_of_completed_actions(shipped):
    (answer,) = ask_json("Quel est le taux d'actions réalisées ?")
    assert set(answer) == ASK_KEYS
    assert answer["answered"] is True and answer["verified"] is True
    assert "67%" in answer["answer"].replace(" %", "%")
    assert answer["sources"] and all(set(s) == SOURCE_KEYS for s in answer["sources"])
    assert answer["sources"][0]["document"].startswith("EVALUATION POCE")
    assert answer["sources"][0]["page"] == 1
    assert "[1]" in answer["answer"]


def test_steering_committee_dates(shipped):
    (answer,) = ask_json("Quand se sont tenus les comités de pilotage ?")
    assert answer["answered"]
    assert "17/02/2020" in answer["answer"] and "30/09/2020" in answer["answer"]
    assert any("17/02/2020" in s["excerpt"] for s in answer["sources"])


def test_member_communities_come_out_as_a_list(shipped):
    (answer,) = ask_json("Quelles communautés de communes composent le PETR ?")
    assert answer["answered"]
    for name in ("CC Côtes de Meuse en Woëvre", "CC de l'Aire à l'Argonne", "CC du Sammiellois", "CC Fresnes en Woëvre"):
        assert name in answer["answer"]
    assert answer["answer"].count("\n- ") >= 3


@pytest.mark.parametrize("question", [
    "Quel est le budget du POCE ?",
    "Combien d'emplois ont été créés grâce au pacte ?",
    "Qui est le président du PETR ?",
])
def test_declines_when_the_corpus_is_silent(shipped, question):
    (answer,) = ask_json(question)
    assert answer["answered"] is False
    assert answer["answer"].startswith("Les documents indexés ne permettent pas de répondre à cette question.")
    assert "À consulter" in answer["answer"] and answer["sources"]  # the closest passages are offered


def test_an_acronym_is_expanded_only_from_the_documents(shipped):
    (poce,) = ask_json("Que veut dire POCE ?")
    assert poce["answered"] and "« (PACTE OFFENSIVE CROISSANCE EMPLOI) » [1]" in poce["answer"]
    assert poce["sources"][0]["excerpt"] == "(PACTE OFFENSIVE CROISSANCE EMPLOI)"
    # the glossary knows what CTDC stands for, the documents never spell it out: no answer
    (ctdc,) = ask_json("Que signifie CTDC ?")
    assert ctdc["answered"] is False


def test_stdin_batch_answers_in_order(shipped):
    answers = ask_json("-", stdin="Quel est le taux d'actions réalisées ?\nQuel est le budget du POCE ?\n")
    assert [a["question"] for a in answers] == ["Quel est le taux d'actions réalisées ?", "Quel est le budget du POCE ?"]
    assert [a["answered"] for a in answers] == [True, False]


def test_counting_question_counts_from_the_source(shipped):
    (answer,) = ask_json("Combien de fois le réseau des développeurs s'est-il réuni ?")
    assert answer["answered"] and "8 réunion" in answer["answer"]
    assert answer["tool"] == "governance_calendar"


def test_english_question_reaches_the_french_passage(shipped):
    (answer,) = ask_json("What share of the pact's actions were completed?")
    assert answer["answered"] and "67%" in answer["answer"]
    # the lead gives the share asked for, then where it comes from, in English
    assert answer["answer"].startswith("67% of actions completed, according to")


def test_the_second_meeting_is_the_second_date_of_its_body(shipped):
    (first,) = ask_json("Quand a eu lieu le premier copil ?")
    (second,) = ask_json("Quand a eu lieu le second copil ?")
    assert first["tool"] == second["tool"] == "governance_calendar"
    assert "17 février 2020" in first["answer"] and "30/09/2020" not in first["answer"]
    assert second["answer"].startswith("La 2e réunion (comité de pilotage) est le 30 septembre 2020")
    # a period is not a place in the list: « le second semestre » asks no second meeting
    (half,) = ask_json("Quand le comité de pilotage s'est-il réuni au second semestre 2020 ?")
    assert "La 2e réunion" not in half["answer"]


def test_a_year_without_meetings_is_a_decline_that_gives_the_dates_there_are(shipped):
    (answer,) = ask_json("À quelle date le comité de pilotage s'est-il réuni en 2021 ?")
    assert not answer["answered"] and answer["tool"] == "governance_calendar"
    assert "n'est datée de 2021" in answer["answer"] and "17/02/2020" in answer["answer"] and answer["sources"]
    # a year that neither the dates nor the document's title hold: the year is the question's own
    (answer,) = ask_json("Combien de réunions du réseau entreprises ont eu lieu en 2020 ?")
    assert not answer["answered"] and answer["tool"] == "governance_calendar" and answer["verified"]
    assert "n'est datée de 2020" in answer["answer"] and "01/04/2019" in answer["answer"]


def test_english_question_reaches_the_structured_tools_through_its_gloss(shipped):
    (answer,) = ask_json("When were the steering committees held?")  # no English cue of the tools
    assert answer["answered"] and answer["tool"] == "governance_calendar"
    assert "17/02/2020" in answer["answer"] and "30/09/2020" in answer["answer"]
    assert answer["answer"].startswith("2 meetings")


def test_follow_up_is_condensed_with_the_history(shipped_index):
    assistant = Assistant(shipped_index)
    first = assistant.answers.ask("Quels sont les objectifs opérationnels de l'axe 1 ?")
    assert "circuits de proximité" in first.answer
    follow = assistant.answers.ask("et pour l'axe 2 ?", history=[first.standalone_question])
    assert follow.standalone_question == "Quels sont les objectifs opérationnels de l'axe 2 ?"
    assert "modernisation des entreprises" in follow.answer and "circuits de proximité" not in follow.answer
    # the one axis cited is source [1], not the second of the tool's numbered axes
    assert [s.n for s in follow.sources] == [1] and "[1]" in follow.answer and "[2]" not in follow.answer


@pytest.mark.parametrize("earlier, follow_up, standalone", [
    # the follow-up names the same kind of thing as a qualified noun of the earlier question
    ("Quelle somme a été engagée sur l'axe A du contrat ?", "Et sur l'axe B ?",
     "Quelle somme a été engagée sur l'axe B du contrat ?"),
    ("Combien le schéma prévoit-il pour l'orientation 2 sur toute la période ?", "Et pour l'orientation 3 ?",
     "Combien le schéma prévoit-il pour l'orientation 3 sur toute la période ?"),
    ("Quel budget avait-on prévu pour l'axe 1 du pacte ?", "Et pour l'axe forêt et tourisme ?",
     "Quel budget avait-on prévu pour l'axe forêt et tourisme du pacte ?"),
    ("Combien d'entreprises sont implantées sur la ZA du Breuil ?", "Et sur la ZA de Vaubecourt ?",
     "Combien d'entreprises sont implantées sur la ZA de Vaubecourt ?"),
    ("What share of axis 1 actions were completed?", "And axis 3?", "What share of axis 3 actions were completed?"),
    # a demonstrative stands for the earlier noun (« celle » for « la surface disponible »); a name
    # with « de la » or « de l' » is one name (« ZA de la Woëvre »)
    ("Quelle est la surface disponible de la ZA de la Woëvre ?", "Et celle de la ZA du Breuil ?",
     "Quelle est la surface disponible de la ZA du Breuil ?"),
    ("Quel est le taux de réalisation des actions de l'axe 1 ?", "Et celui de l'axe 3 ?",
     "Quel est le taux de réalisation des actions de l'axe 3 ?"),
    ("Combien d'entreprises sont implantées sur la ZA du Breuil ?", "Et sur la ZA de la Woëvre ?",
     "Combien d'entreprises sont implantées sur la ZA de la Woëvre ?"),
    ("What share of axis 1 actions were completed?", "And that of axis 3?", "What share of axis 3 actions were completed?"),
    # the noun asked again, with a complement parallel to the earlier one's (two nouns joined by « et »)
    ("Quel budget le Saulnois a-t-il consacré à son axe commerce ?", "Et le budget de l'axe 1 ?",
     "Quel budget le Saulnois a-t-il consacré à son axe 1 ?"),
    ("Quel montant la CC a-t-elle engagé sur l'axe tourisme et patrimoine en 2022 ?", "Et le montant de l'axe 2 ?",
     "Quel montant la CC a-t-elle engagé sur l'axe 2 en 2022 ?"),
    # another place in the same list
    ("Quand a eu lieu le premier comité de suivi ?", "Et le second ?", "Quand a eu lieu le second comité de suivi ?"),
    ("Quand s'est tenue la première réunion du réseau ?", "Et la dernière réunion ?",
     "Quand s'est tenue la dernière réunion du réseau ?"),
    # a noun placed from the earlier one, a noun the earlier question does not qualify, a new noun
    # with its own complement: the earlier question stays whole and the follow-up is added
    ("Quel était le taux de chômage au premier trimestre 2023 ?", "Et au trimestre d'après ?",
     "Quel était le taux de chômage au premier trimestre 2023 — au trimestre d'après ?"),
    ("Quel budget le Saulnois a-t-il consacré à son axe commerce ?", "Et le nombre d'emplois de l'axe 1 ?",
     "Quel budget le Saulnois a-t-il consacré à son axe commerce — le nombre d'emplois de l'axe 1 ?"),
    ("Combien d'emplois sur l'axe tourisme et combien d'entreprises ?", "Et sur l'axe 2 ?",
     "Combien d'emplois sur l'axe 2 et combien d'entreprises ?"),
    ("Quel était l'objectif en nombre d'entreprises ?", "Et pour les emplois ?",
     "Quel était l'objectif en nombre d'entreprises — pour les emplois ?"),
])
def test_a_follow_up_replaces_the_thing_it_parallels(earlier, follow_up, standalone):
    assert condense(follow_up, [earlier]) == standalone


@pytest.mark.parametrize("earlier, question, standalone", [
    # a pronoun stands for what the earlier question named (« y » for the zone)
    ("Quelle est la surface disponible de la ZA de la Woëvre ?", "Combien d'entreprises y sont implantées ?",
     "Quelle est la surface disponible de la ZA de la Woëvre — Combien d'entreprises y sont implantées ?"),
    ("Quand la pépinière de Saint-Mihiel a-t-elle ouvert ?", "Combien d'entreprises celle-ci accueille-t-elle ?",
     "Quand la pépinière de Saint-Mihiel a-t-elle ouvert — Combien d'entreprises celle-ci accueille-t-elle ?"),
    # « y » with a compound past (« y a-t-elle contribué ? ») is the pronoun too
    ("Quand la pépinière de Saint-Mihiel a-t-elle ouvert ?", "La Région y a-t-elle contribué ?",
     "Quand la pépinière de Saint-Mihiel a-t-elle ouvert — La Région y a-t-elle contribué ?"),
    # « il y a », « y a-t-il », « y a-t-il eu » say « there is »: the question stands alone
    ("Quelle est la surface disponible de la ZA de la Woëvre ?", "Y a-t-il eu des retards sur la ZA du Breuil ?",
     "Y a-t-il eu des retards sur la ZA du Breuil ?"),
    ("Quelle est la surface disponible de la ZA de la Woëvre ?", "Combien de zones d'activités y a-t-il dans le PETR ?",
     "Combien de zones d'activités y a-t-il dans le PETR ?"),
    ("Quelle est la surface disponible de la ZA de la Woëvre ?", "Quel budget y a-t-il pour la ZA du Breuil ?",
     "Quel budget y a-t-il pour la ZA du Breuil ?"),
])
def test_a_pronoun_refers_to_the_earlier_question(earlier, question, standalone):
    assert condense(question, [earlier]) == standalone


def test_chat_keeps_the_conversation(shipped):
    result = CliRunner().invoke(app, ["chat"], input="Quand s'est réuni le réseau entreprises ?\net le réseau H3M ?\n")
    assert result.exit_code == 0
    assert "01/04/2019" in result.stdout and "07/09/2021" in result.stdout


def test_verifier_drops_fabricated_citations_and_numbers():
    passages = {1: "67% d'action réalisées", 2: "2 copils de suivi : 17/02/2020 et 30/09/2020"}
    text = "67 % des actions sont réalisées [1]. Le budget est de 3 millions [1]. Un copil a eu lieu le 17/02/2020 [7]. Deux copils [2]."
    clean, checks = verify(text, passages)
    assert [c.ok for c in checks] == [True, False, False, True]
    assert "absent des passages cités : 3" in checks[1].reason
    assert "référence inexistante : [7]" in checks[2].reason
    assert "3 millions" not in clean and "[7]" not in clean and "67 %" in clean


def test_llm_mode_verifies_what_the_model_says(shipped_index, monkeypatch):
    replies = [
        "D'après l'évaluation, 67% des actions sont réalisées [1]. Le budget du pacte était de 4,5 millions d'euros [1].",
        "Le PTRTE a été signé le 17/02/2020 [9].",
    ]
    with ScriptedLLMServer(replies) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake-model", "llm_base_url": server.url})
        assistant = Assistant(settings)
        # a question outside the structured tools, so the LLM writes the answer
        first = assistant.answers.ask("Que dit l'évaluation sur les actions menées, selon toi ?")
        second = assistant.answers.ask("Parle-moi du PTRTE, en quelques mots")
        assert server.requests and server.requests[0]["model"] == "fake-model"
        # bounded, deterministic calls (PACTE_LLM_MAX_TOKENS, PACTE_LLM_TEMPERATURE)
        assert server.requests[0]["max_tokens"] == 512 and server.requests[0]["temperature"] == 0
        prompt = json.dumps(server.requests[0], ensure_ascii=False)
        assert "uniquement à partir des passages" in prompt and "[1]" in prompt
    assert first.answered and not first.verified
    assert "67%" in first.answer and "4,5" not in first.answer  # the invented number is dropped
    assert any(not c.ok and "4,5" in c.reason for c in first.checks)
    # its only sentence cited a passage that was never given: dropped, and the extractive answer is
    # given instead when there is one, with the reason (else the decline, with the model's checks)
    assert "[9]" not in second.answer
    if second.answered:
        assert second.mode == "extractive" and "n'a pas pu être vérifiée" in second.fallback
    else:
        assert any("[9]" in c.reason for c in second.checks)


def test_unknown_llm_mode_is_a_clean_error(shipped, monkeypatch):
    monkeypatch.setenv("PACTE_LLM", "mystere:modele")
    result = CliRunner().invoke(app, ["ask", "Quel est le taux ?"])
    assert result.exit_code != 0
    assert "Mode de réponse inconnu" in result.output


def test_function_calling_llm_uses_the_tool_registry(shipped_index):
    call = {
        "role": "assistant", "content": None,
        "tool_calls": [{"id": "call_1", "type": "function",
                        "function": {"name": "governance_calendar", "arguments": "{\"body\": \"CTDC\"}"}}],
    }
    with ScriptedLLMServer([call]) as server:
        settings = shipped_index.model_copy(update={"llm": "openai:fake", "llm_base_url": server.url, "llm_function_calling": True})
        answer = Assistant(settings).answers.ask("Peux-tu me rappeler le rythme des rencontres du comité territorial ?")
        offered = {t["function"]["name"] for t in server.requests[0]["tools"]}
    assert offered == {"action_stats", "governance_calendar", "strategy_axes", "strategy_inputs", "next_steps", "members"}
    assert answer.tool == "governance_calendar" and answer.answered and answer.verified
    assert "14/12/21" in answer.answer and "06/04/202" in answer.answer  # data from the store, as written
    assert answer.sources and "CTDC" in answer.sources[0].excerpt


def test_the_tools_answer_only_what_they_hold(shipped):
    axes, count, numbered, ordinal, broad, figure, partner, about_axis, programme, objectives = ask_json("-", stdin="\n".join([
        "Quels sont les axes du pacte ?",
        "Combien d'axes compte le pacte ?",
        "Quel est l'intitulé de l'axe 2 ?",
        "Quel est le deuxième axe ?",
        "Rappelle-moi les grands axes de la stratégie économique du territoire",
        "Quelle part des actions a été réalisée ?",
        "Quelle part des actions du pacte signé avec la Région a été réalisée ?",
        "Côté alternance, quelle cible et quel résultat pour le deuxième axe ?",
        "Quelle part des actions du programme Leader a été réalisée ?",
        "Quels objectifs relèvent du troisième axe ?",
    ]))
    assert axes["tool"] == count["tool"] == numbered["tool"] == "strategy_axes"
    assert axes["answer"].startswith("3 axes") and count["answer"].startswith("3 axes")
    assert numbered["answer"].startswith("Axe 2") and ordinal["answer"].startswith("Axe 2")
    assert objectives["tool"] == "strategy_axes" and objectives["answer"].startswith("Axe 3")  # an axis's objectives
    assert broad["answer"].startswith("3 axes") and figure["tool"] == partner["tool"] == "action_stats"
    # a question on what the axes' wording does not hold, or on a named programme the statistics
    # do not cover, is not answered by those tools
    assert about_axis["tool"] != "strategy_axes"
    assert programme["tool"] != "action_stats"


FAQ = """# Guide des aides aux commerces

## Les dispositifs

### Quel est le montant de l'aide à la rénovation des vitrines ?

L'aide couvre 20 % des travaux, dans la limite de 8 000 € par commerce.

### Et le chèque numérique ?

Il finance les abonnements et les logiciels de caisse à hauteur de 50 %, soit une aide maximale de 1 500 €.

### Combien de temps faut-il pour obtenir une réponse ?

La commission se réunit chaque mois. La décision est notifiée dans un délai de quatre semaines.
"""


def test_a_question_heading_leads_to_the_answer_under_it(tmp_path, use_index):
    """In a FAQ the heading asks and the paragraph under it answers: the heading, however close
    to the question, is never the quote, nor does it push the answer under it down."""
    from conftest import build_index

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "guide-aides-commerces.md").write_text(FAQ, encoding="utf-8")
    use_index(build_index(tmp_path / "faq", extra))
    cheque, delay = ask_json("-", stdin="Quel est le montant maximal du chèque numérique ?\n"
                                        "En combien de temps la décision est-elle notifiée ?\n")
    assert cheque["answered"] and "1 500 €" in cheque["answer"]
    assert delay["answered"] and "quatre semaines" in delay["answer"]
    for answer in (cheque, delay):
        assert "###" not in answer["answer"] and "?" not in answer["answer"].split("[1]")[0]
        assert answer["sources"][0]["document"] == "Guide des aides aux commerces"


def test_a_decline_shows_the_sentence_that_came_closest_only_when_it_came_close(shipped_index):
    """The gate's verdict decides the answer; a decline quotes the first-ranked sentence as the
    closest when the gate gave it at least half the threshold (a purpose-built gate: constant odds)."""
    from assistant.answers.answerability import FEATURES, GATE_FEATURES, AnswerabilityModel, Linear, LogisticGate
    from assistant.container import Assistant

    def gate(probability: float, threshold: float) -> AnswerabilityModel:
        bias = math.log(probability / (1 - probability))
        return AnswerabilityModel(Linear((0.0,) * len(FEATURES)),
                                  LogisticGate(Linear((0.0,) * len(GATE_FEATURES), bias, names=GATE_FEATURES)), threshold)

    service = Assistant(shipped_index).answers
    question = "Quelle suite est donnée au pacte après son évaluation ?"
    service.extractive.model = gate(0.5, 0.9)  # declined, but more than half the threshold: the closest is quoted
    near = service.ask(question)
    assert near.answered is False
    first, second = near.answer.splitlines()[:2]
    assert first == "Les documents indexés ne permettent pas de répondre à cette question."
    assert second.startswith("Le passage le plus proche ne permet pas de répondre avec certitude")
    assert second.endswith("» [1]") and " ".join(near.sources[0].excerpt.lstrip("-•* ").split()[:3]) in second
    service.extractive.model = gate(0.3, 0.9)  # far below: the passages to consult only
    far = service.ask(question)
    assert far.answered is False and "le plus proche" not in far.answer and "À consulter" in far.answer
    service.extractive.model = gate(0.95, 0.9)
    assert service.ask(question).answered is True


SCHEME = """# Schéma régional de développement économique

Version de travail, octobre 2022.

## 4. Orientations

### 4.2 Objectif 2.2 : Développer l'économie circulaire et l'écologie industrielle

Les démarches d'écologie industrielle permettent aux entreprises voisines de mutualiser leurs flux de matières et d'énergie. La Région soutiendra l'animation de ces démarches dans les zones d'activités.

Actions envisagées :

- financer l'animation de démarches d'écologie industrielle et territoriale ;
- soutenir les projets de réemploi, de réparation et de recyclage ;
- structurer des filières locales de matériaux biosourcés.

### 4.3 Objectif 2.3 : Décarboner l'industrie

Un diagnostic énergétique gratuit sera proposé aux établissements industriels les plus consommateurs d'énergie.
"""


def test_a_label_quoted_with_what_it_introduces(tmp_path, use_index):
    """« Actions envisagées : » says nothing on its own: quoted after the heading it goes on from, it
    comes with the items it introduces."""
    from conftest import build_index

    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "schema-regional.md").write_text(SCHEME, encoding="utf-8")
    use_index(build_index(tmp_path / "scheme", extra))
    [answer] = ask_json("Que dit le schéma sur l'économie circulaire ?")
    assert answer["answered"], answer["answer"]
    assert "Actions envisagées" not in answer["answer"] or "soutenir les projets de réemploi" in answer["answer"], answer["answer"]
    assert "écologie industrielle" in answer["answer"]
