"""Reference registries: forces, offences, periods, series breaks, data gaps, PEEL grades, release dates, places.

Owns the facts every other layer reads (with their data files in ``peelstats/data/``); imports nothing of
peelstats but the base modules (``config``, ``errors``, ``formats``).
"""
