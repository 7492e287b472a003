"""Claims: a document's testable statements as data, and their verdicts.

* :mod:`~peelstats.claims.model`: the typed claim model (one pydantic model per kind);
* :mod:`~peelstats.claims.claim_file`: reading claim files, every problem reported at once;
* :mod:`~peelstats.claims.words`: quantifiers, fractions and size words (``words.yaml``);
* :mod:`~peelstats.claims.engine` and :mod:`~peelstats.claims.kinds`: candidates, one evaluator per kind;
* :mod:`~peelstats.claims.evaluation`: :func:`evaluate` a whole file.

Bundled claim files live in ``bundled/``.
"""

from peelstats.claims.claim_file import ClaimFileError, load_claim_file
from peelstats.claims.evaluation import Evaluation, evaluate
from peelstats.claims.verdict import VERDICTS, Verdict

__all__ = ["VERDICTS", "ClaimFileError", "Evaluation", "Verdict", "evaluate", "load_claim_file"]
