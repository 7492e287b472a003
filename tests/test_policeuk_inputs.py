"""Bad police.uk input fails (or warns) in one line, before any request, and never yields wrong rows.

Forces and months for the API client; files, folders and zips for the archive reader.
"""

from __future__ import annotations

import io
import logging
import os
import random
import zipfile

import pytest

from peelstats import cli
from peelstats.errors import PeelstatsError, PeriodFormatError, UnknownForceError
from peelstats.policeuk import PoliceUK, PoliceUKError, street_counts, street_files, street_records
from peelstats.policeuk.archive import ArchiveLayoutError, CorruptArchiveError
from peelstats.policeuk.client import force_slug
from peelstats.policeuk.local import local_records
from peelstats.reference import forces

HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n")
ROW = "a1,2018-03,Kent Police,Kent Police,0.5,51.2,On or near X,E01,Maidstone 001A,Burglary,,\n"
STREET = "2018-03-kent-street.csv"
LOGGER = "peelstats.policeuk.archive"


def street_csv(folder, name=STREET, rows=(ROW,)):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def zip_bytes(members: dict[str, str], compression=zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def readers():
    return pytest.mark.parametrize("read", [street_counts, street_records], ids=["counts", "records"])


def cli_error(capsys, argv) -> str:
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


# ------------------------------------------------------------------------------------------------ API input


@pytest.fixture
def api(httpserver, tmp_path):
    return PoliceUK(httpserver.url_for("/api"), cache_dir=tmp_path / "cache")


CALLS = {
    "crimes_for_force": lambda api, force, month: api.crimes_for_force(force, month, progress=False),
    "crimes_no_location": lambda api, force, month: api.crimes_no_location(force, month),
    "stop_searches": lambda api, force, month: api.stop_searches(force, month),
    "neighbourhoods": lambda api, force, month: api.neighbourhoods(force),
    "force": lambda api, force, month: api.force(force),
}


@pytest.mark.http
@pytest.mark.parametrize("call", CALLS)
def test_unknown_force_is_refused_before_any_request(api, httpserver, call):
    with pytest.raises(UnknownForceError, match=r"Unknown force 'Atlantis'\."):
        CALLS[call](api, "Atlantis", "2024-01")
    with pytest.raises(UnknownForceError, match="Did you mean: West Mercia"):
        CALLS[call](api, "West Mercai", "2024-01")
    assert not httpserver.log


@pytest.mark.http
def test_force_police_uk_does_not_serve_is_refused(api, httpserver):
    with pytest.raises(PoliceUKError, match="no data for Action Fraud.*territorial forces and British Transport"):
        api.crimes_for_force("Action Fraud", "2024-01", progress=False)
    assert not httpserver.log


def test_every_force_police_uk_serves_is_accepted():
    served = [f for f in forces.FORCES if f.territorial] + [forces.lookup("BTP")]
    assert [force_slug(f.name) for f in served] == [f.slug for f in served]
    assert force_slug("British Transport Police") == "btp" and force_slug("E23000016") == "west-mercia"


@pytest.mark.http
@pytest.mark.parametrize("month", ["2018-13", "2018-00", "March", "", " ", "2018-3", "2018/03", "201803",
                                   "2018-03-01", None])
def test_month_that_is_not_a_month_is_refused_before_any_request(api, httpserver, month):
    with pytest.raises(PeriodFormatError, match=r"is not a month: expected YYYY-MM"):
        api.check_month(month)
    with pytest.raises(PeriodFormatError, match=r"expected YYYY-MM"):
        api.crimes_for_force("West Mercia", month, progress=False)
    with pytest.raises(PeriodFormatError, match=r"expected YYYY-MM"):
        api.street_crimes(month, lat=52.19, lng=-2.22)
    with pytest.raises(PeriodFormatError, match=r"expected YYYY-MM"):
        api.crime_categories(month or "")
    assert not httpserver.log


def test_refused_input_returns_fast_from_an_unroutable_server(tmp_path):
    import time

    api = PoliceUK("http://10.255.255.1/api", cache_dir=tmp_path / "c", timeout=(30, 30))
    start = time.monotonic()
    for force, month in [("Atlantis", "2024-01"), ("West Mercia", "2018-13")]:
        with pytest.raises(PeelstatsError):
            api.crimes_for_force(force, month, progress=False)
    assert time.monotonic() - start < 1 and api.requests_made == 0


@pytest.mark.http
def test_cli_crimes_refuses_bad_force_and_month_in_one_line(httpserver, monkeypatch, capsys):
    monkeypatch.setenv("PEELSTATS_POLICEUK_API", httpserver.url_for("/api"))
    err = cli_error(capsys, ["policeuk", "crimes", "--force", "Atlantis", "--month", "2024-01"])
    assert "Unknown force 'Atlantis'" in err
    err = cli_error(capsys, ["policeuk", "crimes", "--force", "West Mercia", "--month", "2018-13"])
    assert "'2018-13' is not a month: expected YYYY-MM" in err
    assert not httpserver.log


def test_local_records_refuses_a_month_that_is_not_a_month(tmp_path):
    path = street_csv(tmp_path)
    with pytest.raises(PeriodFormatError, match="'March' is not a month"):
        local_records("Kent", "March", source=str(path))
    assert len(local_records("Kent", "2018-03", source=str(path))) == 1


# ------------------------------------------------------------------------------------------- archive input


@readers()
def test_binary_street_csv_is_refused_naming_the_file(tmp_path, read):
    path = tmp_path / STREET
    path.write_bytes(random.Random(1).randbytes(4000))
    with pytest.raises(ArchiveLayoutError, match=rf"{STREET}: not a CSV"):
        read([path])


@readers()
def test_non_utf8_street_csv_is_refused_naming_the_file(tmp_path, read):
    path = tmp_path / STREET
    path.write_bytes((HEADER + ROW.replace("On or near X", "On or near Café")).encode("latin-1"))
    with pytest.raises(ArchiveLayoutError, match=rf"{STREET}: not UTF-8 text"):
        read([path])


@readers()
@pytest.mark.parametrize("content", [b"\0" * 500, (HEADER + ROW).encode() + b"\0" * 500],
                         ids=["all-nul", "nul-after-a-row"])
def test_nul_bytes_are_an_error_not_a_blank_crime_row(tmp_path, read, content):
    (tmp_path / STREET).write_bytes(content)
    with pytest.raises(ArchiveLayoutError, match="NUL bytes"):
        read([tmp_path])


def test_binary_member_of_a_zip_names_zip_and_member(tmp_path):
    archive = tmp_path / "2018-03.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"2018-03/{STREET}", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    with pytest.raises(ArchiveLayoutError, match=rf"2018-03/{STREET} in .*2018-03\.zip: not a CSV"):
        street_counts([archive])


def _corrupt_zips():
    whole = zip_bytes({f"2018-03/{STREET}": HEADER + ROW * 200}, zipfile.ZIP_DEFLATED)
    return {
        "truncated": whole[: len(whole) // 2],
        "magic-then-garbage": b"PK\x03\x04" + random.Random(2).randbytes(300),
        "text-named-zip": (HEADER + ROW).encode(),
    }


@readers()
@pytest.mark.parametrize("kind", list(_corrupt_zips()))
def test_corrupt_zip_says_corrupt_zip(tmp_path, read, kind):
    path = tmp_path / "x.zip"
    path.write_bytes(_corrupt_zips()[kind])
    with pytest.raises(CorruptArchiveError, match=r"x\.zip: corrupt zip"):
        read([path])


def test_zip_by_magic_number_without_the_name_is_still_a_zip(tmp_path):
    path = tmp_path / "download"
    path.write_bytes(_corrupt_zips()["magic-then-garbage"])
    with pytest.raises(CorruptArchiveError, match="download: corrupt zip"):
        street_counts([path])


@readers()
def test_zip_member_failing_its_checksum_is_a_corrupt_zip(tmp_path, read):
    data = bytearray(zip_bytes({f"2018-03/{STREET}": HEADER + ROW * 50}))
    at = data.index(b"Maidstone")
    data[at] = ord("Q")  # stored, not deflated: the damage survives to the CRC check
    path = tmp_path / "x.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptArchiveError, match=rf"{STREET} in .*x\.zip: corrupt zip \(Bad CRC-32"):
        read([path])


@readers()
def test_empty_zip_warns_and_gives_no_rows(tmp_path, caplog, read):
    path = tmp_path / "empty.zip"
    path.write_bytes(zip_bytes({}))
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        frame = read([path])
    assert frame.empty
    assert any("empty.zip: empty zip" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


def test_zip_or_folder_without_street_csvs_warns(tmp_path, caplog):
    path = tmp_path / "outcomes.zip"
    path.write_bytes(zip_bytes({"2018-03/2018-03-kent-outcomes.csv": "x"}))
    (tmp_path / "empty").mkdir()
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert street_counts([path, tmp_path / "empty"]).empty
    messages = [r.getMessage() for r in caplog.records]
    assert any("outcomes.zip: no street CSVs" in m for m in messages)
    assert any("empty: no street CSVs" in m for m in messages)


def _symlink(target, link, **kwargs):
    try:
        os.symlink(target, link, **kwargs)
    except (OSError, NotImplementedError):
        pytest.skip("symlinks are not available here")


@readers()
def test_symlinks_in_a_folder_are_skipped_with_a_warning(tmp_path, caplog, read):
    elsewhere = tmp_path / "elsewhere"
    outside = street_csv(elsewhere, "2018-03-essex-street.csv")
    street_csv(elsewhere / "sub", "2018-03-sussex-street.csv")
    source = tmp_path / "source"
    street_csv(source)
    _symlink(outside, source / "2018-03-essex-street.csv")
    _symlink(elsewhere / "sub", source / "sub", target_is_directory=True)
    _symlink(tmp_path / "nowhere", source / "2018-03-dorset-street.csv")  # dangling
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        frame = read([source])
    slugs = set(frame.force_slug)
    assert slugs == {"kent"}
    messages = [r.getMessage() for r in caplog.records]
    for name in ("2018-03-essex-street.csv", "sub", "2018-03-dorset-street.csv"):
        assert any(f"{source / name}: symlink" in m for m in messages), name


def test_symlink_stored_in_a_zip_is_skipped(tmp_path, caplog):
    path = tmp_path / "links.zip"
    link = zipfile.ZipInfo("2018-03/2018-03-essex-street.csv")
    link.create_system, link.external_attr = 3, 0o120777 << 16
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(link, "../../elsewhere/2018-03-essex-street.csv")
        zf.writestr(f"2018-03/{STREET}", HEADER + ROW)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert street_counts([path]).force_slug.tolist() == ["kent"]
    assert any("2018-03-essex-street.csv in" in r.getMessage() and "symlink skipped" in r.getMessage()
               for r in caplog.records)


@readers()
def test_missing_source_is_one_line_error_before_any_reading(tmp_path, read):
    broken = tmp_path / STREET
    broken.write_bytes(b"\0" * 10)
    with pytest.raises(PeelstatsError, match=r"nope\.zip: no such file, folder or zip$"):
        read([broken, tmp_path / "nope.zip"])  # the missing path is reported, not the bad file before it


def test_unsafe_member_still_refused_and_zips_still_streamed(tmp_path):
    path = tmp_path / "bad.zip"
    path.write_bytes(zip_bytes({f"2018-03/{STREET}": HEADER + ROW, "../2018-03-essex-street.csv": HEADER}))
    with pytest.raises(PeelstatsError, match="outside the target folder"):
        list(street_files([path]))
    good = tmp_path / "good.zip"
    good.write_bytes(zip_bytes({f"2018-03/{STREET}": HEADER + ROW * 3}, zipfile.ZIP_DEFLATED))
    assert street_counts([good])["count"].tolist() == [3]
    assert not list(tmp_path.glob("2018-03*"))  # nothing extracted


@readers()
@pytest.mark.parametrize(("content", "message"), [
    ("", "empty file"),
    (HEADER + ROW + "a2,2018-03,Kent Po", "a row without a Crime type"),
    (HEADER + ROW.replace("2018-03", "March", 1), "Month 'March' is not YYYY-MM"),
], ids=["empty", "truncated", "bad-month"])
def test_damaged_rows_are_refused(tmp_path, read, content, message):
    (tmp_path / STREET).write_text(content, encoding="utf-8")
    with pytest.raises(ArchiveLayoutError, match=message):
        read([tmp_path])


def test_header_only_file_gives_no_rows(tmp_path):
    street_csv(tmp_path, rows=())
    assert street_counts([tmp_path]).empty and street_records([tmp_path]).empty


def test_same_force_and_month_twice_is_refused(tmp_path):
    path = street_csv(tmp_path / "folder")
    archive = tmp_path / "2018-03.zip"
    archive.write_bytes(zip_bytes({f"2018-03/{STREET}": path.read_text()}))
    with pytest.raises(PeelstatsError, match="kent 2018-03 was already read from"):
        street_counts([tmp_path / "folder", archive])


def test_force_filter_police_uk_does_not_serve_is_refused(tmp_path):
    street_csv(tmp_path)
    with pytest.raises(UnknownForceError, match="Atlantis"):
        street_counts([tmp_path], force="Atlantis")
    with pytest.raises(PoliceUKError, match="no data for Action Fraud"):
        street_records([tmp_path], force="Action Fraud")


def test_cli_counts_bad_inputs_in_one_line(tmp_path, capsys):
    corrupt = tmp_path / "x.zip"
    corrupt.write_bytes(_corrupt_zips()["truncated"])
    assert "x.zip: corrupt zip" in cli_error(capsys, ["policeuk", "counts", str(corrupt)])
    binary = tmp_path / STREET
    binary.write_bytes(b"\0" * 100)
    assert f"{STREET}: not a CSV" in cli_error(capsys, ["policeuk", "counts", str(binary)])
    assert "no such file" in cli_error(capsys, ["policeuk", "counts", str(tmp_path / "missing")])
