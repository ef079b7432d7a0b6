"""Next steps read out of the documents: the units of a section whose heading announces them (« Suites
à donner », « Recommandations », from ``lexicon.toml``), or the numbered subsections under one
(« R1 – … »); under a heading that announces something else too (« Conclusions et
recommandations ») or may announce forecasts (« Perspectives »), from the first unit that reads as
a step."""

from __future__ import annotations

import re

from assistant.answers.units import split_units
from assistant.ingest.structure import Section
from assistant.knowledge.lexicon import Lexicon, fold
from assistant.knowledge.lines import row_cells
from assistant.providers.catalog import FactRow
from assistant.text.dates import find_dates
from assistant.text.headings import heading_key


class NextStepsRules:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def next_steps(self, sections: list[Section], doc_id: str) -> list[FactRow]:
        """The units of a next steps section (« Suites à donner », « Recommandations »): not its own
        heading (« 7. Conclusions … »), not a line that opens a list (« … quatre recommandations : »:
        its items are the steps), not a piece of a sentence already taken (its end repeated after a
        column break); a step may be one word (an acronym). A section that gives its steps as
        subsections (« R1 – Resserrer le futur contrat », then its text) gives one step each, its
        heading and what follows it; its own text then only introduces them."""
        facts: list[FactRow] = []
        headings = [fold(h) for h in self.lexicon.next_steps_headings]
        verbs = {fold(v) for v in self.lexicon.step_verbs}

        def about_steps(title: str) -> bool:
            return any(h in fold(title.lstrip("# ")) for h in headings)

        # a steps section whose subsections are numbered alike (« R1 – … », « R2 – … ») lists its steps as them
        children: dict[tuple, list[str]] = {}
        for section in sections:
            if len(section.path) > 1 and about_steps(section.path[-2]):
                children.setdefault(section.path[:-1], []).append(section.path[-1])
        parents = {path for path, titles in children.items() if _numbered_alike(titles)}
        for section in sections:
            title = section.path[-1] if section.path else ""
            if section.path[:-1] in parents and not about_steps(title):
                # not its headings (a parent heading with no text of its own comes with the first)
                path = {heading_key(h) for h in section.path}
                units = [u for u in split_units(section.text)
                         if u.display.strip() and not u.is_heading_mark and heading_key(u.display.strip()) not in path]
                # the step's own paragraph: a paragraph after it, under the last one, closes the
                # whole list (« La mise en œuvre des recommandations R1, R4 et R5 conditionne … »)
                body = [u.display.strip() for u in units if u.block == units[0].block] if units else []
                if body:
                    text = f"{title.lstrip('# ').strip()} : {' '.join(body[:2])}"
                    facts.append(FactRow(doc_id, "next_step", {"text": text}, section.page.number, text))
                continue
            if not about_steps(title) or section.path in parents:
                continue
            heading = fold(title.lstrip("# "))
            # « Conclusions et recommandations »: the conclusions come first, the steps from the
            # first unit that reads as one; under « Perspectives », forecasts may stand in their place
            forecast = any(fold(h) in heading for h in self.lexicon.forecast_headings)
            started = not (_names_more_than_steps(heading, headings) or forecast)
            units = split_units(section.text)
            titles = _subheadings(units, headings, verbs)
            for n, unit in enumerate(units):
                text = unit.display.lstrip("# ").strip()
                if not text or heading_key(text) == heading_key(heading) or text.endswith(":") or n in titles:
                    continue
                if _dateline(text):
                    continue  # a signature (« Document établi par … — mars 2023. »), not a step
                if row_cells(text) is not None:
                    continue  # a table's row (« Code : 1.1.c ; Reste à engager : 210 000 € ») is data, not a step
                if not started and not _reads_as_step(unit, text, headings, verbs):
                    continue
                started = True
                if len(text.split()) > 3 and any(fold(text) in fold(f.data["text"]) for f in facts):
                    continue
                facts.append(FactRow(doc_id, "next_step", {"text": text}, section.page.number, text))
        return facts


STEP_LABEL_RE = re.compile(r"^\W*[^\W\d_]{0,15}?\s?(?:\d{1,2}|[A-Z])\b\s*[–—:.)-]\s*")  # « R1 – », « Recommandation 2 : »
# a French infinitive opening a step (« Réviser les fiches », « prolonger jusqu'au … », « Mettre en place »)
INFINITIVE_RE = re.compile(r"^[a-zà-ÿ]{2,}(?:er|ir|oir|re)$")
NOT_INFINITIVE = frozenset({"entre", "notre", "votre", "autre", "outre", "contre", "comme", "leur", "pour", "sur", "par",
                            "hier", "premier", "dernier", "plusieurs", "tiers", "chaque", "lire"})


def _names_more_than_steps(heading: str, steps_headings: list[str]) -> bool:
    """« conclusions et recommandations », « bilan et perspectives »: the heading names something
    besides the steps (folded heading, folded step headings)."""
    rest = heading_key(heading)
    for h in steps_headings:
        rest = rest.replace(h, " ")
    return bool(re.search(r"[a-z]{4,}", rest))


def _reads_as_step(unit, text: str, steps_headings: list[str], verbs: set[str]) -> bool:
    """An item of a list, a line labelled as a step (« Recommandation 1 : … », « R2 – … »), a
    sentence that recommends (« L'évaluateur recommande de … »; ``verbs`` folded) or one opening with
    an infinitive (« Réviser les fiches-actions … »)."""
    if unit.kind == "item" or any(fold(text).startswith(h.rstrip("s")) for h in steps_headings):
        return True
    if verbs & set(re.findall(r"[a-z]+", fold(text))):
        return True
    first = fold(STEP_LABEL_RE.sub("", text)).split(" ", 1)[0].strip(",;:")
    return bool(INFINITIVE_RE.match(first)) and first not in NOT_INFINITIVE


def _dateline(text: str) -> bool:
    """A line that ends with a date set off by a dash (« Document établi par … — mars 2023. »): who
    wrote the document and when, a signature."""
    dates = [d for d in find_dates(text) if d.precision in ("day", "month")]
    if not dates:
        return False
    last = dates[-1]
    return not text[last.end :].strip(" .") and text[: last.start].rstrip().endswith(("—", "–", " -"))


def _subheadings(units, steps_headings: list[str], verbs: set[str]) -> set[int]:
    """The units of a block that titles the paragraph after it (« Les premiers chantiers du Pacte
    Opale » / « Avenir », a heading the layout did not mark): a block of at most two short lines, no
    item, none ending like a sentence or reading as a step, followed by a block of sentences."""
    blocks: dict[int, list[int]] = {}
    for n, unit in enumerate(units):
        blocks.setdefault(unit.block, []).append(n)
    order = sorted(blocks)
    titles: set[int] = set()
    for k, block in enumerate(order[:-1]):
        members = [units[n] for n in blocks[block]]
        after = units[blocks[order[k + 1]][0]]
        texts = [u.display.strip() for u in members]
        if len(members) > 2 or sum(len(t.split()) for t in texts) > 12 or after.kind != "sentence":
            continue
        if not after.display.rstrip().endswith((".", "!", "?")) or len(after.display.split()) < 8:
            continue
        if any(u.kind == "item" or t.endswith((".", "!", "?", ";", ":")) for u, t in zip(members, texts)):
            continue
        if _reads_as_step(members[0], " ".join(texts), steps_headings, verbs):  # read as one line, wrapped
            continue
        titles.update(blocks[block])
    return titles


ENUMERATION_RE = re.compile(r"^\W*([^\W\d_]{0,15}?)\s?(\d{1,2}|[A-Z])\b")


def _numbered_alike(titles: list[str]) -> bool:
    """Whether headings are the items of one enumeration: at least two, each opening with the same
    word or letter and its own number (« R1 – … », « R2 – … »; « Recommandation 1 », …; « 1. », « 2. »)."""
    found = [ENUMERATION_RE.match(t.lstrip("# ")) for t in titles]
    if len(titles) < 2 or not all(found):
        return False
    return len({fold(m.group(1)) for m in found}) == 1 and len({m.group(2) for m in found}) == len(found)

