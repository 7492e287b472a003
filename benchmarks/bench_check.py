"""How well ``peelstats check`` reads real sentences, printed (not asserted).

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_check.py [-v]``

Over annotated corpora of real sentences from press coverage of the official figures (the claims a careful
reader drafts from them, annotated independently of the reader's code):

* tests/check_corpus.yaml, the development corpus: read while the reader was built;
* tests/check_holdout.yaml, the held-out corpus: annotated after the reader was built (its first score, before
  any change it prompted, is in docs/claims.md), and used since for fixing;
* tests/check_holdout2.yaml, the second held-out corpus: new sentences annotated after the audit fixes, before the
  reader was first run on them (its first score is in docs/claims.md), and used since for fixing (by failure class);
* tests/check_holdout3.yaml, the third held-out corpus: new sentences annotated after the fixes the second prompted,
  before the reader was first run on them (its first score is in docs/claims.md), and used since for fixing (by
  failure class, with invented test sentences);
* tests/check_holdout4.yaml, the fourth held-out corpus: new sentences annotated after the fixes the third prompted,
  before the reader was first run on them (first score P 0.827, R 0.688), and used since for fixing (by failure
  class, with invented test sentences: P 0.980, R 0.800 after reader round 4);
* tests/check_holdout5.yaml, the fifth held-out corpus: new sentences from new articles annotated after reader round
  4, before the reader was first run on them (first score P 0.694, R 0.447, in the file's header and docs/claims.md),
  and used since for fixing (by failure class, with invented test sentences: P 0.891, R 0.621 after reader round 5;
  8 of the 10 claims still drafted wrongly take their place or offence from the sentence before);

it prints

* precision = claims read correctly / claims drafted (target at least 0.95),
* recall = claims read correctly / claims annotated (target at least 0.8),

and the time per sentence (reading, drafting and evaluating on the whole dataset, warm). ``-v`` lists the
claims drafted wrongly and those missed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from common import build_dataset, mirror_or_exit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from check_gold import HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4, HOLDOUT5, corpus, score  # noqa: E402

from peelstats.ingest.dataset import load  # noqa: E402


def main() -> int:
    mirror = mirror_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        data = load(build_dataset(Path(tmp) / "data", mirror), fresh=True)
        score(data, corpus()[:3])  # warm the panels
        results = {name: (sentences, score(data, sentences)) for name, sentences in
                   (("development", corpus()), ("held-out", corpus(HOLDOUT)),
                    ("second held-out", corpus(HOLDOUT2)), ("third held-out", corpus(HOLDOUT3)),
                    ("fourth held-out", corpus(HOLDOUT4)), ("fifth held-out", corpus(HOLDOUT5)))}
    for name, (sentences, result) in results.items():
        articles = len({s["article"] for s in sentences})
        print(f"{name} corpus: {result.sentences} sentences from {articles} articles; "
              f"{result.annotated} claims annotated; drafted {result.drafted}, read correctly {result.correct}")
        print(f"  precision {result.precision:.3f}  (target >= 0.95)")
        print(f"  recall    {result.recall:.3f}  (target >= 0.80)")
        print(f"  time per sentence {result.seconds / result.sentences * 1000:.0f} ms (read, draft and evaluate, "
              f"warm)")
        if "-v" in sys.argv:
            print("\n  Drafted but matching no annotated claim:")
            print("\n".join(f"    {w}" for w in result.wrong) or "    none")
            print("\n  Annotated but not read:")
            print("\n".join(f"    {m}" for m in result.misses) or "    none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
