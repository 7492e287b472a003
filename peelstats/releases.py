"""When each period's figures were first published: what was public on a given date.

The release dates come from the mirror's transcribed ONS release calendar when it was fetched (tidy table
``releases``), and otherwise from ``peelstats/data/ons_release_dates.csv`` shipped in the package (bulletin
release dates, each with its bulletin URL and how firmly it is known). Where both hold a period the mirror's
transcription wins.
"""

from __future__ import annotations

from importlib import resources

import pandas as pd

from peelstats import periods
from peelstats.dataset import Dataset


def package_release_dates() -> pd.DataFrame:
    with resources.files("peelstats.data").joinpath("ons_release_dates.csv").open("r", encoding="utf-8") as fh:
        frame = pd.read_csv(fh, dtype=str, keep_default_na=False)
    for column in ("period_end", "publication_date"):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["source"] = "peelstats release-date table"
    return frame


def release_dates(data: Dataset | None = None) -> pd.DataFrame:
    """period_end, publication_date, title, source_url, basis, source - one row per period."""
    table = package_release_dates()
    if data is not None and len(getattr(data, "releases", [])):
        mirror = data.releases[["period_end", "publication_date", "title", "source_url", "basis"]].copy()
        mirror["source"] = "ons-release-calendar (mirror)"
        mirror["period_end"] = pd.to_datetime(mirror.period_end)
        mirror["publication_date"] = pd.to_datetime(mirror.publication_date)
        table = pd.concat([mirror, table[~table.period_end.isin(mirror.period_end)]], ignore_index=True)
    return table.sort_values("period_end").reset_index(drop=True)


def first_published(period_end, data: Dataset | None = None) -> dict | None:
    table = release_dates(data)
    row = table[table.period_end == periods.to_timestamp(period_end)]
    return row.iloc[0].to_dict() if len(row) else None


def public_on(period_end, on_date, data: Dataset | None = None) -> bool | None:
    """Whether the period's figures had been published by ``on_date`` (None when the date is unknown)."""
    release = first_published(period_end, data)
    if release is None:
        return None
    return release["publication_date"] <= pd.Timestamp(on_date)


def latest_public(on_date, data: Dataset | None = None) -> pd.Timestamp | None:
    """The latest period whose figures were public on ``on_date``."""
    table = release_dates(data)
    public = table[table.publication_date <= pd.Timestamp(on_date)]
    return public.period_end.max() if len(public) else None
