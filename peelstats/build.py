"""Parse the raw files into the tidy dataset (parquet under ``<data>/processed/``).

The build is keyed on the sha256 of every raw input plus the parser version: when nothing changed, it
does nothing. Each table is written to a temporary file and renamed, and ``build.json`` is written last,
so an interrupted build is simply redone next time.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from peelstats import __version__, config, schema, sources
from peelstats.atomic import atomic_path, write_text
from peelstats.cache import RawCache
from peelstats.exceptions import DataNotBuiltError
from peelstats.fetch import cached_files

log = logging.getLogger(__name__)

PARSER_VERSION = 3  # bump whenever a parser's output changes
BUILD_FILE = "build.json"


@dataclass(frozen=True)
class BuildReport:
    skipped: bool
    seconds: float
    rows: dict[str, int]
    inputs: dict[str, str]
    out_dir: Path


def build(*, force: bool = False, cache: RawCache | None = None, out_dir: Path | None = None) -> BuildReport:
    """Parse every cached raw file into the tidy tables, unless the inputs are unchanged."""
    started = time.perf_counter()
    cache = cache or RawCache()
    out_dir = Path(out_dir) if out_dir is not None else config.processed_dir()
    files = cached_files(cache)
    if not files:
        raise DataNotBuiltError(f"No raw files in {cache.root}; run `peelstats fetch` first "
                                f"(set {config.MIRROR_ENV} to work offline).")
    inputs = {cache.key(path): entry["sha256"] for _, path, entry in files}
    signature = {"parser_version": PARSER_VERSION, "peelstats": __version__, "inputs": inputs}
    previous = read_build_info(out_dir)
    if not force and previous and previous.get("signature") == signature and _all_tables_present(out_dir):
        log.info("Raw files unchanged since the last build; nothing to do")
        return BuildReport(True, time.perf_counter() - started, previous["rows"], inputs, out_dir)

    collected: dict[str, list[pd.DataFrame]] = defaultdict(list)
    for remote, path, _ in files:
        log.info("Parsing %s", path.name)
        parsed = sources.get(remote.source_id).parser(path, remote)
        for table, frame in parsed.items():
            if len(frame):
                collected[table].append(frame)
    out_dir.mkdir(parents=True, exist_ok=True)
    rows = {}
    for table in schema.TABLES:
        frames = collected.get(table)
        frame = schema.conform(table, pd.concat(frames, ignore_index=True)) if frames else schema.empty(table)
        _write_parquet_atomically(frame, out_dir / f"{table}.parquet")
        rows[table] = len(frame)
    info = {"signature": signature, "rows": rows, "built_at": pd.Timestamp.now(tz="UTC").isoformat()}
    write_text(out_dir / BUILD_FILE, json.dumps(info, indent=2))
    seconds = time.perf_counter() - started
    log.info("Built %s in %.1fs", ", ".join(f"{t}: {n:,}" for t, n in rows.items()), seconds)
    return BuildReport(False, seconds, rows, inputs, out_dir)


def read_build_info(out_dir: Path | None = None) -> dict | None:
    path = Path(out_dir or config.processed_dir()) / BUILD_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None


def _all_tables_present(out_dir: Path) -> bool:
    return all((out_dir / f"{table}.parquet").is_file() for table in schema.TABLES)


def _write_parquet_atomically(frame: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False)
