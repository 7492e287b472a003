"""Geographies a claim can be about: a force, several forces together, a region, England, Wales, England and Wales
with or without British Transport Police, or BTP itself.

:func:`resolve` reads any of the names people use ("the North East", "East Anglia", "nationally", "Gwent Police",
"the region" for the force's own region) into one :class:`Geography`, whose ``members`` are the territorial forces
it sums. Where ONS publishes a row for the whole geography (England and Wales, England, Wales, a region),
``published_code`` names it, so published totals are used before sums of forces.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from peelstats.errors import GeographyError, NotTerritorialError, PeelstatsError, UnknownForceError
from peelstats.reference import forces


class GeographyKind(StrEnum):
    FORCE = "force"
    FORCES = "forces"  # several forces, combined
    REGION = "region"
    COUNTRY = "country"
    NATIONAL = "england_and_wales"  # ONS's England and Wales: the 43 forces plus BTP
    NATIONAL_EXCLUDING_BTP = "england_and_wales_excluding_btp"  # the 43 territorial forces
    BTP = "british_transport_police"


@dataclass(frozen=True)
class Geography:
    key: str
    name: str
    kind: GeographyKind
    members: tuple[str, ...]  # ONS codes of the territorial forces summed
    with_btp: bool = False
    published_code: str | None = None  # the ONS row for the whole geography, where there is one

    @property
    def is_force(self) -> bool:
        return self.kind is GeographyKind.FORCE

    @property
    def force(self) -> forces.Force:
        if not self.is_force:
            raise GeographyError(f"{self.name} is not a single force")
        return forces.by_code(self.members[0])

    @property
    def definition(self) -> str:
        if self.kind is GeographyKind.NATIONAL:
            return "England and Wales: the 43 territorial forces plus British Transport Police, as ONS publishes it"
        if self.kind is GeographyKind.NATIONAL_EXCLUDING_BTP:
            return "England and Wales excluding British Transport Police: the sum of the 43 territorial forces"
        if self.kind in (GeographyKind.FORCE, GeographyKind.BTP):
            return self.name
        names = ", ".join(forces.by_code(c).name for c in self.members)
        return f"{self.name} ({len(self.members)} forces: {names})"


# Named groups of forces that are not ONS geographies; say what they mean, once.
GROUPS: dict[str, tuple[str, ...]] = {
    "East Anglia": ("E23000023", "E23000024", "E23000025"),  # Cambridgeshire, Norfolk, Suffolk (the ONS NUTS area)
}

_REGION_ALIASES = {
    "north east": "E12000001", "north east england": "E12000001", "the north east": "E12000001",
    "north west": "E12000002", "north west england": "E12000002",
    "yorkshire and the humber": "E12000003", "yorkshire and humber": "E12000003", "yorkshire": "E12000003",
    "east midlands": "E12000004",
    "west midlands region": "E12000005",
    "east": "E12000006", "east of england": "E12000006", "eastern region": "E12000006", "the east": "E12000006",
    "london": "E12000007",
    "south east": "E12000008", "south east england": "E12000008",
    "south west": "E12000009", "south west england": "E12000009",
}
_NATIONAL_WORDS = {"national", "nationally", "national average", "england and wales", "across england and wales",
                   "the country", "country", "the whole of england and wales", "e&w", "england & wales",
                   "england and wales including btp", "england and wales including british transport police"}
_EXCLUDING_BTP_WORDS = {"england and wales excluding btp", "england and wales excluding british transport police",
                        "43 forces", "the 43 forces", "sum of forces", "territorial forces"}
_FORCE_WORDS = {"force", "the force", "the county", "we", "our force"}
_OWN_REGION_WORDS = {"region", "the region", "our region", "its region", "the force's region"}


def _key(text: str) -> str:
    text = str(text).strip().lower().replace("&", " and ")
    text = re.sub(r"^the\s+", "the ", text)
    return " ".join(re.sub(r"[^a-z0-9' ]", " ", text).split())


@functools.cache
def national(with_btp: bool = True) -> Geography:
    codes = tuple(f.code for f in forces.TERRITORIAL_FORCES)
    if with_btp:
        return Geography(forces.NATIONAL_CODE, "England and Wales", GeographyKind.NATIONAL, codes, True,
                         forces.NATIONAL_CODE)
    return Geography("EW-excl-BTP", "England and Wales excluding BTP", GeographyKind.NATIONAL_EXCLUDING_BTP, codes)


def of_force(force: forces.Force) -> Geography:
    if force.code == forces.BTP_CODE:
        return Geography(force.code, force.name, GeographyKind.BTP, (), True)
    if not force.territorial:
        raise NotTerritorialError(f"{force.name} is a {force.kind}, not a geography: it records fraud for the whole of "
                             "England and Wales")
    return Geography(force.code, force.name, GeographyKind.FORCE, (force.code,))


@functools.cache
def region(code: str) -> Geography:
    if code == forces.WALES_CODE:
        return country(code)
    members = tuple(f.code for f in forces.TERRITORIAL_FORCES if f.region_code == code)
    return Geography(code, forces.region(code).name, GeographyKind.REGION, members, False, code)


@functools.cache
def country(code: str) -> Geography:
    name = forces.NATIONAL_NAMES[code]
    members = tuple(f.code for f in forces.TERRITORIAL_FORCES if f.country == name)
    return Geography(code, name, GeographyKind.COUNTRY, members, False, code)


def combined(force_list: list[forces.Force], name: str | None = None) -> Geography:
    if len(force_list) == 1:
        return of_force(force_list[0])
    codes = tuple(dict.fromkeys(f.code for f in force_list))
    label = name or _most_forces(codes) or _and(f.name for f in force_list)
    return Geography("+".join(codes), label, GeographyKind.FORCES, codes)


def _and(names) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else " and ".join([", ".join(names[:-1]), names[-1]])


def _most_forces(codes: tuple[str, ...]) -> str | None:
    """A name for a list of nearly all the forces of a nation ("England and Wales outside London", "England except
    Kent"): 41 names in a row say nothing a reader can check."""
    chosen = set(codes)
    for whole, members in (("England", [f for f in forces.TERRITORIAL_FORCES if f.country == "England"]),
                           ("Wales", [f for f in forces.TERRITORIAL_FORCES if f.country == "Wales"]),
                           ("England and Wales", forces.TERRITORIAL_FORCES)):  # the narrowest that holds them
        left_out = [f for f in members if f.code not in chosen]
        if not chosen <= {f.code for f in members} or not left_out or len(left_out) > len(members) // 4:
            continue
        regions = {f.region_code for f in left_out}
        if len(regions) == 1 and {f.code for f in members if f.region_code in regions} == {f.code for f in left_out}:
            return f"{whole} outside {left_out[0].region}"
        return f"{whole} except {_and(f.name for f in left_out)}"
    return None


def resolve(value, force: forces.Force | None = None) -> Geography:
    """A geography from a name, a list of force names, or a word relative to ``force`` ("force", "region").

    Raises :class:`PeelstatsError` naming the valid forms when nothing matches.
    """
    if isinstance(value, Geography):
        return value
    if isinstance(value, list | tuple):
        if not value:
            raise GeographyError("an empty list of forces")
        found = [resolve(v, force) for v in value]
        not_forces = [g.name for g in found if not g.is_force]
        if not_forces:
            raise GeographyError(f"a list combines forces only; {', '.join(not_forces)} is not a force")
        return combined([g.force for g in found])
    key = _key(value)
    if key in _FORCE_WORDS:
        if force is None:
            raise GeographyError(f"{value!r} needs a force: give the claim's or the document's force")
        return of_force(force)
    if key in _OWN_REGION_WORDS:
        if force is None:
            raise GeographyError(f"{value!r} needs a force whose region it is")
        return region(force.region_code)
    if key in _NATIONAL_WORDS:
        return national(True)
    if key in _EXCLUDING_BTP_WORDS:
        return national(False)
    if key == "england":
        return country(forces.ENGLAND_CODE)
    if key == "wales":
        return country(forces.WALES_CODE)
    if key in _REGION_ALIASES:
        return region(_REGION_ALIASES[key])
    region_names = {r.code: (f"{r.name.lower()} region", f"the {r.name.lower()} region") for r in forces.REGIONS}
    named = next((code for code, names in region_names.items() if key in names), None)
    if named is not None:
        return region(named)
    for name, codes in GROUPS.items():
        if key == _key(name):
            return combined([forces.by_code(c) for c in codes], name)
    if " and " in key and not forces.try_lookup(str(value)):
        parts = [p for p in re.split(r",\s*|\s+and\s+", str(value).strip()) if p.strip()]
        if len(parts) > 1 and all(forces.try_lookup(p) for p in parts):
            return combined([forces.lookup(p) for p in parts])
    try:
        return of_force(forces.lookup(str(value)))
    except UnknownForceError as error:
        hint = f"did you mean {', '.join(error.suggestions)}? " if error.suggestions else ""
        raise GeographyError(
            f"Unknown geography {str(value)!r}: {hint}use a force (`peelstats forces`), a region (e.g. 'North East'),"
            " 'England', 'Wales', 'England and Wales', 'England and Wales excluding BTP', 'East Anglia', "
            "'the region' or a list of forces") from None


def try_resolve(value, force: forces.Force | None = None) -> Geography | None:
    try:
        return resolve(value, force)
    except PeelstatsError:
        return None
