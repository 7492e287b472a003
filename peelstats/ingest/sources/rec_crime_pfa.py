"""Recorded crime at Police Force Area level (``rec-crime-pfa.csv``): the long series.

Rolling 12-month totals by force x offence, year ending March 2003 to year ending December 2018 (this
vintage): annual March points to 2007, quarterly from June 2007. Forces only (no regional or national rows),
plus British Transport Police and the fraud bodies as separate "PFA" values.

Quirks handled: the December 2017 quarter is labelled ``30-12-2017`` (snapped to the quarter end); both the
old (domestic/non-domestic) and new (residential/non-residential) burglary series are kept as published;
negative counts are kept and flagged; rows that are absent stay absent (never zero).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from peelstats.errors import LayoutError
from peelstats.ingest.sources import completeness
from peelstats.ingest.sources.base import ParsedTables, RemoteFile, Source, SourceId
from peelstats.reference import forces, periods
from peelstats.reference import offences as off

SOURCE_ID = SourceId.REC_CRIME_PFA
COLUMNS = ["12 months ending", "PFA", "Region", "Offence", "Rolling year total number of offences"]
# The fraud bodies' rows carry the body's name as the offence.
_FRAUD_BODY_OFFENCES = {"action fraud", "cifas", "uk finance", "financial fraud action uk"}


def files() -> list[RemoteFile]:
    return [RemoteFile(
        source_id=SOURCE_ID,
        filename="rec-crime-pfa.csv",
        url="https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables",
        mirror_path="ons/rec-crime-pfa.csv",
        edition="QE Dec 2018 vintage",
        format="csv",
        period_end="2018-12-31",
        url_verified=False,
        published="2019-04",
        known_sha256="1d199879f3d9a01aa78da5cef89a08701b15109a10ccbd551c5a211f03c90722",
        note="Published by ONS/Home Office as 'Recorded crime data at Police Force Area level'; the exact "
             "download URL of this vintage is not known, so the default points at the landing page.",
    )]


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    frame = pd.read_csv(path, dtype="string", encoding="utf-8-sig")
    frame.columns = [str(c).strip() for c in frame.columns]
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise LayoutError(
            f"{path.name}: expected columns {missing} not found; columns are {list(frame.columns)}"
        )
    count_text = frame["Rolling year total number of offences"].str.strip().str.replace(",", "", regex=False)
    counts = pd.to_numeric(count_text, errors="coerce")
    bad = counts.isna()
    if bad.any():
        first = frame.index[bad][0]
        shown = "blank" if pd.isna(count_text[first]) or not str(count_text[first]) else repr(count_text[first])
        raise LayoutError(f"{path.name}: column 'Rolling year total number of offences', data row {first + 1}: "
                          f"{shown} is not a number")
    for column in ("PFA", "Offence"):
        blank = frame[column].isna() | (frame[column].str.strip() == "")
        if blank.any():
            raise LayoutError(f"{path.name}: column {column!r}, data row {frame.index[blank][0] + 1} is blank")
    dates = pd.to_datetime(frame["12 months ending"].str.strip(), format="%d-%m-%Y", errors="coerce")
    if dates.isna().any():
        first = frame.index[dates.isna()][0]
        raise LayoutError(f"{path.name}: column '12 months ending', data row {first + 1}: "
                          f"{frame['12 months ending'][first]!r} is not a dd-mm-yyyy date")
    unique_dates = pd.Series(dates.unique())
    snapped = dict(zip(unique_dates, unique_dates.map(periods.snap_to_quarter_end), strict=True))
    period_end = dates.map(snapped)

    geo = {}
    for name in frame["PFA"].dropna().unique():
        try:
            geo[name] = forces.classify_geography(None, name)
        except KeyError as error:
            raise LayoutError(f"{path.name}: column 'PFA' has unknown force {name!r}") from error
    offence_names = {}
    for label in frame["Offence"].dropna().unique():
        canonical = off.FRAUD if label.strip().lower() in _FRAUD_BODY_OFFENCES else off.try_canonical(label)
        if canonical is None:
            raise LayoutError(f"{path.name}: column 'Offence' has unknown offence {label!r}")
        offence_names[label] = canonical

    geo_frame = pd.DataFrame.from_dict(geo, orient="index",
                                       columns=["geography_code", "geography_name", "geography_level"])
    out = pd.DataFrame({
        "source": SOURCE_ID,
        "edition": remote.edition,
        "period_start": period_end.map({end: periods.rolling_year_start(end) for end in snapped.values()}),
        "period_end": period_end,
        "period_kind": periods.ROLLING_YEAR,
        "offence": frame["Offence"].map(offence_names),
        "count": counts.astype("int64"),
    })
    out = pd.concat([out, geo_frame.reindex(frame["PFA"].to_numpy()).reset_index(drop=True)], axis=1)
    out["offence_group"] = out["offence"].map({o: off.group_of(o) for o in offence_names.values()})
    out["negative"] = out["count"] < 0
    completeness.check_no_duplicates(out, path.name, ["period_end", "geography_code", "offence"])
    completeness.check_forces_by_period(out, path.name)
    completeness.check_quarters(out.period_end, path.name, registered_end=remote.period_end)
    return {"counts": out}


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Office for National Statistics / Home Office",
    title="Recorded crime data at Police Force Area level (rolling 12-month totals)",
    landing_page="https://www.gov.uk/government/statistics/police-recorded-crime-open-data-tables",
    format="csv",
    edition_note="One file, replaced each quarter; this vintage runs YE March 2003 to YE December 2018.",
    parser=parse,
    files=files,
    caveats=(
        "Annual (March) points only before June 2007.",
        "Old and new burglary sub-series overlap in rolling years June-December 2017; sum all four for total "
        "burglary.",
    ),
)
