"""The comparisons the letter depends on, from the real published files (mirror)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from peelstats.analysis.comparison import compare
from peelstats.analysis.league_table import league
from peelstats.analysis.revisions import cross_check, vintages
from peelstats.analysis.trends import trend
from peelstats.reference import offences as off

pytestmark = pytest.mark.realdata
MAR18 = "2018-03-31"


def test_total_recorded_crime_year_ending_march_2018(real_data):
    result = compare("west mercia", period_end=MAR18, data=real_data)
    assert result.source == "ons-pfa-tables" and result.edition.startswith("YE Mar 2018")
    assert (result.force_count, result.force_baseline_count) == (84_342, 80_936)
    assert round(result.force_change_pct, 1) == 4.2
    assert round(result.england_and_wales_change_pct, 1) == 12.9
    assert round(result.sum_of_forces_change_pct, 1) == 12.8
    assert round(result.rest_of_england_and_wales_change_pct, 1) == 13.0
    assert round(result.mean_force_change_pct, 1) == 13.0
    assert round(result.median_force_change_pct, 1) == 11.6
    assert (result.rank, result.n_forces) == (5, 43)
    assert result.comparable and result.breaks == []
    assert result.published_force_change_pct == pytest.approx(result.force_change_pct)
    assert [p["force"] for p in result.alliance_partners] == ["Warwickshire"]
    assert round(result.alliance_partners[0]["change_pct"], 1) == 10.8
    assert len(result.similar_forces) == 5 and "mid-2016" in result.similar_method


@pytest.mark.parametrize("offence, expected", [("robbery", -5.3), ("burglary", -4.2), ("vehicle crime", 5.1)])
def test_offence_changes(real_data, offence, expected):
    result = compare("west mercia", offence, MAR18, data=real_data)
    assert result.comparable and round(result.force_change_pct, 1) == expected


def test_residential_burglary_not_comparable(real_data):
    result = compare("west mercia", "residential burglary", MAR18, data=real_data)
    assert not result.comparable and result.force_change_pct is None
    assert result.force_count == 5_668
    assert result.breaks[0]["id"] == "burglary-residential-2017"
    assert result.alternative.offence == off.BURGLARY and round(result.alternative.force_change_pct, 1) == -4.2


def test_december_2017_gives_different_figures(real_data):
    result = compare("west mercia", period_end="2017-12-31", data=real_data)
    assert result.source == "rec-crime-pfa"
    assert round(result.force_change_pct, 1) == 9.5 and round(result.england_and_wales_change_pct, 1) == 15.3


def test_trend_vehicle_offences_previous_years(real_data):
    frame = trend("west mercia", "vehicle offences", period_end=MAR18, data=real_data).table
    assert frame.period_end.dt.month.eq(3).all() and frame.period_end.min() == pd.Timestamp("2004-03-31")
    last_two = frame.set_index(frame.period_end.dt.year).force_change_pct.loc[[2017, 2018]].round(1).tolist()
    assert last_two == [5.4, 5.1]
    assert frame.comparable.all()
    burglary = trend("west mercia", "residential burglary", period_end=MAR18, data=real_data).table
    assert not burglary.set_index(burglary.period_end.dt.year).loc[2018, "comparable"]


def test_trend_extends_long_series_with_ons_editions(real_data):
    frame = trend("west mercia", every="quarter", data=real_data).table
    assert frame.period_end.max() == pd.Timestamp("2019-12-31")
    assert set(frame[frame.period_end > pd.Timestamp("2018-12-31")].source) == {"ons-pfa-tables"}


def test_league_and_rates(real_data):
    result = league(period_end=MAR18, data=real_data)
    table = result.table
    assert len(table) == 43 and table["rank"].tolist() == list(range(1, 44))
    wm = table.set_index("force").loc["West Mercia"]
    assert wm["rank"] == 5 and wm.population_mid_year == 2016
    published = real_data.rates
    published_rate = published[(published.edition == result.edition) & (published.geography_code == "E23000016")
                               & (published.offence == off.TOTAL)].rate_per_1000.iloc[0]
    assert wm.rate_per_1000 == pytest.approx(published_rate, rel=1e-3)  # ONS's own denominator


def test_vintages_show_revision(real_data):
    frame = vintages("west mercia", period_end=MAR18, data=real_data).table
    first, latest = frame.iloc[0], frame.iloc[-1]
    assert first.edition.startswith("YE Mar 2018") and first.force_count == 84_342
    assert latest.force_count == 84_350 and latest.force_count_revision == 8
    assert set(frame.source) == {"ons-pfa-tables", "rec-crime-pfa", "prc-open-data"}


def test_cross_check_reproduces_published_changes(real_data):
    """Every force's P2 total change in YE Mar 2018, recomputed from counts (baseline: the later long series).

    Tolerance found: 34 of 43 forces reproduce exactly; the other nine differ only because their YE Mar 2017
    baselines were revised between the July 2018 edition and the December 2018 long series: all within 0.65
    percentage points except Avon and Somerset (2.2 pp), whose ~2% administrative-error revision ONS footnotes.
    """
    frame = cross_check(MAR18, data=real_data).table
    total = frame[frame.offence == off.TOTAL].set_index("force")
    assert len(total) == 43 and total.difference_pp.notna().all()
    exact = total.difference_pp.abs() < 1e-9
    assert exact.sum() >= 34
    assert total.drop("Avon and Somerset").difference_pp.abs().max() < 0.65
    assert abs(total.loc["Avon and Somerset", "difference_pp"]) < 2.3
    notes = real_data.footnotes
    assert notes.text.str.contains("Avon and Somerset previously unaccounted").any()


def test_gmp_gap_2019(real_data):
    result = compare("west mercia", period_end="2019-12-31", data=real_data)
    assert result.n_forces == 42 and any("Greater Manchester" in c for c in result.caveats)
    gmp = compare("greater manchester", period_end="2019-12-31", data=real_data)
    assert gmp.force_change_pct is None and gmp.force_count is None
    assert any("supplied no data for July 2019 to December 2019" in c for c in gmp.caveats)
    assert "Rank None" not in gmp.headline() and "Not ranked" in gmp.headline()
    assert np.isfinite(result.england_and_wales_change_pct)


def test_across_editions_the_totals_cover_the_same_forces(real_data):
    """Regression: YE Jun 2025 against YE Dec 2019 set a total including Greater Manchester against ONS's total that
    left it out (GMP supplied no data for July to December 2019), and the sum of forces counted 43 against 42."""
    result = compare("west mercia", period_end="2025-06-30", baseline="2019-12-31", data=real_data)
    ew = result.comparator("England and Wales (incl. BTP)")
    counts = real_data.counts
    gmp_2025 = int(counts[(counts.period_end == pd.Timestamp("2025-06-30")) & (counts.geography_code == "E23000005")
                          & (counts.offence == off.TOTAL)]["count"].iloc[0])
    assert ew.count == 5_287_312 - gmp_2025 and ew.baseline_count == 5_013_284  # ONS's YE Dec 2019 total, no GMP
    summed = result.comparator("Sum of territorial forces")
    assert "42 territorial forces" in summed.definition
    assert summed.change_pct == pytest.approx((summed.count / summed.baseline_count - 1) * 100)
    assert any("Greater Manchester has a figure in one year only" in c for c in result.caveats)
    table = league(period_end="2025-06-30", baseline="2019-06-30", data=real_data)
    assert "the baseline comes from another edition (YE Jun 2019)" in table.note


def test_revisions_say_when_the_first_published_figure_is_not_held(real_data):
    """YE Sep 2017 was first published on 25 January 2018, in an edition the data do not hold; the oldest figure
    held is the baseline of the YE Sep 2018 edition, so "revised by" is measured from that, and says so."""

    later = vintages("Lancashire", period_end="2017-09-30", data=real_data)
    assert not later.first_held and later.first_published == "2018-01-25"
    assert "not in the data" in later.revised_from()
    first = vintages("West Mercia", period_end="2018-03-31", data=real_data)
    assert first.first_held and first.revised_from() == "the first published figure"
