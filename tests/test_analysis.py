"""compare / trend / league / vintages on a synthetic in-memory dataset (no mirror needed)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from synthetic import dataset

from peelstats.analysis.comparison import compare
from peelstats.analysis.league_table import league
from peelstats.analysis.trends import trend
from peelstats.errors import PeelstatsError, PeriodNotAvailableError, UnknownForceError, UnknownOffenceError
from peelstats.reference import offences as off

REQUIRED_KEYS = {"force", "force_code", "offence", "period_end", "baseline_end", "force_count",
                 "force_baseline_count", "force_change_pct", "england_and_wales_change_pct",
                 "sum_of_forces_change_pct", "rest_of_england_and_wales_change_pct", "mean_force_change_pct",
                 "median_force_change_pct", "rank", "n_forces", "comparable", "breaks", "source", "edition"}


@pytest.fixture(scope="module")
def data():
    return dataset()


def test_compare_comparators(data):
    result = compare("west-mercia", "robbery", "2018-03-31", data=data)
    assert result.source == "rec-crime-pfa"
    assert result.force_count == 552 and result.force_baseline_count == 583
    assert result.force_change_pct == pytest.approx((552 / 583 - 1) * 100)
    # the long series has no national row: E&W = 43 forces + BTP, and the sum of forces, need every force (missing
    # is never zero), so with 39 forces missing for no registered reason neither is given, and the table says why
    assert result.england_and_wales_change_pct is None and result.rest_of_england_and_wales_change_pct is None
    assert result.sum_of_forces_change_pct is None
    assert "cannot be summed from its forces" in result.comparator("Sum of territorial forces").definition
    assert any("No figures for 39 forces" in c for c in result.caveats)
    # City of London's base (40) is under 50: no % change, left out of the ranking
    assert result.n_forces == 3 and result.rank == 1
    assert any("City of London: base under 50" in c for c in result.caveats)
    assert result.median_force_change_pct == pytest.approx((260 / 220 - 1) * 100)
    assert [p["force"] for p in result.alliance_partners] == ["Warwickshire"]
    # Staffordshire is not in this small world: the West Midlands region is not summed without it
    assert result.region["name"] == "West Midlands" and result.region["change_pct"] is None
    payload = json.loads(result.to_json())
    assert set(payload) >= REQUIRED_KEYS
    assert payload["comparable"] is True and payload["breaks"] == []
    assert "<table" in result._repr_html_() and "West Mercia" in str(result)


def test_suppressed_force_shows_counts_not_change(data):
    result = compare("City of London", "robbery", "2018-03-31", data=data)
    assert result.suppressed and result.force_change_pct is None
    assert (result.force_count, result.force_baseline_count) == (45, 40)


def test_series_break_is_not_compared_silently(data):
    result = compare("west mercia", "residential burglary", "2018-03-31", data=data)
    assert not result.comparable and result.force_change_pct is None
    assert result.breaks[0]["id"] == "burglary-residential-2017"
    assert result.extra["baseline_offence"] == off.DOMESTIC_BURGLARY and result.force_baseline_count == 4800
    assert all(c.change_pct is None for c in result.comparators)
    alt = result.alternative
    assert alt.offence == off.BURGLARY and alt.comparable
    assert alt.force_change_pct == pytest.approx(((5668 + 2345) / 7800 - 1) * 100)
    assert "NOT COMPARABLE" in result.headline()


def test_bad_input_errors(data):
    with pytest.raises(UnknownForceError, match="West Mercia"):
        compare("west mercian", data=data)
    with pytest.raises(UnknownOffenceError, match="Valid offences"):
        compare("west mercia", "littering", data=data)
    with pytest.raises(PeriodNotAvailableError, match="YE Mar 2016, YE Mar 2017, YE Mar 2018"):
        compare("west mercia", "robbery", "2019-03-31", data=data)
    with pytest.raises(PeelstatsError, match="must be before"):
        compare("west mercia", "robbery", "2017-03-31", "2018-03-31", data=data)
    with pytest.raises(PeelstatsError, match="not a territorial force"):
        compare("btp", "robbery", data=data)


def test_two_year_baseline(data):
    result = compare("west mercia", "robbery", "2018-03-31", "2016-03-31", data=data)
    assert result.force_change_pct == pytest.approx((552 / 600 - 1) * 100)
    assert result.baseline_edition == result.edition


def test_trend_and_league(data):
    frame = trend("west mercia", "robbery", data=data).table
    assert list(frame.period_end.dt.year) == [2017, 2018]
    assert frame.force_change_pct.tolist() == pytest.approx([(583 / 600 - 1) * 100, (552 / 583 - 1) * 100])
    assert frame.comparable.all()
    burglary = trend("west mercia", "residential burglary", data=data).table
    assert not burglary.set_index(burglary.period_end.dt.year).loc[2018, "comparable"]
    result = league("robbery", "2018-03-31", data=data)
    table = result.table
    assert len(result) == 43 and result.source == "rec-crime-pfa"
    top = table.iloc[0]
    assert top.force == "West Mercia" and top["rank"] == 1
    assert top.rate_per_1000 == pytest.approx(552 / 1_270_000 * 1000) and top.population_mid_year == 2017
    assert table.set_index("force").loc["City of London", "suppressed"]
    assert np.isnan(table.set_index("force").loc["Kent", "count"])  # missing stays missing


def test_to_dict_is_json_ready_with_whole_counts(data):
    """Regression (new-user trial): league().to_dict() and vintages().to_dict() held pandas Timestamps (json.dumps
    failed), and compare().to_dict() gave counts as floats (19485.0) where to_json gave 19485."""
    from peelstats.analysis.revisions import vintages

    results = [compare("west mercia", "robbery", "2018-03-31", data=data), league("robbery", "2018-03-31", data=data),
               trend("west mercia", "robbery", data=data), vintages("west mercia", "robbery", "2018-03-31", data=data)]
    for result in results:
        assert json.loads(json.dumps(result.to_dict())) == result.to_dict()
    assert results[0].to_dict()["force_count"] == 552 and isinstance(results[0].to_dict()["force_count"], int)
    assert isinstance(results[1].to_dict()["rows"][0]["rank"], int)
    assert isinstance(results[1].to_dict()["period_end"], str)
