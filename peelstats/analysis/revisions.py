"""Editions and revisions: the same period as published in each edition, and ONS P2 re-computed from counts.

* :func:`vintages` lists every figure the data hold for one period: the ONS edition that first published it
  (Table P1), later ONS editions (whose Table P2 implies it as their baseline), the long series and, for
  financial years, the Home Office open data summed over four quarters. The revision is latest minus first.
* :func:`cross_check` recomputes every force's % change in an ONS edition from counts (P1 for the period, the
  long series or an earlier edition for the baseline) and sets it against ONS's published P2 figure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from peelstats.analysis import comparators as cmp
from peelstats.analysis.panel import BTP_CODE, FORCE_CODES, LONG_SERIES, NATIONAL, ONS, describe_periods, get_panel
from peelstats.analysis.results import CrossCheck, Vintages
from peelstats.errors import PeriodNotAvailableError
from peelstats.ingest import sources
from peelstats.ingest.dataset import Dataset, load
from peelstats.ingest.sources.base import SourceId
from peelstats.reference import forces, periods, releases
from peelstats.reference import offences as off

OPEN_DATA = SourceId.PRC_OPEN_DATA


def edition_published(source: str, edition: str) -> str:
    """Approximate publication month of an edition (for ordering vintages), '' when unknown: from the registry,
    else from the raw cache's manifest (editions resolved on the network record theirs when fetched)."""
    try:
        files = sources.get(source).files()
    except KeyError:
        return ""
    registered = next((f.published for f in files if f.edition == edition and f.published), "")
    if registered:
        return registered
    from peelstats.ingest.cache import RawCache

    return next((e.get("published") or "" for e in RawCache().read_manifest().values()
                 if e.get("source") == source and e.get("edition") == edition and e.get("published")), "")


def vintages(force: str, offence: str = off.TOTAL, period_end=None, *, data: Dataset | None = None) -> Vintages:
    """Every published figure for ``period_end`` for the force and for England and Wales, oldest vintage first."""
    subject = forces.lookup(force)
    offence = off.canonical(offence)
    data = data or load()
    ons = get_panel(data, ONS, offence)
    long = get_panel(data, LONG_SERIES, offence)
    period = periods.to_timestamp(period_end) if period_end is not None else ons.periods.union(long.periods).max()
    rows = []
    i, n = ons.column(subject.code), ons.column(NATIONAL)
    if ons.has(period):
        r = ons.row(period)
        rows.append(_vintage(ONS, ons.editions[r], "published count (Table P1)", ons.counts[r][i], ons.counts[r][n]))
        rows += _set_aside(data, subject.code, offence, period, ons.editions[r])
    later = period + pd.DateOffset(years=1)
    later = periods.month_end(later.year, later.month)
    if ons.has(later):
        r = ons.row(later)
        rows.append(_vintage(ONS, ons.editions[r], "baseline implied by this edition's Table P2",
                             ons.baselines[r][i], ons.baselines[r][n]))
    if long.has(period):
        r = long.row(period)
        rows.append(_vintage(LONG_SERIES, long.editions[r], "long series (E&W = 43 forces + BTP)",
                             long.counts[r][i], long.counts[r][n]))
    rows += _open_data_year(data, subject.code, offence, period)
    if not rows:
        raise PeriodNotAvailableError(f"{periods.label(period)} is in no edition for {offence}; available: "
                                      f"{describe_periods(ons.periods.union(long.periods))}.")
    frame = pd.DataFrame(rows)
    frame.insert(0, "period_end", period)
    frame["published"] = [edition_published(s, e) for s, e in zip(frame.source, frame.edition, strict=True)]
    frame = frame.sort_values(["published", "source"], kind="stable").reset_index(drop=True)
    for column in ("force_count", "england_and_wales_count"):
        first = frame[column].dropna()
        frame[f"{column}_revision"] = frame[column] - (first.iloc[0] if len(first) else np.nan)
    release = releases.first_published(period, data)
    oldest = frame.published.iloc[0]
    # an edition published after the period's first release is a later vintage: the first figure is not held
    first_held = not oldest or oldest <= release.date.strftime("%Y-%m")
    return Vintages(frame, subject.name, offence, period, release.date.date().isoformat(), bool(first_held))


def _vintage(source, edition, kind, force_value, national_value) -> dict:
    return {"source": source, "edition": edition, "figure": kind,
            "force_count": float(force_value) if np.isfinite(force_value) else np.nan,
            "england_and_wales_count": float(national_value) if np.isfinite(national_value) else np.nan}


def _set_aside(data: Dataset, code: str, offence: str, period: pd.Timestamp, chosen: str) -> list[dict]:
    """Other ONS editions of the period (a first issue a correction replaced): shown, never read for changes."""
    counts = data.counts
    held = counts[(counts.source == ONS) & (counts.period_end == period) & (counts.edition != chosen)]
    out = []
    for edition, part in held.groupby("edition", observed=True):
        direct = part[part.offence == offence]
        part = direct if len(direct) else part[part.offence.isin(off.leaves_of(offence))]
        values = part.groupby("geography_code", observed=True)["count"].sum()
        out.append(_vintage(ONS, str(edition), "published count (Table P1), an edition set aside for a newer one",
                            float(values.get(code, np.nan)), float(values.get(NATIONAL, np.nan))))
    return out


def _open_data_year(data: Dataset, code: str, offence: str, period: pd.Timestamp) -> list[dict]:
    """Financial-year totals from the quarterly open data, when all four quarters are present."""
    if period.month != 3:
        return []
    start = pd.Timestamp(year=period.year - 1, month=4, day=1)
    counts = data.counts
    rows = counts[(counts.source == OPEN_DATA) & (counts.period_start >= start) & (counts.period_end <= period)
                  & counts.offence.isin(off.leaves_of(offence))]
    out = []
    for edition, part in rows.groupby("edition", observed=True):
        if part.period_end.nunique() != 4:
            continue
        national = part[part.geography_code.isin([*FORCE_CODES, BTP_CODE])]
        out.append(_vintage(OPEN_DATA, str(edition), "financial year, sum of 4 quarters (E&W = 43 forces + BTP)",
                            float(part[part.geography_code == code]["count"].sum()),
                            float(national["count"].sum())))
    return out


def cross_check(edition=None, *, data: Dataset | None = None) -> CrossCheck:
    """Every force x offence group in an ONS edition: % change from counts vs ONS's published P2 figure.

    ``edition`` is an edition label or its period end (default: the earliest edition). The baseline count
    comes from the long series when it holds the baseline period, else from the earlier ONS edition.
    """
    data = data or load()
    ons_counts = data.counts[data.counts.source == ONS]
    labels = ons_counts.drop_duplicates("edition").set_index("edition").period_end.sort_values()
    if edition is None:
        edition = labels.index[0]
    elif edition not in labels.index:
        stamp = periods.to_timestamp(edition)
        matches = labels[labels == stamp]
        if matches.empty:
            raise PeriodNotAvailableError(f"No ONS edition {edition!r}; editions: {', '.join(labels.index)}.")
        edition = matches.index[0]
    period = labels[edition]
    base = periods.year_earlier(period)
    published = data.published_change[(data.published_change.edition == edition)
                                      & (data.published_change.geography_level == "force")]
    lookup = {(str(o), str(c)): (v, m) for o, c, v, m in published[["offence", "geography_code", "change_pct",
                                                                    "marker"]].itertuples(index=False)}
    rows = []
    for offence in published.offence.unique():
        ons = get_panel(data, ONS, str(offence))
        long = get_panel(data, LONG_SERIES, str(offence))
        if long.has(base):
            baseline_values, baseline_source = long.counts[long.row(base)], f"{LONG_SERIES} ({long.editions[0]})"
        elif ons.has(base):
            baseline_values, baseline_source = ons.counts[ons.row(base)], f"{ONS} ({ons.editions[ons.row(base)]})"
        else:
            continue
        current = ons.counts[ons.row(period)]
        for code in FORCE_CODES:
            j = ons.column(code)
            change, marker = lookup.get((str(offence), code), (np.nan, None))
            rows.append({
                "force": forces.by_code(code).name, "force_code": code, "offence": str(offence),
                "count": current[j], "baseline_count": baseline_values[j], "baseline_source": baseline_source,
                "computed_change_pct": cmp.pct_change(current[j], baseline_values[j]),
                "published_change_pct": change,
                "marker": marker,
            })
    frame = pd.DataFrame(rows)
    frame["difference_pp"] = frame.computed_change_pct - frame.published_change_pct
    return CrossCheck(frame, str(edition), period, base)
