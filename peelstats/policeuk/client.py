"""A polite data.police.uk API client: rate limited, retrying, caching, splitting dense polygons.

>>> from peelstats.policeuk import PoliceUK
>>> api = PoliceUK()                                        # doctest: +SKIP
>>> api.street_crimes("2018-03", lat=52.19, lng=-2.22)      # doctest: +SKIP

Behaviour:

* **Rate limit**: at most 15 requests/s with bursts of 30 (token bucket, injectable clock); answers served from
  the cache do not count.
* **Retries**: the one retry policy of peelstats (:func:`peelstats.ingest.download.build_session`, urllib3's ``Retry``):
  429 waits for ``Retry-After`` (or backs off), 500/502/504 and connection errors back off, ``max_attempts`` in
  all, no single wait longer than ``max_wait_seconds``. A 503 is police.uk's 10,000-crime cap, never retried.
* **Long polygons**: a ``crimes-street`` query whose GET URL would exceed 4,094 characters is sent by POST.
* **10,000-crime cap** (police.uk's own logic, the only one here): a 503 for a polygon splits it into quadrants
  (recursively, to ``max_split_depth``) and merges the pieces de-duplicated by crime id; a polygon that cannot be
  split further raises :class:`PolygonTooDenseError`.
* **Cache** (requests-cache, an SQLite file in ``<data>/policeuk/``): answers for a month police.uk has published
  never expire; "latest" answers (forces, neighbourhoods, availability) expire after ``ttl_seconds``.
  ``use_cache=False`` bypasses it.
* **Input checks**: an unknown force (or one police.uk does not serve) and text that is not ``YYYY-MM`` are
  refused before any request.
* **The 36-month window**: a month outside ``crimes-street-dates`` raises :class:`MonthNotAvailableError`, which
  points to the archive reader.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import requests
import requests_cache
from tqdm import tqdm

from peelstats import config
from peelstats.errors import (  # noqa: F401 - raised here, importable from here
    MonthNotAvailableError,
    PeelstatsError,
    PeriodFormatError,
    PoliceUKError,
    PolygonTooDenseError,
    TooManyCrimesError,
)
from peelstats.ingest.download import RetryPolicy, build_session
from peelstats.policeuk import frames
from peelstats.policeuk.polygons import encode, quadrants, to_polygon
from peelstats.policeuk.ratelimit import Clock, SystemClock, TokenBucket
from peelstats.reference import forces

log = logging.getLogger(__name__)

BASE_URL = "https://data.police.uk/api"
BASE_URL_ENV = "PEELSTATS_POLICEUK_API"
MAX_GET_URL = 4094
ARCHIVE_URL = "https://data.police.uk/data/archive/"
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")






def force_slug(force: str) -> str:
    """The police.uk id of a force, refusing (before any request) names police.uk does not serve."""
    known = forces.lookup(force)  # UnknownForceError, with close matches
    if not known.slug:
        raise PoliceUKError(f"data.police.uk has no data for {known.name} ({known.kind}): it serves the "
                            "territorial forces and British Transport Police.")
    return known.slug


def month_text(month) -> str:
    """``YYYY-MM``, or :class:`PeriodFormatError`; checked before any request so a typo costs nothing."""
    text = str(month).strip() if month is not None else ""
    if not MONTH.fullmatch(text):
        raise PeriodFormatError(f"{month!r} is not a month: expected YYYY-MM, e.g. 2018-03.")
    return text


class PoliceUK:
    def __init__(
        self,
        base_url: str | None = None,
        *,
        clock: Clock | None = None,
        session: requests.Session | None = None,
        cache_dir: Path | None = None,
        use_cache: bool = True,
        ttl_seconds: float = 24 * 3600,
        rate: float = 15.0,
        burst: int = 30,
        max_attempts: int = 5,
        max_wait_seconds: float = 120.0,
        backoff_seconds: float = 1.0,
        max_split_depth: int = 6,
        timeout: tuple[float, float] = (10.0, 60.0),
    ):
        self.base_url = (base_url or os.environ.get(BASE_URL_ENV) or BASE_URL).rstrip("/")
        self.clock = clock or SystemClock()
        self.bucket = TokenBucket(rate, burst, self.clock)
        self.cache_dir = Path(cache_dir) if cache_dir else config.data_dir() / "policeuk"
        self.use_cache = use_cache
        self.ttl_seconds = ttl_seconds
        self.max_attempts = max_attempts
        self.max_split_depth = max_split_depth
        self.timeout = timeout
        self.requests_made = 0  # sent to the server (answers from the cache are not)
        policy = RetryPolicy(attempts=max_attempts, backoff_seconds=backoff_seconds, connect_timeout=timeout[0],
                             read_timeout=timeout[1], longest_wait_seconds=max_wait_seconds,
                             statuses=(429, 500, 502, 504), methods=("GET", "POST"))  # queries: safe to resend
        if session is None and use_cache:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            session = requests_cache.CachedSession(str(self.cache_dir / "answers"), backend="sqlite",
                                                   allowable_methods=("GET", "POST"), expire_after=ttl_seconds)
        self.session = build_session(policy, session)

    # ------------------------------------------------------------------------------------------ transport
    def _request(self, path: str, params: dict[str, Any] | None = None, *, month: str | None = None,
                 post: bool = False) -> Any:
        """JSON from ``path``; ``month`` marks an answer for a published month (cached for good)."""
        url = f"{self.base_url}/{path.lstrip('/')}"
        params = {k: v for k, v in (params or {}).items() if v is not None}
        if not post and len(url) + 1 + len(urlencode(params)) > MAX_GET_URL:
            post = True
        method = "POST" if post else "GET"
        sent: dict[str, Any] = {"data": params} if post else {"params": params}  # keyword arguments of request()
        if isinstance(self.session, requests_cache.CachedSession):
            kept: dict[str, Any] = {"expire_after": requests_cache.NEVER_EXPIRE if month else self.ttl_seconds}
            response: requests.Response = self.session.request(method, url, only_if_cached=True, **kept, **sent)
            if response.status_code == 200:
                return self._json(url, response)
            sent = {**sent, **kept}
        self.bucket.acquire()
        self.requests_made += 1
        try:
            response = self.session.request(method, url, timeout=self.timeout, **sent)
        except requests.RequestException as error:  # connection errors, after every attempt
            reason = getattr(error, "args", [error])[0]
            raise PoliceUKError(f"{url}: failed after {self.max_attempts} attempts ({type(error).__name__}: "
                                f"{getattr(reason, 'reason', reason)})") from None
        if response.status_code == 200:
            return self._json(url, response)
        if response.status_code == 503 and "poly" in params:
            raise TooManyCrimesError(f"{url}: more than 10,000 crimes in the polygon")
        if response.status_code == 404:
            raise PoliceUKError(f"{url}: not found (HTTP 404)")
        if response.status_code in (429, 500, 502, 504):
            raise PoliceUKError(f"{url}: failed after {self.max_attempts} attempts (HTTP {response.status_code})")
        raise PoliceUKError(f"{url}: HTTP {response.status_code} {response.text[:120]!r}")

    @staticmethod
    def _json(url: str, response: requests.Response) -> Any:
        try:
            return response.json()
        except ValueError as error:
            raise PoliceUKError(f"{url}: answer is not JSON ({response.text[:80]!r})") from error

    # ----------------------------------------------------------------------------------------- endpoints
    def forces(self) -> pd.DataFrame:
        return frames.simple(self._request("forces"), frames.FORCES)

    def force(self, force: str) -> pd.DataFrame:
        return frames.force_detail(self._request(f"forces/{self._slug(force)}"))

    def neighbourhoods(self, force: str) -> pd.DataFrame:
        return frames.simple(self._request(f"{self._slug(force)}/neighbourhoods"), frames.NEIGHBOURHOODS)

    def neighbourhood_boundary(self, force: str, neighbourhood: str) -> pd.DataFrame:
        return frames.simple(self._request(f"{self._slug(force)}/{neighbourhood}/boundary"), frames.BOUNDARY)

    def crime_categories(self, month: str | None = None) -> pd.DataFrame:
        month = month_text(month) if month is not None else None
        return frames.simple(self._request("crime-categories", {"date": month}, month=month), frames.CATEGORIES)

    def crimes_street_dates(self) -> pd.DataFrame:
        return frames.dates(self._request("crimes-street-dates"))

    def available_months(self) -> list[str]:
        return sorted(str(m) for m in self.crimes_street_dates().month.dropna())

    def check_month(self, month: str) -> str:
        """``YYYY-MM`` if the API serves it, else :class:`MonthNotAvailableError` pointing to the archive.

        Text that is not a month raises :class:`PeriodFormatError` before the availability request."""
        month = month_text(month)
        served = self.available_months()
        if month not in served:
            span = f"{served[0]} to {served[-1]}" if served else "no months"
            raise MonthNotAvailableError(
                f"data.police.uk's API serves {span} (about the latest 36 months), not {month}. For older months "
                f"download the monthly archive ({ARCHIVE_URL}) and run `peelstats policeuk counts <archive.zip>`.")
        return month

    def street_crimes(self, month: str, *, lat: float | None = None, lng: float | None = None, polygon=None,
                      category: str = "all-crime") -> pd.DataFrame:
        """Street-level crimes at a point (1-mile radius) or in a polygon; dense polygons are split."""
        month = self.check_month(month)
        if polygon is not None:
            return frames.crimes(self._polygon_crimes(to_polygon(polygon), month, category, depth=0))
        if lat is None or lng is None:
            raise PoliceUKError("street_crimes needs lat and lng, or a polygon")
        return frames.crimes(self._request(f"crimes-street/{category}", {"lat": lat, "lng": lng, "date": month},
                                           month=month))

    def _polygon_crimes(self, polygon, month: str, category: str, depth: int) -> list[dict]:
        try:
            return list(self._request(f"crimes-street/{category}", {"poly": encode(polygon), "date": month},
                                      month=month))
        except TooManyCrimesError:
            if depth >= self.max_split_depth:
                raise PolygonTooDenseError(
                    f"Still more than 10,000 crimes in {month} after splitting {depth} times (area "
                    f"{polygon.bounds}); query smaller areas or use the monthly archive ({ARCHIVE_URL}).") from None
            log.info("over the 10,000 cap at depth %d: splitting into quadrants", depth)
            seen: dict = {}
            for piece in quadrants(polygon):
                for crime in self._polygon_crimes(piece, month, category, depth + 1):
                    seen.setdefault(crime.get("id"), crime)
            return list(seen.values())

    def crimes_no_location(self, force: str, month: str, category: str = "all-crime") -> pd.DataFrame:
        slug = self._slug(force)
        month = self.check_month(month)
        return frames.crimes(self._request("crimes-no-location", {"category": category, "force": slug,
                                                                  "date": month}, month=month))

    def street_outcomes(self, month: str, *, lat: float | None = None, lng: float | None = None, polygon=None,
                        location_id: int | None = None) -> pd.DataFrame:
        month = self.check_month(month)
        params: dict = {"date": month}
        if location_id is not None:
            params["location_id"] = location_id
        elif polygon is not None:
            params["poly"] = encode(to_polygon(polygon))
        elif lat is not None and lng is not None:
            params.update(lat=lat, lng=lng)
        else:
            raise PoliceUKError("street_outcomes needs a location_id, a polygon or lat and lng")
        return frames.outcome_rows(self._request("outcomes-at-location", params, month=month))

    def crime_outcomes(self, persistent_id: str) -> pd.DataFrame:
        payload = self._request(f"outcomes-for-crime/{persistent_id}")
        return frames.outcome_rows(payload.get("outcomes") or [], crime=payload.get("crime") or {})

    def stop_searches(self, force: str, month: str) -> pd.DataFrame:
        slug = self._slug(force)
        month = self.check_month(month)
        return frames.stops(self._request("stops-force", {"force": slug, "date": month}, month=month))

    def crimes_for_force(self, force: str, month: str, *, progress: bool = True) -> pd.DataFrame:
        """A whole force's street-level crimes for one month: every neighbourhood's boundary queried (dense ones
        split), de-duplicated by crime id, plus the crimes with no location."""
        slug = self._slug(force)
        month = self.check_month(month)
        seen: dict = {}
        hoods = self.neighbourhoods(slug)
        for hood in tqdm(hoods.id, desc=f"{slug} {month}", unit="neighbourhood", disable=not progress or None):
            boundary = self.neighbourhood_boundary(slug, hood)
            if boundary.empty:
                continue
            polygon = to_polygon(list(zip(boundary.latitude, boundary.longitude, strict=True)))
            for crime in self._polygon_crimes(polygon, month, "all-crime", depth=0):
                seen.setdefault(crime.get("id"), crime)
        located = frames.crimes(list(seen.values()))
        unlocated = self.crimes_no_location(slug, month)
        return pd.concat([located, unlocated], ignore_index=True) if len(unlocated) else located

    @staticmethod
    def _slug(force: str) -> str:
        return force_slug(force)

