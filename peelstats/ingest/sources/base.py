"""What a source is: who publishes it, where it lives, which files (editions) it has, and how to parse them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

import pandas as pd
import requests

OGL = "Open Government Licence v3.0"


class SourceId(StrEnum):
    """Every source's identifier, defined once (the cache's folder names and the dataset's ``source`` column)."""

    ONS_PFA_TABLES = "ons-pfa-tables"
    REC_CRIME_PFA = "rec-crime-pfa"
    PRC_OPEN_DATA = "prc-open-data"
    POPULATION = "population"
    ONS_RELEASE_CALENDAR = "ons-release-calendar"

ParsedTables = dict[str, pd.DataFrame]  # table name (see peelstats.ingest.schema) -> rows


@dataclass(frozen=True)
class RemoteFile:
    """One downloadable file of a source: one edition (vintage) of it."""

    source_id: str
    filename: str  # name in the cache folder
    url: str  # default location at the real publisher
    mirror_path: str  # location inside a mirror laid out like shared/data
    edition: str  # human label of the edition / vintage
    format: str  # xlsx, ods, csv, json
    period_end: str | None = None  # latest period the edition covers (ISO date), when known
    url_verified: bool = False  # True when the publisher URL is confirmed, not inferred from a pattern
    known_sha256: str | None = None  # sha256 of the published file as registered; a mismatch is a revision
    note: str = ""
    published: str = ""  # first publication, "YYYY-MM" (approximate; orders vintages)
    required: bool = True  # False: fetched when available (a registered address not verified, a later edition)
    mirror_only: bool = False  # exists only in a mirror (e.g. a sheet saved as CSV by a third party)
    tables: str = ""  # which tables the file holds ("P1 P2 P3", "C2"); empty: whatever it holds
    found_online: bool = False  # discovered on the publisher's pages or added by address: a mirror may lack it

    def addresses(self, mirror: str | None) -> list[str]:
        """Where to fetch it, in order: the mirror's copy when a mirror is set (then the publisher's, for a file
        found online that the mirror may not hold), else the publisher's."""
        if not mirror:
            return [self.url]
        return [mirror_url(mirror, self.mirror_path), *([self.url] if self.found_online and self.url else [])]


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: str
    landing_page: str
    format: str
    edition_note: str
    parser: Callable[[Path, RemoteFile], ParsedTables]
    files: Callable[[], list[RemoteFile]]  # the statically known files (mirror layout, registered editions)
    resolve_current: Callable[[requests.Session], list[RemoteFile]] | None = None  # network discovery
    check: Callable[[ParsedTables], None] | None = None  # a check across all of the source's parsed files
    # told what a newly fetched file parsed into (e.g. the period an edition's title gives, for the registry)
    learn: Callable[[RemoteFile, ParsedTables], None] | None = None
    licence: str = OGL
    caveats: tuple[str, ...] = field(default=())
    mirror_only: bool = False  # no machine-readable publisher file: fetched only from a mirror

    def remote_files(self, *, mirror: str | None, session: requests.Session | None) -> list[RemoteFile]:
        """Files to fetch: the mirror's copies when a mirror is set, else the publisher's current files."""
        if mirror is None and self.resolve_current is not None:
            return self.resolve_current(session or requests.Session())
        return self.files()


def mirror_url(mirror: str, mirror_path: str) -> str:
    """Where a mirror (folder or http(s) base URL laid out like shared/data) holds ``mirror_path``."""
    if mirror.startswith(("http://", "https://")):
        return mirror.rstrip("/") + "/" + quote(mirror_path)
    if mirror.startswith("file://"):
        return mirror.rstrip("/") + "/" + quote(mirror_path)
    return str(Path(mirror).expanduser().resolve() / mirror_path)
