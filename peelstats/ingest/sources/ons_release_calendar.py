"""ONS crime bulletin release dates, as transcribed into a mirror: ``ons/release_calendar.csv`` (read from
bulletin pages) and ``ons/release_dates.csv`` (compiled, YE June 2016 onwards, each row with its evidence).

ONS publishes no machine-readable release calendar for these bulletins, so this source is *mirror-only*:
fetched when ``PEELSTATS_MIRROR`` holds it, skipped otherwise. :mod:`peelstats.reference.releases` falls back to the
release-date table shipped in the package, then to an estimate from ONS's quarterly pattern.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from peelstats.errors import LayoutError, PeelstatsError
from peelstats.ingest.sources.base import ParsedTables, RemoteFile, Source, SourceId
from peelstats.reference import periods

log = logging.getLogger(__name__)

SOURCE_ID = SourceId.ONS_RELEASE_CALENDAR
COLUMNS = ["period_end", "publication_date", "title", "source_url"]
COMPILED_COLUMNS = ["period_ye", "bulletin_release_date", "evidence_url", "note"]


def files() -> list[RemoteFile]:
    return [
        RemoteFile(
            source_id=SOURCE_ID,
            filename="release_calendar.csv",
            url="https://www.ons.gov.uk/releasecalendar",
            mirror_path="ons/release_calendar.csv",
            edition="transcribed from ONS bulletin pages",
            format="csv",
            known_sha256="848bfb06ee33a531bade8a297d35a2ebfddf75cb91302cc6f5a75444a63dd7d0",
            note="mirror-only: ONS has no machine-readable calendar for these releases",
        ),
        RemoteFile(
            source_id=SOURCE_ID,
            filename="release_dates.csv",
            url="https://www.ons.gov.uk/releasecalendar",
            mirror_path="ons/release_dates.csv",
            edition="compiled from bulletin pages and same-day coverage, YE Jun 2016 to YE Jun 2025",
            format="csv",
            known_sha256="4b04cbd868a9c943fbfc5e58997d4670012ef51128c5b70a8f8834912ff43d23",
            note="mirror-only: each row names its evidence and how sure it is",
        ),
    ]


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if "period_ye" in frame.columns:
        return _parse_compiled(path, remote, frame)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise LayoutError(f"{path.name}: expected columns {missing} not found; columns are {list(frame.columns)}")
    out = frame[COLUMNS].copy()
    for column in ("period_end", "publication_date"):
        out[column] = pd.to_datetime(out[column], format="%Y-%m-%d", errors="coerce")
        if out[column].isna().any():
            raise LayoutError(f"{path.name}: column {column!r} has values that are not YYYY-MM-DD dates")
    out.insert(0, "source", SOURCE_ID)
    out.insert(1, "edition", remote.edition)
    out["basis"] = "ONS bulletin release date (transcribed)"
    return {"releases": out}


def _parse_compiled(path: Path, remote: RemoteFile, frame: pd.DataFrame) -> ParsedTables:
    """``period_ye`` (YYYY-MM), ``bulletin_release_date``; a row without a date was not found and is named."""
    missing = [c for c in COMPILED_COLUMNS if c not in frame.columns]
    if missing:
        raise LayoutError(f"{path.name}: expected columns {missing} not found; columns are {list(frame.columns)}")
    rows = []
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        try:
            period = periods.parse_period_end(row.period_ye)
        except PeelstatsError as error:
            raise LayoutError(f"{path.name}, line {number}: column 'period_ye': {error}") from error
        if not row.bulletin_release_date.strip():
            log.warning("%s, line %d: no release date for %s (%s); peelstats estimates it", path.name, number,
                        periods.label(period), row.note.strip() or "no note")
            continue
        published = pd.to_datetime(row.bulletin_release_date.strip(), format="%Y-%m-%d", errors="coerce")
        if pd.isna(published):
            raise LayoutError(f"{path.name}, line {number}: column 'bulletin_release_date': "
                              f"{row.bulletin_release_date!r} is not a YYYY-MM-DD date")
        rows.append({"source": SOURCE_ID, "edition": remote.edition, "period_end": period,
                     "publication_date": published, "title": f"Crime in England and Wales: {periods.label(period)}",
                     "source_url": row.evidence_url, "basis": f"compiled: {row.note.strip()}"})
    return {"releases": pd.DataFrame(rows)}


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Office for National Statistics",
    title="Crime in England and Wales bulletin release dates",
    landing_page="https://www.ons.gov.uk/releasecalendar",
    format="csv",
    edition_note="Transcribed release dates; used to say what was public on a claim's date.",
    parser=parse,
    files=files,
    mirror_only=True,
)
