"""Many reports at once (e.g. all 43 forces for one period), in parallel processes, from a schedule file.

Schedule (YAML)::

    period_end: 2018-03-31          # or "latest": the latest period with a baseline when the batch starts
    forces: all                     # or a list of names/slugs/codes
    notebooks: [force_vs_national]  # default: every notebook
    out: reports                    # default: reports/ in the project
    claims: null                    # a claim file for the claims notebook (optional)

Each report runs in its own process and writes its own log (``<report folder>/run.log``); one that fails is
reported with its error and log and does not stop the others. Reports whose inputs have not changed are
skipped unless ``refresh`` is set.

The summary has one row per report, its ``status`` one of (:data:`STATUSES`):

* ``ok``: made; ``skipped``: its inputs had not changed since its last run, so it was left as it was;
* ``failed``: it was run and a notebook (or the report) failed: ``error`` says why, ``log`` where to look;
* ``invalid``: a schedule entry naming no force the data hold: not run, ``error`` says why.

``peelstats batch`` exits 1 when any report is ``failed`` or ``invalid`` (:data:`FAILED_STATUSES`).

Reports run on any :class:`concurrent.futures.Executor`: local processes by default, or the workers of a Dask
distributed cluster (``scheduler="tcp://host:8786"``; ``peelstats batch --scheduler``). A worker does not inherit
this process's environment, so each report is sent what it needs explicitly (:class:`WorkerEnvironment`: the
data folder, the notebooks folder, the mirror) and every path in the schedule is made absolute here first; the
workers must see those paths (a shared filesystem), as ``docs/reports.md`` explains.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import yaml
from tqdm import tqdm

from peelstats import config
from peelstats.errors import ClusterError, DataNotBuiltError, ScheduleError, UsageError
from peelstats.ingest.build_record import read_build_info
from peelstats.reference import forces, periods
from peelstats.reporting.report import DEFAULT_NOTEBOOKS, NOTEBOOKS, NOTEBOOKS_ENV, folder_for, report

if TYPE_CHECKING:
    from distributed import Client

STATUSES = ("ok", "skipped", "failed", "invalid")
FAILED_STATUSES = ("failed", "invalid")  # a batch with any of these exits non-zero
SCHEDULER_TIMEOUT = 5.0  # seconds to reach a Dask scheduler before saying it cannot be reached
WORKERS_TIMEOUT = 60.0  # seconds to wait for a first worker when the scheduler has none yet


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
        raise ScheduleError("The schedule path is empty; give a schedule YAML (see schedules/)")
    path = Path(path)
    if not path.is_file():
        raise ScheduleError(f"Schedule {str(path)!r} is not a file; give a schedule YAML (see schedules/)")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError) as error:
        raise ScheduleError(f"Schedule {path} cannot be read ({error})") from None
    except yaml.YAMLError as error:
        raise ScheduleError(f"{path}: not valid YAML ({error})") from error
    if not isinstance(raw, dict):
        raise ScheduleError(f"{path}: a schedule is a mapping with period_end, forces, notebooks")
    chosen = raw.get("forces", "all")
    if chosen == "all":
        names = tuple(f.name for f in forces.TERRITORIAL_FORCES)
    elif isinstance(chosen, list) and chosen:
        found: list[str] = []
        invalid: list[tuple[str, str]] = []
        for entry in chosen:  # every entry checked first: one bad name does not stop the good ones
            if not str(entry).strip():
                invalid.append((str(entry), "an empty force name"))
                continue
            try:
                found.append(forces.lookup(str(entry)).name)
            except KeyError as error:
                invalid.append((str(entry), str(error)))
        names = tuple(dict.fromkeys(found))
        if not names:
            raise ScheduleError(f"{path}: field 'forces' names no force the data hold: "
                                 + "; ".join(f"{entry!r}: {why}" for entry, why in invalid))
    else:
        raise ScheduleError(f"{path}: field 'forces' must be 'all' or a list of forces")
    listed = raw.get("notebooks") or DEFAULT_NOTEBOOKS
    if isinstance(listed, str) or not isinstance(listed, list | tuple):
        raise ScheduleError(f"{path}: field 'notebooks' must be a list, e.g. [{listed}]")
    notebooks = tuple(str(n) for n in listed)
    unknown = [n for n in notebooks if n not in NOTEBOOKS]
    if unknown:
        raise ScheduleError(f"{path}: field 'notebooks': unknown {unknown}; available: {', '.join(NOTEBOOKS)}")
    period = raw.get("period_end")
    period = periods.to_timestamp(str(period)).date().isoformat() if period not in (None, "latest") else None
    for field in ("out", "claims"):
        if raw.get(field) is not None and not isinstance(raw[field], str):
            raise ScheduleError(f"{path}: field {field!r} must be a folder or file path, not {raw[field]!r}")
    not_run = tuple(invalid) if isinstance(chosen, list) else ()
    return Schedule(path, period, names, notebooks, raw.get("out"), raw.get("claims"), not_run)


@dataclass(frozen=True)
class WorkerEnvironment:
    """What a report reads from the environment, captured where the batch starts and applied where it runs.

    ``data_dir`` is the folder holding ``processed/`` (``$PEELSTATS_DATA_DIR``); ``notebooks_dir`` and ``mirror``
    are ``$PEELSTATS_NOTEBOOKS_DIR`` and ``$PEELSTATS_MIRROR`` (None: unset, the package's notebooks and no
    mirror). ``build_signature`` is the signature of the dataset where the batch starts (None when it has none):
    a worker whose dataset differs fails its reports rather than mixing two datasets in one batch.
    """

    data_dir: str
    notebooks_dir: str | None = None
    mirror: str | None = None
    build_signature: str | None = None

    @classmethod
    def here(cls) -> WorkerEnvironment:
        notebooks = os.environ.get(NOTEBOOKS_ENV) or None
        mirror = os.environ.get(config.MIRROR_ENV, "").strip() or None
        if mirror is not None and "://" not in mirror:  # a folder: absolute, as a worker elsewhere must find it
            mirror = str(Path(mirror).expanduser().absolute())
        info = read_build_info() or {}
        signature = info.get("signature")
        return cls(str(config.data_dir()), str(Path(notebooks).absolute()) if notebooks else None,
                   mirror,
                   None if signature is None else _stable(signature))

    def variables(self) -> dict[str, str | None]:
        return {config.DATA_DIR_ENV: self.data_dir, NOTEBOOKS_ENV: self.notebooks_dir,
                config.MIRROR_ENV: self.mirror}

    def check_dataset(self) -> None:
        """Fail (one report, with the worker's name) when this machine does not see the batch's dataset."""
        info = read_build_info()
        if info is None:
            raise DataNotBuiltError(f"No built dataset in {self.data_dir} on {socket.gethostname()}: run `make data` "
                                    "(peelstats fetch; peelstats build) there; on a cluster every worker must see "
                                    "the same data folder (a shared filesystem) or build it at that path")
        if self.build_signature is not None and _stable(info.get("signature")) != self.build_signature:
            raise ClusterError(f"the dataset in {self.data_dir} on {socket.gethostname()} is not the one the batch "
                                 "was started with (its build signature differs): share one data folder, or build "
                                 "every copy from the same files")


def _stable(signature) -> str:
    return hashlib.sha256(json.dumps(signature, sort_keys=True, default=str).encode()).hexdigest()


# One report at a time per process: the environment variables (read by peelstats and inherited by the notebook
# kernels) and the root logger's run.log handler are process-wide, so reports sharing a process (threads of a
# Dask worker started with --nthreads above 1, a ThreadPoolExecutor) take turns.
_PROCESS_LOCK = threading.Lock()


@contextmanager
def _applied(env: WorkerEnvironment) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in env.variables()}
    try:
        for name, value in env.variables().items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _run_one(force: str, schedule: Schedule, refresh: bool, env: WorkerEnvironment) -> dict:
    """One report in a worker (a local process or a Dask worker), in the environment ``env``; never raises."""
    started = time.perf_counter()
    logger = logging.getLogger()
    handler = None
    level = logger.level
    with _PROCESS_LOCK, _applied(env):
        try:
            env.check_dataset()
            folder = folder_for(force, schedule.period_end, schedule.out)
            folder.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(folder / "run.log", mode="w", encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            logger.addHandler(handler)
            logger.setLevel(logging.INFO)
            run = report(force, schedule.period_end, claims=schedule.claims, use_claims=schedule.claims is not None,
                         out=schedule.out, notebooks=list(schedule.notebooks), refresh=refresh, progress=False)
            log_path = run.folder / "run.log"
            errors = "; ".join(f"{n.name}: {n.error}" for n in run.failed)
            return {"force": force, "status": "skipped" if run.skipped else ("failed" if run.failed else "ok"),
                    "seconds": round(time.perf_counter() - started, 2), "error": errors or None,
                    "report": str(run.index), "log": str(log_path) if log_path.exists() else None}
        except Exception as error:  # isolate: one failing report never stops the batch
            return {"force": force, "status": "failed", "seconds": round(time.perf_counter() - started, 2),
                    "error": _one_line(error), "report": None, "log": None}
        finally:
            if handler is not None:
                logger.removeHandler(handler)
                handler.close()
            logger.setLevel(level)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _portable(schedule: Schedule) -> Schedule:
    """The schedule with its output folder and claim file as absolute paths, resolved here: a worker elsewhere
    (another folder, another machine) writes and reads where this process would."""
    out = Path(schedule.out) if schedule.out else (config.source_checkout() or Path.cwd()) / "reports"
    claims = schedule.claims
    if claims is not None and Path(claims).is_file():  # else the name of a bundled claim file: left as it is
        claims = str(Path(claims).absolute())
    return replace(schedule, out=str(out.absolute()), claims=claims)


async def _identify(address: str, timeout: float) -> dict:
    from distributed.core import rpc
    from distributed.security import Security

    remote = rpc(address, timeout=timeout, connection_args=Security().get_connection_args("client"))
    try:
        return await asyncio.wait_for(remote.identity(), timeout)
    finally:
        await remote.close_rpc()


def connect_scheduler(address: str, *, timeout: float | None = None) -> Client:
    """A ``dask.distributed.Client`` of the scheduler at ``address``, or a one-line :class:`PeelstatsError`.

    The scheduler is asked who it is first, in a private event loop: a wrong address (a closed port, a typo,
    the dashboard's port, a worker's) is told apart in a few seconds, without the traceback a half-made
    ``Client`` prints when it is collected.
    """
    timeout = SCHEDULER_TIMEOUT if timeout is None else timeout
    address = (address or "").strip()
    if not address:
        raise ClusterError("--scheduler is empty: give the Dask scheduler's address, e.g. tcp://host:8786")
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(f"--scheduler {address} needs dask.distributed, which is not installed: "
                             "pip install 'peelstats[cluster]'") from None
    try:
        with ThreadPoolExecutor(max_workers=1) as thread:  # its own loop, even when called inside one (Jupyter)
            identity = thread.submit(asyncio.run, _identify(address, timeout)).result()
    except ValueError as error:
        raise ClusterError(f"--scheduler {address!r} is not a Dask scheduler address ({_one_line(error)}); "
                             "give e.g. tcp://host:8786") from None
    except (OSError, TimeoutError) as error:
        why = _one_line(error) if str(error) else "no answer"
        raise ClusterError(f"Cannot reach the Dask scheduler at {address} within {timeout:g} s ({why}); is "
                             "`dask scheduler` running there, and is the port open from here?") from None
    except Exception as error:
        raise ClusterError(f"{address} did not answer as a Dask scheduler does ({_one_line(error)[:160]}); give "
                             "the scheduler's address (port 8786 by default), not its dashboard's") from None
    kind = identity.get("type") if isinstance(identity, dict) else None
    if kind != "Scheduler":
        raise ClusterError(f"{address} is a Dask {kind or 'server'}, not the scheduler: give the address "
                             "`dask scheduler` printed when it started")
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except Exception as error:
        raise ClusterError(f"Cannot connect to the Dask scheduler at {address} ({_one_line(error)})") from None


def _wait_for_a_worker(client: Client, address: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except Exception:
        client.close()
        raise ClusterError(f"No worker joined the Dask scheduler at {address} within {WORKERS_TIMEOUT:g} s: start "
                             f"workers with `dask worker {address} --nthreads 1`") from None


def run_batch(schedule: Schedule | str | Path, *, workers: int = 1, refresh: bool = False, progress: bool = True,
              executor: Executor | None = None, scheduler: str | None = None) -> pd.DataFrame:
    """Run every report in the schedule; one summary row per force.

    Reports run on ``executor`` when given (it is left open: the caller owns it), else on the workers of the Dask
    scheduler at ``scheduler`` (e.g. ``"tcp://host:8786"``), else in ``workers`` local processes. A report that
    fails, or whose worker dies, is a ``failed`` row with its error; the others carry on.
    """
    if not isinstance(schedule, Schedule):
        schedule = load_schedule(schedule)
    if schedule.period_end is None:  # "latest": the latest period a change can be computed for, fixed for all
        from dataclasses import replace

        from peelstats.analysis.comparison import latest_period
        from peelstats.ingest.dataset import load

        latest = latest_period(load(), with_baseline=True)
        schedule = replace(schedule, period_end=latest.date().isoformat())
    if workers < 1:
        raise UsageError("--workers must be at least 1")
    if executor is not None and scheduler is not None:
        raise UsageError("Give an executor or a scheduler address, not both")
    if (scheduler is not None or executor is not None) and workers != 1:
        raise UsageError("--workers sets local processes; with --scheduler the cluster's workers run the reports "
                             "(start more with `dask worker ADDRESS --nworkers N`)")
    env = WorkerEnvironment.here()
    portable = _portable(schedule)
    client = None
    if executor is None and scheduler is not None:
        client = connect_scheduler(scheduler)
        _wait_for_a_worker(client, scheduler)
        executor = client.get_executor(pure=False)  # every submission runs: no result reused by key
    own = executor is None
    pool: Executor = (ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) if executor is None
                      else executor)
    rows = []
    try:
        futures = {pool.submit(_run_one, force, portable, refresh, env): force for force in schedule.forces}
        # disable=None: no bar when the output is not a terminal (a log file, a pipe, a cluster job)
        with tqdm(total=len(futures), desc="reports", unit="report", disable=None if progress else True) as bar:
            for future in as_completed(futures):
                try:
                    rows.append(future.result())
                except Exception as error:  # the worker died or the task was lost: that report fails, not the batch
                    rows.append({"force": futures[future], "status": "failed", "seconds": 0.0,
                                 "error": _one_line(error), "report": None, "log": None})
                bar.update(1)
    finally:
        if own:
            pool.shutdown(wait=True, cancel_futures=True)
        if client is not None:
            client.close()
    order = {name: i for i, name in enumerate(schedule.forces)}
    done = pd.DataFrame(rows).sort_values("force", key=lambda s: s.map(order)).reset_index(drop=True)
    bad = pd.DataFrame([{"force": entry, "status": "invalid", "seconds": 0.0, "error": why, "report": None,
                         "log": None} for entry, why in schedule.invalid], columns=done.columns)
    return pd.concat([done, bad], ignore_index=True) if len(bad) else done
