"""Real sentences from press coverage of the official figures (shared/claims/press-examples.md), written as claim
files in tests/claims/ and evaluated on the published files through the mirror.

Each expected verdict was derived from the data and is explained beside it. All of these periods predate the
ONS editions in the data, so every figure comes from the long series (rec-crime-pfa, the December 2018 vintage):
the figures public on the article's date may differ by later revision, and each reason says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from peelstats.claims import evaluate

pytestmark = pytest.mark.realdata
CLAIMS = Path(__file__).parent / "claims"
S, P, N, NT = "supported", "partly supported", "not supported", "not testable with these data"


def verdicts(real_data, name: str) -> dict[str, dict]:
    return {r["id"]: r for r in evaluate(CLAIMS / f"{name}.yaml", data=real_data).records()}


def test_itv_tyne_tees_2017(real_data):
    out = verdicts(real_data, "itv-tyne-tees-2017-07-20")
    expected = {
        # England and Wales including fraud (forces, BTP, Action Fraud, CIFAS, UK Finance): 4,976,852 in YE Mar 2017,
        # "nearly five million"; excluding fraud it was only 4.3 million, so 2017's "crimes recorded" included fraud.
        "ew-count": S,
        # the same total rose 10.4% (4,509,604 to 4,976,852): "a 10% rise"
        "ew-change": S,
        # Northumbria +32.5% and Durham +28.1% are the two largest rises of the 43 forces (Cheshire next, +25.3%)
        "highest-rises": S,
        # Northumbria: +30,482 (93,758 to 124,240): "more than 30,000 more crimes"
        "northumbria-30000": S,
        # Durham: +10,203 (36,339 to 46,542): "a rise by more than 10,000"
        "durham-10000": S,
        # Cleveland: exactly 50,901 in YE Mar 2017, up 5.7% from 48,150: "6%"
        "cleveland-count": S, "cleveland-change": S,
        # of Northumbria, Durham, Cleveland and North Yorkshire (ITV Tyne Tees' patch), only North Yorkshire fell
        "north-yorkshire-only": S,
        # +467,248 including fraud in this vintage against the quoted 458,021: 2.0% apart, beyond the 1% tolerance for
        # an exact count but within the 10% partly-supported band (excluding fraud the rise is 434,038)
        "ew-458021": P,
        # offence groups, each within 1 pp: violence +51.5%, robbery +38.9%, sexual offences +25.7% (Northumbria);
        # violence +54.5%, robbery +40.3% (Durham); violence +17.5%, robbery +8.3%, sexual +2.0% (Cleveland)
        "northumbria-violence": S, "northumbria-robbery": S, "northumbria-sexual": S, "durham-violence": S,
        "durham-robbery": S, "cleveland-violence": S, "cleveland-robbery": S, "cleveland-sexual": S,
        # Durham sexual offences rose 17.9% (1,124 to 1,325) in this vintage, not 21%: 3.1 pp off, beyond the 3 pp
        # partly-supported band (probably revised after July 2017; the reason names the vintage)
        "durham-sexual": N,
    }
    assert {k: v["verdict"] for k, v in out.items()} == expected
    assert out["ew-count"]["measured"] == 4_976_852 and out["cleveland-count"]["measured"] == 50_901
    assert "may differ by later revision" in out["cleveland-count"]["reason"]


def test_south_wales_argus_july_2012(real_data):
    out = verdicts(real_data, "south-wales-argus-2012-07")
    # In 2012 "total recorded crime" included fraud recorded by forces. Gwent, YE Mar 2012: 45,593 to 38,879
    # (-6,714, -14.7%), the largest fall of the 43 forces; Thames Valley second (-13.1%), West Midlands third
    # (-10.1%); Gwent drug offences +21.4%. Every figure in the article is reproduced exactly.
    assert {k: v["verdict"] for k, v in out.items()} == {k: S for k in out}
    assert out["fewer-crimes"]["measured"] == -6_714
    assert out["count-2011"]["measured"] == 45_593 and out["count-2012"]["measured"] == 38_879


def test_south_wales_argus_october_2012(real_data):
    out = verdicts(real_data, "south-wales-argus-2012-10")
    # Gwent, YE Jun 2012: 44,294 to 36,499 (-17.6%, "18 per cent"), the largest fall; drug offences +19.0%, second
    # only to Dyfed-Powys (+21.1%): "the second highest of the 43 police forces"
    assert {k: v["verdict"] for k, v in out.items()} == {k: S for k in out}


def test_ipswich_star_2014(real_data):
    out = verdicts(real_data, "ipswich-star-2014-07")
    expected = {k: S for k in out}
    # Suffolk including fraud fell 8.9%, but in this vintage the Metropolitan Police (-9.3%) also fell further:
    # Suffolk is third, not "second only to Northamptonshire" (-13.0%, first) - one place off, so partly supported
    expected["second-only"] = P
    # the other figures: domestic burglary -24.4%, robbery -17.3%, drugs +6.4%, bicycle theft +4.3%, Essex -0.8%,
    # Cambridgeshire -5.3%, Northamptonshire -13.0%; Norfolk -0.3%, within the 0.5% that rounds to "did not change"
    assert {k: v["verdict"] for k, v in out.items()} == expected
    assert "Metropolitan Police" in out["second-only"]["reason"]


def test_heart_norfolk_2013(real_data):
    out = verdicts(real_data, "heart-norfolk-2013-07-18")
    expected = {
        # YE Mar 2013 (published that day): Norfolk -9.4% and Suffolk -12.3% against England and Wales -9.1%, all
        # including fraud as the article's own figures are (the national total as explained below)
        "norfolk-faster": S, "suffolk-faster": S,
        "suffolk-12-4": S, "norfolk-9-4": S, "norfolk-2011-12": S, "norfolk-2012-13": S,
        # England and Wales including fraud: while forces still recorded fraud themselves (to 2013) the national
        # total is theirs plus BTP, which fell 9.1% (3,976,349 to 3,615,657) and reproduces "9%"; adding the
        # national fraud bodies' still-growing counts would give -7.2% (docs/assumptions.md A50)
        "national-9": S,
    }
    assert {k: v["verdict"] for k, v in out.items()} == expected
    assert "Sum of territorial forces -9.2% (also reproduces the quote)" in out["national-9"]["reason"]


def test_npcc_2017_and_a_half_year_that_cannot_be_tested(real_data):
    npcc = verdicts(real_data, "npcc-2017-10-19")["rise-13"]
    # YE Jun 2017 was published that day. ONS's headline then was all police recorded crime, fraud included (5.2
    # million offences): in the December 2018 vintage England and Wales including fraud rose 12.8%, within 1 pp of
    # "13 per cent". Excluding fraud it rose 14.2% (the file's comment says so), which would be partly supported.
    assert npcc["verdict"] == S and npcc["period_end"] == "2017-06-30" and npcc["public_on_document_date"] is True
    assert round(npcc["measured"], 1) == 12.8
    half = verdicts(real_data, "ipswich-star-2008")["half-year"]
    assert half["verdict"] == NT and "rolling 12-month totals" in half["reason"]


def test_the_stated_period_and_the_greater_manchester_gap_on_real_editions(real_data, tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("""schema: peelstats-claims/2
document: {id: t, title: t, author: t, date: 2020-02-01, force: Warwickshire}
claims:
  - {id: warks, quote: q, kind: change, offence: total, quoted_value: 1, period: {end: 2019-03-31}}
  - {id: national, quote: q, kind: change, subject: national, offence: total, quoted_value: 5,
     period: {end: 2019-09-30}}
  - {id: gmp, quote: q, kind: change, subject: Greater Manchester, offence: total, quoted_value: 5,
     period: {end: 2019-09-30}}
""")
    out = {r["id"]: r for r in evaluate(path, data=real_data).records()}
    # Warwickshire YE Mar 2019 in the ONS edition: +1.3% (41,411 to 41,962)
    assert out["warks"]["verdict"] == S and out["warks"]["source"] == "ons-pfa-tables"
    # ONS's published England and Wales +5.3% leaves Greater Manchester out of both years, and says why
    assert out["national"]["verdict"] == S and round(out["national"]["measured"], 1) == 5.3
    assert "leaves out Greater Manchester in both years" in out["national"]["reason"]
    assert out["gmp"]["verdict"] == NT and "supplied no data for July 2019 to December 2019" in out["gmp"]["reason"]


def test_national_total_including_fraud_during_the_transfer(real_data):
    # Regression: adding the national fraud bodies' counts as they first appear (YE Jun 2011 on) turned a national
    # fall into a 5.5% rise for the year ending March 2012 (4,150,916 to 4,379,984). While forces still recorded
    # fraud the national total is theirs plus BTP: 4,150,916 to 3,976,349, -4.2%.
    from peelstats.analysis.figures import figures
    from peelstats.reference.geography import national

    during = figures(real_data, "total recorded crime including fraud", "2012-03-31", source="rec-crime-pfa")
    measure = during.measure(national())
    assert (measure.baseline_count, measure.count) == (4_150_916, 3_976_349)
    assert round(measure.change_pct, 1) == -4.2
    # after the transfer the bodies count on both sides: YE Mar 2016 against YE Mar 2015
    after = figures(real_data, "total recorded crime including fraud", "2016-03-31", source="rec-crime-pfa")
    bodies = sum(after.current[after.panel.column(c)] for c in ("X-ACTIONFRAUD", "X-CIFAS", "X-UKFINANCE"))
    assert bodies > 500_000
    assert after.measure(national()).count == (after.measure(national(with_btp=False)).count
                                               + after.current[after.panel.column("X-BTP")] + bodies)
