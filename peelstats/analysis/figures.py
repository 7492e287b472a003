"""Every figure for one offence, one period and its baseline, from one source edition: each force, region, country
and England and Wales; their % changes (with ONS's base-under-50 rule), ranks among forces, rates per 1,000 and
the meanings of "national". The claims engine reads claims against these; the arithmetic lives here once.

A geography that sums forces is like-for-like: a force with no figure in either year (a registered data gap,
:mod:`peelstats.reference.gaps`) is left out of both years and named, as ONS does for its published totals.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from peelstats.analysis import comparators as cmp
from peelstats.analysis.panel import BTP_CODE, FORCE_CODES, FRAUD_BODY_CODES, Panel, get_panel, like_for_like
from peelstats.analysis.rates import denominator, rate_per_1000
from peelstats.analysis.selection import select
from peelstats.errors import PeriodNotAvailableError
from peelstats.ingest.dataset import Dataset
from peelstats.reference import breaks as brk
from peelstats.reference import forces, gaps, periods
from peelstats.reference import offences as off
from peelstats.reference.geography import Geography, GeographyKind

National = cmp.National


@dataclass(frozen=True)
class Measure:
    """One geography's figures in one :class:`Figures`."""

    geography: Geography
    count: float | None
    baseline_count: float | None
    change_pct: float | None
    definition: str
    left_out: tuple[str, ...] = ()  # member forces left out of both years
    notes: tuple[str, ...] = ()
    suppressed: bool = False  # baseline under 50: ONS shows no % change

    @property
    def difference(self) -> float | None:
        if self.count is None or self.baseline_count is None:
            return None
        return self.count - self.baseline_count

    def as_dict(self) -> dict:
        return {"geography": self.geography.name, "count": self.count, "baseline_count": self.baseline_count,
                "change_pct": self.change_pct, "difference": self.difference, "definition": self.definition,
                "left_out": list(self.left_out), "notes": list(self.notes), "suppressed": self.suppressed}


@dataclass(frozen=True)
class Rate:
    geography: Geography
    per_1000: float | None
    population: float | None
    note: str  # which mid-year estimate, and whether the rate is ONS's own


@dataclass(frozen=True)
class Standing:
    """A force's place among a set of forces on one measure (1 = first in the stated order)."""

    force: str
    value: float | None
    position: int | None  # ties share the better position
    tied_with: tuple[str, ...]
    out_of: int


@dataclass
class Figures:
    data: Dataset = field(repr=False)
    panel: Panel = field(repr=False)
    period_end: pd.Timestamp
    baseline_end: pd.Timestamp
    row: int
    baseline_row: int | None  # None: the row's own year-earlier baseline (same edition)

    @property
    def offence(self) -> str:
        return self.panel.offence

    @property
    def source(self) -> str:
        return self.panel.source

    @property
    def edition(self) -> str:
        return self.panel.editions[self.row]

    @property
    def baseline_edition(self) -> str:
        return self.edition if self.baseline_row is None else self.panel.editions[self.baseline_row]

    @cached_property
    def _rows(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        if self.baseline_row is None:  # one edition: its published totals are like for like already
            return self.panel.counts[self.row], self.panel.baselines[self.row], []
        return like_for_like(self.panel, self.panel.counts[self.row], self.panel.counts[self.baseline_row])

    @property
    def current(self) -> np.ndarray:
        return self._rows[0]

    @property
    def baseline(self) -> np.ndarray:
        return self._rows[1]

    @property
    def taken_out(self) -> list[str]:
        """Forces with a figure in one year only, taken out of both years' totals."""
        return self._rows[2]

    @cached_property
    def breaks(self) -> list[brk.SeriesBreak]:
        return brk.breaks_between(self.offence, self.baseline_end, self.period_end)

    @property
    def blocking_breaks(self) -> list[brk.SeriesBreak]:
        return [b for b in self.breaks if b.blocks]

    @cached_property
    def gaps(self) -> list[gaps.DataGap]:
        return gaps.gaps_between(self.baseline_end, self.period_end)

    @property
    def label(self) -> str:
        return f"{periods.label(self.period_end)} vs {periods.label(self.baseline_end)}"

    def _pair(self, code: str) -> tuple[float, float]:
        i = self.panel.column(code)
        return self.current[i], self.baseline[i]

    # ------------------------------------------------------------------------------------------- measures
    def measure(self, geo: Geography) -> Measure:
        key = (geo.name, geo.members, geo.with_btp)
        if key not in self._measures:  # trend and claims ask for the same geographies again and again
            if geo.kind is GeographyKind.FORCE or geo.kind is GeographyKind.BTP:
                self._measures[key] = self._single(geo)
            elif geo.published_code and not self.panel.national_derived:
                self._measures[key] = self._published(geo, geo.published_code)
            else:
                self._measures[key] = self._summed(geo)
        return self._measures[key]

    @cached_property
    def _measures(self) -> dict:
        return {}

    def _single(self, geo: Geography) -> Measure:
        code = geo.members[0] if geo.members else BTP_CODE
        now, before = self._pair(code)
        notes = [f"{g.force} supplied no data for {g.months_label} ({g.source})" for g in self.gaps
                 if g.force_code == code]
        if not np.isfinite(now) and not notes:
            notes.append(f"{self.source} ({self.edition}) has no {self.offence.lower()} figure for {geo.name} in "
                         f"{periods.label(self.period_end)}")
        suppressed = bool(np.isfinite(before) and before < cmp.SUPPRESSION_BASE)  # said by readers of a change
        return Measure(geo, _finite(now), _finite(before), _finite(cmp.pct_change(now, before)), geo.name,
                       notes=tuple(notes), suppressed=suppressed)

    def _published(self, geo: Geography, code: str) -> Measure:
        now, before = self._pair(code)
        missing = [forces.by_code(c).name for c in geo.members if not np.isfinite(self._pair(c)[0])]
        adjusted = [forces.by_code(c).name for c in geo.members if c in self.taken_out]
        notes = []
        if missing and not adjusted:
            notes.append(f"ONS's published total leaves out {', '.join(missing)} in both years "
                         f"({self.why_missing(geo.members)})")
        elif adjusted:
            notes.append(f"{', '.join(adjusted)} taken out of both years of ONS's published totals here, as ONS does "
                         f"within an edition ({self.why_missing(geo.members)})")
        definition = (f"ONS published {geo.name} total" + (" (includes British Transport Police)"
                                                           if geo.with_btp else ""))
        return Measure(geo, _finite(now), _finite(before), _finite(cmp.pct_change(now, before)), definition,
                       tuple(missing), tuple(notes))

    def _summed(self, geo: Geography) -> Measure:
        columns = _columns(self.panel.codes, geo.members)
        now, before = self.current[columns], self.baseline[columns]
        if not np.isfinite(before).any():  # a count on its own (no baseline in these figures)
            before = np.zeros_like(now)
            counting_only = True
        else:
            counting_only = False
        finite_now = np.isfinite(now)
        excused = {g.force_code for g in self.gaps}
        absent = [] if finite_now.all() else [forces.by_code(c).name for c, ok in zip(geo.members, finite_now,
                                                                                      strict=True)
                                              if not ok and c not in excused]
        if absent:  # missing is never zero: a sum without a force, for no registered reason, is no total
            return Measure(geo, None, None, None, f"{geo.name}: not summed",
                           notes=(f"no {self.offence.lower()} figure for {_listed(absent)} in {self.source} "
                                  f"({self.edition}), so {geo.name} cannot be summed from its forces",))
        both = finite_now & np.isfinite(before)
        left_out = () if both.all() else tuple(forces.by_code(c).name for c, ok in zip(geo.members, both, strict=True)
                                               if not ok)
        count, base = float(now[both].sum()), float(before[both].sum())
        parts = f"sum of {int(both.sum())} forces"
        if geo.with_btp:
            extra = _columns(self.panel.codes, (BTP_CODE,))
            bodies = _columns(self.panel.codes, FRAUD_BODY_CODES)
            # the fraud bodies count once forces no longer record fraud themselves; a change across that
            # transfer leaves them out of both years (like for like), a count on its own takes them as they are
            now_with = self.panel.bodies_counted(self.period_end)
            both_with = now_with and (counting_only or self.panel.bodies_counted(self.baseline_end))
            count += float(np.nansum(self.current[extra]) + both_with * np.nansum(self.current[bodies]))
            base += float(np.nansum(self.baseline[extra]) + both_with * np.nansum(self.baseline[bodies]))
            parts += " plus British Transport Police" + (
                " and the national fraud bodies" if off.FRAUD in off.leaves_of(self.offence) else "")
        notes = []
        if left_out:
            notes.append(f"{', '.join(left_out)} left out of both years ({self.why_missing(geo.members)})")
        if not both.any():
            return Measure(geo, None, None, None, parts, left_out, tuple(notes))
        if counting_only:
            return Measure(geo, count, None, None, f"{geo.name}: {parts}", left_out, tuple(notes))
        return Measure(geo, count, base, _finite(cmp.pct_change(count, base)),
                       f"{geo.name}: {parts}" + (" (as ONS builds its total)" if geo.with_btp else ""),
                       left_out, tuple(notes))

    def why_missing(self, codes) -> str:
        """Why these forces have no figure here: a registered data gap, else 'no figure in this source'."""
        known = [f"{g.force} supplied no data for {g.months_label}" for g in self.gaps if g.force_code in codes]
        return "; ".join(known) or "no figure in this source"

    # ----------------------------------------------------------------------------------------- the forces
    @cached_property
    def force_counts(self) -> np.ndarray:
        return self.current[self.panel.force_columns]

    @cached_property
    def mean_and_median(self) -> tuple[float, float]:
        return cmp.mean_and_median(self.force_changes)

    @cached_property
    def force_changes(self) -> np.ndarray:
        """The 43 forces' % changes; NaN where missing or where the base is under 50 (ONS's rule)."""
        fcols = self.panel.force_columns
        return cmp.shown_changes(self.current[fcols], self.baseline[fcols])

    def rank(self, code: str) -> cmp.Rank:
        """A force's rank by % change among the forces with one (1 = lowest), and its percentile."""
        return cmp.rank_of(self.force_changes, FORCE_CODES.index(code))

    @cached_property
    def population(self):
        return denominator(self.data, self.panel, self.row)

    @cached_property
    def force_rates(self) -> np.ndarray:
        fcols = self.panel.force_columns
        return rate_per_1000(self.force_counts, self.population.population[fcols])

    def rate(self, geo: Geography) -> Rate:
        measure = self.measure(geo)
        code = geo.published_code or (geo.members[0] if geo.is_force else None)
        population = None
        if code is not None and code in self.panel.codes:
            value = self.population.population[self.panel.column(code)]
            population = float(value) if np.isfinite(value) else None
        if population is None and geo.members:
            values = [self.population.population[self.panel.column(c)] for c in geo.members]
            population = float(np.sum(values)) if np.isfinite(values).all() else None
        per_1000 = None if measure.count is None or not population else measure.count / population * 1000
        return Rate(geo, per_1000, population, self.population.note)

    def values(self, measure: str) -> np.ndarray:
        """The 43 forces' values of ``measure``: ``change``, ``count`` or ``rate``."""
        return {"change": self.force_changes, "count": self.force_counts, "rate": self.force_rates}[measure]

    def standing(self, code: str, measure: str, *, descending: bool, among: tuple[str, ...] = FORCE_CODES
                 ) -> Standing:
        """Where a force stands among ``among`` on ``measure`` (forces without a value are left out)."""
        values = dict(zip(FORCE_CODES, self.values(measure), strict=True))
        pool = {c: values[c] for c in among if np.isfinite(values[c])}
        name = forces.by_code(code).name
        mine = pool.get(code)
        if mine is None:
            return Standing(name, None, None, (), len(pool))
        better = sum(1 for v in pool.values() if (v > mine if descending else v < mine))
        tied = tuple(forces.by_code(c).name for c, v in pool.items() if v == mine and c != code)
        return Standing(name, float(mine), better + 1, tied, len(pool))

    def ordered(self, measure: str, *, descending: bool, among: tuple[str, ...] = FORCE_CODES) -> list[Standing]:
        return sorted((self.standing(c, measure, descending=descending, among=among) for c in among),
                      key=lambda s: (s.position is None, s.position or 0, s.force))

    # ----------------------------------------------------------------------------------- national meanings
    def national(self, meaning: National, force: forces.Force | None = None) -> Measure:
        """England and Wales in one of its meanings (the rest of England and Wales needs ``force``)."""
        from peelstats.reference import geography

        if meaning is National.ENGLAND_AND_WALES:
            return self.measure(geography.national(True))
        if meaning is National.SUM_OF_FORCES:
            return self.measure(geography.national(False))
        if meaning is National.REST_OF_ENGLAND_AND_WALES:
            whole = self.measure(geography.national(True))
            own = self.measure(geography.of_force(force)) if force is not None else None
            if force is None or own is None or whole.count is None or own.count is None:
                return Measure(geography.national(True), None, None, None,
                               "England and Wales minus the force (needs the force's figures)")
            count = whole.count - own.count
            base = (None if whole.baseline_count is None or own.baseline_count is None
                    else whole.baseline_count - own.baseline_count)
            return Measure(geography.national(True), count, base,
                           None if base is None else _finite(cmp.pct_change(count, base)),
                           f"England and Wales minus {force.name}", whole.left_out, whole.notes)
        changes = self.force_changes
        mean, median = self.mean_and_median
        n = int(np.isfinite(changes).sum())
        value = mean if meaning is National.MEAN_FORCE else median
        kind = "unweighted mean" if meaning is National.MEAN_FORCE else "median"
        left = tuple(forces.by_code(c).name for c, v in zip(FORCE_CODES, changes, strict=True) if not np.isfinite(v))
        return Measure(geography.national(False), None, None, _finite(value), f"{kind} of {n} force % changes",
                       left, (f"{len(left)} forces without a % change left out",) if left else ())


def figures(data: Dataset, offence: str, period_end, baseline_end=None, *, source: str | None = None,
            edition: str | None = None, force_code: str | None = None) -> Figures:
    """The figures of ``offence`` for ``period_end`` against ``baseline_end`` (default: a year earlier).

    The source defaults as in :func:`peelstats.compare` (the ONS edition of the period, else the long series).
    ``edition`` pins the edition; it must be the one that holds the period in that source.
    """
    offence = off.canonical(offence)
    period = periods.to_timestamp(period_end)
    base = periods.to_timestamp(baseline_end) if baseline_end is not None else periods.year_earlier(period)
    chosen = select(data, offence, period, base, source, force_code)
    result = Figures(data, chosen.panel, period, base, chosen.row, chosen.baseline_row)
    if edition is not None and edition != result.edition:
        raise PeriodNotAvailableError(f"{periods.label(period)} for {offence.lower()} is in {result.source} edition "
                                      f"{result.edition!r}, not {edition!r}")
    return result


def held(data: Dataset, source: str, offence: str, period_end) -> bool:
    """Whether ``source`` holds ``offence`` for ``period_end`` with some figure."""
    panel = get_panel(data, source, offence)
    if not panel.has(period_end):
        return False
    return bool(np.isfinite(panel.counts[panel.row(period_end)]).any())


def _finite(value) -> float | None:
    return float(value) if value is not None and np.isfinite(value) else None


@functools.cache
def _columns(codes: tuple[str, ...], members: tuple[str, ...]) -> np.ndarray:
    return np.array([codes.index(c) for c in members], dtype=int)


def _listed(names: list[str], limit: int = 6) -> str:
    return ", ".join(names) if len(names) <= limit else f"{', '.join(names[:limit])} and {len(names) - limit} more"
