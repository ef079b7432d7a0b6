"""Citation verification, for every mode: each [n] must name a given passage, and every number
and date of a sentence must appear in the passages it cites. Failing sentences are dropped."""

from __future__ import annotations

import re

from assistant.answers.model import MARKER_RE, Check

VALUE_RE = re.compile(r"\d+(?:\s*/\s*\d+)*(?:[.,]\d+)?\s*%?")
# a sentence ends at « . ! ? » » before a capital, not after a civility (« M. Alain Verdier »)
SENTENCE_RE = re.compile(r"(?<=[.!?»])(?<!\bM\.)(?<!\bMM\.)(?<!\bDr\.)(?<!\bSt\.)\s+(?=[A-ZÀ-Ý«\-•])|\n+")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).replace(",", ".")


def values_in(text: str) -> list[str]:
    stripped = MARKER_RE.sub(" ", text)
    return [v.strip() for v in VALUE_RE.findall(stripped) if v.strip()]


def _pieces(text: str) -> list[str]:
    """The sentences of ``text``, each with the separator after it, so that joined again they give
    the text as written (« M. Alain Verdier » is never split, nor broken over two lines); a quote of
    several sentences is one piece, checked against the passage its citation names."""
    pieces, at = [], 0
    for m in SENTENCE_RE.finditer(text):
        before = text[: m.start()]
        if "\n" not in m.group(0) and before.count("«") > before.count("»"):
            continue  # inside a quote: its sentences go with the citation after it (« R8 – … . La mise … » [1])
        pieces.append(text[at:m.end()])
        at = m.end()
    pieces.append(text[at:])
    return [p for p in pieces if p.strip()]


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
    segments: list[str] = []  # each sentence with the separator that follows it in ``text``
    for piece in _pieces(text):
        # a lead line (« D'après … : ») belongs to the first item it introduces
        if segments and segments[-1].rstrip().endswith(":") and "[" not in segments[-1]:
            segments[-1] += piece
        else:
            segments.append(piece)
    for sentence in segments:
        cited = [int(n) for n in MARKER_RE.findall(sentence)]
        values = values_in(sentence)
        unknown = [n for n in cited if n not in passages]
        if unknown:
            checks.append(Check(sentence.strip(), False, f"référence inexistante : {', '.join(f'[{n}]' for n in unknown)}"))
            continue
        if values and not cited:
            checks.append(Check(sentence.strip(), False, "chiffre ou date sans source citée"))
            continue
        pool = _norm(" ".join(passages[n] for n in cited))
        absent = [v for v in values if _norm(v) not in pool and _norm(v) not in derived]
        if absent:
            checks.append(Check(sentence.strip(), False, f"absent des passages cités : {', '.join(absent)}"))
            continue
        if claims:
            if not cited:
                checks.append(Check(sentence.strip(), False, "phrase sans source citée"))
                continue
            from assistant.answers.claims import check_claim

            claim = check_claim(sentence, [passages[n] for n in cited])
            if not claim.ok:
                checks.append(Check(sentence.strip(), False, claim.reason))
                continue
        counted = [v for v in values if _norm(v) in derived and _norm(v) not in pool]
        checks.append(Check(sentence.strip(), True, f"dénombré dans les passages cités : {', '.join(counted)}" if counted else ""))
        kept.append(sentence)
    return "".join(kept).strip(), checks
