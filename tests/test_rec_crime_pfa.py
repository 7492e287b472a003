"""The long-series parser (rec-crime-pfa.csv layout) on CSVs written in code."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import FILLER, rec_crime_csv

from peelstats.errors import LayoutError
from peelstats.ingest.sources import rec_crime_pfa
from peelstats.reference import offences as off


def parse(path):
    return rec_crime_pfa.parse(path, rec_crime_pfa.files()[0])["counts"]


ROWS = [
    "31-12-2016,West Mercia,West Midlands,Robbery,600",
    "30-12-2017,West Mercia,West Midlands,Robbery,560",
    "30-12-2017,West Mercia,West Midlands,Domestic burglary,1000",
    "30-12-2017,West Mercia,West Midlands,Residential burglary,3000",
    "31-03-2007,Cheshire,North West,Death or serious injury caused by illegal driving,-2",
    "31-12-2017,City of London,London,Robbery,7",
    "31-12-2017,British Transport Police,British Transport Police,Robbery,300",
    "31-12-2017,Action Fraud,Fraud: Action Fraud,Action Fraud,250000",
]


def test_dates_snapped_fraud_bodies_and_negatives(tmp_path):
    counts = parse(rec_crime_csv(tmp_path / "r.csv", ROWS))
    assert len(counts[counts["count"] != FILLER]) == len(ROWS)  # nothing dropped, nothing invented
    wm = counts[(counts.geography_code == "E23000016") & (counts["count"] != FILLER)]
    assert sorted(wm.period_end.unique()) == [pd.Timestamp("2016-12-31"), pd.Timestamp("2017-12-31")]
    assert (wm.period_kind == "rolling_12_months").all()
    assert wm[wm.period_end == pd.Timestamp("2017-12-31")].period_start.iloc[0] == pd.Timestamp("2017-01-01")
    cheshire = counts[counts.geography_code == "E23000006"].iloc[0]
    assert cheshire["count"] == -2 and bool(cheshire.negative)
    assert cheshire.offence == off.DEATH_BY_DRIVING
    fraud = counts[counts.geography_name == "Action Fraud"].iloc[0]
    assert fraud.offence == off.FRAUD and fraud.geography_level == "non_territorial"
    btp = counts[counts.geography_code == "X-BTP"].iloc[0]
    assert btp.geography_level == "non_territorial"
    assert counts[counts.geography_name == "City of London"].geography_code.iloc[0] == "E23000034"


def test_missing_rows_stay_missing(tmp_path):
    counts = parse(rec_crime_csv(tmp_path / "r.csv", ROWS[:2]))
    assert set(counts.offence) == {off.ROBBERY}  # no zero rows for offences the file does not hold


def test_changed_columns_named(tmp_path):
    header = "12 months ending,Force,Region,Offence,Rolling year total number of offences"
    with pytest.raises(LayoutError, match=r"r\.csv: expected columns \['PFA'\] not found"):
        parse(rec_crime_csv(tmp_path / "r.csv", ROWS[:1], header=header, whole=False))


@pytest.mark.parametrize("row, message", [
    ("2017/12/31,West Mercia,West Midlands,Robbery,5", "'12 months ending', data row 1"),
    ("31-12-2017,West Mercia,West Midlands,Robbery,five", "'Rolling year total number of offences', data row 1"),
    ("31-12-2017,West Mercian,West Midlands,Robbery,5", "unknown force 'West Mercian'"),
    ("31-12-2017,West Mercia,West Midlands,Littering,5", "unknown offence 'Littering'"),
])
def test_bad_values_named(tmp_path, row, message):
    with pytest.raises(LayoutError, match=message):
        parse(rec_crime_csv(tmp_path / "r.csv", [row], whole=False))


# ------------------------------------------------------------------ an incomplete file is refused, never built


def _lines(path):
    return path.read_text().splitlines()


def test_a_force_missing_from_a_period_is_refused(tmp_path):
    whole = rec_crime_csv(tmp_path / "r.csv", ROWS)
    whole.write_text("\n".join(line for line in _lines(whole) if ",Kent," not in line or "31-12-2016" not in line))
    with pytest.raises(LayoutError, match="year ending December 2016 has no rows for Kent"):
        parse(whole)


def test_a_force_short_of_offences_is_refused(tmp_path):
    whole = rec_crime_csv(tmp_path / "r.csv", ROWS)
    whole.write_text("\n".join(line for line in _lines(whole)
                                if not (line.startswith("30-12-2017,Kent,") and "Domestic burglary" in line)))
    with pytest.raises(LayoutError, match="Kent lacks offences the other forces have"):
        parse(whole)


def test_a_file_cut_at_a_period_boundary_is_refused(tmp_path):
    whole = rec_crime_csv(tmp_path / "r.csv", ROWS)
    whole.write_text("\n".join(line for line in _lines(whole) if "-2018," not in line))
    with pytest.raises(LayoutError, match="ends at year ending December 2017, but this edition runs to year ending "
                                          "December 2018"):
        parse(whole)


@pytest.mark.parametrize("row, message", [
    ("31-12-2016,West Mercia,West Midlands,Robbery,", "data row 3: blank is not a number"),
    ("31-12-2016,,West Midlands,Robbery,5", "column 'PFA', data row 3 is blank"),
    ("31-12-2016,West Mercia,West Midlands,Robbery,600", "repeat another row"),
])
def test_blank_and_doubled_rows_are_refused(tmp_path, row, message):
    with pytest.raises(LayoutError, match=message):
        parse(rec_crime_csv(tmp_path / "r.csv", [*ROWS[:2], row], whole=False))
