"""Speed of the data layer, printed (not asserted): cold build, warm load, and the naive way.

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_data.py``

* cold build  - every raw file parsed into the tidy parquet tables (target < 10 s);
* warm load   - the whole tidy dataset read back from parquet (target < 0.3 s);
* naive load  - ``pandas.read_excel`` (openpyxl / odfpy) and ``read_csv`` on every raw file, every time,
                which is what a notebook without peelstats does (target: warm load >= 20x faster).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from common import mirror_or_exit

from peelstats.ingest.build import build
from peelstats.ingest.cache import RawCache
from peelstats.ingest.dataset import load
from peelstats.ingest.fetch import cached_files, fetch


def timed(func, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        out.append(time.perf_counter() - start)
    return out


def naive_load(files: list[Path]) -> None:
    for path in files:
        if path.suffix == ".xlsx":
            pd.read_excel(path, sheet_name=None, engine="openpyxl")
        elif path.suffix == ".ods":
            pd.read_excel(path, sheet_name=None, engine="odf")
        else:
            pd.read_csv(path)


def main() -> int:
    mirror = mirror_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        cache = RawCache(root / "raw")
        fetch_s = timed(lambda: fetch(cache=cache, mirror=mirror, refresh=True), 1)[0]
        files = [path for _, path, _ in cached_files(cache)]
        size = sum(p.stat().st_size for p in files)
        cold = timed(lambda: build(cache=cache, out_dir=root / "processed", refresh=True), 3)
        skip = timed(lambda: build(cache=cache, out_dir=root / "processed"), 3)
        warm = timed(lambda: load(root / "processed", fresh=True), 10)
        naive = timed(lambda: naive_load(files), 2)
        data = load(root / "processed")
    rows = len(data.counts)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, pandas {pd.__version__}")
    print(f"inputs: {len(files)} raw files, {size / 1e6:.1f} MB; tidy counts table {rows:,} rows")
    print(f"fetch from mirror (copy + sha256):   {fetch_s:7.3f} s")
    print(f"cold build (median of 3):            {statistics.median(cold):7.3f} s   target < 10 s")
    print(f"build with unchanged inputs (skip):  {statistics.median(skip):7.3f} s")
    print(f"warm load from parquet (median of 10): {statistics.median(warm):5.3f} s   target < 0.3 s")
    print(f"naive read_excel/read_csv (median of 2): {statistics.median(naive):5.3f} s")
    print(f"speed-up warm vs naive:              {statistics.median(naive) / statistics.median(warm):7.1f}x  "
          "target >= 20x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
