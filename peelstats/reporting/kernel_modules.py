"""What a report's notebooks import, imported once in the forkserver their kernels are forked from
(:mod:`peelstats.reporting.forkserver` preloads this module).

Imported with the garbage collector paused, then frozen (``gc.freeze``): the imports make some 150,000 objects, and
a full collection over them took 0.08 s each time it ran, during the imports and again in every kernel. Frozen,
they are never scanned again, and a forked kernel never writes to their memory pages just to scan them (which
would copy the pages from the forkserver). An import that fails here is left to the kernel, which imports it again
and shows the error in its notebook.
"""

from __future__ import annotations

import contextlib
import gc
import importlib

MODULES = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "IPython.display", "pandas", "pandas.io.formats.style",
    "pyarrow.parquet", "matplotlib.figure", "matplotlib.backends.backend_svg", "peelstats.reporting.sections",
    "peelstats.reporting.plots", "peelstats.analysis.comparison", "peelstats.claims.claim_file",
    "peelstats.claims.engine",
)  # not the optional police.uk notebook's modules: its HTTP cache stack alone takes 0.15 s


def _import_all() -> None:
    for name in MODULES:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


if gc.isenabled():
    gc.disable()
    try:
        _import_all()
    finally:
        gc.freeze()
        gc.enable()
else:  # a process that manages the collector itself
    _import_all()
