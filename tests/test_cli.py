"""The peelstats command line, run in-process."""

from __future__ import annotations

import json

import pytest

from peelstats import cli
from peelstats.errors import UnknownForceError
from peelstats.ingest import sources


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


# ------------------------------------------------------------------------- the command line, as a person uses it


def _widest(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


def test_every_option_of_every_command_has_help():
    import argparse

    parser = cli.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    checked = 0
    for name, sub in commands.choices.items():
        nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        subs = [sub] + [p for n in nested for p in n.choices.values()]
        for p in subs:
            for action in p._actions:
                if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                    continue
                if action.help == argparse.SUPPRESS:  # an old spelling kept working, not offered
                    assert action.dest == "refresh" or action.option_strings == ["--skip-unchanged"], action
                    continue
                assert action.help and action.help != argparse.SUPPRESS and len(action.help) > 8, \
                    (name, action.dest)
                checked += 1
    assert checked > 60


def test_one_word_for_doing_it_again():
    """--refresh everywhere (fetch, build, report, batch); --force alone means a police force."""
    parser = cli.build_parser()
    for argv in (["fetch", "--refresh"], ["build", "--refresh"], ["report", "--refresh"],
                 ["batch", "s.yaml", "--refresh"]):
        assert parser.parse_args(argv).refresh
    assert parser.parse_args(["report", "--force", "Kent"]).force == "Kent"
    assert parser.parse_args(["build", "--force"]).refresh  # the spelling before 0.2 still works


@pytest.mark.parametrize("words, end", [("2018/19", "2019-03-31"), ("YE Mar 2018", "2018-03-31"),
                                        ("2017/18", "2018-03-31"), ("year ending March 2018", "2018-03-31")])
def test_periods_as_people_write_them_are_accepted(words, end):
    from peelstats.reference import periods

    args = cli.build_parser().parse_args(["compare", "--force", "west mercia", "--period-end", words])
    assert periods.parse_period_end(args.period_end).date().isoformat() == end


@pytest.mark.parametrize("argv", [["forces"], ["breaks"], ["editions"], ["claims", "--list"], ["doctor"],
                                  ["sources"]])
def test_terminal_tables_fit_80_columns(argv, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code = cli.main(argv)
    out = capsys.readouterr().out
    assert code in (0, 1) and out.strip()
    if argv[0] in ("doctor", "sources"):  # the table, not the folder named on the lines below it
        out = out.rstrip().rsplit("\n\n", 1)[0]
    assert _widest(out) <= 80, [line for line in out.splitlines() if len(line) > 80][:3]
    assert "True" not in out and "False" not in out  # Yes/No


def test_tables_wrap_long_text_and_keep_numbers_whole():
    import pandas as pd

    from peelstats.output import render

    frame = pd.DataFrame({"force": ["West Mercia", "England and Wales (incl. BTP)"],
                          "definition": ["the force", "ONS published England and Wales total (includes British "
                                                      "Transport Police) " * 3],
                          "force_count": [84342.0, 4876282.0], "change_pct": [4.208, -0.04],
                          "comparable": [True, False], **{f"extra_{i}": ["a long column of words"] * 2
                                                          for i in range(6)}})
    for width in (60, 80, 100):
        shown = render(frame, "table", width=width)
        assert _widest(shown) <= width, (width, shown)
        assert "84,342" in shown and "4,876,282" in shown and "+4.2%" in shown and "-0.0%" in shown
        assert "Count" in shown and "% change" in shown and "force_count" not in shown  # plain headers
        assert "Yes" in shown and "No" in shown
    records = json.loads(render(frame, "json"))
    assert records[0]["force_count"] == 84342 and isinstance(records[0]["force_count"], int)
    assert render(frame, "csv").splitlines()[1].split(",")[2] == "84342"


def test_json_counts_and_ranks_are_integers_in_nested_records():
    from peelstats.output import to_json

    payload = {"force_count": 84342.0, "rank": 1.0, "change_pct": 12.0,
               "comparators": [{"name": "E&W", "count": 4876282.0, "baseline_count": 4320746.0, "gap_pp": 0.0}],
               "claims": [{"kind": "rank", "measured": 1.0, "candidates": [{"measured": 5.0}],
                           "latest_public": {"measured": 2.0}},
                          {"kind": "change", "measured": 12.0, "evidence": {
                              "counts": {"period": 552.0, "baseline": 583.0}, "measure": {"difference": -31.0},
                              "similar_forces": [{"force": "Sussex", "rate_per_1000": 67.0, "change_pct": 8.0}]}}],
               "vintages": [{"force_count_revision": 0.0, "england_and_wales_count_revision": 4761.0}]}
    text = to_json(payload)
    for shown in ('"force_count": 84342,', '"rank": 1,', '"count": 4876282,', '"baseline_count": 4320746',
                  '"force_count_revision": 0,', '"england_and_wales_count_revision": 4761'):
        assert shown in text, shown
    back = json.loads(text)
    assert back["claims"][0]["measured"] == 1 and isinstance(back["claims"][0]["measured"], int)
    assert isinstance(back["claims"][0]["candidates"][0]["measured"], int)
    assert isinstance(back["claims"][0]["latest_public"]["measured"], int)
    assert isinstance(back["claims"][1]["measured"], float)  # a change stays a float, even when whole
    evidence = back["claims"][1]["evidence"]
    assert evidence["counts"] == {"period": 552, "baseline": 583} and evidence["measure"]["difference"] == -31
    assert isinstance(evidence["counts"]["period"], int) and isinstance(evidence["measure"]["difference"], int)
    assert isinstance(evidence["similar_forces"][0]["rate_per_1000"], float)  # a rate is not a count
    assert isinstance(back["change_pct"], float) and isinstance(back["comparators"][0]["gap_pp"], float)


@pytest.fixture
def built(real_data, monkeypatch):
    """The commands read the real dataset (built once per session from the mirror)."""
    from peelstats import config

    monkeypatch.setenv(config.DATA_DIR_ENV, str(real_data.folder.parent))
    monkeypatch.setenv("COLUMNS", "80")


@pytest.mark.realdata
def test_json_and_csv_give_counts_and_ranks_as_integers(built, capsys):
    code, out, _ = run(capsys, "compare", "--force", "West Mercia", "--period-end", "2018-03", "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["force_count"] == 84342 and '"force_count": 84342,' in out
    assert all(isinstance(c["count"], int) for c in result["comparators"] if c["count"] is not None)
    assert '4876282.0' not in out and isinstance(result["rank"], int)
    code, out, _ = run(capsys, "compare", "--force", "West Mercia", "--period-end", "2018-03", "--format", "csv")
    header, row = out.splitlines()[:2]
    values = dict(zip(header.split(","), row.split(","), strict=False))
    assert values["force_count"] == "84342" and values["rank"] == "5" and values["n_forces"] == "43"
    code, out, _ = run(capsys, "vintages", "--force", "West Mercia", "--period-end", "2018-03", "--format", "json")
    assert code == 0 and '"force_count_revision": 0,' in out and ".0," not in out.split('"edition"')[0]
    code, out, _ = run(capsys, "league", "--period-end", "2018-03", "--format", "json")
    league = json.loads(out)
    assert all(isinstance(r["rank"], int) and isinstance(r["count"], int) for r in league)
    code, out, _ = run(capsys, "check", "West Mercia had the smallest rise in crime of all 43 forces in the year to "
                                       "March 2018", "--date", "2018-08-01", "--format", "json")
    ranked = next(r for r in json.loads(out) if r["kind"] == "rank")
    assert code == 0 and ranked["measured"] == 5 and isinstance(ranked["measured"], int)


@pytest.mark.realdata
def test_trend_and_league_show_a_headline_and_signed_percentages(built, capsys):
    code, out, _ = run(capsys, "trend", "--force", "west-mercia", "--period-end", "YE Mar 2018")
    lines = out.splitlines()
    assert code == 0 and " ".join(lines[:2]).startswith(
        "West Mercia +4.2% (YE Mar 2018), rank 4 of 43; England and Wales +12.8%")
    table = "\n".join(lines[lines.index(next(line for line in lines if line.startswith("Year ending"))):])
    assert "+19.5%" in table and "-12.5%" in table  # signed, with their unit
    assert "force_change_pct" not in table and "% change" in table and "Comparable" in table
    assert "True" not in table and "Yes" in table
    assert _widest(out) <= 80
    code, out, _ = run(capsys, "trend", "--force", "kent", "--every", "quarter")
    assert code == 0 and "the data hold no quarters before then" in " ".join(out.splitlines()[:8])
    assert "Series breaks" not in out  # no break in any year: no block of empty rows
    code, out, _ = run(capsys, "league", "--period-end", "2017/18")
    assert code == 0 and " ".join(out.splitlines()[:2]).startswith(
        "Total recorded crime (excluding fraud), YE Mar 2018: median force +11.6%; lowest City of London -1.3%")
    assert "+4.2%" in out and "change_pct" not in out and _widest(out) <= 80


@pytest.mark.realdata
@pytest.mark.parametrize("argv", [["compare", "--force", "West Mercia", "--period-end", "2018-03"],
                                  ["vintages", "--force", "West Mercia", "--period-end", "2018-03"],
                                  ["league", "--period-end", "2018-03", "--offence", "robbery"],
                                  ["breaks", "--offence", "burglary"], ["editions"]])
def test_analysis_tables_fit_the_terminal(built, capsys, argv):
    code, out, _ = run(capsys, *argv)
    assert code in (0, 1) and _widest(out) <= 80, [line for line in out.splitlines() if len(line) > 80][:3]
    if argv[0] in ("compare", "vintages", "league"):
        assert "ons-pfa-tables" not in out and "rec-crime-pfa" not in out  # sources by name
