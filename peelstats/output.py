"""Render results for the terminal and for scripts: an aligned table, JSON or CSV."""

from __future__ import annotations

import json
import math
from datetime import date, datetime

import pandas as pd

FORMATS = ("table", "json", "csv")


def _plain(value):
    """JSON-safe python value: NaN/NA -> None, timestamps -> ISO dates, numpy scalars -> python."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp | datetime):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):
        return _plain(value.item())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# Columns that hold whole numbers even when a missing value made pandas store them as floats.
_WHOLE = ("count", "rank", "n_forces", "population", "households", "mid_year", "position", "bytes")


def _whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts and ranks as integers in JSON and CSV (84342, not 84342.0)."""
    out = frame
    for column in frame.columns:
        name = str(column)
        if not pd.api.types.is_float_dtype(frame[column]) or not any(
                name == w or name.endswith(("_" + w, w)) for w in _WHOLE):
            continue
        values = frame[column].dropna()
        if len(values) and (values == values.round()).all():
            if out is frame:
                out = frame.copy()
            out[column] = frame[column].round().astype("Int64")
    return out


def records(frame: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in _whole_numbers(frame).to_dict("records")]


def to_json(payload) -> str:
    if isinstance(payload, pd.DataFrame):
        payload = records(payload)
    return json.dumps(_plain(payload), indent=2, ensure_ascii=False)


def render(frame: pd.DataFrame, fmt: str = "table", *, float_digits: int = 1, width: int | None = None) -> str:
    """``width``: a table wider than this is wrapped into blocks of columns that fit (a terminal's width)."""
    if fmt == "json":
        return to_json(frame)
    if fmt == "csv":
        return _whole_numbers(frame).to_csv(index=False, date_format="%Y-%m-%d")
    if fmt != "table":
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    if frame.empty:
        return "(no rows)"
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
        elif "year" in column or column == "rank":
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.0f}")
        elif pd.api.types.is_float_dtype(shown[column]) and column.endswith("count"):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:,.0f}")
        elif pd.api.types.is_float_dtype(shown[column]) and (column.endswith(("_pct", "_pp"))):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:+,.{float_digits}f}")
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:,.{float_digits}f}")
        elif pd.api.types.is_integer_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:,}")
    shown = shown.astype(object).where(shown.notna(), "")
    return shown.to_string(index=False, line_width=width) if width else shown.to_string(index=False)
