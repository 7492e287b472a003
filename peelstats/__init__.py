"""peelstats: check claims about police recorded crime in England and Wales against the published statistics.

>>> from peelstats import compare
>>> compare("west mercia", period_end="2018-03-31")      # doctest: +SKIP
"""

__version__ = "0.1.0"

__all__ = ["check", "compare", "cross_check", "evaluate", "league", "load", "trend", "vintages"]


def __getattr__(name):  # lazy: `import peelstats` stays fast and needs no data
    if name == "compare":
        from peelstats.comparison import compare
        return compare
    if name == "trend":
        from peelstats.trends import trend
        return trend
    if name == "league":
        from peelstats.league_table import league
        return league
    if name == "check":
        from peelstats.claims.check import check
        return check
    if name == "evaluate":
        from peelstats.claims import evaluate
        return evaluate
    if name == "load":
        from peelstats.dataset import load
        return load
    if name in ("vintages", "cross_check"):
        from peelstats import revisions as module
        return getattr(module, name)
    if name == "plots":
        import importlib
        return importlib.import_module("peelstats.plots")
    raise AttributeError(f"module 'peelstats' has no attribute {name!r}")
