"""The download path against a real loopback HTTP server (pytest-httpserver).

Files are served under URL paths like the publishers' own; failures are produced by the server, not mocked.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
import requests
import urllib3
from builders import ons_workbook
from werkzeug import Response

from peelstats.errors import (
    DownloadError,
    OfflineError,
    TruncatedDownloadError,
    UnexpectedContentError,
)
from peelstats.ingest import sources
from peelstats.ingest.cache import RawCache
from peelstats.ingest.download import RetryPolicy, build_session, download
from peelstats.ingest.fetch import fetch, fetch_file
from peelstats.ingest.sources import ons_editions, ons_pfa_tables, prc_open_data
from peelstats.ingest.sources.base import RemoteFile

pytestmark = pytest.mark.http
FAST = RetryPolicy(attempts=3, backoff_seconds=0, connect_timeout=2, read_timeout=5)
ONS_PATH = "/file"
MAR18 = ons_editions.core()[0]
MAR18_URI = f"{ons_pfa_tables.DATASET_PATH}/{MAR18.folder}/{MAR18.filename}"


@pytest.fixture(scope="module")
def xlsx_bytes(tmp_path_factory) -> bytes:
    return ons_workbook(tmp_path_factory.mktemp("fixture") / "fixture.xlsx").read_bytes()


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".lock"))


def test_publisher_url_success_with_real_edition(httpserver, mirror, tmp_path):
    body = (mirror / "ons/pfa_tables" / MAR18.filename).read_bytes()
    httpserver.expect_request(ONS_PATH, query_string={"uri": MAR18_URI}).respond_with_data(
        body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    remote = next(f for f in ons_pfa_tables.files() if f.filename == MAR18.filename)
    local = RemoteFile(**{**remote.__dict__, "url": httpserver.url_for(ONS_PATH) + "?uri=" + MAR18_URI})
    cache = RawCache(tmp_path / "raw")
    outcome = fetch_file(local, cache=cache, mirror=None, session=build_session(FAST), policy=FAST)
    assert outcome.status == "downloaded"
    assert outcome.sha256 == MAR18.sha256 and outcome.bytes == len(body)
    entry = json.loads((tmp_path / "raw/manifest.json").read_text())["files"][f"ons-pfa-tables/{MAR18.filename}"]
    assert entry["edition"] == remote.edition and entry["sha256"] == MAR18.sha256 and entry["via"] == "publisher"
    assert entry["url"].startswith("http://") and entry["fetched_at"]
    again = fetch_file(local, cache=cache, mirror=None, session=build_session(FAST), policy=FAST)
    assert again.status == "cached"
    assert len(httpserver.log) == 1  # the second call did not download


def test_retries_after_500(httpserver, tmp_path, xlsx_bytes):
    calls = []

    def flaky(request):
        calls.append(request.path)
        if len(calls) == 1:
            return Response("server error", status=500)
        return Response(xlsx_bytes, content_type="application/octet-stream")

    httpserver.expect_request("/flaky.xlsx").respond_with_handler(flaky)
    result = download(httpserver.url_for("/flaky.xlsx"), tmp_path / "f.xlsx", "xlsx", policy=FAST,
                      session=build_session(FAST))
    assert len(calls) == 2 and result.bytes == len(xlsx_bytes)
    assert (tmp_path / "f.xlsx").read_bytes() == xlsx_bytes


def test_gives_up_after_bounded_retries(httpserver, tmp_path):
    httpserver.expect_request("/down.xlsx").respond_with_data("busy", status=503)
    with pytest.raises(DownloadError, match="503"):
        download(httpserver.url_for("/down.xlsx"), tmp_path / "d.xlsx", "xlsx", policy=FAST,
                 session=build_session(FAST))
    assert len(httpserver.log) == FAST.attempts
    assert leftovers(tmp_path) == []


def test_truncated_body_is_refused_and_leaves_nothing(httpserver, tmp_path, xlsx_bytes):
    def truncated(request):
        response = Response(xlsx_bytes[: len(xlsx_bytes) // 2], content_type="application/octet-stream")
        response.headers["Content-Length"] = str(len(xlsx_bytes))  # promise more than we send
        response.automatically_set_content_length = False
        return response

    httpserver.expect_request("/t.xlsx").respond_with_handler(truncated)
    with pytest.raises(TruncatedDownloadError, match=rf"truncated, received [\d,]+ of {len(xlsx_bytes):,} bytes"):
        download(httpserver.url_for("/t.xlsx"), tmp_path / "t.xlsx", "xlsx", policy=FAST,
                 session=build_session(FAST))
    assert leftovers(tmp_path) == []


def test_html_error_page_where_spreadsheet_expected(httpserver, tmp_path):
    page = "<!DOCTYPE html><html><head><title>Page not found - Office for National Statistics</title></head>"
    httpserver.expect_request(ONS_PATH).respond_with_data(page + "<body>" + "x" * 5000, content_type="text/html")
    url = httpserver.url_for(ONS_PATH) + "?uri=" + MAR18_URI
    with pytest.raises(UnexpectedContentError) as caught:
        download(url, tmp_path / "x.xlsx", "xlsx", policy=FAST, session=build_session(FAST))
    message = str(caught.value)
    assert url in message and "expected XLSX" in message
    assert "HTML page titled 'Page not found - Office for National Statistics'" in message
    assert leftovers(tmp_path) == []


def test_html_where_csv_expected(httpserver, tmp_path):
    httpserver.expect_request("/r.csv").respond_with_data("<html><body>Sign in</body></html>",
                                                          content_type="text/html")
    with pytest.raises(UnexpectedContentError, match="expected CSV data but received an HTML page"):
        download(httpserver.url_for("/r.csv"), tmp_path / "r.csv", "csv", policy=FAST, session=build_session(FAST))


def test_404_names_url(httpserver, tmp_path):
    httpserver.expect_request("/missing.xlsx").respond_with_data("<html><title>Not Found</title></html>",
                                                                 status=404, content_type="text/html")
    url = httpserver.url_for("/missing.xlsx")
    with pytest.raises(DownloadError, match=re.escape(url) + r" answered HTTP 404.*'Not Found'"):
        download(url, tmp_path / "m.xlsx", "xlsx", policy=FAST, session=build_session(FAST))
    assert leftovers(tmp_path) == []


def test_interrupted_download_leaves_no_file(httpserver, tmp_path, xlsx_bytes, monkeypatch):
    """Ctrl-C in the middle of the body: no final file, no temporary file, previous copy untouched."""
    httpserver.expect_request("/big.xlsx").respond_with_data(xlsx_bytes)
    dest = tmp_path / "big.xlsx"
    dest.write_bytes(b"previous good copy")
    real_read = urllib3.response.HTTPResponse.read1
    calls = []

    def interrupted(self, amt=None, decode_content=None):
        calls.append(amt)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_read(self, 1024, decode_content=decode_content)

    monkeypatch.setattr(urllib3.response.HTTPResponse, "read1", interrupted)
    with pytest.raises(KeyboardInterrupt):
        download(httpserver.url_for("/big.xlsx"), dest, "xlsx", policy=FAST, session=build_session(FAST))
    assert dest.read_bytes() == b"previous good copy"
    assert leftovers(tmp_path) == ["big.xlsx"]


def test_server_drops_connection_mid_body(httpserver, tmp_path, xlsx_bytes):
    def dropping(request):
        def body():
            yield xlsx_bytes[:1000]
            raise ConnectionResetError("server went away")
        response = Response(body(), content_type="application/octet-stream")
        response.headers["Content-Length"] = str(len(xlsx_bytes))
        return response

    httpserver.expect_request("/drop.xlsx").respond_with_handler(dropping)
    with pytest.raises(DownloadError):
        download(httpserver.url_for("/drop.xlsx"), tmp_path / "drop.xlsx", "xlsx", policy=FAST,
                 session=build_session(FAST))
    assert leftovers(tmp_path) == []


def serve_folder(httpserver, folder: Path) -> str:
    """Serve a folder laid out like shared/data; return its base URL."""
    def handler(request):
        path = (folder / request.path.removeprefix("/mirror/")).resolve()
        if folder.resolve() not in path.parents or not path.is_file():
            return Response("not found", status=404)
        return Response(path.read_bytes(), content_type="application/octet-stream")

    httpserver.expect_request(re.compile("^/mirror/.*")).respond_with_handler(handler)
    return httpserver.url_for("/mirror/")


def test_mirror_over_http_fetches_every_source(httpserver, mirror, tmp_path):
    base = serve_folder(httpserver, mirror)
    cache = RawCache(tmp_path / "raw")
    outcomes = fetch(cache=cache, mirror=base, policy=FAST, session=build_session(FAST))
    expected = sum(len(s.files()) for s in sources.REGISTRY.values())
    optional = {f.filename for s in sources.REGISTRY.values() for f in s.files() if not f.required}
    assert len(outcomes) == expected
    assert {o.status for o in outcomes if o.filename not in optional} == {"downloaded"}
    assert {o.status for o in outcomes if o.filename in optional} == {"unavailable"}
    for outcome in (o for o in outcomes if o.status == "downloaded"):
        registered = {f.filename: f for f in sources.get(outcome.source).files()}[outcome.filename]
        assert outcome.sha256 == registered.known_sha256
        assert outcome.url.startswith(base)


def test_content_api_resolves_current_ods(httpserver, tmp_path):
    ods_path = "/media/abc123/prc-pfa-mar2013-onwards-tables-240725.ods"
    api_path = "/api/content/government/statistical-data-sets/police-recorded-crime-and-outcomes-open-data-tables"
    payload = {"public_updated_at": "2024-07-25T09:30:00+01:00", "details": {"attachments": [
        {"url": httpserver.url_for("/media/x/prc-outcomes-open-data-mar2023.ods"), "filename": "outcomes.ods"},
        {"url": httpserver.url_for(ods_path), "filename": "prc-pfa-mar2013-onwards-tables-240725.ods"},
    ]}}
    httpserver.expect_request(api_path).respond_with_json(payload)
    files = prc_open_data.resolve_current(requests.Session(), api_url=httpserver.url_for(api_path))
    assert [f.url for f in files] == [httpserver.url_for(ods_path)]
    assert files[0].edition == "GOV.UK release 24 Jul 2025 (2012/13 onwards)" and files[0].format == "ods"


def test_content_api_html_is_refused(httpserver):
    httpserver.expect_request("/api").respond_with_data("<html><title>GOV.UK</title></html>", content_type="text/html")
    with pytest.raises(UnexpectedContentError, match="expected JSON"):
        prc_open_data.resolve_current(requests.Session(), api_url=httpserver.url_for("/api"))


CLOSED_PORT_URL = "http://127.0.0.1:9/nothing-listens-here.xlsx"


def test_offline_uses_cache_and_says_so(tmp_path, xlsx_bytes, caplog):
    (tmp_path / "mirror/ons").mkdir(parents=True)
    (tmp_path / "mirror/ons/t.xlsx").write_bytes(xlsx_bytes)
    cache = RawCache(tmp_path / "raw")
    remote = RemoteFile("ons-pfa-tables", "t.xlsx", CLOSED_PORT_URL, "ons/t.xlsx", "e", "xlsx")
    first = fetch_file(remote, cache=cache, mirror=str(tmp_path / "mirror"), session=build_session(FAST),
                       policy=FAST)
    assert first.status == "downloaded"
    again = fetch_file(remote, refresh=True, cache=cache, mirror=None, session=build_session(FAST), policy=FAST)
    assert again.status == "offline-cache"
    assert "using the cached copy" in caplog.text


def test_offline_without_cache_names_mirror_variable(tmp_path):
    cache = RawCache(tmp_path / "raw")
    remote = RemoteFile("ons-pfa-tables", "t.xlsx", CLOSED_PORT_URL, "ons/t.xlsx", "e", "xlsx")
    with pytest.raises(OfflineError, match="PEELSTATS_MIRROR"):
        fetch_file(remote, cache=cache, mirror=None, session=build_session(FAST), policy=FAST)


def test_retry_after_header_respected(httpserver, tmp_path, xlsx_bytes):
    calls = []

    def limited(request):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "1"})
        return Response(xlsx_bytes)

    httpserver.expect_request("/limited.xlsx").respond_with_handler(limited)
    download(httpserver.url_for("/limited.xlsx"), tmp_path / "l.xlsx", "xlsx", policy=FAST,
             session=build_session(FAST))
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.9
