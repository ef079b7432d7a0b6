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
