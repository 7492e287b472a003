"""Report speed, printed (not asserted): the default report, and a batch of 43 forces with 1 and 2 workers.

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_reports.py [--forces N]``

Targets: default report under 60 s; the batch (43 forces x force_vs_national) at least 1.6x faster with 2
workers than with 1. Reports go to a temporary folder; the dataset is built there from the mirror.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import yaml
from common import build_dataset, mirror_or_exit

from peelstats import config
from peelstats.reference import forces
from peelstats.reporting.batch import run_batch
from peelstats.reporting.report import report


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forces", type=int, default=43, help="how many forces in the batch (default 43)")
    args = parser.parse_args()
    mirror = mirror_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        os.environ[config.DATA_DIR_ENV] = str(root / "data")
        build_dataset(root / "data", mirror)
        start = time.perf_counter()
        run = report(out=root / "reports")
        default_s = time.perf_counter() - start
        assert not run.failed, run.failed
        names = [f.name for f in forces.TERRITORIAL_FORCES][: args.forces]
        schedule = root / "schedule.yaml"
        timings = {}
        for workers in (1, 2):
            schedule.write_text(yaml.safe_dump({"period_end": "2018-03-31", "forces": names,
                                                "notebooks": ["force_vs_national"],
                                                "out": str(root / f"batch-{workers}")}))
            start = time.perf_counter()
            summary = run_batch(schedule, workers=workers, refresh=True, progress=False)
            timings[workers] = time.perf_counter() - start
            assert (summary.status == "ok").all(), summary[summary.status != "ok"]
    print(f"machine: {os.cpu_count()} cores")
    print(f"default report (4 notebooks, HTML, index): {default_s:6.1f} s   target < 60 s")
    print(f"batch {len(names)} forces x force_vs_national, 1 worker:  {timings[1]:6.1f} s "
          f"({timings[1] / len(names):.1f} s per report)")
    print(f"batch {len(names)} forces x force_vs_national, 2 workers: {timings[2]:6.1f} s")
    print(f"speed-up 2 workers vs 1: {timings[1] / timings[2]:.2f}x   target >= 1.6x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
