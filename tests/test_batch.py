"""Batch runs on any executor: a Dask cluster on loopback, an executor given by the caller, and scheduler addresses
that lead nowhere. The fixture notebook (tests/notebooks/) fails on purpose for Warwickshire."""

from __future__ import annotations

import gc
import json
import os
import time
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from peelstats import config
from peelstats.errors import PeelstatsError
from peelstats.reporting import batch
from peelstats.reporting.batch import connect_scheduler, run_batch
from peelstats.reporting.report import NOTEBOOKS_ENV

distributed = pytest.importorskip("distributed")

FIXTURES = Path(__file__).parent / "notebooks"
FORCES = ["West Mercia", "Warwickshire", "city-of-london"]


def schedule(folder: Path, forces: list[str], out: str) -> Path:
    path = folder / "schedule.yaml"
    path.write_text(yaml.safe_dump({"period_end": "2018-03-31", "forces": forces,
                                    "notebooks": ["force_vs_national"], "out": out}))
    return path


@pytest.fixture
def fixture_notebooks(real_data, monkeypatch):
    """The built dataset and the fixture notebooks, named in this process's environment only."""
    monkeypatch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
    monkeypatch.setenv(NOTEBOOKS_ENV, str(FIXTURES))


def assert_one_ok_one_failed(summary, reports: Path, forces=("West Mercia", "City of London")) -> None:
    assert summary.loc["Warwickshire", "status"] == "failed"
    assert "fixture failure for Warwickshire" in summary.loc["Warwickshire", "error"]
    assert "fixture failure" in Path(summary.loc["Warwickshire", "log"]).read_text()
    for force in forces:
        assert summary.loc[force, "status"] == "ok", summary.loc[force, "error"]
        folder = Path(summary.loc[force, "report"]).parent
        assert folder.parent.parent == reports and Path(summary.loc[force, "report"]).is_file()
        figures = json.loads((folder / "force_vs_national.json").read_text())
        assert figures == {"force": force, "period_end": "2018-03-31"}
        assert (folder / "force_vs_national.html").is_file()


@pytest.mark.slow
def test_batch_on_a_local_dask_cluster(fixture_notebooks, tmp_path, monkeypatch):
    """Workers in other processes, started elsewhere with a wrong environment: the batch sends its own (data and
    notebook folders) and absolute paths, and one failing report leaves the others alone."""
    from distributed import Client, LocalCluster

    elsewhere, here = tmp_path / "elsewhere", tmp_path / "client"
    elsewhere.mkdir()
    here.mkdir()
    monkeypatch.chdir(elsewhere)  # the workers' working folder: `out: reports` must not land here
    wrong = {config.DATA_DIR_ENV: str(tmp_path / "no-data"), NOTEBOOKS_ENV: str(tmp_path / "no-notebooks")}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None,
                      env=wrong) as cluster:
        monkeypatch.chdir(here)
        started = time.perf_counter()
        summary = run_batch(schedule(here, FORCES, "reports"), scheduler=cluster.scheduler_address, progress=False)
        seconds = time.perf_counter() - started
        ran = cluster.scheduler.task_prefixes["run_one"].state_counts
        with pytest.raises(PeelstatsError, match="is a Dask Worker, not the scheduler"):
            connect_scheduler(next(iter(cluster.scheduler.workers)))
        with Client(cluster) as client:  # each worker's own environment is back as it was
            assert set(client.run(os.getenv, config.DATA_DIR_ENV).values()) == {wrong[config.DATA_DIR_ENV]}
    assert list(summary.force) == ["West Mercia", "Warwickshire", "City of London"]
    assert ran["processing"] == ran["memory"] == 3  # on the cluster's workers, once each
    assert_one_ok_one_failed(summary.set_index("force"), here / "reports")
    assert not (elsewhere / "reports").exists()
    assert seconds < 60


class LosesOne(Executor):
    """Threads in this process, but the task for ``lost`` fails as if its worker had died."""

    def __init__(self, lost: str):
        self.lost, self.threads = lost, ThreadPoolExecutor(max_workers=2)

    def submit(self, fn, /, *args, **kwargs):
        if args[0] == self.lost:
            future = Future()
            future.set_exception(RuntimeError("worker lost"))
            return future
        return self.threads.submit(fn, *args, **kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self.threads.shutdown(wait=wait, cancel_futures=cancel_futures)


@pytest.mark.slow
def test_batch_on_a_given_executor_isolates_a_lost_task(fixture_notebooks, tmp_path):
    before = dict(os.environ)
    pool = LosesOne("City of London")
    summary = run_batch(schedule(tmp_path, FORCES, str(tmp_path / "reports")), executor=pool, progress=False)
    summary = summary.set_index("force")
    assert summary.loc["City of London", "status"] == "failed"
    assert summary.loc["City of London", "error"] == "RuntimeError: worker lost"
    assert_one_ok_one_failed(summary, tmp_path / "reports", forces=("West Mercia",))
    assert pool.threads.submit(int, "7").result() == 7  # the caller's executor is left open
    pool.shutdown()
    assert dict(os.environ) == before  # reports sharing a process put its environment back


def test_a_worker_without_the_dataset_fails_its_reports_with_the_reason(tmp_path):
    env = batch.WorkerEnvironment(str(tmp_path / "nowhere"), str(FIXTURES))
    row = batch._run_one("West Mercia", batch.load_schedule(schedule(tmp_path, ["West Mercia"], str(tmp_path))),
                         False, env)
    assert row["status"] == "failed" and "No built dataset in" in row["error"] and "shared filesystem" in row["error"]


def assert_one_line(error: pytest.ExceptionInfo, capfd) -> str:
    gc.collect()  # a half-made dask Client would print its traceback when collected
    message = str(error.value)
    assert "\n" not in message
    assert "Traceback" not in capfd.readouterr().err
    return message


def test_unreachable_scheduler_is_one_line_quickly(tmp_path, capfd):
    started = time.perf_counter()
    with pytest.raises(PeelstatsError) as error:
        run_batch(schedule(tmp_path, ["West Mercia"], str(tmp_path)), scheduler="tcp://127.0.0.1:9", progress=False)
    assert time.perf_counter() - started < batch.SCHEDULER_TIMEOUT + 3
    message = assert_one_line(error, capfd)
    assert message.startswith("Cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 5 s")


@pytest.mark.parametrize(("address", "expected"), [
    ("nonsense://host:8786", "'nonsense://host:8786' is not a Dask scheduler address (ValueError: unknown address"),
    ("host-without-port", "'host-without-port' is not a Dask scheduler address (ValueError: missing port"),
    ("  ", "--scheduler is empty"),
])
def test_malformed_scheduler_address_is_one_line(address, expected, tmp_path, capfd):
    with pytest.raises(PeelstatsError) as error:
        run_batch(schedule(tmp_path, ["West Mercia"], str(tmp_path)), scheduler=address, progress=False)
    assert expected in assert_one_line(error, capfd)


@pytest.mark.http
def test_something_else_at_the_address_is_one_line(httpserver, monkeypatch, capfd):
    """E.g. the dashboard's port given for the scheduler's: it never answers as a scheduler does."""
    monkeypatch.setattr(batch, "SCHEDULER_TIMEOUT", 1.0)
    address = f"tcp://127.0.0.1:{httpserver.port}"
    with pytest.raises(PeelstatsError) as error:
        connect_scheduler(address)
    assert f"the Dask scheduler at {address} within 1 s" in assert_one_line(error, capfd)


@pytest.mark.slow
def test_a_scheduler_without_workers_is_one_line(tmp_path, monkeypatch):
    from distributed import LocalCluster

    monkeypatch.setattr(batch, "WORKERS_TIMEOUT", 0.5)
    with LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address=None) as cluster, \
            pytest.raises(PeelstatsError, match="No worker joined the Dask scheduler at .* within 0.5 s"):
        run_batch(schedule(tmp_path, ["West Mercia"], str(tmp_path)), scheduler=cluster.scheduler_address,
                  progress=False)


def test_options_that_contradict(tmp_path):
    path = schedule(tmp_path, ["West Mercia"], str(tmp_path))
    with pytest.raises(PeelstatsError, match="not both"):
        run_batch(path, executor=ThreadPoolExecutor(1), scheduler="tcp://127.0.0.1:9")
    with pytest.raises(PeelstatsError, match="--workers sets local processes"):
        run_batch(path, workers=4, scheduler="tcp://127.0.0.1:9")


def test_an_entry_naming_no_force_fails_the_batch_and_is_named(tmp_path, monkeypatch, capsys):
    """A misspelt force is reported (status 'invalid') and the batch exits non-zero; the good entries run; no
    progress bar when the output is not a terminal."""
    from peelstats import cli

    def made(force, schedule, rerun, env):
        return {"force": force, "status": "ok", "seconds": 0.1, "error": None, "report": None, "log": None}

    real = batch.run_batch
    monkeypatch.setattr(batch, "_run_one", made)
    monkeypatch.setattr(batch, "run_batch", lambda *args, **kwargs: real(
        *args, **{**kwargs, "workers": 1, "scheduler": None, "executor": ThreadPoolExecutor(1)}))
    path = schedule(tmp_path, ["West Mercia", "Atlantis"], str(tmp_path / "reports"))
    code = cli.main(["batch", str(path), "--format", "csv"])
    out, err = capsys.readouterr()
    rows = {line.split(",")[0]: line.split(",")[1] for line in out.strip().splitlines()[1:]}
    assert code == 1 and rows == {"West Mercia": "ok", "Atlantis": "invalid"}
    assert "schedule entry 'Atlantis' was not run: Unknown force 'Atlantis'" in err
    assert "%|" not in err and "it/s" not in err  # stderr is not a terminal here: no progress bar
    assert set(batch.STATUSES) == {"ok", "skipped", "failed", "invalid"} and "invalid" in batch.FAILED_STATUSES
