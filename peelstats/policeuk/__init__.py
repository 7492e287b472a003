"""data.police.uk: an API client (rate limited, retrying, cached, polygon-splitting) and an archive reader.

police.uk categories are not Home Office offence groups and include anti-social behaviour: use them for local
texture, never to evidence force-versus-national % changes.
"""

from peelstats.policeuk.archive import (
    ArchiveLayoutError,
    CorruptArchiveError,
    UnsafeArchiveError,
    street_counts,
    street_files,
    street_records,
)
from peelstats.policeuk.categories import CATEGORIES, category, mapping_table
from peelstats.policeuk.client import (
    MonthNotAvailableError,
    PoliceUK,
    PoliceUKError,
    PolygonTooDenseError,
    TooManyCrimesError,
)
from peelstats.policeuk.ratelimit import SystemClock, TokenBucket

__all__ = ["CATEGORIES", "ArchiveLayoutError", "CorruptArchiveError", "MonthNotAvailableError",
           "PoliceUK", "PoliceUKError", "PolygonTooDenseError", "SystemClock", "TokenBucket", "TooManyCrimesError",
           "UnsafeArchiveError", "category", "mapping_table", "street_counts", "street_files", "street_records"]
