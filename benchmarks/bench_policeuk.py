"""data.police.uk figures, printed (not asserted).

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_policeuk.py``

* crimes per second parsed by the archive reader on the real March 2018 CSVs;
* requests per second observed against a loopback server under the rate limiter (15/s, burst 30), real clock;
* peak memory to aggregate one month "for all forces", simulated by concatenating the real files 40 times
  (measured in a fresh process, beside the baseline of importing the reader). Target: under 500 MB, streaming.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from common import mirror_or_exit

from peelstats.policeuk import PoliceUK, street_counts

PEAK = """
import resource, sys
from peelstats.policeuk import street_counts
if len(sys.argv) > 1:
    frame = street_counts([sys.argv[1]])
    print(int(frame["count"].sum()), end=" ")
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


class _Forces(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server API
        body = json.dumps([{"id": "west-mercia", "name": "West Mercia Police"}]).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main() -> int:
    mirror = mirror_or_exit()
    folder = Path(mirror) / "policeuk" / "street" / "2018-03"
    counted = street_counts([folder])
    rows, crimes = int(counted["count"].sum()), int(counted[counted.is_crime]["count"].sum())
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        street_counts([folder])
        runs.append(time.perf_counter() - start)
    print(f"archive reader: {rows:,} rows ({crimes:,} crimes, the rest anti-social behaviour) in "
          f"{statistics.median(runs) * 1000:.0f} ms -> {crimes / statistics.median(runs):,.0f} crimes/s, "
          f"{rows / statistics.median(runs):,.0f} rows/s (median of 5)")

    server = ThreadingHTTPServer(("127.0.0.1", 0), _Forces)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    api = PoliceUK(f"http://127.0.0.1:{server.server_address[1]}/api", use_cache=False)
    stamps = []
    for _ in range(120):
        api.forces()
        stamps.append(time.perf_counter())
    server.shutdown()
    total = stamps[-1] - stamps[0]
    steady = (len(stamps) - 31) / (stamps[-1] - stamps[30])
    print(f"rate limiter: 120 requests in {total:.2f} s -> {119 / total:.1f} requests/s overall "
          f"(first 30 a burst), {steady:.2f} requests/s after the burst (limit 15/s)")

    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "2018-03-all-forces-street.csv"
        files = sorted(folder.glob("*.csv"))
        with big.open("wb") as out:
            out.write(files[0].read_bytes().split(b"\n", 1)[0] + b"\n")
            for _ in range(40):
                for path in files:
                    out.write(path.read_bytes().split(b"\n", 1)[1])
        base = subprocess.run([sys.executable, "-c", PEAK], capture_output=True, text=True, check=True).stdout
        peak = subprocess.run([sys.executable, "-c", PEAK, str(big)], capture_output=True, text=True,
                              check=True).stdout.split()
        size = big.stat().st_size
    print(f"memory: {int(peak[0]):,} rows ({size / 1e6:.0f} MB CSV, 40 x the two real files) aggregated with a peak "
          f"of {peak[1]} MB RSS (baseline after imports {base.strip()} MB)   target < 500 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
