"""A sentence, list item or table row of the retrieved passages, scored as a possible answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.retrieval.hybrid import Hit
from assistant.text.units import Unit


@dataclass
class Candidate:
    hit: Hit
    hit_rank: int
    unit: Unit
    score: float  # the gate's probability that the answer it leads answers (set on the first-ranked one)
    covered: int
    missing: list[str]
    has_value: bool
    features: dict[str, float] = field(default_factory=dict)
    rank: float = 0.0  # the ranking score among the question's sentences
    shown: str = ""  # what the answer would quote: the unit, with the items a « … : » unit introduces


@dataclass
class Pick:
    """Units chosen for the answer, grouped by the hit they come from; not ``confident`` when the
    gate judged the first one unlikely to answer: the answer declines, showing it as the closest."""

    candidates: list[Candidate]
    confident: bool = True
