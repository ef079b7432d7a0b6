"""The fitted answerability score: the fitting code learns what it is given, the shipped model
was fitted on dev items only, and the features read what a sentence holds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from assistant.answers.answerability import (FEATURES, GATE_FEATURES, MODEL_PATH, AnswerabilityModel, Linear, LogisticGate,
                                             TreesGate, fit_logistic, fit_ranker, gate_features)
from assistant.answers.completion import whole_list
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.signals import digits, named_in, names_person, proper_names
from assistant.answers.question import analyse
from assistant.providers.catalog import ChunkRow
from assistant.retrieval.glossary import default_cues, default_glossary
from assistant.retrieval.hybrid import Hit
from assistant.text.tokens import tokenize_fr
from assistant.text.translate import Lexicon
from assistant.text.units import quantities, states_count

ROOT = Path(__file__).resolve().parent.parent


def test_logistic_fit_separates_what_it_is_given():
    rng = np.random.default_rng(0)
    rows = rng.normal(size=(400, len(FEATURES)))
    labels = (rows[:, 0] - rows[:, 1] > 0).astype(float)
    model = fit_logistic(rows, labels, l2=0.1)
    assert model.weights[0] > 1.0 and model.weights[1] < -1.0
    predicted = np.array([model(dict(zip(FEATURES, r))) > 0 for r in rows])
    assert (predicted == labels.astype(bool)).mean() > 0.95


def test_ranker_puts_the_answering_sentence_first():
    rng = np.random.default_rng(1)
    groups = []
    for _ in range(60):
        rows = rng.normal(size=(8, len(FEATURES)))
        labels = np.zeros(8)
        labels[int(np.argmax(rows[:, 2]))] = 1  # the answer is the sentence with the highest third feature
        groups.append((rows, labels))
    rank = fit_ranker(groups, l2=0.1, steps=500)
    first = [int(np.argmax([rank(dict(zip(FEATURES, r))) for r in rows])) == int(np.argmax(labels)) for rows, labels in groups]
    assert sum(first) >= 55


def test_trees_gate_weighs_features_together_where_a_linear_score_cannot():
    # the sentence answers when it holds a value *and* the question asks one, or holds none and
    # none is asked: no single feature, nor a sum of them, tells which
    rng = np.random.default_rng(2)
    asks = rng.integers(0, 2, 600).astype(float)
    holds = rng.integers(0, 2, 600).astype(float)
    rows = np.zeros((600, len(GATE_FEATURES)))
    rows[:, GATE_FEATURES.index("asks_value")] = asks
    rows[:, GATE_FEATURES.index("value_present")] = holds
    rows[:, GATE_FEATURES.index("similarity")] = rng.normal(size=600)  # noise
    labels = (asks == holds).astype(float)
    trees = TreesGate.fit(rows, labels)
    logistic = LogisticGate(fit_logistic(rows, labels, l2=0.1, names=GATE_FEATURES))
    cases = [{"asks_value": a, "value_present": h} for a in (0.0, 1.0) for h in (0.0, 1.0)]
    assert [p > 0.5 for p in trees.probabilities(cases)] == [True, False, False, True]
    assert max(abs(p - 0.5) for p in logistic.probabilities(cases)) < 0.1  # the linear gate cannot tell
    again = TreesGate.from_dict(json.loads(json.dumps(trees.to_dict())))
    assert again.probabilities(cases) == trees.probabilities(cases)  # regrown alike from the stored rows


def test_shipped_model_was_fitted_on_dev_items_only():
    model = AnswerabilityModel.load()
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES) and data["meta"]["gate"] == data["answer"]["kind"]
    if data["answer"]["kind"] == "trees":
        assert data["answer"]["features"] == list(GATE_FEATURES)
        assert {len(r) for r in data["answer"]["rows"]} == {len(GATE_FEATURES)}
        assert len(data["answer"]["rows"]) == len(data["answer"]["labels"]) <= data["meta"]["questions"]
    else:
        assert len(data["answer"]["weights"]) == len(GATE_FEATURES)
    assert data["meta"]["split"] == "dev" and all(s.endswith("(dev)") for s in data["meta"]["fitted_on"])
    assert 0.0 < model.threshold < 1.0 and any(abs(w) > 0.05 for w in model.rank.weights)
    assert AnswerabilityModel.load() is model  # one model (one forest) per process
    zeros = {name: 0.0 for name in FEATURES}
    strong = gate_features([(zeros, 3.0), ({**zeros, "unit_coverage": 0.5}, 0.0)])
    assert strong["rank_margin"] == 3.0 and strong["runner_rank_margin"] == -3.0
    assert strong["runner_unit_coverage"] == 0.5 and set(strong) == set(GATE_FEATURES)
    alone = gate_features([(zeros, 1.0)])
    assert alone["rank_margin"] == 5.0 and alone["runner_rank_score"] == -1.0 and set(alone) == set(GATE_FEATURES)


def test_paraphrases_stay_in_one_fold():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from fit_answerability import Labelled, folds_of, paraphrase_groups

    questions = [Labelled([], [], True, "Combien d'habitants compte le Val Doré ?", ("12 400",)),
                 Labelled([], [], True, "Quelle est la population du Val Doré ?", ("12 400",)),  # same answer
                 Labelled([], [], False, "Combien d'habitants compte exactement le Val Doré ?", ()),  # same words
                 Labelled([], [], True, "Quand le salon s'est-il tenu ?", ("mars 2021",)),
                 Labelled([], [], False, "Qui préside le comité de suivi ?", ())]
    groups = paraphrase_groups(questions)
    assert groups[0] == groups[1] == groups[2] and len({groups[0], groups[3], groups[4]}) == 3
    for seed in (0, 1):
        folds = folds_of(questions, 3, seed)
        assert sorted(i for f in folds for i in f) == list(range(5))
        assert any({0, 1, 2} <= set(f) for f in folds)


def test_fitting_refuses_a_file_whose_items_are_not_split(tmp_path):
    unsplit = tmp_path / "questions.jsonl"
    unsplit.write_text(json.dumps({"id": "x1", "question": "Quand ?", "answerable": True, "expected": ["2020"]}) + "\n",
                       encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fit_answerability.py"), "--set",
                           f"{unsplit}={tmp_path}:{tmp_path / 'index'}", "--out", str(tmp_path / "model.json")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0 and "sans partie dev/test" in (done.stderr + done.stdout)
    assert not (tmp_path / "model.json").exists()


def _hit(text: str, section: str = "") -> Hit:
    meta = {"document_title": "Rapport d'activité", "section": section, "file": "rapport.pdf", "page": 2}
    return Hit(ChunkRow("c1", "d1", 0, text, text, meta), 1.0, 1, 1, similarity=0.8)


def test_features_read_what_the_sentence_holds():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    question = "Combien de nuitées les hôtels du Val Doré ont-ils enregistrées en 2019 ?"
    analysis = analyse(question, default_glossary(), default_cues())
    text = ("Les hôtels du Val Doré ont enregistré 286 000 nuitées en 2021.\n\n"
            "Le budget de la promotion atteint 18 000 € par an.")
    _, candidates = answerer.scored(analysis, [_hit(text)])
    by_text = {c.unit.display[:20]: c.features for c in candidates}
    nights = by_text["Les hôtels du Val Do"]
    assert nights["number_missing"] == 1.0  # 2019 is asked, the sentence says 2021
    assert nights["value_present"] == 1.0 and nights["counted_missing"] == 0.0
    assert by_text["Le budget de la prom"]["counted_missing"] == 1.0
    money = analyse("Quel est le montant du budget de la promotion ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(money, [_hit(text)])
    assert {c.unit.display[:6]: c.features["money_missing"] for c in candidates} == {"Les hô": 1.0, "Le bud": 0.0}


def test_content_words_are_not_lost_to_stems_shared_with_cue_or_english_words():
    glossary, cues = default_glossary(), default_cues()
    # « indicateurs » stems as « indiqué » (a word that carries no topic): it stays content
    assert "indiqu" in [c.label for c in analyse("Sur quels indicateurs repose l'évaluation ?", glossary, cues).content]
    assert "indiqu" not in [c.label for c in analyse("Quel montant est indiqué ?", glossary, cues).content]
    # « done » (English, glossed before analysis) stems as « données »: no bridge to « réalisé »
    (data,) = analyse("Quelles données l'étude apporte-t-elle ?", glossary, cues).content[:1]
    assert data.label == "don" and data.alternatives == [("don",)]
    # a request verb asks, it is not what the question is about
    analysis = analyse("Donnez des exemples d'actions structurantes.", glossary, cues)
    assert [c.label for c in analysis.content] == ["action", "structur"] and analysis.kind == "list"
    assert analyse("Sur quelle période porte le pacte ?", glossary, cues).period


def test_names_and_numbers_of_a_question():
    assert proper_names("Quel est le taux de chômage de la Meuse selon l'INSEE ?") == {"meuse", "insee"}
    assert digits("en 2019, 1 240 participants") == {"2019", "1240"}


def test_counts_are_numbers_of_something_not_dates_or_labels():
    assert quantities("Au total, 1 240 participants ont pris part aux rencontres")[0] == ("1 240", "participants ont pris")
    assert quantities("Le PTRTE est conclu pour six ans")[0][0] == "six"
    assert quantities("conduite entre le 17 janvier et le 24 juin 2022.") == []  # days of a date
    assert quantities("Le 17/02/2020 ; en 2021") == []
    assert not states_count("Le 17/02/2020 et le 30/09/2020")
    assert states_count("Population 2020 : 184 000 ; Emplois")  # a table cell's number


def test_a_count_question_sees_whether_the_number_counts_what_it_asks():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Combien de gîtes sont prévus au bord du lac de Brême ?", default_glossary(), default_cues())
    text = ("Action : Création de gîtes au bord du lac de Brême ; Axe : 3 ; Statut : en cours\n\n"
            "Douze gîtes sont prévus au bord du lac de Brême.")
    _, candidates = answerer.scored(analysis, [_hit(text)])
    unbound = {c.unit.display[:6]: c.features["count_unbound"] for c in candidates}
    assert unbound == {"Action": 1.0, "Douze ": 0.0}


def test_who_is_answered_by_a_name_the_question_does_not_give():
    assert named_in("Compte rendu du comité de pilotage du 30 septembre 2020") == set()
    assert named_in("Alain Verdier, président du PETR ; Mme Claire Husson, Région Grand Est") >= {"alain", "verdier", "husson"}
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Qui préside le comité de suivi du Val Doré ?", default_glossary(), default_cues())
    text = ("Le comité de suivi du Val Doré est présidé par le vice-président chargé du tourisme.\n\n"
            "Le comité de suivi du Val Doré est présidé par Jeanne Arnaud.")
    _, candidates = answerer.scored(analysis, [_hit(text)])
    kept = [c.unit.display for c in candidates if answerer._answers(analysis, c)]
    assert kept == ["Le comité de suivi du Val Doré est présidé par Jeanne Arnaud."]


def test_a_person_asked_is_answered_by_a_sentence_that_names_one():
    assert names_person("Présents : M. Alain Verdier, président du PETR")
    assert names_person("L'équipe projet est coordonnée par Laure Quesnel, chargée de mission.")
    assert names_person("Coprésidence : Jean-Marc TISSOT (Région)")
    assert not names_person("Excusé : M. le directeur de la CCI Meuse Haute-Marne.")
    assert not names_person("Le siège du PETR Cœur de Lorraine\nRubrique économie")  # a place, then a heading
    cues, glossary = default_cues(), default_glossary()
    for question in ("Comment s'appelle le vice-président chargé de l'économie ?", "Qui est le maire de Valbrune ?",
                     "Quel est le nom de la personne chargée de l'animation ?", "Who is the mayor of Valbrune?"):
        assert analyse(question, glossary, cues).person, question
    for question in ("Qui porte l'atelier de découpe ?", "Comment s'appelle la société qui gère le magasin ?",
                     "Quel est le montant versé par le président ?"):
        assert not analyse(question, glossary, cues).person, question
    answerer = ExtractiveAnswerer(glossary, cues)
    analysis = analyse("Comment s'appelle le vice-président chargé de l'économie ?", glossary, cues)
    assert tokenize_fr("président")[0] in {c.label for c in analysis.content}  # the role stays what is asked about
    text = ("Le comité est coprésidé par le vice-président chargé de l'économie et par le président du PETR.\n\n"
            "Le vice-président chargé de l'économie, Hugo Marchal, a ouvert la séance.")
    _, candidates = answerer.scored(analysis, [_hit(text)])
    assert [c.features["person_missing"] for c in candidates] == [1.0, 0.0]


def test_the_date_of_the_minutes_a_question_names_answers_its_numbers():
    # « au copil du 30 septembre 2020 » chose the minutes of that day: their sentences need not
    # repeat the date, as a named document's sentences need not repeat its name; a year alone
    # names many documents and stays missing
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    text = "Présents : M. Alain Verdier, président du PETR ; Mme Claire Husson, Région Grand Est."
    hit = _hit(text)
    hit.chunk.metadata["doc_date"] = "30 septembre 2020"
    missing = {}
    for question in ("Qui présidait le PETR au copil du 30 septembre 2020 ?", "Qui présidait le PETR en 2020 ?"):
        _, candidates = answerer.scored(analyse(question, default_glossary(), default_cues()), [hit])
        missing[question] = candidates[0].features["number_missing"]
    assert missing == {"Qui présidait le PETR au copil du 30 septembre 2020 ?": 0.0, "Qui présidait le PETR en 2020 ?": 1.0}


def test_a_yes_or_no_question_asks_for_no_value_even_when_it_names_one():
    cues, glossary = default_cues(), default_glossary()
    kind = lambda q: analyse(q, glossary, cues).kind  # noqa: E731
    assert kind("Les saisonniers sont-ils comptés dans le nombre d'emplois créés ?") == "what"
    # « quand » opens a clause set before the question, not a date question
    assert kind("Quand une commune quitte le syndicat, ses zones restent-elles dans le contrat ?") == "what"
    assert kind("Quand le comité de suivi s'est-il réuni ?") == "date"
    assert kind("Combien de réunions le comité a-t-il tenues ?") == "count"
    assert kind("Dans le bilan, que trouve-t-on pour l'axe 2 ?") == "what"
    assert kind("Is the cycle route finished?") == "what"
    # « sur la durée du contrat » sets the span of time, it does not ask for one
    assert kind("Sur toute la durée du contrat, le comité technique s'est réuni combien de fois ?") == "count"
    assert kind("Quelle est la durée du contrat ?") == "date"
    # « qui » after a noun is a relative pronoun; « comment » asks a manner, « comment s'appelle » a name
    assert kind("Quel numéro porte la délibération qui approuve l'évaluation ?") == "what"
    assert kind("Le groupe de travail, il est composé de qui ?") == kind("L'étude, qui l'a réalisée ?") == "who"
    assert kind("Qu'est-ce que le réseau et qui l'anime ?") == "who"
    assert kind("Comment la synthèse définit-elle le taux d'engagement ?") == "what"
    assert kind("Comment s'appelle le directeur de la chambre de commerce ?") == "who"
    assert kind("Pourquoi la Région appelle-t-elle à la prudence sur le nombre d'emplois ?") == "what"
    answerer = ExtractiveAnswerer(glossary, cues)
    analysis = analyse("Les saisonniers sont-ils comptés dans le nombre d'emplois créés ?", glossary, cues)
    text = "Les emplois saisonniers sont comptés au prorata de leur durée annuelle."
    _, candidates = answerer.scored(analysis, [_hit(text)])
    assert [answerer._answers(analysis, c) for c in candidates] == [True]


def test_a_place_is_answered_by_a_name_and_a_reason_by_a_cause():
    cues, glossary = default_cues(), default_glossary()
    answerer = ExtractiveAnswerer(glossary, cues)
    where = analyse("Dans quelle commune le cinquième tiers-lieu doit-il ouvrir ?", glossary, cues)
    assert where.kind == "where"
    assert analyse("ou se trouve le siège du syndicat ?", glossary, cues).kind == "where"  # « où » typed without its accent
    assert analyse("Où en est le projet de tiers-lieu ?", glossary, cues).kind != "where"  # how far, not where
    assert analyse("Quelle part ou quel nombre d'emplois ?", glossary, cues).kind == "percent"  # « ou »: or
    text = ("Le cinquième tiers-lieu doit ouvrir en 2024.\n\nLe cinquième tiers-lieu, à Lettenbach-sous-Roche, doit ouvrir en 2024.\n\n"
            "Commune : Lettenbach-sous-Roche ; Tiers-lieux : 1")
    _, candidates = answerer.scored(where, [_hit(text)])
    kept = [c.unit.display[:30] for c in candidates if answerer._answers(where, c)]
    assert kept == ["Le cinquième tiers-lieu, à Let", "Commune : Lettenbach-sous-Roch"]
    why = analyse("Pourquoi le groupement d'employeurs n'a-t-il pas été lancé ?", glossary, cues)
    assert why.reason
    text = "Le groupement d'employeurs n'a pas été créé, faute de porteur associatif.\n\nLe groupement d'employeurs n'a pas été créé."
    _, candidates = answerer.scored(why, [_hit(text)])
    assert [c.features["essential_missing"] for c in candidates] == [0.0, 1.0]
    assert analyse("Quel poids l'industrie représente-t-elle dans l'emploi ?", glossary, cues).kind == "percent"
    # « quelle est la population ? » asks a number, « que recouvre la surface disponible ? » a meaning
    assert analyse("Quelle est la population du syndicat ?", glossary, cues).kind == "count"
    assert analyse("Que recouvre la notion de surface disponible ?", glossary, cues).kind == "what"


def test_the_question_word_and_the_kind_of_answer_are_not_what_is_asked_about():
    cues, glossary = default_cues(), default_glossary()
    answerer = ExtractiveAnswerer(glossary, cues)
    # « pour quelle raison » is answered by a cause, never by a sentence repeating « raison »
    why = analyse("Pour quelle raison la halle de producteurs n'a-t-elle pas ouvert ?", glossary, cues)
    assert why.reason and not {"raison", "pourquoi"} & {c.label for c in why.content}
    text = "La halle de producteurs n'a pas ouvert, faute de repreneur pour le bâtiment."
    _, candidates = answerer.scored(why, [_hit(text)])
    assert candidates[0].features["focus_missing"] == 0.0 and candidates[0].features["unit_coverage"] == 1.0
    # « dans quel village » asks a name: the sentence naming the village need not say « village »
    where = analyse("Dans quel village la maison de santé sera-t-elle construite ?", glossary, cues)
    assert where.content[0].label != where.focus.label
    text = "La maison de santé sera construite à Brémont-sur-Aire en 2025.\n\nLe village attend une maison de santé."
    _, candidates = answerer.scored(where, [_hit(text)])
    focus = {c.unit.display[:10]: c.features["focus_missing"] for c in candidates}
    assert focus == {"La maison ": 0.0, "Le village": 0.0}
    assert analyse("Quel est le budget du village ?", glossary, cues).focus is not None  # not a place question


def test_abstentions_answer_who_abstained_and_the_number_sign_answers_which_number():
    cues, glossary = default_cues(), default_glossary()
    answerer = ExtractiveAnswerer(glossary, cues)
    text = ("Délégués présents : 35 ; délégués représentés : 2.\n\n"
            "Adoptée par 31 voix pour, 4 voix contre et 2 abstentions.\n\n"
            "Délibération n° 2024-017 du comité syndical")
    abstained = analyse("Combien de membres se sont abstenus ?", glossary, cues)
    _, candidates = answerer.scored(abstained, [_hit(text)])
    assert {c.unit.display[:12]: c.features["unit_coverage"] for c in candidates}["Adoptée par "] > 0
    number = analyse("Quel numéro porte la délibération ?", glossary, cues)
    _, candidates = answerer.scored(number, [_hit(text)])
    assert {c.unit.display[:12]: c.features["focus_missing"] for c in candidates}["Délibération"] == 0.0


def test_a_follow_up_asks_its_own_kind_and_an_english_how_much_asks_money():
    from assistant.answers.service import AnswerService

    service = AnswerService(retriever=None, glossary=default_glossary(), cues=default_cues())
    _, analysis = service.understand("Et qui s'est prononcé contre ?", ["Combien de voix pour la délibération a-t-elle recueillies ?"])
    assert analysis.kind == "who"
    # « combien » after a share asks that share
    _, analysis = service.understand("Et combien sont encore en cours ?", ["Quelle part des actions est réalisée ?"])
    assert analysis.kind == "percent"
    _, analysis = service.understand("How much did the State's brownfield fund put into the operation?", [])
    assert analysis.money
    # « how long is the path? » asks a length, « how long did it stay vacant? » a duration
    assert service.understand("How long is the hiking loop around the lake?", [])[1].kind == "count"
    assert service.understand("For how long was the manager's position vacant?", [])[1].kind == "date"
    assert service.understand("How long did the works last?", [])[1].kind == "date"


def test_an_amount_answers_how_much_something_cost_but_not_why():
    cues, glossary = default_cues(), default_glossary()
    answerer = ExtractiveAnswerer(glossary, cues)
    text = "Le coût total des actions engagées s'élève à 3 840 000 €.\n\nLe coût des carburants pèse sur les ménages sans desserte ferroviaire."
    cost = analyse("Combien ont coûté au total les actions engagées ?", glossary, cues)
    assert cost.kind == "count" and cost.money
    _, candidates = answerer.scored(cost, [_hit(text)])
    assert [c.unit.display[:8] for c in candidates if answerer._answers(cost, c)] == ["Le coût "]
    assert candidates[0].features["value_present"] == 1.0
    ceiling = analyse("Le plafond annuel monte à combien ?", glossary, cues)
    _, candidates = answerer.scored(ceiling, [_hit("Son plafond annuel est porté de 30 000 € à 35 000 €.")])
    assert [answerer._answers(ceiling, c) for c in candidates] == [True]
    rise = analyse("De combien le coût des équipements a-t-il augmenté ?", glossary, cues)
    _, candidates = answerer.scored(rise, [_hit("Le coût des équipements a augmenté de plus de 25 % depuis l'étude.")])
    assert rise.change and [answerer._answers(rise, c) for c in candidates] == [True]
    why = analyse("Pourquoi les ménages sont-ils si sensibles au coût des carburants ?", glossary, cues)
    assert not why.money  # a reason is asked, not an amount
    _, candidates = answerer.scored(why, [_hit(text)])
    assert any("carburants" in c.unit.display for c in candidates if answerer._answers(why, c))


def test_a_sentence_announcing_items_it_does_not_hold_never_answers():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Que doit contenir chaque contrat local ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(analysis, [_hit("Chaque contrat local comprendra au minimum :")])
    assert candidates and not any(answerer._answers(analysis, c) for c in candidates)


def test_english_questions_are_searched_with_their_french_gloss():
    lexicon = Lexicon.load()
    gloss = lexicon.to_french("How many municipalities make up the Val Doré community?")
    assert gloss.startswith("combien communes") and "Val Doré" in gloss and " the " not in f" {gloss} "
    assert lexicon.to_french("When did our steering committees meet?").startswith("quand notre comités de pilotage")
    assert Lexicon({}).to_french("Who is the mayor?") == "Who mayor?"  # without a lexicon: the words kept


def test_who_is_asked_by_qui_not_by_ce_qui():
    def kind(question):
        return analyse(question, default_glossary(), default_cues()).kind

    assert kind("Qui pilote le pacte ?") == kind("Par qui le pacte est-il piloté ?") == "who"
    assert kind("Qui est-ce qui signe la convention ?") == "who"
    assert kind("Qu'est-ce qui a retardé la desserte forestière ?") == "what"  # a thing, not a person
    assert kind("Ce qui a freiné les actions, c'est quoi ?") == "what"
    assert kind("Quelle fraction des dépenses provient de la Région ?") == "percent"


def test_lengths_of_time_measures_and_prices_ask_for_values():
    def kind(question):
        analysis = analyse(question, default_glossary(), default_cues())
        return analysis.kind, analysis.money

    assert kind("Pour combien d'années le contrat est-il conclu ?") == ("date", False)
    assert kind("Quelle surface a été requalifiée sur la friche ?") == ("count", False)
    assert kind("Combien la chambre a-t-elle facturé les diagnostics ?") == ("count", True)
    assert kind("Quel est le loyer mensuel des bureaux ?")[1] is True
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    years = analyse("Pour combien d'années le contrat est-il conclu ?", default_glossary(), default_cues())
    assert answerer._has_value(years, "Le contrat est conclu pour six ans.")
    assert answerer._has_value(years, "Contrat 2022-2027")
    assert not answerer._has_value(years, "Le contrat est conclu avec six communes.")


def test_a_dotted_code_is_one_number():
    # « l'action 3.1.2 » is not held by the row of action 3.2.1, although it has the same digits
    assert digits("Où en est l'action 3.1.2 ?") == {"3.1.2"}
    assert digits("Code : 3.2.1 ; Budget prévu : 1 800 000") == {"3.2.1", "1800000"}


def test_warm_up_grows_the_gate_before_the_first_question(shipped_index):
    # `pacte serve` warms up while it starts: the first user's question no longer pays for
    # growing the forest (and importing scikit-learn) nor for the embedder's first call
    from assistant.answers import answerability
    from assistant.container import Assistant

    answerability._load.cache_clear()
    answers = Assistant(shipped_index).answers
    gate = answers.extractive.model.answer
    assert isinstance(gate, TreesGate) and "forest" not in gate.__dict__
    answers.warm_up()
    assert "forest" in gate.__dict__
    assert answers.ask("Quel est le taux d'actions réalisées ?").answered


def test_the_answer_quotes_a_runner_up_close_behind_or_in_the_same_passage():
    # a purpose-built model: the ranking and the gate read how many of the question's words a
    # sentence holds; the runner-up is quoted with the first sentence when the ranking cannot tell
    # them apart, or when it is in the same passage; one far behind in another passage is not
    at = FEATURES.index("unit_coverage")
    rank = Linear(tuple(4.0 if i == at else 0.0 for i in range(len(FEATURES))))
    gate = LogisticGate(Linear(tuple(12.0 if i == at else 0.0 for i in range(len(GATE_FEATURES))), -6.0,
                               names=GATE_FEATURES))
    answerer = ExtractiveAnswerer(default_glossary(), default_cues(), model=AnswerabilityModel(rank, gate, 0.5))
    analysis = analyse("Quelle entreprise a repris la scierie de Vaussey ?", default_glossary(), default_cues())
    first = "La scierie de Vaussey a été reprise en 2021 par la SCIC Bois d'Ornelle."
    second = "La SCIC Bois d'Ornelle, qui a repris la scierie de Vaussey, emploie 14 salariés."
    weak = "La SCIC Bois d'Ornelle emploie 14 salariés."
    pick = answerer.select(analysis, [_hit(first), _hit(weak, "Filière bois"), _hit(second, "Reprises")])
    assert pick is not None and {c.unit.display for c in pick.candidates} == {first, second}
    pick = answerer.select(analysis, [_hit(first), _hit(weak, "Filière bois")])
    assert pick is not None and [c.unit.display for c in pick.candidates] == [first]
    pick = answerer.select(analysis, [_hit(f"{first}\n\n{weak}")])
    assert pick is not None and [c.unit.display for c in pick.candidates] == [first, weak]
    # a question close behind (a FAQ's « Qui a repris la scierie de Vaussey ? ») asks, it states nothing
    asked = "Qui a repris la scierie de Vaussey en 2021 ?"
    pick = answerer.select(analysis, [_hit(f"{first}\n\n{asked}")])
    assert pick is not None and [c.unit.display for c in pick.candidates] == [first]
    # the gate reads the first sentence: one holding few of the question's words is declined
    assert answerer.select(analysis, [_hit(weak), _hit("Le Club des entreprises compte 40 membres.")]) is None


def test_a_section_or_document_title_repeated_as_a_line_is_a_heading_not_an_answer():
    # « 2. Diagnostic économique régional » listed as « - Diagnostic économique régional », the
    # cover's « Rapport d'activité » without its subtitle: they say where, not what
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Pourquoi faut-il lire avec prudence le diagnostic économique régional ?",
                       default_glossary(), default_cues())
    text = ("- Diagnostic économique régional\n\nRapport d'activité\n\n"
            "Le diagnostic économique régional doit être lu avec prudence, la crise sanitaire ayant perturbé l'activité.")
    hit = _hit(text, "2. Diagnostic économique régional")
    hit.chunk.metadata["document_title"] = "Rapport d'activité — Club des entreprises"
    _, candidates = answerer.scored(analysis, [hit])
    assert [c.unit.display[:17] for c in candidates] == ["Le diagnostic éco"]


def test_a_date_to_the_day_or_month_is_told_from_a_year_alone():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Jusqu'à quelle date peut-on envoyer ses observations ?", default_glossary(), default_cues())
    text = ("Les observations peuvent être envoyées jusqu'au 4 novembre 2022.\n\n"
            "Le programme est prolongé jusqu'en 2028.\n\nLa consultation s'ouvre en octobre 2022.")
    _, candidates = answerer.scored(analysis, [_hit(text)])
    assert [c.features["exact_date"] for c in candidates] == [1.0, 0.0, 1.0]
    year = analyse("Combien d'observations ont été envoyées en 2022 ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(year, [_hit(text)])
    assert all(c.features["exact_date"] == 0.0 for c in candidates)  # not a date question


def test_a_timeline_date_set_as_a_title_is_quoted_with_the_event_under_it():
    # a slide's timeline: each date is a title over its event; « quel jour ? » is answered by both
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Quel jour le comité syndical a-t-il voté ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(analysis, [_hit("27 juin 2023\n\nVote du comité syndical du PETR",
                                                    "Et maintenant ? > 27 juin 2023")])
    assert [c.unit.display for c in candidates] == ["27 juin 2023 Vote du comité syndical du PETR"]
    assert candidates[0].has_value and candidates[0].features["exact_date"] == 1.0


def test_a_sentence_going_on_about_the_subject_of_the_one_before_holds_its_words_in_context():
    # « Fin 2022, … les travaux restants ont été retardés » says what delayed the forest road the
    # sentence before named; a heading between them starts afresh
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    analysis = analyse("Qu'est-ce qui a retardé la desserte forestière du Haut-Donon ?", default_glossary(), default_cues())
    named = "La desserte forestière du Haut-Donon prévoyait 18 km de pistes."
    delayed = "Les travaux restants ont été retardés par la présence du grand tétras."
    _, candidates = answerer.scored(analysis, [_hit(f"{named} {delayed}")])
    by_text = {c.unit.display: c.features for c in candidates}
    assert by_text[delayed]["unit_coverage"] < by_text[delayed]["context_coverage"] == 1.0
    assert by_text[named]["context_coverage"] == by_text[named]["unit_coverage"] < 1.0
    _, candidates = answerer.scored(analysis, [_hit(f"{named}\n\n## TRAVAUX\n\n{delayed}")])
    by_text = {c.unit.display: c.features for c in candidates}
    assert by_text[delayed]["context_coverage"] == by_text[delayed]["unit_coverage"]


def test_a_question_asking_the_day_is_not_answered_by_a_month():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    text = "La signature est prévue en juin 2023.\n\nLa convention a été signée le 5 juillet 2018."
    day = analyse("Quel jour exactement la convention a-t-elle été signée ?", default_glossary(), default_cues())
    assert day.kind == "date" and day.day
    assert not {c.label for c in day.content} & {"exact", "jour"}  # they say what kind of answer, not about what
    _, candidates = answerer.scored(day, [_hit(text)])
    assert [c.features["day_missing"] for c in candidates] == [1.0, 0.0]
    when = analyse("Quand la convention a-t-elle été signée ?", default_glossary(), default_cues())
    assert not when.day
    _, candidates = answerer.scored(when, [_hit(text)])
    assert all(c.features["day_missing"] == 0.0 for c in candidates)


def test_a_table_row_the_question_does_not_name_and_the_total_row():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    text = ("Secteur : Industrie ; Effectifs salariés fin 2022 : 52 800\n"
            "Secteur : Commerce de détail ; Effectifs salariés fin 2022 : 45 100\n"
            "Secteur : Total ; Effectifs salariés fin 2022 : 338 500\n\n"
            "Les effectifs salariés ont progressé de 0,7 % sur un an.")
    whole = analyse("Combien de salariés y avait-il dans le département fin 2022 ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(whole, [_hit(text)])
    unnamed = {c.unit.display[:12]: c.features["row_unnamed"] for c in candidates}
    # no sector named: every row but the Total one stands for a part only; a sentence is no row
    assert unnamed == {"Secteur : In": 1.0, "Secteur : Co": 1.0, "Secteur : To": 0.0, "Les effectif": 0.0}
    trade = analyse("Combien de salariés compte le commerce fin 2022 ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(trade, [_hit(text)])
    unnamed = {c.unit.display[:12]: c.features["row_unnamed"] for c in candidates}
    assert unnamed["Secteur : Co"] == 0.5 and unnamed["Secteur : In"] == 1.0  # « commerce » named, « détail » not


def test_rare_words_weigh_more_in_coverage(tmp_path):
    from assistant.providers.lexical import LexicalIndex
    from assistant.text.tokens import tokenize_fr

    texts = ["Le territoire accueille une scierie coopérative à Lagarde.",
             "Le territoire compte onze zones d'activités.",
             "Le territoire a signé son contrat avec la Région.",
             "Le territoire mise sur le tourisme de pleine nature."]
    lexical = LexicalIndex(tmp_path / "bm25")
    lexical.build([f"c{i}" for i in range(len(texts))], texts, "g1")
    scierie, territoire = tokenize_fr("scierie territoire")
    assert lexical.document_frequencies([scierie, territoire, "zzz"]) == {scierie: 1, territoire: 4, "zzz": 0}
    lexical.build(["c9"], ["Une scierie."], "g2")  # a new index counts afresh
    assert lexical.document_frequencies([scierie, territoire]) == {scierie: 1, territoire: 0}
    lexical.build([f"c{i}" for i in range(len(texts))], texts, "g3")
    answerer = ExtractiveAnswerer(default_glossary(), default_cues(), lexical=lexical)
    analysis = analyse("Où est la scierie coopérative du territoire ?", default_glossary(), default_cues())
    weights, unknown = answerer._weights(analysis)
    by_word = dict(zip((c.label for c in analysis.content), weights))
    assert by_word[scierie] > 3 * by_word[territoire] and unknown == 0.0
    _, candidates = answerer.scored(analysis, [_hit("Le territoire compte onze zones d'activités.")])
    only_common = candidates[0].features
    # the sentence holds the common word only: a third of the words, far less of their weight
    assert only_common["unit_coverage"] > 0.3 and only_common["unit_rare_coverage"] < 0.2
    absent = analyse("Combien de téléskis le territoire exploite-t-il ?", default_glossary(), default_cues())
    assert answerer._weights(absent)[1] >= 1.0  # « téléski » is in no passage


def test_a_list_question_quotes_every_item_under_the_heading_of_a_slide():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    text = ("CE QUI A MARCHÉ\n+ Friche de Vallerhof : 6 entreprises installées\n+ Fibre : de 38 % à 97 % des locaux\n\n"
            "POINTS DE VIGILANCE\n\n! 9 actions abandonnées ou jamais lancées\n\n! Filière bois : 21 entreprises aidées sur 30\n\n"
            "! Aucun chargé de mission prospection recruté")
    analysis = analyse("Quels points de vigilance la synthèse relève-t-elle ?", default_glossary(), default_cues())
    _, candidates = answerer.scored(analysis, [_hit(text)])
    by_start = sorted(candidates, key=lambda c: c.unit.start)
    vigilance = [c for c in by_start if c.unit.start > text.index("POINTS")]
    listed = whole_list(vigilance[1], candidates, headed=True)
    assert [c.unit.display[:12] for c in listed] == ["9 actions ab", "Filière bois", "Aucun chargé"]
    # the items of the other heading are another list; without a list asked, one item is the answer
    assert [c.unit.display[:6] for c in whole_list(by_start[0], candidates, headed=True)] == ["Friche", "Fibre "]
    assert whole_list(vigilance[1], candidates) is None


def test_what_the_question_asks_about_titles_a_list_so_every_item_is_quoted():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    text = ("Bilan de la saison\n\n- 412 000 nuitées marchandes\n- 38 % de clientèle étrangère\n"
            "- 6 % de nuitées en moins dans les campings")
    hit = _hit(text, section="Bilan de la saison")
    asked = analyse("Quel est le bilan de la saison ?", default_glossary(), default_cues())
    assert asked.kind == "what"
    pick = answerer.select(asked, [hit])
    assert pick is not None
    # the slide's title is what the question asks about: its three items are the answer, the
    # one the ranking puts last included
    assert [c.unit.display[:9] for c in pick.candidates] == ["412 000 n", "38 % de c", "6 % de nu"]
    _, candidates = answerer.scored(asked, [hit])
    first = min(candidates, key=lambda c: c.unit.start)
    # a title the question does not name leaves the item alone, as before
    assert whole_list(first, candidates, names_heading=lambda tokens: False) is None
    assert len(whole_list(first, candidates, names_heading=lambda tokens: "saison" in " ".join(tokens))) == 3


def test_one_date_asked_from_an_announced_calendar_quotes_the_announcement_and_its_item():
    answerer = ExtractiveAnswerer(default_glossary(), default_cues())
    text = ("Le calendrier du contrat est le suivant :\n\n"
            "- 14 octobre 2022 : diffusion du projet aux communes ;\n"
            "- 15 décembre 2022 : vote du contrat par le conseil communautaire ;\n"
            "- second semestre 2025 : bilan à mi-parcours du contrat ;\n"
            "- 2028 : évaluation finale du contrat.")
    hit = _hit(text, section="Le calendrier")
    asked = analyse("Quand est prévu le bilan à mi-parcours du contrat ?", default_glossary(), default_cues())
    assert asked.kind == "date"
    pick = answerer.select(asked, [hit])
    assert pick is not None and pick.confident
    assert [c.unit.display[:20] for c in pick.candidates] == ["Le calendrier du con", "second semestre 2025"]
    # a list asked is still quoted whole
    listed = answerer.select(analyse("Quelles sont les étapes du calendrier du contrat ?", default_glossary(),
                                     default_cues()), [hit])
    assert listed is not None and len(listed.candidates) == 5


def _fit_script():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import fit_answerability

    return fit_answerability


def _random_question(rng, corpus: str, answerable: bool):
    """A labelled question of random features (its first sentence answers when it is answerable)."""
    fit = _fit_script()
    rows = [rng.normal(size=len(FEATURES)) for _ in range(3)]
    labels = [int(answerable), 0, 0]
    return fit.Labelled(rows, labels, answerable, f"q {rng.integers(1e9)}", ("x",) if answerable else (),
                        tuple(labels), corpus=corpus)


def _record_training(monkeypatch) -> list[set[str]]:
    """The corpora (a copy counted as its corpus) each fit of the script is trained on."""
    fit = _fit_script()
    trained_on, real_fit = [], fit.fit_models

    def recording(train, *args, **kwargs):
        trained_on.append({fit.parent_corpus(q) for q in train})
        return real_fit(train, *args, **kwargs)

    monkeypatch.setattr(fit, "fit_models", recording)
    return trained_on


def test_leaving_a_corpus_out_reads_it_with_a_score_fitted_on_the_others(monkeypatch):
    rng = np.random.default_rng(0)
    questions = [_random_question(rng, f"/tmp/{c}/corpus", i % 3 != 0) for c in ("val_dore", "causses") for i in range(12)]
    trained_on = _record_training(monkeypatch)
    read = _fit_script().leave_corpus_out(questions, 3.0, 0.5)
    assert set(read) == {"val_dore/corpus", "causses/corpus"}
    assert all(r["questions"] == 12 and 0.0 <= r["answer_accuracy"] <= 1.0 for r in read.values())
    # each corpus is read by a score that never saw it
    assert trained_on == [{"/tmp/val_dore/corpus"}, {"/tmp/causses/corpus"}]


def test_one_document_copies_are_left_out_with_their_corpus(monkeypatch):
    rng = np.random.default_rng(2)
    full = {"val_dore": "/tmp/val_dore/corpus", "causses": "/tmp/causses/corpus"}
    questions = [_random_question(rng, c, i % 3 != 0) for c in full.values() for i in range(10)]
    questions += [_random_question(rng, f"{c}#bilan.pdf", i % 3 != 0) for c in full.values() for i in range(8)]
    trained_on = _record_training(monkeypatch)
    read = _fit_script().leave_corpus_out(questions, 3.0, 0.5)
    assert read["val_dore/corpus"]["questions"] == 10 and read["val_dore/corpus (un document)"]["questions"] == 8
    assert set(read) == {"val_dore/corpus", "val_dore/corpus (un document)", "causses/corpus",
                         "causses/corpus (un document)"}
    # the copies of a corpus's documents never teach the score that reads the corpus
    assert trained_on == [{full["val_dore"]}, {full["causses"]}]  # causses held out first, then val_dore


def test_a_question_belongs_to_the_document_that_answers_it_or_that_comes_closest(tmp_path):
    fit = _fit_script()

    def hit(file: str, text: str) -> Hit:
        return Hit(ChunkRow(file, file, 0, text, text, {"file": file, "page": 1}), 1.0, 1, 1, similarity=0.8)

    class Retriever:
        def retrieve(self, text):
            return [hit("etude.pdf", "La population atteint 12 400 habitants en 2020."),
                    hit("bilan.pdf", "Le salon s'est tenu en mars 2021 à Vire.")]

    class Answers:
        retriever = Retriever()

        def understand(self, question, history):
            return question, analyse(question, default_glossary(), default_cues())

    class FakeAssistant:
        answers = Answers()

    labelled = {"question": "Quand ?", "answerable": True, "expected": ["2020"], "document": "note.docx"}
    assert fit.home_document(FakeAssistant(), labelled) == "note.docx"
    unlabelled = {"question": "Quand le salon s'est-il tenu ?", "answerable": True, "expected": ["mars 2021"]}
    assert fit.home_document(FakeAssistant(), unlabelled) == "bilan.pdf"
    nowhere = {"question": "Quel budget ?", "answerable": True, "expected": ["18 000 €"]}
    assert fit.home_document(FakeAssistant(), nowhere) is None
    unanswerable = {"question": "Qui préside le salon ?", "answerable": False}
    assert fit.home_document(FakeAssistant(), unanswerable) == "etude.pdf"

    corpus = tmp_path / "val_dore" / "corpus"
    corpus.mkdir(parents=True)
    for name, text in (("bilan.pdf", "%PDF-1.4"), ("etude.pdf", "%PDF-1.4"), ("pacte.toml", 'territoire = "Val Doré"\n')):
        (corpus / name).write_text(text, encoding="utf-8")
    alone, index = fit.one_document_corpus(corpus, "bilan.pdf", tmp_path / "seuls")
    assert sorted(p.name for p in alone.iterdir()) == ["bilan.pdf", "pacte.toml"]
    assert index.parent == alone.parent and index != alone
