"""Faults: nothing dropped or replaced silently, every expected failure one clear line.

Each test builds its own tiny mirror and cache in a temporary folder (no network, no real data): a refresh that
brings a broken file, a publisher's revision, a file edited after it was fetched, a corrupt manifest, build
record or table, leftovers of a killed download or build, a stalled server, a read-only cache.
"""

from __future__ import annotations

import json
import logging
import time

import pytest
from builders import REC_CRIME_HEADER, rec_crime_csv, synthetic_mirror, whole_rec_crime
from processes import processes_in
from werkzeug import Response

from peelstats import cli
from peelstats.errors import DownloadError, OfflineError, StalledDownloadError
from peelstats.ingest.build import IncompleteRawDataError, build, read_build_info
from peelstats.ingest.cache import RawCache, ReadOnlyCacheError
from peelstats.ingest.dataset import load
from peelstats.ingest.doctor import diagnose
from peelstats.ingest.download import RetryPolicy, build_session
from peelstats.ingest.fetch import fetch, fetch_file
from peelstats.ingest.sources import rec_crime_pfa
from peelstats.ingest.sources.base import RemoteFile
from peelstats.reporting.batch import load_schedule

REC = "rec-crime-pfa/rec-crime-pfa.csv"


def robbery_2018(processed) -> int:
    counts = load(processed, fresh=True).counts
    row = counts[(counts.source == "rec-crime-pfa") & (counts.period_end == "2018-03-31")]
    return int(row["count"].iloc[0])


@pytest.fixture
def world(tmp_path):
    """A synthetic mirror, fetched and built once: (mirror, cache, processed folder)."""
    mirror = synthetic_mirror(tmp_path / "mirror")
    cache = RawCache(tmp_path / "raw")
    fetch(["rec-crime-pfa", "ons-pfa-tables"], cache=cache, mirror=str(mirror))
    build(cache=cache, out_dir=tmp_path / "processed")
    return mirror, cache, tmp_path / "processed"


def _rec_rows(value: int) -> list[str]:
    return ["31-03-2017,West Mercia,West Midlands,Robbery,583", f"31-03-2018,West Mercia,West Midlands,Robbery,{value}"]


# ------------------------------------------------------------------------------ never replace good with bad


def test_a_refresh_that_brings_a_broken_file_keeps_the_verified_copy(world, caplog):
    mirror, cache, _ = world
    active = cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv")
    good = active.read_bytes()
    rec_crime_csv(mirror / "ons/rec-crime-pfa.csv", _rec_rows(1), header="Date,Force,Something,Else,Count")
    with caplog.at_level(logging.WARNING):
        [outcome] = fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    assert outcome.status == "kept" and active.read_bytes() == good
    entry = cache.read_manifest()[REC]
    [refused] = entry["rejected"]
    assert (cache.root / refused["path"]).read_bytes() == (mirror / "ons/rec-crime-pfa.csv").read_bytes()
    assert "parser cannot read it" in refused["reason"]
    assert "was refused" in caplog.text and "Kept the verified copy" in caplog.text


def test_a_broken_file_with_nothing_cached_is_refused_and_kept_aside(tmp_path):
    mirror = synthetic_mirror(tmp_path / "mirror")
    rec_crime_csv(mirror / "ons/rec-crime-pfa.csv", _rec_rows(1), header="Date,Force,Something,Else,Count")
    cache = RawCache(tmp_path / "raw")
    with pytest.raises(DownloadError, match="was refused.*kept at .*rejected"):
        fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))
    assert not cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv").exists()


def test_a_publishers_revision_is_a_new_version_and_the_old_one_stays(world):
    mirror, cache, processed = world
    rec_crime_csv(mirror / "ons/rec-crime-pfa.csv", _rec_rows(551))
    [outcome] = fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    assert outcome.status == "downloaded"
    entry = cache.read_manifest()[REC]
    [older] = entry["versions"]
    assert b",550" in (cache.root / older["path"]).read_bytes()
    report = build(cache=cache, out_dir=processed)
    assert not report.skipped
    assert robbery_2018(processed) == 551


def test_the_build_falls_back_to_the_newest_version_that_parses(world, monkeypatch):
    mirror, cache, processed = world
    rec_crime_csv(mirror / "ons/rec-crime-pfa.csv", _rec_rows(551))
    fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    real = rec_crime_pfa.SOURCE.parser

    def parser_that_refuses_551(path, remote):  # as if a newer parser refused the newest copy's layout
        if b",551" in path.read_bytes():
            from peelstats.errors import LayoutError
            raise LayoutError(f"{path.name}: refused")
        return real(path, remote)

    import peelstats.ingest.sources as registry
    monkeypatch.setitem(registry.REGISTRY, "rec-crime-pfa",
                        type(rec_crime_pfa.SOURCE)(**{**rec_crime_pfa.SOURCE.__dict__,
                                                      "parser": parser_that_refuses_551}))
    build(cache=cache, out_dir=processed, refresh=True)
    assert robbery_2018(processed) == 550
    assert REC in read_build_info(processed)["versions_used"]


def test_build_rehashes_a_raw_file_edited_after_fetch(world, caplog):
    _, cache, processed = world
    active = cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv")
    rec_crime_csv(active, _rec_rows(777))
    with caplog.at_level(logging.WARNING):
        report = build(cache=cache, out_dir=processed)
    assert not report.skipped and report.changed_since_fetch == [REC]
    assert "changed since it was fetched" in caplog.text
    info = read_build_info(processed)
    from peelstats.ingest.atomic import sha256_of
    assert info["signature"]["inputs"][REC] == sha256_of(active)
    assert robbery_2018(processed) == 777


def test_a_build_from_an_incomplete_cache_names_what_is_missing(world, caplog):
    _, cache, processed = world
    cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv").unlink()
    with caplog.at_level(logging.WARNING):
        report = build(cache=cache, out_dir=processed)
    assert REC in report.missing and "not in the raw cache" in caplog.text
    with pytest.raises(IncompleteRawDataError, match="rec-crime-pfa.csv.*--strict"):
        build(cache=cache, out_dir=processed, strict=True)


# ---------------------------------------------------------------------------- corrupt caches recover themselves


def test_a_half_written_manifest_is_rebuilt_from_disk(world, caplog):
    mirror, cache, _ = world
    text = cache.manifest_path.read_text()
    cache.manifest_path.write_text(text[: len(text) // 2])
    with caplog.at_level(logging.WARNING):
        outcomes = fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))
    assert [o.status for o in outcomes] == ["cached"]
    assert "rebuilt it from the" in caplog.text
    assert json.loads(cache.manifest_path.read_text())["files"][REC]["via"] == "recovered"


@pytest.mark.parametrize("damage", ["build.json", "counts.parquet"])
def test_a_damaged_build_record_or_table_is_rebuilt(world, caplog, damage):
    _, cache, processed = world
    target = processed / damage
    target.write_bytes(target.read_bytes()[:40])
    with caplog.at_level(logging.WARNING):
        data = load(processed, fresh=True)
    assert len(data.counts) and "rebuild" in caplog.text
    assert read_build_info(processed) is not None


def test_leftovers_of_a_killed_download_and_build_are_removed(world):
    mirror, cache, processed = world
    folder = cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv").parent
    orphans = [folder / ".rec-crime-pfa.csv.abc123.part", folder / ".incoming" / "rec-crime-pfa.csv",
               processed / ".counts.parquet.xyz.part"]
    for orphan in orphans:
        orphan.parent.mkdir(exist_ok=True)
        orphan.write_bytes(b"half")
    assert len(cache.orphans()) == 2
    fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    build(cache=cache, out_dir=processed, refresh=True)
    assert not any(o.exists() for o in orphans)


# --------------------------------------------------------------------------------------- a stalled server


def test_a_stalled_download_gives_up_by_its_deadline_and_says_how_much_came(httpserver, tmp_path, caplog):
    body = ("\r\n".join([REC_CRIME_HEADER, *whole_rec_crime(_rec_rows(550))]) + "\r\n").encode()

    def stall(request):
        def stream():
            yield body[:40]
            time.sleep(1.0)  # past read_timeout: the client gives up on this response
            yield body[40:]
        return Response(stream(), headers={"Content-Length": str(len(body))}, content_type="text/csv")

    httpserver.expect_request("/rec.csv").respond_with_handler(stall)
    policy = RetryPolicy(attempts=3, backoff_seconds=0, connect_timeout=2, read_timeout=0.5, deadline_seconds=1.5)
    remote = RemoteFile("rec-crime-pfa", "rec-crime-pfa.csv", httpserver.url_for("/rec.csv"), "ons/x.csv", "e", "csv")
    cache = RawCache(tmp_path / "raw")
    started = time.monotonic()
    with pytest.raises(OfflineError) as error:
        fetch_file(remote, cache=cache, mirror=None, session=build_session(policy), policy=policy)
    assert time.monotonic() - started < 10
    assert "received 40 of" in str(error.value) and "No cached copy" in str(error.value)
    # with a verified copy cached, the stall falls back to it with a warning
    time.sleep(1.2)  # the loopback server answers one request at a time: let the stalled one finish
    good = tmp_path / "good.csv"
    good.write_bytes(body)
    fetch_file(RemoteFile(**{**remote.__dict__, "url": str(good)}), cache=cache, mirror=None,
               session=build_session(policy), policy=policy)
    with caplog.at_level(logging.WARNING):
        outcome = fetch_file(remote, refresh=True, cache=cache, mirror=None, session=build_session(policy),
                             policy=policy)
    assert outcome.status == "offline-cache" and "received 40 of" in caplog.text


def test_stalled_is_a_connection_failure():
    assert issubclass(StalledDownloadError, OfflineError.__mro__[1])  # a DownloadError the cache can cover


# ----------------------------------------------------------------------------------------- read-only folders


def test_a_read_only_cache_serves_what_it_holds_and_says_what_it_cannot_do(world, monkeypatch):
    mirror, cache, processed = world
    monkeypatch.setattr("peelstats.ingest.cache.is_writable", lambda folder: False)
    monkeypatch.setattr("peelstats.ingest.build.is_writable", lambda folder: False)
    before = {p: p.stat().st_mtime for p in cache.root.rglob("*")}
    assert {o.status for o in fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))} == {"cached"}
    assert build(cache=cache, out_dir=processed).skipped  # up to date: nothing to write
    assert {p: p.stat().st_mtime for p in cache.root.rglob("*")} == before  # no lock or manifest written
    with pytest.raises(ReadOnlyCacheError, match="read-only"):
        fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    with pytest.raises(ReadOnlyCacheError, match="read-only"):
        build(cache=cache, out_dir=processed, refresh=True)


# ------------------------------------------------------------------------------------------ doctor


def test_doctor_reports_each_file_and_what_is_missing(world):
    mirror, cache, processed = world
    diagnosis = diagnose(cache, processed)
    files = diagnosis.files
    # the synthetic mirror has the long series and the ONS tables; the population files and the Home Office's
    # current file were not fetched, and the doctor says so
    assert set(files.query("status == 'problem'").file) == {
        "(current file)", "popm_population_data_MYE2018_by_PFA.csv", "population-police-force_mid2001-2010.csv"}
    rec = files.query("source == 'rec-crime-pfa'").iloc[0]
    assert rec.status == "ok" and rec.verified and "counts 344" in rec.rows and rec.forces == "43 of 43"
    gmp_gap = files.query("file == 'pfatablesdec19.xlsx'").iloc[0]
    assert "Greater Manchester (July 2019 to December 2019)" in gmp_gap.known_gaps
    assert diagnosis.dataset["status"] == "ok"
    cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv").unlink()
    assert "rec-crime-pfa.csv" in set(diagnose(cache, processed).files.query("status == 'problem'").file)
    rejected_text = cache.path_for("ons-pfa-tables", "pfatablesdec19.xlsx")
    rejected_text.write_bytes(b"not a workbook")
    row = diagnose(cache, processed).files.query("file == 'pfatablesdec19.xlsx'").iloc[0]
    assert row.status == "problem" and not row.verified and "does not parse" in row.detail


def test_doctor_command_exit_codes(world, monkeypatch, capsys):
    mirror, cache, processed = world
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(cache.root.parent))
    monkeypatch.setenv("PEELSTATS_MIRROR", str(mirror))
    assert cli.main(["doctor", "--format", "json"]) in (0, 1)
    rows = json.loads(capsys.readouterr().out)
    assert {r["source"] for r in rows} >= {"rec-crime-pfa", "ons-pfa-tables"}


# ---------------------------------------------------------------------------- one clear line, exit 2


@pytest.mark.parametrize("argv, message", [
    (["compare", "--force", "West Mercia", "--period-end", "March abc"], "Cannot read 'March abc'"),
    (["compare", "--force", "West Mercia", "--period-end", ""], "A period end is needed"),
    (["compare", "--force", "West Mercia", "--period-end", "march 99999"], "out of range"),
    (["compare", "--force", "West Mercia", "--period-end", "2018-03-15"], "use a month end"),
    (["trend", "--force", "West Mercia", "--month", "13"], "not a month number"),
    (["trend", "--force", "West Mercia", "--month", "0"], "not a month number"),
    (["report", "--force", ""], "The force is empty"),
    (["batch", ""], "schedule path is empty"),
    (["comprae"], "invalid choice"),
    (["compare", "--force", "Gotham"], "Unknown force 'Gotham'"),
])
def test_expected_failures_are_one_line_and_exit_2(capsys, argv, message):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err


def test_an_unsupported_mirror_scheme_is_refused(monkeypatch, capsys):
    monkeypatch.setenv("PEELSTATS_MIRROR", "ftp://example.org/data")
    assert cli.main(["fetch", "rec-crime-pfa"]) == 2
    assert "ftp:// scheme is not supported" in capsys.readouterr().err


def test_a_schedule_with_a_bad_force_keeps_the_good_ones(tmp_path, capsys):
    schedule = tmp_path / "s.yaml"
    schedule.write_text("period_end: 2018-03-31\nforces: [West Mercia, Atlantis, '', Gwent]\n")
    loaded = load_schedule(schedule)
    assert loaded.forces == ("West Mercia", "Gwent")
    assert [entry for entry, _ in loaded.invalid] == ["Atlantis", ""]
    schedule.write_text("forces: [Atlantis]\n")
    assert cli.main(["batch", str(schedule)]) == 2
    assert "names no force" in capsys.readouterr().err


def test_an_unwritable_output_folder_is_one_line(tmp_path, capsys, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "reports"))
    monkeypatch.setattr("peelstats.cli._build", lambda args: refuse(), raising=False)
    monkeypatch.setitem(cli.COMMANDS, "build", lambda args: refuse())
    assert cli.main(["build"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"peelstats build: cannot use {tmp_path / 'reports'}: Permission denied"


# ------------------------------------------------------------------------------------------------ Ctrl-C


def _interrupt(argv: list[str], after: float, env: dict, cwd=None) -> tuple[int, str]:
    import os
    import signal
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "peelstats", *argv], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env={**os.environ, **env}, start_new_session=True,
                               cwd=cwd)
    time.sleep(after)
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: the whole foreground group
    _, err = process.communicate(timeout=120)
    return process.returncode, err


def test_ctrl_c_while_starting_up_is_one_line(tmp_path):
    # 0.3 s: after Python itself has started (a KeyboardInterrupt in its site import is Python's own traceback),
    # while the command imports numpy and pandas (where an interrupt used to be lost), before it could finish
    code, err = _interrupt(["forces"], 0.3, {"PEELSTATS_DATA_DIR": str(tmp_path)})
    assert code == 130 and err.strip() in ("peelstats: interrupted", "peelstats forces: interrupted")


@pytest.mark.slow
@pytest.mark.parametrize("after", [1.0, 2.5])  # while the kernels start (ahead of their notebooks); while they run
def test_ctrl_c_during_a_report_is_one_line_and_leaves_no_kernel(real_data, tmp_path, after):
    env = {"PEELSTATS_DATA_DIR": str(real_data.folder.parent)}
    code, err = _interrupt(["report", "--out", str(tmp_path / "reports")], after, env, cwd=tmp_path)
    assert code == 130, err
    assert err.strip() == "peelstats report: interrupted"  # no kernel chatter, no ZMQ traceback
    deadline = time.monotonic() + 10
    while processes_in(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.25)
    assert processes_in(tmp_path) == []  # the kernels (and their forkserver) were stopped with the report


# ------------------------------------------------------------------------ defects found by an audit


def test_an_incomplete_long_series_never_replaces_the_verified_copy(world, caplog):
    """Regression: a rec-crime-pfa.csv without Kent (or cut short) was taken as a revision and built."""
    mirror, cache, processed = world
    path = mirror / "ons/rec-crime-pfa.csv"
    good = path.read_bytes()
    path.write_text("\n".join(line for line in good.decode().splitlines() if ",Kent," not in line) + "\n")
    with caplog.at_level(logging.WARNING):
        [outcome] = fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    assert outcome.status == "kept" and "no rows for Kent" in caplog.text
    assert cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv").read_bytes() == good


def test_a_deleted_manifest_is_rebuilt_from_the_files_on_disk(world, caplog):
    mirror, cache, processed = world
    cache.manifest_path.unlink()
    with caplog.at_level(logging.WARNING):
        outcomes = fetch(["rec-crime-pfa"], cache=cache, mirror=None)  # no mirror: only the cache can serve it
    assert [o.status for o in outcomes] == ["cached"] and "rebuilt it from the" in caplog.text


def test_a_rebuilt_manifest_does_not_vouch_for_a_damaged_file(world, caplog):
    mirror, cache, processed = world
    active = cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv")
    lines = active.read_text().splitlines()
    active.write_text("\n".join(lines[: len(lines) // 2]) + "\n")  # cut in half, then the manifest damaged
    cache.manifest_path.write_text('{"files":')
    with caplog.at_level(logging.WARNING):
        assert REC not in cache.read_manifest()
    assert "not vouched for" in caplog.text
    [outcome] = fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))
    assert outcome.status == "downloaded"  # fetched again, whole


def test_a_malformed_manifest_entry_is_recovered_not_a_crash(world, capsys, monkeypatch):
    mirror, cache, processed = world
    manifest = json.loads(cache.manifest_path.read_text())
    manifest["files"][REC] = {"sha256": 5}
    cache.manifest_path.write_text(json.dumps(manifest))
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(cache.root.parent))
    assert cli.main(["sources", "--format", "json"]) == 0
    assert isinstance(cache.read_manifest()[REC]["sha256"], str)


def test_a_table_damaged_in_the_middle_is_rebuilt(world, caplog):
    """Regression: damage inside a parquet file (not its footer) passed the check; compare then failed."""
    mirror, cache, processed = world
    counts = processed / "counts.parquet"
    data = bytearray(counts.read_bytes())
    third = len(data) // 3
    data[third:third + 200] = bytes(b ^ 0xFF for b in data[third:third + 200])
    counts.write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        assert not build(cache=cache, out_dir=processed).skipped
    assert "not the file the build wrote" in caplog.text
    assert robbery_2018(processed) == 550


def test_another_table_copied_over_a_table_is_rebuilt(world):
    mirror, cache, processed = world
    (processed / "counts.parquet").write_bytes((processed / "releases.parquet").read_bytes())
    assert robbery_2018(processed) == 550  # load noticed and rebuilt


def test_a_killed_builds_leftovers_go_even_when_the_build_is_skipped(world):
    mirror, cache, processed = world
    leftover = processed / ".footnotes.parquet.abc123.part"
    leftover.write_bytes(b"half a table")
    manifest_leftover = cache.root / ".manifest.json.xyz.part"
    manifest_leftover.write_text("{")
    assert build(cache=cache, out_dir=processed).skipped and not leftover.exists()
    fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))
    assert not manifest_leftover.exists()


def test_a_fully_cached_fetch_works_on_a_read_only_cache(world, monkeypatch):
    """Regression: the optional editions a mirror lacks asked to write, so a read-only fetch of all failed."""
    mirror, cache, processed = world
    monkeypatch.setattr("peelstats.ingest.cache.is_writable", lambda folder: False)
    outcomes = fetch(["ons-pfa-tables", "rec-crime-pfa"], cache=cache, mirror=str(mirror))
    assert {o.status for o in outcomes} <= {"cached", "unavailable"}
    assert {o.status for o in outcomes if o.filename == "rec-crime-pfa.csv"} == {"cached"}


@pytest.mark.parametrize("argv, message", [
    (["breaks", "--offence", "robbery", "--period-end", "all"], "'all' is for `league --period-end all` only"),
    (["breaks", "--offence", "robbery", "--baseline", "2019-03-31"], "must come before the period end"),
    (["breaks", "--offence", ""], "the offence is empty"),
    (["cross-check", "--threshold", "nan"], "give a number of percentage points"),
    (["editions", "add", "ftp://example.org/y.xlsx"], "is not an http(s) address"),
])
def test_more_expected_failures_are_one_line(capsys, argv, message):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err


@pytest.mark.parametrize("period", ["YE Mar 2018", "2017/18", "2018-03", "March 2018"])
def test_breaks_reads_every_period_form(capsys, period):
    assert cli.main(["breaks", "--offence", "residential burglary", "--period-end", period, "--format", "json"]) == 0
    assert "burglary" in capsys.readouterr().out


@pytest.mark.parametrize("value, message", [("http://", "names no host"), ("~nosuchuser123/x", "nosuchuser123")])
def test_unusable_mirror_settings_are_one_line(monkeypatch, capsys, value, message):
    monkeypatch.setenv("PEELSTATS_MIRROR", value)
    assert cli.main(["fetch", "rec-crime-pfa"]) == 2
    assert message in capsys.readouterr().err


def test_trend_with_no_matching_year_end_says_so(world, monkeypatch, capsys):
    mirror, cache, processed = world
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(cache.root.parent))
    assert cli.main(["trend", "--force", "West Mercia", "--offence", "robbery", "--month", "2"]) == 2
    assert "No year in the data ends in February" in capsys.readouterr().err


def test_a_report_for_a_period_the_data_lack_is_one_line_before_any_notebook(world, monkeypatch, capsys):
    mirror, cache, processed = world
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(cache.root.parent))
    assert cli.main(["report", "--period-end", "2030-03", "--out", str(cache.root.parent / "r")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "year ending March 2030 is not in the data" in err
    assert not (cache.root.parent / "r").exists()  # nothing was run or written


def test_relative_report_and_claim_paths_are_made_absolute(tmp_path, monkeypatch):
    from peelstats.reporting.report import folder_for

    monkeypatch.chdir(tmp_path)
    folder = folder_for("West Mercia", "2019-03-31", "rel1")
    assert folder.is_absolute() and folder == tmp_path / "rel1" / "west-mercia" / "2019-03-31"


@pytest.mark.parametrize("text, message", [
    ("forces: [Kent]\nout: 5\n", "field 'out' must be a folder or file path"),
    ("forces: [Kent]\nnotebooks: force_vs_national\n", "field 'notebooks' must be a list"),
    ("forces: [Kent]\nperiod_end: 2018-03-15\n", "use a month end"),
])
def test_schedule_fields_of_the_wrong_kind_are_one_line(tmp_path, capsys, text, message):
    schedule = tmp_path / "s.yaml"
    schedule.write_text(text)
    assert cli.main(["batch", str(schedule)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err
