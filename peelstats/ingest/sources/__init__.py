"""The source registry: one loader module per published source.

Each module holds the source's metadata, its files (editions) and its parser; fetching lives in
:mod:`peelstats.ingest.fetch`, standardising into the tidy dataset in :mod:`peelstats.ingest.build`.
"""

from __future__ import annotations

from peelstats.errors import UnknownSourceError
from peelstats.ingest.sources import ons_pfa_tables, ons_release_calendar, population, prc_open_data, rec_crime_pfa
from peelstats.ingest.sources.base import RemoteFile, Source, SourceId, mirror_url

REGISTRY: dict[str, Source] = {
    s.id: s for s in (ons_pfa_tables.SOURCE, rec_crime_pfa.SOURCE, prc_open_data.SOURCE, population.SOURCE,
                      ons_release_calendar.SOURCE)
}


def get(source_id: str) -> Source:
    try:
        return REGISTRY[source_id]
    except KeyError:
        raise UnknownSourceError(source_id, list(REGISTRY)) from None


__all__ = ["REGISTRY", "RemoteFile", "Source", "SourceId", "get", "mirror_url"]
