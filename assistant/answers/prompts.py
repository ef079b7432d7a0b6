"""Prompt templates for the LLM modes, in French, short."""

ANSWER_SYSTEM_PROMPT = (
    "Tu es l'assistant documentaire d'un territoire. Tu réponds uniquement à partir des passages "
    "numérotés fournis. Chaque affirmation porte le numéro de son passage entre crochets, par exemple [1]. "
    "Recopie les chiffres et les dates exactement comme ils sont écrits. Si les passages ne permettent "
    "pas de répondre, réponds exactement : « Les documents indexés ne permettent pas de répondre à cette "
    "question. » Réponse courte, en {language}."
)

ANSWER_USER_PROMPT = "Passages :\n{passages}\n\nQuestion : {question}\nRéponse :"

CONDENSE_PROMPT = (
    "Voici une conversation puis une question de suivi. Réécris la question de suivi en une question "
    "autonome, dans la même langue, sans y répondre.\n\nConversation :\n{history}\n\n"
    "Question de suivi : {question}\nQuestion autonome :"
)

BRIEF_SYSTEM_PROMPT = (
    "Tu rédiges le paragraphe de contexte d'une note de synthèse administrative, en français, en trois "
    "phrases au plus, uniquement à partir des sources numérotées. Chaque phrase cite ses sources entre "
    "crochets, par exemple [2]. Recopie les chiffres et les dates exactement. N'ajoute aucune information."
)

BRIEF_USER_PROMPT = "Sujet de la note : {subject}\n\nSources :\n{passages}\n\nParagraphe :"

# Notices of the LLM modes, shown in one line under an answer the model did not write itself.
FALLBACK_LLM_DOWN = ("Le modèle de langage n'a pas répondu (serveur indisponible ou délai dépassé) : "
                     "réponse extraite des documents.")
FALLBACK_LLM_DOWN_NO_ANSWER = "Le modèle de langage n'a pas répondu (serveur indisponible ou délai dépassé)."
FALLBACK_LLM_DECLINED = "Le modèle de langage n'a pas trouvé de réponse : réponse extraite des documents."


def fallback_all_dropped(count: int) -> str:
    """The notice when none of the model's sentences could be verified in the sources."""
    if count <= 1:
        return "La phrase du modèle de langage n'a pas pu être vérifiée dans les sources : réponse extraite des documents."
    return (f"Aucune des {count} phrases du modèle de langage n'a pu être vérifiée dans les sources : "
            "réponse extraite des documents.")


def dropped_notice(count: int) -> str:
    """The notice when some of the model's sentences were removed, unverified."""
    if count == 1:
        return "1 phrase non vérifiée dans les sources a été retirée."
    return f"{count} phrases non vérifiées dans les sources ont été retirées."


def brief_notice(kept: int, dropped: int, down: bool = False) -> str:
    """The one line a note's context paragraph carries when the model's sentences were removed or it
    did not answer; empty when every sentence was verified."""
    if down:
        return "(Paragraphe rédigé non disponible : le modèle de langage n'a pas répondu.)"
    if not dropped:
        return ""
    if not kept:
        return ("(Paragraphe rédigé non affiché : aucune des phrases du modèle de langage n'a pu être vérifiée "
                "dans les sources.)")
    return f"({dropped_notice(dropped)})"
