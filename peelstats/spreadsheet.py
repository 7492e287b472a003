"""Reading published spreadsheets (xlsx and ods) with python-calamine, tolerating their presentation quirks.

Sheet names are matched ignoring case and surrounding spaces (``'Table P1 '``, ``'Table P4  '``); header rows
are found by their content (e.g. the ``Area Code`` cell), never by a fixed row number.
"""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineWorkbook

from peelstats.exceptions import LayoutError

Row = list  # cells as python values: str, float, int, bool, date...


def open_workbook(path: Path) -> CalamineWorkbook:
    try:
        return CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for corrupt zips
        raise LayoutError(f"{path.name}: cannot be read as a spreadsheet ({error})") from error


def find_sheet(workbook: CalamineWorkbook, wanted: str, path: Path, required: bool = True) -> str | None:
    """The actual sheet name matching ``wanted`` ignoring case and surrounding/double spaces."""
    key = " ".join(wanted.split()).lower()
    for name in workbook.sheet_names:
        if " ".join(name.split()).lower() == key:
            return name
    if required:
        raise LayoutError(
            f"{path.name}: no sheet named {wanted!r}; sheets are {', '.join(map(repr, workbook.sheet_names))}"
        )
    return None


def sheet_rows(workbook: CalamineWorkbook, sheet: str) -> list[Row]:
    return workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)


def find_row(rows: list[Row], first_cell: str, path: Path, sheet: str, within: int = 40) -> int:
    """Index of the first row whose column A reads ``first_cell`` (ignoring case and spaces)."""
    key = first_cell.strip().lower()
    for i, row in enumerate(rows[:within]):
        if row and str(row[0]).strip().lower() == key:
            return i
    raise LayoutError(
        f"{path.name}, sheet {sheet.strip()!r}: no header row starting {first_cell!r} in the first {within} rows"
    )


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
