"""Home Office "Police recorded crime and outcomes open data tables": force x financial quarter x offence code.

The collection holds several ``prc-pfa-*`` files: the current ``prc-pfa-mar2013-onwards-tables-DDMMYY.ods``
(renamed with every release) and the older ``prc-pfa-mar2008-mar2012-tabs.ods`` (2007/08 to 2011/12) and
``prc-pfa-0203-to-0607-tabs.ods`` (2002/03 to 2006/07). By default every one is resolved through the GOV.UK
Content API, each as its own edition, and every financial-year sheet of each is parsed. The mirror holds one
year saved as CSV; it goes through :func:`standardise_sheet`, exactly as one ODS sheet does.

Quirks handled: counts are strings padded with spaces; ``London, City of``; ``Financial Fraud Action UK``
renamed ``UK Finance`` mid-year; in some vintages the residential burglary codes sit under the subgroup
``Domestic burglary`` (so burglary is mapped by offence code, not subgroup name); some sheets head their
columns ``Police Force`` / ``Offence Count``; older sheets may lack ``Offence Description`` / ``Offence Subgroup``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pandas as pd
import requests

from peelstats.errors import DownloadError, LayoutError
from peelstats.ingest.download import check_format
from peelstats.ingest.sources import completeness
from peelstats.ingest.sources.base import ParsedTables, RemoteFile, Source, SourceId
from peelstats.ingest.spreadsheet import cell_text, open_workbook, sheet_rows
from peelstats.reference import forces, periods
from peelstats.reference import offences as off

log = logging.getLogger(__name__)

SOURCE_ID = SourceId.PRC_OPEN_DATA
CONTENT_API_URL = ("https://www.gov.uk/api/content/government/statistical-data-sets/"
                   "police-recorded-crime-and-outcomes-open-data-tables")
LANDING_PAGE = ("https://www.gov.uk/government/statistical-data-sets/"
                "police-recorded-crime-and-outcomes-open-data-tables")
# Data attachments of the collection; PDFs, HTML guides and the outcomes files do not match.
DATA_NAME = re.compile(r"^prc-pfa-[^/]*\.(ods|xlsx|csv)$", re.IGNORECASE)
DATA_LINK = re.compile(r"https?://[^\s\"'<>]+/prc-pfa-[^\s\"'<>/]*\.(?:ods|xlsx|csv)", re.IGNORECASE)
DATE_STAMP = re.compile(r"-(\d{2})(\d{2})(\d{2})$")  # release date, DDMMYY: -230426 = 23 April 2026
MEDIA_ID = re.compile(r"/media/([0-9a-f]{24})/", re.IGNORECASE)  # asset id; its first 8 hex digits: upload time
ATTACHMENT_ID = re.compile(r"/attachment_data/file/(\d+)/")

COLUMNS = ["Financial Year", "Financial Quarter", "Force Name", "Offence Description", "Offence Group",
           "Offence Subgroup", "Offence Code", "Number of Offences"]
# The 2002/03-2011/12 files are read by others with these columns only; description and subgroup are optional.
CORE_COLUMNS = ["Financial Year", "Financial Quarter", "Force Name", "Offence Group", "Offence Code",
                "Number of Offences"]
HEADER_NAMES = {c.lower(): c for c in COLUMNS} | {"police force": "Force Name", "offence count": "Number of Offences"}
YEAR_SHEET = re.compile(r"^(19|20)\d{2}\s*[-_/ ]\s*\d{2}(\d{2})?$")
FINANCIAL_YEAR = re.compile(r"^(19|20)\d{2}\s*[-/_]\s*\d{2}$")

# Burglary by code: the April 2017 codes replaced the old ones, whatever the subgroup is called.
BURGLARY_CODES = {
    **dict.fromkeys(["28", "28A", "28B", "28C", "28D", "29"], off.DOMESTIC_BURGLARY),
    **dict.fromkeys(["28E", "28F", "28G", "28H", "29A"], off.RESIDENTIAL_BURGLARY),
    **dict.fromkeys(["30", "30A", "30B", "31"], off.NON_DOMESTIC_BURGLARY),
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
    "vehicle offences": off.VEHICLE,
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


@dataclass(frozen=True)
class _Attachment:
    url: str
    name: str  # the publisher's file name
    own_date: date | None  # the attachment's own date, when GOV.UK gives one


def resolve_current(session: requests.Session, api_url: str = CONTENT_API_URL, timeout: float = 30) -> list[RemoteFile]:
    """Every ``prc-pfa-*`` data attachment (ods, xlsx, csv) of the collection, each as its own edition."""
    try:
        response = session.get(api_url, timeout=timeout)
    except requests.RequestException as error:
        raise DownloadError(f"GOV.UK Content API {api_url} unreachable: {error}") from error
    if response.status_code != 200:
        raise DownloadError(f"GOV.UK Content API {api_url} answered HTTP {response.status_code}")
    check_format(response.content[:4096], "json", api_url, response.headers.get("Content-Type"))
    try:
        payload = response.json()
    except ValueError as error:
        raise DownloadError(f"GOV.UK Content API {api_url}: the JSON cannot be read ({error})") from error
    if not isinstance(payload, dict):
        raise DownloadError(f"GOV.UK Content API {api_url}: expected a JSON object, got {type(payload).__name__}")
    page_date = _iso_date(payload.get("public_updated_at") or payload.get("updated_at"))
    attachments = _data_attachments(payload, response.text, api_url)
    if not attachments:
        count = len((payload.get("details") or {}).get("attachments") or [])
        raise DownloadError(f"GOV.UK Content API {api_url}: no prc-pfa-* data attachment (ods, xlsx or csv) among "
                            f"its {count} attachments")
    return _remote_files(attachments, page_date)


def _data_attachments(payload: dict, text: str, api_url: str) -> list[_Attachment]:
    found: dict[str, _Attachment] = {}
    details = payload.get("details") or {}
    for attachment in details.get("attachments") or []:
        if not isinstance(attachment, dict) or not attachment.get("url"):
            continue
        url = urljoin(api_url, str(attachment["url"]))
        name = next((n for n in (_basename(url), str(attachment.get("filename") or "")) if DATA_NAME.match(n)), None)
        if name and url not in found:
            own = _iso_date(attachment.get("updated_at") or attachment.get("created_at")) or _media_date(url)
            found[url] = _Attachment(url, name, own)
    if not found:  # older payloads embed links in HTML "documents"
        for url in DATA_LINK.findall(text):
            found.setdefault(url, _Attachment(url, _basename(url), _media_date(url)))
    return list(found.values())


def _remote_files(attachments: list[_Attachment], page_date: date | None) -> list[RemoteFile]:
    remotes: list[RemoteFile] = []
    filenames: set[str] = set()
    editions: set[str] = set()
    for item in attachments:
        stem, ext = item.name.rsplit(".", 1)
        stamp = _stamp_date(stem)
        when: date | None
        coverage, period_end = _coverage(stem)
        where = f" ({coverage})" if coverage else f" ({stem})"
        if stamp:
            edition, when, filename = f"GOV.UK release {_day(stamp)}{where}", stamp, item.name
        else:
            # An undated name is reused by later uploads: the upload date (or asset id) keeps each its own file.
            file_id = ATTACHMENT_ID.search(item.url)
            tag = (item.own_date.strftime("%Y%m%d") if item.own_date else f"file{file_id[1]}" if file_id else "")
            filename = f"{stem}-{tag}.{ext}" if tag else item.name
            when = item.own_date or page_date
            edition = (f"GOV.UK upload {_day(item.own_date)}{where}" if item.own_date
                       else f"GOV.UK page updated {_day(page_date)}{where}" if page_date
                       else f"GOV.UK current release{where}")
        base, n = filename, 1
        while filename.lower() in filenames:  # two attachments of one name: never one cache file
            n += 1
            filename = f"{base.rsplit('.', 1)[0]}-{n}.{ext}"
        if edition in editions:
            edition = f"{edition} [{filename}]"
        filenames.add(filename.lower())
        editions.add(edition)
        remotes.append(RemoteFile(
            source_id=SOURCE_ID, filename=filename, url=item.url, mirror_path="homeoffice/" + filename,
            edition=edition, format=ext.lower(), period_end=period_end, url_verified=True,
            published=when.strftime("%Y-%m") if when else "",
            note="" if filename == item.name else f"published as {item.name}",
        ))
    return remotes


def _basename(url: str) -> str:
    return unquote(urlparse(url).path.rsplit("/", 1)[-1])


def _iso_date(value) -> date | None:
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def _media_date(url: str) -> date | None:
    match = MEDIA_ID.search(url)
    if not match:
        return None
    stamp = datetime.fromtimestamp(int(match[1][:8], 16), UTC).date()
    return stamp if stamp.year >= 2000 else None


def _stamp_date(stem: str) -> date | None:
    match = DATE_STAMP.search(stem)
    if not match:
        return None
    try:
        return date(2000 + int(match[3]), int(match[2]), int(match[1]))
    except ValueError:
        return None


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def _financial_year(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


def _coverage(stem: str) -> tuple[str, str | None]:
    """Financial years a file covers, from its name (``mar2013`` = year ending March 2013 = 2012/13)."""
    name = stem.lower()
    if match := re.search(r"mar(\d{4})-onwards", name):
        return f"{_financial_year(int(match[1]) - 1)} onwards", None
    if match := re.search(r"mar(\d{4})-(?:to-)?mar(\d{4})", name):
        return f"{_financial_year(int(match[1]) - 1)} to {_financial_year(int(match[2]) - 1)}", f"{match[2]}-03-31"
    if match := re.search(r"(?<!\d)(\d{2})(\d{2})-to-(\d{2})(\d{2})(?!\d)", name):
        first, last = 2000 + int(match[1]), 2000 + int(match[3])
        return f"{_financial_year(first)} to {_financial_year(last)}", f"{last + 1}-03-31"
    return "", None


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    if remote.format == "csv":
        frame = pd.read_csv(path, dtype="string", keep_default_na=False, encoding="utf-8-sig")
        counts = standardise_sheet(frame, path.name, "CSV", remote.edition)
        _check_whole(counts, path.name)
        return {"counts": counts}
    workbook = open_workbook(path)
    sheets = []
    for name in workbook.sheet_names:
        rows = sheet_rows(workbook, name)
        header = _header_index(rows)
        if header is None:
            _check_not_data(rows, path.name, name)
            log.debug("%s: sheet %r has no open-data header; skipped", path.name, name)
            continue
        columns = [cell_text(rows[header], i) for i in range(len(rows[header]))]
        frame = pd.DataFrame([[cell_text(r, i) for i in range(len(columns))] for r in rows[header + 1:]],
                             columns=columns, dtype="string")
        frame = frame[(frame != "").any(axis=1)]
        sheets.append(standardise_sheet(frame, path.name, name, remote.edition))
    if not sheets:
        raise LayoutError(f"{path.name}: no sheet has the open-data columns {CORE_COLUMNS}; "
                          f"sheets are {workbook.sheet_names}")
    counts = pd.concat(sheets, ignore_index=True)
    _check_whole(counts, path.name)
    return {"counts": counts}


def _check_whole(counts: pd.DataFrame, where: str) -> None:
    """Every force in every quarter with the offence codes the others have, and no quarter missing between the
    first and the last (a file cut short, or a force left out, is refused)."""
    completeness.check_forces_by_period(counts, where, offence_column="offence_code")
    completeness.check_quarters(counts.period_end, where, registered_end=None)


def _header_name(text: str) -> str:
    text = " ".join(str(text).split())
    return HEADER_NAMES.get(text.lower(), text)


def _header_index(rows: list) -> int | None:
    for i, row in enumerate(rows[:20]):
        cells = {_header_name(cell_text(row, j)) for j in range(len(row))}
        if {"Force Name", "Offence Code"} <= cells:
            return i
    return None


def _check_not_data(rows: list, filename: str, sheet: str) -> None:
    """A sheet named like a financial year, or headed like the data, must not be skipped unread."""
    filled = [[cell_text(row, j) for j in range(len(row))] for row in rows[:20]]
    filled = [[c for c in row if c] for row in filled]
    filled = [row for row in filled if row]
    if not filled:
        return
    headed = any(sum(_header_name(c) in COLUMNS for c in row) >= 3 for row in filled)  # not a notes list
    if YEAR_SHEET.match(sheet.strip()) or headed:
        first = max(filled, key=len)
        raise LayoutError(f"{filename}, sheet {sheet!r}: looks like open data but has no header row with "
                          f"'Force Name' and 'Offence Code' in its first 20 rows; its widest row is {first}")


def standardise_sheet(frame: pd.DataFrame, filename: str, sheet: str, edition: str) -> pd.DataFrame:
    """One financial-year sheet (from the ODS or its CSV export) to tidy ``counts`` rows."""
    published = [str(c).strip() for c in frame.columns]
    names = [_header_name(c) for c in published]
    # An alias ("Police Force") stands in only when the usual name is absent.
    names = [n if n == c or n not in published else c for c, n in zip(published, names, strict=True)]
    frame = frame.set_axis(names, axis=1)
    missing = [c for c in CORE_COLUMNS if c not in frame.columns]
    if missing:
        raise LayoutError(f"{filename}, sheet {sheet!r}: expected columns {missing} not found; "
                          f"columns are {published}")
    for column in ("Offence Description", "Offence Subgroup"):
        if column not in frame.columns:
            frame = frame.assign(**{column: pd.NA})
    text = frame[COLUMNS].apply(lambda s: s.astype("string").str.strip())
    years = text["Financial Year"].fillna("")
    odd = ~years.str.match(FINANCIAL_YEAR.pattern)
    if odd.any():
        i = odd.to_numpy().nonzero()[0][0]
        raise LayoutError(f"{filename}, sheet {sheet!r}, column 'Financial Year', data row {i + 1}: "
                          f"{years.iloc[i]!r} is not a financial year like 2011/12")
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

    subgroups = text["Offence Subgroup"].fillna("")
    keys_offence = list(zip(text["Offence Group"], subgroups, text["Offence Code"], strict=True))
    offence_of = {k: _offence_for(*k, filename=filename, sheet=sheet) for k in dict.fromkeys(keys_offence)}
    offence = pd.Series([offence_of[k] for k in keys_offence], dtype="string")
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
    if not sub:  # older sheets may have no subgroup: refuse rather than guess a code's subgroup
        raise LayoutError(f"{filename}, sheet {sheet!r}: offence code {code!r} (group {group!r}) has no Offence "
                          "Subgroup, and peelstats maps this group's offences by subgroup")
    raise LayoutError(f"{filename}, sheet {sheet!r}: offence subgroup {subgroup!r} (group {group!r}, code {code!r}) "
                      "is not in peelstats' offence mapping")


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Home Office",
    title="Police recorded crime and outcomes open data tables (Police Force Area, financial quarters)",
    landing_page=LANDING_PAGE,
    format="ods",
    edition_note=("Several ODS files, a sheet per financial year: 2012/13 onwards (replaced each release, "
                  "date-stamped DDMMYY), 2007/08-2011/12 and 2002/03-2006/07; each file is its own edition."),
    parser=parse,
    files=files,
    resolve_current=resolve_current,
    caveats=("Burglary and vehicle offences are subgroups of theft offences.",
             "Counts are by financial quarter (Q1 = April-June); sum four quarters for a financial year."),
)
