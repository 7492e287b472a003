"""Ingest: fetch the publishers' files (or a mirror's), cache and check them, parse them into the tidy dataset.

Owns downloads, the raw cache, the source parsers (``sources/``), the build and ``dataset.load``; may import the
reference layer and the base modules, never analysis, claims or reporting.
"""
