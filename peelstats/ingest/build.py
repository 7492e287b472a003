"""Parse the raw files into the tidy dataset (parquet under ``<data>/processed/``).

The build is keyed on the sha256 of every raw input, hashed afresh from the files themselves (a file edited
after it was fetched is noticed), plus the parser version: when nothing changed, it does nothing. Each table
is written to a temporary file and renamed, and ``build.json`` is written last, so an interrupted build is
simply redone next time. ``build.json`` records what was actually parsed: each input's sha256, and the
earlier version used where the newest copy of a file no longer parses.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from filelock import FileLock, Timeout

from peelstats import __version__, config
from peelstats.errors import (
    DataNotBuiltError,
    IncompleteRawDataError,  # noqa: F401 - raised here, importable from here
    PeelstatsError,
)
from peelstats.ingest import schema, sources
from peelstats.ingest.atomic import atomic_path, is_writable, sha256_of, write_text
from peelstats.ingest.build_record import BUILD_FILE, read_build_info, tables_readable
from peelstats.ingest.cache import VERSIONS, RawCache, ReadOnlyCacheError
from peelstats.ingest.fetch import cached_files

log = logging.getLogger(__name__)

PARSER_VERSION = 3  # bump whenever a parser's output changes
LOCK_NAME = ".build.lock"
LOCK_TIMEOUT_SECONDS = 15 * 60



@dataclass(frozen=True)
class BuildReport:
    skipped: bool
    seconds: float
    rows: dict[str, int]
    inputs: dict[str, str]
    out_dir: Path
    missing: list[str] = field(default_factory=list)  # registered files not in the raw cache
    changed_since_fetch: list[str] = field(default_factory=list)  # raw files edited after they were fetched


def build(*, refresh: bool = False, strict: bool = False, cache: RawCache | None = None,
          out_dir: Path | None = None) -> BuildReport:
    """Parse every cached raw file into the tidy tables, unless the inputs are unchanged (``refresh``: even then).

    ``strict``: refuse to build when a registered file is missing from the raw cache (a failed or
    interrupted fetch), instead of building from what is there with a warning.
    """
    started = time.perf_counter()
    cache = cache or RawCache()
    out_dir = Path(out_dir) if out_dir is not None else config.processed_dir()
    files = cached_files(cache)
    if not files:
        raise DataNotBuiltError(f"No raw files in {cache.root}; run `peelstats fetch` first "
                                f"(set {config.MIRROR_ENV} to work offline).")
    missing = missing_files(cache)
    if missing:
        listed = ", ".join(missing[:6]) + (f" and {len(missing) - 6} more" if len(missing) > 6 else "")
        message = (f"{len(missing)} registered file(s) are not in the raw cache: {listed}. Run `peelstats fetch` "
                   "to complete it")
        if strict:
            raise IncompleteRawDataError(message + "; --strict refuses to build without them.")
        log.warning("%s; building from the files that are there.", message)
    inputs, changed = {}, []
    for _, path, entry in files:
        actual = sha256_of(path)
        inputs[cache.key(path)] = actual
        if actual != entry["sha256"]:
            changed.append(cache.key(path))
            log.warning("%s has changed since it was fetched (sha256 %s..., fetched as %s...); building from the "
                        "file as it is now", path, actual[:12], entry["sha256"][:12])
    signature = {"parser_version": PARSER_VERSION, "peelstats": __version__, "inputs": inputs}
    with _build_lock(out_dir):
        if is_writable(out_dir):
            _remove_orphans(out_dir)  # even when the build is skipped: a killed build's leftovers go now
        previous = read_build_info(out_dir)
        if not refresh and previous and previous.get("signature") == signature and tables_readable(out_dir):
            log.info("Raw files unchanged since the last build; nothing to do")
            return BuildReport(True, time.perf_counter() - started, previous["rows"], inputs, out_dir, missing,
                               changed)
        _require_writable(out_dir)
        collected: dict[str, list[pd.DataFrame]] = defaultdict(list)
        by_source: dict[str, dict[str, list[pd.DataFrame]]] = defaultdict(lambda: defaultdict(list))
        used_versions = {}
        for remote, path, entry in files:
            log.info("Parsing %s", path.name)
            parsed, version = _parse_newest(cache, remote, path, entry)
            if version:
                used_versions[cache.key(path)] = version
                inputs[cache.key(path)] = version["sha256"]
            for table, frame in parsed.items():
                if len(frame):
                    collected[table].append(frame)
                    by_source[remote.source_id][table].append(frame)
        for source_id, tables in by_source.items():  # checks across a source's files (one edition, two files)
            check = sources.get(source_id).check
            if check is not None:
                check({t: pd.concat(f, ignore_index=True) for t, f in tables.items()})
        out_dir.mkdir(parents=True, exist_ok=True)
        rows, hashes = {}, {}
        for table in schema.TABLES:
            frames = collected.get(table)
            frame = schema.conform(table, pd.concat(frames, ignore_index=True)) if frames else schema.empty(table)
            _write_parquet_atomically(frame, out_dir / f"{table}.parquet")
            rows[table] = len(frame)
            hashes[table] = sha256_of(out_dir / f"{table}.parquet")
        info = {"signature": signature, "rows": rows, "built_at": pd.Timestamp.now(tz="UTC").isoformat(),
                "missing": missing, "changed_since_fetch": changed, "versions_used": used_versions,
                "tables": hashes}
        write_text(out_dir / BUILD_FILE, json.dumps(info, indent=2))
    seconds = time.perf_counter() - started
    log.info("Built %s in %.1fs", ", ".join(f"{t}: {n:,}" for t, n in rows.items()), seconds)
    return BuildReport(False, seconds, rows, inputs, out_dir, missing, changed)


def _parse_newest(cache: RawCache, remote, path: Path, entry: dict):
    """The file's tables, from the active copy or, if it no longer parses, the newest earlier version that
    does (returned as the version's record)."""
    parser = sources.get(remote.source_id).parser
    try:
        return parser(path, remote), None
    except PeelstatsError as error:
        for version in reversed(entry.get(VERSIONS, [])):
            older = cache.root / version["path"]
            if not older.is_file():
                continue
            try:
                parsed = parser(older, remote)
            except PeelstatsError:
                continue
            log.warning("%s does not parse (%s); built from the earlier version %s instead", path.name,
                        str(error).splitlines()[0], version["path"])
            return parsed, version
        raise


def missing_files(cache: RawCache) -> list[str]:
    """Registered files that should be in the raw cache and are not (a failed, deleted or interrupted fetch).

    A source discovered on the network (the Home Office's current file) counts as present when any file of it
    is cached; a mirror-only source only when a mirror is set.
    """
    manifest = cache.read_manifest()
    present = {key for key in manifest if (cache.root / key).is_file()}
    out = []
    for source in sources.REGISTRY.values():
        if source.mirror_only and not config.mirror():
            continue
        mine = [key for key in present if key.split("/", 1)[0] == source.id]
        if source.resolve_current is not None:
            if not mine:
                out.append(f"{source.id}/(current file)")
            continue
        out += [f"{source.id}/{f.filename}" for f in source.files() if f"{source.id}/{f.filename}" not in present
                and f.required and not (f.mirror_only and not config.mirror())]
    return out


def _build_lock(out_dir: Path):
    if not is_writable(out_dir):
        return nullcontext()  # nothing can be written here, so there is nothing to lock against
    out_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out_dir / LOCK_NAME), timeout=LOCK_TIMEOUT_SECONDS)
    try:
        return lock.acquire()
    except Timeout:
        raise DataNotBuiltError(f"Another build of {out_dir} has held its lock for "
                                f"{LOCK_TIMEOUT_SECONDS // 60} minutes; try again when it is done.") from None


def _require_writable(out_dir: Path) -> None:
    if not is_writable(out_dir):
        raise ReadOnlyCacheError(f"The dataset folder {out_dir} is read-only and the dataset needs building. Point "
                                 f"{config.DATA_DIR_ENV} at a folder you can write, or make this one writable.")


def _remove_orphans(out_dir: Path) -> None:
    """Temporary tables a killed build left (the build lock is held, so none is being written now)."""
    if not out_dir.is_dir():
        return
    orphans = list(out_dir.glob(".*.part"))
    for orphan in orphans:
        orphan.unlink(missing_ok=True)
    if orphans:
        log.info("Removed %d temporary file(s) left by an interrupted build", len(orphans))


def _write_parquet_atomically(frame: pd.DataFrame, path: Path) -> None:
    with atomic_path(path) as tmp:
        frame.to_parquet(tmp, index=False)
