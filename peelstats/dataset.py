"""Load the tidy dataset built by :mod:`peelstats.build`.

>>> import peelstats
>>> data = peelstats.load()          # doctest: +SKIP
>>> data.counts.query("geography_name == 'West Mercia'")   # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from peelstats import config, schema
from peelstats.build import BUILD_FILE, read_build_info
from peelstats.exceptions import DataNotBuiltError


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
    tables = {}
    for table in schema.TABLES:
        path = folder / f"{table}.parquet"
        if not path.is_file():
            raise DataNotBuiltError(f"{path} is missing; rebuild with `peelstats build --force`")
        tables[table] = pq.read_table(path).to_pandas()
    dataset = Dataset(**tables, build_info=read_build_info(folder) or {}, folder=folder)
    _cache[folder] = (stamp, dataset)
    return dataset
