"""The default report against the kernel-start floor, measured side by side in one run (printed, not asserted).

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_report_floor.py [--rounds N]
[--data-dir DIR]`` (``--data-dir``: a dataset already built there, read only, instead of one fetched and built
from the mirror in a temporary folder)

* **floor**: four trivial notebooks (one cell, ``x = 1``) executed by papermill and converted by nbconvert, as
  papermill runs notebooks by default (a kernel started for each), with the report's concurrency (one notebook per
  core at a time): the cost of starting kernels and writing pages, with no analysis. This is the issue's floor;
* **shared-kernel floor**: the same notebooks through peelstats' own runner (a kernel per core, reused), printed
  beside it: what is left of the floor once kernels are shared;
* **report**: the default ``peelstats report`` (West Mercia, YE Mar 2018, the letter's claims), rerun.

Target: the report within 1.5x the floor. Median of ``--rounds`` (default 3), alternating so both see the same
machine load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from common import build_dataset, mirror_or_exit  # noqa: I001 - benchmarks/ is on sys.path when run

from peelstats.reporting import report as reporting


def trivial_notebooks(folder: Path, count: int = 4) -> list[Path]:
    paths = []
    for i in range(count):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})]
        nb.metadata["kernelspec"] = {"name": reporting.KERNEL, "display_name": "Python 3", "language": "python"}
        path = folder / f"trivial{i}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def papermill_floor(notebooks: list[Path], out: Path) -> float:
    """papermill's default way: a kernel started for each notebook, then nbconvert; one notebook per core."""
    from concurrent.futures import ThreadPoolExecutor

    import papermill

    out.mkdir(parents=True)

    def one(path: Path) -> None:
        target = out / path.name
        papermill.execute_notebook(str(path), str(target), kernel_name=reporting.KERNEL, progress_bar=False,
                                   log_output=False, kernel_manager_class=reporting.QuietKernelManager)
        reporting.to_html(target)

    started = time.perf_counter()
    with ThreadPoolExecutor(reporting.notebook_workers(len(notebooks))) as pool:
        list(pool.map(one, notebooks))
    return time.perf_counter() - started


def floor(notebooks: list[Path], out: Path) -> float:
    out.mkdir(parents=True)
    started = time.perf_counter()
    jobs = [(p.stem, p, out, {}) for p in notebooks]
    failed = [n for n in reporting.run_notebooks(jobs, reporting.KERNEL) if n.error]
    if failed:
        raise SystemExit(f"the floor failed: {[(n.name, n.error) for n in failed]}")
    return time.perf_counter() - started


def full_report(out: Path) -> float:
    started = time.perf_counter()
    run = reporting.report(out=out, refresh=True, progress=False)
    if run.failed:
        raise SystemExit(f"the report failed: {[(n.name, n.error) for n in run.failed]}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data-dir", type=Path, help="use the dataset already built in DIR (its processed/ folder)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.data_dir:
            os.environ["PEELSTATS_DATA_DIR"] = str(args.data_dir.resolve())
        else:
            os.environ["PEELSTATS_DATA_DIR"] = str(tmp / "data")
            build_dataset(tmp / "data", mirror_or_exit())
        notebooks = trivial_notebooks(tmp)
        floors, shared, reports = [], [], []
        full_report(tmp / "warm")  # imports, caches and kernel spec lookups warmed once
        for i in range(args.rounds):
            floors.append(papermill_floor(notebooks, tmp / f"floor{i}"))
            shared.append(floor(notebooks, tmp / f"shared{i}"))
            reports.append(full_report(tmp / f"report{i}"))
    f, s, r = statistics.median(floors), statistics.median(shared), statistics.median(reports)

    def runs(values):
        return ", ".join(f"{x:.1f}" for x in values)

    print(f"workers: {reporting.notebook_workers(4)} (notebooks run at once; {os.cpu_count()} cores)")
    print(f"floor  (4 trivial notebooks, papermill + nbconvert, a kernel each): {f:6.1f} s  (runs: {runs(floors)})")
    print(f"shared-kernel floor (the same, a kernel per core, reused):        {s:6.1f} s  (runs: {runs(shared)})")
    print(f"report (default: West Mercia, YE Mar 2018, letter):              {r:6.1f} s  (runs: {runs(reports)})")
    print(f"report / floor: {r / f:.2f}x  (target <= 1.5x);  report / shared-kernel floor: {r / s:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
