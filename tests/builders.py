"""Tiny fixtures built in code: an ONS-layout workbook, CSVs in each source's layout."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl import Workbook

P1_OFFENCES = [
    "Violence against the person", "Homicide", "Violence with injury", "Violence without injury",
    "Stalking and harassment5", "Death or serious injury - unlawful driving5", "Sexual offences", "Robbery",
    "Theft offences", "Burglary", "Residential burglary6,7", "Non-residential  burglary6,7", "Vehicle offences",
    "Theft from the person", "Bicycle theft", "Shoplifting", "Other theft offences", "Criminal damage and arson",
    "", "Drug offences", "Possession of weapons offences", "Public order offences", "Miscellaneous crimes",
]

# Totals of the areas the tests look at; every other force records OTHER_FORCE_TOTAL.
KEY_TOTALS = {"E23000016": 600, "E23000017": 500, "W15000001": 100}
OTHER_FORCE_TOTAL = 10
BTP_TOTAL = 100
PRINTED_NAMES = {"E23000016": "West Mercia", "W15000001": "North Wales9"}  # footnote digits glued on, as ONS does


def all_areas() -> list[tuple[str, str, int]]:
    """(code, name as printed, total) for every area an ONS table holds, in ONS order, totals consistent:
    regions and countries sum their forces and England and Wales = the forces + BTP."""
    from peelstats.reference import forces

    def total(force):
        return KEY_TOTALS.get(force.code, OTHER_FORCE_TOTAL)

    english = [f for f in forces.TERRITORIAL_FORCES if f.country == "England"]
    welsh = [f for f in forces.TERRITORIAL_FORCES if f.country == "Wales"]
    rows = [("K04000001", "ENGLAND AND WALES8", sum(map(total, english + welsh)) + BTP_TOTAL),
            ("E92000001", "ENGLAND", sum(map(total, english)))]
    for region in forces.REGIONS:
        if region.code.startswith("W"):
            continue
        members = [f for f in english if f.region_code == region.code]
        rows.append((region.code, region.name + " ", sum(map(total, members))))
        rows += [(f.code, PRINTED_NAMES.get(f.code, f.name), total(f)) for f in members]
    rows.append(("W92000004", "WALES", sum(map(total, welsh))))
    rows += [(f.code, PRINTED_NAMES.get(f.code, f.name), total(f)) for f in welsh]
    rows.append(("", "British Transport Police", BTP_TOTAL))
    return rows


AREAS = all_areas()


def _offence_values(total: int) -> list:
    """23 offence cells summing sensibly to ``total`` (spacer column empty)."""
    values = [total // 2, 1, total // 4, total // 8, total // 8 - 1, 0, 10, 5, total // 4, 40, 30, 10, 20,
              5, 5, 10, total // 4 - 95, 20, "", 5, 5, 5, 5]
    return values


def ons_workbook(path: Path, *, period: str = "March 18", header_row: int = 5, p1_name: str = "Table P1",
                 offence_headers: list[str] | None = None, p2_cells: dict | None = None,
                 include_p9: bool = False, area_rows=None, p2_codes: dict | None = None) -> Path:
    """Write a workbook in the ONS PFA-table layout. ``header_row`` is 1-based, as in Excel.

    ``p2_codes`` maps an area code to the code as printed in Table P2 (e.g. with footnote digits glued on).
    """
    headers = offence_headers or P1_OFFENCES
    areas = area_rows or AREAS
    wb = Workbook()
    wb.remove(wb.active)

    def table(name: str, title: str, first_headers: list, unit: str, values_for, extra_notes=(), printed=None):
        ws = wb.create_sheet(name)
        ws.cell(1, 1, title)
        ws.cell(3, 1, "England and Wales")
        super_row = header_row - 1
        ws.cell(super_row, 3, "Total recorded crime (excluding fraud4)")
        ws.cell(super_row, 5, "Victim-based crime")
        for j, text in enumerate(first_headers + headers, start=1):
            if text:
                ws.cell(header_row, j, text)
        ws.cell(header_row + 1, 3, unit)
        r = header_row + 2
        for code, name, total in areas:
            ws.cell(r, 1, (printed or {}).get(code, code) or None)
            ws.cell(r, 2, name)
            for j, value in enumerate(values_for(code, total), start=3):
                if value != "":
                    ws.cell(r, j, value)
            r += 1
        ws.cell(r, 1, "Source: Police recorded crime, Home Office")
        for i, note in enumerate(["Police recorded crime data are not designated as National Statistics.",
                                  *extra_notes], start=1):
            ws.cell(r + i, 1, f"{i}. {note}")
        return ws

    table(p1_name, f"Table P1:  Police recorded crime by offence group and police force area, number of "
                   f"offences, year ending {period}1,2,3",
          ["Area Code", "Area Name", "", ""], "Numbers", lambda code, total: [total, ""] + _offence_values(total),
          extra_notes=["Includes British Transport Police."])
    cells = p2_cells or {}
    table("Table P2", f"Table P2:  percentage change, year ending {period[:-2]}{int(period[-2:]) - 1} compared "
                      f"with year ending {period}1,2",
          ["Area Code", "Area Name", "", ""], "Percentage change",
          lambda code, total: [cells.get(code, 4.2), ""]
          + [cells.get((code, j), 1.5) if headers[j] else "" for j in range(len(headers))], printed=p2_codes)
    ws = wb.create_sheet("Table P3 ")
    ws.cell(1, 1, f"Table P3: rate of offences, year ending {period}")
    ws.cell(header_row - 1, 8, "Victim-based crime")
    p3_headers = ["Area Code", "Area Name", "Population figures\n (mid-2016)4  rounded to 100",
                  "Household figures\n (mid-2016)5  rounded to 100 ", "", "Total recorded crime (excluding fraud6)",
                  ""] + [h for h in headers[:10]] + ["Residential burglary (households) 7"] + headers[10:]
    for j, text in enumerate(p3_headers, start=1):
        if text:
            ws.cell(header_row, j, text)
    r = header_row + 2
    for code, name, total in areas:
        if not code:
            continue
        ws.cell(r, 1, code)
        ws.cell(r, 2, name)
        ws.cell(r, 3, total * 1000)
        ws.cell(r, 4, total * 400)
        ws.cell(r, 6, 1.0)
        for j in range(8, 8 + len(headers) + 1):
            if p3_headers[j - 1]:
                ws.cell(r, j, "+" if name.startswith("City") else 0.5)
        r += 1
    if include_p9:
        ws = wb.create_sheet("Table P9")
        ws.cell(1, 1, "Table P9: Mid-year population estimates, 2002 to 20161")
        ws.cell(5, 1, "Area Code")
        ws.cell(5, 2, "Area Name")
        for j, year in enumerate((2015, 2016), start=3):
            ws.cell(5, j, year)
        for i, (code, name, total) in enumerate([a for a in areas if a[0]], start=6):
            ws.cell(i, 1, code)
            ws.cell(i, 2, name)
            ws.cell(i, 3, total * 990)
            ws.cell(i, 4, total * 1000)
    wb.save(path)
    return path


REC_CRIME_HEADER = "12 months ending,PFA,Region,Offence,Rolling year total number of offences"


FILLER = 100  # the count of a row added only to make a file whole


def rec_crime_csv(path: Path, rows: list[str], header: str = REC_CRIME_HEADER, *, whole: bool = True) -> Path:
    """The long series' CSV layout. ``whole``: rows added (count FILLER) so the file passes the completeness checks
    as the published one does: every force with every offence the others have in a period, and every quarter up to
    the registered vintage's last (YE Dec 2018)."""
    path.write_bytes(("\r\n".join([header, *(whole_rec_crime(rows) if whole else rows)]) + "\r\n").encode())
    return path


def whole_rec_crime(rows: list[str]) -> list[str]:
    from peelstats.reference import forces

    def period(date: str) -> pd.Timestamp:  # '30-12-2017' is the published file's odd label for 31-12-2017
        return pd.Timestamp(year=int(date[6:]), month=int(date[3:5]), day=1) + pd.offsets.MonthEnd(0)

    names = {f.code: f.name for f in forces.TERRITORIAL_FORCES}
    held: dict[pd.Timestamp, tuple[str, dict[str, set[str]]]] = {}  # period -> (its date text, offence -> forces)
    for row in rows:
        date, force, _, offence, _ = row.split(",")
        found = forces.try_lookup(force)
        text, offences = held.setdefault(period(date), (date, {}))
        if found is not None and found.territorial:
            offences.setdefault(offence, set()).add(found.code)
    first_quarterly = min((p for p in held if p.month != 3), default=pd.Timestamp("2017-06-30"))
    for end in pd.date_range(first_quarterly, "2018-12-31", freq="QE"):
        held.setdefault(end, (end.strftime("%d-%m-%Y"), {"Robbery": set()}))
    out = list(rows)
    for date, offences in held.values():
        for offence, present in offences.items():
            out += [f"{date},{names[code]},{forces.by_code(code).region},{offence},{FILLER}"
                    for code in names if code not in present]
    return out


PRC_HEADER = ("Financial Year,Financial Quarter,Force Name,Offence Description,Offence Group,Offence Subgroup,"
              "Offence Code,Number of Offences")


def prc_rows() -> list[list]:
    """Rows as lists of cells (numbers padded like the published CSV)."""
    return [
        ["2017/18", "1", "West Mercia", "Burglary Residential", "Theft offences", "Domestic burglary", "28E", " 400 "],
        ["2017/18", "1", "West Mercia", "Burglary in a dwelling(outcome only)", "Theft offences",
         "Domestic burglary", "28A", " 0 "],
        ["2017/18", "2", "West Mercia", "Robbery of personal property", "Robbery", "Robbery of personal property",
         "34B", " 120 "],
        ["2017/18", "2", "London, City of", "Theft from vehicle", "Theft offences", "Theft from a vehicle", "45",
         " 12 "],
        ["2017/18", "3", "West Mercia", "Assault without injury", "Violence against the person",
         "Violence without injury", "105A", " -1 "],
        ["2017/18", "1", "Financial Fraud Action UK", "Fraud offences recorded by Financial Fraud Action UK",
         "Fraud offences", "Fraud: Financial Fraud Action UK", "FFA UK", " 9000 "],
        ["2017/18", "2", "UK Finance", "Fraud offences recorded by UK Finance", "Fraud offences",
         "Fraud: UK Finance", "UK Finance", " 8000 "],
        ["2017/18", "4", "West Mercia", "Causing death or serious injury by dangerous driving",
         "Violence against the person", "Violence with injury", "4.4", " 2 "],
    ]


def prc_csv(path: Path, rows: list[list] | None = None, header: str = PRC_HEADER, *, whole: bool = True) -> Path:
    """The open data's CSV layout. ``whole``: rows added (count FILLER) so every force has, in every quarter, the
    offence codes the others have, as in the published file."""
    def quote(cell: str) -> str:
        return f'"{cell}"' if "," in cell else cell
    rows = rows or prc_rows()
    lines = [header] + [",".join(quote(c) for c in row) for row in (whole_prc(rows) if whole else rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def whole_prc(rows: list[list], *, force: int = 2, code: int = 6) -> list[list]:
    """Rows added (count FILLER, the last cell) so every force has each quarter's offence codes."""
    from peelstats.reference import forces

    templates: dict[tuple, list] = {}  # (year, quarter, code) -> a row to copy
    present: dict[tuple, set[str]] = {}
    for row in rows:
        found = forces.try_lookup(str(row[force]))
        if found is not None and found.territorial:
            key = (row[0], row[1], row[code])
            templates.setdefault(key, row)
            present.setdefault(key, set()).add(found.code)
    out = list(rows)
    for key, row in templates.items():
        filler = f" {FILLER} " if isinstance(row[-1], str) else FILLER
        out += [[*row[:force], f.name, *row[force + 1:-1], filler] for f in forces.TERRITORIAL_FORCES
                if f.code not in present[key]]
    return out


def synthetic_mirror(root: Path) -> Path:
    """A tiny mirror laid out like shared/data: one ONS edition, the long series, the open-data CSV."""
    (root / "ons/pfa_tables").mkdir(parents=True)
    (root / "homeoffice").mkdir()
    from peelstats.ingest.sources import ons_editions

    for edition in ons_editions.core():
        end = pd.Timestamp(edition.period_end)
        ons_workbook(root / "ons/pfa_tables" / edition.filename, period=f"{end.month_name()} {end.year % 100}")
    rec_crime_csv(root / "ons/rec-crime-pfa.csv", [
        "31-03-2017,West Mercia,West Midlands,Robbery,583",
        "31-03-2018,West Mercia,West Midlands,Robbery,550",
    ])
    prc_csv(root / "homeoffice/prc-pfa-2017-18-sheet.csv")
    (root / "ons/derived").mkdir()
    write_csv(root / "ons/derived/policeforceareatablesyejune25final_TableP1.csv", p1_2020s_rows())
    write_csv(root / "ons/derived/policeforceareatablesyejune25final_TableC2.csv", c2_rows())
    return root


# ------------------------------------------------------------------------------------- the 2020s layout

P1_2020S_OFFENCES = [  # the YE Jun 2025 column order: death by driving before violence with injury
    "Violence against the person", "Homicide", "Death or serious injury - unlawful driving", "Violence with injury",
    "Violence without injury", "Stalking and harassment", "Sexual offences", "Robbery", "Theft offences", "Burglary",
    "Residential burglary", "Non-residential burglary", "Vehicle offences", "Theft from the person", "Bicycle theft",
    "Shoplifting", "Other theft offences", "Criminal damage and arson", "Drug offences",
    "Possession of weapons offences", "Public order offences", "Miscellaneous crimes",
]
C2_OFFENCES = [h.replace("Other theft offences", "All other theft offences")
               .replace("Miscellaneous crimes", "Miscellaneous crimes against society")
               .replace("Death or serious injury - unlawful driving",
                        "Death or serious injury caused by illegal driving")
               for h in P1_2020S_OFFENCES]


def thousands(value) -> str:
    """A number as the 2020s sheets hold it when saved as text: '5,287,312'."""
    return f"{value:,}" if isinstance(value, int) else value


def p1_2020s_rows(period: str = "June 2025", *, areas=None, markers: dict | None = None) -> list[list]:
    """Table P1 in the 2020s layout: six text rows, a header with line breaks and note tags, names with tags and
    trailing spaces, numbers as text with thousands separators, BTP without a code."""
    areas = areas or AREAS
    rows = [[f"Table P1:  Police recorded crime by offence group and police force area, England and Wales, number "
             f"of offences, year ending {period} [note 1]"],
            ["This worksheet contains one table. Some cells refer to notes which can be found on the notes worksheet."],
            ["Link to Notes page"], ["Police recorded crime statistics are published as official statistics"],
            ["Link to Table of Contents"], ["Source: Police recorded crime from the Home Office"],
            ["Area Code", "Area Name", "Total recorded crime\n (excluding fraud) \n[note 2]", *P1_2020S_OFFENCES]]
    tagged = {"K04000001": "ENGLAND AND WALES [note 3]", "E92000001": "ENGLAND ", "E23000034": "City of London[note 8]",
              "E23000001": "Metropolitan Police[Note 6]", "E23000012": "Humberside [note 4][note 5]"}
    for code, name, total in areas:
        values = [thousands(v) for v in _offence_values(total) if v != ""]
        values.insert(2, values.pop(5))  # death by driving moves before violence with injury
        cells = [thousands(total), *values]
        for column, marker in (markers or {}).get(code, {}).items():
            cells[column] = marker
        rows.append([code, tagged.get(code, name.rstrip("0123456789")), *cells])
    return rows


def c2_rows(period: str = "June 2025", *, areas=None, split: dict | None = None) -> list[list]:
    """Table C2: each force's own row (blank partnership columns), two partnerships and an Unassigned row that
    add up to it; City of London appears only as its partnership row, as ONS prints it."""
    from peelstats.reference import forces

    totals = {code: total for code, _, total in (areas or AREAS) if code.startswith(("E23", "W15"))}
    rows = [[f"Table C2: Number of police recorded crimes for headline offences by Community Safety Partnership area, "
             f"England and Wales, year ending {period} [note 1][note 2][note 3]"],
            ["Police recorded crime statistics are published as official statistics"],
            ["This worksheet contains one table."], ["Some shorthand is used in this table.  [x] indicates data are "
                                                     "unavailable."],
            ["Link to Notes page"], ["Link to Table of contents"],
            ["Source: Police recorded crime from the Home Office"],
            ["Police Force\nArea code", "Police Force\nArea name", "Community Safety\nPartnership code",
             "Community Safety\nPartnership name", "Local Authority code", "Local Authority name",
             "Total recorded crime\n (excluding fraud)", *C2_OFFENCES]]
    number = 1
    for force in forces.TERRITORIAL_FORCES:
        total = totals[force.code]
        values = [v for v in _offence_values(total) if v != ""]
        values.insert(2, values.pop(5))
        whole = [total, *values]
        parts = (split or {}).get(force.code)
        if force.code == "E23000034":  # City of London: only its partnership row
            rows.append([force.code, force.name, "E22000300", "City of London", "E09000001", "City of London",
                         *[thousands(v) + " " for v in whole]])
            continue
        rows.append([force.code, force.name + " ", "", "", "", "", *[thousands(v) + " " for v in whole]])
        first = parts or [v // 2 for v in whole]
        unassigned = [1 if v >= 2 else 0 for v in whole] if parts is None else [0] * len(whole)
        second = [w - a - u for w, a, u in zip(whole, first, unassigned, strict=True)]
        for code, name, cells in ((f"E22{number:06d}", f"{force.name} North", first),
                                  (f"E22{number + 1:06d}", f"{force.name} South", second)):
            rows.append([force.code, force.name, code, name, "E06000001", name, *[thousands(v) + " " for v in cells]])
        rows.append([force.code, force.name, "", f"Unassigned {force.name}", "", "",
                     *[thousands(v) + " " for v in unassigned]])
        number += 2
    return rows


def write_csv(path: Path, rows: list[list]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    """A workbook with a sheet per table, cells as given (text stays text: '5,287,312')."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([None if cell == "" else cell for cell in row])
    wb.save(path)
    return path
