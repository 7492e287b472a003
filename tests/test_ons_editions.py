"""Editions as data: the registry, finding new ONS editions on the publisher's pages (a loopback server serving
pages built here, with links in the forms ONS uses), adding one by address, and fetching what is new."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import p1_2020s_rows, write_xlsx

from peelstats import cli
from peelstats.errors import DownloadError
from peelstats.ingest.build import build
from peelstats.ingest.cache import RawCache
from peelstats.ingest.dataset import load
from peelstats.ingest.sources import ons_editions

DATASET = ons_editions.DATASET_PATH


def page(*links: tuple[str, str]) -> str:
    items = "".join(f'<li><a href="{href}" class="btn">{text}</a></li>' for href, text in links)
    return f"<!DOCTYPE html><html><head><title>Police force area data tables</title></head><body><ul>{items}</ul>" \
           "</body></html>"


def serve(httpserver, landing: str, previous: str, extra: dict | None = None) -> str:
    httpserver.expect_request(f"{DATASET}").respond_with_data(landing, content_type="text/html")
    httpserver.expect_request(f"{DATASET}/previous").respond_with_data(previous, content_type="text/html")
    for path, body in (extra or {}).items():
        httpserver.expect_request(path).respond_with_data(body, content_type="text/html")
    return httpserver.url_for(DATASET)


def test_the_registry_is_data_and_holds_the_known_editions():
    registered = ons_editions.registered()
    core = ons_editions.core()
    assert len(core) == 8 and all(e.sha256 and e.required for e in core)
    later = {e.filename: e for e in registered if not e.required}
    assert later["policeforceareatablesyejune25final.xlsx"].period_end == "2025-06-30"
    assert later["policeforceareadatatablesyearendingmarch2017corrected.xls"].format == "xls"
    assert not any(e.url_verified for e in later.values())  # addresses cited in public code, not verified here


def test_names_give_their_periods():
    assert ons_editions.period_from_folder("yearendingjune2025") == pd.Timestamp("2025-06-30")
    assert ons_editions.period_from_name("policeforceareatablesyejune25final.xlsx") == pd.Timestamp("2025-06-30")
    assert ons_editions.period_from_name("pfatablesdec19.xlsx") == pd.Timestamp("2019-12-31")
    assert ons_editions.period_from_name("pfatablesyemarch2026.xlsx") == pd.Timestamp("2026-03-31")
    assert ons_editions.period_from_name("summary.xlsx") is None


def test_discovery_finds_new_editions_in_every_link_form(httpserver):
    current = f"/file?uri={DATASET}/current/policeforceareatablesyejune26.xlsx"
    encoded = "/file?uri=" + f"{DATASET}/yearendingmarch2026/pfatablesyemarch2026.xlsx".replace("/", "%2F")
    old_xls = f"/file?uri={DATASET}/yearendingjune2016/policeforceareatablesyearendingjun16.xls"
    edition_page = f"{DATASET}/yearendingseptember2026"
    landing = page((current, "xlsx (210 kB)"))
    previous = page((encoded, "Year ending March 2026 edition of this dataset"), (old_xls, "xls (1.2 MB)"),
                    (edition_page, "Year ending September 2026"), ("/aboutus", "About us"))
    inner = page((f"/file?uri={DATASET}/yearendingseptember2026/pfatablesyesep26.xlsx", "xlsx"))
    url = serve(httpserver, landing, previous, {edition_page: inner})
    found = {e.filename: e for e in ons_editions.discover(landing=url)}
    # the March 2026 edition is registered already; the others are new
    assert set(found) == {"policeforceareatablesyejune26.xlsx", "policeforceareatablesyearendingjun16.xls",
                          "pfatablesyesep26.xlsx"}
    assert found["policeforceareatablesyejune26.xlsx"].period_end == "2026-06-30"  # from the file name
    assert found["policeforceareatablesyearendingjun16.xls"].period_end == "2016-06-30"  # from the folder
    assert found["policeforceareatablesyearendingjun16.xls"].format == "xls"
    assert found["pfatablesyesep26.xlsx"].period_end == "2026-09-30"  # from the edition page
    assert all(e.origin == "discovered" and e.url.startswith("http://localhost") for e in found.values())


def test_a_page_with_no_new_edition(httpserver):
    known = f"/file?uri={DATASET}/yearendingdecember2019/pfatablesdec19.xlsx"
    url = serve(httpserver, page((known, "xlsx")), page())
    assert ons_editions.discover(landing=url) == []


def test_a_page_that_is_not_what_was_expected(httpserver):
    url = serve(httpserver, page(("/help", "Help")), page(("/about", "About")))
    with pytest.raises(ons_editions.EditionError, match="link to no workbook of the dataset"):
        ons_editions.discover(landing=url)
    httpserver.clear()
    httpserver.expect_request(DATASET).respond_with_data(b"\x00\x01binary", content_type="application/octet-stream")
    with pytest.raises(ons_editions.EditionError, match="expected ONS's dataset page"):
        ons_editions.discover(landing=httpserver.url_for(DATASET))


def test_no_network_is_one_line_and_the_registered_editions_stay(monkeypatch, capsys):
    monkeypatch.setenv("PEELSTATS_ONS_PAGE", "http://127.0.0.1:9/dataset")
    with pytest.raises(DownloadError, match="unreachable"):
        ons_editions.discover()
    assert cli.main(["editions", "--discover", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "cannot reach ONS" in err and len(err.strip().splitlines()) == 1
    assert "pfatablesdec19.xlsx" in out


def test_an_edition_added_by_address_needs_no_code(tmp_path, capsys):
    url = f"https://www.ons.gov.uk/file?uri={DATASET}/current/newname.xlsx"
    assert cli.main(["editions", "add", url, "--period-end", "2026-09-30"]) == 0
    [added] = ons_editions.user_editions()
    assert added.period_end == "2026-09-30" and added.origin == "added" and added.address == url
    assert "newname.xlsx" in {f.filename for f in __import__("peelstats").sources.get("ons-pfa-tables").files()}
    assert cli.main(["editions", "add", "https://example.org/not-a-workbook.pdf"]) == 2
    assert "not the address of a workbook" in capsys.readouterr().err


def test_a_discovered_edition_is_fetched_and_built(httpserver, tmp_path, monkeypatch):
    workbook = write_xlsx(tmp_path / "w.xlsx", {"Table P1": p1_2020s_rows("June 2026")}).read_bytes()
    link = f"/file?uri={DATASET}/yearendingjune2026/policeforceareatablesyejune26.xlsx"
    httpserver.expect_request("/file", query_string=f"uri={DATASET}/yearendingjune2026/policeforceareatablesyejune26"
                                                    ".xlsx").respond_with_data(workbook)
    monkeypatch.setenv("PEELSTATS_ONS_PAGE", serve(httpserver, page((link, "xlsx")), page()))
    empty = tmp_path / "empty-mirror"
    empty.mkdir()
    found = ons_editions.discover()
    ons_editions.save_user_editions(found)
    from peelstats.ingest.download import RetryPolicy, build_session
    from peelstats.ingest.fetch import fetch_file
    from peelstats.ingest.sources import ons_pfa_tables

    remote = next(f for f in ons_pfa_tables.files() if f.filename == "policeforceareatablesyejune26.xlsx")
    fast = RetryPolicy(attempts=1, backoff_seconds=0)
    cache = RawCache()
    outcome = fetch_file(remote, cache=cache, mirror=None, session=build_session(fast), policy=fast)
    assert outcome.status == "downloaded"
    build(cache=cache)
    counts = load(fresh=True).counts
    june26 = counts[(counts.period_end == "2026-06-30") & (counts.geography_code == "E23000016")
                    & (counts.offence == "Total recorded crime (excluding fraud)")]
    assert june26["count"].tolist() == [600] and june26.edition.tolist() == ["YE Jun 2026"]


def test_fetch_latest_without_network_says_so_and_fetches_the_registered_editions(tmp_path, monkeypatch, capsys):
    from builders import synthetic_mirror

    monkeypatch.setenv("PEELSTATS_MIRROR", str(synthetic_mirror(tmp_path / "mirror")))
    monkeypatch.setenv("PEELSTATS_ONS_PAGE", "http://127.0.0.1:9/dataset")
    assert cli.main(["fetch", "rec-crime-pfa", "--latest", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "cannot reach ONS to look for new editions" in err
    assert '"status": "downloaded"' in out


# ---------------------------------------------------------------------------- defects found by an audit


def test_a_missing_previous_releases_page_keeps_what_the_dataset_page_linked(httpserver):
    link = f"/file?uri={DATASET}/yearendingjune2026/policeforceareatablesyejune26.xlsx"
    httpserver.expect_request(DATASET).respond_with_data(page((link, "xlsx")), content_type="text/html")
    httpserver.expect_request(f"{DATASET}/previous").respond_with_data("gone", status=404)
    found = ons_editions.discover(landing=httpserver.url_for(DATASET))
    assert [e.filename for e in found] == ["policeforceareatablesyejune26.xlsx"]


def test_fetch_latest_on_an_unexpected_page_warns_and_still_fetches(httpserver, tmp_path, monkeypatch, capsys):
    from builders import synthetic_mirror

    monkeypatch.setenv("PEELSTATS_MIRROR", str(synthetic_mirror(tmp_path / "mirror")))
    monkeypatch.setenv("PEELSTATS_ONS_PAGE", serve(httpserver, page(("/help", "Help")), page()))
    assert cli.main(["fetch", "rec-crime-pfa", "--latest", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert "link to no workbook of the dataset" in err and '"status": "downloaded"' in out


def test_an_edition_found_online_is_fetched_from_the_publisher_when_the_mirror_lacks_it(httpserver, tmp_path):
    workbook = write_xlsx(tmp_path / "w.xlsx", {"Table P1": p1_2020s_rows("June 2026")}).read_bytes()
    path = f"{DATASET}/yearendingjune2026/policeforceareatablesyejune26.xlsx"
    httpserver.expect_request("/file", query_string=f"uri={path}").respond_with_data(workbook)
    ons_editions.add(httpserver.url_for("/file") + f"?uri={path}")
    from peelstats.ingest.download import RetryPolicy, build_session
    from peelstats.ingest.fetch import fetch_file
    from peelstats.ingest.sources import ons_pfa_tables

    remote = next(f for f in ons_pfa_tables.files() if f.filename == "policeforceareatablesyejune26.xlsx")
    empty = tmp_path / "mirror"
    empty.mkdir()
    fast = RetryPolicy(attempts=1, backoff_seconds=0)
    outcome = fetch_file(remote, cache=RawCache(), mirror=str(empty), session=build_session(fast), policy=fast)
    assert outcome.status == "downloaded" and outcome.url.startswith("http://localhost")


def test_an_address_whose_file_name_is_taken_is_refused():
    with pytest.raises(ons_editions.EditionError, match="a file named pfatablesdec19.xlsx is already known"):
        ons_editions.add("https://example.org/y/pfatablesdec19.xlsx", "2026-06-30")
    with pytest.raises(ons_editions.EditionError, match="years ending March, June, September or December"):
        ons_editions.add("https://example.org/y/newtables.xlsx", "2026-07-31")


def test_a_superseded_version_has_its_own_label_and_is_older():
    from peelstats.ingest import vintage_order

    old = ons_editions.from_address(f"https://www.ons.gov.uk/file?uri={DATASET}/yearendingmarch2018/previous/v1/"
                                    "policeforceareatablesyearendingmarch2018.xlsx", origin="discovered")
    assert old.label == "YE Mar 2018 (superseded version 1)"
    ons_editions.save_user_editions([old])
    assert vintage_order.newest("ons-pfa-tables", [old.label, "YE Mar 2018 (v2, North Wales revised)"]) == \
        "YE Mar 2018 (v2, North Wales revised)"
