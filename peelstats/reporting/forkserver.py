"""The warm process a report's kernels are forked from (see :mod:`peelstats.reporting.kernels`): multiprocessing's
forkserver, which imports the notebooks' modules once (:mod:`peelstats.reporting.kernel_modules`).

Started as a new Python by a script or notebook calling ``peelstats.report``; forked from the ``peelstats report``
command itself once the command has imported its own libraries (:func:`fork_forkserver_here`), so that those are
not imported twice. Kept apart from the kernels' code, importing nothing heavy.
"""

from __future__ import annotations

import inspect
import multiprocessing
import os
import signal
import socket
import sys
import threading
from multiprocessing import connection, forkserver, resource_tracker, util
from typing import Any, NoReturn

# What the forkserver imports before it forks any kernel: the notebooks' modules (listed there).
PRELOAD = ("peelstats.reporting.kernel_modules",)


_user: int | None = None  # the process that uses (so starts) the forkserver multiprocessing records


def fork_context():
    """The forkserver the kernels are forked from, started (importing the notebooks' modules) on first use; None
    where the platform has none, in a daemonic process, or in a process forked from one that had started it (e.g. a
    batch worker): multiprocessing's record of the server is then its parent's. The kernels then start the usual
    way."""
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


# multiprocessing's own forkserver, started the way below: its entry point as in CPython 3.11-3.13 (3.14 adds an
# authentication key, and the forkserver is then started the usual way)
_SERVER_ENTRY = ["listener_fd", "alive_r", "preload", "main_path", "sys_path"]
_HELD_OFF = {signal.SIGINT, signal.SIGALRM}


def fork_forkserver_here() -> bool:
    """Start the forkserver as a fork of this process rather than a new Python: what this process has imported
    (pandas, pyarrow, numpy and peelstats, for the ``peelstats report`` command) is then not imported a second
    time, nor Python started again. multiprocessing's own server (``forkserver.main``) runs in the fork, and
    everything else works as with the server multiprocessing starts itself.

    Only where a fork is safe and the server's entry point is the one known: in the main thread of a process with
    no other thread, before the forkserver has been started; returns False (nothing done) otherwise, and the
    forkserver is then started the usual way when first needed."""
    server: Any = forkserver._forkserver  # noqa: SLF001 - multiprocessing's record of its server, which forks kernels
    if (fork_context() is None or threading.current_thread() is not threading.main_thread()
            or threading.active_count() > 1 or server._forkserver_pid is not None  # noqa: SLF001
            or list(inspect.signature(forkserver.main).parameters) != _SERVER_ENTRY):
        return False
    # Ctrl-C (and the timer that raises a held one: peelstats.interrupts) held off while this process forks: raised
    # inside the callbacks Python runs around a fork (logging's holds its lock across the fork), it would be lost
    # and leave that lock held, and every thread that logs would hang
    signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_OFF)
    try:
        with server._lock:  # noqa: SLF001
            resource_tracker.ensure_running()  # before the fork, so the server and the kernels share this one
            with socket.socket(socket.AF_UNIX) as listener:
                address = connection.arbitrary_address("AF_UNIX")  # type: ignore[attr-defined]
                listener.bind(address)
                if not util.is_abstract_socket_namespace(address):
                    os.chmod(address, 0o600)
                listener.listen()
                alive_r, alive_w = os.pipe()  # closed at this process's end, which ends the server
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:  # the server: never returns into this process's code
                    _serve(listener.fileno(), alive_r, alive_w)
                os.close(alive_r)
            server._forkserver_address = address  # noqa: SLF001
            server._forkserver_alive_fd = alive_w  # noqa: SLF001
            server._forkserver_pid = pid  # noqa: SLF001
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_OFF)  # a Ctrl-C pressed meanwhile arrives now
    return True


def _serve(listener_fd: int, alive_r: int, alive_w: int) -> NoReturn:
    """The forked server's whole life: multiprocessing's server loop, then exit (never this process's code)."""
    try:
        os.close(alive_w)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # as start_forkserver: the report stops its kernels itself
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD_OFF)
        forkserver.main(listener_fd, alive_r, list(PRELOAD))
    finally:
        os._exit(0)
