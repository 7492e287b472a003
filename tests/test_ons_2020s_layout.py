"""The ONS PFA tables in their 2020s layout, and every layout rule, on workbooks built in code; then the real
YE Jun 2025 Tables P1 and C2 (the mirror's sheet exports) through the ordinary xlsx path."""

from __future__ import annotations

import csv

import pandas as pd
import pytest
from builders import AREAS, c2_rows, p1_2020s_rows, write_csv, write_xlsx

from peelstats.errors import LayoutError
from peelstats.ingest.sources import ons_pfa_tables
from peelstats.ingest.sources.base import RemoteFile

WM, MET, EW = "E23000016", "E23000001", "K04000001"


def remote(name: str, fmt: str = "xlsx", tables: str = "", period_end: str | None = "2025-06-30") -> RemoteFile:
    return RemoteFile("ons-pfa-tables", name, "", "", "test edition", fmt, period_end, tables=tables)


def parse(path, **kwargs):
    return ons_pfa_tables.parse(path, remote(path.name, **kwargs))


def count(tables, code, offence="Total recorded crime (excluding fraud)"):
    c = tables["counts"]
    row = c[(c.geography_code == code) & (c.offence == offence)]
    assert len(row) == 1, (code, offence, len(row))
    return int(row["count"].iloc[0])


# ---------------------------------------------------------------------------------------- layout rules


def test_the_2020s_layout_reads_as_published(tmp_path):
    tables = parse(write_xlsx(tmp_path / "w.xlsx", {"Table P1": p1_2020s_rows()}))
    totals = {code: total for code, _, total in AREAS}
    assert count(tables, WM) == totals[WM] and count(tables, EW) == totals[EW]
    # tags, trailing spaces and glued digits do not reach the names
    names = set(tables["counts"].geography_name)
    assert {"England and Wales", "England", "Metropolitan Police", "City of London", "Humberside"} <= names
    assert not any("note" in n.lower() or n != n.strip() for n in names)
    # the column order of the 2020s tables (death by driving before violence with injury) is read by header
    assert count(tables, WM, "Violence with injury") == 150  # total // 4, in the column after death by driving
    assert count(tables, WM, "Death or serious injury - unlawful driving") == 0
    assert tables["published_change"].empty and tables["rates"].empty  # P1 only: counts, no changes


def test_header_found_wherever_it_sits(tmp_path):
    rows = p1_2020s_rows()
    moved = rows[:6] + [[""], ["A note someone added above the table"], [""]] * 5 + rows[6:]
    assert len(parse(write_xlsx(tmp_path / "w.xlsx", {"Table P1": moved}))["counts"]) == \
        len(parse(write_xlsx(tmp_path / "x.xlsx", {"Table P1": rows}))["counts"])


def test_columns_in_any_order_including_the_area_columns(tmp_path):
    rows = p1_2020s_rows()
    shuffled = [row[:6] if i < 6 else [row[1], row[-1], *row[3:-1], row[0], row[2]] for i, row in enumerate(rows)]
    tables = parse(write_xlsx(tmp_path / "w.xlsx", {"Table P1": shuffled}))
    assert count(tables, WM) == 600 and count(tables, WM, "Miscellaneous crimes against society") == 5


def test_sheet_names_and_markers(tmp_path):
    rows = p1_2020s_rows(markers={WM: {1: "[x]", 2: "[c]"}, MET: {3: "[z]", 4: "[u]"}})
    tables = parse(write_xlsx(tmp_path / "w.xlsx", {"Table_P1": rows}))  # an underscore in the sheet name
    marked = tables["not_available"].set_index(["geography_code", "offence"])["meaning"]
    assert marked[(WM, "Violence against the person")] == "data not available"
    assert marked[(WM, "Homicide")].startswith("confidential")
    assert marked[(MET, "Death or serious injury - unlawful driving")] == "not applicable"
    assert marked[(MET, "Violence with injury")] == "low reliability"
    with pytest.raises(AssertionError):  # a marked cell is not a count
        count(tables, WM, "Homicide")


def test_text_that_is_neither_number_nor_marker_is_an_error(tmp_path):
    rows = p1_2020s_rows(markers={WM: {1: "n/a?"}})
    with pytest.raises(LayoutError, match=r"column D, row 'West Mercia': unexpected text 'n/a\?'"):
        parse(write_xlsx(tmp_path / "w.xlsx", {"Table P1": rows}))


def test_a_missing_force_is_named(tmp_path):
    rows = [r for r in p1_2020s_rows() if not (len(r) > 1 and r[0] == WM)]
    with pytest.raises(LayoutError, match="no row for West Mercia"):
        parse(write_xlsx(tmp_path / "w.xlsx", {"Table P1": rows}))


def test_a_table_the_registry_says_is_there_must_be(tmp_path):
    path = write_xlsx(tmp_path / "w.xlsx", {"Table P1": p1_2020s_rows()})
    with pytest.raises(LayoutError, match="no sheet named 'Table P2'"):
        ons_pfa_tables.parse(path, remote(path.name, tables="P1 P2"))


def test_xls_goes_through_the_same_path(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Table P1")
    for i, row in enumerate(p1_2020s_rows()):
        for j, cell in enumerate(row):
            sheet.write(i, j, cell)
    book.save(str(tmp_path / "old.xls"))
    tables = parse(tmp_path / "old.xls", fmt="xls")
    assert count(tables, WM) == 600


def test_a_sheet_saved_as_csv_names_its_table(tmp_path):
    p1 = parse(write_csv(tmp_path / "p1.csv", p1_2020s_rows()), fmt="csv")
    assert count(p1, WM) == 600
    untitled = [["A sheet without a title"], *p1_2020s_rows()[1:]]
    with pytest.raises(LayoutError, match="title names no table"):
        parse(write_csv(tmp_path / "x.csv", untitled), fmt="csv")


# ------------------------------------------------------------------------------------------------- Table C2


def test_c2_partnerships_sit_below_their_force(tmp_path):
    tables = parse(write_xlsx(tmp_path / "w.xlsx", {"Table P1": p1_2020s_rows(), "Table C2": c2_rows()}))
    c = tables["counts"]
    csp = c[c.geography_level == "csp"]
    assert set(csp.parent_code) == {code for code, _, _ in AREAS if code.startswith(("E23", "W15"))}
    unassigned = c[c.geography_level == "csp_unassigned"]
    assert unassigned.geography_name.str.startswith("Unassigned").all() and (unassigned.geography_code.str.endswith(
        "-U")).all()
    west_mercia = c[(c.parent_code == WM) & (c.offence == "Total recorded crime (excluding fraud)")]
    assert west_mercia["count"].sum() == count(tables, WM)  # partnerships + unassigned = the force's P1 count
    assert set(c[c.geography_level == "force"].geography_code) == set(csp.parent_code)  # no duplicate force rows


def test_c2_that_does_not_add_up_is_an_error(tmp_path):
    rows = c2_rows()
    force_row = next(i for i, r in enumerate(rows) if len(r) > 3 and r[0] == WM and not r[2] and not r[3])
    rows[force_row][6] = "9,999 "
    with pytest.raises(LayoutError, match="West Mercia.*partnerships add up to"):
        parse(write_xlsx(tmp_path / "w.xlsx", {"Table C2": rows}), tables="C2")


def test_a_withheld_partnership_figure_is_kept_as_marked_not_refused(tmp_path, caplog):
    """Regression: C2 announces '[x] indicates data are unavailable'; one [x] in a partnership refused the file."""
    rows = c2_rows()
    partnership = next(i for i, r in enumerate(rows) if len(r) > 3 and r[0] == WM and r[2].startswith("E22"))
    rows[partnership][6] = "[x]"
    tables = parse(write_xlsx(tmp_path / "w.xlsx", {"Table C2": rows}), tables="C2")
    marked = tables["not_available"]
    assert len(marked[(marked.marker == "[x]") & (marked.table == "C2")]) == 1
    assert "not checked that the partnerships add up" in caplog.text and "West Mercia" in caplog.text


def test_c2_force_rows_must_equal_p1_across_files(tmp_path):
    p1 = p1_2020s_rows()
    row = next(r for r in p1 if len(r) > 1 and r[0] == WM)
    row[2] = "601"
    frames = [parse(write_csv(tmp_path / "p1.csv", p1), fmt="csv"),
              parse(write_csv(tmp_path / "c2.csv", c2_rows()), fmt="csv")]
    combined = {t: pd.concat([f[t] for f in frames if t in f], ignore_index=True) for t in ("counts", "c2_force_rows")}
    with pytest.raises(LayoutError, match="West Mercia.*Table C2 says 600, Table P1 says 601"):
        ons_pfa_tables.check_partnerships(combined)


# ---------------------------------------------------------------------------------- the real YE Jun 2025


def _sheet(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return [list(r) for r in csv.reader(fh)]


def test_the_real_year_ending_june_2025_tables(mirror, tmp_path):
    derived = mirror / "ons" / "derived"
    p1 = _sheet(derived / "policeforceareatablesyejune25final_TableP1.csv")
    c2 = _sheet(derived / "policeforceareatablesyejune25final_TableC2.csv")
    # a workbook with a sheet per table, cells as the sheets had them (numbers as text with thousands separators)
    workbook = write_xlsx(tmp_path / "policeforceareatablesyejune25final.xlsx", {"Table P1": p1, "Table C2": c2})
    tables = parse(workbook)
    forces = tables["counts"][(tables["counts"].geography_level == "force")
                              & (tables["counts"].offence == "Total recorded crime (excluding fraud)")]
    assert count(tables, EW) == 5_287_312
    assert forces["count"].sum() == 5_204_149
    assert count(tables, "X-BTP") == 83_163 and 5_204_149 + 83_163 == 5_287_312
    assert count(tables, WM) == 81_092 and count(tables, MET) == 940_619
    assert count(tables, "E23000017") == 39_348 and count(tables, "W15000004") == 37_349
    # C2's force rows equal P1's (checked inside the parse); the partnerships add up to within ONS's own one-crime
    # differences (Gwent and South Wales)
    c2_forces = tables["c2_force_rows"].set_index(["geography_code", "offence"])["count"]
    assert c2_forces[(WM, "Total recorded crime (excluding fraud)")] == 81_092
    assert c2_forces[("E23000036", "Total recorded crime (excluding fraud)")] == 170_002
    counts = tables["counts"]
    assert (counts.geography_level == "csp_unassigned").any()
    airport = counts[counts.geography_name == "Manchester Airport"]
    assert set(airport.parent_code) == {"E23000005"}
