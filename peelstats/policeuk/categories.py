"""data.police.uk crime categories, and the Home Office offence group each matches where the match is meaningful.

police.uk publishes 14 categories (plus anti-social behaviour), which are not Home Office offence groups:
"Violence and sexual offences" merges two groups, "Other theft" and "Other crime" have no single counterpart,
and anti-social behaviour is not a crime. Never use these counts for force-versus-national % changes; they give
local texture.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from peelstats.reference import offences as off

ASB = "anti-social-behaviour"


@dataclass(frozen=True)
class Category:
    slug: str  # API id, e.g. "vehicle-crime"
    name: str  # archive CSV "Crime type", e.g. "Vehicle crime"
    offence: str | None  # Home Office offence (canonical) or None: no meaningful counterpart
    note: str = ""

    @property
    def is_crime(self) -> bool:
        return self.slug != ASB


CATEGORIES: tuple[Category, ...] = (
    Category(ASB, "Anti-social behaviour", None, "not a crime; counted separately"),
    Category("bicycle-theft", "Bicycle theft", off.BICYCLE),
    Category("burglary", "Burglary", off.BURGLARY, "all burglary (residential and non-residential)"),
    Category("criminal-damage-arson", "Criminal damage and arson", off.CRIMINAL_DAMAGE),
    Category("drugs", "Drugs", off.DRUGS),
    Category("other-theft", "Other theft", None, "part of 'all other theft offences'; no one-to-one counterpart"),
    Category("possession-of-weapons", "Possession of weapons", off.WEAPONS),
    Category("public-order", "Public order", off.PUBLIC_ORDER),
    Category("robbery", "Robbery", off.ROBBERY),
    Category("shoplifting", "Shoplifting", off.SHOPLIFTING),
    Category("theft-from-the-person", "Theft from the person", off.THEFT_FROM_PERSON),
    Category("vehicle-crime", "Vehicle crime", off.VEHICLE),
    Category("violent-crime", "Violence and sexual offences", None, "merges violence against the person and "
                                                                    "sexual offences"),
    Category("other-crime", "Other crime", None, "a mix of groups (e.g. miscellaneous crimes against society)"),
)
_BY_KEY = {**{c.slug: c for c in CATEGORIES}, **{c.name.lower(): c for c in CATEGORIES}}


def category(slug_or_name: str) -> Category | None:
    return _BY_KEY.get(str(slug_or_name).strip().lower())


def mapping_table() -> pd.DataFrame:
    return pd.DataFrame([{"category": c.name, "slug": c.slug, "is_crime": c.is_crime,
                          "home_office_offence": c.offence, "note": c.note} for c in CATEGORIES])
