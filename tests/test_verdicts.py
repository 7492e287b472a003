"""Verdicts: the rules on a synthetic dataset, then the West Mercia letter on the real files."""

from __future__ import annotations

import json

import pytest
import yaml
from synthetic import dataset

from peelstats import cli
from peelstats.claims import VERDICTS, evaluate

REQUIRED = {"id", "quote", "verdict", "measured", "quoted", "definition", "source", "edition", "reason"}


def claim_file(tmp_path, claims, date="2018-06-04"):
    path = tmp_path / "claims.yaml"
    path.write_text(yaml.safe_dump({
        "schema": "peelstats-claims/1",
        "document": {"id": "t", "title": "Test", "author": "A", "date": date, "force": "West Mercia"},
        "defaults": {"sources": ["rec-crime-pfa"]},
        "claims": claims,
    }, sort_keys=False))
    return path


def change(claim_id, quoted, **extra):
    return {"id": claim_id, "quote": f"robbery changed {quoted}%", "kind": "change", "subject": "force",
            "offence": "robbery", "quoted_value": quoted, **extra}


def test_rules_on_synthetic_data(tmp_path):
    path = claim_file(tmp_path, [
        change("close", -5),      # measured -5.3: within 1 pp
        change("near", -8),       # 2.7 pp away, same direction: partly
        change("wrong", 5),       # opposite direction
        change("elsewhere", -5, period={"end": "2020-03-31"}),
        {"id": "fall", "quote": "robbery fell", "kind": "direction", "offence": "robbery", "direction": "decrease",
         "period": {"same_as": "close"}},
        {"id": "rise", "quote": "robbery rose", "kind": "direction", "offence": "robbery", "direction": "increase"},
        {"id": "res", "quote": "residential burglary rose", "kind": "earlier_years", "offence": "residential burglary",
         "direction": "increase", "previous_years": 1, "far_less_margin_pp": 5},
        {"id": "why", "quote": "because of us", "kind": "causal", "offence": "robbery"},
        {"id": "g1", "quote": "Warwickshire good at investigating", "kind": "grade", "force": "Warwickshire",
         "peel_year": "2016", "question": "investigating crime and reducing re-offending", "quoted_grade": "good"},
        {"id": "g2", "quote": "Kent outstanding", "kind": "grade", "force": "Kent", "peel_year": "2017",
         "question": "overall", "quoted_grade": "Outstanding"},
        {"id": "g3", "quote": "same SOC grades", "kind": "grade_comparison", "peel_year": "2017",
         "question": "tackling serious and organised crime", "other_force": "Warwickshire", "expect": "same"},
    ])
    frame = evaluate(path, data=dataset()).frame().set_index("id")
    verdicts = frame.verdict.to_dict()
    assert verdicts == {
        "close": "supported", "near": "partly supported", "wrong": "not supported",
        "elsewhere": "not testable with these data", "fall": "supported", "rise": "not supported",
        "res": "not comparable", "why": "not testable with these data", "g1": "supported",
        "g2": "not testable with these data", "g3": "not supported",
    }
    assert frame.loc["close", "measured"] == pytest.approx((552 / 583 - 1) * 100)
    assert frame.loc["close", "period_end"] == "2018-03-31" and frame.loc["close", "source"] == "rec-crime-pfa"
    assert frame.loc["close", "public_on_document_date"] is False  # YE Mar 2018 was published 19 July 2018
    assert "total burglary" in frame.loc["res", "reason"].lower() or "burglary, changed" in frame.loc["res", "reason"]
    assert frame.loc["g1", "source"].startswith("https://")
    assert set(frame.verdict) <= set(VERDICTS)


def test_records_and_csv(tmp_path):
    evaluation = evaluate(claim_file(tmp_path, [change("close", -5)]), data=dataset())
    records = evaluation.records()
    assert set(records[0]) >= REQUIRED and json.dumps(records)
    assert evaluation.csv().splitlines()[0].startswith("id,quote,kind")


@pytest.mark.realdata
def test_west_mercia_letter(real_data):
    evaluation = evaluate(data=real_data)
    by_id = evaluation.frame().set_index("id")
    assert by_id.verdict.to_dict() == {
        "national-12": "supported", "force-5": "supported", "burglary": "not comparable",
        "vehicle": "partly supported", "robbery": "supported", "prevention": "not testable with these data",
        "peel-2016": "supported", "peel-2017": "supported", "peel-soc": "supported", "peel-alliance": "supported",
    }
    # the 5% and 12% claims are reproduced by YE March 2018 and not by YE December 2017
    for claim_id in ("national-12", "force-5"):
        row = by_id.loc[claim_id]
        assert row.period_end == "2018-03-31" and row.source == "ons-pfa-tables"
        reproducing = {c["period_end"] for c in row.candidates if c["reproduces"]}
        assert "2018-03-31" in reproducing and "2017-12-31" not in reproducing
        assert row.public_on_document_date is False and row.published == "2018-07-19"
    force5 = {(c["period_end"], c["source"]): c["measured"] for c in by_id.loc["force-5", "candidates"]}
    assert round(force5[("2017-12-31", "rec-crime-pfa")], 1) == 9.5
    national = by_id.loc["national-12"]
    candidates = {(c["period_end"], c["source"], c["comparator"]): c["measured"] for c in national.candidates}
    assert round(candidates[("2018-03-31", "ons-pfa-tables", "england_and_wales")], 1) == 12.9
    assert round(candidates[("2018-03-31", "ons-pfa-tables", "sum_of_forces")], 1) == 12.8
    assert round(candidates[("2018-03-31", "ons-pfa-tables", "median_force")], 1) == 11.6
    assert round(candidates[("2017-12-31", "rec-crime-pfa", "england_and_wales")], 1) == 15.3
    assert round(by_id.loc["force-5", "measured"], 1) == 4.2
    # the national headline is ONS's published England and Wales figure, the other meanings beside it
    assert by_id.loc["national-12", "comparator"] == "england_and_wales"
    assert round(by_id.loc["national-12", "measured"], 1) == 12.9
    # burglary: residential not comparable, total burglary's fall stated
    assert "-4.2%" in by_id.loc["burglary", "reason"] and "Only total burglary" in by_id.loc["burglary", "reason"]
    # vehicle: rose, but earlier years' changes are set against it
    vehicle = by_id.loc["vehicle", "evidence"]
    assert vehicle["direction_ok"] and not vehicle["far_less"]
    assert [round(p["change_pct"], 1) for p in vehicle["previous_years"]] == [-9.3, -5.5, 5.4]
    assert round(by_id.loc["robbery", "measured"], 1) == -5.3
    # prevention: not testable causally; the Warwickshire contrast is shown
    prevention = by_id.loc["prevention"]
    assert "Warwickshire" in prevention.reason
    assert round(prevention.evidence["alliance_partner"]["change_pct"], 1) == 10.8
    assert prevention.evidence["rank"] == 5
    assert by_id.loc["peel-soc", "measured"] == "Inadequate"
    assert evaluation.latest_public_period == "2017-12-31"


@pytest.mark.realdata
def test_claims_cli(real_data, capsys, monkeypatch):
    monkeypatch.setenv("PEELSTATS_DATA_DIR", str(real_data.folder.parent))
    assert cli.main(["claims", "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 10 and all(set(r) >= REQUIRED for r in records)
    assert cli.main(["claims", "--list", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["name"] == "west-mercia-2018-06-04"
    assert cli.main(["claims", "no-such-file"]) == 2
