"""Population by police force area, outside the ONS crime tables (which also give P3/P9 populations).

* ``popm_population_data_MYE2018_by_PFA.csv``: ONS mid-2018 estimates as printed in the PFA tables (rounded to
  100), republished by the M-O-P-D/popm project. Its blank-code ``Beds Cambs Herts`` row is an alliance
  aggregate, not a PFA, and is skipped.
* ``population-police-force.csv``: Home Office mid-2001 to mid-2010 estimates, in thousands to one decimal
  (converted to persons; the note column says so).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pandas as pd

from peelstats.errors import LayoutError
from peelstats.ingest.sources import completeness
from peelstats.ingest.sources.base import ParsedTables, RemoteFile, Source, SourceId
from peelstats.reference import forces

log = logging.getLogger(__name__)

SOURCE_ID = SourceId.POPULATION
POPM_COMMIT = "b120ec9d8aca769887f347e450d366841c7af672"


def files() -> list[RemoteFile]:
    return [
        RemoteFile(
            source_id=SOURCE_ID,
            filename="popm_population_data_MYE2018_by_PFA.csv",
            url=f"https://raw.githubusercontent.com/M-O-P-D/popm/{POPM_COMMIT}/data/population_data.csv",
            mirror_path="population/popm_population_data_MYE2018_by_PFA.csv",
            edition="ONS mid-2018 estimates (via ONS PFA tables, June 2019)",
            format="csv",
            url_verified=True,
            known_sha256="a0f5611a8b39b4fe3f46310c21041cc2533449e7e9500f426050ec3236a74ca9",
            note="Third-party republication (M-O-P-D/popm) of figures from ONS PFA tables Table P3.",
        ),
        RemoteFile(
            source_id=SOURCE_ID,
            filename="population-police-force_mid2001-2010.csv",
            url="https://assets.publishing.service.gov.uk/government/uploads/system/uploads/attachment_data/"
                "file/116249/population-police-force.csv",
            mirror_path="population/popm_population-police-force_mid2001-2010.csv",
            edition="Home Office mid-2001 to mid-2010 estimates",
            format="csv",
            url_verified=False,
            known_sha256="6754e51ca1463dda14e5eb2279b1dd369199e021b667a212a2404fc11f31cdd4",
        ),
    ]


def parse(path: Path, remote: RemoteFile) -> ParsedTables:
    frame = pd.read_csv(path, dtype="string", encoding="utf-8-sig")
    frame = frame.loc[:, [not str(c).startswith("Unnamed") for c in frame.columns]]  # trailing comma column
    columns = [str(c).strip() for c in frame.columns]
    frame.columns = columns
    if {"code", "name"} <= set(columns):
        population = _parse_coded(frame, path, remote)
    elif "Police Force" in columns:
        population = _parse_thousands(frame, path, remote)
    else:
        population = None
    if population is not None:
        completeness.check_population_years(population, path.name)
        return {"population": population}
    raise LayoutError(f"{path.name}: expected columns 'code,name,MYE<year>' or 'Police Force,Mid <year>...'; "
                      f"found {columns}")


def _geo(name: str, code: str | None, path: Path) -> dict:
    try:
        c, n, level = forces.classify_geography(code, name)
    except KeyError as error:
        raise LayoutError(f"{path.name}: unknown area {name!r}") from error
    return {"geography_code": c, "geography_name": n, "geography_level": level}


def _parse_coded(frame: pd.DataFrame, path: Path, remote: RemoteFile) -> pd.DataFrame:
    year_columns = {c: int(m.group(1)) for c in frame.columns if (m := re.fullmatch(r"MYE(\d{4})", c))}
    if not year_columns:
        raise LayoutError(f"{path.name}: no 'MYE<year>' population column; found {list(frame.columns)}")
    rows = []
    for record in frame.to_dict("records"):
        code = (record["code"] or "").strip()
        if not code:
            log.info("%s: skipping %r (no area code: an aggregate, not a PFA)", path.name, record["name"])
            continue
        for column, year in year_columns.items():
            rows.append({"source": SOURCE_ID, "edition": remote.edition, **_geo(record["name"], code, path),
                         "mid_year": year, "population": _whole(record[column], path, column, record["name"]),
                         "note": "ONS mid-year estimate, rounded to 100"})
    return pd.DataFrame(rows)


def _whole(value, path: Path, column: str, name: str) -> int:
    try:
        return int(str(value).replace(",", "").strip())
    except (TypeError, ValueError):
        raise LayoutError(f"{path.name}: column {column!r}, {name!r}: {value!r} is not a whole number") from None


def _parse_thousands(frame: pd.DataFrame, path: Path, remote: RemoteFile) -> pd.DataFrame:
    year_columns = {c: int(m.group(1)) for c in frame.columns if (m := re.fullmatch(r"Mid (\d{4})", c))}
    if not year_columns:
        raise LayoutError(f"{path.name}: no 'Mid <year>' columns; found {list(frame.columns)}")
    rows = []
    for record in frame.to_dict("records"):
        name = (record["Police Force"] or "").strip()
        if not name:
            continue
        for column, year in year_columns.items():
            value = record[column]
            if value is None or pd.isna(value) or not str(value).strip():
                continue
            rows.append({"source": SOURCE_ID, "edition": remote.edition, **_geo(name, None, path),
                         "mid_year": year, "population": int(round(float(value) * 1000)),
                         "note": "Home Office estimate published in thousands to 1 d.p.; converted to persons"})
    return pd.DataFrame(rows)


SOURCE = Source(
    id=SOURCE_ID,
    publisher="Office for National Statistics / Home Office",
    title="Mid-year population estimates by police force area",
    landing_page="https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates",
    format="csv",
    edition_note="Two files: mid-2018 (ONS, via PFA tables) and mid-2001 to mid-2010 (Home Office).",
    parser=parse,
    files=files,
    caveats=("ONS PFA tables (P3, P9) supply the other years; see the population table's source column.",),
)
