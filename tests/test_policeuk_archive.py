"""The police.uk archive reader: real March 2018 files, zip streaming, unsafe zips, synthetic layouts."""

from __future__ import annotations

import json
import zipfile

import pandas as pd
import pytest

from peelstats import cli
from peelstats.policeuk import UnsafeArchiveError, mapping_table, street_counts, street_files
from peelstats.policeuk.archive import ArchiveLayoutError

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context")


def synthetic_csv(path, rows):
    path.write_text("\r\n".join([HEADER, *rows]) + "\r\n", encoding="utf-8")
    return path


ROWS = [
    "a1,2018-03,West Mercia Police,West Mercia Police,-2.2,52.19,\"On or near A, B\",E01,Worcester 001A,Burglary,"
    "Under investigation,",
    "a2,2018-03,West Mercia Police,West Mercia Police,-2.2,52.19,On or near C,E01,Worcester 001A,Burglary,,",
    ",2018-03,West Mercia Police,West Mercia Police,-2.2,52.19,On or near C,E02,Worcester 001B,Anti-social behaviour,,",
]


def by_category(frame):
    return frame.groupby("category")["count"].sum().to_dict()


@pytest.mark.realdata
def test_real_march_2018_files(mirror):
    folder = mirror / "policeuk/street/2018-03"
    counts = street_counts([folder])
    wm = counts[counts.force == "West Mercia"]
    assert wm["count"].sum() == 9_748  # every row
    assert wm[~wm.is_crime]["count"].sum() == 3_420  # anti-social behaviour, counted apart
    assert wm[wm.is_crime]["count"].sum() == 6_328
    cats = by_category(wm)
    assert (cats["Violence and sexual offences"], cats["Burglary"], cats["Vehicle crime"], cats["Robbery"]) == (
        2_488, 637, 422, 36)
    warks = counts[counts.force == "Warwickshire"]
    assert warks["count"].sum() == 4_225 and warks[~warks.is_crime]["count"].sum() == 1_151
    assert street_counts([folder], force="warwickshire").force.unique().tolist() == ["Warwickshire"]
    assert street_counts([folder], force=["E23000016"]).force.unique().tolist() == ["West Mercia"]


@pytest.mark.realdata
def test_zip_is_streamed_like_the_folder(mirror, tmp_path):
    folder = mirror / "policeuk/street/2018-03"
    archive = tmp_path / "2018-03.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in folder.glob("*.csv"):
            zf.write(path, f"2018-03/{path.name}")
        zf.writestr("2018-03/2018-03-west-mercia-outcomes.csv", "not a street file")
    from_zip = street_counts([archive]).drop(columns=[])
    from_folder = street_counts([folder])
    assert from_zip.equals(from_folder)
    assert not list(tmp_path.glob("2018-03/*"))  # nothing extracted


@pytest.mark.parametrize("member", ["../evil-street.csv", "/etc/2018-03-x-street.csv", "a/../../b-street.csv",
                                    "C:/temp/2018-03-x-street.csv"])
def test_zip_with_unsafe_member_is_refused(tmp_path, member):
    archive = tmp_path / "bad.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2018-03/2018-03-west-mercia-street.csv", HEADER + "\n")
        zf.writestr(member, HEADER + "\n")
    with pytest.raises(UnsafeArchiveError, match="outside the target folder"):
        list(street_files([archive]))


def test_synthetic_counts_by_lsoa_and_outcome(tmp_path):
    path = synthetic_csv(tmp_path / "2018-03-west-mercia-street.csv", ROWS)
    counts = street_counts([path])
    assert by_category(counts) == {"Burglary": 2, "Anti-social behaviour": 1}
    assert counts.set_index("category").loc["Burglary", "home_office_offence"] == "Burglary"
    lsoa = street_counts([path], by="lsoa")
    assert lsoa[lsoa.is_crime].set_index("lsoa_code")["count"].to_dict() == {"E01": 2}
    outcome = street_counts([path], by="outcome")
    assert set(outcome.outcome) == {"Under investigation", "(no outcome recorded)", "(none: anti-social behaviour)"}
    assert str(counts.month.dtype) == "period[M]"


def test_bad_inputs(tmp_path):
    bad = tmp_path / "2018-03-west-mercia-street.csv"
    bad.write_text("Month,Falls within\n2018-03,West Mercia Police\n")
    with pytest.raises(ArchiveLayoutError, match="Crime type"):
        street_counts([bad])
    odd = tmp_path / "west-mercia.csv"
    odd.write_text(HEADER + "\n")
    with pytest.raises(ArchiveLayoutError, match="YYYY-MM-<force>-street.csv"):
        street_counts([odd])


def test_cli_counts_json(tmp_path, capsys):
    path = synthetic_csv(tmp_path / "2018-03-west-mercia-street.csv", ROWS)
    assert cli.main(["policeuk", "counts", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"force", "month", "category", "is_crime", "count"} <= set(rows[0])
    asb = next(r for r in rows if r["category"] == "Anti-social behaviour")
    assert asb["is_crime"] is False and asb["month"] == "2018-03"


def test_category_mapping_marks_no_counterparts():
    table = mapping_table().set_index("slug")
    assert table.loc["vehicle-crime", "home_office_offence"] == "Vehicle offences"
    assert pd.isna(table.loc["violent-crime", "home_office_offence"])
    assert not table.loc["anti-social-behaviour", "is_crime"]
    assert table.home_office_offence.notna().sum() == 10
