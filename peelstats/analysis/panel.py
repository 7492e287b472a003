"""Panels: one offence's counts as a (period x geography) matrix, for one source, with year-earlier baselines.

Everything comparative (compare, trend, league, vintages) reads panels, so the arithmetic is vectorised and
each panel is built once per loaded dataset.

* ``ons-pfa-tables``: one row per edition (its P1 year). The year-earlier baseline is the count implied by the
  same edition's published % change (P2): ``count / (1 + change/100)``. P2 is published to full float
  precision, so this recovers the integer ONS used, from the same vintage; a ``'-'``/``'..'`` marker leaves
  it missing. England and Wales is ONS's published row (includes BTP).
* ``rec-crime-pfa``: one row per period end (annual to 2007, then quarterly). The baseline is the same
  series four quarters earlier. It publishes no national row: England and Wales is derived as the 43 forces
  plus BTP, which is how ONS builds its total.

Aggregates a source does not publish are summed from their components. A leaf that is absent for *every*
geography in a period is structurally absent (the category did not exist yet) and counts as zero; a leaf
absent for only some geographies makes their aggregate missing (missing is never zero).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from peelstats.errors import PeriodNotAvailableError
from peelstats.ingest import vintage_order
from peelstats.ingest.dataset import Dataset
from peelstats.ingest.sources.base import SourceId
from peelstats.reference import forces, periods
from peelstats.reference import offences as off

log = logging.getLogger(__name__)

ONS = SourceId.ONS_PFA_TABLES
LONG_SERIES = SourceId.REC_CRIME_PFA
PANEL_SOURCES = (ONS, LONG_SERIES)

FORCE_CODES = tuple(f.code for f in forces.TERRITORIAL_FORCES)
BTP_CODE = forces.BTP_CODE
NATIONAL = forces.NATIONAL_CODE
REGION_CODES = tuple(r.code for r in forces.REGIONS if r.code != forces.WALES_CODE)
COUNTRY_CODES = (forces.ENGLAND_CODE, forces.WALES_CODE)
FRAUD_BODY_CODES = tuple(f.code for f in forces.FORCES if f.kind == "national fraud body")
# Every panel has these columns, in this order: the forces first (positions matter to force_columns).
CODES = (*FORCE_CODES, BTP_CODE, NATIONAL, *REGION_CODES, *COUNTRY_CODES, *FRAUD_BODY_CODES)


@dataclass(frozen=True)
class Panel:
    source: str
    offence: str
    periods: pd.DatetimeIndex
    codes: tuple[str, ...]
    counts: np.ndarray  # [period, geography] float, NaN = missing
    baselines: np.ndarray  # year-earlier counts on the same vintage, NaN = missing
    editions: tuple[str, ...]  # edition of each row
    national_derived: bool  # True when the E&W column is computed, not published
    # per period: whether the national fraud bodies count in a derived national total (not while forces still
    # recorded fraud themselves; see _derive_aggregates). None: always.
    fraud_bodies_counted: np.ndarray | None = None

    def bodies_counted(self, period_end: periods.PeriodEnd) -> bool:
        if self.fraud_bodies_counted is None or not self.has(period_end):
            return True
        return bool(self.fraud_bodies_counted[self.row(period_end)])

    def row(self, period_end: periods.PeriodEnd) -> int:
        try:
            return self.periods.get_loc(period_end)
        except KeyError:
            raise PeriodNotAvailableError(
                f"{periods.label(period_end)} is not in {self.source} for {self.offence}; available: "
                f"{describe_periods(self.periods)}"
            ) from None

    def column(self, code: str) -> int:
        return self.codes.index(code)

    def has(self, period_end: periods.PeriodEnd) -> bool:
        return period_end in self.periods

    @property
    def force_columns(self) -> np.ndarray:
        return _force_columns(self.codes)


@functools.cache
def _force_columns(codes: tuple[str, ...]) -> np.ndarray:
    return np.array([codes.index(c) for c in FORCE_CODES])


@functools.cache
def _members(codes: tuple[str, ...]) -> dict[int, np.ndarray]:
    """Column of each published total (England and Wales, regions, countries) -> columns of its forces."""
    out: dict[int, list[int]] = {codes.index(NATIONAL): [codes.index(c) for c in FORCE_CODES]}
    for force in forces.TERRITORIAL_FORCES:
        country = forces.ENGLAND_CODE if force.country == "England" else forces.WALES_CODE
        for code in {force.region_code, country}:
            if code in codes:
                out.setdefault(codes.index(code), []).append(codes.index(force.code))
    return {k: np.array(v) for k, v in out.items()}


def like_for_like(panel: Panel, current: np.ndarray, baseline: np.ndarray) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Totals that cover the same forces in both years, for a period and a baseline read from different rows
    (editions). A force with a figure in one year only (it supplied no data for part of the other) is taken out of
    the year that has it, in every total it belongs to. Within one ONS edition the published totals are like for
    like already (a force with no change there is a small base, not a gap): do not call this for them.

    Returns adjusted copies of both rows and the codes of the forces taken out."""
    current, baseline = current.copy(), baseline.copy()
    fcols = panel.force_columns
    one_year = np.isfinite(current[fcols]) != np.isfinite(baseline[fcols])
    if not one_year.any() or not np.isfinite(baseline).any():
        return current, baseline, []
    lopsided = fcols[one_year]
    for total, members in _members(panel.codes).items():
        for column in np.intersect1d(members, lopsided):
            for row in (current, baseline):
                if np.isfinite(row[column]) and np.isfinite(row[total]):
                    row[total] -= row[column]
    for column in lopsided:
        current[column] = baseline[column] = np.nan
    return current, baseline, [panel.codes[c] for c in lopsided]


def describe_periods(index: pd.DatetimeIndex) -> str:
    """'YE Mar 2003 to YE Dec 2018 (52 period ends)' or a short list."""
    if len(index) == 0:
        return "none"
    if len(index) <= 8:
        return ", ".join(periods.short_label(p) for p in index)
    return f"{periods.short_label(index.min())} to {periods.short_label(index.max())} ({len(index)} period ends)"


def get_panel(data: Dataset, source: str, offence: str) -> Panel:
    """The cached panel of ``offence`` in ``source`` (``ons-pfa-tables`` or ``rec-crime-pfa``)."""
    offence = off.canonical(offence)
    key = ("panel", source, offence)
    if key not in data.cache:
        if source == ONS:
            data.cache[key] = _ons_panel(data, offence)
        elif source == LONG_SERIES:
            data.cache[key] = _long_panel(data, offence)
        else:
            raise ValueError(f"no panel for source {source!r}; use one of {PANEL_SOURCES}")
    return data.cache[key]


# -------------------------------------------------------------------------------------------- helpers


def _cube(frame: pd.DataFrame, value: str, period_index: pd.DatetimeIndex,
          codes: tuple[str, ...]) -> dict[str, np.ndarray]:
    """offence -> [period, geography] matrix of ``value`` summed over rows (NaN where there is no row)."""
    rows = period_index.get_indexer(frame.period_end)
    cols = pd.Index(codes).get_indexer(frame.geography_code)
    layer, labels = pd.factorize(frame.offence)  # hashing the categories: sorting the strings took most of the time
    keep = (rows >= 0) & (cols >= 0) & (layer >= 0)
    values = frame[value].to_numpy(dtype=float)
    shape = (len(labels), len(period_index), len(codes))
    total = np.zeros(shape)
    present = np.zeros(shape, dtype=bool)
    index = (layer[keep], rows[keep], cols[keep])
    np.add.at(total, index, values[keep])
    present[index] = True
    total[~present] = np.nan
    return {str(label): total[k] for k, label in enumerate(labels)}


def _source_cubes(data: Dataset, source: str) -> tuple[pd.DatetimeIndex, dict, dict, tuple[str, ...]]:
    """Counts cube (and, for ONS, the P2 % change cube) of a source, built once per dataset."""
    key = ("cube", source)
    if key not in data.cache:
        chosen = chosen_editions(data, source)
        columns = ["period_end", "edition", "geography_code", "offence", "count"]  # not every column, filtered
        counts = _of_chosen(data.counts.loc[data.counts.source == source, columns], chosen)
        period_index = pd.DatetimeIndex(sorted(counts.period_end.unique()))
        count_cube = _cube(counts, "count", period_index, CODES)
        change = data.published_change
        change = _of_chosen(change.loc[change.source == source, ["period_end", "edition", "geography_code", "offence",
                                                                 "change_pct"]], chosen)
        change_cube = _cube(change.dropna(subset=["change_pct"]), "change_pct", period_index, CODES)
        editions = counts.drop_duplicates("period_end").set_index("period_end").edition.reindex(period_index)
        data.cache[key] = (period_index, count_cube, change_cube, tuple(map(str, editions)))
    return data.cache[key]


def chosen_editions(data: Dataset, source: str) -> dict[pd.Timestamp, str]:
    """The edition read for each period of a source: the newest vintage when several hold it (never their sum;
    :mod:`peelstats.ingest.vintage_order`). Editions set aside are logged and stay in the data for ``vintages``."""
    key = ("chosen editions", source)
    if key not in data.cache:
        pairs = data.counts.loc[data.counts.source == source, ["period_end", "edition"]].drop_duplicates()
        chosen = {}
        for end, group in pairs.groupby("period_end"):
            labels = [str(e) for e in group.edition]
            chosen[pd.Timestamp(end)] = vintage_order.newest(source, labels)
            if len(labels) > 1:
                log.info("%s %s is held by %d editions; reading %s (the newest), setting aside %s", source,
                         periods.short_label(end), len(labels), chosen[pd.Timestamp(end)],
                         "; ".join(sorted(set(labels) - {chosen[pd.Timestamp(end)]})))
        data.cache[key] = chosen
    return data.cache[key]


def _of_chosen(frame: pd.DataFrame, chosen: dict[pd.Timestamp, str]) -> pd.DataFrame:
    """The rows of the chosen edition of each period (a period holding one edition keeps its rows)."""
    wanted = frame.period_end.map(chosen)
    return frame[wanted.isna() | (frame.edition.astype(str) == wanted.astype("string"))]


def _compose(offence: str, cube: dict[str, np.ndarray], shape: tuple[int, int]) -> np.ndarray:
    """The offence's matrix: published directly, else the sum of its components.

    A component absent for every geography in a period is structurally absent then (the category did not exist
    yet) and counts as zero; a component the source never holds at all (fraud in the ONS tables) makes the
    aggregate missing, never equal to its other parts.
    """
    if offence in cube:
        return cube[offence].copy()
    spec = off.OFFENCE_BY_NAME[offence]
    if not spec.is_aggregate:
        return np.full(shape, np.nan)
    total = np.zeros(shape)
    forces_and_btp = slice(0, len(FORCE_CODES) + 1)
    bodies = [CODES.index(c) for c in FRAUD_BODY_CODES]
    for part in spec.components:
        values = _compose(part, cube, shape)
        if np.isnan(values).all():
            return np.full(shape, np.nan)
        block = values[:, forces_and_btp]
        values[:, forces_and_btp] = np.where(np.isnan(block).all(axis=1, keepdims=True), 0.0, block)
        values[:, bodies] = np.nan_to_num(values[:, bodies])  # the fraud bodies record nothing but fraud
        total = total + values
    return total


def _ons_panel(data: Dataset, offence: str) -> Panel:
    period_index, cube, change, editions = _source_cubes(data, ONS)
    codes = CODES
    shape = (len(period_index), len(codes))
    current = _compose(offence, cube, shape)
    # year-earlier counts implied by P2, for each offence column P2 publishes
    implied = {name: np.round(cube[name] / (1 + pct / 100)) for name, pct in change.items() if name in cube}
    baselines = _compose(offence, implied, shape)
    # an edition of counts only (no Table P2) implies no baseline at all: its components are missing, not
    # structurally absent, so no aggregate of them is zero
    no_change_table = np.ones(len(period_index), dtype=bool)
    for values in implied.values():
        no_change_table &= np.isnan(values).all(axis=1)
    baselines[no_change_table] = np.nan
    return Panel(ONS, offence, period_index, codes, current, baselines, editions, False)


def _long_panel(data: Dataset, offence: str) -> Panel:
    period_index, cube, _, editions = _source_cubes(data, LONG_SERIES)
    codes = CODES
    shape = (len(period_index), len(codes))
    current = _compose(offence, cube, shape)
    fraud = cube.get(off.FRAUD)
    forces_record_fraud = None if fraud is None else ~np.isnan(fraud[:, : len(FORCE_CODES) + 1]).all(axis=1)
    _derive_aggregates(current, codes, forces_record_fraud)
    position = {p: i for i, p in enumerate(period_index)}
    baselines = np.full(shape, np.nan)
    for i, end in enumerate(period_index):
        j = position.get(periods.year_earlier(end))
        if j is not None:
            baselines[i] = current[j]
    return Panel(LONG_SERIES, offence, period_index, codes, current, baselines, editions, True,
                 None if forces_record_fraud is None else ~forces_record_fraud)


def _derive_aggregates(current: np.ndarray, codes: tuple[str, ...],
                       forces_record_fraud: np.ndarray | None = None) -> None:
    """Fill the national, regional and country columns of a source that publishes forces only, as ONS builds them.

    England and Wales = the 43 forces + BTP (+ the national fraud bodies, which record only fraud); a region or
    country = its forces. Missing if any member is missing (missing is never zero).

    The fraud bodies count only once the forces no longer record fraud themselves. While the transfer to Action
    Fraud was under way (April 2011 to 2013) both sets of counts exist and overlap in what they cover; the totals
    published then were the forces' own, and adding the bodies' growing counts makes a national rise that is the
    transfer, not crime (+5.5% for the year ending March 2012, when the forces' own total fell 4.1%).
    """
    force_part = current[:, : len(FORCE_CODES) + 1]  # the forces, then BTP
    bodies = current[:, [codes.index(c) for c in FRAUD_BODY_CODES]]
    # a leaf absent for every force in a period (force-level fraud after 2013/14) is structurally zero there
    absent = np.isnan(force_part).all(axis=1, keepdims=True)
    force_part = np.where(absent, 0.0, force_part)
    bodies_count = np.ones(len(current), dtype=bool) if forces_record_fraud is None else ~forces_record_fraud
    current[:, codes.index(NATIONAL)] = force_part.sum(axis=1) + np.where(bodies_count, np.nansum(bodies, axis=1),
                                                                          0.0)
    members: dict[str, list[int]] = {}
    for i, force in enumerate(forces.TERRITORIAL_FORCES):
        country = forces.ENGLAND_CODE if force.country == "England" else forces.WALES_CODE
        for code in {force.region_code or country, country}:  # Wales is both a "region" and a country in ONS tables
            members.setdefault(code, []).append(i)
    for code, columns in members.items():
        if code in codes:
            current[:, codes.index(code)] = force_part[:, columns].sum(axis=1)
