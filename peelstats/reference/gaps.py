"""Known data gaps: months for which a force supplied no data to the Home Office.

A gap is not a change of definition (see :mod:`peelstats.reference.breaks`): the force's own figures are missing for
every rolling year that overlaps the gap, and national or regional figures stay comparable only when the force
is left out of both years, as ONS does. The registry is data (``peelstats/data/data_gaps.csv``), each gap with
its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import pandas as pd


@dataclass(frozen=True)
class DataGap:
    force_code: str
    force: str
    first_month: pd.Period
    last_month: pd.Period
    explanation: str
    source: str

    @property
    def months_label(self) -> str:
        return f"{self.first_month.strftime('%B %Y')} to {self.last_month.strftime('%B %Y')}"

    def overlaps(self, period_end, months: int = 12) -> bool:
        """Whether the ``months`` ending ``period_end`` include any month of the gap."""
        last = pd.Timestamp(period_end).to_period("M")
        first = last - (months - 1)
        return first <= self.last_month and self.first_month <= last

    def as_dict(self) -> dict:
        return {"force_code": self.force_code, "force": self.force, "months": self.months_label,
                "explanation": self.explanation, "source": self.source}


@cache
def registry() -> tuple[DataGap, ...]:
    with resources.files("peelstats.data").joinpath("data_gaps.csv").open("r", encoding="utf-8") as fh:
        table = pd.read_csv(fh, dtype=str, keep_default_na=False)
    return tuple(DataGap(r.force_code, r.force, pd.Period(r.first_month, "M"), pd.Period(r.last_month, "M"),
                         r.explanation, r.source) for r in table.itertuples(index=False))


def gaps_in(period_end, months: int = 12, *, code: str | None = None) -> list[DataGap]:
    """Gaps overlapping the ``months`` ending ``period_end`` (for one force, or any)."""
    return [g for g in registry() if (code is None or g.force_code == code) and g.overlaps(period_end, months)]


def gaps_between(baseline_end, period_end, months: int = 12, *, code: str | None = None) -> list[DataGap]:
    """Gaps touching either year of a comparison."""
    found = gaps_in(period_end, months, code=code) + gaps_in(baseline_end, months, code=code)
    return list(dict.fromkeys(found))
