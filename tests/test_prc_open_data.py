"""The Home Office open-data parser: the CSV export and an ODS sheet go through the same code."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import PRC_HEADER, prc_csv, prc_rows

from peelstats import offences as off
from peelstats.exceptions import LayoutError
from peelstats.sources import prc_open_data
from peelstats.sources.base import RemoteFile


def remote(fmt: str) -> RemoteFile:
    return RemoteFile("prc-open-data", f"p.{fmt}", "https://example.invalid", "", "test", fmt)


def test_csv_padded_numbers_names_and_burglary_codes(tmp_path):
    counts = prc_open_data.parse(prc_csv(tmp_path / "p.csv"), remote("csv"))["counts"]
    assert counts["count"].tolist() == [400, 0, 120, 12, -1, 9000, 8000, 2]
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
    frame = pd.DataFrame(prc_rows(), columns=columns)
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
