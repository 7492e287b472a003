"""The fault script (tests/fault_script.py) on a small synthetic mirror: every kill and every damaged cache file
is recovered from by the next ordinary `peelstats fetch` and `peelstats build`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
def test_every_fault_recovers_by_itself():
    script = Path(__file__).with_name("fault_script.py")
    done = subprocess.run([sys.executable, str(script), "--kills", "3"], capture_output=True, text=True,
                          timeout=1200)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "NOT RECOVERED" not in done.stdout
    summary = done.stdout.strip().splitlines()[-1]
    recovered, _, total = summary.split()[:3]
    assert recovered == total and int(total) > 60, summary
