"""Shared set-up for the benchmark scripts: the mirror, and a dataset built from it in a temporary folder."""

from __future__ import annotations

import sys
from pathlib import Path

from peelstats import config
from peelstats.ingest.build import build
from peelstats.ingest.cache import RawCache
from peelstats.ingest.fetch import fetch


def mirror_or_exit() -> str:
    mirror = config.mirror()
    if not mirror:
        print(f"Set {config.MIRROR_ENV} (e.g. ../shared/data) so the benchmark can fetch the real files.")
        sys.exit(2)
    return mirror


def build_dataset(data_dir: Path, mirror: str) -> Path:
    """Fetch every source from the mirror into ``data_dir/raw`` and build ``data_dir/processed``."""
    cache = RawCache(data_dir / "raw")
    fetch(cache=cache, mirror=mirror)
    build(cache=cache, out_dir=data_dir / "processed")
    return data_dir / "processed"
