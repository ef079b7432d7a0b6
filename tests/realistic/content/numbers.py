"""French number formatting, so that every figure printed in prose and tables agrees."""

from __future__ import annotations


def fr_int(value: int) -> str:
    """12345 -> '12 345' (a plain space as thousands separator)."""
    return f"{value:,}".replace(",", " ")


def fr_dec(value: float, digits: int = 1) -> str:
    """3.14159 -> '3,1'."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", " ").replace(".", ",")


def fr_pct(value: float, digits: int = 1, signed: bool = False) -> str:
    """17.25 -> '17,3 %'; signed=True gives '+3,8 %' or '-2,4 %'."""
    text = fr_dec(value, digits)
    if signed and value > 0:
        text = "+" + text
    return f"{text} %"


def share(part: float, whole: float) -> float:
    return 100.0 * part / whole
