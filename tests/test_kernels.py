"""The report's kernels: forked from one warm forkserver, real ipykernels all the same."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import textwrap

import nbformat
import pytest
from processes import processes_in

from peelstats.reporting import kernels
from peelstats.reporting import report as report_module


def _notebook(folder, name: str, code: str):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}), nbformat.v4.new_code_cell(code)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    (folder / "out").mkdir(exist_ok=True)
    return name, path, folder / "out", {}


def test_the_manager_makes_ready_clients():
    """jupyter_client's asynchronous manager makes its clients from ``client_factory``, not ``client_class``."""
    assert isinstance(kernels.QuietKernelManager(kernel_name="python3").client(), kernels.ReadyClient)


@pytest.mark.skipif(kernels.fork_context() is None, reason="no forkserver on this platform")
def test_kernels_are_forked_warm_in_the_report_folder_with_the_reports_data(tmp_path, monkeypatch):
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(tmp_path / "data"))
    code = textwrap.dedent("""\
        import json, os, sys
        json.dump({"pid": os.getpid(), "parent": os.getppid(), "cwd": os.getcwd(),
                   "data": os.environ.get("PEELSTATS_DATA_DIR"),
                   "warm": "pandas" in sys.modules and "peelstats.reporting.sections" in sys.modules},
                  open("kernel.json", "w"))""")
    job = _notebook(tmp_path, "where", code)
    [run] = report_module.run_notebooks([job], "python3")
    assert run.error is None
    seen = json.loads((tmp_path / "out" / "kernel.json").read_text())
    assert seen["cwd"] == str(tmp_path / "out")
    assert seen["data"] == str(tmp_path / "data")
    assert seen["warm"], "the kernel imported pandas and peelstats itself: it was not forked from the forkserver"
    assert seen["parent"] != os.getpid()  # a child of the forkserver, not of this process


@pytest.mark.skipif(kernels.fork_context() is None, reason="no forkserver on this platform")
def test_a_script_without_a_main_guard_is_not_run_again_in_its_kernels(tmp_path):
    """multiprocessing's forkserver imports the parent's ``__main__`` in each child; a kernel must not (a script
    calling peelstats at its top level would run again in every kernel)."""
    _notebook(tmp_path, "tiny", "y = x + 1")
    runs = tmp_path / "runs.txt"
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(f"""\
        from pathlib import Path
        from peelstats.reporting import report
        with open({str(runs)!r}, "a") as f:
            f.write("ran\\n")
        folder = Path({str(tmp_path)!r})
        [run] = report.run_notebooks([("tiny", folder / "tiny.ipynb", folder / "out", {{}})], "python3")
        print("error:", run.error)
        """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "error: None" in done.stdout
    assert runs.read_text() == "ran\n"


def test_kernels_of_another_python_are_not_forked():
    assert kernels._forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not kernels._forkable(["/usr/bin/other-python", "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not kernels._forkable([sys.executable, "-m", "other_kernel", "-f", "k.json"])


@pytest.mark.skipif(kernels.fork_context() is None, reason="no forkserver on this platform")
def test_a_process_forked_after_the_forkserver_started_starts_kernels_the_usual_way():
    """A batch worker forked from a process whose forkserver runs inherits multiprocessing's record of it, which is
    not its own to use."""
    import multiprocessing

    from peelstats.reporting import forkserver

    forkserver.start_forkserver()
    with multiprocessing.get_context("fork").Pool(1) as pool:
        assert pool.apply(_fork_context_is_none) is True
    assert forkserver.fork_context() is not None


def _fork_context_is_none() -> bool:
    from peelstats.reporting import forkserver

    return forkserver.fork_context() is None


@pytest.mark.skipif(kernels.fork_context() is None, reason="no forkserver on this platform")
def test_the_command_forks_its_forkserver_from_itself_and_its_kernels_from_that(tmp_path):
    """``peelstats report`` forks the forkserver from itself (what it has imported is not imported again); the
    kernels are forked from that server, and are warm."""
    code = textwrap.dedent("""\
        import json, os, sys
        json.dump({"parent": os.getppid(), "warm": "peelstats.reporting.sections" in sys.modules},
                  open("kernel.json", "w"))""")
    _notebook(tmp_path, "where", code)
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(f"""\
        import json, os, threading
        from pathlib import Path
        import pandas
        from multiprocessing import forkserver as mp_forkserver
        from peelstats.reporting import forkserver, report
        assert forkserver.fork_forkserver_here()
        assert not forkserver.fork_forkserver_here()  # once
        server = mp_forkserver._forkserver._forkserver_pid
        folder = Path({str(tmp_path)!r})
        [run] = report.run_notebooks([("where", folder / "where.ipynb", folder / "out", {{}})], "python3")
        status = Path(f"/proc/{{server}}/status").read_text()
        parent = int(next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:")))
        print(json.dumps({{"error": run.error, "me": os.getpid(), "server": server, "server_parent": parent}}))
        """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    kernel = json.loads((tmp_path / "out" / "kernel.json").read_text())
    assert seen["error"] is None
    assert seen["server_parent"] == seen["me"]  # the server is a fork of the command, not a new Python
    assert kernel["parent"] == seen["server"] and kernel["warm"]


@pytest.mark.skipif(kernels.fork_context() is None, reason="no forkserver on this platform")
def test_the_forkserver_is_not_forked_from_a_process_with_threads(tmp_path):
    """A fork copies only the thread that forks: a lock another thread held would stay held in the server."""
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent("""\
        import threading
        from peelstats.reporting import forkserver
        stop = threading.Event()
        helper = threading.Thread(target=stop.wait)
        helper.start()
        print(forkserver.fork_forkserver_here())  # another thread runs: not forked
        stop.set()
        helper.join()
        print(forkserver.fork_forkserver_here())  # this thread alone: forked
        """))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["False", "True"], done.stderr


@pytest.mark.skipif(kernels.fork_context() is None, reason="no forkserver on this platform")
@pytest.mark.parametrize("forked_here", [False, True], ids=["forkserver started", "forkserver forked"])
def test_a_killed_report_leaves_no_kernel_and_no_forkserver(tmp_path, forked_here):
    """ipykernel watches only its parent (the forkserver), and the forkserver outlives its last child: each forked
    kernel watches the process that asked for it instead."""
    import signal
    import time

    _notebook(tmp_path, "slow", "import time\ntime.sleep(60)")
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(f"""\
        from pathlib import Path
        from peelstats.reporting import forkserver, report
        if {forked_here!r}:
            assert forkserver.fork_forkserver_here()
        folder = Path({str(tmp_path)!r})
        report.run_notebooks([("slow", folder / "slow.ipynb", folder / "out", {{}})], "python3")
        """))
    process = subprocess.Popen([sys.executable, str(script)], cwd=tmp_path, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(processes_in(tmp_path / "out")) < 1 and time.monotonic() < deadline:  # the kernel is running
        time.sleep(0.2)
    assert processes_in(tmp_path / "out"), "the kernel never started"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 15
    while processes_in(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert processes_in(tmp_path) == []


def _report_fork_context(results) -> None:
    from peelstats.reporting import forkserver

    forkserver._user = None  # as if this process had never seen its parent's forkserver: only being daemonic counts
    results.put(forkserver.fork_context() is None)


def test_a_daemonic_process_such_as_a_dask_worker_starts_kernels_the_usual_way():
    """multiprocessing lets a daemonic process start no process of its own: forking a kernel there would fail."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_report_fork_context, args=(results,), daemon=True)
    child.start()
    child.join(30)
    assert results.get(timeout=5) is True


def test_running_notebooks_again_and_again_leaks_no_threads_or_descriptors(tmp_path):
    """nbclient leaves its client's channels open when the kernel is not its own: each notebook kept a zmq context,
    its thread and a dozen descriptors, about 60 descriptors and 4 threads a report (a batch worker runs dozens)."""
    import gc
    import threading

    jobs = [_notebook(tmp_path, name, "y = x + 1") for name in ("a", "b", "c")]

    def usage() -> tuple[int, int]:
        gc.collect()  # what is garbage is not a leak
        return threading.active_count(), len(os.listdir("/proc/self/fd"))

    report_module.run_notebooks(jobs, "python3")  # the first run sets up what stays (the forkserver, its pipes)
    threads, descriptors = usage()
    for _ in range(3):
        assert all(run.error is None for run in report_module.run_notebooks(jobs, "python3"))
    assert usage()[0] <= threads + 1 and usage()[1] <= descriptors + 8, (usage(), (threads, descriptors))


def test_jupyter_clients_own_messages_about_a_reports_kernels_are_debug_level(caplog):
    # each failure jupyter_client logs also raises, and is reported against the notebook; shown, it was a traceback
    # on the terminal when Ctrl-C killed a kernel its thread was shutting down
    manager = kernels.QuietKernelManager(kernel_name="python3")
    with caplog.at_level(logging.DEBUG):
        manager.log.error("[Errno 3] No such process")
        manager.log.exception(ProcessLookupError(3, "No such process"))
    assert [record.levelno for record in caplog.records] == [logging.DEBUG, logging.DEBUG]
