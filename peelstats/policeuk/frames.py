"""JSON answers of data.police.uk as typed DataFrames.

Latitude and longitude become floats, months ``Period[M]``, nested location and outcome objects are flattened
into columns, and an empty answer is an empty frame with the same columns and dtypes.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

STRING = "string"
FLOAT = "float64"
INT = "Int64"
MONTH = "period[M]"
BOOL = "boolean"

CRIME = {"id": INT, "persistent_id": STRING, "category": STRING, "month": MONTH, "location_type": STRING,
         "location_subtype": STRING, "latitude": FLOAT, "longitude": FLOAT, "street_id": INT, "street_name": STRING,
         "context": STRING, "outcome_category": STRING, "outcome_month": MONTH}
OUTCOME = {"outcome_code": STRING, "outcome_name": STRING, "outcome_month": MONTH, "person_id": INT,
           **{f"crime_{k}": v for k, v in CRIME.items() if not k.startswith("outcome")}}
STOP = {"type": STRING, "datetime": "datetime64[ns, UTC]", "operation": BOOL, "operation_name": STRING,
        "involved_person": BOOL, "gender": STRING, "age_range": STRING, "self_defined_ethnicity": STRING,
        "officer_defined_ethnicity": STRING, "legislation": STRING, "object_of_search": STRING, "outcome": STRING,
        "outcome_linked_to_object_of_search": BOOL, "removal_of_more_than_outer_clothing": BOOL,
        "latitude": FLOAT, "longitude": FLOAT, "street_id": INT, "street_name": STRING}
FORCES = {"id": STRING, "name": STRING}
FORCE = {"id": STRING, "name": STRING, "url": STRING, "telephone": STRING, "description": STRING,
         "engagement_methods": STRING}
NEIGHBOURHOODS = {"id": STRING, "name": STRING}
BOUNDARY = {"latitude": FLOAT, "longitude": FLOAT}
CATEGORIES = {"url": STRING, "name": STRING}
DATES = {"month": MONTH, "stop_and_search": "object"}


def typed(rows: list[dict], schema: dict[str, str]) -> pd.DataFrame:
    """A frame with exactly ``schema``'s columns and dtypes (empty rows -> empty frame, same columns)."""
    frame = pd.DataFrame(rows, columns=list(schema))
    for column, dtype in schema.items():
        values = frame[column]
        if dtype == MONTH:
            frame[column] = pd.PeriodIndex(pd.to_datetime(values, format="%Y-%m", errors="coerce"), freq="M") \
                if len(values) else pd.Series([], dtype=MONTH)
        elif dtype.startswith("datetime64"):
            frame[column] = pd.to_datetime(values, utc=True, errors="coerce")
        elif dtype in (FLOAT, INT):
            frame[column] = pd.to_numeric(values.replace("", None), errors="coerce").astype(dtype)
        elif dtype == BOOL:
            frame[column] = values.astype(BOOL)
        elif dtype == "object":
            frame[column] = values.astype(object)
        else:
            frame[column] = values.astype(dtype)
    return frame


def _location(loc: dict | None) -> dict:
    loc = loc or {}
    street = loc.get("street") or {}
    return {"latitude": loc.get("latitude"), "longitude": loc.get("longitude"), "street_id": street.get("id"),
            "street_name": street.get("name")}


def crime_row(item: dict) -> dict:
    outcome = item.get("outcome_status") or {}
    return {
        "id": item.get("id"), "persistent_id": item.get("persistent_id") or None, "category": item.get("category"),
        "month": item.get("month"), "location_type": item.get("location_type"),
        "location_subtype": item.get("location_subtype") or None, **_location(item.get("location")),
        "context": item.get("context") or None, "outcome_category": outcome.get("category"),
        "outcome_month": outcome.get("date"),
    }


def crimes(items: list[dict]) -> pd.DataFrame:
    return typed([crime_row(i) for i in items], CRIME)


def outcome_rows(items: list[dict], crime: dict | None = None) -> pd.DataFrame:
    rows = []
    for item in items:
        category = item.get("category") or {}
        source = crime if crime is not None else item.get("crime") or {}
        row = {"outcome_code": category.get("code"), "outcome_name": category.get("name"),
               "outcome_month": item.get("date"), "person_id": item.get("person_id")}
        crime_fields = crime_row(source)
        row.update({f"crime_{k}": v for k, v in crime_fields.items() if not k.startswith("outcome")})
        rows.append(row)
    return typed(rows, OUTCOME)


def stops(items: list[dict]) -> pd.DataFrame:
    rows = []
    for item in items:
        row = {k: item.get(k) for k in STOP if k not in ("latitude", "longitude", "street_id", "street_name")}
        row.update(_location(item.get("location")))
        rows.append(row)
    return typed(rows, STOP)


def simple(items: list[dict], schema: dict[str, str], rename: Callable[[dict], dict] | None = None) -> pd.DataFrame:
    return typed([rename(i) if rename else i for i in items], schema)


def force_detail(item: dict) -> pd.DataFrame:
    methods = item.get("engagement_methods") or []
    row = {**{k: item.get(k) for k in FORCE}, "engagement_methods": ", ".join(m.get("title", "") for m in methods)}
    return typed([row], FORCE)


def dates(items: list[dict]) -> pd.DataFrame:
    return typed([{"month": i.get("date"), "stop_and_search": list(i.get("stop-and-search") or [])} for i in items],
                 DATES)
