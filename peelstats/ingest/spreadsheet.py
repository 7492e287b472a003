"""Reading published spreadsheets (xlsx and ods) with python-calamine, tolerating their presentation quirks.

Sheet names are matched ignoring case and surrounding spaces (``'Table P1 '``, ``'Table P4  '``); header rows
are found by their content by each reader, never by a fixed row number.
"""

from __future__ import annotations

import re
from pathlib import Path

from python_calamine import CalamineWorkbook

from peelstats.errors import LayoutError

Row = list  # cells as python values: str, float, int, bool, date...


def open_workbook(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for corrupt zips
        raise LayoutError(f"{path.name}: cannot be read as a spreadsheet ({error})") from error


def find_sheet(workbook: CalamineWorkbook, wanted: str, path: Path, required: bool = True) -> str | None:
    """The actual sheet name matching ``wanted`` ignoring case, spaces, underscores and a 'Table' prefix."""
    key = _sheet_key(wanted)
    for name in workbook.sheet_names:
        if _sheet_key(name) == key:
            return name
    if required:
        raise LayoutError(
            f"{path.name}: no sheet named {wanted!r}; sheets are {', '.join(map(repr, workbook.sheet_names))}"
        )
    return None


def _sheet_key(name: str) -> str:
    """'Table P1 ', 'Table_P1', 'TABLE P1' and 'P1' are the same sheet."""
    key = re.sub(r"[^a-z0-9]", "", name.lower())
    return key.removeprefix("table")


def sheet_rows(workbook: CalamineWorkbook, sheet: str) -> list[Row]:
    return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_text(row: Row, index: int) -> str:
    if index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()
