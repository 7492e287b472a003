"""Evidence reports: run the notebooks with papermill, convert them to HTML (code hidden), write an index.

``reports/<force-slug>/<period-end>/`` receives, per notebook, the executed ``.ipynb``, its ``.html`` and the
JSON of key figures it writes; plus ``claims.json``/``claims.csv`` (when a claim file is evaluated),
``index.html`` linking everything with the headline verdicts, and ``run.json`` recording the inputs (data
hashes, parameters, notebook versions) so an unchanged report can be skipped.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import time
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import nbformat
import papermill
from jupyter_client.manager import AsyncKernelManager
from nbconvert import HTMLExporter

from peelstats import __version__, config, forces, periods
from peelstats.build import read_build_info
from peelstats.claims.claim_file import default_claim_file, load_claim_file
from peelstats.exceptions import DataNotBuiltError, PeelstatsError
from peelstats.report_index import write_index

log = logging.getLogger(__name__)

NOTEBOOKS = ("force_vs_national", "offence_trends", "peel_grades", "letter_claims", "policeuk_local")
DEFAULT_NOTEBOOKS = ("force_vs_national", "offence_trends", "peel_grades", "letter_claims")  # policeuk_local: optional
DEFAULT_FORCE = "West Mercia"
DEFAULT_PERIOD = "2018-03-31"
KERNEL = "python3"


@dataclass
class NotebookRun:
    name: str
    ipynb: Path
    html: Path | None = None
    seconds: float = 0.0
    error: str | None = None


@dataclass
class ReportRun:
    force: str
    period_end: str
    folder: Path
    notebooks: list[NotebookRun] = field(default_factory=list)
    skipped: bool = False
    seconds: float = 0.0

    @property
    def failed(self) -> list[NotebookRun]:
        return [n for n in self.notebooks if n.error]

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


NOTEBOOKS_ENV = "PEELSTATS_NOTEBOOKS_DIR"


def notebooks_dir() -> Path:
    """The notebooks shipped inside the package (``peelstats/notebooks/``; the project's ``notebooks/`` points
    there), or ``$PEELSTATS_NOTEBOOKS_DIR`` (e.g. fixture notebooks in tests)."""
    configured = os.environ.get(NOTEBOOKS_ENV)
    folder = Path(configured) if configured else Path(str(resources.files("peelstats").joinpath("notebooks")))
    if not folder.is_dir():
        raise PeelstatsError(f"Notebook folder {folder} not found (${NOTEBOOKS_ENV} or the package's notebooks).")
    return folder


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parameters_for(name: str, force: str, period_end: str, claims: Path | None, folder: Path,
                   policeuk_source: str | None = None) -> dict:
    common = {"results_dir": str(folder)}
    if name == "policeuk_local":
        return {**common, "force": force, "month": period_end[:7], "source": policeuk_source}
    if name == "force_vs_national":
        return {**common, "force": force, "period_end": period_end}
    if name == "offence_trends":
        return {**common, "force": force, "period_end": period_end}
    if name == "peel_grades":
        return {**common, "force": force}
    if name == "letter_claims":
        return {**common, "claim_file": str(claims)}
    return {**common, "force": force, "period_end": period_end}


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
    rerun: bool = True,
    kernel_name: str = KERNEL,
    policeuk_source: str | None = None,
) -> ReportRun:
    """Run the notebooks for one force and period into ``<out>/<force-slug>/<period-end>/``.

    Defaults reproduce the flagship case: West Mercia, year ending March 2018, the bundled letter claims.
    The claims notebook runs when a claim file is given, or by default for the force the default claim file
    is about. ``rerun=False`` skips a report whose inputs have not changed since its last run. The optional
    ``policeuk_local`` notebook reads ``policeuk_source`` (``api`` or an archive path; default: the mirror's
    police.uk folder, else the API) for the period's last month.
    """
    started = time.perf_counter()
    if force is not None and not str(force).strip():
        raise PeelstatsError("The force is empty: give a force name, slug or code (`peelstats forces` lists them), "
                             f"or leave it out for {DEFAULT_FORCE}.")
    subject = forces.lookup(force or DEFAULT_FORCE)
    period = periods.to_timestamp(period_end or DEFAULT_PERIOD).date().isoformat()
    if read_build_info() is None:
        raise DataNotBuiltError("The tidy dataset has not been built: run `make data` (peelstats fetch; "
                                f"peelstats build) first, with {config.MIRROR_ENV} set to work offline.")
    claim_path = None
    if use_claims:
        if claims is not None:
            claim_path = load_claim_file(claims).path
        elif load_claim_file(default_claim_file()).document.force == subject:
            claim_path = default_claim_file()
    names = list(notebooks or DEFAULT_NOTEBOOKS)
    unknown = [n for n in names if n not in NOTEBOOKS]
    if unknown:
        raise PeelstatsError(f"Unknown notebook(s) {unknown}; available: {', '.join(NOTEBOOKS)}")
    if claim_path is None and "letter_claims" in names:
        names.remove("letter_claims")
    source = notebooks_dir()
    folder = folder_for(subject.name, period, out)
    folder.mkdir(parents=True, exist_ok=True)
    run = ReportRun(subject.name, period, folder)
    stamp = signature(subject.name, period, names, claim_path, source)
    previous = _read_json(folder / "run.json")
    outputs_exist = all((folder / f"{n}.html").is_file() for n in names) and run.index.is_file()
    if not rerun and previous.get("signature") == stamp and outputs_exist and not previous.get("failed"):
        run.skipped = True
        run.notebooks = [NotebookRun(n, folder / f"{n}.ipynb", folder / f"{n}.html") for n in names]
        return run
    _remove_outputs(folder, names)  # never leave a stale page or verdict beside a fresh one
    for name in names:
        run.notebooks.append(_execute(name, source / f"{name}.ipynb", folder,
                                      parameters_for(name, subject.name, period, claim_path, folder,
                                                     policeuk_source), kernel_name))
    write_index(run)
    run.seconds = time.perf_counter() - started
    (folder / "run.json").write_text(json.dumps({
        "signature": stamp, "force": subject.name, "period_end": period, "notebooks": names,
        "claims": str(claim_path) if claim_path else None, "seconds": round(run.seconds, 2),
        "failed": [n.name for n in run.failed], "peelstats": __version__,
    }, indent=2), encoding="utf-8")
    return run


def report_from_text(text: str, *, date=None, force: str | None = None, period_end: str | None = None,
                     out: str | Path | None = None, title: str = "Claims drafted from a text", **options
                     ) -> ReportRun:
    """The evidence report for a text: its claims drafted as ``peelstats check`` drafts them, then the notebooks.

    The report is about ``force`` (default: the force the drafted claims are most about) and ``period_end``
    (default: the period most of them were judged on). The drafted claim file is kept beside the report
    (``claims-drafted.yaml``) so a reader can correct it and run the report again with ``--claims``.
    """
    from peelstats.claims.check import read

    result = read(text, date=date, force=force, title=title)
    if not result.claims:
        raise PeelstatsError("No checkable claim was found in the text, so there is no claims report to make; "
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


def _remove_outputs(folder: Path, names: list[str]) -> None:
    stale = [folder / f"{n}{suffix}" for n in names for suffix in (".ipynb", ".html", ".json")]
    stale += [folder / "index.html", folder / "run.json"]
    if "letter_claims" in names:
        stale += [folder / "claims.json", folder / "claims.csv"]
    for path in stale:
        path.unlink(missing_ok=True)


def folder_for(force: str, period_end: str | None, out: str | Path | None = None) -> Path:
    """``<out>/<force-slug>/<period-end>/`` (``out`` defaults to ``reports/`` in the project)."""
    subject = forces.lookup(force)
    base = Path(out) if out else (config.source_checkout() or Path.cwd()) / "reports"
    period = periods.to_timestamp(period_end or DEFAULT_PERIOD).date().isoformat()
    return base / (subject.slug or subject.code.lower()) / period


class QuietKernelManager(AsyncKernelManager):
    """A kernel in its own session with its stderr discarded: Ctrl-C at the terminal reaches peelstats alone
    (which stops and shuts the kernel down), and the kernel's own start-up and shutdown chatter (transport
    warnings, a ZMQ traceback when it is stopped mid-cell) never lands on the user's terminal. Errors in a
    notebook's cells still reach the report, through the executed notebook."""

    async def _async_start_kernel(self, **kw):
        kw.setdefault("stderr", subprocess.DEVNULL)
        kw.setdefault("start_new_session", True)
        return await super()._async_start_kernel(**kw)

    start_kernel = _async_start_kernel  # jupyter_client binds the public name to the base class's function


def _execute(name: str, source: Path, folder: Path, parameters: dict, kernel_name: str) -> NotebookRun:
    target = folder / f"{name}.ipynb"
    run = NotebookRun(name, target)
    started = time.perf_counter()
    try:
        papermill.execute_notebook(str(source), str(target), parameters=parameters, kernel_name=kernel_name,
                                   cwd=str(folder), progress_bar=False, log_output=False,
                                   kernel_manager_class=QuietKernelManager)
    except papermill.PapermillExecutionError as error:
        run.error = f"{error.ename}: {error.evalue}"
        log.error("%s failed in cell %s: %s", name, error.exec_count, run.error)
    except Exception as error:  # kernel died, notebook unreadable...: reported, never silently dropped
        run.error = f"{type(error).__name__}: {error}"
        log.error("%s failed: %s", name, run.error)
    run.seconds = time.perf_counter() - started
    if target.is_file():
        run.html = to_html(target)
    return run


def to_html(notebook: Path) -> Path:
    """The executed notebook as HTML with code cells hidden."""
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    node = nbformat.read(notebook, as_version=4)
    body, _ = exporter.from_notebook_node(node, resources={"metadata": {"name": node.metadata.get("title",
                                                                                                    notebook.stem)}})
    path = notebook.with_suffix(".html")
    path.write_text(body, encoding="utf-8")
    return path


def _read_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
