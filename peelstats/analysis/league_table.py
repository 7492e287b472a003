"""All 43 forces for one offence and period: count, change, rate per 1,000 and rank."""

from __future__ import annotations

import numpy as np
import pandas as pd

from peelstats.analysis import comparators as cmp
from peelstats.analysis.figures import Figures
from peelstats.analysis.panel import LONG_SERIES, get_panel
from peelstats.analysis.rates import denominator, rate_per_1000
from peelstats.analysis.results import League
from peelstats.analysis.selection import latest_period, select
from peelstats.ingest.dataset import Dataset, load
from peelstats.reference import forces, periods
from peelstats.reference import offences as off

# Categoricals: cheap to reorder per call (league runs thousands of times in batch work)
_FORCE_NAMES = pd.Categorical([f.name for f in forces.TERRITORIAL_FORCES])
_FORCE_CODES = pd.Categorical([f.code for f in forces.TERRITORIAL_FORCES])
_REGIONS = pd.Categorical([f.region for f in forces.TERRITORIAL_FORCES])
_NAME_KEYS = np.asarray(_FORCE_NAMES, dtype=str)


def league(
    offence: str = off.TOTAL,
    period_end=None,
    baseline=None,
    *,
    source: str | None = None,
    data: Dataset | None = None,
) -> League:
    """Every territorial force, sorted by % change (rank 1 = lowest): a :class:`~peelstats.analysis.results.League`.

    ``rate_per_1000`` uses the population named in ``population_mid_year`` (ONS's own P3 denominator for ONS
    editions). ``change_pct`` is missing where the baseline is under 50 (``suppressed``) or not published.
    ``period_end="all"`` returns the league for every period of ``source`` (default: the long series) that has
    a year-earlier baseline, one block per period, with a ``period_end`` column.
    """
    offence = off.canonical(offence)
    data = data or load()
    if isinstance(period_end, str) and period_end == "all":
        return _all_periods(data, offence, source or LONG_SERIES)
    period = periods.to_timestamp(period_end) if period_end is not None else latest_period(data, offence,
                                                                                          with_baseline=True)
    base = periods.to_timestamp(baseline) if baseline is not None else periods.year_earlier(period)
    chosen = select(data, offence, period, base, source, counts_only=True)
    panel = chosen.panel
    fig = Figures(data, panel, period, base, chosen.row, chosen.baseline_row)  # every figure, computed once there
    fcols = panel.force_columns
    current = panel.counts[chosen.row][fcols]  # as published, even for a force whose other year is missing
    before = (panel.baselines[chosen.row] if chosen.baseline_row is None
              else panel.counts[chosen.baseline_row])[fcols]
    small = cmp.suppressed(before)
    change = fig.force_changes
    denom = fig.population
    rank = cmp.ranks(change)
    order = np.lexsort((_NAME_KEYS, np.where(np.isnan(rank), np.inf, rank)))
    frame = pd.DataFrame({
        "force": _FORCE_NAMES.take(order),
        "force_code": _FORCE_CODES.take(order),
        "region": _REGIONS.take(order),
        "count": current[order],
        "baseline_count": before[order],
        "change_pct": change[order],
        "suppressed": (small & np.isfinite(before))[order],
        "rate_per_1000": rate_per_1000(current, denom.population[fcols])[order],
        "population_mid_year": np.full(len(order), denom.mid_year if denom.mid_year is not None else np.nan),
        "rank": rank[order],
    })
    if chosen.counts_only:  # no changes to rank by: most offences first
        frame = frame.sort_values(["count", "force"], ascending=[False, True], kind="stable").reset_index(drop=True)
    notes = [chosen.counts_only] if chosen.counts_only else []
    if chosen.baseline_row is not None and panel.editions[chosen.baseline_row] != panel.editions[chosen.row]:
        notes.append(f"the baseline comes from another edition ({panel.editions[chosen.baseline_row]}) than the "
                     f"period ({panel.editions[chosen.row]}): revisions between editions are part of the change")
    return League(frame, offence, period, base, panel.source, panel.editions[chosen.row], denom.note,
                  "; ".join(notes) or None)


def _all_periods(data: Dataset, offence: str, source: str) -> League:
    panel = get_panel(data, source, offence)
    fcols = panel.force_columns
    rows = [r for r in range(len(panel.periods)) if np.isfinite(panel.baselines[r][fcols]).any()]
    current = panel.counts[rows][:, fcols]
    before = panel.baselines[rows][:, fcols]
    small = cmp.suppressed(before)
    change = cmp.shown_changes(current, before)
    rank = np.vstack([cmp.ranks(line) for line in change]) if rows else change
    population = np.vstack([denominator(data, panel, r).population[fcols] for r in rows]) if rows else change
    mid_years = np.array([denominator(data, panel, r).mid_year or np.nan for r in rows], dtype=float)
    n = len(fcols)
    frame = pd.DataFrame({
        "period_end": np.repeat(panel.periods[rows].to_numpy(), n),
        "force": np.tile(_FORCE_NAMES, len(rows)),
        "force_code": np.tile(_FORCE_CODES, len(rows)),
        "region": np.tile(_REGIONS, len(rows)),
        "count": current.ravel(),
        "baseline_count": before.ravel(),
        "change_pct": change.ravel(),
        "suppressed": (small & np.isfinite(before)).ravel(),
        "rate_per_1000": rate_per_1000(current, population).ravel(),
        "population_mid_year": np.repeat(mid_years, n),
        "rank": rank.ravel(),
    })
    return League(frame, offence, None, None, source, ", ".join(sorted(set(panel.editions))))
