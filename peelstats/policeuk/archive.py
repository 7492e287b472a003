"""data.police.uk monthly archive reader: street-level CSVs from a file, a folder or an archive zip.

Files are named ``YYYY-MM-<force>-street.csv``. A zip is streamed member by member (never extracted), and
every member path is checked first: an absolute path or a ``..`` component refuses the whole archive. Counts
are aggregated chunk by chunk, so memory stays flat however many rows pass through.

Anti-social behaviour has no crime id and is not a crime: it is counted on its own rows (``is_crime`` False),
never inside "crime".
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

import pandas as pd

from peelstats import forces
from peelstats.exceptions import PeelstatsError
from peelstats.policeuk.categories import category

STREET_FILE = re.compile(r"(?:^|/)(\d{4}-\d{2})-([a-z0-9-]+)-street\.csv$")
BY = {"category": [], "lsoa": ["LSOA code", "LSOA name"], "outcome": ["Last outcome category"]}
COLUMNS = ["Month", "Falls within", "Crime type", "LSOA code", "LSOA name", "Last outcome category"]
CHUNK_ROWS = 100_000


class UnsafeArchiveError(PeelstatsError):
    """A zip member whose path would escape the target folder."""


class ArchiveLayoutError(PeelstatsError):
    """A street CSV without the expected columns."""


def _check_member(name: str, archive: str) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", name):
        raise UnsafeArchiveError(f"{archive}: member {name!r} would be written outside the target folder; "
                                 "refusing the archive")


def street_files(sources: Iterable[str | Path]) -> Iterator[tuple[str, str, str, io.BufferedIOBase]]:
    """(name, month, force slug, binary stream) for every street CSV in the files, folders and zips given."""
    for source in sources:
        source = Path(source)
        if source.is_dir():
            for path in sorted(source.rglob("*-street.csv")):
                yield from _one_file(path.name, lambda p=path: p.open("rb"))
        elif zipfile.is_zipfile(source):
            with zipfile.ZipFile(source) as archive:
                members = archive.infolist()
                for member in members:
                    _check_member(member.filename, str(source))
                for member in members:
                    if STREET_FILE.search(member.filename):
                        yield from _one_file(member.filename, lambda m=member: archive.open(m))
        elif source.is_file():
            yield from _one_file(source.name, lambda s=source: s.open("rb"))
        else:
            raise PeelstatsError(f"{source}: no such file, folder or zip")


def _one_file(name: str, opener):
    match = STREET_FILE.search(name)
    if not match:
        raise ArchiveLayoutError(f"{name}: not a police.uk street file (expected YYYY-MM-<force>-street.csv)")
    with opener() as stream:
        yield name, match.group(1), match.group(2), stream


def _wanted(selection: Iterable[str] | None) -> set[str] | None:
    if not selection:
        return None
    return {forces.lookup(f).slug for f in selection}


def street_counts(sources: Iterable[str | Path], *, force: Iterable[str] | str | None = None,
                  by: str = "category") -> pd.DataFrame:
    """Monthly counts by police.uk category (and by LSOA or outcome on request), streamed.

    Columns: force, force_slug, month, category, is_crime, home_office_offence, [lsoa_code, lsoa_name |
    outcome], count.
    """
    if by not in BY:
        raise PeelstatsError(f"--by must be one of {', '.join(BY)}, not {by!r}")
    if isinstance(force, str):
        force = [force]
    wanted = _wanted(force)
    extra = BY[by]
    totals: Counter = Counter()
    names: dict[str, str] = {}
    for name, _month, slug, stream in street_files(sources if not isinstance(sources, str | Path) else [sources]):
        if wanted is not None and slug not in wanted:
            continue
        reader = pd.read_csv(stream, usecols=lambda c: c in COLUMNS, dtype="string", chunksize=CHUNK_ROWS,
                             keep_default_na=False, encoding="utf-8-sig")
        for chunk in reader:
            missing = [c for c in ("Month", "Falls within", "Crime type", *extra) if c not in chunk.columns]
            if missing:
                raise ArchiveLayoutError(f"{name}: columns {missing} not found")
            keys = ["Month", "Crime type", *extra]
            grouped = chunk.groupby(keys, dropna=False, observed=True).size()
            for key, count in grouped.items():
                totals[(slug, *key)] += int(count)
            if slug not in names and len(chunk):
                names[slug] = chunk["Falls within"].iloc[0]
    rows = []
    for (slug, month, crime_type, *rest), count in totals.items():
        known = forces.try_lookup(slug)
        cat = category(crime_type)
        row = {"force": known.name if known else names.get(slug, slug), "force_slug": slug, "month": month,
               "category": crime_type, "is_crime": cat.is_crime if cat else True,
               "home_office_offence": cat.offence if cat else None}
        if by == "lsoa":
            row.update(lsoa_code=rest[0] or None, lsoa_name=rest[1] or None)
        elif by == "outcome":
            row["outcome"] = rest[0] or ("(none: anti-social behaviour)" if cat and not cat.is_crime
                                         else "(no outcome recorded)")
        row["count"] = count
        rows.append(row)
    columns = ["force", "force_slug", "month", "category", "is_crime", "home_office_offence",
               *{"lsoa": ["lsoa_code", "lsoa_name"], "outcome": ["outcome"]}.get(by, []), "count"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["month"] = pd.PeriodIndex(frame["month"], freq="M") if len(frame) else pd.Series([], dtype="period[M]")
    frame["count"] = frame["count"].astype("int64")
    return frame.sort_values(["force", "month", "count"], ascending=[True, True, False]).reset_index(drop=True)


def street_records(sources: Iterable[str | Path], *, force: Iterable[str] | str | None = None) -> pd.DataFrame:
    """Every row (for maps and local detail): longitude/latitude as floats, month as a period."""
    if isinstance(force, str):
        force = [force]
    wanted = _wanted(force)
    frames = []
    for _, _, slug, stream in street_files(sources if not isinstance(sources, str | Path) else [sources]):
        if wanted is not None and slug not in wanted:
            continue
        frame = pd.read_csv(stream, dtype="string", keep_default_na=False, encoding="utf-8-sig")
        frame["force_slug"] = slug
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=["Crime ID", "Month", "Longitude", "Latitude", "Crime type", "force_slug"])
    frame = pd.concat(frames, ignore_index=True)
    for column in ("Longitude", "Latitude"):
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    frame["Month"] = pd.PeriodIndex(frame["Month"], freq="M")
    frame["is_crime"] = frame["Crime type"].map(lambda c: category(c).is_crime if category(c) else True)
    return frame
