"""The record a build leaves (``build.json``) and the check that its tables are the ones it wrote.

Kept apart from :mod:`peelstats.ingest.build` (which imports every parser) so that loading the dataset, in every
notebook kernel, does not pay for the parsers.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pyarrow.parquet as pq

from peelstats import config
from peelstats.ingest import schema
from peelstats.ingest.atomic import sha256_of

log = logging.getLogger(__name__)

BUILD_FILE = "build.json"


def read_build_info(out_dir: Path | None = None) -> dict | None:
    """``build.json``, or None when it is missing or unreadable (a half-written one is rebuilt, not trusted)."""
    path = Path(out_dir or config.processed_dir()) / BUILD_FILE
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError) as error:
        log.warning("%s is unreadable (%s); the dataset will be rebuilt", path, error)
        return None
    if not isinstance(info, dict) or not isinstance(info.get("rows"), dict) or \
            not isinstance(info.get("signature"), dict) or not isinstance(info["signature"].get("inputs"), dict):
        log.warning("%s is not a build record; the dataset will be rebuilt", path)
        return None
    return info


def tables_readable(out_dir: Path) -> bool:
    """Every table's parquet file is there, is the table it should be (its columns), and is byte for byte what
    the build wrote (``build.json`` records each table's sha256): damage anywhere in a file is caught, not only
    in its footer."""
    written = (read_build_info(out_dir) or {}).get("tables") or {}
    for table in schema.TABLES:
        path = out_dir / f"{table}.parquet"
        try:
            columns = pq.read_schema(path).names
            if columns != schema.COLUMNS[table]:
                raise ValueError(f"its columns are not the {table} table's")
            if table in written and sha256_of(path) != written[table]:
                raise ValueError("it is not the file the build wrote (damaged or replaced)")
        except (OSError, ValueError) as error:
            if path.exists():
                log.warning("%s is unreadable (%s); the dataset will be rebuilt", path, error)
            return False
    return True
