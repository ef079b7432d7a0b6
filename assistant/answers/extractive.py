"""The offline answerer: picks the sentences or list items of the retrieved chunks that answer
the question, checks that they cover it, and quotes them with [n] markers. No LLM, nothing invented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answers.question import QuestionAnalysis
from assistant.ingest.structure import is_caps_heading
from assistant.answers.units import DATE_RE, NUMBER_RE, PERCENT_RE, Unit, dates_in, split_units
from assistant.providers.lexical import tokenize_fr
from assistant.retrieval.glossary import Glossary, QuestionCues
from assistant.retrieval.hybrid import Hit

DECLINE_FR = "Les documents indexés ne permettent pas de répondre à cette question."
DECLINE_EN = "The indexed documents do not answer this question."
FULL_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")


@dataclass
class Candidate:
    hit: Hit
    hit_rank: int
    unit: Unit
    score: float
    covered: int
    missing: list[str]
    has_value: bool


@dataclass
class Pick:
    """Units chosen for the answer, grouped by the hit they come from."""

    candidates: list[Candidate]
    intro: str | None = None


class ExtractiveAnswerer:
    def __init__(self, glossary: Glossary, cues: QuestionCues):
        self.glossary = glossary
        self.cues = cues

    # selection -------------------------------------------------------------------------------
    def select(self, analysis: QuestionAnalysis, hits: list[Hit], home_only: bool = False,
               covered: frozenset[str] = frozenset()) -> Pick | None:
        if home_only:
            # only the documents the question may be answered from: the ones it names, else never a
            # peer territory's (« le pacte » means the users' own); retrieval keeps to them already
            hits = [h for h in hits if h.in_scope]
        if covered and analysis.kind != "definition":  # « que veut dire POCE ? » asks for the name itself
            # the words that chose the documents (« du Val d'Ornelle », « selon le registre ») are
            # answered by the documents themselves: a quoted passage need not repeat them
            analysis = replace(analysis, content=[c for c in analysis.content if not set(c.label.split()) <= covered])
        candidates = self._candidates(analysis, hits)
        valid = [c for c in candidates if self._answers(analysis, c)]
        if not valid:
            return None
        valid.sort(key=lambda c: c.score, reverse=True)
        best = valid[0]
        chosen = [best]
        if best.unit.display.endswith(":") or best.unit.kind == "line":
            chosen += self._continuation(best, candidates)
        elif best.unit.kind == "item":
            chosen = self._whole_list(best, candidates) or chosen
        if analysis.kind in ("list", "percent") or (analysis.kind == "count" and not dates_in(best.unit.text)):
            chosen += [c for c in self._siblings(analysis, best, valid) if c not in chosen]
        chosen.sort(key=lambda c: (c.hit_rank, c.unit.start))
        intro = self._intro(analysis, chosen)
        return Pick(chosen, intro)

    def _candidates(self, analysis: QuestionAnalysis, hits: list[Hit]) -> list[Candidate]:
        out: list[Candidate] = []
        for rank, hit in enumerate(hits):
            meta = hit.chunk.metadata
            header = set(tokenize_fr(f"{meta.get('document_title', '')} {meta.get('section', '')}"))
            chunk_tokens = set(tokenize_fr(hit.chunk.text)) | header
            last_heading = (meta.get("section") or "").split(" > ")[-1].strip()
            for unit in split_units(hit.chunk.text):
                tokens = set(tokenize_fr(unit.text))
                if not tokens or _is_label(unit.display):
                    continue
                if is_caps_heading(unit.display) and analysis.kind != "definition":
                    continue  # a title says where, not what; but « (PACTE OFFENSIVE …) » expands an acronym
                score, covered, missing = 0.0, 0, []
                for concept in analysis.content:
                    if concept.covered_by(tokens):
                        score += 2.0
                        covered += 1
                    elif concept.covered_by(header):
                        score += 0.8
                        covered += 1
                    elif concept.covered_by(chunk_tokens):
                        score += 0.3
                        covered += 1
                    else:
                        missing.append(concept.label)
                has_value = self._has_value(analysis.kind, unit.text, unit.kind)
                score += 3.0 if has_value else 0.0
                unit_negated = bool(set(tokenize_fr(unit.text, keep_stopwords=True)) & self.cues.negation)
                if analysis.kind == "percent" and unit_negated != analysis.negated:
                    score -= 2.5
                    missing.append("(négation)")
                if unit.display.strip().upper() == last_heading.upper() or len(unit.display) < 3 or _is_label(unit.display):
                    score -= 3.0  # a heading says where, not what
                score += max(0.0, 1.0 - 0.1 * rank)  # retrieval order breaks ties
                out.append(Candidate(hit, rank, unit, score, covered, missing, has_value))
        return out

    def _has_value(self, kind: str, text: str, unit_kind: str = "") -> bool:
        if kind == "percent":
            return bool(PERCENT_RE.search(text))
        if kind == "date":
            return bool(DATE_RE.search(text))
        if kind == "count":
            # a number, or a list to count (« combien de communautés de communes, et lesquelles ? »)
            return bool(NUMBER_RE.search(text)) or unit_kind == "line"
        return True

    def _answers(self, analysis: QuestionAnalysis, cand: Candidate) -> bool:
        """The decline rule: the passage must cover what is asked and hold the kind of value asked."""
        n = len(analysis.content)
        allowed_missing = 1 if n >= 3 else 0
        if len(cand.missing) > allowed_missing or "(négation)" in cand.missing:
            return False
        unit_tokens = set(tokenize_fr(cand.unit.text, keep_stopwords=True))
        for concept in analysis.essential or []:
            if not concept.covered_by(unit_tokens):
                return False
        if analysis.kind == "definition":
            return self._defines(analysis, cand)
        if analysis.kind in ("percent", "date", "count") and not cand.has_value:
            return False
        if n == 0:
            return cand.has_value and analysis.kind in ("percent", "date", "count")
        in_unit = self._in_unit(analysis, cand)
        # the quoted unit itself must carry part of the question, not only its surroundings
        return in_unit >= 1 or (cand.has_value and analysis.kind in ("percent", "date", "count"))

    def _whole_list(self, best: Candidate, candidates: list[Candidate]) -> list[Candidate] | None:
        """An item of a list introduced by « … : »: the introduction and every item answer together."""
        same = sorted((c for c in candidates if c.hit is best.hit), key=lambda c: c.unit.start)
        at = same.index(best)
        start = at
        while start > 0 and same[start - 1].unit.kind == "item":
            start -= 1
        if start == 0 or not same[start - 1].unit.display.endswith(":"):
            return None
        end = at
        while end + 1 < len(same) and same[end + 1].unit.kind == "item":
            end += 1
        return same[start - 1 : end + 1][:10]

    def _continuation(self, best: Candidate, candidates: list[Candidate]) -> list[Candidate]:
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

    def _defines(self, analysis: QuestionAnalysis, cand: Candidate) -> bool:
        """The unit holds an expansion of the acronym that the glossary knows."""
        tokens = set(tokenize_fr(cand.unit.text))
        return any(len(alt) >= 2 and set(alt) <= tokens for c in analysis.content for alt in c.alternatives)

    def _in_unit(self, analysis: QuestionAnalysis, cand: Candidate) -> int:
        tokens = set(tokenize_fr(cand.unit.text))
        return sum(1 for c in analysis.content if c.covered_by(tokens))

    def _siblings(self, analysis: QuestionAnalysis, best: Candidate, valid: list[Candidate]) -> list[Candidate]:
        best_in_unit = self._in_unit(analysis, best)
        same_block = [
            c for c in valid
            if c is not best and c.hit is best.hit and c.unit.block == best.unit.block
            and c.unit.kind == best.unit.kind and c.score >= best.score - 1.5
            and self._in_unit(analysis, c) >= best_in_unit
        ]
        if best.unit.kind == "line":
            same_block = [c for c in valid if c is not best and c.hit is best.hit and c.unit.block == best.unit.block]
        others = [
            c for c in valid
            if c.hit is not best.hit and c.score >= best.score - 0.5 and analysis.kind == "list"
        ]
        seen = {best.unit.text}
        out = []
        for c in same_block + others:
            if c.unit.text not in seen:
                seen.add(c.unit.text)
                out.append(c)
        out.sort(key=lambda c: (c.hit_rank, c.unit.start))
        return out[:8]

    def _intro(self, analysis: QuestionAnalysis, chosen: list[Candidate]) -> str | None:
        en = analysis.language == "en"
        dates = [d for c in chosen for d in dates_in(c.unit.text)]
        lines = [c for c in chosen if c.unit.kind == "line"]
        if analysis.kind == "count" and len(lines) >= 2 and not dates:
            return f"{len(lines)} are listed" if en else f"{len(lines)} éléments relevés"
        if analysis.kind == "count" and len(dates) >= 2:
            return f"{len(dates)} dates are listed" if en else f"{len(dates)} dates relevées"
        if analysis.order and len(dates) >= 2:
            parsed = sorted((_date_key(d), d) for d in dates if _date_key(d))
            if parsed:
                first, last = parsed[0][1], parsed[-1][1]
                if analysis.order == "first":
                    return f"The earliest is {first}" if en else f"La plus ancienne est le {first}"
                return f"The latest is {last}" if en else f"La plus récente est le {last}"
        return None


LABEL_RE = re.compile(r"^(?:axes?\s*\d*|\d+\s+axes?|objectifs?(?:\s+\w+)?|merci.*|sommaire|introduction)\s*:?$", re.IGNORECASE)


def _is_label(text: str) -> bool:
    """Slide labels such as « AXE 2 », « 3 AXES » or « Objectifs stratégiques »: where, not what."""
    return bool(LABEL_RE.match(text.strip()))


def _date_key(text: str) -> tuple[int, int, int] | None:
    m = FULL_DATE_RE.search(text.replace(" ", ""))
    if not m:
        return None
    day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    if len(year) == 2:
        year = "20" + year
    return int(year), month, day
