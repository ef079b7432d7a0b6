"""What an answer quotes with the sentence ranked first: the whole list an item belongs to (after
its « … : » introduction, or under a slide's heading), the items a « … : » sentence introduces, the
other lines of a list written as lines, and the sentences close behind that complete a list, a
count or a set of shares."""

from __future__ import annotations

from collections.abc import Callable

from assistant.answers.answerability import CLOSE_RANK
from assistant.answers.candidate import Candidate
from assistant.answers.question import QuestionAnalysis
from assistant.text.headings import is_caps_heading
from assistant.text.tokens import tokenize_fr
from assistant.text.units import split_units


def whole_list(best: Candidate, candidates: list[Candidate], headed: bool = False,
               names_heading: Callable[[set[str]], bool] | None = None) -> list[Candidate] | None:
    """An item of a list introduced by « … : »: the introduction and every item answer together.
    With ``headed`` (a list is asked), the items under a heading too (a slide's « POINTS DE
    VIGILANCE » over its bullets: the heading is no candidate, the items are the answer); and
    with ``names_heading``, the items under a heading whose words it finds in the question
    (« quel est le bilan quantitatif ? » over « Evaluation quantitative » and its three shares)."""
    same = sorted((c for c in candidates if c.hit is best.hit), key=lambda c: c.unit.start)
    text = best.hit.chunk.text
    at = same.index(best)
    start = at
    while start > 0 and same[start - 1].unit.kind == "item" and not _heading_between(text, same[start - 1], same[start]):
        start -= 1
    end = at
    while end + 1 < len(same) and same[end + 1].unit.kind == "item" \
            and not _heading_between(text, same[end], same[end + 1]):
        end += 1
    if start > 0 and same[start - 1].unit.display.endswith(":"):
        return same[start - 1 : end + 1][:10]
    if headed and end > start and (start == 0 or _heading_between(text, same[start - 1], same[start])):
        return same[start : end + 1][:10]
    if names_heading is not None and end > start:
        heading = _heading_before(text, same[start - 1] if start > 0 else None, same[start])
        if heading and names_heading(set(tokenize_fr(heading))):
            return same[start : end + 1][:10]
    return None


def question_names_heading(analysis: QuestionAnalysis, best: Candidate) -> Callable[[set[str]], bool]:
    """Whether a heading's words hold one of the question's content words that the document's
    title does not (every passage of a document is under its title)."""
    title = set(tokenize_fr(str(best.hit.chunk.metadata.get("document_title") or "")))
    own = [c for c in analysis.content if not c.covered_by(title)]
    return lambda tokens: any(c.covered_by(tokens) for c in own)


def asked_item(items: list[Candidate], answers: Callable[[Candidate], bool]) -> list[Candidate]:
    """The one item of an announced list that answers (holds the value asked) with more of the
    question's words than every other item that does; none when no single item stands out."""
    holding = sorted((c for c in items if answers(c)), key=lambda c: -c.features["unit_coverage"])
    if len(holding) < 2:
        return []
    first, second = holding[0].features["unit_coverage"], holding[1].features["unit_coverage"]
    return [holding[0]] if first > 0 and first > second else []


def _heading_before(text: str, before: Candidate | None, first: Candidate) -> str:
    """What stands right above a list's first item and is no candidate (a heading, a slide's
    title line, the passage's section line): the text between the candidate before it (or the
    passage's start) and the item, its last unit."""
    units = split_units(_text_between(text, before, first))
    return units[-1].display if units else ""


def _heading_between(text: str, before: Candidate, first: Candidate) -> bool:
    """A heading stands between a candidate and the first item after it (headings are no candidates)."""
    return any(u.is_heading_mark or is_caps_heading(u.display) for u in split_units(_text_between(text, before, first)))


def _text_between(text: str, before: Candidate | None, first: Candidate) -> str:
    """The passage's text after a candidate (or from its start) up to another one."""
    return text[before.unit.start + len(before.unit.text) if before is not None else 0 : first.unit.start]


def continuation(best: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """The items a « … : » unit introduces, or the other lines of a list written as lines."""
    same = sorted((c for c in candidates if c.hit is best.hit and c.unit.start > best.unit.start),
                  key=lambda c: c.unit.start)
    out = []
    for c in same:
        if best.unit.kind == "line":
            if c.unit.block != best.unit.block:
                break
        elif c.unit.kind != "item":
            if out:
                break
            continue
        out.append(c)
    if best.unit.kind == "line":
        before = [c for c in candidates if c.hit is best.hit and c.unit.block == best.unit.block
                  and c.unit.start < best.unit.start]
        out = sorted(before, key=lambda c: c.unit.start) + out
    return out[:10]


def _in_unit(analysis: QuestionAnalysis, cand: Candidate) -> int:
    """How many of the question's content words the unit itself holds."""
    tokens = set(tokenize_fr(cand.unit.text))
    return sum(1 for c in analysis.content if c.covered_by(tokens))


def siblings(analysis: QuestionAnalysis, best: Candidate, valid: list[Candidate]) -> list[Candidate]:
    """The sentences ranked close behind that complete the first one: the others of its block and
    kind holding as many of the question's words, the other lines of its list, and for a list
    question the close ones of other passages."""
    best_in_unit = _in_unit(analysis, best)
    same_block = [
        c for c in valid
        if c is not best and c.hit is best.hit and c.unit.block == best.unit.block
        and c.unit.kind == best.unit.kind
        and _in_unit(analysis, c) >= best_in_unit
    ]
    if best.unit.kind == "line":
        same_block = [c for c in valid if c is not best and c.hit is best.hit and c.unit.block == best.unit.block]
    others = [
        c for c in valid
        if c.hit is not best.hit and analysis.kind == "list" and c.rank >= best.rank - CLOSE_RANK / 2
    ]
    seen = {best.unit.text}
    out = []
    for c in same_block + others:
        if c.unit.text not in seen:
            seen.add(c.unit.text)
            out.append(c)
    out.sort(key=lambda c: (c.hit_rank, c.unit.start))
    return out[:8]
