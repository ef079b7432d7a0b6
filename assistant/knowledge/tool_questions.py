"""What a question asks of the structured tools: the words that call each tool (actions,
meetings, axes, members, strategy inputs, next steps) and the tests that tell a share of actions,
a count of meetings or of members, the axes' titles or a named body from other questions."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answers.question import PROGRESS_RE as HOW_FAR_RE
from assistant.answers.question import QuestionAnalysis
from assistant.knowledge.lexicon import Lexicon, status_of
from assistant.knowledge.results import Strategy
from assistant.text.dates import find_dates, month_and_year
from assistant.text.tokens import fold_accents, tokenize_fr
from assistant.text.units import NUMBER_WORDS

ACTION_RE = re.compile(r"\b(actions?|fiches?-actions?|réalisation|realisation|bilan quantitatif|avancement)\b", re.IGNORECASE)
AXIS_WORD_RE = re.compile(r"\b(axes?|axis|objectifs?\s+(opérationnels?|stratégiques?)|operational objectives?|priorités)\b", re.IGNORECASE)
AXIS_NAMED_RE = re.compile(r"\b(?:l'axe|de l'axe|axe|axis)\s+(?!\d)[^\W\d]", re.IGNORECASE)  # « l'axe tourisme »
OBJECTIVE_RE = re.compile(r"objectifs?|objectives?", re.IGNORECASE)
ONE_AXIS_WORD_RE = re.compile(r"\b(?:axe|axis)\b", re.IGNORECASE)  # one axis, not « les axes »
AXIS_NUMBER_RE = re.compile(r"\b(?:axe|axis)\s+(\d+)\b", re.IGNORECASE)
ORDINALS = {"premier": 1, "first": 1, "deuxième": 2, "deuxieme": 2, "second": 2, "troisième": 3, "troisieme": 3,
            "third": 3, "quatrième": 4, "quatrieme": 4, "fourth": 4, "cinquième": 5, "cinquieme": 5, "fifth": 5}
ORDINAL_STEMS = frozenset(t for word in ORDINALS for t in tokenize_fr(word))  # « le troisième axe » names it
ONE_AXIS_RE = re.compile(r"\b(" + "|".join(ORDINALS) + r"|dernier|last)\s+(?:axe|axis)\b|\b(?:axe|axis)\s+[A-Z]\b",
                         re.IGNORECASE)
ANY_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
YEAR_RE = re.compile(r"\b(?:en|in)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# several pacts, or the regional level (« les pactes signés avec des PETR », « à l'échelle
# régionale », « d'un pacte à l'autre », « region-wide »): the tools hold one pact's figures, axes
# and meetings, the passages (a regional review, the regional scheme) answer for many
MANY_PACTS_RE = re.compile(r"\b(?:pactes|contrats|pacts|contracts)\b|\bd['’]un\s+(?:pacte|contrat)\s+à\s+l['’]autre\b|"
                           r"\bà\s+l['’]échelle\s+(?:régionale|de\s+la\s+région)\b|\bau\s+niveau\s+régional\b|"
                           r"\bregion-?wide\b|\bacross\s+the\s+region\b", re.IGNORECASE)
GOVERNANCE_RE = re.compile(r"\b(gouvernance|instances?|governance|calendrier)\b", re.IGNORECASE)
NEXT_RE = re.compile(
    r"\b(suites?\s+(?:à|a)\s+donner|prochaines?\s+étapes?|(?:prend|prendra|prendre|prenant)\s+le\s+relais|succèd\w*|succed\w*"
    r"|next\s+steps?|what\s+comes\s+next|follows?\s+(?:the|this)\s+(?:pact|evaluation))", re.IGNORECASE)
# a question asking for a name (« comment s'appellera le contrat qui succède ? »): a sentence that
# names it answers, not a list of steps
NAME_ASKED_RE = re.compile(r"\bcomment\s+s['’]appel\w*|\bquel(?:le)?s?\s+nom\b|\bnom\s+(?:du|de\s+la|de\s+l['’]|des)\b"
                           r"|\bwhat\b.*\bcalled\b|\bname\s+of\b|\bnamed\b", re.IGNORECASE)
# the territory's member communities (read from the pact's document at ingestion)
MEMBERS_RE = re.compile(r"\b(communautés?\s+de\s+communes|intercommunalités?|EPCI|member\s+communit\w*|inter-?municipal\w*)\b",
                        re.IGNORECASE)
# the words that ask what a territory is made of (its members), whatever names it
MEMBER_WORD_RE = re.compile(r"\b(membres?|members?|compos\w*|consist\w*|made\s+up|make\s+up)\b", re.IGNORECASE)
INPUTS_WHAT_RE = re.compile(r"\b(études?|etudes?|diagnostics?|schémas?|documents?|studies|reports?)\b", re.IGNORECASE)
INPUTS_HOW_RE = re.compile(
    r"\b(stratégie|strategie|strategy|construit\w*|élabor\w*|elabor\w*|fond[ée]\w*|appu\w*|repos\w*|découl\w*|inspir\w*|based|built|draws?)\b",
    re.IGNORECASE)
COUNTED_RE = re.compile(r"\b(?:combien\s+(?:de|d')|nombre\s+(?:de|d')|how\s+many|number\s+of)\s*((?:[\w'-]+\s*){1,3})", re.IGNORECASE)
MEETING_RE = re.compile(r"\b(réuni\w*|reuni\w*|réunions?|dates?|quand|calendrier|séances?|tenus?|organisés?|meet\w*|met)\b", re.IGNORECASE)
# a meeting to come (« se réunira », « aura lieu », « la réunion suivante », « next meeting »): the calendar
# holds the meetings the documents report, the passages say what is planned
FUTURE_MEETING_RE = re.compile(r"\b(?:se\s+)?(?:réunira|réuniront|tiendra|tiendront|aura\s+lieu|auront\s+lieu)\b|"
                               r"\b(?:prochaine?s?|suivante?s?)\s+(?:réunions?|séances?|comités?|copils?)\b|"
                               r"\b(?:réunions?|séances?|comités?|copils?)\s+(?:suivante?s?|prochaine?s?)\b|"
                               r"\bwill\s+(?:meet|be\s+held|take\s+place)\b|\bnext\s+(?:meeting|session|committee)\b",
                               re.IGNORECASE)


# « où en sont les actions ? », « état d'avancement », « how far along »: the progress of the actions
PROGRESS_RE = re.compile(rf"{HOW_FAR_RE.pattern}|\bétat\s+d['’]avancement\b|\bavancement\b|\bhow\s+far\s+along\b|\bprogress\b",
                         re.IGNORECASE)
ONE_ACTION_RE = re.compile(r"\bl['’](?:action|fiche-action)\b|\b(?:action|fiche-action)\s+(?:n°\s*)?\d", re.IGNORECASE)
# the words of that frame (the actions, their programme, the pact), which name no particular action
PROGRESS_FRAME = frozenset(tokenize_fr("actions action programme état avancement progress far along stand axe axis global "
                                       "ensemble overall"))


def asks_progress(question: str, analysis: QuestionAnalysis) -> bool:
    """The question asks how the actions as a whole are progressing (« Où en sont les actions du
    pacte ? », « … de l'axe 2 ? »), not how one action is (« … les actions de rénovation des vitrines ? »)."""
    if not (ACTION_RE.search(question) and PROGRESS_RE.search(question)) or analysis.kind not in ("what", "percent", "where"):
        return False
    if ONE_ACTION_RE.search(question):
        return False  # « l'action 3.2 »: one action, which the passages or the register answer
    return all(c.label in PROGRESS_FRAME or c.label.isdigit() for c in analysis.content)


def status_asked(question: str, lexicon: Lexicon) -> str | None:
    """The status a question asks about (« non réalisées », « en cours », « completed »)."""
    low = question.lower()
    if re.search(r"\bnon\b|\bpas\b|n'ont|not\b|abouti", low):
        return "not_done"
    return status_of(low, lexicon) or ("done" if re.search(r"réalis|menées? à bien|completed|carried out", low) else None)


def at_stats_date(question: str, as_of: str | None, situation: str | None = None) -> bool:
    """The question asks for the figures at the date the statistics give (their document's, or the
    date they are given at), or names no month: « fin octobre 2022 » asks for an earlier review's
    figures, which the passages answer."""
    asked = {month_and_year(d.written) for d in find_dates(question) if d.precision in ("day", "month")} - {None}
    return not asked or bool({month_and_year(as_of or ""), month_and_year(situation or "")} & asked)


def counts_members(question: str, analysis: QuestionAnalysis) -> bool:
    """A count asks for the members when what it counts is members (« combien de communautés
    de communes ? »), not something of the territory (« combien d'habitants … ? »)."""
    if analysis.kind != "count":
        # « quelles intercommunalités … ? » asks the members; « dans quelles communes … ? » asks places
        asked = ASKED_NOUN_RE.search(question)
        return asked is None or bool(MEMBERS_RE.match(question[asked.start(1):]) or
                                     re.match(r"(?:membres?|members?)\b", asked.group(1), re.I))
    following = COUNTED_RE.search(question)
    return following is not None and bool(MEMBERS_RE.search(following.group(1)) or
                                          re.match(r"(?:membres?|members?|communes)\b", following.group(1), re.I))


def counts_body(question: str, body: str | None, lexicon: Lexicon) -> bool:
    """The words that follow « combien de » / « how many » name a body."""
    following = COUNTED_RE.search(question)
    if following is None:
        return False
    words = set(tokenize_fr(following.group(1)))
    body_words = {t for w in lexicon.body_words for t in tokenize_fr(w)}
    forms = {t for f in lexicon.bodies.get(body or "", []) for t in tokenize_fr(f)}
    return bool(words & (body_words | forms | set(tokenize_fr(body or ""))))


# what « quel(le)s … », « which … » asks for, when a noun follows it at once (not « quels sont … »)
# a question pointing at a table (« dans le tableau d'engagement, que donne l'axe 3 ? ») asks for its row
TABLE_RE = re.compile(r"\b(?:tableaux?|tables?)\b", re.IGNORECASE)
ASKED_NOUN_RE = re.compile(r"\b(?:quel|quelle|quels|quelles|which|what)\s+(?!(?:est|sont|était|étaient|sera|seront|is|are|was|"
                           r"were|le|la|les|the|a|an|premier|première|dernier|dernière|deuxième|troisième|first|last|second|"
                           r"third)\b)([^\W\d_][\w'-]*)", re.IGNORECASE)


def asks_axes(question: str, analysis: QuestionAnalysis) -> bool:
    """The question asks what the axes or objectives are (their titles, their number), not a
    figure about one of them (« quel taux d'engagement pour l'axe 2 ? », « combien d'emplois
    pour l'axe 1 ? ») nor other things it names (« quelles actions de l'axe 2 ? »), which the
    passages answer."""
    if analysis.money or analysis.kind in ("percent", "date") or TABLE_RE.search(question):
        return False
    if analysis.kind == "count":
        following = COUNTED_RE.search(question)
        # what is counted is the first word after « combien de » (« combien d'emplois l'axe 4 … » counts jobs)
        return following is not None and bool(AXIS_WORD_RE.match(following.group(1)))
    asked = ASKED_NOUN_RE.search(question)
    # « Quelles recommandations … comme priorités ? » asks recommendations, « Quelles actions … de l'axe 2 ? »
    # actions; « quels grands axes », « quels objectifs opérationnels » ask axes
    if asked is not None and OBJECTIVE_RE.fullmatch(asked.group(1)) and ONE_AXIS_WORD_RE.search(question[asked.end(1):]):
        return True  # « quels objectifs relèvent de l'axe 2 ? »: an axis's objectives
    return asked is None or bool(AXIS_WORD_RE.search(" ".join(question[asked.start(1):].split()[:3])))


def body_named(question: str, known: list[str], lexicon: Lexicon) -> str | None:
    """A governance body the question names: by one of its usual forms (« copil »), or by the
    distinctive words of the name the documents give it (« CTDC », « réseau des développeurs »)."""
    low = fold_accents(question.lower())
    for name, forms in lexicon.bodies.items():
        if any(re.search(rf"(?<!\w){re.escape(fold_accents(f.lower()))}(?!\w)", low) for f in forms):
            # a body named in full: its own meetings, or none known (« le comité technique » is not
            # the « comité de pilotage » the documents date)
            return name if name in known else None
    words = set(tokenize_fr(question))
    body_words = {t for w in lexicon.body_words for t in tokenize_fr(w)}
    best, best_score = None, 0.0
    for name in known:
        tokens = set(tokenize_fr(name))
        if not tokens:
            continue
        held = tokens & words
        share = len(held) / len(tokens)
        # every word of the name, or half of it with two words or the body's own noun (« le
        # réseau »): « entreprises » alone does not name « réseau entreprises »
        if share == 1.0 or (share >= 0.5 and (len(held) >= 2 or held & body_words)):
            if share > best_score:
                best, best_score = name, share
    return best


def axes_about(strategy: Strategy, analysis: QuestionAnalysis, covered: frozenset[str], one: bool = False) -> list:
    """Axes whose wording covers the question's own words, else all of them; but none when the
    question is about ``one`` axis (« l'axe 2 », « le deuxième axe ») and asks something its
    wording does not hold (« côté alternance, quelle cible pour le deuxième axe ? »). ``covered``:
    the words that chose the documents (« du pacte »)."""
    concepts = [c for c in analysis.content
                if not AXIS_WORD_RE.search(c.label)
                and not c.label.startswith(("ax", "object", "operation", "strateg", "priorit"))
                and not set(c.label.split()) <= covered | set(NUMBER_WORDS) | ORDINAL_STEMS and not c.label.isdigit()]
    if not concepts:
        return list(strategy.axes)
    scored = []
    for a in strategy.axes:
        tokens = set(tokenize_fr(" ".join([a.title, *a.objectives])))
        hits = sum(1 for c in concepts if c.covered_by(tokens))
        if hits:
            scored.append((hits, a))
    if not scored:
        # about one axis, several words its wording lacks ask something else (its figures, its
        # actions); about the axes, they only say which (« les grands axes de la stratégie »)
        return [] if one and len(concepts) >= 2 else list(strategy.axes)
    best = max(h for h, _ in scored)
    return [a for h, a in scored if h == best]


def axis_named(question: str, strategy: Callable[[], Strategy]) -> int | None:
    """The axis a question names: by number or rank, or by the words of its title after the word
    « axe » (« l'axe filières productives »), when they point to one axis only (``strategy`` is
    read only then)."""
    number = axis_number(question)
    named = AXIS_NAMED_RE.search(question)
    if number is not None or named is None:
        return number
    words = set(tokenize_fr(" ".join(question[named.end() - 1:].split()[:4])))  # the words after « axe »
    hits = {a.number: len(words & set(tokenize_fr(a.title))) for a in strategy().axes}
    best = max(hits.values(), default=0)
    chosen = [n for n, h in hits.items() if h == best]
    return chosen[0] if best and len(chosen) == 1 else None


def axis_number(question: str) -> int | None:
    """The axis a question names by its number or its rank (« l'axe 2 », « le deuxième axe »)."""
    number = AXIS_NUMBER_RE.search(question)
    if number:
        return int(number.group(1))
    ordinal = ONE_AXIS_RE.search(question)
    return ORDINALS.get((ordinal.group(1) or "").lower()) if ordinal else None
