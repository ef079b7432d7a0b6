"""Acronyms spelt out by the initials of a text's words, whatever the layout around them."""

from assistant.text.acronyms import acronyms, spelt_out


def test_initials_of_significant_words_spell_the_acronym():
    assert spelt_out("ZAN", "Sigle : ZAN ; Signification : Zéro artificialisation nette") == "zero artificialisation nette"
    assert spelt_out("PETR", "le Pôle d'équilibre territorial et rural (PETR)") == "pole d equilibre territorial et rural"
    srdeii = "Schéma régional de développement économique, d'innovation et d'internationalisation"
    assert spelt_out("SRDEII", srdeii) == "schema regional de developpement economique d innovation et d internationalisation"


def test_words_that_do_not_spell_it_are_no_expansion():
    assert spelt_out("ZAN", "Sigle : ZAE ; Signification : Zone d'activités économiques") is None
    assert spelt_out("PETR", "Pacte territorial de relance et de transition écologique") is None
    assert spelt_out("ZAN", "ZAN") is None  # the acronym alone spells nothing


def test_a_two_letter_acronym_counts_only_beside_itself():
    assert spelt_out("CC", "les communes concernées") is None
    assert spelt_out("CC", "CC : communauté de communes") == "communaute de communes"


def test_acronyms_are_words_in_capitals():
    assert acronyms("Que signifie ZAN dans le SRDEII ? Et A ?") == ["ZAN", "SRDEII"]
