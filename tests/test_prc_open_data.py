"""The Home Office open data: every attachment resolved as its own edition; every layout parsed or refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import requests
from builders import FILLER, PRC_HEADER, prc_csv, prc_rows, whole_prc

from peelstats.errors import DownloadError, LayoutError
from peelstats.ingest.cache import RawCache
from peelstats.ingest.download import RetryPolicy, build_session
from peelstats.ingest.fetch import fetch_file
from peelstats.ingest.sources import prc_open_data
from peelstats.ingest.sources.base import RemoteFile
from peelstats.reference import offences as off

FAST = RetryPolicy(attempts=2, backoff_seconds=0, connect_timeout=2, read_timeout=5)


def remote(fmt: str) -> RemoteFile:
    return RemoteFile("prc-open-data", f"p.{fmt}", "https://example.invalid", "", "test", fmt)


def test_csv_padded_numbers_names_and_burglary_codes(tmp_path):
    counts = prc_open_data.parse(prc_csv(tmp_path / "p.csv"), remote("csv"))["counts"]
    assert counts[counts["count"] != FILLER]["count"].tolist() == [400, 0, 120, 12, -1, 9000, 8000, 2]
    by_code = dict(zip(counts.offence_code, counts.offence, strict=True))
    # subgroup says "Domestic burglary" but 28E is a residential code (post-April 2017)
    assert by_code["28E"] == off.RESIDENTIAL_BURGLARY
    assert by_code["28A"] == off.DOMESTIC_BURGLARY
    assert by_code["45"] == off.VEHICLE
    assert by_code["4.4"] == off.DEATH_BY_DRIVING
    assert counts[counts.offence_code == "45"].geography_code.iloc[0] == "E23000034"  # London, City of
    ffa = counts[counts.offence_code.isin(["FFA UK", "UK Finance"])]
    assert set(ffa.geography_code) == {"X-UKFINANCE"} and set(ffa.geography_level) == {"non_territorial"}
    assert counts[counts["count"] < 0].negative.all()
    q1 = counts[counts.offence_code == "28E"].iloc[0]
    assert (q1.period_start, q1.period_end) == (pd.Timestamp("2017-04-01"), pd.Timestamp("2017-06-30"))
    q4 = counts[counts.offence_code == "4.4"].iloc[0]
    assert q4.period_end == pd.Timestamp("2018-03-31")
    assert (counts.period_kind == "financial_quarter").all()
    assert counts.offence_subgroup.tolist()[0] == "Domestic burglary"  # as published


def test_ods_sheet_parses_like_the_csv(tmp_path):
    columns = PRC_HEADER.split(",")
    frame = pd.DataFrame(whole_prc(prc_rows()), columns=columns)
    ods = tmp_path / "prc-pfa-mar2013-onwards-tables.ods"
    with pd.ExcelWriter(ods, engine="odf") as writer:
        pd.DataFrame({"Contents": ["Police recorded crime open data tables"]}).to_excel(
            writer, sheet_name="Introduction", index=False)
        frame.to_excel(writer, sheet_name="2017-18", index=False)
    from_ods = prc_open_data.parse(ods, remote("ods"))["counts"]
    from_csv = prc_open_data.parse(prc_csv(tmp_path / "p.csv"), remote("csv"))["counts"]
    columns = ["period_end", "geography_code", "offence", "offence_code", "count"]
    pd.testing.assert_frame_equal(from_ods[columns].astype(str), from_csv[columns].astype(str))


def test_missing_column_named(tmp_path):
    header = PRC_HEADER.replace("Offence Code", "Code")
    with pytest.raises(LayoutError, match=r"p\.csv, sheet 'CSV': expected columns \['Offence Code'\]"):
        prc_open_data.parse(prc_csv(tmp_path / "p.csv", header=header), remote("csv"))


def test_unknown_subgroup_named(tmp_path):
    rows = [["2017/18", "1", "West Mercia", "Theft of a spaceship", "Theft offences", "Spaceship theft", "999",
             "1"]]
    with pytest.raises(LayoutError, match="'Spaceship theft'"):
        prc_open_data.parse(prc_csv(tmp_path / "p.csv", rows), remote("csv"))


def test_non_numeric_count_named(tmp_path):
    rows = [["2017/18", "1", "West Mercia", "Robbery of personal property", "Robbery",
             "Robbery of personal property", "34B", " x "]]
    with pytest.raises(LayoutError, match="'Number of Offences', data row 1"):
        prc_open_data.parse(prc_csv(tmp_path / "p.csv", rows), remote("csv"))


# --- every attachment of the collection, each its own edition -------------------------------------------------

API_PATH = "/api/content/government/statistical-data-sets/police-recorded-crime-and-outcomes-open-data-tables"
CURRENT = "/media/69e9f3b0c2a1d4e5f6a7b8c9/prc-pfa-mar2013-onwards-tables-230426.ods"
PREVIOUS = "/media/679a2aa1a39e422368d10e21/prc-pfa-mar2013-onwards-tables-300125.ods"
MID = "/media/680799ed8c1316be7978e6cd/prc-pfa-mar2008-mar2012-tabs.ods"  # asset id = upload of 22 Apr 2025
MID_EARLIER = "/media/5a80d98c40f0b62305b8d7ee/prc-pfa-mar2008-mar2012-tabs.ods"  # 12 Feb 2018
EARLY = "/government/uploads/system/uploads/attachment_data/file/116300/prc-pfa-0203-to-0607-tabs.ods"
OLDER_COLUMNS = ["Financial Year", "Financial Quarter", "Force Name", "Offence Group", "Offence Code",
                 "Number of Offences"]


def content_api(httpserver, attachments: list[dict], updated: str = "2026-04-23T09:30:00+01:00") -> str:
    """Serve a Content API payload shaped like GOV.UK's; returns its URL."""
    httpserver.expect_request(API_PATH).respond_with_json(
        {"title": "Police recorded crime and outcomes open data tables", "public_updated_at": updated,
         "document_type": "statistical_data_set", "details": {"attachments": attachments}})
    return httpserver.url_for(API_PATH)


def attachment(httpserver, path: str, content_type: str = "application/vnd.oasis.opendocument.spreadsheet") -> dict:
    return {"attachment_type": "file", "content_type": content_type, "url": httpserver.url_for(path),
            "filename": path.rsplit("/", 1)[-1], "title": path.rsplit("/", 1)[-1]}


def older_rows() -> list[list]:
    return [
        ["2011/12", 1, "West Mercia", "Robbery", "34B", 55],
        ["2011/12", 1, "West Mercia", "Theft Offences", "28", 480],  # the older capitalisation
        ["2011/12", 2, "West Mercia", "Theft offences", "30A", 310],
        ["2011/12", 3, "Avon & Somerset", "Criminal damage and arson", "58A", 900],
        ["2011/12", 4, "West Mercia", "Fraud offences", "51", 12],
        ["2011/12", 4, "West Mercia", "Violence against the person", "4.4", 1],
    ]


def older_ods(path, rows: list[list] | None = None, columns: list[str] = OLDER_COLUMNS,
              sheet: str = "2011_12") -> Path:
    """An ODS like the 2002/03-2011/12 files: a notes sheet and one sheet per financial year."""
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame({"Notes": ["Police recorded crime open data tables, 2007/08 to 2011/12",
                                "Counts by Police Force Area and financial quarter"]}).to_excel(
            writer, sheet_name="Notes", index=False)
        rows = rows or older_rows()
        if columns == OLDER_COLUMNS:
            rows = whole_prc(rows, code=4)
        pd.DataFrame(rows, columns=columns).to_excel(writer, sheet_name=sheet, index=False)
    return path


def current_ods(path):
    with pd.ExcelWriter(path, engine="odf") as writer:
        pd.DataFrame({"Contents": ["Police recorded crime open data tables"]}).to_excel(
            writer, sheet_name="Introduction", index=False)
        pd.DataFrame(whole_prc(prc_rows()), columns=PRC_HEADER.split(",")).to_excel(writer, sheet_name="2017_18",
                                                                                      index=False)
    return path


@pytest.mark.http
def test_content_api_finds_every_data_attachment(httpserver):
    url = content_api(httpserver, [
        attachment(httpserver, CURRENT),
        attachment(httpserver, MID),
        attachment(httpserver, EARLY),
        attachment(httpserver, "/media/6650aaaa0000000000000000/police-recorded-crime-open-data-user-guide.pdf",
                   "application/pdf"),
        attachment(httpserver, "/media/6650aaaa0000000000000001/prc-pfa-tables-guide.pdf", "application/pdf"),
        attachment(httpserver, "/media/697792f7276692606c013865/prc-outcomes-open-data-mar2025-tables-290126.xlsx"),
        {"attachment_type": "html", "url": "/government/publications/user-guide", "title": "User guide"},
    ])
    files = prc_open_data.resolve_current(requests.Session(), api_url=url)
    assert [f.url for f in files] == [httpserver.url_for(p) for p in (CURRENT, MID, EARLY)]
    assert [f.filename for f in files] == ["prc-pfa-mar2013-onwards-tables-230426.ods",
                                           "prc-pfa-mar2008-mar2012-tabs-20250422.ods",
                                           "prc-pfa-0203-to-0607-tabs-file116300.ods"]
    assert [f.edition for f in files] == ["GOV.UK release 23 Apr 2026 (2012/13 onwards)",
                                          "GOV.UK upload 22 Apr 2025 (2007/08 to 2011/12)",
                                          "GOV.UK page updated 23 Apr 2026 (2002/03 to 2006/07)"]
    assert [f.published for f in files] == ["2026-04", "2025-04", "2026-04"]
    assert [f.period_end for f in files] == [None, "2012-03-31", "2007-03-31"]
    assert {f.format for f in files} == {"ods"} and all(f.url_verified for f in files)
    assert files[1].note == "published as prc-pfa-mar2008-mar2012-tabs.ods"


@pytest.mark.http
def test_content_api_xlsx_and_csv_attachments_keep_their_format(httpserver):
    url = content_api(httpserver, [attachment(httpserver, "/media/x/prc-pfa-mar2013-onwards-tables-191023.xlsx"),
                                   attachment(httpserver, "/media/y/prc-pfa-2017-18-sheet.csv", "text/csv")])
    files = prc_open_data.resolve_current(requests.Session(), api_url=url)
    assert [(f.filename, f.format) for f in files] == [("prc-pfa-mar2013-onwards-tables-191023.xlsx", "xlsx"),
                                                       ("prc-pfa-2017-18-sheet.csv", "csv")]
    assert files[0].edition == "GOV.UK release 19 Oct 2023 (2012/13 onwards)"
    assert files[1].edition == "GOV.UK page updated 23 Apr 2026 (prc-pfa-2017-18-sheet)"


@pytest.mark.http
def test_no_data_attachment_is_one_line_download_error(httpserver):
    url = content_api(httpserver, [
        attachment(httpserver, "/media/a/police-recorded-crime-open-data-user-guide.pdf", "application/pdf"),
        attachment(httpserver, "/media/b/prc-outcomes-open-data-mar2025-tables-290126.xlsx"),
    ])
    with pytest.raises(DownloadError) as caught:
        prc_open_data.resolve_current(requests.Session(), api_url=url)
    message = str(caught.value)
    assert "\n" not in message and "no prc-pfa-* data attachment" in message and "its 2 attachments" in message


@pytest.mark.http
def test_two_vintages_of_one_period_are_two_editions(httpserver, tmp_path):
    url = content_api(httpserver, [attachment(httpserver, p) for p in (PREVIOUS, CURRENT, MID_EARLIER, MID)])
    files = prc_open_data.resolve_current(requests.Session(), api_url=url)
    assert len({f.filename for f in files}) == len({f.edition for f in files}) == 4
    assert files[2].edition == "GOV.UK upload 12 Feb 2018 (2007/08 to 2011/12)"
    assert files[3].edition == "GOV.UK upload 22 Apr 2025 (2007/08 to 2011/12)"

    # both vintages of 2017/18 fetched into one cache: side by side, each parsed under its own edition
    body = current_ods(tmp_path / "fixture.ods").read_bytes()
    for path in (PREVIOUS, CURRENT):
        httpserver.expect_request(path).respond_with_data(body, content_type="application/vnd.oasis.opendocument"
                                                                             ".spreadsheet")
    cache = RawCache(tmp_path / "raw")
    outcomes = [fetch_file(f, cache=cache, mirror=None, session=build_session(FAST), policy=FAST) for f in files[:2]]
    assert [o.status for o in outcomes] == ["downloaded", "downloaded"]
    assert len({o.path for o in outcomes}) == 2 and all(o.path.is_file() for o in outcomes)
    counts = pd.concat([prc_open_data.parse(o.path, f)["counts"] for o, f in zip(outcomes, files, strict=False)])
    assert set(counts.edition) == {files[0].edition, files[1].edition}
    by_edition = [group.drop(columns="edition").reset_index(drop=True) for _, group in counts.groupby("edition")]
    pd.testing.assert_frame_equal(*by_edition)  # same period, same figures: two editions, neither dropped


# --- the 2002/03-2011/12 layout -----------------------------------------------------------------------------

def test_older_layout_without_description_or_subgroup(tmp_path):
    ods = older_ods(tmp_path / "prc-pfa-mar2008-mar2012-tabs.ods")
    edition = "GOV.UK upload 22 Apr 2025 (2007/08 to 2011/12)"
    counts = prc_open_data.parse(ods, RemoteFile("prc-open-data", ods.name, "https://example.invalid", "", edition,
                                                 "ods"))["counts"]
    counts = counts[counts["count"] != FILLER].reset_index(drop=True)
    assert counts.offence.tolist() == [off.ROBBERY, off.DOMESTIC_BURGLARY, off.NON_DOMESTIC_BURGLARY,
                                       off.CRIMINAL_DAMAGE, off.FRAUD, off.DEATH_BY_DRIVING]
    assert counts["count"].tolist() == [55, 480, 310, 900, 12, 1]
    assert set(counts.edition) == {edition}
    assert counts.geography_code.tolist()[3] == "E23000036"  # Avon & Somerset
    first, last = counts.iloc[0], counts.iloc[-1]
    assert (first.period_start, first.period_end) == (pd.Timestamp("2011-04-01"), pd.Timestamp("2011-06-30"))
    assert last.period_end == pd.Timestamp("2012-03-31")
    assert counts.offence_subgroup.isna().all() and counts.offence_description.isna().all()


def test_older_layout_xlsx_with_full_columns_and_other_header_names(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Cover"
    wb.active.append(["Police recorded crime open data tables: 2002/03 to 2006/07"])
    ws = wb.create_sheet("2002-03")
    ws.append(["Police recorded crime by Police Force Area, 2002/03"])
    ws.append([])
    ws.append(["Financial Year", "Financial Quarter", "Police Force", "Offence Description", "Offence Group",
               "Offence Subgroup", "Offence Code", "Offence Count"])
    for row in whole_prc([
            ["2002/03", 1, "Dyfed-Powys", "Theft from vehicle", "Theft offences", "Theft from a vehicle", "45", 70],
            ["2002/03", 2, "Dyfed-Powys", "Theft of a pedal cycle", "Theft offences", "Bicycle theft", "44", 9]]):
        ws.append(row)
    wb.save(tmp_path / "prc-pfa-0203-to-0607-tabs.xlsx")
    counts = prc_open_data.parse(tmp_path / "prc-pfa-0203-to-0607-tabs.xlsx", remote("xlsx"))["counts"]
    counts = counts[counts["count"] != FILLER]
    assert counts.offence.tolist() == [off.VEHICLE, off.BICYCLE]
    assert counts["count"].tolist() == [70, 9] and set(counts.geography_code) == {"W15000004"}
    assert counts.period_end.tolist() == [pd.Timestamp("2002-06-30"), pd.Timestamp("2002-09-30")]


def test_older_layout_theft_without_subgroup_is_refused(tmp_path):
    ods = older_ods(tmp_path / "old.ods", [["2009/10", 1, "West Mercia", "Theft offences", "45", 80]])
    with pytest.raises(LayoutError, match=r"old\.ods, sheet '2011_12': offence code '45' \(group 'Theft offences'\) "
                                          r"has no Offence Subgroup") as caught:
        prc_open_data.parse(ods, remote("ods"))
    assert "\n" not in str(caught.value)


def test_unknown_layout_on_a_year_sheet_is_refused(tmp_path):
    ods = older_ods(tmp_path / "old.ods", [["West Mercia", "45", 80]], columns=["Force", "Code", "Offences"],
                    sheet="2009_10")
    with pytest.raises(LayoutError) as caught:
        prc_open_data.parse(ods, remote("ods"))
    message = str(caught.value)
    assert message.startswith("old.ods, sheet '2009_10': looks like open data but has no header row")
    assert "['Force', 'Code', 'Offences']" in message and "\n" not in message


def test_unknown_header_names_on_any_sheet_are_refused(tmp_path):
    columns = ["Financial Year", "Financial Quarter", "PFA", "Offence Group", "Code", "Number of Offences"]
    ods = older_ods(tmp_path / "old.ods", [["2009/10", 1, "West Mercia", "Robbery", "34B", 5]], columns=columns,
                    sheet="Data")
    with pytest.raises(LayoutError, match=r"old\.ods, sheet 'Data': looks like open data"):
        prc_open_data.parse(ods, remote("ods"))


def test_financial_year_that_is_not_one_is_named(tmp_path):
    ods = older_ods(tmp_path / "old.ods", [["Total", 1, "West Mercia", "Robbery", "34B", 5]])
    with pytest.raises(LayoutError, match=r"column 'Financial Year', data row 1: 'Total' is not a financial year"):
        prc_open_data.parse(ods, remote("ods"))


def test_a_quarter_missing_a_force_is_refused(tmp_path):
    rows = [r for r in whole_prc(prc_rows()) if not (r[2] == "Kent" and r[1] == "2")]
    with pytest.raises(LayoutError, match="the quarter ending September 2017 has no rows for Kent"):
        prc_open_data.parse(prc_csv(tmp_path / "p.csv", rows, whole=False), remote("csv"))


def test_the_last_force_cut_short_is_refused(tmp_path):
    rows = whole_prc(prc_rows())
    cut = [r for r in rows if not (r[2] == "Wiltshire" and r[1] == "1" and r[6] == "28A")]
    with pytest.raises(LayoutError, match="Wiltshire lacks offences the other forces have"):
        prc_open_data.parse(prc_csv(tmp_path / "p.csv", cut, whole=False), remote("csv"))
