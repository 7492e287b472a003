"""Analysis: a period's figures for every force and geography (one engine, ``figures``), presented as comparisons,
trends, league tables, vintages and rates.

May import the ingest and reference layers and the base modules, never claims or reporting.
"""
