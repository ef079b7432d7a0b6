"""French tokens: a verb and the noun derived from it share one stem, and unrelated words do not."""

from __future__ import annotations

import pytest

from assistant.providers.lexical import LexicalIndex
from assistant.text.tokens import tokenize_fr


@pytest.mark.parametrize("words", [
    "créer création créé créations",
    "former formation formations formé",
    "produire production produit productions",
    "construire construction construit",
    "inscrire inscription inscrit",
    "ouvrir ouverture ouvert ouverte",
    "signer signature",
    "reprendre reprise repris reprises",
    "entreprise entreprises entreprendre",
    "maintenir maintien",
    "diversifier diversification",
    "présider préside présidé présidente président présidence",
    "adhérer adhère adhérent adhérents",
    "résider résident résidents",
    "tourisme touriste touristique touristiques",
])
def test_a_verb_and_its_nouns_share_a_stem(words):
    stems = {tuple(tokenize_fr(w)) for w in words.split()}
    assert len(stems) == 1, stems


@pytest.mark.parametrize("words", ["commission commissions", "transmission transmissions", "permission permissions"])
def test_a_plural_in_ssions_shares_its_singulars_stem(words):
    # Snowball reads « commissions » as a verb's « -issions » (comm) and « commission » as a noun (commiss)
    stems = {tuple(tokenize_fr(w)) for w in words.split()}
    assert len(stems) == 1, stems


@pytest.mark.parametrize("first, second", [
    ("contrat", "contre"), ("nation", "natation"), ("mission", "commission"), ("prise", "prix"),
    ("circuit", "circulation"), ("création", "crédit"), ("station", "statut"),
    ("président", "prêt"), ("résident", "résultat"), ("adhérent", "adresse"),
    ("tourisme", "tour"), ("tourisme", "tournée"), ("prisme", "prix"),
])
def test_unrelated_words_keep_their_own_stems(first, second):
    assert tokenize_fr(first) != tokenize_fr(second)


def test_the_word_ranking_finds_the_noun_from_the_verb(tmp_path):
    # « Qui a repris la scierie ? » must reach « la reprise de la scierie » by its words alone
    index = LexicalIndex(tmp_path / "bm25")
    index.build(["a", "b", "c"], ["La reprise de la scierie par la coopérative est actée.",
                                  "La scierie emploie douze salariés.",
                                  "Le comité a validé le programme."], generation="1")
    ranked = index.search(tokenize_fr("Qui a repris la scierie ?"), top_k=3)
    assert [doc for doc, _ in ranked[:2]] == ["a", "b"] and ranked[0][1] > ranked[1][1]


@pytest.mark.parametrize("written, asked", [
    ("Délibération n° 2023-041 du comité syndical", "Quel numéro porte la délibération ?"),
    ("Avenant N°2 au contrat", "Quel est le numéro de l'avenant ?"),
    ("Arrêté nº 17 du préfet", "Sous quel numéro l'arrêté a-t-il été pris ?"),
])
def test_the_number_sign_is_the_word_numero(written, asked):
    assert "numero" in tokenize_fr(written) and "numero" in tokenize_fr(asked)


def test_a_tables_number_column_is_not_the_word_numero():
    assert "numero" not in tokenize_fr("N° : 8 ; Action : Création du club ; Statut : Réalisée")
