"""Rates per 1,000 population, naming the mid-year estimate used.

* ONS editions: the population ONS printed in that edition's Table P3 (it lags the crime period: mid-2016
  for YE March 2018), so peelstats' rates match ONS's.
* The long series: the mid-year estimate (30 June) nearest the middle of the 12 months (mid-2017 for YE
  March 2018), from ONS P9/P3 first (post-2011-census revised), then the other population files. When that
  year is not in the data, the nearest year available is used and the result says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from peelstats.analysis.panel import ONS, Panel
from peelstats.ingest.dataset import Dataset
from peelstats.reference import periods


@dataclass(frozen=True)
class Denominator:
    population: np.ndarray  # aligned with panel.codes, NaN where unknown
    mid_year: int | None
    note: str


def population_by_year(data: Dataset) -> pd.DataFrame:
    """mid_year x geography_code, preferring ONS tables (latest edition) over other population files."""
    key = ("population_by_year",)
    if key not in data.cache:
        pop = data.population.copy()
        pop["priority"] = np.where(pop.source == ONS, 0, 1)
        pop = pop.sort_values(["priority", "edition"], ascending=[True, False])
        pop = pop.drop_duplicates(["mid_year", "geography_code"], keep="first")
        data.cache[key] = pop.pivot(index="mid_year", columns="geography_code", values="population").sort_index()
    return data.cache[key]


def nearest_mid_year(period_end: periods.PeriodEnd) -> int:
    """The 30 June nearest the middle of the 12 months ending ``period_end``."""
    middle = period_end - pd.Timedelta(days=182)
    candidates = [middle.year - 1, middle.year, middle.year + 1]
    return min(candidates, key=lambda y: abs((pd.Timestamp(year=y, month=6, day=30) - middle).days))


def denominator(data: Dataset, panel: Panel, row: int) -> Denominator:
    """The population for ``panel``'s row, aligned with ``panel.codes`` (cached per dataset)."""
    key = ("denominator", panel.source, panel.periods[row])
    if key not in data.cache:
        data.cache[key] = _denominator(data, panel, row)
    return data.cache[key]


def _denominator(data: Dataset, panel: Panel, row: int) -> Denominator:
    codes = list(panel.codes)
    edition_note = ""
    if panel.source == ONS:
        edition = panel.editions[row]
        rates = data.rates[(data.rates.source == ONS) & (data.rates.edition == edition)]
        mid_year = int(rates.population_mid_year.dropna().iloc[0]) if len(rates) else None
        pop = data.population[(data.population.source == ONS) & (data.population.edition == edition)
                              & (data.population.mid_year == mid_year)]
        if mid_year is not None and len(pop):
            series = pop.drop_duplicates("geography_code").set_index("geography_code").population
            values = series.reindex(codes).to_numpy(dtype=float)
            return Denominator(values, mid_year, f"ONS mid-{mid_year} estimate, as used in {edition} Table P3")
        edition_note = f"{edition} has no Table P3, so "  # then the nearest estimate the data hold
    table = population_by_year(data)
    wanted = nearest_mid_year(panel.periods[row])
    if table.empty:
        return Denominator(np.full(len(codes), np.nan), None, "no population data")
    year = min(table.index, key=lambda y: (abs(y - wanted), -y))
    values = table.loc[year].reindex(codes).to_numpy(dtype=float)
    note = f"mid-{year} estimate, the nearest to the middle of the period"
    if year != wanted:
        note = f"mid-{year} estimate, the nearest available (mid-{wanted} is not in the data)"
    return Denominator(values, int(year), edition_note + note)


def rate_per_1000(counts, population) -> np.ndarray:
    counts = np.asarray(counts, dtype=float)
    population = np.asarray(population, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(population > 0, counts / population * 1000.0, np.nan)
