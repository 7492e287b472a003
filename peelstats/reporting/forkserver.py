"""The warm process a report's kernels are forked from (see :mod:`peelstats.reporting.kernels`).

Kept apart, importing nothing heavy, so that the ``peelstats report`` command can start it before it imports its
own libraries, and the two imports run side by side.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from multiprocessing import forkserver

# What the report's notebooks import, imported once in the forkserver (an import that fails there is left to the
# kernel, which imports it again and shows the error in the notebook).
PRELOAD = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "IPython.display", "pandas", "pandas.io.formats.style",
    "pyarrow.parquet", "matplotlib.figure", "matplotlib.backends.backend_svg", "peelstats.reporting.sections",
    "peelstats.reporting.plots", "peelstats.analysis.comparison", "peelstats.claims.claim_file",
    "peelstats.claims.engine",
)  # not the optional police.uk notebook's modules: its HTTP cache stack alone takes 0.15 s


_user: int | None = None  # the process that uses (so starts) the forkserver multiprocessing records


def fork_context():
    """The forkserver the kernels are forked from, started (importing :data:`PRELOAD`) on first use; None where the
    platform has none, in a daemonic process, or in a process forked from one that had started it (e.g. a batch
    worker): multiprocessing's record of the server is then its parent's. The kernels then start the usual way."""
    global _user
    if "forkserver" not in multiprocessing.get_all_start_methods() or _user not in (None, os.getpid()):
        return None
    if multiprocessing.current_process().daemon:  # e.g. a Dask worker: multiprocessing lets it start no process
        return None
    _user = os.getpid()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(PRELOAD))
    return context


def start_forkserver() -> None:
    """Start the forkserver now, so that it imports while the report does other work (it is started once per
    process; later calls do nothing)."""
    if fork_context() is None:
        return
    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()
        return
    # Started with Ctrl-C ignored (a disposition a new process keeps): the terminal's Ctrl-C reaches the whole
    # foreground group, and a forkserver still importing would print its KeyboardInterrupt traceback; peelstats
    # stops its kernels itself. (The forkserver ignores Ctrl-C anyway once it has imported.)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


