"""Home Office "Police recorded crime and outcomes open data tables": force x financial quarter x offence code.

The current ``prc-pfa-mar2013-onwards-tables-*.ods`` changes name with every release, so by default the
link is resolved through the GOV.UK Content API. Every financial-year sheet of the ODS is parsed. The mirror
holds one year saved as CSV; it goes through :func:`standardise_sheet`, exactly as one ODS sheet does.

Quirks handled: counts are strings padded with spaces; ``London, City of``; ``Financial Fraud Action UK``
renamed ``UK Finance`` mid-year; in some vintages the residential burglary codes sit under the subgroup
``Domestic burglary`` (so burglary is mapped by offence code, not subgroup name).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd
import requests

from peelstats import forces, periods
from peelstats import offences as off
from peelstats.download import check_format
from peelstats.exceptions import DownloadError, LayoutError
from peelstats.sources.base import ParsedTables, RemoteFile, Source
from peelstats.spreadsheet import cell_text, open_workbook, sheet_rows

log = logging.getLogger(__name__)

SOURCE_ID = "prc-open-data"
CONTENT_API_URL = ("https://www.gov.uk/api/content/government/statistical-data-sets/"
                   "police-recorded-crime-and-outcomes-open-data-tables")
LANDING_PAGE = ("https://www.gov.uk/government/statistical-data-sets/"
                "police-recorded-crime-and-outcomes-open-data-tables")
ODS_NAME = re.compile(r"prc-pfa-mar2013-onwards-tables[^/\"]*\.ods$", re.IGNORECASE)

COLUMNS = ["Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group",
           "Offence Subgroup", "Offence Code", "Number of Offences"]

# Burglary by code: the April 2017 codes replaced the old ones, whatever the subgroup is called.
BURGLARY_CODES = {
    **dict.fromkeys(["28A", "28B", "28C", "28D", "29"], off.DOMESTIC_BURGLARY),
    **dict.fromkeys(["28E", "28F", "28G", "28H", "29A"], off.RESIDENTIAL_BURGLARY),
    **dict.fromkeys(["30A", "30B", "31"], off.NON_DOMESTIC_BURGLARY),
    **dict.fromkeys(["30C", "30D", "31A"], off.NON_RESIDENTIAL_BURGLARY),
}
# ONS's "death or serious injury - unlawful driving" sub-category; these codes sit under
# "Violence with injury" in the open data (see docs/assumptions.md).
DEATH_BY_DRIVING_CODES = {"4.4", "4.6", "4.8", "4.9", "37.1"}

SUBGROUPS = {
    "homicide": off.HOMICIDE,
    "violence with injury": off.VIOLENCE_WITH_INJURY,
    "violence without injury": off.VIOLENCE_WITHOUT_INJURY,
    "stalking and harassment": off.STALKING,
    "death or serious injury caused by illegal driving": off.DEATH_BY_DRIVING,
    "death or serious injury unlawful driving": off.DEATH_BY_DRIVING,
    "domestic burglary": off.DOMESTIC_BURGLARY,
    "non domestic burglary": off.NON_DOMESTIC_BURGLARY,
    "residential burglary": off.RESIDENTIAL_BURGLARY,
    "non residential burglary": off.NON_RESIDENTIAL_BURGLARY,
    "theft from a vehicle": off.VEHICLE,
    "theft of a motor vehicle": off.VEHICLE,
    "vehicle interference": off.VEHICLE,
    "theft from the person": off.THEFT_FROM_PERSON,
    "bicycle theft": off.BICYCLE,
    "shoplifting": off.SHOPLIFTING,
    "other theft offences": off.OTHER_THEFT,
    "all other theft offences": off.OTHER_THEFT,
    "arson": off.CRIMINAL_DAMAGE,
    "criminal damage": off.CRIMINAL_DAMAGE,
}
# Groups with a single leaf in the taxonomy: any subgroup maps to it.
SINGLE_LEAF_GROUPS = {
    "sexual offences": off.SEXUAL, "robbery": off.ROBBERY, "criminal damage and arson": off.CRIMINAL_DAMAGE,
    "drug offences": off.DRUGS, "possession of weapons offences": off.WEAPONS,
    "public order offences": off.PUBLIC_ORDER, "miscellaneous crimes": off.MISCELLANEOUS,
    "miscellaneous crimes against society": off.MISCELLANEOUS, "fraud offences": off.FRAUD,
}


def files() -> list[RemoteFile]:
    """The mirror's copy: the 2017/18 sheet of the mid-2019 ODS, saved as CSV by a third party."""
    return [RemoteFile(
        source_id=SOURCE_ID,
        filename="prc-pfa-2017-18-sheet.csv",
        url=CONTENT_API_URL,
        mirror_path="homeoffice/prc-pfa-2017-18-sheet.csv",
        edition="mid-2019 vintage (2017/18 sheet as CSV)",
        format="csv",
        period_end="2018-03-31",
        url_verified=False,
        published="2019-07",
        known_sha256="72e2f98aaad643ef615654a3fdfb4af45641644bf2c5b3e0ce4bf797acf8f683",
        note="Without a mirror the current ODS is resolved through the GOV.UK Content API.",
    )]


def resolve_current(session: requests.Session, api_url: str = CONTENT_API_URL, timeout: float = 30) -> list[RemoteFile]:
    """Find the current ``prc-pfa-mar2013-onwards-tables-*.ods`` attachment through the GOV.UK Content API."""
    try:
        response = session.get(api_url, timeout=timeout)
    except requests.RequestException as error:
        raise DownloadError(f"GOV.UK Content API {api_url} unreachable: {error}") from error
    if response.status_code != 200:
        raise DownloadError(f"GOV.UK Content API {api_url} answered HTTP {response.status_code}")
    check_format(response.content[:4096], "json", api_url, response.headers.get("Content-Type"))
    payload = response.json()
    edition_date = str(payload.get("public_updated_at") or payload.get("updated_at") or "")[:10]
    candidates = []
    for attachment in (payload.get("details") or {}).get("attachments") or []:
        url = attachment.get("url") or ""
        if ODS_NAME.search(url) or ODS_NAME.search(attachment.get("filename") or ""):
            candidates.append(url)
    if not candidates:  # older payloads embed links in HTML "documents"
        candidates = re.findall(r"https?://[^\s\"'<>]+prc-pfa-mar2013-onwards-tables[^\s\"'<>]*\.ods",
                                response.text)
    if not candidates:
        raise DownloadError(f"GOV.UK Content API {api_url}: no prc-pfa-mar2013-onwards-tables*.ods attachment found")
    url = candidates[0]
    return [RemoteFile(
        source_id=SOURCE_ID, filename=url.rsplit("/", 1)[-1], url=url,
        mirror_path="homeoffice/" + url.rsplit("/", 1)[-1],
        edition=f"GOV.UK release {edition_date}" if edition_date else "GOV.UK current release",
        format="ods", url_verified=True,
    )]


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    if remote.format == "csv":
        frame = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8-sig")
        return {"counts": standardise_sheet(frame, path.name, "CSV", remote.edition)}
    workbook = open_workbook(path)
    sheets = []
    for name in workbook.sheet_names:
        rows = sheet_rows(workbook, name)
        header = _header_index(rows)
        if header is None:
            log.debug("%s: sheet %r has no open-data header; skipped", path.name, name)
            continue
        columns = [cell_text(rows[header], i) for i in range(len(rows[header]))]
        frame = pd.DataFrame([[cell_text(r, i) for i in range(len(columns))] for r in rows[header + 1:]],
                             columns=columns, dtype="string")
        frame = frame[(frame != "").any(axis=1)]
        sheets.append(standardise_sheet(frame, path.name, name, remote.edition))
    if not sheets:
        raise LayoutError(f"{path.name}: no sheet has the open-data columns {COLUMNS}")
    return {"counts": pd.concat(sheets, ignore_index=True)}


def _header_index(rows: list) -> int | None:
    for i, row in enumerate(rows[:20]):
        cells = {cell_text(row, j) for j in range(len(row))}
        if {"Force Name", "Offence Code"} <= cells:
            return i
    return None


def standardise_sheet(frame: pd.DataFrame, filename: str, sheet: str, edition: str) -> pd.DataFrame:
    """One financial-year sheet (from the ODS or its CSV export) to tidy ``counts`` rows."""
    frame = frame.rename(columns=lambda c: str(c).strip())
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise LayoutError(f"{filename}, sheet {sheet!r}: expected columns {missing} not found; "
                          f"columns are {list(frame.columns)}")
    text = frame[COLUMNS].apply(lambda s: s.astype("string").str.strip())
    numbers = pd.to_numeric(text["Number of Offences"].str.replace(",", "", regex=False), errors="coerce")
    bad = numbers.isna()
    if bad.any():
        i = bad.to_numpy().nonzero()[0][0]
        raise LayoutError(f"{filename}, sheet {sheet!r}, column 'Number of Offences', data row {i + 1}: "
                          f"{text['Number of Offences'].iloc[i]!r} is not a number")
    quarter = pd.to_numeric(text["Financial Quarter"], errors="coerce")
    if quarter.isna().any() or not quarter.isin([1, 2, 3, 4]).all():
        raise LayoutError(f"{filename}, sheet {sheet!r}, column 'Financial Quarter': values outside 1-4")

    bounds = {key: periods.financial_quarter_bounds(*key)
              for key in set(zip(text["Financial Year"], quarter.astype(int), strict=True))}
    keys = list(zip(text["Financial Year"], quarter.astype(int), strict=True))
    geo = {}
    for name in text["Force Name"].unique():
        try:
            geo[name] = forces.classify_geography(None, name)
        except KeyError as error:
            raise LayoutError(f"{filename}, sheet {sheet!r}, column 'Force Name': unknown force {name!r}") from error

    combos = text[["Offence Group", "Offence Subgroup", "Offence Code"]].drop_duplicates()
    offence_of = {tuple(c): _offence_for(*c, filename=filename, sheet=sheet) for c in combos.itertuples(index=False)}
    offence = pd.Series([offence_of[k] for k in zip(text["Offence Group"], text["Offence Subgroup"],
                                                    text["Offence Code"], strict=True)], dtype="string")
    geo_cols = pd.DataFrame([geo[n] for n in text["Force Name"]],
                            columns=["geography_code", "geography_name", "geography_level"])
    out = pd.DataFrame({
        "source": SOURCE_ID,
        "edition": edition,
        "period_start": [bounds[k][0] for k in keys],
        "period_end": [bounds[k][1] for k in keys],
        "period_kind": periods.FINANCIAL_QUARTER,
        "offence": offence.to_numpy(),
        "offence_code": text["Offence Code"].to_numpy(),
        "offence_description": text["Offence Description"].to_numpy(),
        "offence_subgroup": text["Offence Subgroup"].to_numpy(),
        "count": numbers.astype("int64").to_numpy(),
    })
    out = pd.concat([out, geo_cols], axis=1)
    out["offence_group"] = out["offence"].map(off.group_of)
    out["negative"] = out["count"] < 0
    return out


def _offence_for(group: str, subgroup: str, code: str, *, filename: str, sheet: str) -> str:
    if code in BURGLARY_CODES:
        return BURGLARY_CODES[code]
    if code in DEATH_BY_DRIVING_CODES:
        return off.DEATH_BY_DRIVING
    sub = off.normalise_label(subgroup)
    if sub.startswith("fraud"):
        return off.FRAUD
    if sub in SUBGROUPS:
        return SUBGROUPS[sub]
    grp = off.normalise_label(group)
    if grp in SINGLE_LEAF_GROUPS:
        return SINGLE_LEAF_GROUPS[grp]
    raise LayoutError(f"{filename}, sheet {sheet!r}: offence subgroup {subgroup!r} (group {group!r}, code {code!r}) "
                      "is not in peelstats' offence mapping")


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Home Office",
    title="Police recorded crime and outcomes open data tables (Police Force Area, financial quarters)",
    landing_page=LANDING_PAGE,
    format="ods",
    edition_note="One ODS, replaced each release, with a sheet per financial year from 2012/13.",
    parser=parse,
    files=files,
    resolve_current=resolve_current,
    caveats=("Burglary and vehicle offences are subgroups of theft offences.",
             "Counts are by financial quarter (Q1 = April-June); sum four quarters for a financial year."),
)
