"""Render results for the terminal and for scripts: an aligned table, JSON or CSV.

JSON and CSV keep the analysis' own keys (``force_count``, ``change_pct``) with counts and ranks as integers; the
terminal table is for reading: plain headers ("Count", "% change"), signed percentages with their unit, Yes/No,
and long text wrapped so that the table fits the terminal's width.
"""

from __future__ import annotations

import json
import math
import textwrap
from datetime import date, datetime
from datetime import time as dt_time

import pandas as pd

FORMATS = ("table", "json", "csv")

# Fields that hold whole numbers even when a missing value made pandas store them as floats: a field is one when
# a word of its name (split on "_") is one of these ("force_count", "count_revision", "n_forces", "mid_year").
_WHOLE = frozenset({"count", "counts", "rank", "forces", "population", "households", "year", "position", "bytes",
                    "crimes", "revision", "out", "difference"})
_COUNT_DICTS = frozenset({"counts"})  # dicts whose every number is a count
# A claim record's ``measured`` is a whole number for these kinds (a position, a count, a number of forces).
_WHOLE_KINDS = frozenset({"rank", "count", "count_change", "count_of_forces", "streak"})
_NOT_WHOLE = ("pct", "pp", "rate", "share", "per", "percentile", "ratio", "mean", "median", "text")


def whole_field(name) -> bool:
    """Does a field of this name hold a whole number (a count, a rank, a year)?"""
    words = str(name).lower().split("_")
    return any(w in _WHOLE for w in words) and not any(w in _NOT_WHOLE for w in words)


def _whole(value):
    """84342.0 -> 84342; anything else as it is."""
    if isinstance(value, float) and math.isfinite(value) and value == round(value):
        return int(value)
    return value


def _plain(value, whole: bool = False):
    """JSON-safe python value: NaN/NA -> None, timestamps -> ISO dates, numpy scalars -> python; ``whole``: a
    whole-number float as an int. In dicts, fields named as counts and ranks are whole (:func:`whole_field`), and
    so is a claim record's ``measured`` when its kind is a rank or a count; a dict of counts (``"counts": {...}``)
    passes that on to its values."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "to_dict") and not isinstance(value, pd.DataFrame | pd.Series | dict):
        return _plain(value.to_dict(), whole)  # a result type (a comparison, a league table...)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, datetime):  # pd.Timestamp is a datetime
        return value.date().isoformat() if value.time() == dt_time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, pd.DataFrame | pd.Series):
        return _plain(value.item(), whole)
    if isinstance(value, dict):
        counted = str(value.get("kind")) in _WHOLE_KINDS
        out = {}
        for key, item in value.items():
            if isinstance(item, dict):  # a dict of counts ("counts": {...}) makes its numbers whole; others decide
                out[key] = _plain(item, key in _COUNT_DICTS)  # per field
            else:  # a number, or a list of numbers or of records (a list passes it on to numbers only)
                out[key] = _plain(item, whole or whole_field(key) or (counted and key == "measured"))
            if counted and key in ("candidates", "latest_public"):
                out[key] = _measured_whole(out[key])
        return out
    if isinstance(value, list | tuple):  # whole numbers in a list of numbers; a list of records decides per field
        return [_plain(v, whole and not isinstance(v, dict | list | tuple)) for v in value]
    if isinstance(value, bool):
        return value
    return _whole(value) if whole else value


def _measured_whole(item):
    """A rank or count claim's candidates and latest figure: their ``measured`` as whole numbers too."""
    if isinstance(item, dict):
        return {k: _whole(v) if k == "measured" else v for k, v in item.items()}
    if isinstance(item, list):
        return [_measured_whole(i) for i in item]
    return item


def _whole_numbers(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts and ranks as integers in JSON and CSV (84342, not 84342.0)."""
    out = frame
    for column in frame.columns:
        if not pd.api.types.is_float_dtype(frame[column]) or not whole_field(column):
            continue
        values = frame[column].dropna()
        if len(values) and (values == values.round()).all():
            if out is frame:
                out = frame.copy()
            out[column] = frame[column].round().astype("Int64")
    return out


def jsonable(value):
    """The value as JSON would carry it: ISO dates, None for missing, counts and ranks as integers."""
    return _plain(value)


def records(frame: pd.DataFrame) -> list[dict]:
    return [_plain(row) for row in _whole_numbers(frame).to_dict("records")]


def to_json(payload) -> str:
    if isinstance(payload, pd.DataFrame):
        payload = records(payload)
    return json.dumps(_plain(payload), indent=2, ensure_ascii=False)


def to_csv(rows: pd.DataFrame | list[dict] | dict) -> str:
    """CSV with whole numbers as integers; nested values (lists, dicts) as JSON text."""
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame([rows] if isinstance(rows, dict) else rows)
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].map(lambda v: isinstance(v, list | dict)).any():
            frame[column] = frame[column].map(
                lambda v: json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, list | dict) else v)
    return _whole_numbers(frame).to_csv(index=False, date_format="%Y-%m-%d")


# ------------------------------------------------------------------------------------------ the terminal

# Plain headers for the analysis' own column names; others: underscores to spaces, first letter capital.
HEADERS = {
    "period_end": "Year ending", "baseline_end": "Compared with", "force": "Force", "force_code": "Code",
    "offence": "Offence", "region": "Region", "count": "Count", "baseline_count": "A year earlier",
    "change_pct": "% change", "gap_pp": "Force minus this (pp)", "rate_per_1000": "Rate per 1,000",
    "population_mid_year": "Population (mid-year)", "rank": "Rank", "n_forces": "Forces ranked",
    "suppressed": "Suppressed", "comparable": "Comparable", "breaks": "Series breaks", "source": "Source",
    "edition": "Edition", "force_count": "Count", "force_baseline_count": "A year earlier",
    "force_change_pct": "% change", "england_and_wales_change_pct": "E&W % change",
    "sum_of_forces_change_pct": "Sum of forces % change", "rest_of_england_and_wales_change_pct":
    "E&W excl. force % change", "mean_force_change_pct": "Mean force % change",
    "median_force_change_pct": "Median force % change", "published_force_change_pct": "Published % change",
    "england_and_wales_count": "E&W count", "force_count_revision": "Count revised by",
    "england_and_wales_count_revision": "E&W count revised by", "published": "Published", "figure": "Figure",
    "area": "Area", "definition": "Definition", "name": "Name", "slug": "police.uk slug", "code": "Code",
    "territorial": "Territorial", "alliance_partners": "Alliance partners", "variants": "Name variants",
    "id": "Id", "effective": "Effective", "severity": "Severity", "explanation": "Explanation",
    "comparable_offence": "Comparable offence", "offences": "Offences", "status": "Status", "seconds": "Seconds",
    "error": "Error", "report": "Report", "log": "Log", "difference_pp": "Difference (pp)",
}


def plain_header(name) -> str:
    """'Count' for force_count, 'E&W % change' for england_and_wales_change_pct; 'Kept aside' for kept_aside."""
    text = str(name)
    if text in HEADERS:
        return HEADERS[text]
    if text.endswith("_pct"):
        text = text[:-4] + " %"
    elif text.endswith("_pp"):
        text = text[:-3] + " (pp)"
    text = text.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _signed_pct(value, digits: int) -> str:
    return "" if pd.isna(value) else f"{value:+,.{digits}f}%"


def _cells(frame: pd.DataFrame, float_digits: int) -> tuple[list[list[str]], list[bool]]:
    """Each column's cells as text for reading, and whether it is numeric (right-aligned)."""
    columns, numeric = [], []
    for column in frame.columns:
        series = frame[column]
        name = str(column)
        is_number = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
        if pd.api.types.is_datetime64_any_dtype(series):
            text = series.map(lambda v: "" if pd.isna(v) else f"{v:%Y-%m-%d}")
        elif pd.api.types.is_bool_dtype(series) or (len(series.dropna()) and series.dropna().map(
                lambda v: isinstance(v, bool)).all()):
            text = series.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                              else ("Yes" if v else "No"))
        elif is_number and name.endswith("_pct"):
            text = series.map(lambda v: _signed_pct(v, float_digits))
        elif is_number and name.endswith("_pp"):
            text = series.map(lambda v: "" if pd.isna(v) else f"{v:+,.{float_digits}f}")
        elif is_number and (whole_field(name) or pd.api.types.is_integer_dtype(series)):
            pattern = "{:.0f}" if "year" in name.split("_") else "{:,.0f}"  # a year is never 2,018
            text = series.map(lambda v, pattern=pattern: "" if pd.isna(v) else pattern.format(v))
        elif is_number:
            text = series.map(lambda v: "" if pd.isna(v) else f"{v:,.{float_digits}f}")
        else:
            text = series.map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v))
                              or v is pd.NA else str(v))
        columns.append([" ".join(str(t).split()) for t in text])
        numeric.append(is_number)
    return columns, numeric


def _widths(natural: list[int], minimum: list[int], room: int) -> list[int] | None:
    """Column widths summing to at most ``room``: the narrow columns keep their width, the wide ones share what is
    left (each at least its minimum). None when even the minimums do not fit."""
    if sum(minimum) > room:
        return None
    widths = list(natural)
    while sum(widths) > room:
        wide = [i for i, w in enumerate(widths) if w > minimum[i]]
        excess = sum(widths) - room
        top = max(widths[i] for i in wide)
        tops = [i for i in wide if widths[i] == top]
        second = max([widths[i] for i in wide if widths[i] < top] + [max(minimum[i] for i in tops)])
        step = min(top - second, max(1, math.ceil(excess / len(tops))))
        for i in tops:
            widths[i] = max(minimum[i], widths[i] - step)
    return widths


def _squeezed(natural: list[int], width: int, gap: int) -> list[int]:
    """Widths for columns that do not fit even at their minimums: each an equal share (at least 4)."""
    share = max(4, (width - gap * (len(natural) - 1)) // len(natural))
    return [min(n, share) for n in natural]


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]


def _block(headers: list[str], columns: list[list[str]], numeric: list[bool], widths: list[int]) -> str:
    gap = "  "
    head = [_wrap(h, w) for h, w in zip(headers, widths, strict=True)]
    depth = max(len(h) for h in head)
    lines = []
    for k in range(depth):
        parts = []
        for h, w, right in zip(head, widths, numeric, strict=True):
            cell = ([""] * (depth - len(h)) + h)[k]  # headers sit on the bottom line
            parts.append(cell.rjust(w) if right else cell.ljust(w))
        lines.append(gap.join(parts).rstrip())
    lines.append(gap.join("-" * w for w in widths))
    rows = len(columns[0]) if columns else 0
    wrapped_rows = []
    for r in range(rows):
        cells = [_wrap(col[r], w) if len(col[r]) > w else [col[r]] for col, w in zip(columns, widths, strict=True)]
        wrapped_rows.append(cells)
    spaced = any(len(c) > 1 for cells in wrapped_rows for c in cells)
    for n, cells in enumerate(wrapped_rows):
        if spaced and n:
            lines.append("")  # a wrapped row is told apart from the next by a blank line
        for k in range(max(len(c) for c in cells)):
            parts = []
            for c, w, right in zip(cells, widths, numeric, strict=True):
                cell = c[k] if k < len(c) else ""
                parts.append(cell.rjust(w) if right else cell.ljust(w))
            lines.append(gap.join(parts).rstrip())
    return "\n".join(lines)


def table(frame: pd.DataFrame, *, width: int | None = None, float_digits: int = 1, headers: bool = True) -> str:
    """An aligned table for reading that fits ``width`` characters: long text wraps within its column; when the
    columns cannot all fit, they are shown in blocks, each repeating the first column."""
    if frame.empty:
        return "(no rows)"
    columns, numeric = _cells(frame, float_digits)
    names = [plain_header(c) if headers else str(c) for c in frame.columns]
    natural = [max([len(names[i])] + [len(t) for t in col]) for i, col in enumerate(columns)]
    if width is None:
        return _block(names, columns, numeric, natural)
    gap = 2
    # numbers keep their width; codes, names of files and dates (one word) too, up to 32 characters; text wraps
    # down to 20 characters (or its header's longest word)
    minimum = [n if numeric[i] else min(n, 32) if not any(" " in t for t in columns[i])
               else min(n, max(20, *(len(w) for w in names[i].split()))) for i, n in enumerate(natural)]
    fitted = _widths(natural, minimum, width - gap * (len(columns) - 1))
    if fitted is not None:
        return _block(names, columns, numeric, fitted)
    blocks, left = [], list(range(len(columns)))
    while left:
        chosen = [] if len(left) == len(columns) else [0]  # later blocks repeat the first column
        added = 0
        for i in list(left):
            trial = chosen + [i]
            fits = _widths([natural[j] for j in trial], [minimum[j] for j in trial],
                           width - gap * (len(trial) - 1)) is not None
            if not fits and added:
                break
            chosen, added = trial, added + 1
            left.remove(i)
        widths = _widths([natural[j] for j in chosen], [minimum[j] for j in chosen],
                         width - gap * (len(chosen) - 1)) or _squeezed([natural[j] for j in chosen], width, gap)
        blocks.append(_block([names[j] for j in chosen], [columns[j] for j in chosen],
                             [numeric[j] for j in chosen], widths))
    return "\n\n".join(blocks)


def render(frame: pd.DataFrame, fmt: str = "table", *, float_digits: int = 1, width: int | None = None) -> str:
    """``table``: for reading (plain headers, signed percentages, Yes/No), fitting ``width`` characters (a
    terminal's width) when given; ``json`` and ``csv``: the columns' own names, counts and ranks as integers."""
    if fmt == "json":
        return to_json(frame)
    if fmt == "csv":
        return to_csv(frame)
    if fmt != "table":
        raise ValueError(f"format must be one of {FORMATS}, got {fmt!r}")
    return table(frame, width=width, float_digits=float_digits)


def fill(text: str, width: int | None, indent: str = "") -> str:
    """A paragraph for the terminal, wrapped to ``width`` (as it is when no width is given)."""
    if not width:
        return indent + text
    return textwrap.fill(" ".join(str(text).split()), width, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False)
