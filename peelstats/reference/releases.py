"""When each period's figures were first published, and so what was public on a given date.

Release dates come, in this order of preference, from the mirror's transcribed ONS release calendar, the
mirror's compiled release-date table (each row with its evidence), and ``peelstats/data/ons_release_dates.csv``
shipped in the package. A period none of them holds gets an estimate from ONS's quarterly pattern, labelled
"estimated": the third Thursday of the fourth month after a March or June year end, the fourth Thursday after a
September or December one (every recorded date from YE June 2016 to YE December 2019 follows it; the 2020-21
releases were late). The PFA tables are assumed to come out with the bulletin; a corrected re-issue keeps the
first date. An edition of a source is taken to be published when its latest period was.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:  # the dataset is read, never imported: the registries sit below the ingest layer
    from peelstats.ingest.dataset import Dataset

from peelstats.reference import periods

ESTIMATED = ("estimated from ONS's quarterly pattern (third Thursday of the fourth month after a March or June "
             "year end, fourth Thursday after a September or December one)")


@dataclass(frozen=True)
class Release:
    period_end: pd.Timestamp
    date: pd.Timestamp
    basis: str
    estimated: bool
    url: str | None = None

    def public_on(self, when) -> bool:
        return self.date <= pd.Timestamp(when)

    def as_dict(self) -> dict:
        return {"period_end": self.period_end.date().isoformat(), "date": self.date.date().isoformat(),
                "basis": self.basis, "estimated": self.estimated, "url": self.url}


@cache
def package_release_dates() -> pd.DataFrame:
    with resources.files("peelstats.data").joinpath("ons_release_dates.csv").open("r", encoding="utf-8") as fh:
        frame = pd.read_csv(fh, dtype=str, keep_default_na=False)
    for column in ("period_end", "publication_date"):
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame["source"] = "peelstats release-date table"
    return frame


def release_dates(data: Dataset | None = None) -> pd.DataFrame:
    """period_end, publication_date, title, source_url, basis, source: one recorded row per period."""
    key = ("release_dates",)
    if data is not None and key in data.cache:
        return data.cache[key]
    frames = []
    if data is not None and len(data.releases):
        mirror = data.releases[["period_end", "publication_date", "title", "source_url", "basis"]].copy()
        mirror["source"] = "ons-release-calendar (mirror)"
        mirror["rank"] = mirror.basis.astype(str).str.startswith("compiled").astype(int)
        frames.append(mirror)
    package = package_release_dates().copy()
    package["rank"] = 2
    frames.append(package)
    table = pd.concat(frames, ignore_index=True)
    table["period_end"] = pd.to_datetime(table.period_end)
    table["publication_date"] = pd.to_datetime(table.publication_date)
    table = (table.sort_values(["period_end", "rank"]).drop_duplicates("period_end")
             .drop(columns="rank").reset_index(drop=True))
    if data is not None:
        data.cache[key] = table
    return table


def estimate(period_end) -> pd.Timestamp:
    """ONS's usual release day for a rolling year ending ``period_end``."""
    end = periods.to_timestamp(period_end)
    month_start = (end + pd.offsets.MonthBegin(1)) + pd.DateOffset(months=3)
    first_thursday = month_start + pd.Timedelta(days=(3 - month_start.weekday()) % 7)
    week = 3 if end.month in (3, 6) else 4
    return first_thursday + pd.Timedelta(weeks=week - 1)


def first_published(period_end, data: Dataset | None = None) -> Release:
    """The first publication of ``period_end``'s figures: recorded where known, else estimated."""
    end = periods.to_timestamp(period_end)
    table = release_dates(data)
    row = table[table.period_end == end]
    if len(row):
        hit = row.iloc[0]
        return Release(end, hit.publication_date, str(hit.basis), False, str(hit.source_url) or None)
    return Release(end, estimate(end), ESTIMATED, True)


def edition_published(data: Dataset, source: str, edition: str) -> Release | None:
    """When an edition (vintage) of a source came out: when its latest period was first published."""
    key = ("edition_published", source, edition)
    if key not in data.cache:
        counts = data.counts
        rows = counts[(counts.source == source) & (counts.edition == edition)]
        data.cache[key] = first_published(rows.period_end.max(), data) if len(rows) else None
    return data.cache[key]


def latest_public(on_date, data: Dataset | None = None) -> Release | None:
    """The latest quarter-end period whose figures were public on ``on_date`` (recorded or estimated)."""
    when = pd.Timestamp(on_date)
    end = (when - pd.offsets.QuarterEnd(1)).normalize()
    for _ in range(8):  # a release always follows within about seven months of its period
        release = first_published(end, data)
        if release.public_on(when):
            return release
        end = (end - pd.offsets.QuarterEnd(1)).normalize()
    return None
