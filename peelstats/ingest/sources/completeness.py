"""Is a parsed file whole? Checks every source runs on what it parsed, so a truncated or incomplete download is
refused (and never replaces a verified copy) instead of building a dataset with forces silently missing.

* every territorial force in every period (a registered data gap, :mod:`peelstats.reference.gaps`, excused);
* in long-form files (a row per force x offence), every force holding the same offences in a period: a file cut
  off inside its last force leaves that force with fewer;
* no period missing inside the run of quarters, and no file ending before the edition it is registered as.
"""

from __future__ import annotations

import pandas as pd

from peelstats.errors import LayoutError
from peelstats.reference import forces, gaps, periods

_TERRITORIAL = {f.code: f.name for f in forces.TERRITORIAL_FORCES}


def missing_areas(codes: set[str], period_end, *, with_btp: bool, with_aggregates: bool) -> list[str]:
    """'Name (code)' of each area a period should hold but does not: the 43 forces (a registered gap excused),
    British Transport Police, and the regions, countries and England and Wales for tables that publish them."""
    expected = dict(_TERRITORIAL)
    if with_btp:
        expected[forces.BTP_CODE] = forces.by_code(forces.BTP_CODE).name
    if with_aggregates:
        expected |= {r.code: r.name for r in forces.REGIONS} | dict(forces.NATIONAL_NAMES)
    excused = {g.force_code for g in gaps.gaps_in(period_end)}
    return [f"{name} ({code})" for code, name in expected.items() if code not in codes and code not in excused]


def check_forces_by_period(counts: pd.DataFrame, where: str, *, offence_column: str = "offence") -> None:
    """Every territorial force in every period, each with the offences the others have there."""
    territorial = counts[counts.geography_code.astype(str).isin(_TERRITORIAL)]
    for end, part in territorial.groupby("period_end", observed=True):
        missing = missing_areas(set(part.geography_code.astype(str)), end, with_btp=False, with_aggregates=False)
        if missing:
            raise LayoutError(f"{where}: {_period_words(part)} has no rows for {_listed(missing)}; the file is "
                              "incomplete (truncated, or a force left out)")
        held = part.groupby("geography_code", observed=True)[offence_column].agg(lambda s: set(s.astype(str)))
        every = set().union(*held)
        short = {code: every - offences for code, offences in held.items() if every - offences}
        if short:
            code, lacking = next(iter(short.items()))
            raise LayoutError(f"{where}: {_period_words(part)}: {_listed([_TERRITORIAL[c] for c in short])} "
                              f"{'lacks' if len(short) == 1 else 'lack'} offences the other forces have (e.g. "
                              f"{_TERRITORIAL[code]}: {_listed(sorted(lacking))}); the file is incomplete")


def check_no_duplicates(counts: pd.DataFrame, where: str, keys: list[str]) -> None:
    """A row given twice would be added twice."""
    doubled = counts[counts.duplicated(keys, keep=False)]
    if len(doubled):
        first = doubled.iloc[0]
        raise LayoutError(f"{where}: {len(doubled)} rows repeat another row's "
                          f"{' + '.join(keys)} (e.g. {', '.join(str(first[k]) for k in keys)}); a row given twice "
                          "would be counted twice")


def check_quarters(period_ends, where: str, *, registered_end: str | None) -> None:
    """No quarter missing from the run of quarterly periods, and the file not ending before its registered end."""
    ends = pd.DatetimeIndex(sorted(set(pd.to_datetime(list(period_ends)))))
    if not len(ends):
        raise LayoutError(f"{where}: no periods at all")
    quarterly = ends[ends.month != 3].min() if (ends.month != 3).any() else None
    if quarterly is not None:
        run = ends[ends >= quarterly]
        expected = pd.date_range(quarterly, ends.max(), freq="QE").normalize()
        holes = expected.difference(run)
        if len(holes):
            raise LayoutError(f"{where}: no rows for {_listed([periods.short_label(h) for h in holes])} inside the "
                              "run of quarters; the file is incomplete")
    if registered_end and ends.max() < pd.Timestamp(registered_end):
        raise LayoutError(f"{where}: ends at {periods.label(ends.max())}, but this edition runs to "
                          f"{periods.label(registered_end)}: the file is truncated or an older vintage")


def check_population_years(population: pd.DataFrame, where: str) -> None:
    """Every mid-year estimate covers all 43 forces."""
    for year, part in population.groupby("mid_year"):
        codes = set(part.geography_code.astype(str))
        missing = [f"{name} ({code})" for code, name in _TERRITORIAL.items() if code not in codes]
        if missing:
            raise LayoutError(f"{where}: mid-{year} has no estimate for {_listed(missing)}; the file is incomplete")


def _period_words(rows: pd.DataFrame) -> str:
    """'year ending March 2018', or 'the quarter ending June 2017' for financial quarters."""
    end = rows.period_end.iloc[0]
    if "period_kind" in rows and str(rows.period_kind.iloc[0]) == periods.FINANCIAL_QUARTER:
        return f"the quarter ending {pd.Timestamp(end):%B %Y}"
    return periods.label(end)


def _listed(items: list[str], limit: int = 6) -> str:
    items = list(items)
    return ", ".join(items) if len(items) <= limit else f"{', '.join(items[:limit])} and {len(items) - limit} more"
