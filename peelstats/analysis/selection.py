"""Which source, edition and rows hold a period and its baseline: same-vintage year-earlier figures first, the
long series for other baselines; and which periods the data hold, with or without a baseline."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from peelstats.analysis.panel import LONG_SERIES, ONS, Panel, describe_periods, get_panel
from peelstats.errors import PeriodNotAvailableError, UsageError
from peelstats.ingest.dataset import Dataset
from peelstats.reference import offences as off
from peelstats.reference import periods

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Selection:
    panel: Panel
    row: int
    baseline_row: int | None  # None: the row's own year-earlier baseline (same vintage)
    counts_only: str | None = None  # why there is no baseline (an edition of counts only), when there is none


def available_periods(data: Dataset, offence: str) -> pd.DatetimeIndex:
    return get_panel(data, ONS, offence).periods.union(get_panel(data, LONG_SERIES, offence).periods)


def select(data: Dataset, offence: str, period_end: periods.PeriodEnd, baseline_end: periods.PeriodEnd,
           source: str | None, force_code: str | None = None, *, counts_only: bool = False) -> Selection:
    """Pick the source/edition: same-vintage year-earlier figures first, the long series for other baselines.

    A source is passed over when it has no baseline for ``force_code`` (e.g. ONS shows '-' for a base under
    50) and another source has one. ``counts_only``: where no source has a baseline for the period, the counts
    alone (with ``Selection.counts_only`` saying why there are no changes) instead of an error.
    """
    period, baseline = period_end, baseline_end
    if baseline >= period:
        raise UsageError(f"The baseline ({periods.label(baseline)}) must be before the period "
                             f"({periods.label(period)}).")
    year_earlier = baseline == periods.year_earlier(period)
    order = [source] if source else ([ONS, LONG_SERIES] if year_earlier else [LONG_SERIES, ONS])
    for src in order:
        if src not in (ONS, LONG_SERIES):
            raise UsageError(f"compare() reads {ONS} or {LONG_SERIES}, not {src!r}")
        panel = get_panel(data, src, offence)
        if not panel.has(period):
            continue
        row = panel.row(period)
        if year_earlier:
            own = panel.baselines[row]
            usable = np.isfinite(own[panel.column(force_code)]) if force_code else np.isfinite(own).any()
            if usable or (src == order[-1] and np.isfinite(own).any()):
                return Selection(panel, row, None)
        if panel.has(baseline):
            return Selection(panel, row, panel.row(baseline))
    available = available_periods(data, offence) if not source else get_panel(data, source, offence).periods
    where = f"in {source}" if source else "in the data"
    if period not in available:
        raise PeriodNotAvailableError(
            f"{periods.label(period)} is not {where} for {offence}; available: {describe_periods(available)}.")
    if baseline not in available:
        if counts_only:
            for src in order:
                panel = get_panel(data, src, offence)
                if panel.has(period):
                    return Selection(panel, panel.row(period), None,
                                     f"no baseline: {periods.label(baseline)} is not in the data (the edition for "
                                     f"{periods.label(period)} holds counts only), so no change is shown")
        raise PeriodNotAvailableError(
            f"No baseline: {periods.label(baseline)} is not {where} for {offence}, and the edition that holds "
            f"{periods.label(period)} publishes no change from it (counts only); periods with a baseline: "
            f"{describe_periods(comparable_periods(data, offence))}.")
    raise PeriodNotAvailableError(
        f"No single source {where} holds both {periods.label(period)} and the baseline {periods.label(baseline)} "
        f"for {offence}; available: {describe_periods(available)}.")


def comparable_periods(data: Dataset, offence: str) -> pd.DatetimeIndex:
    """Periods a change can be computed for: with a year-earlier baseline in the same source."""
    found = []
    for src in (ONS, LONG_SERIES):
        panel = get_panel(data, src, offence)
        for i, end in enumerate(panel.periods):
            if np.isfinite(panel.baselines[i]).any():
                found.append(end)
    return pd.DatetimeIndex(sorted(set(found)))


def latest_period(data: Dataset, offence: str = off.TOTAL, *, with_baseline: bool = False) -> pd.Timestamp:
    """The latest period in the data; ``with_baseline``: the latest a change can be computed for (an edition of
    counts only, such as the YE Jun 2025 sheet exports, is passed over, with a note saying so)."""
    latest = available_periods(data, offence).max()
    if not with_baseline:
        return latest
    comparable = comparable_periods(data, offence)
    if len(comparable) and comparable.max() < latest:
        log.warning("%s is in the data as counts only (no baseline: %s is not); using the latest period with "
                    "one, %s", periods.label(latest), periods.label(periods.year_earlier(latest)),
                    periods.label(comparable.max()))
        return comparable.max()
    return latest


