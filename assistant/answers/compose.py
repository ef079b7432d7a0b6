"""The wording of answers, in one place: tools and the extractive answerer hand over data (quotes
with their source numbers, the document's title and date, a value derived from the quotes) and this
module writes the text that the CLI prints, the web app shows and the notes reuse.

An answer reads: a one-line lead, then the quotes. The lead gives the value when the quotes hold
one without anything being invented (a count of what they list, the one percentage or date they
quote, the earliest date), then where it comes from (« d'après « titre » (date) »); without a value
the lead is the attribution alone. A single quote follows the lead on the same line; several are a
list. Every quote keeps its [n]. The citation verifier (``assistant.answers.verify``) reads a lead
that ends with « : » as part of the first item, so a value in the lead is checked against the
first item's passage, or against ``derived`` (what was counted).

French text gets French typography (non-breaking spaces before « : ; ? ! % », plurals written
out); the words inside « » are the document's own and stay as written, but for the display of
sub-items (joined by commas, not « ; ») and emphasis marks (never shown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answers.model import short_title
from assistant.answers.prompts import dropped_notice
from assistant.answers.verify import values_in
from assistant.text.dates import find_dates, parse_date, parts_of_year
from assistant.text.typography import date_words, french_punctuation, plural, sentence_case, title_case, when
from assistant.text.units import EMPHASIS_RE, PERCENT_RE, Unit, dates_in

ASTERISKS_RE = re.compile(r"\*+")
INDEXED_FR = "les documents indexés"
INDEXED_EN = "the indexed documents"
TITLE_LIMIT = 48


@dataclass
class Origin:
    """The document an answer quotes: its title and its date as written."""

    title: str
    date: str | None = None
    updated: str | None = None  # a register's latest update, as written


@dataclass
class Quote:
    """One quoted passage: its text (the unit's parts: a line, then its sub-items) and its source."""

    parts: list[str]
    n: int
    label: str = ""  # words of ours before the quote: « Axe 1 : »
    note: str = ""  # words of ours after it: « (en cours) »


@dataclass
class Lead:
    """A value that answers the question, taken from the quotes (``values`` are the numbers it
    shows that the verifier must accept as counted)."""

    text: str
    values: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.values = set(self.values) | set(values_in(self.text))


# quotes -------------------------------------------------------------------------------------
def clean(text: str) -> str:
    """A document's words as an answer shows them: no emphasis marks, single spaces."""
    text = EMPHASIS_RE.sub(lambda m: m.group(2), text)
    text = ASTERISKS_RE.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def quoted(parts: list[str] | str) -> str:
    """« … »: a line and its sub-items, the sub-items separated by commas."""
    if isinstance(parts, str):
        parts = [parts]
    shown = [clean(p).rstrip(" ;,") for p in parts]
    return f"« {', '.join(p for p in shown if p)} »"


def quote_line(q: Quote) -> str:
    label = f"{q.label} " if q.label else ""
    note = f" {q.note}" if q.note else ""
    return f"{label}{quoted(q.parts)}{note} [{q.n}]"


# leads --------------------------------------------------------------------------------------
def document_name(title: str) -> str:
    """A title as an answer names it: capitals in ordinary case, cut at a word boundary."""
    return short_title(title_case(title, TITLE_LIMIT), TITLE_LIMIT)


def named(origin: Origin, en: bool) -> str:
    """« Évaluation POCE … » (janvier 2022)."""
    date = origin.date if en else (date_words(origin.date) or origin.date)
    if origin.updated:
        date = f"last update {origin.updated}" if en else f"dernière mise à jour : {origin.updated}"
    return f"« {document_name(origin.title)} »" + (f" ({date})" if date else "")


def attribution(origin: Origin | None, en: bool) -> str:
    """« d'après « Évaluation POCE … » (janvier 2022) », or the indexed documents as a whole."""
    if origin is None or not origin.title:
        return f"according to {INDEXED_EN}" if en else f"d'après {INDEXED_FR}"
    return f"according to {named(origin, en)}" if en else f"d'après {named(origin, en)}"


def lead_line(origin: Origin | None, en: bool, lead: Lead | str | None = None, then: str = "") -> str:
    """« 3 dates relevées, d'après « … » », or « D'après « … » » when no value answers; ``then``
    follows the attribution (« , parts calculées à partir du tableau des actions »)."""
    said = attribution(origin, en) + (f", {then}" if then else "")
    value = lead.text if isinstance(lead, Lead) else lead
    if not value:
        return said[:1].upper() + said[1:]
    return f"{value[:1].upper()}{value[1:]}, {said}"


def lead_value(text: str) -> str | None:
    """The value a composed answer leads with (« Mme Claire Husson » in « Mme Claire Husson, d'après
    « … » : … »), for an interface to set it off; None when the lead is the attribution alone."""
    first = text.split("\n", 1)[0]
    for said in (", d'après ", ", according to "):
        head, found, _ = first.partition(said)
        if found and head and "«" not in head and "[" not in head:
            return head
    return None


def derived_lead(kind: str, order: str | None, units: list[Unit], en: bool, period: bool = False) -> Lead | None:
    """A value the quoted units give as they stand: how many lines or dates they list, the
    earliest or latest of their dates, the one percentage or date they quote (a period of years
    only when a span of time is asked: « 2017-2021 » in a source line does not say when a
    convention was signed)."""
    texts = [u.text for u in units]
    dates = [d for t in texts for d in dates_in(t)]
    lines = [u for u in units if u.kind == "line"]
    if kind == "count" and len(lines) >= 2 and not dates:
        n = len(lines)
        return Lead(plural(n, "item listed", "items listed") if en else plural(n, "élément relevé", "éléments relevés"), {str(n)})
    if kind == "count" and len(dates) >= 2:
        n = len(dates)
        return Lead(plural(n, "date listed", "dates listed") if en else plural(n, "date relevée", "dates relevées"), {str(n)})
    if order and len(dates) >= 2:
        parsed = sorted((parse_date(d).iso, d) for d in dates if parse_date(d).iso)
        if parsed:
            _, written = parsed[0] if order == "first" else parsed[-1]
            if en:
                return Lead(f"the {'earliest' if order == 'first' else 'latest'} is {written}")
            word = "la plus ancienne" if order == "first" else "la plus récente"
            return Lead(f"{word} est {when(written) or written}")
    if kind == "percent":
        shares = {re.sub(r"\s", "", m.group(0)) for t in texts for m in PERCENT_RE.finditer(t)}
        if len(shares) == 1:
            share = shares.pop()
            return Lead(share if en else share.replace("%", " %"))
    # a sentence with two dates, one written without its year (« le 2 février …, puis le comité
    # technique le 08/10/2024 »), does not say which one is asked: the quote answers, no lead
    written = {d.written for t in texts for d in find_dates(t)}
    if kind == "date" and len(set(dates)) == 1 and len(written | set(dates)) == 1:
        said = when(dates[0]) or ""
        if en:
            return Lead(dates[0])
        if said.startswith(("le ", "en ")) or (period and said.startswith("de ")):
            return Lead(said)  # a day, a month, a period of years; else the quote says it
    if kind == "date" and not dates and not en:
        parts = {p for t in texts for p in parts_of_year(t)}
        if len(parts) == 1:
            return Lead(parts.pop())  # « au second semestre 2025 »: the one time the quotes name
    return None


# the text -----------------------------------------------------------------------------------
def finish(text: str, en: bool) -> str:
    """French typography for French text; English puts no space before a colon."""
    if en:
        return text.replace(" :\n", ":\n").replace(" : ", ": ")
    return french_punctuation(text)


def compose(origin: Origin | None, items: list[str], en: bool, lead: Lead | str | None = None,
            after: list[str] | None = None, then: str = "") -> str:
    """The lead, then one item on the same line or several as a list; ``after``: further lines
    (a warning, the register's figures) each ending with its own sources."""
    head = lead_line(origin, en, lead, then)
    if len(items) == 1:
        text = f"{head} : {items[0]}."
    else:
        text = f"{head} :\n" + "\n".join(f"- {item}" for item in items)
    for line in after or []:
        text += f"\n{line}"
    return finish(text, en)


def listed(head: str, items: list[str], en: bool) -> str:
    """A line of ours ending with « : », then its items as a list."""
    return finish(f"{head} :\n" + "\n".join(f"- {item}" for item in items), en)


def other_figures_line(origin: Origin, summary: str, refs: list[int], en: bool, earlier: bool = False) -> str:
    """Another document's figures, with their sources: a warning when they disagree with the ones
    given, their history when that document is dated before them."""
    marks = "".join(f"[{n}]" for n in refs)
    said = named(origin, en)
    if earlier:
        return f"Earlier figures: {said} gave {summary} {marks}." if en else \
            f"Chiffres antérieurs : {said} donnait {summary} {marks}."
    return f"Warning: {said} gives other figures: {summary} {marks}." if en else \
        f"Attention : {said} donne d'autres chiffres : {summary} {marks}."


def compose_quotes(origin: Origin | None, quotes: list[Quote], en: bool, lead: Lead | str | None = None) -> str:
    return compose(origin, [quote_line(q) for q in quotes], en, lead)


def sentence_of(text: str, en: bool) -> str:
    """One sentence of ours (a message without quotes), with its typography."""
    return finish(text, en)


def declined(reason: str, places: list[tuple[str, str | None, int]], en: bool, closest: Quote | None = None) -> str:
    """The decline (``reason``), then the closest passages to consult: (document, section, n); with
    ``closest``, the sentence that came nearest first, quoted, said not to be enough (the first place
    is its passage)."""
    label = "Passages to consult" if en else "À consulter"
    named = [f"« {document_name(doc)} »" + (f", {sentence_case(clean(section))}" if section else "")
             for doc, section, _ in places]
    shown = [f"{name} [{n}]" for name, (_, _, n) in zip(named, places)]
    if closest is not None:
        near = ("The closest passage does not answer with certainty" if en
                else "Le passage le plus proche ne permet pas de répondre avec certitude")
        text = f"{reason}\n{near} : {named[0]} : {quote_line(closest)}"
        if len(shown) > 1:
            also = "Also to consult" if en else "À consulter aussi"
            text += f"\n{also} :\n" + "\n".join(f"- {s}" for s in shown[1:])
        return finish(text, en)
    if not shown:
        return finish(reason, en)
    if len(shown) == 1:
        return finish(f"{reason}\n{label} : {shown[0]}", en)
    return finish(f"{reason}\n{label} :\n" + "\n".join(f"- {s}" for s in shown), en)


def answer_notice(answer) -> str:
    """One French sentence when an LLM mode fell back to another answer or removed sentences; empty
    otherwise. The CLI, the web app and the API show the same line."""
    if answer.fallback:
        return answer.fallback
    if answer.dropped:
        return dropped_notice(answer.dropped)
    if not answer.verified:
        return "Une partie de la réponse n'a pas pu être vérifiée dans les sources et a été retirée."
    return ""
