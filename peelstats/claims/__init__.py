"""Claims: a document's testable statements as data, and their verdicts.

* :mod:`~peelstats.claims.model`: the typed claim model (one pydantic model per kind);
* :mod:`~peelstats.claims.claim_file`: reading claim files, every problem reported at once;
* :mod:`~peelstats.claims.words`: quantifiers, fractions and size words (``words.yaml``);
* :mod:`~peelstats.claims.engine` and :mod:`~peelstats.claims.kinds`: candidates, one evaluator per kind;
* :mod:`~peelstats.claims.evaluation`: :func:`evaluate` a whole file.

Bundled claim files live in ``bundled/``.
"""

from __future__ import annotations

import importlib

from peelstats.claims.kind import Kind
from peelstats.claims.verdict import VERDICTS, Verdict
from peelstats.errors import ClaimFileError

__all__ = ["VERDICTS", "ClaimFileError", "Evaluation", "Kind", "Verdict", "evaluate", "load_claim_file"]

# The engine loads when first used: a notebook that only shows verdicts does not pay for it.
_LAZY = {"Evaluation": "peelstats.claims.evaluation", "evaluate": "peelstats.claims.evaluation",
         "load_claim_file": "peelstats.claims.claim_file"}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'peelstats.claims' has no attribute {name!r}")
