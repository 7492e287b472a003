"""The raw-download cache: ``<data>/raw/<source>/<file>`` plus ``manifest.json``.

The manifest records, per file: source id, URL fetched, the publisher URL it stands for, edition, bytes,
sha256 and fetched-at. ``build`` re-hashes the files themselves and keys its own cache on those hashes.

Versions (as pooch keeps a registry of hashes, and never trusts a download it has not checked):

* ``<source>/<file>``: the active copy, the newest download that passed its checks;
* ``<source>/versions/<date>-<sha12>-<file>``: earlier copies a publisher's revision replaced (listed under
  ``versions`` in the manifest entry);
* ``<source>/rejected/<date>-<sha12>-<file>``: downloads that failed their checks (truncated, refused by the
  parser), kept for inspection and never used (listed under ``rejected``);
* ``<source>/.incoming/<file>``: a download being checked.

Locks (``filelock``) make concurrent ``fetch`` runs safe: one lock per file for the download, and one
for read-modify-write of the manifest. A read-only cache needs no locks: nothing in it can change.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from peelstats import config
from peelstats.errors import (
    ReadOnlyCacheError,  # noqa: F401 - raised here, importable from here
)
from peelstats.ingest.atomic import is_writable, sha256_of, write_text

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
LOCK_TIMEOUT_SECONDS = 15 * 60
VERSIONS = "versions"
REJECTED = "rejected"
INCOMING = ".incoming"
REASON_SUFFIX = ".why.json"  # beside a refused download: why it was refused
_NOT_SOURCE_FILES = (VERSIONS, REJECTED, INCOMING)



class RawCache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else config.raw_dir()

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    def path_for(self, source_id: str, filename: str) -> Path:
        return self.root / source_id / filename

    def incoming_path(self, source_id: str, filename: str) -> Path:
        return self.root / source_id / INCOMING / filename

    def key(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # ------------------------------------------------------------------------------------------- writing
    @property
    def writable(self) -> bool:
        """True when the cache folder (or the nearest folder that exists above it) can be written."""
        return is_writable(self.root)

    def require_writable(self, why: str) -> None:
        if not self.writable:
            raise ReadOnlyCacheError(f"The cache folder {self.root} is read-only, and {why}. Point "
                                     f"{config.DATA_DIR_ENV} at a folder you can write, or make this one writable.")

    @contextmanager
    def file_lock(self, path: Path) -> Iterator[None]:
        if not self.writable:  # nothing can change a read-only cache, so there is nothing to lock against
            yield
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path.parent / f".{path.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS):
            yield

    # ------------------------------------------------------------------------------------------ manifest
    @functools.cached_property
    def manifest_lock(self) -> FileLock:
        """One lock object per cache: re-entrant, so recovering the manifest while recording an entry is safe."""
        self.root.mkdir(parents=True, exist_ok=True)
        return FileLock(str(self.root / ".manifest.lock"), timeout=LOCK_TIMEOUT_SECONDS)

    def read_manifest(self, *, recover_missing: bool = True) -> dict[str, dict]:
        """The manifest's entries; a corrupt or half-written manifest is rebuilt from the files on disk, and so is
        a missing one when source files are there (``recover_missing=False`` while recording the first entry)."""
        try:
            text = self.manifest_path.read_bytes()
        except FileNotFoundError:
            # deleted (or never written by a killed first fetch): rebuilt when source files are on disk
            return self._recover_manifest("it is missing") if recover_missing and self._source_files() else {}
        try:
            files = json.loads(text.decode("utf-8"))["files"]
            if not isinstance(files, dict) or not all(_is_entry(v) for v in files.values()):
                raise ValueError("entries are not file records")
            return files
        except (ValueError, KeyError, TypeError) as error:
            return self._recover_manifest(f"{type(error).__name__}: {error}")

    def _source_files(self) -> list[Path]:
        from peelstats.ingest import sources

        if not self.root.is_dir():
            return []
        return [path for folder in sorted(p for p in self.root.iterdir() if p.is_dir() and p.name in sources.REGISTRY)
                for path in sorted(folder.iterdir()) if path.is_file() and not path.name.startswith(".")]

    def _recover_manifest(self, problem: str) -> dict[str, dict]:
        from peelstats.ingest import sources

        known = {(s.id, f.filename): f for s in sources.REGISTRY.values() for f in s.files()}
        files: dict[str, dict] = {}
        doubtful = []
        for path in self._source_files():
            folder = path.parent
            remote = known.get((folder.name, path.name))
            sha256 = sha256_of(path)
            if remote is None or (remote.known_sha256 and sha256 != remote.known_sha256 and
                                  not _parses(sources.get(folder.name), path, remote)):
                doubtful.append(path.name)  # not vouched for: the next fetch gets it again
                continue
            files[self.key(path)] = {
                "source": folder.name, "url": "", "publisher_url": remote.url, "edition": remote.edition,
                "format": remote.format, "period_end": remote.period_end, "bytes": path.stat().st_size,
                "sha256": sha256, "via": "recovered", "published": remote.published,
                "fetched_at": datetime.fromtimestamp(path.stat().st_mtime, UTC).isoformat(timespec="seconds"),
            }
        log.warning("%s is unreadable (%s); rebuilt it from the %d files on disk%s", self.manifest_path, problem,
                    len(files), f" (not vouched for, so fetched again: {', '.join(doubtful)})" if doubtful else "")
        if self.writable:
            with self.manifest_lock:
                write_text(self.manifest_path, json.dumps({"files": dict(sorted(files.items()))}, indent=2))
        return files

    def entry(self, path: Path) -> dict | None:
        return self.read_manifest().get(self.key(path))

    def is_cached(self, path: Path) -> bool:
        """True when the file exists and still has the sha256 the manifest recorded."""
        entry = self.entry(path)
        return entry is not None and path.is_file() and sha256_of(path) == entry["sha256"]

    def record(self, path: Path, **fields) -> dict:
        """Write the active copy's entry, keeping the lists of earlier versions and rejected downloads."""
        entry = {**fields, "fetched_at": fields.get("fetched_at") or datetime.now(UTC).isoformat(timespec="seconds")}
        self.root.mkdir(parents=True, exist_ok=True)
        with self.manifest_lock:
            files = self.read_manifest(recover_missing=False)  # a first fetch: the file being recorded is on disk
            previous = files.get(self.key(path), {})
            for history in (VERSIONS, REJECTED):
                entry[history] = fields.get(history, previous.get(history, []))
            files[self.key(path)] = entry
            write_text(self.manifest_path, json.dumps({"files": dict(sorted(files.items()))}, indent=2))
        return entry

    def remove_all_orphans(self) -> list[Path]:
        """Every leftover of a killed download or manifest write whose writer is gone (call when writable)."""
        removed = []
        for orphan in self.orphans():
            with contextlib.suppress(FileNotFoundError):
                orphan.unlink()
                removed.append(orphan)
        if removed:
            log.info("Removed %d temporary file(s) left by interrupted runs", len(removed))
        return removed

    # ------------------------------------------------------------------------------------------ versions
    def set_aside(self, path: Path, kind: str, sha256: str, reason: str | None = None) -> dict:
        """Move ``path`` into ``versions/`` or ``rejected/`` beside the active copy; return its record."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        name = path.parent.parent.name if path.parent.name == INCOMING else path.parent.name
        target = self.root / name / kind / f"{stamp}-{sha256[:12]}-{path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, target)
        record = {"path": self.key(target), "sha256": sha256, "bytes": target.stat().st_size,
                  "set_aside_at": datetime.now(UTC).isoformat(timespec="seconds"),
                  **({"reason": reason} if reason else {})}
        if kind == REJECTED:  # beside the file: a refusal with no verified copy has no manifest entry to hold it
            write_text(target.with_name(target.name + REASON_SUFFIX), json.dumps(record, indent=2))
        return record

    def refused(self) -> list[dict]:
        """Every refused download kept in a ``rejected/`` folder, with why it was refused."""
        out = []
        for note in sorted(self.root.glob(f"*/{REJECTED}/*{REASON_SUFFIX}")) if self.root.is_dir() else []:
            try:
                out.append(json.loads(note.read_text(encoding="utf-8")))
            except (OSError, ValueError):
                out.append({"path": self.key(note.with_name(note.name.removesuffix(REASON_SUFFIX))),
                            "reason": "(its note is unreadable)"})
        return out

    # ------------------------------------------------------------------------------------ orphaned files
    def remove_orphans(self, path: Path) -> list[Path]:
        """Temporary files a killed download of ``path`` left behind (call with ``path``'s lock held)."""
        removed = []
        candidates = list(path.parent.glob(f".{path.name}.*.part"))
        incoming = self.incoming_path(path.parent.name, path.name)
        candidates += [incoming] if incoming.exists() else []
        candidates += list(incoming.parent.glob(f".{path.name}.*.part")) if incoming.parent.is_dir() else []
        for orphan in candidates:
            with contextlib.suppress(FileNotFoundError):
                orphan.unlink()
                removed.append(orphan)
        if removed:
            log.info("Removed %d temporary file(s) left by an interrupted download of %s", len(removed), path.name)
        return removed

    def orphans(self) -> list[Path]:
        """Temporary files anywhere in the cache whose download is not running now."""
        found: list[Path] = []
        if not self.root.is_dir():
            return found
        for part in sorted(self.root.rglob(".*.part")) + sorted(self.root.glob(f"*/{INCOMING}/*")):
            target = part.name[1:].rsplit(".", 2)[0] if part.name.endswith(".part") else part.name
            folder = part.parent.parent if part.parent.name == INCOMING else part.parent
            lock = self.root / ".manifest.lock" if part.parent == self.root and target == MANIFEST_NAME else \
                folder / f".{target}.lock"
            if not _lock_is_held(lock):
                found.append(part)
        return found

    def unexpected_files(self, manifest: dict[str, dict] | None = None) -> list[Path]:
        """Files in source folders that the manifest does not list (copied in by hand, or left by a crash)."""
        manifest = self.read_manifest() if manifest is None else manifest
        out: list[Path] = []
        if not self.root.is_dir():
            return out
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            for path in sorted(folder.iterdir()):
                if path.name in _NOT_SOURCE_FILES or path.name.startswith("."):
                    continue
                if self.key(path) not in manifest:
                    out.append(path)
        return out


_ENTRY_FIELDS = {"source": str, "edition": str, "sha256": str, "bytes": int, "format": str, "url": str}


def _is_entry(value) -> bool:
    """A manifest record every reader can use: the fields they read, of the right types."""
    return isinstance(value, dict) and all(isinstance(value.get(k), t) for k, t in _ENTRY_FIELDS.items())


def _parses(source, path: Path, remote) -> bool:
    """A file whose checksum is not the registered one is vouched for only if its parser reads it."""
    try:
        source.parser(path, remote)
    except Exception:  # noqa: BLE001 - any failure means: do not vouch for it
        return False
    return True


def _lock_is_held(lock_path: Path) -> bool:
    if not lock_path.exists():
        return False
    try:
        with FileLock(str(lock_path), timeout=0):
            return False
    except Timeout:
        return True
    except OSError:  # read-only: nobody can be writing
        return False

