"""The data.police.uk client against a loopback server: typing, rate limit, retries, POST, the 10,000 cap, cache."""

from __future__ import annotations

import json
import math
from urllib.parse import parse_qs

import pandas as pd
import pytest
from fakes import FakeClock
from shapely.geometry import Point, box
from werkzeug import Response

from peelstats.policeuk import (
    MonthNotAvailableError,
    PoliceUK,
    PoliceUKError,
    PolygonTooDenseError,
)
from peelstats.policeuk import frames as F
from peelstats.policeuk.polygons import encode

pytestmark = pytest.mark.http
DATES = [{"date": f"{y}-{m:02d}", "stop-and-search": ["west-mercia"]} for y in (2018, 2019, 2020) for m in range(1, 13)]
SQUARE = [(52.0, -2.0), (52.0, -1.0), (53.0, -1.0), (53.0, -2.0)]  # (lat, lng)


def crime(i, lat, lng, category="burglary", month="2018-06"):
    return {"category": category, "location_type": "Force", "location": {"latitude": f"{lat:.6f}", "street": {
        "id": 1000 + i, "name": "On or near Test Street"}, "longitude": f"{lng:.6f}"}, "context": "",
        "outcome_status": {"category": "Under investigation", "date": month}, "persistent_id": f"{i:064x}",
        "id": i, "location_subtype": "", "month": month}


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def api(httpserver, tmp_path, clock):
    httpserver.expect_request("/api/crimes-street-dates").respond_with_json(DATES)
    return PoliceUK(httpserver.url_for("/api"), clock=clock, cache_dir=tmp_path / "cache", backoff_seconds=1.0)


def polygon_of(request) -> list[tuple[float, float]]:
    raw = request.form.get("poly") or request.args.get("poly")
    return [tuple(map(float, p.split(","))) for p in raw.split(":")]


def test_real_street_crimes_are_typed(httpserver, tmp_path, clock, mirror):
    folder = mirror / "policeuk"
    httpserver.expect_request("/api/crimes-street-dates").respond_with_data(
        (folder / "api_misc/crimes-street-dates_2020-08_adien43.json").read_bytes(), content_type="application/json")
    httpserver.expect_request("/api/crimes-street/all-crime", method="GET").respond_with_data(
        (folder / "api_crimes_street/london_E05000026_2018-03/crime_month_2018_03_area_E05000026_0.json").read_bytes(),
        content_type="application/json")
    httpserver.expect_request("/api/crime-categories").respond_with_data(
        (folder / "api_misc/crime-categories_wwymak.json").read_bytes(), content_type="application/json")
    api = PoliceUK(httpserver.url_for("/api"), clock=clock, cache_dir=tmp_path / "cache")
    frame = api.street_crimes("2018-03", polygon=SQUARE)
    assert len(frame) == 284 and frame.id.is_unique
    assert frame.latitude.dtype == "float64" and frame.longitude.dtype == "float64"
    assert str(frame.month.dtype) == "period[M]" and (frame.month == pd.Period("2018-03", "M")).all()
    assert {"street_id", "street_name", "outcome_category", "outcome_month"} <= set(frame.columns)
    asb = frame[frame.category == "anti-social-behaviour"]
    assert asb.outcome_category.isna().all() and asb.persistent_id.isna().all()
    categories = api.crime_categories()
    assert len(categories) == 15 and "all-crime" in set(categories.url)
    with pytest.raises(MonthNotAvailableError, match="serves 2017-09 to 2020-08.*archive"):
        api.street_crimes("2017-03", polygon=SQUARE)


def test_empty_answers_keep_their_columns(api, httpserver):
    httpserver.expect_request("/api/crimes-no-location").respond_with_json([])
    frame = api.crimes_no_location("west mercia", "2018-06")
    assert frame.empty and list(frame.columns) == list(F.CRIME) and str(frame.month.dtype) == "period[M]"
    assert frame.latitude.dtype == "float64"


def test_other_endpoints_are_flattened(api, httpserver):
    httpserver.expect_request("/api/forces").respond_with_json([{"id": "west-mercia", "name": "West Mercia Police"}])
    httpserver.expect_request("/api/forces/west-mercia").respond_with_json({
        "id": "west-mercia", "name": "West Mercia Police", "url": "https://www.westmercia.police.uk",
        "telephone": "101", "description": None, "engagement_methods": [{"title": "Facebook", "url": "x"}]})
    httpserver.expect_request("/api/west-mercia/neighbourhoods").respond_with_json([{"id": "N1", "name": "One"}])
    httpserver.expect_request("/api/west-mercia/N1/boundary").respond_with_json(
        [{"latitude": "52.1", "longitude": "-2.2"}, {"latitude": "52.2", "longitude": "-2.1"}])
    httpserver.expect_request("/api/outcomes-at-location").respond_with_json([
        {"category": {"code": "no-further-action", "name": "Investigation complete"}, "date": "2018-07",
         "person_id": None, "crime": crime(7, 52.1, -2.2)}])
    httpserver.expect_request(f"/api/outcomes-for-crime/{7:064x}").respond_with_json({
        "crime": crime(7, 52.1, -2.2), "outcomes": [
            {"category": {"code": "under-investigation", "name": "Under investigation"}, "date": "2018-06",
             "person_id": None},
            {"category": {"code": "charged", "name": "Suspect charged"}, "date": "2018-09", "person_id": 55}]})
    httpserver.expect_request("/api/stops-force").respond_with_json([{
        "type": "Person search", "involved_person": True, "datetime": "2018-06-01T10:30:00+00:00",
        "operation": None, "operation_name": None, "location": {"latitude": "52.19", "street": {"id": 9, "name": "X"},
                                                                "longitude": "-2.22"},
        "gender": "Male", "age_range": "18-24", "self_defined_ethnicity": None, "officer_defined_ethnicity": "White",
        "legislation": "Misuse of Drugs Act 1971 (section 23)", "object_of_search": "Controlled drugs",
        "outcome": "A no further action disposal", "outcome_linked_to_object_of_search": None,
        "removal_of_more_than_outer_clothing": False}])
    assert api.forces().id.tolist() == ["west-mercia"]
    assert api.force("West Mercia").engagement_methods.tolist() == ["Facebook"]
    assert api.neighbourhoods("west-mercia").id.tolist() == ["N1"]
    assert api.neighbourhood_boundary("west-mercia", "N1").latitude.tolist() == [52.1, 52.2]
    outcomes = api.street_outcomes("2018-06", lat=52.1, lng=-2.2)
    assert outcomes.outcome_code.tolist() == ["no-further-action"] and outcomes.crime_latitude.dtype == "float64"
    history = api.crime_outcomes(f"{7:064x}")
    assert history.outcome_name.tolist() == ["Under investigation", "Suspect charged"]
    assert history.person_id.tolist()[1] == 55 and (history.crime_id == 7).all()
    stops = api.stop_searches("west mercia", "2018-06")
    assert str(stops.datetime.dtype).startswith("datetime64") and stops.latitude.tolist() == [52.19]
    assert stops.street_name.tolist() == ["X"]


def test_rate_limit_counted_on_the_injected_clock(httpserver, tmp_path, clock):
    httpserver.expect_request("/api/forces").respond_with_json([])
    api = PoliceUK(httpserver.url_for("/api"), clock=clock, use_cache=False)
    stamps = []
    for _ in range(100):
        api.forces()
        stamps.append(clock.monotonic())
    assert api.requests_made == 100
    assert clock.now == pytest.approx((100 - 30) / 15, rel=1e-6)  # burst of 30, then 15 per second
    for i, t in enumerate(stamps):  # never more than 30 + 15*t requests by time t
        assert i + 1 <= 30 + 15 * t + 1e-9


@pytest.fixture
def waits(monkeypatch):
    """The waits of the shared retry policy (urllib3's Retry sleeps between attempts), recorded, not slept."""
    recorded: list[float] = []
    monkeypatch.setattr("urllib3.util.retry.time.sleep", recorded.append)
    return recorded


def test_429_waits_for_retry_after(api, httpserver, waits):
    calls = []

    def handler(request):
        calls.append(1)
        if len(calls) == 1:
            return Response("slow down", status=429, headers={"Retry-After": "7"})
        return Response(json.dumps([{"id": "west-mercia", "name": "West Mercia Police"}]),
                        content_type="application/json")

    httpserver.expect_request("/api/forces").respond_with_handler(handler)
    assert api.forces().id.tolist() == ["west-mercia"]
    assert waits == [7.0] and len(calls) == 2


def test_5xx_backs_off_and_gives_up(httpserver, tmp_path, clock, waits):
    httpserver.expect_request("/api/forces").respond_with_data("boom", status=502)
    api = PoliceUK(httpserver.url_for("/api"), clock=clock, use_cache=False, max_attempts=4, backoff_seconds=1.0)
    with pytest.raises(PoliceUKError, match="failed after 4 attempts"):
        api.forces()
    assert len([r for r, _ in httpserver.log if r.path.endswith("/forces")]) == 4
    assert waits == [2.0, 4.0]  # urllib3: the first retry at once, then doubling
    waits.clear()
    bounded = PoliceUK(httpserver.url_for("/api"), clock=clock, use_cache=False, max_attempts=10,
                       max_wait_seconds=5.0)
    with pytest.raises(PoliceUKError, match="failed after 10 attempts"):
        bounded.forces()
    assert waits and max(waits) <= 5.0  # no single wait longer than max_wait_seconds


def test_connection_errors_retry_then_fail(tmp_path, clock, waits):
    api = PoliceUK("http://127.0.0.1:9/api", clock=clock, use_cache=False, max_attempts=3, timeout=(1, 1))
    with pytest.raises(PoliceUKError, match="failed after 3 attempts .*ConnectionError"):
        api.forces()


def _cap_handler(limit_area, crimes):
    """503 for polygons larger than ``limit_area`` (deg^2), else the crimes inside (edges included)."""
    def handler(request):
        poly = box(*_bounds(polygon_of(request)))
        if poly.area > limit_area:
            return Response("", status=503)
        inside = [c for c in crimes if poly.buffer(1e-9).contains(
            Point(float(c["location"]["longitude"]), float(c["location"]["latitude"])))]
        return Response(json.dumps(inside), content_type="application/json")
    return handler


def _bounds(points):
    lats, lngs = [p[0] for p in points], [p[1] for p in points]
    return min(lngs), min(lats), max(lngs), max(lats)


def test_503_splits_into_quadrants_and_deduplicates(api, httpserver):
    # a grid of crimes including points on the quadrant edges (lat 52.5, lng -1.5), which two pieces both return
    crimes = [crime(i * 10 + j, 52.0 + i * 0.25, -2.0 + j * 0.25) for i in range(5) for j in range(5)]
    httpserver.expect_request("/api/crimes-street/all-crime").respond_with_handler(_cap_handler(0.3, crimes))
    frame = api.street_crimes("2018-06", polygon=SQUARE)
    assert sorted(frame.id) == sorted(c["id"] for c in crimes)  # all 25, each once
    assert frame.id.is_unique


def test_split_depth_limit_raises(httpserver, tmp_path, clock):
    httpserver.expect_request("/api/crimes-street-dates").respond_with_json(DATES)
    httpserver.expect_request("/api/crimes-street/all-crime").respond_with_data("", status=503)
    api = PoliceUK(httpserver.url_for("/api"), clock=clock, cache_dir=tmp_path / "c", max_split_depth=1)
    with pytest.raises(PolygonTooDenseError, match="after splitting 1 times"):
        api.street_crimes("2018-06", polygon=SQUARE)
    street = [r for r, _ in httpserver.log if r.path.endswith("all-crime")]
    assert len(street) == 1 + 1  # the whole area, then the first quadrant, which is still over: stop there


def test_long_polygons_are_posted(api, httpserver):
    ring = [(52.5 + 0.3 * math.sin(a / 400 * 2 * math.pi), -1.5 + 0.3 * math.cos(a / 400 * 2 * math.pi))
            for a in range(400)]
    httpserver.expect_request("/api/crimes-street/all-crime", method="POST").respond_with_json(
        [crime(1, 52.5, -1.5)])
    httpserver.expect_request("/api/crimes-street/all-crime", method="GET").respond_with_json([crime(2, 52.5, -1.5)])
    from peelstats.policeuk.polygons import to_polygon
    assert len(encode(to_polygon(ring))) > 4094
    assert api.street_crimes("2018-06", polygon=ring).id.tolist() == [1]
    posted = [r for r, _ in httpserver.log if r.method == "POST"][0]
    assert parse_qs(posted.get_data(as_text=True))["date"] == ["2018-06"]
    assert api.street_crimes("2018-06", polygon=SQUARE).id.tolist() == [2]  # short: GET


def test_cache_keeps_published_months_and_expires_latest(httpserver, tmp_path, clock):
    import time

    httpserver.expect_request("/api/crimes-street-dates").respond_with_json(DATES)
    httpserver.expect_request("/api/forces").respond_with_json([])
    httpserver.expect_request("/api/crimes-street/all-crime").respond_with_json([crime(1, 52.5, -1.5)])
    api = PoliceUK(httpserver.url_for("/api"), clock=clock, cache_dir=tmp_path / "c", ttl_seconds=1)

    def hits(suffix):
        return sum(1 for r, _ in httpserver.log if r.path.endswith(suffix))

    api.forces()
    api.forces()
    assert hits("/forces") == 1 and api.requests_made == 1  # the second came from the cache, and was not counted
    api.street_crimes("2018-06", lat=52.5, lng=-1.5)
    time.sleep(1.2)  # past the TTL (requests-cache keeps real time)
    api.forces()
    assert hits("/forces") == 2  # "latest" answer expired
    again = PoliceUK(httpserver.url_for("/api"), clock=clock, cache_dir=tmp_path / "c", ttl_seconds=1)
    again.street_crimes("2018-06", lat=52.5, lng=-1.5)
    assert hits("all-crime") == 1  # a published month's answer is kept, across clients
    PoliceUK(httpserver.url_for("/api"), clock=clock, cache_dir=tmp_path / "c", use_cache=False).street_crimes(
        "2018-06", lat=52.5, lng=-1.5)
    assert hits("all-crime") == 2  # bypassed


def test_whole_force_month(api, httpserver, mirror):
    folder = mirror / "policeuk/api_crimes_street/west_mercia_broken_month"
    answers = {f"N{i}": json.loads(p.read_text()) for i, p in enumerate(sorted(folder.glob("*.json")))}
    httpserver.expect_request("/api/west-mercia/neighbourhoods").respond_with_json(
        [{"id": k, "name": k} for k in answers])
    for i, key in enumerate(answers):
        lat = 52.0 + i
        httpserver.expect_request(f"/api/west-mercia/{key}/boundary").respond_with_json(
            [{"latitude": str(lat), "longitude": "-2.0"}, {"latitude": str(lat), "longitude": "-1.9"},
             {"latitude": str(lat + 0.1), "longitude": "-1.9"}])
    order = list(answers)

    def street(request):
        lat = polygon_of(request)[0][0]
        key = order[int(round(lat - 52.0))]
        payload = answers[key] + answers[order[0]][:5]  # the first ward's first crimes come back twice
        return Response(json.dumps(payload), content_type="application/json")

    httpserver.expect_request("/api/crimes-street/all-crime").respond_with_handler(street)
    httpserver.expect_request("/api/crimes-no-location").respond_with_json([{**crime(99, 0, 0), "location": None}])
    frame = api.crimes_for_force("West Mercia", "2018-06", progress=False)
    located = sum(len(v) for v in answers.values())
    assert len(frame) == located + 1 and frame.id.is_unique
    assert frame[frame.id == 99].latitude.isna().all()
    assert (frame.month == pd.Period("2018-06", "M")).all()  # files say 2017-07; the content is 2018-06


def test_local_records_from_the_api(api, httpserver):
    from peelstats.policeuk.local import category_mix, local_records

    httpserver.expect_request("/api/west-mercia/neighbourhoods").respond_with_json([{"id": "N1", "name": "One"}])
    httpserver.expect_request("/api/west-mercia/N1/boundary").respond_with_json(
        [{"latitude": "52.0", "longitude": "-2.0"}, {"latitude": "52.0", "longitude": "-1.0"},
         {"latitude": "53.0", "longitude": "-1.0"}])
    httpserver.expect_request("/api/crimes-street/all-crime").respond_with_json(
        [crime(1, 52.5, -1.5), crime(2, 52.5, -1.5, "vehicle-crime"), crime(3, 52.5, -1.5, "anti-social-behaviour")])
    httpserver.expect_request("/api/crimes-no-location").respond_with_json([])
    records = local_records("west mercia", "2018-06", "api", client=api)
    assert records.source == "api"
    mix = category_mix(records).set_index("category")
    assert mix["count"].to_dict() == {"Burglary": 1, "Vehicle crime": 1, "Anti-social behaviour": 1}
    assert not mix.loc["Anti-social behaviour", "is_crime"]


def test_cli_crimes_uses_the_configured_server(httpserver, tmp_path, capsys, monkeypatch):
    from peelstats import cli

    httpserver.expect_request("/api/crimes-street-dates").respond_with_json(DATES)
    httpserver.expect_request("/api/west-mercia/neighbourhoods").respond_with_json([{"id": "N1", "name": "One"}])
    httpserver.expect_request("/api/west-mercia/N1/boundary").respond_with_json(
        [{"latitude": "52.0", "longitude": "-2.0"}, {"latitude": "52.0", "longitude": "-1.0"},
         {"latitude": "53.0", "longitude": "-1.0"}])
    httpserver.expect_request("/api/crimes-street/all-crime").respond_with_json([crime(1, 52.5, -1.5)])
    httpserver.expect_request("/api/crimes-no-location").respond_with_json([])
    monkeypatch.setenv("PEELSTATS_POLICEUK_API", httpserver.url_for("/api"))
    assert cli.main(["policeuk", "crimes", "--force", "West Mercia", "--month", "2018-06", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == 1 and rows[0]["month"] == "2018-06" and rows[0]["latitude"] == 52.5
    assert cli.main(["policeuk", "crimes", "--force", "West Mercia", "--month", "2015-01"]) == 2
    assert "archive" in capsys.readouterr().err
