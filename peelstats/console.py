"""The ``peelstats`` console script: Ctrl-C at any moment, even while the libraries load, ends in one line."""

from __future__ import annotations

import sys

from peelstats.interrupts import ctrl_c_where_safe


def main() -> int:
    try:
        with ctrl_c_where_safe():  # else Ctrl-C during an import, say, could be lost or hang the command
            from peelstats.cli import main as run

            if sys.argv[1:2] == ["report"]:  # its kernels' forkserver: a fork of this process, which has imported
                from peelstats.reporting.forkserver import fork_forkserver_here  # half of what they need

                fork_forkserver_here()

            return run()
    except KeyboardInterrupt:
        print("peelstats: interrupted", file=sys.stderr)
        return 130
