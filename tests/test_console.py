"""The console script ends its process as soon as a command is done, without losing what Python's exit would do."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import textwrap


def _python(code: str, tmp_path, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, cwd=tmp_path, timeout=60)


def test_end_waits_for_threads_runs_exit_handlers_and_flushes(tmp_path):
    done = _python("""
        import atexit, sys, threading, time, weakref
        from peelstats.console import end

        class Held: pass
        held = Held()
        weakref.finalize(held, print, "finalizer ran")  # how tempfile removes its folders at exit
        atexit.register(print, "exit handler ran")
        def work():
            time.sleep(0.3)
            print("thread finished")
        threading.Thread(target=work).start()  # not a daemon: Python's exit waits for it, so must end()
        sys.stdout.write("buffered, no newline")
        end(3)
        print("never")
    """, tmp_path)
    assert done.returncode == 3, done.stderr
    for said in ("buffered, no newline", "thread finished", "finalizer ran", "exit handler ran"):
        assert said in done.stdout
    assert "never" not in done.stdout and done.stderr == ""


def test_the_command_output_is_whole_and_its_code_kept(tmp_path):
    env = {**os.environ, "PEELSTATS_DATA_DIR": str(tmp_path)}
    listed = subprocess.run([sys.executable, "-m", "peelstats", "forces", "--format", "csv"], capture_output=True,
                            text=True, env=env, timeout=120)
    assert listed.returncode == 0, listed.stderr
    rows = list(csv.reader(io.StringIO(listed.stdout)))  # no blank line at the end
    assert len(rows) > 43 and len(rows[-1]) == len(rows[0])  # every force, the last row whole
    wrong = subprocess.run([sys.executable, "-m", "peelstats", "trend", "--force", "Nowhere"], capture_output=True,
                           text=True, env=env, timeout=120)
    assert wrong.returncode == 2 and len(wrong.stderr.strip().splitlines()) == 1


def test_output_that_cannot_be_written_fails_the_command(tmp_path):
    done = _python("""
        import errno, sys
        from peelstats.console import end

        class FullDisk:  # what remains buffered cannot be written when the command ends
            def write(self, text):
                return len(text)
            def flush(self):
                raise OSError(errno.ENOSPC, "No space left on device")

        sys.stdout = FullDisk()
        end(0)
    """, tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "peelstats: output not written: No space left on device"
