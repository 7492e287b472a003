"""Ctrl-C stops a peelstats command, but never where Python would lose the interrupt or hang on it.

A KeyboardInterrupt raised in the wrong place vanishes, and the command runs on as if Ctrl-C had not been pressed:
inside an import (Cython's module initialisation, the import lock's weakref callback), in Python code that numpy
or pandas call from C (numpy's attribute look-ups clear any error), or in a ``__del__``. Inside an import it can
also leave the import lock held, and the command hangs. So while the command is in one of those places, Ctrl-C is
held back (looked at again every few milliseconds) and raised as soon as it is back in code that lets it through.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_IMPORT_MACHINERY = frozenset({"importlib._bootstrap", "importlib._bootstrap_external"})
# Packages whose C code calls Python code and clears whatever it raises (seen: numpy's look-up of __array__-like
# attributes through pandas' __getattr__): an interrupt raised anywhere beneath them may never arrive.
_CLEAR_ERRORS = frozenset({"numpy", "pandas", "pyarrow"})
_LOOK_AGAIN = 0.01  # seconds between looks while Ctrl-C is held back
_held = threading.Event()  # Ctrl-C pressed and not yet raised


def would_be_lost(frame: FrameType | None) -> bool:
    """Whether a KeyboardInterrupt raised in ``frame`` could vanish or hang: ``frame`` or a caller of it is an
    import in progress, code beneath numpy, pandas or pyarrow, or a finaliser."""
    while frame is not None:
        module = frame.f_globals.get("__name__") or ""
        if (module in _IMPORT_MACHINERY or module.partition(".")[0] in _CLEAR_ERRORS
                or frame.f_code.co_name == "__del__"):
            return True
        frame = frame.f_back
    return False


def raise_where_safe(signum: int, frame: FrameType | None) -> None:
    """The SIGINT handler (and SIGALRM's, while Ctrl-C is held back)."""
    if would_be_lost(frame):
        _held.set()
        signal.setitimer(signal.ITIMER_REAL, _LOOK_AGAIN)  # look again soon
        return
    _held.clear()
    raise KeyboardInterrupt


@contextmanager
def ctrl_c_where_safe() -> Iterator[None]:
    """Within this block, Ctrl-C is raised as KeyboardInterrupt where it cannot be lost.

    Only where Ctrl-C has Python's default meaning (the main thread, the default handler) and the platform has
    interval timers (not Windows, where Ctrl-C keeps its default behaviour)."""
    if (not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
            or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None)):
        yield
        return
    _held.clear()
    signal.signal(signal.SIGALRM, raise_where_safe)
    signal.signal(signal.SIGINT, raise_where_safe)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    if _held.is_set():  # pressed, and the block ended before a look found a safe place: here is one
        _held.clear()
        raise KeyboardInterrupt
