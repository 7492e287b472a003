"""Fetch sources into the raw cache, from the publisher or from a mirror, through one code path."""

from __future__ import annotations

import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

import requests

from peelstats import config
from peelstats.errors import ConnectionFailedError, DownloadError, OfflineError, RefusedDownloadError
from peelstats.ingest import sources
from peelstats.ingest.cache import REJECTED, VERSIONS, RawCache, ReadOnlyCacheError
from peelstats.ingest.download import DEFAULT_POLICY, RetryPolicy, build_session, download
from peelstats.ingest.sources.base import RemoteFile

log = logging.getLogger(__name__)

FROM_ENVIRONMENT = "from-environment"  # default for ``mirror``: read $PEELSTATS_MIRROR


@dataclass(frozen=True)
class FetchOutcome:
    source: str
    filename: str
    path: Path
    status: str  # downloaded | cached | offline-cache | kept (a refused refresh) | unavailable (optional)
    url: str
    edition: str
    bytes: int
    sha256: str

    def as_dict(self) -> dict:
        return {**asdict(self), "path": str(self.path)}


def fetch(
    source_ids: list[str] | None = None,
    *,
    refresh: bool = False,
    cache: RawCache | None = None,
    mirror: str | None = FROM_ENVIRONMENT,
    session: requests.Session | None = None,
    policy: RetryPolicy = DEFAULT_POLICY,
) -> list[FetchOutcome]:
    """Download every file of the named sources (all by default) unless a verified copy is cached.

    ``mirror`` defaults to ``$PEELSTATS_MIRROR``. Without network, cached copies are used with a warning;
    with neither, :class:`OfflineError` names the mirror variable. A file that fails does not stop the others:
    every file is attempted, then one error lists all failures.
    """
    cache = cache or RawCache()
    mirror = config.mirror() if mirror == FROM_ENVIRONMENT else mirror
    session = session or build_session(policy)
    if cache.writable:
        cache.remove_all_orphans()  # a killed run's leftovers, whichever file they belonged to
    outcomes: list[FetchOutcome] = []
    failures: list[DownloadError] = []
    unavailable: list[str] = []
    for source_id in source_ids or list(sources.REGISTRY):
        source = sources.get(source_id)
        if source.mirror_only and not mirror:
            log.info("%s: mirror-only source and no mirror set; skipped", source_id)
            continue
        try:
            files = source.remote_files(mirror=mirror, session=session)
        except DownloadError as error:
            files = [remote for remote, _ in _cached_files(cache.read_manifest(), source_id)]
            if not files:
                failures.append(OfflineError(f"{source_id}: {error}. No cached copy either; set "
                                             f"{config.MIRROR_ENV} to a folder or URL laid out like shared/data "
                                             "to work offline."))
                continue
            log.warning("%s: cannot resolve the current file (%s); using the cached copy", source_id, error)
        for remote in files:
            if remote.mirror_only and not mirror:
                log.info("%s: held only by a mirror, and no mirror is set; skipped", remote.filename)
                continue
            try:
                outcomes.append(fetch_file(remote, refresh=refresh, cache=cache, mirror=mirror,
                                           session=session, policy=policy))
            except ReadOnlyCacheError as error:
                if remote.required:
                    raise
                outcomes.append(_unavailable(remote, cache, error))  # optional, and nowhere to put it: said
            except DownloadError as error:
                if not remote.required:  # a registered address not verified, or an edition the mirror lacks
                    if isinstance(error, RefusedDownloadError) or remote.found_online:
                        log.warning("%s", error)  # the user asked for it, or it arrived and was refused: say why
                    else:
                        unavailable.append(f"{remote.edition} ({remote.filename})")
                    outcomes.append(_unavailable(remote, cache, error))
                    continue
                log.info("%s", error)
                failures.append(error)
    if unavailable and not failures:
        log.warning("%d registered edition(s) could not be fetched from %s (addresses not verified, or not held "
                    "there); everything else was. `peelstats editions` lists them", len(unavailable),
                    "the mirror" if mirror else "the publishers")
        log.info("Not fetched: %s", "; ".join(unavailable))
    hosts = sorted({h for f in failures for h in re.findall(r"the host (\S+) could not be found", str(f))})
    if failures and hosts and all(isinstance(f, OfflineError) for f in failures):
        raise OfflineError(f"No network: {', '.join(hosts)} could not be found, and {len(failures)} file(s) are not "
                           f"cached. Set {config.MIRROR_ENV} to a folder or URL laid out like shared/data to work "
                           "offline.")
    if len(failures) == 1:
        raise failures[0]
    if failures:
        kind = OfflineError if all(isinstance(f, OfflineError) for f in failures) else DownloadError
        listed = "\n  - ".join(str(f) for f in failures)
        raise kind(f"{len(failures)} files could not be fetched ({len(outcomes)} fetched or cached):\n  - {listed}")
    return outcomes


def fetch_file(
    remote: RemoteFile,
    *,
    refresh: bool = False,
    cache: RawCache,
    mirror: str | None,
    session: requests.Session,
    policy: RetryPolicy = DEFAULT_POLICY,
) -> FetchOutcome:
    """Fetch one file into the cache, never replacing a verified copy with one that fails its checks.

    The download goes to ``.incoming/`` and is checked: the registered sha256 when it matches, else the
    source's own parser must read it. A file that fails is moved to ``rejected/`` (kept for inspection) and
    the verified copy stays active; a file that passes but differs from the active copy is a publisher's
    revision, and the old copy moves to ``versions/``.
    """
    dest = cache.path_for(remote.source_id, remote.filename)
    addresses = remote.addresses(mirror)
    url = addresses[0]
    with cache.file_lock(dest):
        if cache.writable:
            cache.remove_orphans(dest)
        entry = cache.entry(dest)
        verified = entry if entry is not None and cache.is_cached(dest) else None  # the verified copy's entry
        if verified is not None and not refresh:
            log.info("%s: cached (%s)", remote.filename, verified["sha256"][:12])
            return _outcome(remote, dest, "cached", verified)
        if entry and dest.is_file() and verified is None:
            log.warning("%s no longer has the sha256 recorded when it was fetched (edited or damaged); fetching "
                        "it again", dest)
        cache.require_writable(f"{remote.filename} is {'not cached yet' if verified is None else 'to be refreshed'}")
        incoming = cache.incoming_path(remote.source_id, remote.filename)
        try:
            url, result = _download_first(addresses, incoming, remote, session, policy)
        except ConnectionFailedError as error:
            if verified is not None:
                log.warning("%s; using the cached copy fetched at %s", error, verified["fetched_at"])
                return _outcome(remote, dest, "offline-cache", verified)
            hint = (f"check that the mirror ({mirror}) is reachable" if mirror else
                    f"set {config.MIRROR_ENV} to a folder or URL laid out like shared/data to work offline")
            raise OfflineError(f"{error}. No cached copy of {remote.filename}; {hint}.") from error
        except DownloadError as error:
            hint = f" ({remote.note})" if remote.note else ""
            if verified is not None:
                log.warning("%s%s; kept the verified copy fetched at %s", error, hint, verified["fetched_at"])
                return _outcome(remote, dest, "kept", verified)
            raise type(error)(f"{error}{hint}") from error
        problem, parsed = _problem(remote, incoming, result.sha256)
        if problem:
            aside = cache.set_aside(incoming, REJECTED, result.sha256, problem)
            rejected = [*(entry or {}).get(REJECTED, []), aside]
            if verified is not None:
                cache.record(dest, **{**verified, REJECTED: rejected})  # the verified copy's entry, unchanged
                log.warning("%s: the new download (sha256 %s...) was refused: %s. Kept the verified copy fetched "
                            "at %s; the refused file is at %s", remote.filename, result.sha256[:12], problem,
                            verified["fetched_at"], cache.root / aside["path"])
                return _outcome(remote, dest, "kept", verified)
            raise RefusedDownloadError(f"{remote.filename} from {url} was refused: {problem}. It is kept at "
                                f"{cache.root / aside['path']} for inspection; nothing else is cached.")
        versions = list((entry or {}).get(VERSIONS, []))
        if verified is not None and verified["sha256"] != result.sha256:
            versions.append({**cache.set_aside(dest, VERSIONS, verified["sha256"]), "edition": verified.get("edition"),
                             "fetched_at": verified.get("fetched_at")})
            log.warning("%s changed at its source (sha256 %s... -> %s...): a revision. The earlier copy is kept "
                        "in %s", remote.filename, verified["sha256"][:12], result.sha256[:12], VERSIONS)
        os.replace(incoming, dest)
        if remote.known_sha256 and result.sha256 != remote.known_sha256:
            log.warning("%s differs from the registered copy of edition %r (sha256 %s...): the publisher may "
                        "have revised it", remote.filename, remote.edition, result.sha256[:12])
        entry = cache.record(
            dest, source=remote.source_id, url=url, publisher_url=remote.url, edition=remote.edition,
            format=remote.format, period_end=remote.period_end, bytes=result.bytes, sha256=result.sha256,
            via="mirror" if mirror and url != remote.url else "publisher", versions=versions,
            rejected=(entry or {}).get(REJECTED, []),
            published=remote.published,
        )
        log.info("%s: fetched %s bytes from %s", remote.filename, f"{result.bytes:,}", url)
        learn = sources.get(remote.source_id).learn
        if parsed is not None and learn is not None:
            learn(remote, parsed)
        return _outcome(remote, dest, "downloaded", entry)


def _download_first(addresses: list[str], incoming: Path, remote: RemoteFile, session: requests.Session,
                    policy: RetryPolicy):
    """The first address that answers with the file; the last one's error when none does."""
    for n, address in enumerate(addresses):
        try:
            return address, download(address, incoming, remote.format, session=session, policy=policy,
                                     description=f"{remote.source_id}: {remote.filename}")
        except DownloadError as error:
            if n == len(addresses) - 1:
                raise
            log.info("%s: not at %s (%s); trying %s", remote.filename, address, error, addresses[n + 1])
    raise AssertionError("no address")  # pragma: no cover - a file always has one


def _problem(remote: RemoteFile, path: Path, sha256: str) -> tuple[str | None, dict | None]:
    """Why a downloaded file cannot be used (None: it can), and what it parsed into when it was parsed: the
    registered checksum vouches for it, else the source's own parser must read it."""
    if remote.known_sha256 and sha256 == remote.known_sha256:
        return None, None
    try:
        parsed = sources.get(remote.source_id).parser(path, remote)
    except Exception as error:  # noqa: BLE001 - any failure to parse refuses the file; the message says why
        first_line = (str(error).strip().splitlines() or [type(error).__name__])[0]
        return f"the {remote.source_id} parser cannot read it ({first_line})", None
    return None, parsed


def _unavailable(remote: RemoteFile, cache: RawCache, error: Exception) -> FetchOutcome:
    log.info("%s: not available (%s)", remote.filename, error)
    return FetchOutcome(remote.source_id, remote.filename, cache.path_for(remote.source_id, remote.filename),
                        "unavailable", remote.url, remote.edition, 0, "")


def _outcome(remote: RemoteFile, dest: Path, status: str, entry: dict) -> FetchOutcome:
    return FetchOutcome(remote.source_id, remote.filename, dest, status, entry["url"], entry["edition"],
                        entry["bytes"], entry["sha256"])


def _cached_files(manifest: dict[str, dict], source_id: str) -> list[tuple[RemoteFile, dict]]:
    """RemoteFile records (with their manifest entries) rebuilt from the manifest, for working offline."""
    return [(RemoteFile(source_id, key.split("/", 1)[1], entry["publisher_url"], "", entry["edition"],
                        entry["format"], entry.get("period_end")), entry)
            for key, entry in manifest.items() if entry.get("source") == source_id]


def cached_files(cache: RawCache | None = None) -> list[tuple[RemoteFile, Path, dict]]:
    """Every file in the manifest that is on disk, with its RemoteFile description and manifest entry."""
    cache = cache or RawCache()
    manifest = cache.read_manifest()  # read once: this runs on every build
    out = []
    for source_id, source in sources.REGISTRY.items():
        known = {f.filename: f for f in source.files()}
        for remote, entry in _cached_files(manifest, source_id):
            path = cache.path_for(source_id, remote.filename)
            if path.is_file():  # registry metadata (period, checksum) wins for known editions
                out.append((known.get(remote.filename, remote), path, entry))
    return out
