"""Series breaks: changes of classification, recording or coverage that make a comparison unsafe.

Each break has an effective date and a one-line explanation. :func:`breaks_between` answers
"which breaks lie between these two periods for this offence": a break lies between a baseline and a
period when the baseline's 12 months (or quarter) start before the effective date and the period ends
on or after it, i.e. the two figures were counted on different bases.

Missing data (a force that supplied nothing for some months) is not a break: see :mod:`peelstats.reference.gaps`.

``severity`` says what to do: ``not_comparable`` means the change must not be presented as like-for-like
(compute the nearest comparable offence instead); ``caution`` means the change is computable on a
consistent basis in back-cast series but figures from older tables are not.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pandas as pd

from peelstats.reference import offences as off
from peelstats.reference import periods


class Severity(StrEnum):
    """What a break means for a change across it."""

    NOT_COMPARABLE = "not_comparable"  # never presented as like for like
    CAUTION = "caution"  # comparable, with a caveat


@dataclass(frozen=True)
class SeriesBreak:
    id: str
    effective: date
    offences: tuple[str, ...]
    explanation: str
    severity: Severity
    comparable_offence: str | None = None
    source: str = ""

    @property
    def blocks(self) -> bool:
        """A change across this break is not like for like."""
        return self.severity is Severity.NOT_COMPARABLE

    def applies_to(self, offence: str) -> bool:
        name = off.canonical(offence)
        if self.id in _AGGREGATES_ONLY:
            return name in _AGGREGATES_ONLY[self.id]
        contains_affected = any(leaf in self.offences for leaf in off.leaves_of(name))
        return name in self.offences or (contains_affected and name not in _SAFE_AGGREGATES.get(self.id, ()))

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "effective": self.effective.isoformat(),
            "severity": str(self.severity),
            "explanation": self.explanation,
            "comparable_offence": self.comparable_offence,
        }


_BURGLARY_PARTS = (off.DOMESTIC_BURGLARY, off.NON_DOMESTIC_BURGLARY, off.RESIDENTIAL_BURGLARY,
                   off.NON_RESIDENTIAL_BURGLARY)
_VIOLENCE_PARTS = (off.VIOLENCE_WITH_INJURY, off.VIOLENCE_WITHOUT_INJURY, off.STALKING, off.DEATH_BY_DRIVING)

# Aggregates that contain an affected leaf but are themselves unaffected (the offences only moved inside them).
_SAFE_AGGREGATES: dict[str, tuple[str, ...]] = {
    "burglary-residential-2017": (off.BURGLARY, off.THEFT, off.VICTIM_BASED, off.TOTAL, off.TOTAL_INCLUDING_FRAUD),
    "violence-subcategories-2017": (off.VIOLENCE, off.VICTIM_BASED, off.TOTAL, off.TOTAL_INCLUDING_FRAUD),
    "fraud-national-recording": (off.TOTAL_INCLUDING_FRAUD,),  # the transfer is a caution there, not a block
}
# Breaks that apply only to the named aggregates, not to the leaves they list.
_AGGREGATES_ONLY: dict[str, tuple[str, ...]] = {"fraud-in-totals": (off.TOTAL_INCLUDING_FRAUD,)}

BREAKS: tuple[SeriesBreak, ...] = (
    SeriesBreak(
        "burglary-residential-2017",
        date(2017, 4, 1),
        _BURGLARY_PARTS,
        "From April 2017 domestic/non-domestic burglary were replaced by residential/non-residential "
        "(business and community) burglary; residential includes sheds and garages within a dwelling's "
        "boundary, so the sub-categories are not comparable over time. Only total burglary is.",
        Severity.NOT_COMPARABLE,
        comparable_offence=off.BURGLARY,
        source="ONS PFA tables, YE March 2018, Table P1 footnote 6 and Table P2 footnote 5",
    ),
    SeriesBreak(
        "violence-subcategories-2017",
        date(2017, 6, 30),
        _VIOLENCE_PARTS,
        "From the year ending June 2017 tables, stalking and harassment and death or serious injury by unlawful "
        "driving were moved out of violence with/without injury into sub-categories of their own. Back-cast "
        "series (ONS P2, rec-crime-pfa) are consistent; figures taken from earlier tables are not.",
        Severity.CAUTION,
        comparable_offence=off.VIOLENCE,
        source="ONS PFA tables, YE March 2018, Table P1 footnote 5",
    ),
    SeriesBreak(
        "fraud-in-totals",
        date(2013, 4, 1),
        (off.FRAUD,),
        "Fraud recorded by forces moved to Action Fraud (completed by April 2013): a force's total including fraud "
        "falls as its own fraud recording stops, and national totals take in the national fraud bodies' counts "
        "instead (a change across the transfer leaves the bodies out of both years, like for like). Totals "
        "including fraud are computable on each side, but part of the change is the transfer, not crime.",
        Severity.CAUTION,
        comparable_offence=off.TOTAL,
        source="ONS User Guide to Crime Statistics; ONS PFA tables footnote on fraud",
    ),
    SeriesBreak(
        "fraud-national-recording",
        date(2013, 4, 1),
        (off.FRAUD,),
        "Fraud recording moved from local forces to Action Fraud (completed by April 2013); force-level fraud "
        "falls to zero and fraud is recorded nationally only from the year ending March 2014. Total recorded "
        "crime is published excluding fraud for this reason.",
        Severity.NOT_COMPARABLE,
        comparable_offence=None,
        source="ONS PFA tables footnote on fraud; ONS User Guide to Crime Statistics",
    ),
)


# The category each post-break offence replaced (for showing counts either side of a break).
PREDECESSORS = {
    off.RESIDENTIAL_BURGLARY: (off.DOMESTIC_BURGLARY, date(2017, 4, 1)),
    off.NON_RESIDENTIAL_BURGLARY: (off.NON_DOMESTIC_BURGLARY, date(2017, 4, 1)),
}


def predecessor(offence: str, period_end) -> str | None:
    """The category ``offence`` replaced, if ``period_end`` lies before the replacement took effect."""
    name = off.canonical(offence)
    if name in PREDECESSORS:
        old, effective = PREDECESSORS[name]
        if _as_date(period_end) < effective:
            return old
    return None


def _as_date(value) -> date:
    return periods.to_timestamp(value).date()


def breaks_between(
    offence: str,
    baseline_end,
    period_end,
    *,
    baseline_months: int = 12,
) -> list[SeriesBreak]:
    """Breaks that lie between a baseline period and a later period for this offence.

    ``baseline_end``/``period_end`` are period-end dates; ``baseline_months`` is the baseline's length
    (12 for rolling years, 3 for quarters).

    >>> [b.id for b in breaks_between("residential burglary", "2017-03-31", "2018-03-31")]
    ['burglary-residential-2017']
    >>> breaks_between("burglary", "2017-03-31", "2018-03-31")
    []
    """
    base_end = _as_date(baseline_end)
    end = _as_date(period_end)
    if base_end > end:
        base_end, end = end, base_end
    return list(_between(offence, base_end, end, baseline_months))


@functools.lru_cache(maxsize=4096)
def _between(offence: str, base_end: date, end: date, baseline_months: int) -> tuple[SeriesBreak, ...]:
    base_start = (pd.Timestamp(base_end) - pd.DateOffset(months=baseline_months) + pd.Timedelta(days=1)).date()
    return tuple(brk for brk in BREAKS if brk.applies_to(offence) and base_start < brk.effective <= end)


def breaks_table() -> pd.DataFrame:
    return pd.DataFrame([
        {**b.as_dict(), "offences": ", ".join(b.offences), "source": b.source}
        for b in BREAKS
    ])
