"""Ctrl-C is held back where Python would lose it (an import, code beneath numpy or pandas), then raised."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from peelstats.interrupts import would_be_lost

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is held back only where there are timers")


def _frame_in(module: str):
    scope = {"__name__": module, "sys": sys}
    exec("def here():\n    return sys._getframe()", scope)
    return scope["here"]()


def test_where_an_interrupt_would_be_lost():
    assert would_be_lost(_frame_in("importlib._bootstrap"))
    assert would_be_lost(_frame_in("pandas.core.generic"))
    assert would_be_lost(_frame_in("numpy"))
    assert not would_be_lost(_frame_in("peelstats.cli"))
    assert not would_be_lost(_frame_in("pandasx"))  # a package is matched by its whole name
    assert not would_be_lost(None)


def _run(script: str, tmp_path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          cwd=tmp_path, timeout=60)


def test_ctrl_c_during_an_import_arrives_after_it(tmp_path):
    # the module sends itself Ctrl-C, then goes on importing: the import finishes whole, then the interrupt arrives
    (tmp_path / "slow_module.py").write_text(textwrap.dedent("""
        import os, signal, time
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.1)
        FINISHED = True
    """))
    result = _run("""
        import sys
        from peelstats.interrupts import ctrl_c_where_safe
        try:
            with ctrl_c_where_safe():
                import slow_module
                while True:
                    pass  # the interrupt, looked at again every few milliseconds, ends this
        except KeyboardInterrupt:
            print("interrupted after", slow_module.FINISHED)
    """, tmp_path)
    assert result.stdout.strip() == "interrupted after True", result.stderr


def test_ctrl_c_beneath_pandas_arrives_after_it_even_when_the_block_ends_first(tmp_path):
    # numpy clears errors raised in code it calls: the interrupt waits until pandas' code has returned; if the
    # block then ends before the next look, it is raised there, not dropped
    result = _run("""
        import os, signal
        from peelstats.interrupts import ctrl_c_where_safe
        finished = []
        scope = {"__name__": "pandas.fake", "os": os, "signal": signal, "finished": finished}
        exec("def work():\\n    os.kill(os.getpid(), signal.SIGINT)\\n    finished.append(True)", scope)
        try:
            with ctrl_c_where_safe():
                scope["work"]()
        except KeyboardInterrupt:
            print("interrupted after", finished)
    """, tmp_path)
    assert result.stdout.strip() == "interrupted after [True]", result.stderr


def test_outside_the_block_ctrl_c_keeps_its_default_meaning(tmp_path):
    result = _run("""
        import signal
        from peelstats.interrupts import ctrl_c_where_safe
        with ctrl_c_where_safe():
            pass
        print(signal.getsignal(signal.SIGINT) is signal.default_int_handler,
              signal.getsignal(signal.SIGALRM) is signal.SIG_DFL)
    """, tmp_path)
    assert result.stdout.split() == ["True", "True"], result.stderr
