"""How figures and words are written for readers, in one place: signed percentages, whole counts with separators,
rates, dates, Yes/No, ordinals, a claim's measured figure (names, links and badges: reporting/labels.py)."""

from __future__ import annotations

import math
import re

import pandas as pd

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


# ------------------------------------------------------------------------------------------ words and dates

def yes_no(value) -> str:
    """'Yes', 'No', or '' for unknown (never True/False on a page)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    return "Yes" if bool(value) else "No"


def long_date(value) -> str:
    """'4 June 2018' (from a date, timestamp or ISO text); '' when missing."""
    if value in (None, ""):
        return ""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp:%B %Y}"


def month_year(value) -> str:
    """'July 2018' from '2018-07' or a date; '' when missing."""
    if value in (None, ""):
        return ""
    return f"{pd.Timestamp(str(value)):%B %Y}"


def time_between(earlier, later) -> str:
    """'6 weeks', '10 days', '1 week': how long after ``earlier`` ``later`` came (whole weeks from two weeks on)."""
    days = (pd.Timestamp(later) - pd.Timestamp(earlier)).days
    if abs(days) >= 14:
        weeks = abs(days) // 7
        return f"{weeks} weeks"
    return f"{abs(days)} day{'' if abs(days) == 1 else 's'}"


def measured_of(record: dict) -> str:
    """A claim record's measured figure as its evaluator wrote it (a ratio as 3.96x, a gap between two rates),
    else as :func:`measured` shows the bare value."""
    return record.get("measured_text") or measured(record.get("measured"), record.get("kind"))


def measured(value, kind: str | None = None) -> str:
    """A claim's measured figure as readers see it: +4.2% for changes, 84,342 for counts, text as it is."""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, int | float):
        if _missing(value):
            return ""
        if kind == "count":
            return count(value)
        if kind == "count_change":
            return signed_count(value)
        if kind == "rate":
            return rate(value)
        if kind in ("rank", "count_of_forces"):
            return f"{float(value):.0f}"
        return pct(value)
    return "" if value is None else str(value)


# ------------------------------------------------------------------------------------------ pages (HTML)
# Pages follow the GSS style: a true minus sign (U+2212) for negative figures and no sign on zero. CSV, JSON and
# the terminal keep ASCII '-' (scripts parse them), so these are separate functions, used by the pages only.

MINUS = "\u2212"
_NEGATIVE = re.compile(r"(?<![\w.\-/\u2212])-(?=\d)")


def minus(text) -> str:
    """Text with each hyphen used as a minus sign before a figure ('-5.3%', '(-3.8%)') made a true minus sign;
    hyphens in words, dates and ranges ('2017-18', 'peel-2016') are left alone."""
    return _NEGATIVE.sub(MINUS, "" if text is None else str(text))


def _page_signed(value, digits: int, unit: str) -> str:
    if _missing(value):
        return NOT_AVAILABLE
    shown = f"{float(value):+.{digits}f}"
    if float(shown) == 0:
        shown = f"{0:.{digits}f}"  # '0.0', never '+0.0' or '-0.0'
    return minus(shown) + unit


def page_pct(value, digits: int = 1) -> str:
    """For pages: '+4.2%', '−5.3%', '0.0%'."""
    return _page_signed(value, digits, "%")


def page_pp(value, digits: int = 1) -> str:
    """For pages: '+1.3 pp', '−0.2 pp', '0.0 pp'."""
    return _page_signed(value, digits, " pp")


def page_signed_count(value) -> str:
    """For pages: '+3,406', '−12', '0'."""
    if _missing(value):
        return NOT_AVAILABLE
    return "0" if round(float(value)) == 0 else minus(signed_count(value))


def ordinal(n) -> str:
    """'1st', '2nd', '3rd', '11th', '43rd'."""
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def measured_figure(record: dict) -> str:
    """A claim record's figure for a page: :func:`measured_of`, a rank as '5th of 43' even in records written before
    ``measured_text`` existed, and a true minus sign."""
    text = record.get("measured_text")
    value = record.get("measured")
    if not text and record.get("kind") == "rank" and isinstance(value, int | float) and not _missing(value):
        standings = (record.get("evidence") or {}).get("standings") or []
        out_of = standings[0].get("out_of") if standings and isinstance(standings[0], dict) else None
        text = ordinal(value) + (f" of {out_of}" if out_of else "")
    return minus(text or measured(value, record.get("kind")))
