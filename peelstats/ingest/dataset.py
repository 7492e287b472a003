"""Load the tidy dataset built by :mod:`peelstats.ingest.build`.

>>> import peelstats
>>> data = peelstats.load()          # doctest: +SKIP
>>> data.counts.query("geography_name == 'West Mercia'")   # doctest: +SKIP
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from peelstats import config
from peelstats.errors import DataNotBuiltError
from peelstats.ingest import schema
from peelstats.ingest.build_record import BUILD_FILE, read_build_info, tables_readable

log = logging.getLogger(__name__)


@dataclass
class Dataset:
    """The tidy tables (see ``docs/data.md``) plus the build information that produced them."""

    counts: pd.DataFrame
    published_change: pd.DataFrame
    rates: pd.DataFrame
    population: pd.DataFrame
    not_available: pd.DataFrame
    footnotes: pd.DataFrame
    releases: pd.DataFrame
    build_info: dict = field(default_factory=dict)
    folder: Path | None = None
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # derived results (panels) per load

    def editions(self) -> pd.DataFrame:
        """Every (source, edition) with its period range and row count."""
        counts = self.counts
        grouped = counts.groupby(["source", "edition"], observed=True).agg(
            first_period=("period_end", "min"), last_period=("period_end", "max"), rows=("count", "size"))
        return grouped.reset_index().sort_values(["source", "last_period"])


_cache: dict[Path, tuple[float, Dataset]] = {}


def _rebuild(folder: Path) -> None:
    from peelstats.ingest.build import build
    from peelstats.ingest.cache import RawCache

    beside = folder.parent / "raw"
    cache = RawCache(beside) if beside.is_dir() else RawCache()
    log.warning("The tidy dataset in %s is damaged; rebuilding it from the raw files in %s", folder, cache.root)
    try:
        build(refresh=True, cache=cache, out_dir=folder)
    except DataNotBuiltError as error:
        raise DataNotBuiltError(f"The tidy dataset in {folder} is damaged and cannot be rebuilt: {error}") from None


def _read_tables(folder: Path) -> dict[str, pd.DataFrame]:
    return {table: pq.read_table(folder / f"{table}.parquet").to_pandas() for table in schema.TABLES}


def load(folder: Path | None = None, *, fresh: bool = False) -> Dataset:
    """The tidy dataset from parquet; cached in memory until the folder is rebuilt."""
    folder = Path(folder) if folder is not None else config.processed_dir()
    stamp_file = folder / BUILD_FILE
    if not stamp_file.is_file():
        raise DataNotBuiltError(
            f"No tidy dataset in {folder}; run `peelstats fetch` then `peelstats build` "
            f"(or `make data`). Set {config.MIRROR_ENV} to work offline."
        )
    stamp = stamp_file.stat().st_mtime
    cached = _cache.get(folder)
    if cached and cached[0] == stamp and not fresh:
        return cached[1]
    if read_build_info(folder) is None or not tables_readable(folder):
        _rebuild(folder)  # a damaged build record or table: rebuilt from the raw files, with a warning
        stamp = stamp_file.stat().st_mtime
    try:
        tables = _read_tables(folder)
    except (OSError, ValueError) as error:  # damage the checks could not see (a build recorded no table hashes)
        log.warning("%s: a table does not read (%s)", folder, str(error).splitlines()[0] if str(error) else error)
        _rebuild(folder)
        stamp = stamp_file.stat().st_mtime
        tables = _read_tables(folder)
    dataset = Dataset(**tables, build_info=read_build_info(folder) or {}, folder=folder)
    _cache[folder] = (stamp, dataset)
    return dataset
