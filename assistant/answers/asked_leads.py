"""Leads read off the quoted units for what the question asks: the person a « qui ? » asks for
(« Mme Claire Husson »), the cell of a table row the question names by its column (« Maître
d'ouvrage : SA HLM Rouergue Logis »), the number of what « combien de … ? » counts (« 14
entreprises »), the amount a « quel montant ? » asks for (« 3,6 M€ »), or the place « où ? » asks
for (« Hardinval »).

Each is the document's own words, picked by the question's words: a person by the words written
around their name (the role, the body they stand for), a cell by its column's name, a count by the
noun after its number. When the words do not single one out (two persons equally near the asked
role, two columns equally named, two different numbers), or when the question asks a second thing,
there is no lead and the quotes answer alone, after the attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answers.compose import Lead
from assistant.answers.question import QuestionAnalysis
from assistant.answers.signals import CIVILITY, first_names
from assistant.text.tables import cell_number, parse_row
from assistant.text.tokens import tokenize_fr
from assistant.text.units import Unit, quantities

# a capitalised word of a name (« Verdier », « TISSOT », « Jean-Pierre ») and the particles inside one
_NAME_PART = r"(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?|[A-ZÀ-Ý]{2,}(?:-[A-ZÀ-Ý]{2,})?)"
_PARTICLE = r"(?:de|du|des|d['’]|le|la|van|von)[ \u00a0]*"
_NAME = rf"{_NAME_PART}(?:[ \u00a0]+(?:{_PARTICLE})?{_NAME_PART}){{0,2}}"
# « M. Alain Verdier », « Mme Claire Husson », « Mme la présidente Dupont » (the role is no name)
_CIVILITY_ROLE = rf"{CIVILITY}[ \u00a0]+(?:(?:le|la)[ \u00a0]+[a-zà-ÿ-]+[ \u00a0]+)?"
CIVILITY_NAME_RE = re.compile(rf"\b{_CIVILITY_ROLE}{_NAME}")
CIVILITY_PREFIX_RE = re.compile(rf"^{_CIVILITY_ROLE}")
# « Laure Quesnel », « Claire de Vaucelles »: a given name, then the family name
GIVEN_NAME_RE = re.compile(rf"\b([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)[ \u00a0]+(?:{_PARTICLE})?{_NAME_PART}"
                           rf"(?:[ \u00a0]+{_NAME_PART})?")
# the role written after a name: « , présidente de la CC3V », « , le conseiller régional »
ROLE_AFTER_RE = re.compile(r",[ \u00a0]*(?:(?:le|la|l['’])[ \u00a0]*)?([a-zà-ÿ-]+)")
CLAUSE_RE = re.compile(r"\s*(?:;|\n| [–—] )\s*")  # the parts of a line that each name one person
JOINER_RE = re.compile(r",|\bet\b|\band\b", re.IGNORECASE)  # where one person's words end

# an amount of money as written: « 480 000 € », « 3,6 M€ », « 14,6 millions d'euros », « 1,31 milliard d'euros »
_AMOUNT_NUMBER = r"(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?"
AMOUNT_RE = re.compile(_AMOUNT_NUMBER + r"[ \u00a0\u202f]*(?:k€|M€|Md€|€|euros?\b|EUR\b|"
                       r"(?:millions?|milliards?)[ \u00a0]+(?:d['’][ \u00a0]*euros?\b|€))(?:[ \u00a0]*(?:HT|TTC)\b)?", re.IGNORECASE)
# a place where something is: « à Vigneulles-lès-Hattonchâtel », « au Pradel », « sur la commune de
# Saint-Aubert-sur-Mer » (capitalised words joined by hyphens or the small words of place names)
_PLACE_WORD = r"[A-ZÀ-Ý][\wà-ÿ'’]*"
PLACE_RE = re.compile(r"\b(?:à|au|aux|sur la commune d['’]e?|dans la commune d['’]e?)[ \u00a0]+"
                      rf"({_PLACE_WORD}(?:(?:-|[ \u00a0])(?:(?:lès|les|lez|sur|sous|en|le|la|de|du|des|d['’]|aux?)(?:-|[ \u00a0]))?"
                      rf"{_PLACE_WORD})*)")
# « où se trouvent les sièges … ? », « quelles communes … ? »: several places are asked
PLURAL_ASK_RE = re.compile(r"\b(?:les|quels|quelles)[ \u00a0]+[a-zà-ÿ-]+[sx]\b")
# the words a number may stand before what it counts (« 24,6 millions de nuitées »)
COUNT_LINK = frozenset({"de", "d'", "d’", "des", "millions", "million", "milliers", "milliards", "of", "thousand"})


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LeadWords:
    """The general words the leads read, as stems, from ``question_cues.toml``: one-word roles
    (« présidente », « conseiller »: a name followed by one is a person's) and money words
    (« montant », « budget »: they ask for the amount, the unit that gives it need not repeat them)."""

    roles: frozenset[str] = frozenset()
    money: frozenset[str] = frozenset()

    @classmethod
    def from_cues(cls, cues) -> "LeadWords":
        def stems(terms: list[list[str]]) -> frozenset[str]:
            return frozenset(stem for term in terms if len(term) == 1 for stem in tokenize_fr(term[0]))
        return cls(stems(cues.person), stems(cues.money))


def persons_in(text: str, roles: frozenset[str] = frozenset()) -> list[Mention]:
    """The persons a text names, in order: a civility and a name, a known given name and a family
    name, or two capitalised words followed by a role (« Odile Carpentier, présidente de … »;
    ``roles``: the stems of role words); a body or a place (« Région Grand Est ») is none."""
    found = [Mention(m.start(), m.end(), m.group(0)) for m in CIVILITY_NAME_RE.finditer(text)]
    given = first_names()
    for m in GIVEN_NAME_RE.finditer(text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        role = ROLE_AFTER_RE.match(text, m.end())
        if all(part in given for part in m.group(1).split("-")) or \
                (role and set(tokenize_fr(role.group(1))[:1]) & roles):
            found.append(Mention(m.start(), m.end(), m.group(0)))
    return sorted(found, key=lambda f: f.start)


def _clauses(text: str) -> list[tuple[int, int]]:
    bounds, at = [], 0
    for m in CLAUSE_RE.finditer(text):
        bounds.append((at, m.start()))
        at = m.end()
    bounds.append((at, len(text)))
    return bounds


def _words_near(text: str, mentions: list[Mention]) -> list[set[str]]:
    """For each person, the stems of the words written with them in their clause:
    - before the first person, everyone's: the verb governs them all (« coprésidé par A, présidente
      de la CC3V, et B »);
    - between two persons, the earlier one's up to the last « , » or « et », the later one's after
      it: a role follows a name or precedes it (« A, présidente de la CC3V, et B, conseiller
      régional », « la présidente Mme X et le directeur M. Y »);
    - after the last person, theirs.
    Persons joined by « et » or « , » alone share all their words (« présents : A et B »)."""
    near: list[set[str]] = [set() for _ in mentions]
    for start, end in _clauses(text):
        inside = [i for i, m in enumerate(mentions) if start <= m.start < end]
        if not inside:
            continue
        before = tokenize_fr(text[start:mentions[inside[0]].start])  # the verb all of them share
        for i, j in zip(inside, inside[1:]):
            between = text[mentions[i].end:mentions[j].start]
            cut = max((m.end() for m in JOINER_RE.finditer(between)), default=0)
            near[i].update(tokenize_fr(between[:cut]))
            near[j].update(tokenize_fr(between[cut:]))
        near[inside[-1]].update(tokenize_fr(text[mentions[inside[-1]].end:end]))
        # « présents : M. A et Mme B »: persons joined by « et » or « , » alone share their words
        group = [inside[0]]
        for i, j in zip(inside, inside[1:]):
            if JOINER_RE.sub("", text[mentions[i].end:mentions[j].start]).strip():
                _share(near, group)
                group = []
            group.append(j)
        _share(near, group)
        for i in inside:
            near[i].update(before)
    return near


def _share(near: list[set[str]], group: list[int]) -> None:
    words = set().union(*(near[i] for i in group))
    for i in group:
        near[i] = set(words)


def person_lead(analysis: QuestionAnalysis, units: list[Unit], roles: frozenset[str] = frozenset()) -> Lead | None:
    """The person a « qui ? » question asks for, among those the quoted units name: the one whose
    surrounding words hold the most of the question's words (the role, the body, the event); none
    when no words link anyone to the question (a sentence naming someone else, quoted with the
    answer), when two persons tie, or when the question already names them (« qui est Claire
    Husson ? » asks for a role)."""
    if analysis.kind != "who":
        return None
    asked = set(tokenize_fr(analysis.text))
    scored: list[tuple[int, str]] = []
    for unit in units:
        text = unit.display
        mentions = [m for m in persons_in(text, roles) if not set(tokenize_fr(m.text)) & asked]
        for mention, words in zip(mentions, _words_near(text, mentions)):
            scored.append((sum(c.covered_by(words) for c in analysis.content), mention.text))
    if not scored:
        return None
    best = max(score for score, _ in scored)
    names = [name for score, name in scored if score == best]
    # « Alain Verdier » in one quote and « M. Alain Verdier » in the next are one person
    if best == 0 or len({CIVILITY_PREFIX_RE.sub("", name) for name in names}) > 1:
        return None
    return Lead(names[0])


def _cell_text(column: str, value: str) -> str:
    """« Maître d'ouvrage : SA HLM Rouergue Logis »."""
    return f"{column} : {value}"


def cell_lead(analysis: QuestionAnalysis, unit: Unit) -> Lead | None:
    """For « qui ? » and « où ? », the cell of a table row that the question names by its column
    (« qui est maître d'ouvrage de … ? », « dans quelle commune … ? »): the one text cell whose
    column's name holds the most of the question's words; none for a sentence or when two columns
    tie. The row must be the one the question names (another cell's value holds one of its words:
    « la réhabilitation de la gendarmerie », not only a column's name), and that cell selects the
    row, it does not answer.

    A number is never led this way: a column's name shares words with many questions it does not
    answer (« l'hôtel d'entreprises doit s'implanter » and « Entreprises implantées : 21 »), and a
    person, a body or a place asked for by a « qui ? » or « où ? » is a text cell only."""
    if analysis.kind not in ("who", "where"):
        return None
    row = parse_row(unit.text)
    if row is None:
        return None
    scored, selects = [], False
    # « Commune de Montcabrier » holds « commune », but the word names the column asked, not the row
    column_words = {w for column in row.columns for w in tokenize_fr(column)}
    for column, value in row.cells:
        value_words = set(tokenize_fr(value))
        held = [c for c in analysis.content if c.covered_by(value_words)]
        if held:
            selects = selects or any(not c.covered_by(column_words) for c in held)
            continue
        if not value_words or cell_number(value) is not None:
            continue
        named = sum(c.covered_by(set(tokenize_fr(column))) for c in analysis.content)
        scored.append((named, column, value))
    if not scored or not selects:
        return None
    best = max(s[0] for s in scored)
    top = [s for s in scored if s[0] == best]
    if best == 0 or len(top) > 1:
        return None
    return Lead(_cell_text(top[0][1], top[0][2]))


def count_lead(analysis: QuestionAnalysis, units: list[Unit]) -> Lead | None:
    """« combien de X ? »: the one number the quoted units state of X, as written (« 14
    entreprises », « 24,6 millions de nuitées », « Entreprises implantées : 14 » in a row whose
    column names X); none when they state several (« 14 actions » and « 30 actions »: the quotes
    answer, the lead would pick one), none of X, or when one end of a column is asked (« quelle zone
    compte le plus d'entreprises ? » asks for the zone)."""
    if analysis.kind != "count" or not analysis.counts_things or analysis.extreme or analysis.several:
        return None
    found: set[str] = set()
    for unit in units:
        row = parse_row(unit.text)
        if row is not None:
            found |= {_cell_text(column, value) for column, value in row.cells
                      if cell_number(value) is not None and analysis.counted & set(tokenize_fr(column))}
            continue
        for number, following in quantities(unit.display):
            words = following.split()
            at = next((i for i, w in enumerate(words) if analysis.counted & set(tokenize_fr(w))), None)
            if at is not None and all(w.lower() in COUNT_LINK for w in words[:at]):
                found.add(f"{number} {' '.join(words[:at + 1])}")
    return Lead(found.pop()) if len(found) == 1 else None


def money_lead(analysis: QuestionAnalysis, units: list[Unit], money_words: frozenset[str] = frozenset()) -> Lead | None:
    """« quel montant … ? »: the one amount the quoted units give (« 3,6 M€ »), or the one cell of a
    row whose column the question names (« Budget consommé : 610 000 »). Only when every word of
    the question is in the unit that gives it: « combien coûte le m² … ? » is not answered by a
    project's total cost, nor « le futur pacte » by the past one's budget."""
    if not analysis.money or analysis.several or analysis.extreme or analysis.kind == "percent":
        return None
    found: set[str] = set()
    asked = [c for c in analysis.content if c.label not in money_words]  # « quel montant ? » asks the amount
    for unit in units:
        tokens = set(tokenize_fr(unit.display))
        if not all(c.covered_by(tokens) for c in asked):
            continue
        row = parse_row(unit.text)
        if row is None:
            found |= {re.sub(r"\s+", " ", m.group(0)) for m in AMOUNT_RE.finditer(unit.display)}
            continue
        scored = [(sum(c.covered_by(set(tokenize_fr(column))) for c in analysis.content), column, value)
                  for column, value in row.cells if cell_number(value) is not None]
        best = max((score for score, _, _ in scored), default=0)
        top = [(column, value) for score, column, value in scored if score == best]
        if best and len(top) == 1:
            found.add(_cell_text(*top[0]))
    return Lead(found.pop()) if len(found) == 1 else None


def place_lead(analysis: QuestionAnalysis, units: list[Unit]) -> Lead | None:
    """« où ? », « dans quelle commune ? »: the one place the quoted units locate something in (« à
    Vigneulles-lès-Hattonchâtel »), the question not naming it; none when they give several, or
    when several are asked (« où se trouvent les sièges des communautés ? »)."""
    if analysis.kind != "where" or analysis.several or PLURAL_ASK_RE.search(analysis.text):
        return None
    asked = set(tokenize_fr(analysis.text))
    found = {m.group(1) for unit in units if parse_row(unit.text) is None
             for m in PLACE_RE.finditer(unit.display) if not set(tokenize_fr(m.group(1))) & asked}
    return Lead(found.pop()) if len(found) == 1 else None


def asked_lead(analysis: QuestionAnalysis, units: list[Unit], words: LeadWords = LeadWords()) -> Lead | None:
    """A lead for what is asked: a person the quoted units name, the named cell of the first quoted
    row, the number of what is counted, the amount or the place asked; none for a list, which all
    of its rows or items answer."""
    if not units or analysis.kind == "list":
        return None
    return person_lead(analysis, units, words.roles) or cell_lead(analysis, units[0]) \
        or count_lead(analysis, units) or money_lead(analysis, units, words.money) or place_lead(analysis, units)
