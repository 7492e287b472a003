"""Periods: rolling 12-month years and financial quarters (Q1 = April to June).

All periods are identified by their end date. ``rec-crime-pfa.csv`` labels the December 2017 quarter
``30-12-2017``; :func:`snap_to_quarter_end` maps any date in the last week of a quarter to its true end.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import TypeAlias

import pandas as pd

from peelstats.errors import PeriodFormatError

ROLLING_YEAR = "rolling_12_months"
FINANCIAL_QUARTER = "financial_quarter"

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


EARLIEST_YEAR, LATEST_YEAR = 1990, 2100
_EXAMPLES = "use e.g. 2018-03-31, 2018-03, 'March 2018', 'YE Mar 2018' or '2017/18'"
_MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS |= {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)} | {"sept": 9}
_PREFIXES = re.compile(r"^(?:the\s+)?(?:year\s+ending|year\s+to|12\s+months\s+(?:ending|to)|ye|fy|"
                       r"financial\s+year|quarter\s+ending|qe)\s+")


def parse_period_end(value) -> pd.Timestamp:
    """A period end from a date or text: ``2018-03-31``, ``2018-03``, ``March 2018``, ``YE Mar 2018``,
    ``31 March 2018``, ``31/03/2018`` or a financial year ``2017/18`` (= year ending March 2018).

    Periods end on the last day of a month; anything else raises :class:`PeriodFormatError` saying why.
    """
    if isinstance(value, pd.Timestamp | datetime | date):
        stamp = pd.Timestamp(value).normalize()
        return _checked(stamp.year, stamp.month, stamp.day, value)
    text = " ".join(str(value if value is not None else "").replace(",", " ").split())
    if not text:
        raise PeriodFormatError(f"A period end is needed: {_EXAMPLES}.")
    lowered = _PREFIXES.sub("", text.lower())
    for pattern, reader in _FORMS:
        match = pattern.fullmatch(lowered)
        if match:
            return reader(match, text)
    raise PeriodFormatError(f"Cannot read {text!r} as a period end; {_EXAMPLES}.")


def _year(text: str, original) -> int:
    year = int(text)
    if len(text) <= 2:
        year += 2000
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise PeriodFormatError(f"{original!r}: year {text} is out of range ({EARLIEST_YEAR} to {LATEST_YEAR}).")
    return year


def _checked(year: int, month: int, day: int | None, original) -> pd.Timestamp:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise PeriodFormatError(f"{original!r}: year {year} is out of range ({EARLIEST_YEAR} to {LATEST_YEAR}).")
    if not 1 <= month <= 12:
        raise PeriodFormatError(f"{original!r}: there is no month {month}; {_EXAMPLES}.")
    end = month_end(year, month)
    if day is not None and day != end.day:
        raise PeriodFormatError(f"{original!r} is not the last day of a month: periods are rolling years that end "
                                f"on a month end, so use a month end (e.g. {end.date().isoformat()}).")
    return end


def _iso_day(m, original):
    return _checked(_year(m[1], original), int(m[2]), int(m[3]), original)


def _iso_month_or_financial_year(m, original):
    first, second = int(m[1]), int(m[2])
    if len(m[2]) == 2 and 1 <= second <= 12:
        return _checked(_year(m[1], original), second, None, original)
    if second in ((first + 1) % 100, first + 1):
        return _financial_year(m, original)
    raise PeriodFormatError(f"{original!r}: there is no month {second}; {_EXAMPLES}.")


def _financial_year(m, original):
    start = _year(m[1], original)
    end = _year(m[2], original) if len(m[2]) == 4 else (start // 100) * 100 + int(m[2])
    if end != start + 1:
        raise PeriodFormatError(f"{original!r} is not a financial year (e.g. 2017/18 = April 2017 to March 2018).")
    return _checked(end, 3, None, original)


def _named_month(m, original):
    month = _MONTHS.get(m[2])
    if month is None:
        raise PeriodFormatError(f"Cannot read {original!r} as a period end: {m[2]!r} is not a month; {_EXAMPLES}.")
    return _checked(_year(m[3], original), month, int(m[1]) if m[1] else None, original)


def _day_month_year(m, original):
    return _checked(_year(m[3], original), int(m[2]), int(m[1]), original)


_FORMS = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"), _iso_day),
    (re.compile(r"(\d{4})-(\d{2,4})"), _iso_month_or_financial_year),
    (re.compile(r"(\d{4})/(\d{2}|\d{4})"), _financial_year),
    (re.compile(r"(?:(\d{1,2})\s+)?([a-z]+)\.?\s+(\d+)"), _named_month),
    (re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})"), _day_month_year),
)


PeriodEnd: TypeAlias = pd.Timestamp
"""The one period type: the last day of a rolling year (or quarter), a normalised month-end ``pd.Timestamp``.
Text is read into it once, where it comes in (the command line, a claim file, a notebook parameter, a public
function of the library); inner layers (panels, the choice of source, the figures) take only this type."""


def to_timestamp(value) -> PeriodEnd:
    """A period end from text or a date (:func:`parse_period_end`), at the edge; a PeriodEnd is returned as it is."""
    if isinstance(value, pd.Timestamp) and value.is_month_end and value == value.normalize():
        return value
    return parse_period_end(value)


def month_end(year: int, month: int) -> pd.Timestamp:
    return pd.Timestamp(year=year, month=month, day=1) + pd.offsets.MonthEnd(0)


def snap_to_quarter_end(stamp: pd.Timestamp) -> pd.Timestamp:
    """The calendar quarter end on or just after ``stamp`` (30-12-2017 -> 2017-12-31)."""
    return (stamp - pd.Timedelta(days=7) + pd.offsets.QuarterEnd(0)).normalize()


def year_earlier(stamp) -> pd.Timestamp:
    stamp = to_timestamp(stamp)
    return month_end(stamp.year - 1, stamp.month)


def rolling_year_start(end: pd.Timestamp) -> pd.Timestamp:
    return (end - pd.DateOffset(years=1) + pd.Timedelta(days=1)).normalize()


def financial_quarter_bounds(financial_year: str, quarter: int) -> tuple[pd.Timestamp, pd.Timestamp]:
    """'2017/18', 1 -> (2017-04-01, 2017-06-30). Q1 = April to June."""
    start_year = int(str(financial_year).strip()[:4])
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"financial quarter must be 1-4, got {quarter!r}")
    first_month = 4 + 3 * (quarter - 1)
    year = start_year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    start = pd.Timestamp(year=year, month=month, day=1)
    return start, (start + pd.offsets.QuarterEnd(0)).normalize()


def label(end, kind: str = ROLLING_YEAR) -> str:
    """Human label: 'year ending March 2018' or 'quarter ending June 2017'."""
    stamp = to_timestamp(end)
    prefix = "year ending" if kind == ROLLING_YEAR else "quarter ending"
    return f"{prefix} {MONTH_NAMES[stamp.month - 1]} {stamp.year}"


def short_label(end) -> str:
    stamp = to_timestamp(end)
    return f"YE {MONTH_NAMES[stamp.month - 1][:3]} {stamp.year}"
