"""Download one file safely: stream to a temporary file, check it, then rename it into place.

A crash, Ctrl-C or a bad response never leaves a partial or wrong file under the final name:
the body goes to ``.<name>.<random>.part`` in the destination folder and is renamed only after

* the byte count matches ``Content-Length`` (a truncated body is refused),
* the first bytes look like the expected format (an HTML error page where a spreadsheet or CSV was
  expected is refused, naming the URL and what came back),
* the data are fsync'ed.

``file://`` URLs and plain paths (a mirror folder) go through the same writer, so the mirror exercises
the real code path.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

import requests
import urllib3
from requests.adapters import HTTPAdapter
from tqdm import tqdm
from urllib3.util.retry import Retry

from peelstats.config import USER_AGENT
from peelstats.errors import (
    ConnectionFailedError,
    DownloadError,
    StalledDownloadError,
    TruncatedDownloadError,
    UnexpectedContentError,
)
from peelstats.ingest.atomic import atomic_path

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 16
SNIFF_BYTES = 4096
PROGRESS_MIN_BYTES = 1 << 20  # progress bars only for files that take noticeable time
ZIP_MAGIC = b"PK\x03\x04"  # xlsx and ods are zip containers
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. Tests pass ``backoff_seconds=0`` so they never sleep."""

    attempts: int = 4
    backoff_seconds: float = 1.0
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # no byte for this long: the attempt fails
    deadline_seconds: float = 180.0  # one file, all attempts together: then the cached copy is used
    longest_wait_seconds: float = 120.0  # one back-off or Retry-After wait at the most
    statuses: tuple[int, ...] = (429, 500, 502, 503, 504)  # answers worth another attempt
    methods: tuple[str, ...] = ("GET", "HEAD")  # requests safe to send again


DEFAULT_POLICY = RetryPolicy()


@dataclass(frozen=True)
class DownloadResult:
    path: Path
    url: str
    bytes: int
    sha256: str
    content_type: str | None


class _Retry(Retry):
    """urllib3's retries, except for a host name that cannot be resolved: no network, or no such host, is not
    going to change in the next seconds, so it fails at once instead of after a minute of back-off."""

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if isinstance(error, urllib3.exceptions.NameResolutionError):
            raise urllib3.exceptions.MaxRetryError(_pool, url, error) from error
        return super().increment(method, url, response, error, _pool, _stacktrace)


def build_session(policy: RetryPolicy = DEFAULT_POLICY, session: requests.Session | None = None) -> requests.Session:
    """A session (a new one, or ``session``, e.g. a caching one) with a descriptive User-Agent and bounded retries
    on connection errors and ``policy.statuses``, honouring ``Retry-After``. Every HTTP client in peelstats uses
    this one policy: the publishers' downloads and the data.police.uk API alike."""
    retry = _Retry(
        total=policy.attempts - 1,
        connect=policy.attempts - 1,
        read=policy.attempts - 1,
        status=policy.attempts - 1,
        backoff_factor=policy.backoff_seconds,
        backoff_max=policy.longest_wait_seconds,
        retry_after_max=int(policy.longest_wait_seconds),
        status_forcelist=policy.statuses,
        allowed_methods=frozenset(policy.methods),
        respect_retry_after_header=True,
        raise_on_status=False,  # we raise our own error naming the URL
    )
    session = session if session is not None else requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    return session


def is_local(url: str) -> bool:
    return url.startswith("file://") or "://" not in url


def local_path(url: str) -> Path:
    if url.startswith("file://"):
        return Path(unquote(urlparse(url).path))
    return Path(url)


def download(
    url: str,
    dest: Path,
    expected_format: str,
    *,
    session: requests.Session | None = None,
    policy: RetryPolicy = DEFAULT_POLICY,
    description: str | None = None,
) -> DownloadResult:
    """Fetch ``url`` (http(s), file:// or a path) into ``dest`` atomically and return its size and sha256.

    Truncated bodies and dropped connections mid-body are retried up to ``policy.attempts`` times in all;
    429/5xx and connection failures before the body are retried by the session's urllib3 ``Retry``. One
    file gets ``policy.deadline_seconds`` in all: a server that stalls or crawls past it gives up with a
    StalledDownloadError saying how many bytes came.
    """
    if is_local(url):
        return _copy_local(url, dest, expected_format, description)
    session = session or build_session(policy)
    last_error: Exception | None = None
    started = time.monotonic()
    for attempt in range(1, policy.attempts + 1):
        try:
            return _download_http_once(url, dest, expected_format, session, policy, description, started)
        except ConnectionFailedError as error:
            if last_error is None:
                raise
            # it failed mid-body before, and now cannot even reconnect: say what the first attempts got
            raise StalledDownloadError(f"{last_error}; then {error}") from error
        except TruncatedDownloadError as error:
            last_error = error
            elapsed = time.monotonic() - started
            if attempt == policy.attempts or elapsed + policy.connect_timeout >= policy.deadline_seconds:
                break
            wait = policy.backoff_seconds * 2 ** (attempt - 1)
            log.info("Download of %s failed (%s); retry %d of %d in %.1fs",  # the final outcome is what is said
                        url, error, attempt, policy.attempts - 1, wait)
            time.sleep(wait)
    if isinstance(last_error, TruncatedDownloadError) and last_error.stalled:
        raise StalledDownloadError(str(last_error)) from last_error
    assert last_error is not None  # policy.attempts >= 1, and every attempt that did not return set it
    raise last_error


# Hosts that could not be resolved in this process: the next file from the same host fails at once.
_UNRESOLVED_HOSTS: set[str] = set()


def _unresolved(error: BaseException | None) -> bool:
    while error is not None:
        if isinstance(error, urllib3.exceptions.NameResolutionError):
            return True
        error = error.__cause__ or error.__context__ or (error.args[0] if error.args and
                                                           isinstance(error.args[0], BaseException) else None)
        if isinstance(error, urllib3.exceptions.MaxRetryError):
            error = error.reason
    return False


def _download_http_once(url, dest, expected_format, session, policy, description, started) -> DownloadResult:
    host = urlparse(url).hostname or url
    if host in _UNRESOLVED_HOSTS:
        raise ConnectionFailedError(f"Could not connect to {url}: the host {host} could not be found a moment ago "
                                    "(no network?)")
    timeout = (policy.connect_timeout, policy.read_timeout)
    try:
        response = session.get(url, stream=True, timeout=timeout)
    except requests.exceptions.RetryError as error:  # retries on 429/5xx exhausted
        raise DownloadError(f"{url}: gave up after {policy.attempts} attempts ({error})") from error
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
        host = urlparse(url).hostname or url
        if _unresolved(error):
            _UNRESOLVED_HOSTS.add(host)
            raise ConnectionFailedError(f"Could not connect to {url}: the host {host} could not be found (no "
                                        "network?)") from error
        raise ConnectionFailedError(f"Could not connect to {url}: {error}") from error
    with response:
        content_type = response.headers.get("Content-Type")
        if response.status_code >= 400:
            head = response.raw.read(SNIFF_BYTES, decode_content=True) or b""
            raise DownloadError(
                f"{url} answered HTTP {response.status_code} {response.reason}: "
                f"{describe_body(head, content_type)}"
            )
        length = response.headers.get("Content-Length")
        encoded = response.headers.get("Content-Encoding", "identity").lower() not in ("", "identity")
        # With a content-encoding, Content-Length counts compressed bytes; urllib3 checks those itself.
        expected = int(length) if length and length.isdigit() and not encoded else None
        return _write_atomically(_body(response, url, expected, started, policy), dest, url, expected_format,
                                 expected, content_type, description)


def _body(response: requests.Response, url: str, expected: int | None, started: float,
          policy: RetryPolicy) -> Iterator[bytes]:
    """The response body as it arrives (``read1``: whatever came, so the count of bytes received is exact).

    A connection that closes early becomes a TruncatedDownloadError; one that stalls (no byte for
    ``read_timeout``) one marked ``stalled``; a file not done by ``deadline_seconds`` a StalledDownloadError.
    """
    received = 0
    promised = f" of {expected:,}" if expected is not None else ""
    raw = response.raw
    try:
        while True:
            chunk = raw.read1(CHUNK_BYTES, decode_content=True)
            if not chunk:
                break
            received += len(chunk)
            elapsed = time.monotonic() - started
            if elapsed > policy.deadline_seconds:
                raise StalledDownloadError(
                    f"{url}: too slow, received {received:,}{promised} bytes in {elapsed:.0f} s (the limit for "
                    f"one file is {policy.deadline_seconds:g} s)")
            yield chunk
    except urllib3.exceptions.ReadTimeoutError as error:
        raise TruncatedDownloadError(
            f"{url}: stalled, received {received:,}{promised} bytes, then nothing for {policy.read_timeout:g} s",
            stalled=True) from error
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError, OSError) as error:
        raise TruncatedDownloadError(
            f"{url}: download truncated, received {received:,}{promised} bytes (connection closed early)"
        ) from error


def _copy_local(url, dest, expected_format, description) -> DownloadResult:
    path = local_path(url)
    if not path.is_file():
        raise DownloadError(f"{url}: no such file (is the mirror folder laid out like shared/data?)")

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as fh:
            yield from iter(lambda: fh.read(CHUNK_BYTES), b"")

    return _write_atomically(chunks(), dest, url, expected_format, path.stat().st_size, None, description)


def _write_atomically(
    chunks: Iterable[bytes],
    dest: Path,
    url: str,
    expected_format: str,
    expected_length: int | None,
    content_type: str | None,
    description: str | None,
) -> DownloadResult:
    digest = hashlib.sha256()
    written = 0
    head = b""
    sniffed = False
    show_bar = expected_length is None or expected_length >= PROGRESS_MIN_BYTES
    with atomic_path(dest) as tmp, tmp.open("wb") as fh, tqdm(
        total=expected_length, unit="B", unit_scale=True, desc=description or dest.name,
        disable=None if show_bar else True, leave=False,
    ) as bar:
        for chunk in chunks:
            if not sniffed:
                head += chunk[: SNIFF_BYTES - len(head)]
                if len(head) >= SNIFF_BYTES:
                    check_format(head, expected_format, url, content_type)
                    sniffed = True
            fh.write(chunk)
            digest.update(chunk)
            written += len(chunk)
            bar.update(len(chunk))
        if not sniffed:
            check_format(head, expected_format, url, content_type)
        if expected_length is not None and written != expected_length:
            raise TruncatedDownloadError(
                f"{url}: download truncated, received {written:,} of {expected_length:,} bytes"
            )
    return DownloadResult(dest, url, written, digest.hexdigest(), content_type)


_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml)", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf")))


def describe_body(head: bytes, content_type: str | None) -> str:
    """A short, safe description of an unexpected body, for error messages."""
    kind = f" (Content-Type {content_type})" if content_type else ""
    if not head:
        return f"an empty body{kind}"
    text = head.decode("utf-8", errors="replace")
    if looks_like_html(head):
        title = re.search(r"<title[^>]*>(.*?)</title>", text, re.IGNORECASE | re.DOTALL)
        titled = f" titled {' '.join(title.group(1).split())!r}" if title else ""
        return f"an HTML page{titled}{kind}"
    snippet = " ".join(text[:80].split())
    return f"{len(head)}+ bytes starting {snippet!r}{kind}"


def check_format(head: bytes, expected_format: str, url: str, content_type: str | None) -> None:
    """Refuse a body that is clearly not ``expected_format`` (xlsx/ods/zip, csv or json)."""
    fmt = expected_format.lower()
    ok: bool
    if fmt in ("xlsx", "ods", "zip"):
        ok = head.startswith(ZIP_MAGIC)
    elif fmt == "xls":  # the older Excel format is an OLE2 compound file
        ok = head.startswith(OLE2_MAGIC)
    elif fmt == "csv":
        first_line = head.split(b"\n", 1)[0]
        ok = bool(head) and not looks_like_html(head) and (b"," in first_line or b"\t" in first_line)
    elif fmt == "json":
        ok = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
    else:
        ok = bool(head)
    if not ok:
        raise UnexpectedContentError(
            f"{url}: expected {fmt.upper()} data but received {describe_body(head, content_type)}"
        )
