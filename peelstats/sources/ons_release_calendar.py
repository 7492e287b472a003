"""ONS crime bulletin release dates, as transcribed into ``ons/release_calendar.csv`` of a mirror.

ONS publishes no machine-readable release calendar for these bulletins, so this source is *mirror-only*:
fetched when ``PEELSTATS_MIRROR`` holds it, skipped otherwise. :mod:`peelstats.releases` falls back to the
release-date table shipped in the package.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from peelstats.exceptions import LayoutError
from peelstats.sources.base import ParsedTables, RemoteFile, Source

SOURCE_ID = "ons-release-calendar"
COLUMNS = ["period_end", "publication_date", "title", "source_url"]


def files() -> list[RemoteFile]:
    return [RemoteFile(
        source_id=SOURCE_ID,
        filename="release_calendar.csv",
        url="https://www.ons.gov.uk/releasecalendar",
        mirror_path="ons/release_calendar.csv",
        edition="transcribed from ONS bulletin pages",
        format="csv",
        known_sha256="848bfb06ee33a531bade8a297d35a2ebfddf75cb91302cc6f5a75444a63dd7d0",
        note="mirror-only: ONS has no machine-readable calendar for these releases",
    )]


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
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
