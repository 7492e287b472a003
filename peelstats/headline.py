"""A one-table headline: a force against England and Wales for the latest period in the ONS tables."""

from __future__ import annotations

import pandas as pd

from peelstats import forces, periods
from peelstats import offences as off
from peelstats.dataset import Dataset, load
from peelstats.forces import NATIONAL_CODE

ONS = "ons-pfa-tables"


def headline(force: str = "West Mercia", offence: str = off.TOTAL, data: Dataset | None = None) -> pd.DataFrame:
    """Counts this year and a year earlier, and ONS's published % change, for the force and for E&W.

    Each figure names its edition: the year-earlier count comes from the edition that first published it.
    """
    data = data or load()
    target = forces.lookup(force)
    offence = off.canonical(offence)
    counts = data.counts[(data.counts.source == ONS) & (data.counts.offence == offence)]
    latest = counts.period_end.max()
    earlier = periods.year_earlier(latest)
    change = data.published_change
    rows = []
    for code, name in ((target.code, target.name), (NATIONAL_CODE, "England and Wales (incl. BTP)")):
        now = counts[(counts.geography_code == code) & (counts.period_end == latest)]
        before = counts[(counts.geography_code == code) & (counts.period_end == earlier)]
        published = change[(change.source == ONS) & (change.geography_code == code) & (change.offence == offence)
                           & (change.period_end == latest)]
        rows.append({
            "area": name,
            "offence": offence,
            "period": periods.label(latest),
            "count": int(now["count"].iloc[0]) if len(now) else None,
            "edition": now["edition"].iloc[0] if len(now) else None,
            "count_year_earlier": int(before["count"].iloc[0]) if len(before) else None,
            "edition_year_earlier": before["edition"].iloc[0] if len(before) else None,
            "published_change_pct": float(published["change_pct"].iloc[0]) if len(published) else None,
            "note": _excluded_forces_note(data, now["edition"].iloc[0], offence) if code == NATIONAL_CODE and len(now)
            else "",
        })
    return pd.DataFrame(rows)


def _excluded_forces_note(data: Dataset, edition: str, offence: str) -> str:
    gaps = data.not_available
    missing = gaps[(gaps.source == ONS) & (gaps.edition == edition) & (gaps.offence == offence)
                   & (gaps.geography_level == "force") & (gaps.marker == "..")]
    names = sorted(set(missing.geography_name.astype(str)))
    return f"excludes {', '.join(names)} (data not available)" if names else ""
