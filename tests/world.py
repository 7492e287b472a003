"""A small synthetic world for claims tests: all 43 forces, BTP and the fraud bodies, quarterly rolling years, with
changes chosen so every verdict boundary can be reached. Built in code; no published file is read.

* Total recorded crime of force number ``i`` (registry order) starts at ``10_000 + 1_000 * i`` in YE Mar 2014 and
  changes by ``GROWTH[i]`` per cent a year: from -8% (Cleveland, first) to +13% (South Wales, last), 0.5 pp apart.
* Robbery is 5% of the total; burglary 9%, as domestic + non-domestic until the year ending March 2017 and
  residential + non-residential afterwards (the April 2017 reclassification).
* Warwickshire has a one-off jump of 10% in January to March 2018: its YE Mar 2018 change (+11%) is unlike any
  other year's (+1%), so only a figure published after 4 June 2018 reproduces "+11%".
* Greater Manchester supplied nothing for the years ending September and December 2019 (the registered gap).
* Populations: ``1_000_000 + 10_000 * i`` for every mid-year 2013 to 2019.
"""

from __future__ import annotations

import pandas as pd
from synthetic import _row as synthetic_row

from peelstats.ingest import schema
from peelstats.ingest.dataset import Dataset
from peelstats.reference import forces
from peelstats.reference import offences as off

SOURCE = "rec-crime-pfa"
EDITION = "synthetic vintage"
PERIODS = pd.date_range("2014-03-31", "2019-12-31", freq="QE")
TERRITORIAL = forces.TERRITORIAL_FORCES
GROWTH = {f.code: -8 + 0.5 * i for i, f in enumerate(TERRITORIAL)}
BASE = {f.code: 10_000 + 1_000 * i for i, f in enumerate(TERRITORIAL)}
GAP = ("E23000005", (pd.Timestamp("2019-09-30"), pd.Timestamp("2019-12-31")))
JUMP = ("E23000017", pd.Timestamp("2018-03-31"), 1.10)  # in every rolling year holding January-March 2018


def total(code: str, end: pd.Timestamp) -> int:
    years = (end - PERIODS[0]).days / 365.25
    jump = JUMP[2] if code == JUMP[0] and JUMP[1] <= end < JUMP[1] + pd.DateOffset(years=1) else 1.0
    return round(BASE[code] * (1 + GROWTH[code] / 100) ** years * jump)


def change(code: str, end: pd.Timestamp) -> float:
    """The % change the world gives a force for a rolling year against a year earlier."""
    before = end - pd.DateOffset(years=1) + pd.offsets.MonthEnd(0)
    return (total(code, end) / total(code, before) - 1) * 100


def _row(code, offence, end, count):
    return synthetic_row(code, offence, end, count, source=SOURCE, edition=EDITION)


def dataset() -> Dataset:
    rows = []
    new_burglary = pd.Timestamp("2017-06-30")
    for end in PERIODS:
        for force in TERRITORIAL:
            if force.code == GAP[0] and end in GAP[1]:
                continue
            count = total(force.code, end)
            rows.append(_row(force.code, off.TOTAL, end, count))
            rows.append(_row(force.code, off.ROBBERY, end, round(count * 0.05)))
            old, new = (off.DOMESTIC_BURGLARY, off.NON_DOMESTIC_BURGLARY), (off.RESIDENTIAL_BURGLARY,
                                                                             off.NON_RESIDENTIAL_BURGLARY)
            live, dead = (new, old) if end >= new_burglary else (old, new)
            rows += [_row(force.code, live[0], end, round(count * 0.06)), _row(force.code, live[1], end,
                                                                               round(count * 0.03)),
                     _row(force.code, dead[0], end, 0), _row(force.code, dead[1], end, 0)]
        rows.append(_row(forces.BTP_CODE, off.TOTAL, end, 1_000))
        rows.append(_row(forces.BTP_CODE, off.ROBBERY, end, 50))
        for part in (off.DOMESTIC_BURGLARY, off.NON_DOMESTIC_BURGLARY, off.RESIDENTIAL_BURGLARY,
                     off.NON_RESIDENTIAL_BURGLARY):
            rows.append(_row(forces.BTP_CODE, part, end, 0))
    counts = schema.conform("counts", pd.DataFrame(rows))
    population = schema.conform("population", pd.DataFrame([
        {"source": "population", "edition": "synthetic", "geography_code": f.code, "geography_name": f.name,
         "geography_level": "force", "mid_year": year, "population": 1_000_000 + 10_000 * i, "note": "synthetic"}
        for i, f in enumerate(TERRITORIAL) for year in range(2013, 2020)]))
    tables = {t: schema.empty(t) for t in schema.TABLES}
    tables.update(counts=counts, population=population)
    return Dataset(**tables)
