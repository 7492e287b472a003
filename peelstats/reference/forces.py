"""The force registry: 43 territorial police forces, British Transport Police and the national fraud bodies.

Join on ONS codes wherever possible; names differ between publishers (``City of London`` vs
``London, City of``, ``Avon & Somerset`` vs ``Avon and Somerset``, police.uk slugs and "... Police" names).
:func:`lookup` accepts any of them, case-insensitively.

British Transport Police and the fraud bodies have no ONS area code; peelstats gives them ``X-`` codes
of its own so that every geography has a key. They are never territorial forces.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import pandas as pd

from peelstats.errors import UnknownForceError

NATIONAL_CODE = "K04000001"
ENGLAND_CODE = "E92000001"
WALES_CODE = "W92000004"
BTP_CODE = "X-BTP"


@dataclass(frozen=True)
class Region:
    code: str
    name: str


REGIONS: tuple[Region, ...] = (
    Region("E12000001", "North East"),
    Region("E12000002", "North West"),
    Region("E12000003", "Yorkshire and The Humber"),
    Region("E12000004", "East Midlands"),
    Region("E12000005", "West Midlands"),
    Region("E12000006", "East"),
    Region("E12000007", "London"),
    Region("E12000008", "South East"),
    Region("E12000009", "South West"),
    Region(WALES_CODE, "Wales"),  # ONS tables list Wales where English forces have a region
)
_REGION_BY_CODE = {r.code: r for r in REGIONS}


@dataclass(frozen=True)
class Force:
    code: str
    name: str
    slug: str  # data.police.uk force id
    region_code: str | None
    territorial: bool = True
    kind: str = "territorial force"
    variants: tuple[str, ...] = field(default=())

    @property
    def region(self) -> str | None:
        return _REGION_BY_CODE[self.region_code].name if self.region_code else None

    @property
    def country(self) -> str | None:
        if not self.territorial:
            return None
        return "Wales" if self.code.startswith("W") else "England"


def _f(code: str, name: str, slug: str, region: str, *variants: str) -> Force:
    return Force(code, name, slug, region, variants=variants)


FORCES: tuple[Force, ...] = (
    _f("E23000013", "Cleveland", "cleveland", "E12000001"),
    _f("E23000008", "Durham", "durham", "E12000001"),
    _f("E23000007", "Northumbria", "northumbria", "E12000001"),
    _f("E23000006", "Cheshire", "cheshire", "E12000002"),
    _f("E23000002", "Cumbria", "cumbria", "E12000002"),
    _f("E23000005", "Greater Manchester", "greater-manchester", "E12000002", "GMP"),
    _f("E23000003", "Lancashire", "lancashire", "E12000002", "Lancs"),
    _f("E23000004", "Merseyside", "merseyside", "E12000002"),
    _f("E23000012", "Humberside", "humberside", "E12000003"),
    _f("E23000009", "North Yorkshire", "north-yorkshire", "E12000003"),
    _f("E23000011", "South Yorkshire", "south-yorkshire", "E12000003"),
    _f("E23000010", "West Yorkshire", "west-yorkshire", "E12000003"),
    _f("E23000018", "Derbyshire", "derbyshire", "E12000004", "Derbys"),
    _f("E23000021", "Leicestershire", "leicestershire", "E12000004", "Leics"),
    _f("E23000020", "Lincolnshire", "lincolnshire", "E12000004", "Lincs"),
    _f("E23000022", "Northamptonshire", "northamptonshire", "E12000004", "Northants"),
    _f("E23000019", "Nottinghamshire", "nottinghamshire", "E12000004", "Notts"),
    _f("E23000015", "Staffordshire", "staffordshire", "E12000005", "Staffs"),
    _f("E23000017", "Warwickshire", "warwickshire", "E12000005", "Warks"),
    _f("E23000016", "West Mercia", "west-mercia", "E12000005"),
    _f("E23000014", "West Midlands", "west-midlands", "E12000005"),
    _f("E23000026", "Bedfordshire", "bedfordshire", "E12000006", "Beds"),
    _f("E23000023", "Cambridgeshire", "cambridgeshire", "E12000006", "Cambs"),
    _f("E23000028", "Essex", "essex", "E12000006"),
    _f("E23000027", "Hertfordshire", "hertfordshire", "E12000006", "Herts"),
    _f("E23000024", "Norfolk", "norfolk", "E12000006"),
    _f("E23000025", "Suffolk", "suffolk", "E12000006"),
    _f("E23000034", "City of London", "city-of-london", "E12000007", "London, City of"),
    _f("E23000001", "Metropolitan Police", "metropolitan", "E12000007", "Metropolitan Police Service", "Met"),
    _f("E23000030", "Hampshire", "hampshire", "E12000008", "Hants"),
    _f("E23000032", "Kent", "kent", "E12000008"),
    _f("E23000031", "Surrey", "surrey", "E12000008"),
    _f("E23000033", "Sussex", "sussex", "E12000008"),
    _f("E23000029", "Thames Valley", "thames-valley", "E12000008"),
    _f("E23000036", "Avon and Somerset", "avon-and-somerset", "E12000009"),
    _f("E23000035", "Devon and Cornwall", "devon-and-cornwall", "E12000009"),
    _f("E23000039", "Dorset", "dorset", "E12000009"),
    _f("E23000037", "Gloucestershire", "gloucestershire", "E12000009", "Glos"),
    _f("E23000038", "Wiltshire", "wiltshire", "E12000009", "Wilts"),
    _f("W15000004", "Dyfed-Powys", "dyfed-powys", WALES_CODE),
    _f("W15000002", "Gwent", "gwent", WALES_CODE),
    _f("W15000001", "North Wales", "north-wales", WALES_CODE),
    _f("W15000003", "South Wales", "south-wales", WALES_CODE),
    Force(BTP_CODE, "British Transport Police", "btp", None, territorial=False,
          kind="non-territorial force", variants=("BTP",)),
    Force("X-ACTIONFRAUD", "Action Fraud", "", None, territorial=False, kind="national fraud body",
          variants=("Fraud: Action Fraud",)),
    Force("X-CIFAS", "CIFAS", "", None, territorial=False, kind="national fraud body", variants=("Fraud: CIFAS",)),
    # Financial Fraud Action UK was renamed UK Finance during 2017/18: one body, two names.
    Force("X-UKFINANCE", "UK Finance", "", None, territorial=False, kind="national fraud body",
          variants=("Financial Fraud Action UK", "FFA UK", "Fraud: UK Finance", "Fraud: Financial Fraud Action UK")),
)

TERRITORIAL_FORCES: tuple[Force, ...] = tuple(f for f in FORCES if f.territorial)
assert len(TERRITORIAL_FORCES) == 43


@dataclass(frozen=True)
class Alliance:
    name: str
    members: tuple[str, ...]  # ONS codes
    start_year: int  # years only: the sources give no exact dates
    end_year: int | None
    note: str


ALLIANCES: tuple[Alliance, ...] = (
    Alliance(
        "West Mercia and Warwickshire strategic alliance",
        ("E23000016", "E23000017"),
        2012,
        2019,
        "Shared services and some joint inspection; separate forces with separate statistics.",
    ),
)

_SUFFIXES = re.compile(r"\b(police service|police force|constabulary|police)\b")


def normalise_name(text: str) -> str:
    """Lower-case, '&' to 'and', drop punctuation, footnote digits and 'Police'/'Constabulary' suffixes."""
    text = str(text).strip().lower().replace("&", " and ").replace("-", " ")
    text = re.sub(r"\(.*?\)", " ", text)
    text = re.sub(r"(?<=[a-z])[\d,\s]+$", "", text)  # footnote digits glued to the end: "manchester8,9"
    if "," in text:  # "London, City of" -> "city of london"
        head, _, tail = text.partition(",")
        text = f"{tail} {head}"
    text = re.sub(r"[^a-z0-9 ]", " ", text)
    text = _SUFFIXES.sub(" ", text)
    return " ".join(text.split())


@cache
def _index() -> dict[str, Force]:
    index: dict[str, Force] = {}
    for force in FORCES:
        index[force.code.lower()] = force  # codes match exactly, never after normalising
        keys = {force.name, *force.variants}
        if force.slug:
            keys |= {force.slug, force.slug.replace("-", " ")}
        for key in keys:
            index[key.lower()] = force
            index[normalise_name(key)] = force
    index.pop("", None)
    return index


_CODE = re.compile(r"^(?:[EWK]\d{8}|X-[A-Z]+)$", re.IGNORECASE)


def lookup(name_or_code: str) -> Force:
    """Find a force or non-territorial body by name, variant, police.uk slug or ONS code.

    >>> lookup("west-mercia").code
    'E23000016'
    >>> lookup("London, City of").name
    'City of London'
    """
    index = _index()
    raw = str(name_or_code).strip()
    keys = (raw.lower(),) if _CODE.match(raw) else (raw.lower(), normalise_name(raw))
    for key in keys:
        if key in index:
            return index[key]
    names = [f.name for f in FORCES]
    # a place a force is named after or sits in ("London": the Met and City of London), then names spelt alike
    word = raw.lower()
    within = [f.name for f in FORCES if word and (re.search(rf"\b{re.escape(word)}\b", f.name.lower())
                                                   or (f.region or "").lower() == word)]
    suggestions = list(dict.fromkeys(within + difflib.get_close_matches(raw.title(), names, n=3, cutoff=0.6)))[:4]
    if not suggestions:
        by_key = difflib.get_close_matches(normalise_name(raw), list(index), n=3, cutoff=0.6)
        suggestions = list(dict.fromkeys(index[k].name for k in by_key))
    raise UnknownForceError(raw, suggestions)


def try_lookup(name_or_code: str) -> Force | None:
    try:
        return lookup(name_or_code)
    except UnknownForceError:
        return None


def by_code(code: str) -> Force:
    return lookup(code)


def region(code: str) -> Region:
    return _REGION_BY_CODE[code]


def alliance_partners(code: str, on: date | None = None) -> list[Force]:
    """Other members of any alliance the force belonged to (in the year of ``on``, if given)."""
    partners: list[Force] = []
    for alliance in ALLIANCES:
        active = on is None or (
            alliance.start_year <= on.year and (alliance.end_year is None or on.year <= alliance.end_year)
        )
        if code in alliance.members and active:
            partners += [by_code(c) for c in alliance.members if c != code]
    return partners


def forces_table(include_non_territorial: bool = True) -> pd.DataFrame:
    """The registry as a DataFrame (one row per force or body)."""
    rows = []
    for force in FORCES:
        if not include_non_territorial and not force.territorial:
            continue
        partners = alliance_partners(force.code)
        rows.append({
            "code": force.code,
            "name": force.name,
            "slug": force.slug or None,
            "region": force.region,
            "country": force.country,
            "kind": force.kind,
            "territorial": force.territorial,
            "alliance_partners": ", ".join(p.name for p in partners) or None,
            "variants": ", ".join(force.variants) or None,
        })
    return pd.DataFrame(rows)


NATIONAL_NAMES = {NATIONAL_CODE: "England and Wales", ENGLAND_CODE: "England", WALES_CODE: "Wales"}


def classify_geography(code: str | None, name: str) -> tuple[str, str, str]:
    """(code, canonical name, level) for a published row; level is national/country/region/force/non_territorial.

    Rows without a code (British Transport Police in the ONS tables, every row of rec-crime-pfa) are
    matched by name. Raises :class:`UnknownForceError` for a name nobody knows.
    """
    code = (code or "").strip()
    if code == NATIONAL_CODE:
        return code, NATIONAL_NAMES[code], "national"
    if code in (ENGLAND_CODE, WALES_CODE):
        return code, NATIONAL_NAMES[code], "country"
    if code.startswith("E12"):
        return code, _REGION_BY_CODE[code].name if code in _REGION_BY_CODE else str(name).strip(), "region"
    force = lookup(code) if code else lookup(name)
    return force.code, force.name, "force" if force.territorial else "non_territorial"
