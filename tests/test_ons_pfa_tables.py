"""The ONS PFA-table parser on workbooks built in code."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import AREAS, P1_OFFENCES, ons_workbook

from peelstats.errors import LayoutError
from peelstats.ingest.sources import ons_pfa_tables
from peelstats.ingest.sources.base import RemoteFile
from peelstats.reference import offences as off


def remote(period_end: str | None = "2018-03-31") -> RemoteFile:
    return RemoteFile("ons-pfa-tables", "t.xlsx", "https://example.invalid/t.xlsx", "ons/pfa_tables/t.xlsx",
                      "test edition", "xlsx", period_end)


def counts_of(parsed, code, offence=off.TOTAL):
    c = parsed["counts"]
    return c[(c.geography_code == code) & (c.offence == offence)]["count"].tolist()


def test_parses_counts_changes_rates_population(tmp_path):
    parsed = ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", include_p9=True), remote())
    assert counts_of(parsed, "E23000016") == [600]
    assert counts_of(parsed, "K04000001") == [sum(t for c, _, t in AREAS if c.startswith(("E23", "W15"))) + 100]
    counts = parsed["counts"]
    assert set(counts.offence) == set(ons_pfa_tables.EXPECTED_OFFENCES)
    assert (counts.period_end == pd.Timestamp("2018-03-31")).all()
    assert (counts.period_start == pd.Timestamp("2017-04-01")).all()
    # footnote digits stripped and names canonical
    names = dict(zip(counts.geography_code, counts.geography_name, strict=False))
    assert names["K04000001"] == "England and Wales"
    assert names["W15000001"] == "North Wales"
    assert names["E12000005"] == "West Midlands"
    levels = dict(zip(counts.geography_code, counts.geography_level, strict=False))
    assert levels["X-BTP"] == "non_territorial"
    assert levels["E23000016"] == "force"
    assert levels["E12000005"] == "region"

    change = parsed["published_change"]
    wm = change[(change.geography_code == "E23000016") & (change.offence == off.TOTAL)].iloc[0]
    assert wm.change_pct == pytest.approx(4.2)
    assert wm.baseline_end == pd.Timestamp("2017-03-31")

    population = parsed["population"]
    p3 = population[(population.geography_code == "E23000016") & population.note.str.contains("rounded to 100")
                    & ~population.note.str.contains("P9")]
    assert p3.mid_year.tolist() == [2016] and p3.population.tolist() == [600_000]
    p9 = population[population.note.str.contains("P9") & (population.geography_code == "E23000016")]
    assert sorted(p9.mid_year) == [2015, 2016]
    rates = parsed["rates"]
    assert rates[(rates.geography_code == "E23000016") & (rates.offence == off.TOTAL)].rate_per_1000.tolist() == [1.0]
    assert (rates.population_mid_year == 2016).all()
    assert any(parsed["footnotes"].text.str.contains("British Transport Police"))


def test_header_row_found_by_content_and_sheet_name_spaces_tolerated(tmp_path):
    book = ons_workbook(tmp_path / "t.xlsx", header_row=8, p1_name="Table P1 ")
    assert counts_of(ons_pfa_tables.parse(book, remote()), "E23000017") == [500]


def test_markers_kept_not_zero(tmp_path):
    cells = {"E23000016": "-", ("E23000017", 10): "-", "W15000001": ".."}
    parsed = ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", p2_cells=cells), remote())
    change = parsed["published_change"]
    wm = change[(change.geography_code == "E23000016") & (change.offence == off.TOTAL)].iloc[0]
    assert pd.isna(wm.change_pct) and wm.marker == "-"
    res = change[(change.geography_code == "E23000017") & (change.offence == off.RESIDENTIAL_BURGLARY)].iloc[0]
    assert res.marker == "-"
    na = parsed["not_available"]
    assert na[(na.geography_code == "W15000001")].marker.tolist() == [".."]
    # P3 suppression marker '+' is kept as a marker, never read as a number
    rates = parsed["rates"]
    city = rates[(rates.geography_code == "E23000034") & (rates.offence != off.TOTAL)]
    assert (city.marker == "+").all() and city.rate_per_1000.isna().all()
    assert rates[rates.geography_code != "E23000034"].marker.isna().all()


def test_changed_column_layout_names_file_sheet_and_column(tmp_path):
    headers = list(P1_OFFENCES)
    headers[7] = "Robbery and mugging"
    book = ons_workbook(tmp_path / "t.xlsx", offence_headers=headers)
    with pytest.raises(LayoutError) as caught:
        ons_pfa_tables.parse(book, remote())
    message = str(caught.value)
    assert "t.xlsx" in message and "'Table P1'" in message and "column L" in message
    assert "Robbery and mugging" in message


def test_missing_column_is_reported(tmp_path):
    headers = [h for h in P1_OFFENCES if h != "Shoplifting"]
    with pytest.raises(LayoutError, match="expected offence columns not found: Shoplifting"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", offence_headers=headers), remote())


def test_text_in_numeric_cell_is_a_layout_error(tmp_path):
    cells = {"E23000016": "n/a"}
    with pytest.raises(LayoutError, match=r"sheet 'Table P2', column C, row 'West Mercia'.*'n/a'"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", p2_cells=cells), remote())


def test_title_period_must_match_registered_edition(tmp_path):
    book = ons_workbook(tmp_path / "t.xlsx", period="June 2018")
    with pytest.raises(LayoutError, match="title says year ending June 2018"):
        ons_pfa_tables.parse(book, remote("2018-03-31"))
    parsed = ons_pfa_tables.parse(book, remote(None))
    assert (parsed["counts"].period_end == pd.Timestamp("2018-06-30")).all()


def test_unknown_area_is_a_layout_error(tmp_path):
    areas = [("E23000016", "West Mercia", 600), ("E23000099", "Atlantis", 5)]
    with pytest.raises(LayoutError, match="Atlantis"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", area_rows=areas), remote())


@pytest.mark.parametrize("title, expected", [
    ("number of offences, year ending March 181,2,3", ["2018-03-31"]),
    ("year ending June 20191,2", ["2019-06-30"]),
    ("year ending September 2018 compared with year ending September 20171,2", ["2018-09-30", "2017-09-30"]),
])
def test_periods_in_title(title, expected):
    assert ons_pfa_tables.periods_in_title(title) == [pd.Timestamp(e) for e in expected]


def test_not_a_spreadsheet(tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_text("<html>oops</html>")
    with pytest.raises(LayoutError, match="cannot be read as a spreadsheet"):
        ons_pfa_tables.parse(path, remote())


def test_footnote_digits_glued_to_area_codes_are_read_and_checked(tmp_path):
    """Regression: YE Jun 2018 and YE Mar 2019 P2 print South Yorkshire as 'E230000118' (E23000011 + note 8);
    those rows were dropped silently, leaving three forces out of every national figure."""
    glued = {"E23000011": "E230000118", "E23000024": "E230000246", "E23000025": "E230000257"}
    parsed = ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", p2_codes=glued), remote())
    change = parsed["published_change"]
    forces_with_change = set(change[change.geography_level == "force"].geography_code)
    assert len(forces_with_change) == 43 and set(glued) <= forces_with_change


def test_glued_code_that_disagrees_with_the_name_is_an_error(tmp_path):
    with pytest.raises(LayoutError, match=r"'E230000168'.*does not match the name 'South Yorkshire'"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", p2_codes={"E23000011": "E230000168"}), remote())


def test_a_table_missing_a_force_fails_loudly(tmp_path):
    areas = [a for a in AREAS if a[0] != "E23000025"]
    with pytest.raises(LayoutError, match=r"sheet 'Table P1': no row for Suffolk \(E23000025\)"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", area_rows=areas), remote())


def test_a_force_absent_in_a_registered_data_gap_is_allowed(tmp_path):
    areas = [a for a in AREAS if a[0] != "E23000005"]  # Greater Manchester: no data July-December 2019
    book = ons_workbook(tmp_path / "t.xlsx", area_rows=areas, period="September 19")
    parsed = ons_pfa_tables.parse(book, remote("2019-09-30"))
    assert "E23000005" not in set(parsed["counts"].geography_code)
    with pytest.raises(LayoutError, match="Greater Manchester"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "u.xlsx", area_rows=areas), remote())


def test_a_row_that_cannot_be_placed_is_an_error(tmp_path):
    areas = [*AREAS[:5], ("X99", "Somewhere", 5), *AREAS[5:]]
    with pytest.raises(LayoutError, match=r"cannot place area 'X99' 'Somewhere'"):
        ons_pfa_tables.parse(ons_workbook(tmp_path / "t.xlsx", area_rows=areas), remote())
