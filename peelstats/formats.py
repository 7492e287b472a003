"""How figures are written for readers, in one place: signed percentages, whole counts with separators, rates."""

from __future__ import annotations

import math

NOT_AVAILABLE = "n/a"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and not math.isfinite(value))


def pct(value, digits: int = 1) -> str:
    """+4.2%"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):+.{digits}f}%"


def pp(value, digits: int = 1) -> str:
    """+4.2 pp (a difference of percentages)"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):+.{digits}f} pp"


def count(value) -> str:
    """84,342"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):,.0f}"


def signed_count(value) -> str:
    """+3,406"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):+,.0f}"


def rate(value) -> str:
    """66.9 per 1,000"""
    return NOT_AVAILABLE if _missing(value) else f"{float(value):,.1f} per 1,000"


def ratio(value) -> str:
    return NOT_AVAILABLE if _missing(value) else f"{float(value):.2f} times"


def moved(change) -> str:
    """'rose', 'fell' or 'did not change'."""
    if _missing(change):
        return "changed by an unknown amount"
    return "rose" if change > 0 else "fell" if change < 0 else "did not change"


def change_words(change, digits: int = 1) -> str:
    """'rose 4.2%', 'fell 5.3%', 'did not change'."""
    if _missing(change):
        return "changed by an unknown amount"
    if round(float(change), digits) == 0:
        return "did not change"
    return f"{moved(change)} {abs(float(change)):.{digits}f}%"
