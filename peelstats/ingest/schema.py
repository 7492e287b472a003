"""The tidy dataset's tables and their columns (documented in ``docs/data.md``).

Every table is long and keyed by ``source`` + ``edition`` + period + ``geography_code`` (+ ``offence``), so
counts, published changes, rates and population join on the same keys.
"""

from __future__ import annotations

import pandas as pd

_GEOGRAPHY = ["geography_code", "geography_name", "geography_level"]

COLUMNS: dict[str, list[str]] = {
    "counts": ["source", "edition", "period_start", "period_end", "period_kind", *_GEOGRAPHY, "parent_code", "offence",
               "offence_group", "offence_code", "offence_description", "offence_subgroup", "count", "negative"],
    "published_change": ["source", "edition", "period_end", "baseline_end", *_GEOGRAPHY, "offence",
                         "offence_group", "change_pct", "marker"],
    "rates": ["source", "edition", "period_end", *_GEOGRAPHY, "offence", "offence_group", "rate_per_1000",
              "population_mid_year", "marker"],
    "population": ["source", "edition", *_GEOGRAPHY, "mid_year", "population", "households", "note"],
    "not_available": ["source", "edition", "table", "period_end", *_GEOGRAPHY, "offence", "marker", "meaning"],
    "footnotes": ["source", "edition", "table", "number", "text"],
    "releases": ["source", "edition", "period_end", "publication_date", "title", "source_url", "basis"],
}
TABLES = tuple(COLUMNS)

_DTYPES = {
    "period_start": "datetime64[s]", "period_end": "datetime64[s]", "baseline_end": "datetime64[s]",
    "publication_date": "datetime64[s]",
    "count": "int64", "negative": "bool", "change_pct": "float64", "rate_per_1000": "float64",
    "population_mid_year": "Int64", "mid_year": "int64", "population": "int64", "households": "Int64",
    "number": "Int64",
}
_CATEGORIES = {"source", "edition", "period_kind", "geography_code", "geography_name", "geography_level", "parent_code",
               "offence", "offence_group", "offence_subgroup", "table", "marker"}


def conform(table: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Columns in schema order with schema dtypes; missing optional columns become nulls."""
    columns = COLUMNS[table]
    frame = frame.reindex(columns=columns)
    for column in columns:
        dtype = _DTYPES.get(column)
        if dtype:
            frame[column] = frame[column].astype(dtype)
        elif column in _CATEGORIES:
            frame[column] = frame[column].astype("string").astype("category")
        else:
            frame[column] = frame[column].astype("string")
    return frame.reset_index(drop=True)


def empty(table: str) -> pd.DataFrame:
    return conform(table, pd.DataFrame(columns=COLUMNS[table]))
