"""The peelstats command line, run in-process."""

from __future__ import annotations

import json

import pytest

from peelstats import cli
from peelstats.exceptions import UnknownForceError


def run(capsys, *argv):
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_forces_table_and_json(capsys):
    code, out, _ = run(capsys, "forces", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 47
    wm = next(r for r in rows if r["name"] == "West Mercia")
    assert wm == {**wm, "code": "E23000016", "slug": "west-mercia", "region": "West Midlands",
                  "alliance_partners": "Warwickshire"}
    code, out, _ = run(capsys, "forces", "--territorial-only", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 44


def test_sources_before_fetch(capsys):
    code, out, _ = run(capsys, "sources", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and {r["source"] for r in rows} == {"ons-pfa-tables", "rec-crime-pfa", "prc-open-data",
                                                          "population"}
    assert not any(r["cached"] for r in rows)
    assert all(r["licence"] == "Open Government Licence v3.0" for r in rows)


def test_unknown_source_is_one_line(capsys):
    code, _, err = run(capsys, "fetch", "ons-tables")
    assert code == 2 and "Unknown source 'ons-tables'" in err and "ons-pfa-tables" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_errors_print_one_line_or_traceback_with_debug(capsys, monkeypatch):
    monkeypatch.setattr("peelstats.headline.headline", lambda *a, **k: (_ for _ in ()).throw(
        UnknownForceError("west mercian", ["West Mercia"])))
    code, _, err = run(capsys, "headline", "--force", "west mercian")
    assert code == 2 and err.strip() == ("peelstats headline: Unknown force 'west mercian'. Did you mean: "
                                         "West Mercia? Run `peelstats forces` for the full list.")
    with pytest.raises(UnknownForceError):
        cli.main(["--debug", "headline", "--force", "west mercian"])


def test_fetch_build_headline_on_real_mirror(capsys, mirror, monkeypatch):
    monkeypatch.setenv("PEELSTATS_MIRROR", str(mirror))
    code, out, _ = run(capsys, "fetch", "--format", "json")
    assert code == 0 and {r["status"] for r in json.loads(out)} == {"downloaded"}
    code, out, _ = run(capsys, "build")
    assert code == 0 and "counts" in out
    code, out, _ = run(capsys, "build")
    assert "unchanged, skipped" in out
    code, out, _ = run(capsys, "sources", "--format", "json")
    assert all(r["cached"] for r in json.loads(out))
    code, out, _ = run(capsys, "headline", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and [r["area"] for r in rows] == ["West Mercia", "England and Wales (incl. BTP)"]
    assert rows[0]["count"] == 88_499 and rows[0]["period"] == "year ending December 2019"
    assert "excludes Greater Manchester" in rows[1]["note"]


def test_headline_without_data_says_how_to_build(capsys):
    code, _, err = run(capsys, "headline")
    assert code == 2 and "peelstats fetch" in err
