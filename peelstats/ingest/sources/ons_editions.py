"""The editions of ONS's "Police Force Area data tables": a registry kept as data, and discovery of new ones.

Two files hold the registry, read together:

* ``peelstats/data/ons_pfa_editions.csv`` (shipped): every edition the project knows, with its folder, file
  name, period, first publication, known sha256 (when checked) and whether the address is verified;
* ``<data>/ons_pfa_editions.csv`` (the user's): editions found by ``peelstats editions --discover`` on ONS's
  dataset pages, or added by ``peelstats editions add URL``. Adding a release needs no code change.

Discovery reads the dataset page (the current edition) and its list of previous releases, and takes every
link to a workbook (``/file?uri=.../policeforceareadatatables/<edition folder>/<file>.xlsx|.xls``); an edition
page linked from the list is read for its workbook link. The period comes from the edition folder
(``yearendingjune2025``), else from the file name (``...yejune25final.xlsx``), else from the link's words; when
none says it, it is read from the workbook's title when the file is fetched.
"""

from __future__ import annotations

import csv
import html
import io
import logging
import re
from dataclasses import asdict, dataclass, fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pandas as pd
import requests

from peelstats import config
from peelstats.errors import (
    DownloadError,
    EditionError,  # noqa: F401 - raised here, importable from here
    )
from peelstats.ingest.atomic import write_text
from peelstats.ingest.download import describe_body, looks_like_html
from peelstats.reference import periods

log = logging.getLogger(__name__)

DATASET_PATH = "/peoplepopulationandcommunity/crimeandjustice/datasets/policeforceareadatatables"
ORIGIN = "https://www.ons.gov.uk"
LANDING_PAGE = ORIGIN + DATASET_PATH
PREVIOUS_PAGE = LANDING_PAGE + "/previous"
URL_PATTERN = ORIGIN + "/file?uri=" + DATASET_PATH + "/{folder}/{filename}"
USER_FILE = "ons_pfa_editions.csv"
WORKBOOK = re.compile(r"\.(xlsx|xls|ods|csv)$", re.IGNORECASE)
_MONTHS = {m.lower(): i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                                "august", "september", "october", "november", "december"], 1)}
_SHORT = {m[:3]: i for m, i in _MONTHS.items()} | {"sept": 9}



@dataclass(frozen=True)
class Edition:
    period_end: str | None  # ISO date of the rolling year's end; None until the workbook's title says it
    label: str
    folder: str  # the edition folder in the ONS address ("yearendingjune2025", "current")
    filename: str
    format: str  # xlsx, xls, ods or csv (a single sheet exported)
    tables: str = ""  # which tables the file holds ("P1 P2 P3", "C2"); empty: whatever it holds
    published: str = ""  # first publication, "YYYY-MM" (orders vintages; a correction keeps the first date)
    url_verified: bool = False
    sha256: str = ""
    required: bool = False  # a file every complete cache holds; the others are fetched when available
    mirror_path: str = ""  # where a mirror laid out like shared/data holds it ("" = the usual place)
    note: str = ""
    url: str = ""  # the address, when it is not the ONS pattern (added by hand, discovered)
    origin: str = "registered"  # registered (shipped), discovered or added (the user's file)

    @property
    def address(self) -> str:
        return self.url or URL_PATTERN.format(folder=self.folder, filename=self.filename)

    @property
    def mirror_only(self) -> bool:
        return not self.url and self.format == "csv"  # sheet exports exist only in a mirror

    def key(self) -> tuple[str, str]:
        return (self.folder, self.filename)


def _read(text: str, origin: str) -> list[Edition]:
    names = {f.name for f in fields(Edition)}
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        values = {k: (v or "").strip() for k, v in row.items() if k in names}
        out.append(Edition(
            period_end=values.get("period_end") or None, label=values["label"], folder=values["folder"],
            filename=values["filename"], format=values.get("format") or _format(values["filename"]),
            tables=values.get("tables", ""), published=values.get("published", ""),
            url_verified=values.get("url_verified", "").lower() == "true", sha256=values.get("sha256", ""),
            required=values.get("required", "").lower() == "true", mirror_path=values.get("mirror_path", ""),
            note=values.get("note", ""), url=values.get("url", ""), origin=values.get("origin") or origin))
    return out


@cache
def registered() -> tuple[Edition, ...]:
    with resources.files("peelstats.data").joinpath(USER_FILE).open("r", encoding="utf-8") as fh:
        return tuple(_read(fh.read(), "registered"))


def core() -> list[Edition]:
    """The editions every complete cache holds (the 2018-2019 workbooks checked by their sha256)."""
    return [e for e in registered() if e.required and e.format in ("xlsx", "xls")]


def user_file() -> Path:
    return config.data_dir() / USER_FILE


def user_editions() -> list[Edition]:
    path = user_file()
    if not path.is_file():
        return []
    try:
        return _read(path.read_text(encoding="utf-8"), "added")
    except (OSError, UnicodeDecodeError, KeyError, csv.Error) as error:
        log.warning("%s is unreadable (%s); only the registered editions are used", path, error)
        return []


def editions() -> list[Edition]:
    """Every edition: the registered ones, then the user's (discovered or added) not already registered."""
    known = {e.key() for e in registered()}
    return [*registered(), *(e for e in user_editions() if e.key() not in known)]


def save_user_editions(new: list[Edition]) -> Path:
    path = user_file()
    current = {e.key(): e for e in user_editions()}
    current |= {e.key(): e for e in new}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f.name for f in fields(Edition)], lineterminator="\n")
    writer.writeheader()
    for edition in sorted(current.values(), key=lambda e: (e.period_end or "9999", e.filename)):
        writer.writerow({k: ("true" if v is True else "false" if v is False else v or "")
                         for k, v in asdict(edition).items()})
    write_text(path, out.getvalue())
    return path


# ---------------------------------------------------------------------------------------- reading names


def _format(filename: str) -> str:
    match = WORKBOOK.search(filename)
    return match.group(1).lower() if match else ""


def period_from_folder(folder: str) -> pd.Timestamp | None:
    """``yearendingjune2025`` -> 2025-06-30."""
    match = re.fullmatch(r"yearending([a-z]+)(\d{4})", folder.lower())
    if match and match.group(1) in _MONTHS:
        return periods.parse_period_end(f"{match.group(1)} {match.group(2)}")
    return None


def period_from_name(filename: str) -> pd.Timestamp | None:
    """A month and year in a file name: ``...yejune25final.xlsx``, ``pfatablesdec19.xlsx``, ``...march2019``."""
    stem = WORKBOOK.sub("", filename.lower())
    for month in sorted(list(_MONTHS) + list(_SHORT), key=len, reverse=True):
        match = re.search(rf"{month}(\d{{4}}|\d{{2}})(?!\d)", stem)
        if match:
            year = int(match.group(1))
            year += 2000 if year < 100 else 0
            number = _MONTHS.get(month) or _SHORT[month]
            if 2002 <= year <= 2100 and number in (3, 6, 9, 12):
                return periods.parse_period_end(f"{year}-{number:02d}")
    return None


def period_from_words(text: str) -> pd.Timestamp | None:
    match = re.search(r"year ending\s+([a-z]+)\s+(\d{4})", text, re.IGNORECASE)
    if match and match.group(1).lower() in _MONTHS:
        return periods.parse_period_end(f"{match.group(1)} {match.group(2)}")
    return None


def label_for(period_end: pd.Timestamp | None, filename: str, url: str = "") -> str:
    """'YE Jun 2026', 'YE Mar 2018 (correction)', 'YE Mar 2018 (superseded version 1)': one label per file."""
    if period_end is None:
        return f"edition {filename} (period read from its title when fetched)"
    superseded = re.search(r"/previous/v(\d+)(?:/|$)", unquote(url))
    return (f"YE {period_end.strftime('%b %Y')}" + (" (correction)" if "correct" in filename.lower() else "")
            + (f" (superseded version {superseded.group(1)})" if superseded else ""))


def from_address(url: str, *, period_end=None, origin: str = "added", words: str = "") -> Edition:
    """An edition from a workbook's address (``/file?uri=...`` or a direct link)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise EditionError(f"{url} is not an http(s) address; give the workbook's web address")
    path = unquote(parsed.query.split("uri=", 1)[1].split("&", 1)[0]) if "uri=" in parsed.query else \
        unquote(parsed.path)
    parts = [p for p in path.split("/") if p]
    if not parts or not WORKBOOK.search(parts[-1]):
        raise EditionError(f"{url} is not the address of a workbook (.xlsx, .xls, .ods or .csv)")
    filename, folder = parts[-1], parts[-2] if len(parts) >= 2 else ""
    if period_end is not None:
        end = periods.parse_period_end(period_end)
        if end.month not in (3, 6, 9, 12):
            raise EditionError(f"{periods.label(end)}: the Police Force Area tables are published for years ending "
                               "March, June, September or December")
    else:
        end = period_from_folder(folder) or period_from_name(filename) or period_from_words(words)
    return Edition(
        period_end=end.date().isoformat() if end is not None else None, label=label_for(end, filename, url),
        folder=folder, filename=filename, format=_format(filename), url_verified=origin == "discovered",
        url=url, origin=origin,
        note="found on ONS's dataset pages" if origin == "discovered" else "added by address")


def add(url: str, period_end=None) -> Edition:
    """``peelstats editions add URL``: record an edition by its address (in the user's file)."""
    edition = from_address(url, period_end=period_end)
    if any(e.key() == edition.key() for e in registered()):
        raise EditionError(f"{edition.filename} ({edition.folder}) is already registered")
    same_name = next((e for e in editions() if e.filename == edition.filename and e.key() != edition.key()), None)
    if same_name is not None:  # the cache keeps one file per name
        raise EditionError(f"a file named {edition.filename} is already known ({same_name.label}, {same_name.address})"
                           "; the cache holds one file per name, so this address cannot be added beside it")
    labels = {e.label for e in editions() if e.key() != edition.key()}
    if edition.label in labels:
        edition = replace(edition, label=f"{edition.label} ({edition.filename})")
    save_user_editions([edition])
    return edition


# ---------------------------------------------------------------------------------------------- discovery


_HREF = re.compile(r"""<a\b[^>]*?href\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>""", re.IGNORECASE | re.DOTALL)


def _links(page: str, base: str) -> list[tuple[str, str]]:
    return [(urljoin(base, html.unescape(href)), " ".join(re.sub(r"<[^>]+>", " ", text).split()))
            for href, text in _HREF.findall(page)]


def _page(session: requests.Session, url: str, timeout: float) -> str:
    try:
        response = session.get(url, timeout=timeout)
    except requests.RequestException as error:
        raise DownloadError(f"{url} unreachable ({type(error).__name__}): no network? The registered editions "
                            "are used") from error
    if response.status_code != 200:
        raise DownloadError(f"{url} answered HTTP {response.status_code}")
    text = response.text
    if not looks_like_html(response.content[:4096]) and "<a" not in text[:100_000].lower():
        raise EditionError(f"{url}: expected ONS's dataset page but received "
                           f"{describe_body(response.content[:4096], response.headers.get('Content-Type'))}")
    return text


def _is_workbook_link(url: str) -> bool:
    decoded = unquote(url)
    return DATASET_PATH in decoded and bool(WORKBOOK.search(decoded.split("&", 1)[0]))


def _is_edition_page(url: str) -> bool:
    path = unquote(urlparse(url).path).rstrip("/")
    return path.startswith(DATASET_PATH + "/") and bool(re.fullmatch(r"yearending[a-z]+\d{4}",
                                                                      path.rsplit("/", 1)[-1]))


def discover(session: requests.Session | None = None, *, landing: str | None = None,
             previous: str | None = None, timeout: float = 30) -> list[Edition]:
    """Editions linked from ONS's dataset page and its previous releases that are not yet known.

    ``landing`` defaults to ``$PEELSTATS_ONS_PAGE`` or ONS's dataset page; ``previous`` to its ``/previous``.
    Raises DownloadError when a page cannot be fetched and EditionError when neither page links to any
    workbook of the dataset (ONS changed the pages: the registered editions still work).
    """
    landing = landing or config.ons_dataset_page(LANDING_PAGE)
    previous = previous or landing.rstrip("/") + "/previous"
    session = session or requests.Session()
    found: dict[tuple[str, str], Edition] = {}
    seen_any = False
    for page_url in (landing, previous):
        try:
            page = _page(session, page_url, timeout)
        except DownloadError as error:
            if page_url == landing:
                raise
            log.warning("%s; only the dataset page was read", error)  # what the landing page linked still counts
            continue
        for url, words in _links(page, page_url):
            if _is_workbook_link(url):
                seen_any = True
                edition = from_address(url, origin="discovered", words=words)
                found.setdefault(edition.key(), edition)
            elif _is_edition_page(url):  # a page per edition: its workbook link is on it
                try:
                    edition_page = _page(session, url, timeout)
                except DownloadError as error:
                    log.warning("%s; that edition is not discovered", error)
                    continue
                for inner, inner_words in _links(edition_page, url):
                    if _is_workbook_link(inner):
                        seen_any = True
                        edition = from_address(inner, origin="discovered", words=inner_words or words)
                        found.setdefault(edition.key(), edition)
    if not seen_any:
        raise EditionError(f"{landing} and {previous} link to no workbook of the dataset: ONS may have changed its "
                           "pages. The registered editions still work; add a new one with `peelstats editions add "
                           "URL`")
    known = {e.key() for e in editions()} | {e.filename for e in editions()}
    new = [e for k, e in found.items() if k not in known and e.filename not in known]
    current = [e for e in new if e.folder == "current"]
    for edition in current:  # "current" is the newest edition's address until the next one moves it
        dated = [e for e in new if e.filename == edition.filename and e.folder != "current"]
        if dated:
            new.remove(edition)
    return sorted(new, key=lambda e: (e.period_end or "9999", e.filename))


def with_period(edition: Edition, period_end: pd.Timestamp) -> Edition:
    return replace(edition, period_end=period_end.date().isoformat(),
                   label=label_for(period_end, edition.filename, edition.url))


def record_period(filename: str, period_end: pd.Timestamp) -> None:
    """Give a user's edition the period its workbook's title states (it had none from its address)."""
    mine = [e for e in user_editions() if e.filename == filename and not e.period_end]
    if mine:
        save_user_editions([with_period(e, period_end) for e in mine])
