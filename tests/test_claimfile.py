"""Claim files: the bundled letter encodes every claim; malformed files are rejected naming file, claim and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peelstats.claims.claim_file import ClaimFileError, bundled, load_claim_file

BRIEF_IDS = ["national-12", "force-5", "burglary", "vehicle", "robbery", "prevention", "peel-2016", "peel-2017",
             "peel-soc", "peel-alliance"]


def test_bundled_letter_holds_the_ten_claims():
    parsed = load_claim_file()
    assert [c.id for c in parsed.claims] == BRIEF_IDS
    assert parsed.document.date.isoformat() == "2018-06-04" and parsed.document.force.name == "West Mercia"
    assert parsed.defaults.tolerance_pp == 1.0
    assert [(g.claims, g.rule) for g in parsed.selection] == [(["national-12", "force-5"],
                                                                "all_reproduce_then_closest")]
    assert [p.stem for p in bundled()] == ["west-mercia-2018-06-04"]


def test_quotes_are_verbatim_from_the_letter(mirror):
    letter = mirror.parent / "letter" / "west-mercia-pcc-letter-2018-06-04.txt"
    if not letter.is_file():
        pytest.skip(f"{letter} not present")
    text = " ".join(letter.read_text(encoding="utf-8").split())
    for claim in load_claim_file().claims:
        assert claim.quote in text, claim.id


def write(tmp_path: Path, mutate) -> Path:
    raw = yaml.safe_load(load_claim_file().path.read_text())
    mutate(raw)
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False))
    return path


def claim(raw, claim_id):
    return next(c for c in raw["claims"] if c["id"] == claim_id)


@pytest.mark.parametrize("mutate, message", [
    (lambda r: r.update(schema="v2"), r"field 'schema': must be 'peelstats-claims/1' or 'peelstats-claims/2'"),
    (lambda r: r["document"].pop("date"), r"field 'document.date': is required"),
    (lambda r: r["document"].update(force="West Mercian"), r"field 'document.force': Unknown force 'West Mercian'"),
    (lambda r: claim(r, "force-5").pop("quoted_value"), r"claim 'force-5': field 'quoted_value': is required"),
    (lambda r: claim(r, "force-5").update(quoted_value="fivish"),
     r"claim 'force-5': field 'quoted_value': cannot read"),
    (lambda r: claim(r, "robbery").update(kind="vibes"), r"claim 'robbery': field 'kind': must be one of"),
    (lambda r: claim(r, "robbery").update(offence="littering"), r"claim 'robbery': field 'offence': Unknown offence"),
    (lambda r: claim(r, "robbery").update(direction="sideways"), r"claim 'robbery': field 'direction'"),
    (lambda r: claim(r, "vehicle").update(previous_years=0), r"claim 'vehicle': field 'previous_years'"),
    (lambda r: claim(r, "peel-soc").update(quoted_grade="brilliant"), r"claim 'peel-soc': field 'quoted_grade'"),
    (lambda r: claim(r, "peel-soc").update(question="parking"), r"claim 'peel-soc': field 'question'"),
    (lambda r: claim(r, "national-12").update(comparators=["vibes"]), r"claim 'national-12': field 'comparators'"),
    (lambda r: claim(r, "robbery").update(period={"same_as": "nope"}), r"claim 'robbery': field 'period.same_as'"),
    (lambda r: claim(r, "robbery").update(id="force-5"), r"claim 'force-5': field 'id': duplicated"),
    (lambda r: r["selection"][0]["claims"].append("robbery"), r"claim 'robbery': field 'selection\[1\].claims'"),
    (lambda r: r.update(defaults={"tolerance_pp": -1}), r"field 'defaults.tolerance_pp': must be positive"),
])
def test_malformed_files_name_file_claim_and_field(tmp_path, mutate, message):
    path = write(tmp_path, mutate)
    with pytest.raises(ClaimFileError, match=message) as caught:
        load_claim_file(path)
    assert str(path) in str(caught.value)


def test_not_yaml_and_unknown_name(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("claims: [unclosed")
    with pytest.raises(ClaimFileError, match="not valid YAML"):
        load_claim_file(path)
    with pytest.raises(ClaimFileError, match="no bundled claim file of that name"):
        load_claim_file("no-such-letter")


@pytest.mark.parametrize("mutate, message", [
    (lambda r: r["document"].update(date="2018-13-45"), r"field 'document.date': '2018-13-45' is not a YYYY-MM-DD"),
    (lambda r: r.update(defaults=5), r"field 'defaults': must be a mapping, got 5"),
    (lambda r: claim(r, "robbery").update(period={"end": "March abc"}), r"field 'period.end': Cannot read 'March abc'"),
    (lambda r: claim(r, "robbery").update(period={"end": "2018-03-15"}), r"use a month end"),
    (lambda r: r["defaults"].update(candidate_window_months=0.0001),
     r"field 'defaults.candidate_window_months': must be a whole number, got 0.0001"),
    (lambda r: claim(r, "national-12").update(comparators="england_and_wales"),
     r"field 'comparators': must be a list, e.g. \[england_and_wales\], got the text 'england_and_wales'"),
    (lambda r: r["defaults"].update(sources=["ons-pfa-tables", "police-gossip"]),
     r"field 'defaults.sources': unknown source 'police-gossip'; claims read ons-pfa-tables, rec-crime-pfa"),
])
def test_inputs_that_used_to_traceback_or_pass_silently(tmp_path, mutate, message):
    """Regression: these raised tracebacks (or, for an unknown source, made every claim 'not testable')."""
    with pytest.raises(ClaimFileError, match=message):
        load_claim_file(write(tmp_path, mutate))


def test_every_error_is_reported_at_once_one_line_each(tmp_path):
    def many(raw):
        raw["document"]["date"] = "2018-13-45"
        claim(raw, "force-5")["quoted_value"] = "fivish"
        claim(raw, "robbery")["direction"] = "sideways"
        claim(raw, "peel-soc")["quoted_grade"] = "brilliant"
        raw["defaults"]["tolerance_pp"] = 0
    path = write(tmp_path, many)
    with pytest.raises(ClaimFileError) as caught:
        load_claim_file(path)
    lines = caught.value.lines
    assert len(lines) == 5 and all(line.startswith(str(path)) and "\n" not in line for line in lines)
    assert any("'document.date'" in line for line in lines) and any("'peel-soc'" in line for line in lines)


def test_a_file_that_is_not_text_is_one_clear_error(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(ClaimFileError, match="is not UTF-8 text"):
        load_claim_file(path)


def test_a_document_dated_after_today_is_refused(tmp_path):
    """Words are judged on the figures public on their date: a date in the future has none, so it is an input
    error (it used to judge the words on whatever the data held, with no word of the date)."""
    import datetime as dt
    import subprocess
    import sys

    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    path = tmp_path / "future.yaml"
    path.write_text(yaml.safe_dump({"schema": "peelstats-claims/2", "document": {
        "id": "f", "title": "T", "author": "A", "date": later}, "claims": [
        {"id": "c", "quote": "q", "kind": "direction", "subject": "Kent", "offence": "total",
         "direction": "increase"}]}), encoding="utf-8")
    with pytest.raises(ClaimFileError, match="after today"):
        load_claim_file(path)
    run = subprocess.run([sys.executable, "-m", "peelstats", "check", "Crime in Kent rose 5%.", "--date", later],
                         capture_output=True, text=True)
    assert run.returncode == 2 and "after today" in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def test_selection_groups_take_figures_of_any_measure_but_not_ranks(tmp_path):
    """A count and a change of one sentence share a period ("5.3 million crimes, a 14% rise"); a rank or a grade has
    no figure to reproduce, so it cannot be in a group."""
    def claims_file(second_kind: dict) -> Path:
        path = tmp_path / f"{second_kind['kind']}.yaml"
        path.write_text(yaml.safe_dump({"schema": "peelstats-claims/2", "document": {
            "id": "s", "title": "T", "author": "A", "date": "2018-01-25"}, "claims": [
            {"id": "rise", "quote": "a 14% rise", "kind": "change", "subject": "England and Wales",
             "offence": "total", "quoted_value": 14},
            {"id": "other", "quote": "q", "subject": "England and Wales", "offence": "total", **second_kind}],
            "selection": [{"claims": ["rise", "other"], "rule": "all_reproduce_then_closest"}]}), encoding="utf-8")
        return path

    assert load_claim_file(claims_file({"kind": "count", "quoted_value": "about 5.3 million"})).selection
    with pytest.raises(ClaimFileError, match="claims are selected"):
        load_claim_file(claims_file({"kind": "rank", "subject": "Kent", "order": "highest"}))
