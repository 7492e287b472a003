"""An in-memory Dataset with a handful of forces, for analysis tests that must not need the mirror."""

from __future__ import annotations

import pandas as pd

from peelstats.ingest import schema
from peelstats.ingest.dataset import Dataset
from peelstats.reference import forces
from peelstats.reference import offences as off

# code -> robbery counts at YE Mar 2016, 2017, 2018
ROBBERY = {"E23000016": (600, 583, 552), "E23000017": (200, 220, 260), "E23000014": (3000, 3300, 4000),
           "E23000034": (30, 40, 45), "X-BTP": (500, 520, 560)}
BURGLARY_SPLIT = {  # (domestic, non-domestic, residential, non-residential) per year
    "E23000016": [(5000, 3000, 0, 0), (4800, 3000, 0, 0), (0, 0, 5668, 2345)],
    "E23000017": [(2000, 1000, 0, 0), (2100, 1000, 0, 0), (0, 0, 2500, 900)],
}
YEARS = [pd.Timestamp("2016-03-31"), pd.Timestamp("2017-03-31"), pd.Timestamp("2018-03-31")]


def _row(code, offence, end, count, source="rec-crime-pfa", edition="test vintage"):
    code, name, level = forces.classify_geography(code, "")
    return {"source": source, "edition": edition, "period_start": end - pd.DateOffset(years=1) + pd.Timedelta(days=1),
            "period_end": end, "period_kind": "rolling_12_months", "geography_code": code, "geography_name": name,
            "geography_level": level, "offence": offence, "offence_group": off.group_of(offence), "count": count,
            "negative": count < 0}


def dataset() -> Dataset:
    rows = []
    for code, values in ROBBERY.items():
        for end, value in zip(YEARS, values, strict=True):
            rows.append(_row(code, off.ROBBERY, end, value))
    parts = (off.DOMESTIC_BURGLARY, off.NON_DOMESTIC_BURGLARY, off.RESIDENTIAL_BURGLARY, off.NON_RESIDENTIAL_BURGLARY)
    for code, years in BURGLARY_SPLIT.items():
        for end, values in zip(YEARS, years, strict=True):
            rows += [_row(code, part, end, value) for part, value in zip(parts, values, strict=True)]
    counts = schema.conform("counts", pd.DataFrame(rows))
    population = schema.conform("population", pd.DataFrame([
        {"source": "population", "edition": "test", "geography_code": code, "geography_name": forces.by_code(code).name,
         "geography_level": "force", "mid_year": 2017, "population": pop, "note": "test"}
        for code, pop in {"E23000016": 1_270_000, "E23000017": 560_000, "E23000014": 2_900_000,
                          "E23000034": 8_000}.items()]))
    tables = {t: schema.empty(t) for t in schema.TABLES}
    tables.update(counts=counts, population=population)
    return Dataset(**tables)
