"""Curated reference tables shipped with peelstats (facts with their sources; see docs/assumptions.md)."""
