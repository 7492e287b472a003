"""Speed of the analytics, printed (not asserted).

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_analysis.py``

``league`` for all 43 forces x every offence x every period of the long series (rec-crime-pfa) that has a
year-earlier baseline, warm (dataset loaded, panels built) - target < 1 s - measured two ways: one
``league(offence, period)`` call per period (the cold first pass too), and one ``league(offence, "all")`` call
per offence. Then single ``compare``/``trend`` calls.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import build_dataset, mirror_or_exit

from peelstats.analysis.comparison import compare
from peelstats.analysis.league_table import league
from peelstats.analysis.panel import LONG_SERIES, get_panel
from peelstats.analysis.trends import trend
from peelstats.ingest.dataset import load
from peelstats.reference import offences as off


def all_leagues(data) -> int:
    calls = 0
    for offence in off.OFFENCE_BY_NAME:
        if offence == off.FRAUD:
            continue
        panel = get_panel(data, LONG_SERIES, offence)
        for row, end in enumerate(panel.periods):
            if panel.baselines[row].any() and (panel.baselines[row] == panel.baselines[row]).any():
                league(offence, end, source=LONG_SERIES, data=data)
                calls += 1
    return calls


def all_leagues_vectorised(data) -> int:
    rows = 0
    for offence in off.OFFENCE_BY_NAME:
        if offence != off.FRAUD:
            rows += len(league(offence, "all", source=LONG_SERIES, data=data))
    return rows


def main() -> int:
    mirror = mirror_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        data = load(build_dataset(Path(tmp), mirror), fresh=True)
        start = time.perf_counter()
        calls = all_leagues(data)
        cold = time.perf_counter() - start
        warm = []
        for _ in range(3):
            start = time.perf_counter()
            all_leagues(data)
            warm.append(time.perf_counter() - start)
        vectorised = []
        for _ in range(3):
            start = time.perf_counter()
            rows = all_leagues_vectorised(data)
            vectorised.append(time.perf_counter() - start)
        start = time.perf_counter()
        compare("west mercia", period_end="2018-03-31", data=data)
        compare_s = time.perf_counter() - start
        start = time.perf_counter()
        trend("west mercia", "vehicle offences", data=data)
        trend_s = time.perf_counter() - start
    print(f"league x {calls} (every offence x every long-series period with a baseline, 43 forces each)")
    print(f"  cold (panels built on first use): {cold:6.3f} s")
    print(f"  warm (median of 3):               {statistics.median(warm):6.3f} s   target < 1 s")
    print(f"  per league call, warm:            {statistics.median(warm) / calls * 1000:6.2f} ms")
    print(f"league(offence, 'all') per offence: {rows:,} force-period rows")
    print(f"  warm (median of 3):               {statistics.median(vectorised):6.3f} s   target < 1 s")
    print(f"compare(), warm:                    {compare_s * 1000:6.1f} ms")
    print(f"trend(), warm:                      {trend_s * 1000:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
