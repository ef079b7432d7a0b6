"""Follow-up questions in LLM modes: the model's rewrite is used only when it can be trusted.

A language model asked to turn « et pour l'axe 3 ? » into a standalone question may answer it,
drift back to the previous topic, or change the element it was asked about (« axe 4 »). Its
rewrite is accepted only when it

1. keeps every new element of the follow-up: an axis number, a number or year, an acronym or a
   name, and the follow-up's other content words;
2. stays on the conversation's topic: it shares content words with the previous question that
   the follow-up does not bring itself;
3. invents no element: every number, axis, acronym and name it holds comes from the follow-up or
   from the conversation;
4. drops what the follow-up replaces (« axe 1 » once the follow-up asks about « axe 3 »);
5. is one short line.

Otherwise the rules' rewrite (``assistant.answers.question.condense``) is used.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from assistant.answers.question import FOLLOW_UP_RE, condense
from assistant.providers.lexical import fold_accents, tokenize_fr

logger = logging.getLogger(__name__)

AXIS_RE = re.compile(r"\b(?:axe|axis)\s+(\d+)\b", re.IGNORECASE)
NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
ACRONYM_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,9}\b")
# a capitalised word that does not start the text or a sentence: a place, a person, a body
NAME_RE = re.compile(r"(?<![.?!:«]\s)(?<!^)(?<=\s)[A-ZÀ-Ý][a-zà-ÿ'’-]{2,}")
FILLER = {"about", "also", "aussi", "idem", "meme"}  # words of the follow-up's form, not of its subject
MAX_REWRITE_CHARS = 300


@dataclass
class Rewrite:
    """The standalone question used, where it comes from (« llm » or « rules ») and, when the
    LLM's rewrite was set aside, why."""

    text: str
    origin: str
    reason: str = ""


def markers(text: str) -> set[str]:
    """The elements a rewrite must neither lose nor invent: axes, numbers, acronyms and names."""
    found = {f"axe {n}" for n in AXIS_RE.findall(text)}
    found |= set(NUMBER_RE.findall(AXIS_RE.sub(" ", text)))
    found |= {a.lower() for a in ACRONYM_RE.findall(text)}
    found |= {fold_accents(n.lower()) for n in NAME_RE.findall(text)}
    return found


def _words(text: str) -> set[str]:
    return {t for t in tokenize_fr(text) if t not in FILLER}


def check_rewrite(question: str, history: list[str], rewrite: str) -> str:
    """Why the LLM's ``rewrite`` of the follow-up ``question`` cannot be used; empty when it can."""
    rewrite = rewrite.strip()
    if not rewrite or "\n" in rewrite or len(rewrite) > MAX_REWRITE_CHARS:
        return "réécriture vide ou trop longue"
    previous = history[-1] if history else ""
    body = FOLLOW_UP_RE.sub("", question)
    got_markers, got_words = markers(rewrite), _words(rewrite)
    asked = markers(body)
    lost = sorted(asked - got_markers)
    if lost:
        return f"élément de la question perdu : {', '.join(lost)}"
    new_words = _words(body) - _words(previous)
    lost_words = sorted(new_words - got_words)
    if lost_words:
        return f"mot de la question perdu : {', '.join(lost_words)}"
    known = asked.union(*(markers(h) for h in history))
    invented = sorted(got_markers - known)
    if invented:
        return f"élément inventé : {', '.join(invented)}"
    topic = _words(previous) - _words(body)
    if topic and not topic & got_words:
        return "la réécriture quitte le sujet de la conversation"
    for pattern in (AXIS_RE, re.compile(r"\b(?:19|20)\d\d\b")):
        if pattern.search(body):
            replaced = {m.group(0).lower() for m in pattern.finditer(previous)} - {m.group(0).lower() for m in pattern.finditer(body)}
            kept = sorted(r for r in replaced if r in rewrite.lower())
            if kept:
                return f"élément remplacé par la question conservé : {', '.join(kept)}"
    return ""


def standalone_question(llm, prompt: str, question: str, history: list[str]) -> Rewrite:
    """The follow-up as a standalone question: the LLM's rewrite when it passes ``check_rewrite``,
    else the rules' one. A failing model never loses the question."""
    rules = condense(question, history)
    try:
        lines = str(llm.complete(prompt)).strip().splitlines()
    except Exception as exc:  # noqa: BLE001 (a server down, a timeout: the rules still work)
        logger.warning("reformulation par le LLM impossible (%s) : règles utilisées", exc)
        return Rewrite(rules, "rules", "modèle de langage indisponible")
    text = lines[0].strip().strip("«»\"").strip() if lines else ""
    reason = check_rewrite(question, history, text)
    if reason:
        logger.info("reformulation du LLM écartée (%s) : « %s » ; règles utilisées : « %s »", reason, text, rules)
        return Rewrite(rules, "rules", reason)
    return Rewrite(text, "llm")
