"""peelstats: check claims about police recorded crime in England and Wales against the published statistics.

>>> from peelstats import compare
>>> compare("west mercia", period_end="2018-03-31")      # doctest: +SKIP

The package is in layers, each a subpackage that imports only those below it (``tests/test_layers.py`` holds
them to it): ``reference`` (registries) < ``ingest`` (fetch, cache, parse, dataset) < ``analysis`` (figures,
comparisons, trends) and ``policeuk`` < ``claims`` < ``reporting`` (notebooks, reports); ``cli`` on top; the base
modules ``config``, ``errors``, ``formats``, ``interrupts`` and ``output`` serve all of them.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import sys

__version__ = "0.1.0"

__all__ = ["check", "compare", "cross_check", "evaluate", "league", "load", "trend", "vintages"]

# The library's main functions, imported when first used: `import peelstats` stays fast and needs no data.
_LAZY = {
    "compare": ("peelstats.analysis.comparison", "compare"),
    "trend": ("peelstats.analysis.trends", "trend"),
    "league": ("peelstats.analysis.league_table", "league"),
    "vintages": ("peelstats.analysis.revisions", "vintages"),
    "cross_check": ("peelstats.analysis.revisions", "cross_check"),
    "check": ("peelstats.claims.check", "check"),
    "evaluate": ("peelstats.claims", "evaluate"),
    "load": ("peelstats.ingest.dataset", "load"),
}

# Where each module lived before the layers (0.1 and earlier): its old name still imports it, so analysts'
# notebooks and scripts keep working (`import peelstats.dataset`, `from peelstats import forces`).
MOVED = {
    **{name: f"reference.{name}" for name in ("forces", "offences", "periods", "breaks", "gaps", "grades",
                                               "releases", "geography")},
    **{name: f"ingest.{name}" for name in ("atomic", "download", "cache", "fetch", "spreadsheet", "schema", "build",
                                            "build_record", "dataset", "doctor", "vintage_order", "sources")},
    **{name: f"analysis.{name}" for name in ("panel", "selection", "figures", "comparators", "comparison",
                                              "trends", "league_table", "revisions", "rates")},
    **{name: f"reporting.{name}" for name in ("sections", "plots", "report", "report_index", "batch",
                                               "claim_views")},
    "exceptions": "errors",
}


def __getattr__(name: str):
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    if name in MOVED:
        return importlib.import_module(f"peelstats.{MOVED[name]}")
    raise AttributeError(f"module 'peelstats' has no attribute {name!r}")


class _OldNames(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``peelstats.<old name>[.<submodule>]`` imports the module at its new place (the same module object)."""

    def find_spec(self, fullname: str, path=None, target=None):
        parts = fullname.split(".")
        if len(parts) >= 2 and parts[0] == __name__ and parts[1] in MOVED:
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        parts = spec.name.split(".")
        return importlib.import_module(".".join([__name__, *MOVED[parts[1]].split("."), *parts[2:]]))

    def exec_module(self, module) -> None:
        pass  # the module at its new place is already executed


if not any(isinstance(finder, _OldNames) for finder in sys.meta_path):
    sys.meta_path.append(_OldNames())
