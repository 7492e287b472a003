"""Many reports at once (e.g. all 43 forces for one period), in parallel processes, from a schedule file.

Schedule (YAML)::

    period_end: 2018-03-31          # or "latest"
    forces: all                     # or a list of names/slugs/codes
    notebooks: [force_vs_national]  # default: every notebook
    out: reports                    # default: reports/ in the project
    claims: null                    # a claim file for the claims notebook (optional)

Each report runs in its own process and writes its own log (``<report folder>/run.log``); one that fails is
reported with its error and log and does not stop the others. Reports whose inputs have not changed are
skipped unless ``rerun`` is set.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

import pandas as pd
import yaml
from tqdm import tqdm

from peelstats import forces, periods
from peelstats.exceptions import PeelstatsError
from peelstats.report import DEFAULT_NOTEBOOKS, NOTEBOOKS, folder_for, report


@dataclass(frozen=True)
class Schedule:
    path: Path
    period_end: str | None
    forces: tuple[str, ...]
    notebooks: tuple[str, ...]
    out: str | None
    claims: str | None
    invalid: tuple[tuple[str, str], ...] = ()  # entries that name no force: (entry, why), reported, not run


def load_schedule(path: str | Path) -> Schedule:
    if not str(path).strip():
        raise PeelstatsError("The schedule path is empty; give a schedule YAML (see schedules/)")
    path = Path(path)
    if not path.is_file():
        raise PeelstatsError(f"Schedule {str(path)!r} is not a file; give a schedule YAML (see schedules/)")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise PeelstatsError(f"Schedule {path} cannot be read ({error})") from None
    except yaml.YAMLError as error:
        raise PeelstatsError(f"{path}: not valid YAML ({error})") from error
    if not isinstance(raw, dict):
        raise PeelstatsError(f"{path}: a schedule is a mapping with period_end, forces, notebooks")
    chosen = raw.get("forces", "all")
    if chosen == "all":
        names = tuple(f.name for f in forces.TERRITORIAL_FORCES)
    elif isinstance(chosen, list) and chosen:
        found, invalid = [], []
        for entry in chosen:  # every entry checked first: one bad name does not stop the good ones
            try:
                found.append(forces.lookup(str(entry)).name if str(entry).strip() else None)
            except KeyError as error:
                invalid.append((str(entry), str(error)))
                continue
            if found[-1] is None:
                found.pop()
                invalid.append((str(entry), "an empty force name"))
        names = tuple(dict.fromkeys(found))
        if not names:
            raise PeelstatsError(f"{path}: field 'forces' names no force the data hold: "
                                 + "; ".join(f"{entry!r}: {why}" for entry, why in invalid))
    else:
        raise PeelstatsError(f"{path}: field 'forces' must be 'all' or a list of forces")
    notebooks = tuple(raw.get("notebooks") or DEFAULT_NOTEBOOKS)
    unknown = [n for n in notebooks if n not in NOTEBOOKS]
    if unknown:
        raise PeelstatsError(f"{path}: field 'notebooks': unknown {unknown}; available: {', '.join(NOTEBOOKS)}")
    period = raw.get("period_end")
    period = periods.to_timestamp(period).date().isoformat() if period not in (None, "latest") else None
    invalid = tuple(invalid) if isinstance(chosen, list) else ()
    return Schedule(path, period, names, notebooks, raw.get("out"), raw.get("claims"), invalid)


def _run_one(force: str, schedule: Schedule, rerun: bool) -> dict:
    """One report in a worker process; never raises."""
    started = time.perf_counter()
    logger = logging.getLogger()
    handler = None
    try:
        folder = folder_for(force, schedule.period_end, schedule.out)
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "run.log", mode="w", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        run = report(force, schedule.period_end, claims=schedule.claims, use_claims=schedule.claims is not None,
                     out=schedule.out, notebooks=list(schedule.notebooks), rerun=rerun)
        log_path = run.folder / "run.log"
        errors = "; ".join(f"{n.name}: {n.error}" for n in run.failed)
        return {"force": force, "status": "skipped" if run.skipped else ("failed" if run.failed else "ok"),
                "seconds": round(time.perf_counter() - started, 2), "error": errors or None,
                "report": str(run.index), "log": str(log_path) if log_path.exists() else None}
    except Exception as error:  # isolate: one failing report never stops the batch
        return {"force": force, "status": "failed", "seconds": round(time.perf_counter() - started, 2),
                "error": f"{type(error).__name__}: {error}", "report": None, "log": None}
    finally:
        if handler is not None:
            logger.removeHandler(handler)
            handler.close()


def run_batch(schedule: Schedule | str | Path, *, workers: int = 1, rerun: bool = False,
              progress: bool = True) -> pd.DataFrame:
    """Run every report in the schedule with ``workers`` processes; one summary row per force."""
    if not isinstance(schedule, Schedule):
        schedule = load_schedule(schedule)
    if workers < 1:
        raise PeelstatsError("--workers must be at least 1")
    rows = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(_run_one, force, schedule, rerun): force for force in schedule.forces}
        with tqdm(total=len(futures), desc="reports", unit="report", disable=not progress) as bar:
            for future in as_completed(futures):
                rows.append(future.result())
                bar.update(1)
    order = {name: i for i, name in enumerate(schedule.forces)}
    done = pd.DataFrame(rows).sort_values("force", key=lambda s: s.map(order)).reset_index(drop=True)
    bad = pd.DataFrame([{"force": entry, "status": "invalid", "seconds": 0.0, "error": why, "report": None,
                         "log": None} for entry, why in schedule.invalid], columns=done.columns)
    return pd.concat([done, bad], ignore_index=True) if len(bad) else done
