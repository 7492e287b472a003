"""The peelstats command line, run in-process."""

from __future__ import annotations

import json

import pytest

from peelstats import cli, sources
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
                                                          "population", "ons-release-calendar"}
    assert not any(r["cached"] for r in rows)
    assert all(r["licence"] == "Open Government Licence v3.0" for r in rows)


def test_unknown_source_is_one_line(capsys):
    code, _, err = run(capsys, "fetch", "ons-tables")
    assert code == 2 and "Unknown source 'ons-tables'" in err and "ons-pfa-tables" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_errors_print_one_line_or_traceback_with_debug(capsys):
    code, _, err = run(capsys, "compare", "--force", "west mercian")
    assert code == 2 and err.strip() == ("peelstats compare: Unknown force 'west mercian'. Did you mean: "
                                         "West Mercia, West Midlands? Run `peelstats forces` for the full list.")
    with pytest.raises(UnknownForceError):
        cli.main(["--debug", "compare", "--force", "west mercian"])


def test_fetch_build_headline_on_real_mirror(capsys, mirror, monkeypatch):
    monkeypatch.setenv("PEELSTATS_MIRROR", str(mirror))
    code, out, _ = run(capsys, "fetch", "--format", "json")
    records = json.loads(out)
    optional = {f.filename for s in sources.REGISTRY.values() for f in s.files() if not f.required}
    assert code == 0 and {r["status"] for r in records if r["filename"] not in optional} == {"downloaded"}
    # registered later editions the mirror does not hold are named as unavailable, not an error
    assert {r["status"] for r in records if r["filename"] in optional} == {"unavailable"}
    code, out, _ = run(capsys, "build")
    assert code == 0 and "counts" in out
    code, out, _ = run(capsys, "build")
    assert "unchanged, skipped" in out
    code, out, _ = run(capsys, "sources", "--format", "json")
    listed = json.loads(out)
    assert all(r["cached"] for r in listed if r["file"] not in optional)
    march = next(r for r in listed if r["file"] == "policeforceareatablesyearendingmarch2018v2.xlsx")
    assert march["address"].startswith("https://www.ons.gov.uk/file?uri=")  # the publisher's address, always
    assert march["mirror"].endswith("ons/pfa_tables/policeforceareatablesyearendingmarch2018v2.xlsx")
    code, out, _ = run(capsys, "compare", "--force", "West Mercia", "--format", "json")
    latest = json.loads(out)
    assert code == 0 and latest["period_end"] == "2019-12-31" and latest["force_count"] == 88_499
    assert any("Greater Manchester" in c for c in latest["caveats"])
    code, out, _ = run(capsys, "compare", "--force", "west mercia", "--period-end", "2018-03-31",
                       "--offence", "robbery", "--format", "json")
    robbery = json.loads(out)
    assert round(robbery["force_change_pct"], 1) == -5.3 and robbery["source"] == "ons-pfa-tables"
    code, out, _ = run(capsys, "compare", "--force", "E23000016", "--period-end", "March 2018", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("force,force_code,offence,period_end")
    code, out, _ = run(capsys, "trend", "--force", "west-mercia", "--offence", "vehicle crime",
                       "--period-end", "2018-03-31", "--format", "csv")
    assert code == 0 and len(out.strip().splitlines()) == 16  # header + YE March 2004..2018
    code, out, _ = run(capsys, "league", "--period-end", "2018-03-31", "--format", "json")
    assert code == 0 and len(json.loads(out)) == 43
    for argv, message in [
        (("compare", "--force", "west mercia", "--offence", "littering"), "Unknown offence 'littering'"),
        (("compare", "--force", "west mercia", "--period-end", "2021-03-31"), "available: YE Mar 2003 to YE Jun 2025"),
        (("compare", "--force", "west mercia", "--period-end", "2018-03-31", "--baseline", "2019-03-31"),
         "must be before"),
    ]:
        code, _, err = run(capsys, *argv)
        assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_compare_without_data_says_how_to_build(capsys):
    code, _, err = run(capsys, "compare", "--force", "west mercia")
    assert code == 2 and "peelstats fetch" in err


def test_help_of_every_command_prints(capsys):
    """Regression: a bare % in a help text made `peelstats --help` crash."""
    for argv in (["--help"], *([name, "--help"] for name in cli.COMMANDS)):
        assert cli.main(argv) == 0
    assert "Traceback" not in capsys.readouterr().err
