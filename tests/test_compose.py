"""The answer composer (``assistant.answers.compose``): the French (or English) text written from
the data that tools and the extractive answerer return, its typography, and the shipped corpus end
to end through ``pacte ask --json``."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from assistant.answers.asked_leads import LeadWords
from assistant.answers.compose import Origin, Quote, compose, compose_quotes, declined, derived_lead, quoted
from assistant.answers.extractive import Candidate, Pick
from assistant.answers.model import Check, Source, keep_cited
from assistant.answers.question import QuestionAnalysis
from assistant.answers.service import AnswerService
from assistant.answers.verify import verify
from assistant.providers.catalog import ChunkRow
from assistant.retrieval.hybrid import Hit
from assistant.text.typography import NBSP, NNBSP, plural, plural_phrase, title_case
from assistant.text.units import is_bare_heading, split_units
from test_answers import ask_json

TITLE = "EVALUATION POCE (PACTE OFFENSIVE CROISSANCE EMPLOI) 2017/2021 PETR CŒUR DE LORRAINE"
ORIGIN = Origin(TITLE, "Janvier 2022")


def outside_quotes(text: str) -> str:
    return re.sub(r"«[^«»]*»", "«»", text)


def assert_readable(text: str) -> None:
    """No markdown emphasis, no « (s) », no « ; » joining quoted sub-items."""
    assert "*" not in text and "(s)" not in text
    for quote in re.findall(r"«([^«»]*)»", text):
        assert " ; " not in quote, quote


def test_single_quote_reads_attribution_then_quote_with_french_spacing():
    text = compose_quotes(ORIGIN, [Quote(["67% d'action réalisées"], 1)], en=False)
    assert text == f"D'après « Evaluation POCE 2017/2021 PETR Cœur de Lorraine » (janvier 2022){NBSP}: « 67% d'action réalisées » [1]."
    # the quotation stays as the document wrote it (« 67% »), the verifier accepts it
    clean, checks = verify(text, {1: f"{TITLE} 67% d'action réalisées Janvier 2022"})
    assert all(c.ok for c in checks) and clean == text


def test_titles_in_capitals_are_shown_in_ordinary_case():
    assert title_case("SOUTENIR LES ENTREPRISES DU PETR") == "Soutenir les Entreprises du PETR"
    assert title_case("Évaluation du pacte") == "Évaluation du pacte"  # written in ordinary case: as is
    assert "CŒUR" not in compose(ORIGIN, ["« x » [1]"], en=False)


def test_sub_items_are_list_items_not_semicolon_joins_and_no_asterisks():
    (meetings, review) = split_units("- 3 réunions :\n  ▣ Le 02/03/2019\n  ▣ Le 05/11/2019\n- **Bilan** annuel\n  - suivi des fiches")
    assert meetings.display == "3 réunions : Le 02/03/2019 ; Le 05/11/2019"  # what the answerer scores: unchanged
    text = compose_quotes(ORIGIN, [Quote(meetings.parts, 1), Quote(review.parts, 2)], en=False)
    assert "« 3 réunions : Le 02/03/2019, Le 05/11/2019 » [1]" in text
    assert "« Bilan annuel, suivi des fiches » [2]" in text
    assert text.count("\n- ") == 2
    assert_readable(text)
    assert quoted("**Axe 1** : *accueillir*") == "« Axe 1 : accueillir »"


def test_a_count_of_listed_lines_leads_and_is_verified_as_derived():
    units = split_units("CC Côtes de Meuse\nCC du Sammiellois\nCC Fresnes en Woëvre")
    lead = derived_lead("count", None, units, en=False)
    assert lead.text == "3 éléments relevés" and "3" in lead.values
    text = compose_quotes(ORIGIN, [Quote(u.parts, 1) for u in units], en=False, lead=lead)
    assert text.startswith("3 éléments relevés, d'après « Evaluation POCE")
    passage = {1: f"{TITLE} CC Côtes de Meuse CC du Sammiellois CC Fresnes en Woëvre Janvier 2022"}  # title and date name the source
    _, checks = verify(text, passage, lead.values)
    assert all(c.ok for c in checks)
    assert derived_lead("count", None, units[:1], en=False) is None  # one line: no count to give


def test_a_quoted_percentage_or_the_earliest_date_leads():
    (share,) = split_units("Le taux de réalisation atteint 67% des actions.")
    assert derived_lead("percent", None, [share], en=False).text == "67 %"
    dates = split_units("Copil le 30/09/2020 puis le 17/02/2020.")
    lead = derived_lead("what", "first", dates, en=False)
    assert lead.text == "la plus ancienne est le 17 février 2020"
    text = compose_quotes(Origin("Bilan"), [Quote(dates[0].parts, 1)], en=False, lead=lead)
    assert text.startswith("La plus ancienne est le 17 février 2020, d'après « Bilan »")


def test_a_period_of_years_leads_only_when_a_span_of_time_is_asked():
    (period,) = split_units("2017/2021")
    lead = derived_lead("date", None, [period], en=False, period=True)
    assert lead.text == "de 2017 à 2021"
    text = compose_quotes(ORIGIN, [Quote(period.parts, 1)], en=False, lead=lead)
    assert text.startswith("De 2017 à 2021, d'après « Evaluation POCE")
    _, checks = verify(text, {1: f"{TITLE} 2017/2021 Janvier 2022"}, lead.values)
    assert all(c.ok for c in checks)
    # « quand la convention a-t-elle été signée ? » is not answered by a source line's years
    (source,) = split_units("Source : conventions signées (2017-2021).")
    assert derived_lead("date", None, [source], en=False) is None
    assert derived_lead("date", None, [source], en=False, period=True).text == "de 2017 à 2021"


def test_english_answer_has_no_space_before_colons():
    text = compose_quotes(ORIGIN, [Quote(["67% d'action réalisées"], 1), Quote(["20% d'action en cours"], 2)], en=True)
    assert text.startswith("According to « Evaluation POCE 2017/2021 PETR Cœur de Lorraine » (Janvier 2022):\n- « 67%")
    assert NBSP not in text and NNBSP not in text and " :" not in outside_quotes(text)


def test_french_spacing_before_colon_semicolon_question_and_percent():
    text = compose(Origin("Bilan", "17/02/2020"), ["12 % suivies ; lesquelles ? « a : b ; c » [1]"], en=False)
    assert text.startswith(f"D'après « Bilan » (17 février 2020){NBSP}: 12{NNBSP}% suivies{NNBSP}; lesquelles{NNBSP}? «")
    assert "« a : b ; c »" in text  # the quotation is left as written
    assert not re.search(r"[^\u00a0\u202f][:;?!%]", outside_quotes(text).replace("«»", ""))


def test_plural_never_writes_s_in_parentheses():
    assert plural(8, "réunion") == "8 réunions" and plural(1, "réunion") == "1 réunion"
    assert plural(0, "réunion") == "0 réunion"
    assert plural(3, "objectif opérationnel", "objectifs opérationnels") == "3 objectifs opérationnels"


@pytest.mark.parametrize("name, expected", [
    ("comité technique", "comités techniques"),
    ("comité de pilotage", "comités de pilotage"),
    ("conseil communautaire", "conseils communautaires"),
    ("bureau communautaire", "bureaux communautaires"),
    ("assemblée générale", "assemblées générales"),
    ("comité régional", "comités régionaux"),
    ("comité d'orientation", "comités d'orientation"),
    # a noun after the noun does not agree, nor what follows it
    ("commission développement économique", "commissions développement économique"),
    ("CTDC", None),  # an acronym or a proper name is not made plural
    ("Conseil de développement", None),
])
def test_a_body_name_in_the_plural(name, expected):
    assert plural_phrase(name) == expected


def test_decline_lists_the_passages_to_consult_one_a_line():
    text = declined("Les documents indexés ne permettent pas de répondre à cette question.",
                    [(TITLE, "MERCI POUR VOTRE ATTENTION", 1), (TITLE, None, 2)], en=False)
    assert text.splitlines()[1] == f"À consulter{NBSP}:"
    assert text.splitlines()[2] == "- « Evaluation POCE 2017/2021 PETR Cœur de Lorraine », Merci pour votre attention [1]"
    assert " ; " not in text


@pytest.mark.parametrize("text, section, heading", [
    ("## Suite à donner", "", True),
    ("MERCI POUR VOTRE ATTENTION", "", True),
    ("Les communes membres :", "", True),
    ("Suite à donner", "Bilan > Suite à donner", True),
    ("Le PTRTE prend le relais du pacte.", "Bilan > Suite à donner", False),
])
def test_bare_headings(text, section, heading):
    (unit,) = split_units(text)
    assert is_bare_heading(unit, section) is heading


def _pick(*texts: str, section: str = "") -> Pick:
    chunk = ChunkRow("c1", "d1", 0, "\n\n".join(texts), "\n\n".join(texts),
                     {"document_title": TITLE, "doc_date": "Janvier 2022", "section": section, "file": "poce.txt", "page": 1})
    hit = Hit(chunk, 1.0)
    units = [u for t in texts for u in split_units(t)]
    return Pick([Candidate(hit, 0, u, 0.9, 1, [], False) for u in units])


def _analysis(kind: str = "what", language: str = "fr") -> QuestionAnalysis:
    return QuestionAnalysis("question", language, kind, [], False)


def test_a_bare_heading_is_never_an_answer():
    service = AnswerService.__new__(AnswerService)  # _compose only needs the source builder
    service._lead_words = LeadWords()  # … and the general words of the leads
    assert service._compose(_analysis(), _pick("MERCI POUR VOTRE ATTENTION", "## Suite à donner")) is None
    # an expansion in capitals answers « que veut dire » and is quoted
    composed = service._compose(_analysis("definition"), _pick("(PACTE OFFENSIVE CROISSANCE EMPLOI)"))
    assert composed is not None and "« (PACTE OFFENSIVE CROISSANCE EMPLOI) » [1]" in composed[0]
    # a heading beside a real answer stays as its context
    text, sources, passages, derived = service._compose(_analysis(), _pick("SUITE A DONNER", "Le PTRTE prend le relais."))
    assert "« Le PTRTE prend le relais. » [1]" in text and sources[0].n == 1
    assert all(c.ok for c in verify(text, passages, derived)[1])


def test_text_utilities_keep_their_old_import_paths_and_load_no_numpy():
    from assistant.answers.units import split_units as old_units
    from assistant.briefing.typography import plural as old_plural
    from assistant.providers.lexical import fold_accents, tokenize_fr
    from assistant.text import tokens

    assert old_units is split_units and old_plural is plural
    assert tokenize_fr is tokens.tokenize_fr and fold_accents is tokens.fold_accents
    probe = ("import sys, assistant.text.tokens as t, assistant.knowledge.service, assistant.answers.compose;"
             "t.tokenize_fr('les réunions du comité');"
             "print(sorted(m for m in ('numpy', 'bm25s', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# the shipped corpus, end to end ------------------------------------------------------------------
@pytest.fixture
def shipped(shipped_index, use_index):
    return use_index(shipped_index)


def test_shipped_answers_lead_with_the_value(shipped):
    network, axes, share = ask_json("-", stdin="Combien de réunions du réseau des développeurs ?\n"
                                               "Quels sont les axes du pacte ?\nQuel est le taux d'actions réalisées ?\n")
    for answer in (network, axes, share):
        assert answer["answered"] and answer["verified"]
        assert_readable(answer["answer"])
        assert "EVALUATION POCE" not in answer["answer"]  # the document named in ordinary case
        assert not re.search(r"[^\u00a0]:", outside_quotes(answer["answer"]).replace("«»", ""))
    assert network["answer"].startswith("8 réunions (réseau des développeurs), d'après « Evaluation POCE")
    assert axes["answer"].startswith("3 axes, d'après « Evaluation POCE")
    assert axes["answer"].count("\n- Axe ") == 3 and "AXE" not in outside_quotes(axes["answer"])
    assert share["answer"].startswith(f"67{NNBSP}% des actions réalisées, d'après « Evaluation POCE")
    assert "« 67% d'action réalisées » [1]" in share["answer"]


def test_shipped_earliest_meeting_leads_with_the_date(shipped):
    (first,) = ask_json("Quelle est la date du premier comité de pilotage ?")
    assert first["answered"] and first["verified"] and first["tool"] == "governance_calendar"
    assert first["answer"].startswith("La plus ancienne réunion (comité de pilotage) est le 17 février 2020, d'après")
    assert first["answer"].endswith(f"{NBSP}: 17/02/2020 [1].")


def test_keep_cited_numbers_the_cited_sources_from_one():
    sources = [Source(n, f"Doc {n}", f"f{n}.pdf", n, None, None, f"passage {n}", 0.5) for n in (1, 2, 3)]
    checks = [Check("Axe 2 : « B » [3], « C » [2].", True)]
    text, kept, checks = keep_cited("Axe 2 : « B » [3], « C » [2] ; encore [3].", sources, checks)
    assert text == "Axe 2 : « B » [1], « C » [2] ; encore [1]."
    assert [(s.n, s.document) for s in kept] == [(1, "Doc 3"), (2, "Doc 2")]
    assert checks[0].sentence == "Axe 2 : « B » [1], « C » [2]."
    # nothing cited: every source stays as it was
    text, kept, _ = keep_cited("Aucune source citée.", sources)
    assert text == "Aucune source citée." and [s.n for s in kept] == [1, 2, 3]


def test_a_decline_quotes_the_closest_sentence_and_says_it_is_not_enough():
    text = declined("Les documents indexés ne permettent pas de répondre à cette question.",
                    [(TITLE, "Bilan", 1), (TITLE, None, 2)], en=False,
                    closest=Quote(["Le POCE couvre la période 2017-2021."], 1))
    lines = text.splitlines()
    assert lines[0] == "Les documents indexés ne permettent pas de répondre à cette question."
    assert lines[1] == (f"Le passage le plus proche ne permet pas de répondre avec certitude{NBSP}: « Evaluation POCE "
                        f"2017/2021 PETR Cœur de Lorraine », Bilan{NBSP}: « Le POCE couvre la période 2017-2021. » [1]")
    assert lines[2:] == [f"À consulter aussi{NBSP}:", "- « Evaluation POCE 2017/2021 PETR Cœur de Lorraine » [2]"]
    english = declined("The indexed documents do not answer this question.", [(TITLE, None, 1)], en=True,
                       closest=Quote(["Le POCE couvre la période 2017-2021."], 1))
    assert english.splitlines()[1].startswith("The closest passage does not answer with certainty: « Evaluation")
    assert len(english.splitlines()) == 2


def test_a_sentence_with_two_dates_gives_no_date_lead():
    # one date has no year (« le 2 février »), the other is complete: which one the question asks
    # is not for the lead to guess; one date alone still leads
    (both,) = split_units("En 2024, le comité de pilotage s'est réuni le 2 février, puis le comité technique le 08/10/2024.")
    assert derived_lead("date", None, [both], en=False) is None
    (one,) = split_units("Le comité technique s'est réuni le 08/10/2024.")
    assert derived_lead("date", None, [one], en=False).text == "le 8 octobre 2024"


def test_a_part_of_a_year_leads_when_a_date_is_asked_and_none_is_written():
    (half,) = split_units("Le bilan à mi-parcours du contrat est prévu au second semestre 2025.")
    lead = derived_lead("date", None, [half], en=False)
    assert lead.text == "au second semestre 2025"
    text = compose_quotes(Origin("Contrat"), [Quote(half.parts, 1)], en=False, lead=lead)
    assert text.startswith("Au second semestre 2025, d'après « Contrat »")
    _, checks = verify(text, {1: "Contrat. Le bilan à mi-parcours du contrat est prévu au second semestre 2025."},
                       lead.values)
    assert all(c.ok for c in checks)
    (seasons,) = split_units("Les travaux commencent fin 2024 et la zone ouvre au printemps 2026.")
    assert derived_lead("date", None, [seasons], en=False) is None  # two times: the quote says which
    assert derived_lead("what", None, [half], en=False) is None  # no time asked
    (span,) = split_units("Le programme couvre l'hiver 2021-2022.")
    assert derived_lead("date", None, [span], en=False) is None  # a span of years is not one part of a year
