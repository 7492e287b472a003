"""The ``peelstats`` console script: Ctrl-C at any moment, even while the libraries load, ends in one line; and
the process ends as soon as the command is done (:func:`end`)."""

from __future__ import annotations

import atexit
import os
import sys
import threading
from typing import NoReturn

from peelstats.interrupts import ctrl_c_where_safe


def main() -> NoReturn:
    end(run())


def run() -> int:
    try:
        with ctrl_c_where_safe():  # else Ctrl-C during an import, say, could be lost or hang the command
            from peelstats.cli import main as command

            if sys.argv[1:2] == ["report"]:  # its kernels' forkserver: a fork of this process, which has imported
                from peelstats.reporting.forkserver import fork_forkserver_here  # half of what they need

                fork_forkserver_here()

            return command()
    except KeyboardInterrupt:
        print("peelstats: interrupted", file=sys.stderr)
        return 130


def end(code: int) -> NoReturn:
    """End the process with ``code`` once the command is done, without Python's own teardown: that frees, one by
    one, every object the command made (for a report, pandas, matplotlib and the notebooks' state: a fifth of a
    second of CPU after its last page is written), memory the operating system takes back at once anyway.

    What Python's exit does that matters is still done, in its order: waiting for threads that are not daemons
    (Python's own shutdown of them, which also stops idle thread pools), the ``atexit`` handlers (multiprocessing
    stops the kernels and removes its temporary folder, weakref finalizers remove temporary folders, logging
    flushes), and the standard streams are flushed."""
    shutdown = getattr(threading, "_shutdown", None)  # what Python's exit calls first (CPython 3.x)
    if shutdown is None:
        sys.exit(code)
    try:
        shutdown()
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (BrokenPipeError, ValueError):  # a reader gone (`| head`), a stream closed: nothing to say
                pass
            except OSError as error:  # e.g. a full disk: the output is incomplete, so the command failed
                os.write(2, f"peelstats: output not written: {error.strerror or error}\n".encode())
                code = code or 2
    except KeyboardInterrupt:  # Ctrl-C while waiting for threads or handlers: Python's exit would stop there too
        print("peelstats: interrupted", file=sys.stderr)
        code = 130
    os._exit(code)
