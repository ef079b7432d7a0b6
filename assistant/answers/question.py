"""Question analysis (expected kind of value, content words, language) and follow-up condensing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.retrieval.glossary import Glossary, QuestionCues, contains_sequence, surface_words
from assistant.text.tokens import fold_accents, stemmed_words, stopwords, tokenize_fr

EN_MARKERS = {"the", "what", "which", "when", "how", "did", "was", "were", "is", "are", "of", "does", "who", "many",
              "pact", "share", "after", "next", "step", "meet", "take", "place"}
FR_MARKERS = {"le", "la", "les", "quel", "quelle", "quels", "quelles", "des", "est", "sont", "du", "de", "une",
              "combien", "quand", "qui", "et", "à", "au", "aux", "pour", "pacte", "ont", "été", "sur"}
FOLLOW_UP_RE = re.compile(r"^\s*(et|and|what about|pour|idem|même question)\b", re.IGNORECASE)
# a pronoun standing for the place or thing the earlier question named: « combien d'entreprises y
# sont implantées ? », « quand celle-ci a-t-elle ouvert ? », « la Région y a-t-elle contribué ? » (a
# past participle after); not « il y a », « y a-t-il des … ? », « y a-t-il eu … ? » (there is)
ANAPHOR_RE = re.compile(r"(?<![\w'’-])(?:y\s+(?!a\b|a-t|avait|aura|aurait|ait|avoir\b)\w"
                        r"|y\s+(?:a-t|avait|ont|avaient)-(?:il|elle|on|ils|elles)\s+(?!eu\b|lieu\b)\w+(?:é|ée|és|ées|i|is|ie|u|ue|us|it)\b"
                        r"|(?:celui|celle|ceux|celles)-(?:ci|là)\b"
                        r"|ce\s+dernier\b|cette\s+dernière\b|ces\s+derniers\b|ces\s+dernières\b)", re.IGNORECASE)
ENTITY_RES = [
    re.compile(r"\b(?:l')?axe\s+\d+\b", re.IGNORECASE),
    re.compile(r"\baxis\s+\d+\b", re.IGNORECASE),
    # a body: « réseau … », « comité … », or an acronym in capitals (case-sensitive part)
    re.compile(r"\b(?:le |la |les |du |des )?(?:réseau|comité|comités|copils?|network|(?-i:[A-Z][A-Z0-9]{2,5}))\b(?:\s+(?:des|de|du)?\s*[\w'-]+)?", re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d\d\b"),
]
# the words that open a question asking for something (a value, a name, a reason), not yes or no
WH_RE = re.compile(r"\b(?:combien|quel|quelle|quels|quelles|quand|où|qui|comment|pourquoi|lequel|laquelle|lesquels|"
                   r"lesquelles|quoi|what|which|who|whom|whose|when|where|why|how)\b|^\s*(?:que\b|qu['’])"
                   r"|\bqu(?:e\s+|['’])\w+-(?:t-)?(?:il|elle|ils|elles|on)\b", re.IGNORECASE)  # « … que trouve-t-on ? »
# a yes-or-no question: French subject inversion (« sont-ils », « a-t-il », « peut-on »), « est-ce que »,
# or an English auxiliary first (« Is the … ? », « Did they … ? »)
INVERSION_RE = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b|\best-ce\s+qu|^\s*(?:is|are|was|were|do|does|did|can|"
                          r"could|has|have|had|will|would|should|may|must)\b", re.IGNORECASE)
# a clause set before the question (« Quand un PETR a signé un pacte, ses communautés … ? »)
SUBORDINATE_RE = re.compile(r"^\s*(?:quand|lorsqu['’]?|lorsque|si|s['’]|dès\s+que|une\s+fois\s+que|when|if|once)\b", re.IGNORECASE)
# a span of time the question is set in, not one it asks for (« sur toute la durée du contrat »)
TIME_FRAME_RE = re.compile(r"\b(?:sur|pendant|pour|durant|over|for|during)\s+(?:toute\s+|the\s+(?:whole\s+|entire\s+)?)?"
                           r"(?:la\s+)?(?:durée|duration|life(?:time)?)\b", re.IGNORECASE)
# « comment » asks a manner or a definition (« Comment la synthèse définit-elle le taux ? »), not a value
MANNER_RE = re.compile(r"^\s*(?:et\s+|and\s+)?(?:comment(?!\s+s['’]appell|\s+se\s+nomm)|how(?!\s+(?:many|much|long|far|often|old|big|large|high|low)\b))\b",
                       re.IGNORECASE)
# « qui » asks who when it opens the question (after « et », a preposition) or closes it (« composé de qui ? »);
# after a noun it is a relative pronoun (« la délibération qui approuve … »)
WHO_ASKED_RE = re.compile(r"^\s*(?:et\s+|mais\s+|alors\s+)?(?:(?:à|a|par|pour|de|avec|chez|auprès\s+de)\s+)?qui\b"
                          r"|\bqui\s*\?\s*$|(?:,|\bet)\s*qui\b|\best-ce\s+qui\b|\bc['’]est\s+qui\b|(?:-vous|-moi|dire|savoir)\s+qui\b",
                          re.IGNORECASE)
# « de combien … a-t-il augmenté ? », « by how much »: a change, answered by a percentage or an amount
CHANGE_RE = re.compile(r"\bde\s+combien\b|\bby\s+how\s+much\b", re.IGNORECASE)
# « où » (« ou » opening the question, typed without its accent)
WHERE_RE = re.compile(r"(?<![\w'-])où\b|^\s*(?:et\s+)?ou\s+(?!bien\b)", re.IGNORECASE)
# « où en est le projet ? » asks how far it has gone, not where
PROGRESS_RE = re.compile(r"\b(?:où|ou)\s+en\s+(?:est|sont|était|étaient|sera|seront)\b|\bwhere\s+(?:do|does|did)\b.*\bstand\b",
                         re.IGNORECASE)
REASON_WORDS = frozenset(tokenize_fr("pourquoi why raison raisons reason reasons", keep_stopwords=True))
REASON_RE = re.compile(r"\b(?:pourquoi|why|pour\s+quelles?\s+raisons?|for\s+what\s+reasons?)\b", re.IGNORECASE)


def main_clause(question: str) -> str:
    """The question itself, without a clause set before it: « Quand un PETR a signé un pacte, ses
    communautés ont-elles conclu le leur ? » asks « ses communautés ont-elles conclu le leur ? »
    (its « quand » is no date question); « Quand s'est-il réuni, ce comité ? » keeps its « quand »."""
    head, comma, rest = question.partition(",")
    if comma and SUBORDINATE_RE.match(head) and not INVERSION_RE.search(head) and INVERSION_RE.search(rest):
        return rest.strip()
    return question


def closed_question(question: str) -> bool:
    """A yes-or-no question (« Les micro-entrepreneurs sont-ils inclus dans le nombre … ? »): it asks
    for no value, even when it names one."""
    main = main_clause(question)
    return bool(INVERSION_RE.search(main)) and not WH_RE.search(main)


COUNTED_RE = re.compile(r"\b(?:combien|nombre|how many|number of)\s+(?:de\s+|d['’]\s*|des\s+|of\s+)?([\wà-ÿ-]+)",
                        re.IGNORECASE)
# a question that asks a second thing (« combien d'établissements et d'emplois ? », « …, et pour
# quel montant ? », « …, contre combien en 2016 ? », « …, and how many companies? »)
SEVERAL_RE = re.compile(r"(?:\bet|\band|\bcontre|\bversus|,|[—–])(?:\s+[\wà-ÿ'’]+){0,2}?\s+"
                        r"(?:combien|quel\w*|qu['’]|how|what|which)\b|\b(?:et|and)\s+(?:d['’]|de\s|des\s)",
                        re.IGNORECASE)
# « combien de X ? » counts things; « combien coûte … ? » asks a price, « combien de temps ? » a length
COUNTS_THINGS_RE = re.compile(r"\b(?:combien\s+d(?:e\s|['’]|es\s)|nombre\s+d(?:e\s|['’]|es\s)|how\s+many|number\s+of)"
                              r"(?!\s*temps)", re.IGNORECASE)
FIRST_WORDS = {"premier", "première", "premiere", "first", "earliest"}
LAST_WORDS = {"dernier", "dernière", "derniere", "last", "latest", "récent", "récente", "recent"}
# the place asked in a list past the first (« le second copil », « la troisième réunion »)
NTH_WORDS = {"second": 2, "seconde": 2, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6,
             "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
# … not a period or a manner (« le second semestre », « en second lieu »)
NTH_RE = re.compile(r"(?<![\w-])(" + "|".join(NTH_WORDS) + r")(?![\w-])(?!\s+(?:semestre|trimestre|lieu|degré|half|quarter))",
                    re.IGNORECASE)
ORDINAL_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(FIRST_WORDS | LAST_WORDS | set(NTH_WORDS), key=len, reverse=True))
                        + r")(?![\w-])", re.IGNORECASE)


@dataclass
class QuestionAnalysis:
    text: str
    language: str
    kind: str  # percent | count | date | list | who | where | what
    content: list  # Concepts (glossary-aware)
    negated: bool
    order: str | None = None  # "first" | "last" when the question asks for one end of a list
    essential: list[str] | None = None  # terms the quoted passage itself must contain
    money: bool = False  # an amount of money is asked
    counted: frozenset[str] = frozenset()  # what a « combien de … » question counts (stems)
    followup: list = field(default_factory=list)  # the new words of a follow-up (« et pour l'axe 3 ? »)
    extreme: str | None = None  # "most" | "least": one end of a table's column; "total": its Total row
    change: bool = False  # « de combien … a augmenté ? »: a change, a percentage answers it
    reason: bool = False  # « pourquoi ? »: a sentence that states a cause answers it
    nth: int | None = None  # 2 for « le second copil »: the place asked in a dated list, past the first
    kind_words: frozenset[str] = frozenset()  # content stems that name what kind of answer is asked (« commune »)
    day: bool = False  # « quel jour ? », « à quelle date exacte ? »: a date to the day is asked
    period: bool = False  # « sur quelle période ? », « pour combien d'années ? »: a span of time is asked
    person: bool = False  # « qui est le maire ? », « comment s'appelle la chargée de mission ? »: a person is asked
    several: bool = False  # a second thing is asked too (« combien d'établissements et d'emplois ? »)
    counts_things: bool = False  # « combien de X ? », « how many X? »: a number of things, not a price or a length

    @property
    def focus(self):
        """What the question asks about: its first content word that is not the kind of answer
        (« dans quelle commune la pépinière … » asks about the pépinière, answered by a name)."""
        return next((c for c in self.content if c.label not in self.kind_words), None)


# a word of a proper name: a capital after the first word, with the small words that join such
# words (« Cœur de Lorraine », « Causses et Vallées », « Val d'Ornelle »)
NAME_WORD_RE = re.compile(r"[A-ZÀ-ÖØ-ÞŒ][\w'’-]*")
NAME_JOINERS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "sur", "en", "lès", "sous"})


def _name_word(word: str) -> bool:
    """« Lorraine », « d'Ornelle », « L'Établi »: a capital begins the word, or what follows its elision."""
    return NAME_WORD_RE.fullmatch(re.split(r"['’]", word)[-1]) is not None


def _without_names(text: str) -> list[str]:
    """The question's words in lower case, without the proper names it quotes: a French place name
    in an English question says nothing of its language."""
    words = re.findall(r"[\wà-ÿœ]+(?:['’][\wà-ÿœ]+)?", text)
    kept: list[str] = []
    for i, word in enumerate(words):
        named = i > 0 and _name_word(word)
        joining = word.lower() in NAME_JOINERS and 0 < i < len(words) - 1 and _name_word(words[i - 1]) and _name_word(words[i + 1])
        if not named and not joining:
            kept.append(word.lower())
    return kept


def detect_language(text: str) -> str:
    words = _without_names(text)
    en = sum(w in EN_MARKERS for w in words)
    fr = sum(w in FR_MARKERS for w in words) + (2 if any(re.search(r"[éèêàùçœ]", w) for w in words) else 0)
    return "en" if en > fr else "fr"


def extreme_cue(question: str, cues: QuestionCues) -> tuple[str | None, list[list[str]]]:
    """"most" or "least" when the question asks for one end of a scale (« le plus », « the lowest »),
    with the cue's words found; « le plus petit » is a « least » cue before « le plus » is a « most »
    one. "total" when it asks for the sum of a table's rows (« au total », « combined »)."""
    written = surface_words(question)
    for name, terms in (("least", cues.least), ("most", cues.most), ("total", cues.total)):
        matched = [t for t in terms if contains_sequence(written, t)]
        if matched:
            return name, matched
    return None, []


def extreme_asked(question: str, cues: QuestionCues) -> str | None:
    return extreme_cue(question, cues)[0]


def analyse(question: str, glossary: Glossary, cues: QuestionCues) -> QuestionAnalysis:
    full = tokenize_fr(question, keep_stopwords=True)
    text = question.lower()
    written = surface_words(question)

    def has(terms: list[list[str]]) -> bool:
        return any(contains_sequence(written, t) for t in terms)

    # « qu'est-ce qui a retardé… ? », « ce qui a freiné », « la délibération qui approuve » ask no person
    asks_who = any(contains_sequence(written, t) for t in cues.who if t != ["qui"]) or (
        bool(WHO_ASKED_RE.search(question)) and not re.search(r"\bqu['’]est-ce\s+qui\b", text))
    # the cues are read without the span of time the question is set in
    written = surface_words(TIME_FRAME_RE.sub(" ", question))

    closed = closed_question(question)
    reason = bool(REASON_RE.search(question))
    if has(cues.definition):
        kind = "definition"
    elif closed or reason or MANNER_RE.search(question):
        kind = "what"  # yes or no, why, how: the passage that says so answers, with a value or without
    elif has(cues.percent):
        kind = "percent"
    elif has(cues.duration):
        kind = "date"  # « pour combien d'années ? » : a period or a number of years
    elif has(cues.count) or has(cues.measure):
        kind = "count"
    elif has(cues.date):
        kind = "date"
    elif (has(cues.place) or WHERE_RE.search(question)) and not PROGRESS_RE.search(question) and not asks_who:
        kind = "where"  # a place, named by the sentence that answers
    elif has(cues.list) and not asks_who:
        kind = "list"
    elif asks_who:
        kind = "who"
    else:
        kind = "what"
    cue_tokens = cues.cue_tokens()
    extreme, matched = extreme_cue(question, cues)
    # the cue's words say which end, not what about (« la plus grande surface » asks about a surface)
    cue_tokens = cue_tokens | {s for t in matched for w in t for s in tokenize_fr(w, keep_stopwords=True)}
    tokens: list[str] = []
    if kind == "definition":
        # the defined term is the target, even a "generic" one such as POCE
        acronyms = re.findall(r"\b[A-Z][A-Z0-9]{1,9}\b", question)
        tokens = [t for a in acronyms for t in tokenize_fr(a)]
    for word, token in stemmed_words(question):
        if reason and token in REASON_WORDS:
            continue  # the question word: a sentence stating a cause answers it (see ``essential``)
        if cues.is_cue(word, token, cue_tokens) or token in tokens or (len(token) < 2 and not token.isdigit()):
            continue
        tokens.append(token)
    content = glossary.concepts(tokens)
    words = set(re.findall(r"[\wà-ÿ']+", text))
    negated = bool(set(full) & cues.negation) or "n'" in text
    order = "first" if words & FIRST_WORDS else "last" if words & LAST_WORDS else None
    nth = None if order is not None else next(
        (NTH_WORDS[m.group(1).lower()] for m in NTH_RE.finditer(text) if m.group(1).lower() in NTH_WORDS), None)
    # a glossary phrase (« next step ») is not the essential word it contains (« next »)
    essential = [c for c in glossary.concepts(tokenize_fr(question)) if c.label in cues.essential]
    counted = COUNTED_RE.search(question)
    return QuestionAnalysis(question, detect_language(question), kind, content, negated, order, essential,
                            money=has(cues.money) and not closed and not reason, extreme=extreme,
                            counted=frozenset(tokenize_fr(counted.group(1))) if counted else frozenset(),
                            change=bool(CHANGE_RE.search(question)), reason=reason, nth=nth,
                            kind_words=cues.place_tokens if kind == "where" else frozenset(),
                            day=kind == "date" and has(cues.day),
                            period=kind == "date" and (has(cues.period) or has(cues.duration)),
                            person=kind == "who" and has(cues.person), several=bool(SEVERAL_RE.search(question)),
                            counts_things=bool(counted and COUNTS_THINGS_RE.search(question)))


def condense(question: str, history: list[str]) -> str:
    """Turn a follow-up (« et pour l'axe 2 ? ») into a standalone question, by rules.

    The last earlier question gives the frame; an entity of the follow-up (an axis, a body,
    a year) replaces the entity of the same sort in the frame, else the follow-up is appended.
    """
    if not history:
        return question
    previous = condense(history[-1], history[:-1])
    if not _is_follow_up(question):
        return question
    body = FOLLOW_UP_RE.sub("", question).strip(" ?,.").strip()
    parallel = _replace_parallel(body, previous)
    if parallel is not None:
        return parallel
    for pattern in ENTITY_RES:
        new = pattern.search(body)
        old = pattern.search(previous)
        if new and old:
            return previous[: old.start()] + new.group(0) + previous[old.end() :]
    frame = previous.rstrip(" ?")
    return f"{frame} — {body} ?"


# what opens a follow-up's noun phrase (« sur l'axe B », « pour la commune de … »), before its noun
PHRASE_OPENING_RE = re.compile(r"^(?:(?:sur|pour|dans|à|a|en|au|aux|avec|par|de|du|des|about|for|on|in|with)\s+)?"
                               r"(?:(?:le|la|les|l['’]|un|une|son|sa|ses|notre|nos|the)\s*)?", re.IGNORECASE)
# a qualifier that places its noun from the earlier question's (« le trimestre d'après », « l'année précédente »)
RELATIVE_RE = re.compile(r"\b(?:d['’]après|d['’]avant|suivante?s?|précédente?s?|prochaine?s?|dernière?s?|next|previous|"
                         r"following|before|after|last)\b", re.IGNORECASE)
# a noun and its complement (« budget | de l'axe 1 », « taux | des actions »)
COMPLEMENT_RE = re.compile(r"^([\w-]+)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’]|of\s+the|of)\s*(\S.*)$", re.IGNORECASE)
# a demonstrative standing for the earlier question's noun (« celle de la ZA du Breuil », « that of axis 2 »)
DEMONSTRATIVE_RE = re.compile(r"^(?:celui|celle|ceux|celles|that|those)\s+(?:de|du|des|d['’]|of)\b\s*(\S.*)$",
                              re.IGNORECASE)
# the small words that end a noun's qualifier (« l'axe A | du contrat »), or that open none
QUALIFIER_END = frozenset("du de des d à au aux pour sur en dans par avec et ou a ont est sont était étaient "
                          "le la les l un une son sa ses ce cette qui que of the for in on to and is are was were".split())


def _replace_parallel(body: str, previous: str) -> str | None:
    """« Et sur l'axe B ? » after « Quelle somme … sur l'axe A du contrat ? »: the follow-up names the
    same kind of thing as a qualified noun of the earlier question (« axe A », « orientation 2 »,
    « axe filières agricoles »), which it replaces. None when its noun is not qualified there."""
    phrase = PHRASE_OPENING_RE.sub("", body, count=1).strip()
    if demonstrative := DEMONSTRATIVE_RE.match(phrase):
        # « Et celle de la ZA du Breuil ? »: the earlier noun again, of the place named now
        return _replace_parallel(demonstrative.group(1), previous)
    ordinal, earlier = ORDINAL_RE.match(phrase), ORDINAL_RE.search(previous)
    if ordinal and earlier and all(_names(previous, w) for w in phrase[ordinal.end():].split()):
        # « Et le second ? » after « Quand a eu lieu le premier copil ? »: another place in the same list
        return previous[: earlier.start()] + ordinal.group(0) + previous[earlier.end():]
    asked = COMPLEMENT_RE.match(phrase)
    if asked and _names(previous, asked.group(1)):
        # « Et le budget de l'axe 1 ? » after « Quel budget … à son axe commerce ? »: the noun asked
        # again, its complement parallel to the earlier one's (« la ZA de Vaubecourt » is one name)
        replaced = _replace_parallel(asked.group(2), previous)
        if replaced is not None:
            return replaced
    words = phrase.split()
    if len(words) < 2 or len(words) > 6 or not _qualifies(words[1:]) or RELATIVE_RE.search(phrase):
        # a bare noun (« les emplois »), a noun with a new complement (« le taux de chômage »), or
        # one placed from the earlier one (« le trimestre d'après »): the earlier question stays whole
        return None
    found = _names(previous, words[0])
    if found is None:
        return None
    contiguous = []  # the words right after the noun
    for match in re.finditer(r"\s+([\w'’-]+)", previous[found.end():]):
        if match.start() != (contiguous[-1].end() if contiguous else 0):
            break
        contiguous.append(match)
    taken = _qualifies([m.group(1) for m in contiguous])
    if not taken:
        return None  # « quel budget le Saulnois… »: the noun is not qualified in the earlier question
    end = found.end() + contiguous[taken - 1].end()
    return previous[: found.start()] + phrase + previous[end:]


def _small(word: str) -> bool:
    folded = fold_accents(word.lower().strip("'’?,."))
    return folded in QUALIFIER_END or folded in stopwords()


def _names(text: str, noun: str) -> re.Match | None:
    """Where ``text`` writes the noun (or its plural), as a whole word."""
    return re.search(rf"(?<![\w-]){re.escape(noun)}s?(?![\w-])", text, re.IGNORECASE)


def _qualifies(words: list[str]) -> int:
    """How many of the words after a noun qualify it: a code (« A », « 2 », « 3.1 ») alone; else up
    to four words before a small word, a name's « de » / « du » going with its name (« ZA du Breuil »)."""
    if not words:
        return 0
    if re.fullmatch(r"[A-Z]|\d+(?:\.\d+)*", words[0]):
        return 1
    taken = 0
    while taken < len(words) and taken < 4:
        word = words[taken].lower().strip("'’")
        if word in ("de", "du", "des", "d") and taken + 1 < len(words) and words[taken + 1][:1].isupper():
            taken += 2
            continue
        if word == "de" and taken + 2 < len(words) and words[taken + 1].lower() == "la" and words[taken + 2][:1].isupper():
            taken += 3  # « ZA de la Woëvre »
            continue
        if word == "de" and taken + 1 < len(words) and re.match(r"l['’][A-ZÀ-Ý]", words[taken + 1]):
            taken += 2  # « CC de l'Aire »
            continue
        if word in ("et", "and") and taken and taken + 1 < len(words) and not _small(words[taken + 1]):
            taken += 2  # two nouns joined (« axe commerce et centres-bourgs »), not a new clause (« et combien »)
            continue
        if word in QUALIFIER_END:
            break
        taken += 1
    return taken


def follow_up_analysis(question: str, history: list[str], glossary: Glossary, cues: QuestionCues) -> QuestionAnalysis | None:
    """A follow-up read alone (« Et qui s'est prononcé contre ? »): the content words it brings (the
    answer is about them, not about the earlier question's subject) and the kind it asks for
    itself. None for a standalone question."""
    if not history or not _is_follow_up(question):
        return None
    return analyse(FOLLOW_UP_RE.sub("", question), glossary, cues)


def _is_follow_up(question: str) -> bool:
    words = question.split()
    return bool(FOLLOW_UP_RE.match(question)) or len(words) <= 3 or bool(ANAPHOR_RE.search(question))
