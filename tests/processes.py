"""Which processes are still at work in a folder: how the tests see that kernels (and the forkserver they are forked
from) were stopped. Kernels start in the folder of the process that asks for them and move to the report's."""

from __future__ import annotations

from pathlib import Path


def processes_in(folder) -> list[str]:
    """The pids of processes whose working folder is ``folder`` or under it."""
    found = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if str((proc / "cwd").readlink()).startswith(str(folder)):
                found.append(proc.name)
        except OSError:
            continue
    return found
