"""The offence taxonomy: canonical names, the tree of aggregates, and the aliases publishers and people use.

Canonical names follow the ONS Police Force Area tables. Aggregates are defined by their components so a
source that publishes only the leaves (``rec-crime-pfa``, the Home Office open data) can be summed to the
same definition. Total burglary is domestic + non-domestic + residential + non-residential, because the
April 2017 reclassification moved offences from the first pair to the second (see :mod:`peelstats.reference.breaks`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from peelstats.errors import UnknownOffenceError

TOTAL = "Total recorded crime (excluding fraud)"
TOTAL_INCLUDING_FRAUD = "Total recorded crime (including fraud)"
VICTIM_BASED = "Victim-based crime"
VIOLENCE = "Violence against the person"
HOMICIDE = "Homicide"
VIOLENCE_WITH_INJURY = "Violence with injury"
VIOLENCE_WITHOUT_INJURY = "Violence without injury"
STALKING = "Stalking and harassment"
DEATH_BY_DRIVING = "Death or serious injury - unlawful driving"
SEXUAL = "Sexual offences"
ROBBERY = "Robbery"
THEFT = "Theft offences"
BURGLARY = "Burglary"
DOMESTIC_BURGLARY = "Domestic burglary"
NON_DOMESTIC_BURGLARY = "Non-domestic burglary"
RESIDENTIAL_BURGLARY = "Residential burglary"
NON_RESIDENTIAL_BURGLARY = "Non-residential burglary"
VEHICLE = "Vehicle offences"
THEFT_FROM_PERSON = "Theft from the person"
BICYCLE = "Bicycle theft"
SHOPLIFTING = "Shoplifting"
OTHER_THEFT = "All other theft offences"
CRIMINAL_DAMAGE = "Criminal damage and arson"
OTHER_AGAINST_SOCIETY = "Other crimes against society"
DRUGS = "Drug offences"
WEAPONS = "Possession of weapons offences"
PUBLIC_ORDER = "Public order offences"
MISCELLANEOUS = "Miscellaneous crimes against society"
FRAUD = "Fraud offences"


@dataclass(frozen=True)
class Offence:
    name: str
    group: str  # Home Office offence group (or the aggregate's own name above group level)
    components: tuple[str, ...] = ()  # empty for a leaf
    aliases: tuple[str, ...] = ()
    description: str = ""

    @property
    def is_aggregate(self) -> bool:
        return bool(self.components)


OFFENCES: tuple[Offence, ...] = (
    Offence(TOTAL_INCLUDING_FRAUD, TOTAL_INCLUDING_FRAUD, (TOTAL, FRAUD),
            ("total recorded crime including fraud", "all recorded crime including fraud",
             "all recorded crimes including fraud", "total crime including fraud", "crime including fraud",
             "including fraud", "total including fraud"),
            "Total recorded crime plus fraud: fraud recorded by forces (until 2013/14) and by Action Fraud, CIFAS "
            "and UK Finance. Headline totals excluded fraud from 2015; earlier 'total recorded crime' included it."),
    Offence(TOTAL, TOTAL, (VICTIM_BASED, OTHER_AGAINST_SOCIETY),
            ("total", "total recorded crime", "total recorded crime excluding fraud", "all crime", "tRC",
             "total crime", "recorded crime"),
            "All notifiable offences recorded by the police except fraud (recorded nationally by Action Fraud)."),
    Offence(VICTIM_BASED, VICTIM_BASED, (VIOLENCE, SEXUAL, ROBBERY, THEFT, CRIMINAL_DAMAGE), ("victim based",)),
    Offence(VIOLENCE, VIOLENCE,
            (HOMICIDE, VIOLENCE_WITH_INJURY, VIOLENCE_WITHOUT_INJURY, STALKING, DEATH_BY_DRIVING),
            ("violence", "violent crime", "vap")),
    Offence(HOMICIDE, VIOLENCE, aliases=("murder",)),
    Offence(VIOLENCE_WITH_INJURY, VIOLENCE),
    Offence(VIOLENCE_WITHOUT_INJURY, VIOLENCE),
    Offence(STALKING, VIOLENCE, aliases=("stalking", "harassment")),
    Offence(DEATH_BY_DRIVING, VIOLENCE,
            aliases=("death or serious injury caused by illegal driving", "death or serious injury unlawful driving",
                     "death or serious injury")),
    Offence(SEXUAL, SEXUAL, aliases=("sexual offences", "sex offences")),
    Offence(ROBBERY, ROBBERY, aliases=("robberies",)),
    Offence(THEFT, THEFT, (BURGLARY, VEHICLE, THEFT_FROM_PERSON, BICYCLE, SHOPLIFTING, OTHER_THEFT),
            ("theft",)),
    Offence(BURGLARY, THEFT,
            (DOMESTIC_BURGLARY, NON_DOMESTIC_BURGLARY, RESIDENTIAL_BURGLARY, NON_RESIDENTIAL_BURGLARY),
            ("total burglary", "burglaries", "all burglary"),
            "All burglary; the only burglary series comparable across the April 2017 reclassification."),
    Offence(DOMESTIC_BURGLARY, THEFT, aliases=("burglary in a dwelling",),
            description="Burglary in a dwelling; replaced by residential burglary from April 2017."),
    Offence(NON_DOMESTIC_BURGLARY, THEFT, aliases=("burglary other than a dwelling",),
            description="Burglary in a building other than a dwelling; replaced from April 2017."),
    Offence(RESIDENTIAL_BURGLARY, THEFT, aliases=("residental burglary", "burglary residential"),
            description="From April 2017: dwellings plus sheds and garages within a dwelling's boundary."),
    Offence(NON_RESIDENTIAL_BURGLARY, THEFT, aliases=("burglary business and community", "business burglary"),
            description="From April 2017: business and community premises."),
    Offence(VEHICLE, THEFT, aliases=("vehicle crime", "vehicle offences", "vehicle theft", "car crime")),
    Offence(THEFT_FROM_PERSON, THEFT),
    Offence(BICYCLE, THEFT, aliases=("bike theft", "bicycle")),
    Offence(SHOPLIFTING, THEFT),
    Offence(OTHER_THEFT, THEFT, aliases=("other theft offences", "other theft")),
    Offence(CRIMINAL_DAMAGE, CRIMINAL_DAMAGE, aliases=("criminal damage", "arson")),
    Offence(OTHER_AGAINST_SOCIETY, OTHER_AGAINST_SOCIETY, (DRUGS, WEAPONS, PUBLIC_ORDER, MISCELLANEOUS),
            ("crimes against society",)),
    Offence(DRUGS, DRUGS, aliases=("drugs",)),
    Offence(WEAPONS, WEAPONS, aliases=("weapons", "possession of weapons")),
    Offence(PUBLIC_ORDER, PUBLIC_ORDER, aliases=("public order",)),
    Offence(MISCELLANEOUS, MISCELLANEOUS, aliases=("miscellaneous crimes", "miscellaneous")),
    Offence(FRAUD, FRAUD, aliases=("fraud", "fraud and forgery", "fraud offences", "frauds"),
            description="Recorded nationally (Action Fraud, CIFAS, UK Finance); not part of total recorded crime."),
)

OFFENCE_BY_NAME = {o.name: o for o in OFFENCES}
LEAVES = tuple(o.name for o in OFFENCES if not o.is_aggregate)


def offence(name: str) -> Offence:
    return OFFENCE_BY_NAME[canonical(name)]


def normalise_label(text: str) -> str:
    """Normalise a published label: drop glued footnote digits, case, punctuation and extra spaces.

    >>> normalise_label("Residental burglary5")
    'residental burglary'
    >>> normalise_label("Non-residential  burglary6,7")
    'non residential burglary'
    """
    text = str(text).replace("\n", " ").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(\s*\d+(,\s*\d+)*)\s*$", "", text.strip())  # trailing footnote refs like 6,7
    text = re.sub(r"(?<=[a-z)])\d+(,\d+)*(?=\))", "", text)  # footnote inside brackets: "fraud4)"
    text = text.lower().replace("&", "and")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for off in OFFENCES:
        for key in (off.name, *off.aliases):
            index[normalise_label(key)] = off.name
    return index


@cache
def canonical(name: str) -> str:
    """Canonical offence name for any published label or common alias.

    >>> canonical("vehicle crime")
    'Vehicle offences'
    >>> canonical("total")
    'Total recorded crime (excluding fraud)'
    """
    key = normalise_label(name)
    index = _alias_index()
    if key in index:
        return index[key]
    suggestions = difflib.get_close_matches(key, list(index), n=3, cutoff=0.6)
    raise UnknownOffenceError(str(name), list(dict.fromkeys(index[s] for s in suggestions)),
                              [o.name for o in OFFENCES])


def try_canonical(name: str) -> str | None:
    try:
        return canonical(name)
    except UnknownOffenceError:
        return None


def leaves_of(name: str) -> tuple[str, ...]:
    """All leaf offences summed to make ``name`` (itself, for a leaf)."""
    off = OFFENCE_BY_NAME[canonical(name)]
    if not off.is_aggregate:
        return (off.name,)
    out: list[str] = []
    for part in off.components:
        out += leaves_of(part)
    return tuple(out)


def group_of(name: str) -> str:
    return OFFENCE_BY_NAME[canonical(name)].group


def as_offences(name: str) -> str:
    """The offence as a count of offences in a sentence: 'drug offences', 'robbery offences'."""
    text = canonical(name).lower()
    return text if text.endswith("offences") else f"{text} offences"
