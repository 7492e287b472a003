"""Speed of the claims engine, printed (not asserted).

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_claims.py``

A claim file of 50 claims of every kind that reads figures (changes with quantifiers, counts, count changes,
rates, comparisons, ranks, counts of forces, directions, earlier years), about 25 forces, regions and England
and Wales, half with unstated periods (each tried on every quarter end of the year before the document, in both
sources), evaluated over the whole dataset. Target: under 5 s warm. Cold (first evaluation after loading: panels
and figures built) and warm (dataset already loaded, a new evaluation) are measured side by side in one run.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml
from common import build_dataset, mirror_or_exit

from peelstats.claims import evaluate
from peelstats.ingest.dataset import load
from peelstats.reference import forces

DATES = ("2018-06-04", "2019-08-01", "2017-07-20", "2014-07-18", "2012-07-20")


def claim_file(path: Path) -> Path:
    territorial = forces.TERRITORIAL_FORCES
    claims = []
    for i in range(50):
        force = territorial[(i * 7) % 43].name
        date = DATES[i % len(DATES)]
        stated = {"period": {"end": f"{int(date[:4]) - (1 if date[5:7] < '08' else 0)}-03-31"}} if i % 2 else {}
        kind = i % 10
        base = {"id": f"c{i}", "quote": f"claim {i}", "force": force, **stated}
        if kind == 0:
            claims.append({**base, "kind": "change", "offence": "total", "quoted_value": "almost 5%"})
        elif kind == 1:
            claims.append({**base, "kind": "count", "offence": "robbery", "quoted_value": "more than 500"})
        elif kind == 2:
            claims.append({**base, "kind": "count_change", "offence": "total", "quoted_value": 1000})
        elif kind == 3:
            claims.append({**base, "kind": "rate", "offence": "total", "quoted_value": "one in 12"})
        elif kind == 4:
            claims.append({**base, "kind": "comparison", "offence": "violence", "relation": "faster_rise"})
        elif kind == 5:
            claims.append({**base, "kind": "rank", "offence": "burglary", "order": "lowest", "top": 10})
        elif kind == 6:
            claims.append({**base, "kind": "count_of_forces", "offence": "total", "direction": "increase",
                           "within": "region", "quoted_count": 3, "members": [force]})
        elif kind == 7:
            claims.append({**base, "kind": "change", "subject": "national", "offence": "total", "quoted_value": 10})
        elif kind == 8:
            claims.append({**base, "kind": "direction", "offence": "robbery", "direction": "decrease"})
        else:
            claims.append({**base, "kind": "earlier_years", "offence": "vehicle offences", "direction": "increase",
                           "previous_years": 3, "far_less_margin_pp": 5})
    path.write_text(yaml.safe_dump({
        "schema": "peelstats-claims/2",
        "document": {"id": "bench", "title": "Benchmark", "author": "peelstats", "date": "2018-06-04"},
        "claims": claims}, sort_keys=False))
    return path


def main() -> int:
    mirror = mirror_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        processed = build_dataset(Path(tmp) / "data", mirror)
        path = claim_file(Path(tmp) / "claims.yaml")
        data = load(processed, fresh=True)
        started = time.perf_counter()
        evaluation = evaluate(path, data=data)
        cold = time.perf_counter() - started
        warm = []
        for _ in range(3):
            started = time.perf_counter()
            evaluate(path, data=data)
            warm.append(time.perf_counter() - started)
    verdicts = {}
    for result in evaluation:
        verdicts[str(result.verdict)] = verdicts.get(str(result.verdict), 0) + 1
    candidates = sum(len(r.candidates) for r in evaluation)
    print(f"50 claims, {candidates} candidate readings; verdicts: {verdicts}")
    print(f"cold (panels and figures built): {cold:6.2f} s")
    print(f"warm (median of 3):              {statistics.median(warm):6.2f} s   target < 5 s; "
          f"{statistics.median(warm) / 50 * 1000:.0f} ms per claim; cold/warm = {cold / statistics.median(warm):.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
