"""Fuzz the command line: every subcommand, with random and hostile arguments, never shows a traceback.

Whatever the arguments, ``peelstats`` ends with 0 (done), 1 (done, with failures reported), 2 (the input was
refused, in one line) or 130 (interrupted); never with a traceback or an "internal error" (a bug). Without data
every command is reached; with the real data built, the analysis commands run their analysis code on
random periods, forces, offences and words.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from peelstats import cli

HOSTILE = ["", " ", "-", "--", "-1", "0", "13", "99999", "2018-13", "2018-03-15", "March abc", "march 99999",
           "2018-03-31", "March 2018", "2017/18", "all", "latest", "West Mercia", "west-mercia", "E23000016",
           "Atlantis", "total", "burglary", "knife crime", "\x00", "é", "💥", "../..", "/", "/dev/null", "nonexistent",
           "<script>alert(1)</script>", "%s%d%n", "a" * 300, "2018-06-04", "2019-02-29", "1899-01-01", "ftp://x",
           "json", "csv", "yaml", "table", "api", "category"]
OPTIONS = ["--force", "--offence", "--period-end", "--baseline", "--source", "--format", "--month", "--every",
           "--edition", "--threshold", "--date", "--file", "--text", "--claims", "--out", "--notebooks", "--by",
           "--workers", "--list", "--refresh", "--strict", "--no-claims", "--territorial-only", "--skip-unchanged",
           "--no-cache", "--base-url", "--policeuk-source", "--debug-not-an-option", "-h"]
SUBCOMMANDS = [name for name in cli.COMMANDS if name != "policeuk"] + ["policeuk counts", "policeuk crimes"]
# Commands whose valid arguments do long work (a whole report, a download): fuzzed only without data and mirror
ANALYSIS = ["compare", "trend", "league", "vintages", "cross-check", "breaks", "forces", "claims", "check",
            "sources"]

token = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(OPTIONS), st.text(max_size=12))
# an option with a plausible or hostile value: reaches the analysis code more often than loose tokens do
pair = st.tuples(st.sampled_from(OPTIONS[:10]), st.sampled_from(HOSTILE)).map(list)
words = st.lists(st.one_of(token.map(lambda t: [t]), pair), max_size=5).map(lambda parts: sum(parts, []))


def _run(argv: list[str], capsys) -> None:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    event(f"exit {code}")
    assert code in (0, 1, 2, 130), (argv, code, err[-500:])
    assert "Traceback" not in err and "internal error" not in err, (argv, err[-2000:])


@pytest.fixture
def no_network(monkeypatch, tmp_path):
    """Every address refuses at once: a closed loopback port for police.uk, an empty folder as the mirror."""
    monkeypatch.setenv("PEELSTATS_POLICEUK_API", "http://127.0.0.1:9")
    empty = tmp_path / "empty-mirror"
    empty.mkdir()
    monkeypatch.setenv("PEELSTATS_MIRROR", str(empty))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(SUBCOMMANDS), rest=words)
def test_any_arguments_without_data(no_network, capsys, command, rest):
    _run([*command.split(), *rest], capsys)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(command=st.sampled_from(ANALYSIS), rest=words)
def test_any_arguments_with_the_real_data(real_data, monkeypatch, capsys, command, rest):
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(real_data.folder.parent))
    _run([command, *rest], capsys)
