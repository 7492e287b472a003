"""The raw-download cache: ``<data>/raw/<source>/<file>`` plus ``manifest.json``.

The manifest records, per file: source id, URL fetched, the publisher URL it stands for, edition, bytes,
sha256 and fetched-at. ``build`` keys its own cache on these hashes.

Locks (``filelock``) make concurrent ``fetch`` runs safe: one lock per file for the download, and one
for read-modify-write of the manifest.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock

from peelstats import config
from peelstats.atomic import write_text
from peelstats.download import sha256_of

MANIFEST_NAME = "manifest.json"
LOCK_TIMEOUT_SECONDS = 15 * 60


class RawCache:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else config.raw_dir()

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    def path_for(self, source_id: str, filename: str) -> Path:
        return self.root / source_id / filename

    def key(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    @contextmanager
    def file_lock(self, path: Path) -> Iterator[None]:
        path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(str(path.parent / f".{path.name}.lock"), timeout=LOCK_TIMEOUT_SECONDS):
            yield

    def read_manifest(self) -> dict[str, dict]:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8")).get("files", {})
        except FileNotFoundError:
            return {}

    def entry(self, path: Path) -> dict | None:
        return self.read_manifest().get(self.key(path))

    def is_cached(self, path: Path) -> bool:
        """True when the file exists and still has the sha256 the manifest recorded."""
        entry = self.entry(path)
        return bool(entry) and path.is_file() and sha256_of(path) == entry["sha256"]

    def record(self, path: Path, **fields) -> dict:
        entry = {**fields, "fetched_at": datetime.now(UTC).isoformat(timespec="seconds")}
        self.root.mkdir(parents=True, exist_ok=True)
        with FileLock(str(self.root / ".manifest.lock"), timeout=LOCK_TIMEOUT_SECONDS):
            files = self.read_manifest()
            files[self.key(path)] = entry
            write_text(self.manifest_path, json.dumps({"files": dict(sorted(files.items()))}, indent=2))
        return entry
