"""ONS "Police Force Area data tables" (Crime in England and Wales), one xlsx per quarterly edition.

Parsed tables:

* **P1** counts by offence group for forces, regions, England, Wales, England and Wales (the E&W total
  includes British Transport Police; BTP also has its own row, with no area code);
* **P2** ONS's own published % change on the same period a year earlier (``'-'``: base under 50 or not
  comparable; ``'..'``: not available);
* **P3** rates per 1,000 population, with the mid-year population used (lags the crime period);
* **P9** mid-year population estimates 2002-2016 (YE March 2018 edition only).

* **C2** (2020s editions) counts by Community Safety Partnership within each force: a geography level below
  the force (``csp``, with its parent force), the "Unassigned <force>" rows kept and flagged
  (``csp_unassigned``; a partnership printed without a code, such as Manchester Airport, is named
  ``<force code>-<name>``), and each force's partnerships checked to add up to its P1 count.

Layout quirks handled, 2018-2019 and 2020s alike: the header row found by its content wherever it sits (a
code and a name column, in any position), text rows above it, super-header cells above the header (values
only in the first cell), an unlabelled total column, spacer columns, columns in any order, header cells with
line breaks and extra spaces, footnotes as glued digits (``E230000118``, ``Humberside4``) or tags
(``[note 3]``, ``[Note 6]``, ``[note 1][note 2]``), trailing spaces in names and sheet names, numbers stored as
text with thousands separators, the markers ``'-'``/``'..'``/``'+'`` and ``[x]``/``[c]``/``[z]``/``[u]`` with their
meanings kept, footnotes below the data. An edition may hold only some tables (the registry says which);
xls, xlsx and single sheets saved as CSV go through the same code. Editions are data: see
:mod:`peelstats.ingest.sources.ons_editions`.
"""

from __future__ import annotations

import csv
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from peelstats.errors import LayoutError
from peelstats.ingest.sources import completeness, ons_editions
from peelstats.ingest.sources.base import ParsedTables, RemoteFile, Source, SourceId
from peelstats.ingest.spreadsheet import cell_text, column_letter, find_sheet, open_workbook, sheet_rows
from peelstats.reference import forces, periods
from peelstats.reference import offences as off

log = logging.getLogger(__name__)

SOURCE_ID = SourceId.ONS_PFA_TABLES
DATASET_PATH = ons_editions.DATASET_PATH
LANDING_PAGE = ons_editions.LANDING_PAGE

MARKER_MEANINGS = {
    "..": "data not available",
    "-": "change not shown: base fewer than 50, or not comparable after a classification change",
    "+": "rate suppressed: population too small",
    "[x]": "data not available",
    "[c]": "confidential (suppressed to protect confidentiality)",
    "[z]": "not applicable",
    "[u]": "low reliability",
}
_NOTE_TAG = re.compile(r"\[\s*note\s*\d+\s*\]", re.IGNORECASE)
_TEXT_NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")

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


def files() -> list[RemoteFile]:
    """Every registered, discovered or added edition (see :mod:`peelstats.ingest.sources.ons_editions`)."""
    out = []
    for e in ons_editions.editions():
        out.append(RemoteFile(
            source_id=SOURCE_ID,
            filename=e.filename,
            url="" if e.mirror_only else e.address,  # a sheet export has no address at the publisher
            mirror_path=e.mirror_path or f"ons/pfa_tables/{e.filename}",
            edition=e.label,
            format=e.format,
            period_end=e.period_end,
            url_verified=e.url_verified,
            known_sha256=e.sha256 or None,
            note=e.note or ("" if e.url_verified else "URL follows the ONS pattern for this dataset; not verified"),
            published=e.published,
            required=e.required,
            mirror_only=e.mirror_only,
            tables=e.tables,
            found_online=e.origin != "registered",
        ))
    return out


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
    code_col: int  # the area (or force) code column
    name_col: int
    csp_code_col: int | None = None  # Table C2: the community safety partnership columns
    csp_name_col: int | None = None
    id_cols: tuple[int, ...] = ()  # every identification column (codes and names): not values

    def where(self, column: int | None = None) -> str:
        place = f"{self.path.name}, sheet {self.sheet.strip()!r}"
        return place if column is None else f"{place}, column {column_letter(column)}"


def clean(text) -> str:
    """A label or name without note tags, line breaks or extra spaces: 'ENGLAND AND WALES [note 3]' ->
    'ENGLAND AND WALES', 'Total recorded crime\\n (excluding fraud) \\n[note 2]' -> 'Total recorded crime
    (excluding fraud)'."""
    return " ".join(_NOTE_TAG.sub(" ", str(text if text is not None else "")).split())


def _header_key(text) -> str:
    return clean(text).lower().replace("-", " ")


def _find_header(rows: list, path: Path, sheet: str) -> _Table:
    """The header row, found by its content wherever it sits: a code and a name column ('Area Code', 'Police
    Force Area code'), plus, in Table C2, the community safety partnership columns."""
    for i, row in enumerate(rows[:60]):
        keys = [_header_key(cell) for cell in row]
        codes = [j for j, k in enumerate(keys) if k in ("area code", "police force area code")]
        names = [j for j, k in enumerate(keys) if k in ("area name", "police force area name")]
        if codes and names:
            csp_code = next((j for j, k in enumerate(keys) if k == "community safety partnership code"), None)
            csp_name = next((j for j, k in enumerate(keys) if k == "community safety partnership name"), None)
            ids = tuple(j for j, k in enumerate(keys) if k.endswith((" code", " name")) and
                        k.split()[0] in ("area", "police", "community", "local"))
            return _Table(path, sheet, rows, i, codes[0], names[0], csp_code, csp_name, ids)
    raise LayoutError(f"{path.name}, sheet {sheet.strip()!r}: no header row with an area code and an area name "
                      "column in the first 60 rows; the table layout has changed")


def _read_table(workbook, path: Path, name: str, required: bool = True) -> _Table | None:
    sheet = find_sheet(workbook, name, path, required=required)
    if sheet is None:
        return None
    return _find_header(sheet_rows(workbook, sheet), path, sheet)


def _column_labels(table: _Table) -> dict[int, str]:
    """Column index -> header text for the value columns; an unlabelled total column takes its super-header's
    text."""
    header = table.rows[table.header_index]
    above = table.rows[table.header_index - 1] if table.header_index else []
    labels = {}
    for i in range(len(header)):
        if i in table.id_cols or i in (table.code_col, table.name_col):
            continue
        text = clean(cell_text(header, i))
        over = clean(cell_text(above, i))
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
        code, name = clean(cell_text(row, table.code_col)), clean(cell_text(row, table.name_col))
        first = clean(cell_text(row, 0))
        if first.lower().startswith("source") or re.match(r"^\d+[.\s]", first):
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

    A force absent because of a registered data gap (:mod:`peelstats.reference.gaps`) is allowed.
    """
    missing = completeness.missing_areas(codes, period_end, with_btp=with_btp, with_aggregates=True)
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


def _value(table: _Table, column: int, name: str, value):
    """A cell as a number, a marker ('[x]', '..') or '' (empty); numbers stored as text ('5,287,312 ') are
    numbers; anything else is an error naming the cell."""
    if not isinstance(value, str):
        return value if value is not None else ""
    text = value.strip()
    if text in MARKER_MEANINGS or text == "":
        return text
    if _TEXT_NUMBER.match(text):
        return float(text.replace(",", ""))
    raise LayoutError(f"{table.where(column)}, row {name!r}: unexpected text {text!r} in a numeric cell")


def _cells(table: _Table, columns: dict[int, str], period_end, *, with_btp: bool = True):
    """Yield (geo, offence, column, value) with value a float or a marker string; check the table is complete."""
    seen = set()
    for row, code, name in _data_rows(table):
        geo = _geography(table, code, name)
        seen.add(geo[0])
        for i, offence in columns.items():
            yield geo, offence, i, _value(table, i, name, row[i] if i < len(row) else "")
    _check_complete(table, seen, period_end, with_btp=with_btp)


def _geo_fields(geo: tuple[str, str, str]) -> dict:
    return {"geography_code": geo[0], "geography_name": geo[1], "geography_level": geo[2]}


# ------------------------------------------------------------------------------------------------ editions


_TABLE_TITLE = re.compile(r"^\s*Table\s+([A-Z]\d+)\b", re.IGNORECASE)


class _Sheets:
    """The tables of one file: the sheets of a workbook (xlsx, xls, ods), or one sheet saved as CSV."""

    def __init__(self, path: Path, remote: RemoteFile):
        self.path = path
        if remote.format == "csv":
            self.workbook = None
            try:
                with path.open(encoding="utf-8-sig", newline="") as fh:
                    rows = [list(r) for r in csv.reader(fh)]
            except (UnicodeDecodeError, csv.Error) as error:
                raise LayoutError(f"{path.name}: not a CSV sheet export ({error})") from error
            title = clean(rows[0][0]) if rows and rows[0] else ""
            named = _TABLE_TITLE.match(title)
            wanted = (remote.tables or "").split()
            name = f"Table {named.group(1).upper()}" if named else (f"Table {wanted[0]}" if len(wanted) == 1 else "")
            if not name:
                raise LayoutError(f"{path.name}: a sheet export whose title names no table ({title[:60]!r})")
            self.csv = {name: rows}
        else:
            self.workbook = open_workbook(path)
            self.csv = {}

    def table(self, name: str, required: bool) -> _Table | None:
        if self.workbook is None:
            key = next((k for k in self.csv if k.lower() == name.lower()), None)
            if key is None:
                if required:
                    raise LayoutError(f"{self.path.name}: holds {', '.join(self.csv)}, not {name}")
                return None
            return _find_header(self.csv[key], self.path, key)
        return _read_table(self.workbook, self.path, name, required=required)


def _wanted(remote: RemoteFile) -> set[str] | None:
    """The tables the registry says the file holds (None: not said, so whatever is there)."""
    return {t.upper() for t in remote.tables.split()} if remote.tables else None


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    sheets = _Sheets(path, remote)
    edition = remote.edition
    wanted = _wanted(remote) or ({name.split()[-1] for name in sheets.csv} if sheets.csv else None)

    def required(table: str) -> bool:
        return wanted is not None and table in wanted

    p1 = sheets.table("Table P1", required("P1") or wanted is None)
    c2 = sheets.table("Table C2", required("C2"))
    anchor = p1 or c2
    if anchor is None:
        raise LayoutError(f"{path.name}: no Table P1 or Table C2")
    title_periods = periods_in_title(clean(cell_text(anchor.rows[0], 0)))
    if not title_periods:
        raise LayoutError(f"{anchor.where()}: cannot find 'year ending <month> <year>' in the title")
    period_end = max(title_periods)
    if remote.period_end and period_end != pd.Timestamp(remote.period_end):
        raise LayoutError(
            f"{anchor.where()}: title says {periods.label(period_end)} but edition {edition!r} is registered "
            f"for {periods.label(remote.period_end)}"
        )
    start = periods.rolling_year_start(period_end)
    base = {"source": SOURCE_ID, "edition": edition}

    counts, unavailable, footnotes = [], [], []
    if p1 is not None:
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
    c2_force_rows = []
    if c2 is not None:
        partnerships, c2_force_rows = _parse_c2(c2, base, start, period_end, unavailable,
                                                p1_counts=counts if p1 is not None else None)
        counts += partnerships

    changes = []
    p2 = sheets.table("Table P2", required("P2"))
    if p2 is not None:
        p2_periods = periods_in_title(clean(cell_text(p2.rows[0], 0)))
        baseline_end = min(p2_periods) if len(p2_periods) >= 2 else periods.year_earlier(period_end)
        for geo, offence, _, value in _cells(p2, _offence_columns(p2), period_end):
            marker = value if isinstance(value, str) and value else None
            if value == "":
                continue
            changes.append({**base, "period_end": period_end, "baseline_end": baseline_end, **_geo_fields(geo),
                            "offence": offence, "offence_group": off.group_of(offence),
                            "change_pct": None if marker else float(value), "marker": marker})
            if marker in ("..", "[x]"):
                unavailable.append({**base, "table": "P2", "period_end": period_end, **_geo_fields(geo),
                                    "offence": offence, "marker": marker, "meaning": MARKER_MEANINGS[marker]})
        footnotes += _footnotes(p2, edition, "P2")

    rates, population = [], []
    p3 = sheets.table("Table P3", required("P3"))
    if p3 is not None:
        rates, population = _parse_p3(p3, base, period_end, unavailable, footnotes)
    if sheets.workbook is not None:
        population += _parse_p9(sheets.workbook, path, base)
    _note_incomplete_aggregates(population, unavailable)
    held = [name for name, table in (("P1", p1), ("C2", c2), ("P2", p2), ("P3", p3)) if table is not None]
    if "P2" not in held:
        log.info("%s holds %s only: no published changes, so no baseline from this edition", path.name,
                 ", ".join(held))
    return {
        "counts": pd.DataFrame(counts),
        "published_change": pd.DataFrame(changes),
        "rates": pd.DataFrame(rates),
        "population": pd.DataFrame(population),
        "not_available": pd.DataFrame(unavailable),
        "footnotes": pd.DataFrame(footnotes),
        C2_FORCE_ROWS: pd.DataFrame(c2_force_rows),
    }


def _parse_c2(table: _Table, base: dict, start, period_end, unavailable: list, *, p1_counts: list | None):
    """Table C2: counts by community safety partnership within each force.

    Each force's partnerships and its "Unassigned" row must add up to the force's own row, and (when Table P1 is
    in the same file) to its P1 count; ``check_partnerships`` checks P1 when the tables come in separate files.
    """
    if table.csp_code_col is None or table.csp_name_col is None:
        raise LayoutError(f"{table.where()}: no community safety partnership code and name columns")
    columns = _offence_columns(table, ignore=("local authority",))
    rows, force_rows = [], {}
    seen = set()
    marked: set[tuple[str, str]] = set()  # (force, offence) with a partnership figure withheld: cannot add up
    for number, row in enumerate(table.rows[table.header_index + 1:], start=table.header_index + 2):
        code = clean(cell_text(row, table.code_col))
        force_name = clean(cell_text(row, table.name_col))
        csp_code, csp_name = clean(cell_text(row, table.csp_code_col)), clean(cell_text(row, table.csp_name_col))
        if not code and not force_name and not csp_name:
            continue
        force = forces.try_lookup(code) or forces.try_lookup(force_name)
        if force is None or not force.territorial:
            raise LayoutError(f"{table.where()}, row {number}: cannot place force {code!r} {force_name!r}")
        seen.add(force.code)
        values = {offence: _value(table, i, csp_name or force_name, row[i] if i < len(row) else "")
                  for i, offence in columns.items()}
        if not csp_code and not csp_name:
            force_rows[force.code] = values
            continue
        if csp_name.lower().startswith("unassigned"):
            geo = {"geography_code": f"{force.code}-U", "geography_name": csp_name,
                   "geography_level": "csp_unassigned"}
        elif re.fullmatch(r"[EW]\d{8}", csp_code):
            geo = {"geography_code": csp_code, "geography_name": csp_name, "geography_level": "csp"}
        elif not csp_code and csp_name:  # printed without a code (Manchester Airport): named by force and name
            geo = {"geography_code": f"{force.code}-{re.sub(r'[^a-z0-9]+', '-', csp_name.lower()).strip('-')}",
                   "geography_name": csp_name, "geography_level": "csp"}
        else:
            raise LayoutError(f"{table.where()}, row {number}: community safety partnership {csp_code!r} "
                              f"{csp_name!r} is not an ONS code")
        for offence, value in values.items():
            if isinstance(value, str):
                if value:
                    unavailable.append({**base, "table": "C2", "period_end": period_end, **geo, "offence": offence,
                                        "marker": value, "meaning": MARKER_MEANINGS[value]})
                    marked.add((force.code, offence))
                continue
            rows.append({**base, "period_start": start, "period_end": period_end,
                         "period_kind": periods.ROLLING_YEAR, **geo, "parent_code": force.code, "offence": offence,
                         "offence_group": off.group_of(offence), "count": int(round(value)), "negative": value < 0})
    missing = [f.name for f in forces.TERRITORIAL_FORCES if f.code not in seen]
    if missing:
        raise LayoutError(f"{table.where()}: no rows for {', '.join(missing)}")
    frame = pd.DataFrame(rows)
    sums = frame.groupby(["parent_code", "offence"])["count"].sum() if len(frame) else pd.Series(dtype=int)
    force_totals, small, withheld = [], [], []
    for code, values in force_rows.items():
        for offence, value in values.items():
            if not isinstance(value, float):
                continue
            force_totals.append({"edition": base["edition"], "geography_code": code, "offence": offence,
                                 "count": int(round(value))})
            added = int(sums.get((code, offence), 0))
            if (code, offence) in marked:  # a partnership's figure is withheld: the rest cannot add up to the force
                withheld.append(f"{forces.by_code(code).name} {offence.lower()}")
                continue
            if added != int(round(value)):
                if abs(added - int(round(value))) > PARTNERSHIP_SLACK:
                    raise LayoutError(f"{table.where()}: {forces.by_code(code).name} {offence}: its partnerships add "
                                      f"up to {added:,}, its own row says {int(round(value)):,}; the table layout has "
                                      "changed or a column was misread")
                small.append(f"{forces.by_code(code).name} {offence.lower()} {added:,} against {int(round(value)):,}")
    if small:  # ONS's own rounding of cross-boundary crimes: kept as published, and said once
        log.warning("%s: the partnerships do not add up exactly to their force's own row in ONS's figures (%s); "
                    "the published figures are kept as they are", table.where(), "; ".join(small))
    if withheld:
        log.warning("%s: not checked that the partnerships add up to their force (a partnership's figure is marked "
                    "unavailable): %s", table.where(), "; ".join(withheld))
    if p1_counts is not None:
        check_partnerships({"counts": pd.DataFrame(p1_counts), C2_FORCE_ROWS: pd.DataFrame(force_totals)})
    return rows, force_totals


C2_FORCE_ROWS = "c2_force_rows"  # not a table of the dataset: Table C2's force rows, kept to check against P1
# ONS's own partnership rows can miss a force's total by a crime or two (Gwent and South Wales, YE Jun 2025): a
# named warning. More than this is a misread table, an error.
PARTNERSHIP_SLACK = 5


def check_partnerships(tables: dict[str, pd.DataFrame]) -> None:
    """Table C2's force rows must equal Table P1's, whether they come in one workbook or in two files saved from
    it (the mirror's YE Jun 2025 sheet exports)."""
    counts, c2 = tables.get("counts"), tables.get(C2_FORCE_ROWS)
    if counts is None or c2 is None or counts.empty or c2.empty:
        return
    p1 = counts[counts.geography_level == "force"].set_index(["edition", "geography_code", "offence"])["count"]
    for row in c2.itertuples(index=False):
        key = (row.edition, row.geography_code, row.offence)
        if key in p1.index and int(row.count) != int(p1[key]):
            raise LayoutError(f"{SOURCE_ID} edition {row.edition!r}: {forces.by_code(row.geography_code).name} "
                              f"{row.offence}: Table C2 says {int(row.count):,}, Table P1 says {int(p1[key]):,}; the "
                              "table layout has changed or a column was misread")


def _parse_p3(p3: _Table, base, period_end, unavailable, footnotes):
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
        if marker in ("..", "[x]"):
            unavailable.append({**base, "table": "P3", "period_end": period_end, **_geo_fields(geo),
                                "offence": offence, "marker": marker, "meaning": MARKER_MEANINGS[marker]})
    for row, code, name in _data_rows(p3):
        value = _value(p3, population_column, name, row[population_column] if population_column < len(row) else "")
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
               if u["geography_level"] == "force" and u["offence"] == off.TOTAL and u["marker"] in ("..", "[x]")}
    if not missing:
        return
    names = ", ".join(sorted(forces.by_code(c).name for c in missing))
    regions = {forces.by_code(c).region_code for c in missing}
    countries = {forces.ENGLAND_CODE if c.startswith("E") else forces.WALES_CODE for c in missing}
    for row in population:
        if row["geography_code"] in regions | countries | {forces.NATIONAL_CODE}:
            row["note"] += f"; excludes {names} (crime data not available, so left out of this total)"


def learn(remote: RemoteFile, parsed: ParsedTables) -> None:
    """An edition found or added with no period in its address: its title gave one; record it in the user's
    registry, so `peelstats editions` lists the period and label."""
    counts = parsed.get("counts")
    if remote.period_end or not remote.found_online or counts is None or not len(counts):
        return
    ons_editions.record_period(remote.filename, pd.Timestamp(counts.period_end.max()))


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Office for National Statistics",
    title="Police Force Area data tables (Crime in England and Wales)",
    landing_page=LANDING_PAGE,
    format="xlsx",
    edition_note="One edition per quarter; each holds one rolling year (P1), its change (P2) and rates (P3).",
    parser=parse,
    files=files,
    check=check_partnerships,
    learn=learn,
    caveats=(
        "England and Wales totals include British Transport Police; no force row does.",
        "Police recorded crime is not designated National Statistics; changes reflect recording practice.",
    ),
)
