"""Periods: rolling 12-month years and financial quarters (Q1 = April to June).

All periods are identified by their end date. ``rec-crime-pfa.csv`` labels the December 2017 quarter
``30-12-2017``; :func:`snap_to_quarter_end` maps any date in the last week of a quarter to its true end.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from peelstats.exceptions import PeriodNotAvailableError

ROLLING_YEAR = "rolling_12_months"
FINANCIAL_QUARTER = "financial_quarter"

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def to_timestamp(value) -> pd.Timestamp:
    """Parse a period end given as a date, ISO string, or 'YE Mar 2018' / 'March 2018' / '2018-03'."""
    if isinstance(value, pd.Timestamp):
        return value.normalize()
    if isinstance(value, date):
        return pd.Timestamp(value)
    text = str(value).strip()
    lowered = text.lower().replace("year ending", "").replace("ye ", "").strip()
    for i, month in enumerate(MONTH_NAMES, start=1):
        for label in (month.lower(), month[:3].lower()):
            if lowered.startswith(label + " "):
                year = int(lowered.split()[-1])
                year = year + 2000 if year < 100 else year
                return month_end(year, i)
    try:
        stamp = pd.Timestamp(text)
    except (ValueError, TypeError) as error:
        raise PeriodNotAvailableError(
            f"Cannot read {value!r} as a period end; use e.g. 2018-03-31 or 'March 2018'."
        ) from error
    if len(text) == 7:  # "2018-03": the month's end
        return month_end(stamp.year, stamp.month)
    return stamp.normalize()


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
