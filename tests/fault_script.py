"""Kill fetch and build at several points, damage each cache file in turn, and show the next ordinary command
recovers by itself.

Run: ``.venv/bin/python tests/fault_script.py [--mirror PATH]`` (default: a small synthetic mirror built in a
temporary folder; ``--mirror ../shared/data`` uses the real published files, slower). It prints one line per
case and how many recovered; the exit status is 0 when every case did. ``tests/test_fault_script.py`` runs it.

A case has recovered when, after the fault, the ordinary commands (``peelstats fetch`` then ``peelstats
build``) exit 0 without a traceback and the dataset they leave is identical to a clean build's.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
PEELSTATS = [sys.executable, "-m", "peelstats"]


@dataclass
class Case:
    name: str
    recovered: bool
    detail: str = ""


def _env(data: Path, mirror: Path) -> dict:
    return {**os.environ, "PEELSTATS_DATA_DIR": str(data), "PEELSTATS_MIRROR": str(mirror)}


SOURCES: list[str] = []  # the sources to fetch (all when empty)


def _ordinary(data: Path, mirror: Path) -> tuple[bool, str]:
    """``peelstats fetch`` then ``peelstats build``: both exit 0, no traceback."""
    for command in (["fetch", *SOURCES], ["build"]):
        done = subprocess.run([*PEELSTATS, *command], env=_env(data, mirror), capture_output=True, text=True,
                              timeout=600)
        if done.returncode != 0 or "Traceback" in done.stderr:
            return False, f"`peelstats {command[0]}` exit {done.returncode}: {done.stderr.strip()[-300:]}"
    return True, ""


def _tables(data: Path) -> dict[str, pd.DataFrame]:
    from peelstats.ingest import schema
    from peelstats.ingest.dataset import load

    loaded = load(data / "processed", fresh=True)
    out = {}
    for table in schema.TABLES:
        frame = getattr(loaded, table)
        out[table] = frame.sort_values(list(frame.columns)).reset_index(drop=True) if len(frame) else frame
    return out


def _same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> bool:
    return all(a[t].equals(b[t]) for t in a)


def _seconds(command: list[str], data: Path, mirror: Path) -> float:
    started = time.perf_counter()
    subprocess.run([*PEELSTATS, *command], env=_env(data, mirror), capture_output=True, timeout=600, check=True)
    return time.perf_counter() - started


def _kill_during(command: list[str], after: float, data: Path, mirror: Path) -> None:
    process = subprocess.Popen([*PEELSTATS, *command], env=_env(data, mirror), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(after)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _damage(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "half":
        path.write_bytes(path.read_bytes()[: max(1, path.stat().st_size // 2)])
    else:
        path.write_bytes(b"\x00garbage\xff" * 8)


def run(mirror: Path, work: Path, *, kills: int = 4) -> list[Case]:
    import shutil

    clean = work / "clean"
    ok, detail = _ordinary(clean, mirror)
    if not ok:
        raise SystemExit(f"a clean fetch and build failed: {detail}")
    reference = _tables(clean)
    cases: list[Case] = []

    def check(name: str, data: Path) -> None:
        ok, detail = _ordinary(data, mirror)
        if ok:
            try:
                ok = _same(_tables(data), reference)
                detail = "" if ok else "the dataset differs from a clean build's"
            except Exception as error:  # noqa: BLE001 - any failure to load is a case that did not recover
                ok, detail = False, f"{type(error).__name__}: {error}"
        cases.append(Case(name, ok, detail))
        print(f"{'recovered' if ok else 'NOT RECOVERED':>13}  {name}" + (f"  ({detail})" if detail else ""),
              flush=True)

    # 1. kills: fetch into an empty cache, build from a full one, each at several moments
    for command in (["fetch", *SOURCES], ["build", "--force"]):
        probe = work / f"probe-{command[0]}"
        if command[0] == "build":
            shutil.copytree(clean, probe)
        seconds = _seconds(command, probe, mirror)
        startup = min(_seconds(["--version"], probe, mirror), seconds * 0.8)  # kill during the work itself
        for k in range(1, kills + 1):
            data = work / f"kill-{command[0]}-{k}"
            if command[0] == "build":
                shutil.copytree(clean, data)
                shutil.rmtree(data / "processed")
                (data / "processed").mkdir()
            at = startup + (seconds - startup) * k / (kills + 1)
            _kill_during(command, at, data, mirror)
            check(f"`peelstats {' '.join(command)}` killed at {at:.2f} s of {seconds:.2f} s", data)

    # 2. every cache file damaged in turn: truncated, overwritten, deleted
    files = sorted(p.relative_to(clean) for p in clean.rglob("*") if p.is_file() and not p.name.startswith("."))
    for relative in files:
        for how in ("half", "garbage", "deleted"):
            data = work / f"damaged-{len(cases)}"
            shutil.copytree(clean, data)
            _damage(data / relative, how)
            check(f"{relative} {how if how == 'deleted' else 'cut in half' if how == 'half' else 'overwritten'}",
                  data)
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, help="a mirror folder (default: a synthetic one)")
    parser.add_argument("--kills", type=int, default=4, help="kill points per command (default 4)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.mirror is None:
            from builders import synthetic_mirror

            mirror = synthetic_mirror(work / "mirror")
            SOURCES.extend(["ons-pfa-tables", "rec-crime-pfa", "prc-open-data"])  # what it holds
        else:
            mirror = args.mirror.resolve()
        started = time.perf_counter()
        cases = run(mirror, work, kills=args.kills)
    recovered = sum(c.recovered for c in cases)
    print(f"\n{recovered} of {len(cases)} cases recovered by themselves "
          f"({time.perf_counter() - started:.0f} s)")
    return 0 if recovered == len(cases) else 1


if __name__ == "__main__":
    sys.exit(main())
