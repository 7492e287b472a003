"""ONS "Police Force Area data tables" (Crime in England and Wales), one xlsx per quarterly edition.

Parsed tables:

* **P1** counts by offence group for forces, regions, England, Wales, England and Wales (the E&W total
  includes British Transport Police; BTP also has its own row, with no area code);
* **P2** ONS's own published % change on the same period a year earlier (``'-'``: base under 50 or not
  comparable; ``'..'``: not available);
* **P3** rates per 1,000 population, with the mid-year population used (lags the crime period);
* **P9** mid-year population estimates 2002-2016 (YE March 2018 edition only).

Layout quirks handled: title and blank rows above the header, super-header cells above the header (values
only in the first cell), an unlabelled total column, spacer columns, footnote digits glued to labels,
trailing spaces in sheet names, ``'-'``/``'..'``/``'+'`` markers in numeric cells, footnotes below the data.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from peelstats import forces, gaps, periods
from peelstats import offences as off
from peelstats.exceptions import LayoutError
from peelstats.sources.base import ParsedTables, RemoteFile, Source
from peelstats.spreadsheet import cell_text, column_letter, find_row, find_sheet, open_workbook, sheet_rows

log = logging.getLogger(__name__)

SOURCE_ID = "ons-pfa-tables"
DATASET_PATH = "/peoplepopulationandcommunity/crimeandjustice/datasets/policeforceareadatatables"
LANDING_PAGE = "https://www.ons.gov.uk" + DATASET_PATH
URL_PATTERN = "https://www.ons.gov.uk/file?uri=" + DATASET_PATH + "/{edition}/{filename}"

MARKER_MEANINGS = {
    "..": "data not available",
    "-": "change not shown: base fewer than 50, or not comparable after a classification change",
    "+": "rate suppressed: population too small",
}

# Offence columns every P1/P2/P3 edition since YE June 2017 carries.
EXPECTED_OFFENCES = (
    off.TOTAL, off.VIOLENCE, off.HOMICIDE, off.VIOLENCE_WITH_INJURY, off.VIOLENCE_WITHOUT_INJURY, off.STALKING,
    off.DEATH_BY_DRIVING, off.SEXUAL, off.ROBBERY, off.THEFT, off.BURGLARY, off.RESIDENTIAL_BURGLARY,
    off.NON_RESIDENTIAL_BURGLARY, off.VEHICLE, off.THEFT_FROM_PERSON, off.BICYCLE, off.SHOPLIFTING,
    off.OTHER_THEFT, off.CRIMINAL_DAMAGE, off.DRUGS, off.WEAPONS, off.PUBLIC_ORDER, off.MISCELLANEOUS,
)
# P3 columns that are not offence rates.
_P3_POPULATION = re.compile(r"^population figures.*mid (\d{4})")
_P3_IGNORED = ("household figures", "residential burglary households")


@dataclass(frozen=True)
class Edition:
    folder: str  # the edition folder in the ONS URL
    filename: str
    period_end: str
    label: str
    url_verified: bool
    sha256: str
    published: str  # month of first publication (bulletin release); corrected re-issues keep it


EDITIONS: tuple[Edition, ...] = (
    Edition("yearendingmarch2018", "policeforceareatablesyearendingmarch2018v2.xlsx", "2018-03-31",
            "YE Mar 2018 (v2, North Wales revised)", True,
            "ded2c6c416269deca4a199fa83c015de41e8e8c9266236e3827f5816462865bb", "2018-07"),
    Edition("yearendingjune2018", "policeforceareadatatablesyearendingjune2018corrected.xlsx", "2018-06-30",
            "YE Jun 2018 (corrected Feb 2019)", False,
            "da7fae8b2901754c65c228778a164a547299f11b6bc9fd13b0efc63e6e5f90c8", "2018-10"),
    Edition("yearendingseptember2018", "policeforceareatablesyearendingsep18corrected.xlsx", "2018-09-30",
            "YE Sep 2018 (corrected Feb 2019)", False,
            "3da668e09cb1cdf3cff8d25f614c3fcff2a3dc4db4c2317e788ac063569b1a2a", "2019-01"),
    Edition("yearendingdecember2018", "policeforceareatablesyearendingdecember2018.xlsx", "2018-12-31",
            "YE Dec 2018", False, "8525131e22ee4e2e449e2cdc6c4a5276f47c8618e9daada1108180eac6d098a4", "2019-04"),
    Edition("yearendingmarch2019", "policeforceareatablesyeendingmarch2019.xlsx", "2019-03-31",
            "YE Mar 2019", True, "4dbbd08c70c00b7b99b2b48f8728df49eb682b459e85649d89dedb2ff8f47024", "2019-07"),
    Edition("yearendingjune2019", "policeforceareatablesyearendingjune2019.xlsx", "2019-06-30",
            "YE Jun 2019", False, "f9ee3b14e7b820728fb562a5d79840dbeacf85f14e0e4b11d84fb81921b0ba9c", "2019-10"),
    Edition("yearendingseptember2019", "policeforceareatablesyearendingseptember2019.xlsx", "2019-09-30",
            "YE Sep 2019", False, "fdc2691e093f434985e70d5a00b9d89d6ce6dec54b5ff3c56bd2538db7a9f085", "2020-01"),
    Edition("yearendingdecember2019", "pfatablesdec19.xlsx", "2019-12-31",
            "YE Dec 2019", False, "e4fd4114e4afd30f317c558528585d6614119d10b81d37b7a0843e05f627545d", "2020-04"),
)


def files() -> list[RemoteFile]:
    return [
        RemoteFile(
            source_id=SOURCE_ID,
            filename=e.filename,
            url=URL_PATTERN.format(edition=e.folder, filename=e.filename),
            mirror_path=f"ons/pfa_tables/{e.filename}",
            edition=e.label,
            format="xlsx",
            period_end=e.period_end,
            url_verified=e.url_verified,
            known_sha256=e.sha256,
            note="" if e.url_verified else "URL follows the ONS pattern for this dataset; not verified",
            published=e.published,
        )
        for e in EDITIONS
    ]


# ---------------------------------------------------------------------------------------------- parsing


_TITLE_PERIOD = re.compile(r"year ending\s+([A-Za-z]+)\s+(20\d{2}|\d{2})", re.IGNORECASE)


def periods_in_title(title: str) -> list[pd.Timestamp]:
    """Period ends named in a table title; glued footnote digits are tolerated ('March 181,2,3' = March 2018)."""
    found = []
    for month, year in _TITLE_PERIOD.findall(title):
        try:
            found.append(periods.to_timestamp(f"{month} {year}"))
        except Exception:  # noqa: BLE001 - a non-month word after 'year ending'; ignore it
            continue
    return found


@dataclass
class _Table:
    path: Path
    sheet: str
    rows: list
    header_index: int

    def where(self, column: int | None = None) -> str:
        place = f"{self.path.name}, sheet {self.sheet.strip()!r}"
        return place if column is None else f"{place}, column {column_letter(column)}"


def _read_table(workbook, path: Path, name: str, required: bool = True) -> _Table | None:
    sheet = find_sheet(workbook, name, path, required=required)
    if sheet is None:
        return None
    rows = sheet_rows(workbook, sheet)
    return _Table(path, sheet, rows, find_row(rows, "Area Code", path, sheet))


def _column_labels(table: _Table) -> dict[int, str]:
    """Column index -> header text; the unlabelled total column takes its super-header's text."""
    header = table.rows[table.header_index]
    above = table.rows[table.header_index - 1] if table.header_index else []
    labels = {}
    for i in range(2, len(header)):
        text = cell_text(header, i)
        over = cell_text(above, i)
        if not text and off.normalise_label(over).startswith("total recorded crime"):
            text = over
        labels[i] = text
    return labels


def _offence_columns(table: _Table, ignore=()) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for i, text in _column_labels(table).items():
        if not text:
            continue
        norm = off.normalise_label(text)
        if any(norm.startswith(prefix) for prefix in ignore):
            continue
        name = off.try_canonical(text)
        if name is None:
            raise LayoutError(
                f"{table.where(i)}: header {text!r} is not a known offence group; the table layout has changed"
            )
        if name in mapping.values():
            raise LayoutError(f"{table.where(i)}: offence {name!r} appears in two columns")
        mapping[i] = name
    missing = [o for o in EXPECTED_OFFENCES if o not in mapping.values()]
    if missing:
        raise LayoutError(f"{table.where()}: expected offence columns not found: {', '.join(missing)}")
    return mapping


# An ONS area code is a letter and eight digits; footnote digits are sometimes glued on ('E230000118' is
# South Yorkshire, E23000011, with note 8), so the code is read as its first nine characters and checked
# against the row's name.
_AREA_CODE = re.compile(r"([EKW]\d{8})(\d*)")


def _data_rows(table: _Table):
    """(row, code, name) for each geography row below the header, stopping at the footnotes.

    A row that is neither blank, nor a footnote, nor a placeable area is an error: nothing is skipped silently.
    """
    for number, row in enumerate(table.rows[table.header_index + 1:], start=table.header_index + 2):
        code, name = cell_text(row, 0), cell_text(row, 1)
        if code.lower().startswith("source") or re.match(r"^\d+[.\s]", code):
            break
        if not code and not name:
            continue  # blank, or the units row ('Numbers' sits in a value column)
        match = _AREA_CODE.fullmatch(code)
        if match:
            if match.group(2):
                _check_code_matches_name(table, number, code, match.group(1), name)
            yield row, match.group(1), name
        elif not code and forces.try_lookup(name):
            yield row, code, name
        else:
            raise LayoutError(f"{table.where()}, row {number}: cannot place area {code!r} {name!r} (not an ONS "
                              "area code, nor a force name); the table layout has changed")


def _check_code_matches_name(table: _Table, number: int, printed: str, code: str, name: str) -> None:
    """A code read after dropping glued digits must be the area the row names."""
    by_code = forces.try_lookup(code)
    by_name = forces.try_lookup(name)
    if by_code is None or by_name is None or by_code.code != by_name.code:
        raise LayoutError(f"{table.where()}, row {number}: area code {printed!r} (read as {code} plus footnote digits) "
                          f"does not match the name {name!r}")


def _check_complete(table: _Table, codes: set[str], period_end, *, with_btp: bool) -> None:
    """Every table must hold every territorial force, England and Wales, both countries and the regions (and BTP,
    except in the rates table: BTP has no resident population).

    A force absent because of a registered data gap (:mod:`peelstats.gaps`) is allowed.
    """
    expected = {f.code: f.name for f in forces.FORCES if f.territorial or (with_btp and f.code == forces.BTP_CODE)}
    expected |= {r.code: r.name for r in forces.REGIONS} | dict(forces.NATIONAL_NAMES)
    excused = {g.force_code for g in gaps.gaps_in(period_end)}
    missing = [f"{name} ({code})" for code, name in expected.items() if code not in codes and code not in excused]
    if missing:
        raise LayoutError(f"{table.where()}: no row for {', '.join(missing)}; every edition must hold all 43 forces, "
                          "British Transport Police, the regions, England, Wales and England and Wales")


def _footnotes(table: _Table, edition: str, label: str) -> list[dict]:
    notes = []
    for row in table.rows[table.header_index + 1:]:
        text = cell_text(row, 0)
        match = re.match(r"^(\d+)\.?\s+(.*)$", text, re.DOTALL)
        if match:
            notes.append({"source": SOURCE_ID, "edition": edition, "table": label,
                          "number": int(match.group(1)), "text": " ".join(match.group(2).split())})
    return notes


def _geography(table: _Table, code: str, name: str) -> tuple[str, str, str]:
    try:
        return forces.classify_geography(code, name)
    except KeyError as error:
        raise LayoutError(f"{table.where()}: unknown area {code or '(no code)'} {name!r}") from error


def _cells(table: _Table, columns: dict[int, str], period_end, *, with_btp: bool = True):
    """Yield (geo, offence, column, value) with value a float or a marker string; check the table is complete."""
    seen = set()
    for row, code, name in _data_rows(table):
        geo = _geography(table, code, name)
        seen.add(geo[0])
        for i, offence in columns.items():
            value = row[i] if i < len(row) else ""
            if isinstance(value, str):
                value = value.strip()
                if value not in MARKER_MEANINGS and value != "":
                    raise LayoutError(f"{table.where(i)}, row {name!r}: unexpected text {value!r} in a numeric cell")
            yield geo, offence, i, value
    _check_complete(table, seen, period_end, with_btp=with_btp)


def _geo_fields(geo: tuple[str, str, str]) -> dict:
    return {"geography_code": geo[0], "geography_name": geo[1], "geography_level": geo[2]}


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    workbook = open_workbook(path)
    edition = remote.edition
    p1 = _read_table(workbook, path, "Table P1")
    title_periods = periods_in_title(cell_text(p1.rows[0], 0))
    if not title_periods:
        raise LayoutError(f"{p1.where()}: cannot find 'year ending <month> <year>' in the title")
    period_end = max(title_periods)
    if remote.period_end and period_end != pd.Timestamp(remote.period_end):
        raise LayoutError(
            f"{p1.where()}: title says {periods.label(period_end)} but edition {edition!r} is registered "
            f"for {periods.label(remote.period_end)}"
        )
    start = periods.rolling_year_start(period_end)
    base = {"source": SOURCE_ID, "edition": edition}

    counts, unavailable, footnotes = [], [], []
    for geo, offence, _, value in _cells(p1, _offence_columns(p1), period_end):
        if isinstance(value, str):
            if value:
                unavailable.append({**base, "table": "P1", "period_end": period_end, **_geo_fields(geo),
                                    "offence": offence, "marker": value, "meaning": MARKER_MEANINGS[value]})
            continue
        counts.append({**base, "period_start": start, "period_end": period_end,
                       "period_kind": periods.ROLLING_YEAR, **_geo_fields(geo), "offence": offence,
                       "offence_group": off.group_of(offence), "count": int(round(value)), "negative": value < 0})
    footnotes += _footnotes(p1, edition, "P1")

    changes = []
    p2 = _read_table(workbook, path, "Table P2")
    p2_periods = periods_in_title(cell_text(p2.rows[0], 0))
    baseline_end = min(p2_periods) if len(p2_periods) >= 2 else periods.year_earlier(period_end)
    for geo, offence, _, value in _cells(p2, _offence_columns(p2), period_end):
        marker = value if isinstance(value, str) and value else None
        if value == "":
            continue
        changes.append({**base, "period_end": period_end, "baseline_end": baseline_end, **_geo_fields(geo),
                        "offence": offence, "offence_group": off.group_of(offence),
                        "change_pct": None if marker else float(value), "marker": marker})
        if marker == "..":
            unavailable.append({**base, "table": "P2", "period_end": period_end, **_geo_fields(geo),
                                "offence": offence, "marker": marker, "meaning": MARKER_MEANINGS[marker]})
    footnotes += _footnotes(p2, edition, "P2")

    rates, population = _parse_p3(workbook, path, base, period_end, unavailable, footnotes)
    population += _parse_p9(workbook, path, base)
    _note_incomplete_aggregates(population, unavailable)
    return {
        "counts": pd.DataFrame(counts),
        "published_change": pd.DataFrame(changes),
        "rates": pd.DataFrame(rates),
        "population": pd.DataFrame(population),
        "not_available": pd.DataFrame(unavailable),
        "footnotes": pd.DataFrame(footnotes),
    }


def _parse_p3(workbook, path, base, period_end, unavailable, footnotes):
    p3 = _read_table(workbook, path, "Table P3")
    labels = _column_labels(p3)
    population_column, mid_year = None, None
    for i, text in labels.items():
        match = _P3_POPULATION.match(off.normalise_label(text))
        if match:
            population_column, mid_year = i, int(match.group(1))
    if population_column is None:
        raise LayoutError(f"{p3.where()}: no 'Population figures (mid-YYYY)' column")
    columns = _offence_columns(p3, ignore=("population figures", *_P3_IGNORED))
    rates, population = [], []
    for geo, offence, _, value in _cells(p3, columns, period_end, with_btp=False):
        marker = value if isinstance(value, str) and value else None
        if value == "":
            continue
        rates.append({**base, "period_end": period_end, **_geo_fields(geo), "offence": offence,
                      "offence_group": off.group_of(offence), "rate_per_1000": None if marker else float(value),
                      "population_mid_year": mid_year, "marker": marker})
        if marker == "..":
            unavailable.append({**base, "table": "P3", "period_end": period_end, **_geo_fields(geo),
                                "offence": offence, "marker": marker, "meaning": MARKER_MEANINGS[marker]})
    for row, code, name in _data_rows(p3):
        value = row[population_column]
        if isinstance(value, int | float):
            population.append({**base, **_geo_fields(_geography(p3, code, name)), "mid_year": mid_year,
                               "population": int(round(value)), "note": "ONS mid-year estimate, rounded to 100"})
    footnotes += _footnotes(p3, base["edition"], "P3")
    return rates, population


def _parse_p9(workbook, path, base) -> list[dict]:
    p9 = _read_table(workbook, path, "Table P9", required=False)
    if p9 is None:
        return []
    header = p9.rows[p9.header_index]
    years = {i: int(v) for i, v in enumerate(header) if isinstance(v, int | float) and 1990 < v < 2100}
    if not years:
        raise LayoutError(f"{p9.where()}: no mid-year columns in the header row")
    rows = []
    for row, code, name in _data_rows(p9):
        geo = _geography(p9, code, name)
        for i, year in years.items():
            value = row[i] if i < len(row) else None
            if isinstance(value, int | float):
                rows.append({**base, **_geo_fields(geo), "mid_year": year, "population": int(round(value)),
                             "note": "ONS mid-year estimate, rounded to 100 (Table P9)"})
    return rows


def _note_incomplete_aggregates(population: list[dict], unavailable: list[dict]) -> None:
    """Flag aggregate populations that leave out a force whose data were not available (GMP, 2019)."""
    missing = {u["geography_code"] for u in unavailable
               if u["geography_level"] == "force" and u["offence"] == off.TOTAL and u["marker"] == ".."}
    if not missing:
        return
    names = ", ".join(sorted(forces.by_code(c).name for c in missing))
    regions = {forces.by_code(c).region_code for c in missing}
    countries = {forces.ENGLAND_CODE if c.startswith("E") else forces.WALES_CODE for c in missing}
    for row in population:
        if row["geography_code"] in regions | countries | {forces.NATIONAL_CODE}:
            row["note"] += f"; excludes {names} (crime data not available, so left out of this total)"


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Office for National Statistics",
    title="Police Force Area data tables (Crime in England and Wales)",
    landing_page=LANDING_PAGE,
    format="xlsx",
    edition_note="One edition per quarter; each holds one rolling year (P1), its change (P2) and rates (P3).",
    parser=parse,
    files=files,
    caveats=(
        "England and Wales totals include British Transport Police; no force row does.",
        "Police recorded crime is not designated National Statistics; changes reflect recording practice.",
    ),
)
