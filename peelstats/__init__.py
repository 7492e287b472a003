"""peelstats: check claims about police recorded crime in England and Wales against the published statistics."""

__version__ = "0.1.0"
