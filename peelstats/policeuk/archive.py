"""data.police.uk monthly archive reader: street-level CSVs from a file, a folder or an archive zip.

Files are named ``YYYY-MM-<force>-street.csv``. A zip is streamed member by member (never extracted), and
every member path is checked first: an absolute path or a ``..`` component refuses the whole archive. Counts
are aggregated chunk by chunk, so memory stays flat however many rows pass through.

Anti-social behaviour has no crime id and is not a crime: it is counted on its own rows (``is_crime`` False),
never inside "crime".

Bad input fails with one line naming the file: a missing source, a damaged zip ("corrupt zip"), a street CSV
that is not UTF-8 CSV text or lacks the columns, the same force and month read twice. Symlinks inside a folder
(or stored in a zip) are skipped with a warning, never followed; an empty zip or folder warns and gives no rows.
"""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path, PurePosixPath

import pandas as pd

from peelstats.errors import (  # noqa: F401 - raised here, importable from here
    ArchiveLayoutError,
    CorruptArchiveError,
    InputFileError,
    UnsafeArchiveError,
    UsageError,
)
from peelstats.policeuk.categories import category
from peelstats.policeuk.client import MONTH, force_slug
from peelstats.reference import forces

log = logging.getLogger(__name__)

STREET_FILE = re.compile(r"(?:^|/)(\d{4}-\d{2})-([a-z0-9-]+)-street\.csv$")
BY = {"category": [], "lsoa": ["LSOA code", "LSOA name"], "outcome": ["Last outcome category"]}
COLUMNS = ["Month", "Falls within", "Crime type", "LSOA code", "LSOA name", "Last outcome category"]
RECORD_COLUMNS = ["Month", "Falls within", "Longitude", "Latitude", "LSOA name", "Crime type",
                  "Last outcome category"]
CHUNK_ROWS = 100_000
READ_BYTES = 1 << 20
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip with members, an empty zip





def _check_member(name: str, archive: str) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", name):
        raise UnsafeArchiveError(f"{archive}: member {name!r} would be written outside the target folder; "
                                 "refusing the archive")


def street_files(sources: Iterable[str | Path]) -> Iterator[tuple[str, str, str, io.BufferedIOBase]]:
    """(name, month, force slug, binary stream) for every street CSV in the files, folders and zips given.

    ``name`` is the path as given (``<member> in <zip>`` for a zip member), for messages. Reading a stream raises
    :class:`ArchiveLayoutError` at a NUL byte and :class:`CorruptArchiveError` on damaged zip data.
    """
    paths = [Path(s) for s in sources]
    for source in paths:  # all first: a typo in the last path should not wait for a long read
        if not source.exists():
            raise InputFileError(f"{source}: no such file, folder or zip")
    seen: dict[tuple[str, str], str] = {}
    for source in paths:
        if source.is_dir():
            files = _folder(source)
        elif _is_zip(source):
            files = _zip(source)
        else:
            files = _one_file(source.name, str(source), partial(_open_binary, source))
        for name, month, slug, stream in files:
            # the same force-month twice (a folder and its zip, say) would double every count
            if (month, slug) in seen:
                raise ArchiveLayoutError(f"{name}: {slug} {month} was already read from {seen[month, slug]}; "
                                     "give each month once")
            seen[month, slug] = name
            yield name, month, slug, stream


def _is_zip(path: Path) -> bool:
    """By name or by magic number, so that a damaged zip is reported as one rather than as a stray file."""
    if path.suffix.lower() == ".zip":
        return True
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except OSError as error:
        raise InputFileError(f"{path}: cannot read ({error.strerror or error})") from None
    return head in ZIP_MAGIC or zipfile.is_zipfile(path)


def _folder(folder: Path):
    def refuse(error: OSError):  # os.walk would otherwise skip an unreadable subfolder in silence
        raise InputFileError(f"{error.filename}: cannot read the folder ({error.strerror or error})")

    paths = []
    for root, dirs, names in os.walk(folder, onerror=refuse):  # followlinks=False
        for name in sorted(dirs):
            if os.path.islink(os.path.join(root, name)):
                log.warning("%s: symlinked folder skipped (links are not followed)", os.path.join(root, name))
                dirs.remove(name)
        for name in names:
            path = Path(root, name)
            if not name.endswith("-street.csv"):
                continue
            if path.is_symlink():
                log.warning("%s: symlink skipped (links are not followed)", path)
            elif not path.is_file():
                log.warning("%s: not a regular file, skipped", path)
            else:
                paths.append(path)
    if not paths:
        log.warning("%s: no street CSVs (YYYY-MM-<force>-street.csv) in the folder; nothing read", folder)
    for path in sorted(paths):
        yield from _one_file(path.name, str(path), partial(_open_binary, path))


def _zip(source: Path):
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, EOFError, ValueError) as error:
        detail = str(error)
        if detail == "File is not a zip file":  # zipfile's words when the directory at the end is missing
            detail = "no zip directory at its end: a truncated download, or not a zip at all"
        raise CorruptArchiveError(f"{source}: corrupt zip ({detail}); download it again") from None
    except OSError as error:
        raise InputFileError(f"{source}: cannot read ({error.strerror or error})") from None
    with archive:
        members = archive.infolist()
        for member in members:
            _check_member(member.filename, str(source))
        if not members:
            log.warning("%s: empty zip (no files in it); nothing read", source)
            return
        street = []
        for member in members:
            if not STREET_FILE.search(member.filename):
                continue
            if stat.S_ISLNK(member.external_attr >> 16):
                log.warning("%s in %s: symlink skipped (links are not followed)", member.filename, source)
            else:
                street.append(member)
        if not street:
            log.warning("%s: no street CSVs (YYYY-MM-<force>-street.csv) in the zip; nothing read", source)
        for member in street:
            label = f"{member.filename} in {source}"
            yield from _one_file(member.filename, label, partial(_open_member, archive, member, label))


def _open_binary(path: Path) -> io.BufferedReader:
    return path.open("rb")  # not partial(path.open, "rb"): mypy would take open()'s first (text) overload


def _open_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, label: str):
    try:
        return archive.open(member)
    except zipfile.BadZipFile as error:
        raise CorruptArchiveError(f"{label}: corrupt zip ({error}); download it again") from None
    except (NotImplementedError, RuntimeError) as error:  # e.g. Windows' Deflate64, or a password
        raise InputFileError(f"{label}: cannot be read from the zip ({error}); extract it with another tool "
                             "and give the folder") from None


def _one_file(name: str, label: str, opener: Callable[[], io.BufferedIOBase]):
    match = STREET_FILE.search(name)
    if not match:
        raise ArchiveLayoutError(f"{label}: not a police.uk street file (expected YYYY-MM-<force>-street.csv)")
    try:
        stream = opener()
    except OSError as error:
        raise InputFileError(f"{label}: cannot read ({error.strerror or error})") from None
    with stream:
        yield label, match.group(1), match.group(2), io.BufferedReader(_Guarded(stream, label), READ_BYTES)


class _Guarded(io.RawIOBase):
    """A street CSV's bytes, checked as they stream past.

    police.uk CSVs never hold a NUL byte, and pandas would read a run of them as one blank crime row; zip data
    that fails its CRC or inflation is a corrupt zip, not a Python traceback.
    """

    def __init__(self, raw: io.BufferedIOBase, label: str):
        self._raw = raw
        self._label = label

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self._raw.read(len(buffer))
        except (zipfile.BadZipFile, zlib.error, EOFError) as error:
            raise CorruptArchiveError(f"{self._label}: corrupt zip ({error}); download it again") from None
        except OSError as error:
            raise InputFileError(f"{self._label}: cannot read ({error.strerror or error})") from None
        if b"\0" in data:
            raise ArchiveLayoutError(f"{self._label}: not a CSV (it holds NUL bytes: binary data or a damaged "
                                     "file)")
        buffer[:len(data)] = data
        return len(data)


def _chunks(name: str, stream, required: list[str], usecols=None) -> Iterator[pd.DataFrame]:
    """One street CSV in chunks of rows, its columns and rows checked; what is wrong said in one line."""
    try:
        reader = pd.read_csv(stream, usecols=usecols, dtype="string", chunksize=CHUNK_ROWS, keep_default_na=False,
                             encoding="utf-8-sig")
        for chunk in reader:
            missing = [c for c in required if c not in chunk.columns]
            if missing:
                raise ArchiveLayoutError(f"{name}: columns {missing} not found")
            bad = [m for m in chunk["Month"].unique() if not MONTH.fullmatch(str(m))]
            if bad:
                raise ArchiveLayoutError(f"{name}: Month {bad[0]!r} is not YYYY-MM")
            if (chunk["Crime type"] == "").any():  # a row cut short: a truncated download
                raise ArchiveLayoutError(f"{name}: a row without a Crime type (truncated or damaged file?)")
            yield chunk
    except UnicodeDecodeError as error:
        byte = error.object[error.start:error.start + 1]
        raise ArchiveLayoutError(f"{name}: not UTF-8 text (byte {byte!r}), so not a police.uk street CSV") from None
    except pd.errors.EmptyDataError:
        raise ArchiveLayoutError(f"{name}: empty file, not a police.uk street CSV") from None
    except pd.errors.ParserError as error:
        detail = (str(error).strip().splitlines() or ["unreadable"])[-1]
        raise ArchiveLayoutError(f"{name}: not a CSV ({detail})") from None


def _wanted(selection: Iterable[str] | None) -> set[str] | None:
    if not selection:
        return None
    return {force_slug(f) for f in selection}


def _sources(sources) -> list:
    return [sources] if isinstance(sources, str | Path) else list(sources)


def street_counts(sources: Iterable[str | Path], *, force: Iterable[str] | str | None = None,
                  by: str = "category") -> pd.DataFrame:
    """Monthly counts by police.uk category (and by LSOA or outcome on request), streamed.

    Columns: force, force_slug, month, category, is_crime, home_office_offence, [lsoa_code, lsoa_name |
    outcome], count.
    """
    if by not in BY:
        raise UsageError(f"--by must be one of {', '.join(BY)}, not {by!r}")
    if isinstance(force, str):
        force = [force]
    wanted = _wanted(force)
    extra = BY[by]
    totals: Counter = Counter()
    names: dict[str, str] = {}
    for name, _month, slug, stream in street_files(_sources(sources)):
        if wanted is not None and slug not in wanted:
            continue
        for chunk in _chunks(name, stream, ["Month", "Falls within", "Crime type", *extra],
                             usecols=lambda c: c in COLUMNS):
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
    for name, _, slug, stream in street_files(_sources(sources)):
        if wanted is not None and slug not in wanted:
            continue
        for frame in _chunks(name, stream, RECORD_COLUMNS):
            frames.append(frame.assign(force_slug=slug))
    if not frames:
        return pd.DataFrame(columns=["Crime ID", "Month", "Longitude", "Latitude", "Crime type", "force_slug"])
    frame = pd.concat(frames, ignore_index=True)
    for column in ("Longitude", "Latitude"):
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    frame["Month"] = pd.PeriodIndex(frame["Month"], freq="M")
    frame["is_crime"] = frame["Crime type"].map(lambda c: cat.is_crime if (cat := category(c)) else True)
    return frame
