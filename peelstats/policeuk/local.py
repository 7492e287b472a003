"""The local picture for one force and month, from the API or an archive: category mix, places, outcomes,
locations, and a reconciliation with the official Home Office quarterly counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from peelstats import config
from peelstats.analysis.results import Result
from peelstats.ingest import vintage_order
from peelstats.ingest.dataset import Dataset
from peelstats.ingest.sources.base import SourceId
from peelstats.policeuk.archive import street_records
from peelstats.policeuk.categories import CATEGORIES, category
from peelstats.policeuk.client import PoliceUK, force_slug, month_text
from peelstats.reference import forces
from peelstats.reference import offences as off

RECORD_COLUMNS = ["category", "is_crime", "latitude", "longitude", "place", "outcome"]
_NAME_BY_SLUG = {c.slug: c.name for c in CATEGORIES}

RECONCILIATION_NOTE = (
    "police.uk and the Home Office tables count differently: police.uk publishes each month's crimes as "
    "extracted then (later reclassifications and cancellations are not carried back), groups offences into 14 "
    "categories of its own, and some forces' files omit crimes (e.g. some sexual offences are withheld from the "
    "maps). The Home Office open data are quarterly, revised in later releases and classified by offence code. "
    "So a police.uk month is set against one third of the official quarter only as a rough scale check.")


def resolve_source(source: str | None, month: str) -> str:
    """``api``, or a file/folder/zip path. None: the mirror's police.uk street folder if it has one, else the API."""
    if source not in (None, ""):
        return str(source)
    mirror = config.mirror()
    if mirror and not mirror.startswith(("http://", "https://")):
        folder = Path(mirror) / "policeuk" / "street" / month
        if folder.is_dir():
            return str(folder)
    return "api"


@dataclass(frozen=True)
class LocalRecords(Result):
    """One force's police.uk records for one month, and where they came from (``api`` or an archive path)."""

    force: str = ""
    month: str = ""
    source: str = ""

    def title(self) -> str:
        return f"{self.force}, {self.month}: police.uk records ({self.source})"


@dataclass(frozen=True)
class Reconciliation(Result):
    """A police.uk month set beside the Home Office quarter that holds it."""

    quarter: str | None = None
    edition: str | None = None
    note: str = ""

    def title(self) -> str:
        return f"police.uk against the Home Office quarter {self.quarter or '(none held)'}"


def local_records(force: str, month: str, source: str | None = None, client: PoliceUK | None = None) -> LocalRecords:
    """One row per crime or ASB report: category (police.uk name), is_crime, latitude, longitude, place, outcome.

    ``place`` is the LSOA name from the archive, or the street name from the API (which gives no LSOA).
    """
    month = month_text(month)  # pd.Period would read "March" as March of year 1 and find nothing
    slug = force_slug(force)
    subject = forces.lookup(force)
    where = resolve_source(source, month)
    if where == "api":
        api = client or PoliceUK()
        crimes = api.crimes_for_force(slug, month)
        frame = pd.DataFrame({
            "category": crimes.category.map(lambda s: _NAME_BY_SLUG.get(s, s)),
            "latitude": crimes.latitude, "longitude": crimes.longitude,
            "place": crimes.street_name, "outcome": crimes.outcome_category,
        })
    else:
        rows = street_records([where], force=slug)
        rows = rows[rows.Month == pd.Period(month, freq="M")]
        frame = pd.DataFrame({
            "category": rows["Crime type"], "latitude": rows.Latitude, "longitude": rows.Longitude,
            "place": rows["LSOA name"].replace("", None), "outcome": rows["Last outcome category"].replace("", None),
        })
    frame["is_crime"] = frame.category.map(lambda c: cat.is_crime if (cat := category(c)) else True)
    return LocalRecords(frame[RECORD_COLUMNS].reset_index(drop=True), subject.name, month, where)


def category_mix(records: LocalRecords) -> pd.DataFrame:
    counts = records.table.groupby(["category", "is_crime"]).size().rename("count").reset_index()
    crimes = counts[counts.is_crime]["count"].sum()
    counts["share_of_crime_pct"] = np.where(counts.is_crime, counts["count"] / crimes * 100 if crimes else np.nan,
                                            np.nan)
    counts["home_office_offence"] = counts.category.map(lambda c: cat.offence if (cat := category(c)) else None)
    return counts.sort_values(["is_crime", "count"], ascending=[False, False]).reset_index(drop=True)


def top_places(records: LocalRecords, n: int = 10) -> pd.DataFrame:
    table = records.table
    crimes = table[table.is_crime & table.place.notna()]
    return crimes.groupby("place").size().rename("crimes").sort_values(ascending=False).head(n).reset_index()


def outcomes(records: LocalRecords) -> pd.DataFrame:
    crimes = records.table[records.table.is_crime]
    table = crimes.outcome.fillna("(no outcome recorded)").value_counts().rename("crimes").reset_index()
    table["share_pct"] = table.crimes / table.crimes.sum() * 100 if len(table) else []
    return table


def reconciliation(records: LocalRecords, data: Dataset) -> Reconciliation:
    """police.uk month (mapped categories) next to the Home Office quarter containing it, for the same force."""
    force = forces.lookup(records.force)
    month = pd.Period(records.month, freq="M")
    counts = data.counts
    quarter = counts[(counts.source == SourceId.PRC_OPEN_DATA) & (counts.geography_code == force.code)
                     & (counts.period_start <= month.start_time) & (counts.period_end >= month.end_time.normalize())]
    if quarter.edition.nunique() > 1:  # several vintages hold the quarter: the newest, never their sum
        newest = vintage_order.newest(SourceId.PRC_OPEN_DATA, [str(e) for e in quarter.edition.unique()])
        quarter = quarter[quarter.edition == newest]
    official = quarter.groupby("offence", observed=True)["count"].sum()
    edition = str(quarter.edition.iloc[0]) if len(quarter) else None
    period = (f"{quarter.period_start.iloc[0]:%b %Y} to {quarter.period_end.iloc[0]:%b %Y}" if len(quarter) else None)
    mix = category_mix(records)
    rows = []
    for cat in CATEGORIES:
        if cat.offence is None:
            continue
        month_count = int(mix.loc[mix.category == cat.name, "count"].sum())
        leaves = [o for o in off.leaves_of(cat.offence) if o in official.index]
        quarter_count = float(official[leaves].sum()) if leaves else np.nan
        rows.append({"police.uk category": cat.name, "police.uk month": month_count,
                     "Home Office offence": cat.offence, "Home Office quarter": quarter_count,
                     "quarter / 3": quarter_count / 3 if np.isfinite(quarter_count) else np.nan,
                     "police.uk as % of quarter / 3": month_count / (quarter_count / 3) * 100
                     if np.isfinite(quarter_count) and quarter_count > 0 else np.nan})
    return Reconciliation(pd.DataFrame(rows), period, edition, RECONCILIATION_NOTE)
