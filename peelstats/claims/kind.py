"""The kinds of claim, defined once (a light module: the notebooks key their renderers by it without loading the
claims engine)."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    CHANGE = "change"
    DIRECTION = "direction"
    EARLIER_YEARS = "earlier_years"
    CAUSAL = "causal"
    GRADE = "grade"
    GRADE_COMPARISON = "grade_comparison"
    COUNT = "count"
    COUNT_CHANGE = "count_change"
    COMPARISON = "comparison"
    RANK = "rank"
    FORCE_COUNT = "count_of_forces"
    RATE = "rate"
    STREAK = "streak"
