"""How well ``peelstats check`` reads real sentences, printed (not asserted).

Run: ``PEELSTATS_MIRROR=../shared/data .venv/bin/python benchmarks/bench_check.py [-v]``

Over the annotated corpus (tests/check_corpus.yaml: real sentences from press coverage, the claims a careful
reader drafts from them, annotated independently of the reader):

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

from check_gold import corpus, score  # noqa: E402

from peelstats.dataset import load  # noqa: E402


def main() -> int:
    mirror = mirror_or_exit()
    with tempfile.TemporaryDirectory() as tmp:
        data = load(build_dataset(Path(tmp) / "data", mirror), fresh=True)
        sentences = corpus()
        score(data, sentences[:3])  # warm the panels
        result = score(data, sentences)
    articles = len({s["article"] for s in sentences})
    print(f"corpus: {result.sentences} sentences from {articles} articles; {result.annotated} claims annotated")
    print(f"drafted {result.drafted}, read correctly {result.correct}")
    print(f"precision {result.precision:.3f}  (target >= 0.95)")
    print(f"recall    {result.recall:.3f}  (target >= 0.80)")
    print(f"time per sentence {result.seconds / result.sentences * 1000:.0f} ms (read, draft and evaluate, warm)")
    if "-v" in sys.argv:
        print("\nDrafted but matching no annotated claim:")
        print("\n".join(f"  {w}" for w in result.wrong) or "  none")
        print("\nAnnotated but not read:")
        print("\n".join(f"  {m}" for m in result.misses) or "  none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
