"""The raw cache (manifest, checksums, locks) and the build's skip-when-unchanged behaviour."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pandas as pd
import pytest
from builders import FILLER, rec_crime_csv, synthetic_mirror

from peelstats.errors import DataNotBuiltError
from peelstats.ingest import schema
from peelstats.ingest.build import build
from peelstats.ingest.cache import RawCache
from peelstats.ingest.dataset import load
from peelstats.ingest.download import RetryPolicy, build_session
from peelstats.ingest.fetch import fetch, fetch_file
from peelstats.ingest.sources import ons_editions
from peelstats.ingest.sources.base import RemoteFile
from peelstats.reference import forces

FAST = RetryPolicy(attempts=2, backoff_seconds=0)


def test_fetch_build_load_with_synthetic_mirror(tmp_path, caplog):
    mirror = synthetic_mirror(tmp_path / "mirror")
    cache = RawCache(tmp_path / "raw")
    outcomes = fetch(["ons-pfa-tables", "rec-crime-pfa", "prc-open-data"], cache=cache, mirror=str(mirror))
    statuses = {o.filename: o.status for o in outcomes if o.status == "downloaded"}
    assert set(statuses) == {e.filename for e in ons_editions.core()} | {
        "rec-crime-pfa.csv", "prc-pfa-2017-18-sheet.csv", "policeforceareatablesyejune25final_TableP1.csv",
        "policeforceareatablesyejune25final_TableC2.csv"}
    # the later editions the registry lists but the mirror does not hold are named, not an error
    assert {o.status for o in outcomes if o.filename.endswith(".xls")} == {"unavailable"}
    report = build(cache=cache, out_dir=tmp_path / "processed")
    assert not report.skipped and report.rows["counts"] > 0
    assert build(cache=cache, out_dir=tmp_path / "processed").skipped  # unchanged inputs: nothing to do
    data = load(tmp_path / "processed")
    for table in schema.TABLES:
        assert list(getattr(data, table).columns) == schema.COLUMNS[table]
    assert set(data.counts.source) == {"ons-pfa-tables", "rec-crime-pfa", "prc-open-data"}
    # a changed raw file changes the build signature
    rec_crime_csv(mirror / "ons/rec-crime-pfa.csv", ["31-03-2018,West Mercia,West Midlands,Robbery,551"])
    fetch(["rec-crime-pfa"], refresh=True, cache=cache, mirror=str(mirror))
    assert not build(cache=cache, out_dir=tmp_path / "processed").skipped
    counts = load(tmp_path / "processed").counts
    assert counts[(counts.source == "rec-crime-pfa") & (counts["count"] != FILLER)]["count"].tolist() == [551]


def test_missing_files_in_mirror_are_errors_not_silence(tmp_path):
    mirror = synthetic_mirror(tmp_path / "mirror")
    with pytest.raises(Exception, match="no such file"):
        fetch(["population"], cache=RawCache(tmp_path / "raw"), mirror=str(mirror))


def test_corrupted_cache_file_is_fetched_again(tmp_path):
    mirror = synthetic_mirror(tmp_path / "mirror")
    cache = RawCache(tmp_path / "raw")
    fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))
    cached = cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv")
    cached.write_text("garbage")
    [again] = fetch(["rec-crime-pfa"], cache=cache, mirror=str(mirror))
    assert again.status == "downloaded" and cached.read_bytes() == (mirror / "ons/rec-crime-pfa.csv").read_bytes()


def test_build_without_raw_files_says_what_to_do(tmp_path):
    with pytest.raises(DataNotBuiltError, match="peelstats fetch"):
        build(cache=RawCache(tmp_path / "raw"), out_dir=tmp_path / "processed")
    with pytest.raises(DataNotBuiltError, match="peelstats build"):
        load(tmp_path / "processed")


def _fetch_many(args):
    mirror, raw, rounds = args
    remote = RemoteFile("rec-crime-pfa", "rec-crime-pfa.csv", "https://example.invalid", "ons/rec-crime-pfa.csv",
                        "e", "csv")
    cache = RawCache(Path(raw))
    for _ in range(rounds):
        fetch_file(remote, refresh=True, cache=cache, mirror=mirror, session=build_session(FAST), policy=FAST)
    return True


def test_two_processes_fetching_at_once_do_not_corrupt_the_cache(tmp_path):
    mirror = tmp_path / "mirror"
    (mirror / "ons").mkdir(parents=True)
    # a few MB, so the two fetches overlap: every force and quarter, a dozen offences each, every row its own
    offences = ["Robbery", "Shoplifting", "Bicycle theft", "Drug offences", "Homicide", "Violence with injury",
                "Violence without injury", "Sexual offences", "Theft from the person", "Criminal damage and arson",
                "Public order offences", "Possession of weapons offences"]
    big = [f"{end:%d-%m-%Y},{force.name},x,{offence},{n}" for n, (end, force, offence) in enumerate(
        (end, force, offence) for end in pd.date_range("2007-06-30", "2018-12-31", freq="QE")
        for force in forces.TERRITORIAL_FORCES for offence in offences)]
    rec_crime_csv(mirror / "ons/rec-crime-pfa.csv", big)
    raw = tmp_path / "raw"
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        assert all(pool.map(_fetch_many, [(str(mirror), str(raw), 5)] * 2))
    cache = RawCache(raw)
    path = cache.path_for("rec-crime-pfa", "rec-crime-pfa.csv")
    assert path.read_bytes() == (mirror / "ons/rec-crime-pfa.csv").read_bytes()
    assert cache.is_cached(path)
    manifest = json.loads(cache.manifest_path.read_text())
    assert list(manifest["files"]) == ["rec-crime-pfa/rec-crime-pfa.csv"]
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".part")] == []


def test_negative_counts_kept_and_flagged(tmp_path):
    mirror = synthetic_mirror(tmp_path / "mirror")
    cache = RawCache(tmp_path / "raw")
    fetch(["prc-open-data"], cache=cache, mirror=str(mirror))
    build(cache=cache, out_dir=tmp_path / "processed")
    counts = load(tmp_path / "processed").counts
    negative = counts[counts["count"] < 0]
    assert len(negative) == 1 and negative.negative.all()
    assert pd.api.types.is_bool_dtype(counts.negative)
