"""Evidence reports: run the notebooks with papermill, convert them to HTML (code hidden), write an index.

``reports/<force-slug>/<period-end>/`` receives, per notebook, the executed ``.ipynb``, its ``.html`` and the
JSON of key figures it writes; plus ``claims.json``/``claims.csv`` (when a claim file is evaluated),
``index.html`` linking everything with the headline verdicts, and ``run.json`` recording the inputs (data
hashes, parameters, notebook versions) so an unchanged report can be skipped.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import queue
import signal
import threading
import time
from importlib import resources
from pathlib import Path

import pandas as pd

from peelstats import __version__, config
from peelstats.errors import (
    ConfigurationError,
    DataNotBuiltError,
    NoClaimsError,
    PeriodNotAvailableError,
    UsageError,
)
from peelstats.ingest.build_record import read_build_info
from peelstats.interrupts import raise_where_safe
from peelstats.reference import forces, periods
from peelstats.reporting.forkserver import start_forkserver
from peelstats.reporting.kernels import QuietKernelManager, kill
from peelstats.reporting.notebook_run import NotebookRun, ReportRun
from peelstats.reporting.report_index import page_title, write_index

log = logging.getLogger(__name__)

NOTEBOOKS = ("force_vs_national", "offence_trends", "peel_grades", "letter_claims", "policeuk_local")
DEFAULT_NOTEBOOKS = ("force_vs_national", "offence_trends", "peel_grades", "letter_claims")  # policeuk_local: optional
DEFAULT_FORCE = "West Mercia"
DEFAULT_PERIOD = "2018-03-31"
KERNEL = "python3"


NOTEBOOKS_ENV = "PEELSTATS_NOTEBOOKS_DIR"


def notebooks_dir() -> Path:
    """The notebooks shipped inside the package (``peelstats/notebooks/``; the project's ``notebooks/`` points
    there), or ``$PEELSTATS_NOTEBOOKS_DIR`` (e.g. fixture notebooks in tests)."""
    configured = os.environ.get(NOTEBOOKS_ENV)
    folder = Path(configured) if configured else Path(str(resources.files("peelstats").joinpath("notebooks")))
    if not folder.is_dir():
        raise ConfigurationError(f"Notebook folder {folder} not found (${NOTEBOOKS_ENV} or the package's notebooks).")
    return folder


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parameters_for(source: Path, force: str, period_end: str, claims: Path | None, folder: Path,
                   policeuk_source: str | None = None) -> dict:
    """The values a notebook is given: those of the report's values that its ``parameters`` cell declares (read
    by papermill from the notebook itself, so a notebook's parameters are stated in one place)."""
    values = {"results_dir": str(folder), "force": force, "period_end": period_end, "month": period_end[:7],
              "source": policeuk_source, "claim_file": str(claims) if claims else None,
              "evaluated": str(folder / "claims.json")}
    declared = _declared(source, source.stat().st_mtime)
    return {name: value for name, value in values.items() if name in declared}


@functools.lru_cache(maxsize=32)
def _declared(source: Path, modified: float) -> frozenset[str]:
    import papermill

    return frozenset(papermill.inspect_notebook(str(source)))


def signature(force: str, period_end: str, names: list[str], claims: Path | None, source: Path) -> str:
    build = read_build_info() or {}
    payload = {
        "peelstats": __version__,
        "data": build.get("signature"),
        "force": force,
        "period_end": period_end,
        "notebooks": {n: _sha256(source / f"{n}.ipynb") for n in names},
        "claims": _sha256(claims) if claims else None,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def report(
    force: str | None = None,
    period_end: str | None = None,
    *,
    claims: str | Path | None = None,
    use_claims: bool = True,
    out: str | Path | None = None,
    notebooks: list[str] | None = None,
    refresh: bool = False,
    kernel_name: str = KERNEL,
    policeuk_source: str | None = None,
    progress: bool = True,
) -> ReportRun:
    """Run the notebooks for one force and period into ``<out>/<force-slug>/<period-end>/``.

    Defaults reproduce the flagship case: West Mercia, year ending March 2018, the bundled letter claims.
    The claims notebook runs when a claim file is given, or by default for the force the default claim file
    is about. A report whose inputs have not changed since its last run (data, notebooks, claim file, peelstats) is
    skipped; ``refresh`` runs it again all the same. The optional
    ``policeuk_local`` notebook reads ``policeuk_source`` (``api`` or an archive path; default: the mirror's
    police.uk folder, else the API) for the period's last month.
    """
    with _ctrl_c_at_safe_points():
        started = time.perf_counter()
        if force is not None and not str(force).strip():
            raise UsageError("The force is empty: give a force name, slug or code (`peelstats forces` lists them), "
                             f"or leave it out for {DEFAULT_FORCE}.")
        subject = forces.lookup(force or DEFAULT_FORCE)
        period = periods.to_timestamp(period_end or DEFAULT_PERIOD).date().isoformat()
        if read_build_info() is None:
            raise DataNotBuiltError("The tidy dataset has not been built: run `make data` (peelstats fetch; "
                                    f"peelstats build) first, with {config.MIRROR_ENV} set to work offline.")
        names = list(notebooks or DEFAULT_NOTEBOOKS)
        unknown = [n for n in names if n not in NOTEBOOKS]
        if unknown:
            raise UsageError(f"Unknown notebook(s) {unknown}; available: {', '.join(NOTEBOOKS)}")
        source = notebooks_dir()
        folder = folder_for(subject.name, period, out)
        runner = None
        if refresh or not (folder / "run.json").is_file():  # to be run, not skipped: its kernels start now
            start_forkserver()
            runner = NotebookRunner(kernel_name, notebook_workers(len(names)), ahead=True)
        try:
            return _report(subject.name, period, names, source, folder, runner, claims=claims, use_claims=use_claims,
                           refresh=refresh, kernel_name=kernel_name, policeuk_source=policeuk_source,
                           progress=progress, started=started)
        except BaseException:
            if runner is not None:
                runner.close(now=True)  # kernels started for a report that then stopped
            raise
        finally:
            if runner is not None:
                runner.close()  # and for one that was skipped: each shuts its kernel down


def _report(force: str, period: str, names: list[str], source: Path, folder: Path, runner: NotebookRunner | None,
            *, claims, use_claims: bool, refresh: bool, kernel_name: str, policeuk_source: str | None,
            progress: bool, started: float) -> ReportRun:
    from peelstats.claims.claim_file import default_claim_file, load_claim_file

    _check_period(period)  # a period the data do not hold is one line, not four pages
    _stop_if_interrupted()
    claim_path = None
    if use_claims:
        if claims is not None:
            claim_path = load_claim_file(claims).path.resolve()  # the kernels run in the report's folder
        elif load_claim_file(default_claim_file()).document.force == forces.lookup(force):
            claim_path = default_claim_file()
    if claim_path is None and "letter_claims" in names:
        names.remove("letter_claims")
    folder.mkdir(parents=True, exist_ok=True)
    run = ReportRun(force, period, folder)
    stamp = signature(force, period, names, claim_path, source)
    previous = _read_json(folder / "run.json")
    outputs_exist = all((folder / f"{n}.html").is_file() for n in names) and run.index.is_file()
    if not refresh and previous.get("signature") == stamp and outputs_exist and not previous.get("failed"):
        run.skipped = True
        run.notebooks = [NotebookRun(n, folder / f"{n}.ipynb", folder / f"{n}.html") for n in names]
        return run
    start_forkserver()  # the kernels' imports, done once, while the claims are evaluated below
    _remove_outputs(folder, names)  # never leave a stale page or verdict beside a fresh one
    waits = {}
    if "letter_claims" in names and claim_path is not None:  # evaluated here, once, while the kernels start (and
        waits["letter_claims"] = _evaluate_in_background(claim_path, folder)  # before papermill is imported below)
    jobs = [(name, source / f"{name}.ipynb", folder,
             parameters_for(source / f"{name}.ipynb", force, period, claim_path, folder, policeuk_source),
             page_title(name, force, period)) for name in names]
    _stop_if_interrupted()
    runner = runner or NotebookRunner(kernel_name, notebook_workers(len(names)))
    run.notebooks = runner.run(jobs, progress=progress, waits=waits)
    write_index(run)
    run.seconds = time.perf_counter() - started
    (folder / "run.json").write_text(json.dumps({
        "signature": stamp, "force": force, "period_end": period, "notebooks": names,
        "claims": str(claim_path) if claim_path else None, "seconds": round(run.seconds, 2),
        "failed": [n.name for n in run.failed], "peelstats": __version__,
    }, indent=2), encoding="utf-8")
    return run


def report_from_text(text: str, *, date=None, force: str | None = None, period_end: str | None = None,
                     out: str | Path | None = None, title: str | None = None, **options) -> ReportRun:
    """The evidence report for a text: its claims drafted as ``peelstats check`` drafts them, then the notebooks.

    The report is about ``force`` (default: the force the drafted claims are most about) and ``period_end``
    (default: the period most of them were judged on). The drafted claim file is kept beside the report
    (``claims-drafted.yaml``) so a reader can correct it and run the report again with ``--claims``.
    """
    from peelstats.claims.check import read

    result = read(text, date=date, force=force, title=title or document_title(None, text))
    if not result.claims:
        raise NoClaimsError("No checkable claim was found in the text, so there is no claims report to make; "
                             "`peelstats check --file ...` lists what was not recognised.")
    subjects = [r["subject"] for r in result.records if r["kind"] and forces.try_lookup(r["subject"] or "")]
    chosen = force or (max(set(subjects), key=subjects.count) if subjects else None) or DEFAULT_FORCE
    ends = [r["period_end"] for r in result.records if r["period_end"]]
    period = period_end or (max(set(ends), key=ends.count) if ends else None) or DEFAULT_PERIOD
    folder = folder_for(chosen, period, out)
    folder.mkdir(parents=True, exist_ok=True)
    drafted = folder / "claims-drafted.yaml"
    drafted.write_text(result.yaml(), encoding="utf-8")
    return report(chosen, period, claims=drafted, out=out, **options)


def document_title(path: str | Path | None, text: str) -> str:
    """A reader's title for a plain-text document: a 'Re:'/'Subject:' line, else the line after a letter's 'Dear
    ...' salutation when it is short (a letter's heading), else the first line when short and not an address, else
    the file's name (never its folder: a page shows no local path)."""
    import re

    lines = [" ".join(line.replace("*", " ").split()) for line in text.splitlines()]
    lines = [line for line in lines if line]

    def short(line: str) -> bool:
        return 3 <= len(line) <= 100 and len(line.split()) <= 16 and not line.endswith((",", ";", ".", ":"))

    for i, line in enumerate(lines[:40]):
        subject = re.match(r"(?i)(?:re|subject|title)\s*:\s*(.+)", line)
        if subject and short(subject.group(1)):
            return subject.group(1)
        if line.lower().startswith("dear ") and i + 1 < len(lines) and short(lines[i + 1]):
            return lines[i + 1]
    if lines and short(lines[0]) and not any(line.lower().startswith("dear ") for line in lines[:15]):
        return lines[0]
    return f"Claims in {Path(path).name}" if path else "Claims drafted from a text"


def _evaluate_in_background(claim_path: Path, folder: Path):
    """Evaluate the claim file in a thread and save its verdicts (claims.json, claims.csv, letter_claims.json) for
    the claims notebook; returns a function that waits for it. A failure is left to the notebook, which evaluates
    the file itself and shows the error on its page."""
    finished = threading.Event()

    def evaluate():
        try:
            from peelstats.claims import evaluate as evaluate_claims
            from peelstats.claims import load_claim_file
            from peelstats.reporting import sections

            sections.save_claims(evaluate_claims(load_claim_file(claim_path)), str(folder), claim_path)
        except Exception as error:  # noqa: BLE001 - the notebook evaluates the file again and shows why
            log.info("claims evaluated in the notebook instead (%s: %s)", type(error).__name__, error)
            for name in ("claims.json", "claims.csv", "letter_claims.json"):
                (folder / name).unlink(missing_ok=True)
        finally:
            finished.set()

    threading.Thread(target=evaluate, daemon=True, name="peelstats-claims").start()
    return finished.wait


def _remove_outputs(folder: Path, names: list[str]) -> None:
    stale = [folder / f"{n}{suffix}" for n in names for suffix in (".ipynb", ".html", ".json")]
    stale += [folder / "index.html", folder / "run.json"]
    if "letter_claims" in names:
        stale += [folder / "claims.json", folder / "claims.csv"]
    for path in stale:
        path.unlink(missing_ok=True)


def _check_period(period: str) -> None:
    from peelstats.analysis.panel import describe_periods
    from peelstats.analysis.selection import available_periods
    from peelstats.ingest.dataset import load

    held = available_periods(load(), "total recorded crime")
    if pd.Timestamp(period) not in held:
        raise PeriodNotAvailableError(f"{periods.label(period)} is not in the data; periods held: "
                                      f"{describe_periods(held)}")


def folder_for(force: str, period_end: str | None, out: str | Path | None = None) -> Path:
    """``<out>/<force-slug>/<period-end>/`` (``out`` defaults to ``reports/`` in the project), absolute: the
    kernels run in the report's folder, so a relative path would point elsewhere for them."""
    subject = forces.lookup(force)
    base = Path(out).expanduser().resolve() if out else (config.source_checkout() or Path.cwd()) / "reports"
    period = periods.to_timestamp(period_end or DEFAULT_PERIOD).date().isoformat()
    return base / (subject.slug or subject.code.lower()) / period


_CTRL_C = threading.Event()  # Ctrl-C pressed during a report, acted on at the next safe point


@contextlib.contextmanager
def _ctrl_c_at_safe_points():
    """Ctrl-C during a report stops it at the next safe point (between its steps; twice a second while notebooks
    run), not wherever Python happens to be: a KeyboardInterrupt raised inside an import, while the report's threads
    import too, can leave Python's import lock held, and the report then hangs instead of stopping. Only where Ctrl-C
    has Python's default meaning (the main thread of a command or script; not, say, a Jupyter kernel's handler)."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) not in (signal.default_int_handler, raise_where_safe)):
        yield
        return
    _CTRL_C.clear()
    previous = signal.signal(signal.SIGINT, lambda *_: _CTRL_C.set())
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    _stop_if_interrupted()  # pressed after the last safe point


def _stop_if_interrupted() -> None:
    if _CTRL_C.is_set():
        _CTRL_C.clear()
        raise KeyboardInterrupt


def notebook_workers(count: int) -> int:
    """Notebooks run at once: one kernel per core (each kernel is its own process), at most one per notebook."""
    return max(1, min(count, os.cpu_count() or 1))


# Relative cost of each notebook (measured): the slowest go first, so the kernels finish together.
_COST = {"letter_claims": 4, "offence_trends": 4, "force_vs_national": 3, "peel_grades": 1, "policeuk_local": 3}
# Between notebooks: the namespace and the outputs cleared, and pyplot's figures closed if a notebook used pyplot
# (importing it here would cost a third of a second). %reset's full garbage collection is skipped: over a heap of
# pandas and matplotlib objects it took up to two seconds, and reference counting frees the notebook's objects.
_RESET = """def _peelstats_reset(shell=get_ipython()):
    import gc
    import sys
    collect, gc.collect = gc.collect, lambda *args, **kwargs: 0
    try:
        shell.run_line_magic("reset", "-f")
    finally:
        gc.collect = collect
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
_peelstats_reset()"""


def run_notebooks(jobs: list[tuple], kernel_name: str, *, progress: bool = False,
                  waits: dict | None = None) -> list[NotebookRun]:
    """Execute and convert ``(name, source, folder, parameters[, page title])`` jobs (see :class:`NotebookRunner`)."""
    return NotebookRunner(kernel_name, notebook_workers(len(jobs))).run(jobs, progress=progress, waits=waits)


class NotebookRunner:
    """One kernel per core, each taking the next notebook (slowest first) when it finishes one, its namespace
    cleared between them. A kernel started once imports pandas, matplotlib and peelstats once: most of a notebook's
    time was starting a kernel and importing. A notebook that fails, or kills its kernel, is reported and the others
    go on.

    Given ``ahead``, the kernels start at once, before the notebooks are known (the report then checks its period,
    reads its claim file and prepares the jobs while they start) and move to a notebook's folder when it comes;
    :meth:`close` stops them if :meth:`run` never comes. The kernels are driven from daemon threads (the work is in
    the kernels and nbconvert): on Ctrl-C the kernels are killed and nothing waits for them."""

    def __init__(self, kernel_name: str, workers: int, ahead: bool = False) -> None:
        self.kernel_name = kernel_name
        self.waiting: queue.Queue = queue.Queue()
        self.done: queue.Queue = queue.Queue()
        self.kernels: list = []  # every kernel started, so Ctrl-C can stop them all at once
        self.waits: dict = {}
        self.pages: list = []  # the threads writing pages, each while its kernel runs the next notebook
        self.threads = [threading.Thread(target=self._work, args=(ahead,), daemon=True, name="peelstats-notebooks")
                        for _ in range(workers)]
        for thread in self.threads:
            thread.start()

    def _work(self, ahead: bool) -> None:
        taken: list = []
        try:
            _run_queue(self.waiting, self.kernel_name, self._write_page, self.kernels, taken, self.waits, ahead)
        except BaseException as error:  # noqa: BLE001 - reported as the notebooks this kernel held failing
            for name, _, folder, *_ in taken:
                self.done.put(NotebookRun(name, folder / f"{name}.ipynb", error=f"{type(error).__name__}: {error}"))

    def _write_page(self, run: NotebookRun, executed, title: str | None) -> None:
        """Convert a notebook that has run to its page in a thread of its own, so that its kernel takes the next
        notebook meanwhile (a kernel otherwise waited a sixth of a second for each page); the run is done once its
        page is written."""
        from peelstats.reporting.execution import convert

        def write() -> None:
            try:
                convert(run, executed, title)
            finally:
                self.done.put(run)

        thread = threading.Thread(target=write, daemon=True, name="peelstats-page")
        self.pages.append(thread)
        thread.start()

    def close(self, *, now: bool = False) -> None:
        """No notebooks (more) for these kernels: each shuts its kernel down; ``now``: they are killed at once (the
        report stopped before its notebooks, perhaps on Ctrl-C)."""
        for _ in self.threads:
            self.waiting.put(None)
        if now:
            for km in list(self.kernels):
                kill(km, release=False)  # each kernel's own thread releases its manager

    def run(self, jobs: list[tuple], *, progress: bool = False, waits: dict | None = None) -> list[NotebookRun]:
        """Run the jobs; results in the jobs' order. ``waits``: per notebook, a function to call (it blocks) before
        the notebook runs, e.g. until its inputs are written; its kernel is started meanwhile."""
        from tqdm import tqdm

        self.waits.update(waits or {})
        for job in sorted(jobs, key=lambda job: -_COST.get(job[0], 2)):  # longest first: the kernels finish together
            self.waiting.put(job)
        self.close()
        results: dict[str, NotebookRun] = {}
        with tqdm(total=len(jobs), desc="notebooks", unit="notebook", disable=None if progress else True,
                  leave=False) as bar:
            try:
                while len(results) < len(jobs):
                    try:
                        _stop_if_interrupted()
                        run = self.done.get(timeout=0.5)  # short waits: Ctrl-C is seen at once
                    except queue.Empty:
                        working = self.threads + self.pages
                        if not any(thread.is_alive() for thread in working) and self.done.empty():
                            for name, _, folder, *_ in jobs:  # every kernel gave up: what is left is reported
                                if name not in results:
                                    results[name] = NotebookRun(name, folder / f"{name}.ipynb",
                                                                error="not run: no notebook kernel could be started")
                                    bar.update(1)
                        continue
                    results.setdefault(run.name, run)
                    bar.set_postfix_str(f"{run.name} {'failed' if run.error else 'ok'} ({run.seconds:.1f} s)")
                    bar.update(1)
            except BaseException:
                for km in list(self.kernels):
                    kill(km, release=False)  # each kernel's own thread releases its manager
                raise
        return [results[name] for name, *_ in jobs]


def _run_queue(waiting, kernel_name: str, finished, kernels: list, taken: list, waits: dict,
               ahead: bool = False) -> None:
    """Run notebooks from ``waiting`` in one kernel until it gives None, handing each that has run to
    ``finished(run, executed notebook, page title)``. ``taken`` holds the notebook in hand, so
    a failure outside a notebook (the kernel would not start) is reported against it, never dropped. Given
    ``ahead``, the kernel is started before the first notebook comes, in this process's folder, and moves to the
    notebook's (if that start fails, it is started again, and the failure reported, with the notebook in hand).

    The kernel is asynchronous, as papermill's own: nbclient's watch for a dead kernel needs an asynchronous
    client (a blocking one waits for a dead kernel's output for ever)."""

    from jupyter_core.utils import run_sync

    km = None
    fresh = False  # the kernel has run no notebook yet: nothing to clear
    where = None  # the kernel's working folder
    try:
        if ahead:
            km = QuietKernelManager(kernel_name=kernel_name)
            kernels.append(km)
            try:
                where = Path.cwd()
                run_sync(km.start_kernel)(cwd=str(where))
                fresh = True
            except Exception as error:  # noqa: BLE001 - tried again with a notebook in hand, which reports it
                log.info("kernel did not start ahead of its notebooks: %s", error)
                kill(km)
                km = None
        while True:
            job = waiting.get()
            if job is None:
                return
            taken[:] = [job]
            name, path, folder, parameters, *title = job
            if km is None or not run_sync(km.is_alive)():
                if km is not None:
                    kill(km)
                km = QuietKernelManager(kernel_name=kernel_name)
                kernels.append(km)
                run_sync(km.start_kernel)(cwd=str(folder))
                where = folder
            elif not fresh:
                run_sync(_run_code)(km, _RESET)
            if where != folder:
                run_sync(_run_code)(km, f"__import__('os').chdir({str(folder)!r})")
                where = folder
            fresh = False
            if name in waits:
                waits[name]()
            from peelstats.reporting.execution import execute

            try:
                finished(*execute(name, path, folder, parameters, kernel_name, km=km), next(iter(title), None))
            finally:
                km.close_clients()
            taken.clear()
    finally:
        if km is not None:
            with contextlib.suppress(Exception):
                run_sync(km.shutdown_kernel)(now=True)
            kill(km)


async def _run_code(km, code: str) -> None:
    """Run ``code`` in an idle kernel between notebooks: clear the namespace a notebook left (its modules stay
    imported: that is the point of sharing a kernel), or move to the next notebook's folder. The kernel is idle and
    answering, so the request goes on the shell channel alone and its reply is awaited."""
    client = km.client()
    client.start_channels(iopub=False, stdin=False, hb=False, control=False)
    try:
        request = client.execute(code, silent=True, store_history=False)
        while True:
            reply = await client.get_shell_msg(timeout=60)
            if reply["parent_header"].get("msg_id") == request:
                break
    finally:
        client.stop_channels()
    if reply["content"].get("status") != "ok":
        raise RuntimeError(f"preparing the kernel for a notebook failed: {reply['content'].get('evalue')}")


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
