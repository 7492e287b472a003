"""Published figures, read from the real files through PEELSTATS_MIRROR (see conftest.real_data)."""

from __future__ import annotations

import pandas as pd
import pytest

from peelstats.ingest.sources import ons_editions
from peelstats.reference import offences as off

pytestmark = pytest.mark.realdata

WM, WARKS, EW, GMP, BTP = "E23000016", "E23000017", "K04000001", "E23000005", "X-BTP"
MAR18 = "YE Mar 2018 (v2, North Wales revised)"


def ons_count(data, code, offence=off.TOTAL, edition=MAR18):
    c = data.counts
    rows = c[(c.source == "ons-pfa-tables") & (c.edition == edition) & (c.geography_code == code)
             & (c.offence == offence)]
    assert len(rows) == 1
    return int(rows["count"].iloc[0])


def leaf_total(frame, offence=off.TOTAL):
    return int(frame[frame.offence.isin(off.leaves_of(offence))]["count"].sum())


def test_every_registered_edition_parsed(real_data):
    editions = set(real_data.counts[real_data.counts.source == "ons-pfa-tables"].edition)
    workbooks = {e.label for e in ons_editions.core()}
    exports = {e.label for e in ons_editions.registered() if e.format == "csv"}
    assert editions == workbooks | exports
    for table in ("published_change", "rates"):  # the YE Jun 2025 sheet exports hold counts only
        assert set(getattr(real_data, table).edition) == workbooks


def test_ons_p1_year_ending_march_2018(real_data):
    assert ons_count(real_data, WM) == 84_342
    assert ons_count(real_data, EW) == 4_876_282
    assert ons_count(real_data, WM, off.ROBBERY) == 552
    assert ons_count(real_data, WM, off.BURGLARY) == 8_013
    assert ons_count(real_data, WM, off.RESIDENTIAL_BURGLARY) == 5_668
    assert ons_count(real_data, WM, off.NON_RESIDENTIAL_BURGLARY) == 2_345
    assert ons_count(real_data, WM, off.VEHICLE) == 6_008
    assert ons_count(real_data, BTP) == 59_785


def test_england_and_wales_includes_btp(real_data):
    c = real_data.counts
    forces = c[(c.source == "ons-pfa-tables") & (c.edition == MAR18) & (c.offence == off.TOTAL)
               & (c.geography_level == "force")]
    assert len(forces) == 43
    assert int(forces["count"].sum()) + ons_count(real_data, BTP) == ons_count(real_data, EW)


def test_ons_p2_published_changes(real_data):
    pc = real_data.published_change
    mar18 = pc[(pc.edition == MAR18)]

    def change(code, offence=off.TOTAL):
        row = mar18[(mar18.geography_code == code) & (mar18.offence == offence)]
        return row.iloc[0]

    assert round(change(WM).change_pct, 1) == 4.2
    assert round(change(EW).change_pct, 1) == 12.9
    assert round(change(WM, off.ROBBERY).change_pct, 1) == -5.3
    assert round(change(WM, off.BURGLARY).change_pct, 1) == -4.2
    assert round(change(WM, off.VEHICLE).change_pct, 1) == 5.1
    residential = change(WM, off.RESIDENTIAL_BURGLARY)
    assert pd.isna(residential.change_pct) and residential.marker == "-"
    assert (mar18.baseline_end == pd.Timestamp("2017-03-31")).all()
    forces = mar18[(mar18.geography_level == "force") & (mar18.offence == off.TOTAL)]
    assert round(forces.change_pct.mean(), 1) == 13.0 and round(forces.change_pct.median(), 1) == 11.6


def test_rec_crime_pfa_long_series(real_data):
    c = real_data.counts
    wm = c[(c.source == "rec-crime-pfa") & (c.geography_code == WM)]
    by_period = {end: leaf_total(rows) for end, rows in wm.groupby("period_end")}
    assert by_period[pd.Timestamp("2018-03-31")] == 84_350
    assert by_period[pd.Timestamp("2017-03-31")] == 80_936
    assert pd.Timestamp("2017-12-31") in by_period  # the 30-12-2017 label snapped to the quarter end
    assert min(by_period) == pd.Timestamp("2003-03-31") and max(by_period) == pd.Timestamp("2018-12-31")
    sep17 = wm[wm.period_end == pd.Timestamp("2017-09-30")]
    parts = sep17.set_index("offence")["count"]
    assert parts[off.DOMESTIC_BURGLARY] == 1_644 and parts[off.RESIDENTIAL_BURGLARY] == 2_831
    assert (c[c.source == "rec-crime-pfa"]["count"] < 0).sum() == 25
    assert c[(c.source == "rec-crime-pfa") & (c["count"] < 0)].negative.all()


def test_home_office_open_data_2017_18(real_data):
    c = real_data.counts
    prc = c[c.source == "prc-open-data"]
    wm = prc[prc.geography_code == WM]
    assert sorted(wm.period_end.unique()) == [pd.Timestamp(d) for d in
                                              ("2017-06-30", "2017-09-30", "2017-12-31", "2018-03-31")]
    assert leaf_total(wm) == 84_350
    forces = prc[prc.geography_level == "force"]
    assert leaf_total(forces) == 4_821_452
    assert leaf_total(wm, off.VEHICLE) == 6_007 and leaf_total(wm, off.ROBBERY) == 550
    assert leaf_total(wm, off.RESIDENTIAL_BURGLARY) == 5_670
    assert (prc["count"] < 0).sum() == 36
    assert set(prc[prc.geography_level == "non_territorial"].geography_name) == {
        "British Transport Police", "Action Fraud", "CIFAS", "UK Finance"}


def test_gmp_gap_is_missing_not_zero(real_data):
    c, na = real_data.counts, real_data.not_available
    for edition in ("YE Sep 2019", "YE Dec 2019"):
        assert c[(c.edition == edition) & (c.geography_code == GMP)].empty
        assert not na[(na.edition == edition) & (na.geography_code == GMP) & (na.offence == off.TOTAL)].empty
    pop = real_data.population
    ew = pop[(pop.edition == "YE Sep 2019") & (pop.geography_code == EW)].iloc[0]
    assert ew.population == 56_303_200 and "excludes Greater Manchester" in ew.note


def test_population(real_data):
    pop = real_data.population
    wm = pop[pop.geography_code == WM]
    assert set(wm[wm.edition == MAR18].mid_year) >= set(range(2002, 2017))
    assert wm[(wm.edition == MAR18) & (wm.mid_year == 2016)].population.unique().tolist() == [1_261_100]
    assert wm[wm.mid_year == 2018].population.unique().tolist() == [1_282_200]
    # Home Office, thousands -> persons; ONS P9 holds the post-2011-census revision of the same year
    assert wm[(wm.source == "population") & (wm.mid_year == 2010)].population.tolist() == [1_192_700]
    assert wm[(wm.edition == MAR18) & (wm.mid_year == 2010)].population.tolist() == [1_217_100]
    rates = real_data.rates
    assert rates[rates.edition == MAR18].population_mid_year.unique().tolist() == [2016]


def test_city_of_london_one_code_everywhere(real_data):
    names = real_data.counts[real_data.counts.geography_code == "E23000034"].geography_name.unique().tolist()
    assert names == ["City of London"]
    assert set(real_data.counts.source[real_data.counts.geography_code == "E23000034"]) == {
        "ons-pfa-tables", "rec-crime-pfa", "prc-open-data"}


def test_manifest_checksums_match_published_files(real_data):
    from peelstats.ingest.sources import REGISTRY
    known = {f.filename: f.known_sha256 for s in REGISTRY.values() for f in s.files()}
    required = {f.filename for s in REGISTRY.values() for f in s.files() if f.required}
    inputs = real_data.build_info["signature"]["inputs"]
    assert {key.split("/", 1)[1] for key in inputs} == required  # the mirror holds every required file
    for key, sha in inputs.items():
        assert known[key.split("/", 1)[1]] == sha


def test_every_edition_holds_all_43_forces_in_every_table(real_data):
    """Regression: P2 of YE Jun 2018 and YE Mar 2019 glue footnote digits to three area codes
    (South Yorkshire 'E230000118', Norfolk 'E230000246', Suffolk 'E230000257'); they were dropped."""
    for table in ("counts", "published_change", "rates"):
        frame = getattr(real_data, table)
        frame = frame[(frame.source == "ons-pfa-tables") & (frame.geography_level == "force")]
        per_edition = frame.groupby("edition", observed=True).geography_code.nunique()
        assert (per_edition == 43).all() or table == "counts", (table, per_edition.to_dict())
    change = real_data.published_change
    for edition in ("YE Jun 2018 (corrected Feb 2019)", "YE Mar 2019"):
        rows = change[(change.edition == edition) & (change.offence == off.TOTAL)]
        codes = set(rows.geography_code)
        assert {"E23000011", "E23000024", "E23000025"} <= codes, edition
    suffolk = change[(change.edition == "YE Mar 2019") & (change.geography_code == "E23000025")
                     & (change.offence == off.TOTAL)]
    assert len(suffolk) == 1 and pd.notna(suffolk.change_pct.iloc[0])
