"""Which edition of a source is the newest vintage of a period, when several hold it.

ONS re-issues a period's tables (a correction, a ``v2``) and keeps the old file as ``/previous/vN``; the Home Office
publishes a new open-data file that holds earlier quarters again; a user may add a workbook next to the sheet
exports of the same edition. Figures are read from one edition per period, never a sum of them: the newest, in
this order of evidence:

1. an address under ``/previous/vN`` is a superseded version (older than any other, older the smaller N);
2. the first-publication month of the registry or the cache's manifest (unknown: newer than any known month,
   since an edition found or added by hand is usually the latest);
3. a correction in the file's name (``correction``, ``corrected``, ``revised``, ``v2``) is newer than the first issue;
4. a whole workbook is preferred to sheets exported from the same edition.

The editions set aside stay in the data: ``peelstats vintages`` shows them beside the chosen one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

_SUPERSEDED = re.compile(r"/previous/v(\d+)(?:/|$)")
_CORRECTION = re.compile(r"correct|revis|(?<![a-z])v\d+(?![a-z])|v\d+$")


def _files(source: str) -> tuple:  # read each time: `editions add` may have changed them
    from peelstats.ingest import sources

    try:
        return tuple(sources.get(source).files())
    except (KeyError, Exception):  # noqa: BLE001 - an unknown source orders by label alone
        return ()


def published(source: str, edition: str) -> str:
    """An edition's first-publication month ('YYYY-MM'), '' when neither the registry nor the manifest says."""
    registered = next((f.published for f in _files(source) if f.edition == edition and f.published), "")
    if registered:
        return registered
    from peelstats.ingest.cache import RawCache

    return next((e.get("published") or "" for e in RawCache().read_manifest().values()
                 if e.get("source") == source and e.get("edition") == edition and e.get("published")), "")


def order_key(source: str, edition: str) -> tuple:
    """Sorts the editions of one period oldest first (see the module's rules)."""
    files = [f for f in _files(source) if f.edition == edition]
    addresses = " ".join(unquote(f.url or "") for f in files)
    superseded = _SUPERSEDED.search(addresses)
    stems = " ".join(re.sub(r"\.\w+$", "", f.filename.lower()) for f in files)
    month = published(source, edition) or "9999-99"
    return (superseded is None, int(superseded.group(1)) if superseded else 0, month,
            bool(_CORRECTION.search(stems) or _CORRECTION.search(edition.lower())),
            any(f.format != "csv" for f in files) or not files, edition)


def newest(source: str, editions: Iterable[str]) -> str:
    """The newest vintage among ``editions`` (labels of one source holding the same period)."""
    return max(editions, key=lambda e: order_key(source, str(e)))
