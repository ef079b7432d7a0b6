"""Citation verification, for every mode: each [n] must name a given passage, and every number
and date of a sentence must appear in the passages it cites. Failing sentences are dropped."""

from __future__ import annotations

import re

from assistant.answers.model import MARKER_RE, Check

VALUE_RE = re.compile(r"\d+(?:\s*/\s*\d+)*(?:[.,]\d+)?\s*%?")
SENTENCE_RE = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÀ-Ý«\-•])|\n+")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(",", ".")


def values_in(text: str) -> list[str]:
    stripped = MARKER_RE.sub(" ", text)
    return [v.strip() for v in VALUE_RE.findall(stripped) if v.strip()]


def verify(text: str, passages: dict[int, str], derived: set[str] | None = None,
           claims: bool = False) -> tuple[str, list[Check]]:
    """Return the text with failing sentences removed, and one check per sentence.

    ``claims``: the text was written by a language model: every sentence must also cite a passage
    and be supported by it (``assistant.answers.claims``), not only repeat its numbers.

    ``derived`` holds values the answerer computed from the cited passages (a count of the dates
    it quotes): they are accepted, and the check says so.
    """
    derived = {_norm(v) for v in (derived or set())}
    kept: list[str] = []
    checks: list[Check] = []
    segments: list[str] = []
    for piece in [s for s in SENTENCE_RE.split(text) if s and s.strip()]:
        # a lead line (« D'après … : ») belongs to the first item it introduces
        if segments and segments[-1].rstrip().endswith(":") and "[" not in segments[-1]:
            segments[-1] = f"{segments[-1]}\n{piece}"
        else:
            segments.append(piece)
    for sentence in segments:
        cited = [int(n) for n in MARKER_RE.findall(sentence)]
        values = values_in(sentence)
        unknown = [n for n in cited if n not in passages]
        if unknown:
            checks.append(Check(sentence, False, f"référence inexistante : {', '.join(f'[{n}]' for n in unknown)}"))
            continue
        if values and not cited:
            checks.append(Check(sentence, False, "chiffre ou date sans source citée"))
            continue
        pool = _norm(" ".join(passages[n] for n in cited))
        absent = [v for v in values if _norm(v) not in pool and _norm(v) not in derived]
        if absent:
            checks.append(Check(sentence, False, f"absent des passages cités : {', '.join(absent)}"))
            continue
        if claims:
            if not cited:
                checks.append(Check(sentence, False, "phrase sans source citée"))
                continue
            from assistant.answers.claims import check_claim

            claim = check_claim(sentence, [passages[n] for n in cited])
            if not claim.ok:
                checks.append(Check(sentence, False, claim.reason))
                continue
        counted = [v for v in values if _norm(v) in derived and _norm(v) not in pool]
        checks.append(Check(sentence, True, f"dénombré dans les passages cités : {', '.join(counted)}" if counted else ""))
        kept.append(sentence.strip())
    return "\n".join(kept) if "\n" in text else " ".join(kept), checks
