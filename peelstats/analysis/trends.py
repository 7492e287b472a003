"""Year-on-year change of a force and of each national comparator, for every year end in the data.

Answers "is this year's rise smaller than in previous years?". The long series (one vintage) is used for
every period it covers; ONS editions extend it beyond its last period (each with its own vintage, baselines
implied by that edition's Table P2). Each row says whether a series break lies between it and its baseline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peelstats.analysis.comparators import National
from peelstats.analysis.figures import Figures
from peelstats.analysis.panel import FORCE_CODES, LONG_SERIES, ONS, get_panel
from peelstats.analysis.results import Trend
from peelstats.errors import PeriodNotAvailableError, UsageError
from peelstats.ingest.dataset import Dataset, load
from peelstats.reference import forces, geography, periods
from peelstats.reference import offences as off

COLUMNS = ["period_end", "baseline_end", "force", "offence", "force_count", "force_baseline_count",
           "force_change_pct", "england_and_wales_change_pct", "sum_of_forces_change_pct",
           "rest_of_england_and_wales_change_pct", "mean_force_change_pct", "median_force_change_pct", "rank",
           "n_forces", "suppressed", "comparable", "breaks", "source", "edition"]


def trend(
    force: str,
    offence: str = off.TOTAL,
    *,
    every: str = "year",
    month: int | None = None,
    period_end=None,
    data: Dataset | None = None,
) -> Trend:
    """One row per period end with a year-earlier baseline (a :class:`~peelstats.analysis.results.Trend`).

    ``every="year"`` keeps one period per year: those ending in ``month`` (default: the month of
    ``period_end``, or of the latest period). ``every="quarter"`` keeps every quarter end. ``period_end``
    (optional) drops later periods.
    """
    if every not in ("year", "quarter"):
        raise UsageError(f"every must be 'year' or 'quarter', not {every!r}")
    subject = forces.lookup(force)
    offence = off.canonical(offence)
    data = data or load()
    long_panel = get_panel(data, LONG_SERIES, offence)
    ons_panel = get_panel(data, ONS, offence)
    last_long = long_panel.periods.max() if len(long_panel.periods) else pd.Timestamp.min
    # The periods are chosen before any figure is computed: a year's figures cost a millisecond each, and
    # every="year" keeps one period in four.
    held = [(long_panel, r) for r in range(len(long_panel.periods))]
    held += [(ons_panel, r) for r, end in enumerate(ons_panel.periods) if end > last_long]
    held = [(panel, r) for panel, r in held if np.isfinite(panel.baselines[r]).any()]
    if not held:
        return Trend(pd.DataFrame(columns=COLUMNS), subject.name, offence, every)
    if period_end is not None:
        period_end = periods.to_timestamp(period_end)  # read once, here
        held = [(panel, r) for panel, r in held if panel.periods[r] <= period_end]
        if not held:
            raise PeriodNotAvailableError(f"No {offence.lower()} change for {subject.name} ends by "
                                          f"{periods.label(period_end)}; the data start later")
    if every == "year":
        wanted = month or (period_end.month if period_end is not None
                           else max(panel.periods[r] for panel, r in held).month)
        months = sorted({panel.periods[r].month for panel, r in held})
        held = [(panel, r) for panel, r in held if panel.periods[r].month == wanted]
        if not held:
            names = ", ".join(pd.Timestamp(2000, m, 1).strftime("%B") for m in months)
            raise PeriodNotAvailableError(f"No year in the data ends in {pd.Timestamp(2000, wanted, 1):%B}: the "
                                          f"rolling years end in {names}")
    frame = pd.DataFrame([_row(data, panel, r, subject, offence) for panel, r in held], columns=COLUMNS)
    return Trend(frame.sort_values("period_end").reset_index(drop=True), subject.name, offence, every)


def _row(data: Dataset, panel, r: int, subject, offence: str) -> dict:
    """One year's figures, presented from :class:`~peelstats.analysis.figures.Figures` (computed there, once)."""
    end = panel.periods[r]
    fig = Figures(data, panel, end, periods.year_earlier(end), r, None)
    own = fig.measure(geography.of_force(subject))
    rank = fig.rank(subject.code)
    national = {meaning: fig.national(meaning, subject).change_pct for meaning in National}
    return {
        "period_end": end, "baseline_end": fig.baseline_end, "force": subject.name, "offence": offence,
        "force_count": _nan(own.count), "force_baseline_count": _nan(own.baseline_count),
        "force_change_pct": fig.force_changes[FORCE_CODES.index(subject.code)],
        "england_and_wales_change_pct": _nan(national[National.ENGLAND_AND_WALES]),
        "sum_of_forces_change_pct": _nan(national[National.SUM_OF_FORCES]),
        "rest_of_england_and_wales_change_pct": _nan(national[National.REST_OF_ENGLAND_AND_WALES]),
        "mean_force_change_pct": _nan(national[National.MEAN_FORCE]),
        "median_force_change_pct": _nan(national[National.MEDIAN_FORCE]),
        "rank": rank.rank, "n_forces": rank.n, "suppressed": own.suppressed,
        "comparable": not fig.blocking_breaks,
        "breaks": ", ".join(b.id for b in fig.breaks),
        "source": panel.source, "edition": fig.edition,
    }


def _nan(value) -> float:
    return np.nan if value is None else value
